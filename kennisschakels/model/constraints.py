"""Rules that relate one entry's keys to each other, for use in the type declarations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kennisschakels.problems import Problem

if TYPE_CHECKING:
    from kennisschakels.model.entry import Entry
    from kennisschakels.model.types import Rule


def required_when(key: str, other: str, value: object) -> "Rule":
    """``key`` must be given when ``other`` has ``value`` (e.g. questions of a participating region)."""

    def rule(entry: "Entry") -> list[Problem]:
        if entry.value(other) == value and entry.type.field_map[key].kind.is_empty(entry.value(key)):
            spec = entry.type.field_map[key]
            return [Problem(entry.path, entry.line(key) if entry.is_set(key) else 1, key,
                            f"ontbreekt (verplicht als {other} '{value}' is)", f"voeg '{key}:' toe: {spec.help}")]
        return []
    return rule


def required_unless(key: str, flag: str) -> "Rule":
    """``key`` must be given unless the boolean ``flag`` is true (e.g. the date of a draft essay)."""

    def rule(entry: "Entry") -> list[Problem]:
        if not entry.value(flag) and entry.type.field_map[key].kind.is_empty(entry.value(key)):
            spec = entry.type.field_map[key]
            return [Problem(entry.path, entry.line(key) if entry.is_set(key) else 1, key,
                            f"ontbreekt (alleen bij {flag}: true mag dit nog ontbreken)",
                            f"voeg '{key}:' toe: {spec.help}")]
        return []
    return rule


def not_before(later: str, earlier: str) -> "Rule":
    """The date in ``later`` is on or after the date in ``earlier`` (end dates, revisions)."""

    def rule(entry: "Entry") -> list[Problem]:
        first, last = entry.value(earlier), entry.value(later)
        if first and last and last < first:
            return [Problem(entry.path, entry.line(later), later, f"{last.iso} ligt vóór {earlier} {first.iso}",
                            f"verwacht een datum op of na {first.iso}")]
        return []
    return rule
