"""A scanned page's text as an OCR engine reads it: the Ocr the reader is given, and its hOCR.

The reader renders a page with no text layer to a grey bitmap and hands it to an Ocr (ocr.py
runs Tesseract); the hOCR that comes back gives each word's box and each line's baseline and
size, so its words go through the same line and paragraph logic as a PDF's glyphs. Pure.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
import xml.etree.ElementTree as ET
from typing import Protocol

from generator.importing.pdf_page import Glyph

_BOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_SIZE = re.compile(r"x_size ([\d.]+)")
_LINES = {"ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"}  # hOCR's kinds of line


class Ocr(Protocol):
    """Reads a page's image: a binary PGM (P5) at DPI dots per inch in, its hOCR text out."""

    def __call__(self, image: bytes, dpi: int) -> str: ...


class OcrFailed(Exception):
    """The OCR engine could not read an image; its message says why."""


def pgm(buffer: bytes, width: int, height: int, stride: int) -> bytes:
    """A binary PGM of a one-byte-per-pixel grey bitmap whose rows are STRIDE bytes apart."""
    if stride == width:
        rows = bytes(buffer[:width * height])
    else:
        rows = b"".join(bytes(buffer[row * stride:row * stride + width]) for row in range(height))
    return b"P5\n%d %d\n255\n" % (width, height) + rows


def hocr_glyphs(hocr: str, dpi: int) -> list[Glyph]:
    """Each word of an hOCR page as a Glyph in points, line by line; the words' size is the
    page's median line size (a scan's measured sizes vary too much to tell headings by)."""
    try:
        root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", hocr, count=1))
    except ET.ParseError as exc:
        raise OcrFailed(f"unreadable hOCR output: {exc}") from exc
    scale = 72 / dpi
    found: list[tuple[float, float, list[tuple[str, float, float]]]] = []
    for element in root.iter():
        title = element.get("title", "")
        if element.get("class") not in _LINES:
            continue
        box, base, size = _BOX.search(title), _BASELINE.search(title), _SIZE.search(title)
        if box is None:
            continue
        x0, _y0, x1, y1 = (int(v) for v in box.groups())
        slope, offset = (float(v) for v in base.groups()) if base else (0.0, 0.0)
        words = []
        for word in element.iter():
            word_box = _BOX.search(word.get("title", ""))
            text = unicodedata.normalize("NFC", "".join(word.itertext()).strip())
            if word.get("class") == "ocrx_word" and word_box and text:
                left, _top, right, _bottom = (int(v) for v in word_box.groups())
                words.append((text, left * scale, right * scale))
        if words:
            baseline = (y1 + offset + slope * (x1 - x0) / 2) * scale
            found.append((baseline, float(size.group(1)) * scale if size else 0.0, words))
    sizes = [line_size for _base, line_size, _words in found if line_size > 0]
    common = round(statistics.median(sizes), 1) if sizes else 12.0
    return [Glyph(text, x0, x1, baseline - 0.8 * common, baseline + 0.25 * common, baseline,
                  common)
            for baseline, _size, words in found for text, x0, x1 in words]
