"""Limits for contributed YAML (front-matter and report definitions), checked before anything is
built from it: no anchors or aliases (``&naam`` / ``*naam``: one alias bomb of 600 bytes expands
to gigabytes), a nesting depth and a size. Each refusal is (line in the YAML text, what, expected),
in Dutch; nothing here raises.

Cheap on the common path: the event stream is read only when the text contains '&' or '*' (an
anchor or alias needs one), and the depth is measured on the composed nodes, which share
nothing once aliases are refused.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

MAX_DEPTH = 20               # mappings and lists inside each other
MAX_BYTES = 64 * 1024        # front-matter; a report definition may be larger (MAX_DEFINITION_BYTES)
MAX_DEFINITION_BYTES = 256 * 1024

_Parser = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


@dataclass(frozen=True)
class Refusal:
    line: int        # 0-based line in the YAML text
    wrong: str
    expected: str


ALIAS_EXPECTED = "schrijf de waarde voluit; verwijzingen met '&' en '*' zijn niet toegestaan"
DEPTH_EXPECTED = f"hoogstens {MAX_DEPTH} niveaus van lijsten en sleutels in elkaar"


def screen(text: str, max_bytes: int = MAX_BYTES) -> Refusal | None:
    """Size, anchors, aliases and (while reading events) depth; None if the text may be composed.
    A syntax error is left to the YAML parser, which reports it with its line."""
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        return Refusal(0, f"is {size // 1024} kB groot", f"hoogstens {max_bytes // 1024} kB")
    if "&" not in text and "*" not in text:
        return None
    loader = _Parser(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                return Refusal(event.start_mark.line, f"verwijzing '*{event.anchor}' (YAML-alias)", ALIAS_EXPECTED)
            if getattr(event, "anchor", None):
                return Refusal(event.start_mark.line, f"anker '&{event.anchor}' (YAML-anker)", ALIAS_EXPECTED)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return Refusal(event.start_mark.line, "is te diep genest", DEPTH_EXPECTED)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer reads the text again and reports the error with its line
    finally:
        loader.dispose()
    return None


def too_deep(node: yaml.Node) -> Refusal | None:
    """The first node nested deeper than MAX_DEPTH, as a refusal; also any node met twice (an
    alias that got past ``screen``)."""
    stack = [(node, 1)]
    seen: set[int] = set()
    while stack:
        current, depth = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            continue
        if id(current) in seen:
            return Refusal(current.start_mark.line, "verwijzing (YAML-alias)", ALIAS_EXPECTED)
        seen.add(id(current))
        if depth > MAX_DEPTH:
            return Refusal(current.start_mark.line, "is te diep genest", DEPTH_EXPECTED)
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in current.value)
    return None


def guarded_compose(loader: yaml.SafeLoader) -> yaml.Node | Refusal | None:
    """``loader.get_single_node()``, with Python's recursion limit as a refusal instead of a crash
    (PyYAML's pure-Python composer recurses once per nesting level)."""
    try:
        return loader.get_single_node()
    except RecursionError:
        return Refusal(0, "is te diep genest", DEPTH_EXPECTED)
