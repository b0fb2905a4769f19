"""Legal bases read back: structured when that prints the very words read, else kept as text."""
from __future__ import annotations

import os
from typing import Any

import pytest
from helpers import EXAMPLES, ROOT

from generator.importing.citations import citation_id, parse_basis, parse_citation
from generator.importing.outline import paragraphs
from generator.plan.checked import load_checked
from generator.plan.citation import basis, citation

SEEDS = ROOT.parent / "shared" / "seeds"


def bases(path: Any) -> list[tuple[dict[str, Any], bool]]:
    decision = load_checked(path).plan.get("decision", {})
    return [(b, bool(decision.get("long_dates"))) for b in decision.get("bases", [])]


CASES = [(path.stem, base, long) for path in EXAMPLES for base, long in bases(path)]


@pytest.mark.parametrize(("stem", "base", "long"), CASES,
                         ids=[f"{c[0]}-{c[1]['id']}" for c in CASES])
def test_every_example_basis_reads_back_to_what_it_prints(stem: str, base: dict[str, Any],
                                                           long: bool) -> None:
    printed = basis(base, long_dates=long)
    read = parse_basis(printed)
    assert read is not None
    assert basis({**read[0], "also": read[1:]}, long_dates=long) == printed
    if "text" not in base:  # written structured by hand: read back to the same fields
        assert read[0] == {k: v for k, v in base.items() if k not in ("id", "also")}


@pytest.mark.parametrize(("text", "cite"), [
    ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể",
     {"type": "Nghị quyết", "number": "76/NQ-CP", "date": "2021-07-15", "issuer": "Chính phủ",
      "title": "ban hành Chương trình tổng thể"}),
    ("Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ Về việc đẩy mạnh",
     {"type": "Chỉ thị", "number": "23/CT-TTg", "date": "2021-09-02",
      "issuer": "Thủ tướng Chính phủ", "title": "Về việc đẩy mạnh"}),
    ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ ngày 22/11/2019",
     {"type": "Luật", "title": "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ",
      "date": "2019-11-22"}),
    ("Kế hoạch số 15/KH-UBND ngày 26/01/2021 của UBND tỉnh về tuyên truyền",
     {"type": "Kế hoạch", "number": "15/KH-UBND", "date": "2021-01-26", "issuer": "UBND tỉnh",
      "title": "về tuyên truyền"}),
    # A date printed against ND30's zero rule (01/7 for 1/7) would print otherwise: kept as text.
    ("Quyết định số 5/QĐ-UBND ngày 5/07/2021 của UBND tỉnh về việc",
     {"text": "Quyết định số 5/QĐ-UBND ngày 5/07/2021 của UBND tỉnh về việc"}),
    ("Quyết định số 5/QĐ-UBND ngày 30/02/2021 của UBND tỉnh",
     {"text": "Quyết định số 5/QĐ-UBND ngày 30/02/2021 của UBND tỉnh"}),
    ("Hướng dẫn của Ban Tuyên giáo Tỉnh ủy", {"type": "Hướng dẫn",
                                             "issuer": "Ban Tuyên giáo Tỉnh ủy"}),
    ("ý kiến chỉ đạo của Chủ tịch", {"text": "ý kiến chỉ đạo của Chủ tịch"}),
])
def test_a_citation_is_structured_only_when_it_prints_the_same(text: str,
                                                                cite: dict[str, Any]) -> None:
    assert parse_citation(text) == cite
    assert citation(cite) == text


def test_documents_cited_together_are_split_at_a_document_type() -> None:
    read = parse_basis("Căn cứ Luật Cán bộ, công chức ngày 13/11/2008; Luật Viên chức "
                       "ngày 15/11/2010; lồng ghép; Nghị định số 30/2020/NĐ-CP;")
    assert read == [{"type": "Luật", "title": "Cán bộ, công chức", "date": "2008-11-13"},
                    {"text": "Luật Viên chức ngày 15/11/2010; lồng ghép"},  # a date mid-title
                    {"type": "Nghị định", "number": "30/2020/NĐ-CP"}]
    assert parse_basis("Theo đề nghị của Giám đốc Sở Nội vụ") is None


def test_ids_are_stable_words_and_unique() -> None:
    taken: set[str] = set()
    cites = [{"type": "Nghị quyết", "number": "76/NQ-CP", "date": "2021-07-15"},
             {"type": "Luật", "title": "Tổ chức chính quyền địa phương", "date": "2015-06-19"},
             {"text": "Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh"},
             {"type": "Nghị quyết", "number": "76/NQ-CP", "date": "2021-07-15"}]
    assert [citation_id(c, taken) for c in cites] == [
        "nq-76-2021", "luat-tccqdp-2015", "qd-2250-2022", "nq-76-2021-2"]


@pytest.mark.skipif(not SEEDS.is_dir() and os.environ.get("PLANGEN_REQUIRE_SEEDS") != "1",
                    reason="../shared/seeds is not beside the checkout")
@pytest.mark.parametrize("seed", ["000_1f5d7e236c7063e7.txt"])
def test_the_bases_of_a_published_decision_read_back_word_for_word(seed: str) -> None:
    texts = [p.text for p in paragraphs((SEEDS / seed).read_text(encoding="utf-8"))]
    found = [t for t in texts[:texts.index("QUYẾT ĐỊNH:")] if t.startswith("Căn cứ")]
    read = [parse_basis(text) for text in found]
    assert len(found) == 5
    for text, cites in zip(found, read, strict=True):
        assert cites is not None
        assert basis({**cites[0], "also": cites[1:]}) == text.rstrip(".;") + ";"
    assert sum("type" in c for cites in read if cites for c in cites) == 5  # all structured
