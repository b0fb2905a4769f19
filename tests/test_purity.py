"""The core is pure (README, "Layout of the project"): it never reads the clock, the environment or
the working directory; the CLI reads them and passes them in (derive's day, the cache folder).

Checked on the syntax tree of each module, so `import datetime as dt` … `dt.date.today()` or
`from os import environ` are seen for what they are, and a comment or a docstring naming them is
not.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator

import pytest
from helpers import ROOT

GENERATOR = ROOT / "generator"

# load → validate → context → render, the pure data-to-data commands (derive, rollover, lint, diff
# and its output, the changes file) and everything they build on; paths inside generator/.
CORE = {
    "__init__.py", "data/__init__.py", "locale/__init__.py",
    "plan/__init__.py", "plan/load.py", "plan/yaml_reasons.py", "plan/shorthand.py",
    "plan/schema.py", "plan/validate.py", "plan/crosscheck.py", "plan/citation.py",
    "plan/vietnamese.py", "plan/yeartext.py", "plan/prose.py", "plan/json_schema.py",
    "plan/schema_docs.py", "plan/schema_docs_table.py", "plan/schema_docs_top.py",
    "plan/schema_docs_decision.py", "plan/schema_docs_plan.py", "plan/schema_docs_appendix.py",
    "plan/short_forms.py", "plan/references.py", "plan/index.py", "plan/dates.py",
    "plan/checked.py",
    "document/__init__.py", "document/context.py", "document/plan_blocks.py",
    "document/appendix_table.py", "document/header_lines.py", "document/nobreak.py",
    "document/render.py", "document/compose.py", "document/templates_dir.py",
    "document/document_kind.py", "document/embedded.py",
    "workflows/__init__.py", "workflows/derive.py", "workflows/rollover.py",
    "workflows/org_changes.py", "workflows/org_changes_schema.py", "workflows/lint.py",
    "workflows/vi_syllable.py", "workflows/diff.py",
    "workflows/plan_units.py", "workflows/diff_output.py", "workflows/diff_words.py",
    "workflows/diff_docx.py", "workflows/rollover_bodies.py", "workflows/mentions.py",
    "workflows/diff_bodies.py", "workflows/rolled.py", "workflows/derive_names.py",
    "shell/__init__.py", "shell/errors.py", "shell/i18n.py", "shell/yamlio.py",
    "shell/scalar_layout.py", "shell/layout_merge.py",
    "nd30/report.py", "importing/__init__.py", "importing/outline.py", "importing/citations.py",
    "importing/header.py", "importing/closing.py", "importing/decision.py",
    "importing/docx_source.py", "importing/docx_inline.py", "importing/docx_numbering.py",
    "importing/slugs.py", "importing/appendix.py", "importing/appendix_grid.py",
    "importing/appendix_cells.py", "importing/appendix_heading.py",
    "importing/ids.py", "importing/bodies.py", "importing/items.py", "importing/assignments.py",
    "importing/plan_body.py", "importing/regions.py", "importing/top_fields.py",
    "importing/decision_fields.py", "importing/build.py", "importing/yaml_out.py",
    "importing/word_edits.py", "importing/request.py", "importing/sources.py",
    "importing/pdf_source.py", "importing/pdf_page.py", "importing/pdf_lines.py",
    "importing/pdf_tables.py", "importing/pdf_flow.py", "importing/pdf_ocr.py",
}
# The command line and the layers that do its input, output and processes; only the CLI may read
# the clock and the environment, but these are not held to it here. (The rest of nd30/ reads a
# DOCX given to it and is pure too, but is checked as the product it is: tests/nd30/test_nd30.py.)
EDGE = {
    "__main__.py", "api.py", "cli/__init__.py", "cli/common.py", "cli/compare.py",
    "cli/importing.py", "importing/import_files.py", "importing/onto.py",
    "shell/atomic.py", "shell/batch.py", "shell/progress.py", "shell/processes.py",
    "document/pdf.py",
    "workflows/git_diff.py", "workflows/derive_files.py", "workflows/rollover_files.py",
    "workflows/lint_files.py", "workflows/git_setup.py", "workflows/diff_files.py",
    "importing/ocr.py",
}
# What a pure module must not reach: the environment, the working directory (and the home folder,
# an environment variable), the clock.
FORBIDDEN = {
    "os.environ", "os.environb", "os.getenv", "os.getenvb", "os.putenv", "os.getcwd",
    "os.getcwdb", "os.path.expanduser", "pathlib.Path.cwd", "pathlib.Path.home",
    "datetime.datetime.now", "datetime.datetime.today", "datetime.datetime.utcnow",
    "datetime.date.today", "time.time", "time.time_ns", "time.localtime", "time.monotonic",
    "time.perf_counter",
}


def imported_names(tree: ast.AST) -> dict[str, set[str]]:
    """What each name bound by an import stands for: dt → datetime, Path → pathlib.Path …"""
    names: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                names.setdefault(bound, set()).add(alias.name if alias.asname else bound)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names.setdefault(alias.asname or alias.name, set()).add(
                    f"{node.module}.{alias.name}")
    return names


def dotted(node: ast.expr) -> list[str] | None:
    """['dt', 'date', 'today'] for dt.date.today; None when the chain does not start at a name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return [node.id, *reversed(parts)]


def reached(source: str) -> Iterator[tuple[int, str]]:
    """(line, qualified name) of every forbidden name the source uses or imports."""
    tree = ast.parse(source)
    names = imported_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if f"{node.module}.{alias.name}" in FORBIDDEN:
                    yield node.lineno, f"{node.module}.{alias.name}"
        if not isinstance(node, ast.Attribute | ast.Name):
            continue
        chain = dotted(node)
        if chain is None:
            continue
        # A name not imported stands for itself: `datetime.date.today()` is seen even where
        # `datetime` comes from somewhere this walk does not follow.
        for head in names.get(chain[0], {chain[0]}):
            qualified = ".".join([head, *chain[1:]])
            if qualified in FORBIDDEN:
                yield node.lineno, qualified


def test_every_module_is_either_core_or_edge() -> None:
    modules = {path.relative_to(GENERATOR).as_posix() for path in GENERATOR.rglob("*.py")
               if path.parent.name != "nd30" or path.name == "report.py"}
    assert not CORE & EDGE
    assert modules - CORE - EDGE == set(), "new module: add it to CORE (pure) or EDGE"
    assert (CORE | EDGE) - modules == set(), "a module named here no longer exists"


@pytest.mark.parametrize("module", sorted(CORE))
def test_a_core_module_never_reads_the_clock_the_environment_or_the_folder(module: str) -> None:
    source = (GENERATOR / module).read_text(encoding="utf-8")
    assert list(reached(source)) == []


@pytest.mark.parametrize(("line", "found"), [
    ("import datetime\nx = datetime.date.today()\n", "datetime.date.today"),
    ("import datetime as dt\nx = dt.date.today()\n", "datetime.date.today"),
    ("from datetime import date\nx = date.today()\n", "datetime.date.today"),
    ("from datetime import datetime\nx = datetime.now()\n", "datetime.datetime.now"),
    ("x = datetime.date.today()\n", "datetime.date.today"),
    ("import os\nx = os.environ.get('A')\n", "os.environ"),
    ("from os import environ\n", "os.environ"),
    ("import os\nx = os.getenv('A')\n", "os.getenv"),
    ("import os\nx = os.getcwd()\n", "os.getcwd"),
    ("from pathlib import Path\nx = Path.cwd()\n", "pathlib.Path.cwd"),
    ("import pathlib\nx = pathlib.Path.cwd()\n", "pathlib.Path.cwd"),
    ("import time\nx = time.time()\n", "time.time"),
    ("from time import time\nx = time()\n", "time.time"),
])
def test_the_check_sees_each_way_of_writing_it(line: str, found: str) -> None:
    assert found in {name for _line, name in reached(line)}


def test_the_check_sees_today_added_to_rollover() -> None:
    source = (GENERATOR / "workflows" / "rollover.py").read_text(encoding="utf-8")
    assert list(reached(source)) == []
    broken = source + "\n\ndef _today() -> object:\n    import datetime\n\n" \
                      "    return datetime.date.today()\n"
    assert [name for _line, name in reached(broken)] == ["datetime.date.today"]


def test_names_in_comments_docstrings_and_other_objects_are_not_reads() -> None:
    source = ('"""Never os.environ nor date.today()."""\n# time.time()\nimport datetime as dt\n'
              "x = dt.date(2024, 1, 1)\ny = dt.date.fromisoformat('2024-01-01')\n"
              "class A:\n    def today(self) -> None: ...\nA().today()\n")
    assert list(reached(source)) == []


def test_the_cli_is_where_they_are_read() -> None:
    """The one place allowed: if the CLI no longer reads them, the check has lost its target."""
    source = (GENERATOR / "cli" / "__init__.py").read_text("utf-8")
    found = {name for _line, name in reached(source)}
    assert {"os.environ", "datetime.date.today", "pathlib.Path.home"} <= found
