"""The report definition: a YAML file in ``docs/rapportages/`` that says what a report contains.

The definition holds only the report's own facts (title, date, ...) and the order of its
chapters. The text lives in Markdown pages (written for the report, or existing site pages)
and in the knowledge base itself; nothing is copied into the definition.

Example::

    title: Regionale kennisnetwerken in opbouw
    date: 2022-09
    chapters:
      - page: rapportages/tussenrapportage-2022/inleiding.md   # the chapter's own web page
        sections:
          - include: programma/geschiedenis.md                 # an existing site page
          - template: rapport-kennisvragen                     # generated from front-matter
          - lessons: programmateam                              # every lesson of one source
    appendices:
      page: rapportages/tussenrapportage-2022/bijlagen.md
      essays: published

Sections follow the chapter page's own text, unless that text has a line ``<!-- volgend deel -->``
where the next section goes. Every problem is reported as ``path:line: key: what; expected``.
Every key, with the editions (status, editie, vastgesteld) and the scope (peildatum,
ongedateerd): docs/over/rapportage-maken.md.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kennisschakels import yamlsafe
from kennisschakels.catalogue import Catalogue, Entry
from kennisschakels.files import read_text
from kennisschakels.dates import PartialDate
from kennisschakels.problems import ContentError, Problem, did_you_mean
from kennisschakels.model.declarations import LESSON_SOURCE

WEB_ONLY_MARK = ".alleen-web"

REPORTS_DIR = "docs/rapportages"
SECTION_KINDS = ("include", "facts", "template", "lessons")
ESSAY_CHOICES = ("published", "all")
STATUSES = ("concept", "vastgesteld")
UNDATED_CHOICES = ("opnemen", "weglaten")
FACT_TYPES = ("region", "theme")          # the types a 'facts:' section can show
_TOP_KEYS = {"title", "subtitle", "series", "date", "publisher", "author", "language", "keywords", "colophon",
             "page", "chapters", "appendices", "status", "editie", "vastgesteld", "peildatum", "ongedateerd"}
REQUIRED_KEYS = ("title", "date", "publisher", "author", "page", "chapters")
_CHAPTER_KEYS = {"page", "numbered", "sections"}
_SECTION_KEYS = {"include", "facts", "template", "lessons", "title", "heading"}
# Words that only make sense on the site; in a chapter's own text they belong in a '{ .alleen-web }' paragraph.
WEB_PHRASES = re.compile(r"\b(op deze site|op deze website|deze pagina|hieronder per hoofdstuk|klik|zie de "
                         r"(?:praktijk)?pagina'?s?|download de pdf)\b", re.IGNORECASE)
_APPENDIX_KEYS = {"page", "essays", "order"}
# A line in a chapter page's own text where the next section of the definition goes (the rest follow at the end).
NEXT_SECTION = re.compile(r"^<!--\s*volgend deel\s*-->[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    """One part of a chapter after the chapter page's own text."""

    kind: str                 # include | facts | template | lessons
    target: str               # page uri, template name or lesson source
    title: str = ""           # heading of the section ('' : the included page's title)
    heading: bool = True      # False: include the page's text without a section heading


@dataclass(frozen=True)
class Chapter:
    page: str                 # uri of the chapter's web page (title and own text)
    numbered: bool = True
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Appendices:
    page: str                 # uri of the web page that lists the appendices
    essays: str = "published"  # published: drafts left out; all: drafts included and marked
    order: tuple[str, ...] = ()  # essay ids that come first, in this order


@dataclass(frozen=True)
class Report:
    id: str                   # file name without .yml; the PDF is rapportages/<id>.pdf
    path: str                 # the definition file, relative to the repository
    title: str
    subtitle: str
    series: str
    date: PartialDate
    publisher: str
    author: str
    language: str
    keywords: tuple[str, ...]
    colophon: str             # Markdown
    page: str                 # uri of the report's web landing page
    chapters: tuple[Chapter, ...]
    appendices: Appendices | None = None
    status: str = "concept"   # concept: follows the knowledge base; vastgesteld: built from its frozen edition
    edition: str = ""         # 'editie': the newest edition, e.g. '1.0' (vastgesteld only)
    adopted: PartialDate | None = None    # 'vastgesteld': the date of adoption (vastgesteld only)
    peildatum: PartialDate | None = None  # the last day the report covers
    undated: str = "opnemen"  # 'ongedateerd': what undated content does within a peildatum
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key path -> line

    @property
    def adopted_status(self) -> bool:
        return self.status == "vastgesteld"

    @property
    def pdf_uri(self) -> str:
        """Where the PDF is published in the site (also the name of the downloaded file)."""
        return f"rapportages/{self.id}.pdf"

    @property
    def web_pages(self) -> list[str]:
        """The report's web pages in reading order: landing page, chapters, appendices."""
        pages = [self.page] + [c.page for c in self.chapters]
        return pages + ([self.appendices.page] if self.appendices else [])


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text and remembers the line of every key and list item."""


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _lines(node: yaml.Node, prefix: str, out: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            path = f"{prefix}.{key.value}" if prefix else str(key.value)
            out[path] = key.start_mark.line + 1
            _lines(value, path, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}[{index}]"
            out[path] = item.start_mark.line + 1
            _lines(item, path, out)


def definitions(root: Path) -> list[Path]:
    """Every report definition of the repository, sorted by name."""
    return sorted((root / REPORTS_DIR).glob("*.yml"))


def load_report(path: Path, catalogue: Catalogue) -> Report:
    """Read and check one definition against the catalogue; raises ContentError listing every problem."""
    rel = path.relative_to(catalogue.root).as_posix()
    text, unreadable = read_text(catalogue.root, rel)
    if unreadable:
        raise ContentError([unreadable])
    lines: dict[str, int] = {}
    refused = yamlsafe.screen(text, yamlsafe.MAX_DEFINITION_BYTES)
    try:
        if refused is None:
            loader = _LineLoader(text)
            try:
                node = yamlsafe.guarded_compose(loader)
                refused = node if isinstance(node, yamlsafe.Refusal) else (node and yamlsafe.too_deep(node))
                data = loader.construct_document(node) if node is not None and not refused else None
            finally:
                loader.dispose()
        if refused:
            raise ContentError([Problem(rel, refused.line + 1, "rapport", refused.wrong, refused.expected)])
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise ContentError([Problem(rel, (mark.line + 1) if mark else 1, "rapport",
                                    f"YAML-fout: {error.problem or error.context}",
                                    "controleer inspringing, dubbele punten en aanhalingstekens")]) from None
    if not isinstance(data, dict):
        raise ContentError([Problem(rel, 1, "rapport", "is leeg of geen lijst van sleutels met waarden",
                                    "begin met 'title:' en 'chapters:'")])
    _lines(node, "", lines)
    checker = _Checker(rel, lines, catalogue)
    report = checker.report(path.stem, data)
    if checker.problems:
        raise ContentError(checker.problems)
    return report


def load_reports(catalogue: Catalogue) -> list[Report]:
    """Every report of the repository, checked; one ContentError with all problems of all reports."""
    reports, problems = [], []
    for path in definitions(catalogue.root):
        try:
            reports.append(load_report(path, catalogue))
        except ContentError as error:
            problems.extend(error.problems)
    if problems:
        raise ContentError(problems)
    return reports


def _template_names() -> list[str]:
    from kennisschakels.report.sections import SECTIONS  # the generated sections a definition may name

    return sorted(SECTIONS)


class _Checker:
    """Turns the parsed YAML into a Report, collecting every problem on the way."""

    def __init__(self, path: str, lines: dict[str, int], catalogue: Catalogue):
        self.path, self.lines, self.cat = path, lines, catalogue
        self.problems: list[Problem] = []

    def problem(self, key: str, wrong: str, expected: str = "") -> None:
        where = key
        while where and where not in self.lines:  # a missing key: point at the nearest enclosing one
            shorter = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", where)
            where = "" if shorter == where else shorter  # a missing top-level key: line 1
        self.problems.append(Problem(self.path, self.lines.get(where, 1), key, wrong, expected))

    def text(self, data: dict, key: str, required: bool = False, prefix: str = "") -> str:
        where = f"{prefix}.{key}" if prefix else key
        value = data.get(key)
        if value is None:
            if required:
                self.problem(where, "ontbreekt", "vul een tekst in")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(where, "moet een tekst zijn")
            return ""
        return str(value)

    def unknown_keys(self, data: dict, allowed: set[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                where = f"{prefix}.{key}" if prefix else str(key)
                self.problem(where, "is geen bekende sleutel",
                             "toegestaan: " + ", ".join(sorted(allowed)) + did_you_mean(str(key), allowed))

    def page(self, key: str, uri: object, own: bool = False) -> str:
        """A reference to a content page by its site uri (as in links: 'programma/index.md')."""
        if not isinstance(uri, str) or not uri.endswith(".md"):
            self.problem(key, "moet het pad van een Markdown-pagina zijn", "bijvoorbeeld 'programma/index.md'")
            return ""
        entry = self.cat.by_uri(uri)
        if entry is None and self.cat.exists(uri):
            return ""  # the page exists but has problems of its own, reported with the page
        if entry is None:
            known = [e.uri for e in self.cat.all()]
            self.problem(key, f"onbekende pagina '{uri}'",
                         "geef het pad zoals in links tussen pagina's (zonder 'docs/')" + did_you_mean(uri, known))
            return ""
        if own and not uri.startswith("rapportages/"):
            self.problem(key, f"'{uri}' staat niet in docs/rapportages/",
                         "de webpagina van een hoofdstuk hoort bij het rapport; neem andere pagina's op met 'include'")
        return uri

    def date(self, data: dict, key: str, required: bool = False) -> PartialDate | None:
        text = self.text(data, key, required=required)
        date = PartialDate.parse(text) if text else None
        if text and date is None:
            self.problem(key, f"'{text}' is geen datum", "schrijf JJJJ-MM-DD of JJJJ-MM")
        return date

    def choice(self, data: dict, key: str, choices: tuple[str, ...], default: str) -> str:
        value = data.get(key, default)
        if value not in choices:
            self.problem(key, f"onbekende keuze '{value}'", "één van: " + ", ".join(choices)
                         + did_you_mean(str(value), choices))
            return default
        return value

    def report(self, report_id: str, data: dict) -> Report:
        self.unknown_keys(data, _TOP_KEYS, "")
        date = self.date(data, "date", required=True)
        language = self.text(data, "language") or "nl"
        keywords = data.get("keywords") or []
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            self.problem("keywords", "moet een lijst van teksten zijn")
            keywords = []
        status = self.choice(data, "status", STATUSES, "concept")
        edition = self.text(data, "editie", required=status == "vastgesteld")
        adopted = self.date(data, "vastgesteld", required=status == "vastgesteld")
        if status == "concept":
            for key in ("editie", "vastgesteld"):
                if key in data:
                    self.problem(key, "hoort alleen bij 'status: vastgesteld'",
                                 "haal de sleutel weg; 'python -m kennisschakels rapport vaststellen' zet hem")
        elif edition and not re.fullmatch(r"\d+\.\d+", edition):
            self.problem("editie", f"'{edition}' is geen editienummer", "schrijf bijvoorbeeld \"1.0\" of \"1.1\"")
        peildatum = self.date(data, "peildatum")
        undated = self.choice(data, "ongedateerd", UNDATED_CHOICES, "opnemen")
        chapters_data = data.get("chapters")
        if not isinstance(chapters_data, list) or not chapters_data:
            self.problem("chapters", "ontbreekt of is leeg", "geef minstens één hoofdstuk met 'page:'")
            chapters_data = []
        self.included: dict[str, str] = {}  # page uri -> key path where the report first shows it
        chapters = tuple(self.chapter(f"chapters[{i}]", c) for i, c in enumerate(chapters_data))
        appendices = None
        if data.get("appendices") is not None:
            appendices = self.appendices(data["appendices"])
        page = self.page("page", data.get("page"), own=True) if "page" in data else ""
        if "page" not in data:
            self.problem("page", "ontbreekt", "geef de webpagina van het rapport, bijv. "
                         f"'rapportages/{report_id}/index.md'")
        report = Report(
            id=report_id, path=self.path,
            title=self.text(data, "title", required=True), subtitle=self.text(data, "subtitle"),
            series=self.text(data, "series"), date=date or PartialDate(1970, 1),
            publisher=self.text(data, "publisher", required=True),
            author=self.text(data, "author", required=True), language=language, keywords=tuple(keywords),
            colophon=self.text(data, "colophon"), page=page,
            chapters=chapters, appendices=appendices, status=status, edition=edition, adopted=adopted,
            peildatum=peildatum, undated=undated, lines=self.lines)
        seen: set[str] = set()
        for uri in report.web_pages:
            if uri and uri in seen:
                self.problem("chapters", f"de pagina '{uri}' komt twee keer voor als webpagina",
                             "elk hoofdstuk heeft een eigen pagina")
            seen.add(uri)
        if report.page:  # a page in the report's folder that the definition forgot would float outside it
            folder = posixpath.dirname(report.page) + "/"
            for entry in self.cat.of("page"):
                if entry.uri.startswith(folder) and entry.uri not in seen:
                    self.problem("chapters", f"de pagina '{entry.uri}' staat in de map van het rapport maar niet "
                                 "in de definitie", "neem haar op als hoofdstuk ('page:') of zet haar elders")
        for uri in [c.page for c in chapters if c.page]:
            self.web_phrases(self.cat.by_uri(uri))
        return report

    def shown_once(self, key: str, uri: str, kind: str = "include") -> None:
        """A page's text appears in a report once: a second include is a mistake."""
        if not uri:
            return
        first = self.included.get((kind, uri))
        if first is not None:
            self.problem(key, f"de pagina '{uri}' staat al in het rapport (regel {self.lines.get(first, 1)}, {first})",
                         "neem een pagina één keer op; verwijs er elders naar met een link")
        else:
            self.included[(kind, uri)] = key

    def web_phrases(self, entry: Entry | None) -> None:
        """Words for the site in a chapter's own text, which the PDF also prints."""
        if entry is None:
            return
        lines = entry.body.split("\n")
        block: list[tuple[int, str]] = []
        for number, line in enumerate(lines + [""]):
            if line.strip():
                block.append((number, line))
                continue
            if block and not any(WEB_ONLY_MARK in text for _, text in block) and not block[0][1].startswith("<!--"):
                for offset, text in block:
                    match = WEB_PHRASES.search(text)
                    if match:
                        self.problems.append(Problem(
                            entry.path, entry.file.body_line + offset, "inhoud",
                            f"'{match[0]}' past niet in de PDF van het rapport",
                            "zet '{ .alleen-web }' op een eigen regel onder de alinea (alleen op de site), "
                            "of schrijf het zo dat het ook op papier klopt"))
            block = []

    def chapter(self, key: str, data: object) -> Chapter:
        if not isinstance(data, dict):
            self.problem(key, "moet sleutels hebben", "bijvoorbeeld 'page: rapportages/<rapport>/<hoofdstuk>.md'")
            return Chapter("")
        self.unknown_keys(data, _CHAPTER_KEYS, key)
        numbered = data.get("numbered", True)
        if not isinstance(numbered, bool):
            self.problem(f"{key}.numbered", "moet true of false zijn")
            numbered = True
        sections_data = data.get("sections") or []
        if not isinstance(sections_data, list):
            self.problem(f"{key}.sections", "moet een lijst zijn")
            sections_data = []
        page = self.page(f"{key}.page", data.get("page"), own=True)
        self.shown_once(f"{key}.page", page)
        sections = tuple(self.section(f"{key}.sections[{i}]", s) for i, s in enumerate(sections_data))
        if page:
            markers = len(NEXT_SECTION.findall(self.cat.by_uri(page).body))
            if markers > len(sections):
                self.problem(f"{key}.sections", f"de pagina '{page}' heeft {markers} regels '<!-- volgend deel -->' "
                             f"maar er zijn {len(sections)} delen", "haal een regel weg of voeg een deel toe")
        return Chapter(page, numbered, sections)

    def section(self, key: str, data: object) -> Section:
        if not isinstance(data, dict):
            self.problem(key, "moet sleutels hebben", "één van: " + ", ".join(SECTION_KINDS))
            return Section("include", "")
        self.unknown_keys(data, _SECTION_KEYS, key)
        kinds = [k for k in SECTION_KINDS if k in data]
        if len(kinds) != 1:
            self.problem(key, "moet precies één van deze sleutels hebben: " + ", ".join(SECTION_KINDS))
            return Section("include", "")
        kind = kinds[0]
        value = data[kind]
        title = self.text(data, "title", prefix=key)
        heading = data.get("heading", True)
        if not isinstance(heading, bool):
            self.problem(f"{key}.heading", "moet true of false zijn")
            heading = True
        if kind in ("include", "facts"):
            uri = self.page(f"{key}.{kind}", value)
            self.shown_once(f"{key}.{kind}", uri, kind)
            entry = self.cat.by_uri(uri) if uri else None
            if kind == "facts" and entry is not None and entry.type.name not in FACT_TYPES:
                self.problem(f"{key}.facts", f"'{uri}' is geen regio of leerthema",
                             "'facts:' toont de gegevens van een regio of leerthema; neem andere pagina's op met "
                             "'include:'")
            return Section(kind, uri, title, heading)
        if kind == "template":
            names = _template_names()
            if value not in names:
                self.problem(f"{key}.template", f"onbekend sjabloon '{value}'",
                             "één van: " + ", ".join(names) + did_you_mean(str(value), names))
            elif not title and heading:
                self.problem(f"{key}.title", "ontbreekt", "een gegenereerd deel heeft een titel nodig")
            return Section(kind, str(value), title, heading)
        if value not in LESSON_SOURCE.choices:
            self.problem(f"{key}.lessons", f"onbekende bron '{value}'", "één van: " + ", ".join(LESSON_SOURCE.choices))
        elif not title and heading:
            self.problem(f"{key}.title", "ontbreekt", "een gegenereerd deel heeft een titel nodig")
        return Section(kind, str(value), title, heading)

    def appendices(self, data: object) -> Appendices | None:
        if not isinstance(data, dict):
            self.problem("appendices", "moet sleutels hebben", "page, essays en eventueel order")
            return None
        self.unknown_keys(data, _APPENDIX_KEYS, "appendices")
        essays = data.get("essays", "published")
        if essays not in ESSAY_CHOICES:
            self.problem("appendices.essays", f"onbekende keuze '{essays}'", "published of all")
            essays = "published"
        order = data.get("order") or []
        if not isinstance(order, list):
            self.problem("appendices.order", "moet een lijst van essay-ids zijn")
            order = []
        for index, essay_id in enumerate(order):
            if self.cat.get("essay", str(essay_id)) is None:
                known = [e.id for e in self.cat.of("essay")]
                self.problem(f"appendices.order[{index}]", f"onbekend essay '{essay_id}'",
                             "een bestandsnaam uit essays/ zonder '.md'" + did_you_mean(str(essay_id), known))
        return Appendices(self.page("appendices.page", data.get("page"), own=True), essays,
                          tuple(str(o) for o in order))


def entry_of(catalogue: Catalogue, uri: str) -> Entry:
    entry = catalogue.by_uri(uri)
    assert entry is not None, uri  # checked when the definition was loaded
    return entry


def relative(target_uri: str, origin_uri: str) -> str:
    """Relative link from one source uri to another (as MkDocs expects in Markdown)."""
    return posixpath.relpath(target_uri, posixpath.dirname(origin_uri) or ".")
