"""Keep document symbols, dates and numbers with their unit on one line.

Word and LibreOffice may break a line after any hyphen ("08/KH-" / "UBND") and at any space
("ngày 19 tháng 12" / "năm 2022", "40" / "người"). In every text that goes into the DOCX (typed
by the officer or generated), `parts` finds

- document symbols: 233/QĐ-UBND, 30/2020/NĐ-CP, 14-NQ/TU, a draft's "Số:      /QĐ-UBND";
- dates: "ngày 19 tháng 12 năm 2022" (blanks too), "tháng 12 năm 2022", "ngày 19/6/2015",
  "Quý II/2023";
- numbers with their unit: "01 lớp", "40 người", "100 %", "50 triệu đồng" …

and makes them unbreakable: the spaces inside become no-break spaces (U+00A0) and the hyphens of a
symbol non-breaking hyphens (U+2011, which LibreOffice reads as its hard hyphen and writes to DOCX
as w:noBreakHyphen). The character is used rather than the w:noBreakHyphen element so that every
text reader, ../shared/tools/docx_vs_text.py included, still sees a hyphen: that comparer drops the
element, which cost the seeds 0.01 of similarity (tuyen-quang-snv-2021 fell to 0.964).
LibreOffice (ICU line breaking) does not break after the "/" of "233/QĐ" (tested), nor does Word,
so slashes are left as they are.
"""
from __future__ import annotations

import re

NBSP = "\u00a0"
NB_HYPHEN = "\u2011"

_CODE = r"[A-ZĐ][A-Za-zĐđ&]*"
_NUMBER = r"\d+[a-z]?"
# 233/QĐ-UBND, 30/2020/NĐ-CP, /QĐ-UBND (a draft's blank number); 14-NQ/TU, 63-KH/TU.
_SYMBOL = re.compile(
    rf"(?<![\w/-])(?:(?:{_NUMBER}(?:/\d+)*)?/{_CODE}(?:-{_CODE})+"
    rf"|{_NUMBER}-{_CODE}/{_CODE}(?:-{_CODE})*)(?![\w-])")
# "Số: 233/QĐ-UBND", "Số:      /QĐ-UBND": the label stays with its symbol.
_NUMBER_LABEL = re.compile(rf"\b(Số|số):?( +)(?=(?:{_NUMBER}(?:/\d+)*)?/{_CODE}-)")
_DAY = r"(?:\d{1,2}(?:/\d{1,2}(?:/\d{2,4})?)?)"
_DATE = re.compile(
    r"\b(?:[Nn]gày(?: +\d{1,2})? +tháng(?: +\d{1,2})? +năm +\d{4}"
    r"|tháng +\d{1,2} +năm +\d{4}"
    rf"|[Nn]gày +{_DAY}(?![\d/])"
    r"|[Qq]uý +[IVX]+(?:/\d{4})?)\b")
_UNITS = (
    "%", "‰", "triệu đồng", "tỷ đồng", "nghìn đồng", "ngàn đồng", "đồng", "USD", "lớp", "người",
    "lượt người", "lượt", "bài", "tin bài", "tin", "cuộc", "buổi", "hội nghị", "lần", "kỳ", "số",
    "trang", "cuốn", "bản", "tờ", "pano", "băng rôn", "phóng sự", "chuyên mục", "chương trình",
    "video", "clip", "học viên", "đại biểu", "cán bộ", "đơn vị", "cơ quan", "xã", "phường",
    "huyện", "thôn", "hộ", "phút", "giờ", "ngày", "tuần", "tháng", "năm", "km", "m", "m2", "ha",
    "kg", "tấn")
_UNIT = "|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True))
_QUANTITY = re.compile(rf"(?<![\w.,/-])\d+(?:[.,]\d+)*( +)(?:{_UNIT})(?!\w)")


def _spans(text: str) -> list[tuple[int, int]]:
    """Where spaces must not break: dates, quantities, 'Số:' before a symbol."""
    spans = [m.span() for m in _DATE.finditer(text)]
    spans += [m.span() for m in _QUANTITY.finditer(text)]
    spans += [m.span() for m in _NUMBER_LABEL.finditer(text)]
    return spans


def _hyphens(text: str) -> list[int]:
    """Positions of the hyphens inside document symbols."""
    return [m.start() + i for m in _SYMBOL.finditer(text)
            for i, char in enumerate(m.group()) if char == "-"]


def parts(text: str) -> list[str]:
    """The text cut at each hyphen of a symbol (hyphens dropped), protected spaces as U+00A0.

    Joining the parts with a hyphen gives back the text with U+00A0 for the protected spaces.
    """
    chars = list(text)
    for start, end in _spans(text):
        for index in range(start, end):
            if chars[index] == " ":
                chars[index] = NBSP
    pieces, last = [], 0
    for index in _hyphens(text):
        pieces.append("".join(chars[last:index]))
        last = index + 1
    pieces.append("".join(chars[last:]))
    return pieces


def mark(text: str) -> str:
    """The protected text as one string: U+00A0 spaces, U+2011 for a symbol's hyphens."""
    return NB_HYPHEN.join(parts(text))
