"""DOCX files typed by hand for the DOCX reader's tests: the few parts Word needs, and the XML of
paragraphs, runs, tracked changes and tables, written as Word writes them."""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TYPES = {"styles": "styles+xml", "numbering": "numbering+xml"}


def docx(body: str, *, styles: str = "", numbering: str = "",
         leave_out: str | None = None) -> bytes:
    """A DOCX whose body is BODY (w:body's content), with the styles (w:styles' content) and the
    numbering (w:numbering's content) given; `leave_out` names a part not to write."""
    prefix = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{MAIN}"/>']
    related = []
    parts = {"word/document.xml": f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"}
    for name, content in (("styles", styles), ("numbering", numbering)):
        if content:
            parts[f"word/{name}.xml"] = f'<w:{name} xmlns:w="{W_NS}">{content}</w:{name}>'
            overrides.append(f'<Override PartName="/word/{name}.xml" '
                             f'ContentType="{prefix}.{TYPES[name]}"/>')
            related.append(f'<Relationship Id="r{name}" Type="{OFFICE}/{name}" '
                           f'Target="{name}.xml"/>')
    parts["[Content_Types].xml"] = (
        f'<Types xmlns="{PACKAGE}/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'{"".join(overrides)}</Types>')
    parts["_rels/.rels"] = (f'<Relationships xmlns="{PACKAGE}/relationships">'
                            f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" '
                            'Target="word/document.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = (f'<Relationships xmlns="{PACKAGE}/relationships">'
                                             f'{"".join(related)}</Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            if name != leave_out:
                archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" '
                                 f'standalone="yes"?>\n{content}')
    return out.getvalue()


def r(text: str, rpr: str = "", tag: str = "t") -> str:
    """A run of text (w:delText for tag="delText"), with run properties."""
    return (f"<w:r><w:rPr>{rpr}</w:rPr><w:{tag} xml:space=\"preserve\">{escape(text)}"
            f"</w:{tag}></w:r>")


def p(*runs: str, ppr: str = "") -> str:
    """A paragraph of runs (or any inline content), with paragraph properties."""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"


def numbered(num_id: int, ilvl: int, text: str) -> str:
    """A paragraph of list num_id at level ilvl."""
    return p(r(text), ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                          '</w:numPr>')


def change(tag: str, author: str, *content: str, number: int = 1) -> str:
    """A tracked change (w:ins, w:del, w:moveFrom, w:moveTo) around runs."""
    return (f'<w:{tag} w:id="{number}" w:author="{author}" w:date="2024-03-01T09:00:00Z">'
            f"{''.join(content)}</w:{tag}>")


def mark(tag: str, author: str) -> str:
    """Paragraph properties saying the paragraph mark itself was inserted or deleted."""
    return f'<w:rPr><w:{tag} w:id="90" w:author="{author}" w:date="2024-03-01T09:00:00Z"/></w:rPr>'


def cell(*paragraphs: str, tcpr: str = "") -> str:
    """A table cell (w:tc) holding paragraphs."""
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{''.join(paragraphs) or p()}</w:tc>"


def row(*cells: str, trpr: str = "") -> str:
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(cells)}</w:tr>"


def table(*rows: str, columns: int = 2) -> str:
    grid = '<w:gridCol w:w="2000"/>' * columns
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def text_box(text: str) -> str:
    """A run holding a text box twice over, as Word writes it: as DrawingML (mc:Choice) and as
    VML (mc:Fallback)."""
    inner = f"<w:txbxContent>{p(r(text))}</w:txbxContent>"
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
            "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
            f"{inner}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
            f"{inner}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def level(ilvl: int, fmt: str, text: str, start: int | None = 1, extra: str = "") -> str:
    """A w:lvl of an abstract list."""
    first = "" if start is None else f'<w:start w:val="{start}"/>'
    return (f'<w:lvl w:ilvl="{ilvl}">{first}<w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{escape(text)}"/></w:lvl>')


def abstract(number: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{number}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return (f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}'
            "</w:num>")


def style(style_id: str, *, based_on: str = "", ppr: str = "", rpr: str = "") -> str:
    """A paragraph style."""
    base = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            f"{base}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")
