"""plangen check: run the ND30 checks on DOCX files and report them for people or for tools.

check_files is the library call; as_text and as_json are the two products (docs/check.md);
exit_status the command's exit code; check_and_report all three, for the command. A file that
cannot be read is trouble (ExitStatus.TROUBLE), listed with the others; a check that crashes
raises CheckCrashed (a bug: ExitStatus.INTERNAL), never a finding.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.document.document_kind import COMPARISON_TABLE
from generator.nd30 import RULES, Finding, Location, UnreadableDocx
from generator.nd30.checks import check_document
from generator.nd30.model import AREAS
from generator.shell.errors import N_, ExitStatus, Message
from generator.shell.i18n import translate

JSON_FORMAT = "plangen-check/1"
SHOWN_PLACES = 3
CHECK_COUNT = 11


@dataclass(frozen=True)
class FileReport:
    """The result for one file: its kind and findings, or the trouble that kept it from being
    checked (then kind is None)."""

    file: str
    findings: tuple[Finding, ...] = ()
    trouble: Message | None = None
    kind: str | None = None

    @property
    def status(self) -> str:
        """pass, fail or error."""
        if self.trouble is not None:
            return "error"
        return "fail" if self.findings else "pass"


def check_file(path: str | os.PathLike[str]) -> FileReport:
    """Check one DOCX. CheckCrashed propagates: a crash is a bug, not a result."""
    name = os.fspath(path)
    try:
        checked = check_document(path)
    except UnreadableDocx as error:
        return FileReport(name, trouble=error.message)
    return FileReport(name, tuple(checked.findings), kind=checked.kind)


def check_files(paths: Sequence[str | os.PathLike[str]]) -> list[FileReport]:
    """Check every file in order."""
    return [check_file(path) for path in paths]


def exit_status(reports: Sequence[FileReport]) -> ExitStatus:
    """OK when every file passes, FOUND when one fails a check, TROUBLE when one could not be
    checked (trouble wins)."""
    if any(report.trouble is not None for report in reports):
        return ExitStatus.TROUBLE
    return ExitStatus.FOUND if any(report.findings for report in reports) else ExitStatus.OK


@dataclass(frozen=True)
class Checks:
    """What `plangen check` shows: the report for stdout, what kept files from being checked
    (for stderr), and the exit status."""

    product: str
    troubles: list[Message]
    status: ExitStatus


def check_and_report(paths: Sequence[str | os.PathLike[str]], lang: str,
                     for_tools: bool = False) -> Checks:
    """Check every file; the report in LANG, as JSON for tools or as text (docs/check.md)."""
    reports = check_files(paths)
    product = as_json(reports, lang) if for_tools else as_text(reports, lang)
    return Checks(product, [r.trouble for r in reports if r.trouble is not None],
                  exit_status(reports))


def location_text(location: Location, lang: str) -> str:
    """'Kế hoạch (section 2), header block, table row 1, cell 2, paragraph 14 «…»'."""
    pieces: list[str] = []
    if location.part is not None and location.section is not None:
        pieces.append(translate(Message(N_("{part} (section {number})"),
                                        {"part": location.part.value,
                                         "number": location.section}), lang))
    elif location.section is not None:
        pieces.append(translate(Message(N_("section {number}"), {"number": location.section}),
                                lang))
    if location.area is not None:
        pieces.append(translate(Message(AREAS.get(location.area, location.area)), lang))
    if location.story is not None:
        pieces.append(translate(Message(N_("header or footer {story}"),
                                        {"story": location.story}), lang))
    if location.row is not None and location.cell is not None:
        pieces.append(translate(Message(N_("table row {row}, cell {cell}"),
                                        {"row": location.row, "cell": location.cell}), lang))
    if location.paragraph is not None:
        text = translate(Message(N_("paragraph {number}"), {"number": location.paragraph}), lang)
        if location.text:
            text += f" «{location.text}»"
        pieces.append(text)
    elif location.text:
        pieces.append(f"«{location.text}»")
    return ", ".join(pieces) or translate(Message(N_("the whole document")), lang)


def finding_text(finding: Finding, lang: str) -> list[str]:
    """The lines of one finding: rule and what was found, places, requirement, citation."""
    rule = RULES[finding.rule]
    name = translate(Message(rule.name), lang)
    what = translate(finding.found, lang)
    lines = [f"  [{finding.rule}] {name}: {what}"]
    if finding.count > 1:
        lines.append("    " + translate(Message(N_("{count} places; the first:"),
                                                  {"count": finding.count}), lang))
    else:
        lines.append("    " + translate(Message(N_("at:")), lang))
    shown = finding.locations[:SHOWN_PLACES]
    lines += [f"      - {location_text(location, lang)}" for location in shown]
    hidden = finding.count - len(shown)
    if finding.count > 1 and hidden > 0:
        lines.append("      " + translate(Message(N_("… and {count} more"), {"count": hidden}),
                                          lang))
    lines.append("    " + translate(Message(N_("required: {requirement}"),
                                            {"requirement": Message(rule.requirement)}), lang))
    lines.append("    " + translate(Message(N_("source: {citation}"),
                                            {"citation": Message(rule.citation)}), lang))
    return lines


def summary_line(report: FileReport, lang: str) -> str:
    """The first line of a file checked: passes, or how many rules it does not meet."""
    count = len(report.findings)
    if report.kind == COMPARISON_TABLE:
        if not report.findings:
            return translate(Message(N_("{file}: a comparison table from plangen diff, not an "
                                        "official document: passes the ND30 checks that apply "
                                        "to it (page, type, page numbers, the table)"),
                                     {"file": report.file}), lang)
        return translate(Message(N_("{file}: a comparison table from plangen diff, not an "
                                    "official document: {count} ND30 rule(s) not met"),
                                 {"file": report.file, "count": count}), lang)
    if not report.findings:
        return translate(Message(N_("{file}: passes every ND30 check ({count} checks)"),
                                 {"file": report.file, "count": CHECK_COUNT}), lang)
    return translate(Message(N_("{file}: {count} ND30 rule(s) not met"),
                             {"file": report.file, "count": count}), lang)


def as_text(reports: Sequence[FileReport], lang: str) -> str:
    """The human report: per file checked, a summary line then each finding."""
    out: list[str] = []
    for report in reports:
        if report.trouble is not None:  # said on stderr by the command
            continue
        out.append(summary_line(report, lang))
        for finding in report.findings:
            out += finding_text(finding, lang)
    return "".join(line + "\n" for line in out)


def location_json(location: Location, lang: str) -> dict[str, Any]:
    """A location for tools: every field (null when it does not apply) and the human text."""
    return {
        "section": location.section,
        "part": None if location.part is None else location.part.key,
        "area": location.area,
        "story": location.story,
        "paragraph": location.paragraph,
        "text": location.text,
        "row": location.row,
        "cell": location.cell,
        "label": location_text(location, lang),
    }


def _plain(value: Any, lang: str) -> Any:
    """A message parameter as JSON: nested messages translated."""
    if isinstance(value, Message):
        return translate(value, lang)
    return value if isinstance(value, (int, float, str, type(None))) else str(value)


def finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    """A finding for tools (docs/check.md)."""
    rule = RULES[finding.rule]
    return {
        "rule": finding.rule,
        "check": rule.check,
        "name": translate(Message(rule.name), lang),
        "found": translate(finding.found, lang),
        "found_id": finding.found.msgid,
        "found_params": {key: _plain(value, lang)
                         for key, value in finding.found.params.items()},
        "requirement": translate(Message(rule.requirement), lang),
        "citation": translate(Message(rule.citation), lang),
        "count": finding.count,
        "locations": [location_json(location, lang) for location in finding.locations],
    }


def as_json(reports: Sequence[FileReport], lang: str) -> str:
    """The report for tools (format plangen-check/1, docs/check.md)."""
    files = [{
        "file": report.file,
        "status": report.status,
        "document": report.kind,
        "error": None if report.trouble is None else translate(report.trouble, lang),
        "findings": [finding_json(finding, lang) for finding in report.findings],
    } for report in reports]
    document = {
        "format": JSON_FORMAT,
        "lang": lang,
        "exit_status": exit_status(reports),
        "files": files,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
