"""Which content type a file is, from where it lives; and what is wrong with its name.

File names are ids (lower case, digits, hyphens). Messages name the cause and suggest the
name to use instead: 'Test_Aanpak_Fryslân.md' -> 'test-aanpak-fryslan.md',
'05-03-2024-kenniscafe.md' -> '2024-03-05-kenniscafe.md'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kennisschakels.dates import PartialDate
from kennisschakels.model.kinds import ID_PATTERN, ascii_fold
from kennisschakels.model.types import ContentType, Registry
from kennisschakels.problems import Problem, did_you_mean

CONTENT_ROOTS = ("docs", "essays", "regions")
_DATED = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)-(.+)$")
_REVERSED = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})-(.+)$")
# Top-level folders that belong beside docs/, not inside it.
_NOT_IN_DOCS = ("essays", "regions")


@dataclass(frozen=True)
class Place:
    """A content file's type and identity, as its path says."""

    type: ContentType
    id: str
    path: str
    owner_id: str = ""                 # the region folder of an update or practice
    date: PartialDate | None = None    # the date in a dated file name


def slug(text: str) -> str:
    """'Test_Aanpak_Fryslân' -> 'test-aanpak-fryslan'."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")[:60].strip("-") or "naam"


def _name_problem(path: str, what: str, name: str, suggestion: str) -> Problem:
    """What is wrong with a name, every cause at once, and the name to use instead."""
    bare = name.removesuffix(".md")
    causes = [cause for present, cause in (
        (bare != bare.lower(), "hoofdletters"),
        (ascii_fold(bare) != bare, "letters met accenten"),
        (" " in bare, "spaties"),
        ("_" in bare, "liggende streepjes (_)"),
        (bool(re.search(r"[^\w\s-]", ascii_fold(bare))), "leestekens"),
    ) if present]
    if not causes:
        wrong = "is geen geldige naam"
    else:
        wrong = "bevat " + (causes[0] if len(causes) == 1 else ", ".join(causes[:-1]) + " en " + causes[-1])
    return Problem(path, 1, "bestand", f"{what} '{name}' {wrong}",
                   f"gebruik alleen kleine letters (a-z), cijfers en streepjes: hernoem naar '{suggestion}'")


def _stem(path: str, type_: ContentType, stem: str) -> tuple[str, PartialDate | None, list[Problem]]:
    """The id part and the date of a file name, or the problems with it."""
    if not type_.path.dated:
        if ID_PATTERN.match(stem):
            return stem, None, []
        return stem, None, [_name_problem(path, "bestandsnaam", f"{stem}.md", f"{slug(stem)}.md")]
    example = "2022-06-16-kenniscafe.md" if type_.date_precision == "day" else "2022-06-16-kenniscafe.md of 2022-06-kenniscafe.md"
    match = _DATED.match(stem)
    if not match:
        reversed_ = _REVERSED.match(stem)
        if reversed_:
            day, month, year, rest = reversed_.groups()
            fixed = f"{year}-{int(month):02d}-{int(day):02d}-{slug(rest)}.md"
            return stem, None, [Problem(path, 1, "bestand", f"bestandsnaam '{stem}.md' begint met de datum in de "
                                        "volgorde dag-maand-jaar", f"zet het jaar voorop: hernoem naar '{fixed}'")]
        return stem, None, [Problem(path, 1, "bestand", f"bestandsnaam '{stem}.md' begint niet met een datum",
                                    f"verwacht <JJJJ-MM-DD>-<naam>.md, bijv. {example}")]
    date_text, name = match.groups()
    problems = []
    date = PartialDate.parse(date_text)
    if date is None:
        problems.append(Problem(path, 1, "bestand", f"'{date_text}' in de bestandsnaam is geen bestaande datum",
                                f"verwacht <JJJJ-MM-DD>-<naam>.md, bijv. {example}"))
    elif type_.date_precision == "day" and not date.day:
        problems.append(Problem(path, 1, "bestand", f"de datum '{date_text}' in de bestandsnaam mist de dag",
                                f"verwacht <JJJJ-MM-DD>-<naam>.md, bijv. {example}"))
    if not ID_PATTERN.match(name):
        problems.append(_name_problem(path, "naam", name, f"{date_text}-{slug(name)}.md"))
    return stem, date, problems


def classify(path: str, types: Registry) -> Place | list[Problem]:
    """The place of a Markdown file (relative to the repository, with '/'), or why it has none."""
    place, problems = locate(path, types)
    return problems if problems else place


def locate(path: str, types: Registry) -> tuple[Place | None, list[Problem]]:
    """(place, problems) of a Markdown file. A file with a wrong name still gets a place (its type
    is clear from its folder), so that the rest of the file is checked in the same run."""
    parts = path.split("/")
    for type_ in types:
        if type_.name == "page":
            continue
        values = type_.path.matches_shape(path)
        if values is None or (values["stem"] == "index" and type_.path.stem != "index"):
            continue
        owner = values.get("region", "")
        problems = []
        if owner and not ID_PATTERN.match(owner):
            problems.append(_name_problem(path, "mapnaam", owner, slug(owner)))
        if "id" in values and type_.path.stem == "index":  # a region: its id is its folder's name
            if not ID_PATTERN.match(values["id"]):
                problems.append(_name_problem(path, "mapnaam", values["id"], slug(values["id"])))
            return Place(type_, values["id"], path), problems
        stem, date, name_problems = _stem(path, type_, values["stem"])
        problems += name_problems
        return Place(type_, f"{owner}/{stem}" if owner else stem, path, owner, date), problems
    misplaced = _misplaced(parts, types)
    if misplaced:
        return None, [Problem(path, 1, "bestand", "staat op een plek waar de site het niet verwacht", misplaced)]
    return Place(types["page"], path[len("docs/"):-3] if parts[0] == "docs" else path[:-3], path), []


def _in_tree(parts: list[str], folder: list[str]) -> bool:
    """Whether a path lies in a type's folder tree (same root, same fixed second folder)."""
    if parts[0] != folder[0]:
        return False
    return len(folder) == 1 or "{" in folder[1] or (len(parts) > 1 and parts[1] == folder[1])


def _misplaced(parts: list[str], types: Registry) -> str:
    """What is expected instead, when a path lies in a typed folder without matching its pattern."""
    if parts[0] in ("essays", "regions") and len(parts) == 2 and parts[1] == "index.md":
        return ""
    if parts[0] == "docs" and len(parts) > 2 and parts[1] in _NOT_IN_DOCS:
        return f"verwacht de map {parts[1]}/ bovenin de repository, niet in docs/"
    candidates = [t for t in types if t.name != "page" and _in_tree(parts, t.path.folder.split("/"))]
    if not candidates:
        return ""
    folders = [t.path.folder.split("/") for t in candidates]
    if parts[-1] == "index.md" and any(len(f) + 1 == len(parts) and "{" not in "".join(f) for f in folders):
        return ""  # the index page of a typed folder, e.g. docs/sessies/index.md
    hint = ""
    if parts[0] == "regions" and len(parts) == 4:
        hint = did_you_mean(parts[2], [t.path.parts[2] for t in candidates if len(t.path.parts) == 4])
    return "verwacht " + " of ".join(t.path.example() for t in candidates) + hint
