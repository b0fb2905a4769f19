"""Checks 7 and 8: the Nơi nhận list and the signature in the closing two-column table."""
from __future__ import annotations

from generator.nd30.effective import XmlElement
from generator.nd30.formatting import border_findings, format_findings, size_findings, where
from generator.nd30.model import Document, Finding, Part, Section
from generator.nd30.part_blocks import headed_sections, needs_number_and_date
from generator.nd30.text import (
    cell_paragraphs,
    column_count,
    first_row_cells,
    is_upper,
    nonempty,
    ntext,
)


def recipients_table(section: Section) -> XmlElement | None:
    """The top-level table whose first cell starts with «Nơi nhận»."""
    for table in section.tables():
        cells = first_row_cells(table)
        first = nonempty(cell_paragraphs(cells[0]))[:1] if cells else []
        if first and ntext(first[0]).startswith("Nơi nhận"):
            return table
    return None


def signed_sections(doc: Document) -> list[Section]:
    """Parts that end with Nơi nhận and a signature: the decision, a standalone plan."""
    return [section for section in headed_sections(doc) if needs_number_and_date(doc, section)]


def check_recipients(doc: Document) -> list[Finding]:
    """Check 7: «Nơi nhận:» bold italic 12 pt; entries 11 pt, «- …;», last «- Lưu: VT….»."""
    findings: list[Finding] = []
    for section in doc.parts(Part.PLAN):
        if doc.has_decision and recipients_table(section) is not None:
            findings.append(Finding(7, section.label, "The attached Kế hoạch has a Nơi nhận "
                                    "block; ND30's sample gives an attached plan neither Nơi nhận "
                                    "nor signature."))
    for section in signed_sections(doc):
        table = recipients_table(section)
        if table is None:
            findings.append(Finding(7, section.label, "No Nơi nhận block; expected a borderless "
                                    "two-column table starting «Nơi nhận:»."))
            continue
        findings += recipients_shape_findings(doc, section, table)
        findings += recipient_list_findings(doc, first_row_cells(table)[0])
    return findings


def recipients_shape_findings(doc: Document, section: Section, table: XmlElement) -> list[Finding]:
    """Borders and columns of the Nơi nhận / signature table."""
    findings = border_findings(doc, 7, f"{section.label} Nơi nhận table", table,
                               "The Nơi nhận table")
    if column_count(table) != 2 or len(first_row_cells(table)) != 2:
        findings.append(Finding(7, f"{section.label} Nơi nhận table", "The Nơi nhận table does "
                                "not have two columns; expected Nơi nhận left, signature right."))
    return findings


def recipient_list_findings(doc: Document, cell: XmlElement) -> list[Finding]:
    """The heading and entries of the Nơi nhận list."""
    heading, *entries = nonempty(cell_paragraphs(cell))
    findings: list[Finding] = []
    if not ntext(heading).startswith("Nơi nhận:"):
        findings.append(Finding(7, where(doc, heading), "The heading is not «Nơi nhận:»."))
    findings += format_findings(doc, 7, heading, "«Nơi nhận:»", bold=True, italic=True)
    findings += size_findings(doc, 7, heading, "«Nơi nhận:»", 12, 12)
    if not entries:
        return [*findings, Finding(7, where(doc, heading), "The Nơi nhận list has no entries; "
                                   "expected «- …;» lines ending with «- Lưu: VT, ….».")]
    for index, entry in enumerate(entries):
        text = ntext(entry)
        findings += size_findings(doc, 7, entry, "The Nơi nhận entry", 11, 11)
        if not text.startswith("- "):
            findings.append(Finding(7, where(doc, entry), "The Nơi nhận entry does not start "
                                    "with «- »."))
        if index < len(entries) - 1 and not text.endswith(";"):
            findings.append(Finding(7, where(doc, entry), "The Nơi nhận entry does not end with "
                                    "«;»; every entry but the last does."))
    last = ntext(entries[-1])
    if not (last.startswith("- Lưu: VT") and last.endswith(".")):
        findings.append(Finding(7, where(doc, entries[-1]), "The last Nơi nhận entry is not "
                                "«- Lưu: VT, ….»; expected the archive line last, ending with "
                                "«.»."))
    return findings


def check_signature(doc: Document) -> list[Finding]:
    """Check 8: signature lines upper case and bold; the signer's name bold, not upper case."""
    findings: list[Finding] = []
    for section in signed_sections(doc):
        table = recipients_table(section)
        cells = first_row_cells(table) if table is not None else []
        lines = nonempty(cell_paragraphs(cells[1])) if len(cells) > 1 else []
        if len(lines) < 2:
            findings.append(Finding(8, section.label, "No signature block (title lines and the "
                                    "signer's name) in the right cell of the Nơi nhận table."))
            continue
        for line in lines[:-1]:
            findings += format_findings(doc, 8, line, "The signature line", bold=True, upper=True)
        findings += format_findings(doc, 8, lines[-1], "The signer's name", bold=True)
        if is_upper(ntext(lines[-1])):
            findings.append(Finding(8, where(doc, lines[-1]), "The signer's name is all upper "
                                    "case; expected it written normally (e.g. «Nguyễn Văn A»)."))
    return findings
