"""Every validation rule, each with a bad input and the Dutch message a contributor sees."""

from __future__ import annotations

import textwrap

import pytest

from conftest import MINIMAL, write
from kennisschakels.catalogue import check

REGION = MINIMAL["regions/twente/index.md"]
ESSAY = textwrap.dedent(MINIMAL["essays/een-essay.md"]).lstrip("\n")  # body lines can be appended
SESSION = MINIMAL["docs/sessies/2022-11-10-nationaal.md"]


def problems_for(root, files):
    write(root, files)
    _, problems = check(root)
    return [str(p) for p in problems]


# (name, files written over the minimal tree, expected message start, i.e. "path:line: key: ...")
CASES = [
    ("yaml syntax error, with its line",
     {"essays/een-essay.md": "---\ntitle: Een essay\ndescription: Over: iets: anders\n---\n"},
     "essays/een-essay.md:3: front-matter: YAML-fout"),
    ("yaml list item indented wrongly, in Dutch",
     {"essays/een-essay.md": ESSAY.replace("themes:\n  - samenwerking-nationaal", "themes:\n  - samenwerking-nationaal\n - bestuur-en-verankering")},
     "essays/een-essay.md:9: front-matter: YAML-fout: lijstitem met verkeerde inspringing"),
    ("no front-matter",
     {"essays/een-essay.md": "Alleen tekst.\n"},
     "essays/een-essay.md:1: front-matter: ontbreekt"),
    ("front-matter not closed",
     {"essays/een-essay.md": "---\ntitle: Een essay\n"},
     "essays/een-essay.md:1: front-matter: wordt niet afgesloten"),
    ("missing required key",
     {"essays/een-essay.md": ESSAY.replace("description: Een essay over samenwerken.\n", "")},
     "essays/een-essay.md:1: description: ontbreekt; voeg 'description:' toe"),
    ("questions required for participating regions",
     {"regions/twente/index.md": REGION.replace(
         "        questions:\n          - Hoe nemen we bodemenergie mee in de warmteplannen?\n", "")},
     "regions/twente/index.md:1: questions: ontbreekt (verplicht als status 'participating' is)"),
    ("wrong type: text where a list is expected",
     {"regions/twente/index.md": REGION.replace("provinces:\n          - Overijssel", "provinces: Overijssel")},
     "regions/twente/index.md:4: provinces: 'Overijssel' is geen lijst"),
    ("wrong type: text where a number is expected",
     {"docs/leerthemas/bestuur-en-verankering.md":
         MINIMAL["docs/leerthemas/bestuur-en-verankering.md"].replace("number: 1", "number: een")},
     "docs/leerthemas/bestuur-en-verankering.md:4: number: 'een' is geen geheel getal"),
    ("wrong type: bool",
     {"essays/een-essay.md": ESSAY.replace("date: 2022-09-01", "date: 2022-09-01\ndraft: ja")},
     "essays/een-essay.md:7: draft: 'ja' is geen ja/nee-waarde; verwacht true of false"),
    ("date that does not exist",
     {"essays/een-essay.md": ESSAY.replace("2022-09-01", "2022-02-30")},
     "essays/een-essay.md:6: date: '2022-02-30' is geen bestaande datum"),
    ("date in another format",
     {"essays/een-essay.md": ESSAY.replace("2022-09-01", "1 september 2022")},
     "essays/een-essay.md:6: date: '1 september 2022' is geen bestaande datum; verwacht JJJJ-MM-DD"),
    ("unknown enum value with suggestion",
     {"docs/sessies/2022-11-10-nationaal.md": SESSION.replace("kind: inspiratiesessie", "kind: inspiratie-sessie")},
     "docs/sessies/2022-11-10-nationaal.md:5: kind: onbekende waarde 'inspiratie-sessie'; kies uit:"),
    ("reference to an unknown theme, with did-you-mean",
     {"regions/twente/index.md": REGION.replace("- samenwerking-nationaal", "- samenwerking-nationaa")},
     "regions/twente/index.md:10: themes: onbekend leerthema 'samenwerking-nationaa'; verwacht een id uit "
     "docs/leerthemas/ (bedoelde je 'samenwerking-nationaal'?)"),
    ("reference to an unknown person",
     {"essays/een-essay.md": ESSAY.replace("- willem-hendriks", "- wilem-hendriks")},
     "essays/een-essay.md:5: authors: onbekende persoon of organisatie 'wilem-hendriks'; verwacht een id uit "
     "docs/mensen/ (bedoelde je 'willem-hendriks'?)"),
    ("reference to an unknown region",
     {"essays/een-essay.md": ESSAY.replace("- twente", "- twenthe")},
     "essays/een-essay.md:10: regions: onbekende regio 'twenthe'"),
    ("unknown key with suggestion",
     {"essays/een-essay.md": ESSAY.replace("description:", "descripton:")},
     "essays/een-essay.md:3: descripton: onbekende sleutel voor een essay; toegestaan zijn:"),
    ("duplicate key",
     {"essays/een-essay.md": ESSAY.replace("date: 2022-09-01", "date: 2022-09-01\ndate: 2022-09-02")},
     "essays/een-essay.md:7: date: staat er twee keer in"),
    ("duplicate theme number",
     {"docs/leerthemas/bestuur-en-verankering.md":
         MINIMAL["docs/leerthemas/bestuur-en-verankering.md"].replace("number: 1", "number: 8")},
     "docs/leerthemas/samenwerking-nationaal.md:4: number: 8 is al in gebruik door "
     "docs/leerthemas/bestuur-en-verankering.md"),
    ("file in the wrong place, with suggestion",
     {"regions/twente/update/2022-06-17-x.md": "---\ntitle: X\ndescription: X.\n---\n"},
     "regions/twente/update/2022-06-17-x.md:1: bestand: staat op een plek waar de site het niet verwacht"),
    ("file with a bad name",
     {"essays/Mijn Essay.md": ESSAY},
     "essays/Mijn Essay.md:1: bestand: bestandsnaam 'Mijn Essay' is geen geldige id"),
    ("update without a date in its name",
     {"regions/twente/updates/kenniscafe.md": "---\ntitle: X\ndescription: X.\n---\n"},
     "regions/twente/updates/kenniscafe.md:1: bestand: bestandsnaam 'kenniscafe.md' klopt niet"),
    ("update date differs from its file name",
     {"regions/twente/updates/2022-06-16-kenniscafe.md":
         MINIMAL["regions/twente/updates/2022-06-16-kenniscafe.md"].replace("date: 2022-06-16", "date: 2022-06-17")},
     "regions/twente/updates/2022-06-16-kenniscafe.md:4: date: '2022-06-17' wijkt af van de datum in de bestandsnaam"),
    ("update in a region that does not exist",
     {"regions/twenthe/updates/2022-06-16-x.md": "---\ntitle: X\ndescription: X.\n---\n"},
     "regions/twenthe/updates/2022-06-16-x.md:1: bestand: regio 'twenthe' bestaat niet"),
    ("end date before start date",
     {"docs/sessies/2022-11-10-nationaal.md": SESSION.replace("status: gepland", "status: gepland\n        end_date: 2022-11-09")},
     "docs/sessies/2022-11-10-nationaal.md:7: end_date: 2022-11-09 ligt vóór date 2022-11-10"),
    ("other markdown extension",
     {"essays/ander-essay.markdown": ESSAY},
     "essays/ander-essay.markdown:1: bestand: heeft de extensie '.markdown'; gebruik '.md'"),
    ("script in the body",
     {"essays/een-essay.md": ESSAY + "\nAlinea.\n\n<script>alert(1)</script>\n"},
     "essays/een-essay.md:16: inhoud: HTML-element <script> is niet toegestaan"),
    ("iframe in the body",
     {"essays/een-essay.md": ESSAY + "<iframe src='https://example.org'></iframe>\n"},
     "essays/een-essay.md:13: inhoud: HTML-element <iframe> is niet toegestaan"),
    ("event handler attribute",
     {"essays/een-essay.md": ESSAY + "<img src='x.png' onerror='alert(1)'>\n"},
     "essays/een-essay.md:13: inhoud: HTML: attribuut onerror op <img> is niet toegestaan"),
    ("javascript link in Markdown",
     {"essays/een-essay.md": ESSAY + "[klik](javascript:alert(1))\n"},
     "essays/een-essay.md:13: inhoud: link naar javascript: is niet toegestaan"),
    ("javascript link in front-matter text",
     {"essays/een-essay.md": ESSAY.replace("description: Een essay over samenwerken.",
                                           "description: \"<a href='javascript:x()'>klik</a>\"")},
     "essays/een-essay.md:3: description: bevat HTML ('<a href='javascript:')"),
    ("empty list where at least one is needed",
     {"essays/een-essay.md": ESSAY.replace("themes:\n  - samenwerking-nationaal", "themes: []")},
     "essays/een-essay.md:7: themes: ontbreekt"),
]


def test_minimal_tree_is_valid(minimal):
    _, problems = check(minimal)
    assert problems == []


def test_all_problems_are_reported_in_one_run(minimal):
    messages = problems_for(minimal, {
        "essays/een-essay.md": ESSAY.replace("2022-09-01", "2022-13-01").replace("- twente", "- twenthe"),
        "regions/twente/index.md": REGION.replace("status: participating", "status: deelnemend"),
    })
    assert len(messages) == 3, messages


def test_draft_essay_may_lack_author_and_date(minimal):
    messages = problems_for(minimal, {"essays/concept.md": """
        ---
        title: Concept
        description: Nog in voorbereiding.
        draft: true
        themes:
          - samenwerking-nationaal
        ---
        """})
    assert messages == []


def test_month_precision_date_is_accepted(minimal):
    assert problems_for(minimal, {"essays/een-essay.md": ESSAY.replace("2022-09-01", '"2022-09"')}) == []


MEDIA_CASES = [
    ("image from another host",
     {"essays/een-essay.md": ESSAY + "![Kaart](https://example.org/kaart.png)\n"},
     "essays/een-essay.md:13: inhoud: afbeelding van buiten de repository (https://example.org/kaart.png)"),
    ("image without alt text",
     {"essays/een-essay.md": ESSAY + "![](kaart.png)\n"},
     "essays/een-essay.md:13: inhoud: afbeelding zonder beschrijving"),
    ("html image from another host",
     {"essays/een-essay.md": ESSAY + '<img alt="x" src="https://example.org/x.png">\n'},
     "essays/een-essay.md:13: inhoud: afbeelding van buiten de repository"),
    ("svg file",
     {"regions/twente/kaart.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"},
     "regions/twente/kaart.svg:1: bestand: SVG kan script bevatten"),
    ("unknown file type",
     {"regions/twente/setup.exe": "MZ"},
     "regions/twente/setup.exe:1: bestand: bestandstype '.exe' is niet toegestaan"),
    ("page without .md extension",
     {"regions/twente/praktijk/escaperoom-2": "---\ntitle: X\n---\n"},
     "regions/twente/praktijk/escaperoom-2:1: bestand: bestand zonder extensie (een pagina moet op .md eindigen)"),
    ("file too large",
     {"regions/twente/groot.png": "x" * (2 * 1024 * 1024 + 1)},
     "regions/twente/groot.png:1: bestand: is 2.0 MB groot; maximaal 2 MB"),
    ("svg among the sessions in docs/",
     {"docs/sessies/kaart.svg": "<svg/>"},
     "docs/sessies/kaart.svg:1: bestand: SVG kan script bevatten"),
    ("link to a page that does not exist, with suggestion",
     {"essays/een-essay.md": ESSAY + "Zie [het thema](../leerthemas/samenwerking-nationaa.md).\n"},
     "essays/een-essay.md:13: inhoud: link naar een pagina die niet bestaat (../leerthemas/samenwerking-nationaa.md); "
     "controleer het pad ten opzichte van deze pagina (bedoelde je 'leerthemas/samenwerking-nationaal.md'?)"),
    ("link with an absolute path",
     {"essays/een-essay.md": ESSAY + "Zie [het thema](/leerthemas/samenwerking-nationaal/).\n"},
     "essays/een-essay.md:13: inhoud: link met een absoluut pad"),
    ("link to a file that does not exist",
     {"essays/een-essay.md": ESSAY + "Zie [het verslag](verslag.pdf).\n"},
     "essays/een-essay.md:13: inhoud: link naar een bestand dat niet bestaat (verslag.pdf)"),
    ("two ids on one line after a bad indent",
     {"regions/twente/index.md": REGION.replace("          - samenwerking-nationaal",
                                                "          - samenwerking-nationaal\n           - bestuur-en-verankering")},
     "regions/twente/index.md:10: themes: onbekend leerthema 'samenwerking-nationaal - bestuur-en-verankering'; "
     "verwacht een id uit docs/leerthemas/ (staan er twee ids op één regel?"),
    ("markdown too large",
     {"essays/een-essay.md": ESSAY + ("Lange tekst. " * 20000)},
     "essays/een-essay.md:1: bestand: is 254 kB groot; maximaal 200 kB"),
]


@pytest.mark.parametrize("files, expected", [c[1:] for c in CASES + MEDIA_CASES],
                         ids=[c[0] for c in CASES + MEDIA_CASES])
def test_rule_reports_file_line_key_and_expectation(minimal, files, expected):
    messages = problems_for(minimal, files)
    assert any(m.startswith(expected) for m in messages), "\n".join(messages)


def test_local_image_with_description_is_fine(minimal):
    assert problems_for(minimal, {"essays/kaart.png": "png",
                                  "essays/een-essay.md": ESSAY + "![Kaart van Twente](kaart.png)\n"}) == []


def test_links_inside_code_blocks_are_not_checked(minimal):
    assert problems_for(minimal, {"essays/een-essay.md": ESSAY + "```\n[x](bestaat-niet.md)\n```\n"}) == []


def test_working_relative_link_passes(minimal):
    assert problems_for(minimal, {"essays/een-essay.md": ESSAY + "[Twente](../regions/twente/index.md)\n"}) == []


@pytest.mark.parametrize("folder", [
    "docs", "docs/programma", "docs/leerthemas", "docs/sessies", "docs/lessen", "docs/mensen", "essays",
    "regions/twente/updates", "regions/twente/praktijk"])
def test_a_bad_file_in_any_content_folder_is_reported(minimal, folder):
    name = "2022-06-16-kapot.md" if folder.endswith("updates") else "kapot.md"
    messages = problems_for(minimal, {f"{folder}/{name}": "---\ntitle: Kapot\ndescription: [niet gesloten\n---\n"})
    assert messages and all(m.startswith(f"{folder}/{name}:3: front-matter: YAML-fout") for m in messages), messages
