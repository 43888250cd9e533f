"""Regression tests for the bugs issue 12 reported ("every file the check accepts builds").

- A session ``kind: inspiratiesessie`` without ``status`` crashed Tabel 2 of the report: it builds.
- A session dated 9999-12-31 passed the check and broke the calendar: the check and the build refuse it.
- ``<img alt="a" src="bestaat-niet.png">`` in a lesson passed the check: the check and the build refuse it.
- A new type declared in the declarations alone did not build: see tests/test_new_type.py
  (``test_a_type_declared_in_the_declarations_alone_builds_with_the_mkdocs_adapter``).

Each is checked in-process first (fast), then confirmed with real builds, grouped: one build of a copy
with every file that must be refused, one build of a copy with every file that must build.
"""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from conftest import MINIMAL, build, check, copy_repo, problems_in, site_of, write
from kennisschakels.model.declarations import TYPES
from kennisschakels.model.kinds import DateKind
from kennisschakels.report.pdf import report_html

INSPIRATION_WITHOUT_STATUS = ("docs/sessies/2022-08-15-inspiratiesessie-zonder-status.md", """
    ---
    title: Inspiratiesessie zonder status
    description: Een inspiratiesessie waarvan de bron niet zegt of die doorging.
    kind: inspiratiesessie
    themes:
      - data-en-kennisbronnen
    regions:
      - drenthe
    ---
    Tekst.
    """)
FAR_FUTURE = ("docs/sessies/9999-12-31-verre-toekomst.md", """
    ---
    title: Sessie in de verre toekomst
    description: Een typefout in het jaartal.
    kind: workshop
    ---
    Tekst.
    """)
FAR_FUTURE_KEY = ("docs/sessies/2022-12-31-jaartal-in-de-sleutel.md", """
    ---
    title: Sessie met het jaartal in de sleutel
    description: Een typefout in het jaartal.
    date: 9999-12-31
    kind: workshop
    ---
    Tekst.
    """)
MISSING_IMAGE = ("docs/lessen/les-met-ontbrekende-afbeelding.md", """
    ---
    title: Les met een ontbrekende afbeelding
    description: Een les die een afbeelding toont die er niet is.
    source: programmateam
    ---
    Tekst.

    <img alt="a" src="bestaat-niet.png">
    """)

REFUSED = {
    FAR_FUTURE[0]: f"{FAR_FUTURE[0]}:1: date: jaar 9999 ligt buiten 1900-2100; controleer het jaartal",
    FAR_FUTURE_KEY[0]: f"{FAR_FUTURE_KEY[0]}:4: date: jaar 9999 ligt buiten 1900-2100; controleer het jaartal",
    MISSING_IMAGE[0]: f"{MISSING_IMAGE[0]}:8: inhoud: link naar een bestand dat niet bestaat (bestaat-niet.png); "
                      "zet het bestand in de repository naast de pagina, of controleer het pad",
}


def as_concept(root) -> None:
    """The tussenrapportage of a copy as a concept, made from the knowledge base (not its frozen edition)."""
    path = root / "docs/rapportages/tussenrapportage-2022.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(vastgesteld|editie):.*\n", "", text).replace("status: vastgesteld", "status: concept")
    path.write_text(text, encoding="utf-8")


def test_inspiration_session_without_status_is_accepted_and_its_report_table_renders(tmp_path):
    root = copy_repo(tmp_path)
    write(root, dict([INSPIRATION_WITHOUT_STATUS]))
    as_concept(root)
    site = site_of(root)
    session = site.catalogue.get("session", "2022-08-15-inspiratiesessie-zonder-status")
    assert session.status is None
    # Tabel 2 (theme -> inspiration session) of the concept: its web version and the PDF's HTML.
    (shown,) = site.reports
    assert shown.edition is None
    web_text = "\n".join(site.page(uri).markdown for uri in shown.uris)
    assert "15 augustus 2022" in web_text and "Tabel 2" in web_text
    assert "15 augustus 2022" in report_html(shown.assembled, site.ctx)
    assert "Inspiratiesessie zonder status" in site.page("sessies/index.md").markdown


@pytest.mark.parametrize("case", [FAR_FUTURE, FAR_FUTURE_KEY, MISSING_IMAGE], ids=["bestandsnaam", "sleutel", "img"])
def test_the_check_refuses_in_dutch(tree, case):
    path, text = case
    assert problems_in(tree, {path: text}) == [REFUSED[path]]


DATE_KEYS = sorted({spec.name for type_ in TYPES for spec in type_.fields if isinstance(spec.kind, DateKind)})


@pytest.mark.parametrize("path", [p for p in MINIMAL if re.search(rf"(?m)^({'|'.join(DATE_KEYS)}):", MINIMAL[p])])
def test_the_far_future_date_is_refused_in_every_date_key_of_every_type(tree, path):
    text = re.sub(rf"(?m)^({'|'.join(DATE_KEYS)}): .*$", r"\1: 9999-12-31", MINIMAL[path])
    keys = re.findall(rf"(?m)^({'|'.join(DATE_KEYS)}):", text)
    messages = problems_in(tree, {path: text})
    assert sorted(m.split(": ")[1] for m in messages) == sorted(keys), messages
    assert all("jaar 9999 ligt buiten 1900-2100; controleer het jaartal" in m for m in messages), messages


@pytest.mark.slow
def test_the_build_refuses_them_before_any_output(tmp_path):
    root = copy_repo(tmp_path)
    write(root, dict([FAR_FUTURE, FAR_FUTURE_KEY, MISSING_IMAGE]))
    checked = check(root)
    assert checked.returncode == 1
    built = build(root)
    assert built.returncode != 0
    for message in REFUSED.values():
        assert message in checked.stderr and message in built.stderr, message
    assert "3 problemen gevonden in de inhoud" in built.stderr
    assert not (root / "site").exists(), "a refused build writes nothing"


@pytest.mark.slow
def test_the_inspiration_session_without_status_builds_with_the_report(tmp_path):
    root = copy_repo(tmp_path)
    write(root, dict([INSPIRATION_WITHOUT_STATUS]))
    as_concept(root)  # the PDF is laid out from the knowledge base, Tabel 2 included
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site/sessies/2022-08-15-inspiratiesessie-zonder-status/index.html").read_text(encoding="utf-8")
    assert "Inspiratiesessie zonder status" in page
    pdf = PdfReader(root / "site/rapportages/tussenrapportage-2022.pdf")
    text = "".join("".join(page.extract_text().split()) for page in pdf.pages)
    assert "15augustus2022" in text  # Tabel 2 names the session's date
    theme = (root / "site/leerthemas/data-en-kennisbronnen/index.html").read_text(encoding="utf-8")
    assert "Inspiratiesessie zonder status" in theme
