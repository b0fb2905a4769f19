"""Pieces of the synthetic ND30 DOCX files: the sample's numbers, runs, rules, pages."""
from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

DECISION_NUMBER = "233/QĐ-UBND"
DECISION_DATE = "ngày 19 tháng 12 năm 2022"
DECISION_REFERENCE = (f"Quyết định số {DECISION_NUMBER} {DECISION_DATE} của Chủ tịch Ủy ban "
                      "nhân dân tỉnh Hà Giang")
PLAN_NUMBER = "15/KH-SNV"
PLAN_DATE = "ngày 05 tháng 3 năm 2021"
PLAN_REFERENCE = f"Kế hoạch số {PLAN_NUMBER} {PLAN_DATE} của Sở Nội vụ tỉnh Tuyên Quang"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
# children of w:pPr that must follow w:pBdr (schema order)
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc",
               "w:rPr", "w:sectPr", "w:pPrChange")


def write(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False,
          size: float | None = None, align: WD_ALIGN_PARAGRAPH | None = None) -> Paragraph:
    """Put one run of text into a paragraph, with direct formatting where asked."""
    if text:
        run = paragraph.add_run(text)
        run.bold = True if bold else None
        run.italic = True if italic else None
        if size is not None:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def line(doc: Document, text: str = "", **style: object) -> Paragraph:
    """Append a body paragraph."""
    return write(doc.add_paragraph(), text, **style)  # type: ignore[arg-type]


def cell_lines(cell: _Cell, lines: list[tuple[str, dict[str, object]]]) -> list[Paragraph]:
    """Fill a cell with paragraphs, the first one reusing the cell's empty paragraph."""
    out = []
    for index, (text, style) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        out.append(write(paragraph, text, **style))  # type: ignore[arg-type]
    return out


def bottom_border(paragraph: Paragraph) -> None:
    """Draw a rule under a paragraph (w:pBdr/w:bottom)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{name}"), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def set_widths(table: Table, widths_mm: list[float]) -> None:
    """Fix column and cell widths of a table."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def repeat_header_row(table: Table) -> None:
    """Mark the first row as a header row repeated on each page."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def page_number_field(paragraph: Paragraph, *, complex_field: bool = False) -> None:
    """Put a PAGE field into a paragraph (w:fldSimple, or begin/instrText/separate/end runs)."""
    if not complex_field:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), " PAGE \\* MERGEFORMAT ")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        return
    for kind, content in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                          ("end", None)):
        run = paragraph.add_run()._r
        if kind is not None:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run.append(mark)
        elif content == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = content
            run.append(instr)
        else:
            text = OxmlElement("w:t")
            text.text = content
            run.append(text)


def restart_numbering(section: Section) -> None:
    """w:pgNumType w:start="1" on a section."""
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    sect_pr.insert_element_before(numbering, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
                                  "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
                                  "w:docGrid", "w:printerSettings", "w:sectPrChange")


def page_setup(section: Section, *, landscape: bool = False) -> None:
    """A4 with ND30 margins and a different first page."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210),
                                                                                      Mm(297))
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    restart_numbering(section)


def base_styles(doc: Document) -> None:
    """Normal: Times New Roman 14 pt (the rest of the hierarchy keeps python-docx's defaults)."""
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
