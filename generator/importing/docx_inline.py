"""A DOCX paragraph's own text, each character with its bold and italic, changes rejected.

Read as if its tracked changes were rejected: w:t, and w:delText of deleted or moved-away
words; w:tab and w:ptab as a space, w:noBreakHyphen as "-", w:softHyphen as nothing; w:br and
w:cr as BREAK (the caller makes it a space in the body, a new line in a table cell). Not text:
w:sym, field codes, hidden (w:vanish) runs, ruby annotations, footnote and comment references.
Words inside w:ins or w:moveTo are left out. Text boxes are not read here: they are handed back
(`boxes`) for the caller to read at the paragraph's place; of an mc:AlternateContent only one
branch is looked at. Pure.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from generator.nd30.effective import StyleSheet, XmlElement, attr, child, on_off, run_format, w

BREAK = "\n"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_R, W_T, W_DEL_TEXT, W_TXBX = w("r"), w("t"), w("delText"), w("txbxContent")
W_PPR, W_RPR = w("pPr"), w("rPr")
# Containers of tracked changes: what each one is called in `TrackedChange.kind`, and whether
# its words are read (a rejected deletion or move keeps them, a rejected insertion drops them).
CHANGES = {w("ins"): ("insertion", False), w("moveTo"): ("moved-to", False),
           w("del"): ("deletion", True), w("moveFrom"): ("moved-from", True)}
# Paragraph marks, rows: inserted (rejected: gone) or deleted (rejected: kept).
MARKS = {w("ins"): "insertion", w("moveTo"): "insertion", w("del"): "deletion",
         w("moveFrom"): "deletion"}
_CHARACTERS = {w("tab"): " ", w("ptab"): " ", w("noBreakHyphen"): "-", w("softHyphen"): "",
               w("br"): BREAK, w("cr"): BREAK}
_NOT_TEXT = {W_PPR, W_RPR, w("sdtPr"), w("sdtEndPr"), w("rt"), w("customXmlPr"),
             w("smartTagPr")}
_HOLDS_BOXES = {w("drawing"), w("pict"), w("object"), f"{MC}AlternateContent"}
_AS_SPACE = str.maketrans({"\u2011": "-", "\u00a0": " ", "\u200b": " ", "\t": " "})


@dataclass
class Change:
    """One tracked change met in a paragraph: its kind, its words so far, its author."""

    kind: str
    author: str
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return fold("".join(self.words))


Char = tuple[str, bool, bool]  # one character, bold, italic


@dataclass
class Inline:
    """What a paragraph holds, rejected changes undone."""

    chars: list[Char] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    boxes: list[XmlElement] = field(default_factory=list)  # w:txbxContent, in order
    mark: str | None = None  # "insertion" or "deletion" of the paragraph mark itself
    label: str = ""  # the mark automatic numbering prints before it ("1.", "a)", "-")

    def then(self, following: Inline) -> Inline:
        """This paragraph joined to the next: what rejecting its inserted mark makes of them
        (the joined paragraph ends with the next one's mark, so it has that one's numbering)."""
        return Inline(self.chars + following.chars, self.changes + following.changes,
                      self.boxes + following.boxes, following.mark, following.label)

    def lines(self) -> list[str]:
        """The text cut at each break, each line folded; the numbering mark before the first."""
        text = unicodedata.normalize("NFC", "".join(char for char, _b, _i in self.chars))
        pieces = [fold(piece) for piece in text.split(BREAK)]
        if not any(pieces):  # a numbered paragraph with no text of its own is empty
            return []
        if self.label:
            pieces[0] = fold(f"{self.label} {pieces[0]}")
        return [piece for piece in pieces if piece]


def fold(text: str) -> str:
    """NFC, U+2011 as "-", no-break and other spaces as one space, ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_AS_SPACE).split())


def chosen(alternate: XmlElement) -> XmlElement | None:
    """The one branch of an mc:AlternateContent that is read: its first mc:Choice, else its
    mc:Fallback (both hold the same text box, as DrawingML and as VML)."""
    branch = alternate.find(f"{MC}Choice")
    return branch if branch is not None else alternate.find(f"{MC}Fallback")


def boxes_in(element: XmlElement) -> list[XmlElement]:
    """The outermost text boxes in an element (those nested in them are theirs), one branch of
    each mc:AlternateContent looked at."""
    if element.tag == W_TXBX:
        return [element]
    if element.tag == f"{MC}AlternateContent":
        branch = chosen(element)
        return [] if branch is None else boxes_in(branch)
    return [box for node in element if isinstance(node.tag, str) for box in boxes_in(node)]


class InlineReader:
    """Reads paragraphs of one document (its styles decide what is bold and italic)."""

    def __init__(self, styles: StyleSheet) -> None:
        self._styles = styles
        self._last: Change | None = None  # the change the text read last belongs to

    def read(self, paragraph: XmlElement) -> Inline:
        """The characters, changes and text boxes of a w:p, and its mark's own change."""
        inline = Inline()
        self._last = None
        mark_rpr = child(paragraph, "pPr", "rPr")
        for node in [] if mark_rpr is None else list(mark_rpr):
            if node.tag in MARKS:
                inline.mark = MARKS[str(node.tag)]
                inline.changes.append(Change(f"paragraph-{inline.mark}", author(node)))
        format_change = child(paragraph, "pPr", "pPrChange")
        if format_change is not None:
            inline.changes.append(Change("formatting", author(format_change)))
        self._walk(paragraph, inline, False, None)
        return inline

    def _walk(self, node: XmlElement, inline: Inline, dropped: bool,
              change: Change | None) -> None:
        for item in node:
            tag = item.tag
            if not isinstance(tag, str) or tag in _NOT_TEXT:
                continue
            if tag == W_R:
                self._run(item, inline, dropped, change)
            elif tag in CHANGES:
                kind, kept = CHANGES[tag]
                self._walk(item, inline, dropped or not kept, self._open(inline, kind, item))
            elif tag == f"{MC}AlternateContent":
                branch = chosen(item)
                if branch is not None:
                    self._walk(branch, inline, dropped, change)
            elif tag != W_TXBX:  # hyperlinks, fields, content controls, smart tags …
                self._walk(item, inline, dropped, change)

    def _open(self, inline: Inline, kind: str, element: XmlElement) -> Change:
        """The change an element belongs to: the one just before when it goes straight on
        from it (Word splits a change at each change of formatting), else a new one."""
        who = author(element)
        last = self._last
        if last is not None and last.kind == kind and last.author == who:
            return last
        made = Change(kind, who)
        inline.changes.append(made)
        self._last = made
        return made

    def _run(self, run: XmlElement, inline: Inline, dropped: bool,
             change: Change | None) -> None:
        rpr = run.find(W_RPR)
        if on_off(child(rpr, "vanish")):
            return
        text: list[str] = []
        for item in run:
            tag = item.tag
            if tag in (W_T, W_DEL_TEXT):
                text.append(item.text or "")
            elif tag in _CHARACTERS:
                page = tag == w("br") and attr(item, "type") in ("page", "column")
                text.append(" " if page else _CHARACTERS[str(tag)])
            elif tag in _HOLDS_BOXES and not dropped:
                inline.boxes += boxes_in(item)
        if rpr is not None and child(rpr, "rPrChange") is not None:
            formatting = Change("formatting", author(child(rpr, "rPrChange")), text[:])
            inline.changes.append(formatting)
        words = "".join(text)
        if change is not None:
            change.words.append(words)
        elif words:
            self._last = None
        if dropped or not words:
            return
        shown = run_format(run, self._styles)
        inline.chars += [(char, shown.bold, shown.italic) for char in words]


def author(element: XmlElement | None) -> str:
    """The w:author of a change, "" when it names none."""
    return attr(element, "author") or ""


def leading_bold(text: str, flags: list[tuple[bool, bool]], start: int) -> str:
    """The bold words of a folded text from `start` (after its numbering mark) up to the first
    word that is not bold: all of it when it is all bold."""
    end = start
    for index in range(start, len(text)):
        if text[index] == " ":
            continue
        if not flags[index][0]:
            break
        end = index + 1
    return text[start:end]


def all_italic(text: str, flags: list[tuple[bool, bool]], start: int) -> bool:
    """Whether every visible character of a folded text from `start` is italic."""
    visible = [italic for index, (_bold, italic) in enumerate(flags)
               if index >= start and text[index] != " "]
    return bool(visible) and all(visible)


def folded(chars: list[Char]) -> tuple[str, list[tuple[bool, bool]]]:
    """The characters NFC (a letter and its combining marks composed, with the letter's
    formatting), spaces folded to one, ends stripped; and each one's (bold, italic)."""
    composed: list[Char] = []
    cluster: list[Char] = []

    def flush() -> None:
        if cluster:
            joined = unicodedata.normalize("NFC", "".join(char for char, _b, _i in cluster))
            composed.extend((char, cluster[0][1], cluster[0][2]) for char in joined)
            cluster.clear()

    for item in chars:
        if not (cluster and unicodedata.combining(item[0])):
            flush()
        cluster.append(item)
    flush()
    out: list[str] = []
    flags: list[tuple[bool, bool]] = []
    for char, bold, italic in composed:
        char = char.translate(_AS_SPACE)
        if char.isspace():  # BREAK too
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
        flags.append((bold, italic))
    while out and out[-1] == " ":
        out.pop()
        flags.pop()
    return "".join(out), flags
