"""The closing of an ND30 document read back: Nơi nhận (recipients, Lưu, copies) and the signer.

Nơi nhận lists "- X;" lines and ends with "- Lưu: VT, A, B(50)."; the signature block beside it
gives the authority ("TM. ỦY BAN NHÂN DÂN"), the signing mode ("KT. CHỦ TỊCH" over "PHÓ CHỦ
TỊCH", "Q. GIÁM ĐỐC", "TL.", "TUQ.") or the title alone, then the signer's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importing.outline import Paragraph

_ARCHIVE = re.compile(r"Lưu\s*:\s*(?P<list>.*?)\s*(?:\((?P<copies>\d{1,3})\))?\s*[.;]?$")
_MODE = re.compile(r"(?P<mode>KT|TL|TUQ|Q|TM)\s*\.\s*(?P<rest>.+)")


@dataclass
class Closing:
    """What the closing says; an empty list or None for what it does not."""

    recipients: list[str] = field(default_factory=list)
    archive: list[str] = field(default_factory=list)  # after VT, which ND30 always puts first
    copies: int | None = None
    signer: dict[str, Any] = field(default_factory=dict)
    end: int = 0  # the index of the first paragraph after the signer's name
    stray: str = ""  # words after "Nơi nhận:" on its line (an extraction's leftovers)


def read_closing(found: list[Paragraph], start: int) -> Closing | None:
    """The closing that begins with the "Nơi nhận:" paragraph at or after START, or None."""
    at = next((i for i in range(start, len(found)) if is_notice(found[i])), None)
    if at is None:
        return None
    closing = Closing(stray=found[at].text.removeprefix("Nơi nhận").strip(" :"))
    at += 1
    while at < len(found) and found[at].level == "dash":
        text = found[at].text
        archive = _ARCHIVE.match(text)
        at += 1
        if archive is not None:
            names = [n.strip() for n in archive.group("list").split(",") if n.strip()]
            closing.archive = names[1:] if names[:1] == ["VT"] else names
            closing.copies = int(archive.group("copies")) if archive.group("copies") else None
            break
        closing.recipients.append(text.rstrip(" ;"))
    lines = []
    while at < len(found) and found[at].text.isupper() and not found[at].level:
        lines.append(found[at].text)
        at += 1
    if at < len(found) and lines:
        closing.signer = signer(lines, found[at].text)
        closing.end = at + 1
    return closing


def is_notice(paragraph: Paragraph) -> bool:
    """Whether the paragraph opens Nơi nhận."""
    return paragraph.level is None and paragraph.text.startswith(("Nơi nhận:", "Nơi nhận :"))


def signer(lines: list[str], name: str) -> dict[str, Any]:
    """The signer from the signature block's upper-case lines and the name under them."""
    out: dict[str, Any] = {}
    lines = list(lines)
    first = _MODE.match(lines[0]) if lines else None
    if first is not None and first.group("mode") == "TM":
        out["on_behalf"] = first.group("rest").strip()
        lines = lines[1:]
    mode = _MODE.match(lines[0]) if lines else None
    if mode is None:
        out["mode"] = "none"
        out["title"] = " ".join(lines)
    elif mode.group("mode") == "Q":
        out["mode"], out["head"] = "Q", mode.group("rest").strip()
    else:
        out["mode"], out["head"] = mode.group("mode"), mode.group("rest").strip()
        out["title"] = " ".join(lines[1:])
    out["name"] = name
    return out
