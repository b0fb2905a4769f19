"""plangen rollover keeps the author's layout: a textual diff of last year's file and the rolled one
shows the changed words and the new comments, nothing else (issue #19, point 1).

`layout_changes` is the acceptance check. With the rollover's new comments set aside (a
`# plangen rollover: …` at the end of a line, and any comment line the input did not have), the
lines a line diff removes and adds come in hunks. In a hunk of as many added lines as removed ones,
each added line must differ from its removed line in a word (a run of letters and digits). In
another hunk the words of the removed lines are aligned with those of the added lines, and
- every removed line holds a word that changed (removed or replaced): a line whose words all stay
  is never rewritten;
- every added line holds a changed word (added or replacing one) or words of a removed line that
  holds one (what a longer word pushed past the longest line goes on a line of its own).
And no line of the output is longer than the longest line of the input.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import EXAMPLES
from ruamel.yaml.scalarstring import FoldedScalarString

from generator.cli import main
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.shell.layout_merge import merge
from generator.shell.scalar_layout import _lines, refold
from generator.shell.yamlio import load_roundtrip

MARK = re.compile(r"\s+# plangen rollover: .*$")
WORDS = re.compile(r"\w+")


def roll(source: Path, target: Path, year: int, *extra: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "en", "rollover", str(source), "--to", str(year),
                                     "-o", str(target), *extra])


def without_new_comments(old: list[str], new: list[str]) -> list[str]:
    """new without the rollover's comments: its end-of-line marks, the comment lines old lacks."""
    kept = set(old)
    return [MARK.sub("", line) for line in new
            if line in kept or not line.lstrip().startswith("#")]


def layout_changes(old_text: str, new_text: str) -> list[str]:
    """What the diff of old and new shows beyond changed words and new comments (module doc)."""
    old = old_text.splitlines()
    problems = [f"longer than the input's longest line: {line!r}" for line in new_text.splitlines()
                if len(line) > max(map(len, old))]
    new = without_new_comments(old, new_text.splitlines())
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            problems += hunk_problems(old[i1:i2], new[j1:j2])
    return problems


def hunk_problems(removed: list[str], added: list[str]) -> list[str]:
    """The lines of one hunk that changed though none of their words did."""
    if len(removed) == len(added):
        return [f"rewritten, no word changed: {a!r} → {b!r}"
                for a, b in zip(removed, added, strict=True)
                if WORDS.findall(a) == WORDS.findall(b)]
    old_words = [(n, w) for n, line in enumerate(removed) for w in WORDS.findall(line)]
    new_words = [(n, w) for n, line in enumerate(added) for w in WORDS.findall(line)]
    words = difflib.SequenceMatcher(None, [w for _n, w in old_words],
                                    [w for _n, w in new_words], autojunk=False)
    old_changed: set[int] = set()
    new_changed: set[int] = set()
    pairs = []
    for op, a1, a2, b1, b2 in words.get_opcodes():
        if op != "equal":
            # Words inserted change the line they stand in: at a line's end, either line.
            at = old_words[a1:a2] if a1 < a2 else old_words[max(a1 - 1, 0):a1 + 1]
            old_changed.update(n for n, _w in at)
            new_changed.update(n for n, _w in new_words[b1:b2])
        else:
            pairs += [(old_words[a][0], new_words[b][0]) for a, b in
                      zip(range(a1, a2), range(b1, b2), strict=True)]
    # The rest of a line that changed may stand on a line of its own.
    new_changed.update(b for a, b in pairs if a in old_changed)
    return [f"rewritten, no word changed: {line!r}" for n, line in enumerate(removed)
            if n not in old_changed] + [f"added, no word changed: {line!r}"
                                        for n, line in enumerate(added) if n not in new_changed]


# --- the examples -------------------------------------------------------------------------------


@pytest.mark.parametrize("extra", [(), ("--no-changes",)], ids=["changes", "no-changes"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_an_example_rolled_shows_only_its_changed_words(tmp_path: Path, example: Path,
                                                        extra: tuple[str, ...]) -> None:
    year = int(re.findall(r"\d{4}", example.stem)[-1])
    target = tmp_path / "next.yaml"
    result = roll(example, target, max(year + 1, 2026), *extra)
    assert result.exit_code == 0, result.output
    old, new = example.read_text(encoding="utf-8"), target.read_text(encoding="utf-8")
    assert new != old
    assert layout_changes(old, new) == []


def test_the_check_sees_a_rewritten_line() -> None:
    old = "a:\n  - {id: x, name: Sở A, short: SA,\n     groups: [g]}\nb: năm 2023\n"
    joined = "a:\n  - {id: x, name: Sở A, short: SA, groups: [g]}\nb: năm 2024\n"
    assert layout_changes(old, joined) == [
        "longer than the input's longest line: '  - {id: x, name: Sở A, short: SA, groups: [g]}'",
        "rewritten, no word changed: '  - {id: x, name: Sở A, short: SA,'",
        "rewritten, no word changed: '     groups: [g]}'",
        "added, no word changed: '  - {id: x, name: Sở A, short: SA, groups: [g]}'"]
    assert layout_changes(old, old.replace("{id: x, name:", "{id:  x,name:")) == [
        "rewritten, no word changed: '  - {id: x, name: Sở A, short: SA,' → "
        "'  - {id:  x,name: Sở A, short: SA,'"]
    assert layout_changes(old, old.replace("2023", "2024")) == []


# --- small plans written by hand ------------------------------------------------------------------

PLAN = """\
plangen: 1
kind: plan
year: 2023
issue_year: 2023

issuer:
  name: Sở Nội vụ tỉnh Hà Giang
  code: SNV
  place: Hà Giang
  parent: UBND TỈNH HÀ GIANG
  header: [SỞ NỘI VỤ]

bodies:
  - {id: vp, name: Văn phòng Sở}
  - {id: sx, name: Sở Xây dựng tỉnh Hà Giang}

plan:
  topic: Tuyên truyền cải cách hành chính
  opening: >-
    Thực hiện Kế hoạch số 15/KH-UBND ngày 26/01/2023 của UBND tỉnh về tuyên truyền cải cách hành
    chính; Sở Nội vụ xây dựng Kế hoạch tuyên truyền công tác cải cách hành chính năm 2023 của Sở
    với những nội dung cụ thể như sau, để các phòng, đơn vị thuộc Sở biết và thực hiện đầy đủ.
  objectives:
    items:
      - id: a
        text: >-
          Phối hợp với Sở Xây dựng tỉnh Hà Giang và các cơ quan liên quan trong việc thông tin,
          tuyên truyền về kết quả cải cách hành chính năm 2022 của tỉnh trên các phương tiện thông
          tin đại chúng.
      - id: b
        text: |-
          Tổ chức hội nghị tập huấn năm 2023
          cho cán bộ, công chức của Sở.
      - id: c
        text: 'Kiểm tra việc thực hiện kế hoạch năm 2023 của các phòng'
      - id: d
        text: "Báo cáo kết quả thực hiện năm 2023 về UBND tỉnh"
      - {id: e, text: "Tổng kết công tác tuyên truyền năm 2023 của Sở"}
      - id: f
        text: Tuyên truyền trên Trang thông tin điện tử của Sở các nội dung về cải cách
          hành chính năm 2023 và kết quả thực hiện của các phòng, đơn vị thuộc Sở Nội vụ
          tỉnh Hà Giang.
      - id: g
        text: "Phát hành bản tin cải cách hành chính hằng quý của Sở năm 2023, gửi đến các
          phòng, đơn vị và đăng tải trên Trang thông tin điện tử của Sở."
  assignments:
    items:
      - id: giao-vp
        bodies: [vp]
        tasks:
          - {id: vp-1, text: Theo dõi việc thực hiện Kế hoạch.}

recipients: [UBND tỉnh (báo cáo), Lưu VT]
signer: {mode: none, title: GIÁM ĐỐC, name: Nguyễn Văn A}
"""

CHANGES = """\
plangen-changes: 1
events:
  - id: sx-rename
    date: 2023-06-01
    kind: rename
    names: [Sở Xây dựng]
    successor: {name: Sở Xây dựng và Phát triển đô thị nông thôn, code: SXD}
    note: Sở Xây dựng đổi tên.
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan-2023.yaml"
    path.write_text(PLAN, encoding="utf-8")
    validate(load_text(PLAN, "plan-2023.yaml"))
    return path


def rolled(plan: Path, *extra: str) -> str:
    target = plan.with_name("plan-2024.yaml")
    result = roll(plan, target, 2024, *extra)
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


def test_each_style_keeps_its_lines(plan: Path) -> None:
    new = rolled(plan, "--no-changes")
    assert layout_changes(PLAN, new) == []
    removed = [line for line in PLAN.splitlines() if line not in new.splitlines()]
    added = [line for line in new.splitlines() if line not in PLAN.splitlines()]
    # One line per moved year, in its own style: folded, literal, quoted, a flow mapping, a plain
    # and a double-quoted text over several lines.
    assert [line.replace("2023", "2024").replace("2022", "2023") for line in removed] == added
    assert len(added) == 10 and "issue_year: 2024" in added
    assert "      - {id: e, text: \"Tổng kết công tác tuyên truyền năm 2024 của Sở\"}" in added
    assert "        text: 'Kiểm tra việc thực hiện kế hoạch năm 2024 của các phòng'" in added
    assert "          Tổ chức hội nghị tập huấn năm 2024" in added


def test_a_longer_name_breaks_its_line_again_within_the_longest(plan: Path) -> None:
    changes = plan.with_name("changes.yaml")
    changes.write_text(CHANGES, encoding="utf-8")
    new = rolled(plan, "--changes", str(changes))
    assert layout_changes(PLAN, new) == []
    tree = load_roundtrip(new)
    text = tree["plan"]["objectives"]["items"][0]["text"]
    assert isinstance(text, FoldedScalarString)
    assert text.startswith("Phối hợp với Sở Xây dựng và Phát triển đô thị nông thôn tỉnh Hà Giang")
    # The first line grew: it is broken again; the lines after it are the author's.
    assert new.count("Phối hợp với Sở Xây dựng và Phát triển") == 1
    assert "          tuyên truyền về kết quả cải cách hành chính năm 2023 của tỉnh trên các" \
           " phương tiện thông\n          tin đại chúng.\n" in new


def test_a_long_rollover_comment_goes_on_over_comment_lines(plan: Path) -> None:
    with_group = PLAN.replace("bodies:\n", 'groups:\n  - {id: ubnd-huyen, name: "UBND các huyện, '
                              'thành phố"}\n\nbodies:\n')
    plan.write_text(with_group, encoding="utf-8")
    target = plan.with_name("plan-2026.yaml")
    assert roll(plan, target, 2026).exit_code == 0  # the district level ends on 01/7/2025
    new = target.read_text(encoding="utf-8")
    assert layout_changes(with_group, new) == []
    lines = new.splitlines()
    at = lines.index('  - {id: ubnd-huyen, name: "UBND các huyện, thành phố"}  '
                     "# plangen rollover: Từ ngày 01/7/2025")
    assert lines[at + 1].startswith("    # không còn đơn vị hành chính cấp huyện")
    assert lines[at + 4] == "    # huyện chuyển về tỉnh hoặc xã, phường — hãy giao lại"
    assert lines[at + 5:at + 7] == ["", "bodies:"]
    validate(load_text(new, "plan-2026.yaml"))


def test_rolling_is_deterministic_and_validates(plan: Path) -> None:
    first = rolled(plan, "--no-changes")
    plan.with_name("plan-2024.yaml").unlink()
    assert rolled(plan, "--no-changes") == first
    validate(load_text(first, "plan-2024.yaml"))


# --- the pieces ---------------------------------------------------------------------------------


def lines(text: str, folds: list[int]) -> list[str]:
    return [text[a:b] for a, b in _lines(text, folds)]


OLD = ("Tăng cường công tác phối hợp giữa các cơ quan năm 2023 trong việc thông tin tuyên truyền "
       "về cải cách hành chính của tỉnh đến người dân và doanh nghiệp trên địa bàn")
FOLDS = [i for i, ch in enumerate(OLD) if ch == " "][7::8]


def test_an_unchanged_length_keeps_every_fold() -> None:
    new = OLD.replace("2023", "2024")
    assert refold(OLD, FOLDS, new) == FOLDS


def test_only_the_line_of_a_changed_word_changes() -> None:
    old_lines = lines(OLD, FOLDS)
    new = OLD.replace("năm 2023 trong việc", "năm 2023 về việc")
    new_lines = lines(new, refold(OLD, FOLDS, new))
    assert new_lines[0] == old_lines[0] and new_lines[2:] == old_lines[2:]
    assert new_lines[1] == old_lines[1].replace("trong việc", "về việc")


def test_a_line_that_grows_past_the_longest_is_broken_greedily() -> None:
    old_lines = lines(OLD, FOLDS)
    longest = max(map(len, old_lines))
    new = OLD.replace("năm 2023", "năm 2023 cùng với các đơn vị sự nghiệp")
    new_lines = lines(new, refold(OLD, FOLDS, new))
    assert max(map(len, new_lines)) <= longest
    assert new_lines[0] == old_lines[0] and new_lines[-2:] == old_lines[-2:]
    assert len(new_lines) == len(old_lines) + 1
    assert all(line == line.strip() and "  " not in line for line in new_lines)


def test_a_word_longer_than_the_line_stands_alone() -> None:
    new = "a " + "x" * 50 + " b"
    folds = refold("a b c", [1, 3], new)
    assert lines(new, folds) == ["a", "x" * 50, "b"]


def test_a_fold_is_never_where_yaml_cannot_fold() -> None:
    old = "một hai ba bốn"
    new = "một  hai ba\nbốn"
    assert refold(old, [3, 7, 10], new) == [8]


def test_the_author_lines_come_back_where_the_writer_differs() -> None:
    original = "a: {x: 1,\n   y: 2}\nb: năm 2023\n"
    base = "a: {x: 1, y: 2}\nb: năm 2023\n"
    edited = "a: {x: 1, y: 2}\nb: năm 2024\n"
    assert merge(original, base, edited) == "a: {x: 1,\n   y: 2}\nb: năm 2024\n"
    assert merge(original, base, edited.replace("y: 2", "y: 3")) == \
        "a: {x: 1,\n   y: 3}\nb: năm 2024\n"
    assert merge(original, base, edited.replace("y: 2", "y: 3"), rewrap=False) == \
        "a: {x: 1, y: 3}\nb: năm 2024\n"


def test_a_new_comment_is_wrapped_after_the_quotes_it_follows() -> None:
    original = 'a: "x # y z"\nb: 1\n'
    edited = 'a: "x # y z"  # một hai ba\nb: 1\n'
    assert merge(original, original, edited) == 'a: "x # y z"  # một\n# hai ba\nb: 1\n'
    assert merge(original, original, edited, wrap_comments=False) == edited
