"""Dutch search (Pagefind): a reader types into the search box in the header and finds the page
they are after; nothing is fetched for search until they open it; results, filters, other names,
phones, no JavaScript, and axe-core with the results open."""

from __future__ import annotations

import pytest

from .conftest import html_file
from .test_accessibility import axe_script, axe_violations, describe  # noqa: F401 (axe_script: a fixture)

# (what a reader types, the page that must be the first or second result)
QUERIES = [
    # Region names without and with their diacritic, and the region's other name (aliases).
    ("fryslan", "regions/fryslan/"),
    ("Fryslân", "regions/fryslan/"),
    ("Friesland", "regions/fryslan/"),
    # Singular and plural (Dutch stemming): the essay's title has the singular.
    ("kennisnetwerk", "essays/wanneer-doet-een-kennisnetwerk-wat-het-beoogt/"),
    ("kennisnetwerken", "essays/wanneer-doet-een-kennisnetwerk-wat-het-beoogt/"),
    # Compounds: a plural compound in a title, and one only in Twente's knowledge questions.
    ("omgevingsvisies", "regions/twente/praktijk/versnellingstraject-omgevingsvisies/"),
    ("energieopslag", "regions/twente/"),
    # Facts readers look for (issue 3): a theme, a session, what a region asked.
    ("samenwerking nationaal", "leerthemas/samenwerking-nationaal/"),
    ("schaalniveau", "leerthemas/schaalniveau/"),
    ("verzilting", "regions/noord-holland/"),
]
REGION = "regions/twente/"


def search(page, query: str) -> None:
    """Type like a reader (the field opens the box) and wait until the count is announced."""
    field = page.locator("#ks-zoekveld")
    field.click()
    field.fill("")
    field.press_sequentially(query, delay=15)
    page.wait_for_function(
        "q => document.querySelector('.ks-zoeken__status').textContent.includes('\u2018' + q + '\u2019')",
        arg=query, timeout=15000)


def result_paths(page, site_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all(".ks-resultaat__kaart a.ks-resultaat__link", "links => links.map(a => a.href)")
    return [href[len(site_url):] if href.startswith(site_url) else href for href in hrefs]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_typed_dutch_query_finds_the_page_first_or_second(context, site_url, query, expected):
    page = context.new_page()
    page.goto(site_url)
    search(page, query)
    found = result_paths(page, site_url)
    assert expected in found[:2], f"{query!r}: {expected} is not first or second; the results are {found[:6]}"


def test_a_query_without_its_diaeresis_finds_what_the_query_with_it_finds(context, site_url):
    """'geïnterviewden' is only in the evaluation of the covenant; readers type it without the
    diaeresis. (Its authors' pages, which describe the interviews, may rank above it: they are short.)"""
    page = context.new_page()
    page.goto(site_url)
    search(page, "geïnterviewden")
    with_diaeresis = result_paths(page, site_url)
    search(page, "geinterviewden")
    without = result_paths(page, site_url)
    assert "bibliotheek/eindevaluatie-convenant-2016-2020/" in with_diaeresis[:5], with_diaeresis
    assert without == with_diaeresis


def test_a_first_visit_fetches_no_search_data(context, site_url):
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in ("", REGION):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert requested, "the recorder saw nothing"
    fetched = [url for url in requested if "/pagefind/" in url or "search_index" in url or "/search/" in url]
    assert fetched == [], f"search data fetched before the reader searched: {fetched}"
    # Opening the box is what starts loading, before the first letter is typed.
    page.keyboard.press("/")
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/pagefind/pagefind.js") for url in requested)


def test_results_show_type_title_highlighted_excerpt_and_sections(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    search(page, "twente")
    first = page.locator(".ks-resultaat").first
    assert first.locator(".ks-resultaat__soort").inner_text().lower().startswith("regio")
    assert first.locator(".ks-resultaat__kaart .ks-resultaat__link").inner_text() == "Twente"
    marked = first.locator(".ks-resultaat__kaart mark").all_inner_texts()
    assert marked and all("twent" in text.lower() for text in marked), marked
    # Sub-results: sections of the long region page, each linking to its heading.
    sections = first.locator(".ks-resultaat__deel a").evaluate_all("links => links.map(a => a.hash)")
    assert sections and all(hash.startswith("#") for hash in sections), sections
    # Screen readers hear the type and the excerpt with the title link.
    described = first.locator(".ks-resultaat__kaart a").get_attribute("aria-describedby").split()
    assert len(described) == 2 and all(page.locator(f"#{ident}").count() == 1 for ident in described)
    # The announced count is a live region (role status) and matches the results.
    status = page.get_by_role("status").filter(has_text="resultaten voor")
    assert status.count() == 1 and status.inner_text().split()[0].isdigit()


def test_derived_link_lists_do_not_make_a_page_a_result(context, site_url):
    """Fryslân's page lists the session 'Inspiratiesessie Onderwerp of inhoudelijke focus' only as a
    derived link: searching the session's name must not offer the region."""
    page = context.new_page()
    page.goto(site_url)
    search(page, "Inspiratiesessie Onderwerp of inhoudelijke focus")
    found = result_paths(page, site_url)
    assert found[0] == "sessies/2022-02-17-inspiratiesessie-inhoudelijke-focus/", found[:5]
    assert "regions/fryslan/" not in found[:5], found[:5]


def test_filters_from_the_front_matter_narrow_the_results(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    page.keyboard.press("/")
    page.get_by_text("Filters", exact=True).click()
    kind = page.get_by_label("Soort")
    page.wait_for_function("() => document.querySelectorAll('#ks-zoekfilter-soort option').length > 5")
    labels = kind.locator("option").all_inner_texts()
    for label in ("Regio", "Essay", "Leerthema", "Sessie", "Les", "Praktijkvoorbeeld", "Persoon",
                  "Brondocument", "Pagina"):
        assert any(text.startswith(label + " (") for text in labels), (label, labels)
    # A filter without a word lists everything of that kind.
    kind.select_option("Essay")
    page.wait_for_function("() => document.querySelector('.ks-zoeken__status').textContent.includes('(Essay)')")
    types = page.locator(".ks-resultaat__soort").all_inner_texts()
    assert types and all(t.lower().startswith("essay") for t in types), types
    # With a word and a region: only pages of that region.
    kind.select_option("")
    page.get_by_label("Regio", exact=True).select_option("Twente")
    search(page, "bodem")
    found = result_paths(page, site_url)
    assert found and "regions/twente/" in found
    assert all("regions/" not in path or path.startswith("regions/twente/") for path in found), found
    years = page.get_by_label("Jaar").locator("option").all_inner_texts()
    assert any(text.startswith("2022 (") for text in years), years


def test_other_names_are_shown_below_the_title(built_site):
    html = html_file(built_site, "regions/fryslan/").read_text("utf-8")
    assert '<p class="ks-aliassen" data-pagefind-weight="7">Ook bekend als <strong>Friesland</strong>.</p>' in html
    assert html.index("<h1>Fryslân</h1>") < html.index("Ook bekend als") < html.index("In het kort")


def test_keyboard_opens_moves_through_results_and_closes(context, site_url):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + REGION)
    # Focus somewhere in the content, then '/' from there.
    page.locator("article a[href]").first.focus()
    before = page.evaluate("document.activeElement.outerHTML")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "ks-zoekveld"
    page.keyboard.type("bodem", delay=15)
    page.wait_for_function("() => document.querySelectorAll('.ks-resultaat').length > 2")
    links = page.eval_on_selector_all(".ks-zoeken__lijst a", "links => links.map(a => a.href)")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == links[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "ks-zoekveld"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.outerHTML") == before, "focus did not return where it was"
    # Enter in the field opens the first result.
    page.keyboard.press("/")
    page.keyboard.type("Friesland", delay=15)
    page.wait_for_function("() => document.querySelector('.ks-zoeken__status').textContent.includes('Friesland')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/regions/fryslan/")


def test_on_a_phone_the_search_is_full_width_and_gives_focus_back(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                                  locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + REGION)
    field = page.locator("#ks-zoekveld")
    assert not field.is_visible() or field.evaluate("el => getComputedStyle(el).visibility") == "hidden"
    opener = page.get_by_role("button", name="Zoeken", exact=True)
    assert opener.get_attribute("aria-expanded") == "false"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "ks-zoekveld"
    field.press_sequentially("fryslan", delay=15)
    page.wait_for_selector(".ks-resultaat")
    box = page.locator(".ks-zoeken .md-search__inner").bounding_box()
    assert box["x"] == 0 and box["width"] == 375, box
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
    page.get_by_role("button", name="Zoeken sluiten").click()
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Zoeken"
    context.close()


def test_without_javascript_the_search_box_is_a_link_to_an_explanation(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + REGION)
    assert not page.locator("#ks-zoekveld").is_visible()
    assert not page.locator(".ks-zoeken-open").is_visible()
    link = page.locator("a.ks-zoeken-zonder-js")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/over/zoeken/")
    assert "JavaScript" in page.locator("article").inner_text()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_with_results_passes_axe(browser, axe_script, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + REGION)
    search(page, "fryslan")
    page.get_by_text("Filters", exact=True).click()
    page.wait_for_function("() => document.querySelectorAll('#ks-zoekfilter-regio option').length > 2")
    problems = describe(f"{REGION} (zoeken open, {scheme})", axe_violations(page, axe_script))
    assert not problems, "\n".join(problems)
    context.close()
