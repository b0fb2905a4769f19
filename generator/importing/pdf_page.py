"""One PDF page as PDFium gives it: its glyphs (stamps left out), its ruling lines, its images.

Pure: a pypdfium2 page in, data out. Coordinates are points with y growing downwards from the
top of the page, as a reader sees it. What a page gives that is not the document's text is left
out here, glyph by glyph: text drawn at an angle (a stamp's ring of words, a watermark) and red
text (a stamp's ink); blue text is kept but marked, since a link is blue too, and only a blue
"Ký bởi: …" box is dropped (pdf_lines.py).
"""
from __future__ import annotations

import ctypes
import math
import unicodedata
from dataclasses import dataclass
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c

ANGLE_TOLERANCE = 0.05  # radians: text turned more than this is a stamp's or a watermark's
THIN = 2.5  # points: a filled or stroked shape this thin is a ruling line
MIN_RULING = 4.0  # points: shorter strokes are underlines of a glyph, dots, ticks
# The characters whose text is not chr(code): PDFium returns the hyphen that ends a line as
# U+FFFE in its text and as 0x02 from FPDFText_GetUnicode, and a soft hyphen as U+00AD (each
# printed as "-"); a no-break space is a space; the fi-type ligatures are their letters (NFKC
# for these alone: it would change other characters, such as Ⅰ or ², too).
_SPECIAL = {0x02: "-", 0xFFFE: "-", 0xAD: "-", 0xA0: " ",
            **{code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}}
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "extrabold")
_BOLD_ENDINGS = (",b", "-b", "bd", "-bd", ",bd", "-bi", ",bi", "-bdit", "bdit")
_ITALIC_ENDINGS = ("it", "-i", ",i", "-bi", ",bi", "-ital")
_FONT_ITALIC = 1 << 6  # PDF font descriptor flags (PDF 32000-1, table 123)
_FONT_FORCE_BOLD = 1 << 18


class Glyph(NamedTuple):  # a tuple: a page has thousands, made faster than a dataclass's
    """One character as printed (a word, from OCR); a space has x0 == x1 when PDFium made it up."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float
    size: float
    bold: bool = False
    italic: bool = False
    blue: bool = False


@dataclass(frozen=True, slots=True)
class Ruling:
    """A ruling line: horizontal at y = pos from start to end (x), or vertical at x = pos."""

    horizontal: bool
    pos: float
    start: float
    end: float


@dataclass(frozen=True)
class PageContent:
    """What one page holds for the reader."""

    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rulings: tuple[Ruling, ...]
    has_image: bool


@dataclass(frozen=True, slots=True)
class _Style:
    fields: tuple[float, float, float, float, bool, bool, bool]  # a Glyph's, top to blue
    dropped: bool  # turned or red: a stamp's text


def read_page(page: Any) -> PageContent:
    """The glyphs, rulings and whether there is an image, of a pypdfium2 PdfPage."""
    width, height = (float(v) for v in page.get_size())
    textpage = page.get_textpage()
    try:
        glyphs = tuple(_glyphs(textpage.raw, height))
    finally:
        textpage.close()
    images = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
    has_image = next(iter(images), None) is not None
    return PageContent(width, height, glyphs, tuple(_rulings(page, height)), has_image)


def font_style(name: str, flags: int) -> tuple[bool, bool]:
    """(bold, italic) of a font by its name ("ABCDEF+TimesNewRomanPS-BoldItalicMT",
    "Arial,Bold", "VNTimeBd") and its descriptor flags."""
    base = name.split("+", 1)[-1].lower()
    plain = base.removesuffix("mt").removesuffix("ps")
    bold = (any(word in base for word in _BOLD_WORDS) or plain.endswith(_BOLD_ENDINGS)
            or bool(flags & _FONT_FORCE_BOLD))
    italic = ("italic" in base or "oblique" in base or plain.endswith(_ITALIC_ENDINGS)
              or bool(flags & _FONT_ITALIC))
    return bold, italic


# FPDFText_GetTextObject with the object's address as a plain int, to tell objects apart (the
# binding's pointer objects do not compare by address).
_TEXT_OBJECT = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0)


def _glyphs(raw: Any, height: float) -> list[Glyph]:
    """Every character of a text page in the content stream's order, as Glyphs. A text object
    is one text-showing operation, so its characters share its first one's baseline and style."""
    out: list[Glyph] = []
    styles: dict[int, _Style] = {}
    box = pdfium_c.FS_RECTF()
    unicode, loose = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    count = pdfium_c.FPDFText_CountChars(raw)
    index = 0
    while index < count:
        code = unicode(raw, index)
        current, index = index, index + 1
        if 0xD800 <= code < 0xDC00 and index < count:  # a character beyond the BMP: two units
            low = unicode(raw, index)
            code, index = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), index + 1
        if code in (10, 13):
            continue
        key = _TEXT_OBJECT(raw, current)
        if not key:  # a space PDFium made up between words: no glyph, no style of its own
            if code == 32:
                x, base = _origin(raw, current, height)
                out.append(Glyph(" ", x, x, base, base, base, 0.0))
            continue
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(raw, current, height)
        if style.dropped:
            continue
        loose(raw, current, box)
        out.append(Glyph(_SPECIAL.get(code) or chr(code), box.left, box.right, *style.fields))
    return out


def _origin(raw: Any, index: int, height: float) -> tuple[float, float]:
    """(x, baseline) of character INDEX."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
    return float(x.value), height - float(y.value)


def _text(code: int) -> str:
    """A character's text: a line-end hyphen as "-", an fi-type ligature as its letters."""
    return _SPECIAL.get(code) or chr(code)


def _style(raw: Any, index: int, height: float) -> _Style:
    """The style and baseline of the text object that character INDEX begins."""
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(raw, index, name, len(name), flags)
    bold, italic = font_style(name.value.decode("latin-1"), int(flags.value))
    if pdfium_c.FPDFText_GetFontWeight(raw, index) >= 600:
        bold = True
    red, green, blue, _alpha = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFText_GetFillColor(raw, index, red, green, blue, _alpha)
    r, g, b = int(red.value), int(green.value), int(blue.value)
    angle = float(pdfium_c.FPDFText_GetCharAngle(raw, index))
    turned = min(angle % (2 * math.pi), -angle % (2 * math.pi)) > ANGLE_TOLERANCE
    stamp_red = r >= 150 and r - max(g, b) >= 80
    ink_blue = b >= 120 and b - max(r, g) >= 60
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index)) or 1.0
    base = _origin(raw, index, height)[1]
    return _Style((base - 0.8 * size, base + 0.25 * size, base, size, bold, italic, ink_blue),
                  turned or stamp_red)


def _rulings(page: Any, height: float) -> list[Ruling]:
    """The page's ruling lines: thin filled rectangles and the straight strokes of paths."""
    out: list[Ruling] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=0):
        left, bottom, right, top = (float(v) for v in obj.get_bounds())
        if top - bottom <= THIN and right - left >= MIN_RULING:
            out.append(Ruling(True, height - (top + bottom) / 2, left, right))
            continue
        if right - left <= THIN and top - bottom >= MIN_RULING:
            out.append(Ruling(False, (left + right) / 2, height - top, height - bottom))
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, ctypes.byref(stroke))
        if stroke.value:
            out.extend(_strokes(obj.raw, height))
    return out


def _strokes(raw: Any, height: float) -> list[Ruling]:
    """The horizontal and vertical straight segments of a stroked path (a cell's box)."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, matrix):
        return []
    x, y = ctypes.c_float(), ctypes.c_float()
    edges: list[tuple[float, float, float, float]] = []
    start = last = (0.0, 0.0)
    for index in range(pdfium_c.FPDFPath_CountSegments(raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(raw, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (float(matrix.a * x.value + matrix.c * y.value + matrix.e),
                 height - float(matrix.b * x.value + matrix.d * y.value + matrix.f))
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:  # curves are a stamp's ring, not rulings
            edges.append((*last, *point))
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            edges.append((*point, *start))
        last = point
    out = []
    for x0, y0, x1, y1 in edges:
        if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= MIN_RULING:
            out.append(Ruling(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= MIN_RULING:
            out.append(Ruling(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return out
