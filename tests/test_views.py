"""What pages show, computed in Python (kennisschakels.views) and laid out by the templates: counts,
Dutch labels, the facts block, and the Markdown the pipeline hands to the engine. No build."""

from __future__ import annotations

import datetime

import pytest

from conftest import MINIMAL, SETTINGS, write
from kennisschakels import views
from kennisschakels.context import Context
from kennisschakels.load import load_catalogue
from kennisschakels.model.declarations import TYPES
from kennisschakels.model.types import Labels
from kennisschakels.render import attr, dutch_list, md
from kennisschakels.site import Site

TODAY = datetime.date(2022, 10, 1)


def context(root, today=TODAY) -> Context:
    return Context(load_catalogue(root), SETTINGS, today=today)


@pytest.mark.parametrize("labels, n, expected", [
    (TYPES["region"].labels, 0, "geen regio's"), (TYPES["region"].labels, 1, "1 regio"),
    (TYPES["region"].labels, 3, "3 regio's"), (TYPES["practice"].labels, 2, "2 praktijkvoorbeelden"),
    (TYPES["theme"].labels, 1, "1 leerthema"), (TYPES["session"].labels, 0, "geen sessies"),
])
def test_counts_in_dutch(labels, n, expected):
    assert labels.count(n) == expected


@pytest.mark.parametrize("type_name, expected", [
    ("region", "onbekende regio"), ("theme", "onbekend leerthema"), ("person", "onbekende persoon"),
    ("document", "onbekend brondocument"), ("essay", "onbekend essay"), ("session", "onbekende sessie"),
])
def test_unknown_follows_the_gender_of_the_noun(type_name, expected):
    assert TYPES[type_name].labels.unknown == expected


def test_labels_default_to_the_common_gender():
    assert Labels("publicatie", "publicaties").unknown == "onbekende publicatie"


def test_region_view_counts_what_belongs_to_the_region(tree):
    ctx = context(tree)
    view = views.region(ctx, ctx.catalogue.get("region", "regio-1"))
    assert view["counts"] == ["1 leerthema", "1 kennisvraag", "1 praktijkvoorbeeld", "1 update", "1 sessie", "1 essay"]
    assert view["participating"] is True
    assert view["contribute"]["new_update"].startswith("https://github.com/ORGANISATIE/kennisschakels/new/main/"
                                                       "regions/regio-1/updates?")
    assert view["session_states"] == {ctx.catalogue.get("session", "2022-09-21-session-1"): "was gepland; niet "
                                                                                             "vastgelegd of die doorging"}


def test_region_view_without_anything_says_none(tree):
    write(tree, {"regions/leeg/index.md": "---\ntitle: Leeg\ndescription: D.\nprovinces:\n- Zeeland\n"
                                          "status: interested\n---\n"})
    ctx = context(tree)
    view = views.region(ctx, ctx.catalogue.get("region", "leeg"))
    assert view["counts"] == ["geen leerthema's", "0 kennisvragen", "geen praktijkvoorbeelden", "geen updates",
                              "geen sessies", "geen essays"]
    assert view["participating"] is False and view["monitoring"] is None


def test_session_view_labels(tree):
    write(tree, {"docs/sessies/2022-11-kenniscafe.md": MINIMAL["docs/sessies/2022-09-21-session-1.md"].replace(
        "kind: inspiratiesessie", "kind: kenniscafe").replace("end_date: '2022-09-21'\n", "")})
    ctx = context(tree)
    view = views.session(ctx, ctx.catalogue.get("session", "2022-11-kenniscafe"))
    assert (view["kind"], view["state"], view["when"]) == ("Kenniscafé", "gepland",
                                                           "november 2022 (de dag is nog niet bekend)")
    assert view["calendar"] == "sessies/2022-11-kenniscafe.ics" and view["past"] is False


@pytest.mark.parametrize("name, changes, expected", [
    ("2022-04-25-x", {}, "25 april 2022"),
    ("2022-04-25-x", {"end_date": "2022-04-26"}, "25 april 2022 tot en met 26 april 2022"),
    ("2022-10-x", {}, "oktober 2022 (de dag is nog niet bekend)"),
    ("2022-09-x", {"latest": True}, "uiterlijk september 2022 (de precieze datum is niet bekend)"),
    ("2022-09-x", {"latest": True, "end_date": "2022-10-02"},
     "van uiterlijk september 2022 tot en met 2 oktober 2022 (de precieze begindatum is niet bekend)"),
])
def test_when_a_session_is(tree, name, changes, expected):
    text = MINIMAL["docs/sessies/2022-09-21-session-1.md"].replace("end_date: '2022-09-21'\n", "")
    for key, value in changes.items():
        value = str(value).lower() if isinstance(value, bool) else value
        text = text.replace("latest: false\n", "") if key == "latest" else text
        text = text.replace("title: Sessie 1\n", f"title: Sessie 1\n{key}: {value}\n")
    write(tree, {f"docs/sessies/{name}.md": text})
    assert views.session_when(load_catalogue(tree).get("session", name)) == expected


def test_facts_show_every_shown_key_the_file_sets_with_its_label(tree):
    catalogue = load_catalogue(tree)
    session = catalogue.get("session", "2022-09-21-session-1")
    facts = dict(views.facts(session))
    assert facts["Soort"] == "inspiratiesessie" and facts["Status"] == "gepland"
    assert facts["Datum"].iso == "2022-09-21" and facts["Plaats"] == "Voorbeeld van plaats"
    assert facts["Begeleiding"] == [catalogue.get("person", "person-1")]
    hidden = {s.label for s in session.type.fields if not s.shown} | {"Organisaties"}
    assert hidden & set(facts) == set()  # title, description, latest, sources: shown elsewhere or not at all


def test_facts_leave_out_what_the_file_does_not_set(tree):
    write(tree, {"docs/mensen/kaal.md": "---\ntitle: Kaal\ndescription: Alleen een naam.\n---\n"})
    assert views.facts(load_catalogue(tree).get("person", "kaal")) == []


def test_theme_overview_groups_by_category_with_counts(tree):
    ctx = context(tree)
    categories = views.overview_themes(ctx)["categories"]
    assert [label for label, _ in categories] == list(TYPES["theme"].field_map["category"].kind.choices.values())
    (row,) = categories[0][1]
    assert (row["theme"].id, [r.id for r in row["regions"]], row["essays"], row["lessons"], row["practices"]) == \
        ("theme-1", ["regio-1"], 1, 1, 1)
    assert [s.id for s in row["sessions"]] == ["2022-09-21-session-1"]  # an inspiration session about the theme


def test_matrix_counts(tree):
    view = views.overview_matrix(context(tree))
    assert (view["region_count"], view["theme_count"]) == ("1 regio", "1 leerthema")
    assert [(r.id, cells, n) for r, cells, n in view["rows"]] == [("regio-1", [True], 1)]


def test_sessions_overview_by_year_with_today_in_dutch(tree):
    view = views.overview_sessions(context(tree, datetime.date(2022, 9, 1)))
    assert view["today"] == "1 september 2022"
    assert [(year, [i["item"].entry.id for i in items]) for year, items in view["upcoming"]] == \
        [(2022, ["2022-09-21-session-1"])]
    assert view["past"] == [] and view["calendar"] == "sessies/kalender.ics"
    assert view["labels"]["regio"] == {"regio-1": "Regio 1"} and view["labels"]["thema"] == {"theme-1": "1. Leerthema 1"}


def test_reading_time_and_decimal_comma(tree):
    write(tree, {"essays/essay-1.md": MINIMAL["essays/essay-1.md"] + "woord " * 401})
    assert views.reading_minutes(load_catalogue(tree).get("essay", "essay-1")) == 3
    assert views.comma(3.14) == "3,1" and views.comma(2) == "2,0"


@pytest.mark.parametrize("text, expected", [
    ("*nadruk* en [link](x)", r"\*nadruk\* en \[link\](x)"), ("<b>vet</b> & co", r"&lt;b\>vet&lt;/b\> &amp; co"),
    ("regel\nnieuwe regel", "regel nieuwe regel"), ("a | b", r"a \| b"), ("{: .klasse }", r"\{: .klasse \}"),
    ("- streepje", r"\- streepje"), ("+ plus", r"\+ plus"), ("1984. Het jaar", r"1984\. Het jaar"),
    ("3) drie", r"3\) drie"), ("a - b", "a - b"), ("2022-09-21", "2022-09-21"),
])
def test_front_matter_text_is_inert_in_markdown(text, expected):
    assert md(text) == expected


@pytest.mark.parametrize("text", ["- streepje", "+ plus", "1984. Het jaar", "3) drie", "# kop", "> citaat"])
def test_front_matter_text_at_the_start_of_a_list_item_stays_text(text):
    """Found by tests/test_properties.py: a partner '- streepje' became a nested list without its dash."""
    import markdown

    assert markdown.markdown(f"- {md(text)}") == f"<ul>\n<li>{text.replace('>', '&gt;')}</li>\n</ul>"


def test_attribute_text_is_escaped_and_lists_read_as_dutch():
    assert attr('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"
    assert [dutch_list([]), dutch_list(["a"]), dutch_list(["a", "b"]), dutch_list(["a", "b", "c"])] == \
        ["", "a", "a en b", "a, b en c"]


def test_every_page_of_the_tree_has_markdown_and_only_title_and_description_for_the_engine(tree):
    site = Site(context(tree))
    for uri in site.uris():
        page = site.page(uri)
        assert page.meta == {"title": page.meta["title"], "description": page.meta["description"]}, uri
        assert page.markdown.strip() or site.entry(uri).type.name == "page", uri  # an empty index page is fine
        assert page.edit_path == site.entry(uri).path


def test_page_markdown_has_derived_sections_and_the_standard_blocks(tree):
    site = Site(context(tree))
    essay = site.page("essays/essay-1.md").markdown
    assert "Tekst van essay 1." in essay
    assert "[Organisatie 1](../organisaties/organisation-1.md)" in essay
    assert "## Bronnen { .ks-bronnen }" in essay and "[Brondocument 1](../bibliotheek/document-1.md)" in essay
    assert '!!! note "Wat de bronnen openlaten"' in essay and "Voorbeeld van wat de bronnen openlaten" in essay
    assert "*[Voorbeeld van afkorting]" not in essay  # only one-word abbreviations are explained
    overview = site.page("essays/index.md").markdown
    assert "[Essay 1](essay-1.md)" in overview


def test_an_abbreviation_in_the_glossary_is_explained_on_every_page(tree):
    write(tree, {"docs/organisaties/organisation-1.md": MINIMAL["docs/organisaties/organisation-1.md"].replace(
        "abbreviation: Voorbeeld van afkorting", "abbreviation: VNG")})
    site = Site(context(tree))
    for uri in site.uris():
        assert "*[VNG]: Organisatie 1" in site.page(uri).markdown, uri


@pytest.mark.parametrize("title", ["0", "2030", "1.5"])
def test_an_abbreviation_of_digits_alone_is_not_explained_and_breaks_no_page(tree, title):
    """Found by tests/test_properties.py: a term titled '0' matched inside Python-Markdown's placeholders
    ('wzxhzdk:0') and broke every page with an '&' or HTML in it."""
    import markdown

    write(tree, {"docs/begrippen/cijfer.md": MINIMAL["docs/begrippen/term-1.md"].replace("title: Begrip 1", f"title: '{title}'"),
                 "essays/essay-1.md": MINIMAL["essays/essay-1.md"] + "\nBodem & water, 0 en 2030.\n"})
    site = Site(context(tree))
    page = site.page("essays/essay-1.md").markdown
    assert f"*[{title}]:" not in page
    html = markdown.markdown(page, extensions=list(SETTINGS.markdown_extensions),
                             extension_configs={k: dict(v) for k, v in SETTINGS.markdown_configs.items()})
    assert "wzxhzdk" not in html and "Bodem &amp; water, 0 en 2030." in html
