"""Find the DOCX templates: a user's folder, the installed package, or the checkout."""
from __future__ import annotations

from pathlib import Path

from generator.shell.errors import Message, TemplateFailed

PARTS = ("decision", "plan", "appendix")


def default_dir() -> Path:
    """The built-in templates: inside the installed package, else the checkout's templates/."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "plan" / "plan.docx").is_file():
            return candidate
    raise TemplateFailed(Message("the built-in templates are missing from the installation"))


def template_path(folder: Path | None, part: str) -> Path:
    """The template of one part; a user's folder must hold it as PART/PART.docx."""
    root = folder if folder is not None else default_dir()
    path = root / part / f"{part}.docx"
    if not path.is_file():
        raise TemplateFailed(Message("template not found: {path} (a templates folder holds "
                                     "decision/decision.docx, plan/plan.docx and "
                                     "appendix/appendix.docx)", {"path": str(path)}))
    return path
