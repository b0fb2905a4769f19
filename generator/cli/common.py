"""What every command shares: its settings, and the one place failures become messages."""
from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from generator.shell.errors import EXIT_INTERRUPTED, InvalidInput, Message, PlangenError
from generator.shell.i18n import format_problem, translate

EXIT_INTERNAL = 70
T = TypeVar("T")

class Settings:
    """Options shared by every command."""

    def __init__(self, lang: str, show_traceback: bool) -> None:
        self.lang = lang
        self.show_traceback = show_traceback

    def say(self, msgid: str, **params: Any) -> None:
        """A message for the user, on stderr."""
        click.echo(translate(Message(msgid, params), self.lang), err=True)


def run(settings: Settings, action: Callable[[], T]) -> T:
    """Call the library; turn every failure into a message and a documented exit code."""
    try:
        return action()
    except InvalidInput as exc:
        for problem in exc.problems:
            click.echo(format_problem(problem, settings.lang), err=True)
        settings.say("{count} problem(s) found", count=len(exc.problems))
        print_traceback(settings)
        sys.exit(exc.exit_code)
    except PlangenError as exc:
        click.echo(translate(exc.message, settings.lang), err=True)
        print_traceback(settings)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        settings.say("interrupted; no partial file was left")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # the promise is: no traceback for anything, unless asked
        reason = f"{type(exc).__name__}: {exc}"  # kept out of the call: the extractor reads it
        settings.say("internal error: {reason} (run again with --traceback and report it)",
                     reason=reason)
        print_traceback(settings)
        sys.exit(EXIT_INTERNAL)


def print_traceback(settings: Settings) -> None:
    if settings.show_traceback:
        traceback.print_exc()


class Trouble(InvalidInput):
    """A file a checking command cannot read as a plan: trouble (exit 2), not a finding (1)."""

    exit_code = 2


def as_trouble(action: Callable[[], T]) -> T:
    """ACTION's invalid input made exit 2, for the commands whose exit 1 means 'found'."""
    try:
        return action()
    except InvalidInput as exc:
        raise Trouble(exc.problems) from exc
