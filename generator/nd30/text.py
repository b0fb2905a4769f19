"""Text, element tags and table navigation of WordprocessingML paragraphs and tables."""
from __future__ import annotations

from collections.abc import Iterator

from generator.nd30.effective import XmlElement, attr, child, w

W_P, W_R, W_T, W_TBL, W_TR, W_TC = (w(t) for t in ("p", "r", "t", "tbl", "tr", "tc"))
W_SECTPR = w("sectPr")
_TRANSPARENT = {w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")}
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SKIPPED = {w("txbxContent"), f"{{{_MARKUP_COMPATIBILITY}}}Fallback"}
# Non-breaking hyphen and no-break space read as the hyphen and the space they show.
AS_READ = str.maketrans({"\u2011": "-", "\u00a0": " "})
MARK_CHARS = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}


def own_nodes(element: XmlElement) -> Iterator[XmlElement]:
    """Descendants of a paragraph that belong to it (not to text boxes nested in it)."""
    for node in element:
        if not isinstance(node.tag, str) or node.tag in _SKIPPED:
            continue
        yield node
        yield from own_nodes(node)


def text_of(element: XmlElement) -> str:
    """Raw text of a paragraph or run: w:t contents, tabs and breaks as \\t and \\n.

    A non-breaking hyphen (w:noBreakHyphen, U+2011) reads as "-", a no-break space as a space.
    """
    parts: list[str] = []
    for node in own_nodes(element):
        if node.tag == W_T:
            parts.append((node.text or "").translate(AS_READ))
        elif node.tag in MARK_CHARS:
            parts.append(MARK_CHARS[str(node.tag)])
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
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + " …"


def block_children(container: XmlElement) -> Iterator[XmlElement]:
    """Paragraphs and tables directly in a body, cell or content control, in order."""
    for node in container:
        if node.tag in (W_P, W_TBL, W_SECTPR):
            yield node
        elif node.tag in _TRANSPARENT:
            yield from block_children(node)


def cell_paragraphs(cell: XmlElement) -> list[XmlElement]:
    """Paragraphs directly in a table cell."""
    return [node for node in block_children(cell) if node.tag == W_P]


def nonempty(paragraphs: list[XmlElement]) -> list[XmlElement]:
    """The paragraphs that have visible text."""
    return [paragraph for paragraph in paragraphs if ntext(paragraph)]


def rows_of(table: XmlElement) -> list[XmlElement]:
    """Rows of a table."""
    return table.findall(W_TR)


def cells_of(row: XmlElement) -> list[XmlElement]:
    """Cells of a row."""
    return row.findall(W_TC)


def first_row_cells(table: XmlElement) -> list[XmlElement]:
    """Cells of a table's first row; none when the table has no rows."""
    rows = rows_of(table)
    return cells_of(rows[0]) if rows else []


def column_count(table: XmlElement) -> int:
    """Number of grid columns of a table."""
    grid = table.findall(f"{w('tblGrid')}/{w('gridCol')}")
    if grid:
        return len(grid)
    spans = [sum(int(attr(child(cell, "tcPr", "gridSpan"), "val") or 1) for cell in cells_of(row))
             for row in rows_of(table)]
    return max(spans, default=0)
