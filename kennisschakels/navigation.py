"""The site navigation, derived from the catalogue so nobody lists files by hand.

Folders become sections; a folder's ``index.md`` titles the section and its ``order``
places the section among its siblings. Within a folder, each content type has its
natural order (themes by number, sessions by date, essays newest first, ...).
The result has the shape of MkDocs' ``nav`` setting.
"""

from __future__ import annotations

import posixpath

from kennisschakels import derive
from kennisschakels.catalogue import Catalogue, Entry

# Folders without an index page get these section titles.
FOLDER_TITLES = {"praktijk": "Praktijkvoorbeelden", "updates": "Updates"}
_LAST = 10_000
# Material renders a page's whole section in its menu, so a section of n entries costs n² to
# build. Above this many, the menu leaves a section's essays, sessions, updates, ... out: its
# overview page (or the region's page) lists them all. Plain pages always stay in the menu.
MAX_SECTION_ENTRIES = 50


def _entry_key(entry: Entry, position: dict[Entry, int]) -> tuple[int, int, str, str]:
    """Pages by their 'order' then title; typed entries by their type's natural order."""
    if entry.type == "page":
        return (entry.meta.get("order", _LAST), 0, entry.title.casefold(), entry.id)
    return (0, position[entry], "", entry.id)


def build_nav(catalogue: Catalogue, omitted: set[str] | None = None) -> list:
    """The nav; ``omitted`` receives the uris of the entries left out of long sections."""
    # One defined order per type; each entry's rank within its type.
    orders = [derive.regions(catalogue), derive.themes(catalogue), derive.chronological(catalogue.of("session")),
              derive.published_essays(catalogue) + derive.draft_essays(catalogue),
              derive.lessons_in_order(catalogue.of("lesson")), derive.by_title(catalogue.of("person")),
              derive.by_title(catalogue.of("organisation")), derive.by_title(catalogue.of("term")),
              sorted(catalogue.of("document"), key=lambda e: (e.meta.get("order") or 0, e.title.casefold(), e.id)),
              derive.newest_first(catalogue.of("update")), derive.by_title(catalogue.of("practice"))]
    position = {entry: rank for ordered in orders for rank, entry in enumerate(ordered)}

    tree: dict = {}
    for entry in catalogue.all():
        folder = tree
        for part in posixpath.dirname(entry.uri).split("/") if "/" in entry.uri else []:
            folder = folder.setdefault(part, {})
        folder.setdefault("", []).append(entry)
    nav = _folder_nav(tree, position, set() if omitted is None else omitted)
    if nav and nav[0] == "index.md":
        nav[0] = {"Start": "index.md"}  # the home page's own title is too long for the menu
    return nav


def _folder_nav(folder: dict, position: dict[Entry, int], omitted: set[str]) -> list:
    pages = folder.get("", [])
    index = next((e for e in pages if e.uri.endswith("index.md")), None)
    entries = [e for e in pages if e is not index]
    typed = [e for e in entries if e.type != "page"]
    if len(typed) > MAX_SECTION_ENTRIES:
        omitted.update(e.uri for e in typed)
        entries = [e for e in entries if e.type == "page"]
    items: list[tuple[tuple, object]] = [(_entry_key(e, position), e.uri) for e in entries]
    for name in sorted(k for k in folder if k):
        sub = folder[name]
        sub_index = next((e for e in sub.get("", []) if e.uri.endswith("index.md")), None)
        title = sub_index.title if sub_index else FOLDER_TITLES.get(name, name.capitalize())
        key = _entry_key(sub_index, position) if sub_index else (_LAST, 0, title.casefold(), name)
        children = _folder_nav(sub, position, omitted)
        if children:  # a long 'updates' folder has no index page to stand in for it
            items.append((key, {title: children}))
    ordered = [item for _, item in sorted(items, key=lambda pair: pair[0])]
    return ([index.uri] if index else []) + ordered
