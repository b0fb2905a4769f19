"""plangen derive --check: what the parent changed since a plan was derived from it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT

from generator.cli import main
from generator.plan.load import load_text
from generator.plan.validate import validate

HA_GIANG = ROOT / "examples" / "ha-giang-2023.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def derived(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the parent and the Sở Nội vụ plan derived from it."""
    parent = tmp_path / "parent.yaml"
    parent.write_text(HA_GIANG.read_text(encoding="utf-8"), encoding="utf-8")
    child = tmp_path / "snv.yaml"
    assert run("derive", str(parent), "--unit", "snv", "-o", str(child)).exit_code == 0
    return parent, child


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(child: Path, parent: Path) -> Result:
    return run("--lang", "en", "derive", "--check", str(child), str(parent))


def test_nothing_changed(derived: tuple[Path, Path]) -> None:
    parent, child = derived
    result = check(child, parent)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "nothing in the parent that concerns this plan has changed\n"


def test_changes_elsewhere_do_not_concern_the_child(derived: tuple[Path, Path]) -> None:
    parent, child = derived
    edit(parent, "Thẩm định, trình UBND tỉnh cấp kinh phí", "Thẩm định kỹ, trình UBND tỉnh")
    edit(parent, "      - id: giao-stp\n", "      - id: giao-stp-2\n        bodies: [stp]\n"
         "        tasks: [{id: stp-new, text: Việc mới của Sở Tư pháp.}]\n      - id: giao-stp\n")
    assert check(child, parent).exit_code == 0


def test_edited_added_and_removed_items_are_reported(derived: tuple[Path, Path]) -> None:
    parent, child = derived
    edit(parent, "Theo dõi, kiểm tra, đôn đốc quá trình", "Theo dõi, đôn đốc quá trình")
    edit(parent, "          - id: snv-task-dd\n", "          - id: snv-task-new\n"
         "            text: Tổ chức cuộc thi tìm hiểu CCHC.\n          - id: snv-task-dd\n")
    edit(parent, "    - id: row-6\n      content:", "    - id: row-6\n      content: Đã bỏ.\n"
         "      note:")
    edit(parent, "      lead: snv\n      support: dai-tw", "      lead: stc\n      support: dai-tw")
    lines = check(child, parent).stdout.splitlines()
    assert any(": plan.assignments.items[0].tasks[3]: the parent changed this task: was "
               "'Theo dõi, kiểm tra, đôn đốc quá trình" in line and "now 'Theo dõi, đôn đốc quá "
               "trình" in line for line in lines), lines
    assert any(": plan.assignments.items[0].tasks[4]: new since the derivation: task 'Tổ chức "
               "cuộc thi tìm hiểu CCHC.'" in line for line in lines), lines
    assert any("appendix.rows[" in line and "the parent no longer gives this to the unit" in line
               and "Trung ương (1 bài" in line for line in lines), lines
    assert len(lines) == 3, lines


def test_a_role_that_changed_is_reported_old_then_new(derived: tuple[Path, Path]) -> None:
    """Row 6 (Sở Nội vụ leads) and row 8 (Sở Nội vụ supports) of seed 000, swapped."""
    parent, child = derived
    edit(parent, "      lead: snv\n      support: dai-tw", "      lead: dai-tw\n      support: snv")
    edit(parent, "      lead: dai-ptth\n      support: [snv, stttt]",
         "      lead: snv\n      support: [dai-ptth, stttt]")
    result = check(child, parent)
    assert result.exit_code == 1
    lines = [line.split(": ", 2) for line in result.stdout.splitlines()]
    assert [(where, path, message[:message.index(": '")]) for where, path, message in lines] == [
        (f"{parent}:352", "appendix.rows[5]", "the unit's role changed from leading to supporting"),
        (f"{parent}:364", "appendix.rows[7]", "the unit's role changed from supporting to leading"),
    ]
    assert "'Tuyên truyền CCHC trên Đài Phát thanh - Truyền hình Trung ương" in lines[0][2]
    assert "'Tuyên truyền CCHC trên Đài phát thanh và Truyền hình tỉnh" in lines[1][2]


def test_the_units_own_edits_are_not_upstream_changes(derived: tuple[Path, Path]) -> None:
    parent, child = derived
    edit(child, "Các phòng, đơn vị thuộc Sở", "Văn phòng Sở")
    edit(child, "name: Họ và tên", "name: Nguyễn Văn B")
    edit(child, "Xây dựng dự toán kinh phí thực hiện", "Lập dự toán kinh phí thực hiện")
    assert check(child, parent).exit_code == 0


def test_a_change_to_an_edited_copy_shows_both(derived: tuple[Path, Path]) -> None:
    parent, child = derived
    edit(child, "Xây dựng dự toán kinh phí thực hiện", "Lập dự toán kinh phí thực hiện")
    edit(parent, "Xây dựng dự toán kinh phí thực hiện", "Xây dựng, trình dự toán kinh phí")
    lines = check(child, parent).stdout.splitlines()
    assert len(lines) == 1
    assert "now 'Xây dựng, trình dự toán kinh phí" in lines[0]
    assert "(the unit's own, edited copy reads 'Lập dự toán kinh phí" in lines[0]


def test_a_draft_parent_signed_later_is_reported(tmp_path: Path) -> None:
    parent = tmp_path / "parent.yaml"
    parent.write_text(HA_GIANG.read_text(encoding="utf-8").replace(
        "number: 233\ndate: 2022-12-19\n", ""), encoding="utf-8")
    child = tmp_path / "snv.yaml"
    assert run("derive", str(parent), "--unit", "snv", "-o", str(child)).exit_code == 0
    opening = validate(load_text(child.read_text("utf-8"), "c"))["plan"]["opening"]
    assert opening.startswith("Thực hiện Quyết định số …/QĐ-UBND ngày …/…/2023 của")
    assert check(child, parent).exit_code == 0
    edit(parent, "year: 2023\n", "year: 2023\nnumber: 233\ndate: 2022-12-19\n")
    result = check(child, parent)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{parent}:7: number: the parent has been signed since the derivation: Quyết định số "
        "233/QĐ-UBND ngày 19 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh Hà Giang; update the "
        "opening"]


@pytest.mark.parametrize("side", ["child", "parent"])
def test_check_of_a_file_that_cannot_be_read_is_trouble(tmp_path: Path, side: str) -> None:
    parent = tmp_path / "p.yaml"
    parent.write_bytes(HA_GIANG.read_bytes())
    child = tmp_path / "snv.yaml"
    assert run("derive", str(parent), "--unit", "snv", "-o", str(child)).exit_code == 0
    broken = child if side == "child" else parent
    broken.write_bytes(b"\x00\x01binary\x00" * 50)
    result = check(child, parent)
    assert result.exit_code == 2  # trouble, not "the parent changed" (1)
    assert result.stderr.splitlines()[0] == (
        f"{broken}:1:1: (document): this is a binary file, not a YAML text file")


@pytest.mark.parametrize(("stamp", "path"), [
    # Where the stamp's mapping begins (the problem is located there), and its path.
    ("{id: objectives, ", "plan.objectives.from"),
    ("{id: snv-task-a, ", "plan.assignments.items[0].tasks[1].from"),
    ("{id: row-1, ", "appendix.rows[0].from"),
    ("file: parent.yaml", "derived_from"),
])
def test_a_stamp_without_its_fingerprint_is_refused(derived: tuple[Path, Path], stamp: str,
                                                    path: str) -> None:
    """Without it derive --check cannot tell the parent's edits from the unit's (docs/schema.md)."""
    _parent, child = derived
    text = child.read_text(encoding="utf-8")
    at = text.index(stamp)
    # ", fingerprint: …" inside a flow mapping, or the whole "  fingerprint: …" line of a block.
    cut = re.compile(r", fingerprint: [0-9a-f]{16}|\n +fingerprint: [0-9a-f]{16}").search(text, at)
    assert cut is not None
    child.write_text(text[:cut.start()] + text[cut.end():], encoding="utf-8")
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    result = run("--lang", "en", "validate", str(child))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{child}:{line}:{column}: {path}: the required field 'fingerprint' is missing",
        "1 problem(s) found"]


def test_check_of_a_file_not_derived(tmp_path: Path) -> None:
    result = check(HA_GIANG, HA_GIANG)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{HA_GIANG} was not made by `plangen derive`: it has no 'derived_from'"]
