"""Every complaint of the YAML parser that plangen words for people, made by a real broken file."""
from __future__ import annotations

import pytest

from generator.plan.load import load_text
from generator.plan.yaml_reasons import REASONS
from generator.shell.errors import InvalidInput, Message
from generator.shell.i18n import format_problem

# One file for each parser complaint in REASONS, keyed by the complaint's start.
BROKEN = {
    "did not find expected ',' or ']'": "a: [1\n",
    "did not find expected ',' or '}'": "a: {b: 1\n",
    "did not find expected key": "a:\n  b: 1\n c: 2\n",
    "mapping values are not allowed in this context": "a: b: c\n",
    "could not find expected ':'": "a: 1\nb\nc: 2\n",
    "did not find expected '-' indicator": "a:\n  - x\n  y: 1\n",
    "found unexpected end of stream": "a: 'b\n",
    "found unknown escape character": 'a: "\\q"\n',
    "found undefined alias": "a: *x\n",
    "found character that cannot start any token": "a: @b\n",
    "exceeded maximum nesting depth": "a: " + "[" * 2000 + "]" * 2000 + "\n",
    "but found another document": "a: 1\n---\nb: 2\n",
    "found duplicate anchor": "a: &x 1\nb: &x 2\n",
    "block sequence entries are not allowed in this context": "a: - b\n",
    "found unexpected document indicator": 'a: "x\n---\ny"\n',
    "did not find expected node content": "{a: ]}\n",
    "did not find expected <document start>": "%YAML 1.1\na: 1\n",
    "did not find expected comment or line break": "a: |1x\n b\n",
    "did not find expected whitespace": "%TAG !e!tag:x\n---\na: 1\n",
    "did not find the expected '>'": "a: !<foo b\n",
    "did not find expected tag URI": "a: !<> b\n",
    "did not find expected '!'": "a: !x!y b\n",
    "found undefined tag handle": "a: !e!x b\n",
    "did not find URI escaped octet": "a: !<%zz> b\n",
    "found unknown directive name": "%FOO bar\n---\na: 1\n",
    "found duplicate %YAML directive": "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "found duplicate %TAG directive": "%TAG !e! tag:x,2000:\n%TAG !e! tag:x,2000:\n---\na: 1\n",
    "found incompatible YAML document": "%YAML 2.0\n---\na: 1\n",
    "found an indentation indicator equal to 0": "a: |0\n  x\n",
    "found invalid Unicode character escape code": 'a: "\\uD800"\n',
    "did not find expected hexdecimal number": 'a: "\\xZZ"\n',
    "did not find expected alphabetic or numeric character": "a: &\n",
}


def reason_of(text: str) -> Message | str:
    with pytest.raises(InvalidInput) as caught:
        load_text(text, "f.yaml")
    [problem] = caught.value.problems
    assert problem.message.msgid == "YAML syntax error: {reason}"
    return problem.message.params["reason"]


def test_every_worded_complaint_has_a_file_that_makes_it() -> None:
    assert sorted(BROKEN) == sorted(REASONS)


@pytest.mark.parametrize("start", sorted(BROKEN))
def test_the_parser_complaint_is_said_in_our_words(start: str) -> None:
    assert reason_of(BROKEN[start]) == Message(REASONS[start])


@pytest.mark.parametrize(("text", "vi", "en"), [
    ("a: " + "[" * 2000 + "]" * 2000 + "\n",
     "f.yaml:1:1003: (document): lỗi cú pháp YAML: các danh sách và nhóm trường lồng nhau quá "
     "nhiều tầng (nhiều hơn mức trình đọc cho phép)",
     "f.yaml:1:1003: (document): YAML syntax error: the lists and mappings are nested too deeply "
     "(more than the parser allows)"),
    ("a: 1\n---\nb: 2\n",
     "f.yaml:2:1: (document): lỗi cú pháp YAML: một văn bản thứ hai bắt đầu ở đây (dòng '---'); "
     "tệp kế hoạch chỉ chứa một văn bản",
     "f.yaml:2:1: (document): YAML syntax error: a second document starts here (a line '---'); "
     "a plan file holds one document"),
    ("a: \x07\n",
     "f.yaml:1:4: (document): lỗi cú pháp YAML: tệp chứa ký tự U+0007 mà YAML không chấp nhận; "
     "hãy xoá ký tự đó",
     "f.yaml:1:4: (document): YAML syntax error: the file contains the character U+0007, which "
     "YAML does not accept; delete it"),
])
def test_the_whole_line_is_translated(text: str, vi: str, en: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        load_text(text, "f.yaml")
    [problem] = caught.value.problems
    assert (format_problem(problem, "vi"), format_problem(problem, "en")) == (vi, en)


def test_an_unknown_complaint_is_shown_as_the_parser_wrote_it() -> None:
    from generator.plan.yaml_reasons import syntax_reason
    assert syntax_reason("something new", None) == "something new"
    assert syntax_reason("second occurrence", "found duplicate anchor 'x'; first occurrence") \
        == Message(REASONS["found duplicate anchor"])
