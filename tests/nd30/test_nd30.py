"""Tests for generator.nd30 on synthetic DOCX files: conforming documents; checks 1-4."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import given
from hypothesis import strategies as st
from nd30_builder import build_document, paragraph_starting, replace_everywhere
from nd30_helpers import (
    findings_for,
    fired,
    header_tables,
    place,
    plain,
    rules_of,
    sections_of,
    text,
)
from nd30_parts import DECISION_DATE, DECISION_NUMBER

from generator.nd30 import check_docx
from generator.nd30.number_and_date import NUMBER_LINE, read_date_line
from generator.plan.vietnamese import long_date

# --- conforming documents ----------------------------------------------------------------------


def test_conforming_decision_plan_appendix_has_no_findings(tmp_path: Path) -> None:
    assert findings_for(build_document(), tmp_path) == []


@pytest.mark.parametrize("options", [{"decision": False}, {"appendix": False},
                                     {"decision": False, "appendix": False}])
def test_conforming_variants_have_no_findings(tmp_path: Path, options: dict[str, bool]) -> None:
    assert findings_for(build_document(**options), tmp_path) == []


def test_draft_with_blank_number_and_date_passes(tmp_path: Path) -> None:
    doc = build_document()
    replace_everywhere(doc, DECISION_NUMBER, "     /QĐ-UBND")
    replace_everywhere(doc, DECISION_DATE, "ngày     tháng     năm 2022")
    assert findings_for(doc, tmp_path) == []


def test_accepts_str_path_and_binary_stream(tmp_path: Path) -> None:
    path = tmp_path / "ok.docx"
    build_document().save(str(path))
    assert check_docx(str(path)) == []
    with path.open("rb") as stream:
        assert check_docx(stream) == []


# --- check 1: paper and margins --------------------------------------------------------------


def test_letter_paper_fails_check_1(tmp_path: Path) -> None:
    doc = build_document()
    sections_of(doc)[0].page_width = Mm(215.9)
    sections_of(doc)[0].page_height = Mm(279.4)
    assert fired(doc, tmp_path) == {"ND30-1-paper"}


# Letter differs from A4 on both sides; a page wrong on one side only must be caught too, in
# portrait (section 1, the Quyết định) and in landscape (section 3, the Phụ lục).
@pytest.mark.parametrize(("index", "width", "height"), [
    (0, 210, 279), (0, 216, 297), (2, 297, 216), (2, 279, 210),
], ids=["portrait-short", "portrait-wide", "landscape-high", "landscape-narrow"])
def test_paper_wrong_on_one_side_only_fails_check_1(tmp_path: Path, index: int, width: int,
                                                     height: int) -> None:
    doc = build_document()
    section = sections_of(doc)[index]
    section.page_width, section.page_height = Mm(width), Mm(height)
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-1-paper"}
    assert [text(finding) for finding in findings] == [f"the paper is {width}.0 × {height}.0 mm"]
    assert place(findings[0]).endswith(f"(section {index + 1}), page settings")


def test_narrow_left_margin_fails_check_1(tmp_path: Path) -> None:
    doc = build_document()
    sections_of(doc)[1].left_margin = Mm(25)
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-1-margins"}
    assert place(findings[0]) == "Kế hoạch (section 2), page settings"
    assert text(findings[0]) == "the left margin is 25.0 mm"


def test_margin_within_rounding_tolerance_passes(tmp_path: Path) -> None:
    doc = build_document()
    sections_of(doc)[0].top_margin = Mm(25.4)
    assert findings_for(doc, tmp_path) == []


def test_landscape_plan_fails_check_1(tmp_path: Path) -> None:
    doc = build_document(appendix=False)
    section = sections_of(doc)[1]
    section.orientation = docx.enum.section.WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    assert fired(doc, tmp_path) == {"ND30-1-orientation"}


def test_landscape_size_without_orient_fails_check_1(tmp_path: Path) -> None:
    doc = build_document()
    sections_of(doc)[2].orientation = docx.enum.section.WD_ORIENT.PORTRAIT
    assert fired(doc, tmp_path) == {"ND30-1-orientation"}


# --- check 2: font, sizes, NFC ----------------------------------------------------------------


def test_arial_run_fails_check_2(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "Nâng cao nhận thức").runs[0].font.name = "Arial"
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-2-font"}
    assert "Arial" in text(findings[0]) and "«Nâng cao nhận thức" in place(findings[0])


def test_vietnamese_letters_in_another_font_fail_check_2(tmp_path: Path) -> None:
    doc = build_document()
    run = paragraph_starting(doc, "Nâng cao nhận thức").runs[0]
    run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), "Arial")
    assert fired(doc, tmp_path) == {"ND30-2-font"}


def test_theme_font_from_document_defaults_fails_check_2(tmp_path: Path) -> None:
    doc = build_document()
    fonts = doc.styles["Normal"].element.rPr.rFonts
    fonts.getparent().remove(fonts)  # Normal no longer names a font: docDefaults' theme applies
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-2-font"}
    assert "Cambria" in text(findings[0])


def test_ten_point_text_fails_check_2(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "Nâng cao nhận thức").runs[0].font.size = Pt(10)
    assert fired(doc, tmp_path) == {"ND30-2-size"}


def test_decomposed_text_fails_check_2(tmp_path: Path) -> None:
    doc = build_document()
    run = paragraph_starting(doc, "Nâng cao nhận thức").runs[0]
    run.text = "Na\u0302ng cao nha\u0323\u0302n thu\u031b\u0301c."
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-2-unicode"}
    assert "NFC" in text(findings[0])


# --- check 3: header block ----------------------------------------------------------------------


def test_missing_line_under_tieu_ngu_fails_check_3(tmp_path: Path) -> None:
    doc = build_document()
    motto = header_tables(doc)[0].cell(0, 1).paragraphs[1]
    ppr = motto._p.pPr
    ppr.remove(ppr.find(qn("w:pBdr")))
    assert fired(doc, tmp_path) == {"ND30-3-motto"}


def test_regular_quoc_hieu_fails_check_3(tmp_path: Path) -> None:
    doc = build_document()
    header_tables(doc)[1].cell(0, 1).paragraphs[0].runs[0].bold = False
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-3-national-title"}
    assert "not bold" in text(findings[0])


def test_quoc_hieu_at_14_pt_fails_check_3(tmp_path: Path) -> None:
    doc = build_document()
    header_tables(doc)[0].cell(0, 1).paragraphs[0].runs[0].font.size = Pt(14)
    assert fired(doc, tmp_path) == {"ND30-3-national-title", "ND30-3-motto"}


def test_header_block_with_grid_borders_fails_check_3(tmp_path: Path) -> None:
    doc = build_document()
    header_tables(doc)[0].style = doc.styles["Table Grid"]
    assert fired(doc, tmp_path) == {"ND30-3-layout"}


def test_right_column_too_narrow_for_quoc_hieu_fails_check_3(tmp_path: Path) -> None:
    doc = build_document()
    table = header_tables(doc)[0]
    for row in table.rows:
        row.cells[1].width = Mm(85)
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-3-national-title"}
    assert "one line" in text(findings[0])


def test_regular_issuing_body_fails_check_3(tmp_path: Path) -> None:
    doc = build_document()
    for paragraph in header_tables(doc)[0].cell(0, 0).paragraphs:
        paragraph.runs[0].bold = False
    assert fired(doc, tmp_path) == {"ND30-3-issuer"}


def test_parent_body_must_come_before_bold_issuing_body(tmp_path: Path) -> None:
    doc = build_document(decision=False)
    cell = header_tables(doc)[0].cell(0, 0)
    cell.paragraphs[0].runs[0].bold = True
    cell.paragraphs[1].runs[0].bold = False
    assert fired(doc, tmp_path) == {"ND30-3-issuer"}


def test_missing_header_block_fails_check_3(tmp_path: Path) -> None:
    doc = build_document(decision=False, appendix=False)
    table = header_tables(doc)[0]._tbl
    table.getparent().remove(table)
    assert "ND30-3-layout" in fired(doc, tmp_path)


# --- check 4: Số and date line ----------------------------------------------------------------


def test_single_digit_number_fails_check_4(tmp_path: Path) -> None:
    doc = build_document()
    replace_everywhere(doc, DECISION_NUMBER, "5/QĐ-UBND")
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-4-number"}
    assert "«Số: 5/QĐ-UBND»" in text(findings[0])


def test_spaced_symbol_fails_check_4(tmp_path: Path) -> None:
    doc = build_document()
    replace_everywhere(doc, DECISION_NUMBER, "233/QĐ - UBND")
    assert fired(doc, tmp_path) == {"ND30-4-number"}


def test_wrong_type_code_fails_check_4(tmp_path: Path) -> None:
    doc = build_document()
    replace_everywhere(doc, DECISION_NUMBER, "233/KH-UBND")
    assert fired(doc, tmp_path) == {"ND30-4-number"}


def test_month_with_leading_zero_fails_check_4(tmp_path: Path) -> None:
    doc = build_document()
    replace_everywhere(doc, DECISION_DATE, "ngày 19 tháng 03 năm 2022")
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-4-date"}
    assert text(findings[0]) == "the month is written «03»"


def test_upright_date_line_fails_check_4(tmp_path: Path) -> None:
    doc = build_document()
    plain(doc, "Hà Giang, ngày")
    assert fired(doc, tmp_path) == {"ND30-4-date-style"}


@pytest.mark.parametrize("text", ["Số: 233/QĐ-UBND", "Số: 05/KH-SNV", "Số:      /QĐ-UBND",
                                  "Số: 15/KH-STT&TT", "Số: 12/CTr-UBND"])
def test_number_pattern_accepts(text: str) -> None:
    assert NUMBER_LINE.fullmatch(text)


@pytest.mark.parametrize("text", ["Số: 5/QĐ-UBND", "Số 233/QĐ-UBND", "Số: 233/QĐ - UBND",
                                  "Số: 233/QĐUBND", "Số:233/QĐ-UBND"])
def test_number_pattern_rejects(text: str) -> None:
    assert not NUMBER_LINE.fullmatch(text)


@pytest.mark.parametrize("text", [
    "Hà Giang, ngày 19 tháng 12 năm 2022", "Hà Nội, ngày 05 tháng 01 năm 2024",
    "Bình Định, ngày 30 tháng 4 năm 2024", "Bình Định, ngày     tháng     năm 2024",
    "Gia Lai, ngày      tháng 01 năm 2024",
])
def test_date_line_accepts(text: str) -> None:
    assert read_date_line(text)[1] == []


@pytest.mark.parametrize("text", [
    "Hà Giang, ngày 5 tháng 12 năm 2022", "Hà Giang, ngày 05 tháng 1 năm 2022",
    "Hà Giang, ngày 05 tháng 04 năm 2022", "Hà Giang, ngày 31 tháng 02 năm 2022",
    "Hà Giang, ngày 05 tháng     năm 2022", "Hà Giang ngày 05 tháng 12 năm 2022",
    "Hà Giang, ngày 05 tháng 12 năm 22", "Hà Giang, 05/12/2022",
])
def test_date_line_rejects(text: str) -> None:
    assert read_date_line(text)[1]


@given(st.dates(min_value=dt.date(1945, 9, 2), max_value=dt.date(2100, 12, 31)))
def test_every_date_written_by_the_generator_passes(date: dt.date) -> None:
    assert read_date_line(f"Hà Giang, {long_date(date, date.year)}")[1] == []
    assert read_date_line(f"Hà Giang, {long_date(None, date.year)}")[1] == []
    assert read_date_line(f"Hà Giang, {long_date(date, date.year, day_known=False)}")[1] == []

