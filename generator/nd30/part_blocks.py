"""Where a part's blocks sit: its header block, its body after the title, its articles."""
from __future__ import annotations

import re

from generator.nd30.effective import XmlElement
from generator.nd30.model import Document, DocxSection, Part
from generator.nd30.text import W_TBL, nonempty, ntext

ARTICLE = re.compile(r"\s*(Điều\s+(\d+)\.)")


def header_table(section: DocxSection) -> XmlElement | None:
    """The section's first table when it comes before the title paragraph."""
    for block in section.blocks:
        if block is section.title:
            return None
        if block.tag == W_TBL:
            return block
    return None


def needs_number_and_date(doc: Document, section: DocxSection) -> bool:
    """Whether the part carries Số and date: the Quyết định, or a standalone Kế hoạch."""
    return section.kind is Part.DECISION or (section.kind is Part.PLAN and not doc.has_decision)


def headed_sections(doc: Document) -> list[DocxSection]:
    """Sections that open with a header block: the Quyết định and the Kế hoạch."""
    return [section for section in doc.sections if section.kind in (Part.DECISION, Part.PLAN)]


def decision_line(paragraphs: list[XmlElement]) -> XmlElement | None:
    """The «QUYẾT ĐỊNH:» paragraph that ends the decision's preamble, if any."""
    return next((p for p in paragraphs if ntext(p) == "QUYẾT ĐỊNH:"), None)


def body_paragraphs_after(section: DocxSection, start: XmlElement | None) -> list[XmlElement]:
    """Non-empty top-level paragraphs of a section after a given one (all when start is None)."""
    paragraphs = nonempty(section.paragraphs())
    if start is None or start not in paragraphs:
        return paragraphs
    return paragraphs[paragraphs.index(start) + 1:]
