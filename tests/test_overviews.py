"""Overviews and derived sections follow the front-matter: one file in, it shows everywhere.

Most assertions read the shared real build (``built_site``); one test adds a file of each kind to a
copy of the repository and builds it (slow); monitoring is checked on the pipeline's Markdown.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import icalendar
import pytest

from conftest import MINIMAL, ROOT, build, copy_repo, edit, site_of, write
from kennisschakels import derive
from kennisschakels.load import check, load_catalogue
from kennisschakels.model.declarations import INDICATORS

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


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT)


def test_derived_theme_table_and_matrix_match_tabel_2(built_site, catalogue):
    derived = {t.id: {r.id for r in derive.adopting_regions(catalogue, t)} for t in catalogue.of("theme")}
    assert derived == TABEL_2
    html = (built_site / "overzichten/regio-thema-matrix/index.html").read_text(encoding="utf-8")
    row = re.compile(r'<tr>\s*<th scope="row"><a href="[^"]*regions/([a-z-]+)/">(.*?)</tr>', re.S)
    assert len(row.findall(html)) == 8
    themes = catalogue.ids("theme")
    for match in row.finditer(html):
        cells = re.findall(r'<td class="ks-(yes|no)">', match[2])
        adopted = {theme for theme, cell in zip(themes, cells) if cell == "yes"}
        assert adopted == {t for t, regions in TABEL_2.items() if match[1] in regions}, match[1]


def test_theme_overview_lists_regions_session_dates_and_experts(built_site):
    page = text(built_site / "leerthemas/index.html")
    assert "Gevoel voor positionering in kennisinfrastructuur bodem" in page
    assert re.search(r"8\. Samenwerking nationaal.{0,40} Adopterende regio's: Fryslân, Twente Inspiratiesessie: "
                     r"10 november 2022 Begeleiding: Willem Hendriks", page)
    assert re.search(r"4\. Schaalniveau van een schakelfunctie.{0,40} Adopterende regio's: Noord-Holland, Twente "
                     r"Inspiratiesessie: 6 juli 2022 Begeleiding: Govert Geldof", page)
    assert re.search(r"6\. Data- en kennisbronnen.{0,40} Adopterende regio's: geen ", page)


def test_sessions_overview_says_upcoming_and_past_by_the_build_date_with_calendars(built_site):
    page = (built_site / "sessies/index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h([23])[^>]*>([^<]+)", page)
    assert headings[:2] == [("2", "Komende sessies"), ("2", "Geweest")]
    assert [h for level, h in headings if level == "3"] == ["2023", "2022", "2021"]  # most recent first
    flat = text(built_site / "sessies/index.html")
    assert "volgt uit de datum van vandaag (14 november 2023)" in flat  # SOURCE_DATE_EPOCH of the build
    assert "Er zijn nu geen komende sessies vastgelegd." in flat
    assert "10 november 2022 · inspiratiesessie · was gepland; niet vastgelegd of die doorging" in flat
    assert "17 februari 2022 · inspiratiesessie · gehouden" in flat
    assert "oktober 2022 (de dag is nog niet bekend) · platformdag" in flat
    calendar = icalendar.Calendar.from_ical((built_site / "sessies/kalender.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} >= {"Inspiratiesessie Samenwerking nationaal"}
    assert all(e.decoded("DTSTART").isoformat()[:4] in ("2021", "2022", "2023") for e in events)
    one = built_site / "sessies/2022-07-06-inspiratiesessie-schaalniveau.ics"
    single = icalendar.Calendar.from_ical(one.read_bytes()).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in single] == ["2022-07-06"]
    month = icalendar.Calendar.from_ical((built_site / "sessies/2022-10-goo-platformdag.ics").read_bytes())
    (event,) = month.walk("VEVENT")
    assert (event.decoded("DTSTART").isoformat(), event.decoded("DTEND").isoformat()) == ("2022-10-01", "2022-11-01")
    # A past session's page offers no agenda link any more; its calendar file stays.
    session_page = (built_site / "sessies/2022-07-06-inspiratiesessie-schaalniveau/index.html").read_text("utf-8")
    assert ".ics" not in session_page


def test_region_page_shows_derived_sections(built_site, catalogue):
    page = text(built_site / "regions/noord-holland/index.html")
    for heading in ("Kennisvragen", "Leerthema's", "Partners", "Praktijkvoorbeelden", "Updates", "Sessies",
                    "Groei van het netwerk"):
        assert f"{heading}¶" in page, heading  # each a heading, with its permalink
    region = catalogue.get("region", "noord-holland")
    sessions = catalogue.referrers(region, "session", "regions")
    assert len(sessions) >= 3
    assert (f"2 leerthema's, 3 kennisvragen, 1 praktijkvoorbeeld, geen updates, {len(sessions)} sessies, "
            "geen essays.") in page
    assert "verzilting" in page.lower()
    assert "Schaalniveau van een schakelfunctie (leerthema 4)" in page
    assert "6 juli 2022: Inspiratiesessie Schaalniveau van een schakelfunctie (gehouden)" in page
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
              "regions/twente/updates/2030-01-15-nieuwe-werkgroep/index.html",
              "leerthemas/samenwerking-nationaal/index.html"]),
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
              "leerthemas/samenwerking-regionaal/index.html", "sessies/2030-03-01-kenniscafe-drenthe/index.html"]),
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


@pytest.mark.slow
def test_new_files_appear_everywhere_and_disappear_when_removed(built_site, tmp_path):
    """One file of each kind dropped into a copy of the repository (no other edit); one build shows
    each on every page it belongs to. Without them the copy is the repository itself, whose build
    (``built_site``) shows none of them."""
    root = copy_repo(tmp_path)
    for path, body, _ in ADDITIONS.values():
        write(root, {path: body})
    result = build(root)
    assert result.returncode == 0, result.stderr
    missing = {kind: [p for p in pages if re.search(r"title: (.+)", body)[1] not in text(root / "site" / p)]
               for kind, (_, body, pages) in ADDITIONS.items()}
    assert missing == {kind: [] for kind in ADDITIONS}
    # The upcoming session offers its own agenda file, and the overview counts it as upcoming.
    session = (root / "site/sessies/2030-03-01-kenniscafe-drenthe/index.html").read_text(encoding="utf-8")
    assert 'href="../2030-03-01-kenniscafe-drenthe.ics"' in session
    assert re.search(r"Komende sessies.{0,400}Kenniscafé Drenthe over grondwater", text(root / "site/sessies/index.html"))
    still = {kind: [p for p in pages if (built_site / p).exists() and re.search(r"title: (.+)", body)[1]
                    in text(built_site / p)] for kind, (_, body, pages) in ADDITIONS.items()}
    assert still == {kind: [] for kind in ADDITIONS}
    assert not (built_site / "sessies/2030-03-01-kenniscafe-drenthe").exists()


def scores(*values: int) -> dict[str, int]:
    return dict(zip(INDICATORS, values))


MONITORED = edit(MINIMAL["regions/regio-1/index.md"], monitoring=[
    {"date": "2023-01-10", "scores": scores(2, 3, 1, 2, 2, 1, 2)},
    {"date": "2024-01-10", "note": "Na een jaar werkgroepen.", "scores": scores(4, 4, 3, 3, 3, 2, 3)},
])


def test_monitoring_chart_table_and_comparison(tree):
    write(tree, {
        "regions/regio-1/index.md": MONITORED,
        "docs/overzichten/monitoring.md": (ROOT / "docs/overzichten/monitoring.md").read_text(encoding="utf-8"),
    })
    site = site_of(tree)
    region = site.page("regions/regio-1/index.md").markdown
    assert '<svg viewBox="0 0 640 240" role="img"' in region
    assert "van 10 januari 2023 (gemiddeld 1,9) tot 10 januari 2024 (gemiddeld 3,1)" in region
    assert "Na een jaar werkgroepen." in region
    # The data table beside the chart: every score per measurement, and the averages.
    assert "| Indicator | 10 januari 2023 | 10 januari 2024 |" in region
    assert f"| {INDICATORS['verjonging']} | 2 | 3 |" in region
    assert "| **Gemiddeld** | **1,9** | **3,1** |" in region
    overview = " ".join(site.page("overzichten/monitoring.md").markdown.split())
    cells = " ".join(f"<td>{v}</td>" for v in ("10 januari 2024", 4, 4, 3, 3, 3, 2, 3, "3,1"))
    assert re.search(r"\[Regio 1\]\(../regions/regio-1/index.md\)</th> " + re.escape(cells), overview), overview


def test_bad_monitoring_is_reported_with_line(tree):
    write(tree, {"regions/regio-1/index.md": MONITORED.replace("verjonging: 3", "verjonging: 7")})
    _, problems = check(tree)
    line = [i for i, row in enumerate(MONITORED.splitlines(), 1) if row.startswith("- date: ")][1]
    assert [str(p) for p in problems] == [
        f"regions/regio-1/index.md:{line}: monitoring: meting 2: score buiten 1-5 (verjonging: 7); geef elke "
        "indicator een score van 1 tot en met 5"]


def test_feeds_are_valid_atom_with_absolute_links(built_site, catalogue):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    essays = ET.parse(built_site / "feeds/essays.xml").getroot()
    entries = essays.findall("a:entry", ns)
    assert len(entries) == len(derive.published_essays(catalogue))  # drafts are not announced
    links = [e.find("a:link", ns).get("href") for e in entries]
    assert all(link.startswith("https://") and link.endswith("/") for link in links)
    assert all((built_site / link.split("/kennisschakels/", 1)[1] / "index.html").is_file() for link in links)
    updates = ET.parse(built_site / "feeds/updates.xml").getroot()
    assert updates.find("a:title", ns).text == "Kennisschakels: updates uit de regio's"
    assert updates.find("a:updated", ns).text == "2023-11-14T00:00:00Z"  # no updates yet: the build date
    overview = (built_site / "essays/index.html").read_text(encoding="utf-8")
    assert 'href="../feeds/essays.xml"' in overview
