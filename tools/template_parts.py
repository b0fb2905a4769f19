"""What a template's package holds beside its body (tools/build_templates.py): the page-number
header, the custom document property naming its kind, only the styles and parts it uses.
"""
from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from lxml import etree

from generator.document.document_kind import CUSTOM_NS, PROPERTY_NAME, PROPERTY_SET, VT_NS

# The children of w:sectPr that follow w:pgNumType (OOXML order).
AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                   "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")


def number_pages(section: Section) -> None:
    """The page number (a PAGE field) centred at the top from the second page, from 1."""
    section.different_first_page_header_footer = True
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(numbering, *AFTER_PGNUMTYPE)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = "PlangenPageNumber"
    for kind in ("begin", " PAGE ", "separate", "2", "end"):
        run = paragraph.add_run()
        if kind == " PAGE ":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = kind
            run._r.append(code)
        elif kind == "2":  # shown until the field is updated; it is never on page 1
            run.text = kind
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def mark_kind(doc: DocumentObject, kind: str) -> None:
    """The custom document property by which `plangen check` knows what the document is
    (generator/document/document_kind.py); Word and LibreOffice keep it when they save."""
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=PROPERTY_SET, pid="2",
                            name=PROPERTY_NAME)
    etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = kind
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = doc.part.package
    part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


KEEP_STYLES = {"Normal", "Default Paragraph Font", "Normal Table", "Table Normal", "No List",
               "Header", "Footer", "Header Char", "Footer Char"}
KEEP = {name.casefold() for name in KEEP_STYLES}
DROP_RELATIONS = ("stylesWithEffects", "customXml", "thumbnail", "numbering", "webSettings")


def slim(doc: DocumentObject) -> None:
    """Keep only the styles and parts the templates use: smaller files open faster."""
    styles = doc.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        value = name.get(qn("w:val")) if name is not None else ""
        # python-docx's template names some built-in styles in lower case ("header"), which
        # Word shows as "Header": compare without case, or the header parts lose their style.
        if value.casefold() not in KEEP and not value.startswith("Plangen"):
            styles.remove(style)
    kept = {style.get(qn("w:styleId")) for style in styles.findall(qn("w:style"))}
    for style in styles.findall(qn("w:style")):
        for tag in ("w:basedOn", "w:next", "w:link"):
            ref = style.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in kept:
                style.remove(ref)
    for rels in (doc.part.rels, doc.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if any(word in rel.reltype for word in DROP_RELATIONS):
                del rels[rel_id]
