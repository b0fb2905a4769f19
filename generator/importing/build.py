"""The plan YAML of an imported document: every region read into the fields of today's schema.

The reading is done twice with one body registry (see bodies.Registry): the first pass meets
every body's name, the second writes each ref against the fullest name. What was guessed or
could not be placed is returned as notes, each with the line it comes from and the YAML path it
concerns, for the checklist and the `# plangen import:` comments.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.importing.appendix import read_appendix
from generator.importing.bodies import Registry
from generator.importing.decision_fields import decision_fields
from generator.importing.ids import Ids
from generator.importing.outline import Paragraph
from generator.importing.plan_body import read_plan_body
from generator.importing.regions import Regions, regions
from generator.importing.top_fields import (
    Reference,
    issuer,
    read_reference,
    sentence_case,
    title_parts,
)
from generator.plan import citation
from generator.shell.errors import N_, Message

DataPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Note:
    """One checklist entry: where in the source, which field of the YAML, what to check."""

    line: int
    path: DataPath
    message: Message


@dataclass
class Imported:
    """A document read back: the plan mapping (plain data, schema order) and the checklist."""

    data: dict[str, Any]
    notes: list[Note] = field(default_factory=list)


class NotAPlan(Exception):
    """The paragraphs hold no Kế hoạch or Quyết định (the caller words it for the user)."""


def build(found: list[Paragraph]) -> Imported:
    """The plan YAML mapping of a document's paragraphs."""
    parts = regions(found)
    if parts.header.kind is None and not any(p.level == "roman" for p in parts.body):
        raise NotAPlan
    registry = Registry()
    _build(parts, registry)  # meets every name
    return _build(parts, registry)


def _build(parts: Regions, registry: Registry) -> Imported:
    ids = Ids()
    notes: list[Note] = []
    head = parts.header
    is_decision = parts.decision is not None
    reference = _reference(parts)
    title = " ".join(p.text for p in parts.title)
    if not title and parts.decision is not None:
        title = parts.decision.summary.removeprefix("Kế hoạch ").strip()
    if title.isupper():  # "TUYÊN TRUYỀN … NĂM 2025": plangen prints the summary as a sentence
        title = sentence_case(title)
        notes.append(Note(parts.title[0].line if parts.title else 1, ("plan", "topic"), Message(
            N_("the title was printed in capitals: written as a sentence, check its capitals"))))
    topic, year, scope = title_parts(title)
    year = year or _year_of(head.date, reference)
    line = parts.title[0].line if parts.title else 1
    if year is None:
        year = 2000
        notes.append(Note(line, ("year",), Message(N_("the plan's year was found nowhere"))))
    data: dict[str, Any] = {"plangen": 1, "kind": "decision" if is_decision else "plan",
                            "year": year}
    _number_and_date(data, head.number, head.date, head.issue_year, reference, notes, line)
    text = " ".join(p.text for p in parts.everything)
    top = issuer(head, text, reference if not is_decision else None, line, title)
    data["issuer"] = top.fields
    notes.extend(Note(n_line, path, message) for n_line, path, message in top.notes)
    body = read_plan_body(parts.body, registry, ids)
    notes.extend(Note(n_line, ("plan",), message) for n_line, message in body.notes)
    plan: dict[str, Any] = {"topic": topic or "Kế hoạch"}
    if scope:
        plan["scope"] = scope
    if is_decision and reference is not None and reference.phrase != "Ban hành kèm theo":
        plan["attach_phrase"] = reference.phrase
    plan.update(body.fields)
    if parts.signed_plan:
        notes.append(Note(parts.signed_plan[0].line, ("signer",), Message(N_(
            "the attached plan is signed on its own; plangen signs the Quyết định only"))))
    closing = parts.decision_closing if is_decision else parts.closing
    if is_decision and parts.decision is not None:
        decision, decision_notes = decision_fields(parts.decision, {**data, "plan": plan})
        data["decision"] = decision
        notes.extend(Note(line, ("decision",), m) for m in decision_notes)
    data["plan"] = plan
    if reference is not None and reference.short and "date" in data:
        data = _after(data, "issue_year" if "issue_year" in data else "date",
                      "reference_date", "short")
    if parts.appendix is not None:
        read = read_appendix([p.text for p in parts.appendix_heading], parts.appendix,
                             registry, year=year, reference=citation.reference(data))
        data["appendix"] = read.appendix
        notes.extend(Note(parts.appendix_line + max(row - 1, 0), ("appendix",), message)
                     for row, message in read.notes)
    _closing_fields(data, closing, notes, line)
    _registry_first(data, registry)
    if closing is not None and closing.stray:
        notes.append(Note(line, ("recipients",), Message(N_(
            "words after \"Nơi nhận:\" were not placed: \"{text}\""), {"text": closing.stray})))
    for paragraph in parts.rest:
        notes.append(Note(paragraph.line, ("plan", "closing_note"), Message(N_(
            "text after the end of the document was not placed: \"{text}\""),
            {"text": paragraph.text[:80]})))
    return Imported(data, sorted(notes, key=lambda n: n.line))


def _reference(parts: Regions) -> Reference | None:
    texts = [parts.reference.text] if parts.reference else []
    texts += [p.text for p in parts.appendix_heading if p.text.startswith("(")]
    for text in texts:
        found = read_reference(text)
        if found is not None:
            return found
    return None


def _year_of(date: str | None, reference: Reference | None) -> int | None:
    date = date or (reference.date if reference else None)
    return int(date[:4]) if date else None


def _number_and_date(data: dict[str, Any], number: int | None, date: str | None,
                     issue_year: int | None, reference: Reference | None, notes: list[Note],
                     line: int) -> None:
    if number is None and reference is not None:
        number = reference.number
    if date is None and issue_year is None and reference is not None:
        date, issue_year = reference.date, reference.issue_year
    if number is not None:
        data["number"] = number
    if date is not None and int(date[:4]) in (data["year"], data["year"] - 1):
        data["date"] = date
    elif date is not None:
        notes.append(Note(line, ("date",), Message(N_(
            "the date {date} is not in the plan's year or the year before: left out"),
            {"date": date})))
    if issue_year is not None and issue_year != data["year"]:
        data["issue_year"] = issue_year


def _closing_fields(data: dict[str, Any], closing: Any, notes: list[Note], line: int) -> None:
    if closing is None or not closing.recipients:
        data["recipients"] = ["Như trên"]
        notes.append(Note(line, ("recipients",), Message(N_(
            "no Nơi nhận was found: write the recipients"))))
    else:
        data["recipients"] = closing.recipients
        if closing.archive:
            data["archive"] = closing.archive
        if closing.copies is not None:
            data["copies"] = closing.copies
    if closing is not None and closing.signer:
        data["signer"] = closing.signer
    else:
        data["signer"] = {"title": "CHỨC VỤ", "name": "Họ và tên"}
        notes.append(Note(line, ("signer",), Message(N_(
            "no signature block was found: write the signer"))))


def _registry_first(data: dict[str, Any], registry: Registry) -> None:
    """Put groups and bodies after the issuer, where the examples keep them."""
    groups, bodies = registry.groups(), registry.bodies()
    items = list(data.items())
    at = list(data).index("issuer") + 1
    extra = ([("groups", groups)] if groups else []) + ([("bodies", bodies)] if bodies else [])
    data.clear()
    data.update(items[:at] + extra + items[at:])


def _after(data: dict[str, Any], key: str, new: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        out[k] = v
        if k == key:
            out[new] = value
    return out
