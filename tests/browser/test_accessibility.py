"""WCAG 2.1 AA in a real browser: axe-core on every kind of page (the largest of each kind, see
KINDS in conftest.py; in the dark scheme on the largest page of each content type), the skip link
on every page, visible keyboard focus and the dark colour scheme."""

from __future__ import annotations

import pytest

from kennisschakels.model.declarations import OVERVIEW, TYPES

from .conftest import DARK_KINDS, KINDS, html_file, unavailable

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ESSAY = "essays/wanneer-doet-een-kennisnetwerk-wat-het-beoogt/"


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core as bundled in the pinned axe-playwright-python package (no Node needed)."""
    try:
        from axe_playwright_python.base import AXE_SCRIPT
    except ImportError:
        unavailable("the Python package axe-playwright-python is not installed (see requirements-dev.txt)")
    return AXE_SCRIPT


def axe_violations(page, axe_script: str) -> list[dict]:
    """The WCAG 2.0/2.1 A and AA violations axe-core finds on the loaded page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                           " resultTypes: ['violations']})", WCAG_21_AA)
    return result["violations"]


def describe(path: str, violations: list[dict]) -> list[str]:
    return [f"{path}: {v['id']} ({v['impact']}): {v['help']}\n    at {' '.join(node['target'])}: "
            f"{node['failureSummary']}".replace("\n  ", " ")
            for v in violations for node in v["nodes"]]


def audit(browser, axe_script: str, urls: list[str], scheme: str) -> dict[str, list[dict]]:
    """axe-core on each URL in one browser tab, page after page."""
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    results = {}
    for url in urls:
        page.goto(url)
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default"), url
        results[url] = axe_violations(page, axe_script)
    context.close()
    return results


@pytest.fixture(scope="session")
def axe_light(browser, axe_script, example_urls) -> dict[str, list[dict]]:
    """axe-core in the light scheme on one page of every kind."""
    return audit(browser, axe_script, list(example_urls.values()), "light")


@pytest.fixture(scope="session")
def axe_dark(browser, axe_script, example_urls) -> dict[str, list[dict]]:
    """axe-core in the dark scheme on the largest page of each content type, the start page and the
    404 page (the colours are one stylesheet on every page; the components differ per kind)."""
    return audit(browser, axe_script, [example_urls[k] for k in DARK_KINDS if k in example_urls], "dark")


def test_the_audited_kinds_cover_every_declared_type_and_overview(site_pages, example_urls):
    """Every content type, every overview a page can show, the report pages, the start and 404
    pages: each kind is audited on a page, and every page of the site is of one of these kinds."""
    declared = {name for name in TYPES.names() if name != "page"} | {f"overzicht {o}" for o in OVERVIEW.choices}
    assert declared | {"start", "rapport", "rapporthoofdstuk", "404"} <= set(KINDS)
    assert sorted(set(KINDS) - set(example_urls)) == [], "kinds without a page to audit"
    assert set(site_pages.values()) <= set(KINDS)
    assert len(site_pages) > 100  # the real site, not a stub
    assert set(DARK_KINDS) <= set(KINDS)


def assert_no_violations(kind: str, example_urls: dict[str, str], audited: dict[str, list[dict]], scheme: str):
    if kind not in example_urls:
        pytest.skip(f"no {kind} page (see test_the_audited_kinds_cover_every_declared_type_and_overview)")
    url = example_urls[kind]
    problems = describe(url, audited[url])
    assert not problems, f"{len(problems)} axe violation(s) on the {kind} page, {scheme} scheme:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_page_passes_axe_wcag21_aa_in_the_light_scheme(kind, example_urls, axe_light):
    assert_no_violations(kind, example_urls, axe_light, "light")


@pytest.mark.parametrize("kind", DARK_KINDS)
def test_pages_pass_axe_wcag21_aa_in_the_dark_scheme(kind, example_urls, axe_dark):
    assert_no_violations(kind, example_urls, axe_dark, "dark")


def test_the_axe_check_finds_a_missing_alt_text_and_low_contrast(context, axe_script, site_url):
    """The audit above would also pass if it checked nothing; show that it catches real faults."""
    page = context.new_page()
    page.goto(site_url + ESSAY)
    page.evaluate("""() => {
        const article = document.querySelector('article');
        article.insertAdjacentHTML('afterbegin',
            '<img src="../../assets/images/favicon.png"><p id="ks-grijs">Lichtgrijze tekst</p>');
        // Through the CSSOM: the Content-Security-Policy blocks style attributes (style-src 'self').
        const grey = document.getElementById('ks-grijs');
        grey.style.color = '#bbbbbb';
        grey.style.background = '#ffffff';
    }""")
    found = {v["id"] for v in axe_violations(page, axe_script)}
    assert {"image-alt", "color-contrast"} <= found


def test_tab_from_the_top_shows_a_skip_link_to_the_page_title(context, site_url):
    page = context.new_page()
    page.goto(site_url + ESSAY)
    page.keyboard.press("Tab")
    focused = page.evaluate("""() => {
        const el = document.activeElement, box = el.getBoundingClientRect();
        return {text: el.textContent.trim(), href: el.getAttribute('href'),
                inView: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
                        && box.bottom <= innerHeight && box.right <= innerWidth};
    }""")
    assert focused["text"] == "Ga naar inhoud" and focused["inView"], focused
    # Material fades the link in; a reader sees it once it is opaque.
    # (Predicates are functions: a string would be eval'ed in the page, which the CSP forbids.)
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=2000)

    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#inhoud'")
    # The title is in view below the sticky header, and the next Tab stays in the content
    # instead of going through the header and the navigation.
    title_in_view = page.evaluate("""() => {
        const h1 = document.querySelector('article h1').getBoundingClientRect();
        const header = document.querySelector('.md-header').getBoundingClientRect();
        return h1.top >= header.bottom - 1 && h1.bottom <= innerHeight;
    }""")
    assert title_in_view
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null"), \
        page.evaluate("document.activeElement.outerHTML.slice(0, 200)")


def test_every_page_has_a_skip_link_with_its_target(built_site, site_pages):
    """Also pages without subheadings, where Material has none."""
    for path in site_pages:
        html = html_file(built_site, path).read_text("utf-8")
        assert html.count('<a href="#inhoud" class="md-skip ks-skip">') == 1, path
        assert html.count('id="inhoud"') == 1, path


def test_keyboard_focus_is_visible_on_every_tab_stop(context, site_url):
    """The first 40 tab stops of an essay (header, navigation, content): each shows an outline."""
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + ESSAY)
    invisible = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {what: el.outerHTML.slice(0, 120), visible: el.matches(':focus-visible'),
                    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
        }""")
        if not (focus["visible"] and focus["outline"]):
            invisible.append(focus["what"])
    assert not invisible, "tab stops without a visible focus outline:\n" + "\n".join(invisible)


def test_dark_scheme_can_be_chosen_and_is_remembered(context, site_url):
    page = context.new_page()
    page.goto(site_url + ESSAY)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.get_by_title("Donkere weergave").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    # The page itself is dark, not only the attribute.
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(c) for c in background[background.index("(") + 1:-1].split(",")[:3])
    assert max(red, green, blue) < 64, background
    page.get_by_title("Lichte weergave").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
