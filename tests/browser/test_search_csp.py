"""What Pagefind needs from a Content-Security-Policy, measured: kennisschakels.search.CSP_NEEDS.

Every HTML page is served with a strict policy in a <meta> tag, as the site does: nothing by
default, the theme's inline scripts by hash, and for search exactly CSP_NEEDS. The search must then
work without a single violation, in the Web Worker and in Pagefind's fallback on the page itself
(a browser without workers, or a policy that blocks them); and each part of CSP_NEEDS is shown to
be needed by taking it away.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from kennisschakels.search import CSP_NEEDS

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def policy(html: str, needs: dict[str, tuple[str, ...]]) -> str:
    """A strict policy for one page: nothing by default, the page's inline scripts (the theme's) by
    hash, and ``needs`` (directive -> sources) on top: script-src gets them besides the hashes,
    any other directive is set to them."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                     for body in INLINE_SCRIPT.findall(html)})
    directives = {
        "default-src": ("'none'",),
        "script-src": (*needs.get("script-src", ()), *hashes),
        "style-src": ("'self'", "'unsafe-inline'"),  # Material sets style attributes from its script
        "img-src": ("'self'", "data:"),
        "font-src": ("'self'",),
        "object-src": ("'none'",),
        "base-uri": ("'self'",),
        "form-action": ("'self'",),
    }
    directives.update({name: sources for name, sources in needs.items() if name != "script-src"})
    return "; ".join(f"{name} {' '.join(sources or (chr(39) + 'none' + chr(39),))}"
                     for name, sources in directives.items())


def search_under(browser, site_url: str, needs: dict, workers: bool = True) -> tuple[bool, list[str]]:
    """Search for 'fryslan' with the policy; (found results, the CSP violations seen)."""
    context = browser.new_context(locale="nl-NL")

    def with_policy(route):
        response = route.fetch()
        body = response.text()
        tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(body, needs)}">'
        route.fulfill(response=response, body=body.replace("<head>", "<head>" + tag, 1))

    context.route(re.compile(r".*/$"), with_policy)
    context.add_init_script("document.addEventListener('securitypolicyviolation', "
                            "e => console.log('CSP: ' + e.violatedDirective + ' ' + e.blockedURI))")
    if not workers:
        context.add_init_script("delete window.Worker")
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(site_url + "regions/twente/")
    assert page.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]') !== null")
    field = page.locator("#ks-zoekveld")
    field.click()
    field.press_sequentially("fryslan", delay=10)
    # The box announces either the count or that searching failed.
    page.wait_for_function("() => document.querySelector('.ks-zoeken__status').textContent.trim() !== ''",
                           timeout=15000)
    found = page.locator(".ks-resultaat").count() > 0
    context.close()
    return found, [m for m in messages if m.startswith("CSP: ") and "sitemap.xml" not in m]


def without(source: str, directive: str) -> dict:
    needs = {name: tuple(s for s in sources if not (name == directive and s == source))
             for name, sources in CSP_NEEDS.items()}
    return needs


def test_csp_needs_is_what_the_module_says():
    assert CSP_NEEDS == {"script-src": ("'self'", "'wasm-unsafe-eval'"), "worker-src": ("'self'",),
                         "connect-src": ("'self'",)}


@pytest.mark.parametrize("workers", [True, False], ids=["in-a-worker", "on-the-page"])
def test_search_works_under_a_strict_policy_with_only_csp_needs(browser, site_url, workers):
    found, violations = search_under(browser, site_url, CSP_NEEDS, workers=workers)
    assert found and violations == [], violations


def test_without_worker_src_pagefind_falls_back_to_the_page(browser, site_url):
    found, violations = search_under(browser, site_url, {**CSP_NEEDS, "worker-src": ("'none'",)})
    assert found, "the fallback on the page did not search"
    assert any(v.startswith("CSP: worker-src") for v in violations), violations


def test_the_fallback_on_the_page_needs_wasm_unsafe_eval(browser, site_url):
    found, violations = search_under(browser, site_url, without("'wasm-unsafe-eval'", "script-src"), workers=False)
    assert not found
    assert any(v.startswith("CSP: script-src wasm-eval") for v in violations), violations


def test_the_fallback_on_the_page_needs_connect_src(browser, site_url):
    found, violations = search_under(browser, site_url, {**CSP_NEEDS, "connect-src": ("'none'",)}, workers=False)
    assert not found
    assert any(v.startswith("CSP: connect-src") and "/pagefind/" in v for v in violations), violations


def test_in_the_worker_the_pages_meta_policy_does_not_apply(browser, site_url):
    """The worker (a same-origin file) has its own policy: with a <meta> policy only script-src
    'self' is needed on the page. A host that sends the policy as a header gives it to the worker
    as well; that is why CSP_NEEDS keeps connect-src and 'wasm-unsafe-eval'."""
    found, violations = search_under(browser, site_url, {"script-src": ("'self'",), "connect-src": ("'none'",)})
    assert found and not any("/pagefind/" in v or "wasm" in v for v in violations), violations
