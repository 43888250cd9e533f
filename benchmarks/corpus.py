"""A synthetic, valid corpus of any size, in a scratch copy of the repository.

The copy holds what a build needs (mkdocs.yml, hooks/, overrides/, kennisschakels/, the
stylesheets and scripts in docs/ and the overview pages that use macros); every other content
file is generated, the home page too. Proportions follow a grown network: many updates and practices, a
steady share of essays, sessions, lessons and people, slowly growing numbers of regions and
themes. One seeded ``random.Random`` drives everything, in a fixed order: the same size and
seed give byte-identical files.
"""

from __future__ import annotations

import datetime
import json
import math
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from kennisschakels import monitoring, schema
from kennisschakels.bench import text

DEFAULT_SEED = 2022
MARKER = ".bench-corpus"  # marks a directory this module may wipe and rewrite
BUILD_FILES = ("mkdocs.yml", "hooks", "overrides", "kennisschakels")
MIN_PAGES = 60

# Share of each type in what is left after the overview pages, regions and themes.
WEIGHTS = {"update": 36, "practice": 14, "session": 11, "essay": 10, "person": 11, "lesson": 7, "page": 11}

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
PLACES = ("Utrecht", "Soesterberg", "Zwolle", "Arnhem", "Assen", "Leeuwarden", "Lelystad", "Enschede",
          "Den Bosch", "Haarlem", "Middelburg", "Maastricht", "Groningen", "Nijmegen", "Amersfoort")
TAGS = ("bodemenergie", "warmteplannen", "omgevingsvisie", "veldbezoek", "kenniscafe", "jongeren",
        "bestuurders", "data", "grondwater", "landbouw", "woningbouw", "klimaatadaptatie", "onderwijs")
_PLAIN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
FIRST_DAY = datetime.date(2021, 1, 1)
DAYS = 10 * 365


@dataclass(eq=False)
class Item:
    """One generated content file: where it goes, its id, title and front-matter."""

    type: str
    id: str
    path: str                      # relative to the corpus root
    title: str
    meta: dict = field(default_factory=dict)


def plan(pages: int, fixed: int) -> dict[str, int]:
    """How many files of each type make ``pages`` files in all, ``fixed`` of them copied."""
    themes = min(len(THEMES), 8 + pages // 500)
    regions = min(len(REGIONS), 8 + pages // 100)
    rest = pages - fixed - themes - regions
    if pages < MIN_PAGES or rest < 15:  # fewer leaves some types without a single file
        raise ValueError(f"te weinig pagina's voor alle inhoudstypen: minstens {max(MIN_PAGES, pages - rest + 15)}")
    total = sum(WEIGHTS.values())
    counts = {"theme": themes, "region": regions} | {k: rest * w // total for k, w in WEIGHTS.items()}
    counts["update"] += pages - fixed - sum(counts.values())
    return counts


def generate(out: Path, pages: int, seed: int = DEFAULT_SEED, source: Path | None = None) -> dict[str, int]:
    """Write a corpus of ``pages`` Markdown files to ``out``; returns the count per type."""
    source = Path(source or Path.cwd()).resolve()
    if not (source / "mkdocs.yml").is_file():
        raise ValueError(f"{source} is geen kopie van de repository (mkdocs.yml ontbreekt)")
    _prepare(out)
    overviews = _copy_build_files(source, out)
    home = "docs/index.md" not in overviews  # the real home page links to real pages: write our own
    counts = plan(pages, len(overviews) + home)
    generator = _Generator(random.Random(seed), counts, overviews)
    for item in generator.items():
        _write(out / item.path, _document(item.meta, generator.body(item)))
    if home:
        _write(out / "docs/index.md", generator.home())
    (out / MARKER).write_text(f"pages={pages} seed={seed}\n", encoding="utf-8")
    return {"overview": len(overviews) + home} | counts


def _prepare(out: Path) -> None:
    if out.exists():
        if (out / MARKER).exists():
            shutil.rmtree(out)
        elif any(out.iterdir()):
            raise ValueError(f"{out} bestaat al en is geen benchmark-corpus; kies een lege map")
    out.mkdir(parents=True, exist_ok=True)


def _copy_build_files(source: Path, out: Path) -> dict[str, str]:
    """Copy what a build needs; returns the copied overview pages (they use macros) and their titles."""
    for name in BUILD_FILES:
        if (source / name).is_dir():
            shutil.copytree(source / name, out / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif (source / name).exists():
            shutil.copy2(source / name, out / name)
    overviews = {}
    for root in ("docs", "essays", "regions"):
        for path in sorted((source / root).rglob("*")):
            rel = path.relative_to(source).as_posix()
            if not path.is_file() or "/." in f"/{rel}":
                continue
            if path.suffix != ".md":
                # Stylesheets, scripts and images the theme settings point at. Report definitions
                # (.yml) are left out: they name real pages, which the corpus does not have.
                if root == "docs" and path.suffix not in (".yml", ".yaml"):
                    _copy(path, out / rel)
            elif re.search(r"^render_macros:\s*true\s*$", front := _front_matter(path), re.M):
                _copy(path, out / rel)
                title = re.search(r"^title:\s*(.+?)\s*$", front, re.M)
                overviews[rel] = title[1].strip("\"'") if title else rel
    return overviews


def _front_matter(path: Path) -> str:
    parts = path.read_text(encoding="utf-8").split("\n---", 1)
    return parts[0] if parts[0].startswith("---") else ""


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


class _Generator:
    def __init__(self, rng: random.Random, counts: dict[str, int], overviews: dict[str, str]):
        self.rng = rng
        self.counts = counts
        self.overviews = overviews
        self.by_type: dict[str, list[Item]] = {name: [] for name in schema.TYPES}
        self.taken: dict[str, set[str]] = {}  # ids in use, per type (per region for updates, practices)

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

    # -- the corpus ------------------------------------------------------------------------

    def items(self) -> list[Item]:
        """Every generated file with its front-matter, in a fixed order."""
        steps = (("theme", self._theme), ("person", self._person), ("region", self._region),
                 ("session", self._session), ("essay", self._essay), ("lesson", self._lesson),
                 ("update", self._update), ("practice", self._practice))
        for type_name, make in steps:  # ids first: references may point at any of them
            for number in range(self.counts[type_name]):
                self.by_type[type_name].append(make(number))
        self._pages(self.counts["page"])
        for type_name, fill in (("theme", self._theme_meta), ("region", self._region_meta),
                                ("session", self._session_meta), ("essay", self._essay_meta),
                                ("lesson", self._lesson_meta), ("update", self._update_meta),
                                ("practice", self._practice_meta)):
            for item in self.by_type[type_name]:
                fill(item)
        return [item for name in ("theme", "person", "region", "session", "essay", "lesson", "update",
                                  "practice", "page") for item in self.by_type[name]]

    def _taken(self, scope: str) -> set[str]:
        return self.taken.setdefault(scope, set())

    def _theme(self, number: int) -> Item:
        base = THEMES[number % len(THEMES)]
        theme_id = _unique(base, self._taken("theme"))
        name = theme_id.replace("-", " ").capitalize()
        return Item("theme", theme_id, f"docs/leerthemas/{theme_id}.md", name, {"number": number + 1})

    def _person(self, number: int) -> Item:
        name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
        person_id = _unique(_slug(name), self._taken("person"))
        item = Item("person", person_id, f"docs/mensen/{person_id}.md", name)
        item.meta = {"title": name, "description": self.description()}
        if self.rng.random() < 0.8:
            item.meta["role"] = self.rng.choice(ROLES)
        if self.rng.random() < 0.7:
            item.meta["organisation"] = self.rng.choice(ORGANISATIONS)
        return item

    def _region(self, number: int) -> Item:
        region_id, name, _ = REGIONS[number]
        return Item("region", region_id, f"regions/{region_id}/index.md", name)

    def _session(self, number: int) -> Item:
        day = self.date()
        kind = self.rng.choice(schema.SESSION_KINDS)
        topic = self.rng.choice(text.TOPICS)
        session_id = _unique(f"{day.isoformat()}-{kind}-{topic}", self._taken("session"))
        title = f"{kind.replace('-', ' ').capitalize()} over {topic.replace('-', ' ')}"
        item = Item("session", session_id, f"docs/sessies/{session_id}.md", title)
        item.meta = {"date": day, "kind": kind}
        return item

    def _essay(self, number: int) -> Item:
        title = text.title(self.rng, 3, 7)
        essay_id = _unique(_slug(title)[:60].strip("-"), self._taken("essay"))
        return Item("essay", essay_id, f"essays/{essay_id}.md", title)

    def _lesson(self, number: int) -> Item:
        title = "Les: " + text.title(self.rng, 3, 6).lower()
        lesson_id = _unique(_slug(title)[:60].strip("-"), self._taken("lesson"))
        return Item("lesson", lesson_id, f"docs/lessen/{lesson_id}.md", title, {"number": number + 1})

    def _update(self, number: int) -> Item:
        region = self.skewed(self.by_type["region"])
        day = self.date()
        name = _unique(f"{day.isoformat()}-{self.rng.choice(text.TOPICS)}", self._taken(f"update/{region.id}"))
        item = Item("update", f"{region.id}/{name}", f"regions/{region.id}/updates/{name}.md", text.title(self.rng))
        item.meta = {"date": day}
        return item

    def _practice(self, number: int) -> Item:
        region = self.skewed(self.by_type["region"])
        title = text.title(self.rng, 2, 5)
        name = _unique(_slug(title)[:50].strip("-"), self._taken(f"practice/{region.id}"))
        return Item("practice", f"{region.id}/{name}", f"regions/{region.id}/praktijk/{name}.md", title)

    def _pages(self, count: int) -> None:
        """Plain pages in at most six top-level folders, split into subfolders of about twenty
        pages when they grow; every folder has an index page."""
        tops = min(6, max(1, math.ceil(count / 20)))
        per_top = (count - tops) / tops
        subs = math.ceil(per_top / 21) if per_top > 25 else 0
        reserved = set(schema.DOCS_TYPE_FOLDERS) | {"essays", "regions", "assets"}
        leaves: list[str] = []
        for position in range(tops):
            top = _unique(text.TOPICS[position % len(text.TOPICS)], reserved)
            self._index(top, 10 + position)
            taken: set[str] = set()
            for number in range(subs):
                sub = f"{top}/{_unique(text.TOPICS[(position * 7 + number + 1) % len(text.TOPICS)], taken)}"
                self._index(sub, number + 1)
                leaves.append(sub)
            if not subs:
                leaves.append(top)
        taken_names: dict[str, set[str]] = {}
        for number in range(count - tops - tops * subs):
            folder = leaves[number % len(leaves)]
            title = text.title(self.rng, 2, 6)
            name = _unique(_slug(title)[:50].strip("-"), taken_names.setdefault(folder, {"index"}))
            page = Item("page", f"{folder}/{name}", f"docs/{folder}/{name}.md", title)
            page.meta = {"title": title, "description": self.description()}
            if self.rng.random() < 0.3:
                page.meta["order"] = self.rng.randint(1, 20)
            self.by_type["page"].append(page)

    def _index(self, folder: str, order: int) -> None:
        title = folder.rsplit("/", 1)[-1].replace("-", " ").capitalize()
        index = Item("page", f"{folder}/index", f"docs/{folder}/index.md", title)
        index.meta = {"title": title, "description": self.description(), "order": order}
        self.by_type["page"].append(index)

    # -- front-matter that refers to other files ------------------------------------------

    def _theme_meta(self, item: Item) -> None:
        number = item.meta["number"]
        item.meta = {"title": item.title, "description": self.description(), "number": number,
                     "category": tuple(schema.THEME_CATEGORIES)[(number - 1) % len(schema.THEME_CATEGORIES)]}
        experts = self.some(self.by_type["person"], 0, 2)
        if experts:
            item.meta["experts"] = experts

    def _region_meta(self, item: Item) -> None:
        province = next(p for r, _, p in REGIONS if r == item.id)
        participating = self.rng.random() < 0.75
        item.meta = {"title": item.title, "description": self.description(), "provinces": [province],
                     "status": "participating" if participating else "interested"}
        if participating:
            item.meta["questions"] = [text.sentence(self.rng).rstrip(".") + "?"
                                      for _ in range(self.rng.randint(1, 4))]
            item.meta["network"] = f"Bodemnetwerk {item.title}"
            item.meta["partners"] = [f"{self.rng.choice(ORGANISATIONS)} {self.rng.choice(PLACES)}"
                                     for _ in range(self.rng.randint(0, 6))]
            item.meta["themes"] = self.some(self.by_type["theme"], 1, 4)
            item.meta["municipalities"] = self.rng.randint(3, 40)
            if self.rng.random() < 0.4:
                item.meta["monitoring"] = self._monitoring()
        item.meta["maintainers"] = []

    def _monitoring(self) -> list[dict]:
        first = self.date()
        found = []
        for number in range(self.rng.randint(1, 3)):
            day = first + datetime.timedelta(days=180 * number)
            found.append({"date": day.isoformat(),
                          "scores": {name: self.rng.randint(1, 5) for name in monitoring.INDICATORS}})
            if self.rng.random() < 0.5:
                found[-1]["note"] = text.sentence(self.rng)
        return found

    def _session_meta(self, item: Item) -> None:
        day, kind = item.meta["date"], item.meta["kind"]
        item.meta = {"title": item.title, "description": self.description(), "date": day, "kind": kind,
                     "status": self.rng.choice(schema.SESSION_STATUSES)}
        for key, pool, low, high in (("themes", "theme", 0, 2), ("regions", "region", 0, 3), ("hosts", "person", 0, 2)):
            chosen = self.some(self.by_type[pool], low, high)
            if chosen:
                item.meta[key] = chosen
        item.meta["location"] = self.rng.choice(PLACES)
        if self.rng.random() < 0.1:
            item.meta["end_date"] = day + datetime.timedelta(days=1)

    def _essay_meta(self, item: Item) -> None:
        draft = self.rng.random() < 0.08
        item.meta = {"title": item.title, "description": self.description()}
        item.meta["authors"] = [] if draft else self.some(self.by_type["person"], 1, 2)
        day = self.date()
        item.meta["date"] = day
        item.meta["themes"] = self.some(self.by_type["theme"], 1, 3)
        if self.rng.random() < 0.15:
            item.meta["updated"] = day + datetime.timedelta(days=self.rng.randint(10, 300))
        regions = self.some(self.by_type["region"], 0, 2)
        if regions:
            item.meta["regions"] = regions
        if draft:
            item.meta["draft"] = True
        item.meta["tags"] = self.rng.sample(TAGS, self.rng.randint(0, 3))
        if self.rng.random() < 0.3:
            item.meta["sessions"] = self.some(self.by_type["session"], 1, 1)

    def _lesson_meta(self, item: Item) -> None:
        source = self.rng.choice(schema.LESSON_SOURCES)
        item.meta = {"title": item.title, "description": self.description(), "source": source,
                     "number": item.meta["number"]}
        for key, pool, high in (("themes", "theme", 2), ("regions", "region", 2)):
            chosen = self.some(self.by_type[pool], 0, high)
            if chosen:
                item.meta[key] = chosen
        item.meta["date"] = self.date().isoformat()[:7]

    def _update_meta(self, item: Item) -> None:
        item.meta = {"title": item.title, "description": self.description(), "date": item.meta["date"]}
        themes = self.some(self.by_type["theme"], 0, 2)
        if themes:
            item.meta["themes"] = themes
        item.meta["tags"] = self.rng.sample(TAGS, self.rng.randint(0, 2))

    def _practice_meta(self, item: Item) -> None:
        item.meta = {"title": item.title, "description": self.description()}
        if self.rng.random() < 0.5:
            item.meta["date"] = self.date()
        themes = self.some(self.by_type["theme"], 0, 2)
        if themes:
            item.meta["themes"] = themes
        item.meta["tags"] = self.rng.sample(TAGS, self.rng.randint(0, 3))

    # -- bodies ----------------------------------------------------------------------------

    SIZES = {"theme": (250, 500), "person": (120, 300), "region": (300, 550), "session": (150, 320),
             "essay": (400, 900), "lesson": (150, 400), "update": (100, 300), "practice": (150, 300),
             "page": (250, 800)}

    def body(self, item: Item) -> str:
        low, high = self.SIZES[item.type]
        if item.path.endswith("/index.md") and item.type == "page":
            low, high = 80, 200
        return text.body(self.rng, self.rng.randint(low, high))

    def home(self) -> str:
        meta = {"title": "Kennisschakels bodem en ondergrond (benchmark)",
                "description": "Startpagina van een synthetische kennisbank om de bouw te meten."}
        lines = [text.paragraph(self.rng, 4), "", "## Waar begin je?", ""]
        for path, title in self.overviews.items():
            uri = path[len("docs/"):] if path.startswith("docs/") else path
            lines.append(f"- [{title}]({uri})")
        return _document(meta, "\n".join(lines) + "\n")
