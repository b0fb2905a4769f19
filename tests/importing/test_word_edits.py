"""Word edits come back: the diff of the plan and its import lists exactly the edits made."""
from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph
from helpers import ROOT

from generator import api
from generator.document.embedded import EmbeddedSource
from generator.plan.checked import load_checked

PLAN = ROOT / "examples" / "tuyen-quang-2027.yaml"


def set_text(paragraph: Paragraph, text: str) -> None:
    """The paragraph's words replaced as Word does when one types over them."""
    runs = paragraph.runs
    for run in runs[1:]:
        run._r.getparent().remove(run._r)
    runs[0].text = text


def edited(out: Path, *, embed: bool = True) -> Path:
    """The example's DOCX with three paragraphs and one appendix cell changed, as an officer
    would in Word: a point reworded, an item reworded, a bullet deleted, a time changed."""
    checked = load_checked(PLAN)
    source = EmbeddedSource(PLAN.name, checked.loaded.text) if embed else None
    out.write_bytes(api.render_plan(checked.plan, source=source))
    document = docx.Document(str(out))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    by_start = {p.text[:30]: p for p in paragraphs}

    def paragraph(start: str) -> Paragraph:
        return next(p for key, p in by_start.items() if key.startswith(start))

    set_text(paragraph("b) Giúp người dân"),
             "b) Giúp người dân, doanh nghiệp hiểu rõ các thay đổi mới.")
    set_text(paragraph("2. Bố trí công chức"), "2. Bố trí đủ công chức phụ trách tuyên truyền.")
    gone = paragraph("- Báo cáo kết quả thực hiện")
    gone._p.getparent().remove(gone._p)
    cell = document.tables[-1].rows[1].cells[5]
    set_text(cell.paragraphs[0], "Trước 15/02/2027")
    document.save(str(out))
    return out


def changes(old: Path, new: Path) -> list[dict[str, str]]:
    shown = api.diff_files(old, new, "json")
    return [{k: c[k] for k in ("kind", "path", "new")}
            for c in json.loads(shown.product)["changes"]]


EXPECTED = [
    {"kind": "changed", "path": "plan.objectives.items[1]",
     "new": "Giúp người dân, doanh nghiệp hiểu rõ các thay đổi mới."},
    {"kind": "changed", "path": "plan.solutions.items[1]",
     "new": "Bố trí đủ công chức phụ trách tuyên truyền."},
    {"kind": "removed", "path": "plan.assignments.items[5].tasks[1]", "new": ""},
    {"kind": "changed", "path": "appendix.rows[0].time", "new": "Trước 15/02/2027"},
]


@pytest.mark.parametrize("embed", [True, False], ids=["embedded", "onto"])
def test_the_diff_lists_exactly_the_four_word_edits(embed: bool, tmp_path: Path) -> None:
    source = edited(tmp_path / "edited.docx", embed=embed)
    out = tmp_path / "new.yaml"
    result = api.import_document(source, out, onto=None if embed else PLAN)
    assert result.valid and result.checklist == []
    found = changes(PLAN, out)
    assert [(c["kind"], c["path"]) for c in found] == [(c["kind"], c["path"]) for c in EXPECTED]
    for got, want in zip(found, EXPECTED, strict=True):
        assert want["new"] in got["new"]


def test_what_the_document_left_alone_keeps_its_lines(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    api.import_document(edited(tmp_path / "edited.docx"), out)
    old = PLAN.read_text(encoding="utf-8").splitlines()
    new = out.read_text(encoding="utf-8").splitlines()
    assert [line for line in old if line.lstrip().startswith("#")] == [
        line for line in new if line.lstrip().startswith("#")]
    assert len(set(old) - set(new)) <= 12  # the three edited texts and the deleted task


def test_an_untouched_document_gives_back_its_plan(tmp_path: Path) -> None:
    docx_path = tmp_path / "plan.docx"
    docx_path.write_bytes(api.render_bytes(PLAN))
    out = tmp_path / "new.yaml"
    api.import_document(docx_path, out, onto=PLAN)
    assert out.read_bytes() == PLAN.read_bytes()


def test_a_tracked_change_not_accepted_is_reported_and_not_applied(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    out = tmp_path / "tracked.docx"
    out.write_bytes(api.render_bytes(PLAN))
    document = docx.Document(str(out))
    target = next(p for p in document.paragraphs if p.text.startswith("b) Giúp người dân"))
    target._p.append(parse_xml(
        '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:id="90" w:author="Chuyên viên" w:date="2026-12-01T09:00:00Z">'
        "<w:r><w:t xml:space=\"preserve\"> Thêm ý mới.</w:t></w:r></w:ins>"))
    document.save(str(out))
    new = tmp_path / "new.yaml"
    result = api.import_document(out, new)
    assert [(c.kind, c.text.strip(), c.author) for c in result.tracked] == [
        ("insertion", "Thêm ý mới.", "Chuyên viên")]
    assert new.read_bytes() == PLAN.read_bytes()


def test_an_added_assignment_brings_its_new_body_and_a_reworded_task_keeps_its_body(
        tmp_path: Path) -> None:
    plan = ROOT / "examples" / "ha-giang-2023.yaml"
    out = tmp_path / "edited.docx"
    out.write_bytes(api.render_bytes(plan))
    document = docx.Document(str(out))
    task = next(p for p in document.paragraphs if p.text.startswith("e) Ban Thi đua"))
    set_text(task, "e) Ban Thi đua khen thưởng tỉnh: Chủ trì việc khen thưởng chuyên đề năm 2023.")
    before = next(p for p in document.paragraphs if p.text.startswith("4. Sở Tư pháp"))
    before.insert_paragraph_before("4. Sở Y tế")
    before.insert_paragraph_before("Tuyên truyền cải cách hành chính trong ngành y tế.")
    document.save(str(out))
    new = tmp_path / "new.yaml"
    api.import_document(out, new)
    text = new.read_text(encoding="utf-8")
    assert "  - {id: syt, name: Sở Y tế}\n" in text
    assert 'text: "Chủ trì việc khen thưởng chuyên đề năm 2023."' in text  # no body prefix
    edited = api.check_plan(new)
    tasks = edited["plan"]["assignments"]["items"][0]["tasks"]
    assert tasks[5]["text"] == "Chủ trì việc khen thưởng chuyên đề năm 2023."
    assert tasks[5]["body"] == {"body": "btdkt"}
    added = edited["plan"]["assignments"]["items"][3]
    assert added["bodies"] == [{"body": "syt"}]
    assert [c["kind"] for c in json.loads(api.diff_files(plan, new, "json").product)[
        "changes"]] == ["added", "changed", "added"]
