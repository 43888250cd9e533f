"""The Content-Security-Policy (kennisschakels/csp.py) breaks nothing: on the largest page of every
kind, and while a reader toggles the colour scheme, filters an overview, searches and opens the
report's PDF, the browser reports no 'securitypolicyviolation' at all. A page with an inline script
of its own would be blocked (the policy really is in force)."""

from __future__ import annotations

import re

import pytest

RECORDER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
                    + `at ${event.sourceFile}:${event.lineNumber} (${event.sample})`);
});
"""


@pytest.fixture
def recording(context):
    context.add_init_script(RECORDER)
    console = []
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    return page, console


def violations(page, console) -> list[str]:
    return page.evaluate("window.__csp") + console


def test_every_kind_of_page_runs_without_violations(recording, example_urls):
    page, console = recording
    for kind, url in example_urls.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert policy and policy.startswith("default-src 'self'"), kind
        assert page.locator('meta[name="referrer"]').get_attribute("content") == "same-origin"
        assert violations(page, console) == [], f"{kind} ({url})"


def test_palette_filters_search_and_pdf_work_under_the_policy(recording, site_url):
    page, console = recording
    page.goto(site_url + "sessies/")
    page.get_by_title("Donkere weergave").click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    everything = page.locator(".ks-item:not([hidden])").count()
    # The list's own filter form (the search box in the header has a 'Regio' filter too).
    page.get_by_role("form", name="Lijst filteren").get_by_label("Regio").select_option(label="Noord-Holland")
    assert 0 < page.locator(".ks-item:not([hidden])").count() < everything
    field = page.locator("#ks-zoekveld")
    field.click()
    field.press_sequentially("bodem", delay=20)
    page.wait_for_selector(".ks-resultaat", timeout=15000)  # Pagefind's worker and WebAssembly ran
    page.keyboard.press("Escape")
    page.goto(site_url + "rapportages/")
    link = page.locator('a[href$=".pdf"]').first
    href = link.get_attribute("href")
    response = page.request.get(re.sub(r"[^/]*$", "", page.url) + href)
    assert response.ok and response.body().startswith(b"%PDF")
    assert violations(page, console) == []


def test_the_policy_blocks_an_inline_script_of_content(recording, site_url):
    """Proof that the policy is enforced: a script added to the page's HTML does not run."""
    page, console = recording
    html = page.request.get(site_url).text()
    injected = html.replace("</article>", "<script>window.__ran = true</script></article>", 1)
    page.route(site_url, lambda route: route.fulfill(body=injected, content_type="text/html; charset=utf-8"))
    page.goto(site_url)
    assert page.evaluate("window.__ran === undefined")
    assert any("script-src" in v for v in violations(page, console))
