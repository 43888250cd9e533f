"""Shared fixtures: copies of the repository, a minimal valid content tree, and site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
# What a build needs besides content; content roots are copied separately.
BUILD_FILES = ("mkdocs.yml", "hooks", "overrides", "kennisschakels")
CONTENT_ROOTS = ("docs", "essays", "regions")


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def copy_repo(target: Path, content: bool = True) -> Path:
    for name in BUILD_FILES + (CONTENT_ROOTS if content else ()):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def build(root: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a real strict MkDocs build in ``root``."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra],
                          cwd=root, capture_output=True, text=True, env={**os.environ, **(env or {})})


def check(root: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the standalone content check in ``root``."""
    return subprocess.run([sys.executable, "-m", "kennisschakels", "check", *extra],
                          cwd=root, capture_output=True, text=True, env={**os.environ, **(env or {})})


# A small, valid tree with one file of every type: each validation test breaks one thing.
MINIMAL = {
    "essays/index.md": """
        ---
        title: Essays
        description: Alle essays.
        render_macros: true
        ---
        {{ overzicht("essays") }}
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


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A repository copy with only the minimal content tree."""
    copy_repo(tmp_path, content=False)
    write(tmp_path, MINIMAL)
    return tmp_path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once strictly from a copy of the repository."""
    root = copy_repo(tmp_path_factory.mktemp("site"))
    result = build(root, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    return root / "site"
