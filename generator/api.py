"""The library's entry points: each CLI command (each mode of `derive`) calls exactly one of these.

Every module beyond the plan's loading is imported inside the function that needs it, so that
`plangen validate` of one file starts without docxtpl, lxml, ruamel.yaml or the workflows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from generator.plan.checked import load_checked
from generator.shell.atomic import Staging, guard_outputs
from generator.shell.errors import (
    ConverterFailed,
    InputTrouble,
    InvalidInput,
    Message,
    OutputFailed,
    Problem,
)

if TYPE_CHECKING:  # imported when used: `validate` of one file starts without them
    from generator.document.embedded import EmbeddedSource
    from generator.importing.request import ImportResult
    from generator.nd30.report import Checks
    from generator.shell.progress import Progress
    from generator.workflows.derive_files import DeriveSummary, UpstreamEdit
    from generator.workflows.diff_files import PlanDiff
    from generator.workflows.git_diff import Shown
    from generator.workflows.git_setup import Setup
    from generator.workflows.lint import Warning_
    from generator.workflows.rollover_files import ChecklistLine

T = TypeVar("T")


def check_plan(path: Path, display: str | None = None) -> dict[str, Any]:
    """Load and validate one plan file; raises InvalidInput with every problem."""
    return load_checked(path, display).plan


def _checked(paths: list[Path], workers: int = 1
             ) -> tuple[list[tuple[dict[str, Any], str]], list[Problem]]:
    """Load and validate every file once: the valid plans with their texts, and every problem
    of every file."""
    if workers > 1 and len(paths) > 1:
        from generator.shell.batch import run_all
        from generator.shell.progress import Silent

        checked = run_all(paths, _check_one, workers=workers, progress=Silent())
    else:
        checked = [_check_one(path) for path in paths]
    plans = [plan for plan, _ in checked if plan is not None]
    problems = [problem for _, found in checked for problem in found]
    return plans, problems


def _check_one(path: Path) -> tuple[tuple[dict[str, Any], str] | None, list[Problem]]:
    """One file's validated plan and its text as read, or its problems (top-level: run in
    worker processes too)."""
    try:
        checked = load_checked(path)
        return (checked.plan, checked.loaded.text), []
    except InvalidInput as exc:
        return None, exc.problems


def check_plans(paths: list[Path]) -> list[Problem]:
    """Validate several files; return every problem of every file (empty: all valid)."""
    return _checked(paths)[1]


def checked_plans(paths: list[Path], workers: int = 1) -> list[dict[str, Any]]:
    """The validated plan of every file, in order; InvalidInput with every problem of every file.

    workers: how many processes share the files (1: this process alone).
    """
    return [plan for plan, _text in _checked_sources(paths, workers)]


def _checked_sources(paths: list[Path], workers: int = 1) -> list[tuple[dict[str, Any], str]]:
    """The validated plan of every file with its text as read; InvalidInput with every problem."""
    plans, problems = _checked(paths, workers)
    if problems:
        raise InvalidInput(problems)
    return plans


def validate_files(paths: list[Path]) -> None:
    """Validate several files; raise InvalidInput with every problem of every file."""
    checked_plans(paths)


def render_plan(plan: dict[str, Any], templates: Path | None = None,
                cache_dir: Path | None = None, *, source: EmbeddedSource | None = None) -> bytes:
    """The DOCX of one validated plan, in memory.

    cache_dir: where compiled templates may be kept between runs (None: nowhere); the cache
    never changes the output, and a missing, stale or damaged one is ignored.
    source: the file the plan was read from, carried inside the DOCX (document/embedded.py).
    A plan made in memory has no source: None embeds nothing, since a dump of the data would
    be a YAML nobody wrote (shorthands expanded, comments and layout lost).
    """
    # Rendering pulls in docx/lxml/docxtpl: imported here so `validate` starts fast.
    from generator.document import context, render

    return render.render_document(context.build(plan), templates, cache_dir, source=source)


def render_bytes(path: Path, templates: Path | None = None,
                 cache_dir: Path | None = None) -> bytes:
    """The DOCX of one plan file, in memory, carrying the file's text."""
    from generator.document.embedded import EmbeddedSource

    checked = load_checked(path)
    return render_plan(checked.plan, templates, cache_dir,
                       source=EmbeddedSource(path.name, checked.loaded.text))


def _silent() -> Progress:
    """No progress shown: what a caller gets unless it passes one."""
    from generator.shell.progress import Silent

    return Silent()


@dataclass(frozen=True)
class RenderRequest:
    """What to render and where: every input the render command needs, explicit.

    workers: how many processes render at once (1: in this process); progress: told of each
    file written (the command line passes a bar or plain lines; the default shows nothing).
    """

    sources: list[Path]
    out_dir: Path
    templates: Path | None = None
    pdf: bool = False
    soffice: str | None = None
    cache_dir: Path | None = None
    workers: int = 1
    progress: Progress = field(default_factory=_silent)


@dataclass(frozen=True)
class _RenderJob:
    """One file of a batch, as a worker process receives it."""

    plan: dict[str, Any]
    target: Path
    templates: Path | None
    cache_dir: Path | None
    source: EmbeddedSource


def _render_job(job: _RenderJob) -> bytes:
    """One file of a batch rendered (run in a worker process: top-level, picklable)."""
    return render_plan(job.plan, job.templates, job.cache_dir, source=job.source)


def render_files(request: RenderRequest) -> list[Path]:
    """Render every source to OUT_DIR/NAME.docx (and .pdf); validate all before writing any.

    Each file is read and validated once, all of them before any is written; the validated
    plans are then rendered, both steps shared among request.workers processes, and the PDFs
    made by one LibreOffice run. All or nothing: every file is staged and renamed into place
    at the end, so an error or Ctrl-C leaves the folder as it was (when only LibreOffice
    fails, the DOCX are written and no PDF). Returns the files written, in the order of the
    sources (each DOCX, then its PDF).
    """
    checked = _checked_sources(request.sources, request.workers)
    targets = [request.out_dir / f"{source.stem}.docx" for source in request.sources]
    seen: dict[Path, Path] = {}
    for source, target in zip(request.sources, targets, strict=True):
        if target in seen:
            raise OutputFailed(Message("{first} and {second} would both be written to {path}",
                                       {"first": str(seen[target]), "second": str(source),
                                        "path": str(target)}))
        seen[target] = source
    pdfs = [target.with_suffix(".pdf") for target in targets] if request.pdf else []
    guard_outputs([*targets, *pdfs], request.sources, force=False, replaceable=True)
    # Imported before the workers fork, so that they start with docxtpl and lxml loaded.
    from generator.document import render  # noqa: F401
    from generator.document.embedded import EmbeddedSource
    from generator.shell.batch import run_all

    jobs = [_RenderJob(plan, target, request.templates, request.cache_dir,
                       EmbeddedSource(source.name, text))
            for (plan, text), target, source in zip(checked, targets, request.sources,
                                                    strict=True)]
    converter_failed: ConverterFailed | None = None
    with Staging() as staging:
        staging.make_folder(request.out_dir)
        run_all(jobs, _render_job, workers=request.workers, progress=request.progress,
                label=lambda job: job.target.name,
                on_result=lambda job, data: staging.write(job.target, data))
        if request.pdf:
            from generator.document.pdf import convert_into

            staged = [staging.path_for(target) for target in targets]
            try:
                convert_into(request.soffice, staged, staged[0].parent, targets)
                for pdf in pdfs:
                    staging.path_for(pdf)  # LibreOffice made it there, beside its DOCX
            except ConverterFailed as exc:
                converter_failed = exc
    if converter_failed is not None:
        raise converter_failed
    if not request.pdf:
        return targets
    return [path for pair in zip(targets, pdfs, strict=True) for path in pair]


# --- the commands beside render -----------------------------------------------------------------


def _as_trouble(action: Callable[[], T]) -> T:
    """ACTION's invalid input made trouble (exit 2), for the commands whose exit 1 means 'found'."""
    try:
        return action()
    except InvalidInput as exc:
        raise InputTrouble(exc.problems) from exc


def derive_file(parent: Path, out: Path, unit: str, today: dt.date,
                force: bool = False) -> Path:
    """Write UNIT's plan derived from PARENT to OUT (never over a file without force)."""
    from generator.workflows import derive_files

    return derive_files.derive_file(derive_files.DeriveRequest(parent, out, today, unit, force))


def derive_all(parent: Path, out: Path, today: dt.date, force: bool = False, workers: int = 1,
               progress: Progress | None = None) -> DeriveSummary:
    """Write into the folder OUT the plan of every body PARENT assigns anything to, or none."""
    from generator.workflows import derive_files

    return derive_files.derive_all(derive_files.DeriveRequest(
        parent, out, today, None, force, workers, progress or _silent()))


def check_upstream(child: Path, parent: Path) -> list[UpstreamEdit]:
    """What PARENT changed since CHILD was derived that concerns it (`derive --check`);
    InputTrouble when a file is not a valid plan."""
    from generator.workflows import derive_files

    return _as_trouble(lambda: derive_files.check_upstream(child, parent))


def rollover_file(source: Path, out: Path, to_year: int, changes: Path | None = None,
                  use_changes: bool = True, force: bool = False) -> list[ChecklistLine]:
    """Write SOURCE rolled forward into TO_YEAR's plan at OUT; the checklist for a human.

    changes: the changes file of reorganised bodies (None: the one shipped with plangen).
    """
    from generator.workflows import rollover_files

    return rollover_files.rollover_file(rollover_files.RolloverRequest(
        source, out, to_year, changes, use_changes, force))


def lint_files(sources: Sequence[Path], changes: Path | None = None) -> list[Warning_]:
    """Every warning of every file, in order; InputTrouble when a file is not a valid plan."""
    from generator.workflows import lint_files as lint

    return _as_trouble(lambda: lint.lint_files(lint.LintRequest(list(sources), changes)))


def check_documents(paths: Sequence[Path], lang: str, as_json: bool = False) -> Checks:
    """Run the ND30 checks on every DOCX: the report as text or JSON (docs/check.md), what kept
    a file from being checked, the exit status. CheckCrashed (a bug) propagates."""
    from generator.nd30 import report

    return report.check_and_report(list(paths), lang, as_json)


def json_schema(lang: str, out: Path | None = None, force: bool = False) -> bytes:
    """The JSON Schema of the plan YAML (descriptions in LANG), also written to OUT if given."""
    from generator.plan import json_schema as schema

    product = schema.dumps(lang)
    if out is not None:
        from generator.shell.atomic import write_new

        write_new(out, product, force=force)
    return product


DIFF_FORMATS = ("text", "markdown", "json", "docx")


def diff_files(old: Path, new: Path, form: str = "text", *, lang: str = "vi",
               color: bool = False, out: Path | None = None, force: bool = False) -> PlanDiff:
    """The changes from OLD to NEW as FORM (one of DIFF_FORMATS), written to OUT if given;
    InputTrouble (exit 2, as diff(1)) when a side is not a valid plan."""
    from generator.workflows import diff_files as diff

    return diff.diff_files(old, new, form, lang=lang, color=color, out=out, force=force)


def git_diff(old_name: str, old_file: str, new_name: str, new_file: str, lang: str) -> Shown:
    """git's external diff of one file: the plan's changes, else (not a plan, or a bug) its
    lines; only a side that cannot be read fails (UnreadableSide), since git stops there."""
    from generator.workflows import git_diff as git

    return git.git_text_or_lines(git.Sides(old_name, old_file, new_name, new_file), lang)


def git_setup(repo: Path, python: str) -> Setup:
    """Write diff.plangen.command, run by PYTHON's absolute path, into REPO's git config."""
    from generator.workflows import git_setup as setup

    return setup.set_up(repo, python)


def import_document(source: Path, out: Path, *, onto: Path | None = None, fresh: bool = False,
                    force: bool = False, lang: str = "vi",
                    find_ocr: Callable[[], Any] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Read a plan's DOCX, PDF or text into the plan YAML OUT; the checklist for a human.

    onto: the YAML the DOCX was rendered from, to apply only the document's edits to it (a
    DOCX rendered by plangen carries it: used unless fresh). find_ocr: finds the OCR engine
    for a scanned PDF (api.find_ocr; None, or finding none: such a PDF is refused with what to
    install).
    """
    from generator.importing.import_files import import_file
    from generator.importing.request import ImportRequest

    return import_file(ImportRequest(source, out, onto, fresh, force, lang, find_ocr, progress))


def find_ocr() -> Any:
    """Tesseract with Vietnamese data as an OCR engine for import, or None when not installed."""
    from generator.importing.ocr import find_ocr as find

    return find()
