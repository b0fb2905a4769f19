"""Check 9: one part per section in order, on new pages, numbered in the header from page 2."""
from __future__ import annotations

import re

from generator.nd30.effective import XmlElement, attr, child, on_off, w
from generator.nd30.formatting import is_centred, show_sizes, where
from generator.nd30.model import (
    APPENDIX_TITLE,
    Document,
    DocxSection,
    Finding,
    Location,
    Part,
    found,
)
from generator.nd30.text import W_P, W_R, nonempty, ntext
from generator.shell.errors import N_

PART_TITLES = {"QUYẾT ĐỊNH": Part.DECISION, "KẾ HOẠCH": Part.PLAN}


def part_title_kind(text: str) -> Part | None:
    """The part a paragraph's text titles, if it is a part title."""
    if APPENDIX_TITLE.fullmatch(text):
        return Part.APPENDIX
    return PART_TITLES.get(text)


def check_parts_and_page_numbers(doc: Document) -> list[Finding]:
    """Check 9: a part per section, in order, on new pages; page numbers in headers, not on p. 1."""
    findings = part_order_findings(doc)
    for section in doc.sections:
        findings += mixed_part_findings(doc, section)
        findings += page_number_findings(doc, section)
    return findings


def part_order_findings(doc: Document) -> list[Finding]:
    """Every section holds a part, and the parts run Quyết định?, Kế hoạch, Phụ lục*."""
    findings = [found("ND30-9-parts", section.at(),
                      N_("the section does not start with «QUYẾT ĐỊNH», a header block and "
                         "«KẾ HOẠCH», or «PHỤ LỤC»"))
                for section in doc.sections if section.kind is None]
    order = "".join({Part.DECISION: "D", Part.PLAN: "P", Part.APPENDIX: "A"}[section.kind]
                    for section in doc.sections if section.kind is not None)
    if "P" not in order:
        findings.append(found("ND30-9-parts", Location(area="document"),
                              N_("the document has no Kế hoạch part")))
    elif not re.fullmatch("D?PA*", order):
        parts = ", ".join(section.kind.value for section in doc.sections if section.kind)
        findings.append(found("ND30-9-parts", Location(area="document"),
                              N_("the parts come in the order {parts}"), parts=parts))
    return findings


def mixed_part_findings(doc: Document, section: DocxSection) -> list[Finding]:
    """Part titles inside a section other than its own title: a part not starting a new section."""
    findings: list[Finding] = []
    for paragraph in nonempty(section.paragraphs()):
        kind = part_title_kind(ntext(paragraph))
        if kind is not None and paragraph is not section.title:
            findings.append(found("ND30-9-parts", where(doc, paragraph),
                                  N_("a {kind} title is inside the section of another part"),
                                  kind=kind.value))
    return findings


def page_number_findings(doc: Document, section: DocxSection) -> list[Finding]:
    """New-page start, different first page, header page number and its format."""
    findings: list[Finding] = []
    place = section.at("page-setup")
    sect_pr = section.sect_pr
    start = attr(child(sect_pr, "type"), "val") or "nextPage"
    if section.number > 1 and start != "nextPage":
        findings.append(found("ND30-9-parts", place,
                              N_("the part starts after a «{kind}» section break, not on a new "
                                 "page"), kind=start))
    if not on_off(child(sect_pr, "titlePg")):
        findings.append(found("ND30-9-page-numbers", place,
                              N_("the section has no different first page (w:titlePg)")))
    page_numbering = child(sect_pr, "pgNumType")
    if section.kind is not Part.APPENDIX and attr(page_numbering, "start") != "1":
        findings.append(found("ND30-9-page-numbers", place,
                              N_("page numbering does not restart at 1 for this part")))
    if (attr(page_numbering, "fmt") or "decimal") != "decimal":
        findings.append(found("ND30-9-page-numbers", place,
                              N_("page numbers are formatted «{format}», not Arabic"),
                              format=attr(page_numbering, "fmt")))
    findings += header_number_findings(doc, section, "default")
    if doc.odd_even_headers:
        findings += header_number_findings(doc, section, "even")
    first = section.headers.get("first")
    if first is not None and page_field_paragraphs(first):
        findings.append(found("ND30-9-page-numbers", section.at("first-page-header"),
                              N_("the first page of the part shows a page number")))
    return findings


def header_number_findings(doc: Document, section: DocxSection, kind: str) -> list[Finding]:
    """A header of the given kind has a centred PAGE field at 13–14 pt."""
    place = section.at("default-header" if kind == "default" else "even-header")
    header = section.headers.get(kind)
    paragraphs = [] if header is None else page_field_paragraphs(header)
    if not paragraphs:
        return [found("ND30-9-page-numbers", place,
                      N_("the page header has no page number (PAGE field)"))]
    findings: list[Finding] = []
    if not any(is_centred(doc, paragraph) for paragraph in paragraphs):
        findings.append(found("ND30-9-page-numbers", place,
                              N_("the page number is not centred")))
    sizes = {doc.run_format(run).size_pt for p in paragraphs for run in page_field_runs(p)}
    if any(not 13 <= size <= 14 for size in sizes):
        findings.append(found("ND30-9-page-numbers", place,
                              N_("the page number is set in {sizes}"), sizes=show_sizes(sizes)))
    return findings


def field_codes(paragraph: XmlElement) -> list[tuple[str, list[XmlElement]]]:
    """Field codes in a paragraph (simple and complex) with the runs that make up each field."""
    fields: list[tuple[str, list[XmlElement]]] = []
    for simple in paragraph.iter(w("fldSimple")):
        fields.append((attr(simple, "instr") or "", simple.findall(W_R)))
    code: list[str] | None = None
    runs: list[XmlElement] = []
    for run in paragraph.iter(W_R):
        mark = attr(child(run, "fldChar"), "fldCharType")
        if mark == "begin":
            code, runs = [], []
        if code is None:
            continue
        runs.append(run)
        code += [node.text or "" for node in run.findall(w("instrText"))]
        if mark == "end":
            fields.append(("".join(code), runs))
            code = None
    return fields


def is_page_field(code: str) -> bool:
    """Whether a field code is a PAGE field."""
    return code.split()[:1] == ["PAGE"]


def page_field_runs(paragraph: XmlElement) -> list[XmlElement]:
    """Runs making up PAGE fields in a paragraph."""
    return [run for code, runs in field_codes(paragraph)
            if is_page_field(code) for run in runs]


def page_field_paragraphs(root: XmlElement) -> list[XmlElement]:
    """Paragraphs of a header that hold a PAGE field."""
    return [paragraph for paragraph in root.iter(W_P)
            if any(is_page_field(code) for code, _ in field_codes(paragraph))]
