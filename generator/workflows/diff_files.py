"""The diff command's library side: compare two plan files, make the product, write it if asked."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.shell.atomic import write_new
from generator.shell.errors import ExitStatus, InputTrouble, InvalidInput
from generator.workflows import diff, diff_output


@dataclass(frozen=True)
class PlanDiff:
    """What `plangen diff` made: the product (printed, or written to the file asked for) and
    whether the plan changed."""

    product: bytes
    changed: bool

    @property
    def status(self) -> ExitStatus:
        """As diff(1): FOUND when the plan changed, else OK."""
        return ExitStatus.FOUND if self.changed else ExitStatus.OK


def diff_files(old: Path, new: Path, form: str = "text", *, lang: str = "vi",
               color: bool = False, out: Path | None = None, force: bool = False) -> PlanDiff:
    """The changes from OLD to NEW as FORM (text, markdown, json or docx), written to OUT if
    given (never over OLD or NEW, nor over a file without force).

    InputTrouble (as diff(1): trouble, not "found") when a side is not a valid plan; every
    problem is listed.
    """
    try:
        # Looked up when called: the command-line tests replace diff.compare_files.
        report = diff.compare_files(old, new)
    except InvalidInput as exc:
        raise InputTrouble(exc.problems) from exc
    if form == "docx":
        product = diff_output.as_docx(report)
    elif form == "markdown":
        product = diff_output.as_markdown(report, lang=lang).encode()
    elif form == "json":
        product = diff_output.as_json(report).encode()
    else:
        product = diff_output.as_text(report, lang=lang, color=color).encode()
    if out is not None:
        write_new(out, product, inputs=[old, new], force=force)
    return PlanDiff(product, bool(report.changes))
