"""Check 9: one part per section in order, on new pages, numbered in the header from page 2."""
from __future__ import annotations

import re

from generator.nd30.effective import XmlElement, attr, child, on_off, w
from generator.nd30.formatting import is_centred, show_sizes, where
from generator.nd30.model import APPENDIX_TITLE, Document, Finding, Part, Section
from generator.nd30.text import W_P, W_R, nonempty, ntext

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
    findings = [Finding(9, section.label, "The section holds no recognisable part; each section "
                        "must start with «QUYẾT ĐỊNH», a header block and «KẾ HOẠCH», or "
                        "«PHỤ LỤC».")
                for section in doc.sections if section.kind is None]
    order = "".join({Part.DECISION: "D", Part.PLAN: "P", Part.APPENDIX: "A"}[section.kind]
                    for section in doc.sections if section.kind is not None)
    if "P" not in order:
        findings.append(Finding(9, "document", "The document has no Kế hoạch part; expected a "
                                "section with a header block and the title «KẾ HOẠCH»."))
    elif not re.fullmatch("D?PA*", order):
        found = ", ".join(section.kind.value for section in doc.sections if section.kind) or "none"
        findings.append(Finding(9, "document", f"The parts are [{found}]; expected an optional "
                                "Quyết định, then one Kế hoạch, then any Phụ lục, each in its own "
                                "section."))
    return findings


def mixed_part_findings(doc: Document, section: Section) -> list[Finding]:
    """Part titles inside a section other than its own title: a part not starting a new section."""
    findings: list[Finding] = []
    for paragraph in nonempty(section.paragraphs()):
        kind = part_title_kind(ntext(paragraph))
        if kind is not None and paragraph is not section.title:
            findings.append(Finding(9, where(doc, paragraph), f"A {kind.value} title appears "
                                    f"inside {section.label}; each part must start its own "
                                    "section on a new page."))
    return findings


def page_number_findings(doc: Document, section: Section) -> list[Finding]:
    """New-page start, different first page, header page number and its format."""
    findings: list[Finding] = []
    sect_pr = section.sect_pr
    start = attr(child(sect_pr, "type"), "val") or "nextPage"
    if section.number > 1 and start != "nextPage":
        findings.append(Finding(9, section.label, f"The section starts with a «{start}» break; "
                                "expected a next-page break so the part starts on a new page."))
    if not on_off(child(sect_pr, "titlePg")):
        findings.append(Finding(9, section.label, "The section has no different first page "
                                "(w:titlePg); expected no page number on a part's first page."))
    page_numbering = child(sect_pr, "pgNumType")
    if section.kind is not Part.APPENDIX and attr(page_numbering, "start") != "1":
        findings.append(Finding(9, section.label, "Page numbering does not restart at 1 "
                                "(w:pgNumType w:start=\"1\"); expected each part numbered from 1."))
    if (attr(page_numbering, "fmt") or "decimal") != "decimal":
        findings.append(Finding(9, section.label, "Page numbers are not Arabic; expected "
                                "decimal numbering."))
    findings += header_number_findings(doc, section, "default")
    if doc.odd_even_headers:
        findings += header_number_findings(doc, section, "even")
    first = section.headers.get("first")
    if first is not None and page_field_paragraphs(first):
        findings.append(Finding(9, f"{section.label} first-page header", "The first-page header "
                                "shows a page number; expected none on a part's first page."))
    return findings


def header_number_findings(doc: Document, section: Section, kind: str) -> list[Finding]:
    """A header of the given kind has a centred PAGE field at 13–14 pt."""
    locator = f"{section.label} {kind} header"
    header = section.headers.get(kind)
    paragraphs = [] if header is None else page_field_paragraphs(header)
    if not paragraphs:
        return [Finding(9, locator, "The header has no PAGE field; expected the page number "
                        "centred in the top margin.")]
    findings: list[Finding] = []
    if not any(is_centred(doc, paragraph) for paragraph in paragraphs):
        findings.append(Finding(9, locator, "The page number is not centred; expected a centred "
                                "header paragraph."))
    sizes = {doc.run_format(run).size_pt for p in paragraphs for run in page_field_runs(p)}
    if any(not 13 <= size <= 14 for size in sizes):
        findings.append(Finding(9, locator, f"The page number is set in {show_sizes(sizes)}; "
                                "expected 13–14 pt."))
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
