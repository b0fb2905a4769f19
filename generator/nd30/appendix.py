"""Check 10: each Phụ lục's title lines, repeated header row, page numbering and numeral."""
from __future__ import annotations

from generator.nd30.effective import XmlElement, attr, child, on_off
from generator.nd30.formatting import format_findings, where
from generator.nd30.model import APPENDIX_TITLE, Document, DocxSection, Finding, Part, found
from generator.nd30.text import (
    W_P,
    W_TBL,
    cell_paragraphs,
    cells_of,
    excerpt,
    nonempty,
    ntext,
    rows_of,
)
from generator.shell.errors import N_


def roman(number: int) -> str:
    """Roman numeral of a small positive number."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


def check_appendices(doc: Document) -> list[Finding]:
    """Check 10: «Phụ lục», upper-case title, «(… kèm theo …)», repeated header row, numbering."""
    findings: list[Finding] = []
    appendices = doc.parts(Part.APPENDIX)
    for index, section in enumerate(appendices, start=1):
        findings += appendix_title_findings(doc, section)
        findings += appendix_table_findings(doc, section)
        if attr(child(section.sect_pr, "pgNumType"), "start") != "1":
            findings.append(found("ND30-10-pages", section.at("page-setup"),
                                  N_("the appendix's page numbering does not restart at 1")))
        findings += appendix_numeral_findings(doc, section, index, len(appendices))
    return findings


def appendix_numeral_findings(doc: Document, section: DocxSection, index: int,
                              count: int) -> list[Finding]:
    """With several appendices, the index-th one is titled «PHỤ LỤC <index in Roman>»."""
    if count < 2 or section.title is None:
        return []
    match = APPENDIX_TITLE.fullmatch(ntext(section.title))
    if match is not None and match["numeral"] == roman(index):
        return []
    return [found("ND30-10-title", where(doc, section.title),
                  N_("appendix {index} of {count} is titled «{text}», not «Phụ lục {numeral}»"),
                  index=index, count=count, text=ntext(section.title), numeral=roman(index))]


def appendix_title_findings(doc: Document, section: DocxSection) -> list[Finding]:
    """The lines above the appendix table: Phụ lục, title, «(… kèm theo …)»."""
    title = section.title
    if title is None:
        return []
    findings = format_findings(doc, "ND30-10-title", title, N_("«Phụ lục»"), bold=True,
                               centred=True)
    if any(block.tag == W_TBL for block in section.blocks[:section.blocks.index(title)]):
        findings.append(found("ND30-10-title", section.at(),
                              N_("a table comes before «Phụ lục»")))
    table = first_table_after(section, title)
    stop = len(section.blocks) if table is None else section.blocks.index(table)
    between = section.blocks[section.blocks.index(title) + 1:stop]
    lines = nonempty([block for block in between if block.tag == W_P])
    note_at = next((i for i, p in enumerate(lines) if ntext(p).startswith("(")), None)
    names = lines if note_at is None else lines[:note_at]
    if not names:
        findings.append(found("ND30-10-title", where(doc, title),
                              N_("there is no appendix title after «Phụ lục»")))
    for paragraph in names:
        findings += format_findings(doc, "ND30-10-title", paragraph, N_("the appendix title"),
                                    bold=True, centred=True, upper=True)
    # ND30's Mẫu 2.1 shows the «(Kèm theo …)» line, but published appendices often omit it.
    if note_at is not None:
        findings += appendix_note_findings(doc, lines[note_at])
    return findings


def first_table_after(section: DocxSection, paragraph: XmlElement) -> XmlElement | None:
    """The first top-level table after a paragraph."""
    start = section.blocks.index(paragraph)
    return next((b for b in section.blocks[start + 1:] if b.tag == W_TBL), None)


def appendix_note_findings(doc: Document, note: XmlElement) -> list[Finding]:
    """The «(Kèm theo …)» line: italic, centred, contains «kèm theo», ends with «)»."""
    findings = format_findings(doc, "ND30-10-note", note, N_("the «(Kèm theo …)» line"),
                               italic=True, centred=True)
    text = ntext(note)
    if "kèm theo" not in text.casefold() or not text.endswith(")"):
        findings.append(found("ND30-10-note", where(doc, note),
                              N_("the line under the appendix title reads «{text}»"),
                              text=excerpt(text)))
    return findings


def appendix_table_findings(doc: Document, section: DocxSection) -> list[Finding]:
    """The appendix table: present, first row a repeated header row in bold."""
    table = first_table_after(section, section.title) if section.title is not None else None
    if table is None:
        return [found("ND30-10-table", section.at(),
                      N_("the appendix has no table after its title"))]
    rows = rows_of(table)
    if not rows:
        return [found("ND30-10-table", section.at("appendix-table"),
                      N_("the appendix table has no rows"))]
    findings: list[Finding] = []
    if not on_off(child(rows[0], "trPr", "tblHeader")):
        findings.append(found("ND30-10-table", section.at("appendix-table"),
                              N_("the table's first row is not repeated on every page "
                                 "(w:tblHeader)")))
    for cell in cells_of(rows[0]):
        for paragraph in nonempty(cell_paragraphs(cell)):
            findings += format_findings(doc, "ND30-10-table", paragraph,
                                        N_("a header cell of the table"), bold=True)
    return findings
