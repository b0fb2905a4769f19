"""Two small valid plans (a plan, a decision), edits of them, and the lines validation gives."""
from __future__ import annotations

from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.shell.errors import InvalidInput, Problem
from generator.shell.i18n import format_problem

BASE = """\
plangen: 1
kind: plan
year: 2024
issuer: {name: Sở Nội vụ tỉnh Bình Định, code: SNV, place: Bình Định}
bodies:
  - {id: vp, name: Văn phòng Sở}
plan:
  topic: Tuyên truyền cải cách hành chính
  objectives: [Nâng cao nhận thức.]
  assignments:
    items:
      - id: vp
        bodies: [vp]
        tasks: [{id: vp-1, text: Theo dõi.}]
recipients: [Giám đốc Sở]
signer: {title: GIÁM ĐỐC, name: Nguyễn Văn A}
"""


def problems(text: str) -> list[Problem]:
    try:
        validate(load_text(text, "f.yaml"))
    except InvalidInput as exc:
        return exc.problems
    return []


def lines(text: str, lang: str) -> list[str]:
    return [format_problem(p, lang) for p in problems(text)]


def edit(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new)


DECISION = """\
plangen: 1
kind: decision
year: 2024
date: 2024-01-05
issuer: {name: Ủy ban nhân dân tỉnh Bình Định, code: UBND, place: Bình Định}
decision:
  bases:
    - {id: a, type: Luật, title: Tổ chức chính quyền địa phương, date: 2015-06-19}
  executors: [Giám đốc Sở Nội vụ]
plan:
  topic: Tuyên truyền cải cách hành chính
  objectives: [Nâng cao nhận thức.]
appendix:
  title: Nhiệm vụ
  columns:
    - {key: number, header: TT, width: 10}
    - {key: content, header: Nội dung, width: 100}
  rows:
    - {id: r1, content: Viết tin bài}
recipients: [Như Điều 3]
signer: {title: CHỦ TỊCH, name: Nguyễn Văn A}
"""


def dedit(old: str, new: str) -> str:
    assert old in DECISION
    return DECISION.replace(old, new)
