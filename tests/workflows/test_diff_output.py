"""plangen diff's products (text, Markdown, JSON, the DOCX comparison table) and its command line,
built from hand-made Reports (the CLI tests replace generator.workflows.diff.compare_files)."""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from ooxml import assert_valid_ooxml
from pypdf import PdfReader

from generator import cli
from generator.cli import compare as cli_compare
from generator.document.pdf import convert_to_pdf
from generator.nd30.checks import CHECKS, run_check
from generator.nd30.loading import load
from generator.shell.errors import InvalidInput, Message, Problem, UsageError
from generator.workflows import diff as diff_module
from generator.workflows import diff_output as out
from generator.workflows.diff import Difference, Report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRE_LIBREOFFICE = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"

LONG_OLD = ("Theo dõi, đôn đốc kiểm tra, quá trình tổ chức thực hiện; định kỳ tổng hợp báo cáo "
            "UBND tỉnh tình hình và kết quả thực hiện kế hoạch này.")
LONG_NEW = LONG_OLD.replace("kiểm tra,", "giám sát,")
CHANGED = Difference("changed", "Mục II.2 Nội dung tuyên truyền, điểm d", LONG_OLD, LONG_NEW, "",
                 "plan.content.items[1].items[3].text")
ADDED = Difference("added", "Phụ lục, dòng 5.2", "", "Tổ chức hội nghị tập huấn cấp xã", "",
               "appendix.rows[4].rows[1]")
REMOVED = Difference("removed", "Mục III, điểm 2", "Tổng hợp báo cáo.", "", "",
                 "plan.assignments.items[0].tasks[1].text")
MOVED = Difference("moved", "Mục II.3 Hình thức tuyên truyền, điểm a", "Viết tin bài",
                   "Viết tin bài", "từ Mục II.2 Nội dung tuyên truyền, điểm c",
                   "plan.channels.items[0]")
REPORT = Report("cu.yaml", "moi.yaml", (CHANGED, ADDED, REMOVED, MOVED))
EMPTY = Report("cu.yaml", "moi.yaml", ())


# --- text -----------------------------------------------------------------------------------

def test_text_one_block_per_change_in_vietnamese() -> None:
    assert out.as_text(REPORT, lang="vi", color=False) == (
        "Chú thích: [-chữ bỏ-] [+chữ thêm+]\n"
        "\n"
        "1. Sửa — Mục II.2 Nội dung tuyên truyền, điểm d\n"
        "   Theo dõi, đôn đốc [-kiểm tra,-][+giám sát,+] quá trình tổ chức …\n"
        "\n"
        "2. Thêm — Phụ lục, dòng 5.2\n"
        "   + Tổ chức hội nghị tập huấn cấp xã\n"
        "\n"
        "3. Bỏ — Mục III, điểm 2\n"
        "   - Tổng hợp báo cáo.\n"
        "\n"
        "4. Chuyển chỗ — Mục II.3 Hình thức tuyên truyền, điểm a\n"
        "   Viết tin bài\n"
        "   từ Mục II.2 Nội dung tuyên truyền, điểm c\n")


def test_text_in_english() -> None:
    text = out.as_text(REPORT, lang="en")
    heads = [line for line in text.splitlines() if line[:1].isdigit()]
    assert [head.split(" — ")[0] for head in heads] == [
        "1. Changed", "2. Added", "3. Removed", "4. Moved"]
    assert text.startswith("Key: [-deleted words-] [+added words+]\n\n1. Changed — ")


def test_text_shows_only_the_changed_words_in_context() -> None:
    words = [f"từ{i}" for i in range(40)]
    old = " ".join(words)
    new = " ".join([*words[:10], "MỚI", *words[11:30], *words[31:]])
    text = out.as_text(Report("a", "b", (Difference("changed", "Mục I", old, new),)))
    body = text.splitlines()[3].strip()
    assert body == ("… từ6 từ7 từ8 từ9 [-từ10-][+MỚI+] từ11 từ12 từ13 từ14 … "
                    "từ26 từ27 từ28 từ29 [-từ30-] từ31 từ32 từ33 từ34 …")
    assert len(body.split()) < len(words)


def test_text_in_colour_uses_red_and_green_instead_of_brackets() -> None:
    text = out.as_text(REPORT, lang="vi", color=True)
    assert f"{out.RED}kiểm tra,{out.RESET} {out.GREEN}giám sát,{out.RESET}" in text
    assert f"   {out.GREEN}+ Tổ chức hội nghị tập huấn cấp xã{out.RESET}" in text
    assert f"   {out.RED}- Tổng hợp báo cáo.{out.RESET}" in text
    assert "[-" not in text and "[+" not in text
    assert text.startswith(
        f"Chú thích: {out.RED}chữ bỏ{out.RESET} {out.GREEN}chữ thêm{out.RESET}\n")
    assert "\x1b" not in out.as_text(REPORT, lang="vi", color=False)


def test_text_keeps_the_lines_of_a_multiline_text_aligned() -> None:
    change = Difference("removed", "Phụ lục, dòng 2, cột Sản phẩm", "- Tin bài\n- Phóng sự", "")
    assert out.as_text(Report("a", "b", (change,))) == (
        "1. Bỏ — Phụ lục, dòng 2, cột Sản phẩm\n   - - Tin bài\n     - Phóng sự\n")


def test_a_moved_item_whose_text_also_changed_shows_both() -> None:
    change = Difference("moved", "Mục II.3, điểm a", "Viết tin bài", "Viết tin, bài", "từ Mục II.2")
    assert out.as_text(Report("a", "b", (change,))).splitlines()[1:] == [
        "   Viết tin bài → Viết tin, bài", "   từ Mục II.2"]
    long = Difference("moved", "Mục II.3, điểm a", LONG_OLD, LONG_NEW, "từ Mục II.2")
    assert out.as_text(Report("a", "b", (long,))).splitlines()[3:] == [
        "   Theo dõi, đôn đốc [-kiểm tra,-][+giám sát,+] quá trình tổ chức …", "   từ Mục II.2"]


def test_text_under_a_two_digit_number_stays_aligned() -> None:
    text = out.as_text(Report("a", "b", tuple([REMOVED] * 10)), lang="en")
    assert text.splitlines()[-2:] == ["10. Removed — Mục III, điểm 2", "    - Tổng hợp báo cáo."]
    assert text.splitlines()[1] == "   - Tổng hợp báo cáo."


def test_no_changes_no_text() -> None:
    assert out.as_text(EMPTY) == ""


# --- Markdown -------------------------------------------------------------------------------

def test_markdown_strikes_deleted_and_bolds_inserted_words() -> None:
    assert out.as_markdown(REPORT, lang="vi") == (
        "# So sánh cu.yaml với moi.yaml\n"
        "\n"
        "1. **Sửa** — Mục II.2 Nội dung tuyên truyền, điểm d\n"
        "\n"
        "   Theo dõi, đôn đốc ~~kiểm tra,~~ **giám sát,** quá trình tổ chức …\n"
        "\n"
        "2. **Thêm** — Phụ lục, dòng 5.2\n"
        "\n"
        "   **Tổ chức hội nghị tập huấn cấp xã**\n"
        "\n"
        "3. **Bỏ** — Mục III, điểm 2\n"
        "\n"
        "   ~~Tổng hợp báo cáo.~~\n"
        "\n"
        "4. **Chuyển chỗ** — Mục II.3 Hình thức tuyên truyền, điểm a\n"
        "\n"
        "   Viết tin bài\n"
        "\n"
        "   *từ Mục II.2 Nội dung tuyên truyền, điểm c*\n")


def test_markdown_shows_the_text_literally() -> None:
    change = Difference("added", "Mục I_2 *x*", "", "- a <b> [c](d) `e` | f ~~g~~")
    text = out.as_markdown(Report("cu_1.yaml", "moi.yaml", (change,)), lang="en")
    assert text.splitlines()[0] == "# Comparison of cu\\_1.yaml with moi.yaml"
    assert "1. **Added** — Mục I\\_2 \\*x\\*" in text
    assert "   **\\- a \\<b\\> \\[c\\](d) \\`e\\` \\| f \\~\\~g\\~\\~**" in text


def test_markdown_without_changes_says_so() -> None:
    assert out.as_markdown(EMPTY, lang="en") == (
        "# Comparison of cu.yaml with moi.yaml\n\n*No changes.*\n")


# --- JSON -----------------------------------------------------------------------------------

def test_json_structure_is_documented_and_stable() -> None:
    data = json.loads(out.as_json(REPORT))
    assert list(data) == ["plangen_diff", "old", "new", "changes"]
    assert data["plangen_diff"] == 1 and data["old"] == "cu.yaml" and data["new"] == "moi.yaml"
    first = data["changes"][0]
    assert list(first) == ["kind", "location", "old", "new", "note", "path", "words"]
    assert first["words"] == [["equal", "Theo dõi, đôn đốc"], ["delete", "kiểm tra,"],
                              ["insert", "giám sát,"], ["equal", LONG_OLD.split("kiểm tra, ")[1]]]
    assert [c["words"] for c in data["changes"][1:]] == [
        [["insert", ADDED.new]], [["delete", REMOVED.old]], [["equal", MOVED.old]]]
    assert "Sửa" not in out.as_json(REPORT) and "\\u" not in out.as_json(REPORT)


def test_json_round_trip() -> None:
    assert out.from_json(out.as_json(REPORT)) == REPORT
    assert out.from_json(out.as_json(EMPTY)) == EMPTY
    with pytest.raises(ValueError):
        out.from_json('{"plangen_diff": 2}')


TEXTS = st.lists(st.sampled_from(["a", "b", "c,", "d\ne"]), max_size=8).map(" ".join)


@given(TEXTS, TEXTS)
def test_the_words_rebuild_both_texts(old: str, new: str) -> None:
    words = out.change_words(Difference("changed", "x", old, new))
    assert " ".join(t for op, t in words if op != "insert") == old
    assert " ".join(t for op, t in words if op != "delete") == new


# --- DOCX -----------------------------------------------------------------------------------

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


# --- the command line -----------------------------------------------------------------------

def invoke(monkeypatch: pytest.MonkeyPatch, report: Report | Exception, *args: str) -> Result:
    def compare_files(old: Path, new: Path) -> Report:
        if isinstance(report, Exception):
            raise report
        return Report(str(old), str(new), report.changes)

    monkeypatch.setattr(diff_module, "compare_files", compare_files, raising=False)
    return CliRunner().invoke(cli.main, list(args))


def test_cli_exit_1_with_the_changes_on_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "cu.yaml", "moi.yaml")
    assert result.exit_code == 1
    assert result.stdout == out.as_text(REPORT, lang="vi")
    assert result.stderr == ""


def test_cli_exit_0_without_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, EMPTY, "--lang", "en", "diff", "cu.yaml", "moi.yaml")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "no change in the plan's content\n"


def test_cli_exit_2_lists_every_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    problems = [Problem("moi.yaml", 4, 7, ("date",), Message("no such file")),
                Problem("cu.yaml", 1, 1, (), Message("no such file"))]
    result = invoke(monkeypatch, InvalidInput(problems), "--lang", "en", "diff", "cu.yaml",
                    "moi.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "cu.yaml:1:1: (document): no such file", "moi.yaml:4:7: date: no such file",
        "2 problem(s) found"]


def test_cli_exit_2_for_two_kinds_of_document(monkeypatch: pytest.MonkeyPatch) -> None:
    error = UsageError(Message("unmerged: resolve the conflict first"))
    result = invoke(monkeypatch, error, "--lang", "en", "diff", "a.yaml", "b.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "unmerged: resolve the conflict first\n"


def test_cli_internal_error_is_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, RuntimeError("boom"), "--lang", "en", "diff", "a", "b")
    assert result.exit_code == 70 and "Traceback" not in result.output


@pytest.mark.parametrize(("form", "expected"), [
    ("markdown", out.as_markdown(REPORT, lang="vi")), ("json", out.as_json(REPORT))])
def test_cli_formats_on_stdout(monkeypatch: pytest.MonkeyPatch, form: str, expected: str) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "cu.yaml", "moi.yaml", "--format", form)
    assert (result.exit_code, result.stdout, result.stderr) == (1, expected, "")


def test_cli_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" not in invoke(monkeypatch, REPORT, "diff", "a", "b").stdout
    monkeypatch.setattr(cli_compare, "stdout_is_terminal", lambda: True)
    assert f"{out.RED}kiểm tra,{out.RESET}" in invoke(monkeypatch, REPORT, "diff", "a", "b").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    result = invoke(monkeypatch, REPORT, "diff", "a", "b")
    assert result.stdout == out.as_text(REPORT, lang="vi", color=False)


COLOUR_SCRIPT = """
from generator import cli
from generator.workflows import diff
from generator.workflows.diff import Difference, Report
CHANGES = (Difference("changed", "Mục I", "a b c d e f. g", "a c c d e f. g"),)
diff.compare_files = lambda a, b: Report(str(a), str(b), CHANGES)
cli.main(["diff", "x.yaml", "y.yaml"])
"""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
@pytest.mark.parametrize("no_color", [None, "", "1"])
def test_cli_colour_on_a_real_terminal(no_color: str | None) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    env.pop("NO_COLOR", None)
    if no_color is not None:
        env["NO_COLOR"] = no_color
    primary, secondary = os.openpty()
    try:
        done = subprocess.run([sys.executable, "-c", COLOUR_SCRIPT], stdout=secondary,
                              stderr=subprocess.PIPE, env=env, timeout=120, check=False)
    finally:
        os.close(secondary)
    shown = b""
    try:
        while chunk := os.read(primary, 4096):
            shown += chunk
    except OSError:  # EIO: the terminal's other end is closed
        pass
    finally:
        os.close(primary)
    assert done.returncode == 1, done.stderr
    coloured = f"{out.RED}b{out.RESET} {out.GREEN}c{out.RESET}".encode()
    assert (coloured in shown) == (not no_color), shown


def test_cli_no_colour_into_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(cli_compare, "stdout_is_terminal", lambda: True)
    target = tmp_path / "diff.txt"
    result = invoke(monkeypatch, REPORT, "--lang", "en", "diff", "a", "b", "-o", str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == out.as_text(REPORT, lang="en")


def test_cli_docx_needs_o(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "a", "b", "--format", "docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "-o FILE" in result.stderr


def test_cli_docx_written_atomically(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "bang-so-sanh.docx"
    result = invoke(monkeypatch, REPORT, "--lang", "en", "diff", "cu.yaml", "moi.yaml",
                    "--format", "docx", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"wrote {target}\n")
    assert target.read_bytes() == out.as_docx(REPORT)
    assert [p.name for p in tmp_path.iterdir()] == ["bang-so-sanh.docx"]


def test_cli_unwritable_output_is_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "a", "b", "--format", "docx", "-o",
                    str(tmp_path / "missing" / "x.docx"))
    assert result.exit_code == 3 and result.stdout == ""


# --- git-diff -------------------------------------------------------------------------------

def git_args(path: str, old: str, new: str) -> list[str]:
    return ["git-diff", path, old, "a" * 40, "100644", new, "b" * 40, "100644"]


def test_git_diff_of_an_added_or_deleted_file(monkeypatch: pytest.MonkeyPatch) -> None:
    added = invoke(monkeypatch, RuntimeError("not called"), "--lang", "en",
                   *git_args("plans/ke-hoach.yaml", os.devnull, "/tmp/x"))
    assert (added.exit_code, added.stderr) == (0, "")
    assert added.stdout == ("plangen diff a/plans/ke-hoach.yaml b/plans/ke-hoach.yaml\n"
                            "added file: no earlier version to compare\n")
    deleted = invoke(monkeypatch, RuntimeError("not called"),
                     *git_args("ke-hoach.yaml", "/tmp/x", os.devnull))
    assert deleted.exit_code == 0
    assert deleted.stdout.splitlines()[1] == "tệp đã bị xóa"


def test_git_diff_prints_the_text_diff_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_compare, "stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = invoke(monkeypatch, REPORT, *git_args("ke-hoach.yaml", "/tmp/o", "/tmp/n"))
    assert result.exit_code == 0
    assert result.stdout == ("plangen diff a/ke-hoach.yaml b/ke-hoach.yaml\n"
                             + out.as_text(REPORT, lang="vi", color=False))
    nothing = invoke(monkeypatch, EMPTY, *git_args("ke-hoach.yaml", "/tmp/o", "/tmp/n"))
    assert nothing.stdout.splitlines()[1:] == ["nội dung kế hoạch không thay đổi"]


def test_git_diff_of_a_yaml_that_is_not_a_plan(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    old, new = tmp_path / "tmp_old", tmp_path / "tmp_new"
    old.write_text("name: ci\nsteps: [build]\n", encoding="utf-8")
    new.write_text("name: ci\nsteps: [build, test]\n", encoding="utf-8")
    error = InvalidInput([Problem(str(new), 2, 1, ("steps",), Message("no such file")),
                          Problem(str(old), 1, 1, ("name",), Message("no such file"))])
    result = invoke(monkeypatch, error, "--lang", "en", *git_args(".ci.yaml", str(old), str(new)))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "plangen diff a/.ci.yaml b/.ci.yaml",
        "not a plan plangen can compare (2 problem(s), the first: b/.ci.yaml:2:1: steps: no "
        "such file); the text diff follows",
        "--- a/.ci.yaml", "+++ b/.ci.yaml", "@@ -1,2 +1,2 @@", " name: ci",
        "-steps: [build]", "+steps: [build, test]"]


def test_git_diff_survives_a_bug(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    old, new = tmp_path / "o", tmp_path / "n"
    old.write_text("a\n", encoding="utf-8")
    new.write_text("b", encoding="utf-8")
    result = invoke(monkeypatch, RuntimeError("boom"), "--lang", "en",
                    *git_args("p.yaml", str(old), str(new)))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("internal error: RuntimeError: boom")
    assert result.stdout.splitlines()[-3:] == ["-a", "+b", "\\ No newline at end of file"]


def test_git_diff_fails_only_when_a_file_cannot_be_read(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    missing = str(tmp_path / "gone")
    error = InvalidInput([Problem(missing, 1, 1, (), Message("no such file"))])
    result = invoke(monkeypatch, error, "--lang", "en", *git_args("p.yaml", missing, missing))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cannot read {missing}: ")


def test_git_diff_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke(monkeypatch, EMPTY, "git-diff", "a", "b").exit_code == 2
    unmerged = invoke(monkeypatch, EMPTY, "--lang", "en", "git-diff", "p.yaml")
    assert (unmerged.exit_code, unmerged.stdout) == (
        0, "plangen diff p.yaml\nunmerged: resolve the conflict first\n")
    renamed = invoke(monkeypatch, REPORT, *git_args("old.yaml", "/tmp/o", "/tmp/n"),
                     "new.yaml", "similarity index 90%")
    assert renamed.stdout.splitlines()[0] == "plangen diff a/old.yaml b/new.yaml"
