"""The anchors of a page, known before it is built: links to a section can be checked at once.

A page's anchors are the ids of its headings: those in its own text, those its derived
sections add, and explicit ``{#id}`` attributes. Ids are made the way the site's Markdown
(the toc extension) makes them, with ``_1``, ``_2`` for repeated headings.
"""

from __future__ import annotations

import re
from functools import cache

from markdown.extensions.toc import slugify

from kennisschakels.render import has_template, template_source

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
_ATTRS = re.compile(r"\s*\{([^}]*)\}\s*$")
_EXPLICIT_ID = re.compile(r"#([\w-]+)")
_INLINE = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")


def heading_text(raw: str) -> tuple[str, str]:
    """(visible text, explicit id) of a heading line's text."""
    explicit = ""
    attrs = _ATTRS.search(raw)
    if attrs:
        found = _EXPLICIT_ID.search(attrs[1])
        explicit = found[1] if found else ""
        raw = raw[: attrs.start()]
    return _INLINE.sub(lambda m: m[1] or "", raw).strip(), explicit


def _template_headings(name: str) -> list[str]:
    found = []
    for _, raw in HEADING.findall(template_source(name)):
        text, explicit = heading_text(raw)
        if "{{" not in raw and "{%" not in raw:
            found.append(explicit or text)
    return found


@cache
def derived_headings(type_name: str, overview: str = "") -> tuple[str, ...]:
    """The fixed headings that a type's derived sections (and an overview) add to its pages."""
    names = [f"derived/{type_name}-top.md", f"derived/{type_name}-bottom.md", "derived/_standard.md"]
    if overview:
        names.append(f"overviews/{overview}.md")
    return tuple(h for name in names if has_template(name) for h in _template_headings(name))


def anchors(body: str, extra_headings: tuple[str, ...] = ()) -> set[str]:
    """Every heading id of a page with this body and these derived headings."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    texts = []
    for _, raw in HEADING.findall(body):
        texts.append(heading_text(raw))
    texts += [(h, "") for h in extra_headings]
    for text, explicit in texts:
        if explicit:
            found.add(explicit)
            continue
        base = slugify(text, "-")
        n = counts.get(base, 0)
        found.add(base if n == 0 else f"{base}_{n}")
        counts[base] = n + 1
    found.update(re.findall(r"\{[^}]*#([\w-]+)[^}]*\}", body))  # ids on other blocks via attr_list
    return found
