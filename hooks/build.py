"""MkDocs adapter for the kennisschakels package: thin glue, no content logic.

- on_config: load and validate every content file before any output is written;
  derive the navigation.
- on_files: bring essays/ and regions/ into the build; add the calendar files and feeds.
- on_page_markdown: edit link, search boost and the derived sections of each content page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from kennisschakels import ContentError, load_catalogue
from kennisschakels.calendar import calendar_files
from kennisschakels.contribute import Repository
from kennisschakels.feeds import feed_files
from kennisschakels.navigation import build_nav
from kennisschakels.render import derived_sections

CATALOGUE = "catalogus"  # key in config.extra; the macros module reads it from there
# Material search boost per content type: the page about a thing ranks above pages that mention it.
SEARCH_BOOST = {"essay": 3, "region": 3, "theme": 3, "session": 1.5, "practice": 1.5, "person": 1.5}
# Pages the derived nav leaves out of long sections (see navigation.MAX_SECTION_ENTRIES).
_OMITTED_FROM_NAV: set[str] = set()


@event_priority(100)  # before the macros plugin copies config.extra
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        catalogue = load_catalogue(root)
    except ContentError as error:
        # Raised before MkDocs cleans or writes site_dir: a failed build leaves no output.
        raise PluginError(str(error)) from None
    config.extra[CATALOGUE] = catalogue
    if not config.site_url:  # feeds, sitemap and calendars need absolute links: GitHub Pages by default
        config.site_url = Repository.site_url_for(config.repo_url)
    _OMITTED_FROM_NAV.clear()
    if not config.nav:
        config.nav = build_nav(catalogue, _OMITTED_FROM_NAV)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = config.extra[CATALOGUE]
    root = str(catalogue.root)
    outside_docs = [e.path for e in catalogue.all() if not e.path.startswith("docs/")]
    for path in sorted(outside_docs + catalogue.assets):
        files.append(File(path, src_dir=root, dest_dir=config.site_dir,
                          use_directory_urls=config.use_directory_urls))
    generated = {**calendar_files(catalogue, config.site_url), **feed_files(catalogue, config.site_url)}
    for uri, content in generated.items():
        files.append(File.generated(config, uri, content=content.encode("utf-8")))
    for file in files:
        if file.src_uri in _OMITTED_FROM_NAV:  # listed on their overview page: no 'not in nav' warning
            file.inclusion = InclusionLevel.NOT_IN_NAV
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    catalogue = config.extra[CATALOGUE]
    entry = catalogue.by_uri(page.file.src_uri)
    # Our 'status' key means something else than Material's page status badge.
    page.meta.pop("status", None)
    if entry is None:
        return markdown
    repository = Repository.from_settings(config.repo_url, config.edit_uri)
    if repository:  # essays/ and regions/ live outside docs_dir: edit links use the repository path
        page.edit_url = repository.edit_url(entry.path)
    if entry.type in SEARCH_BOOST:
        page.meta.setdefault("search", {}).setdefault("boost", SEARCH_BOOST[entry.type])
    if entry.type == "page":
        return markdown
    top, bottom = derived_sections(catalogue, entry, repository)
    return f"{top}\n{markdown}\n\n{bottom}"
