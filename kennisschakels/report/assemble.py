"""Assembling a report: its pages, chapters and appendices as Markdown parts, in reading order.

The result (``Assembled``) is independent of the output and of where it came from: the web
version (``web.py``) and the PDF (``pdf.py``) start from it, whether it was assembled from the
knowledge base just now (a concept) or read back from a frozen edition (``edition.py``). Each
part keeps the source uri its relative links were written for; the outputs resolve them on the
parsed tree (``links.py``).

Scope: a definition's ``peildatum`` leaves dated content after that day out of every derived
section (``Scope``). Assembling records what it read (``Reads``): the manifest of an edition.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from kennisschakels import derive, views
from kennisschakels.context import Context
from kennisschakels.dates import PartialDate
from kennisschakels.model.entry import Entry
from kennisschakels.pages import place_overview
from kennisschakels.render import md, render
from kennisschakels.report.definition import NEXT_SECTION, Report, Section, entry_of
from kennisschakels.report.sections import FACTS, SECTIONS

_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^(#{1,6})(?=\s)")


@dataclass
class Part:
    """A stretch of Markdown with an optional heading of its own."""

    markdown: str
    origin: str                    # source uri the Markdown's relative links are relative to
    title: str = ""                # heading text; '' means no heading
    level: int = 2                 # heading level of the title
    source: str = ""               # uri of the page this part shows: links to it land here
    source_title: str = ""
    generated: bool = False        # made from front-matter rather than a page's text
    draft: bool = False
    links: tuple[str, ...] = ()    # what a frozen part links to (source uris, '#fragment' kept)


@dataclass
class Chapter:
    kind: str                      # "chapter" or "appendix"
    number: str                    # "1", "" (unnumbered), "Bijlage 1"
    title: str
    page: str                      # uri of the chapter's web page; for an appendix: the essay
    description: str = ""
    parts: list[Part] = field(default_factory=list)
    draft: bool = False

    @property
    def label(self) -> str:
        return f"{self.number} {self.title}".strip()


@dataclass(frozen=True)
class Meta:
    """What a report says about itself (cover, colophon, metadata)."""

    id: str
    title: str
    subtitle: str
    series: str
    date: PartialDate
    publisher: str
    author: str
    language: str
    keywords: tuple[str, ...]
    colophon: str
    status: str = "concept"
    edition: str = ""
    adopted: PartialDate | None = None
    peildatum: PartialDate | None = None
    changes: tuple[str, ...] = ()          # what changed against the previous edition

    @property
    def created(self) -> str:
        """The PDF's creation date: the day of adoption for an edition, else the build date (or none)."""
        if self.adopted is not None:
            return self.adopted.as_date().strftime("%Y-%m-%dT00:00:00Z")
        import os

        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        if epoch and epoch.strip().isdigit():
            return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return ""  # no date at all rather than one that changes every build


@dataclass
class WebPage:
    uri: str
    title: str
    kind: str                      # landing | chapter | appendices
    own: str = ""                  # the page's own text (landing and appendices pages)
    description: str = ""
    links: tuple[str, ...] = ()    # what a frozen page's own text links to


@dataclass
class Reads:
    """What assembling a report read: entries, and types of which it read every entry."""

    entries: set = field(default_factory=set)
    types: set = field(default_factory=set)

    def entry(self, entry: Entry) -> Entry:
        self.entries.add(entry)
        return entry

    def all_of(self, *type_names: str) -> None:
        self.types.update(type_names)


@dataclass
class Assembled:
    meta: Meta
    pages: list[WebPage]
    chapters: list[Chapter]
    reads: Reads | None = None     # only for a report assembled from the knowledge base

    def page(self, uri: str) -> WebPage | None:
        return next((p for p in self.pages if p.uri == uri), None)

    @property
    def uris(self) -> list[str]:
        return [p.uri for p in self.pages]


# ----------------------------------------------------------------------------- scope

def _first_day(date: PartialDate) -> datetime.date:
    return date.as_date()


def last_day(date: PartialDate) -> datetime.date:
    """The last day a date stands for: the day, or the end of its month."""
    if date.day:
        return date.as_date()
    first_of_next = datetime.date(date.year + date.month // 12, date.month % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


@dataclass(frozen=True)
class Scope:
    """The period a report covers: dated content after the peildatum stays out of derived sections.

    Undated content (most practices: the sources give no date) is included unless the definition
    says ``ongedateerd: weglaten``. Types without a date (regions, themes, people) always count.
    A session after the peildatum stays only when it is recorded as planned: the report
    announced it; a session recorded as held or cancelled after the peildatum is later news.
    """

    peildatum: PartialDate | None = None
    undated: str = "opnemen"

    def keeps(self, entry: Entry) -> bool:
        if "date" not in entry.type.field_map:
            return True
        date = entry.date
        if date is None:
            return self.undated != "weglaten"
        if self.peildatum is None or _first_day(date) <= last_day(self.peildatum):
            return True
        return entry.type.name == "session" and entry.status == "gepland"

    def filter(self, entries: list[Entry]) -> list[Entry]:
        return [e for e in entries if self.keeps(e)]


# ----------------------------------------------------------------------------- Markdown helpers

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


def page_body(ctx: Context, entry: Entry, reads: Reads | None = None) -> str:
    """The text of a page as its readers see it: with its overview, for a page that has one."""
    body = entry.body.strip("\n")
    if entry.type.name != "page" or not entry.overview:
        return body
    if reads is not None:  # an overview may show any type
        reads.all_of(*(t.name for t in ctx.catalogue.types))
    overview = render(f"overviews/{entry.overview}.md", entry.uri, **views.OVERVIEW_VIEWS[entry.overview](ctx))
    return place_overview(body, overview)


# ----------------------------------------------------------------------------- assembling

def scope_of(report: Report) -> Scope:
    return Scope(report.peildatum, report.undated)


def essays(report: Report, ctx: Context, scope: Scope | None = None) -> list[Entry]:
    """The essays that are appendices: first those the definition orders, then the rest in derived order."""
    if report.appendices is None:
        return []
    chosen = derive.published_essays(ctx.catalogue)
    if report.appendices.essays == "all":
        chosen += derive.draft_essays(ctx.catalogue)
    chosen = (scope or scope_of(report)).filter(chosen)
    first = report.appendices.order
    rank = {essay_id: index for index, essay_id in enumerate(first)}
    return sorted(chosen, key=lambda e: rank.get(e.id, len(first)))  # stable: keeps derived order


def meta_of(report: Report) -> Meta:
    """What the definition says about the report, as a concept (an adopted edition reads its own)."""
    return Meta(id=report.id, title=report.title, subtitle=report.subtitle, series=report.series,
                date=report.date, publisher=report.publisher, author=report.author, language=report.language,
                keywords=report.keywords, colophon=report.colophon, peildatum=report.peildatum)


def assemble(report: Report, ctx: Context) -> Assembled:
    """The report from the knowledge base as it is now: every page, chapter and appendix, in order."""
    scope, reads = scope_of(report), Reads()
    cat = ctx.catalogue
    chapters, number = [], 0
    landing = reads.entry(entry_of(cat, report.page))
    pages = [WebPage(landing.uri, landing.title, "landing", landing.body.strip("\n"), landing.description)]
    for definition in report.chapters:
        page = reads.entry(entry_of(cat, definition.page))
        pages.append(WebPage(page.uri, page.title, "chapter", description=page.description))
        if definition.numbered:
            number += 1
        chapter = Chapter("chapter", str(number) if definition.numbered else "", page.title, page.uri,
                          page.description)
        own = NEXT_SECTION.split(page_body(ctx, page, reads))
        sections = [_section(section, ctx, page, scope, reads) for section in definition.sections]
        chapter.parts.append(Part(own[0].strip("\n"), page.uri, source=page.uri, source_title=page.title))
        for index, more in enumerate(own[1:]):
            if index < len(sections):
                chapter.parts.extend(sections[index])
            if more.strip():  # the page's own text continues after the section
                chapter.parts.append(Part(more.strip("\n"), page.uri))
        for section in sections[len(own) - 1:]:
            chapter.parts.extend(section)
        chapters.append(chapter)
    if report.appendices is not None:
        page = reads.entry(entry_of(cat, report.appendices.page))
        pages.append(WebPage(page.uri, page.title, "appendices", page.body.strip("\n"), page.description))
        reads.all_of("essay", "person", "theme")
    for index, essay in enumerate(essays(report, ctx, scope), start=1):
        draft = essay.draft
        chapter = Chapter("appendix", f"Bijlage {index}", essay.title, essay.uri, essay.description, draft=draft)
        chapter.parts.append(Part(_essay_byline(ctx, essay), essay.uri, generated=True))
        chapter.parts.append(Part(page_body(ctx, essay, reads), essay.uri, source=essay.uri,
                                  source_title=essay.title, draft=draft))
        chapters.append(chapter)
    return Assembled(meta_of(report), pages, chapters, reads)


def _section(section: Section, ctx: Context, chapter_page: Entry, scope: Scope, reads: Reads) -> list[Part]:
    level = 2 if section.heading else 1
    cat = ctx.catalogue
    if section.kind == "include":
        entry = reads.entry(entry_of(cat, section.target))
        body = shift_headings(page_body(ctx, entry, reads), 1 if section.heading else 0)
        title = (section.title or entry.title) if section.heading else ""
        return [Part(body, entry.uri, title, level, source=entry.uri, source_title=entry.title)]
    if section.kind == "facts":
        entry = reads.entry(entry_of(cat, section.target))
        view, types = FACTS[entry.type.name]
        reads.all_of(*types)
        body = render(f"report/gegevens-{entry.type.name}.md", chapter_page.uri, **view(ctx, scope, entry))
        title = (section.title or entry.title) if section.heading else ""
        return [Part(body.strip("\n"), chapter_page.uri, title, level, source=entry.uri, source_title=entry.title,
                     generated=True)]
    if section.kind == "template":
        view, types = SECTIONS[section.target]
        reads.all_of(*types)
        body = render(f"report/{section.target}.md", chapter_page.uri, **view(ctx, scope))
        return [Part(body.strip("\n"), chapter_page.uri, section.title if section.heading else "", level,
                     generated=True)]
    # lessons: every lesson of one source, each under its own heading.
    reads.all_of("lesson")
    lessons = scope.filter([e for e in cat.of("lesson") if e.source == section.target])
    parts = [Part("", chapter_page.uri, section.title if section.heading else "", level, generated=True)]
    for lesson in lessons:
        parts.append(Part(shift_headings(page_body(ctx, lesson), level), lesson.uri, lesson.title,
                          level + 1, source=lesson.uri, source_title=lesson.title))
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
