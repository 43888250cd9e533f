"""The catalogue resolves references both ways and derives the navigation."""

from __future__ import annotations

from conftest import ROOT, write
from kennisschakels import derive, load_catalogue
from kennisschakels.navigation import MAX_SECTION_ENTRIES, build_nav


def test_references_resolve_forwards_and_backwards(minimal):
    catalogue = load_catalogue(minimal)
    essay = catalogue.get("essay", "een-essay")
    person = catalogue.get("person", "willem-hendriks")
    theme = catalogue.get("theme", "samenwerking-nationaal")
    region = catalogue.get("region", "twente")
    assert catalogue.resolve(essay, "authors") == [person]
    assert catalogue.referrers(person, "essay") == [essay]
    assert derive.adopting_regions(catalogue, theme) == [region]
    assert [e.id for e in derive.region_items(catalogue, region, "update")] == ["twente/2022-06-16-kenniscafe"]
    assert [e.id for e in derive.region_items(catalogue, region, "practice")] == ["twente/escaperoom"]
    assert derive.related(catalogue, person, "session", "hosts") == catalogue.of("session")


def test_navigation_is_derived_in_natural_orders(minimal):
    nav = build_nav(load_catalogue(minimal))
    assert nav[0] == {"Start": "index.md"}
    themes = next(item for item in nav if isinstance(item, dict) and "Leerthemas" in item)
    assert themes["Leerthemas"] == ["leerthemas/bestuur-en-verankering.md", "leerthemas/samenwerking-nationaal.md"]


def test_real_content_is_valid_and_complete():
    catalogue = load_catalogue(ROOT)
    counts = {name: len(catalogue.of(name)) for name in ("region", "theme", "essay", "person", "session")}
    assert counts["region"] == 8 and counts["theme"] == 8
    assert counts["essay"] >= 6 and counts["session"] >= 8




def test_a_long_section_leaves_its_entries_to_the_overview_page(minimal):
    # Material renders a page's whole section in its menu: hundreds of siblings on each of
    # hundreds of pages make the build quadratic. The overview page lists them instead.
    sessions = {f"docs/sessies/2023-01-01-sessie-{n}.md": f"""
        ---
        title: Sessie {n}
        description: Sessie.
        date: 2023-01-01
        kind: workshop
        ---
        Tekst.
        """ for n in range(MAX_SECTION_ENTRIES)}
    write(minimal, {"docs/sessies/index.md": "---\ntitle: Sessies\ndescription: Alle sessies.\n---\n", **sessions})
    omitted: set[str] = set()
    nav = build_nav(load_catalogue(minimal), omitted)
    section = next(item["Sessies"] for item in nav if isinstance(item, dict) and "Sessies" in item)
    assert section == ["sessies/index.md"]
    assert len(omitted) == MAX_SECTION_ENTRIES + 1 and "sessies/2023-01-01-sessie-7.md" in omitted
    themes = next(item for item in nav if isinstance(item, dict) and "Leerthemas" in item)["Leerthemas"]
    assert len(themes) == 2  # short sections keep every entry in the menu
