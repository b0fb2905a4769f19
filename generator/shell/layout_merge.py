"""An edited YAML text with its author's own lines wherever the edit did not reach them."""
from __future__ import annotations

import difflib
import re

TOKEN = re.compile(r"\S+")
KEY = re.compile(r"[^\s\"'{\[#][^\s:]*:(?: |$)")


def merge(original: str, base: str, edited: str, *, rewrap: bool = True,
          wrap_comments: bool = True) -> str:
    """edited, with original's lines where it only differs from original as base does.

    base is the tree of original written back unedited, edited the same writer's text of the edited
    tree: where base and edited agree, the writer's layout of untouched lines (a flow mapping it
    breaks elsewhere, a plain text it joins) is replaced by original's. Where both differ from
    base (an edit inside what the writer lays out differently), rewrap puts the edited words at
    original's line breaks. With wrap_comments, a new line that a comment at its end makes longer
    than original's longest goes on over comment lines. The caller checks that the result reads
    as edited does.
    """
    old, ours, theirs = original.splitlines(), base.splitlines(), edited.splitlines()
    limit = max((len(line) for line in old), default=0)
    out: list[str] = []
    for o, b, t in _chunks(old, ours, theirs):
        if t in (b, o):
            out += o
        elif o == b:
            out += t
        else:
            out += _rewrap(o, t, limit) if rewrap else t
    if wrap_comments:
        known = set(old)
        out = [piece for line in out
               for piece in (_comment_wrapped(line, limit) if line not in known else [line])]
    return "\n".join(out) + ("\n" if edited.endswith("\n") else "")


def _chunks(old: list[str], base: list[str], new: list[str]
            ) -> list[tuple[list[str], list[str], list[str]]]:
    """The three texts cut into runs of lines (old, base, new): a line of base found unchanged in
    both others is a run of its own; between two such lines lies what changed in one or both."""
    in_old, in_new = _matched(base, old), _matched(base, new)
    anchors = [(i, in_old[i], in_new[i]) for i in range(len(base)) if i in in_old and i in in_new]
    runs: list[tuple[list[str], list[str], list[str]]] = []
    last_b = last_o = last_n = -1
    for b, o, n in [*anchors, (len(base), len(old), len(new))]:
        if o <= last_o or n <= last_n:
            continue  # a match that crosses another (difflib's blocks do not; kept safe)
        runs.append((old[last_o + 1:o], base[last_b + 1:b], new[last_n + 1:n]))
        if b < len(base):
            runs.append(([old[o]], [base[b]], [new[n]]))
        last_b, last_o, last_n = b, o, n
    return runs


def _matched(a: list[str], b: list[str]) -> dict[int, int]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return {block.a + k: block.b + k for block in matcher.get_matching_blocks()
            for k in range(block.size)}


def _rewrap(old: list[str], new: list[str], limit: int) -> list[str]:
    """new's words with old's spacing and line breaks between words that did not change."""
    old_text, new_text = "\n".join(old), "\n".join(new)
    old_tokens = [m.span() for m in TOKEN.finditer(old_text)]
    new_tokens = [m.span() for m in TOKEN.finditer(new_text)]
    if not old_tokens or not new_tokens:
        return new
    matcher = difflib.SequenceMatcher(None, [old_text[a:b] for a, b in old_tokens],
                                      [new_text[a:b] for a, b in new_tokens], autojunk=False)
    same: dict[int, int] = {}
    changed: set[int] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same.update({j1 + k: i1 + k for k in range(i2 - i1)})
        else:
            changed.update(range(j1, j2))
    pieces = [old_text[:old_tokens[0][0]] if 0 in same and same[0] == 0
              else new_text[:new_tokens[0][0]]]
    for j, (start, end) in enumerate(new_tokens):
        if j:
            i = same.get(j)
            if i is not None and same.get(j - 1) == i - 1:
                pieces.append(old_text[old_tokens[i - 1][1]:old_tokens[i][0]])
            else:
                pieces.append(new_text[new_tokens[j - 1][1]:start])
        pieces.append(new_text[start:end])
    pieces.append(new_text[new_tokens[-1][1]:])
    lines = "".join(pieces).split("\n")
    return [piece for line in lines for piece in _broken(line, limit)]


def _broken(line: str, limit: int) -> list[str]:
    """A line longer than limit broken at its last spaces before the limit (never in a comment),
    the rest indented as a continuation of what the line holds."""
    if len(line) <= limit:
        return [line]
    comment = re.search(r"\s#", line)
    stop = comment.start() if comment else len(line)
    spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", line[:stop])]
    indent = len(line) - len(line.lstrip(" "))
    spaces = [i for i in spaces if i > _content_start(line, indent)]
    fits = [i for i in spaces if i <= limit]
    if not fits:
        return [line]
    cut = fits[-1]
    rest = " " * _continuation(line, indent) + line[cut + 1:]
    return [line[:cut], *_broken(rest, limit)] if len(rest) < len(line) else [line]


def _comment_wrapped(line: str, limit: int) -> list[str]:
    """A line whose end-of-line comment makes it longer than limit: the comment's words that fit,
    the rest on comment lines below, indented as the line's content."""
    start = _comment_start(line)
    if len(line) <= limit or start is None:
        return [line]
    code, words = line[:start].rstrip(), line[start:].split()
    indent = len(line) - len(line.lstrip(" "))
    at = _after_dashes(line, indent)
    out, current = [], f"{code}  {words[0]}"
    for word in words[1:]:
        if len(current) + 1 + len(word) > limit and current.split()[-1] != "#":
            out.append(current)
            current = " " * at + "#"
        current += " " + word
    return [*out, current]


def _comment_start(line: str) -> int | None:
    """Where a line's comment begins: a '#' after a space, outside quotes."""
    quote = ""
    escaped = False
    for i, ch in enumerate(line):
        if quote == '"' and ch == "\\" and not escaped:
            escaped = True
            continue
        if quote and ch == quote and not escaped:
            quote = ""
        elif not quote and ch in "\"'" and (i == 0 or line[i - 1] in " [{,:"):
            quote = ch
        elif not quote and ch == "#" and i and line[i - 1] == " ":
            return i
        escaped = False
    return None


def _after_dashes(line: str, at: int) -> int:
    """Where a line goes on after the "- " of the sequence items it opens (one may nest)."""
    while line.startswith("- ", at):
        at += 2
    return at


def _content_start(line: str, indent: int) -> int:
    """Where a line's value begins: after its dashes and its key."""
    at = _after_dashes(line, indent)
    key = KEY.match(line, at)
    return key.end() if key else at


def _continuation(line: str, indent: int) -> int:
    """The indentation of a continuation of the value the line holds: deeper than its key."""
    at = _after_dashes(line, indent)
    return at + 2 if KEY.match(line, at) else at

