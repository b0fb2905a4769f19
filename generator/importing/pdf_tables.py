"""A PDF page's ruled tables: ruling lines into a grid, the grid into cells with their merges.

The rulings that touch each other make one grid; its columns are the vertical rulings' places
and its rows the horizontal ones'. Where a ruling is missing between two grid cells they are
one cell: across, a cell spanning columns; down, a cell merged with the one above (continued).
Each glyph goes to the cell its centre is in, and a cell's lines become its paragraphs: a new
one where a line opens with "- ", "+ " or "•", or after a gap wider than the lines' spacing.
A table broken across pages is joined by join_tables. Pure: rulings and glyphs in, tables out.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from generator.importing.outline import Cell, Table
from generator.importing.pdf_lines import Line, lines_of, spacing
from generator.importing.pdf_page import Glyph, Ruling

TOLERANCE = 2.0  # points: rulings this close are one, and touch what they nearly reach
SAME_COLUMNS = 3.0  # points: the column boundaries of a table's part on the next page
_ITEM = ("- ", "+ ", "• ", "– ")


@dataclass(frozen=True)
class TableBlock:
    """A table on a page: where it stands, its grid's column boundaries and its cells."""

    top: float
    bottom: float
    columns: tuple[float, ...]
    table: Table


def find_tables(rulings: Sequence[Ruling],
                glyphs: Sequence[Glyph]) -> tuple[list[TableBlock], list[Glyph]]:
    """The ruled tables of a page, top to bottom, and the glyphs outside them."""
    grids = [grid for group in _groups(rulings) if (grid := _grid(group)) is not None]
    if not grids:
        return [], list(glyphs)
    inside: list[list[Glyph]] = [[] for _ in grids]
    outside: list[Glyph] = []
    boxes = [(n, xs[0], xs[-1], ys[0], ys[-1]) for n, (xs, ys, _h, _v) in enumerate(grids)]
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, glyph.baseline - 0.3 * glyph.size
        for n, left, right, top, bottom in boxes:
            if left <= x <= right and top <= y <= bottom:
                inside[n].append(glyph)
                break
        else:
            outside.append(glyph)
    blocks = [_block(grid, chars) for grid, chars in zip(grids, inside, strict=True)]
    return sorted(blocks, key=lambda b: b.top), outside


def _groups(rulings: Sequence[Ruling]) -> list[list[Ruling]]:
    """The rulings that touch one another (a grid), found by union-find."""
    parent = list(range(len(rulings)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for i, a in enumerate(rulings):
        for j in range(i + 1, len(rulings)):
            if _touch(a, rulings[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[Ruling]] = {}
    for n, ruling in enumerate(rulings):
        groups.setdefault(root(n), []).append(ruling)
    return list(groups.values())


def _touch(a: Ruling, b: Ruling) -> bool:
    if a.horizontal == b.horizontal:
        return (abs(a.pos - b.pos) <= TOLERANCE and a.start <= b.end + TOLERANCE
                and b.start <= a.end + TOLERANCE)
    return (a.start - TOLERANCE <= b.pos <= a.end + TOLERANCE
            and b.start - TOLERANCE <= a.pos <= b.end + TOLERANCE)


def _positions(values: Sequence[float]) -> list[float]:
    """Clusters of positions no more than TOLERANCE apart, each as its mean, ascending."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= TOLERANCE:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(c) / len(c) for c in out]


_Grid = tuple[list[float], list[float], list[Ruling], list[Ruling]]


def _grid(group: Sequence[Ruling]) -> _Grid | None:
    """(column xs, row ys, horizontal and vertical rulings) of a group that makes a table: at
    least two cells. A lone underline, or a box around some text, is not one."""
    across = [r for r in group if r.horizontal]
    down = [r for r in group if not r.horizontal]
    xs, ys = _positions([r.pos for r in down]), _positions([r.pos for r in across])
    if len(xs) < 2 or len(ys) < 2 or (len(xs) - 1) * (len(ys) - 1) < 2:
        return None
    return xs, ys, across, down


def _ruled(rulings: Sequence[Ruling], pos: float, at: float) -> bool:
    """Whether a ruling at POS runs through AT."""
    return any(abs(r.pos - pos) <= TOLERANCE and r.start - TOLERANCE <= at <= r.end + TOLERANCE
               for r in rulings)


def _block(grid: _Grid, glyphs: Sequence[Glyph]) -> TableBlock:
    """The table of a grid, its glyphs shared out among its cells."""
    xs, ys, across, down = grid
    rows, columns = len(ys) - 1, len(xs) - 1
    owner = {(r, c): (r, c) for r in range(rows) for c in range(columns)}

    def root(cell: tuple[int, int]) -> tuple[int, int]:
        while owner[cell] != cell:
            cell = owner[cell]
        return cell

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        a, b = root(a), root(b)
        if a != b:
            owner[max(a, b)] = min(a, b)

    for r in range(rows):
        middle = (ys[r] + ys[r + 1]) / 2
        for c in range(columns - 1):
            if not _ruled(down, xs[c + 1], middle):
                join((r, c), (r, c + 1))
    for c in range(columns):
        middle = (xs[c] + xs[c + 1]) / 2
        for r in range(rows - 1):
            if not _ruled(across, ys[r + 1], middle):
                join((r, c), (r + 1, c))
    held: dict[tuple[int, int], list[Glyph]] = {}
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, glyph.baseline - 0.3 * glyph.size
        r = min(max(bisect.bisect(ys, y) - 1, 0), rows - 1)
        c = min(max(bisect.bisect(xs, x) - 1, 0), columns - 1)
        held.setdefault(root((r, c)), []).append(glyph)
    lines = {cell: lines_of(chars) for cell, chars in held.items()}
    pitch = spacing([line for cell_lines in lines.values() for line in cell_lines])
    texts = {cell: cell_paragraphs(cell_lines, pitch) for cell, cell_lines in lines.items()}
    table_rows = []
    for r in range(rows):
        cells: list[Cell] = []
        c = 0
        while c < columns:
            top_left = root((r, c))
            span = 1
            while c + span < columns and root((r, c + span)) == top_left:
                span += 1
            continued = top_left[0] < r
            cells.append(Cell(() if continued else texts.get(top_left, ()), span, continued))
            c += span
        table_rows.append(tuple(cells))
    return TableBlock(ys[0], ys[-1], tuple(xs), Table(tuple(table_rows)))


def cell_paragraphs(lines: Sequence[Line], pitch: float = 1.15) -> tuple[str, ...]:
    """A cell's paragraphs from its lines: a new one where a line opens an item ("- ", "+ ")
    or stands further below the one before than PITCH em; wrapped lines joined."""
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        gap = previous is not None and (line.baseline - previous.baseline
                                        > (pitch + 0.2) * max(line.size, previous.size))
        if previous is None or gap or line.text.startswith(_ITEM):
            out.append(line.text)
        else:
            out[-1] = join_lines(out[-1], line.text)
        previous = line
    return tuple(out)


def join_lines(before: str, after: str) -> str:
    """Two wrapped lines as one text. A hyphen is never taken out: Word and LibreOffice do not
    hyphenate Vietnamese, so a line that ends in a hyphen joined to a word ("76/NQ-", "2021-")
    goes on without a space ("76/NQ-CP"); a spaced dash ("kinh tế -") is a word of its own
    and a space follows it as after any word ("kinh tế - xã hội"). A line broken after a
    slash ("Quý IV/" / "2027") goes on without a space too."""
    if before.endswith("/") or (before.endswith("-") and len(before) > 1
                                and not before[-2].isspace()):
        return before + after
    return f"{before} {after}"


def continues(before: TableBlock, after: TableBlock) -> bool:
    """Whether AFTER, the first thing on a page, goes on with BEFORE, the last on the page
    before: the same column boundaries."""
    return len(before.columns) == len(after.columns) and all(
        abs(a - b) <= SAME_COLUMNS for a, b in zip(before.columns, after.columns, strict=True))


def join_tables(before: Table, after: Table) -> Table:
    """One table of two parts: the header rows repeated at the top of AFTER dropped, and a row
    broken by the page (its first cell empty on the new page) joined to the row it began."""
    repeated = 0
    while (repeated < min(len(before.rows), len(after.rows))
           and after.rows[repeated] == before.rows[repeated]):
        repeated += 1
    rows = list(after.rows[repeated:])
    if rows and before.rows and _broken(before.rows[-1], rows[0]):
        rows[0] = _rejoined(before.rows[-1], rows[0])
        return Table((*before.rows[:-1], *rows))
    return Table((*before.rows, *rows))


def _broken(last: tuple[Cell, ...], first: tuple[Cell, ...]) -> bool:
    spans = [c.span for c in last] == [c.span for c in first]
    return (spans and bool(first) and not first[0].paragraphs and not first[0].continued
            and bool(last[0].paragraphs) and any(c.paragraphs for c in first))


def _rejoined(last: tuple[Cell, ...], first: tuple[Cell, ...]) -> tuple[Cell, ...]:
    out = []
    for a, b in zip(last, first, strict=True):
        texts = list(a.paragraphs)
        rest = list(b.paragraphs)
        if texts and rest and not rest[0].startswith(_ITEM):
            texts[-1] = join_lines(texts[-1], rest.pop(0))
        out.append(Cell((*texts, *rest), a.span, a.continued))
    return tuple(out)
