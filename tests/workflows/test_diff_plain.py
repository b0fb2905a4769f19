"""plangen diff read by an officer who knows no diff notation (issue #19, point 4).

Short values print whole (`2024 → 2026`); long texts keep their changed words marked, explained by
one legend line; a body replaced everywhere is one change with the places it touched; items of a
list without ids that change places are moved, with their positions. Plans are written here, small,
into tmp_path, and the Hà Giang example is rolled forward as an officer would.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT
from ooxml import assert_valid_ooxml

from generator.cli import main
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.workflows import diff_output as out
from generator.workflows.diff import CHANGED, MOVED, Difference, Report, compare, short
from generator.workflows.diff_words import compact_places, read_whole
from generator.workflows.git_diff import Sides, git_text

PLAN = """\
plangen: 1
kind: plan
year: 2024
issuer: {name: Sở Nội vụ tỉnh Bình Định, code: SNV, place: Bình Định}
bodies:
  - {id: vp, name: Văn phòng Sở}
  - {id: stttt, name: Sở Thông tin và Truyền thông}
  - {id: ttcb, name: Trung tâm Công báo}
plan:
  topic: Tuyên truyền cải cách hành chính
  objectives:
    - Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.
    - text: Công khai thủ tục hành chính.
      items: [Trên Cổng thông tin., Tại Bộ phận một cửa.]
    - Đo lường sự hài lòng.
  assignments:
    items:
      - id: vp
        bodies: [vp]
        tasks:
          - {id: vp-1, text: "LONG"}
          - {id: vp-2, text: "Phối hợp với Sở Thông tin và Truyền thông đưa tin, bài về CCHC."}
      - id: tt
        bodies: [stttt]
        tasks: [{id: tt-1, text: Hướng dẫn các cơ quan báo chí tuyên truyền.}]
appendix:
  title: Nhiệm vụ trọng tâm
  columns:
    - {key: number, header: TT, width: 12}
    - {key: content, header: Nội dung, width: 90}
    - {key: lead, header: Chủ trì, width: 40}
    - {key: support, header: Phối hợp, width: 40}
    - {key: time, header: Thời gian, width: 30}
  rows:
    - {id: r1, content: Viết tin bài, lead: vp, support: [stttt], time: Năm 2024}
    - {id: r2, content: Tập huấn, lead: stttt, support: [vp, ttcb], time: Quý IV/2024}
recipients: [Giám đốc Sở, Sở Thông tin và Truyền thông, Lưu trữ tỉnh]
signer: {title: GIÁM ĐỐC, name: Nguyễn Văn A}
"""
LONG = ("Theo dõi, đôn đốc các phòng thực hiện kế hoạch này; định kỳ tổng hợp báo cáo Giám đốc "
        "Sở kết quả thực hiện.")
PLAN = PLAN.replace('"LONG"', f'"{LONG}"')
# Sở TT&TT replaced by a new Sở KH&CN everywhere, as roll-forward does it: the registry entry,
# every reference, the texts that name it and the Nơi nhận line.
REPLACED = (PLAN.replace("{id: stttt, name: Sở Thông tin và Truyền thông}",
                         "{id: skhcn, name: Sở Khoa học và Công nghệ}")
            .replace("bodies: [stttt]", "bodies: [skhcn]")
            .replace("support: [stttt]", "support: [skhcn]")
            .replace("lead: stttt", "lead: skhcn")
            .replace("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"))


def edited(*pairs: tuple[str, str], text: str = PLAN) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def report(old: str, new: str) -> Report:
    return compare(validate(load_text(old, "cu.yaml")), validate(load_text(new, "moi.yaml")),
                   "cu.yaml", "moi.yaml")


def diff_cli(tmp_path: Path, old: str, new: str, *args: str, lang: str = "vi") -> Result:
    (tmp_path / "cu.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "moi.yaml").write_text(new, encoding="utf-8")
    return CliRunner().invoke(main, ["--lang", lang, "diff", str(tmp_path / "cu.yaml"),
                                     str(tmp_path / "moi.yaml"), *args])


def test_the_plan_is_valid() -> None:
    assert report(PLAN, PLAN).changes == ()
    assert report(PLAN, REPLACED).changes  # and the replaced one too


# --- short values whole ----------------------------------------------------------------------

def test_a_year_change_prints_whole(tmp_path: Path) -> None:
    result = diff_cli(tmp_path, PLAN, edited(("year: 2024", "year: 2026")))
    assert result.exit_code == 1
    # No text is marked word by word, so no legend: the value and nothing else.
    assert result.stdout == "1. Sửa — Năm kế hoạch\n   2024 → 2026\n"
    english = diff_cli(tmp_path, PLAN, edited(("year: 2024", "year: 2026")), lang="en")
    assert english.stdout == "1. Changed — Năm kế hoạch\n   2024 → 2026\n"


def test_a_renamed_body_prints_its_name_whole(tmp_path: Path) -> None:
    renamed = edited(("{id: stttt, name: Sở Thông tin và Truyền thông}",
                      "{id: stttt, name: Sở Khoa học và Công nghệ}"))
    result = diff_cli(tmp_path, PLAN, renamed)
    assert result.stdout == (
        "1. Sửa — Danh mục cơ quan, Sở Khoa học và Công nghệ\n"
        "   Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ\n")


def test_cells_and_deadlines_print_whole(tmp_path: Path) -> None:
    new = edited(("time: Quý IV/2024", "time: Quý III/2024"), ("lead: stttt", "lead: ttcb"))
    text = diff_cli(tmp_path, PLAN, new).stdout
    assert "   Quý IV/2024 → Quý III/2024\n" in text
    assert "   Sở Thông tin và Truyền thông → Trung tâm Công báo\n" in text
    assert "[-" not in text and "Chú thích" not in text


def test_a_long_value_goes_on_two_lines() -> None:
    old, new = "Sở A; " * 12, "Sở B; " * 12
    change = Difference(CHANGED, "Phụ lục, dòng 1, cột Phối hợp", old.strip(), new.strip(),
                    whole=True)
    assert out.as_text(Report("a", "b", (change,))).splitlines()[1:] == [
        "   " + old.strip(), "   → " + new.strip()]


@pytest.mark.parametrize(("text", "whole"), [
    ("2026", True), ("ngày 19 tháng 12 năm 2022", True), ("Sở Khoa học và Công nghệ", True),
    ("Tổng hợp báo cáo.", True),  # a handful of words
    ("Tuyên truyền cải cách hành chính trên địa bàn tỉnh", True),  # a phrase, no full stop
    (LONG, False), ("Theo dõi, đôn đốc việc thực hiện kế hoạch.", False),  # sentences
    ("a\nb", False),
])
def test_the_rule_for_short_texts(text: str, whole: bool) -> None:
    assert short(text) is whole


# --- long texts: marked words and the legend --------------------------------------------------

def test_a_long_text_shows_marked_words_under_one_legend(tmp_path: Path) -> None:
    new = edited((LONG, LONG.replace("đôn đốc", "kiểm tra")),
                 ("year: 2024", "year: 2025"))
    result = diff_cli(tmp_path, PLAN, new)
    assert result.stdout == (
        "Chú thích: [-chữ bỏ-] [+chữ thêm+]\n"
        "\n"
        "1. Sửa — Năm kế hoạch\n"
        "   2024 → 2025\n"
        "\n"
        "2. Sửa — Mục II, Văn phòng Sở, ý a\n"
        "   Theo dõi, [-đôn đốc-][+kiểm tra+] các phòng thực hiện …\n")
    english = diff_cli(tmp_path, PLAN, new, lang="en").stdout
    assert english.splitlines()[:2] == ["Key: [-deleted words-] [+added words+]", ""]
    assert english.count("Key:") == 1
    assert english.isascii() is False and "\x1b" not in english  # plain when piped


def test_the_legend_in_colour_names_the_colours() -> None:
    change = Difference(CHANGED, "Mục I", LONG, LONG.replace("đôn đốc", "kiểm tra"))
    text = out.as_text(Report("a", "b", (change,)), lang="en", color=True)
    assert text.splitlines()[0] == (f"Key: {out.RED}deleted words{out.RESET} "
                                    f"{out.GREEN}added words{out.RESET}")


def test_the_git_driver_follows_the_text_form(tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "n.yaml").write_text(edited(("year: 2024", "year: 2026")), encoding="utf-8")
    sides = Sides("ke-hoach.yaml", str(tmp_path / "o.yaml"), "ke-hoach.yaml",
                  str(tmp_path / "n.yaml"))
    assert git_text(sides, "vi") == ("plangen diff a/ke-hoach.yaml b/ke-hoach.yaml\n"
                                     "1. Sửa — Năm kế hoạch\n   2024 → 2026\n")


# --- a body replaced everywhere ---------------------------------------------------------------

def test_a_body_replaced_everywhere_is_one_change(tmp_path: Path) -> None:
    found = report(PLAN, REPLACED).changes
    assert found == (Difference(
        CHANGED, "Danh mục cơ quan, Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông",
        "Sở Khoa học và Công nghệ", "", "bodies[1]", True, ("stttt", "skhcn"),
        ("Mục II, Văn phòng Sở, ý b", "Mục II, Sở Khoa học và Công nghệ",
         "Phụ lục, dòng 1, cột Phối hợp", "Phụ lục, dòng 2, cột Chủ trì",
         "Nơi nhận, gạch đầu dòng thứ 2")),)
    assert diff_cli(tmp_path, PLAN, REPLACED).stdout == (
        "1. Thay cơ quan: Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ\n"
        "   Sửa theo ở 5 chỗ:\n"
        "     Mục II, Văn phòng Sở, ý b\n"
        "     Mục II, Sở Khoa học và Công nghệ\n"
        "     Phụ lục, dòng 1, cột Phối hợp\n"
        "     Phụ lục, dòng 2, cột Chủ trì\n"
        "     Nơi nhận, gạch đầu dòng thứ 2\n")
    english = diff_cli(tmp_path, PLAN, REPLACED, lang="en").stdout
    assert english.splitlines()[:2] == [
        "1. Body replaced: Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ",
        "   Changed with it in 5 place(s):"]


def test_a_body_merged_into_another_is_one_change() -> None:
    # Trung tâm Công báo goes into Văn phòng Sở: named once where both were named.
    merged = edited(("  - {id: ttcb, name: Trung tâm Công báo}\n", ""),
                    ("support: [vp, ttcb]", "support: [vp]"))
    (change,) = report(PLAN, merged).changes
    assert (change.old, change.new, change.replaced, change.places) == (
        "Trung tâm Công báo", "Văn phòng Sở", ("ttcb", "vp"), ("Phụ lục, dòng 2, cột Phối hợp",))


def test_a_replaced_body_keeps_the_other_edits_of_its_items() -> None:
    new = edited(("lead: skhcn", "lead: [skhcn, vp]"), text=REPLACED)
    found = report(PLAN, new).changes
    assert [c.location for c in found] == ["Danh mục cơ quan, Sở Khoa học và Công nghệ",
                                           "Phụ lục, dòng 2, cột Chủ trì"]
    assert found[0].replaced == ("stttt", "skhcn")
    assert "Phụ lục, dòng 2, cột Chủ trì" not in found[0].places
    assert (found[1].old, found[1].new, found[1].whole) == (
        "Sở Thông tin và Truyền thông", "- Sở Khoa học và Công nghệ / - Văn phòng Sở", True)


def test_a_body_whose_items_went_to_several_is_not_replaced() -> None:
    # One row to Sở KH&CN, one to the Trung tâm: not one body in the other's place.
    new = edited(("support: [skhcn]", "support: [ttcb]"), text=REPLACED)
    found = report(PLAN, new).changes
    assert all(c.replaced is None for c in found)
    assert [(c.kind, c.location) for c in found][:2] == [
        ("removed", "Danh mục cơ quan, Sở Thông tin và Truyền thông"),
        ("added", "Danh mục cơ quan, Sở Khoa học và Công nghệ")]


def test_a_body_removed_with_its_tasks_is_no_replacement() -> None:
    new = edited(("  - {id: stttt, name: Sở Thông tin và Truyền thông}\n",
                  "  - {id: skhcn, name: Sở Khoa học và Công nghệ}\n"),
                 ("      - id: tt\n        bodies: [stttt]\n        tasks: [{id: tt-1, text: Hướng "
                  "dẫn các cơ quan báo chí tuyên truyền.}]\n", ""),
                 ("support: [stttt]", "support: []"), ("lead: stttt", "lead: vp"))
    kinds = [(c.kind, c.location) for c in report(PLAN, new).changes]
    assert ("removed", "Danh mục cơ quan, Sở Thông tin và Truyền thông") in kinds
    assert ("added", "Danh mục cơ quan, Sở Khoa học và Công nghệ") in kinds
    assert all(c.replaced is None for c in report(PLAN, new).changes)


def test_the_rolled_example_is_one_change_per_body(tmp_path: Path) -> None:
    rolled = tmp_path / "hg-2026.yaml"
    done = CliRunner().invoke(main, ["rollover", str(ROOT / "examples" / "ha-giang-2023.yaml"),
                                     "--to", "2026", "-o", str(rolled)])
    assert done.exit_code == 0, done.output
    result = CliRunner().invoke(main, ["diff", str(ROOT / "examples" / "ha-giang-2023.yaml"),
                                       str(rolled)])
    text = result.stdout
    assert text.startswith("Chú thích: [-chữ bỏ-] [+chữ thêm+]\n\n1. Sửa — Năm kế hoạch\n"
                           "   2023 → 2026\n")
    assert ("Thay cơ quan: Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ\n"
            "   Sửa theo ở 5 chỗ:\n     Mục III.3\n") in text
    assert "Thay cơ quan: Sở Kế hoạch và Đầu tư → Sở Tài chính\n" in text
    assert "Thay cơ quan: Báo Hà Giang → Báo và Phát thanh, Truyền hình Tuyên Quang\n" in text
    # Roll-forward writes the merged recipient line once: one change of that line, whole.
    assert ("Sửa — Nơi nhận, gạch đầu dòng thứ 7\n    Báo Hà Giang, Đài PT-TH tỉnh → Báo và "
            "Phát thanh, Truyền hình Tuyên Quang\n") in text
    # No removal or addition of a body, no entry per mention, no Nơi nhận added and removed.
    assert "Bỏ — Danh mục" not in text and "Thêm — Danh mục" not in text
    assert "Thêm — Nơi nhận" not in text and "Bỏ — Nơi nhận" not in text
    assert "Sở [-Thông tin-]" not in text and "Sửa — Mục III.3\n" not in text
    data = json.loads(CliRunner().invoke(main, [
        "diff", str(ROOT / "examples" / "ha-giang-2023.yaml"), str(rolled), "--format",
        "json"]).stdout)
    replaced = [c["replaced"] for c in data["changes"] if "replaced" in c]
    assert replaced == [{"old": "stttt", "new": "skhcn"}, {"old": "skhdt", "new": "stc"},
                        {"old": "bao-hg", "new": "dai-ptth"}]


def test_places_are_listed_compactly() -> None:
    assert compact_places(["Mục III.3", "Phụ lục, dòng 8, cột Phối hợp", "Phụ lục, dòng 2",
                           "Phụ lục, dòng 14, cột Phối hợp", "Phụ lục, dòng 2.1",
                           "Phụ lục, dòng 9, cột Phối hợp", "Mục III.3"]) == [
        "Mục III.3", "Phụ lục, dòng 8, 14 và 9, cột Phối hợp", "Phụ lục, dòng 2 và 2.1"]


def test_markdown_and_docx_name_the_replacement() -> None:
    found = report(PLAN, REPLACED)
    markdown = out.as_markdown(found, lang="vi")
    assert ("1. **Thay cơ quan:** ~~Sở Thông tin và Truyền thông~~ → **Sở Khoa học và Công "
            "nghệ**\n\n   Sửa theo ở 5 chỗ:\n\n   - Mục II, Văn phòng Sở, ý b\n") in markdown
    data = out.as_docx(found)
    assert_valid_ooxml(data)
    assert "Thay cơ quan. Sửa theo ở 5 chỗ: Mục II, Văn phòng Sở, ý b; " in (
        _document_xml(data).decode("utf-8"))


def _document_xml(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


# --- order in lists without ids ---------------------------------------------------------------

def test_swapped_recipients_are_moved_with_their_positions(tmp_path: Path) -> None:
    swapped = edited(("recipients: [Giám đốc Sở, Sở Thông tin và Truyền thông, Lưu trữ tỉnh]",
                      "recipients: [Sở Thông tin và Truyền thông, Giám đốc Sở, Lưu trữ tỉnh]"))
    assert report(PLAN, swapped).changes == (Difference(
        MOVED, "Nơi nhận, gạch đầu dòng thứ 1", "Sở Thông tin và Truyền thông",
        "Sở Thông tin và Truyền thông", "từ Nơi nhận, gạch đầu dòng thứ 2", "recipients[0]",
        whole=True, positions=(2, 1)),)
    assert diff_cli(tmp_path, PLAN, swapped).stdout == (
        "1. Chuyển chỗ — Nơi nhận, gạch đầu dòng thứ 1\n"
        "   Sở Thông tin và Truyền thông\n"
        "   từ Nơi nhận, gạch đầu dòng thứ 2\n")
    assert "Thêm" not in diff_cli(tmp_path, PLAN, swapped).stdout


def test_a_paragraph_without_id_moves_with_its_points() -> None:
    moved = edited(("    - Đo lường sự hài lòng.\n", ""),
                   ("  objectives:\n", "  objectives:\n    - Đo lường sự hài lòng.\n"))
    found = report(PLAN, moved).changes
    assert [(c.kind, c.location, c.note, c.positions) for c in found] == [
        (MOVED, "Mục I.1", "từ Mục I.3", (3, 1))]


def test_a_paragraph_inserted_before_one_with_points_is_one_insertion() -> None:
    inserted = edited(("  objectives:\n", "  objectives:\n    - Mục tiêu mới.\n"))
    found = report(PLAN, inserted).changes
    assert [(c.kind, c.location, c.new) for c in found] == [("added", "Mục I.1", "Mục tiêu mới.")]


def test_a_reworded_point_of_a_paragraph_without_id() -> None:
    new = edited(("Tại Bộ phận một cửa.", "Tại Bộ phận tiếp nhận và trả kết quả."))
    found = report(PLAN, new).changes
    assert [(c.kind, c.location) for c in found] == [(CHANGED, "Mục I.2, điểm b")]


def test_an_item_with_an_id_added_to_a_part_is_seen() -> None:
    new = edited(("    - Đo lường sự hài lòng.\n",
                  "    - Đo lường sự hài lòng.\n    - {id: muc-moi, text: Số hóa hồ sơ.}\n"))
    assert [(c.kind, c.location, c.new) for c in report(PLAN, new).changes] == [
        ("added", "Mục I.4", "Số hóa hồ sơ.")]


# --- JSON: the same keys, new fields only where they say something ---------------------------

def test_json_keeps_its_keys_and_adds_fields(tmp_path: Path) -> None:
    new = edited(("recipients: [Giám đốc Sở, Sở Khoa học và Công nghệ, Lưu trữ tỉnh]",
                  "recipients: [Sở Khoa học và Công nghệ, Giám đốc Sở, Lưu trữ tỉnh]"),
                 ("year: 2024", "year: 2026"), (LONG, LONG.replace("đôn đốc", "kiểm tra")),
                 text=REPLACED)
    data = json.loads(diff_cli(tmp_path, PLAN, new, "--format", "json").stdout)
    assert list(data) == ["plangen_diff", "old", "new", "changes"] and data["plangen_diff"] == 1
    base = ["kind", "location", "old", "new", "note", "path", "words"]
    by_location = {c["location"]: c for c in data["changes"]}
    assert list(by_location["Năm kế hoạch"]) == [*base, "whole"]
    assert by_location["Năm kế hoạch"]["words"] == [["delete", "2024"], ["insert", "2026"]]
    assert list(by_location["Mục II, Văn phòng Sở, ý a"]) == base  # marked words: as before
    body = by_location["Danh mục cơ quan, Sở Khoa học và Công nghệ"]
    assert list(body) == [*base, "whole", "replaced", "places"]
    assert (body["kind"], body["replaced"]) == ("changed", {"old": "stttt", "new": "skhcn"})
    assert body["places"][0] == "Mục II, Văn phòng Sở, ý b"
    moved = by_location["Nơi nhận, gạch đầu dòng thứ 1"]
    assert list(moved) == [*base, "whole", "positions"]
    assert (moved["kind"], moved["positions"]) == ("moved", {"old": 2, "new": 1})
    report_back = out.from_json(json.dumps(data))
    assert out.as_json(report_back) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_json_of_format_1_without_the_new_fields_still_reads() -> None:
    text = json.dumps({"plangen_diff": 1, "old": "a", "new": "b", "changes": [
        {"kind": "changed", "location": "Mục I", "old": "x", "new": "y", "note": "",
         "path": "plan.topic", "words": []}]})
    (change,) = out.from_json(text).changes
    assert (change.whole, change.replaced, change.places, change.positions) == (
        False, None, (), None)
    assert read_whole(change)  # still read whole: two short texts
