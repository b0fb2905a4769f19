"""git's external diff for plan files: the plan's changes, or a line diff for other YAML files."""
from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path

from . import diff, diff_output
from .errors import N_, InvalidInput, Message, PlangenError
from .i18n import format_problem, translate


class UnreadableSide(PlangenError):
    """A file git gave cannot be read: the one failure git must see (exit 2)."""

    exit_code = 2


@dataclasses.dataclass(frozen=True)
class Sides:
    """The two versions git compares: the names it shows, the files it wrote."""

    old_name: str
    old_file: str
    new_name: str
    new_file: str


def git_text(sides: Sides, lang: str) -> str:
    """What `git diff` shows for one plan file: the header line, then the plan's changes."""
    out = f"plangen diff a/{sides.old_name} b/{sides.new_name}\n"
    if os.devnull in (sides.old_file, sides.new_file):
        msgid = (N_("added file: no earlier version to compare") if sides.old_file == os.devnull
                 else N_("deleted file"))
        return out + translate(Message(msgid), lang) + "\n"
    try:
        report = diff.compare_files(Path(sides.old_file), Path(sides.new_file))
    except InvalidInput as exc:  # *.yaml also matches YAML that is not a plan
        return out + _not_a_plan(exc, sides, lang) + line_diff(sides)
    except PlangenError as exc:  # e.g. two different kinds of document
        return out + translate(exc.message, lang) + "\n" + line_diff(sides)
    if not report.changes:
        return out + translate(Message("no change in the plan's content"), lang) + "\n"
    return out + diff_output.as_text(report, lang=lang, color=False)


def _not_a_plan(error: InvalidInput, sides: Sides, lang: str) -> str:
    names = {sides.old_file: f"a/{sides.old_name}", sides.new_file: f"b/{sides.new_name}"}
    if not error.problems:
        return ""
    first = error.problems[0]
    shown = dataclasses.replace(first, file=names.get(first.file, first.file))
    return translate(Message(
        "not a plan plangen can compare ({count} problem(s), the first: {problem}); the text "
        "diff follows", {"count": len(error.problems),
                         "problem": format_problem(shown, lang)}), lang) + "\n"


def line_diff(sides: Sides) -> str:
    """The ordinary unified diff of the two files' lines."""
    texts = []
    for name in (sides.old_file, sides.new_file):
        try:
            texts.append(Path(name).read_bytes().decode("utf-8", "replace"))
        except OSError as exc:
            raise UnreadableSide(Message("cannot read {path}: {reason}", {
                "path": name, "reason": exc.strerror or str(exc)})) from exc
    lines = difflib.unified_diff(texts[0].splitlines(keepends=True),
                                 texts[1].splitlines(keepends=True),
                                 fromfile=f"a/{sides.old_name}", tofile=f"b/{sides.new_name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
