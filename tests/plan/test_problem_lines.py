"""How validation problems come together, and rules at their edges, in an officer's lines."""
# ruff: noqa: E501  (pinned messages are whole output lines, as in tests/plan/test_messages.py)
from __future__ import annotations

import pytest
from validation_lines import edit, lines

from generator.plan.load import load_text
from generator.plan.validate import validate


def test_a_number_in_a_text_field_is_that_text_as_written() -> None:
    plan = validate(load_text(edit("title: GIÁM ĐỐC", "title: 08"), "f.yaml"))
    assert plan["signer"]["title"] == "08"
    plan = validate(load_text(edit("[Giám đốc Sở]", "[115, 1.50]"), "f.yaml"))
    assert plan["recipients"] == ["115", "1.50"]


def test_schema_problems_and_cross_check_problems_come_in_one_pass() -> None:
    text = edit("bodies: [vp]\n        tasks:", "bodies: [vpp]\n        taks: []\n        tasks:")
    assert lines(text, "en") == [
        "f.yaml:13:18: plan.assignments.items[0].bodies[0].body: no body or group has the id 'vpp'; did you mean 'vp'?",
        "f.yaml:14:9: plan.assignments.items[0].taks: unknown field 'taks'; did you mean 'tasks'?",
    ]


def test_a_refused_value_is_not_reported_again_by_the_cross_checks() -> None:
    text = edit("title: GIÁM ĐỐC", "title: [a]").replace("bodies: [vp]", "bodies: [vpx]")
    assert lines(text, "en") == [
        "f.yaml:13:18: plan.assignments.items[0].bodies[0].body: no body or group has the id 'vpx'; did you mean 'vp'?",
        "f.yaml:16:17: signer.title: expected text, found a list",
    ]


def test_cross_checks_run_on_the_rest_when_a_required_part_is_missing() -> None:
    text = edit("signer: {title: GIÁM ĐỐC, name: Nguyễn Văn A}\n", "").replace(
        "bodies: [vp]", "bodies: [nobody]")
    assert lines(text, "en") == [
        "f.yaml:1:1: (document): the required field 'signer' is missing",
        "f.yaml:13:18: plan.assignments.items[0].bodies[0].body: no body or group has the id 'nobody'",
    ]


@pytest.mark.parametrize(("field", "value", "refused_year"), [
    ("issue_year", "2022", 2022), ("issue_year", "2023", None), ("issue_year", "2024", None),
    ("issue_year", "2025", 2025),
    ("date", "2022-12-31", 2022), ("date", "2023-01-01", None), ("date", "2024-12-31", None),
    ("date", "2025-01-01", 2025), ("date", "2022-12", 2022), ("date", "2023-01", None),
    ("date", "2024-12", None), ("date", "2025-01", 2025),
])
def test_a_plan_is_issued_in_its_year_or_the_year_before(field: str, value: str,
                                                          refused_year: int | None) -> None:
    found = lines(edit("year: 2024", f"year: 2024\n{field}: {value}"), "en")
    column = len(field) + 3
    expected = [] if refused_year is None else [
        f"f.yaml:4:{column}: {field}: a plan for 2024 is issued in 2023 or 2024, not {refused_year}"]
    assert found == expected


def test_the_registry_has_one_form_only() -> None:
    assert lines(edit("bodies:\n  - {id: vp, name: Văn phòng Sở}", "bodies: vp"), "en") == [
        "f.yaml:5:9: bodies: expected a list (lines starting with '- '), found the text 'vp'",
        "f.yaml:12:18: plan.assignments.items[0].bodies[0].body: no body or group has the id 'vp'"]
