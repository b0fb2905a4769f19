"""The plan YAML as a JSON Schema (draft 2020-12), for editors: `plangen schema`.

Generated from the Cerberus schema (generator/plan/schema.py, the one source of truth): DOCUMENT is
walked field by field; the registry entries ("entry", "citation", "assignment", "row") and the
shared mappings of schema.py (PART, REF, FROM, and PLAN, DECISION, APPENDIX) become `$defs`.

The shorthands are not listed here either: where a file may write a text, a list or a mapping
instead of the full form, shorthand.expand() is asked, with a small probe document, what it makes
of each form at that place, and each form it turns into the full one becomes an alternative of an
`anyOf` (a part given as a bare list, an item as a text, a ref as an id, a list of refs as one
ref, a row's `time` as a text or a list …).

Only keywords that mean the same in draft-07 are used (type, enum, pattern, minimum, maximum,
minLength, maxLength, minItems, maxItems, required, additionalProperties, anyOf, not, $ref to
`#/$defs/…`): yaml-language-server, which validates as draft-07, understands all of it.
What the schema cannot say (unique ids, references to existing bodies, real dates …) stays with
`plangen validate` (crosscheck.py; docs/schema.md lists it).

Descriptions come from schema_docs.py, which docs/schema.md's field tables are written from
(`make docs`): `description` in the chosen language, `markdownDescription` (hover and completion
in VS Code) the same text followed by the other language's.
"""
from __future__ import annotations

import json
import re
from typing import Any

from cerberus import schema_registry

from generator.plan import schema, schema_docs, shorthand
from generator.shell.errors import DataPath

DRAFT = "https://json-schema.org/draft/2020-12/schema"
REGISTRY = ("entry", "citation", "assignment", "row")
JSON = dict[str, Any]

_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
          "dict": "object", "list": "array"}
# Samples a shorthand may be written as where a mapping or a list is meant, with their JSON type.
_SCALAR_PROBES: tuple[tuple[Any, str], ...] = (("probe", "string"), (7, "number"))
_LIST_PROBE = ["probe"]
_MAPPING_PROBE = {"probe": "probe"}
_LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}
_MISSING = object()


def json_schema(lang: str = "vi") -> JSON:
    """The JSON Schema of a plan YAML, its descriptions in lang ('vi' or 'en')."""
    return _Builder(lang).document()


def dumps(lang: str = "vi") -> bytes:
    """The schema as the bytes `plangen schema` writes: sorted keys, UTF-8, stable."""
    text = json.dumps(json_schema(lang), ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def _named_constants() -> dict[int, str]:
    """The shared mappings of schema.py by identity: PART → 'part', REF → 'ref' …"""
    return {id(value): name.lower() for name, value in vars(schema).items()
            if name.isupper() and isinstance(value, dict) and name != "DOCUMENT"}


def _probe_document(path: DataPath, sample: Any) -> Any:
    doc = sample
    for part in reversed(path):
        doc = [doc] if isinstance(part, int) else {part: doc}
    return doc


def expanded(path: DataPath, sample: Any) -> Any:
    """What shorthand.expand() makes of sample written at path (_MISSING when it drops it)."""
    node = shorthand.expand(_probe_document(path, sample))
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return node


def _types(node: JSON) -> list[str]:
    found = node.get("type", [])
    return [found] if isinstance(found, str) else list(found)


def _restricted(node: JSON, types: list[str]) -> JSON | None:
    """node accepting only those of its types that are in types (None when none is left)."""
    kept = [t for t in _types(node) if t in types]
    if not kept:
        return None
    return {**node, "type": kept[0] if len(kept) == 1 else kept}


def _is_mapping(node: JSON) -> bool:
    return "$ref" in node or _types(node) == ["object"]


class _Builder:
    """One walk of the Cerberus schema; `$defs` are filled as they are first met."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.defs: dict[str, JSON] = {}
        self.asked: set[str] = set()  # description keys looked up (tests: each has one)
        self._named = _named_constants()

    def document(self) -> JSON:
        out: JSON = {"$schema": DRAFT, "title": "plangen"}
        out.update(self.mapping(schema.DOCUMENT, (), ""))
        self.describe(out, "(document)")
        out["$defs"] = dict(sorted(self.defs.items()))
        return out

    # --- descriptions ------------------------------------------------------------------

    def describe(self, node: JSON, key: str) -> None:
        """Attach the description of key to node (tests: every key the walk asks for has one)."""
        self.asked.add(key)
        texts = schema_docs.DESCRIPTIONS.get(key)
        if texts is None:
            return
        en, vi = texts
        primary, other, other_lang = (vi, en, "en") if self.lang == "vi" else (en, vi, "vi")
        node["description"] = primary
        node["markdownDescription"] = f"{primary}\n\n*{_LANGUAGE_NAMES[other_lang]}:* {other}"

    # --- the walk ----------------------------------------------------------------------

    def mapping(self, fields: schema.Schema, path: DataPath, prefix: str) -> JSON:
        """A Cerberus field map: properties, required, no unknown field, excluded pairs."""
        properties = {}
        for name, rules in fields.items():
            properties[name] = self.value(rules, (*path, name), prefix + name)
            self.describe(properties[name], prefix + name)
        out: JSON = {"type": "object", "properties": properties, "additionalProperties": False}
        required = sorted(name for name, rules in fields.items() if rules.get("required"))
        if required:
            out["required"] = required
        pairs = sorted({tuple(sorted((name, other))) for name, rules in fields.items()
                        for other in _listed(rules.get("excludes"))})
        if pairs:
            out["allOf"] = [{"not": {"required": list(pair)}} for pair in pairs]
        return out

    def value(self, rules: schema.Schema, path: DataPath, key: str) -> JSON:
        """The value of a field or a list item: its full form, or anyOf its written forms.

        key: the description key of the field ('row.time'), which an inline mapping extends.
        """
        kind = rules.get("type")
        if kind == "dict":
            full = self.dict_form(rules, path, key)
            forms = self.mapping_shorthands(rules, path, key)
        elif kind == "list":
            items = self.value(rules["schema"], (*path, 0), key) if "schema" in rules else {}
            full = {"type": "array", "items": items}
            _copy(rules, full, {"minlength": "minItems", "maxlength": "maxItems"})
            full = self.nullable(rules, full)
            forms = self.list_shorthands(path, items)
        else:
            return self.scalar(rules)
        return {"anyOf": [*forms, full]} if forms else full

    def dict_form(self, rules: schema.Schema, path: DataPath, key: str) -> JSON:
        inner = rules.get("schema", {})
        if isinstance(inner, str):
            name, fields = inner, schema_registry.get(inner)
        else:
            name = self._named.get(id(inner)) or self._named.get(id(rules)) or ""
            fields = inner
        if not name:
            return self.nullable(rules, self.mapping(fields, path, key + "."))
        if name not in self.defs:
            self.defs[name] = {}  # reserved: a definition may refer to itself
            self.defs[name] = self.definition(name, fields, path)
        return self.nullable(rules, {"$ref": f"#/$defs/{name}"})

    def definition(self, name: str, fields: schema.Schema, path: DataPath) -> JSON:
        """A `$defs` entry, its shorthands probed at path (a place where it is used)."""
        out = self.mapping(fields, path, name + ".")
        self.describe(out, name)
        return out

    def scalar(self, rules: schema.Schema) -> JSON:
        types = [_TYPES[rules["type"]]] if "type" in rules else []
        if rules.get("coerce") is schema.as_text:  # a number typed where text is meant
            types.append("number")
        out: JSON = {"type": types[0] if len(types) == 1 else types}
        if "allowed" in rules:
            out["enum"] = list(rules["allowed"])
        if "regex" in rules:
            out["pattern"] = rules["regex"]  # on texts only: a number is checked as written
            if "number" in types and not re.fullmatch(rules["regex"], "-1"):
                out["minimum"] = 0  # e.g. an id: digits pass, a minus sign does not
        if rules.get("empty") is False:
            out["minLength"] = 1
        _copy(rules, out, {"min": "minimum", "max": "maximum", "minlength": "minLength",
                           "maxlength": "maxLength"})
        return self.nullable(rules, out)

    @staticmethod
    def nullable(rules: schema.Schema, node: JSON) -> JSON:
        if not rules.get("nullable"):
            return node
        if "type" in node:
            node = {**node, "type": [*_types(node), "null"]}
            if "enum" in node:
                node["enum"] = [*node["enum"], None]
            return node
        return {"anyOf": [node, {"type": "null"}]}

    # --- shorthands, as shorthand.expand() treats them ---------------------------------

    def mapping_shorthands(self, rules: schema.Schema, path: DataPath, key: str
                           ) -> list[JSON]:
        """Forms standing for a mapping: a text for {key: text}, a list for {key: list}."""
        inner = rules.get("schema", {})
        fields = schema_registry.get(inner) if isinstance(inner, str) else inner
        forms: list[JSON] = []
        landing: dict[str, list[str]] = {}
        for sample, json_type in _SCALAR_PROBES:
            out = expanded(path, sample)
            if (isinstance(out, dict) and len(out) == 1 and next(iter(out)) in fields
                    and next(iter(out.values())) == sample):
                landing.setdefault(next(iter(out)), []).append(json_type)
        for name, json_types in landing.items():
            form = _restricted(self.scalar(fields[name]), json_types)
            if form is not None:
                forms.append(form)
        out = expanded(path, _LIST_PROBE)
        if (isinstance(out, dict) and len(out) == 1 and next(iter(out)) in fields
                and isinstance(next(iter(out.values())), list)):
            name = next(iter(out))
            forms.append(self.value({**fields[name], "nullable": False}, (*path, name),
                                    f"{key}.{name}"))
        return forms

    @staticmethod
    def list_shorthands(path: DataPath, items: JSON) -> list[JSON]:
        """Forms standing for a list of one item: that item alone, as a text or a mapping."""
        alternatives = items.get("anyOf", [items])
        forms: list[JSON] = []
        json_types = [t for sample, t in _SCALAR_PROBES
                      if isinstance(out := expanded(path, sample), list) and len(out) == 1]
        for alternative in alternatives:
            if not _is_mapping(alternative) and _types(alternative) != ["array"]:
                form = _restricted(alternative, json_types)
                if form is not None:
                    forms.append(form)
        out = expanded(path, _MAPPING_PROBE)
        if isinstance(out, list) and len(out) == 1:
            forms += [alternative for alternative in alternatives if _is_mapping(alternative)]
        return forms


def _listed(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _copy(rules: schema.Schema, node: JSON, names: dict[str, str]) -> None:
    for cerberus_name, json_name in names.items():
        if cerberus_name in rules:
            node[json_name] = rules[cerberus_name]

