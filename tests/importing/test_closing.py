"""Nơi nhận and the signer read back from the text, so that they print the same lines again."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from generator.document.context import recipients, signer
from generator.importing.closing import read_closing
from generator.importing.closing import signer as read_signer
from generator.importing.outline import paragraphs
from generator.plan.checked import load_checked

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.txt"))


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.stem)
def test_the_closing_of_every_example_reads_back(golden: Path) -> None:
    found = paragraphs(golden.read_text(encoding="utf-8"))
    doc = load_checked(ROOT / "examples" / f"{golden.stem}.yaml").plan
    closing = read_closing(found, 0)
    assert closing is not None
    assert closing.recipients == doc["recipients"]
    assert (closing.archive, closing.copies) == (doc.get("archive", []), doc.get("copies"))
    read = {"recipients": closing.recipients, "archive": closing.archive,
            **({"copies": closing.copies} if closing.copies else {})}
    assert recipients(read) == recipients(doc)
    assert signer(closing.signer) == signer(doc["signer"])
    assert found[closing.end - 1].text == doc["signer"]["name"]


@pytest.mark.parametrize(("lines", "name", "read"), [
    (["CHỦ TỊCH"], "A", {"mode": "none", "title": "CHỦ TỊCH", "name": "A"}),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "B",
     {"on_behalf": "ỦY BAN NHÂN DÂN", "mode": "KT", "head": "CHỦ TỊCH",
      "title": "PHÓ CHỦ TỊCH", "name": "B"}),
    (["Q. GIÁM ĐỐC"], "C", {"mode": "Q", "head": "GIÁM ĐỐC", "name": "C"}),
    (["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"], "D",
     {"mode": "TL", "head": "GIÁM ĐỐC", "title": "CHÁNH VĂN PHÒNG", "name": "D"}),
])
def test_every_signing_mode(lines: list[str], name: str, read: dict[str, str]) -> None:
    assert read_signer(lines, name) == read
    assert signer(read)["lines"] == lines


def test_no_recipients_no_closing() -> None:
    assert read_closing(paragraphs("Điều 3. Thi hành.\nCHỦ TỊCH\n"), 0) is None
