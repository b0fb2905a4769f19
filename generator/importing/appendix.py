"""A Phụ lục read back: its heading and table into the YAML `appendix` that prints the same text."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from generator.document import appendix_table as printer
from generator.importing import appendix_cells as cells
from generator.importing.appendix_cells import ALL_JOINS, INLINE_JOINS, Bodies
from generator.importing.appendix_grid import Grid, lay_out, paragraphs_of, text_of
from generator.importing.appendix_heading import read_heading
from generator.importing.outline import Cell, Table
from generator.importing.slugs import word_id
from generator.plan.shorthand import expand
from generator.shell.errors import Message

_TEXTS = ("form", "product", "note")
_ROLES = ("lead", "support")
_ORDER = ("form", "lead", "support", "time", "product", "note")
_SUB_NUMBER = re.compile(r"\d+\.\d+\.?")


class BodyNames(Protocol):
    """The bodies the import knows (the lead's registry)."""

    def split(self, text: str) -> list[str]:
        """A text naming one or more bodies cut into names; knows names with commas."""
        ...

    def ref(self, name: str) -> Any:
        """The YAML ref (an id, or {"body": id, "label": text}) that prints exactly NAME."""
        ...


@dataclass
class AppendixRead:
    """The appendix mapping read, and the checklist: (row of the table, 1-based, the header
    row 1; 0 for the table as a whole) with what was guessed or does not print back."""

    appendix: dict[str, Any]
    notes: list[tuple[int, Message]] = field(default_factory=list)


@dataclass
class _Row:
    line: int
    number: str
    values: dict[str, Any] = field(default_factory=dict)  # lead, support: Bodies
    joins: dict[str, frozenset[str]] = field(default_factory=dict)  # what prints each cell
    chosen: dict[str, str] = field(default_factory=dict)  # the row's own joins
    merged: set[str] = field(default_factory=set)  # keys merged with the cell above
    subs: list[_Row] = field(default_factory=list)


def read_appendix(heading: list[str], table: Table, names: BodyNames, *, year: int,
                  reference: str | None, widths: list[float] | None = None) -> AppendixRead:
    """The appendix mapping of a Phụ lục: HEADING, the paragraphs above its TABLE; REFERENCE,
    the «(Kèm theo …)» line plangen would print (None: unknown); WIDTHS, the table's grid columns
    in mm when the source gives them."""
    head, notes = read_heading(heading, reference)
    grid = lay_out(table, widths)
    notes += grid.notes
    line_ends = {c.key: _line_end(grid, i) for i, c in enumerate(grid.columns)
                 if c.key is not None and c.key in (*_TEXTS, *_ROLES)}
    rows, joins, row_notes = _read(grid, names, year, line_ends)
    if any(line_ends.get(k) == "semicolon" and joins.get(k) != "lines" for k in _ROLES):
        line_ends.update({k: "none" for k in _ROLES if joins.get(k) != "lines"})
        rows, joins, row_notes = _read(grid, names, year, line_ends)
    notes += row_notes
    out = dict(head)
    first = next((r.number for r in rows if r.number), "")
    if re.fullmatch(r"0\d{1,2}\.?", first):
        out["number_width"] = len(first.rstrip("."))
    out["columns"] = [_column(c.key, c.header, c.width, joins, line_ends)
                      for c in grid.columns if c.key is not None]
    printing = {**out, "rows": _yaml_rows(rows, set(), lambda n: {"body": "x", "label": n})}
    notes += _unprinted(printing, grid, year)
    out["rows"] = _yaml_rows(rows, set(), names.ref)
    return AppendixRead(out, sorted(notes, key=lambda n: n[0]))


def _line_end(grid: Grid, column: int) -> str:
    """`semicolon` when every cell of several '- ' lines ends them with ';' and the last '.'."""
    lists = [lines for _i, row in grid.rows
             if len(lines := cells.cut_lines(paragraphs_of(row[column]))[0]) > 1
             and all(line.startswith("- ") for line in lines)]
    return "semicolon" if lists and all(map(cells.semicolon_ends, lists)) else "none"


def _read(grid: Grid, names: BodyNames, year: int, line_ends: dict[str, str]
          ) -> tuple[list[_Row], dict[str, str], list[tuple[int, Message]]]:
    notes: list[tuple[int, Message]] = []
    rows = _grouped([_row(line, row, grid, names, year, line_ends, notes)
                     for line, row in grid.rows], notes)
    every = [r for top in rows for r in (top, *top.subs)]
    joins = {}
    for key in ("lead", "support", "bodies"):
        order = INLINE_JOINS if key == "bodies" else ("lines", *INLINE_JOINS)
        votes = Counter(j for r in every if r.joins.get(key, ALL_JOINS) != ALL_JOINS
                        for j in r.joins[key])
        joins[key] = max(order, key=lambda j: (votes[j], -order.index(j)))
        for r in every:
            if key in r.joins and joins[key] not in r.joins[key]:
                r.chosen[key] = next(j for j in order if j in r.joins[key])
    return rows, joins, notes


def _row(line: int, row: list[Cell], grid: Grid, names: BodyNames, year: int,
         line_ends: dict[str, str], notes: list[tuple[int, Message]]) -> _Row:
    """One row as read, cell by cell; what has no column of its own goes to its note."""
    out = _Row(line, "")
    extra: list[str] = []
    for column, cell in zip(grid.columns, row, strict=True):
        key, said = column.key, paragraphs_of(cell)
        if key == "number":
            out.number = text_of(cell)
        if cell.continued:
            out.merged.add(key or "")
            continue
        lines, cut = cells.cut_lines(said)
        if cut and key not in (None, "content", "bodies"):
            notes.append((line, Message("column «{header}»: the lines were cut where «- » "
                                        "stands in one line of text", {"header": column.header})))
        value: Any = None
        if key is None:
            extra += said
        elif key == "content":
            value = " ".join(said)
        elif key in _TEXTS:
            value = cells.read_texts(lines, line_ends.get(key, "none"))
        elif key == "time":
            value = cells.read_time(lines, year)
        elif key in _ROLES:
            value = cells.read_refs(lines, names, line_ends.get(key, "none"))
            if value is not None:
                out.joins[key] = value.joins
        elif key == "bodies" and said:
            out.joins["bodies"], found = cells.roles_join(cells.read_roles(said, names))
            out.values.update(found)
        if value is not None and key is not None:
            out.values[key] = value
        for role in _ROLES if key == "bodies" else (key,) if key in _ROLES else ():
            bodies = out.values.get(role)
            if isinstance(bodies, Bodies) and bodies.whole:
                notes.append((line, _whole(column.header, bodies)))
    if extra:
        noted = out.values.get("note", [])
        out.values["note"] = [*([noted] if isinstance(noted, str) else noted), *extra]
    if "content" not in out.values and "content" not in out.merged:
        texts = [text_of(c) for c, k in zip(row, grid.columns, strict=True)
                 if k.key != "number" and text_of(c)]
        out.values["content"] = texts[0] if texts else ""
    if not out.values.get("content") and "content" not in out.merged:
        notes.append((line, Message("the row has no content: plangen needs one")))
    return out


def _whole(header: str, bodies: Bodies) -> Message:
    if len(bodies.names) > 1:
        return Message("column «{header}»: «{text}» is read as {count} bodies, cut at «;»",
                       {"header": header, "text": "; ".join(bodies.names),
                        "count": len(bodies.names)})
    return Message("column «{header}»: «{text}» is read as one body",
                   {"header": header, "text": " | ".join(bodies.names)})


def _grouped(rows: list[_Row], notes: list[tuple[int, Message]]) -> list[_Row]:
    """Rows with their sub-rows: numbered 5.1, or with cells merged with the row above and no
    number of their own; a numbered row merged with the row above gets that row's cells."""
    top: list[_Row] = []
    for row in rows:
        sub = "number" in row.merged or bool(_SUB_NUMBER.fullmatch(row.number)) or (
            not row.number and bool(row.merged))
        if top and sub:
            top[-1].subs.append(row)
            continue
        if top and row.merged:
            above = top[-1].subs[-1] if top[-1].subs else top[-1]
            for key in row.merged:
                for k in (*_ROLES, key) if key == "bodies" else (key,):
                    source = above if k in above.values or k in above.joins else top[-1]
                    if k in source.values:
                        row.values[k] = source.values[k]
                    if k in source.joins:
                        row.joins[k] = source.joins[k]
            row.merged = set()
            notes.append((row.line, Message("the row shares merged cells with the row above: "
                                            "their text is written out in it")))
        top.append(row)
    return top


def _column(key: str, header: str, width: float, joins: dict[str, str],
            line_ends: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"key": key, "header": header,
                           "width": int(width) if width == int(width) else width}
    default = "semicolon" if key == "bodies" else "lines"
    if key in joins and joins[key] != default:
        out["join"] = joins[key]
    if line_ends.get(key) == "semicolon":
        out["line_end"] = "semicolon"
    return out


def _yaml_rows(rows: list[_Row], ids: set[str], ref: Callable[[str], Any]) -> list[dict[str, Any]]:
    """The rows as YAML, in the schema's order; bodies as REF makes them."""
    out = []
    for row in rows:
        content = str(row.values.get("content", ""))
        item: dict[str, Any] = {"id": word_id(content, ids), "content": content}
        for key in _ORDER:
            value = row.values.get(key)
            if isinstance(value, Bodies):
                refs = [ref(name) for name in value.names]
                item[key] = refs[0] if len(refs) == 1 else refs
            elif value is not None:
                item[key] = value
        if row.chosen:
            item["joins"] = {k: row.chosen[k] for k in ("lead", "support", "bodies")
                             if k in row.chosen}
        if row.subs:
            item["rows"] = _yaml_rows(row.subs, ids, ref)
        out.append(item)
    return out


def printed_table(appendix: dict[str, Any], name_of: Callable[[dict[str, Any]], str],
                  year: int) -> Table:
    """The table plangen prints for an appendix mapping, header row first, in the form a source
    is read in (NAME_OF: the printed name of a ref, {"body": id} or with its label)."""
    part = expand({"appendix": appendix})["appendix"]
    head = tuple(Cell((str(c["header"]),)) for c in part["columns"])
    body = tuple(tuple(Cell(tuple(p for p in cell.lines if p), 1, cell.merge == "continue")
                       for cell in row) for row in printer.grid(part, name_of, year))
    return Table((head, *body))


def _unprinted(appendix: dict[str, Any], grid: Grid, year: int) -> list[tuple[int, Message]]:
    """A note for every cell that does not print back as read."""
    printed = printed_table(appendix, lambda ref: str(ref.get("label") or ref["body"]), year)
    mapped = [(i, c.header) for i, c in enumerate(grid.columns) if c.key is not None]
    notes = []
    for (line, row), got in zip(grid.rows, printed.rows[1:], strict=True):
        for (index, header), cell in zip(mapped, got, strict=True):
            if not same(row[index], cell):
                notes.append((line, _differs(header, row[index], cell)))
    return notes


def same(read: Cell, printed: Cell) -> bool:
    """Whether a cell prints back as read: both merged with the cell above, or the same
    paragraphs (or, read from text, one line holding the printed ones)."""
    if read.continued or printed.continued:
        return read.continued == printed.continued
    said, lines = paragraphs_of(read), paragraphs_of(printed)
    return said == lines or (len(said) == 1 and " ".join(lines) == said[0])


def _differs(header: str, read: Cell, printed: Cell) -> Message:
    said, lines = " | ".join(paragraphs_of(read)), " | ".join(paragraphs_of(printed))
    if read.continued:
        return Message("column «{header}»: the cell merged with the one above is printed "
                       "«{printed}»", {"header": header, "printed": lines})
    if printed.continued:
        return Message("column «{header}»: «{read}» is printed merged with the cell above",
                       {"header": header, "read": said})
    return Message("column «{header}»: «{read}» is printed «{printed}»",
                   {"header": header, "read": said, "printed": lines})
