"""plangen import: a plan's DOCX, PDF or text becomes a plan YAML (and Word edits come back)."""
from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import click

from generator import api
from generator.cli.common import Settings, run
from generator.shell.errors import N_, ExitStatus, Message, format_path
from generator.shell.i18n import translate

LONG_SOURCE_PAGES = 5  # progress is shown for documents longer than this
# The kinds of tracked change a DOCX reader lists (importing/docx_source.py KINDS), in words.
CHANGE_KINDS = {
    "insertion": N_("words inserted"), "deletion": N_("words deleted"),
    "moved-from": N_("words moved away"), "moved-to": N_("words moved here"),
    "paragraph-insertion": N_("paragraph break inserted"),
    "paragraph-deletion": N_("paragraph break deleted"),
    "row-insertion": N_("table row inserted"), "row-deletion": N_("table row deleted"),
    "formatting": N_("formatting changed"),
}


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--out", type=click.Path(path_type=Path), required=True,
              help="The plan YAML to write (never the source).")
@click.option("--onto", type=click.Path(path_type=Path),
              help="The plan YAML the DOCX was rendered from: apply only the document's edits "
                   "to it [default: the source a plangen DOCX carries].")
@click.option("--fresh", is_flag=True,
              help="Read the document's text even when it carries its plan YAML.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--json", "as_json", is_flag=True, help="Print the checklist as JSON on stdout.")
@click.pass_obj
def import_document(settings: Settings, source: Path, out: Path, onto: Path | None,
                    fresh: bool, force: bool, as_json: bool) -> None:
    """Read last year's plan (DOCX, PDF or text) into a plan YAML; list what to check."""
    if onto is not None and fresh:
        raise click.UsageError("--onto and --fresh exclude each other")
    result = run(settings, lambda: api.import_document(
        source, out, onto=onto, fresh=fresh, force=force, lang=settings.lang,
        find_ocr=api.find_ocr,
        progress=_pages_progress()))
    if as_json:
        click.echo(json.dumps([{"file": item.file, "line": item.line,
                                "path": format_path(item.path), "source_line": item.source_line,
                                "message": translate(item.message, settings.lang)}
                               for item in result.checklist], ensure_ascii=False, indent=2))
    else:
        for item in result.checklist:
            where = f" ({source}:{item.source_line})" if item.source_line else ""
            click.echo(f"{item.file}:{item.line}: {format_path(item.path)}: "
                       f"{translate(item.message, settings.lang)}{where}", err=True)
    for change in result.tracked:
        kind = Message(CHANGE_KINDS.get(change.kind, change.kind))
        settings.say("{source}:{line}: tracked change not accepted, not applied ({kind}): "
                     "\"{text}\"", source=str(source), line=change.line, kind=kind,
                     text=change.text[:80])
    settings.say("wrote {path}; {count} item(s) for a human to check", path=str(out),
                 count=len(result.checklist))
    if not result.valid:
        sys.exit(ExitStatus.INVALID)


def _pages_progress() -> Callable[[int, int], None] | None:
    """A page counter on stderr for long documents, when it is a terminal."""
    if not sys.stderr.isatty():
        return None
    width = shutil.get_terminal_size().columns

    def show(done: int, total: int) -> None:
        if total > LONG_SOURCE_PAGES:
            line = f"{done}/{total}"
            end = "\n" if done == total else ""
            sys.stderr.write("\r" + line[:width] + end)
            sys.stderr.flush()
    return show
