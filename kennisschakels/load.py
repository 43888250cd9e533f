"""Reading a repository into a checked catalogue: every problem of a run at once.

walk files -> read front-matter -> place by path -> validate keys -> resolve references ->
check rules, bodies and files. Nothing here writes anything.
"""

from __future__ import annotations

from pathlib import Path

from kennisschakels import checks, files
from kennisschakels.catalogue import Catalogue
from kennisschakels.classify import Place, locate
from kennisschakels.frontmatter import Source, parse
from kennisschakels.model.declarations import TYPES
from kennisschakels.model.entry import Entry
from kennisschakels.model.types import Registry
from kennisschakels.problems import ContentError, Problem
from kennisschakels.settings import Settings
from kennisschakels.validation import validate_fields


def read_entries(root: Path, types: Registry, settings: Settings | None = None
                 ) -> tuple[list[Entry], list[tuple[Place, Source]], files.Walk, list[Problem]]:
    """Every content file as an entry. Files whose keys have problems are reported and left out,
    but their places are kept, so links and references to them are not reported as well."""
    found = files.walk(root, settings)
    problems = list(found.problems)
    entries, broken = [], []
    for path in found.markdown:
        text, encoding_problem = files.read_text(root, path)
        if encoding_problem:
            problems.append(encoding_problem)
            continue
        source, syntax = parse(path, text)
        problems.extend(syntax)
        place, place_problems = locate(path, types)
        problems.extend(place_problems)
        if place is None:
            continue
        if syntax and not source.meta:
            broken.append((place, source))
            continue  # nothing to validate: the parser has said why
        defaults = {"date": place.date.iso} if place.date and "date" in place.type.field_map else {}
        data, field_problems = validate_fields(place.type, source, defaults)
        # A key whose YAML could not be read is reported once, not also as missing.
        problems.extend(p for p in field_problems if p.key not in source.unreadable)
        # A dated file whose name gives no date ('05-03-2024-x.md') and without 'date:' has no place in
        # the order of its type: the name's problem says why; it is left out like a file that does not
        # validate (before, sorting the sessions crashed the check).
        undated = place.type.path.dated and getattr(data, "date", None) is None
        if syntax or data is None or undated:
            broken.append((place, source))
            continue
        # A file with only a wrong name is an entry too: its body and references are checked in the
        # same run (any problem stops the build anyway).
        entries.append(Entry(place.type, place.id, source, data, place.owner_id))
        if place.date and source.meta.get("date") not in (None, place.date.iso):
            problems.append(Problem(path, source.line("date"), "date",
                                    f"'{source.meta['date']}' wijkt af van de datum in de bestandsnaam ({place.date.iso})",
                                    "maak ze gelijk, of laat 'date' weg: de bestandsnaam geeft de datum al"))
    return entries, broken, found, problems


def check(root: Path | str, types: Registry = TYPES, settings: Settings | None = None
          ) -> tuple[Catalogue, list[Problem]]:
    """The catalogue of ``root`` and every problem in it, sorted."""
    root = Path(root).resolve()
    entries, broken, found, problems = read_entries(root, types, settings)
    catalogue = Catalogue(root, types, entries, found.assets, broken, found.docs_assets)
    problems += catalogue.problems
    problems += checks.check_catalogue(catalogue)
    return catalogue, sorted(set(problems))


def load_catalogue(root: Path | str, types: Registry = TYPES) -> Catalogue:
    """The checked catalogue; raises ContentError listing every problem."""
    catalogue, problems = check(root, types)
    if problems:
        raise ContentError(problems)
    return catalogue
