"""The contributor's reference of the content types, made from the declarations.

The README's table of types is this text (between its markers); a test holds the two equal,
and ``python -m kennisschakels schema --readme`` rewrites it after a declaration changes.
"""

from __future__ import annotations

import re

from kennisschakels.model.declarations import TYPES
from kennisschakels.model.kinds import ChoiceKind
from kennisschakels.model.types import Registry

BEGIN, END = "<!-- inhoudstypen: begin (gemaakt uit de declaraties) -->", "<!-- inhoudstypen: end -->"


def _keys(specs) -> str:
    return ", ".join(f"`{s.name}`" for s in specs) or "–"


def content_table(types: Registry = TYPES) -> str:
    lines = ["| type | waar | verplicht | optioneel |", "| --- | --- | --- | --- |"]
    for type_ in types:
        required = [s for s in type_.fields if s.required]
        optional = [s for s in type_.fields if not s.required]
        lines.append(f"| {type_.labels.singular} | `{type_.path.example()}` | {_keys(required)} | {_keys(optional)} |")
    lines.append("")
    for type_ in types:
        for spec in type_.fields:
            if isinstance(spec.kind, ChoiceKind) and spec.name != "overview":
                lines.append(f"- `{spec.name}` van een {type_.labels.singular}: {spec.kind.describe(spec, {})}.")
    return "\n".join(lines)


def readme_section(types: Registry = TYPES) -> str:
    return f"{BEGIN}\n{content_table(types)}\n{END}"


def update_readme(text: str, types: Registry = TYPES) -> str:
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise ValueError("README.md heeft geen markeringen voor de tabel met inhoudstypen")
    return pattern.sub(lambda _: readme_section(types), text)
