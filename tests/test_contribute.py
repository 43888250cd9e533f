"""Regions contribute by pull request: templates, scaffold, GitHub links, CODEOWNERS, workflows."""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import MINIMAL, ROOT, build, check, copy_repo, write
from kennisschakels import contribute, load_catalogue
from kennisschakels.catalogue import check as check_tree


def scaffold(root, *args):
    return subprocess.run([sys.executable, "-m", "kennisschakels", "nieuw", *args],
                          cwd=root, capture_output=True, text=True)


@pytest.mark.parametrize("kind", sorted(contribute.KINDS))
def test_every_template_is_valid_content_as_it_stands(tmp_path, kind):
    copy_repo(tmp_path)
    target = contribute.KINDS[kind][1].format(region="twente", date="2030-01-01", name="sjabloon")
    (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / target).write_text(contribute.template(kind), encoding="utf-8")
    _, problems = check_tree(tmp_path)
    assert problems == []


def test_whole_contribution_path_from_scaffold_to_site(tmp_path):
    root = copy_repo(tmp_path)
    made = scaffold(root, "update", "--regio", "twente", "--titel", "Bodemcafé over warmtenetten",
                    "--datum", "2030-02-03", "--thema", "samenwerking-nationaal")
    assert made.returncode == 0, made.stderr
    path = "regions/twente/updates/2030-02-03-bodemcafe-over-warmtenetten.md"
    assert path in made.stdout
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


def test_scaffold_refuses_unknown_region_and_theme_with_validation_messages(minimal):
    unknown_region = scaffold(minimal, "praktijk", "--regio", "twenthe", "--titel", "Iets")
    assert unknown_region.returncode == 1
    assert "regio 'twenthe' bestaat niet" in unknown_region.stderr and "(bedoelde je 'twente'?)" in unknown_region.stderr
    unknown_theme = scaffold(minimal, "update", "--regio", "twente", "--titel", "Iets", "--thema", "samenwerking")
    assert unknown_theme.returncode == 1
    assert "themes: onbekend leerthema 'samenwerking'" in unknown_theme.stderr
    assert not list((minimal / "regions").rglob("*iets*")), "a refused scaffold leaves no file behind"
    assert not (minimal / "regions" / "twenthe").exists()


def test_region_page_links_open_github_web_editor_with_template(built_site):
    html = (built_site / "regions/drenthe/index.html").read_text(encoding="utf-8")
    new_links = re.findall(r'href="(https://github\.com/[^"]+/new/main/regions/drenthe/updates\?[^"]+)"', html)
    assert len(new_links) == 1
    query = parse_qs(urlsplit(new_links[0].replace("&amp;", "&")).query)
    assert query["filename"] == ["JJJJ-MM-DD-KORTE-NAAM.md"]  # rejected until renamed
    assert query["value"] == [contribute.template("update")]
    assert "https://github.com/ORGANISATIE/kennisschakels/edit/main/regions/drenthe/index.md" in html
    theme = (built_site / "leerthemas/schaalniveau/index.html").read_text(encoding="utf-8")
    assert "https://github.com/ORGANISATIE/kennisschakels/edit/main/docs/leerthemas/schaalniveau.md" in theme


def test_no_page_asks_the_github_api_for_repository_facts(built_site):
    assert 'data-md-component="source"' not in (built_site / "index.html").read_text(encoding="utf-8")


def test_codeowners_file_matches_the_regions():
    result = subprocess.run([sys.executable, "-m", "kennisschakels", "codeowners", "--check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_codeowners_routes_region_folders_to_maintainers(minimal):
    write(minimal, {
        "regions/twente/index.md": MINIMAL["regions/twente/index.md"].replace(
            "maintainers: []", "maintainers:\n          - jan-twente\n          - '@ORG/team-twente'"),
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
    owners = contribute.codeowners(load_catalogue(minimal), "@ORG/redactie")
    assert "/regions/twente/ @jan-twente @ORG/team-twente\n" in owners
    assert "/regions/zeeland/ @ORG/redactie\n" in owners
    assert owners.splitlines()[2] == "* @ORG/redactie"
    # Drift: the committed file no longer matches after a maintainer changes.
    (minimal / ".github").mkdir()
    (minimal / ".github" / "CODEOWNERS").write_text(owners.replace("@jan-twente ", ""), encoding="utf-8")
    drift = subprocess.run([sys.executable, "-m", "kennisschakels", "codeowners", "--check"],
                           cwd=minimal, capture_output=True, text=True)
    assert drift.returncode == 1 and "loopt niet gelijk" in drift.stderr


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
