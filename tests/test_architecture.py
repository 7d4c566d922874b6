"""The layers of ARCHITECTURE.md, checked on the real import graph.

import-linter (run by .ci/run) checks the direction of imports between layers;
these tests check what it does not: no module-level import cycle anywhere
(TYPE_CHECKING and function-level imports included), and a small top level.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp
import pytest

from clitools import ROOT

PACKAGE = ROOT / "src" / "contentlint"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("contentlint")


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph.find_modules_directly_imported_by(node):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_no_import_cycle_between_modules(graph: grimp.ImportGraph) -> None:
    assert _cycles(graph) == []


def test_the_top_level_has_few_modules() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py"))
    assert len(modules) <= 8, modules


def test_reporters_import_only_the_report(graph: grimp.ImportGraph) -> None:
    allowed = ("contentlint.reporters", "contentlint.report", "contentlint.findings", "contentlint.i18n")
    for module in sorted(m for m in graph.modules if m.startswith("contentlint.reporters")):
        imported = graph.find_modules_directly_imported_by(module)
        internal = {m for m in imported if m.startswith("contentlint.") or m == "contentlint"}
        wrong = {m for m in internal if not m.startswith(allowed) and m != "contentlint"}
        assert not wrong, f"{module} imports {sorted(wrong)}"


def test_a_cycle_is_found_when_there_is_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cycle finder itself works (a test that cannot fail is no test)."""
    package = tmp_path / "cyclic"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from cyclic import b\n")
    (package / "b.py").write_text("from cyclic import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _cycles(grimp.build_graph("cyclic")) == [["cyclic.a", "cyclic.b"]]
