"""Years in free text: which speak of the plan year (and move), which are citations (never)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

DOCUMENT_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết", "Nghị định",
                  "Quyết định", "Chỉ thị", "Thông tư", "Kế hoạch", "Công văn", "Đề án",
                  "Chương trình", "Hướng dẫn", "Tờ trình", "Thông báo", "Báo cáo", "Kết luận",
                  "Quy định", "Văn bản")
_TYPES = "|".join(DOCUMENT_TYPES)
# A cited document: its type and number ("Quyết định số 2250/QĐ-UBND", "Nghị quyết 14-NQ/TU"),
# up to the end of its clause.
CITATION = re.compile(
    rf"(?i:\b(?:{_TYPES}))\s+(?:số\s+)?\d+[\w./&-]*[^;.()]*(?:\([^)]*\)[^;.()]*)*")
_YEAR = r"(?:19|20)\d\d"
# Dates and periods are what they say: "19/12/2022", "ngày 5 tháng 6 năm 2015", "2021-2030",
# "giai đoạn 2021 - 2025", "đến năm 2030", "từ năm 2021".
PROTECTED = re.compile(
    rf"\b\d{{1,2}}/\d{{1,2}}/{_YEAR}\b"
    rf"|(?i:ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+{_YEAR})"
    rf"|(?i:tháng\s+\d{{1,2}}\s*(?:năm\s+|/){_YEAR})"
    rf"|\b{_YEAR}\s*[-–—]\s*{_YEAR}\b"
    rf"|(?i:(?:giai\s+đoạn|đến\s+năm|từ\s+năm|tầm\s+nhìn(?:\s+đến)?(?:\s+năm)?)\s+{_YEAR})")
# The forms that speak of a year of the plan: "năm 2023", "Năm 2023", "NĂM 2023", "Quý I/2023",
# "Quý II, III/2023", "quý IV năm 2023".
MOVABLE = re.compile(
    rf"(?P<lead>(?i:năm)\s+|(?i:quý)\s+[IV]+(?:\s*(?:,|và)\s*[IV]+)*\s*(?:/|(?i:năm)\s+))"
    rf"(?P<year>{_YEAR})\b")
ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
BARE_YEAR = re.compile(rf"(?<![\d/])(?P<year>{_YEAR})(?![\d/])")


@dataclass
class Moved:
    """A text with its plan years moved, and what a human must look at."""

    text: str
    cited: list[str] = field(default_factory=list)  # citations that name an old plan year
    ambiguous: list[str] = field(default_factory=list)  # old years in a form not understood


def move_years(text: str, old: int, new: int) -> Moved:
    """Move 'năm OLD' and 'năm OLD-1' (and quarters) by NEW-OLD; keep citations and dates.

    A year of the plan or the year before, written any other way, is not guessed: it is listed.
    """
    moved = Moved("")
    shift = new - old
    pieces: list[str] = []
    at = 0
    for span in _protected_spans(text):
        pieces.append(_move_plain(text[at:span[0]], old, shift, moved))
        protected = text[span[0]:span[1]]
        if CITATION.match(protected):
            if _mentions_plan_year(protected, old):
                moved.cited.append(protected.strip())
        elif any(int(y) in (old, old - 1) for y in ANY_YEAR.findall(protected)):
            # A date or a period in the plan's years, outside a citation: a deadline, perhaps.
            _note(moved.ambiguous, _around(text, *span))
        pieces.append(protected)
        at = span[1]
    pieces.append(_move_plain(text[at:], old, shift, moved))
    moved.text = "".join(pieces)
    return moved


def _protected_spans(text: str) -> list[tuple[int, int]]:
    spans = sorted([m.span() for m in CITATION.finditer(text)]
                   + [m.span() for m in PROTECTED.finditer(text)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _mentions_plan_year(citation: str, old: int) -> bool:
    """A citation tied to the old plan: it names the plan year as a year, not as a date."""
    return any(int(m["year"]) == old for m in MOVABLE.finditer(citation))


def _move_plain(text: str, old: int, shift: int, moved: Moved) -> str:
    def move(match: re.Match[str]) -> str:
        year = int(match["year"])
        if year in (old, old - 1):
            return f"{match['lead']}{year + shift}"
        return match.group(0)

    result = MOVABLE.sub(move, text)
    leftover = MOVABLE.sub("", text)
    for match in BARE_YEAR.finditer(leftover):
        if int(match["year"]) in (old, old - 1):
            _note(moved.ambiguous, _around(leftover, match.start(), match.end()))
    return result


def _note(found: list[str], snippet: str) -> None:
    if snippet not in found:
        found.append(snippet)


def _around(text: str, start: int, end: int) -> str:
    return text[max(0, start - 30):end + 30].strip()
