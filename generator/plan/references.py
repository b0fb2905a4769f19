"""Every body reference of a plan, found by the schema: the fields whose rules are a reference.

One walker for every workflow (cross-checks, derive, roll-forward, diff): a field the schema marks
as a reference (REF, and lists of it) is seen by all of them. It walks a validated plan, a YAML
tree as written (shorthands: `lead: snv`, a single reference where a list is meant, a part written
as its list of items) or any part of one, given the path it stands at.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cerberus import schema_registry

from generator.plan.schema import DOCUMENT, Schema
from generator.shell.errors import DataPath


@dataclass(frozen=True)
class Reference:
    """One reference: where it is written, the id it names, and how to change that id."""

    path: DataPath  # the reference itself: (…, "lead", 0) or (…, "body")
    id_path: DataPath  # the id: (…, "lead", 0, "body") when written as {body: …}, else path
    body: str
    holder: Any  # holder[key] is the id: the {body: …} mapping, or the list or mapping holding it
    key: Any
    within: list[Any] | None  # the list of references it is an element of, if any

    @property
    def mapping(self) -> Any:
        """The {body: …, label: …} mapping the reference is written as; None for a plain id."""
        return self.holder if self.id_path != self.path else None

    @property
    def label(self) -> str | None:
        """The label it prints instead of the body's name, if it has one."""
        label = self.mapping.get("label") if self.mapping is not None else None
        return label if isinstance(label, str) else None


def is_reference(rules: Schema) -> bool:
    """Whether a field's rules declare a body reference (schema.REF)."""
    return bool(rules.get("meta", {}).get("reference"))


def references(tree: Any, at: DataPath = ()) -> Iterator[Reference]:
    """Every reference in TREE, a plan or the part of one found at path AT, in file order."""
    rules = rules_at(at)
    if rules is not None:
        yield from _value(tree, rules, at, None, None, None)


def ids_in(tree: Any, at: DataPath = ()) -> set[str]:
    """The body and group ids TREE (at path AT of a plan) refers to."""
    return {ref.body for ref in references(tree, at)}


def repoint(tree: Any, renamed: dict[str, str], at: DataPath = ()) -> None:
    """Every reference to a renamed or merged body names its successor, once per list."""
    lists: list[list[Any]] = []
    for ref in list(references(tree, at)):
        if ref.body in renamed:
            ref.holder[ref.key] = renamed[ref.body]
            if ref.within is not None and all(ref.within is not seen for seen in lists):
                lists.append(ref.within)
    for refs in lists:
        _once(refs)


def _once(refs: list[Any]) -> None:
    """A merged body and its successor named in one list: once is enough."""
    seen: set[str] = set()
    twice = []
    for i, ref in enumerate(refs):
        ident = str(ref.get("body") if isinstance(ref, dict) else ref)
        if ident in seen:
            twice.append(i)
        seen.add(ident)
    for i in reversed(twice):
        del refs[i]


def rules_at(path: DataPath) -> Schema | None:
    """The rules of the field at PATH of a plan (list indexes stand for an element), or None."""
    rules: Schema = {"type": "dict", "schema": DOCUMENT}
    for part in path:
        if isinstance(part, int):
            rules = _element(rules) if rules.get("type") == "list" else _items_element(rules)
        else:
            fields = _fields(rules)
            if fields is None or part not in fields:
                return None
            rules = fields[part]
        if not rules:
            return None
    return rules


def _fields(rules: Schema) -> dict[str, Schema] | None:
    inner = rules.get("schema")
    if isinstance(inner, str):
        inner = schema_registry.get(inner)
    return inner if rules.get("type") == "dict" and isinstance(inner, dict) else None


def _element(rules: Schema) -> Schema:
    inner = rules.get("schema")
    return inner if isinstance(inner, dict) else {}


def _items_element(rules: Schema) -> Schema:
    """A mapping written as the list of its items (a part's shorthand): an item's rules."""
    fields = _fields(rules) or {}
    return _element(fields.get("items", {}))


def _value(value: Any, rules: Schema, path: DataPath, holder: Any, key: Any,
           within: list[Any] | None) -> Iterator[Reference]:
    if is_reference(rules):
        yield from _reference(value, path, holder, key, within)
    elif rules.get("type") == "list":
        element = _element(rules)
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _value(item, element, (*path, i), value, i, value)
        elif value is not None:  # one element written where a list is meant
            yield from _value(value, element, path, holder, key, within)
    elif rules.get("type") == "dict":
        if isinstance(value, dict):
            fields = _fields(rules) or {}
            for name, item in value.items():
                if name in fields:
                    yield from _value(item, fields[name], (*path, name), value, name, None)
        elif isinstance(value, list):  # a part written as its items
            element = _items_element(rules)
            for i, item in enumerate(value):
                yield from _value(item, element, (*path, i), value, i, value)


def _reference(value: Any, path: DataPath, holder: Any, key: Any,
               within: list[Any] | None) -> Iterator[Reference]:
    if isinstance(value, dict):
        if isinstance(value.get("body"), str):
            yield Reference(path, (*path, "body"), value["body"], value, "body", within)
    elif isinstance(value, str) and holder is not None:
        yield Reference(path, path, value, holder, key, within)
