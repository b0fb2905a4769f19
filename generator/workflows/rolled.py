"""What a roll-forward makes: the edited tree and its checklist, and the edits it makes in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from generator.shell.errors import DataPath, Message
from generator.shell.scalar_layout import restyled

MARK = "plangen rollover: "


@dataclass(frozen=True)
class Item:
    """One thing a human must decide, at a path of the new file."""

    path: DataPath
    message: Message


@dataclass
class Rolled:
    """The edited tree and the checklist."""

    tree: Any
    checklist: list[Item] = field(default_factory=list)

    def need(self, path: DataPath, msgid: str, **params: Any) -> None:
        """Add a checklist item."""
        self.checklist.append(Item(path, Message(msgid, params)))


def mark(items: Any, index: int, text: str) -> None:
    """A '# plangen rollover: …' comment at the end of an item's first line."""
    item = items[index]
    comment = f"# {MARK}{text}"
    if isinstance(item, CommentedMap) and not item.fa.flow_style():
        item.yaml_add_eol_comment(comment, next(iter(item)))
    else:  # a {flow: mapping} is one line: the comment goes after it
        items.yaml_add_eol_comment(comment, index)


def replace(parent: Any, key: Any, text: str) -> None:
    """Set a text, keeping how it was written (quotes, folded or literal block, line breaks)."""
    parent[key] = restyled(parent[key], text)
