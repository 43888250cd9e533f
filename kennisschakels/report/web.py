"""The web version of a report: Markdown for its pages in docs/rapportages/.

A chapter page shows its own text with the chapter's sections in place. Text from other pages
is wrapped with its origin (``links.web_part``) and its links are resolved on the parsed tree
(``links.ReportLinks``), never by rewriting the text; it stays out of the search index (it is
found on its own page). Every page gets previous/next links and a link to the PDF.

The pages show what ``Shown`` holds: the newest edition of an adopted report, read from its
frozen source, or a concept assembled from the knowledge base. A frozen part that links to a
page that has gone since shows that link's words with a note; a link to a heading that has gone
points to the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from kennisschakels import anchors
from kennisschakels.checks import blank_code
from kennisschakels.context import Context
from kennisschakels.dates import PartialDate
from kennisschakels.render import md
from kennisschakels.report.assemble import Assembled, Chapter, Part, WebPage, assemble, map_headings
from kennisschakels.report.definition import Report, relative
from kennisschakels.report.edition import Change, Edition, editions, since
from kennisschakels.report.links import web_part


@dataclass
class Shown:
    """A report as the site shows it: its definition, what is shown, and its editions."""

    report: Report
    assembled: Assembled
    ctx: Context
    editions: list[Edition] = field(default_factory=list)   # oldest first
    edition: Edition | None = None                          # the one shown; None for a concept

    @property
    def pdf_uri(self) -> str:
        return self.report.pdf_uri

    @property
    def uris(self) -> list[str]:
        return self.assembled.uris

    @cached_property
    def since(self) -> list[Change]:
        return since(self.edition, self.ctx.catalogue) if self.edition else []

    def changed_links(self, part: Part | WebPage) -> dict[str, str]:
        """For a frozen part: link targets that went since adoption -> new target ('' for plain text)."""
        cat, changed = self.ctx.catalogue, {}
        if self.edition is None:
            return changed
        for link in part.links:
            uri, _, fragment = link.partition("#")
            entry = cat.by_uri(uri)
            if entry is None:
                if uri.endswith(".md") or not cat.source_file(uri).is_file():
                    changed[link] = ""
            elif fragment and fragment not in _anchors(entry):
                changed[link] = uri
        return changed


def show(report: Report, ctx: Context, concept: bool = False) -> Shown:
    """What the site shows of a report: its newest edition when adopted (unless ``concept``), else the
    report assembled from the knowledge base now."""
    found = editions(ctx.catalogue.root, report.id)
    if report.adopted_status and not concept:
        edition = next((e for e in found if e.number == report.edition), None)
        if edition is not None and edition.source_path.is_file():
            return Shown(report, edition.assembled(), ctx, found, edition)
    return Shown(report, assemble(report, ctx), ctx, found)


def _anchors(entry) -> set[str]:
    overview = entry.overview if entry.type.name == "page" else ""
    return anchors.anchors(blank_code(entry.body), anchors.derived_headings(entry.type.name, overview or ""))


def _unsearchable(markdown: str) -> str:
    """Every heading marked for Material's search to skip (unless it already has attributes)."""
    return map_headings(markdown, lambda hashes, rest: hashes + rest + (
        "" if rest.rstrip().endswith("}") else " { data-search-exclude }"))


def _link(shown: Shown, uri: str, text: str, page_uri: str) -> str:
    """A link to a page of the site if it still exists, else its words."""
    if shown.ctx.catalogue.by_uri(uri) is None:
        return md(text)
    return f"[{md(text)}]({relative(uri, page_uri)})"


def _part_markdown(shown: Shown, part: Part, page_uri: str) -> str:
    lines = []
    # Text that has its own page elsewhere stays out of the search index here: one hit per text.
    elsewhere = bool(part.source) and part.source != page_uri and not part.generated
    if part.title:
        heading = f"{'#' * part.level} {md(part.title)}"
        lines.append((_unsearchable(heading) if elsewhere else heading) + "\n")
    if elsewhere and part.title:
        lines.append(f"*Deze tekst staat ook op de pagina {_link(shown, part.source, part.source_title, page_uri)}.*"
                     "\n{ .ks-bron }\n")
    if part.markdown:
        body = _unsearchable(part.markdown) if elsewhere else part.markdown
        changed = shown.changed_links(part)
        if part.origin != page_uri or changed:
            body = web_part(body, part.origin, changed)
        lines.append(body + "\n")
    return "\n".join(lines)


def _pager(shown: Shown, page_uri: str) -> str:
    pages = shown.assembled.pages
    index = shown.uris.index(page_uri)
    links = []
    if index > 0:
        previous = pages[index - 1]
        links.append(f"[← Vorige: {md(previous.title)}]({relative(previous.uri, page_uri)})")
    if index + 1 < len(pages):
        following = pages[index + 1]
        links.append(f"[Volgende: {md(following.title)} →]({relative(following.uri, page_uri)})")
    return "\n".join(["", "---", "", " · ".join(links) + "\n{ .ks-pager }", ""])


def _edition_label(shown: Shown) -> str:
    meta = shown.assembled.meta
    return f"editie {meta.edition}" if meta.edition else "concept"


def _context_line(shown: Shown, chapter: Chapter | None, page_uri: str) -> str:
    """A line at the top of a chapter page: which report this is, and where the PDF is."""
    meta, landing = shown.assembled.meta, shown.assembled.pages[0]
    where = "Bijlagen" if chapter is None else (f"Hoofdstuk {chapter.number}" if chapter.number else chapter.title)
    return (f"Rapportage [{md(meta.title)}]({relative(landing.uri, page_uri)}) ({meta.date.month_label}, "
            f"{_edition_label(shown)}) · {md(where)} · [Download de PDF]({relative(shown.pdf_uri, page_uri)})\n"
            "{ .ks-rapport-context }\n")


def toc_markdown(shown: Shown, page_uri: str) -> str:
    """The table of contents of the web version, with a link to every chapter and appendix."""
    chapters, lines = shown.assembled.chapters, []
    for chapter in chapters:
        if chapter.kind == "chapter":
            label = f"{chapter.number}. {md(chapter.title)}" if chapter.number else md(chapter.title)
            lines.append(f"- [{label}]({relative(chapter.page, page_uri)})")
    appendices = [c for c in chapters if c.kind == "appendix"]
    page = next((p for p in shown.assembled.pages if p.kind == "appendices"), None)
    if appendices and page:
        lines.append(f"- [{md(page.title)}]({relative(page.uri, page_uri)})")
        for chapter in appendices:
            draft = " (in voorbereiding)" if chapter.draft else ""
            lines.append(f"    - {chapter.number}: {_link(shown, chapter.page, chapter.title, page_uri)}{draft}")
    return "\n".join(lines) + "\n"


def _editions_markdown(shown: Shown, page_uri: str) -> list[str]:
    if not shown.editions:
        return []
    lines = ["## Edities", "",
             "Elke editie blijft te downloaden op haar eigen adres; de knop hierboven geeft de nieuwste.", ""]
    for edition in reversed(shown.editions):
        adopted = edition.adopted.dutch if edition.adopted else "datum onbekend"
        newest = " (nieuwste)" if edition is shown.editions[-1] else ""
        lines.append(f"- [Editie {edition.number}]({relative(edition.pdf_uri, page_uri)}), vastgesteld "
                     f"{adopted}{newest}")
    return lines + [""]


def _since_markdown(shown: Shown, page_uri: str) -> list[str]:
    if shown.edition is None:
        return []
    adopted = shown.assembled.meta.adopted
    lines = ["## Sinds deze editie", "",
             f"Deze editie blijft zoals ze {'op' if adopted.day else 'in'} {adopted.dutch} is vastgesteld. De kennisbank gaat door: dit zijn de "
             "pagina's waarop het rapport steunt die sindsdien zijn gewijzigd, nieuw zijn of zijn vervallen.", ""]
    if not shown.since:
        return lines + ["Nog niets: de kennisbank is op deze punten niet veranderd.", ""]
    labels = {"nieuw": "nieuw", "gewijzigd": "gewijzigd", "verwijderd": "vervallen"}
    for change in shown.since:
        date = PartialDate.parse(change.date) if change.date else None
        when = "" if date is None else (f" op {date.dutch}" if change.committed else f" (pagina gedateerd {date.dutch})")
        if change.uri:
            lines.append(f"- [{md(change.title)}]({relative(change.uri, page_uri)}): {labels[change.kind]}{when}")
        else:
            lines.append(f"- `{change.path}`: {labels[change.kind]}{when}")
    return lines + [""]


def _own(shown: Shown, page: WebPage) -> str:
    """A landing or appendices page's own text; frozen, its links to pages that went are words."""
    changed = shown.changed_links(page)
    return web_part(page.own, page.uri, changed) if changed else page.own.strip("\n")


def landing_markdown(shown: Shown, pdf_facts: str = "") -> str:
    page = shown.assembled.pages[0]
    meta = shown.assembled.meta
    facts = [("Titel", md(meta.title))]
    if meta.subtitle:
        facts.append(("Ondertitel", md(meta.subtitle)))
    if meta.series:
        facts.append(("Reeks", md(meta.series)))
    facts += [("Datum", meta.date.dutch), ("Uitgever", md(meta.publisher)), ("Auteur", md(meta.author))]
    if meta.edition:
        facts.append(("Editie", f"{meta.edition}, vastgesteld {meta.adopted.dutch}"))
    else:
        facts.append(("Editie", "concept: volgt de kennisbank en is nog niet vastgesteld"))
    if meta.peildatum:
        facts.append(("Peildatum", f"{meta.peildatum.dutch} (latere praktijkvoorbeelden, lessen, essays en "
                                   "sessies staan er niet in)"))
    table = [f"- **{key}:** {value}" for key, value in facts]
    download = (f"[Download de PDF]({relative(shown.pdf_uri, page.uri)}){{ .md-button .md-button--primary }}"
                + (f" {pdf_facts}" if pdf_facts else ""))
    parts = [_own(shown, page), "", download, "", "## Hoofdstukken", "", toc_markdown(shown, page.uri),
             "## Over deze uitgave", "", "\n".join(table), ""]
    if meta.colophon:
        parts += [meta.colophon.strip("\n"), ""]
    if meta.changes:
        parts += [f"### Wijzigingen in editie {meta.edition}", ""] + [f"- {line}" for line in meta.changes] + [""]
    parts += _editions_markdown(shown, page.uri) + _since_markdown(shown, page.uri)
    return "\n".join(parts) + _pager(shown, page.uri)


def appendices_markdown(shown: Shown, page_uri: str) -> str:
    page = shown.assembled.page(page_uri)
    lines = [_context_line(shown, None, page_uri), _own(shown, page), ""]
    for chapter in (c for c in shown.assembled.chapters if c.kind == "appendix"):
        draft = " *(in voorbereiding)*" if chapter.draft else ""
        lines += [f"## {chapter.number}: {md(chapter.title)}", "",
                  f"{_link(shown, chapter.page, chapter.title, page_uri)}{draft}: {md(chapter.description)}", ""]
    return "\n".join(lines) + _pager(shown, page_uri)


def chapter_markdown(shown: Shown, chapter: Chapter) -> str:
    """The chapter's own text with its sections in place, as its web page shows it."""
    page = chapter.page
    parts = [_context_line(shown, chapter, page)]
    parts += [_part_markdown(shown, part, page) for part in chapter.parts]
    return "\n".join(parts) + _pager(shown, page)


def page_markdown(shown: Shown, page_uri: str, pdf_facts: str = "") -> str | None:
    """Markdown for one of the report's web pages; None for other pages."""
    page = shown.assembled.page(page_uri)
    if page is None:
        return None
    if page.kind == "landing":
        return landing_markdown(shown, pdf_facts)
    if page.kind == "appendices":
        return appendices_markdown(shown, page_uri)
    chapter = next(c for c in shown.assembled.chapters if c.kind == "chapter" and c.page == page_uri)
    return chapter_markdown(shown, chapter)
