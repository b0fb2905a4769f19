"""Reading the ND30 checker's verdict on a synthetic document, and finding its parts."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from nd30_builder import paragraph_starting

from generator.nd30 import Finding, check_docx
from generator.nd30.report import location_text
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
