"""render.relative computes links from the text alone: it must agree with posixpath.relpath."""

from __future__ import annotations

import posixpath
import random

from kennisschakels.render import relative

SEGMENTS = ["a", "b", "index.md", "x.md", "regions", "essays", "d.e", "..", ".", ""]


def expected(target: str, origin: str) -> str:
    try:
        return posixpath.relpath(target, posixpath.dirname(origin) or ".")
    except ValueError:
        return "ValueError"


def actual(target: str, origin: str) -> str:
    try:
        return relative(target, origin)
    except ValueError:
        return "ValueError"


def test_relative_agrees_with_relpath():
    rng = random.Random(12)
    for _ in range(20_000):
        target = "/".join(rng.choice(SEGMENTS) for _ in range(rng.randint(1, 4)))
        origin = "/".join(rng.choice(SEGMENTS) for _ in range(rng.randint(1, 4)))
        assert actual(target, origin) == expected(target, origin), (target, origin)


def test_relative_examples():
    assert relative("regions/twente/index.md", "essays/x.md") == "../regions/twente/index.md"
    assert relative("leerthemas/a.md", "leerthemas/index.md") == "a.md"
    assert relative("index.md", "index.md") == "index.md"
    assert relative("sessies/x.ics", "sessies/2022/y.md") == "../x.ics"


def test_glossary_definitions_in_separate_blocks_give_the_same_html():
    import markdown

    definitions = [f"*[AB{i}]: Afkorting {i}" for i in range(30)] + ["*[VNG]: Vereniging van Nederlandse Gemeenten"]
    text = "De VNG werkt met AB3 en AB12 samen.\n\n"
    one_block = markdown.markdown(text + "\n".join(definitions), extensions=["abbr"])
    separate = markdown.markdown(text + "\n\n".join(definitions), extensions=["abbr"])
    assert separate == one_block
    assert separate.count("<abbr") == 3
