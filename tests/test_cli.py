"""The standalone check command: exit status, Dutch report, GitHub annotations, JSON Schema."""

from __future__ import annotations

import json

from conftest import ROOT, check, write


def test_check_passes_on_real_content():
    result = check(ROOT)
    assert result.returncode == 0, result.stderr
    assert "Inhoud in orde" in result.stdout


def test_check_prints_github_annotations(minimal):
    write(minimal, {"essays/fout.md": "---\ntitle: Fout\ndescription: Fout.\ndate: 2022-02-30\n---\n"})
    result = check(minimal, env={"GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert "::error file=essays/fout.md,line=4,title=Inhoudscontrole::date: '2022-02-30' is geen bestaande datum" \
        in result.stdout
    assert "problemen gevonden in de inhoud" in result.stderr


def test_schema_export_is_json_schema(tmp_path):
    from kennisschakels.cli import main

    assert main(["schema", "--out", str(tmp_path)]) == 0
    essay = json.loads((tmp_path / "essay.schema.json").read_text(encoding="utf-8"))
    assert essay["required"] == ["title", "description", "authors", "date", "themes"]
    assert essay["properties"]["themes"]["minItems"] == 1
