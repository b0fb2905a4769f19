"""Lay out the plan body as a flat list of numbered blocks (sections, headings, paragraphs)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from generator.plan import vietnamese as vn

DEFAULT_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("MỤC ĐÍCH, YÊU CẦU", ("objectives", "requirements", "targets")),
    ("ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", ("audience", "content", "channels")),
    ("GIẢI PHÁP", ("solutions",)),
    ("KINH PHÍ", ("funding",)),
    ("TỔ CHỨC THỰC HIỆN", ("assignments",)),
)
PART_TITLES = {
    "objectives": "Mục đích", "requirements": "Yêu cầu", "targets": "Chỉ tiêu",
    "audience": "Đối tượng", "content": "Nội dung tuyên truyền",
    "channels": "Hình thức tuyên truyền", "solutions": "Giải pháp", "funding": "Kinh phí",
    "assignments": "Tổ chức thực hiện",
}
DEFAULT_STYLES = {"audience": "plain"}
# The level a list's own marks stand at, by style; its children stand one level lower.
STYLE_LEVELS = {"dash": 3, "plus": 4}


@dataclass(frozen=True)
class Block:
    """One paragraph of the plan body: its kind decides its look in the template."""

    kind: str  # section | heading | para | note
    marker: str = ""
    lead: str = ""
    text: str = ""
    tail: str = ""  # italic, on the same line: "(có Phụ lục kèm theo)"


def marker(level: int, index: int) -> str:
    """The mark of the index-th item at a level: '1. ', 'a) ', '- ', '+ '."""
    if level <= 1:
        return f"{index + 1}. "
    if level == 2:
        return f"{vn.point_letter(index)}) "
    return "- " if level == 3 else "+ "


class Context:
    """What the blocks need to know of the whole document: body names."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def ref(self, ref: dict[str, Any]) -> str:
        """The printed name of a body reference."""
        return str(ref.get("label") or self.names[ref["body"]])


@dataclass(frozen=True)
class PlanSection:
    """A Roman-numbered section: its title, the parts it holds, and its own note."""

    title: str
    parts: list[str]
    note: str = ""
    note_inline: bool = False


def sections(plan: dict[str, Any]) -> list[PlanSection]:
    """The sections in order, each with the parts present in the plan."""
    if "sections" in plan:
        return [PlanSection(s["title"], list(s.get("parts", [])), s.get("note", ""),
                        bool(s.get("note_inline"))) for s in plan["sections"]]
    out = []
    for title, parts in DEFAULT_SECTIONS:
        present = [p for p in parts if p in plan]
        if present:
            out.append(PlanSection(title, present))
    return out


def plan_blocks(plan: dict[str, Any], ctx: Context) -> list[Block]:
    """Every block of the plan body, with './.' on the last paragraph."""
    blocks: list[Block] = []
    if "opening" in plan:
        blocks.append(Block("para", text=plan["opening"]))
    for number, section in enumerate(sections(plan), start=1):
        tail = _heading_note(section.note, section.note_inline)
        lone = plan[section.parts[0]] if len(section.parts) == 1 else {}
        if not tail and lone:
            tail = _heading_note(lone.get("note", ""), bool(lone.get("note_inline")))
        blocks.append(Block("section", f"{vn.roman(number)}. ", text=vn.upper(section.title),
                            tail=tail))
        if section.note and not section.note_inline:
            blocks.append(Block("note", text=section.note))
        blocks.extend(_section_parts(plan, section.parts, ctx))
    if "closing" in plan:
        blocks.append(Block("para", text=plan["closing"]))
    _end_with_full_stop(blocks)
    if "closing_note" in plan:
        blocks.append(Block("note", text=plan["closing_note"]))
    return blocks


def _heading_note(note: str, inline: bool) -> str:
    return note if note and inline else ""


def _end_with_full_stop(blocks: list[Block]) -> None:
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].kind != "note":
            last = blocks[i]
            if last.tail:
                blocks[i] = replace(last, tail=last.tail.rstrip(" .;:,") + "./.")
            else:
                blocks[i] = replace(last, text=last.text.rstrip(" .;:,") + "./.")
            return


def _section_parts(plan: dict[str, Any], parts: list[str], ctx: Context) -> Iterator[Block]:
    several = len(parts) > 1
    for index, name in enumerate(parts):
        part = plan[name]
        level = 1
        note, inline = part.get("note", ""), bool(part.get("note_inline"))
        if several:
            yield Block("heading", marker(1, index), text=part.get("title", PART_TITLES[name]),
                        tail=_heading_note(note, inline))
            level = 2
        if name == "assignments":
            yield from _assignments(part["items"], level, ctx)
        else:
            style = part.get("style", DEFAULT_STYLES.get(name, "numbered"))
            yield from _entries(part.get("items", []), level, style, ctx)
        if note and not inline:
            yield Block("note", text=note)


def _list_level(level: int, style: str) -> int:
    return max(level, STYLE_LEVELS[style]) if style in STYLE_LEVELS else level


def _entries(items: list[dict[str, Any]], level: int, style: str, ctx: Context) -> Iterator[Block]:
    level = _list_level(level, style)
    for index, entry in enumerate(items):
        mark = "" if style == "plain" else marker(level, index)
        yield from _entry(entry, mark, level, ctx)


def _entry(entry: dict[str, Any], mark: str, level: int, ctx: Context) -> Iterator[Block]:
    text = entry_text(entry, ctx)
    title = entry.get("title")
    if title and text and entry.get("inline"):
        yield Block("para", mark, lead=f"{title} ", text=text)
    elif title:
        yield Block("heading", mark, text=title)
        if text:
            yield Block("para", text=text)
    else:
        yield Block("para", mark, text=text)
    if "items" in entry:
        yield from _entries(entry["items"], level + 1, entry.get("style", "numbered"), ctx)


def entry_text(entry: dict[str, Any], ctx: Context) -> str:
    """An item's printed text: its body's name before it, its figure after it or inside it."""
    text = str(entry.get("text", ""))
    if "body" in entry:
        text = f"{ctx.ref(entry['body'])}: {text}"
    if "value" in entry:
        unit = entry.get("unit", "")
        spacer = "" if unit in ("", "%") else " "
        figure = f"{vn.number_text(entry['value'])}{spacer}{unit}"
        if entry.get("value_in_text"):
            text = text.replace("{value}", figure)
        else:
            text = f"{text}: {figure}"
    return text


def _assignments(items: list[dict[str, Any]], level: int, ctx: Context) -> Iterator[Block]:
    for index, assignment in enumerate(items):
        mark = marker(level, index)
        heading = vn.capitalize_first(
            assignment.get("label") or ", ".join(ctx.ref(r) for r in assignment["bodies"]))
        tasks = assignment["tasks"]
        if assignment.get("sentence"):
            yield Block("para", mark, text=f"{heading} {entry_text(tasks[0], ctx)}")
            yield from _entries(tasks[0].get("items", []), level + 1,
                                tasks[0].get("style", "numbered"), ctx)
            continue
        if assignment.get("inline") and len(tasks) == 1 and "items" not in tasks[0]:
            lead = heading if heading.endswith(":") else f"{heading}:"
            yield Block("para", mark, lead=f"{lead} ", text=entry_text(tasks[0], ctx))
            continue
        yield Block("heading", mark, text=heading)
        if "intro" in assignment:
            yield Block("para", text=assignment["intro"])
        style = assignment.get("style", "plain" if len(tasks) == 1 else "numbered")
        yield from _entries(tasks, level + 1, style, ctx)
