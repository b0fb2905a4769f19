"""The one reference walker: the schema says which fields are references, every workflow follows."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from cerberus import schema_registry
from helpers import EXAMPLES, ROOT

from generator.plan import load, schema, validate
from generator.plan.references import ids_in, is_reference, references, repoint, rules_at
from generator.shell.errors import InvalidInput
from generator.shell.yamlio import load_roundtrip
from generator.workflows.derive import Parent, derive

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


def test_the_schema_marks_exactly_these_fields_as_references() -> None:
    marked = {(name, key) for name in ("entry", "citation", "assignment", "row")
              for key, rules in schema_registry.get(name).items()
              if is_reference(rules) or is_reference(rules.get("schema") or {})}
    assert marked == {("entry", "body"), ("assignment", "bodies"), ("row", "lead"),
                      ("row", "support")}


SHORTHANDS = """\
plan:
  objectives: [{text: Một, body: snv}, Hai]
  content:
    items:
      - {text: Ba, body: {body: stc, label: Sở Tài chính tỉnh}}
  assignments:
    items:
      - {id: a, bodies: snv, tasks: [{id: t, text: Bốn, body: so-nganh}]}
      - {id: b, bodies: [snv, {body: stc}], tasks: [Năm]}
appendix:
  rows:
    - {id: r1, content: Sáu, lead: snv, support: {body: stc, label: STC}}
    - {id: r2, content: Bảy, rows: [{id: r2-1, content: Tám, lead: [stc]}]}
bodies: [{id: snv, name: Sở Nội vụ}]
"""


def test_every_written_form_is_found_with_where_its_id_is() -> None:
    found = [(r.path, r.id_path, r.body, r.label) for r in references(load_roundtrip(SHORTHANDS))]
    assert found == [
        (("plan", "objectives", 0, "body"), ("plan", "objectives", 0, "body"), "snv", None),
        (("plan", "content", "items", 0, "body"), ("plan", "content", "items", 0, "body", "body"),
         "stc", "Sở Tài chính tỉnh"),
        (("plan", "assignments", "items", 0, "bodies"),
         ("plan", "assignments", "items", 0, "bodies"), "snv", None),
        (("plan", "assignments", "items", 0, "tasks", 0, "body"),
         ("plan", "assignments", "items", 0, "tasks", 0, "body"), "so-nganh", None),
        (("plan", "assignments", "items", 1, "bodies", 0),
         ("plan", "assignments", "items", 1, "bodies", 0), "snv", None),
        (("plan", "assignments", "items", 1, "bodies", 1),
         ("plan", "assignments", "items", 1, "bodies", 1, "body"), "stc", None),
        (("appendix", "rows", 0, "lead"), ("appendix", "rows", 0, "lead"), "snv", None),
        (("appendix", "rows", 0, "support"), ("appendix", "rows", 0, "support", "body"), "stc",
         "STC"),
        (("appendix", "rows", 1, "rows", 0, "lead", 0),
         ("appendix", "rows", 1, "rows", 0, "lead", 0), "stc", None),
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_plan_as_written_and_as_validated_name_the_same_bodies_in_order(path: Path) -> None:
    written = [r.body for r in references(load_roundtrip(path.read_text(encoding="utf-8")))]
    checked = [r.body for r in references(validate.validate(load.load_file(path)))]
    assert written == checked
    assert bool(written) == (path.stem != "tuyen-quang-snv-2021")  # a plan that assigns nothing


def test_a_part_of_a_plan_is_read_by_the_path_it_stands_at() -> None:
    row = {"id": "r", "content": "x", "lead": [{"body": "a"}], "support": "b",
           "rows": [{"id": "s", "content": "y", "support": [{"body": "c"}]}]}
    assert ids_in(row, ("appendix", "rows", 3)) == {"a", "b", "c"}
    assert ids_in([{"body": "a"}], ("appendix", "rows", 3, "lead")) == {"a"}
    assert ids_in(row, ("appendix", "nowhere")) == set()
    assert rules_at(("plan", "assignments", "items", 0, "bodies", 0)) is schema.REF
    assert rules_at(("plan", "objectives", 2, "body")) is schema.REF  # a part as its items


def test_repoint_renames_and_merges_only_the_lists_it_changed() -> None:
    tree: dict[str, Any] = {"appendix": {"rows": [
        {"id": "r", "content": "x", "lead": ["a", {"body": "b", "label": "B"}],
         "support": ["c", "c"]}]}}
    repoint(tree, {"a": "b"})
    row = tree["appendix"]["rows"][0]
    assert row["lead"] == ["b"]  # a merged body and its successor: once
    assert row["support"] == ["c", "c"]  # not changed, not rewritten


def test_a_new_reference_field_in_the_schema_is_seen_by_every_workflow(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(schema.ENTRY, "witness", schema.REF)
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "      - Nâng cao nhận thức về cải cách hành chính.",
        "      - {text: Nâng cao nhận thức., witness: {body: WITNESS}}")
    assert "WITNESS" in text
    bad = MINIMAL.parent / "x.yaml"
    with pytest.raises(InvalidInput) as refused:  # cross-checks
        validate.validate(load.load_text(text.replace("WITNESS", "snx"), str(bad)))
    [problem] = refused.value.problems
    assert (problem.path, problem.message.msgid) == (
        ("plan", "objectives", "items", 0, "witness", "body"),
        "no {what} has the id '{id}'; did you mean '{suggestion}'?")
    doc = validate.validate(load.load_text(text.replace("WITNESS", "stc"), str(bad)))
    child = derive(Parent(doc, "x.yaml"), "snv", dt.date(2024, 2, 1))  # derive's registry
    assert [b["id"] for b in child["bodies"]] == ["snv", "stc"]
    tree = load_roundtrip(text.replace("WITNESS", "stc"))  # roll-forward's renaming
    repoint(tree, {"stc": "skh"})
    assert tree["plan"]["objectives"]["items"][0]["witness"]["body"] == "skh"
