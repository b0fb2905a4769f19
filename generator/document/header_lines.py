"""Break an issuing body's name into header lines that fit the header block's left column.

Word wraps a long name anywhere ("SỞ TÀI NGUYÊN VÀ MÔI / TRƯỜNG"); published documents break it
between phrases ("SỞ NÔNG NGHIỆP / VÀ PHÁT TRIỂN NÔNG THÔN"). The name is measured with the
advance widths of Times New Roman Bold (those of Liberation Serif Bold and of Adobe's Times-Bold
AFM, which are metric-compatible; a Vietnamese letter takes its base letter's width, the horn
letters Ơ Ư their own) and cut into the fewest lines that fit, preferring phrase boundaries and
never leaving the last word alone on its line.

The header block's column widths live here too: tools/build_templates.py builds the templates
from them, so the breaker and the templates agree.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

# The header block (tools/build_templates.py): a borderless table wider than the 165 mm text
# area, shifted into the left margin so that it sits 10 mm from either edge of the A4 page.
HEADER_LEFT_MM = 89.0
HEADER_RIGHT_MM = 101.0
HEADER_INDENT_MM = -20.0
CELL_MARGIN_MM = 108 / 1440 * 25.4  # Word's default left and right cell margins (0.19 cm)
HEADER_BODY_PT = 13.0
LEFT_TEXT_MM = HEADER_LEFT_MM - 2 * CELL_MARGIN_MM
MM_PER_PT = 25.4 / 72

# Advance widths in thousandths of an em (Times-Bold AFM = Liberation Serif Bold).
_WIDTHS = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
    "abcdefghijklmnopqrstuvwxyz{|}~",
    (250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
     500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930,
     722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778,
     722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333,
     500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556,
     444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520), strict=True))
_WIDTHS.update({"Đ": 722, "đ": 556, "Ơ": 778, "ơ": 554, "Ư": 796, "ư": 600, "\u00a0": 250,
                "–": 500, "—": 1000, "“": 500, "”": 500, "‘": 333, "’": 333})
_UNKNOWN = 1000  # a character outside the table counts as wide: better a line too many
_HORN = "\u031b"

# Words before which a line may start a new phrase: place names of the issuer.
_PLACES = {"TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "XÃ"}
_PLACE_PAIRS = {("THÀNH", "PHỐ"), ("THỊ", "XÃ"), ("THỊ", "TRẤN")}
_CONJUNCTIONS = {"VÀ", "&"}
# Two-syllable words of agency names: a line break inside one reads as a broken word.
_WORDS = {tuple(pair.split()) for pair in (
    "BAN NHÂN", "NHÂN DÂN", "ỦY BAN", "TÀI NGUYÊN", "MÔI TRƯỜNG", "THÔNG TIN", "TRUYỀN THÔNG",
    "KẾ HOẠCH", "ĐẦU TƯ", "VĂN HÓA", "THỂ THAO", "DU LỊCH", "NÔNG NGHIỆP", "PHÁT TRIỂN",
    "NÔNG THÔN", "LAO ĐỘNG", "THƯƠNG BINH", "XÃ HỘI", "KHOA HỌC", "CÔNG NGHỆ", "GIÁO DỤC",
    "ĐÀO TẠO", "Y TẾ", "TƯ PHÁP", "NỘI VỤ", "NGOẠI VỤ", "XÂY DỰNG", "GIAO THÔNG", "VẬN TẢI",
    "CÔNG THƯƠNG", "TÀI CHÍNH", "DÂN TỘC", "TÔN GIÁO", "THANH TRA", "VĂN PHÒNG", "QUẢN LÝ",
    "CÔNG NGHIỆP", "KINH TẾ", "TRUNG TÂM", "PHỤC VỤ", "HÀNH CHÍNH", "CÔNG AN", "QUÂN SỰ",
    "BIÊN PHÒNG", "CHÍNH TRỊ", "MẶT TRẬN", "TỔ QUỐC", "THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN")}


@cache
def char_width(char: str) -> int:
    """Advance width of one character in thousandths of an em (Times New Roman Bold)."""
    if char in _WIDTHS:
        return _WIDTHS[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if _HORN in decomposed:
        base = unicodedata.normalize("NFC", base + _HORN)
    if unicodedata.combining(char):
        return 0
    return _WIDTHS.get(base, _UNKNOWN)


def text_width_mm(text: str, size_pt: float = HEADER_BODY_PT) -> float:
    """Width of a text set in Times New Roman Bold at a size, in millimetres."""
    ems = sum(char_width(char) for char in unicodedata.normalize("NFC", text)) / 1000
    return ems * size_pt * MM_PER_PT


def _break_cost(words: list[str], at: int) -> int:
    """Cost of starting a new line at words[at]: 0 between phrases, more inside one."""
    before, word = words[at - 1], words[at]
    if word in ("-", ",", ";") or before in _CONJUNCTIONS:
        return 3  # a line starting with a dash or ending with "VÀ"
    if word in _CONJUNCTIONS or before == "-" or before.endswith((",", ";", "-")):
        return 0
    if _starts_place(words, at):
        return 0
    if (before, word) in _WORDS or any(_starts_place(words, i) for i in range(at)):
        return 2  # inside a word, or inside the place name that ends the issuer's name
    return 1


def _starts_place(words: list[str], at: int) -> bool:
    """Whether words[at] starts a place: 'TỈNH …', 'THÀNH PHỐ …' (not 'XÃ HỘI', 'THỊ XÃ')."""
    before, word = words[at - 1] if at else "", words[at]
    after = words[at + 1] if at + 1 < len(words) else ""
    if at == 0 or before == "THỊ" or at + 1 == len(words):
        return False
    return (word, after) in _PLACE_PAIRS or (word in _PLACES and (word, after) != ("XÃ", "HỘI"))


@dataclass(frozen=True, order=True)
class _Plan:
    """The quality of a split from some word to the end: smaller is better."""

    lines: int
    cost: int
    cuts: tuple[int, ...]


def _best(words: list[str], width_mm: float, size_pt: float, orphans: bool) -> _Plan | None:
    """The fewest lines that fit, then the cheapest breaks; ties fill the earlier lines most."""
    count = len(words)
    best: list[_Plan | None] = [None] * count + [_Plan(0, 0, ())]
    for start in range(count - 1, -1, -1):
        choice: _Plan | None = None
        for end in range(count, start, -1):  # longest first line first: it wins the ties
            line = " ".join(words[start:end])
            if end - start > 1 and text_width_mm(line, size_pt) > width_mm:
                continue
            rest = best[end]
            if rest is None or (not orphans and end == count - 1):
                continue
            cost = rest.cost + (_break_cost(words, end) if end < count else 0)
            plan = _Plan(rest.lines + 1, cost, (end, *rest.cuts))
            if choice is None or (plan.lines, plan.cost) < (choice.lines, choice.cost):
                choice = plan
        best[start] = choice
    return best[0]


def header_lines(name: str, width_mm: float = LEFT_TEXT_MM,
                 size_pt: float = HEADER_BODY_PT) -> list[str]:
    """An upper-case name cut into header lines that each fit width_mm at size_pt bold."""
    words = name.split()
    if len(words) <= 1:
        return [" ".join(words)]
    plan = _best(words, width_mm, size_pt, orphans=False) or _best(words, width_mm, size_pt,
                                                                    orphans=True)
    assert plan is not None  # with orphans allowed a one-word line always "fits"
    starts = (0, *plan.cuts[:-1])
    return [" ".join(words[a:b]) for a, b in zip(starts, plan.cuts, strict=True)]
