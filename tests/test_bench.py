"""The benchmark's synthetic corpus: valid, deterministic, and compared with a fair baseline.

No timings here: the figures come from ``python -m kennisschakels bench run`` (BENCHMARKS.md).

The benchmark moved out of the package to benchmarks/ but still imports the modules of the old
model (kennisschakels.bench, kennisschakels.schema, kennisschakels.monitoring) and finds overview pages
by their macros: until it is rebuilt on the declarations (model.examples), these tests are expected
to fail on that import. ``strict``: the day the benchmark imports again, they must pass, not be
skipped.
"""

from __future__ import annotations

from pathlib import Path

import yaml

import pytest

from conftest import ROOT, check
from kennisschakels.model.declarations import TYPES

try:
    from benchmarks import baseline, corpus
except ImportError as error:  # see the module docstring
    baseline = corpus = None
    BROKEN = f"benchmarks/ does not import: {error}"
else:
    BROKEN = ""

pytestmark = pytest.mark.xfail(bool(BROKEN), reason=BROKEN, strict=True, raises=(AttributeError, TypeError))

PAGES = 60


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def markdown(root: Path) -> list[str]:
    return [p.as_posix() for r in ("docs", "essays", "regions") for p in (root / r).rglob("*.md")]


def test_corpus_passes_the_check_with_every_content_type(tmp_path):
    counts = corpus.generate(tmp_path / "corpus", PAGES, source=ROOT)
    result = check(tmp_path / "corpus")
    assert result.returncode == 0, result.stderr
    assert f"{PAGES} bestanden gecontroleerd" in result.stdout
    assert len(markdown(tmp_path / "corpus")) == PAGES
    for type_name in TYPES.names():  # every declared type, a new one too
        assert counts[type_name] >= 1, type_name


def test_corpus_is_deterministic(tmp_path):
    corpus.generate(tmp_path / "a", PAGES, source=ROOT)
    corpus.generate(tmp_path / "b", PAGES, source=ROOT)
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert list(first) == list(second)
    assert [name for name in first if first[name] != second[name]] == []
    corpus.generate(tmp_path / "c", PAGES, seed=corpus.DEFAULT_SEED + 1, source=ROOT)
    assert files(tmp_path / "c") != first  # the seed is what makes it repeatable


def test_baseline_is_plain_material_with_the_same_pages(tmp_path):
    corpus.generate(tmp_path / "corpus", PAGES, source=ROOT)
    baseline.make(tmp_path / "corpus", tmp_path / "baseline")
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=baseline._Loader)
    plain = yaml.safe_load((tmp_path / "baseline" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [next(iter(p)) if isinstance(p, dict) else p for p in plain["plugins"]] == ["search"]
    assert "hooks" not in plain and "nav" not in plain
    assert plain["theme"] == ours["theme"]
    assert plain["markdown_extensions"] == ours["markdown_extensions"]
    # Same Markdown files at the same URLs: essays/ and regions/ moved into docs_dir.
    expected = sorted(p[len(str(tmp_path / "corpus")) + 1:].removeprefix("docs/")
                      for p in markdown(tmp_path / "corpus"))
    found = sorted(p[len(str(tmp_path / "baseline" / "docs")) + 1:] for p in markdown(tmp_path / "baseline"))
    assert found == expected
