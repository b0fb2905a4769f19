"""How a diff Report is shown: text for a terminal, Markdown, JSON for tools, a DOCX for reviewers.

Pure: a Report in, a string or bytes out; nothing here reads the clock, the environment or the
working directory (the CLI decides colour and where the product goes). The same Report always
gives the same output, the DOCX byte for byte.

Every rendering starts from `change_words` (diff_words.py): the word runs of one change; the DOCX
comparison table is written by diff_docx.py.
"""
from __future__ import annotations

import json
import re
from typing import Any

from generator.shell.errors import Message
from generator.shell.i18n import translate
from generator.workflows.diff import MOVED, Difference, Report
from generator.workflows.diff_docx import (
    as_docx as as_docx,  # the DOCX product, shown from here like the others
)
from generator.workflows.diff_words import (
    Words,
    change_word,
    change_words,
    changed_with,
    kind_word,
    read_whole,
)

FORMAT_VERSION = 1
CONTEXT_WORDS = 4  # words of unchanged text kept on each side of a change in text and Markdown
ELLIPSIS = "…"

RED, GREEN, RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"


def has_edits(words: Words) -> bool:
    """Whether any run is deleted or inserted."""
    return any(op != "equal" for op, _ in words)


def in_context(words: Words, context: int = CONTEXT_WORDS) -> Words:
    """The runs with long unchanged stretches cut to `context` words next to each change (…)."""
    if not has_edits(words):
        return list(words)
    out: Words = []
    last = len(words) - 1
    for index, (op, text) in enumerate(words):
        if op != "equal":
            out.append((op, text))
            continue
        tokens = text.split(" ")
        if index == 0 and len(tokens) > context:
            text = " ".join([ELLIPSIS, *tokens[len(tokens) - context:]])
        elif index == last and len(tokens) > context:
            text = " ".join([*tokens[:context], ELLIPSIS])
        elif 0 < index < last and len(tokens) > 2 * context:
            text = " ".join([*tokens[:context], ELLIPSIS, *tokens[len(tokens) - context:]])
        out.append((op, text))
    return out


# --- text ---------------------------------------------------------------------------------

WIDE = 100  # characters past which "old → new" goes on two lines
MOVED_WORDS = 8  # words of a moved item's text shown to say which one it is


def _indented(text: str, indent: str) -> str:
    return "\n".join(indent + line for line in text.split("\n"))


def _text_runs(words: Words, color: bool) -> str:
    """Runs as one line: [-deleted-][+inserted+] (explained by the legend), or red and green."""
    out = ""
    previous = ""
    for op, text in words:
        if out and not (op == "insert" and previous == "delete" and not color):
            out += " "
        if op == "delete":
            out += f"{RED}{text}{RESET}" if color else f"[-{text}-]"
        elif op == "insert":
            out += f"{GREEN}{text}{RESET}" if color else f"[+{text}+]"
        else:
            out += text
        previous = op
    return out


def _whole(sign: str, text: str, color: str | None, indent: str) -> str:
    """A whole text after a sign ('+ ', '- ', '→ '; '' for none), its further lines aligned."""
    lead = f"{sign} " if sign else ""
    lines = [f"{lead}{text_line}" if index == 0 else " " * len(lead) + text_line
             for index, text_line in enumerate(text.split("\n"))]
    if color is not None:
        lines = [f"{color}{line}{RESET}" for line in lines]
    return "\n".join(indent + line for line in lines)


def _old_to_new(change: Difference, color: bool, indent: str) -> str:
    """'old → new' on one line, or on two when long: both whole."""
    old_color, new_color = (RED, GREEN) if color else (None, None)
    if "\n" not in change.old + change.new and len(change.old) + len(change.new) <= WIDE:
        old = f"{RED}{change.old}{RESET}" if color else change.old
        new = f"{GREEN}{change.new}{RESET}" if color else change.new
        return f"{indent}{old} → {new}"
    return (_whole("", change.old, old_color, indent) + "\n"
            + _whole("→", change.new, new_color, indent))


def _named(text: str) -> str:
    """Enough of a moved item's text to know it by."""
    tokens = text.split(" ")
    return text if len(tokens) <= MOVED_WORDS else " ".join([*tokens[:MOVED_WORDS], ELLIPSIS])


def marks_words(change: Difference) -> bool:
    """Whether the text form shows this change as marked words (so the legend is needed)."""
    return (change.replaced is None and not read_whole(change)
            and has_edits(change_words(change)) and bool(change.old and change.new))


def text_block(number: int, change: Difference, lang: str, color: bool) -> str:
    """One change: '1. Sửa — LOCATION', then its words (or its note) under the location."""
    marker = f"{number}. "
    indent = " " * len(marker)
    said, places = changed_with(change, lang)
    place_lines = [indent + said, *(f"{indent}  {place}" for place in places)] if places else []
    if change.replaced is not None:
        head = translate(Message("Body replaced: {old} → {new}",
                                 {"old": change.old, "new": change.new}), lang)
        return "\n".join([marker + head, *place_lines])
    lines = [f"{marker}{kind_word(change.kind, lang)} — {change.location}"]
    words = change_words(change)
    if words and all(op == "insert" for op, _ in words):
        lines.append(_whole("+", change.new, GREEN if color else None, indent))
    elif words and all(op == "delete" for op, _ in words):
        lines.append(_whole("-", change.old, RED if color else None, indent))
    elif read_whole(change):
        lines.append(_old_to_new(change, color, indent))
    elif has_edits(words):
        lines.append(_indented(_text_runs(in_context(words), color), indent))
    elif words:  # moved as it was: which item it is
        lines.append(_indented(_named(change.new), indent))
    if change.note:
        lines.append(_indented(change.note, indent))
    return "\n".join([*lines, *place_lines])


def legend(lang: str, color: bool) -> str:
    """The one line that explains the marks of changed words: 'Chú thích: [-chữ bỏ-] …'."""
    deleted = translate(Message("deleted words"), lang)
    added = translate(Message("added words"), lang)
    deleted = f"{RED}{deleted}{RESET}" if color else f"[-{deleted}-]"
    added = f"{GREEN}{added}{RESET}" if color else f"[+{added}+]"
    return translate(Message("Key: {deleted} {added}", {"deleted": deleted, "added": added}),
                     lang)


def as_text(report: Report, *, lang: str = "vi", color: bool = False) -> str:
    """Every change as a numbered block, blocks apart by an empty line; '' when nothing changed.

    When some change is shown as marked words, the legend of the marks comes first."""
    blocks = [text_block(number, change, lang, color)
              for number, change in enumerate(report.changes, start=1)]
    if any(marks_words(change) for change in report.changes):
        blocks.insert(0, legend(lang, color))
    return "".join(block + "\n" + ("\n" if index < len(blocks) - 1 else "")
                   for index, block in enumerate(blocks))


# --- Markdown -----------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Text shown literally by a CommonMark renderer (emphasis, links, HTML, list markers)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _md_marked(text: str, mark: str) -> str:
    """~~text~~ or **text**, with surrounding spaces outside the marks (else not rendered)."""
    core = text.strip()
    if not core:
        return text
    start = text[:len(text) - len(text.lstrip())]
    end = text[len(text.rstrip()):]
    return f"{start}{mark}{md_escape(core)}{mark}{end}"


def _md_runs(words: Words) -> str:
    pieces = []
    for op, text in words:
        if op == "delete":
            pieces.append(_md_marked(text, "~~"))
        elif op == "insert":
            pieces.append(_md_marked(text, "**"))
        else:
            pieces.append(md_escape(text))
    return " ".join(pieces)


def _md_paragraph(text: str, indent: str) -> str:
    """A paragraph inside a list item; the text's own line breaks kept as hard breaks."""
    return "\n".join(indent + line for line in text.split("\n")).replace("\n", "\\\n")


def markdown_item(number: int, change: Difference, lang: str) -> str:
    """One change as an item of an ordered list."""
    marker = f"{number}. "
    indent = " " * len(marker)
    # Where a replaced or renamed body changed the text: a paragraph, then a bulleted list.
    said, places = changed_with(change, lang)
    place_parts = [indent + md_escape(said), "\n".join(f"{indent}- {md_escape(place)}"
                                                       for place in places)] if places else []
    if change.replaced is not None:
        head = f"**{md_escape(change_word(change, lang))}:** {_md_whole(change)}"
        return "\n\n".join([f"{marker}{head}", *place_parts])
    head = f"{marker}**{md_escape(kind_word(change.kind, lang))}** — {md_escape(change.location)}"
    parts = [head]
    words = change_words(change)
    if read_whole(change):
        parts.append(_md_paragraph(_md_whole(change), indent))
    elif words and (has_edits(words) or change.kind != MOVED):
        parts.append(_md_paragraph(_md_runs(in_context(words)), indent))
    elif words:  # moved as it was: which item it is
        parts.append(_md_paragraph(md_escape(_named(change.new)), indent))
    if change.note:
        parts.append(_md_paragraph(f"*{md_escape(change.note)}*", indent))
    return "\n\n".join([*parts, *place_parts])


def _md_whole(change: Difference) -> str:
    """~~old~~ → **new**, each whole."""
    return f"{_md_marked(change.old, '~~')} → {_md_marked(change.new, '**')}"


def as_markdown(report: Report, *, lang: str = "vi") -> str:
    """A heading naming both files, then the changes as a numbered list (or 'No changes.')."""
    title = translate(Message("Comparison of {old} with {new}",
                              {"old": md_escape(report.old_file),
                               "new": md_escape(report.new_file)}), lang)
    items = [markdown_item(number, change, lang)
             for number, change in enumerate(report.changes, start=1)]
    nothing = translate(Message("No changes."), lang)
    body = "\n\n".join(items) if items else f"*{md_escape(nothing)}*"
    return f"# {title}\n\n{body}\n"


# --- JSON ---------------------------------------------------------------------------------

def as_dict(report: Report) -> dict[str, Any]:
    """The JSON structure of docs/diff.md."""
    return {
        "plangen_diff": FORMAT_VERSION,
        "old": report.old_file,
        "new": report.new_file,
        "changes": [_change_dict(change) for change in report.changes],
    }


def _change_dict(change: Difference) -> dict[str, Any]:
    """One change; the fields added within format 1 only where they say something."""
    item: dict[str, Any] = {
        "kind": change.kind, "location": change.location, "old": change.old,
        "new": change.new, "note": change.note, "path": change.path,
        "words": [[op, text] for op, text in change_words(change)]}
    if change.whole:
        item["whole"] = True
    if change.replaced is not None:
        item["replaced"] = {"old": change.replaced[0], "new": change.replaced[1]}
    if change.places:
        item["places"] = list(change.places)
    if change.positions is not None:
        item["positions"] = {"old": change.positions[0], "new": change.positions[1]}
    return item


def as_json(report: Report) -> str:
    """The report as JSON (UTF-8 text, not \\u escapes; indented; keys in a fixed order)."""
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> Report:
    """A Report read back from as_json's output (ValueError when it is not that format)."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("plangen_diff") != FORMAT_VERSION:
        raise ValueError(f"not a plangen diff of format {FORMAT_VERSION}")
    changes = tuple(_change_of(item) for item in data["changes"])
    return Report(str(data["old"]), str(data["new"]), changes)


def _change_of(item: dict[str, Any]) -> Difference:
    """A change read back; the fields added within format 1 may be absent."""
    replaced, positions = item.get("replaced"), item.get("positions")
    return Difference(str(item["kind"]), str(item["location"]), str(item["old"]), str(item["new"]),
                  str(item["note"]), str(item["path"]), bool(item.get("whole", False)),
                  None if replaced is None else (str(replaced["old"]), str(replaced["new"])),
                  tuple(str(place) for place in item.get("places", [])),
                  None if positions is None else (int(positions["old"]), int(positions["new"])))
