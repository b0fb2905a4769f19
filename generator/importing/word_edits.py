"""Word edits applied to the plan they were rendered from: only what the document changed.

Both documents, the one plangen rendered from the plan and the one the officer edited, are
read by the same importer; where the two readings differ is what the officer did. Those
differences are applied to the plan's own round-trip tree, so its ids, comments, shorthands
and layout survive everywhere the document was left alone. Lists are matched item by item
(difflib on their printed content): a reworded item keeps its id and takes the new words, an
added paragraph becomes a new item, a deleted one goes.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.shell.errors import N_, DataPath, Message

MISSING = object()
NOT_APPLIED = N_("this edit could not be matched to the plan: apply it by hand")


@dataclass
class Edits:
    """What applying the edits did: the paths it changed and what it could not place."""

    changed: list[DataPath] = field(default_factory=list)
    unplaced: list[tuple[DataPath, Message]] = field(default_factory=list)
    taken_ids: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)  # body id → printed name


def apply_edits(base: Any, before: Any, after: Any, edits: Edits, path: DataPath = ()) -> Any:
    """BASE (the plan's tree) with the change from BEFORE to AFTER (two readings) applied."""
    if _same(before, after):
        return base
    if isinstance(before, dict) and isinstance(after, dict) and isinstance(base, dict):
        _apply_mapping(base, before, after, edits, path)
        return base
    if isinstance(before, list) and isinstance(after, list) and isinstance(base, list):
        return _apply_list(base, before, after, edits, path)
    edits.changed.append(path)
    return _unprinted(base, after)


def _same(a: Any, b: Any) -> bool:
    return _key(a) == _key(b)


def _apply_mapping(base: Any, before: dict[str, Any], after: dict[str, Any], edits: Edits,
                   path: DataPath) -> None:
    for key in [*after, *(k for k in before if k not in after)]:
        if key == "id":
            continue
        old, new = before.get(key, MISSING), after.get(key, MISSING)
        if old is not MISSING and new is not MISSING and _same(old, new):
            continue
        if new is MISSING:
            if key in base:
                del base[key]
                edits.changed.append((*path, key))
        elif old is MISSING or key not in base:
            base[key] = _fresh(new, edits)
            edits.changed.append((*path, key))
        else:
            base[key] = apply_edits(base[key], old, new, edits, (*path, key))
        if key == "text" and "body" in base and isinstance(base[key], str):
            base[key] = _without_body(base, base[key], edits)


def _apply_list(base: list[Any], before: list[Any], after: list[Any], edits: Edits,
                path: DataPath) -> list[Any]:
    if len(base) != len(before):  # the plan and its reading do not line up: touch nothing
        edits.unplaced.append((path, Message(NOT_APPLIED)))
        return base
    matcher = difflib.SequenceMatcher(None, [_key(b) for b in before],
                                      [_key(a) for a in after], autojunk=False)
    out: list[Any] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(base[i1:i2])
            continue
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(pairs):
            out.append(apply_edits(base[i1 + k], before[i1 + k], after[j1 + k], edits,
                                   (*path, len(out))))
        for k in range(j1 + pairs, j2):
            edits.changed.append((*path, len(out)))
            out.append(_fresh(after[k], edits))
        if i2 - i1 > pairs:
            edits.changed.append((*path, len(out)))
    if isinstance(base, list) and type(base) is not list:
        base[:] = out  # keep the round-trip sequence (its style and comments)
        return base
    return out


def _key(value: Any) -> str:
    """What a value prints, ids aside: lists are matched on it."""
    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "id"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node
    return json.dumps(strip(value), ensure_ascii=False, sort_keys=True, default=str)


def _fresh(value: Any, edits: Edits) -> Any:
    """A value the edited document adds, its ids made unique among the plan's."""
    if isinstance(value, dict):
        out = {k: _fresh(v, edits) for k, v in value.items()}
        if isinstance(out.get("id"), str):
            ident, n = out["id"], 2
            while ident in edits.taken_ids:
                ident, n = f"{out['id']}-{n}", n + 1
            edits.taken_ids.add(ident)
            out["id"] = ident
        return out
    if isinstance(value, list):
        return [_fresh(v, edits) for v in value]
    return value


def _unprinted(base: Any, new: Any) -> Any:
    """The new value in the form the plan writes it (a number stays a number)."""
    if isinstance(base, bool) or not isinstance(new, str):
        return new
    if isinstance(base, int) and re.fullmatch(r"\d+", new):
        return int(new)
    return new


def _without_body(item: Any, text: str, edits: Edits) -> str:
    """An item printed "Body: text" takes its new words without the body's name."""
    ref = item["body"]
    ident = ref if isinstance(ref, str) else ref.get("body")
    label = ref.get("label") if isinstance(ref, dict) else None
    name = label or edits.names.get(str(ident), "")
    if name and text.startswith(f"{name}: "):
        return text[len(name) + 2:]
    return text
