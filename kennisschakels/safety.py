"""The source check for unsafe Markdown: an early explanation, in Dutch and with the line, of what
the sanitiser (``sanitize.py``) would remove from the built page. Both use the one allowlist of
``kennisschakels.allowlist``.

What it reads in a Markdown body (outside code):

- raw HTML tags and their attributes (character references decoded, as a browser does);
- attr_list blocks ``{: ... }``, ``{#id .class key=value}``;
- link and image destinations, inline ``[x](url)`` and reference definitions ``[x]: url``; an image
  that uses a reference must come from the repository too;
- URL schemes as a browser sees them: entities decoded, spaces, tabs and control characters removed.

Front-matter texts are shown by our templates through Markdown: they may carry no HTML and no
attr_list at all (``check_front_matter``).
"""

from __future__ import annotations

import bisect
import re
from html.parser import HTMLParser
from typing import Callable

from markdown.extensions.attr_list import get_attrs_and_remainder

from kennisschakels import allowlist
from kennisschakels.problems import Problem

KEY = "inhoud"
EXPECT_ELEMENT = "gebruik Markdown in plaats van HTML (welke HTML wel mag staat in SECURITY.md)"
EXPECT_ATTRIBUTE = "laat het attribuut weg (welke attributen wel mogen staat in SECURITY.md)"
EXPECT_LINK = "gebruik een https://-link, een mailto:-adres of een pagina van de site"
EXPECT_IMAGE = "zet de afbeelding naast de pagina in de repository en verwijs ernaar met een relatief pad"
EXPECT_TEXT = "schrijf gewone tekst, zonder HTML-tags en zonder '{: ... }'"

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
# A code span: a run of backticks up to the next run of the same length, inside one paragraph
# (Python-Markdown reads spans per block, so a stray backtick never hides the paragraphs after it).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_TAG = re.compile(r"""<(/?)([A-Za-z][^\s/>"'<]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>""")
_SPECIAL = re.compile(r"<(?:\?|![A-Za-z\[])")
_ATTR_LIST = re.compile(r"(?<!\{)\{:?[ ]*([^{}\n ][^}\n]*)\}(?!\})")  # not a macro call '{{ ... }}' (maintainers' pages)
_INLINE_DEST = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^\s)]*)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_REF_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?(?![(:])")
_TEXT_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # breaks feeds (XML) and calendars
_TEXT_ATTR_LIST = re.compile(r"\{:|\{\s*[#.][A-Za-z_]|\{[^}\n]*=[^}\n]*\}")


class _TagParser(HTMLParser):
    """Parses one tag string: its name and attributes with references decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))

    handle_startendtag = handle_starttag


def outside_code(body: str) -> str:
    """The body with fenced code and code spans replaced by spaces (newlines kept)."""
    if "`" not in body and "~~~" not in body:
        return body
    lines = body.split("\n")
    fence = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match[1]
                lines[index] = ""
        else:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
                fence = None
            lines[index] = ""
    text = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)


class _Lines:
    def __init__(self, text: str, first: int):
        self.first = first
        self.starts = [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> int:
        return self.first + bisect.bisect_right(self.starts, offset)


def _refused(reason: str) -> str:
    """A sanitiser reason ('... verwijderd') said as a refusal."""
    return re.sub(r" verwijderd(?= \(|$)", " is niet toegestaan", reason, count=1)


def _expected(reason: str) -> str:
    if reason.startswith("afbeelding"):
        return EXPECT_IMAGE
    if reason.startswith("link"):
        return EXPECT_LINK
    return EXPECT_ATTRIBUTE


def check_markdown(path: str, body: str, first_line: int = 1) -> list[Problem]:
    """Problems with the raw HTML, attr_list blocks and link destinations of a Markdown body."""
    if not any(c in body for c in "<{]"):
        return []
    text = outside_code(body)
    line = _Lines(text, first_line)
    problems: list[Problem] = []

    def add(offset: int, wrong: str, expected: str) -> None:
        problems.append(Problem(path, line(offset), KEY, wrong, expected))

    if "<" in text:
        _check_tags(text, add)
    if "{" in text:
        _check_attr_lists(text, add)
    if "]" in text:
        _check_destinations(text, add)
    return problems


def _check_tags(text: str, add: Callable[[int, str, str], None]) -> None:
    for match in _SPECIAL.finditer(text):
        if not text.startswith("<!--", match.start()):
            add(match.start(), f"HTML-declaratie '{text[match.start():match.start() + 12]}' is niet toegestaan",
                EXPECT_ELEMENT)
    for match in _TAG.finditer(text):
        closing, name = match[1], match[2].lower()
        if re.match(r"^[a-z][a-z0-9+.-]*:", name):  # <javascript:...>: an autolink Markdown does not make
            reason = allowlist.check_url("a", "href", match[0][1:-1])
            add(match.start(), _refused(reason) if reason else f"element <{name}> is niet toegestaan", EXPECT_LINK)
            continue
        if name in allowlist.DROP_WITH_CONTENT or not allowlist.element_allowed(name):
            if not closing:
                add(match.start(), f"HTML-element <{name}> is niet toegestaan", EXPECT_ELEMENT)
            continue
        if closing or not match[3].strip(" /"):
            continue
        parser = _TagParser()
        parser.feed(match[0])
        parser.close()
        for tag, attrs in parser.found[:1]:
            seen = set()
            for attr, value in attrs:
                if attr in seen:
                    continue
                seen.add(attr)
                if attr.lower() in allowlist.MARKDOWN_ONLY_ATTRIBUTES and \
                        (value or "").lower() in allowlist.MARKDOWN_ONLY_ATTRIBUTES[attr.lower()]:
                    continue
                if attr.lower() in allowlist.GENERATED_ONLY_ATTRIBUTES:
                    add(match.start(), f"HTML: attribuut {attr.lower()} zet de site zelf",
                        "haal het attribuut weg; de zoekfunctie krijgt haar gegevens uit de front-matter")
                    continue
                for reason in allowlist.check_attribute(tag, attr, value)[1]:
                    add(match.start(), "HTML: " + _refused(reason), _expected(reason))


def _check_attr_lists(text: str, add: Callable[[int, str, str], None]) -> None:
    for match in _ATTR_LIST.finditer(text):
        attrs, _ = get_attrs_and_remainder(match[1])
        for key, value in attrs:
            if value is None or key == ":":
                continue  # a bare word: attr_list sets nothing for it
            name = "class" if key == "." else key.lower()
            if name not in allowlist.ATTR_LIST_ATTRIBUTES:
                add(match.start(), f"attribuut {name} in '{{: ... }}' is niet toegestaan",
                    "laat het weg; in '{: ... }' mogen alleen #id, .klasse, title, lang, width en height")
                continue
            tag = "img" if name in ("width", "height") else "p"
            for reason in allowlist.check_attribute(tag, name, value)[1]:
                add(match.start(), f"in '{{: ... }}': {_refused(reason).replace(' op <p>', '')}", EXPECT_ATTRIBUTE)


def _dest(raw: str) -> str:
    raw = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
    return allowlist.decode(raw)


def _check_destinations(text: str, add: Callable[[int, str, str], None]) -> None:
    definitions: dict[str, str] = {}
    for match in _REF_DEF.finditer(text):
        label = " ".join(match[1].lower().split())
        url = _dest(match[2])
        definitions.setdefault(label, url)
        reason = allowlist.check_url("a", "href", url)
        if reason:
            add(match.start(), _refused(reason), EXPECT_LINK)
    for match in _INLINE_DEST.finditer(text):
        image, url = match[1], _dest(match[3])
        if image:
            continue  # inline images: validate._check_media (same rule, with the missing description)
        reason = allowlist.check_url("a", "href", url)
        if reason:
            add(match.start(), _refused(reason), EXPECT_LINK)
    if not definitions:
        return
    for match in _REF_IMAGE.finditer(text):
        label = " ".join((match[2] or match[1]).lower().split())
        url = definitions.get(label)
        if url is None:
            continue
        reason = allowlist.check_url("img", "src", url)
        if reason:
            add(match.start(), _refused(reason), EXPECT_IMAGE)


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))


def check_text(value: str) -> str | None:
    """Why a front-matter text may not be shown as it is (Dutch), or None."""
    if _TEXT_CONTROL.search(value):
        return "bevat een onzichtbaar stuurteken"
    html = _TEXT_HTML.search(value)
    if html:
        return f"bevat HTML ('{value[html.start():html.start() + 20]}')"
    attr_list = _TEXT_ATTR_LIST.search(value)
    if attr_list:
        return f"bevat opmaakcode voor attributen ('{value[attr_list.start():attr_list.start() + 20]}')"
    return None


def check_front_matter(path: str, meta: dict, line_of: Callable[..., int]) -> list[Problem]:
    """Every text in the front-matter: no HTML, no attr_list (``line_of(key, index)`` gives lines)."""
    problems = []
    for key, value in meta.items():
        for where, text in _strings(value):
            if "<" not in text and "{" not in text and text.isprintable():
                continue
            wrong = check_text(text)
            if wrong:
                index = where[0] if where and isinstance(where[0], int) else None
                problems.append(Problem(path, line_of(key, index), str(key), wrong, EXPECT_TEXT))
    return problems
