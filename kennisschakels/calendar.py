"""iCalendar (RFC 5545) files for sessions, so readers can add them to their agenda.

Deterministic: DTSTAMP is derived from the session itself, never from the clock.
Sessions known only to the month have no day to put in an agenda and are left out.
"""

from __future__ import annotations

import datetime

from kennisschakels import derive
from kennisschakels.catalogue import Catalogue, Entry

PRODID = "-//Kennisschakels bodem en ondergrond//Kennisbank//NL"
CALENDAR_NAME = "Kennisschakels bodem en ondergrond: sessies"
STATUS = {"gepland": "TENTATIVE", "gehouden": "CONFIRMED", "afgelast": "CANCELLED"}


def in_calendar(session: Entry) -> bool:
    date = session.date()
    return bool(date and date.day)


def calendar_uri(session: Entry) -> str:
    """Source uri of a session's own calendar file, beside its page."""
    return session.uri[:-3] + ".ics"


ALL_SESSIONS_URI = "sessies/kalender.ics"


def _escape(text: str) -> str:
    return (" ".join(str(text).split()).replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545, 3.1), never inside a UTF-8 character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = 75 if not out else 74  # continuation lines start with a space
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def _event(session: Entry, page_url: str | None) -> list[str]:
    start = session.date().as_date()
    end_date = session.date("end_date")
    end = (end_date.as_date() if end_date and end_date.day else start) + datetime.timedelta(days=1)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{session.id}@kennisschakels",
        f"DTSTAMP:{start:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{_escape(session.title)}",
        f"DESCRIPTION:{_escape(session.description)}",
        f"CATEGORIES:{_escape(session.meta['kind'])}",
    ]
    if session.meta.get("location"):
        lines.append(f"LOCATION:{_escape(session.meta['location'])}")
    if session.meta.get("status") in STATUS:
        lines.append(f"STATUS:{STATUS[session.meta['status']]}")
    if page_url:
        lines.append(f"URL:{page_url}")
    lines.append("END:VEVENT")
    return lines


def ics(sessions: list[Entry], name: str, site_url: str | None = None) -> str:
    """One calendar with the given sessions (in date order)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(name)}", "X-WR-TIMEZONE:Europe/Amsterdam"]
    for session in derive.chronological([s for s in sessions if in_calendar(s)]):
        url = f"{site_url.rstrip('/')}/{session.uri[:-3]}/" if site_url else None
        lines += _event(session, url)
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def calendar_files(catalogue: Catalogue, site_url: str | None = None) -> dict[str, str]:
    """Source uri -> content of every calendar file: all sessions, and one per session."""
    sessions = catalogue.of("session")
    files = {ALL_SESSIONS_URI: ics(sessions, CALENDAR_NAME, site_url)}
    for session in sessions:
        if in_calendar(session):
            files[calendar_uri(session)] = ics([session], session.title, site_url)
    return files
