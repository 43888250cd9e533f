"""The web version of a report: Markdown for its pages in docs/rapportages/.

A chapter page shows its own text with the chapter's sections in place; text taken from
other pages gets its relative links rewritten for the chapter page (so the strict build
checks them) and stays out of the search index (it is found on its own page). Every page
gets previous/next links and a link to the PDF; the navigation order comes from the
definition alone.
"""

from __future__ import annotations

import posixpath
import re

from kennisschakels.context import Context
from kennisschakels.render import md
from kennisschakels.report.assemble import Chapter, Part, assemble, map_headings
from kennisschakels.report.definition import Report, relative

# Inline links and images ](target "title"), reference definitions [x]: target, and raw HTML href/src.
_MD_LINK = re.compile(r"(\]\()(<[^>]*>|[^)\s]+)")
_MD_REF = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)(\S+)", re.MULTILINE)
_HTML_ATTR = re.compile(r"""(\b(?:href|src)=")([^"]*)(")""")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def rebase_links(markdown: str, origin: str, target: str) -> str:
    """Markdown written for the page at ``origin``, with relative links fixed for the page at ``target``."""
    if origin == target:
        return markdown

    def rebase(link: str) -> str:
        bare = link[1:-1] if link.startswith("<") and link.endswith(">") else link
        if not bare or _EXTERNAL.match(bare):
            return link
        path, hash_, fragment = bare.partition("#")
        absolute = posixpath.normpath(posixpath.join(posixpath.dirname(origin), path)) if path else origin
        return relative(absolute, target) + hash_ + fragment

    markdown = _MD_LINK.sub(lambda m: m[1] + rebase(m[2]), markdown)
    markdown = _MD_REF.sub(lambda m: m[1] + rebase(m[2]), markdown)
    return _HTML_ATTR.sub(lambda m: m[1] + rebase(m[2]) + m[3], markdown)


def _unsearchable(markdown: str) -> str:
    """Every heading marked for Material's search to skip (unless it already has attributes)."""
    return map_headings(markdown, lambda hashes, rest: hashes + rest + (
        "" if rest.rstrip().endswith("}") else " { data-search-exclude }"))


def _part_markdown(part: Part, page_uri: str) -> str:
    lines = []
    # Text that has its own page elsewhere stays out of the search index here: one hit per text.
    elsewhere = part.source is not None and part.source.uri != page_uri
    if part.title:
        heading = f"{'#' * part.level} {md(part.title)}"
        lines.append((_unsearchable(heading) if elsewhere else heading) + "\n")
    if elsewhere and part.title:
        lines.append(f"*Deze tekst staat ook op de pagina [{md(part.source.title)}]"
                     f"({relative(part.source.uri, page_uri)}).*\n{{ .ks-bron }}\n")
    if part.markdown:
        body = rebase_links(part.markdown, part.origin, page_uri)
        lines.append((_unsearchable(body) if elsewhere else body) + "\n")
    return "\n".join(lines)


def _pdf_link(report: Report, page_uri: str) -> str:
    return relative(report.pdf_uri, page_uri)


def _pager(report: Report, ctx: Context, page_uri: str) -> str:
    pages = report.web_pages
    index = pages.index(page_uri)
    links = []
    if index > 0:
        previous = ctx.catalogue.by_uri(pages[index - 1])
        links.append(f"[← Vorige: {md(previous.title)}]({relative(previous.uri, page_uri)})")
    if index + 1 < len(pages):
        following = ctx.catalogue.by_uri(pages[index + 1])
        links.append(f"[Volgende: {md(following.title)} →]({relative(following.uri, page_uri)})")
    return "\n".join(["", "---", "", " · ".join(links) + "\n{ .ks-pager }", ""])


def _context_line(report: Report, ctx: Context, chapter: Chapter | None, page_uri: str) -> str:
    """A line at the top of a chapter page: which report this is, and where the PDF is."""
    landing = ctx.catalogue.by_uri(report.page)
    where = "Bijlagen" if chapter is None else (f"Hoofdstuk {chapter.number}" if chapter.number else chapter.title)
    return (f"Rapportage [{md(report.title)}]({relative(landing.uri, page_uri)}) ({report.date.month_label})"
            f" · {md(where)} · [Download de PDF]({_pdf_link(report, page_uri)})\n"
            "{ .ks-rapport-context }\n")


def toc_markdown(report: Report, ctx: Context, chapters: list[Chapter], page_uri: str) -> str:
    """The table of contents of the web version, with a link to every chapter and appendix."""
    lines = []
    for chapter in chapters:
        if chapter.kind == "chapter":
            label = f"{chapter.number}. {md(chapter.title)}" if chapter.number else md(chapter.title)
            lines.append(f"- [{label}]({relative(chapter.page.uri, page_uri)})")
    appendices = [c for c in chapters if c.kind == "appendix"]
    if appendices and report.appendices:
        page = ctx.catalogue.by_uri(report.appendices.page)
        lines.append(f"- [{md(page.title)}]({relative(page.uri, page_uri)})")
        for chapter in appendices:
            draft = " (in voorbereiding)" if chapter.draft else ""
            lines.append(f"    - {chapter.number}: [{md(chapter.title)}]"
                         f"({relative(chapter.page.uri, page_uri)}){draft}")
    return "\n".join(lines) + "\n"


def landing_markdown(report: Report, ctx: Context, chapters: list[Chapter], own: str,
                     pdf_facts: str = "") -> str:
    page = report.page
    facts = [("Titel", md(report.title))]
    if report.subtitle:
        facts.append(("Ondertitel", md(report.subtitle)))
    if report.series:
        facts.append(("Reeks", md(report.series)))
    facts += [("Datum", report.date.dutch), ("Uitgever", md(report.publisher)), ("Auteur", md(report.author))]
    if report.version:
        facts.append(("Versie", md(report.version)))
    table = [f"- **{key}:** {value}" for key, value in facts]
    download = (f"[Download de PDF]({_pdf_link(report, page)}){{ .md-button .md-button--primary }}"
                + (f" {pdf_facts}" if pdf_facts else ""))
    parts = [own.strip("\n"), "", download, "", "## Hoofdstukken", "", toc_markdown(report, ctx, chapters, page),
             "## Over deze uitgave", "", "\n".join(table), ""]
    if report.colophon:
        parts += [report.colophon.strip("\n"), ""]
    return "\n".join(parts) + _pager(report, ctx, page)


def appendices_markdown(report: Report, ctx: Context, chapters: list[Chapter], own: str) -> str:
    page = report.appendices.page
    lines = [_context_line(report, ctx, None, page), own.strip("\n"), ""]
    for chapter in (c for c in chapters if c.kind == "appendix"):
        draft = " *(in voorbereiding)*" if chapter.draft else ""
        lines += [f"## {chapter.number}: {md(chapter.title)}", "",
                  f"[{md(chapter.title)}]({relative(chapter.page.uri, page)}){draft}: "
                  f"{md(chapter.page.description)}", ""]
    return "\n".join(lines) + _pager(report, ctx, page)


def chapter_markdown(report: Report, ctx: Context, chapter: Chapter) -> str:
    """The chapter's own text with its sections in place, as its web page shows it."""
    page = chapter.page.uri
    parts = [_context_line(report, ctx, chapter, page)]
    parts += [_part_markdown(part, page) for part in chapter.parts]
    return "\n".join(parts) + _pager(report, ctx, page)


def page_markdown(report: Report, ctx: Context, page_uri: str, own: str, pdf_facts: str = "") -> str | None:
    """Markdown for one of the report's web pages (``own``: the page's own text); None for other pages."""
    if page_uri not in report.web_pages:
        return None
    chapters = assemble(report, ctx)
    if page_uri == report.page:
        return landing_markdown(report, ctx, chapters, own, pdf_facts)
    if report.appendices and page_uri == report.appendices.page:
        return appendices_markdown(report, ctx, chapters, own)
    chapter = next(c for c in chapters if c.kind == "chapter" and c.page.uri == page_uri)
    return chapter_markdown(report, ctx, chapter)


def reports_overview(reports: list[Report], ctx: Context, page_uri: str, pdf_facts: dict[str, str]) -> str:
    """A list of every report, for the index page of docs/rapportages/."""
    lines = []
    for report in sorted(reports, key=lambda r: (r.date, r.id), reverse=True):
        landing = ctx.catalogue.by_uri(report.page)
        facts = pdf_facts.get(report.id, "")
        lines.append(f"- [{md(report.title)}]({relative(landing.uri, page_uri)}) ({report.date.month_label}): "
                     f"{md(landing.description)} [PDF]({relative(report.pdf_uri, page_uri)}){facts and ' ' + facts}")
    return "\n".join(lines) + "\n"


def order_nav(nav: list, report: Report) -> bool:
    """Put the report's pages in the navigation in the definition's order; True when found."""
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list) and order_nav(children, report):
                    return True
    if report.page not in nav:
        return False
    rank = {uri: index for index, uri in enumerate(report.web_pages)}
    ours = sorted((item for item in nav if isinstance(item, str) and item in rank), key=rank.__getitem__)
    others = [item for item in nav if not (isinstance(item, str) and item in rank)]
    nav[:] = ours + others
    return True
