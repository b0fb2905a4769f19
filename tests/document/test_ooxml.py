"""Every DOCX plangen writes is valid Office Open XML (openxml-audit, Office's newest schema)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import EXAMPLES, ROOT
from hypothesis import given, settings
from ooxml import assert_valid_ooxml, ooxml_errors
from test_generated_text import HOSTILE, MINIMAL
from test_properties import SETTINGS, plans

from generator import api
from generator.document.context import build
from generator.document.render import render_document
from generator.plan.load import load_text
from generator.plan.validate import validate


def render_text(text: str) -> bytes:
    return render_document(build(validate(load_text(text, "t.yaml"))))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_valid(example: Path) -> None:
    assert_valid_ooxml(api.render_bytes(example))


@pytest.mark.parametrize("name", ["decision", "plan", "appendix"])
def test_every_template_is_valid(name: str) -> None:
    assert_valid_ooxml((ROOT / "templates" / name / f"{name}.docx").read_bytes())


def minimal(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MINIMAL)
    data.update(changes)
    return data


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_is_valid(text: str) -> None:
    data = minimal()
    data["plan"]["objectives"]["items"][0] = text
    data["appendix"]["rows"][0]["content"] = text
    data["appendix"]["rows"][0]["time"] = text
    assert_valid_ooxml(render_text(dump(data)))


def test_draft_and_standalone_plan_without_appendix_are_valid() -> None:
    assert_valid_ooxml(render_text(MINIMAL.replace("number: 5\n", "").replace(
        "date: 2024-01-05\n", "")))
    standalone = minimal(kind="plan")
    del standalone["decision"]
    del standalone["appendix"]
    assert_valid_ooxml(render_text(dump(standalone)))


@settings(SETTINGS, max_examples=15)
@given(plans())
def test_random_valid_plans_are_valid(doc: dict[str, Any]) -> None:
    assert_valid_ooxml(render_text(dump(doc)))


def test_the_check_finds_a_broken_document() -> None:
    data = api.render_bytes(EXAMPLES[0])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    xml = entries["word/document.xml"].decode("utf-8")
    entries["word/document.xml"] = xml.replace("<w:tblLayout ", "<w:tblLayout/><w:tblLayout ",
                                               1).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, content in entries.items():
            out.writestr(name, content)
    errors = ooxml_errors(buffer.getvalue())
    assert any("tblLayout" in error for error in errors), errors
