"""Diff: what changed between two versions of a plan, located and worded as the document prints it.

Pure data to data: two validated plans in, a Report out. Items are matched by id; items without an
id are aligned by text similarity within the item that holds them. Values are compared as data (so
cosmetic YAML edits never show) and shown as printed. A body replaced everywhere is one change
(diff_bodies.py), not one on every line that names it.
"""
from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.plan.checked import each_checked
from generator.plan.citation import TYPE_NAMES
from generator.shell.errors import Message, UsageError, format_path
from generator.workflows import diff_bodies
from generator.workflows.plan_units import Unit, units

ADDED, REMOVED, CHANGED, MOVED = "added", "removed", "changed", "moved"
# A text this short is read whole (old → new): at most a handful of words, or one phrase that is
# no longer than a line and has no sentence punctuation (a name, a date, a deadline).
SHORT_WORDS, SHORT_CHARS = 5, 50
_SENTENCE_MARK = re.compile(r"[.;:!?](\s|$)")


@dataclass(frozen=True)
class Difference:
    """One change of the plan, as a reviewer reads it."""

    kind: str  # added | removed | changed | moved
    location: str  # in the document's words: "Mục II.2 Nội dung tuyên truyền, điểm d"
    old: str = ""  # as printed; "" when added
    new: str = ""  # as printed; "" when removed
    note: str = ""  # e.g. where a moved item came from
    path: str = ""  # the data path (new side, else old): "plan.content.items[3].text"
    whole: bool = False  # old and new are read whole (a value, a short text), not word by word
    replaced: tuple[str, str] | None = None  # (old id, new id) of a body replaced everywhere
    places: tuple[str, ...] = ()  # where a replaced or renamed body changed the text with it
    positions: tuple[int, int] | None = None  # old and new place (from 1) in the same list


@dataclass(frozen=True)
class Report:
    """Every change between two files, in the order of the document."""

    old_file: str
    new_file: str
    changes: tuple[Difference, ...] = field(default_factory=tuple)


def short(text: str) -> bool:
    """Whether a text is read whole rather than word by word (SHORT_WORDS, SHORT_CHARS)."""
    if "\n" in text:
        return False
    return (len(text.split()) <= SHORT_WORDS
            or (len(text) <= SHORT_CHARS and not _SENTENCE_MARK.search(text)))


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
    plans = [checked.plan for checked in each_checked([old, new])]
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
    swaps = diff_bodies.find(old, new, before, after)
    same, shifted = _matching(before, after, swaps)
    changes = _changes(before, after, same, shifted | _reordered(before, after, same), swaps)
    order = _document_order(before, after, same)
    changes.sort(key=lambda c: order.get(c[0], 0.0))
    return Report(old_file, new_file, tuple(change for _key, change in changes))


MOVABLE = ("task", "row", "base", "entry", "assignment", "sub")
GONE = "\0gone"  # the parent of an old item whose parent has no counterpart: it matches nothing

Side = tuple[str, str]  # ("old" | "new", key): where a change stands, for its order


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _matching(before: list[Unit], after: list[Unit],
              swaps: diff_bodies.Swaps) -> tuple[dict[str, str], set[str]]:
    """Old key → new key of every item in both; and the new keys of items without id moved.

    Items with an id match by it. Items without one are aligned list by list, a list of the new
    plan against the list of the old one that its holder matched (so the points of a paragraph
    follow it when it moves or a paragraph is inserted before it); parents come before children.
    """
    later = {u.key for u in after if u.matched_by_id}
    same = {u.key: u.key for u in before if u.matched_by_id and u.key in later}
    back = dict(same)
    shifted: set[str] = set()
    old_lists: dict[str, list[Unit]] = {}
    for unit in before:
        if not unit.matched_by_id:
            old_lists.setdefault(unit.parent, []).append(unit)
    new_lists: dict[str, list[Unit]] = {}
    for unit in after:
        if not unit.matched_by_id:
            new_lists.setdefault(unit.parent, []).append(unit)
    new_keys = {u.key for u in after}
    for parent, now in new_lists.items():
        origin = back.get(parent) if parent in new_keys else parent
        if origin is None:  # the holder is new: its items are part of it
            continue
        for was, unit, moved in _align(old_lists.get(origin, []), now, swaps):
            same[was.key], back[unit.key] = unit.key, was.key
            if moved:
                shifted.add(unit.key)
    return same, shifted


def _align(was: list[Unit], now: list[Unit],
           swaps: diff_bodies.Swaps) -> list[tuple[Unit, Unit, bool]]:
    """The pairs of one list without ids: kept in order, moved (the same text elsewhere in the
    list: True), or reworded (alike texts where the lists differ). An inserted text is no pair."""
    after = [u.value for u in now]
    present = set(after)
    # An old text as it is when the new list has it so; else with the replacements undone.
    before = [u.value if u.value in present else swaps.value(u) for u in was]
    pairs: list[tuple[Unit, Unit, bool]] = []
    gaps: list[tuple[list[int], list[int]]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += [(was[i], now[j], False) for i, j in zip(range(i1, i2), range(j1, j2),
                                                              strict=True)]
        else:
            gaps.append((list(range(i1, i2)), list(range(j1, j2))))
    loose = [i for olds, _ in gaps for i in olds]
    for _olds, news in gaps:
        for j in list(news):
            found = next((i for i in loose if before[i] == after[j]), None)
            if found is not None:
                loose.remove(found)
                news.remove(j)
                pairs.append((was[found], now[j], True))
    for olds, news in gaps:
        left = [i for i in olds if i in loose]
        for j in news:
            best = max(left, key=lambda i: _alike(before[i], after[j]), default=None)
            if best is not None and _alike(before[best], after[j]) >= 0.5:
                left.remove(best)
                pairs.append((was[best], now[j], False))
    return pairs


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _holders(before: list[Unit], same: dict[str, str]) -> dict[str, str]:
    """Each old parent key as a new one: itself for a list, its match for an item (or GONE)."""
    keys = {u.key for u in before}
    return {u.parent: (same.get(u.parent, GONE) if u.parent in keys else u.parent)
            for u in before}


def _reordered(before: list[Unit], after: list[Unit], same: dict[str, str]) -> set[str]:
    """Items with an id kept in the same list whose order changed: the fewest of them moved."""
    holder = _holders(before, same)
    old = {u.key: u for u in before}
    out: set[str] = set()
    kept = [u for u in after if u.matched_by_id and _kind(u.key) in MOVABLE and u.key in old
            and holder[old[u.key].parent] == u.parent]
    for parent in dict.fromkeys(u.parent for u in kept):
        now = [u.key for u in kept if u.parent == parent]
        was = [u.key for u in before if u.key in now]
        matcher = difflib.SequenceMatcher(None, was, now, autojunk=False)
        staying = {key for block in matcher.get_matching_blocks()
                   for key in was[block.a:block.a + block.size]}
        out |= {key for key in now if key not in staying}
    return out


def _positions(side: list[Unit]) -> dict[str, int]:
    """Each item's place (from 1) in the list that holds it."""
    counts: dict[str, int] = {}
    out = {}
    for unit in side:
        counts[unit.parent] = counts.get(unit.parent, 0) + 1
        out[unit.key] = counts[unit.parent]
    return out


def _change(kind: str, was: Unit | None, unit: Unit | None, note: str = "",
            positions: tuple[int, int] | None = None) -> Difference:
    here = unit or was
    assert here is not None
    old, new = (was.shown if was else ""), (unit.shown if unit else "")
    whole = bool(old and new) and (any(u.whole for u in (was, unit) if u)
                                   or (short(old) and short(new)))
    return Difference(kind, here.location, old, new, note, format_path(here.path), whole,
                  positions=positions)


def _changes(before: list[Unit], after: list[Unit], same: dict[str, str], shifted: set[str],
             swaps: diff_bodies.Swaps) -> list[tuple[Side, Difference]]:
    old = {u.key: u for u in before}
    new = {u.key: u for u in after}
    back = {b: a for a, b in same.items()}
    holder = _holders(before, same)
    where_old, where_new = _positions(before), _positions(after)
    places: dict[str, list[str]] = {}  # old id of a replaced or renamed body → where it changed
    for a, b in same.items():
        was, unit = old[a], new[b]
        if was.value != unit.value and swaps.value(was) == unit.value:
            for ident in swaps.touched(was):
                places.setdefault(ident, []).append(unit.location)
    folded = {f"registry:{a}" for a in swaps.ids} | {
        f"registry:{b}" for b in swaps.ids.values() if f"registry:{b}" not in old}
    out: list[tuple[Side, Difference]] = []
    for unit in after:
        if unit.key not in back:
            if unit.key not in folded and (unit.parent not in new or unit.parent in back):
                out.append((("new", unit.key), _change(ADDED, None, unit)))
            continue
        was = old[back[unit.key]]
        in_place = holder[was.parent] == unit.parent
        moved = ((unit.key in shifted and not (in_place and where_old[was.key]
                                               == where_new[unit.key]))
                 or (unit.matched_by_id and _kind(unit.key) in MOVABLE and not in_place))
        if moved:
            positions = (where_old[was.key], where_new[unit.key]) if in_place else None
            out.append((("new", unit.key), _change(MOVED, was, unit, f"từ {was.location}",
                                                   positions)))
        elif was.value != unit.value and swaps.value(was) != unit.value:
            change = _change(CHANGED, was, unit)
            ident = unit.key.removeprefix("registry:")
            if unit.key.startswith("registry:") and ident in places:  # renamed: where it shows
                change = dataclasses.replace(change, places=tuple(places[ident]))
            out.append((("new", unit.key), change))
    for was in before:
        if was.key not in same and was.key not in folded and (
                was.parent not in old or was.parent in same):
            out.append((("old", was.key), _change(REMOVED, was, None)))
    for a, b in swaps.ids.items():
        gone, successor = old[f"registry:{a}"], new[f"registry:{b}"]
        side: Side = ("old", gone.key) if successor.key in old else ("new", successor.key)
        out.append((side, Difference(CHANGED, successor.location, gone.shown, successor.shown, "",
                                 format_path(successor.path), True, (a, b),
                                 tuple(places.get(a, [])))))
    return out


def _document_order(before: list[Unit], after: list[Unit],
                    same: dict[str, str]) -> dict[Side, float]:
    """Each item's place in the new document; a removed one just after what preceded it."""
    order: dict[Side, float] = {("new", u.key): float(i) for i, u in enumerate(after)}
    last, step = -1.0, 0.0
    for unit in before:
        if unit.key in same:
            last, step = order[("new", same[unit.key])], 0.0
            order[("old", unit.key)] = last
        else:
            step += 0.001
            order[("old", unit.key)] = last + 0.5 + step
    return order
