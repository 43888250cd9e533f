"""Links, ids and tables of report text, resolved on Python-Markdown's parsed tree.

A report shows text that was written for other pages: a relative link in an included page
is relative to that page, not to the chapter that shows it. Nothing rewrites Markdown text:
each part keeps its origin, and these tree processors resolve every ``href`` and ``src`` after
Python-Markdown has parsed it, with the site's own Markdown configuration.

- On the site (``makeExtension``, loaded by the MkDocs adapter and by the export): a part from
  another page arrives wrapped as ``<div class="ks-deel" data-ks-herkomst="<origin>" markdown>``.
  Its relative links become links from the docs root (``/programma/index.md#kop``), which
  MkDocs resolves, checks and turns into relative URLs (``validation.links.absolute_links:
  relative_to_docs``). A frozen edition may link to a page that has gone since; the part then
  carries ``data-ks-links`` (JSON, original target -> new target, '' for gone): the link points
  to the page without the heading that went, or becomes plain text with a note.
- In the PDF (``PdfResolver``): links to pages that are part of the report become links inside
  the PDF, other relative links become their words, images become files of the repository, ids
  get a prefix per part, text marked ``{ .alleen-web }`` is dropped and tables get header cells
  with a scope (PDF/UA: every data cell has a header).
- ``collect_links``: every page or file a part links to (for a frozen edition's manifest).
"""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

WEB_ONLY = "alleen-web"           # class of text that only the web version shows
PART_CLASS = "ks-deel"
ORIGIN_ATTR = "data-ks-herkomst"
LINKS_ATTR = "data-ks-links"
GONE_NOTE = " (pagina niet meer in de kennisbank)"
PRIORITY = 5                      # after inline links exist (20), before MkDocs' own link resolution (0)


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def resolve(url: str, origin: str) -> tuple[str, str] | None:
    """(source uri, fragment) of a relative link written on the page ``origin``; None for other links."""
    if not url or is_external(url) or url.startswith(("/", "\\")):
        return None
    path, _, fragment = url.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        return origin, fragment
    return posixpath.normpath(posixpath.join(posixpath.dirname(origin), path)), fragment


def _drop(parent: etree.Element, child: etree.Element, keep_text: bool) -> None:
    """Remove ``child`` from ``parent``; with ``keep_text`` its words stay in place."""
    index = list(parent).index(child)
    words = ("".join(child.itertext()) if keep_text else "") + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + words
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + words
    parent.remove(child)


def _parents(root: etree.Element) -> dict[etree.Element, etree.Element]:
    return {child: parent for parent in root.iter() for child in parent}


# ----------------------------------------------------------------------------- web

class _WebParts(Treeprocessor):
    """Links of parts from other pages, made absolute from the docs root for MkDocs to resolve."""

    def run(self, root: etree.Element) -> None:
        for part in [e for e in root.iter("div") if e.get(ORIGIN_ATTR) is not None]:
            origin = part.attrib.pop(ORIGIN_ATTR)
            changed = json.loads(part.attrib.pop(LINKS_ATTR, "") or "{}")
            parents = _parents(part)
            for element in list(part.iter()):
                for attr in ("href", "src"):
                    url = element.get(attr) or ""
                    found = None if url.startswith("#") else resolve(url, origin)
                    if found is None:
                        continue
                    uri, fragment = found
                    target = f"{uri}#{fragment}" if fragment else uri
                    if target in changed or uri in changed:
                        target = changed.get(target, changed.get(uri))
                        if not target:  # the page has gone: its words stay, with a note
                            element.tail = GONE_NOTE + (element.tail or "")
                            _drop(parents[element], element, keep_text=True)
                            break
                    element.set(attr, "/" + target)


class ReportLinks(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_WebParts(md), "ks_report_links", PRIORITY)


def makeExtension(**kwargs) -> ReportLinks:  # Python-Markdown loads 'kennisschakels.report.links' by name
    return ReportLinks(**kwargs)


def web_part(markdown_text: str, origin: str, changed: dict[str, str] | None = None) -> str:
    """Markdown of a part written for ``origin``, wrapped so its links resolve on any page."""
    attrs = f'class="{PART_CLASS}" {ORIGIN_ATTR}="{_attr(origin)}"'
    if changed:
        attrs += f' {LINKS_ATTR}="{_attr(json.dumps(changed, ensure_ascii=False, sort_keys=True))}"'
    return f"<div {attrs} markdown>\n\n{markdown_text.strip(chr(10))}\n\n</div>"


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


# ----------------------------------------------------------------------------- PDF

@dataclass
class PdfResolver:
    """How the PDF resolves the links of one part: set ``origin`` and ``prefix`` before converting."""

    target: Callable[[str, str], str | None]   # (uri, fragment) -> '#anchor' in the PDF, or None
    image: Callable[[str], str]                 # uri -> the image's file, relative to the repository
    origin: str = ""
    prefix: str = ""
    ids: set[str] = field(default_factory=set)  # every id given out, for links to headings


class _PdfTree(Treeprocessor):
    def __init__(self, md: markdown.Markdown, resolver: PdfResolver):
        super().__init__(md)
        self.resolver = resolver

    def run(self, root: etree.Element) -> None:
        r = self.resolver
        parents = _parents(root)
        for element in [e for e in root.iter() if WEB_ONLY in (e.get("class") or "").split()]:
            if element in parents:
                _drop(parents[element], element, keep_text=False)
        parents = _parents(root)
        for element in list(root.iter()):
            if element.get("id"):
                element.set("id", f"{r.prefix}-{element.get('id')}")
                r.ids.add(element.get("id"))
        for element in list(root.iter()):
            if element.tag == "a" and element.get("href") is not None:
                self._link(element, parents)
            elif element.tag == "img":
                self._image(element, parents)
            elif element.tag == "table":
                _table_headers(element)

    def _link(self, element: etree.Element, parents: dict) -> None:
        r, href = self.resolver, element.get("href")
        if href.startswith("#"):
            element.set("href", f"#{r.prefix}-{href[1:]}")
            return
        if is_external(href):
            if not href.startswith(("http://", "https://", "mailto:")):
                _drop(parents[element], element, keep_text=True)
            return
        found = resolve(href, r.origin)
        target = r.target(*found) if found else None
        if target is None:  # a page outside the report: the PDF keeps the words, not the link
            _drop(parents[element], element, keep_text=True)
        else:
            element.set("href", target)

    def _image(self, element: etree.Element, parents: dict) -> None:
        src = element.get("src") or ""
        if src.startswith("data:"):
            return
        found = resolve(src, self.resolver.origin)
        if found is None:  # from another host: never fetched
            span = etree.Element("span", {"class": "missing-figure"})
            span.text = element.get("alt", "")
            span.tail = element.tail
            parent = parents[element]
            parent.insert(list(parent).index(element), span)
            parent.remove(element)
            return
        element.set("src", self.resolver.image(found[0]))


def _table_headers(table: etree.Element) -> None:
    """Header cells for every table: column headers get scope=col; a table whose header row is
    empty (a '| | |' list of labels and values) gets its first column as row headers instead."""
    thead = table.find("thead")
    if thead is not None and not any("".join(th.itertext()).strip() for th in thead.iter("th")):
        table.remove(thead)
        thead = None
    if thead is not None:
        for th in thead.iter("th"):
            th.set("scope", "col")
        return
    for row in table.iter("tr"):
        cells = list(row)
        if cells and cells[0].tag == "td":
            cells[0].tag = "th"
            cells[0].set("scope", "row")


class PdfLinks(Extension):
    def __init__(self, resolver: PdfResolver, **kwargs):
        self.resolver = resolver
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_PdfTree(md, self.resolver), "ks_pdf_links", PRIORITY)


# ----------------------------------------------------------------------------- collecting

class _Collect(Treeprocessor):
    def __init__(self, md: markdown.Markdown, found: list[str], origin: list[str]):
        super().__init__(md)
        self.found, self.origin = found, origin

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attr in ("href", "src"):
                resolved = resolve(element.get(attr) or "", self.origin[0])
                if resolved is not None and not (element.get(attr) or "").startswith("#"):
                    uri, fragment = resolved
                    self.found.append(f"{uri}#{fragment}" if fragment else uri)


class LinkCollector:
    """Every relative link target of a text, as source uris (with '#fragment' where given)."""

    def __init__(self, extensions: list, configs: dict):
        self.found: list[str] = []
        self._origin = [""]
        collect = _CollectExtension(self.found, self._origin)
        self.md = markdown.Markdown(extensions=[*extensions, collect], extension_configs=configs)

    def __call__(self, text: str, origin: str) -> tuple[str, ...]:
        self.found.clear()
        self._origin[0] = origin
        self.md.reset()
        self.md.convert(text)
        return tuple(dict.fromkeys(self.found))


class _CollectExtension(Extension):
    def __init__(self, found: list[str], origin: list[str], **kwargs):
        self.found, self.origin = found, origin
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Collect(md, self.found, self.origin), "ks_collect_links", PRIORITY)
