"""The package's shape: every module imports on its own, the imports between modules form no cycle,
and the package never imports the site engine (the adapter in hooks/ is the only MkDocs code)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "kennisschakels"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(module_name(p) for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def imports_of(path: Path) -> set[str]:
    """The package modules a module imports at module level (not inside functions, not for type
    checking only): the imports that run when the module is loaded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()

    def add(target: str) -> None:
        while target and target not in MODULES:  # 'kennisschakels.model.kinds.FieldSpec' -> the module
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in ast.walk(node) if isinstance(node, (ast.Import, ast.ImportFrom, ast.If, ast.Try)) else []:
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("kennisschakels"):
                        add(alias.name)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1] + ([base] if base else []))
                if base.startswith("kennisschakels"):
                    for alias in child.names:
                        add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return found


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def find_cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import cycle (as a path that returns to its start), or [] when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_the_import_graph_of_the_package_is_acyclic():
    edges = graph()
    assert "kennisschakels.site" in edges and edges["kennisschakels.site"], "the graph found no imports"
    assert find_cycle(edges) == []


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_the_model_does_not_import_the_pipeline():
    """The declarations are the bottom layer: everything reads them, they read nothing above them."""
    edges = graph()
    model = [m for m in edges if m.startswith("kennisschakels.model")]
    allowed = {"kennisschakels.dates", "kennisschakels.problems"} | set(model) | {"kennisschakels"}
    assert {m: sorted(edges[m] - allowed) for m in model if edges[m] - allowed} == {}


# Loads the libraries once, then forks one child per module, which imports only that module: each
# package module is imported first in its own process, without paying for pydantic in each.
FORK_IMPORTS = """
import importlib, os, sys
import jinja2, markdown, pydantic, yaml, icalendar  # third-party: loaded once, before any fork
assert not any(m.startswith("kennisschakels") for m in sys.modules)
failed = []
for name in sys.argv[1:]:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(name)
            message = ""
        except BaseException as error:
            message = f"{name}: {type(error).__name__}: {error}"
        os.write(write, message.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        message = pipe.read()
    os.waitpid(pid, 0)
    if message:
        failed.append(message)
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs os.fork")
def test_every_module_imports_on_its_own_in_a_fresh_interpreter():
    """Each module imported first, in a process where no other package module is loaded: an import
    cycle or a missing dependency shows as an error whatever order the tests import modules in."""
    modules = [m for m in MODULES if m != "kennisschakels.__main__"]  # that one runs the command line
    result = subprocess.run([sys.executable, "-c", FORK_IMPORTS, *modules], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("engine", ["mkdocs", "material", "properdocs"])
def test_the_package_does_not_import_the_site_engine(engine):
    users = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == engine or n.startswith(engine + ".") for n in names):
                users.append(str(path.relative_to(ROOT)))
    assert users == []


def third_party_imports(folder: Path) -> set[str]:
    """Top-level names of every module imported anywhere in ``folder`` (also inside functions) that
    is neither the standard library nor ours."""
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    # benchmarks/ lives in the checkout only; 'python -m kennisschakels bench' says so (tests/test_cli.py).
    return names - set(sys.stdlib_module_names) - {"__future__", "kennisschakels", "benchmarks"}


def test_the_package_declares_every_library_it_imports():
    """Regression (issue 12): pyproject.toml left out libraries the package imports (nh3, Pagefind,
    pathspec), so an install of the package alone could not check or build."""
    import importlib.metadata
    import tomllib

    declared = {re.split(r"[\[<>=~! ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
                for requirement in tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]}
    distributions = importlib.metadata.packages_distributions()
    imported = third_party_imports(PACKAGE)
    assert {"nh3", "yaml", "pydantic"} <= imported  # the scan sees the imports
    missing = {name: distributions.get(name) for name in imported
               if not {d.lower().replace("_", "-") for d in distributions.get(name, [name])} & declared}
    assert missing == {}


def test_templates_read_typed_entries_never_raw_front_matter():
    """Regression (issue 12): templates looked values up in the raw front-matter (68 'meta' lookups)
    and filtered and counted themselves; now views hand them typed entries and derived lists."""
    raw = re.compile(r"\.meta\b|\bmeta\[|\.file\.|selectattr|rejectattr|namespace\(|\|\s*(?:sort|groupby)\b")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sorted((PACKAGE / "templates").rglob("*")) if path.is_file()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if raw.search(line)]
    assert found == []
