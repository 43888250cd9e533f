"""Helping regions contribute: new files from the templates, and CODEOWNERS from the regions."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from kennisschakels.catalogue import Catalogue
from kennisschakels.classify import slug
from kennisschakels.load import check
from kennisschakels.problems import Problem
from kennisschakels.repository import set_list
from kennisschakels.scaffolds import scaffold_types, template


def _set_key(text: str, key: str, value: str) -> str:
    """Replace a top-level key's value in template front-matter (the key must be present)."""
    return re.sub(rf"(?m)^{key}:.*$", lambda _: f"{key}: {value}", text, count=1)


def _uncomment(text: str, key: str, value: str) -> str:
    """Set a key the template only shows as a comment ('# date: ...')."""
    return re.sub(rf"(?m)^# {key}:.*$", lambda _: f"{key}: {value}", text, count=1)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class Scaffolded:
    path: str
    problems: list[Problem]


def scaffold_path(kind: str, title: str, region: str | None, date: str) -> str:
    type_ = scaffold_types()[kind]
    return type_.path.format(region=region or "", date=date, name=slug(title), id=slug(title))


def scaffold(root: Path, kind: str, title: str, region: str | None = None, description: str | None = None,
             themes: list[str] | None = None, date: str | None = None) -> Scaffolded:
    """Write a new file from its template; keep it only if the whole content still checks out."""
    type_ = scaffold_types()[kind]
    given_date, date = date, date or datetime.date.today().isoformat()
    if "{region}" in type_.path.text and not region:
        return Scaffolded("", [Problem("(commando)", 1, "--regio", "ontbreekt", "geef de regio-id, bijv. --regio twente")])
    path = scaffold_path(kind, title, region, date)
    target = root / path
    if target.exists():
        return Scaffolded(path, [Problem(path, 1, "bestand", "bestaat al", "kies een andere titel")])
    text = _set_key(template(kind), "title", _quote(title))
    if description:
        text = _set_key(text, "description", _quote(description))
    if themes:
        text = set_list(text, "themes", themes)
        text = re.sub(r"(?m)^# Minstens één leerthema.*\n", "", text)
    if given_date and "date" in type_.field_map and not type_.path.dated:
        text = _uncomment(text, "date", given_date)
    if type_.path.dated and re.search(r"(?m)^date:", text):
        text = _set_key(text, "date", date)  # the template's example date would contradict the file name
    if kind == "sessie" and region:
        text = set_list(text, "regions", [region])
    created_dirs = [p for p in reversed(target.parents) if not p.exists()]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    _, problems = check(root)
    # The new file's own problems, except the template's placeholder texts (the description the command
    # was not given, the body's instruction lines): those are for the writer, and the check names them.
    mine = [p for p in problems if p.path == path and not p.wrong.startswith("is nog de voorbeeldtekst")]
    if mine:  # the same messages as the check; leave nothing half-made behind
        target.unlink()
        for folder in reversed(created_dirs):
            folder.rmdir()
    return Scaffolded(path, mine)


def codeowners(catalogue: Catalogue, default_owner: str) -> str:
    """CODEOWNERS: each region's folder to its maintainers, or to the default owner."""
    lines = [
        "# Gegenereerd uit de sleutel 'maintainers' van elke regio: python -m kennisschakels codeowners",
        "# Niet met de hand aanpassen; een test controleert dat dit bestand klopt.",
        f"* {default_owner}",
    ]
    for region in sorted(catalogue.of("region"), key=lambda r: r.id):
        owners = region.maintainers or [default_owner]
        handles = [o if o.startswith("@") else f"@{o}" for o in owners]
        lines.append(f"/regions/{region.id}/ {' '.join(handles)}")
    return "\n".join(lines) + "\n"
