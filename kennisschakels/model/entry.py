"""A typed entry: one content file after validation.

Every declared key is present (absent optional keys hold their default), dates are parsed
once, and references are resolved to entries by the catalogue. Templates read entries
through attributes (``region.title``, ``session.date.dutch``, ``essay.themes``), never
through the raw front-matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from kennisschakels.frontmatter import Source
    from kennisschakels.model.types import ContentType


@dataclass(eq=False)  # entries are compared and hashed by identity
class Entry:
    type: "ContentType"
    id: str                         # unique within its type; updates and practices: '<region-id>/<name>'
    file: "Source"                  # the parsed file: raw front-matter, lines, body
    data: "BaseModel"
    owner_id: str = ""              # the region of an update or practice
    links: dict[str, list["Entry"]] = field(default_factory=dict)  # resolved references, by key
    owner: "Entry | None" = None

    @property
    def path(self) -> str:
        """Path of the file in the repository."""
        return self.file.path

    @property
    def uri(self) -> str:
        """Path of the page in the site's source namespace (what MkDocs calls src_uri)."""
        return self.path[len("docs/"):] if self.path.startswith("docs/") else self.path

    @property
    def site_path(self) -> str:
        """Path of the page on the site, with directory URLs: 'regions/twente/'."""
        stem = self.uri[:-3]
        if stem == "index":
            return ""
        return stem[: -len("index")] if stem.endswith("/index") else stem + "/"

    @property
    def kind_name(self) -> str:
        return self.type.name

    @property
    def body(self) -> str:
        return self.file.body

    def line(self, key: str, index: int | None = None) -> int:
        return self.file.line(key, index)

    def value(self, key: str) -> Any:
        """The typed value of a key (ids for references)."""
        return getattr(self.data, key)

    def label(self, key: str) -> str:
        """The Dutch label of a choice value ('kenniscafe' -> 'kenniscafé')."""
        value = getattr(self.data, key)
        return self.type.choice_label(key, value) if value is not None else ""

    def is_set(self, key: str) -> bool:
        """Whether the file gives this key, not a default: in its front-matter or, for the 'date' of
        a type with the date in its file name (sessions, updates), in that name. ``entry.file.meta``
        has only what the front-matter says."""
        return key in self.data.model_fields_set

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not attributes: the declared keys of the type.
        if name.startswith("_"):
            raise AttributeError(name)
        spec = self.type.field_map.get(name)
        if spec is None:
            raise AttributeError(f"{self.type.name} heeft geen sleutel '{name}'")
        if spec.ref:
            return self.links.get(name, [])
        return getattr(self.data, name)

    def __repr__(self) -> str:
        return f"<{self.type.name} {self.id}>"
