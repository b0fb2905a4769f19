"""LibreOffice, a real client, opens every example and turns it into a PDF with its text."""
from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from helpers import EXAMPLES
from pypdf import PdfReader

from generator import api
from generator.load import load_file

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"
pytestmark = pytest.mark.skipif(SOFFICE is None and not REQUIRED,
                                reason="LibreOffice is not installed (CI installs it)")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    api.render_files(api.RenderRequest(list(EXAMPLES), out, pdf=True, soffice=SOFFICE))
    return out


def expected_phrases(example: Path) -> list[str]:
    data = load_file(example).data
    plan = data["plan"]
    title = f"{plan['topic']} năm {data['year']}"
    if "appendix" in data:
        last = data["appendix"]["rows"][-1]
        return [title, squeeze(last["content"])[:60]]
    return [title]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_pdf_holds_the_title_and_the_last_row(pdf_dir: Path, example: Path) -> None:
    pdf = pdf_dir / f"{example.stem}.pdf"
    reader = PdfReader(str(pdf))
    text = squeeze(" ".join(page.extract_text() or "" for page in reader.pages))
    assert len(reader.pages) >= 2
    for phrase in expected_phrases(example):
        assert squeeze(phrase) in text
