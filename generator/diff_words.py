"""The word runs of one diff change, the basis of every rendering (docs/diff.md)."""
from __future__ import annotations

from .diff import ADDED, CHANGED, MOVED, REMOVED, Change, word_diff
from .errors import N_, Message
from .i18n import translate

KIND_WORDS = {ADDED: N_("Added"), REMOVED: N_("Removed"), CHANGED: N_("Changed"),
              MOVED: N_("Moved")}

Words = list[tuple[str, str]]


def kind_word(kind: str, lang: str) -> str:
    """'Sửa', 'Changed' …: the kind of a change in a language (an unknown kind as it is)."""
    msgid = KIND_WORDS.get(kind)
    return kind if msgid is None else translate(Message(msgid), lang)


def change_words(change: Change) -> Words:
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
