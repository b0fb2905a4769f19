"""Check 3: the borderless two-column header block, its bodies, Quốc hiệu and Tiêu ngữ."""
from __future__ import annotations

from generator.nd30.effective import (
    XmlElement,
    attr,
    cell_margins,
    child,
    has_border,
    indents,
    parse_twips,
    twips_to_mm,
    w,
)
from generator.nd30.formatting import (
    any_bold,
    border_findings,
    format_findings,
    is_bold,
    size_findings,
    sizes_pt,
    where,
)
from generator.nd30.model import Document, DocxSection, Finding, found
from generator.nd30.part_blocks import headed_sections, header_table, needs_number_and_date
from generator.nd30.text import (
    cell_paragraphs,
    cells_of,
    column_count,
    excerpt,
    first_row_cells,
    nonempty,
    ntext,
    rows_of,
    text_of,
)
from generator.shell.errors import N_

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# Advance width of the Quốc hiệu in Times New Roman Bold, in ems (Times-Bold metrics; the
# Vietnamese marks do not change advance widths).
QUOC_HIEU_EMS = 20.861


def check_header_block(doc: Document) -> list[Finding]:
    """Check 3: borderless two-column header block; bodies; Quốc hiệu and Tiêu ngữ."""
    findings: list[Finding] = []
    for section in headed_sections(doc):
        table = header_table(section)
        if table is None:
            findings.append(found("ND30-3-layout", section.at(),
                                  N_("there is no header block before the title")))
            continue
        findings += header_shape_findings(doc, section, table)
        cells = first_row_cells(table)
        if len(cells) >= 2:
            findings += body_findings(doc, section, cells[0])
            findings += national_title_findings(doc, section, table, cells[1])
    return findings


def header_shape_findings(doc: Document, section: DocxSection, table: XmlElement) -> list[Finding]:
    """Borders, columns and rows of a header block."""
    place = section.at("header-block")
    findings = border_findings(doc, "ND30-3-layout", place, table, N_("the header block"))
    if column_count(table) != 2 or any(len(cells_of(row)) != 2 for row in rows_of(table)[:1]):
        findings.append(found("ND30-3-layout", place,
                              N_("the header block has {count} column(s), not two"),
                              count=column_count(table)))
    allowed = {2} if needs_number_and_date(doc, section) else {1, 2}
    if len(rows_of(table)) not in allowed:
        msgid = (N_("the header block has {count} row(s); this part needs two (bodies, then Số "
                    "and date)") if allowed == {2}
                 else N_("the header block has {count} row(s), not one or two"))
        findings.append(found("ND30-3-layout", place, msgid, count=len(rows_of(table))))
    return findings


def body_findings(doc: Document, section: DocxSection, cell: XmlElement) -> list[Finding]:
    """Parent and issuing body lines in the header block's top-left cell."""
    paragraphs = nonempty(cell_paragraphs(cell))
    if not paragraphs:
        return [found("ND30-3-issuer", section.at("header-block"),
                      N_("the top-left cell of the header block has no issuing body"))]
    findings: list[Finding] = []
    for paragraph in paragraphs:
        findings += format_findings(doc, "ND30-3-issuer", paragraph, N_("the body's name"),
                                    upper=True)
        findings += size_findings(doc, "ND30-3-issuer", paragraph, N_("the body's name"), 12, 13)
    bold = [is_bold(doc, paragraph) for paragraph in paragraphs]
    first_bold = bold.index(True) if True in bold else None
    if first_bold is None:
        findings.append(found("ND30-3-issuer", where(doc, paragraphs[-1]),
                              N_("the issuing body is not bold")))
    else:
        findings += [found("ND30-3-issuer", where(doc, paragraph),
                           N_("a line of the issuing body is not bold"))
                     for paragraph in paragraphs[first_bold:] if not is_bold(doc, paragraph)]
        findings += [found("ND30-3-issuer", where(doc, paragraph),
                           N_("the parent body above the issuing body is bold"))
                     for paragraph in paragraphs[:first_bold] if any_bold(doc, paragraph)]
    if not line_under(doc, cell, paragraphs[-1]):
        findings.append(found("ND30-3-issuer", where(doc, paragraphs[-1]),
                              N_("there is no line under the issuing body")))
    return findings


def line_under(doc: Document, cell: XmlElement, paragraph: XmlElement) -> bool:
    """Whether a paragraph, or the empty paragraph right after it in the cell, has a bottom rule."""
    if has_border(paragraph, "bottom", doc.styles):
        return True
    paragraphs = cell_paragraphs(cell)
    following = paragraphs[paragraphs.index(paragraph) + 1:][:1]
    return any(not ntext(p) and has_border(p, "bottom", doc.styles) for p in following)


def national_title_findings(doc: Document, section: DocxSection, table: XmlElement,
                            cell: XmlElement) -> list[Finding]:
    """Quốc hiệu and Tiêu ngữ in the header block's top-right cell."""
    paragraphs = nonempty(cell_paragraphs(cell))
    place = section.at("header-block")
    if not paragraphs or ntext(paragraphs[0]) != QUOC_HIEU:
        first = ntext(paragraphs[0]) if paragraphs else ""
        return [found("ND30-3-national-title", where(doc, paragraphs[0]) if paragraphs else place,
                      N_("the top-right cell starts with «{text}», not the Quốc hiệu"),
                      text=excerpt(first))]
    motto = paragraphs[1] if len(paragraphs) > 1 else None
    findings = quoc_hieu_findings(doc, table, cell, paragraphs[0])
    if motto is None or ntext(motto) != TIEU_NGU:
        return [*findings, found("ND30-3-motto", where(doc, paragraphs[0]),
                                 N_("the Quốc hiệu is not followed by the Tiêu ngữ"))]
    findings += format_findings(doc, "ND30-3-motto", motto, N_("the Tiêu ngữ"), bold=True)
    findings += size_findings(doc, "ND30-3-motto", motto, N_("the Tiêu ngữ"), 13, 14)
    title_sizes, motto_sizes = sizes_pt(doc, paragraphs[0]), sizes_pt(doc, motto)
    if len(title_sizes) == 1 and len(motto_sizes) == 1:
        title_size, motto_size = title_sizes.pop(), motto_sizes.pop()
        if motto_size != title_size + 1:
            findings.append(found("ND30-3-motto", where(doc, motto),
                                  N_("the Tiêu ngữ is {motto} pt under a {title} pt Quốc hiệu"),
                                  motto=f"{motto_size:g}", title=f"{title_size:g}"))
    if not line_under(doc, cell, motto):
        findings.append(found("ND30-3-motto", where(doc, motto),
                              N_("there is no line under the Tiêu ngữ")))
    return findings


def quoc_hieu_findings(doc: Document, table: XmlElement, cell: XmlElement,
                       paragraph: XmlElement) -> list[Finding]:
    """Weight, size and single-line fit of the Quốc hiệu."""
    rule = "ND30-3-national-title"
    findings = format_findings(doc, rule, paragraph, N_("the Quốc hiệu"), bold=True)
    findings += size_findings(doc, rule, paragraph, N_("the Quốc hiệu"), 12, 13)
    if "\n" in text_of(paragraph):
        findings.append(found(rule, where(doc, paragraph),
                              N_("the Quốc hiệu is broken over two lines")))
    sizes = sizes_pt(doc, paragraph)
    available = text_width_twips(doc, table, cell, paragraph)
    if sizes and available is not None:
        needed = QUOC_HIEU_EMS * max(sizes) * 20
        if available < needed * 0.99:
            findings.append(found(rule, where(doc, paragraph),
                                  N_("the right column leaves {width} mm for the Quốc hiệu, "
                                     "which needs about {needed} mm at {size} pt to stay on "
                                     "one line"),
                                  width=f"{twips_to_mm(available):.0f}",
                                  needed=f"{twips_to_mm(needed):.0f}", size=f"{max(sizes):g}"))
    return findings


def cell_width_twips(table: XmlElement, cell: XmlElement) -> float | None:
    """Width of a cell from w:tcW (dxa), else from the table grid; None when unknown."""
    width = child(cell, "tcPr", "tcW")
    if width is not None and (attr(width, "type") or "dxa") == "dxa":
        value = parse_twips(attr(width, "w"))
        if value:
            return value
    row = cell.getparent()
    grid = [parse_twips(attr(col, "w")) for col in table.findall(f"{w('tblGrid')}/{w('gridCol')}")]
    if row is None:
        return None
    start = int(attr(child(row, "trPr", "gridBefore"), "val") or 0)
    for sibling in cells_of(row):
        span = int(attr(child(sibling, "tcPr", "gridSpan"), "val") or 1)
        if sibling is cell:
            widths = grid[start:start + span]
            if len(widths) != span or any(value is None for value in widths):
                return None
            return sum(value for value in widths if value is not None)
        start += span
    return None


def text_width_twips(doc: Document, table: XmlElement, cell: XmlElement,
                     paragraph: XmlElement) -> float | None:
    """Width a paragraph's text can use inside a cell; None when the cell width is unknown."""
    width = cell_width_twips(table, cell)
    if width is None:
        return None
    return width - sum(cell_margins(cell, table, doc.styles)) - sum(indents(paragraph, doc.styles))
