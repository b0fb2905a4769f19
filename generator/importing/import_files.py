"""The import command's library side: read the source, build the plan, write it, list checks.

The YAML written must validate as it comes; should a document defeat that, the file is still
written (the reading is the user's work) and each problem joins the checklist, so the user can
mend it. The source is never written; the output only anew or with --force.
"""
from __future__ import annotations

from pathlib import Path

from generator.importing.build import NotAPlan, build
from generator.importing.onto import import_onto
from generator.importing.request import ImportRequest, ImportResult, check_written
from generator.importing.sources import NeedsOcr, Source, read_source, refuse
from generator.importing.yaml_out import yaml_text
from generator.shell.atomic import guard_outputs, write_new
from generator.shell.errors import N_, Message
from generator.shell.i18n import translate

MAX_SOURCE_BYTES = 100_000_000


def read_bytes(path: Path) -> bytes:
    """The source's bytes, refused with a located message when it cannot be read."""
    from generator.shell.errors import os_reason

    name = str(path)
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise refuse(name, Message(N_("the file is larger than {limit}: not a plan"),
                                       {"limit": "100 MB"}))
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise refuse(name, Message(N_("is a folder, not a document"))) from exc
    except OSError as exc:
        reason = os_reason(exc)
        raise refuse(name, Message(N_("cannot read the file: {reason}"),
                                   {"reason": reason})) from exc


def import_file(request: ImportRequest) -> ImportResult:
    """Write the plan YAML read from the request's source; the checklist for a human."""
    inputs = [request.source, *([request.onto] if request.onto else [])]
    guard_outputs([request.target], inputs, force=request.force)
    data = read_bytes(request.source)
    try:
        source = read_source(data, str(request.source), progress=request.progress)
    except NeedsOcr:
        ocr = request.find_ocr() if request.find_ocr is not None else None
        if ocr is None:
            raise
        source = read_source(data, str(request.source), ocr=ocr, progress=request.progress)
    if request.onto is not None or (source.embedded is not None and not request.fresh):
        return import_onto(request, source)
    return _write_fresh(request, source)


def _write_fresh(request: ImportRequest, source: Source) -> ImportResult:
    try:
        imported = build(source.paragraphs)
    except NotAPlan:
        raise refuse(str(request.source), Message(N_(
            "no Kế hoạch or Quyết định found: the document has no \"KẾ HOẠCH\" or "
            "\"QUYẾT ĐỊNH\" heading and no Roman-numbered sections"))) from None
    notes = [(n.path, n.message) for n in imported.notes]
    def words(message: Message) -> str:
        return translate(message, request.lang)

    opening = [" " + words(Message(N_("imported by plangen from {source}"),
                                   {"source": request.source.name})),
               " " + words(Message(N_("what a line marked \"# plangen import:\" says is to be "
                                      "checked")))]
    text = yaml_text(imported.data, notes, words, opening)
    write_new(request.target, text.encode("utf-8"), inputs=[request.source],
              force=request.force, make_parents=True)
    result = ImportResult(tracked=source.tracked)
    check_written(result, text, str(request.target),
                  [(note.path, note.message, note.line) for note in imported.notes])
    result.checklist.sort(key=lambda c: (c.line, c.source_line))
    return result
