"""MkDocs adapter for site search (kennisschakels.search): thin glue, no search logic.

- on_page_markdown: each content page gets its search filters and metadata (a hidden element in
  the content), its other names below the title, and its derived link lists left out of the
  index. Runs after hooks/build.py added the derived sections (listed after it in mkdocs.yml).
- on_post_build: Pagefind indexes the built site into site/pagefind/ (also under mkdocs serve).
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kennisschakels import search

log = logging.getLogger("mkdocs.hooks.search")


@event_priority(-50)  # after the derived sections (build.py) and the report chapters (report.py)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    entry = config.extra["catalogus"].by_uri(page.file.src_uri)
    if entry is None:
        return markdown
    # page.markdown is still the author's text: MkDocs stores the result after all hooks ran.
    return search.page_markdown(markdown, page.markdown or "", entry, config.extra["catalogus"])


def on_post_build(config: MkDocsConfig) -> None:
    try:
        result = search.build_index(config.site_dir)
    except search.SearchIndexError as error:
        raise PluginError(str(error)) from None
    for warning in result.warnings:  # a strict build fails on these
        log.warning(f"Pagefind: {warning}")
    log.info(f"Zoekindex (Pagefind): {result.pages} pagina's in {result.seconds:.1f} s, "
             f"{result.bytes / 1024:.0f} kB")
