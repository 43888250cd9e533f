"""The real content against what issue 16 found by reading every page beside the seeds: sources on
every page, the glossary, the missing actors and activities, and the errors and reading problems
it listed. These read the repository's own files (no build)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from kennisschakels import derive

CONTENT = ("docs", "essays", "regions")


def reader_text() -> dict[str, str]:
    """path -> the text of every content file (front-matter included: titles and notes are read too)."""
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
            for folder in CONTENT for p in sorted((ROOT / folder).rglob("*.md"))}


def test_every_page_with_facts_names_its_sources(real_site):
    """Only pages about the site itself (docs/over/, Volgen) and the derived overviews and folder
    indexes have no sources; every reference names a document in the library (the check's rule)."""
    about_the_site = ("docs/over/", "docs/volgen.md")
    missing = [e.path for e in real_site.catalogue.all() if not e.sources
               and not (e.path.startswith(about_the_site) or e.overview or e.path.endswith("index.md"))]
    assert missing == []
    documents = {d.id for d in real_site.catalogue.of("document")}
    unknown = {(e.path, s.document) for e in real_site.catalogue.all() for s in e.sources or ()
               if s.document not in documents}
    assert unknown == set()


@pytest.mark.parametrize("abbreviation", ["RSP", "ODNZKG", "FUMO", "ODNL", "VTH", "IenW-KIS", "RHDHV", "DSP",
                                          "KOBO-HO", "ENBO", "WEB", "ASV", "NGR", "MTR", "BOOG"])
def test_the_abbreviations_the_review_listed_are_explained(real_site, abbreviation):
    explained = {a: (text, entry) for a, text, entry in derive.glossary(real_site.catalogue)}
    assert abbreviation in explained
    assert explained[abbreviation][0].strip()


def test_rsp_says_once_that_the_sources_never_spell_it_out(real_site):
    (rsp,) = [e for a, _, e in derive.glossary(real_site.catalogue) if a == "RSP"]
    assert not derive.spelled_out(rsp)  # the overview then says "niet voluit in de bronnen"


@pytest.mark.parametrize("organisation", ["veluweberaad", "directeurenoverleg-bodem", "bodemplus", "sikb",
                                          "deltares", "vng-realisatie", "ipo", "unie-van-waterschappen",
                                          "ministerie-ienw", "kennisinstituten"])
def test_the_key_actors_have_a_page(real_site, organisation):
    assert organisation in {o.id for o in real_site.catalogue.of("organisation")}


@pytest.mark.parametrize("region, words", [
    ("noord-holland", "bodemberaaddag"), ("fryslan", "kennisbijeenkomst"), ("drenthe", "kenniscafe"),
    ("twente", "bodemcafe-energietransitie"), ("twente", "boerenbijeenkomst-markelo"),
    ("vng-realisatie", "werksessie"), (None, "werksessie-kennisinstituten")])
def test_the_regional_activities_of_the_report_are_sessions(real_site, region, words):
    found = [s for s in real_site.catalogue.of("session") if words in s.id and (region is None or region in s.id)]
    assert found, (region, words)


@pytest.mark.parametrize("region", ["drenthe", "gelderland", "flevoland"])
def test_region_pages_whose_questions_it_explains_give_the_omgevingswet_context(region):
    assert "bevoegd gezag" in (ROOT / "regions" / region / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path, both", [
    # Contradictions in the seeds are stated, not resolved: both readings on the page.
    ("docs/bibliotheek/bogo.md", ("2016", "2017-2019")),
    ("docs/bibliotheek/eindevaluatie-convenant-2016-2020.md", ("uiterlijk in 2020", "na 2020")),
    ("docs/leerthemas/samenwerking-nationaal.md", ("november 2022", "februari 2023")),
])
def test_contradictions_of_the_seeds_are_stated_on_the_page(path, both):
    text = (ROOT / path).read_text(encoding="utf-8")
    assert all(word in text for word in both), both
    assert "spreekt" in text and "zichzelf tegen" in text


@pytest.mark.parametrize("wrong", [
    "bestonden al twintig jaar",                     # BOGO: the seed says handreikingen were developed
    "Naast Zeeland dienden",                         # Zeeland submitted no plan
    "verloren gegaan",                               # Figuur 1 is only missing from the text version
    "in de bronbestanden van deze kennisbank",       # a production remark
    "Wat niet bekend is", "Wat nog niet bekend is",  # such sections: now the declared field 'source_notes'
    "de bronnen noemen niet",                        # hedges in the text: now in 'source_notes'
    "Daaruit volgde een essay en vervolgens tot",    # grammar
    "thema's geworden, die",                         # grammar
    "digital twin", "businesscase", "mediationtraject",  # anglicisms beside the Dutch words used elsewhere
])
def test_the_errors_and_production_remarks_the_review_found_are_gone(wrong):
    found = [path for path, text in reader_text().items() if wrong.casefold() in text.casefold()]
    assert found == []


def test_readers_are_addressed_as_je_only():
    formal = re.compile(r"\b(?:[Uu] (?:kunt|kan|wilt|vindt|leest|ziet)|(?:kunt|wilt|vindt|leest|ziet) u|[Uu]w)\b")
    found = {path: formal.findall(text) for path, text in reader_text().items() if formal.search(text)}
    assert found == {}


def test_twynstra_gudde_is_written_one_way_outside_the_notes_about_its_spelling():
    """The other spellings stay only as an alias and in the notes that explain them."""
    found = []
    for path, text in reader_text().items():
        for line in text.splitlines():
            if "TwynstraGudde" in line and "Twynstra Gudde" not in line and line.strip() != "- TwynstraGudde":
                found.append((path, line))
    assert found == []


def test_twente_cafe_keeps_only_the_themes_twente_adopted(real_site):
    cafe = real_site.catalogue.get("practice", "twente/bodemcafe")
    twente = real_site.catalogue.get("region", "twente")
    assert {t.id for t in cafe.themes} <= {t.id for t in twente.themes}


@pytest.mark.parametrize("overview, says, table", [
    ("overzichten/updates.md", "Er zijn nog geen updates", "<table"),
    ("overzichten/monitoring.md", "Er is nog voor geen enkele regio een meting", 'class="ks-monitoring"')])
def test_an_empty_overview_says_what_will_appear_and_how_a_region_adds_it(real_site, overview, says, table):
    """'Updates uit de regio's' and 'Groei van de netwerken' were empty tables. (The monitoring page
    keeps its table of the scale: that one has content.)"""
    markdown = real_site.page(overview).markdown
    assert says in markdown
    assert "CONTRIBUTING.md" in markdown and "../regions/twente/index.md" in markdown
    assert table not in markdown


@pytest.mark.parametrize("words", ["Structuurvisie Ondergrond", "transitiemanager", "Transitieagenda",
                                   "beleidsdoorlichting", "plan van aanpak"])
def test_the_gaps_in_the_convenant_evaluation_are_filled(words):
    text = (ROOT / "docs/bibliotheek/eindevaluatie-convenant-2016-2020.md").read_text(encoding="utf-8")
    assert words.casefold() in text.casefold()


def test_the_inference_of_twentes_province_is_flagged(real_site):
    twente = real_site.catalogue.get("region", "twente")
    assert any("Overijssel" in note and "algemene kennis" in note for note in twente.source_notes)
