"""The format of the changes file (docs/changes.md): its Cerberus schema, version 1."""
from __future__ import annotations

from generator.plan.schema import CODE, DATE, ID, TEXT, TEXTS, Schema

KINDS = ("rename", "merge", "abolish", "province-merge")
WITH_SUCCESSOR = frozenset({"rename", "merge", "province-merge"})

SUCCESSOR: Schema = {"type": "dict", "schema": {
    "name": {**TEXT, "required": True},
    "code": {**CODE, "nullable": True},
    "short": {**TEXT, "nullable": True}}}

EVENT: Schema = {
    "id": {**ID, "required": True},
    "date": {**DATE, "required": True},
    "kind": {"type": "string", "required": True, "allowed": list(KINDS)},
    "names": {**TEXTS, "required": True, "minlength": 1},
    "except": TEXTS,
    "successor": SUCCESSOR,
    "basis": TEXT,
    "note": {**TEXT, "required": True},
    "instead": TEXT,
}

DOCUMENT: Schema = {
    "plangen-changes": {"type": "integer", "required": True, "allowed": [1]},
    "provinces": TEXTS,
    "events": {"type": "list", "required": True, "minlength": 1,
               "schema": {"type": "dict", "schema": EVENT}},
}

FIELDS = sorted({*DOCUMENT, *EVENT, *SUCCESSOR["schema"]})
