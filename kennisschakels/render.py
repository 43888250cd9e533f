"""Rendering derived sections and overviews as Markdown, from Jinja templates.

The templates live in ``kennisschakels/templates``; the build adapters decide where the
Markdown goes. Markdown (not HTML) is produced so that MkDocs validates every link.
"""

from __future__ import annotations

import html
import json
import math
import posixpath
import re

import jinja2

from kennisschakels import calendar, contribute, derive, monitoring, schema
from kennisschakels.catalogue import Catalogue, Entry
from kennisschakels.contribute import Repository

WORDS_PER_MINUTE = 200  # a common figure for reading Dutch prose on screen
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|{}])")

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("kennisschakels", "templates"),
    autoescape=False,  # Markdown output: user text is escaped with the `md` filter instead
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def md(text: object) -> str:
    """User text made inert in Markdown: no markup, no HTML (&, < and > become references), no
    attr_list ('{' and '}' escaped), safe in table cells."""
    text = html.escape(" ".join(str(text).split()), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text)


def href(target: Entry | str, origin: Entry | str) -> str:
    """Relative link from one page to another page or file (entries or source uris), in source
    form so MkDocs checks it."""
    target_uri = target if isinstance(target, str) else target.uri
    origin_uri = origin if isinstance(origin, str) else origin.uri
    return posixpath.relpath(target_uri, posixpath.dirname(origin_uri) or ".")


def reading_minutes(entry: Entry) -> int:
    words = len(entry.source.body.split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def _dutch_list(items: list[str]) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def attr(text: object) -> str:
    """Text made safe inside a double-quoted HTML attribute."""
    return html.escape(str(text), quote=True)


def filter_labels(catalogue: Catalogue) -> str:
    """JSON with the names behind the ids that filterable lists carry (for filters.js)."""
    labels = {
        "regio": {r.id: r.title for r in derive.regions(catalogue)},
        "thema": {t.id: f"{t.meta.get('number')}. {t.title}" for t in derive.themes(catalogue)},
        "soort": {kind: kind.replace("-", " ") for kind in schema.SESSION_KINDS},
    }
    return attr(json.dumps(labels, ensure_ascii=False, sort_keys=True))


_env.filters.update(md=md, dutch_list=_dutch_list, attr=attr)


def render(template: str, catalogue: Catalogue, origin: Entry | str, **context) -> str:
    """Render a template for the page at ``origin`` (an entry or a source uri)."""

    def link(target: Entry, text: str | None = None) -> str:
        return f"[{md(text or target.title)}]({href(target, origin)})"

    def links(targets: list[Entry]) -> list[str]:
        return [link(target) for target in targets]

    def href_to(uri: str) -> str:
        """Relative link to any source uri (e.g. a generated calendar file)."""
        return href(uri, origin)

    return _env.get_template(template).render(
        cat=catalogue, page=origin, d=derive, schema=schema, link=link, links=links, href_to=href_to,
        filter_labels=lambda: filter_labels(catalogue), monitoring=monitoring, calendar=calendar,
        reading_minutes=reading_minutes, **context)


def derived_sections(catalogue: Catalogue, entry: Entry, repository: Repository | None = None) -> tuple[str, str]:
    """Markdown to put before and after the body of a content page."""
    parts = []
    for position in ("top", "bottom"):
        name = f"derived/{entry.type}-{position}.md"
        try:
            parts.append(render(name, catalogue, entry, entry=entry, repository=repository,
                                template_text=contribute.template))
        except jinja2.TemplateNotFound:
            parts.append("")
    return parts[0], parts[1]
