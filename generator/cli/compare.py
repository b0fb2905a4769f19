"""The commands that compare two plans: plangen diff, plangen git-diff, plangen git-setup."""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import click

from generator import api
from generator.cli.common import Settings, print_traceback, run
from generator.shell.errors import ExitStatus, Message
from generator.shell.i18n import translate


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (the tests replace this)."""
    return sys.stdout.isatty()


def wants_color(environ: Mapping[str, str]) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return stdout_is_terminal() and not environ.get("NO_COLOR")


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--format", "form", type=click.Choice(api.DIFF_FORMATS), default="text",
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
    if form == "docx" and out is None:
        raise click.UsageError("--format docx needs -o FILE (a DOCX is not printed)")
    color = out is None and wants_color(os.environ)
    shown = run(settings, lambda: api.diff_files(old, new, form, lang=settings.lang,
                                                 color=color, out=out, force=force))
    if out is None:
        click.echo(shown.product, nl=False)  # bytes: UTF-8 whatever the locale
    else:
        settings.say("wrote {path}", path=str(out))
    if not shown.changed:
        settings.say("no change in the plan's content")
    sys.exit(shown.status)


@click.command("git-diff", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.pass_obj
def git_diff(settings: Settings, args: tuple[str, ...]) -> None:
    """For git: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE (GIT_EXTERNAL_DIFF).

    Set up with `plangen git-setup` and `*.yaml diff=plangen` in .gitattributes. Prints the
    plan's changes without colour; exit 0 unless a file cannot be read (git stops at a failing
    external diff).
    """
    if len(args) == 1:  # an unmerged path
        click.echo(f"plangen diff {args[0]}")
        click.echo(translate(Message("unmerged: resolve the conflict first"), settings.lang))
        return
    if len(args) not in (7, 9):
        raise click.UsageError("git-diff takes PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX "
                               "NEW-MODE [NEW-PATH INFO], as git gives them")
    new_name = args[7] if len(args) == 9 else args[0]
    try:
        shown = run(settings, lambda: api.git_diff(args[0], args[1], new_name, args[4],
                                                   settings.lang))
    except KeyboardInterrupt:
        settings.say("interrupted; no partial file was left")
        sys.exit(ExitStatus.INTERRUPTED)
    if shown.bug is not None:  # said in the text, which then gives the line diff
        print_traceback(settings, shown.bug)
    _put(shown.text)


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
    done = run(settings, lambda: api.git_setup(repo, sys.executable))
    settings.say("git diff.plangen.command = {command}", command=done.command)
    if done.missing_attribute is not None:
        settings.say("add the line `{line}` to .gitattributes so that git uses it for plan files",
                     line=done.missing_attribute)
