"""Check 4: the «Số:» line's pattern and type code, and the italic place-date line."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.nd30.effective import XmlElement
from generator.nd30.formatting import format_findings, where
from generator.nd30.model import Document, DocxSection, Finding, found
from generator.nd30.part_blocks import headed_sections, header_table, needs_number_and_date
from generator.nd30.text import cell_paragraphs, cells_of, excerpt, nonempty, norm, rows_of, text_of
from generator.shell.errors import N_, Message

NUMBER_LINE = re.compile(r"Số: (\d{2,}| +)/[A-ZĐa-z]+-[A-ZĐ&]+")
DATE_LINE = re.compile(r"(?P<place>[^,]+), ngày(?P<day>.*?)tháng(?P<month>.*?)năm(?P<year>.*)")
TYPE_CODES = {"Quyết định": "QĐ", "Kế hoạch": "KH"}


@dataclass(frozen=True)
class DateLine:
    """A parsed place-date line; day and month are None when left blank in a draft."""

    place: str
    day: str | None
    month: str | None
    year: str

    def long_form(self) -> str:
        """'ngày 19 tháng 12 năm 2022', whitespace-normalised (blanks collapse)."""
        return norm(f"ngày {self.day or ''} tháng {self.month or ''} năm {self.year}")

    def short_form(self) -> str:
        """'ngày 19/12/2022', or 'ngày /01/2024' for a draft (spaces by a '/' dropped)."""
        return short_date(f"ngày {self.day or ''}/{self.month or ''}/{self.year}")


def short_date(text: str) -> str:
    """A short date as compared: whitespace-normalised, no space either side of a '/'."""
    return re.sub(r" ?/ ?", "/", norm(text))


def _date_part(raw: str, pattern: str) -> tuple[str | None, bool]:
    """One day/month part of a date line: (value or None when blank, whether well formed)."""
    # A filled part is ' NN ' (one space either side); a blank part is two or more spaces.
    if re.fullmatch(r" {2,}", raw):
        return None, True
    match = re.fullmatch(rf" ({pattern}) ", raw)
    return (match.group(1), True) if match else (raw.strip(), False)


def read_date_line(text: str) -> tuple[DateLine | None, list[Message]]:
    """Parse '<Place>, ngày DD tháng M năm YYYY' (or its draft form) and list rule breaches."""
    match = DATE_LINE.fullmatch(text.replace("\u00a0", " ").strip())
    if match is None:
        return None, [Message(N_("the place-date line «{text}» does not read «<Place>, ngày DD "
                                 "tháng M năm YYYY»"), {"text": excerpt(text)})]
    problems: list[Message] = []
    day, day_ok = _date_part(match["day"], r"0[1-9]|[12]\d|3[01]")
    month, month_ok = _date_part(match["month"], r"0[12]|[3-9]|1[0-2]")
    year = re.fullmatch(r" (\d{4})", match["year"])
    if not day_ok:
        problems.append(Message(N_("the day is written «{day}»"), {"day": day}))
    if not month_ok:
        problems.append(Message(N_("the month is written «{month}»"), {"month": month}))
    if year is None:
        problems.append(Message(N_("the year is written «{year}»"),
                                {"year": match["year"].strip()}))
    if day_ok and month_ok and day is not None and month is None:
        problems.append(Message(N_("the day is filled in but the month is blank")))
    if not problems and day is not None and month is not None and year is not None:
        try:
            dt.date(int(year.group(1)), int(month), int(day))
        except ValueError:
            problems.append(Message(N_("{date} is not a calendar date"),
                                    {"date": f"{day}/{month}/{year.group(1)}"}))
    line = DateLine(match["place"].strip(), day if day_ok else None, month if month_ok else None,
                    year.group(1) if year else match["year"].strip())
    return line, problems


def number_and_date_paragraphs(section: DocxSection) -> tuple[XmlElement | None, XmlElement | None]:
    """The Số paragraph (row 2 left) and the date paragraph (row 2 right) of the header block."""
    table = header_table(section)
    rows = [] if table is None else rows_of(table)
    cells = cells_of(rows[1]) if len(rows) > 1 else []
    found: list[XmlElement | None] = []
    for cell in cells[:2]:
        paragraphs = nonempty(cell_paragraphs(cell))
        found.append(paragraphs[0] if paragraphs else None)
    found += [None] * (2 - len(found))
    return found[0], found[1]


def check_number_and_date(doc: Document) -> list[Finding]:
    """Check 4: the Số line's pattern and type code; the date line italic with the zero rule."""
    findings: list[Finding] = []
    for section in headed_sections(doc):
        if not needs_number_and_date(doc, section):
            continue
        number, date = number_and_date_paragraphs(section)
        if number is None:
            findings.append(found("ND30-4-number", section.at("header-block"),
                                  N_("there is no «Số:» line in the header block's second row")))
        else:
            findings += number_findings(doc, section, number)
        if date is None:
            findings.append(found("ND30-4-date", section.at("header-block"),
                                  N_("there is no place-date line in the header block's second "
                                     "row")))
        else:
            findings += date_findings(doc, date)
    return findings


def number_findings(doc: Document, section: DocxSection, paragraph: XmlElement) -> list[Finding]:
    """The Số line against the ND30 pattern and the part's type code."""
    text = text_of(paragraph).replace("\u00a0", " ").strip()
    if not NUMBER_LINE.fullmatch(text):
        return [found("ND30-4-number", where(doc, paragraph),
                      N_("the number line reads «{text}»"), text=text)]
    code = text.split("/", 1)[1].split("-", 1)[0]
    part = section.kind.value if section.kind else ""
    expected = TYPE_CODES.get(part, code)
    if code != expected:
        return [found("ND30-4-number", where(doc, paragraph),
                      N_("the number uses the type code «{code}» on a {part}, whose code is "
                         "«{expected}»"), code=code, part=part, expected=expected)]
    return []


def date_findings(doc: Document, paragraph: XmlElement) -> list[Finding]:
    """The place-date line: italic, well formed, zero rule."""
    findings = format_findings(doc, "ND30-4-date-style", paragraph, N_("the place-date line"),
                               italic=True)
    _, problems = read_date_line(text_of(paragraph))
    findings += [Finding("ND30-4-date", problem, (where(doc, paragraph),))
                 for problem in problems]
    return findings
