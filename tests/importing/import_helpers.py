"""What the import tests share: importing a file, rendering the result, comparing words."""
from __future__ import annotations

import difflib
import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

from helpers import ROOT, docx_text

from generator import api
from generator.importing.request import ImportResult

SEEDS = ROOT.parent / "shared" / "seeds"
COMPARER = ROOT.parent / "shared" / "tools" / "docx_vs_text.py"
SEEDS_REQUIRED = os.environ.get("PLANGEN_REQUIRE_SEEDS") == "1"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
LIBREOFFICE_REQUIRED = os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") == "1"
SEED_FILES = ("000_1f5d7e236c7063e7.txt", "001_15cb6a3549390dfb.txt", "003_acae7f23e2b52308.txt")


def imported(source: Path, out: Path, **options: object) -> tuple[ImportResult, dict[str, object]]:
    """Import SOURCE into OUT; the result and the plan as validated (it must validate)."""
    result = api.import_document(source, out, **options)  # type: ignore[arg-type]
    return result, api.check_plan(out)


def rendered_text(plan: dict[str, object]) -> str:
    """The golden-form text of a plan's DOCX."""
    return docx_text(api.render_plan(plan))


def words(text: str) -> list[str]:
    """Text as the comparer reads it: case-folded words and marks."""
    return re.findall(r"\w+|[^\w\s]", text.casefold())


def similarity(a: str, b: str) -> float:
    """difflib's ratio on the word sequences."""
    return difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def comparer() -> ModuleType:
    """../shared/tools/docx_vs_text.py as a module."""
    spec = importlib.util.spec_from_file_location("docx_vs_text", COMPARER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resaved(docx: Path, folder: Path, form: str = "docx:MS Word 2007 XML") -> Path:
    """DOCX saved again by LibreOffice (as a DOCX, or as a PDF with form "pdf")."""
    profile = (folder / "profile").as_uri()
    out = folder / "saved"
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile}", "--headless",
                    "--norestore", "--convert-to", form, "--outdir", str(out), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return out / (docx.stem + (".pdf" if form == "pdf" else ".docx"))
