"""A DOCX package read within bounds, and refused when it is not one, before it is parsed."""
from __future__ import annotations

import io
import os
import posixpath
import zipfile
import zlib
from collections.abc import Callable
from typing import IO
from urllib.parse import unquote

from lxml import etree  # type: ignore[import-untyped]

from generator.nd30.model import UnreadableDocx
from generator.shell.errors import N_, Message, os_reason

# A rendered plan is under 1 MB, a DOCX with photographs a few tens of MB: the limits are far
# above both and far below what would take the machine down (python-docx holds every part in
# memory, lxml an object per element).
MB = 1_000_000
MAX_FILE_BYTES = 100 * MB
MAX_ENTRIES = 2_000
MAX_PART_BYTES = 50 * MB
MAX_TOTAL_BYTES = 100 * MB
MAX_RATIO = 100
RATIO_FREE_BYTES = 5 * MB  # a small XML part of repeated markup may compress far beyond 100:1
MAX_ELEMENTS = 1_000_000
MAX_TEXT_CHARS = 5_000_000
CHUNK_BYTES = 1 << 20

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
OFFICE_DOCUMENT = "/officeDocument"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

Sink = Callable[[bytes], None]


def megabytes(size: int) -> str:
    """'50 MB', '100.3 MB'."""
    shown = f"{size / MB:.1f}".removesuffix(".0")
    return f"{shown} MB"


def more_than(value: str) -> Message:
    """A value known only to pass a limit: reading stopped there."""
    return Message(N_("more than {value}"), {"value": value})


class Package:
    """One DOCX being read: its name for messages, and the budget its parts share."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.total = 0
        self.elements = 0

    def refuse(self, msgid: str, **params: object) -> UnreadableDocx:
        """The error that stops the check of this file."""
        return UnreadableDocx(Message(msgid, {"file": self.name, **params}))

    def too_large(self, what: Message, value: object, limit: object) -> UnreadableDocx:
        """The file passes one of the bounds above."""
        return self.refuse(N_("{file}: the document is too large to check safely ({what}: "
                              "{value}; the limit is {limit})"),
                           what=what, value=value, limit=limit)

    def damaged(self, part: str) -> UnreadableDocx:
        """A part whose compressed data does not decompress to what the ZIP says it holds."""
        return self.refuse(N_("{file}: the ZIP package is damaged ({part} cannot be "
                              "decompressed or does not match its checksum)"), part=part)


class XmlScan:
    """lxml parser target: counts elements against the package's budget and keeps no tree.

    Refuses a DOCTYPE (Word does not open a part that has one, and nothing here expands an
    entity) and a text too long for any document; keeps the attributes of the elements named
    in `keep` ([Content_Types].xml's types, _rels/.rels's relationships).
    """

    def __init__(self, package: Package, part: str, keep: frozenset[str] = frozenset()) -> None:
        self.package = package
        self.part = part
        self.keep = keep
        self.kept: list[tuple[str, dict[str, str]]] = []
        self.text = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.package.elements += 1
        if self.package.elements > MAX_ELEMENTS:
            raise self.package.too_large(Message(N_("XML elements in the package")),
                                         more_than(str(MAX_ELEMENTS)), MAX_ELEMENTS)
        self.text = 0
        name = tag.rpartition("}")[2]
        if name in self.keep:
            self.kept.append((name, dict(attrib)))

    def end(self, tag: str) -> None:
        self.text = 0

    def data(self, text: str) -> None:
        self.text += len(text)
        if self.text > MAX_TEXT_CHARS:
            raise self.package.too_large(
                Message(N_("characters in one XML text of {part}"), {"part": self.part}),
                more_than(str(MAX_TEXT_CHARS)), MAX_TEXT_CHARS)

    def doctype(self, *_declaration: object) -> None:
        raise self.package.refuse(N_("{file}: {part} declares a document type (<!DOCTYPE …>), "
                                     "which Word does not open in a DOCX; plangen does not "
                                     "read it"), part=self.part)

    def close(self) -> None:
        return None


def read_source(source: str | os.PathLike[str] | IO[bytes], name: str) -> bytes:
    """The file's bytes, at most MAX_FILE_BYTES of them; UnreadableDocx when it cannot be read."""
    package = Package(name)
    size: int | None = None
    try:
        if isinstance(source, (str, os.PathLike)):
            path = os.fspath(source)
            if os.path.isdir(path):
                raise package.refuse(N_("{file}: is a folder, not a DOCX file"))
            with open(path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                data = handle.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
        else:
            data = source.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as error:
        raise package.refuse(N_("{file}: no such file")) from error
    except OSError as error:
        raise package.refuse(N_("{file}: cannot be read ({reason})"),
                             reason=os_reason(error)) from error
    if len(data) > MAX_FILE_BYTES or (size is not None and size > MAX_FILE_BYTES):
        value = more_than(megabytes(MAX_FILE_BYTES)) if size is None else megabytes(size)
        raise package.too_large(Message(N_("size of the file")), value,
                                megabytes(MAX_FILE_BYTES))
    return data


def open_package(data: bytes, name: str) -> None:
    """Refuse bytes that are not a DOCX, or one too large to parse safely; else return.

    Only the ZIP's directory is read before the declared sizes are checked; each part is then
    decompressed in chunks, its real size counted (never trusting the declared one) and its XML
    fed to a parser that builds no tree, so a refusal comes before anything large is held.
    """
    package = Package(name)
    if not data:
        raise package.refuse(N_("{file}: is empty (0 bytes), not a DOCX file"))
    if data.startswith(OLE_SIGNATURE):
        raise package.refuse(N_("{file}: is an encrypted Word file or an old .doc (an OLE "
                                "compound file, not a ZIP package): remove the password, or "
                                "save it as .docx in Word, and check that file"))
    stream = io.BytesIO(data)
    if not zipfile.is_zipfile(stream):
        raise package.refuse(N_("{file}: is not a DOCX file (a DOCX is a ZIP package; an old "
                                ".doc, a PDF or a text file is not)"))
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as error:
        raise package.refuse(N_("{file}: the ZIP package is damaged and cannot be "
                                "opened")) from error
    with archive:
        members = check_directory(package, archive)
        types = scan_content_types(package, archive, members)
        main = scan_relationships(package, archive, members)
        for info in members.values():
            if info.filename not in (CONTENT_TYPES, PACKAGE_RELS):
                scan_part(package, archive, info, is_xml(info.filename, types))
    check_main_part(package, main, members, types)


def check_directory(package: Package, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The parts by name, once the entries' count and declared sizes are within bounds."""
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise package.too_large(Message(N_("entries in the ZIP package")), len(entries),
                                MAX_ENTRIES)
    total = 0
    for info in entries:
        part = info.filename
        if info.file_size > MAX_PART_BYTES:
            raise package.too_large(Message(N_("uncompressed size of {part}"), {"part": part}),
                                    megabytes(info.file_size), megabytes(MAX_PART_BYTES))
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size > RATIO_FREE_BYTES and ratio > MAX_RATIO:
            raise package.too_large(ratio_what(part), f"{ratio}:1", ratio_limit())
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise package.too_large(Message(N_("total uncompressed size of the parts")),
                                    more_than(megabytes(MAX_TOTAL_BYTES)),
                                    megabytes(MAX_TOTAL_BYTES))
        if info.flag_bits & 0x1:
            raise package.refuse(N_("{file}: the ZIP package is encrypted ({part}); Word does "
                                    "not open such a file"), part=part)
    return {info.filename: info for info in entries if not info.is_dir()}


def ratio_what(part: str) -> Message:
    return Message(N_("compression ratio of {part}"), {"part": part})


def ratio_limit() -> Message:
    return Message(N_("{ratio}:1 for a part over {size}"),
                   {"ratio": MAX_RATIO, "size": megabytes(RATIO_FREE_BYTES)})


def scan_content_types(package: Package, archive: zipfile.ZipFile,
                       members: dict[str, zipfile.ZipInfo]) -> dict[str, str]:
    """The content type of each part name ('/word/document.xml') and extension ('xml')."""
    info = members.get(CONTENT_TYPES)
    if info is None:
        raise not_word(package, CONTENT_TYPES)
    kept = scan_part(package, archive, info, True, frozenset({"Default", "Override"}))
    types: dict[str, str] = {}
    for name, attrib in kept:
        key = attrib.get("Extension", "").lower() if name == "Default" else attrib.get(
            "PartName", "")
        types[key] = attrib.get("ContentType", "")
    return types


def scan_relationships(package: Package, archive: zipfile.ZipFile,
                       members: dict[str, zipfile.ZipInfo]) -> str:
    """The name of the main document part, from the package's relationships."""
    info = members.get(PACKAGE_RELS)
    if info is None:
        raise not_word(package, PACKAGE_RELS)
    kept = scan_part(package, archive, info, True, frozenset({"Relationship"}))
    for _name, attrib in kept:
        if (attrib.get("Type", "").endswith(OFFICE_DOCUMENT)
                and attrib.get("TargetMode") != "External"):
            return posixpath.normpath(unquote(attrib.get("Target", "")).lstrip("/"))
    raise package.refuse(N_("{file}: is a ZIP file but not a Word document ({part} names no "
                            "main document)"), part=PACKAGE_RELS)


def not_word(package: Package, part: str) -> UnreadableDocx:
    """A ZIP without a part every DOCX has."""
    return package.refuse(N_("{file}: is a ZIP file but not a Word document (it has no "
                             "{part})"), part=part)


def check_main_part(package: Package, main: str, members: dict[str, zipfile.ZipInfo],
                    types: dict[str, str]) -> None:
    """The main document is in the package and is a Word document (not a workbook, a .docm)."""
    if main not in members:
        raise not_word(package, main)
    content_type = content_type_of(main, types)
    if content_type != WORD_MAIN:
        raise package.refuse(N_("{file}: is not a Word document (its main part {part} is of "
                                "type «{type}»)"), part=main, type=content_type)


def content_type_of(part: str, types: dict[str, str]) -> str:
    """A part's content type: its override, else its extension's default."""
    override = types.get("/" + part)
    if override is not None:
        return override
    return types.get(posixpath.splitext(part)[1].lstrip(".").lower(), "")


def is_xml(part: str, types: dict[str, str]) -> bool:
    """Whether python-docx or the checks may parse the part as XML (an SVG image aside)."""
    content_type = content_type_of(part, types)
    if part.endswith((".xml", ".rels")):
        return True
    return content_type.endswith("xml") and not content_type.startswith("image/")


def scan_part(package: Package, archive: zipfile.ZipFile, info: zipfile.ZipInfo, xml: bool,
              keep: frozenset[str] = frozenset()) -> list[tuple[str, dict[str, str]]]:
    """Decompress one part in chunks within bounds; parse it if it is XML (keeping `keep`)."""
    part = info.filename
    scan = XmlScan(package, part, keep)
    parser = etree.XMLParser(target=scan, resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False) if xml else None
    try:
        read_part(package, archive, info, None if parser is None else parser.feed)
        if parser is not None:
            parser.close()
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (error.lineno or 1, 1)
        raise package.refuse(N_("{file}: {part} is not well-formed XML (line {line}, column "
                                "{column})"), part=part, line=line, column=column) from error
    return scan.kept


def read_part(package: Package, archive: zipfile.ZipFile, info: zipfile.ZipInfo,
              sink: Sink | None) -> None:
    """Decompress a part chunk by chunk, refusing it as soon as it passes a bound."""
    part = info.filename
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK_BYTES):
                size += len(chunk)
                package.total += len(chunk)
                check_read(package, info, size)
                if sink is not None:
                    sink(chunk)
    except NotImplementedError as error:  # a compression method zipfile (and Word) lacks
        raise package.refuse(N_("{file}: {part} is compressed in a way Word does not use"),
                             part=part) from error
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise package.damaged(part) from error


def check_read(package: Package, info: zipfile.ZipInfo, size: int) -> None:
    """The bounds again on what was really decompressed: a forged directory says less."""
    part = info.filename
    if size > MAX_PART_BYTES:
        raise package.too_large(Message(N_("uncompressed size of {part}"), {"part": part}),
                                more_than(megabytes(MAX_PART_BYTES)), megabytes(MAX_PART_BYTES))
    if package.total > MAX_TOTAL_BYTES:
        raise package.too_large(Message(N_("total uncompressed size of the parts")),
                                more_than(megabytes(MAX_TOTAL_BYTES)),
                                megabytes(MAX_TOTAL_BYTES))
    ratio = size // max(info.compress_size, 1)
    if size > RATIO_FREE_BYTES and ratio > MAX_RATIO:
        raise package.too_large(ratio_what(part), more_than(f"{ratio}:1"), ratio_limit())
