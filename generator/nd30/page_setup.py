"""Check 1: A4 paper, orientation and ND30 margins of every section."""
from __future__ import annotations

from generator.nd30.effective import attr, child, parse_twips, twips_to_mm
from generator.nd30.model import Document, DocxSection, Finding, Part, found
from generator.shell.errors import N_, Message

A4_MM = (210.0, 297.0)
PAGE_TOLERANCE_MM = 1.0
MARGIN_TOLERANCE_MM = 0.5
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
SIDES = {"top": N_("top"), "bottom": N_("bottom"), "left": N_("left"), "right": N_("right")}


def check_page_setup(doc: Document) -> list[Finding]:
    """Check 1: every section is A4 (portrait, or landscape for an appendix) with ND30 margins."""
    findings: list[Finding] = []
    for section in doc.sections:
        if section.sect_pr is None:
            findings.append(found("ND30-1-paper", section.at("page-setup"),
                                  N_("the section has no page settings (w:sectPr)")))
            continue
        findings += paper_findings(section) + margin_findings(section)
    return findings


def paper_findings(section: DocxSection) -> list[Finding]:
    """Paper size and orientation of one section."""
    place = section.at("page-setup")
    size = child(section.sect_pr, "pgSz")
    width, height = parse_twips(attr(size, "w")), parse_twips(attr(size, "h"))
    if width is None or height is None:
        return [found("ND30-1-paper", place,
                      N_("the paper size is not set or not readable (w:pgSz)"))]
    width_mm, height_mm = twips_to_mm(width), twips_to_mm(height)
    landscape = width_mm > height_mm
    expected = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    findings: list[Finding] = []
    if (abs(width_mm - expected[0]) > PAGE_TOLERANCE_MM
            or abs(height_mm - expected[1]) > PAGE_TOLERANCE_MM):
        findings.append(found("ND30-1-paper", place, N_("the paper is {width} × {height} mm"),
                              width=f"{width_mm:.1f}", height=f"{height_mm:.1f}"))
    orient = attr(size, "orient") or "portrait"
    if landscape != (orient == "landscape"):
        findings.append(found("ND30-1-orientation", place,
                              N_("the page is {width} mm wide and {height} mm high but "
                                 "w:orient says {orient}"), width=f"{width_mm:.0f}",
                              height=f"{height_mm:.0f}", orient=orient))
    if landscape and section.kind is not Part.APPENDIX:
        findings.append(found("ND30-1-orientation", place, N_("the page is landscape")))
    return findings


def margin_findings(section: DocxSection) -> list[Finding]:
    """Page margins of one section against ND30's ranges."""
    place = section.at("page-setup")
    margins = child(section.sect_pr, "pgMar")
    gutter = parse_twips(attr(margins, "gutter")) or 0.0
    findings: list[Finding] = []
    for side, (low, high) in MARGINS_MM.items():
        value = parse_twips(attr(margins, side))
        if value is None:
            findings.append(found("ND30-1-margins", place, N_("the {side} margin is not set"),
                                  side=Message(SIDES[side])))
            continue
        # the gutter is added on the binding (left) side
        millimetres = twips_to_mm(abs(value) + (gutter if side == "left" else 0.0))
        if not low - MARGIN_TOLERANCE_MM <= millimetres <= high + MARGIN_TOLERANCE_MM:
            findings.append(found("ND30-1-margins", place, N_("the {side} margin is {value} mm"),
                                  side=Message(SIDES[side]), value=f"{millimetres:.1f}"))
    return findings
