"""The published seed texts import to plans that validate and print the seeds again."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from import_helpers import (
    COMPARER,
    SEED_FILES,
    SEEDS,
    SEEDS_REQUIRED,
    comparer,
    imported,
)

from generator import api

pytestmark = pytest.mark.skipif(not COMPARER.is_file() and not SEEDS_REQUIRED,
                                reason="../shared is not beside the checkout")


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, str]]:
    """Each seed imported and rendered: (its YAML, its DOCX, the checklist's text)."""
    assert COMPARER.is_file(), f"{COMPARER} is missing"
    folder = tmp_path_factory.mktemp("seeds")
    out = {}
    for name in SEED_FILES:
        yaml_path = folder / f"{Path(name).stem}.yaml"
        result, plan = imported(SEEDS / name, yaml_path)
        docx = folder / f"{Path(name).stem}.docx"
        docx.write_bytes(api.render_plan(plan))
        out[name] = (yaml_path, docx, "\n".join(c.message.msgid for c in result.checklist))
    return out


@pytest.mark.parametrize("name", SEED_FILES)
def test_a_seed_renders_back_at_least_95_percent_similar(
        name: str, seeds: dict[str, tuple[Path, Path, str]]) -> None:
    _yaml, docx, _checklist = seeds[name]
    ratio, _diffs = comparer().compare(str(docx), str(SEEDS / name))
    assert ratio >= 0.95


@pytest.mark.parametrize("name", SEED_FILES)
def test_every_word_of_a_seed_lands_in_the_yaml_or_its_document(
        name: str, seeds: dict[str, tuple[Path, Path, str]]) -> None:
    yaml_path, docx, _checklist = seeds[name]
    module = comparer()
    seed = set(_words(module.clean_reference((SEEDS / name).read_text(encoding="utf-8"))))
    found = set(_words(yaml_path.read_text(encoding="utf-8"))) | set(
        _words(" ".join(module.docx_paragraphs(str(docx)))))
    assert len(seed & found) / len(seed) >= 0.99, sorted(seed - found)[:40]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def test_the_same_text_imports_to_the_same_yaml(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    api.import_document(SEEDS / SEED_FILES[0], first)
    api.import_document(SEEDS / SEED_FILES[0], second)
    assert first.read_bytes() == second.read_bytes()


def test_a_seed_without_its_header_gets_its_issuer_from_its_text(
        seeds: dict[str, tuple[Path, Path, str]]) -> None:
    yaml_path, _docx, checklist = seeds["001_15cb6a3549390dfb.txt"]
    plan = api.check_plan(yaml_path)
    assert plan["issuer"]["name"] == "Sở Nội vụ tỉnh Tuyên Quang"
    assert plan["issuer"]["code"] == "SNV"
    assert "the issuing body is guessed from its text" in checklist
    assert "# plangen import:" in yaml_path.read_text(encoding="utf-8")


def typed_in_word(seed: Path, out: Path) -> Path:
    """The seed as an office types it in Word: one paragraph per paragraph, its marks typed,
    headings in bold, the appendix a real table (python-docx, Word's own default template)."""
    import docx

    from generator.importing.outline import paragraphs
    from generator.importing.plan_body import MARK_FORMS

    document = docx.Document()
    table = None
    for paragraph in paragraphs(seed.read_text(encoding="utf-8")):
        if paragraph.cells:
            table = table or document.add_table(rows=0, cols=len(paragraph.cells))
            cells = table.add_row().cells
            for cell, text in zip(cells, paragraph.cells, strict=False):
                cell.text = text
            continue
        table = None
        text = MARK_FORMS.get(paragraph.level or "", "").format(paragraph.label) + paragraph.text
        document.add_paragraph().add_run(text).bold = paragraph.level == "roman" or text.isupper()
    document.save(str(out))
    return out


@pytest.mark.parametrize("name", SEED_FILES)
def test_a_seed_typed_in_word_imports_as_well_as_its_text(name: str, tmp_path: Path) -> None:
    source = typed_in_word(SEEDS / name, tmp_path / "typed.docx")
    _result, plan = imported(source, tmp_path / "typed.yaml")
    docx_path = tmp_path / "back.docx"
    docx_path.write_bytes(api.render_plan(plan))
    ratio, _diffs = comparer().compare(str(docx_path), str(SEEDS / name))
    assert ratio >= 0.95
