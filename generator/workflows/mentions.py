"""Where a text names a reorganised body, under any name it was printed with, and the text renamed.

A body is named by its registry name, its short name and code, the labels a plan prints it under,
and the usual short forms of each (short_forms.py), followed or not by its place ("… tỉnh",
"… tỉnh Hà Giang"). Pure: texts in, texts out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from generator.plan import vietnamese as vn
from generator.plan.short_forms import search_pattern, variants

# What may stand between two bodies of one list inside a text ("A, B và C").
_JOIN = re.compile(r"\s*(?:,|;|\bvà\b|\bcùng\b)\s*(?:\bvà\b\s*)?", re.IGNORECASE)
# What may be left around a text that is nothing but bodies (a recipient, a label).
_AROUND = re.compile(r"[\s,;:.\-–]*(?:\((?:[^()]*)\))?[\s,;:.]*")
# An abbreviation written in capitals ("PT-TH", "TT&TT", "STTTT"): a short form, not the name.
_ABBREVIATED = re.compile(r"[A-ZĐ&]{2,}")


@dataclass(frozen=True)
class Former:
    """A reorganised body: the names a plan printed it under, and its successor's name."""

    names: tuple[str, ...]
    successor: str
    places: tuple[str, ...] = ()  # place names that may follow a name ("Hà Giang")
    code: str | None = None  # the successor's code, for a mention written as a code ("STTTT")

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        stems = [re.sub(r"\s+(?:tỉnh|thành phố)$", "", n, flags=re.IGNORECASE) for n in self.names]
        written = [v for name in (*self.names, *stems) for v in variants(name)
                   if len(v.strip()) >= 3]
        place = "|".join(re.escape(p) for p in sorted(self.places, key=len, reverse=True))
        tail = (rf"(?:\s+(?:tỉnh|thành phố)(?:\s+(?:{place}))?|\s+(?:{place}))?" if place
                else r"(?:\s+(?:tỉnh|thành phố))?")
        core = search_pattern(written).pattern
        return re.compile(core.removesuffix(r"(?!\w)") + tail + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    """One mention of a former body in a text."""

    start: int
    end: int
    text: str
    former: Former


@dataclass
class Edited:
    """A text with its mentions renamed; the mentions left for a human (inside a sentence)."""

    text: str
    left: list[Found] = field(default_factory=list)


def find(text: str, formers: list[Former]) -> list[Found]:
    """Every mention of a former body or of a successor, in text order, longest first where two
    overlap (a successor stands for itself: "Sở Tài chính, Sở KH&ĐT" is a list of one body)."""
    successors = {f.successor: Former((f.successor,), f.successor, f.places, f.code)
                  for f in formers}
    hits = [Found(m.start(), m.end(), m.group(0), former)
            for former in [*formers, *successors.values()]
            for m in former.pattern.finditer(text)]
    hits.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for hit in hits:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def runs(text: str, found: list[Found]) -> list[list[Found]]:
    """Mentions that follow each other as one list ("A, B và C"), grouped."""
    grouped: list[list[Found]] = []
    for hit in found:
        if grouped and _JOIN.fullmatch(text[grouped[-1][-1].end:hit.start]):
            grouped[-1].append(hit)
        else:
            grouped.append([hit])
    return grouped


def rename(text: str, formers: list[Former], *, item: bool = False) -> Edited:
    """The text with its former bodies named by their successors.

    Renamed: a text that is only bodies (ITEM: a recipient or a label, or such a list), a list
    of bodies inside a sentence, and a body written out in full. A short form or a code alone
    inside a sentence is left, for a human to reword. A successor named twice in a row is named
    once ("A, A" and "A và A" become "A").
    """
    found = find(text, formers)
    if all(f.former.names == (f.former.successor,) for f in found):
        return Edited(text)
    grouped = runs(text, found)
    whole = item or _only(text, grouped)
    out, at, left = [], 0, []
    for run in grouped:
        if whole or len(run) > 1 or not _ABBREVIATED.search(run[0].text):
            out += [text[at:run[0].start], _joined(text, run)]
            at = run[-1].end
        else:
            left += [f for f in run if f.former.names != (f.former.successor,)]
    out.append(text[at:])
    renamed = "".join(out)
    for successor in {f.former.successor for f in found}:
        renamed = once(renamed, successor)
    return Edited(renamed, left)


def once(text: str, name: str) -> str:
    """NAME written twice or more in a row, joined by ',', ';' or 'và', written once."""
    one = search_pattern([name]).pattern
    return re.sub(rf"({one})(?:{_JOIN.pattern}(?:{one}))+", r"\1", text, flags=re.IGNORECASE)


def _only(text: str, grouped: list[list[Found]]) -> bool:
    """Whether the text is one list of bodies, and nothing but punctuation or a note around it."""
    return len(grouped) == 1 and bool(
        _AROUND.fullmatch(text[:grouped[0][0].start])
        and _AROUND.fullmatch(text[grouped[0][-1].end:]))


def _joined(text: str, run: list[Found]) -> str:
    names: list[str] = []
    for hit in run:
        name = _same_case(hit.text, hit.former.successor, hit.former.code)
        if name.casefold() not in (n.casefold() for n in names):
            names.append(name)
    if len(names) == 1:
        return names[0]
    joins = [text[a.end:b.start] for a, b in pairwise(run)]
    last = joins[-1] if len(joins) >= len(names) - 1 else ", "
    return ", ".join(names[:-1]) + (last if "và" in last else ", ") + names[-1]


def _same_case(written: str, name: str, code: str | None = None) -> str:
    if code and " " not in written.strip() and _ABBREVIATED.fullmatch(written.strip()):
        return code  # a code for a code
    letters = [c for c in written if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return vn.upper(name)
    return vn.lower_first(name) if written[:1].islower() else name
