"""Issuer names in the header block: cut between phrases, in a column wide enough for them."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from helpers import ROOT, W

from generator.document.context import build
from generator.document.header_lines import (
    HEADER_LEFT_MM,
    HEADER_RIGHT_MM,
    LEFT_TEXT_MM,
    header_lines,
    text_width_mm,
)
from generator.document.render import render_document
from generator.plan.load import load_text
from generator.plan.validate import validate

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"


@pytest.mark.parametrize(("name", "lines"), [
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"]),
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", ["SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]),
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]),
    ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", ["SỞ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"]),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]),
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG TỈNH GIA LAI", ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "TỈNH GIA LAI"]),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH THỪA THIÊN HUẾ",
     ["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "TỈNH THỪA THIÊN HUẾ"]),
    ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG"]),
    ("SỞ NỘI VỤ", ["SỞ NỘI VỤ"]),
])
def test_names_in_the_header_column(name: str, lines: list[str]) -> None:
    assert header_lines(name) == lines


@pytest.mark.parametrize(("name", "lines"), [
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ["SỞ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"]),
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", ["SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]),
    ("ỦY BAN NHÂN DÂN THỊ XÃ SA PA", ["ỦY BAN NHÂN DÂN", "THỊ XÃ SA PA"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH THỪA THIÊN HUẾ",
     ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH", "TỈNH THỪA THIÊN HUẾ"]),
])
def test_names_in_a_narrow_column_break_between_phrases(name: str, lines: list[str]) -> None:
    assert header_lines(name, 60) == lines


def test_the_last_word_is_never_alone() -> None:
    # Fits as "AAAA BBBB CCCC" / "DDDD" by width, but an orphan is refused.
    name = "SỞ GIAO THÔNG VẬN TẢI"
    width = text_width_mm("SỞ GIAO THÔNG VẬN") + 0.1
    assert header_lines(name, width) == ["SỞ GIAO THÔNG", "VẬN TẢI"]
    assert header_lines("SỞ", 1) == ["SỞ"]
    assert header_lines("SỞ XÂY", 1) == ["SỞ", "XÂY"]  # no other way


def test_widths_are_times_new_roman_bold() -> None:
    ems = text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1) / (25.4 / 72)
    assert ems == pytest.approx(20.861, abs=0.002)  # generator/nd30/header_block.py
    assert text_width_mm("Ư") > text_width_mm("U") == text_width_mm("Ú") == text_width_mm("Ủ")


def test_columns_hold_the_one_line_names_and_the_quoc_hieu() -> None:
    assert text_width_mm("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") < LEFT_TEXT_MM
    assert text_width_mm("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") > LEFT_TEXT_MM
    assert text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < HEADER_RIGHT_MM - 3.81


def rendered(name: str) -> bytes:
    data = yaml.safe_load(MINIMAL)
    data["issuer"]["name"] = name
    data["issuer"].pop("header", None)
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return render_document(build(validate(load_text(source, "t.yaml"))))


def header_cell(docx: bytes) -> ET.Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    cell = root.find(f"{W}body/{W}tbl/{W}tr/{W}tc")
    assert cell is not None
    return cell


def body_lines(docx: bytes) -> list[str]:
    cell = header_cell(docx)
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p")
            if p.find(f"{W}pPr/{W}pStyle[@{W}val='PlangenHeaderBody']") is not None]


@pytest.mark.parametrize(("name", "lines"), [
    ("Sở Tài nguyên và Môi trường", ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"]),
    ("Sở Nông nghiệp và Phát triển nông thôn", ["SỞ NÔNG NGHIỆP", "VÀ PHÁT TRIỂN NÔNG THÔN"]),
    ("Sở Tài nguyên và Môi trường tỉnh Gia Lai", ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "TỈNH GIA LAI"]),
])
def test_rendered_header_paragraphs(name: str, lines: list[str]) -> None:
    docx = rendered(name)
    assert body_lines(docx) == lines
    width = header_cell(docx).find(f"{W}tcPr/{W}tcW")
    assert width is not None
    text_mm = int(width.get(f"{W}w", "0")) / 1440 * 25.4 - 3.81
    assert all(text_width_mm(line) < text_mm for line in lines)


def test_template_columns() -> None:
    with zipfile.ZipFile(ROOT / "templates" / "plan" / "plan.docx") as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    grid = [int(c.get(f"{W}w", "0")) for c in root.iter(f"{W}gridCol")][:2]
    assert [round(w / 1440 * 25.4) for w in grid] == [HEADER_LEFT_MM, HEADER_RIGHT_MM]


@pytest.mark.skipif(SOFFICE is None and not REQUIRED,
                    reason="LibreOffice is not installed (CI installs it)")
def test_libreoffice_sets_the_names_as_intended(tmp_path: Path) -> None:
    from pypdf import PdfReader

    for stem, name in (("tnmt", "Sở Tài nguyên và Môi trường"),
                       ("nnptnt", "Sở Nông nghiệp và Phát triển nông thôn")):
        (tmp_path / f"{stem}.docx").write_bytes(rendered(name))
    subprocess.run([SOFFICE or "soffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(tmp_path / "tnmt.docx"), str(tmp_path / "nnptnt.docx")],
                   check=True, capture_output=True, timeout=180)

    def lines(stem: str) -> list[str]:
        text = PdfReader(str(tmp_path / f"{stem}.pdf")).pages[0].extract_text() or ""
        return [re.sub(r"\s+", " ", unicodedata.normalize("NFC", line)).strip()
                for line in text.splitlines()]

    tnmt, nnptnt = lines("tnmt"), lines("nnptnt")
    assert any(line.startswith("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG") for line in tnmt), tnmt
    assert any(line.startswith("SỞ NÔNG NGHIỆP") and "VÀ" not in line for line in nnptnt), nnptnt
    assert any(line.startswith("VÀ PHÁT TRIỂN NÔNG THÔN") for line in nnptnt), nnptnt
