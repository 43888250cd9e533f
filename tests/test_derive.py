"""Derivations from front-matter, by a given date: sessions' state, related essays, the glossary.
No build: each test checks a small tree in-process."""

from __future__ import annotations

import datetime

import pytest

from conftest import MINIMAL, write
from kennisschakels import derive
from kennisschakels.load import load_catalogue

SESSION = MINIMAL["docs/sessies/2022-09-21-session-1.md"]


def session_file(status: str | None = None, end: str | None = None, latest: bool = False) -> str:
    text = SESSION.replace("end_date: '2022-09-21'\n", f"end_date: {end}\n" if end else "")
    text = text.replace("status: gepland\n", f"status: {status}\n" if status else "")
    return text.replace("latest: false", f"latest: {'true' if latest else 'false'}")


@pytest.fixture
def sessions(tree):
    """Sessions of every kind of date and status (ids say what they are)."""
    write(tree, {
        "docs/sessies/2022-09-21-session-1.md": session_file("gepland"),
        "docs/sessies/2022-10-maand-gepland.md": session_file("gepland"),
        "docs/sessies/2022-10-maand-zonder-status.md": session_file(),
        "docs/sessies/2022-11-02-gehouden.md": session_file("gehouden"),
        "docs/sessies/2022-11-03-afgelast.md": session_file("afgelast"),
        "docs/sessies/2022-11-30-meerdaags.md": session_file("gepland", end="2022-12-02"),
        "docs/sessies/2022-12-uiterlijk.md": session_file(latest=True),
    })
    return load_catalogue(tree)


def states(catalogue, today: datetime.date) -> dict[str, str]:
    return {s.id: derive.session_state(s, today) for s in catalogue.of("session")}


def test_session_state_before_during_and_after(sessions):
    assert states(sessions, datetime.date(2022, 9, 1)) == {
        "2022-09-21-session-1": "gepland",
        "2022-10-maand-gepland": "gepland",
        "2022-10-maand-zonder-status": "nog niet vastgelegd",
        "2022-11-02-gehouden": "gehouden",          # what the source reported, even ahead of the date
        "2022-11-03-afgelast": "afgelast",
        "2022-11-30-meerdaags": "gepland",
        "2022-12-uiterlijk": "nog niet vastgelegd",
    }
    assert states(sessions, datetime.date(2023, 1, 1)) == {
        "2022-09-21-session-1": "was gepland; niet vastgelegd of die doorging",
        "2022-10-maand-gepland": "was gepland; niet vastgelegd of die doorging",
        "2022-10-maand-zonder-status": "geweest",
        "2022-11-02-gehouden": "gehouden",
        "2022-11-03-afgelast": "afgelast",
        "2022-11-30-meerdaags": "was gepland; niet vastgelegd of die doorging",
        "2022-12-uiterlijk": "geweest",
    }


@pytest.mark.parametrize("today, past", [
    (datetime.date(2022, 10, 1), False), (datetime.date(2022, 10, 31), False), (datetime.date(2022, 11, 1), True)])
def test_a_month_only_session_lasts_until_the_end_of_its_month(sessions, today, past):
    assert derive.is_past(sessions.get("session", "2022-10-maand-gepland"), today) is past


@pytest.mark.parametrize("today, past", [
    (datetime.date(2022, 12, 2), False), (datetime.date(2022, 12, 3), True)])
def test_a_multi_day_session_lasts_until_its_end_date(sessions, today, past):
    assert derive.is_past(sessions.get("session", "2022-11-30-meerdaags"), today) is past


def test_a_session_on_the_day_itself_is_upcoming_until_the_day_after(sessions):
    session = sessions.get("session", "2022-09-21-session-1")
    assert not derive.is_past(session, datetime.date(2022, 9, 21))
    assert derive.is_past(session, datetime.date(2022, 9, 22))


def test_december_month_only_ends_on_new_years_eve(tree):
    write(tree, {"docs/sessies/2022-12-eindejaar.md": session_file("gepland")})
    session = load_catalogue(tree).get("session", "2022-12-eindejaar")
    assert not derive.is_past(session, datetime.date(2022, 12, 31))
    assert derive.is_past(session, datetime.date(2023, 1, 1))


def test_upcoming_soonest_first_and_past_most_recent_first(sessions):
    upcoming, past = derive.split_sessions(sessions, datetime.date(2022, 11, 3))
    assert [s.id for s in upcoming] == ["2022-11-03-afgelast", "2022-11-30-meerdaags", "2022-12-uiterlijk"]
    assert [s.id for s in past] == ["2022-11-02-gehouden", "2022-10-maand-zonder-status", "2022-10-maand-gepland",
                                    "2022-09-21-session-1"]


def test_sessions_known_to_the_month_sort_before_the_days_of_that_month(tree):
    write(tree, {"docs/sessies/2022-09-01-begin.md": session_file(), "docs/sessies/2022-09-maand.md": session_file()})
    assert load_catalogue(tree).ids("session") == ["2022-09-maand", "2022-09-01-begin", "2022-09-21-session-1"]


ESSAY = MINIMAL["essays/essay-1.md"]


def essay(date: str, themes: list[str], draft: bool = False) -> str:
    text = ESSAY.replace("date: '2022-09-21'", f"date: '{date}'").replace("updated: '2022-09-21'\n", "")
    text = text.replace("themes:\n- theme-1\n", "themes:\n" + "".join(f"- {t}\n" for t in themes))
    return text.replace("title: Essay 1\n", "title: Essay 1\ndraft: true\n" if draft else "title: Essay 1\n")


def test_related_essays_share_themes_most_shared_first_then_newest(tree):
    theme = MINIMAL["docs/leerthemas/theme-1.md"]
    write(tree, {
        "docs/leerthemas/theme-2.md": theme.replace("number: 1", "number: 2"),
        "docs/leerthemas/theme-3.md": theme.replace("number: 1", "number: 3"),
        "essays/essay-1.md": essay("2022-09-21", ["theme-1", "theme-2"]),
        "essays/twee-gedeeld.md": essay("2020-01-01", ["theme-1", "theme-2"]),
        "essays/een-gedeeld-nieuw.md": essay("2023-01-01", ["theme-2"]),
        "essays/een-gedeeld-oud.md": essay("2021-01-01", ["theme-1", "theme-3"]),
        "essays/ander-thema.md": essay("2024-01-01", ["theme-3"]),
        "essays/concept.md": essay("2024-01-01", ["theme-1", "theme-2"], draft=True),
    })
    catalogue = load_catalogue(tree)
    related = derive.related_essays(catalogue, catalogue.get("essay", "essay-1"))
    assert [e.id for e in related] == ["twee-gedeeld", "een-gedeeld-nieuw", "een-gedeeld-oud"]


def test_related_essays_are_at_most_five(tree):
    write(tree, {f"essays/ander-{n}.md": essay(f"202{n}-01-01", ["theme-1"]) for n in range(8)})
    catalogue = load_catalogue(tree)
    related = derive.related_essays(catalogue, catalogue.get("essay", "essay-1"))
    assert len(related) == derive.RELATED_ESSAYS == 5
    assert [e.id for e in related] == ["ander-7", "ander-6", "ander-5", "ander-4", "ander-3"]


def test_published_and_draft_essays(tree):
    write(tree, {"essays/concept.md": essay("2024-01-01", ["theme-1"], draft=True)})
    catalogue = load_catalogue(tree)
    assert [e.id for e in derive.published_essays(catalogue)] == ["essay-1"]
    assert [e.id for e in derive.draft_essays(catalogue)] == ["concept"]


def test_glossary_has_every_term_and_the_organisations_with_an_abbreviation(tree):
    organisation = MINIMAL["docs/organisaties/organisation-1.md"]
    term = MINIMAL["docs/begrippen/term-1.md"]
    write(tree, {
        "docs/organisaties/organisation-1.md": organisation.replace("abbreviation: Voorbeeld van afkorting", "abbreviation: VNG")
                                                           .replace("title: Organisatie 1", "title: Vereniging van Nederlandse Gemeenten"),
        "docs/organisaties/zonder.md": organisation.replace("abbreviation: Voorbeeld van afkorting\n", ""),
        "docs/begrippen/term-1.md": term.replace("title: Begrip 1", "title: RSP").replace(
            "expansion: Voorbeeld van voluit", "expansion: Regionale Samenwerking Plus"),
        "docs/begrippen/bodem.md": term.replace("title: Begrip 1", "title: bodem").replace("expansion: Voorbeeld van voluit\n", ""),
        "docs/begrippen/ato.md": term.replace("title: Begrip 1", "title: ATO").replace(
            "expansion: Voorbeeld van voluit", "expansion: Afspraken over taken en ondersteuning"),
    })
    catalogue = load_catalogue(tree)
    assert [(a, e, entry.id) for a, e, entry in derive.glossary(catalogue)] == [
        ("ATO", "Afspraken over taken en ondersteuning", "ato"),
        ("bodem", "Voorbeeld van beschrijving", "bodem"),  # no expansion: its description explains it
        ("RSP", "Regionale Samenwerking Plus", "term-1"),
        ("VNG", "Vereniging van Nederlandse Gemeenten", "organisation-1"),
    ]


def test_newest_first_keeps_undated_entries_last_in_their_order(tree):
    practice = MINIMAL["regions/regio-1/praktijk/practice-1.md"]
    write(tree, {"regions/regio-1/praktijk/zonder-datum.md": practice.replace("date: '2022-09-21'\n", ""),
                 "regions/regio-1/praktijk/nieuwer.md": practice.replace("2022-09-21", "2023-01-01")})
    catalogue = load_catalogue(tree)
    ordered = derive.newest_first(catalogue.of("practice"))
    assert [e.id for e in ordered] == ["regio-1/nieuwer", "regio-1/practice-1", "regio-1/zonder-datum"]
    theme = catalogue.get("theme", "theme-1")
    assert [e.id for e in derive.theme_items(catalogue, theme, "practice")] == [e.id for e in ordered]
