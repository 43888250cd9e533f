"""The catalogue resolves references both ways; unknown references get a suggestion; a broken
file is reported once, without follow-up errors in the files that refer to it. No build."""

from __future__ import annotations

import pytest

from conftest import MINIMAL, ROOT, problems_in, write
from kennisschakels import derive
from kennisschakels.load import check, load_catalogue
from kennisschakels.model.declarations import TYPES
from kennisschakels.problems import ContentError


def test_references_resolve_forwards_to_entries(tree):
    catalogue = load_catalogue(tree)
    essay = catalogue.get("essay", "essay-1")
    person, theme = catalogue.get("person", "person-1"), catalogue.get("theme", "theme-1")
    region, session = catalogue.get("region", "regio-1"), catalogue.get("session", "2022-09-21-session-1")
    assert essay.authors == [person] and essay.themes == [theme] and essay.regions == [region]
    assert essay.sessions == [session] and essay.organisations == [catalogue.get("organisation", "organisation-1")]
    assert essay.value("authors") == ["person-1"]  # the ids as written
    assert [ref.document for ref in essay.sources] == ["document-1"]


def test_references_resolve_backwards(tree):
    catalogue = load_catalogue(tree)
    essay = catalogue.get("essay", "essay-1")
    person, theme = catalogue.get("person", "person-1"), catalogue.get("theme", "theme-1")
    region, session = catalogue.get("region", "regio-1"), catalogue.get("session", "2022-09-21-session-1")
    assert catalogue.referrers(person, "essay") == [essay]
    assert catalogue.referrers(person, "session", "hosts") == [session]
    assert catalogue.referrers(person, "theme", "experts") == [theme]
    assert derive.adopting_regions(catalogue, theme) == [region]
    assert derive.related(catalogue, person, "session", "hosts") == catalogue.of("session")
    assert catalogue.referrers(session, "essay", "sessions") == [essay]
    document = catalogue.get("document", "document-1")
    citing = derive.citing_pages(catalogue, document)
    assert len(citing) == len([t for t in TYPES if t.name != "page"])  # every example cites the example document
    assert derive.cited_sources(catalogue, essay) == [(document, "")]


def test_updates_and_practices_belong_to_the_region_of_their_folder(tree):
    catalogue = load_catalogue(tree)
    region = catalogue.get("region", "regio-1")
    update = catalogue.get("update", "regio-1/2022-09-21-update-1")
    assert update.owner is region and update.owner_id == "regio-1"
    assert catalogue.children(region, "update") == [update]
    assert [e.id for e in catalogue.children(region, "practice")] == ["regio-1/practice-1"]


def test_entries_know_their_file_page_and_site_path(tree):
    catalogue = load_catalogue(tree)
    update = catalogue.get("update", "regio-1/2022-09-21-update-1")
    assert update.path == "regions/regio-1/updates/2022-09-21-update-1.md"
    assert update.uri == update.path and update.site_path == "regions/regio-1/updates/2022-09-21-update-1/"
    theme = catalogue.get("theme", "theme-1")
    assert (theme.uri, theme.site_path) == ("leerthemas/theme-1.md", "leerthemas/theme-1/")
    assert catalogue.by_uri("regions/regio-1/index.md").site_path == "regions/regio-1/"
    assert catalogue.by_uri("index.md").site_path == ""
    assert theme.file.meta["number"] == 1 and theme.body.strip() == "Tekst van leerthema 1."
    assert theme.line("number") == MINIMAL["docs/leerthemas/theme-1.md"].splitlines().index("number: 1") + 1
    with pytest.raises(AttributeError, match="theme heeft geen sleutel 'authors'"):
        theme.authors


def test_the_date_of_a_dated_file_name_is_the_entry_date(tree):
    catalogue = load_catalogue(tree)
    session = catalogue.get("session", "2022-09-21-session-1")
    assert session.date.iso == "2022-09-21" and "date" not in session.file.meta


@pytest.mark.parametrize("key, target, written, suggestion", [
    ("themes", "leerthema", "theme-l", "theme-1"),
    ("authors", "persoon", "persoon-1", "person-1"),
    ("regions", "regio", "regio-l", "regio-1"),
    ("sessions", "sessie", "2022-09-21-sessie-1", "2022-09-21-session-1"),
])
def test_unknown_reference_names_the_folder_and_suggests_the_id(tree, key, target, written, suggestion):
    essay = MINIMAL["essays/essay-1.md"]
    right = suggestion if key != "authors" else "person-1"
    messages = problems_in(tree, {"essays/essay-1.md": essay.replace(f"- {right}", f"- {written}", 1)})
    folder = TYPES.folders()[{"themes": "theme", "authors": "person", "regions": "region", "sessions": "session"}[key]]
    (message,) = messages
    assert f": {key}: " in message and f"'{written}'; verwacht een id uit {folder} (bedoelde je '{suggestion}'?)" in message
    assert target in message


def test_unknown_reference_without_anything_close_gets_no_suggestion(tree):
    (message,) = problems_in(tree, {"essays/essay-1.md": MINIMAL["essays/essay-1.md"].replace("- theme-1", "- xyz")})
    assert message.endswith("onbekend leerthema 'xyz'; verwacht een id uit docs/leerthemas/")


@pytest.mark.parametrize("broken_path, breakage", [
    ("docs/leerthemas/theme-1.md", ("number: 1", "number: een")),
    ("docs/mensen/person-1.md", ("title: Persoon 1", "title: [")),
    ("regions/regio-1/index.md", ("status: participating", "status: mee")),
    ("docs/bibliotheek/document-1.md", ("title: Brondocument 1", "titel: Brondocument 1")),
    ("docs/sessies/2022-09-21-session-1.md", ("kind: inspiratiesessie", "kind: x")),
    ("docs/organisaties/organisation-1.md", ("description: Voorbeeld van beschrijving\n", "")),
])
def test_a_broken_file_causes_no_follow_up_errors(tree, broken_path, breakage):
    """Every example refers to the others; breaking one reports that file only (and only its own
    problem), never the references to it or the links to its page."""
    old, new = breakage
    essay = MINIMAL["essays/essay-1.md"] + f"\nZie [de pagina](../{broken_path.removeprefix('docs/')}).\n"
    messages = problems_in(tree, {broken_path: MINIMAL[broken_path].replace(old, new), "essays/essay-1.md": essay})
    assert messages and all(m.startswith(broken_path + ":") for m in messages), messages


def test_a_file_refused_for_its_name_is_reported_once(tree):
    messages = problems_in(tree, {"docs/mensen/Jan_Jansen.md": MINIMAL["docs/mensen/person-1.md"]})
    assert len(messages) == 1 and "hernoem naar 'jan-jansen.md'" in messages[0]


def test_load_catalogue_raises_with_every_problem(tree):
    write(tree, {"essays/essay-1.md": MINIMAL["essays/essay-1.md"].replace("- theme-1", "- x"),
                 "docs/mensen/person-1.md": "geen front-matter\n"})
    with pytest.raises(ContentError) as raised:
        load_catalogue(tree)
    assert len(raised.value.problems) == 2
    assert str(raised.value).endswith("2 problemen gevonden in de inhoud; de site is niet gebouwd.")


def test_each_type_is_kept_in_its_natural_order(tree):
    write(tree, {
        "docs/leerthemas/theme-0.md": MINIMAL["docs/leerthemas/theme-1.md"].replace("number: 1", "number: 9"),
        "docs/sessies/2021-05-eerder.md": MINIMAL["docs/sessies/2022-09-21-session-1.md"].replace(
            "end_date: '2022-09-21'\n", ""),
        "essays/ouder.md": MINIMAL["essays/essay-1.md"].replace("'2022-09-21'", "'2020-01-01'"),
        "essays/concept.md": "---\ntitle: Concept\ndescription: D.\ndraft: true\nthemes:\n- theme-1\n---\n",
        "regions/regio-0/index.md": "---\ntitle: Aa-regio\ndescription: D.\nprovinces:\n- Zeeland\nstatus: interested\n---\n",
    })
    catalogue = load_catalogue(tree)
    assert catalogue.ids("theme") == ["theme-1", "theme-0"]               # by number
    assert catalogue.ids("session") == ["2021-05-eerder", "2022-09-21-session-1"]  # by date
    assert catalogue.ids("essay") == ["essay-1", "ouder", "concept"]     # newest first, drafts last
    assert catalogue.ids("region") == ["regio-1", "regio-0"]             # participating first


def test_real_content_is_valid_and_complete():
    catalogue, problems = check(ROOT)
    assert [str(p) for p in problems] == []
    counts = {name: len(catalogue.of(name)) for name in TYPES.names()}
    assert counts["region"] == 8 and counts["theme"] == 8
    assert counts["essay"] >= 6 and counts["session"] >= 16 and counts["person"] >= 10
    assert counts["lesson"] >= 10 and counts["document"] >= 5
