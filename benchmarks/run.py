"""Timing our build against the plain-Material baseline, per corpus size, side by side.

Each measurement is a fresh child process: wall time from the parent, peak memory (maximum
resident set size) from ``os.wait4`` for exactly that child. Per size and repeat the three
measurements run one after the other (ours, baseline, check), so a busy moment on a shared
machine hits all three; the median of the repeats is reported.
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

from kennisschakels.bench import baseline, corpus

VARIANTS = ("ours", "baseline", "check")
LABELS = {"ours": "onze bouw", "baseline": "basis (alleen Material)", "check": "losse controle"}
BUILD = ("-m", "mkdocs", "build", "--strict")
CHECK = ("-m", "kennisschakels", "check")


class BenchError(Exception):
    pass


@dataclass
class Measurement:
    seconds: float      # wall time
    cpu_seconds: float  # user + system time of the child: less disturbed by other work on the machine
    peak_kb: int        # maximum resident set size of the child


@dataclass
class SizeResult:
    pages: int
    counts: dict[str, int]
    runs: dict[str, list[Measurement]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    search_index: dict[str, int] = field(default_factory=dict)  # bytes of search/search_index.json or pagefind/
    output: dict[str, int] = field(default_factory=dict)        # bytes of everything in site/

    def seconds(self, variant: str) -> float:
        return statistics.median(m.seconds for m in self.runs[variant])

    def cpu_seconds(self, variant: str) -> float:
        return statistics.median(m.cpu_seconds for m in self.runs[variant])

    def peak_mb(self, variant: str) -> float:
        return statistics.median(m.peak_kb for m in self.runs[variant]) / 1024

    def ms_per_page(self, variant: str) -> float:
        return 1000 * self.seconds(variant) / self.pages


def measure(command: list[str], cwd: Path, log: Path) -> Measurement:
    """Run one command to completion; its wall time, CPU time and peak memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen from waiting again
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"'{' '.join(command)}' in {cwd} faalde (code {child.returncode}):\n{tail}")
    return Measurement(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)  # Linux: maxrss in kB


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def run_size(pages: int, repeat: int, work: Path, source: Path, seed: int, progress) -> SizeResult:
    ours, base = work / f"ons-{pages}", work / f"basis-{pages}"
    counts = corpus.generate(ours, pages, seed, source)
    baseline.make(ours, base)
    result = SizeResult(pages, counts)
    places = {"ours": (ours, BUILD), "baseline": (base, BUILD), "check": (ours, CHECK)}
    for number in range(1, repeat + 1):
        for variant in VARIANTS:
            cwd, args = places[variant]
            if args is BUILD:
                shutil.rmtree(cwd / "site", ignore_errors=True)  # every build starts from nothing
            m = measure([sys.executable, *args], cwd, work / f"{variant}-{pages}.log")
            result.runs[variant].append(m)
            progress(f"  {pages:>5} pagina's, herhaling {number}/{repeat}, {LABELS[variant]:<24} "
                     f"{m.seconds:7.2f} s (cpu {m.cpu_seconds:7.2f} s)  {m.peak_kb / 1024:7.1f} MB")
    for variant, (cwd, _) in (("ours", places["ours"]), ("baseline", places["baseline"])):
        index, bundle = cwd / "site" / "search" / "search_index.json", cwd / "site" / "pagefind"
        result.search_index[variant] = (index.stat().st_size if index.exists()
                                        else tree_bytes(bundle) if bundle.is_dir() else 0)
        result.output[variant] = tree_bytes(cwd / "site")
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


def table(results: list[SizeResult]) -> str:
    """The figures as a Markdown table, one row per size (medians)."""
    header = ["Pagina's", "Ons (s)", "Basis (s)", "Ons/basis", "CPU ons/basis", "Ons ms/pag.", "Basis ms/pag.",
              "Groei ons", "Groei basis", "Controle (s)", "Geheugen ons (MB)", "Geheugen basis (MB)",
              "Geheugen ons/basis", "Zoekindex ons / basis (MB)", "Uitvoer ons / basis (MB)"]
    rows = []
    previous = None
    for r in results:
        growth = ["–", "–"]
        if previous:
            pages = r.pages / previous.pages
            growth = [f"×{r.seconds(v) / previous.seconds(v):.2f} (pag. ×{pages:.1f})" for v in ("ours", "baseline")]
        rows.append([
            str(r.pages), f"{r.seconds('ours'):.2f}", f"{r.seconds('baseline'):.2f}",
            f"{r.seconds('ours') / r.seconds('baseline'):.2f}",
            f"{r.cpu_seconds('ours') / r.cpu_seconds('baseline'):.2f}", f"{r.ms_per_page('ours'):.1f}",
            f"{r.ms_per_page('baseline'):.1f}", *growth, f"{r.seconds('check'):.2f}",
            f"{r.peak_mb('ours'):.0f}", f"{r.peak_mb('baseline'):.0f}",
            f"{r.peak_mb('ours') / r.peak_mb('baseline'):.2f}",
            f"{_mb(r.search_index['ours'])} / {_mb(r.search_index['baseline'])}",
            f"{_mb(r.output['ours'])} / {_mb(r.output['baseline'])}",
        ])
        previous = r
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    return "\n".join([line(header), "| " + " | ".join("-" * w for w in widths) + " |", *map(line, rows)])


def targets(results: list[SizeResult]) -> list[tuple[str, str]]:
    """(PASS/FAIL/NIET GEMETEN, description) per target of the issue; verdicts on wall time, with
    the same figure in CPU time beside it (steadier when others use the machine)."""
    by_size = {r.pages: r for r in results}
    mid, small, large = by_size.get(2000), by_size.get(1000), by_size.get(5000)

    def verdict(value: float | None, limit: float, strict: bool = False) -> str:
        if value is None:
            return "NIET GEMETEN"
        return "PASS" if (value < limit if strict else value <= limit) else "FAIL"

    def ratio(a: SizeResult | None, b: SizeResult | None, how) -> float | None:
        return how(a) / how(b) if a and b else None

    speed = ratio(mid, mid, lambda r: r.seconds("ours")) and mid.seconds("ours") / mid.seconds("baseline")
    speed_cpu = mid and mid.cpu_seconds("ours") / mid.cpu_seconds("baseline")
    growth = ratio(large, small, lambda r: r.seconds("ours"))
    growth_cpu = ratio(large, small, lambda r: r.cpu_seconds("ours"))
    check = large and large.seconds("check")
    memory = large and large.peak_mb("ours") / large.peak_mb("baseline")

    def shown(value: float | None, unit: str, cpu: float | None = None) -> str:
        if value is None:
            return ""
        return f": {value:.2f}{unit}" + (f" (CPU-tijd: {cpu:.2f}{unit})" if cpu is not None else "")

    return [
        (verdict(speed, 1.2), "onze bouw ≤ 1,2× de basis bij 2.000 pagina's" + shown(speed, "×", speed_cpu)),
        (verdict(growth, 5.5), "groei van onze bouw van 1.000 naar 5.000 pagina's ≤ 5,5×"
         + shown(growth, "×", growth_cpu)),
        (verdict(check, 3, strict=True), "losse controle van 5.000 bestanden < 3 s" + shown(check, " s")),
        (verdict(memory, 1.3), "piekgeheugen van onze bouw bij 5.000 pagina's ≤ 1,3× de basis" + shown(memory, "×")),
    ]


def report(results: list[SizeResult], info: dict, command: str) -> str:
    lines = [f"Machine: {info['cores']} cores ({info['usable_cores']} bruikbaar), {info['platform']}, "
             f"Python {info['python']}, MkDocs {info['mkdocs']}, Material {info['material']}; "
             f"load average bij start {info['load_average']}, aan het eind {info.get('load_average_end')}.",
             f"Commando: {command}", "", "Per grootte (mediaan van de herhalingen; alle metingen tussen haken):"]
    for r in results:
        lines.append(f"- {r.pages} pagina's ({', '.join(f'{k} {v}' for k, v in r.counts.items())})")
        for v in VARIANTS:
            each = ", ".join(f"{m.seconds:.2f}" for m in r.runs[v])
            lines.append(f"    {LABELS[v]:<24} {r.seconds(v):7.2f} s [{each}]  cpu {r.cpu_seconds(v):7.2f} s  "
                         f"{r.ms_per_page(v):6.1f} ms/pagina  piek {r.peak_mb(v):6.0f} MB")
    lines += ["", table(results), "", "Doelen:"]
    lines += [f"  {verdict:<12} {text}" for verdict, text in targets(results)]
    return "\n".join(lines)


def run(sizes: list[int], repeat: int, source: Path, seed: int, work: Path | None, keep: bool,
        json_out: Path | None, command: str) -> int:
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
            results.append(run_size(pages, repeat, scratch, source, seed, progress))
            if not keep:  # a 5,000-page site takes half a gigabyte per copy
                for name in (f"ons-{pages}", f"basis-{pages}"):
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
        data = {"machine": info, "command": command,
                "sizes": [asdict(r) | {"median_seconds": {v: r.seconds(v) for v in VARIANTS},
                                       "median_cpu_seconds": {v: r.cpu_seconds(v) for v in VARIANTS},
                                       "median_peak_mb": {v: r.peak_mb(v) for v in VARIANTS}} for r in results],
                "targets": targets(results)}
        json_out.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0  # the targets are figures to read, not a test: FAIL is reported, not an error
