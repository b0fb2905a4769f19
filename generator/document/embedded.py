"""The plan's source YAML carried inside its DOCX as a custom XML part, and read back."""
from __future__ import annotations

import io
import posixpath
import re
import uuid
import zipfile
import zlib
from typing import NamedTuple

from docx.document import Document as DocumentObject
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree  # type: ignore[import-untyped]

from generator.shell.errors import N_, ExitStatus, Message, PlangenError

# Office Open XML's custom XML data store (ECMA-376 Part 1, 22.5): /customXml/itemN.xml holds any
# XML, /customXml/itemPropsN.xml names its schema, the main document relates to the item. Word
# and LibreOffice keep such items when they save the file again; Word adds items of its own.
NS = "urn:plangen:source:1"
SOURCE_TAG = f"{{{NS}}}source"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
ITEM_FOLDER = "customxml"  # part names are case-insensitive (OPC)

# A rendered plan is under 1 MB and its YAML at most 2 MB (plan/load.py), 8 MB once every
# character is escaped: the limits are far above that and far below what would hurt.
MB = 1_000_000
MAX_FILE_BYTES = 100 * MB
MAX_ENTRIES = 2_000
MAX_ITEM_BYTES = 16 * MB
CHUNK_BYTES = 1 << 20

# What XML 1.0 cannot hold. A loaded plan never has any (the YAML reader refuses them, comments
# included); a file name or a library caller's text might: each becomes U+FFFD.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class EmbeddedSource(NamedTuple):
    """A plan's source as its DOCX carries it: the file's name (no folder) and its text (NFC)."""

    file: str
    text: str


class UnreadableSource(PlangenError):
    """A DOCX whose embedded source cannot be looked for: not a DOCX, damaged, too large."""

    exit_code = ExitStatus.TROUBLE


def embed_source(document: DocumentObject, source: EmbeddedSource) -> None:
    """Add SOURCE to DOCUMENT as /customXml/itemN.xml (N the first number free) and its props."""
    main = document.part
    for rid, rel in list(main.rels.items()):
        # A template made from a rendered plan would otherwise carry that plan's source too.
        if (rel.reltype == RT.CUSTOM_XML and not rel.is_external
                and _is_source(rel.target_part.blob)):
            del main.rels[rid]
    taken = {str(part.partname).lower() for part in main.package.iter_parts()}
    number = next(n for n in range(1, len(taken) + 2)
                  if f"/customxml/item{n}.xml" not in taken)
    item = Part(PackURI(f"/customXml/item{number}.xml"), CT.XML, item_xml(source), main.package)
    props = Part(PackURI(f"/customXml/itemProps{number}.xml"), CT.OFC_CUSTOM_XML_PROPERTIES,
                 props_xml(source), main.package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    main.relate_to(item, RT.CUSTOM_XML)


def _is_source(xml: bytes) -> bool:
    """Whether a custom XML item is one embed_source wrote."""
    try:
        return _source_in(xml, "", "") is not None
    except UnreadableSource:
        return False


def item_xml(source: EmbeddedSource) -> bytes:
    """<plangen:source file="NAME">YAML</plangen:source>; lxml escapes & < > and writes a CR as
    &#13; (an XML reader would turn a raw one into LF), so the text reads back exactly."""
    root = etree.Element(SOURCE_TAG, nsmap={"plangen": NS})
    root.set("file", _NOT_XML.sub("\ufffd", source.file))
    root.text = _NOT_XML.sub("\ufffd", source.text)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def props_xml(source: EmbeddedSource) -> bytes:
    """The item's properties: an id derived from its content (the same input gives the same
    bytes) and our namespace as its schema."""
    digest = uuid.uuid5(uuid.NAMESPACE_URL, "\0".join((NS, source.file, source.text)))
    root = etree.Element(f"{{{DS_NS}}}datastoreItem", nsmap={"ds": DS_NS})
    root.set(f"{{{DS_NS}}}itemID", "{" + str(digest).upper() + "}")
    refs = etree.SubElement(root, f"{{{DS_NS}}}schemaRefs")
    etree.SubElement(refs, f"{{{DS_NS}}}schemaRef").set(f"{{{DS_NS}}}uri", NS)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=False)
    return data


def embedded_source(data: bytes, name: str = "DOCX") -> EmbeddedSource | None:
    """The source a DOCX carries, or None when it carries none (any other custom XML is skipped).

    Read within bounds (file size, entries, each item's real decompressed size) and parsed
    without entities, DTDs or the network; a file that is not a DOCX, a damaged package and an
    item past a bound raise UnreadableSource, named NAME in the message.
    """
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, N_("size of the file"), len(data), MAX_FILE_BYTES)
    stream = io.BytesIO(data)
    if not data or not zipfile.is_zipfile(stream):
        raise UnreadableSource(Message(N_("{file}: is not a DOCX file (a DOCX is a ZIP package; "
                                          "an old .doc, a PDF or a text file is not)"),
                                       {"file": name}))
    try:
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES:
                raise _too_large(name, N_("entries in the ZIP package"), len(entries),
                                 MAX_ENTRIES)
            for info in sorted(entries, key=lambda entry: entry.filename):
                if _is_item(info.filename):
                    found = _source_in(_read_item(archive, info, name), info.filename, name)
                    if found is not None:
                        return found
    # NotImplementedError: a directory entry asking for a ZIP version zipfile (and Word) lacks.
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
            ValueError, EOFError) as error:
        raise UnreadableSource(Message(N_("{file}: the ZIP package is damaged and cannot be "
                                          "opened"), {"file": name})) from error
    return None


def _is_item(member: str) -> bool:
    """customXml/item1.xml, not its itemProps1.xml or _rels/item1.xml.rels."""
    folder, base = posixpath.split(member.lower())
    return folder == ITEM_FOLDER and base.endswith(".xml") and not base.startswith("itemprops")


def _read_item(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """An item's bytes, its real size counted while decompressing (a forged directory says less)."""
    what = Message(N_("uncompressed size of {part}"), {"part": info.filename})
    if info.file_size > MAX_ITEM_BYTES:
        raise _too_large(name, what, info.file_size, MAX_ITEM_BYTES)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK_BYTES):
                size += len(chunk)
                if size > MAX_ITEM_BYTES:
                    raise _too_large(name, what, size, MAX_ITEM_BYTES)
                chunks.append(chunk)
    # RuntimeError: an encrypted member (zipfile asks for a password).
    except (NotImplementedError, RuntimeError, zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise UnreadableSource(Message(N_("{file}: the ZIP package is damaged ({part} cannot be "
                                          "decompressed or does not match its checksum)"),
                                       {"file": name, "part": info.filename})) from error
    return b"".join(chunks)


def _source_in(xml: bytes, part: str, name: str) -> EmbeddedSource | None:
    """Our source if the item is ours; None for another program's item."""
    if NS.encode("ascii") not in xml:
        return None  # Word's own items (a bibliography, cover page properties …) are not parsed
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        tree = etree.parse(io.BytesIO(xml), parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (error.lineno or 1, 1)
        raise UnreadableSource(Message(N_("{file}: the plan's source kept in {part} is not "
                                          "well-formed XML (line {line}, column {column})"),
                                       {"file": name, "part": part, "line": line,
                                        "column": column})) from error
    root = tree.getroot()
    if tree.docinfo.doctype or root.tag != SOURCE_TAG:
        return None  # ours never declares a DOCTYPE: whatever this is, it was not written here
    return EmbeddedSource(root.get("file", ""), "".join(root.itertext()))


def _too_large(name: str, what: str | Message, value: int, limit: int) -> UnreadableSource:
    return UnreadableSource(Message(N_("{file}: the document is too large to read safely "
                                       "({what}: {value}; the limit is {limit})"),
                                    {"file": name, "what": what if isinstance(what, Message)
                                     else Message(what), "value": value, "limit": limit}))
