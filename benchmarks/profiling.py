"""Where our build spends its time: cProfile of one strict build of a corpus.

Reports the share of our code (kennisschakels/ and hooks/), the parts of the reports (PDF
layout and writing, web pages), the functions of ours that cost most, and how often the
functions that read or scan the corpus are called compared to the number of files: parse
once, never re-scan per page. cProfile inflates call-heavy Python (our derived sections) far
more than C code: read the shares, not the seconds.
"""

from __future__ import annotations

import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

from benchmarks import corpus

# (file ending, function): calls to count against the number of files.
COUNTED = (
    ("kennisschakels/frontmatter.py", "parse"),
    ("kennisschakels/load.py", "read_entries"),
    ("kennisschakels/catalogue.py", "__init__"),
    ("kennisschakels/catalogue.py", "all"),
    ("kennisschakels/catalogue.py", "of"),
    ("kennisschakels/catalogue.py", "referrers"),
    ("kennisschakels/derive.py", "published_essays"),
    ("kennisschakels/derive.py", "related_essays"),
    ("kennisschakels/views.py", "filter_labels"),
    ("kennisschakels/pages.py", "body"),
    ("kennisschakels/render.py", "render"),
    ("kennisschakels/render.py", "has_template"),
    ("kennisschakels/report/assemble.py", "assemble"),
    ("kennisschakels/report/assemble.py", "page_body"),
)
# (file ending, function, label): the parts of the reports, cumulative.
REPORT_PARTS = (
    ("kennisschakels/site.py", "report_files", "PDF's (Site.report_files)"),
    ("kennisschakels/report/pdf.py", "report_html", "  HTML van het rapport (samenstellen, Markdown)"),
    ("weasyprint/__init__.py", "render", "  WeasyPrint: opmaak (HTML.render)"),
    ("weasyprint/document.py", "write_pdf", "  WeasyPrint: PDF schrijven (write_pdf)"),
    ("kennisschakels/report/web.py", "page_markdown", "webpagina's van de rapporten (web.page_markdown)"),
    ("kennisschakels/report/assemble.py", "assemble", "  waarvan samenstellen (assemble)"),
    ("kennisschakels/report/definition.py", "load_reports", "definities lezen en controleren"),
)


def _entry_point(filename: str, name: str, root: Path) -> bool:
    """A MkDocs event handler of ours (hooks/): their cumulative time is what we add to the build."""
    return name.startswith("on_") and filename.startswith(str(root / "hooks"))


def _ours(filename: str, root: Path) -> bool:
    return filename.startswith(str(root / "kennisschakels")) or filename.startswith(str(root / "hooks"))


def profile(root: Path, out: Path, top: int) -> str:
    """Profile a strict build in ``root`` (a corpus); the report as text."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict"],
                            cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(result.stdout[-2000:] + result.stderr[-3000:])
    files = sum(1 for r in ("docs", "essays", "regions") for _ in (root / r).rglob("*.md"))
    stats = pstats.Stats(str(out)).stats  # (file, line, function) -> (cc, calls, self, cumulative, callers)
    total = max(ct for (_, _, _), (_, _, _, ct, _) in stats.items())
    lines = [f"Profiel van 'mkdocs build --strict' op {files} bestanden ({root}); "
             f"{wall:.1f} s met profiler, {total:.1f} s gemeten.", ""]

    entry = []
    for (filename, line, name), (_, calls, _, cumulative, _) in stats.items():
        if _entry_point(filename, name, root):
            entry.append((cumulative, calls, f"{Path(filename).parent.name}/{Path(filename).name}:{name}"))
    ours_cumulative = sum(c for c, _, _ in entry)
    lines.append(f"Wat wij toevoegen (hooks, inclusief wat ze aanroepen): "
                 f"{ours_cumulative:.2f} s = {100 * ours_cumulative / total:.1f}% van de bouw")
    for cumulative, calls, label in sorted(entry, reverse=True):
        lines.append(f"  {cumulative:8.2f} s  {calls:>6}×  {label}")
    own = sum(tt for (filename, _, _), (_, _, tt, _, _) in stats.items() if _ours(filename, root))
    lines.append(f"Tijd in de eigen regels van kennisschakels/ en hooks/ (zonder aangeroepen bibliotheken): {own:.2f} s")

    lines += ["", f"Aanroepen tegenover {files} bestanden (lineair: hooguit een vast aantal per bestand):"]
    for end, fn in COUNTED:
        calls = sum(c for (f, _, n), (_, c, _, _, _) in stats.items() if f.endswith(end) and n == fn)
        cumulative = sum(ct for (f, _, n), (_, _, _, ct, _) in stats.items() if f.endswith(end) and n == fn)
        lines.append(f"  {end}:{fn:<18} {calls:>8}×  ({calls / files:6.2f} per bestand, {cumulative:7.2f} s)")

    lines += ["", "Rapporten (cumulatief, inclusief wat ze aanroepen):"]
    for end, fn, label in REPORT_PARTS:
        found = [(c, ct) for (f, _, n), (_, c, _, ct, _) in stats.items() if f.endswith(end) and n == fn]
        calls, cumulative = sum(c for c, _ in found), max((ct for _, ct in found), default=0.0)
        lines.append(f"  {cumulative:8.2f} s  {calls:>6}×  {label}  ({100 * cumulative / total:.1f}%)")

    # Material renders each menu item with a macro of nav-item.html; the most-called one counts the items.
    nav_items = max((c for (f, _, _), (_, c, _, _, _) in stats.items() if f.endswith("partials/nav-item.html")),
                    default=0)
    lines.append(f"  Material: menu-onderdelen gerenderd      {nav_items:>8}×  ({nav_items / files:6.1f} per pagina; "
                 f"groeit dit met het aantal pagina's, dan is de bouw kwadratisch)")

    mine = sorted(((ct, tt, c, f"{Path(f).parent.name}/{Path(f).name}:{ln}:{n}")
                   for (f, ln, n), (_, c, tt, ct, _) in stats.items() if _ours(f, root)), reverse=True)
    lines += ["", "Onze duurste functies (cumulatief; eigen tijd; aanroepen):"]
    lines += [f"  {ct:8.2f} s  {tt:7.2f} s  {c:>8}×  {label}" for ct, tt, c, label in mine[:top]]

    everyone = sorted(((tt, ct, c, f"{_short(f)}:{ln}:{n}") for (f, ln, n), (_, c, tt, ct, _) in stats.items()),
                      reverse=True)
    lines += ["", "Wat de hele bouw domineert (eigen tijd; cumulatief; aanroepen):"]
    lines += [f"  {tt:8.2f} s  {ct:7.2f} s  {c:>8}×  {label}" for tt, ct, c, label in everyone[:top]]
    return "\n".join(lines)


def _short(filename: str) -> str:
    """A library file named from its package folder on (site-packages/ and the like dropped)."""
    parts = Path(filename).parts
    for marker in ("site-packages", "lib"):
        if marker in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(marker):])
    return "/".join(parts[-2:])


def run(pages: int, existing: Path | None, work: Path, source: Path, seed: int, top: int,
        live_reports: bool = False) -> int:
    root = existing
    if root is None:
        root = work / f"profiel-{pages}"
        print(f"Corpus van {pages} pagina's maken in {root} ...", file=sys.stderr, flush=True)
        corpus.generate(root, pages, seed, source, live_reports=live_reports)
    out = work / f"{root.name}.prof"
    print(f"Bouwen met cProfile ({out}) ...", file=sys.stderr, flush=True)
    print(profile(root.resolve(), out.resolve(), top))
    return 0
