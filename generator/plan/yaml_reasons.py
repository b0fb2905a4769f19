"""What the YAML parser says of a broken file, in words an officer can act on (translatable)."""
from __future__ import annotations

from generator.shell.errors import N_, Message

# libyaml's complaints (the parser's `problem`, else its `context`), matched by their start:
# some end with a value. Each is pinned by a file that makes it in tests/test_yaml_reasons.py.
REASONS = {
    "did not find expected ',' or ']'": N_("a list in [ ] is not closed with ]"),
    "did not find expected ',' or '}'": N_("a mapping in curly brackets is not closed"),
    "did not find expected key": N_("the indentation does not line up with the lines above"),
    "mapping values are not allowed in this context": N_(
        "a ':' followed by a space inside a text; put the whole text in quotes"),
    "could not find expected ':'": N_("a line is missing its ':' after the field name"),
    "did not find expected '-' indicator": N_(
        "a list item does not start with '- ' at the same indentation as the others"),
    "found unexpected end of stream": N_("the file ends inside quotes or brackets"),
    "found unknown escape character": N_("a backslash in double quotes; use single quotes"),
    "found undefined alias": N_("an alias (*name) refers to no anchor (&name)"),
    "found character that cannot start any token": N_(
        "a character that YAML does not accept here (e.g. @ or ` at the start of a text); "
        "put the text in quotes"),
    "exceeded maximum nesting depth": N_(
        "the lists and mappings are nested too deeply (more than the parser allows)"),
    "but found another document": N_(
        "a second document starts here (a line '---'); a plan file holds one document"),
    "found duplicate anchor": N_("the same anchor (&name) is defined twice"),
    "block sequence entries are not allowed in this context": N_(
        "a list item '- ' stands where a value on the same line was expected"),
    "found unexpected document indicator": N_(
        "a line '---' or '...' inside a quoted text; indent it or put it elsewhere"),
    "did not find expected node content": N_("a value is missing after a field or a '- '"),
    "did not find expected <document start>": N_(
        "the file does not start like a YAML document (a field name and ':' are expected)"),
    "did not find expected comment or line break": N_(
        "text follows a closing quote or bracket on the same line"),
    "did not find expected whitespace": N_("a space is missing after a '-', ':' or '#'"),
    "did not find the expected '>'": N_("a tag !<…> is not closed with >"),
    "did not find expected tag URI": N_("a tag (!…) is written wrongly; remove it"),
    "did not find expected '!'": N_("a tag (!…) is written wrongly; remove it"),
    "found undefined tag handle": N_("a tag (!…) is written wrongly; remove it"),
    "did not find URI escaped octet": N_("a tag (!…) is written wrongly; remove it"),
    "found unknown directive name": N_(
        "a line starting with '%' is not a YAML directive; put the text in quotes"),
    "found duplicate %YAML directive": N_("the %YAML line is written twice"),
    "found duplicate %TAG directive": N_("a %TAG line is written twice"),
    "found incompatible YAML document": N_("the %YAML line names a version plangen cannot read"),
    "found an indentation indicator equal to 0": N_(
        "a '|' or '>' text has the indentation indicator 0; use 1 to 9 or none"),
    "found invalid Unicode character escape code": N_(
        "a \\u or \\x escape in double quotes is not a valid character"),
    "did not find expected hexdecimal number": N_(
        "a \\u or \\x escape in double quotes is not a valid character"),
    "did not find expected alphabetic or numeric character": N_(
        "an anchor or alias name (&name, *name) is empty or contains a character it cannot hold"),
}


def syntax_reason(problem: str | None, context: str | None = None) -> Message | str:
    """The parser's complaint said for people, or as the parser wrote it if it is unknown."""
    said = [text for text in (problem, context) if text]
    for text in said:
        for start, msgid in REASONS.items():
            if text.startswith(start):
                return Message(msgid)
    return said[0] if said else "?"


def unacceptable_character(code: int) -> Message:
    """The reader's refusal of a character (a control character, U+FFFE, …)."""
    shown = f"{code:04X}"
    return Message("the file contains the character U+{code}, which YAML does not accept; "
                   "delete it", {"code": shown})
