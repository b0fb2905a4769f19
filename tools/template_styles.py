"""The paragraph styles of the DOCX templates and their default font (tools/build_templates.py).

A style's look is data here (STYLES, COMPARISON_STYLES); the builder places paragraphs of these
styles.
"""
from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

FONT = "Times New Roman"
J, C, L = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT

# name: (size pt, bold, italic, alignment, first-line indent mm, space before, space after)
Look = tuple[float, bool, bool, object, float, float, float]
STYLES: dict[str, Look] = {
    "PlangenPara": (14, False, False, J, 12.7, 0, 6),
    "PlangenSection": (14, True, False, J, 12.7, 0, 6),
    "PlangenHeading": (14, True, False, J, 12.7, 0, 6),
    "PlangenNote": (14, False, True, J, 12.7, 0, 6),
    "PlangenBasis": (14, False, True, J, 12.7, 0, 6),
    "PlangenHeaderParent": (13, False, False, C, 0, 0, 0),
    "PlangenHeaderBody": (13, True, False, C, 0, 0, 0),
    "PlangenHeaderLine": (11, False, False, C, 0, 0, 0),
    "PlangenNumber": (13, False, False, C, 0, 6, 0),
    "PlangenQuocHieu": (13, True, False, C, 0, 0, 0),
    "PlangenTieuNgu": (14, True, False, C, 0, 0, 0),
    "PlangenDateLine": (14, False, True, C, 0, 6, 0),
    "PlangenTitle": (14, True, False, C, 0, 18, 0),
    "PlangenSummary": (14, True, False, C, 0, 0, 0),
    "PlangenReference": (14, False, True, C, 0, 0, 0),
    "PlangenShortLine": (11, False, False, C, 0, 0, 12),
    "PlangenShortLineWide": (11, False, False, C, 0, 0, 12),
    "PlangenAuthority": (14, True, False, C, 0, 6, 12),
    "PlangenDecides": (14, True, False, C, 0, 6, 12),
    "PlangenRecipientsLabel": (12, True, True, L, 0, 0, 0),
    "PlangenRecipient": (11, False, False, L, 0, 0, 0),
    "PlangenSignature": (14, True, False, C, 0, 0, 0),
    "PlangenSignName": (14, True, False, C, 0, 0, 0),
    "PlangenAppendixLabel": (14, True, False, C, 0, 0, 0),
    "PlangenAppendixTitle": (14, True, False, C, 0, 0, 0),
    "PlangenTableHeader": (12, True, False, C, 0, 3, 3),
    "PlangenTableText": (12, False, False, L, 0, 3, 3),
    "PlangenTableCenter": (12, False, False, C, 0, 3, 3),
}
# The comparison table's own paragraphs; the rest of its look is the appendix's.
COMPARISON_STYLES: dict[str, Look] = {
    "PlangenComparisonFiles": (14, False, True, C, 0, 0, 12),
    "PlangenPageNumber": (13, False, False, C, 0, 0, 0),
}
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


# The children of w:rPr (CT_RPr) in the order the OOXML schema requires.
RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
             "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
             "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
             "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
             "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
             "w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange")


def set_default_font(doc: DocumentObject) -> None:
    """Times New Roman 14 everywhere by default, including East Asian and complex scripts."""
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        if child.tag in (qn("w:rFonts"), qn("w:sz"), qn("w:szCs")):
            rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    rpr.insert_element_before(fonts, *RPR_ORDER[RPR_ORDER.index("w:rFonts") + 1:])
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), "28")
        rpr.insert_element_before(size, *RPR_ORDER[RPR_ORDER.index(tag) + 1:])
    for name in ("Normal", "Header", "Footer", "Table Grid"):
        if name in [s.name for s in doc.styles]:
            style = doc.styles[name]
            style.font.name = FONT
            style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
            style.element.rPr.rFonts.set(qn("w:cs"), FONT)
            if name in ("Normal", "Header", "Footer"):
                style.font.size = Pt(14)


def add_styles(doc: DocumentObject) -> None:
    """The paragraph styles the templates and the generated table use."""
    add_paragraph_styles(doc, STYLES)
    add_end_style(doc)
    border_below(doc.styles["PlangenTieuNgu"].element, indent_mm=16)
    border_below(doc.styles["PlangenHeaderLine"].element, indent_mm=33)
    border_below(doc.styles["PlangenShortLine"].element, indent_mm=60)
    border_below(doc.styles["PlangenShortLineWide"].element, indent_mm=103)


def add_paragraph_styles(doc: DocumentObject, styles: dict[str, Look]) -> None:
    """Paragraph styles based on Normal, each as its entry says."""
    for name, (size, bold, italic, align, indent, before, after) in styles.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(indent)
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.line_spacing = 1.0
        fmt.widow_control = True


def add_end_style(doc: DocumentObject) -> None:
    """PlangenTableEnd: the paragraph a document must have after a final table, 1 pt high.

    A table that fills the last page would otherwise push a normal empty paragraph onto a new,
    empty page holding only the page number (the usual Word fix, as compose.py's section breaks).
    """
    style = doc.styles.add_style("PlangenTableEnd", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(1)
    fmt = style.paragraph_format
    fmt.first_line_indent = Mm(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)


def border_below(style_element: object, indent_mm: float) -> None:
    """A solid line under the paragraph, shortened by equal left and right indents."""
    ppr = style_element.get_or_add_pPr()  # type: ignore[attr-defined]
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                        ("w:color", "000000")):
        bottom.set(qn(attr), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                              "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
                              "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), str(round(indent_mm * 56.7)))
    ind.set(qn("w:right"), str(round(indent_mm * 56.7)))
    ind.set(qn("w:firstLine"), "0")
    old = ppr.find(qn("w:ind"))
    if old is not None:
        ppr.remove(old)
    ppr.insert_element_before(ind, "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
                              "w:jc")


def times_everywhere(doc: DocumentObject, language: str) -> None:
    """Times New Roman named in every style's four font slots and in the theme's fonts, and
    LANGUAGE as the text's: nothing is left to a font or language the reader's Word chooses."""
    for style in doc.styles.element.findall(qn("w:style")):
        if style.get(qn("w:type")) == "numbering":
            continue  # a list style has no text of its own
        fonts = style.get_or_add_rPr().get_or_add_rFonts()
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for attr in FONT_SLOTS:
            fonts.set(qn(attr), FONT)
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    defaults.find(qn("w:rPr")).find(qn("w:lang")).set(qn("w:val"), language)
    theme = doc.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for scheme in (*root.iter(f"{{{DRAWING_NS}}}majorFont"),
                   *root.iter(f"{{{DRAWING_NS}}}minorFont")):
        for child in list(scheme):
            if child.tag in (f"{{{DRAWING_NS}}}{tag}" for tag in ("latin", "ea", "cs")):
                child.set("typeface", FONT)
            else:  # a font per script (Japanese, Arabic …) would override Times New Roman
                scheme.remove(child)
    # python-docx keeps a theme as the bytes it read: they are replaced, not edited in place.
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
