"""The PDF of a report: an assembled report as one HTML document, laid out by WeasyPrint.

Markdown is converted with Python-Markdown and the extensions listed in mkdocs.yml (from
``Settings``), so the PDF reads the same Markdown the same way as the site. Links are resolved
on the parsed tree (``links.PdfLinks``): links to pages that are part of the report become
internal links; links to other pages of the site become plain text (a PDF has no site around
it). Nothing is fetched from other hosts: only local files are allowed.

Cost: a frozen edition's PDF is never laid out here again (it is committed beside its frozen
source). A concept's PDF is kept in a content-addressed cache (``.cache/rapportages/`` in the
repository, or ``$KENNISSCHAKELS_CACHE``), keyed by the HTML, the images it shows and the
WeasyPrint version: ``mkdocs serve``, a rebuild and CI with that folder cached lay it out only
when one of its inputs changed.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from kennisschakels.context import Context
from kennisschakels.problems import ContentError, Problem
from kennisschakels.report.assemble import Assembled, Chapter, Part
from kennisschakels.report.links import PdfLinks, PdfResolver
from kennisschakels.sanitize import sanitize, summary
from kennisschakels.settings import Settings

PDF_VARIANT = "pdf/ua-1"  # tagged PDF for screen readers, with title and language (PDF/UA-1)
FONTS = "Liberation Sans, DejaVu Sans"  # local fonts via fontconfig (fonts-liberation, fonts-dejavu-core)
CACHE_DIR = ".cache/rapportages"

_ID = re.compile(r'\bid="([^"]+)"')
_H2 = re.compile(r'<h2\b([^>]*)>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("kennisschakels", "templates/report"),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def markdown_extensions(settings: Settings) -> tuple[list[str], dict[str, dict]]:
    """The site's own Markdown extensions, without the heading permalinks of the web."""
    configs = {name: dict(options) for name, options in settings.markdown_configs.items()}
    if "toc" in configs:
        configs["toc"].pop("permalink", None)
        configs["toc"].pop("permalink_title", None)
    return list(settings.markdown_extensions), {k: v for k, v in configs.items() if v}


@dataclass
class _Piece:
    prefix: str      # makes the ids of this piece unique in the document
    part: Part
    html: str = ""


@dataclass
class TocEntry:
    level: int
    target: str
    number: str
    title: Markup


class _Document:
    """One report as HTML: chapters converted piece by piece, links resolved on the tree."""

    def __init__(self, assembled: Assembled, ctx: Context):
        self.assembled, self.ctx, self.root = assembled, ctx, ctx.catalogue.root
        self.targets: dict[str, tuple[str, str]] = {}  # page uri -> (anchor, id prefix of its text)
        self.resolver = PdfResolver(self._target, self._image)
        names, configs = markdown_extensions(ctx.settings)
        self.md = markdown.Markdown(extensions=[*names, PdfLinks(self.resolver)], extension_configs=configs)
        self.headings_md = markdown.Markdown(extensions=names, extension_configs=configs)
        self.chapters = assembled.chapters
        self.problems: list[Problem] = []

    def _target(self, uri: str, fragment: str) -> str | None:
        if uri not in self.targets:
            return None
        target, prefix = self.targets[uri]
        if fragment and f"{prefix}-{fragment}" in self.resolver.ids:
            target = f"{prefix}-{fragment}"
        return f"#{target}"

    def _image(self, uri: str) -> str:
        """The image's path relative to the repository, which is WeasyPrint's base URL: a relative
        URL, so the sanitiser sees what a web page has, and the fetcher serves only the repository."""
        return uri if uri.startswith(("essays/", "regions/")) else f"docs/{uri}"

    def convert(self, text: str, prefix: str, origin: str) -> str:
        self.resolver.origin, self.resolver.prefix = origin, prefix
        self.md.reset()
        out = self.md.convert(text)
        clean = sanitize(out)  # the same guarantee as the web pages: what nh3 keeps, and nothing silently
        if clean.changed:
            entry = self.ctx.catalogue.by_uri(origin) if origin else None
            self.problems.append(Problem(entry.path if entry else self.assembled.meta.path, 1, "rapport",
                                         "onveilige of niet toegestane HTML in de PDF: " + summary(clean.changes),
                                         "haal die HTML weg of schrijf het als gewone Markdown"))
        return clean.html

    def build(self) -> tuple[list[dict], list[TocEntry]]:
        # Where every page of the report lands, before any link to it is resolved.
        plan = []
        for c_index, chapter in enumerate(self.chapters, start=1):
            anchor = f"k{c_index}"
            for p_index, part in enumerate(chapter.parts):
                prefix = f"{anchor}-{p_index}"
                if part.source and part.source not in self.targets:
                    # The chapter's own page lands on the chapter heading, other pages on their part.
                    target = anchor if p_index == 0 or part.source == chapter.page else prefix
                    self.targets[part.source] = (target, prefix)
            self.targets.setdefault(chapter.page, (anchor, f"{anchor}-0"))
            plan.append((anchor, chapter))
        # Headings first, so that links to a heading in a later chapter find its id.
        for anchor, chapter in plan:
            for p_index, part in enumerate(chapter.parts):
                self.resolver.ids.update(f"{anchor}-{p_index}-{i}" for i in _heading_ids(self, part))
        chapters, toc = [], []
        for anchor, chapter in plan:
            pieces = [_Piece(f"{anchor}-{i}", part, self.convert(part.markdown, f"{anchor}-{i}", part.origin))
                      for i, part in enumerate(chapter.parts)]
            body = "".join(_piece_html(piece) for piece in pieces)
            body, sections = _number_sections(body, chapter)
            toc.append(TocEntry(1, anchor, chapter.number, Markup.escape(chapter.title)))
            if chapter.kind == "chapter" and chapter.number:
                toc.extend(sections)
            chapters.append({"anchor": anchor, "chapter": chapter, "html": Markup(body)})
        return chapters, toc


def _heading_ids(document: _Document, part: Part) -> list[str]:
    """The ids the toc extension gives this part's headings (cheap: only heading lines are converted)."""
    lines = [line for line in part.markdown.split("\n") if line.startswith("#")]
    if not lines:
        return []
    document.headings_md.reset()
    return _ID.findall(document.headings_md.convert("\n\n".join(lines)))


def _piece_html(piece: _Piece) -> str:
    part = piece.part
    classes = "part" + (" generated" if part.generated else "") + (" draft" if part.draft else "")
    if part.title:  # links to this part land on its heading
        level = min(part.level, 6)
        heading = f'<h{level} id="{piece.prefix}">{html.escape(part.title)}</h{level}>\n'
        return f'<section class="{classes}">\n{heading}{piece.html}</section>\n'
    return f'<section class="{classes}" id="{piece.prefix}">\n{piece.html}</section>\n'


def _number_sections(body: str, chapter: Chapter) -> tuple[str, list[TocEntry]]:
    """Number the sections (h2) of a numbered chapter: 1.1, 1.2, ...; list them for the contents."""
    entries: list[TocEntry] = []
    if chapter.kind != "chapter" or not chapter.number:
        return body, entries

    count = 0

    def number(match: re.Match) -> str:
        nonlocal count
        count += 1
        attrs, inner = match.groups()
        label = f"{chapter.number}.{count}"
        found = _ID.search(attrs)
        if found:
            entries.append(TocEntry(2, found[1], label, Markup(_TAG.sub("", inner).strip())))
        return f'<h2{attrs}><span class="num">{label}</span> {inner}</h2>'

    return _H2.sub(number, body), entries


def report_html(assembled: Assembled, ctx: Context) -> str:
    """The whole report as one HTML document, ready for WeasyPrint."""
    document = _Document(assembled, ctx)
    chapters, toc = document.build()
    meta = assembled.meta
    colophon = Markup(document.convert(meta.colophon, "colofon", assembled.pages[0].uri)) if meta.colophon else ""
    changes = [Markup(document.convert(line, f"wijziging{i}", assembled.pages[0].uri).strip()
                      .removeprefix("<p>").removesuffix("</p>")) for i, line in enumerate(meta.changes)]
    if document.problems:
        raise ContentError(document.problems)
    css = (resources.files("kennisschakels") / "templates" / "report" / "report.css").read_text(encoding="utf-8")
    return _env.get_template("report.html").render(
        report=meta, chapters=chapters, toc=toc, colophon=colophon, changes=changes,
        css=Markup(css.replace("{{FONTS}}", FONTS)), created=meta.created, fonts=FONTS)


@dataclass
class PdfResult:
    path: Path | None
    data: bytes
    pages: int
    seconds: float
    cached: bool = False

    @property
    def size_label(self) -> str:
        """'1,2 MB' or '850 kB': the size as a Dutch reader writes it."""
        size = len(self.data)
        if size >= 1_000_000:
            return f"{size / 1_000_000:.1f} MB".replace(".", ",")
        return f"{max(1, round(size / 1000))} kB"


_LAYOUTS: dict[str, tuple[bytes, int]] = {}  # this process: `mkdocs serve` rebuilds on every save
_IMAGE_SRC = re.compile(r'<img\b[^>]*?\bsrc="([^"]+)"')


def _layout_key(source: str, root: Path) -> str:
    import weasyprint

    from kennisschakels.report.fetcher import RefusedResource, check_url

    digest = hashlib.sha256(f"weasyprint {weasyprint.__version__}\n{PDF_VARIANT}\n{FONTS}\n".encode())
    digest.update(source.encode("utf-8"))
    for src in sorted(set(_IMAGE_SRC.findall(source))):  # images: their bytes count, not only their names
        try:
            path = check_url((root / html.unescape(src)).as_uri(), root)  # only files the fetcher would read
        except RefusedResource:
            path = None
        digest.update(path.read_bytes() if path is not None else b"-")
    return digest.hexdigest()


def cache_dir(root: Path) -> Path:
    return Path(os.environ.get("KENNISSCHAKELS_CACHE") or root / CACHE_DIR)


def _finish_tables(document, pdf) -> None:
    """Give every table header cell (/TH) a /Scope, which WeasyPrint leaves out (PDF/UA-1 §7.5):
    a header in a row of data cells is a row header, any other a column header."""
    elements = {o.reference: o for o in pdf.objects if isinstance(o, dict) and o.get("Type") == "/StructElem"}
    kids = {}
    for element in elements.values():
        kids.setdefault(element.get("P"), []).append(element)
    for element in elements.values():
        if element.get("S") != "/TH":
            continue
        row = kids.get(element.get("P"), [])
        scope = "/Row" if any(cell.get("S") == "/TD" for cell in row) else "/Column"
        element.setdefault("A", {"O": "/Table"})["Scope"] = scope


def layout(source: str, root: Path) -> tuple[bytes, int, bool]:
    """(PDF, pages, whether it came from a cache) of a report's HTML."""
    key = _layout_key(source, root)
    if key in _LAYOUTS:
        return (*_LAYOUTS[key], True)
    cached = cache_dir(root) / f"{key}.pdf"
    if cached.is_file():
        data = cached.read_bytes()
        pages = int((cached.with_suffix(".pages")).read_text() or 0) if cached.with_suffix(".pages").is_file() else 0
        _LAYOUTS[key] = (data, pages)
        return data, pages, True
    from weasyprint import HTML  # imported here: loading WeasyPrint takes a while
    from weasyprint.urls import FatalURLFetchingError

    from kennisschakels.report.fetcher import RepositoryFetcher

    fetcher = RepositoryFetcher(root)  # files of the repository only (see fetcher.py)
    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "attachments": None, "pdf_forms": False}
    try:
        document = HTML(string=source, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(**options)
        data = document.write_pdf(finisher=_finish_tables, **options)
    except FatalURLFetchingError as error:
        reason = error.__cause__ or error
        raise ContentError([Problem("docs/rapportages", 1, "rapport", f"de PDF leest een bestand dat niet mag: {reason}",
                                    "verwijs alleen naar afbeeldingen in de repository")]) from None
    pages = len(document.pages)
    if len(_LAYOUTS) >= 8:  # a few reports' latest layouts are all a rebuild can reuse
        del _LAYOUTS[next(iter(_LAYOUTS))]
    _LAYOUTS[key] = (data, pages)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(".tmp")
        temporary.write_bytes(data)
        cached.with_suffix(".pages").write_text(str(pages))
        os.replace(temporary, cached)
    except OSError:
        pass  # a read-only checkout still builds, only without the cache
    return data, pages, False


def render_pdf(assembled: Assembled, ctx: Context, target: Path | None = None,
               html_target: Path | None = None) -> PdfResult:
    """Lay out the report (or take it from the cache) and return (and optionally write) the PDF."""
    started = time.perf_counter()
    source = report_html(assembled, ctx)
    if html_target is not None:
        html_target.parent.mkdir(parents=True, exist_ok=True)
        html_target.write_text(source, encoding="utf-8")
    data, pages, cached = layout(source, ctx.catalogue.root)
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return PdfResult(target, data, pages, time.perf_counter() - started, cached)


def page_count(data: bytes) -> int:
    """Pages of a PDF WeasyPrint wrote (its page tree counts them), without a PDF library."""
    match = re.search(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data) or re.search(rb"/Count\s+(\d+)", data)
    return int(match[1]) if match else 0
