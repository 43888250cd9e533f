"""MkDocs adapter: serves the kennisschakels site pipeline (kennisschakels.site) to MkDocs.

Thin glue, no content logic. One adapter object holds the site and the safety state for the
whole build, so no hook depends on another module's state or on hook order:
- on_config: check every file (content and reports) before anything is written; give MkDocs
  the derived navigation and the site's URL;
- on_files: bring essays/ and regions/ into the build, add the generated files (calendars,
  feeds, report PDFs), and leave the report definitions out;
- on_nav / on_page_markdown: each page's complete Markdown; the front-matter and titles the
  theme prints, escaped once (kennisschakels.sanitize);
- on_page_content / on_env: every page's HTML through the sanitiser; anything it would change
  stops the build before a page is written;
- on_post_page / on_post_template: the Content-Security-Policy (kennisschakels.csp);
- on_post_build: the search index of the built pages (Pagefind, kennisschakels.search).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from kennisschakels import csp, sanitize, search
from kennisschakels import settings as site_settings
from kennisschakels.problems import ContentError, Problem, report
from kennisschakels.site import REPORT_DEFINITIONS, Site, load_site

log = logging.getLogger("mkdocs.hooks.kennisschakels")


class Adapter:
    def __init__(self) -> None:
        self.site: Site | None = None
        self.serve = False
        self.script_patterns: list = []
        self.problems: list[Problem] = []
        self.pages = 0
        self.sanitise_seconds = 0.0
        self.csp_seconds = 0.0

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serve = command == "serve"  # the live-reload script of `mkdocs serve` is inline

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        settings = site_settings.from_config(config).for_environment()
        self.problems, self.pages, self.sanitise_seconds, self.csp_seconds = [], 0, 0.0, 0.0
        try:
            self.site = load_site(root, settings)
        except ContentError as error:
            # Raised before MkDocs cleans or writes site_dir: a failed build leaves no output.
            raise PluginError(str(error)) from None
        config.repo_url = settings.repo_url
        config.site_url = settings.public_site_url  # feeds, sitemap and calendars need absolute links
        if not config.nav:
            config.nav = self.site.navigation.items
        self.script_patterns = csp.theme_script_patterns(config.theme.dirs)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self.site
        root = str(site.catalogue.root)
        for file in [f for f in files if f.src_uri.startswith(REPORT_DEFINITIONS) and f.src_uri.endswith(".yml")]:
            files.remove(file)
        outside_docs = [e.path for e in site.catalogue.all() if not e.path.startswith("docs/")]
        for path in sorted(outside_docs + [uri for uri, _ in site.copied()]):
            files.append(File(path, src_dir=root, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls))
        for uri, content in sorted(site.generated().items()):
            files.append(File.generated(config, uri, content=content))
        omitted = site.navigation.omitted
        for file in files:
            if file.src_uri in omitted:  # listed on their overview page: no 'not in nav' warning
                file.inclusion = InclusionLevel.NOT_IN_NAV
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        _escape_titles(nav.items)  # section titles come from contributed index pages
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        built = self.site.page(page.file.src_uri)
        # The theme sees only what it needs: no contributed key can steer a template.
        page.meta = dict(built.meta)
        sanitize.escape_page_title(page.meta)
        if self.site.ctx.repository:
            page.edit_url = self.site.ctx.repository.edit_url(built.edit_path)
        return built.markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        started = time.process_time()
        result = sanitize.sanitize(html)
        self.sanitise_seconds += time.process_time() - started
        self.pages += 1
        if result.changed:
            entry = self.site.entry(page.file.src_uri)
            self.problems.append(Problem(
                entry.path if entry else page.file.src_uri, 1, "inhoud",
                "onveilige of niet toegestane HTML: " + sanitize.summary(result.changes),
                "haal die HTML weg of schrijf het als gewone Markdown (zie CONTRIBUTING.md en SECURITY.md)"))
        for item in _toc_items(page.toc):
            item.title = sanitize.toc_title(item.title)
        return result.html

    def on_env(self, env, config: MkDocsConfig, files: Files):
        # Every page has been converted and none written yet: all problems at once, no output.
        problems = sorted(set(self.problems))
        if problems:
            raise PluginError(report(problems))
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        started = time.process_time()
        try:
            output = _without_lone_toc_toggle(output)
            return csp.apply(output, self.script_patterns, page.content or "", serve=self.serve)
        except csp.CspError as error:
            raise PluginError(f"{page.file.src_uri}: Content-Security-Policy: {error}") from None
        finally:
            self.csp_seconds += time.process_time() - started

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output
        try:
            return csp.apply(output, self.script_patterns, serve=self.serve)
        except csp.CspError as error:
            raise PluginError(f"{template_name}: Content-Security-Policy: {error}") from None

    def on_post_build(self, config: MkDocsConfig) -> None:
        # Search: Pagefind indexes the built pages (also under `mkdocs serve`).
        try:
            result = search.build_index(config.site_dir)
        except search.SearchIndexError as error:
            raise PluginError(str(error)) from None
        for warning in result.warnings:  # a strict build fails on these
            log.warning(f"Pagefind: {warning}")
        log.info(f"Zoekindex (Pagefind): {result.pages} pagina's in {result.seconds:.1f} s, "
                 f"{result.bytes / 1024:.0f} kB")
        pages = max(self.pages, 1)
        log.info(f"Veiligheid: {self.pages} pagina's gesaneerd in {self.sanitise_seconds:.2f} s CPU "
                 f"({self.sanitise_seconds / pages * 1000:.2f} ms per pagina), CSP in {self.csp_seconds:.2f} s CPU")


_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


def _without_lone_toc_toggle(output: str) -> str:
    """Material writes the table of contents' checkbox on every page, its label only on pages with
    sections: a form field without a name (pa11y, WCAG 4.1.2). Without the label it toggles nothing."""
    return output if 'for="__toc"' in output else output.replace(_TOC_TOGGLE, "", 1)


def _escape_titles(items) -> None:
    for item in items:
        if isinstance(item, (Section, Link)):
            item.title = sanitize.escape_nav_title(item.title)
        if isinstance(item, Section):
            _escape_titles(item.children)


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


_adapter = Adapter()
on_startup = _adapter.on_startup
on_config = _adapter.on_config
on_files = _adapter.on_files
on_nav = _adapter.on_nav
on_page_markdown = _adapter.on_page_markdown
on_page_content = _adapter.on_page_content
on_env = _adapter.on_env
on_post_page = _adapter.on_post_page
on_post_template = _adapter.on_post_template
on_post_build = _adapter.on_post_build
