"""What the checks read from a DOCX: its sections, the part each holds, and a finding."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from generator.nd30.effective import RunFormat, StyleSheet, XmlElement, run_format
from generator.nd30.text import W_P, W_TBL

APPENDIX_TITLE = re.compile(r"(?:PHỤ LỤC|Phụ lục)(?: (?P<numeral>[IVXLCDM]+))?")


@dataclass(frozen=True)
class Finding:
    """One way the document departs from ND30: which check, where, and what was expected."""

    check: int
    where: str
    message: str


class Part(Enum):
    """The parts a generated file can hold, one per section."""

    DECISION = "Quyết định"
    PLAN = "Kế hoạch"
    APPENDIX = "Phụ lục"


@dataclass
class Section:
    """A DOCX section: its page settings, top-level blocks and the part it holds."""

    number: int
    sect_pr: XmlElement | None
    blocks: list[XmlElement]
    kind: Part | None = None
    title: XmlElement | None = None
    headers: dict[str, XmlElement | None] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Human name: 'section 2 (Kế hoạch)'."""
        return f"section {self.number}" + (f" ({self.kind.value})" if self.kind else "")

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
    sections: list[Section]
    numbers: dict[XmlElement, int]
    body_paragraphs: list[XmlElement]
    typeset_parts: list[tuple[str, XmlElement]]
    text_parts: list[tuple[str, XmlElement]]
    odd_even_headers: bool
    formats: dict[XmlElement, RunFormat] = field(default_factory=dict)

    def parts(self, kind: Part) -> list[Section]:
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
