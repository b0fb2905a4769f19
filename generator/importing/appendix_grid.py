"""A Phụ lục table laid on its columns: header words to column keys, spans, page-split rows."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from generator.importing.outline import Cell, Table
from generator.shell.errors import Message

# Default widths (mm) by column key, as the examples set them; a DOCX gives its own (w:gridCol).
WIDTHS: dict[str, float] = {"number": 12, "content": 80, "form": 45, "lead": 40, "support": 42,
                            "bodies": 60, "time": 28, "product": 36, "note": 30}
# Header words, tried in this order ("Thời gian thực hiện" is a time, "Đơn vị chủ trì" a lead).
_HEADER_KEYS = (
    ("number", re.compile(r"^(?:số\s*)?(?:s?tt|thứ tự)\.?$")),
    ("time", re.compile(r"\b(?:thời gian|thời hạn|tiến độ|thời điểm)\b")),
    ("lead", re.compile(r"\bchủ trì\b")),
    ("support", re.compile(r"\bphối hợp\b")),
    ("product", re.compile(r"\b(?:sản phẩm|kết quả)\b")),
    ("form", re.compile(r"\b(?:hình thức|phương thức|cách thức)\b")),
    ("note", re.compile(r"\bghi chú\b")),
    ("content", re.compile(r"\b(?:nội dung|nhiệm vụ|công việc|hoạt động|tên)\b")),
    ("bodies", re.compile(r"\b(?:cơ quan|đơn vị|thực hiện|trách nhiệm|phân công)\b")),
)
# "- Chủ trì:", "- Phối hợp" (a dash, or a colon after it, makes it a label); "Chỉ trì" is a typo.
_ROLE = r"[Cc]h[ủỉ] trì|[Pp]hối hợp"
ROLE_LABEL = re.compile(rf"(?:^|(?<=\s))(?:-\s*(?P<a>{_ROLE})\b\s*:?|(?P<b>{_ROLE})\s*:)\s*")
_TIME_LIKE = re.compile(r"\b(?:quý|tháng|năm|ngày|tuần|thường xuyên|hằng|hàng|định kỳ|trước)\b"
                        r"|\d{1,2}/\d{4}", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")


@dataclass(frozen=True)
class Column:
    """One column of the table read: its key (None: no place in plangen's table), header, width."""

    key: str | None
    header: str
    width: float


@dataclass
class Grid:
    """The table on its columns: each body row with its number in the source table (1-based, the
    header row 1) and one cell per column; what was guessed or left out on the way."""

    columns: list[Column]
    rows: list[tuple[int, list[Cell]]]
    notes: list[tuple[int, Message]] = field(default_factory=list)


def clean(text: str) -> str:
    """A paragraph as compared: NFC, U+2011 as '-', runs of spaces as one, no space at the ends."""
    text = unicodedata.normalize("NFC", text).replace("\u2011", "-")
    return _SPACES.sub(" ", text).strip()


def paragraphs_of(cell: Cell) -> list[str]:
    """A cell's non-empty paragraphs, cleaned."""
    return [p for p in (clean(p) for p in cell.paragraphs) if p]


def text_of(cell: Cell) -> str:
    return " ".join(paragraphs_of(cell))


def lay_out(table: Table, widths: list[float] | None) -> Grid:
    """The table's columns (keys from the header words) and body rows, one cell per column."""
    placed = [_placed(row) for row in table.rows]
    if not placed:
        return Grid([], [], [(0, Message("the appendix table is empty"))])
    grid = Grid([], [])
    head = 2 if _two_row_header(placed) else 1
    spans, headers = _header(placed[:head], grid)
    body = [(index, _on_columns(cells, spans, index, headers, grid))
            for index, cells in enumerate(placed[head:], start=head + 1)]
    # A header repeated on a page of the source, a row with nothing in it: nothing to print.
    body = [(i, cells) for i, cells in body if [text_of(c) for c in cells] != headers
            and any(text_of(c) or c.continued for c in cells)]
    if body and _column_numbers([text_of(c) for c in body[0][1]]):
        grid.notes.append((body[0][0], Message("the row of column numbers under the header is "
                                               "not printed")))
        body = body[1:]
    keys = _keys(headers, body, grid)
    mm = _widths(spans, keys, widths, grid)
    grid.columns = [Column(k, h, w) for k, h, w in zip(keys, headers, mm, strict=True)]
    grid.rows = _rejoined(body, keys, grid)
    return grid


def _placed(row: tuple[Cell, ...]) -> list[tuple[int, Cell]]:
    """Each cell with the first grid column it covers."""
    out, start = [], 0
    for cell in row:
        out.append((start, cell))
        start += max(cell.span, 1)
    return out


def _two_row_header(rows: list[list[tuple[int, Cell]]]) -> bool:
    """A header of two rows: a cell above spanning the cells that name its columns below
    ('Cơ quan thực hiện' over 'Chủ trì' | 'Phối hợp'), the other cells merged down."""
    if len(rows) < 3:
        return False
    wide = [(start, cell.span) for start, cell in rows[0] if cell.span > 1]
    if not wide:
        return False
    for start, cell in rows[1]:
        under = any(s <= start < s + n for s, n in wide)
        named = bool(text_of(cell)) and not cell.continued
        if under != named or (named and re.fullmatch(r"[\d.()]+", text_of(cell))):
            return False
    return True


def _header(rows: list[list[tuple[int, Cell]]], grid: Grid) -> tuple[list[tuple[int, int]],
                                                                        list[str]]:
    """(first grid column, span) and header text of every column."""
    spans: list[tuple[int, int]] = []
    headers: list[str] = []
    for start, cell in rows[0]:
        below = [(s, c) for s, c in rows[1] if start <= s < start + cell.span] if len(rows) > 1 \
            else []
        if cell.span > 1 and below:
            grid.notes.append((1, Message("the header «{text}» over several columns is not "
                                          "printed", {"text": text_of(cell)})))
            spans += [(s, c.span) for s, c in below]
            headers += [text_of(c) for _s, c in below]
        else:
            spans.append((start, cell.span))
            headers.append(text_of(cell))
    return spans, headers


def _on_columns(cells: list[tuple[int, Cell]], spans: list[tuple[int, int]], index: int,
                headers: list[str], grid: Grid) -> list[Cell]:
    """A body row's cells, one per column: a cell under a column's first grid column is its,
    two in one column are read as one, a column a wider cell covers is empty."""
    out = []
    for column, (start, span) in enumerate(spans):
        mine = [c for s, c in cells if start <= s < start + span]
        for s, c in cells:
            if start <= s < start + span and s + c.span > start + span:
                grid.notes.append((index, Message(
                    "a cell spans several columns: it is read as the column «{header}»",
                    {"header": headers[column]})))
        if not mine:
            out.append(Cell(()))
            continue
        paragraphs = tuple(p for c in mine for p in c.paragraphs)
        out.append(Cell(paragraphs, 1, all(c.continued for c in mine)))
    end = spans[-1][0] + spans[-1][1] if spans else 0
    beyond = tuple(p for s, c in cells if s >= end for p in c.paragraphs if clean(p))
    if beyond and out:
        grid.notes.append((index, Message("the row has more cells than the header: the last "
                                          "are read as the column «{header}»",
                                          {"header": headers[-1]})))
        out[-1] = Cell((*out[-1].paragraphs, *beyond), 1, False)
    return out


def _column_numbers(texts: list[str]) -> bool:
    """A row numbering the columns: 1, 2, 3 … or (1), (2), (3) …"""
    return len(texts) >= 3 and all(t.strip("()") == str(i) for i, t in enumerate(texts, 1))


def header_key(header: str) -> str | None:
    """The column key a header's words name, None when they name none."""
    words = clean(header).lower()
    for key, pattern in _HEADER_KEYS:
        if pattern.search(words):
            return key
    return None


def _keys(headers: list[str], body: list[tuple[int, list[Cell]]], grid: Grid) -> list[str | None]:
    """The key of every column: by its header, else guessed from its cells; each key once."""
    keys: list[str | None] = []
    for column, header in enumerate(headers):
        texts = [text_of(cells[column]) for _i, cells in body if text_of(cells[column])]
        labelled = any(ROLE_LABEL.search(t) for t in texts)
        key = header_key(header)
        if key == "bodies" and not labelled:
            key = "lead" if "lead" not in keys else None
            if key is not None:
                grid.notes.append((0, Message("the column «{header}» names no «Chủ trì:» or "
                                              "«Phối hợp:»: read as the lead bodies",
                                              {"header": header})))
        if key is None or key in keys:
            key = _guess(texts, labelled, keys)
            grid.notes.append((0, Message("the column «{header}» is not one plangen knows: read "
                                          "as «{key}»", {"header": header, "key": key})
                               if key else
                               Message("the column «{header}» has no place in plangen's table: "
                                       "its cells are kept in each row's note",
                                       {"header": header})))
        keys.append(key)
    if "content" not in keys:
        grid.notes.append((0, Message("the table has no content column: each row's content is "
                                      "taken from its first cell")))
    return keys


def _guess(texts: list[str], labelled: bool, taken: list[str | None]) -> str | None:
    timely = bool(texts) and sum(bool(_TIME_LIKE.search(t)) for t in texts) * 2 > len(texts)
    wished = ("bodies",) if labelled else ("time",) if timely else ()
    return next((k for k in (*wished, "note", "product", "form") if k not in taken), None)


def _widths(spans: list[tuple[int, int]], keys: list[str | None], widths: list[float] | None,
            grid: Grid) -> list[float]:
    """Each column's width in mm: the source's when it gives one per grid column, else WIDTHS."""
    count = sum(span for _s, span in spans)
    if widths is not None and len(widths) != count:
        grid.notes.append((0, Message("the table gives {given} column widths for {count} "
                                      "columns: default widths are used",
                                      {"given": len(widths), "count": count})))
        widths = None
    if widths is None:
        return [WIDTHS.get(k or "note", 30) for k in keys]
    return [_mm(sum(widths[s:s + n])) for s, n in spans]


def _mm(width: float) -> float:
    width = min(max(width, 5.0), 280.0)
    return float(round(width)) if abs(width - round(width)) < 0.05 else round(width, 1)


def _rejoined(body: list[tuple[int, list[Cell]]], keys: list[str | None],
              grid: Grid) -> list[tuple[int, list[Cell]]]:
    """Rows again whole: a row without a number whose content goes on in lower case (or is
    empty), nothing merged, is the rest of the row above, cut by a page of the source."""
    if "number" not in keys:
        return body
    number = keys.index("number")
    content = keys.index("content") if "content" in keys else None
    out: list[tuple[int, list[Cell]]] = []
    for index, cells in body:
        rest = text_of(cells[content]) if content is not None else ""
        if (out and not text_of(cells[number]) and not any(c.continued for c in cells)
                and (not rest or rest[:1].islower())):
            grid.notes.append((index, Message("the row without a number is read as the rest of "
                                              "the row above")))
            out[-1] = (out[-1][0], [_joined(a, b) for a, b in zip(out[-1][1], cells,
                                                                   strict=True)])
        else:
            out.append((index, cells))
    return out


def _joined(above: Cell, below: Cell) -> Cell:
    top, bottom = paragraphs_of(above), paragraphs_of(below)
    if not top or not bottom:
        return Cell(tuple(top + bottom), above.span, above.continued)
    return Cell((*top[:-1], f"{top[-1]} {bottom[0]}", *bottom[1:]), above.span, above.continued)
