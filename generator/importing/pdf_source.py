"""A PDF of a plan read back into paragraphs and tables (`plangen import`'s PDF reader).

PDFium (pypdfium2) gives each page's glyphs with their boxes, fonts and colours, and its path
objects; pdf_page.py turns them into glyphs and ruling lines, pdf_tables.py finds the ruled
tables, pdf_lines.py builds lines and leaves out page numbers, running headers and stamps, and
pdf_flow.py reads the lines as paragraphs. A page with no text but an image is a scan: it is
read by the OCR engine the caller passes (ocr.py finds Tesseract), or refused with what to
install. Pure: bytes in, paragraphs out; PDFium is not thread-safe, so one read at a time per
process.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pypdfium2 as pdfium

from generator.importing.outline import Paragraph
from generator.importing.pdf_flow import Block, page_blocks, paragraphs
from generator.importing.pdf_lines import Line, lines_of, without_furniture
from generator.importing.pdf_ocr import Ocr, OcrFailed, hocr_glyphs, pgm
from generator.importing.pdf_page import read_page
from generator.importing.pdf_tables import TableBlock, find_tables
from generator.shell.errors import ExitStatus, Message, PlangenError

MAX_BYTES = 100 * 1024 * 1024
MAX_PAGES = 2000
OCR_DPI = 300
_PASSWORD = 4  # PDFium's FPDF_ERR_PASSWORD


class UnreadablePdf(PlangenError):
    """A PDF that cannot be read: not a PDF, protected by a password, damaged, too large."""

    exit_code = ExitStatus.TROUBLE


class ScannedPdf(UnreadablePdf):
    """A scanned PDF (no text layer) and no OCR engine to read it with."""


@dataclass(frozen=True)
class _Page:
    width: float
    height: float
    lines: list[Line]
    tables: list[TableBlock]


def read_pdf(data: bytes, name: str, *, ocr: Ocr | None = None,
             progress: Callable[[int, int], None] | None = None) -> list[Paragraph]:
    """The paragraphs of a PDF, tables among them, in reading order; `line` is the page.

    NAME is the file as the user knows it (for messages). PROGRESS(done, total) is called
    after each page. UnreadablePdf (exit 2) when the data is not a PDF, is protected by a
    password, is damaged, or is over MAX_BYTES or MAX_PAGES; ScannedPdf when a page has no text
    layer and OCR is None.
    """
    if len(data) > MAX_BYTES:
        raise UnreadablePdf(Message(
            "{file}: is larger than {limit} MB; plangen reads PDFs of at most {limit} MB",
            {"file": name, "limit": MAX_BYTES // (1024 * 1024)}))
    if b"%PDF-" not in data[:1024]:
        raise UnreadablePdf(Message("{file}: is not a PDF file", {"file": name}))
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == _PASSWORD:
            raise UnreadablePdf(Message(
                "{file}: is protected by a password; save or print it as a PDF without one "
                "and import that", {"file": name})) from exc
        raise _damaged(name, exc) from exc
    try:
        pages = _pages(document, name, ocr, progress)
    except pdfium.PdfiumError as exc:
        raise _damaged(name, exc) from exc
    finally:
        document.close()
    kept = without_furniture([p.lines for p in pages], [p.height for p in pages])
    blocks: list[list[Block]] = [page_blocks(lines, page.tables)
                                 for lines, page in zip(kept, pages, strict=True)]
    return paragraphs(blocks, [p.width for p in pages])


def _damaged(name: str, exc: Exception) -> UnreadablePdf:
    return UnreadablePdf(Message("{file}: is a damaged PDF that cannot be read ({reason})",
                                 {"file": name, "reason": str(exc)}))


def _pages(document: pdfium.PdfDocument, name: str, ocr: Ocr | None,
           progress: Callable[[int, int], None] | None) -> list[_Page]:
    """Every page's lines and tables, refusing first what is too long to read."""
    total = len(document)
    if total > MAX_PAGES:
        raise UnreadablePdf(Message(
            "{file}: has {count} pages; plangen reads PDFs of at most {limit} pages",
            {"file": name, "count": total, "limit": MAX_PAGES}))
    out = []
    for index in range(total):
        page = document[index]
        try:
            content = read_page(page)
            if content.has_image and not any(not g.text.isspace() for g in content.glyphs):
                out.append(_scanned(page, content.width, content.height, name, index + 1, ocr))
            else:
                tables, rest = find_tables(content.rulings, content.glyphs)
                out.append(_Page(content.width, content.height, lines_of(rest), tables))
        finally:
            page.close()
        if progress is not None:
            progress(index + 1, total)
    return out


def _scanned(page: pdfium.PdfPage, width: float, height: float, name: str, number: int,
             ocr: Ocr | None) -> _Page:
    """A scanned page's lines, read by OCR from its picture at OCR_DPI."""
    if ocr is None:
        raise ScannedPdf(Message(
            "{file}: is a scanned PDF (no text layer): install Tesseract with Vietnamese data to "
            "read it (apt-get install tesseract-ocr tesseract-ocr-vie)", {"file": name}))
    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    try:
        image = pgm(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
    finally:
        bitmap.close()
    try:
        glyphs = hocr_glyphs(ocr(image, OCR_DPI), OCR_DPI)
    except OcrFailed as exc:
        raise UnreadablePdf(Message("{file}: page {page} could not be read by OCR: {reason}",
                                    {"file": name, "page": number, "reason": str(exc)})) from exc
    return _Page(width, height, lines_of(glyphs), [])
