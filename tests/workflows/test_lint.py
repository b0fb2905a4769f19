"""plangen lint: what a reviewer would mark, by hand, on the seed plans and one case per warning.

The expected warnings of the examples are written by hand: the abbreviations the published plans use
without ever spelling them out (Nghị định 30), nothing else. The seeds' own defects, corrected in
the examples, are put back one by one and each is caught.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT

from generator.cli import main
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.workflows.lint import lint
from generator.workflows.lint_files import shipped_words

HA_GIANG = (ROOT / "examples" / "ha-giang-2023.yaml").read_text(encoding="utf-8")
GIA_LAI = (ROOT / "examples" / "gia-lai-stttt-2024.yaml").read_text(encoding="utf-8")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def warnings(text: str) -> list[tuple[str, str]]:
    loaded = load_text(text, "p.yaml")
    from generator.workflows.org_changes import load_changes

    found = lint(loaded, text, validate(loaded), shipped_words(), load_changes(None))
    from generator.shell.i18n import translate

    return [(w.code, translate(w.problem.message, "en")) for w in found]


def codes(text: str) -> list[str]:
    return [code for code, _message in warnings(text)]


def edited(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


NEVER = ("is never spelled out (Nghị định 30: the full words, then the abbreviation in brackets, "
         "at its first use)")


@pytest.mark.parametrize(("example", "expected"), [
    # Seed 000 uses TTHC, CBCC, BCĐ and DGI without ever writing them out.
    ("ha-giang-2023", [("ABBR-UNDEFINED", f"'TTHC' {NEVER}"), ("ABBR-UNDEFINED", f"'CBCC' {NEVER}"),
                       ("ABBR-UNDEFINED", f"'BCĐ' {NEVER}"), ("ABBR-UNDEFINED", f"'DGI' {NEVER}")]),
    ("gia-lai-stttt-2024", []),
    ("tuyen-quang-snv-2021", []),
])
def test_the_seed_examples(example: str, expected: list[tuple[str, str]]) -> None:
    text = (ROOT / "examples" / f"{example}.yaml").read_text(encoding="utf-8")
    assert warnings(text) == expected


def test_the_seeds_own_defects_are_caught() -> None:
    """seeds/README.md: 000's CBCCVN, CQHCCN, "Chỉ trì", "buru chính", 2338 and "QĐ - UBND"."""
    text = edited(
        HA_GIANG,
        ("cho CBCCVC (Số lượng", "cho CBCCVN (Số lượng"),
        ("đối với sự phục vụ của CQHCCNN làm thước đo", "đối với sự phục vụ của CQHCCN làm thước đo"),
        ("Chủ trì, triển khai việc khen thưởng", "Chỉ trì, triển khai việc khen thưởng"),
        ("dịch vụ bưu chính công ích... để người dân", "dịch vụ buru chính công ích... để người dân"),
        ("Trao đổi ý kiến bạn đọc về CCHC trên Báo Hà Giang (12 chuyên mục/năm).",
         "Trao đổi ý kiến bạn đọc về CCHC trên Báo Hà Giang (12 chuyên mục/năm) theo Quyết "
         "định số 2338/QĐ-UBND ngày 19/12/2022."),
        ("Phát hành cuốn chỉ số CCHC", "Theo Quyết định số 233/QĐ - UBND, phát hành cuốn chỉ số CCHC"),
    )
    found = warnings(text)
    assert ("ABBR-TWO-WAYS", "'CQHCCN' looks like 'CQHCCNN' abbreviated another way: write one of "
            "them everywhere") in found
    assert ("ABBR-TWO-WAYS", "'CBCCVN' looks like 'CBCCVC' abbreviated another way: write one of "
            "them everywhere") in found
    assert ("SPELL-CONFUSION", "'Chỉ trì' is a known misspelling: write 'Chủ trì'") in found
    assert ("SPELL-CONFUSION", "'buru chính' is a known misspelling: write 'bưu chính'") in found
    assert ("NUMBER-TWO-WAYS", "'2338/QĐ-UBND' and '233/QĐ-UBND' of the same day are cited for "
            "one document: check the number") in found
    assert ("SYMBOL-SPACES", "the symbol '233/QĐ - UBND' is typed with spaces: write it without "
            "('233/QĐ-UBND')") in found
    assert len(found) == 4 + 6  # the example's own four, and these six


def test_the_seed_003_defects_are_caught() -> None:
    """seeds/README.md: 003's CBCCVV (undefined) and "Niềm yết"."""
    text = GIA_LAI.replace("Niêm yết", "Niềm yết")
    text = text.replace("cán bộ, CCVC, người lao động làm việc tại Sở", "CBCCVV, người lao động "
                        "làm việc tại Sở", 1)
    found = warnings(text)
    assert ("SPELL-CONFUSION", "'Niềm yết' is a known misspelling: write 'Niêm yết'") in found
    assert ("ABBR-UNDEFINED", f"'CBCCVV' {NEVER}") in found


BASE = (ROOT / "tests" / "data" / "constructs-base.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("pairs", "code", "message"), [
    ((("[Nâng cao nhận thức.]", "[Tuyên truyền về TTHC., Thủ tục hành chính (TTHC).]"),),
     "ABBR-LATE", "'TTHC' is used before it is spelled out (Nghị định 30: the full words, then "
                  "the abbreviation in brackets, at its first use)"),
    ((("[Nâng cao nhận thức.]", "[Nâng cao nhận thức về trièn khai.]"),),
     "SPELL-SYLLABLE", "'trièn' is not a Vietnamese syllable: check its spelling"),
    ((("[Nâng cao nhận thức.]", "[Nâng cao nhận thức trong Kế hoạch tuyên truyền năm 2021.]"),),
     "YEAR-OTHER", "this names the plan of 2021, but the plan is for 2024"),
    ((("time: {quarters: [2, 4]}", "time: Quý II/2025"),),
     "YEAR-DEADLINE", "the time 'Quý II/2025' falls outside the plan year 2024"),
    ((("year: 2024\nnumber: 15\ndate: 2024-01-10", "year: 2026\nnumber: 15\ndate: 2026-01-10"),
      ("{id: stc, name: Sở Tài chính,", "{id: stc, name: Sở Kế hoạch và Đầu tư,")),
     "BODY-GONE", "'Sở Kế hoạch và Đầu tư' no longer exists in 2026: Sở Kế hoạch và Đầu tư hợp "
                  "nhất với Sở Tài chính thành Sở Tài chính từ ngày 01/3/2025 theo Nghị định "
                  "45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ và quyết định của Ủy ban nhân dân "
                  "tỉnh"),
    ((("year: 2024\nnumber: 15\ndate: 2024-01-10", "year: 2026\nnumber: 15\ndate: 2026-01-10"),
      ("[Nâng cao nhận thức.]", "[Phối hợp với UBND cấp huyện.]")),
     "BODY-GONE", "the text names 'UBND cấp huyện', which no longer exists in 2026"),
])
def test_one_case_per_warning(pairs: tuple[tuple[str, str], ...], code: str,
                              message: str) -> None:
    assert warnings(edited(BASE, *pairs)) == [(code, message)]


TO_2026 = ("year: 2024\nnumber: 15\ndate: 2024-01-10", "year: 2026\nnumber: 15\ndate: 2026-01-10")


# A text that sets off each rule, and the plan edits it needs (README: the rules' table).
EVERY_RULE = [
    ("SPELL-SYLLABLE", "Sở Nội vụ (để b/c)", ()),
    ("SPELL-CONFUSION", "Chỉ trì, phối hợp", ()),
    ("ABBR-UNDEFINED", "Văn phòng TTHC", ()),
    ("YEAR-OTHER", "Kế hoạch tuyên truyền năm 2021", ()),
    ("SYMBOL-SPACES", "Quyết định số 233/QĐ - UBND", ()),
    ("NUMBER-TWO-WAYS", "Quyết định số 16/QĐ-UBND ngày 10/01/2024", ()),
    ("BODY-GONE", "UBND cấp huyện", (TO_2026,)),
]


@pytest.mark.parametrize(("code", "text", "pairs"), EVERY_RULE, ids=[r[0] for r in EVERY_RULE])
def test_no_rule_reads_the_wording_of_the_recipients(
        code: str, text: str, pairs: tuple[tuple[str, str], ...]) -> None:
    """README: Nơi nhận's wording is not checked; the same words elsewhere are. Only BODY-GONE
    reads it, for a recipient that no longer exists."""
    in_text = edited(BASE, *pairs, ("[Nâng cao nhận thức.]", f"[{text}.]"))
    assert code in codes(in_text)
    in_recipients = edited(BASE, *pairs, ("recipients: [Như Điều 3]",
                                          f"recipients: [Như Điều 3, {text}]"))
    expected = [("BODY-GONE", f"the text names '{text}', which no longer exists in 2026")] \
        if code == "BODY-GONE" else []
    assert warnings(in_recipients) == expected


def test_a_placeholder_is_not_a_word() -> None:
    """`{value}` in an item with value_in_text is where the figure goes, not the word 'value'."""
    target = "  targets: [{text: '{value} hồ sơ được giải quyết đúng hạn', value: 100, unit: '%',"
    plan = edited(BASE, ("  objectives: [Nâng cao nhận thức.]\n",
                         f"  objectives: [Nâng cao nhận thức.]\n{target} value_in_text: true}}]\n"))
    assert warnings(plan) == []
    # The rest of the text is still read; and without value_in_text "{value}" is printed as it
    # stands, so it is a word like any other.
    misspelt = plan.replace("hồ sơ được", "hồ sơ trièn")
    assert warnings(misspelt) == [
        ("SPELL-SYLLABLE", "'trièn' is not a Vietnamese syllable: check its spelling")]
    literal = plan.replace("value_in_text: true", "value_in_text: false")
    assert warnings(literal) == [
        ("SPELL-SYLLABLE", "'value' is not a Vietnamese syllable: check its spelling")]


def test_the_base_has_no_warning() -> None:
    assert warnings(BASE) == []


def test_an_ignore_comment_silences_that_code_on_that_line() -> None:
    text = edited(BASE, ("[Nâng cao nhận thức.]", "[Nâng cao nhận thức về trièn khai.]"))
    assert codes(text) == ["SPELL-SYLLABLE"]
    silenced = text.replace("trièn khai.]", "trièn khai.]  # plangen: ignore SPELL-SYLLABLE")
    assert codes(silenced) == []
    other = text.replace("trièn khai.]", "trièn khai.]  # plangen: ignore ABBR-LATE")
    assert codes(other) == ["SPELL-SYLLABLE"]


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text(BASE, encoding="utf-8")
    result = run("--lang", "en", "lint", str(clean))
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == "no warnings\n"
    dirty = tmp_path / "dirty.yaml"
    dirty.write_text(edited(BASE, ("[Nâng cao nhận thức.]", "[Nâng cao nhận thức về trièn "
                                   "khai.]")), encoding="utf-8")
    result = run("--lang", "en", "lint", str(dirty))
    assert result.exit_code == 1
    assert result.stdout == (f"{dirty}:21:16: plan.objectives.items[0].text: [SPELL-SYLLABLE] 'trièn' "
                             "is not a Vietnamese syllable: check its spelling\n")
    result = run("lint", "--json", str(dirty))
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{
        "file": str(dirty), "line": 21, "column": 16, "path": "plan.objectives.items[0].text",
        "code": "SPELL-SYLLABLE",
        "message": "'trièn' không phải là một âm tiết tiếng Việt: hãy kiểm tra chính tả"}]
    bad = tmp_path / "bad.yaml"
    bad.write_text(BASE.replace("year: 2024", "year: x"), encoding="utf-8")
    result = run("--lang", "en", "lint", str(bad))
    assert result.exit_code == 2
    assert "year: expected a whole number" in result.stderr


@pytest.mark.parametrize("invalid_first", [True, False])
def test_an_invalid_file_fails_the_run_whatever_the_others_warn(tmp_path: Path,
                                                                invalid_first: bool) -> None:
    """README: exit 1 with warnings, 2 when a file is not a valid plan; 2 wins."""
    dirty = tmp_path / "dirty.yaml"
    dirty.write_text(edited(BASE, ("[Nâng cao nhận thức.]", "[Nâng cao nhận thức về trièn "
                                   "khai.]")), encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(BASE.replace("year: 2024", "year: x"), encoding="utf-8")
    files = [bad, dirty] if invalid_first else [dirty, bad]
    result = run("--lang", "en", "lint", *map(str, files))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{bad}:3:7: year: expected a whole number, found the text 'x'", "1 problem(s) found"]
