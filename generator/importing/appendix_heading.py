"""The lines above a Phụ lục table read back: label, title, and the «(Kèm theo …)» line."""
from __future__ import annotations

import re
from typing import Any

from generator.importing.appendix_grid import clean
from generator.plan import vietnamese as vn
from generator.shell.errors import N_, Message

DEFAULT_LABEL = "PHỤ LỤC"
_PHRASE = re.compile(r"\(\s*(?P<phrase>ban hành kèm theo|kèm theo)\s*(?P<rest>.*?)\s*\)?$",
                     re.IGNORECASE | re.DOTALL)
_PHRASES = ("Ban hành kèm theo", "Kèm theo")


def read_heading(heading: list[str], reference: str | None) -> tuple[dict[str, Any],
                                                                        list[tuple[int, Message]]]:
    """label, title, attach_phrase and reference (False when there is no «(… kèm theo …)»
    line) as the appendix mapping holds them; REFERENCE, the line plangen would print, or None."""
    lines = [line for line in (clean(h) for h in heading) if line]
    notes: list[tuple[int, Message]] = []
    out: dict[str, Any] = {}
    at = next((i for i, line in enumerate(lines) if vn.upper(line).startswith(DEFAULT_LABEL)),
              None)
    for line in lines[:at or 0]:
        notes.append((0, Message("the line «{text}» above the appendix is not printed",
                                 {"text": line})))
    start = 0 if at is None else at + 1
    if at is None:
        notes.append((0, Message("the appendix has no «Phụ lục» line: plangen prints one")))
    elif vn.upper(lines[at]) != DEFAULT_LABEL:
        out["label"] = lines[at]
    close = next((i for i in range(start, len(lines)) if lines[i].startswith("(")), len(lines))
    out["title"] = " ".join(lines[start:close])
    if not out["title"]:
        notes.append((0, Message("the appendix has no title")))
    for text, said in ((lines[at] if at is not None else "",
                        N_("the appendix label «{text}» is printed in upper case")),
                       (out["title"], N_("the appendix title «{text}» is printed in upper case"))):
        if vn.upper(text) != text:
            notes.append((0, Message(said, {"text": text})))
    if close == len(lines):
        out["reference"] = False
        return out, notes
    end = next((i for i in range(close, len(lines)) if lines[i].endswith(")")), len(lines) - 1)
    for line in lines[end + 1:]:
        notes.append((0, Message("the line «{text}» above the appendix is not printed",
                                 {"text": line})))
    phrase, _ = _phrase(" ".join(lines[close:end + 1]), reference, notes)
    if phrase != "Kèm theo":
        out = {**out, "attach_phrase": phrase}
    return {k: out[k] for k in ("label", "title", "attach_phrase") if k in out}, notes


def _phrase(line: str, reference: str | None,
            notes: list[tuple[int, Message]]) -> tuple[str, str]:
    """The phrase of the «(… kèm theo …)» line and what follows it; a note when plangen would
    print it otherwise."""
    matched = _PHRASE.match(line)
    if matched is None:
        notes.append((0, Message("the line under the appendix title reads «{read}»: plangen "
                                 "prints «(Kèm theo …)»", {"read": line})))
        return "Kèm theo", line
    said = matched["phrase"]
    phrase = next(p for p in _PHRASES if p.lower() == said.lower())
    rest = matched["rest"]
    if reference is not None:
        printed = _PHRASE.match(reference.strip())
        ours = clean(printed["rest"] if printed else reference.strip().strip("()"))
        if ours != clean(rest) or said != phrase or not line.endswith(")"):
            ours = f"({phrase} {ours})"
            notes.append((0, Message("the line under the appendix title reads «{read}»; "
                                     "plangen prints «{printed}»", {"read": line,
                                                                   "printed": ours})))
    return phrase, rest
