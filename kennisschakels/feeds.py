"""Atom feeds (RFC 4287) for the types that declare one (essays, region updates).

Written with ElementTree, so every text is escaped by the XML library. Deterministic: a
feed's <updated> is its newest entry's date, or the build date when it has no entries yet.
A small stylesheet makes a feed readable when a reader opens it in a browser.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

from kennisschakels import derive
from kennisschakels.catalogue import Catalogue
from kennisschakels.model.entry import Entry

ATOM = "http://www.w3.org/2005/Atom"
STYLESHEET_URI = "feeds/feed.css"
AUTHOR = "Programma Regionale Kennisschakels bodem en ondergrond"


def feed_uri(type_name: str) -> str:
    return f"feeds/{type_name}s.xml"


def _timestamp(date) -> str:
    return f"{date.as_date():%Y-%m-%d}T00:00:00Z"


def _entries(catalogue: Catalogue, type_name: str) -> list[Entry]:
    items = catalogue.of(type_name)
    if type_name == "essay":
        items = [e for e in items if not e.draft]
    return derive.newest_first([e for e in items if e.date])


def atom(catalogue: Catalogue, type_name: str, site_url: str, today: datetime.date) -> bytes:
    type_ = catalogue.types[type_name]
    items = _entries(catalogue, type_name)
    feed_url = site_url.rstrip("/") + "/" + feed_uri(type_name)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})

    def add(parent, tag, text=None, **attributes):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    add(feed, "title", type_.feed)
    add(feed, "subtitle", f"Nieuwe {type_.labels.plural} in de kennisbank Kennisschakels bodem en ondergrond")
    add(feed, "id", feed_url)
    add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    add(feed, "link", rel="alternate", type="text/html", href=site_url)
    add(feed, "updated", _timestamp(items[0].date) if items else f"{today:%Y-%m-%d}T00:00:00Z")
    add(add(feed, "author"), "name", AUTHOR)
    for entry in items:
        url = site_url.rstrip("/") + "/" + entry.site_path
        item = add(feed, "entry")
        add(item, "title", " ".join(entry.title.split()))
        add(item, "id", url)
        add(item, "link", rel="alternate", type="text/html", href=url)
        add(item, "updated", _timestamp(entry.updated if "updated" in entry.type.field_map and entry.updated
                                        else entry.date))
        authors = entry.authors if type_name == "essay" else [entry.owner]
        for author in authors:
            add(add(item, "author"), "name", " ".join(author.title.split()))
        for theme in catalogue.sort(entry.themes):
            add(item, "category", term=theme.id, label=" ".join(theme.title.split()))
        add(item, "summary", " ".join(entry.description.split()))
    ET.indent(feed)
    body = ET.tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<?xml-stylesheet type="text/css" href="feed.css"?>\n{body}\n').encode("utf-8")


STYLESHEET = """/* Makes a feed readable in a browser; feed readers ignore it. */
feed { display: block; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;
       font: 1rem/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; }
feed > title { display: block; font-size: 1.6rem; font-weight: 700; color: #154273; }
feed > subtitle { display: block; margin-bottom: 1rem; }
feed > subtitle::after { content: ". Dit is een feed: plak het adres van deze pagina in een feedlezer of in de RSS-functie van Outlook om nieuwe berichten vanzelf te zien."; }
feed > id, feed > updated, feed > author, feed > link, entry > id, entry > link, entry > category { display: none; }
entry { display: block; margin: 1rem 0; padding-top: 1rem; border-top: 1px solid #ccc; }
entry > title { display: block; font-weight: 700; }
entry > updated, entry > author { display: inline; color: #555; margin-right: .5rem; }
entry > summary { display: block; }
"""


def feed_files(catalogue: Catalogue, site_url: str, today: datetime.date) -> dict[str, bytes]:
    files = {feed_uri(t.name): atom(catalogue, t.name, site_url, today) for t in catalogue.types if t.feed}
    files[STYLESHEET_URI] = STYLESHEET.encode("utf-8")
    return files
