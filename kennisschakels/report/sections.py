"""Generated sections of a report: views and templates (``kennisschakels/templates/report/``).

``SECTIONS`` are the 'template:' sections of a definition (Tabel 1, Tabel 2, practices per region,
lessons in short); ``FACTS`` the 'facts:' sections, the generated facts of one region or theme.
Each view computes everything it shows from the knowledge base within the report's scope (its
peildatum) and names the types it reads, for the manifest of an edition.
"""

from __future__ import annotations

from typing import Any, Callable

from kennisschakels import derive
from kennisschakels.context import Context
from kennisschakels.model.declarations import THEME_CATEGORY
from kennisschakels.model.entry import Entry


def questions(ctx: Context, scope) -> dict[str, Any]:
    regions = ctx.catalogue.of("region")
    return {"participating": [r for r in regions if r.status == "participating"],
            "interested": [r for r in regions if r.status != "participating"]}


def _session_dates(sessions: list[Entry]) -> list[str]:
    return [s.date.dutch + (f" ({s.status})" if s.status in ("gepland", "afgelast") else "") for s in sessions]


def themes(ctx: Context, scope) -> dict[str, Any]:
    cat = ctx.catalogue
    rows, held, total = [], 0, 0
    for category, label in THEME_CATEGORY.choices.items():
        for theme in (t for t in cat.of("theme") if t.category == category):
            sessions = scope.filter(derive.inspiration_sessions(cat, theme))
            total += len(sessions)
            held += sum(1 for s in sessions if s.status == "gehouden")
            rows.append({"theme": theme, "category": label, "regions": derive.adopting_regions(cat, theme),
                         "sessions": _session_dates(sessions), "experts": theme.experts})
    return {"rows": rows, "held": held, "total": total}


def lessons_short(ctx: Context, scope, source: str = "programmateam") -> dict[str, Any]:
    return {"lessons": scope.filter([lesson for lesson in ctx.catalogue.of("lesson") if lesson.source == source])}


def practices(ctx: Context, scope) -> dict[str, Any]:
    cat = ctx.catalogue
    return {"regions": [(r, scope.filter(cat.children(r, "practice")))
                        for r in cat.of("region") if r.status == "participating"]}


SECTIONS: dict[str, tuple[Callable[..., dict[str, Any]], tuple[str, ...]]] = {
    "rapport-kennisvragen": (questions, ("region",)),
    "rapport-leerthemas": (themes, ("theme", "region", "session", "person")),
    "rapport-lessen-kort": (lessons_short, ("lesson",)),
    "rapport-praktijkvoorbeelden": (practices, ("region", "practice")),
}


def region_facts(ctx: Context, scope, region: Entry) -> dict[str, Any]:
    cat = ctx.catalogue
    return {"region": region, "themes": cat.sort(region.themes),
            "practices": scope.filter(cat.children(region, "practice")),
            "sessions": scope.filter(cat.referrers(region, "session", "regions"))}


def theme_facts(ctx: Context, scope, theme: Entry) -> dict[str, Any]:
    cat = ctx.catalogue
    sessions = scope.filter(derive.inspiration_sessions(cat, theme))
    return {"theme": theme, "category": THEME_CATEGORY.label(theme.category), "experts": theme.experts,
            "regions": derive.adopting_regions(cat, theme), "sessions": _session_dates(sessions),
            "lessons": scope.filter(cat.referrers(theme, "lesson", "themes"))}


FACTS: dict[str, tuple[Callable[..., dict[str, Any]], tuple[str, ...]]] = {
    "region": (region_facts, ("theme", "practice", "session")),
    "theme": (theme_facts, ("region", "session", "person", "lesson")),
}
