"""The export proof (issue 17): ``python -m kennisschakels export`` writes a site source that plain MkDocs
builds without hooks or macros, to the same site as the normal build.

Both builds come from the same copy of the real repository with the same date (session fixtures
``built_site`` and ``exported_site``). Compared: the set of HTML pages, and on every page the main
content, i.e. the normalised text of its ``<article>`` element without Material's edit and view
buttons (the export has no repository paths behind them, see export.export_config). Also compared:
every other file the site publishes (calendars, feeds, the report PDF, images), byte for byte.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Files made from the built pages, by MkDocs or by Pagefind (the pages' content is compared through the
# pages; the search index of both builds below).
ENGINE_FILES = ("sitemap.xml", "sitemap.xml.gz")
SEARCH_INDEX = "pagefind/"


class ArticleText(HTMLParser):
    """The text of the page's <article>, without the edit/view buttons; also the ids of its headings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <article>: nesting depth
        self.skip = 0           # inside a button to leave out: nesting depth
        self.parts: list[str] = []
        self.articles = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "article":
            self.articles += 1
        if tag == "article" or self.depth:
            if tag not in VOID:
                self.depth += 1
                if self.skip or "md-content__button" in classes:
                    self.skip += 1
            elif tag == "img" and not self.skip:
                self.parts.append(f"[img {dict(attrs).get('alt', '')}]")

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1
            if self.skip:
                self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def article_text(path: Path) -> str:
    parser = ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    assert parser.articles == 1, f"{path}: {parser.articles} <article> elements"
    return parser.text


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def compared(built_site: Path, exported_site: Path) -> dict:
    normal, exported = files(built_site), files(exported_site)
    pages = sorted(p for p in normal if p.endswith(".html"))
    different = {}
    for page in pages:
        if page in exported:
            ours, theirs = article_text(built_site / page), article_text(exported_site / page)
            if ours != theirs:
                different[page] = (ours, theirs)
    return {"normal": normal, "exported": exported, "pages": pages, "different": different}


def test_the_export_has_the_same_html_pages(compared):
    normal = {p for p in compared["normal"] if p.endswith(".html")}
    exported = {p for p in compared["exported"] if p.endswith(".html")}
    assert len(normal) > 100
    assert sorted(normal - exported) == [] and sorted(exported - normal) == []


def test_every_page_has_the_same_main_content(compared):
    different = compared["different"]
    others = [p for p in compared["normal"] if not p.endswith(".html")]
    print(f"\nexport: {len(compared['pages'])} HTML-pagina's vergeleken, {len(different)} verschillend; "
          f"{len(others)} andere bestanden")
    report = "\n".join(f"{page}:\n  bouw:   {ours[:300]}\n  export: {theirs[:300]}"
                       for page, (ours, theirs) in sorted(different.items())[:10])
    assert not different, f"{len(different)} of {len(compared['pages'])} pages differ:\n{report}"


def test_the_main_content_is_not_empty_so_the_comparison_means_something(compared, built_site):
    texts = {page: article_text(built_site / page) for page in compared["pages"]}
    assert all(texts[page] for page in texts), [page for page in texts if not texts[page]]
    assert "Samenwerking nationaal" in texts["leerthemas/index.html"]
    assert "Bewerk" not in texts["leerthemas/index.html"]  # the edit button is left out


def test_every_other_published_file_is_the_same(compared, built_site, exported_site):
    others = sorted(p for p in compared["normal"] if not p.endswith(".html") and p not in ENGINE_FILES
                    and not p.startswith(SEARCH_INDEX))
    assert "sessies/kalender.ics" in others and "feeds/essays.xml" in others
    assert "rapportages/tussenrapportage-2022.pdf" in others
    missing = [p for p in others if p not in compared["exported"]]
    assert missing == []
    changed = [p for p in others if (built_site / p).read_bytes() != (exported_site / p).read_bytes()]
    assert changed == []
    extra = sorted(p for p in compared["exported"] - compared["normal"] if not p.startswith(SEARCH_INDEX))
    assert extra == []


def test_the_export_indexed_by_pagefind_searches_the_same_pages_with_the_same_filters(built_site, exported_site):
    """Search on the exported site: every page but the 404 page, Dutch, with the same filter values
    (the type, region, theme and year of each page come with the page's HTML)."""
    def index(site: Path) -> tuple:
        entry = json.loads((site / SEARCH_INDEX / "pagefind-entry.json").read_text(encoding="utf-8"))
        filters = sorted(p.name for p in (site / SEARCH_INDEX / "filter").iterdir())
        return entry["languages"]["nl"]["page_count"], filters

    assert index(exported_site) == index(built_site)
    assert index(built_site)[0] == len([p for p in built_site.rglob("*.html") if p.name != "404.html"])


def test_the_export_config_has_no_hooks_and_writes_the_navigation(exported_site):
    config = yaml.safe_load((exported_site.parent / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "watch" not in config
    assert config.get("plugins") == []  # search is Pagefind on the built pages, not Material's plugin
    assert config["nav"][0] == {"Start": "index.md"}
    assert config["docs_dir"] == "docs" and config["edit_uri"] == ""
