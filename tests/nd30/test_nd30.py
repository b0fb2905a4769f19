"""Tests for generator.nd30: each ND30 check on synthetic DOCX files built with python-docx."""
from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nd30_builder import (
    DECISION_DATE,
    DECISION_NUMBER,
    PLAN_REFERENCE,
    add_plan,
    body_paragraphs,
    build_document,
    page_number_field,
    paragraph_starting,
    recipients_block,
    replace_everywhere,
    write,
)

from generator.nd30 import CheckCrashed, Finding, UnreadableDocx, check_docx
from generator.nd30 import checks as nd30_checks
from generator.nd30.effective import StyleSheet, alignment, run_format
from generator.nd30.number_and_date import NUMBER_LINE, read_date_line
from generator.nd30.report import location_text
from generator.plan.vietnamese import long_date
from generator.shell.i18n import translate


def findings_for(doc: Document, tmp_path: Path) -> list[Finding]:
    """Save a document into tmp_path and check it.

    check_docx re-raises a check that crashes (CheckCrashed), so every test built on this
    helper also asserts that no check crashed: a crash never passes as a finding.
    """
    path = tmp_path / "out.docx"
    doc.save(str(path))
    return check_docx(path)


def rules_of(findings: list[Finding]) -> set[str]:
    """Codes of the rules that fired."""
    return {finding.rule for finding in findings}


def fired(doc: Document, tmp_path: Path) -> set[str]:
    """Codes of the rules the document breaks (raises if a check crashed)."""
    return rules_of(findings_for(doc, tmp_path))


def text(finding: Finding) -> str:
    """What was found, in English."""
    return translate(finding.found, "en")


def place(finding: Finding) -> str:
    """The first place of a finding, in English."""
    return location_text(finding.locations[0], "en")


def plain(doc: Document, prefix: str, nth: int = 0) -> None:
    """Remove direct bold/italic from every run of a paragraph."""
    for run in paragraph_starting(doc, prefix, nth).runs:
        run.bold = None
        run.italic = None


def sections_of(doc: Document) -> list[docx.section.Section]:
    """Sections of a document as a list."""
    return list(doc.sections)


def header_tables(doc: Document) -> list[docx.table.Table]:
    """The header-block tables (those whose top-right cell holds the Quốc hiệu)."""
    return [table for table in doc.tables if "CỘNG HÒA" in table.cell(0, 1).text]


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


# --- check 5: titles and preamble -------------------------------------------------------------


def test_upright_can_cu_fails_check_5(tmp_path: Path) -> None:
    doc = build_document()
    plain(doc, "Căn cứ Nghị quyết")
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-5-bases"}
    assert place(findings[0]).startswith("Quyết định (section 1), paragraph ")
    assert "«Căn cứ Nghị quyết" in place(findings[0])
    assert text(findings[0]) == "a «Căn cứ» line is not in italics"


def test_can_cu_ending_with_full_stop_fails_check_5(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "Căn cứ Luật").runs[0].text = "Căn cứ Luật Tổ chức chính quyền."
    assert fired(doc, tmp_path) == {"ND30-5-bases"}


def test_missing_quyet_dinh_colon_fails_check_5(tmp_path: Path) -> None:
    doc = build_document()
    paragraph = paragraph_starting(doc, "QUYẾT ĐỊNH:")._p
    paragraph.getparent().remove(paragraph)
    assert fired(doc, tmp_path) == {"ND30-5-decide"}


def test_plan_title_not_centred_fails_check_5(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "KẾ HOẠCH").alignment = WD_ALIGN_PARAGRAPH.LEFT
    assert fired(doc, tmp_path) == {"ND30-5-title"}


def test_missing_authority_line_fails_check_5(tmp_path: Path) -> None:
    doc = build_document()
    paragraph = paragraph_starting(doc, "CHỦ TỊCH ỦY BAN")._p
    paragraph.getparent().remove(paragraph)
    assert fired(doc, tmp_path) == {"ND30-5-authority"}


def test_attached_plan_without_issuing_line_fails_check_5(tmp_path: Path) -> None:
    doc = build_document()
    paragraph = paragraph_starting(doc, "(Ban hành kèm theo")._p
    paragraph.getparent().remove(paragraph)
    assert fired(doc, tmp_path) == {"ND30-5-issued-with"}


# --- check 6: articles and «./.» ----------------------------------------------------------------


def test_article_gap_fails_check_6(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "Điều 3.").runs[0].text = "Điều 4."
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-6-articles"}
    assert "numbered 4 where 3" in text(findings[0])


def test_regular_article_label_fails_check_6(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "Điều 2.").runs[0].bold = False
    assert fired(doc, tmp_path) == {"ND30-6-articles"}


def test_article_label_split_over_runs(tmp_path: Path) -> None:
    doc = build_document()
    paragraph = paragraph_starting(doc, "Điều 2.")
    paragraph.runs[0].text = "Điều "
    number = paragraph.add_run("2.")
    number.bold = True
    paragraph.runs[0]._r.addnext(number._r)
    assert findings_for(doc, tmp_path) == []
    number.bold = None
    assert fired(doc, tmp_path) == {"ND30-6-articles"}


def test_plan_without_closing_mark_fails_check_6(tmp_path: Path) -> None:
    doc = build_document()
    closing = paragraph_starting(doc, "Các cơ quan, đơn vị triển khai")
    closing.runs[0].text = "Các cơ quan thực hiện."
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-6-closing"}
    assert text(findings[0]).startswith("the plan's text ends with")


def test_last_article_without_closing_mark_fails_check_6(tmp_path: Path) -> None:
    doc = build_document()
    run = paragraph_starting(doc, "Điều 3.").runs[1]
    run.text = run.text.replace("./.", ".")
    assert fired(doc, tmp_path) == {"ND30-6-closing"}


# --- check 7: Nơi nhận ------------------------------------------------------------------------


def test_upright_noi_nhan_fails_check_7(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "Nơi nhận:").runs[0].italic = False
    assert fired(doc, tmp_path) == {"ND30-7-recipients"}


def test_entry_at_12_pt_fails_check_7(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "- Như Điều 3").runs[0].font.size = Pt(12)
    assert fired(doc, tmp_path) == {"ND30-7-recipients"}


def test_archive_entry_not_last_fails_check_7(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "- Lưu: VT").runs[0].text = "- Sở Nội vụ."
    assert fired(doc, tmp_path) == {"ND30-7-recipients"}


def test_entry_without_semicolon_fails_check_7(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "- Như Điều 3").runs[0].text = "- Như Điều 3,"
    assert fired(doc, tmp_path) == {"ND30-7-recipients"}


def test_attached_plan_with_recipients_fails_check_7(tmp_path: Path) -> None:
    doc = build_document(appendix=False)
    recipients_block(doc, ["- Lưu: VT."], ["CHỦ TỊCH", "Nguyễn Văn Sơn"])
    write(doc.add_paragraph(), "")
    assert fired(doc, tmp_path) == {"ND30-7-attached"}


def test_standalone_plan_without_recipients_fails_checks_7_and_8(tmp_path: Path) -> None:
    doc = build_document(decision=False, appendix=False)
    table = next(t for t in doc.tables if "Nơi nhận" in t.cell(0, 0).text)._tbl
    table.getparent().remove(table)
    assert fired(doc, tmp_path) == {"ND30-7-recipients", "ND30-8-signature"}


# --- check 8: signature -------------------------------------------------------------------------


def test_upper_case_name_fails_check_8(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "Nguyễn Văn Sơn").runs[0].text = "NGUYỄN VĂN SƠN"
    assert fired(doc, tmp_path) == {"ND30-8-signature"}


def test_regular_signature_title_fails_check_8(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "PHÓ CHỦ TỊCH").runs[0].bold = False
    assert fired(doc, tmp_path) == {"ND30-8-signature"}


def test_lower_case_signature_title_fails_check_8(tmp_path: Path) -> None:
    doc = build_document(decision=False)
    paragraph_starting(doc, "PHÓ GIÁM ĐỐC").runs[0].text = "Phó Giám đốc"
    assert fired(doc, tmp_path) == {"ND30-8-signature"}


# --- check 9: parts, new pages, page numbers ----------------------------------------------------


def test_continuous_section_break_fails_check_9(tmp_path: Path) -> None:
    doc = build_document()
    sections_of(doc)[1].start_type = WD_SECTION.CONTINUOUS
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-9-parts"}
    assert place(findings[0]) == "Kế hoạch (section 2), page settings"


def test_page_number_on_first_page_fails_check_9(tmp_path: Path) -> None:
    doc = build_document()
    first = sections_of(doc)[0].first_page_header
    first.is_linked_to_previous = False
    page_number_field(first.paragraphs[0])
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-9-page-numbers"}
    # the later sections inherit the first-page header: one finding, in every part
    assert len(findings) == 1 and findings[0].count == 3
    assert [location_text(at, "en") for at in findings[0].locations] == [
        "Quyết định (section 1), first-page header", "Kế hoạch (section 2), first-page header",
        "Phụ lục (section 3), first-page header"]


def test_page_number_not_centred_fails_check_9(tmp_path: Path) -> None:
    doc = build_document()
    sections_of(doc)[0].header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    # sections 1 and 2 share the header; the appendix has its own
    [finding] = findings_for(doc, tmp_path)
    assert [location_text(at, "en") for at in finding.locations] == [
        "Quyết định (section 1), page header", "Kế hoạch (section 2), page header"]


def test_header_without_page_field_fails_check_9(tmp_path: Path) -> None:
    doc = build_document()
    header = sections_of(doc)[2].header.paragraphs[0]._p
    for run in header.findall(qn("w:r")):
        header.remove(run)
    assert fired(doc, tmp_path) == {"ND30-9-page-numbers"}


def test_odd_and_even_headers_need_a_page_number_on_even_pages(tmp_path: Path) -> None:
    doc = build_document()
    doc.settings.odd_and_even_pages_header_footer = True
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-9-page-numbers"}
    assert all(at.area == "even-header" for f in findings for at in f.locations)


def test_numbering_not_restarted_fails_check_9(tmp_path: Path) -> None:
    doc = build_document()
    sect_pr = sections_of(doc)[1]._sectPr
    sect_pr.remove(sect_pr.find(qn("w:pgNumType")))
    assert fired(doc, tmp_path) == {"ND30-9-page-numbers"}


def test_no_different_first_page_fails_check_9(tmp_path: Path) -> None:
    doc = build_document()
    sections_of(doc)[1].different_first_page_header_footer = False
    assert fired(doc, tmp_path) == {"ND30-9-page-numbers"}


def test_plan_in_the_decision_section_fails_check_9(tmp_path: Path) -> None:
    doc = build_document(appendix=False)
    break_paragraph = sections_of(doc)[0]._sectPr.getparent().getparent()
    break_paragraph.getparent().remove(break_paragraph)
    findings = findings_for(doc, tmp_path)
    assert "ND30-9-parts" in rules_of(findings)
    assert any(text(f) == "a Kế hoạch title is inside the section of another part"
               and f.locations[0].section == 1 for f in findings)


def test_plan_before_decision_fails_check_9(tmp_path: Path) -> None:
    doc = build_document(decision=False, appendix=False)
    doc.add_section(WD_SECTION.NEW_PAGE)
    add_plan(doc, attached=False)
    assert "ND30-9-parts" in fired(doc, tmp_path)


# --- check 10: appendix -------------------------------------------------------------------------


def test_upright_attachment_note_fails_check_10(tmp_path: Path) -> None:
    doc = build_document()
    plain(doc, "(Kèm theo")
    assert fired(doc, tmp_path) == {"ND30-10-note"}


def test_header_row_not_repeated_fails_check_10(tmp_path: Path) -> None:
    doc = build_document()
    trpr = doc.tables[-1].rows[0]._tr.trPr
    trpr.remove(trpr.find(qn("w:tblHeader")))
    assert fired(doc, tmp_path) == {"ND30-10-table"}


def test_appendix_numbering_not_restarted_fails_check_10(tmp_path: Path) -> None:
    doc = build_document()
    sect_pr = sections_of(doc)[2]._sectPr
    sect_pr.remove(sect_pr.find(qn("w:pgNumType")))
    assert fired(doc, tmp_path) == {"ND30-10-pages"}


def test_sentence_case_appendix_title_fails_check_10(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "DANH MỤC").runs[0].text = "Danh mục nhiệm vụ tuyên truyền"
    assert fired(doc, tmp_path) == {"ND30-10-title"}


def test_regular_header_row_fails_check_10(tmp_path: Path) -> None:
    doc = build_document()
    doc.tables[-1].cell(0, 1).paragraphs[0].runs[0].bold = False
    assert fired(doc, tmp_path) == {"ND30-10-table"}


# --- check 11: references ----------------------------------------------------------------------


def test_appendix_citing_another_number_fails_check_11(tmp_path: Path) -> None:
    doc = build_document()
    paragraph_starting(doc, "(Kèm theo").runs[0].text = (
        "(Kèm theo Quyết định số 2338/QĐ-UBND ngày 19 tháng 12 năm 2022 của Chủ tịch Ủy ban "
        "nhân dân tỉnh Hà Giang)")
    findings = findings_for(doc, tmp_path)
    assert rules_of(findings) == {"ND30-11-references"}
    assert any("2338/QĐ-UBND" in text(f) and "233/QĐ-UBND" in text(f) for f in findings)


def test_references_with_different_issuers_fail_check_11(tmp_path: Path) -> None:
    doc = build_document()
    run = paragraph_starting(doc, "(Kèm theo").runs[0]
    run.text = run.text.replace("của Chủ tịch Ủy ban", "của Ủy ban")
    assert fired(doc, tmp_path) == {"ND30-11-references"}


def test_reference_with_another_date_fails_check_11(tmp_path: Path) -> None:
    doc = build_document()
    run = paragraph_starting(doc, "(Ban hành kèm theo").runs[0]
    run.text = run.text.replace(DECISION_DATE, "ngày 20 tháng 12 năm 2022")
    assert fired(doc, tmp_path) == {"ND30-11-references"}


def test_standalone_plan_appendix_citing_wrong_plan_fails_check_11(tmp_path: Path) -> None:
    doc = build_document(decision=False)
    run = paragraph_starting(doc, "(Kèm theo").runs[0]
    assert run.text == f"(Kèm theo {PLAN_REFERENCE})"
    run.text = run.text.replace("15/KH-SNV", "16/KH-SNV")
    assert fired(doc, tmp_path) == {"ND30-11-references"}


# --- effective formatting -------------------------------------------------------------------------


def test_style_chain_gives_font_size_and_bold() -> None:
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    base = doc.styles.add_style("Base", WD_STYLE_TYPE.PARAGRAPH)
    base.base_style = doc.styles["Normal"]
    base.font.size = Pt(13)
    base.font.bold = True
    derived = doc.styles.add_style("Derived", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    derived.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph = doc.add_paragraph("x", style="Derived")
    styles = StyleSheet(doc.styles.element)
    fmt = run_format(paragraph.runs[0]._r, styles)
    assert (fmt.font_name, fmt.size_pt, fmt.bold, fmt.italic) == (
        "Times New Roman", 13, True, False)
    assert alignment(paragraph._p, styles) == "center"


def test_toggle_properties_combine_by_exclusive_or() -> None:
    doc = docx.Document()
    para_style = doc.styles.add_style("BoldPara", WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.bold = True
    char_style = doc.styles.add_style("BoldChar", WD_STYLE_TYPE.CHARACTER)
    char_style.font.bold = True
    paragraph = doc.add_paragraph(style="BoldPara")
    both = paragraph.add_run("a", style="BoldChar")
    only_paragraph = paragraph.add_run("b")
    direct = paragraph.add_run("c", style="BoldChar")
    direct.bold = True
    switched_off = paragraph.add_run("d")
    switched_off.bold = False
    styles = StyleSheet(doc.styles.element)
    assert [run_format(run._r, styles).bold for run in (both, only_paragraph, direct,
                                                        switched_off)] == [False, True, True, False]


def test_table_style_run_properties_sit_below_paragraph_style() -> None:
    doc = docx.Document()
    table_style = doc.styles.add_style("Tbl", WD_STYLE_TYPE.TABLE)
    table_style.font.size = Pt(12)
    table_style.font.italic = True
    table = doc.add_table(rows=1, cols=1)
    table.style = table_style
    run = table.cell(0, 0).paragraphs[0].add_run("x")
    styles = StyleSheet(doc.styles.element)
    assert (run_format(run._r, styles).size_pt, run_format(run._r, styles).italic) == (12, True)
    doc.styles["Normal"].font.size = Pt(14)
    assert run_format(run._r, StyleSheet(doc.styles.element)).size_pt == 14


def test_toggle_value_spellings() -> None:
    doc = docx.Document()
    paragraph = doc.add_paragraph()
    styles = StyleSheet(doc.styles.element)
    results = []
    for value in (None, "1", "true", "on", "0", "false", "off"):
        run = paragraph.add_run("x")
        bold = OxmlElement("w:b")
        if value is not None:
            bold.set(qn("w:val"), value)
        run._r.get_or_add_rPr().append(bold)
        results.append(run_format(run._r, styles).bold)
    assert results == [True, True, True, True, False, False, False]


# --- robustness ---------------------------------------------------------------------------------


def test_empty_document_yields_findings_not_exceptions(tmp_path: Path) -> None:
    findings = findings_for(docx.Document(), tmp_path)
    assert findings and all(isinstance(f, Finding) for f in findings)
    assert {"ND30-1-margins", "ND30-9-parts"} <= rules_of(findings)


def test_non_docx_bytes_are_trouble_not_a_finding() -> None:
    with pytest.raises(UnreadableDocx) as caught:
        check_docx(io.BytesIO(b"this is not a zip file"))
    assert caught.value.exit_code == 2


def test_missing_file_is_trouble(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocx, match="no such file"):
        check_docx(tmp_path / "nowhere.docx")


def test_a_crashing_check_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: object) -> list[Finding]:
        raise IndexError("list index out of range")

    checks = tuple((n, broken if n == 5 else c) for n, c in nd30_checks.CHECKS)
    monkeypatch.setattr(nd30_checks, "CHECKS", checks)
    doc = build_document()
    plain(doc, "Căn cứ Nghị quyết")  # a real check-5 finding must not hide the crash
    with pytest.raises(CheckCrashed) as caught:
        findings_for(doc, tmp_path)
    assert caught.value.number == 5 and caught.value.exit_code >= 2
    assert "check 5 crashed (IndexError" in translate(caught.value.message, "en")


def test_a_repeated_mistake_is_one_finding_with_a_count(tmp_path: Path) -> None:
    doc = build_document()
    for paragraph in body_paragraphs(doc):
        for run in paragraph.runs:
            run.font.name = "Arial"
    findings = [f for f in findings_for(doc, tmp_path) if f.rule == "ND30-2-font"]
    assert len(findings) == 1
    assert findings[0].count > 40 and len(findings[0].locations) == 5
    assert text(findings[0]) == "text is set in Arial"


def test_odd_structures_yield_findings(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("QUYẾT ĐỊNH")
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("Nơi nhận:")
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_section(WD_SECTION.CONTINUOUS)
    doc.add_paragraph("Phụ lục IV")
    doc.add_table(rows=0, cols=0)
    findings = findings_for(doc, tmp_path)
    assert findings and all(isinstance(f, Finding) for f in findings)


def _document_xml() -> tuple[bytes, dict[str, bytes]]:
    buffer = io.BytesIO()
    build_document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return files["word/document.xml"], files


_DOCUMENT_XML, _FILES = _document_xml()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=12))
def test_random_damage_never_raises(seed: int, cuts: int) -> None:
    from lxml import etree

    rng = random.Random(seed)
    root = etree.fromstring(_DOCUMENT_XML)
    for _ in range(cuts):
        elements = list(root.iter())[1:]
        if not elements:
            break
        victim = rng.choice(elements)
        if rng.random() < 0.5 and victim.attrib:
            key = rng.choice(list(victim.attrib))
            victim.set(key, rng.choice(["", "x", "-5", "continuous", "0", "9999999"]))
        elif victim.getparent() is not None:
            victim.getparent().remove(victim)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in _FILES.items():
            archive.writestr(name, etree.tostring(root) if name == "word/document.xml" else data)
    buffer.seek(0)
    try:
        findings = check_docx(buffer)  # CheckCrashed (a bug) propagates and fails the test
    except UnreadableDocx:
        return  # damage python-docx itself refuses: trouble, not a crash
    assert all(isinstance(f, Finding) for f in findings)


def test_every_paragraph_helper_sees_table_text() -> None:
    doc = build_document()
    texts = [p.text for p in body_paragraphs(doc)]
    assert "Nơi nhận:" in texts and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
