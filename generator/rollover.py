"""Roll forward: next year's plan as an edit of last year's YAML tree, and what a human must decide.

Pure: the tree comes from yamlio.load_roundtrip (comments, order and quoting kept) and is edited in
place; only values that must change are changed. Every item needing a human is a checklist item.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap

from . import vietnamese as vn
from .changes import named_in
from .errors import N_, DataPath, Message
from .prose import texts as prose
from .scalar_layout import restyled
from .yeartext import MOVABLE, move_years

if TYPE_CHECKING:
    from .changes import Changes, Event

REF_KEYS = ("lead", "support", "bodies", "body")
MARK = "plangen rollover: "


@dataclass(frozen=True)
class Item:
    """One thing a human must decide, at a path of the new file."""

    path: DataPath
    message: Message


@dataclass
class Rolled:
    """The edited tree and the checklist."""

    tree: Any
    checklist: list[Item] = field(default_factory=list)

    def need(self, path: DataPath, msgid: str, **params: Any) -> None:
        """Add a checklist item."""
        self.checklist.append(Item(path, Message(msgid, params)))


def rollover(tree: CommentedMap, doc: dict[str, Any], to_year: int,
             changes: Changes | None) -> Rolled:
    """Edit last year's tree into the plan for to_year; doc is the same file, validated."""
    rolled = Rolled(tree)
    old = int(doc["year"])
    if changes is not None:
        _organisations(rolled, to_year, changes)
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


# --- organisation changes ---------------------------------------------------------------------


def _organisations(rolled: Rolled, to_year: int, changes: Changes) -> None:
    applied = changes.before(to_year)
    tree = rolled.tree
    place = str(tree["issuer"].get("place", ""))
    now = _province(place, applied, changes)  # where the press of "Báo {tỉnh}" now belongs
    renamed: dict[str, str] = {}  # old id → new id
    names: dict[str, str] = {}  # old name → new name
    for i, group in enumerate(tree.get("groups", [])):
        event = changes.match(str(group["name"]), applied, place=place)
        if event is not None and event.kind == "abolish":
            mark(tree["groups"], i, _said(event))
    for body in list(tree.get("bodies", [])):
        event = changes.match(str(body["name"]), applied, place=place)
        if event is None or event.kind == "province-merge":
            continue
        if event.kind == "abolish":
            mark(tree["bodies"], tree["bodies"].index(body), _said(event))
            continue
        _succeed(tree, body, changes.successor_name(event, str(body["name"]), place=now)
                 or "", event, renamed, names)
    _repoint(tree, renamed)
    _rename_in_texts(tree, names)
    for path, ref in _labels(tree, set(renamed.values()) | set(names.values())):
        rolled.need(path, N_("the label '{label}' names a reorganised body: check it"), label=ref)
    bodies = [str(b["name"]) for b in tree.get("bodies", [])]
    for old_name, new_name in names.items():
        where = ("bodies", bodies.index(new_name)) if new_name in bodies else ("bodies",)
        rolled.need(where, N_("'{old}' is now '{new}' (reorganised): check its tasks"),
                    old=old_name, new=new_name)
    _abolished(rolled, applied, changes, place)
    _issuer(rolled, applied, changes, place)
    _coming(rolled, to_year, changes, place)


def _said(event: Event) -> str:
    """The event's note, to stand inside a sentence."""
    return event.note.rstrip(" .")


def _province(place: str, applied: tuple[Event, ...], changes: Changes) -> str:
    """The plan's province after the mergers."""
    merged = [e for e in changes.matches(f"Ủy ban nhân dân tỉnh {place}", applied)
              if e.kind == "province-merge" and e.successor is not None]
    return merged[0].successor.name if merged and merged[0].successor else place


def _succeed(tree: CommentedMap, body: CommentedMap, successor_name: str, event: Event,
             renamed: dict[str, str], names: dict[str, str]) -> None:
    """Point a body at its successor: merge it into one already in the registry, or rename it."""
    successor = event.successor
    assert successor is not None
    old_name, old_id = str(body["name"]), str(body["id"])
    new_name = successor_name + _place_suffix(old_name, event)
    existing = next((b for b in tree["bodies"] if b is not body
                     and vn.nfc(str(b["name"])).casefold() in (new_name.casefold(),
                                                              successor_name.casefold())), None)
    if existing is not None:
        renamed[old_id] = str(existing["id"])
        names[old_name] = str(existing["name"])
        seq = tree["bodies"]
        del seq[seq.index(body)]
        return
    body["name"] = new_name
    for key, value in (("code", successor.code), ("short", successor.short)):
        if key in body and value:
            body[key] = value
    new_id = _new_id(tree, successor.code, old_id)
    if new_id != old_id:
        body["id"] = new_id
        renamed[old_id] = new_id
    names[old_name] = new_name


def _place_suffix(name: str, event: Event) -> str:
    """' tỉnh Gia Lai' of 'Sở Thông tin và Truyền thông tỉnh Gia Lai'."""
    for before in event.names:
        if vn.nfc(name).casefold().startswith(before.casefold()):
            return name[len(before):]
    return ""


def _new_id(tree: CommentedMap, code: str | None, old_id: str) -> str:
    if not code:
        return old_id
    candidate = re.sub(r"[^a-z0-9]", "", vn.nfc(code).lower().replace("đ", "d"))
    taken = {str(b["id"]) for b in tree.get("bodies", [])} | {
        str(g["id"]) for g in tree.get("groups", [])}
    return candidate if candidate and candidate not in taken else old_id


def _repoint(tree: Any, renamed: dict[str, str]) -> None:
    """Every reference to a renamed or merged body now names its successor (once per list)."""
    if not renamed:
        return
    parts = [tree[top] for top in ("plan", "appendix") if top in tree]  # not the registry
    for node in (n for part in parts for n in _nodes(part)):
        if not isinstance(node, dict):
            continue
        for key in REF_KEYS:
            value = node.get(key)
            if isinstance(value, str) and value in renamed:
                node[key] = renamed[value]
            elif isinstance(value, dict) and value.get("body") in renamed:
                value["body"] = renamed[value["body"]]
            elif isinstance(value, list):
                _repoint_list(value, renamed)


def _repoint_list(refs: list[Any], renamed: dict[str, str]) -> None:
    for i, ref in enumerate(refs):
        if isinstance(ref, dict) and ref.get("body") in renamed:
            ref["body"] = renamed[ref["body"]]
        elif isinstance(ref, str) and ref in renamed:
            refs[i] = renamed[ref]
    seen: set[str] = set()
    twice = []
    for i, ref in enumerate(refs):
        ident = str(ref.get("body") if isinstance(ref, dict) else ref)
        if ident in seen:
            twice.append(i)  # a merged body and its successor named in one list: once is enough
        seen.add(ident)
    for i in reversed(twice):
        del refs[i]


def _rename_in_texts(tree: Any, names: dict[str, str]) -> None:
    for old_name, new_name in names.items():
        pattern = re.compile(rf"(?i:{re.escape(old_name[:1])}){re.escape(old_name[1:])}")
        def same_case(match: re.Match[str], name: str = new_name) -> str:
            return vn.lower_first(name) if match.group(0)[:1].islower() else name

        for _path, parent, key, text in list(prose(tree)):
            if pattern.search(text):
                replace(parent, key, pattern.sub(same_case, text))


def _abolished(rolled: Rolled, applied: tuple[Event, ...], changes: Changes,
               place: str) -> None:
    """Bodies and texts that name what no longer exists (UBND cấp huyện …): listed, not guessed."""
    gone = [e for e in applied if e.kind == "abolish"]
    if not gone:
        return
    tree = rolled.tree
    dead = {str(b["id"]): str(b["name"]) for b in (*tree.get("groups", []),
                                                   *tree.get("bodies", []))
            if changes.match(str(b["name"]), gone, place=place) is not None}
    for path, value in _refs(tree):
        if value in dead:
            rolled.need(path, N_("'{name}' no longer exists and has no successor: give this to "
                                 "another body or remove it"), name=dead[value])
    for path, _parent, _key, text in prose(tree):
        found = named_in(text, gone)
        if found is not None:
            rolled.need(path, N_("the text names '{name}', which no longer exists: rewrite it"),
                        name=found)


def _issuer(rolled: Rolled, applied: tuple[Event, ...], changes: Changes, place: str) -> None:
    issuer = rolled.tree["issuer"]
    name = str(issuer["name"])
    for event in changes.matches(name, applied):
        if event.kind == "province-merge":
            rolled.need(("issuer", "name"), N_(
                "{event}; a plan of the province before the merger cannot simply be rolled "
                "forward: merge the plans of the merged provinces by hand"), event=_said(event))
        elif event.kind == "abolish":
            rolled.need(("issuer", "name"), N_("the issuing body no longer exists: {event}"),
                        event=_said(event))
        elif event.successor is not None:
            _rename_issuer(rolled, issuer, event, changes.successor_name(
                event, name, place=_province(place, applied, changes)) or event.successor.name)


def _rename_issuer(rolled: Rolled, issuer: CommentedMap, event: Event, successor: str) -> None:
    assert event.successor is not None
    name = str(issuer["name"])
    suffix = _place_suffix(name, event)
    new_name = successor + suffix
    issuer["name"] = new_name
    if event.successor.code:
        issuer["code"] = event.successor.code
    for i, line in enumerate(issuer.get("header", [])):
        issuer["header"][i] = str(line).replace(vn.upper(name[:len(name) - len(suffix)]),
                                                vn.upper(successor))
    rolled.need(("issuer", "name"), N_("the issuing body is now '{name}': check the header, "
                                       "the symbol and the signer"), name=new_name)


def _coming(rolled: Rolled, to_year: int, changes: Changes, place: str) -> None:
    """Reorganisations that happen during the plan year: the plan must still name the old body."""
    during = changes.during(to_year)
    for i, body in enumerate(rolled.tree.get("bodies", [])):
        event = changes.match(str(body["name"]), during, place=place)
        if event is not None:
            rolled.need(("bodies", i), N_("reorganised during {year} ({date}): {event}"),
                        year=to_year, date=event.date.isoformat(), event=_said(event))


# --- walking the tree -------------------------------------------------------------------------


def _nodes(tree: Any) -> Iterator[Any]:
    yield tree
    if isinstance(tree, dict):
        for value in tree.values():
            yield from _nodes(value)
    elif isinstance(tree, list):
        for value in tree:
            yield from _nodes(value)


def _refs(tree: Any) -> Iterator[tuple[DataPath, str]]:
    """(path, body id) of every reference in the plan and the appendix."""
    def walk(node: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in REF_KEYS:
                    for i, ref in enumerate(value if isinstance(value, list) else [value]):
                        ident = ref.get("body") if isinstance(ref, dict) else ref
                        where = (*path, key, i) if isinstance(value, list) else (*path, key)
                        yield where, str(ident)
                elif key != "from":
                    yield from walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, (*path, i))
    for top in ("plan", "appendix"):
        if top in tree:
            yield from walk(tree[top], (top,))


def mark(items: Any, index: int, text: str) -> None:
    """A '# plangen rollover: …' comment at the end of an item's first line."""
    item = items[index]
    comment = f"# {MARK}{text}"
    if isinstance(item, CommentedMap) and not item.fa.flow_style():
        item.yaml_add_eol_comment(comment, next(iter(item)))
    else:  # a {flow: mapping} is one line: the comment goes after it
        items.yaml_add_eol_comment(comment, index)


def _labels(tree: Any, changed: set[str]) -> Iterator[tuple[DataPath, str]]:
    """References to a reorganised body that print a label of their own."""
    ids = changed | {str(b["id"]) for b in tree.get("bodies", []) if str(b["name"]) in changed}
    for node_path, node in _dicts(tree, ()):
        if isinstance(node.get("body"), str) and node["body"] in ids and "label" in node:
            yield (*node_path, "label"), str(node["label"])


def _dicts(node: Any, path: DataPath) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _dicts(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _dicts(value, (*path, i))


def replace(parent: Any, key: Any, text: str) -> None:
    """Set a text, keeping how it was written (quotes, folded or literal block, line breaks)."""
    parent[key] = restyled(parent[key], text)


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
