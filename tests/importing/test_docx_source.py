"""The DOCX reader: plangen's own DOCX read back to its golden text, and files as Word writes them
(styles' bold, automatic numbering, tracked changes, merged cells, text boxes), refused when
they are not a DOCX, and read alike once LibreOffice has saved them again."""
from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_parts import (
    abstract,
    cell,
    change,
    docx,
    level,
    mark,
    num,
    numbered,
    p,
    r,
    row,
    style,
    table,
    text_box,
)
from helpers import EXAMPLES, ROOT

from generator import api
from generator.document import pdf as pdf_module
from generator.importing.docx_source import DocxSource, TrackedChange, read_docx
from generator.importing.outline import Cell, Paragraph
from generator.nd30 import UnreadableDocx
from generator.shell.i18n import translate

# As tests/document/test_libreoffice.py: CI installs LibreOffice and requires it.
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"
MARKS = {"article": "Điều {}. ", "roman": "{}. ", "number": "{}. ", "letter": "{}) ",
         "dash": "{} ", "plus": "{} "}


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {example.stem: api.render_bytes(example) for example in EXAMPLES}


def printed(source: DocxSource) -> list[str]:
    """The lines the golden file holds: a paragraph's mark and text; each cell's paragraphs,
    row by row, a cell merged with the one above left out (it is printed once)."""
    lines: list[str] = []
    for paragraph in source.paragraphs:
        if paragraph.table is None:
            lines.append(MARKS.get(paragraph.level or "", "").format(paragraph.label)
                         + paragraph.text)
            continue
        lines += [text for cells in paragraph.table.rows for one in cells
                  if not one.continued for text in one.paragraphs]
    return lines


def by_text(source: DocxSource, text: str) -> Paragraph:
    return next(one for one in source.paragraphs if one.text.startswith(text))


def read(body: str, **parts: str) -> DocxSource:
    return read_docx(docx(body, **parts), "hand.docx")


def texts(source: DocxSource) -> list[tuple[str | None, str, str]]:
    return [(one.level, one.label, one.text) for one in source.paragraphs]


# --- plangen's own DOCX ---------------------------------------------------------------------

@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_a_rendered_plan_reads_back_as_its_golden_text(rendered: dict[str, bytes],
                                                       example: Path) -> None:
    source = read_docx(rendered[example.stem], f"{example.stem}.docx")
    golden = (ROOT / "tests" / "golden" / f"{example.stem}.txt").read_text("utf-8")
    # The one difference: the shared form folds runs of spaces ("Số:      /KH-SNV").
    assert printed(source) == [" ".join(line.split()) for line in golden.splitlines()]
    lines = [one.line for one in source.paragraphs]
    assert lines == list(range(1, len(lines) + 1))
    assert source.tracked == []


def test_bold_comes_from_the_styles_and_the_runs(rendered: dict[str, bytes]) -> None:
    plan = read_docx(rendered["tuyen-quang-snv-2021"], "plan.docx")
    heading = by_text(plan, "MỤC ĐÍCH, YÊU CẦU")  # bold through its paragraph style
    assert (heading.level, heading.label, heading.bold) == ("roman", "I", "MỤC ĐÍCH, YÊU CẦU")
    lead = by_text(plan, "Văn phòng Sở:")  # "2. " plain, the assignee bold, then plain
    assert (lead.level, lead.label, lead.bold) == ("number", "2", "Văn phòng Sở:")
    plain = by_text(plan, "Nâng cao nhận thức")
    assert (plain.bold, plain.italic) == ("", False)
    decision = read_docx(rendered["ha-giang-2023"], "decision.docx")
    article = by_text(decision, "Ban hành kèm theo Quyết định này")  # only "Điều 1." is bold
    assert (article.level, article.label, article.bold) == ("article", "1", "")
    basis = by_text(decision, "Căn cứ Luật Tổ chức chính quyền địa phương")
    assert (basis.bold, basis.italic) == ("", True)


def test_bold_through_based_on_and_the_defaults_turned_off_by_a_run() -> None:
    styles = (style("Base", rpr="<w:b/>") + style("Child", based_on="Base")
              + style("Plain", based_on="Base", rpr='<w:b w:val="0"/>'))
    source = read(p(r("Tiêu đề đậm "), r("rồi thường", '<w:b w:val="false"/>'),
                    ppr='<w:pStyle w:val="Child"/>')
                  + p(r("Cả đoạn đậm"), ppr='<w:pStyle w:val="Child"/>')
                  + p(r("Không đậm"), ppr='<w:pStyle w:val="Plain"/>')
                  + p(r("nghiêng", "<w:i/>"), r(" "), r("cả", "<w:i/>")), styles=styles)
    assert [(one.bold, one.italic) for one in source.paragraphs] == [
        ("Tiêu đề đậm", False), ("Cả đoạn đậm", False), ("", False), ("", True)]
    defaults = "<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>"
    assert read(p(r("Mặc định đậm")), styles=defaults).paragraphs[0].bold == "Mặc định đậm"


def test_what_a_run_holds_is_read_as_it_is_printed() -> None:
    runs = (r("Một") + "<w:r><w:tab/></w:r>" + r("KH") + "<w:r><w:noBreakHyphen/></w:r>"
            + r("UBND\u00a0và\u2011") + "<w:r><w:softHyphen/></w:r>" + r("ba")
            + "<w:r><w:br/></w:r>" + r("Vie\u0302\u0323t")  # NFD: "Việt" typed decomposed
            + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
            + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            + r("ẩn", "<w:vanish/>"))
    body = (p() + p(runs) + p(r("   ")) + table(row(cell(p(r("ô")), cell()))))
    body += '<w:sdt><w:sdtPr><w:alias w:val="Tên"/></w:sdtPr><w:sdtContent>'
    body += p(r("Trong điều khiển nội dung")) + "</w:sdtContent></w:sdt>"
    source = read(body)
    assert texts(source)[0] == (None, "", "Một KH-UBND và-ba Việt")
    assert [(one.line, one.table is not None) for one in source.paragraphs] == [
        (1, False), (2, True), (3, False)]
    assert source.paragraphs[2].text == "Trong điều khiển nội dung"


# --- automatic numbering --------------------------------------------------------------------

NUMBERING = (
    abstract(1, level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)"),
             level(2, "bullet", "-"), level(3, "bullet", "+"), level(4, "bullet", "\u2022"),
             level(5, "bullet", "\uf0b7")),
    abstract(2, level(0, "upperRoman", "%1.")),
    abstract(3, level(0, "decimal", "%1."),
             level(1, "decimal", "%1.%2.", extra='<w:lvlRestart w:val="0"/>')),
)
NUMS = (num(1, 1) + num(2, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
                                 "</w:lvlOverride>")
        + num(3, 2) + num(4, 3))
LIST_STYLE = style("Point", ppr='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>')


def test_word_numbering_is_read_as_the_marks_it_prints() -> None:
    body = "".join([
        numbered(3, 0, "MỤC ĐÍCH"), numbered(1, 0, "Mục đích"),
        *(numbered(1, 1, f"Điểm {n}") for n in range(1, 6)),
        numbered(1, 2, "Gạch đầu dòng"), numbered(1, 3, "Dấu cộng"),
        numbered(1, 4, "Chấm tròn"), numbered(1, 5, "Chấm Symbol"),
        numbered(1, 0, "Yêu cầu"), numbered(1, 1, "Lại từ a"),
        p(r("Điểm theo kiểu đoạn"), ppr='<w:pStyle w:val="Point"/>'),
        numbered(3, 0, "NỘI DUNG"),
        numbered(2, 0, "Danh sách mới"), numbered(2, 0, ""), numbered(2, 0, "Sau đoạn trống"),
        numbered(4, 0, "Một"), numbered(4, 1, "Một một"), numbered(4, 0, "Hai"),
        numbered(4, 1, "Không bắt đầu lại"),
        p(r("Không đánh số"), ppr='<w:numPr><w:numId w:val="0"/></w:numPr>'),
    ])
    source = read(body, numbering="".join(NUMBERING) + NUMS, styles=LIST_STYLE)
    assert texts(source) == [
        ("roman", "I", "MỤC ĐÍCH"), ("number", "1", "Mục đích"),
        # Word prints a b c d e; the officer meant ND30's a b c d đ
        ("letter", "a", "Điểm 1"), ("letter", "b", "Điểm 2"), ("letter", "c", "Điểm 3"),
        ("letter", "d", "Điểm 4"), ("letter", "đ", "Điểm 5"),
        ("dash", "-", "Gạch đầu dòng"), ("plus", "+", "Dấu cộng"), ("dash", "-", "Chấm tròn"),
        ("dash", "-", "Chấm Symbol"),
        ("number", "2", "Yêu cầu"), ("letter", "a", "Lại từ a"),
        ("letter", "b", "Điểm theo kiểu đoạn"),
        ("roman", "II", "NỘI DUNG"),
        ("number", "1", "Danh sách mới"), ("number", "3", "Sau đoạn trống"),
        ("number", "1", "Một"), ("number", "1.1", "Một một"), ("number", "2", "Hai"),
        ("number", "2.2", "Không bắt đầu lại"),
        (None, "", "Không đánh số"),
    ]


def test_a_numbered_paragraph_in_a_table_cell_keeps_its_mark() -> None:
    body = table(row(cell(numbered(1, 0, "Việc một"), numbered(1, 0, "Việc hai")), cell()))
    rows = read(body, numbering="".join(NUMBERING) + NUMS).paragraphs[0].table
    assert rows is not None and rows.rows[0][0].paragraphs == ("1. Việc một", "2. Việc hai")


def test_a_strict_open_xml_file_reads_as_a_transitional_one() -> None:
    """Word's "Strict Open XML Document" spells the WordprocessingML namespace otherwise."""
    transitional = docx(p(r("Đậm", "<w:b/>"), r(" thường")) + numbered(1, 1, "Điểm"),
                        numbering="".join(NUMBERING) + NUMS)
    strict = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(transitional)) as source, \
            zipfile.ZipFile(strict, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info).replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main"))
    assert read_docx(strict.getvalue(), "strict.docx") == read_docx(transitional, "t.docx")
    assert texts(read_docx(transitional, "t.docx")) == [(None, "", "Đậm thường"),
                                                       ("letter", "a", "Điểm")]


# --- tracked changes ------------------------------------------------------------------------

TRACKED = "".join([
    p(r("Kế hoạch "), change("del", "Nguyễn A", r("cũ", tag="delText")),
      change("ins", "Trần B", r("mới"), number=2), r(" năm 2024")),
    # Enter pressed in "Phần đầu và phần sau", and words typed: the paragraph as it was
    p(r("Phần đầu"), ppr=mark("ins", "Trần B")),
    p(change("ins", "Trần B", r("phần "), r("chèn", "<w:b/>"), number=3), r(" và phần sau")),
    p(change("ins", "Lê C", r("Đoạn thêm cả đoạn"), number=4), ppr=mark("ins", "Lê C")),
    p(r("Đoạn cuối.")),
    p(change("moveFrom", "Lê C", r("Câu dời đi."), number=5)),
    p(r("Đoạn tám,"), ppr=mark("del", "Nguyễn A")), p(r("đoạn chín.")),
    table(row(cell(p(r("giữ"))), cell(p(r("hàng")))),
          row(cell(p(change("ins", "Lê C", r("thêm"), number=6))), cell(p(r("hàng"))),
              trpr=change("ins", "Lê C").replace("></w:ins>", "/>"))),
    p(change("moveTo", "Lê C", r("Câu dời đi."), number=7)),
])


def test_tracked_changes_read_as_rejected_and_listed() -> None:
    source = read(TRACKED)
    assert [one.text for one in source.paragraphs] == [
        "Kế hoạch cũ năm 2024", "Phần đầu và phần sau", "Đoạn cuối.", "Câu dời đi.",
        "Đoạn tám,", "đoạn chín.", ""]
    table_of = source.paragraphs[6].table  # its inserted row left out
    assert table_of is not None and table_of.rows == ((Cell(("giữ",)), Cell(("hàng",))),)
    assert source.tracked == [
        TrackedChange(1, "deletion", "cũ", "Nguyễn A"),
        TrackedChange(1, "insertion", "mới", "Trần B"),
        TrackedChange(2, "paragraph-insertion", "", "Trần B"),
        TrackedChange(2, "insertion", "phần chèn", "Trần B"),
        TrackedChange(3, "paragraph-insertion", "", "Lê C"),
        TrackedChange(3, "insertion", "Đoạn thêm cả đoạn", "Lê C"),
        TrackedChange(4, "moved-from", "Câu dời đi.", "Lê C"),
        TrackedChange(5, "paragraph-deletion", "", "Nguyễn A"),
        TrackedChange(7, "row-insertion", "", "Lê C"),
        TrackedChange(7, "insertion", "thêm", "Lê C"),
        TrackedChange(7, "moved-to", "Câu dời đi.", "Lê C"),  # its paragraph empty: the last
    ]


# --- tables and text boxes ------------------------------------------------------------------

def test_merged_cells_breaks_and_nested_tables() -> None:
    body = table(
        row(cell(p(r("Nội dung")), tcpr='<w:gridSpan w:val="2"/>'),
            cell(p(r("Ghi chú")), tcpr='<w:vMerge w:val="restart"/>')),
        row(cell(p(r("a"))), cell(p(r("b"))), cell(tcpr="<w:vMerge/>")),
        row(cell(p(r("Dòng một"), "<w:r><w:br/></w:r>", r("Dòng hai")),
                 tcpr='<w:gridSpan w:val="2"/>'), trpr='<w:gridBefore w:val="1"/>'),
        row(cell(p(r("-\u00a0Sở Nội\u00a0vụ"), r(" (KH\u2011SNV)")),
                 table(row(cell(p(r("x"))), cell(p(r("y")))))),
            cell(p(r("cuối"))), cell(tcpr='<w:vMerge w:val="continue"/>')),
        columns=3)
    source = read(p(r("Trước bảng")) + body)
    assert source.paragraphs[1] == Paragraph(None, "", "", 2, table=source.paragraphs[1].table)
    found = source.paragraphs[1].table
    assert found is not None and found.rows == (
        (Cell(("Nội dung",), span=2), Cell(("Ghi chú",))),
        (Cell(("a",)), Cell(("b",)), Cell((), continued=True)),
        (Cell(("Dòng một", "Dòng hai"), span=2),),  # after one grid column left empty
        (Cell(("- Sở Nội vụ (KH-SNV)", "x", "y")), Cell(("cuối",)), Cell((), continued=True)),
    )


def test_a_text_box_is_read_once_after_its_paragraph() -> None:
    source = read(p(r("Đoạn neo"), text_box("Trong hộp")) + p(text_box("Hộp một mình"))
                  + p(r("Sau hộp")))
    assert [one.text for one in source.paragraphs] == [
        "Đoạn neo", "Trong hộp", "Hộp một mình", "Sau hộp"]
    assert [one.line for one in source.paragraphs] == [1, 2, 3, 4]


# --- files that are not a DOCX --------------------------------------------------------------

def bomb() -> bytes:
    """A DOCX whose document.xml decompresses to 60 MB of empty paragraphs (under 100 KB)."""
    out = io.BytesIO(docx(p(r("x")), leave_out="word/document.xml"))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/document.xml", "w") as member:
        member.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                     b'wordprocessingml/2006/main"><w:body>')
        for _ in range(60):
            member.write(b"<w:p/>" * (1_000_000 // 6))
        member.write(b"</w:body></w:document>")
    return out.getvalue()


REFUSED: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "text": (lambda: b"plain text, not a zip",
             "is not a DOCX file (a DOCX is a ZIP package; an old .doc, a PDF or a text file is "
             "not)",
             "không phải tệp DOCX (tệp DOCX là một gói ZIP; tệp .doc cũ, PDF hay tệp văn bản "
             "thường thì không phải)"),
    "ole": (lambda: bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504),
            "is an encrypted Word file or an old .doc (an OLE compound file, not a ZIP "
            "package): remove the password, or save it as .docx in Word, and check that file",
            "là tệp Word có đặt mật khẩu hoặc tệp .doc cũ (tệp phức hợp OLE, không phải gói "
            "ZIP): hãy gỡ mật khẩu, hoặc mở bằng Word và lưu thành .docx, rồi kiểm tra tệp đó"),
    "bomb": (bomb,
             "the document is too large to check safely (uncompressed size of "
             "word/document.xml: 60 MB; the limit is 50 MB)",
             "văn bản quá lớn, không kiểm tra an toàn được (kích thước sau giải nén của "
             "word/document.xml: 60 MB; giới hạn là 50 MB)"),
    "no-document": (lambda: docx(p(r("x")), leave_out="word/document.xml"),
                    "is a ZIP file but not a Word document (it has no word/document.xml)",
                    "là tệp ZIP nhưng không phải văn bản Word (không có word/document.xml)"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_file_that_is_not_a_docx_is_refused_in_our_words(case: str) -> None:
    build, english, vietnamese = REFUSED[case]
    with pytest.raises(UnreadableDocx) as raised:
        read_docx(build(), "kế-hoạch.docx")
    assert translate(raised.value.message, "en") == f"kế-hoạch.docx: {english}"
    assert translate(raised.value.message, "vi") == f"kế-hoạch.docx: {vietnamese}"


# --- LibreOffice ----------------------------------------------------------------------------

@pytest.mark.skipif(SOFFICE is None and not REQUIRED,
                    reason="LibreOffice is not installed (CI installs it)")
def test_a_file_saved_again_by_libreoffice_reads_the_same(rendered: dict[str, bytes],
                                                          tmp_path: Path) -> None:
    files = {**rendered, "numbered": docx("".join(
        numbered(1, 0, f"Mục {n}") + numbered(1, 1, "Điểm") for n in range(1, 3)),
        numbering="".join(NUMBERING) + NUMS),
        "boxes": docx(p(r("Đoạn neo"), text_box("Trong hộp")) + p(r("Sau hộp"))),
        "tracked": docx(TRACKED)}
    originals = tmp_path / "original"
    originals.mkdir()
    for stem, data in files.items():
        (originals / f"{stem}.docx").write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    command = [str(SOFFICE), f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "saved"),
               *(str(originals / f"{stem}.docx") for stem in files)]
    assert pdf_module._run_group(command, 300).returncode == 0
    for stem, data in files.items():
        again = read_docx((tmp_path / "saved" / f"{stem}.docx").read_bytes(), stem)
        first = read_docx(data, stem)
        # Bold may move from the styles into the runs; the text and the tables may not change.
        assert texts(again) == texts(first), stem
        assert [one.table for one in again.paragraphs] == [one.table for one in first.paragraphs]
        assert again.tracked == first.tracked, stem
