"""A run of numbered paragraphs read back into plan items: a tree by their marks, with styles.

The renderer numbers a list by its depth (1., a), -, +) and its style (numbered, plain, dash,
plus); reading goes the other way: siblings share a mark kind, a deeper mark or an unmarked
paragraph after a marked one is a child, and the kind of a list's first mark is its style.
A bold start is a title: the whole paragraph bold is a heading, a bold lead an inline title.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.importing.ids import Ids
from generator.importing.outline import Paragraph

# The depth of each mark kind; unmarked text is deepest (it explains what stands above it).
RANK = {"roman": 0, "number": 1, "letter": 2, "dash": 3, "plus": 4, None: 5}
STYLE_OF = {"number": "numbered", "letter": "numbered", "dash": "dash", "plus": "plus",
            None: "plain"}


@dataclass
class Node:
    """A paragraph and the paragraphs under it."""

    paragraph: Paragraph
    children: list[Node]


def rank(paragraph: Paragraph) -> float:
    """How deep a paragraph's mark stands; "2.1." sits between "2." and "a)"."""
    depth = float(RANK[paragraph.level])
    if paragraph.level == "number":
        depth += 0.5 * min(paragraph.label.count("."), 1)
    return depth


def forest(paragraphs: list[Paragraph]) -> list[Node]:
    """The paragraphs as a tree: siblings share the first paragraph's mark kind."""
    nodes, at = _list(paragraphs, 0, -1)
    while at < len(paragraphs):  # a shallower mark than the list's first: a list of its own
        more, at = _list(paragraphs, at, -1)
        nodes.extend(more)
    return nodes


def _list(paragraphs: list[Paragraph], at: int, floor: float) -> tuple[list[Node], int]:
    """The list starting at AT; it ends at a mark no deeper than FLOOR (its parent's)."""
    kind = rank(paragraphs[at])
    plain = paragraphs[at].level is None
    nodes: list[Node] = []
    while at < len(paragraphs):
        paragraph = paragraphs[at]
        depth = rank(paragraph)
        if paragraph.level is not None and depth <= floor:
            break
        if depth == kind:
            nodes.append(Node(paragraph, []))
            at += 1
        elif nodes and (paragraph.level is not None if plain else depth > kind):
            children, at = _list(paragraphs, at, floor if plain else kind)
            nodes[-1].children.extend(children)
        else:
            break
    return nodes, at


def lift_lead(children: list[Node]) -> tuple[str | None, list[Node]]:
    """(lead text, children): an unmarked paragraph first, with the marked ones under it, is
    a lead-in ("… những nội dung sau:") to those; else (None, children) unchanged."""
    if children and children[0].paragraph.level is None and (
            children[0].children and len(children) == 1):
        return children[0].paragraph.text, children[0].children
    if children and children[0].paragraph.level is None and not children[0].children and (
            len(children) == 1 or children[1].paragraph.level is not None):
        return children[0].paragraph.text, children[1:]
    return None, children


def style_of(nodes: list[Node]) -> str:
    """The style of a list by its first mark: numbered, plain, dash or plus."""
    return STYLE_OF.get(nodes[0].paragraph.level, "numbered") if nodes else "numbered"


def items(nodes: list[Node], ids: Ids, prefix: str) -> list[dict[str, Any]]:
    """The plan items of a list of nodes, with ids made from their words."""
    return [item(node, ids, prefix) for node in nodes]


def item(node: Node, ids: Ids, prefix: str) -> dict[str, Any]:
    """One item: title and/or text, its children with their style."""
    paragraph = node.paragraph
    children = list(node.children)
    out: dict[str, Any] = {"id": ids.from_words(paragraph.text, prefix=prefix)}
    title, text = split_title(paragraph)
    if title is not None and text:
        out.update(title=title, text=text, inline=True)
    elif title is not None:
        out["title"] = title
        lead, children = lift_lead(children)
        if lead is not None:
            out["text"] = lead
    else:
        out["text"] = text
    if children:
        style = style_of(children)
        if style != "numbered":
            out["style"] = style
        out["items"] = items(children, ids, prefix)
    return out


def split_title(paragraph: Paragraph) -> tuple[str | None, str]:
    """(title, text): a bold paragraph is a title, a bold lead an inline title before the text."""
    bold, text = paragraph.bold, paragraph.text
    if bold and bold == text:
        return text, ""
    if bold and text.startswith(bold) and text[len(bold):].startswith(" "):
        return bold, text[len(bold):].strip()
    return None, text
