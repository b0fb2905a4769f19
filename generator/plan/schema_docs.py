"""The field descriptions of the plan YAML, the one source of `plangen schema` and docs/schema.md.

Every field of the Cerberus schema (schema.py) has one row in one of the tables of
schema_docs_top, _decision, _plan and _appendix (the tests check it both ways): its type, whether
it is required, its meaning in English and in Vietnamese. `make docs` (tools/build_docs.py) writes
each table into docs/schema.md between its `<!-- fields: NAME -->` and `<!-- end -->` markers;
json_schema.py gives the same texts to editors as `description` and `markdownDescription`.

Description key: a field's path in the JSON Schema ('issuer.name', 'appendix.columns.key'; inside
a `$defs` entry, the entry's name first: 'entry.text', 'row.time.quarters'), or a `$defs` entry's
own name ('part', 'ref'; '(document)' for the whole file).
"""
from __future__ import annotations

from collections.abc import Iterable

from generator.plan import (
    schema_docs_appendix,
    schema_docs_decision,
    schema_docs_plan,
    schema_docs_table,
    schema_docs_top,
)
from generator.plan.schema_docs_table import Table

# In the order of docs/schema.md.
TABLES: tuple[Table, ...] = (
    schema_docs_top.DOCUMENT, schema_docs_top.ISSUER, schema_docs_top.BODIES,
    schema_docs_top.GROUPS, schema_docs_top.REF,
    schema_docs_decision.DECISION, schema_docs_decision.PROPOSAL, schema_docs_decision.CITATION,
    schema_docs_plan.PLAN, schema_docs_plan.SECTIONS, schema_docs_plan.PART,
    schema_docs_plan.ENTRY, schema_docs_plan.ASSIGNMENTS, schema_docs_plan.ASSIGNMENT,
    schema_docs_appendix.APPENDIX, schema_docs_appendix.COLUMN, schema_docs_appendix.ROW,
    schema_docs_appendix.TIME, schema_docs_appendix.JOINS,
    schema_docs_top.SIGNER, schema_docs_top.PROVENANCE, schema_docs_top.DERIVED_FROM,
    schema_docs_top.FROM_FIELDS,
)


def descriptions(tables: Iterable[Table]) -> dict[str, tuple[str, str]]:
    """(English, Vietnamese) by description key; a key given twice is an error."""
    out: dict[str, tuple[str, str]] = {}
    for table in tables:
        entries = [(key, (field.en, field.vi)) for key, field in table.by_key().items()]
        if table.definition is not None:
            entries.append((table.name, table.definition))
        for key, texts in entries:
            if key in out:
                raise schema_docs_table.DocsError(f"the description of {key!r} is given twice")
            out[key] = texts
    return out


DESCRIPTIONS = descriptions(TABLES)


def updated(text: str) -> str:
    """docs/schema.md's text with its field tables as TABLES says (what `make docs` writes)."""
    return schema_docs_table.updated(text, TABLES)
