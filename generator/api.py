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


def check_plans(paths: list[Path]) -> list[Problem]:
    """Validate several files; return every problem of every file (empty: all valid)."""
    problems: list[Problem] = []
    for path in paths:
        try:
            check_plan(path)
        except InvalidInput as exc:
            problems.extend(exc.problems)
    return problems


def validate_files(paths: list[Path]) -> None:
    """Validate several files; raise InvalidInput with every problem of every file."""
    problems = check_plans(paths)
    if problems:
        raise InvalidInput(problems)


def render_bytes(path: Path, templates: Path | None = None) -> bytes:
    """The DOCX of one plan file, in memory."""
    # Rendering pulls in docx/lxml/docxtpl: imported here so `validate` starts fast.
    from . import context, render

    return render.render_document(context.build(check_plan(path)), templates)


@dataclass(frozen=True)
class RenderRequest:
    """What to render and where: every input the render command needs, explicit."""

    sources: list[Path]
    out_dir: Path
    templates: Path | None = None
    pdf: bool = False
    soffice: str | None = None


def render_files(request: RenderRequest) -> list[Path]:
    """Render every source to OUT_DIR/NAME.docx (and .pdf); validate all before writing any."""
    validate_files(request.sources)
    make_folder(request.out_dir)
    written: list[Path] = []
    for source in request.sources:
        target = request.out_dir / f"{source.stem}.docx"
        write_bytes(target, render_bytes(source, request.templates))
        written.append(target)
        if request.pdf:
            from .pdf import convert_to_pdf

            pdf = target.with_suffix(".pdf")
            convert_to_pdf(request.soffice, target, pdf)
            written.append(pdf)
    return written
