"""The lint command's library side: read each plan, lint it, with the shipped word list."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.plan import load
from generator.plan.checked import each_checked
from generator.workflows.lint import Warning_, Word, lint

WORDS = Path(__file__).resolve().parents[1] / "data" / "vi-confusions.yaml"


@dataclass(frozen=True)
class LintRequest:
    """Which files to lint, and the changes file for bodies that no longer exist."""

    sources: list[Path]
    changes: Path | None = None  # None: the shipped national changes
    use_changes: bool = True


@cache
def shipped_words() -> Word:
    """The word list shipped with plangen (generator/data/vi-confusions.yaml)."""
    data = load.load_file(WORDS).data
    return Word({str(k): str(v) for k, v in data["confusions"].items()},
                frozenset(str(w) for w in data["words"]))


def lint_files(request: LintRequest) -> list[Warning_]:
    """Every warning of every file; InvalidInput (every problem) when one does not validate."""
    changes = None
    if request.use_changes:
        from generator.workflows.org_changes import load_changes

        changes = load_changes(request.changes)
    warnings: list[Warning_] = []
    for checked in each_checked(request.sources):
        warnings += lint(checked.loaded, checked.loaded.text, checked.plan, shipped_words(),
                         changes)
    return warnings
