"""A PDF page's glyphs into lines; page numbers, running headers and e-signature boxes left out.

A line is the glyphs on one baseline that follow each other without a gap of more than
COLUMN_GAP em: two columns printed side by side on one baseline (ND30's "Số: …" and the place
and date) are two lines. Lines are built in the content stream's order and then merged along
each baseline, so a line written in two pieces is one. Pure: glyphs in, lines out.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.importing.pdf_page import Glyph

COLUMN_GAP = 2.5  # em: a wider gap between two glyphs on one baseline parts two columns
WORD_GAP = 0.15  # em: a gap this wide between glyphs with no space glyph between them is a space
BASELINE_TOLERANCE = 0.4  # em: a superscript's baseline is within this of its line's
MARGIN_ZONE = 0.12  # of the page's height: page numbers and running headers sit within it
_PAGE_NUMBER = re.compile(r"(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?",
                          re.IGNORECASE)
_SIGNED = re.compile(r"(?:Ký bởi|Người ký|Được ký bởi|Signed by|Thời gian ký|Ngày ký|Email|"
                     r"Cơ quan)\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Line:
    """One printed line (or one column's piece of it): its text, NFC, and where it stands."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: str  # the bold text it starts with ("" when none, all of text when all bold)
    italic: bool  # all italic
    blue: bool  # all blue
    first_word: float  # the width of its first word: would that word have fitted above?


class _Run:
    """Glyphs that follow each other on one baseline: the first is never a space."""

    __slots__ = ("glyphs", "head", "tail", "widest")

    def __init__(self, glyph: Glyph) -> None:
        self.glyphs = [glyph]
        self.head = self.tail = glyph  # the first glyph, the last one that is not a space
        self.widest = 0.0  # the widest gap between its words

    def add(self, glyph: Glyph) -> None:
        self.widest = max(self.widest, glyph.x0 - self.tail.x1)
        self.glyphs.append(glyph)
        self.tail = glyph

    def reaches(self, glyph: Glyph) -> bool:
        """Whether GLYPH, on this run's baseline, is near enough to go on it: not back before
        the last glyph's start (the letters of a ligature share its box), and no further on
        than COLUMN_GAP em or half as far again as the run's widest gap (a justified line of
        few long words is stretched: all its gaps are wide alike, a column's gap stands out)."""
        size = max(self.tail.size, glyph.size)
        gap = glyph.x0 - self.tail.x1
        return (glyph.x0 >= self.tail.x0 - 0.5 * size
                and gap <= max(COLUMN_GAP * size, 1.5 * self.widest))


def lines_of(glyphs: Iterable[Glyph]) -> list[Line]:
    """The lines of some glyphs (a page's, or a table cell's), top to bottom, left to right."""
    runs: list[_Run] = []
    current: _Run | None = None
    for glyph in glyphs:
        if glyph.text.isspace():
            if current is not None:
                current.glyphs.append(glyph)
        elif current is not None and _same_baseline(current.head, glyph) and current.reaches(
                glyph):
            current.add(glyph)
        else:
            current = _Run(glyph)
            runs.append(current)
    return [_line(run) for run in _merged(runs)]


def _same_baseline(a: Glyph, b: Glyph) -> bool:
    return abs(a.baseline - b.baseline) <= BASELINE_TOLERANCE * max(a.size, b.size)


def _merged(runs: list[_Run]) -> list[_Run]:
    """Runs on one baseline that follow each other closely, joined; sorted top to bottom."""
    runs = sorted(runs, key=lambda r: (r.head.baseline, r.head.x0))
    rows: list[list[_Run]] = []
    for run in runs:
        if rows and _same_baseline(rows[-1][0].head, run.head):
            rows[-1].append(run)
        else:
            rows.append([run])
    out: list[_Run] = []
    for row in rows:
        row.sort(key=lambda r: r.head.x0)
        merged = [row[0]]
        for run in row[1:]:
            left = merged[-1]
            if left.reaches(run.head):
                left.widest = max(left.widest, run.widest, run.head.x0 - left.tail.x1)
                left.glyphs.extend(run.glyphs)
                left.tail = run.tail
            else:
                merged.append(run)
        out.extend(merged)
    return out


def _line(run: _Run) -> Line:
    """The Line of a run of glyphs: words parted where a space glyph or a gap is."""
    solid = [g for g in run.glyphs if not g.text.isspace()]
    sizes = [g.size for g in solid]
    size = max(set(sizes), key=sizes.count)
    start = run.head.x0
    parts: list[str] = []
    bold_upto = 0
    bold_run = True
    first_word = 0.0
    previous: Glyph | None = None
    spaced = False
    for glyph in run.glyphs:
        if glyph.text.isspace():
            spaced = previous is not None
            continue
        if previous is not None and (spaced or glyph.x0 - previous.x1 > WORD_GAP * size):
            parts.append(" ")
            if not first_word:
                first_word = previous.x1 - start
        parts.append(glyph.text)
        bold_run = bold_run and glyph.bold
        if bold_run:
            bold_upto = len(parts)
        previous, spaced = glyph, False
    text = unicodedata.normalize("NFC", "".join(parts))
    bold = unicodedata.normalize("NFC", "".join(parts[:bold_upto])).strip()
    return Line(text, start, max(g.x1 for g in solid), min(g.top for g in solid),
                max(g.bottom for g in solid), run.head.baseline, size, bold,
                all(g.italic for g in solid), all(g.blue for g in solid),
                first_word or run.tail.x1 - start)


def spacing(lines: Sequence[Line]) -> float:
    """The commonest distance between the baselines of consecutive lines of one size, in em
    (1.15, single spacing, when there are none)."""
    found: Counter[float] = Counter()
    for a, b in itertools.pairwise(lines):
        distance = (b.baseline - a.baseline) / max(a.size, b.size)
        if abs(a.size - b.size) <= 0.5 and 0.9 <= distance <= 2.5:
            found[round(distance * 20) / 20] += 1
    return found.most_common(1)[0][0] if found else 1.15


def overlaps(a: Line, b: Line) -> bool:
    """Whether two lines stand side by side: their heights overlap by half the smaller one."""
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared >= 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def without_furniture(pages: Sequence[Sequence[Line]],
                      heights: Sequence[float]) -> list[list[Line]]:
    """Each page's lines less its page number, the running headers and footers repeated on
    most pages, and a blue e-signature box ("Ký bởi: …", "Thời gian ký: …")."""
    repeated = _running(pages, heights)
    out = []
    for lines, height in zip(pages, heights, strict=True):
        kept = [line for line in _unsigned(lines) if _key(line) not in repeated
                or not _in_margin(line, height) or _beside(line, lines)]
        out.append(_unnumbered(kept, height))
    return out


def _key(line: Line) -> tuple[str, int]:
    """What a running header is known by: its text with the numbers blanked, and its height."""
    return re.sub(r"\d+", "#", line.text), round(line.top / 3)


def _in_margin(line: Line, height: float) -> bool:
    return line.top < MARGIN_ZONE * height or line.bottom > (1 - MARGIN_ZONE) * height


def _beside(line: Line, lines: Sequence[Line]) -> bool:
    """Whether another line stands on the same row (a column of the header, not furniture)."""
    return any(other is not line and overlaps(line, other) for other in lines)


def _running(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> set[tuple[str, int]]:
    """Keys of the lines that are among the two first or two last of a page, in its top or
    bottom margin, on at least 3 pages and half of them."""
    seen: Counter[tuple[str, int]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        ordered = sorted(lines, key=lambda ln: ln.top)
        seen.update({_key(line) for line in (*ordered[:2], *ordered[-2:])
                     if _in_margin(line, height) and not _beside(line, lines)})
    least = max(3, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= least}


def _unnumbered(lines: list[Line], height: float) -> list[Line]:
    """LINES less a page number: a lone number above or below everything else, in a margin."""
    if not lines:
        return lines
    ends = {id(min(lines, key=lambda ln: ln.top)), id(max(lines, key=lambda ln: ln.bottom))}
    return [line for line in lines
            if not (id(line) in ends and _in_margin(line, height)
                    and _PAGE_NUMBER.fullmatch(line.text) and not _beside(line, lines))]


def _unsigned(lines: Sequence[Line]) -> list[Line]:
    """LINES less a blue e-signature box: its blue lines that say who signed and when, and the
    blue lines next to them (a name wrapped onto a second line)."""
    dropped = {id(line) for line in lines if line.blue and _SIGNED.match(line.text)}
    grown = True
    while grown:
        grown = False
        for line in lines:
            if line.blue and id(line) not in dropped and any(
                    id(other) in dropped and _near(line, other) for other in lines):
                dropped.add(id(line))
                grown = True
    return [line for line in lines if id(line) not in dropped]


def _near(a: Line, b: Line) -> bool:
    return (a.x0 < b.x1 and b.x0 < a.x1
            and max(a.top, b.top) - min(a.bottom, b.bottom) <= 1.5 * max(a.size, b.size))
