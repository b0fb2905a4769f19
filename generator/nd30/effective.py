"""Effective run and paragraph formatting of WordprocessingML elements, resolved through styles."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

_MAX_CHAIN = 32  # longer basedOn chains are cycles or garbage
_ON = {"1", "true", "on"}
_OFF = {"0", "false", "off", "none"}
_NO_BORDER = {"none", "nil"}
_MEASURE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*")
_TWIPS_PER_UNIT = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0, "pc": 240.0,
                   "pi": 240.0}
_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main"


class XmlElement(Protocol):
    """The part of the lxml element API this package uses."""

    tag: object
    text: str | None

    def get(self, key: str, default: None = None) -> str | None:
        """Attribute value by Clark name."""

    def find(self, path: str) -> XmlElement | None:
        """First matching sub-element."""

    def findall(self, path: str) -> list[XmlElement]:
        """All matching sub-elements."""

    def iter(self, *tags: str) -> Iterator[XmlElement]:
        """Descendants-or-self in document order."""

    def iterancestors(self, *tags: str) -> Iterator[XmlElement]:
        """Ancestors, nearest first."""

    def getparent(self) -> XmlElement | None:
        """Parent element."""

    def __iter__(self) -> Iterator[XmlElement]:
        """Children."""


def w(name: str) -> str:
    """Clark name of a w: (WordprocessingML main namespace) tag or attribute."""
    return str(qn(f"w:{name}"))


def attr(element: XmlElement | None, name: str) -> str | None:
    """A w: attribute of element, or None when the element or the attribute is absent."""
    if element is None:
        return None
    value = element.get(w(name))
    return None if value is None else str(value)


def child(element: XmlElement | None, *path: str) -> XmlElement | None:
    """Follow a path of w: child tags; None as soon as one step is missing."""
    for name in path:
        if element is None:
            return None
        element = element.find(w(name))
    return element


def on_off(element: XmlElement | None) -> bool | None:
    """ST_OnOff value of a property element: None when absent, True when present without val."""
    if element is None:
        return None
    value = attr(element, "val")
    if value is None:
        return True
    value = value.strip().lower()
    if value in _ON:
        return True
    if value in _OFF:
        return False
    return None


def parse_twips(value: str | None) -> float | None:
    """A twips measure (plain number or universal measure such as '2.54cm'); None if unreadable."""
    if value is None:
        return None
    match = _MEASURE.fullmatch(value)
    if match is None:
        return None
    number = float(match.group(1))
    unit = match.group(2)
    return number if unit is None else number * _TWIPS_PER_UNIT[unit]


def parse_half_points(value: str | None) -> float | None:
    """A w:sz size in half-points (plain number or universal measure); None if unreadable."""
    match = None if value is None else _MEASURE.fullmatch(value)
    if match is None:
        return None
    number = float(match.group(1))
    unit = match.group(2)
    # 1 pt = 20 twips = 2 half-points
    return number if unit is None else number * _TWIPS_PER_UNIT[unit] / 10.0


def twips_to_mm(twips: float) -> float:
    """Convert twips (1/1440 inch) to millimetres."""
    return twips * 25.4 / 1440.0


@dataclass(frozen=True)
class RunFormat:
    """The formatting a run is displayed with after the whole style hierarchy is applied."""

    ascii_font: str | None
    hansi_font: str | None
    half_points: float | None
    bold: bool
    italic: bool

    @property
    def font_name(self) -> str | None:
        """Font of the run: the ASCII font, falling back to the high-ANSI font."""
        return self.ascii_font or self.hansi_font

    @property
    def size_pt(self) -> float:
        """Size in points; Word's built-in 10 pt when no level sets one."""
        return 10.0 if self.half_points is None else self.half_points / 2.0


class StyleSheet:
    """Styles part, document defaults and theme fonts of one document."""

    def __init__(self, styles_root: XmlElement | None, theme_blob: bytes | None = None) -> None:
        self._styles: dict[str, XmlElement] = {}
        self._defaults: dict[str, str] = {}
        self._root = styles_root
        if styles_root is not None:
            self._index(styles_root)
        self._theme_fonts = read_theme_fonts(theme_blob)

    def _index(self, root: XmlElement) -> None:
        """Index styles by id and note the default style of each type."""
        for style in root.findall(w("style")):
            style_id = attr(style, "styleId")
            style_type = attr(style, "type") or "paragraph"
            if style_id is None:
                continue
            self._styles.setdefault(style_id, style)
            if (attr(style, "default") or "").strip().lower() in _ON:
                self._defaults.setdefault(style_type, style_id)

    def chain(self, style_id: str | None) -> list[XmlElement]:
        """The style and its basedOn ancestors, nearest first; empty for an unknown id."""
        out: list[XmlElement] = []
        seen: set[str] = set()
        while style_id is not None and style_id not in seen and len(out) < _MAX_CHAIN:
            style = self._styles.get(style_id)
            if style is None:
                break
            seen.add(style_id)
            out.append(style)
            style_id = attr(child(style, "basedOn"), "val")
        return out

    def default_style_id(self, style_type: str) -> str | None:
        """Id of the default style of a type (paragraph, character, table, numbering)."""
        return self._defaults.get(style_type)

    def default_rpr(self) -> XmlElement | None:
        """w:docDefaults/w:rPrDefault/w:rPr."""
        return child(self._root, "docDefaults", "rPrDefault", "rPr")

    def default_ppr(self) -> XmlElement | None:
        """w:docDefaults/w:pPrDefault/w:pPr."""
        return child(self._root, "docDefaults", "pPrDefault", "pPr")

    def theme_font(self, theme_name: str) -> str:
        """Typeface behind a theme font reference such as 'minorHAnsi'."""
        group = "major" if theme_name.lower().startswith("major") else "minor"
        return self._theme_fonts.get(group) or f"theme font {theme_name}"


def read_theme_fonts(blob: bytes | None) -> dict[str, str]:
    """Latin typefaces of the theme's major and minor fonts, from theme1.xml bytes."""
    if not blob:
        return {}
    try:
        root: XmlElement = parse_xml(blob)
    except Exception:  # a broken theme only means theme fonts stay unnamed
        return {}
    fonts: dict[str, str] = {}
    for group in ("major", "minor"):
        latin = root.find(f".//{{{_DRAWINGML}}}{group}Font/{{{_DRAWINGML}}}latin")
        typeface = None if latin is None else latin.get("typeface")
        if typeface:
            fonts[group] = str(typeface)
    return fonts


def nearest(element: XmlElement, tag: str) -> XmlElement | None:
    """Nearest ancestor with a w: tag."""
    return next(iter(element.iterancestors(w(tag))), None)


def table_style_id(table: XmlElement | None, styles: StyleSheet) -> str | None:
    """Style id of a table: its w:tblStyle, else the default table style."""
    if table is None:
        return None
    return attr(child(table, "tblPr", "tblStyle"), "val") or styles.default_style_id("table")


def paragraph_style_id(paragraph: XmlElement | None, styles: StyleSheet) -> str | None:
    """Style id of a paragraph: its w:pStyle, else the default paragraph style."""
    if paragraph is None:
        return None
    return attr(child(paragraph, "pPr", "pStyle"), "val") or styles.default_style_id("paragraph")


def _style_rprs(chain: list[XmlElement]) -> list[XmlElement]:
    """The w:rPr of each style in a chain that has one."""
    return [rpr for rpr in (style.find(w("rPr")) for style in chain) if rpr is not None]


def _style_pprs(chain: list[XmlElement]) -> list[XmlElement]:
    """The w:pPr of each style in a chain that has one."""
    return [ppr for ppr in (style.find(w("pPr")) for style in chain) if ppr is not None]


def _first_value(rprs: list[XmlElement], tag: str, name: str) -> str | None:
    """The attribute of the first property element found, highest priority first."""
    for rpr in rprs:
        value = attr(rpr.find(w(tag)), name)
        if value is not None:
            return value
    return None


def _font_slot(rprs: list[XmlElement], slot: str, styles: StyleSheet) -> str | None:
    """Typeface of one rFonts slot (ascii or hAnsi), theme references resolved."""
    # Within one rFonts the theme attribute wins; across levels the nearest level that names
    # either attribute decides.
    for rpr in rprs:
        fonts = rpr.find(w("rFonts"))
        if fonts is None:
            continue
        theme = attr(fonts, f"{slot}Theme")
        if theme:
            return styles.theme_font(theme)
        name = attr(fonts, slot)
        if name:
            return name
    return None


def _chain_toggle(rprs: list[XmlElement], tag: str) -> bool | None:
    """A toggle property within one style level: the nearest style that sets it decides."""
    for rpr in rprs:
        value = on_off(rpr.find(w(tag)))
        if value is not None:
            return value
    return None


def _toggle(direct: XmlElement | None, levels: list[list[XmlElement]],
            default: XmlElement | None, tag: str) -> bool:
    """Effective value of a toggle property (w:b, w:i)."""
    # ECMA-376 §17.7.3: direct formatting is absolute; a true document default wins; otherwise
    # the style levels (table, paragraph, character) are combined with exclusive or.
    if direct is not None:
        value = on_off(direct.find(w(tag)))
        if value is not None:
            return value
    if default is not None and on_off(default.find(w(tag))):
        return True
    result = False
    for level in levels:
        result ^= bool(_chain_toggle(level, tag))
    return result


def run_format(run: XmlElement, styles: StyleSheet) -> RunFormat:
    """Effective font, size, bold and italic of a w:r element."""
    paragraph = nearest(run, "p")
    direct = run.find(w("rPr"))
    char_levels = _style_rprs(styles.chain(attr(child(direct, "rStyle"), "val")))
    para_levels = _style_rprs(styles.chain(paragraph_style_id(paragraph, styles)))
    table_levels = _style_rprs(styles.chain(table_style_id(nearest(run, "tbl"), styles)))
    default = styles.default_rpr()
    ordered = [rpr for rpr in (direct, *char_levels, *para_levels, *table_levels, default)
               if rpr is not None]
    style_levels = [table_levels, para_levels, char_levels]
    return RunFormat(
        ascii_font=_font_slot(ordered, "ascii", styles),
        hansi_font=_font_slot(ordered, "hAnsi", styles),
        half_points=parse_half_points(_first_value(ordered, "sz", "val")),
        bold=_toggle(direct, style_levels, default, "b"),
        italic=_toggle(direct, style_levels, default, "i"),
    )


def _paragraph_pprs(paragraph: XmlElement, styles: StyleSheet) -> list[XmlElement]:
    """Paragraph property sets that apply to a paragraph, highest priority first."""
    direct = paragraph.find(w("pPr"))
    para = _style_pprs(styles.chain(paragraph_style_id(paragraph, styles)))
    table = _style_pprs(styles.chain(table_style_id(nearest(paragraph, "tbl"), styles)))
    return [ppr for ppr in (direct, *para, *table, styles.default_ppr()) if ppr is not None]


def alignment(paragraph: XmlElement, styles: StyleSheet) -> str:
    """Effective w:jc of a paragraph ('left' when nothing sets it); 'centre' is spelt 'center'."""
    value = _first_value(_paragraph_pprs(paragraph, styles), "jc", "val")
    return "left" if value is None else value


def has_border(paragraph: XmlElement, side: str, styles: StyleSheet) -> bool:
    """Whether the paragraph's effective w:pBdr draws a line on a side (top, bottom …)."""
    for ppr in _paragraph_pprs(paragraph, styles):
        line = child(ppr, "pBdr", side)
        if line is not None:
            return (attr(line, "val") or "none") not in _NO_BORDER
    return False


def indents(paragraph: XmlElement, styles: StyleSheet) -> tuple[float, float]:
    """Effective left and right indentation of a paragraph, in twips."""
    left: float | None = None
    right: float | None = None
    for ppr in _paragraph_pprs(paragraph, styles):
        ind = ppr.find(w("ind"))
        if ind is None:
            continue
        if left is None:
            left = parse_twips(attr(ind, "left") or attr(ind, "start"))
        if right is None:
            right = parse_twips(attr(ind, "right") or attr(ind, "end"))
    return (left or 0.0, right or 0.0)


def table_borders(table: XmlElement, styles: StyleSheet) -> list[str]:
    """Sides of a table's effective w:tblBorders and cells' w:tcBorders that draw a line."""
    drawn: list[str] = []
    sources = [child(table, "tblPr", "tblBorders")]
    sources += [child(style, "tblPr", "tblBorders")
                for style in styles.chain(table_style_id(table, styles))]
    decided: set[str] = set()
    for borders in sources:
        for line in [] if borders is None else list(borders):
            if not isinstance(line.tag, str):
                continue
            side = line.tag.rpartition("}")[2]
            if side in decided:
                continue
            decided.add(side)
            if (attr(line, "val") or "none") not in _NO_BORDER:
                drawn.append(side)
    for cell_borders in table.iter(w("tcBorders")):
        if nearest(cell_borders, "tbl") is not table:
            continue
        for line in cell_borders:
            if isinstance(line.tag, str) and (attr(line, "val") or "none") not in _NO_BORDER:
                drawn.append(f"cell {line.tag.rpartition('}')[2]}")
    return drawn


def cell_margins(cell: XmlElement, table: XmlElement, styles: StyleSheet) -> tuple[float, float]:
    """Effective left and right cell margins in twips (Word's default is 108 each)."""
    sources = [child(cell, "tcPr", "tcMar"), child(table, "tblPr", "tblCellMar")]
    sources += [child(style, "tblPr", "tblCellMar")
                for style in styles.chain(table_style_id(table, styles))]
    found: dict[str, float] = {}
    for margins in sources:
        for names, key in ((("left", "start"), "left"), (("right", "end"), "right")):
            if key in found:
                continue
            for name in names:
                value = parse_twips(attr(child(margins, name), "w"))
                if value is not None and (attr(child(margins, name), "type") or "dxa") == "dxa":
                    found[key] = value
                    break
    return (found.get("left", 108.0), found.get("right", 108.0))
