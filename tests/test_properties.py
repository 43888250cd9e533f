"""Property: every file the check accepts builds, and its page shows each field it set; every file the
check rejects is rejected by the build before any output (issue 12).

Files are generated with Hypothesis from the declarations, for every content type: every optional key
present or absent, edge values (unicode, right-to-left and very long titles, month-only dates, leap
days, far-future and far-past years, empty bodies, Windows line ends, a UTF-8 byte order mark) and
references to ids that exist. The check's verdict is the oracle:

- per example, in-process: the minimal tree plus the file is checked; accepted, the pipeline makes the
  page (``Site.page``), Python-Markdown renders it with the site's extensions and its text must show
  each field; rejected, ``load_site`` (what the MkDocs adapter calls before MkDocs writes anything)
  must refuse it with the same problems;
- once, for real: many accepted files in ONE tree, built strictly by MkDocs, each page's HTML parsed;
  and a few rejected files, each built for real: no output, the check's message on stderr.

Runs: the normal test run uses the seeded, bounded profile 'kort' (derandomize=True). For a long
exploration set ``KENNISSCHAKELS_HYPOTHESIS=lang`` (many more examples, random each run; a failure
prints the example and how to reproduce it):

    KENNISSCHAKELS_HYPOTHESIS=lang .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import itertools
import os
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

from conftest import MINIMAL, ROOT, SETTINGS, build, copy_repo, edit, write
from kennisschakels.classify import Place, classify
from kennisschakels.dates import PartialDate
from kennisschakels.load import check
from kennisschakels.model.declarations import INDICATORS, TYPES
from kennisschakels.model.kinds import (BoolKind, ChoiceKind, DateKind, IntKind, MonitoringKind, RefsKind,
                                        SourcesKind, TextKind, TextsKind)
from kennisschakels.problems import ContentError
from kennisschakels.site import load_site

_COMMON = dict(deadline=None, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
settings.register_profile("kort", max_examples=14, derandomize=True, **_COMMON)
settings.register_profile("lang", max_examples=400, derandomize=False, **_COMMON)
PROFILE = settings.get_profile(os.environ.get("KENNISSCHAKELS_HYPOTHESIS", "kort"))
LONG = os.environ.get("KENNISSCHAKELS_HYPOTHESIS") == "lang"
BUILD_SET = 300 if LONG else 48   # accepted files built together, once, by MkDocs
REAL_REJECTIONS = 6 if LONG else 3  # rejected files each confirmed by a real build

BASE = MINIMAL  # the minimal tree: one valid file of every type, the ids references may use
IDS: dict[str, list[str]] = {}
for _path in BASE:
    _place = classify(_path, TYPES)
    if isinstance(_place, Place) and _place.type.name != "page":
        IDS.setdefault(_place.type.name, []).append(_place.id)
COUNTER = itertools.count(1)

# ----------------------------------------------------------------------------- values

EDGE_TEXTS = [
    "Fryslân en Zuid-Holland", "Ærø, Ōsaka & São Paulo", "שלום עולם: ידע על הקרקע", "مرحبا بالعالم والتربة",
    "Bodem " * 60, "x" * 400, "Titel: met een dubbele punt", "'enkele' en \"dubbele\" aanhalingstekens",
    "# geen kop", "*nadruk*, _streep_, [link](ergens) en <b>vet</b>", "{{ 1 + 1 }} en {% raw %}", "100% zeker | pipe",
    "emoji 🌍🌱", "zero\u200bwidth", "NBSP\u00a0ertussen", "regel\nnieuwe regel", "eindigt op:", "- streepje",
    "yes", "null", "123", "2022-09-21", "~", "@handle", "`code`", "a\\b", "&amp; &lt;", "{: .klasse }",
    "0", "2030", "stuur\x1bteken", "nul\x00teken", "tab\tteken",
]


def texts() -> st.SearchStrategy[str]:
    alphabet = st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"))
    return st.one_of(st.sampled_from(EDGE_TEXTS),
                     st.text(alphabet, min_size=1, max_size=60).filter(lambda s: s.strip()))


@st.composite
def dates(draw, day: bool | None = None) -> str:
    """ISO dates: ordinary, leap days, month only, and the edges of (and beyond) the years the site takes."""
    year = draw(st.one_of(st.integers(2000, 2035), st.sampled_from([1899, 1900, 2100, 2101, 9999, 2024, 2000, 1904])))
    month = draw(st.integers(1, 12))
    with_day = draw(st.booleans()) if day is None else day
    if not with_day:
        return f"{year:04d}-{month:02d}"
    if draw(st.booleans()) and year % 4 == 0:
        month, number = 2, 29  # a leap day (1900 and 2100 are no leap years: the check must say so)
    else:
        number = draw(st.integers(1, 28))
    return f"{year:04d}-{month:02d}-{number:02d}"


def ids_of(target: str) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(IDS[target]), unique=True, max_size=len(IDS[target]))


def value_of(spec, type_) -> st.SearchStrategy:
    kind = spec.kind
    if isinstance(kind, TextKind):
        return texts()
    if isinstance(kind, TextsKind):
        return st.lists(texts(), min_size=0, max_size=3)
    if isinstance(kind, DateKind):
        return dates()
    if isinstance(kind, BoolKind):
        return st.booleans()
    if isinstance(kind, ChoiceKind):
        return st.sampled_from(list(kind.choices))
    if isinstance(kind, IntKind):
        return st.integers(kind.minimum, kind.minimum + 500)
    if isinstance(kind, RefsKind):
        return ids_of(kind.target)
    if isinstance(kind, SourcesKind):
        source = st.fixed_dictionaries({"document": st.sampled_from(IDS["document"])},
                                       optional={"section": texts()})
        return st.lists(source, max_size=2)
    if isinstance(kind, MonitoringKind):
        measurement = st.fixed_dictionaries(
            {"date": dates(day=True), "scores": st.fixed_dictionaries({i: st.integers(1, 5) for i in INDICATORS})},
            optional={"note": texts()})
        return st.lists(measurement, max_size=2)
    raise AssertionError(f"no strategy for {kind!r}: a new kind needs one here")


MISTAKES = [None] * 7 + ["onbekende-sleutel", "verkeerd-type", "onbekende-verwijzing", "opmaaksleutel",
                         "datum-bestaat-niet", "verre-toekomst", "lege-titel", "geen-front-matter"]
BODIES = [
    ("", []), ("Gewone tekst.", ["Gewone tekst."]),
    ("Tekst met ‘aanhalingstekens’, é, ñ en ß.", ["Tekst met ‘aanhalingstekens’, é, ñ en ß."]),
    ("## Een kop\n\nAlinea één.\n\nAlinea twee.", ["Een kop", "Alinea één.", "Alinea twee."]),
    ("שלום עולם, een zin van rechts naar links.", ["שלום עולם, een zin van rechts naar links."]),
    ("Lange alinea. " * 150, ["Lange alinea. Lange alinea."]),
    ("- een\n- twee\n\n> geciteerd", ["een", "twee", "geciteerd"]),
]


@dataclass
class Generated:
    type_name: str
    path: str
    meta: dict
    body: str
    shows: list[str]         # text of the body a reader must see
    data: bytes
    mistake: str | None
    problems: list[str] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return self.path.removeprefix("docs/")

    @property
    def site_page(self) -> str:
        stem = self.uri[:-3]
        return ("" if stem == "index" else stem[: -len("index")] if stem.endswith("/index") else stem + "/") + "index.html"


@st.composite
def content_file(draw, type_name: str) -> Generated:
    type_ = TYPES[type_name]
    n = next(COUNTER)
    name, file_date = f"gen-{n}", None
    if type_name == "region":
        path = f"regions/{name}/index.md"
    elif type_name == "page":
        path = f"docs/eigen/{name}.md"
    else:
        if type_.path.dated:
            file_date = draw(dates(day=True if type_.date_precision == "day" else None))
        path = type_.path.format(id=name, region="regio-1", date=file_date or "", name=name)
    meta: dict = {}
    for spec in type_.fields:
        if spec.name == "date" and file_date:
            if draw(st.booleans()):
                meta["date"] = file_date  # may repeat the file name's date
            continue
        if not (spec.required or draw(st.booleans())):
            continue
        if spec.name == "number" and type_.unique:
            meta["number"] = 1000 + n  # unique among all generated themes
        else:
            meta[spec.name] = draw(value_of(spec, type_))
    mistake = draw(st.sampled_from(MISTAKES))
    if mistake == "onbekende-sleutel":
        meta["descriptoin"] = "x"
    elif mistake == "verkeerd-type":
        meta["title"] = 42
    elif mistake == "onbekende-verwijzing" and type_.refs:
        meta[type_.refs[0].name] = ["bestaat-niet"]
    elif mistake == "opmaaksleutel":
        meta["template"] = "main.html"
    elif mistake == "datum-bestaat-niet" and "date" in type_.field_map:
        meta["date"] = "2023-02-29"
    elif mistake == "verre-toekomst" and "date" in type_.field_map:
        meta["date"] = "9999-12-31"
    elif mistake == "lege-titel":
        meta["title"] = "  "
    elif mistake != "geen-front-matter":
        mistake = None  # the mistake has no key to go in for this type
    body, shows = draw(st.sampled_from(BODIES))
    front = yaml.safe_dump(meta, allow_unicode=draw(st.booleans()), sort_keys=False,
                           width=draw(st.sampled_from([80, 10_000])))
    text = body + "\n" if mistake == "geen-front-matter" else f"---\n{front}---\n\n{body}\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8-sig" if draw(st.booleans()) else "utf-8")
    return Generated(type_name, path, meta, body, shows, data, mistake)


TYPE_NAMES = TYPES.names()

# ----------------------------------------------------------------------------- what a page must show


def flat(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def expected(generated: Generated, catalogue) -> list[tuple[str, str]]:
    """(key, text) for every field the file set that its page must show."""
    type_ = TYPES[generated.type_name]
    entry = catalogue.by_uri(generated.uri)
    found = []
    for key in generated.meta:
        spec = type_.field_map.get(key)
        if spec is None:
            continue
        value = getattr(entry, key)
        if key == "title":
            found.append((key, value))
        elif key == "sources":
            found += [(key, catalogue.get("document", ref.document).title) for ref in value]
            found += [(key, ref.section) for ref in value if ref.section]
        elif key == "source_notes":
            found += [(key, note_) for note_ in value]
        elif not spec.shown or isinstance(spec.kind, BoolKind):
            continue
        elif (type_.name, key) in SHOWN_AS:
            found.append((key, SHOWN_AS[type_.name, key][value]))
        elif isinstance(spec.kind, RefsKind):
            found += [(key, target.title) for target in value]
        elif isinstance(spec.kind, TextsKind):
            found += [(key, item) for item in value]
        elif isinstance(spec.kind, ChoiceKind):
            found.append((key, spec.kind.label(value)))
        elif isinstance(value, PartialDate):
            found.append((key, value.dutch))
        elif value is not None:
            found.append((key, value))
    return found + [("inhoud", text) for text in generated.shows]


def missing(generated: Generated, catalogue, page_text: str) -> list[tuple[str, str]]:
    shown = flat(page_text)
    return [(key, text) for key, text in expected(generated, catalogue) if flat(text) not in shown]


# Choice values a template words in its own way.
SHOWN_AS = {("region", "status"): {"participating": "Deelnemende regio", "interested": "Regio met belangstelling"}}


class Text(HTMLParser):
    """The text of an HTML fragment, or of the <article> of a built page; and the meta description."""

    def __init__(self, article_only: bool = False):
        super().__init__(convert_charrefs=True)
        self.article_only, self.depth, self.parts, self.description = article_only, 0, [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and attributes.get("name") == "description":
            self.description = attributes.get("content")
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "img", "hr", "input", "meta", "link", "source", "wbr")

    def handle_endtag(self, tag):
        if self.depth and tag not in ("br", "img", "hr", "input", "meta", "link", "source", "wbr"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth or not self.article_only:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str, article_only: bool = False) -> "Text":
        parser = cls(article_only)
        parser.feed(html)
        return parser

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def render(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=list(SETTINGS.markdown_extensions),
                             extension_configs={k: dict(v) for k, v in SETTINGS.markdown_configs.items()})


# ----------------------------------------------------------------------------- the in-process property


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("eigenschappen")
    write(root, BASE)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")  # the check reads it (what is published)
    return root


def judge(root: Path, generated: Generated):
    """Check the tree with the generated file in it; for an accepted file also its site."""
    target = root / generated.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(generated.data)
    try:
        catalogue, problems = check(root)
        generated.problems = [str(p) for p in problems]
        if problems:
            with pytest.raises(ContentError) as refused:
                load_site(root, SETTINGS)
            return None, sorted(str(p) for p in refused.value.problems)
        return load_site(root, SETTINGS), []
    finally:
        target.unlink()
        if generated.type_name == "region":
            shutil.rmtree(target.parent)


def assert_property(root: Path, generated: Generated) -> None:
    note(f"{generated.path}:\n{generated.data.decode('utf-8-sig')}")
    site, refused = judge(root, generated)
    if site is None:
        # Rejected: the build refuses the same problems before MkDocs writes anything.
        assert generated.problems and refused == sorted(generated.problems)
        note(f"verworpen: {generated.problems}")
        return
    assert generated.mistake is None, f"a planted mistake passed the check: {generated.mistake}"
    page = site.page(generated.uri)
    assert page.meta["title"] == " ".join(str(generated.meta["title"]).split())
    assert page.meta["description"] == " ".join(str(generated.meta["description"]).split())
    text = Text.of(render(page.markdown)).text + " " + page.meta["title"]
    assert missing(generated, site.catalogue, text) == []
    # The files the site makes from it are made too (calendars, feeds).
    assert site.generated()


# What the property tests judged, by type: the real builds below reuse these files.
JUDGED: dict[str, tuple[list[Generated], list[Generated]]] = {}


def judged(root: Path, type_name: str, count: int, check_property: bool) -> tuple[list[Generated], list[Generated]]:
    accepted: list[Generated] = []
    rejected: list[Generated] = []

    @settings(PROFILE, **({} if check_property else {"max_examples": count, "phases": [Phase.generate]}))
    @given(generated=content_file(type_name))
    def run(generated):
        if check_property:
            assert_property(root, generated)
        else:
            judge(root, generated)
        (rejected if generated.problems else accepted).append(generated)

    run()
    return accepted, rejected


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_every_accepted_file_makes_a_page_with_its_fields_and_every_rejected_one_stops_the_build(base, type_name):
    accepted, rejected = JUDGED[type_name] = judged(base, type_name, 0, check_property=True)
    # The property means something only if both verdicts occurred.
    assert accepted and rejected, (len(accepted), len(rejected))


# ----------------------------------------------------------------------------- real builds


@pytest.fixture(scope="module")
def examples(base) -> tuple[list[Generated], list[Generated]]:
    """Accepted and rejected files of every type: those the property tests judged, topped up where
    they did not run (e.g. with -k)."""
    per_type = -(-BUILD_SET // len(TYPE_NAMES))
    accepted, rejected = [], []
    for type_name in TYPE_NAMES:
        if type_name not in JUDGED:
            JUDGED[type_name] = judged(base, type_name, per_type * 2, check_property=False)
        accepted += JUDGED[type_name][0][:per_type]
        rejected += JUDGED[type_name][1]
    return accepted, rejected


@pytest.mark.slow
def test_many_accepted_files_in_one_tree_build_strictly_and_show_their_fields(examples, tmp_path):
    accepted, _ = examples
    assert len(accepted) >= 20 and {g.type_name for g in accepted} == set(TYPE_NAMES)
    root = copy_repo(tmp_path, content=False)
    write(root, BASE)
    for generated in accepted:
        (root / generated.path).parent.mkdir(parents=True, exist_ok=True)
        (root / generated.path).write_bytes(generated.data)
    catalogue, problems = check(root)
    assert [str(p) for p in problems] == [], "accepted one by one, refused together"
    result = build(root)
    assert result.returncode == 0, result.stderr
    failures = {}
    for generated in accepted:
        html = (root / "site" / generated.site_page).read_text(encoding="utf-8")
        page = Text.of(html, article_only=True)
        gaps = missing(generated, catalogue, page.text)
        if " ".join(str(generated.meta["description"]).split()) != page.description:
            gaps.append(("description", generated.meta["description"]))
        if gaps:
            failures[generated.path] = gaps
    assert failures == {}, f"{len(failures)} of {len(accepted)} built pages miss fields: {failures}"


@pytest.mark.slow
def test_rejected_files_stop_the_real_build_before_any_output(examples, tmp_path):
    _, rejected = examples
    chosen, kinds = [], set()
    for generated in rejected:  # different kinds of problem, in different types
        kind = (generated.problems[0].split(": ")[1], generated.type_name)
        if kind[0] not in {k for k, _ in kinds} and len(chosen) < REAL_REJECTIONS:
            chosen.append(generated)
            kinds.add(kind)
    assert len(chosen) == REAL_REJECTIONS
    for number, generated in enumerate(chosen):
        (tmp_path / f"verworpen-{number}").mkdir()
        root = copy_repo(tmp_path / f"verworpen-{number}", content=False)
        write(root, BASE)
        (root / generated.path).parent.mkdir(parents=True, exist_ok=True)
        (root / generated.path).write_bytes(generated.data)
        result = build(root)
        assert result.returncode != 0, generated.path
        assert not (root / "site").exists(), f"{generated.path}: a refused build wrote output"
        for problem in generated.problems:
            assert problem in result.stderr, (problem, result.stderr[-2000:])


# ----------------------------------------------------------------------------- keys once left out


# Keys that a type's template once did not show (found by this property test): each is on its page now.
ONCE_LEFT_OUT = {
    ("region", "municipalities"): ("regions/regio-1/index.md", {"municipalities": 7}, "7 gemeenten"),
    ("region", "network"): ("regions/regio-1/index.md", {"status": "interested", "network": "Netwerk Oost"},
                            "Netwerk: Netwerk Oost"),
    ("update", "tags"): ("regions/regio-1/updates/2022-09-21-update-1.md", {"tags": ["bodemtrefwoord", "grond"]},
                         "Trefwoorden: bodemtrefwoord, grond"),
    ("practice", "tags"): ("regions/regio-1/praktijk/practice-1.md", {"tags": ["bodemtrefwoord"], "themes": None},
                           "Trefwoorden: bodemtrefwoord"),  # the section also without themes
    ("essay", "tags"): ("essays/essay-1.md", {"tags": ["bodemtrefwoord"]}, "Trefwoorden: bodemtrefwoord"),
    ("term", "aliases"): ("docs/begrippen/term-1.md", {"aliases": ["Ander woord"]}, "Ook bekend als Ander woord"),
    ("session", "end_date"): ("docs/sessies/2022-09-21-session-1.md", {"latest": True, "end_date": "2022-10-02"},
                              "tot en met 2 oktober 2022"),
}


@pytest.mark.parametrize("key", sorted(ONCE_LEFT_OUT), ids=["-".join(k) for k in sorted(ONCE_LEFT_OUT)])
def test_the_page_shows_a_key_its_template_once_left_out(tree, key):
    path, changes, shown = ONCE_LEFT_OUT[key]
    write(tree, {path: edit(BASE[path], **changes)})
    site = load_site(tree, SETTINGS)
    assert flat(shown) in flat(Text.of(render(site.page(path.removeprefix("docs/")).markdown)).text)


def test_a_title_with_html_is_refused_by_the_check(tree):
    """Material prints page.title raw in places: HTML in a title never gets that far."""
    write(tree, {"docs/eigen/vet.md": "---\ntitle: 'Gewoon <b>vet</b>'\ndescription: D.\n---\n\nTekst.\n"})
    _, problems = check(tree)
    assert [str(p) for p in problems] == [
        "docs/eigen/vet.md:2: title: bevat HTML ('<b>vet</b>'); schrijf gewone tekst, zonder HTML-tags en zonder '{: ... }'"]
    with pytest.raises(ContentError):
        load_site(tree, SETTINGS)
