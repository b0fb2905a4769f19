"""Roll forward, the organisation changes: successors in the registry, the references and every
name a reorganised body is printed under; what no longer exists, flagged. Pure, like rollover.py."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ruamel.yaml.comments import CommentedMap

from generator.plan import vietnamese as vn
from generator.plan.prose import texts as prose
from generator.plan.references import references, repoint
from generator.shell.errors import N_, DataPath
from generator.workflows.mentions import Former, find, rename
from generator.workflows.org_changes import named_in
from generator.workflows.rolled import Rolled, mark, replace

if TYPE_CHECKING:
    from generator.workflows.org_changes import Event, OrgChanges


def organisations(rolled: Rolled, to_year: int, changes: OrgChanges) -> None:
    applied = changes.before(to_year)
    tree = rolled.tree
    place = str(tree["issuer"].get("place", ""))
    now = _province(place, applied, changes)  # where the press of "Báo {tỉnh}" now belongs
    renamed: dict[str, str] = {}  # old id → new id
    names: dict[str, str] = {}  # old name → new name
    printed = _printed_names(tree)  # old name → every name the plan prints it under
    codes: dict[str, str | None] = {}  # old name → its successor's code
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
        codes[str(body["name"])] = event.successor.code if event.successor else None
        _succeed(tree, body, changes.successor_name(event, str(body["name"]), place=now)
                 or "", event, renamed, names)
    repoint(tree, renamed)
    places = tuple(dict.fromkeys(p for p in (place, now, *_merged_with(place, applied, changes))
                                 if p))
    formers = [Former(printed.get(old, (old,)), new, places, codes.get(old))
               for old, new in names.items()]
    _rename_mentions(rolled, formers)
    _unregistered(rolled, applied, formers)
    _recipients_once(tree)
    for path, ref in _labels(tree, set(renamed.values()) | set(names.values())):
        if not find(ref, formers) or any(f.former.names != (f.former.successor,)
                                         for f in find(ref, formers)):
            rolled.need(path, N_("the label '{label}' names a reorganised body: check it"),
                        label=ref)
    bodies = [str(b["name"]) for b in tree.get("bodies", [])]
    for old_name, new_name in names.items():
        where = ("bodies", bodies.index(new_name)) if new_name in bodies else ("bodies",)
        rolled.need(where, N_("'{old}' is now '{new}' (reorganised): check its tasks"),
                    old=old_name, new=new_name)
    _abolished(rolled, applied, changes, place)
    _issuer(rolled, applied, changes, place)
    _former_province(rolled, applied, changes, place)
    _coming(rolled, to_year, changes, place)


def _said(event: Event) -> str:
    """The event's note, to stand inside a sentence."""
    return event.note.rstrip(" .")


def _province(place: str, applied: tuple[Event, ...], changes: OrgChanges) -> str:
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


def _printed_names(tree: Any) -> dict[str, tuple[str, ...]]:
    """Each body's registry name → the names the plan prints it under: the registry name, its
    short name and code, and the labels of the references to it."""
    labels: dict[str, list[str]] = {}
    for ref in references(tree):
        if ref.label is not None:
            labels.setdefault(ref.body, []).append(ref.label)
    printed = {}
    for body in tree.get("bodies", []):
        written = [str(body[k]) for k in ("name", "short", "code") if body.get(k)]
        printed[str(body["name"])] = tuple(dict.fromkeys(
            [*written, *labels.get(str(body["id"]), [])]))
    return printed


def _merged_with(place: str, applied: tuple[Event, ...], changes: OrgChanges) -> tuple[str, ...]:
    """The provinces the plan's province merged with (names that may follow a body's name)."""
    return tuple(name for e in changes.matches(f"Ủy ban nhân dân tỉnh {place}", applied)
                 if e.kind == "province-merge" for name in e.names)


def _rename_mentions(rolled: Rolled, formers: list[Former]) -> None:
    """Every text that names a reorganised body: renamed where the name is the body itself or
    a list of bodies, flagged where a short form stands inside a sentence."""
    if not formers:
        return
    for path, parent, key, text in list(prose(rolled.tree)):
        if path[:2] == ("decision", "bases"):
            continue  # a citation names the body as it was when it signed
        edited = rename(text, formers, item=path[:1] == ("recipients",) or key == "label")
        if edited.text != text:
            replace(parent, key, edited.text)
        for hit in edited.left:
            rolled.need(path, N_("the text names '{name}', which is now '{new}': rewrite it"),
                        name=hit.text, new=hit.former.successor)
    for ref in references(rolled.tree):
        if ref.label is not None:
            edited = rename(ref.label, formers, item=True)
            if edited.text != ref.label:
                replace(ref.mapping, "label", edited.text)


def _unregistered(rolled: Rolled, applied: tuple[Event, ...], registered: list[Former]) -> None:
    """Bodies a plan names without a registry entry (a ministry among the recipients): renamed
    in Nơi nhận, flagged in other texts (where the old name may be the author of a document)."""
    formers = [Former(plain, e.successor.name, (), e.successor.code)
               for e in applied if e.kind != "province-merge" and e.successor is not None
               and "{" not in e.successor.name
               for plain in [tuple(n for n in e.names if "{" not in n and "…" not in n)] if plain]
    if not formers:
        return
    done = {f.successor for f in registered}
    for path, parent, key, text in list(prose(rolled.tree)):
        if path[:2] == ("decision", "bases") or path[:1] == ("issuer",):
            continue  # citations are history; the issuer is renamed with its own checks
        if path[:1] == ("recipients",):
            edited = rename(text, formers, item=True)
            if edited.text != text:
                replace(parent, key, edited.text)
            continue
        for hit in find(text, formers):
            if hit.former.names != (hit.former.successor,) and hit.former.successor not in done:
                rolled.need(path, N_("the text names '{name}', which is now '{new}': rewrite "
                                     "it"), name=hit.text, new=hit.former.successor)


def _recipients_once(tree: Any) -> None:
    """Two recipients that became the same body: the first stays."""
    recipients = tree.get("recipients")
    if not isinstance(recipients, list):
        return
    seen: set[str] = set()
    twice = []
    for i, line in enumerate(recipients):
        key = " ".join(str(line).casefold().rstrip(" ;.,").split())
        if key in seen:
            twice.append(i)
        seen.add(key)
    for i in reversed(twice):
        del recipients[i]


def _former_province(rolled: Rolled, applied: tuple[Event, ...], changes: OrgChanges,
                     place: str) -> None:
    """After a merger, every text that still names the province that is gone."""
    events = [e for e in changes.matches(f"Ủy ban nhân dân tỉnh {place}", applied)
              if e.kind == "province-merge" and e.successor is not None]
    if not place or not events or events[0].successor is None:
        return
    event, now = events[0], events[0].successor.name
    if vn.nfc(now).casefold() == vn.nfc(place).casefold():
        return  # the province kept its name: Tuyên Quang in Tuyên Quang's merger
    named = re.compile(rf"(?<!\w){re.escape(place)}(?!\w)", re.IGNORECASE)
    for path, text in _strings(rolled.tree, ()):
        if path[:2] == ("decision", "bases") or path == ("issuer", "name"):
            continue  # citations are history; the issuer is flagged with the merger itself
        if named.search(text):
            rolled.need(path, N_("names the former province {old}, part of {new} since {date}: "
                                 "check it"), old=place, new=now,
                        date=f"{event.date.day:02d}/{event.date.month}/{event.date.year}")


def _strings(node: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    """Every text of the tree, whatever its field (not provenance stamps)."""
    items = (node.items() if isinstance(node, dict)
             else enumerate(node) if isinstance(node, list) else ())
    for key, value in items:
        if key in ("from", "derived_from"):
            continue
        if isinstance(value, str):
            yield (*path, key), value
        else:
            yield from _strings(value, (*path, key))


def _abolished(rolled: Rolled, applied: tuple[Event, ...], changes: OrgChanges,
               place: str) -> None:
    """Bodies and texts that name what no longer exists (UBND cấp huyện …): listed, not guessed."""
    gone = [e for e in applied if e.kind == "abolish"]
    if not gone:
        return
    tree = rolled.tree
    dead: dict[str, tuple[str, Event]] = {}
    for body in (*tree.get("groups", []), *tree.get("bodies", [])):
        event = changes.match(str(body["name"]), gone, place=place)
        if event is not None:
            dead[str(body["id"])] = (str(body["name"]), event)
    for ref in references(tree):
        if ref.body not in dead:
            continue
        path = ref.path
        name, event = dead[ref.body]
        if event.instead:
            rolled.need(path, N_("'{name}' no longer exists; its tasks usually go to {instead} "
                                 "now: give this to {instead} or another body, or remove it"),
                        name=name, instead=event.instead)
        else:
            rolled.need(path, N_("'{name}' no longer exists and has no successor: give this to "
                                 "another body or remove it"), name=name)
    for path, _parent, _key, text in prose(tree):
        found = named_in(text, gone)
        if found is not None:
            rolled.need(path, N_("the text names '{name}', which no longer exists: rewrite it"),
                        name=found)


def _issuer(rolled: Rolled, applied: tuple[Event, ...], changes: OrgChanges, place: str) -> None:
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


def _coming(rolled: Rolled, to_year: int, changes: OrgChanges, place: str) -> None:
    """Reorganisations that happen during the plan year: the plan must still name the old body."""
    during = changes.during(to_year)
    for i, body in enumerate(rolled.tree.get("bodies", [])):
        event = changes.match(str(body["name"]), during, place=place)
        if event is not None:
            rolled.need(("bodies", i), N_("reorganised during {year} ({date}): {event}"),
                        year=to_year, date=event.date.isoformat(), event=_said(event))


def _labels(tree: Any, changed: set[str]) -> Iterator[tuple[DataPath, str]]:
    """References to a reorganised body that print a label of their own."""
    ids = changed | {str(b["id"]) for b in tree.get("bodies", []) if str(b["name"]) in changed}
    for ref in references(tree):
        if ref.body in ids and ref.label is not None:
            yield (*ref.path, "label"), ref.label
