"""Plan YAML written for humans with ruamel.yaml: comments, order and quoting kept; stable output.

Derive builds new files with it, roll-forward edits existing ones: both go through `dump`, so every
file plangen writes has the same layout (2-space mappings, lists indented under their key, lines
folded at 100 characters, Unicode NFC).
"""
from __future__ import annotations

import copy
import difflib
import io
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.shell import layout_merge

WIDTH = 4096  # one line per text: folded plain scalars would leave trailing spaces


@dataclass(frozen=True)
class Layout:
    """How a file lays out its YAML: line width for flow collections, indentation."""

    width: int = WIDTH
    mapping: int = 2
    sequence: int = 4
    offset: int = 2


LAYOUTS = tuple(Layout(width, mapping, sequence, offset)
                for width in (WIDTH, 100, 120, 90, 80)
                for mapping, sequence, offset in ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4)))


def guess_layout(text: str) -> Layout:
    """The layout under which ruamel writes the text back with the fewest changed lines."""
    tree = load_roundtrip(text)
    lines = text.splitlines()
    best, fewest = Layout(), None
    for layout in LAYOUTS:
        changed = _changed_lines(lines, dump(copy.deepcopy(tree), layout).splitlines())
        if fewest is None or changed < fewest:
            best, fewest = layout, changed
        if changed == 0:
            break
    return best


def _changed_lines(old: list[str], new: list[str]) -> int:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return max(len(old), len(new)) - sum(block.size for block in matcher.get_matching_blocks())


def _yaml(layout: Layout | None = None) -> YAML:
    layout = layout or Layout()
    yaml = YAML(typ="rt")
    yaml.width = layout.width
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    return yaml


def load_roundtrip(text: str) -> Any:
    """A YAML text as ruamel's round-trip tree (comments, order and quoting kept)."""
    return _yaml().load(text)


def dump(data: Any, layout: Layout | None = None) -> str:
    """The YAML text of a tree, in NFC; the same tree always gives the same text."""
    buffer = io.StringIO()
    _yaml(layout).dump(plain(data), buffer)
    return unicodedata.normalize("NFC", buffer.getvalue())


def dump_edit(data: Any, original: str, layout: Layout | None = None) -> str:
    """The text of a tree edited from the original text: the original's own lines wherever the
    edit did not change them, so a diff shows the edit alone (`layout_merge`)."""
    edited = dump(data, layout)
    base = dump(load_roundtrip(original), layout)
    original = unicodedata.normalize("NFC", original)
    expected = load_roundtrip(edited)
    for rewrap, wrap_comments in ((True, True), (True, False), (False, True), (False, False)):
        merged = layout_merge.merge(original, base, edited, rewrap=rewrap,
                                    wrap_comments=wrap_comments)
        if merged == edited or load_roundtrip(merged) == expected:
            return merged
    return edited  # the author's lines could not be kept: ruamel's are right


def plain(value: Any) -> Any:
    """The tree with numbers as plain int/float (the loader's keep their source text)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and type(value) is not int:
        return int(value)
    if isinstance(value, float) and type(value) is not float:
        return float(value)
    if isinstance(value, CommentedMap):
        for key in value:
            value[key] = plain(value[key])
        return value
    if isinstance(value, CommentedSeq):
        for i, item in enumerate(value):
            value[i] = plain(item)
        return value
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def mapping(pairs: Mapping[str, Any] | Iterable[tuple[str, Any]], *,
            flow: bool = False) -> CommentedMap:
    """A mapping in the given key order, optionally written on one line ({a: 1, b: 2})."""
    out = CommentedMap()
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    for key, value in items:
        out[key] = value
    if flow:
        out.fa.set_flow_style()
    return out


def sequence(items: Iterable[Any], *, flow: bool = False) -> CommentedSeq:
    """A list, optionally written on one line ([a, b])."""
    out = CommentedSeq(items)
    if flow:
        out.fa.set_flow_style()
    return out


def comment_before(parent: CommentedMap, key: str, lines: Iterable[str], indent: int) -> None:
    """Comment lines just above a key, at the key's indentation."""
    parent.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=indent)


def comment_after(parent: CommentedMap, key: str, text: str) -> None:
    """A comment at the end of a key's line ('# review: …')."""
    parent.yaml_add_eol_comment(text, key)


def header(data: CommentedMap, lines: Iterable[str]) -> None:
    """Comment lines at the top of the file."""
    data.yaml_set_start_comment("\n".join(lines))
