"""The eleven checks of ND30.md ("Checks a program can make on a generated DOCX") on a DOCX file."""
from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from generator.document.document_kind import COMPARISON_TABLE
from generator.nd30.appendix import check_appendices
from generator.nd30.articles import check_articles_and_endings
from generator.nd30.header_block import check_header_block
from generator.nd30.loading import load
from generator.nd30.model import (
    FIRST_PLACES,
    CheckCrashed,
    Document,
    Finding,
    UnreadableDocx,
)
from generator.nd30.number_and_date import check_number_and_date
from generator.nd30.package import open_package, read_source
from generator.nd30.page_setup import check_page_setup
from generator.nd30.parts_and_pages import check_parts_and_page_numbers
from generator.nd30.references import check_references
from generator.nd30.signature_block import check_recipients, check_signature
from generator.nd30.titles import check_titles
from generator.nd30.typeface import check_type
from generator.shell.errors import N_, Message

Check = Callable[[Document], list[Finding]]

CHECKS: tuple[tuple[int, Check], ...] = (
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

Source = str | os.PathLike[str] | IO[bytes]

# A comparison table is laid out as an appendix table (A4 landscape, ND30 type, page numbers, a
# bold header row repeated on every page) but is attached to no document of its own: it has no
# Kế hoạch part, no «(Kèm theo …)» line, no header block, number, date, Nơi nhận or signature.
COMPARISON_TABLE_RULES = frozenset({
    "ND30-1-paper", "ND30-1-orientation", "ND30-1-margins",
    "ND30-2-font", "ND30-2-size", "ND30-2-unicode",
    "ND30-9-page-numbers", "ND30-10-title", "ND30-10-pages", "ND30-10-table",
})


def run_check(number: int, check: Check, doc: Document, name: str = "document") -> list[Finding]:
    """Run one check. A check that raises is a bug: CheckCrashed, never a finding."""
    try:
        return check(doc)
    except Exception as error:
        raise CheckCrashed(number, name, error) from error


def group(findings: list[Finding]) -> list[Finding]:
    """One finding per rule and thing found: a count and the first places, in document order."""
    grouped: dict[tuple[str, str, str], Finding] = {}
    for finding in findings:
        key = finding.group_key
        known = grouped.get(key)
        if known is None:
            grouped[key] = finding
            continue
        places = known.locations
        places += tuple(place for place in finding.locations if place not in places)
        grouped[key] = dataclasses.replace(known, locations=places[:FIRST_PLACES],
                                           count=known.count + finding.count)
    return list(grouped.values())


def source_name(source: Source) -> str:
    """How messages name the checked file."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return str(getattr(source, "name", "document"))


def open_document(source: Source) -> Document:
    """Read a DOCX for the checks; UnreadableDocx (with the reason in words) when it cannot be.

    The package is read and bounded first (package.py), so python-docx only ever parses a
    package of bounded size, without a DOCTYPE, from the same bytes that were checked.
    """
    name = source_name(source)
    data = read_source(source, name)
    open_package(data, name)
    try:
        return load(io.BytesIO(data))
    except Exception as error:  # parts that do not fit together: a broken relationship …
        raise UnreadableDocx(Message(N_("{file}: is not a Word document that can be read (its "
                                        "parts do not fit together as a DOCX)"),
                                     {"file": name})) from error


@dataclass(frozen=True)
class Checked:
    """What check_document found: the kind of document (document_kind.py) and its findings."""

    kind: str
    findings: list[Finding]


def check_document(source: Source) -> Checked:
    """Run the ND30 checks that apply to the document; see check_docx.

    A comparison table (plangen diff --format docx, named so in its custom properties) is no
    official document: only COMPARISON_TABLE_RULES apply to it.
    """
    doc = open_document(source)
    name = source_name(source)
    findings: list[Finding] = []
    for number, check in CHECKS:
        findings += run_check(number, check, doc, name)
    if doc.kind == COMPARISON_TABLE:
        findings = [finding for finding in findings if finding.rule in COMPARISON_TABLE_RULES]
    return Checked(doc.kind, group(findings))


def check_docx(source: Source) -> list[Finding]:
    """Run the ND30 checks on a DOCX (those of its kind); an empty list means every one passes.

    A mistake repeated over the document is one finding (its count and first places). Raises
    UnreadableDocx when the file cannot be read as a DOCX, CheckCrashed when a check fails
    (a bug in plangen, never a finding).
    """
    return check_document(source).findings
