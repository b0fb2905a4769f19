"""A PDF's lines and tables into paragraphs, in reading order, two-column blocks one column first.

A page is read top to bottom. Where lines stand side by side with a clear gap between them, and
no line crosses that gap (ND30's header: the issuing body left, the motto right; "Số: …" and the
place and date; Nơi nhận and the signer), the block is read as two columns, the left one first,
and each of its lines is a paragraph of its own (a lower-case line goes on with the one above).

Elsewhere a line goes on with the paragraph above it unless it opens a new one: it begins with
a numbering mark (I., 1., a), -, +, Điều 1.), is in another font size, stands below a gap wider
than the document's line spacing, is indented further than the line above, or the line above
ended a sentence short of the right margin or left room for this line's first word (so the
break was not a wrap). A line that begins in lower case after one that did not end a sentence
always goes on. A paragraph goes on over a page break the same way. Pure: lines in, paragraphs
out.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.importing.outline import Paragraph, mark_of, paragraph_of
from generator.importing.pdf_lines import Line, overlaps, spacing
from generator.importing.pdf_tables import TableBlock, continues, join_lines, join_tables

_ENDED = re.compile(r"[.;:!?…]\)?[\"”»]?$")
ROW_GAP = 0.8  # em: rows further apart than this are not one two-column block
INDENT = 0.5  # em: a line starting further right than the line above is indented


@dataclass(frozen=True)
class Block:
    """One thing on a page: a line, a two-column block's lines (left column first), a table."""

    top: float
    lines: tuple[Line, ...] = ()
    columns: bool = False
    table: TableBlock | None = None


@dataclass(frozen=True)
class _Margins:
    left: float
    right: float


def page_blocks(lines: Sequence[Line], tables: Sequence[TableBlock]) -> list[Block]:
    """A page's lines and tables as blocks, top to bottom."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.baseline, ln.x0)):
        if rows and any(overlaps(line, other) for other in rows[-1]):
            rows[-1].append(line)
        else:
            rows.append([line])
    blocks = [Block(t.top, table=t) for t in tables]
    index = 0
    while index < len(rows):
        band, index = _band(rows, index)
        if band:
            blocks.append(band)
        else:
            blocks.extend(Block(line.top, (line,)) for line in sorted(rows[index - 1],
                                                                      key=lambda ln: ln.x0))
    return sorted(blocks, key=lambda b: b.top)


def _gap(row: Sequence[Line]) -> tuple[float, float] | None:
    """The widest gap between the lines of a row, if it has two lines side by side."""
    ordered = sorted(row, key=lambda ln: ln.x0)
    gaps = [(a.x1, b.x0) for a, b in itertools.pairwise(ordered)
            if b.x0 - a.x1 >= INDENT * max(a.size, b.size)]
    return max(gaps, key=lambda g: g[1] - g[0]) if gaps else None


def _side(line: Line, low: float, high: float) -> int:
    """-1 for a line left of the gap (low, high), 1 for one right of it, 0 if it crosses it."""
    if line.x1 <= high and (line.x0 < low or (line.x0 + line.x1) / 2 < (low + high) / 2):
        return -1
    return 1 if line.x0 >= low else 0


def _band(rows: Sequence[Sequence[Line]], start: int) -> tuple[Block | None, int]:
    """The two-column block that begins at row START, and the row after it; (None, START + 1)
    when that row is not two lines side by side."""
    gap = _gap(rows[start])
    if gap is None:
        return None, start + 1
    low, high = gap
    end = start + 1
    while end < len(rows):
        row, above = rows[end], rows[end - 1]
        size = max(ln.size for ln in (*row, *above))
        if min(ln.top for ln in row) - max(ln.bottom for ln in above) > ROW_GAP * size:
            break
        more = _gap(row) if len(row) > 1 else None
        if more is not None and max(low, more[0]) < min(high, more[1]):
            low, high = max(low, more[0]), min(high, more[1])
        elif any(_side(line, low, high) == 0 for line in row):
            break
        end += 1
    lines = [line for row in rows[start:end] for line in row]
    left = [line for line in lines if _side(line, low, high) < 0]
    right = [line for line in lines if _side(line, low, high) > 0]
    return Block(min(ln.top for ln in lines), (*left, *right), columns=True), end


def paragraphs(pages: Sequence[Sequence[Block]], widths: Sequence[float]) -> list[Paragraph]:
    """The paragraphs of a document's pages of blocks (PAGES[0] is page 1)."""
    margins = _margins(pages, widths)
    pitch = spacing([b.lines[0] for page in pages for b in page if b.lines and not b.columns])
    out: list[Paragraph] = []
    current: list[Line] = []
    start_page = 0
    carried: TableBlock | None = None  # the table that ended the page before, as last printed

    def flush() -> None:
        if current:
            out.append(_paragraph(current, start_page))
            current.clear()

    for number, blocks in enumerate(pages, start=1):
        margin = margins[round(widths[number - 1])]
        for position, block in enumerate(blocks):
            if block.table is not None:
                flush()
                last = out[-1].table if out else None
                if position == 0 and carried is not None and last is not None and continues(
                        carried, block.table):
                    out[-1] = Paragraph(None, "", "", out[-1].line,
                                        table=join_tables(last, block.table.table))
                else:
                    out.append(Paragraph(None, "", "", number, table=block.table.table))
                carried = block.table
                continue
            carried = None
            if block.columns:
                flush()
                out.extend(_column_paragraphs(block.lines, number, pitch))
                continue
            line = block.lines[0]
            turned = position == 0 and number > 1 and round(widths[number - 2]) != round(
                widths[number - 1])  # from a portrait page to a landscape one: a new part
            if current and not turned and _goes_on_with(current[-1], line, margin, pitch,
                                                        new_page=position == 0):
                current.append(line)
                continue
            flush()
            current.append(line)
            start_page = number
    flush()
    return out


def _margins(pages: Sequence[Sequence[Block]], widths: Sequence[float]) -> dict[int, _Margins]:
    """The left and right margins of the text on the pages of each width: the leftmost and
    rightmost edges that at least three lines share (when no three lines end alike, the right
    margin is as wide as the left one, or the longest line's end if that is further)."""
    starts: dict[int, list[float]] = {}
    ends: dict[int, list[float]] = {}
    for blocks, width in zip(pages, widths, strict=True):
        for block in blocks:
            if block.lines and not block.columns:
                starts.setdefault(round(width), []).append(block.lines[0].x0)
                ends.setdefault(round(width), []).append(block.lines[0].x1)
    out = {}
    for width in {round(w) for w in widths}:
        left = _shared(starts.get(width, [0.0]), rightmost=False)
        right = _shared(ends.get(width, []), rightmost=True)
        out[width] = _Margins(left, right or max(width - left, *ends.get(width, [0.0])))
    return out


def _shared(values: Sequence[float], rightmost: bool) -> float:
    """The leftmost (rightmost) of the edges that three lines share; else the leftmost edge
    for a left margin, and 0 (not known) for a right one."""
    common = Counter(round(v) for v in values)
    shared = [v for v in values if common[round(v)] >= 3]
    if rightmost:
        return max(shared, default=0.0)
    return min(shared or values)


def _goes_on_with(above: Line, line: Line, margin: _Margins, pitch: float,
                  new_page: bool) -> bool:
    """Whether LINE goes on with the paragraph whose last line is ABOVE."""
    size = max(above.size, line.size)
    if abs(above.size - line.size) > 0.6:
        return False
    if not new_page and line.baseline - above.baseline > (pitch + 0.25) * size:
        return False
    ended = bool(_ENDED.search(above.text))
    level = mark_of(line.text)[0]
    if level is not None and not (level == "dash" and _wrapped_dash(line.text) and not ended):
        return False
    lower = line.text[:1].islower() or line.text[:1].isdigit() or (
        line.text[:1] == "(" and line.text[1:2].islower())
    if lower and not ended and level is None:
        return True
    if above.italic != line.italic or (above.bold == above.text) != (line.bold == line.text):
        return False
    width = margin.right - margin.left
    centred = _centred(line, margin) and _centred(above, margin, wide=True)
    if centred and line.text[:1] == "(":  # "(Ban hành kèm theo …)" under a title
        return False
    if not centred and line.x0 > above.x0 + INDENT * size:
        return False
    room = width - (above.x1 - above.x0) if centred else margin.right - above.x1
    if ended and room > size:  # ND30 justifies: a line within a paragraph reaches the margin
        return False
    if centred:
        return room < max(line.first_word + size, 0.25 * width) and not ended
    return room < line.first_word + 0.5 * size


def _wrapped_dash(text: str) -> bool:
    """A dash that goes on from the line above ("kinh tế" / "- xã hội"): lower case after it."""
    rest = text[1:].lstrip()
    return text[:1] in "-–" and rest[:1].islower()


def _centred(line: Line, margin: _Margins, wide: bool = False) -> bool:
    """Whether a line is centred between the margins (and, unless WIDE, clearly narrower)."""
    middle = (margin.left + margin.right) / 2
    return (abs((line.x0 + line.x1) / 2 - middle) <= line.size
            and (wide or line.x0 > margin.left + line.size))


def _column_paragraphs(lines: Sequence[Line], page: int, pitch: float) -> list[Paragraph]:
    """A two-column block's lines as paragraphs, one a line; a line without a mark after one
    that did not end a sentence goes on with it if it is in lower case or that one is a "- "
    item (a wrapped Nơi nhận item)."""
    groups: list[list[Line]] = []
    for line in lines:
        last = groups[-1][-1] if groups else None
        if (last is not None and line.top > last.top and line.x0 < last.x1 and last.x0 < line.x1
                and line.baseline - last.baseline <= (pitch + 0.25) * line.size
                and mark_of(line.text)[0] is None and not _ENDED.search(last.text)
                and (line.text[:1].islower() or mark_of(groups[-1][0].text)[0] == "dash")):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [_paragraph(group, page) for group in groups]


def _paragraph(lines: Sequence[Line], page: int) -> Paragraph:
    """A paragraph of lines: wrapped lines joined, its bold start and whether it is italic."""
    text = lines[0].text
    for line in lines[1:]:
        text = join_lines(text, line.text)
    bold = ""
    for line in lines:
        if not line.bold:
            break
        bold = join_lines(bold, line.bold) if bold else line.bold
        if line.bold != line.text:
            break
    return paragraph_of(text, page, bold, all(line.italic for line in lines))
