"""Derivations: what relates to what, computed from front-matter (one fact, one place).

Every function returns a list in a defined order, so the output is deterministic. The
catalogue already keeps each type in its natural order; these functions only select.
"""

from __future__ import annotations

import datetime

from kennisschakels.catalogue import Catalogue
from kennisschakels.dates import PartialDate
from kennisschakels.model.entry import Entry

RELATED_ESSAYS = 5  # a short list a reader can use; also keeps every essay page's size constant
_NO_DATE = PartialDate(0, 1)


def newest_first(entries: list[Entry]) -> list[Entry]:
    """Dated entries newest first, then the undated ones in their given order."""
    dated = sorted((e for e in entries if e.date), key=lambda e: (e.date, e.id), reverse=True)
    return dated + [e for e in entries if not e.date]


def published_essays(catalogue: Catalogue) -> list[Entry]:
    return [e for e in catalogue.of("essay") if not e.draft]


def draft_essays(catalogue: Catalogue) -> list[Entry]:
    return [e for e in catalogue.of("essay") if e.draft]


def adopting_regions(catalogue: Catalogue, theme: Entry) -> list[Entry]:
    """Regions that state in their own front-matter that they adopted the theme."""
    return catalogue.referrers(theme, "region", "themes")


def related(catalogue: Catalogue, target: Entry, type_name: str, key: str | None = None) -> list[Entry]:
    """Entries of a type that refer to the target, in that type's natural order."""
    return catalogue.referrers(target, type_name, key)


def theme_items(catalogue: Catalogue, theme: Entry, type_name: str) -> list[Entry]:
    """Practices or updates about a theme: newest first where dated."""
    return newest_first(catalogue.referrers(theme, type_name, "themes"))


def inspiration_sessions(catalogue: Catalogue, theme: Entry) -> list[Entry]:
    return [s for s in catalogue.referrers(theme, "session", "themes") if s.kind == "inspiratiesessie"]


def related_essays(catalogue: Catalogue, essay: Entry) -> list[Entry]:
    """Other published essays sharing at least one theme, most shared themes first (newest first
    among equals); at most RELATED_ESSAYS, so an essay page does not grow with the whole collection."""
    shared: dict[Entry, int] = {}  # only the essays about the same themes, not every essay per page
    for theme in essay.themes:
        for other in catalogue.referrers(theme, "essay", "themes"):
            if other is not essay and not other.draft:
                shared[other] = shared.get(other, 0) + 1
    ranked = catalogue.sort(list(shared))  # natural order: newest first
    return sorted(ranked, key=lambda e: -shared[e])[:RELATED_ESSAYS]


def cited_sources(catalogue: Catalogue, entry: Entry) -> list[tuple[Entry, str]]:
    """(document, section) for each source an entry declares, in the order written."""
    found = []
    for ref in entry.sources:
        document = catalogue.get("document", ref.document)
        if document is not None:
            found.append((document, ref.section or ""))
    return found


def citing_pages(catalogue: Catalogue, document: Entry) -> list[Entry]:
    """Every page that names this document among its sources, grouped by type."""
    return catalogue.referrers(document, key="sources")


def spelled_out(entry: Entry) -> str | None:
    """What an abbreviation stands for, as the sources spell it out: a term's expansion, an
    organisation's full name; None where the sources never spell it out (RSP, AEF)."""
    if entry.kind_name == "term":
        return entry.expansion or None
    return entry.title if entry.title != entry.abbreviation else None


def glossary(catalogue: Catalogue) -> list[tuple[str, str, Entry]]:
    """(abbreviation, explanation, entry) for every term and every organisation with an abbreviation,
    sorted; the site explains each occurrence of these abbreviations. What the sources never spell
    out is explained by its description."""
    found = [(t.title, t) for t in catalogue.of("term")]
    found += [(o.abbreviation, o) for o in catalogue.of("organisation") if o.abbreviation]
    return sorted(((abbreviation, spelled_out(entry) or entry.description, entry) for abbreviation, entry in found),
                  key=lambda item: (item[0].casefold(), item[0]))


# ----------------------------------------------------------------------------- sessions

def session_state(session: Entry, today: datetime.date) -> str:
    """How the session stands for a reader today, in Dutch.

    The status is what the source reported; a session reported as planned whose date has
    passed says so, rather than still claiming to be upcoming.
    """
    status = session.status
    if status == "afgelast":
        return "afgelast"
    if status == "gehouden":
        return "gehouden"
    if is_past(session, today):
        return "was gepland; niet vastgelegd of die doorging" if status else "geweest"
    return "gepland" if status else "nog niet vastgelegd"


def _last_day(date: PartialDate) -> datetime.date:
    if date.day:
        return date.as_date()
    first_of_next = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def is_past(session: Entry, today: datetime.date) -> bool:
    """Whether the session's last day (the end of its month when only the month is known) is over."""
    end = session.end_date or session.date
    return _last_day(end) < today


def split_sessions(catalogue: Catalogue, today: datetime.date) -> tuple[list[Entry], list[Entry]]:
    """(upcoming soonest first, past most recent first)."""
    sessions = catalogue.of("session")
    upcoming = [s for s in sessions if not is_past(s, today)]
    past = [s for s in reversed(sessions) if is_past(s, today)]
    return upcoming, past
