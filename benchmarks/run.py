"""Timing our build against the plain-Material baseline, per corpus size, side by side.

Each measurement is a fresh child process: wall time from the parent, CPU time and peak memory
(maximum resident set size) from ``os.wait4`` for exactly that child. Per size and repeat the
measurements run one after the other (our build with the reports, our build of the same corpus
without the report definitions, the baseline, the check, the export), so a busy moment on a
shared machine hits all of them; the median of the repeats is reported. The reports' share is
the difference between our two builds.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from benchmarks import baseline, corpus

VARIANTS = ("ours", "noreport", "baseline", "check", "export")
LABELS = {"ours": "onze bouw", "noreport": "onze bouw zonder rapporten", "baseline": "basis (alleen Material)",
          "check": "losse controle", "export": "export"}
BUILD = ("-m", "mkdocs", "build", "--strict")
CHECK = ("-m", "kennisschakels", "check")
EXPORT = ("-m", "kennisschakels", "export", "--out")


class BenchError(Exception):
    pass


@dataclass
class Measurement:
    seconds: float      # wall time
    cpu_seconds: float  # user + system time of the child: less disturbed by other work on the machine
    peak_kb: int        # maximum resident set size of the child
    load: float = 0.0   # load average (1 min) when the measurement started


@dataclass
class SizeResult:
    pages: int
    counts: dict[str, int]
    runs: dict[str, list[Measurement]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    search_index: dict[str, int] = field(default_factory=dict)  # bytes of search/search_index.json or pagefind/
    output: dict[str, int] = field(default_factory=dict)        # bytes of everything in site/
    report_pages: dict[str, int] = field(default_factory=dict)  # PDF pages per report of our build

    def has(self, variant: str) -> bool:
        return bool(self.runs.get(variant))

    def seconds(self, variant: str) -> float:
        return statistics.median(m.seconds for m in self.runs[variant])

    def cpu_seconds(self, variant: str) -> float:
        return statistics.median(m.cpu_seconds for m in self.runs[variant])

    def peak_mb(self, variant: str) -> float:
        return statistics.median(m.peak_kb for m in self.runs[variant]) / 1024

    def ms_per_page(self, variant: str) -> float:
        return 1000 * self.seconds(variant) / self.pages

    def report_seconds(self, cpu: bool = False) -> float | None:
        """What the reports add to our build: with the report definitions minus without them."""
        if not (self.has("ours") and self.has("noreport")):
            return None
        how = self.cpu_seconds if cpu else self.seconds
        return how("ours") - how("noreport")


def measure(command: list[str], cwd: Path, log: Path) -> Measurement:
    """Run one command to completion; its wall time, CPU time and peak memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    load = os.getloadavg()[0]
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"'{' '.join(command)}' in {cwd} faalde (code {child.returncode}):\n{tail}")
    return Measurement(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, round(load, 2))  # maxrss in kB


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def pdf_pages(path: Path) -> int:
    try:
        from pypdf import PdfReader
    except ImportError:  # pypdf comes with the test dependencies; without it the count is unknown
        return 0
    return len(PdfReader(path).pages)


def without_reports(corpus_dir: Path, out: Path) -> Path:
    """A copy of the corpus without the report definitions (and their editions): the same pages,
    built without reports."""
    shutil.rmtree(out, ignore_errors=True)
    reports = (corpus_dir / corpus.REPORTS_DIR).resolve()

    def ignore(folder: str, names: list[str]) -> list[str]:
        skipped = [n for n in names if n == "site"] if Path(folder) == corpus_dir else []
        if Path(folder).resolve() == reports:  # the definitions and their adopted editions (.edities/)
            skipped += [n for n in names if n.endswith(".yml") or n.startswith(".")]
        return skipped

    shutil.copytree(corpus_dir, out, ignore=ignore)
    return out


def run_size(pages: int, repeat: int, work: Path, source: Path, seed: int, progress,
             variants: tuple[str, ...] = VARIANTS, live_reports: bool = False) -> SizeResult:
    ours, base = work / f"ons-{pages}", work / f"basis-{pages}"
    counts = corpus.generate(ours, pages, seed, source, live_reports=live_reports)
    baseline.make(ours, base)
    noreport = without_reports(ours, work / f"ons-zonder-rapport-{pages}")
    exported = work / f"export-{pages}"
    result = SizeResult(pages, counts)
    places = {"ours": (ours, BUILD), "noreport": (noreport, BUILD), "baseline": (base, BUILD),
              "check": (ours, CHECK), "export": (ours, (*EXPORT, str(exported)))}
    for number in range(1, repeat + 1):
        for variant in variants:
            cwd, args = places[variant]
            if args is BUILD:
                shutil.rmtree(cwd / "site", ignore_errors=True)  # every build starts from nothing
            m = measure([sys.executable, *args], cwd, work / f"{variant}-{pages}.log")
            result.runs[variant].append(m)
            progress(f"  {pages:>5} pagina's, herhaling {number}/{repeat}, {LABELS[variant]:<27} "
                     f"{m.seconds:7.2f} s (cpu {m.cpu_seconds:7.2f} s)  {m.peak_kb / 1024:7.1f} MB  load {m.load}")
    for variant in ("ours", "noreport", "baseline"):
        if variant in variants:
            cwd = places[variant][0]
            index, bundle = cwd / "site" / "search" / "search_index.json", cwd / "site" / "pagefind"
            result.search_index[variant] = (index.stat().st_size if index.exists()
                                            else tree_bytes(bundle) if bundle.is_dir() else 0)
            result.output[variant] = tree_bytes(cwd / "site")
    if "ours" in variants:
        for pdf in sorted((ours / "site" / "rapportages").glob("*.pdf")):
            result.report_pages[pdf.stem] = pdf_pages(pdf)
    shutil.rmtree(exported, ignore_errors=True)
    return result


def machine() -> dict[str, object]:
    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


# -- report ------------------------------------------------------------------------------------

def _mb(n: float) -> str:
    return f"{n / 1_048_576:.1f}"


def _cell(r: SizeResult, variant: str, how: str = "seconds", digits: int = 2) -> str:
    if not r.has(variant):
        return "–"
    return f"{getattr(r, how)(variant):.{digits}f}"


def _ratio(r: SizeResult, a: str, b: str, how: str = "seconds") -> str:
    if not (r.has(a) and r.has(b)):
        return "–"
    return f"{getattr(r, how)(a) / getattr(r, how)(b):.2f}"


def _markdown(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    return "\n".join([line(header), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, rows)])


def table(results: list[SizeResult]) -> str:
    """The times as a Markdown table, one row per size (medians; CPU time beside the wall time)."""
    header = ["Pagina's", "Ons (s)", "Ons CPU (s)", "Zonder rapport (s)", "Zonder rapport CPU (s)",
              "Rapport (s)", "Rapport CPU (s)", "Rapportaandeel (CPU)", "Basis (s)", "Basis CPU (s)",
              "Ons/basis", "CPU ons/basis", "CPU zonder rapport/basis", "Groei CPU zonder rapport",
              "Controle (s)", "Export (s)", "Export CPU (s)", "Rapport-PDF (pag.)", "Load"]
    rows = []
    previous = None
    for r in results:
        report, report_cpu = r.report_seconds(), r.report_seconds(cpu=True)
        growth = "–"
        if previous and previous.has("noreport") and r.has("noreport"):
            growth = (f"×{r.cpu_seconds('noreport') / previous.cpu_seconds('noreport'):.2f} "
                      f"(pag. ×{r.pages / previous.pages:.1f})")
        loads = [m.load for ms in r.runs.values() for m in ms]
        rows.append([
            str(r.pages), _cell(r, "ours"), _cell(r, "ours", "cpu_seconds"), _cell(r, "noreport"),
            _cell(r, "noreport", "cpu_seconds"),
            "–" if report is None else f"{report:.2f}", "–" if report_cpu is None else f"{report_cpu:.2f}",
            "–" if report_cpu is None else f"{100 * report_cpu / r.cpu_seconds('ours'):.0f}%",
            _cell(r, "baseline"), _cell(r, "baseline", "cpu_seconds"),
            _ratio(r, "ours", "baseline"), _ratio(r, "ours", "baseline", "cpu_seconds"),
            _ratio(r, "noreport", "baseline", "cpu_seconds"), growth,
            _cell(r, "check"), _cell(r, "export"), _cell(r, "export", "cpu_seconds"),
            " / ".join(str(n) for n in r.report_pages.values()) or "–",
            f"{min(loads):.1f}–{max(loads):.1f}" if loads else "–",
        ])
        previous = r
    return _markdown(header, rows)


def memory_table(results: list[SizeResult]) -> str:
    header = ["Pagina's", "Geheugen ons (MB)", "Zonder rapport (MB)", "Basis (MB)", "Ons/basis",
              "Zonder rapport/basis", "Controle (MB)", "Export (MB)", "Zoekindex ons / basis (MB)",
              "Uitvoer ons / basis (MB)"]
    rows = []
    for r in results:
        rows.append([
            str(r.pages), _cell(r, "ours", "peak_mb", 0), _cell(r, "noreport", "peak_mb", 0),
            _cell(r, "baseline", "peak_mb", 0), _ratio(r, "ours", "baseline", "peak_mb"),
            _ratio(r, "noreport", "baseline", "peak_mb"), _cell(r, "check", "peak_mb", 0),
            _cell(r, "export", "peak_mb", 0),
            f"{_mb(r.search_index.get('ours', 0))} / {_mb(r.search_index.get('baseline', 0))}",
            f"{_mb(r.output.get('ours', 0))} / {_mb(r.output.get('baseline', 0))}",
        ])
    return _markdown(header, rows)


def targets(results: list[SizeResult]) -> list[tuple[str, str]]:
    """(PASS/FAIL/NIET GEMETEN, description) per target of issue 8, on CPU time (the machine is
    shared), for our build without and with the reports."""
    by_size = {r.pages: r for r in results}
    mid, small, large = by_size.get(2000), by_size.get(1000), by_size.get(5000)

    def verdict(value: float | None, limit: float, strict: bool = False) -> str:
        if value is None:
            return "NIET GEMETEN"
        return "PASS" if (value < limit if strict else value <= limit) else "FAIL"

    def ratio(a, b, variant_a, variant_b, how) -> float | None:
        if not (a and b and a.has(variant_a) and b.has(variant_b)):
            return None
        return getattr(a, how)(variant_a) / getattr(b, how)(variant_b)

    found = []
    for variant, label in (("noreport", "zonder rapporten"), ("ours", "met rapporten")):
        speed = ratio(mid, mid, variant, "baseline", "cpu_seconds")
        growth = ratio(large, small, variant, variant, "cpu_seconds")
        memory = ratio(large, large, variant, "baseline", "peak_mb")
        found += [
            (verdict(speed, 1.2), f"{label}: onze bouw ≤ 1,2× de basis bij 2.000 pagina's"
             + ("" if speed is None else f": {speed:.2f}×")),
            (verdict(growth, 5.5), f"{label}: groei van onze bouw van 1.000 naar 5.000 pagina's ≤ 5,5×"
             + ("" if growth is None else f": {growth:.2f}×")),
            (verdict(memory, 1.3), f"{label}: piekgeheugen bij 5.000 pagina's ≤ 1,3× de basis"
             + ("" if memory is None else f": {memory:.2f}×")),
        ]
    check = large.seconds("check") if large and large.has("check") else None
    found.append((verdict(check, 3, strict=True), "losse controle van 5.000 bestanden < 3 s"
                  + ("" if check is None else f": {check:.2f} s")))
    return found


def report(results: list[SizeResult], info: dict, command: str) -> str:
    lines = [f"Machine: {info['cores']} cores ({info['usable_cores']} bruikbaar), {info['platform']}, "
             f"Python {info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}; "
             f"load average bij start {info['load_average']}, aan het eind {info.get('load_average_end')}.",
             f"Commando: {command}", "", "Per grootte (mediaan van de herhalingen; alle metingen tussen haken):"]
    for r in results:
        lines.append(f"- {r.pages} pagina's ({', '.join(f'{k} {v}' for k, v in r.counts.items())})")
        for v in VARIANTS:
            if not r.has(v):
                continue
            each = ", ".join(f"{m.seconds:.2f}/{m.cpu_seconds:.2f}@{m.load}" for m in r.runs[v])
            lines.append(f"    {LABELS[v]:<27} {r.seconds(v):7.2f} s  cpu {r.cpu_seconds(v):7.2f} s  "
                         f"{r.ms_per_page(v):6.1f} ms/pagina  piek {r.peak_mb(v):6.0f} MB  "
                         f"[wand/cpu@load: {each}]")
    lines += ["", table(results), "", memory_table(results), "", "Doelen (CPU-tijd):"]
    lines += [f"  {verdict:<12} {text}" for verdict, text in targets(results)]
    return "\n".join(lines)


def run(sizes: list[int], repeat: int, source: Path, seed: int, work: Path | None, keep: bool,
        json_out: Path | None, command: str, variants: tuple[str, ...] = VARIANTS, live_reports: bool = False) -> int:
    info = machine()

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    progress(f"Machine: {info['cores']} cores; load average {info['load_average']}")
    scratch = Path(work) if work else Path(tempfile.mkdtemp(prefix="kennisschakels-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    results = []
    try:
        for pages in sizes:
            progress(f"Corpus van {pages} pagina's maken en meten ...")
            results.append(run_size(pages, repeat, scratch, source, seed, progress, variants, live_reports))
            if json_out:  # a long run keeps what it measured so far
                _write_json(json_out, results, info, command)
            if not keep:  # a 5,000-page site takes half a gigabyte per copy
                for name in (f"ons-{pages}", f"basis-{pages}", f"ons-zonder-rapport-{pages}"):
                    shutil.rmtree(scratch / name, ignore_errors=True)
    except BenchError as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if not keep and not work:
            shutil.rmtree(scratch, ignore_errors=True)
    info["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    print(report(results, info, command))
    if json_out:
        _write_json(json_out, results, info, command)
    return 0  # the targets are figures to read, not a test: FAIL is reported, not an error


def _write_json(path: Path, results: list[SizeResult], info: dict, command: str) -> None:
    def medians(r: SizeResult, how: str) -> dict[str, float]:
        return {v: getattr(r, how)(v) for v in VARIANTS if r.has(v)}

    data = {"machine": info, "command": command,
            "sizes": [asdict(r) | {"median_seconds": medians(r, "seconds"),
                                   "median_cpu_seconds": medians(r, "cpu_seconds"),
                                   "median_peak_mb": medians(r, "peak_mb"),
                                   "report_seconds": r.report_seconds(),
                                   "report_cpu_seconds": r.report_seconds(cpu=True)} for r in results],
            "targets": targets(results)}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
