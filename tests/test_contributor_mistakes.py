"""Issue 15: the mistakes contributors made, each refused by the check with a Dutch
``pad:regel: sleutel: wat; verwacht`` that names the cause and the fix.

Every case writes the contributor's file over the minimal tree (plus a region 'fryslan' and a theme
'schaalniveau', the names of the issue) and runs the check in-process; one case also runs the
command a contributor types (``python -m kennisschakels check``). No build.
"""

from __future__ import annotations

import pytest

from conftest import MINIMAL, check, edit, problems_in, write
from kennisschakels.scaffolds import TEMPLATES, scaffold_types, template

REGION = MINIMAL["regions/regio-1/index.md"]
THEME = MINIMAL["docs/leerthemas/theme-1.md"]
ESSAY = MINIMAL["essays/essay-1.md"]
SESSION = MINIMAL["docs/sessies/2022-09-21-session-1.md"]
FRYSLAN = edit(REGION, title="Fryslân")
SCHAALNIVEAU = edit(THEME, title="Schaalniveau van een schakelfunctie", number=4,
                    body="Tekst.\n\n## Wat het thema vraagt\n\nMeer tekst.")
# The theme the essay template names as its example.
SAMENWERKING = edit(THEME, title="Samenwerking regionaal", number=7)
PIXEL_PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63fcff"
                          "9f0100050001018d1d8e6c0000000049454e44ae426082")


@pytest.fixture
def repo(tree):
    """The minimal tree with the region and the themes the issue and the templates name; valid as it is."""
    write(tree, {"regions/fryslan/index.md": FRYSLAN, "docs/leerthemas/schaalniveau.md": SCHAALNIVEAU,
                 "docs/leerthemas/samenwerking-regionaal.md": SAMENWERKING})
    assert problems_in(tree) == []
    return tree


def appended(text: str, extra: str) -> tuple[str, int]:
    """``text`` with ``extra`` lines after it, and the line number of the first of them."""
    return text + extra, len(text.splitlines()) + 1


def line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


# ----------------------------------------------------------------------------- 1. a title in the body

def test_a_level_1_heading_in_the_body_is_refused_because_the_title_comes_from_front_matter(repo):
    text, line = appended(FRYSLAN, "# Fryslân: casustafels\n\nDe casustafels van 2022.\n")
    assert problems_in(repo, {"regions/fryslan/index.md": text}) == [
        f"regions/fryslan/index.md:{line}: inhoud: kop van niveau 1 ('# Fryslân: casustafels'); de paginatitel komt "
        "uit 'title' en staat al bovenaan; begin kopjes in de tekst met '## '"]
    # The fix the message gives is accepted.
    assert problems_in(repo, {"regions/fryslan/index.md": text.replace("# Fryslân", "## Fryslân")}) == []


# ----------------------------------------------------------------------------- 2. a heading the site makes

def test_a_heading_the_region_page_makes_itself_is_refused_on_a_region_page_only(repo):
    text, line = appended(FRYSLAN, "## Partners\n\n- Wetterskip Fryslân\n")
    assert problems_in(repo, {"regions/fryslan/index.md": text}) == [
        f"regions/fryslan/index.md:{line}: inhoud: de kop 'Partners' maakt de site zelf al op deze pagina; kies een "
        "andere kop; wat onder de kop van de site staat, komt uit de gegevens"]
    # An essay has no derived 'Partners' section: there the heading is the writer's own.
    essay, _ = appended(ESSAY, "## Partners\n\nTekst.\n")
    assert problems_in(repo, {"regions/fryslan/index.md": FRYSLAN, "essays/essay-1.md": essay}) == []


# ----------------------------------------------------------------------------- 3. date against file name

def test_a_session_whose_date_differs_from_its_file_name_is_refused(repo):
    text = edit(SESSION, date="2024-04-19", end_date=None)
    path = "docs/sessies/2024-04-18-x.md"
    assert problems_in(repo, {path: text}) == [
        f"{path}:{line_of(text, 'date:')}: date: '2024-04-19' wijkt af van de datum in de bestandsnaam (2024-04-18); "
        "maak ze gelijk, of laat 'date' weg: de bestandsnaam geeft de datum al"]
    assert problems_in(repo, {path: edit(SESSION, date="2024-04-18", end_date=None)}) == []
    assert problems_in(repo, {path: edit(SESSION, end_date=None)}) == []


# ----------------------------------------------------------------------------- 4. template placeholders

def placeholder_lines(text: str) -> dict[str, list[tuple[int, str]]]:
    """What a template leaves for the writer: title, description and the body's example lines (not
    its headings), each with its line in the file."""
    lines = text.splitlines()
    end = lines.index("---", 1)
    found: dict[str, list[tuple[int, str]]] = {"title": [], "description": [], "inhoud": []}
    for number, line in enumerate(lines[1:end], 2):
        key, _, value = line.partition(": ")
        if key in ("title", "description"):
            found[key].append((number, value))
    for number, line in enumerate(lines[end + 1:], end + 2):
        if line.strip() and not line.startswith("#"):
            found["inhoud"].append((number, line.strip()))
    return found


KINDS = sorted(scaffold_types())


def test_every_template_of_the_web_editor_and_the_scaffold_is_checked():
    assert sorted(path.stem for path in TEMPLATES.glob("*.md")) == KINDS == ["essay", "praktijk", "sessie", "update"]


def template_path(kind: str) -> str:
    return scaffold_types()[kind].path.format(region="fryslan", date="2024-03-05", name="x", id="x")


@pytest.mark.parametrize("kind", KINDS)
def test_an_unchanged_template_is_refused_with_every_example_text_named(repo, kind):
    text = template(kind)
    path = template_path(kind)
    messages = problems_in(repo, {path: text})
    expected = placeholder_lines(text)
    assert expected["title"] and expected["description"] and expected["inhoud"], kind
    # Title and description on the line of their key (where the contributor has to type).
    for key in ("title", "description"):
        ((line, value),) = expected[key]
        assert f"{path}:{line}: {key}: is nog de voorbeeldtekst van het sjabloon ('{value}'); vervang die door je " \
               "eigen tekst" in messages, (key, messages)
    for line, value in expected["inhoud"]:
        assert f"{path}:{line}: inhoud: is nog de voorbeeldtekst van het sjabloon ('{value}'); vervang die door je " \
               "eigen tekst, of haal de regel weg" in messages, (value, messages)
    # Nothing else is wrong with a template: once the example texts are replaced, it is accepted.
    assert len(messages) == 2 + len(expected["inhoud"]), messages


@pytest.mark.parametrize("kind", KINDS)
def test_a_filled_in_template_is_accepted(repo, kind):
    text = template(kind)
    examples = placeholder_lines(text)
    for key, replacement in (("title", "Casustafels in Leeuwarden"), ("description", "Drie casustafels.")):
        ((_, value),) = examples[key]
        text = text.replace(f"{key}: {value}", f"{key}: {replacement}")
    for _, value in examples["inhoud"]:
        text = text.replace(value, "Wat er werkelijk gebeurde.")
    assert problems_in(repo, {template_path(kind): text}) == []


# ----------------------------------------------------------------------------- 5. broken anchors

def test_a_link_to_a_heading_that_does_not_exist_is_refused_by_check_before_the_build(repo):
    text, line = appended(ESSAY, "Zie [x](../leerthemas/schaalniveau.md#bestaat-niet) en [hier](#bestaat-niet).\n")
    expected = [
        f"essays/essay-1.md:{line}: inhoud: link naar een kop die niet bestaat (#bestaat-niet) op "
        "../leerthemas/schaalniveau.md; gebruik het anker van een bestaande kop: kleine letters, spaties als streepjes",
        f"essays/essay-1.md:{line}: inhoud: link naar een kop die niet bestaat (#bestaat-niet) op deze pagina; "
        "gebruik het anker van een bestaande kop: kleine letters, spaties als streepjes"]
    assert problems_in(repo, {"essays/essay-1.md": text}) == expected
    # The command a contributor runs says the same and builds nothing.
    result = check(repo)
    assert result.returncode == 1
    assert all(message in result.stderr for message in expected), result.stderr
    assert "2 problemen gevonden in de inhoud; er is niets gebouwd." in result.stderr
    assert not (repo / "site").exists()


def test_a_nearly_right_anchor_gets_a_suggestion_also_for_headings_the_site_makes(repo):
    text, line = appended(ESSAY, "Zie [de vraag](../leerthemas/schaalniveau.md#wat-het-thema-vraag) en "
                                 "[de regio's](../leerthemas/schaalniveau.md#regios-die-dit-thema-adopteerde).\n")
    assert problems_in(repo, {"essays/essay-1.md": text}) == [
        f"essays/essay-1.md:{line}: inhoud: link naar een kop die niet bestaat (#regios-die-dit-thema-adopteerde) op "
        "../leerthemas/schaalniveau.md; gebruik het anker van een bestaande kop: kleine letters, spaties als "
        "streepjes (bedoelde je 'regios-die-dit-thema-adopteerden'?)",
        f"essays/essay-1.md:{line}: inhoud: link naar een kop die niet bestaat (#wat-het-thema-vraag) op "
        "../leerthemas/schaalniveau.md; gebruik het anker van een bestaande kop: kleine letters, spaties als "
        "streepjes (bedoelde je 'wat-het-thema-vraagt'?)"]
    fixed = text.replace("#wat-het-thema-vraag)", "#wat-het-thema-vraagt)").replace("adopteerde)", "adopteerden)")
    assert problems_in(repo, {"essays/essay-1.md": fixed}) == []


# ----------------------------------------------------------------------------- 6. content against extension

def test_a_png_renamed_to_jpg_is_refused_and_told_its_real_extension(repo):
    assert problems_in(repo, {"regions/fryslan/casustafel.jpg": PIXEL_PNG}) == [
        "regions/fryslan/casustafel.jpg:1: bestand: de inhoud past niet bij de extensie '.jpg' (het is een "
        "PNG-bestand); geef het bestand de extensie van wat het is (PNG: '.png')"]
    (repo / "regions/fryslan/casustafel.jpg").unlink()
    assert problems_in(repo, {"regions/fryslan/casustafel.png": PIXEL_PNG}) == []


# ----------------------------------------------------------------------------- 8. file names

SMALL_SESSION = edit(SESSION, end_date=None)


@pytest.mark.parametrize("path, expected", [
    ("docs/sessies/2024-03-05-TEST-bijeenkomst.md",
     "naam 'TEST-bijeenkomst' bevat hoofdletters; gebruik alleen kleine letters (a-z), cijfers en streepjes: hernoem "
     "naar '2024-03-05-test-bijeenkomst.md'"),
    ("docs/sessies/05-03-2024-kenniscafe.md",
     "bestandsnaam '05-03-2024-kenniscafe.md' begint met de datum in de volgorde dag-maand-jaar; zet het jaar "
     "voorop: hernoem naar '2024-03-05-kenniscafe.md'"),
    ("essays/Test_Aanpak_Fryslân.md",
     "bestandsnaam 'Test_Aanpak_Fryslân.md' bevat hoofdletters, letters met accenten en liggende streepjes (_); "
     "gebruik alleen kleine letters (a-z), cijfers en streepjes: hernoem naar 'test-aanpak-fryslan.md'"),
])
def test_a_bad_file_name_names_the_cause_and_the_name_to_use(repo, path, expected):
    # The session has no 'date:': its date is to come from the name (the check must not crash on it).
    text = ESSAY if path.startswith("essays/") else SMALL_SESSION
    assert problems_in(repo, {path: text}) == [f"{path}:1: bestand: {expected}"]
    # Renamed as the message says, the file is accepted.
    (repo / path).unlink()
    corrected = path.rsplit("/", 1)[0] + "/" + expected.rsplit("'", 2)[-2]
    assert problems_in(repo, {corrected: text}) == []


# ----------------------------------------------------------------------------- 9. a YAML error hides nothing

def test_a_yaml_error_is_reported_with_the_other_problems_of_the_same_file(repo):
    text = ESSAY.replace("title: Essay 1", "title: Fryslân: casustafels").replace(
        "date: '2022-09-21'", "date: 2022-13-05").replace("- theme-1", "- schaalnivo")
    assert problems_in(repo, {"essays/essay-1.md": text}) == [
        "essays/essay-1.md:2: front-matter: YAML-fout: onverwachte dubbele punt (zet tekst met ':' tussen "
        "aanhalingstekens); controleer inspringing, dubbele punten en aanhalingstekens op deze regel of de regel erboven",
        f"essays/essay-1.md:{line_of(text, 'date:')}: date: '2022-13-05' is geen bestaande datum; verwacht JJJJ-MM-DD "
        "(bijv. 2022-04-25), of JJJJ-MM als alleen de maand bekend is",
        f"essays/essay-1.md:{line_of(text, '- schaalnivo')}: themes: onbekend leerthema 'schaalnivo'; verwacht een id "
        "uit docs/leerthemas/ (bedoelde je 'schaalniveau'?)"]


# ----------------------------------------------------------------------------- 10. the path to write

@pytest.mark.parametrize("path, link, suggestion", [
    ("regions/fryslan/index.md", "../../docs/leerthemas/schaalniveau.md", "../../leerthemas/schaalniveau.md"),
    ("regions/fryslan/index.md", "../leerthemas/schaalniveu.md", "../../leerthemas/schaalniveau.md"),
    ("essays/essay-1.md", "../docs/leerthemas/schaalniveau.md", "../leerthemas/schaalniveau.md"),
    ("docs/leerthemas/theme-1.md", "docs/leerthemas/schaalniveau.md", "schaalniveau.md"),
])
def test_a_link_suggestion_is_the_relative_path_to_write_not_the_repository_path(repo, path, link, suggestion):
    original = {"regions/fryslan/index.md": FRYSLAN, "essays/essay-1.md": ESSAY, "docs/leerthemas/theme-1.md": THEME}[path]
    text, line = appended(original, f"Zie [het leerthema]({link}).\n")
    assert problems_in(repo, {path: text}) == [
        f"{path}:{line}: inhoud: link naar een pagina die niet bestaat ({link}); controleer het pad ten opzichte van "
        f"deze pagina (bedoelde je '{suggestion}'?)"]
    # What the suggestion says to write works.
    assert problems_in(repo, {path: text.replace(f"]({link})", f"]({suggestion})")}) == []
