"""The baseline: the same Markdown built by plain Material, as if our code did not exist.

Same theme settings, Markdown extensions, validation (anchors only reported) and stylesheets; only
Material's search plugin and its search box (not ours: no Pagefind);
no hooks, no derived navigation, sections, overviews or reports. Plain MkDocs reads only
docs_dir, so essays/ and regions/ are copied into it, at the same URLs they have on our site.
Overview pages show only their own text (the baseline does not derive anything).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from benchmarks.corpus import MARKER, _prepare

# Settings that only our build uses.
OURS_ONLY = ("hooks", "nav", "watch")
# Our search box (Pagefind, hooks/search.py) replaces Material's in these theme files; the baseline
# keeps Material's own search box and search plugin.
OURS_ONLY_OVERRIDES = ("partials/header.html", "partials/search.html")
OURS_ONLY_ASSETS = ("assets/zoeken.js", "assets/zoeken.css")


class _Tagged:
    """A value with a YAML tag (e.g. ``!!python/name:``), passed through untouched."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("", lambda loader, tag, node: _Tagged(tag, node))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, tag, node: _Tagged(tag, node))
_Dumper.add_representer(_Tagged, lambda dumper, value: value.node)


def config(ours: dict) -> dict:
    """Our mkdocs.yml settings, reduced to what plain Material with search does."""
    plain = {key: value for key, value in ours.items() if key not in OURS_ONLY}
    for key in ("extra_css", "extra_javascript"):
        if isinstance(plain.get(key), list):
            plain[key] = [a for a in plain[key] if not (isinstance(a, str) and a in OURS_ONLY_ASSETS)]
    search = [p for p in ours.get("plugins", []) if p == "search" or (isinstance(p, dict) and "search" in p)]
    plain["plugins"] = search or ["search"]
    # Overview pages link to anchors of their derived sections (e.g. #contact), which plain Material does
    # not make: still checked, reported as info instead of failing the strict build.
    validation = dict(plain.get("validation") or {})
    if validation.get("anchors"):
        validation["anchors"] = "info"
        plain["validation"] = validation
    plain["docs_dir"] = "docs"
    plain["site_dir"] = "site"
    return plain


def make(corpus: Path, out: Path) -> Path:
    """Write the baseline project for the corpus at ``corpus`` into ``out``."""
    _prepare(out)
    ours = yaml.load((corpus / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    docs_dir = ours.get("docs_dir", "docs")
    shutil.copytree(corpus / docs_dir, out / "docs")
    for root in ("essays", "regions"):
        if (corpus / root).is_dir():
            shutil.copytree(corpus / root, out / "docs" / root)
    custom_dir = (ours.get("theme") or {}).get("custom_dir") if isinstance(ours.get("theme"), dict) else None
    if custom_dir and (corpus / custom_dir).is_dir():
        theme_dir = corpus / custom_dir
        shutil.copytree(theme_dir, out / custom_dir, ignore=lambda folder, names: [
            n for n in names if (Path(folder) / n).relative_to(theme_dir).as_posix() in OURS_ONLY_OVERRIDES])
    header = "# Baseline for the benchmark: plain Material with search, generated from our mkdocs.yml.\n"
    (out / "mkdocs.yml").write_text(
        header + yaml.dump(config(ours), Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (out / MARKER).write_text("baseline\n", encoding="utf-8")
    return out
