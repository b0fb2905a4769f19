"""Exit statuses: one enum, every error class and command ending with one of its members, and the
README's table listing exactly its members with their numbers."""
from __future__ import annotations

import ast
import importlib
import pkgutil
import re

from helpers import ROOT

import generator
from generator.shell.errors import ExitStatus, PlangenError

ROW = re.compile(r"^\| (\d+) \| ([^|]+) \|")


def readme_table() -> dict[int, set[str]]:
    """The names README.md's "Exit codes" table gives each code."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Exit codes\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[int, set[str]] = {}
    for line in section.splitlines():
        found = ROW.match(line)
        if found:
            code = int(found.group(1))
            assert code not in rows, f"code {code} has two rows"
            rows[code] = set(re.findall(r"`(\w+)`", found.group(2)))
    return rows


def test_the_readme_lists_exactly_the_enums_members() -> None:
    names: dict[int, set[str]] = {}
    for name, member in ExitStatus.__members__.items():  # aliases too: FOUND is 1 as INVALID
        names.setdefault(member.value, set()).add(name)
    assert readme_table() == names


def test_the_codes_are_the_documented_numbers() -> None:
    assert {m.name: m.value for m in ExitStatus} == {
        "OK": 0, "INVALID": 1, "USAGE": 2, "OUTPUT_FAILED": 3, "TEMPLATE_FAILED": 4,
        "CONVERTER_FAILED": 5, "REFUSED": 6, "INTERNAL": 70, "INTERRUPTED": 130}
    assert (ExitStatus.FOUND, ExitStatus.TROUBLE) == (ExitStatus.INVALID, ExitStatus.USAGE)


def _subclasses(kind: type[PlangenError]) -> set[type[PlangenError]]:
    found = set(kind.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def test_every_error_exits_with_a_member() -> None:
    for module in pkgutil.walk_packages(generator.__path__, "generator."):
        if module.name != "generator.__main__":  # it runs the command line
            importlib.import_module(module.name)
    errors = _subclasses(PlangenError) | {PlangenError}
    assert len(errors) >= 10
    loose = {kind.__name__: kind.exit_code for kind in errors
             if not isinstance(vars(kind).get("exit_code", ExitStatus.OK), ExitStatus)}
    assert loose == {}


def _bare(node: ast.AST) -> bool:
    """sys.exit(NUMBER), or exit_code = NUMBER in a class."""
    if isinstance(node, ast.Call):
        return (isinstance(node.func, ast.Attribute) and node.func.attr == "exit"
                and bool(node.args) and isinstance(node.args[0], ast.Constant))
    if isinstance(node, ast.Assign):
        return isinstance(node.value, ast.Constant) and any(
            isinstance(target, ast.Name) and target.id == "exit_code" for target in node.targets)
    if isinstance(node, ast.AnnAssign):
        return (isinstance(node.value, ast.Constant) and isinstance(node.target, ast.Name)
                and node.target.id == "exit_code")
    return False


def test_no_module_ends_with_a_bare_number() -> None:
    """sys.exit(1) or exit_code = 2 would bypass the enum (and the README's table)."""
    bare = [f"{path.relative_to(ROOT)}:{node.lineno}"
            for path in sorted((ROOT / "generator").rglob("*.py"))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if _bare(node)]
    assert bare == []


def test_the_check_sees_a_bare_number() -> None:
    tree = ast.parse("import sys\nclass E:\n    exit_code = 2\nsys.exit(1)\n")
    assert [type(node).__name__ for node in ast.walk(tree) if _bare(node)] == ["Assign", "Call"]
