"""The PDF of a report: assembled chapters as one HTML document, laid out by WeasyPrint.

Markdown is converted with Python-Markdown and the extensions listed in mkdocs.yml, so the
PDF reads the same Markdown the same way as the site. Links to pages that are part of the
report become internal links; links to other pages of the site become plain text (a PDF
has no site around it). Nothing is fetched from other hosts: only local files are allowed.
"""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import jinja2
import markdown
import yaml
from markupsafe import Markup

from kennisschakels.catalogue import Catalogue
from kennisschakels.problems import ContentError, Problem
from kennisschakels.sanitize import sanitize, summary
from kennisschakels.report.assemble import Chapter, Part, assemble
from kennisschakels.report.definition import Report

PDF_VARIANT = "pdf/ua-1"  # tagged PDF for screen readers, with title and language (PDF/UA-1)
FONTS = "Liberation Sans, DejaVu Sans"  # local fonts via fontconfig (fonts-liberation, fonts-dejavu-core)

_ID = re.compile(r'\bid="([^"]+)"')
_LOCAL_HREF = re.compile(r'href="#([^"]+)"')
_ANCHOR = re.compile(r'<a\b([^>]*?)\bhref="([^"#][^"]*|#[^"]*)"([^>]*)>(.*?)</a>', re.DOTALL)
_IMG = re.compile(r'<img\b([^>]*?)\bsrc="([^"]*)"([^>]*)>')
_ALT = re.compile(r'\balt="([^"]*)"')
_H2 = re.compile(r'<h2\b([^>]*)>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_EMPTY_THEAD = re.compile(r"<thead>\s*<tr>(?:\s*<th[^>]*>\s*</th>)+\s*</tr>\s*</thead>")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("kennisschakels", "templates/report"),
    autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without knowing MkDocs' own tags (e.g. !!python/name, !ENV)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def markdown_extensions(root: Path) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions of the site (mkdocs.yml), without the heading permalinks of the web."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        names.append(name)
        configs[name] = dict(options or {})
    if "toc" in configs:
        configs["toc"].pop("permalink", None)
        configs["toc"].pop("permalink_title", None)
    return names, {k: v for k, v in configs.items() if v}


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
    """One report as HTML: chapters converted piece by piece, then links and numbers resolved."""

    def __init__(self, report: Report, catalogue: Catalogue):
        self.report, self.catalogue = report, catalogue
        names, configs = markdown_extensions(catalogue.root)
        self.md = markdown.Markdown(extensions=names, extension_configs=configs)
        self.chapters = assemble(report, catalogue)
        self.targets: dict[str, tuple[str, str]] = {}  # page uri -> (anchor, id prefix of its text)
        self.ids: set[str] = set()
        self.problems: list[Problem] = []

    def _path(self, origin: str) -> str:
        entry = self.catalogue.by_uri(origin) if origin else None
        return entry.path if entry else self.report.path

    def convert(self, text: str, prefix: str, origin: str = "") -> str:
        self.md.reset()
        out = self.md.convert(text)
        clean = sanitize(out)  # the same guarantee as the web pages: what nh3 keeps, and nothing silently
        if clean.changed:
            self.problems.append(Problem(self._path(origin), 1, "rapport",
                                         "onveilige of niet toegestane HTML in de PDF: " + summary(clean.changes),
                                         "haal die HTML weg of schrijf het als gewone Markdown"))
        out = clean.html
        out = _EMPTY_THEAD.sub("", out)  # '| | |' tables (label/value pairs): no empty header row on every page
        # Every piece is converted alone: give its ids (headings, footnotes) a unique prefix.
        out = _ID.sub(lambda m: f'id="{prefix}-{m[1]}"', out)
        out = _LOCAL_HREF.sub(lambda m: f'href="#{prefix}-{m[1]}"', out)
        self.ids.update(m[1] for m in _ID.finditer(out))
        return out

    def build(self) -> tuple[list[dict], list[TocEntry]]:
        chapters, pieces_per_chapter = [], []
        for c_index, chapter in enumerate(self.chapters, start=1):
            anchor = f"k{c_index}"
            pieces = []
            for p_index, part in enumerate(chapter.parts):
                prefix = f"{anchor}-{p_index}"
                piece = _Piece(prefix, part, self.convert(part.markdown, prefix, part.origin))
                pieces.append(piece)
                if part.source is not None and part.source.uri not in self.targets:
                    # The chapter's own page lands on the chapter heading, other pages on their part.
                    target = anchor if p_index == 0 or part.source is chapter.page else prefix
                    self.targets[part.source.uri] = (target, prefix)
            self.targets.setdefault(chapter.page.uri, (anchor, f"{anchor}-0"))
            pieces_per_chapter.append((anchor, chapter, pieces))
        toc = []
        for anchor, chapter, pieces in pieces_per_chapter:
            body = "".join(self._piece_html(piece) for piece in pieces)
            body, sections = _number_sections(body, chapter)
            toc.append(TocEntry(1, anchor, chapter.number, Markup.escape(chapter.title)))
            if chapter.kind == "chapter" and chapter.number:
                toc.extend(sections)
            chapters.append({"anchor": anchor, "chapter": chapter, "html": Markup(body)})
        return chapters, toc

    def _piece_html(self, piece: _Piece) -> str:
        part = piece.part
        out = self._links(piece)
        classes = "part" + (" generated" if part.generated else "") + (" draft" if part.draft else "")
        if part.title:  # links to this part land on its heading
            level = min(part.level, 6)
            heading = f'<h{level} id="{piece.prefix}">{html.escape(part.title)}</h{level}>\n'
            return f'<section class="{classes}">\n{heading}{out}</section>\n'
        return f'<section class="{classes}" id="{piece.prefix}">\n{out}</section>\n'

    def _links(self, piece: _Piece) -> str:
        origin = piece.part.origin

        def anchor(match: re.Match) -> str:
            before, href, after, text = match.groups()
            if href.startswith("#"):
                return match[0]
            if _EXTERNAL.match(href):
                return match[0] if href.startswith(("http://", "https://", "mailto:")) else text
            path, _, fragment = html.unescape(href).partition("#")
            uri = posixpath.normpath(posixpath.join(posixpath.dirname(origin), path))
            if uri not in self.targets:
                return text  # a page outside the report: the PDF keeps the words, not the link
            target, prefix = self.targets[uri]
            if fragment and f"{prefix}-{fragment}" in self.ids:
                target = f"{prefix}-{fragment}"
            return f'<a{before}href="#{target}"{after}>{text}</a>'

        def image(match: re.Match) -> str:
            before, src, after = match.groups()
            alt = _ALT.search(match[0])
            if _EXTERNAL.match(src) and not src.startswith("data:"):
                return f'<span class="missing-figure">{alt[1] if alt else ""}</span>'
            if src.startswith("data:"):
                return match[0]
            uri = posixpath.normpath(posixpath.join(posixpath.dirname(origin), html.unescape(src)))
            path = self.catalogue.root / (uri if uri.startswith(("essays/", "regions/")) else f"docs/{uri}")
            return f'<img{before}src="{html.escape(path.resolve().as_uri())}"{after}>'

        return _IMG.sub(image, _ANCHOR.sub(anchor, piece.html))


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


def report_html(report: Report, catalogue: Catalogue) -> str:
    """The whole report as one HTML document, ready for WeasyPrint."""
    document = _Document(report, catalogue)
    chapters, toc = document.build()
    colophon = Markup(document.convert(report.colophon, "colofon")) if report.colophon else ""
    if document.problems:
        raise ContentError(document.problems)
    css = (resources.files("kennisschakels") / "templates" / "report" / "report.css").read_text(encoding="utf-8")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    created = (datetime.fromtimestamp(int(epoch), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
               if epoch else "")  # no date at all rather than one that changes every build
    return _env.get_template("report.html").render(
        report=report, chapters=chapters, toc=toc, colophon=colophon, css=Markup(css.replace("{{FONTS}}", FONTS)),
        created=created, fonts=FONTS)


@dataclass
class PdfResult:
    path: Path | None
    data: bytes
    pages: int
    seconds: float

    @property
    def size_label(self) -> str:
        """'1,2 MB' or '850 kB': the size as a Dutch reader writes it."""
        size = len(self.data)
        if size >= 1_000_000:
            return f"{size / 1_000_000:.1f} MB".replace(".", ",")
        return f"{max(1, round(size / 1000))} kB"


# Layouts by content: `mkdocs serve` rebuilds on every save, mostly without touching the report.
_LAYOUTS: dict[str, tuple[bytes, int]] = {}
_FILE_URI = re.compile(r'"(file://[^"]+)"')


def _layout_key(source: str, root: Path) -> str:
    from kennisschakels.report.fetcher import RefusedResource, check_url

    digest = hashlib.sha256(source.encode("utf-8"))
    for uri in sorted(set(_FILE_URI.findall(source))):  # images: their bytes count, not only their names
        try:
            path = check_url(html.unescape(uri), root)  # only files the fetcher would read
        except RefusedResource:
            path = None
        digest.update(path.read_bytes() if path is not None else b"-")
    return digest.hexdigest()


def render_pdf(report: Report, catalogue: Catalogue, target: Path | None = None,
               html_target: Path | None = None) -> PdfResult:
    """Lay out the report and return (and optionally write) the PDF."""
    started = time.perf_counter()
    source = report_html(report, catalogue)
    if html_target is not None:
        html_target.parent.mkdir(parents=True, exist_ok=True)
        html_target.write_text(source, encoding="utf-8")
    key = _layout_key(source, catalogue.root)
    if key not in _LAYOUTS:
        from weasyprint import HTML  # imported here: loading WeasyPrint takes a while
        from weasyprint.urls import FatalURLFetchingError

        from kennisschakels.report.fetcher import RepositoryFetcher

        fetcher = RepositoryFetcher(catalogue.root)  # files of the repository only (see fetcher.py)
        options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True, "attachments": None, "pdf_forms": False}
        try:
            document = HTML(string=source, base_url=catalogue.root.as_uri() + "/", url_fetcher=fetcher).render(**options)
            pdf = document.write_pdf(**options)
        except FatalURLFetchingError as error:
            reason = error.__cause__ or error
            raise ContentError([Problem(report.path, 1, "rapport", f"de PDF leest een bestand dat niet mag: {reason}",
                                        "verwijs alleen naar afbeeldingen in de repository")]) from None
        if len(_LAYOUTS) >= 8:  # a few reports' latest layouts are all a rebuild can reuse
            del _LAYOUTS[next(iter(_LAYOUTS))]
        _LAYOUTS[key] = (pdf, len(document.pages))
    data, pages = _LAYOUTS[key]
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return PdfResult(target, data, pages, time.perf_counter() - started)
