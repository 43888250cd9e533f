"""A content type declared in one place works everywhere (issue 12): a throw-away type 'publicatie'
in docs/publicaties/{id}.md, with a text, a date and a reference field, and nothing else written for it
(no template, no fixture, no navigation entry). Its files are checked, its pages show their fields in
the standard facts block, its folder is in the navigation, and its export builds with plain MkDocs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, build, check, problems_in, site_of, write
from kennisschakels.export import write_source
from kennisschakels.model.declarations import DESCRIPTION, TITLE, TYPES
from kennisschakels.model.examples import example_tree
from kennisschakels.model.kinds import DateKind, FieldSpec, RefsKind, TextKind
from kennisschakels.model.types import ContentType, Labels, PathPattern

PUBLICATION = ContentType(
    "publicatie", Labels("publicatie", "publicaties"), PathPattern("docs/publicaties/{id}.md"),
    (TITLE, DESCRIPTION,
     FieldSpec("publisher", TextKind(), "Uitgever", "Wie de publicatie uitgaf."),
     FieldSpec("date", DateKind(), "Verschenen", "Datum of maand van verschijnen."),
     FieldSpec("regions", RefsKind(target="region"), "Over de regio's", "Regio's waar de publicatie over gaat."),
     FieldSpec("isbn", TextKind(), "ISBN", "Het ISBN, als de publicatie er een heeft.", required=True)),
    "Een publicatie van of over het programma.",
    order=lambda e: (e.title.casefold(), e.id),
)
REGISTRY = TYPES.with_type(PUBLICATION)
PAGE = "publicaties/publicatie-1.md"


@pytest.fixture
def publications(minimal):
    """The minimal tree made from the registry with the new type: its example file and index page too."""
    files = example_tree(REGISTRY)
    assert "docs/publicaties/publicatie-1.md" in files and "docs/publicaties/index.md" in files
    write(minimal, {path: text for path, text in files.items() if path not in MINIMAL})
    return minimal


def test_the_registry_places_the_new_type_before_the_catch_all_page():
    assert REGISTRY.names()[-2:] == ["publicatie", "page"]
    assert "publicatie" not in TYPES  # the declarations themselves are untouched
    assert REGISTRY.folders()["publicatie"] == "docs/publicaties/"


def test_its_files_are_checked_like_any_other(publications):
    assert problems_in(publications, types=REGISTRY) == []
    example = (publications / "docs/publicaties/publicatie-1.md").read_text(encoding="utf-8")
    broken = {"docs/publicaties/publicatie-2.md": example.replace("- regio-1", "- regio-9")
              .replace("'2022-09-21'", "2022-02-30").replace("isbn: ", "isbm: ")}
    messages = problems_in(publications, broken, types=REGISTRY)
    assert any(": date: '2022-02-30' is geen bestaande datum" in m for m in messages), messages
    assert any(": isbm: onbekende sleutel voor een publicatie; toegestaan zijn: title, description, publisher, "
               "date, regions, isbn (bedoelde je 'isbn'?)" in m for m in messages), messages
    assert any(": isbn: ontbreekt; voeg 'isbn:' toe: Het ISBN, als de publicatie er een heeft." in m for m in messages)
    assert any(": regions: onbekende regio 'regio-9'" in m for m in messages), messages
    assert all(m.startswith("docs/publicaties/publicatie-2.md:") for m in messages)  # the example stays valid
    misplaced = problems_in(publications, {"docs/publicaties/oud/x.md": "---\ntitle: X\ndescription: X.\n---\n"},
                            types=REGISTRY)
    assert any("docs/publicaties/oud/x.md:1: bestand: staat op een plek waar de site het niet verwacht; verwacht "
               "docs/publicaties/<naam>.md" in m for m in misplaced), misplaced


def test_without_the_declaration_its_folder_is_plain_pages(publications):
    # The same files under the real declarations: pages with keys a page does not have.
    messages = problems_in(publications)
    assert messages and all(m.startswith("docs/publicaties/publicatie-1.md:") for m in messages), messages


def test_its_page_shows_every_field_in_the_standard_facts_block(publications):
    site = site_of(publications, types=REGISTRY)
    page = site.page(PAGE)
    assert page.meta == {"title": "Publicatie 1", "description": "Voorbeeld van beschrijving"}
    assert "- **Uitgever:** Voorbeeld van uitgever" in page.markdown
    assert "- **Verschenen:** 21 september 2022" in page.markdown
    assert "- **Over de regio's:** [Regio 1](../regions/regio-1/index.md)" in page.markdown
    assert "- **ISBN:** Voorbeeld van isbn" in page.markdown
    assert "Tekst van publicatie 1." in page.markdown
    # Title and description are the page's own title and summary, not facts.
    assert "**Titel:**" not in page.markdown and "**Beschrijving:**" not in page.markdown


def test_its_folder_is_in_the_navigation_and_its_entries_in_their_order(publications):
    write(publications, {"docs/publicaties/aaa.md": (publications / "docs/publicaties/publicatie-1.md")
                         .read_text(encoding="utf-8").replace("title: Publicatie 1", "title: Aaa")})
    site = site_of(publications, types=REGISTRY)
    section = next(item["Publicaties"] for item in site.navigation.items
                   if isinstance(item, dict) and "Publicaties" in item)
    assert section == ["publicaties/index.md", "publicaties/aaa.md", PAGE]
    region = site.catalogue.get("region", "regio-1")
    assert [e.id for e in site.catalogue.referrers(region, "publicatie")] == ["aaa", "publicatie-1"]


class _Article(HTMLParser):
    """The text of the <article> element and the labels of the navigation."""

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.nav = 0, [], []
        self._in_nav_label = False

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "img", "hr", "input", "meta", "link")
        classes = dict(attrs).get("class") or ""
        if "md-nav__link" in classes:
            self._in_nav_label = True

    def handle_endtag(self, tag):
        if self.depth and tag not in ("br", "img", "hr", "input", "meta", "link"):
            self.depth -= 1
        if tag in ("a", "label"):
            self._in_nav_label = False

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
        if self._in_nav_label and data.strip():
            self.nav.append(data.strip())


def article(html: str) -> tuple[str, list[str]]:
    parser = _Article()
    parser.feed(html)
    return " ".join(" ".join(parser.text).split()), parser.nav


@pytest.mark.slow
def test_its_export_builds_with_plain_mkdocs(publications, tmp_path):
    site = site_of(publications, types=REGISTRY)
    out = tmp_path / "export"
    written = write_source(site, out)
    assert written.pages == len(site.uris())
    assert (out / "docs" / PAGE).is_file()
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "Publicaties:" in config
    result = build(out, "-f", str(out / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    text, nav = article((out / "site/publicaties/publicatie-1/index.html").read_text(encoding="utf-8"))
    for fact in ("Uitgever: Voorbeeld van uitgever", "Verschenen: 21 september 2022", "Over de regio's: Regio 1",
                 "ISBN: Voorbeeld van isbn", "Tekst van publicatie 1."):
        assert fact in text, text
    assert "Publicaties" in nav


DECLARATION = '''
PUBLICATIE = ContentType(
    "publicatie", Labels("publicatie", "publicaties"), PathPattern("docs/publicaties/{id}.md"),
    (TITLE, DESCRIPTION,
     _f("publisher", TEXT, "Uitgever", "Wie de publicatie uitgaf."),
     _f("date", DATE, "Verschenen", "Datum of maand van verschijnen."),
     _f("regions", RefsKind(target="region"), "Over de regio's", "Regio's waar de publicatie over gaat."),
     _f("isbn", TEXT, "ISBN", "Het ISBN, als de publicatie er een heeft.", required=True)),
    "Een publicatie van of over het programma.",
    order=_title,
)
'''


def declare_in_copy(root: Path) -> None:
    """Add the type to the copy's declarations.py, and nothing else anywhere."""
    path = root / "kennisschakels/model/declarations.py"
    text = path.read_text(encoding="utf-8")
    registry = re.search(r"TYPES = Registry\(\[(.*?)\]\)", text, re.S)
    assert registry and registry[1].rstrip().endswith("PAGE"), "the registry should end with the page type"
    listed = registry[1].rstrip()[: -len("PAGE")] + "PUBLICATIE, PAGE"
    text = text[: registry.start()] + DECLARATION + f"\nTYPES = Registry([{listed}])" + text[registry.end():]
    path.write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_a_type_declared_in_the_declarations_alone_builds_with_the_mkdocs_adapter(publications):
    """Issue 12: declaring a type in kennisschakels/model/declarations.py is all it takes (the real
    build, through hooks/adapter.py, of a copy whose only change is that declaration)."""
    declare_in_copy(publications)
    checked = check(publications)
    assert checked.returncode == 0, checked.stderr
    result = build(publications)
    assert result.returncode == 0, result.stderr
    html = (publications / "site/publicaties/publicatie-1/index.html").read_text(encoding="utf-8")
    text, nav = article(html)
    assert "Verschenen: 21 september 2022" in text and "Over de regio's: Regio 1" in text
    assert "Publicaties" in nav
    assert (ROOT / "kennisschakels/model/declarations.py").read_text(encoding="utf-8").count("PUBLICATIE") == 0
