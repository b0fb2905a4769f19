"""render's docxtpl subclass and caching environment give exactly what plain docxtpl gives."""
from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx.document import Document as DocumentObject
from docxtpl import DocxTemplate
from helpers import EXAMPLES, ROOT

from generator import api
from generator.document import context, render
from generator.document.templates_dir import template_path

PLANS = [*EXAMPLES, *sorted((ROOT / "tests" / "data").glob("*.yaml"))]
PARTS = ("decision", "plan", "appendix")


def members(document: DocumentObject) -> dict[str, bytes]:
    """Every member of a saved DOCX by name: the document without the zip's own timestamps."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def plain_docxtpl(path: Path, values: dict[str, Any]) -> DocumentObject:
    """The part as docxtpl renders it unaided: no cache, its own render_xml_part and listing."""
    template = DocxTemplate(str(path))
    template.render(values, jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                                               finalize=render._literal))
    document: DocumentObject = template.docx
    return document


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_every_part_is_what_plain_docxtpl_renders(plan: Path) -> None:
    values = context.build(api.check_plan(plan))
    names = [name for name in PARTS if values.get(name) is not None]
    assert names
    for name in names:
        path = template_path(None, name)
        assert members(render.render_part(path, values)) == members(plain_docxtpl(path, values)), (
            f"{name}: render_part differs from plain docxtpl {DocxTemplate.__module__}; review "
            "what changed upstream in render_xml_part, resolve_listing or patch_xml")


def test_docxtpl_compiles_through_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    values = context.build(api.check_plan(EXAMPLES[0]))
    path = template_path(None, "plan")
    render.render_part(path, values)  # every source of this part now compiled in this process
    calls: Counter[str] = Counter()
    original = jinja2.Environment.compile

    def counted(self: jinja2.Environment, *args: Any, **kwargs: Any) -> Any:
        calls["compile"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    render.render_part(path, values)
    assert calls == {}, ("docxtpl no longer compiles each part through jinja_env.from_string, "
                         "so render's template cache is bypassed: see render._Environment")


@pytest.mark.parametrize("text", ["plain", "a\tb", "a\nb", "a\ab", "a\fb"])
def test_resolve_listing_is_docxtpls(text: str) -> None:
    xml = (f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
           f"<w:t>{text}</w:t></w:r></w:p>")
    part = render._Part(template_path(None, "plan"))
    assert part.resolve_listing(xml) == DocxTemplate.resolve_listing(part, xml)
