"""Overviews and derived sections follow the front-matter: one file in, it shows everywhere."""

from __future__ import annotations

import re
import shutil

import icalendar
import pytest

from conftest import MINIMAL, ROOT, build, copy_repo, write
from kennisschakels import derive, load_catalogue

# Tabel 2 of the tussenrapportage: theme -> regions that adopted it.
TABEL_2 = {
    "bestuur-en-verankering": {"noord-brabant", "gelderland", "twente", "flevoland"},
    "organisatie-en-rol": {"noord-brabant", "noord-holland", "flevoland"},
    "informatie-en-communicatiekanalen": {"drenthe"},
    "schaalniveau": {"twente", "noord-holland"},
    "inhoudelijke-focus": {"drenthe", "flevoland", "fryslan"},
    "data-en-kennisbronnen": set(),
    "samenwerking-regionaal": {"gelderland", "drenthe"},
    "samenwerking-nationaal": {"twente", "fryslan"},
}


def text(path) -> str:
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"</?(a|abbr|strong|em|span)\b[^>]*>", "", html)  # inline tags: no extra space
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_derived_theme_table_and_matrix_match_tabel_2(built_site):
    catalogue = load_catalogue(ROOT)
    derived = {t.id: {r.id for r in derive.adopting_regions(catalogue, t)} for t in derive.themes(catalogue)}
    assert derived == TABEL_2
    html = (built_site / "overzichten/regio-thema-matrix/index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr>\s*<th scope="row"><a href="[^"]*regions/([a-z-]+)/">.*?</tr>', html, re.S)
    assert len(rows) == 8
    themes = [t.id for t in derive.themes(catalogue)]
    for row in re.finditer(r'<tr>\s*<th scope="row"><a href="[^"]*regions/([a-z-]+)/">(.*?)</tr>', html, re.S):
        cells = re.findall(r'<td class="ks-(yes|no)">', row[2])
        adopted = {theme for theme, cell in zip(themes, cells) if cell == "yes"}
        assert adopted == {t for t, regions in TABEL_2.items() if row[1] in regions}, row[1]


def test_theme_overview_lists_regions_session_dates_and_experts(built_site):
    page = text(built_site / "leerthemas/index.html")
    assert "Gevoel voor positionering in kennisinfrastructuur bodem" in page
    assert re.search(r"Samenwerking nationaal .{0,40}Fryslân, Twente .{0,10}10 november 2022 .{0,10}Willem Hendriks", page)
    assert re.search(r"Schaalniveau van een schakelfunctie .{0,40}Noord-Holland, Twente .{0,10}6 juli 2022 .{0,10}Govert Geldof", page)


def test_sessions_are_grouped_by_month_with_status_and_calendar(built_site):
    page = (built_site / "sessies/index.html").read_text(encoding="utf-8")
    months = re.findall(r"<h3[^>]*>([A-Z][a-z]+ \d{4})", page)
    assert months[:3] == ["Oktober 2021", "Februari 2022", "Maart 2022"]
    assert "gepland" in page and "gehouden" in page
    calendar = icalendar.Calendar.from_ical((built_site / "sessies/kalender.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} >= {"Inspiratiesessie Samenwerking nationaal"}
    assert all(e.decoded("DTSTART").isoformat()[:4] in ("2021", "2022", "2023") for e in events)
    one = built_site / "sessies/2022-07-06-inspiratiesessie-schaalniveau.ics"
    single = icalendar.Calendar.from_ical(one.read_bytes()).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in single] == ["2022-07-06"]
    session_page = (built_site / "sessies/2022-07-06-inspiratiesessie-schaalniveau/index.html").read_text("utf-8")
    assert 'href="../2022-07-06-inspiratiesessie-schaalniveau.ics"' in session_page


def test_region_page_shows_derived_sections(built_site):
    page = text(built_site / "regions/noord-holland/index.html")
    for heading in ("Kennisvragen", "Leerthema's", "Partners", "Praktijkvoorbeelden", "Updates", "Sessies",
                    "Groei van het netwerk"):
        assert heading in page
    assert "verzilting" in page.lower()
    assert "Voor deze regio is nog geen meting vastgelegd" in page


ADDITIONS = {
    "update": ("regions/twente/updates/2030-01-15-nieuwe-werkgroep.md", """
        ---
        title: Nieuwe werkgroep bodemenergie
        description: Twente start een werkgroep.
        themes:
          - samenwerking-nationaal
        ---
        Tekst.
        """, ["regions/twente/index.html", "overzichten/updates/index.html",
              "regions/twente/updates/2030-01-15-nieuwe-werkgroep/index.html"]),
    "practice": ("regions/drenthe/praktijk/bodemwandeling.md", """
        ---
        title: Bodemwandeling met raadsleden
        description: Een wandeling langs de bodem.
        themes:
          - informatie-en-communicatiekanalen
        ---
        Tekst.
        """, ["regions/drenthe/index.html", "overzichten/praktijkvoorbeelden/index.html",
              "leerthemas/informatie-en-communicatiekanalen/index.html"]),
    "session": ("docs/sessies/2030-03-01-kenniscafe-drenthe.md", """
        ---
        title: Kenniscafé Drenthe over grondwater
        description: Een kenniscafé.
        date: 2030-03-01
        kind: kenniscafe
        status: gepland
        themes:
          - samenwerking-regionaal
        regions:
          - drenthe
        hosts:
          - geert-roovers
        ---
        Tekst.
        """, ["sessies/index.html", "regions/drenthe/index.html", "mensen/geert-roovers/index.html",
              "leerthemas/samenwerking-regionaal/index.html"]),
    "essay": ("essays/grondwater-en-gemeenten.md", """
        ---
        title: Grondwater en gemeenten
        description: Een essay over grondwater.
        authors:
          - govert-geldof
        date: 2030-04-01
        themes:
          - schaalniveau
        regions:
          - noord-holland
        ---
        Tekst.
        """, ["essays/index.html", "mensen/govert-geldof/index.html", "leerthemas/schaalniveau/index.html",
              "regions/noord-holland/index.html"]),
}


@pytest.mark.parametrize("kind", sorted(ADDITIONS))
def test_one_new_file_appears_everywhere_and_disappears_when_removed(tmp_path, kind):
    root = copy_repo(tmp_path)
    path, body, pages = ADDITIONS[kind]
    title = re.search(r"title: (.+)", body)[1]
    write(root, {path: body})
    assert build(root).returncode == 0
    missing = [p for p in pages if title not in text(root / "site" / p)]
    assert missing == []
    (root / path).unlink()
    shutil.rmtree(root / "site")
    assert build(root).returncode == 0
    still = [p for p in pages if (root / "site" / p).exists() and title in text(root / "site" / p)]
    assert still == []


MONITORED = MINIMAL["regions/twente/index.md"].replace("maintainers: []", """maintainers: []
        monitoring:
          - date: 2023-01-10
            scores: {praktijkbehoefte: 2, netwerk: 3, regionale-schakels: 1, landelijke-infrastructuur: 2,
                     bestuurlijke-verankering: 2, uitvoeringskracht: 1, verjonging: 2}
          - date: 2024-01-10
            note: Na een jaar werkgroepen.
            scores: {praktijkbehoefte: 4, netwerk: 4, regionale-schakels: 3, landelijke-infrastructuur: 3,
                     bestuurlijke-verankering: 3, uitvoeringskracht: 2, verjonging: 3}""")


def test_monitoring_chart_table_and_comparison(minimal):
    write(minimal, {
        "regions/twente/index.md": MONITORED,
        "docs/overzichten/monitoring.md": (ROOT / "docs/overzichten/monitoring.md").read_text(encoding="utf-8"),
    })
    assert build(minimal).returncode == 0
    region = (minimal / "site/regions/twente/index.html").read_text(encoding="utf-8")
    assert '<svg viewBox="0 0 640 240" role="img"' in region
    assert "van 10 januari 2023 (gemiddeld 1,9) tot 10 januari 2024 (gemiddeld 3,1)" in region
    assert "Na een jaar werkgroepen." in region
    assert "<th>10 januari 2024</th>" in region  # the data table beside the chart
    overview = text(minimal / "site/overzichten/monitoring/index.html")
    assert re.search(r"Twente 10 januari 2024 4 4 3 3 3 2 3 3,1", overview)


def test_bad_monitoring_is_reported_with_line(minimal):
    from kennisschakels.catalogue import check

    write(minimal, {"regions/twente/index.md": MONITORED.replace("verjonging: 3}", "verjonging: 7}")})
    _, problems = check(minimal)
    assert [str(p) for p in problems] == [
        "regions/twente/index.md:16: monitoring: meting 2: score voor 'verjonging' is 7; "
        "verwacht een geheel getal van 1 tot en met 5"]


def test_feeds_are_valid_atom_with_absolute_links(built_site):
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    essays = ET.parse(built_site / "feeds/essays.xml").getroot()
    entries = essays.findall("a:entry", ns)
    assert len(entries) == len(load_catalogue(ROOT).of("essay")) - 1  # the draft is not announced
    links = [e.find("a:link", ns).get("href") for e in entries]
    assert all(link.startswith("https://") and link.endswith("/") for link in links)
    assert all((built_site / link.split("/kennisschakels/", 1)[1] / "index.html").is_file() for link in links)
    updates = ET.parse(built_site / "feeds/updates.xml").getroot()
    assert updates.find("a:title", ns).text == "Kennisschakels: updates uit de regio's"
    overview = (built_site / "essays/index.html").read_text(encoding="utf-8")
    assert 'href="../feeds/essays.xml"' in overview
