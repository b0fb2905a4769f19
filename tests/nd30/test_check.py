"""plangen check: the ND30 checks on DOCX files plangen did not write, the report, the command."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx.document import Document
from docx.shared import Mm, Pt
from helpers import EXAMPLES
from nd30_builder import body_paragraphs, paragraph_starting, typed_by_hand

from generator import api
from generator.cli import main
from generator.nd30 import RULES, Finding, check_docx
from generator.nd30 import checks as nd30_checks

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRE_LIBREOFFICE = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def saved(doc: Document, folder: Path, name: str = "typed.docx") -> Path:
    path = folder / name
    doc.save(str(path))
    return path


def fired(path: Path) -> set[str]:
    """Codes of the rules a file breaks; a crashing check raises (CheckCrashed)."""
    return {finding.rule for finding in check_docx(path)}


# --- documents typed by hand, with published variations ----------------------------------------

VARIATIONS = {
    "decision-and-plan": {},
    "standalone-plan": {"standalone": True},
    "commune-decision": {"commune": True},
    "commune-plan-TM": {"commune": True, "standalone": True, "signature": "TM"},
    "KT-signature-short-dates": {"signature": "KT", "long_dates": False},
    "plan-KT": {"standalone": True, "signature": "KT"},
}


@pytest.mark.parametrize("options", VARIATIONS.values(), ids=VARIATIONS.keys())
def test_a_correct_document_typed_by_hand_passes(tmp_path: Path,
                                                 options: dict[str, object]) -> None:
    # Styles instead of direct formatting, text split over runs, bordered empty paragraphs
    # as the short lines, long dates in the bases, TM./KT. signatures, a commune as issuer.
    assert check_docx(saved(typed_by_hand(**options), tmp_path)) == []  # type: ignore[arg-type]


def _arial(doc: Document) -> None:
    doc.styles["Normal"].font.name = "Arial"


def _large_text(doc: Document) -> None:
    doc.styles["Body text"].font.size = Pt(16)


def _narrow_margin(doc: Document) -> None:
    doc.sections[0].left_margin = Mm(20)


def _date_without_zeros(doc: Document) -> None:
    run = paragraph_starting(doc, "Tuyên Quang, ngày").runs[1]
    run.text = run.text.replace("ngày 06 tháng 02", "ngày 6 tháng 2")


def _upright_basis(doc: Document) -> None:
    for run in paragraph_starting(doc, "Căn cứ Nghị quyết").runs:
        run.italic = False


def _no_closing_mark(doc: Document) -> None:
    run = paragraph_starting(doc, "Các cơ quan, đơn vị triển khai").runs[0]
    run.text = run.text.replace("./.", ".")


def _header_with_grid(doc: Document) -> None:
    doc.tables[0].style = doc.styles["Table Grid"]


def _other_decision_number(doc: Document) -> None:
    run = paragraph_starting(doc, "(Ban hành kèm theo").runs[0]
    run.text = run.text.replace("05/QĐ-UBND", "06/QĐ-UBND")


BREAKS: dict[str, tuple[Callable[[Document], None], str]] = {
    "font": (_arial, "ND30-2-font"),
    "size": (_large_text, "ND30-2-size"),
    "margins": (_narrow_margin, "ND30-1-margins"),
    "date-zero-rule": (_date_without_zeros, "ND30-4-date"),
    "upright-basis": (_upright_basis, "ND30-5-bases"),
    "closing-mark": (_no_closing_mark, "ND30-6-closing"),
    "header-layout": (_header_with_grid, "ND30-3-layout"),
    "decision-number": (_other_decision_number, "ND30-11-references"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_each_broken_rule_is_caught_alone(tmp_path: Path, name: str) -> None:
    doc = typed_by_hand()
    mutate, rule = BREAKS[name]
    mutate(doc)
    assert fired(saved(doc, tmp_path)) == {rule}


def test_a_document_set_in_arial_is_one_finding(tmp_path: Path) -> None:
    doc = typed_by_hand()
    _arial(doc)
    [finding] = check_docx(saved(doc, tmp_path))
    paragraphs = sum(1 for p in body_paragraphs(doc) if p.text.strip())
    assert finding.rule == "ND30-2-font" and finding.count >= paragraphs
    assert len(finding.locations) == 5


# --- plangen's own output, and after LibreOffice ------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rendered")
    paths = {}
    for example in EXAMPLES:
        path = folder / f"{example.stem}.docx"
        path.write_bytes(api.render_bytes(example))
        paths[example.stem] = path
    return paths


def test_every_example_passes_check(rendered: dict[str, Path]) -> None:
    result = invoke("check", *map(str, rendered.values()))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("đạt mọi yêu cầu kiểm tra theo Nghị định 30") == len(rendered)


# LibreOffice writes a section that fits on one page with only the header that page shows: the
# one-page Quyết định of these examples comes back with its (empty) first-page header as its only
# header and no w:titlePg. Its printed page is the same, but the numbered header for pages 2 and
# on is gone (a page added to the decision in LibreOffice would have no number), so
# ND30-9-page-numbers rightly reports the decision — and only that, only there.
LIBREOFFICE_CHANGES = {
    ("ND30-9-page-numbers", "the section has no different first page (w:titlePg)"),
    ("ND30-9-page-numbers", "the page header has no page number (PAGE field)"),
}


def test_libreoffice_round_trip_still_passes(rendered: dict[str, Path], tmp_path: Path) -> None:
    if SOFFICE is None:
        if REQUIRE_LIBREOFFICE:
            pytest.fail("LibreOffice is required (PLANGEN_REQUIRE_LIBREOFFICE=1)")
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "docx", "--outdir", str(out), *map(str, rendered.values())],
                   check=True, capture_output=True, timeout=300)
    for stem in rendered:
        findings = check_docx(out / f"{stem}.docx")
        for finding in findings:
            assert (finding.rule, finding.found.msgid) in LIBREOFFICE_CHANGES, (stem, finding)
            assert [(at.section, at.part and at.part.key) for at in finding.locations] == [
                (1, "decision")], (stem, finding)


# --- the comparison table of plangen diff --------------------------------------------------

TABLE_EN = ("{path}: a comparison table from plangen diff, not an official document: passes the "
            "ND30 checks that apply to it (page, type, page numbers, the table)")
TABLE_VI = ("{path}: bảng so sánh do plangen diff tạo, không phải văn bản hành chính: đạt các yêu "
            "cầu kiểm tra theo Nghị định 30 áp dụng cho bảng này (khổ giấy và lề, phông chữ, số "
            "trang, bảng)")


def comparison_table(folder: Path) -> Path:
    """The DOCX `plangen diff --format docx` writes for two of the examples."""
    old, new = (next(e for e in EXAMPLES if e.stem == stem)
                for stem in ("ha-giang-2023", "tuyen-quang-2027"))
    path = folder / "bang-so-sanh.docx"
    result = invoke("diff", str(old), str(new), "--format", "docx", "-o", str(path))
    assert result.exit_code == 1, result.output  # 1: the two differ
    return path


def test_the_comparison_table_of_plangen_diff_is_checked_as_what_it_is(tmp_path: Path) -> None:
    # Attached to no document, it has no Kế hoạch part (ND30-9) nor «(Kèm theo …)» line
    # (ND30-10): check says what it is and holds it to the rules of its page, type and table.
    table = comparison_table(tmp_path)
    english = invoke("--lang", "en", "check", str(table))
    assert (english.exit_code, english.stdout) == (0, TABLE_EN.format(path=table) + "\n")
    vietnamese = invoke("check", str(table))
    assert (vietnamese.exit_code, vietnamese.stdout) == (0, TABLE_VI.format(path=table) + "\n")
    [report] = json.loads(invoke("--lang", "en", "check", "--json", str(table)).stdout)["files"]
    assert (report["status"], report["document"], report["findings"]) == (
        "pass", "comparison-table", [])


def test_a_comparison_table_is_still_held_to_its_page_rules(tmp_path: Path) -> None:
    import zipfile

    table = comparison_table(tmp_path)
    narrow = tmp_path / "narrow.docx"
    with zipfile.ZipFile(table) as source, zipfile.ZipFile(narrow, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b'w:left="1701"', b'w:left="1134"')
            target.writestr(info, data)
    result = invoke("--lang", "en", "check", str(narrow))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        f"{narrow}: a comparison table from plangen diff, not an official document: 1 ND30 "
        "rule(s) not met",
        "  [ND30-1-margins] page margins: the left margin is 20.0 mm"]


# --- the command ----------------------------------------------------------------------------


def test_findings_in_plain_vietnamese_with_place_requirement_and_citation(tmp_path: Path) -> None:
    doc = typed_by_hand()
    _upright_basis(doc)
    result = invoke("check", str(saved(doc, tmp_path)))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].endswith("typed.docx: 1 quy tắc của Nghị định 30 chưa đạt")
    assert lines[1:] == [
        "  [ND30-5-bases] căn cứ ban hành: dòng «Căn cứ» không in nghiêng",
        "    tại:",
        "      - Quyết định (phần thứ 1 của tệp), đoạn 12 «Căn cứ Nghị quyết số 76/NQ-CP ngày "
        "15 …»",
        "    yêu cầu: mỗi căn cứ một dòng, in nghiêng, cuối dòng có dấu chấm phẩy «;»; dòng "
        "cuối cùng («Theo đề nghị …») kết thúc bằng dấu chấm «.»",
        "    căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II, khoản 6, điểm a",
    ]


def test_english_and_a_count_with_the_first_places(tmp_path: Path) -> None:
    doc = typed_by_hand()
    _arial(doc)
    result = invoke("--lang", "en", "check", str(saved(doc, tmp_path)))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[1] == "  [ND30-2-font] typeface: text is set in Arial"
    assert lines[2].startswith("    ") and lines[2].endswith(" places; the first:")
    assert lines[3] == ("      - Quyết định (section 1), header block, table row 1, cell 1, "
                        "paragraph 1 «ỦY BAN NHÂN DÂN»")
    assert lines[6].startswith("      … and ")
    assert lines[-1] == "    source: Decree 30/2020/NĐ-CP, Appendix I, Part I, section I.4"


def test_json_is_documented_and_stable(tmp_path: Path) -> None:
    doc = typed_by_hand()
    _date_without_zeros(doc)
    good = saved(typed_by_hand(standalone=True), tmp_path, "good.docx")
    result = invoke("--lang", "en", "check", "--json", str(saved(doc, tmp_path)), str(good))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["format"] == "plangen-check/1" and report["exit_status"] == 1
    bad, passed = report["files"]
    assert (passed["status"], passed["findings"], passed["error"]) == ("pass", [], None)
    assert passed["document"] == bad["document"] == "official"
    assert bad["status"] == "fail"
    [day, month] = bad["findings"]
    assert day == {
        "rule": "ND30-4-date", "check": 4, "name": "place and date",
        "found": "the day is written «6»", "found_id": "the day is written «{day}»",
        "found_params": {"day": "6"},
        "requirement": RULES["ND30-4-date"].requirement,
        "citation": "Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.4.b", "count": 1,
        "locations": [{"section": 1, "part": "decision", "area": "header-block", "story": None,
                       "paragraph": 7, "text": "Tuyên Quang, ngày 6 tháng 2 năm 2026",
                       "row": 2, "cell": 2,
                       "label": "Quyết định (section 1), header block, table row 2, cell 2, "
                                "paragraph 7 «Tuyên Quang, ngày 6 tháng 2 năm 2026»"}],
    }
    assert month["found"] == "the month is written «2»"


@pytest.mark.parametrize(("content", "reason"), [
    (None, "no such file"),
    (b"plain text, not a zip", "is not a DOCX file"),
    (b"PK\x03\x04 broken zip", "is not a DOCX file"),
])
def test_trouble_is_exit_2_with_a_message_never_a_traceback(
        tmp_path: Path, content: bytes | None, reason: str) -> None:
    path = tmp_path / "file.docx"
    if content is not None:
        path.write_bytes(content)
    good = saved(typed_by_hand(), tmp_path, "good.docx")
    result = invoke("--lang", "en", "check", str(path), str(good))
    assert result.exit_code == 2
    assert result.stderr == f"{path}: {reason}" + result.stderr.split(reason, 1)[1]
    assert "Traceback" not in result.output
    assert result.stdout.endswith("good.docx: passes every ND30 check (11 checks)\n")


def test_a_folder_and_a_zip_that_is_not_word_are_trouble(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "data.docx"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("hello.txt", "hello")
    for path in (tmp_path, archive):
        result = invoke("--lang", "en", "check", str(path))
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.startswith(f"{path}: ")


def test_a_crashing_check_is_a_bug_not_a_finding(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: object) -> list[Finding]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(nd30_checks, "CHECKS",
                        tuple((n, broken if n == 7 else c) for n, c in nd30_checks.CHECKS))
    path = saved(typed_by_hand(), tmp_path)
    result = invoke("--lang", "en", "check", str(path))
    assert result.exit_code == 70
    assert result.stdout == ""
    assert result.stderr == (f"{path}: check 7 crashed (ZeroDivisionError: division by zero); "
                             "this is a bug in plangen, not a problem of the document: run "
                             "again with --traceback and report it\n")
    assert "Traceback" not in result.output


def test_every_rule_has_its_texts_and_a_citation() -> None:
    for code, rule in RULES.items():
        assert code.startswith(f"ND30-{rule.check}-") and 1 <= rule.check <= 11
        assert rule.name and rule.requirement and rule.citation
        assert "Decree 30/2020/NĐ-CP" in rule.citation or "practice" in rule.citation
