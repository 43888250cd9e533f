"""Every check of a whole tree, each with a bad input and the Dutch message a contributor sees.

The tree is the minimal one (one example of every type, from the declarations); each case
writes one or two files over it and runs the check in-process (no build).
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL, problems_in

ESSAY = MINIMAL["essays/essay-1.md"]
REGION = MINIMAL["regions/regio-1/index.md"]
SESSION = MINIMAL["docs/sessies/2022-09-21-session-1.md"]
THEME = MINIMAL["docs/leerthemas/theme-1.md"]
UPDATE = MINIMAL["regions/regio-1/updates/2022-09-21-update-1.md"]
SMALL = "---\ntitle: X\ndescription: X.\n---\n"


def at(text: str, needle: str, nth: int = 0) -> int:
    """The line (1-based) of the nth line of ``text`` that contains ``needle``."""
    return [i for i, line in enumerate(text.splitlines(), 1) if needle in line][nth]


def body_line(text: str, extra_lines: int = 0) -> int:
    """The line of text appended to a file: after its last line."""
    return len(text.splitlines()) + 1 + extra_lines


def replaced(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


# (name, files written over the minimal tree, expected message start, i.e. "path:line: key: ...")
CASES = [
    ("yaml syntax error, with its line",
     {"essays/essay-1.md": "---\ntitle: Een essay\ndescription: Over: iets: anders\n---\n"},
     "essays/essay-1.md:3: front-matter: YAML-fout: onverwachte dubbele punt (zet tekst met ':' tussen aanhalingstekens)"),
    ("yaml list item indented wrongly, in Dutch",
     {"essays/essay-1.md": replaced(ESSAY, "themes:\n- theme-1", "themes:\n  - theme-1\n - theme-2")},
     f"essays/essay-1.md:{at(ESSAY, 'themes:') + 2}: front-matter: YAML-fout: lijstitem met verkeerde inspringing"),
    ("tab in the front-matter",
     {"essays/essay-1.md": "---\ntitle: Een essay\n\tdescription: x\n---\n"},
     "essays/essay-1.md:3: front-matter: YAML-fout"),
    ("invisible control character pasted into the front-matter (was a traceback)",
     {"essays/essay-1.md": "---\ntitle: Een essay\ndescription: Over iets\x07\n---\n"},
     "essays/essay-1.md:3: front-matter: bevat een onzichtbaar stuurteken (U+0007)"),
    ("no front-matter",
     {"essays/essay-1.md": "Alleen tekst.\n"},
     "essays/essay-1.md:1: front-matter: ontbreekt"),
    ("front-matter not closed",
     {"essays/essay-1.md": "---\ntitle: Een essay\n"},
     "essays/essay-1.md:1: front-matter: wordt niet afgesloten"),
    ("empty front-matter",
     {"essays/essay-1.md": "---\n---\nTekst.\n"},
     "essays/essay-1.md:1: front-matter: is leeg; vul minstens title en description in"),
    ("front-matter that is a list",
     {"essays/essay-1.md": "---\n- title\n- description\n---\n"},
     "essays/essay-1.md:2: front-matter: is geen lijst van sleutels met waarden"),
    ("missing required key",
     {"essays/essay-1.md": replaced(ESSAY, "description: Voorbeeld van beschrijving\n", "")},
     "essays/essay-1.md:1: description: ontbreekt; voeg 'description:' toe"),
    ("questions required for participating regions",
     {"regions/regio-1/index.md": replaced(REGION, "questions:\n- Voorbeeld van kennisvragen\n", "")},
     "regions/regio-1/index.md:1: questions: ontbreekt (verplicht als status 'participating' is)"),
    ("wrong type: text where a list is expected",
     {"regions/regio-1/index.md": replaced(REGION, "provinces:\n- Voorbeeld van provincie", "provinces: Overijssel")},
     f"regions/regio-1/index.md:{at(REGION, 'provinces:')}: provinces: 'Overijssel' is geen lijst"),
    ("wrong type: text where a number is expected",
     {"docs/leerthemas/theme-1.md": replaced(THEME, "number: 1", "number: een")},
     f"docs/leerthemas/theme-1.md:{at(THEME, 'number:')}: number: 'een' is geen geheel getal"),
    ("wrong type: bool",
     {"essays/essay-1.md": replaced(ESSAY, "title: Essay 1", "title: Essay 1\ndraft: ja")},
     "essays/essay-1.md:3: draft: 'ja' is geen ja/nee-waarde; verwacht true of false"),
    ("date that does not exist",
     {"essays/essay-1.md": replaced(ESSAY, "date: '2022-09-21'", "date: 2022-02-30")},
     f"essays/essay-1.md:{at(ESSAY, 'date:')}: date: '2022-02-30' is geen bestaande datum"),
    ("date in another format",
     {"essays/essay-1.md": replaced(ESSAY, "date: '2022-09-21'", "date: 1 september 2022")},
     f"essays/essay-1.md:{at(ESSAY, 'date:')}: date: '1 september 2022' is geen bestaande datum; verwacht JJJJ-MM-DD"),
    ("unknown enum value with suggestion",
     {"docs/sessies/2022-09-21-session-1.md": replaced(SESSION, "kind: inspiratiesessie", "kind: inspiratie-sessie")},
     f"docs/sessies/2022-09-21-session-1.md:{at(SESSION, 'kind:')}: kind: onbekende waarde 'inspiratie-sessie'; "
     "kies uit: inspiratiesessie, "),
    ("reference to an unknown theme, with did-you-mean",
     {"regions/regio-1/index.md": replaced(REGION, "- theme-1", "- theme-l")},
     f"regions/regio-1/index.md:{at(REGION, '- theme-1')}: themes: onbekend leerthema 'theme-l'; verwacht een id uit "
     "docs/leerthemas/ (bedoelde je 'theme-1'?)"),
    ("reference to an unknown person",
     {"essays/essay-1.md": replaced(ESSAY, "- person-1", "- persn-1")},
     f"essays/essay-1.md:{at(ESSAY, '- person-1')}: authors: onbekende persoon 'persn-1'; verwacht een id uit "
     "docs/mensen/ (bedoelde je 'person-1'?)"),
    ("reference to an unknown region",
     {"essays/essay-1.md": replaced(ESSAY, "- regio-1", "- regio-9")},
     f"essays/essay-1.md:{at(ESSAY, '- regio-1')}: regions: onbekende regio 'regio-9'; verwacht een id uit regions/"),
    ("reference to an unknown session",
     {"essays/essay-1.md": replaced(ESSAY, "- 2022-09-21-session-1", "- 2022-09-21-sessie-1")},
     f"essays/essay-1.md:{at(ESSAY, '- 2022-09-21-session-1')}: sessions: onbekende sessie '2022-09-21-sessie-1'; "
     "verwacht een id uit docs/sessies/ (bedoelde je '2022-09-21-session-1'?)"),
    ("reference to an unknown organisation",
     {"essays/essay-1.md": replaced(ESSAY, "- organisation-1", "- organisatie-1")},
     f"essays/essay-1.md:{at(ESSAY, '- organisation-1')}: organisations: onbekende organisatie 'organisatie-1'; "
     "verwacht een id uit docs/organisaties/"),
    ("unknown source document",
     {"essays/essay-1.md": replaced(ESSAY, "- document: document-1", "- document: documen-1")},
     f"essays/essay-1.md:{at(ESSAY, '- document: document-1')}: sources: onbekend brondocument 'documen-1'; verwacht "
     "een id uit docs/bibliotheek/ (bedoelde je 'document-1'?)"),
    ("unknown key with suggestion",
     {"essays/essay-1.md": replaced(ESSAY, "description:", "descripton:")},
     "essays/essay-1.md:3: descripton: onbekende sleutel voor een essay; toegestaan zijn:"),
    ("engine key",
     {"essays/essay-1.md": replaced(ESSAY, "title: Essay 1", "title: Essay 1\ntemplate: main.html")},
     "essays/essay-1.md:3: template: stuurt de opmaak van de site en is niet toegestaan in een essay"),
    ("macros switch of the old site",
     {"essays/index.md": "---\ntitle: Essays\ndescription: Alle essays.\nrender_macros: true\n---\n"},
     "essays/index.md:4: render_macros: stuurt de opmaak van de site en is niet toegestaan in een pagina"),
    ("duplicate key",
     {"essays/essay-1.md": replaced(ESSAY, "title: Essay 1", "title: Essay 1\ntitle: Essay 2")},
     "essays/essay-1.md:3: title: staat er twee keer in"),
    ("duplicate theme number",
     {"docs/leerthemas/theme-2.md": replaced(THEME, "title: Leerthema 1", "title: Leerthema 2")},
     f"docs/leerthemas/theme-2.md:{at(THEME, 'number:')}: number: 1 is al in gebruik door docs/leerthemas/theme-1.md"),
    ("file in the wrong place, with suggestion",
     {"regions/regio-1/update/2022-06-17-x.md": SMALL},
     "regions/regio-1/update/2022-06-17-x.md:1: bestand: staat op een plek waar de site het niet verwacht; verwacht "
     "regions/<regio-id>/index.md of regions/<regio-id>/updates/<JJJJ-MM-DD>-<naam>.md of "
     "regions/<regio-id>/praktijk/<naam>.md (bedoelde je 'updates'?)"),
    ("file with a bad name",
     {"essays/Mijn Essay.md": ESSAY},
     "essays/Mijn Essay.md:1: bestand: bestandsnaam 'Mijn Essay.md' bevat hoofdletters en spaties; gebruik alleen kleine letters (a-z), "
     "cijfers en streepjes: hernoem naar 'mijn-essay.md'"),
    ("update without a date in its name",
     {"regions/regio-1/updates/kenniscafe.md": SMALL},
     "regions/regio-1/updates/kenniscafe.md:1: bestand: bestandsnaam 'kenniscafe.md' begint niet met een datum"),
    ("update with only a month in its name",
     {"regions/regio-1/updates/2022-06-kenniscafe.md": SMALL},
     "regions/regio-1/updates/2022-06-kenniscafe.md:1: bestand: de datum '2022-06' in de bestandsnaam mist de dag"),
    ("update date differs from its file name",
     {"regions/regio-1/updates/2022-09-21-update-1.md": replaced(UPDATE, "title: Update 1", "title: Update 1\ndate: 2022-09-22")},
     "regions/regio-1/updates/2022-09-21-update-1.md:3: date: '2022-09-22' wijkt af van de datum in de bestandsnaam "
     "(2022-09-21); maak ze gelijk, of laat 'date' weg"),
    ("session date differs from its file name",
     {"docs/sessies/2022-09-21-session-1.md": replaced(SESSION, "title: Sessie 1", "title: Sessie 1\ndate: 2022-09")},
     "docs/sessies/2022-09-21-session-1.md:3: date: '2022-09' wijkt af van de datum in de bestandsnaam (2022-09-21)"),
    ("session without a date in its name (the old naming)",
     {"docs/sessies/kenniscafe.md": replaced(SESSION, "title: Sessie 1", "title: Sessie 1\ndate: 2022-09-21")},
     "docs/sessies/kenniscafe.md:1: bestand: bestandsnaam 'kenniscafe.md' begint niet met een datum; verwacht "
     "<JJJJ-MM-DD>-<naam>.md, bijv. 2022-06-16-kenniscafe.md of 2022-06-kenniscafe.md"),
    ("update in a region that does not exist",
     {"regions/regio-9/updates/2022-06-16-x.md": SMALL},
     "regions/regio-9/updates/2022-06-16-x.md:1: bestand: regio 'regio-9' bestaat niet; maak eerst "
     "regions/<regio-id>/index.md, of zet het bestand in de map van een bestaande regio (bedoelde je 'regio-1'?)"),
    ("end date before start date",
     {"docs/sessies/2022-09-21-session-1.md": replaced(SESSION, "end_date: '2022-09-21'", "end_date: 2022-09-20")},
     f"docs/sessies/2022-09-21-session-1.md:{at(SESSION, 'end_date:')}: end_date: 2022-09-20 ligt vóór date 2022-09-21"),
    ("revision before the essay",
     {"essays/essay-1.md": replaced(ESSAY, "updated: '2022-09-21'", "updated: 2022-09-01")},
     f"essays/essay-1.md:{at(ESSAY, 'updated:')}: updated: 2022-09-01 ligt vóór date 2022-09-21"),
    ("essay without an author",
     {"essays/essay-1.md": replaced(ESSAY, "authors:\n- person-1\n", "")},
     "essays/essay-1.md:1: authors: ontbreekt (alleen bij draft: true mag dit nog ontbreken)"),
    ("other markdown extension",
     {"essays/ander-essay.markdown": ESSAY},
     "essays/ander-essay.markdown:1: bestand: heeft de extensie '.markdown'; gebruik '.md'"),
    ("file saved as Latin-1",
     {"essays/essay-1.md": ESSAY.replace("Essay 1", "Essay één").encode("latin-1")},
     "essays/essay-1.md:2: bestand: is geen UTF-8 (bijvoorbeeld Latin-1 of Windows-1252); sla het bestand op als UTF-8"),
    ("file saved as UTF-16",
     {"essays/essay-1.md": ESSAY.encode("utf-16")},
     "essays/essay-1.md:1: bestand: is opgeslagen als UTF-16"),
    ("heading of level 1 in the body",
     {"essays/essay-1.md": ESSAY + "\n# Tweede titel\n"},
     f"essays/essay-1.md:{body_line(ESSAY, 1)}: inhoud: kop van niveau 1 ('# Tweede titel'); de paginatitel komt uit "
     "'title'"),
    ("script in the body",
     {"essays/essay-1.md": ESSAY + "\nAlinea.\n\n<script>alert(1)</script>\n"},
     f"essays/essay-1.md:{body_line(ESSAY, 3)}: inhoud: HTML-element <script> is niet toegestaan"),
    ("iframe in the body",
     {"essays/essay-1.md": ESSAY + "<iframe src='https://example.org'></iframe>\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: HTML-element <iframe> is niet toegestaan"),
    ("event handler attribute",
     {"essays/essay-1.md": ESSAY + "<img alt='x' src='x.png' onerror='alert(1)'>\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: HTML: attribuut onerror op <img> is niet toegestaan"),
    ("javascript link in Markdown",
     {"essays/essay-1.md": ESSAY + "[klik](javascript:alert(1))\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: link naar javascript: is niet toegestaan"),
    ("javascript link in front-matter text",
     {"essays/essay-1.md": replaced(ESSAY, "description: Voorbeeld van beschrijving",
                                    "description: \"<a href='javascript:x()'>klik</a>\"")},
     "essays/essay-1.md:3: description: bevat HTML ('<a href='javascript:')"),
    ("empty list where at least one is needed",
     {"essays/essay-1.md": replaced(ESSAY, "themes:\n- theme-1", "themes: []")},
     f"essays/essay-1.md:{at(ESSAY, 'themes:')}: themes: lijst is leeg; geef minstens 1 waarde"),
    ("control character in the body (copied from a pdf)",
     {"essays/essay-1.md": ESSAY + "Alinea.\n\nTekst\x0cmet een paginaeinde uit de pdf.\n"},
     f"essays/essay-1.md:{body_line(ESSAY, 2)}: inhoud: bevat een onzichtbaar stuurteken (U+000C); haal het weg; "
     "zulke tekens komen vaak mee bij kopiëren uit een pdf of uit Word"),
    ("escape character in a code block",
     {"essays/essay-1.md": ESSAY + "```\nprintf '\x1b[0m'\n```\n"},
     f"essays/essay-1.md:{body_line(ESSAY, 1)}: inhoud: bevat een onzichtbaar stuurteken (U+001B)"),
    ("placeholder text of a template left in",
     {"essays/essay-1.md": replaced(ESSAY, "title: Essay 1", "title: Titel van het essay")},
     f"essays/essay-1.md:{at(ESSAY, 'title:')}: title: is nog de voorbeeldtekst van het sjabloon ('Titel van het essay')"),
]


def test_minimal_tree_is_valid(tree):
    assert problems_in(tree) == []


def test_all_problems_are_reported_in_one_run(tree):
    messages = problems_in(tree, {
        "essays/essay-1.md": ESSAY.replace("'2022-09-21'", "2022-13-01").replace("- regio-1", "- regio-9"),
        "regions/regio-1/index.md": REGION.replace("status: participating", "status: deelnemend"),
    })
    # Every problem of both files, the essay's unknown region too. A file that does not validate is left
    # out, and nothing follows from that: not the region's updates and practice, not the pages that refer
    # to the region or to the essay.
    assert [m.split(";")[0] for m in messages] == [
        f"essays/essay-1.md:{at(ESSAY, 'date:')}: date: '2022-13-01' is geen bestaande datum",
        f"essays/essay-1.md:{at(ESSAY, 'updated:')}: updated: '2022-13-01' is geen bestaande datum",
        f"essays/essay-1.md:{at(ESSAY, '- regio-1')}: regions: onbekende regio 'regio-9'",
        f"regions/regio-1/index.md:{at(REGION, 'status:')}: status: onbekende waarde 'deelnemend'"]


def test_draft_essay_may_lack_author_and_date(tree):
    messages = problems_in(tree, {"essays/concept.md": """
        ---
        title: Concept
        description: Nog in voorbereiding.
        draft: true
        themes:
          - theme-1
        ---
        """})
    assert messages == []


def test_month_precision_date_is_accepted(tree):
    assert problems_in(tree, {"essays/essay-1.md": ESSAY.replace("date: '2022-09-21'", "date: 2022-09").replace(
        "updated: '2022-09-21'", "updated: 2022-09")}) == []


def test_a_session_may_omit_its_date_or_repeat_it(tree):
    assert problems_in(tree, {"docs/sessies/2022-10-kenniscafe.md": SESSION.replace("end_date: '2022-09-21'\n", ""),
                              "docs/sessies/2022-09-21-session-1.md": SESSION.replace(
                                  "title: Sessie 1", "title: Sessie 1\ndate: 2022-09-21")}) == []


def test_windows_line_ends_and_a_byte_order_mark_read_like_any_file(tree):
    crlf = ("\ufeff" + ESSAY).replace("\n", "\r\n").encode("utf-8")
    assert problems_in(tree, {"essays/essay-1.md": crlf}) == []


PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fcff"
                      "9f0100050001018d1d8e6c0000000049454e44ae426082")

MEDIA_CASES = [
    ("image from another host",
     {"essays/essay-1.md": ESSAY + "![Kaart](https://example.org/kaart.png)\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: afbeelding van buiten de repository (https://example.org/kaart.png)"),
    ("image without alt text",
     {"essays/kaart.png": PIXEL, "essays/essay-1.md": ESSAY + "![](kaart.png)\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: afbeelding zonder beschrijving"),
    ("html image without alt text",
     {"essays/kaart.png": PIXEL, "essays/essay-1.md": ESSAY + '<img src="kaart.png">\n'},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: afbeelding zonder beschrijving (alt)"),
    ("html image from another host",
     {"essays/essay-1.md": ESSAY + '<img alt="x" src="https://example.org/x.png">\n'},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: afbeelding van buiten de repository"),
    ("image that does not exist",
     {"essays/essay-1.md": ESSAY + "![Kaart](kaart.png)\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: link naar een bestand dat niet bestaat (kaart.png)"),
    ("image after inline code is still checked",
     {"essays/kaart.png": PIXEL, "essays/essay-1.md": ESSAY + "Met `code` en ![](kaart.png)\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: afbeelding zonder beschrijving"),
    ("a stray backtick hides nothing in the next paragraph",
     {"essays/essay-1.md": ESSAY + "Een losse ` in de tekst.\n\n![Kaart](kaart.png) en nog een `.\n"},
     f"essays/essay-1.md:{body_line(ESSAY, 2)}: inhoud: link naar een bestand dat niet bestaat (kaart.png)"),
    ("html file in a docs folder",
     {"docs/leerthemas/uitleg.html": "<script>alert(1)</script>\n"},
     "docs/leerthemas/uitleg.html:1: bestand: bestandstype '.html' is niet toegestaan"),
    ("image in a docs folder whose content is another format",
     {"docs/mensen/foto.jpg": PIXEL},
     "docs/mensen/foto.jpg:1: bestand: de inhoud past niet bij de extensie '.jpg' (het is een PNG-bestand)"),
    ("svg file",
     {"regions/regio-1/kaart.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"},
     "regions/regio-1/kaart.svg:1: bestand: SVG kan script bevatten"),
    ("unknown file type",
     {"regions/regio-1/setup.exe": "MZ"},
     "regions/regio-1/setup.exe:1: bestand: bestandstype '.exe' is niet toegestaan"),
    ("page without .md extension",
     {"regions/regio-1/praktijk/practice-2": "---\ntitle: X\n---\n"},
     "regions/regio-1/praktijk/practice-2:1: bestand: bestand zonder extensie (een pagina moet op .md eindigen)"),
    ("file too large",
     {"regions/regio-1/groot.png": b"\x89PNG\r\n\x1a\n" + b"x" * (2 * 1024 * 1024)},
     "regions/regio-1/groot.png:1: bestand: is 2.0 MB groot; maximaal 2 MB"),
    ("image whose content is another format",
     {"regions/regio-1/foto.png": b"\xff\xd8\xff\xe0" + b"x" * 20},
     "regions/regio-1/foto.png:1: bestand: de inhoud past niet bij de extensie '.png' (het is een JPEG-bestand); "
     "geef het bestand de extensie van wat het is (JPEG: '.jpg')"),
    ("link to a page that does not exist, with suggestion",
     {"essays/essay-1.md": ESSAY + "Zie [het thema](../docs/leerthemas/theme-1.md) en [dat](../leerthemas/theme-l.md).\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: link naar een pagina die niet bestaat (../docs/leerthemas/theme-1.md); "
     "controleer het pad ten opzichte van deze pagina (bedoelde je '../leerthemas/theme-1.md'?)"),
    ("link to a heading that does not exist",
     {"essays/essay-1.md": ESSAY + "Zie [het thema](../leerthemas/theme-1.md#kop).\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: link naar een kop die niet bestaat (#kop) op "
     "../leerthemas/theme-1.md"),
    ("link with an absolute path",
     {"essays/essay-1.md": ESSAY + "Zie [het thema](/leerthemas/theme-1/).\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: link met een absoluut pad"),
    ("link to a file that does not exist",
     {"essays/essay-1.md": ESSAY + "Zie [het verslag](verslag.pdf).\n"},
     f"essays/essay-1.md:{body_line(ESSAY)}: inhoud: link naar een bestand dat niet bestaat (verslag.pdf)"),
    ("two ids on one line after a bad indent",
     {"regions/regio-1/index.md": replaced(REGION, "themes:\n- theme-1", "themes:\n- theme-1\n - theme-2")},
     f"regions/regio-1/index.md:{at(REGION, '- theme-1')}: themes: 'theme-1 - theme-2' is geen geldige id; gebruik "
     "kleine letters, cijfers en streepjes, bijv. 'samenwerking-regionaal' (staan er twee ids op één regel?"),
    ("markdown too large",
     {"essays/essay-1.md": ESSAY + ("Lange tekst. " * 20000)},
     "essays/essay-1.md:1: bestand: is 254 kB groot; maximaal 200 kB"),
]


@pytest.mark.parametrize("files, expected", [c[1:] for c in CASES + MEDIA_CASES],
                         ids=[c[0] for c in CASES + MEDIA_CASES])
def test_rule_reports_file_line_key_and_expectation(tree, files, expected):
    messages = problems_in(tree, files)
    assert any(m.startswith(expected) for m in messages), "\n".join(messages)


def test_local_image_with_description_is_fine(tree):
    assert problems_in(tree, {"essays/kaart.png": PIXEL,
                              "essays/essay-1.md": ESSAY + "![Kaart van regio 1](kaart.png)\n"}) == []


def test_links_inside_code_blocks_are_not_checked(tree):
    assert problems_in(tree, {"essays/essay-1.md": ESSAY + "```\n[x](bestaat-niet.md)\n# geen kop\n```\n"}) == []


def test_images_and_links_inside_inline_code_are_not_checked(tree):
    """Like fenced code: a page that explains Markdown shows `![](x.png)` as an example."""
    assert problems_in(tree, {"essays/essay-1.md": ESSAY + "Schrijf nooit `<img src=x onerror=alert(1)>` en niet "
                                                           "`![](plaatje.png)` of ``[x](bestaat-niet.md)``.\n"}) == []


def test_working_relative_links_pass(tree):
    assert problems_in(tree, {"docs/leerthemas/theme-1.md": THEME + "\n## Kop\n\nTekst.\n",
                              "essays/essay-1.md": ESSAY + "[Regio](../regions/regio-1/index.md), "
                                                           "[thema](../leerthemas/theme-1.md#kop), "
                                                           "[sessies](../sessies/index.md)\n"}) == []


@pytest.mark.parametrize("folder", [
    "docs", "docs/programma", "docs/leerthemas", "docs/sessies", "docs/lessen", "docs/mensen", "docs/organisaties",
    "docs/begrippen", "docs/bibliotheek", "essays", "regions/regio-1/updates", "regions/regio-1/praktijk"])
def test_a_bad_file_in_any_content_folder_is_reported(tree, folder):
    name = "2022-06-16-kapot.md" if folder.endswith(("updates", "sessies")) else "kapot.md"
    messages = problems_in(tree, {f"{folder}/{name}": "---\ntitle: Kapot\ndescription: [niet gesloten\n---\n"})
    # The YAML error with its line, and whatever else is wrong with the file (keys it still lacks).
    assert any(m.startswith(f"{folder}/{name}:3: front-matter: YAML-fout") for m in messages), messages
    assert all(m.startswith(f"{folder}/{name}:") for m in messages), messages


def test_symlinks_are_refused(tree):
    (tree / "essays" / "link.md").symlink_to(tree / "essays" / "essay-1.md")
    (tree / "docs" / "elders").symlink_to(tree / "docs" / "mensen", target_is_directory=True)
    assert problems_in(tree) == [
        "docs/elders:1: bestand: is een symbolische link naar een map; zet de bestanden zelf in de repository; "
        "links naar mappen worden niet gepubliceerd",
        "essays/link.md:1: bestand: is een symbolische link; zet het bestand zelf in de repository, geen link ernaar"]
