"""A plan document cut into its regions: header, Quyết định, its closing, the Kế hoạch, Phụ lục.

Every reader works on a slice of the paragraphs; this module finds where each slice begins and
ends by ND30's landmarks (the kind's name in capitals, "QUYẾT ĐỊNH:", "Nơi nhận:", "PHỤ LỤC"),
so that a document missing its header (text copied from a portal often is) is still read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importing.closing import Closing, is_notice, read_closing, signer
from generator.importing.decision import DecisionText, read_decision
from generator.importing.header import KINDS, Header, read_header
from generator.importing.outline import Cell, Paragraph, Table, paragraph_of

_APPENDIX = re.compile(r"^PHỤ LỤC(?:\s+[IVX\d]+)?$")
_REFERENCE = re.compile(r"^\((?:Ban hành )?[Kk]èm theo\b")
FINISH = "./."


@dataclass
class Regions:
    """The slices of one document."""

    header: Header
    decision: DecisionText | None = None
    decision_closing: Closing | None = None
    plan_header: Header | None = None
    title: list[Paragraph] = field(default_factory=list)  # the summary (after KẾ HOẠCH)
    reference: Paragraph | None = None  # "(Ban hành kèm theo Quyết định số …)"
    body: list[Paragraph] = field(default_factory=list)
    closing: Closing | None = None
    appendix_heading: list[Paragraph] = field(default_factory=list)
    appendix: Table | None = None
    appendix_line: int = 0
    signed_plan: list[Paragraph] = field(default_factory=list)  # an attached plan's own signature
    rest: list[Paragraph] = field(default_factory=list)  # after everything: read by nobody
    everything: list[Paragraph] = field(default_factory=list)


def flatten(found: list[Paragraph]) -> list[Paragraph]:
    """Tables of the layout (header, signature) become their paragraphs, row by row; the
    appendix's table (after a PHỤ LỤC heading) stays a table, and so do tab-separated rows,
    gathered into one table."""
    out: list[Paragraph] = []
    in_appendix = False
    block: list[Paragraph] = []  # text rows outside the appendix, read column by column
    for paragraph in found:
        if block and not (paragraph.cells and not in_appendix):
            out.extend(_columns(block))
            block = []
        if paragraph.table is None and not paragraph.cells:
            in_appendix = in_appendix or bool(_APPENDIX.match(paragraph.text))
            out.append(paragraph)
        elif paragraph.table is not None and not in_appendix:
            out.extend(_cell_paragraphs(paragraph.table, paragraph.line))
        elif paragraph.cells and not in_appendix:  # a copied header: "Số: … | Place, ngày …"
            block.append(paragraph)
            continue
        elif paragraph.cells and out and out[-1].table is not None and out[-1].line < 0:
            last = out[-1].table
            assert last is not None
            out[-1] = Paragraph(None, "", "", out[-1].line,
                                table=Table(_add_text_row(last.rows, paragraph.cells)))
        elif paragraph.cells:
            row = tuple(Cell((text,) if text else ()) for text in paragraph.cells)
            # A negative line marks a table gathered from text rows: more rows may follow.
            out.append(Paragraph(None, "", "", -paragraph.line, table=Table((row,))))
        else:
            out.append(paragraph)
    out.extend(_columns(block))
    return [Paragraph(p.level, p.label, p.text, abs(p.line), p.cells, p.bold, p.italic, p.table)
            for p in out]


def _columns(rows: list[Paragraph]) -> list[Paragraph]:
    """Text rows of a two-column block (header, Nơi nhận beside the signer) as the left
    column's lines, then the right's."""
    width = max((len(row.cells) for row in rows), default=0)
    return [paragraph_of(row.cells[n], row.line) for n in range(width) for row in rows
            if n < len(row.cells) and row.cells[n]]


def _add_text_row(rows: tuple[tuple[Cell, ...], ...],
                  cells: tuple[str, ...]) -> tuple[tuple[Cell, ...], ...]:
    """The rows with a tab-separated line added: a line whose first cell (the number) is empty
    goes on with the row above, cut by a page break in the copy."""
    if rows and len(rows) > 1 and not cells[0] and any(cells):
        last = rows[-1]
        merged = []
        for n in range(max(len(last), len(cells))):
            before = " ".join(last[n].paragraphs) if n < len(last) else ""
            more = cells[n] if n < len(cells) else ""
            text = f"{before} {more}".strip()
            merged.append(Cell((text,) if text else ()))
        return (*rows[:-1], tuple(merged))
    return (*rows, tuple(Cell((text,) if text else ()) for text in cells))


def _cell_paragraphs(table: Table, line: int) -> list[Paragraph]:
    # Column by column: ND30's two-column blocks (header, Nơi nhận beside the signer) read as
    # the left column's lines, then the right's, one row at a time.
    out: list[Paragraph] = []
    for row in table.rows:
        for cell in row:
            if not cell.continued:
                out.extend(paragraph_of(text, line) for text in cell.paragraphs if text.strip())
    return out


def strip_finish(found: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with ND30's end mark "./." taken off (plangen prints it itself)."""
    out = []
    for p in found:
        text = p.text
        if text.endswith(FINISH):
            text = text[: -len(FINISH)].rstrip() + ("." if not text[:-3].rstrip().endswith(
                (".", ";", ":", ")")) else "")
        out.append(Paragraph(p.level, p.label, text, p.line, p.cells, p.bold, p.italic, p.table))
    return out


def regions(found: list[Paragraph]) -> Regions:
    """The regions of a whole document's paragraphs (tables flattened, see flatten)."""
    found = strip_finish(flatten(found))
    head = read_header(found)
    out = Regions(head, everything=found)
    at = 0
    if head.kind == "decision" and head.title_at is not None:
        out.decision = read_decision(found, head.title_at)
        out.decision_closing = read_closing(found, out.decision.end)
        at = out.decision_closing.end if out.decision_closing else out.decision.end
        rest = found[at:]
        plan_head = read_header(rest)
        if plan_head.title_at is not None:
            out.plan_header = plan_head
            at += plan_head.title_at + 1
    elif head.title_at is not None:
        at = head.title_at + 1
    at = _title(found, at, out)
    _body_and_after(found, at, out)
    return out


def _title(found: list[Paragraph], at: int, out: Regions) -> int:
    while at < len(found) and not found[at].level and found[at].text not in KINDS and not (
            _REFERENCE.match(found[at].text)) and (
                not out.title or _title_goes_on(found[at], out.title[-1])):
        out.title.append(found[at])
        at += 1
    if at < len(found) and _REFERENCE.match(found[at].text):
        out.reference = found[at]
        at += 1
        while at < len(found) and not out.reference.text.endswith(")") and not found[at].level:
            ref = out.reference
            out.reference = Paragraph(None, "", f"{ref.text} {found[at].text}", ref.line)
            at += 1
    return at


def _title_goes_on(paragraph: Paragraph, before: Paragraph) -> bool:
    """A second line of the summary ("trên địa bàn tỉnh Hà Giang", or in capitals under a
    title in capitals), not the opening."""
    text = paragraph.text
    if before.text.isupper() and text.isupper():
        return len(text.split()) <= 16
    return text[:1].islower() and len(text.split()) <= 12 and not text.endswith((".", ":"))


def _body_and_after(found: list[Paragraph], at: int, out: Regions) -> None:
    appendix_at = next((i for i in range(at, len(found)) if _APPENDIX.match(found[i].text)),
                       len(found))
    closing = read_closing(found[:appendix_at], at) if out.decision is None else None
    if closing is not None:
        notice = next(i for i in range(at, appendix_at) if is_notice(found[i]))
        out.body = found[at:notice]
        out.closing = closing
        after = notice + 1 + _closing_length(found, notice, closing)
    else:
        out.body, after = found[at:appendix_at], appendix_at
        out.body, out.signed_plan = _signature_off(out.body)
        if out.decision is None and out.signed_plan:  # signed, but no Nơi nhận
            *lines, name = (p.text for p in out.signed_plan)
            out.closing = Closing(signer=signer(lines, name))
            out.signed_plan = []
    _appendix(found, max(after, appendix_at), out)


def _closing_length(found: list[Paragraph], start: int, closing: Closing) -> int:
    return max(closing.end - start - 1, 0)


def _signature_off(body: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
    """An attached plan signed under its closing (TM. … / CHỦ TỊCH / name) keeps its
    signature apart: plangen signs the Quyết định only."""
    if len(body) < 2:
        return body, []
    name = body[-1]
    if name.level or name.text.endswith((".", ":", ";")) or len(name.text.split()) > 5 or (
            name.text.isupper()):
        return body, []
    at = len(body) - 1
    while at > 0 and body[at - 1].text.isupper() and not body[at - 1].level:
        at -= 1
    if at == len(body) - 1:
        return body, []
    return body[:at], body[at:]


def _appendix(found: list[Paragraph], at: int, out: Regions) -> None:
    if at >= len(found):
        return
    table_at = next((i for i in range(at, len(found)) if found[i].table is not None), None)
    if table_at is None:
        out.rest = found[at:]
        return
    out.appendix_heading = found[at:table_at]
    out.appendix = found[table_at].table
    out.appendix_line = found[table_at].line
    out.rest = found[table_at + 1:]
