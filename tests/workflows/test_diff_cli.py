"""plangen diff and plangen git-diff on the command line, with hand-made Reports (diff_reports.py):
the tests replace generator.workflows.diff.compare_files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from diff_reports import EMPTY, REPORT

from generator import cli
from generator.cli import compare as cli_compare
from generator.shell.errors import InvalidInput, Message, Problem, UsageError
from generator.workflows import diff as diff_module
from generator.workflows import diff_output as out
from generator.workflows.diff import Report


def invoke(monkeypatch: pytest.MonkeyPatch, report: Report | Exception, *args: str) -> Result:
    def compare_files(old: Path, new: Path) -> Report:
        if isinstance(report, Exception):
            raise report
        return Report(str(old), str(new), report.changes)

    monkeypatch.setattr(diff_module, "compare_files", compare_files, raising=False)
    return CliRunner().invoke(cli.main, list(args))


def test_cli_exit_1_with_the_changes_on_stdout(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "cu.yaml", "moi.yaml")
    assert result.exit_code == 1
    assert result.stdout == out.as_text(REPORT, lang="vi")
    assert result.stderr == ""


def test_cli_exit_0_without_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, EMPTY, "--lang", "en", "diff", "cu.yaml", "moi.yaml")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "no change in the plan's content\n"


def test_cli_exit_2_lists_every_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    problems = [Problem("moi.yaml", 4, 7, ("date",), Message("no such file")),
                Problem("cu.yaml", 1, 1, (), Message("no such file"))]
    result = invoke(monkeypatch, InvalidInput(problems), "--lang", "en", "diff", "cu.yaml",
                    "moi.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "cu.yaml:1:1: (document): no such file", "moi.yaml:4:7: date: no such file",
        "2 problem(s) found"]


def test_cli_exit_2_for_two_kinds_of_document(monkeypatch: pytest.MonkeyPatch) -> None:
    error = UsageError(Message("unmerged: resolve the conflict first"))
    result = invoke(monkeypatch, error, "--lang", "en", "diff", "a.yaml", "b.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "unmerged: resolve the conflict first\n"


def test_cli_internal_error_is_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, RuntimeError("boom"), "--lang", "en", "diff", "a", "b")
    assert result.exit_code == 70 and "Traceback" not in result.output


@pytest.mark.parametrize(("form", "expected"), [
    ("markdown", out.as_markdown(REPORT, lang="vi")), ("json", out.as_json(REPORT))])
def test_cli_formats_on_stdout(monkeypatch: pytest.MonkeyPatch, form: str, expected: str) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "cu.yaml", "moi.yaml", "--format", form)
    assert (result.exit_code, result.stdout, result.stderr) == (1, expected, "")


def test_cli_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" not in invoke(monkeypatch, REPORT, "diff", "a", "b").stdout
    monkeypatch.setattr(cli_compare, "stdout_is_terminal", lambda: True)
    assert f"{out.RED}kiểm tra,{out.RESET}" in invoke(monkeypatch, REPORT, "diff", "a", "b").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    result = invoke(monkeypatch, REPORT, "diff", "a", "b")
    assert result.stdout == out.as_text(REPORT, lang="vi", color=False)


COLOUR_SCRIPT = """
from generator import cli
from generator.workflows import diff
from generator.workflows.diff import Difference, Report
CHANGES = (Difference("changed", "Mục I", "a b c d e f. g", "a c c d e f. g"),)
diff.compare_files = lambda a, b: Report(str(a), str(b), CHANGES)
cli.main(["diff", "x.yaml", "y.yaml"])
"""


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
@pytest.mark.parametrize("no_color", [None, "", "1"])
def test_cli_colour_on_a_real_terminal(no_color: str | None) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    env.pop("NO_COLOR", None)
    if no_color is not None:
        env["NO_COLOR"] = no_color
    primary, secondary = os.openpty()
    try:
        done = subprocess.run([sys.executable, "-c", COLOUR_SCRIPT], stdout=secondary,
                              stderr=subprocess.PIPE, env=env, timeout=120, check=False)
    finally:
        os.close(secondary)
    shown = b""
    try:
        while chunk := os.read(primary, 4096):
            shown += chunk
    except OSError:  # EIO: the terminal's other end is closed
        pass
    finally:
        os.close(primary)
    assert done.returncode == 1, done.stderr
    coloured = f"{out.RED}b{out.RESET} {out.GREEN}c{out.RESET}".encode()
    assert (coloured in shown) == (not no_color), shown


def test_cli_no_colour_into_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(cli_compare, "stdout_is_terminal", lambda: True)
    target = tmp_path / "diff.txt"
    result = invoke(monkeypatch, REPORT, "--lang", "en", "diff", "a", "b", "-o", str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == out.as_text(REPORT, lang="en")


def test_cli_docx_needs_o(monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "a", "b", "--format", "docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "-o FILE" in result.stderr


def test_cli_docx_written_atomically(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "bang-so-sanh.docx"
    result = invoke(monkeypatch, REPORT, "--lang", "en", "diff", "cu.yaml", "moi.yaml",
                    "--format", "docx", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"wrote {target}\n")
    assert target.read_bytes() == out.as_docx(REPORT)
    assert [p.name for p in tmp_path.iterdir()] == ["bang-so-sanh.docx"]


def test_cli_unwritable_output_is_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    result = invoke(monkeypatch, REPORT, "diff", "a", "b", "--format", "docx", "-o",
                    str(tmp_path / "missing" / "x.docx"))
    assert result.exit_code == 3 and result.stdout == ""


# --- git-diff -------------------------------------------------------------------------------

def git_args(path: str, old: str, new: str) -> list[str]:
    return ["git-diff", path, old, "a" * 40, "100644", new, "b" * 40, "100644"]


def test_git_diff_of_an_added_or_deleted_file(monkeypatch: pytest.MonkeyPatch) -> None:
    added = invoke(monkeypatch, RuntimeError("not called"), "--lang", "en",
                   *git_args("plans/ke-hoach.yaml", os.devnull, "/tmp/x"))
    assert (added.exit_code, added.stderr) == (0, "")
    assert added.stdout == ("plangen diff a/plans/ke-hoach.yaml b/plans/ke-hoach.yaml\n"
                            "added file: no earlier version to compare\n")
    deleted = invoke(monkeypatch, RuntimeError("not called"),
                     *git_args("ke-hoach.yaml", "/tmp/x", os.devnull))
    assert deleted.exit_code == 0
    assert deleted.stdout.splitlines()[1] == "tệp đã bị xóa"


def test_git_diff_prints_the_text_diff_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_compare, "stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = invoke(monkeypatch, REPORT, *git_args("ke-hoach.yaml", "/tmp/o", "/tmp/n"))
    assert result.exit_code == 0
    assert result.stdout == ("plangen diff a/ke-hoach.yaml b/ke-hoach.yaml\n"
                             + out.as_text(REPORT, lang="vi", color=False))
    nothing = invoke(monkeypatch, EMPTY, *git_args("ke-hoach.yaml", "/tmp/o", "/tmp/n"))
    assert nothing.stdout.splitlines()[1:] == ["nội dung kế hoạch không thay đổi"]


def test_git_diff_of_a_yaml_that_is_not_a_plan(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    old, new = tmp_path / "tmp_old", tmp_path / "tmp_new"
    old.write_text("name: ci\nsteps: [build]\n", encoding="utf-8")
    new.write_text("name: ci\nsteps: [build, test]\n", encoding="utf-8")
    error = InvalidInput([Problem(str(new), 2, 1, ("steps",), Message("no such file")),
                          Problem(str(old), 1, 1, ("name",), Message("no such file"))])
    result = invoke(monkeypatch, error, "--lang", "en", *git_args(".ci.yaml", str(old), str(new)))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "plangen diff a/.ci.yaml b/.ci.yaml",
        "not a plan plangen can compare (2 problem(s), the first: b/.ci.yaml:2:1: steps: no "
        "such file); the text diff follows",
        "--- a/.ci.yaml", "+++ b/.ci.yaml", "@@ -1,2 +1,2 @@", " name: ci",
        "-steps: [build]", "+steps: [build, test]"]


def test_git_diff_survives_a_bug(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    old, new = tmp_path / "o", tmp_path / "n"
    old.write_text("a\n", encoding="utf-8")
    new.write_text("b", encoding="utf-8")
    result = invoke(monkeypatch, RuntimeError("boom"), "--lang", "en",
                    *git_args("p.yaml", str(old), str(new)))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("internal error: RuntimeError: boom")
    assert result.stdout.splitlines()[-3:] == ["-a", "+b", "\\ No newline at end of file"]


def test_git_diff_fails_only_when_a_file_cannot_be_read(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    missing = str(tmp_path / "gone")
    error = InvalidInput([Problem(missing, 1, 1, (), Message("no such file"))])
    result = invoke(monkeypatch, error, "--lang", "en", *git_args("p.yaml", missing, missing))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cannot read {missing}: ")


def test_git_diff_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    assert invoke(monkeypatch, EMPTY, "git-diff", "a", "b").exit_code == 2
    unmerged = invoke(monkeypatch, EMPTY, "--lang", "en", "git-diff", "p.yaml")
    assert (unmerged.exit_code, unmerged.stdout) == (
        0, "plangen diff p.yaml\nunmerged: resolve the conflict first\n")
    renamed = invoke(monkeypatch, REPORT, *git_args("old.yaml", "/tmp/o", "/tmp/n"),
                     "new.yaml", "similarity index 90%")
    assert renamed.stdout.splitlines()[0] == "plangen diff a/old.yaml b/new.yaml"
