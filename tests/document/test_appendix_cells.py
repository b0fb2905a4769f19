"""Cells of the appendix table as printed, where a row leaves a column empty."""
from __future__ import annotations

from generator.document.appendix_table import cell_lines


def name(ref: dict[str, str]) -> str:
    return {"snv": "Sở Nội vụ", "stc": "Sở Tài chính"}[ref["body"]]


def test_a_bodies_cell_of_a_row_naming_no_body_is_empty() -> None:
    assert cell_lines("bodies", {"id": "r1", "content": "Tập huấn"}, name, 2024) == ()


def test_a_bodies_cell_prints_chu_tri_and_phoi_hop() -> None:
    row = {"id": "r1", "content": "Tập huấn", "lead": [{"body": "snv"}],
           "support": [{"body": "stc"}]}
    assert cell_lines("bodies", row, name, 2024) == ("- Chủ trì: Sở Nội vụ;",
                                                     "- Phối hợp: Sở Tài chính.")
