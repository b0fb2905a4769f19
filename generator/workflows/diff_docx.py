"""The DOCX comparison table of a diff Report: templates/comparison filled with one row per change
(docs/diff.md); the template holds its ND30 layout, this module only the texts."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from generator.document.render import render_comparison
from generator.workflows.diff import Difference, Report
from generator.workflows.diff_words import Words, change_word, change_words, changed_with

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """NFC (ND30's TCVN 6909 text) without the characters XML cannot hold."""
    return _XML_ILLEGAL.sub("", unicodedata.normalize("NFC", text))


def side_runs(words: Words, side: str) -> list[dict[str, Any]]:
    """One side's runs as {text, marked}: the old side marks its deleted words (struck in the
    template), the new side its inserted words (bold and underlined); the spaces between words
    are never marked."""
    shown = "delete" if side == "old" else "insert"
    pieces: list[tuple[str, bool]] = []
    for op, text in words:
        if op not in ("equal", shown):
            continue
        if pieces:
            pieces.append((" ", False))
        pieces.append((text, op == shown))
    merged: list[tuple[str, bool]] = []
    for text, marked in pieces:
        if merged and merged[-1][1] == marked:
            merged[-1] = (merged[-1][0] + text, marked)
        else:
            merged.append((text, marked))
    return [{"text": _clean(text), "marked": marked} for text, marked in merged if text]


def note(change: Difference) -> str:
    """Ghi chú: the kind of change in Vietnamese, then its note, then where a replaced or renamed
    body changed the text with it."""
    word = change_word(change, "vi")
    said = f"{word}: {change.note}" if change.note else word
    with_it, places = changed_with(change, "vi")
    return f"{said}. {with_it} {'; '.join(places)}" if places else said


def table_row(number: int, change: Difference) -> dict[str, Any]:
    """TT | Vị trí | Nội dung cũ | Nội dung mới | Ghi chú of one change."""
    words = change_words(change)
    return {"number": number, "location": _clean(change.location),
            "old": side_runs(words, "old"), "new": side_runs(words, "new"),
            "note": _clean(note(change))}


def context(report: Report) -> dict[str, Any]:
    """What the comparison template shows: the two files' names and a row per change."""
    return {"comparison": {
        "old": _clean(report.old_file), "new": _clean(report.new_file),
        "rows": [table_row(number, change)
                 for number, change in enumerate(report.changes, start=1)]}}


def as_docx(report: Report) -> bytes:
    """The comparison table as a DOCX (ND30: A4 landscape, Times New Roman 12–14 pt).

    The same report gives the same bytes.
    """
    return render_comparison(context(report))
