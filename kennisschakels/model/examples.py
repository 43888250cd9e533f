"""Valid example content, made from the declarations alone.

``example_tree`` writes one file (or more) of every declared type, with every key filled in
from its kind's example and references pointing at other examples, plus the index pages a
site needs. Test fixtures and the benchmark corpus start from it, so a new type or key is
covered without editing either.
"""

from __future__ import annotations

import yaml

from kennisschakels.model.declarations import TYPES
from kennisschakels.model.kinds import RefsKind
from kennisschakels.model.types import ContentType, Registry

REGION_FOLDER = "{region}"


def _id(type_: ContentType, index: int) -> str:
    return f"{type_.name}-{index + 1}"


def example_path(type_: ContentType, index: int, region: str = "regio-1", date: str = "2022-09-21") -> str:
    name = _id(type_, index)
    return type_.path.format(id=name if type_.path.stem != "index" else f"regio-{index + 1}",
                             region=region, date=date, name=name)


def example_meta(type_: ContentType, index: int, ids: dict[str, list[str]], optional: bool = True) -> dict:
    """Front-matter with every required key (and, with ``optional``, every optional key) filled in."""
    meta: dict = {}
    for spec in type_.fields:
        if not (spec.required or optional):
            continue
        if type_.path.dated and spec.name == "date":
            continue  # the file name gives it
        if spec.name == "title":
            meta["title"] = f"{type_.labels.singular.capitalize()} {index + 1}"
            continue
        if spec.name in ("draft", "overview", "maintainers", "monitoring"):
            continue  # switches and data with consequences: tests set them on purpose
        value = spec.kind.example(spec, ids)
        if isinstance(spec.kind, RefsKind) and not value:
            continue
        if spec.name == "number":
            value = index + 1
        meta[spec.name] = value
    return meta


def document(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"


def example_tree(types: Registry = TYPES, count: int = 1, optional: bool = True) -> dict[str, str]:
    """Repository path -> file text: ``count`` valid files of every type and the index pages."""
    ids: dict[str, list[str]] = {}
    paths: dict[str, list[str]] = {}
    for type_ in types:
        if type_.name == "page":
            continue
        ids[type_.name] = [f"regio-{i + 1}" if type_.name == "region" else
                           f"2022-09-21-{_id(type_, i)}" if type_.path.dated else _id(type_, i) for i in range(count)]
        paths[type_.name] = [example_path(type_, i) for i in range(count)]
    files: dict[str, str] = {}
    for type_ in types:
        if type_.name == "page":
            continue
        for index, path in enumerate(paths[type_.name]):
            meta = example_meta(type_, index, ids, optional)
            if type_.name == "region":
                meta["status"] = "participating"
            files[path] = document(meta, f"Tekst van {meta['title'].lower()}.")
    files["docs/index.md"] = document({"title": "Start", "description": "De startpagina."}, "Welkom.")
    files["essays/index.md"] = document({"title": "Essays", "description": "Alle essays.", "overview": "essays"}, "")
    files["regions/index.md"] = document({"title": "Regio's", "description": "Alle regio's.", "overview": "regions"}, "")
    for type_ in types:
        folder = type_.path.folder
        if folder.startswith("docs/") and "{" not in folder:
            meta = {"title": type_.labels.plural.capitalize(), "description": f"Alle {type_.labels.plural}."}
            files[f"{folder}/index.md"] = document(meta, "")
    return files
