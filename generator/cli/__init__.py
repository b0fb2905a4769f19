"""The command line: parse options, call one library function, print.

May import: generator.api, generator.shell.
"""
from __future__ import annotations

import atexit
import datetime as dt
import gc
import json
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator import __version__, api
from generator.cli import compare as cli_compare
from generator.cli import importing as cli_importing
from generator.cli.common import Settings, run
from generator.shell.errors import ExitStatus, Message, format_path
from generator.shell.i18n import LANGUAGES, translate

if TYPE_CHECKING:
    from generator.shell.progress import Progress


# At exit Python garbage-collects every object left (~40 ms after a render, a third of the cold
# run's own cost): the files are written and closed by then, so let it skip them.
atexit.register(gc.freeze)

class PlangenGroup(click.Group):
    """Click's group, but Ctrl-C anywhere ends with plangen's message and exit 130."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # click would print "Aborted!" in English and exit 1.
            lang = ctx.obj.lang if isinstance(ctx.obj, Settings) else "vi"
            click.echo(translate(Message("interrupted; no partial file was left"), lang),
                       err=True)
            sys.exit(ExitStatus.INTERRUPTED)


@click.group(cls=PlangenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(LANGUAGES), default="vi", show_default=True,
              help="Language of messages (vi: Tiếng Việt, en: English).")
@click.option("--traceback", "show_traceback", is_flag=True,
              help="Show the Python traceback of an error (for bug reports).")
@click.version_option(__version__, prog_name="plangen")
@click.pass_context
def main(ctx: click.Context, lang: str, show_traceback: bool) -> None:
    """plangen: validate plan YAML files and render them as official ND30 DOCX."""
    ctx.obj = Settings(lang, show_traceback)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def validate(settings: Settings, files: tuple[Path, ...]) -> None:
    """Check plan files; print every problem as FILE:LINE:COL: field: message."""
    run(settings, lambda: api.validate_files(list(files)))
    for file in files:
        settings.say("{file}: valid", file=str(file))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out-dir", type=click.Path(path_type=Path), default=Path("out"),
              show_default=True, help="Folder for the DOCX (and PDF) files.")
@click.option("--pdf", is_flag=True, help="Also write a PDF through LibreOffice.")
@click.option("--templates", type=click.Path(path_type=Path),
              help="Folder with your own decision/, plan/ and appendix/ templates.")
@click.option("--cache-dir", type=click.Path(path_type=Path),
              help="Folder keeping prepared templates between runs, to start faster "
                   "[default: $XDG_CACHE_HOME/plangen, else ~/.cache/plangen].")
@click.option("--no-cache", is_flag=True, help="Keep no prepared templates between runs.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="How many files to render at once [default: one per processor core].")
@click.pass_obj
def render(settings: Settings, files: tuple[Path, ...], out_dir: Path, pdf: bool,
           templates: Path | None, cache_dir: Path | None, no_cache: bool,
           jobs: int | None) -> None:
    """Render plan files as DOCX: Quyết định + Kế hoạch + Phụ lục, or a standalone Kế hoạch."""
    soffice = (shutil.which("soffice") or shutil.which("libreoffice")) if pdf else None
    cache = None if no_cache else cache_dir or default_cache_dir()
    workers = min(jobs or os.cpu_count() or 1, len(files))
    request = api.RenderRequest(list(files), out_dir, templates, pdf, soffice, cache,
                                workers=workers, progress=batch_progress(len(files)))
    for path in run(settings, lambda: api.render_files(request)):
        settings.say("wrote {path}", path=str(path))


def batch_progress(count: int) -> Progress:
    """On stderr: a bar on a terminal, plain lines otherwise; nothing for a single file."""
    from generator.shell import progress

    if count < 2:
        return progress.Silent()
    return progress.for_stream(sys.stderr, shutil.get_terminal_size().columns)


def default_cache_dir() -> Path | None:
    """$XDG_CACHE_HOME/plangen, else ~/.cache/plangen; None when there is no home folder."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(base):
        return Path(base) / "plangen"
    try:
        return Path.home() / ".cache" / "plangen"
    except RuntimeError:
        return None


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--unit", help="The id of the body (or group member) to derive a plan for.")
@click.option("--all", "every", is_flag=True,
              help="Derive a plan for every body the parent assigns anything to.")
@click.option("-o", "--out", type=click.Path(path_type=Path),
              help="The child YAML file (--unit) or the folder for every child (--all).")
@click.option("--force", is_flag=True, help="Overwrite existing output files.")
@click.option("--check", is_flag=True,
              help="CHILD PARENT: list what the parent changed since CHILD was derived.")
@click.pass_obj
def derive(settings: Settings, files: tuple[Path, ...], unit: str | None, every: bool,
           out: Path | None, force: bool, check: bool) -> None:
    """Derive a department's or commune's plan from PARENT, or check it against PARENT."""
    if check:
        if len(files) != 2 or unit or every or out:
            raise click.UsageError("--check takes CHILD.yaml PARENT.yaml and no other option")
        findings = run(settings, lambda: api.check_upstream(files[0], files[1]))
        for finding in findings:
            click.echo(f"{finding.file}:{finding.line}: {format_path(finding.path)}: "
                       f"{translate(finding.message, settings.lang)}")
        if findings:
            sys.exit(ExitStatus.FOUND)
        settings.say("nothing in the parent that concerns this plan has changed")
        return
    if len(files) != 1 or bool(unit) == every or out is None:
        raise click.UsageError("use: derive PARENT.yaml --unit ID -o CHILD.yaml, or "
                               "derive PARENT.yaml --all -o FOLDER")
    parent, folder, today = files[0], out, dt.date.today()  # the CLI reads the clock
    if unit:
        wrote = run(settings, lambda: api.derive_file(parent, folder, unit, today, force))
        settings.say("wrote {path}", path=str(wrote))
        return
    summary = run(settings, lambda: api.derive_all(parent, folder, today, force,
                                                   workers=os.cpu_count() or 1,
                                                   progress=batch_progress(2)))
    for reason in summary.skipped:
        settings.say("skipped: {reason}", reason=reason)
    settings.say("{count} plan(s) written to {folder}", count=len(summary.written),
                 folder=str(out))


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--to", "to_year", type=int, required=True, help="The year of the new plan.")
@click.option("-o", "--out", type=click.Path(path_type=Path), required=True,
              help="The new plan's YAML file (never the input).")
@click.option("--changes", type=click.Path(path_type=Path),
              help="A changes file of renamed, merged and abolished bodies "
                   "[default: the national 2025 changes shipped with plangen].")
@click.option("--no-changes", is_flag=True, help="Apply no organisation changes.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--json", "as_json", is_flag=True, help="Print the checklist as JSON on stdout.")
@click.pass_obj
def rollover(settings: Settings, source: Path, to_year: int, out: Path, changes: Path | None,
             no_changes: bool, force: bool, as_json: bool) -> None:
    """Roll last year's plan forward into TO's plan; list what a human must decide."""
    if changes is not None and no_changes:
        raise click.UsageError("--changes and --no-changes exclude each other")
    checklist = run(settings, lambda: api.rollover_file(source, out, to_year, changes,
                                                        not no_changes, force))
    if as_json:
        click.echo(json.dumps([{"file": item.file, "line": item.line,
                                "path": format_path(item.path),
                                "message": translate(item.message, settings.lang)}
                               for item in checklist], ensure_ascii=False, indent=2))
    else:
        for item in checklist:
            click.echo(f"{item.file}:{item.line}: {format_path(item.path)}: "
                       f"{translate(item.message, settings.lang)}", err=True)
    settings.say("wrote {path}; {count} item(s) for a human to check", path=str(out),
                 count=len(checklist))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--changes", type=click.Path(path_type=Path),
              help="A changes file for bodies that no longer exist "
                   "[default: the national 2025 changes shipped with plangen].")
@click.option("--json", "as_json", is_flag=True, help="Print the warnings as JSON.")
@click.pass_obj
def lint(settings: Settings, files: tuple[Path, ...], changes: Path | None,
         as_json: bool) -> None:
    """Warn about what a reviewer would mark: abbreviations, spelling, years, numbers, bodies."""
    warnings = run(settings, lambda: api.lint_files(files, changes))
    if as_json:
        click.echo(json.dumps([{"file": w.problem.file, "line": w.problem.line,
                                "column": w.problem.column, "path": format_path(w.problem.path),
                                "code": w.code,
                                "message": translate(w.problem.message, settings.lang)}
                               for w in warnings], ensure_ascii=False, indent=2))
    else:
        for w in warnings:
            click.echo(f"{w.problem.file}:{w.problem.line}:{w.problem.column}: "
                       f"{format_path(w.problem.path)}: [{w.code}] "
                       f"{translate(w.problem.message, settings.lang)}")
    if warnings:
        sys.exit(ExitStatus.FOUND)
    settings.say("no warnings")


# --- plangen check (#14) --------------------------------------------------------------------


@main.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Print the findings as JSON for tools (docs/check.md).")
@click.pass_obj
def check_documents(settings: Settings, files: tuple[Path, ...], as_json: bool) -> None:
    """Check DOCX files against Nghị định 30/2020/NĐ-CP (any DOCX, from plangen or not).

    Exit 0 when every check passes, 1 when a rule is not met, 2 when a file cannot be checked.
    """
    checked = run(settings, lambda: api.check_documents(files, settings.lang, as_json))
    click.echo(checked.product.encode("utf-8"), nl=False)
    for trouble in checked.troubles:
        click.echo(translate(trouble, settings.lang), err=True)
    sys.exit(checked.status)


# --- plangen schema (#14) -----------------------------------------------------------------

@main.command("schema")
@click.option("-o", "--out", type=click.Path(path_type=Path),
              help="Write the schema to this file instead of stdout.")
@click.option("--lang", "schema_lang", type=click.Choice(LANGUAGES),
              help="Language of the field descriptions [default: plangen's --lang, vi].")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.pass_obj
def schema_command(settings: Settings, out: Path | None, schema_lang: str | None,
                   force: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of the plan YAML, for editors.

    In VS Code with the YAML extension (redhat.vscode-yaml), a plan file whose first line is
    `# yaml-language-server: $schema=./plangen.schema.json` gets completion, hover help and
    checks of its fields. `plangen validate` still checks what a schema cannot (ids,
    references, real dates).
    """
    lang = schema_lang or settings.lang
    product = run(settings, lambda: api.json_schema(lang, out, force))
    if out is None:
        click.echo(product, nl=False)  # bytes: UTF-8 whatever the locale
        return
    settings.say("wrote {path}", path=str(out))


for _command in (cli_compare.diff_plans, cli_compare.git_diff, cli_compare.git_setup,
                 cli_importing.import_document):
    main.add_command(_command)
