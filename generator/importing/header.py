"""The header of an ND30 document read back: issuing body, number and symbol, place and date, kind.

ND30 sets the top of a Quyết định or Kế hoạch as two columns: the issuing body (under its parent,
if any) and its "Số: …/QĐ-UBND" on the left; the national motto and "Place, ngày … tháng … năm …"
on the right; then the kind of document and what it is about. Copied text gives those lines in
either column order; each is known by its shape, not its place.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator.importing.outline import Paragraph
from generator.plan import vietnamese as vn

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
KINDS = {"QUYẾT ĐỊNH": "decision", "KẾ HOẠCH": "plan"}
_SYMBOL = re.compile(r"Số\s*:?\s*(?P<number>\d*)\s*/\s*(?P<code>[A-ZĐ]+)\s*-\s*"
                     r"(?P<issuer>[A-ZĐ&]+)")
_DATED = re.compile(r"(?P<place>[^,]+),\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?"
                    r"\s*năm\s*(?P<year>\d{4})\.?$")
# A line of the header naming the issuing body itself, below its parent's line.
_BODY_WORDS = ("SỞ ", "BAN ", "PHÒNG ", "VĂN PHÒNG", "TRUNG TÂM", "CHI CỤC", "ĐÀI ", "BÁO ")


@dataclass
class Header:
    """What the top of the document says; None (or empty) for what it does not."""

    kind: str | None = None  # decision | plan
    header: list[str] = field(default_factory=list)  # the issuing body's lines, as printed
    parent: str | None = None  # the parent's line ("UBND TỈNH TUYÊN QUANG")
    code: str | None = None  # the issuer's code in the symbol (UBND, SNV)
    number: int | None = None  # None for a draft's blank number
    place: str | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM for a draft that knows its month
    issue_year: int | None = None  # the year of a draft's blank date
    title_at: int | None = None  # the index of the paragraph naming the kind (QUYẾT ĐỊNH …)


def read_header(found: list[Paragraph]) -> Header:
    """The header of a document from its first paragraphs (up to the kind's name)."""
    head = Header()
    names: list[str] = []
    for index, paragraph in enumerate(found):
        text = paragraph.text
        if text in KINDS:
            head.kind, head.title_at = KINDS[text], index
            break
        if text in MOTTO or text.replace("–", "-") in MOTTO:
            continue
        if symbol := _SYMBOL.match(text):
            head.number = int(symbol.group("number")) if symbol.group("number") else None
            head.code = symbol.group("issuer")
        elif dated := _DATED.match(text):
            _date(head, dated)
        elif text.isupper() and not paragraph.level:
            names.append(text)
    _names(head, names)
    return head


def _date(head: Header, dated: re.Match[str]) -> None:
    head.place = dated.group("place").strip()
    year, month, day = (int(dated.group("year")), dated.group("month"), dated.group("day"))
    if month and day:
        try:
            head.date = dt.date(year, int(month), int(day)).isoformat()
        except ValueError:
            head.issue_year = year  # not a real date: the importer asks for it
    elif month:
        head.date = f"{year}-{int(month):02d}"
    else:
        head.issue_year = year


def _names(head: Header, names: list[str]) -> None:
    """The header lines: a parent's line, then the body's own (SỞ …, BAN …) when there are two
    names; else one name printed over one or two lines."""
    if len(names) >= 2 and names[-1].startswith(_BODY_WORDS) and not names[0].startswith(
            _BODY_WORDS):
        head.parent, head.header = names[0], names[1:]
    else:
        head.header = names


def issuer_name(head: Header, text: str) -> str | None:
    """The issuing body's name as the text writes it in running prose ("Ủy ban nhân dân tỉnh Hà
    Giang" for the header's "ỦY BAN NHÂN DÂN / TỈNH HÀ GIANG"), with its province when its parent
    is the province's People's Committee ("Sở Nội vụ tỉnh Tuyên Quang"); None when prose never
    names it (then a person must write it)."""
    printed = " ".join(head.header)
    if not printed:
        return None
    words = [re.escape(word) for word in printed.split()]
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
    name = next((re.sub(r"\s+", " ", m.group(0)) for m in pattern.finditer(text)
                 if not m.group(0).isupper()), None)
    if name is None:
        return None
    province = re.match(r"(?:UBND|ỦY BAN NHÂN DÂN)\s+(TỈNH|THÀNH PHỐ)\s+", head.parent or "")
    if province and head.place and head.place.casefold() not in name.casefold():
        name = f"{name} {province.group(1).lower()} {head.place}"
    return vn.nfc(name)
