"""What HTML a page may contain: one allowlist, shared by the source check (``safety.py``) and the
sanitiser of the built HTML (``sanitize.py``).

The list holds exactly what our Markdown extensions (mkdocs.yml: abbr, admonition, attr_list,
def_list, footnotes, md_in_html, tables, toc, pymdownx.details, pymdownx.superfences) and our own
templates (``kennisschakels/templates``: tables with caption and scope, filter lists with data-*
attributes for docs/assets/filters.js, the monitoring chart in inline SVG) produce. Nothing in it
loads anything from another host, runs script, or styles the page: no script, style, link, meta,
base, form, input, button, iframe, object, embed, video, audio, source, picture; no ``on*``, no
``style``, no ``srcset``, no ``target``.

``check_attribute`` is the one place that judges an attribute value (ids, classes, URLs, numbers);
every reason it gives is Dutch, for a contributor.
"""

from __future__ import annotations

import html
import re

# Elements, in lower case. The SVG elements are those of the monitoring chart (templates/derived/region-bottom.md).
HTML_ELEMENTS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var",
})
SVG_ELEMENTS = frozenset({"svg", "g", "title", "desc", "line", "polyline", "circle", "text"})
ELEMENTS = HTML_ELEMENTS | SVG_ELEMENTS

# Elements removed together with everything inside them (their text is not content either).
DROP_WITH_CONTENT = frozenset({
    "script", "style", "template", "noscript", "iframe", "noembed", "noframes", "textarea", "xmp",
    "object", "select", "math", "frameset", "plaintext",
})

# Attributes allowed on every element. data-* attributes are listed one by one: the theme's own
# scripts act on data-md-* attributes, so content may not carry arbitrary ones.
GLOBAL_ATTRIBUTES = frozenset({
    "id", "class", "title", "lang",
    "aria-hidden", "aria-label", "aria-labelledby", "aria-describedby",
    # docs/assets/filters.js (templates/overviews/_filter.md and the overview templates)
    "data-ks-filter", "data-ks-labels", "data-regio", "data-thema", "data-soort",
    # Material's search: headings of text that is found on its own page (report/web.py)
    "data-search-exclude",
    # Search (kennisschakels/search.py): filters, metadata, weights and derived lists left out
    *("data-pagefind-filter", "data-pagefind-meta", "data-pagefind-ignore", "data-pagefind-weight"),
    "hidden",
})
# Attributes only the site's own templates set: refused in contributed text (search.py owns them).
GENERATED_ONLY_ATTRIBUTES = frozenset({"data-pagefind-filter", "data-pagefind-meta", "data-pagefind-weight",
                                       "data-search-exclude"})
# Attributes that only Markdown reads (md_in_html: Markdown inside an HTML block); never in the output.
MARKDOWN_ONLY_ATTRIBUTES = {"markdown": frozenset({"1", "block", "span"})}

# Attributes per element (besides the global ones). Names in lower case.
ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "details": frozenset({"open"}),
    # A wide table scrolls in its own region, which a keyboard can reach (templates/overviews).
    "div": frozenset({"role", "tabindex"}),
    "svg": frozenset({"viewbox", "xmlns", "role", "width", "height"}),
    "line": frozenset({"x1", "x2", "y1", "y2"}),
    "polyline": frozenset({"points", "fill"}),
    "circle": frozenset({"cx", "cy", "r"}),
    "text": frozenset({"x", "y", "text-anchor", "dominant-baseline"}),
}

# How the HTML parser of the sanitiser (html5ever) spells SVG attributes that are not lower case.
SVG_ATTRIBUTE_CASE = {"viewbox": "viewBox"}

URL_ATTRIBUTES = frozenset({"href", "src"})
LINK_SCHEMES = ("http", "https", "mailto")  # links; images only relative (same site)

# Attributes attr_list ('{: ... }') may set in contributed Markdown: the global ones and the size of an image.
ATTR_LIST_ATTRIBUTES = (GLOBAL_ATTRIBUTES - GENERATED_ONLY_ATTRIBUTES) | {"width", "height"}

_ID = re.compile(r"^[\w:.-]{1,200}$")
_CLASS = re.compile(r"^-?[A-Za-z_][\w-]{0,100}$")
# Material's classes (md-*) steer the theme's layout and scripts; content may use these few.
THEME_CLASSES = frozenset({"md-button", "md-button--primary"})
_NUMBER = re.compile(r"^\d{1,6}$")
_SIZE = re.compile(r"^\d{1,5}(?:%|px)?$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_STRIPPED = "".join(chr(c) for c in range(0x21))  # C0 controls and space: browsers trim them from URLs
_INSIDE = re.compile(r"[\t\n\r]")                 # ... and drop these anywhere in a URL
_FIXED_VALUES = {
    "align": frozenset({"left", "center", "right"}),
    "scope": frozenset({"col", "row", "colgroup", "rowgroup"}),
    "open": frozenset({"", "open"}),
    "aria-hidden": frozenset({"true", "false"}),
    "role": frozenset({"img", "region"}),
    "tabindex": frozenset({"0"}),
    "xmlns": frozenset({"http://www.w3.org/2000/svg"}),
    "text-anchor": frozenset({"start", "middle", "end"}),
    "dominant-baseline": frozenset({"auto", "middle", "central", "hanging", "alphabetic"}),
    "fill": frozenset({"none"}),
}
_SVG_NUMBERS = frozenset({"x1", "x2", "y1", "y2", "cx", "cy", "r", "x", "y"})
_SVG_NUMBER = re.compile(r"^-?\d{1,6}(?:\.\d{1,6})?$")
_POINTS = re.compile(r"^[\d.,\s-]{0,20000}$")
_VIEWBOX = re.compile(r"^-?[\d.]+(?:[ ,]+-?[\d.]+){3}$")


def element_allowed(tag: str) -> bool:
    return tag.lower() in ELEMENTS


def attribute_allowed(tag: str, name: str) -> bool:
    name = name.lower()
    return name in GLOBAL_ATTRIBUTES or name in ELEMENT_ATTRIBUTES.get(tag.lower(), ())


def url_scheme(value: str) -> str:
    """The scheme a browser would see in a URL attribute value (entities already decoded), lower
    case; '' for a relative URL, '//' for a protocol-relative one."""
    url = _INSIDE.sub("", value.strip(_STRIPPED)).replace("\\", "/")
    match = _SCHEME.match(url)
    if match:
        return match[1].lower()
    return "//" if url.startswith("//") else ""


def check_url(tag: str, name: str, value: str) -> str | None:
    """Why a URL may not stay (Dutch), or None."""
    scheme = url_scheme(value)
    shown = value.strip()[:60]
    if tag == "img" or name == "src":
        if scheme == "//" or scheme in ("http", "https"):
            return f"afbeelding van een andere host ({shown}) verwijderd"
        if scheme:
            return f"afbeelding met '{scheme}:' ({shown}) verwijderd"
        return None
    if scheme == "//":
        return f"link zonder schema naar een andere host ({shown}) verwijderd"
    if scheme and scheme not in LINK_SCHEMES:
        return f"link naar {scheme}: verwijderd"
    return None


def check_attribute(tag: str, name: str, value: str | None) -> tuple[str | None, list[str]]:
    """(the value to keep or None to drop it, Dutch reasons for any change) for one allowed
    attribute. ``value`` has its character references decoded."""
    tag, name, value = tag.lower(), name.lower(), "" if value is None else value
    if not attribute_allowed(tag, name):
        return None, [f"attribuut {name} op <{tag}> verwijderd"]
    if name in URL_ATTRIBUTES:
        reason = check_url(tag, name, value)
        return (None, [reason]) if reason else (value, [])
    if name == "id":
        if not _ID.match(value) or value.startswith("__"):
            return None, [f"id '{value[:40]}' op <{tag}> verwijderd (alleen letters, cijfers, '-', '_', ':' en '.'; "
                          "niet beginnend met '__')"]
        return value, []
    if name == "class":
        kept, reasons = [], []
        for token in value.split():
            if _CLASS.match(token) and (not token.startswith("md-") or token in THEME_CLASSES):
                kept.append(token)
            else:
                reasons.append(f"klasse '{token[:40]}' op <{tag}> verwijderd")
        if not reasons:
            return value, []
        return (" ".join(kept) or None), reasons
    if name in _FIXED_VALUES:
        allowed = _FIXED_VALUES[name]
        if value.lower() not in allowed and value not in allowed:
            return None, [f"attribuut {name}=\"{value[:40]}\" op <{tag}> verwijderd"]
        return value, []
    if name in ("start", "colspan", "rowspan"):
        ok = bool(_NUMBER.match(value))
    elif name in ("width", "height"):
        ok = bool(_SIZE.match(value))
    elif name in _SVG_NUMBERS:
        ok = bool(_SVG_NUMBER.match(value))
    elif name == "points":
        ok = bool(_POINTS.match(value))
    elif name == "viewbox":
        ok = bool(_VIEWBOX.match(value))
    else:
        ok = True  # title, lang, aria-*, data-*: text only
    if not ok:
        return None, [f"attribuut {name}=\"{value[:40]}\" op <{tag}> verwijderd"]
    return value, []


def decode(value: str) -> str:
    """Character references decoded as a browser decodes them in an attribute."""
    return html.unescape(value) if "&" in value else value
