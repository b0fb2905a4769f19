"""Roll forward: next year's plan as an edit of last year's YAML tree, and what a human must decide.

Pure: the tree comes from yamlio.load_roundtrip (comments, order and quoting kept) and is edited in
place; only values that must change are changed. Every item needing a human is a checklist item.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap

from generator.plan.prose import texts as prose
from generator.plan.yeartext import MOVABLE, move_years
from generator.shell.errors import N_, DataPath
from generator.workflows.rolled import Rolled, mark, replace

if TYPE_CHECKING:
    from generator.workflows.org_changes import OrgChanges



def rollover(tree: CommentedMap, doc: dict[str, Any], to_year: int,
             changes: OrgChanges | None) -> Rolled:
    """Edit last year's tree into the plan for to_year; doc is the same file, validated."""
    rolled = Rolled(tree)
    old = int(doc["year"])
    if changes is not None:
        from generator.workflows.rollover_bodies import organisations

        organisations(rolled, to_year, changes)
    _texts(rolled, old, to_year)
    _draft(rolled, old, to_year)
    _bases(rolled, old)
    rolled.checklist.sort(key=lambda item: _order(tree, item.path))
    return rolled


# --- years ------------------------------------------------------------------------------------


def _texts(rolled: Rolled, old: int, new: int) -> None:
    for path, parent, key, text in list(prose(rolled.tree)):
        if path[:2] == ("decision", "bases"):
            continue  # citations are never edited; _bases looks at them
        moved = move_years(text, old, new)
        if moved.text != text:
            replace(parent, key, moved.text)
        for cited in moved.cited:
            rolled.need(path, N_("cites a document of the {old} plan: replace it with this year's "
                                 "('{text}')"), old=old, text=_excerpt(cited))
        for snippet in moved.ambiguous:
            rolled.need(path, N_("a year of the old plan, written in a way that is not moved: "
                                 "check '{text}'"), text=_excerpt(snippet))


def _draft(rolled: Rolled, old: int, new: int) -> None:
    tree = rolled.tree
    tree["year"] = new
    for key in ("number", "date"):
        if tree.get(key) is not None:
            tree[key] = None
    if isinstance(tree.get("issue_year"), int):
        tree["issue_year"] = tree["issue_year"] + new - old
    proposal = tree.get("decision", {}).get("proposal")
    document = proposal.get("document") if isinstance(proposal, dict) else None
    if isinstance(document, dict):
        for key in ("number", "date"):
            if key in document:
                del document[key]
        rolled.need(("decision", "proposal", "document"), N_(
            "the Tờ trình of {year} does not exist yet: write its number and date"), year=new)


def _bases(rolled: Rolled, old: int) -> None:
    bases = rolled.tree.get("decision", {}).get("bases", [])
    for i, base in enumerate(bases):
        if not isinstance(base, CommentedMap):
            continue
        words = " ".join(str(c.get(k, "")) for c in (base, *base.get("also", []))
                         if isinstance(c, dict) for k in ("title", "text"))
        if any(int(m["year"]) == old for m in MOVABLE.finditer(words)):
            mark(bases, i, f"văn bản của kế hoạch năm {old}: thay bằng văn bản năm nay")
            rolled.need(("decision", "bases", i), N_(
                "this legal basis belongs to the {old} plan: replace it with this year's "
                "document"), old=old)


def _order(tree: Any, path: DataPath) -> tuple[int, int]:
    node, line = tree, 0
    for part in path:
        try:
            line = node.lc.data[part][0] if hasattr(node, "lc") else line
            node = node[part]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return (line, len(path))


def _excerpt(text: str) -> str:
    return text if len(text) <= 100 else text[:97] + "…"
