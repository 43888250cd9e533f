"""iCalendar (RFC 5545) files for sessions, so readers can put them in their agenda.

Written with the ``icalendar`` library. Deterministic: DTSTAMP is derived from the session
itself, never from the clock. A session known only to the month becomes an entry spanning
that month, marked as tentative and saying that the day is not known yet.
"""

from __future__ import annotations

import datetime

from icalendar import Calendar, Event

from kennisschakels.catalogue import Catalogue
from kennisschakels.model.entry import Entry

PRODID = "-//Kennisschakels bodem en ondergrond//Kennisbank//NL"
CALENDAR_NAME = "Kennisschakels bodem en ondergrond: sessies"
ALL_SESSIONS_URI = "sessies/kalender.ics"
STATUS = {"gepland": "TENTATIVE", "gehouden": "CONFIRMED", "afgelast": "CANCELLED"}


def calendar_uri(session: Entry) -> str:
    """Source uri of a session's own calendar file, beside its page."""
    return session.uri[:-3] + ".ics"


def _span(session: Entry) -> tuple[datetime.date, datetime.date]:
    """First day and the day after the last day (DTEND is exclusive for whole days)."""
    start = session.date.as_date()
    if not session.date.day:
        end = datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return start, end
    last = session.end_date.as_date() if session.end_date and session.end_date.day else start
    return start, last + datetime.timedelta(days=1)


def _event(session: Entry, page_url: str | None) -> Event:
    start, end = _span(session)
    event = Event()
    event.add("uid", f"{session.id}@kennisschakels")
    event.add("dtstamp", datetime.datetime(start.year, start.month, start.day, tzinfo=datetime.timezone.utc))
    event.add("dtstart", start)
    event.add("dtend", end)
    month_only = not session.date.day
    event.add("summary", " ".join(session.title.split()) + (" (dag nog niet bekend)" if month_only else ""))
    description = " ".join(session.description.split())
    if page_url:
        description += f"\n\nMeer informatie: {page_url}"
    event.add("description", description)
    event.add("categories", [session.label("kind")])
    if session.location:
        event.add("location", " ".join(session.location.split()))
    status = "TENTATIVE" if month_only and session.status != "afgelast" else STATUS.get(session.status or "")
    if status:
        event.add("status", status)
    if page_url:
        event.add("url", page_url)
    return event


def ics(sessions: list[Entry], name: str, site_url: str | None = None) -> bytes:
    """One calendar with the given sessions, in date order."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    for session in sorted(sessions, key=lambda s: (s.date, s.id)):
        url = f"{site_url.rstrip('/')}/{session.site_path}" if site_url else None
        calendar.add_component(_event(session, url))
    return calendar.to_ical()


def in_calendar(session: Entry) -> bool:
    """A session known only as 'at the latest then' has no day or month to put in an agenda."""
    return not session.latest


def calendar_files(catalogue: Catalogue, site_url: str | None = None) -> dict[str, bytes]:
    """Source uri -> content of every calendar file: all sessions, and one per session."""
    sessions = [s for s in catalogue.of("session") if in_calendar(s)]
    files = {ALL_SESSIONS_URI: ics(sessions, CALENDAR_NAME, site_url)}
    for session in sessions:
        files[calendar_uri(session)] = ics([session], " ".join(session.title.split()), site_url)
    return files
