"""The body registry an import builds from every body the text names, and refs that print them.

A plan names its bodies in assignment headings ("Sở Nội vụ:"), in appendix cells ("- Sở Tài
chính") and in Nơi nhận; the same body may be written out in full or with a short phrase ("Sở
TT&TT"). Names are joined to one entry when they fold to the same words (case, dashes and the
short phrases of plan/short_forms.py aside); a collective phrase ("các sở, ban, ngành", "UBND
các xã, phường") becomes a group. A ref prints the very words read: the id alone when the
registry name prints them, else `{body: id, label: words}`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importing.ids import Ids
from generator.plan import short_forms
from generator.plan import vietnamese as vn

# The words a body's name begins with in Vietnamese administrative writing. A piece of a list
# that begins otherwise ("Thể thao và Du lịch") belongs to the name before it.
BODY_STARTS = (
    "Sở", "Ban", "Ủy ban", "Uỷ ban", "UBND", "HĐND", "Hội đồng", "Văn phòng", "Công an", "Bộ",
    "Đài", "Báo", "Trung tâm", "Hội", "Liên đoàn", "Tỉnh đoàn", "Đoàn", "Các", "các", "Phòng",
    "Chi cục", "Bưu điện", "Cục", "Viễn thông", "Ngân hàng", "Kho bạc", "Thanh tra", "Mặt trận",
    "Trường", "Bệnh viện", "Đảng ủy", "Đảng uỷ", "Tòa án", "Viện", "Chủ tịch", "Giám đốc",
    "Thủ trưởng", "Người đứng đầu", "Cổng", "Bộ phận", "Tổ", "Cơ quan", "Đơn vị", "Lãnh đạo",
    "Chánh", "Trưởng", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Huyện ủy", "Đề nghị", "Quỹ",
    "Hợp tác xã", "Doanh nghiệp", "Cơ sở", "Chi nhánh", "Tập đoàn", "Tổng công ty", "Công ty",
)
_STARTS = re.compile(r"(?:" + "|".join(re.escape(w) for w in BODY_STARTS) + r")(?!\w)")
_SPLIT = re.compile(r"\s*[,;]\s+|\s+và\s+")
_GROUP = re.compile(r"(?:^|\s)các\s", re.IGNORECASE)


def looks_like_body(text: str) -> bool:
    """Whether TEXT begins the way a body's name does."""
    return _STARTS.match(text.strip()) is not None


def split_names(text: str) -> list[str]:
    """A text naming bodies cut into their names: ", ", "; " and " và " separate two names
    only where what follows begins like a body's name ("Sở Văn hóa, Thể thao và Du lịch" is one)."""
    text = text.strip().rstrip(" .;:")
    if not text:
        return []
    names: list[str] = []
    at = 0
    for found in _SPLIT.finditer(text):
        rest = text[found.end():]
        if looks_like_body(rest) and text[at:found.start()].strip():
            names.append(text[at:found.start()].strip())
            at = found.end()
    names.append(text[at:].strip())
    return names


def fold(name: str) -> str:
    """The words two spellings of one body share: lower case, dashes, short phrases expanded."""
    folded = short_forms.fold_name(name.strip().rstrip(" .;:"))
    return re.sub(r"\s*\(.*?\)\s*$", "", folded)


@dataclass
class Entry:
    """One body or group of the registry."""

    id: str
    name: str
    group: bool
    short: str | None = None
    seen: list[str] = field(default_factory=list)


class Registry:
    """Every body an import has met, in the order met; groups apart.

    An import reads the document twice with one registry: the first reading meets every name,
    so that the second gives each body its fullest name and an id made from it.
    """

    def __init__(self) -> None:
        self.ids = Ids()
        self.entries: dict[str, Entry] = {}

    def split(self, text: str) -> list[str]:
        """A text naming one or more bodies cut into names (see split_names)."""
        return split_names(text)

    def entry(self, name: str) -> Entry:
        """The entry of NAME, made on first sight."""
        key = fold(name)
        found = self.entries.get(key)
        if found is None:
            group = _GROUP.search(name) is not None
            stored = vn.lower_first(name) if name.startswith("Các ") else name
            found = self.entries[key] = Entry("", stored, group)
        if name not in found.seen:
            found.seen.append(name)
            if found.id:
                return found
            if len(name) > len(found.name):
                found.name, name = name, found.name
            if name != found.name and vn.lower_first(name) != found.name and (
                    found.short is None or len(name) < len(found.short)):
                found.short = name
        return found

    def _id(self, entry: Entry) -> str:
        if not entry.id:
            entry.id = (self.ids.from_words(entry.name, words=4) if entry.group
                        else self.ids.initials(entry.name))
        return entry.id

    def ref(self, name: str) -> Any:
        """The ref that prints exactly NAME: its id, or {body, label} when the name differs."""
        name = name.strip()
        found = self.entry(name)
        ident = self._id(found)
        if name in (found.name, vn.capitalize_first(found.name)):
            return ident
        return {"body": ident, "label": name}

    def bodies(self) -> list[dict[str, Any]]:
        """The `bodies:` list of the YAML."""
        out = []
        for entry in self.entries.values():
            if not entry.group:
                row: dict[str, Any] = {"id": self._id(entry), "name": entry.name}
                if entry.short:
                    row["short"] = entry.short
                out.append(row)
        return out

    def groups(self) -> list[dict[str, Any]]:
        """The `groups:` list of the YAML."""
        return [{"id": self._id(e), "name": e.name} for e in self.entries.values() if e.group]
