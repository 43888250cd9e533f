"""Site text is written in our own words: no run of ten or more words copied from the sources, and no
sentence that matches a source sentence on nine or more words with only a word or two changed.
See tools/overlap.py for the exact definitions and what does not count (URLs, names, titles,
Tabel 1 questions, short quotations)."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT, SEEDS

spec = importlib.util.spec_from_file_location("overlap", ROOT / "tools" / "overlap.py")
overlap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(overlap)

CONTENT = ("docs", "essays", "regions")
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds/ ontbreekt naast de repository")


def pages():
    for root in CONTENT:
        yield from sorted((ROOT / root).rglob("*.md"))


@needs_seeds
def test_no_ten_word_run_of_the_sources_in_site_text():
    names = overlap.Names(overlap.page_names())
    runs = overlap.seed_runs(names)
    copied = {}
    for path in pages():
        hits = overlap.shared_runs(overlap.checked_text(path.read_text(encoding="utf-8")), runs, names)
        if hits:
            copied[str(path.relative_to(ROOT))] = hits
    assert copied == {}


@needs_seeds
def test_no_near_copy_of_a_source_sentence_in_site_text():
    index = overlap.seed_index(overlap.Names(overlap.page_names()))
    copied = {}
    for path in pages():
        hits = overlap.near_copies(overlap.checked_text(path.read_text(encoding="utf-8")), index)
        if hits:
            copied[str(path.relative_to(ROOT))] = hits
    assert copied == {}


def test_the_check_finds_a_copied_sentence():
    runs = {tuple("een twee drie vier vijf zes zeven acht negen tien".split())}
    assert overlap.shared_runs("Zo: een twee drie vier vijf zes zeven acht negen tien elf.", runs)
    assert not overlap.shared_runs("een twee drie vier vijf zes zeven acht negen", runs)


SEED = "De regio's hebben moeite om het werk te bemensen, want de mensen die dat kunnen hebben het druk."


def near(text, seed=SEED, names=()):
    index = overlap.SeedIndex([seed], overlap.Names(names))
    return overlap.near_copies(text, index)


@pytest.mark.parametrize("text", [
    # one word changed
    "De regio's hebben moeite om het werk te bemannen, want de mensen die dat kunnen hebben het druk.",
    # two words changed
    "De regio's hebben moeite om het werk te bemannen, want alle mensen die dat kunnen hebben het druk.",
    # one word added, one left out
    "De regio's hebben veel moeite om het werk te bemensen, want mensen die dat kunnen hebben het druk.",
    # nine words, exactly as in the source
    "Het is lastig om het werk te bemensen, want de mensen die er zijn, zijn druk.",
])
def test_a_sentence_with_a_word_or_two_changed_is_a_near_copy(text):
    assert near(text)


@pytest.mark.parametrize("text", [
    # three words changed: our own sentence
    "De regio's hebben het lastig om het werk te bemannen, want wie het kan heeft het druk.",
    # eight equal words
    "Regio's hebben moeite om werk te bemensen.",
    # the same words across a sentence boundary do not line up
    "De regio's hebben moeite. Om het werk te bemensen zoeken ze de mensen die dat kunnen.",
])
def test_own_words_are_not_a_near_copy(text):
    assert not near(text)


def test_names_titles_and_short_quotations_do_not_count():
    seed = "Het rapport Versterking van de kennisinfrastructuur door een regionale schakelfunctie is klaar."
    title = "Versterking van de kennisinfrastructuur door een regionale schakelfunctie"
    text = f"Lees het rapport {title} van AEF."
    assert near(text, seed)
    assert not near(text, seed, names=[title])
    assert not near(overlap.checked_text(f'Lees het rapport "{title}" van AEF.'), seed)
    front = f"---\ntitle: Het rapport {title} is klaar\n---\n\nTekst.\n"
    assert not near(overlap.checked_text(front), seed)


def test_a_long_quotation_still_counts():
    seed = " ".join(f"woord{i}" for i in range(40)) + "."
    assert near(overlap.checked_text(f'Hij zei: "{seed}"'), seed)
