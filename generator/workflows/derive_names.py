"""How a derived plan names its unit: commune or body, its head's title, its code, its parent."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from generator.plan import vietnamese as vn

_COMMUNE = re.compile(r"^(UBND|Ủy ban nhân dân) (xã|phường|thị trấn|đặc khu)\b", re.IGNORECASE)
# The head of a body, by the first words of its name (a department's is GIÁM ĐỐC).
_HEADS = (("Sở ", "GIÁM ĐỐC"), ("Văn phòng", "CHÁNH VĂN PHÒNG"), ("Ban ", "TRƯỞNG BAN"),
          ("Trung tâm", "GIÁM ĐỐC"), ("Đài", "GIÁM ĐỐC"), ("Báo", "TỔNG BIÊN TẬP"),
          ("Phòng", "TRƯỞNG PHÒNG"), ("Chi cục", "CHI CỤC TRƯỞNG"))


def is_commune(name: str) -> bool:
    """Whether a body is a commune's or ward's People's Committee (signs TM. ỦY BAN NHÂN DÂN)."""
    return bool(_COMMUNE.match(name))


def head_title(name: str) -> str:
    """The title of a body's head, guessed from its name."""
    if is_commune(name):
        return "CHỦ TỊCH"
    return next((title for start, title in _HEADS if name.startswith(start)), "THỦ TRƯỞNG")


def short_issuer(name: str) -> str:
    """'Ủy ban nhân dân tỉnh Hà Giang' → 'UBND tỉnh Hà Giang', as officers abbreviate it."""
    return re.sub(r"^Ủy ban nhân dân\b", "UBND", name)


def report_to(name: str) -> str:
    """'Ủy ban nhân dân tỉnh Hà Giang' → 'UBND tỉnh': whom a child reports to, in Nơi nhận."""
    short = short_issuer(name)
    match = re.match(r"^UBND (tỉnh|thành phố)\b", short)
    return match.group(0) if match else short


def code_of(body: dict[str, Any]) -> str:
    """The unit's code in its symbol: its own, else its short name, else its initials."""
    if "code" in body:
        return str(body["code"])
    if is_commune(body["name"]):
        return "UBND"
    short = re.sub(r"[^A-ZĐa-zđ0-9&]", "", str(body.get("short", "")))
    if short[:1].isupper():
        return short
    initials = "".join(w[0] for w in body["name"].split() if w[:1].isalpha())
    return _unaccented(vn.upper(initials)) or "CQ"


def _unaccented(text: str) -> str:
    """Upper-case ASCII letters and Đ: what a code may hold."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text.replace("Đ", "\0"))
                   if not unicodedata.combining(c))
    return re.sub(r"[^A-Z0-9\0]", "", bare).replace("\0", "Đ")
