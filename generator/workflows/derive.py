"""Derive: a department's or commune's implementing plan from the plan that assigns it tasks.

Pure data to data: the parent is a validated plan, the child a ruamel tree ready for yamlio.dump.
What concerns a unit: the parent's tasks given to it or to a group it belongs to, and the appendix
rows it leads (chủ trì) or supports (phối hợp). Each derived item records the parent item's id and
a fingerprint of it as it was, so `check_upstream` can later tell what the parent changed.
"""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap

from generator.document.appendix_table import cell_lines
from generator.document.context import plan_title
from generator.document.plan_blocks import Context
from generator.plan import vietnamese as vn
from generator.plan.citation import symbol
from generator.plan.dates import parse_date, parse_month
from generator.plan.index import (
    assigned_refs,
    body_names,
    body_of,
    is_group,
    member_ids,
    refers_to,
    row_refs,
)
from generator.plan.references import ids_in
from generator.shell.errors import DataPath
from generator.shell.yamlio import comment_after, comment_before, header, mapping, sequence
from generator.workflows.derive_names import (
    code_of,
    head_title,
    is_commune,
    report_to,
    short_issuer,
)

INHERITED_PARTS = ("objectives", "requirements", "audience", "content", "channels")
APPENDIX_TASK = "Chủ trì thực hiện các nhiệm vụ tại Phụ lục kèm theo Kế hoạch này."
SIGNER_NAME = "Họ và tên"


@dataclass(frozen=True)
class Parent:
    """The plan a child is derived from, and how the child names its file."""

    doc: dict[str, Any]
    file: str


@dataclass(frozen=True)
class DerivedItem:
    """Something of the parent that concerns a unit: a task, an appendix row or a whole part."""

    ident: str
    kind: str  # task | row | part
    role: str  # "" for tasks and parts; lead | support for rows
    path: DataPath  # where it stands in the parent
    value: dict[str, Any]

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the parent's item as it is now."""
        return fingerprint(self.value)


def fingerprint(value: Any) -> str:
    """16 hex digits that change whenever the item's content changes (provenance excluded)."""
    text = json.dumps(_without_provenance(value), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _without_provenance(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items()
                if k not in ("from", "derived_from")}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value


# --- who is concerned -------------------------------------------------------------------------


def _plain_name(text: str) -> str:
    return vn.nfc(text).strip(" :;.,").casefold()


def derived_items(doc: dict[str, Any], unit: str) -> dict[str, DerivedItem]:
    """Everything of the parent that concerns the unit, by the id the child records."""
    ids = member_ids(doc, unit)
    found: dict[str, DerivedItem] = {}
    plan = doc["plan"]
    for name in INHERITED_PARTS:
        if name in plan:
            found[name] = DerivedItem(name, "part", "", ("plan", name), plan[name])
    assignments = plan.get("assignments", {}).get("items", [])
    name = _plain_name(str((body_of(doc, unit) or {}).get("name", "")))
    for i, assignment in enumerate(assignments):
        # An assignment headed by a label alone ("Văn phòng Sở:") concerns the body it names.
        labelled = not assignment.get("bodies") and _plain_name(
            str(assignment.get("label", ""))) == name
        if labelled or refers_to(assignment.get("bodies", []), ids):
            for j, task in enumerate(assignment["tasks"]):
                path = ("plan", "assignments", "items", i, "tasks", j)
                found[task["id"]] = DerivedItem(task["id"], "task", "", path, task)
    for i, row in enumerate(doc.get("appendix", {}).get("rows", [])):
        role = ("lead" if refers_to(row_refs(row, "lead"), ids)
                else "support" if refers_to(row_refs(row, "support"), ids) else "")
        if role:
            found[row["id"]] = DerivedItem(row["id"], "row", role, ("appendix", "rows", i), row)
    return found


def concerned_units(doc: dict[str, Any]) -> list[str]:
    """Every body the parent assigns anything to, directly or through a group, registry order."""
    return [b["id"] for b in doc.get("bodies", [])
            if any(item.kind != "part" for item in derived_items(doc, b["id"]).values())]


def empty_groups(doc: dict[str, Any]) -> list[str]:
    """Groups that are given tasks or rows but have no member body in the registry."""
    members = {g for b in doc.get("bodies", []) for g in b.get("groups", [])}
    used: list[str] = []
    for refs in assigned_refs(doc):
        for ref in refs:
            ident = ref["body"]
            if is_group(doc, ident) and ident not in members and ident not in used:
                used.append(ident)
    return used


# --- the child --------------------------------------------------------------------------------


# A text in the YAML folds runs of spaces: a draft's blanks are cited as an ellipsis.
CITED_BLANK = "…"


def _short_date(text: str | None, year: int) -> str:
    """'19/12/2022', '…/01/2024' or '…/…/2022': the parent's date as cited."""
    if not text:
        return f"{CITED_BLANK}/{CITED_BLANK}/{year}"
    month = parse_month(text)
    if month is not None:
        return f"{CITED_BLANK}/{vn.month_text(month.month)}/{month.year}"
    date = parse_date(text)
    return vn.short_date(date) if date else text


def signing_year(doc: dict[str, Any]) -> int:
    """The year the parent is (or will be) signed in."""
    if doc.get("date"):
        return int(str(doc["date"])[:4])
    return int(doc.get("issue_year", doc["year"]))


def opening(doc: dict[str, Any], unit_name: str) -> str:
    """'Thực hiện Quyết định số 233/QĐ-UBND ngày 19/12/2022 của …; Sở Nội vụ xây dựng …:'."""
    title = vn.lower_first(plan_title(doc))
    # A decision issues the plan; a plan is cited by what it is about (seeds 001 and 003).
    cited, about = (("Quyết định", f"ban hành Kế hoạch {title}") if doc["kind"] == "decision"
                    else ("Kế hoạch", f"về {title}"))
    when = _short_date(doc.get("date"), signing_year(doc))
    topic = vn.lower_first(doc["plan"]["topic"])
    number = symbol(doc).replace(vn.DRAFT_BLANK, CITED_BLANK)
    return (f"Thực hiện {cited} số {number} ngày {when} của {doc['issuer']['name']} {about}; "
            f"{unit_name} xây dựng Kế hoạch {topic} năm {doc['year']} như sau:")


def derive(parent: Parent, unit: str, today: dt.date) -> CommentedMap:
    """The child plan of a unit, as a commented YAML tree ordered like the document."""
    doc = parent.doc
    body = body_of(doc, unit)
    if body is None:
        raise KeyError(unit)
    items = derived_items(doc, unit)
    child = mapping([("plangen", 1), ("kind", "plan"), ("year", doc["year"]),
                     ("issue_year", signing_year(doc)), ("issuer", _issuer(doc, body))])
    plan = _plan(doc, body, items)
    appendix = _appendix(doc, items)
    groups, bodies = _registry(doc, plan, appendix, unit)
    if groups:
        child["groups"] = groups
    child["bodies"] = bodies
    child["plan"] = plan
    if appendix is not None:
        child["appendix"] = appendix
    child["recipients"] = _recipients(doc, body)
    child["signer"] = _signer(body)
    child["derived_from"] = _provenance(parent, unit, today)
    _comments(child, parent, body, today, appendix is not None)
    return child


def _issuer(doc: dict[str, Any], body: dict[str, Any]) -> CommentedMap:
    return mapping([("name", body["name"]), ("code", code_of(body)),
                    ("place", doc["issuer"]["place"]),
                    ("parent", vn.upper(short_issuer(doc["issuer"]["name"])))])


def _plan(doc: dict[str, Any], body: dict[str, Any], items: dict[str, DerivedItem]
          ) -> CommentedMap:
    parent_plan = doc["plan"]
    plan = mapping([("topic", parent_plan["topic"]), ("scope", f"của {body['name']}"),
                    ("scope_position", "before-year"), ("opening", opening(doc, body["name"]))])
    for item in items.values():
        if item.kind == "part":
            plan[item.ident] = _part(item)
    plan["assignments"] = mapping([("items", sequence([_assignment(doc, body, items)]))])
    return plan


def _part(item: DerivedItem) -> CommentedMap:
    part = mapping([("from", _from(item))])
    for key, value in item.value.items():
        part[key] = [compact(entry) for entry in value] if key == "items" else value
    return part


def _from(item: DerivedItem) -> CommentedMap:
    pairs = [("id", item.ident), ("fingerprint", item.fingerprint)]
    if item.role:
        pairs.append(("role", item.role))
    return mapping(pairs, flow=True)


def _assignment(doc: dict[str, Any], body: dict[str, Any], items: dict[str, DerivedItem]
                ) -> CommentedMap:
    tasks = []
    if any(item.kind == "row" and item.role == "lead" for item in items.values()):
        tasks.append(mapping([("id", "phu-luc"), ("text", APPENDIX_TASK)]))
    for item in items.values():
        if item.kind == "task":
            task = compact(copy.deepcopy(item.value))
            task = task if isinstance(task, dict) else {"text": task}
            tasks.append(mapping([("id", item.ident), *((k, v) for k, v in task.items()
                                                        if k != "id"), ("from", _from(item))]))
        elif item.kind == "row" and item.role == "support":
            tasks.append(mapping([("id", f"phoi-hop-{item.ident}"),
                                  ("text", _support_task(doc, item.value)),
                                  ("from", _from(item))]))
    label = ("Các bộ phận, công chức thuộc Ủy ban nhân dân xã" if is_commune(body["name"])
             else f"Các phòng, đơn vị thuộc {_owner(body['name'])}")
    return mapping([("id", "thuc-hien"), ("label", label), ("tasks", sequence(tasks))])


def _owner(name: str) -> str:
    return "Sở" if name.startswith("Sở ") else name


def _support_task(doc: dict[str, Any], row: dict[str, Any]) -> str:
    ctx = Context(body_names(doc))
    leads = [ctx.ref(ref) for ref in row_refs(row, "lead")]
    lead = ", ".join(dict.fromkeys(leads)) or "cơ quan chủ trì"
    text = f"Phối hợp với {lead} thực hiện: {vn.lower_first(row['content'].rstrip(' .;'))}"
    when = "; ".join(cell_lines("time", row, ctx.ref, doc["year"]))  # as the Phụ lục prints it
    return f"{text} ({when})." if when else f"{text}."


def _appendix(doc: dict[str, Any], items: dict[str, DerivedItem]) -> CommentedMap | None:
    rows = [item for item in items.values() if item.kind == "row" and item.role == "lead"]
    if not rows:
        return None
    parent = doc["appendix"]
    appendix = mapping((k, copy.deepcopy(v)) for k, v in parent.items()
                       if k not in ("rows", "columns"))
    appendix["columns"] = sequence(mapping(c, flow=True) for c in parent["columns"])
    appendix["rows"] = sequence(_row(item) for item in rows)
    return appendix


def _row(item: DerivedItem) -> CommentedMap:
    row = compact(copy.deepcopy(item.value))
    pairs = [("id", row.pop("id")), ("from", _from(item)), *row.items()]
    return mapping(pairs)


def compact(value: Any) -> Any:
    """The shortest form a person would type: {text: x} → x, [x] → x for refs and time."""
    if isinstance(value, dict):
        keys = set(value)
        if keys == {"text"}:
            return value["text"]
        if keys == {"body"}:
            return value["body"]
        out = mapping((k, _compact_field(k, v)) for k, v in value.items())
        if keys <= {"body", "label", "quarters", "with_year", "id", "fingerprint", "role"}:
            out.fa.set_flow_style()
        return out
    if isinstance(value, list):
        return [compact(v) for v in value]
    return value


def _compact_field(key: str, value: Any) -> Any:
    if key in ("lead", "support", "form", "product", "note") and isinstance(value, list):
        items = [compact(v) for v in value]
        if len(items) == 1 and not isinstance(items[0], dict):
            return items[0]
        inline = all(not isinstance(i, CommentedMap) or i.fa.flow_style() for i in items)
        return sequence(items, flow=inline and key in ("lead", "support"))
    if key == "time" and isinstance(value, dict) and "lines" in value:
        return list(value["lines"])
    return compact(value)


def _registry(doc: dict[str, Any], plan: CommentedMap, appendix: CommentedMap | None,
              unit: str) -> tuple[list[CommentedMap], list[CommentedMap]]:
    """The groups and bodies the child refers to, copied from the parent's registry."""
    used = {unit} | ids_in({"plan": plan, **({"appendix": appendix} if appendix else {})})
    groups = [g for g in doc.get("groups", []) if g["id"] in used]
    group_ids = {g["id"] for g in groups}
    bodies = []
    for body in doc.get("bodies", []):
        if body["id"] in used:
            entry = {k: v for k, v in body.items() if k != "groups"}
            member = [g for g in body.get("groups", []) if g in group_ids]
            if member:
                entry["groups"] = sequence(member, flow=True)
            bodies.append(mapping(entry, flow=True))
    return [mapping(g, flow=True) for g in groups], bodies


def _recipients(doc: dict[str, Any], body: dict[str, Any]) -> Any:
    over = f"{report_to(doc['issuer']['name'])} (để b/c)"
    if is_commune(body["name"]):
        return sequence([over, "Chủ tịch, các Phó Chủ tịch UBND xã",
                         "Các ban, ngành, đoàn thể xã"])
    return sequence([over, "Lãnh đạo " + _owner(body["name"]),
                     f"Các phòng, đơn vị thuộc {_owner(body['name'])}"])


def _signer(body: dict[str, Any]) -> CommentedMap:
    if is_commune(body["name"]):
        return mapping([("on_behalf", "Ủy ban nhân dân"), ("title", "CHỦ TỊCH"),
                        ("name", SIGNER_NAME)])
    return mapping([("title", head_title(body["name"])), ("name", SIGNER_NAME)])


def _provenance(parent: Parent, unit: str, today: dt.date) -> CommentedMap:
    doc = parent.doc
    pairs: list[tuple[str, Any]] = [("file", parent.file), ("unit", unit),
                                    ("issuer", doc["issuer"]["name"]), ("kind", doc["kind"])]
    if doc.get("number"):
        pairs.append(("number", doc["number"]))
    if doc.get("date"):
        pairs.append(("date", doc["date"]))
    pairs += [("fingerprint", fingerprint(doc)), ("on", today.isoformat())]
    return mapping(pairs)


def _comments(child: CommentedMap, parent: Parent, body: dict[str, Any], today: dt.date,
              has_appendix: bool) -> None:
    doc = parent.doc
    number = symbol(doc).replace(vn.DRAFT_BLANK, CITED_BLANK)
    cited = f"{'Quyết định' if doc['kind'] == 'decision' else 'Kế hoạch'} số {number}"
    header(child, [
        f"Kế hoạch của {body['name']} thực hiện {cited} của {doc['issuer']['name']}.",
        f"Made by `plangen derive` from {parent.file} on {today.isoformat()}; edit it freely:",
        "`plangen derive --check` tells later what the parent changed.",
        "Review before issuing: the signer and their name; the units inside the body that carry",
        "out each task (plan.assignments); the inherited objectives and content"
        + ("; the appendix rows it leads." if has_appendix else "."),
    ])
    signer = child["signer"]
    if not is_commune(body["name"]):
        comment_before(child, "signer", [
            "When a deputy signs: {mode: KT, head: " + head_title(body["name"])
            + ", title: PHÓ " + head_title(body["name"]) + ", name: …}"], indent=0)
    comment_after(signer, "name", "review: the signer's name")
    comment_after(child["plan"]["assignments"]["items"][0], "label",
                  "review: which units carry out these tasks")
    comment_before(child, "derived_from", [
        "Where this plan comes from (never printed; used by `plangen derive --check`)."],
        indent=0)
