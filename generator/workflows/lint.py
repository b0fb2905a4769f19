"""Lint: what the schema cannot know but a reviewer would mark, each warning with a stable code.

Pure: the plan comes loaded (with positions) and validated; the word list and the changes are
parameters. Warnings are located like problems; a comment `# plangen: ignore CODE` on a line
silences that code on that line.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.plan.load import Loaded
from generator.plan.prose import texts
from generator.plan.yeartext import CITATION
from generator.shell.errors import N_, DataPath, Problem
from generator.workflows.org_changes import named_in
from generator.workflows.vi_syllable import is_syllable

if TYPE_CHECKING:
    from generator.workflows.org_changes import OrgChanges

# Abbreviations everyone reads without their full form (ND30 lets them stand alone).
STANDARD = {"UBND", "HĐND", "MTTQ", "TW", "CP", "TTg", "QH", "VN", "TP", "KT", "TM", "TL", "TUQ",
            "TCVN", "ISO"}
# The names of the indices are two words: "PAR INDEX", "DIGITAL INDEX".
ABBREVIATION = re.compile(r"(?<![\w/-])([A-ZĐ][A-ZĐ&]*[A-ZĐ](?:\s+INDEX)?)(?![\w/-])")
URL = re.compile(r"\bhttps?://\S+|\b[\w-]+(?:\.[\w-]+)+\.(?:vn|com|org|net|gov)\b\S*")
DEFINITION = re.compile(r"\(([A-ZĐ][A-ZĐ&]*[A-ZĐ](?:\s+INDEX)?)\)")
SYMBOL = re.compile(r"\b\d+[\w./]*[/-][A-ZĐa-zđ&./-]+\b|\b[A-ZĐ]+[/-][A-ZĐ&]+(?:[/-][A-ZĐ]+)*\b")
SPACED_SYMBOL = re.compile(r"\b\d+/[A-ZĐ]+\s+-\s*[A-ZĐ]+|\b\d+/[A-ZĐ]+\s*-\s+[A-ZĐ]+")
CITED_NUMBER = re.compile(r"(?<![\d/])(?P<number>\d+)/(?:(?P<year>\d{4})/)?"
                          r"(?P<code>[A-ZĐ]+-[A-ZĐ&]+)\b"
                          r"(?:\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}))?")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
ROMAN = re.compile(r"^[IVXLC]+$")
PLAN_YEAR = re.compile(r"(?i:kế\s+hoạch)(?:\s+\S+){0,8}?\s+(?i:năm)\s+(?P<year>(?:19|20)\d\d)")
DEADLINE_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?!\d)")
PLACEHOLDER = "{value}"  # where an item's figure goes (schema: value_in_text)


@dataclass(frozen=True)
class Word:
    """The shipped word list: known confusions and words that are right though not Vietnamese."""

    confusions: dict[str, str]
    allowed: frozenset[str]


@dataclass(frozen=True)
class Warning_:
    """One warning: a stable code and a located message."""

    code: str
    problem: Problem


@dataclass(frozen=True)
class _Text:
    path: DataPath
    text: str


def lint(loaded: Loaded, source: str, doc: dict[str, Any], words: Word,
         changes: OrgChanges | None = None) -> list[Warning_]:
    """Every warning of one validated plan (source: its text), in file order, less ignored ones."""
    texts = sorted(prose(doc), key=lambda t: loaded.position(t.path))
    found: list[Warning_] = []
    for check in (_abbreviations(loaded, texts), _spelling(loaded, texts, words),
                  _years(loaded, doc, texts), _numbers(loaded, doc, texts),
                  _bodies(loaded, doc, [*texts, *_recipients(doc)], changes)):
        found.extend(check)
    ignored = _ignored(source)
    kept = [w for w in found if w.code not in ignored.get(w.problem.line, set())]
    return sorted(kept, key=lambda w: (w.problem.line, w.problem.column, w.code))


def prose(doc: Any) -> Iterator[_Text]:
    """Every text an officer wrote that lint reads, with its path, for every rule alike.

    Nơi nhận is not read for its wording (README): its lines are short forms by custom ("để b/c",
    "Lưu: VT"); only BODY-GONE looks at it, for the bodies it names.
    A `{value}` placeholder is not a word: it is blanked where plan_blocks.entry_text puts the
    figure in its place (value_in_text), so no rule reads "value".
    """
    for path, parent, key, text in texts(doc):
        if path[:1] == ("recipients",):
            continue
        if key == "text" and isinstance(parent, dict) and parent.get("value_in_text"):
            text = text.replace(PLACEHOLDER, " " * len(PLACEHOLDER))
        yield _Text(path, text)


def _recipients(doc: Any) -> Iterator[_Text]:
    """Nơi nhận, for BODY-GONE only: a recipient that no longer exists is not a matter of
    wording (a letter sent to an abolished ministry), while its short forms are custom."""
    for i, line in enumerate(doc.get("recipients", [])):
        if isinstance(line, str):
            yield _Text(("recipients", i), line)


def _warn(loaded: Loaded, code: str, path: DataPath, msgid: str, **params: Any) -> Warning_:
    return Warning_(code, loaded.problem(path, msgid, **params))


def _ignored(source: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for number, line in enumerate(source.splitlines(), start=1):
        match = re.search(r"#\s*plangen:\s*ignore\s+([A-Z0-9-]+(?:[\s,]+[A-Z0-9-]+)*)", line)
        if match:
            out[number] = set(re.split(r"[\s,]+", match.group(1)))
    return out


# --- abbreviations ------------------------------------------------------------------------------


def _abbreviations(loaded: Loaded, texts: list[_Text]) -> Iterator[Warning_]:
    """ND30: an abbreviation other than the standard ones is spelled out at its first use."""
    defined: dict[str, DataPath] = {}
    for item in texts:
        for match in DEFINITION.finditer(item.text):
            defined.setdefault(match.group(1), item.path)
    seen: set[str] = set()
    known: set[str] = set()
    for item in texts:
        if item.text.upper() == item.text:
            continue  # titles in capitals do not introduce abbreviations
        masked = _masked(SYMBOL, _masked(URL, item.text))
        introduced = {m.group(1): m.start() for m in DEFINITION.finditer(masked)}
        for match in ABBREVIATION.finditer(masked):
            name = match.group(1)
            if name in STANDARD or ROMAN.match(name) or name in seen:
                continue
            if name in introduced and introduced[name] <= match.start():
                known.add(name)
                continue
            seen.add(name)
            if name in known:
                continue
            twin = _twin(name, set(defined) | known)
            if twin is not None:
                yield _warn(loaded, "ABBR-TWO-WAYS", item.path, N_(
                    "'{name}' looks like '{twin}' abbreviated another way: write one of them "
                    "everywhere"), name=name, twin=twin)
            elif name in defined:
                yield _warn(loaded, "ABBR-LATE", item.path, N_(
                    "'{name}' is used before it is spelled out (Nghị định 30: the full words, "
                    "then the abbreviation in brackets, at its first use)"), name=name)
            else:
                yield _warn(loaded, "ABBR-UNDEFINED", item.path, N_(
                    "'{name}' is never spelled out (Nghị định 30: the full words, then the "
                    "abbreviation in brackets, at its first use)"), name=name)
        known.update(introduced)


def _masked(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _twin(name: str, others: set[str]) -> str | None:
    """A defined abbreviation that differs by a letter: CBCCVN for CBCCVC, CQHCCN for CQHCCNN."""
    if len(name) < 4:
        return None
    close = [o for o in others if o != name and o[:3] == name[:3] and abs(len(o) - len(name)) <= 1
             and difflib.SequenceMatcher(None, o, name).ratio() >= 0.8]
    return sorted(close)[0] if close else None


# --- spelling -----------------------------------------------------------------------------------


def _spelling(loaded: Loaded, texts: list[_Text], words: Word) -> Iterator[Warning_]:
    reported: set[str] = set()
    for item in texts:
        lowered = item.text.lower()
        for wrong, right in words.confusions.items():
            if wrong in reported:
                continue
            if re.search(rf"(?<!\w){re.escape(wrong)}(?!\w)", item.text) or (
                    wrong == wrong.lower() and re.search(rf"(?<!\w){re.escape(wrong)}(?!\w)",
                                                         lowered)):
                reported.add(wrong.lower())
                yield _warn(loaded, "SPELL-CONFUSION", item.path, N_(
                    "'{wrong}' is a known misspelling: write '{right}'"), wrong=wrong, right=right)
        for match in WORD.finditer(_masked(SYMBOL, _masked(URL, item.text))):
            word = match.group(0)
            if (word != word.lower() or word in words.allowed or word in reported
                    or re.search(r"[fjwz]", word) or "-" in word):
                continue
            if not is_syllable(word) and not _confused(word, words):
                reported.add(word)
                yield _warn(loaded, "SPELL-SYLLABLE", item.path, N_(
                    "'{word}' is not a Vietnamese syllable: check its spelling"), word=word)


def _confused(word: str, words: Word) -> bool:
    return any(word in wrong.split() for wrong in words.confusions)


# --- years --------------------------------------------------------------------------------------


def _years(loaded: Loaded, doc: dict[str, Any], texts: list[_Text]) -> Iterator[Warning_]:
    year = int(doc["year"])
    for item in texts:
        masked = _without_citations(item.text)
        if "time" in item.path:
            continue
        for match in PLAN_YEAR.finditer(masked):
            found = int(match["year"])
            if found not in (year, year - 1):
                yield _warn(loaded, "YEAR-OTHER", item.path, N_(
                    "this names the plan of {found}, but the plan is for {year}"),
                    found=found, year=year)
                break
    for path, time in _rows(doc):
        text = " ".join(time.get("lines", [])) if "lines" in time else str(time.get("text", ""))
        # A deadline the year before is the preparation of the plan ("Trước 31/12/2023").
        if any(int(m["year"]) not in (year, year - 1) for m in DEADLINE_YEAR.finditer(text)):
            yield _warn(loaded, "YEAR-DEADLINE", path, N_(
                "the time '{time}' falls outside the plan year {year}"), time=text, year=year)


def _rows(doc: dict[str, Any]) -> Iterator[tuple[DataPath, dict[str, Any]]]:
    for i, row in enumerate(doc.get("appendix", {}).get("rows", [])):
        if row.get("time"):
            yield ("appendix", "rows", i, "time"), row["time"]
        for j, sub in enumerate(row.get("rows", [])):
            if sub.get("time"):
                yield ("appendix", "rows", i, "rows", j, "time"), sub["time"]


def _without_citations(text: str) -> str:
    return CITATION.sub(lambda m: " " * len(m.group(0)), text)


# --- document numbers ---------------------------------------------------------------------------


def _numbers(loaded: Loaded, doc: dict[str, Any], texts: list[_Text]) -> Iterator[Warning_]:
    for item in texts:
        match = SPACED_SYMBOL.search(item.text)
        if match:
            yield _warn(loaded, "SYMBOL-SPACES", item.path, N_(
                "the symbol '{symbol}' is typed with spaces: write it without "
                "('{fixed}')"), symbol=match.group(0), fixed=re.sub(r"\s+", "", match.group(0)))
    cited: dict[tuple[str, str], str] = {}
    own = _own_symbol(doc)
    if own is not None:
        cited[(own[1], own[2])] = own[0]
    reported: set[str] = set()
    for item in texts:
        for match in CITED_NUMBER.finditer(item.text):
            if not match["date"]:
                continue  # without its date a number cannot be told from another document's
            code = f"{match['year']}/{match['code']}" if match["year"] else match["code"]
            first = cited.setdefault((code, _short(match["date"])), match["number"])
            symbol = f"{match['number']}/{code}"
            if first != match["number"] and symbol not in reported:
                reported.add(symbol)
                yield _warn(loaded, "NUMBER-TWO-WAYS", item.path, N_(
                    "'{symbol}' and '{first}' of the same day are cited for one document: "
                    "check the number"), symbol=symbol, first=f"{first}/{code}")


def _short(date: str) -> str:
    """'19/12/2022' and '2022-12-19' as one key."""
    day, month, year = date.split("/")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _own_symbol(doc: dict[str, Any]) -> tuple[str, str, str] | None:
    if not doc.get("number") or not doc.get("date") or len(str(doc["date"])) != 10:
        return None
    code = ("QĐ" if doc["kind"] == "decision" else "KH") + "-" + doc["issuer"]["code"]
    return str(doc["number"]), code, str(doc["date"])


# --- bodies that no longer exist ----------------------------------------------------------------


def _bodies(loaded: Loaded, doc: dict[str, Any], texts: list[_Text],
            changes: OrgChanges | None) -> Iterator[Warning_]:
    if changes is None:
        return
    year = int(doc["year"])
    past = changes.before(year)
    place = str(doc["issuer"].get("place", ""))
    for kind in ("bodies", "groups"):
        for i, body in enumerate(doc.get(kind, [])):
            event = changes.match(str(body["name"]), past, place=place)
            if event is not None and event.kind != "province-merge":
                yield _warn(loaded, "BODY-GONE", (kind, i, "name"), N_(
                    "'{name}' no longer exists in {year}: {event}"), name=body["name"],
                    year=year, event=event.note.rstrip(" ."))
    for item in texts:
        found = named_in(item.text, past)
        if found is not None:
            yield _warn(loaded, "BODY-GONE", item.path, N_(
                "the text names '{name}', which no longer exists in {year}"), name=found,
                year=year)

