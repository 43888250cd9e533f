"""The catalogue: every typed entry, by type, id and page, with references resolved both ways.

Files live in three roots: ``docs/`` (programme pages and typed folders), ``essays/`` and
``regions/``. On the site they share one URL space: ``docs/x.md`` is served as ``x/``,
``essays/x.md`` as ``essays/x/`` and ``regions/...`` as ``regions/...``.
"""

from __future__ import annotations

from pathlib import Path

from kennisschakels.model.entry import Entry
from kennisschakels.model.types import Registry
from kennisschakels.problems import Problem, did_you_mean


class Catalogue:
    """All entries of a repository. Lists come in each type's natural order."""

    def __init__(self, root: Path, types: Registry, entries: list[Entry], assets: list[str],
                 broken: list | None = None, docs_assets: list[str] | None = None):
        self.root = root
        self.types = types
        self.assets = assets  # non-Markdown files under essays/ and regions/ (brought into the build)
        self.docs_assets = docs_assets or []  # contributed non-Markdown files in docs/ (MkDocs publishes them; checked only)
        self._by_type: dict[str, list[Entry]] = {t.name: [] for t in types}
        for entry in entries:
            self._by_type[entry.type.name].append(entry)
        for type_ in types:
            self._by_type[type_.name].sort(key=type_.order)
        self._by_id = {(e.type.name, e.id): e for e in entries}
        self._by_uri = {e.uri: e for e in entries}
        # Files that exist but did not validate: their own problems are reported; links to them are not.
        self._broken = broken or []
        self._broken_ids = {(p.type.name, p.id) for p, _ in self._broken}
        self._broken_uris = {p.path.removeprefix("docs/") for p, _ in self._broken}
        self._rank = {e: rank for items in self._by_type.values() for rank, e in enumerate(items)}
        # Reverse references: (type, id) -> [(referring entry, key)].
        self._referrers: dict[tuple[str, str], list[tuple[Entry, str]]] = {}
        self.problems = self._resolve()

    def _resolve(self) -> list[Problem]:
        """Point every reference at its entry; a Dutch problem for each id that does not exist."""
        problems = []
        regions = self._by_type.get("region", [])
        for entry in self.all():
            if entry.owner_id:
                entry.owner = self.get("region", entry.owner_id)
                if entry.owner is None and ("region", entry.owner_id) in self._broken_ids:
                    pass  # the region's own file has problems: those are reported, not this
                elif entry.owner is None:
                    problems.append(Problem(entry.path, 1, "bestand", f"regio '{entry.owner_id}' bestaat niet",
                                            "maak eerst regions/<regio-id>/index.md, of zet het bestand in de map "
                                            "van een bestaande regio" + did_you_mean(entry.owner_id, [r.id for r in regions])))
                else:
                    self._referrers.setdefault(("region", entry.owner_id), []).append((entry, "region"))
            for spec in entry.type.refs:
                found = []
                for index, target_id in enumerate(entry.value(spec.name)):
                    target = self.get(spec.ref, target_id)
                    if target is None and (spec.ref, target_id) in self._broken_ids:
                        continue
                    if target is None:
                        target_type = self.types[spec.ref]
                        problems.append(Problem(entry.path, entry.line(spec.name, index), spec.name,
                                                f"{target_type.labels.unknown} '{target_id}'",
                                                f"verwacht een id uit {self.types.folders()[spec.ref]}"
                                                + did_you_mean(target_id, self.ids(spec.ref))))
                        continue
                    found.append(target)
                    self._referrers.setdefault((spec.ref, target_id), []).append((entry, spec.name))
                entry.links[spec.name] = found
            for index, ref in enumerate(entry.sources if "sources" in entry.type.field_map else []):
                if self.get("document", ref.document) is None:
                    if ("document", ref.document) not in self._broken_ids:
                        problems.append(Problem(entry.path, entry.line("sources", index), "sources",
                                                f"onbekend brondocument '{ref.document}'",
                                                "verwacht een id uit docs/bibliotheek/"
                                                + did_you_mean(ref.document, self.ids("document"))))
                else:
                    self._referrers.setdefault(("document", ref.document), []).append((entry, "sources"))
        problems += self._check_broken_references()
        return problems

    def _check_broken_references(self) -> list[Problem]:
        """The ids a file with other problems refers to are checked too: every problem at once."""
        problems = []
        for place, source in self._broken:
            for spec in place.type.refs:
                value = source.meta.get(spec.name)
                for index, target_id in enumerate(value if isinstance(value, list) else []):
                    if isinstance(target_id, str) and self.get(spec.ref, target_id) is None \
                            and (spec.ref, target_id) not in self._broken_ids:
                        problems.append(Problem(place.path, source.line(spec.name, index), spec.name,
                                                f"{self.types[spec.ref].labels.unknown} '{target_id}'",
                                                f"verwacht een id uit {self.types.folders()[spec.ref]}"
                                                + did_you_mean(target_id, self.ids(spec.ref))))
        return problems

    def all(self) -> list[Entry]:
        return [e for items in self._by_type.values() for e in items]

    def of(self, type_name: str) -> list[Entry]:
        return list(self._by_type[type_name])

    def get(self, type_name: str, entry_id: str) -> Entry | None:
        return self._by_id.get((type_name, entry_id))

    def by_uri(self, uri: str) -> Entry | None:
        return self._by_uri.get(uri)

    def exists(self, uri: str) -> bool:
        """Whether a page with this source uri exists (valid or not)."""
        return uri in self._by_uri or uri in self._broken_uris

    def uris(self) -> list[str]:
        return sorted(self._by_uri)

    def ids(self, type_name: str) -> list[str]:
        return [e.id for e in self._by_type[type_name]]

    def source_file(self, uri: str) -> Path:
        """The repository file behind a site source uri."""
        top = uri.split("/", 1)[0]
        return self.root / uri if top in ("essays", "regions") else self.root / "docs" / uri

    def referrers(self, target: Entry, type_name: str | None = None, key: str | None = None) -> list[Entry]:
        """Entries that refer to ``target`` (optionally of one type, through one key), each once, in
        their type's natural order."""
        found = {e: None for e, k in self._referrers.get((target.type.name, target.id), [])
                 if (type_name is None or e.type.name == type_name) and (key is None or k == key)}
        return sorted(found, key=lambda e: (e.type.name, self._rank[e]))

    def children(self, region: Entry, type_name: str) -> list[Entry]:
        """The updates or practices in a region's folder."""
        return self.referrers(region, type_name, "region")

    def sort(self, entries: list[Entry]) -> list[Entry]:
        """Entries of one type in that type's natural order."""
        return sorted(entries, key=lambda e: self._rank[e])
