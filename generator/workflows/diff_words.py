"""A diff change as word runs, the basis of every rendering, and how it is read (docs/diff.md)."""
from __future__ import annotations

import re

from generator.shell.errors import N_, Message
from generator.shell.i18n import translate
from generator.workflows.diff import ADDED, CHANGED, MOVED, REMOVED, Difference, short, word_diff

KIND_WORDS = {ADDED: N_("Added"), REMOVED: N_("Removed"), CHANGED: N_("Changed"),
              MOVED: N_("Moved")}
REPLACED_WORD = N_("Body replaced")

Words = list[tuple[str, str]]


def kind_word(kind: str, lang: str) -> str:
    """'Sửa', 'Changed' …: the kind of a change in a language (an unknown kind as it is)."""
    msgid = KIND_WORDS.get(kind)
    return kind if msgid is None else translate(Message(msgid), lang)


def change_word(change: Difference, lang: str) -> str:
    """The kind of a change as a reviewer names it: 'Thay cơ quan' for a body replaced, else
    its kind_word."""
    if change.replaced is not None:
        return translate(Message(REPLACED_WORD), lang)
    return kind_word(change.kind, lang)


def read_whole(change: Difference) -> bool:
    """Whether both texts are shown whole (old → new) rather than as marked words: a value, or
    two short texts (diff.short)."""
    if not (change.old and change.new) or change.old == change.new:
        return False
    return change.whole or (short(change.old) and short(change.new))


def change_words(change: Difference) -> Words:
    """The change as runs of ('equal' | 'delete' | 'insert', text), the basis of every format.

    Both texts present: their word diff (all 'equal' when a moved item kept its text). Only the
    new text: one 'insert'; only the old one: one 'delete'; neither: no runs. Empty runs dropped.
    """
    if change.old and change.new:
        runs = word_diff(change.old, change.new)
    elif change.new:
        runs = [("insert", change.new)]
    elif change.old:
        runs = [("delete", change.old)]
    else:
        runs = []
    return [(op, text) for op, text in runs if text]


_ROW_PLACE = re.compile(r"^Phụ lục, dòng (\d+(?:\.\d+)*)(, .*)?$")


def compact_places(places: tuple[str, ...] | list[str]) -> list[str]:
    """The places, each once, the rows of one appendix column in one line: 'Phụ lục, dòng 8
    và 14, cột Thời gian' (in the order each line first comes)."""
    rows: dict[str, list[str]] = {}
    lines: list[str] = []
    for place in dict.fromkeys(places):
        found = _ROW_PLACE.match(place)
        if found is None:
            lines.append(place)
            continue
        rest = found.group(2) or ""
        if rest not in rows:
            rows[rest] = []
            lines.append("\0" + rest)
        rows[rest].append(found.group(1))
    return [f"Phụ lục, dòng {_and(rows[line[1:]])}{line[1:]}" if line.startswith("\0") else line
            for line in lines]


def changed_with(change: Difference, lang: str) -> tuple[str, list[str]]:
    """Where a replaced or renamed body changed the text with it, as every format says it:
    'Sửa theo ở 5 chỗ:' and the places (compact_places); ('', []) when it changed none."""
    if not change.places:
        return "", []
    said = translate(Message("Changed with it in {count} place(s):",
                             {"count": len(change.places)}), lang)
    return said, compact_places(change.places)


def _and(numbers: list[str]) -> str:
    """'8', '8 và 14', '1, 8 và 14' (the location's own Vietnamese)."""
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} và {numbers[-1]}"
