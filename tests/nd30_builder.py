"""Builds small synthetic DOCX files that follow the ND30 layout, for the checker's tests."""
from __future__ import annotations

from collections.abc import Iterator

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from nd30_parts import (
    CENTER,
    DECISION_DATE,
    DECISION_NUMBER,
    DECISION_REFERENCE,
    JUSTIFY,
    PLAN_DATE,
    PLAN_NUMBER,
    PLAN_REFERENCE,
    QUOC_HIEU,
    TIEU_NGU,
    base_styles,
    bottom_border,
    cell_lines,
    line,
    page_number_field,
    page_setup,
    repeat_header_row,
    set_widths,
    write,
)


def header_block(doc: Document, bodies: list[tuple[str, bool]], number: str | None,
                 date_line: str | None) -> Table:
    """The borderless two-column header block; row 2 only when number and date are given."""
    table = doc.add_table(rows=2 if number else 1, cols=2)
    left = cell_lines(table.cell(0, 0), [(text, {"bold": bold, "size": 13, "align": CENTER})
                                         for text, bold in bodies])
    bottom_border(left[-1])
    right = cell_lines(table.cell(0, 1), [(QUOC_HIEU, {"bold": True, "size": 13, "align": CENTER}),
                                          (TIEU_NGU, {"bold": True, "size": 14, "align": CENTER})])
    bottom_border(right[-1])
    if number and date_line:
        cell_lines(table.cell(1, 0), [(f"Số: {number}", {"size": 13, "align": CENTER})])
        cell_lines(table.cell(1, 1), [(date_line, {"italic": True, "align": CENTER})])
    set_widths(table, [60, 105])
    return table


def recipients_block(doc: Document, entries: list[str], signature: list[str]) -> Table:
    """The borderless Nơi nhận / signature table."""
    table = doc.add_table(rows=1, cols=2)
    cell_lines(table.cell(0, 0), [("Nơi nhận:", {"bold": True, "italic": True, "size": 12})]
               + [(entry, {"size": 11}) for entry in entries])
    cell_lines(table.cell(0, 1), [(text, {"bold": bool(text), "align": CENTER})
                                  for text in signature])
    set_widths(table, [80, 85])
    return table


def add_decision(doc: Document) -> None:
    """The Quyết định part (sample Mẫu 1.3)."""
    header_block(doc, [("ỦY BAN NHÂN DÂN", True), ("TỈNH HÀ GIANG", True)], DECISION_NUMBER,
                 f"Hà Giang, {DECISION_DATE}")
    line(doc, "QUYẾT ĐỊNH", bold=True, align=CENTER)
    line(doc, "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023",
         bold=True, align=CENTER)
    line(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", bold=True, align=CENTER)
    line(doc, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", italic=True,
         align=JUSTIFY)
    line(doc, "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;", italic=True,
         align=JUSTIFY)
    line(doc, "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 "
         "năm 2022.", italic=True, align=JUSTIFY)
    line(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER)
    for number, text in enumerate((
        "Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính năm 2023.",
        "Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các cơ quan, đơn vị có liên quan căn "
        "cứ Quyết định thi hành./.",
    ), start=1):
        paragraph = line(doc, f"Điều {number}.", bold=True, align=JUSTIFY)
        write(paragraph, f" {text}")
    recipients_block(doc, ["- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NCPC."],
                     ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Nguyễn Văn Sơn"])


def add_plan(doc: Document, *, attached: bool) -> None:
    """The Kế hoạch part, attached to the decision or standalone (sample Mẫu 1.4)."""
    if attached:
        header_block(doc, [("ỦY BAN NHÂN DÂN", True), ("TỈNH HÀ GIANG", True)], None, None)
    else:
        header_block(doc, [("UBND TỈNH TUYÊN QUANG", False), ("SỞ NỘI VỤ", True)], PLAN_NUMBER,
                     f"Tuyên Quang, {PLAN_DATE}")
    line(doc, "KẾ HOẠCH", bold=True, align=CENTER)
    line(doc, "Tuyên truyền cải cách hành chính năm 2023", bold=True, align=CENTER)
    if attached:
        line(doc, f"(Ban hành kèm theo {DECISION_REFERENCE})", italic=True, align=CENTER)
    line(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, align=JUSTIFY)
    line(doc, "1. Mục đích", bold=True, align=JUSTIFY)
    line(doc, "Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.", align=JUSTIFY)
    line(doc, "II. TỔ CHỨC THỰC HIỆN", bold=True, align=JUSTIFY)
    line(doc, "Các cơ quan, đơn vị triển khai thực hiện nghiêm túc Kế hoạch này./.", align=JUSTIFY)
    line(doc, "(có Phụ lục kèm theo)", italic=True, align=JUSTIFY)
    if not attached:
        recipients_block(doc, ["- UBND tỉnh (b/c);", "- Lưu: VT, CCHC."],
                         ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Trần Thị Bình"])


def add_appendix(doc: Document, reference: str) -> None:
    """The Phụ lục part with its repeated-header table (sample Mẫu 2.1)."""
    line(doc, "PHỤ LỤC", bold=True, align=CENTER)
    line(doc, "DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2023", bold=True,
         align=CENTER)
    line(doc, f"(Kèm theo {reference})", italic=True, align=CENTER)
    table = doc.add_table(rows=3, cols=3)
    table.style = doc.styles["Table Grid"]
    rows = [("TT", "Nội dung", "Cơ quan chủ trì"), ("1", "Tuyên truyền trên báo chí", "Sở Nội vụ"),
            ("2", "Tổ chức hội thi tìm hiểu cải cách hành chính", "Sở Tư pháp")]
    for row_index, row in enumerate(rows):
        for column, text in enumerate(row):
            cell_lines(table.cell(row_index, column),
                       [(text, {"bold": row_index == 0, "size": 12})])
    repeat_header_row(table)
    line(doc)


def build_document(*, decision: bool = True, appendix: bool = True) -> Document:
    """A fully conforming file: [Quyết định +] Kế hoạch [+ Phụ lục], one section per part."""
    doc = docx.Document()
    base_styles(doc)
    first = doc.sections[0]
    page_setup(first)
    first.header.is_linked_to_previous = False
    page_number_field(write(first.header.paragraphs[0], "", align=CENTER))
    if decision:
        add_decision(doc)
        page_setup(doc.add_section(WD_SECTION.NEW_PAGE))
    add_plan(doc, attached=decision)
    if appendix:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        page_setup(section, landscape=True)
        section.header.is_linked_to_previous = False
        page_number_field(write(section.header.paragraphs[0], "", align=CENTER),
                          complex_field=True)
        add_appendix(doc, DECISION_REFERENCE if decision else PLAN_REFERENCE)
    return doc


def body_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Every paragraph of the body, including those in tables, in document order."""
    for element in doc.element.body.iter(qn("w:p")):
        yield Paragraph(element, doc._body)


def paragraph_starting(doc: Document, prefix: str, nth: int = 0) -> Paragraph:
    """The nth body paragraph whose text starts with prefix."""
    found = [p for p in body_paragraphs(doc) if p.text.strip().startswith(prefix)]
    return found[nth]


def replace_everywhere(doc: Document, old: str, new: str) -> None:
    """Replace text inside every w:t of the body (the builder keeps such strings in one run)."""
    for text in doc.element.body.iter(qn("w:t")):
        if text.text and old in text.text:
            text.text = text.text.replace(old, new)


# --- a document typed by hand in a word processor ------------------------------------------------
# Not the layout above: formatting lives in named paragraph styles, text is split over several
# runs (as Word leaves it after editing), the line under a name is an empty bordered paragraph,
# and the published variations are options.


def _style(doc: Document, name: str, *, size: float = 14, bold: bool = False,
           italic: bool = False, align: WD_ALIGN_PARAGRAPH | None = None,
           indent: bool = False) -> str:
    """A paragraph style based on Normal."""
    from docx.enum.style import WD_STYLE_TYPE

    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(size)
    style.font.bold = bold or None
    style.font.italic = italic or None
    if align is not None:
        style.paragraph_format.alignment = align
    if indent:
        style.paragraph_format.first_line_indent = Mm(12.7)
    style.paragraph_format.space_after = Pt(6)
    return name


def typed(container: Document | _Cell, style: str, *pieces: str | tuple[str, str]) -> Paragraph:
    """A paragraph in a named style; each piece one run (a (text, 'b'|'i') pair adds weight)."""
    paragraph = container.add_paragraph(style=style)
    for piece in pieces:
        text, flag = piece if isinstance(piece, tuple) else (piece, "")
        run = paragraph.add_run(text)
        if flag == "b":
            run.bold = True
    return paragraph


def _typed_header(doc: Document, bodies: list[tuple[str, bool]], number: str | None,
                  date_line: str | None) -> None:
    table = doc.add_table(rows=2 if number else 1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left._tc.remove(left.paragraphs[0]._p)
    right._tc.remove(right.paragraphs[0]._p)
    for text, bold in bodies:
        typed(left, "Body name bold" if bold else "Body name", text)
    rule = typed(left, "Body name")
    bottom_border(rule)  # Word users draw the short line as an empty bordered paragraph
    typed(right, "National title", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA ", "VIỆT NAM")
    motto = typed(right, "Motto", "Độc lập - Tự do - ", "Hạnh phúc")
    bottom_border(motto)
    if number and date_line:
        cell = table.cell(1, 0)
        write(cell.paragraphs[0], f"Số: {number}", size=13, align=CENTER)
        date_cell = table.cell(1, 1)
        date_cell._tc.remove(date_cell.paragraphs[0]._p)
        place, _, rest = date_line.partition(", ")
        typed(date_cell, "Place date", f"{place}, ", rest)
    set_widths(table, [70, 100])


def _typed_signature(doc: Document, entries: list[str], signature: list[str], name: str) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left._tc.remove(left.paragraphs[0]._p)
    right._tc.remove(right.paragraphs[0]._p)
    typed(left, "Recipients heading", "Nơi nhận:")
    for entry in entries:
        typed(left, "Recipient", entry)
    for text in signature:
        typed(right, "Signature", text)
    for _ in range(4):
        typed(right, "Signature")
    typed(right, "Signature", name)
    set_widths(table, [80, 90])


def typed_by_hand(*, standalone: bool = False, commune: bool = False, long_dates: bool = True,
                  signature: str = "TM.KT") -> Document:
    """A correct Quyết định + Kế hoạch (or a standalone plan) typed in a word processor."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    fonts = normal.element.rPr.rFonts
    for slot in ("w:eastAsia", "w:cs"):
        fonts.set(qn(slot), "Times New Roman")
    _style(doc, "Body name", size=13, align=CENTER)
    _style(doc, "Body name bold", size=13, bold=True, align=CENTER)
    _style(doc, "National title", size=13, bold=True, align=CENTER)
    _style(doc, "Motto", size=14, bold=True, align=CENTER)
    _style(doc, "Place date", size=14, italic=True, align=CENTER)
    _style(doc, "Type name", size=14, bold=True, align=CENTER)
    _style(doc, "Bases", size=14, italic=True, align=JUSTIFY, indent=True)
    _style(doc, "Body text", size=14, align=JUSTIFY, indent=True)
    _style(doc, "Recipients heading", size=12, bold=True, italic=True)
    _style(doc, "Recipient", size=11)
    _style(doc, "Signature", size=14, bold=True, align=CENTER)
    _style(doc, "Page number", size=13, align=CENTER)
    # two-level local government (since 01/7/2025): a commune issues under its own name
    province = "TUYÊN QUANG"
    unit = "XÃ MINH XUÂN" if commune else f"TỈNH {province}"
    issuer = [("ỦY BAN NHÂN DÂN", True), (unit, True)]
    place = "Minh Xuân" if commune else "Tuyên Quang"
    first = doc.sections[0]
    page_setup(first)
    first.top_margin, first.bottom_margin = Mm(20), Mm(20)
    first.left_margin, first.right_margin = Mm(30), Mm(15)
    first.header.is_linked_to_previous = False
    header_paragraph = first.header.paragraphs[0]
    header_paragraph.style = doc.styles["Page number"]
    page_number_field(header_paragraph, complex_field=True)
    signs = {"TM.KT": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
             "KT": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "TM": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]}
    law_date = "ngày 19 tháng 6 năm 2015" if long_dates else "ngày 19/6/2015"
    if standalone:
        number, date = "12/KH-UBND", "ngày 08 tháng 01 năm 2026"
        _typed_header(doc, issuer, number, f"{place}, {date}")
        typed(doc, "Type name", "KẾ HOẠCH")
        typed(doc, "Type name", "Tuyên truyền cải cách hành chính năm 2026")
    else:
        number, date = "05/QĐ-UBND", "ngày 06 tháng 02 năm 2026"
        _typed_header(doc, issuer, number, f"{place}, {date}")
        typed(doc, "Type name", "QUYẾT ĐỊNH")
        typed(doc, "Type name", "Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026")
        typed(doc, "Type name", f"ỦY BAN NHÂN DÂN {unit}")
        typed(doc, "Bases", "Căn cứ ", f"Luật Tổ chức chính quyền địa phương {law_date};")
        typed(doc, "Bases", "Căn cứ Nghị quyết số 76/NQ-CP ", "ngày 15 tháng 7 năm 2021 của "
              "Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn "
              "2021 - 2030;")
        typed(doc, "Bases", "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 10/TTr-SNV "
              "ngày 02 tháng 02 năm 2026.")
        typed(doc, "Type name", "QUYẾT ĐỊNH:")
        for index, text in enumerate((
                "Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính "
                "năm 2026.", "Quyết định này có hiệu lực kể từ ngày ký.",
                "Chánh Văn phòng, Giám đốc Sở Nội vụ và các cơ quan, đơn vị liên quan chịu trách "
                "nhiệm thi hành Quyết định này./."), start=1):
            typed(doc, "Body text", (f"Điều {index}.", "b"), f" {text}")
        _typed_signature(doc, ["- Như Điều 3;", "- Bộ Nội vụ (b/c);", "- Lưu: VT, NC."],
                         signs[signature], "Nguyễn Văn An")
        typed(doc, "Body text")
        page_setup(doc.add_section(WD_SECTION.NEW_PAGE))
        _typed_header(doc, issuer, None, None)
        typed(doc, "Type name", "KẾ HOẠCH")
        typed(doc, "Type name", "Tuyên truyền cải cách hành chính năm 2026")
        note = typed(doc, "Bases", "(Ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 06 tháng 02 "
                     "năm 2026 của Ủy ban nhân dân tỉnh Tuyên Quang)")
        note.alignment = CENTER
    typed(doc, "Body text", ("I. MỤC ĐÍCH, YÊU CẦU", "b"))
    typed(doc, "Body text", ("1. Mục đích", "b"))
    typed(doc, "Body text", "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về cải cách "
          "hành chính.")
    typed(doc, "Body text", ("II. NỘI DUNG", "b"))
    typed(doc, "Body text", "a) Tuyên truyền trên báo chí;")
    typed(doc, "Body text", "b) Tổ chức hội thi tìm hiểu về cải cách hành chính.")
    typed(doc, "Body text", "Các cơ quan, đơn vị triển khai thực hiện Kế hoạch này./.")
    if standalone:
        _typed_signature(doc, ["- UBND tỉnh (b/c);", "- Lưu: VT."],
                         signs[signature], "Hoàng Thị Lan")
        typed(doc, "Body text")
    return doc
