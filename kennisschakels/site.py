"""The site source: every page's Markdown, every generated file and the navigation.

This is the one pipeline. The MkDocs adapter (``hooks/``) serves it to MkDocs in memory; the
export (``kennisschakels.export``) writes the same pages and files to a folder that plain
MkDocs, or a successor engine, builds without hooks or plugins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kennisschakels import calendar, feeds
from kennisschakels.context import Context
from kennisschakels.load import check
from kennisschakels.model.declarations import TYPES
from kennisschakels.model.entry import Entry
from kennisschakels.model.types import Registry
from kennisschakels.navigation import Navigation, build_nav
from kennisschakels.pages import PageMarkdown
from kennisschakels.problems import ContentError, Problem
from kennisschakels.settings import Settings, load_settings

REPORT_DEFINITIONS = "rapportages/"  # docs/rapportages/*.yml: read by the site, not published


@dataclass(frozen=True)
class Page:
    uri: str                 # source uri, e.g. 'regions/twente/index.md'
    meta: dict[str, str]     # the front-matter the engine gets (title, description)
    markdown: str            # the complete Markdown, derived sections included
    edit_path: str           # the file in the repository, for edit links


class Site:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.pages = PageMarkdown(ctx)

    @cached_property
    def reports(self) -> list:
        """What the site shows of every report (``report.web.Shown``): an edition or a concept."""
        if not self.ctx.reports:
            return []
        from kennisschakels.report import web

        return [web.show(report, self.ctx) for report in self.ctx.reports]

    @cached_property
    def _report_pages(self) -> dict:
        return {uri: shown for shown in self.reports for uri in shown.uris}

    @property
    def catalogue(self):
        return self.ctx.catalogue

    @cached_property
    def navigation(self) -> Navigation:
        first = {uri: rank for shown in self.reports for rank, uri in enumerate(shown.uris)}
        return build_nav(self.catalogue, first)

    def uris(self) -> list[str]:
        return self.catalogue.uris()

    def entry(self, uri: str) -> Entry | None:
        return self.catalogue.by_uri(uri)

    def page(self, uri: str) -> Page:
        entry = self.catalogue.by_uri(uri)
        shown = self._report_pages.get(uri)
        if shown is not None:
            from kennisschakels.report import web

            markdown = web.page_markdown(shown, uri) + "\n\n" + self.pages.glossary + "\n"
            meta = {**self.pages.meta(entry), "title": " ".join(shown.assembled.page(uri).title.split())}
            return Page(uri, meta, markdown, entry.path)
        return Page(uri, self.pages.meta(entry), self.pages.body(entry), entry.path)

    def generated(self) -> dict[str, bytes]:
        """Files made from the content: calendars, feeds and the reports' PDFs."""
        site_url = self.ctx.site_url or "/"
        files = dict(calendar.calendar_files(self.catalogue, self.ctx.site_url))
        files.update(feeds.feed_files(self.catalogue, site_url, self.ctx.today))
        files.update(self.report_files())
        return files

    def report_files(self) -> dict[str, bytes]:
        """Every report's PDF: the newest edition (or the concept) at rapportages/<id>.pdf, and every
        edition at its own address. An edition's PDF is the committed file, checked against its hash;
        only a concept is laid out (and then only when its inputs changed: see report.pdf)."""
        files = {}
        for shown in self.reports:
            for edition in shown.editions:
                files[edition.pdf_uri] = edition.pdf()
            if shown.edition is not None:
                files[shown.pdf_uri] = shown.edition.pdf()
            else:
                from kennisschakels.report.pdf import render_pdf  # WeasyPrint is loaded only for a concept

                files[shown.pdf_uri] = render_pdf(shown.assembled, self.ctx).data
        return files

    def copied(self) -> list[tuple[str, Path]]:
        """Contributed files outside docs/ that the site publishes beside the pages (uri, file)."""
        return [(path, self.catalogue.root / path) for path in self.catalogue.assets]


def check_all(root: Path, settings: Settings | None = None, types: Registry = TYPES) -> tuple[Context, list[Problem]]:
    """The content and the report definitions, checked together: every problem of a run at once."""
    from kennisschakels.report import definition

    settings = settings or load_settings(root)
    catalogue, problems = check(root, types, settings)
    reports = []
    try:
        # The definitions are checked even when pages have problems: every problem of a run at once.
        reports = definition.load_reports(catalogue)
    except ContentError as error:
        problems = sorted(set(problems) | set(error.problems))
    else:
        if problems:
            reports = []  # a report of a knowledge base with problems is not assembled
        else:
            from kennisschakels.report.edition import check_editions

            problems = sorted(set(problems) | set(check_editions(catalogue, reports)))
    return Context(catalogue, settings, reports=reports), problems


def load_site(root: Path, settings: Settings | None = None, types: Registry = TYPES) -> Site:
    """The site of a repository; raises ContentError listing every problem."""
    ctx, problems = check_all(Path(root).resolve(), settings, types)
    if problems:
        raise ContentError(problems)
    return Site(ctx)
