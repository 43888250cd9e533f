"""Export: the complete site source as plain Markdown and files, for any MkDocs-like engine.

``python -m kennisschakels export --out DIR`` checks everything, then writes ``DIR/mkdocs.yml``
and ``DIR/docs/``: every page with its derived sections, every overview, calendar, feed and
report PDF as a file, and the navigation in the configuration. It needs no hooks and no
plugins: plain MkDocs with Material builds it to the same site. It is the same pipeline the
MkDocs adapter uses (kennisschakels.site), written to disk instead of served in memory.
On any problem nothing is written.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from kennisschakels.files import walk
from kennisschakels.settings import _TolerantLoader, load_settings
from kennisschakels.site import REPORT_DEFINITIONS, Site, load_site

# Settings that belong to the adapter, not to the exported site.
ADAPTER_KEYS = ("hooks", "watch")
THEME_DIR = "overrides"


@dataclass(frozen=True)
class Written:
    pages: int
    files: int


# libyaml's emitter when PyYAML has it: the same text, seven times faster than the Python emitter,
# which took more than half of an export's time outside the report PDFs.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page_file(meta: dict, markdown: str) -> str:
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + front + "---\n\n" + markdown


def export_config(root: Path, site: Site) -> dict:
    """The repository's mkdocs.yml without the adapter, with the derived navigation written out."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    for key in ADAPTER_KEYS:
        config.pop(key, None)
    settings = site.ctx.settings
    config["repo_url"] = settings.repo_url
    if settings.public_site_url:
        config["site_url"] = settings.public_site_url
    # Pages live in one docs/ folder here, so the repository paths behind edit links are not known.
    config["edit_uri"] = ""
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["nav"] = site.navigation.items
    if site.navigation.omitted:
        config["not_in_nav"] = "\n".join(f"/{uri}" for uri in sorted(site.navigation.omitted))
    return config


def write_source(site: Site, target: Path) -> Written:
    """Write the site source into ``target`` (an empty folder)."""
    root = site.catalogue.root
    docs = target / "docs"
    pages = 0
    for uri in site.uris():
        page = site.page(uri)
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_file(page.meta, page.markdown), encoding="utf-8")
        pages += 1
    files = 0
    for uri, content in site.generated().items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        files += 1
    found = walk(root, site.ctx.settings)
    docs_files = [(p[len("docs/"):], root / p) for p in found.docs_assets + found.own
                  if not (p[len("docs/"):].startswith(REPORT_DEFINITIONS) and p.endswith(".yml"))]
    for uri, source in site.copied() + docs_files:
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)
        files += 1
    if (root / THEME_DIR).is_dir():
        shutil.copytree(root / THEME_DIR, target / THEME_DIR)
    config = export_config(root, site)
    (target / "mkdocs.yml").write_text(
        "# Geëxporteerd door python -m kennisschakels export: niet met de hand aanpassen.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return Written(pages, files)


def export(root: Path, out: Path) -> Written:
    """Check, then write the site source to ``out`` (replacing it). Raises ContentError, writing nothing."""
    site = load_site(root, load_settings(root))
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out.parent))
    try:
        written = write_source(site, staging)
        if out.exists():
            shutil.rmtree(out)
        os.replace(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return written
