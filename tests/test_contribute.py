"""Regions contribute by pull request: templates, scaffold, GitHub links, CODEOWNERS, workflows."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import MINIMAL, ROOT, build, check, cli, copy_repo, edit, write
from kennisschakels import contribute
from kennisschakels.classify import classify
from kennisschakels.model.declarations import TYPES
from kennisschakels.load import check as check_tree
from kennisschakels.load import load_catalogue
from kennisschakels.scaffolds import placeholders, scaffold_types, template


def scaffold(root, *args):
    return cli(root, "nieuw", *args)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A copy of the repository with its content, checked in-process (no build)."""
    return copy_repo(tmp_path_factory.mktemp("repo"))


@pytest.mark.parametrize("kind", sorted(scaffold_types()))
def test_every_template_is_valid_content_apart_from_its_placeholders(repo, kind):
    target = scaffold_types()[kind].path.format(region="twente", date="2030-01-01", name="sjabloon", id="sjabloon")
    path = repo / target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(kind), encoding="utf-8")
    try:
        _, problems = check_tree(repo)
    finally:
        path.unlink()
    # The check refuses only the example texts, so none can reach a reader or a calendar.
    assert problems and all(p.path == target and p.wrong.startswith("is nog de voorbeeldtekst van het sjabloon")
                            for p in problems), [str(p) for p in problems]
    assert {p.key for p in problems} >= {"title", "description"}


def test_every_scaffold_type_has_a_template_with_its_title_and_description():
    for kind, type_ in scaffold_types().items():
        meta = yaml.safe_load(template(kind).split("---\n")[1])
        assert set(meta) <= set(type_.keys), kind
        assert meta["title"] in placeholders()["title"] and meta["description"] in placeholders()["description"]


@pytest.mark.slow
def test_whole_contribution_path_from_scaffold_to_site(tmp_path):
    root = copy_repo(tmp_path)
    made = scaffold(root, "update", "--regio", "twente", "--titel", "Bodemcafé over warmtenetten",
                    "--datum", "2030-02-03", "--thema", "samenwerking-nationaal",
                    "--beschrijving", "Twente hield een bodemcafé over warmtenetten.")
    assert made.returncode == 0, made.stderr
    path = "regions/twente/updates/2030-02-03-bodemcafe-over-warmtenetten.md"
    assert f"Aangemaakt: {path}" in made.stdout
    # The template's instruction lines are refused until the writer replaces them.
    refused = check(root)
    assert refused.returncode == 1 and f"{path}:" in refused.stderr
    assert "inhoud: is nog de voorbeeldtekst van het sjabloon" in refused.stderr
    text = (root / path).read_text(encoding="utf-8")
    (root / path).write_text(text.split("---\n\n", 1)[0] + "---\n\nHet bodemcafé trok dertig bezoekers.\n",
                             encoding="utf-8")
    assert check(root).returncode == 0
    assert build(root).returncode == 0
    for page in ("regions/twente/index.html", "overzichten/updates/index.html",
                 "regions/twente/updates/2030-02-03-bodemcafe-over-warmtenetten/index.html"):
        assert "Bodemcafé over warmtenetten" in (root / "site" / page).read_text(encoding="utf-8"), page
    # A contributor then breaks the date: check and build name file, line and key.
    broken = (root / path).read_text(encoding="utf-8").replace('title: "', 'date: 2030-02-30\ntitle: "')
    (root / path).write_text(broken, encoding="utf-8")
    expected = f"{path}:2: date: '2030-02-30' is geen bestaande datum"
    assert expected in check(root).stderr
    assert expected in build(root).stderr


def test_scaffolded_session_takes_its_date_into_the_file_name(tree):
    made = contribute.scaffold(tree, "sessie", "Kenniscafé over warmte", region="regio-1", date="2030-02-03",
                               description="Een kenniscafé.")
    assert made.problems == [] and made.path == "docs/sessies/2030-02-03-kenniscafe-over-warmte.md"
    catalogue, problems = check_tree(tree)
    session = catalogue.get("session", "2030-02-03-kenniscafe-over-warmte")
    assert session.date.iso == "2030-02-03" and [r.id for r in session.regions] == ["regio-1"]
    # What is left for the writer: the template's placeholder texts, named by the check.
    assert all(p.path == made.path and p.wrong.startswith("is nog de voorbeeldtekst") for p in problems), problems


def test_scaffold_without_a_description_leaves_the_placeholder_for_the_writer(tree):
    made = contribute.scaffold(tree, "praktijk", "Bodemwandeling", region="regio-1")
    assert made.problems == []
    _, problems = check_tree(tree)
    assert any(p.path == made.path and p.key == "description" and "voorbeeldtekst" in p.wrong for p in problems)


def test_scaffold_refuses_unknown_region_and_theme_with_validation_messages(tree):
    unknown_region = scaffold(tree, "praktijk", "--regio", "regio-9", "--titel", "Iets")
    assert unknown_region.returncode == 1
    assert "regio 'regio-9' bestaat niet" in unknown_region.stderr and "(bedoelde je 'regio-1'?)" in unknown_region.stderr
    unknown_theme = scaffold(tree, "update", "--regio", "regio-1", "--titel", "Iets", "--thema", "theme-9")
    assert unknown_theme.returncode == 1
    assert "themes: onbekend leerthema 'theme-9'" in unknown_theme.stderr
    assert "er is niets aangemaakt" in unknown_theme.stderr
    assert not list((tree / "regions").rglob("*iets*")), "a refused scaffold leaves no file behind"
    assert not (tree / "regions" / "regio-9").exists()
    missing = scaffold(tree, "update", "--titel", "Iets")
    assert missing.returncode == 1 and "--regio: ontbreekt; geef de regio-id" in missing.stderr


def test_region_page_links_open_github_web_editor_with_template(built_site):
    html = (built_site / "regions/drenthe/index.html").read_text(encoding="utf-8")
    new_links = re.findall(r'href="(https://github\.com/[^"]+/new/main/regions/drenthe/updates\?[^"]+)"', html)
    assert len(new_links) == 1
    query = parse_qs(urlsplit(new_links[0].replace("&amp;", "&")).query)
    assert query["filename"] == ["JJJJ-MM-DD-KORTE-NAAM.md"]  # rejected until renamed
    assert query["value"] == [template("update")]
    session_links = re.findall(r'href="(https://github\.com/[^"]+/new/main/docs/sessies\?[^"]+)"', html)
    (session,) = session_links
    value = parse_qs(urlsplit(session.replace("&amp;", "&")).query)["value"][0]
    assert "regions:\n  - drenthe" in value  # the session is proposed for this region
    assert "https://github.com/ORGANISATIE/kennisschakels/edit/main/regions/drenthe/index.md" in html
    theme = (built_site / "leerthemas/schaalniveau/index.html").read_text(encoding="utf-8")
    assert "https://github.com/ORGANISATIE/kennisschakels/edit/main/docs/leerthemas/schaalniveau.md" in theme


@pytest.mark.parametrize("path, expected", [
    ("regions/twente/updates/JJJJ-MM-DD-KORTE-NAAM.md", "begint niet met een datum; verwacht <JJJJ-MM-DD>-<naam>.md"),
    ("docs/sessies/JJJJ-MM-DD-KORTE-NAAM.md", "begint niet met een datum; verwacht <JJJJ-MM-DD>-<naam>.md"),
    ("regions/twente/praktijk/KORTE-NAAM.md", "bevat hoofdletters; gebruik alleen kleine letters (a-z), cijfers en "
                                              "streepjes: hernoem naar 'korte-naam.md'"),
])
def test_the_placeholder_file_name_of_the_web_editor_is_refused_until_renamed(path, expected):
    problems = classify(path, TYPES)
    assert isinstance(problems, list) and [p.key for p in problems] == ["bestand"]
    assert expected in str(problems[0])


def test_no_page_asks_the_github_api_for_repository_facts(built_site):
    assert 'data-md-component="source"' not in (built_site / "index.html").read_text(encoding="utf-8")


def test_codeowners_file_matches_the_regions():
    result = subprocess.run([sys.executable, "-m", "kennisschakels", "codeowners", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_codeowners_routes_region_folders_to_maintainers(tree):
    write(tree, {
        "regions/regio-1/index.md": edit(MINIMAL["regions/regio-1/index.md"],
                                         maintainers=["jan-twente", "@ORG/team-twente"]),
        "regions/zeeland/index.md": """
            ---
            title: Zeeland
            description: Belangstelling.
            provinces:
              - Zeeland
            status: interested
            ---
            """,
    })
    owners = contribute.codeowners(load_catalogue(tree), "@ORG/redactie")
    assert "/regions/regio-1/ @jan-twente @ORG/team-twente\n" in owners
    assert "/regions/zeeland/ @ORG/redactie\n" in owners
    assert owners.splitlines()[2] == "* @ORG/redactie"
    # Drift: the committed file no longer matches after a maintainer changes.
    (tree / ".github").mkdir()
    (tree / ".github" / "CODEOWNERS").write_text(owners.replace("@jan-twente ", ""), encoding="utf-8")
    (tree / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    drift = cli(tree, "codeowners", "--check")
    assert drift.returncode == 1 and "loopt niet gelijk" in drift.stderr
    assert cli(tree, "codeowners").returncode == 0
    assert cli(tree, "codeowners", "--check").returncode == 0


def test_workflows_are_valid_and_run_what_ci_runs():
    pr = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = "python3 scripts/dev.py test"
    assert test_command in ci and test_command in readme
    pr_runs = [step.get("run", "") for step in pr["jobs"]["controle"]["steps"]]
    assert "bash .ci/run" in pr_runs and "python3 scripts/dev.py check" in pr_runs
    uses = [step["uses"] for wf in (pr, publish) for job in wf["jobs"].values() for step in job["steps"]
            if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", u) for u in uses), uses  # see test_workflows.py
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert publish[True]["push"]["branches"] == ["main"]  # YAML reads the key 'on' as true
