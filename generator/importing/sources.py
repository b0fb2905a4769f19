"""What `plangen import` reads: a DOCX, a PDF or a text, told apart by their first bytes.

Each kind has its reader (docx_source, pdf_source, outline for text); all give the same list of
paragraphs. A file none of them can use is refused with one located message, in the same
`FILE:LINE:COL: …` form as a plan's problems.
"""
from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.importing.outline import Paragraph, paragraphs
from generator.shell.errors import N_, ExitStatus, InvalidInput, Message, PlangenError, Problem

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
MAX_TEXT_BYTES = 20_000_000  # a 30-page plan is 100 kB of text


@dataclass
class Source:
    """A document read: its paragraphs, its kind, and what a DOCX says beyond its text."""

    kind: str  # docx | pdf | text
    paragraphs: list[Paragraph]
    tracked: list[Any] = field(default_factory=list)  # a DOCX's unaccepted tracked changes
    embedded: Any = None  # a DOCX's embedded plan source (document.embedded.EmbeddedSource)


class SourceRefused(PlangenError):
    """A source no reader can use (damaged, encrypted, too large): for import, a problem of
    its input (exit 1), whatever the reader's own command would exit with."""

    exit_code = ExitStatus.INVALID


class NeedsOcr(SourceRefused):
    """A scanned PDF, read without an OCR engine: the message says what to install."""


def refuse(name: str, message: Message, line: int = 1) -> InvalidInput:
    """The one problem of a source that cannot be imported."""
    return InvalidInput([Problem(name, line, 1, (), message)])


def kind_of(data: bytes) -> str:
    """docx, pdf or text, by the first bytes (a file's name may lie)."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(OLE_SIGNATURE):
        return "docx"
    return "text"


def read_source(data: bytes, name: str, *, ocr: Any = None,
                progress: Callable[[int, int], None] | None = None) -> Source:
    """The paragraphs of DATA (named NAME in messages); InvalidInput when it cannot be read."""
    kind = kind_of(data)
    try:
        if kind == "pdf":
            from generator.importing.pdf_source import read_pdf

            return Source("pdf", read_pdf(data, name, ocr=ocr, progress=progress))
        if kind == "docx":
            return _docx(data, name)
        return Source("text", paragraphs(decode_text(data, name)))
    except InvalidInput:
        raise
    except PlangenError as exc:  # the readers' refusals name the file and say why
        from generator.importing.pdf_source import ScannedPdf

        if isinstance(exc, ScannedPdf):
            raise NeedsOcr(exc.message) from exc
        raise SourceRefused(exc.message) from exc


def _docx(data: bytes, name: str) -> Source:
    from generator.document.embedded import embedded_source
    from generator.importing.docx_source import read_docx

    read = read_docx(data, name)
    return Source("docx", read.paragraphs, list(read.tracked), embedded_source(data))


def decode_text(data: bytes, name: str) -> str:
    """A text file's text: UTF-8 (with or without BOM) or UTF-16 with its BOM."""
    if len(data) > MAX_TEXT_BYTES:
        raise refuse(name, Message(N_("the text is larger than {limit}: not a plan"),
                                   {"limit": "20 MB"}))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise refuse(name, Message(N_(
            "the text is not UTF-8 (byte {offset}): save it as UTF-8 and import it again"),
            {"offset": exc.start}), line) from exc
    if "\x00" in text:
        raise refuse(name, Message(N_("the file is binary, not a DOCX, a PDF or a text")))
    return text
