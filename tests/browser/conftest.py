"""Browser fixtures: the real built site served on 127.0.0.1 and one headless Debian Chromium.

The tests skip, with the reason, when Playwright or Chromium is missing; with
KENNISSCHAKELS_REQUIRE_BROWSER=1 they fail instead, so CI cannot pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.host import serving
from kennisschakels.model.declarations import OVERVIEW, TYPES
from kennisschakels.site import load_site

# Debian's Chromium; KENNISSCHAKELS_CHROMIUM points elsewhere (e.g. the Chrome of a GitHub runner).
CHROMIUM = os.environ.get("KENNISSCHAKELS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
REQUIRE_BROWSER = os.environ.get("KENNISSCHAKELS_REQUIRE_BROWSER") == "1"
# Playwright adds --headless and a fresh temporary --user-data-dir itself. The resolver rule makes
# any host other than 127.0.0.1 unreachable: a page that tries one fails the privacy test, and
# no test ever reaches the network.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]

# Kinds of page: every declared content type; 'page' split into the start page, each overview a
# page can show (the declared choices of 'overview'), the report pages (a report's own page and
# its chapters), other folder index pages ('sectie') and other pages; and the 404 page. The
# accessibility audits (axe-core, pa11y, the keyboard walk) run on one page of each kind: every
# kind has its own template or layout, and the pages of one kind differ only in content.
OVERVIEWS = tuple(f"overzicht {name}" for name in OVERVIEW.choices)
KINDS = ("start", "sectie", "pagina", *OVERVIEWS, "rapport", "rapporthoofdstuk",
         *(name for name in TYPES.names() if name != "page"), "404")
# The dark scheme (the same stylesheet on every page) on the largest page of each of these.
DARK_KINDS = ("start", "pagina", *(name for name in TYPES.names() if name != "page"), "404")


def unavailable(reason: str) -> None:
    if REQUIRE_BROWSER:
        pytest.fail(f"{reason} (KENNISSCHAKELS_REQUIRE_BROWSER=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package playwright is not installed (see requirements-dev.txt)")
    if not Path(CHROMIUM).is_file():
        unavailable(f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """URL (ending in /) of the built site's home page, served from a local thread."""
    with serving(built_site) as url:  # like GitHub Pages: below the base path, 404.html
        yield url


def html_file(site: Path, path: str) -> Path:
    """The built file of a page path as served ('essays/x/' is essays/x/index.html)."""
    return site / (path if path.endswith(".html") else path + "index.html")


def page_kinds(site: Path) -> dict[str, str]:
    """Every built HTML page of ``site`` (the built folder of a repository), as its path below the
    site root, with its kind (see KINDS)."""
    source = load_site(site.parent)
    reports = {uri: "rapport" if rank == 0 else "rapporthoofdstuk"
               for shown in source.reports for rank, uri in enumerate(shown.uris)}
    kinds = {}
    for entry in source.catalogue.all():
        uri, path = entry.uri, entry.site_path
        kind = entry.type.name
        if kind == "page":
            kind = ("start" if path == "" else f"overzicht {entry.overview}" if entry.overview
                    else reports.get(uri) or ("sectie" if uri.endswith("index.md") else "pagina"))
        kinds[path] = kind
    pages = {}
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        path = rel[:-len("index.html")] if rel.endswith("index.html") else rel
        pages[path] = "404" if rel == "404.html" else kinds.get(path, "pagina")
    return pages


def largest(site: Path, pages: dict[str, str]) -> dict[str, str]:
    """kind -> the path of its page with the largest HTML (most content to get wrong)."""
    found: dict[str, tuple[str, int]] = {}
    for path, kind in pages.items():
        size = html_file(site, path).stat().st_size
        if kind not in found or size > found[kind][1]:
            found[kind] = (path, size)
    return {kind: path for kind, (path, _) in sorted(found.items())}


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> dict[str, str]:
    return page_kinds(built_site)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The declarations' example tree (one file of every type, tests/conftest.py MINIMAL), built:
    for the kinds of page the real site does not have yet (it has no update today)."""
    from conftest import MINIMAL, ROOT, build, copy_repo, write

    root = copy_repo(tmp_path_factory.mktemp("voorbeelden"), content=False)
    write(root, MINIMAL)
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")  # the site's stylesheets and scripts
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def example_urls(request, built_site: Path, site_url: str, site_pages: dict[str, str]) -> dict[str, str]:
    """kind -> URL of the page every audit visits: the largest page of that kind on the real site;
    for a kind the real site has none of, the page of the example tree (built only then)."""
    urls = {kind: site_url + path for kind, path in largest(built_site, site_pages).items()}
    missing = [kind for kind in KINDS if kind not in urls]
    if missing:
        site = request.getfixturevalue("example_site")
        base = request.getfixturevalue("example_site_url")
        found = largest(site, page_kinds(site))
        urls.update({kind: base + found[kind] for kind in missing if kind in found})
    return {kind: urls[kind] for kind in KINDS if kind in urls}


@pytest.fixture(scope="session")
def example_site_url(example_site: Path):
    with serving(example_site) as url:
        yield url


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no cookies, storage or cache from other tests."""
    context = browser.new_context(locale="nl-NL")
    yield context
    context.close()
