"""The content catalogue: every content file parsed once, classified, validated and indexed.

Files live in three roots: ``docs/`` (programme pages and typed folders), ``essays/`` and
``regions/``. On the site they share one URL space: ``docs/x.md`` is served as ``x/``,
``essays/x.md`` as ``essays/x/`` and ``regions/...`` as ``regions/...``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kennisschakels import files, schema
from kennisschakels.dates import PartialDate
from kennisschakels.frontmatter import Source, parse
from kennisschakels.problems import ContentError, Problem, did_you_mean

CONTENT_ROOTS = ("docs", "essays", "regions")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
UPDATE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")


@dataclass(eq=False)  # entries are compared and hashed by identity
class Entry:
    """One content file of a known type."""

    type: str
    id: str          # unique within its type; updates and practices: '<region-id>/<name>'
    source: Source
    region: str = ""  # the owning region of an update or practice

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def meta(self) -> dict:
        return self.source.meta

    @property
    def uri(self) -> str:
        """Path of the page in the site's source namespace (what MkDocs calls src_uri)."""
        return self.path[len("docs/"):] if self.path.startswith("docs/") else self.path

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def description(self) -> str:
        return str(self.meta.get("description", ""))

    @property
    def draft(self) -> bool:
        return self.meta.get("draft") is True

    def date(self, key: str = "date") -> PartialDate | None:
        if self.type == "update" and key == "date" and "date" not in self.meta:
            return PartialDate.parse(self.id.split("/", 1)[1][:10])
        value = self.meta.get(key)
        return PartialDate.parse(value) if isinstance(value, str) else None

    def refs(self, key: str) -> list[str]:
        value = self.meta.get(key) or []
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def __repr__(self) -> str:
        return f"<{self.type} {self.id}>"


class Catalogue:
    """All entries, by type and id, with references resolved both ways."""

    def __init__(self, root: Path, entries: list[Entry], assets: list[str], docs_assets: list[str] | None = None):
        self.root = root
        self.assets = assets  # non-Markdown files under essays/ and regions/ (brought into the build)
        self.docs_assets = docs_assets or []  # contributed non-Markdown files in docs/ (checked only)
        self._by_type: dict[str, dict[str, Entry]] = {name: {} for name in schema.TYPES}
        for entry in sorted(entries, key=lambda e: (e.type, e.id)):
            self._by_type[entry.type][entry.id] = entry
        self._by_uri = {e.uri: e for e in entries}
        # Reverse references: (type, id) -> [(referring entry, key)], in a defined order.
        self._referrers: dict[tuple[str, str], list[tuple[Entry, str]]] = {}
        for entry in self.all():
            for f in schema.TYPES[entry.type].fields:
                if f.kind == schema.REFS:
                    for target in entry.refs(f.name):
                        self._referrers.setdefault((f.ref, target), []).append((entry, f.name))
            if entry.region:
                self._referrers.setdefault(("region", entry.region), []).append((entry, "region"))

    def all(self) -> list[Entry]:
        return [e for name in sorted(self._by_type) for e in self._by_type[name].values()]

    def of(self, type_name: str) -> list[Entry]:
        return list(self._by_type[type_name].values())

    def get(self, type_name: str, entry_id: str) -> Entry | None:
        return self._by_type[type_name].get(entry_id)

    def by_uri(self, uri: str) -> Entry | None:
        return self._by_uri.get(uri)

    def uris(self) -> list[str]:
        return sorted(self._by_uri)

    def ids(self, type_name: str) -> list[str]:
        return list(self._by_type[type_name])

    def source_file(self, uri: str) -> Path:
        """The repository file behind a site source uri."""
        top = uri.split("/", 1)[0]
        return self.root / uri if top in ("essays", "regions") else self.root / "docs" / uri

    def resolve(self, entry: Entry, key: str) -> list[Entry]:
        """The entries an entry's reference key points at, in the order written."""
        ref_type = schema.TYPES[entry.type].field(key).ref
        return [t for t in (self.get(ref_type, i) for i in entry.refs(key)) if t]

    def referrers(self, target: Entry, type_name: str | None = None, key: str | None = None) -> list[Entry]:
        """Entries that refer to ``target`` (optionally only of one type, through one key)."""
        return [e for e, k in self._referrers.get((target.type, target.id), [])
                if (type_name is None or e.type == type_name) and (key is None or k == key)]


def classify(path: str) -> tuple[str, str, str] | Problem:
    """(type, id, region) of a content file, from where it is; or a Problem."""
    parts = path.split("/")
    stem = parts[-1][:-3]
    root = parts[0]
    where = None
    if root == "regions":
        if len(parts) == 2 and stem == "index":
            return "page", "regions", ""
        if len(parts) == 3 and stem == "index":
            return "region", parts[1], ""
        if len(parts) == 4 and parts[2] == "updates":
            return "update", f"{parts[1]}/{stem}", parts[1]
        if len(parts) == 4 and parts[2] == "praktijk":
            return "practice", f"{parts[1]}/{stem}", parts[1]
        where = ("regions/<regio-id>/index.md, regions/<regio-id>/updates/<JJJJ-MM-DD>-<naam>.md "
                 "of regions/<regio-id>/praktijk/<naam>.md")
        if len(parts) == 4:
            where += did_you_mean(parts[2], ["updates", "praktijk"])
    elif root == "essays":
        if len(parts) == 2:
            return ("page", "essays", "") if stem == "index" else ("essay", stem, "")
        where = "essays/<naam>.md (zonder submap)"
    elif root == "docs":
        folder = parts[1] if len(parts) > 2 else ""
        if folder in ("essays", "regions"):
            where = f"de map {folder}/ bovenin de repository, niet in docs/"
        elif folder in schema.DOCS_TYPE_FOLDERS:
            if len(parts) == 3:
                if stem == "index":
                    return "page", path[5:-3], ""
                return schema.DOCS_TYPE_FOLDERS[folder], stem, ""
            where = f"docs/{folder}/<naam>.md (zonder submap)"
        else:
            return "page", path[5:-3], ""
    if where is None:  # pragma: no cover - only the three roots are walked
        where = "docs/, essays/ of regions/"
    return Problem(path, 1, "bestand", "staat op een plek waar de site het niet verwacht", f"verwacht {where}")


def discover(root: Path) -> tuple[list[str], list[str], list[str], list[Problem]]:
    """Markdown files, assets outside docs/ and contributed files in docs/, relative to ``root``:
    every file the build publishes (kennisschakels/files.py), with a problem for each that may not be."""
    found = files.walk(root)
    return found.markdown, found.assets, found.docs_assets, found.problems


def scan(root: Path) -> tuple[list[Entry], list[str], list[str], list[Problem]]:
    """Read and classify every content file once; syntax and placement problems only."""
    paths, assets, docs_assets, problems = discover(root)
    entries = []
    for path in paths:
        kind = classify(path)
        if isinstance(kind, Problem):
            problems.append(kind)
            continue
        type_name, entry_id, region = kind
        text, unreadable = files.read_text(root, path)
        if unreadable:
            problems.append(unreadable)
            continue
        source, syntax = parse(path, text)
        problems.extend(syntax)
        entries.append(Entry(type_name, entry_id, source, region))
    return entries, assets, docs_assets, problems


def check(root: Path) -> tuple[Catalogue, list[Problem]]:
    """The catalogue of ``root`` and every problem in it."""
    from kennisschakels.validate import validate  # validation needs the Entry type above

    entries, assets, docs_assets, problems = scan(root)
    catalogue = Catalogue(root, entries, assets, docs_assets)
    problems.extend(validate(catalogue, entries))
    return catalogue, sorted(set(problems))


def load_catalogue(root: Path | str) -> Catalogue:
    """The validated catalogue; raises ContentError listing every problem."""
    catalogue, problems = check(Path(root))
    if problems:
        raise ContentError(problems)
    return catalogue
