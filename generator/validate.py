"""Validate: check a loaded plan against the schema and the cross-checks, all problems at once."""
from __future__ import annotations

import difflib
from collections.abc import Iterator
from functools import cache
from typing import Any

from cerberus import Validator, errors

from . import crosscheck, shorthand
from .errors import N_, InvalidInput, Message, Problem
from .load import Loaded
from .schema import CODE_RE, DATE_RE, DOCNUM_RE, DOCUMENT, ID_RE, field_names

TYPE_WORDS = {"string": Message("text"), "integer": Message("a whole number"),
              "number": Message("a number"), "boolean": Message("true or false"),
              "dict": Message("a mapping (key: value lines)"),
              "list": Message("a list (lines starting with '- ')")}
REGEX_MESSAGES = {
    DATE_RE: N_("expected a date written YYYY-MM-DD (e.g. 2024-01-05), found '{value}'"),
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


def validate(loaded: Loaded) -> dict[str, Any]:
    """Return the plan with shorthands expanded, or raise InvalidInput listing every problem."""
    data = shorthand.expand(loaded.data)
    if not isinstance(data, dict):
        raise InvalidInput([loaded.problem((), "expected {expected}, found {found}",
                                           expected=TYPE_WORDS["dict"], found=describe(data))])
    validator = PlanValidator(DOCUMENT)
    if not validator.validate(data):
        raise InvalidInput(list(schema_problems(validator, loaded)))
    data = dict(validator.document)  # with numbers in text fields turned into their text
    problems = crosscheck.check(data, loaded)
    if problems:
        raise InvalidInput(problems)
    return data


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
    return Message("a list")


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
        return loaded.problem(path, "expected {expected}, found {found}",
                              expected=TYPE_WORDS[expected], found=describe(value))
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
