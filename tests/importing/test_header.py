"""The header of an ND30 document read back from its text, as the examples print it."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from generator.importing.header import Header, issuer_name, read_header
from generator.importing.outline import paragraphs
from generator.plan.checked import load_checked

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.txt"))


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_the_header_of_every_example_reads_back(golden: Path) -> None:
    text = golden.read_text(encoding="utf-8")
    head = read_header(paragraphs(text))
    doc = load_checked(ROOT / "examples" / f"{golden.stem}.yaml").plan
    issuer = doc["issuer"]
    assert (head.kind, head.header, head.parent, head.code, head.number, head.place) == (
        doc["kind"], issuer.get("header"), issuer.get("parent"), issuer["code"],
        doc.get("number"), issuer["place"])
    if doc.get("date"):
        assert (head.date, head.issue_year) == (str(doc["date"]), None)
    else:
        assert (head.date, head.issue_year) == (None, doc.get("issue_year", doc["year"]))
    assert issuer_name(head, text) == issuer["name"]
    assert paragraphs(text)[head.title_at or 0].text in ("QUYẾT ĐỊNH", "KẾ HOẠCH")


@pytest.mark.parametrize(("line", "date", "issue_year"), [
    ("Hà Giang, ngày 19 tháng 12 năm 2022", "2022-12-19", None),
    ("Gia Lai, ngày     tháng 01 năm 2024", "2024-01", None),
    ("Tuyên Quang, ngày     tháng     năm 2021", None, 2021),
    ("Hà Nội, ngày 30 tháng 02 năm 2024", None, 2024),  # no such day: asked for, not guessed
])
def test_the_place_and_date_line(line: str, date: str | None, issue_year: int | None) -> None:
    head = read_header(paragraphs(f"{line}\nKẾ HOẠCH\n"))
    assert (head.place, head.date, head.issue_year) == (line.split(",")[0], date, issue_year)


def test_the_columns_may_come_in_either_order_and_a_name_never_in_prose_is_not_guessed() -> None:
    text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Bình Định, ngày 05 tháng 01 năm 2024\nUBND TỈNH BÌNH ĐỊNH\nBAN DÂN TỘC\n"
            "Số: 12/KH-BDT\nKẾ HOẠCH\nTuyên truyền năm 2024\n")
    head = read_header(paragraphs(text))
    assert head == Header(kind="plan", header=["BAN DÂN TỘC"], parent="UBND TỈNH BÌNH ĐỊNH",
                          code="BDT", number=12, place="Bình Định", date="2024-01-05",
                          title_at=6)
    assert issuer_name(head, text) is None
