"""MkDocs adapter for the safety layers (kennisschakels.sanitize, kennisschakels.csp): thin glue.

- on_nav: section and link titles (from contributed index pages) escaped once.
- on_page_markdown: the page's front-matter texts that the theme prints (title, description)
  escaped once, so Material's raw and escaped sinks both show the literal text.
- on_page_content: the page's HTML sanitised (nh3, kennisschakels.allowlist); anything the
  sanitiser would change is a problem, and all problems stop the build in on_env, before any
  page is written. Table-of-contents titles become escaped text.
- on_post_page / on_post_template: the Content-Security-Policy and referrer meta elements.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from kennisschakels import csp, sanitize
from kennisschakels.problems import Problem, report

_STATE: dict = {"problems": [], "patterns": [], "serve": False, "pages": 0, "sanitise": 0.0, "csp": 0.0}
log = logging.getLogger("mkdocs.hooks.safety")


def on_startup(command: str, dirty: bool) -> None:
    _STATE["serve"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _STATE.update(problems=[], pages=0, sanitise=0.0, csp=0.0)
    _STATE["patterns"] = csp.theme_script_patterns(config.theme.dirs)
    return config


def _escape_titles(items) -> None:
    for item in items:
        if isinstance(item, (Section, Link)):
            item.title = sanitize.escape_nav_title(item.title)
        if isinstance(item, Section):
            _escape_titles(item.children)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _escape_titles(nav.items)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    sanitize.escape_page_title(page.meta)
    return markdown


def _source_path(page: Page, config: MkDocsConfig) -> str:
    root = Path(config.config_file_path).parent
    try:
        return Path(page.file.abs_src_path).relative_to(root).as_posix()
    except (TypeError, ValueError):
        return page.file.src_uri


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    started = time.process_time()
    result = sanitize.sanitize(html)
    _STATE["sanitise"] += time.process_time() - started
    _STATE["pages"] += 1
    if result.changed:
        _STATE["problems"].append(Problem(
            _source_path(page, config), 1, "inhoud",
            "onveilige of niet toegestane HTML: " + sanitize.summary(result.changes),
            "haal die HTML weg of schrijf het als gewone Markdown (zie CONTRIBUTING.md en SECURITY.md)"))
    for item in _toc_items(page.toc):
        item.title = sanitize.toc_title(item.title)
    return result.html


def _toc_items(items):
    for item in items:
        yield item
        yield from _toc_items(item.children)


def on_env(env, config: MkDocsConfig, files: Files):
    problems = sorted(set(_STATE["problems"]))
    if problems:
        raise PluginError(report(problems))
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    started = time.process_time()
    try:
        return csp.apply(output, _STATE["patterns"], page.content or "", serve=_STATE["serve"])
    except csp.CspError as error:
        raise PluginError(f"{page.file.src_uri}: Content-Security-Policy: {error}") from None
    finally:
        _STATE["csp"] += time.process_time() - started


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    try:
        return csp.apply(output, _STATE["patterns"], serve=_STATE["serve"])
    except csp.CspError as error:
        raise PluginError(f"{template_name}: Content-Security-Policy: {error}") from None


def on_post_build(config: MkDocsConfig) -> None:
    pages = max(_STATE["pages"], 1)
    log.info(f"Veiligheid: {_STATE['pages']} pagina's gesaneerd in {_STATE['sanitise']:.2f} s CPU "
             f"({_STATE['sanitise'] / pages * 1000:.2f} ms per pagina), CSP in {_STATE['csp']:.2f} s CPU")
