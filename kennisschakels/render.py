"""Rendering derived Markdown from Jinja templates (``kennisschakels/templates``).

Templates lay out what a view computed in Python; they do not query, filter or count.
Markdown (not HTML) is produced so that the site engine checks every link. Every string from
front-matter passes ``md`` (inline Markdown made inert) or ``attr`` (an HTML attribute).
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import cache

import jinja2

from kennisschakels.model.entry import Entry

_MD_SPECIAL = re.compile(r"([\\`*_\[\]>|{}#!])")


_BLOCK_START = re.compile(r"^(?:([-+])|(\d+)([.)]))")


def md(text: object) -> str:
    """User text made inert in inline Markdown: no markup, no HTML, no attribute lists, one line,
    safe in a table cell, and no list where a template puts it at the start of a list item
    ('- streepje', '1984. Het jaar')."""
    text = " ".join(str(text).split()).replace("&", "&amp;").replace("<", "&lt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: "\\" + m[1] if m[1] else m[2] + "\\" + m[3], text)


def attr(text: object) -> str:
    """Text made safe inside a double-quoted HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


def dutch_list(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _plain(path: str) -> bool:
    """A relative path without empty, '.' or '..' segments: relative() can work on the text alone."""
    return not any(part in ("", ".", "..") for part in path.split("/"))


def relative(target_uri: str, origin_uri: str) -> str:
    """Relative link from one source uri to another, in source form (the engine checks it).

    The same as ``posixpath.relpath``, which would ask the operating system for the working
    directory on every call (a third of the time of our derived sections)."""
    start = posixpath.dirname(origin_uri)
    if not (_plain(target_uri) and (not start or _plain(start))):
        return posixpath.relpath(target_uri, start or ".")
    target, here = target_uri.split("/"), start.split("/") if start else []
    common = 0
    for a, b in zip(target, here):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(here) - common) + target[common:]
    return "/".join(parts) if parts else "."


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kennisschakels", "templates"),
        autoescape=False,  # Markdown output: front-matter text is made inert with `md` and `attr` instead
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,  # a template mistake fails in our tests, never silently
    )
    env.filters.update(md=md, attr=attr, dutch_list=dutch_list)
    return env


@cache
def has_template(name: str) -> bool:
    """Whether a template exists (asked twice per page; a missing one costs a file system search)."""
    try:
        environment().get_template(name)
    except jinja2.TemplateNotFound:
        return False
    return True


def template_source(name: str) -> str:
    env = environment()
    return env.loader.get_source(env, name)[0]


def render(template: str, origin: str, **view) -> str:
    """Render a template for the page with source uri ``origin``."""

    def link(target: Entry, text: str | None = None) -> str:
        return f"[{md(text if text is not None else target.title)}]({relative(target.uri, origin)})"

    def links(targets: list[Entry]) -> list[str]:
        return [link(target) for target in targets]

    def href(uri: str) -> str:
        """Relative link to any source uri (a page or a generated file such as a calendar)."""
        return relative(uri, origin)

    return environment().get_template(template).render(link=link, links=links, href=href, **view)
