"""Issue 15: what a reader sees of sessions depends on the build date (SOURCE_DATE_EPOCH).

A small tree with sessions around May and June 2024 is built twice, on 1 May 2024 and on
15 July 2024 (two real builds of a few seconds). Before: the sessions of May and June are
upcoming and the one known only as 'June' can go in an agenda; after: they are past, a session
recorded as 'gepland' says it was planned, and no page offers an agenda entry any more.
"""

from __future__ import annotations

import datetime
import re
from html import unescape
from pathlib import Path

import icalendar
import pytest

from conftest import MINIMAL, build, copy_repo, edit, write
from kennisschakels import derive
from kennisschakels.context import build_date
from kennisschakels.load import load_catalogue

SESSION = edit(MINIMAL["docs/sessies/2022-09-21-session-1.md"], end_date=None)
SESSIONS = {
    "docs/sessies/2024-03-05-terugblik.md": edit(SESSION, title="Terugblik in maart", status="gehouden"),
    "docs/sessies/2024-05-10-kenniscafe.md": edit(SESSION, title="Kenniscafé in mei", kind="kenniscafe"),
    "docs/sessies/2024-06-platformdag.md": edit(SESSION, title="Platformdag in juni", kind="platformdag"),
    "docs/sessies/2024-06-uiterlijk.md": edit(SESSION, title="Werksessie uiterlijk juni", kind="werksessie",
                                              status=None, latest=True),
}
# The sessions overview (the minimal tree's index page has no overview).
SESSIONS["docs/sessies/index.md"] = edit(MINIMAL["docs/sessies/index.md"], overview="sessions")
BEFORE, AFTER = datetime.date(2024, 5, 1), datetime.date(2024, 7, 15)


def epoch(day: datetime.date) -> str:
    return str(int(datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.timezone.utc).timestamp()))


def test_the_build_date_is_the_day_of_source_date_epoch():
    assert build_date({"SOURCE_DATE_EPOCH": epoch(BEFORE)}) == BEFORE
    assert build_date({"SOURCE_DATE_EPOCH": epoch(AFTER)}) == AFTER


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[datetime.date, Path]:
    """The built site of the same tree on each date."""
    root = copy_repo(tmp_path_factory.mktemp("sessies"), content=False)
    write(root, {**MINIMAL, **SESSIONS})
    sites = {}
    for day in (BEFORE, AFTER):
        result = build(root, "--site-dir", f"site-{day}", env={"SOURCE_DATE_EPOCH": epoch(day)})
        assert result.returncode == 0, result.stderr
        sites[day] = root / f"site-{day}"
    return sites


def text(html: str) -> str:
    html = re.sub(r"</?(a|abbr|strong|em|span)\b[^>]*>", "", html)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def sections(site: Path) -> tuple[str, str]:
    """The text under 'Komende sessies' and under 'Geweest' on the sessions overview."""
    page = (site / "sessies/index.html").read_text(encoding="utf-8")
    upcoming = page.index('<h2 id="komende-sessies"')
    past = page.index('<h2 id="geweest"')
    end = page.index("</article>")
    assert upcoming < past < end
    return text(page[upcoming:past]), text(page[past:end])


def session_page(site: Path, name: str) -> str:
    return (site / "sessies" / name / "index.html").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- 15. upcoming and past

def test_split_sessions_by_the_date_of_the_build(tree):
    write(tree, SESSIONS)
    catalogue = load_catalogue(tree)
    upcoming, past = derive.split_sessions(catalogue, BEFORE)
    assert [s.id for s in upcoming] == ["2024-05-10-kenniscafe", "2024-06-uiterlijk", "2024-06-platformdag"]
    assert [s.id for s in past] == ["2024-03-05-terugblik", "2022-09-21-session-1"]
    upcoming, past = derive.split_sessions(catalogue, AFTER)
    assert upcoming == []
    assert [s.id for s in past][:3] == ["2024-06-platformdag", "2024-06-uiterlijk", "2024-05-10-kenniscafe"]


def test_before_the_sessions_they_are_listed_as_upcoming(builds):
    upcoming, past = sections(builds[BEFORE])
    for title in ("Kenniscafé in mei", "Platformdag in juni", "Werksessie uiterlijk juni"):
        assert title in upcoming and title not in past, title
    assert "Terugblik in maart" in past and "Terugblik in maart" not in upcoming
    assert "10 mei 2024 · kenniscafé · gepland" in upcoming
    overview = text((builds[BEFORE] / "sessies/index.html").read_text(encoding="utf-8"))
    assert "volgt uit de datum van vandaag (1 mei 2024)" in overview


def test_after_the_sessions_they_are_past_and_a_planned_one_says_it_was_planned(builds):
    upcoming, past = sections(builds[AFTER])
    assert "Er zijn nu geen komende sessies vastgelegd." in upcoming
    for title in ("Kenniscafé in mei", "Platformdag in juni", "Werksessie uiterlijk juni", "Terugblik in maart"):
        assert title in past and title not in upcoming, title
    assert "10 mei 2024 · kenniscafé · was gepland; niet vastgelegd of die doorging" in past
    assert "· kenniscafé · gepland" not in past
    page = text(session_page(builds[AFTER], "2024-05-10-kenniscafe"))
    assert "Kenniscafé (was gepland; niet vastgelegd of die doorging)" in page
    assert "Kenniscafé (gepland)" in text(session_page(builds[BEFORE], "2024-05-10-kenniscafe"))


# ----------------------------------------------------------------------------- 16. known only by month

AGENDA = "Zet deze sessie in je agenda (.ics)"


def test_the_next_session_known_only_by_month_can_go_in_an_agenda_as_a_tentative_month(builds):
    site = builds[BEFORE]
    page = session_page(site, "2024-06-platformdag")
    assert f'<a href="../2024-06-platformdag.ics">{AGENDA}</a>' in page
    assert "juni 2024 (de dag is nog niet bekend)" in text(page)
    (event,) = icalendar.Calendar.from_ical((site / "sessies/2024-06-platformdag.ics").read_bytes()).walk("VEVENT")
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (datetime.date(2024, 6, 1), datetime.date(2024, 7, 1))
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["SUMMARY"]) == "Platformdag in juni (dag nog niet bekend)"
    everything = icalendar.Calendar.from_ical((site / "sessies/kalender.ics").read_bytes()).walk("VEVENT")
    assert "2024-06-platformdag@kennisschakels" in {str(e["UID"]) for e in everything}


def test_a_past_month_has_no_agenda_offer(builds):
    assert AGENDA not in session_page(builds[AFTER], "2024-06-platformdag")
    assert AGENDA not in session_page(builds[AFTER], "2024-05-10-kenniscafe")
    assert AGENDA in session_page(builds[BEFORE], "2024-05-10-kenniscafe")


def test_a_session_known_only_as_at_the_latest_has_no_agenda_entry(builds):
    for site in builds.values():
        page = session_page(site, "2024-06-uiterlijk")
        assert AGENDA not in page and ".ics" not in page
        assert "uiterlijk juni 2024 (de precieze datum is niet bekend)" in text(page)
        assert not (site / "sessies/2024-06-uiterlijk.ics").exists()
        everything = icalendar.Calendar.from_ical((site / "sessies/kalender.ics").read_bytes()).walk("VEVENT")
        assert "2024-06-uiterlijk@kennisschakels" not in {str(e["UID"]) for e in everything}
