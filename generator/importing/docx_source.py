"""A plan's DOCX read into the shared form of the importer: its body's paragraphs and tables.

The file is first checked by nd30's bounded reader (not a ZIP, an OLE or encrypted file, a ZIP
bomb, a DOCTYPE … are refused with UnreadableDocx); the main part, found through the package's
relationships, and its styles and numbering are then parsed with lxml, entities and the network
off. Read, in body order: paragraphs and tables, content controls (w:sdt) opened, text boxes
(one branch of an mc:AlternateContent) at the place of the paragraph that anchors them, right
after it. Not read: headers and footers, footnotes and endnotes, comments, embedded chunks
(w:altChunk), math (OMML). A paragraph's text has the mark its automatic numbering prints before
it ("1.", "a)", "-", docx_numbering.py), so it is read as typed marks are.

Tracked changes are read as if they were rejected (docx_inline.py): deleted and moved-away words
kept, inserted and moved-in ones left out; a paragraph whose mark was inserted is joined to the
next paragraph, as it was before; an inserted table row is left out, a deleted one kept. Each
change is listed with the number of the paragraph (or table) it is in; a change in a paragraph
that is empty once rejected is listed with the next paragraph read (the last one at the end).
Formatting changes are listed, and read as they are now. Pure: bytes in, data out.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree  # type: ignore[import-untyped]

from generator.importing.docx_inline import (
    MARKS,
    MC,
    Change,
    Inline,
    InlineReader,
    all_italic,
    author,
    chosen,
    folded,
    leading_bold,
)
from generator.importing.docx_numbering import Numbering
from generator.importing.outline import Cell, Paragraph, Table, mark_of, paragraph_of
from generator.nd30.effective import StyleSheet, XmlElement, attr, child, w
from generator.nd30.package import Package, open_package, scan_relationships

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"  # ISO 29500 Strict
RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
W_P, W_TBL, W_TR, W_TC = w("p"), w("tbl"), w("tr"), w("tc")
# Blocks that only wrap others: content controls, custom XML, smart tags.
_TRANSPARENT = {w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")}
# What a tracked change is: text, paragraph marks, table rows, formatting.
KINDS = ("insertion", "deletion", "moved-from", "moved-to", "paragraph-insertion",
         "paragraph-deletion", "row-insertion", "row-deletion", "formatting")


@dataclass(frozen=True)
class TrackedChange:
    """A change tracked in the file and not accepted; the text reads as if it were rejected."""

    line: int  # the paragraph (or table) it is in, numbered as Paragraph.line
    kind: str  # one of KINDS
    text: str  # the inserted or deleted words; "" for a paragraph mark, a row, formatting
    author: str  # w:author, "" if none


@dataclass(frozen=True)
class DocxSource:
    """A DOCX's body: each table is one Paragraph with `table` set and an empty text."""

    paragraphs: list[Paragraph]
    tracked: list[TrackedChange]


def read_docx(data: bytes, name: str) -> DocxSource:
    """The body of a DOCX; UnreadableDocx (with a message naming `name`) when it is not one or
    is too large to read safely."""
    open_package(data, name)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: info for info in archive.infolist() if not info.is_dir()}
        main = scan_relationships(Package(name), archive, members)
        related = _relationships(archive, members, main)

        def part(kind: str) -> XmlElement | None:
            target = related.get(kind)
            return None if target not in members else _parse(archive.read(target))

        document = _parse(archive.read(main))
        styles = StyleSheet(part("styles"))
        numbering = Numbering(part("numbering"), styles)
    reader = _Reader(styles, numbering)
    body = child(document, "body")
    if body is not None:
        reader.flow(body, reader.body_paragraph, reader.body_table)
    reader.place_waiting()
    return DocxSource(reader.paragraphs, reader.tracked)


def _parse(data: bytes) -> XmlElement:
    """A part already checked by open_package (well-formed, no DOCTYPE, within bounds)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    root: XmlElement = etree.fromstring(data.replace(STRICT_NS, W_NS.encode()), parser)
    return root


def _relationships(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo],
                   main: str) -> dict[str, str]:
    """The main part's related parts by the last word of their type ('styles', 'numbering')."""
    folder, base = posixpath.split(main)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels not in members:
        return {}
    found: dict[str, str] = {}
    for relation in _parse(archive.read(rels)).iter(f"{RELS_NS}Relationship"):
        if relation.get("TargetMode") == "External":
            continue
        target = unquote(relation.get("Target") or "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        kind = (relation.get("Type") or "").rpartition("/")[2]
        found.setdefault(kind, posixpath.normpath(path))
    return found


def blocks(container: XmlElement) -> Iterator[XmlElement]:
    """The paragraphs and tables of a body, cell or text box, in order, wrappers opened."""
    for node in container:
        if node.tag in (W_P, W_TBL):
            yield node
        elif node.tag in _TRANSPARENT:
            yield from blocks(node)
        elif node.tag == f"{MC}AlternateContent":
            branch = chosen(node)
            if branch is not None:
                yield from blocks(branch)


def children(container: XmlElement, tag: str) -> Iterator[XmlElement]:
    """The rows of a table or the cells of a row, through content controls around them."""
    for node in container:
        if node.tag == tag:
            yield node
        elif node.tag in _TRANSPARENT:
            yield from children(node, tag)


def _span(cell: XmlElement) -> int:
    """The grid columns a cell covers (w:gridSpan), at least 1."""
    value = attr(child(cell, "tcPr", "gridSpan"), "val") or "1"
    return max(1, int(value)) if value.isdigit() else 1


class _Reader:
    """Walks one document's body, numbering what it emits."""

    def __init__(self, styles: StyleSheet, numbering: Numbering) -> None:
        self._inline = InlineReader(styles)
        self._numbering = numbering
        self.paragraphs: list[Paragraph] = []
        self.tracked: list[TrackedChange] = []
        self._waiting: list[Change] = []  # changes of what was left out, for the next line

    def flow(self, container: XmlElement, on_paragraph: Callable[[Inline], None],
             on_table: Callable[[XmlElement], None]) -> None:
        """Each paragraph and table of a container, a paragraph whose mark was inserted joined
        to the paragraph after it."""
        carried: Inline | None = None
        for block in blocks(container):
            if block.tag == W_TBL:
                if carried is not None:
                    on_paragraph(carried)
                    carried = None
                on_table(block)
                continue
            inline = self._inline.read(block)
            if inline.mark != "insertion":
                inline.label = self._numbering.label(block)
            if carried is not None:
                inline = carried.then(inline)
                carried = None
            if inline.mark == "insertion":
                carried = inline
            else:
                on_paragraph(inline)
        if carried is not None:
            on_paragraph(carried)

    def body_paragraph(self, inline: Inline) -> None:
        """A body paragraph, then the text boxes it anchors."""
        label = f"{inline.label} " if inline.label else ""
        text, flags = folded([(char, True, True) for char in label] + inline.chars)
        if text and any(not char.isspace() for char, _bold, _italic in inline.chars):
            line = self._emit(inline.changes)
            _level, _label, rest = mark_of(text)
            start = len(text) - len(rest)
            self.paragraphs.append(paragraph_of(text, line, leading_bold(text, flags, start),
                                                all_italic(text, flags, start)))
        else:
            self._waiting += inline.changes
        for box in inline.boxes:
            self.flow(box, self.body_paragraph, self.body_table)

    def body_table(self, table: XmlElement) -> None:
        """A table of the body (or of a text box in it): one Paragraph."""
        changes: list[Change] = []
        rows = self._rows(table, changes)
        if not any(cell.paragraphs for row in rows for cell in row):
            self._waiting += changes
            return
        line = self._emit(changes)
        self.paragraphs.append(Paragraph(None, "", "", line, table=Table(rows)))

    def _emit(self, changes: list[Change]) -> int:
        """The line of the next paragraph or table, its changes (and those waiting) listed."""
        line = len(self.paragraphs) + 1
        for change in [*self._waiting, *changes]:
            self.tracked.append(TrackedChange(line, change.kind, change.text, change.author))
        self._waiting = []
        return line

    def place_waiting(self) -> None:
        """Changes after the last paragraph read go with that paragraph."""
        line = max(len(self.paragraphs), 1)
        self.tracked += [TrackedChange(line, c.kind, c.text, c.author) for c in self._waiting]
        self._waiting = []

    def _rows(self, table: XmlElement, changes: list[Change]) -> tuple[tuple[Cell, ...], ...]:
        """The rows of a table, each cell with its text and merges.

        w:gridBefore and w:gridAfter (grid columns a row leaves empty before its first cell or
        after its last) make no Cell: the row's cells keep their own spans, so such a row covers
        fewer columns than the grid. A legacy w:hMerge continuation widens the cell before it.
        """
        rows: list[tuple[Cell, ...]] = []
        for row in children(table, W_TR):
            row_change = None
            properties = child(row, "trPr")
            for node in [] if properties is None else list(properties):
                if node.tag in MARKS:
                    row_change = MARKS[str(node.tag)]
                    changes.append(Change(f"row-{row_change}", author(node)))
            cells: list[Cell] = []
            for cell in children(row, W_TC):
                texts = tuple(self._cell_texts(cell, changes))
                merge = child(cell, "tcPr", "hMerge")
                if merge is not None and attr(merge, "val") != "restart" and cells:
                    last = cells[-1]
                    cells[-1] = Cell(last.paragraphs + texts, last.span + _span(cell),
                                     last.continued)
                    continue
                vmerge = child(cell, "tcPr", "vMerge")
                continued = vmerge is not None and attr(vmerge, "val") != "restart"
                cells.append(Cell(texts, _span(cell), continued))
            if row_change != "insertion":  # a rejected inserted row is gone
                rows.append(tuple(cells))
        return tuple(rows)

    def _cell_texts(self, container: XmlElement, changes: list[Change]) -> list[str]:
        """The non-empty paragraphs of a cell as text, a w:br starting a new one; those of a
        table or text box inside it in their place."""
        texts: list[str] = []

        def paragraph(inline: Inline) -> None:
            texts.extend(inline.lines())
            changes.extend(inline.changes)
            for box in inline.boxes:
                texts.extend(self._cell_texts(box, changes))

        def table(nested: XmlElement) -> None:
            for row in self._rows(nested, changes):
                for cell in row:
                    texts.extend(cell.paragraphs)

        self.flow(container, paragraph, table)
        return texts
