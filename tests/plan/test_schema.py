"""The schema definition itself is a valid Cerberus schema (the CLI trusts it at run time)."""
from __future__ import annotations

from cerberus import Validator

from generator.plan.schema import ASSIGNMENT, CITATION, DOCUMENT, ENTRY, ROW, field_names
from generator.plan.validate import PlanValidator


def test_schema_definitions_are_valid() -> None:
    for schema in (DOCUMENT, ENTRY, CITATION, ASSIGNMENT, ROW):
        Validator(schema)  # raises SchemaError when a rule is misspelled


def test_the_trusting_validator_still_validates() -> None:
    validator = PlanValidator(DOCUMENT)
    assert not validator.validate({"plangen": 2})
    assert set(validator.errors) >= {"plangen", "kind", "year", "plan"}


def test_field_names_cover_nested_fields() -> None:
    assert {"recipients", "topic", "quarters", "on_behalf", "number_width"} <= field_names()
