"""The body of a Kế hoạch read back: opening, Roman sections, the parts they hold, closing.

ND30 plans group their parts under Roman-numbered sections; a section holds one part (its items
numbered 1., 2. …) or several, each under its own "1. Mục đích" heading. A part is known by its
heading's words (Mục đích, Yêu cầu, Nội dung …); a section whose parts cannot be told apart
becomes one part of those still free, under the section's own title, so nothing is lost.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.document.plan_blocks import DEFAULT_STYLES, PART_TITLES
from generator.importing.assignments import assignments
from generator.importing.bodies import Registry
from generator.importing.ids import Ids
from generator.importing.items import forest, items, style_of
from generator.importing.outline import Paragraph
from generator.shell.errors import Message

# The words a part's heading begins with, in the order a lone section is matched.
PART_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assignments", ("tổ chức thực hiện", "phân công", "trách nhiệm thực hiện")),
    ("objectives", ("mục đích", "mục tiêu")),
    ("requirements", ("yêu cầu",)),
    ("targets", ("chỉ tiêu",)),
    ("audience", ("đối tượng",)),
    ("channels", ("hình thức", "phương thức")),
    ("content", ("nội dung",)),
    ("solutions", ("giải pháp", "nhiệm vụ")),
    ("funding", ("kinh phí",)),
)
# Where a section that names no free part goes, most general first.
SPARE_PARTS = ("content", "solutions", "channels", "requirements", "objectives", "targets",
               "audience", "funding")
PREFIX = {"objectives": "md", "requirements": "yc", "targets": "ct", "audience": "dt",
          "content": "nd", "channels": "ht", "solutions": "gp", "funding": "kp"}
MARK_FORMS = {"roman": "{}. ", "number": "{}. ", "letter": "{}) ", "dash": "- ", "plus": "+ ",
              "article": "Điều {}. "}
_CLOSING = re.compile(r"Trên đây là\b")


@dataclass
class PlanBody:
    """The `plan:` fields read (topic and scope aside) and what the checklist should say."""

    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[tuple[int, Message]] = field(default_factory=list)


def part_of(title: str) -> str | None:
    """The part a heading names ("Mục đích:" → objectives), or None."""
    folded = title.casefold().strip(" :.")
    for name, words in PART_WORDS:
        if any(folded.startswith(word) for word in words):
            return name
    return None


def read_plan_body(found: list[Paragraph], registry: Registry, ids: Ids) -> PlanBody:
    """The plan body from the paragraphs after the title (and reference line) up to its end."""
    out = PlanBody()
    found = list(found)
    closing, note = _closing(found)
    first = next((i for i, p in enumerate(found) if p.level == "roman"), len(found))
    opening = [p for p in found[:first]]
    if opening:
        out.fields["opening"] = " ".join(p.text if not p.level else _printed(p) for p in opening)
        if len(opening) > 1:
            joined = Message("the opening had {count} paragraphs: joined into one",
                             {"count": len(opening)})
            out.notes.append((opening[1].line, joined))
    used: set[str] = set()
    sections = []
    at = first
    while at < len(found):
        end = next((i for i in range(at + 1, len(found)) if found[i].level == "roman"),
                   len(found))
        sections.append(_section(found[at], found[at + 1:end], used, out, registry, ids))
        at = end
    if sections:
        out.fields["sections"] = sections
    if closing is not None:
        out.fields["closing"] = closing
    if note is not None:
        out.fields["closing_note"] = note
    return out


def _printed(paragraph: Paragraph) -> str:
    """A paragraph as printed, its mark before its text."""
    return MARK_FORMS.get(paragraph.level or "", "").format(paragraph.label) + paragraph.text


def _closing(found: list[Paragraph]) -> tuple[str | None, str | None]:
    """Take the closing sentence ("Trên đây là …") and the note after it off the end."""
    at = next((i for i in range(len(found) - 1, -1, -1)
               if found[i].level is None and _CLOSING.match(found[i].text)), None)
    if at is None:
        note = _take_note(found)
        return None, note
    tail = found[at + 1:]
    closing = found[at].text
    del found[at:]
    note = " ".join(p.text for p in tail) if tail else None
    return closing, note


def _take_note(found: list[Paragraph]) -> str | None:
    if found and found[-1].level is None and _is_note(found[-1]) and len(found) > 1:
        return found.pop().text
    return None


def _is_note(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return paragraph.italic or (text.startswith("(") and text.endswith(")"))


def _section(head: Paragraph, body: list[Paragraph], used: set[str], out: PlanBody,
             registry: Registry, ids: Ids) -> dict[str, Any]:
    """One Roman section: its title and the parts it holds (read into out.fields)."""
    section: dict[str, Any] = {"title": head.text}
    headings = [p for p in body if p.level == "number" and "." not in p.label]
    named = [part_of(p.text) for p in headings]
    several = (bool(headings) and body[0].level == "number" and None not in named
               and len(set(named)) == len(named) and not used & set(n for n in named if n))
    if several:
        parts = []
        starts = [i for i, p in enumerate(body) if p.level == "number" and "." not in p.label]
        for n, start in enumerate(starts):
            name = str(named[n])
            stop = starts[n + 1] if n + 1 < len(starts) else len(body)
            heading = body[start].text
            part = _part(name, body[start + 1:stop], out, registry, ids)
            if heading != PART_TITLES[name]:
                part = {"title": heading, **part}
            out.fields[name] = part
            used.add(name)
            parts.append(name)
        section["parts"] = parts
        return section
    lone = _lone_part(head.text, body, used)
    if lone is None:
        out.notes.append((head.line, Message(
            "no part of the plan is free for the section \"{title}\": its text is put in the"
            " opening", {"title": head.text})))
        extra = " ".join(_printed(p) for p in [head, *body])
        out.fields["opening"] = f"{out.fields.get('opening', '')} {extra}".strip()
        return {}
    used.add(lone)
    out.fields[lone] = _part(lone, body, out, registry, ids)
    section["parts"] = [lone]
    return section


def _lone_part(title: str, body: list[Paragraph], used: set[str]) -> str | None:
    named = part_of(title)
    if named == "assignments" and "assignments" not in used and body:
        return named
    if named is not None and named != "assignments" and named not in used:
        return named
    return next((p for p in SPARE_PARTS if p not in used), None)


def _part(name: str, body: list[Paragraph], out: PlanBody, registry: Registry,
          ids: Ids) -> dict[str, Any]:
    """A part's mapping from the paragraphs under its heading."""
    note = None
    last = body[-1] if body else None
    if last is not None and last.level is None and _is_note(last) and (
            len(body) > 1 or last.italic):
        note = body.pop().text
    part: dict[str, Any] = {}
    if name == "assignments":
        read = assignments(body, registry, ids)
        out.notes.extend(read.notes)
        part["items"] = read.items
    else:
        nodes = forest(body)
        style = style_of(nodes)
        if style != DEFAULT_STYLES.get(name, "numbered"):
            part["style"] = style
        part["items"] = items(nodes, ids, PREFIX[name])
    if note is not None:
        part["note"] = note
    if not part["items"]:
        del part["items"]
        if note is None:
            part["note"] = ""
    return part
