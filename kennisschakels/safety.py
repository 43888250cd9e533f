"""Source-level safety check of contributed text (placeholder until the allowlist lands)."""

from __future__ import annotations

import re

from kennisschakels.problems import Problem

UNSAFE_HTML = (
    (re.compile(r"<\s*script\b", re.I), "<script> is niet toegestaan", "verwijder het script"),
    (re.compile(r"<\s*iframe\b", re.I), "<iframe> is niet toegestaan", "verwijder het iframe; zet een gewone link"),
    (re.compile(r"<\s*(object|embed)\b", re.I), "ingesloten objecten zijn niet toegestaan",
     "verwijder het element; zet een gewone link"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "HTML-attribuut 'on...=' (script) is niet toegestaan",
     "verwijder het attribuut"),
    (re.compile(r"(\]\(\s*<?|\]:\s*<?|(?:href|src|action)\s*=\s*[\"']?)\s*(javascript|vbscript):", re.I),
     "link met 'javascript:' is niet toegestaan", "gebruik een gewone https://-link of een pagina van de site"),
)


def _scan(path: str, text: str, first_line: int, key: str) -> list[Problem]:
    problems = []
    for pattern, wrong, expected in UNSAFE_HTML:
        for match in pattern.finditer(text):
            problems.append(Problem(path, first_line + text.count("\n", 0, match.start()), key, wrong, expected))
    return problems


def check_markdown(path: str, body: str, first_line: int) -> list[Problem]:
    return _scan(path, body, first_line, "inhoud")


def check_front_matter(entry) -> list[Problem]:
    problems = []
    for key, value in entry.file.meta.items():
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if isinstance(item, str):
                problems += _scan(entry.path, item, entry.line(key, index if isinstance(value, list) else None), key)
    return problems
