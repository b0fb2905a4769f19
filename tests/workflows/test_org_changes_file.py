"""The changes file's format (org_changes_schema.py): bad files, every message pinned."""
# ruff: noqa: E501  (pinned messages are whole output lines, as in tests/plan/test_messages.py)
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from cerberus import Validator

from generator.plan.load import load_text
from generator.shell.errors import InvalidInput, Message, Problem
from generator.shell.i18n import format_problem
from generator.workflows import org_changes as changes_module
from generator.workflows.org_changes import (
    changes_from,
    load_changes,
)
from generator.workflows.org_changes_schema import DOCUMENT

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import messages as catalog_tool

ROOT = Path(__file__).resolve().parents[2]


# Bad files: every message, pinned.

BASE = """\
plangen-changes: 1
events:
  - id: a
    date: 2025-03-01
    kind: merge
    names: [Sở A]
    successor: {name: Sở B, code: SB}
    note: A vào B.
"""


def problems(text: str) -> list[Problem]:
    try:
        changes_from(load_text(text, "c.yaml"))
    except InvalidInput as exc:
        return exc.problems
    return []


def test_the_base_is_valid() -> None:
    assert problems(BASE) == []


def event(ident: str, names: str, successor: str | None, kind: str = "merge",
          date: str = "2025-03-01") -> str:
    text = (f"  - id: {ident}\n    date: {date}\n    kind: {kind}\n    names: {names}\n")
    if successor is not None:
        text += f"    successor: {{name: {successor}}}\n"
    return text + "    note: x.\n"


CASES: list[tuple[str, str, list[str], list[str]]] = [
    # (name, yaml, Vietnamese lines, English lines)
    ("cycle-of-two", BASE + event("b", "[Sở B]", "Sở A"),
     ["c.yaml:7:23: events[0].successor.name: vòng lặp: các sự kiện a → b → a dẫn ngược về 'Sở A'",
      "c.yaml:13:23: events[1].successor.name: vòng lặp: các sự kiện b → a → b dẫn ngược về 'Sở B'"],
     ["c.yaml:7:23: events[0].successor.name: a cycle: the events a → b → a lead back to 'Sở A'",
      "c.yaml:13:23: events[1].successor.name: a cycle: the events b → a → b lead back to 'Sở B'"]),
    ("cycle-of-three", BASE + event("b", "[Sở B]", "Sở C", "rename", "2026-01-01")
     + event("c", "[Sở D, Sở C]", "Sở A", "rename", "2027-01-01"),
     ["c.yaml:7:23: events[0].successor.name: vòng lặp: các sự kiện a → b → c → a dẫn ngược về 'Sở A'",
      "c.yaml:13:23: events[1].successor.name: vòng lặp: các sự kiện b → c → a → b dẫn ngược về 'Sở B'",
      "c.yaml:19:23: events[2].successor.name: vòng lặp: các sự kiện c → a → b → c dẫn ngược về 'Sở C'"],
     ["c.yaml:7:23: events[0].successor.name: a cycle: the events a → b → c → a lead back to 'Sở A'",
      "c.yaml:13:23: events[1].successor.name: a cycle: the events b → c → a → b lead back to 'Sở B'",
      "c.yaml:19:23: events[2].successor.name: a cycle: the events c → a → b → c lead back to 'Sở C'"]),
    ("duplicate-id", BASE + event("a", "[Sở C]", "Sở D"),
     ["c.yaml:9:9: events[1].id: mã 'a' bị dùng hai lần (lần đầu ở dòng 3); mã định danh không được trùng"],
     ["c.yaml:9:9: events[1].id: the id 'a' is used twice (first at line 3); ids must be unique"]),
    ("unreal-date", BASE.replace("2025-03-01", "2025-02-30"),
     ["c.yaml:4:11: events[0].date: '2025-02-30' không phải là ngày có thật"],
     ["c.yaml:4:11: events[0].date: '2025-02-30' is not a real date"]),
    ("date-written-otherwise", BASE.replace("2025-03-01", "01/3/2025"),
     ["c.yaml:4:11: events[0].date: cần ngày viết theo dạng NĂM-THÁNG-NGÀY (ví dụ 2024-01-05), nhưng gặp '01/3/2025'"],
     ["c.yaml:4:11: events[0].date: expected a date written YYYY-MM-DD (e.g. 2024-01-05), found '01/3/2025'"]),
    ("abolish-with-successor", BASE.replace("kind: merge", "kind: abolish"),
     ["c.yaml:7:5: events[0].successor: cơ quan bị giải thể thì không có cơ quan kế thừa; hãy xóa 'successor'"],
     ["c.yaml:7:5: events[0].successor: an abolished body has no successor; delete 'successor'"]),
    ("merge-without-successor", BASE.replace("    successor: {name: Sở B, code: SB}\n", ""),
     ["c.yaml:3:5: events[0]: sự kiện loại 'merge' cần có 'successor': cơ quan hoặc tỉnh tiếp tục hoạt động sau thay đổi"],
     ["c.yaml:3:5: events[0]: a 'merge' event needs a 'successor': the body or province that continues"]),
    ("unknown-field", BASE + "    nots: y\n",
     ["c.yaml:9:5: events[0].nots: trường 'nots' không có trong mẫu khai báo; có phải ý là 'note'?"],
     ["c.yaml:9:5: events[0].nots: unknown field 'nots'; did you mean 'note'?"]),
    ("unknown-field-no-suggestion", BASE.replace("plangen-changes: 1\n",
                                                 "plangen-changes: 1\nxyzzy: 2\n"),
     ["c.yaml:2:1: xyzzy: trường 'xyzzy' không có trong mẫu khai báo"],
     ["c.yaml:2:1: xyzzy: unknown field 'xyzzy'"]),
    ("unknown-placeholder", BASE.replace("names: [Sở A]", 'names: ["Sở A {huyện}"]'),
     ["c.yaml:6:13: events[0].names[0]: '{huyện}' không phải là chỗ điền tên được nhận; chỉ dùng được {tỉnh}"],
     ["c.yaml:6:13: events[0].names[0]: '{huyện}' is an unknown placeholder; the only one is {tỉnh}"]),
    ("unknown-kind", BASE.replace("kind: merge", "kind: split"),
     ["c.yaml:5:11: events[0].kind: không dùng được 'split' ở đây; hãy dùng một trong: rename, merge, abolish, province-merge"],
     ["c.yaml:5:11: events[0].kind: 'split' is not allowed here; use one of: rename, merge, abolish, province-merge"]),
    ("wrong-version", BASE.replace("plangen-changes: 1", "plangen-changes: 2"),
     ["c.yaml:1:18: plangen-changes: không dùng được '2' ở đây; hãy dùng một trong: 1"],
     ["c.yaml:1:18: plangen-changes: '2' is not allowed here; use one of: 1"]),
    ("version-true", BASE.replace("plangen-changes: 1", "plangen-changes: true"),
     ["c.yaml:1:18: plangen-changes: cần một số nguyên, nhưng gặp giá trị true/false"],
     ["c.yaml:1:18: plangen-changes: expected a whole number, found true/false"]),
    ("not-a-mapping", "- a\n",
     ["c.yaml:1:1: (document): cần một nhóm trường (các dòng 'tên: giá trị'), nhưng gặp một danh sách"],
     ["c.yaml:1:1: (document): expected a mapping (key: value lines), found a list"]),
    ("no-events", "plangen-changes: 1\n",
     ["c.yaml:1:1: (document): thiếu trường bắt buộc 'events'"],
     ["c.yaml:1:1: (document): the required field 'events' is missing"]),
]


@pytest.mark.parametrize(("name", "text", "vi", "en"), CASES, ids=[c[0] for c in CASES])
def test_message_is_pinned(name: str, text: str, vi: list[str], en: list[str]) -> None:
    found = problems(text)
    assert [format_problem(p, "vi") for p in found] == vi
    assert [format_problem(p, "en") for p in found] == en


def msgids(message: Message) -> set[str]:
    return {message.msgid, *(msgid for value in message.params.values()
                             if isinstance(value, Message) for msgid in msgids(value))}


def test_every_message_of_the_changes_file_is_pinned() -> None:
    hit = {msgid for _n, text, _vi, _en in CASES for p in problems(text)
           for msgid in msgids(p.message)}
    wanted = set(catalog_tool.code_messages(("workflows/org_changes.py",)))
    assert wanted and wanted - hit == set()


def test_every_problem_comes_at_once() -> None:
    text = BASE.replace("2025-03-01", "2025-02-30") + event("a", "[Sở C]", None) + \
        "    nots: y\n"
    assert [format_problem(p, "en") for p in problems(text)] == [
        "c.yaml:4:11: events[0].date: '2025-02-30' is not a real date",
        "c.yaml:9:5: events[1]: a 'merge' event needs a 'successor': the body or province that "
        "continues",
        "c.yaml:9:9: events[1].id: the id 'a' is used twice (first at line 3); ids must be unique",
        "c.yaml:14:5: events[1].nots: unknown field 'nots'; did you mean 'note'?"]


def test_a_refused_successor_is_not_reported_missing_too() -> None:
    text = BASE.replace("successor: {name: Sở B, code: SB}", "successor: Sở B")
    assert [format_problem(p, "en") for p in problems(text)] == [
        "c.yaml:7:16: events[0].successor: expected a mapping (key: value lines), found the "
        "text 'Sở B'"]


def test_a_kept_name_is_no_cycle() -> None:
    text = BASE.replace("names: [Sở A]", "names: [Sở B, Sở A]")
    assert problems(text) == []


def test_a_file_that_cannot_be_read_is_located(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        load_changes(tmp_path / "none.yaml")
    assert [format_problem(p, "en") for p in caught.value.problems] == [
        f"{tmp_path / 'none.yaml'}:1:1: (document): no such file"]
    assert caught.value.exit_code == 1


def test_the_schema_definition_is_valid_cerberus() -> None:
    Validator(DOCUMENT)  # the module trusts it (no check at start); check it here


def test_the_module_reads_its_file_only_through_load() -> None:
    """No clock, environment or working directory: tests/test_purity.py, for every core module."""
    source = Path(changes_module.__file__).read_text()
    assert not re.search(r"\bopen\(", source)
    assert "import os" not in source
