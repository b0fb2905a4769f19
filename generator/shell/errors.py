"""The exception hierarchy and ExitStatus: every failure a user sees has a message and a status."""
from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

DataPath = tuple[str | int, ...]


class ExitStatus(IntEnum):
    """Every exit status plangen ends with; README.md ("Exit codes") lists them, one row per number.

    Two numbers carry two names each, because the same number means two things: 1 is the input's
    problems and also a checking command's "yes" (diff(1)'s "differences"), 2 is wrong usage and
    also an input a checking command cannot use (diff(1)'s "trouble").
    """

    OK = 0
    """Success; for a checking command, nothing found."""
    INVALID = 1
    """The input has problems (unreadable file, YAML syntax, schema, cross-checks), all listed."""
    FOUND = 1
    """A checking command's "yes": differences, warnings, a failed rule, upstream changes."""
    USAGE = 2
    """Wrong command-line usage, or arguments that do not fit the input."""
    TROUBLE = 2
    """A checking or comparing command cannot use an input (not a valid plan, not a DOCX)."""
    OUTPUT_FAILED = 3
    """An output file or folder could not be written (nothing partial is left)."""
    TEMPLATE_FAILED = 4
    """A DOCX template is missing or broken."""
    CONVERTER_FAILED = 5
    """LibreOffice is missing or failed to make the PDF (the DOCX is written)."""
    REFUSED = 6
    """Refused to protect a file: an input as output, an existing file, a symbolic link."""
    INTERNAL = 70
    """A bug in plangen (sysexits.h's EX_SOFTWARE): never a finding of the input."""
    INTERRUPTED = 130
    """Ctrl-C (128 + SIGINT, as shells report it); no partial file is left."""


def format_path(path: DataPath) -> str:
    """Render a data path as officers read it: plan.content.items[2].text."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(document)"


def N_(msgid: str) -> str:
    """Mark a message id for extraction where it is not passed straight to Message."""
    return msgid


@dataclass(frozen=True)
class Message:
    """A translatable message: an English msgid with named {placeholders}."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, with where it is."""

    file: str
    line: int
    column: int
    path: DataPath
    message: Message

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order problems as they appear in the file."""
        return (self.file, self.line, self.column, format_path(self.path))


class PlangenError(Exception):
    """Base of every error plangen reports to a user without a traceback."""

    exit_code: ExitStatus = ExitStatus.INVALID

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take other arguments than their args hold (InvalidInput takes problems):
        # rebuilt without calling __init__, so errors cross from worker processes intact.
        return (_rebuilt, (type(self), self.args, dict(vars(self))))


def _rebuilt(kind: type[PlangenError], args: tuple[Any, ...],
             state: dict[str, Any]) -> PlangenError:
    error = kind.__new__(kind)
    error.args = args
    vars(error).update(state)
    return error


class InvalidInput(PlangenError):
    """The YAML cannot be used: all its problems, found at once."""

    exit_code = ExitStatus.INVALID

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(Message("{count} problem(s) found", {"count": len(problems)}))
        self.problems = sorted(problems, key=Problem.sort_key)


class InputTrouble(InvalidInput):
    """An input a checking or comparing command cannot use (lint, diff, derive --check): trouble,
    as in diff(1), since their exit 1 means "found"; every problem is still listed."""

    exit_code = ExitStatus.TROUBLE


class UsageError(PlangenError):
    """The command's arguments do not fit the input (e.g. a unit the plan does not know)."""

    exit_code = ExitStatus.USAGE


class OutputFailed(PlangenError):
    """An output file could not be written; nothing partial was left behind."""

    exit_code = ExitStatus.OUTPUT_FAILED


class TemplateFailed(PlangenError):
    """A DOCX template is missing or broken."""

    exit_code = ExitStatus.TEMPLATE_FAILED


class ConverterFailed(PlangenError):
    """LibreOffice is missing or could not convert the DOCX to PDF."""

    exit_code = ExitStatus.CONVERTER_FAILED


class Refused(PlangenError):
    """An operation was refused to protect a file (e.g. overwrite without --force)."""

    exit_code = ExitStatus.REFUSED



# What the system says of a failed file operation, in words the catalog translates (the
# system's own strerror is English whatever the user's language).
_OS_REASONS = {
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("the operation is not permitted"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EDQUOT: N_("the disk quota is exceeded"),
    errno.EROFS: N_("the file system is read-only"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOENT: N_("no such file or folder"),
    errno.EEXIST: N_("it exists already"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("input/output error (a failing disk or a lost network drive)"),
    errno.ELOOP: N_("too many symbolic links"),
    errno.EMFILE: N_("too many open files"),
    errno.EXDEV: N_("the link points to another file system"),
    errno.EBUSY: N_("the file is in use"),
    errno.ETXTBSY: N_("the file is in use"),
    errno.EFBIG: N_("the file is too large"),
}


def os_reason(exc: OSError) -> Message | str:
    """Why a file operation failed, translatable where the error is a known one."""
    known = _OS_REASONS.get(exc.errno or 0)
    if known is not None:
        return Message(known)
    return exc.strerror or str(exc)
