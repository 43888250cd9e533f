"""Shared fixtures: copies of the repository, a minimal valid content tree, and site builds.

Most tests need no build: they check a tree in-process (``kennisschakels.load.check``) or ask
the pipeline for a page (``Site.page``). Real MkDocs builds are grouped in session fixtures
(``built_site``: the real site; ``exported_site``: its export, built by plain MkDocs) and in a
few tests marked ``slow``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from kennisschakels.load import check as check_tree
from kennisschakels.model.examples import document, example_tree
from kennisschakels.settings import load_settings
from kennisschakels.site import Site, load_site

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
# What a build needs besides content; content roots are copied separately.
BUILD_FILES = ("mkdocs.yml", "hooks", "overrides", "kennisschakels")
CONTENT_ROOTS = ("docs", "essays", "regions")
# The fixed build date of every build the tests compare (reproducible output).
EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}
QUIET = {"NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner: known, keeps stderr readable
# Settings of an in-process site built from a test tree: the repository's mkdocs.yml.
SETTINGS = load_settings(ROOT)

# A small valid tree with one file of every declared type, made from the declarations: a new type
# or key is covered without editing this file. Tests write their own additions over it.
MINIMAL: dict[str, str] = example_tree()


BUILD_FIXTURES = {"built_site", "exported_site", "site_url", "site_pages", "example_urls", "example_site"}


# The hand-written tree of the old suite (Twente, een-essay, ...), for tests/test_safety_corpus.py until
# it moves to the example tree above. Prefer MINIMAL: it follows the declarations.
LEGACY_MINIMAL = {
    "essays/index.md": """
        ---
        title: Essays
        description: Alle essays.
        overview: essays
        ---
        """,
    "docs/index.md": """
        ---
        title: Start
        description: Startpagina.
        ---
        Welkom.
        """,
    "docs/leerthemas/samenwerking-nationaal.md": """
        ---
        title: Samenwerking nationaal
        description: Over samenwerken met landelijke partijen.
        number: 8
        category: positionering
        experts:
          - willem-hendriks
        ---
        Tekst.
        """,
    "docs/leerthemas/bestuur-en-verankering.md": """
        ---
        title: Bestuur en verankering
        description: Over bestuurlijke verankering.
        number: 1
        category: organiseren
        ---
        Tekst.
        """,
    "docs/mensen/willem-hendriks.md": """
        ---
        title: Willem Hendriks
        description: Expert.
        ---
        Tekst.
        """,
    "docs/sessies/2022-11-10-nationaal.md": """
        ---
        title: Inspiratiesessie samenwerking nationaal
        description: Sessie.
        date: 2022-11-10
        kind: inspiratiesessie
        status: gepland
        themes:
          - samenwerking-nationaal
        regions:
          - twente
        hosts:
          - willem-hendriks
        ---
        Tekst.
        """,
    "docs/lessen/les-een.md": """
        ---
        title: Les een
        description: Een les.
        source: programmateam
        number: 1
        themes:
          - bestuur-en-verankering
        ---
        Tekst.
        """,
    "essays/een-essay.md": """
        ---
        title: Een essay
        description: Een essay over samenwerken.
        authors:
          - willem-hendriks
        date: 2022-09-01
        themes:
          - samenwerking-nationaal
        regions:
          - twente
        ---
        Tekst van het essay.
        """,
    "regions/twente/index.md": """
        ---
        title: Twente
        description: De regio Twente.
        provinces:
          - Overijssel
        status: participating
        questions:
          - Hoe nemen we bodemenergie mee in de warmteplannen?
        themes:
          - samenwerking-nationaal
        maintainers: []
        ---
        Tekst.
        """,
    "regions/twente/updates/2022-06-16-kenniscafe.md": """
        ---
        title: Kenniscafé gehouden
        description: Verslag van het kenniscafé.
        date: 2022-06-16
        themes:
          - samenwerking-nationaal
        ---
        Tekst.
        """,
    "regions/twente/praktijk/escaperoom.md": """
        ---
        title: Escaperoom
        description: Een escaperoom over bodem.
        themes:
          - bestuur-en-verankering
        ---
        Tekst.
        """,
}


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: runs or needs a real MkDocs build (seconds each); "
                                       "-m 'not slow' runs the tests without any build")


def pytest_collection_modifyitems(items) -> None:
    """A test that uses a built site is slow, whether it says so or not."""
    for item in items:
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def edit(text: str, body: str | None = None, **changes) -> str:
    """A file's text with front-matter keys set (``None``: removed) and, if given, a new body."""
    _, front, rest = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return document(meta, rest.strip("\n") if body is None else body)


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def copy_repo(target: Path, content: bool = True) -> Path:
    """A copy of what a build needs, and with ``content`` the real content."""
    for name in BUILD_FILES + (CONTENT_ROOTS if content else ()):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "site"))
        else:
            shutil.copy2(source, target / name)
    return target


def _env(env: dict | None) -> dict:
    return {**os.environ, **QUIET, **(env or {})}


def build(root: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a real strict MkDocs build in ``root``."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
                          cwd=root, capture_output=True, text=True, env=_env(env))


def cli(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m kennisschakels <args>`` in ``root``."""
    return subprocess.run([sys.executable, "-m", "kennisschakels", *args],
                          cwd=root, capture_output=True, text=True, env=_env(env))


def check(root: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the standalone content check in ``root``."""
    return cli(root, "check", *extra, env=env)


def problems_in(root: Path, files: dict[str, str | bytes] | None = None, types=None) -> list[str]:
    """Write ``files`` over the tree in ``root`` and return every problem of the check, as text."""
    write(root, files or {})
    _, problems = check_tree(root) if types is None else check_tree(root, types)
    return [str(p) for p in problems]


def site_of(root: Path, types=None) -> Site:
    """The in-process site of a test tree (raises ContentError like the build)."""
    return load_site(root, SETTINGS) if types is None else load_site(root, SETTINGS, types=types)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A repository copy (build files only) with the minimal content tree."""
    copy_repo(tmp_path, content=False)
    write(tmp_path, MINIMAL)
    return tmp_path


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The minimal content tree and mkdocs.yml (which the check reads), for in-process checks."""
    write(tmp_path, MINIMAL)
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once strictly from a copy of the repository (with its report PDF)."""
    root = copy_repo(tmp_path_factory.mktemp("site"))
    result = build(root, env=EPOCH)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def exported_site(built_site: Path, tmp_path_factory) -> Path:
    """The real repository exported (``python -m kennisschakels export``) from the same copy as
    ``built_site``, then built by plain MkDocs (no hooks, no plugins) and indexed by Pagefind, as
    MIGRATION.md tells a successor engine to do."""
    from kennisschakels import search

    root = built_site.parent
    out = tmp_path_factory.mktemp("export") / "bron"
    exported = cli(root, "export", "--out", str(out), env=EPOCH)
    assert exported.returncode == 0, exported.stderr
    result = build(out, "-f", str(out / "mkdocs.yml"), env=EPOCH)
    assert result.returncode == 0, result.stderr
    assert search.build_index(out / "site").warnings == ()
    return out / "site"


@pytest.fixture(scope="session")
def real_site() -> Site:
    """The real repository's site, in-process (no build)."""
    return load_site(ROOT)
