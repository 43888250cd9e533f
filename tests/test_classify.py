"""Where a file lives says what it is: type and id from the path, and Dutch messages with the
name to use instead when a file name or folder is wrong. No tree needed."""

from __future__ import annotations

import pytest

from kennisschakels.classify import Place, classify, slug
from kennisschakels.dates import PartialDate
from kennisschakels.model.declarations import TYPES
from kennisschakels.model.examples import example_path


def place(path: str) -> Place:
    found = classify(path, TYPES)
    assert isinstance(found, Place), [str(p) for p in found]
    return found


def messages(path: str) -> list[str]:
    found = classify(path, TYPES)
    assert not isinstance(found, Place), f"{path} was accepted as {found.type.name}"
    return [str(p) for p in found]


@pytest.mark.parametrize("path, type_name, id_, owner, date", [
    ("regions/twente/index.md", "region", "twente", "", None),
    ("regions/twente/updates/2022-06-16-kenniscafe.md", "update", "twente/2022-06-16-kenniscafe", "twente", "2022-06-16"),
    ("regions/twente/praktijk/escaperoom.md", "practice", "twente/escaperoom", "twente", None),
    ("essays/een-essay.md", "essay", "een-essay", "", None),
    ("docs/leerthemas/schaalniveau.md", "theme", "schaalniveau", "", None),
    ("docs/sessies/2022-04-25-inspiratiesessie.md", "session", "2022-04-25-inspiratiesessie", "", "2022-04-25"),
    ("docs/sessies/2022-10-kenniscafe.md", "session", "2022-10-kenniscafe", "", "2022-10"),
    ("docs/lessen/les-een.md", "lesson", "les-een", "", None),
    ("docs/mensen/willem-hendriks.md", "person", "willem-hendriks", "", None),
    ("docs/organisaties/vng.md", "organisation", "vng", "", None),
    ("docs/begrippen/rsp.md", "term", "rsp", "", None),
    ("docs/bibliotheek/tussenrapportage.md", "document", "tussenrapportage", "", None),
    ("docs/index.md", "page", "index", "", None),
    ("docs/programma/geschiedenis.md", "page", "programma/geschiedenis", "", None),
    ("docs/sessies/index.md", "page", "sessies/index", "", None),
    ("essays/index.md", "page", "essays/index", "", None),
    ("regions/index.md", "page", "regions/index", "", None),
    ("docs/Vrije_Pagina.md", "page", "Vrije_Pagina", "", None),  # free pages keep their names
])
def test_path_gives_type_id_owner_and_date(path, type_name, id_, owner, date):
    found = place(path)
    assert (found.type.name, found.id, found.owner_id) == (type_name, id_, owner)
    assert found.date == (PartialDate.parse(date) if date else None)


@pytest.mark.parametrize("type_name", [t.name for t in TYPES if t.name != "page"])
def test_every_declared_type_is_found_at_its_example_path(type_name):
    assert place(example_path(TYPES[type_name], 0)).type.name == type_name


@pytest.mark.parametrize("path, expected", [
    ("essays/Hoofdletters.md", "bestandsnaam 'Hoofdletters.md' bevat hoofdletters; gebruik alleen kleine letters "
                               "(a-z), cijfers en streepjes: hernoem naar 'hoofdletters.md'"),
    ("essays/Mijn Essay.md", "bestandsnaam 'Mijn Essay.md' bevat hoofdletters en spaties; gebruik alleen kleine letters (a-z), "
                             "cijfers en streepjes: hernoem naar 'mijn-essay.md'"),
    ("essays/fryslân.md", "bestandsnaam 'fryslân.md' bevat letters met accenten; gebruik alleen "
                          "kleine letters (a-z), cijfers en streepjes: hernoem naar 'fryslan.md'"),
    ("essays/Test_Aanpak_Fryslân.md", "bestandsnaam 'Test_Aanpak_Fryslân.md' bevat hoofdletters, letters met accenten "
                                      "en liggende streepjes (_); gebruik alleen kleine letters (a-z), cijfers en streepjes: hernoem naar "
                                      "'test-aanpak-fryslan.md'"),
    ("docs/mensen/jan_de_vries.md", "bestandsnaam 'jan_de_vries.md' bevat liggende streepjes (_); gebruik alleen "
                                    "kleine letters (a-z), cijfers en streepjes: hernoem naar 'jan-de-vries.md'"),
    ("docs/leerthemas/thema--8.md", "bestandsnaam 'thema--8.md' is geen geldige naam; gebruik alleen kleine letters "
                                    "(a-z), cijfers en streepjes: hernoem naar 'thema-8.md'"),
    ("regions/Twente/index.md", "mapnaam 'Twente' bevat hoofdletters; gebruik alleen kleine letters (a-z), cijfers "
                                "en streepjes: hernoem naar 'twente'"),
    ("regions/Noord_Holland/praktijk/x.md", "mapnaam 'Noord_Holland' bevat hoofdletters en liggende streepjes (_); gebruik alleen "
                                            "kleine letters (a-z), cijfers en streepjes: hernoem naar 'noord-holland'"),
    ("docs/sessies/2024-03-05-Kenniscafe.md", "naam 'Kenniscafe' bevat hoofdletters; gebruik alleen kleine letters "
                                              "(a-z), cijfers en streepjes: hernoem naar '2024-03-05-kenniscafe.md'"),
    ("regions/twente/updates/2024-03-05-kennis café.md", "naam 'kennis café' bevat letters met accenten en spaties; "
                                                        "gebruik alleen kleine letters (a-z), cijfers en "
                                                        "streepjes: hernoem naar '2024-03-05-kennis-cafe.md'"),
])
def test_bad_names_say_why_and_suggest_the_name_to_use(path, expected):
    assert messages(path) == [f"{path}:1: bestand: {expected}"]


@pytest.mark.parametrize("path, expected", [
    ("docs/sessies/05-03-2024-kenniscafe.md", "bestandsnaam '05-03-2024-kenniscafe.md' begint met de datum in de "
                                              "volgorde dag-maand-jaar; zet het jaar voorop: hernoem naar "
                                              "'2024-03-05-kenniscafe.md'"),
    ("regions/twente/updates/5-3-2024-Kenniscafe.md", "bestandsnaam '5-3-2024-Kenniscafe.md' begint met de datum in de "
                                                      "volgorde dag-maand-jaar; zet het jaar voorop: hernoem naar "
                                                      "'2024-03-05-kenniscafe.md'"),
    ("docs/sessies/kenniscafe.md", "bestandsnaam 'kenniscafe.md' begint niet met een datum; verwacht "
                                   "<JJJJ-MM-DD>-<naam>.md, bijv. 2022-06-16-kenniscafe.md of 2022-06-kenniscafe.md"),
    ("regions/twente/updates/kenniscafe.md", "bestandsnaam 'kenniscafe.md' begint niet met een datum; verwacht "
                                             "<JJJJ-MM-DD>-<naam>.md, bijv. 2022-06-16-kenniscafe.md"),
    ("regions/twente/updates/2024-03-kenniscafe.md", "de datum '2024-03' in de bestandsnaam mist de dag; verwacht "
                                                     "<JJJJ-MM-DD>-<naam>.md, bijv. 2022-06-16-kenniscafe.md"),
    ("docs/sessies/2024-13-01-x.md", "'2024-13-01' in de bestandsnaam is geen bestaande datum; verwacht "
                                     "<JJJJ-MM-DD>-<naam>.md, bijv. 2022-06-16-kenniscafe.md of 2022-06-kenniscafe.md"),
    ("docs/sessies/2023-02-29-x.md", "'2023-02-29' in de bestandsnaam is geen bestaande datum"),
])
def test_dated_file_names(path, expected):
    (message,) = messages(path)
    assert message.startswith(f"{path}:1: bestand: {expected}"), message


def test_a_session_may_have_only_the_month_but_an_update_needs_the_day():
    assert place("docs/sessies/2022-10-kenniscafe.md").date == PartialDate(2022, 10)
    assert place("docs/sessies/2024-02-29-schrikkeldag.md").date == PartialDate(2024, 2, 29)
    assert messages("regions/twente/updates/2022-10-kenniscafe.md")


@pytest.mark.parametrize("path, expected", [
    ("regions/twente/update/2022-06-17-x.md", "verwacht regions/<regio-id>/index.md of regions/<regio-id>/updates/"
                                              "<JJJJ-MM-DD>-<naam>.md of regions/<regio-id>/praktijk/<naam>.md "
                                              "(bedoelde je 'updates'?)"),
    ("regions/twente/praktijken/x.md", "(bedoelde je 'praktijk'?)"),
    ("regions/twente/x.md", "verwacht regions/<regio-id>/index.md of regions/<regio-id>/updates/<JJJJ-MM-DD>-<naam>.md "
                            "of regions/<regio-id>/praktijk/<naam>.md"),
    ("regions/x.md", "verwacht regions/<regio-id>/index.md"),
    ("docs/essays/x.md", "verwacht de map essays/ bovenin de repository, niet in docs/"),
    ("docs/regions/twente/index.md", "verwacht de map regions/ bovenin de repository, niet in docs/"),
    ("docs/leerthemas/sub/x.md", "verwacht docs/leerthemas/<naam>.md"),
    ("essays/sub/x.md", "verwacht essays/<naam>.md"),
    ("docs/sessies/oud/2022-01-01-x.md", "verwacht docs/sessies/<JJJJ-MM-DD>-<naam>.md"),
])
def test_misplaced_files_are_told_where_they_belong(path, expected):
    (message,) = messages(path)
    assert message.startswith(f"{path}:1: bestand: staat op een plek waar de site het niet verwacht; ")
    assert expected in message, message


@pytest.mark.parametrize("text, expected", [
    ("Test_Aanpak_Fryslân", "test-aanpak-fryslan"), ("Kenniscafé: bodem & water!", "kenniscafe-bodem-water"),
    ("   ", "naam"), ("x" * 80, "x" * 60), ("Één twee", "een-twee"),
])
def test_slug_makes_a_valid_id(text, expected):
    assert slug(text) == expected
