"""plangen git-diff as git's external diff driver, in a real temporary repository.

The driver is set up as README says: `*.yaml diff=plangen` in .gitattributes and
`plangen git-setup`, which writes the absolute path of this Python: git runs it with a PATH
that has no plangen on it, as for a user who installed into .venv and did not activate it.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

from generator.shell.errors import Message
from generator.shell.i18n import translate

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
OLD_TASK = '{id: snv-1, text: "Theo dõi, đôn đốc việc thực hiện."}'
NEW_TASK = '{id: snv-1, text: "Theo dõi, kiểm tra việc thực hiện."}'
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


# A PATH with git but without plangen (the venv's bin is not on it).
BARE_PATH = os.pathsep.join(p for p in ("/usr/local/bin", "/usr/bin", "/bin")
                            if not Path(p, "plangen").exists())


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent),
           "PATH": BARE_PATH,
           "GIT_PAGER": "cat", "PAGER": "cat", "LC_ALL": "C.UTF-8"}
    env.pop("PYTHONPATH", None)
    env.pop("GIT_EXTERNAL_DIFF", None)
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, env=env,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the plangen driver: one commit of a plan, one of an edit of it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.com")
    git(repo, "config", "commit.gpgsign", "false")
    setup = subprocess.run([sys.executable, "-m", "generator", "--lang", "en", "git-setup",
                            "--repo", str(repo)], capture_output=True, text=True, check=False,
                           env={**os.environ, "HOME": str(repo.parent), "PATH": BARE_PATH})
    assert setup.returncode == 0, setup.stderr
    assert shutil.which("plangen", path=BARE_PATH) is None
    (repo / ".gitattributes").write_text("*.yaml diff=plangen\n", encoding="utf-8")
    assert OLD_TASK in PLAN
    (repo / "ke-hoach.yaml").write_text(PLAN, encoding="utf-8")
    (repo / "ci.yaml").write_text("name: ci\nsteps: [build]\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "plan")
    (repo / "ke-hoach.yaml").write_text(PLAN.replace(OLD_TASK, NEW_TASK), encoding="utf-8")
    (repo / "ci.yaml").write_text("name: ci\nsteps: [build, test]\n", encoding="utf-8")
    git(repo, "commit", "-q", "-a", "-m", "edit")
    return repo


def test_an_added_file_is_said_in_one_line(repo: Path) -> None:
    shown = git(repo, "diff", EMPTY_TREE, "HEAD~1")
    assert "plangen diff a/ke-hoach.yaml b/ke-hoach.yaml\n" \
           "tệp mới thêm: không có bản trước để so sánh\n" in shown


def test_a_deleted_file_is_said_in_one_line(repo: Path) -> None:
    git(repo, "rm", "-q", "ke-hoach.yaml")
    git(repo, "commit", "-q", "-m", "remove")
    shown = git(repo, "log", "-p", "--ext-diff", "-1")
    assert "plangen diff a/ke-hoach.yaml b/ke-hoach.yaml\ntệp đã bị xóa\n" in shown


def test_a_yaml_that_is_not_a_plan_shows_its_text_diff(repo: Path) -> None:
    shown = git(repo, "diff", "HEAD~1", "HEAD", "--", "ci.yaml")
    assert shown.startswith("plangen diff a/ci.yaml b/ci.yaml\n")
    assert "--- a/ci.yaml\n+++ b/ci.yaml\n" in shown
    assert "-steps: [build]\n+steps: [build, test]\n" in shown


def test_git_diff_and_log_show_the_plans_changes(repo: Path) -> None:
    expected = "[-đôn đốc-][+kiểm tra+]"
    for args in (("diff", "HEAD~1", "HEAD"), ("log", "-p", "--ext-diff", "-1")):
        shown = git(repo, *args)
        assert ("plangen diff a/ke-hoach.yaml b/ke-hoach.yaml\n"
                "Chú thích: [-chữ bỏ-] [+chữ thêm+]\n\n1. Sửa — ") in shown
        assert expected in shown
        assert "\x1b[" not in shown
    # without --ext-diff, git log shows git's own line diff
    assert expected not in git(repo, "log", "-p", "-1")


def test_the_setup_writes_the_absolute_command(repo: Path) -> None:
    written = git(repo, "config", "--get", "diff.plangen.command").strip()
    assert shlex.split(written) == [sys.executable, "-m", "generator", "git-diff"]
    assert os.path.isabs(shlex.split(written)[0])


def test_the_setup_outside_a_repository_is_refused(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "generator", "--lang", "en", "git-setup",
                           "--repo", str(tmp_path)], capture_output=True, text=True,
                          check=False, env={**os.environ, "GIT_CEILING_DIRECTORIES":
                                            str(tmp_path.parent)})
    assert (done.returncode, done.stderr) == (
        2, f"{tmp_path} is not inside a git repository\n")


def test_the_setup_says_when_gitattributes_lacks_the_line(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q")
    done = subprocess.run([sys.executable, "-m", "generator", "--lang", "en", "git-setup",
                           "--repo", str(repo)], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stderr.splitlines()[1] == (
        "add the line `*.yaml diff=plangen` to .gitattributes so that git uses it for plan files")


@pytest.mark.parametrize(("content", "reason"), [
    (b"\x00\x01\x02PK\x03\x04" * 200, "this is a binary file, not a YAML text file"),
    ("plangen: 1\nkind: plan\n".encode("utf-16"),
     "the file is UTF-16 text, not UTF-8 (save it as UTF-8)"),
])
def test_a_binary_or_utf16_yaml_is_said_as_git_says_it(repo: Path, content: bytes,
                                                         reason: str) -> None:
    (repo / "ke-hoach.yaml").write_bytes(content)
    git(repo, "commit", "-q", "-a", "-m", "broken")
    shown = subprocess.run(
        ["git", "-C", str(repo), "-c", "core.pager=cat", "diff", "HEAD~1", "HEAD", "--",
         "ke-hoach.yaml"], capture_output=True, check=False,
        env={**os.environ, "PATH": BARE_PATH, "HOME": str(repo.parent), "LC_ALL": "C.UTF-8"})
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout.decode("utf-8")
    assert text.splitlines()[-1] == (
        "tệp nhị phân a/ke-hoach.yaml và b/ke-hoach.yaml khác nhau (không so sánh)")
    said = translate(Message(reason), "vi")
    assert text.splitlines() == [
        "plangen diff a/ke-hoach.yaml b/ke-hoach.yaml", f"b/ke-hoach.yaml: {said}",
        "tệp nhị phân a/ke-hoach.yaml và b/ke-hoach.yaml khác nhau (không so sánh)"]
