"""Build the DOCX templates (decision, plan, appendix, comparison) from code: reproducible.

Run `python tools/build_templates.py` after changing this file, tools/template_styles.py (the
paragraph styles) or tools/template_parts.py (the other parts); the DOCX files are committed, and
tests/document/test_templates.py checks they are what this builds (`--out-dir DIR` builds them
elsewhere).
A province may edit copies of the first three in Word and pass the folder with `plangen render
--templates`; the comparison table is the one of `plangen diff --format docx`.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import _Cell
from docx.text.run import Run
from template_parts import mark_kind, number_pages, slim
from template_styles import (
    COMPARISON_STYLES,
    add_paragraph_styles,
    add_styles,
    set_default_font,
    times_everywhere,
)

from generator.document.document_kind import COMPARISON_TABLE
from generator.document.header_lines import HEADER_INDENT_MM, HEADER_LEFT_MM, HEADER_RIGHT_MM

ROOT = Path(__file__).resolve().parent.parent / "templates"

# The children of w:tblPr (CT_TblPr) in the order the OOXML schema requires.
TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
               "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
               "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
               "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def new_document(landscape: bool = False) -> DocumentObject:
    """An empty A4 document with ND30 margins, default font and our styles."""
    doc = Document()
    set_default_font(doc)
    add_styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210),
                                                                                    Mm(297))
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return doc


def para(target: DocumentObject | _Cell, text: str = "", style: str = "PlangenPara") -> None:
    """Add a paragraph in a style; jinja tags are written as plain text."""
    p = target.add_paragraph(style=style)
    if text:
        p.add_run(text)


def borderless(table: object) -> None:
    """Remove every border of a layout table."""
    set_borders(table, {"w:val": "nil"})


def set_borders(table: object, line: dict[str, str]) -> None:
    """Every border of a table, outside and between the cells, drawn as LINE says."""
    tbl_pr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for attr, value in line.items():
            el.set(qn(attr), value)
        borders.append(el)
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    tbl_pr.insert_element_before(borders, *TBLPR_ORDER[TBLPR_ORDER.index("w:tblBorders") + 1:])


def layout_table(doc: DocumentObject, rows: int, widths_mm: tuple[float, float],
                 indent_mm: float | None = None) -> object:
    """A borderless two-column table with fixed column widths.

    Centred in the text area; or, with indent_mm, starting that far from the left margin (a
    negative indent reaches into the margin, as the header block does).
    """
    table = doc.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER if indent_mm is None else WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    borderless(table)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
            for p in list(cell.paragraphs):
                p._element.getparent().remove(p._element)
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:w"), str(sum(Mm(w).twips for w in widths_mm)))
    tbl_w.set(qn("w:type"), "dxa")
    if indent_mm is not None:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(Mm(indent_mm).twips))
        ind.set(qn("w:type"), "dxa")
        tbl_pr.insert_element_before(ind, "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
                                     "w:tblLook", "w:tblCaption", "w:tblDescription",
                                     "w:tblPrChange")
    return table


def header_block(doc: DocumentObject, var: str) -> None:
    """Bodies | Quốc hiệu, then (when numbered) Số | place and date.

    The left column holds a department's name on one line at 13 pt bold as published documents
    do ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 84 mm); the right one the Quốc hiệu (96 mm). Together
    (190 mm) they are wider than the text area (165 mm): the table reaches 20 mm into the left
    margin and 5 mm into the right one, 10 mm from both edges of the page.
    """
    table = layout_table(doc, 4, (HEADER_LEFT_MM, HEADER_RIGHT_MM), HEADER_INDENT_MM)
    left, right = table.rows[0].cells  # type: ignore[attr-defined]
    para(left, f"{{%p for line in {var}.parent %}}")
    para(left, "{{ line }}", "PlangenHeaderParent")
    para(left, "{%p endfor %}")
    para(left, f"{{%p for line in {var}.body %}}")
    para(left, "{{ line }}", "PlangenHeaderBody")
    para(left, "{%p endfor %}")
    para(left, "", "PlangenHeaderLine")
    para(right, "{{ quoc_hieu }}", "PlangenQuocHieu")
    para(right, "{{ tieu_ngu }}", "PlangenTieuNgu")
    rows = table.rows  # type: ignore[attr-defined]
    para(rows[1].cells[0], f"{{%tr if {var}.number %}}")
    para(rows[1].cells[1])
    para(rows[2].cells[0], f"{{{{ {var}.number }}}}", "PlangenNumber")
    para(rows[2].cells[1], f"{{{{ {var}.date }}}}", "PlangenDateLine")
    para(rows[3].cells[0], "{%tr endif %}")
    para(rows[3].cells[1])


def signature_block(doc: DocumentObject) -> None:
    """Nơi nhận on the left, the signature on the right."""
    table = layout_table(doc, 1, (80, 85))
    left, right = table.rows[0].cells  # type: ignore[attr-defined]
    para(left, "Nơi nhận:", "PlangenRecipientsLabel")
    para(left, "{%p for line in recipients %}")
    para(left, "{{ line }}", "PlangenRecipient")
    para(left, "{%p endfor %}")
    para(right, "{%p for line in signer.lines %}")
    para(right, "{{ line }}", "PlangenSignature")
    para(right, "{%p endfor %}")
    for _ in range(4):
        para(right, "", "PlangenSignature")
    para(right, "{{ signer.name }}", "PlangenSignName")


def decision_template() -> DocumentObject:
    """The Quyết định (ND30 Mẫu 1.3)."""
    doc = new_document()
    header_block(doc, "header")
    para(doc, "QUYẾT ĐỊNH", "PlangenTitle")
    para(doc, "{{ decision.summary }}", "PlangenSummary")
    para(doc, "", "PlangenShortLine")
    para(doc, "{{ decision.authority }}", "PlangenAuthority")
    para(doc, "{%p for basis in decision.bases %}")
    para(doc, "{{ basis }}", "PlangenBasis")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if decision.proposal %}")
    para(doc, "{{ decision.proposal }}", "PlangenBasis")
    para(doc, "{%p endif %}")
    para(doc, "QUYẾT ĐỊNH:", "PlangenDecides")
    para(doc, "{%p for article in decision.articles %}")
    p = doc.add_paragraph(style="PlangenPara")
    p.add_run("{{ article.label }}").bold = True
    p.add_run(" {{ article.text }}")
    para(doc, "{%p endfor %}")
    signature_block(doc)
    return doc


def with_tail(doc: DocumentObject, style: str) -> None:
    """A heading paragraph, then its italic, not bold, tail on the same line (a pointer note)."""
    p = doc.add_paragraph(style=style)
    p.add_run("{{ b.marker }}{{ b.text }}")
    tail = p.add_run("{% if b.tail %} {{ b.tail }}{% endif %}")
    tail.italic = True
    tail.bold = False


def plan_template() -> DocumentObject:
    """The Kế hoạch, attached to a decision or standalone (ND30 Mẫu 1.4)."""
    doc = new_document()
    header_block(doc, "plan.header")
    para(doc, "KẾ HOẠCH", "PlangenTitle")
    para(doc, "{{ plan.summary }}", "PlangenSummary")
    para(doc, "{%p if plan.reference %}")
    para(doc, "{{ plan.reference }}", "PlangenReference")
    para(doc, "{%p endif %}")
    para(doc, "", "PlangenShortLine")
    para(doc, "{%p for b in plan.blocks %}")
    para(doc, "{%p if b.kind == 'section' %}")
    with_tail(doc, "PlangenSection")
    para(doc, "{%p elif b.kind == 'heading' %}")
    with_tail(doc, "PlangenHeading")
    para(doc, "{%p elif b.kind == 'note' %}")
    para(doc, "{{ b.text }}", "PlangenNote")
    para(doc, "{%p else %}")
    p = doc.add_paragraph(style="PlangenPara")
    p.add_run("{{ b.marker }}")
    p.add_run("{{ b.lead }}").bold = True
    p.add_run("{{ b.text }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if plan.signed %}")
    signature_block(doc)
    para(doc, "{%p endif %}")
    return doc


def appendix_template() -> DocumentObject:
    """The Phụ lục (ND30 Mẫu 2.1); the table itself is built from the data."""
    doc = new_document(landscape=True)
    para(doc, "{{ appendix.label }}", "PlangenAppendixLabel")
    para(doc, "{{ appendix.title }}", "PlangenAppendixTitle")
    para(doc, "{%p if appendix.reference %}")
    para(doc, "{{ appendix.reference }}", "PlangenReference")
    para(doc, "{%p endif %}")
    para(doc, "", "PlangenShortLineWide")
    para(doc, "{{p appendix.table }}")
    para(doc, "", "PlangenTableEnd")
    return doc


# TT | Vị trí | Nội dung cũ | Nội dung mới | Ghi chú: the 252 mm between the margins.
COMPARISON_COLUMNS_MM = (("TT", 12), ("Vị trí", 50), ("Nội dung cũ", 75), ("Nội dung mới", 75),
                         ("Ghi chú", 40))
def comparison_template() -> DocumentObject:
    """The comparison table of `plangen diff --format docx`, laid out as a wide-table appendix
    (the only landscape page ND30 allows) to attach to the draft it compares."""
    doc = new_document(landscape=True)
    add_paragraph_styles(doc, COMPARISON_STYLES)
    para(doc, "PHỤ LỤC", "PlangenAppendixLabel")
    para(doc, "BẢNG SO SÁNH", "PlangenAppendixTitle")
    para(doc, "({{ comparison.old }} so với {{ comparison.new }})", "PlangenComparisonFiles")
    comparison_table(doc)
    para(doc, "", "PlangenTableEnd")
    number_pages(doc.sections[0])
    times_everywhere(doc, "vi-VN")
    doc.core_properties.title = "Bảng so sánh"
    doc.core_properties.author = "plangen"
    doc.core_properties.comments = ""
    mark_kind(doc, COMPARISON_TABLE)
    return doc


def comparison_table(doc: DocumentObject) -> None:
    """The header row (repeated on every page), a row per change, or one saying there is none."""
    table = doc.add_table(rows=7, cols=len(COMPARISON_COLUMNS_MM))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    set_borders(table, {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"})
    widths = [Mm(width) for _, width in COMPARISON_COLUMNS_MM]
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:w"), str(sum(width.twips for width in widths)))
    tbl_w.set(qn("w:type"), "dxa")
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "85")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.insert_element_before(margins, *TBLPR_ORDER[TBLPR_ORDER.index("w:tblCellMar") + 1:])
    look = tbl_pr.find(qn("w:tblLook"))  # no table style, so nothing for it to select
    for attr in ("firstRow", "lastRow", "firstColumn", "lastColumn", "noHBand", "noVBand"):
        look.set(qn(f"w:{attr}"), "0")
    look.set(qn("w:val"), "0000")
    head, loop, change, end_loop, if_none, none, end_if = table.rows
    row_pr = head._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        row_pr.append(OxmlElement(tag))
    for cell, (label, _) in zip(head.cells, COMPARISON_COLUMNS_MM, strict=True):
        cell_text(cell, label, "PlangenTableHeader")
    cell_text(loop.cells[0], "{%tr for row in comparison.rows %}")
    cell_text(change.cells[0], "{{ row.number }}", "PlangenTableCenter")
    cell_text(change.cells[1], "{{ row.location }}")
    marked_words(change.cells[2], "row.old", lambda run: setattr(run.font, "strike", True))
    marked_words(change.cells[3], "row.new", bold_underlined)
    cell_text(change.cells[4], "{{ row.note }}")
    cell_text(end_loop.cells[0], "{%tr endfor %}")
    cell_text(if_none.cells[0], "{%tr if not comparison.rows %}")
    cell_text(none.cells[0].merge(none.cells[-1]), "Không có thay đổi.", "PlangenTableCenter")
    cell_text(end_if.cells[0], "{%tr endif %}")


def cell_text(cell: _Cell, text: str, style: str = "PlangenTableText") -> None:
    """The cell's one paragraph, in a style, holding TEXT."""
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.add_run(text)


def marked_words(cell: _Cell, runs: str, mark: object) -> None:
    """A paragraph of one run per item of RUNS ({text, marked}); the marked ones formatted by
    MARK, so a province can restyle the marks in Word."""
    paragraph = cell.paragraphs[0]
    paragraph.style = "PlangenTableText"
    paragraph.add_run(f"{{%r for run in {runs} %}}")
    paragraph.add_run("{%r if run.marked %}")
    mark(paragraph.add_run("{{ run.text }}"))  # type: ignore[operator]
    for text in ("{%r else %}", "{{ run.text }}", "{%r endif %}", "{%r endfor %}"):
        paragraph.add_run(text)


def bold_underlined(run: Run) -> None:
    """An inserted word: bold (complex scripts too) and underlined."""
    run.font.bold = run.font.cs_bold = True
    run.font.underline = True


def main(argv: list[str] | None = None) -> int:
    """Write {decision,plan,appendix,comparison}/*.docx into templates/, or into --out-dir DIR."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT, help="default: templates/")
    folder: Path = parser.parse_args(argv).out_dir
    for name, build in (("decision", decision_template), ("plan", plan_template),
                        ("appendix", appendix_template), ("comparison", comparison_template)):
        target = folder / name / f"{name}.docx"
        target.parent.mkdir(parents=True, exist_ok=True)
        doc = build()
        slim(doc)
        doc.save(str(target))
        print(target, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
