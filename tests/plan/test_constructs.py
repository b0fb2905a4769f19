"""Constructs of published plans the schema grew for (issue 10): text pinned, ND30 passing.

Every case edits tests/data/constructs-base.yaml (a small Quyết định + Kế hoạch + Phụ lục), renders
it, and checks the lines the construct changes, word for word, and that the ND30 checks pass.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, docx_lines, render

from generator.nd30 import check_docx

BASE = (ROOT / "tests" / "data" / "constructs-base.yaml").read_text(encoding="utf-8")


def edited(*pairs: tuple[str, str]) -> str:
    text = BASE
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


def rendered(text: str, tmp_path: Path) -> list[str]:
    """The DOCX's non-empty lines; the ND30 checks must pass on it."""
    source = tmp_path / "plan.yaml"
    source.write_text(text, encoding="utf-8")
    data = render(source)
    docx = tmp_path / "plan.docx"
    docx.write_bytes(data)
    assert check_docx(docx) == []
    return [line for line in docx_lines(data) if line.strip()]


def following(lines: list[str], first: str, count: int) -> list[str]:
    """The line `first` and the count-1 lines after it."""
    start = lines.index(first)
    return lines[start:start + count]


def test_the_base_renders_as_before(tmp_path: Path) -> None:
    lines = rendered(BASE, tmp_path)
    assert following(lines, "1", 7) == [
        "1", "Viết tin bài", "Sở Nội vụ", "- Sở Tài chính", "- Phòng Kế hoạch - Tài chính",
        "- Các sở, ban, ngành", "Quý II, IV/2024"]


def test_a_draft_whose_month_is_known(tmp_path: Path) -> None:
    lines = rendered(edited(("number: 15\ndate: 2024-01-10", "date: 2024-01")), tmp_path)
    assert "Số:      /QĐ-UBND" in lines
    assert "Gia Lai, ngày     tháng 01 năm 2024" in lines
    reference = ("Quyết định số      /QĐ-UBND ngày     tháng 01 năm 2024 của Ủy ban nhân dân "
                 "tỉnh Gia Lai)")
    assert f"(Ban hành kèm theo {reference}" in lines
    assert f"(Kèm theo {reference}" in lines


def test_a_part_that_only_points_to_the_appendix_inline(tmp_path: Path) -> None:
    text = edited(("  objectives: [Nâng cao nhận thức.]\n", "  objectives: [Nâng cao nhận thức.]\n"
                   "  content: {title: Nhiệm vụ trọng tâm, note: (Có Phụ lục kèm theo),"
                   " note_inline: true}\n  channels: [Tin bài.]\n"))
    lines = rendered(text, tmp_path)
    assert following(lines, "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", 4) == [
        "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
        "1. Nhiệm vụ trọng tâm (Có Phụ lục kèm theo)",
        "2. Hình thức tuyên truyền", "a) Tin bài."]


def test_a_lone_part_that_points_to_the_appendix_under_its_section(tmp_path: Path) -> None:
    text = edited(("  objectives: [Nâng cao nhận thức.]\n", "  objectives: [Nâng cao nhận thức.]\n"
                   "  solutions: {note: (Các hoạt động tuyên truyền tại Phụ lục kèm theo)}\n"))
    lines = rendered(text, tmp_path)
    assert following(lines, "II. GIẢI PHÁP", 3) == [
        "II. GIẢI PHÁP", "(Các hoạt động tuyên truyền tại Phụ lục kèm theo)",
        "III. TỔ CHỨC THỰC HIỆN"]


def test_a_section_that_only_points_to_the_appendix(tmp_path: Path) -> None:
    text = edited(("  objectives: [Nâng cao nhận thức.]\n", "  objectives: [Nâng cao nhận thức.]\n"
                   "  sections:\n    - {title: Mục đích, parts: [objectives]}\n"
                   "    - {title: Nhiệm vụ trọng tâm, note: (có Phụ lục kèm theo),"
                   " note_inline: true}\n"
                   "    - {title: Tổ chức thực hiện, parts: [assignments]}\n"))
    lines = rendered(text, tmp_path)
    assert following(lines, "I. MỤC ĐÍCH", 4) == [
        "I. MỤC ĐÍCH", "1. Nâng cao nhận thức.",
        "II. NHIỆM VỤ TRỌNG TÂM (có Phụ lục kèm theo)", "III. TỔ CHỨC THỰC HIỆN"]


def test_an_assignment_written_as_one_sentence(tmp_path: Path) -> None:
    text = edited(("        tasks: [{id: snv-1, text: \"Theo dõi, đôn đốc.\"}]\n",
                   "        tasks: [{id: snv-1, text: \"Theo dõi, đôn đốc.\"}]\n"
                   "      - id: giao-pkhtc\n        bodies: pkhtc\n        sentence: true\n"
                   "        tasks: [{id: pk-1, text: bố trí kinh phí thực hiện Kế hoạch.}]\n"))
    lines = rendered(text, tmp_path)
    assert following(lines, "1. Sở Nội vụ", 3) == [
        "1. Sở Nội vụ", "Theo dõi, đôn đốc.",
        "2. Phòng Kế hoạch - Tài chính bố trí kinh phí thực hiện Kế hoạch./."]


def test_a_target_whose_figure_leads_the_sentence_or_appears_twice(tmp_path: Path) -> None:
    text = edited(("  objectives: [Nâng cao nhận thức.]\n",
                   "  objectives: [Nâng cao nhận thức.]\n  targets:\n"
                   "    - {text: \"{value} hồ sơ được giải quyết đúng hạn\", value: 100, unit: '%',"
                   " value_in_text: true}\n"
                   "    - {text: \"Tổ chức {value} (tối thiểu {value}) lớp tập huấn\", value: 2,"
                   " value_in_text: true}\n"
                   "    - {text: Tỷ lệ hài lòng, value: 90, unit: '%'}\n"))
    lines = rendered(text, tmp_path)
    assert following(lines, "2. Chỉ tiêu", 4) == [
        "2. Chỉ tiêu", "a) 100% hồ sơ được giải quyết đúng hạn",
        "b) Tổ chức 2 (tối thiểu 2) lớp tập huấn", "c) Tỷ lệ hài lòng: 90%"]


@pytest.mark.parametrize(("join", "expected"), [
    ("comma", "Sở Tài chính, Phòng Kế hoạch - Tài chính, các sở, ban, ngành"),
    ("semicolon", "Sở Tài chính; Phòng Kế hoạch - Tài chính; các sở, ban, ngành"),
    ("and", "Sở Tài chính, Phòng Kế hoạch - Tài chính và các sở, ban, ngành"),
])
def test_appendix_bodies_joined_inline(join: str, expected: str, tmp_path: Path) -> None:
    lines = rendered(edited(("  title: Nhiệm vụ trọng tâm\n",
                             f"  title: Nhiệm vụ trọng tâm\n  join: {join}\n")), tmp_path)
    assert following(lines, "Viết tin bài", 3) == ["Viết tin bài", "Sở Nội vụ", expected]


def test_a_column_chooses_its_own_join_and_time_has_lines(tmp_path: Path) -> None:
    text = edited(
        ("{key: support, header: Phối hợp, width: 40}",
         "{key: support, header: Phối hợp, width: 40, join: and}"),
        ("  title: Nhiệm vụ trọng tâm\n", "  title: Nhiệm vụ trọng tâm\n  join: comma\n"),
        ("lead: snv,", "lead: [snv, stc],"),
        ("time: {quarters: [2, 4]}", "time: [Quý I, Quý III]"))
    lines = rendered(text, tmp_path)
    assert following(lines, "Viết tin bài", 5) == [
        "Viết tin bài", "Sở Nội vụ, Sở Tài chính",
        "Sở Tài chính, Phòng Kế hoạch - Tài chính và các sở, ban, ngành", "Quý I", "Quý III"]


def test_quarters_without_the_year(tmp_path: Path) -> None:
    lines = rendered(edited(("{quarters: [2, 4]}", "{quarters: [4, 2], with_year: false}")),
                     tmp_path)
    assert "Quý II, IV" in lines


def test_the_bodies_column_joins_names_as_chosen(tmp_path: Path) -> None:
    text = edited(("    - {key: lead, header: Chủ trì, width: 40}\n"
                   "    - {key: support, header: Phối hợp, width: 40}\n",
                   "    - {key: bodies, header: Cơ quan thực hiện, width: 80, join: and}\n"))
    lines = rendered(text, tmp_path)
    assert following(lines, "Viết tin bài", 3) == [
        "Viết tin bài", "- Chủ trì: Sở Nội vụ;",
        "- Phối hợp: Sở Tài chính, Phòng Kế hoạch - Tài chính và các sở, ban, ngành."]


def test_summary_phrase_scope_before_the_year_and_in_article_1(tmp_path: Path) -> None:
    text = edited(("  proposal:", "  summary_phrase: Ban hành\n  scope_in_article: true\n"
                   "  proposal:"),
                  ("  scope: trên địa bàn tỉnh\n",
                   "  scope: trên địa bàn tỉnh\n  scope_position: before-year\n"))
    lines = rendered(text, tmp_path)
    assert "Ban hành Kế hoạch tuyên truyền cải cách hành chính trên địa bàn tỉnh năm 2024" in lines
    assert ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính "
            "trên địa bàn tỉnh năm 2024.") in lines
    assert "Tuyên truyền cải cách hành chính trên địa bàn tỉnh năm 2024" in lines


def test_long_dates_in_bases_and_two_laws_in_one_basis(tmp_path: Path) -> None:
    text = edited(("date: 2015-06-19}", "date: 2015-06-19, also: [{type: Luật, title: \"sửa đổi, "
                   "bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
                   "địa phương\", date: 2019-11-22}]}"),
                  ("  proposal:", "  long_dates: true\n  proposal:"))
    lines = rendered(text, tmp_path)
    assert ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, "
            "bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
            "phương ngày 22 tháng 11 năm 2019;") in lines


def test_article_3_worded_otherwise_and_article_2_overridden(tmp_path: Path) -> None:
    text = edited(("  proposal:", "  execution: chịu trách nhiệm triển khai thực hiện Quyết "
                   "định này\n  executors_join: comma\n  article_2: Quyết định này có hiệu lực "
                   "kể từ ngày 01/02/2024.\n  proposal:"))
    lines = rendered(text, tmp_path)
    assert following(lines, "QUYẾT ĐỊNH:", 4) == [
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách hành chính "
        "năm 2024.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày 01/02/2024.",
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm triển khai thực "
        "hiện Quyết định này./."]


def test_article_3_in_full_needs_no_executors(tmp_path: Path) -> None:
    text = edited(("  executors: [Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ]\n",
                   "  article_3: Các sở, ngành chịu trách nhiệm thi hành Quyết định này.\n"))
    lines = rendered(text, tmp_path)
    assert "Điều 3. Các sở, ngành chịu trách nhiệm thi hành Quyết định này./." in lines


def test_short_issuer_in_references_and_an_appendix_without_one(tmp_path: Path) -> None:
    text = edited(("place: Gia Lai,", "place: Gia Lai, reference_name: Ủy ban nhân dân tỉnh,"),
                  ("  title: Nhiệm vụ trọng tâm\n", "  title: Nhiệm vụ trọng tâm\n"
                   "  reference: false\n"))
    lines = rendered(text, tmp_path)
    assert ("(Ban hành kèm theo Quyết định số 15/QĐ-UBND ngày 10 tháng 01 năm 2024 của Ủy ban "
            "nhân dân tỉnh)") in lines
    assert following(lines, "PHỤ LỤC", 3) == ["PHỤ LỤC", "NHIỆM VỤ TRỌNG TÂM", "TT"]


def test_the_proposal_as_ministries_word_it(tmp_path: Path) -> None:
    text = edited(("  proposal: {by: Giám đốc Sở Nội vụ}",
                   "  proposal: {phrase: Xét đề nghị của, by: Vụ trưởng Vụ Cải cách hành chính}"))
    lines = rendered(text, tmp_path)
    assert "Xét đề nghị của Vụ trưởng Vụ Cải cách hành chính." in lines


def test_a_single_reference_may_be_a_mapping(tmp_path: Path) -> None:
    text = edited(("lead: snv,", "lead: {body: snv, label: Sở Nội vụ tỉnh},"),
                  ("        bodies: [snv]", "        bodies: {body: snv, label: Sở Nội vụ tỉnh}"))
    lines = rendered(text, tmp_path)
    assert "1. Sở Nội vụ tỉnh" in lines
    assert following(lines, "Viết tin bài", 2) == ["Viết tin bài", "Sở Nội vụ tỉnh"]
