"""Check 11: references to the decision or plan are one string matching its Số and date."""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.nd30.effective import XmlElement
from generator.nd30.formatting import where
from generator.nd30.model import Document, Finding, Part, found
from generator.nd30.number_and_date import (
    TYPE_CODES,
    DateLine,
    number_and_date_paragraphs,
    read_date_line,
    short_date,
)
from generator.nd30.part_blocks import needs_number_and_date
from generator.nd30.text import norm, ntext, text_of
from generator.shell.errors import N_

REFERENCE = re.compile(
    r"\((?i:ban hành kèm theo|kèm theo) (?P<ref>(?P<kind>Quyết định|Kế hoạch) số:? ?"
    r"(?P<number>[^()]*?) ngày (?P<date>[^()]*?) của (?P<issuer>[^()]*?))\)"
)


@dataclass(frozen=True)
class Reference:
    """One «(Ban hành kèm theo|Kèm theo) <type> số X ngày Y của Z)» occurrence."""

    paragraph: XmlElement
    text: str
    kind: str
    number: str
    date: str


def find_references(doc: Document) -> list[Reference]:
    """Every reference to an issued document in the body's paragraphs."""
    found: list[Reference] = []
    for paragraph in doc.body_paragraphs:
        for match in REFERENCE.finditer(ntext(paragraph)):
            found.append(Reference(paragraph, match["ref"], match["kind"],
                                   norm(match["number"]), norm(f"ngày {match['date']}")))
    return found


def issued_number_and_date(doc: Document, kind: str) -> tuple[str | None, DateLine | None]:
    """Number (after «Số:») and date line of the part that a reference of this kind names."""
    part = Part.DECISION if kind == Part.DECISION.value else Part.PLAN
    sections = [s for s in doc.parts(part) if needs_number_and_date(doc, s)]
    if not sections:
        return None, None
    number_paragraph, date_paragraph = number_and_date_paragraphs(sections[0])
    number = None
    if number_paragraph is not None and ntext(number_paragraph).startswith("Số:"):
        number = norm(ntext(number_paragraph)[len("Số:"):])
    date = None
    if date_paragraph is not None:
        line, problems = read_date_line(text_of(date_paragraph))
        date = line if line is not None and not problems else None
    return number, date


def _same_date(cited: str, line: DateLine) -> bool:
    # A reference may give the date short ('ngày 10/01/2024', 'ngày / 01 /2024' for a draft).
    return cited == line.long_form() or short_date(cited) == line.short_form()


def check_references(doc: Document) -> list[Finding]:
    """Check 11: references to a document are one string and match its Số and date lines."""
    findings: list[Finding] = []
    references = find_references(doc)
    for kind in TYPE_CODES:
        group = [ref for ref in references if ref.kind == kind]
        if not group:
            continue
        first = group[0]
        findings += [found("ND30-11-references", where(doc, ref.paragraph),
                           N_("a reference reads «{text}» where the first reference to the "
                              "{kind} reads «{first}»"), text=ref.text, kind=kind,
                           first=first.text)
                     for ref in group[1:] if ref.text != first.text]
        number, date = issued_number_and_date(doc, kind)
        for ref in group:
            if number is not None and ref.number != number:
                findings.append(found("ND30-11-references", where(doc, ref.paragraph),
                                      N_("a reference gives the number «{cited}» but the "
                                         "{kind}'s Số line gives «{number}»"),
                                      cited=ref.number, kind=kind, number=number))
            if date is not None and not _same_date(ref.date, date):
                findings.append(found("ND30-11-references", where(doc, ref.paragraph),
                                      N_("a reference gives the date «{cited}» but the "
                                         "{kind}'s date line gives «{date}»"),
                                      cited=ref.date, kind=kind, date=date.long_form()))
    return findings
