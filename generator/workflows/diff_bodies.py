"""Bodies replaced everywhere (roll-forward's mergers and new ids) and renamed: found, then undone.

A body A of the old plan's registry is replaced by B when A is gone from the new registry and every
item that named A (and is in both versions) names B now. Its name, and the name of a body renamed
under the same id, is carried into texts as roll-forward carries it (first letter of either case).
Comparing the old items with these undone makes each replacement one change: an item that differs
only by them is a place the replacement touched, not a change of its own.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.plan import vietnamese as vn
from generator.plan.references import ids_in, repoint
from generator.workflows.plan_units import Unit, canonical

# The registry itself, the issuer and the top fields are never rewritten: a change there is its own.
KEPT = ("registry:", "issuer:", "field:")


@dataclass(frozen=True)
class Swaps:
    """The replacements and renamings between two plans, and how to undo them on old values."""

    ids: dict[str, str] = field(default_factory=dict)  # old id → new id: replaced everywhere
    names: dict[str, str] = field(default_factory=dict)  # old name → new name (replaced, renamed)
    named: dict[str, str] = field(default_factory=dict)  # old name → its old id
    pattern: re.Pattern[str] | None = None  # every old name, the longest first

    def value(self, unit: Unit) -> str:
        """An old unit's value with the replacements and new names in: as it is when that is all."""
        if not (self.names or self.ids) or unit.key.startswith(KEPT):
            return unit.value
        data = json.loads(unit.value)
        repoint(data, self.ids, unit.data_path)
        return canonical(self._renamed(data, ""))

    def touched(self, unit: Unit) -> list[str]:
        """The old ids of the replaced or renamed bodies an old unit names, by id or in a text."""
        data = json.loads(unit.value)
        found = [ident for ident in self.ids if ident in ids_in(data, unit.data_path)]
        if self.pattern is not None:
            for text in _texts(data, ""):
                for match in self.pattern.finditer(text):
                    ident = self.named[_upper_first(match.group(0))]
                    if ident not in found:
                        found.append(ident)
        return found

    def _renamed(self, node: Any, key: str) -> Any:
        """The texts of a value with the old names of bodies replaced by their new ones."""
        if isinstance(node, dict):
            return {k: self._renamed(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [self._renamed(v, key) for v in node]
        if isinstance(node, str) and key not in ("id", "body") and self.pattern is not None:
            return self.pattern.sub(self._new_name, node)
        return node

    def _new_name(self, match: re.Match[str]) -> str:
        name = self.names[_upper_first(match.group(0))]
        return vn.lower_first(name) if match.group(0)[:1].islower() else name


def find(old: dict[str, Any], new: dict[str, Any], before: list[Unit],
         after: list[Unit]) -> Swaps:
    """The bodies replaced everywhere and renamed from one plan to the other."""
    was, now = _registry(old), _registry(new)
    later = {u.key: u for u in after if u.matched_by_id and not u.key.startswith(KEPT)}
    pairs = [(ids_in(json.loads(u.value), u.data_path),
              ids_in(json.loads(later[u.key].value), later[u.key].data_path)) for u in before
             if u.matched_by_id and u.key in later]
    ids: dict[str, str] = {}
    for gone in (ident for ident in was if ident not in now):
        users = [(a, b) for a, b in pairs if gone in a]
        if not users:  # named nowhere that is still there: only a removal
            continue
        common = set(now).intersection(*(b for _, b in users)) - {gone}
        if common:
            # A successor new to the items that name it, then one new to the registry.
            ids[gone] = max(sorted(common), key=lambda c: (
                sum(c not in a for a, _ in users), c not in was))
    renamed = [ident for ident in was if ident in now and was[ident] != now[ident]]
    names = {was[a]: now[b] for a, b in ids.items()}
    names.update({was[ident]: now[ident] for ident in renamed})
    named = {was[ident]: ident for ident in [*ids, *renamed]}
    names = {_upper_first(k): v for k, v in names.items() if k}
    named = {_upper_first(k): v for k, v in named.items() if k}
    return Swaps(ids, names, named, _pattern(list(names)))


def _registry(doc: dict[str, Any]) -> dict[str, str]:
    return {entry["id"]: entry["name"] for kind in ("groups", "bodies")
            for entry in doc.get(kind, [])}


def _pattern(names: list[str]) -> re.Pattern[str] | None:
    if not names:
        return None
    names = sorted(names, key=lambda n: (-len(n), n))  # "Sở Nội vụ tỉnh" before "Sở Nội vụ"
    return re.compile("|".join(rf"(?i:{re.escape(n[:1])}){re.escape(n[1:])}" for n in names))


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _texts(node: Any, key: str) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _texts(v, key)
    elif isinstance(node, str) and key not in ("id", "body"):
        yield node
