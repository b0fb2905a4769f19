"""Cross-checks at their boundaries: a legal basis may be dated up to the plan's own day."""
from __future__ import annotations

import pytest
from validation_lines import dedit, lines

BASIS = "{id: a, type: Luật, title: Tổ chức chính quyền địa phương, date: 2015-06-19}"


@pytest.mark.parametrize(("signed", "basis", "refused_after"), [
    # Signed on a known day: a document signed earlier that same day can already be cited; one
    # of the next day cannot.
    ("2024-01-05", "2024-01-05", None),
    ("2024-01-05", "2024-01-06", "2024-01-05"),
    ("2024-01-05", "2024-01-04", None),
    # A draft known to the month: it may be signed on the last day of that month.
    ("2024-01", "2024-01-31", None),
    ("2024-01", "2024-02-01", "2024-01-31"),
])
def test_a_basis_dated_up_to_the_plan_is_accepted(signed: str, basis: str,
                                                  refused_after: str | None) -> None:
    text = dedit("date: 2024-01-05\n", f"date: {signed}\n").replace(
        BASIS, BASIS.replace("2015-06-19", basis))
    assert BASIS.replace("2015-06-19", basis) in text
    expected = [] if refused_after is None else [
        "f.yaml:8:72: decision.bases[0].date: this document is dated after the plan itself "
        f"({refused_after})"]
    assert lines(text, "en") == expected
