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
    result = CliRunner().invoke(main, ["render"], prog_name="plangen")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Usage: plangen render [OPTIONS] FILES...",
        "Try 'plangen render --help' for help.",
        "",
        "Error: Missing argument 'FILES...'.",
    ]


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


def copies(tmp_path: Path, count: int) -> list[Path]:
    """COUNT copies of the minimal plan, named plan-0.yaml, plan-1.yaml, …"""
    sources = []
    for index in range(count):
        source = tmp_path / f"plan-{index}.yaml"
        source.write_bytes(MINIMAL.read_bytes())
        sources.append(source)
    return sources


def test_render_of_several_files_writes_them_all_in_order(tmp_path: Path) -> None:
    sources = copies(tmp_path, 5)
    out = tmp_path / "out"
    result = run("--lang", "en", "render", *map(str, sources), "-o", str(out), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    # Progress (not a terminal: plain lines, in the order the files are done), then the files.
    assert [line.split(" ")[0] for line in lines[:5]] == [f"{n}/5" for n in range(1, 6)]
    assert sorted(line.split(" ")[1] for line in lines[:5]) == [f"plan-{i}.docx" for i in range(5)]
    assert lines[5:] == [f"wrote {out / f'plan-{i}.docx'}" for i in range(5)]
    for index in range(5):
        assert (out / f"plan-{index}.docx").stat().st_size > 5000


def test_jobs_must_be_at_least_one(tmp_path: Path) -> None:
    result = run("render", str(MINIMAL), "-o", str(tmp_path), "--jobs", "0")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '-j' / '--jobs': 0 is not in the range x>=1.")
    assert not (tmp_path / "minimal.docx").exists()


FAKE_SOFFICE = """#!/bin/sh
# A stand-in for LibreOffice: records its arguments, writes a small PDF for every DOCX.
echo "$@" >> "{log}"
outdir=""; previous=""
for arg in "$@"; do
  if [ "$previous" = "--outdir" ]; then outdir="$arg"; fi
  previous="$arg"
done
for arg in "$@"; do
  case "$arg" in
    *.docx) name="${{arg##*/}}"; printf '%%PDF-1.4 fake of %s\\n' "$name" > "$outdir/${{name%.docx}}.pdf";;
  esac
done
{then}
"""


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, then: str = "exit 0") -> Path:
    """Put a fake soffice first on PATH; returns the file where it logs its calls."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "soffice.log"
    script = folder / "soffice"
    script.write_text(FAKE_SOFFICE.format(log=log, then=then), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return log


def test_render_pdf_of_several_files_starts_libreoffice_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = fake_soffice(tmp_path, monkeypatch)
    sources = copies(tmp_path, 4)
    out = tmp_path / "out"
    result = run("--lang", "en", "render", *map(str, sources), "--pdf", "-o", str(out))
    assert result.exit_code == 0, result.output
    calls = log.read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1
    assert "-env:UserInstallation=file:///" in calls[0]
    # Converted where they are staged (a hidden folder in OUT), renamed into place after.
    work, *docxs = calls[0].split(" --outdir ")[1].split()
    assert Path(work).parent == out
    assert Path(work).name.startswith(".plangen-")
    assert docxs == [str(Path(work) / f"plan-{i}.docx") for i in range(4)]
    for index in range(4):
        pdf = out / f"plan-{index}.pdf"
        assert pdf.read_bytes() == f"%PDF-1.4 fake of plan-{index}.docx\n".encode()
    assert result.stderr.splitlines()[4:] == [
        f"wrote {out / f'plan-{i}{suffix}'}" for i in range(4) for suffix in (".docx", ".pdf")]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"plan-{i}{suffix}" for i in range(4) for suffix in (".docx", ".pdf"))


@pytest.mark.parametrize(("then", "named"), [
    ("exit 1", "plan-0.docx"),  # LibreOffice fails after writing every PDF: none is trusted
    (': > "$outdir/plan-2.pdf"; exit 0', "plan-2.docx"),  # one PDF is empty, yet "success"
])
def test_a_libreoffice_failure_leaves_no_pdf_and_exits_5(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, then: str, named: str) -> None:
    fake_soffice(tmp_path, monkeypatch, then)
    sources = copies(tmp_path, 3)
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan-0.pdf").write_bytes(b"%PDF an older one, kept")
    result = run("--lang", "en", "render", *map(str, sources), "--pdf", "-o", str(out))
    assert result.exit_code == 5
    message = result.stderr.splitlines()[3]  # after the progress of the three DOCX
    assert message.startswith("LibreOffice could not convert ")
    assert str(out / named) in message
    assert "Traceback" not in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "plan-0.docx", "plan-0.pdf", "plan-1.docx", "plan-2.docx"]
    assert (out / "plan-0.pdf").read_bytes() == b"%PDF an older one, kept"
