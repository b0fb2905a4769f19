"""Forms of published plans that import meets (issue 21): each written, its text pinned.

As test_constructs: every case edits tests/data/constructs-base.yaml, renders it, checks the lines
the form changes, word for word, and that the ND30 checks pass.
"""
from __future__ import annotations

from pathlib import Path

from test_constructs import BASE, edited, following, rendered

ROW = "    - {id: r1, content: Viết tin bài, lead: snv, support: [stc, pkhtc, so-nganh], "
SUPPORT = "{key: support, header: Phối hợp, width: 40}"
DATED = ("number: 15\ndate: 2024-01-10", "date: 2024-01")
REFERENCE = "Quyết định số      /QĐ-UBND {} của Ủy ban nhân dân tỉnh Gia Lai)"


def test_a_row_joins_one_cell_otherwise_than_its_column(tmp_path: Path) -> None:
    text = edited((SUPPORT, SUPPORT.replace("}", ", join: comma}")),
                  (ROW, ROW + "joins: {support: semicolon}, "),
                  ("recipients:", "    - {id: r2, content: Đưa tin, lead: snv,"
                                  " support: [stc, pkhtc]}\nrecipients:"))
    lines = rendered(text, tmp_path)
    assert following(lines, "1", 5) == [
        "1", "Viết tin bài", "Sở Nội vụ", "Sở Tài chính; Phòng Kế hoạch - Tài chính; các sở, "
        "ban, ngành", "Quý II, IV/2024"]
    assert following(lines, "2", 4) == [
        "2", "Đưa tin", "Sở Nội vụ", "Sở Tài chính, Phòng Kế hoạch - Tài chính"]


def test_a_sub_row_merged_with_its_parent_keeps_the_parents_join(tmp_path: Path) -> None:
    text = edited((SUPPORT, SUPPORT.replace("}", ", join: comma}")),
                  (ROW, ROW + "joins: {support: semicolon}, rows: [{id: r1a, content: Con}], "))
    lines = rendered(text, tmp_path)
    assert "Sở Tài chính; Phòng Kế hoạch - Tài chính; các sở, ban, ngành" in lines
    assert following(lines, "1.1", 2) == ["1.1", "Con"]


def test_a_row_joins_its_bodies_cell_otherwise_than_its_column(tmp_path: Path) -> None:
    text = edited(("    - {key: lead, header: Chủ trì, width: 40}\n"
                   "    - {key: support, header: Phối hợp, width: 40}\n",
                   "    - {key: bodies, header: Cơ quan thực hiện, width: 80, join: and}\n"),
                  (ROW, ROW + "joins: {bodies: lines}, "))
    lines = rendered(text, tmp_path)
    assert following(lines, "Viết tin bài", 3) == [
        "Viết tin bài", "- Chủ trì: Sở Nội vụ;",
        "- Phối hợp: Sở Tài chính; Phòng Kế hoạch - Tài chính; các sở, ban, ngành."]


def test_time_lines_printed_as_dashes(tmp_path: Path) -> None:
    lines = rendered(edited(("time: {quarters: [2, 4]}",
                             "time: {lines: [Tháng 3, Tháng 9], style: dash}")), tmp_path)
    assert following(lines, "- Các sở, ban, ngành", 3) == [
        "- Các sở, ban, ngành", "- Tháng 3", "- Tháng 9"]


def test_a_draft_whose_month_is_known_referenced_short(tmp_path: Path) -> None:
    lines = rendered(edited(DATED, ("title: Nhiệm vụ trọng tâm", "title: Nhiệm vụ trọng tâm"))
                     .replace("date: 2024-01\n", "date: 2024-01\nreference_date: short\n"),
                     tmp_path)
    assert "Gia Lai, ngày     tháng 01 năm 2024" in lines  # the date line keeps ND30's form
    reference = REFERENCE.format("ngày / 01 /2024")
    assert f"(Ban hành kèm theo {reference}" in lines
    assert f"(Kèm theo {reference}" in lines


def test_a_signed_plan_referenced_short(tmp_path: Path) -> None:
    lines = rendered(edited(("date: 2024-01-10", "date: 2024-01-10\nreference_date: short")),
                     tmp_path)
    assert "Gia Lai, ngày 10 tháng 01 năm 2024" in lines
    assert ("(Kèm theo Quyết định số 15/QĐ-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh "
            "Gia Lai)") in lines


def test_list_cells_ending_in_semicolons_and_a_period(tmp_path: Path) -> None:
    text = edited((SUPPORT, SUPPORT.replace("}", ", line_end: semicolon}\n"
                                            "    - {key: form, header: Hình thức, width: 30,"
                                            " line_end: semicolon}")),
                  (ROW, ROW + "form: [Thanh tra, Văn phòng], "),
                  ("recipients:", "    - {id: r2, content: Đưa tin, form: Báo chí}\nrecipients:"))
    lines = rendered(text, tmp_path)
    assert following(lines, "1", 8) == [
        "1", "Viết tin bài", "Sở Nội vụ", "- Sở Tài chính;", "- Phòng Kế hoạch - Tài chính;",
        "- Các sở, ban, ngành.", "- Thanh tra;", "- Văn phòng."]
    assert following(lines, "2", 3) == ["2", "Đưa tin", "Báo chí"]  # one line: as written


def test_the_defaults_written_out_render_as_before(tmp_path: Path) -> None:
    text = edited((SUPPORT, SUPPORT.replace("}", ", line_end: none}")),
                  (ROW, ROW + "joins: {support: lines}, "),
                  ("time: {quarters: [2, 4]}", "time: {quarters: [2, 4], style: plain}"),
                  ("date: 2024-01-10", "date: 2024-01-10\nreference_date: long"))
    assert rendered(text, tmp_path) == rendered(BASE, tmp_path)
