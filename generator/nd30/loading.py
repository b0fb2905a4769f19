"""Reading a DOCX into the checks' document model: sections, parts, headers, text parts."""
from __future__ import annotations

import os
from typing import IO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part as PackagePart
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart

from generator.document.document_kind import CUSTOM_NS, KINDS, OFFICIAL, PROPERTY_NAME
from generator.nd30.effective import StyleSheet, XmlElement, attr, child, on_off, w
from generator.nd30.model import APPENDIX_TITLE, Document, DocxSection, Part
from generator.nd30.text import W_P, W_SECTPR, block_children, ntext


def _part_root(part: object) -> XmlElement | None:
    """XML root of a package part: its parsed element, or its bytes parsed; None if unreadable."""
    element = getattr(part, "element", None)
    if element is not None:
        root: XmlElement = element
        return root
    blob = getattr(part, "blob", None)
    if not blob:
        return None
    try:
        parsed: XmlElement = parse_xml(blob)
    except Exception:  # an unreadable side part has no text to check
        return None
    return parsed


def _related(main: DocumentPart, reltype: str) -> PackagePart | None:
    """The part related to the main document by a relationship type, if any."""
    try:
        return main.part_related_by(reltype)
    except Exception:  # an absent part is reported by the checks that need it
        return None


def split_sections(body: XmlElement) -> list[DocxSection]:
    """Cut the body into sections at each w:sectPr, keeping top-level paragraphs and tables."""
    sections: list[DocxSection] = []
    blocks: list[XmlElement] = []
    for block in block_children(body):
        if block.tag == W_SECTPR:
            sections.append(DocxSection(len(sections) + 1, block, blocks))
            blocks = []
            continue
        blocks.append(block)
        sect_pr = child(block, "pPr", "sectPr") if block.tag == W_P else None
        if sect_pr is not None:
            sections.append(DocxSection(len(sections) + 1, sect_pr, blocks))
            blocks = []
    if blocks or not sections:
        sections.append(DocxSection(len(sections) + 1, None, blocks))
    return sections


def classify(section: DocxSection) -> None:
    """Name the part a section holds from its title paragraph (see the renderer's contract)."""
    texts = [(paragraph, ntext(paragraph)) for paragraph in section.paragraphs()]
    texts = [(paragraph, text) for paragraph, text in texts if text]
    if not texts:
        return
    first, first_text = texts[0]
    if first_text == "QUYẾT ĐỊNH":
        section.kind, section.title = Part.DECISION, first
    elif APPENDIX_TITLE.fullmatch(first_text):
        section.kind, section.title = Part.APPENDIX, first
    else:
        plan_title = next((p for p, text in texts if text == "KẾ HOẠCH"), None)
        if plan_title is not None:
            section.kind, section.title = Part.PLAN, plan_title


def resolve_headers(sections: list[DocxSection], main: DocumentPart) -> None:
    """Give each section its default/first/even header, inheriting as OOXML prescribes."""
    current: dict[str, XmlElement | None] = {"default": None, "first": None, "even": None}
    rels = main.rels
    for section in sections:
        refs = [] if section.sect_pr is None else section.sect_pr.findall(w("headerReference"))
        for ref in refs:
            kind = attr(ref, "type") or "default"
            rel = rels.get(ref.get(str(qn("r:id"))) or "")
            target = None if rel is None or rel.is_external else rel.target_part
            current[kind] = None if target is None else _part_root(target)
        section.headers = dict(current)


def document_kind(main: DocumentPart) -> str:
    """The kind plangen wrote in the custom properties (document_kind.py); official if none."""
    try:
        part = main.package.part_related_by(RT.CUSTOM_PROPERTIES)
    except (KeyError, ValueError):  # no custom properties (or two): no kind written
        return OFFICIAL
    root = _part_root(part)
    if root is None:
        return OFFICIAL
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        if prop.get("name") == PROPERTY_NAME:
            value = "".join(node.text or "" for node in prop.iter()).strip()
            return value if value in KINDS else OFFICIAL
    return OFFICIAL


def load(source: str | os.PathLike[str] | IO[bytes]) -> Document:
    """Open a DOCX and gather what the checks need."""
    opened = docx.Document(os.fspath(source) if isinstance(source, os.PathLike) else source)
    main = opened.part
    styles_part = _related(main, RT.STYLES)
    theme_part = _related(main, RT.THEME)
    settings_part = _related(main, RT.SETTINGS)
    styles = StyleSheet(None if styles_part is None else _part_root(styles_part),
                        getattr(theme_part, "blob", None))
    body = child(opened.element, "body")
    if body is None:
        raise ValueError("the document has no body")
    sections = split_sections(body)
    for section in sections:
        classify(section)
    resolve_headers(sections, main)
    paragraphs = list(body.iter(W_P))
    typeset: list[tuple[str, XmlElement]] = []
    texts: list[tuple[str, XmlElement]] = [(str(main.partname), body)]
    for part in main.package.iter_parts():
        content_type = str(getattr(part, "content_type", ""))
        if "wordprocessingml" not in content_type or part is main:
            continue
        root = _part_root(part)
        if root is None:
            continue
        name = str(part.partname)
        texts.append((name, root))
        if content_type.endswith(("header+xml", "footer+xml")):
            typeset.append((name, root))
    settings = None if settings_part is None else _part_root(settings_part)
    section_of = {paragraph: section for section in sections for block in section.blocks
                  for paragraph in block.iter(W_P)}
    return Document(
        styles=styles,
        sections=sections,
        numbers={paragraph: index for index, paragraph in enumerate(paragraphs, start=1)},
        body_paragraphs=paragraphs,
        typeset_parts=typeset,
        text_parts=texts,
        odd_even_headers=bool(on_off(child(settings, "evenAndOddHeaders"))),
        section_of=section_of,
        kind=document_kind(main),
    )
