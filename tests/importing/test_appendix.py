"""A Phụ lục table read back into the YAML `appendix` that prints the very same table again."""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn
from helpers import EXAMPLES, ROOT, as_read, render

from generator.document.context import build
from generator.importing.appendix import AppendixRead, printed_table, read_appendix
from generator.importing.outline import Cell, Table
from generator.importing.slugs import slug
from generator.plan.checked import load_checked
from generator.plan.load import load_text
from generator.plan.validate import validate

SEEDS = ROOT.parent / "shared" / "seeds"
WITH_APPENDIX = [p for p in EXAMPLES if "appendix" in load_checked(p).plan]
_BODY_WORDS = ("Sở", "Ban", "Văn phòng", "UBND", "Ủy ban", "Báo", "Trung tâm", "Công an",
               "Bưu điện", "Đài", "Phòng", "Bộ phận", "Cơ sở", "các", "Các")
_CUT = re.compile(r"(?:,| và)\s+(?=(?:" + "|".join(_BODY_WORDS) + r")\b)")


class Names:
    """A registry for the tests: cuts at ', ' (or ' và ') before a body's first word, and makes
    an id for every name it is asked about, keeping the name."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def split(self, text: str) -> list[str]:
        return [p for p in _CUT.split(text) if p]

    def ref(self, name: str) -> Any:
        base = f"t-{slug(name)}"
        ident, n = base, 2
        while self.names.get(ident, name) != name:
            ident, n = f"{base}-{n}", n + 1
        self.names[ident] = name
        return ident

    def name_of(self, ref: dict[str, Any]) -> str:
        return str(ref.get("label") or self.names[ref["body"]])


def _text(paragraph: Any) -> str:
    return as_read("".join("-" if n.tag == qn("w:noBreakHyphen") else (n.text or "")
                           for n in paragraph.iter(qn("w:t"), qn("w:noBreakHyphen"))))


def docx_appendix(data: bytes) -> tuple[list[str], Table, list[float]]:
    """The paragraphs from «PHỤ LỤC» to the table, the table as a DOCX reader gives it (spans,
    vertical merges, empty cells without paragraphs), and its grid columns in mm."""
    heading: list[str] = []
    for element in Document(io.BytesIO(data)).element.body.iterchildren():
        if element.tag == qn("w:p") and (heading or _text(element).startswith("PHỤ LỤC")):
            heading.append(_text(element))
        elif element.tag == qn("w:tbl") and heading:
            break
    rows = []
    for tr in element.iter(qn("w:tr")):
        row = []
        for tc in tr.iter(qn("w:tc")):
            texts = [_text(p) for p in tc.iter(qn("w:p"))]
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            row.append(Cell(tuple(t for t in texts if t),
                            int(span.get(qn("w:val"))) if span is not None else 1,
                            merge is not None and merge.get(qn("w:val")) != "restart"))
        rows.append(tuple(row))
    widths = [int(g.get(qn("w:w"))) * 25.4 / 1440 for g in element.iter(qn("w:gridCol"))]
    return heading, Table(tuple(rows)), widths


def table(*rows: list[Any]) -> Table:
    """A table from lists: a text is a cell of one paragraph, a list one of several, None an
    empty cell, '^' a cell merged with the one above."""
    def cell(value: Any) -> Cell:
        if value == "^":
            return Cell((), continued=True)
        return Cell(tuple(value) if isinstance(value, list) else (value,) if value else ())
    return Table(tuple(tuple(cell(v) for v in row) for row in rows))


def read(tbl: Table, names: Names | None = None, year: int = 2027,
         heading: list[str] | None = None) -> AppendixRead:
    return read_appendix(heading or ["PHỤ LỤC", "NHIỆM VỤ"], tbl, names or Names(), year=year,
                         reference=None)


def exact(tbl: Table, names: Names | None = None, year: int = 2027) -> dict[str, Any]:
    """The appendix read, checked to print TABLE back cell for cell, with no checklist note."""
    names = names or Names()
    found = read(tbl, names, year)
    assert printed_table(found.appendix, names.name_of, year) == tbl
    assert found.notes == []
    return found.appendix


@pytest.mark.parametrize("path", WITH_APPENDIX, ids=lambda p: p.stem)
def test_every_example_appendix_prints_back_cell_for_cell(path: Path) -> None:
    doc = load_checked(path).plan
    heading, tbl, widths = docx_appendix(render(path))
    names = Names()
    found = read_appendix(heading, tbl, names, year=doc["year"], widths=widths,
                          reference=build(doc)["appendix"]["reference"])
    assert found.notes == []
    assert printed_table(found.appendix, names.name_of, doc["year"]) == tbl
    mine, theirs = found.appendix, doc["appendix"]
    assert [c["key"] for c in mine["columns"]] == [c["key"] for c in theirs["columns"]]
    assert [c["width"] for c in mine["columns"]] == [c["width"] for c in theirs["columns"]]
    assert mine.get("number_width", 1) == theirs.get("number_width", 1)
    assert mine.get("attach_phrase") == theirs.get("attach_phrase")
    assert mine["title"] == theirs["title"].upper()
    assert len(mine["rows"]) == len(theirs["rows"])
    for row, example in zip(mine["rows"], theirs["rows"], strict=True):
        assert len(row.get("rows", [])) == len(example.get("rows", []))
        for key in ("lead", "support", "form"):
            value = row.get(key, [])
            assert len(value if isinstance(value, list) else [value]) == len(example.get(key, []))
        if "quarters" in example.get("time", {}):
            assert row["time"]["quarters"] == example["time"]["quarters"]
    # The whole plan with the appendix read in its place (and the bodies it names) is valid.
    source = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = yaml.safe_dump({**source, "appendix": found.appendix,
                           "bodies": [*source["bodies"], *({"id": i, "name": n}
                                                           for i, n in names.names.items())]},
                          allow_unicode=True, sort_keys=False)
    validate(load_text(text, path.name))


def seed_table(path: Path) -> tuple[list[str], Table]:
    """A seed's appendix: the lines from «PHỤ LỤC» to the table, then its tab-separated rows."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = max(i for i, line in enumerate(lines) if "PHỤ LỤC" in line)
    heading = [line.strip(" *") for line in lines[start:] if line.strip()][:4]
    rows = [tuple(Cell((c.strip(),) if c.strip() else ()) for c in line.split("\t"))
            for line in lines[start:] if "\t" in line]
    return [h for h in heading if "\t" not in h], Table(tuple(rows))


def _words(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {w for v in value.values() for w in _words(v)}
    if isinstance(value, list | tuple):
        return {w for v in value for w in _words(v)}
    return set(re.findall(r"\w+", str(value)))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not here")
@pytest.mark.parametrize(("seed", "year"), [("000", 2023), ("003", 2024)])
def test_a_seed_appendix_keeps_every_word(seed: str, year: int) -> None:
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    heading, tbl = seed_table(path)
    names = Names()
    found = read_appendix(heading, tbl, names, year=year, reference=None)
    kept = (_words(found.appendix) | _words(list(names.names.values()))
            | _words([n.params for _row, n in found.notes]))
    printed = {"Chủ", "trì", "Phối", "hợp", "Quý", "I", "II", "III", "IV", str(year)}
    lost = {w for row in tbl.rows[1:] for c in row[1:] for p in c.paragraphs
            for w in re.findall(r"\w+", p)} - kept - printed
    assert lost == set()
    assert [c["key"] for c in found.appendix["columns"]] == (
        ["number", "content", "form", "bodies", "time"] if seed == "000"
        else ["number", "content", "lead", "support", "time"])
    assert len(found.appendix["rows"]) == (15 if seed == "000" else 10)


@pytest.mark.parametrize(("heading", "fields"), [
    (["PHỤ LỤC", "NHIỆM VỤ NĂM 2027", "(Kèm theo Quyết định số …)"],
     {"title": "NHIỆM VỤ NĂM 2027"}),
    (["PHỤ LỤC II", "NHIỆM VỤ", "NĂM 2027", "(Ban hành kèm theo Kế hoạch số 1/KH-SNV", "…)"],
     {"label": "PHỤ LỤC II", "title": "NHIỆM VỤ NĂM 2027", "attach_phrase": "Ban hành kèm theo"}),
    (["PHỤ LỤC", "NHIỆM VỤ"], {"title": "NHIỆM VỤ", "reference": False}),
])
def test_the_heading(heading: list[str], fields: dict[str, Any]) -> None:
    found = read(table(["TT", "Nội dung"], ["1", "A"]), heading=heading)
    assert {k: v for k, v in found.appendix.items() if k not in ("columns", "rows")} == fields
    assert found.notes == []


def test_a_reference_line_plangen_would_print_otherwise_is_noted() -> None:
    found = read_appendix(["PHỤ LỤC", "NHIỆM VỤ", "(Kèm theo Quyết định số 2338/QĐ-UBND)"],
                          table(["TT", "Nội dung"], ["1", "A"]), Names(), year=2023,
                          reference="(Kèm theo Quyết định số 233/QĐ-UBND)")
    assert [n.params for _row, n in found.notes] == [{
        "read": "(Kèm theo Quyết định số 2338/QĐ-UBND)",
        "printed": "(Kèm theo Quyết định số 233/QĐ-UBND)"}]


def test_widths_from_the_source_and_defaults() -> None:
    tbl = table(["TT", "Nội dung", "Thời gian"], ["1", "A", "B"])
    given = read_appendix(["PHỤ LỤC", "X"], tbl, Names(), year=2027, reference=None,
                          widths=[11.99, 70.04, 25.55])
    assert [c["width"] for c in given.appendix["columns"]] == [12, 70, 25.6]
    wrong = read_appendix(["PHỤ LỤC", "X"], tbl, Names(), year=2027, reference=None,
                          widths=[12.0])
    assert [c["width"] for c in wrong.appendix["columns"]] == [12, 80, 28]
    assert len(wrong.notes) == 1

