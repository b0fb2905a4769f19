"""The rollover command's library side: read last year's file, roll it, write the new one."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.plan.checked import load_checked, text_checked
from generator.shell.atomic import guard_outputs, write_new
from generator.shell.errors import DataPath, InvalidInput, Message, UsageError
from generator.shell.yamlio import dump_edit, guess_layout, load_roundtrip
from generator.workflows import rollover

LATEST_YEAR = 2100


@dataclass(frozen=True)
class RolloverRequest:
    """Roll SOURCE into the plan for TO_YEAR, written to TARGET."""

    source: Path
    target: Path
    to_year: int
    changes: Path | None = None  # None: the shipped national changes
    use_changes: bool = True
    force: bool = False


@dataclass(frozen=True)
class ChecklistLine:
    """A checklist item located in the new file."""

    file: str
    line: int
    path: DataPath
    message: Message


def rollover_file(request: RolloverRequest) -> list[ChecklistLine]:
    """Write the rolled plan; the checklist of what a human must decide, in file order."""
    source = load_checked(request.source)
    text, doc = source.loaded.text, source.plan
    _check_year(int(doc["year"]), request.to_year)
    inputs = [request.source, *([request.changes] if request.changes else [])]
    guard_outputs([request.target], inputs, force=True)  # never the input
    changes = None
    if request.use_changes:
        from generator.workflows.org_changes import load_changes

        changes = load_changes(request.changes)
    layout = guess_layout(text)
    rolled = rollover.rollover(load_roundtrip(text), doc, request.to_year, changes)
    new_text = dump_edit(rolled.tree, text, layout)
    try:
        new = text_checked(new_text, str(request.target)).loaded
    except InvalidInput as exc:  # a rolled plan that does not validate is plangen's bug
        raise RuntimeError("the rolled plan does not validate: " + "; ".join(
            f"{p.line}: {p.message.msgid}" for p in exc.problems)) from exc
    write_new(request.target, new_text.encode("utf-8"), inputs=inputs,
              force=request.force, make_parents=True)
    return [ChecklistLine(str(request.target), new.position(item.path)[0], item.path,
                          item.message) for item in rolled.checklist]


def _check_year(year: int, to_year: int) -> None:
    if to_year <= year:
        raise UsageError(Message("--to {to} is not after the plan year {year}: roll a plan "
                                 "forward into a later year", {"to": to_year, "year": year}))
    if to_year > LATEST_YEAR:
        raise UsageError(Message("--to {to} is not a plan year (at most {latest})",
                                 {"to": to_year, "latest": LATEST_YEAR}))
