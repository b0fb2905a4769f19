"""The field descriptions have one source (generator/plan/schema_docs*.py): every field of the
Cerberus schema has one and nothing else does, `plangen schema` shows them, and docs/schema.md's
field tables are what `make docs` writes from them, the prose around them untouched."""
from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cerberus import schema_registry
from helpers import ROOT

from generator.plan import json_schema, schema, schema_docs
from generator.plan.schema_docs_table import BEGIN, END, DocsError, Field, Table, updated

sys.path.insert(0, str(ROOT / "tools"))
import build_docs

DOC = ROOT / "docs" / "schema.md"


def schema_fields() -> tuple[dict[str, dict[str, Any]], set[str]]:
    """Every field of the Cerberus schema by description key, with its rules, and the names of
    the mappings that are `$defs` of the JSON Schema (the registry's and schema.py's named ones).

    A field of a shared mapping is keyed by the mapping's name ('entry.text', 'part.note'), a
    field of an inline one by the path to it ('issuer.name', 'row.time.lines').
    """
    named = {id(value): name.lower() for name, value in vars(schema).items()
             if name.isupper() and isinstance(value, dict) and name != "DOCUMENT"}
    fields: dict[str, dict[str, Any]] = {}
    definitions: set[str] = set()

    def mapping(node: dict[str, Any], prefix: str) -> None:
        for name, rules in node.items():
            fields[prefix + name] = rules
            value(rules, prefix + name)

    def value(rules: dict[str, Any], key: str) -> None:
        inner = rules.get("schema")
        if rules.get("type") == "list" and isinstance(inner, dict):
            value(inner, key)
        elif rules.get("type") == "dict":
            if isinstance(inner, str):
                name, inner = inner, schema_registry.get(inner)
            else:
                name = named.get(id(inner)) or named.get(id(rules)) or ""
            if not name:
                mapping(inner, key + ".")
            elif name not in definitions:
                definitions.add(name)
                mapping(inner, name + ".")

    mapping(schema.DOCUMENT, "")
    return fields, definitions


FIELDS, DEFINITIONS = schema_fields()


def rows() -> Iterator[tuple[str, Field]]:
    for table in schema_docs.TABLES:
        yield from table.by_key().items()


# --- one description for every field, none for anything else ---------------------------------

def test_every_field_of_the_schema_has_a_description_and_nothing_else_has_one() -> None:
    assert len(FIELDS) > 140
    assert {"row.time.lines", "entry.value", "part.style", "from.role"} <= set(FIELDS)
    wanted = set(FIELDS) | DEFINITIONS | {"(document)"}
    assert sorted(wanted - set(schema_docs.DESCRIPTIONS)) == []
    assert sorted(set(schema_docs.DESCRIPTIONS) - wanted) == []


def test_the_json_schema_asks_for_exactly_the_described_keys() -> None:
    builder = json_schema._Builder("vi")
    builder.document()
    assert builder.asked == set(schema_docs.DESCRIPTIONS)


def property_nodes(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{where}.{name}", value
            yield from property_nodes(value, f"{where}.{name}")
        for key, value in node.items():
            if key != "properties":
                yield from property_nodes(value, where)
    elif isinstance(node, list):
        for value in node:
            yield from property_nodes(value, where)


@pytest.mark.parametrize(("lang", "index", "other"), [("vi", 1, "English"),
                                                       ("en", 0, "Tiếng Việt")])
def test_every_field_is_described_in_the_chosen_language(lang: str, index: int,
                                                          other: str) -> None:
    generated = json_schema.json_schema(lang)
    texts = {pair[index] for pair in schema_docs.DESCRIPTIONS.values()}
    nodes = list(property_nodes(generated))
    assert len(nodes) > 140
    for where, node in nodes:
        assert node.get("description") in texts, where
        assert node["markdownDescription"].startswith(node["description"] + "\n\n*" + other)
    for name, definition in generated["$defs"].items():
        assert definition.get("description") in texts, name
    assert generated["description"] == schema_docs.DESCRIPTIONS["(document)"][index]


def test_the_drifted_fields_say_what_the_schema_and_the_generator_do() -> None:
    lines_en, lines_vi = schema_docs.DESCRIPTIONS["row.time.lines"]
    assert "not with `text` or `quarters`" in lines_en and "`text` hay `quarters`" in lines_vi
    value_en, value_vi = schema_docs.DESCRIPTIONS["entry.value"]
    assert "a number" in value_en and "giá trị là số" in value_vi
    time = json_schema.json_schema("en")["$defs"]["row"]["properties"]["time"]
    mapping = next(form for form in time["anyOf"] if form.get("type") == "object")
    assert mapping["properties"]["lines"]["description"] == lines_en


def test_a_description_given_twice_is_refused() -> None:
    row = Field("x", "text", "no", "x", "x")
    with pytest.raises(DocsError, match=r"'a\.x' is given twice"):
        schema_docs.descriptions([Table("a", (row,)), Table("a", (row,), caption="again")])


# --- the tables' other cells agree with the schema where it says the same ---------------------

def test_required_says_yes_exactly_for_the_fields_cerberus_requires() -> None:
    checked = 0
    for key, field in rows():
        if key in FIELDS:
            checked += 1
            assert (field.required == "yes") == bool(FIELDS[key].get("required")), key
    assert checked == len(FIELDS)


def test_allowed_values_and_booleans_are_the_schemas() -> None:
    for key, field in rows():
        rules = FIELDS.get(key, {})
        listed = re.fullmatch(r"`[^`]+`( \| `[^`]+`)*", field.type)
        if "allowed" in rules:
            allowed = {str(value) for value in rules["allowed"]}
            if listed:
                assert set(re.findall(r"`([^`]+)`", field.type)) == allowed, key
            else:
                assert all(f"`{value}`" in field.en for value in allowed), key
        else:
            assert not listed, key
        assert (field.type == "`true`/`false`") == (rules.get("type") == "boolean"), key


def test_every_text_is_nfc_on_one_line() -> None:
    for table in schema_docs.TABLES:
        texts = [table.caption, *(table.definition or ())]
        texts += [cell for field in table.fields for cell in field.cells(("type", "required",
                                                                           "where"))]
        for text in texts:
            assert unicodedata.is_normalized("NFC", text) and "\n" not in text, text


# --- docs/schema.md is what `make docs` writes ------------------------------------------------

def test_docs_schema_md_is_what_make_docs_writes() -> None:
    text = DOC.read_bytes().decode("utf-8")
    assert schema_docs.updated(text) == text, "docs/schema.md is stale: run `make docs`"


def marked_tables(text: str) -> Iterator[tuple[str, list[list[str]]]]:
    """(marker name, cells of each row) of every marked table, as a Markdown reader sees them."""
    name = None
    for line in text.split("\n"):
        if found := BEGIN.fullmatch(line):
            name, cells = found.group(1), []
        elif line == END and name is not None:
            yield name, cells
            name = None
        elif name is not None and line.startswith("| `"):
            cells.append([c.strip().replace("\\|", "|")
                          for c in re.split(r"(?<!\\)\|", line)[1:-1]])


def test_the_tables_in_docs_schema_md_read_back_as_the_descriptions() -> None:
    by_name = {table.name: table for table in schema_docs.TABLES}
    seen = []
    for name, cells in marked_tables(DOC.read_text(encoding="utf-8")):
        keys = by_name[name].by_key()
        prefix = next(iter(keys)).removesuffix(by_name[name].fields[0].names[0])
        found = {prefix + field: (row[-2], row[-1])
                 for row in cells for field in re.findall(r"`(\w+)`", row[0])}
        assert found == {key: (f.en, f.vi) for key, f in keys.items()}, name
        seen.append(name)
    assert sorted(seen) == sorted(by_name)
    described = {key for table in schema_docs.TABLES for key in table.by_key()}
    assert {"row.time.lines", "entry.value", "decision.article_2"} <= described


def test_make_docs_rewrites_the_tables_and_keeps_the_prose() -> None:
    text = DOC.read_text(encoding="utf-8")
    stale = text.replace("| `lines` | list of text |", "| `lines` | list |")
    stale = stale.replace("| `label` | text | no | the label line", "| `label` | text | no | x")
    stale = stale.replace("(shorthand). YAML 1.1", "(shorthand). Edited prose. YAML 1.1")
    assert stale.count("Edited prose.") == 1 and "| `lines` | list |" in stale
    assert updated(stale, schema_docs.TABLES) == text.replace(
        "(shorthand). YAML 1.1", "(shorthand). Edited prose. YAML 1.1")


def regions(*names: str) -> str:
    return "".join(f"prose\n<!-- fields: {name} -->\nold\n{END}\n" for name in names)


A = Table("a", (Field("x", "`true`/`false`", "no", "one | two", "một"),), caption="A:")
B = Table("b.c", (Field(("y", "z"), "text", "yes", "both", "cả hai"),))


def test_a_region_holds_its_table_between_blank_lines() -> None:
    assert updated(regions("a", "b.c"), [A, B]) == (
        "prose\n<!-- fields: a -->\n\nA:\n\n| field | type | required | meaning | ý nghĩa |\n"
        "|---|---|---|---|---|\n| `x` | `true`/`false` | no | one \\| two | một |\n\n"
        f"{END}\nprose\n<!-- fields: b.c -->\n\n"
        "| field | type | required | meaning | ý nghĩa |\n|---|---|---|---|---|\n"
        f"| `y`, `z` | text | yes | both | cả hai |\n\n{END}\n")
    assert B.by_key() == {"b.c.y": B.fields[0], "b.c.z": B.fields[0]}


@pytest.mark.parametrize(("text", "message"), [
    (regions("a", "b.c", "d"), "no field table is named 'd'"),
    (regions("a"), "table 'b.c' has no <!-- fields: b.c --> marker"),
    (regions("a", "b.c", "a"), "table 'a' is placed more than once"),
    ("<!-- fields: a -->\nold\n" + regions("b.c"), "line 1: <!-- fields: a --> has no"),
    (regions("a", "b.c") + END + "\n", f"line 9: {END} without"),
])
def test_markers_that_do_not_fit_the_tables_are_refused(text: str, message: str) -> None:
    with pytest.raises(DocsError, match=re.escape(message)):
        updated(text, [A, B])


def test_the_tool_checks_then_rewrites_only_the_tables(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    current = DOC.read_bytes()
    target = tmp_path / "schema.md"
    stale = current.replace(b"| `lines` | list of text |", b"| `lines` | list |")
    target.write_bytes(stale)
    assert build_docs.main([str(target), "--check"]) == 1
    assert target.read_bytes() == stale
    assert build_docs.main([str(target)]) == 0
    assert target.read_bytes() == current
    assert build_docs.main([str(target), "--check"]) == 0
    target.write_bytes(current.replace(b"<!-- fields: row -->", b"<!-- fields: rows -->"))
    assert build_docs.main([str(target)]) == 2
    assert "no field table is named 'rows'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.md"]  # no staging left
