"""Reading one Markdown file: YAML front-matter with the line of every key, and the body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from kennisschakels import yamlsafe
from kennisschakels.problems import Problem


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so we can report a bad date instead of crashing."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


if yaml.__with_libyaml__:
    class _FastLoader(yaml.CSafeLoader):
        """The same loader on libyaml's C parser: reading thousands of files stays well under a second."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
else:  # pragma: no cover - PyYAML wheels ship with libyaml
    _FastLoader = None

_FENCE = re.compile(r"^---[ \t]*$")


@dataclass
class Source:
    """A parsed Markdown file. Line numbers are 1-based lines of the file itself."""

    path: str                                   # relative to the repository, with '/'
    meta: dict = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[str, list[int]] = field(default_factory=dict)  # lines of list items
    body: str = ""
    body_line: int = 1                          # file line where the body starts
    unreadable: set[str] = field(default_factory=set)  # keys whose YAML could not be read (already reported)

    def line(self, key: str, index: int | None = None) -> int:
        if index is not None and index < len(self.item_lines.get(key, [])):
            return self.item_lines[key][index]
        return self.key_lines.get(key, 1)


def parse(path: str, text: str) -> tuple[Source, list[Problem]]:
    """Split and parse a file. Returns the source and any syntax problems."""
    source = Source(path)
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0].lstrip("\ufeff")):
        source.body = text
        return source, [Problem(path, 1, "front-matter", "ontbreekt",
                                "het bestand begint met een regel '---', dan de gegevens (title, description, ...), dan weer '---'")]
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        source.body = text
        return source, [Problem(path, 1, "front-matter", "wordt niet afgesloten",
                                "zet na de gegevens een regel met alleen '---'")]
    source.body = "\n".join(lines[end + 1:])
    source.body_line = end + 2
    yaml_lines = lines[1:end]
    refused = yamlsafe.screen("\n".join(yaml_lines))  # size, anchors and aliases: before anything is composed
    if refused:
        return source, [_refusal(path, refused, 2)]
    problems = _read_into(source, yaml_lines, first_line=2)
    if problems and problems[0].wrong.startswith("YAML-fout") and len(yaml_lines) > 1:
        # One mistake should not hide the rest: read every top-level key on its own.
        problems = _recover(source, yaml_lines)
    return source, problems


_TOP_KEY = re.compile(r"^[^\s#\-][^:]*:")


def _recover(source: Source, yaml_lines: list[str]) -> list[Problem]:
    """Read the front-matter key by key after a YAML error: the keys that can be read are kept (and
    checked as usual); each block that cannot be read gets its own message."""
    starts = [i for i, line in enumerate(yaml_lines) if _TOP_KEY.match(line)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    problems: list[Problem] = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(yaml_lines)
        block = yaml_lines[start:stop]
        if not any(line.strip() and not line.lstrip().startswith("#") for line in block):
            continue
        part = Source(source.path)
        found = _read_into(part, block, first_line=start + 2)
        if found and found[0].wrong.startswith("YAML-fout"):
            key = block[0].split(":", 1)[0].strip() if _TOP_KEY.match(block[0]) else ""
            if key:
                source.unreadable.add(key)
            problems.extend(found)
            continue
        problems.extend(found)
        for key, value in part.meta.items():
            if key in source.meta:
                problems.append(Problem(source.path, part.key_lines[key], key, "staat er twee keer in",
                                        "gebruik elke sleutel één keer"))
            source.meta[key] = value
        source.key_lines.update(part.key_lines)
        source.item_lines.update(part.item_lines)
    return problems


# The characters YAML refuses anywhere (yaml.reader.Reader.NON_PRINTABLE), found per line first.
_UNPRINTABLE = yaml.reader.Reader.NON_PRINTABLE


def _read_into(source: Source, yaml_lines: list[str], first_line: int) -> list[Problem]:
    """Parse YAML lines (the first is file line ``first_line``) into ``source``; syntax problems."""
    path, offset = source.path, first_line
    yaml_text = "\n".join(yaml_lines)
    if _UNPRINTABLE.search(yaml_text):  # YAML refuses the whole text before it reads a key
        return [Problem(path, number + offset, "front-matter",
                        f"bevat een onzichtbaar stuurteken (U+{ord(found.group()):04X})",
                        "typ de regel opnieuw of verwijder het teken; het komt meestal mee bij kopiëren en plakken")
                for number, line in enumerate(yaml_lines) if (found := _UNPRINTABLE.search(line))]
    fast = _fast_compose(yaml_text)
    loader = _Loader(yaml_text) if fast is None else None
    try:
        node = yamlsafe.guarded_compose(loader) if loader else fast[0]
        if isinstance(node, yamlsafe.Refusal):
            return [_refusal(path, node, offset)]
        # The fast path has measured the depth already; it left the data out if the node is too deep.
        deep = node is not None and (loader is not None or fast[1] is None)
        refused = yamlsafe.too_deep(node) if deep else None
        if refused:
            return [_refusal(path, refused, offset)]
        if node is None:
            return [Problem(path, 1, "front-matter", "is leeg", "vul minstens title en description in")]
        if not isinstance(node, yaml.MappingNode):
            return [Problem(path, offset, "front-matter", "is geen lijst van sleutels met waarden",
                            "schrijf elke regel als 'sleutel: waarde'")]
        data = loader.construct_document(node) if loader else fast[1]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + offset) if mark else offset
        return [Problem(path, line, "front-matter", f"YAML-fout: {_dutch_yaml(error)}",
                        "controleer inspringing, dubbele punten en aanhalingstekens op deze regel of de regel erboven")]
    except yaml.YAMLError as error:  # pragma: no cover - non-marked errors are rare
        return [Problem(path, offset, "front-matter", f"YAML-fout: {error}", "controleer de gegevens")]
    finally:
        if loader:
            loader.dispose()
    problems = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key in source.key_lines:
            problems.append(Problem(path, key_node.start_mark.line + offset, key, "staat er twee keer in",
                                    "gebruik elke sleutel één keer"))
        source.key_lines[key] = key_node.start_mark.line + offset
        if isinstance(value_node, yaml.SequenceNode):
            source.item_lines[key] = [item.start_mark.line + offset for item in value_node.value]
    source.meta = {str(k): v for k, v in data.items()}
    return problems


def _refusal(path: str, refused: yamlsafe.Refusal, offset: int) -> Problem:
    return Problem(path, refused.line + offset, "front-matter", refused.wrong, refused.expected)


def _fast_compose(yaml_text: str) -> tuple[yaml.Node | None, object] | None:
    """(root node, data) as read by libyaml; None when it finds an error, so that the pure-Python
    parser reads the text again and gives the messages that _dutch_yaml translates."""
    if _FastLoader is None:  # pragma: no cover
        return None
    loader = _FastLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is not None and yamlsafe.too_deep(node):
            return node, None  # refused by the caller before the data is used
        return node, (loader.construct_document(node) if isinstance(node, yaml.MappingNode) else None)
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _dutch_yaml(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or error.context or "onleesbaar"
    known = {
        "mapping values are not allowed here": "onverwachte dubbele punt (zet tekst met ':' tussen aanhalingstekens)",
        "could not find expected ':'": "dubbele punt ontbreekt na de sleutel",
        "found character '\\t' that cannot start any token": "tab gevonden (gebruik spaties)",
        "found undefined alias": "onbekende verwijzing met '*'",
        "found unexpected end of stream": "tekst houdt onverwacht op (aanhalingsteken niet gesloten?)",
        "expected <block end>, but found '<block sequence start>'": "lijstitem met verkeerde inspringing",
        "expected <block end>, but found '<scalar>'": "tekst na een afsluitend aanhalingsteken",
        "expected <block end>, but found '<block mapping start>'": "sleutel met verkeerde inspringing",
    }
    for english, dutch in known.items():
        if problem.startswith(english):
            return dutch
    return problem
