"""plangen diff: each edit of a plan is one change, located and worded as the document prints it.

Pairs are built from the examples by one edit each; the expected changes are written by hand from
what an officer sees in the printed plan (section numbers, point letters, appendix row numbers).
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT

from generator.cli import main
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.shell.yamlio import dump
from generator.workflows.derive import Parent, derive
from generator.workflows.derive_files import read_parent
from generator.workflows.diff import ADDED, CHANGED, MOVED, REMOVED, Difference, compare, word_diff

HA_GIANG_TEXT = (ROOT / "examples" / "ha-giang-2023.yaml").read_text(encoding="utf-8")


def plan(text: str) -> dict[str, object]:
    return validate(load_text(text, "plan.yaml"))


def edited(*pairs: tuple[str, str], text: str = HA_GIANG_TEXT) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def changes(new: str, old: str = HA_GIANG_TEXT) -> list[tuple[str, str, str, str, str]]:
    report = compare(plan(old), plan(new))
    return [(c.kind, c.location, c.old, c.new, c.note) for c in report.changes]


def test_a_file_against_itself_has_no_changes() -> None:
    assert changes(HA_GIANG_TEXT) == []


def test_cosmetic_edits_never_show() -> None:
    cosmetic = edited(
        ("  - {id: snv, name: Sở Nội vụ, short: SNV, code: SNV, groups: [so-nganh]}",
         "  - id: snv\n    name: 'Sở Nội vụ'\n    short: SNV\n    code: SNV\n    groups:\n"
         "      - so-nganh"),  # flow → block, quote style
        ('text: "Chỉ đạo các cơ quan báo chí trên địa bàn tỉnh đẩy mạnh tuyên truyền về '
         'công tác CCHC của tỉnh."',
         "text: >-\n              Chỉ đạo các cơ quan báo chí trên địa bàn tỉnh đẩy mạnh\n"
         "              tuyên truyền về công tác CCHC của tỉnh.   "),  # re-wrapped, spaces
        ("    by: Giám đốc Sở Nội vụ", "    by:   Giám đốc Sở Nội vụ  "),
    )
    decomposed = unicodedata.normalize("NFD", cosmetic)  # NFD text is read as NFC
    assert changes(cosmetic) == []
    assert changes(decomposed) == []


def test_a_moved_appendix_row_is_one_move() -> None:
    text = HA_GIANG_TEXT
    start, end = text.index("    - id: row-5\n"), text.index("    - id: row-6\n")
    row_5 = text[start:end]
    text = text[:start] + text[end:]
    at = text.index("    - id: row-9\n")
    text = text[:at] + row_5 + text[at:]
    assert changes(text) == [(MOVED, "Phụ lục, dòng 8", row_5_content(), row_5_content(),
                              "từ Phụ lục, dòng 5")]


def row_5_content() -> str:
    return ("Tập huấn, bồi dưỡng nghiệp vụ CCHC và văn hóa công vụ cho CBCCVC (Số lượng khoảng "
            "1000 lượt cán bộ, công chức).")


def test_an_edited_deadline_shows_as_printed() -> None:
    text = edited(("      support: snv\n      time: {quarters: [1]}",
                   "      support: snv\n      time: {quarters: [4]}"))
    assert changes(text) == [(CHANGED, "Phụ lục, dòng 2, cột Thời gian", "Quý I/2023",
                              "Quý IV/2023", "")]


def test_a_new_legal_basis() -> None:
    text = edited(("    - id: nq-76-2021\n", "    - id: nd-107-2020\n      type: Nghị định\n"
                   "      number: 107/2020/NĐ-CP\n      date: 2020-09-14\n      issuer: Chính phủ\n"
                   "      title: quy định tổ chức các cơ quan chuyên môn\n"
                   "    - id: nq-76-2021\n"))
    assert changes(text) == [(ADDED, "Căn cứ thứ 3", "", "Nghị định số 107/2020/NĐ-CP ngày "
                              "14/9/2020 của Chính phủ quy định tổ chức các cơ quan chuyên môn",
                              "")]


def test_a_renamed_body_is_one_change() -> None:
    text = edited(("{id: stttt, name: Sở Thông tin và Truyền thông,",
                   "{id: stttt, name: Sở Khoa học và Công nghệ,"))
    assert changes(text) == [(CHANGED, "Danh mục cơ quan, Sở Khoa học và Công nghệ",
                              "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "")]


def test_a_reworded_paragraph_is_changed_with_its_words() -> None:
    old = "Theo dõi, kiểm tra, đôn đốc quá trình tổ chức thực hiện"
    new = "Theo dõi, giám sát, đôn đốc quá trình tổ chức thực hiện"
    found = changes(edited((old, new)))
    assert [(kind, where) for kind, where, *_ in found] == [(CHANGED, "Mục V, Sở Nội vụ, ý d")]
    assert ("delete", "kiểm tra,") in word_diff(found[0][2], found[0][3])
    assert ("insert", "giám sát,") in word_diff(found[0][2], found[0][3])


def test_an_inserted_paragraph_without_id_is_one_insertion() -> None:
    base = (ROOT / "tests" / "data" / "constructs-base.yaml").read_text(encoding="utf-8")
    old = base.replace("  objectives: [Nâng cao nhận thức.]",
                       "  objectives:\n    - Nâng cao nhận thức.\n    - Công khai thủ tục.\n"
                       "    - Đo lường sự hài lòng.")
    new = old.replace("    - Công khai thủ tục.\n", "    - Tuyên truyền trên Cổng thông tin.\n"
                      "    - Công khai thủ tục.\n")
    assert changes(new, old) == [(ADDED, "Mục I.2", "", "Tuyên truyền trên Cổng thông tin.", "")]
    reworded = old.replace("Công khai thủ tục.", "Công khai các thủ tục hành chính.")
    assert changes(reworded, old) == [(CHANGED, "Mục I.2", "Công khai thủ tục.",
                                       "Công khai các thủ tục hành chính.", "")]


def test_a_task_moved_from_one_body_to_another() -> None:
    text = HA_GIANG_TEXT
    start = text.index("          - id: snv-task-e\n")
    end = text.index("      - id: giao-vp-ubnd\n")
    task = text[start:end]
    text = text[:start] + text[end:]
    at = text.index("          - id: vp-ubnd-task-c\n")
    text = text[:at] + task + text[at:]
    found = changes(text)
    assert [(kind, where, note) for kind, where, _old, _new, note in found] == [
        (MOVED, "Mục V, Văn phòng UBND tỉnh, ý c", "từ Mục V, Sở Nội vụ, ý e")]


def test_a_year_change_is_one_change_of_year() -> None:
    # The title, the symbol, the reference lines and every "Quý …/2023" cell are generated from
    # the year: none of them is a change of its own.
    text = edited(("year: 2023", "year: 2024"), ("date: 2022-12-19", "date: 2023-12-19"))
    assert changes(text) == [
        (CHANGED, "Năm kế hoạch", "2023", "2024", ""),
        (CHANGED, "Ngày ban hành", "ngày 19 tháng 12 năm 2022", "ngày 19 tháng 12 năm 2023", ""),
    ]


def test_the_derived_plan_against_its_parent() -> None:
    """Sở TT&TT Gia Lai's plan (seed 003) → the plan derived for its Văn phòng."""
    loaded, parent = read_parent(ROOT / "examples" / "gia-lai-stttt-2024.yaml")
    child = plan(dump(derive(Parent(parent.doc, "gia-lai-stttt-2024.yaml"), "vp",
                             dt.date(2026, 11, 23))))
    report = compare(parent.doc, child)
    found = [(c.kind, c.location) for c in report.changes]
    # The issuer is now the office, under the department; a draft of the same year.
    for expected in [(REMOVED, "Số văn bản"), (REMOVED, "Ngày ban hành"),
                     (ADDED, "Năm ghi trên dòng ngày của dự thảo"),
                     (CHANGED, "Cơ quan ban hành, tên"),
                     (CHANGED, "Cơ quan ban hành, chữ viết tắt trong ký hiệu"),
                     (CHANGED, "Cơ quan ban hành, cơ quan chủ quản"),
                     (ADDED, "Tên kế hoạch, phạm vi"), (CHANGED, "Đoạn mở đầu"),
                     (CHANGED, "Chữ ký"), (CHANGED, "Nơi nhận, dòng Lưu")]:
        assert expected in found
    # Section IV (Tổ chức thực hiện) becomes the office's tasks: its three tasks of the
    # department's plan move under the office's own units; the other headings go.
    moved = [c for c in report.changes if c.kind == MOVED]
    assert [c.note for c in moved] == [f"từ Mục IV, Văn phòng Sở:, gạch đầu dòng thứ {n}"
                                       for n in (1, 2, 3)]
    assert (REMOVED, "Mục IV, Các phòng, đơn vị trực thuộc:") in found
    assert (ADDED, "Mục III, Các phòng, đơn vị thuộc Văn phòng Sở") in found
    # Nothing of the inherited objectives, requirements, audience, content or channels changed.
    assert not any(c.location.startswith(("Mục I.", "Mục I,", "Mục II.", "Mục II,"))
                   for c in report.changes)
    assert loaded.file.endswith("gia-lai-stttt-2024.yaml")


@pytest.mark.parametrize(("old", "new", "runs"), [
    ("a b c", "a x c", [("equal", "a"), ("delete", "b"), ("insert", "x"), ("equal", "c")]),
    ("a b", "a b c", [("equal", "a b"), ("insert", "c")]),
])
def test_word_diff(old: str, new: str, runs: list[tuple[str, str]]) -> None:
    assert word_diff(old, new) == runs


def test_changes_are_values() -> None:
    assert Difference(ADDED, "x") == Difference(ADDED, "x")


def diff_cli(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "en", "diff", *args])


def test_cli_a_file_against_itself(tmp_path: Path) -> None:
    example = str(ROOT / "examples" / "ha-giang-2023.yaml")
    result = diff_cli(example, example)
    assert result.exit_code == 0
    assert result.stdout == ""


def test_cli_differences_exit_1(tmp_path: Path) -> None:
    new = tmp_path / "new.yaml"
    new.write_text(edited(("year: 2023", "year: 2024"), ("date: 2022-12-19", "date: 2023-12-19")),
                   encoding="utf-8")
    result = diff_cli(str(ROOT / "examples" / "ha-giang-2023.yaml"), str(new))
    assert result.exit_code == 1
    assert result.stdout.startswith("1. Changed — Năm kế hoạch\n")


def test_cli_bad_input_exits_2(tmp_path: Path) -> None:
    example = str(ROOT / "examples" / "ha-giang-2023.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text(HA_GIANG_TEXT.replace("year: 2023", "year: x"), encoding="utf-8")
    result = diff_cli(example, str(bad))
    assert result.exit_code == 2
    assert f"{bad}:6:7: year: expected a whole number, found the text 'x'" in result.stderr
    result = diff_cli(example, str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    assert "missing.yaml:1:1: (document): no such file" in result.stderr
    result = diff_cli(example, str(ROOT / "examples" / "gia-lai-stttt-2024.yaml"))
    assert result.exit_code == 2
    assert "only two versions of one kind of document can be compared" in result.stderr
    assert "Traceback" not in result.output
