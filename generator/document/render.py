"""Render: fill each part's DOCX template with docxtpl and compose the parts into one DOCX."""
from __future__ import annotations

import contextlib
import hashlib
import io
import marshal
import os
import re
import sys
import tempfile
import types
import zipfile
from collections.abc import Callable, MutableMapping
from functools import cache, lru_cache
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import docxtpl
import jinja2
import jinja2.compiler
import jinja2.nodes
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree  # type: ignore[import-untyped]
from markupsafe import Markup

from generator.document.appendix_table import xml_literal, xml_text
from generator.document.compose import compose
from generator.document.embedded import EmbeddedSource, embed_source
from generator.document.templates_dir import template_path
from generator.shell.errors import Message, TemplateFailed


def _literal(value: Any) -> Any:
    """Every template value, printed literally inside its run's <w:t>; symbols, dates and
    quantities unbreakable (see appendix_table.xml_text)."""
    if isinstance(value, Markup):
        return value
    return Markup(xml_text(str(value)))


def _verbatim(value: Any) -> Any:
    """Every template value, printed literally and exactly as it is (appendix_table.xml_literal)."""
    if isinstance(value, Markup):
        return value
    return Markup(xml_literal(str(value)))


class _Environment(jinja2.Environment):
    """Autoescaped, strict, literal text; a template from a string compiled once per process
    (and, given a cache folder, once per installation).

    docxtpl compiles each part's XML and each core property through jinja_env.from_string, so
    giving it this environment (docxtpl's public render(context, jinja_env)) is enough: no
    docxtpl code is copied here, and a change in docxtpl's rendering reaches us as it is.
    unbreakable: symbols, dates and quantities kept on one line, as the official parts print
    them; without, values are shown exactly as they are (the comparison table quotes texts).
    """

    def __init__(self, cache_dir: Path | None, unbreakable: bool) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined,
                         finalize=_literal if unbreakable else _verbatim)
        self.cache_dir = cache_dir
        self.unbreakable = unbreakable

    def from_string(self, source: str | jinja2.nodes.Template,
                    globals: MutableMapping[str, Any] | None = None,
                    template_class: type[jinja2.Template] | None = None) -> jinja2.Template:
        if isinstance(source, str) and globals is None and template_class is None:
            return _compiled(source, self.cache_dir, self.unbreakable)
        return super().from_string(source, globals, template_class)


@lru_cache(maxsize=16)
def _environment(cache_dir: Path | None, unbreakable: bool) -> _Environment:
    """One environment per cache folder and kind (always called with positional arguments: a
    cache keyed by the arguments as given would make two)."""
    return _Environment(cache_dir, unbreakable)


def environment(unbreakable: bool = True) -> jinja2.Environment:
    """The Jinja environment every part renders with: autoescaped, strict, literal text
    (unbreakable: see _Environment)."""
    return _environment(None, unbreakable)


class DiskCache:
    """Derived texts and compiled templates kept in a folder between runs, to start faster.

    An entry is named by a digest of everything its content depends on (its source, the versions
    of Python, Jinja and docxtpl, the files that make it, the environment's settings), so a stale
    entry is never found; it carries a digest of its name and content, so a damaged or swapped
    one is ignored. Every failure to read or write is ignored: the cache can only save time,
    never change the output. The caller chooses the folder: the core never picks one itself.
    """

    _MAGIC = b"plangen-cache/1\n"

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def name(self, kind: str, source: str) -> str:
        """The entry holding what KIND derives from SOURCE."""
        digest = hashlib.sha256(_fingerprint())
        digest.update(kind.encode("ascii") + b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))
        return f"{digest.hexdigest()}.{kind}"

    def read(self, name: str) -> bytes | None:
        """An entry's content, or None when it is missing, unreadable or damaged."""
        if self.folder is None:
            return None
        try:
            data = (self.folder / name).read_bytes()
        except (OSError, ValueError):
            return None
        head = len(self._MAGIC)
        payload = data[head + 32:]
        if data[:head] != self._MAGIC or self._check(name, payload) != data[head:head + 32]:
            return None
        return payload

    @staticmethod
    def _check(name: str, payload: bytes) -> bytes:
        """The digest an entry carries: of its content and its name (a swapped file is refused)."""
        return hashlib.sha256(name.encode("ascii") + b"\0" + payload).digest()

    def write(self, name: str, payload: bytes) -> None:
        """Store an entry atomically (a temporary file renamed); failures are ignored."""
        if self.folder is None:
            return
        temp: str | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=self.folder)
            with os.fdopen(handle, "wb") as out:
                out.write(self._MAGIC + self._check(name, payload) + payload)
            os.replace(temp, self.folder / name)
            temp = None
        except (OSError, ValueError):
            pass
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)


@cache
def _fingerprint() -> bytes:
    """What every cache entry depends on besides its own source."""
    env = environment()
    settings = (env.block_start_string, env.block_end_string, env.variable_start_string,
                env.variable_end_string, env.comment_start_string, env.comment_end_string,
                env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
                env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
                env.optimized, env.is_async, env.autoescape, env.finalize is not None,
                getattr(env.finalize, "jinja_pass_arg", None), sorted(env.extensions),
                env.undefined.__name__, env.template_class.__name__)
    files = []
    for source in (__file__, jinja2.compiler.__file__, docxtpl.template.__file__):
        try:
            stat = os.stat(source or "")
            files.append((source, stat.st_size, stat.st_mtime_ns))
        except OSError:
            files.append((source, -1, -1))
    return repr((sys.version, MAGIC_NUMBER, jinja2.__version__, docxtpl.__version__,
                 settings, files)).encode("utf-8", "backslashreplace")


_PATCHED: dict[tuple[str, Path | None], str] = {}


def _patched(src_xml: str, folder: Path | None, patch: Callable[[str], str]) -> str:
    """docxtpl's clean-up of a part's XML into a Jinja template, once per distinct XML."""
    found = _PATCHED.get((src_xml, folder))
    if found is not None:
        return found
    cache_ = DiskCache(folder)
    name = cache_.name("patch", src_xml)
    stored = cache_.read(name)
    try:
        patched = stored.decode("utf-8") if stored is not None else None
    except UnicodeDecodeError:
        patched = None
    if patched is None:
        patched = patch(src_xml)
        cache_.write(name, patched.encode("utf-8", "surrogatepass"))
    if len(_PATCHED) >= 64:
        _PATCHED.clear()
    _PATCHED[(src_xml, folder)] = patched
    return patched


@lru_cache(maxsize=128)
def _compiled(source: str, folder: Path | None = None,
              unbreakable: bool = True) -> jinja2.Template:
    """The Jinja template of SOURCE: compiled once per process, its code kept in FOLDER."""
    env = environment(unbreakable)
    cache_ = DiskCache(folder)
    # Jinja applies `finalize` to constant expressions when it compiles: one entry per kind.
    name = cache_.name("code" if unbreakable else "code-verbatim", source)
    code = _code(cache_.read(name))
    if code is None:
        code = env.compile(source)  # what env.from_string(source) does
        with contextlib.suppress(ValueError):  # code marshal cannot store: not kept
            cache_.write(name, marshal.dumps(code))
    template: jinja2.Template = env.template_class.from_code(env, code,
                                                             env.make_globals(None), None)
    return template


def _code(payload: bytes | None) -> types.CodeType | None:
    if payload is None:
        return None
    try:
        code = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


class _Part(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, preparing each distinct XML source once per process (and, given a
    cache folder, once per installation); rendered with _environment(cache_dir, …), which
    compiles each source once likewise."""

    def __init__(self, path: Path, cache_dir: Path | None = None) -> None:
        super().__init__(str(path))
        self.cache_dir = cache_dir

    def patch_xml(self, src_xml: str) -> str:
        return _patched(src_xml, self.cache_dir, super().patch_xml)

    def resolve_listing(self, xml: str) -> str:
        if not _LISTING_CHARS.search(xml):
            return xml  # docxtpl's only rewrites these characters inside <w:t>: spare its regexes
        return str(super().resolve_listing(xml))


_LISTING_CHARS = re.compile("[\t\a\n\f]")


def render_part(path: Path, context: dict[str, Any], cache_dir: Path | None = None, *,
                unbreakable: bool = True) -> DocumentObject:
    """Render one part's template; a broken template is reported with the text around it.

    unbreakable: see environment().
    """
    try:
        template = _Part(path, cache_dir)
        template.render(context, _environment(cache_dir, unbreakable))
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


def render_document(context: dict[str, Any], templates: Path | None = None,
                    cache_dir: Path | None = None, *,
                    source: EmbeddedSource | None = None) -> bytes:
    """The whole DOCX (decision?, plan, appendix?) as bytes.

    cache_dir: a folder where prepared templates are kept between runs (see DiskCache), or None.
    source: the plan file's text, carried inside the DOCX (embedded.py); None: nothing carried.
    """
    names = [n for n in ("decision", "plan", "appendix") if context.get(n) is not None]
    parts = [render_part(template_path(templates, name), context, cache_dir) for name in names]
    landscape = [name == "appendix" and bool(context["appendix"]["landscape"]) for name in names]
    document = compose(parts, landscape, names)
    if source is not None:
        embed_source(document, source)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a ZIP member can be dated


def render_comparison(context: dict[str, Any]) -> bytes:
    """The comparison table of plangen diff (templates/comparison) as DOCX bytes.

    Its texts are quoted exactly as they are (no no-break marks); the same context gives the
    same bytes.
    """
    document = render_part(template_path(None, "comparison"), context, unbreakable=False)
    _drop_empty_runs(document)
    return fixed_bytes(document)


def _drop_empty_runs(document: DocumentObject) -> None:
    """docxtpl leaves an empty run beside every {%r %} tag: the runs that hold nothing go."""
    empty = {qn("w:rPr"), qn("w:t")}
    for run in list(document.element.body.iter(qn("w:r"))):
        if all(child.tag in empty and not child.text for child in run):
            run.getparent().remove(run)


def fixed_bytes(document: DocumentObject) -> bytes:
    """The document saved as a DOCX whose bytes depend on its content only: python-docx dates
    every ZIP member now, these are all dated ZIP_TIME."""
    saved = io.BytesIO()
    document.save(saved)
    buffer = io.BytesIO()
    with zipfile.ZipFile(saved) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member))
    return buffer.getvalue()
