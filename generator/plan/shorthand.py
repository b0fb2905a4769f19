"""Expand the YAML shorthands (a string where a mapping or list is meant) before validation."""
from __future__ import annotations

from typing import Any

from generator.plan.schema import PART_NAMES
from generator.shell.errors import DataPath

TEXT, ID, MAPPING, LIST = "string", "id", "dict", "list"
# Fields written in more than one form (a shorthand and the full form): what each accepts.
_FORMS_OF_FIELD: dict[str, tuple[str, ...]] = {
    "proposal": (TEXT, MAPPING), "body": (ID, MAPPING), "bodies": (ID, MAPPING, LIST),
    "lead": (ID, MAPPING, LIST), "support": (ID, MAPPING, LIST), "time": (TEXT, LIST, MAPPING),
    **dict.fromkeys((p for p in PART_NAMES if p != "assignments"), (LIST, MAPPING)),
}
_FORMS_OF_ITEM: dict[str, tuple[str, ...]] = {
    "items": (TEXT, MAPPING), "tasks": (TEXT, MAPPING), "bases": (TEXT, MAPPING),
    "bodies": (ID, MAPPING), "lead": (ID, MAPPING), "support": (ID, MAPPING),
}
_ROW_TEXTS = ("form", "product", "note")


def expand(doc: Any) -> Any:
    """Return a copy of the document with every shorthand written out in full."""
    if not isinstance(doc, dict):
        return doc
    out = dict(doc)
    plan = out.get("plan")
    if isinstance(plan, dict):
        out["plan"] = _plan(plan)
    decision = out.get("decision")
    if isinstance(decision, dict):
        out["decision"] = _decision(decision)
    appendix = out.get("appendix")
    if isinstance(appendix, dict) and isinstance(appendix.get("rows"), list):
        out["appendix"] = {**appendix, "rows": [_row(r) for r in appendix["rows"]]}
    return out


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _entry(value: Any) -> Any:
    if _scalar(value):
        return {"text": value}
    if isinstance(value, dict):
        value = dict(value)
        if isinstance(value.get("items"), list):
            value["items"] = [_entry(v) for v in value["items"]]
        if "body" in value:
            value["body"] = _ref(value["body"])
    return value


def _ref(value: Any) -> Any:
    return {"body": value} if _scalar(value) else value


def _refs(value: Any) -> Any:
    if _scalar(value) or isinstance(value, dict):
        value = [value]
    return [_ref(v) for v in value] if isinstance(value, list) else value


def _texts(value: Any) -> Any:
    return [value] if _scalar(value) else value


def _part(value: Any) -> Any:
    if isinstance(value, list):
        value = {"items": value}
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        value = {**value, "items": [_entry(v) for v in value["items"]]}
    return value


def _assignment(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    value = dict(value)
    if "bodies" in value:
        value["bodies"] = _refs(value["bodies"])
    if isinstance(value.get("tasks"), list):
        value["tasks"] = [_entry(v) for v in value["tasks"]]
    return value


def _plan(plan: dict[str, Any]) -> dict[str, Any]:
    out = dict(plan)
    for name in PART_NAMES:
        if name in out:
            out[name] = _part(out[name])
    assignments = out.get("assignments")
    if isinstance(assignments, dict) and isinstance(assignments.get("items"), list):
        out["assignments"] = {**assignments,
                              "items": [_assignment(a) for a in assignments["items"]]}
    return out


def _citation(value: Any) -> Any:
    return {"text": value} if _scalar(value) else value


def _decision(decision: dict[str, Any]) -> dict[str, Any]:
    out = dict(decision)
    if isinstance(out.get("bases"), list):
        out["bases"] = [_citation(b) for b in out["bases"]]
    proposal = out.get("proposal")
    if isinstance(proposal, str):
        out["proposal"] = {"by": proposal}
    return out


def _row(row: Any) -> Any:
    if not isinstance(row, dict):
        return row
    row = dict(row)
    for key in ("form", "product", "note"):
        if key in row:
            row[key] = _texts(row[key])
    for key in ("lead", "support"):
        if key in row:
            row[key] = _refs(row[key])
    if _scalar(row.get("time")):
        row["time"] = {"text": row["time"]}
    elif isinstance(row.get("time"), list):
        row["time"] = {"lines": row["time"]}
    if isinstance(row.get("rows"), list):
        row["rows"] = [_row(r) for r in row["rows"]]
    return row


def accepted_forms(path: DataPath) -> tuple[str, ...]:
    """The forms a field may be written in, when it has a shorthand; () when it has one form."""
    if not path or path[0] in ("bodies", "groups"):
        return ()  # the registry is written in one form only
    last, parent = path[-1], (path[-2] if len(path) > 1 else None)
    if isinstance(last, int):
        if parent == "items" and (path[0] != "plan" or path[-3:-2] == ("assignments",)):
            return ()
        return _FORMS_OF_ITEM.get(str(parent), ())
    if last in _ROW_TEXTS and "rows" in path:
        return (TEXT, LIST)
    if last in PART_NAMES and path[:1] != ("plan",):
        return ()
    return _FORMS_OF_FIELD.get(last, ())
