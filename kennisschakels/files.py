"""Every file the build publishes, found and judged before anything is read or written.

What is published: from ``docs/`` everything MkDocs 1.6 walks (it follows directory symlinks and
leaves out only what its default ``exclude_docs`` patterns ``.*`` and ``/templates/`` and ours in
mkdocs.yml exclude; ``_`` folders are published), and from ``essays/`` and ``regions/`` what
``walk`` lists (the adapter adds exactly those; dot files and ``_`` folders there are not
published). For each published file:

- a symbolic link (file or folder) is refused: it could publish any file of the machine;
- its resolved path must lie inside the repository;
- its type must fit its place: ``docs/assets/`` only the stylesheets and scripts mkdocs.yml names,
  ``docs/.well-known/`` only security.txt, ``docs/rapportages/`` only report definitions (.yml) and
  pages, elsewhere Markdown and the contributed file types of ``checks.ASSET_TYPES``.

``read_text`` reads a content file as UTF-8 only (a UTF-8 BOM is accepted), with a Dutch problem
for any other encoding instead of a traceback. Nothing here imports MkDocs.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from kennisschakels.problems import Problem
from kennisschakels.settings import Settings, load_settings

CONTENT_ROOTS = ("docs", "essays", "regions")
MARKDOWN = ".md"
OTHER_MARKDOWN = {".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"}
REPORTS_DIR = "docs/rapportages/"
WELL_KNOWN = "docs/.well-known/"
WELL_KNOWN_FILES = {"docs/.well-known/security.txt"}
THEME_ASSETS = "docs/assets/"
MKDOCS_DEFAULT_EXCLUDE = [".*", "/templates/"]  # mkdocs.structure.files._default_exclude (MkDocs 1.6)
MAX_READ_BYTES = 4 * 1024 * 1024  # larger content files are refused unread (the limit for pages is lower)

_BOMS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
SAVE_AS_UTF8 = "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' en dan codering UTF-8)"


@dataclass
class Walk:
    markdown: list[str] = field(default_factory=list)     # every published Markdown file
    assets: list[str] = field(default_factory=list)       # other files of essays/ and regions/
    docs_assets: list[str] = field(default_factory=list)  # contributed non-Markdown files in docs/
    own: list[str] = field(default_factory=list)          # docs/assets, .well-known, report definitions
    problems: list[Problem] = field(default_factory=list)


def theme_assets(settings: Settings) -> set[str]:
    """The files of docs/assets/ the site uses: the stylesheets and scripts mkdocs.yml names."""
    names = {"docs/" + path.lstrip("/") for path in settings.theme_files}
    return {n for n in names if n.startswith(THEME_ASSETS)}


def _docs_exclusions(settings: Settings) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(MKDOCS_DEFAULT_EXCLUDE + settings.exclude_docs.splitlines())


def _problem(path: str, wrong: str, expected: str) -> Problem:
    return Problem(path, 1, "bestand", wrong, expected)


def walk(root: Path | str, settings: Settings | None = None) -> Walk:
    """Every file the build publishes, sorted, with a problem for each that may not be published."""
    root = Path(root).resolve()
    settings = settings or load_settings(root)
    excluded = _docs_exclusions(settings)
    allowed_assets = theme_assets(settings)
    result = Walk()
    for content_root in CONTENT_ROOTS:
        base = root / content_root
        if base.is_symlink():
            result.problems.append(_problem(content_root, "is een symbolische link", "maak er een gewone map van"))
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            folder = Path(dirpath)
            rel_dir = folder.relative_to(root).as_posix()
            kept = []
            for name in sorted(dirnames):
                rel = f"{rel_dir}/{name}"
                if not _published(content_root, rel + "/", excluded):
                    continue
                if (folder / name).is_symlink():
                    result.problems.append(_problem(rel, "is een symbolische link naar een map",
                                                    "zet de bestanden zelf in de repository; links naar mappen worden niet gepubliceerd"))
                    continue
                kept.append(name)
            dirnames[:] = kept
            for name in sorted(filenames):
                rel = f"{rel_dir}/{name}"
                if _published(content_root, rel, excluded):
                    _judge(root, folder / name, rel, content_root, allowed_assets, result)
    return result


def _published(content_root: str, rel: str, excluded: pathspec.PathSpec) -> bool:
    inside = rel.split("/", 1)[1]
    if content_root == "docs":
        return not excluded.match_file(inside)
    return not any(part.startswith((".", "_")) for part in inside.rstrip("/").split("/"))


def _judge(root: Path, path: Path, rel: str, content_root: str, allowed_assets: set[str], result: Walk) -> None:
    if _CONTROL.search(rel):
        result.problems.append(_problem(rel.encode("unicode_escape").decode("ascii"),
                                        "naam bevat een regeleinde of ander stuurteken",
                                        "geef het bestand een naam met alleen letters, cijfers en streepjes"))
        return
    if path.is_symlink():
        result.problems.append(_problem(rel, "is een symbolische link",
                                        "zet het bestand zelf in de repository, geen link ernaar"))
        return
    try:
        inside = path.resolve(strict=True).is_relative_to(root)
    except OSError:
        inside = False
    if not inside or not path.is_file():
        result.problems.append(_problem(rel, "is geen gewoon bestand in de repository", "zet er een gewoon bestand neer"))
        return
    suffix = os.path.splitext(rel)[1].lower()
    if "/.well-known/" in f"/{rel}":
        if rel not in WELL_KNOWN_FILES:
            result.problems.append(_problem(rel, "staat in een map .well-known",
                                            "daar hoort alleen docs/.well-known/security.txt"))
        else:
            result.own.append(rel)
        return
    if rel.startswith(THEME_ASSETS):
        if rel not in allowed_assets:
            result.problems.append(_problem(rel, "staat in docs/assets/ maar wordt niet door mkdocs.yml gebruikt",
                                            "in docs/assets/ horen alleen de stylesheets en scripts uit extra_css en "
                                            "extra_javascript; zet afbeeldingen en documenten naast de pagina"))
        else:
            result.own.append(rel)
        return
    if rel.startswith(REPORTS_DIR) and suffix != MARKDOWN:
        if suffix == ".yml" and rel.count("/") == 2:
            result.own.append(rel)
        else:
            result.problems.append(_problem(rel, f"bestandstype '{suffix or '(geen)'}' hoort niet in docs/rapportages/",
                                            "daar horen alleen rapportdefinities (<id>.yml) en pagina's (.md)"))
        return
    if suffix == MARKDOWN:
        result.markdown.append(rel)
    elif suffix in OTHER_MARKDOWN:
        result.problems.append(_problem(rel, f"heeft de extensie '{suffix}'", "gebruik '.md' voor Markdown-bestanden"))
    elif content_root == "docs":
        result.docs_assets.append(rel)
    else:
        result.assets.append(rel)


def read_text(root: Path | str, rel: str, max_bytes: int = MAX_READ_BYTES) -> tuple[str, Problem | None]:
    """The text of a content file; UTF-8 only (a UTF-8 BOM is dropped). ('', problem) otherwise."""
    path = Path(root) / rel
    try:
        if path.stat().st_size > max_bytes:
            return "", _problem(rel, f"is {path.stat().st_size // 1024 // 1024} MB groot",
                                "een pagina is hoogstens enkele honderden kB; splits de tekst")
        data = path.read_bytes()
    except OSError as error:
        return "", _problem(rel, f"kan niet gelezen worden ({error.strerror})", "controleer het bestand")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return "", _problem(rel, f"is opgeslagen als {name}", SAVE_AS_UTF8)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return "", Problem(rel, line, "bestand", "is geen UTF-8 (bijvoorbeeld Latin-1 of Windows-1252)", SAVE_AS_UTF8)
    if "\x00" in text:
        return "", _problem(rel, "bevat NUL-tekens (is het een binair bestand?)", SAVE_AS_UTF8)
    # Windows line ends (CRLF) read like any other file.
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
