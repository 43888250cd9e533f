"""Atom feeds (RFC 4287) for new essays and region updates, with absolute links.

Deterministic: a feed's <updated> is its newest entry's date, never the build time.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from kennisschakels import derive
from kennisschakels.catalogue import Catalogue, Entry

FEEDS = {
    # source uri of the feed -> (title, what it holds)
    "feeds/essays.xml": ("Kennisschakels: nieuwe essays", "essay"),
    "feeds/updates.xml": ("Kennisschakels: updates uit de regio's", "update"),
}


def page_url(site_url: str, entry: Entry) -> str:
    path = entry.uri[:-3]
    path = path[: -len("index")] if path.endswith("index") else path + "/"
    return site_url.rstrip("/") + "/" + path


def _timestamp(entry: Entry) -> str:
    date = entry.date()
    return f"{date.as_date():%Y-%m-%d}T00:00:00Z" if date else "1970-01-01T00:00:00Z"


def atom(catalogue: Catalogue, uri: str, site_url: str) -> str:
    title, type_name = FEEDS[uri]
    items = derive.published_essays(catalogue) if type_name == "essay" else derive.newest_first(catalogue.of("update"))
    feed_url = site_url.rstrip("/") + "/" + uri
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(feed_url)}</id>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(feed_url)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(site_url)}/>",
        f"  <updated>{_timestamp(items[0]) if items else '1970-01-01T00:00:00Z'}</updated>",
        "  <author><name>Programma Regionale Kennisschakels bodem en ondergrond</name></author>",
    ]
    for entry in items:
        url = page_url(site_url, entry)
        authors = catalogue.resolve(entry, "authors") if type_name == "essay" else [catalogue.get("region", entry.region)]
        lines += [
            "  <entry>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <id>{escape(url)}</id>",
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
            f"    <updated>{_timestamp(entry)}</updated>",
            *[f"    <author><name>{escape(a.title)}</name></author>" for a in authors if a],
            *[f"    <category term={quoteattr(t.id)} label={quoteattr(t.title)}/>"
              for t in derive.by_number(catalogue.resolve(entry, "themes"))],
            f"    <summary>{escape(entry.description)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def feed_files(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    return {uri: atom(catalogue, uri, site_url) for uri in FEEDS}
