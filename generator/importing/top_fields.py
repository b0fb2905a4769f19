"""The top of the plan YAML read back: kind, year, number and date, issuer, reference line.

What the header says comes first; what a header-less copy leaves out is looked for where ND30
repeats it (the reference line under the plan or the appendix: "(Ban hành kèm theo Kế hoạch
số 136/KH-STTTT ngày 28/12/2023 của Sở …)"); what is found nowhere is guessed and listed.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from generator.importing.header import Header, issuer_name
from generator.importing.ids import ascii_words
from generator.plan import vietnamese as vn
from generator.shell.errors import Message

_REFERENCE = re.compile(
    r"^\((?P<phrase>Ban hành kèm theo|Kèm theo)\s+(?P<kind>Quyết định|Kế hoạch)\s+số\s*:?\s*"
    r"(?P<number>\d*)\s*/\s*(?P<type>[A-ZĐ]+)\s*-\s*(?P<code>[A-ZĐ&]+)\s+(?P<date>ngày.*?)\s+"
    r"của\s+(?P<issuer>.+?)\)?$")
_LONG = re.compile(r"ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})$")
_SHORT = re.compile(r"ngày\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$")
_SHORT_MONTH = re.compile(r"ngày\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})$")
_TITLE = re.compile(r"^(?P<topic>.+?)\s+năm\s+(?P<year>\d{4})(?:\s+(?P<scope>.+))?$",
                    re.IGNORECASE)
_PLACE = re.compile(r"(?:tỉnh|thành phố)\s+(?P<place>[A-ZĐÂĂÊÔƠƯ][\w ]+?)$")


@dataclass
class Reference:
    """A reference line read: the phrase, the document it names, how it prints the date."""

    phrase: str
    kind: str
    number: int | None
    code: str
    date: str | None  # YYYY-MM-DD, or YYYY-MM
    short: bool
    issue_year: int | None
    issuer: str


@dataclass
class Top:
    """The top-level fields and the checklist entries (line, path, message) about them."""

    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[int, tuple[str, ...], Message]] = field(default_factory=list)


def read_reference(text: str) -> Reference | None:
    """The reference line "(Ban hành kèm theo … của …)", or None when TEXT is not one."""
    found = _REFERENCE.match(" ".join(text.split()))
    if found is None:
        return None
    date_text = found.group("date")
    date, short, year = None, False, None
    if long := _LONG.match(date_text):
        date, year = _date(long.group("y"), long.group("m"), long.group("d"))
    elif shorter := _SHORT.match(date_text):
        date, year = _date(shorter.group("y"), shorter.group("m"), shorter.group("d"))
        short = True
    elif month := _SHORT_MONTH.match(date_text):
        date, year, short = f"{month.group('y')}-{int(month.group('m')):02d}", None, True
    number = int(found.group("number")) if found.group("number") else None
    return Reference(found.group("phrase"), found.group("kind"), number, found.group("code"),
                     date, short, year, found.group("issuer").strip())


def _date(year: str, month: str | None, day: str | None) -> tuple[str | None, int | None]:
    if month and day:
        try:
            return dt.date(int(year), int(month), int(day)).isoformat(), None
        except ValueError:
            return None, int(year)
    if month:
        return f"{year}-{int(month):02d}", None
    return None, int(year)


def title_parts(title: str) -> tuple[str, int | None, str | None]:
    """(topic, year, scope) of a plan's summary: "Tuyên truyền … năm 2023 trên địa bàn …"."""
    found = _TITLE.match(title)
    if found is None:
        return title, None, None
    return found.group("topic"), int(found.group("year")), found.group("scope")


def issuer(head: Header, text: str, reference: Reference | None, line: int,
           title: str = "") -> Top:
    """The `issuer:` mapping: from the header, else from the reference line, else guessed."""
    out = Top()
    name = issuer_name(head, text) if head.header else None
    if name is None and reference is not None:
        name = reference.issuer
    if name is None and not head.header and (name := _named_issuer(title, text)):
        out.notes.append((line, ("issuer", "name"), Message(
            "the document has no header: the issuing body is guessed from its text")))
    if name is None and head.header:
        name = sentence_case(" ".join(head.header))
        out.notes.append((line, ("issuer", "name"), Message(
            "the issuing body's name is guessed from its header: write it as in running text")))
    if name is None:
        name = "Cơ quan ban hành"
        out.notes.append((line, ("issuer", "name"), Message(
            "the issuing body's name was found nowhere: write it")))
    code = head.code or (reference.code if reference else None)
    if code is None:
        own = re.split(r"\s+(?:tỉnh|thành phố)\s", name)[0]
        code = "".join(w[0] for w in ascii_words(own)).upper()[:8] or "CQ"
        out.notes.append((line, ("issuer", "code"), Message(
            "the issuer's code (the end of \"Số: …/KH-CODE\") is guessed: {code}",
            {"code": code})))
    place = head.place or _place_of(name, head)
    if place is None:
        place = "Địa danh" if name == "Cơ quan ban hành" else name.split()[-1]
        out.notes.append((line, ("issuer", "place"), Message(
            "the place of the date line is guessed: {place}", {"place": place})))
    fields: dict[str, Any] = {"name": name, "code": code, "place": place}
    if head.parent:
        fields["parent"] = head.parent
    if head.header:
        fields["header"] = list(head.header)
    if reference is not None and reference.issuer != name:
        fields["reference_name"] = reference.issuer
    out.fields = fields
    return out


def _named_issuer(title: str, text: str) -> str | None:
    """The body a header-less plan names as its author: "… của Sở Nội vụ năm 2021" in its
    title, or "Sở Nội vụ xây dựng Kế hoạch" in its text; with the province the text names."""
    from generator.importing.bodies import looks_like_body

    found = re.search(r"\bcủa\s+(?P<name>.+?)(?:\s+năm\s+\d{4}|$)", title)
    name = found.group("name") if found and looks_like_body(found.group("name")) else None
    if name is None:
        found = re.search(r"(?P<name>(?:Sở|Ban|Phòng|Văn phòng|Ủy ban nhân dân|UBND)\s"
                          r"[^.,;:]{2,80}?)\s+(?:xây dựng|ban hành)\s+Kế hoạch", text)
        name = found.group("name") if found else None
    if name is None:
        return None
    province = re.search(r"\btỉnh\s+(?P<place>(?:[A-ZĐ][\w]*\s?){1,3})", text)
    if "tỉnh" not in name and province:
        name = f"{name} tỉnh {province.group('place').strip()}"
    return name


def sentence_case(printed: str) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG' → 'Ủy ban nhân dân tỉnh Hà Giang': the words after a
    place word keep their capitals, as names of places do."""
    words, out, proper = printed.split(), [], False
    for word in words:
        lower = word.lower()
        out.append(word.capitalize() if proper else lower)
        if lower in ("tỉnh", "phố", "huyện", "xã", "phường", "thị", "trấn"):
            proper = True
    return vn.capitalize_first(" ".join(out))


def _place_of(name: str, head: Header) -> str | None:
    for text in (name, head.parent or ""):
        found = _PLACE.search(" ".join(w if not w.isupper() else w.title() for w in text.split()))
        if found:
            return found.group("place").strip()
    return None
