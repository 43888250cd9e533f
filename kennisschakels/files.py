"""Finding and reading the files of a repository's content roots.

Only regular files inside the repository are read: symlinks are refused, so no file from
elsewhere on the machine can reach the site. Text must be UTF-8.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kennisschakels.problems import Problem

CONTENT_ROOTS = ("docs", "essays", "regions")
OTHER_MARKDOWN = {".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext"}


@dataclass
class Found:
    markdown: list[str] = field(default_factory=list)   # content files, relative to the repository
    assets: list[str] = field(default_factory=list)     # other files under essays/ and regions/
    docs_files: list[str] = field(default_factory=list)  # other files under docs/
    problems: list[Problem] = field(default_factory=list)


def walk(root: Path) -> Found:
    found = Found()
    for content_root in CONTENT_ROOTS:
        base = root / content_root
        if base.is_symlink():
            found.problems.append(Problem(content_root, 1, "bestand", "is een symbolische link",
                                          "zet de map zelf in de repository"))
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            for name in sorted(dirnames):
                if (Path(dirpath) / name).is_symlink():
                    rel = (Path(dirpath) / name).relative_to(root).as_posix()
                    found.problems.append(Problem(rel, 1, "bestand", "is een symbolische link naar een map",
                                                  "zet de bestanden zelf in de repository"))
            # Dot folders are not published (MkDocs' default exclude_docs '.*'), e.g. frozen report editions.
            dirnames[:] = sorted(d for d in dirnames if not (Path(dirpath) / d).is_symlink()
                                 and not (d.startswith(".") and d != ".well-known"))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                rel = path.relative_to(root).as_posix()
                if path.is_symlink():
                    found.problems.append(Problem(rel, 1, "bestand", "is een symbolische link",
                                                  "zet het bestand zelf in de repository"))
                    continue
                suffix = os.path.splitext(name)[1].lower()
                if suffix == ".md":
                    found.markdown.append(rel)
                elif suffix in OTHER_MARKDOWN:
                    found.problems.append(Problem(rel, 1, "bestand", f"heeft de extensie '{suffix}'",
                                                  "gebruik '.md' voor Markdown-bestanden"))
                elif content_root == "docs":
                    found.docs_files.append(rel)
                else:
                    found.assets.append(rel)
    return found


def read_text(root: Path, path: str) -> tuple[str, Problem | None]:
    """The text of a file, or a Dutch problem when it is not UTF-8."""
    data = (root / path).read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "", Problem(path, 1, "bestand", "is opgeslagen als UTF-16",
                           "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8)")
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", Problem(path, line, "bestand", "is niet opgeslagen als UTF-8 (bijv. Latin-1 of Windows-1252)",
                           "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als', codering UTF-8)")
    # Windows line ends (CRLF) read like any other file.
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
