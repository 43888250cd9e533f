"""The one command line: check (exit status, Dutch report, GitHub annotations), schema (JSON Schema,
README table), export (nothing written on a problem) and its argument handling."""

from __future__ import annotations

import json
import shutil

from conftest import MINIMAL, ROOT, check, cli, write
from kennisschakels.cli import main
from kennisschakels.model import reference
from kennisschakels.model.declarations import TYPES


def test_check_passes_on_real_content():
    result = check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "Inhoud in orde" in result.stdout and "bestanden gecontroleerd" in result.stdout


def test_check_reports_every_problem_in_dutch_and_prints_github_annotations(minimal):
    tree = minimal
    write(tree, {"essays/fout.md": "---\ntitle: Fout\ndescription: Fout.\ndate: 2022-02-30\nthemes:\n- theme-1\n---\n"})
    result = check(tree, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert "::error file=essays/fout.md,line=4,title=Inhoudscontrole::date: '2022-02-30' is geen bestaande datum" \
        in result.stdout
    assert "essays/fout.md:4: date: '2022-02-30' is geen bestaande datum" in result.stderr
    assert "1 probleem gevonden in de inhoud; er is niets gebouwd." in result.stderr
    plain = check(tree, env={"GITHUB_ACTIONS": "false"})
    assert "::error" not in plain.stdout and plain.returncode == 1
    assert "::error" in check(tree, "--github", env={"GITHUB_ACTIONS": "false"}).stdout


def test_check_with_root_option(minimal):
    tree = minimal
    result = cli(ROOT, "--root", str(tree), "check")
    assert result.returncode == 0, result.stderr


def test_schema_export_is_json_schema(tmp_path):
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t.name}.schema.json" for t in TYPES)
    essay = json.loads((tmp_path / "essay.schema.json").read_text(encoding="utf-8"))
    # Authors and date may wait while an essay is a draft: a rule of the type, not of the schema.
    assert essay["required"] == ["title", "description", "themes"]
    assert essay["properties"]["themes"]["minItems"] == 1
    assert essay["title"] == "Kennisschakels: essay"


def test_schema_to_stdout(capsys):
    assert main(["schema"]) == 0
    schemas = json.loads(capsys.readouterr().out)
    assert list(schemas) == TYPES.names()


def test_schema_readme_rewrites_the_table_of_types(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = readme.replace(reference.readme_section(), f"{reference.BEGIN}\nverouderd\n{reference.END}")
    assert stale != readme
    (tmp_path / "README.md").write_text(stale, encoding="utf-8")
    result = cli(tmp_path, "schema", "--readme")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == readme


def test_export_writes_nothing_when_the_content_has_a_problem(minimal, tmp_path):
    write(minimal, {"essays/essay-1.md": MINIMAL["essays/essay-1.md"].replace("- theme-1", "- theme-9")})
    out = tmp_path / "uit"
    result = cli(minimal, "export", "--out", str(out))
    assert result.returncode == 1
    assert "themes: onbekend leerthema 'theme-9'" in result.stderr and "er is niets geschreven" in result.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export-")] == []


def test_unknown_arguments_and_commands_are_refused(tree):
    assert cli(tree, "check", "--onbekend").returncode == 2
    assert cli(tree, "bestaat-niet").returncode == 2


def test_bench_outside_a_checkout_says_where_it_lives(tree):
    result = cli(tree, "bench")
    assert result.returncode == 1 and "benchmarks/" in result.stderr


def test_codeowners_refuses_content_with_problems(tree):
    shutil.copy(ROOT / "mkdocs.yml", tree / "mkdocs.yml")
    write(tree, {"docs/mensen/person-1.md": "geen front-matter\n"})
    result = cli(tree, "codeowners")
    assert result.returncode == 1 and "er is niets geschreven" in result.stderr
    assert not (tree / ".github").exists()


def test_check_outside_a_repository_says_so_in_dutch(tmp_path):
    """Not a traceback: a contributor who starts the check in the wrong folder is told where to go."""
    (tmp_path / "docs").mkdir()
    for command in (("check",), ("export", "--out", str(tmp_path / "uit")), ("codeowners", "--check")):
        result = cli(tmp_path, *command)
        assert result.returncode == 2, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert f"Geen kennisbank in {tmp_path}: mkdocs.yml ontbreekt" in result.stderr
        assert "--root" in result.stderr
    assert not (tmp_path / "uit").exists()
