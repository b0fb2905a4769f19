"""The outline of a plan's text: paragraphs rejoined, artefacts removed, every ND30 mark read."""
from __future__ import annotations

import os

import pytest
from helpers import ROOT

from generator.importing.outline import Paragraph, mark_of, paragraphs

SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.parametrize(("text", "mark"), [
    ("I. MỤC ĐÍCH, YÊU CẦU", ("roman", "I", "MỤC ĐÍCH, YÊU CẦU")),
    ("IV. TỔ CHỨC THỰC HIỆN", ("roman", "IV", "TỔ CHỨC THỰC HIỆN")),
    ("1. Mục đích", ("number", "1", "Mục đích")),
    ("2.1. Các quan điểm", ("number", "2.1", "Các quan điểm")),
    ("2.1 Các quan điểm", ("number", "2.1", "Các quan điểm")),
    ("a) Thông tin kịp thời", ("letter", "a", "Thông tin kịp thời")),
    ("đ) Tình hình", ("letter", "đ", "Tình hình")),
    ("- Như Điều 3;", ("dash", "-", "Như Điều 3;")),
    ("– Bộ Nội vụ;", ("dash", "–", "Bộ Nội vụ;")),
    ("+ Trên Cổng thông tin", ("plus", "+", "Trên Cổng thông tin")),
    ("Điều 3. Chánh Văn phòng", ("article", "3", "Chánh Văn phòng")),
    # Not marks: a letter ND30 does not use, quantities, a word, a mark with nothing after it.
    ("f) Không phải điểm", (None, "", "f) Không phải điểm")),
    ("15 đơn vị tham gia", (None, "", "15 đơn vị tham gia")),
    ("1.000 lượt người", (None, "", "1.000 lượt người")),
    ("Vì vậy, cần", (None, "", "Vì vậy, cần")),
    ("-", (None, "", "-")),
])
def test_the_mark_a_paragraph_opens_with(text: str, mark: tuple[str | None, str, str]) -> None:
    assert mark_of(text) == mark


def shape(text: str) -> list[tuple[int, str | None, str, str]]:
    return [(p.line, p.level, p.label, p.text) for p in paragraphs(text)]


def test_hard_wrapped_lines_are_one_paragraph_again() -> None:
    text = ("c) Tình hình sắp xếp tổ chức bộ máy theo Nghị quyết số 18-NQ/TW\n\n"
            "(khóa XII), Nghị định số 107/2020/NĐ-CP của Chính phủ\n"
            "và chỉ đạo của tỉnh.\n"
            "d) Cải cách công vụ.\n")
    assert shape(text) == [
        (1, "letter", "c", "Tình hình sắp xếp tổ chức bộ máy theo Nghị quyết số 18-NQ/TW "
         "(khóa XII), Nghị định số 107/2020/NĐ-CP của Chính phủ và chỉ đạo của tỉnh."),
        (5, "letter", "d", "Cải cách công vụ.")]


def test_a_finished_sentence_or_a_capital_starts_a_paragraph() -> None:
    text = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
            "căn cứ chữ thường sau dấu chấm phẩy vẫn là đoạn mới\n"
            "Tuyên truyền cải cách hành chính năm 2023\n"
            "(Ban hành kèm theo Quyết định số 233/QĐ-UBND\n"
            "của Ủy ban nhân dân tỉnh Hà Giang)\n")
    assert [p.text for p in paragraphs(text)] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        "căn cứ chữ thường sau dấu chấm phẩy vẫn là đoạn mới",
        "Tuyên truyền cải cách hành chính năm 2023",
        "(Ban hành kèm theo Quyết định số 233/QĐ-UBND của Ủy ban nhân dân tỉnh Hà Giang)"]


def test_extraction_artefacts_are_removed() -> None:
    text = ("KẾ HOẠCH**Tuyên truyền cải cách hành chính năm 2023\n"
            "trên địa bàn tỉnh Hà Giang**\n"
            "I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích\n"
            "<ul>- Một ý\u00a0có  khoảng\u200b trắng lạ</ul>\n"
            "# III. GIẢI PHÁP\n")
    assert shape(text) == [
        (1, None, "", "KẾ HOẠCH"),
        (1, None, "", "Tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang"),
        (3, "roman", "I", "MỤC ĐÍCH, YÊU CẦU"),
        (3, "number", "1", "Mục đích"),
        (4, "dash", "-", "Một ý có khoảng trắng lạ"),
        (5, "roman", "III", "GIẢI PHÁP")]


def test_a_tab_separated_line_is_a_table_row_and_text_is_nfc() -> None:
    decomposed = "Sở Nội vụ".replace("ộ", "o\u0323\u0302")
    [row] = paragraphs(f"1\tViết tin bài\t{decomposed}\tQuý I, II\n")
    assert row.cells == ("1", "Viết tin bài", "Sở Nội vụ", "Quý I, II")
    assert row == Paragraph(None, "", "1 Viết tin bài Sở Nội vụ Quý I, II", 1, row.cells)


@pytest.mark.skipif(not SEEDS.is_dir() and os.environ.get("PLANGEN_REQUIRE_SEEDS") != "1",
                    reason="../shared/seeds is not beside the checkout")
def test_the_outline_of_seed_000_is_its_sections_and_points() -> None:
    found = paragraphs((SEEDS / "000_1f5d7e236c7063e7.txt").read_text(encoding="utf-8"))
    assert [p.label for p in found if p.level == "roman"] == ["I", "II", "III", "IV", "V"]
    assert [p.label for p in found if p.level == "article"] == ["1", "2", "3"]
    # Section II.3's points run a) to k) in the Vietnamese alphabet (no f, no j).
    start = next(i for i, p in enumerate(found) if p.text == "Hình thức tuyên truyền")
    end = next(i for i, p in enumerate(found) if i > start and p.level in ("number", "roman"))
    points = [p.label for p in found[start:end] if p.level == "letter"]
    assert points == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"]
    assert sum(1 for p in found if p.cells) >= 15  # the appendix rows
