"""What every command shares: its settings, and the one place failures become messages."""
from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

import click

from generator.shell.errors import ExitStatus, InvalidInput, Message, PlangenError
from generator.shell.i18n import format_problem, translate

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
        sys.exit(ExitStatus.INTERRUPTED)
    except Exception as exc:  # the promise is: no traceback for anything, unless asked
        reason = f"{type(exc).__name__}: {exc}"  # kept out of the call: the extractor reads it
        settings.say("internal error: {reason} (run again with --traceback and report it)",
                     reason=reason)
        print_traceback(settings)
        sys.exit(ExitStatus.INTERNAL)


def print_traceback(settings: Settings, error: BaseException | None = None) -> None:
    """With --traceback: the traceback of ERROR, else of the exception being handled."""
    if not settings.show_traceback:
        return
    if error is None:
        traceback.print_exc()
    else:
        traceback.print_exception(error)
