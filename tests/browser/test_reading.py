"""Reading online: phones, printing, shared links and the page for a wrong address."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import pytest

from .conftest import html_file

ESSAY = "essays/wanneer-doet-een-kennisnetwerk-wat-het-beoogt/"
REGION = "regions/twente/"


def horizontal_overflow(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")


@pytest.mark.parametrize("path", [ESSAY, REGION])
def test_essay_and_region_fit_a_375_px_phone_screen(browser, site_url, path, tmp_path_factory):
    context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + path)
    assert page.evaluate("innerWidth") == 375
    # Kept for a look by a person: pytest's temporary directory, e.g. /tmp/pytest-of-$USER/.
    shot = tmp_path_factory.mktemp("screenshots") / (path.strip("/").replace("/", "-") + "-375.png")
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 10_000
    assert horizontal_overflow(page) <= 0, f"{path} scrolls sideways on a phone"
    context.close()


def test_no_page_kind_scrolls_sideways_at_320_px(browser, example_urls):
    """WCAG 1.4.10 (reflow): content fits 320 CSS pixels without scrolling in two directions."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, locale="nl-NL")
    page = context.new_page()
    wide = {}
    for url in example_urls.values():
        page.goto(url)
        if horizontal_overflow(page) > 0:
            wide[url] = horizontal_overflow(page)
    context.close()
    assert not wide, f"pages wider than 320 px (extra pixels): {wide}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_printed_essay_is_only_the_text_with_link_addresses(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + ESSAY)
    page.emulate_media(media="print")
    shown = page.evaluate("""() => {
        const shown = sel => [...document.querySelectorAll(sel)].some(el => el.offsetParent !== null
            || getComputedStyle(el).position === 'fixed' && getComputedStyle(el).display !== 'none');
        return {header: shown('.md-header'), navigation: shown('.md-sidebar--primary'),
                toc: shown('.md-sidebar--secondary'), footer: shown('.md-footer'),
                title: shown('article h1'), background: getComputedStyle(document.body).backgroundColor};
    }""")
    assert shown == {"header": False, "navigation": False, "toc": False, "footer": False,
                     "title": True, "background": "rgb(255, 255, 255)"}
    # Each printed link to another page is followed by its full address; in-page anchors
    # (permalinks, footnotes) are not.
    links = page.eval_on_selector_all("article a[href]", """links => links.map(a =>
        [a.getAttribute('href'), a.offsetParent !== null, getComputedStyle(a, '::after').content])""")
    printed = [(href, content) for href, visible, content in links if visible and not href.startswith("#")]
    assert printed
    for href, content in printed:
        assert content == f'" ({urljoin(page.url, href)})"', href
    assert all(content == "none" for href, _, content in links if href.startswith("#"))
    context.close()


def meta(html: str) -> dict[str, str]:
    found = re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', html)
    return {key: unescape(value) for key, value in found}


def test_shared_links_show_the_page_title_and_description(built_site, site_pages):
    for path, kind in site_pages.items():
        html = html_file(built_site, path).read_text("utf-8")
        tags = meta(html)
        assert tags["og:locale"] == "nl_NL", path
        assert tags["description"] and tags["og:description"] == tags["description"], path
        assert tags["og:type"] == ("article" if kind in ("essay", "update") else "website"), path
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip())
        assert kind == "404" or title.startswith(tags["og:title"]), path
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert tags.get("og:url") == (canonical.group(1) if canonical else None), path


def test_wrong_address_gets_a_dutch_page_with_a_way_back(context, site_url):
    page = context.new_page()
    response = page.goto(site_url + "essays/bestaat-niet/")
    assert response.status == 404
    assert page.title().startswith("Pagina niet gevonden")
    assert page.locator("article h1").inner_text() == "Pagina niet gevonden"
    # The page is styled (its assets load from the site root) and links home.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.get_by_role("link", name="startpagina").click()
    page.wait_for_url(site_url)
