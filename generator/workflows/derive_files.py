"""The derive command's library side: read the parent, derive, write the child atomically, check."""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.plan.checked import load_checked
from generator.plan.index import body_of
from generator.plan.load import Loaded
from generator.shell.atomic import Staging, guard_outputs, write_new
from generator.shell.errors import DataPath, Message, UsageError
from generator.shell.progress import Progress, Silent
from generator.shell.yamlio import dump
from generator.workflows import derive as core


@dataclass(frozen=True)
class DeriveRequest:
    """Derive one unit's plan (unit given) or every unit's (unit None) from a parent file."""

    parent: Path
    out: Path  # the child file, or the folder for every unit
    today: dt.date
    unit: str | None = None
    force: bool = False
    workers: int = 1
    progress: Progress = field(default_factory=Silent)


@dataclass
class DeriveSummary:
    """What `derive --all` did: files written, and what it skipped and why."""

    written: list[Path] = field(default_factory=list)
    skipped: list[Message] = field(default_factory=list)


def read_parent(path: Path) -> tuple[Loaded, core.Parent]:
    """Load and validate the parent; raises InvalidInput with every problem."""
    checked = load_checked(path)
    return checked.loaded, core.Parent(checked.plan, path.name)


def child_text(parent: core.Parent, unit: str, today: dt.date) -> str:
    """The YAML text of one unit's child plan; UsageError when the unit does not fit."""
    doc = parent.doc
    if body_of(doc, unit) is None:
        raise _unknown_unit(doc, unit)
    if not any(item.kind != "part" for item in core.derived_items(doc, unit).values()):
        raise UsageError(Message("{file} assigns nothing to '{unit}': no task and no appendix "
                                 "row names it or a group it belongs to",
                                 {"file": parent.file, "unit": unit}))
    return dump(core.derive(parent, unit, today))


def _unknown_unit(doc: dict[str, Any], unit: str) -> UsageError:
    if any(g["id"] == unit for g in doc.get("groups", [])):
        return UsageError(Message("'{unit}' is a group, not a body: derive for one of its "
                                  "member bodies (or use --all)", {"unit": unit}))
    known = [b["id"] for b in doc.get("bodies", [])]
    close = difflib.get_close_matches(unit, known, n=1, cutoff=0.6)
    if close:
        return UsageError(Message("no body has the id '{unit}'; did you mean '{suggestion}'?",
                                  {"unit": unit, "suggestion": close[0]}))
    return UsageError(Message("no body has the id '{unit}'", {"unit": unit}))


def derive_file(request: DeriveRequest) -> Path:
    """Write the child plan of request.unit to request.out; never overwrite without force."""
    assert request.unit is not None
    _loaded, parent = read_parent(request.parent)
    text = child_text(parent, request.unit, request.today)
    write_new(request.out, text.encode("utf-8"), inputs=[request.parent], force=request.force,
              make_parents=True)
    return request.out


def derive_all(request: DeriveRequest) -> DeriveSummary:
    """Write one child plan per unit the parent assigns anything to, into the folder out.

    All or nothing: the children are staged and renamed into place together once every one
    is made; on an error or Ctrl-C nothing is written and a folder this run made goes again.
    """
    _loaded, parent = read_parent(request.parent)
    summary = DeriveSummary()
    for group in core.empty_groups(parent.doc):
        summary.skipped.append(Message(
            "group '{group}' has no member bodies yet: add `groups: [{group}]` to its bodies",
            {"group": group}))
    units = core.concerned_units(parent.doc)
    named = [request.out / f"{unit}.yaml" for unit in units]
    targets = guard_outputs(named, [request.parent], force=request.force)
    from generator.shell.batch import run_all

    jobs = [_Job(parent, unit, request.today, target) for unit, target in zip(units, targets,
                                                                                strict=True)]
    with Staging() as staging:
        staging.make_folder(request.out)
        run_all(jobs, _child_bytes, workers=request.workers, progress=request.progress,
                label=lambda job: job.target.name,
                on_result=lambda job, data: staging.write(job.target, data))
    summary.written = named
    return summary


@dataclass(frozen=True)
class _Job:
    parent: core.Parent
    unit: str
    today: dt.date
    target: Path


def _child_bytes(job: _Job) -> bytes:
    """One child's YAML (made in a worker process by derive --all; the parent writes it)."""
    return child_text(job.parent, job.unit, job.today).encode("utf-8")


# --- upstream changes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UpstreamEdit:
    """One upstream change that concerns the child, located in the file it is seen in."""

    file: str
    line: int
    path: DataPath
    message: Message


def check_upstream(child_path: Path, parent_path: Path) -> list[UpstreamEdit]:
    """What the parent added, removed or changed since the child was derived from it."""
    child_checked = load_checked(child_path)
    child_loaded, child = child_checked.loaded, child_checked.plan
    origin = child.get("derived_from")
    if origin is None:
        raise UsageError(Message("{file} was not made by `plangen derive`: it has no "
                                 "'derived_from'", {"file": str(child_path)}))
    parent_loaded, parent = read_parent(parent_path)
    unit = origin["unit"]
    if body_of(parent.doc, unit) is None:
        raise _unknown_unit(parent.doc, unit)
    fresh = core.derived_items(parent.doc, unit)
    recorded = dict(_recorded(child))
    findings = _signed(origin, parent, parent_loaded)
    for ident, item in fresh.items():
        if ident not in recorded:
            findings.append(_at(parent_loaded, item.path, Message(
                "new since the derivation: {what} '{text}'",
                {"what": _what(item), "text": _excerpt(_text(item.value))})))
    for ident, (path, stamp, copy) in recorded.items():
        current = fresh.get(ident)
        if current is None:
            findings.append(_at(child_loaded, path, Message(
                "the parent no longer gives this to the unit: '{text}'",
                {"text": _excerpt(_text(copy))})))
        elif stamp.get("role", "") != current.role:
            findings.append(_at(parent_loaded, current.path, Message(
                "the unit's role changed from {old} to {new}: '{text}'",
                {"old": _role(stamp.get("role", "")), "new": _role(current.role),
                 "text": _excerpt(_text(current.value))})))
        elif stamp["fingerprint"] != current.fingerprint:
            findings.append(_at(parent_loaded, current.path, _changed(current, copy, stamp)))
    return sorted(findings, key=lambda f: (f.file != parent_loaded.file, f.file, f.line))


def _recorded(child: dict[str, Any]) -> list[tuple[str, tuple[DataPath, dict[str, Any], Any]]]:
    found: list[tuple[str, tuple[DataPath, dict[str, Any], Any]]] = []

    def walk(node: Any, path: DataPath) -> None:
        if isinstance(node, dict):
            stamp = node.get("from")
            if isinstance(stamp, dict) and path[:1] != ("derived_from",):
                found.append((stamp["id"], (path, stamp, node)))
            for key, value in node.items():
                if key != "from":
                    walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, (*path, i))

    walk(child, ())
    return found


def _signed(origin: dict[str, Any], parent: core.Parent, loaded: Loaded) -> list[UpstreamEdit]:
    doc = parent.doc
    now = (doc.get("number"), doc.get("date"))
    then = (origin.get("number"), origin.get("date"))
    if now == then or doc.get("number") is None:
        return []
    from generator.plan.citation import reference

    return [_at(loaded, ("number",), Message(
        "the parent has been signed since the derivation: {reference}; update the opening",
        {"reference": reference(doc)}))]


def _at(loaded: Loaded, path: DataPath, message: Message) -> UpstreamEdit:
    return UpstreamEdit(loaded.file, loaded.position(path)[0], path, message)


def _what(item: core.DerivedItem) -> Message:
    if item.kind == "task":
        return Message("task")
    if item.kind == "part":
        return Message("part")
    return Message("appendix row (it leads)") if item.role == "lead" else Message(
        "appendix row (it supports)")


def _role(role: str) -> Message:
    return Message("leading") if role == "lead" else Message("supporting")


def _text(value: Any) -> str:
    """The words of an item, as an officer would quote them."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("text", "content", "title"):
            if isinstance(value.get(key), str):
                return str(value[key])
        if isinstance(value.get("items"), list):
            return "; ".join(_text(v) for v in value["items"])
    return ""


def _changed(item: core.DerivedItem, copy: Any, stamp: dict[str, Any]) -> Message:
    """The parent's old and new text; the old is the child's copy while nobody edited it."""
    params = {"what": _what(item), "old": _excerpt(_text(copy)),
              "new": _excerpt(_text(item.value))}
    if core.fingerprint(copy) == stamp["fingerprint"] or item.role == "support":
        return Message("the parent changed this {what}: was '{old}', now '{new}'", params)
    return Message("the parent changed this {what}: now '{new}' (the unit's own, edited copy "
                   "reads '{old}')", params)


def _excerpt(text: str) -> str:
    return text if len(text) <= 120 else text[:117] + "…"
