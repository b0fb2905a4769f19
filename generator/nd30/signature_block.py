"""Checks 7 and 8: the Nơi nhận list and the signature in the closing two-column table."""
from __future__ import annotations

from generator.nd30.effective import XmlElement
from generator.nd30.formatting import border_findings, format_findings, size_findings, where
from generator.nd30.model import Document, DocxSection, Finding, Part, found
from generator.nd30.part_blocks import headed_sections, needs_number_and_date
from generator.nd30.text import (
    cell_paragraphs,
    column_count,
    excerpt,
    first_row_cells,
    is_upper,
    nonempty,
    ntext,
)
from generator.shell.errors import N_


def recipients_table(section: DocxSection) -> XmlElement | None:
    """The top-level table whose first cell starts with «Nơi nhận»."""
    for table in section.tables():
        cells = first_row_cells(table)
        first = nonempty(cell_paragraphs(cells[0]))[:1] if cells else []
        if first and ntext(first[0]).startswith("Nơi nhận"):
            return table
    return None


def signed_sections(doc: Document) -> list[DocxSection]:
    """Parts that end with Nơi nhận and a signature: the decision, a standalone plan."""
    return [section for section in headed_sections(doc) if needs_number_and_date(doc, section)]


def check_recipients(doc: Document) -> list[Finding]:
    """Check 7: «Nơi nhận:» bold italic 12 pt; entries 11 pt, «- …;», last «- Lưu: VT….»."""
    findings: list[Finding] = []
    for section in doc.parts(Part.PLAN):
        if doc.has_decision and recipients_table(section) is not None:
            findings.append(found("ND30-7-attached", section.at("recipients-table"),
                                  N_("the attached Kế hoạch has a Nơi nhận block")))
    for section in signed_sections(doc):
        table = recipients_table(section)
        if table is None:
            findings.append(found("ND30-7-recipients", section.at(),
                                  N_("there is no table starting «Nơi nhận:»")))
            continue
        findings += recipients_shape_findings(doc, section, table)
        findings += recipient_list_findings(doc, first_row_cells(table)[0])
    return findings


def recipients_shape_findings(doc: Document, section: DocxSection, table: XmlElement,
                              ) -> list[Finding]:
    """Borders and columns of the Nơi nhận / signature table."""
    place = section.at("recipients-table")
    findings = border_findings(doc, "ND30-7-recipients", place, table,
                               N_("the Nơi nhận table"))
    if column_count(table) != 2 or len(first_row_cells(table)) != 2:
        findings.append(found("ND30-7-recipients", place,
                              N_("the Nơi nhận table has {count} column(s), not two"),
                              count=column_count(table)))
    return findings


def recipient_list_findings(doc: Document, cell: XmlElement) -> list[Finding]:
    """The heading and entries of the Nơi nhận list."""
    rule = "ND30-7-recipients"
    heading, *entries = nonempty(cell_paragraphs(cell))
    findings: list[Finding] = []
    if not ntext(heading).startswith("Nơi nhận:"):
        findings.append(found(rule, where(doc, heading),
                              N_("the heading reads «{text}», not «Nơi nhận:»"),
                              text=excerpt(ntext(heading))))
    findings += format_findings(doc, rule, heading, N_("«Nơi nhận:»"), bold=True, italic=True)
    findings += size_findings(doc, rule, heading, N_("«Nơi nhận:»"), 12, 12)
    if not entries:
        return [*findings, found(rule, where(doc, heading), N_("the Nơi nhận list is empty"))]
    for index, entry in enumerate(entries):
        text = ntext(entry)
        findings += size_findings(doc, rule, entry, N_("a Nơi nhận entry"), 11, 11)
        if not text.startswith("- "):
            findings.append(found(rule, where(doc, entry),
                                  N_("a Nơi nhận entry does not start with «- »")))
        if index < len(entries) - 1 and not text.endswith(";"):
            findings.append(found(rule, where(doc, entry),
                                  N_("a Nơi nhận entry before the last does not end with «;»")))
    last = ntext(entries[-1])
    if not (last.startswith("- Lưu: VT") and last.endswith(".")):
        findings.append(found(rule, where(doc, entries[-1]),
                              N_("the last Nơi nhận entry is «{text}», not «- Lưu: VT, ….»"),
                              text=excerpt(last)))
    return findings


def check_signature(doc: Document) -> list[Finding]:
    """Check 8: signature lines upper case and bold; the signer's name bold, not upper case."""
    rule = "ND30-8-signature"
    findings: list[Finding] = []
    for section in signed_sections(doc):
        table = recipients_table(section)
        cells = first_row_cells(table) if table is not None else []
        lines = nonempty(cell_paragraphs(cells[1])) if len(cells) > 1 else []
        if len(lines) < 2:
            findings.append(found(rule, section.at(), N_("there is no signature block (title "
                                                         "lines and name) right of Nơi nhận")))
            continue
        for line in lines[:-1]:
            findings += format_findings(doc, rule, line, N_("a signature line"), bold=True,
                                        upper=True)
        findings += format_findings(doc, rule, lines[-1], N_("the signer's name"), bold=True)
        if is_upper(ntext(lines[-1])):
            findings.append(found(rule, where(doc, lines[-1]),
                                  N_("the signer's name is in upper case")))
    return findings
