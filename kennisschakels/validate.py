"""Validation of every entry against its schema, the references between entries, and safety."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

from kennisschakels import monitoring, safety, schema
from kennisschakels.dates import PartialDate
from kennisschakels.problems import Problem, did_you_mean

if TYPE_CHECKING:
    from kennisschakels.catalogue import Catalogue, Entry

from kennisschakels.catalogue import ID_PATTERN, UPDATE_NAME

# "onbekend leerthema" but "onbekende regio": Dutch adjectives follow the noun's gender.
UNKNOWN = {name: ("onbekend " if name == "theme" else "onbekende ") + t.label for name, t in schema.TYPES.items()}


# Contributed files: what may be added beside the Markdown, and how large.
ASSET_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".csv", ".xlsx", ".docx", ".odt", ".ods"}
MAX_ASSET_BYTES = 2 * 1024 * 1024
MAX_MARKDOWN_BYTES = 200 * 1024
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)|<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def validate(catalogue: "Catalogue", entries: list["Entry"]) -> list[Problem]:
    problems: list[Problem] = []
    for entry in entries:
        problems.extend(_check_id(entry))
        problems.extend(_check_fields(catalogue, entry))
        problems.extend(_check_rules(catalogue, entry))
        problems.extend(_check_safety(entry))
        problems.extend(_check_media(entry))
        problems.extend(_check_links(catalogue, entry))
    problems.extend(check_files(catalogue.root, [e.path for e in entries], catalogue.assets + catalogue.docs_assets))
    problems.extend(_check_unique(catalogue, "theme", "number"))
    return problems


def _check_id(entry: "Entry") -> list[Problem]:
    name = entry.id.rsplit("/", 1)[-1]
    if entry.type == "page":
        name = entry.path.rsplit("/", 1)[-1][:-3]
    problems = []
    if entry.region and not ID_PATTERN.match(entry.region):
        problems.append(Problem(entry.path, 1, "bestand",
                                f"mapnaam '{entry.region}' is geen geldige regio-id",
                                "gebruik kleine letters, cijfers en streepjes (bijv. 'noord-holland')"))
    if entry.type == "update":
        match = UPDATE_NAME.match(name)
        if not match or PartialDate.parse(match[1]) is None or PartialDate.parse(match[1]).day == 0:
            return problems + [Problem(entry.path, 1, "bestand", f"bestandsnaam '{name}.md' klopt niet",
                                       "verwacht <JJJJ-MM-DD>-<naam>.md met een echte datum, bijv. 2022-06-16-kenniscafe.md")]
    elif not ID_PATTERN.match(name):
        what = "mapnaam" if entry.type == "region" else "bestandsnaam"
        problems.append(Problem(entry.path, 1, "bestand", f"{what} '{name}' is geen geldige id",
                                "gebruik alleen kleine letters (a-z), cijfers en streepjes, bijv. 'mijn-pagina'"))
    return problems


def _check_fields(catalogue: "Catalogue", entry: "Entry") -> list[Problem]:
    ctype = schema.TYPES[entry.type]
    source, meta, path = entry.source, entry.meta, entry.path
    problems = []
    if not source.key_lines and not meta:
        return problems  # the front-matter itself is broken: already reported by the parser
    for key in meta:
        if ctype.field(key) is None and key not in ctype.extra_keys:
            problems.append(Problem(path, source.line(key), key, f"onbekende sleutel voor een {ctype.label}",
                                    f"toegestaan zijn: {', '.join(ctype.keys)}" + did_you_mean(key, ctype.keys)))
    for f in ctype.fields:
        required = f.required or (f.required_if and meta.get(f.required_if[0]) == f.required_if[1])
        if f.optional_if and meta.get(f.optional_if[0]) == f.optional_if[1]:
            required = False
        if f.name not in meta or meta[f.name] in (None, "", []):
            if required:
                why = f" (verplicht als {f.required_if[0]} '{f.required_if[1]}' is)" if f.required_if else ""
                problems.append(Problem(path, source.line(f.name) if f.name in meta else 1, f.name,
                                        f"ontbreekt{why}", f"voeg '{f.name}:' toe: {f.help}"))
            continue
        problems.extend(_check_value(catalogue, entry, f, meta[f.name]))
    return problems


def _check_value(catalogue: "Catalogue", entry: "Entry", f: schema.Field, value) -> list[Problem]:
    path, line = entry.path, entry.source.line(f.name)

    def problem(wrong: str, expected: str, at: int = line) -> list[Problem]:
        return [Problem(path, at, f.name, wrong, expected)]

    if f.kind == schema.TEXT:
        if not isinstance(value, str) or not value.strip():
            return problem(f"'{value}' is geen tekst", "verwacht tekst (zet die zo nodig tussen aanhalingstekens)")
    elif f.kind == schema.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            return problem(f"'{value}' is geen geheel getal", "verwacht een getal zonder aanhalingstekens, bijv. 3")
    elif f.kind == schema.BOOL:
        if not isinstance(value, bool):
            return problem(f"'{value}' is geen ja/nee-waarde", "verwacht true of false")
    elif f.kind == schema.DATE:
        if not isinstance(value, str) or PartialDate.parse(value) is None:
            return problem(f"'{value}' is geen bestaande datum",
                           "verwacht JJJJ-MM-DD (bijv. 2022-04-25), of JJJJ-MM als alleen de maand bekend is")
    elif f.kind == schema.CHOICE:
        if value not in f.choices:
            return problem(f"onbekende waarde '{value}'",
                           f"kies uit: {', '.join(f.choices)}" + did_you_mean(str(value), f.choices))
    elif f.kind == schema.MONITORING:
        return [Problem(path, line if index is None else entry.source.line(f.name, index), f.name,
                        wrong if index is None else f"meting {index + 1}: {wrong}", expected)
                for index, wrong, expected in monitoring.problems_in(value)]
    elif f.kind == schema.SOURCES:
        if not isinstance(value, list):
            return problem(f"'{value}' is geen lijst", "schrijf elke bron op een eigen regel: '- document: <id>'")
        problems = []
        for index, item in enumerate(value):
            at = entry.source.line(f.name, index)
            if not isinstance(item, dict) or "document" not in item or set(item) - {"document", "section"}:
                problems += problem(f"bron {index + 1} klopt niet", "verwacht 'document: <id>' en eventueel 'section: <tekst>'", at)
            elif catalogue.get("document", str(item["document"])) is None:
                problems += problem(f"onbekend brondocument '{item['document']}'", "verwacht een id uit docs/bibliotheek/"
                                    + did_you_mean(str(item["document"]), catalogue.ids("document")), at)
            elif "section" in item and (not isinstance(item["section"], str) or not item["section"].strip()):
                problems += problem(f"bron {index + 1}: 'section' is geen tekst", "verwacht tekst, bijv. 'hoofdstuk 3'", at)
        return problems
    elif f.kind in (schema.TEXTS, schema.REFS):
        if not isinstance(value, list):
            return problem(f"'{value}' is geen lijst", f"schrijf elke waarde op een eigen regel met '- ' ervoor")
        if len(value) < f.min_items:
            return problem("lijst is leeg", f"geef minstens {f.min_items} waarde(n)")
        problems = []
        seen = set()
        for index, item in enumerate(value):
            at = entry.source.line(f.name, index)
            if not isinstance(item, str) or not item.strip():
                problems += problem(f"'{item}' is geen tekst", "verwacht tekst", at)
            elif f.kind == schema.REFS:
                if item in seen:
                    problems += problem(f"'{item}' staat er twee keer in", "noem elke id één keer", at)
                elif catalogue.get(f.ref, item) is None:
                    # Only a wrong id needs the list of known ids: listing them per reference is quadratic.
                    hint = (" (staan er twee ids op één regel? zet elk item op een eigen regel met '  - ')"
                            if " - " in item else did_you_mean(item, catalogue.ids(f.ref)))
                    problems += problem(f"{UNKNOWN[f.ref]} '{item}'",
                                        f"verwacht een id uit {_folder(f.ref)}" + hint, at)
                seen.add(item)
        return problems
    return []


def _folder(type_name: str) -> str:
    return schema.TYPES[type_name].location.rsplit("/", 1)[0] + "/"


def _check_rules(catalogue: "Catalogue", entry: "Entry") -> list[Problem]:
    """Rules that relate keys to each other or to the file's place."""
    meta, path, problems = entry.meta, entry.path, []
    if entry.region and catalogue.get("region", entry.region) is None:
        known = [e.id for e in catalogue.of("region")]
        problems.append(Problem(path, 1, "bestand", f"regio '{entry.region}' bestaat niet",
                                "maak eerst regions/<regio-id>/index.md, of zet het bestand in de map van een bestaande regio"
                                + did_you_mean(entry.region, known)))
    if entry.type == "update" and isinstance(meta.get("date"), str):
        from_name = entry.id.split("/", 1)[1][:10]
        if meta["date"] != from_name:
            problems.append(Problem(path, entry.source.line("date"), "date",
                                    f"'{meta['date']}' wijkt af van de datum in de bestandsnaam ({from_name})",
                                    "maak ze gelijk, of laat 'date' weg"))
    for start, end in (("date", "end_date"), ("date", "updated")):
        first, last = entry.date(start), entry.date(end)
        if end in meta and first and last and last < first:
            problems.append(Problem(path, entry.source.line(end), end,
                                    f"{last.iso} ligt vóór {start} {first.iso}", f"verwacht een datum op of na {first.iso}"))
    return problems


def _check_unique(catalogue: "Catalogue", type_name: str, key: str) -> list[Problem]:
    first_seen: dict[object, "Entry"] = {}
    problems = []
    for entry in catalogue.of(type_name):
        value = entry.meta.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            if value in first_seen:
                problems.append(Problem(entry.path, entry.source.line(key), key,
                                        f"{value} is al in gebruik door {first_seen[value].path}",
                                        "kies een nummer dat nog vrij is"))
            else:
                first_seen[value] = entry
    return problems


def _check_safety(entry: "Entry") -> list[Problem]:
    """Raw HTML, attr_list and link schemes in the body; HTML and attr_list in front-matter texts
    (kennisschakels/safety.py, with the sanitiser's allowlist)."""
    return (safety.check_markdown(entry.path, entry.source.body, entry.source.body_line)
            + safety.check_front_matter(entry.path, entry.meta, entry.source.line))


def _check_media(entry: "Entry") -> list[Problem]:
    """Images come from the repository and say what they show."""
    problems = []
    body, first = entry.source.body, entry.source.body_line
    for match in IMAGE.finditer(body):
        line = first + body.count("\n", 0, match.start())
        src = match[2] or match[3]
        if EXTERNAL.match(src):
            problems.append(Problem(entry.path, line, "inhoud", f"afbeelding van buiten de repository ({src})",
                                    "zet de afbeelding naast de pagina in de repository en verwijs ernaar met een relatief pad"))
        if match[2] is not None and not match[1].strip():
            problems.append(Problem(entry.path, line, "inhoud", "afbeelding zonder beschrijving",
                                    "zet tussen de blokhaken wat de afbeelding laat zien: ![beschrijving](bestand.png)"))
    return problems


def check_files(root, markdown: list[str], assets: list[str]) -> list[Problem]:
    """Sizes and types of contributed files."""
    problems = []
    for path in markdown:
        size = (root / path).stat().st_size
        if size > MAX_MARKDOWN_BYTES:
            problems.append(Problem(path, 1, "bestand", f"is {size // 1024} kB groot",
                                    f"maximaal {MAX_MARKDOWN_BYTES // 1024} kB; splits de tekst over meer pagina's"))
    for path in assets:
        name = path.rsplit("/", 1)[-1]
        suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if f".{suffix}" not in ASSET_TYPES:
            why = ("SVG kan script bevatten" if suffix == "svg" else
                   "bestand zonder extensie (een pagina moet op .md eindigen)" if not suffix else
                   f"bestandstype '.{suffix}' is niet toegestaan")
            problems.append(Problem(path, 1, "bestand", why,
                                    f"toegestaan zijn: {', '.join(sorted(ASSET_TYPES))}"))
            continue
        size = (root / path).stat().st_size
        if size > MAX_ASSET_BYTES:
            problems.append(Problem(path, 1, "bestand", f"is {size / 1024 / 1024:.1f} MB groot",
                                    f"maximaal {MAX_ASSET_BYTES // 1024 // 1024} MB; verklein de afbeelding of het bestand"))
    return problems


def _check_links(catalogue: "Catalogue", entry: "Entry") -> list[Problem]:
    """Relative links point at pages and files that exist (in Dutch, with the line)."""
    # Blank out fenced code, keeping its newlines, so line numbers stay right.
    body = FENCE.sub(lambda m: "\n" * m[0].count("\n"), entry.source.body)
    problems = []
    for match in LINK.finditer(body):
        target = match[1].split("#", 1)[0].split("?", 1)[0]
        if not target or EXTERNAL.match(target):
            continue
        line = entry.source.body_line + body.count("\n", 0, match.start())
        if target.startswith("/"):
            problems.append(Problem(entry.path, line, "inhoud", f"link met een absoluut pad ({target})",
                                    "gebruik een pad ten opzichte van deze pagina, bijv. ../leerthemas/schaalniveau.md"))
            continue
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(entry.uri), target))
        if uri == ".." or uri.startswith("../"):  # never look outside the repository
            problems.append(Problem(entry.path, line, "inhoud", f"link naar een plek buiten de site ({target})",
                                    "verwijs naar een pagina of bestand van de site"))
            continue
        if target.endswith(".md"):
            if catalogue.by_uri(uri) is None:
                problems.append(Problem(entry.path, line, "inhoud", f"link naar een pagina die niet bestaat ({target})",
                                        "controleer het pad ten opzichte van deze pagina"
                                        + did_you_mean(uri, catalogue.uris())))
        elif not catalogue.source_file(uri).exists():
            problems.append(Problem(entry.path, line, "inhoud", f"link naar een bestand dat niet bestaat ({target})",
                                    "zet het bestand in de repository naast de pagina, of controleer het pad"))
    return problems
