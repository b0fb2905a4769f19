"""The eleven checks of ND30.md ("Checks a program can make on a generated DOCX") on a DOCX file."""
from __future__ import annotations

import os
from collections.abc import Callable
from typing import IO

from generator.nd30.appendix import check_appendices
from generator.nd30.articles import check_articles_and_endings
from generator.nd30.header_block import check_header_block
from generator.nd30.loading import load
from generator.nd30.model import Document, Finding
from generator.nd30.number_and_date import check_number_and_date
from generator.nd30.page_setup import check_page_setup
from generator.nd30.parts_and_pages import check_parts_and_page_numbers
from generator.nd30.references import check_references
from generator.nd30.signature_block import check_recipients, check_signature
from generator.nd30.titles import check_titles
from generator.nd30.typeface import check_type

CHECKS: tuple[tuple[int, Callable[[Document], list[Finding]]], ...] = (
    (1, check_page_setup),
    (2, check_type),
    (3, check_header_block),
    (4, check_number_and_date),
    (5, check_titles),
    (6, check_articles_and_endings),
    (7, check_recipients),
    (8, check_signature),
    (9, check_parts_and_page_numbers),
    (10, check_appendices),
    (11, check_references),
)


def run_check(number: int, check: Callable[[Document], list[Finding]],
              doc: Document) -> list[Finding]:
    """Run one check; a structure it cannot handle becomes a finding, never an exception."""
    try:
        return check(doc)
    except Exception as error:  # the caller must always get findings, never a traceback
        return [Finding(number, "document", f"Check {number} could not read this document's "
                        f"structure ({type(error).__name__}: {error}); expected the layout "
                        "described in ND30.md.")]


def check_docx(source: str | os.PathLike[str] | IO[bytes]) -> list[Finding]:
    """Run the eleven ND30 checks on a DOCX; an empty list means every check passes."""
    try:
        doc = load(source)
    except Exception as error:  # an unreadable file is itself a finding
        return [Finding(1, "document", f"The file cannot be read as a DOCX ({type(error).__name__}:"
                        f" {error}); expected a Word document.")]
    findings: list[Finding] = []
    for number, check in CHECKS:
        findings += run_check(number, check, doc)
    return findings
