"""LibreOffice, a real client, opens every example and turns it into a PDF with its text."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLES, ROOT, render
from pypdf import PdfReader

from generator import api
from generator.document import pdf as pdf_module
from generator.plan.load import load_file

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"
pytestmark = pytest.mark.skipif(SOFFICE is None and not REQUIRED,
                                reason="LibreOffice is not installed (CI installs it)")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


LIBREOFFICE_RUNS: list[list[str]] = []


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    real_run = pdf_module._run_group

    def counting_run(command: list[str], timeout: float) -> Any:
        LIBREOFFICE_RUNS.append(command)
        return real_run(command, timeout)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_module, "_run_group", counting_run)
        api.render_files(api.RenderRequest(list(EXAMPLES), out, pdf=True, soffice=SOFFICE,
                                           workers=2))
    return out


def test_one_libreoffice_run_makes_every_pdf(pdf_dir: Path) -> None:
    assert len(LIBREOFFICE_RUNS) == 1
    # Converted where the DOCX are staged (a hidden folder in the output folder).
    staged = [Path(arg) for arg in LIBREOFFICE_RUNS[0][-len(EXAMPLES):]]
    assert [p.name for p in staged] == [f"{e.stem}.docx" for e in EXAMPLES]
    assert {p.parent.parent for p in staged} == {pdf_dir}
    assert sorted(p.name for p in pdf_dir.iterdir()) == sorted(
        f"{e.stem}{suffix}" for e in EXAMPLES for suffix in (".docx", ".pdf"))


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


HA_GIANG = ROOT / "examples" / "ha-giang-2023.yaml"
FILLER = ("Tuyên truyền nâng cao nhận thức về cải cách hành chính cho cán bộ, công chức, viên chức "
          "và người dân trên địa bàn tỉnh")


def appendix_ending_at(words: int) -> str:
    """Hà Giang's plan whose Phụ lục keeps its first row, then a last row of `words` words."""
    source = HA_GIANG.read_text(encoding="utf-8")
    head = source[:source.index("    - id: row-2", source.index("\nappendix:"))]
    filler = FILLER.split()
    text = " ".join(filler[i % len(filler)] for i in range(words))
    return head + f'    - {{id: last, content: "{text}", lead: snv, time: Thường xuyên}}\n'


def test_no_document_ends_with_an_empty_page(tmp_path: Path) -> None:
    # The last row grows by about half a line (7 pt) per document, across the page bottom, so
    # some tables end closer to it than an ordinary empty paragraph is high (about 20 pt): with
    # such a paragraph after the table, words-172 and words-176 ended with an empty page.
    assert SOFFICE is not None
    docs = []
    for words in range(120, 232, 4):
        plan = tmp_path / f"words-{words:03d}.yaml"
        plan.write_text(appendix_ending_at(words), encoding="utf-8")
        docx = plan.with_suffix(".docx")
        docx.write_bytes(render(plan))
        docs.append(docx)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)],
                   capture_output=True, timeout=300, check=True)
    pages = {docx.stem: PdfReader(str(docx.with_suffix(".pdf"))).pages for docx in docs}
    assert len({len(p) for p in pages.values()}) > 1, "no table crossed the page bottom"
    empty = {name: len(p) for name, p in pages.items()
             if "Thường xuyên" not in squeeze(p[-1].extract_text() or "")}
    assert not empty, f"last page without the table's last row (name: pages): {empty}"
