"""Site search with Pagefind: what each page tells the index, and running the indexer.

Pagefind (https://pagefind.app, the PyPI package ``pagefind[bin]``) indexes the built HTML after
the build. Everything it needs to know about a page is in that page's own HTML, so the same
markup works for any static site generator that builds the exported Markdown:

- ``data-pagefind-body`` marks the main content (overrides/main.html); pages without it (the 404
  page) are not indexed, and menus, header and footer are left out;
- a hidden element inside the content carries the page's filters (type, regions, themes, year)
  and metadata (type, description, other names) as ``data-pagefind-filter`` and
  ``data-pagefind-meta`` elements: :func:`facets_html`;
- lists of links that the build derives from other pages ("Leerthema's", "Verwante essays",
  "Updates", ...) are marked ``data-pagefind-ignore`` (:func:`ignore_link_lists`): a page then
  does not show up for the titles of the pages it merely links to;
- other names (``aliases:``) are shown as "Ook bekend als ..." and weighted like a title.

This module does not import MkDocs; the pipeline (pages.py) adds the markup and the adapter runs
the indexer after a build.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# Pagefind filter names (keys in the index) and their labels in the search box.
FILTERS = {"soort": "Soort", "regio": "Regio", "thema": "Leerthema", "jaar": "Jaar"}

# Weights (Pagefind: 0-10, quadratic; h1 is 7, text 1). Another name counts as much as the title.
ALIAS_WEIGHT = 7
# Pages about one named thing (a type declared with a search weight above 1): their name is also
# metadata 'namen' (with the other names), which zoeken.js weights like the title, so the page about
# Fryslân ranks above the pages that mention it in their title.

# The indexer's settings. Dutch is forced (stemming: 'kennisnetwerken' finds 'kennisnetwerk'), so
# a page that lost its lang attribute cannot end up in a separate index that Dutch pages never
# search. Diacritics are folded by Pagefind itself ('fryslan' finds 'Fryslân'; exact matches rank
# first). Run in the site folder, no config file or PAGEFIND_* variable is read.
LANGUAGE = "nl"
OUTPUT_SUBDIR = "pagefind"
# Left out of the index everywhere: the permalink sign after each heading.
EXCLUDE_SELECTORS = ".headerlink"
PAGEFIND_ARGS = ("--force-language", LANGUAGE, "--output-subdir", OUTPUT_SUBDIR,
                 "--exclude-selectors", EXCLUDE_SELECTORS, "--quiet")
# What Pagefind writes that the site does not use: its ready-made UIs (we have our own search
# box, docs/assets/zoeken.js), the highlight script and the WebAssembly for pages without a language.
UNUSED_OUTPUT = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
                 "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
                 "wasm.unknown.pagefind")

# What Pagefind 1.5.2 needs from a Content-Security-Policy, measured in Chromium under a strict
# policy (default-src 'none'; tests/browser/test_search_csp.py):
# - script-src 'self': zoeken.js imports pagefind/pagefind.js (an ES module) when search opens;
# - worker-src 'self' (or, without worker-src, script-src 'self'): the search runs in a Web Worker
#   started from pagefind/pagefind-worker.js, a same-origin file (no blob: or data: URL);
# - connect-src 'self' and script-src 'wasm-unsafe-eval': the fetches of pagefind-entry.json, the
#   WebAssembly, the index, filter and fragment files, and compiling the WebAssembly. In the
#   worker these follow the worker's own policy: a <meta> policy of the page does not reach it,
#   a policy sent as an HTTP header with every file does. On the page itself they are needed when
#   Pagefind falls back to searching there (no Worker in the browser, or worker-src blocks it):
#   without them that fallback finds nothing.
# Nothing else: no inline script or style, no eval, no blob: or data: URLs, no other host.
CSP_NEEDS: dict[str, tuple[str, ...]] = {
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "worker-src": ("'self'",),
    "connect-src": ("'self'",),
}


@dataclass(frozen=True)
class Facets:
    """What search knows about a page besides its text."""

    type_label: str
    regions: list[str] = field(default_factory=list)   # region names (titles)
    themes: list[str] = field(default_factory=list)    # theme names (titles)
    year: str | None = None
    aliases: list[str] = field(default_factory=list)   # other names readers search for


def _unique(values) -> list[str]:
    seen, result = set(), []
    for value in values:
        text = " ".join(str(value).split())
        if text and text not in seen:
            seen.add(text)
            result.append(text)
    return result


def search_facets(entry) -> Facets:
    """The facets of one content entry, from its typed front-matter (no derived relations).

    Regions: the region itself, the region an update or practice belongs to, or the regions a
    page names. Themes: the theme itself or the themes a page names (for a region: the ones it
    adopted). Year: of the page's date. Aliases: ``aliases`` and, for organisations, the
    abbreviation."""
    fields = entry.type.field_map
    name = entry.type.name
    regions = [entry] if name == "region" else ([entry.owner] if entry.owner else [])
    regions += entry.regions if "regions" in fields else []
    themes = [entry] if name == "theme" else (entry.themes if "themes" in fields else [])
    date = entry.date if "date" in fields else None
    aliases = list(entry.aliases) if "aliases" in fields else []
    if "abbreviation" in fields and entry.abbreviation:
        aliases.append(entry.abbreviation)
    return Facets(
        type_label=entry.type.labels.singular.capitalize(),  # 'Regio', 'Leerthema', ... (the declaration)
        regions=_unique(r.title for r in regions),
        themes=_unique(t.title for t in themes),
        year=str(date.year) if date else None,
        aliases=[a for a in _unique(aliases) if a.casefold() != entry.title.casefold()],
    )


def _element(attribute: str, name: str, value: str) -> str:
    return f'<span {attribute}="{name}">{html.escape(value, quote=False)}</span>'


def facets_html(facets: Facets, description: str = "", names: list[str] | None = None) -> str:
    """A hidden element with the page's Pagefind filters and metadata, to put inside the content.

    The type is a filter only: as metadata it would be searched, and 'regio' would find every
    region. ``hidden``: not shown and not read out; ``data-pagefind-ignore``: its text is not indexed as
    content, but Pagefind still reads the filters and metadata in it."""
    parts = [_element("data-pagefind-filter", "soort", facets.type_label),
             *(_element("data-pagefind-filter", "regio", r) for r in facets.regions),
             *(_element("data-pagefind-filter", "thema", t) for t in facets.themes)]
    if facets.year:
        parts.append(_element("data-pagefind-filter", "jaar", facets.year))
    if description.strip():
        parts.append(_element("data-pagefind-meta", "description", " ".join(description.split())))
    names = _unique([*(names or []), *facets.aliases])
    if names:
        parts.append(_element("data-pagefind-meta", "namen", ", ".join(names)))
    return '<div class="ks-zoekgegevens" hidden data-pagefind-ignore="index">' + "".join(parts) + "</div>"


def aliases_html(facets: Facets) -> str:
    """'Ook bekend als Friesland.': visible, and weighted like the title."""
    if not facets.aliases:
        return ""
    names = [f"<strong>{html.escape(a, quote=False)}</strong>" for a in facets.aliases]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    return f'<p class="ks-aliassen" data-pagefind-weight="{ALIAS_WEIGHT}">Ook bekend als {listed}.</p>'


def with_aliases(markdown: str, facets: Facets) -> str:
    """The page's Markdown with the other names right below its title."""
    line = aliases_html(facets)
    if not line:
        return markdown
    heading = re.match(r"\A\s*# [^\n]*\n", markdown)  # a page that writes its own title
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n{line}\n\n{markdown[at:]}"


_LIST_ITEM = re.compile(r"^(?: {0,3})(?:[-*+]|\d+[.)])\s+")
_LINK = re.compile(r"\]\([^)\s]+\)")


def ignore_link_lists(markdown: str) -> str:
    """Lists in which every item links to another page, wrapped in ``data-pagefind-ignore``.

    For the sections the build derives from other pages (lists of themes, updates, sessions,
    related essays, ...): their words belong to the pages they link to. Lists with plain text
    (knowledge questions, partners) stay in the index."""
    lines = markdown.split("\n")
    out, i = [], 0
    while i < len(lines):
        if not _LIST_ITEM.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and (_LIST_ITEM.match(lines[j]) or lines[j].startswith(("  ", "\t"))):
            j += 1
        block = lines[i:j]
        items = [line for line in block if _LIST_ITEM.match(line)]
        if all(_LINK.search(item) for item in items):
            out.extend(['<div data-pagefind-ignore="index" markdown="1">', "", *block, "", "</div>"])
        else:
            out.extend(block)
        i = j
    return "\n".join(out)


def search_markdown(entry) -> str:
    """What a page adds for search at its end: the hidden filters and metadata."""
    facets = search_facets(entry)
    names = [entry.title] if entry.type.search_weight > 1 else []
    return facets_html(facets, entry.description, names)


# -- the indexer ---------------------------------------------------------------------------------

class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexResult:
    pages: int
    seconds: float              # wall clock
    cpu_seconds: float          # user + system time of Pagefind (it uses every core)
    bytes: int                  # size of site/pagefind/ as published
    warnings: tuple[str, ...]   # what Pagefind reported (with --quiet: only warnings), once each


def pagefind_command() -> list[str]:
    """The Pagefind binary of the pagefind_bin package (installed by pagefind[bin])."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-not-found]

        return [str(get_executable())]
    except (ImportError, FileNotFoundError) as error:
        raise SearchIndexError("Pagefind ontbreekt: installeer de vastgepinde afhankelijkheden "
                               f"(pip install -r requirements.txt): {error}") from None


def build_index(site_dir: Path | str) -> IndexResult:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind/``; check that it is Dutch."""
    site = Path(site_dir).resolve()
    output = site / OUTPUT_SUBDIR
    shutil.rmtree(output, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([*pagefind_command(), "--site", str(site), *PAGEFIND_ARGS], cwd=site, env=env,
                          capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - started, _children_cpu() - cpu
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind faalde (code {done.returncode}):\n{done.stdout}{done.stderr}")
    entry_file = output / "pagefind-entry.json"
    try:
        languages = json.loads(entry_file.read_text(encoding="utf-8"))["languages"]
    except (OSError, ValueError, KeyError) as error:
        raise SearchIndexError(f"Pagefind schreef geen bruikbare {entry_file}: {error}") from None
    if set(languages) != {LANGUAGE} or not languages[LANGUAGE].get("page_count"):
        raise SearchIndexError(f"De zoekindex is niet (alleen) Nederlands: {languages}")
    for name in UNUSED_OUTPUT:
        (output / name).unlink(missing_ok=True)
    stabilised = stabilise_filters(output, LANGUAGE)
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    reported = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    warnings = tuple(dict.fromkeys([*reported, *stabilised]))
    return IndexResult(languages[LANGUAGE]["page_count"], seconds, cpu, size, warnings)


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime



# -- the same index from the same site -----------------------------------------------------------
# Pagefind 1.5.2 writes its filter files from a hash map (its own TODO: "Change filter indexes to
# BTree to give them a stable hash"), so the order of the values in each filter file, the order of
# the filters in the metadata file and therefore their names differ from one run to the next;
# everything else it writes is the same each time. stabilise_filters() rewrites those files with
# the values and filters sorted, named as Pagefind names them (a SHA-1 of the content), so that
# two builds of the same site are byte-identical (tests/test_build.py). The files are gzip with
# Pagefind's signature and CBOR inside; a file this code does not read back byte for byte is left
# as it is, with a warning (which fails a strict build), e.g. after an upgrade of Pagefind.

_SIGNATURE = b"pagefind_dcd"


def _cbor_head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")


def _cbor_encode(value) -> bytes:
    if isinstance(value, bool) or value is None:
        return bytes([0xF5 if value is True else 0xF4 if value is False else 0xF6])
    if isinstance(value, int):
        return _cbor_head(0, value) if value >= 0 else _cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _cbor_head(3, len(data)) + data
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
    if isinstance(value, dict):
        return _cbor_head(5, len(value)) + b"".join(_cbor_encode(k) + _cbor_encode(v) for k, v in value.items())
    raise TypeError(f"cannot encode {type(value).__name__} as CBOR")


def _cbor_decode(data: bytes, at: int = 0):
    first = data[at]
    major, info, at = first >> 5, first & 31, at + 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise ValueError(f"unsupported CBOR simple value {info}")
        return simple[info], at
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        size = 1 << (info - 24)
        value, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise ValueError("indefinite-length CBOR is not supported")
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        chunk = data[at:at + value]
        return (bytes(chunk) if major == 2 else chunk.decode("utf-8")), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _cbor_decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(value):
            key, at = _cbor_decode(data, at)
            mapping[key], at = _cbor_decode(data, at)
        return mapping, at
    raise ValueError(f"unsupported CBOR major type {major}")


def _read_bundle_file(path: Path):
    import gzip

    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError("no Pagefind signature")
    body = raw[len(_SIGNATURE):]
    value, end = _cbor_decode(body)
    if end != len(body) or _cbor_encode(value) != body:
        raise ValueError("not read back byte for byte")
    return value


def _write_bundle_file(path: Path, body: bytes) -> None:
    import gzip

    path.write_bytes(gzip.compress(_SIGNATURE + body, 9, mtime=0))


def _pagefind_hash(language: str, body: bytes, digits: int, taken: set[str] = frozenset()) -> str:
    """Pagefind's name for a file: language, '_', the start of the SHA-1 in hex (Pagefind writes
    each byte without leading zero), longer when the short name is taken."""
    import hashlib

    full = "".join(f"{b:x}" for b in hashlib.sha1(body).digest())
    while f"{language}_{full[:digits]}" in taken and digits < len(full):
        digits += 1
    return f"{language}_{full[:digits]}"


def stabilise_filters(output: Path, language: str) -> list[str]:
    """Rewrite the filter files and the metadata file of ``output`` (a Pagefind bundle) in a
    stable order; returns warnings (nothing when all went well)."""
    entry_file = output / "pagefind-entry.json"
    entry_text = entry_file.read_text(encoding="utf-8")
    old_meta = json.loads(entry_text)["languages"][language]["hash"]
    meta_file = output / f"pagefind.{old_meta}.pf_meta"
    try:
        meta = _read_bundle_file(meta_file)
        filters = [(name, _read_bundle_file(output / "filter" / f"{old}.pf_filter")) for name, old in meta[3]]
    except (OSError, ValueError, IndexError, TypeError) as error:
        return [f"filterbestanden niet op een vaste volgorde gezet ({error}); de zoekindex kan per bouw verschillen"]
    taken: set[str] = set()
    renamed = []
    for (name, old), (_, content) in zip(meta[3], filters):
        content[1] = sorted(([value, sorted(pages)] for value, pages in content[1]), key=lambda item: item[0])
        body = _cbor_encode(content)
        new = _pagefind_hash(language, body, len(language) + 5, taken)  # as Pagefind: nl_ and 7 digits
        taken.add(new)
        (output / "filter" / f"{old}.pf_filter").unlink()
        _write_bundle_file(output / "filter" / f"{new}.pf_filter", body)
        renamed.append([name, new])
    meta[3] = sorted(renamed)
    body = _cbor_encode(meta)
    new_meta = _pagefind_hash(language, body, len(language) + 8)  # nl_ and 10 digits
    meta_file.unlink()
    _write_bundle_file(output / f"pagefind.{new_meta}.pf_meta", body)
    entry_file.write_text(entry_text.replace(f'"{old_meta}"', f'"{new_meta}"'), encoding="utf-8")
    return []
