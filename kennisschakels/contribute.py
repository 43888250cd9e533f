"""Helping regions contribute: new files from templates, GitHub links, CODEOWNERS.

Templates live in ``kennisschakels/sjablonen/``; each is itself valid content.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from kennisschakels.catalogue import Catalogue, check
from kennisschakels.problems import Problem

TEMPLATES = Path(__file__).parent / "sjablonen"

# Scaffold kind -> (template, where the file goes). {region} and {name} are filled in.
KINDS = {
    "update": ("update.md", "regions/{region}/updates/{date}-{name}.md"),
    "praktijk": ("praktijk.md", "regions/{region}/praktijk/{name}.md"),
    "sessie": ("sessie.md", "docs/sessies/{date}-{name}.md"),
    "essay": ("essay.md", "essays/{name}.md"),
}


def template(kind: str) -> str:
    return (TEMPLATES / KINDS[kind][0]).read_text(encoding="utf-8")


def slug(title: str) -> str:
    """A file name from a title: 'Kenniscafé in Assen!' -> 'kenniscafe-in-assen'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "nieuw"


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


def scaffold(root: Path, kind: str, title: str, region: str | None = None, description: str | None = None,
             themes: list[str] | None = None, date: str | None = None) -> Scaffolded:
    """Write a new file from its template; keep it only if the whole content still checks out."""
    given_date, date = date, date or datetime.date.today().isoformat()
    if kind in ("update", "praktijk") and not region:
        return Scaffolded("", [Problem("(commando)", 1, "--regio", "ontbreekt", "geef de regio-id, bijv. --regio twente")])
    path = KINDS[kind][1].format(region=region, date=date, name=slug(title))
    target = root / path
    if target.exists():
        return Scaffolded(path, [Problem(path, 1, "bestand", "bestaat al", "kies een andere titel")])
    text = _set_key(template(kind), "title", _quote(title))
    if description:
        text = _set_key(text, "description", _quote(description))
    if themes:
        text = _set_list(text, "themes", themes)
        text = text.replace("# Minstens één leerthema (id uit docs/leerthemas/); vervang dit voorbeeld:\n", "")
    if kind == "sessie":
        text = _set_key(text, "date", date)
        text = text.replace("# Datum (JJJJ-MM-DD); vervang deze voorbeelddatum:\n", "")
    elif kind in ("essay", "praktijk") and given_date:
        text = _uncomment(text, "date", given_date)
    if kind == "sessie" and region:
        text = _set_list(text, "regions", [region])
    created_dirs = [p for p in reversed(target.parents) if not p.exists()]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    _, problems = check(root)
    mine = [p for p in problems if p.path == path]
    if mine:  # the same messages as the check; leave nothing half-made behind
        target.unlink()
        for folder in reversed(created_dirs):
            folder.rmdir()
    return Scaffolded(path, mine)


@dataclass(frozen=True)
class Repository:
    """Where the content lives on GitHub, derived from MkDocs' repo_url and edit_uri."""

    url: str
    branch: str = "main"

    @classmethod
    def from_settings(cls, repo_url: str | None, edit_uri: str | None) -> "Repository | None":
        if not repo_url or "github.com" not in repo_url:
            return None
        parts = (edit_uri or "").strip("/").split("/")
        branch = parts[1] if len(parts) > 1 and parts[0] in ("edit", "blob") else "main"
        return cls(repo_url.rstrip("/"), branch)

    @staticmethod
    def site_url_for(repo_url: str | None) -> str | None:
        """Where GitHub Pages publishes a repository: https://<owner>.github.io/<name>/."""
        match = re.match(r"https://github\.com/([^/]+)/([^/]+?)/?$", repo_url or "")
        return f"https://{match[1].lower()}.github.io/{match[2]}/" if match else None

    def file_url(self, path: str) -> str:
        return f"{self.url}/blob/{self.branch}/{quote(path)}"

    def edit_url(self, path: str) -> str:
        return f"{self.url}/edit/{self.branch}/{quote(path)}"

    def new_file_url(self, folder: str, filename: str, value: str) -> str:
        """GitHub's web editor, opened on a new file pre-filled with ``value``."""
        query = urlencode({"filename": filename, "value": value}, quote_via=quote)
        return f"{self.url}/new/{self.branch}/{quote(folder)}?{query}"


def codeowners(catalogue: Catalogue, default_owner: str) -> str:
    """CODEOWNERS: each region's folder to its maintainers, or to the default owner."""
    lines = [
        "# Gegenereerd uit de sleutel 'maintainers' van elke regio: python -m kennisschakels codeowners",
        "# Niet met de hand aanpassen; een test controleert dat dit bestand klopt.",
        f"* {default_owner}",
    ]
    for region in catalogue.of("region"):
        owners = region.refs("maintainers") or [default_owner]
        handles = [o if o.startswith("@") else f"@{o}" for o in owners]
        lines.append(f"/regions/{region.id}/ {' '.join(handles)}")
    return "\n".join(lines) + "\n"
