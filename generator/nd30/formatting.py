"""Locators and the run-formatting tests (bold, italic, centred, sizes) the checks share."""
from __future__ import annotations

from collections.abc import Callable

from generator.nd30.effective import RunFormat, XmlElement, alignment, nearest, table_borders
from generator.nd30.model import Document, DocxSection, Finding, Location, Part, found
from generator.nd30.part_blocks import header_table
from generator.nd30.text import (
    W_P,
    W_R,
    cell_paragraphs,
    cells_of,
    excerpt,
    first_row_cells,
    is_upper,
    nonempty,
    ntext,
    own_nodes,
    rows_of,
    text_of,
)
from generator.shell.errors import N_, Message


def where(doc: Document, paragraph: XmlElement) -> Location:
    """Location of a body paragraph: its part, area, table cell, number and first words."""
    section = doc.section_of.get(paragraph)
    row = column = None
    area: str | None = None
    cell = nearest(paragraph, "tc")
    if cell is not None:
        tr = cell.getparent()
        table = None if tr is None else tr.getparent()
        if tr is not None and table is not None:
            rows, cells = rows_of(table), cells_of(tr)
            row = rows.index(tr) + 1 if tr in rows else None
            column = cells.index(cell) + 1 if cell in cells else None
        if section is not None:
            area = table_area(section, paragraph)
    return Location(section=None if section is None else section.number,
                    part=None if section is None else section.kind, area=area,
                    paragraph=doc.numbers.get(paragraph), text=excerpt(text_of(paragraph)) or None,
                    row=row, cell=column)


def table_area(section: DocxSection, paragraph: XmlElement) -> str | None:
    """The named area of the top-level table holding a paragraph, if it has one."""
    table = next((block for block in section.tables()
                  if any(p is paragraph for p in block.iter(W_P))), None)
    if table is None:
        return None
    if table is header_table(section):
        return "header-block"
    cells = first_row_cells(table)
    first = nonempty(cell_paragraphs(cells[0]))[:1] if cells else []
    if first and ntext(first[0]).startswith("Nơi nhận"):
        return "recipients-table"
    return "appendix-table" if section.kind is Part.APPENDIX else None


def text_runs(doc: Document, paragraph: XmlElement) -> list[tuple[XmlElement, RunFormat]]:
    """Runs of a paragraph that carry non-whitespace text, with their effective formatting."""
    return [(node, doc.run_format(node)) for node in own_nodes(paragraph)
            if node.tag == W_R and text_of(node).strip()]


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


def format_findings(doc: Document, rule: str, paragraph: XmlElement, element: str, *,
                    bold: bool = False, italic: bool = False, centred: bool = False,
                    upper: bool = False) -> list[Finding]:
    """Findings for a paragraph that must be bold / italic / centred / upper case.

    element is the msgid of what the paragraph is («the Quốc hiệu»).
    """
    name = Message(element)
    location = where(doc, paragraph)
    findings: list[Finding] = []
    if bold and not is_bold(doc, paragraph):
        findings.append(found(rule, location, N_("{element} is not bold"), element=name))
    if italic and not is_italic(doc, paragraph):
        findings.append(found(rule, location, N_("{element} is not in italics"), element=name))
    if centred and not is_centred(doc, paragraph):
        findings.append(found(rule, location, N_("{element} is not centred"), element=name))
    if upper and not is_upper(ntext(paragraph)):
        findings.append(found(rule, location, N_("{element} is not in upper case"), element=name))
    return findings


def size_findings(doc: Document, rule: str, paragraph: XmlElement, element: str,
                  low: float, high: float) -> list[Finding]:
    """A finding when a paragraph's text sizes fall outside [low, high] points."""
    if sizes_within(doc, paragraph, low, high):
        return []
    return [found(rule, where(doc, paragraph), N_("{element} is set in {sizes}"),
                  element=Message(element), sizes=show_sizes(sizes_pt(doc, paragraph)))]


def border_findings(doc: Document, rule: str, location: Location, table: XmlElement,
                    element: str) -> list[Finding]:
    """A finding when a layout table that ND30 draws without lines has borders."""
    lines = table_borders(table, doc.styles)
    if not lines:
        return []
    return [found(rule, location, N_("{element} draws borders ({sides})"), element=Message(element),
                  sides=", ".join(sorted(set(lines))))]
