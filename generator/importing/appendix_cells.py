"""The cells of a Phụ lục row read back: texts, bodies and times, as plangen prints them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from generator.document.appendix_table import cell_lines, join_names
from generator.importing.appendix_grid import ROLE_LABEL
from generator.plan import vietnamese as vn

ALL_JOINS = frozenset({"lines", "comma", "semicolon", "and"})
INLINE_JOINS = ("semicolon", "comma", "and")  # in a bodies cell; preferred first
_CUT = re.compile(r"\s+(?=-\s)")
_MARK = re.compile(r"^[-–—•+]\s*")
_QUARTER = r"(?:IV|I{1,3})"
_QUARTERS = re.compile(rf"Quý\s+(?P<q>{_QUARTER}(?:\s*,\s*{_QUARTER})*)(?:\s*/\s*(?P<y>\d{{4}}))?")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


class Splitter(Protocol):
    """What cuts a text naming bodies into their names (BodyNames has it)."""

    def split(self, text: str) -> list[str]: ...


@dataclass(frozen=True)
class Bodies:
    """A cell's bodies as read: their names as printed, the joins that print them back, and
    whether a line was kept whole (or cut only at ';') because no cut printed it back."""

    names: tuple[str, ...]
    joins: frozenset[str]
    whole: bool = False
    text: str = ""  # the line read, when it was one


def cut_lines(paragraphs: list[str]) -> tuple[list[str], bool]:
    """A cell's lines; one line holding '- a - b' (a text copy loses a cell's line breaks) cut
    before each '- ', and True then."""
    if len(paragraphs) == 1 and paragraphs[0].startswith("- "):
        parts = _CUT.split(paragraphs[0])
        if len(parts) > 1:
            return parts, True
    return paragraphs, False


def semicolon_ends(lines: list[str]) -> bool:
    """Whether the lines are what `line_end: semicolon` prints: '- a;' … '- z.'."""
    return (len(lines) >= 2 and all(line.startswith("- ") for line in lines)
            and all(line.endswith(";") for line in lines[:-1]) and lines[-1].endswith("."))


def items(lines: list[str], line_end: str) -> list[str]:
    """The items of a list cell: marks off, and the ';' and '.' that LINE_END prints."""
    out = [_MARK.sub("", line, count=1) for line in lines]
    if line_end == "semicolon" and semicolon_ends(lines):
        out = [_unended(item, ";") for item in out[:-1]] + [_unended(out[-1], ".")]
    return out


def _unended(item: str, end: str) -> str:
    # "v.v." keeps its dot (printed as it is); a doubled end is not one line_end prints.
    if not item.endswith(end) or item[:-1].endswith(end) or re.search(r"\.\w+\.$", item):
        return item
    return item[:-1]


def read_texts(lines: list[str], line_end: str) -> str | list[str] | None:
    """Hình thức, Sản phẩm, Ghi chú: a line as it is, several as a list."""
    if not lines:
        return None
    return lines[0] if len(lines) == 1 else items(lines, line_end)


def read_time(lines: list[str], year: int) -> Any:
    """Thời gian: quarters when 'Quý II, III/<year>' prints back, '- ' lines in dash style,
    else the text, or the lines, as they are."""
    if not lines:
        return None
    if len(lines) > 1:
        if all(line.startswith("- ") for line in lines):
            return {"lines": [line[2:] for line in lines], "style": "dash"}
        return list(lines)
    found = _QUARTERS.fullmatch(lines[0])
    if found and found["y"] in (None, str(year)):
        time: dict[str, Any] = {"quarters": [_ROMAN[q] for q in re.split(r"\s*,\s*",
                                                                          found["q"])]}
        if found["y"] is None:
            time["with_year"] = False
        if cell_lines("time", {"time": time}, str, year) == (lines[0],):
            return time
    return lines[0]


def read_refs(lines: list[str], split: Splitter, line_end: str) -> Bodies | None:
    """Chủ trì, Phối hợp: one line cut into names (its join found), or a name per line."""
    if not lines:
        return None
    if len(lines) == 1:
        return inline(lines[0], split)
    names = items(lines, line_end)
    whole = any(len(split.split(name)) > 1 for name in names)
    return Bodies(tuple(names), frozenset({"lines"}), whole)


def inline(text: str, split: Splitter) -> Bodies:
    """The names of one line and the joins that print them back ('A, B', 'A; B', 'A, B và C')."""
    pieces = [p for p in re.split(r"\s*;\s*", text) if p]
    found = [name for piece in pieces for name in split.split(piece)]
    if len(found) <= 1:
        return Bodies((text,), ALL_JOINS, text=text)
    joins = frozenset(j for j in INLINE_JOINS
                      if vn.capitalize_first(join_names(found, j)) == text)
    if joins:
        return Bodies(tuple(found), joins, text=text)
    return kept(text, "semicolon" if ";" in text else "comma")


def kept(text: str, join: str) -> Bodies:
    """A line that JOIN does not print back from its names: cut at '; ' only (when JOIN is
    `semicolon` and that prints it back), else one name."""
    pieces = [p for p in re.split(r"\s*;\s*", text) if p]
    if join == "semicolon" and len(pieces) > 1 and vn.capitalize_first("; ".join(pieces)) == text:
        return Bodies(tuple(pieces), frozenset({"semicolon"}), True, text)
    return Bodies((text,), ALL_JOINS, True, text)


def read_roles(paragraphs: list[str], split: Splitter) -> dict[str, Bodies]:
    """A cell naming both roles, '- Chủ trì: A; B;' / '- Phối hợp: C.': the bodies of each
    (names before any label are read as the lead's)."""
    text = " ".join(paragraphs)
    marks = list(ROLE_LABEL.finditer(text))
    parts: dict[str, list[str]] = {"lead": [text[:marks[0].start()] if marks else text],
                                   "support": []}
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        role = "support" if (mark["a"] or mark["b"]).lower().startswith("ph") else "lead"
        parts[role].append(text[mark.end():after.start() if after else len(text)])
    out = {}
    for role, found in parts.items():
        said = [s for s in (_role_text(p) for p in found) if s]
        if said:
            out[role] = inline("; ".join(said), split)
    return out


def _role_text(part: str) -> str:
    """A role's names without the ';' or '.' that ends its line."""
    part = part.strip()
    return part[:-1].rstrip() if part.endswith((";", ".")) else part


def roles_join(found: dict[str, Bodies]) -> tuple[frozenset[str], dict[str, Bodies]]:
    """The joins that print every role of a bodies cell back; when none does, the one most
    roles take, and the others' lines kept whole (see kept)."""
    joins = frozenset(INLINE_JOINS)
    for bodies in found.values():
        joins &= bodies.joins
    if joins:
        return joins, found
    best = max(INLINE_JOINS, key=lambda j: (sum(j in b.joins for b in found.values()),
                                            -INLINE_JOINS.index(j)))
    return frozenset({best}), {role: b if best in b.joins else kept(b.text, best)
                               for role, b in found.items()}
