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
