"""Every example renders to its golden text, reproduces its seed, and passes the ND30 checks."""
from __future__ import annotations

import importlib.util
import os
from functools import cache
from pathlib import Path

import pytest
from helpers import EXAMPLES, ROOT, docx_text, render

from generator.nd30 import check_docx

GOLDEN = ROOT / "tests" / "golden"
SEEDS = ROOT.parent / "shared" / "seeds"
COMPARER = ROOT.parent / "shared" / "tools" / "docx_vs_text.py"
# Which example reproduces which published plan (see ../shared/seeds/README.md).
SEED_OF = {
    "ha-giang-2023": "000_1f5d7e236c7063e7.txt",
    "tuyen-quang-snv-2021": "001_15cb6a3549390dfb.txt",
    "gia-lai-stttt-2024": "003_acae7f23e2b52308.txt",
}


@cache
def rendered(path: Path) -> bytes:
    return render(path)


def test_there_are_four_examples() -> None:
    assert {p.stem for p in EXAMPLES} == {*SEED_OF, "tuyen-quang-2027"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_golden_text(example: Path, update_golden: bool) -> None:
    golden = GOLDEN / f"{example.stem}.txt"
    text = docx_text(rendered(example))
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_nd30_checks_pass(example: Path, tmp_path: Path) -> None:
    out = tmp_path / f"{example.stem}.docx"
    out.write_bytes(rendered(example))
    assert check_docx(out) == []


# In CI (.ci/run) the seeds and the comparer must be there: a missing one fails, never skips.
SEEDS_REQUIRED = os.environ.get("PLANGEN_REQUIRE_SEEDS") == "1"


@pytest.mark.skipif(not COMPARER.is_file() and not SEEDS_REQUIRED,
                    reason="../shared/tools is not beside the checkout")
@pytest.mark.parametrize("stem", sorted(SEED_OF))
def test_reproduces_the_published_seed(stem: str, tmp_path: Path) -> None:
    assert COMPARER.is_file(), f"{COMPARER} is missing: the seeds cannot be compared"
    spec = importlib.util.spec_from_file_location("docx_vs_text", COMPARER)
    assert spec is not None and spec.loader is not None
    comparer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(comparer)
    out = tmp_path / f"{stem}.docx"
    out.write_bytes(rendered(ROOT / "examples" / f"{stem}.yaml"))
    ratio, _diffs = comparer.compare(str(out), str(SEEDS / SEED_OF[stem]))
    assert ratio >= 0.97
