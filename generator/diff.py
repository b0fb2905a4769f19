"""Diff: what changed between two versions of a plan, located and worded as the document prints it.

Pure data to data: two validated plans in, a Report out. Items are matched by id; items without an
id are aligned by text similarity. Values are compared as data (so cosmetic YAML edits never show)
and shown as printed.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import load, validate
from .citation import TYPE_NAMES
from .errors import InvalidInput, Message, Problem, UsageError, format_path
from .plan_units import Unit, units

ADDED, REMOVED, CHANGED, MOVED = "added", "removed", "changed", "moved"


@dataclass(frozen=True)
class Change:
    """One change of the plan, as a reviewer reads it."""

    kind: str  # added | removed | changed | moved
    location: str  # in the document's words: "Mục II.2 Nội dung tuyên truyền, điểm d"
    old: str = ""  # as printed; "" when added
    new: str = ""  # as printed; "" when removed
    note: str = ""  # e.g. where a moved item came from
    path: str = ""  # the data path (new side, else old): "plan.content.items[3].text"


@dataclass(frozen=True)
class Report:
    """Every change between two files, in the order of the document."""

    old_file: str
    new_file: str
    changes: tuple[Change, ...] = field(default_factory=tuple)


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The two texts as runs of ('equal' | 'delete' | 'insert', text), word by word."""
    a, b = old.split(" "), new.split(" ")
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("equal", " ".join(a[i1:i2])))
        else:
            if i2 > i1:
                runs.append(("delete", " ".join(a[i1:i2])))
            if j2 > j1:
                runs.append(("insert", " ".join(b[j1:j2])))
    return runs


# --- comparing ----------------------------------------------------------------------------------


def compare_files(old: Path, new: Path) -> Report:
    """Load, validate and compare two plan files; InvalidInput with every problem of both."""
    plans: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for path in (old, new):
        try:
            plans.append(validate.validate(load.load_file(path)))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    if plans[0]["kind"] != plans[1]["kind"]:
        raise UsageError(Message(
            "{old} is a {old_kind} and {new} a {new_kind}: only two versions of one kind of "
            "document can be compared", {"old": str(old), "new": str(new),
                                          "old_kind": TYPE_NAMES[plans[0]["kind"]],
                                          "new_kind": TYPE_NAMES[plans[1]["kind"]]}))
    return compare(plans[0], plans[1], str(old), str(new))


def compare(old: dict[str, Any], new: dict[str, Any], old_file: str = "",
            new_file: str = "") -> Report:
    """Every change from one validated plan to the other, in the order of the document."""
    before, after = units(old), units(new)
    changes = _keyed(before, after) + _aligned(before, after)
    order = _document_order(before, after)
    changes.sort(key=lambda c: order.get(c[0], 0.0))
    return Report(old_file, new_file, tuple(change for _key, change in changes))


def _document_order(before: list[Unit], after: list[Unit]) -> dict[str, float]:
    """Each key's place in the new document; a removed one just after what preceded it."""
    order = {u.key: float(i) for i, u in enumerate(after)}
    last, step = -1.0, 0.0
    for unit in before:
        if unit.key in order:
            last, step = order[unit.key], 0.0
        else:
            step += 0.001
            order[unit.key] = last + 0.5 + step
    return order


def _held(parent: str, units: dict[str, Unit]) -> bool:
    """Whether what holds an item is there: a list of the document ('rows') always is."""
    return not parent or ":" not in parent or parent in units


def _keyed(before: list[Unit], after: list[Unit]) -> list[tuple[str, Change]]:
    old = {u.key: u for u in before if u.matched_by_id}
    new = {u.key: u for u in after if u.matched_by_id}
    out: list[tuple[str, Change]] = []
    for key, unit in new.items():
        was = old.get(key)
        if was is None:
            if _held(unit.parent, old):  # else part of a new item: the item is the change
                out.append((key, Change(ADDED, unit.location, "", unit.shown, "",
                                        format_path(unit.path))))
            continue
        if was.parent != unit.parent and _kind(key) in MOVABLE:
            out.append((key, Change(MOVED, unit.location, was.shown, unit.shown,
                                    f"từ {was.location}", format_path(unit.path))))
        elif was.value != unit.value:
            out.append((key, Change(CHANGED, unit.location, was.shown, unit.shown, "",
                                    format_path(unit.path))))
    for key, unit in old.items():
        if key not in new and _held(unit.parent, new):
            out.append((key, Change(REMOVED, unit.location, unit.shown, "", "",
                                    format_path(unit.path))))
    out += _reordered(before, after, old, new)
    return out


MOVABLE = ("task", "row", "base", "entry", "assignment", "sub")


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _reordered(before: list[Unit], after: list[Unit], old: dict[str, Unit],
               new: dict[str, Unit]) -> list[tuple[str, Change]]:
    """Items kept under the same parent whose order changed: the fewest of them are 'moved'."""
    out: list[tuple[str, Change]] = []
    parents = {u.parent for u in after if u.key in old and old[u.key].parent == u.parent}
    for parent in parents:
        was = [u.key for u in before if u.parent == parent and u.key in new
               and _kind(u.key) in MOVABLE and new[u.key].parent == parent]
        now = [u.key for u in after if u.parent == parent and u.key in old
               and _kind(u.key) in MOVABLE and old[u.key].parent == parent]
        matcher = difflib.SequenceMatcher(None, was, now, autojunk=False)
        staying = {key for block in matcher.get_matching_blocks()
                   for key in was[block.a:block.a + block.size]}
        for key in now:
            if key not in staying:
                unit = new[key]
                out.append((key, Change(MOVED, unit.location, old[key].shown, unit.shown,
                                        f"từ {old[key].location}", format_path(unit.path))))
    return out


def _aligned(before: list[Unit], after: list[Unit]) -> list[tuple[str, Change]]:
    """Items without ids, aligned by text: an inserted paragraph is one insertion."""
    out: list[tuple[str, Change]] = []
    parents = dict.fromkeys(u.parent for u in (*before, *after) if not u.matched_by_id)
    for parent in parents:
        was = [u for u in before if u.parent == parent and not u.matched_by_id]
        now = [u for u in after if u.parent == parent and not u.matched_by_id]
        matcher = difflib.SequenceMatcher(None, [u.value for u in was], [u.value for u in now],
                                          autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                out += _pair(was[i1:i2], now[j1:j2])
    return out


def _pair(was: list[Unit], now: list[Unit]) -> list[tuple[str, Change]]:
    """Changed where a removed and an added text are alike; otherwise removed and added."""
    out: list[tuple[str, Change]] = []
    left = list(was)
    for unit in now:
        best = max(left, key=lambda u: _alike(u.value, unit.value), default=None)
        if best is not None and _alike(best.value, unit.value) >= 0.5:
            left.remove(best)
            out.append((unit.key, Change(CHANGED, unit.location, best.shown, unit.shown, "",
                                         format_path(unit.path))))
        else:
            out.append((unit.key, Change(ADDED, unit.location, "", unit.shown, "",
                                         format_path(unit.path))))
    out += [(u.key, Change(REMOVED, u.location, u.shown, "", "", format_path(u.path)))
            for u in left]
    return out


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()
