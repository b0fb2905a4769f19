"""The DOCX comparison table of plangen diff (templates/comparison, docs/diff.md), built from
hand-made Reports (diff_reports.py): its layout, its marked words, ND30, LibreOffice."""
from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from diff_reports import ADDED, CHANGED, EMPTY, LONG_NEW, LONG_OLD, MOVED, REMOVED, REPORT
from ooxml import assert_valid_ooxml
from pypdf import PdfReader

from generator.document.pdf import convert_to_pdf
from generator.nd30.checks import CHECKS, run_check
from generator.nd30.loading import load
from generator.workflows import diff_output as out
from generator.workflows.diff import Difference, Report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRE_LIBREOFFICE = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"


def many(count: int) -> Report:
    return Report("ke-hoach-2024.yaml", "ke-hoach-2024-sua.yaml",
                  tuple([CHANGED, ADDED, REMOVED, MOVED][i % 4] for i in range(count)))


def document(data: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return ET.fromstring(archive.read("word/document.xml"))


def runs_of(cell: ET.Element) -> list[tuple[str, set[str]]]:
    """(text, {'strike', 'b', 'u'} …) of every run of a table cell."""
    found = []
    for run in cell.iter(f"{W}r"):
        props = run.find(f"{W}rPr")
        marks = set() if props is None else {child.tag.removeprefix(W) for child in props}
        found.append(("".join(t.text or "" for t in run.iter(f"{W}t")), marks))
    return found


@pytest.mark.parametrize("report", [REPORT, EMPTY, many(60)], ids=["four", "none", "sixty"])
def test_docx_is_valid_office_open_xml(report: Report) -> None:
    assert_valid_ooxml(out.as_docx(report))


@pytest.mark.parametrize("report", [REPORT, EMPTY, many(60)], ids=["four", "none", "sixty"])
def test_docx_passes_the_nd30_page_and_type_checks(report: Report) -> None:
    doc = load(io.BytesIO(out.as_docx(report)))
    checks = dict(CHECKS)
    # 1: A4, orientation (landscape: an appendix) and margins; 2: Times New Roman, 11–14 pt, NFC.
    assert run_check(1, checks[1], doc) == []
    assert run_check(2, checks[2], doc) == []


def test_docx_page_fonts_and_layout() -> None:
    data = out.as_docx(REPORT)
    root = document(data)
    sect = root.find(f"{W}body/{W}sectPr")
    assert sect is not None
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert size is not None and margins is not None
    assert (size.get(f"{W}w"), size.get(f"{W}h"), size.get(f"{W}orient")) == (
        "16838", "11906", "landscape")
    assert {side: margins.get(f"{W}{side}") for side in ("top", "bottom", "left", "right")} == {
        "top": "1134", "bottom": "1134", "left": "1701", "right": "850"}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = ET.fromstring(archive.read("word/styles.xml"))
    fonts = [*styles.iter(f"{W}rFonts")]
    assert len(fonts) == 1 + len(styles.findall(f"{W}style")) - 1  # every style but No List
    for element in fonts:
        assert {key.removeprefix(W): value for key, value in element.attrib.items()} == {
            "ascii": "Times New Roman", "hAnsi": "Times New Roman",
            "eastAsia": "Times New Roman", "cs": "Times New Roman"}
    sizes = {int(s.get(f"{W}val", "0")) / 2 for s in styles.iter(f"{W}sz")}
    assert sizes - {1} <= {11, 12, 13, 14}  # 1 pt: the empty paragraph closing the table
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t"))
             for p in root.findall(f"{W}body/{W}p")]
    assert texts[:3] == ["PHỤ LỤC", "BẢNG SO SÁNH", "(cu.yaml so với moi.yaml)"]
    header = root.find(f"{W}body/{W}tbl/{W}tr")
    assert header is not None and header.find(f"{W}trPr/{W}tblHeader") is not None
    assert ["".join(t.text or "" for t in cell.iter(f"{W}t"))
            for cell in header.findall(f"{W}tc")] == [
        "TT", "Vị trí", "Nội dung cũ", "Nội dung mới", "Ghi chú"]


def test_docx_marks_the_changed_words_in_the_runs() -> None:
    rows = document(out.as_docx(REPORT)).findall(f"{W}body/{W}tbl/{W}tr")[1:]
    cells = [row.findall(f"{W}tc") for row in rows]
    number, location, old, new, note = cells[0]
    assert runs_of(old) == [("Theo dõi, đôn đốc ", set()), ("kiểm tra,", {"strike"}),
                            (" " + LONG_OLD.split("kiểm tra, ")[1], set())]
    assert runs_of(new) == [("Theo dõi, đôn đốc ", set()), ("giám sát,", {"b", "bCs", "u"}),
                            (" " + LONG_NEW.split("giám sát, ")[1], set())]
    assert runs_of(number) == [("1", set())]
    assert runs_of(location) == [(CHANGED.location, set())]
    assert runs_of(note) == [("Sửa", set())]
    added_old, added_new = cells[1][2:4]
    assert runs_of(added_old) == [] and runs_of(added_new) == [(ADDED.new, {"b", "bCs", "u"})]
    assert runs_of(cells[2][2]) == [(REMOVED.old, {"strike"})] and runs_of(cells[2][3]) == []
    assert runs_of(cells[3][2]) == runs_of(cells[3][3]) == [(MOVED.old, set())]
    assert runs_of(cells[3][4]) == [(f"Chuyển chỗ: {MOVED.note}", set())]


def test_docx_keeps_odd_text_literal_and_is_byte_stable() -> None:
    change = Difference("changed", "Mục <I> & {{ x }}", "a\u0301 & <b>\x07", "Tin bài\nPhóng sự")
    data = out.as_docx(Report("a&b.yaml", "c.yaml", (change,)))
    assert_valid_ooxml(data)
    text = "".join(t.text or "" for t in document(data).iter(f"{W}t"))
    assert "Mục <I> & {{ x }}" in text and "á & <b>" in text and "\x07" not in text
    assert data == out.as_docx(Report("a&b.yaml", "c.yaml", (change,)))


@pytest.mark.skipif(SOFFICE is None and not REQUIRE_LIBREOFFICE,
                    reason="LibreOffice is not installed (CI installs it)")
def test_libreoffice_opens_the_docx(tmp_path: Path) -> None:
    docx = tmp_path / "bang-so-sanh.docx"
    docx.write_bytes(out.as_docx(many(40)))
    pdf = tmp_path / "bang-so-sanh.pdf"
    convert_to_pdf(SOFFICE, docx, pdf)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (297, 210)
    first = " ".join((reader.pages[0].extract_text() or "").split())
    second = " ".join((reader.pages[1].extract_text() or "").split())
    assert "BẢNG SO SÁNH" in first and "giám sát" in first
    assert "Nội dung cũ" in second  # the header row repeats


def test_docx_quotes_both_versions_as_they_are_written() -> None:
    # The official parts keep a symbol, a date or a quantity on one line (U+00A0, U+2011); the
    # comparison table quotes the texts it compares, unchanged.
    text = "Quyết định số 233/QĐ-UBND ngày 19/12/2022, Quý I/2023, 40 người"
    data = out.as_docx(Report("a", "b", (Difference("added", "Mục I", "", text),)))
    assert text in "".join(t.text or "" for t in document(data).iter(f"{W}t"))
