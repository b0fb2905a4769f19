"""A legal basis read back: "Căn cứ …;" into structured citations that print the same words.

Each citation is parsed into type, number, date, issuer and title, then printed again with the
plan's own citation rules (plan/citation.py): kept structured only when that gives the very words
read, else kept as its text. So an import never changes what a basis says.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from generator.importing.slugs import ascii_fold as _ascii
from generator.importing.slugs import slug as _slug
from generator.plan.citation import citation
from generator.plan.schema import LAW_TYPES

# The documents a basis cites, longest first ("Nghị quyết liên tịch" before "Nghị quyết").
DOCUMENT_TYPES = ("Nghị quyết liên tịch", "Thông tư liên tịch", "Nghị quyết", "Nghị định",
                  "Quyết định", "Chỉ thị", "Thông tư", "Kế hoạch", "Công văn", "Hướng dẫn",
                  "Thông báo", "Kết luận", "Chương trình", "Đề án", "Văn bản", "Tờ trình",
                  "Báo cáo", "Lệnh")
_TYPES = (*sorted(LAW_TYPES, key=len, reverse=True), *DOCUMENT_TYPES)
_TYPE = re.compile("(?P<type>" + "|".join(re.escape(t) for t in _TYPES) + r")\b\s*")
_NUMBER = re.compile(r"số\s+(?P<number>\d[^\s,;]*)\s*")  # "số điều" is no number
_DATE = re.compile(r"ngày\s+(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
                   r"|(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>\d{1,2})\s+năm\s+(?P<ly>\d{4}))\s*")
_ISSUER = re.compile(r"của\s+")
# Where an issuer's name ends and the title begins: the first of these words.
_TITLE_START = re.compile(
    r"\s(?=(?:ban hành|[Vv]ề|quy định|hướng dẫn|phê duyệt|sửa đổi|triển khai|thực hiện|"
    r"đẩy mạnh|tăng cường|tiếp tục|kiện toàn|thành lập|giao|tổ chức|công bố|bãi bỏ)\b)")


def parse_basis(text: str) -> list[dict[str, Any]] | None:
    """The citations of a "Căn cứ …;" paragraph (the first, then those cited with it), or None
    when the paragraph is not a basis."""
    found = re.match(r"Căn cứ\s+(?P<body>.+?)[;.]?$", unicodedata.normalize("NFC", text.strip()))
    if found is None:
        return None
    return [parse_citation(part) for part in _split(found.group("body"))]


def _split(body: str) -> list[str]:
    """The documents of one basis: '; ' followed by the name of a document type."""
    starts = [0] + [m.end() for m in re.finditer(r";\s+", body) if _TYPE.match(body, m.end())]
    ends = [m.start() for m in re.finditer(r";\s+", body) if _TYPE.match(body, m.end())]
    return [body[a:b].strip() for a, b in zip(starts, [*ends, len(body)], strict=True)]


def parse_citation(text: str, long_dates: bool | None = None) -> dict[str, Any]:
    """One cited document, structured when that prints the same words, else {'text': …}.

    long_dates: how the place it comes from prints dates (a Tờ trình's "ngày 12 tháng 12 năm
    2022" always long: True); None when either may be read.
    """
    text = text.strip()
    guess = _structured(text)
    if guess is not None:
        cite, long = guess
        printed = citation(cite, long_dates=long) == text.rstrip(" ;.,")
        if printed and (long_dates is None or long == long_dates or "date" not in cite):
            return cite
    return {"text": text}


def _structured(text: str) -> tuple[dict[str, Any], bool] | None:
    """The citation a text reads as, and whether its date was written long."""
    kind = _TYPE.match(text)
    if kind is None:
        return None
    cite: dict[str, Any] = {"type": kind.group("type")}
    at = kind.end()
    if cite["type"] in LAW_TYPES:  # "Luật Tổ chức chính quyền địa phương ngày 19/6/2015"
        date = _last_date(text, at)
        title_end = date.start() if date else len(text)
        number = _NUMBER.search(text, at, title_end)
        if number is not None:
            title_end = number.start()
            cite["number"] = number.group("number")
        if _DATE.search(text, at, title_end):
            return None  # a date inside the title: which one is the law's is a guess
        if text[at:title_end].strip():
            cite["title"] = text[at:title_end].strip()
        if date is not None:
            cite["date"] = _iso(date)
        return cite, date is not None and date.group("ld") is not None
    return _document(text, at, cite)


def _document(text: str, at: int, cite: dict[str, Any]) -> tuple[dict[str, Any], bool] | None:
    """'Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành …' (each part optional)."""
    long_date = False
    number = _NUMBER.match(text, at)
    if number is not None:
        cite["number"] = number.group("number")
        at = number.end()
    date = _DATE.match(text, at)
    if date is not None:
        cite["date"] = _iso(date)
        long_date = date.group("ld") is not None
        at = date.end()
    issuer = _ISSUER.match(text, at)
    if issuer is not None:
        rest = text[issuer.end():]
        title = _TITLE_START.search(rest)
        cite["issuer"] = (rest[:title.start()] if title else rest).strip()
        at = issuer.end() + (title.start() if title else len(rest))
    if text[at:].strip():
        cite["title"] = text[at:].strip()
    return cite, long_date


def _last_date(text: str, start: int) -> re.Match[str] | None:
    found = None
    for match in _DATE.finditer(text, start):
        found = match
    return found if found is not None and not text[found.end():].strip(" ;.,") else None


def _iso(match: re.Match[str]) -> str:
    day, month, year = (match.group("d"), match.group("m"), match.group("y"))
    if day is None:
        day, month, year = (match.group("ld"), match.group("lm"), match.group("ly"))
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:  # "ngày 30/02/…": not a date; the citation stays text
        return f"{year}-{month}-{day}"


def citation_id(cite: dict[str, Any], taken: set[str]) -> str:
    """A stable id from a citation's words ('nq-76-2021', 'luat-tccqdp-2015'), unique in TAKEN."""
    text = str(cite.get("text", ""))
    kind = cite.get("type") or (found.group("type") if (found := _TYPE.match(text)) else "")
    number = cite.get("number") or (found.group("number") if (found := _NUMBER.search(text))
                                    else "")
    year = str(cite.get("date", ""))[:4] or (found.group(0) if (found := re.search(
        r"\b(19|20)\d\d\b", text)) else "")
    if kind in LAW_TYPES:
        head = "luat"
        middle = number.split("/")[0] if number else "".join(
            w[0] for w in _ascii(cite.get("title", text)).split()[:6])
    else:
        head = "".join(w[0] for w in _ascii(kind).split()) or "vb"
        middle = re.split(r"[/-]", number)[0] if number else ""
    base = "-".join(part for part in (head, _slug(middle), year) if part)
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident
