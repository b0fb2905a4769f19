"""`plangen schema` agrees with Cerberus on a document with every construct, changed one value
at a time, both ways; true/false is no whole number to either."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from cerberus import schema_registry
from jsonschema import Draft202012Validator
from test_json_schema import loaded, refused_by_cerberus, refused_by_json_schema

from generator.plan import json_schema
from generator.plan.load import load_text
from generator.plan.schema import DOCUMENT, field_names
from generator.plan.shorthand import expand
from generator.plan.validate import PlanValidator, shield_lists, validate
from generator.shell.errors import InvalidInput, Problem, format_path
from generator.shell.i18n import format_problem

RICH = """\
plangen: 1
kind: decision
year: 2024
number: 15
date: 2024-01-10
issue_year: 2024
reference_date: short
issuer: {name: Ủy ban nhân dân tỉnh Gia Lai, code: UBND, place: Gia Lai, parent: X,
         header: [ỦY BAN NHÂN DÂN, TỈNH GIA LAI], reference_name: Ủy ban nhân dân tỉnh}
groups: [{id: so-nganh, name: "các sở, ban, ngành"}]
bodies:
  - {id: snv, name: Sở Nội vụ, short: SNV, code: SNV, groups: [so-nganh]}
decision:
  authority: CHỦ TỊCH
  summary_phrase: Ban hành
  bases:
    - {id: luat, type: Luật, title: Tổ chức, date: 2015-06-19, also: [{text: Luật khác}]}
    - Nghị quyết số 76/NQ-CP
  long_dates: true
  proposal: {phrase: Xét đề nghị của, by: Giám đốc Sở Nội vụ,
             document: {type: Tờ trình, number: 1/TTr-SNV, date: 2024-01-02}}
  scope_in_article: true
  effective: kể từ ngày ký
  executors: [Giám đốc Sở Nội vụ]
  executors_join: comma
  execution: chịu trách nhiệm
  article_1: Một
  article_2: Hai
  article_3: Ba
  articles: [Một, Hai, Ba]
plan:
  topic: Tuyên truyền
  scope: trên địa bàn tỉnh
  scope_position: before-year
  attach_phrase: Kèm theo
  opening: Thực hiện
  objectives: [Nâng cao nhận thức.]
  requirements: {items: [a]}
  audience: [a]
  content: [a]
  channels: [a]
  solutions: [a]
  funding: {note: (Phụ lục)}
  targets:
    title: Chỉ tiêu
    style: dash
    note: ghi chú
    note_inline: true
    from: {id: targets, fingerprint: 0123456789abcdef}
    items:
      - {id: t1, text: Đạt, value: 100, unit: "%", value_in_text: false, inline: false}
      - {title: Tiêu đề, body: snv, style: plus, items: [a, {text: b, body: {body: snv}}]}
  assignments:
    title: Tổ chức thực hiện
    items:
      - id: giao-snv
        bodies: [snv, {body: so-nganh, label: Các sở}]
        intro: Chủ trì
        style: plain
        inline: false
        sentence: false
        tasks: [{id: snv-1, text: "Theo dõi.", from: {id: x, fingerprint: 0123456789abcdef}}]
      - {id: giao-2, label: Các sở, tasks: [{id: t2, text: Làm}]}
  closing: Trên đây
  closing_note: (ghi chú)
  sections:
    - {title: A, parts: [objectives, targets], note: n, note_inline: false}
    - {title: B, parts: [assignments]}
appendix:
  label: PHỤ LỤC
  attach_phrase: Kèm theo
  title: Nhiệm vụ
  reference: true
  join: and
  number_width: 2
  orientation: landscape
  columns:
    - {key: number, header: TT, width: 10}
    - {key: content, header: Nội dung, width: 80, join: comma, line_end: none}
  rows:
    - {id: r1, content: Viết tin bài, lead: snv, support: [so-nganh], time: {quarters: [2, 4]},
       form: a, product: [b], note: c, joins: {lead: comma, support: semicolon, bodies: and},
       from: {id: r, fingerprint: 0123456789abcdef, role: lead},
       rows: [{id: r1a, content: con, time: [Quý I, Quý II]}, {id: r1b, content: x, time: Quý},
              {id: r1c, content: y, time: {lines: [a], with_year: true, style: dash}}]}
recipients: [Như Điều 3]
archive: [VP]
copies: 5
derived_from: {file: a.yaml, unit: snv, issuer: UBND, kind: plan, number: 1, date: 2023-12,
               fingerprint: 0123456789abcdef, on: 2024-01-01}
signer: {on_behalf: Ủy ban nhân dân, mode: KT, head: CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: A}
"""
# Values put in place of each value of RICH: one of every type, and the texts that patterns and
# enums take or refuse (dates, codes, ids), the mappings that shorthands stand for.
SAMPLES: tuple[Any, ...] = (None, True, "", "x", 7, -1, 1.5, [], ["x"], {}, {"zzz": 1})
SAMPLES_FOR: dict[type, tuple[Any, ...]] = {
    str: ("snv", "UBND", "2024-01-05", "2024-01", "comma", 0, 5000),
    int: (0, 5000, False),
    list: ([7], [{}], [{"body": "snv"}]),
    dict: ({"body": "snv"}, {"text": "x"}, {"items": []}),
}
_REMOVE = object()


def places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """(path, value) of every value of a document, the document itself first."""
    yield path, node
    children = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, value in children:
        yield from places(value, (*path, key))


def changed(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of data with the value at path replaced (or removed, for _REMOVE)."""
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    head, rest = path[0], path[1:]
    if value is _REMOVE and not rest:
        del copy[head]
    else:
        copy[head] = changed(data[head], rest, value)
    return copy


def variants(data: Any) -> Iterator[tuple[tuple[Any, ...], str, Any, Any]]:
    """(path, what was changed, the value put there, the changed document)."""
    for path, node in places(data):
        if not path:
            continue
        for sample in (*SAMPLES, *SAMPLES_FOR.get(type(node).__mro__[-2], ())):
            yield path, f"{path} = {sample!r}", sample, changed(data, path, sample)
        if isinstance(path[-1], str):
            yield path, f"{path} removed", None, changed(data, path, _REMOVE)
        if isinstance(node, dict):
            yield path, f"{path} + zzz", None, changed(data, path, {**node, "zzz": 1})


class Judge:
    """Both verdicts on a change to RICH, judged on the field the change is in.

    Everything outside it is RICH's own, valid and untouched, and neither schema relates
    fields of different mappings: a change inside plan.targets, say, can only make
    plan.targets wrong (or, removed, plan incomplete). Validating that field alone keeps the
    thousands of variants fast.
    """

    def __init__(self) -> None:
        self.root = json_schema.json_schema("en")
        self.validators: dict[tuple[Any, ...], tuple[Any, Any]] = {}

    def resolved(self, node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref", "")
        return self.root["$defs"][ref.rsplit("/", 1)[-1]] if ref else node

    def scope(self, path: tuple[Any, ...], variant: dict[str, Any]) -> tuple[Any, ...]:
        if len(path) > 1 and path[0] in ("plan", "decision", "appendix") \
                and isinstance(variant.get(path[0]), dict):
            return path[:2]
        return path[:1]

    def verdicts(self, path: tuple[Any, ...], variant: dict[str, Any]) -> tuple[bool, bool]:
        """(refused by JSON Schema, refused by Cerberus)."""
        scope = self.scope(path, variant)
        cerberus_rules, node = DOCUMENT, self.root
        raw, expanded = variant, expand(variant)
        for key in scope[:-1]:
            cerberus_rules = cerberus_rules[key]["schema"]
            node = self.resolved(node["properties"][key])
            raw, expanded = raw[key], expanded[key]
        key = scope[-1]
        if key not in raw:
            return key in node.get("required", []), bool(cerberus_rules[key].get("required"))
        field = {key: cerberus_rules[key]}
        if scope not in self.validators:
            sub = {**node["properties"][key], "$defs": self.root["$defs"]}
            self.validators[scope] = (Draft202012Validator(sub), PlanValidator(field))
        by_json, by_cerberus = self.validators[scope]
        return (not by_json.is_valid(raw[key]),
                not by_cerberus.validate(shield_lists({key: expanded[key]}, field)))


def test_the_rich_document_uses_every_field() -> None:
    data = loaded(RICH)
    assert not refused_by_cerberus(data)
    assert not refused_by_json_schema(data)
    written = {key for path, _ in places(data) for key in path if isinstance(key, str)}
    assert field_names() - written == set()


def test_json_schema_and_cerberus_agree_on_every_change_of_one_value() -> None:
    data, judge = loaded(RICH), Judge()
    disagreements, count = [], 0
    for path, what, _sample, variant in variants(data):
        count += 1
        by_json_schema, by_cerberus = judge.verdicts(path, variant)
        if by_json_schema != by_cerberus:
            refused_by = "JSON Schema" if by_json_schema else "Cerberus"
            disagreements.append(f"{what}: refused by {refused_by} only")
    assert count > 3000
    assert disagreements == []


def integer_fields() -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """(path, rules) of every integer field of the Cerberus schema, found by walking it."""
    def walk(rules: dict[str, Any], path: tuple[Any, ...]) -> Iterator[
            tuple[tuple[Any, ...], dict[str, Any]]]:
        if rules.get("type") == "integer":
            yield path, rules
        inner = rules.get("schema")
        if isinstance(inner, str):
            inner = schema_registry.get(inner)
        if rules.get("type") == "list" and isinstance(inner, dict):
            yield from walk(inner, (*path, 0))
        elif rules.get("type") == "dict" and isinstance(inner, dict) and path.count(0) < 2:
            for key, value in inner.items():  # rows of rows: one level down is enough
                yield from walk(value, (*path, key))
    for key, value in DOCUMENT.items():
        yield from walk(value, (key,))


def names(path: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(part for part in path if isinstance(part, str))


def test_the_rich_document_has_a_value_in_every_integer_field() -> None:
    wanted = {names(path) for path, _rules in integer_fields()}
    found = {names(path) for path, value in places(loaded(RICH))
             if isinstance(value, int) and names(path) in wanted}
    assert wanted - found == set()
    assert {"plangen", "year", "number", "issue_year", "copies"} <= {n[-1] for n in wanted}
    assert ("appendix", "rows", "time", "quarters") in wanted


@pytest.mark.parametrize("value", [True, False])
def test_true_or_false_in_an_integer_field_is_refused_by_both(value: bool) -> None:
    """A bool is an int to Python and to plain Cerberus: `number: true` once printed Số: 01."""
    data, judge = loaded(RICH), Judge()
    wanted = {names(path) for path, _rules in integer_fields()}
    paths = [path for path, node in places(data) if isinstance(node, int)
             and not isinstance(node, bool) and names(path) in wanted]
    assert len(paths) >= 9
    for path in paths:
        variant = changed(data, path, value)
        assert judge.verdicts(path, variant) == (True, True), path
        assert judge.verdicts(path, changed(data, path, data_at(data, path))) == (False, False)
        located = [format_problem(p, "en") for p in schema_step(variant) if p.path == path]
        assert located == [f"f.yaml:{located_at(variant, path)}: {format_path(path)}: expected a "
                           "whole number, found true/false"], path


def data_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def schema_step(data: Any) -> list[Problem]:
    """The problems validate() finds in data written out as YAML (JSON is YAML)."""
    try:
        validate(load_text(json.dumps(data, ensure_ascii=False), "f.yaml"))
    except InvalidInput as exc:
        return exc.problems
    return []


def located_at(data: Any, path: tuple[Any, ...]) -> str:
    line, column = load_text(json.dumps(data, ensure_ascii=False), "f.yaml").position(path)
    return f"{line}:{column}"


def test_judging_one_field_is_judging_the_document() -> None:
    data, judge = loaded(RICH), Judge()
    for path, what, _sample, variant in list(variants(data))[::40]:
        whole = (refused_by_json_schema(variant), refused_by_cerberus(variant))
        assert judge.verdicts(path, variant) == whole, what
