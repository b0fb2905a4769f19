"""render → import → render prints the same document, from the DOCX, a re-saved DOCX, the PDF."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import EXAMPLES, docx_text, render
from import_helpers import (
    LIBREOFFICE_REQUIRED,
    SOFFICE,
    imported,
    rendered_text,
    resaved,
    similarity,
)

needs_libreoffice = pytest.mark.skipif(SOFFICE is None and not LIBREOFFICE_REQUIRED,
                                       reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rendered")
    out = {}
    for example in EXAMPLES:
        path = folder / f"{example.stem}.docx"
        path.write_bytes(render(example))
        out[example.stem] = path
    return out


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_the_docx_read_without_its_source_renders_the_same_text(
        stem: str, documents: dict[str, Path], tmp_path: Path) -> None:
    docx = documents[stem]
    result, plan = imported(docx, tmp_path / "back.yaml", fresh=True)
    assert result.base == ""
    assert similarity(docx_text(docx.read_bytes()), rendered_text(plan)) >= 0.995


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_the_docx_with_its_source_imports_to_that_source(
        stem: str, documents: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "back.yaml"
    result, _plan = imported(documents[stem], out)
    assert result.base.endswith(f"({stem}.yaml)")
    example = next(p for p in EXAMPLES if p.stem == stem)
    assert out.read_text(encoding="utf-8") == example.read_text(encoding="utf-8")


@needs_libreoffice
@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_a_docx_saved_again_by_libreoffice_renders_the_same_text(
        stem: str, documents: dict[str, Path], tmp_path: Path) -> None:
    saved = resaved(documents[stem], tmp_path)
    _result, plan = imported(saved, tmp_path / "back.yaml", fresh=True)
    assert similarity(docx_text(documents[stem].read_bytes()), rendered_text(plan)) >= 0.99


@pytest.fixture(scope="module")
def pdfs(documents: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each example's DOCX printed to PDF by LibreOffice (as offices publish them)."""
    folder = tmp_path_factory.mktemp("pdf")
    return {stem: resaved(docx, folder / stem, "pdf") for stem, docx in documents.items()}


@needs_libreoffice
@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_the_pdf_renders_the_same_text(stem: str, documents: dict[str, Path],
                                       pdfs: dict[str, Path], tmp_path: Path) -> None:
    result, plan = imported(pdfs[stem], tmp_path / "back.yaml")
    assert result.valid
    assert similarity(docx_text(documents[stem].read_bytes()), rendered_text(plan)) >= 0.97


@needs_libreoffice
def test_a_scanned_pdf_without_tesseract_says_what_to_install(
        pdfs: dict[str, Path], tmp_path: Path) -> None:
    from pdf_making import image_pdf

    from generator.importing.sources import NeedsOcr
    from generator.shell.i18n import translate

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_pdf(pdfs["tuyen-quang-snv-2021"].read_bytes(), 0))
    out = tmp_path / "plan.yaml"
    with pytest.raises(NeedsOcr) as raised:
        imported(scan, out, find_ocr=lambda: None)
    assert translate(raised.value.message, "en") == (
        f"{scan}: is a scanned PDF (no text layer): install Tesseract with Vietnamese data to "
        "read it (apt-get install tesseract-ocr tesseract-ocr-vie)")
    assert raised.value.exit_code == 1 and not out.exists()
