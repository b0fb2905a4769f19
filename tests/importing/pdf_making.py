"""PDFs made for the PDF reader's tests with PDFium: lines of text placed where a test wants them
(stretched to a width, bold, coloured, turned), text laid over a page, a page as a bare image."""
from __future__ import annotations

import ctypes
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from generator.importing.outline import Paragraph

FONTS = Path("/usr/share/fonts/truetype/liberation2")
MARKS = {"roman": "{}.", "number": "{}.", "letter": "{})", "dash": "-", "plus": "+",
         "article": "Điều {}."}


@dataclass(frozen=True)
class Text:
    """A line of text at (x, y) from the page's top left, its baseline at y (points)."""

    x: float
    y: float
    text: str
    size: float = 14.0
    bold: bool = False
    width: float | None = None  # stretched to this width (a justified line)
    colour: tuple[int, int, int] = (0, 0, 0)
    angle: float = 0.0  # degrees, counter-clockwise


@dataclass(frozen=True)
class Box:
    """A stroked rectangle from (x0, y0) to (x1, y1), from the page's top left (a cell's box);
    a line when it is flat."""

    x0: float
    y0: float
    x1: float
    y1: float


def texts(paragraphs: Sequence[Paragraph]) -> list[str]:
    """The golden-file form of what was read: each paragraph with its mark, each table cell's
    paragraphs in row order (a cell merged with the one above has none)."""
    out: list[str] = []
    for paragraph in paragraphs:
        if paragraph.table is not None:
            out.extend(text for row in paragraph.table.rows for cell in row
                       for text in cell.paragraphs)
        else:
            mark = MARKS[paragraph.level].format(paragraph.label) if paragraph.level else ""
            out.append(f"{mark} {paragraph.text}".strip())
    return out


class _Fonts:
    """Liberation Serif, regular and bold, loaded into one document (kept alive with it)."""

    def __init__(self, document: Any) -> None:
        self.buffers: list[Any] = []
        self.loaded = {bold: self._load(document, "LiberationSerif-Bold.ttf" if bold
                                        else "LiberationSerif-Regular.ttf")
                       for bold in (False, True)}

    def _load(self, document: Any, name: str) -> Any:
        data = (FONTS / name).read_bytes()
        buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        self.buffers.append(buffer)
        return pdfium_c.FPDFText_LoadFont(document.raw, buffer, len(data),
                                          pdfium_c.FPDF_FONT_TRUETYPE, True)


def _place(document: Any, page: Any, fonts: _Fonts, text: Text) -> None:
    obj = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, fonts.loaded[text.bold], text.size)
    wide = (text.text + "\0").encode("utf-16-le")
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(wide, len(wide)),
                                               ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_SetFillColor(obj, *text.colour, 255)
    if text.width is not None:
        left, right = ctypes.c_float(), ctypes.c_float()
        bottom, top = ctypes.c_float(), ctypes.c_float()
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        pdfium_c.FPDFPageObj_Transform(obj, text.width / (right.value - left.value), 0, 0, 1,
                                       0, 0)
    turn = math.radians(text.angle)
    cos, sin = math.cos(turn), math.sin(turn)
    pdfium_c.FPDFPageObj_Transform(obj, cos, sin, -sin, cos, text.x,
                                   page.get_height() - text.y)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def _saved(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _draw(page: Any, box: Box) -> None:
    height = page.get_height()
    path = pdfium_c.FPDFPageObj_CreateNewPath(box.x0, height - box.y0)
    for x, y in ((box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)):
        pdfium_c.FPDFPath_LineTo(path, x, height - y)
    pdfium_c.FPDFPath_Close(path)
    pdfium_c.FPDFPageObj_SetStrokeColor(path, 0, 0, 0, 255)
    pdfium_c.FPDFPageObj_SetStrokeWidth(path, 0.5)
    pdfium_c.FPDFPath_SetDrawMode(path, 0, True)
    pdfium_c.FPDFPage_InsertObject(page.raw, path)


def synthetic_pdf(pages: Sequence[Sequence[Text | Box]],
                  size: tuple[float, float] = (595, 842)) -> bytes:
    """A PDF of A4 pages holding these lines and boxes."""
    document = pdfium.PdfDocument.new()
    fonts = _Fonts(document)
    for lines in pages:
        page = document.new_page(*size)
        for text in lines:
            if isinstance(text, Box):
                _draw(page, text)
            else:
                _place(document, page, fonts, text)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    return _saved(document)


def overlay(data: bytes, index: int, lines: Sequence[Text]) -> bytes:
    """DATA with LINES laid over its page INDEX (a stamp, an e-signature box)."""
    document = pdfium.PdfDocument(data)
    fonts = _Fonts(document)
    page = document[index]
    for text in lines:
        _place(document, page, fonts, text)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    return _saved(document)


def image_pdf(data: bytes, index: int, dpi: int = 200) -> bytes:
    """A PDF of one page holding nothing but a picture of page INDEX of DATA (a scan)."""
    source = pdfium.PdfDocument(data)
    page = source[index]
    width, height = page.get_size()
    bitmap = page.render(scale=dpi / 72)
    document = pdfium.PdfDocument.new()
    new = document.new_page(width, height)
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    new.insert_obj(image)
    new.gen_content()
    return _saved(document)
