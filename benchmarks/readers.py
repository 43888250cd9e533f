"""What readers download: a first visit to a region page and a first search, per corpus size,
on our site (Pagefind) and on the baseline (plain Material with its lunr search); and how long
Pagefind takes to index the built site.

Each size: a synthetic corpus (benchmarks.corpus), our build and the baseline's, both
served from 127.0.0.1 by a small static server that compresses text with gzip as static hosts
such as GitHub Pages do (Pagefind's own files are compressed already and served as they are).
Debian's Chromium, through Playwright, opens a region page in a fresh profile (the first visit),
then types a word into the search box and waits for the results (the first search). Counted:
the bytes of every response body as transferred (``request.sizes()``, so also the requests of
Pagefind's Web Worker and of Material's search worker), and the same files' size on disk
(uncompressed, for a host without compression).

    python -m kennisschakels bench readers --sizes 250,1000,2000,5000
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from benchmarks import baseline, corpus
from benchmarks.host import SiteHandler, serving

QUERY = "bodemenergie"   # a word of the corpus text: many results, as for a real topic
SEARCH_TIMEOUT = 600     # seconds to wait for the first results
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


@dataclass
class Transfer:
    requests: int = 0
    transferred: int = 0      # response bodies as sent (gzip where the server compresses)
    uncompressed: int = 0     # the same files on disk
    search_data: int = 0      # transferred bytes of search files: pagefind/ or search/
    urls: list[str] = field(default_factory=list)


@dataclass
class SiteResult:
    visit: Transfer
    search: Transfer
    results: int              # number of results the search box reported (-1: none in time)
    seconds: float            # from the first key typed to the results shown


@dataclass
class SizeResult:
    pages: int
    region: str
    ours: SiteResult
    baseline: SiteResult
    index_seconds: list[float]      # Pagefind indexing of our built site, each repeat (wall clock)
    index_cpu_seconds: list[float]  # the same, CPU time (steadier on a busy machine)
    index_bytes: int                # site/pagefind/ on disk
    index_files: int
    material_index_bytes: int       # the baseline's search/search_index.json

    @property
    def index_median(self) -> float:
        return statistics.median(self.index_seconds)

    @property
    def index_cpu_median(self) -> float:
        return statistics.median(self.index_cpu_seconds)


# -- a static host -------------------------------------------------------------------------------

class _Handler(SiteHandler):
    """The site's host (benchmarks/host.py), with gzip for text like a static host sends it."""

    cache: dict[str, bytes] = {}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        else:
            status = 200
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        headers = {"Content-Type": kind}
        if kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = str(path)
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, 6, mtime=0)
            body = self.cache[key]
            headers["Content-Encoding"] = "gzip"
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


class Host:
    """A site being served (benchmarks.host.serving) at ``url``."""

    def __init__(self, site: Path, url: str):
        self.site = site
        self.url = url
        self.base = urlsplit(url).path

    def file_size(self, url: str) -> int:
        path = unquote(urlsplit(url).path)
        if not path.startswith(self.base):
            return 0
        target = self.site / path[len(self.base):]
        if target.is_dir():
            target = target / "index.html"
        return target.stat().st_size if target.is_file() else (self.site / "404.html").stat().st_size


# -- measuring -----------------------------------------------------------------------------------

def _total(requests: list, host: Host) -> Transfer:
    result = Transfer()
    for request in requests:
        if urlsplit(request.url).scheme not in ("http", "https"):
            continue
        size = max(request.sizes()["responseBodySize"], 0)
        result.requests += 1
        result.transferred += size
        result.uncompressed += host.file_size(request.url)
        path = urlsplit(request.url).path
        if "/pagefind/" in path or "/search/" in path:
            result.search_data += size
        result.urls.append(path)
    return result


def measure(browser, host: Host, region: str, ours: bool) -> SiteResult:
    """A first visit to the region page in a fresh profile, then a first search from there."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    finished: list = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(host.url + region)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # late work of the theme (Material's search worker starts after load)
    page.wait_for_load_state("networkidle")
    visit = _total(finished, host)
    finished.clear()
    field, status = ("#ks-zoekveld", ".ks-zoeken__status") if ours else (".md-search__input", ".md-search-result__meta")
    page.click(field)
    started = time.perf_counter()
    page.keyboard.type(QUERY, delay=30)
    # Ours announces 'N resultaten voor ...'; Material 'N overeenkomende documenten' once its
    # worker has built the lunr index from search_index.json (which takes long on large sites).
    done = ("q => document.querySelector('.ks-zoeken__status').textContent.includes(q)" if ours else
            "() => /overeenkomend/.test(document.querySelector('.md-search-result__meta').textContent)")
    try:
        page.wait_for_function(done, arg=QUERY, timeout=SEARCH_TIMEOUT * 1000)
        seconds = time.perf_counter() - started
        count = re.match(r"(\d+)(k?)", page.locator(status).inner_text())  # Material writes 2000 as '2k'
        found = int(count[1]) * (1000 if count[2] else 1) if count else 0
    except PlaywrightTimeout:
        seconds, found = time.perf_counter() - started, -1
    page.wait_for_load_state("networkidle")
    search = _total(finished, host)
    context.close()
    return SiteResult(visit, search, found, seconds)


def _build(root: Path, log: Path) -> None:
    shutil.rmtree(root / "site", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env,
                              stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise RuntimeError(f"bouw in {root} faalde:\n{log.read_text('utf-8', errors='replace')[-3000:]}")


def _region(site: Path) -> str:
    """The region page with the largest HTML (most to load)."""
    pages = sorted((p for p in (site / "regions").glob("*/index.html")), key=lambda p: (-p.stat().st_size, p))
    return pages[0].parent.relative_to(site).as_posix() + "/"


def run_size(browser, pages: int, work: Path, source: Path, seed: int, repeat: int, progress) -> SizeResult:
    from kennisschakels.search import OUTPUT_SUBDIR, build_index

    ours, base = work / f"ons-{pages}", work / f"basis-{pages}"
    corpus.generate(ours, pages, seed, source)
    baseline.make(ours, base)
    progress(f"  {pages:>5} pagina's: bouwen (ons en basis) ...")
    _build(ours, work / f"ons-{pages}.log")
    _build(base, work / f"basis-{pages}.log")
    runs = [build_index(ours / "site") for _ in range(repeat)]
    index = ours / "site" / OUTPUT_SUBDIR
    files = [p for p in index.rglob("*") if p.is_file()]
    region = _region(ours / "site")
    results = {}
    for name, root in (("ours", ours), ("baseline", base)):
        with serving(root / "site", _Handler, cache={}) as url:
            results[name] = measure(browser, Host(root / "site", url), region, name == "ours")
    material_index = base / "site" / "search" / "search_index.json"
    result = SizeResult(pages, region, results["ours"], results["baseline"], [r.seconds for r in runs],
                        [r.cpu_seconds for r in runs],
                        sum(p.stat().st_size for p in files), len(files),
                        material_index.stat().st_size if material_index.exists() else 0)
    progress(f"  {pages:>5} pagina's: bezoek {_kb(result.ours.visit.transferred)} / {_kb(result.baseline.visit.transferred)} kB, "
             f"zoeken {_kb(result.ours.search.transferred)} / {_kb(result.baseline.search.transferred)} kB (ons / basis) "
             f"in {_seconds(result.ours)} / {_seconds(result.baseline)} s, index {result.index_median:.2f} s")
    return result


def _seconds(site: SiteResult) -> str:
    text = f"{site.seconds:.1f}".replace(".", ",")
    return text if site.results >= 0 else f"> {text}"


def _kb(n: int) -> str:
    return f"{n / 1000:,.0f}".replace(",", ".")


def table(results: list[SizeResult]) -> str:
    header = ["Pagina's", "Eerste bezoek ons (kB)", "waarvan zoekdata", "Eerste bezoek basis (kB)", "waarvan zoekdata",
              "Eerste zoekopdracht ons (kB)", "Eerste zoekopdracht basis (kB)", "Bezoek + zoeken ons / basis (kB)",
              "Ongecomprimeerd ons / basis (kB)", "Tot de resultaten ons / basis (s)", "Pagefind-index (s; CPU)",
              "Pagefind-index (MB, bestanden)", "search_index.json basis (MB)"]
    rows = []
    for r in results:
        o, b = r.ours, r.baseline
        rows.append([
            f"{r.pages:,}".replace(",", "."),
            _kb(o.visit.transferred), _kb(o.visit.search_data), _kb(b.visit.transferred), _kb(b.visit.search_data),
            _kb(o.search.transferred), _kb(b.search.transferred),
            f"{_kb(o.visit.transferred + o.search.transferred)} / {_kb(b.visit.transferred + b.search.transferred)}",
            f"{_kb(o.visit.uncompressed + o.search.uncompressed)} / {_kb(b.visit.uncompressed + b.search.uncompressed)}",
            f"{_seconds(o)} / {_seconds(b)}",
            f"{r.index_median:.1f} ({r.index_cpu_median:.1f})".replace(".", ","),
            f"{r.index_bytes / 1e6:.1f} ({r.index_files})".replace(".", ","),
            f"{r.material_index_bytes / 1e6:.1f}".replace(".", ","),
        ])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    return "\n".join([line(header), "| " + " | ".join("---:" if i else "---" for i in range(len(header))) + " |",
                      *map(line, rows)])


def run(sizes: list[int], source: Path, seed: int, work: Path | None, keep: bool, json_out: Path | None,
        repeat: int = 3) -> int:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Playwright ontbreekt (requirements-dev.txt).", file=sys.stderr)
        return 1
    chromium = os.environ.get("KENNISSCHAKELS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        print(f"Chromium ontbreekt ({chromium}); Debian: apt-get install chromium", file=sys.stderr)
        return 1

    def progress(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    scratch = Path(work) if work else Path(tempfile.mkdtemp(prefix="kennisschakels-lezers-"))
    scratch.mkdir(parents=True, exist_ok=True)
    results = []
    started = time.perf_counter()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for pages in sizes:
                results.append(run_size(browser, pages, scratch, source, seed, repeat, progress))
                if not keep:
                    for name in (f"ons-{pages}", f"basis-{pages}"):
                        shutil.rmtree(scratch / name, ignore_errors=True)
            browser.close()
    finally:
        if not keep and not work:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"Zoekwoord '{QUERY}'; tekst gecomprimeerd met gzip zoals een statische host; "
          f"{time.perf_counter() - started:.0f} s.\n")
    print(table(results))
    for r in results:
        print(f"\n{r.pages} pagina's, {r.region}: eerste zoekopdracht ons: "
              f"{r.ours.search.requests} verzoeken ({r.ours.results} resultaten): "
              + ", ".join(sorted({Path(u).name if '/pagefind/' in u else u for u in r.ours.search.urls}))[:600])
        print(f"  basis: {r.baseline.visit.requests} verzoeken bij het bezoek, {r.baseline.search.requests} bij het "
              f"zoeken ({r.baseline.results} resultaten)")
    if json_out:
        json_out.write_text(json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    return 0
