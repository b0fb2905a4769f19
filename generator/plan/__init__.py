"""The plan as data: a plan YAML read with source positions, its shorthands expanded, checked
against the schema and across fields, with the text rules it obeys (citations, years in a text,
Vietnamese letters and words, short forms of body names) and its JSON Schema.

May import: generator.shell. Nothing here knows of DOCX.
"""
