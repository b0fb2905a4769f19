"""Shared test helpers: render a plan in memory and read a DOCX's text in document order."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from ooxml import assert_valid_ooxml

from generator import api

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_AS_READ = str.maketrans({"\u2011": "-", "\u00a0": " "})


def as_read(text: str) -> str:
    """A text as docx_lines reads it back: U+2011 as '-', U+00A0 as a space."""
    return text.translate(_AS_READ)


def render(path: Path) -> bytes:
    """The DOCX of a plan file, checked to be valid Office Open XML."""
    data = api.render_bytes(path)
    assert_valid_ooxml(data)
    return data


def docx_lines(data: bytes) -> list[str]:
    """Body paragraphs and table cells in document order; a vertically merged cell once."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ET.fromstring(archive.read("word/document.xml"))
    out: list[str] = []

    def text(p: ET.Element) -> str:
        # A non-breaking hyphen (w:noBreakHyphen, U+2011) reads as "-", a no-break space as " ".
        return "".join("-" if node.tag == f"{W}noBreakHyphen" else
                       (node.text or "").translate(_AS_READ)
                       for node in p.iter() if node.tag in (f"{W}t", f"{W}noBreakHyphen"))

    def walk(element: ET.Element) -> None:
        for child in element:
            if child.tag == f"{W}p":
                out.append(text(child))
            elif child.tag == f"{W}tbl":
                for row in child.findall(f"{W}tr"):
                    for cell in row.findall(f"{W}tc"):
                        merge = cell.find(f"{W}tcPr/{W}vMerge")
                        if merge is not None and merge.get(f"{W}val") in (None, "continue"):
                            continue
                        walk(cell)

    body = root.find(f"{W}body")
    assert body is not None
    walk(body)
    return out


def docx_text(data: bytes) -> str:
    """The non-empty lines of a DOCX, one per line: the golden-file form."""
    return "\n".join(line for line in docx_lines(data) if line.strip()) + "\n"
