"""Load: read a plan YAML file into plain data plus the source position of every value."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from generator.plan.yaml_reasons import syntax_reason, unacceptable_character
from generator.shell.errors import DataPath, InvalidInput, Message, Problem, os_reason

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 40
MAX_TEXT_CHARS = 20_000
# Invisible characters that Word and chat apps paste into text; ZWJ/ZWNJ stay (emoji, scripts).
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}"
                       for name in ("str", "int", "float", "bool", "null", "map", "seq"))
FORBIDDEN_INVISIBLE = {"\u200b": "ZERO WIDTH SPACE", "\u2060": "WORD JOINER",
                       "\ufeff": "ZERO WIDTH NO-BREAK SPACE"}

# libyaml's parser is several times faster, with the same positions; PyYAML may lack it.
_Parser: Any = getattr(getattr(yaml, "cyaml", None), "CParser", None)


class _Resolver(BaseResolver):
    """YAML 1.2-like typing: no yes/no/on booleans, no dates, no octal or sexagesimal numbers."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789."))
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _CComposer(_Parser, _Resolver):  # type: ignore[misc]
    """Parses and composes a node tree with libyaml; constructs nothing."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Resolver.__init__(self)


class _PyComposer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                  yaml.composer.Composer, _Resolver):
    """The same in pure Python, for a PyYAML built without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Resolver.__init__(self)


_Composer = _CComposer if _Parser is not None else _PyComposer


@dataclass
class Loaded:
    """A loaded YAML document: its data, and where each value and key stands in the file."""

    file: str
    data: Any
    positions: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    # The text parsed (NFC): rollover edits it in place, lint reads its ignore comments.
    text: str = field(default="", repr=False, compare=False)

    def position(self, path: DataPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column of a path, or of its nearest ancestor that exists in the file."""
        path = self._as_written(path)
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def _as_written(self, path: DataPath) -> DataPath:
        # A part written as a bare list has no 'items' key in the file (shorthand).
        if (len(path) > 2 and path[0] == "plan" and path[2] == "items"
                and path[:2] in self.positions and path[:3] not in self.positions):
            return (*path[:2], *path[3:])
        return path

    def problem(self, path: DataPath, msgid: str, *, key: bool = False, **params: Any) -> Problem:
        """A problem located at a data path."""
        line, col = self.position(path, key=key)
        return Problem(self.file, line, col, path, Message(msgid, params))


def read_text(path: Path, display: str) -> str:
    """Read a file as UTF-8 text, refusing what is not a sane text file."""
    def fail(msgid: str, line: int = 1, col: int = 1, **params: Any) -> InvalidInput:
        return InvalidInput([Problem(display, line, col, (), Message(msgid, params))])

    try:
        if path.is_dir():
            raise fail("this is a folder, not a YAML file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail("the file is too large ({size} bytes; the limit is {limit})",
                       size=size, limit=MAX_FILE_BYTES)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied: the file cannot be read") from None
    except OSError as exc:
        raise fail("the file cannot be read: {reason}", reason=os_reason(exc)) from None
    return decode_text(raw, display)


def decode_text(raw: bytes, display: str) -> str:
    """Decode UTF-8 bytes (a BOM is allowed) into NFC text, refusing empty, binary and other
    encodings: every command then sees "năm" as one spelling, however it was typed."""
    def fail(msgid: str, offset: int = 0, **params: Any) -> InvalidInput:
        line = raw.count(b"\n", 0, offset) + 1
        col = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        return InvalidInput([Problem(display, line, col, (), Message(msgid, params))])

    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise fail("the file is empty")
    if _looks_utf16(raw):
        raise fail("the file is UTF-16 text, not UTF-8 (save it as UTF-8)")
    if b"\x00" in raw:
        raise fail("this is a binary file, not a YAML text file", raw.index(b"\x00"))
    try:
        return unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise fail("the file is not UTF-8 text (save it as UTF-8)", exc.start) from None


def _looks_utf16(raw: bytes) -> bool:
    """A UTF-16 byte order mark, or the zero bytes of UTF-16 without one (Windows Notepad)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = raw[:4096]
    even, odd = sample[0::2], sample[1::2]
    zeros = max(even.count(0), odd.count(0))
    return len(sample) >= 4 and zeros >= len(sample) // 2 * 0.9 and min(
        even.count(0), odd.count(0)) == 0


def load_text(text: str, display: str) -> Loaded:
    """Parse YAML text into a Loaded document, reporting every problem found."""
    try:
        node = _Composer(text).get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InvalidInput([_syntax_problem(exc, text, display)]) from None
    except yaml.reader.ReaderError as exc:
        raise InvalidInput([_reader_problem(exc, text, display)]) from None
    except yaml.YAMLError as exc:
        raise InvalidInput([Problem(display, 1, 1, (), Message(
            "YAML syntax error: {reason}", {"reason": syntax_reason(str(exc))}))]) from None
    if node is None:
        raise InvalidInput([Problem(display, 1, 1, (), Message("the file is empty"))])
    builder = _Builder(display, text)
    data = builder.build(node, ())
    if builder.problems:
        raise InvalidInput(builder.problems)
    return Loaded(display, data, builder.positions, builder.key_positions, text)


def load_file(path: Path, display: str | None = None) -> Loaded:
    """Read and parse a plan YAML file."""
    name = display if display is not None else str(path)
    return load_text(read_text(path, name), name)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())] or (
            "\t" in source_line and "cannot start any token" in str(exc.problem)):
        msg = Message("a tab is used for indentation; YAML needs spaces")
    else:
        reason = syntax_reason(exc.problem, exc.context)
        msg = Message("YAML syntax error: {reason}", {"reason": reason})
    return Problem(display, line, col, (), msg)


def _reader_problem(exc: yaml.reader.ReaderError, text: str, display: str) -> Problem:
    position = max(0, min(exc.position, len(text)))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return Problem(display, line, col, (), Message(
        "YAML syntax error: {reason}", {"reason": unacceptable_character(code)}))


class SourceInt(int):
    """A whole number that remembers how it was written, for a text field that holds it."""

    source: str

    def __new__(cls, written: str) -> SourceInt:
        number = super().__new__(cls, int(written))
        number.source = written
        return number


class SourceFloat(float):
    """A decimal number that remembers how it was written."""

    source: str

    def __new__(cls, written: str) -> SourceFloat:
        number = super().__new__(cls, float(written))
        number.source = written
        return number


def _unstorable(char: str) -> bool:
    """Control characters and noncharacters: invisible, and some cannot be stored in a DOCX."""
    if char in "\n\t\r":
        return False
    return unicodedata.category(char) in ("Cc", "Cs") or (ord(char) & 0xFFFE) == 0xFFFE


class _Builder:
    """Turns a composed node tree into plain Python values, checking as it goes."""

    def __init__(self, file: str, source: str) -> None:
        self.file = file
        self.source = source
        self.problems: list[Problem] = []
        self.positions: dict[DataPath, tuple[int, int]] = {}
        self.key_positions: dict[DataPath, tuple[int, int]] = {}
        self.count = 0
        self.too_big = False

    def fail_at(self, node: Node, path: DataPath, msgid: str, **params: Any) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, path, Message(msgid, params)))

    def build(self, node: Node, path: DataPath, depth: int = 0) -> Any:
        self.count += 1
        if self.too_big:
            return None
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            self.too_big = True
            self.fail_at(node, path, "the document is too large or too deeply nested "
                      "(aliases expand to more than {limit} values)", limit=MAX_NODES)
            return None
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in PLAIN_TAGS:
            self.fail_at(node, path, "the YAML tag {tag} is not supported; write plain values",
                         tag=node.tag)
            return None
        if isinstance(node, MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: MappingNode, path: DataPath, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                written = self.source[key_node.start_mark.index:key_node.end_mark.index]
                self.fail_at(key_node, path, "a key must be a plain word, not {value!r}",
                             value=written[:40])
                continue
            key = unicodedata.normalize("NFC", key_node.value)
            child = (*path, key)
            if key in out:
                first = self.key_positions[child]
                self.fail_at(key_node, child,
                             "duplicate key '{key}' (first written at line {line})",
                             key=key, line=first[0])
                continue
            self.key_positions[child] = (key_node.start_mark.line + 1,
                                         key_node.start_mark.column + 1)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def scalar(self, node: ScalarNode, path: DataPath) -> Any:
        tag, value = node.tag, node.value
        if tag == "tag:yaml.org,2002:str":
            return self.text(node, path, value)
        if tag == "tag:yaml.org,2002:int":
            return SourceInt(value)
        if tag == "tag:yaml.org,2002:float":
            return SourceFloat(value)
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        return None

    def text(self, node: ScalarNode, path: DataPath, value: str) -> str | None:
        value = unicodedata.normalize("NFC", value)
        for char, name in FORBIDDEN_INVISIBLE.items():
            if char in value:
                code = f"{ord(char):04X}"
                self.fail_at(node, path, "the text contains an invisible character U+{code} "
                             "({name}); delete it", code=code, name=name)
                return None
        bad = next((c for c in value if _unstorable(c)), None)
        if bad is not None:
            code = f"{ord(bad):04X}"
            self.fail_at(node, path, "the text contains a control character U+{code}; delete it",
                         code=code)
            return None
        if len(value) > MAX_TEXT_CHARS:
            self.fail_at(node, path, "the text is too long ({length} characters; the limit is "
                      "{limit})", length=len(value), limit=MAX_TEXT_CHARS)
            return None
        return " ".join(value.split())
