"""Build the Phụ lục table as WordprocessingML: columns chosen per plan, sub-rows merged."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from generator.document import nobreak
from generator.plan import vietnamese as vn

TWIPS_PER_MM = 1440 / 25.4
PORTRAIT_TEXT_MM = 165.0
LANDSCAPE_TEXT_MM = 252.0
Names = Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class Cell:
    """One table cell: its paragraphs, and whether it starts or continues a vertical merge."""

    lines: tuple[str, ...]
    merge: str = ""  # "" | "restart" | "continue"


def is_landscape(appendix: dict[str, Any]) -> bool:
    """Landscape when asked, or (auto) when the columns are wider than a portrait page."""
    orientation = str(appendix.get("orientation", "auto"))
    if orientation != "auto":
        return orientation == "landscape"
    return sum(float(c["width"]) for c in appendix["columns"]) > PORTRAIT_TEXT_MM


def column_widths(appendix: dict[str, Any], landscape: bool) -> list[int]:
    """Column widths in twips, scaled down when they do not fit the page."""
    widths = [float(c["width"]) for c in appendix["columns"]]
    room = LANDSCAPE_TEXT_MM if landscape else PORTRAIT_TEXT_MM
    scale = min(1.0, room / sum(widths))
    return [round(w * scale * TWIPS_PER_MM) for w in widths]


def _listed(items: list[str]) -> tuple[str, ...]:
    if len(items) <= 1:
        return tuple(items)
    return tuple(f"- {item}" for item in items)


def join_names(names: list[str], join: str) -> str:
    """Names in one line: 'A, B', 'A; B' or 'A, B và C'."""
    if join == "and" and len(names) > 1:
        return f"{', '.join(names[:-1])} và {names[-1]}"
    return ("; " if join == "semicolon" else ", ").join(names)


def _refs(refs: list[dict[str, Any]], names: Names, join: str) -> tuple[str, ...]:
    if join == "lines":
        return _listed([vn.capitalize_first(names(r)) for r in refs])
    return (vn.capitalize_first(join_names([names(r) for r in refs], join)),) if refs else ()


def _bodies(row: dict[str, Any], names: Names, join: str) -> tuple[str, ...]:
    parts = []
    for key, label in (("lead", "Chủ trì"), ("support", "Phối hợp")):
        if row.get(key):
            joined = join_names([names(r) for r in row[key]], join)
            parts.append(f"{label}: {vn.capitalize_first(joined)}")
    ends = [";"] * (len(parts) - 1) + ["."] if parts else []  # a row may name no body
    return tuple(f"- {p}{end}" for p, end in zip(parts, ends, strict=True))


def _time(row: dict[str, Any], year: int) -> tuple[str, ...]:
    time = row.get("time")
    if not time:
        return ()
    if "quarters" in time:
        quarters = ", ".join(vn.roman(q) for q in sorted(set(time["quarters"])))
        return (f"Quý {quarters}/{year}" if time.get("with_year", True) else f"Quý {quarters}",)
    if "lines" in time:
        return tuple(time["lines"])
    return (str(time["text"]),)


def printed(key: str, row: dict[str, Any], lines: tuple[str, ...],
            line_end: str) -> tuple[str, ...]:
    """A cell's lines with the marks of the table's style: a time cell's `- ` (`style: dash`),
    and `;` after each `- ` line of a list cell and `.` after its last (`line_end: semicolon`)."""
    if key == "time" and row.get("time", {}).get("style") == "dash":
        return tuple(f"- {line}" for line in lines)
    if line_end != "semicolon" or len(lines) < 2 or not lines[0].startswith("- "):
        return lines
    ends = [";"] * (len(lines) - 1) + ["."]
    return tuple(_ended(line, end) for line, end in zip(lines, ends, strict=True))


def _ended(line: str, end: str) -> str:
    # An officer may have typed the ';' already; a final '.' may close an abbreviation (v.v.).
    line = line.rstrip(";")
    return line if end == "." and line.endswith(".") else line + end


def column_join(column: dict[str, Any], appendix: dict[str, Any]) -> str:
    """How a cell with several bodies joins them: the column's choice, else the appendix's."""
    default = "semicolon" if column["key"] == "bodies" else "lines"
    join = str(column.get("join", appendix.get("join", default)))
    # One cell for both roles is already a line per role: its names go inline.
    return default if column["key"] == "bodies" and join == "lines" else join


def cell_lines(key: str, row: dict[str, Any], names: Names, year: int,
               join: str = "lines") -> tuple[str, ...]:
    """The paragraphs of one cell of a row (number cells are made by the caller); join is the
    column's, unless the row's `joins` chooses another for this cell."""
    chosen = row.get("joins", {}).get(key)
    if chosen is not None:
        # As column_join: in a bodies cell the roles are already one line each.
        join = "semicolon" if key == "bodies" and chosen == "lines" else str(chosen)
    if key == "content":
        return (row["content"],)
    if key in ("form", "product", "note"):
        return _listed(row.get(key, []))
    if key in ("lead", "support"):
        return _refs(row.get(key, []), names, join)
    if key == "bodies":
        return _bodies(row, names, join)
    if key == "time":
        return _time(row, year)
    return ()


def _has(key: str, row: dict[str, Any]) -> bool:
    if key == "bodies":
        return bool(row.get("lead") or row.get("support"))
    return bool(row.get(key))


def grid(appendix: dict[str, Any], names: Names, year: int) -> list[list[Cell]]:
    """Every body row of the table as cells, sub-rows merged with their parent's shared cells."""
    columns = [(c["key"], column_join(c, appendix), str(c.get("line_end", "none")))
               for c in appendix["columns"]]
    width = appendix.get("number_width", 1)
    rows: list[list[Cell]] = []
    for index, row in enumerate(appendix["rows"], start=1):
        number = f"{index:0{width}d}"
        subs = row.get("rows", [])
        rows.append(_row_cells(columns, row, number, names, year, merges=bool(subs),
                               parent=None))
        for sub_index, sub in enumerate(subs, start=1):
            rows.append(_row_cells(columns, sub, f"{number}.{sub_index}", names, year,
                                   merges=False, parent=(row, rows[-1])))
    return rows


def _row_cells(columns: list[tuple[str, str, str]], row: dict[str, Any], number: str,
               names: Names, year: int, *, merges: bool,
               parent: tuple[dict[str, Any], list[Cell]] | None) -> list[Cell]:
    cells = []
    for index, (key, join, line_end) in enumerate(columns):
        if key == "number":
            cells.append(Cell((number,)))
        elif parent is not None and not _has(key, row) and _has(key, parent[0]):
            above = parent[1][index]
            if above.merge:
                cells.append(Cell((), "continue"))
            else:
                lines = cell_lines(key, parent[0], names, year, join)
                cells.append(Cell(printed(key, parent[0], lines, line_end)))
        else:
            merge = "restart" if merges and key not in ("content",) and _has(key, row) else ""
            lines = cell_lines(key, row, names, year, join)
            cells.append(Cell(printed(key, row, lines, line_end), merge))
    return cells


# docxtpl rewrites '{_{' and friends in its output; character references keep text literal.
_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def xml_literal(text: str) -> str:
    """Text for the inside of a run's <w:t>, shown as it is: escaped, braces too."""
    return escape(text, quote=False).translate(_BRACES)


def xml_text(text: str) -> str:
    """Text for the inside of a run's <w:t>: escaped (braces too); symbols, dates and
    quantities made unbreakable (generator/document/nobreak.py: U+2011 and U+00A0)."""
    return xml_literal(nobreak.mark(text))


def _paragraph(text: str, style: str) -> str:
    return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r>'
            f'<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r></w:p>')


def _cell(cell: Cell, width: int, style: str) -> str:
    merge = ""
    if cell.merge == "restart":
        merge = '<w:vMerge w:val="restart"/>'
    elif cell.merge == "continue":
        merge = "<w:vMerge/>"
    body = "".join(_paragraph(line, style) for line in cell.lines) or _paragraph("", style)
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{merge}</w:tcPr>{body}</w:tc>')


def table_xml(appendix: dict[str, Any], names: Names, year: int, landscape: bool) -> str:
    """The whole table as a <w:tbl> element; its header row repeats on every page."""
    widths = column_widths(appendix, landscape)
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(b) for b in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    head = "".join(_cell(Cell((c["header"],)), w, "PlangenTableHeader")
                   for c, w in zip(appendix["columns"], widths, strict=True))
    body = "".join(
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(_cell(cell, w, _style(key))
                  for cell, w, key in zip(row, widths, _keys(appendix), strict=True))
        + "</w:tr>"
        for row in grid(appendix, names, year))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr><w:tblGrid>"
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
            + "</w:tblGrid>"
            + f'<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{head}</w:tr>'
            + body + "</w:tbl>")


def _keys(appendix: dict[str, Any]) -> list[str]:
    return [c["key"] for c in appendix["columns"]]


def _style(key: str) -> str:
    return "PlangenTableCenter" if key in ("number", "time") else "PlangenTableText"
