"""The write path under faults: nothing partial is left, a good file is never destroyed."""
from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from generator import atomic
from generator.cli import main
from generator.errors import OutputFailed

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_write_replaces_atomically(tmp_path: Path) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert leftovers(tmp_path) == ["a.docx"]


def test_disk_full_leaves_the_old_file_and_no_temp(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"good")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OutputFailed) as caught:
        atomic.write_bytes(target, b"new")
    assert caught.value.message.params["reason"] == os.strerror(errno.ENOSPC)
    assert target.read_bytes() == b"good"
    assert leftovers(tmp_path) == ["a.docx"]


def test_ctrl_c_during_the_write_leaves_the_old_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"good")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"good"
    assert leftovers(tmp_path) == ["a.docx"]


def test_ctrl_c_in_the_cli_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    result = CliRunner().invoke(main, ["--lang", "en", "render", str(MINIMAL), "-o",
                                       str(tmp_path)])
    assert result.exit_code == 130
    assert result.stderr == "interrupted; no partial file was left\n"
    assert leftovers(tmp_path) == []


def test_dev_full_is_refused_not_replaced() -> None:
    before = os.stat("/dev/full")
    with pytest.raises(OutputFailed) as caught:
        atomic.write_bytes(Path("/dev/full"), b"x")
    assert caught.value.message.msgid == "cannot write {path}: it exists and is not a regular file"
    assert os.stat("/dev/full").st_rdev == before.st_rdev


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root (CI) chmod does not stop writes, so the refusal the OS gives is simulated.
    target = tmp_path / "a.docx"
    target.write_bytes(b"good")

    def refused(**kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refused)
    with pytest.raises(OutputFailed) as caught:
        atomic.write_bytes(target, b"new")
    assert caught.value.message.params["reason"] == os.strerror(errno.EACCES)
    assert target.read_bytes() == b"good"


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(OutputFailed) as caught:
        atomic.write_bytes(tmp_path / "nope" / "a.docx", b"x")
    assert caught.value.message.msgid == "the output folder does not exist: {path}"
