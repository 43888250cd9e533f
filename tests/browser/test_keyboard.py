"""A scripted keyboard walk on every kind of page: Tab from the top of the page to the end.

On the largest page of each kind (wide screen): the skip link comes first, then the search box,
then the menu, then the content; every stop shows its focus; the walk reaches the end of the
page (no trap), and the search box, opened on the way by Tab or by '/', closes again: by moving
on with Tab, or with Escape, which puts the focus back where it was. (In a headless browser, Tab
after the last stop goes round to the first one: that is how the walk sees that there is no trap.)
"""

from __future__ import annotations

import pytest

from .conftest import KINDS

# Records every focus change: where on the page it is, and whether the focus can be seen there.
RECORDER = """() => {
  window.__walk = [];
  const place = el =>
    el.matches('.ks-skip') ? 'skip'
    : el.closest('.ks-zoeken, .ks-zoeken-open, .ks-zoeken-zonder-js') ? 'search'
    : el.closest('.md-sidebar--primary') ? 'menu'
    : el.closest('article') ? 'content'
    : el.closest('.md-sidebar--secondary') ? 'toc'
    : el.closest('.md-header') ? 'header'
    : el.closest('.md-footer') ? 'footer' : 'other';
  const outlined = el => {
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  };
  document.addEventListener('focusin', event => {
    const el = event.target, box = el.getBoundingClientRect();
    // A control drawn by the label after it (Material's colour scheme radio buttons, which have
    // no size of their own): the label must show the focus.
    const drawn = box.width > 0 && box.height > 0 ? el : el.nextElementSibling;
    const seen = el.matches(':focus-visible') && Boolean(drawn) && drawn.getClientRects().length > 0
                 && outlined(drawn);
    window.__walk.push({place: place(el), seen, searchOpen: document.getElementById('__search').checked,
                        what: el.outerHTML.slice(0, 120)});
  }, true);
  const focusable = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  return [...document.querySelectorAll(focusable)].filter(el => el.tabIndex >= 0).length;
}"""


NO_ANIMATIONS = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('*, *::before, *::after { transition: none !important; animation: none !important; '
                    + 'scroll-behavior: auto !important; }');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


@pytest.fixture(scope="module")
def walks(browser, example_urls) -> dict[str, tuple[str, list[dict]]]:
    """For each kind of page: its URL and the focus stops of Tab pressed from the top to the end."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    results = {}
    for kind, url in example_urls.items():
        page.goto(url)
        # Without animations each Tab takes a third of the time; focus order and outlines stay.
        # Through the CSSOM: the Content-Security-Policy blocks a <style> element (style-src 'self').
        page.evaluate(NO_ANIMATIONS)
        stops = page.evaluate(RECORDER)
        for _ in range(stops + 5):
            page.keyboard.press("Tab")
        results[kind] = (url, page.evaluate("window.__walk"))
    context.close()
    return results


def first(walk: list[dict], place: str) -> int:
    return next((i for i, stop in enumerate(walk) if stop["place"] == place), -1)


@pytest.mark.parametrize("kind", KINDS)
def test_keyboard_walk(kind, walks):
    if kind not in walks:
        pytest.skip(f"the site has no {kind} page yet")
    path, walk = walks[kind]
    assert walk and walk[0]["place"] == "skip", f"{path}: the first Tab does not reach the skip link: {walk[:1]}"
    # No trap: after the last stop of the page, Tab goes round to the skip link again.
    again = next((i for i, stop in enumerate(walk) if i > 0 and stop["place"] == "skip"), None)
    assert again is not None, f"{path}: Tab never went round the page; it stayed at {walk[-3:]}"
    walk = walk[:again]
    assert walk[-1]["place"] == "footer", f"{path}: the last stop is not in the footer: {walk[-1]}"
    order = [first(walk, place) for place in ("skip", "search", "menu", "content")]
    assert all(i >= 0 for i in order) and order == sorted(order), \
        f"{path}: skip link, search, menu, content not in this order (first stops {order})"
    hidden = [stop["what"] for stop in walk if not stop["seen"]]
    assert not hidden, f"{path}: focus not visible on:\n" + "\n".join(hidden)
    # The search box that Tab opened is closed again once the focus moved on.
    assert not any(stop["searchOpen"] for stop in walk if stop["place"] in ("menu", "content", "footer")), path


@pytest.mark.parametrize("kind", ["start", "region", "essay", "overzicht regions", "404"])
def test_slash_opens_search_and_escape_closes_it_with_focus_back(context, example_urls, kind):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(example_urls[kind])
    page.locator("article a[href]").first.focus()
    before = page.evaluate("document.activeElement.outerHTML")
    page.keyboard.press("/")
    assert page.evaluate("[document.activeElement.id, document.getElementById('__search').checked]") == \
        ["ks-zoekveld", True]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.outerHTML") == before
