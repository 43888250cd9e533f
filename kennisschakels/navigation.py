"""The site navigation, derived from the catalogue so nobody lists files by hand.

Folders become sections; a folder's ``index.md`` titles the section and its ``order`` places
the section among its siblings. Within a folder, pages come by their ``order`` and title, and
typed entries in their type's natural order (themes by number, sessions by date, ...).
The result has the shape of MkDocs' ``nav`` setting.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from kennisschakels.catalogue import Catalogue
from kennisschakels.model.entry import Entry

# Folders without an index page get these section titles.
FOLDER_TITLES = {"praktijk": "Praktijkvoorbeelden", "updates": "Updates"}
_LAST = 10_000


@dataclass
class Navigation:
    items: list
    omitted: set[str] = field(default_factory=set)  # uris left out of long sections (listed on their overview)


def build_nav(catalogue: Catalogue, first: dict[str, int] | None = None) -> Navigation:
    """The nav. ``first`` gives pages an explicit rank within their folder (a report's chapter order)."""
    first = first or {}
    rank = {e: i for t in catalogue.types for i, e in enumerate(catalogue.of(t.name))}

    def key(entry: Entry) -> tuple:
        if entry.uri in first:
            return (-1, first[entry.uri], "", entry.id)
        if entry.type.name == "page":
            order = entry.order if entry.order is not None else _LAST
            return (order, 0, entry.title.casefold(), entry.id)
        return (0, rank[entry], "", entry.id)

    tree: dict = {}
    for entry in catalogue.all():
        folder = tree
        for part in posixpath.dirname(entry.uri).split("/") if "/" in entry.uri else []:
            folder = folder.setdefault(part, {})
        folder.setdefault("", []).append(entry)
    navigation = Navigation([])
    navigation.items = _folder(tree, key, navigation.omitted)
    if navigation.items and navigation.items[0] == "index.md":
        navigation.items[0] = {"Start": "index.md"}  # the home page's own title is too long for the menu
    return navigation


def _folder(folder: dict, key, omitted: set[str]) -> list:
    pages = folder.get("", [])
    index = next((e for e in pages if e.uri.endswith("index.md")), None)
    entries = [e for e in pages if e is not index]
    typed = [e for e in entries if e.type.name != "page"]
    # Material renders a page's whole section in its menu: a long section would make every page of it
    # cost as much as the whole section. Above its type's limit, the menu shows only the overview.
    if typed and len(typed) > min(e.type.in_menu_limit for e in typed):
        omitted.update(e.uri for e in typed)
        entries = [e for e in entries if e.type.name == "page"]
    items: list[tuple[tuple, object]] = [(key(e), e.uri) for e in entries]
    for name in sorted(k for k in folder if k):
        sub = folder[name]
        sub_index = next((e for e in sub.get("", []) if e.uri.endswith("index.md")), None)
        title = sub_index.title if sub_index else FOLDER_TITLES.get(name, name.capitalize())
        sort_key = key(sub_index) if sub_index else (_LAST, 0, title.casefold(), name)
        children = _folder(sub, key, omitted)
        if children:  # a long 'updates' folder has no index page to stand in for it
            items.append((sort_key, {title: children}))
    ordered = [item for _, item in sorted(items, key=lambda pair: pair[0])]
    return ([index.uri] if index else []) + ordered
