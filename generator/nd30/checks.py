"""The eleven checks of ND30.md ("Checks a program can make on a generated DOCX") on a DOCX file."""
from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import IO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part as PackagePart
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.parts.document import DocumentPart

from generator.nd30.effective import (
    RunFormat,
    StyleSheet,
    XmlElement,
    alignment,
    attr,
    cell_margins,
    child,
    has_border,
    indents,
    on_off,
    parse_twips,
    run_format,
    table_borders,
    twips_to_mm,
    w,
)

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
FONT = "Times New Roman"
# Advance width of the Quốc hiệu in Times New Roman Bold, in ems (Times-Bold metrics; the
# Vietnamese marks do not change advance widths).
QUOC_HIEU_EMS = 20.861
A4_MM = (210.0, 297.0)
PAGE_TOLERANCE_MM = 1.0
MARGIN_TOLERANCE_MM = 0.5
MARGINS_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}

NUMBER_LINE = re.compile(r"Số: (\d{2,}| +)/[A-ZĐa-z]+-[A-ZĐ&]+")
DATE_LINE = re.compile(r"(?P<place>[^,]+), ngày(?P<day>.*?)tháng(?P<month>.*?)năm(?P<year>.*)")
APPENDIX_TITLE = re.compile(r"(?:PHỤ LỤC|Phụ lục)(?: (?P<numeral>[IVXLCDM]+))?")
ARTICLE = re.compile(r"\s*(Điều\s+(\d+)\.)")
REFERENCE = re.compile(
    r"\((?i:ban hành kèm theo|kèm theo) (?P<ref>(?P<kind>Quyết định|Kế hoạch) số:? ?"
    r"(?P<number>[^()]*?) ngày (?P<date>[^()]*?) của (?P<issuer>[^()]*?))\)"
)
TYPE_CODES = {"Quyết định": "QĐ", "Kế hoạch": "KH"}

_W_P, _W_R, _W_T, _W_TBL, _W_TR, _W_TC = (w(t) for t in ("p", "r", "t", "tbl", "tr", "tc"))
_W_SECTPR = w("sectPr")
_TRANSPARENT = {w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")}
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SKIPPED = {w("txbxContent"), f"{{{_MARKUP_COMPATIBILITY}}}Fallback"}
_MARKS = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}


@dataclass(frozen=True)
class Finding:
    """One way the document departs from ND30: which check, where, and what was expected."""

    check: int
    where: str
    message: str


class Part(Enum):
    """The parts a generated file can hold, one per section."""

    DECISION = "Quyết định"
    PLAN = "Kế hoạch"
    APPENDIX = "Phụ lục"


@dataclass
class Section:
    """A DOCX section: its page settings, top-level blocks and the part it holds."""

    number: int
    sect_pr: XmlElement | None
    blocks: list[XmlElement]
    kind: Part | None = None
    title: XmlElement | None = None
    headers: dict[str, XmlElement | None] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Human name: 'section 2 (Kế hoạch)'."""
        return f"section {self.number}" + (f" ({self.kind.value})" if self.kind else "")

    def paragraphs(self) -> list[XmlElement]:
        """Top-level paragraphs (not inside tables), in order."""
        return [block for block in self.blocks if block.tag == _W_P]

    def tables(self) -> list[XmlElement]:
        """Top-level tables, in order."""
        return [block for block in self.blocks if block.tag == _W_TBL]


@dataclass
class Document:
    """What the checks read from one DOCX file."""

    styles: StyleSheet
    sections: list[Section]
    numbers: dict[XmlElement, int]
    body_paragraphs: list[XmlElement]
    typeset_parts: list[tuple[str, XmlElement]]
    text_parts: list[tuple[str, XmlElement]]
    odd_even_headers: bool
    formats: dict[XmlElement, RunFormat] = field(default_factory=dict)

    def parts(self, kind: Part) -> list[Section]:
        """Sections holding a part of this kind."""
        return [section for section in self.sections if section.kind is kind]

    @property
    def has_decision(self) -> bool:
        """Whether a Quyết định part is present (so the Kế hoạch is an attached one)."""
        return bool(self.parts(Part.DECISION))

    def run_format(self, run: XmlElement) -> RunFormat:
        """Effective formatting of a run, cached."""
        if run not in self.formats:
            self.formats[run] = run_format(run, self.styles)
        return self.formats[run]


# ---------------------------------------------------------------------------------------------
# Text and locators


def own_nodes(element: XmlElement) -> Iterator[XmlElement]:
    """Descendants of a paragraph that belong to it (not to text boxes nested in it)."""
    for node in element:
        if not isinstance(node.tag, str) or node.tag in _SKIPPED:
            continue
        yield node
        yield from own_nodes(node)


def text_of(element: XmlElement) -> str:
    """Raw text of a paragraph or run: w:t contents, tabs and breaks as \\t and \\n."""
    parts: list[str] = []
    for node in own_nodes(element):
        if node.tag == _W_T:
            parts.append(node.text or "")
        elif node.tag in _MARKS:
            parts.append(_MARKS[str(node.tag)])
    return "".join(parts)


def norm(text: str) -> str:
    """Whitespace-normalised text: runs of whitespace become one space, ends stripped."""
    return " ".join(text.split())


def ntext(paragraph: XmlElement) -> str:
    """Whitespace-normalised text of a paragraph."""
    return norm(text_of(paragraph))


def is_upper(text: str) -> bool:
    """Whether text has letters and all of them are upper case."""
    return any(ch.isalpha() for ch in text) and text == text.upper()


def excerpt(text: str, limit: int = 40) -> str:
    """The first characters of a text, for a locator."""
    text = norm(text)
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


def where(doc: Document, paragraph: XmlElement) -> str:
    """Locator of a body paragraph: 'paragraph 14 «Căn cứ Luật …»'."""
    number = doc.numbers.get(paragraph)
    prefix = f"paragraph {number} " if number is not None else ""
    return f"{prefix}«{excerpt(text_of(paragraph))}»"


def block_children(container: XmlElement) -> Iterator[XmlElement]:
    """Paragraphs and tables directly in a body, cell or content control, in order."""
    for node in container:
        if node.tag in (_W_P, _W_TBL, _W_SECTPR):
            yield node
        elif node.tag in _TRANSPARENT:
            yield from block_children(node)


def cell_paragraphs(cell: XmlElement) -> list[XmlElement]:
    """Paragraphs directly in a table cell."""
    return [node for node in block_children(cell) if node.tag == _W_P]


def nonempty(paragraphs: list[XmlElement]) -> list[XmlElement]:
    """The paragraphs that have visible text."""
    return [paragraph for paragraph in paragraphs if ntext(paragraph)]


def rows_of(table: XmlElement) -> list[XmlElement]:
    """Rows of a table."""
    return table.findall(_W_TR)


def cells_of(row: XmlElement) -> list[XmlElement]:
    """Cells of a row."""
    return row.findall(_W_TC)


def column_count(table: XmlElement) -> int:
    """Number of grid columns of a table."""
    grid = table.findall(f"{w('tblGrid')}/{w('gridCol')}")
    if grid:
        return len(grid)
    spans = [sum(int(attr(child(cell, "tcPr", "gridSpan"), "val") or 1) for cell in cells_of(row))
             for row in rows_of(table)]
    return max(spans, default=0)


def text_runs(doc: Document, paragraph: XmlElement) -> list[tuple[XmlElement, RunFormat]]:
    """Runs of a paragraph that carry non-whitespace text, with their effective formatting."""
    return [(node, doc.run_format(node)) for node in own_nodes(paragraph)
            if node.tag == _W_R and text_of(node).strip()]


def all_runs(doc: Document, paragraph: XmlElement, test: Callable[[RunFormat], bool]) -> bool:
    """Whether the paragraph has text and every text run passes the test."""
    runs = text_runs(doc, paragraph)
    return bool(runs) and all(test(fmt) for _, fmt in runs)


def is_bold(doc: Document, paragraph: XmlElement) -> bool:
    """Whether all the paragraph's text is bold."""
    return all_runs(doc, paragraph, lambda fmt: fmt.bold)


def is_italic(doc: Document, paragraph: XmlElement) -> bool:
    """Whether all the paragraph's text is italic."""
    return all_runs(doc, paragraph, lambda fmt: fmt.italic)


def any_bold(doc: Document, paragraph: XmlElement) -> bool:
    """Whether any of the paragraph's text is bold."""
    return any(fmt.bold for _, fmt in text_runs(doc, paragraph))


def is_centred(doc: Document, paragraph: XmlElement) -> bool:
    """Whether the paragraph is centred."""
    return alignment(paragraph, doc.styles) == "center"


def sizes_pt(doc: Document, paragraph: XmlElement) -> set[float]:
    """Distinct sizes, in points, of the paragraph's text runs."""
    return {fmt.size_pt for _, fmt in text_runs(doc, paragraph)}


def show_sizes(sizes: set[float]) -> str:
    """'12, 13 pt'."""
    return ", ".join(f"{size:g}" for size in sorted(sizes)) + " pt"


def sizes_within(doc: Document, paragraph: XmlElement, low: float, high: float) -> bool:
    """Whether every text run's size lies in [low, high] points."""
    return all(low <= size <= high for size in sizes_pt(doc, paragraph))


def format_findings(doc: Document, check: int, paragraph: XmlElement, name: str, *,
                    bold: bool = False, italic: bool = False, centred: bool = False,
                    upper: bool = False) -> list[Finding]:
    """Findings for a paragraph that must be bold / italic / centred / upper case."""
    missing = [label for label, wanted, test in (
        ("bold", bold, is_bold), ("italic", italic, is_italic), ("centred", centred, is_centred),
    ) if wanted and not test(doc, paragraph)]
    if upper and not is_upper(ntext(paragraph)):
        missing.append("upper case")
    if not missing:
        return []
    return [Finding(check, where(doc, paragraph), f"{name} is not {' and '.join(missing)}; "
                    f"ND30 sets it {' and '.join(missing)}.")]


def size_findings(doc: Document, check: int, paragraph: XmlElement, name: str,
                  low: float, high: float) -> list[Finding]:
    """A finding when a paragraph's text sizes fall outside [low, high] points."""
    if sizes_within(doc, paragraph, low, high):
        return []
    expected = f"{low:g} pt" if low == high else f"{low:g}–{high:g} pt"
    actual = show_sizes(sizes_pt(doc, paragraph))
    message = f"{name} is set in {actual}; expected {expected}."
    return [Finding(check, where(doc, paragraph), message)]


# ---------------------------------------------------------------------------------------------
# Loading


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


def split_sections(body: XmlElement) -> list[Section]:
    """Cut the body into sections at each w:sectPr, keeping top-level paragraphs and tables."""
    sections: list[Section] = []
    blocks: list[XmlElement] = []
    for block in block_children(body):
        if block.tag == _W_SECTPR:
            sections.append(Section(len(sections) + 1, block, blocks))
            blocks = []
            continue
        blocks.append(block)
        sect_pr = child(block, "pPr", "sectPr") if block.tag == _W_P else None
        if sect_pr is not None:
            sections.append(Section(len(sections) + 1, sect_pr, blocks))
            blocks = []
    if blocks or not sections:
        sections.append(Section(len(sections) + 1, None, blocks))
    return sections


def classify(section: Section) -> None:
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


def resolve_headers(sections: list[Section], main: DocumentPart) -> None:
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
    paragraphs = list(body.iter(_W_P))
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
    return Document(
        styles=styles,
        sections=sections,
        numbers={paragraph: index for index, paragraph in enumerate(paragraphs, start=1)},
        body_paragraphs=paragraphs,
        typeset_parts=typeset,
        text_parts=texts,
        odd_even_headers=bool(on_off(child(settings, "evenAndOddHeaders"))),
    )


# ---------------------------------------------------------------------------------------------
# Check 1: paper and margins


def check_page_setup(doc: Document) -> list[Finding]:
    """Check 1: every section is A4 (portrait, or landscape for an appendix) with ND30 margins."""
    findings: list[Finding] = []
    for section in doc.sections:
        if section.sect_pr is None:
            findings.append(Finding(1, section.label, "The section has no page settings "
                                    "(w:sectPr); expected A4 paper with ND30 margins."))
            continue
        findings += paper_findings(section) + margin_findings(section)
    return findings


def paper_findings(section: Section) -> list[Finding]:
    """Paper size and orientation of one section."""
    size = child(section.sect_pr, "pgSz")
    width, height = parse_twips(attr(size, "w")), parse_twips(attr(size, "h"))
    if width is None or height is None:
        return [Finding(1, section.label, "The section has no readable paper size (w:pgSz); "
                        "expected A4, 210 × 297 mm.")]
    width_mm, height_mm = twips_to_mm(width), twips_to_mm(height)
    landscape = width_mm > height_mm
    expected = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    findings: list[Finding] = []
    if (abs(width_mm - expected[0]) > PAGE_TOLERANCE_MM
            or abs(height_mm - expected[1]) > PAGE_TOLERANCE_MM):
        findings.append(Finding(1, section.label, f"The paper is {width_mm:.1f} × "
                                f"{height_mm:.1f} mm; expected A4 (210 × 297 mm portrait or "
                                "297 × 210 mm landscape)."))
    orient = attr(size, "orient") or "portrait"
    if landscape != (orient == "landscape"):
        findings.append(Finding(1, section.label, f"The page is {width_mm:.0f} mm wide and "
                                f"{height_mm:.0f} mm high but w:orient says {orient}; they must "
                                "agree."))
    if landscape and section.kind is not Part.APPENDIX:
        findings.append(Finding(1, section.label, "The page is landscape; ND30 allows landscape "
                                "only for an appendix (Phụ lục) made of a wide table."))
    return findings


def margin_findings(section: Section) -> list[Finding]:
    """Page margins of one section against ND30's ranges."""
    margins = child(section.sect_pr, "pgMar")
    gutter = parse_twips(attr(margins, "gutter")) or 0.0
    findings: list[Finding] = []
    for side, (low, high) in MARGINS_MM.items():
        value = parse_twips(attr(margins, side))
        if value is None:
            findings.append(Finding(1, section.label, f"The {side} margin is not set; "
                                    f"expected {low}–{high} mm."))
            continue
        # the gutter is added on the binding (left) side
        millimetres = twips_to_mm(abs(value) + (gutter if side == "left" else 0.0))
        if not low - MARGIN_TOLERANCE_MM <= millimetres <= high + MARGIN_TOLERANCE_MM:
            findings.append(Finding(1, section.label, f"The {side} margin is {millimetres:.1f} mm; "
                                    f"expected {low}–{high} mm."))
    return findings


# ---------------------------------------------------------------------------------------------
# Check 2: font, sizes, NFC


def is_times(font: str | None) -> bool:
    """Whether a font name is Times New Roman."""
    return font is not None and font.strip().casefold() == FONT.casefold()


def typeset_paragraphs(doc: Document) -> Iterator[tuple[str, XmlElement]]:
    """Body, header and footer paragraphs with their locators."""
    for paragraph in doc.body_paragraphs:
        yield where(doc, paragraph), paragraph
    for name, root in doc.typeset_parts:
        for index, paragraph in enumerate(root.iter(_W_P), start=1):
            yield f"{name} paragraph {index} «{excerpt(text_of(paragraph))}»", paragraph


def check_type(doc: Document) -> list[Finding]:
    """Check 2: every text run in Times New Roman at 11–14 pt; all text in Unicode NFC."""
    findings: list[Finding] = []
    for locator, paragraph in typeset_paragraphs(doc):
        findings += font_findings(doc, locator, paragraph)
    findings += nfc_findings(doc)
    return findings


def font_findings(doc: Document, locator: str, paragraph: XmlElement) -> list[Finding]:
    """Font face and size of one paragraph's text runs."""
    runs = text_runs(doc, paragraph)
    faces = {fmt.font_name or "no font at all" for _, fmt in runs if not is_times(fmt.font_name)}
    # Word draws ASCII with w:ascii but Vietnamese letters (ơ, ư, ệ …) with w:hAnsi.
    vietnamese_faces = {fmt.hansi_font for _, fmt in runs if fmt.hansi_font
                        and is_times(fmt.font_name) and not is_times(fmt.hansi_font)}
    sizes = {fmt.size_pt for _, fmt in runs if not 11 <= fmt.size_pt <= 14}
    findings: list[Finding] = []
    if faces:
        findings.append(Finding(2, locator, f"Text is set in {', '.join(sorted(faces))}; "
                                f"expected {FONT}."))
    if vietnamese_faces:
        findings.append(Finding(2, locator, "Vietnamese letters (w:hAnsi) are set in "
                                f"{', '.join(sorted(vietnamese_faces))}; expected {FONT}."))
    if sizes:
        findings.append(Finding(2, locator, f"Text is set in {show_sizes(sizes)}; "
                                "expected sizes from 11 to 14 pt only."))
    return findings


def nfc_findings(doc: Document) -> list[Finding]:
    """Paragraphs in any part whose text (per w:t or joined) is not NFC."""
    findings: list[Finding] = []
    for name, root in doc.text_parts:
        for index, paragraph in enumerate(root.iter(_W_P), start=1):
            pieces = [node.text or "" for node in own_nodes(paragraph) if node.tag == _W_T]
            if all(unicodedata.is_normalized("NFC", text) for text in [*pieces, "".join(pieces)]):
                continue
            locator = (where(doc, paragraph) if paragraph in doc.numbers
                       else f"{name} paragraph {index} «{excerpt(text_of(paragraph))}»")
            findings.append(Finding(2, locator, "Text is not in Unicode NFC (precomposed) form; "
                                    "expected NFC as TCVN 6909:2001 requires."))
    return findings


# ---------------------------------------------------------------------------------------------
# Check 3: header block, Quốc hiệu, Tiêu ngữ


def header_table(section: Section) -> XmlElement | None:
    """The section's first table when it comes before the title paragraph."""
    for block in section.blocks:
        if block is section.title:
            return None
        if block.tag == _W_TBL:
            return block
    return None


def needs_number_and_date(doc: Document, section: Section) -> bool:
    """Whether the part carries Số and date: the Quyết định, or a standalone Kế hoạch."""
    return section.kind is Part.DECISION or (section.kind is Part.PLAN and not doc.has_decision)


def headed_sections(doc: Document) -> list[Section]:
    """Sections that open with a header block: the Quyết định and the Kế hoạch."""
    return [section for section in doc.sections if section.kind in (Part.DECISION, Part.PLAN)]


def check_header_block(doc: Document) -> list[Finding]:
    """Check 3: borderless two-column header block; bodies; Quốc hiệu and Tiêu ngữ."""
    findings: list[Finding] = []
    for section in headed_sections(doc):
        table = header_table(section)
        if table is None:
            findings.append(Finding(3, section.label, "No header block before the title; expected "
                                    "a borderless two-column table with the issuing body and the "
                                    "Quốc hiệu."))
            continue
        findings += header_shape_findings(doc, section, table)
        rows = rows_of(table)
        cells = cells_of(rows[0]) if rows else []
        if len(cells) >= 2:
            findings += body_findings(doc, section, cells[0])
            findings += national_title_findings(doc, section, table, cells[1])
    return findings


def header_shape_findings(doc: Document, section: Section, table: XmlElement) -> list[Finding]:
    """Borders, columns and rows of a header block."""
    findings: list[Finding] = []
    lines = table_borders(table, doc.styles)
    if lines:
        findings.append(Finding(3, f"{section.label} header block", "The header block table "
                                f"draws borders ({', '.join(sorted(set(lines)))}); expected none."))
    if column_count(table) != 2 or any(len(cells_of(row)) != 2 for row in rows_of(table)[:1]):
        findings.append(Finding(3, f"{section.label} header block", "The header block does not "
                                "have two columns; expected bodies left and Quốc hiệu right."))
    allowed = {2} if needs_number_and_date(doc, section) else {1, 2}
    if len(rows_of(table)) not in allowed:
        expected = "2 rows" if allowed == {2} else "1 or 2 rows"
        findings.append(Finding(3, f"{section.label} header block", f"The header block has "
                                f"{len(rows_of(table))} row(s); expected {expected}."))
    return findings


def body_findings(doc: Document, section: Section, cell: XmlElement) -> list[Finding]:
    """Parent and issuing body lines in the header block's top-left cell."""
    paragraphs = nonempty(cell_paragraphs(cell))
    if not paragraphs:
        return [Finding(3, f"{section.label} header block", "The top-left cell has no issuing "
                        "body; expected its name in upper case, bold.")]
    findings: list[Finding] = []
    for paragraph in paragraphs:
        findings += format_findings(doc, 3, paragraph, "The body name", upper=True)
        findings += size_findings(doc, 3, paragraph, "The body name", 12, 13)
    bold = [is_bold(doc, paragraph) for paragraph in paragraphs]
    first_bold = bold.index(True) if True in bold else None
    if first_bold is None:
        findings.append(Finding(3, where(doc, paragraphs[-1]), "The issuing body is not bold; "
                                "ND30 sets it bold (only the parent body above it is regular)."))
    else:
        findings += [Finding(3, where(doc, paragraph), "A line of the issuing body is not bold; "
                             "expected every line of the issuing body in bold.")
                     for paragraph in paragraphs[first_bold:] if not is_bold(doc, paragraph)]
        findings += [Finding(3, where(doc, paragraph), "The parent body is partly bold; "
                             "expected regular weight.")
                     for paragraph in paragraphs[:first_bold] if any_bold(doc, paragraph)]
    if not line_under(doc, cell, paragraphs[-1]):
        findings.append(Finding(3, where(doc, paragraphs[-1]), "No short line under the issuing "
                                "body; expected a bottom border on its last paragraph."))
    return findings


def line_under(doc: Document, cell: XmlElement, paragraph: XmlElement) -> bool:
    """Whether a paragraph, or the empty paragraph right after it in the cell, has a bottom rule."""
    if has_border(paragraph, "bottom", doc.styles):
        return True
    paragraphs = cell_paragraphs(cell)
    following = paragraphs[paragraphs.index(paragraph) + 1:][:1]
    return any(not ntext(p) and has_border(p, "bottom", doc.styles) for p in following)


def national_title_findings(doc: Document, section: Section, table: XmlElement,
                            cell: XmlElement) -> list[Finding]:
    """Quốc hiệu and Tiêu ngữ in the header block's top-right cell."""
    paragraphs = nonempty(cell_paragraphs(cell))
    locator = f"{section.label} header block"
    if not paragraphs or ntext(paragraphs[0]) != QUOC_HIEU:
        return [Finding(3, locator, f"The top-right cell does not start with the Quốc hiệu; "
                        f"expected «{QUOC_HIEU}».")]
    motto = paragraphs[1] if len(paragraphs) > 1 else None
    findings = quoc_hieu_findings(doc, table, cell, paragraphs[0])
    if motto is None or ntext(motto) != TIEU_NGU:
        return [*findings, Finding(3, locator, "The Quốc hiệu is not followed by the Tiêu ngữ; "
                                   f"expected «{TIEU_NGU}».")]
    findings += format_findings(doc, 3, motto, "The Tiêu ngữ", bold=True)
    findings += size_findings(doc, 3, motto, "The Tiêu ngữ", 13, 14)
    title_sizes, motto_sizes = sizes_pt(doc, paragraphs[0]), sizes_pt(doc, motto)
    if len(title_sizes) == 1 and len(motto_sizes) == 1 and (
            motto_sizes.pop() != title_sizes.pop() + 1):
        findings.append(Finding(3, where(doc, motto), "The Tiêu ngữ is not one point larger than "
                                "the Quốc hiệu; ND30 sets them 13 and 14 (or 12 and 13) pt."))
    if not line_under(doc, cell, motto):
        findings.append(Finding(3, where(doc, motto), "No line under the Tiêu ngữ; expected a "
                                "bottom border on its paragraph."))
    return findings


def quoc_hieu_findings(doc: Document, table: XmlElement, cell: XmlElement,
                       paragraph: XmlElement) -> list[Finding]:
    """Weight, size and single-line fit of the Quốc hiệu."""
    findings = format_findings(doc, 3, paragraph, "The Quốc hiệu", bold=True)
    findings += size_findings(doc, 3, paragraph, "The Quốc hiệu", 12, 13)
    if "\n" in text_of(paragraph):
        findings.append(Finding(3, where(doc, paragraph), "The Quốc hiệu contains a line break; "
                                "expected it on one line."))
    sizes = sizes_pt(doc, paragraph)
    available = text_width_twips(doc, table, cell, paragraph)
    if sizes and available is not None:
        needed = QUOC_HIEU_EMS * max(sizes) * 20
        if available < needed * 0.99:
            findings.append(Finding(3, where(doc, paragraph), "The right column leaves "
                                    f"{twips_to_mm(available):.0f} mm for the Quốc hiệu, which "
                                    f"needs about {twips_to_mm(needed):.0f} mm at "
                                    f"{max(sizes):g} pt; expected it to fit on one line."))
    return findings


def cell_width_twips(table: XmlElement, cell: XmlElement) -> float | None:
    """Width of a cell from w:tcW (dxa), else from the table grid; None when unknown."""
    width = child(cell, "tcPr", "tcW")
    if width is not None and (attr(width, "type") or "dxa") == "dxa":
        value = parse_twips(attr(width, "w"))
        if value:
            return value
    row = cell.getparent()
    grid = [parse_twips(attr(col, "w")) for col in table.findall(f"{w('tblGrid')}/{w('gridCol')}")]
    if row is None:
        return None
    start = int(attr(child(row, "trPr", "gridBefore"), "val") or 0)
    for sibling in cells_of(row):
        span = int(attr(child(sibling, "tcPr", "gridSpan"), "val") or 1)
        if sibling is cell:
            widths = grid[start:start + span]
            if len(widths) != span or any(value is None for value in widths):
                return None
            return sum(value for value in widths if value is not None)
        start += span
    return None


def text_width_twips(doc: Document, table: XmlElement, cell: XmlElement,
                     paragraph: XmlElement) -> float | None:
    """Width a paragraph's text can use inside a cell; None when the cell width is unknown."""
    width = cell_width_twips(table, cell)
    if width is None:
        return None
    return width - sum(cell_margins(cell, table, doc.styles)) - sum(indents(paragraph, doc.styles))


# ---------------------------------------------------------------------------------------------
# Check 4: Số and date line


@dataclass(frozen=True)
class DateLine:
    """A parsed place-date line; day and month are None when left blank in a draft."""

    place: str
    day: str | None
    month: str | None
    year: str

    def long_form(self) -> str:
        """'ngày 19 tháng 12 năm 2022', whitespace-normalised (blanks collapse)."""
        return norm(f"ngày {self.day or ''} tháng {self.month or ''} năm {self.year}")


def _date_part(raw: str, pattern: str) -> tuple[str | None, bool]:
    """One day/month part of a date line: (value or None when blank, whether well formed)."""
    # A filled part is ' NN ' (one space either side); a blank part is two or more spaces.
    if re.fullmatch(r" {2,}", raw):
        return None, True
    match = re.fullmatch(rf" ({pattern}) ", raw)
    return (match.group(1), True) if match else (raw.strip(), False)


def read_date_line(text: str) -> tuple[DateLine | None, list[str]]:
    """Parse '<Place>, ngày DD tháng M năm YYYY' (or its draft form) and list rule breaches."""
    match = DATE_LINE.fullmatch(text.replace("\u00a0", " ").strip())
    if match is None:
        return None, [f"«{excerpt(text)}» does not read «<Place>, ngày DD tháng M năm YYYY»"]
    problems: list[str] = []
    day, day_ok = _date_part(match["day"], r"0[1-9]|[12]\d|3[01]")
    month, month_ok = _date_part(match["month"], r"0[12]|[3-9]|1[0-2]")
    year = re.fullmatch(r" (\d{4})", match["year"])
    if not day_ok:
        problems.append(f"the day «{day}» must be two digits 01–31 (or blank in a draft)")
    if not month_ok:
        problems.append(f"the month «{month}» must be 01, 02 or 3–12 without a leading zero "
                        "(or blank in a draft)")
    if year is None:
        problems.append(f"the year «{match['year'].strip()}» must be four digits")
    if day_ok and month_ok and (day is None) != (month is None):
        problems.append("the day and month must both be filled in or both be blank")
    if not problems and day is not None and month is not None and year is not None:
        try:
            dt.date(int(year.group(1)), int(month), int(day))
        except ValueError:
            problems.append(f"{day}/{month}/{year.group(1)} is not a calendar date")
    line = DateLine(match["place"].strip(), day if day_ok else None, month if month_ok else None,
                    year.group(1) if year else match["year"].strip())
    return line, problems


def number_and_date_paragraphs(section: Section) -> tuple[XmlElement | None, XmlElement | None]:
    """The Số paragraph (row 2 left) and the date paragraph (row 2 right) of the header block."""
    table = header_table(section)
    rows = [] if table is None else rows_of(table)
    cells = cells_of(rows[1]) if len(rows) > 1 else []
    found: list[XmlElement | None] = []
    for cell in cells[:2]:
        paragraphs = nonempty(cell_paragraphs(cell))
        found.append(paragraphs[0] if paragraphs else None)
    found += [None] * (2 - len(found))
    return found[0], found[1]


def check_number_and_date(doc: Document) -> list[Finding]:
    """Check 4: the Số line's pattern and type code; the date line italic with the zero rule."""
    findings: list[Finding] = []
    for section in headed_sections(doc):
        if not needs_number_and_date(doc, section):
            continue
        number, date = number_and_date_paragraphs(section)
        code = TYPE_CODES[section.kind.value] if section.kind else "QĐ"
        if number is None:
            findings.append(Finding(4, f"{section.label} header block", "No «Số:» line in the "
                                    "header block's second row, left; expected e.g. "
                                    f"«Số: 05/{code}-UBND»."))
        else:
            findings += number_findings(doc, section, number)
        if date is None:
            findings.append(Finding(4, f"{section.label} header block", "No place-date line in "
                                    "the header block's second row, right; expected e.g. "
                                    "«Hà Giang, ngày 19 tháng 12 năm 2022»."))
        else:
            findings += date_findings(doc, date)
    return findings


def number_findings(doc: Document, section: Section, paragraph: XmlElement) -> list[Finding]:
    """The Số line against the ND30 pattern and the part's type code."""
    text = text_of(paragraph).replace("\u00a0", " ").strip()
    if not NUMBER_LINE.fullmatch(text):
        return [Finding(4, where(doc, paragraph), f"The number line «{text}» does not match "
                        "«Số: NN/TYPE-ISSUER»; expected e.g. «Số: 05/QĐ-UBND» (two digits at "
                        "least) or blanks in a draft.")]
    code = text.split("/", 1)[1].split("-", 1)[0]
    part = section.kind.value if section.kind else ""
    expected = TYPE_CODES.get(part, code)
    if code != expected:
        return [Finding(4, where(doc, paragraph), f"The number line uses the type code «{code}»; "
                        f"expected «{expected}» for a {part}.")]
    return []


def date_findings(doc: Document, paragraph: XmlElement) -> list[Finding]:
    """The place-date line: italic, well formed, zero rule."""
    findings = format_findings(doc, 4, paragraph, "The place-date line", italic=True)
    _, problems = read_date_line(text_of(paragraph))
    findings += [Finding(4, where(doc, paragraph), f"In the place-date line {problem}.")
                 for problem in problems]
    return findings


# ---------------------------------------------------------------------------------------------
# Check 5: titles and the decision's preamble


def body_paragraphs_after(section: Section, start: XmlElement | None) -> list[XmlElement]:
    """Non-empty top-level paragraphs of a section after a given one (all when start is None)."""
    paragraphs = nonempty(section.paragraphs())
    if start is None or start not in paragraphs:
        return paragraphs
    return paragraphs[paragraphs.index(start) + 1:]


def check_titles(doc: Document) -> list[Finding]:
    """Check 5: titles and summaries bold centred; the decision's preamble; attached plan's line."""
    findings: list[Finding] = []
    for section in headed_sections(doc):
        if section.title is None:
            continue
        name = "The title «QUYẾT ĐỊNH»" if section.kind is Part.DECISION else "The title «KẾ HOẠCH»"
        findings += format_findings(doc, 5, section.title, name, bold=True, centred=True)
        rest = body_paragraphs_after(section, section.title)
        summary, rest = split_summary(doc, section, rest)
        findings += summary_findings(doc, section, summary)
        if section.kind is Part.DECISION:
            findings += preamble_findings(doc, section, rest)
        elif doc.has_decision:
            findings += issued_with_findings(doc, section, rest)
    return findings


def split_summary(doc: Document, section: Section,
                  paragraphs: list[XmlElement]) -> tuple[list[XmlElement], list[XmlElement]]:
    """The summary lines right under a title, and what follows them."""
    if not paragraphs or is_upper(ntext(paragraphs[0])) or ntext(paragraphs[0]).startswith("("):
        return [], paragraphs
    count = 1
    for paragraph in paragraphs[1:]:
        text = ntext(paragraph)
        if is_upper(text) or text.startswith(("(", "Căn cứ")) or not is_centred(doc, paragraph):
            break
        count += 1
    return paragraphs[:count], paragraphs[count:]


def summary_findings(doc: Document, section: Section, summary: list[XmlElement]) -> list[Finding]:
    """The summary (trích yếu): present, bold, centred."""
    if not summary:
        return [Finding(5, section.label, "No summary (trích yếu) under the title; expected a "
                        "bold centred sentence-case line.")]
    findings: list[Finding] = []
    for paragraph in summary:
        findings += format_findings(doc, 5, paragraph, "The summary", bold=True, centred=True)
    return findings


def preamble_findings(doc: Document, section: Section,
                      paragraphs: list[XmlElement]) -> list[Finding]:
    """Authority line, Căn cứ lines, Theo đề nghị and «QUYẾT ĐỊNH:» of the decision."""
    decide = next((p for p in paragraphs if ntext(p) == "QUYẾT ĐỊNH:"), None)
    end = paragraphs.index(decide) if decide is not None else next(
        (i for i, p in enumerate(paragraphs) if ARTICLE.match(text_of(p))), len(paragraphs))
    preamble = paragraphs[:end]
    authority: list[XmlElement] = []
    for paragraph in preamble:
        if not is_upper(ntext(paragraph)):
            break
        authority.append(paragraph)
    findings: list[Finding] = []
    if not authority:
        findings.append(Finding(5, section.label, "No authority line before the legal bases; "
                                "expected e.g. «CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …» bold centred."))
    for paragraph in authority:
        findings += format_findings(doc, 5, paragraph, "The authority line", bold=True,
                                    centred=True)
    findings += grounds_findings(doc, section, preamble[len(authority):])
    if decide is None:
        findings.append(Finding(5, section.label, "No «QUYẾT ĐỊNH:» paragraph before the "
                                "articles; expected it bold and centred."))
    else:
        findings += format_findings(doc, 5, decide, "«QUYẾT ĐỊNH:»", bold=True, centred=True)
    return findings


def grounds_findings(doc: Document, section: Section,
                     paragraphs: list[XmlElement]) -> list[Finding]:
    """The «Căn cứ …;» and «Theo đề nghị …» lines."""
    findings: list[Finding] = []
    grounds = [p for p in paragraphs if ntext(p).startswith("Căn cứ")]
    if not grounds:
        findings.append(Finding(5, section.label, "The decision has no «Căn cứ …;» lines; "
                                "expected its legal bases, one per paragraph, in italics."))
    for paragraph in grounds:
        findings += format_findings(doc, 5, paragraph, "The «Căn cứ» line", italic=True)
        if not ntext(paragraph).endswith(";"):
            findings.append(Finding(5, where(doc, paragraph), "The «Căn cứ» line does not end "
                                    "with «;»; expected each legal basis to end with a semicolon."))
    for paragraph in (p for p in paragraphs if ntext(p).startswith("Theo đề nghị")):
        findings += format_findings(doc, 5, paragraph, "The «Theo đề nghị» line", italic=True)
        if not ntext(paragraph).endswith("."):
            findings.append(Finding(5, where(doc, paragraph), "The «Theo đề nghị» line does not "
                                    "end with «.»; expected a full stop."))
    return findings


def issued_with_findings(doc: Document, section: Section,
                         paragraphs: list[XmlElement]) -> list[Finding]:
    """The italic centred «(Ban hành kèm theo Quyết định …)» line under an attached plan's title."""
    line = paragraphs[0] if paragraphs else None
    if line is None or not ntext(line).startswith("(") or "kèm theo" not in ntext(line).casefold():
        return [Finding(5, section.label, "The attached Kế hoạch has no «(Ban hành kèm theo "
                        "Quyết định số … ngày … của …)» line under its summary.")]
    findings = format_findings(doc, 5, line, "The «(Ban hành kèm theo …)» line", italic=True,
                               centred=True)
    if not ntext(line).endswith(")"):
        findings.append(Finding(5, where(doc, line), "The «(Ban hành kèm theo …)» line does not "
                                "end with «)»."))
    return findings


# ---------------------------------------------------------------------------------------------
# Check 6: articles and the closing «./.»


def check_articles_and_endings(doc: Document) -> list[Finding]:
    """Check 6: «Điều n.» bold and numbered 1, 2, …; the decision and the plan end with «./.»."""
    findings: list[Finding] = []
    for section in doc.parts(Part.DECISION):
        findings += article_findings(doc, section)
        findings += closing_findings(doc, section, "The decision's last article")
    for section in doc.parts(Part.PLAN):
        findings += closing_findings(doc, section, "The plan body")
    return findings


def article_findings(doc: Document, section: Section) -> list[Finding]:
    """Numbering and bold labels of the decision's articles."""
    paragraphs = body_paragraphs_after(section, section.title)
    decide = next((p for p in paragraphs if ntext(p) == "QUYẾT ĐỊNH:"), None)
    if decide is not None:
        paragraphs = paragraphs[paragraphs.index(decide) + 1:]
    articles = [(p, match) for p in paragraphs if (match := ARTICLE.match(text_of(p)))]
    if not articles:
        return [Finding(6, section.label, "The decision has no articles; expected paragraphs "
                        "starting «Điều 1.», «Điều 2.» …")]
    findings: list[Finding] = []
    for expected, (paragraph, match) in enumerate(articles, start=1):
        if int(match.group(2)) != expected:
            findings.append(Finding(6, where(doc, paragraph), f"This article is numbered "
                                    f"{match.group(2)} where {expected} was expected; articles "
                                    "must run 1, 2, 3 … without gaps."))
        if not span_is_bold(doc, paragraph, match.span(1)):
            findings.append(Finding(6, where(doc, paragraph), f"«{norm(match.group(1))}» is not "
                                    "bold; expected the article label in bold."))
    return findings


def span_is_bold(doc: Document, paragraph: XmlElement, span: tuple[int, int]) -> bool:
    """Whether every visible character in [start, end) of the paragraph's raw text is bold."""
    owners: list[tuple[str, XmlElement | None]] = []
    for node in own_nodes(paragraph):
        piece = (node.text or "") if node.tag == _W_T else _MARKS.get(str(node.tag), "")
        run = next(iter(node.iterancestors(_W_R)), None)
        owners += [(char, run) for char in piece]
    chosen = owners[span[0]:span[1]]
    return all(char.isspace() or (run is not None and doc.run_format(run).bold)
               for char, run in chosen)


def closing_paragraph(section: Section) -> XmlElement | None:
    """Last non-empty top-level paragraph not starting «(» (notes such as «(có Phụ lục …)»)."""
    for paragraph in reversed(nonempty(section.paragraphs())):
        if not ntext(paragraph).startswith("("):
            return paragraph
    return None


def closing_findings(doc: Document, section: Section, name: str) -> list[Finding]:
    """A finding when a part's closing paragraph does not end with «./.»."""
    paragraph = closing_paragraph(section)
    if paragraph is None:
        return [Finding(6, section.label, f"{name} is missing; expected text ending with «./.».")]
    if ntext(paragraph).endswith("./."):
        return []
    return [Finding(6, where(doc, paragraph), f"{name} does not end with «./.»; it ends with "
                    f"«{ntext(paragraph)[-12:]}».")]


# ---------------------------------------------------------------------------------------------
# Checks 7 and 8: Nơi nhận and signature


def recipients_table(section: Section) -> XmlElement | None:
    """The top-level table whose first cell starts with «Nơi nhận»."""
    for table in section.tables():
        rows = rows_of(table)
        cells = cells_of(rows[0]) if rows else []
        first = nonempty(cell_paragraphs(cells[0]))[:1] if cells else []
        if first and ntext(first[0]).startswith("Nơi nhận"):
            return table
    return None


def signed_sections(doc: Document) -> list[Section]:
    """Parts that end with Nơi nhận and a signature: the decision, a standalone plan."""
    return [section for section in headed_sections(doc) if needs_number_and_date(doc, section)]


def check_recipients(doc: Document) -> list[Finding]:
    """Check 7: «Nơi nhận:» bold italic 12 pt; entries 11 pt, «- …;», last «- Lưu: VT….»."""
    findings: list[Finding] = []
    for section in doc.parts(Part.PLAN):
        if doc.has_decision and recipients_table(section) is not None:
            findings.append(Finding(7, section.label, "The attached Kế hoạch has a Nơi nhận "
                                    "block; ND30's sample gives an attached plan neither Nơi nhận "
                                    "nor signature."))
    for section in signed_sections(doc):
        table = recipients_table(section)
        if table is None:
            findings.append(Finding(7, section.label, "No Nơi nhận block; expected a borderless "
                                    "two-column table starting «Nơi nhận:»."))
            continue
        findings += recipients_shape_findings(doc, section, table)
        findings += recipient_list_findings(doc, cells_of(rows_of(table)[0])[0])
    return findings


def recipients_shape_findings(doc: Document, section: Section, table: XmlElement) -> list[Finding]:
    """Borders and columns of the Nơi nhận / signature table."""
    findings: list[Finding] = []
    lines = table_borders(table, doc.styles)
    if lines:
        findings.append(Finding(7, f"{section.label} Nơi nhận table", "The Nơi nhận table draws "
                                f"borders ({', '.join(sorted(set(lines)))}); expected none."))
    if column_count(table) != 2 or len(cells_of(rows_of(table)[0])) != 2:
        findings.append(Finding(7, f"{section.label} Nơi nhận table", "The Nơi nhận table does "
                                "not have two columns; expected Nơi nhận left, signature right."))
    return findings


def recipient_list_findings(doc: Document, cell: XmlElement) -> list[Finding]:
    """The heading and entries of the Nơi nhận list."""
    heading, *entries = nonempty(cell_paragraphs(cell))
    findings: list[Finding] = []
    if not ntext(heading).startswith("Nơi nhận:"):
        findings.append(Finding(7, where(doc, heading), "The heading is not «Nơi nhận:»."))
    findings += format_findings(doc, 7, heading, "«Nơi nhận:»", bold=True, italic=True)
    findings += size_findings(doc, 7, heading, "«Nơi nhận:»", 12, 12)
    if not entries:
        return [*findings, Finding(7, where(doc, heading), "The Nơi nhận list has no entries; "
                                   "expected «- …;» lines ending with «- Lưu: VT, ….».")]
    for index, entry in enumerate(entries):
        text = ntext(entry)
        findings += size_findings(doc, 7, entry, "The Nơi nhận entry", 11, 11)
        if not text.startswith("- "):
            findings.append(Finding(7, where(doc, entry), "The Nơi nhận entry does not start "
                                    "with «- »."))
        if index < len(entries) - 1 and not text.endswith(";"):
            findings.append(Finding(7, where(doc, entry), "The Nơi nhận entry does not end with "
                                    "«;»; every entry but the last does."))
    last = ntext(entries[-1])
    if not (last.startswith("- Lưu: VT") and last.endswith(".")):
        findings.append(Finding(7, where(doc, entries[-1]), "The last Nơi nhận entry is not "
                                "«- Lưu: VT, ….»; expected the archive line last, ending with "
                                "«.»."))
    return findings


def check_signature(doc: Document) -> list[Finding]:
    """Check 8: signature lines upper case and bold; the signer's name bold, not upper case."""
    findings: list[Finding] = []
    for section in signed_sections(doc):
        table = recipients_table(section)
        cells = cells_of(rows_of(table)[0]) if table is not None else []
        lines = nonempty(cell_paragraphs(cells[1])) if len(cells) > 1 else []
        if len(lines) < 2:
            findings.append(Finding(8, section.label, "No signature block (title lines and the "
                                    "signer's name) in the right cell of the Nơi nhận table."))
            continue
        for line in lines[:-1]:
            findings += format_findings(doc, 8, line, "The signature line", bold=True, upper=True)
        findings += format_findings(doc, 8, lines[-1], "The signer's name", bold=True)
        if is_upper(ntext(lines[-1])):
            findings.append(Finding(8, where(doc, lines[-1]), "The signer's name is all upper "
                                    "case; expected it written normally (e.g. «Nguyễn Văn A»)."))
    return findings


# ---------------------------------------------------------------------------------------------
# Check 9: parts, new pages, page numbers


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
        fields.append((attr(simple, "instr") or "", simple.findall(_W_R)))
    code: list[str] | None = None
    runs: list[XmlElement] = []
    for run in paragraph.iter(_W_R):
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


def page_field_runs(paragraph: XmlElement) -> list[XmlElement]:
    """Runs making up PAGE fields in a paragraph."""
    return [run for code, runs in field_codes(paragraph)
            if code.split()[:1] == ["PAGE"] for run in runs]


def page_field_paragraphs(root: XmlElement) -> list[XmlElement]:
    """Paragraphs of a header that hold a PAGE field."""
    return [paragraph for paragraph in root.iter(_W_P)
            if any(code.split()[:1] == ["PAGE"] for code, _ in field_codes(paragraph))]


# ---------------------------------------------------------------------------------------------
# Check 10: appendix


def roman(number: int) -> str:
    """Roman numeral of a small positive number."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


def check_appendices(doc: Document) -> list[Finding]:
    """Check 10: «Phụ lục», upper-case title, «(… kèm theo …)», repeated header row, numbering."""
    findings: list[Finding] = []
    appendices = doc.parts(Part.APPENDIX)
    for index, section in enumerate(appendices, start=1):
        findings += appendix_title_findings(doc, section)
        findings += appendix_table_findings(doc, section)
        if attr(child(section.sect_pr, "pgNumType"), "start") != "1":
            findings.append(Finding(10, section.label, "The appendix's page numbering does not "
                                    "restart at 1 (w:pgNumType w:start=\"1\")."))
        findings += appendix_numeral_findings(doc, section, index, len(appendices))
    return findings


def appendix_numeral_findings(doc: Document, section: Section, index: int,
                              count: int) -> list[Finding]:
    """With several appendices, the index-th one is titled «PHỤ LỤC <index in Roman>»."""
    if count < 2 or section.title is None:
        return []
    match = APPENDIX_TITLE.fullmatch(ntext(section.title))
    if match is not None and match["numeral"] == roman(index):
        return []
    return [Finding(10, where(doc, section.title), f"With {count} appendices this one should be "
                    f"titled «Phụ lục {roman(index)}».")]


def appendix_title_findings(doc: Document, section: Section) -> list[Finding]:
    """The lines above the appendix table: Phụ lục, title, «(… kèm theo …)»."""
    title = section.title
    if title is None:
        return []
    findings = format_findings(doc, 10, title, "«Phụ lục»", bold=True, centred=True)
    if any(block.tag == _W_TBL for block in section.blocks[:section.blocks.index(title)]):
        findings.append(Finding(10, section.label, "A table comes before «Phụ lục»; an appendix "
                                "has no header block."))
    table = first_table_after(section, title)
    stop = len(section.blocks) if table is None else section.blocks.index(table)
    between = section.blocks[section.blocks.index(title) + 1:stop]
    lines = nonempty([block for block in between if block.tag == _W_P])
    note_at = next((i for i, p in enumerate(lines) if ntext(p).startswith("(")), None)
    names = lines if note_at is None else lines[:note_at]
    if not names:
        findings.append(Finding(10, where(doc, title), "No appendix title after «Phụ lục»; "
                                "expected an upper-case bold title."))
    for paragraph in names:
        findings += format_findings(doc, 10, paragraph, "The appendix title", bold=True,
                                    centred=True, upper=True)
    if note_at is None:
        findings.append(Finding(10, where(doc, title), "No «(Kèm theo …)» line under the "
                                "appendix title; expected an italic centred line naming the "
                                "document it is attached to."))
    else:
        findings += appendix_note_findings(doc, lines[note_at])
    return findings


def first_table_after(section: Section, paragraph: XmlElement) -> XmlElement | None:
    """The first top-level table after a paragraph."""
    start = section.blocks.index(paragraph)
    return next((b for b in section.blocks[start + 1:] if b.tag == _W_TBL), None)


def appendix_note_findings(doc: Document, note: XmlElement) -> list[Finding]:
    """The «(Kèm theo …)» line: italic, centred, contains «kèm theo», ends with «)»."""
    findings = format_findings(doc, 10, note, "The «(Kèm theo …)» line", italic=True,
                               centred=True)
    text = ntext(note)
    if "kèm theo" not in text.casefold() or not text.endswith(")"):
        findings.append(Finding(10, where(doc, note), "The line under the appendix title is not "
                                "«(Kèm theo … )»; expected it to name the document it is "
                                "attached to, in parentheses."))
    return findings


def appendix_table_findings(doc: Document, section: Section) -> list[Finding]:
    """The appendix table: present, first row a repeated header row in bold."""
    table = first_table_after(section, section.title) if section.title is not None else None
    if table is None:
        return [Finding(10, section.label, "The appendix has no table after its title.")]
    rows = rows_of(table)
    if not rows:
        return [Finding(10, section.label, "The appendix table has no rows.")]
    findings: list[Finding] = []
    if not on_off(child(rows[0], "trPr", "tblHeader")):
        findings.append(Finding(10, f"{section.label} table", "The appendix table's first row is "
                                "not a repeated header row (w:tblHeader); expected it repeated "
                                "on every page."))
    for cell in cells_of(rows[0]):
        for paragraph in nonempty(cell_paragraphs(cell)):
            findings += format_findings(doc, 10, paragraph, "The appendix table's header cell",
                                        bold=True)
    return findings


# ---------------------------------------------------------------------------------------------
# Check 11: references to the decision (and to a standalone plan)


@dataclass(frozen=True)
class Reference:
    """One «(Ban hành kèm theo|Kèm theo) <type> số X ngày Y của Z)» occurrence."""

    paragraph: XmlElement
    text: str
    kind: str
    number: str
    date: str


def find_references(doc: Document) -> list[Reference]:
    """Every reference to an issued document in the body's paragraphs."""
    found: list[Reference] = []
    for paragraph in doc.body_paragraphs:
        for match in REFERENCE.finditer(ntext(paragraph)):
            found.append(Reference(paragraph, match["ref"], match["kind"],
                                   norm(match["number"]), norm(f"ngày {match['date']}")))
    return found


def issued_number_and_date(doc: Document, kind: str) -> tuple[str | None, str | None]:
    """Number (after «Số:») and long date of the part that a reference of this kind names."""
    part = Part.DECISION if kind == Part.DECISION.value else Part.PLAN
    sections = [s for s in doc.parts(part) if needs_number_and_date(doc, s)]
    if not sections:
        return None, None
    number_paragraph, date_paragraph = number_and_date_paragraphs(sections[0])
    number = None
    if number_paragraph is not None and ntext(number_paragraph).startswith("Số:"):
        number = norm(ntext(number_paragraph)[len("Số:"):])
    date = None
    if date_paragraph is not None:
        line, problems = read_date_line(text_of(date_paragraph))
        date = line.long_form() if line is not None and not problems else None
    return number, date


def check_references(doc: Document) -> list[Finding]:
    """Check 11: references to a document are one string and match its Số and date lines."""
    findings: list[Finding] = []
    references = find_references(doc)
    for kind in TYPE_CODES:
        group = [ref for ref in references if ref.kind == kind]
        if not group:
            continue
        first = group[0]
        findings += [Finding(11, where(doc, ref.paragraph), f"This reference «{ref.text}» differs "
                             f"from the first reference to the {kind} «{first.text}»; every "
                             "reference must be the same string.")
                     for ref in group[1:] if ref.text != first.text]
        number, date = issued_number_and_date(doc, kind)
        for ref in group:
            if number is not None and ref.number != number:
                findings.append(Finding(11, where(doc, ref.paragraph), f"The reference gives "
                                        f"number «{ref.number}» but the {kind}'s Số line gives "
                                        f"«{number}»; they must agree."))
            if date is not None and ref.date != date:
                findings.append(Finding(11, where(doc, ref.paragraph), f"The reference gives the "
                                        f"date «{ref.date}» but the {kind}'s date line gives "
                                        f"«{date}»; they must agree."))
    return findings


# ---------------------------------------------------------------------------------------------
# Entry point


CHECKS: tuple[tuple[int, Callable[[Document], list[Finding]]], ...] = (
    (1, check_page_setup),
    (2, check_type),
    (3, check_header_block),
    (4, check_number_and_date),
    (5, check_titles),
    (6, check_articles_and_endings),
    (7, check_recipients),
    (8, check_signature),
    (9, check_parts_and_page_numbers),
    (10, check_appendices),
    (11, check_references),
)


def run_check(number: int, check: Callable[[Document], list[Finding]],
              doc: Document) -> list[Finding]:
    """Run one check; a structure it cannot handle becomes a finding, never an exception."""
    try:
        return check(doc)
    except Exception as error:  # the caller must always get findings, never a traceback
        return [Finding(number, "document", f"Check {number} could not read this document's "
                        f"structure ({type(error).__name__}: {error}); expected the layout "
                        "described in ND30.md.")]


def check_docx(source: str | os.PathLike[str] | IO[bytes]) -> list[Finding]:
    """Run the eleven ND30 checks on a DOCX; an empty list means every check passes."""
    try:
        doc = load(source)
    except Exception as error:  # an unreadable file is itself a finding
        return [Finding(1, "document", f"The file cannot be read as a DOCX ({type(error).__name__}:"
                        f" {error}); expected a Word document.")]
    findings: list[Finding] = []
    for number, check in CHECKS:
        findings += run_check(number, check, doc)
    return findings
