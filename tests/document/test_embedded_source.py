"""A rendered plan carries its source YAML exactly, through LibreOffice and python-docx saves."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from helpers import EXAMPLES, ROOT, render
from hypothesis import given, settings
from hypothesis import strategies as st
from ooxml import assert_valid_ooxml

from generator import api
from generator.document import embedded
from generator.document.embedded import EmbeddedSource, UnreadableSource, embedded_source
from generator.nd30 import check_docx
from generator.plan.load import load_text, read_text
from generator.shell.errors import InvalidInput
from generator.shell.i18n import translate

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"
# Text an XML writer must escape or could mangle: markup, Jinja, CR LF, a lone CR, a tab,
# Vietnamese typed decomposed (read as NFC), a character beyond the BMP, ']]>'.
TRICKY = ("# & < > \" ' ]]> {{ 7*7 }} {% if x %} <w:t>x</w:t> &amp; &#13;\r\n"
          "# Ke\u0302\u0301 hoa\u0323ch năm 2024 😀\t(tab)\r"
          "#   trailing spaces   \r\n")


def parts(data: bytes) -> dict[str, bytes]:
    """Every member of a DOCX by name: its content without the ZIP's timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def tricky_plan(folder: Path) -> Path:
    """The minimal plan with TRICKY comments, CRLF lines, text values holding & < {{ }}."""
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "Tổng hợp báo cáo.", '"Tổng hợp & gửi <b>báo cáo</b> {{ 7*7 }}."')
    path = folder / "khó & <đọc>.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (TRICKY + text.replace("\n", "\r\n")).encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every example, the tricky plan and one near the 2 MB limit of a plan file."""
    folder = tmp_path_factory.mktemp("sources")
    long = folder / "long.yaml"
    line = "# <Phụ lục> & {{ xã }} — một dòng chú thích dài để tệp lớn gần giới hạn 2 MB\n"
    long.write_text(line * (1_900_000 // len(line.encode("utf-8")))
                    + MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    return [*EXAMPLES, tricky_plan(folder), long]


@pytest.fixture(scope="module")
def rendered(sources: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every source rendered as `plangen render` does, into one folder."""
    out = tmp_path_factory.mktemp("rendered")
    api.render_files(api.RenderRequest(sources, out, workers=2))
    return out


def expected(source: Path) -> EmbeddedSource:
    """What a DOCX of SOURCE must carry: its name and its text as plangen reads it (NFC)."""
    return EmbeddedSource(source.name, read_text(source, source.name))


def test_each_file_rendered_carries_its_text_exactly(sources: list[Path], rendered: Path) -> None:
    for source in sources:
        data = (rendered / f"{source.stem}.docx").read_bytes()
        assert embedded_source(data) == expected(source), source.name
    tricky = expected(sources[-2]).text
    assert "\r\n" in tricky and "\r#" in tricky and "Kế hoạch" in tricky and "😀" in tricky
    assert unicodedata.is_normalized("NFC", tricky)


def test_render_bytes_carries_it_too_and_stays_valid(sources: list[Path]) -> None:
    for source in sources[-2:]:  # the examples are validated by every other test that renders
        data = render(source)
        assert embedded_source(data) == expected(source)
        assert not check_docx(io.BytesIO(data)), source.name


def test_the_layout_is_a_custom_xml_item_with_its_properties(rendered: Path) -> None:
    members = parts((rendered / "ha-giang-2023.docx").read_bytes())
    assert {"customXml/item1.xml", "customXml/itemProps1.xml",
            "customXml/_rels/item1.xml.rels"} <= set(members)
    assert members["customXml/item1.xml"].startswith(
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<plangen:source "
        b'xmlns:plangen="urn:plangen:source:1" file="ha-giang-2023.yaml">#')
    assert b'ds:uri="urn:plangen:source:1"' in members["customXml/itemProps1.xml"]
    assert b'relationships/customXml" Target="../customXml/item1.xml"' in members[
        "word/_rels/document.xml.rels"]


def test_the_same_input_gives_the_same_parts(sources: list[Path], rendered: Path) -> None:
    for source in sources[:-1]:
        assert parts(api.render_bytes(source)) == parts(
            (rendered / f"{source.stem}.docx").read_bytes()), source.name


def test_a_plan_rendered_from_memory_carries_nothing() -> None:
    assert embedded_source(api.render_plan(api.check_plan(MINIMAL))) is None


def test_a_docx_without_it_is_none(tmp_path: Path) -> None:
    blank = io.BytesIO()
    docx.Document().save(blank)
    assert embedded_source(blank.getvalue()) is None
    table = tmp_path / "table.docx"
    api.diff_files(MINIMAL, MINIMAL, "docx", out=table)
    assert embedded_source(table.read_bytes()) is None


def test_survives_a_python_docx_open_and_save(rendered: Path, sources: list[Path]) -> None:
    for source in sources:
        document = docx.Document(str(rendered / f"{source.stem}.docx"))
        document.add_paragraph("Sửa trong Word.")
        saved = io.BytesIO()
        document.save(saved)
        assert embedded_source(saved.getvalue()) == expected(source), source.name


def test_survives_libreoffice(rendered: Path, sources: list[Path], tmp_path: Path) -> None:
    if SOFFICE is None:
        if REQUIRED:
            pytest.fail("LibreOffice is required (PLANGEN_REQUIRE_LIBREOFFICE=1)")
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "out"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "docx", "--outdir", str(out),
                    *(str(rendered / f"{source.stem}.docx") for source in sources)],
                   check=True, capture_output=True, timeout=300)
    for source in sources:
        assert embedded_source((out / f"{source.stem}.docx").read_bytes()) == expected(
            source), source.name


def word_item(document: docx.document.Document, number: int, xml: bytes) -> None:
    """A custom XML item of another program, as Word adds (a bibliography, cover page data)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    item = Part(PackURI(f"/customXml/item{number}.xml"), CT.XML, xml, package)
    props = Part(PackURI(f"/customXml/itemProps{number}.xml"), CT.OFC_CUSTOM_XML_PROPERTIES,
                 b'<ds:datastoreItem ds:itemID="{6C4A9E3A-58B1-4E43-9D4B-3F0D6A1B2C%02d}" '
                 b'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>'
                 % number, package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    document.part.relate_to(item, RT.CUSTOM_XML)


def test_found_among_the_items_word_adds() -> None:
    document = docx.Document(io.BytesIO(api.render_plan(api.check_plan(MINIMAL))))
    word_item(document, 1, b'<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocum'
                           b'ent/2006/bibliography" SelectedStyle="\\APA.XSL"/>')
    word_item(document, 2, b"<not well-formed")
    word_item(document, 3, b'<?xml version="1.0"?><x xmlns="urn:plangen:source:1">not ours</x>')
    source = EmbeddedSource("a.yaml", "plangen: 1\n")
    embedded.embed_source(document, source)
    saved = io.BytesIO()
    document.save(saved)
    assert "customXml/item4.xml" in parts(saved.getvalue())
    assert embedded_source(saved.getvalue()) == source
    assert_valid_ooxml(saved.getvalue())


def test_embedding_again_replaces_the_source_a_template_carried() -> None:
    document = docx.Document(io.BytesIO(api.render_plan(api.check_plan(MINIMAL))))
    embedded.embed_source(document, EmbeddedSource("old.yaml", "plangen: 1 # old\n"))
    embedded.embed_source(document, EmbeddedSource("new.yaml", "plangen: 1 # new\n"))
    saved = io.BytesIO()
    document.save(saved)
    items = [name for name in parts(saved.getvalue()) if name.startswith("customXml/item")]
    assert embedded_source(saved.getvalue()) == EmbeddedSource("new.yaml", "plangen: 1 # new\n")
    assert len(items) == 2  # one item and its properties
    assert_valid_ooxml(saved.getvalue())


def test_what_xml_cannot_hold_is_replaced_not_a_crash() -> None:
    # Never from a plan file: the YAML reader refuses these, even in a comment.
    with pytest.raises(InvalidInput):
        load_text("# \x01\n" + MINIMAL.read_text(encoding="utf-8"), "t.yaml")
    data = api.render_plan(api.check_plan(MINIMAL),
                           source=EmbeddedSource("a\x01.yaml", "x\x00\ufffey"))
    assert embedded_source(data) == EmbeddedSource("a\ufffd.yaml", "x\ufffd\ufffdy")


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def message(error: UnreadableSource, lang: str = "en") -> str:
    return translate(error.message, lang)


def test_bad_input_is_a_message_never_a_traceback(rendered: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    good = (rendered / "ha-giang-2023.docx").read_bytes()
    cases = {
        b"": "x.docx: is not a DOCX file",
        b"plangen: 1\n": "x.docx: is not a DOCX file",
        good[: len(good) // 2]: "x.docx: is not a DOCX file",
        zipped({"customXml/item1.xml": b'<s xmlns="urn:plangen:source:1"'}):
            "x.docx: the plan's source kept in customXml/item1.xml is not well-formed XML",
    }
    version = bytearray(good)
    central = version.rindex(b"PK\x01\x02")  # the last entry of the ZIP's directory
    version[central + 6] = 75  # needs ZIP version 7.5 to extract
    cases[bytes(version)] = "x.docx: the ZIP package is damaged and cannot be opened"
    for data, start in cases.items():
        with pytest.raises(UnreadableSource) as caught:
            embedded_source(data, "x.docx")
        assert message(caught.value).startswith(start), message(caught.value)
        assert message(caught.value, "vi").startswith("x.docx: ")
        assert message(caught.value, "vi") != message(caught.value)
    monkeypatch.setattr(embedded, "MAX_ITEM_BYTES", 1000)
    with pytest.raises(UnreadableSource) as caught:
        embedded_source(good, "x.docx")
    assert message(caught.value) == ("x.docx: the document is too large to read safely "
                                     "(uncompressed size of customXml/item1.xml: "
                                     f"{len(parts(good)['customXml/item1.xml'])}; the limit is "
                                     "1000)")


def test_an_entity_is_never_expanded() -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<s xmlns="urn:plangen:source:1" file="a.yaml">&b;</s>')
    assert embedded_source(zipped({"customXml/item1.xml": bomb})) is None


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_damaged_docx_is_none_a_source_or_a_message(data: st.DataObject) -> None:
    good = _small_docx(data.draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])))
    at = data.draw(st.integers(0, len(good) - 1))
    mangled = good[:at] + bytes([data.draw(st.integers(0, 255))]) + good[at + 1:]
    try:
        found = embedded_source(mangled)
    except UnreadableSource:
        return
    assert found is None or isinstance(found, EmbeddedSource)


_SMALL: dict[int, bytes] = {}


def _small_docx(method: int) -> bytes:
    """A DOCX of a source item, its parts compressed with METHOD (stored: a changed byte lands
    in the XML itself, not only in compressed data)."""
    if method not in _SMALL:
        document = docx.Document()
        embedded.embed_source(document, EmbeddedSource("a.yaml", "plangen: 1 # &<\n"))
        saved = io.BytesIO()
        document.save(saved)
        _SMALL[method] = zipped(parts(saved.getvalue()), method)
    return _SMALL[method]
