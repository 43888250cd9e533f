"""Derivations: what relates to what, computed from front-matter (one fact, one place).

Every function returns a list in a defined order, so the output is deterministic.
"""

from __future__ import annotations

from kennisschakels.catalogue import Catalogue, Entry
from kennisschakels.dates import PartialDate

_NO_DATE = PartialDate(0, 1)
RELATED_ESSAYS = 5  # a short list a reader can use; also keeps every essay page's size constant


def by_title(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.title.casefold(), e.id))


def chronological(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date() or _NO_DATE, e.id))


def newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date() or _NO_DATE, e.id), reverse=True)


def by_number(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.meta.get("number") or 0, e.id))


def themes(catalogue: Catalogue) -> list[Entry]:
    return by_number(catalogue.of("theme"))


def _region_order(region: Entry) -> tuple:
    return region.meta.get("status") != "participating", region.title.casefold(), region.id


def regions(catalogue: Catalogue) -> list[Entry]:
    """Participating regions first, then the interested ones, each by name."""
    return sorted(catalogue.of("region"), key=_region_order)


def published_essays(catalogue: Catalogue) -> list[Entry]:
    return newest_first([e for e in catalogue.of("essay") if not e.draft])


def draft_essays(catalogue: Catalogue) -> list[Entry]:
    return newest_first([e for e in catalogue.of("essay") if e.draft])


def adopting_regions(catalogue: Catalogue, theme: Entry) -> list[Entry]:
    """Regions that state in their own front-matter that they adopted the theme."""
    return sorted(set(catalogue.referrers(theme, "region", "themes")), key=_region_order)


def region_items(catalogue: Catalogue, region: Entry, type_name: str) -> list[Entry]:
    """Updates or practices in the region's folder (updates newest first, practices by title)."""
    items = catalogue.referrers(region, type_name, "region")
    return newest_first(items) if type_name == "update" else by_title(items)


def related(catalogue: Catalogue, target: Entry, type_name: str, key: str | None = None) -> list[Entry]:
    """Entries of a type that refer to the target, in the natural order of that type."""
    found = catalogue.referrers(target, type_name, key)
    found = list(dict.fromkeys(found))  # an entry can refer through several keys
    if type_name in ("session",):
        return chronological(found)
    if type_name in ("essay", "update"):
        return newest_first(found)
    if type_name == "theme":
        return by_number(found)
    if type_name == "lesson":
        return lessons_in_order(found)
    return by_title(found)


def lessons_in_order(entries: list[Entry]) -> list[Entry]:
    from kennisschakels.schema import LESSON_SOURCES

    return sorted(entries, key=lambda e: (LESSON_SOURCES.index(e.meta.get("source", "regio")),
                                         e.meta.get("number") or 999, e.title.casefold(), e.id))


def related_essays(catalogue: Catalogue, essay: Entry) -> list[Entry]:
    """Other published essays sharing at least one theme, most shared themes first (newest first
    among equals); at most RELATED_ESSAYS, so an essay page does not grow with the whole collection."""
    shared: dict[Entry, int] = {}  # only the essays about the same themes, not every essay per page
    for theme_id in set(essay.refs("themes")):
        theme = catalogue.get("theme", theme_id)
        for other in catalogue.referrers(theme, "essay", "themes") if theme else []:
            if other is not essay and not other.draft:
                shared[other] = shared.get(other, 0) + 1
    return sorted(newest_first(list(shared)), key=lambda e: -shared[e])[:RELATED_ESSAYS]


def theme_practices(catalogue: Catalogue, theme: Entry) -> list[Entry]:
    return related(catalogue, theme, "practice", "themes")


def region_sessions(catalogue: Catalogue, region: Entry) -> list[Entry]:
    return related(catalogue, region, "session", "regions")


def region_essays(catalogue: Catalogue, region: Entry) -> list[Entry]:
    return related(catalogue, region, "essay", "regions")


def essay_sessions(catalogue: Catalogue, session: Entry) -> list[Entry]:
    return related(catalogue, session, "essay", "sessions")
