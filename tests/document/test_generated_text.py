"""What the generator writes itself: numbering, dates, symbols, signatures, literal hostile text."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, docx_lines

from generator.document.context import build, signer
from generator.document.render import render_document
from generator.plan import vietnamese as vn
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.shell.errors import TemplateFailed

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")


def render_text(text: str, templates: Path | None = None) -> list[str]:
    return docx_lines(render_document(build(validate(load_text(text, "t.yaml"))), templates))


def test_point_letters_follow_the_vietnamese_alphabet() -> None:
    assert [vn.point_letter(i) for i in range(14)] == [*"abcd", "đ", *"eghiklmno"]


def test_point_letters_continue_past_o_and_then_with_two_letters() -> None:
    single = [*"abcd", "đ", *"eghiklmnopqrstuvxy"]
    assert [vn.point_letter(i) for i in range(23)] == single
    # From the 24th point on: aa, ab, … ay, then ba, bb, …
    assert [vn.point_letter(i) for i in range(23, 23 + 23)] == [f"a{x}" for x in single]
    assert [vn.point_letter(i) for i in range(46, 49)] == ["ba", "bb", "bc"]
    assert vn.point_letter(23 * 24 - 1) == "yy"


def test_zero_rule() -> None:
    assert vn.long_date(dt.date(2024, 1, 5), 2024) == "ngày 05 tháng 01 năm 2024"
    assert vn.long_date(dt.date(2022, 12, 19), 2022) == "ngày 19 tháng 12 năm 2022"
    assert vn.short_date(dt.date(2015, 6, 19)) == "19/6/2015"
    assert vn.short_date(dt.date(2015, 2, 4)) == "04/02/2015"
    assert vn.long_date(None, 2024) == "ngày     tháng     năm 2024"


def test_roman_and_upper() -> None:
    assert [vn.roman(n) for n in (1, 4, 5, 9, 14)] == ["I", "IV", "V", "IX", "XIV"]
    assert vn.upper("Ủy ban nhân dân tỉnh Hà Giang") == "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG"


@pytest.mark.parametrize(("part", "lines"), [
    ({"title": "GIÁM ĐỐC", "name": "A"}, ["GIÁM ĐỐC"]),
    ({"mode": "KT", "head": "Giám đốc", "title": "Phó Giám đốc", "name": "A"},
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
    ({"on_behalf": "Ủy ban nhân dân", "mode": "KT", "head": "Chủ tịch", "title": "Phó Chủ tịch",
      "name": "A"}, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
    ({"mode": "Q", "head": "Giám đốc", "name": "A"}, ["Q. GIÁM ĐỐC"]),
    ({"mode": "TL", "head": "Chủ tịch", "title": "Chánh Văn phòng", "name": "A"},
     ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
    ({"on_behalf": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "A"},
     ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
])
def test_signature_lines(part: dict[str, str], lines: list[str]) -> None:
    assert signer(part) == {"lines": lines, "name": "A"}


def test_minimal_plan_text() -> None:
    lines = [line for line in render_text(MINIMAL) if line.strip()]
    assert "Số: 05/QĐ-UBND" in lines
    assert "Bình Định, ngày 05 tháng 01 năm 2024" in lines
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;" in lines
    assert ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 1/TTr-SNV ngày 02 tháng 01 "
            "năm 2024.") in lines
    assert lines[-len(lines) + lines.index("QUYẾT ĐỊNH:") + 1].startswith("Điều 1. Ban hành")
    reference = ("Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh "
                 "Bình Định")
    assert f"(Ban hành kèm theo {reference})" in lines
    assert f"(Kèm theo {reference})" in lines
    assert lines[lines.index("1. Mục đích") + 1:][:4] == [
        "a) Nâng cao nhận thức về cải cách hành chính.",
        "b) Tăng cường sự hài lòng của người dân", "- Ý một", "- Ý hai"]
    assert "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2024./." in lines
    assert "- Lưu: VT, NC." in lines
    assert lines[-5:] == ["2.1", "Lớp cấp tỉnh", "2.2", "Lớp cấp xã", "Quý IV/2024"]


def test_a_draft_shows_the_blanks() -> None:
    text = MINIMAL.replace("number: 5\n", "").replace("date: 2024-01-05\n", "")
    lines = render_text(text)
    assert "Số:      /QĐ-UBND" in lines
    assert "Bình Định, ngày     tháng     năm 2024" in lines


HOSTILE = ["& < > \" ' a&amp;b", "{{ 7*7 }} {% if x %} {#c#} {_{ }_}", "<w:p><w:r/></w:p>",
           "\u202bمرحبا\u202c \u200fRTL", "😀👩‍👩‍👧 emoji", "x" * 3000]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_comes_out_literally(text: str) -> None:
    data = yaml.safe_load(MINIMAL)
    data["plan"]["objectives"]["items"][0] = text
    data["appendix"]["rows"][0]["content"] = text
    lines = render_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert f"a) {text}" in lines
    assert text in lines


def broken_copy(tmp_path: Path, replace: str, by: str) -> Path:
    folder = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", folder)
    target = folder / "plan" / "plan.docx"
    with zipfile.ZipFile(target) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    xml = entries["word/document.xml"].decode("utf-8")
    assert replace in xml
    entries["word/document.xml"] = xml.replace(replace, by, 1).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in entries.items():
            out.writestr(name, data)
    target.write_bytes(buffer.getvalue())
    return folder


def test_a_broken_user_template_names_the_file_and_the_text_around(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "KẾ HOẠCH", "KẾ HOẠCH {% if %}")
    with pytest.raises(TemplateFailed) as caught:
        render_text(MINIMAL, folder)
    message = caught.value.message
    assert message.msgid == "the template {path} is broken: {reason}; near: {around}"
    assert message.params["path"] == str(folder / "plan" / "plan.docx")
    assert "KẾ HOẠCH" in message.params["around"]


def test_an_unknown_variable_in_a_user_template_is_an_error(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "KẾ HOẠCH", "{{ plan.nothing }}")
    with pytest.raises(TemplateFailed) as caught:
        render_text(MINIMAL, folder)
    assert "nothing" in caught.value.message.params["reason"]


def test_a_user_template_that_is_not_a_docx(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates", folder)
    (folder / "plan" / "plan.docx").write_text("not a zip", encoding="utf-8")
    with pytest.raises(TemplateFailed) as caught:
        render_text(MINIMAL, folder)
    assert caught.value.message.msgid == "the template {path} is not a valid DOCX file: {reason}"
