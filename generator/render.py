"""Render: fill each part's DOCX template with docxtpl and compose the parts into one DOCX."""
from __future__ import annotations

import io
import re
import zipfile
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree  # type: ignore[import-untyped]
from markupsafe import Markup

from .appendix_table import xml_text
from .compose import compose
from .errors import Message, TemplateFailed
from .templates_dir import template_path


def _literal(value: Any) -> Any:
    """Every template value, printed literally inside its run's <w:t>; symbols, dates and
    quantities unbreakable (see appendix_table.xml_text)."""
    if isinstance(value, Markup):
        return value
    return Markup(xml_text(str(value)))


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment every part renders with: autoescaped, strict, literal text."""
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                              finalize=_literal)


@lru_cache(maxsize=64)
def _compiled(source: str) -> jinja2.Template:
    return environment().from_string(source)


class _Part(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, compiling each distinct XML source once per process."""

    def render_xml_part(self, src_xml: str, part: Any, context: dict[str, Any],
                        jinja_env: jinja2.Environment | None = None) -> str:
        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        try:
            self.current_rendering_part = part
            dst_xml = _compiled(src_xml).render(context)
        except jinja2.TemplateError as exc:
            if getattr(exc, "lineno", None) is not None:
                first = max(exc.lineno - 4, 0)  # type: ignore[attr-defined]
                exc.docx_context = [re.sub(r"<[^>]+>", "", line)  # type: ignore[attr-defined]
                                    for line in src_xml.splitlines()[first:first + 7]]
            raise
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        dst_xml = (dst_xml.replace("{_{", "{{").replace("}_}", "}}")
                   .replace("{_%", "{%").replace("%_}", "%}"))
        return str(self.resolve_listing(dst_xml))


def render_part(path: Path, context: dict[str, Any]) -> DocumentObject:
    """Render one part's template; a broken template is reported with the text around it."""
    try:
        template = _Part(str(path))
        template.render(context, environment())
    except jinja2.TemplateError as exc:
        around = " ".join(getattr(exc, "docx_context", []) or [])
        raise TemplateFailed(Message(
            "the template {path} is broken: {reason}; near: {around}",
            {"path": str(path), "reason": str(exc), "around": _squeeze(around)})) from exc
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError,
            PackageNotFoundError) as exc:
        raise TemplateFailed(Message("the template {path} is not a valid DOCX file: {reason}",
                                     {"path": str(path), "reason": str(exc)})) from exc
    document: DocumentObject = template.docx
    return document


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:200]


def render_document(context: dict[str, Any], templates: Path | None = None) -> bytes:
    """The whole DOCX (decision?, plan, appendix?) as bytes."""
    names = [n for n in ("decision", "plan", "appendix") if context.get(n) is not None]
    parts = [render_part(template_path(templates, name), context) for name in names]
    landscape = [name == "appendix" and bool(context["appendix"]["landscape"]) for name in names]
    document = compose(parts, landscape, names)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
