"""The DOCX comparison table of a diff Report, laid out per ND30 (docs/diff.md)."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from html import escape

from generator.document.document_kind import (
    COMPARISON_TABLE,
    CUSTOM_NS,
    PROPERTY_NAME,
    PROPERTY_SET,
    VT_NS,
)
from generator.shell.errors import Message
from generator.shell.i18n import translate
from generator.workflows.diff import Difference, Report
from generator.workflows.diff_words import Words, change_word, change_words, compact_places

FONT = "Times New Roman"
TWIPS_PER_MM = 1440 / 25.4
PAGE_MM = (297, 210)  # A4 landscape
MARGINS_MM = {"top": 20, "right": 15, "bottom": 20, "left": 30}
# TT | Vị trí | Nội dung cũ | Nội dung mới | Ghi chú: the 252 mm between the margins.
COLUMNS_MM = (("TT", 12), ("Vị trí", 50), ("Nội dung cũ", 75), ("Nội dung mới", 75),
              ("Ghi chú", 40))
# Laid out as an appendix table (the only part ND30 sets on a landscape page), to be attached to
# the draft it compares; `plangen check` knows it by its custom property (custom_properties_xml).
TITLE_LABEL = "PHỤ LỤC"
TITLE = "BẢNG SO SÁNH"
NO_CHANGES = "Không có thay đổi."
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# paragraph style id: (name, size pt, bold, italic, alignment, space before pt, space after pt)
STYLES: dict[str, tuple[str, int, bool, bool, str, int, int]] = {
    "PlangenDiffLabel": ("Plangen Diff Label", 14, True, False, "center", 0, 0),
    "PlangenDiffTitle": ("Plangen Diff Title", 14, True, False, "center", 0, 0),
    "PlangenDiffFiles": ("Plangen Diff Files", 14, False, True, "center", 0, 12),
    "PlangenDiffHeader": ("Plangen Diff Header", 12, True, False, "center", 3, 3),
    "PlangenDiffText": ("Plangen Diff Text", 12, False, False, "left", 3, 3),
    "PlangenDiffCenter": ("Plangen Diff Center", 12, False, False, "center", 3, 3),
    "PlangenDiffPageNumber": ("Plangen Diff Page Number", 13, False, False, "center", 0, 0),
}
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """NFC (ND30's TCVN 6909 text) without the characters XML cannot hold."""
    return _XML_ILLEGAL.sub("", unicodedata.normalize("NFC", text))


def _twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def _fonts() -> str:
    return f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


def _size(points: int) -> str:
    return f'<w:sz w:val="{2 * points}"/><w:szCs w:val="{2 * points}"/>'


def styles_xml() -> str:
    """Document defaults and every style in Times New Roman (East Asian and complex too)."""
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f'<w:qFormat/><w:rPr>{_fonts()}{_size(12)}</w:rPr></w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        f'<w:unhideWhenUsed/><w:rPr>{_fonts()}</w:rPr></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        f'<w:unhideWhenUsed/><w:rPr>{_fonts()}</w:rPr><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
    ]
    for style_id, (name, size, bold, italic, align, before, after) in STYLES.items():
        marks = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
        styles.append(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:widowControl/><w:spacing w:before="{20 * before}" w:after="{20 * after}"'
            ' w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>'
            f'<w:jc w:val="{align}"/></w:pPr>'
            f"<w:rPr>{_fonts()}{marks}{_size(size)}</w:rPr></w:style>")
    # The paragraph a document must have after its last table, 1 pt high and empty, so a table
    # that fills the last page does not push an empty page after it.
    styles.append(
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="PlangenDiffEnd">'
        '<w:name w:val="Plangen Diff End"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        f'<w:ind w:firstLine="0"/></w:pPr><w:rPr>{_fonts()}{_size(1)}</w:rPr></w:style>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
            f"<w:docDefaults><w:rPrDefault><w:rPr>{_fonts()}{_size(12)}"
            '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>" + "".join(styles) + "</w:styles>")


def _run(text: str, props: str = "") -> str:
    """A run; line breaks in the text become w:br."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    pieces = []
    for index, line in enumerate(_clean(text).split("\n")):
        if index:
            pieces.append("<w:br/>")
        if line:
            pieces.append(f'<w:t xml:space="preserve">{escape(line, quote=False)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def _paragraph(style: str, runs: Iterable[str] = ()) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(runs)}</w:p>'


STRIKE = "<w:strike/>"
BOLD_UNDERLINED = '<w:b/><w:bCs/><w:u w:val="single"/>'


def _side_runs(words: Words, side: str) -> list[str]:
    """One side's runs: the old side with its deleted words struck, the new side with its
    inserted words bold and underlined; the spaces between words never marked."""
    shown = "delete" if side == "old" else "insert"
    marks = STRIKE if side == "old" else BOLD_UNDERLINED
    pieces: list[tuple[str, bool]] = []
    for op, text in words:
        if op not in ("equal", shown):
            continue
        if pieces:
            pieces.append((" ", False))
        pieces.append((text, op == shown))
    merged: list[tuple[str, bool]] = []
    for text, marked in pieces:
        if merged and merged[-1][1] == marked:
            merged[-1] = (merged[-1][0] + text, marked)
        else:
            merged.append((text, marked))
    return [_run(text, marks if marked else "") for text, marked in merged if text]


def _cell(width_mm: float, paragraphs: Sequence[str], span: int = 1) -> str:
    grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{_twips(width_mm)}" w:type="dxa"/>{grid_span}</w:tcPr>'
            f'{"".join(paragraphs)}</w:tc>')


def _note(change: Difference) -> str:
    """Ghi chú: the kind of change in Vietnamese, then its note, then where a replaced or renamed
    body changed the text with it."""
    word = change_word(change, "vi")
    note = f"{word}: {change.note}" if change.note else word
    if not change.places:
        return note
    said = translate(Message("Changed with it in {count} place(s):",
                             {"count": len(change.places)}), "vi")
    return f"{note}. {said} {'; '.join(compact_places(change.places))}"


def table_row(number: int, change: Difference) -> str:
    """TT | Vị trí | Nội dung cũ | Nội dung mới | Ghi chú of one change."""
    words = change_words(change)
    cells = [
        [_paragraph("PlangenDiffCenter", [_run(str(number))])],
        [_paragraph("PlangenDiffText", [_run(change.location)])],
        [_paragraph("PlangenDiffText", _side_runs(words, "old"))],
        [_paragraph("PlangenDiffText", _side_runs(words, "new"))],
        [_paragraph("PlangenDiffText", [_run(_note(change))])],
    ]
    return "<w:tr>" + "".join(_cell(width, paragraphs) for (_, width), paragraphs
                              in zip(COLUMNS_MM, cells, strict=True)) + "</w:tr>"


def table_xml(report: Report) -> str:
    """The comparison table; its header row repeats on every page."""
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(edge) for edge in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    total = sum(_twips(width) for _, width in COLUMNS_MM)
    head = "".join(_cell(width, [_paragraph("PlangenDiffHeader", [_run(label)])])
                   for label, width in COLUMNS_MM)
    rows = [table_row(number, change) for number, change in enumerate(report.changes, start=1)]
    if not rows:
        rows = ["<w:tr>" + _cell(sum(width for _, width in COLUMNS_MM),
                                 [_paragraph("PlangenDiffCenter", [_run(NO_CHANGES)])],
                                 span=len(COLUMNS_MM)) + "</w:tr>"]
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            '</w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" '
            'w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>'
            "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{_twips(width)}"/>'
                                    for _, width in COLUMNS_MM) + "</w:tblGrid>"
            f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>'
            + "".join(rows) + "</w:tbl>")


def section_xml() -> str:
    """A4 landscape, ND30 margins; page numbers centred at the top from the second page."""
    width, height = PAGE_MM
    margins = " ".join(f'w:{side}="{_twips(mm)}"' for side, mm in MARGINS_MM.items())
    return ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            f'<w:pgSz w:w="{_twips(width)}" w:h="{_twips(height)}" w:orient="landscape"/>'
            f'<w:pgMar {margins} w:header="567" w:footer="567" w:gutter="0"/>'
            '<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>')


def document_xml(report: Report) -> str:
    """PHỤ LỤC, BẢNG SO SÁNH, (OLD so với NEW), then the table."""
    files = f"({report.old_file} so với {report.new_file})"
    body = (_paragraph("PlangenDiffLabel", [_run(TITLE_LABEL)])
            + _paragraph("PlangenDiffTitle", [_run(TITLE)])
            + _paragraph("PlangenDiffFiles", [_run(files)])
            + table_xml(report)
            + _paragraph("PlangenDiffEnd")
            + section_xml())
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body>'
            "</w:document>")


def header_xml() -> str:
    """The page number (a PAGE field), 13 pt, centred."""
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f'{_paragraph("PlangenDiffPageNumber", [field])}</w:hdr>')


def font_table_xml() -> str:
    """The one font the document uses."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W_NS}">'
            f'<w:font w:name="{FONT}"><w:panose1 w:val="02020603050405020304"/>'
            '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
            "</w:font></w:fonts>")


def theme_xml() -> str:
    """A minimal theme whose major and minor fonts are Times New Roman too."""
    colors = "".join(f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>' for name, value in (
        ("dk2", "44546A"), ("lt2", "E7E6E6"), ("accent1", "4472C4"), ("accent2", "ED7D31"),
        ("accent3", "A5A5A5"), ("accent4", "FFC000"), ("accent5", "5B9BD5"),
        ("accent6", "70AD47"), ("hlink", "0563C1"), ("folHlink", "954F72")))
    fonts = (f'<a:latin typeface="{FONT}"/><a:ea typeface="{FONT}"/>'
             f'<a:cs typeface="{FONT}"/>')
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'name="plangen"><a:themeElements><a:clrScheme name="plangen">'
        '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
        f'<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>{colors}</a:clrScheme>'
        f'<a:fontScheme name="plangen"><a:majorFont>{fonts}</a:majorFont>'
        f'<a:minorFont>{fonts}</a:minorFont></a:fontScheme><a:fmtScheme name="plangen">'
        f"<a:fillStyleLst>{fill * 3}</a:fillStyleLst>"
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}"
        f"</a:effectStyleLst><a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements></a:theme>")


def _relationships(items: Sequence[tuple[str, str, str]]) -> str:
    rels = "".join(f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
                   for rid, kind, target in items)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG_RELS}">{rels}</Relationships>')


def custom_properties_xml() -> str:
    """The property by which `plangen check` knows the file for a comparison table, not an
    official document (document_kind.py)."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">'
            f'<property fmtid="{PROPERTY_SET}" pid="2" name="{PROPERTY_NAME}">'
            f"<vt:lpwstr>{COMPARISON_TABLE}</vt:lpwstr></property></Properties>")


def package_parts(report: Report) -> list[tuple[str, str]]:
    """(name, XML) of every part of the package, [Content_Types].xml first."""
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{CT_MAIN}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{CT_MAIN}.styles+xml"/>'
        f'<Override PartName="/word/settings.xml" ContentType="{CT_MAIN}.settings+xml"/>'
        f'<Override PartName="/word/header1.xml" ContentType="{CT_MAIN}.header+xml"/>'
        f'<Override PartName="/word/fontTable.xml" ContentType="{CT_MAIN}.fontTable+xml"/>'
        '<Override PartName="/word/theme/theme1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '<Override PartName="/docProps/custom.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        "</Types>")
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(TITLE.capitalize(), quote=False)}</dc:title>"
        "<dc:creator>plangen</dc:creator></cp:coreProperties>")
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>plangen</Application></Properties>')
    settings = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W_NS}">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/'
        'word" w:val="15"/></w:compat></w:settings>')
    package_rels = _relationships([
        ("rId1", f"{DOC_RELS}/officeDocument", "word/document.xml"),
        ("rId2", f"{PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
        ("rId3", f"{DOC_RELS}/extended-properties", "docProps/app.xml"),
        ("rId4", f"{DOC_RELS}/custom-properties", "docProps/custom.xml"),
    ])
    document_rels = _relationships([
        ("rIdStyles", f"{DOC_RELS}/styles", "styles.xml"),
        ("rIdSettings", f"{DOC_RELS}/settings", "settings.xml"),
        ("rIdHeader", f"{DOC_RELS}/header", "header1.xml"),
        ("rIdFonts", f"{DOC_RELS}/fontTable", "fontTable.xml"),
        ("rIdTheme", f"{DOC_RELS}/theme", "theme/theme1.xml"),
    ])
    return [("[Content_Types].xml", types), ("_rels/.rels", package_rels),
            ("docProps/core.xml", core), ("docProps/app.xml", app),
            ("docProps/custom.xml", custom_properties_xml()),
            ("word/document.xml", document_xml(report)),
            ("word/_rels/document.xml.rels", document_rels),
            ("word/styles.xml", styles_xml()), ("word/settings.xml", settings),
            ("word/header1.xml", header_xml()), ("word/fontTable.xml", font_table_xml()),
            ("word/theme/theme1.xml", theme_xml())]


def as_docx(report: Report) -> bytes:
    """The comparison table as a DOCX (ND30: A4 landscape, Times New Roman 12–14 pt).

    The same report gives the same bytes (fixed member dates in the ZIP).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in package_parts(report):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, xml.encode("utf-8"))
    return buffer.getvalue()
