"""Issue 15: contributing from a region page, publishing from GitHub Actions, and the preview of a
pull request that a reviewer downloads.

- every region page proposes a new session in GitHub's web editor, pre-filled for that region;
- on GitHub Actions the build takes the repository and the Pages address from the environment, and
  ``check --publiceren`` refuses the placeholder repository elsewhere;
- the preview artifact of a pull request (the site, bekijken.py, LEESMIJ.txt) serves the site on
  127.0.0.1 with its folders and its search files.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import icalendar
import pytest
import yaml

from conftest import MINIMAL, QUIET, ROOT, copy_repo, write
from kennisschakels.classify import classify
from kennisschakels.load import load_catalogue
from kennisschakels.model.declarations import TYPES
from kennisschakels.scaffolds import template

GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "owner/repo"}
SESSIONS_FOLDER = TYPES["session"].path.folder  # docs/sessies


def environment(**extra: str) -> dict[str, str]:
    """This process's environment without GitHub's variables (the tests also run on GitHub Actions),
    with ``extra`` added."""
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_ACTIONS")}
    return {**env, **QUIET, **extra}


# ----------------------------------------------------------------------------- 12. propose a session

def proposal_link(page: str) -> str:
    links = re.findall(r'<a href="([^"]+)">Nieuwe sessie voorstellen</a>', page)
    assert len(links) == 1, links
    return html.unescape(links[0])


def test_every_region_page_proposes_a_session_in_the_web_editor_pre_filled_for_that_region(built_site):
    regions = load_catalogue(built_site.parent).of("region")
    assert len(regions) >= 8
    for region in regions:
        page = (built_site / "regions" / region.id / "index.html").read_text(encoding="utf-8")
        url = urlsplit(proposal_link(page))
        # GitHub's web editor on a new file in the sessions folder of the repository.
        match = re.fullmatch(r"/([^/]+)/([^/]+)/new/main/(.+)", unquote(url.path))
        assert url.scheme == "https" and url.netloc == "github.com" and match, url
        assert match[3] == SESSIONS_FOLDER, region.id
        query = parse_qs(url.query)
        (filename,) = query["filename"]
        # The placeholder name is a session's name to be, refused until the writer puts in the date.
        problems = classify(f"{match[3]}/{filename}", TYPES)
        assert isinstance(problems, list) and "begint niet met een datum" in str(problems[0]), filename
        (value,) = query["value"]
        meta = yaml.safe_load(value.split("---\n")[1])
        assert meta["regions"] == [region.id], (region.id, meta)
        # The rest is the session template itself.
        assert meta["title"] == yaml.safe_load(template("sessie").split("---\n")[1])["title"]


# ----------------------------------------------------------------------------- 13. GitHub Actions

@pytest.fixture(scope="module")
def on_github(tmp_path_factory) -> Path:
    """The minimal tree built as GitHub Actions builds it: mkdocs.yml still has the placeholder
    repo_url and no site_url; GITHUB_SERVER_URL and GITHUB_REPOSITORY name the repository."""
    root = copy_repo(tmp_path_factory.mktemp("actions"), content=False)
    write(root, MINIMAL)
    assert "repo_url: https://github.com/ORGANISATIE/" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nsite_url:" not in (root / "mkdocs.yml").read_text(encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True,
                            text=True, env=environment(SOURCE_DATE_EPOCH="1700000000", **GITHUB))
    assert result.returncode == 0, result.stderr
    return root


def test_on_github_actions_edit_and_new_file_links_point_at_the_repository_being_built(on_github):
    site = on_github / "site"
    region = html.unescape((site / "regions/regio-1/index.html").read_text(encoding="utf-8"))
    assert 'href="https://github.com/owner/repo/edit/main/regions/regio-1/index.md"' in region
    for folder in ("regions/regio-1/updates", "regions/regio-1/praktijk", "docs/sessies"):
        assert f'href="https://github.com/owner/repo/new/main/{folder}?filename=' in region, folder
    assert 'href="https://github.com/owner/repo/blob/main/CONTRIBUTING.md"' in region
    theme = html.unescape((site / "leerthemas/theme-1/index.html").read_text(encoding="utf-8"))
    assert 'href="https://github.com/owner/repo/edit/main/docs/leerthemas/theme-1.md"' in theme
    # Not one page keeps a link to the placeholder repository (a GitHub 404 for every reader).
    placeholder = [p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if "ORGANISATIE" in p.read_text(encoding="utf-8")]
    assert placeholder == []


def test_on_github_actions_feeds_calendars_and_canonical_links_use_the_pages_address(on_github):
    site = on_github / "site"
    pages = "https://owner.github.io/repo/"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    essays = ET.parse(site / "feeds/essays.xml").getroot()
    assert essays.find("a:id", ns).text == pages + "feeds/essays.xml"
    links = [e.find("a:link", ns).get("href") for e in essays.findall("a:entry", ns)]
    assert links == [pages + "essays/essay-1/"]
    updates = ET.parse(site / "feeds/updates.xml").getroot()
    assert [e.find("a:link", ns).get("href") for e in updates.findall("a:entry", ns)] == [
        pages + "regions/regio-1/updates/2022-09-21-update-1/"]
    (event,) = icalendar.Calendar.from_ical((site / "sessies/kalender.ics").read_bytes()).walk("VEVENT")
    assert str(event["URL"]) == pages + "sessies/2022-09-21-session-1/"
    assert f'<link rel="canonical" href="{pages}regions/regio-1/">' in (site / "regions/regio-1/index.html").read_text("utf-8")


def publish_check(root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kennisschakels", "check", "--publiceren"], cwd=root,
                          capture_output=True, text=True, env=environment(**env))


def test_publishing_is_refused_with_the_placeholder_repository_unless_github_names_it(tree):
    refused = publish_check(tree)
    assert refused.returncode == 1
    assert ("mkdocs.yml:1: repo_url: is nog het voorbeeldadres (https://github.com/ORGANISATIE/kennisschakels); vul "
            "het adres van de GitHub-repository in, of publiceer vanuit GitHub Actions") in refused.stderr
    assert "er is niets gebouwd" in refused.stderr
    accepted = publish_check(tree, **GITHUB)
    assert accepted.returncode == 0, accepted.stderr
    assert "Inhoud in orde" in accepted.stdout
    # The placeholder review team is only a warning: GitHub would ask nobody to review pull requests.
    assert "extra.kennisschakels.redactie is nog het voorbeeldteam (@ORGANISATIE/" in accepted.stdout
    # The plain check (a contributor's) does not ask for a repository.
    plain = subprocess.run([sys.executable, "-m", "kennisschakels", "check"], cwd=tree, capture_output=True,
                           text=True, env=environment())
    assert plain.returncode == 0, plain.stderr


def test_the_publishing_workflow_runs_the_publishing_check_before_it_builds():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["bouwen"]["steps"]]
    checks = [i for i, run in enumerate(runs) if "check --publiceren" in run]
    builds = [i for i, run in enumerate(runs) if "dev.py build" in run]
    assert checks and builds and checks[0] < builds[0], runs


# ----------------------------------------------------------------------------- 14. the preview artifact

def preview_steps() -> tuple[dict, dict]:
    """The step that lays out the preview and the step that uploads it, in the pull-request workflow."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["controle"]["steps"]
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    (upload,) = uploads
    folder = upload["with"]["path"].rstrip("/")
    (prepare,) = [s for s in steps if f"{folder}/" in s.get("run", "")]
    assert steps.index(prepare) < steps.index(upload)
    build = next(i for i, s in enumerate(steps) if "dev.py build" in s.get("run", ""))
    assert build < steps.index(prepare), "the preview is laid out before the site is built"
    return prepare, upload


@pytest.fixture(scope="module")
def preview(built_site, tmp_path_factory) -> Path:
    """The preview folder exactly as the workflow lays it out, from a built site."""
    prepare, upload = preview_steps()
    work = tmp_path_factory.mktemp("pr")
    shutil.copytree(built_site, work / "site")
    (work / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts/voorbeeld.py", work / "scripts/voorbeeld.py")
    done = subprocess.run(["bash", "-e", "-c", prepare["run"]], cwd=work, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return work / upload["with"]["path"]


def test_the_preview_artifact_holds_the_site_a_script_to_view_it_and_instructions(preview):
    assert sorted(p.name for p in preview.iterdir()) == ["LEESMIJ.txt", "bekijken.py", "site"]
    assert (preview / "site/index.html").is_file() and (preview / "site/pagefind/pagefind.js").is_file()
    instructions = (preview / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "python3 bekijken.py" in instructions and "Ctrl+C" in instructions


def fetch(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


@pytest.fixture(scope="module")
def served(preview):
    """``python3 bekijken.py`` in the unpacked preview, as LEESMIJ.txt says (no argument); the
    browser it would open is a no-op. Yields the address it prints."""
    process = subprocess.Popen([sys.executable, "bekijken.py"], cwd=preview, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1", "BROWSER": "true"})
    try:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        assert match, (line, process.stderr.read() if process.poll() is not None else "")
        url = match[1]
        for _ in range(50):
            try:
                fetch(url)
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()
        process.stderr.close()


def test_the_preview_serves_folders_as_their_pages_on_the_local_machine_only(served):
    assert urlsplit(served).hostname == "127.0.0.1"
    status, kind, body = fetch(served + "regions/")
    page = html.unescape(body.decode("utf-8"))
    assert status == 200 and kind.startswith("text/html")
    assert "<h1>Regio's</h1>" in page and "Directory listing" not in page
    assert 'href="fryslan/"' in page or 'href="./fryslan/"' in page


def test_the_preview_serves_the_search_files(served):
    status, kind, body = fetch(served + "pagefind/pagefind.js")
    assert status == 200 and "javascript" in kind and body
    status, kind, _ = fetch(served + "pagefind/wasm.nl.pagefind")
    assert status == 200
