"""Assembling a report: its chapters and appendices as Markdown parts, in reading order.

The result is independent of the output: the web version (``web.py``) and the PDF
(``pdf.py``) both start from the same assembled chapters, so they cannot drift apart.
Each part keeps the source uri its relative links were written for; the outputs decide
what those links become.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kennisschakels import derive, views
from kennisschakels.context import Context
from kennisschakels.model.entry import Entry
from kennisschakels.pages import place_overview
from kennisschakels.render import md, render
from kennisschakels.report.definition import NEXT_SECTION, Report, Section, entry_of
from kennisschakels.report.sections import SECTIONS

_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^(#{1,6})(?=\s)")


@dataclass
class Part:
    """A stretch of Markdown with an optional heading of its own."""

    markdown: str
    origin: str                    # source uri the Markdown's relative links are relative to
    title: str = ""                # heading text; '' means no heading
    level: int = 2                 # heading level of the title
    source: Entry | None = None    # the page this part shows: links to it land here
    generated: bool = False        # made from front-matter rather than a page's text
    draft: bool = False


@dataclass
class Chapter:
    kind: str                      # "chapter" or "appendix"
    number: str                    # "1", "" (unnumbered), "Bijlage 1"
    title: str
    page: Entry                    # the chapter's web page; for an appendix: the essay
    parts: list[Part] = field(default_factory=list)
    draft: bool = False

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}".strip()


def map_headings(markdown: str, change) -> str:
    """Markdown with ``change(hashes, rest)`` applied to every ATX heading line outside code blocks."""
    out, fenced = [], False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            match = _ATX.match(line)
            if match:
                line = change(match[1], line[len(match[1]):])
        out.append(line)
    return "\n".join(out)


def shift_headings(markdown: str, by: int) -> str:
    """Markdown with every heading ``by`` levels deeper (at most level 6)."""
    if by <= 0:
        return markdown
    return map_headings(markdown, lambda hashes, rest: "#" * min(6, len(hashes) + by) + rest)


def page_body(ctx: Context, entry: Entry) -> str:
    """The text of a page as its readers see it: with its overview, for a page that has one."""
    body = entry.body.strip("\n")
    if entry.type.name != "page" or not entry.overview:
        return body
    overview = render(f"overviews/{entry.overview}.md", entry.uri, **views.OVERVIEW_VIEWS[entry.overview](ctx))
    return place_overview(body, overview)


def essays(report: Report, ctx: Context) -> list[Entry]:
    """The essays that are appendices: first those the definition orders, then the rest in derived order."""
    if report.appendices is None:
        return []
    chosen = derive.published_essays(ctx.catalogue)
    if report.appendices.essays == "all":
        chosen += derive.draft_essays(ctx.catalogue)
    first = report.appendices.order
    rank = {essay_id: index for index, essay_id in enumerate(first)}
    return sorted(chosen, key=lambda e: rank.get(e.id, len(first)))  # stable: keeps derived order


def assemble(report: Report, ctx: Context) -> list[Chapter]:
    """Every chapter and appendix of the report, numbered, in reading order."""
    chapters, number = [], 0
    for definition in report.chapters:
        page = entry_of(ctx.catalogue, definition.page)
        if definition.numbered:
            number += 1
        chapter = Chapter("chapter", str(number) if definition.numbered else "", page.title, page)
        own = NEXT_SECTION.split(page_body(ctx, page))
        sections = [_section(section, ctx, page) for section in definition.sections]
        chapter.parts.append(Part(own[0].strip("\n"), page.uri, source=page))
        for index, more in enumerate(own[1:]):
            if index < len(sections):
                chapter.parts.extend(sections[index])
            if more.strip():  # the page's own text continues after the section
                chapter.parts.append(Part(more.strip("\n"), page.uri))
        for section in sections[len(own) - 1:]:
            chapter.parts.extend(section)
        chapters.append(chapter)
    for index, essay in enumerate(essays(report, ctx), start=1):
        draft = essay.draft
        chapter = Chapter("appendix", f"Bijlage {index}", essay.title, essay, draft=draft)
        chapter.parts.append(Part(_essay_byline(ctx, essay), essay.uri, generated=True))
        chapter.parts.append(Part(page_body(ctx, essay), essay.uri, source=essay, draft=draft))
        chapters.append(chapter)
    return chapters


def _section(section: Section, ctx: Context, chapter_page: Entry) -> list[Part]:
    level = 2 if section.heading else 1
    if section.kind == "include":
        entry = entry_of(ctx.catalogue, section.target)
        body = shift_headings(page_body(ctx, entry), 1 if section.heading else 0)
        title = (section.title or entry.title) if section.heading else ""
        return [Part(body, entry.uri, title, level, source=entry)]
    if section.kind == "template":
        body = render(f"report/{section.target}.md", chapter_page.uri, **SECTIONS[section.target](ctx))
        return [Part(body.strip("\n"), chapter_page.uri, section.title if section.heading else "", level,
                     generated=True)]
    # lessons: every lesson of one source, each under its own heading.
    lessons = [e for e in ctx.catalogue.of("lesson") if e.source == section.target]
    parts = [Part("", chapter_page.uri, section.title if section.heading else "", level, generated=True)]
    for lesson in lessons:
        parts.append(Part(shift_headings(page_body(ctx, lesson), level), lesson.uri, lesson.title,
                          level + 1, source=lesson))
    return parts


def _essay_byline(ctx: Context, essay: Entry) -> str:
    authors = [md(a.title) for a in essay.authors]
    themes = [md(t.title) for t in ctx.catalogue.sort(essay.themes)]
    facts = []
    if authors:
        facts.append("Door " + (", ".join(authors[:-1]) + " en " + authors[-1] if len(authors) > 1 else authors[0]))
    date = essay.date
    if date:
        facts.append(date.dutch)
    if themes:
        facts.append(("Leerthema's: " if len(themes) > 1 else "Leerthema: ") + ", ".join(themes))
    if essay.draft:
        facts.append("**In voorbereiding**")
    return " · ".join(facts) + "\n{ .ks-byline }" if facts else ""
