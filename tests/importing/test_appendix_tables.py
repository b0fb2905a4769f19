"""Hand-made Phụ lục tables read back: headers, numbers, sub-rows, joins, times, list cells."""
from __future__ import annotations

from typing import Any

import pytest
from test_appendix import Names, exact, read, table

from generator.importing.appendix import printed_table
from generator.importing.outline import Cell, Table


def test_headers_are_known_by_their_words() -> None:
    found = read(table(["STT", "Tên nhiệm vụ", "Phương thức", "Đơn vị chủ trì",
                        "Đơn vị phối hợp", "Thời hạn hoàn thành", "Kết quả/sản phẩm", "Ghi chú"],
                       ["1", "A", "B", "Sở Nội vụ", "Sở Tài chính", "Tháng 3", "C", "D"]))
    assert [c["key"] for c in found.appendix["columns"]] == [
        "number", "content", "form", "lead", "support", "time", "product", "note"]
    assert found.appendix["columns"][1] == {"key": "content", "header": "Tên nhiệm vụ",
                                            "width": 80}
    assert found.notes == []


def test_an_unknown_header_is_guessed_and_noted() -> None:
    found = read(table(["TT", "Nội dung", "Kinh phí", "Dự kiến"],
                       ["1", "A", "10 triệu", "Quý I/2027"]))
    assert [c["key"] for c in found.appendix["columns"]] == ["number", "content", "note", "time"]
    assert [n.params["header"] for _row, n in found.notes] == ["Kinh phí", "Dự kiến"]
    assert printed_table(found.appendix, str, 2027).rows[1][2:] == (
        Cell(("10 triệu",)), Cell(("Quý I/2027",)))


def test_a_column_with_no_place_is_kept_in_the_note() -> None:
    found = read(table(["TT", "Nội dung", "Hình thức", "Sản phẩm", "Ghi chú", "Ghi chú khác"],
                       ["1", "A", "B", "C", "x", "y"]))
    assert found.appendix["rows"][0]["note"] == ["x", "y"]
    assert [c["key"] for c in found.appendix["columns"]] == [
        "number", "content", "form", "product", "note"]
    assert [row for row, _n in found.notes] == [0, 2]  # the column, and the note it changes


def test_a_zero_padded_number_sets_the_width_and_sub_rows_are_read() -> None:
    appendix = exact(table(["Số TT", "Nội dung", "Chủ trì"],
                           ["01", "Tập huấn", "Sở Nội vụ"],
                           ["01.1", "Lớp một", "^"],
                           ["01.2", "Lớp hai", "^"],
                           ["02", "Hội thi", "Sở Tài chính"]))
    assert appendix["number_width"] == 2
    assert [r["id"] for r in appendix["rows"]] == ["tap-huan", "hoi-thi"]
    assert [(s["id"], s["content"]) for s in appendix["rows"][0]["rows"]] == [
        ("lop-mot", "Lớp một"), ("lop-hai", "Lớp hai")]
    assert "lead" not in appendix["rows"][0]["rows"][0]


def test_ids_are_unique_and_stable() -> None:
    rows = [["TT", "Nội dung"], ["1", "Tuyên truyền CCHC trên báo"],
            ["2", "Tuyên truyền CCHC trên đài"], ["3", "Tuyên truyền CCHC trên báo"]]
    first, again = read(table(*rows)), read(table(*rows))
    assert [r["id"] for r in first.appendix["rows"]] == [
        "tuyen-truyen-cchc-tren", "tuyen-truyen-cchc-tren-2", "tuyen-truyen-cchc-tren-3"]
    assert first.appendix == again.appendix


def test_each_row_keeps_the_join_its_cell_was_printed_with() -> None:
    names = Names()
    appendix = exact(table(["TT", "Nội dung", "Cơ quan chủ trì"],
                           ["1", "A", ["- Sở Nội vụ", "- Sở Tài chính"]],
                           ["2", "B", ["- Sở Nội vụ", "- Văn phòng UBND tỉnh"]],
                           ["3", "C", "Sở Nội vụ, Sở Tài chính"],
                           ["4", "D", "Sở Nội vụ; Sở Tài chính"],
                           ["5", "E", "Sở Nội vụ, Sở Tài chính và Báo Tuyên Quang"],
                           ["6", "G", "Sở Văn hóa, Thể thao và Du lịch"]), names)
    assert "join" not in appendix["columns"][2]
    assert [r.get("joins") for r in appendix["rows"]] == [
        None, None, {"lead": "comma"}, {"lead": "semicolon"}, {"lead": "and"}, None]
    assert names.name_of({"body": appendix["rows"][5]["lead"]}) == "Sở Văn hóa, Thể thao và Du lịch"


def test_a_column_takes_the_join_most_of_its_cells_have() -> None:
    appendix = exact(table(["TT", "Nội dung", "Phối hợp"],
                           ["1", "A", "Sở Nội vụ, Sở Tài chính"],
                           ["2", "B", "Sở Nội vụ, Văn phòng UBND tỉnh"],
                           ["3", "C", ["- Sở Nội vụ", "- Sở Tài chính"]]))
    assert appendix["columns"][2]["join"] == "comma"
    assert appendix["rows"][2]["joins"] == {"support": "lines"}


def test_one_cell_for_both_roles() -> None:
    appendix = exact(table(["TT", "Nội dung", "Cơ quan, đơn vị thực hiện"],
                           ["1", "A", ["- Chủ trì: Sở Nội vụ; Sở Tài chính;",
                                       "- Phối hợp: Các sở, ban, ngành."]],
                           ["2", "B", ["- Chủ trì: Sở Nội vụ."]],
                           ["3", "C", ["- Chủ trì: Sở Nội vụ, Sở Tài chính;",
                                       "- Phối hợp: Báo Tuyên Quang."]]))
    rows = appendix["rows"]
    assert appendix["columns"][2] == {"key": "bodies", "header": "Cơ quan, đơn vị thực hiện",
                                      "width": 60}
    assert [len(rows[0]["lead"]), rows[0]["support"]] == [2, "t-cac-so-ban-nganh"]
    assert "support" not in rows[1] and rows[2]["joins"] == {"bodies": "comma"}


@pytest.mark.parametrize(("cell", "time"), [
    ("Quý I, II/2027", {"quarters": [1, 2]}),
    ("Quý IV/2027", {"quarters": [4]}),
    ("Quý II, III", {"quarters": [2, 3], "with_year": False}),
    ("Quý I/2026", "Quý I/2026"),  # another year: printed as written
    ("Quý II, I/2027", "Quý II, I/2027"),  # plangen sorts the quarters
    ("Quý I, Quý II/2027", "Quý I, Quý II/2027"),
    ("Thường xuyên", "Thường xuyên"),
    (["Tháng 3", "Tháng 9"], ["Tháng 3", "Tháng 9"]),
    (["- Tháng 3", "- Tháng 9"], {"lines": ["Tháng 3", "Tháng 9"], "style": "dash"}),
])
def test_time_cells(cell: Any, time: Any) -> None:
    appendix = exact(table(["TT", "Nội dung", "Thời gian"], ["1", "A", cell]))
    assert appendix["rows"][0]["time"] == time


def test_list_cells_and_their_line_ends() -> None:
    appendix = exact(table(["TT", "Nội dung", "Hình thức", "Sản phẩm"],
                           ["1", "A", ["- Tin, bài;", "- Phóng sự."], ["- Báo cáo", "- Video"]],
                           ["2", "B", "Hội nghị", "- Một dòng"],
                           ["3", "C", ["- Tờ gấp;", "- Video, v.v."], "Kế hoạch"]))
    form, product = appendix["columns"][2], appendix["columns"][3]
    assert form["line_end"] == "semicolon" and "line_end" not in product
    assert [r["form"] for r in appendix["rows"]] == [
        ["Tin, bài", "Phóng sự"], "Hội nghị", ["Tờ gấp", "Video, v.v."]]
    assert [r["product"] for r in appendix["rows"]] == [["Báo cáo", "Video"], "- Một dòng",
                                                        "Kế hoạch"]


def test_bodies_on_lines_with_line_ends() -> None:
    appendix = exact(table(["TT", "Nội dung", "Cơ quan phối hợp"],
                           ["1", "A", ["- Thanh tra tỉnh;", "- Văn phòng UBND tỉnh."]]))
    assert appendix["columns"][2]["line_end"] == "semicolon"
    assert len(appendix["rows"][0]["support"]) == 2


def test_what_does_not_print_back_is_noted_with_its_words() -> None:
    found = read(table(["TT", "Nội dung", "Hình thức", "Chủ trì"],
                       ["1.", ["Dòng một", "dòng hai"], ["Tin", "Bài"], "các sở"]))
    assert found.appendix["rows"][0]["content"] == "Dòng một dòng hai"
    said = {(n.params["header"], n.params["read"]) for _row, n in found.notes}
    assert said == {("TT", "1."), ("Nội dung", "Dòng một | dòng hai"),
                    ("Hình thức", "Tin | Bài"), ("Chủ trì", "các sở")}
    assert {row for row, _n in found.notes} == {2}


def test_a_page_split_row_and_a_column_number_row_are_read_as_printed() -> None:
    found = read(table(["TT", "Nội dung", "Phối hợp"], ["(1)", "(2)", "(3)"],
                       ["1", "Tổ chức tập huấn cho", "Sở Nội vụ;"],
                       [None, "lãnh đạo các sở", "Sở Tài chính"]))
    assert found.appendix["rows"][0]["content"] == "Tổ chức tập huấn cho lãnh đạo các sở"
    assert [row for row, _n in found.notes] == [2, 4]


def test_a_two_row_header() -> None:
    tbl = Table(((Cell(("TT",)), Cell(("Nội dung",)), Cell(("Cơ quan thực hiện",), span=2)),
                 (Cell((), continued=True), Cell((), continued=True), Cell(("Chủ trì",)),
                  Cell(("Phối hợp",))),
                 (Cell(("1",)), Cell(("A",)), Cell(("Sở Nội vụ",)), Cell(("Sở Tài chính",)))))
    found = read(tbl)
    assert [(c["key"], c["header"]) for c in found.appendix["columns"]] == [
        ("number", "TT"), ("content", "Nội dung"), ("lead", "Chủ trì"), ("support", "Phối hợp")]
    assert [n.params for _row, n in found.notes] == [{"text": "Cơ quan thực hiện"}]


def test_a_numbered_row_merged_with_the_row_above_writes_the_cells_out() -> None:
    found = read(table(["TT", "Nội dung", "Chủ trì"], ["1", "A", "Sở Nội vụ"],
                       ["2", "B", "^"]))
    assert found.appendix["rows"][1]["lead"] == found.appendix["rows"][0]["lead"]
    assert [row for row, _n in found.notes] == [3, 3]  # the guess, and the merge it loses


def test_rows_merged_with_the_row_above_and_no_number_are_its_sub_rows() -> None:
    found = read(table(["TT", "Nội dung", "Chủ trì", "Thời gian"],
                       ["1", "Tập huấn", "Sở Nội vụ", "Quý I/2027"],
                       [None, "Lớp một", "^", "Quý II/2027"], [None, None, None, None]))
    assert found.appendix["rows"][0]["rows"] == [
        {"id": "lop-mot", "content": "Lớp một", "time": {"quarters": [2]}}]
    assert [n.params for _row, n in found.notes] == [
        {"header": "TT", "read": "", "printed": "1.1"}]  # plangen numbers its sub-rows


def test_the_bodies_column_is_known_by_its_cells() -> None:
    plain = read(table(["TT", "Nội dung", "Cơ quan thực hiện"], ["1", "A", "Sở Nội vụ"]))
    assert [c["key"] for c in plain.appendix["columns"]][2] == "lead"
    labelled = read(table(["TT", "Nội dung", "Đầu mối"], ["1", "A", ["- Chủ trì: Sở Nội vụ."]]))
    assert [c["key"] for c in labelled.appendix["columns"]][2] == "bodies"
    assert [len(plain.notes), len(labelled.notes)] == [1, 1]


def test_roles_joined_two_ways_keep_the_odd_one_whole() -> None:
    names = Names()
    tbl = table(["TT", "Nội dung", "Cơ quan, đơn vị thực hiện"],
                ["1", "A", ["- Chủ trì: Sở Nội vụ; Sở Tài chính;",
                            "- Phối hợp: Các sở, ban, ngành, UBND các huyện."]])
    found = read(tbl, names)
    assert printed_table(found.appendix, names.name_of, 2027) == tbl
    assert len(found.appendix["rows"][0]["lead"]) == 2
    assert names.name_of({"body": found.appendix["rows"][0]["support"]}) == (
        "Các sở, ban, ngành, UBND các huyện")
    assert [n.params["text"] for _row, n in found.notes] == ["Các sở, ban, ngành, UBND các huyện"]


def test_cells_past_the_header_are_kept_in_its_last_column() -> None:
    found = read(table(["TT", "Nội dung"], ["1", "A", "B"]))
    assert found.appendix["rows"][0]["content"] == "A B"
    assert {row for row, _n in found.notes} == {2}
