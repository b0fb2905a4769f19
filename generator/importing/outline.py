"""The outline of a plan's text: its paragraphs, each with the ND30 numbering mark it opens with.

ND30 numbers a Kế hoạch's parts I., II. …, their items 1., 2. …, points a), b) … (the Vietnamese
letters: no f, j, w, z), then "-" and "+" bullets; a Quyết định's articles "Điều 1." … Text copied
from a PDF or a web page breaks a paragraph into lines and leaves markup behind (`**`, `#`,
`<ul>`); those are undone first. Pure: text in, paragraphs out.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from generator.plan.vietnamese import POINT_LETTERS

# Levels from the outermost; a paragraph without a mark is body text (level None).
LEVELS = ("article", "roman", "number", "letter", "dash", "plus")
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_MARKS = (
    ("article", re.compile(r"Điều\s+(?P<label>\d{1,2})\s*[.:]\s*")),
    ("roman", re.compile(rf"(?P<label>(?=[IVX]){_ROMAN})\s*(?:[.)]|\s*[-–])\s+")),
    # The 2.1. / 2.1 of plans that number their items by their part (seed 001), then "1.";
    # a number without its dot is a quantity ("15 đơn vị"), not a mark.
    ("number", re.compile(r"(?P<label>\d{1,2}(?:\.\d{1,2})+)\.?\s+")),
    ("number", re.compile(r"(?P<label>\d{1,2})[.)]\s+")),
    ("letter", re.compile(r"(?P<label>[a-zđ])\)\s*")),
    # "a. Nội dung" as some offices type it: a letter, a dot, a capital (never "v.v.")
    ("letter", re.compile(r"(?P<label>[a-zđ])\.\s+(?=[A-ZĐÀ-Ỹ])")),
    ("dash", re.compile(r"(?P<label>[-–—•])\s*")),
    ("plus", re.compile(r"(?P<label>\+)\s*")),
)
_MARKUP = re.compile(r"</?(?:ul|ol|li|p|br)\s*/?>|^#+\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:!?…]\)?[\"”»]?$")


@dataclass(frozen=True)
class Cell:
    """One cell of a table as printed: its paragraphs, and how it is merged with its neighbours."""

    paragraphs: tuple[str, ...]  # each paragraph's text, NFC, marks ("- ") kept
    span: int = 1  # the grid columns it covers (w:gridSpan)
    continued: bool = False  # merged with the cell above it (w:vMerge without "restart")


@dataclass(frozen=True)
class Table:
    """A table of the source (DOCX, or ruled lines of a PDF page), rows top to bottom."""

    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the text: the mark it opens with (if any) and what follows the mark.

    A source that knows its formatting (DOCX, PDF) says which words at the start are bold
    (`bold`: "" when none or unknown) and whether it is italic; a table of such a source is a
    Paragraph of its own with `table` set and an empty text.
    """

    level: str | None  # one of LEVELS, or None for body text
    label: str  # "II", "1", "2.1", "a", "-", "+", "3" (Điều 3), "" for body text
    text: str  # the words after the mark
    line: int  # the line (text), paragraph number (DOCX) or page (PDF) it starts on, 1-based
    cells: tuple[str, ...] = ()  # a table row (tab-separated in the text): its cells
    bold: str = ""  # the bold words the paragraph opens with (after the mark), all if all bold
    italic: bool = False  # the whole paragraph is italic
    table: Table | None = None


def paragraph_of(text: str, line: int, bold: str = "", italic: bool = False) -> Paragraph:
    """A paragraph of a source that gives whole paragraphs (DOCX, PDF): its mark read, NFC,
    spaces folded; `bold` is the bold text at its start, mark included or not."""
    text = unicodedata.normalize("NFC", text).replace("\u2011", "-")
    text = re.sub(r"[ \u00a0\u200b\t]+", " ", text).strip()
    level, label, rest = mark_of(text)
    bold = re.sub(r"[ \u00a0\t]+", " ", unicodedata.normalize("NFC", bold)).strip()
    if bold and level and not rest.startswith(bold):
        bold = bold[len(text) - len(rest):].strip() if text.startswith(bold) else ""
    return Paragraph(level, label, rest, line, bold=bold, italic=italic)


def mark_of(text: str) -> tuple[str | None, str, str]:
    """(level, label, rest) of a paragraph's opening mark; (None, "", text) when it has none."""
    for level, pattern in _MARKS:
        found = pattern.match(text)
        if found is None or found.end() >= len(text):
            continue
        label = found.group("label")
        if level == "letter" and label not in POINT_LETTERS:
            continue
        if level == "roman" and not label:
            continue
        return level, label, text[found.end():].strip()
    return None, "", text


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a plan's text, hard-wrapped lines joined, artefacts removed, NFC."""
    out: list[Paragraph] = []
    text = unicodedata.normalize("NFC", text)
    width = wrap_width(text)
    full = False  # the line before ran to the wrap width: its paragraph goes on
    for number, piece in _pieces(text):
        piece = _pipes_as_tabs(piece)
        if "\t" in piece:
            cells = tuple(cell.strip() for cell in piece.split("\t"))
            out.append(Paragraph(None, "", " ".join(c for c in cells if c), number, cells))
            full = False
            continue
        if not piece:
            continue
        level, label, rest = mark_of(piece)
        if level is None and out and (_continues(out[-1], piece) or (
                full and _wrapped(out[-1], piece))):
            last = out[-1]
            out[-1] = Paragraph(last.level, last.label, f"{last.text} {piece}", last.line)
        else:
            out.append(Paragraph(level, label, rest, number))
        full = width is not None and len(piece) >= 0.8 * width
    return out


_PIPE_ROW = re.compile(r"^\|?[^|]*\|[^|]*(?:\|[^|]*)*\|?$")
_RULE_ROW = re.compile(r"^[|:\- ]+$")  # Markdown's |---|---| under a header row


def _pipes_as_tabs(piece: str) -> str:
    """A row of a web page's table ("Số: 07/KH-UBND | Quảng Ngãi, ngày …|") as tab cells;
    Markdown's rule rows vanish."""
    if piece.count("|") < 1 or "\t" in piece or not _PIPE_ROW.match(piece):
        return piece
    if _RULE_ROW.match(piece):
        return ""
    cells = [cell.strip() for cell in piece.strip().strip("|").split("|")]
    return "\t".join(cells) if len(cells) > 1 else cells[0]


def _wrapped(last: Paragraph, piece: str) -> bool:
    """Whether a line after one that ran to the wrap width goes on with its paragraph: unless
    that one ended (a sentence, a bracket), either is a heading in capitals, or this one opens
    a landmark ("(Ban hành kèm theo …)", "Nơi nhận:")."""
    return not (piece.isupper() or last.text.isupper() or last.cells
                or piece.startswith(("(", "Nơi nhận")) or last.text.endswith(")")
                or _SENTENCE_END.search(last.text))


def wrap_width(text: str) -> int | None:
    """The width a text is hard-wrapped at (a PDF's copy: most lines about as long), or None
    when its lines are paragraphs."""
    lengths = sorted(len(line.strip()) for line in text.splitlines() if line.strip())
    if len(lengths) < 10:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if n >= 0.8 * width)
    return width if width <= 130 and near >= 0.3 * len(lengths) else None


def _pieces(text: str) -> Iterable[tuple[int, str]]:
    """(line number, text) of every non-empty piece: a line, split where `**` joined two."""
    for number, line in enumerate(text.splitlines(), start=1):
        line = _MARKUP.sub("", line).replace("\u00a0", " ")
        # A table row keeps its leading tab: an empty first cell is a row cut by a page.
        line = line.strip(" \r\n") if line.count("\t") >= 2 else line.strip()
        for piece in line.split("**"):
            piece = re.sub(r"[ \u200b]+", " ", piece).strip(" *")
            if not piece.strip():
                continue
            if piece:
                yield number, piece


def _continues(last: Paragraph, piece: str) -> bool:
    """Whether a line goes on with the paragraph before it: that one has not ended its
    sentence, and this one does not start a new one (a lower-case word, a bracket, a digit)."""
    if last.cells or _SENTENCE_END.search(last.text):
        return False
    first = piece[:1]
    if first == "(":  # "(khóa XII), …" goes on; "(Ban hành kèm theo …)" is a line of its own
        return piece[1:2].islower() or piece[1:2].isdigit()
    return first.islower() or first in ",;" or first.isdigit()
