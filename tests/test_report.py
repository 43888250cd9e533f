"""The tussenrapportage: a web version on the site and a PDF, both made from the knowledge base.

The PDF of the shared site build (``built_site``) is the committed edition 1.0; it is read once
per session. Editions, scope and the PDF/UA check: test_report_editions.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, build, copy_repo
from kennisschakels import derive
from kennisschakels.load import load_catalogue
from kennisschakels.report import web
from kennisschakels.report.pdf import render_pdf, report_html
from kennisschakels.site import check_all

PDF = "rapportages/tussenrapportage-2022.pdf"
WEB = "rapportages/tussenrapportage-2022"
TITLE = "Regionale kennisnetwerken in opbouw"
LEADER = re.compile(r"^(.*?)\s*(?:\.\s){3,}\.?\s*(\d+)$")


def flat(text: str) -> str:
    """Text with line breaks and hyphenation undone, for searching names in PDF text."""
    return re.sub(r"\s+", "", text.replace("\u2010", ""))


def words(text: str) -> str:
    return " ".join(text.replace("\u2010\n", "").split())


def report_command(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The documented command, with the same fixed date as the shared site build."""
    return subprocess.run([sys.executable, "-m", "kennisschakels", "rapport", *args], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"})


def shown(root: Path, concept: bool = False) -> web.Shown:
    """The tussenrapportage as the site shows it (its edition), or as a concept from the knowledge base."""
    ctx, problems = check_all(root)
    assert not problems, problems
    return web.show(ctx.reports[0], ctx, concept=concept)


def running_header(text: str) -> str:
    """What the header of a page says after the report title: the chapter ('' on pages without header)."""
    text = words(text)
    return text.rsplit(TITLE, 1)[1] if TITLE in text else ""


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue(ROOT)


@pytest.fixture(scope="session")
def pdf(built_site) -> PdfReader:
    return PdfReader(built_site / PDF)


@pytest.fixture(scope="session")
def pages(pdf) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


@pytest.fixture(scope="session")
def toc(pages) -> list[tuple[str, int]]:
    """(label, page number) of every entry in the PDF's table of contents."""
    start = next(i for i, text in enumerate(pages) if text.startswith("Inhoud"))
    entries, pending = [], ""
    for index in range(start, len(pages)):
        for line in pages[index].splitlines():
            line = line.strip()
            if line in ("Inhoud", "") or line.isdigit():
                continue
            match = LEADER.match(f"{pending} {line}".strip())
            if match:
                entries.append((words(match[1]), int(match[2])))
                pending = ""
            else:  # a long entry wrapped onto the next line
                pending = f"{pending} {line}".strip()
        if entries and index + 2 >= entries[0][1]:  # the next page is where the first chapter starts
            break
    return entries


def test_documented_command_builds_the_same_pdf_as_the_site(built_site, tmp_path):
    result = report_command(built_site.parent, "bouwen", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    made = tmp_path / "tussenrapportage-2022.pdf"
    assert "pagina's" in result.stdout and str(made) in result.stdout
    assert made.read_bytes() == (built_site / PDF).read_bytes()


def test_pdf_has_title_author_and_dutch_language_and_is_tagged(pdf):
    assert pdf.metadata.title == TITLE
    assert pdf.metadata.author == "Programmateam Regionale Kennisschakels bodem en ondergrond"
    catalog = pdf.trailer["/Root"]
    assert catalog["/Lang"] == "nl"
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog  # tagged for screen readers


def test_cover_shows_the_title_and_colophon_follows(pages):
    cover = words(pages[0])
    assert cover.casefold().startswith("tussenrapportage rsp-programma bodem ")  # the series, in capitals
    assert TITLE in cover
    assert "September 2022" in pages[0] and "Vereniging van Nederlandse Gemeenten" in pages[0]
    assert words(pages[1]).startswith("Colofon")


def test_contents_page_numbers_are_where_the_chapters_start(pages, toc, catalogue):
    labels = [label for label, _ in toc]
    expected = ["Voorwoord", "Samenvatting", "1 Inleiding", "2 Regionale kennisnetwerken: een goed plan!",
                "3 Geleerde lessen", "4 Adviezen voor het vervolg"]
    assert [label for label in labels if label in expected] == expected
    assert any(label.startswith("1.1 ") for label in labels)
    for label, number in toc:
        text = words(pages[number - 1])
        if re.match(r"^\d+\.\d+ ", label):
            assert label in text, f"section '{label}' is not on page {number}"
        else:
            # A chapter starts on its page: its heading opens the page and the running header changes there.
            assert text.startswith(label), f"'{label}' does not start page {number}: {text[:80]}"
            assert label in running_header(pages[number - 1])
            assert label not in running_header(pages[number - 2])
    numbers = [number for _, number in toc]
    assert numbers == sorted(numbers) and numbers[-1] <= len(pages)


def _between(pages: list[str], start: str, end: str) -> str:
    text = "\n".join(pages)
    begin = text.index(start)
    return text[begin:text.index(end, begin)]


def test_table_1_lists_every_participating_region_with_its_questions(pages, catalogue):
    table = flat(_between(pages, "Tabel 1:", "Tabel 2:"))
    participating = [r for r in catalogue.of("region") if r.status == "participating"]
    assert len(participating) == 7
    for region in participating:
        assert flat(region.title) in table, region.id
        for question in region.questions:
            assert flat(question) in table, (region.id, question)


def test_table_2_lists_every_theme_with_regions_sessions_and_experts(pages, catalogue):
    table = flat(_between(pages, "Tabel 2:", "inspiratiesessies in deze tabel"))
    themes = catalogue.of("theme")
    assert len(themes) == 8
    for theme in themes:
        assert flat(theme.title) in table, theme.id
        for person in theme.experts:
            assert flat(person.title) in table, (theme.id, person.id)
        for region in derive.adopting_regions(catalogue, theme):
            assert flat(region.title) in table, (theme.id, region.id)
    assert flat("25 april 2022") in table and flat("10 november 2022 (gepland)") in table


def test_every_published_essay_is_an_appendix_in_the_defined_order(pages, toc, catalogue):
    appendices = [(label, number) for label, number in toc if label.startswith("Bijlage ")]
    published = derive.published_essays(catalogue)
    assert len(appendices) == len(published)
    assert appendices[0][0] == "Bijlage 1 Context programma Regionale Kennisschakels bodem en ondergrond"
    assert appendices[1][0].startswith("Bijlage 2 Wanneer doet een regionaal kennisnetwerk")
    titles = " ".join(label for label, _ in appendices)
    for essay in published:
        assert essay.title in titles
    for draft in derive.draft_essays(catalogue):
        assert draft.title not in titles  # drafts are left out of this report


def test_links_inside_the_pdf_go_to_places_in_the_pdf(pdf, toc):
    destinations = set(pdf.named_destinations)
    internal, external = 0, []
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if "/Dest" in link:
                assert str(link["/Dest"]) in destinations
                internal += 1
            elif "/A" in link and "/URI" in link["/A"]:
                external.append(str(link["/A"]["/URI"]))
    assert internal >= len(toc)
    assert all(uri.startswith("https://") for uri in external)


def test_pdf_html_keeps_words_of_links_to_pages_outside_the_report():
    report = shown(ROOT)
    document = report_html(report.assembled, report.ctx)
    assert not re.search(r'href="(?!#|https://)', document), "a link that does not work in a PDF"
    # Tabel 1 names the regions, but region pages are not in the report: their names stay, as plain text.
    assert "<td>Twente</td>" in document and not re.search(r"<a [^>]*>Twente</a>", document)
    # The lessons in the summary link to the lessons in chapter 3.
    summary = document[document.index("Zes lessen"):document.index("De adviezen in het kort")]
    assert summary.count('href="#k') >= 6


def test_web_report_has_chapters_in_order_with_previous_next_and_the_pdf(built_site, catalogue):
    report = shown(ROOT).report
    landing = (built_site / WEB / "index.html").read_text(encoding="utf-8")
    content = landing[landing.index("<article"):]
    assert 'href="../tussenrapportage-2022.pdf"' in content and "Download de PDF" in content
    chapter_pages = [c.page for c in report.chapters] + [report.appendices.page]
    positions = [content.index(f'href="{Path(uri).stem}/"') for uri in chapter_pages]
    assert positions == sorted(positions), "the contents of the web version are out of order"
    for previous, page, following in zip([report.page] + chapter_pages, chapter_pages, chapter_pages[1:] + [None]):
        html = (built_site / WEB / Path(page).stem / "index.html").read_text(encoding="utf-8")
        assert "← Vorige: " + catalogue.by_uri(previous).title in html
        if following:
            assert "Volgende: " + catalogue.by_uri(following).title + " →" in html
        assert 'href="../../tussenrapportage-2022.pdf"' in html
    inleiding = (built_site / WEB / "inleiding" / "index.html").read_text(encoding="utf-8")
    assert "Tabel 1:" in inleiding and "Tabel 2:" in inleiding
    assert not (built_site / "rapportages" / "tussenrapportage-2022.yml").exists()


def test_bad_definition_fails_with_file_line_and_key(tmp_path):
    root = copy_repo(tmp_path)
    definition = root / "docs" / "rapportages" / "tussenrapportage-2022.yml"
    text = definition.read_text(encoding="utf-8")
    definition.write_text(text.replace("include: programma/omgeving.md", "include: programma/omgevin.md"),
                          encoding="utf-8")
    line = next(i for i, row in enumerate(definition.read_text().splitlines(), 1) if "omgevin.md" in row)
    result = report_command(root, "bouwen", "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (f"docs/rapportages/tussenrapportage-2022.yml:{line}: chapters[3].sections[0].include: "
            "onbekende pagina 'programma/omgevin.md'") in result.stderr
    assert "bedoelde je 'programma/omgeving.md'" in result.stderr
    assert not (tmp_path / "out").exists()
    built = build(root)
    assert built.returncode != 0 and "onbekende pagina 'programma/omgevin.md'" in built.stderr
    assert not (root / "site").exists()


def test_changed_region_question_changes_the_site_and_the_concept_but_not_the_2022_edition(built_site, tmp_path):
    root = copy_repo(tmp_path)
    twente = root / "regions" / "twente" / "index.md"
    text = twente.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("  - \"Energie: hoe"))
    new = '  - "Hoe maken we van de Twentse ondergrond een warmtebatterij voor de wijk?"'
    twente.write_text(text.replace(old, new), encoding="utf-8")
    result = build(root, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    site = root / "site"
    question = "Hoe maken we van de Twentse ondergrond een warmtebatterij voor de wijk?"
    assert question in (site / "regions/twente/index.html").read_text(encoding="utf-8")
    # The adopted edition stays as adopted: web chapter and PDF, byte for byte.
    assert question not in (site / WEB / "inleiding/index.html").read_text(encoding="utf-8")
    assert (site / PDF).read_bytes() == (built_site / PDF).read_bytes()
    assert (site / "rapportages/tussenrapportage-2022-editie-1.0.pdf").read_bytes() == (built_site / PDF).read_bytes()
    # ... and its page says what changed since: the region page, with a link.
    landing = (site / WEB / "index.html").read_text(encoding="utf-8")
    since = landing[landing.index('id="sinds-deze-editie"'):]
    assert re.search(r'<a href="../../regions/twente/">Twente</a>: gewijzigd', since), since[:2000]
    # A concept of the same report follows the knowledge base.
    result = report_command(root, "bouwen", "--concept", "--out", str(tmp_path / "concept"))
    assert result.returncode == 0, result.stderr
    concept = flat("\n".join(p.extract_text() for p in PdfReader(tmp_path / "concept" /
                                                              "tussenrapportage-2022-concept.pdf").pages))
    assert flat(question) in concept and flat(old.split('"')[1][:60]) not in concept


def test_draft_essays_can_be_appendices_and_are_marked_as_such(tmp_path):
    root = copy_repo(tmp_path)
    (root / "essays" / "concept-over-monitoring.md").write_text(
        "---\ntitle: Concept over monitoring\ndescription: Een essay in wording.\ndraft: true\n"
        "themes:\n  - organisatie-en-rol\n---\n\nDe tekst volgt.\n", encoding="utf-8")
    definition = root / "docs" / "rapportages" / "tussenrapportage-2022.yml"
    definition.write_text(definition.read_text(encoding="utf-8").replace("essays: published", "essays: all"),
                          encoding="utf-8")
    report = shown(root, concept=True)
    document = report_html(report.assembled, report.ctx)
    assert re.search(r'<section class="appendix draft">\s*<h1 id="k\d+"><span class="num">Bijlage \d+</span> '
                     r"Concept over monitoring</h1>", document)
    assert "<strong>In voorbereiding</strong>" in document
    landing = web.page_markdown(report, report.report.page)
    assert "[Concept over monitoring](../../essays/concept-over-monitoring.md) (in voorbereiding)" in landing


def test_figures_of_included_pages_come_from_the_repository(tmp_path):
    import base64

    root = copy_repo(tmp_path)
    pixel = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    (root / "essays" / "schema-netwerk.png").write_bytes(pixel)
    essay = root / "essays" / "integraal-en-geintegreerd-werken.md"
    essay.write_text(essay.read_text(encoding="utf-8") + "\n![Schema van het netwerk](schema-netwerk.png)\n",
                     encoding="utf-8")
    report = shown(root, concept=True)
    document = report_html(report.assembled, report.ctx)
    # Relative to the repository (WeasyPrint's base URL), so the sanitiser and the fetcher both apply.
    assert '<img alt="Schema van het netwerk" src="essays/schema-netwerk.png"' in document
    pdf = render_pdf(report.assembled, report.ctx)
    assert b"/Subtype /Image" in pdf.data or b"/Subtype/Image" in pdf.data
