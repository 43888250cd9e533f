"""The report commands: ``python -m kennisschakels rapport bouwen | vaststellen | nieuw``.

bouwen       de PDF's van alle rapportages (of één) naar een map, zonder de site
vaststellen  een concept (of de kennisbank van nu) vastleggen als nieuwe editie
nieuw        een nieuwe rapportage: definitie, webpagina en hoofdstukpagina's
"""

from __future__ import annotations

import datetime
import re
import sys
import time
from pathlib import Path

from kennisschakels.classify import slug
from kennisschakels.dates import PartialDate
from kennisschakels.report.definition import REPORTS_DIR

SCAFFOLD_TODO = "<!-- Schrijf hier de tekst van dit hoofdstuk. -->"


def _select(reports, wanted: str | None):
    if not wanted:
        return reports, None
    chosen = [r for r in reports if r.id == wanted]
    if not chosen:
        known = ", ".join(r.id for r in reports) or "geen"
        return [], f"Onbekende rapportage '{wanted}': geen {REPORTS_DIR}/{wanted}.yml (bekend: {known})."
    return chosen, None


def _checked(root: Path, wanted: str | None, print_problems, outcome: str):
    """(context, the chosen reports), or None after telling what is wrong (in Dutch)."""
    from kennisschakels.site import check_all

    ctx, problems = check_all(root)
    if problems:
        print_problems(problems, outcome)
        return None
    reports, error = _select(ctx.reports, wanted)
    if error:
        print(error, file=sys.stderr)
        return None
    return ctx, reports


def build(root: Path, out: Path, wanted: str | None, write_html: bool, concept: bool, print_problems) -> int:
    from kennisschakels.report import web
    from kennisschakels.report.pdf import page_count, render_pdf
    started = time.perf_counter()
    checked = _checked(root, wanted, print_problems, "er is geen PDF gemaakt")
    if checked is None:
        return 1
    ctx, reports = checked
    for report in reports:
        shown = web.show(report, ctx, concept=concept)
        target = out / f"{report.id}{'-concept' if concept and report.adopted_status else ''}.pdf"
        if shown.edition is not None and not write_html:
            target.parent.mkdir(parents=True, exist_ok=True)
            data = shown.edition.pdf()
            target.write_bytes(data)
            print(f"{target}: editie {shown.edition.number} (vastgesteld), {page_count(data)} pagina's, "
                  f"{round(len(data) / 1000)} kB.")
            continue
        result = render_pdf(shown.assembled, ctx, target, out / f"{report.id}.html" if write_html else None)
        how = "uit de cache" if result.cached else f"in {result.seconds:.1f} s"
        label = f"editie {shown.edition.number}, " if shown.edition else "concept, "
        print(f"{target}: {label}{result.pages} pagina's, {result.size_label}, {how}.")
    print(f"Klaar in {time.perf_counter() - started:.1f} s.")
    return 0


def _set_keys(text: str, values: dict[str, str]) -> str:
    """The definition's text with top-level keys set (comments and order kept; missing keys after 'date')."""
    for key, value in values.items():
        line = f"{key}: {value}"
        pattern = re.compile(rf"^{key}:.*$", re.MULTILINE)
        if pattern.search(text):
            text = pattern.sub(lambda _: line, text, count=1)
        else:
            anchor = re.search(r"^date:.*$", text, re.MULTILINE)
            at = anchor.end() if anchor else 0
            text = text[:at] + ("\n" if at else "") + line + ("" if at else "\n") + text[at:]
    return text


def adopt(root: Path, wanted: str, number: str | None, date_text: str | None, notes: list[str], replace: bool,
          print_problems) -> int:
    """Freeze the report as the knowledge base has it now into a new edition (or, with ``replace``,
    anew into its newest edition), write its PDF and manifest, and mark the definition adopted."""
    from dataclasses import replace as with_fields

    from kennisschakels.report import edition as editions
    from kennisschakels.report.assemble import assemble
    from kennisschakels.report.links import LinkCollector
    from kennisschakels.report.pdf import markdown_extensions, render_pdf
    checked = _checked(root, wanted, print_problems, "er is niets vastgesteld")
    if checked is None:
        return 1
    ctx, reports = checked
    report = reports[0]
    found = editions.editions(root, report.id)
    previous = found[-1] if found else None
    if replace and previous is None:
        print(f"Er is nog geen editie van '{report.id}' om te vervangen; laat --vervang weg.", file=sys.stderr)
        return 1
    if replace:
        number = number or previous.number
        found = found[:-1]
        previous = found[-1] if found else None
    number = number or editions.next_edition(previous.number if previous else None)
    if not re.fullmatch(r"\d+\.\d+", number):
        print(f"'{number}' is geen editienummer; schrijf bijvoorbeeld 1.0 of 1.1.", file=sys.stderr)
        return 1
    if any(e.number == number for e in found):
        print(f"Editie {number} van '{report.id}' bestaat al; een vastgestelde editie verandert niet. "
              f"Maak een nieuwe editie (laat --editie weg) of gebruik --vervang voor de nieuwste.", file=sys.stderr)
        return 1
    if date_text:
        adopted = PartialDate.parse(date_text)
        if adopted is None:
            print(f"'{date_text}' is geen datum; schrijf JJJJ-MM-DD of JJJJ-MM.", file=sys.stderr)
            return 1
    else:
        today = ctx.today
        adopted = PartialDate(today.year, today.month, today.day)
    assembled = assemble(report, ctx)
    todo = [c.label for c in assembled.chapters if any(SCAFFOLD_TODO in p.markdown for p in c.parts)]
    if todo:
        print("Nog niet geschreven (de regel uit 'rapport nieuw' staat er nog): " + ", ".join(todo)
              + ". Er is niets vastgesteld.", file=sys.stderr)
        return 1
    collect = LinkCollector(*markdown_extensions(ctx.settings))
    for chapter in assembled.chapters:
        for part in chapter.parts:
            part.links = collect(part.markdown, part.origin)
    for page in assembled.pages:
        page.links = collect(page.own, page.uri) if page.own else ()
    changes = list(notes)
    if previous is not None:
        changes += editions.differences(previous.assembled(), assembled)
    assembled.meta = with_fields(assembled.meta, status="vastgesteld", edition=number, adopted=adopted,
                                 changes=tuple(changes))
    source = editions.freeze(assembled)
    frozen = editions.thaw(source)  # the PDF is made from the frozen text itself
    pdf = render_pdf(frozen, ctx)
    manifest = editions.manifest_of(assembled, ctx.catalogue, report.path, source.encode("utf-8"), pdf.data)
    folder = editions.write_edition(root, frozen.meta, source, pdf.data, manifest)
    definition = root / report.path
    definition.write_text(_set_keys(definition.read_text(encoding="utf-8"), {
        "status": "vastgesteld", "editie": f'"{number}"', "vastgesteld": adopted.iso}), encoding="utf-8")
    rel = folder.relative_to(root).as_posix()
    print(f"Editie {number} van '{report.id}' vastgesteld ({adopted.dutch}): {rel}/ "
          f"({pdf.pages} pagina's, {len(manifest['bestanden'])} bronbestanden in het manifest).")
    if changes:
        print("Wijzigingen:\n" + "\n".join(f"  - {line}" for line in changes))
    print(f"Commit {rel}/ en {report.path}.")
    return 0


def scaffold(root: Path, title: str, report_id: str | None, chapters: list[str], date_text: str | None) -> int:
    """A new concept report that builds at once: definition, web page and one page per chapter."""
    report_id = report_id or slug(title)
    definition = root / REPORTS_DIR / f"{report_id}.yml"
    folder = root / REPORTS_DIR / report_id
    if definition.exists() or folder.exists():
        print(f"'{report_id}' bestaat al ({definition.relative_to(root)}); kies een andere --id.", file=sys.stderr)
        return 1
    date = PartialDate.parse(date_text) if date_text else None
    if date_text and date is None:
        print(f"'{date_text}' is geen datum; schrijf JJJJ-MM-DD of JJJJ-MM.", file=sys.stderr)
        return 1
    today = datetime.date.today()
    date = date or PartialDate(today.year, today.month)
    chapters = chapters or ["Inleiding"]
    names = []
    for name in chapters:
        base, n = slug(name), 2
        chosen = base
        while chosen in names or chosen == "index":
            chosen, n = f"{base}-{n}", n + 1
        names.append(chosen)
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(
        f"---\ntitle: {_yaml(title)}\ndescription: {_yaml(f'De rapportage {title}, online te lezen en als PDF.')}\n"
        f"---\n\n<!-- Schrijf hier in een paar zinnen waar de rapportage over gaat en voor wie ze is. -->\n",
        encoding="utf-8")
    for name, chapter in zip(names, chapters):
        (folder / f"{name}.md").write_text(
            f"---\ntitle: {_yaml(chapter)}\ndescription: {_yaml(f'{chapter}: hoofdstuk van {title}.')}\n---\n\n"
            f"{SCAFFOLD_TODO}\n", encoding="utf-8")
    chapter_lines = "\n".join(f"  - page: rapportages/{report_id}/{name}.md" for name in names)
    definition.write_text(f"""# Rapportage '{title}'. Alle sleutels: docs/over/rapportage-maken.md
# Webpagina: docs/rapportages/{report_id}/index.md; hoofdstukken: de andere pagina's in die map.
# Bekijk de PDF: python -m kennisschakels rapport bouwen --rapport {report_id}
# Vaststellen:   python -m kennisschakels rapport vaststellen {report_id}

title: {_yaml(title)}
# subtitle: Ondertitel op de omslag
# series: Reeks, bijvoorbeeld 'Jaarverslag RSP-programma bodem'
date: {date.iso}
status: concept
peildatum: {date.iso}          # wat later gedateerd is (praktijkvoorbeelden, lessen, sessies), valt erbuiten
# ongedateerd: opnemen        # of 'weglaten': wat zonder datum is
publisher: Vereniging van Nederlandse Gemeenten (VNG)
author: Programmateam Regionale Kennisschakels bodem en ondergrond
language: nl
# keywords:
#   - bodem en ondergrond
page: rapportages/{report_id}/index.md
# colophon: |
#   Tekst voor het colofon: wat deze uitgave is en hoe ze tot stand kwam.

chapters:
{chapter_lines}
# Per hoofdstuk kunnen delen volgen, bijvoorbeeld:
#    sections:
#      - include: programma/geschiedenis.md   # de tekst van een pagina
#      - facts: regions/twente/index.md       # de gegevens van een regio of leerthema
#      - template: rapport-kennisvragen        # een gegenereerde tabel
#        heading: false
#      - lessons: programmateam                # alle lessen van één bron
#        title: Lessen van het programmateam

# Essays als bijlagen:
# appendices:
#   page: rapportages/{report_id}/bijlagen.md
#   essays: published
""", encoding="utf-8")
    made = [definition] + [folder / "index.md"] + [folder / f"{n}.md" for n in names]
    print("Aangemaakt:\n" + "\n".join(f"  {p.relative_to(root)}" for p in made))
    print("Schrijf de hoofdstukken (vervang de regel '<!-- Schrijf hier ... -->'), en bekijk het resultaat met:\n"
          f"  python -m kennisschakels check\n  python -m kennisschakels rapport bouwen --rapport {report_id}")
    return 0


def _yaml(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar
