"""Tests for generator.nd30: odd, empty or damaged files give findings or trouble, no crash."""
from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nd30_builder import body_paragraphs, build_document
from nd30_helpers import findings_for, plain, rules_of, text

from generator.nd30 import CheckCrashed, Finding, UnreadableDocx, check_docx
from generator.nd30 import checks as nd30_checks
from generator.shell.i18n import translate

# --- robustness ---------------------------------------------------------------------------------


def test_empty_document_yields_findings_not_exceptions(tmp_path: Path) -> None:
    findings = findings_for(docx.Document(), tmp_path)
    assert findings and all(isinstance(f, Finding) for f in findings)
    assert {"ND30-1-margins", "ND30-9-parts"} <= rules_of(findings)


def test_non_docx_bytes_are_trouble_not_a_finding() -> None:
    with pytest.raises(UnreadableDocx) as caught:
        check_docx(io.BytesIO(b"this is not a zip file"))
    assert caught.value.exit_code == 2


def test_missing_file_is_trouble(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocx, match="no such file"):
        check_docx(tmp_path / "nowhere.docx")


def test_a_crashing_check_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: object) -> list[Finding]:
        raise IndexError("list index out of range")

    checks = tuple((n, broken if n == 5 else c) for n, c in nd30_checks.CHECKS)
    monkeypatch.setattr(nd30_checks, "CHECKS", checks)
    doc = build_document()
    plain(doc, "Căn cứ Nghị quyết")  # a real check-5 finding must not hide the crash
    with pytest.raises(CheckCrashed) as caught:
        findings_for(doc, tmp_path)
    assert caught.value.number == 5 and caught.value.exit_code >= 2
    assert "check 5 crashed (IndexError" in translate(caught.value.message, "en")


def test_a_repeated_mistake_is_one_finding_with_a_count(tmp_path: Path) -> None:
    doc = build_document()
    for paragraph in body_paragraphs(doc):
        for run in paragraph.runs:
            run.font.name = "Arial"
    findings = [f for f in findings_for(doc, tmp_path) if f.rule == "ND30-2-font"]
    assert len(findings) == 1
    assert findings[0].count > 40 and len(findings[0].locations) == 5
    assert text(findings[0]) == "text is set in Arial"


def test_odd_structures_yield_findings(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("QUYẾT ĐỊNH")
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).paragraphs[0].add_run("Nơi nhận:")
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_section(WD_SECTION.CONTINUOUS)
    doc.add_paragraph("Phụ lục IV")
    doc.add_table(rows=0, cols=0)
    findings = findings_for(doc, tmp_path)
    assert findings and all(isinstance(f, Finding) for f in findings)


def _document_xml() -> tuple[bytes, dict[str, bytes]]:
    buffer = io.BytesIO()
    build_document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return files["word/document.xml"], files


_DOCUMENT_XML, _FILES = _document_xml()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1), st.integers(min_value=1, max_value=12))
def test_random_damage_never_raises(seed: int, cuts: int) -> None:
    from lxml import etree

    rng = random.Random(seed)
    root = etree.fromstring(_DOCUMENT_XML)
    for _ in range(cuts):
        elements = list(root.iter())[1:]
        if not elements:
            break
        victim = rng.choice(elements)
        if rng.random() < 0.5 and victim.attrib:
            key = rng.choice(list(victim.attrib))
            victim.set(key, rng.choice(["", "x", "-5", "continuous", "0", "9999999"]))
        elif victim.getparent() is not None:
            victim.getparent().remove(victim)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in _FILES.items():
            archive.writestr(name, etree.tostring(root) if name == "word/document.xml" else data)
    buffer.seek(0)
    try:
        findings = check_docx(buffer)  # CheckCrashed (a bug) propagates and fails the test
    except UnreadableDocx:
        return  # damage python-docx itself refuses: trouble, not a crash
    assert all(isinstance(f, Finding) for f in findings)


def test_every_paragraph_helper_sees_table_text() -> None:
    doc = build_document()
    texts = [p.text for p in body_paragraphs(doc)]
    assert "Nơi nhận:" in texts and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
