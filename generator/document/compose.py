"""Compose rendered parts into one DOCX: a section per part, page numbers restarting per part."""
from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm

from generator.shell.errors import Message, TemplateFailed

A4_SHORT, A4_LONG = Mm(210), Mm(297)
# Elements that follow w:pgNumType inside w:sectPr (OOXML order), so it is inserted before them.
_AFTER_PGNUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")
_RELATION_ATTRS = (qn("r:id"), qn("r:embed"), qn("r:link"))


def compose(parts: Sequence[DocumentObject], landscape: Sequence[bool],
            names: Sequence[str]) -> DocumentObject:
    """Append every part to the first, each starting a new section on a new page."""
    base = parts[0]
    body = base.element.body
    for part, name in zip(parts[1:], names[1:], strict=True):
        _refuse_relations(part, name)
        _copy_missing_styles(part, base)
        final = body.sectPr
        final.addprevious(_section_break(final))
        for child in list(part.element.body):
            if child.tag != qn("w:sectPr"):
                final.addprevious(child)
        body.replace(final, _page_setup_only(part.element.body.sectPr))
    for section, wide in zip(base.sections, landscape, strict=True):
        _orient(section, wide)
        _number_pages(section)
    return base


def _section_break(sect_pr: object) -> object:
    """An empty 1 pt paragraph carrying the section's properties, so it never adds a page."""
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    spacing = OxmlElement("w:spacing")
    for attr, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"),
                        ("w:lineRule", "exact")):
        spacing.set(qn(attr), value)
    properties.append(spacing)
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    properties.append(mark)
    properties.append(copy.deepcopy(sect_pr))
    paragraph.append(properties)
    return paragraph


def _refuse_relations(part: DocumentObject, name: str) -> None:
    """Images or links in a later part would point nowhere once moved: refuse them clearly."""
    for element in part.element.body.iter():
        if any(attr in element.attrib for attr in _RELATION_ATTRS):
            raise TemplateFailed(Message(
                "the {part} template contains an image, link or other embedded object; only the "
                "first part's template may have them", {"part": name}))


def _copy_missing_styles(source: DocumentObject, target: DocumentObject) -> None:
    have = {s.get(qn("w:styleId")) for s in target.styles.element.iterchildren(qn("w:style"))}
    for style in source.styles.element.iterchildren(qn("w:style")):
        if style.get(qn("w:styleId")) not in have:
            target.styles.element.append(copy.deepcopy(style))


def _page_setup_only(sect_pr: object) -> object:
    fresh = copy.deepcopy(sect_pr)
    for ref in fresh.findall(qn("w:headerReference")) + fresh.findall(qn("w:footerReference")):  # type: ignore[attr-defined]
        fresh.remove(ref)  # type: ignore[attr-defined]
    return fresh


def _orient(section: Section, landscape: bool) -> None:
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT,
                                                                                     A4_LONG)
    size = section._sectPr.find(qn("w:pgSz"))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    elif qn("w:orient") in size.attrib:
        del size.attrib[qn("w:orient")]


def _number_pages(section: Section) -> None:
    """Centred page number at the top, none on the part's first page, counting from 1."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    for paragraph in header.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    paragraph = header.paragraphs[0]
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph._element.append(_page_field())
    first = section.first_page_header
    first.is_linked_to_previous = False
    sect_pr = section._sectPr
    old = sect_pr.find(qn("w:pgNumType"))
    if old is not None:
        sect_pr.remove(old)
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    follower = next((sect_pr.find(qn(tag)) for tag in _AFTER_PGNUM
                     if sect_pr.find(qn(tag)) is not None), None)
    if follower is not None:
        follower.addprevious(numbering)
    else:
        sect_pr.append(numbering)


def _page_field() -> object:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Times New Roman")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    rpr.append(fonts)
    rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    return field
