"""plangen check on files that are not good DOCX packages: bombs, DOCTYPEs, wrong containers."""
from __future__ import annotations

import base64
import builtins
import errno
import io
import os
import struct
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from nd30_builder import typed_by_hand

from generator.cli import main
from generator.nd30 import package

MB = 1_000_000
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body>')
DOCUMENT_TAIL = b"</w:body></w:document>"
TOO_LARGE = {
    "en": "{path}: the document is too large to check safely ({what}: {value}; the limit is "
          "{limit})",
    "vi": "{path}: văn bản quá lớn, không kiểm tra an toàn được ({what}: {value}; giới hạn là "
          "{limit})",
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def refusal(path: Path, lang: str) -> str:
    """The one line plangen check prints on stderr for a file it cannot check (exit 2)."""
    result = invoke("--lang", lang, "check", str(path))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Traceback" not in result.output and "Error" not in result.stderr
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1
    return result.stderr.removesuffix("\n")


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A conforming DOCX typed by hand, as bytes."""
    path = tmp_path_factory.mktemp("good") / "good.docx"
    typed_by_hand().save(str(path))
    return path.read_bytes()


def repacked(good: bytes, path: Path, parts: dict[str, bytes | None],
             large: tuple[str, Iterator[bytes]] | None = None) -> Path:
    """The good DOCX with parts replaced or added (None: left out); `large` is one part deflated
    chunk by chunk, so that a test never holds it whole."""
    with zipfile.ZipFile(io.BytesIO(good)) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if large is not None and info.filename == large[0]:
                continue
            data = parts.get(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data)
        for name, data in parts.items():
            if data is not None and name not in source.namelist():
                target.writestr(name, data)
        if large is not None:
            with target.open(large[0], "w") as member:
                for chunk in large[1]:
                    member.write(chunk)
    return path


def empty_paragraphs(size: int) -> Iterator[bytes]:
    """A document.xml of exactly `size` bytes: empty paragraphs (padded with spaces)."""
    count, pad = divmod(size - len(DOCUMENT_HEAD) - len(DOCUMENT_TAIL), len(b"<w:p/>"))
    yield DOCUMENT_HEAD
    block = 1 << 16
    for start in range(0, count, block):
        yield b"<w:p/>" * min(block, count - start)
    yield b" " * pad + DOCUMENT_TAIL


def forged(path: Path, name: str, **sizes: int) -> None:
    """Rewrite the sizes the ZIP's central directory declares for a part (file_size,
    compress_size), as a hostile file would; the data stay as they are."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_length] == name.encode():
            if "compress_size" in sizes:
                struct.pack_into("<I", data, at + 20, sizes["compress_size"])
            if "file_size" in sizes:
                struct.pack_into("<I", data, at + 24, sizes["file_size"])
        at = data.find(b"PK\x01\x02", at + 46)
    path.write_bytes(bytes(data))


class Decompressed(dict[str, int]):
    """Bytes decompressed from each part by plangen check (what was really read)."""

    def check(self, path: Path, lang: str) -> str:
        """The refusal of a file, counting only what checking it decompressed."""
        self.clear()
        return refusal(path, lang)


@pytest.fixture
def decompressed(monkeypatch: pytest.MonkeyPatch) -> Decompressed:
    counts = Decompressed()
    real_update = zipfile.ZipExtFile._update_crc  # type: ignore[attr-defined]

    def update_crc(self: zipfile.ZipExtFile, data: bytes) -> None:
        # every decompressed chunk passes here, the last one before its checksum is compared
        counts[self.name] = counts.get(self.name, 0) + len(data)
        real_update(self, data)

    monkeypatch.setattr(zipfile.ZipExtFile, "_update_crc", update_crc)
    return counts


# --- 1. bounds before parsing ----------------------------------------------------------------

@pytest.mark.parametrize("size", [100 * MB, 400 * MB], ids=["100-MB", "400-MB"])
def test_a_zip_bomb_is_refused_before_its_document_is_decompressed(
        good: bytes, tmp_path: Path, decompressed: Decompressed, size: int) -> None:
    path = repacked(good, tmp_path / "bomb.docx", {},
                    ("word/document.xml", empty_paragraphs(size)))
    assert path.stat().st_size < MB  # 100 MB of paragraphs: a 190 KB file, 400 MB: 620 KB
    shown = f"{size // MB} MB"
    for lang, what in (("en", "uncompressed size of word/document.xml"),
                       ("vi", "kích thước sau giải nén của word/document.xml")):
        assert decompressed.check(path, lang) == TOO_LARGE[lang].format(
            path=path, what=what, value=shown, limit="50 MB")
    assert decompressed == {}  # refused on the ZIP's directory: not a byte decompressed


def test_a_directory_that_understates_a_part_is_not_believed(
        good: bytes, tmp_path: Path, decompressed: Decompressed) -> None:
    path = repacked(good, tmp_path / "forged.docx", {},
                    ("word/document.xml", empty_paragraphs(100 * MB)))
    forged(path, "word/document.xml", file_size=MB)
    assert decompressed.check(path, "en") == (
        f"{path}: the ZIP package is damaged (word/document.xml cannot be decompressed or does "
        "not match its checksum)")
    assert decompressed["word/document.xml"] <= MB  # stopped where the directory said it ends


def test_a_part_compressed_beyond_100_to_1_is_refused(good: bytes, tmp_path: Path) -> None:
    path = repacked(good, tmp_path / "ratio.docx", {},
                    ("word/document.xml", empty_paragraphs(6 * MB)))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    ratio = f"{info.file_size // info.compress_size}:1"
    assert refusal(path, "en") == TOO_LARGE["en"].format(
        path=path, what="compression ratio of word/document.xml", value=ratio,
        limit="100:1 for a part over 5 MB")
    assert refusal(path, "vi") == TOO_LARGE["vi"].format(
        path=path, what="tỷ lệ nén của word/document.xml", value=ratio,
        limit="100:1 với thành phần lớn hơn 5 MB")


def test_a_small_part_may_compress_far_beyond_100_to_1(good: bytes, tmp_path: Path) -> None:
    # 4 MB of the same bytes: a ratio of several hundred, below the size where it counts.
    path = repacked(good, tmp_path / "small.docx", {"customXml/item9.xml": b"<a>" + b"x" * (
        4 * MB) + b"</a>"})
    result = invoke("--lang", "en", "check", str(path))
    assert result.exit_code == 0, result.output


def test_too_many_entries_are_refused(good: bytes, tmp_path: Path) -> None:
    extra: dict[str, bytes | None] = {f"customXml/item{number}.bin": b""
                                      for number in range(package.MAX_ENTRIES)}
    path = repacked(good, tmp_path / "entries.docx", extra)
    with zipfile.ZipFile(path) as archive:
        count = len(archive.infolist())
    assert refusal(path, "en") == TOO_LARGE["en"].format(
        path=path, what="entries in the ZIP package", value=count, limit=2000)
    assert refusal(path, "vi") == TOO_LARGE["vi"].format(
        path=path, what="số mục trong gói ZIP", value=count, limit=2000)


def test_parts_too_large_together_are_refused(good: bytes, tmp_path: Path,
                                              decompressed: Decompressed) -> None:
    parts: dict[str, bytes | None] = {f"word/media/image{n}.png": b"\x89PNG" for n in range(3)}
    path = repacked(good, tmp_path / "total.docx", parts)
    for name in parts:  # each 40 MB at 40:1 would pass alone
        forged(path, name, file_size=40 * MB, compress_size=MB)
    assert decompressed.check(path, "en") == TOO_LARGE["en"].format(
        path=path, what="total uncompressed size of the parts", value="more than 100 MB",
        limit="100 MB")
    assert decompressed == {}
    assert refusal(path, "vi") == TOO_LARGE["vi"].format(
        path=path, what="tổng kích thước sau giải nén của các thành phần",
        value="hơn 100 MB", limit="100 MB")


def test_a_file_too_large_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with path.open("wb") as handle:  # sparse: no disk written
        handle.truncate(101 * MB)
    assert refusal(path, "en") == TOO_LARGE["en"].format(
        path=path, what="size of the file", value="101 MB", limit="100 MB")
    assert refusal(path, "vi") == TOO_LARGE["vi"].format(
        path=path, what="kích thước tệp", value="101 MB", limit="100 MB")


def test_too_many_xml_elements_are_refused_while_parsing(good: bytes, tmp_path: Path) -> None:
    # 4 MB of <p/>: within every size bound, but a million elements for lxml to build.
    body = DOCUMENT_HEAD + b"<p/>" * package.MAX_ELEMENTS + DOCUMENT_TAIL
    path = repacked(good, tmp_path / "elements.docx", {"word/document.xml": body})
    assert refusal(path, "en") == TOO_LARGE["en"].format(
        path=path, what="XML elements in the package", value="more than 1000000",
        limit=1000000)
    assert refusal(path, "vi") == TOO_LARGE["vi"].format(
        path=path, what="số phần tử XML trong gói", value="hơn 1000000", limit=1000000)


def test_a_text_too_long_is_refused_while_parsing(good: bytes, tmp_path: Path) -> None:
    text = base64.b64encode(os.urandom(3_800_000))  # 5 066 668 letters that barely compress
    body = DOCUMENT_HEAD + b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>" + DOCUMENT_TAIL
    path = repacked(good, tmp_path / "text.docx", {"word/document.xml": body})
    assert refusal(path, "en") == TOO_LARGE["en"].format(
        path=path, what="characters in one XML text of word/document.xml",
        value="more than 5000000", limit=5000000)
    assert refusal(path, "vi") == TOO_LARGE["vi"].format(
        path=path, what="số ký tự của một đoạn văn bản XML trong word/document.xml",
        value="hơn 5000000", limit=5000000)


# --- 2. no DOCTYPE -----------------------------------------------------------------------------

@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml",
                                  "[Content_Types].xml"])
def test_a_doctype_is_refused_and_no_entity_is_expanded(good: bytes, tmp_path: Path,
                                                        part: str) -> None:
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        xml = archive.read(part)
    head, declaration, rest = xml.partition(b"?>")
    laughs = (b'<!DOCTYPE root [<!ENTITY a "KE HOACH"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
              b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>')
    path = repacked(good, tmp_path / "doctype.docx", {part: head + declaration + laughs + rest})
    assert refusal(path, "en") == (f"{path}: {part} declares a document type (<!DOCTYPE …>), "
                                   "which Word does not open in a DOCX; plangen does not read "
                                   "it")
    assert refusal(path, "vi") == (f"{path}: {part} có khai báo kiểu tài liệu (<!DOCTYPE …>), "
                                   "Word không mở tệp DOCX như vậy; plangen không đọc tệp này")


# --- 3. containers that are not good DOCX ------------------------------------------------------

def _plain_zip(good: bytes, path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")


def _without(part: str) -> Callable[[bytes, Path], None]:
    def build(good: bytes, path: Path) -> None:
        repacked(good, path, {part: None})
    return build


def _corrupt_xml(good: bytes, path: Path) -> None:
    styles = (b'<?xml version="1.0"?>\n<w:styles xmlns:w="' + W_NS.encode() + b'">\n'
              b"  <w:style></w:styles>")
    repacked(good, path, {"word/styles.xml": styles})


def _bad_checksum(good: bytes, path: Path) -> None:
    with zipfile.ZipFile(repacked(good, path, {})) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _workbook(good: bytes, path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(b"wordprocessingml.document.main+xml",
                          b"spreadsheetml.sheet.main+xml")
    repacked(good, path, {"[Content_Types].xml": types})


def _bytes(content: bytes) -> Callable[[bytes, Path], None]:
    def build(good: bytes, path: Path) -> None:
        path.write_bytes(content)
    return build


CONTAINERS: dict[str, tuple[Callable[[bytes, Path], None], str, str]] = {
    "empty": (_bytes(b""), "is empty (0 bytes), not a DOCX file",
              "là tệp rỗng (0 byte), không phải tệp DOCX"),
    "text": (_bytes(b"plain text, not a zip"),
             "is not a DOCX file (a DOCX is a ZIP package; an old .doc, a PDF or a text file is "
             "not)",
             "không phải tệp DOCX (tệp DOCX là một gói ZIP; tệp .doc cũ, PDF hay tệp văn bản "
             "thường thì không phải)"),
    "encrypted": (_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)),
                  "is an encrypted Word file or an old .doc (an OLE compound file, not a ZIP "
                  "package): remove the password, or save it as .docx in Word, and check that "
                  "file",
                  "là tệp Word có đặt mật khẩu hoặc tệp .doc cũ (tệp phức hợp OLE, không phải gói "
                  "ZIP): hãy gỡ mật khẩu, hoặc mở bằng Word và lưu thành .docx, rồi kiểm tra tệp "
                  "đó"),
    "zip-of-text": (_plain_zip,
                    "is a ZIP file but not a Word document (it has no [Content_Types].xml)",
                    "là tệp ZIP nhưng không phải văn bản Word (không có [Content_Types].xml)"),
    "no-document": (_without("word/document.xml"),
                    "is a ZIP file but not a Word document (it has no word/document.xml)",
                    "là tệp ZIP nhưng không phải văn bản Word (không có word/document.xml)"),
    "no-relationships": (_without("_rels/.rels"),
                         "is a ZIP file but not a Word document (it has no _rels/.rels)",
                         "là tệp ZIP nhưng không phải văn bản Word (không có _rels/.rels)"),
    "workbook": (_workbook,
                 "is not a Word document (its main part word/document.xml is of type "
                 "«application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml»)",
                 "không phải văn bản Word (phần chính word/document.xml có kiểu "
                 "«application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml»)"),
    "corrupt-xml": (_corrupt_xml,
                    "word/styles.xml is not well-formed XML (line 3, column 23)",
                    "word/styles.xml không phải XML hợp lệ (dòng 3, cột 23)"),
    "bad-checksum": (_bad_checksum,
                     "the ZIP package is damaged (word/document.xml cannot be decompressed or "
                     "does not match its checksum)",
                     "gói ZIP bị hỏng (word/document.xml không giải nén được hoặc không khớp mã "
                     "kiểm tra)"),
}


@pytest.mark.parametrize("case", CONTAINERS.values(), ids=CONTAINERS.keys())
def test_a_file_that_is_not_a_good_docx_is_said_in_our_words(
        good: bytes, tmp_path: Path, case: tuple[Callable[[bytes, Path], None], str, str]
) -> None:
    build, english, vietnamese = case
    path = tmp_path / "file.docx"
    build(good, path)
    assert refusal(path, "en") == f"{path}: {english}"
    assert refusal(path, "vi") == f"{path}: {vietnamese}"


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path, "en") == f"{tmp_path}: is a folder, not a DOCX file"
    assert refusal(tmp_path, "vi") == f"{tmp_path}: là một thư mục, không phải tệp DOCX"
    missing = tmp_path / "missing.docx"
    assert refusal(missing, "en") == f"{missing}: no such file"
    assert refusal(missing, "vi") == f"{missing}: không có tệp này"


def test_a_file_without_permission_to_read(good: bytes, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(good)
    real_open = builtins.open

    def locked_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(file) == str(path):  # tests run as root: a chmod would not stop reading
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", locked_open)
    assert refusal(path, "en") == f"{path}: cannot be read (permission denied)"
    assert refusal(path, "vi") == f"{path}: không đọc được tệp (không có quyền truy cập)"
