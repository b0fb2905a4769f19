"""Validate: check a loaded plan against the schema and the cross-checks, all problems at once."""
from __future__ import annotations

import copy
import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from cerberus import TypeDefinition, Validator, errors, schema_registry

from generator.plan import crosscheck, shorthand
from generator.plan.load import Loaded
from generator.plan.schema import (
    CODE_RE,
    DATE_RE,
    DOCNUM_RE,
    DOCUMENT,
    ID_RE,
    SIGNING_DATE_RE,
    field_names,
)
from generator.shell.errors import N_, DataPath, InvalidInput, Message, Problem

TYPE_WORDS = {"string": Message("text"), "integer": Message("a whole number"),
              "number": Message("a number"), "boolean": Message("true or false"),
              "dict": Message("a mapping (key: value lines)"),
              "list": Message("a list (lines starting with '- ')"),
              "id": Message("a body id (e.g. snv)")}
REGEX_MESSAGES = {
    DATE_RE: N_("expected a date written YYYY-MM-DD (e.g. 2024-01-05), found '{value}'"),
    SIGNING_DATE_RE: N_("expected a date written YYYY-MM-DD (e.g. 2024-01-05), or YYYY-MM for a "
                        "draft whose month is known (e.g. 2024-01), found '{value}'"),
    ID_RE: N_("an id is lower-case letters a-z, digits, '-', '_' or '.', found '{value}'"),
    CODE_RE: N_("a code is upper-case letters (e.g. UBND, SNV), found '{value}'"),
    DOCNUM_RE: N_("a document number has no spaces (e.g. 76/NQ-CP), found '{value}'"),
}


class _AllKnown(set[Any]):
    def __contains__(self, item: object) -> bool:
        return True


class PlanValidator(Validator):  # type: ignore[misc]
    """Cerberus, trusting our own schema definition: checking it costs ~70 ms at every start.

    tests/test_schema.py checks the definition with a plain Validator instead.
    """

    _valid_schemas = _AllKnown()
    # A bool is an int to Python, so plain Cerberus takes `number: true` for Số 01 and
    # `plangen: true` for version 1. No officer means a number by true/false: refuse it in every
    # integer field, as the JSON Schema does ("number" already excludes bool in Cerberus).
    types_mapping: ClassVar[dict[str, TypeDefinition]] = {
        **Validator.types_mapping, "integer": TypeDefinition("integer", (int,), (bool,))}


def validate(loaded: Loaded) -> dict[str, Any]:
    """Return the plan with shorthands expanded, or raise InvalidInput listing every problem.

    The cross-checks run in the same pass on whatever part of the file is well-formed, so an
    officer sees a misspelled key and an unknown body id at once.
    """
    data = shorthand.expand(loaded.data)
    if not isinstance(data, dict):
        raise InvalidInput([loaded.problem((), "expected {expected}, found {found}",
                                           expected=TYPE_WORDS["dict"], found=describe(data))])
    validator = PlanValidator(DOCUMENT)
    valid = validator.validate(shield_lists(data, DOCUMENT))
    document = dict(validator.document)  # with numbers in text fields turned into their text
    problems = [] if valid else list(schema_problems(validator, loaded))
    refused = [] if valid else refused_paths(validator)
    document = well_formed_part(document, refused) if refused else document
    problems += [problem for problem in crosscheck.check(document, loaded, complete=valid)
                 if not any(path[:len(problem.path)] == problem.path for path in refused)]
    if problems:
        raise InvalidInput(problems)
    return document


class ListInsteadOfMapping:
    """A list written where a mapping belongs, hidden from Cerberus, whose normaliser breaks on it.

    Cerberus then reports a plain type error, which describe() words as 'a list'.
    """

    def __init__(self, value: list[Any]) -> None:
        self.value = value


def shield_lists(data: Any, schema: Any) -> Any:
    """A copy of data where every list standing for a mapping is wrapped (see above)."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for key, value in data.items():
        rules = schema.get(key) if isinstance(schema, dict) else None
        if isinstance(rules, dict):
            out[key] = _shield_value(value, rules)
    return out


def _shield_value(value: Any, rules: dict[str, Any]) -> Any:
    inner = rules.get("schema")
    if isinstance(inner, str):
        inner = schema_registry.get(inner)
    if rules.get("type") == "dict":
        return ListInsteadOfMapping(value) if isinstance(value, list) else shield_lists(value,
                                                                                       inner)
    if rules.get("type") == "list" and isinstance(value, list) and isinstance(inner, dict):
        return [_shield_value(item, inner) for item in value]
    return value


def refused_paths(validator: Validator) -> list[DataPath]:
    """Where the schema refused a value (a missing field refuses nothing)."""
    return [tuple(error.document_path) for error in _leaf_errors(validator._errors)
            if error.code != errors.REQUIRED_FIELD.code]


def well_formed_part(document: dict[str, Any], bad: list[DataPath]) -> dict[str, Any]:
    """The document without the values the schema refused (list items stay, to keep indices)."""
    pruned = copy.deepcopy(document)
    for path in sorted(bad, key=len, reverse=True):
        parent: Any = pruned
        for part in path[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                break
        else:
            if path and isinstance(parent, dict):
                parent.pop(path[-1], None)
    return pruned


def either(forms: tuple[str, ...]) -> Message:
    """'text or a mapping', 'a body id, a mapping or a list': every form a field accepts."""
    words = [TYPE_WORDS[form] for form in forms]
    if len(words) == 1:
        return words[0]
    if len(words) == 2:
        return Message("{first} or {second}", {"first": words[0], "second": words[1]})
    return Message("{first}, {second} or {third}",
                   {"first": words[0], "second": words[1], "third": words[2]})


def describe(value: Any) -> Message:
    """Say what a wrong value is, in words an officer knows."""
    if value is None:
        return Message("nothing (empty)")
    if isinstance(value, bool):
        return Message("true/false")
    if isinstance(value, int | float):
        return Message("the number {value}", {"value": value})
    if isinstance(value, str):
        return Message("the text '{value}'", {"value": value[:40]})
    if isinstance(value, dict):
        return Message("a mapping")
    return Message("a list")  # a list, or a ListInsteadOfMapping


@cache
def _known_fields() -> list[str]:
    return sorted(field_names())


def _leaf_errors(error_list: Any) -> Iterator[Any]:
    for error in error_list:
        if error.is_group_error and error.child_errors:
            yield from _leaf_errors(error.child_errors)
        else:
            yield error


def schema_problems(validator: Validator, loaded: Loaded) -> Iterator[Problem]:
    """Translate Cerberus's errors into located problems."""
    seen: set[tuple[Any, ...]] = set()
    for error in _leaf_errors(validator._errors):
        problem = _problem(error, loaded)
        key = (problem.path, problem.message.msgid, repr(problem.message.params))
        if key not in seen:
            seen.add(key)
            yield problem


def _problem(error: Any, loaded: Loaded) -> Problem:
    path = tuple(error.document_path)
    value, constraint = error.value, error.constraint
    code = error.code
    if code == errors.UNKNOWN_FIELD.code:
        name = str(path[-1])
        close = difflib.get_close_matches(name, _known_fields(), n=1, cutoff=0.6)
        if close:
            return loaded.problem(path, "unknown field '{field}'; did you mean '{suggestion}'?",
                                  key=True, field=name, suggestion=close[0])
        return loaded.problem(path, "unknown field '{field}'", key=True, field=name)
    if code == errors.REQUIRED_FIELD.code:
        return loaded.problem(path[:-1], "the required field '{field}' is missing",
                              field=str(path[-1]))
    if code == errors.BAD_TYPE.code:
        expected = constraint[0] if isinstance(constraint, list) else constraint
        forms = shorthand.accepted_forms(path) or (expected,)
        return loaded.problem(path, "expected {expected}, found {found}",
                              expected=either(forms), found=describe(value))
    if code == errors.EMPTY_NOT_ALLOWED.code or code == errors.NOT_NULLABLE.code:
        return loaded.problem(path, "this field must not be empty")
    if code == errors.REGEX_MISMATCH.code:
        msgid = REGEX_MESSAGES.get(constraint, N_("'{value}' is not written the expected way"))
        return loaded.problem(path, msgid, value=str(value)[:60])
    if code == errors.UNALLOWED_VALUE.code:
        return loaded.problem(path, "'{value}' is not allowed here; use one of: {allowed}",
                              value=str(value)[:60], allowed=", ".join(map(str, constraint)))
    if code == errors.MIN_VALUE.code:
        return loaded.problem(path, "must be at least {limit}", limit=constraint)
    if code == errors.MAX_VALUE.code:
        return loaded.problem(path, "must be at most {limit}", limit=constraint)
    if code == errors.MIN_LENGTH.code:
        return loaded.problem(path, "needs at least {limit} item(s)", limit=constraint)
    if code == errors.MAX_LENGTH.code:
        return loaded.problem(path, "is too long (at most {limit})", limit=constraint)
    if code == errors.EXCLUDES_FIELD.code:
        others = constraint if isinstance(constraint, list) else [constraint]
        return loaded.problem(path, "'{field}' cannot be used together with {others}",
                              key=True, field=str(path[-1]), others=", ".join(map(str, others)))
    return loaded.problem(path, "invalid value ({rule})", rule=str(error.rule))
