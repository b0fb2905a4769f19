"""The commands that compare two plans: plangen diff, plangen git-diff, plangen git-setup."""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator.cli.common import Settings, print_traceback, run
from generator.shell.errors import EXIT_INTERRUPTED, InvalidInput, Message, PlangenError
from generator.shell.i18n import translate

if TYPE_CHECKING:
    from generator.workflows.diff import Report

DIFF_FORMATS = ("text", "markdown", "json", "docx")


class DiffInputError(InvalidInput):
    """A side of a diff cannot be compared (invalid, missing, another kind): trouble, as in
    diff(1), so exit 2 rather than validate's 1; every problem is still listed."""

    exit_code = 2


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (the tests replace this)."""
    return sys.stdout.isatty()


def wants_color(environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return stdout_is_terminal() and not environ.get("NO_COLOR")


def _compare(old: Path, new: Path) -> Report:
    """diff.compare_files, its input problems made exit status 2."""
    from generator.workflows import diff

    try:
        report: Report = diff.compare_files(old, new)
        return report
    except InvalidInput as exc:
        raise DiffInputError(exc.problems) from exc


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "form", type=click.Choice(DIFF_FORMATS), default="text",
              show_default=True, help="text for a terminal, markdown, json for tools, or docx "
                                      "(the comparison table for reviewers; needs -o).")
@click.option("-o", "--out", type=click.Path(path_type=Path),
              help="Write the product to this file instead of stdout (never OLD or NEW).")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.pass_obj
def diff_plans(settings: Settings, old: Path, new: Path, form: str, out: Path | None,
               force: bool) -> None:
    """What changed in the plan from OLD to NEW, located as the document prints it.

    Exit 0 when nothing changed, 1 when something did, 2 or more on trouble (as diff(1)).
    """
    from generator.shell import atomic
    from generator.workflows import diff_output

    if form == "docx" and out is None:
        raise click.UsageError("--format docx needs -o FILE (a DOCX is not printed)")
    report = run(settings, lambda: _compare(old, new))
    if form == "docx":
        product = diff_output.as_docx(report)
    elif form == "markdown":
        product = diff_output.as_markdown(report, lang=settings.lang).encode()
    elif form == "json":
        product = diff_output.as_json(report).encode()
    else:
        color = out is None and wants_color(os.environ)
        product = diff_output.as_text(report, lang=settings.lang, color=color).encode()
    if out is None:
        click.echo(product, nl=False)  # bytes: UTF-8 whatever the locale
    else:
        target = out
        run(settings, lambda: atomic.write_new(target, product, inputs=[old, new], force=force))
        settings.say("wrote {path}", path=str(out))
    if not report.changes:
        settings.say("no change in the plan's content")
    sys.exit(1 if report.changes else 0)


@click.command("git-diff", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.pass_obj
def git_diff(settings: Settings, args: tuple[str, ...]) -> None:
    """For git: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE (GIT_EXTERNAL_DIFF).

    Set up with `plangen git-setup` and `*.yaml diff=plangen` in .gitattributes. Prints the
    plan's changes without colour; exit 0 unless a file cannot be read (git stops at a failing
    external diff).
    """
    from generator.workflows import git_diff as git

    if len(args) == 1:  # an unmerged path
        click.echo(f"plangen diff {args[0]}")
        click.echo(translate(Message("unmerged: resolve the conflict first"), settings.lang))
        return
    if len(args) not in (7, 9):
        raise click.UsageError("git-diff takes PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX "
                               "NEW-MODE [NEW-PATH INFO], as git gives them")
    sides = git.Sides(args[0], args[1], args[7] if len(args) == 9 else args[0], args[4])
    try:
        text = run(settings, lambda: _git_or_lines(settings, git, sides))
    except KeyboardInterrupt:
        settings.say("interrupted; no partial file was left")
        sys.exit(EXIT_INTERRUPTED)
    _put(text)


def _git_or_lines(settings: Settings, git: Any, sides: Any) -> str:
    """The plan's changes; on a bug, say so and give the line diff: `git diff` must not break."""
    try:
        return str(git.git_text(sides, settings.lang))
    except PlangenError:
        raise
    except Exception as exc:
        print_traceback(settings)
        reason = f"{type(exc).__name__}: {exc}"
        return (f"plangen diff a/{sides.old_name} b/{sides.new_name}\n"
                + translate(Message("internal error: {reason} (run again with --traceback and "
                                    "report it)", {"reason": reason}),
                            settings.lang) + "\n" + str(git.line_diff(sides)))


def _put(text: str) -> None:
    """Text on stdout as UTF-8 whatever the locale git runs us in."""
    click.echo(text.encode("utf-8"), nl=False)


@click.command("git-setup")
@click.option("--repo", type=click.Path(path_type=Path), default=".", show_default=True,
              help="The git repository to set up.")
@click.pass_obj
def git_setup(settings: Settings, repo: Path) -> None:
    """Make `git diff` show a plan's changes: writes diff.plangen.command into the repository's
    git config, with the absolute path of this plangen (it need not be on PATH)."""
    from generator.workflows import git_setup as setup

    command = run(settings, lambda: setup.configure(repo, sys.executable))
    settings.say("git diff.plangen.command = {command}", command=command)
    if not run(settings, lambda: setup.has_attribute(repo)):
        settings.say("add the line `{line}` to .gitattributes so that git uses it for plan files",
                     line=setup.ATTRIBUTE)
