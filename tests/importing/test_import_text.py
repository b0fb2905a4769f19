"""A plan's text, one paragraph per line or hard-wrapped as a PDF's copy, imports to its plan."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT
from import_helpers import imported, rendered_text, similarity

GOLDEN = ROOT / "tests" / "golden"


def before_appendix(text: str) -> str:
    """The text up to the Phụ lục (a golden text gives its table cell by cell, not as a table)."""
    return text.split("\nPHỤ LỤC\n")[0]


@pytest.mark.parametrize("wrap", [None, 78, 60], ids=["lines", "wrapped-78", "wrapped-60"])
@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_the_text_of_a_plan_renders_back_the_same(stem: str, wrap: int | None,
                                                  tmp_path: Path) -> None:
    text = before_appendix((GOLDEN / f"{stem}.txt").read_text(encoding="utf-8"))
    source = tmp_path / "plan.txt"
    written = text if wrap is None else "\n".join(
        textwrap.fill(line, wrap, break_on_hyphens=False) for line in text.splitlines())
    source.write_text(written, encoding="utf-8")
    _result, plan = imported(source, tmp_path / "plan.yaml")
    assert similarity(text, before_appendix(rendered_text(plan))) >= 0.995
