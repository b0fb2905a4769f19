"""The Cerberus schema of a plan YAML (documented field by field in docs/schema.md)."""
from __future__ import annotations

from typing import Any

from cerberus import schema_registry

DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
# A draft's signing date may be known to the month only ("ngày     tháng 01 năm 2024").
SIGNING_DATE_RE = r"^\d{4}-\d{2}(-\d{2})?$"
ID_RE = r"^[a-z0-9][a-z0-9._-]*$"
CODE_RE = r"^[A-ZĐ][A-ZĐa-zđ0-9&]*$"
DOCNUM_RE = r"^[^\s]+$"

PART_NAMES = ("objectives", "requirements", "targets", "audience", "content", "channels",
              "solutions", "funding", "assignments")
STYLES = ("numbered", "plain", "dash", "plus")
SIGN_MODES = ("none", "KT", "Q", "TL", "TUQ")
COLUMN_KEYS = ("number", "content", "form", "lead", "support", "bodies", "time", "product",
               "note")
LAW_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")

Schema = dict[str, Any]

def as_text(value: Any) -> Any:
    """A number typed where text is expected is that text, as written (08 stays 08)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return getattr(value, "source", str(value))
    return value


TEXT: Schema = {"type": "string", "empty": False, "coerce": as_text}
ID: Schema = {"type": "string", "regex": ID_RE, "maxlength": 64, "coerce": as_text}
DATE: Schema = {"type": "string", "regex": DATE_RE}
CODE: Schema = {"type": "string", "regex": CODE_RE, "maxlength": 20}
DOCNUM: Schema = {"type": "string", "regex": DOCNUM_RE, "maxlength": 40, "coerce": as_text}
TEXTS: Schema = {"type": "list", "schema": TEXT}
STYLE: Schema = {"type": "string", "allowed": list(STYLES)}
JOINS = ("lines", "comma", "semicolon", "and")
JOIN: Schema = {"type": "string", "allowed": list(JOINS)}
# The cells whose names are joined (a row's `joins` overrides its column's `join` for one cell).
JOINED_KEYS = ("lead", "support", "bodies")
# The cells printed as `- ` lines that a column's `line_end` may end with ";" and ".".
LINE_END_KEYS = ("form", "product", "note", "lead", "support")
# A body reference: every workflow finds references by this mark (generator/plan/references.py).
REF: Schema = {"type": "dict", "meta": {"reference": True},
               "schema": {"body": {**ID, "required": True}, "label": TEXT}}
REFS: Schema = {"type": "list", "schema": REF}


FINGERPRINT_RE = r"^[0-9a-f]{16}$"
# Provenance of a derived item (plangen derive): never printed.
FROM: Schema = {"type": "dict", "schema": {
    "id": {**ID, "required": True},
    "fingerprint": {"type": "string", "regex": FINGERPRINT_RE, "required": True},
    "role": {"type": "string", "allowed": ["lead", "support"]}}}


def _list_of(name: str, **extra: Any) -> Schema:
    return {"type": "list", "schema": {"type": "dict", "schema": name}, **extra}


ENTRY: Schema = {
    "id": ID, "title": TEXT, "text": TEXT, "body": REF, "inline": {"type": "boolean"},
    "from": FROM,
    "style": STYLE, "items": _list_of("entry"),
    "value": {"type": "number"}, "unit": TEXT, "value_in_text": {"type": "boolean"},
}

CITATION: Schema = {
    "id": ID, "type": TEXT, "number": DOCNUM, "date": DATE, "issuer": TEXT, "title": TEXT,
    "text": {**TEXT, "excludes": ["type", "number", "date", "issuer", "title"]},
    "also": _list_of("citation"),
}

PART: Schema = {"from": FROM, "title": TEXT, "style": STYLE, "note": TEXT,
                "note_inline": {"type": "boolean"},
                "items": {**_list_of("entry"), "minlength": 1}}

ASSIGNMENT: Schema = {
    "id": {**ID, "required": True}, "bodies": REFS, "label": TEXT, "intro": TEXT,
    "style": STYLE, "inline": {"type": "boolean"},
    "sentence": {"type": "boolean"},
    "tasks": {**_list_of("entry"), "required": True, "minlength": 1},
}

PLAN: Schema = {
    "topic": {**TEXT, "required": True},
    "scope": TEXT,
    "scope_position": {"type": "string", "allowed": ["after-year", "before-year"]},
    "attach_phrase": {"type": "string", "allowed": ["Ban hành kèm theo", "Kèm theo"]},
    "opening": TEXT,
    **{name: {"type": "dict", "schema": PART} for name in PART_NAMES if name != "assignments"},
    "assignments": {"type": "dict", "schema": {
        "title": TEXT, "note": TEXT,
        "items": {**_list_of("assignment"), "required": True, "minlength": 1}}},
    "closing": TEXT,
    "closing_note": TEXT,
    "sections": {"type": "list", "minlength": 1, "schema": {"type": "dict", "schema": {
        "title": {**TEXT, "required": True}, "note": TEXT, "note_inline": {"type": "boolean"},
        "parts": {"type": "list", "minlength": 1,
                  "schema": {"type": "string", "allowed": list(PART_NAMES)}}}}},
}

DECISION: Schema = {
    "authority": TEXT,
    "summary_phrase": {"type": "string", "allowed": ["Về việc ban hành", "Ban hành"]},
    "bases": {**_list_of("citation"), "required": True, "minlength": 1},
    "long_dates": {"type": "boolean"},
    "proposal": {"type": "dict", "schema": {
        "phrase": {"type": "string", "allowed": ["Theo đề nghị của", "Xét đề nghị của"]},
        "by": {**TEXT, "required": True},
        "document": {"type": "dict", "schema": "citation"}}},
    "scope_in_article": {"type": "boolean"},
    "effective": TEXT,
    "executors": {**TEXTS, "minlength": 1},
    "executors_join": {"type": "string", "allowed": ["semicolon", "comma"]},
    "execution": TEXT,
    "articles": {**TEXTS, "minlength": 1},
    "article_1": TEXT, "article_2": TEXT, "article_3": TEXT,
}

ROW: Schema = {
    "id": {**ID, "required": True}, "from": FROM, "content": {**TEXT, "required": True},
    "form": TEXTS, "lead": REFS, "support": REFS, "product": TEXTS, "note": TEXTS,
    "time": {"type": "dict", "schema": {
        "text": {**TEXT, "excludes": ["lines", "quarters"]},
        "lines": {**TEXTS, "minlength": 1, "excludes": "quarters"},
        "quarters": {"type": "list", "minlength": 1, "excludes": "text",
                     "schema": {"type": "integer", "min": 1, "max": 4}},
        "with_year": {"type": "boolean"},
        "style": {"type": "string", "allowed": ["plain", "dash"]}}},
    "joins": {"type": "dict", "schema": {key: JOIN for key in JOINED_KEYS}},
    "rows": _list_of("row"),
}

APPENDIX: Schema = {
    "label": TEXT,
    "attach_phrase": {"type": "string", "allowed": ["Ban hành kèm theo", "Kèm theo"]},
    "title": {**TEXT, "required": True},
    "reference": {"type": "boolean"},
    "join": JOIN,
    "number_width": {"type": "integer", "min": 1, "max": 3},
    "orientation": {"type": "string", "allowed": ["auto", "portrait", "landscape"]},
    "columns": {"type": "list", "required": True, "minlength": 1, "schema": {
        "type": "dict", "schema": {
            "key": {"type": "string", "required": True, "allowed": list(COLUMN_KEYS)},
            "header": {**TEXT, "required": True},
            "width": {"type": "number", "required": True, "min": 5, "max": 280},
            "join": JOIN,
            "line_end": {"type": "string", "allowed": ["none", "semicolon"]}}}},
    "rows": {**_list_of("row"), "required": True, "minlength": 1},
}

DOCUMENT: Schema = {
    "plangen": {"type": "integer", "required": True, "allowed": [1]},
    "kind": {"type": "string", "required": True, "allowed": ["decision", "plan"]},
    "year": {"type": "integer", "required": True, "min": 2000, "max": 2100},
    "issuer": {"type": "dict", "required": True, "schema": {
        "name": {**TEXT, "required": True}, "code": {**CODE, "required": True},
        "place": {**TEXT, "required": True}, "parent": TEXT, "header": {**TEXTS, "minlength": 1},
        "reference_name": TEXT,
    }},
    "number": {"type": "integer", "min": 1, "max": 99999, "nullable": True},
    "date": {"type": "string", "regex": SIGNING_DATE_RE, "nullable": True},
    "issue_year": {"type": "integer", "min": 2000, "max": 2100},
    "reference_date": {"type": "string", "allowed": ["long", "short"]},
    "bodies": {"type": "list", "schema": {"type": "dict", "schema": {
        "id": {**ID, "required": True}, "name": {**TEXT, "required": True}, "short": TEXT,
        "code": CODE, "groups": {"type": "list", "schema": ID}}}},
    "groups": {"type": "list", "schema": {"type": "dict", "schema": {
        "id": {**ID, "required": True}, "name": {**TEXT, "required": True}}}},
    "decision": {"type": "dict", "schema": DECISION},
    "plan": {"type": "dict", "required": True, "schema": PLAN},
    "appendix": {"type": "dict", "schema": APPENDIX},
    "recipients": {**TEXTS, "required": True, "minlength": 1},
    "archive": {"type": "list", "schema": {"type": "string", "regex": r"^[^\s,;]+$"}},
    "copies": {"type": "integer", "min": 1, "max": 999},
    "derived_from": {"type": "dict", "schema": {
        "file": {**TEXT, "required": True}, "unit": {**ID, "required": True},
        "issuer": {**TEXT, "required": True},
        "kind": {"type": "string", "required": True, "allowed": ["decision", "plan"]},
        "number": {"type": "integer", "min": 1, "max": 99999},
        "date": {"type": "string", "regex": SIGNING_DATE_RE},
        "fingerprint": {"type": "string", "regex": FINGERPRINT_RE, "required": True},
        "on": DATE}},
    "signer": {"type": "dict", "required": True, "schema": {
        "on_behalf": TEXT, "mode": {"type": "string", "allowed": list(SIGN_MODES)},
        "head": TEXT, "title": TEXT, "name": {**TEXT, "required": True}}},
}

schema_registry.extend({"entry": ENTRY, "citation": CITATION, "assignment": ASSIGNMENT,
                        "row": ROW})


def field_names() -> set[str]:
    """Every field name the schema knows, for 'did you mean' suggestions."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, dict) and ("type" in value or "schema" in value):
                    names.add(key)
                walk(value)

    for schema in (DOCUMENT, ENTRY, CITATION, ASSIGNMENT, ROW):
        walk(schema)
    return names - {"schema", "type"}
