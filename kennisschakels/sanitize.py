"""The sanitiser: every page's HTML, after Markdown and before the theme, cleaned by nh3 (ammonia)
against the allowlist of ``kennisschakels.allowlist``; and the escaping of front-matter text that
the theme prints as HTML.

The sanitiser is the guarantee, but it never changes a page silently: ``sanitize`` returns the
clean HTML together with a Dutch description of everything it would change, and the build refuses
a page for which that list is not empty. The list comes from a pass of Python's ``html.parser``
with the same allowlist (a model of what nh3 keeps); the model's result is compared with nh3's
output, token by token, so a change the model did not foresee is reported too.

    >>> sanitize('<p onclick="x()">Hoi</p>').changes
    ['attribuut onclick op <p> verwijderd']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3
from markupsafe import Markup

from kennisschakels import allowlist

_NH3_ATTRIBUTES = {
    "*": set(allowlist.GLOBAL_ATTRIBUTES),
    **{tag: set(names) | {allowlist.SVG_ATTRIBUTE_CASE.get(n, n) for n in names}
       for tag, names in allowlist.ELEMENT_ATTRIBUTES.items()},
}


def _nh3_filter(tag: str, name: str, value: str) -> str | None:
    kept, _ = allowlist.check_attribute(tag, name, value)
    return kept


_CLEANER = nh3.Cleaner(
    tags=set(allowlist.ELEMENTS),
    clean_content_tags=set(allowlist.DROP_WITH_CONTENT),
    attributes=_NH3_ATTRIBUTES,
    attribute_filter=_nh3_filter,
    strip_comments=True,
    link_rel=None,                       # no rel added: the output stays what was written
    url_schemes=set(allowlist.LINK_SCHEMES),
)

# The same parser and serialiser, keeping everything: where its output equals the sanitiser's,
# nothing was removed (the fast path, taken by almost every page). Tag names outside this list
# would be dropped by both, so a page that has one takes the slow path (see _TAG_NAME).
_KNOWN_ELEMENTS = frozenset(allowlist.ELEMENTS | allowlist.DROP_WITH_CONTENT | {
    "address", "applet", "area", "article", "aside", "audio", "base", "basefont", "bdi", "bdo", "bgsound",
    "big", "blink", "body", "button", "canvas", "center", "col", "colgroup", "data", "datalist", "dfn",
    "dialog", "dir", "embed", "fieldset", "font", "footer", "form", "frame", "head", "header", "hgroup",
    "html", "image", "input", "isindex", "keygen", "label", "legend", "link", "listing", "main", "map",
    "marquee", "menu", "menuitem", "meta", "meter", "multicol", "nav", "nextid", "nobr", "optgroup",
    "option", "output", "param", "picture", "portal", "progress", "rb", "rp", "rt", "rtc", "ruby", "search",
    "section", "slot", "source", "spacer", "strike", "time", "track", "tt", "video", "wbr",
    # SVG and MathML
    "a", "animate", "animatemotion", "animatetransform", "clippath", "defs", "ellipse", "feimage",
    "filter", "foreignobject", "image", "lineargradient", "marker", "mask", "metadata", "mpath", "path",
    "pattern", "polygon", "radialgradient", "rect", "set", "stop", "switch", "symbol", "textpath",
    "tspan", "use", "view", "maction", "mglyph", "mi", "mn", "mo", "ms", "mtext", "annotation-xml",
})
_KEEP_ALL = nh3.Cleaner(
    tags=set(_KNOWN_ELEMENTS),
    clean_content_tags=set(),
    attributes={},
    generic_attribute_prefixes={""},
    strip_comments=True,
    link_rel=None,
    url_schemes={"http", "https", "mailto", "javascript", "vbscript", "data", "file", "blob", "ftp",
                 "filesystem", "about", "ws", "wss", "tel", "sms", "intent", "ms-its", "mhtml", "jar",
                 "view-source", "res", "chrome", "resource", "livescript", "mocha", "feed"},
)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")

_SPACE = re.compile(r"\s+")
_VOID = frozenset({"br", "hr", "img", "line", "polyline", "circle"})
# Elements the HTML parser adds itself: present in the output without being written.
_IMPLIED = frozenset({"tbody"})


@dataclass
class Sanitized:
    html: str
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class _Tokens(HTMLParser):
    """Start tags (with attributes) and text of an HTML fragment, normalised so that two
    serialisations of the same tree compare equal. With ``model=True`` it applies the allowlist as
    nh3 does and records what it drops."""

    def __init__(self, model: bool):
        super().__init__(convert_charrefs=True)
        self.model = model
        self.tokens: list[tuple] = []
        self.changes: list[str] = []
        self._text: list[str] = []
        self._dropping: str | None = None  # inside an element removed with its content
        self._depth = 0

    def _flush(self) -> None:
        if self._text:
            text = _SPACE.sub(" ", "".join(self._text)).strip()
            if text:
                self.tokens.append(("text", text))
            self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._dropping:
            if tag == self._dropping:
                self._depth += 1
            return
        if self.model and tag in allowlist.DROP_WITH_CONTENT:
            self.changes.append(f"element <{tag}> met inhoud verwijderd")
            if tag not in _VOID:
                self._dropping, self._depth = tag, 1
            return
        if self.model and not allowlist.element_allowed(tag):
            self.changes.append(f"element <{tag}> verwijderd")
            return
        kept: dict[str, str] = {}
        for name, value in attrs:
            if name in kept:
                continue  # the first of two equal attributes counts, as in a browser
            value = "" if value is None else value
            if self.model:
                value, reasons = allowlist.check_attribute(tag, name, value)
                self.changes.extend(reasons)
                if value is None:
                    continue
            kept[name] = value
        if tag in _IMPLIED:
            return
        self._flush()
        self.tokens.append(("tag", tag, tuple(sorted(kept.items()))))

    def handle_startendtag(self, tag: str, attrs) -> None:
        # '<x/>' is a start tag in HTML (only void elements have no content): no end tag follows.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self._dropping:
            if tag == self._dropping:
                self._depth -= 1
                if self._depth <= 0:
                    self._dropping = None
            return

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self._text.append(data)

    def handle_pi(self, data: str) -> None:
        if self.model:
            self.changes.append(f"verwerkingsinstructie <?{data[:30]}> verwijderd")

    def handle_decl(self, decl: str) -> None:
        if self.model:
            self.changes.append(f"declaratie <!{decl[:30]}> verwijderd")

    def unknown_decl(self, data: str) -> None:
        if self.model:
            self.changes.append(f"declaratie <![{data[:30]}> verwijderd")

    def result(self) -> list[tuple]:
        self.close()
        self._flush()
        return self.tokens


def sanitize(fragment: str) -> Sanitized:
    """The fragment cleaned by nh3, and what that changed (Dutch, in document order)."""
    clean = _CLEANER.clean(fragment)
    if clean == _KEEP_ALL.clean(fragment) and {n.lower() for n in _TAG_NAME.findall(fragment)} <= allowlist.ELEMENTS:
        return Sanitized(clean)
    model = _Tokens(model=True)
    model.feed(fragment)
    expected = model.result()
    changes = list(model.changes)
    if not changes:
        actual = _Tokens(model=False)
        actual.feed(clean)
        got = actual.result()
        if got != expected:
            changes.append("de HTML wordt door de filter anders opgebouwd dan geschreven " + _first_difference(expected, got))
    return Sanitized(clean, changes)


def _first_difference(expected: list[tuple], got: list[tuple]) -> str:
    for index, (a, b) in enumerate(zip(expected, got)):
        if a != b:
            return f"(bij {_show(a)})"
    longer = expected if len(expected) > len(got) else got
    return f"(bij {_show(longer[min(len(expected), len(got))])})" if longer else ""


def _show(token: tuple) -> str:
    if token[0] == "text":
        return f"de tekst '{token[1][:40]}'"
    return f"<{token[1]}>"


def summary(changes: list[str], limit: int = 8) -> str:
    """The changes in one line: each different change once, with a count when it repeats."""
    counts: dict[str, int] = {}
    for change in changes:
        counts[change] = counts.get(change, 0) + 1
    parts = [f"{c} ({n}×)" if n > 1 else c for c, n in counts.items()]
    more = len(parts) - limit
    return "; ".join(parts[:limit]) + (f"; en {more} andere" if more > 0 else "")


# --- Front-matter text printed by the theme -------------------------------------------------------

def escape_text(value: object) -> Markup:
    """Plain text as HTML, escaped once: a Markup string is not escaped again by Jinja's ``|e``,
    so templates that escape and templates that print raw both show the literal text."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


def escape_page_title(meta: dict) -> None:
    """Escape the front-matter ``title`` (and other texts the theme prints) in a page's meta, in
    place. Material prints ``page.meta.title`` and ``page.title`` (which MkDocs takes from the meta)
    raw in the header, the navigation, the footer and the page title."""
    for key in ("title", "description", "author", "subtitle"):
        if isinstance(meta.get(key), str):
            meta[key] = escape_text(meta[key])


def escape_nav_title(title: object) -> object:
    """A navigation section or link title (from contributed index pages), escaped once."""
    return escape_text(title) if isinstance(title, str) else title


def toc_title(title: str) -> Markup:
    """A table-of-contents title (HTML made by the toc extension from a heading) as escaped plain
    text: tags removed, entities kept as text."""
    text = re.sub(r"<[^>]*>", "", title)
    return escape_text(html.unescape(text))


def toc_url(url: str) -> str:
    """A table-of-contents link ('#id'), safe inside a double-quoted attribute."""
    return html.escape(url, quote=True)
