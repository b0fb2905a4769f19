"""`plangen schema`: the JSON Schema of the plan YAML, for editors (issue #14).

It says what the Cerberus schema says, shorthands included: every example passes it, every
file the validator refuses for a structural reason it refuses too, and on a document with every
construct, changed one value at a time, it agrees with Cerberus both ways.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_messages
from cerberus import schema_registry
from click.testing import CliRunner
from helpers import EXAMPLES, ROOT
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.plan import json_schema, schema_docs
from generator.plan.load import load_file, load_text
from generator.plan.schema import DOCUMENT, field_names
from generator.plan.shorthand import expand
from generator.plan.validate import PlanValidator, shield_lists, validate
from generator.shell.errors import InvalidInput, Problem, format_path
from generator.shell.i18n import format_problem

VALIDATORS = {lang: Draft202012Validator(json_schema.json_schema(lang)) for lang in ("vi", "en")}
VALIDATOR = VALIDATORS["vi"]


def refused_by_json_schema(data: Any) -> bool:
    return any(True for _ in VALIDATOR.iter_errors(data))


def refused_by_cerberus(data: Any) -> bool:
    """The validator's schema step alone (shorthands expanded), without the cross-checks."""
    expanded = expand(data)
    if not isinstance(expanded, dict):
        return True
    return not PlanValidator(DOCUMENT).validate(shield_lists(expanded, DOCUMENT))


def loaded(text: str) -> Any:
    return load_text(text, "f.yaml").data


# --- the schema itself ----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_schema_is_a_valid_draft_2020_12_schema(lang: str) -> None:
    schema = json_schema.json_schema(lang)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["$defs"]) >= {"entry", "citation", "assignment", "row"}


def test_generating_is_deterministic_and_sorted() -> None:
    first, second = json_schema.dumps("vi"), json_schema.dumps("vi")
    assert first == second
    again = json.dumps(json.loads(first), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert again.encode("utf-8") == first
    assert json_schema.dumps("en") != first


DRAFT_07_KEYWORDS = {
    "$schema", "$ref", "$defs", "title", "description", "markdownDescription", "type", "enum",
    "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
    "properties", "additionalProperties", "required", "items", "anyOf", "allOf", "not",
}


def keywords(node: Any, inside_properties: bool = False) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if not inside_properties and key != "enum":
                yield key
            if key not in ("enum", "required"):
                yield from keywords(value, key in ("properties", "$defs") and
                                    not inside_properties)
    elif isinstance(node, list):
        for value in node:
            yield from keywords(value)


def test_only_keywords_a_draft_07_editor_understands_are_used() -> None:
    # yaml-language-server (VS Code's YAML extension) validates as draft-07.
    assert set(keywords(json_schema.json_schema("vi"))) <= DRAFT_07_KEYWORDS


# --- descriptions --------------------------------------------------------------------------

def property_nodes(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    def walk(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(node, dict):
            for name, value in node.get("properties", {}).items():
                yield f"{where}.{name}", value
            for key, value in node.items():
                if key != "properties":
                    yield from walk(value, where)
            for name, value in node.get("properties", {}).items():
                yield from walk(value, f"{where}.{name}")
        elif isinstance(node, list):
            for value in node:
                yield from walk(value, where)
    yield from walk(schema, "")


@pytest.mark.parametrize(("lang", "index", "other"), [("vi", 1, "English"),
                                                       ("en", 0, "Tiếng Việt")])
def test_every_field_is_described_in_the_chosen_language(lang: str, index: int,
                                                          other: str) -> None:
    schema = json_schema.json_schema(lang)
    texts = {pair[index] for pair in schema_docs.DESCRIPTIONS.values()}
    for where, node in property_nodes(schema):
        assert node.get("description") in texts, where
        assert node["markdownDescription"].startswith(node["description"] + "\n\n*" + other)
    for name, definition in schema["$defs"].items():
        assert definition.get("description") in texts, name


def test_no_description_is_stale() -> None:
    builder = json_schema._Builder("vi")
    builder.document()
    assert set(schema_docs.DESCRIPTIONS) - builder.used == set()


def doc_tables() -> Iterator[tuple[str, str, str]]:
    """(field key, English cell, Vietnamese cell) of every field table of docs/schema.md."""
    prefix = ""
    for line in (ROOT / "docs" / "schema.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            named = re.search(r"`(\w+)`", line)
            prefix = named.group(1) + "." if named else ""
        elif line.startswith("| `"):
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            for name in re.findall(r"`(\w+)`", cells[0]):
                yield prefix + name, cells[-2], cells[-1]


def test_the_descriptions_are_the_cells_of_the_tables_in_docs_schema_md() -> None:
    rows = list(doc_tables())
    assert len(rows) > 60
    for key, en, vi in rows:
        assert schema_docs.DESCRIPTIONS.get(key) == (en, vi), key


# --- the examples pass, structural problems are refused --------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_every_example_passes_as_an_editor_sees_it(path: Path) -> None:
    data = load_file(path).data  # before the shorthands are expanded: the file as written
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []


BASE = test_messages.BASE


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new)


# Structural problems (the schema's, not the cross-checks'), one small document each.
REFUSED = {
    "unknown key": edit("year: 2024", "year: 2024\nzzz: 1"),
    "misspelled key": edit("recipients:", "recipents:"),
    "misspelled nested key": edit("topic:", "topik:"),
    "unknown key in an item": edit("[Nâng cao nhận thức.]", "[{text: a, txt: b}]"),
    "unknown key in a task": edit("{id: vp-1, text: Theo dõi.}", "{id: vp-1, tex: Theo dõi.}"),
    "unknown key in a ref": edit("bodies: [vp]", "bodies: [{body: vp, lable: x}]"),
    "missing required field": edit("recipients: [Giám đốc Sở]\n", ""),
    "missing nested required field": edit("code: SNV, ", ""),
    "missing task list": edit("        tasks: [{id: vp-1, text: Theo dõi.}]\n", ""),
    "missing signer name": edit(", name: Nguyễn Văn A", ""),
    "text for a whole number": edit("year: 2024", "year: năm"),
    "1e3 is text": edit("year: 2024", "year: 1e3"),
    "no is text": edit("year: 2024", "year: no"),
    "on is text": edit("bodies: [vp]", "bodies: [vp]\n        inline: on"),
    "true for text": edit("title: GIÁM ĐỐC", "title: true"),
    "number for an enum": edit("kind: plan", "kind: 12"),
    "list for text": edit("title: GIÁM ĐỐC", "title: [a]"),
    "mapping for text": edit("title: GIÁM ĐỐC", "title: {a: b}"),
    "empty text": edit("title: GIÁM ĐỐC", 'title: ""'),
    "null for a list": edit("recipients: [Giám đốc Sở]", "recipients:"),
    "text for a list": edit("recipients: [Giám đốc Sở]", "recipients: Giám đốc Sở"),
    "list in a list of items": edit("[Nâng cao nhận thức.]", "[[Nâng cao nhận thức.]]"),
    "text for a part": edit("[Nâng cao nhận thức.]", "Nâng cao nhận thức."),
    "true for refs": edit("bodies: [vp]", "bodies: true"),
    "text for an assignment": edit("      - id: vp\n        bodies: [vp]\n"
                                   "        tasks: [{id: vp-1, text: Theo dõi.}]",
                                   "      - Văn phòng theo dõi."),
    "text for the registry": edit("  - {id: vp, name: Văn phòng Sở}", "  - vp"),
    "text for a mapping": edit("{name: Sở Nội vụ tỉnh Bình Định, code: SNV, place: Bình Định}",
                               "Sở Nội vụ"),
    "not an enum value": edit("kind: plan", "kind: plann"),
    "signer mode": edit("{title: GIÁM ĐỐC,", "{mode: no, title: GIÁM ĐỐC,"),
    "style": edit("[Nâng cao nhận thức.]", "{style: bullets, items: [a]}"),
    "version": edit("plangen: 1", "plangen: 2"),
    "date format": edit("year: 2024", "year: 2024\ndate: 05/01/2024"),
    "date with a day too many digits": edit("year: 2024", "year: 2024\ndate: 2024-01-005"),
    "id format": edit("{id: vp, name", "{id: Văn Phòng, name"),
    "negative number as an id": edit("{id: vp-1,", "{id: -1,"),
    "code format": edit("code: SNV", "code: snv"),
    "archive format": edit("recipients: [Giám đốc Sở]",
                           "recipients: [Giám đốc Sở]\narchive: [V P]"),
    "below the minimum": edit("year: 2024", "year: 1999"),
    "above the maximum": edit("year: 2024", "year: 2101"),
    "number zero": edit("year: 2024", "year: 2024\nnumber: 0"),
    "copies": edit("recipients: [Giám đốc Sở]", "recipients: [Giám đốc Sở]\ncopies: 1000"),
    "empty list": edit("recipients: [Giám đốc Sở]", "recipients: []"),
    "empty part list": edit("[Nâng cao nhận thức.]", "[]"),
    "id too long": edit("{id: vp, name", "{id: " + "v" * 65 + ", name"),
}
DECISION = test_messages.DECISION


def dedit(old: str, new: str) -> str:
    assert old in DECISION, old
    return DECISION.replace(old, new)


REFUSED_DECISION = {
    "text and lines of a time": dedit("content: Viết tin bài}",
                                      "content: Viết tin bài, time: {text: a, lines: [b]}}"),
    "quarter 5": dedit("content: Viết tin bài}", "content: Viết tin bài, time: {quarters: [5]}}"),
    "column width": dedit("width: 100}", "width: 300}"),
    "number width": dedit("title: Nhiệm vụ\n", "title: Nhiệm vụ\n  number_width: 4\n"),
    "column key": dedit("{key: content,", "{key: contents,"),
    "text for a column": dedit("    - {key: content, header: Nội dung, width: 100}",
                               "    - content"),
    "text and type of a citation": dedit("{id: a, type: Luật,",
                                         "{id: a, text: Luật X, type: Luật,"),
    "text for a document": dedit("  executors:", "  proposal: {by: Sở, document: Tờ trình}\n"
                                                 "  executors:"),
    "text for an also": dedit("date: 2015-06-19}", "date: 2015-06-19, also: [Luật khác]}"),
    "number for a proposal": dedit("  executors:", "  proposal: 12\n  executors:"),
    "proposal as a list": dedit("  executors:", "  proposal: [a]\n  executors:"),
    "document number with a space": dedit("{id: a, type: Luật,",
                                          "{id: a, number: 76 /NQ-CP, type: Luật,"),
    "fingerprint": dedit("{id: r1,", "{id: r1, from: {id: x, fingerprint: abc},"),
    "role": dedit("{id: r1,", "{id: r1, from: {id: x, fingerprint: 0123456789abcdef, "
                              "role: chair},"),
    "true for a row's form": dedit("content: Viết tin bài}", "content: Viết tin bài, form: true}"),
    "sub-row without content": dedit("content: Viết tin bài}",
                                     "content: Viết tin bài, rows: [{id: r1a}]}"),
}
REFUSED.update(REFUSED_DECISION)


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_structural_problem_is_refused_by_both(name: str) -> None:
    data = loaded(REFUSED[name])
    assert refused_by_cerberus(data), "not a schema problem for plangen"
    assert refused_by_json_schema(data)


ACCEPTED = {
    "a part as a mapping": edit("[Nâng cao nhận thức.]",
                                "{title: Mục đích, items: [a, {text: b}]}"),
    "a part that is only a note": edit("[Nâng cao nhận thức.]", "{note: (Có Phụ lục kèm theo)}"),
    "an item's body as an id": edit("[Nâng cao nhận thức.]", "[{body: vp, text: a}]"),
    "an item's body as a ref": edit("[Nâng cao nhận thức.]", "[{body: {body: vp, label: VP}}]"),
    "nested items as text": edit("[Nâng cao nhận thức.]", "[{title: a, items: [b, {text: c}]}]"),
    "bodies as one id": edit("bodies: [vp]", "bodies: vp"),
    "bodies as one ref": edit("bodies: [vp]", "bodies: {body: vp, label: Văn phòng}"),
    "a number where text is meant": edit("title: GIÁM ĐỐC", "title: 08"),
    "a task as text": edit("[{id: vp-1, text: Theo dõi.}]", "[Theo dõi.]"),
    "assignments as a bare list": edit("    items:\n      - id: vp", "      - id: vp"),
    "a draft's month": edit("year: 2024", "year: 2024\ndate: 2024-01\nnumber:"),
}
ACCEPTED_DECISION = {
    "a basis as text": dedit("    - {id: a, type: Luật,",
                             "    - Luật X\n    - {id: a, type: Luật,"),
    "a proposal as text": dedit("  executors:", "  proposal: Giám đốc Sở Nội vụ\n  executors:"),
    "time as text": dedit("content: Viết tin bài}", "content: Viết tin bài, time: Quý I}"),
    "time as lines": dedit("content: Viết tin bài}", "content: Viết tin bài, time: [a, b]}"),
    "time as quarters": dedit("content: Viết tin bài}",
                              "content: Viết tin bài, time: {quarters: [1], with_year: false}}"),
    "lead as one id, support as a list": dedit("content: Viết tin bài}",
                                                "content: Viết tin bài, lead: vp, "
                                                "support: [a, {body: b, label: B}]}"),
    "form as text, product as a list": dedit("content: Viết tin bài}",
                                             "content: Viết tin bài, form: a, product: [b, c]}"),
    "sub-rows": dedit("content: Viết tin bài}", "content: a, rows: [{id: r2, content: b}]}"),
}


@pytest.mark.parametrize("text", [*ACCEPTED.values(), *ACCEPTED_DECISION.values()],
                         ids=[*ACCEPTED, *ACCEPTED_DECISION])
def test_every_written_form_is_accepted_by_both(text: str) -> None:
    data = loaded(text)
    assert not refused_by_cerberus(data)
    assert [error.message for error in VALIDATOR.iter_errors(data)] == []


def corpus() -> Iterator[tuple[str, Any]]:
    """The pinned messages' documents and the bad-input corpus that get past YAML reading."""
    sources: list[tuple[str, str | Path]] = [
        *((f"messages:{name}", text) for name, text, _vi, _en in test_messages.resolved_cases()),
        *((f"bad_inputs:{path.name}", path)
          for path in sorted((ROOT / "tests" / "bad_inputs").glob("*.yaml")))]
    for name, source in sources:
        try:
            data = load_file(source).data if isinstance(source, Path) else loaded(source)
        except InvalidInput:
            continue  # refused while reading the YAML, before any schema
        yield name, data


CORPUS = list(corpus())


@pytest.mark.parametrize(("name", "data"), CORPUS, ids=[n for n, _ in CORPUS])
def test_the_bad_input_cases_are_judged_as_cerberus_judges_them(name: str, data: Any) -> None:
    assert refused_by_json_schema(data) == refused_by_cerberus(data)


# --- agreement with Cerberus, one change at a time --------------------------------------------

RICH = """\
plangen: 1
kind: decision
year: 2024
number: 15
date: 2024-01-10
issue_year: 2024
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
    - {key: content, header: Nội dung, width: 80, join: comma}
  rows:
    - {id: r1, content: Viết tin bài, lead: snv, support: [so-nganh], time: {quarters: [2, 4]},
       form: a, product: [b], note: c,
       from: {id: r, fingerprint: 0123456789abcdef, role: lead},
       rows: [{id: r1a, content: con, time: [Quý I, Quý II]}, {id: r1b, content: x, time: Quý},
              {id: r1c, content: y, time: {lines: [a], with_year: true}}]}
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


def test_the_shared_definitions_do_not_depend_on_where_they_are_first_met() -> None:
    reference = json_schema.json_schema("vi")["$defs"]
    elsewhere = {
        "entry": ("plan", "assignments", "items", 0, "tasks", 0, "items", 0),
        "row": ("appendix", "rows", 0, "rows", 0),
        "citation": ("decision", "proposal", "document"),
        "part": ("plan", "funding"),
        "ref": ("appendix", "rows", 0, "support", 0),
    }
    from cerberus import schema_registry

    from generator.plan import schema
    fields = {"entry": schema_registry.get("entry"), "row": schema_registry.get("row"),
              "citation": schema_registry.get("citation"), "part": schema.PART,
              "ref": schema.REF["schema"]}
    for name, path in elsewhere.items():
        builder = json_schema._Builder("vi")
        builder.defs = {other: {} for other in reference}  # refer to the others
        assert builder.definition(name, fields[name], path) == reference[name], name


# --- the command -----------------------------------------------------------------------------

def test_the_command_prints_the_schema_in_vietnamese_by_default() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == json_schema.dumps("vi")
    schema = json.loads(result.stdout_bytes)
    assert schema["properties"]["year"]["description"] == "năm kế hoạch"


def test_the_command_speaks_english_when_asked() -> None:
    for args in (["--lang", "en", "schema"], ["schema", "--lang", "en"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0
        year = json.loads(result.stdout_bytes)["properties"]["year"]
        assert year["description"] == "the plan year (2000–2100)"
        assert year["markdownDescription"].endswith("*Tiếng Việt:* năm kế hoạch")


def test_the_command_writes_a_file(tmp_path: Path) -> None:
    target = tmp_path / "plangen.schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_bytes() == json_schema.dumps("vi")
    assert str(target) in result.stderr


def test_the_command_reports_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path / "no" / "s.json")])
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    assert not (tmp_path / "no").exists()
