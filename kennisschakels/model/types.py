"""What a content type is: one declaration holds everything the site needs to know about it.

A ``ContentType`` says where its files live (a path pattern), which front-matter keys they
have (``FieldSpec``s with a value kind), its Dutch names, its natural order, the rules that
relate its keys, and what the site does with it (search weight, scaffold, feed, calendar,
overview page). Classification, validation, navigation, reverse links, labels, scaffolds,
the JSON Schema, the README table, fixtures and the benchmark corpus all read it from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

from annotated_types import MinLen
from pydantic import BaseModel, ConfigDict, Field, create_model
from typing import Annotated

from kennisschakels.model.kinds import ChoiceKind, FieldSpec, RefsKind

if TYPE_CHECKING:
    from kennisschakels.model.entry import Entry
    from kennisschakels.problems import Problem


@dataclass(frozen=True)
class Labels:
    """Dutch names of a type: 'de regio' / 'de regio's', 'het leerthema' / 'de leerthema's'."""

    singular: str
    plural: str
    article: str = "de"

    @property
    def unknown(self) -> str:
        """'onbekende regio', 'onbekend leerthema': the adjective follows the noun's gender."""
        return ("onbekend " if self.article == "het" else "onbekende ") + self.singular

    def count(self, n: int) -> str:
        """'geen regio's', '1 regio', '3 regio's'."""
        if n == 0:
            return f"geen {self.plural}"
        return f"{n} {self.singular if n == 1 else self.plural}"


# A rule looks at one entry and returns its problems (cross-field checks, e.g. "required when").
Rule = Callable[["Entry"], list["Problem"]]
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class PathPattern:
    """Where files of a type live, e.g. ``regions/{region}/updates/{date}-{name}.md``.

    The last segment is the file name: ``{id}`` (the id is the file name) or ``{date}-{name}``
    (a date prefix that must agree with the ``date`` key). ``{region}`` is the owning region.
    """

    text: str

    @property
    def parts(self) -> list[str]:
        return self.text.split("/")

    @property
    def folder(self) -> str:
        """The folder with placeholders, e.g. 'regions/{region}/updates'."""
        return self.text.rsplit("/", 1)[0]

    @property
    def stem(self) -> str:
        return self.parts[-1][:-3] if self.parts[-1].endswith(".md") else self.parts[-1]

    @property
    def dated(self) -> bool:
        return self.stem.startswith("{date}-")

    def matches_shape(self, path: str) -> dict[str, str] | None:
        """The placeholder values when ``path`` has this pattern's folder shape (names unchecked)."""
        mine, theirs = self.parts, path.split("/")
        if len(mine) != len(theirs) or not theirs[-1].endswith(".md"):
            return None
        values: dict[str, str] = {}
        for pattern, actual in zip(mine[:-1], theirs[:-1]):
            names = _PLACEHOLDER.findall(pattern)
            if names:
                values[names[0]] = actual
            elif pattern != actual:
                return None
        if mine[-1].endswith(".md") and not _PLACEHOLDER.search(mine[-1]) and mine[-1] != theirs[-1]:
            return None
        values["stem"] = theirs[-1][:-3]
        return values

    def format(self, **values: str) -> str:
        return _PLACEHOLDER.sub(lambda m: values[m[1]], self.text)

    def example(self) -> str:
        """The pattern as a contributor reads it: 'regions/<regio-id>/updates/<JJJJ-MM-DD>-<naam>.md'."""
        text = self.text.replace("{id}/index.md", "<regio-id>/index.md").replace("{path}", "<map>/<naam>")
        return text.replace("{region}", "<regio-id>").replace("{date}", "<JJJJ-MM-DD>").replace(
            "{name}", "<naam>").replace("{id}", "<naam>")


@dataclass(frozen=True)
class ContentType:
    name: str                              # internal name, e.g. 'region'
    labels: Labels
    path: PathPattern
    fields: tuple[FieldSpec, ...]
    description: str                       # one Dutch line for the README table
    order: Callable[["Entry"], tuple]      # natural order of its entries (also the menu)
    rules: tuple[Rule, ...] = ()
    unique: tuple[str, ...] = ()           # keys whose values must differ between entries
    search_weight: float = 1.0             # the page about a thing ranks above pages mentioning it
    scaffold: str = ""                     # 'nieuw' kind and template in kennisschakels/sjablonen/
    feed: str = ""                         # title of its Atom feed ('' : no feed)
    calendar: bool = False                 # its entries go in the iCalendar files
    overview: str = ""                     # source uri of the page that lists every entry
    in_menu_limit: int = 50                # above this many, the menu shows only the overview
    date_precision: str = "month"          # 'day': a dated file name needs a full date
    extra_classes: tuple[str, ...] = field(default_factory=tuple)

    @cached_property
    def field_map(self) -> dict[str, FieldSpec]:
        return {f.name: f for f in self.fields}

    @property
    def keys(self) -> list[str]:
        return [f.name for f in self.fields]

    @property
    def refs(self) -> list[FieldSpec]:
        return [f for f in self.fields if isinstance(f.kind, RefsKind)]

    def choice_label(self, key: str, value: str) -> str:
        kind = self.field_map[key].kind
        return kind.label(value) if isinstance(kind, ChoiceKind) else value

    @cached_property
    def model(self) -> type[BaseModel]:
        """The pydantic model that validates and normalises a file's front-matter."""
        definitions: dict[str, Any] = {}
        for spec in self.fields:
            annotation = spec.kind.annotation(spec)
            if spec.min_items:
                annotation = Annotated[annotation, MinLen(spec.min_items)]
            if spec.required:
                definitions[spec.name] = (annotation, Field(description=spec.help))
            else:
                default = spec.kind.default(spec)
                if isinstance(default, list):
                    definitions[spec.name] = (annotation, Field(default_factory=list, description=spec.help))
                else:
                    definitions[spec.name] = (annotation | None if default is None else annotation,
                                              Field(default=default, description=spec.help))
        return create_model(f"{self.name.capitalize()}Fields", __config__=ConfigDict(
            extra="forbid", frozen=True, title=f"Kennisschakels: {self.labels.singular}",
            arbitrary_types_allowed=True), **definitions)

    def json_schema(self) -> dict:
        schema = self.model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["description"] = self.description
        return schema


class Registry:
    """The declared content types, in classification order (the catch-all 'page' last)."""

    def __init__(self, types: list[ContentType]):
        self._types = {t.name: t for t in types}

    def __getitem__(self, name: str) -> ContentType:
        return self._types[name]

    def __contains__(self, name: str) -> bool:
        return name in self._types

    def __iter__(self):
        return iter(self._types.values())

    def names(self) -> list[str]:
        return list(self._types)

    def with_type(self, extra: ContentType) -> "Registry":
        """A registry with one more type, placed before the catch-all page type (for tests)."""
        types = list(self._types.values())
        return Registry(types[:-1] + [extra] + types[-1:])

    def folders(self) -> dict[str, str]:
        """Type name -> its folder as a contributor writes it, e.g. 'docs/leerthemas/'."""
        return {t.name: t.path.folder.replace("{region}", "<regio-id>").replace("{id}", "<regio-id>") + "/"
                for t in self}
