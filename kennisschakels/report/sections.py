"""Generated sections of a report (the 'template:' sections of a definition): views and templates.

Each section is a template in ``kennisschakels/templates/report/`` with a view that computes
everything it shows from the knowledge base (Tabel 1, Tabel 2, practices per region, lessons).
"""

from __future__ import annotations

from typing import Any, Callable

from kennisschakels import derive
from kennisschakels.context import Context
from kennisschakels.model.declarations import THEME_CATEGORY


def questions(ctx: Context) -> dict[str, Any]:
    regions = ctx.catalogue.of("region")
    return {"participating": [r for r in regions if r.status == "participating"],
            "interested": [r for r in regions if r.status != "participating"]}


def themes(ctx: Context) -> dict[str, Any]:
    cat = ctx.catalogue
    rows, held, total = [], 0, 0
    for category, label in THEME_CATEGORY.choices.items():
        for theme in (t for t in cat.of("theme") if t.category == category):
            sessions = derive.inspiration_sessions(cat, theme)
            total += len(sessions)
            held += sum(1 for s in sessions if s.status == "gehouden")
            dates = [s.date.dutch + (f" ({s.status})" if s.status in ("gepland", "afgelast") else "")
                     for s in sessions]
            rows.append({"theme": theme, "category": label, "regions": derive.adopting_regions(cat, theme),
                         "sessions": dates, "experts": theme.experts})
    return {"rows": rows, "held": held, "total": total}


def lessons_short(ctx: Context, source: str = "programmateam") -> dict[str, Any]:
    return {"lessons": [lesson for lesson in ctx.catalogue.of("lesson") if lesson.source == source]}


def practices(ctx: Context) -> dict[str, Any]:
    cat = ctx.catalogue
    return {"regions": [(r, cat.children(r, "practice")) for r in cat.of("region") if r.status == "participating"]}


SECTIONS: dict[str, Callable[[Context], dict[str, Any]]] = {
    "rapport-kennisvragen": questions, "rapport-leerthemas": themes, "rapport-lessen-kort": lessons_short,
    "rapport-praktijkvoorbeelden": practices,
}
