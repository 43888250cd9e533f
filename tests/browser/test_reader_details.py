"""Issue 15: details readers noticed, checked in Chromium (at 375 px and at 1280 px where the layout
matters, else at 375 px).

- session kinds read as Dutch words ('kenniscafé', 'bestuurlijke bijeenkomst'), never as ids;
- counts are Dutch: '1 update', '1 sessie', never '1 updates' or '1 sessies';
- no page asks the server for a file that is not there (no 404 for feeds/sitemap.xml);
- a filter that matches nothing says so and offers a reset that brings back the list and the URL;
- the advice topics in the overview table link to their pages.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from kennisschakels.load import load_catalogue
from kennisschakels.model.declarations import SESSION_KIND

from .conftest import html_file

WIDTHS = [375, 1280]


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def width(request) -> int:
    return request.param


def new_page(browser, width: int):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone,
                                  locale="nl-NL")
    return context, context.new_page()


@pytest.fixture
def page(browser, width):
    context, page = new_page(browser, width)
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """For what does not depend on the layout: the narrow screen, where text is most likely cut."""
    context, page = new_page(browser, 375)
    yield page
    context.close()


@pytest.fixture(scope="module")
def catalogue(built_site):
    return load_catalogue(built_site.parent)


# ----------------------------------------------------------------------------- 20. session kinds

RENAMED = {kind: label for kind, label in SESSION_KIND.choices.items() if kind != label}


def test_kinds_whose_id_is_not_the_word_are_in_the_content():
    assert RENAMED["kenniscafe"] == "kenniscafé" and RENAMED["bestuurlijke-bijeenkomst"] == "bestuurlijke bijeenkomst"


def test_session_pages_and_the_overview_show_kinds_as_dutch_words(phone, site_url, catalogue):
    page = phone
    sessions = [s for s in catalogue.of("session") if s.kind in RENAMED]
    assert {s.kind for s in sessions} >= {"kenniscafe", "bestuurlijke-bijeenkomst"}
    ids = re.compile(r"\b(" + "|".join(map(re.escape, RENAMED)) + r")\b", re.I)
    for session in sessions:
        page.goto(site_url + session.site_path)
        text = page.locator("article").inner_text()
        assert RENAMED[session.kind].capitalize() + " (" in text, session.id  # the box: 'Kenniscafé (gehouden)'
        assert not ids.search(text), (session.id, ids.search(text)[0])
    page.goto(site_url + "sessies/")
    text = page.locator("article").inner_text()
    for kind in {s.kind for s in sessions}:
        assert f" · {RENAMED[kind]} · " in text, kind
    assert not ids.search(text), ids.search(text)[0]
    # The list's filter offers the same words.
    options = page.get_by_role("form", name="Lijst filteren").get_by_label("Soort").locator("option").all_inner_texts()
    assert "kenniscafé" in options and "bestuurlijke bijeenkomst" in options, options
    assert not any(ids.fullmatch(option) for option in options), options


# ----------------------------------------------------------------------------- 21. Dutch plurals

# A count of one with a plural noun: '1 updates', '1 sessies', '1 leerthema's', ...
ONE_PLURAL = re.compile(r"(?<![\d,.])1 (updates|sessies|essays|lessen|leerthema's|kennisvragen|praktijkvoorbeelden|"
                        r"regio's|personen|organisaties|begrippen|brondocumenten|pagina's|metingen|bronnen)\b")


def visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_no_page_says_one_with_a_plural(built_site, site_pages):
    found = {path: ONE_PLURAL.findall(visible_text(html_file(built_site, path).read_text(encoding="utf-8")))
             for path in site_pages}
    assert {path: words for path, words in found.items() if words} == {}


def test_the_region_summary_counts_in_dutch(phone, site_url, catalogue):
    """The summary line of a region page, as a reader sees it, for every region."""
    page = phone
    for region in catalogue.of("region"):
        page.goto(site_url + region.site_path)
        summary = page.locator("article .admonition").filter(has_text="In het kort").inner_text()
        counts = re.search(r"(geen|\d+) leerthema.*?essays?\.", summary, re.S)
        assert counts, (region.id, summary)
        assert not ONE_PLURAL.search(counts[0]), (region.id, counts[0])
        for number, noun in re.findall(r"(\d+) (\w+(?:'s)?)", counts[0]):
            if number == "1":
                assert noun in ("leerthema", "kennisvraag", "praktijkvoorbeeld", "update", "sessie", "essay"), \
                    (region.id, counts[0])


# ----------------------------------------------------------------------------- 23. nothing missing

def test_no_page_requests_a_file_that_is_not_there(browser, site_url, example_urls):
    """One page of each kind (and a wrong address, for the 404 page) loaded in a fresh profile; every
    request to the site answers 200, and no page asks for a sitemap below feeds/. (What a page
    requests does not depend on the width: one width, 1280 px.)"""
    problems, requested = {}, []
    pages = {kind: url for kind, url in example_urls.items() if kind != "404"}
    pages["404"] = site_url + "essays/bestaat-niet/"
    for kind, url in sorted(pages.items()):
        context, page = new_page(browser, 1280)
        answers = []
        context.on("requestfinished", lambda r, answers=answers: answers.append((r.url, r.response().status)))
        context.on("requestfailed", lambda r, answers=answers: answers.append((r.url, r.failure)))
        response = page.goto(url, wait_until="networkidle")
        assert response.status == (404 if kind == "404" else 200), url
        context.close()
        requested += [got for got, _ in answers]
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))  # the example site has its own
        wrong = [(got, status) for got, status in answers
                 if got.startswith(origin) and status != 200 and got != url]
        if wrong:
            problems[f"{kind} ({url})"] = wrong
    assert len(requested) > 3 * len(pages), "the recorder saw too little"
    assert not problems, problems
    assert not [url for url in requested if "sitemap.xml" in url]


# ----------------------------------------------------------------------------- 24. a filter without results

def test_a_filter_without_results_says_so_and_the_reset_brings_everything_back(page, site_url):
    page.goto(site_url + "sessies/")
    items = page.locator("article .ks-item")
    total = items.count()
    assert total > 10
    # A region and a kind that each have sessions, but no session of that kind in that region.
    region, kind = page.evaluate("""() => {
        const items = [...document.querySelectorAll('.ks-item')];
        const of = (item, key) => (item.dataset[key] || '').split(' ').filter(Boolean);
        const regions = [...new Set(items.flatMap(i => of(i, 'regio')))].sort();
        const kinds = [...new Set(items.flatMap(i => of(i, 'soort')))].sort();
        for (const r of regions) for (const k of kinds)
            if (!items.some(i => of(i, 'regio').includes(r) && of(i, 'soort').includes(k))) return [r, k];
        return null;
    }""")
    form = page.get_by_role("form", name="Lijst filteren")
    reset = form.get_by_role("button", name="Alle filters wissen")
    assert not reset.is_visible(), "nothing to reset yet"
    form.get_by_label("Regio").select_option(region)
    form.get_by_label("Soort").select_option(kind)
    assert page.url.endswith(f"sessies/?regio={region}&soort={kind}")
    # Nothing shown, and the page says so (also to screen readers), with the way out.
    assert page.locator("article .ks-item:visible").count() == 0
    assert page.locator("article .ks-group:visible").count() == 0
    status = page.get_by_role("status").filter(has_text="getoond")
    assert status.inner_text() == f"0 van {total} getoond: geen resultaten"
    empty = page.get_by_text("Geen resultaten met deze filters. Kies een andere waarde of wis de filters.")
    assert empty.is_visible()
    assert reset.is_visible()
    reset.scroll_into_view_if_needed()
    box = reset.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    reset.click()
    # The full list, the full URL, no message, and focus back on the first filter.
    assert page.locator("article .ks-item:visible").count() == total
    assert page.url == site_url + "sessies/"
    assert status.inner_text() == f"{total} van {total} getoond"
    assert not empty.is_visible() and not reset.is_visible()
    assert form.get_by_label("Regio").input_value() == "" and form.get_by_label("Soort").input_value() == ""
    assert page.evaluate("document.activeElement.tagName") == "SELECT"


# ----------------------------------------------------------------------------- 25. advice topics

def test_every_advice_topic_in_the_overview_table_links_to_its_page(phone, site_url, catalogue):
    page = phone
    page.goto(site_url + "adviezen/")
    table = page.locator("article table").filter(has=page.get_by_role("columnheader", name="Onderwerp"))
    rows = table.locator("tbody tr")
    assert rows.count() >= 7
    linked = []
    for index in range(rows.count()):
        topic = rows.nth(index).locator("td").first
        link = topic.get_by_role("link")
        assert link.count() == 1, topic.inner_text()
        assert link.inner_text() == topic.inner_text(), "the whole topic is the link"
        linked.append((link.inner_text(), link.evaluate("a => a.href")))
    # Every advice page but the one the text below the table links to is in the table.
    advice = {e.site_path: e for e in catalogue.all() if e.uri.startswith("adviezen/") and e.uri != "adviezen/index.md"}
    in_table = {href[len(site_url):] for _, href in linked}
    assert set(advice) - in_table == {"adviezen/blokkades/"}, set(advice) - in_table
    # Following a topic leads to that advice.
    for text, href in linked:
        page.goto(href)
        assert page.locator("article h1").inner_text() == advice[href[len(site_url):]].title, text
