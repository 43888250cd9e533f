"""Problems found in content, and how they are told to a contributor (in Dutch)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file: ``path:line: key: what is wrong; what is expected``."""

    path: str
    line: int
    key: str
    wrong: str
    expected: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.key}: {self.wrong}"
        return f"{text}; {self.expected}" if self.expected else text

    def github_annotation(self) -> str:
        # GitHub Actions workflow command: shows the problem on the changed line of the PR. File
        # names and texts are contributed: escaped as GitHub documents, so that a file name with a
        # newline or '::' cannot start a workflow command of its own.
        message = f"{self.key}: {self.wrong}" + (f"; {self.expected}" if self.expected else "")
        return (f"::error file={escape_property(self.path)},line={int(self.line)},"
                f"title=Inhoudscontrole::{escape_data(message)}")


def escape_data(text: str) -> str:
    """A workflow command's message: % CR LF escaped (GitHub's toolkit, command.ts escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also ':' and ',' (command.ts escapeProperty), and ';'
    for good measure (GitHub then shows '%3B' in that rare file name)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C").replace(";", "%3B")


class ContentError(Exception):
    """Raised when content has problems; carries every problem of the run."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    count = len(problems)
    noun = "probleem" if count == 1 else "problemen"
    lines.append(f"{count} {noun} gevonden in de inhoud; de site is niet gebouwd.")
    return "\n".join(lines)


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """A Dutch suggestion for a misspelt id, or an empty string."""
    matches = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    return f" (bedoelde je '{matches[0]}'?)" if matches else ""
