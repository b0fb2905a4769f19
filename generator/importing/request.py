"""What an import is asked to do and what it reports: shared by the fresh read and --onto."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.plan import load, validate
from generator.shell.errors import DataPath, InvalidInput, Message


@dataclass(frozen=True)
class ImportRequest:
    """Import SOURCE into the plan YAML TARGET."""

    source: Path
    target: Path
    onto: Path | None = None  # the plan YAML the document was rendered from (--onto)
    fresh: bool = False  # read the text even when the DOCX carries its source
    force: bool = False
    lang: str = "vi"  # of the comments written into the YAML
    find_ocr: Callable[[], Any] | None = None  # finds Tesseract; called for a scanned PDF only
    progress: Callable[[int, int], None] | None = None


@dataclass(frozen=True)
class ChecklistLine:
    """One thing to check, located in the new file and in the source."""

    file: str
    line: int
    path: DataPath
    message: Message
    source_line: int = 0


@dataclass
class ImportResult:
    """What the command did: the checklist, tracked changes left alone, the base it used."""

    checklist: list[ChecklistLine] = field(default_factory=list)
    tracked: list[Any] = field(default_factory=list)
    base: str = ""  # "", "embedded" or the --onto file
    valid: bool = True


def check_written(result: ImportResult, text: str, target: str,
                  notes: list[tuple[DataPath, Message, int]]) -> None:
    """Locate each (path, message, source line) note in the YAML TEXT written to TARGET, and add
    its validation problems, if any, to the checklist (the file is kept: the reading is work)."""
    loaded = load.load_text(text, target)
    for path, message, source_line in notes:
        result.checklist.append(ChecklistLine(target, loaded.position(path)[0], path, message,
                                              source_line))
    try:
        validate.validate(loaded)
    except InvalidInput as exc:
        result.valid = False
        result.checklist.extend(ChecklistLine(p.file, p.line, p.path, p.message)
                                for p in exc.problems)
