"""Validating one file's front-matter against its type's declaration, with Dutch messages.

pydantic checks and normalises the values (every error of a file at once); this module
turns each of its errors into ``pad:regel: sleutel: wat; verwacht``, with the line of the
key or list item and a suggestion where one exists.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from kennisschakels.frontmatter import Source
from kennisschakels.model.kinds import ChoiceKind, FieldSpec
from kennisschakels.model.types import ContentType
from kennisschakels.problems import Problem, did_you_mean

# Keys that steer MkDocs or Material rather than describe content: refused with a reason.
ENGINE_KEYS = {"template", "render_macros", "hide", "search", "icon", "subtitle", "status", "tags", "nav",
               "title_template", "comments", "robots"}


def _show(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def validate_fields(type_: ContentType, source: Source, defaults: dict[str, Any]) -> tuple[BaseModel | None, list[Problem]]:
    """The typed values of a file, or None with every problem of its front-matter."""
    # An empty key ('date:') is the same as no key: the message then says what is missing.
    raw = {k: v for k, v in source.meta.items() if v is not None}
    for key, value in defaults.items():
        raw.setdefault(key, value)
    try:
        return type_.model.model_validate(raw), []
    except ValidationError as error:
        problems = [_problem(type_, source, e) for e in error.errors(include_url=False)]
        return None, problems


def _problem(type_: ContentType, source: Source, error: dict) -> Problem:
    loc = error["loc"]
    key = str(loc[0]) if loc else "front-matter"
    spec = type_.field_map.get(key)
    index = next((part for part in loc[1:2] if isinstance(part, int)), None)
    context = error.get("ctx") or {}
    if index is None and isinstance(context.get("index"), int):
        index = context["index"]
    line = source.line(key, index) if key in source.key_lines else 1
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden" and len(loc) == 1:
        return _unknown_key(type_, source, key)
    if spec is None:  # pragma: no cover - pydantic reports only declared keys otherwise
        return Problem(source.path, line, key, "onverwachte waarde", "controleer de gegevens")
    if "wrong" in context and "expected" in context:  # our own kinds explain themselves
        return Problem(source.path, line, key, str(context["wrong"]), str(context["expected"]))
    where = f"item {index + 1}: " if index is not None and len(loc) > 2 else ""
    expected = spec.kind.expected or "verwacht een geldige waarde"
    if kind == "extra_forbidden":
        return Problem(source.path, line, key, f"{where}onbekende sleutel '{loc[-1]}'", expected)
    if kind == "missing":
        if len(loc) > 1:
            return Problem(source.path, line, key, f"{where}'{loc[-1]}' ontbreekt", expected)
        return Problem(source.path, line, key, "ontbreekt", f"voeg '{key}:' toe: {spec.help}")
    if kind == "literal_error":
        choices = list(spec.kind.choices) if isinstance(spec.kind, ChoiceKind) else []
        return Problem(source.path, line, key, f"onbekende waarde '{_show(value)}'",
                       "kies uit: " + ", ".join(choices) + did_you_mean(str(value), choices))
    if kind == "too_short":
        return Problem(source.path, line, key, "lijst is leeg", f"geef minstens {spec.min_items} waarde; {expected}")
    if kind in ("list_type", "tuple_type"):
        return Problem(source.path, line, key, f"{where}'{_show(value)}' is geen lijst", expected)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Problem(source.path, line, key, f"{where}'{_show(value)}' heeft niet de verwachte vorm", expected)
    if kind == "string_type" and isinstance(value, dict) and len(value) == 1:
        # '- Energie: hoe ...': the colon and space make YAML read a key with a value.
        text = next(f"{k}: {v}" for k, v in value.items())
        return Problem(source.path, line, key, f"{where}'{_show(text)}' wordt door de dubbele punt gelezen als "
                       "sleutel met waarde", "zet de hele tekst tussen aanhalingstekens: \"...\"")
    noun = spec.kind.noun if len(loc) == 1 else _NOUNS.get(kind, "geldige waarde")
    return Problem(source.path, line, key, f"{where}'{_show(value)}' is geen {noun}", expected)


# Nouns for pydantic's type errors inside lists and nested values.
_NOUNS = {"string_type": "tekst", "int_type": "geheel getal", "bool_type": "ja/nee-waarde",
          "float_type": "getal", "date_type": "datum"}


def _unknown_key(type_: ContentType, source: Source, key: str) -> Problem:
    line = source.line(key)
    if key in ENGINE_KEYS and key not in type_.field_map:
        return Problem(source.path, line, key, f"stuurt de opmaak van de site en is niet toegestaan in een "
                       f"{type_.labels.singular}", "haal de sleutel weg; de site bepaalt zelf de opmaak")
    allowed = type_.keys
    return Problem(source.path, line, key, f"onbekende sleutel voor een {type_.labels.singular}",
                   f"toegestaan zijn: {', '.join(allowed)}" + did_you_mean(key, allowed))
