"""Filters enhance the server-rendered lists: choosing a value narrows the list and the URL."""

from __future__ import annotations


def controls(page):
    """The list's own filter form (the search box in the header has filters with the same names)."""
    return page.get_by_role("form", name="Lijst filteren")


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(
        ".ks-item:not([hidden]) strong a", "links => links.map(a => a.textContent.trim())")


def test_full_list_is_there_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "sessies/")
    assert len(visible_titles(page)) >= 16
    assert page.query_selector(".ks-filter-form") is None  # controls only come with JavaScript
    context.close()


def test_choosing_a_region_narrows_the_sessions_and_is_shared_in_the_url(context, site_url):
    page = context.new_page()
    page.goto(site_url + "sessies/")
    everything = visible_titles(page)
    controls(page).get_by_label("Regio").select_option(label="Noord-Holland")
    narrowed = visible_titles(page)
    assert 0 < len(narrowed) < len(everything)
    assert "Inspiratiesessie Schaalniveau van een schakelfunctie" in narrowed
    assert page.get_by_role("status").inner_text() == f"{len(narrowed)} van {len(everything)} getoond"
    assert page.url.endswith("?regio=noord-holland")
    # Someone opening the shared link sees the same narrowed list.
    shared = context.new_page()
    shared.goto(page.url)
    assert visible_titles(shared) == narrowed
    assert controls(shared).get_by_label("Regio").input_value() == "noord-holland"


def test_theme_and_kind_filters_combine(context, site_url):
    page = context.new_page()
    page.goto(site_url + "sessies/?soort=inspiratiesessie")
    sessions = visible_titles(page)
    assert sessions and all(title.startswith("Inspiratiesessie") for title in sessions)
    controls(page).get_by_label("Leerthema").select_option(label="4. Schaalniveau van een schakelfunctie")
    assert visible_titles(page) == ["Inspiratiesessie Schaalniveau van een schakelfunctie"]
