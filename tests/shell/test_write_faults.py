"""The write path under faults: nothing partial is left, a good file is never destroyed."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ROOT

from generator.cli import main
from generator.shell import atomic
from generator.shell.errors import Message, OutputFailed

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
    assert caught.value.message.params["reason"] == Message("no space left on the disk")
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

    def refused(**kwargs: object) -> str:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.tempfile, "mkdtemp", refused)
    with pytest.raises(OutputFailed) as caught:
        atomic.write_bytes(target, b"new")
    assert caught.value.message.params["reason"] == Message(
        "permission denied")
    assert target.read_bytes() == b"good"
    assert leftovers(tmp_path) == ["a.docx"]


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(OutputFailed) as caught:
        atomic.write_bytes(tmp_path / "nope" / "a.docx", b"x")
    assert caught.value.message.msgid == "the output folder does not exist: {path}"


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test; the original is restored afterwards."""
    original = os.umask(0o022)
    os.umask(original)
    yield os.umask
    os.umask(original)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_new_file_gets_the_mode_open_would_give(tmp_path: Path, umask: Callable[[int], None],
                                                mask: int, expected: int) -> None:
    umask(mask)
    target = tmp_path / "a.docx"
    atomic.write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == expected
    assert atomic.current_umask() == mask  # read, not changed


def test_overwritten_file_keeps_its_mode(tmp_path: Path, umask: Callable[[int], None]) -> None:
    umask(0o022)
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    target.chmod(0o604)
    atomic.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604


def test_umask_without_proc(tmp_path: Path, umask: Callable[[int], None],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    umask(0o027)
    real_open = open

    def no_proc(file: object, *args: object, **kwargs: object) -> object:
        if file == "/proc/self/status":
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", no_proc)
    assert atomic.current_umask() == 0o027
    assert atomic.current_umask() == 0o027  # the swap restored it
    atomic.write_bytes(tmp_path / "a.docx", b"new")
    assert stat.S_IMODE((tmp_path / "a.docx").stat().st_mode) == 0o640


@pytest.mark.parametrize(("code", "said"), [
    (errno.EROFS, "hệ thống tệp chỉ cho phép đọc"),
    (errno.ENOSPC, "ổ đĩa đã hết chỗ trống"),
    (errno.EISDIR, "đó là một thư mục"),
    (errno.EACCES, "không có quyền truy cập"),
    (errno.EDQUOT, "đã vượt hạn mức dung lượng đĩa"),
])
def test_the_system_refusal_is_said_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 code: int, said: str) -> None:
    def refused(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "fsync", refused)
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path / "s.json")])
    assert (result.exit_code, result.stderr) == (
        3, f"không ghi được {tmp_path / 's.json'}: {said}\n")
    assert leftovers(tmp_path) == []


def test_an_unknown_system_error_keeps_the_system_words(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(fd: int) -> None:
        raise OSError(errno.ENOLINK, os.strerror(errno.ENOLINK))

    monkeypatch.setattr(atomic.os, "fsync", refused)
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path / "s.json")])
    assert result.stderr == f"không ghi được {tmp_path / 's.json'}: {os.strerror(errno.ENOLINK)}\n"
