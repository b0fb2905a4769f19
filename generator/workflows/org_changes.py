"""The changes file: which bodies and provinces were renamed, merged or abolished, and when.

Roll-forward reads it to bring last year's plan up to date (docs/changes.md). Pure: no clock, no
environment, no working directory; the caller names the file, or gets the shipped default.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from generator.plan.load import Loaded, load_file
from generator.plan.short_forms import fold_name
from generator.plan.validate import (
    TYPE_WORDS,
    PlanValidator,
    describe,
    refused_paths,
    schema_problems,
    shield_lists,
    well_formed_part,
)
from generator.shell.errors import DataPath, InvalidInput, Problem
from generator.workflows.org_changes_schema import DOCUMENT, FIELDS, WITH_SUCCESSOR

PROVINCE = "{tỉnh}"  # in a name: the name of a province or centrally-run city
ANY = "…"  # in a name: one or more words
DEFAULT_FILE = "changes-2025.yaml"


@dataclass(frozen=True)
class Successor:
    """The body (or province) that continues after a rename or merge."""

    name: str  # as printed in a plan: "Sở Khoa học và Công nghệ"; may hold {tỉnh}
    code: str | None  # symbol code: "SKHCN"
    short: str | None  # short name: "SKHCN"


@dataclass(frozen=True)
class Event:
    """One change: predecessors' names, what became of them, when, and why."""

    id: str
    date: dt.date
    kind: str  # "rename" | "merge" | "abolish" | "province-merge"
    names: tuple[str, ...]  # predecessors as printed in plans; province names for a province-merge
    successor: Successor | None  # None for abolish
    note: str  # one Vietnamese sentence for the officer: what happened, the legal basis
    line: int  # line of the event in the changes file
    basis: str | None = None  # the legal basis alone: "Nghị định 45/2025/NĐ-CP"
    excluded: tuple[str, ...] = ()  # `except`: names that look like `names` but are not these
    instead: str | None = None  # abolish: who usually takes the tasks now ("UBND cấp xã")


@dataclass(frozen=True)
class OrgChanges:
    """A loaded, valid changes file."""

    file: str
    events: tuple[Event, ...]  # by date, then by their order in the file
    provinces: tuple[str, ...] = ()  # every province name {tỉnh} stands for

    def before(self, year: int) -> tuple[Event, ...]:
        """The events that took effect before 1 January of year."""
        start = dt.date(year, 1, 1)
        return tuple(event for event in self.events if event.date < start)

    def during(self, year: int) -> tuple[Event, ...]:
        """The events that took effect within year."""
        return tuple(event for event in self.events if event.date.year == year)

    def match(self, name: str, events: Iterable[Event], *,
              place: str | None = None) -> Event | None:
        """The event that concerns a body name as printed in a plan, or None.

        An event that names the body itself (rename, merge, abolish) comes before a
        province-merge that only names the province in it; among those, the earliest.
        place: the plan's province, which {tỉnh} then stands for (otherwise any province).
        """
        found = self.matches(name, events, place=place)
        return found[0] if found else None

    def matches(self, name: str, events: Iterable[Event], *,
                place: str | None = None) -> tuple[Event, ...]:
        """Every event that concerns a body name, in the order match() prefers them."""
        body = fold(name)
        provinces = self._provinces(place)
        hits = [event for event in events if _concerns(event, body, provinces)]
        return tuple(sorted(hits, key=lambda e: (e.kind == "province-merge", e.date, e.line)))

    def successor_name(self, event: Event, name: str, *, place: str | None = None) -> str | None:
        """The successor's name for a body the event matched, with {tỉnh} filled in.

        {tỉnh} becomes the province named in the body's name ("Báo Hà Giang" → "Hà Giang"),
        else place, else the word "tỉnh" (as bodies are written inside a province's own plan).
        """
        if event.successor is None:
            return None
        template = event.successor.name
        if PROVINCE not in template:
            return template
        province = self._province_in(event, fold(name), place) or place or "tỉnh"
        return template.replace(PROVINCE, province)

    def _provinces(self, place: str | None) -> tuple[str, ...]:
        return (fold(place),) if place is not None else tuple(fold(p) for p in self.provinces)

    def _province_in(self, event: Event, body: str, place: str | None) -> str | None:
        written = {fold(p): p for p in self.provinces}
        provinces = self._provinces(place)
        for pattern in event.names:
            found = _compiled(fold(pattern), provinces).fullmatch(body)
            if found:
                for value in found.groupdict().values():
                    if value is not None and value.strip() in written:
                        return written[value.strip()]
        return None


def default_changes_path() -> Path:
    """The shipped changes file (package data)."""
    return Path(__file__).resolve().parents[1] / "data" / DEFAULT_FILE


def load_changes(path: Path | None) -> OrgChanges:
    """Load and check a changes file (None: the shipped default); InvalidInput: every problem."""
    loaded = load_file(path if path is not None else default_changes_path())
    return changes_from(loaded)


def changes_from(loaded: Loaded) -> OrgChanges:
    """The organisation changes of a loaded file, or InvalidInput with every problem (schema and
    cross-checks)."""
    if not isinstance(loaded.data, dict):
        raise InvalidInput([loaded.problem((), "expected {expected}, found {found}",
                                           expected=TYPE_WORDS["dict"],
                                           found=describe(loaded.data))])
    validator = PlanValidator(DOCUMENT)
    valid = validator.validate(shield_lists(loaded.data, DOCUMENT))
    document: dict[str, Any] = dict(validator.document)
    problems = [] if valid else [_suggesting(p, loaded) for p in schema_problems(validator, loaded)]
    if not valid:
        document = well_formed_part(document, refused_paths(validator))
    listed = document.get("events")
    events = [event if isinstance(event, dict) else {}
              for event in (listed if isinstance(listed, list) else [])]
    problems += _cross_checks(events, loaded)
    if problems:
        raise InvalidInput(problems)
    built = [_event(event, i, loaded) for i, event in enumerate(events)]
    return OrgChanges(loaded.file, tuple(sorted(built, key=lambda e: (e.date, e.line))),
                   _province_names(document.get("provinces") or [], built))


def _suggesting(problem: Problem, loaded: Loaded) -> Problem:
    """An unknown field, with a 'did you mean' taken from this format's fields."""
    if not problem.message.msgid.startswith("unknown field"):
        return problem
    name = str(problem.path[-1])
    close = difflib.get_close_matches(name, FIELDS, n=1, cutoff=0.6)
    if close:
        return loaded.problem(problem.path, "unknown field '{field}'; did you mean "
                              "'{suggestion}'?", key=True, field=name, suggestion=close[0])
    return loaded.problem(problem.path, "unknown field '{field}'", key=True, field=name)


def _event(event: dict[str, Any], index: int, loaded: Loaded) -> Event:
    successor = event.get("successor")
    return Event(
        id=event["id"], date=dt.date.fromisoformat(event["date"]), kind=event["kind"],
        names=tuple(event["names"]),
        successor=Successor(successor["name"], successor.get("code"), successor.get("short"))
        if successor is not None else None,
        note=event["note"], line=loaded.position(("events", index))[0],
        basis=event.get("basis"), excluded=tuple(event.get("except") or ()),
        instead=event.get("instead"))


def _province_names(listed: list[str], events: list[Event]) -> tuple[str, ...]:
    names = list(listed)
    for event in events:
        if event.kind == "province-merge":
            names += event.names
            names += [event.successor.name] if event.successor else []
    return tuple(dict.fromkeys(names))


# Cross-checks: what the schema cannot say.

def _cross_checks(events: list[dict[str, Any]], loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for i, event in enumerate(events):
        at: DataPath = ("events", i)
        ident = event.get("id")
        if isinstance(ident, str):
            if ident in first:
                line = loaded.position(("events", first[ident], "id"))[0]
                problems.append(loaded.problem((*at, "id"), "the id '{id}' is used twice (first "
                                               "at line {line}); ids must be unique",
                                               id=ident, line=line))
            else:
                first[ident] = i
        date = event.get("date")
        if isinstance(date, str):
            try:
                dt.date.fromisoformat(date)
            except ValueError:
                problems.append(loaded.problem((*at, "date"), "'{value}' is not a real date",
                                               value=date))
        kind = event.get("kind")
        if kind == "abolish" and event.get("successor") is not None:
            problems.append(loaded.problem((*at, "successor"), "an abolished body has no "
                                           "successor; delete 'successor'", key=True))
        elif kind in WITH_SUCCESSOR and "successor" not in event and not _refused(loaded, at):
            problems.append(loaded.problem(at, "a '{kind}' event needs a 'successor': the body "
                                           "or province that continues", kind=kind))
        problems += _placeholders(event, at, loaded)
    problems += _cycles(events, loaded)
    return problems


def _refused(loaded: Loaded, at: DataPath) -> bool:
    # A successor written but refused by the schema has been reported already.
    return (*at, "successor") in loaded.positions


_PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}?|\}")


def _placeholders(event: dict[str, Any], at: DataPath, loaded: Loaded) -> Iterator[Problem]:
    successor = event.get("successor")
    texts: list[tuple[DataPath, Any]] = [
        *(((*at, "names", j), name) for j, name in enumerate(event.get("names") or [])),
        *(((*at, "except", j), name) for j, name in enumerate(event.get("except") or [])),
        ((*at, "successor", "name"), successor.get("name") if successor else None)]
    for path, text in texts:
        if not isinstance(text, str):
            continue
        wrong = [found for found in _PLACEHOLDER_RE.findall(text) if found != PROVINCE]
        if wrong:
            yield loaded.problem(path, "'{value}' is an unknown placeholder; the only one is "
                                 "{placeholder}", value=wrong[0], placeholder=PROVINCE)


def _cycles(events: list[dict[str, Any]], loaded: Loaded) -> Iterator[Problem]:
    """Renames and merges that lead back to a predecessor: every event of the cycle, located."""
    leads: dict[int, list[int]] = {}
    names = {i: {fold(n) for n in e.get("names") or [] if isinstance(n, str)}
             for i, e in enumerate(events)}
    for i, event in enumerate(events):
        successor = event.get("successor")
        target = successor.get("name") if isinstance(successor, dict) else None
        if event.get("kind") not in WITH_SUCCESSOR or not isinstance(target, str):
            continue
        # A name kept by its successor (Tuyên Quang in Tuyên Quang's merge) is no cycle.
        leads[i] = [j for j in names if j != i and fold(target) in names[j]]
    for i in sorted(leads):
        path = _path_back(i, leads)
        if path is not None:
            cycle = " → ".join(str(events[j].get("id")) for j in (*path, i))
            back = _first_name(events[i], events[path[-1]])
            yield loaded.problem(("events", i, "successor", "name"), "a cycle: the events "
                                 "{cycle} lead back to '{name}'", cycle=cycle, name=back)


def _path_back(start: int, leads: dict[int, list[int]]) -> tuple[int, ...] | None:
    """The shortest chain of events from start back to start (start first), or None."""
    paths: dict[int, tuple[int, ...]] = {start: (start,)}
    queue = [start]
    while queue:
        here = queue.pop(0)
        for there in leads.get(here, []):
            if there == start:
                return paths[here]
            if there not in paths:
                paths[there] = (*paths[here], there)
                queue.append(there)
    return None


def _first_name(event: dict[str, Any], last: dict[str, Any]) -> str:
    """The predecessor of event that the cycle's last event leads back to."""
    target = fold(last["successor"]["name"])
    return next(n for n in event["names"] if isinstance(n, str) and fold(n) == target)


# Matching names as printed in plans.

# Words after which a place's name follows ("… huyện Vị Xuyên", "… tỉnh Gia Lai").
PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn",
               "đặc khu", "cấp huyện", "cấp tỉnh", "cấp xã")
_PROVINCE_BEFORE = ("tỉnh", "thành phố", "tỉnh ủy", "thành ủy")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A name as compared: NFC, any case, one space, one dash, new-style tones, UBND/HĐND, and
    short forms written out ("Sở TT&TT" is "Sở Thông tin và Truyền thông")."""
    return fold_name(text.replace("...", ANY))


def _concerns(event: Event, body: str, provinces: tuple[str, ...]) -> bool:
    if event.kind == "province-merge":
        return any(_names_province(fold(name), body) for name in event.names)
    if any(_compiled(fold(name), provinces).fullmatch(body) for name in event.excluded):
        return False
    return any(_compiled(fold(name), provinces).fullmatch(body) for name in event.names)


def _names_province(province: str, body: str) -> bool:
    """A province's name is the body's, or stands after tỉnh / thành phố at its end."""
    before = "|".join(_PROVINCE_BEFORE)
    return body == province or re.search(
        rf"(?:^| )(?:{before}) {re.escape(province)}\s*(?:$|[,;(])", body) is not None


@cache
def _compiled(pattern: str, provinces: tuple[str, ...]) -> re.Pattern[str]:
    """A folded name as a regular expression over folded body names.

    The body is the name, or the name followed by a place: after a name ending in a place
    word any words (the place), otherwise a place word and what follows, or a province's name.
    """
    alternatives = "|".join(re.escape(p) for p in sorted(provinces, key=len, reverse=True))
    province = f"(?:{alternatives})" if alternatives else "(?!)"
    out = ""
    for n, piece in enumerate(re.split(r"(…|\{tỉnh\})", pattern)):
        if piece == ANY:
            out += r"\S+(?: \S+)*?"
        elif piece == PROVINCE:
            out += f"(?P<p{n}>{province})"
        else:
            out += re.escape(piece)
    places = "|".join(re.escape(word) for word in PLACE_WORDS)
    if pattern.endswith(tuple(f" {word}" for word in PLACE_WORDS)):
        tail = r"(?P<tail> .+)?"
    else:
        tail = rf"(?:,? (?:{places})(?: .+)?|(?P<tail> {province}))?"
    return re.compile(out + tail)



def named_in(text: str, events: Iterable[Event]) -> str | None:
    """The first abolished body's name (a plain one, no pattern) that a free text mentions."""
    names = sorted({name for event in events if event.kind == "abolish" for name in event.names
                    if "…" not in name and "{" not in name})
    return next((name for name in names if name.casefold() in text.casefold()), None)
