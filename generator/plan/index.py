"""The plan index: what a workflow asks of a valid plan (which body is this, what is it given).

Lookups only; the checks that these answers make sense are in crosscheck.py.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.shell.errors import DataPath


def body_names(doc: dict[str, Any]) -> dict[str, str]:
    """Map of every body and group id to its name."""
    names = {g["id"]: g["name"] for g in doc.get("groups", [])}
    names.update({b["id"]: b["name"] for b in doc.get("bodies", [])})
    return names


def body_of(doc: dict[str, Any], unit: str) -> dict[str, Any] | None:
    """The registry entry of a body, or None."""
    return next((b for b in doc.get("bodies", []) if b["id"] == unit), None)


def is_group(doc: dict[str, Any], ident: str) -> bool:
    """Whether an id is a group's (a set of bodies given tasks together)."""
    return any(g["id"] == ident for g in doc.get("groups", []))


def member_ids(doc: dict[str, Any], unit: str) -> set[str]:
    """The unit's id and the ids of the groups it belongs to."""
    body = body_of(doc, unit)
    return {unit, *(body.get("groups", []) if body else [])}


def refers_to(refs: list[dict[str, Any]], ids: set[str]) -> bool:
    """Whether any of these references names one of the ids."""
    return any(ref["body"] in ids for ref in refs)


def row_refs(row: dict[str, Any], role: str) -> list[dict[str, Any]]:
    """The references of an appendix row in one role (lead or support), its sub-rows' included."""
    refs = list(row.get(role, []))
    for sub in row.get("rows", []):
        refs += sub.get(role, [])
    return refs


def assigned_refs(doc: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
    """The references that give work: each assignment's bodies, each row's lead and support."""
    for assignment in doc["plan"].get("assignments", {}).get("items", []):
        yield assignment.get("bodies", [])
    for row in doc.get("appendix", {}).get("rows", []):
        yield row_refs(row, "lead")
        yield row_refs(row, "support")


def walk_ids(doc: dict[str, Any]) -> Iterator[tuple[DataPath, str]]:
    """Every (path, id) in the document, in file order."""
    def walk(node: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                yield (*path, "id"), node["id"]
            for key, value in node.items():
                # A derived item's 'from' names the parent's item: not an id of this file.
                if key not in ("id", "from", "derived_from"):
                    yield from walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, (*path, i))
    yield from walk(doc, ())


def id_namespace(path: DataPath) -> str:
    """Ids are unique within a kind of item: bodies and groups share one (references)."""
    head = path[0]
    if head in ("bodies", "groups"):
        return "bodies"
    if head == "appendix":
        return "rows"
    if "tasks" in path:
        return "tasks"
    if "assignments" in path:
        return "assignments"
    return str(head) if head != "plan" else "items"
