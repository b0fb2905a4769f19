"""The PDF reader: the examples' PDFs (made by LibreOffice) read back as their golden texts, their
header and signature columns, appendix tables over page breaks, stamps and page numbers left
out; hyphens, scans and bad files."""
from __future__ import annotations

import difflib
import io
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from helpers import EXAMPLES, ROOT
from pdf_making import Box, Text, image_pdf, overlay, synthetic_pdf, texts
from pypdf import PdfReader, PdfWriter

from generator import api
from generator.importing import pdf_source
from generator.importing.ocr import find_ocr
from generator.importing.outline import Cell, Paragraph, Table
from generator.importing.pdf_page import _text, font_style
from generator.importing.pdf_source import ScannedPdf, UnreadablePdf, read_pdf
from generator.importing.pdf_tables import join_tables
from generator.plan.load import load_file
from generator.shell.errors import ExitStatus

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"
needs_libreoffice = pytest.mark.skipif(SOFFICE is None and not REQUIRED,
                                       reason="LibreOffice is not installed (CI installs it)")
TESSERACT_REQUIRED = os.environ.get("PLANGEN_REQUIRE_TESSERACT") == "1"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Each example's PDF, by its stem, from one LibreOffice run."""
    if SOFFICE is None:
        pytest.fail("LibreOffice is required (PLANGEN_REQUIRE_LIBREOFFICE=1)")
    out = tmp_path_factory.mktemp("pdf")
    api.render_files(api.RenderRequest(list(EXAMPLES), out, pdf=True, soffice=SOFFICE,
                                       workers=2))
    return {e.stem: (out / f"{e.stem}.pdf").read_bytes() for e in EXAMPLES}


@pytest.fixture(scope="module")
def read(pdfs: dict[str, bytes]) -> dict[str, list[Paragraph]]:
    return {stem: read_pdf(data, f"{stem}.pdf") for stem, data in pdfs.items()}


def golden(stem: str) -> list[str]:
    return [line for line in (GOLDEN / f"{stem}.txt").read_text("utf-8").splitlines()
            if line.strip()]


def ratio(ours: Sequence[str], theirs: Sequence[str]) -> float:
    """difflib's ratio of the two texts' word sequences."""
    return difflib.SequenceMatcher(None, " ".join(ours).split(), " ".join(theirs).split(),
                                   autojunk=False).ratio()


def folded(lines: Sequence[str]) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in lines]


def page_texts(data: bytes) -> list[str]:
    """The text layer of each page as PDFium gives it."""
    document = pdfium.PdfDocument(data)
    return [page.get_textpage().get_text_range() for page in document]


@needs_libreoffice
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_pdf_reads_back_as_its_golden_text(read: dict[str, list[Paragraph]],
                                                      example: Path) -> None:
    assert ratio(texts(read[example.stem]), golden(example.stem)) >= 0.99


@needs_libreoffice
def test_every_line_of_the_header_and_the_signature_is_a_paragraph(
        read: dict[str, list[Paragraph]]) -> None:
    ours = texts(read["tuyen-quang-2027"])
    expected = folded(golden("tuyen-quang-2027"))
    assert ours[:6] == expected[:6] == [
        "ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: /QĐ-UBND", "Tuyên Quang, ngày tháng năm 2026"]
    start = ours.index("Nơi nhận:")
    assert ours[start:start + 15] == expected[start:start + 15]
    assert ours[start + 10:start + 14] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                           "Hoàng Minh Đức"]
    first, place, sent_to = read["tuyen-quang-2027"][0], read["tuyen-quang-2027"][5], \
        read["tuyen-quang-2027"][start]
    assert (first.bold, first.italic) == ("ỦY BAN NHÂN DÂN", False)
    assert (place.bold, place.italic) == ("", True)
    assert (sent_to.bold, sent_to.italic) == ("Nơi nhận:", True)


@needs_libreoffice
def test_a_wrapped_item_of_noi_nhan_is_one_paragraph(read: dict[str, list[Paragraph]]) -> None:
    item = "Ủy ban Mặt trận Tổ quốc tỉnh và các Đoàn thể Chính trị - Xã hội tỉnh;"
    assert [(p.level, p.text) for p in read["ha-giang-2023"] if p.text == item] == [
        ("dash", item)]


@needs_libreoffice
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_page_numbers_are_left_out(pdfs: dict[str, bytes], read: dict[str, list[Paragraph]],
                                   example: Path) -> None:
    pages = page_texts(pdfs[example.stem])
    numbered = [n for n, text in enumerate(pages[1:], start=2)
                if re.search(r"^\s*\d{1,2}\s*$", text, re.M)]
    assert numbered, "the PDF prints no page number: nothing to leave out"
    assert [p.text for p in read[example.stem]
            if p.table is None and re.fullmatch(r"\d{1,3}", p.text)] == []


def expected_rows(example: Path) -> tuple[int, int, list[list[bool]]]:
    """The appendix's rows (its header row included), its columns, and for each row whose cells
    are merged with those above, which are (a sub-row under its parent's lead, time …)."""
    appendix = load_file(example).data["appendix"]
    keys = [column["key"] for column in appendix["columns"]]
    rows, merged = 1, []
    for row in appendix["rows"]:
        rows += 1 + len(row.get("rows", []))
        for sub in row.get("rows", []):
            merged.append([key not in ("number", "content") and key in row and key not in sub
                           for key in keys])
    return rows, len(keys), merged


@needs_libreoffice
@pytest.mark.parametrize("example", [e for e in EXAMPLES if "appendix" in load_file(e).data],
                         ids=lambda p: p.stem)
def test_the_appendix_is_one_table_of_the_examples_rows_and_merges(
        pdfs: dict[str, bytes], read: dict[str, list[Paragraph]], example: Path) -> None:
    tables = [p.table for p in read[example.stem] if p.table is not None]
    assert len(tables) == 1
    rows, columns, merged = expected_rows(example)
    table = tables[0]
    assert len(table.rows) == rows
    assert {sum(cell.span for cell in row) for row in table.rows} == {columns}
    assert [[cell.continued for cell in row] for row in table.rows
            if any(cell.continued for cell in row)] == merged
    # Its header was printed again on each page it goes on to: read once.
    header = load_file(example).data["appendix"]["columns"][1]["header"]
    printed = sum(header in text for text in page_texts(pdfs[example.stem]))
    assert printed >= 2, "the table does not cross a page: nothing to join"
    assert sum(row[1].paragraphs == (header,) for row in table.rows) == 1


@needs_libreoffice
def test_the_merged_rows_of_tuyen_quang_keep_their_texts(
        read: dict[str, list[Paragraph]]) -> None:
    table = next(p.table for p in read["tuyen-quang-2027"] if p.table is not None)
    five = [[cell.paragraphs for cell in row] for row in table.rows[5:8]]
    assert five[0] == [("5",), ("Tập huấn, hội thi về cải cách hành chính",), (),
                       ("Sở Nội vụ",), ("- Các sở, ban, ngành", "- UBND các xã, phường"),
                       ("Quý II, III/2027",), ()]
    assert five[1][:3] == [("5.1",), ("Tập huấn kỹ năng tuyên truyền cho công chức các xã, "
                                      "phường",), ("10 lớp tập huấn theo cụm xã",)]
    assert five[1][3:6] == [(), (), ()]
    assert table.rows[8][5].paragraphs == ("Quý III, IV/2027",)
    assert table.rows[9][5].paragraphs == ("Quý IV/2027",)  # "Quý IV/" broken before "2027"


@needs_libreoffice
def test_a_stamp_and_an_e_signature_over_the_signer_are_left_out(
        pdfs: dict[str, bytes], read: dict[str, list[Paragraph]]) -> None:
    stamped = overlay(pdfs["tuyen-quang-2027"], 0, [
        Text(360, 600, "UBND TỈNH TUYÊN QUANG", size=11, colour=(220, 0, 0), angle=-25),
        Text(380, 640, "ỦY BAN NHÂN DÂN", size=11, colour=(220, 0, 0)),
        Text(330, 690, "Ký bởi: Ủy ban nhân dân tỉnh Tuyên Quang", size=8, colour=(0, 0, 255)),
        Text(330, 700, "Cơ quan Tỉnh Tuyên Quang", size=8, colour=(0, 0, 255)),
        Text(330, 710, "Thời gian ký: 05.01.2027 08:15:00 +07:00", size=8, colour=(0, 0, 255))])
    printed = page_texts(stamped)[0]
    assert "UBND TỈNH TUYÊN QUANG" in printed and "Thời gian ký" in printed
    assert read_pdf(stamped, "stamped.pdf") == read["tuyen-quang-2027"]


def test_line_end_hyphens_are_kept_and_a_spaced_dash_stays_a_word() -> None:
    data = synthetic_pdf([[
        Text(85, 100, "Căn cứ Nghị quyết số 76/NQ-", width=467),
        Text(85, 116, "CP ngày 15/7/2021 về phát triển kinh tế -", width=467),
        Text(85, 132, "xã hội giai đoạn 2021-", width=467),
        Text(85, 148, "2025 của tỉnh; hiệu quả ﬁnal."),
        Text(121, 172, "Đoạn hai."),
    ]])
    assert "\ufffe" in page_texts(data)[0]  # PDFium's own hyphen at the line's end
    assert [p.text for p in read_pdf(data, "x.pdf")] == [
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 về phát triển kinh tế - xã hội giai "
        "đoạn 2021-2025 của tỉnh; hiệu quả final.", "Đoạn hai."]


@pytest.mark.parametrize(("code", "text"), [
    (0xFFFE, "-"), (0x02, "-"), (0xAD, "-"), (ord("-"), "-"), (0xFB01, "fi"), (0xFB02, "fl"),
    (0xA0, " "), (ord("ệ"), "ệ"),
    (0x2160, "\u2160"),  # Ⅰ: no other compatibility form is undone
])
def test_a_characters_text(code: int, text: str) -> None:
    assert _text(code) == text


def test_two_columns_on_one_baseline_are_read_left_column_first() -> None:
    data = synthetic_pdf([[
        Text(90, 70, "ỦY BAN NHÂN DÂN", size=13, bold=True),
        Text(290, 70, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True),
        Text(95, 85, "TỈNH TUYÊN QUANG", size=13, bold=True),
        Text(330, 85, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True),
        Text(100, 125, "Số: 12/KH-UBND", size=13),
        Text(300, 125, "Tuyên Quang, ngày 5 tháng 1 năm 2027", size=14),
        Text(270, 170, "KẾ HOẠCH", bold=True),
        Text(121, 200, "Điều 1.", bold=True), Text(170, 200, "Ban hành kế hoạch."),
        Text(121, 220, "Xem https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
             width=430),  # a justified line of few words: wide gaps alike, no columns
    ]])
    assert [(p.level, p.label, p.text, p.bold) for p in read_pdf(data, "x.pdf")] == [
        (None, "", "ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        (None, "", "TỈNH TUYÊN QUANG", "TỈNH TUYÊN QUANG"),
        (None, "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (None, "", "Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
        (None, "", "Số: 12/KH-UBND", ""),
        (None, "", "Tuyên Quang, ngày 5 tháng 1 năm 2027", ""),
        (None, "", "KẾ HOẠCH", "KẾ HOẠCH"),
        ("article", "1", "Ban hành kế hoạch.", ""),
        (None, "", "Xem https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "")]


def test_a_table_of_boxed_cells_keeps_its_merges_and_its_place() -> None:
    def cell(x0: float, y0: float, x1: float, y1: float, *lines: str) -> list[Text | Box]:
        return [Box(x0, y0, x1, y1),
                *(Text(x0 + 5, y0 + 14 + 13 * n, line, size=11) for n, line in enumerate(lines))]

    data = synthetic_pdf([[
        Text(121, 80, "Bảng phân công:"),
        *cell(85, 100, 135, 130, "TT"), *cell(135, 100, 500, 130, "Nội dung và cơ quan"),
        *cell(85, 130, 135, 210, "1"), *cell(135, 130, 300, 170, "Việc một dài", "được ngắt"),
        *cell(300, 130, 500, 170, "- Sở A", "- Sở B"),
        *cell(135, 170, 300, 210, "Việc hai"), *cell(300, 170, 500, 210, "Sở C"),
        Text(121, 240, "Sau bảng."),
    ]])
    before, table, after = read_pdf(data, "x.pdf")
    assert (before.text, after.text, table.line) == ("Bảng phân công:", "Sau bảng.", 1)
    assert table.table == Table((
        (Cell(("TT",)), Cell(("Nội dung và cơ quan",), span=2)),
        (Cell(("1",)), Cell(("Việc một dài được ngắt",)), Cell(("- Sở A", "- Sở B"))),
        (Cell((), continued=True), Cell(("Việc hai",)), Cell(("Sở C",)))))


def row(*texts: str) -> tuple[Cell, ...]:
    return tuple(Cell((text,) if text else ()) for text in texts)


def test_a_tables_parts_are_joined_without_the_repeated_header_and_a_broken_row_rejoined(
        ) -> None:
    header = row("TT", "Nội dung", "Thời gian")
    first = Table((header, row("1", "Việc một", "Quý I"), row("2", "Việc hai được", "Quý")))
    assert join_tables(first, Table((header, row("3", "Việc ba", "Quý II")))).rows == (
        *first.rows, row("3", "Việc ba", "Quý II"))
    assert join_tables(first, Table((header, row("", "ngắt trang", "II/2027")))).rows == (
        header, row("1", "Việc một", "Quý I"), row("2", "Việc hai được ngắt trang",
                                                   "Quý II/2027"))
    assert join_tables(first, Table((row("3", "Việc ba", ""),))).rows == (
        *first.rows, row("3", "Việc ba", ""))


@pytest.mark.parametrize(("name", "flags", "style"), [
    ("BAAAAA+LiberationSerif-Bold", 0, (True, False)),
    ("TimesNewRomanPS-BoldItalicMT", 0, (True, True)),
    ("TimesNewRomanPS-ItalicMT", 0, (False, True)), ("Arial,Bold", 0, (True, False)),
    ("Times New Roman,BoldItalic", 0, (True, True)), ("VNTimeBd", 0, (True, False)),
    ("Helvetica-Oblique", 0, (False, True)), ("LiberationSerif", 0, (False, False)),
    ("TimesNewRomanPSMT", 0, (False, False)), ("ArialMT", 1 << 18, (True, False)),
    ("Calibri", 1 << 6, (False, True)),
])
def test_bold_and_italic_are_told_by_the_font(name: str, flags: int,
                                             style: tuple[bool, bool]) -> None:
    assert font_style(name, flags) == style


def test_running_headers_and_page_numbers_are_left_out() -> None:
    pages = [[Text(200, 40, "DỰ THẢO LẦN 2 - TRANG NỘI BỘ", size=10),
              *([Text(290, 30, str(n), size=13)] if n > 1 else []),
              *(Text(121, 100 + 30 * k, f"Đoạn {k}{' và' * (4 * k + n)} trang {n}.")
                for k in range(1, 6)),
              Text(85, 800, f"Trang {n}/4", size=10)]
             for n in range(1, 5)]
    assert [(p.text, p.line) for p in read_pdf(synthetic_pdf(pages), "x.pdf")] == [
        (f"Đoạn {k}{' và' * (4 * k + n)} trang {n}.", n) for n in range(1, 5) for k in range(1, 6)]


def test_a_lone_number_in_a_margin_is_a_page_number_and_elsewhere_text() -> None:
    pages = [[Text(121, 100, "Trang đầu không đánh số."), Text(121, 400, "2025")],
             [Text(290, 30, "2", size=13), Text(121, 100, "Trang hai."), Text(290, 820, "7")]]
    assert [(p.text, p.line) for p in read_pdf(synthetic_pdf(pages), "x.pdf")] == [
        ("Trang đầu không đánh số.", 1), ("2025", 1), ("Trang hai.", 2)]


def golden_of_page_one(data: bytes, stem: str) -> list[str]:
    """The golden lines of a document's first page: as many as its text layer has there."""
    on_first = [p for p in read_pdf(data, "x.pdf") if p.line == 1]
    return golden(stem)[:len(texts(on_first))]


@needs_libreoffice
def test_a_scanned_pdf_needs_ocr(pdfs: dict[str, bytes]) -> None:
    scanned = image_pdf(pdfs["tuyen-quang-snv-2021"], 0)
    assert page_texts(scanned) == [""]
    with pytest.raises(ScannedPdf) as caught:
        read_pdf(scanned, "scan.pdf")
    assert caught.value.exit_code == ExitStatus.TROUBLE
    assert caught.value.message.msgid.format(**caught.value.message.params) == (
        "scan.pdf: is a scanned PDF (no text layer): install Tesseract with Vietnamese data to "
        "read it (apt-get install tesseract-ocr tesseract-ocr-vie)")


@needs_libreoffice
def test_a_scanned_pdf_is_read_by_tesseract(pdfs: dict[str, bytes]) -> None:
    ocr = find_ocr()
    if ocr is None:
        if TESSERACT_REQUIRED:
            pytest.fail("Tesseract with Vietnamese is required (PLANGEN_REQUIRE_TESSERACT=1)")
        pytest.skip("Tesseract with Vietnamese data is not installed (CI installs it)")
    original = pdfs["tuyen-quang-2027"]
    done: list[tuple[int, int]] = []
    ours = read_pdf(image_pdf(original, 0), "scan.pdf", ocr=ocr,
                    progress=lambda n, total: done.append((n, total)))
    assert done == [(1, 1)]
    assert ratio(texts(ours), golden_of_page_one(original, "tuyen-quang-2027")) >= 0.9


def encrypted(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt("mật khẩu")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SMALL = synthetic_pdf([[Text(85, 100, "Một trang.")], [Text(85, 100, "Hai trang.")]])


@pytest.mark.parametrize(("data", "message"), [
    (b"", "x.pdf: is not a PDF file"),
    (b"PK\x03\x04 a ZIP, a DOCX", "x.pdf: is not a PDF file"),
    ("Kế hoạch, văn bản thường".encode(), "x.pdf: is not a PDF file"),
    (SMALL[:len(SMALL) // 2], "x.pdf: is a damaged PDF that cannot be read (Failed to load "
                              "document (PDFium: Data format error).)"),
    (encrypted(SMALL), "x.pdf: is protected by a password; save or print it as a PDF without "
                       "one and import that"),
], ids=["empty", "zip", "text", "truncated", "password"])
def test_a_file_that_is_no_readable_pdf_is_trouble(data: bytes, message: str) -> None:
    with pytest.raises(UnreadablePdf) as caught:
        read_pdf(data, "x.pdf")
    assert caught.value.exit_code == ExitStatus.TROUBLE == 2
    assert caught.value.message.msgid.format(**caught.value.message.params) == message


def test_too_large_and_too_long_are_refused_before_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int]] = []
    assert len(read_pdf(SMALL, "x.pdf", progress=lambda n, t: seen.append((n, t)))) == 2
    assert seen == [(1, 2), (2, 2)]
    monkeypatch.setattr(pdf_source, "MAX_PAGES", 1)
    with pytest.raises(UnreadablePdf, match="pages") as caught:
        read_pdf(SMALL, "x.pdf", progress=lambda n, t: seen.append((n, t)))
    assert caught.value.message.params == {"file": "x.pdf", "count": 2, "limit": 1}
    assert seen == [(1, 2), (2, 2)]
    monkeypatch.setattr(pdf_source, "MAX_BYTES", len(SMALL) - 1)
    with pytest.raises(UnreadablePdf, match="larger"):
        read_pdf(SMALL, "x.pdf")


def test_an_encrypted_pdf_without_a_user_password_is_read() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(SMALL))
    writer.encrypt(user_password="", owner_password="chủ")
    out = io.BytesIO()
    writer.write(out)
    assert [p.text for p in read_pdf(out.getvalue(), "x.pdf")] == ["Một trang.", "Hai trang."]
    assert len(PdfReader(io.BytesIO(out.getvalue())).pages) == 2
