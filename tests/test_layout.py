"""The house shows its rooms (CONTRIBUTING.md): generator/ holds its face and its packages by role,
each package imports only what its docstring allows, no import cycle, no module over 400 lines."""
from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT

GENERATOR = ROOT / "generator"
FACE = {"__init__.py", "__main__.py", "api.py"}
PACKAGES = {"cli", "plan", "document", "workflows", "shell", "nd30", "importing"}
DATA = {"data", "locale"}  # package data: the changes file, the word list, the catalogs
MAX_LINES = 400


def modules() -> list[Path]:
    return sorted(GENERATOR.rglob("*.py"))


def package_of(path: Path) -> str:
    """'plan' for generator/plan/load.py; the module's own name for generator/api.py."""
    parts = path.relative_to(GENERATOR).parts
    return parts[0] if len(parts) > 1 else path.stem


def dotted_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> Iterator[str]:
    """Every generator module PATH imports (at its top or inside a function)."""
    own = dotted_name(path).split(".")
    package = own if path.name == "__init__.py" else own[:-1]
    known = {dotted_name(p) for p in modules()}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            names = [f"{module}.{alias.name}" for alias in node.names] + [module]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name.startswith("generator") and name != dotted_name(path):
                yield name


def allowed(package: str) -> set[str]:
    """The packages a package's docstring says it may import ('May import: generator.shell.')."""
    source = (GENERATOR / package / "__init__.py").read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(source)) or ""
    found = re.search(r"May import: ([^\n]*)", doc)
    assert found, f"generator/{package}/__init__.py does not say what it may import"
    return set(re.findall(r"generator\.(\w+)", found.group(1)))


def test_the_top_of_generator_holds_only_the_face_and_the_packages() -> None:
    top = {p.name for p in GENERATOR.iterdir() if p.name != "__pycache__"}
    assert top == FACE | PACKAGES | DATA


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_a_package_imports_only_what_its_docstring_allows(package: str) -> None:
    may = allowed(package) | {package}
    reached = {f"{path.relative_to(GENERATOR)} imports {name}"
               for path in (GENERATOR / package).rglob("*.py")
               for name in imported_modules(path)
               if name != "generator" and name.split(".")[1] not in may}
    assert reached == set()


def test_no_package_reaches_the_face() -> None:
    """api and cli sit on top: nothing below imports them (the face imports the packages)."""
    upward = {f"{path.relative_to(GENERATOR)} imports {name}" for path in modules()
              if package_of(path) in PACKAGES - {"cli"}
              for name in imported_modules(path) if name in {"generator.api", "generator.cli"}}
    assert upward == set()


def test_there_is_no_import_cycle() -> None:
    graph = {dotted_name(path): set(imported_modules(path)) for path in modules()}
    for package in {n for n in graph if n.count(".") == 1}:
        graph[package] -= {n for n in graph if n.startswith(package + ".")}  # __init__ re-exports
    cycles = [cycle for start in graph if (cycle := _cycle_from(start, graph))]
    assert cycles == []


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from START back to itself, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                return [*path, nxt]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


@pytest.mark.parametrize("folder", ["generator", "tests", "tools"])
def test_no_module_is_over_400_lines(folder: str) -> None:
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / folder).rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_checks_see_an_upward_import_and_a_cycle(tmp_path: Path) -> None:
    """The walk finds `from generator.workflows import diff` and relative imports."""
    found = set(imported_modules(GENERATOR / "workflows" / "git_diff.py"))
    assert "generator.workflows.diff" in found and "generator.shell.errors" in found
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycle_from("a", graph) == ["a", "b", "c", "a"]
    assert _cycle_from("d", graph) is None
