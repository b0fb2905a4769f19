"""What the checks read from a DOCX: its sections, the part each holds, and a finding."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from generator.document.document_kind import OFFICIAL
from generator.nd30.effective import RunFormat, StyleSheet, XmlElement, run_format
from generator.nd30.rules import RULES
from generator.nd30.text import W_P, W_TBL
from generator.shell.errors import N_, ExitStatus, Message, PlangenError

APPENDIX_TITLE = re.compile(r"(?:PHỤ LỤC|Phụ lục)(?: (?P<numeral>[IVXLCDM]+))?")


class Part(Enum):
    """The parts a generated file can hold, one per section."""

    DECISION = "Quyết định"
    PLAN = "Kế hoạch"
    APPENDIX = "Phụ lục"

    @property
    def key(self) -> str:
        """Stable name for tools: decision, plan, appendix."""
        return self.name.lower()


# Named places that are not a paragraph: the key is stable (JSON), the msgid is shown.
AREAS = {
    "document": N_("the whole document"),
    "page-setup": N_("page settings"),
    "header-block": N_("header block"),
    "recipients-table": N_("Nơi nhận and signature table"),
    "appendix-table": N_("appendix table"),
    "default-header": N_("page header"),
    "first-page-header": N_("first-page header"),
    "even-header": N_("even-page header"),
}


@dataclass(frozen=True)
class Location:
    """Where a finding is: the part (section), a named area, a paragraph, a table cell.

    paragraph counts every paragraph of the body in order, table paragraphs included, from 1;
    in a header or footer (story names its package part) it counts that part's paragraphs.
    """

    section: int | None = None
    part: Part | None = None
    area: str | None = None
    story: str | None = None
    paragraph: int | None = None
    text: str | None = None
    row: int | None = None
    cell: int | None = None


@dataclass(frozen=True)
class Finding:
    """One way the document departs from ND30: the rule, what was found, and where.

    A mistake repeated over the document is one finding: count is how many places show it and
    locations the first of them (at most FIRST_PLACES).
    """

    rule: str
    found: Message
    locations: tuple[Location, ...] = ()
    count: int = 1

    @property
    def check(self) -> int:
        """Number of the check (1–11 of ND30.md) the rule belongs to."""
        return RULES[self.rule].check

    @property
    def group_key(self) -> tuple[str, str, str]:
        """Findings with the same rule and the same thing found are one finding."""
        params = repr(sorted(self.found.params.items()))
        return (self.rule, self.found.msgid, params)


FIRST_PLACES = 5


def found(rule: str, location: Location, msgid: str, **params: object) -> Finding:
    """One occurrence of a rule broken at a place."""
    if rule not in RULES:
        raise KeyError(f"unknown ND30 rule code {rule!r}")
    return Finding(rule, Message(msgid, dict(params)), (location,))


class UnreadableDocx(PlangenError):
    """The file cannot be checked: missing, a folder, not a DOCX. Trouble, not a finding."""

    exit_code = ExitStatus.TROUBLE


class CheckCrashed(PlangenError):
    """A check raised: a bug in plangen, never reported as a finding of the document."""

    exit_code = ExitStatus.INTERNAL

    def __init__(self, number: int, name: str, error: BaseException) -> None:
        reason = f"{type(error).__name__}: {error}"
        super().__init__(Message(
            "{file}: check {number} crashed ({reason}); this is a bug in plangen, not a "
            "problem of the document: run again with --traceback and report it",
            {"file": name, "number": number, "reason": reason}))
        self.number = number


@dataclass
class DocxSection:
    """A DOCX section: its page settings, top-level blocks and the part it holds."""

    number: int
    sect_pr: XmlElement | None
    blocks: list[XmlElement]
    kind: Part | None = None
    title: XmlElement | None = None
    headers: dict[str, XmlElement | None] = field(default_factory=dict)

    def at(self, area: str | None = None) -> Location:
        """A place in this section: the section itself or one of its named areas."""
        return Location(section=self.number, part=self.kind, area=area)

    def paragraphs(self) -> list[XmlElement]:
        """Top-level paragraphs (not inside tables), in order."""
        return [block for block in self.blocks if block.tag == W_P]

    def tables(self) -> list[XmlElement]:
        """Top-level tables, in order."""
        return [block for block in self.blocks if block.tag == W_TBL]


@dataclass
class Document:
    """What the checks read from one DOCX file."""

    styles: StyleSheet
    sections: list[DocxSection]
    numbers: dict[XmlElement, int]
    body_paragraphs: list[XmlElement]
    typeset_parts: list[tuple[str, XmlElement]]
    text_parts: list[tuple[str, XmlElement]]
    odd_even_headers: bool
    section_of: dict[XmlElement, DocxSection] = field(default_factory=dict)
    formats: dict[XmlElement, RunFormat] = field(default_factory=dict)
    kind: str = OFFICIAL

    def parts(self, kind: Part) -> list[DocxSection]:
        """Sections holding a part of this kind."""
        return [section for section in self.sections if section.kind is kind]

    @property
    def has_decision(self) -> bool:
        """Whether a Quyết định part is present (so the Kế hoạch is an attached one)."""
        return bool(self.parts(Part.DECISION))

    def run_format(self, run: XmlElement) -> RunFormat:
        """Effective formatting of a run, cached."""
        if run not in self.formats:
            self.formats[run] = run_format(run, self.styles)
        return self.formats[run]
