"""The content model without a site: every declaration, every kind and its Dutch messages.

Each test reads one file's front-matter (``frontmatter.parse``) and validates it against its
type's declaration (``validation.validate_fields``): no tree, no catalogue, no build.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml

from kennisschakels.dates import PartialDate
from kennisschakels.frontmatter import parse
from kennisschakels.model import reference
from kennisschakels.model.declarations import INDICATORS, TYPES
from kennisschakels.model.entry import Entry
from kennisschakels.model.examples import document, example_meta, example_path, example_tree
from kennisschakels.model.kinds import ChoiceKind, RefsKind
from kennisschakels.validation import ENGINE_KEYS, validate_fields

from conftest import ROOT

TYPE_NAMES = TYPES.names()
# Every id an example may refer to (what example_tree makes).
IDS = {t.name: ([f"regio-{i}" for i in (1, 2)] if t.name == "region" else
                [f"2022-09-21-{t.name}-{i}" for i in (1, 2)] if t.path.dated else
                [f"{t.name}-{i}" for i in (1, 2)]) for t in TYPES}


def meta_of(type_name: str, optional: bool = True) -> dict:
    meta = example_meta(TYPES[type_name], 0, IDS, optional)
    if type_name == "region":
        meta["status"] = "participating"
    return meta


def path_of(type_name: str) -> str:
    return "docs/pagina.md" if type_name == "page" else example_path(TYPES[type_name], 0)


def validate(type_name: str, meta: dict | str, body: str = "Tekst.") -> list[str]:
    """The Dutch problems of one file of this type with this front-matter (a dict or YAML text)."""
    type_ = TYPES[type_name]
    yaml_text = meta if isinstance(meta, str) else yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path = path_of(type_name)
    source, syntax = parse(path, f"---\n{yaml_text}---\n{body}\n")
    assert syntax == []
    defaults = {"date": "2022-09-21"} if type_.path.dated else {}
    _, problems = validate_fields(type_, source, defaults)
    return [str(p) for p in problems]


def yaml_of(type_name: str, **changes) -> str:
    """The example's YAML text with keys replaced (None: removed), in the example's key order."""
    meta = meta_of(type_name)
    for key, value in changes.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)


class _KeyLine(int):
    """The file line of a key; ``[n]`` gives the line of its item n (0-based)."""

    def __new__(cls, line: int, items: list[int]):
        value = super().__new__(cls, line)
        value.items = items
        return value

    def __getitem__(self, index: int) -> int:
        return self.items[index]


def key_lines(yaml_text: str) -> dict[str, _KeyLine]:
    """Line in the file (front-matter starts on line 2) of every top-level key and its list items."""
    found: dict[str, _KeyLine] = {}
    current = None
    for number, line in enumerate(yaml_text.splitlines(), 2):
        match = re.match(r"^([A-Za-z_]+):", line)
        if match:
            current = match[1]
            found[current] = _KeyLine(number, [])
        elif line.startswith("- ") and current:
            found[current].items.append(number)
    return found


def fill(expected: str, yaml_text: str) -> str:
    """``expected`` with ``{key}`` and ``{key[n]}`` replaced by their lines in ``yaml_text``."""
    return expected.format_map(key_lines(yaml_text))


# ----------------------------------------------------------------------------- declarations

def test_twelve_types_are_declared_with_page_last():
    assert TYPE_NAMES == ["region", "update", "practice", "essay", "theme", "session", "lesson", "person",
                          "organisation", "term", "document", "page"]


@pytest.mark.parametrize("type_name", TYPE_NAMES)
@pytest.mark.parametrize("optional", [True, False], ids=["alle-sleutels", "alleen-verplicht"])
def test_every_declared_type_validates_its_example(type_name, optional):
    meta = meta_of(type_name, optional)
    if type_name == "essay" and not optional:
        meta.update(authors=["person-1"], date="2022-09-21")  # required unless draft (a rule, not the model)
    assert validate(type_name, meta) == []


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_every_declared_key_has_a_dutch_label_help_and_an_example(type_name):
    type_ = TYPES[type_name]
    assert type_.labels.singular and type_.labels.plural and type_.description
    for spec in type_.fields:
        assert spec.label and spec.help.endswith((".", ")")), (type_name, spec.name)
        assert spec.kind.describe(spec, TYPES.folders()), (type_name, spec.name)
        if isinstance(spec.kind, RefsKind):
            assert spec.kind.target in TYPES, (type_name, spec.name)


def test_the_example_tree_has_a_file_of_every_type_and_an_index_per_typed_folder():
    files = example_tree(count=2)
    for type_ in TYPES:
        if type_.name != "page":
            assert example_path(type_, 0) in files and example_path(type_, 1) in files, type_.name
    assert {"docs/index.md", "essays/index.md", "regions/index.md", "docs/sessies/index.md"} <= set(files)


@pytest.mark.parametrize("type_name", TYPE_NAMES)
def test_no_declared_key_clashes_with_an_entry_attribute(type_name):
    """Templates read keys as attributes (``entry.date``): a key named like an Entry attribute would
    silently show the attribute instead of the file's value."""
    taken = {name for name in dir(Entry) if not name.startswith("_")} | {f.name for f in dataclasses.fields(Entry)}
    clashes = [spec.name for spec in TYPES[type_name].fields if spec.name in taken]
    assert clashes == []


def test_engine_keys_are_not_declared_by_any_type_that_would_pass_them_to_the_engine():
    # 'status' and 'tags' are content keys of some types (sessions, regions, updates): there they are
    # data; everywhere else they are refused as engine keys.
    declared = {spec.name for type_ in TYPES for spec in type_.fields}
    assert {"template", "hide", "render_macros", "search", "icon", "nav"} & declared == set()


def test_readme_table_of_types_is_generated_from_the_declarations():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = reference.readme_section()
    assert section in readme, "README.md is out of date: run python -m kennisschakels schema --readme"
    assert reference.update_readme(readme) == readme
    for type_ in TYPES:
        assert f"| {type_.labels.singular} | `{type_.path.example()}` |" in section


def test_json_schema_of_each_type_follows_the_declaration():
    essay = TYPES["essay"].json_schema()
    assert essay["$schema"].endswith("2020-12/schema")
    assert essay["required"] == ["title", "description", "themes"]
    assert essay["properties"]["themes"]["minItems"] == 1
    assert essay["additionalProperties"] is False
    session = TYPES["session"].json_schema()
    assert set(session["properties"]["kind"]["enum"]) == set(TYPES["session"].field_map["kind"].kind.choices)


# ----------------------------------------------------------------------------- kinds: one message per mistake

WRONG_TYPE = [
    ("text where a list is expected", "region", {"provinces": "Overijssel"},
     "regions/regio-1/index.md:{provinces}: provinces: 'Overijssel' is geen lijst; schrijf elke waarde op een eigen regel"),
    ("number where text is expected", "essay", {"title": 3},
     "essays/essay-1.md:{title}: title: '3' is geen tekst; verwacht tekst"),
    ("text where a number is expected", "theme", {"number": "een"},
     "docs/leerthemas/theme-1.md:{number}: number: 'een' is geen geheel getal; verwacht een getal zonder aanhalingstekens"),
    ("quoted number", "theme", {"number": "3"},
     "docs/leerthemas/theme-1.md:{number}: number: '3' is geen geheel getal"),
    ("number below the minimum", "region", {"municipalities": 0},
     "regions/regio-1/index.md:{municipalities}: municipalities: 0 is kleiner dan 1; verwacht 1 of meer"),
    ("text where true/false is expected", "essay", {"draft": "ja"},
     "essays/essay-1.md:{draft}: draft: 'ja' is geen ja/nee-waarde; verwacht true of false"),
    ("number where a date is expected", "essay", {"date": 2022},
     "essays/essay-1.md:{date}: date: '2022' is geen datum; verwacht JJJJ-MM-DD"),
    ("one id where a list of ids is expected", "essay", {"authors": "person-1"},
     "essays/essay-1.md:{authors}: authors: 'person-1' is geen lijst; schrijf elke id op een eigen regel"),
    ("number in a list of texts", "update", {"tags": ["bodem", 3]},
     "regions/regio-1/updates/2022-09-21-update-1.md:{tags[1]}: tags: '3' is geen tekst"),
    ("text where a list of sources is expected", "essay", {"sources": "document-1"},
     "essays/essay-1.md:{sources}: sources: 'document-1' is geen lijst; per bron '- document: <id>'"),
    ("an id where a source is expected", "essay", {"sources": ["document-1"]},
     "essays/essay-1.md:{sources[0]}: sources: 'document-1' heeft niet de verwachte vorm; per bron '- document: <id>'"),
]

EMPTY = [
    ("empty text", "essay", {"title": ""}, "essays/essay-1.md:{title}: title: is leeg; vul een tekst in of laat de sleutel weg"),
    ("blank text", "person", {"role": "   "}, "docs/mensen/person-1.md:{role}: role: is leeg"),
    ("empty item in a list of texts", "region", {"partners": ["Provincie", ""]},
     "regions/regio-1/index.md:{partners[1]}: partners: is leeg"),
    ("required key without a value", "essay", {"description": None},
     "essays/essay-1.md:1: description: ontbreekt; voeg 'description:' toe: Eén of twee zinnen"),
    ("control character in a text", "essay", {"title": "Essay\x1b1"},
     "essays/essay-1.md:{title}: title: bevat een onzichtbaar stuurteken (U+001B) in 'Essay?1'; haal het weg"),
    ("NUL in a list of texts", "region", {"partners": ["Provincie", "Gemeente\x00"]},
     "regions/regio-1/index.md:{partners[1]}: partners: bevat een onzichtbaar stuurteken (U+0000) in 'Gemeente?'"),
    ("empty required list", "essay", {"themes": []},
     "essays/essay-1.md:{themes}: themes: lijst is leeg; geef minstens 1 waarde; schrijf elke id op een eigen regel"),
    ("empty list of provinces", "region", {"provinces": []},
     "regions/regio-1/index.md:{provinces}: provinces: lijst is leeg; geef minstens 1 waarde"),
]

DATES = [
    ("day that does not exist", {"date": "2022-02-30"},
     "essays/essay-1.md:{date}: date: '2022-02-30' is geen bestaande datum; verwacht JJJJ-MM-DD (bijv. 2022-04-25), "
     "of JJJJ-MM als alleen de maand bekend is"),
    ("no leap day in 2023", {"date": "2023-02-29"}, "essays/essay-1.md:{date}: date: '2023-02-29' is geen bestaande datum"),
    ("written out", {"date": "1 september 2022"}, "essays/essay-1.md:{date}: date: '1 september 2022' is geen bestaande datum"),
    ("with a time", {"date": "2022-09-21T10:00"}, "essays/essay-1.md:{date}: date: '2022-09-21T10:00' is geen bestaande datum"),
    ("day-month-year, with the date it probably means", {"date": "21-09-2022"},
     "essays/essay-1.md:{date}: date: '21-09-2022' is geen bestaande datum; verwacht JJJJ-MM-DD (bijv. 2022-04-25), of "
     "JJJJ-MM als alleen de maand bekend is (bedoelde je 2022-09-21?)"),
    ("day-month-year without leading zeros", {"date": "5-3-2024"}, "(bedoelde je 2024-03-05?)"),
    ("far future", {"date": "9999-12-31"}, "essays/essay-1.md:{date}: date: jaar 9999 ligt buiten 1900-2100; controleer het jaartal"),
    ("just after the last year", {"date": "2101-01-01"}, "essays/essay-1.md:{date}: date: jaar 2101 ligt buiten 1900-2100"),
    ("far past", {"date": "1850-01-01"}, "essays/essay-1.md:{date}: date: jaar 1850 ligt buiten 1900-2100"),
    ("revision before the essay", {"updated": "2022-09-20"}, None),  # a rule (constraints), not a kind: no message here
]


@pytest.mark.parametrize("type_name, changes, expected", [c[1:] for c in WRONG_TYPE], ids=[c[0] for c in WRONG_TYPE])
def test_wrong_type_is_named_in_dutch_with_file_line_and_key(type_name, changes, expected):
    text = yaml_of(type_name, **changes)
    problems = validate(type_name, text)
    assert any(p.startswith(fill(expected, text)) for p in problems), problems


@pytest.mark.parametrize("type_name, changes, expected", [c[1:] for c in EMPTY], ids=[c[0] for c in EMPTY])
def test_empty_values_are_named_in_dutch(type_name, changes, expected):
    text = yaml_of(type_name, **changes)
    problems = validate(type_name, text)
    assert any(p.startswith(fill(expected, text)) for p in problems), problems


@pytest.mark.parametrize("changes, expected", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_bad_dates_are_refused_in_dutch(changes, expected):
    text = yaml_of("essay", **changes)
    problems = validate("essay", text)
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and fill(expected, text) in problems[0], problems


@pytest.mark.parametrize("text, iso, dutch", [
    ("2022-09", "2022-09", "september 2022"), ("2024-02-29", "2024-02-29", "29 februari 2024"),
    ("1900-01-01", "1900-01-01", "1 januari 1900"), ("2100-12-31", "2100-12-31", "31 december 2100"),
])
def test_good_dates_are_kept_with_their_precision(text, iso, dutch):
    assert validate("essay", yaml_of("essay", date=text, updated=None)) == []
    date = PartialDate.parse(text)
    assert (date.iso, date.dutch) == (iso, dutch)


@pytest.mark.parametrize("text", ["regel\nnieuwe regel", "tab\tertussen", "windows\r\nregel", "NBSP\u00a0", "zero\u200bwidth"])
def test_line_breaks_tabs_and_unicode_spaces_are_fine_in_a_text(text):
    assert validate("essay", yaml_of("essay", title=text)) == []


def test_an_unquoted_yaml_date_is_read_as_text_not_as_a_python_date():
    assert validate("essay", yaml_of("essay", updated=None).replace("date: '2022-09-21'", "date: 2022-09-21")) == []


def test_unknown_key_lists_the_allowed_keys_and_suggests_the_closest():
    text = yaml_of("essay").replace("description:", "descripton:")
    problems = validate("essay", text)
    assert (f"essays/essay-1.md:{key_lines(text)['descripton']}: descripton: onbekende sleutel voor een essay; toegestaan zijn: title, description, "
            "authors, date, themes, updated, regions, draft, tags, sessions, sources, source_notes, organisations "
            "(bedoelde je 'description'?)") in problems
    # The key it meant is then missing: said once, at the top of the file.
    assert "essays/essay-1.md:1: description: ontbreekt; voeg 'description:' toe: Eén of twee zinnen: wat vindt " \
           "de lezer op deze pagina? Verschijnt in zoekresultaten." in problems


@pytest.mark.parametrize("key, value", [("template", "main.html"), ("hide", ["toc", "navigation"]),
                                        ("render_macros", True), ("search", {"exclude": True}), ("icon", "x"),
                                        ("status", "new"), ("nav", ["a.md"])])
@pytest.mark.parametrize("type_name", ["essay", "page", "person"])
def test_engine_keys_are_refused_with_the_reason(type_name, key, value):
    problems = validate(type_name, yaml_of(type_name) + yaml.safe_dump({key: value}))
    line = len(yaml_of(type_name).splitlines()) + 2
    assert problems == [f"{path_of(type_name)}:{line}: {key}: stuurt de opmaak van de site en is niet "
                        f"toegestaan in een {TYPES[type_name].labels.singular}; haal de sleutel weg; de site bepaalt "
                        "zelf de opmaak"]


def test_engine_key_that_a_type_declares_is_data_there():
    # Sessions declare 'status' and updates 'tags': the engine never sees them (the adapter passes
    # only title and description to the theme).
    assert "status" in ENGINE_KEYS and "tags" in ENGINE_KEYS
    assert validate("session", yaml_of("session", status="gehouden")) == []
    assert validate("update", yaml_of("update", tags=["bodem"])) == []


def test_unknown_choice_lists_the_choices_and_suggests_the_closest():
    text = yaml_of("session", kind="inspiratie-sessie")
    problems = validate("session", text)
    choices = ", ".join(TYPES["session"].field_map["kind"].kind.choices)
    assert problems == [f"docs/sessies/2022-09-21-session-1.md:{key_lines(text)['kind']}: kind: onbekende waarde 'inspiratie-sessie'; "
                        f"kies uit: {choices} (bedoelde je 'inspiratiesessie'?)"]


@pytest.mark.parametrize("type_name, key", [(t.name, s.name) for t in TYPES for s in t.fields
                                             if isinstance(s.kind, ChoiceKind)])
def test_every_choice_key_refuses_an_unknown_value_in_dutch(type_name, key):
    problems = validate(type_name, yaml_of(type_name, **{key: "bestaat-niet"}))
    assert len(problems) == 1 and f": {key}: onbekende waarde 'bestaat-niet'; kies uit: " in problems[0], problems


def test_duplicate_id_in_a_list_names_the_item_line():
    text = yaml_of("essay", themes=["theme-1", "theme-2", "theme-1"])
    problems = validate("essay", text)
    line = text.splitlines().index("- theme-1", text.splitlines().index("themes:") + 2) + 2
    assert problems == [f"essays/essay-1.md:{line}: themes: 'theme-1' staat er twee keer in; noem elke id één keer"]


def test_two_ids_on_one_line_get_a_hint():
    text = yaml_of("essay", authors=["person-1 - person-2"])
    problems = validate("essay", text)
    assert problems == [f"essays/essay-1.md:{key_lines(text)['authors'][0]}: authors: 'person-1 - person-2' is geen geldige id; gebruik kleine "
                        "letters, cijfers en streepjes, bijv. 'samenwerking-regionaal' (staan er twee ids op één "
                        "regel? zet elk item op een eigen regel met '  - ')"]


def test_every_mistake_of_a_file_is_reported_at_once():
    problems = validate("essay", yaml_of("essay", date="2022-13-01", draft="ja", themes=[], title=""))
    assert [p.split(": ")[1] for p in problems] == ["title", "date", "themes", "draft"]


# ----------------------------------------------------------------------------- nested values: the line of the item

def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_sources_errors_name_the_line_of_the_item():
    text = yaml_of("essay", sources=[{"document": "document-1"}, {"documnt": "x"}, {"document": "Document 2"},
                                     {"document": "document-2", "section": ""}])
    problems = validate("essay", text)
    first = _lines(text).index("sources:") + 2  # the line of 'sources:' in the file (after '---')
    assert problems == [
        f"essays/essay-1.md:{first + 2}: sources: item 2: 'document' ontbreekt; per bron '- document: <id>' en "
        "eventueel 'section: <hoofdstuk of bijlage>'",
        f"essays/essay-1.md:{first + 2}: sources: item 2: onbekende sleutel 'documnt'; per bron '- document: <id>' en "
        "eventueel 'section: <hoofdstuk of bijlage>'",
        f"essays/essay-1.md:{first + 3}: sources: 'Document 2' is geen geldige id; gebruik kleine letters, cijfers en "
        "streepjes, bijv. 'samenwerking-regionaal'",
        f"essays/essay-1.md:{first + 4}: sources: is leeg; vul een tekst in of laat de sleutel weg",
    ]


SCORES = {name: 3 for name in INDICATORS}


def monitoring_yaml(*measurements: dict) -> str:
    return yaml_of("region", monitoring=list(measurements))


@pytest.mark.parametrize("bad, expected", [
    ({**SCORES, "verjonging": 7}, "meting 2: score buiten 1-5 (verjonging: 7); geef elke indicator een score van 1 tot "
                                  "en met 5"),
    ({k: v for k, v in SCORES.items() if k != "verjonging"},
     "meting 2: ontbrekende indicator(en) verjonging; geef alle zeven indicatoren een score"),
    ({**SCORES, "jeugd": 3}, "meting 2: onbekende indicator(en) jeugd; kies uit: " + ", ".join(INDICATORS)),
    ({**SCORES, "verjonging": "hoog"}, "item 2: 'hoog' is geen geheel getal; per meting 'date', 'scores'"),
], ids=["score-buiten-bereik", "indicator-ontbreekt", "onbekende-indicator", "geen-getal"])
def test_monitoring_errors_name_the_line_of_the_measurement(bad, expected):
    text = monitoring_yaml({"date": "2023-01-10", "scores": dict(SCORES)}, {"date": "2024-01-10", "scores": bad})
    second = [i for i, line in enumerate(_lines(text), 2) if line.startswith("- date: ")][1]
    problems = validate("region", text)
    assert len(problems) == 1 and problems[0].startswith(f"regions/regio-1/index.md:{second}: monitoring: {expected}"), \
        problems


def test_monitoring_date_and_unknown_key_errors_name_the_measurement_line():
    text = monitoring_yaml({"date": "2023-01-10", "scores": dict(SCORES)},
                           {"date": "2024-13-10", "notitie": "x", "scores": dict(SCORES)})
    second = [i for i, line in enumerate(_lines(text), 2) if line.startswith("- date: ")][1]
    problems = validate("region", text)
    assert f"regions/regio-1/index.md:{second}: monitoring: '2024-13-10' is geen bestaande datum; verwacht JJJJ-MM-DD " \
           "(bijv. 2022-04-25), of JJJJ-MM als alleen de maand bekend is" in problems
    assert any(p.startswith(f"regions/regio-1/index.md:{second}: monitoring: item 2: onbekende sleutel 'notitie'")
               for p in problems), problems


def test_monitoring_is_kept_in_date_order():
    type_ = TYPES["region"]
    meta = {**meta_of("region"), "monitoring": [{"date": "2024-01-10", "scores": dict(SCORES)},
                                                {"date": "2023-01-10", "scores": dict(SCORES), "note": "Eerste meting."}]}
    source, _ = parse("regions/regio-1/index.md", document(meta, "Tekst."))
    data, problems = validate_fields(type_, source, {})
    assert problems == []
    assert [m.date.iso for m in data.monitoring] == ["2023-01-10", "2024-01-10"]


def test_defaults_of_absent_optional_keys():
    type_ = TYPES["essay"]
    source, _ = parse("essays/essay-1.md", document({"title": "T", "description": "D", "themes": ["theme-1"],
                                                     "draft": True}, ""))
    data, problems = validate_fields(type_, source, {})
    assert problems == []
    assert (data.authors, data.date, data.tags, data.sources, data.draft) == ([], None, [], [], True)
    assert data.model_fields_set == {"title", "description", "themes", "draft"}


def test_is_set_counts_the_date_in_the_file_name_and_not_the_defaults(tree):
    from conftest import edit, write
    from kennisschakels.load import load_catalogue

    path = "docs/sessies/2022-09-21-session-1.md"
    write(tree, {path: edit(example_tree()[path], location=None)})
    session = load_catalogue(tree).get("session", "2022-09-21-session-1")
    assert "date" not in session.file.meta and session.is_set("date")  # from the file name
    assert session.date.iso == "2022-09-21"
    assert session.is_set("kind") and session.is_set("latest")  # written, also when false
    assert not session.is_set("location") and session.location is None  # a default
