"""Word's automatic numbering of a DOCX (word/numbering.xml): the mark each paragraph prints.

A plan typed in Word often numbers its items "1.", its points "a)" and its bullets "-" by a list
(w:numPr), not by typed text. `Numbering.label` gives the mark Word would print before a
paragraph, paragraph after paragraph in document order, so that the importer reads it as if it
had been typed: counters per list (w:num) and level, w:start and w:startOverride, a deeper level
restarting when a higher one advances (w:lvlRestart), w:lvlText such as "%1." or "%1.%2.", the
formats decimal, letters, Roman numerals, bullets and none. A list whose levels live in a
numbering style (w:numStyleLink) is followed one step. Pure: XML elements in, text out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.nd30.effective import StyleSheet, XmlElement, attr, child, paragraph_style_id, w
from generator.plan.vietnamese import point_letter, roman

_PLACEHOLDER = re.compile(r"%([1-9])")
_PLUS = {"+", "\uf02b"}  # "+" typed, or Symbol font's private-use "+"


@dataclass
class _List:
    """One w:num: its abstract definition's levels, its overrides, and its counters."""

    levels: dict[int, XmlElement]
    starts: dict[int, int] = field(default_factory=dict)  # w:lvlOverride/w:startOverride
    counters: dict[int, int] = field(default_factory=dict)


def _number(value: str | None, default: int) -> int:
    """An integer attribute; the default when it is absent or not a number."""
    try:
        return default if value is None else int(value)
    except ValueError:
        return default


class Numbering:
    """The lists of one document and where each one has got to."""

    def __init__(self, root: XmlElement | None, styles: StyleSheet) -> None:
        self._styles = styles
        self._abstract: dict[str, XmlElement] = {}
        self._nums: dict[str, XmlElement] = {}
        self._lists: dict[str, _List | None] = {}
        if root is None:
            return
        for abstract in root.findall(w("abstractNum")):
            self._abstract.setdefault(attr(abstract, "abstractNumId") or "", abstract)
        for num in root.findall(w("num")):
            self._nums.setdefault(attr(num, "numId") or "", num)

    def label(self, paragraph: XmlElement) -> str:
        """The mark Word prints before this paragraph ("1.", "a)", "-"), "" when none; each
        call advances the paragraph's list, so call it once per paragraph, in order."""
        found = self._num_pr(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        numbered = self._list(num_id)
        if numbered is None:
            return ""
        if ilvl is None:
            ilvl = self._level_of_style(numbered, paragraph)
        level = numbered.levels.get(ilvl)
        if level is None:
            return ""
        current = numbered.counters.get(ilvl)
        numbered.counters[ilvl] = self._start(numbered, ilvl) if current is None else current + 1
        for deeper in [d for d in numbered.counters if d > ilvl]:
            restart = _number(attr(child(numbered.levels.get(deeper), "lvlRestart"), "val"),
                              -1)
            # absent: restart after any higher level; 0: never; n: after levels 1 … n (1-based)
            if restart < 0 or ilvl < restart:
                del numbered.counters[deeper]
        return self._text(numbered, ilvl, level)

    def _num_pr(self, paragraph: XmlElement) -> tuple[str, int | None] | None:
        """(numId, ilvl) of a paragraph, from its own w:numPr or its style's; None if none."""
        num_id: str | None = None
        ilvl: int | None = None
        own = child(paragraph, "pPr", "numPr")
        chain = self._styles.chain(paragraph_style_id(paragraph, self._styles))
        for num_pr in [own, *(child(style, "pPr", "numPr") for style in chain)]:
            if num_pr is None:
                continue
            if num_id is None:
                num_id = attr(child(num_pr, "numId"), "val")
            if ilvl is None and child(num_pr, "ilvl") is not None:
                ilvl = _number(attr(child(num_pr, "ilvl"), "val"), 0)
        if num_id is None or num_id == "0":  # numId 0: the list is switched off here
            return None
        if ilvl is None and own is not None and child(own, "numId") is not None:
            ilvl = 0
        return num_id, None if ilvl is None else max(0, min(ilvl, 8))

    def _list(self, num_id: str) -> _List | None:
        """The list a numId stands for, read once; None when it is not defined."""
        if num_id in self._lists:
            return self._lists[num_id]
        num = self._nums.get(num_id)
        made: _List | None = None
        if num is not None:
            abstract = self._abstract.get(attr(child(num, "abstractNumId"), "val") or "")
            levels = self._levels(abstract)
            made = _List(levels)
            for override in num.findall(w("lvlOverride")):
                ilvl = _number(attr(override, "ilvl"), 0)
                replaced = child(override, "lvl")
                if replaced is not None:
                    levels[ilvl] = replaced
                start = attr(child(override, "startOverride"), "val")
                if start is not None:
                    made.starts[ilvl] = _number(start, 0)
        self._lists[num_id] = made
        return made

    def _levels(self, abstract: XmlElement | None, follow: bool = True) -> dict[int, XmlElement]:
        """The w:lvl of an abstract list by ilvl; through its numbering style if it has one."""
        if abstract is None:
            return {}
        levels = {_number(attr(level, "ilvl"), 0): level for level in abstract.findall(w("lvl"))}
        link = attr(child(abstract, "numStyleLink"), "val")
        if levels or link is None or not follow:
            return levels
        for style in self._styles.chain(link)[:1]:
            num = self._nums.get(attr(child(style, "pPr", "numPr", "numId"), "val") or "")
            target = self._abstract.get(attr(child(num, "abstractNumId"), "val") or "")
            return self._levels(target, follow=False)
        return levels

    def _level_of_style(self, numbered: _List, paragraph: XmlElement) -> int:
        """The level whose w:pStyle is the paragraph's style (a heading list), else 0."""
        style_id = paragraph_style_id(paragraph, self._styles)
        for ilvl, level in sorted(numbered.levels.items()):
            if style_id is not None and attr(child(level, "pStyle"), "val") == style_id:
                return ilvl
        return 0

    def _start(self, numbered: _List, ilvl: int) -> int:
        """The first number of a level (ECMA-376: 0 when w:start is absent)."""
        if ilvl in numbered.starts:
            return numbered.starts[ilvl]
        return _number(attr(child(numbered.levels.get(ilvl), "start"), "val"), 0)

    def _text(self, numbered: _List, ilvl: int, level: XmlElement) -> str:
        """w:lvlText with each %n replaced by level n's number in its format."""
        pattern = attr(child(level, "lvlText"), "val") or ""
        if (attr(child(level, "numFmt"), "val") or "decimal") == "bullet":
            return "+" if pattern.strip() in _PLUS else "-"
        legal = child(level, "isLgl") is not None

        def number(found: re.Match[str]) -> str:
            index = int(found.group(1)) - 1
            shown = numbered.levels.get(index)
            if shown is None:
                return ""
            value = numbered.counters.get(index, self._start(numbered, index))
            fmt = attr(child(shown, "numFmt"), "val") or "decimal"
            return formatted(value, "decimal" if legal and fmt != "none" else fmt)

        return _PLACEHOLDER.sub(number, pattern).strip()


def formatted(value: int, fmt: str) -> str:
    """A number in a w:numFmt; decimal for the formats an ND30 plan does not use."""
    if fmt == "none":
        return ""
    if value > 0 and fmt in ("lowerLetter", "upperLetter"):
        # Word's lowerLetter prints a b c d e f …; an officer who made a list of points meant
        # ND30's point letters a b c d đ e g … (no f, j, w, z), which is what the printed plan
        # was read as and what the rendered plan will print: the n-th item is the n-th of them.
        letter = point_letter(value - 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if value > 0 and fmt in ("lowerRoman", "upperRoman"):
        numeral = roman(value)
        return numeral.lower() if fmt == "lowerRoman" else numeral
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
