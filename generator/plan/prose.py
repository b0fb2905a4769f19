"""The texts an officer wrote in a plan, with where they stand: not ids, codes, choices or refs."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.shell.errors import DataPath

# Fields whose values are codes, ids, choices, references, dates or provenance, never prose
# (and the registry: "bodies" and "groups" are references inside the plan too).
NOT_PROSE = frozenset({
    "id", "key", "code", "short", "style", "kind", "orientation", "attach_phrase",
    "summary_phrase", "scope_position", "executors_join", "join", "phrase", "mode", "from",
    "derived_from", "groups", "body", "lead", "support", "bodies", "parts", "archive", "header",
    "parent", "fingerprint", "file", "unit", "on", "date", "number", "type"})


def texts(tree: Any) -> Iterator[tuple[DataPath, Any, Any, str]]:
    """(path, parent, key, text) of every prose text, in the tree's order; parent[key] is it."""
    def walk(node: Any, path: DataPath) -> Iterator[tuple[DataPath, Any, Any, str]]:
        items = (node.items() if isinstance(node, dict)
                 else enumerate(node) if isinstance(node, list) else ())
        for key, value in items:
            if isinstance(node, dict) and key in NOT_PROSE:
                continue
            if isinstance(value, str):
                yield (*path, key), node, key, str(value)
            else:
                yield from walk(value, (*path, key))
    yield from walk(tree, ())
