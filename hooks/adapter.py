"""MkDocs adapter: serves the kennisschakels site pipeline (kennisschakels.site) to MkDocs.

Thin glue, no content logic. One adapter object holds the site for the whole build:
- on_config: check every file (content and reports) before anything is written, and give
  MkDocs the derived navigation and the site's URL;
- on_files: bring essays/ and regions/ into the build, add the generated files (calendars,
  feeds, report PDFs), and leave the report definitions out;
- on_page_markdown: each page's complete Markdown and the front-matter the theme may see.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from kennisschakels import settings as site_settings
from kennisschakels.problems import ContentError
from kennisschakels.site import REPORT_DEFINITIONS, Site, load_site


class Adapter:
    def __init__(self) -> None:
        self.site: Site | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        settings = site_settings.from_config(config).for_environment()
        try:
            self.site = load_site(root, settings)
        except ContentError as error:
            # Raised before MkDocs cleans or writes site_dir: a failed build leaves no output.
            raise PluginError(str(error)) from None
        config.repo_url = settings.repo_url
        config.site_url = settings.public_site_url  # feeds, sitemap and calendars need absolute links
        if not config.nav:
            config.nav = self.site.navigation.items
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

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        built = self.site.page(page.file.src_uri)
        # The theme sees only what it needs: no contributed key can steer a template.
        page.meta = dict(built.meta)
        if self.site.ctx.repository:
            page.edit_url = self.site.ctx.repository.edit_url(built.edit_path)
        return built.markdown


_adapter = Adapter()
on_config = _adapter.on_config
on_files = _adapter.on_files
on_page_markdown = _adapter.on_page_markdown
