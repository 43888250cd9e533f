"""Value kinds: what a front-matter field may hold.

Each kind knows four things about itself, so that nothing about a value is written twice:
- the pydantic type that validates and normalises it (``annotation``);
- its default when the field is absent (``default``);
- how it is described to a contributor, in Dutch (``describe``, used by the README table,
  the JSON Schema and the error messages);
- an example value for fixtures and the benchmark corpus (``example``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Strict, WithJsonSchema
from pydantic_core import PydanticCustomError

from kennisschakels.dates import PartialDate

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The site's calendar and feed code handles these years; later or earlier dates are typing errors.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _error(kind: str, wrong: str, expected: str) -> PydanticCustomError:
    """A validation error whose message is already the Dutch 'wat; verwacht' pair."""
    return PydanticCustomError(kind, "{wrong}", {"wrong": wrong, "expected": expected})


def _show(value: object) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


def _not_blank(value: str) -> str:
    if not value.strip():
        raise _error("leeg", "is leeg", "vul een tekst in of laat de sleutel weg")
    return value


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _printable(value: str) -> str:
    """No control characters: they make the feeds invalid XML and reach the pages and calendars."""
    found = _CONTROL.search(value)
    if found:
        raise _error("teken", f"bevat een onzichtbaar stuurteken (U+{ord(found[0]):04X}) in "
                              f"'{_show(_CONTROL.sub('?', value))}'",
                     "haal het weg; zulke tekens komen vaak mee bij kopiëren uit een pdf of uit Word")
    return value


def _date(value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if not isinstance(value, str):
        raise _error("datum", f"'{_show(value)}' is geen datum",
                     "verwacht JJJJ-MM-DD (bijv. 2022-04-25), of JJJJ-MM als alleen de maand bekend is; "
                     "zet de datum niet tussen andere tekens")
    parsed = PartialDate.parse(value)
    if parsed is None:
        reversed_ = re.match(r"^(\d{1,2})-(\d{1,2})-(\d{4})$", value.strip())
        hint = (f" (bedoelde je {reversed_[3]}-{int(reversed_[2]):02d}-{int(reversed_[1]):02d}?)"
                if reversed_ else "")
        raise _error("datum", f"'{_show(value)}' is geen bestaande datum",
                     "verwacht JJJJ-MM-DD (bijv. 2022-04-25), of JJJJ-MM als alleen de maand bekend is" + hint)
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise _error("datum", f"jaar {parsed.year} ligt buiten {FIRST_YEAR}-{LAST_YEAR}",
                     "controleer het jaartal")
    return parsed


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item in seen:
            raise PydanticCustomError("dubbel", "{wrong}", {
                "wrong": f"'{item}' staat er twee keer in", "expected": "noem elke id één keer", "index": index})
        seen.add(item)
    return items


def _id(value: str) -> str:
    if not ID_PATTERN.match(value):
        hint = " (staan er twee ids op één regel? zet elk item op een eigen regel met '  - ')" if " - " in value else ""
        raise _error("id", f"'{_show(value)}' is geen geldige id",
                     "gebruik kleine letters, cijfers en streepjes, bijv. 'samenwerking-regionaal'" + hint)
    return value


Text = Annotated[str, Strict(), AfterValidator(_not_blank), AfterValidator(_printable)]
Id = Annotated[str, Strict(), AfterValidator(_id)]
Date = Annotated[PartialDate, BeforeValidator(_date),
                 WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"})]


@dataclass(frozen=True)
class Kind:
    """Base of all kinds. ``noun`` names the kind in Dutch: "'x' is geen <noun>"."""

    noun: str = "waarde"
    expected: str = ""

    def annotation(self, spec: "FieldSpec") -> Any:
        raise NotImplementedError

    def default(self, spec: "FieldSpec") -> Any:
        return None

    def describe(self, spec: "FieldSpec", folders: dict[str, str]) -> str:
        """Dutch, for the README table; ``folders`` maps type names to where their files live."""
        return self.noun

    def example(self, spec: "FieldSpec", ids: dict[str, list[str]]) -> Any:
        raise NotImplementedError

    def is_empty(self, value: Any) -> bool:
        return value is None or value == [] or value == ""


@dataclass(frozen=True)
class TextKind(Kind):
    noun: str = "tekst"
    expected: str = "verwacht tekst (zet die tussen aanhalingstekens als er een dubbele punt in staat)"

    def annotation(self, spec):
        return Text

    def example(self, spec, ids):
        return f"Voorbeeld van {spec.label.lower()}"


@dataclass(frozen=True)
class IntKind(Kind):
    noun: str = "geheel getal"
    expected: str = "verwacht een getal zonder aanhalingstekens, bijv. 3"
    minimum: int = 0

    def annotation(self, spec):
        def at_least(value: int) -> int:
            if value < self.minimum:
                raise _error("getal", f"{value} is kleiner dan {self.minimum}", f"verwacht {self.minimum} of meer")
            return value
        return Annotated[int, Strict(), AfterValidator(at_least)]

    def describe(self, spec, folders):
        return f"geheel getal (vanaf {self.minimum})"

    def example(self, spec, ids):
        return max(1, self.minimum)


@dataclass(frozen=True)
class BoolKind(Kind):
    noun: str = "ja/nee-waarde"
    expected: str = "verwacht true of false"

    def annotation(self, spec):
        return Annotated[bool, Strict()]

    def default(self, spec):
        return False

    def describe(self, spec, folders):
        return "true of false"

    def example(self, spec, ids):
        return False


@dataclass(frozen=True)
class DateKind(Kind):
    noun: str = "datum"
    expected: str = "verwacht JJJJ-MM-DD (bijv. 2022-04-25), of JJJJ-MM als alleen de maand bekend is"

    def annotation(self, spec):
        return Date

    def describe(self, spec, folders):
        return "datum JJJJ-MM-DD, of JJJJ-MM als alleen de maand bekend is"

    def example(self, spec, ids):
        return "2022-09-21"


@dataclass(frozen=True)
class ChoiceKind(Kind):
    """One of a fixed set of ids; each id has the Dutch label that pages show."""

    choices: dict[str, str] = field(default_factory=dict)
    noun: str = "keuze"

    def annotation(self, spec):
        return Literal[tuple(self.choices)]

    def describe(self, spec, folders):
        return "één van: " + ", ".join(f"`{c}`" for c in self.choices)

    def label(self, value: str) -> str:
        return self.choices[value]

    def example(self, spec, ids):
        return next(iter(self.choices))


@dataclass(frozen=True)
class TextsKind(Kind):
    noun: str = "lijst van teksten"
    expected: str = "schrijf elke waarde op een eigen regel met '  - ' ervoor"

    def annotation(self, spec):
        return list[Text]

    def default(self, spec):
        return []

    def example(self, spec, ids):
        return [f"Voorbeeld van {spec.label.lower()}"]


@dataclass(frozen=True)
class RefsKind(Kind):
    """Ids of entries of another type; the catalogue resolves them to entries."""

    target: str = ""
    noun: str = "lijst van ids"
    expected: str = "schrijf elke id op een eigen regel met '  - ' ervoor"

    def annotation(self, spec):
        return Annotated[list[Id], AfterValidator(_unique)]

    def default(self, spec):
        return []

    def describe(self, spec, folders):
        return f"lijst van ids uit `{folders.get(self.target, self.target)}`"

    def example(self, spec, ids):
        return ids.get(self.target, [])[:1]


class Measurement(BaseModel):
    """One dated measurement of a network's growth: a score 1-5 per indicator."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    date: Date
    scores: dict[str, Annotated[int, Strict()]]
    note: Text | None = None


@dataclass(frozen=True)
class MonitoringKind(Kind):
    noun: str = "lijst van metingen"
    expected: str = "per meting 'date', 'scores' (alle zeven indicatoren, 1 tot en met 5) en eventueel 'note'"
    indicators: tuple[str, ...] = ()

    def annotation(self, spec):
        indicators = self.indicators

        def complete(items: list[Measurement]) -> list[Measurement]:
            for index, item in enumerate(items):
                missing = [i for i in indicators if i not in item.scores]
                unknown = [i for i in item.scores if i not in indicators]
                wrong = [f"{i}: {v}" for i, v in item.scores.items() if i in indicators and not 1 <= v <= 5]
                for problem, expected in (
                        (missing and "ontbrekende indicator(en) " + ", ".join(missing), "geef alle zeven indicatoren een score"),
                        (unknown and "onbekende indicator(en) " + ", ".join(unknown), "kies uit: " + ", ".join(indicators)),
                        (wrong and "score buiten 1-5 (" + ", ".join(wrong) + ")", "geef elke indicator een score van 1 tot en met 5")):
                    if problem:
                        raise PydanticCustomError("meting", "{wrong}", {
                            "wrong": f"meting {index + 1}: {problem}", "expected": expected, "index": index})
            return sorted(items, key=lambda m: m.date)
        return Annotated[list[Measurement], AfterValidator(complete)]

    def default(self, spec):
        return []

    def example(self, spec, ids):
        return [{"date": "2022-09-01", "scores": {i: 3 for i in self.indicators}}]


class SourceRef(BaseModel):
    """Where a page's facts come from: a source document and, if known, the part of it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    document: Id
    section: Text | None = None


@dataclass(frozen=True)
class SourcesKind(Kind):
    noun: str = "lijst van bronnen"
    expected: str = "per bron '- document: <id>' en eventueel 'section: <hoofdstuk of bijlage>'"

    def annotation(self, spec):
        return list[SourceRef]

    def default(self, spec):
        return []

    def describe(self, spec, folders):
        return "lijst van bronnen: `document` (id uit docs/bibliotheek/) en eventueel `section`"

    def example(self, spec, ids):
        return [{"document": d} for d in ids.get("document", [])[:1]]


@dataclass(frozen=True)
class FieldSpec:
    """One front-matter key of a content type."""

    name: str
    kind: Kind
    label: str            # Dutch, as pages and overviews show it ("Provincies")
    help: str             # one sentence for contributors (README, JSON Schema, messages)
    required: bool = False
    min_items: int = 0
    shown: bool = True    # listed in the page's facts block when the type has no template for it

    @property
    def ref(self) -> str:
        return self.kind.target if isinstance(self.kind, RefsKind) else ""


def ascii_fold(text: str) -> str:
    """'Fryslân' -> 'Fryslan': for ids and suggestions."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
