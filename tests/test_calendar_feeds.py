"""The generated files, parsed as a reader's program reads them: iCalendar files with the icalendar
library, Atom feeds with ElementTree. No build: the files come from ``Site.generated()``."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest

from conftest import MINIMAL, SETTINGS, edit, write
from kennisschakels import calendar, feeds
from kennisschakels.context import Context
from kennisschakels.load import load_catalogue
from kennisschakels.site import Site

SESSION = MINIMAL["docs/sessies/2022-09-21-session-1.md"].replace("end_date: '2022-09-21'\n", "")
ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITE_URL = "https://organisatie.github.io/kennisschakels/"
TODAY = datetime.date(2023, 11, 14)


def session(status: str | None = "gepland", **extra) -> str:
    return edit(SESSION, status=status, **extra)


def site(root) -> Site:
    return Site(Context(load_catalogue(root), SETTINGS, today=TODAY))


def events(data: bytes) -> dict[str, icalendar.Event]:
    return {str(e["UID"]).split("@")[0]: e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


@pytest.fixture
def sessions(tree):
    write(tree, {
        "docs/sessies/2022-10-maand.md": session(),
        "docs/sessies/2022-12-decembermaand.md": session(None),
        "docs/sessies/2022-04-25-gehouden.md": session("gehouden", location="Utrecht"),
        "docs/sessies/2022-05-01-afgelast.md": session("afgelast"),
        "docs/sessies/2022-06-01-meerdaags.md": session(end_date="2022-06-03"),
        "docs/sessies/2022-05-afgelaste-maand.md": session("afgelast"),
        "docs/sessies/2022-09-uiterlijk.md": session(None, latest=True),
    })
    return site(tree)


def test_all_sessions_calendar_parses_and_has_every_dated_session(sessions):
    data = sessions.generated()[calendar.ALL_SESSIONS_URI]
    parsed = icalendar.Calendar.from_ical(data)
    assert str(parsed["X-WR-CALNAME"]) == calendar.CALENDAR_NAME and str(parsed["VERSION"]) == "2.0"
    found = events(data)
    assert sorted(found) == ["2022-04-25-gehouden", "2022-05-01-afgelast", "2022-05-afgelaste-maand",
                             "2022-06-01-meerdaags", "2022-09-21-session-1", "2022-10-maand", "2022-12-decembermaand"]
    # 'At the latest then' has no day or month to put in an agenda.
    assert "2022-09-uiterlijk" not in found


def test_a_month_only_session_spans_its_month_and_is_tentative(sessions):
    found = events(sessions.generated()[calendar.ALL_SESSIONS_URI])
    october = found["2022-10-maand"]
    assert (october.decoded("DTSTART"), october.decoded("DTEND")) == (datetime.date(2022, 10, 1), datetime.date(2022, 11, 1))
    assert str(october["STATUS"]) == "TENTATIVE" and str(october["SUMMARY"]).endswith("(dag nog niet bekend)")
    december = found["2022-12-decembermaand"]
    assert (december.decoded("DTSTART"), december.decoded("DTEND")) == (datetime.date(2022, 12, 1), datetime.date(2023, 1, 1))
    assert str(december["STATUS"]) == "TENTATIVE"
    assert str(found["2022-05-afgelaste-maand"]["STATUS"]) == "CANCELLED"  # cancelled stays cancelled


def test_days_statuses_and_places(sessions):
    found = events(sessions.generated()[calendar.ALL_SESSIONS_URI])
    held = found["2022-04-25-gehouden"]
    assert (held.decoded("DTSTART"), held.decoded("DTEND")) == (datetime.date(2022, 4, 25), datetime.date(2022, 4, 26))
    assert str(held["STATUS"]) == "CONFIRMED" and str(held["LOCATION"]) == "Utrecht"
    assert str(found["2022-05-01-afgelast"]["STATUS"]) == "CANCELLED"
    assert str(found["2022-09-21-session-1"]["STATUS"]) == "TENTATIVE"
    several = found["2022-06-01-meerdaags"]
    assert (several.decoded("DTSTART"), several.decoded("DTEND")) == (datetime.date(2022, 6, 1), datetime.date(2022, 6, 4))
    assert [str(c) for c in held["CATEGORIES"].cats] == ["inspiratiesessie"]
    assert str(held["URL"]) == SITE_URL + "sessies/2022-04-25-gehouden/"
    assert SITE_URL + "sessies/2022-04-25-gehouden/" in str(held["DESCRIPTION"])


def test_each_session_has_its_own_calendar_file_beside_its_page(sessions):
    generated = sessions.generated()
    one = generated["sessies/2022-04-25-gehouden.ics"]
    assert list(events(one)) == ["2022-04-25-gehouden"]
    assert "sessies/2022-09-uiterlijk.ics" not in generated


def test_calendars_do_not_depend_on_the_clock(sessions, tree):
    later = Site(Context(load_catalogue(tree), SETTINGS, today=datetime.date(2030, 1, 1)))
    assert later.generated()[calendar.ALL_SESSIONS_URI] == sessions.generated()[calendar.ALL_SESSIONS_URI]
    stamp = events(sessions.generated()[calendar.ALL_SESSIONS_URI])["2022-04-25-gehouden"].decoded("DTSTAMP")
    assert stamp == datetime.datetime(2022, 4, 25, tzinfo=datetime.timezone.utc)


def feed(root, type_name: str = "essay", today: datetime.date = TODAY) -> ET.Element:
    data = feeds.atom(load_catalogue(root), type_name, SITE_URL, today)
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/css" href="feed.css"?>')
    return ET.fromstring(data)


def test_essay_feed_is_atom_with_absolute_links_and_no_drafts(tree):
    write(tree, {"essays/concept.md": "---\ntitle: Concept\ndescription: D.\ndraft: true\nthemes:\n- theme-1\n---\n",
                 "essays/ouder.md": MINIMAL["essays/essay-1.md"].replace("'2022-09-21'", "'2021-03-01'")})
    root = feed(tree)
    assert root.find("a:title", ATOM).text == "Kennisschakels: nieuwe essays"
    assert root.find("a:id", ATOM).text == SITE_URL + "feeds/essays.xml"
    assert root.find("a:updated", ATOM).text == "2022-09-21T00:00:00Z"  # the newest essay, not the clock
    entries = root.findall("a:entry", ATOM)
    assert [e.find("a:link", ATOM).get("href") for e in entries] == [SITE_URL + "essays/essay-1/", SITE_URL + "essays/ouder/"]
    first = entries[0]
    assert first.find("a:author/a:name", ATOM).text == "Persoon 1"
    assert first.find("a:category", ATOM).attrib == {"term": "theme-1", "label": "Leerthema 1"}
    assert first.find("a:summary", ATOM).text == "Voorbeeld van beschrijving"


def test_update_feed_names_the_region_as_author(tree):
    entry = feed(tree, "update").find("a:entry", ATOM)
    assert entry.find("a:author/a:name", ATOM).text == "Regio 1"
    assert entry.find("a:updated", ATOM).text == "2022-09-21T00:00:00Z"


def test_an_empty_feed_is_valid_and_dated_by_the_build_not_1970(tree):
    (tree / "regions/regio-1/updates/2022-09-21-update-1.md").unlink()
    root = feed(tree, "update")
    assert root.findall("a:entry", ATOM) == []
    assert root.find("a:updated", ATOM).text == "2023-11-14T00:00:00Z"


def test_feed_text_is_escaped_by_the_xml_library(tree):
    write(tree, {"essays/essay-1.md": MINIMAL["essays/essay-1.md"].replace(
        "title: Essay 1", "title: \"Bodem & water: 5 < 7 > 3\"")})  # HTML itself is refused by the check
    entry = feed(tree).find("a:entry", ATOM)
    assert entry.find("a:title", ATOM).text == "Bodem & water: 5 < 7 > 3"


def test_generated_files_are_the_feeds_their_stylesheet_and_the_calendars(tree):
    generated = site(tree).generated()
    assert set(generated) == {"feeds/essays.xml", "feeds/updates.xml", "feeds/feed.css", "sessies/kalender.ics",
                              "sessies/2022-09-21-session-1.ics"}


def test_a_title_over_more_lines_makes_a_valid_calendar(tree):
    """Found by tests/test_properties.py: a session title with a line break crashed the build in icalendar."""
    write(tree, {"docs/sessies/2022-10-maand.md": edit(SESSION, title="Kenniscafé\nover warmte")})
    generated = site(tree).generated()
    single = icalendar.Calendar.from_ical(generated["sessies/2022-10-maand.ics"])
    assert str(single["X-WR-CALNAME"]) == "Kenniscafé over warmte"
    assert str(events(generated[calendar.ALL_SESSIONS_URI])["2022-10-maand"]["SUMMARY"]).startswith("Kenniscafé over warmte")
