"""Checks over the whole catalogue: rules of each type, unique values, page bodies and files.

Each check returns Dutch problems with file, line and key; none of them writes anything.
"""

from __future__ import annotations

import posixpath
import re

from kennisschakels import anchors, safety, scaffolds
from kennisschakels.catalogue import Catalogue
from kennisschakels.model.entry import Entry
from kennisschakels.problems import Problem, did_you_mean

# Contributed files: what may be added beside the Markdown, and how large.
ASSET_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".csv", ".xlsx", ".docx", ".odt", ".ods"}
MAX_ASSET_BYTES = 2 * 1024 * 1024
MAX_MARKDOWN_BYTES = 200 * 1024
IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)|<img\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.I)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
# The first bytes of the image formats we accept, to catch a file renamed to another extension.
MAGIC = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
         ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".pdf": (b"%PDF-",)}
FORMAT_NAMES = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"RIFF": "WebP", b"%PDF": "PDF"}


def check_catalogue(catalogue: Catalogue) -> list[Problem]:
    problems: list[Problem] = []
    anchor_cache: dict[Entry, set[str]] = {}  # anchors of the pages that links point into, for this run
    for entry in catalogue.all():
        for rule in entry.type.rules:
            problems.extend(rule(entry))
        problems.extend(_check_body(catalogue, entry, anchor_cache))
    for type_ in catalogue.types:
        for key in type_.unique:
            problems.extend(_check_unique(catalogue, type_.name, key))
    problems.extend(check_files(catalogue))
    return problems


def _check_unique(catalogue: Catalogue, type_name: str, key: str) -> list[Problem]:
    first_seen: dict[object, Entry] = {}
    problems = []
    for entry in catalogue.of(type_name):
        value = entry.value(key)
        if value is None:
            continue
        if value in first_seen:
            problems.append(Problem(entry.path, entry.line(key), key,
                                    f"{value} is al in gebruik door {first_seen[value].path}",
                                    "kies een waarde die nog vrij is"))
        else:
            first_seen[value] = entry
    return problems


def blank_code(body: str) -> str:
    """The body with fenced code blanked out (newlines kept), so examples are not checked as text."""
    return FENCE.sub(lambda m: "\n" * m[0].count("\n"), body)


def _check_body(catalogue: Catalogue, entry: Entry, cache: dict) -> list[Problem]:
    body = blank_code(entry.body)
    first = entry.file.body_line
    problems = safety.check_markdown(entry.path, entry.body, first)
    problems += safety.check_front_matter(entry.path, entry.file.meta, entry.line)
    problems += scaffolds.placeholder_problems(entry.path, entry.file.meta, entry.body, first, entry.line)
    derived = {h.casefold() for h in _derived_headings(entry)}
    for match in ATX.finditer(body):
        line = first + body.count("\n", 0, match.start())
        text, _ = anchors.heading_text(match[2])
        if len(match[1]) == 1:
            problems.append(Problem(entry.path, line, "inhoud", f"kop van niveau 1 ('# {match[2]}')",
                                    "de paginatitel komt uit 'title' en staat al bovenaan; begin kopjes in de tekst "
                                    "met '## '"))
        elif text.casefold() in derived:
            problems.append(Problem(entry.path, line, "inhoud", f"de kop '{text}' maakt de site zelf al op deze pagina",
                                    "kies een andere kop; wat onder de kop van de site staat, komt uit de gegevens"))
    for match in IMAGE.finditer(body):
        line = first + body.count("\n", 0, match.start())
        src = match[2] or match[3]
        if EXTERNAL.match(src):
            problems.append(Problem(entry.path, line, "inhoud", f"afbeelding van buiten de repository ({src})",
                                    "zet de afbeelding naast de pagina in de repository en verwijs ernaar met een relatief pad"))
        if match[2] is not None and not match[1].strip():
            problems.append(Problem(entry.path, line, "inhoud", "afbeelding zonder beschrijving",
                                    "zet tussen de blokhaken wat de afbeelding laat zien: ![beschrijving](bestand.png)"))
        elif match[3] is not None and not re.search(r"\balt\s*=\s*[\"'][^\"']+", match[0]):
            problems.append(Problem(entry.path, line, "inhoud", "afbeelding zonder beschrijving (alt)",
                                    "gebruik ![beschrijving](bestand.png)"))
        if not EXTERNAL.match(src):
            problems.extend(_missing_target(catalogue, entry, line, src, cache))
    for match in LINK.finditer(body):
        if body[max(0, match.start() - 1):match.start()] == "!" or _is_image(body, match.start()):
            continue
        line = first + body.count("\n", 0, match.start())
        problems.extend(_missing_target(catalogue, entry, line, match[1], cache))
    return problems


def _derived_headings(entry: Entry) -> tuple[str, ...]:
    overview = entry.overview if entry.type.name == "page" else ""
    return anchors.derived_headings(entry.type.name, overview or "")


def _anchors(entry: Entry, cache: dict) -> set[str]:
    if entry not in cache:
        cache[entry] = anchors.anchors(blank_code(entry.body), _derived_headings(entry))
    return cache[entry]


def _is_image(body: str, bracket_end: int) -> bool:
    """Whether the ']' at ``bracket_end`` closes the alt text of an image."""
    start = body.rfind("[", 0, bracket_end)
    return start > 0 and body[start - 1] == "!"


def _missing_target(catalogue: Catalogue, entry: Entry, line: int, link: str, cache: dict) -> list[Problem]:
    """Relative links point at pages and files that exist (in Dutch, with the path to write)."""
    target = link.split("#", 1)[0].split("?", 1)[0]
    if EXTERNAL.match(link) or (not target and "#" not in link):
        return []
    if target.startswith("/"):
        return [Problem(entry.path, line, "inhoud", f"link met een absoluut pad ({target})",
                        "gebruik een pad ten opzichte van deze pagina, bijv. ../leerthemas/schaalniveau.md")]
    fragment = link.split("#", 1)[1] if "#" in link else ""
    if not target:
        return _missing_anchor(entry, entry, line, fragment, cache) if fragment else []
    uri = posixpath.normpath(posixpath.join(posixpath.dirname(entry.uri), target))
    if uri == ".." or uri.startswith("../"):  # never look outside the repository
        return [Problem(entry.path, line, "inhoud", f"link naar een plek buiten de site ({target})",
                        "verwijs naar een pagina of bestand van de site")]
    if target.endswith(".md"):
        page = catalogue.by_uri(uri)
        if page is not None and fragment:
            return _missing_anchor(entry, page, line, fragment, cache)
        if not catalogue.exists(uri):
            suggestion = did_you_mean(uri, catalogue.uris())
            if suggestion:
                wanted = suggestion[len(" (bedoelde je '"):-len("'?)")]
                suggestion = f" (bedoelde je '{posixpath.relpath(wanted, posixpath.dirname(entry.uri) or '.')}'?)"
            return [Problem(entry.path, line, "inhoud", f"link naar een pagina die niet bestaat ({target})",
                            "controleer het pad ten opzichte van deze pagina" + suggestion)]
    elif not catalogue.source_file(uri).is_file():
        return [Problem(entry.path, line, "inhoud", f"link naar een bestand dat niet bestaat ({target})",
                        "zet het bestand in de repository naast de pagina, of controleer het pad")]
    return []


def _missing_anchor(entry: Entry, page: Entry, line: int, fragment: str, cache: dict) -> list[Problem]:
    known = _anchors(page, cache)
    if fragment in known:
        return []
    where = "op deze pagina" if page is entry else f"op {posixpath.relpath(page.uri, posixpath.dirname(entry.uri) or '.')}"
    return [Problem(entry.path, line, "inhoud", f"link naar een kop die niet bestaat (#{fragment}) {where}",
                    "gebruik het anker van een bestaande kop: kleine letters, spaties als streepjes"
                    + did_you_mean(fragment, known))]


def check_files(catalogue: Catalogue) -> list[Problem]:
    """Sizes and types of contributed files; an image's content matches its extension."""
    problems = []
    root = catalogue.root
    for entry in catalogue.all():
        size = (root / entry.path).stat().st_size
        if size > MAX_MARKDOWN_BYTES:
            problems.append(Problem(entry.path, 1, "bestand", f"is {size // 1024} kB groot",
                                    f"maximaal {MAX_MARKDOWN_BYTES // 1024} kB; splits de tekst over meer pagina's"))
    for path in catalogue.assets:
        name = path.rsplit("/", 1)[-1]
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in ASSET_TYPES:
            why = ("SVG kan script bevatten" if suffix == ".svg" else
                   "bestand zonder extensie (een pagina moet op .md eindigen)" if not suffix else
                   f"bestandstype '{suffix}' is niet toegestaan")
            problems.append(Problem(path, 1, "bestand", why, f"toegestaan zijn: {', '.join(sorted(ASSET_TYPES))}"))
            continue
        file = root / path
        size = file.stat().st_size
        if size > MAX_ASSET_BYTES:
            problems.append(Problem(path, 1, "bestand", f"is {size / 1024 / 1024:.1f} MB groot",
                                    f"maximaal {MAX_ASSET_BYTES // 1024 // 1024} MB; verklein de afbeelding of het bestand"))
        if suffix in MAGIC:
            with file.open("rb") as handle:
                head = handle.read(16)
            if not head.startswith(MAGIC[suffix]):
                actual = next((n for magic, n in FORMAT_NAMES.items() if head.startswith(magic)), "")
                fix = (f"geef het bestand de extensie van wat het is ({actual}: '.{actual.lower().replace('jpeg', 'jpg')}')"
                       if actual else "sla het bestand opnieuw op in het formaat van de extensie")
                problems.append(Problem(path, 1, "bestand", f"de inhoud past niet bij de extensie '{suffix}'"
                                        + (f" (het is een {actual}-bestand)" if actual else ""), fix))
    return problems
