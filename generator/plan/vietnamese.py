"""Vietnamese writing rules: ND30 dates, point letters, Roman numerals, upper case, numbers."""
from __future__ import annotations

import datetime as dt
import unicodedata

# ND30's point letters: the Vietnamese alphabet without f, j, w, z and the accented vowels.
POINT_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p",
                 "q", "r", "s", "t", "u", "v", "x", "y")
DRAFT_BLANK = "     "
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the form ND30 requires."""
    return unicodedata.normalize("NFC", text)


def upper(text: str) -> str:
    """Upper-case Vietnamese text, keeping the result NFC."""
    return nfc(nfc(text).upper())


def capitalize_first(text: str) -> str:
    """Upper-case the first letter only (sentence case), leaving the rest untouched."""
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower-case the first letter only, for a title used inside a sentence."""
    return text[:1].lower() + text[1:] if text else text


def point_letter(index: int) -> str:
    """Letter of the index-th point (0-based): a b c d đ e g h i k … (ND30's alphabet)."""
    if index < len(POINT_LETTERS):
        return POINT_LETTERS[index]
    first, rest = divmod(index, len(POINT_LETTERS))
    return POINT_LETTERS[first - 1] + POINT_LETTERS[rest]


def roman(number: int) -> str:
    """Roman numeral for a section number."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def day_text(day: int) -> str:
    """Day of month with ND30's zero rule: days below 10 get a leading zero."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Month with ND30's zero rule: only months 1 and 2 get a leading zero."""
    return f"{month:02d}" if month < 3 else str(month)


def long_date(date: dt.date | None, year: int, *, day_known: bool = True) -> str:
    """'ngày 05 tháng 01 năm 2024'; blanks for what a draft does not know yet (day, month)."""
    if date is None:
        return f"ngày{DRAFT_BLANK}tháng{DRAFT_BLANK}năm {year}"
    if not day_known:
        return f"ngày{DRAFT_BLANK}tháng {month_text(date.month)} năm {date.year}"
    return f"ngày {day_text(date.day)} tháng {month_text(date.month)} năm {date.year}"


def short_date(date: dt.date) -> str:
    """'05/01/2024', '19/6/2015': the short form used inside citations, same zero rule."""
    return f"{day_text(date.day)}/{month_text(date.month)}/{date.year}"


def number_text(value: int | float) -> str:
    """A number written the Vietnamese way (1.000,5)."""
    # Imported here: most plans print no figure, and Babel's number data costs ~13 ms a start.
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale="vi_VN"))


def document_number(number: int | None) -> str:
    """The number part of a symbol: two digits at least, blanks for a draft."""
    if number is None:
        return DRAFT_BLANK
    return f"{number:02d}"
