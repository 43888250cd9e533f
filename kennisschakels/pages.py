"""The complete Markdown of every page: the file's own text with its derived sections.

A content page is: the type's top section, the file's body, the type's bottom section, the
standard blocks (organisations, sources, what the sources leave open) and the glossary's
abbreviations. A page that sets ``overview`` gets that overview after its text. Types without
templates of their own show a standard facts block, so a newly declared type works at once.
"""

from __future__ import annotations

import re

from kennisschakels import derive, search, views
from kennisschakels.context import Context
from kennisschakels.model.entry import Entry
from kennisschakels.render import has_template, render


def _template(entry: Entry, position: str) -> str | None:
    name = f"derived/{entry.type.name}-{position}.md"
    return name if has_template(name) else None


OVERVIEW_MARKER = re.compile(r"^<!--\s*overzicht\s*-->[ \t]*$", re.M)


def place_overview(body: str, overview: str) -> str:
    """The overview where the body has a line '<!-- overzicht -->', or after the body."""
    if OVERVIEW_MARKER.search(body):
        return OVERVIEW_MARKER.sub(lambda _: overview.strip("\n"), body, count=1)
    return (body + "\n\n" + overview.strip("\n")).strip("\n")


def abbreviations(ctx: Context) -> str:
    """Markdown abbreviation definitions for the whole glossary: every occurrence is explained."""
    lines = []
    for abbreviation, expansion, _ in derive.glossary(ctx.catalogue):
        # A letter is needed: an abbreviation of digits alone ('0', '2030') would also match inside the
        # placeholders Python-Markdown puts in the text, and break every page.
        if re.fullmatch(r"[\w.&/-]+", abbreviation) and re.search(r"[^\W\d_]", abbreviation):
            lines.append(f"*[{abbreviation}]: {' '.join(expansion.split())}")
    # One block per definition: in one block of n lines Python-Markdown's block processors search the
    # rest of the block again after every definition (n² per page; at 50 abbreviations that was
    # half the Markdown time of every page). The HTML is the same.
    return "\n\n".join(lines)


class PageMarkdown:
    """Builds page Markdown for one build; caches what every page shares."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._abbreviations: str | None = None

    @property
    def glossary(self) -> str:
        if self._abbreviations is None:
            self._abbreviations = abbreviations(self.ctx)
        return self._abbreviations

    def body(self, entry: Entry) -> str:
        """The page's Markdown without front-matter."""
        ctx = self.ctx
        view = views.ENTRY_VIEWS.get(entry.type.name, lambda c, e: {"entry": e})(ctx, entry)
        # Derived sections: their lists of links belong, in search, to the pages they link to.
        derived = search.ignore_link_lists
        parts = []
        aliases = search.aliases_html(search.search_facets(entry))
        if aliases:
            parts.append(aliases)
        top = _template(entry, "top")
        if top:
            parts.append(derived(render(top, entry.uri, **view)))
        elif entry.type.name != "page":
            parts.append(render("derived/_facts.md", entry.uri, facts=views.facts(entry)))
        body = entry.body.strip("\n")
        if entry.type.name == "page" and entry.overview:
            body = place_overview(body, self.overview(entry))
        parts.append(body)
        bottom = _template(entry, "bottom")
        if bottom:
            parts.append(derived(render(bottom, entry.uri, **view)))
        parts.append(derived(render("derived/_standard.md", entry.uri, **views.standard(ctx, entry))))
        parts.append(search.search_markdown(entry))
        if self.glossary:
            parts.append(self.glossary)
        return "\n\n".join(part.strip("\n") for part in parts if part.strip()) + "\n"

    def overview(self, entry: Entry) -> str:
        return render(f"overviews/{entry.overview}.md", entry.uri, **views.OVERVIEW_VIEWS[entry.overview](self.ctx))

    @staticmethod
    def meta(entry: Entry) -> dict:
        """The front-matter the engine gets: only what it needs to lay out the page, and the search
        weight of its type (the page about a thing ranks above pages that mention it)."""
        meta: dict = {"title": " ".join(entry.title.split()), "description": " ".join(entry.description.split())}
        if entry.type.search_weight != 1.0:
            meta["search"] = {"boost": entry.type.search_weight}
        return meta
