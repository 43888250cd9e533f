"""The benchmark's synthetic corpus: made from the declarations, valid, deterministic, and compared
with a fair baseline.

No timings and no builds here: the figures come from ``python -m kennisschakels bench run``
(BENCHMARKS.md).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import yaml

from conftest import ROOT

sys.path.insert(0, str(ROOT))  # benchmarks/ belongs to the checkout, not to the installed package

from benchmarks import baseline, corpus, run  # noqa: E402
from kennisschakels.load import check  # noqa: E402
from kennisschakels.model.declarations import TYPES  # noqa: E402
from kennisschakels.model.kinds import DateKind, FieldSpec, IntKind, RefsKind, TextKind  # noqa: E402
from kennisschakels.model.types import ContentType, Labels, PathPattern  # noqa: E402
from kennisschakels.report.definition import load_reports  # noqa: E402

PAGES = 120


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def markdown(root: Path) -> list[str]:
    """The pages (dot folders such as the frozen report editions in docs/rapportages/.edities/ are not)."""
    return [p.as_posix() for r in ("docs", "essays", "regions") for p in (root / r).rglob("*.md")
            if not any(part.startswith(".") for part in p.relative_to(root).parts)]


def test_corpus_is_valid_with_every_declared_type_and_the_reports(tmp_path):
    counts = corpus.generate(tmp_path / "corpus", PAGES, source=ROOT)
    catalogue, problems = check(tmp_path / "corpus")
    assert problems == []
    assert len(markdown(tmp_path / "corpus")) == PAGES
    for type_ in TYPES:
        assert len(catalogue.of(type_.name)) >= 1, type_.name
        assert counts[type_.name] >= 1, type_.name
    # The report definitions come along and name only pages the corpus has.
    reports = load_reports(catalogue)
    assert [r.id for r in reports] == [p.stem for p in sorted((ROOT / "docs/rapportages").glob("*.yml"))]
    # The site's real overview pages are there.
    overviews = {e.overview for e in catalogue.of("page") if e.overview}
    assert {"regions", "essays", "sessions", "themes", "updates", "reports"} <= overviews


def test_corpus_is_deterministic(tmp_path):
    corpus.generate(tmp_path / "a", PAGES, source=ROOT)
    corpus.generate(tmp_path / "b", PAGES, source=ROOT)
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert list(first) == list(second)
    assert [name for name in first if first[name] != second[name]] == []
    corpus.generate(tmp_path / "c", PAGES, seed=corpus.DEFAULT_SEED + 1, source=ROOT)
    assert files(tmp_path / "c") != first  # the seed is what makes it repeatable


def test_proportions_of_a_grown_network():
    small, large = corpus.plan(1000, 40), corpus.plan(5000, 40)
    assert sum(small.values()) == 960 and sum(large.values()) == 4960
    assert large["update"] > large["practice"] > large["essay"] > large["theme"]
    assert small["region"] < large["region"] <= len(corpus.REGIONS)  # regions and themes grow slowly
    assert large["theme"] / small["theme"] < 2


def test_a_newly_declared_type_appears_without_editing_the_generator(tmp_path):
    project = ContentType(
        "project", Labels("project", "projecten", "het"), PathPattern("docs/projecten/{id}.md"),
        (FieldSpec("title", TextKind(), "Titel", "Titel.", required=True),
         FieldSpec("description", TextKind(), "Beschrijving", "Beschrijving.", required=True),
         FieldSpec("start", DateKind(), "Start", "Begin van het project.", required=True),
         FieldSpec("budget", IntKind(minimum=1), "Budget", "Budget in euro."),
         FieldSpec("lead", RefsKind(target="person"), "Trekker", "Trekkers.", required=True, min_items=1),
         FieldSpec("regions", RefsKind(target="region"), "Regio's", "Regio's.")),
        "Een project.", order=lambda e: (e.title, e.id))
    types = TYPES.with_type(project)
    counts = corpus.generate(tmp_path / "corpus", PAGES, source=ROOT, types=types)
    assert counts["project"] >= 1
    catalogue, problems = check(tmp_path / "corpus", types)
    assert problems == []
    projects = catalogue.of("project")
    assert len(projects) == counts["project"]
    assert all(p.lead for p in projects)  # required references point at generated people
    assert (tmp_path / "corpus/docs/projecten/index.md").is_file()  # its folder has an index page


def test_a_rule_of_a_new_type_is_obeyed(tmp_path):
    from kennisschakels.model.constraints import not_before, required_when

    essay = TYPES["essay"]
    strict = dataclasses.replace(essay, name="essay", rules=essay.rules + (
        required_when("regions", "draft", False), not_before("updated", "date")))
    types = TYPES.__class__([strict if t.name == "essay" else t for t in TYPES])
    corpus.generate(tmp_path / "corpus", PAGES, source=ROOT, types=types)
    catalogue, problems = check(tmp_path / "corpus", types)
    assert problems == []
    assert all(e.regions for e in catalogue.of("essay") if not e.draft)


def test_baseline_is_plain_material_with_the_same_pages(tmp_path):
    corpus.generate(tmp_path / "corpus", PAGES, source=ROOT)
    baseline.make(tmp_path / "corpus", tmp_path / "baseline")
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=baseline._Loader)
    plain = yaml.safe_load((tmp_path / "baseline" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert [next(iter(p)) if isinstance(p, dict) else p for p in plain["plugins"]] == ["search"]
    assert "hooks" not in plain and "nav" not in plain
    assert plain["theme"] == ours["theme"]
    assert plain["markdown_extensions"] == ours["markdown_extensions"]
    # Same Markdown files at the same URLs: essays/ and regions/ moved into docs_dir.
    expected = sorted(p[len(str(tmp_path / "corpus")) + 1:].removeprefix("docs/")
                      for p in markdown(tmp_path / "corpus"))
    found = sorted(p[len(str(tmp_path / "baseline" / "docs")) + 1:] for p in markdown(tmp_path / "baseline"))
    assert found == expected


def test_the_build_without_reports_has_the_same_pages(tmp_path):
    corpus.generate(tmp_path / "corpus", PAGES, source=ROOT)
    plain = run.without_reports(tmp_path / "corpus", tmp_path / "zonder")
    assert sorted(markdown(plain)) == sorted(p.replace("/corpus/", "/zonder/") for p in markdown(tmp_path / "corpus"))
    assert not list((plain / "docs/rapportages").glob("*.yml"))
    catalogue, problems = check(plain)
    assert problems == [] and load_reports(catalogue) == []


def test_live_reports_are_concepts_without_editions(tmp_path):
    corpus.generate(tmp_path / "corpus", PAGES, source=ROOT, live_reports=True)
    assert not (tmp_path / "corpus/docs/rapportages/.edities").exists()
    catalogue, problems = check(tmp_path / "corpus")
    assert problems == []
    assert all(r.status == "concept" for r in load_reports(catalogue))
