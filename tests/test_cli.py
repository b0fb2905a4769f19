"""The command line: exit codes, products on stdout, messages on stderr, never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT

from generator.cli import main

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_validate_ok_says_so_on_stderr_only() -> None:
    result = run("validate", str(MINIMAL))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"{MINIMAL}: hợp lệ\n"


def test_validate_reports_every_problem_of_every_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text(encoding="utf-8").replace("year: 2024", "year: 20x"),
                   encoding="utf-8")
    result = run("--lang", "en", "validate", str(bad), str(tmp_path / "missing.yaml"))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{bad}:3:7: year: expected a whole number, found the text '20x'",
        f"{tmp_path / 'missing.yaml'}:1:1: (document): no such file",
        "2 problem(s) found",
    ]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (b"\x00\x01binary", "this is a binary file, not a YAML text file"),
    (b"plan: \xff\xfe", "the file is not UTF-8 text (save it as UTF-8)"),
])
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    result = run("--lang", "en", "validate", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith(f": (document): {message}")
    assert "Traceback" not in result.output


def test_non_utf8_points_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nplan: \xff\n")
    result = run("--lang", "en", "validate", str(path))
    assert result.stderr.splitlines()[0].startswith(f"{path}:2:7: ")


def test_a_folder_is_not_a_plan(tmp_path: Path) -> None:
    result = run("--lang", "en", "validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{tmp_path}:1:1: (document): this is a folder, not a YAML file"


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * (2 * 1024 * 1024) + b"\n")
    result = run("--lang", "en", "validate", str(path))
    assert result.exit_code == 1
    assert "the file is too large (2097156 bytes; the limit is 2097152)" in result.stderr


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = tmp_path / "lol.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--lang", "en", "validate", str(path))
    assert result.exit_code == 1
    assert "aliases expand to more than 200000 values" in result.stderr


def test_render_writes_docx_and_says_where(tmp_path: Path) -> None:
    result = run("--lang", "en", "render", str(MINIMAL), "-o", str(tmp_path / "new"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"wrote {tmp_path / 'new' / 'minimal.docx'}\n"
    assert (tmp_path / "new" / "minimal.docx").stat().st_size > 5000


def test_render_of_an_invalid_plan_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("plangen: 1\n", encoding="utf-8")
    result = run("render", str(MINIMAL), str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_render_pdf_without_libreoffice_keeps_the_docx(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    result = run("--lang", "en", "render", str(MINIMAL), "--pdf", "-o", str(tmp_path))
    assert result.exit_code == 5
    assert "LibreOffice is not installed, so no PDF was made (the DOCX was written)" in result.stderr
    assert (tmp_path / "minimal.docx").is_file()
    assert not (tmp_path / "minimal.pdf").exists()


def test_missing_template_folder(tmp_path: Path) -> None:
    result = run("--lang", "en", "render", str(MINIMAL), "-o", str(tmp_path),
                 "--templates", str(tmp_path / "tpl"))
    assert result.exit_code == 4
    assert result.stderr.startswith(f"template not found: {tmp_path / 'tpl' / 'decision' / 'decision.docx'}")


def test_unwritable_output_exits_3(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/plangen-out")  # even root cannot create folders there
    else:
        target = tmp_path / "ro" / "out"
        (tmp_path / "ro").mkdir(mode=0o500)
    result = run("--lang", "en", "render", str(MINIMAL), "-o", str(target))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"cannot create the folder {target}: ")


def test_usage_error_exits_2() -> None:
    result = run("render")
    assert result.exit_code == 2


def test_traceback_only_when_asked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("plangen: 1\n", encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "generator", "validate", str(bad)],
                           capture_output=True, text=True, cwd=ROOT, check=False)
    traced = subprocess.run([sys.executable, "-m", "generator", "--traceback", "validate",
                             str(bad)], capture_output=True, text=True, cwd=ROOT, check=False)
    assert plain.returncode == traced.returncode == 1
    assert plain.stdout == traced.stdout == ""
    assert "Traceback" not in plain.stderr
    assert "Traceback" in traced.stderr
    assert plain.stderr.splitlines()[-1] == "phát hiện 6 lỗi"
    for field in ("kind", "year", "issuer", "plan", "recipients", "signer"):
        assert f"(document): thiếu trường bắt buộc '{field}'" in plain.stderr


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("plangen, version ")
