"""Views: everything a template shows, computed in Python from typed entries.

One function per content type (the derived sections of its pages) and one per overview.
Templates receive these values and only lay them out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from kennisschakels import calendar, derive, feeds
from kennisschakels.context import Context
from kennisschakels.repository import new_file_link
from kennisschakels.dates import PartialDate
from kennisschakels.model.declarations import INDICATORS, LESSON_SOURCE, THEME_CATEGORY
from kennisschakels.model.entry import Entry

WORDS_PER_MINUTE = 200  # a common figure for reading Dutch prose on screen
SCALE = {1: "nog niet aanwezig", 2: "eerste stappen gezet", 3: "aanwezig, maar nog kwetsbaar",
         4: "stevig aanwezig", 5: "vanzelfsprekend en verankerd"}


def comma(value: float) -> str:
    """'3,4': a decimal as a Dutch reader writes it."""
    return f"{value:.1f}".replace(".", ",")


def reading_minutes(entry: Entry) -> int:
    return max(1, math.ceil(len(entry.body.split()) / WORDS_PER_MINUTE))


# ----------------------------------------------------------------------------- standard blocks

def standard(ctx: Context, entry: Entry) -> dict[str, Any]:
    """What every page shows: other names, organisations, sources and what the sources leave open."""
    cat = ctx.catalogue
    fields = entry.type.field_map
    return {
        "aliases": entry.aliases if "aliases" in fields else [],
        "organisations": entry.organisations if "organisations" in fields else [],
        "sources": derive.cited_sources(cat, entry) if "sources" in fields else [],
        "source_notes": entry.source_notes if "source_notes" in fields else [],
    }


def facts(entry: Entry) -> list[tuple[str, Any]]:
    """(label, value) of every shown key the file sets, for types without a template of their own.
    Values: text, a PartialDate, a list of entries, or a list of texts."""
    found = []
    for spec in entry.type.fields:
        if not spec.shown or spec.name in ("aliases", "organisations"):
            continue
        value = getattr(entry, spec.name)
        if spec.kind.is_empty(value) or value is False:
            continue
        if isinstance(value, str) and spec.name in entry.type.field_map and hasattr(spec.kind, "choices"):
            value = entry.label(spec.name)
        found.append((spec.label, value))
    return found


# ----------------------------------------------------------------------------- content types

def region(ctx: Context, entry: Entry) -> dict[str, Any]:
    cat, types = ctx.catalogue, ctx.catalogue.types
    practices, updates = cat.children(entry, "practice"), cat.children(entry, "update")
    sessions = cat.referrers(entry, "session", "regions")
    essays = cat.referrers(entry, "essay", "regions")
    lessons = cat.referrers(entry, "lesson", "regions")
    themes = cat.sort(entry.themes)
    counts = [types["theme"].labels.count(len(themes)),
              f"{len(entry.questions)} {'kennisvraag' if len(entry.questions) == 1 else 'kennisvragen'}",
              types["practice"].labels.count(len(practices)), types["update"].labels.count(len(updates)),
              types["session"].labels.count(len(sessions)), types["essay"].labels.count(len(essays))]
    repository = ctx.repository
    contribute = None
    if repository is not None:
        contribute = {
            "new_update": new_file_link(repository, "update", entry.id),
            "new_practice": new_file_link(repository, "praktijk", entry.id),
            "new_session": new_file_link(repository, "sessie", entry.id),
            "edit": repository.edit_url(entry.path),
            "guide": repository.file_url("CONTRIBUTING.md"),
        }
    return {
        "entry": entry, "participating": entry.status == "participating", "themes": themes,
        "counts": counts, "practices": practices, "updates": updates, "sessions": sessions,
        "session_states": {s: derive.session_state(s, ctx.today) for s in sessions},
        "essays": essays, "lessons": lessons, "monitoring": monitoring_chart(entry),
        "monitoring_page": cat.by_uri("overzichten/monitoring.md"), "contribute": contribute,
    }


def monitoring_chart(region: Entry) -> dict[str, Any] | None:
    """The measurements of a region as a line chart (SVG geometry) and a table."""
    measured = region.monitoring
    if not measured:
        return None
    width, height, left, top = 640, 240, 48, 16
    plot_w, plot_h = width - left - 16, height - top - 40
    averages = [sum(m.scores.values()) / len(m.scores) for m in measured]

    def x(i: int) -> float:
        return left + (i * plot_w / (len(measured) - 1) if len(measured) > 1 else plot_w / 2)

    def y(value: float) -> float:
        return top + plot_h - (value - 1) / 4 * plot_h

    points = [(f"{x(i):.1f}", f"{y(a):.1f}", m.date.iso) for i, (m, a) in enumerate(zip(measured, averages))]
    return {
        "width": width, "height": height, "left": left, "right": width - 16, "label_y": height - 12,
        "grid": [(v, f"{y(v):.1f}") for v in range(1, 6)], "points": points,
        "polyline": " ".join(f"{px},{py}" for px, py, _ in points),
        "first": (measured[0].date.dutch, comma(averages[0])), "last": (measured[-1].date.dutch, comma(averages[-1])),
        "count": len(measured), "dates": [m.date.dutch for m in measured],
        "rows": [(label, [m.scores[name] for m in measured]) for name, label in INDICATORS.items()],
        "averages": [comma(a) for a in averages],
        "notes": [(m.date.dutch, m.note) for m in measured if m.note],
    }


def theme(ctx: Context, entry: Entry) -> dict[str, Any]:
    cat = ctx.catalogue
    sessions = cat.referrers(entry, "session", "themes")
    return {
        "entry": entry, "category": THEME_CATEGORY.label(entry.category), "experts": entry.experts,
        "regions": derive.adopting_regions(cat, entry), "sessions": sessions,
        "session_states": {s: derive.session_state(s, ctx.today) for s in sessions},
        "essays": [e for e in cat.referrers(entry, "essay", "themes") if not e.draft],
        "lessons": cat.referrers(entry, "lesson", "themes"),
        "practices": derive.theme_items(cat, entry, "practice"),
        "updates": derive.theme_items(cat, entry, "update"),
    }


def session(ctx: Context, entry: Entry) -> dict[str, Any]:
    cat = ctx.catalogue
    return {
        "entry": entry, "kind": entry.label("kind").capitalize(), "state": derive.session_state(entry, ctx.today),
        "when": session_when(entry), "hosts": entry.hosts, "themes": cat.sort(entry.themes),
        "regions": cat.sort(entry.regions), "calendar": calendar.calendar_uri(entry),
        "essays": cat.referrers(entry, "essay", "sessions"), "past": derive.is_past(entry, ctx.today),
    }


def session_when(entry: Entry) -> str:
    """'25 april 2022', 'oktober 2022 (de dag is nog niet bekend)', 'uiterlijk september 2022'."""
    if entry.latest and entry.end_date:
        return f"van uiterlijk {entry.date.dutch} tot en met {entry.end_date.dutch} (de precieze begindatum is niet bekend)"
    if entry.latest:
        return f"uiterlijk {entry.date.dutch} (de precieze datum is niet bekend)"
    text = entry.date.dutch if entry.date.day else f"{entry.date.dutch} (de dag is nog niet bekend)"
    if entry.end_date:
        text += f" tot en met {entry.end_date.dutch}"
    return text


def essay(ctx: Context, entry: Entry) -> dict[str, Any]:
    cat = ctx.catalogue
    return {
        "entry": entry, "authors": entry.authors, "date": entry.date, "updated": entry.updated,
        "minutes": reading_minutes(entry), "themes": cat.sort(entry.themes), "regions": cat.sort(entry.regions),
        "sessions": cat.sort(entry.sessions), "related": derive.related_essays(cat, entry),
    }


def region_item(ctx: Context, entry: Entry) -> dict[str, Any]:
    """Practices and updates: where they come from and what they belong to."""
    cat = ctx.catalogue
    return {"entry": entry, "region": entry.owner, "date": entry.date, "themes": cat.sort(entry.themes),
            "label": entry.type.labels.singular.capitalize()}


def lesson(ctx: Context, entry: Entry) -> dict[str, Any]:
    cat = ctx.catalogue
    source = {"programmateam": "Les van het programmateam", "begeleidingsgroep": "Observatie van de "
              "begeleidingsgroep", "regio": "Les uit een regio"}[entry.source]
    return {"entry": entry, "source": source, "number": entry.number, "date": entry.date,
            "themes": cat.sort(entry.themes), "regions": cat.sort(entry.regions)}


def person(ctx: Context, entry: Entry) -> dict[str, Any]:
    cat = ctx.catalogue
    sessions = cat.referrers(entry, "session", "hosts")
    return {"entry": entry, "themes": cat.referrers(entry, "theme", "experts"),
            "essays": cat.referrers(entry, "essay", "authors"), "sessions": sessions,
            "organisations": entry.organisations}


def organisation(ctx: Context, entry: Entry) -> dict[str, Any]:
    mentioned = [e for e in ctx.catalogue.referrers(entry, key="organisations")]
    return {"entry": entry, "groups": group_by_type(ctx, mentioned)}


def term(ctx: Context, entry: Entry) -> dict[str, Any]:
    return {"entry": entry}


def document(ctx: Context, entry: Entry) -> dict[str, Any]:
    return {"entry": entry, "groups": group_by_type(ctx, derive.citing_pages(ctx.catalogue, entry))}


def group_by_type(ctx: Context, entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """(Dutch plural, entries) per type, in the declaration order of the types."""
    groups = []
    for type_ in ctx.catalogue.types:
        found = [e for e in entries if e.type is type_]
        if found:
            groups.append((type_.labels.plural.capitalize(), found))
    return groups


ENTRY_VIEWS: dict[str, Callable[[Context, Entry], dict[str, Any]]] = {
    "region": region, "theme": theme, "session": session, "essay": essay, "practice": region_item,
    "update": region_item, "lesson": lesson, "person": person, "organisation": organisation, "term": term,
    "document": document,
}


# ----------------------------------------------------------------------------- overviews

@dataclass(frozen=True)
class Filterable:
    """An item of a list that docs/assets/filters.js can filter (server-rendered, works without JS)."""

    entry: Entry
    regions: str
    themes: str
    kind: str = ""


def _filter_item(entry: Entry, regions: list[Entry], kind: str = "") -> Filterable:
    return Filterable(entry, " ".join(r.id for r in regions), " ".join(t.id for t in entry.themes), kind)


def filter_labels(ctx: Context) -> dict[str, dict[str, str]]:
    """The names behind the ids that filterable lists carry (for filters.js)."""
    cat = ctx.catalogue
    kinds = cat.types["session"].field_map["kind"].kind.choices
    return {
        "regio": {r.id: r.title for r in cat.of("region")},
        "thema": {t.id: f"{t.number}. {t.title}" for t in cat.of("theme")},
        "soort": dict(kinds),
    }


def overview_regions(ctx: Context) -> dict[str, Any]:
    regions = ctx.catalogue.of("region")
    return {"participating": [r for r in regions if r.status == "participating"],
            "interested": [r for r in regions if r.status != "participating"]}


def overview_themes(ctx: Context) -> dict[str, Any]:
    cat = ctx.catalogue
    categories = []
    for category, label in THEME_CATEGORY.choices.items():
        rows = []
        for t in (t for t in cat.of("theme") if t.category == category):
            rows.append({"theme": t, "regions": derive.adopting_regions(cat, t),
                         "sessions": derive.inspiration_sessions(cat, t), "experts": t.experts,
                         "essays": len([e for e in cat.referrers(t, "essay", "themes") if not e.draft]),
                         "lessons": len(cat.referrers(t, "lesson", "themes")),
                         "practices": len(cat.referrers(t, "practice", "themes"))})
        categories.append((label, rows))
    return {"categories": categories}


def overview_matrix(ctx: Context) -> dict[str, Any]:
    cat = ctx.catalogue
    themes, regions = cat.of("theme"), cat.of("region")
    rows = [(r, [t in r.themes for t in themes], len(r.themes)) for r in regions]
    return {"themes": themes, "rows": rows, "region_count": cat.types["region"].labels.count(len(regions)),
            "theme_count": cat.types["theme"].labels.count(len(themes))}


def overview_questions(ctx: Context) -> dict[str, Any]:
    return {"regions": [r for r in ctx.catalogue.of("region") if r.questions]}


def overview_sessions(ctx: Context) -> dict[str, Any]:
    upcoming, past = derive.split_sessions(ctx.catalogue, ctx.today)

    def items(sessions):
        return [{"item": _filter_item(s, s.regions, s.kind), "when": session_when(s), "kind": s.label("kind"),
                 "state": derive.session_state(s, ctx.today), "themes": ctx.catalogue.sort(s.themes),
                 "hosts": s.hosts, "regions": ctx.catalogue.sort(s.regions)} for s in sessions]

    def by_year(sessions):
        years: dict[int, list] = {}
        for s, item in zip(sessions, items(sessions)):
            years.setdefault(s.date.year, []).append(item)
        return list(years.items())

    return {"upcoming": by_year(upcoming), "past": by_year(past), "today": PartialDate(
        ctx.today.year, ctx.today.month, ctx.today.day).dutch, "calendar": calendar.ALL_SESSIONS_URI,
        "labels": filter_labels(ctx)}


def overview_essays(ctx: Context) -> dict[str, Any]:
    cat = ctx.catalogue
    published = derive.published_essays(cat)
    by_theme = [(t, [e for e in cat.referrers(t, "essay", "themes") if not e.draft]) for t in cat.of("theme")]
    by_author = [(p, [e for e in cat.referrers(p, "essay", "authors") if not e.draft]) for p in cat.of("person")]
    return {"essays": [_filter_item(e, e.regions) for e in published], "drafts": derive.draft_essays(cat),
            "by_theme": [(t, es) for t, es in by_theme if es], "by_author": [(p, es) for p, es in by_author if es],
            "feed": feeds.feed_uri("essay"), "labels": filter_labels(ctx)}


def overview_lessons(ctx: Context) -> dict[str, Any]:
    titles = {"programmateam": "Lessen van het programmateam",
              "begeleidingsgroep": "Observaties van de begeleidingsgroep", "regio": "Lessen uit de regio's"}
    lessons = ctx.catalogue.of("lesson")
    groups = [(titles[source], [l for l in lessons if l.source == source]) for source in LESSON_SOURCE.choices]
    return {"groups": [(title, items) for title, items in groups if items]}


def overview_people(ctx: Context) -> dict[str, Any]:
    return {"people": ctx.catalogue.of("person")}


def overview_organisations(ctx: Context) -> dict[str, Any]:
    return {"organisations": ctx.catalogue.of("organisation")}


def overview_glossary(ctx: Context) -> dict[str, Any]:
    return {"terms": [(abbreviation, derive.spelled_out(entry), entry)
                      for abbreviation, _, entry in derive.glossary(ctx.catalogue)]}


def overview_library(ctx: Context) -> dict[str, Any]:
    cat = ctx.catalogue
    return {"documents": [(d, len(derive.citing_pages(cat, d))) for d in cat.of("document")]}


def _region_items(ctx: Context, type_name: str) -> dict[str, Any]:
    cat = ctx.catalogue
    items = derive.newest_first(cat.of(type_name))
    type_ = cat.types[type_name]
    return {"items": [{"item": _filter_item(e, [e.owner]), "region": e.owner, "date": e.date,
                       "themes": cat.sort(e.themes)} for e in items],
            "plural": type_.labels.plural, "feed": feeds.feed_uri(type_name) if type_.feed else None,
            "guide": contributing_guide(ctx), "regions": cat.of("region"), "labels": filter_labels(ctx)}


def contributing_guide(ctx: Context) -> str | None:
    """The address of the contributors' guide, where empty overviews send a region (None offline)."""
    return ctx.repository.file_url("CONTRIBUTING.md") if ctx.repository else None


def overview_practices(ctx: Context) -> dict[str, Any]:
    return _region_items(ctx, "practice")


def overview_updates(ctx: Context) -> dict[str, Any]:
    return _region_items(ctx, "update")


def overview_monitoring(ctx: Context) -> dict[str, Any]:
    rows = []
    for r in ctx.catalogue.of("region"):
        if r.monitoring:
            latest = r.monitoring[-1]
            rows.append((r, latest.date.dutch, [latest.scores[i] for i in INDICATORS],
                         comma(sum(latest.scores.values()) / len(latest.scores))))
    return {"rows": rows, "indicators": list(INDICATORS.values()), "scale": list(SCALE.items()),
            "regions": ctx.catalogue.of("region"), "guide": contributing_guide(ctx)}


def overview_follow(ctx: Context) -> dict[str, Any]:
    cat = ctx.catalogue
    return {"feeds": [(feeds.feed_uri(t.name), t.feed, t.labels.plural) for t in cat.types if t.feed],
            "calendar": calendar.ALL_SESSIONS_URI, "sessions": cat.by_uri("sessies/index.md")}


def overview_contact(ctx: Context) -> dict[str, Any]:
    return {"email": ctx.settings.contact_email}


def overview_reports(ctx: Context) -> dict[str, Any]:
    reports = sorted(ctx.reports, key=lambda r: (r.date, r.id), reverse=True)
    return {"reports": [{"landing": ctx.catalogue.by_uri(r.page), "title": r.title, "date": r.date.month_label,
                         "pdf": r.pdf_uri, "state": f"editie {r.edition}" if r.status == "vastgesteld" else "concept"}
                        for r in reports]}


OVERVIEW_VIEWS: dict[str, Callable[[Context], dict[str, Any]]] = {
    "regions": overview_regions, "themes": overview_themes, "matrix": overview_matrix,
    "questions": overview_questions, "sessions": overview_sessions, "essays": overview_essays,
    "lessons": overview_lessons, "people": overview_people, "organisations": overview_organisations,
    "glossary": overview_glossary, "library": overview_library, "practices": overview_practices,
    "updates": overview_updates, "monitoring": overview_monitoring, "follow": overview_follow,
    "contact": overview_contact, "reports": overview_reports,
}
