"""Tests for generator.nd30 on synthetic DOCX files: checks 5-11, titles to references."""
from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from nd30_builder import add_plan, build_document, paragraph_starting, recipients_block
from nd30_helpers import findings_for, fired, place, plain, rules_of, sections_of, text
from nd30_parts import DECISION_DATE, PLAN_REFERENCE, page_number_field, write

from generator.nd30.report import location_text

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



def _dated(doc: Document, date: str) -> None:
    for start in ("(Ban hành kèm theo", "(Kèm theo"):
        run = paragraph_starting(doc, start).runs[0]
        run.text = run.text.replace(DECISION_DATE, date)


def test_references_giving_the_date_short_pass_check_11(tmp_path: Path) -> None:
    doc = build_document()
    _dated(doc, "ngày 19/12/2022")
    assert fired(doc, tmp_path) == set()


def test_a_short_reference_with_another_date_fails_check_11(tmp_path: Path) -> None:
    doc = build_document()
    _dated(doc, "ngày 20/12/2022")
    assert fired(doc, tmp_path) == {"ND30-11-references"}
