"""The bad-input corpus: each file in tests/bad_inputs/ gives exactly the messages in NAME.expected.

`make golden` (pytest --update-golden) rewrites the .expected files; review them before committing.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from generator.cli import main

CORPUS = ROOT / "tests" / "bad_inputs"
CASES = [*sorted(p.name for p in CORPUS.iterdir() if p.suffix == ".yaml"), "missing-file.yaml"]


@contextmanager
def inside(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@pytest.mark.parametrize("name", CASES)
def test_bad_input(name: str, update_golden: bool) -> None:
    with inside(CORPUS):
        result = CliRunner().invoke(main, ["validate", name])
    expected = CORPUS / (Path(name).stem + ".expected")
    if update_golden:
        expected.write_text(result.stderr, encoding="utf-8")
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr == expected.read_text(encoding="utf-8")
    valid = result.stderr.endswith(": hợp lệ\n")
    assert result.exit_code == (0 if valid else 1)


def test_a_file_above_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    result = CliRunner().invoke(main, ["--lang", "en", "validate", str(big)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{big}:1:1: (document): the file is too large (2097155 bytes; the limit is 2097152)")
