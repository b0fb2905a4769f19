"""Tổ chức thực hiện read back: each numbered paragraph a body's assignment, its tasks under it.

An assignment prints as a bold heading naming bodies ("1. Sở Nội vụ"), then its tasks; or with
its one task on the heading's line ("2. Văn phòng Sở: Tham mưu …", `inline`); or as one sentence
("3. Sở Tài chính bố trí kinh phí …", `sentence`). The heading's names become refs to the body
registry; a heading that is not a list of names is kept as the assignment's label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importing.bodies import Registry, looks_like_body, split_names
from generator.importing.ids import Ids
from generator.importing.items import Node, forest, items, lift_lead, split_title, style_of
from generator.importing.outline import Paragraph
from generator.plan import vietnamese as vn
from generator.shell.errors import Message

_LEAD = re.compile(r"(?P<lead>[^:]{2,160}?):\s+(?P<rest>\S.*)$")
_REQUEST = re.compile(r"(?:Đề nghị|Kính đề nghị|Mời)\s+")
MAX_HEADING_WORDS = 24


@dataclass
class Assignments:
    """The assignments read and what the checklist should say of them."""

    items: list[dict[str, Any]] = field(default_factory=list)
    notes: list[tuple[int, Message]] = field(default_factory=list)


def assignments(body: list[Paragraph], registry: Registry, ids: Ids) -> Assignments:
    """The assignments of a Tổ chức thực hiện part from its paragraphs."""
    out = Assignments()
    for node in forest(body) if body else []:
        out.items.append(_assignment(node, registry, ids, out))
    return out


def _assignment(node: Node, registry: Registry, ids: Ids, out: Assignments) -> dict[str, Any]:
    paragraph, children = node.paragraph, list(node.children)
    title, rest = split_title(paragraph)
    text = paragraph.text
    if title is None and not paragraph.bold:
        title, rest = _guess_heading(text, bool(children))
    if title is not None and rest:
        if title.endswith(":") and not children:
            result = _heading(title.rstrip(":").strip(), registry, ids)
            result["inline"] = True
            result["tasks"] = [_task(rest, [], ids)]
            return result
        # One sentence: the heading's words as printed, then the task with its items.
        result = _heading(title, registry, ids)
        result["sentence"] = True
        result["tasks"] = [_task(rest, children, ids)]
        return result
    if title is not None and children:
        result = _heading(title, registry, ids)
        lead, under = lift_lead(children)
        if lead is not None and under:
            result["intro"], children = lead, under
        tasks = items(children, ids, "nv")
        style = style_of(children)
        if style != ("plain" if len(tasks) == 1 else "numbered"):
            result["style"] = style
        result["tasks"] = tasks
        return result
    return _sentence(text, children, registry, ids, paragraph.line, out)


def _guess_heading(text: str, has_children: bool) -> tuple[str | None, str]:
    """(heading, rest) of a paragraph whose bold is not known: a short name-like text with
    items under it is a heading; "Name: task" is a heading with its task on the line."""
    lead = _LEAD.match(text)
    if lead and looks_like_body(lead.group("lead")) and len(
            lead.group("lead").split()) <= MAX_HEADING_WORDS:
        return lead.group("lead") + ":", lead.group("rest")
    if has_children and len(text.split()) <= MAX_HEADING_WORDS and (
            looks_like_body(text) or text.endswith(":")):
        return text, ""
    return None, text


def _heading(heading: str, registry: Registry, ids: Ids) -> dict[str, Any]:
    """An assignment's id and bodies (and label when the names alone do not print HEADING)."""
    out: dict[str, Any] = {"id": ids.from_words(heading.rstrip(":"), words=3)}
    request = _REQUEST.match(heading)  # "Đề nghị Ủy ban MTTQ tỉnh": asked, not assigned
    names = split_names(heading[request.end() if request else 0:].rstrip(":").strip())
    if names and all(looks_like_body(n) for n in names):
        refs = [registry.ref(n) for n in names]
        out["bodies"] = refs[0] if len(refs) == 1 else refs
        if request or vn.capitalize_first(", ".join(names)) != vn.capitalize_first(heading):
            out["label"] = heading
    else:
        out["label"] = heading
    return out


def _task(text: str, children: list[Node], ids: Ids) -> dict[str, Any]:
    task: dict[str, Any] = {"id": ids.from_words(text, prefix="nv"), "text": text}
    if children:
        style = style_of(children)
        if style != "numbered":
            task["style"] = style
        task["items"] = items(children, ids, "nv")
    return task


def _sentence(text: str, children: list[Node], registry: Registry, ids: Ids, line: int,
              out: Assignments) -> dict[str, Any]:
    """An assignment printed as one sentence: the body it opens with, then its task."""
    name = _known_start(text, registry) or _names_before_verb(text)
    if name is None:
        name = text.split(" ", 1)[0]
        out.notes.append((line, Message(
            "no body could be told at the start of this assignment: check its label \"{label}\"",
            {"label": name})))
        result: dict[str, Any] = {"id": ids.from_words(text, words=3), "label": name}
    else:
        result = _heading(name, registry, ids)
    rest = text[len(name):].strip()
    result["sentence"] = True
    result["tasks"] = [_task(rest or text, children, ids)]
    return result


# What an assignment sentence's bodies are asked to do: the names end before the first of these.
_VERBS = re.compile(
    r"\s(?:căn cứ|chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|xây dựng|"
    r"tổ chức|hướng dẫn|tham mưu|bố trí|chỉ đạo|tuyên truyền|theo dõi|đẩy mạnh|tăng cường|"
    r"báo cáo|rà soát|cập nhật|đăng tải|ban hành|kiểm tra|duy trì|nghiên cứu|thẩm định|"
    r"quán triệt|phổ biến|lồng ghép|đôn đốc|tiếp tục|thường xuyên|chủ động|định kỳ)\b")


def _names_before_verb(text: str) -> str | None:
    """The bodies a sentence opens with, up to the verb of their task ("Các sở, ban, ngành;
    UBND các huyện căn cứ Kế hoạch này …" → "Các sở, ban, ngành; UBND các huyện")."""
    verb = _VERBS.search(text)
    if verb is None:
        return None
    names = text[: verb.start()].strip()
    return names if looks_like_body(names) and len(names.split()) <= MAX_HEADING_WORDS else None


def _known_start(text: str, registry: Registry) -> str | None:
    """The longest name the registry knows that TEXT opens with."""
    best = None
    for entry in registry.entries.values():
        for form in (*entry.seen, entry.name, vn.capitalize_first(entry.name)):
            if text.startswith(form + " ") and (best is None or len(form) > len(best)):
                best = form
    return best
