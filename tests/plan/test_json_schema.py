"""`plangen schema`: the JSON Schema of the plan YAML, for editors (issue #14).

It says what the Cerberus schema says, shorthands included: every example passes it, and every
file the validator refuses for a structural reason it refuses too. (One value changed at a time:
test_json_schema_agreement.py; the descriptions: test_schema_docs.py.)
"""
from __future__ import annotations

import json
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
from generator.plan import json_schema, schema
from generator.plan.load import load_file, load_text
from generator.plan.schema import DOCUMENT
from generator.plan.shorthand import expand
from generator.plan.validate import PlanValidator, shield_lists
from generator.shell.errors import InvalidInput

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


def test_the_shared_definitions_do_not_depend_on_where_they_are_first_met() -> None:
    reference = json_schema.json_schema("vi")["$defs"]
    elsewhere = {
        "entry": ("plan", "assignments", "items", 0, "tasks", 0, "items", 0),
        "row": ("appendix", "rows", 0, "rows", 0),
        "citation": ("decision", "proposal", "document"),
        "part": ("plan", "funding"),
        "ref": ("appendix", "rows", 0, "support", 0),
    }
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
