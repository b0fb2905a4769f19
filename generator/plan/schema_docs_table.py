"""A field table of the plan YAML: its rows, its Markdown, its marked place in docs/schema.md."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Column = Literal["type", "required", "where"]
FIELD_COLUMNS: tuple[Column, ...] = ("type", "required")
FIELD_HEADER = ("field", "type", "required", "meaning", "ý nghĩa")
# A region of docs/schema.md that `make docs` rewrites: the table named NAME between the markers.
BEGIN = re.compile(r"<!-- fields: (\S+) -->")
END = "<!-- end -->"


class DocsError(ValueError):
    """docs/schema.md's markers do not fit the tables (unknown, unclosed, missing, repeated)."""


@dataclass(frozen=True)
class Field:
    """One row of a table: the field (or fields sharing the row), its type, whether it is
    required, its meaning in English and in Vietnamese, and for provenance where it is written.

    type and required are the table's words ("`true`/`false`", "unless `note`"); the tests hold
    them to the Cerberus schema where the schema says the same thing (enums, booleans, required).
    """

    name: str | tuple[str, ...]
    type: str
    required: str
    en: str
    vi: str
    where: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name,) if isinstance(self.name, str) else self.name

    def cells(self, columns: Sequence[Column]) -> list[str]:
        middle = {"type": self.type, "required": self.required, "where": self.where}
        return [", ".join(f"`{name}`" for name in self.names),
                *(middle[column] for column in columns), self.en, self.vi]


@dataclass(frozen=True)
class Table:
    """The fields of one mapping, in the order docs/schema.md shows them.

    name: the marker's name in docs/schema.md; prefix: what the JSON Schema's description keys
    of these fields start with (default name + "."; '' at the top level); caption: a line
    printed above the table; definition: the description of the mapping itself, for the JSON
    Schema's `$defs` entry named `name`.
    """

    name: str
    fields: tuple[Field, ...]
    prefix: str | None = None
    caption: str = ""
    definition: tuple[str, str] | None = None
    header: tuple[str, ...] = FIELD_HEADER
    columns: tuple[Column, ...] = FIELD_COLUMNS

    def by_key(self) -> dict[str, Field]:
        """Each field's description key ('row.time.lines') and its row."""
        prefix = self.name + "." if self.prefix is None else self.prefix
        return {prefix + name: field for field in self.fields for name in field.names}

    def markdown(self) -> list[str]:
        """The table as Markdown lines, its caption first when it has one."""
        lines = [_row(self.header), "|" + "---|" * len(self.header),
                 *(_row(field.cells(self.columns)) for field in self.fields)]
        return [self.caption, "", *lines] if self.caption else lines


def _row(cells: Sequence[str]) -> str:
    for text in cells:
        if "\n" in text:
            raise DocsError(f"a table cell is one line: {text!r}")
    return "| " + " | ".join(text.replace("|", "\\|") for text in cells) + " |"


def updated(text: str, tables: Sequence[Table]) -> str:
    """text (docs/schema.md) with every marked region holding its table, the rest untouched.

    Each table is placed exactly once: `<!-- fields: NAME -->`, a blank line, the table, a blank
    line, `<!-- end -->` (blank lines, so that no Markdown reader takes a marker for a row).
    """
    by_name = {table.name: table for table in tables}
    lines = text.split("\n")
    out: list[str] = []
    placed: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        found = BEGIN.fullmatch(line)
        if line == END:
            raise DocsError(f"line {index + 1}: {END} without a <!-- fields: … --> before it")
        if not found:
            out.append(line)
            index += 1
            continue
        name = found.group(1)
        if name not in by_name:
            raise DocsError(f"line {index + 1}: no field table is named {name!r} "
                            f"(known: {', '.join(sorted(by_name))})")
        end = _end_of(lines, index)
        out += [line, "", *by_name[name].markdown(), "", END]
        placed.append(name)
        index = end + 1
    repeated = sorted({name for name in placed if placed.count(name) > 1})
    missing = [name for name in by_name if name not in placed]
    if repeated or missing:
        raise DocsError("; ".join(
            [f"table {name!r} is placed more than once" for name in repeated]
            + [f"table {name!r} has no <!-- fields: {name} --> marker" for name in missing]))
    return "\n".join(out)


def _end_of(lines: list[str], begin: int) -> int:
    for index in range(begin + 1, len(lines)):
        if lines[index] == END:
            return index
        if BEGIN.fullmatch(lines[index]):
            break
    raise DocsError(f"line {begin + 1}: {lines[begin]} has no {END} after it")
