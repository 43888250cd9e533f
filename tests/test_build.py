"""The real site builds strictly; bad content stops the build before any output; new files appear;
two builds are byte-identical. These are real MkDocs builds (slow)."""

from __future__ import annotations

import re

import pytest

from conftest import EPOCH, MINIMAL, build, check, copy_repo, edit, write

NEW_UPDATE = """
    ---
    title: Tweede kenniscafé in voorbereiding
    description: Twente bereidt een tweede kenniscafé voor.
    themes:
      - samenwerking-nationaal
    ---
    Tekst van de update.
    """


def test_real_site_builds_strictly_with_dutch_pages(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home
    for page in ("leerthemas/samenwerking-nationaal/index.html", "regions/twente/index.html",
                 "essays/wanneer-doet-een-kennisnetwerk-wat-het-beoogt/index.html", "sessies/index.html",
                 "sessies/2022-07-06-inspiratiesessie-schaalniveau/index.html",  # the date is in the file name
                 "sessies/2022-10-goo-platformdag/index.html", "bibliotheek/tussenrapportage-2022/index.html",
                 "rapportages/tussenrapportage-2022/index.html", "404.html"):
        assert (built_site / page).is_file(), page


def test_navigation_lists_content_without_a_hand_written_nav(built_site):
    html = (built_site / "leerthemas" / "index.html").read_text(encoding="utf-8")
    # The derived navigation holds the themes in number order.
    first, eighth = html.index("Bestuur en verankering"), html.index("Samenwerking nationaal")
    assert first < eighth


def test_generated_lists_keep_their_structure_on_every_page(built_site):
    """Regression: the glossary's definitions ran together (no blank line between them), so every
    term was nested in the one before: the page was 1,689 px too wide at 320 px. No generated list
    on any page nests a definition list in a definition, or runs a term into a paragraph."""
    wrong = {}
    for html in sorted(built_site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        article = text[text.find("<article"):text.find("</article>")]
        found = [pattern for pattern in (r"<dd>\s*<dl>", r"<p>\*\*|<p>:\s") if re.search(pattern, article)]
        if found:
            wrong[str(html.relative_to(built_site))] = found
    assert not wrong, wrong
    glossary = (built_site / "begrippen/index.html").read_text(encoding="utf-8")
    assert glossary.count("<dt>") == glossary.count("<dd>") > 60  # every term and organisation once


def test_pages_load_no_web_fonts(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


@pytest.mark.slow
def test_bad_file_fails_check_and_build_without_writing_output(tmp_path):
    root = copy_repo(tmp_path)
    bad = root / "regions" / "twente" / "updates" / "2022-12-01-fout.md"
    write(root, {"regions/twente/updates/2022-12-01-fout.md": NEW_UPDATE.replace(
        "samenwerking-nationaal", "samenwerking-nationaa")})
    expected = ("regions/twente/updates/2022-12-01-fout.md:5: themes: onbekend leerthema "
                "'samenwerking-nationaa'; verwacht een id uit docs/leerthemas/ (bedoelde je 'samenwerking-nationaal'?)")
    checked = check(root)
    assert checked.returncode == 1 and expected in checked.stderr
    assert "1 probleem gevonden in de inhoud; er is niets gebouwd." in checked.stderr
    built = build(root)
    assert built.returncode != 0 and expected in built.stderr
    assert not (root / "site").exists(), "a failed build must not write site/"
    bad.unlink()
    assert check(root).returncode == 0  # and then it builds: that is the built_site fixture


@pytest.mark.slow
def test_failed_build_leaves_previous_output_untouched(minimal):
    assert build(minimal).returncode == 0
    before = sorted(p.relative_to(minimal) for p in (minimal / "site").rglob("*"))
    write(minimal, {"essays/kapot.md": "---\ntitle: [\n---\n"})
    assert build(minimal).returncode != 0
    assert sorted(p.relative_to(minimal) for p in (minimal / "site").rglob("*")) == before


@pytest.mark.slow
def test_dropped_update_and_essay_appear_without_other_edits(minimal):
    write(minimal, {
        "regions/regio-1/updates/2022-12-01-tweede-kenniscafe.md": NEW_UPDATE.replace("samenwerking-nationaal", "theme-1"),
        "essays/nieuw-essay.md": edit(MINIMAL["essays/essay-1.md"], title="Nieuw essay",
                                      body="Een sjabloon zoals {{ 1 + 1 }} blijft tekst."),
    })
    assert build(minimal).returncode == 0
    site = minimal / "site"
    update = site / "regions/regio-1/updates/2022-12-01-tweede-kenniscafe/index.html"
    assert "Tweede kenniscafé in voorbereiding" in update.read_text(encoding="utf-8")
    region = (site / "regions/regio-1/index.html").read_text(encoding="utf-8")
    assert "Tweede kenniscafé in voorbereiding" in region and "1 december 2022" in region
    essays = (site / "essays/index.html").read_text(encoding="utf-8")
    assert "Nieuw essay" in essays
    # No macros any more: what looks like a template in a contributor's text is shown as written.
    essay = (site / "essays/nieuw-essay/index.html").read_text(encoding="utf-8")
    assert "{{ 1 + 1 }} blijft tekst." in essay


@pytest.mark.slow
def test_two_builds_are_byte_identical(built_site, tmp_path):
    """A second build from the same copy as the shared site build, with the same date."""
    root = built_site.parent
    second = tmp_path / "second"
    assert build(root, "--site-dir", str(second), env=EPOCH).returncode == 0
    names = sorted(p.relative_to(built_site) for p in built_site.rglob("*"))
    assert names == sorted(p.relative_to(second) for p in second.rglob("*"))
    different = [str(n) for n in names
                 if (built_site / n).is_file() and (built_site / n).read_bytes() != (second / n).read_bytes()]
    assert different == []
