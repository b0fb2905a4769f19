"""The library's entry points: each CLI command calls exactly one of these."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import load, validate
from .atomic import make_folder, write_bytes
from .errors import InvalidInput, Problem


def check_plan(path: Path, display: str | None = None) -> dict[str, Any]:
    """Load and validate one plan file; raises InvalidInput with every problem."""
    return validate.validate(load.load_file(path, display))


def _checked(paths: list[Path]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Load and validate every file once: the valid plans, and every problem of every file."""
    plans: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            plans.append(check_plan(path))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    return plans, problems


def check_plans(paths: list[Path]) -> list[Problem]:
    """Validate several files; return every problem of every file (empty: all valid)."""
    return _checked(paths)[1]


def checked_plans(paths: list[Path]) -> list[dict[str, Any]]:
    """The validated plan of every file, in order; InvalidInput with every problem of every file."""
    plans, problems = _checked(paths)
    if problems:
        raise InvalidInput(problems)
    return plans


def validate_files(paths: list[Path]) -> None:
    """Validate several files; raise InvalidInput with every problem of every file."""
    checked_plans(paths)


def render_plan(plan: dict[str, Any], templates: Path | None = None,
                cache_dir: Path | None = None) -> bytes:
    """The DOCX of one validated plan, in memory.

    cache_dir: where compiled templates may be kept between runs (None: nowhere); the cache
    never changes the output, and a missing, stale or damaged one is ignored.
    """
    # Rendering pulls in docx/lxml/docxtpl: imported here so `validate` starts fast.
    from . import context, render

    return render.render_document(context.build(plan), templates, cache_dir)


def render_bytes(path: Path, templates: Path | None = None,
                 cache_dir: Path | None = None) -> bytes:
    """The DOCX of one plan file, in memory."""
    return render_plan(check_plan(path), templates, cache_dir)


@dataclass(frozen=True)
class RenderRequest:
    """What to render and where: every input the render command needs, explicit."""

    sources: list[Path]
    out_dir: Path
    templates: Path | None = None
    pdf: bool = False
    soffice: str | None = None
    cache_dir: Path | None = None


def render_files(request: RenderRequest) -> list[Path]:
    """Render every source to OUT_DIR/NAME.docx (and .pdf); validate all before writing any.

    Each file is read and validated once: the validated plans are kept and rendered.
    """
    plans = checked_plans(request.sources)
    make_folder(request.out_dir)
    written: list[Path] = []
    for source, plan in zip(request.sources, plans, strict=True):
        target = request.out_dir / f"{source.stem}.docx"
        write_bytes(target, render_plan(plan, request.templates, request.cache_dir))
        written.append(target)
        if request.pdf:
            from .pdf import convert_to_pdf

            pdf = target.with_suffix(".pdf")
            convert_to_pdf(request.soffice, target, pdf)
            written.append(pdf)
    return written
