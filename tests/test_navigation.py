"""The navigation comes from the catalogue: folders are sections in their natural orders, and a
long section leaves its entries to its overview page. No build."""

from __future__ import annotations

from conftest import MINIMAL, write
from kennisschakels.load import load_catalogue
from kennisschakels.model.declarations import TYPES
from kennisschakels.navigation import build_nav


def section(items: list, title: str) -> list:
    return next(item[title] for item in items if isinstance(item, dict) and title in item)


def titles(items: list) -> list[str]:
    return [next(iter(item)) if isinstance(item, dict) else item for item in items]


def test_navigation_of_the_minimal_tree(tree):
    nav = build_nav(load_catalogue(tree)).items
    assert nav[0] == {"Start": "index.md"}
    # Every typed folder is a section, titled by its index page, its index first.
    for type_ in TYPES:
        folder = type_.path.folder
        if folder.startswith("docs/") and "{" not in folder:
            title = type_.labels.plural.capitalize()
            assert section(nav, title)[0] == f"{folder.removeprefix('docs/')}/index.md", title
    regions = section(nav, "Regio's")
    assert regions[0] == "regions/index.md"
    region = section(regions, "Regio 1")
    assert region == ["regions/regio-1/index.md",
                      {"Praktijkvoorbeelden": ["regions/regio-1/praktijk/practice-1.md"]},
                      {"Updates": ["regions/regio-1/updates/2022-09-21-update-1.md"]}]


def test_entries_come_in_their_types_natural_order(tree):
    theme = MINIMAL["docs/leerthemas/theme-1.md"]
    session = MINIMAL["docs/sessies/2022-09-21-session-1.md"].replace("end_date: '2022-09-21'\n", "")
    write(tree, {
        "docs/leerthemas/aaa.md": theme.replace("number: 1", "number: 8").replace("Leerthema 1", "Aaa"),
        "docs/leerthemas/zzz.md": theme.replace("number: 1", "number: 2").replace("Leerthema 1", "Zzz"),
        "docs/sessies/2021-03-vroeg.md": session,
        "docs/sessies/2023-01-05-laat.md": session,
    })
    nav = build_nav(load_catalogue(tree)).items
    assert section(nav, "Leerthema's") == ["leerthemas/index.md", "leerthemas/theme-1.md", "leerthemas/zzz.md",
                                           "leerthemas/aaa.md"]  # by number, not by title
    assert section(nav, "Sessies") == ["sessies/index.md", "sessies/2021-03-vroeg.md",
                                       "sessies/2022-09-21-session-1.md", "sessies/2023-01-05-laat.md"]


def test_pages_by_order_then_title_and_sections_by_their_index_order(tree):
    page = "---\ntitle: {title}\ndescription: D.\n{extra}---\n"
    write(tree, {
        "docs/programma/index.md": page.format(title="Programma", extra="order: 1\n"),
        "docs/programma/b.md": page.format(title="Bravo", extra=""),
        "docs/programma/a.md": page.format(title="Alfa", extra=""),
        "docs/programma/z.md": page.format(title="Zulu", extra="order: 0\n"),
        "docs/over/index.md": page.format(title="Over", extra="order: 99\n"),
        "docs/sessies/index.md": page.format(title="Sessies", extra="order: 2\n"),
    })
    nav = build_nav(load_catalogue(tree)).items
    assert section(nav, "Programma") == ["programma/index.md", "programma/z.md", "programma/a.md", "programma/b.md"]
    order = titles(nav)
    # Sections whose index page sets 'order' come first, by it; the others follow by title.
    assert order.index("Programma") < order.index("Sessies") < order.index("Over") < order.index("Begrippen")


def test_report_chapters_can_be_given_their_rank(tree):
    page = "---\ntitle: {title}\ndescription: D.\n---\n"
    write(tree, {"docs/rapport/index.md": page.format(title="Rapport"), "docs/rapport/a.md": page.format(title="A"),
                 "docs/rapport/b.md": page.format(title="B")})
    nav = build_nav(load_catalogue(tree), first={"rapport/b.md": 0, "rapport/a.md": 1}).items
    assert section(nav, "Rapport") == ["rapport/index.md", "rapport/b.md", "rapport/a.md"]


def test_a_long_section_leaves_its_entries_to_the_overview_page(tree):
    # Material renders a page's whole section in its menu: hundreds of siblings on each of
    # hundreds of pages make the build quadratic. The overview page lists them instead.
    limit = TYPES["session"].in_menu_limit
    session = MINIMAL["docs/sessies/2022-09-21-session-1.md"].replace("end_date: '2022-09-21'\n", "")
    write(tree, {f"docs/sessies/2023-01-01-sessie-{n}.md": session for n in range(limit)})
    navigation = build_nav(load_catalogue(tree))
    assert section(navigation.items, "Sessies") == ["sessies/index.md"]
    assert len(navigation.omitted) == limit + 1 and "sessies/2023-01-01-sessie-7.md" in navigation.omitted
    assert len(section(navigation.items, "Leerthema's")) == 2  # short sections keep every entry in the menu


def test_a_section_at_the_limit_stays_in_the_menu(tree):
    limit = TYPES["person"].in_menu_limit
    person = MINIMAL["docs/mensen/person-1.md"]
    write(tree, {f"docs/mensen/persoon-{n}.md": person for n in range(limit - 1)})
    navigation = build_nav(load_catalogue(tree))
    assert len(section(navigation.items, "Personen")) == limit + 1 and navigation.omitted == set()


def test_a_long_updates_folder_without_index_disappears_from_the_menu(tree):
    update = MINIMAL["regions/regio-1/updates/2022-09-21-update-1.md"]
    write(tree, {f"regions/regio-1/updates/2022-01-{n % 28 + 1:02d}-u{n}.md": update for n in range(60)})
    navigation = build_nav(load_catalogue(tree))
    region = section(section(navigation.items, "Regio's"), "Regio 1")
    assert titles(region) == ["regions/regio-1/index.md", "Praktijkvoorbeelden"]
    assert len(navigation.omitted) == 61


def test_real_navigation_starts_home_and_lists_themes_in_number_order(real_site):
    nav = real_site.navigation.items
    assert nav[0] == {"Start": "index.md"}
    themes = section(nav, "Leerthema's")
    numbers = [real_site.entry(uri).number for uri in themes[1:]]
    assert numbers == sorted(numbers) == list(range(1, 9))
