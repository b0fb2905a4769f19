"""An edited text written as its author wrote it: its scalar style, folded where it was folded."""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from ruamel.yaml.scalarstring import FoldedScalarString, ScalarString

WORD = re.compile(r"\S+")


def restyled(old: Any, text: str) -> Any:
    """text in old's place: the same scalar type (quotes, literal or folded block), the same comment
    after the block indicator, and for a folded block the author's line breaks (`refold`)."""
    if not isinstance(old, ScalarString):
        return text
    new = type(old)(text)
    if isinstance(old, FoldedScalarString):
        folds = refold(str(old), getattr(old, "fold_pos", []), text)
        if folds:
            new.fold_pos = folds
    comment = getattr(old, "comment", None)
    if comment is not None:
        new.comment = comment
    return new


def refold(old: str, folds: Sequence[int], new: str) -> list[int]:
    """Where new, an edit of old (folded at folds), folds: the author's breaks where the words
    around them did not change; lines holding a changed word that grow past old's longest line are
    broken again, together, greedily.

    A fold position is the index of the space that the line break stands for; as YAML folding needs,
    it is always one space between two non-space characters.
    """
    old_words = [m.span() for m in WORD.finditer(old)]
    new_words = [m.span() for m in WORD.finditer(new)]
    old_lines = _lines(old, folds)
    line_of = [_index(old_lines, a) for a, _b in old_words]
    starts = {i for i in range(1, len(old_words)) if line_of[i] != line_of[i - 1]}
    matcher = difflib.SequenceMatcher(None, [old[a:b] for a, b in old_words],
                                      [new[a:b] for a, b in new_words], autojunk=False)
    breaks: set[int] = set()
    same: list[int | None] = [None] * len(new_words)  # the old word an unchanged new word is
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same[j1:j2] = range(i1, i2)
        for start in (s for s in starts if i1 <= s < i2):
            if tag == "equal":
                j = j1 + start - i1
            else:
                # A changed run: its first word keeps its line's start; a break inside it falls
                # at the same share of the new words, so the lines keep their lengths.
                j = j1 + (2 * (start - i1) * (j2 - j1) + i2 - i1) // (2 * (i2 - i1))
            if 0 < j < len(new_words) and _foldable(new, new_words[j][0] - 1):
                breaks.add(new_words[j][0] - 1)
    limit = max(end - start for start, end in old_lines)
    lines = _lines(new, sorted(breaks))
    kept = [_kept(same, line_of, old_lines, [j for j, (a, _b) in enumerate(new_words)
                                               if start <= a < end])
            for start, end in lines]
    out: list[int] = []
    group: list[tuple[int, int]] = []  # consecutive changed lines of one paragraph
    for (start, end), unchanged in zip(lines, kept, strict=True):
        if group and (unchanged or new[start - 1] == "\n"):
            out += _group_breaks(new, group, limit)
            group = []
        if unchanged:
            out += [start - 1] if start and new[start - 1] == " " else []
        else:
            group.append((start, end))
    out += _group_breaks(new, group, limit)
    return sorted(out)


def _index(lines: list[tuple[int, int]], at: int) -> int:
    return next(i for i, (start, end) in enumerate(lines) if start <= at <= end)


def _kept(same: list[int | None], line_of: list[int], old_lines: list[tuple[int, int]],
          words: list[int]) -> bool:
    """The new line of these words is an old line, unchanged."""
    olds = [same[j] for j in words]
    if not olds:
        return True
    if any(i is None for i in olds):
        return False
    first = olds[0]
    assert first is not None
    whole = [i for i, line in enumerate(line_of) if line == line_of[first]]
    return olds == whole


def _group_breaks(text: str, group: list[tuple[int, int]], limit: int) -> list[int]:
    """The folds before and inside a run of changed lines: kept, or if one of them is now too
    long, the run's words broken again greedily at its spaces."""
    if not group:
        return []
    start, end = group[0][0], group[-1][1]
    before = [start - 1] if start and text[start - 1] == " " else []
    if all(b - a <= limit for a, b in group):
        return before + [a - 1 for a, _b in group[1:]]
    out: list[int] = []
    spaces = [i for i in range(start + 1, end - 1) if _foldable(text, i)]
    while end - start > limit and spaces:
        fits = [i for i in spaces if i - start <= limit]
        cut = fits[-1] if fits else spaces[0]  # a word longer than the limit stands alone
        out.append(cut)
        start = cut + 1
        spaces = [i for i in spaces if i > cut]
    return before + out


def _foldable(text: str, at: int) -> bool:
    """A fold can stand for the character at `at`: one space between non-space characters."""
    return (0 < at < len(text) - 1 and text[at] == " " and not text[at - 1].isspace()
            and not text[at + 1].isspace())


def _lines(text: str, folds: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) of each written line of a folded text: split at its folds and newlines."""
    cuts = sorted({*folds, *(m.start() for m in re.finditer("\n", text))})
    starts = [0, *(cut + 1 for cut in cuts)]
    return list(zip(starts, [*cuts, len(text)], strict=True))
