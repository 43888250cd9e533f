"""Site text is written in our own words: no run of ten or more words copied from the sources."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT, SEEDS

spec = importlib.util.spec_from_file_location("overlap", ROOT / "tools" / "overlap.py")
overlap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(overlap)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds/ ontbreekt naast de repository")
def test_no_ten_word_run_of_the_sources_in_site_text():
    runs = overlap.seed_runs()
    copied = {}
    for root in ("docs", "essays", "regions"):
        for path in sorted((ROOT / root).rglob("*.md")):
            hits = overlap.shared_runs(path.read_text(encoding="utf-8"), runs)
            if hits:
                copied[str(path.relative_to(ROOT))] = hits
    assert copied == {}


def test_the_check_finds_a_copied_sentence():
    runs = {tuple("een twee drie vier vijf zes zeven acht negen tien".split())}
    assert overlap.shared_runs("Zo: een twee drie vier vijf zes zeven acht negen tien elf.", runs)
    assert not overlap.shared_runs("een twee drie vier vijf zes zeven acht negen", runs)
