"""Helping regions contribute: new files from the templates, GitHub links, CODEOWNERS."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from kennisschakels.catalogue import Catalogue
from kennisschakels.classify import slug
from kennisschakels.load import check
from kennisschakels.problems import Problem
from kennisschakels.scaffolds import scaffold_types, template
from kennisschakels.settings import Settings

def _set_key(text: str, key: str, value: str) -> str:
    """Replace a top-level key's value in template front-matter (the key must be present)."""
    return re.sub(rf"(?m)^{key}:.*$", lambda _: f"{key}: {value}", text, count=1)


def _set_list(text: str, key: str, values: list[str]) -> str:
    """Fill a list key that the template has as 'key: []' or with example items."""
    items = "".join(f"\n  - {v}" for v in values)
    return re.sub(rf"(?m)^{key}:(?: \[\])?(?:\n  - .*)*$", lambda _: f"{key}:{items}", text, count=1)


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
        text = _set_list(text, "themes", themes)
        text = re.sub(r"(?m)^# Minstens één leerthema.*\n", "", text)
    if given_date and "date" in type_.field_map and not type_.path.dated:
        text = _uncomment(text, "date", given_date)
    if kind == "sessie" and region:
        text = _set_list(text, "regions", [region])
    created_dirs = [p for p in reversed(target.parents) if not p.exists()]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    _, problems = check(root)
    # The new file's own problems, except the template's placeholder body lines: those are for the writer.
    mine = [p for p in problems if p.path == path and not (p.key == "inhoud" and "voorbeeldtekst" in p.wrong)]
    if mine:  # the same messages as the check; leave nothing half-made behind
        target.unlink()
        for folder in reversed(created_dirs):
            folder.rmdir()
    return Scaffolded(path, mine)


@dataclass(frozen=True)
class Repository:
    """Where the content lives on GitHub, derived from repo_url and edit_uri."""

    url: str
    branch: str = "main"

    @classmethod
    def from_settings(cls, settings: Settings) -> "Repository | None":
        if not settings.repo_url or "github.com" not in settings.repo_url:
            return None
        parts = (settings.edit_uri or "").strip("/").split("/")
        branch = parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"
        return cls(settings.repo_url.rstrip("/"), branch)

    def file_url(self, path: str) -> str:
        return f"{self.url}/blob/{self.branch}/{quote(path)}"

    def edit_url(self, path: str) -> str:
        return f"{self.url}/edit/{self.branch}/{quote(path)}"

    def new_file_url(self, folder: str, filename: str, value: str) -> str:
        """GitHub's web editor, opened on a new file pre-filled with ``value``."""
        query = urlencode({"filename": filename, "value": value}, quote_via=quote)
        return f"{self.url}/new/{self.branch}/{quote(folder)}?{query}"


def new_file_link(repository: Repository, kind: str, region: str) -> str:
    """The web editor on a new file of a scaffold kind in a region's folder, pre-filled with its
    template (and the region, for a session). The file name keeps capitals, which the check
    refuses, so a contributor cannot forget to rename it."""
    type_ = scaffold_types()[kind]
    text = template(kind)
    if kind == "sessie":
        text = _set_list(text, "regions", [region])
    folder = type_.path.folder.format(region=region)
    filename = ("JJJJ-MM-DD-KORTE-NAAM.md" if type_.path.dated else "KORTE-NAAM.md")
    return repository.new_file_url(folder, filename, text)


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
