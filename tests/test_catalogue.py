"""The catalogue resolves references both ways and derives the navigation."""

from __future__ import annotations

from conftest import ROOT
from kennisschakels import derive, load_catalogue
from kennisschakels.navigation import build_nav


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
