"""plangen git-diff as git's external diff driver, in a real temporary repository.

The driver is this checkout's CLI (`sys.executable -m generator git-diff`), set up as README
says: `*.yaml diff=plangen` in .gitattributes and `git config diff.plangen.command …`.
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

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PLAN = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
OLD_TASK = '{id: snv-1, text: "Theo dõi, đôn đốc việc thực hiện."}'
NEW_TASK = '{id: snv-1, text: "Theo dõi, kiểm tra việc thực hiện."}'
EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent),
           "GIT_PAGER": "cat", "PAGER": "cat", "LC_ALL": "C.UTF-8",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                       os.environ.get("PYTHONPATH")]))}
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
    command = f"{shlex.quote(sys.executable)} -m generator git-diff"
    git(repo, "config", "diff.plangen.command", command)
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
    expected = "[-đôn đốc-]{+kiểm tra+}"
    for args in (("diff", "HEAD~1", "HEAD"), ("log", "-p", "--ext-diff", "-1")):
        shown = git(repo, *args)
        assert "plangen diff a/ke-hoach.yaml b/ke-hoach.yaml\n1. Sửa — " in shown
        assert expected in shown
        assert "\x1b[" not in shown
    # without --ext-diff, git log shows git's own line diff
    assert expected not in git(repo, "log", "-p", "-1")
