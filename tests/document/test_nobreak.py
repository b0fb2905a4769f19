"""Symbols, dates and numbers with their unit are never split across lines."""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, docx_lines

from generator.document.context import build
from generator.document.nobreak import mark, parts
from generator.document.render import render_document
from generator.plan.load import load_text
from generator.plan.validate import validate

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"
S, H = "\u00a0", "\u2011"  # no-break space, non-breaking hyphen


@pytest.mark.parametrize(("text", "expected"), [
    ("Quyết định 233/QĐ-UBND", f"Quyết định 233/QĐ{H}UBND"),
    ("Nghị quyết số 76/NQ-CP;", f"Nghị quyết số{S}76/NQ{H}CP;"),
    ("Nghị quyết 14-NQ/TU của Tỉnh ủy", f"Nghị quyết 14{H}NQ/TU của Tỉnh ủy"),
    ("Kế hoạch 08/KH-UBND.", f"Kế hoạch 08/KH{H}UBND."),
    ("Số:      /QĐ-UBND", f"Số:{S * 6}/QĐ{H}UBND"),
    ("Số: 233/QĐ-UBND", f"Số:{S}233/QĐ{H}UBND"),
    ("Nghị định 30/2020/NĐ-CP", f"Nghị định 30/2020/NĐ{H}CP"),
    ("Quyết định 1234/QĐ-TTg", f"Quyết định 1234/QĐ{H}TTg"),
    ("Kế hoạch 5/KH-SKH&ĐT", f"Kế hoạch 5/KH{H}SKH&ĐT"),
    ("ngày 19 tháng 12 năm 2022 của", f"ngày{S}19{S}tháng{S}12{S}năm{S}2022 của"),
    ("ngày      tháng 01 năm 2024", f"ngày{S * 6}tháng{S}01{S}năm{S}2024"),
    ("Bình Định, ngày     tháng     năm 2024", f"Bình Định, ngày{S * 5}tháng{S * 5}năm{S}2024"),
    ("Ngày 05 tháng 3 năm 2020", f"Ngày{S}05{S}tháng{S}3{S}năm{S}2020"),
    ("trong tháng 12 năm 2023", f"trong tháng{S}12{S}năm{S}2023"),
    ("ban hành ngày 19/6/2015", f"ban hành ngày{S}19/6/2015"),
    ("Quý II/2023", f"Quý{S}II/2023"),
    ("Quý IV", f"Quý{S}IV"),
    ("mở 01 lớp cho 40 người", f"mở 01{S}lớp cho 40{S}người"),
    ("1000 lượt truy cập, 12 bài viết", f"1000{S}lượt truy cập, 12{S}bài viết"),
    ("đạt 100 % kế hoạch", f"đạt 100{S}% kế hoạch"),
    ("kinh phí 50 triệu đồng", f"kinh phí 50{S}triệu{S}đồng"),
    ("1.500 người", f"1.500{S}người"),
    # Left alone: ordinary hyphens, dashes, words that only look like units or symbols.
    ("Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
    ("giai đoạn 2021 - 2030", "giai đoạn 2021 - 2030"),
    ("COVID-19, và/hoặc, TCVN/ISO-9001", "COVID-19, và/hoặc, TCVN/ISO-9001"),
    ("kể từ ngày ký ban hành", "kể từ ngày ký ban hành"),
    ("12 mục tiêu", "12 mục tiêu"),
    ("", ""),
])
def test_marks(text: str, expected: str) -> None:
    assert mark(text) == expected


def test_parts_cut_at_the_hyphens_of_symbols_only() -> None:
    assert parts("Số 233/QĐ-UBND-NC và a-b") == [f"Số{S}233/QĐ", "UBND", "NC và a-b"]


def test_marking_changes_only_spaces_and_hyphens() -> None:
    text = "Thực hiện Kế hoạch số 15/KH-UBND, ngày 26/01/2021 của UBND tỉnh: 40 người."
    assert mark(text).replace(S, " ").replace(H, "-") == text


def minimal(**content: str) -> bytes:
    data = yaml.safe_load(MINIMAL)
    for key, value in content.items():
        data["appendix"]["rows"][int(key[1:])]["content"] = value
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return render_document(build(validate(load_text(source, "t.yaml"))))


def test_rendered_symbols_hold_non_breaking_hyphens() -> None:
    docx = minimal(r0="Theo Kế hoạch 08/KH-UBND, mở 01 lớp")
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert f"Số:{S}05/QĐ{H}UBND" in xml  # a template value (header)
    assert f"Quyết định số{S}05/QĐ{H}UBND" in xml  # a generated reference
    assert f"Theo Kế hoạch 08/KH{H}UBND, mở 01{S}lớp" in xml  # an appendix cell
    assert f"ngày{S}05{S}tháng{S}01{S}năm{S}2024" in xml
    lines = docx_lines(docx)  # readers see a hyphen and spaces
    assert "Số: 05/QĐ-UBND" in lines
    assert "Theo Kế hoạch 08/KH-UBND, mở 01 lớp" in lines


@pytest.mark.skipif(SOFFICE is None and not REQUIRED,
                    reason="LibreOffice is not installed (CI installs it)")
def test_libreoffice_keeps_symbols_whole_at_a_line_end(tmp_path: Path) -> None:
    from pypdf import PdfReader

    # One cell per padding: somewhere the symbol meets the edge of the 90 mm content column.
    data = yaml.safe_load(MINIMAL)
    data["appendix"]["rows"] = [
        {"id": f"r{i}", "content": "Thực hiện " + "x " * i + "Quyết định số 233/QĐ-UBND và "
         "Nghị quyết 14-NQ/TU ngày 19 tháng 12 năm 2022 cho 40 người", "lead": "snv"}
        for i in range(24)]
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (tmp_path / "narrow.docx").write_bytes(
        render_document(build(validate(load_text(source, "t.yaml")))))
    subprocess.run([SOFFICE or "soffice", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(tmp_path / "narrow.docx")],
                   check=True, capture_output=True, timeout=180)
    reader = PdfReader(str(tmp_path / "narrow.pdf"))
    text = unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in reader.pages))
    text = text.replace(H, "-").replace(S, " ")
    lines = [line.strip() for line in text.splitlines()]
    for whole in ("233/QĐ-UBND", "14-NQ/TU", "ngày 19 tháng 12 năm 2022", "40 người"):
        assert sum(whole in line for line in lines) == 24, whole
    assert not any(re.search(r"(QĐ-|NQ/|14-|ngày|tháng|năm|\b40)$", line) for line in lines)
