"""The templates for new files (kennisschakels/sjablonen/) and the placeholder texts in them.

Each template is valid content apart from its placeholder texts, which the check refuses until
a contributor replaces them, so an example sentence never reaches a reader or a calendar.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kennisschakels.frontmatter import parse
from kennisschakels.model.declarations import TYPES
from kennisschakels.model.types import ContentType, Registry
from kennisschakels.problems import Problem

TEMPLATES = Path(__file__).parent / "sjablonen"


def scaffold_types(types: Registry = TYPES) -> dict[str, ContentType]:
    """'nieuw' kind -> content type, for every type that declares a scaffold."""
    return {t.scaffold: t for t in types if t.scaffold}


def template(kind: str) -> str:
    return (TEMPLATES / f"{kind}.md").read_text(encoding="utf-8")


@cache
def placeholders() -> dict[str, set[str]]:
    """The example texts of every template, by key ('inhoud': instruction lines of the body)."""
    found: dict[str, set[str]] = {"title": set(), "description": set(), "inhoud": set()}
    for path in sorted(TEMPLATES.glob("*.md")):
        source, _ = parse(path.name, path.read_text(encoding="utf-8"))
        for key in ("title", "description"):
            if isinstance(source.meta.get(key), str):
                found[key].add(source.meta[key])
        for line in source.body.splitlines():
            if line.strip() and not line.startswith("#"):
                found["inhoud"].add(line.strip())
    return found


def placeholder_problems(path: str, meta: dict, body: str, body_line: int, line_of=lambda key: 1) -> list[Problem]:
    """Template texts left unchanged: a reader would see the example instead of the content."""
    texts = placeholders()
    problems = [Problem(path, line_of(key), key, f"is nog de voorbeeldtekst van het sjabloon ('{meta[key]}')",
                        "vervang die door je eigen tekst")
                for key in ("title", "description") if meta.get(key) in texts[key]]
    for offset, line in enumerate(body.splitlines()):
        if line.strip() in texts["inhoud"]:
            problems.append(Problem(path, body_line + offset, "inhoud",
                                    f"is nog de voorbeeldtekst van het sjabloon ('{line.strip()}')",
                                    "vervang die door je eigen tekst, of haal de regel weg"))
    return problems


