"""Check 2: Times New Roman at 11–14 pt in body, headers and footers; all text in NFC."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from generator.nd30.effective import XmlElement
from generator.nd30.formatting import text_runs, where
from generator.nd30.model import Document, Finding, Location, found
from generator.nd30.text import W_P, W_T, excerpt, own_nodes, text_of
from generator.shell.errors import N_

FONT = "Times New Roman"


def is_times(font: str | None) -> bool:
    """Whether a font name is Times New Roman."""
    return font is not None and font.strip().casefold() == FONT.casefold()


def part_locator(name: str, index: int, paragraph: XmlElement) -> Location:
    """Location of a paragraph outside the body: word/header1.xml, paragraph 2 «…»."""
    return Location(story=name, paragraph=index, text=excerpt(text_of(paragraph)) or None)


def typeset_paragraphs(doc: Document) -> Iterator[tuple[Location, XmlElement]]:
    """Body, header and footer paragraphs with their locations."""
    for paragraph in doc.body_paragraphs:
        yield where(doc, paragraph), paragraph
    for name, root in doc.typeset_parts:
        for index, paragraph in enumerate(root.iter(W_P), start=1):
            yield part_locator(name, index, paragraph), paragraph


def check_type(doc: Document) -> list[Finding]:
    """Check 2: every text run in Times New Roman at 11–14 pt; all text in Unicode NFC."""
    findings: list[Finding] = []
    for location, paragraph in typeset_paragraphs(doc):
        findings += font_findings(doc, location, paragraph)
    findings += nfc_findings(doc)
    return findings


def font_findings(doc: Document, location: Location, paragraph: XmlElement) -> list[Finding]:
    """Font face and size of one paragraph's text runs: one finding per face and per size."""
    runs = text_runs(doc, paragraph)
    faces = {fmt.font_name for _, fmt in runs if not is_times(fmt.font_name)}
    # Word draws ASCII with w:ascii but Vietnamese letters (ơ, ư, ệ …) with w:hAnsi.
    vietnamese_faces = {fmt.hansi_font for _, fmt in runs if fmt.hansi_font
                        and is_times(fmt.font_name) and not is_times(fmt.hansi_font)}
    sizes = {fmt.size_pt for _, fmt in runs if not 11 <= fmt.size_pt <= 14}
    findings: list[Finding] = []
    for face in sorted(faces, key=str):
        if face is None:
            findings.append(found("ND30-2-font", location, N_("text names no font at all")))
        else:
            findings.append(found("ND30-2-font", location, N_("text is set in {font}"),
                                  font=face))
    findings += [found("ND30-2-font", location,
                       N_("Vietnamese letters (w:hAnsi) are set in {font}"), font=face)
                 for face in sorted(f for f in vietnamese_faces if f)]
    findings += [found("ND30-2-size", location, N_("text is set in {size} pt"), size=f"{size:g}")
                 for size in sorted(sizes)]
    return findings


def nfc_findings(doc: Document) -> list[Finding]:
    """Paragraphs in any part whose text (per w:t or joined) is not NFC."""
    findings: list[Finding] = []
    for name, root in doc.text_parts:
        for index, paragraph in enumerate(root.iter(W_P), start=1):
            pieces = [node.text or "" for node in own_nodes(paragraph) if node.tag == W_T]
            if all(unicodedata.is_normalized("NFC", text) for text in [*pieces, "".join(pieces)]):
                continue
            location = (where(doc, paragraph) if paragraph in doc.numbers
                        else part_locator(name, index, paragraph))
            findings.append(found("ND30-2-unicode", location,
                                  N_("text is in decomposed Unicode (letters and marks stored "
                                     "apart, not NFC)")))
    return findings
