"""Tests for generator.nd30.effective: formatting as Word resolves it through styles."""
from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from generator.nd30.effective import StyleSheet, alignment, run_format

# --- effective formatting -------------------------------------------------------------------------


def test_style_chain_gives_font_size_and_bold() -> None:
    doc = docx.Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    base = doc.styles.add_style("Base", WD_STYLE_TYPE.PARAGRAPH)
    base.base_style = doc.styles["Normal"]
    base.font.size = Pt(13)
    base.font.bold = True
    derived = doc.styles.add_style("Derived", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = base
    derived.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph = doc.add_paragraph("x", style="Derived")
    styles = StyleSheet(doc.styles.element)
    fmt = run_format(paragraph.runs[0]._r, styles)
    assert (fmt.font_name, fmt.size_pt, fmt.bold, fmt.italic) == (
        "Times New Roman", 13, True, False)
    assert alignment(paragraph._p, styles) == "center"


def test_toggle_properties_combine_by_exclusive_or() -> None:
    doc = docx.Document()
    para_style = doc.styles.add_style("BoldPara", WD_STYLE_TYPE.PARAGRAPH)
    para_style.font.bold = True
    char_style = doc.styles.add_style("BoldChar", WD_STYLE_TYPE.CHARACTER)
    char_style.font.bold = True
    paragraph = doc.add_paragraph(style="BoldPara")
    both = paragraph.add_run("a", style="BoldChar")
    only_paragraph = paragraph.add_run("b")
    direct = paragraph.add_run("c", style="BoldChar")
    direct.bold = True
    switched_off = paragraph.add_run("d")
    switched_off.bold = False
    styles = StyleSheet(doc.styles.element)
    assert [run_format(run._r, styles).bold for run in (both, only_paragraph, direct,
                                                        switched_off)] == [False, True, True, False]


def test_table_style_run_properties_sit_below_paragraph_style() -> None:
    doc = docx.Document()
    table_style = doc.styles.add_style("Tbl", WD_STYLE_TYPE.TABLE)
    table_style.font.size = Pt(12)
    table_style.font.italic = True
    table = doc.add_table(rows=1, cols=1)
    table.style = table_style
    run = table.cell(0, 0).paragraphs[0].add_run("x")
    styles = StyleSheet(doc.styles.element)
    assert (run_format(run._r, styles).size_pt, run_format(run._r, styles).italic) == (12, True)
    doc.styles["Normal"].font.size = Pt(14)
    assert run_format(run._r, StyleSheet(doc.styles.element)).size_pt == 14


def test_toggle_value_spellings() -> None:
    doc = docx.Document()
    paragraph = doc.add_paragraph()
    styles = StyleSheet(doc.styles.element)
    results = []
    for value in (None, "1", "true", "on", "0", "false", "off"):
        run = paragraph.add_run("x")
        bold = OxmlElement("w:b")
        if value is not None:
            bold.set(qn("w:val"), value)
        run._r.get_or_add_rPr().append(bold)
        results.append(run_format(run._r, styles).bold)
    assert results == [True, True, True, True, False, False, False]
