"""plangen rollover: next year's plan, edited from last year's file, with a checklist.

Expectations are written by hand from the Hà Giang text (seed 000): which sentences speak of the
plan year (they move), which cite other documents (they stay), what an officer must decide.
"""
from __future__ import annotations

import difflib
import json
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT, docx_lines, render

from generator.cli import main
from generator.nd30 import check_docx
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.plan.yeartext import move_years

HA_GIANG = ROOT / "examples" / "ha-giang-2023.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def roll(source: Path, target: Path, year: int, *extra: str) -> Result:
    return run("--lang", "en", "rollover", str(source), "--to", str(year), "-o", str(target),
               *extra)


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


@pytest.fixture(scope="module")
def rolled(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, Result]:
    folder = tmp_path_factory.mktemp("roll")
    before = HA_GIANG.read_bytes()
    result = roll(HA_GIANG, folder / "hg-2024.yaml", 2024, "--no-changes")
    assert result.exit_code == 0, result.output
    assert HA_GIANG.read_bytes() == before  # the input is never written
    return (before.decode("utf-8"), (folder / "hg-2024.yaml").read_text(encoding="utf-8"),
            result)


# Every sentence of the Hà Giang plan that speaks of 2023 as the plan year or of 2022 as the year
# before, as an officer reads them (content note, section II.2.d, II.3.k, III.1, IV.1, V.3.b,
# V.6.a, V.7.a twice, the closing, the Phụ lục title, rows 3, 6, 7, 11 and 15).
MOVED = [
    ("nhiệm vụ trọng tâm năm 2023 đính kèm", "nhiệm vụ trọng tâm năm 2024 đính kèm"),
    ("công tác CCHC năm 2022, Trong đó", "công tác CCHC năm 2023, Trong đó"),
    ("trên địa bàn tỉnh Hà Giang năm 2022; Tình hình", "trên địa bàn tỉnh Hà Giang năm 2023; Tình hình"),
    ("kết quả đạt được năm 2022 của các Sở", "kết quả đạt được năm 2023 của các Sở"),
    ("Kế hoạch tuyên truyền CCHC năm 2023 của Sở, ban, ngành", "Kế hoạch tuyên truyền CCHC năm 2024 của Sở, ban, ngành"),
    ("Kinh phí tuyên truyền CCHC năm 2023 của tỉnh", "Kinh phí tuyên truyền CCHC năm 2024 của tỉnh"),
    ("nhiệm vụ trọng tâm năm 2023 và thực hiện báo cáo", "nhiệm vụ trọng tâm năm 2024 và thực hiện báo cáo"),
    ("tuyên truyền CCHC trong năm 2023.", "tuyên truyền CCHC trong năm 2024."),
    ("Căn cứ Kế hoạch tuyên truyền CCHC năm 2023 của UBND tỉnh và tình hình thực tế xây dựng Kế hoạch tuyên truyền CCHC năm 2023 của cơ quan",
     "Căn cứ Kế hoạch tuyên truyền CCHC năm 2024 của UBND tỉnh và tình hình thực tế xây dựng Kế hoạch tuyên truyền CCHC năm 2024 của cơ quan"),
    ("Trên đây là Kế hoạch tuyên truyền CCHC năm 2023,", "Trên đây là Kế hoạch tuyên truyền CCHC năm 2024,"),
    ("TUYÊN TRUYỀN CCHC NĂM 2023 TRÊN ĐỊA BÀN", "TUYÊN TRUYỀN CCHC NĂM 2024 TRÊN ĐỊA BÀN"),
    ("Kế hoạch CCHC năm 2023 của UBND tỉnh lên Cổng", "Kế hoạch CCHC năm 2024 của UBND tỉnh lên Cổng"),
    ("time: Năm 2023", "time: Năm 2024"),
    ("time: Năm 2023", "time: Năm 2024"),
    ("(SIPAS) năm 2022.", "(SIPAS) năm 2023."),
    ("time: Năm 2023", "time: Năm 2024"),
]


def test_exactly_the_plan_years_move_and_the_draft_fields_clear(rolled: tuple[str, str, Result]
                                                                ) -> None:
    old, new, _result = rolled
    removed, added = changed_lines(old, new)
    expected_removed = ["year: 2023", "number: 233", "date: 2022-12-19",
                        "    - id: qd-2250-2022",
                        "    document: {type: Tờ trình, number: 551/TTr-SNV, date: 2022-12-12}"]
    expected_added = ["year: 2024", "number:", "date:",
                      "    - id: qd-2250-2022  # plangen rollover: văn bản của kế hoạch năm 2023: "
                      "thay bằng văn bản năm nay",
                      "    document: {type: Tờ trình}"]
    assert removed[:5] == expected_removed
    assert added[:5] == expected_added
    assert len(removed) == len(added) == 5 + len(MOVED)
    for (was, now), line_was, line_now in zip(MOVED, removed[5:], added[5:], strict=True):
        assert was in line_was and now in line_now
        assert line_was.replace(was, now) == line_now  # nothing else on the line changed


def test_citations_and_periods_stay(rolled: tuple[str, str, Result]) -> None:
    _old, new, _result = rolled
    for kept in ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "giai đoạn 2021-2030",
                 "Quyết định số 1170/QĐ-UBND ngày 21/7/2022",
                 "Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh ban hành Kế hoạch "
                 "CCHC năm 2023 trên địa bàn tỉnh Hà Giang",
                 "title: về kế hoạch cải cách hành chính tỉnh Hà Giang năm 2023",
                 "giai đoạn 2021 - 2025, định hướng đến năm 2030"):
        assert kept in new


def test_the_checklist_names_what_a_human_decides(rolled: tuple[str, str, Result],
                                                  tmp_path: Path) -> None:
    _old, _new, result = rolled
    lines = [line.split(": ", 1)[1] for line in result.stderr.splitlines()[:-1]]
    assert lines == [
        "decision.bases[4]: this legal basis belongs to the 2023 plan: replace it with this "
        "year's document",
        "decision.proposal.document: the Tờ trình of 2024 does not exist yet: write its number "
        "and date",
        "plan.content.items[0].text: cites a document of the 2023 plan: replace it with this "
        "year's ('Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh ban hành Kế hoạch "
        "CCHC năm 2023 trên địa…')",
    ]
    assert result.stderr.splitlines()[0].split(":")[1] == "64"  # the line in the new file
    assert result.stderr.splitlines()[-1].endswith("; 3 item(s) for a human to check")


def test_comments_and_key_order_survive(rolled: tuple[str, str, Result]) -> None:
    old, new, _result = rolled
    comments = [line for line in old.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in new.splitlines() if line.lstrip().startswith("#")] == comments
    keys = [line.split(":")[0] for line in old.splitlines() if line and line[0].isalpha()]
    assert [line.split(":")[0] for line in new.splitlines() if line and line[0].isalpha()] == keys


def test_the_new_plan_validates_renders_and_passes_nd30(rolled: tuple[str, str, Result],
                                                        tmp_path: Path) -> None:
    _old, new, _result = rolled
    plan = validate(load_text(new, "hg-2024.yaml"))
    assert plan["year"] == 2024 and plan.get("number") is None
    source = tmp_path / "hg-2024.yaml"
    source.write_text(new, encoding="utf-8")
    data = render(source)
    docx = tmp_path / "hg-2024.docx"
    docx.write_bytes(data)
    assert check_docx(docx) == []
    text = "\n".join(docx_lines(data))
    assert "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2024" in text


def test_no_old_plan_year_is_left_outside_citations_and_the_checklist(
        rolled: tuple[str, str, Result]) -> None:
    old, new, _result = rolled
    plan = validate(load_text(new, "hg-2024.yaml"))
    printed = json.dumps(plan, ensure_ascii=False)
    # Every "năm 2023" left is a "năm 2022" of last year's text, moved, or a flagged citation.
    assert printed.count("năm 2023") == json.dumps(
        validate(load_text(old, "old")), ensure_ascii=False).count("năm 2022") + 2


def test_json_checklist_on_stdout(tmp_path: Path) -> None:
    result = roll(HA_GIANG, tmp_path / "n.yaml", 2024, "--no-changes", "--json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert [item["path"] for item in items] == ["decision.bases[4]",
                                                "decision.proposal.document",
                                                "plan.content.items[0].text"]
    assert items[0]["file"] == str(tmp_path / "n.yaml") and items[0]["line"] == 64


def test_rolling_twice_equals_rolling_once(tmp_path: Path) -> None:
    assert roll(HA_GIANG, tmp_path / "2024.yaml", 2024, "--no-changes").exit_code == 0
    assert roll(tmp_path / "2024.yaml", tmp_path / "2025-twice.yaml", 2025,
                "--no-changes").exit_code == 0
    assert roll(HA_GIANG, tmp_path / "2025-once.yaml", 2025, "--no-changes").exit_code == 0
    assert (tmp_path / "2025-twice.yaml").read_text("utf-8") == \
        (tmp_path / "2025-once.yaml").read_text("utf-8")


@pytest.mark.parametrize(("example", "years"), [
    ("tuyen-quang-2027", {"year": (2027, 2030), "issue_year": (2026, 2029)}),
    ("tuyen-quang-snv-2021", {"year": (2021, 2024), "issue_year": (2021, 2024)}),
])
def test_issue_year_moves_by_the_years_rolled(tmp_path: Path, example: str,
                                              years: dict[str, tuple[int, int]]) -> None:
    """Three years on, a plan issued the year before (or in its year) still is."""
    source = ROOT / "examples" / f"{example}.yaml"
    before = validate(load_text(source.read_text("utf-8"), source.name))
    assert {key: before[key] for key in years} == {key: old for key, (old, _) in years.items()}
    target = tmp_path / "n.yaml"
    result = roll(source, target, years["year"][1], "--no-changes")
    assert result.exit_code == 0, result.output
    after = validate(load_text(target.read_text("utf-8"), "n.yaml"))
    assert {key: after[key] for key in years} == {key: new for key, (_, new) in years.items()}


def test_an_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "n.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    result = roll(HA_GIANG, target, 2024, "--no-changes")
    assert result.exit_code == 6
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert roll(HA_GIANG, target, 2024, "--no-changes", "--force").exit_code == 0


def test_the_input_is_never_the_output(tmp_path: Path) -> None:
    source = tmp_path / "p.yaml"
    source.write_bytes(HA_GIANG.read_bytes())
    result = roll(source, source, 2024, "--no-changes", "--force")
    assert result.exit_code == 6
    assert source.read_bytes() == HA_GIANG.read_bytes()


@pytest.mark.parametrize(("year", "message"), [
    ("2023", "--to 2023 is not after the plan year 2023: roll a plan forward into a later year"),
    ("2020", "--to 2020 is not after the plan year 2023: roll a plan forward into a later year"),
    ("2300", "--to 2300 is not a plan year (at most 2100)"),
])
def test_a_bad_target_year(tmp_path: Path, year: str, message: str) -> None:
    result = roll(HA_GIANG, tmp_path / "n.yaml", int(year), "--no-changes")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [message]
    assert not (tmp_path / "n.yaml").exists()


def test_a_plan_that_does_not_validate(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HA_GIANG.read_text("utf-8").replace("year: 2023", "year: x"), "utf-8")
    result = roll(bad, tmp_path / "n.yaml", 2024, "--no-changes")
    assert result.exit_code == 1
    assert "year: expected a whole number" in result.stderr
    assert not (tmp_path / "n.yaml").exists()


def test_an_output_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = roll(HA_GIANG, blocker / "n.yaml", 2024, "--no-changes")
    assert result.exit_code == 3
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("text", "moved", "cited", "listed"), [
    ("Kế hoạch tuyên truyền CCHC năm 2023 của cơ quan", "Kế hoạch tuyên truyền CCHC năm 2024 "
     "của cơ quan", [], []),
    ("Kinh phí thực hiện năm 2023", "Kinh phí thực hiện năm 2024", [], []),
    ("kết quả thực hiện công tác CCHC năm 2022", "kết quả thực hiện công tác CCHC năm 2023", [],
     []),
    ("Quý I/2023", "Quý I/2024", [], []),
    ("Quý II, III/2023", "Quý II, III/2024", [], []),
    ("quý IV năm 2023", "quý IV năm 2024", [], []),
    ("Nghị quyết số 76/NQ-CP ngày 15/7/2021", "Nghị quyết số 76/NQ-CP ngày 15/7/2021", [], []),
    ("giai đoạn 2021-2030", "giai đoạn 2021-2030", [], []),
    ("Quyết định số 1170/QĐ-UBND ngày 21/7/2022", "Quyết định số 1170/QĐ-UBND ngày 21/7/2022",
     [], []),
    ("Trước 31/01/2023", "Trước 31/01/2023", [], ["Trước 31/01/2023"]),
    ("chỉ số PAR INDEX 2023", "chỉ số PAR INDEX 2023", [], ["chỉ số PAR INDEX 2023"]),
    ("năm 2021 và năm 2025", "năm 2021 và năm 2025", [], []),
])
def test_years_in_text(text: str, moved: str, cited: list[str], listed: list[str]) -> None:
    result = move_years(text, 2023, 2024)
    assert (result.text, result.cited, result.ambiguous) == (moved, cited, listed)


# --- organisation changes (the shipped national 2025 changes) -----------------------------------


@pytest.fixture(scope="module")
def rolled_2027(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], list[str]]:
    """The Hà Giang plan rolled to 2024 (a seed-based 2024 plan), then to 2027."""
    folder = tmp_path_factory.mktemp("roll27")
    assert roll(HA_GIANG, folder / "2024.yaml", 2024).exit_code == 0
    result = roll(folder / "2024.yaml", folder / "2027.yaml", 2027)
    assert result.exit_code == 0, result.output
    plan = validate(load_text((folder / "2027.yaml").read_text("utf-8"), "2027.yaml"))
    return plan, [line.split(": ", 1)[1] for line in result.stderr.splitlines()[:-1]]


def test_2025_departments_are_renamed_and_merged(rolled_2027: tuple[dict[str, object], list[str]]
                                                 ) -> None:
    plan, _checklist = rolled_2027
    bodies = {b["id"]: b["name"] for b in plan["bodies"]}  # type: ignore[attr-defined]
    # Sở TT&TT → Sở Khoa học và Công nghệ (renamed in place, id and code too).
    assert bodies["skhcn"] == "Sở Khoa học và Công nghệ" and "stttt" not in bodies
    # Sở KH&ĐT → into Sở Tài chính, already in the registry: one body left.
    assert "skhdt" not in bodies and bodies["stc"] == "Sở Tài chính"
    # The province's radio-television and newspaper → one body, named after the merged province.
    assert bodies["dai-ptth"] == "Báo và Phát thanh, Truyền hình Tuyên Quang"
    assert "bao-hg" not in bodies
    items = plan["plan"]["assignments"]["items"]  # type: ignore[index]
    heads = [[ref["body"] for ref in a.get("bodies", [])] for a in items]
    assert ["skhcn"] in heads and heads.count(["stc"]) == 2  # giao-stc and giao-skhdt
    assert ["dai-ptth"] in heads  # giao-bao-dai: [dai-ptth, bao-hg] named once
    rows = {r["id"]: r for r in plan["appendix"]["rows"]}  # type: ignore[index]
    assert [ref["body"] for ref in rows["row-12"]["lead"]] == ["stc"]
    assert [ref["body"] for ref in rows["row-13"]["lead"]] == ["svhttdl", "stc"]
    assert "Sở Khoa học và Công nghệ, với các cơ quan thông tin" in json.dumps(
        plan["plan"]["solutions"], ensure_ascii=False)  # type: ignore[index]


def test_what_has_no_successor_is_flagged(rolled_2027: tuple[dict[str, object], list[str]]
                                          ) -> None:
    _plan, checklist = rolled_2027
    assert checklist[0].startswith("issuer.name: Tỉnh Tuyên Quang và tỉnh Hà Giang hợp nhất "
                                   "thành tỉnh Tuyên Quang từ ngày 01/7/2025")
    assert checklist[0].endswith("merge the plans of the merged provinces by hand")
    gone = [item for item in checklist if "'UBND các huyện, thành phố' no longer exists" in item]
    # Tasks and rows given to UBND các huyện, thành phố (V.7 and rows 1, 3, 4, 5, 10, 11, 12,
    # 14, 15 of the Phụ lục).
    assert {item.split(":")[0].split(".")[0] for item in gone} == {"plan", "appendix"}
    assert len(gone) == 10
    assert any(item.startswith("plan.assignments.items[6].bodies[2]") for item in gone)
    assert "bodies[2]: 'Sở Thông tin và Truyền thông' is now 'Sở Khoa học và Công nghệ' " \
           "(reorganised): check its tasks" in checklist


def test_nothing_of_2025_applies_to_a_2024_plan(tmp_path: Path) -> None:
    with_changes, without = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert roll(HA_GIANG, with_changes, 2024).exit_code == 0
    assert roll(HA_GIANG, without, 2024, "--no-changes").exit_code == 0
    assert with_changes.read_bytes() == without.read_bytes()


def test_a_department_that_merged_is_renamed_as_issuer(tmp_path: Path) -> None:
    example = ROOT / "examples" / "gia-lai-stttt-2024.yaml"
    result = roll(example, tmp_path / "n.yaml", 2026)
    assert result.exit_code == 0, result.output
    plan = validate(load_text((tmp_path / "n.yaml").read_text("utf-8"), "n.yaml"))
    assert plan["issuer"]["name"] == "Sở Khoa học và Công nghệ tỉnh Gia Lai"  # type: ignore[index]
    assert plan["issuer"]["code"] == "SKHCN"  # type: ignore[index]
    assert "issuer.name: the issuing body is now 'Sở Khoa học và Công nghệ tỉnh Gia Lai'" in \
        result.stderr


def test_a_bad_changes_file(tmp_path: Path) -> None:
    changes = tmp_path / "changes.yaml"
    changes.write_text("plangen-changes: 1\nevents:\n  - {id: a, date: 2025-13-01, kind: merge, "
                       "names: [Sở A], successor: {name: Sở B}, note: x}\n", encoding="utf-8")
    result = roll(HA_GIANG, tmp_path / "n.yaml", 2024, "--changes", str(changes))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].startswith(f"{changes}:3:")
    assert not (tmp_path / "n.yaml").exists()


def test_an_nfd_file_rolls_exactly_as_its_nfc_text(tmp_path: Path) -> None:
    """Text saved decomposed (NFD, as some macOS and web tools do): years inside words like
    'năm 2023' are still moved, the year-tied bases still flagged, quotes never cut a letter."""
    nfc = tmp_path / "nfc.yaml"
    nfd = tmp_path / "nfd.yaml"
    text = HA_GIANG.read_text(encoding="utf-8")
    nfc.write_text(text, encoding="utf-8")
    nfd.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert nfd.read_bytes() != nfc.read_bytes()
    from_nfc = roll(nfc, tmp_path / "a.yaml", 2024)
    from_nfd = roll(nfd, tmp_path / "b.yaml", 2024)
    assert (from_nfc.exit_code, from_nfd.exit_code) == (0, 0)
    rolled_text = (tmp_path / "b.yaml").read_text(encoding="utf-8")
    assert rolled_text == (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", rolled_text)
    assert from_nfd.stderr.replace(str(tmp_path / "b.yaml"), "X") == \
        from_nfc.stderr.replace(str(tmp_path / "a.yaml"), "X")
    assert "năm 2024" in rolled_text and from_nfd.stderr.count("\n") > 3
