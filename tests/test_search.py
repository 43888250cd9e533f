"""Search without a browser: the facets of each content type, the markup Pagefind reads, and the
index in the built site (Dutch, main content only, no Material search index)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import MINIMAL, ROOT, edit, site_of, write
from kennisschakels import search
from kennisschakels.load import load_catalogue
from kennisschakels.model.declarations import TYPES
from kennisschakels.search import Facets

from benchmarks import baseline, corpus


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT)


def test_facets_of_a_region_with_another_name(catalogue):
    facets = search.search_facets(catalogue.get("region", "fryslan"))
    assert facets == Facets("Regio", ["Fryslân"], ["Onderwerp of inhoudelijke focus", "Samenwerking nationaal"],
                            None, ["Friesland"])


def test_facets_of_an_update_or_practice_name_their_region(catalogue):
    practice = catalogue.get("practice", "twente/bodemcafe")
    facets = search.search_facets(practice)
    assert facets.type_label == "Praktijkvoorbeeld" and facets.regions == ["Twente"]
    assert facets.themes == [theme.title for theme in practice.themes]


def test_facets_of_an_essay_session_theme_and_person(catalogue):
    essay = catalogue.get("essay", "integraal-en-geintegreerd-werken")
    facets = search.search_facets(essay)
    assert (facets.type_label, facets.year) == ("Essay", "2022")
    session = catalogue.get("session", "2022-07-06-inspiratiesessie-schaalniveau")
    facets = search.search_facets(session)
    assert facets.type_label == "Sessie" and facets.year == "2022" and "Noord-Holland" in facets.regions
    theme = catalogue.get("theme", "schaalniveau")
    assert search.search_facets(theme).themes == [theme.title]
    person = catalogue.of("person")[0]
    assert search.search_facets(person) == Facets("Persoon")


def test_every_content_type_has_its_own_dutch_label_in_the_search_filter(tree):
    """The 'Soort' filter shows the declaration's label of each type: one per type, none shared."""
    labels = {t.name: t.labels.singular.capitalize() for t in TYPES}
    assert set(labels.values()) == {"Regio", "Essay", "Leerthema", "Sessie", "Les", "Praktijkvoorbeeld", "Update",
                                    "Persoon", "Organisatie", "Begrip", "Brondocument", "Pagina"}
    assert len(set(labels.values())) == len(TYPES.names())
    site = site_of(tree)
    for entry in site.catalogue.all():
        assert search.search_facets(entry).type_label == labels[entry.type.name]
        assert f'<span data-pagefind-filter="soort">{labels[entry.type.name]}</span>' in site.page(entry.uri).markdown


def test_facets_markup_is_hidden_escaped_and_read_by_pagefind():
    facets = Facets("Organisatie", ["Twente"], [], "2023", ["<SIKB>", "Stichting & co"])
    html = search.facets_html(facets, 'Over "bodem" <b>', ["Naam"])
    assert html.startswith('<div class="ks-zoekgegevens" hidden data-pagefind-ignore="index">')
    assert '<span data-pagefind-filter="soort">Organisatie</span>' in html
    assert '<span data-pagefind-filter="jaar">2023</span>' in html
    assert '<span data-pagefind-meta="namen">Naam, &lt;SIKB&gt;, Stichting &amp; co</span>' in html
    assert '<span data-pagefind-meta="description">Over "bodem" &lt;b&gt;</span>' in html
    assert "<b>" not in html and "<SIKB>" not in html
    assert search.aliases_html(facets) == ('<p class="ks-aliassen" data-pagefind-weight="7">Ook bekend als '
                                           '<strong>&lt;SIKB&gt;</strong> en <strong>Stichting &amp; co</strong>.</p>')
    assert search.aliases_html(Facets("Regio")) == ""


def test_only_lists_of_links_are_left_out_of_the_index():
    markdown = "\n".join([
        "## Kennisvragen", "", "1. Hoe nemen we bodemenergie mee?", "2. Wat doet verzilting?", "",
        "## Sessies", "", "- 17 februari 2022: [Sessie](../s.md)", "- [Andere](a.md) (leerthema 3)", "",
        "## Partners", "", "- Provincie", "- [Waterschap](w.md)", "",
    ])
    result = search.ignore_link_lists(markdown)
    assert result.count('<div data-pagefind-ignore="index" markdown="1">') == 1
    kept, ignored = result.split('<div data-pagefind-ignore="index" markdown="1">')
    assert "bodemenergie" in kept and "Sessie](../s.md)" in ignored.split("</div>")[0]
    assert "- Provincie" in ignored.split("</div>")[1]  # a list with plain text stays indexed


def test_page_markdown_marks_only_the_derived_parts(tree):
    """The region's own text, with its own list of links, stays in the index; the lists the site
    derives from other pages do not; the other names come first, the filters at the end."""
    own = "Tekst met een lijst:\n\n- [Eigen link](../../essays/essay-1.md)"
    region = "regions/regio-1/index.md"
    write(tree, {region: edit(MINIMAL[region], body=own, aliases=["Andere naam"])})
    markdown = site_of(tree).page(region).markdown
    ignored = re.findall(r'<div data-pagefind-ignore="index" markdown="1">(.*?)</div>', markdown, re.S)
    assert own in markdown and not any("Eigen link" in block for block in ignored)
    assert any("[Essay 1](../../essays/essay-1.md)" in block for block in ignored)  # 'Essays over deze regio'
    assert markdown.startswith('<p class="ks-aliassen" data-pagefind-weight="7">Ook bekend als '
                               '<strong>Andere naam</strong>.</p>')
    facets = markdown[markdown.index('<div class="ks-zoekgegevens"'):]
    assert 'data-pagefind-filter="regio">Regio 1<' in facets and 'data-pagefind-meta="namen">Regio 1, Andere naam<' in facets


def test_the_built_site_has_a_dutch_pagefind_index_and_no_material_index(built_site):
    bundle = built_site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["nl"]
    html_pages = [p for p in built_site.rglob("*.html") if p.name != "404.html"]
    assert entry["languages"]["nl"]["page_count"] == len(html_pages)  # every page but the 404 page
    for needed in ("pagefind.js", "pagefind-worker.js", "wasm.nl.pagefind"):
        assert (bundle / needed).is_file(), needed
    for unused in search.UNUSED_OUTPUT:
        assert not (bundle / unused).exists(), unused
    assert not (built_site / "search").exists(), "Material's search plugin still ran"


def test_every_indexed_page_marks_its_main_content_and_its_facets(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text("utf-8")
        if page.name == "404.html":
            assert "data-pagefind-body" not in html
            continue
        assert html.count("<div data-pagefind-body>") == 1, page
        assert html.count('<div class="ks-zoekgegevens"') == 1, page
        body = html[html.index("<div data-pagefind-body>"):]
        assert "md-sidebar" not in body and "md-footer" not in body.split('class="ks-zoekgegevens"')[0], page
        assert re.search(r'data-pagefind-filter="soort">[A-Z]', html), page


def test_the_benchmark_baseline_keeps_materials_own_search(tmp_path):
    """benchmarks/readers.py compares our search with Material's: the baseline must have
    Material's search box and plugin, not ours."""
    import yaml

    corpus.generate(tmp_path / "corpus", 120, source=ROOT)  # the smallest corpus has every type
    baseline.make(tmp_path / "corpus", tmp_path / "baseline")
    plain = yaml.safe_load((tmp_path / "baseline" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert plain["plugins"] == ["search"] and "hooks" not in plain
    assert not any("zoeken" in asset for asset in plain.get("extra_javascript", []) + plain.get("extra_css", []))
    overrides = tmp_path / "baseline" / "overrides"
    assert (overrides / "main.html").is_file()
    assert not (overrides / "partials" / "header.html").exists() and not (overrides / "partials" / "search.html").exists()


def test_filter_files_are_rewritten_in_a_stable_order(built_site, tmp_path):
    """Pagefind 1.5.2 orders filter values by a hash map: two runs differ. After
    stabilise_filters two runs over the same site are byte-identical, and Pagefind can still
    read every file (checked in the browser by tests/browser/test_search.py)."""
    import shutil

    runs = []
    for name in ("a", "b"):
        site = shutil.copytree(built_site, tmp_path / name)
        result = search.build_index(site)
        assert result.warnings == ()
        bundle = site / "pagefind"
        runs.append({p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()})
    assert runs[0] == runs[1]
    meta = [name for name in runs[0] if name.endswith(".pf_meta")]
    assert len(meta) == 1 and re.fullmatch(r"pagefind\.nl_[0-9a-f]{10}\.pf_meta", meta[0])
    filters = [name for name in runs[0] if name.startswith("filter/")]
    assert len(filters) == 4 and all(re.fullmatch(r"filter/nl_[0-9a-f]{7}\.pf_filter", n) for n in filters)


def test_cbor_round_trip_and_a_file_it_cannot_read_is_left_alone(tmp_path):
    value = ["1.5.2", [["nl_abc", 12], ["nl_def", 70000]], [], [["regio", "nl_1234567"]], [], ["title"], {"a": True}]
    assert search._cbor_decode(search._cbor_encode(value)) == (value, len(search._cbor_encode(value)))
    (tmp_path / "pagefind-entry.json").write_text('{"languages":{"nl":{"hash":"nl_0"}}}', encoding="utf-8")
    (tmp_path / "pagefind.nl_0.pf_meta").write_bytes(b"not gzip")
    warnings = search.stabilise_filters(tmp_path, "nl")
    assert len(warnings) == 1 and "vaste volgorde" in warnings[0]
    assert (tmp_path / "pagefind.nl_0.pf_meta").read_bytes() == b"not gzip"
