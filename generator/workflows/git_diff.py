"""git's external diff for plan files: the plan's changes, or a line diff for other YAML files."""
from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path

from generator.shell.errors import N_, ExitStatus, InvalidInput, Message, PlangenError, os_reason
from generator.shell.i18n import format_problem, translate
from generator.workflows import diff, diff_output


class UnreadableSide(PlangenError):
    """A file git gave cannot be read: the one failure git must see (exit 2)."""

    exit_code = ExitStatus.TROUBLE


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
        not_text = _not_text(exc, sides, lang)
        if not_text:
            return out + not_text
        return out + _not_a_plan(exc, sides, lang) + line_diff(sides)
    except PlangenError as exc:  # e.g. two different kinds of document
        return out + translate(exc.message, lang) + "\n" + line_diff(sides)
    if not report.changes:
        return out + translate(Message("no change in the plan's content"), lang) + "\n"
    return out + diff_output.as_text(report, lang=lang, color=False)


@dataclasses.dataclass(frozen=True)
class Shown:
    """What git shows for one file, and the bug that made it a line diff (None: no bug)."""

    text: str
    bug: Exception | None = None


def git_text_or_lines(sides: Sides, lang: str) -> Shown:
    """git_text, or on a bug the line diff, saying so: `git diff` must not break.

    A PlangenError (a side git gave cannot be read) propagates: git must see that fail.
    """
    try:
        return Shown(git_text(sides, lang))
    except PlangenError:
        raise
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"
        return Shown(f"plangen diff a/{sides.old_name} b/{sides.new_name}\n"
                     + translate(Message("internal error: {reason} (run again with --traceback "
                                         "and report it)", {"reason": reason}), lang)
                     + "\n" + line_diff(sides), exc)


# What load says of a file that is not UTF-8 text: git calls such files binary.
NOT_TEXT = frozenset({"this is a binary file, not a YAML text file",
                      "the file is UTF-16 text, not UTF-8 (save it as UTF-8)",
                      "the file is not UTF-8 text (save it as UTF-8)"})


def _not_text(error: InvalidInput, sides: Sides, lang: str) -> str:
    """What git would say of binary files (UTF-16, NUL bytes, not UTF-8), or "" for text."""
    names = {sides.old_file: f"a/{sides.old_name}", sides.new_file: f"b/{sides.new_name}"}
    said = [f"{names.get(p.file, p.file)}: {translate(p.message, lang)}\n"
            for p in error.problems if p.message.msgid in NOT_TEXT]
    if not said:
        return ""
    sides_named = {"old": "a/" + sides.old_name, "new": "b/" + sides.new_name}
    return "".join(said) + translate(Message(
        "binary files {old} and {new} differ (not compared)", sides_named), lang) + "\n"


def _read(file: str) -> bytes:
    """A side's bytes; UnreadableSide (git must see it fail) when it cannot be read."""
    try:
        return Path(file).read_bytes()
    except OSError as exc:
        raise UnreadableSide(Message("cannot read {path}: {reason}", {
            "path": file, "reason": os_reason(exc)})) from exc


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
        texts.append(_read(name).decode("utf-8", "replace"))
    lines = difflib.unified_diff(texts[0].splitlines(keepends=True),
                                 texts[1].splitlines(keepends=True),
                                 fromfile=f"a/{sides.old_name}", tofile=f"b/{sides.new_name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)
