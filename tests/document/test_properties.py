"""Properties: random valid plans render with all their text; random damage never crashes."""
from __future__ import annotations

import io
import string
import unicodedata
from typing import Any

import docx
import yaml
from helpers import EXAMPLES, ROOT, as_read, docx_lines
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.document.context import build
from generator.document.render import render_document
from generator.plan.load import FORBIDDEN_INVISIBLE, load_text
from generator.plan.validate import validate
from generator.shell.errors import InvalidInput

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Any printable character an officer might paste: letters of every script, emoji, marks, RTL.
CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"),
                           blacklist_characters=[*FORBIDDEN_INVISIBLE, "\ufffe", "\uffff"])
TEXT = st.text(CHARACTERS, min_size=1, max_size=30).filter(lambda t: t.split())
IDS = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)


def normal(text: str) -> str:
    """What the loader makes of a text: NFC, whitespace folded."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@st.composite
def entries(draw: st.DrawFn, depth: int = 0) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": draw(TEXT)}
    if depth < 2 and draw(st.booleans()):
        entry["items"] = draw(st.lists(entries(depth + 1), min_size=1, max_size=3))
        entry["style"] = draw(st.sampled_from(["numbered", "dash", "plus", "plain"]))
    return entry


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["decision", "plan"]))
    body_ids = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    doc: dict[str, Any] = {
        "plangen": 1, "kind": kind, "year": 2025,
        "issuer": {"name": draw(TEXT), "code": "UBND", "place": draw(TEXT)},
        "bodies": [{"id": b, "name": draw(TEXT)} for b in body_ids],
        "plan": {
            "topic": draw(TEXT),
            "objectives": {"items": draw(st.lists(entries(), min_size=1, max_size=4))},
            "content": {"items": draw(st.lists(entries(), min_size=1, max_size=4))},
            "assignments": {"items": [
                {"id": f"a{i}", "bodies": [b],
                 "tasks": [{"id": f"a{i}-t{j}", "text": draw(TEXT)}
                           for j in range(draw(st.integers(1, 3)))]}
                for i, b in enumerate(body_ids)]},
            "closing": "Trên đây là kế hoạch",
        },
        "recipients": draw(st.lists(TEXT, min_size=1, max_size=3)),
        "signer": {"title": draw(TEXT), "name": draw(TEXT)},
    }
    if kind == "decision":
        doc["decision"] = {"bases": [{"id": "b1", "text": draw(TEXT)}],
                           "executors": [draw(TEXT)]}
    if draw(st.booleans()):
        doc["appendix"] = {
            "title": draw(TEXT),
            "columns": [{"key": "number", "header": "TT", "width": 10},
                        {"key": "content", "header": draw(TEXT), "width": 100},
                        {"key": "lead", "header": draw(TEXT), "width": 40}],
            "rows": [{"id": f"r{i}", "content": draw(TEXT), "lead": [draw(st.sampled_from(
                body_ids))]} for i in range(draw(st.integers(1, 4)))]}
    return doc


def printed_texts(doc: dict[str, Any]) -> list[str]:
    """Texts the generator prints unchanged (others are upper-cased or punctuated)."""
    def walk(items: list[dict[str, Any]]) -> list[str]:
        return [t for e in items for t in [e["text"], *walk(e.get("items", []))]]

    plan = doc["plan"]
    texts = walk(plan["objectives"]["items"]) + walk(plan["content"]["items"])
    texts += [t["text"] for a in plan["assignments"]["items"] for t in a["tasks"]]
    texts += [r["content"] for r in doc.get("appendix", {}).get("rows", [])]
    return [*texts, doc["signer"]["name"]]


@SETTINGS
@given(plans())
def test_random_valid_plans_render_with_every_text(doc: dict[str, Any]) -> None:
    source = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    data = render_document(build(validate(load_text(source, "random.yaml"))))
    docx.Document(io.BytesIO(data))  # python-docx re-opens it
    text = "\n".join(docx_lines(data))
    for piece in printed_texts(doc):
        assert as_read(normal(piece)) in text


SOURCES = [p.read_text(encoding="utf-8") for p in
           (ROOT / "tests" / "data" / "minimal.yaml", *EXAMPLES[:1])]


@st.composite
def damaged(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(SOURCES)).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "indent", "truncate",
                                       "swap"]))
        if action == "delete" and len(lines) > 1:
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, lines[where])
        elif action == "insert":
            line = lines[where]
            cut = draw(st.integers(0, len(line)))
            junk = draw(st.text(st.sampled_from(list(":-[]{}&*!|>'\"#%@ \tyesno0123é\n")),
                                max_size=6))
            lines[where] = line[:cut] + junk + line[cut:]
        elif action == "indent":
            lines[where] = " " * draw(st.integers(1, 3)) + lines[where]
        elif action == "truncate":
            lines[where] = lines[where][: draw(st.integers(0, len(lines[where])))]
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
    return "".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged())
def test_damaged_yaml_ends_in_a_clean_error_or_a_render(source: str) -> None:
    try:
        plan = validate(load_text(source, "damaged.yaml"))
    except InvalidInput as exc:
        assert exc.problems
        event("clean error")
        return
    event("rendered")
    assert render_document(build(plan))[:2] == b"PK"
