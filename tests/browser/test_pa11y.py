"""pa11y with the HTML_CodeSniffer runner (WCAG 2.1 AA, errors) on every kind of page, a second
engine beside axe-core: the largest page of each kind (KINDS in conftest.py), an overview with its filter form, and the
search box open with results and filters, in the light and the dark scheme.

pa11y is a Node.js program pinned in tests/a11y/package-lock.json; `python3 scripts/dev.py test`
installs it (npm ci, no browser download: it drives Debian's Chromium). Without Node.js or pa11y
the tests skip, and fail with KENNISSCHAKELS_REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import CHROMIUM, KINDS, unavailable

A11Y = Path(__file__).resolve().parent.parent / "a11y"
# The arguments the issue asks for: no sandbox (root in CI), headless, and nothing in the
# background that could reach the network.
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
OVERVIEW_WITH_FILTERS = "sessies/"
SEARCH_OPEN = [
    "click element #ks-zoekveld",
    "set field #ks-zoekveld to fryslan",
    "wait for element .ks-resultaat to be added",
    "click element .ks-zoeken__filters summary",
    "wait for element #ks-zoekfilter-regio option:nth-child(3) to be added",
]


@pytest.fixture(scope="session")
def pa11y_results(site_url, example_urls, tmp_path_factory) -> dict:
    node = shutil.which("node")
    if not node:
        unavailable("Node.js is not installed (Debian: apt-get install nodejs npm)")
    if not (A11Y / "node_modules" / "pa11y" / "package.json").is_file():
        unavailable("pa11y is not installed: run python3 scripts/dev.py test, or "
                    "PUPPETEER_SKIP_DOWNLOAD=1 npm ci in tests/a11y/")
    if not Path(CHROMIUM).is_file():
        unavailable(f"Chromium is not installed at {CHROMIUM}")
    pages = [{"name": kind, "url": url} for kind, url in example_urls.items()]
    pages += [
        {"name": "overzicht met filters", "url": site_url + OVERVIEW_WITH_FILTERS},
        {"name": "zoeken open", "url": example_urls["region"], "actions": SEARCH_OPEN},
        {"name": "zoeken open, donker", "url": example_urls["region"], "actions": SEARCH_OPEN,
         "colorScheme": "dark"},
        {"name": "essay, donker", "url": example_urls["essay"], "colorScheme": "dark"},
    ]
    work = tmp_path_factory.mktemp("pa11y")
    # A control page with two known errors: the run must find them (see the last test).
    control = work / "fouten.html"
    control.write_text('<!doctype html><html lang="nl"><head><title>Fouten</title></head><body><main>'
                       '<form><input type="text" aria-label="Zoekterm"></form><img src="x.png"></main></body></html>',
                       encoding="utf-8")
    pages.append({"name": "controle", "url": control.as_uri()})
    job = work / "job.json"
    job.write_text(json.dumps({"chromium": CHROMIUM, "args": ARGS, "pages": pages}), encoding="utf-8")
    done = subprocess.run([node, "run.mjs", str(job)], cwd=A11Y, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"pa11y failed:\n{done.stderr[-3000:]}"
    output = json.loads(done.stdout)
    return {"versions": output["versions"], "pages": {p["name"]: p["url"] for p in pages}, **output["results"]}


def describe(url: str, issues: list[dict]) -> str:
    return "\n".join(f"{url}: {i['code']}\n    {i['message']}\n    at {i['selector']}: {i['context'][:160]}"
                     for i in issues)


@pytest.mark.parametrize("name", [*KINDS, "overzicht met filters", "zoeken open", "zoeken open, donker",
                                  "essay, donker"])
def test_pa11y_htmlcs_finds_no_errors(pa11y_results, name):
    if name not in pa11y_results:
        pytest.skip(f"the site has no {name} page yet")
    issues = [i for i in pa11y_results[name] if i["type"] == "error"]
    assert not issues, f"{len(issues)} pa11y error(s):\n" + describe(pa11y_results["pages"][name], issues)


def test_pa11y_is_the_pinned_version(pa11y_results):
    lock = json.loads((A11Y / "package-lock.json").read_text(encoding="utf-8"))
    assert pa11y_results["versions"]["pa11y"] == lock["packages"]["node_modules/pa11y"]["version"]
    assert pa11y_results["versions"]["html_codesniffer"].startswith("2.")


def test_pa11y_finds_a_form_without_submit_button_and_an_image_without_alt(pa11y_results):
    """The audit above would also pass if it checked nothing."""
    codes = {i["code"].split(".")[-2] + "." + i["code"].split(".")[-1] for i in pa11y_results["controle"]}
    assert any("H32" in code for code in codes) and any("H37" in code for code in codes), codes
