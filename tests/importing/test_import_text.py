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


WEB_COPY = Path(__file__).parent / "data" / "web-copy.txt"


def test_a_legal_portals_copy_with_pipe_tables_and_a_title_in_capitals(tmp_path: Path) -> None:
    """A plan as legal-document portals show it (made up for the test): the header and the
    signature block as `|` tables, the title in capitals, an assignment written as a sentence."""
    result, plan = imported(WEB_COPY, tmp_path / "plan.yaml")
    assert (plan["number"], plan["date"], plan["issuer"]["code"]) == (15, "2025-01-12", "UBND")
    assert plan["issuer"]["header"] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NAM"]
    assert plan["plan"]["topic"] == "Tuyên truyền cải cách hành chính"
    assert plan["plan"]["scope"] == "trên địa bàn tỉnh Quảng Nam"
    assert plan["signer"] == {"mode": "KT", "head": "CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                              "name": "Trần Văn An"}
    assert plan["recipients"] == ["Bộ Nội vụ", "CT, các PCT UBND tỉnh", "Các sở, ban, ngành"]
    last = plan["plan"]["assignments"]["items"][-1]
    assert last["sentence"] is True and len(last["bodies"]) == 2
    assert last["label"] == "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố"
    assert {c.message.msgid for c in result.checklist} == {
        "the issuing body's name is guessed from its header: write it as in running text",
        "the title was printed in capitals: written as a sentence, check its capitals"}
    source = WEB_COPY.read_text(encoding="utf-8").replace("|", " ")
    assert similarity(source, rendered_text(plan)) >= 0.97
