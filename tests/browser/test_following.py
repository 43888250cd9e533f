"""Issue 15: following the site without visiting it. The page Volgen explains feeds and the agenda in
plain Dutch; the home page and the footer of every page lead to it; search finds it by the words a
reader uses; a feed opened in the browser is readable, at 375 px and at 1280 px."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest

from .conftest import html_file

WIDTHS = [375, 1280]
FOLLOW = "volgen/"
FEEDS = {"feeds/essays.xml": "Kennisschakels: nieuwe essays",
         "feeds/updates.xml": "Kennisschakels: updates uit de regio's"}


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(browser, request):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=width < 600, locale="nl-NL")
    yield context.new_page()
    context.close()


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def window(browser, request):
    """A browser window of that width, not a phone: a phone's browser downloads an Atom file, and
    without a viewport meta tag (XML has none) it would lay the feed out 980 px wide."""
    context = browser.new_context(viewport={"width": request.param, "height": 800}, locale="nl-NL")
    yield context.new_page()
    context.close()


def sideways(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")


# ----------------------------------------------------------------------------- 17. the page Volgen

def test_the_follow_page_explains_feeds_and_the_agenda_in_plain_dutch(page, site_url):
    page.goto(site_url + FOLLOW)
    article = page.locator("article")
    assert article.locator("h1").inner_text() == "Volgen"
    headings = [h.rstrip("¶").strip() for h in article.locator("h2").all_inner_texts()]
    assert "Nieuwe berichten vanzelf zien" in headings and "Sessies in je agenda" in headings, headings
    text = article.inner_text()
    for words in ("abonneren", "feedlezer", "Outlook", "Google Agenda", "kalender.ics", "RSS",
                  "niemand houdt bij wie er volgt"):
        assert words in text, words
    # Steps to follow, for the feeds and for the agenda.
    assert article.locator("ol").count() >= 2 and article.locator("ol > li").count() >= 6
    # The feeds and the agenda file are linked, and they are there.
    links = article.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
    for target in ("feeds/essays.xml", "feeds/updates.xml", "sessies/kalender.ics"):
        assert site_url + target in links, target
        assert page.request.get(site_url + target).status == 200, target
    assert sideways(page) <= 0


def test_the_home_page_leads_to_the_follow_page(page, site_url):
    page.goto(site_url)
    link = page.locator("article").get_by_role("link", name="Volgen", exact=True)
    assert link.count() == 1 and link.is_visible()
    link.click()
    page.wait_for_url(site_url + FOLLOW)


def test_the_footer_leads_to_the_follow_page_on_any_page(page, site_url):
    page.goto(site_url + "regions/twente/")
    footer_link = page.locator("footer").get_by_role("link", name="Volgen", exact=True)
    footer_link.scroll_into_view_if_needed()
    assert footer_link.is_visible()
    box = footer_link.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= page.viewport_size["width"]
    footer_link.click()
    page.wait_for_url(site_url + FOLLOW)


def test_every_page_has_the_follow_link_in_its_footer(built_site, site_pages):
    missing = []
    for path in site_pages:
        html = html_file(built_site, path).read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        hrefs = re.findall(r'<a href="([^"]*)">Volgen</a>', footer)
        if not any(urljoin("https://site.example/kennisschakels/" + path, href).endswith("/kennisschakels/" + FOLLOW) for href in hrefs):
            missing.append((path, hrefs))
    assert not missing, missing[:10]


def search(page, query: str) -> list[str]:
    """Type like a reader into the search box and return the result addresses."""
    field = page.locator("#ks-zoekveld")
    if not field.is_visible():
        page.get_by_role("button", name="Zoeken", exact=True).click()
    field.fill("")
    field.press_sequentially(query, delay=15)
    page.wait_for_function(
        "q => document.querySelector('.ks-zoeken__status').textContent.includes('\u2018' + q + '\u2019')",
        arg=query, timeout=15000)
    return page.eval_on_selector_all(".ks-resultaat__kaart a.ks-resultaat__link", "links => links.map(a => a.href)")


@pytest.mark.parametrize("query", ["abonneren", "volgen", "rss"])
def test_search_finds_the_follow_page_first(page, site_url, query):
    page.goto(site_url)
    found = search(page, query)
    assert found and found[0] == site_url + FOLLOW, (query, found[:5])


# ----------------------------------------------------------------------------- 18. a feed in the browser

@pytest.mark.parametrize("feed", sorted(FEEDS))
def test_a_feed_references_its_stylesheet_and_the_stylesheet_is_there(built_site, feed):
    xml = (built_site / feed).read_text(encoding="utf-8")
    (href,) = re.findall(r'<\?xml-stylesheet type="text/css" href="([^"]+)"\?>', xml)
    assert urljoin(feed, href) == "feeds/feed.css"
    assert "feed > title" in (built_site / "feeds/feed.css").read_text(encoding="utf-8")
    # The feed without updates is dated by the build, not 1970.
    assert "1970-01-01" not in xml


@pytest.mark.parametrize("feed", sorted(FEEDS))
def test_a_feed_opened_in_the_browser_shows_its_title_and_entries_as_a_page(window, site_url, feed):
    page = window
    response = page.goto(site_url + feed)
    assert response.status == 200
    styled = page.evaluate("""() => {
        const root = document.documentElement;
        const title = root.querySelector(':scope > title');
        const box = title.getBoundingClientRect();
        const shown = el => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
        return {root: root.localName, title: title.textContent, display: getComputedStyle(title).display,
                weight: getComputedStyle(title).fontWeight, top: box.top, height: box.height,
                left: box.left, right: box.right,
                id: shown(root.querySelector(':scope > id')), entries: root.querySelectorAll(':scope > entry').length,
                entry: shown(root.querySelector(':scope > entry > title')),
                links: [...root.querySelectorAll('link')].some(shown)};
    }""")
    assert styled["root"] == "feed" and styled["title"] == FEEDS[feed]
    # The title is on screen as a heading: the stylesheet applies (without it Chromium shows the XML tree).
    assert styled["display"] == "block" and int(styled["weight"]) >= 700
    assert 0 <= styled["top"] < 200 and styled["height"] > 20
    assert 0 <= styled["left"] and styled["right"] <= page.viewport_size["width"]
    assert not styled["id"] and not styled["links"], "machine parts of the feed are hidden"
    if styled["entries"]:
        assert styled["entry"]
    assert sideways(page) <= 0
    # And a reader is told what a feed is for, in sentences.
    subtitle = page.evaluate("""() => {
        const subtitle = document.documentElement.querySelector(':scope > subtitle');
        return subtitle.textContent + JSON.parse(getComputedStyle(subtitle, '::after').content);
    }""")
    assert subtitle.startswith("Nieuwe ") and "bodem en ondergrond. Dit is een feed: " in subtitle, subtitle
    assert "feedlezer" in subtitle
