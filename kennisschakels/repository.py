"""Where the content lives on GitHub: edit, new-file and guide links, derived from the settings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from kennisschakels.scaffolds import scaffold_types, template
from kennisschakels.settings import Settings


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


def set_list(text: str, key: str, values: list[str]) -> str:
    """Fill a list key that a template has as 'key: []' or with example items."""
    items = "".join(f"\n  - {v}" for v in values)
    return re.sub(rf"(?m)^{key}:(?: \[\])?(?:\n  - .*)*$", lambda _: f"{key}:{items}", text, count=1)


def new_file_link(repository: Repository, kind: str, region: str) -> str:
    """The web editor on a new file of a scaffold kind in a region's folder, pre-filled with its
    template (and the region, for a session). The file name keeps capitals, which the check
    refuses, so a contributor cannot forget to rename it."""
    type_ = scaffold_types()[kind]
    text = template(kind)
    if kind == "sessie":
        text = set_list(text, "regions", [region])
    folder = type_.path.folder.format(region=region)
    filename = ("JJJJ-MM-DD-KORTE-NAAM.md" if type_.path.dated else "KORTE-NAAM.md")
    return repository.new_file_url(folder, filename, text)


