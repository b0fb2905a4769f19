"""The eleven checks of ND30.md ("Checks a program can make on a generated DOCX") on a DOCX file."""
from __future__ import annotations

import dataclasses
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from generator.errors import N_, Message
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
from generator.nd30.page_setup import check_page_setup
from generator.nd30.parts_and_pages import check_parts_and_page_numbers
from generator.nd30.references import check_references
from generator.nd30.signature_block import check_recipients, check_signature
from generator.nd30.titles import check_titles
from generator.nd30.typeface import check_type

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
    """Read a DOCX for the checks; UnreadableDocx (with the reason in words) when it cannot be."""
    name = source_name(source)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise UnreadableDocx(Message(N_("{file}: no such file"), {"file": name}))
        if path.is_dir():
            raise UnreadableDocx(Message(N_("{file}: is a folder, not a DOCX file"),
                                         {"file": name}))
        try:
            with path.open("rb") as handle:
                is_zip = zipfile.is_zipfile(handle)
        except OSError as error:
            reason = error.strerror or str(error)
            raise UnreadableDocx(Message(N_("{file}: cannot be read ({reason})"),
                                         {"file": name, "reason": reason})) from error
        if not is_zip:
            raise UnreadableDocx(Message(N_("{file}: is not a DOCX file (a DOCX is a ZIP "
                                            "package; an old .doc, a PDF or a text file is not)"),
                                         {"file": name}))
    try:
        return load(source)
    except Exception as error:  # the package parser's errors: the file is not a Word document
        raise UnreadableDocx(Message(N_("{file}: is not a Word document that can be read "
                                        "({reason})"),
                                     {"file": name,
                                      "reason": f"{type(error).__name__}: {error}"})) from error


def check_docx(source: Source) -> list[Finding]:
    """Run the eleven ND30 checks on a DOCX; an empty list means every check passes.

    A mistake repeated over the document is one finding (its count and first places). Raises
    UnreadableDocx when the file cannot be read as a DOCX, CheckCrashed when a check fails
    (a bug in plangen, never a finding).
    """
    doc = open_document(source)
    name = source_name(source)
    findings: list[Finding] = []
    for number, check in CHECKS:
        findings += run_check(number, check, doc, name)
    return group(findings)
