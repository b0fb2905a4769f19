"""plangen diff's text, Markdown and JSON products, built from hand-made Reports (diff_reports.py);
the DOCX comparison table is test_diff_docx.py, the command line test_diff_cli.py."""
from __future__ import annotations

import json

import pytest
from diff_reports import ADDED, EMPTY, LONG_NEW, LONG_OLD, MOVED, REMOVED, REPORT
from hypothesis import given
from hypothesis import strategies as st

from generator.workflows import diff_output as out
from generator.workflows.diff import Difference, Report

# --- text -----------------------------------------------------------------------------------

def test_text_one_block_per_change_in_vietnamese() -> None:
    assert out.as_text(REPORT, lang="vi", color=False) == (
        "Chú thích: [-chữ bỏ-] [+chữ thêm+]\n"
        "\n"
        "1. Sửa — Mục II.2 Nội dung tuyên truyền, điểm d\n"
        "   Theo dõi, đôn đốc [-kiểm tra,-][+giám sát,+] quá trình tổ chức …\n"
        "\n"
        "2. Thêm — Phụ lục, dòng 5.2\n"
        "   + Tổ chức hội nghị tập huấn cấp xã\n"
        "\n"
        "3. Bỏ — Mục III, điểm 2\n"
        "   - Tổng hợp báo cáo.\n"
        "\n"
        "4. Chuyển chỗ — Mục II.3 Hình thức tuyên truyền, điểm a\n"
        "   Viết tin bài\n"
        "   từ Mục II.2 Nội dung tuyên truyền, điểm c\n")


def test_text_in_english() -> None:
    text = out.as_text(REPORT, lang="en")
    heads = [line for line in text.splitlines() if line[:1].isdigit()]
    assert [head.split(" — ")[0] for head in heads] == [
        "1. Changed", "2. Added", "3. Removed", "4. Moved"]
    assert text.startswith("Key: [-deleted words-] [+added words+]\n\n1. Changed — ")


def test_text_shows_only_the_changed_words_in_context() -> None:
    words = [f"từ{i}" for i in range(40)]
    old = " ".join(words)
    new = " ".join([*words[:10], "MỚI", *words[11:30], *words[31:]])
    text = out.as_text(Report("a", "b", (Difference("changed", "Mục I", old, new),)))
    body = text.splitlines()[3].strip()
    assert body == ("… từ6 từ7 từ8 từ9 [-từ10-][+MỚI+] từ11 từ12 từ13 từ14 … "
                    "từ26 từ27 từ28 từ29 [-từ30-] từ31 từ32 từ33 từ34 …")
    assert len(body.split()) < len(words)


def test_text_in_colour_uses_red_and_green_instead_of_brackets() -> None:
    text = out.as_text(REPORT, lang="vi", color=True)
    assert f"{out.RED}kiểm tra,{out.RESET} {out.GREEN}giám sát,{out.RESET}" in text
    assert f"   {out.GREEN}+ Tổ chức hội nghị tập huấn cấp xã{out.RESET}" in text
    assert f"   {out.RED}- Tổng hợp báo cáo.{out.RESET}" in text
    assert "[-" not in text and "[+" not in text
    assert text.startswith(
        f"Chú thích: {out.RED}chữ bỏ{out.RESET} {out.GREEN}chữ thêm{out.RESET}\n")
    assert "\x1b" not in out.as_text(REPORT, lang="vi", color=False)


def test_text_keeps_the_lines_of_a_multiline_text_aligned() -> None:
    change = Difference("removed", "Phụ lục, dòng 2, cột Sản phẩm", "- Tin bài\n- Phóng sự", "")
    assert out.as_text(Report("a", "b", (change,))) == (
        "1. Bỏ — Phụ lục, dòng 2, cột Sản phẩm\n   - - Tin bài\n     - Phóng sự\n")


def test_a_moved_item_whose_text_also_changed_shows_both() -> None:
    change = Difference("moved", "Mục II.3, điểm a", "Viết tin bài", "Viết tin, bài", "từ Mục II.2")
    assert out.as_text(Report("a", "b", (change,))).splitlines()[1:] == [
        "   Viết tin bài → Viết tin, bài", "   từ Mục II.2"]
    long = Difference("moved", "Mục II.3, điểm a", LONG_OLD, LONG_NEW, "từ Mục II.2")
    assert out.as_text(Report("a", "b", (long,))).splitlines()[3:] == [
        "   Theo dõi, đôn đốc [-kiểm tra,-][+giám sát,+] quá trình tổ chức …", "   từ Mục II.2"]


def test_text_under_a_two_digit_number_stays_aligned() -> None:
    text = out.as_text(Report("a", "b", tuple([REMOVED] * 10)), lang="en")
    assert text.splitlines()[-2:] == ["10. Removed — Mục III, điểm 2", "    - Tổng hợp báo cáo."]
    assert text.splitlines()[1] == "   - Tổng hợp báo cáo."


def test_no_changes_no_text() -> None:
    assert out.as_text(EMPTY) == ""


# --- Markdown -------------------------------------------------------------------------------

def test_markdown_strikes_deleted_and_bolds_inserted_words() -> None:
    assert out.as_markdown(REPORT, lang="vi") == (
        "# So sánh cu.yaml với moi.yaml\n"
        "\n"
        "1. **Sửa** — Mục II.2 Nội dung tuyên truyền, điểm d\n"
        "\n"
        "   Theo dõi, đôn đốc ~~kiểm tra,~~ **giám sát,** quá trình tổ chức …\n"
        "\n"
        "2. **Thêm** — Phụ lục, dòng 5.2\n"
        "\n"
        "   **Tổ chức hội nghị tập huấn cấp xã**\n"
        "\n"
        "3. **Bỏ** — Mục III, điểm 2\n"
        "\n"
        "   ~~Tổng hợp báo cáo.~~\n"
        "\n"
        "4. **Chuyển chỗ** — Mục II.3 Hình thức tuyên truyền, điểm a\n"
        "\n"
        "   Viết tin bài\n"
        "\n"
        "   *từ Mục II.2 Nội dung tuyên truyền, điểm c*\n")


def test_markdown_shows_the_text_literally() -> None:
    change = Difference("added", "Mục I_2 *x*", "", "- a <b> [c](d) `e` | f ~~g~~")
    text = out.as_markdown(Report("cu_1.yaml", "moi.yaml", (change,)), lang="en")
    assert text.splitlines()[0] == "# Comparison of cu\\_1.yaml with moi.yaml"
    assert "1. **Added** — Mục I\\_2 \\*x\\*" in text
    assert "   **\\- a \\<b\\> \\[c\\](d) \\`e\\` \\| f \\~\\~g\\~\\~**" in text


def test_markdown_without_changes_says_so() -> None:
    assert out.as_markdown(EMPTY, lang="en") == (
        "# Comparison of cu.yaml with moi.yaml\n\n*No changes.*\n")


# --- JSON -----------------------------------------------------------------------------------

def test_json_structure_is_documented_and_stable() -> None:
    data = json.loads(out.as_json(REPORT))
    assert list(data) == ["plangen_diff", "old", "new", "changes"]
    assert data["plangen_diff"] == 1 and data["old"] == "cu.yaml" and data["new"] == "moi.yaml"
    first = data["changes"][0]
    assert list(first) == ["kind", "location", "old", "new", "note", "path", "words"]
    assert first["words"] == [["equal", "Theo dõi, đôn đốc"], ["delete", "kiểm tra,"],
                              ["insert", "giám sát,"], ["equal", LONG_OLD.split("kiểm tra, ")[1]]]
    assert [c["words"] for c in data["changes"][1:]] == [
        [["insert", ADDED.new]], [["delete", REMOVED.old]], [["equal", MOVED.old]]]
    assert "Sửa" not in out.as_json(REPORT) and "\\u" not in out.as_json(REPORT)


def test_json_round_trip() -> None:
    assert out.from_json(out.as_json(REPORT)) == REPORT
    assert out.from_json(out.as_json(EMPTY)) == EMPTY
    with pytest.raises(ValueError):
        out.from_json('{"plangen_diff": 2}')


TEXTS = st.lists(st.sampled_from(["a", "b", "c,", "d\ne"]), max_size=8).map(" ".join)


@given(TEXTS, TEXTS)
def test_the_words_rebuild_both_texts(old: str, new: str) -> None:
    words = out.change_words(Difference("changed", "x", old, new))
    assert " ".join(t for op, t in words if op != "insert") == old
    assert " ".join(t for op, t in words if op != "delete") == new
