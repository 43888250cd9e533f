"""Issue 15: text marked ``{ .alleen-web }`` is on the site and not in the report's PDF, read back
from the PDF itself (pypdf), for a report the programme team starts with ``rapport nieuw``.

The rest of the issue's programme-team items are tested in tests/test_report_editions.py: the
scaffold passes the check and builds (test_new_report_scaffold_builds_as_a_concept), the guide lists
every key of a definition (test_guide_lists_every_key_of_a_definition) and a ``facts:`` section
brings a region's questions and themes into a report (test_facts_of_a_region_in_a_report).
"""

from __future__ import annotations

import re

from pypdf import PdfReader

from conftest import EPOCH, cli, copy_repo, site_of

REPORT = "eindrapportage-2023"
CHAPTER = f"docs/rapportages/{REPORT}/inleiding.md"
ON_PAPER = "De regio's bouwden in twee jaar zeven netwerken op."
WEB_ONLY = "Meer voorbeelden vind je op deze site bij elke regio."


def words(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2010", "").replace("-", ""))


def test_web_only_text_is_on_the_site_and_not_in_the_pdf(tmp_path):
    (tmp_path / "repo").mkdir()
    root = copy_repo(tmp_path / "repo")
    made = cli(root, "rapport", "nieuw", "--titel", "Eindrapportage 2023", "--hoofdstuk", "Inleiding",
               "--datum", "2023-02", env=EPOCH)
    assert made.returncode == 0, made.stderr
    chapter = root / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n---\n")
    chapter.write_text(f"{head}\n---\n\n{ON_PAPER}\n\n{WEB_ONLY}\n{{ .alleen-web }}\n", encoding="utf-8")
    # Marked, the site words pass the check; the site shows the paragraph.
    checked = cli(root, "check", env=EPOCH)
    assert checked.returncode == 0, checked.stderr
    site = site_of(root)
    web = site.page(CHAPTER.removeprefix("docs/")).markdown
    assert ON_PAPER in web and WEB_ONLY in web
    built = cli(root, "rapport", "bouwen", "--rapport", REPORT, "--out", str(tmp_path / "pdf"), env=EPOCH)
    assert built.returncode == 0, built.stderr
    pdf = words("".join(page.extract_text() for page in PdfReader(tmp_path / "pdf" / f"{REPORT}.pdf").pages))
    assert words(ON_PAPER) in pdf
    assert words(WEB_ONLY) not in pdf and words("op deze site") not in pdf
