"""`plangen import edited.docx --onto plan.yaml`: the Word edits of a rendered plan, applied.

The plan (given, or the one the DOCX carries) is rendered again and both documents are read by
the importer; what differs between the two readings is applied to the plan's own text
(word_edits), then written with the plan's layout kept (yamlio.dump_edit), so that `plangen diff
plan.yaml new.yaml` shows the officer's edits and nothing else.
"""
from __future__ import annotations

from typing import Any

from generator.document import context, render
from generator.importing.build import build
from generator.importing.docx_source import read_docx
from generator.importing.request import ImportRequest, ImportResult, check_written
from generator.importing.sources import Source, refuse
from generator.importing.word_edits import Edits, apply_edits
from generator.plan.checked import text_checked
from generator.plan.index import body_names, walk_ids
from generator.shell.atomic import write_new
from generator.shell.errors import N_, Message
from generator.shell.yamlio import dump_edit, guess_layout, load_roundtrip, mapping

_PLAN_PARTS = ("objectives", "requirements", "targets", "audience", "content", "channels",
               "solutions", "funding", "assignments")


def import_onto(request: ImportRequest, source: Source) -> ImportResult:
    """Apply the edits of the source DOCX to its plan; write the edited plan."""
    if source.kind != "docx":
        raise refuse(str(request.source), Message(N_(
            "--onto needs the DOCX rendered from the plan, not a {kind}"), {"kind": source.kind}))
    base_name, base_text = _base(request, source)
    base = text_checked(base_text, base_name)
    before = read_docx(render.render_document(context.build(base.plan)), base_name).paragraphs
    old, new = build(before).data, build(source.paragraphs).data
    tree = load_roundtrip(base_text)
    edits = Edits(taken_ids={ident for _, ident in walk_ids(base.plan)},
                  names=body_names(base.plan))
    _align_parts(old, new, base.plan)
    added = _to_base_ids([old, new], base.plan, edits)
    for key in [k for k in dict.fromkeys((*old, *new)) if k not in ("bodies", "groups")]:
        if key in tree or key in new:
            apply_edits(tree, {key: old.get(key)} if key in old else {},
                        {key: new.get(key)} if key in new else {}, edits)
    used = _referenced(tree)
    if wanted := [entry for entry in added if entry["id"] in used]:
        tree.setdefault("bodies", []).extend(mapping(entry, flow=True) for entry in wanted)
    # Untouched, the plan is its own text: no layout to guess (the slow part of a write).
    text = dump_edit(tree, base_text, guess_layout(base_text)) if edits.changed else base_text
    write_new(request.target, text.encode("utf-8"),
              inputs=[request.source, *([request.onto] if request.onto else [])],
              force=request.force, make_parents=True)
    result = ImportResult(tracked=source.tracked, base=base_name)
    check_written(result, text, str(request.target),
                  [(path, message, 0) for path, message in edits.unplaced])
    return result


def _base(request: ImportRequest, source: Source) -> tuple[str, str]:
    if request.onto is not None:
        try:
            return str(request.onto), request.onto.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise refuse(str(request.onto), Message(N_("cannot read the file: {reason}"),
                                                    {"reason": str(exc)})) from exc
    embedded = source.embedded
    return f"{request.source} ({embedded.file})", embedded.text


_REF_KEYS = ("bodies", "body", "lead", "support")


def _to_base_ids(readings: list[dict[str, Any]], plan: dict[str, Any],
                 edits: Edits) -> list[dict[str, Any]]:
    """Refs of the readings made refs to the plan's bodies, matched by name; a body only the
    edited document names is returned, to be added to the plan's registry."""
    from generator.importing.bodies import fold

    known = {fold(entry["name"]): entry["id"] for key in ("bodies", "groups")
             for entry in plan.get(key, [])}
    added: list[dict[str, Any]] = []
    for reading in readings:
        mapping: dict[str, str] = {}
        for key in ("bodies", "groups"):
            for entry in reading.get(key, []):
                ident = known.get(fold(entry["name"]))
                if ident is None:
                    ident = _fresh_id(entry["id"], edits)
                    known[fold(entry["name"])] = ident
                    added.append({"id": ident, "name": entry["name"]})
                    edits.names[ident] = entry["name"]
                mapping[entry["id"]] = ident
        _repoint(reading, mapping)
    return added


def _referenced(node: Any, key: str = "") -> set[str]:
    """Every body id the tree refers to."""
    if isinstance(node, dict):
        found = {str(node["body"])} if key in _REF_KEYS and "body" in node else set()
        for k, v in node.items():
            if key or k not in ("bodies", "groups"):
                found |= _referenced(v, k)
        return found
    if isinstance(node, list):
        return set().union(*(_referenced(v, key) for v in node)) if node else set()
    return {node} if isinstance(node, str) and key in _REF_KEYS else set()


def _fresh_id(ident: str, edits: Edits) -> str:
    out, n = ident, 2
    while out in edits.taken_ids:
        out, n = f"{ident}-{n}", n + 1
    edits.taken_ids.add(out)
    return out


def _repoint(node: Any, mapping: dict[str, str], key: str = "") -> Any:
    if isinstance(node, dict):
        if key in _REF_KEYS and "body" in node:
            node["body"] = mapping.get(node["body"], node["body"])
        for k, v in node.items():
            if k not in ("bodies", "groups") or key:
                node[k] = _repoint(v, mapping, k)
        return node
    if isinstance(node, list):
        return [_repoint(v, mapping, key) for v in node]
    if isinstance(node, str) and key in _REF_KEYS:
        return mapping.get(node, node)
    return node


def _align_parts(old: dict[str, Any], new: dict[str, Any], plan: dict[str, Any]) -> None:
    """Name the readings' parts as the plan does: section by section, part by part."""
    from generator.document.plan_blocks import sections

    wanted = [part for section in sections(plan["plan"]) for part in section.parts]
    for reading in (old, new):
        body = reading.get("plan", {})
        found = [p for s in body.get("sections", []) for p in s.get("parts", [])]
        if len(found) != len(wanted) or found == wanted:
            continue
        moved = {f: body.pop(f) for f in found if f in body}
        for f, w in zip(found, wanted, strict=True):
            if f in moved:
                body[w] = moved[f]
        for section in body.get("sections", []):
            section["parts"] = [wanted[found.index(p)] for p in section.get("parts", [])]
        if "sections" not in plan["plan"]:
            body.pop("sections", None)
