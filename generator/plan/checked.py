"""The one way to read a plan: load, validate and cross-check it, stopping with every problem."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from generator.plan import load, validate
from generator.plan.load import Loaded
from generator.shell.errors import InvalidInput, Problem


# A named tuple, not a dataclass: `plangen validate` defines it at every start, and a dataclass
# takes ten times as long to define.
class Checked(NamedTuple):
    """A valid plan: the file as loaded (its text and where each value stands) and its data
    with the shorthands expanded."""

    loaded: Loaded
    plan: dict[str, Any]


def load_checked(path: Path, display: str | None = None) -> Checked:
    """Read, validate and cross-check one plan file; InvalidInput with every problem.

    display: the file's name in messages (default: the path as given).
    """
    # Through the modules' attributes, so that tests/test_api.py can count the reads.
    loaded = load.load_file(path, display)
    return Checked(loaded, validate.validate(loaded))


def text_checked(text: str, display: str) -> Checked:
    """The same for a plan's text made in memory (a rolled plan); display names it."""
    loaded = load.load_text(text, display)
    return Checked(loaded, validate.validate(loaded))


def each_checked(paths: Sequence[Path]) -> list[Checked]:
    """Every file checked, in order; InvalidInput with every problem of every file."""
    checked: list[Checked] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            checked.append(load_checked(path))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    return checked
