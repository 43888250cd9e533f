"""Editions: a report as adopted, frozen in the repository, built from that frozen source ever after.

``python -m kennisschakels rapport vaststellen <id>`` writes, in
``docs/rapportages/.edities/<id>/<editie>/`` (a dot folder: MkDocs does not publish it, the
content check does not read it as pages):

- ``rapport.md``: the whole report as adopted, in readable Markdown: front-matter with what the
  report says about itself, then every page, chapter and part, each after a one-line marker
  ``<!-- ks:deel {...} -->`` that says where its text came from. Derived tables are in it as text.
- ``rapport.pdf``: the PDF, laid out once from ``rapport.md`` and committed: the record that was
  sent, byte for byte, whatever later happens to the knowledge base or to WeasyPrint.
- ``manifest.yml``: the SHA-256 of both files and of every knowledge-base file the report drew
  on, and the types of which it read every entry.

The check compares the hashes: a changed ``rapport.md`` or ``rapport.pdf`` fails ("alleen een
nieuwe editie mag dit wijzigen"). The manifest also tells what changed in the knowledge base
since adoption ("Sinds deze editie" on the report's page).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kennisschakels.catalogue import Catalogue
from kennisschakels.dates import PartialDate
from kennisschakels.problems import Problem
from kennisschakels.report.assemble import Assembled, Chapter, Meta, Part, WebPage

EDITIONS_DIR = "docs/rapportages/.edities"
SOURCE, PDF, MANIFEST = "rapport.md", "rapport.pdf", "manifest.yml"
_MARKER = re.compile(r"^<!-- ks:(pagina|hoofdstuk|deel) (\{.*\}) -->$", re.MULTILINE)
ONLY_NEW = "alleen een nieuwe editie mag dit wijzigen"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def edition_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split(".")) if re.fullmatch(r"\d+(\.\d+)*", number) else (-1,)


def next_edition(number: str | None) -> str:
    """'1.0' for a first edition, then '1.1', '1.2', ..."""
    if not number:
        return "1.0"
    major, _, minor = number.partition(".")
    return f"{major}.{int(minor or 0) + 1}"


# ----------------------------------------------------------------------------- the frozen text

def _marker(kind: str, data: dict) -> str:
    return f"<!-- ks:{kind} {json.dumps(data, ensure_ascii=False, sort_keys=True)} -->"


def _date(value: PartialDate | None) -> str | None:
    return value.iso if value else None


class _Dumper(yaml.SafeDumper):
    """Multi-line texts (the colophon) as literal blocks: readable as written."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def freeze(assembled: Assembled) -> str:
    """The frozen source of an assembled report (with its meta already set to the edition)."""
    meta = assembled.meta
    head = {"rapport": meta.id, "editie": meta.edition, "vastgesteld": _date(meta.adopted),
            "peildatum": _date(meta.peildatum), "title": meta.title, "subtitle": meta.subtitle,
            "series": meta.series, "date": meta.date.iso, "publisher": meta.publisher, "author": meta.author,
            "language": meta.language, "keywords": list(meta.keywords), "colophon": meta.colophon,
            "wijzigingen": list(meta.changes)}
    out = ["---", yaml.dump(head, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100).strip(), "---", "",
           "<!-- Vastgestelde editie: niet met de hand aanpassen. Een nieuwe editie maak je met",
           f"     python -m kennisschakels rapport vaststellen {meta.id} -->", ""]
    for page in assembled.pages:
        out += [_marker("pagina", {"uri": page.uri, "titel": page.title, "soort": page.kind,
                                   "beschrijving": page.description, "links": list(page.links)}), ""]
        if page.own:
            out += [page.own.strip("\n"), ""]
    for chapter in assembled.chapters:
        out += [_marker("hoofdstuk", {"soort": chapter.kind, "nummer": chapter.number, "titel": chapter.title,
                                      "pagina": chapter.page, "beschrijving": chapter.description,
                                      "concept": chapter.draft}), ""]
        for part in chapter.parts:
            out += [_marker("deel", {"herkomst": part.origin, "titel": part.title, "niveau": part.level,
                                     "bron": part.source, "brontitel": part.source_title,
                                     "gegenereerd": part.generated, "concept": part.draft,
                                     "links": list(part.links)}), ""]
            if part.markdown.strip():
                out += [part.markdown.strip("\n"), ""]
    return "\n".join(out)


def thaw(text: str) -> Assembled:
    """An assembled report read back from its frozen source."""
    _, head, body = text.split("---\n", 2)
    data = {k: (str(v) if isinstance(v, (int, float)) and k == "editie" else v)
            for k, v in (yaml.safe_load(head) or {}).items()}
    meta = Meta(id=data["rapport"], title=data["title"], subtitle=data["subtitle"] or "",
                series=data["series"] or "", date=PartialDate.parse(data["date"]), publisher=data["publisher"],
                author=data["author"], language=data["language"], keywords=tuple(data["keywords"] or ()),
                colophon=data["colophon"] or "", status="vastgesteld", edition=str(data["editie"]),
                adopted=PartialDate.parse(data["vastgesteld"] or ""),
                peildatum=PartialDate.parse(data["peildatum"] or ""), changes=tuple(data["wijzigingen"] or ()))
    pages, chapters = [], []
    matches = list(_MARKER.finditer(body))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        text_after = body[match.end():end].strip("\n")
        info = json.loads(match[2])
        if match[1] == "pagina":
            own = "" if text_after.startswith("<!--") and text_after.endswith("-->") else text_after
            pages.append(WebPage(info["uri"], info["titel"], info["soort"], own, info.get("beschrijving", ""),
                                 tuple(info.get("links", ()))))
        elif match[1] == "hoofdstuk":
            chapters.append(Chapter(info["soort"], info["nummer"], info["titel"], info["pagina"],
                                    info.get("beschrijving", ""), draft=info.get("concept", False)))
        else:
            chapters[-1].parts.append(Part(text_after, info["herkomst"], info["titel"], info["niveau"], info["bron"],
                                           info["brontitel"], info["gegenereerd"], info["concept"],
                                           tuple(info["links"])))
    return Assembled(meta, pages, chapters)


# ----------------------------------------------------------------------------- editions on disk

@dataclass
class Edition:
    report_id: str
    number: str
    folder: Path
    manifest: dict = field(default_factory=dict)

    @property
    def source_path(self) -> Path:
        return self.folder / SOURCE

    @property
    def pdf_path(self) -> Path:
        return self.folder / PDF

    @property
    def adopted(self) -> PartialDate | None:
        return PartialDate.parse(str(self.manifest.get("vastgesteld") or ""))

    @property
    def pdf_uri(self) -> str:
        """The edition's own, stable address on the site."""
        return f"rapportages/{self.report_id}-editie-{self.number}.pdf"

    def assembled(self) -> Assembled:
        return thaw(self.source_path.read_text(encoding="utf-8"))

    def pdf(self) -> bytes:
        return self.pdf_path.read_bytes()


def editions(root: Path, report_id: str) -> list[Edition]:
    """Every edition of a report, oldest first."""
    base = root / EDITIONS_DIR / report_id
    found = []
    for folder in base.iterdir() if base.is_dir() else ():
        manifest_path = folder / MANIFEST
        manifest = {}
        if manifest_path.is_file():
            try:
                manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError:
                manifest = {}
        found.append(Edition(report_id, folder.name, folder, manifest if isinstance(manifest, dict) else {}))
    return sorted(found, key=lambda e: edition_key(e.number))


def verify(root: Path, edition: Edition) -> list[Problem]:
    """Problems of one frozen edition: missing files or files that changed after adoption."""
    problems = []
    rel = edition.folder.relative_to(root).as_posix()
    manifest = edition.manifest
    if not manifest:
        return [Problem(f"{rel}/{MANIFEST}", 1, "editie", "ontbreekt of is onleesbaar", ONLY_NEW)]
    for name, key in ((SOURCE, "bron"), (PDF, "pdf")):
        path = edition.folder / name
        if not path.is_file():
            problems.append(Problem(f"{rel}/{name}", 1, "editie", "ontbreekt", ONLY_NEW))
        elif sha256(path.read_bytes()) != manifest.get(key):
            problems.append(Problem(f"{rel}/{name}", 1, "editie",
                                    f"is gewijzigd na het vaststellen van editie {edition.number}",
                                    f"{ONLY_NEW}: python -m kennisschakels rapport vaststellen {edition.report_id}"))
    return problems


def manifest_of(assembled: Assembled, catalogue: Catalogue, definition_path: str, source: bytes, pdf: bytes) -> dict:
    reads = assembled.reads
    files = {e.path for e in reads.entries}
    files.update(e.path for name in reads.types for e in catalogue.of(name))
    files.add(definition_path)
    root = catalogue.root
    meta = assembled.meta
    return {
        "rapport": meta.id, "editie": meta.edition, "vastgesteld": meta.adopted.iso,
        "bron": sha256(source), "pdf": sha256(pdf),
        "soorten": sorted(reads.types),
        "bestanden": {path: sha256((root / path).read_bytes()) for path in sorted(files)},
    }


def write_edition(root: Path, meta: Meta, source: str, pdf: bytes, manifest: dict) -> Path:
    folder = root / EDITIONS_DIR / meta.id / meta.edition
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SOURCE).write_text(source, encoding="utf-8")
    (folder / PDF).write_bytes(pdf)
    (folder / MANIFEST).write_text(
        "# Vastgestelde editie: wat het rapport gebruikte, met de SHA-256 van elk bestand.\n"
        "# Niet met de hand aanpassen; de controle vergelijkt deze waarden.\n"
        + yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- what changed

@dataclass(frozen=True)
class Change:
    path: str            # file in the repository
    kind: str            # nieuw | gewijzigd | verwijderd
    uri: str = ""        # the page on the site ('' when it has gone)
    title: str = ""
    date: str = ""       # ISO date of the last commit (git), else of the content, '' when unknown
    committed: bool = False  # the date is that of the last commit, not the page's own date


def since(edition: Edition, catalogue: Catalogue) -> list[Change]:
    """Knowledge-base pages that changed, were added or went since the edition was adopted."""
    root = catalogue.root
    files = edition.manifest.get("bestanden") or {}
    by_path = {e.path: e for e in catalogue.all()}
    changes = []
    for path, digest in files.items():
        if not path.endswith(".md"):
            continue
        file = root / path
        if not file.is_file():
            changes.append(Change(path, "verwijderd"))
        elif sha256(file.read_bytes()) != digest and path in by_path:
            changes.append(Change(path, "gewijzigd", by_path[path].uri, by_path[path].title))
    for name in edition.manifest.get("soorten") or ():
        if name not in {t.name for t in catalogue.types}:
            continue
        for entry in catalogue.of(name):
            if entry.path not in files:
                changes.append(Change(entry.path, "nieuw", entry.uri, entry.title))
    dates = _last_commits(root, [c.path for c in changes if c.kind != "verwijderd"])
    dated = []
    for change in changes:
        entry = by_path.get(change.path)
        date = dates.get(change.path) or (entry.date.iso if entry is not None and "date" in entry.type.field_map
                                          and entry.date else "")
        dated.append(Change(change.path, change.kind, change.uri, change.title, date, change.path in dates))
    order = {"nieuw": 0, "gewijzigd": 1, "verwijderd": 2}
    dated.sort(key=lambda c: (c.date, c.path), reverse=True)  # newest first within each kind
    return sorted(dated, key=lambda c: order[c.kind])


def _last_commits(root: Path, paths: list[str]) -> dict[str, str]:
    """The date of the last commit of each path, from git in one call; {} outside a git checkout."""
    if not paths or not (root / ".git").exists():
        return {}
    try:
        result = subprocess.run(["git", "log", "--format=@%cs", "--name-only", "--", *paths], cwd=root,
                                capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return {}
    dates, current = {}, ""
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            current = line[1:]
        elif line.strip():
            dates.setdefault(line.strip(), current)
    # A file changed but not committed: no date yet.
    return dates


def differences(old: Assembled, new: Assembled) -> list[str]:
    """What changed in a new edition against the previous one, in Dutch, one line each."""
    lines = []
    for label, before, after in (("titel", old.meta.title, new.meta.title),
                                 ("ondertitel", old.meta.subtitle, new.meta.subtitle),
                                 ("colofon", old.meta.colophon, new.meta.colophon)):
        if before != after:
            lines.append(f"De {label} is aangepast.")

    def sections(assembled: Assembled) -> dict[tuple[str, str], str]:
        found = {}
        for chapter in assembled.chapters:
            for index, part in enumerate(chapter.parts):
                key = (chapter.label, part.title or (part.source_title if index else "") or f"deel {index + 1}")
                found[key] = found.get(key, "") + part.markdown
        return found

    before, after = sections(old), sections(new)
    old_chapters = {c.label for c in old.chapters}
    new_chapters = {c.label for c in new.chapters}
    for label in [c.label for c in new.chapters if c.label not in old_chapters]:
        lines.append(f"Nieuw: {label}.")
    for label in [c.label for c in old.chapters if c.label not in new_chapters]:
        lines.append(f"Vervallen: {label}.")
    for key, text in after.items():
        if key[0] in old_chapters and key in before and before[key] != text:
            lines.append(f"Gewijzigd: {key[0]}, {key[1]}." if key[1] != "deel 1" else f"Gewijzigd: {key[0]}.")
        elif key[0] in old_chapters and key not in before:
            lines.append(f"Nieuw deel: {key[0]}, {key[1]}.")
    for key in before:
        if key[0] in new_chapters and key not in after:
            lines.append(f"Vervallen deel: {key[0]}, {key[1]}.")
    return lines


def check_editions(catalogue: Catalogue, reports: list) -> list[Problem]:
    """Every edition unchanged since adoption; an adopted report's definition names its newest edition,
    and the pages of that edition still exist (the site serves the edition at their addresses)."""
    root, problems = catalogue.root, []
    known = {r.id for r in reports}
    base = root / EDITIONS_DIR
    for folder in sorted(base.iterdir()) if base.is_dir() else ():
        if folder.name not in known:
            problems.append(Problem(folder.relative_to(root).as_posix(), 1, "editie",
                                    f"hoort bij een rapport zonder definitie (docs/rapportages/{folder.name}.yml)",
                                    "zet de definitie terug; vastgestelde edities blijven bestaan"))
    for report in reports:
        found = editions(root, report.id)
        for edition in found:
            problems += verify(root, edition)
        if report.status != "vastgesteld":
            continue
        line = report.lines.get("editie", 1)
        numbers = [e.number for e in found]
        if report.edition not in numbers:
            problems.append(Problem(report.path, line, "editie", f"editie {report.edition} is niet vastgesteld "
                                    f"(geen {EDITIONS_DIR}/{report.id}/{report.edition}/)",
                                    f"stel haar vast met: python -m kennisschakels rapport vaststellen {report.id}"))
            continue
        if numbers[-1] != report.edition:
            problems.append(Problem(report.path, line, "editie", f"de nieuwste editie is {numbers[-1]}, niet "
                                    f"{report.edition}", f"zet 'editie: \"{numbers[-1]}\"'"))
        edition = found[numbers.index(report.edition)]
        if edition.source_path.is_file() and not verify(root, edition):
            for page in edition.assembled().pages:
                if catalogue.by_uri(page.uri) is None:
                    problems.append(Problem(report.path, line, "editie",
                                            f"de pagina '{page.uri}' van editie {report.edition} bestaat niet meer",
                                            "zet haar terug: de site toont de editie op de adressen van haar pagina's"))
    return problems
