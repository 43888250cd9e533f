"""ENGINE CHECK (issue 17, MIGRATION.md): ProperDocs builds this repository to the same pages as MkDocs.

Why this test exists: MkDocs 1.6.1 is unmaintained and Material for MkDocs reaches end of life on
5 May 2027. ProperDocs is a maintained drop-in fork of MkDocs 1.6 and our fallback engine: if MkDocs
breaks before we have moved on, the site must still build with ``properdocs build``. This test keeps
that fallback honest. It builds the real repository with the pinned ProperDocs (requirements-dev.txt)
and compares the set of built files with the normal MkDocs build (the ``built_site`` fixture): every
file, HTML pages first, nothing left out. It compares sets of paths, not HTML, so it stays valid while
the adapter, the overviews and the search change (both engines run the same code).

One virtual environment holds both engines. ProperDocs' command line redirects every ``mkdocs.*``
import to ``properdocs.*`` (``properdocs/replacement.py`` in ProperDocs 1.6.7), so Material and our
adapter (hooks/adapter.py) run on ProperDocs in that process, while ``python -m mkdocs`` keeps running MkDocs
itself. ProperDocs needs no dependency that requirements.txt does not already pin.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_repo

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}  # the same as the built_site fixture


def pinned_properdocs() -> str:
    """The ProperDocs version that requirements-dev.txt pins: the one this test is about."""
    text = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    match = re.search(r"^properdocs==(\S+)", text, re.MULTILINE)
    assert match, "requirements-dev.txt moet ProperDocs vastpinnen (properdocs==...)"
    return match.group(1)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **EPOCH})


def built_files(site: Path) -> tuple[set[str], set[str]]:
    """(HTML pages, every other file) of a built site, as paths relative to the site."""
    paths = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    pages = {p for p in paths if p.endswith(".html")}
    return pages, paths - pages


def difference(name: str, mkdocs: set[str], properdocs: set[str]) -> str:
    only_mkdocs, only_properdocs = sorted(mkdocs - properdocs), sorted(properdocs - mkdocs)
    return (f"{name}: {len(mkdocs)} met MkDocs, {len(properdocs)} met ProperDocs; "
            f"alleen MkDocs: {only_mkdocs}; alleen ProperDocs: {only_properdocs}")


def test_properdocs_is_the_pinned_version_and_stands_in_for_mkdocs():
    version = run("-m", "properdocs", "--version")
    assert version.returncode == 0, version.stderr
    assert f"version {pinned_properdocs()} " in version.stdout, version.stdout
    # What makes Material and hooks/adapter.py work unchanged: their mkdocs imports get ProperDocs.
    alias = run("-c", "import properdocs.replacement, mkdocs.plugins; print(mkdocs.plugins.__name__)")
    assert alias.returncode == 0, alias.stderr
    assert alias.stdout.strip() == "properdocs.plugins"


def test_properdocs_builds_the_same_pages_as_mkdocs(built_site, tmp_path):
    (tmp_path / "repo").mkdir()
    root = copy_repo(tmp_path / "repo")
    site = tmp_path / "site-properdocs"
    # The config file is named explicitly (ProperDocs' fallback to the name mkdocs.yml is deprecated),
    # as an absolute path: the hooks resolve the repository from it.
    result = run("-m", "properdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml"),
                 "--site-dir", str(site), cwd=root)
    assert result.returncode == 0, result.stderr
    mkdocs_pages, mkdocs_other = built_files(built_site)
    properdocs_pages, properdocs_other = built_files(site)
    assert "index.html" in mkdocs_pages, "de MkDocs-bouw leverde geen startpagina"
    assert properdocs_pages == mkdocs_pages, difference("HTML-pagina's", mkdocs_pages, properdocs_pages)
    assert properdocs_other == mkdocs_other, difference("overige bestanden", mkdocs_other, properdocs_other)
