"""The body of a Quyết định read back so that it prints the same lines again."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT

from generator.document.context import decision
from generator.importing.decision import read_decision
from generator.importing.header import read_header
from generator.importing.outline import paragraphs
from generator.plan.checked import load_checked

DECISIONS = [p for p in sorted((ROOT / "tests" / "golden").glob("*.txt"))
             if load_checked(ROOT / "examples" / f"{p.stem}.yaml").plan["kind"] == "decision"]


@pytest.mark.parametrize("golden", DECISIONS, ids=lambda p: p.stem)
def test_the_decision_of_every_example_reads_back(golden: Path) -> None:
    found = paragraphs(golden.read_text(encoding="utf-8"))
    doc = load_checked(ROOT / "examples" / f"{golden.stem}.yaml").plan
    head = read_header(found)
    assert head.title_at is not None
    read = read_decision(found, head.title_at)
    printed = decision(doc)
    assert f"{read.summary_phrase} {read.summary}" == printed["summary"]
    assert read.authority == printed["authority"]
    part = dict(doc["decision"], bases=read.bases)
    if read.proposal is not None:
        part["proposal"] = read.proposal
    again = decision({**doc, "decision": part})
    assert (again["bases"], again["proposal"]) == (printed["bases"], printed["proposal"])
    ids = [b["id"] for b in read.bases]  # from the words: the same on every import
    assert len(set(ids)) == len(ids) == len(doc["decision"]["bases"])
    assert ids == [b["id"] for b in read_decision(found, head.title_at).bases]
    assert ["Điều " + str(i) + ". " + t for i, t in enumerate(read.articles, 1)] == [
        f"{a['label']} {a['text']}" for a in printed["articles"]]
    assert read.unread == [] and found[read.end].text == "Nơi nhận:"


def test_a_proposal_and_what_fits_nowhere() -> None:
    text = ("QUYẾT ĐỊNH\nBan hành Kế hoạch năm 2024\nGIÁM ĐỐC SỞ NỘI VỤ\n"
            "Xét đề nghị của Chánh Văn phòng Sở.\nMột câu lạ.\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành.\nĐiều 2. Thi hành./.\n")
    read = read_decision(paragraphs(text), 0)
    assert (read.summary_phrase, read.summary, read.authority) == (
        "Ban hành", "Kế hoạch năm 2024", "GIÁM ĐỐC SỞ NỘI VỤ")
    assert read.proposal == {"phrase": "Xét đề nghị của", "by": "Chánh Văn phòng Sở"}
    assert [p.text for p in read.unread] == ["Một câu lạ."]
    assert read.articles == ["Ban hành.", "Thi hành./."]
