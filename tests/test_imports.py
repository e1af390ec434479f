"""No import cycle inside ``src/gov_extract``: data flows one way (text -> context -> finders).

Every import counts, those under ``if TYPE_CHECKING:`` too: a cycle there is still a
module that knows about the one that knows about it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "gov_extract"


def _imports(path: Path) -> set[str]:
    """The package modules one module imports (relative or absolute)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 1 or base.startswith("gov_extract"):
                base = base.removeprefix("gov_extract").lstrip(".")
                if base:
                    found.add(base.split(".")[0])
                else:  # from . import context, dates
                    found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("gov_extract."):
                    found.add(alias.name.split(".")[1])
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {path.stem: path for path in PACKAGE.glob("*.py")}
    return {name: _imports(path) & modules.keys() - {name} for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path of module names (first == last), else None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                return [*path[path.index(imported) :], imported]
            if imported not in state:
                cycle = visit(imported)
                if cycle:
                    return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module)
            if cycle:
                return cycle
    return None


def test_the_walk_sees_imports() -> None:
    graph = import_graph()
    assert "context" in graph["pipeline"]
    assert "context" in graph["places"]  # a TYPE_CHECKING import counts


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_context_imports_no_finder() -> None:
    """The context decides the article's date and place before any finder runs."""
    graph = import_graph()
    reachable: set[str] = set()
    todo = ["context"]
    while todo:
        for imported in graph[todo.pop()] - reachable:
            reachable.add(imported)
            todo.append(imported)
    assert not reachable & {"quantities", "dates", "places", "persons", "pipeline"}
