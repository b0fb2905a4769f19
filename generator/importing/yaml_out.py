"""The imported plan as YAML text in derive's style, with `# plangen import:` comments.

Short things sit on one line as the examples write them (a body, a group, a section, a list of
ids); every text on its own line. Each checklist note becomes an end-of-line comment on the key
it concerns (the nearest key above it when it concerns a list's item), so a reader of the file
sees what to check where it is.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.shell.errors import DataPath, Message
from generator.shell.yamlio import dump, header, mapping, sequence

COMMENT = "plangen import:"
_FLOW_ROWS = {"bodies", "groups", "sections"}  # lists whose rows are short mappings
_FLOW_LISTS = {"header", "archive", "parts", "quarters", "bodies", "lead", "support"}


def tree(value: Any, key: str | int | None = None, parent: str | None = None) -> Any:
    """Plain data as ruamel's tree, short rows and lists on one line."""
    if isinstance(value, dict):
        flat = all(not isinstance(v, dict) and not (
            isinstance(v, list) and any(isinstance(x, (dict, list)) for x in v))
            for v in value.values())
        flow = flat and ((parent in _FLOW_ROWS and isinstance(key, int)) or key == "body")
        return mapping(((k, tree(v, k, str(key) if key is not None else None))
                        for k, v in value.items()), flow=flow)
    if isinstance(value, list):
        flow = key in _FLOW_LISTS and all(not isinstance(v, (dict, list)) for v in value)
        return sequence((tree(v, i, str(key)) for i, v in enumerate(value)), flow=flow)
    return value


def annotate(root: CommentedMap, notes: Iterable[tuple[DataPath, Message]],
             translate: Callable[[Message], str]) -> None:
    """Each note as a `# plangen import: …` comment at the end of its key's line."""
    texts: dict[tuple[int, str], tuple[CommentedMap, list[str]]] = {}
    for path, message in notes:
        holder, key = _holder(root, path)
        entry = texts.setdefault((id(holder), key), (holder, []))
        said = translate(message)
        if said not in entry[1]:
            entry[1].append(said)
    for (_, key), (holder, lines) in texts.items():
        holder.yaml_add_eol_comment(f"# {COMMENT} " + "; ".join(lines), key)


def _holder(root: CommentedMap, path: DataPath) -> tuple[CommentedMap, str]:
    """The mapping and key a note is written at: the deepest key of PATH that exists."""
    holder, key = root, str(next(iter(root)))
    node: Any = root
    for part in path:
        if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
            holder, key = node, part
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            break
    return holder, key


def yaml_text(data: dict[str, Any], notes: Iterable[tuple[DataPath, Message]],
              translate: Callable[[Message], str], opening: list[str]) -> str:
    """The whole file: OPENING comment lines, the plan, the notes as comments."""
    root = tree(data)
    annotate(root, notes, translate)
    header(root, opening)
    return dump(root)
