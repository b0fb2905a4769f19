"""Cross-checks the schema cannot express: ids, references, real dates, year, required pairs.

The lookups they use are the plan index (index.py); the references, references.py.
"""
from __future__ import annotations

import contextlib
import difflib
from collections.abc import Callable, Iterator
from typing import Any

from generator.plan.dates import month_end, parse_date, parse_month
from generator.plan.index import body_names, id_namespace, walk_ids
from generator.plan.load import Loaded
from generator.plan.references import references
from generator.plan.schema import LINE_END_KEYS, PART_NAMES
from generator.shell.errors import DataPath, Message, Problem

Check = Callable[[dict[str, Any], Loaded], Iterator[Problem]]


def check(doc: dict[str, Any], loaded: Loaded, *, complete: bool = True) -> list[Problem]:
    """Every cross-check problem of a document.

    complete=False: the schema refused parts of the document and they were removed; a check that
    meets a missing or malformed part stops there, keeping what it found before.
    """
    checks: tuple[Check, ...] = (_kind, _ids, _references, _dates, _entries, _sections,
                                 _signer, _columns, _decision)
    problems: list[Problem] = []
    for fn in checks:
        if complete:
            problems.extend(fn(doc, loaded))
        else:
            problems.extend(_as_far_as_it_goes(fn(doc, loaded)))
    return problems


def _as_far_as_it_goes(found: Iterator[Problem]) -> Iterator[Problem]:
    # The schema has already reported what made the check stop: nothing more to say about it.
    with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError, ValueError):
        yield from found


def _kind(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    if doc["kind"] == "decision" and "decision" not in doc:
        yield loaded.problem((), "kind is 'decision' but the 'decision' part is missing")
    if doc["kind"] == "plan" and "decision" in doc:
        yield loaded.problem(("decision",), "a standalone plan (kind: plan) has no 'decision' "
                             "part; remove it or set kind: decision", key=True)


def _ids(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    first: dict[tuple[str, str], DataPath] = {}
    for path, ident in walk_ids(doc):
        key = (id_namespace(path), ident)
        if key in first:
            line = loaded.position(first[key])[0]
            yield loaded.problem(path, "the id '{id}' is used twice (first at line {line}); "
                                 "ids must be unique", id=ident, line=line)
        else:
            first[key] = path
    for path in _task_paths(doc):
        if "id" not in _get(doc, path):
            yield loaded.problem(path, "every task needs an id, so later versions can be "
                                 "matched to it")
    for i, base in enumerate(doc.get("decision", {}).get("bases", [])):
        if "id" not in base:
            yield loaded.problem(("decision", "bases", i), "every legal basis needs an id")


def _task_paths(doc: dict[str, Any]) -> Iterator[DataPath]:
    items = doc["plan"].get("assignments", {}).get("items", [])
    for i, assignment in enumerate(items):
        for j in range(len(assignment.get("tasks", []))):
            yield ("plan", "assignments", "items", i, "tasks", j)


def _get(doc: Any, path: DataPath) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _references(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    known = body_names(doc)
    groups = {g["id"] for g in doc.get("groups", [])}
    for ref in references(doc):
        if ref.body not in known:
            yield _unknown(loaded, ref.id_path, ref.body, sorted(known), Message("body or group"))
    for i, body in enumerate(doc.get("bodies", [])):
        for j, group in enumerate(body.get("groups", [])):
            if group not in groups:
                yield _unknown(loaded, ("bodies", i, "groups", j), group, sorted(groups),
                               Message("group"))
    items = doc["plan"].get("assignments", {}).get("items", [])
    for i, assignment in enumerate(items):
        if not assignment.get("bodies") and "label" not in assignment:
            yield loaded.problem(("plan", "assignments", "items", i),
                                 "an assignment needs 'bodies' or a 'label'")


def _unknown(loaded: Loaded, path: DataPath, ident: str, known: list[str],
             what: Message) -> Problem:
    close = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
    if close:
        return loaded.problem(path, "no {what} has the id '{id}'; did you mean '{suggestion}'?",
                              what=what, id=ident, suggestion=close[0])
    return loaded.problem(path, "no {what} has the id '{id}'", what=what, id=ident)


def _citations(decision: dict[str, Any]) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    """Every legal basis, and each document cited with it in the same paragraph ('also')."""
    for i, base in enumerate(decision.get("bases", [])):
        yield ("decision", "bases", i), base
        for j, other in enumerate(base.get("also", [])):
            yield ("decision", "bases", i, "also", j), other


def _date_paths(doc: dict[str, Any]) -> Iterator[tuple[DataPath, str]]:
    if isinstance(doc.get("date"), str):
        yield ("date",), doc["date"]
    decision = doc.get("decision", {})
    for path, base in _citations(decision):
        if "date" in base:
            yield (*path, "date"), base["date"]
    document = decision.get("proposal", {}).get("document", {})
    if "date" in document:
        yield ("decision", "proposal", "document", "date"), document["date"]


def _dates(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    year = doc["year"]
    issued = None
    for path, text in _date_paths(doc):
        month = parse_month(text) if path == ("date",) else None
        date = month or parse_date(text)
        if date is None:
            yield loaded.problem(path, "'{value}' is not a real date", value=text)
        elif path == ("date",):
            issued = month_end(date) if month else date
            if not year - 1 <= date.year <= year:
                yield loaded.problem(path, "a plan for {year} is issued in {before} or {year}, "
                                     "not {found}", year=year, before=year - 1, found=date.year)
        elif issued is not None and date > issued:
            yield loaded.problem(path, "this document is dated after the plan itself ({date})",
                                 date=issued.isoformat())
    if doc.get("reference_date") == "short" and not doc.get("date"):
        yield loaded.problem(("reference_date",), "'reference_date: short' needs a 'date' "
                             "(YYYY-MM or YYYY-MM-DD): a draft with no date has no short form",
                             key=True)
    if "issue_year" in doc and not year - 1 <= doc["issue_year"] <= year:
        yield loaded.problem(("issue_year",), "a plan for {year} is issued in {before} or "
                             "{year}, not {found}", year=year, before=year - 1,
                             found=doc["issue_year"])


def _entries(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    def walk(items: list[dict[str, Any]], path: DataPath) -> Iterator[Problem]:
        for i, entry in enumerate(items):
            here = (*path, i)
            if "title" not in entry and "text" not in entry:
                yield loaded.problem(here, "an item needs a 'title' or a 'text'")
            yield from walk(entry.get("items", []), (*here, "items"))

    plan = doc["plan"]
    for name in PART_NAMES:
        part = plan.get(name)
        if part is None:
            continue
        if name == "assignments":
            for i, assignment in enumerate(part["items"]):
                yield from walk(assignment["tasks"], ("plan", name, "items", i, "tasks"))
                yield from _assignment(assignment, ("plan", name, "items", i), loaded)
        elif "items" in part:
            yield from walk(part["items"], ("plan", name, "items"))
            yield from _value_in_text(part["items"], ("plan", name, "items"), loaded)
        elif "note" not in part:
            yield loaded.problem(("plan", name), "a part needs 'items', or a 'note' (such as "
                                 "'(Có Phụ lục kèm theo)') when it only points elsewhere")
    for path, base in _citations(doc.get("decision", {})):
        if "text" not in base and "type" not in base:
            yield loaded.problem(path,
                                 "a legal basis needs a 'type' (e.g. Luật, Nghị định) or a 'text'")


def _assignment(assignment: dict[str, Any], path: DataPath,
                loaded: Loaded) -> Iterator[Problem]:
    if assignment.get("sentence") and assignment.get("inline"):
        yield loaded.problem((*path, "sentence"), "'sentence' cannot be used together with "
                             "'inline'; choose one", key=True)
    elif assignment.get("sentence") and len(assignment["tasks"]) != 1:
        yield loaded.problem((*path, "sentence"), "'sentence' prints the bodies and their one "
                             "task as one sentence; this assignment has {count} tasks",
                             key=True, count=len(assignment["tasks"]))
    yield from _value_in_text(assignment["tasks"], (*path, "tasks"), loaded)


def _value_in_text(items: list[dict[str, Any]], path: DataPath,
                   loaded: Loaded) -> Iterator[Problem]:
    for i, entry in enumerate(items):
        if entry.get("value_in_text") and ("value" not in entry
                                           or "{value}" not in entry.get("text", "")):
            yield loaded.problem((*path, i, "value_in_text"), "'value_in_text' needs a 'value' "
                                 "and a text that says where it goes with {{value}}", key=True)
        yield from _value_in_text(entry.get("items", []), (*path, i, "items"), loaded)


def _decision(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    decision = doc.get("decision")
    if decision is None:
        return
    if "articles" in decision:
        for number in (1, 2, 3):
            if f"article_{number}" in decision:
                yield loaded.problem(("decision", f"article_{number}"), "'article_{number}' "
                                     "cannot be used together with 'articles', which replaces "
                                     "every article", key=True, number=number)
    elif "article_3" not in decision and "executors" not in decision:
        yield loaded.problem(("decision",), "the required field 'executors' is missing (who "
                             "executes the decision in Điều 3), unless 'article_3' gives Điều 3 "
                             "in full")


def _sections(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    plan = doc["plan"]
    present = [name for name in PART_NAMES if name in plan]
    if not present:
        yield loaded.problem(("plan",), "the plan has no content: write at least one of {parts}",
                             parts=", ".join(PART_NAMES))
    if "sections" not in plan:
        return
    placed: dict[str, DataPath] = {}
    for i, section in enumerate(plan["sections"]):
        if "parts" not in section and "note" not in section:
            yield loaded.problem(("plan", "sections", i), "a section needs 'parts', or a 'note' "
                                 "(such as '(Có Phụ lục kèm theo)') when it only points elsewhere")
        for j, name in enumerate(section.get("parts", [])):
            path = ("plan", "sections", i, "parts", j)
            if name in placed:
                yield loaded.problem(path, "'{part}' is placed in two sections", part=name)
            elif name not in plan:
                yield loaded.problem(path, "'{part}' is placed in a section but the plan has no "
                                     "'{part}'", part=name)
            placed[name] = path
    for name in present:
        if name not in placed:
            yield loaded.problem(("plan", "sections"), "'{part}' is written but no section "
                                 "places it", part=name)


def _signer(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    signer = doc["signer"]
    mode = signer.get("mode", "none")
    if mode != "none" and "head" not in signer:
        yield loaded.problem(("signer",), "signing as {mode}. needs 'head' (the title of the "
                             "head, e.g. GIÁM ĐỐC)", mode=mode)
    if mode != "Q" and "title" not in signer:
        yield loaded.problem(("signer",), "the signer needs a 'title' (e.g. PHÓ GIÁM ĐỐC)")


def _columns(doc: dict[str, Any], loaded: Loaded) -> Iterator[Problem]:
    appendix = doc.get("appendix")
    if appendix is None:
        return
    seen: set[str] = set()
    for i, column in enumerate(appendix["columns"]):
        if column["key"] in seen:
            yield loaded.problem(("appendix", "columns", i, "key"),
                                 "the column '{column}' appears twice", column=column["key"])
        seen.add(column["key"])
        yield from _line_end(column, appendix, ("appendix", "columns", i), loaded)
    yield from _row_joins(appendix["rows"], seen, ("appendix", "rows"), loaded)


def _line_end(column: dict[str, Any], appendix: dict[str, Any], path: DataPath,
              loaded: Loaded) -> Iterator[Problem]:
    if column.get("line_end", "none") == "none":
        return
    key = column["key"]
    if key not in LINE_END_KEYS:
        yield loaded.problem((*path, "line_end"), "'line_end' ends the '- ' lines of a list "
                             "cell ({keys}), not of a '{column}' column",
                             keys=", ".join(LINE_END_KEYS), column=key)
    elif key in ("lead", "support"):
        join = column.get("join", appendix.get("join", "lines"))
        if join != "lines":
            yield loaded.problem((*path, "line_end"), "'line_end' needs the bodies one per "
                                 "line (join: lines), not joined with '{join}'", join=join)


def _row_joins(rows: list[dict[str, Any]], columns: set[str], path: DataPath,
               loaded: Loaded) -> Iterator[Problem]:
    for i, row in enumerate(rows):
        for key in row.get("joins", {}):
            if key not in columns:
                yield loaded.problem((*path, i, "joins", key), "the appendix has no '{column}' "
                                     "column for this join", column=key, key=True)
        yield from _row_joins(row.get("rows", []), columns, (*path, i, "rows"), loaded)
