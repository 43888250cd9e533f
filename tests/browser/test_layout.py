"""Issue 15: the wide overviews on a phone (375 px) and on a laptop (1280 px).

- The themes overview (docs/leerthemas/index.md) is a card per theme: nothing is cut off and the
  'Begeleiding' line of every theme can be read.
- The region x theme matrix (docs/overzichten/regio-thema-matrix.md) has numbers as column headers,
  with a legend, so no theme name is wrapped letter by letter; if the table is wider than the
  screen it scrolls inside its own region, which the keyboard can reach; the page itself never
  scrolls sideways.
- At 1280 px no column of either is clipped.
"""

from __future__ import annotations

import pytest

from kennisschakels.load import load_catalogue

THEMES = "leerthemas/"
MATRIX = "overzichten/regio-thema-matrix/"
WIDTHS = [375, 1280]


@pytest.fixture(scope="module")
def themes(built_site):
    return load_catalogue(built_site.parent).of("theme")


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(browser, request):
    width = request.param
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone,
                                  device_scale_factor=2 if phone else 1, locale="nl-NL")
    yield context.new_page()
    context.close()


def sideways(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")


# Every element inside ``root`` whose box sticks out of it on the left or right (1 px slack).
OUTSIDE = """root => [...root.querySelectorAll('*')].filter(el => {
    const box = root.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).position === 'absolute') return false;
    return r.left < box.left - 1 || r.right > box.right + 1;
}).map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 40))"""


# ----------------------------------------------------------------------------- themes overview

def test_every_theme_is_a_card_with_nothing_cut_off(page, site_url, themes):
    page.goto(site_url + THEMES)
    assert sideways(page) <= 0, "the page scrolls sideways"
    cards = page.locator("article .ks-card")
    assert cards.count() == len(themes) == 8
    width = page.viewport_size["width"]
    for index in range(cards.count()):
        card = cards.nth(index)
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (index, box)
        assert card.evaluate("el => el.scrollWidth <= el.clientWidth"), index
        outside = card.evaluate(OUTSIDE)
        assert outside == [], (index, outside)


def test_the_guidance_line_of_every_theme_is_visible(page, site_url, themes):
    page.goto(site_url + THEMES)
    width = page.viewport_size["width"]
    for theme in themes:
        card = page.locator("article .ks-card").filter(has=page.locator(f'h3 a[href$="{theme.id}/"]'))
        assert card.count() == 1, theme.id
        line = card.locator("li").filter(has_text="Begeleiding:")
        assert line.count() == 1 and line.is_visible(), theme.id
        line.scroll_into_view_if_needed()
        box = line.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (theme.id, box)
        experts = [e.title for e in theme.experts] or ["geen"]
        assert all(name in line.inner_text() for name in experts), (theme.id, line.inner_text())


# ----------------------------------------------------------------------------- region x theme matrix

def test_matrix_columns_are_numbered_with_a_legend_of_the_theme_names(page, site_url, themes):
    page.goto(site_url + MATRIX)
    table = page.locator("article table.ks-matrix")
    headers = table.locator("thead th").all_inner_texts()
    assert headers == ["Regio", *[str(t.number) for t in themes], "Aantal"]
    titles = table.locator("thead th abbr").evaluate_all("abbrs => abbrs.map(a => a.title)")
    assert titles == [t.title for t in themes]
    # The legend under the table names every number, each linked to its theme.
    legend = page.locator("article ol").filter(has=page.locator(f'a[href$="{themes[0].id}/"]')).last
    items = legend.locator("li").all_inner_texts()
    assert items == [t.title for t in themes]
    # Its numbers (the list's own counter) are the column numbers.
    start = legend.evaluate("ol => ol.start")
    assert [start + i for i in range(len(items))] == [t.number for t in themes]


LINES = """cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 1 && r.height > 1)
                                                     .map(r => Math.round(r.top)));
    return tops.size;
}"""


def test_no_header_of_the_matrix_wraps(page, site_url):
    page.goto(site_url + MATRIX)
    table = page.locator("article table.ks-matrix")
    cells = table.locator("thead th, tbody th")
    wrapped = [(text, lines) for text, lines in zip(cells.all_inner_texts(), cells.evaluate_all(
        f"cells => cells.map({LINES})")) if lines != 1]
    assert wrapped == [], wrapped


def test_the_matrix_page_never_scrolls_sideways_and_the_table_scrolls_in_its_own_region(page, site_url):
    page.goto(site_url + MATRIX)
    assert sideways(page) <= 0, "the page scrolls sideways"
    region = page.locator("article .ks-scroll")
    assert region.count() == 1
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
    assert region.locator("table.ks-matrix").count() == 1
    # Keyboard users reach the region (and can scroll it with the arrow keys).
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('ks-scroll')")
    overflow = region.evaluate("el => el.scrollWidth - el.clientWidth")
    if overflow > 0:
        assert region.evaluate("el => getComputedStyle(el).overflowX") in ("auto", "scroll")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.ks-scroll').scrollLeft > 0")
        region.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    # Scrolled to its end if need be, the last column is inside the region: nothing is cut off.
    box = region.evaluate("el => { const r = el.getBoundingClientRect(); return {left: r.left, right: r.right}; }")
    last = region.locator("tr > :last-child").evaluate_all(
        "cells => cells.map(c => { const r = c.getBoundingClientRect(); return [c.textContent.trim(), r.left, r.right]; })")
    assert last[0][0] == "Aantal"
    assert all(box["left"] - 1 <= left and right <= box["right"] + 1 for _, left, right in last), (box, last)
    assert sideways(page) <= 0


@pytest.mark.parametrize("path", [THEMES, MATRIX])
def test_at_1280_px_no_column_is_clipped(browser, site_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.goto(site_url + path)
    assert sideways(page) <= 0
    clipped = page.evaluate("""() => {
        const found = [];
        for (const cell of document.querySelectorAll('article th, article td, article .ks-card li')) {
            let box = {left: 0, right: innerWidth};
            for (let el = cell.parentElement; el; el = el.parentElement) {
                const x = getComputedStyle(el).overflowX;
                if (x === 'auto' || x === 'scroll' || x === 'hidden') { box = el.getBoundingClientRect(); break; }
            }
            const r = cell.getBoundingClientRect();
            if (r.left < box.left - 1 || r.right > box.right + 1) found.push(cell.textContent.trim().slice(0, 40));
        }
        return found;
    }""")
    context.close()
    assert clipped == [], clipped
