"""Privacy as docs/over/privacy.md promises it: no requests to other hosts, no cookies, and in the
browser's storage only the chosen colour scheme. Also the published security.txt."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest


@pytest.fixture(scope="module")
def visit(browser, example_urls):
    """A reader's visit in a fresh profile: the largest page of each kind, then a search, so
    Pagefind loads its index too. Yields the page and every URL the browser requested."""
    context = browser.new_context(locale="nl-NL")
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for url in example_urls.values():
        page.goto(url)
    field = page.get_by_role("searchbox", name="Zoeken in de kennisbank")
    field.click()
    field.press_sequentially("bodem", delay=20)
    page.wait_for_selector(".ks-resultaat", timeout=15000)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Escape")  # close the search again
    yield page, requested
    context.close()


def test_pages_request_nothing_from_other_hosts_and_set_no_cookies(visit):
    page, requested = visit
    # The recorder saw the pages, their assets and Pagefind's downloads (also its worker's).
    assert any(url.endswith("/pagefind/pagefind.js") for url in requested)
    assert any(url.endswith("/pagefind/wasm.nl.pagefind") for url in requested)
    assert any(url.endswith(".pf_fragment") for url in requested)
    elsewhere = sorted({url for url in requested
                        if urlsplit(url).scheme not in ("data", "blob")
                        and urlsplit(url).hostname != "127.0.0.1"})
    assert not elsewhere, "requests to other hosts:\n" + "\n".join(elsewhere)
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""


def test_browser_storage_holds_only_the_colour_scheme(visit, site_url):
    page, _ = visit
    page.get_by_title("Donkere weergave").click()
    local = page.evaluate("Object.keys(localStorage)")
    assert local == [f"{urlsplit(site_url).path}.__palette"]
    assert '"scheme":"slate"' in page.evaluate("key => localStorage.getItem(key)", local[0])
    assert page.evaluate("Object.keys(sessionStorage)") == []


def test_security_txt_is_published_with_a_contact_and_a_future_expiry(built_site):
    path = built_site / ".well-known" / "security.txt"
    assert path.is_file(), "MkDocs skipped docs/.well-known/ (needs exclude_docs: '!.well-known/')"
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition(":")
            fields.setdefault(name.strip(), []).append(value.strip())
    assert all(re.match(r"(mailto:|https://)", contact) for contact in fields["Contact"])
    (expires,) = fields["Expires"]
    # RFC 9116 advises less than a year ahead: this test fails when nobody renews the file.
    remaining = datetime.fromisoformat(expires.replace("Z", "+00:00")) - datetime.now(timezone.utc)
    assert timedelta(0) < remaining <= timedelta(days=366), f"Expires {expires}: renew security.txt"


def test_security_page_and_security_txt_name_the_same_contact(built_site):
    """The address lives in mkdocs.yml (extra.contact) and, for RFC 9116, in security.txt."""
    page = (built_site / "over" / "security" / "index.html").read_text(encoding="utf-8")
    txt = built_site / ".well-known" / "security.txt"
    contacts = [line.split(":", 1)[1].strip() for line in txt.read_text(encoding="utf-8").splitlines()
                if line.startswith("Contact:")] if txt.is_file() else []
    assert contacts and all(f'href="{contact}"' in page for contact in contacts)
