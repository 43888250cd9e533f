"""A synthetic, valid corpus of any size, in a scratch copy of the repository.

The copy holds what a build needs (mkdocs.yml, hooks/, overrides/, kennisschakels/, the
stylesheets and scripts in docs/), the site's real overview pages (pages that set
``overview:``) and its report definitions (``docs/rapportages/*.yml``) with every page they
name, so the reports are built as a user's build builds them. Every other content file is
generated from the declarations (``kennisschakels.model.declarations.TYPES``): each declared
type gets files at its ``path``, with its ``fields`` filled in by kind and references to other
generated files. A newly declared type therefore appears without editing this module.

What the declarations do not say, a grown network does: ``PROFILES`` gives known types their
share (many updates and practices, a steady share of essays, sessions, lessons and people,
slowly growing numbers of regions, themes, organisations, terms and documents), their names
(Dutch people, real regions and themes) and their text length; ``FIELDS`` how often optional
keys are filled in and how many references they hold. Unknown types and keys get defaults.

One seeded ``random.Random`` drives everything, in a fixed order: the same size, seed and
declarations give byte-identical files.
"""

from __future__ import annotations

import datetime
import json
import math
import posixpath
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from benchmarks import text
from kennisschakels.frontmatter import parse
from kennisschakels.model.declarations import TYPES
from kennisschakels.model.entry import Entry
from kennisschakels.model.kinds import (BoolKind, ChoiceKind, DateKind, IntKind, MonitoringKind, RefsKind,
                                        SourcesKind, TextKind, TextsKind)
from kennisschakels.model.types import ContentType, Registry
from kennisschakels.validation import validate_fields

DEFAULT_SEED = 2022
MARKER = ".bench-corpus"  # marks a directory this module may wipe and rewrite
BUILD_FILES = ("mkdocs.yml", "hooks", "overrides", "kennisschakels")
REPORTS_DIR = "docs/rapportages"
MIN_PAGES = 80

REGIONS = (  # (id, name, province)
    ("achterhoek", "Achterhoek", "Gelderland"), ("alblasserwaard", "Alblasserwaard", "Zuid-Holland"),
    ("amstelland", "Amstelland", "Noord-Holland"), ("betuwe", "Betuwe", "Gelderland"),
    ("de-liemers", "De Liemers", "Gelderland"), ("de-peel", "De Peel", "Noord-Brabant"),
    ("drechtsteden", "Drechtsteden", "Zuid-Holland"), ("drenthe", "Drenthe", "Drenthe"),
    ("flevoland", "Flevoland", "Flevoland"), ("fryslan", "Fryslân", "Fryslân"),
    ("gooi-en-vechtstreek", "Gooi en Vechtstreek", "Noord-Holland"), ("groene-hart", "Groene Hart", "Zuid-Holland"),
    ("groningen", "Groningen", "Groningen"), ("hart-van-brabant", "Hart van Brabant", "Noord-Brabant"),
    ("hoeksche-waard", "Hoeksche Waard", "Zuid-Holland"), ("kennemerland", "Kennemerland", "Noord-Holland"),
    ("kop-van-noord-holland", "Kop van Noord-Holland", "Noord-Holland"),
    ("krimpenerwaard", "Krimpenerwaard", "Zuid-Holland"), ("midden-holland", "Midden-Holland", "Zuid-Holland"),
    ("noord-limburg", "Noord-Limburg", "Limburg"), ("noord-veluwe", "Noord-Veluwe", "Gelderland"),
    ("noordoost-brabant", "Noordoost-Brabant", "Noord-Brabant"), ("parkstad", "Parkstad", "Limburg"),
    ("rijk-van-nijmegen", "Rijk van Nijmegen", "Gelderland"), ("rivierenland", "Rivierenland", "Gelderland"),
    ("salland", "Salland", "Overijssel"), ("twente", "Twente", "Overijssel"),
    ("utrecht-west", "Utrecht-West", "Utrecht"), ("vallei", "Gelderse Vallei", "Gelderland"),
    ("vechtdal", "Vechtdal", "Overijssel"), ("walcheren", "Walcheren", "Zeeland"),
    ("west-brabant", "West-Brabant", "Noord-Brabant"), ("westfriesland", "West-Friesland", "Noord-Holland"),
    ("westland", "Westland", "Zuid-Holland"), ("zaanstreek", "Zaanstreek", "Noord-Holland"),
    ("zeeuws-vlaanderen", "Zeeuws-Vlaanderen", "Zeeland"), ("zuid-limburg", "Zuid-Limburg", "Limburg"),
    ("zuidoost-drenthe", "Zuidoost-Drenthe", "Drenthe"), ("foodvalley", "Foodvalley", "Gelderland"),
    ("stedendriehoek", "Stedendriehoek", "Gelderland"),
)
THEMES = (
    "bestuur-en-verankering", "organisatie-en-rol", "informatie-en-communicatiekanalen", "schaalniveau",
    "inhoudelijke-focus", "data-en-kennisbronnen", "samenwerking-regionaal", "samenwerking-nationaal",
    "bodemenergie", "klimaatadaptatie", "bodemdaling", "grondwaterkwaliteit", "ondergrondse-infrastructuur",
    "archeologie-en-aardkunde", "bodem-en-landbouw", "circulair-grondverzet", "nieuwe-stoffen",
    "droogte-en-verzilting", "bodem-in-de-omgevingsvisie", "bodemonderwijs", "veenweidegebieden",
    "stedelijke-ondergrond", "drinkwaterbronnen", "geothermie", "monitoring-en-meetnetten", "participatie",
    "financiering", "vakmanschap", "jonge-professionals", "europese-bodemstrategie",
)
FIRST_NAMES = """Anna Bram Carla Daan Eva Fleur Gijs Hanneke Ilse Jan Joost Karin Lars Lieke Marco Maaike
Niels Noor Olaf Petra Quinten Rianne Sander Sanne Tom Tessa Ursula Vincent Wouter Yvonne Zoë Bart
Diana Evelien Geert Hugo Iris Jeroen Kees Linda Marieke Michiel Nina Pascal Roel Suzanne Thijs Willem""".split()
SURNAMES = ("de Vries", "Jansen", "de Jong", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
            "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
            "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
            "Vermeulen", "van den Berg", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet",
            "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "Prins", "Blom", "Huisman",
            "Peeters", "de Bruijn", "Scheffer", "Geldof", "Homan", "Onland", "Roovers", "Lamberigts")
ROLES = ("Hoogleraar bodemkunde", "Programmamanager", "Beleidsadviseur bodem", "Kennismakelaar",
         "Gedeputeerde", "Wethouder", "Adviseur ondergrond", "Projectleider", "Onderzoeker", "Directeur")
ORGANISATIONS = ("VNG", "Deltares", "TNO", "RIVM", "Wageningen University & Research", "Omgevingsdienst",
                 "Waterschap", "Provincie", "Gemeente", "Adviesbureau", "Kennisplatform", "Hogeschool")
NAMED_ORGANISATIONS = (  # (name, abbreviation)
    ("Vereniging van Nederlandse Gemeenten", "VNG"), ("Interprovinciaal Overleg", "IPO"),
    ("Unie van Waterschappen", "UvW"), ("Ministerie van Infrastructuur en Waterstaat", "IenW"),
    ("Rijksinstituut voor Volksgezondheid en Milieu", "RIVM"), ("Deltares", ""), ("TNO", ""),
    ("Wageningen University & Research", "WUR"), ("Rijksdienst voor Ondernemend Nederland", "RVO"),
    ("Nationaal Kennisprogramma Bodem en Ondergrond", "NKBO"),
)
TERMS = (  # (term, expansion)
    ("BRO", "Basisregistratie Ondergrond"), ("WKO", "warmte-koudeopslag"), ("DSO", "Digitaal Stelsel Omgevingswet"),
    ("RSP", "Regionale Samenwerkingsprogramma"), ("DOB", "Directeurenoverleg Bodem"), ("PFAS", "poly- en perfluoralkylstoffen"),
    ("Kennisschakel", ""), ("Omgevingsvisie", ""), ("Bodemfunctieklasse", ""), ("Veenweide", ""),
)
PLACES = ("Utrecht", "Soesterberg", "Zwolle", "Arnhem", "Assen", "Leeuwarden", "Lelystad", "Enschede",
          "Den Bosch", "Haarlem", "Middelburg", "Maastricht", "Groningen", "Nijmegen", "Amersfoort")
TAGS = ("bodemenergie", "warmteplannen", "omgevingsvisie", "veldbezoek", "kenniscafe", "jongeren",
        "bestuurders", "data", "grondwater", "landbouw", "woningbouw", "klimaatadaptatie", "onderwijs")
FIRST_DAY = datetime.date(2021, 1, 1)
DAYS = 10 * 365
_PLAIN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?\s*\)")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Profile:
    """How a type looks in a grown network (what the declarations do not say)."""

    weight: int = 0                  # share of the files left after the slowly growing types
    base: int = 0                    # slowly growing types: base + pages // per files, at most cap
    per: int = 0
    cap: int = 0
    words: tuple[int, int] = (150, 400)
    names: str = "title"             # how titles (and so ids) are made: see _Generator._title
    title_words: tuple[int, int] = (2, 6)
    title_prefix: str = ""


PROFILES = {
    "region": Profile(base=8, per=100, cap=len(REGIONS), words=(300, 550), names="region"),
    "theme": Profile(base=8, per=500, cap=len(THEMES), words=(250, 500), names="theme"),
    "organisation": Profile(base=8, per=100, cap=120, words=(60, 200), names="organisation"),
    "term": Profile(base=6, per=200, cap=60, words=(40, 120), names="term"),
    "document": Profile(base=4, per=250, cap=40, words=(200, 500), title_words=(3, 7)),
    "update": Profile(weight=36, words=(100, 300)),
    "practice": Profile(weight=14, words=(150, 300), title_words=(2, 5)),
    "session": Profile(weight=11, words=(150, 320), names="session"),
    "essay": Profile(weight=10, words=(400, 900), title_words=(3, 7)),
    "person": Profile(weight=11, words=(120, 300), names="person"),
    "lesson": Profile(weight=7, words=(150, 400), title_words=(3, 6), title_prefix="Les: "),
    "page": Profile(weight=11, words=(250, 800)),
}
NEW_TYPE = Profile(weight=4)  # a type declared after this module was written

# (type, key) -> chance that an optional key is filled in; '*' matches any type.
ODDS = {
    ("*", "sources"): 0.3, ("*", "source_notes"): 0.1, ("*", "organisations"): 0.25, ("*", "aliases"): 0.1,
    ("*", "tags"): 0.7, ("*", "themes"): 0.75, ("*", "regions"): 0.6, ("*", "date"): 0.8,
    ("person", "role"): 0.8, ("person", "organisation"): 0.7, ("essay", "updated"): 0.15,
    ("essay", "sessions"): 0.3, ("essay", "draft"): 0.08, ("essay", "authors"): 1.0, ("essay", "date"): 1.0, ("session", "end_date"): 0.1,
    ("session", "latest"): 0.05, ("session", "location"): 1.0, ("session", "status"): 0.9,
    ("session", "hosts"): 0.7, ("practice", "date"): 0.5, ("region", "monitoring"): 0.4,
    ("region", "network"): 1.0, ("region", "partners"): 0.9, ("region", "municipalities"): 1.0,
    ("region", "questions"): 1.0, ("region", "themes"): 1.0, ("theme", "experts"): 0.7,
    ("term", "expansion"): 0.0,  # the term's own name decides (see _Generator._title)
    ("organisation", "abbreviation"): 0.0, ("lesson", "number"): 1.0, ("page", "order"): 0.3,
    ("document", "order"): 0.5, ("document", "publisher"): 0.9,
}
DEFAULT_ODDS = 0.5
# (type, key) -> how many references a filled-in reference key holds.
REF_COUNTS = {
    ("session", "themes"): (1, 2), ("session", "regions"): (1, 3), ("session", "hosts"): (1, 2),
    ("essay", "authors"): (1, 2), ("essay", "themes"): (1, 3), ("essay", "regions"): (1, 2),
    ("essay", "sessions"): (1, 1), ("region", "themes"): (1, 4), ("theme", "experts"): (1, 2),
    ("*", "organisations"): (1, 3),
}
DEFAULT_REF_COUNT = (1, 2)
NEVER = {"overview", "maintainers"}  # keys with consequences beyond the page: set on purpose only


@dataclass(eq=False)
class Item:
    """One generated content file: where it goes, its id, title and front-matter."""

    type: ContentType
    id: str
    path: str                      # relative to the corpus root
    title: str
    number: int                    # position among the files of its type
    date: datetime.date | None = None
    owner: "Item | None" = None
    preset: dict = field(default_factory=dict)   # values the title or file name already decided
    meta: dict = field(default_factory=dict)


def profile(type_: ContentType) -> Profile:
    return PROFILES.get(type_.name, NEW_TYPE)


def owner_types(type_: ContentType, types: Registry) -> list[str]:
    """Types whose ids appear in this type's path (``regions/{region}/updates/...``: region)."""
    return [name for name in _PLACEHOLDER.findall(type_.path.text) if name in types]


def plan(pages: int, fixed: int, types: Registry = TYPES) -> dict[str, int]:
    """How many files of each type make ``pages`` files in all, ``fixed`` of them copied or written
    as index pages."""
    counts: dict[str, int] = {}
    for type_ in types:
        p = profile(type_)
        if p.per:
            counts[type_.name] = min(p.cap or 10**9, p.base + pages // p.per)
    rest = pages - fixed - sum(counts.values())
    weighted = [t for t in types if t.name not in counts]
    if pages < MIN_PAGES or rest < 2 * len(weighted) + 8:  # fewer leaves some types without a file
        raise ValueError(f"te weinig pagina's voor alle inhoudstypen: minstens "
                         f"{max(MIN_PAGES, pages - rest + 2 * len(weighted) + 8)}")
    total = sum(profile(t).weight for t in weighted)
    for type_ in weighted:
        counts[type_.name] = max(1, rest * profile(type_).weight // total)
    largest = max(weighted, key=lambda t: profile(t).weight).name
    counts[largest] += pages - fixed - sum(counts.values())
    return {t.name: counts[t.name] for t in types}


def generate(out: Path, pages: int, seed: int = DEFAULT_SEED, source: Path | None = None,
             types: Registry = TYPES, live_reports: bool = False) -> dict[str, int]:
    """Write a corpus of ``pages`` Markdown files to ``out``; returns the count per type.

    ``live_reports``: the reports as concepts (live queries over the whole corpus, as before issue 13)
    instead of as the site has them (adopted editions, built from their frozen source)."""
    source, out = Path(source or Path.cwd()).resolve(), Path(out)
    if not (source / "mkdocs.yml").is_file():
        raise ValueError(f"{source} is geen kopie van de repository (mkdocs.yml ontbreekt)")
    _prepare(out)
    copied = _copy_build_files(source, out, live_reports)
    generator = _Generator(random.Random(seed), types, copied)
    indexes = generator.index_folders()
    home = "docs/index.md" not in copied.pages
    counts = plan(pages, len(copied.pages) + len(indexes) + home, types)
    items = generator.items(counts)
    written = {item.path for item in items} | set(copied.pages) | {f"{f}/index.md" for f in indexes}
    for item in items:
        _write(out / item.path, _document(item.meta, generator.body(item)))
    for folder in indexes:
        _write(out / folder / "index.md", generator.index_page(folder))
    if home:
        _write(out / "docs/index.md", generator.home(written))
    uris = {_uri(path) for path in written | {"docs/index.md"}}
    for path, content in copied.pages.items():
        _write(out / path, _unlink_missing(content, _uri(path), uris, out))
    for path, definition in copied.reports.items():
        _write(out / path, _report_definition(definition, generator))
    (out / MARKER).write_text(f"pages={pages} seed={seed}\n", encoding="utf-8")
    return {"copied": len(copied.pages), "index": len(indexes) + home} | counts


def _prepare(out: Path) -> None:
    if out.exists():
        if (out / MARKER).exists():
            shutil.rmtree(out)
        elif any(out.iterdir()):
            raise ValueError(f"{out} bestaat al en is geen benchmark-corpus; kies een lege map")
    out.mkdir(parents=True, exist_ok=True)


@dataclass
class _Copied:
    pages: dict[str, str] = field(default_factory=dict)    # path -> text (links fixed when written)
    reports: dict[str, dict] = field(default_factory=dict)  # path -> parsed definition


def _copy_build_files(source: Path, out: Path, live_reports: bool = False) -> _Copied:
    """Copy what a build needs; returns the real pages the corpus keeps: overview pages and the
    pages the report definitions name (with their definitions)."""
    for name in BUILD_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, out / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif (source / name).exists():
            shutil.copy2(source / name, out / name)
    copied = _Copied()
    wanted: list[str] = []
    for root in ("docs", "essays", "regions"):
        for path in sorted((source / root).rglob("*")):
            rel = path.relative_to(source).as_posix()
            if not path.is_file() or "__pycache__" in rel:
                continue
            if rel.startswith(f"{REPORTS_DIR}/."):  # adopted editions (frozen source, manifest, PDF): as they are
                if not live_reports:
                    _copy(path, out / rel)
            elif path.suffix != ".md":
                if path.parent == source / REPORTS_DIR and path.suffix == ".yml":
                    copied.reports[rel] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                    if live_reports:  # a concept: follows the corpus, no edition
                        for key in ("status", "editie", "vastgesteld"):
                            copied.reports[rel].pop(key, None)
                elif root == "docs":  # stylesheets, scripts and files the theme settings point at
                    _copy(path, out / rel)
            elif re.search(r"^overview:\s*\S", _front_matter(path), re.M):
                wanted.append(rel)
    for definition in copied.reports.values():
        wanted += [_source_path(uri) for uri in _report_pages(definition)]
    for rel in wanted:
        if rel not in copied.pages and (source / rel).is_file():
            copied.pages[rel] = _page_only((source / rel).read_text(encoding="utf-8"))
    return copied


def _report_pages(definition: dict) -> list[str]:
    """Every page uri a report definition names: landing, chapters, included pages, appendices."""
    uris = [definition.get("page")]
    for chapter in definition.get("chapters") or []:
        uris.append(chapter.get("page"))
        uris += [s.get("include") for s in chapter.get("sections") or [] if isinstance(s, dict)]
    uris.append((definition.get("appendices") or {}).get("page"))
    return [u for u in uris if isinstance(u, str)]


def _report_definition(definition: dict, generator: "_Generator") -> str:
    """The definition with the essays it puts first replaced by generated essays (the real ones are
    not in the corpus)."""
    definition = json.loads(json.dumps(definition, default=str))
    appendices = definition.get("appendices") or {}
    if appendices.get("order"):
        essays = [i.id for i in generator.by_type.get("essay", []) if not i.meta.get("draft")]
        appendices["order"] = essays[:len(appendices["order"])]
    return ("# Kopie voor de benchmark: de essays vooraan zijn gegenereerde essays.\n"
            + yaml.safe_dump(definition, allow_unicode=True, sort_keys=False, width=100))


def _source_path(uri: str) -> str:
    return uri if uri.split("/", 1)[0] in ("essays", "regions") else f"docs/{uri}"


def _uri(path: str) -> str:
    return path[len("docs/"):] if path.startswith("docs/") else path


def _front_matter(path: Path) -> str:
    parts = path.read_text(encoding="utf-8").split("\n---", 1)
    return parts[0] if parts[0].startswith("---") else ""


def _page_only(content: str) -> str:
    """A real page as a plain page of the corpus: only the keys of the page type that name nothing
    else (no sources or organisations, which point at real files)."""
    lines = content.split("\n")
    if not lines or lines[0] != "---" or "---" not in lines[1:]:
        return content
    end = lines.index("---", 1)
    meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    page = TYPES["page"]
    keep = {s.name for s in page.fields if not isinstance(s.kind, (RefsKind, SourcesKind))}
    meta = {k: v for k, v in meta.items() if k in keep}
    return _document(meta, "\n".join(lines[end + 1:]).lstrip("\n"))


def _unlink_missing(content: str, origin: str, uris: set[str], out: Path) -> str:
    """Links of a copied page to pages the corpus does not have become their plain text."""

    def fix(match: re.Match) -> str:
        bang, label, target = match.groups()
        path = target.split("#", 1)[0]
        if bang or not path or _EXTERNAL.match(target):
            return match[0]
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(origin), path))
        if uri in uris or (not path.endswith(".md") and (out / _source_path(uri)).exists()):
            return match[0]
        return label

    return _LINK.sub(fix, content)


def _copy(path: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="\n")


def _document(meta: dict, body: str) -> str:
    return "---\n" + "".join(_yaml(meta, 0)) + "---\n\n" + body


def _yaml(mapping: dict, indent: int) -> list[str]:
    """Block-style YAML lines for a mapping of scalars, lists of scalars and lists of mappings."""
    pad, lines = " " * indent, []
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines += [f"{pad}{key}:\n", *_yaml(value, indent + 2)]
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{key}:\n")
            for item in value:
                if isinstance(item, dict):
                    nested = _yaml(item, indent + 4)
                    lines += [f"{pad}  - {nested[0].lstrip()}", *nested[1:]]
                else:
                    lines.append(f"{pad}  - {_scalar(item)}\n")
        else:
            lines.append(f"{pad}{key}: {'[]' if value == [] else _scalar(value)}\n")
    return lines


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()  # unquoted, as contributors write dates
    if _PLAIN.match(value) and value not in _YAML_WORDS and not value.isdigit():
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _slug(words: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", words.lower().replace("â", "a").replace("ë", "e"))
    return cleaned.strip("-")


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _odds(type_: ContentType, key: str) -> float:
    return ODDS.get((type_.name, key), ODDS.get(("*", key), DEFAULT_ODDS))


class _Generator:
    def __init__(self, rng: random.Random, types: Registry, copied: _Copied):
        self.rng = rng
        self.types = types
        self.copied = copied
        self.by_type: dict[str, list[Item]] = {t.name: [] for t in types}
        self.taken: dict[str, set[str]] = {}  # ids in use, per type (and owner)

    # -- choosing --------------------------------------------------------------------------

    def skewed(self, pool: list[Item]) -> Item:
        """Some people, regions and themes are referred to far more often than others."""
        return pool[int(len(pool) * self.rng.random() ** 1.6)]

    def some(self, pool: list[Item], low: int, high: int) -> list[str]:
        wanted = min(len(pool), self.rng.randint(low, high))
        chosen: list[Item] = []
        while len(chosen) < wanted:
            item = self.skewed(pool)
            if item not in chosen:
                chosen.append(item)
        return [item.id for item in chosen]

    def date(self) -> datetime.date:
        return FIRST_DAY + datetime.timedelta(days=self.rng.randrange(DAYS))

    def description(self) -> str:
        return " ".join(text.sentence(self.rng) for _ in range(self.rng.randint(1, 2)))

    def _taken(self, scope: str) -> set[str]:
        return self.taken.setdefault(scope, set())

    # -- which files -------------------------------------------------------------------------

    def index_folders(self) -> list[str]:
        """Typed folders in docs/ without a copied index page: the corpus writes one."""
        folders = []
        for type_ in self.types:
            folder = type_.path.folder
            if folder.startswith("docs/") and "{" not in folder and f"{folder}/index.md" not in self.copied.pages:
                folders.append(folder)
        return folders

    def items(self, counts: dict[str, int]) -> list[Item]:
        """Every generated file with its front-matter, in a fixed order: ids and titles of every type
        first (references may point at any of them), then the front-matter."""
        typed = [t for t in self.types if t.name != "page"]
        ordered = sorted(typed, key=lambda t: len(owner_types(t, self.types)))  # owners first
        for type_ in ordered:
            for number in range(counts[type_.name]):
                self.by_type[type_.name].append(self._item(type_, number))
        if "page" in self.types:
            self._pages(self.types["page"], counts["page"])
        for type_ in [*ordered, *(t for t in self.types if t.name == "page")]:
            for item in self.by_type[type_.name]:
                self._fill(item)
        return [item for t in self.types for item in self.by_type[t.name]]

    def _title(self, type_: ContentType, number: int, preset: dict) -> str:
        p = profile(type_)
        if p.names == "region":
            region_id, name, province = REGIONS[number % len(REGIONS)]
            preset.update(id=region_id, provinces=[province])
            return name
        if p.names == "theme":
            return THEMES[number % len(THEMES)].replace("-", " ").capitalize()
        if p.names == "person":
            return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
        if p.names == "organisation":
            if number < len(NAMED_ORGANISATIONS):
                name, abbreviation = NAMED_ORGANISATIONS[number]
            else:
                kind, place = self.rng.choice(ORGANISATIONS[5:]), self.rng.choice(PLACES)
                name, abbreviation = f"{kind} {place}", ""
                if self.rng.random() < 0.3:
                    abbreviation = (kind[:2] + "".join(w[0] for w in place.split())).upper()
            if abbreviation:
                preset["abbreviation"] = abbreviation
            return name
        if p.names == "term":
            if number < len(TERMS):
                term, expansion = TERMS[number]
            else:
                words = [w for w in text.words(self.rng, 2, 4) if len(w) > 3] or ["kennis", "bodem"]
                expansion = " ".join(words)
                term = "".join(w[0] for w in words).upper() + str(number)
            if expansion:
                preset["expansion"] = expansion[0].upper() + expansion[1:]
            return term
        if p.names == "session" and "kind" in type_.field_map and isinstance(type_.field_map["kind"].kind, ChoiceKind):
            kinds = type_.field_map["kind"].kind.choices
            kind = self.rng.choice(list(kinds))
            preset["kind"] = kind
            return f"{kinds[kind].capitalize()} over {self.rng.choice(text.TOPICS).replace('-', ' ')}"
        title = text.title(self.rng, *p.title_words)
        return p.title_prefix + title.lower() if p.title_prefix else title

    def _item(self, type_: ContentType, number: int) -> Item:
        preset: dict = {}
        title = self._title(type_, number, preset)
        values: dict[str, str] = {}
        owner = None
        for name in owner_types(type_, self.types):
            owner = self.skewed(self.by_type[name])
            values[name] = owner.id
        scope = "/".join([type_.name, *values.values()])
        day = None
        if type_.path.dated:
            day = self.date()
            topic = preset.get("kind") or self.rng.choice(text.TOPICS)
            if preset.get("kind"):
                topic = f"{topic}-{self.rng.choice(text.TOPICS)}"
            stem = _unique(f"{day.isoformat()}-{topic}", self._taken(scope))
            values.update(date=day.isoformat(), name=stem[len("2021-01-01-"):])
        else:
            stem = _unique(preset.pop("id", None) or _slug(title)[:50].strip("-") or type_.name, self._taken(scope))
            values.update(id=stem, name=stem)
        if "{path}" in type_.path.text:
            values["path"] = stem
        path = type_.path.format(**values)
        entry_id = f"{owner.id}/{stem}" if owner is not None else stem
        return Item(type_, entry_id, path, title, number, day, owner, preset)

    def _pages(self, type_: ContentType, count: int) -> None:
        """Plain pages in at most six top-level folders, split into subfolders of about twenty
        pages when they grow; every folder has an index page."""
        tops = min(6, max(1, math.ceil(count / 20)))
        per_top = (count - tops) / tops
        subs = math.ceil(per_top / 21) if per_top > 25 else 0
        reserved = {p.split("/")[1] for p in self.copied.pages if p.startswith("docs/") and p.count("/") > 1}
        reserved |= {t.path.folder.split("/")[1] for t in self.types if t.path.folder.startswith("docs/")
                     and "{" not in t.path.folder.split("/")[1]}
        reserved |= {"essays", "regions", "assets", "index"}
        leaves: list[str] = []
        for position in range(tops):
            top = _unique(text.TOPICS[position % len(text.TOPICS)], reserved)
            self._index(type_, top, 10 + position)
            taken: set[str] = set()
            for number in range(subs):
                sub = f"{top}/{_unique(text.TOPICS[(position * 7 + number + 1) % len(text.TOPICS)], taken)}"
                self._index(type_, sub, number + 1)
                leaves.append(sub)
            if not subs:
                leaves.append(top)
        taken_names: dict[str, set[str]] = {}
        for number in range(count - tops - tops * subs):
            folder = leaves[number % len(leaves)]
            title = text.title(self.rng, 2, 6)
            name = _unique(_slug(title)[:50].strip("-"), taken_names.setdefault(folder, {"index"}))
            self.by_type["page"].append(Item(type_, f"{folder}/{name}", f"docs/{folder}/{name}.md", title, number))

    def _index(self, type_: ContentType, folder: str, order: int) -> None:
        title = folder.rsplit("/", 1)[-1].replace("-", " ").capitalize()
        item = Item(type_, f"{folder}/index", f"docs/{folder}/index.md", title, order, preset={"order": order})
        self.by_type["page"].append(item)

    # -- front-matter ------------------------------------------------------------------------

    def _fill(self, item: Item) -> None:
        """Every required key, and optional keys at their odds, from the key's kind; then the
        type's own rules (required when, not before) decide what must be added or left out."""
        type_ = item.type
        meta: dict = {}
        for spec in type_.fields:
            if spec.name in NEVER:
                continue
            if spec.name in item.preset:
                meta[spec.name] = item.preset[spec.name]
                continue
            if not spec.required and self.rng.random() >= _odds(type_, spec.name):
                continue
            value = self._value(item, spec, meta)
            if value is not None and value != []:
                meta[spec.name] = value
        self._tweak(item, meta)
        item.meta = self._valid(item, meta)

    def _tweak(self, item: Item, meta: dict) -> None:
        """What a real network does beyond the declarations: interested regions have only the basics,
        draft essays have no authors yet."""
        if item.type.name == "region" and meta.get("status") == "interested":
            for key in ("questions", "network", "partners", "themes", "municipalities", "monitoring"):
                meta.pop(key, None)
        if meta.get("draft"):
            meta.pop("authors", None)

    def _valid(self, item: Item, meta: dict) -> dict:
        """The front-matter after the type's rules: a missing key they require is added, a key they
        reject is left out. Raises when that does not make the file valid (a bug here)."""
        for _ in range(4):
            problems = self._problems(item, meta)
            if not problems:
                return meta
            for key in sorted({p.key for p in problems}):
                if key in meta and not item.type.field_map[key].required:
                    del meta[key]
                elif key in item.type.field_map:
                    meta[key] = self._value(item, item.type.field_map[key], meta, forced=True)
        raise ValueError(f"{item.path}: geen geldige gegevens te maken: {problems}")

    def _problems(self, item: Item, meta: dict) -> list:
        source, syntax = parse(item.path, _document(meta, ""))
        defaults = {"date": item.date.isoformat()} if item.date and "date" in item.type.field_map else {}
        data, problems = validate_fields(item.type, source, defaults)
        if syntax or data is None:
            return syntax + problems
        entry = Entry(item.type, item.id, source, data, item.owner.id if item.owner else "")
        return [p for rule in item.type.rules for p in rule(entry)]

    def _value(self, item: Item, spec, meta: dict, forced: bool = False):
        rng, kind, name, type_ = self.rng, spec.kind, spec.name, item.type
        if isinstance(kind, TextKind):
            if name == "title":
                return item.title
            if name == "description":
                return self.description()
            choices = {"role": ROLES, "organisation": ORGANISATIONS, "publisher": ORGANISATIONS, "location": PLACES}
            if name in choices:
                return rng.choice(choices[name])
            if name == "network":
                return f"Bodemnetwerk {item.title}"
            return text.title(rng, 2, 5)
        if isinstance(kind, TextsKind):
            low = max(1, spec.min_items)
            if name == "questions":
                return [text.sentence(rng).rstrip(".") + "?" for _ in range(rng.randint(low, 4))]
            if name == "partners":
                return [f"{rng.choice(ORGANISATIONS)} {rng.choice(PLACES)}" for _ in range(rng.randint(low, 6))]
            if name == "tags":
                return rng.sample(TAGS, rng.randint(low, 3))
            if name == "aliases":
                return [item.title.lower()]
            if name == "source_notes":
                return [text.sentence(rng)]
            if name == "provinces":
                return [rng.choice(REGIONS)[2]]
            return [text.title(rng, 2, 5) for _ in range(rng.randint(low, 3))]
        if isinstance(kind, IntKind):
            if name in type_.unique or name == "number":
                return item.number + 1
            if name == "municipalities":
                return rng.randint(3, 40)
            return rng.randint(max(1, kind.minimum), 20)
        if isinstance(kind, BoolKind):
            return True  # reached only at its odds, or when a rule asks for it
        if isinstance(kind, DateKind):
            if name == "date":
                return item.date or self.date()
            first = meta.get("date") or item.date
            if isinstance(first, datetime.date):  # later dates follow the first (end dates, revisions)
                return first + datetime.timedelta(days=1 if name == "end_date" else rng.randint(10, 300))
            return self.date()
        if isinstance(kind, ChoiceKind):
            choices = list(kind.choices)
            if name == "status" and "participating" in choices:
                return "participating" if rng.random() < 0.75 else "interested"
            return rng.choice(choices)
        if isinstance(kind, RefsKind):
            pool = self.by_type.get(kind.target, [])
            if item.type.name == kind.target:
                pool = [i for i in pool if i is not item]
            low, high = REF_COUNTS.get((type_.name, name), REF_COUNTS.get(("*", name), DEFAULT_REF_COUNT))
            return self.some(pool, max(low, spec.min_items, 1 if forced else 0), max(high, spec.min_items))
        if isinstance(kind, SourcesKind):
            documents = self.by_type.get("document", [])
            found = []
            for document in self.some(documents, 1, 2):
                ref = {"document": document}
                if rng.random() < 0.5:
                    ref["section"] = f"hoofdstuk {rng.randint(1, 8)}"
                found.append(ref)
            return found
        if isinstance(kind, MonitoringKind):
            return self._monitoring(kind.indicators)
        ids = {name: [i.id for i in items] for name, items in self.by_type.items()}
        return kind.example(spec, ids)  # a kind this module does not know yet: its own example

    def _monitoring(self, indicators: tuple[str, ...]) -> list[dict]:
        first = self.date()
        found = []
        for number in range(self.rng.randint(1, 3)):
            day = first + datetime.timedelta(days=180 * number)
            found.append({"date": day.isoformat(), "scores": {name: self.rng.randint(1, 5) for name in indicators}})
            if self.rng.random() < 0.5:
                found[-1]["note"] = text.sentence(self.rng)
        return found

    # -- bodies ----------------------------------------------------------------------------

    def body(self, item: Item) -> str:
        low, high = profile(item.type).words
        if item.path.endswith("/index.md") and item.type.name == "page":
            low, high = 80, 200
        return text.body(self.rng, self.rng.randint(low, high))

    def index_page(self, folder: str) -> str:
        type_ = next(t for t in self.types if t.path.folder == folder)
        meta = {"title": type_.labels.plural.capitalize(), "description": f"Alle {type_.labels.plural}."}
        return _document(meta, text.paragraph(self.rng, 2) + "\n")

    def home(self, paths: set[str]) -> str:
        meta = {"title": "Kennisschakels bodem en ondergrond (benchmark)",
                "description": "Startpagina van een synthetische kennisbank om de bouw te meten."}
        lines = [text.paragraph(self.rng, 4), "", "## Waar begin je?", ""]
        starts = sorted(p for p in paths if p.endswith("/index.md") and p != "docs/index.md"
                        and (p.count("/") == 1 or (p.startswith("docs/") and p.count("/") == 2)))
        for path in starts:
            uri = _uri(path)
            lines.append(f"- [{uri[:-len('/index.md')].replace('-', ' ').capitalize()}]({uri})")
        return _document(meta, "\n".join(lines) + "\n")
