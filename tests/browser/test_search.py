"""Dutch search: a reader types into Material's search box and finds the page they are after."""

from __future__ import annotations

import pytest

# (what a reader types, a page the results must offer)
QUERIES = [
    # Dutch stemming: the plural finds the essay whose title has the singular 'kennisnetwerk'.
    ("kennisnetwerken", "essays/wanneer-doet-een-kennisnetwerk-wat-het-beoogt/"),
    # A word that appears in Twente's knowledge questions, not in its title.
    ("bodemenergie", "regions/twente/"),
    # Diacritics as written in Dutch.
    ("geïntegreerd", "essays/integraal-en-geintegreerd-werken/"),
    ("Fryslân", "regions/fryslan/"),
    # Facts readers look for (issue 3): who adopted a theme, when a session was, what a region asked.
    ("Samenwerking nationaal", "leerthemas/samenwerking-nationaal/"),
    ("schaalniveau", "sessies/2022-07-06-inspiratiesessie-schaalniveau/"),
    ("verzilting", "regions/noord-holland/"),
]


def result_paths(page, site_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link",
                                      "links => links.map(a => a.href)")
    return [href[len(site_url):].split("?")[0] for href in hrefs]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_typed_dutch_query_finds_the_page(context, site_url, query, expected):
    page = context.new_page()
    page.goto(site_url)
    field = page.get_by_role("textbox", name="Zoeken")
    field.click()
    field.press_sequentially(query, delay=20)
    # The search worker loads the index and the Dutch stemmer in the background; the result
    # count replaces the placeholder once it has answered.
    page.wait_for_function("""() => {
        const meta = document.querySelector('.md-search-result__meta');
        return meta && /overeenkomende? document/.test(meta.textContent);
    }""", timeout=15000)
    # Material shows the results in batches as the reader scrolls; scroll like one.
    for _ in range(5):
        if expected in result_paths(page, site_url):
            break
        page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(200)
    found = result_paths(page, site_url)
    assert expected in found, f"{query!r} does not offer {expected}; it offers {found[:12]}"
