"""Batches: results in input order from two processes, errors as raised, progress on a stream."""
from __future__ import annotations

import io
import os
import pickle
import signal
import threading
import time
import zipfile
from pathlib import Path

import pytest
from helpers import EXAMPLES

from generator import api
from generator.shell import progress
from generator.shell.batch import run_all
from generator.shell.errors import (
    ConverterFailed,
    InvalidInput,
    Message,
    OutputFailed,
    PlangenError,
    Problem,
)


def pid_after(delay: float) -> tuple[float, int]:
    """A worker's result: the item, and the process that handled it."""
    time.sleep(delay)
    return delay, os.getpid()


def fail_on_three(item: int) -> int:
    if item == 3:
        raise OutputFailed(Message("cannot write {path}: {reason}",
                                   {"path": "/out/3.docx", "reason": "disk full"}))
    return item * 10


def touch_after_a_while(item: tuple[Path, int]) -> int:
    folder, index = item
    time.sleep(0.1)
    (folder / str(index)).touch()
    return index


def invalid_on_two(item: int) -> int:
    if item == 2:
        raise InvalidInput([Problem("b.yaml", 4, 7, ("plan", 2), Message("no such file"))])
    return item


class Recorder:
    """A Progress that keeps every call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def start(self, total: int) -> None:
        self.calls.append(("start", total))

    def advance(self, name: str) -> None:
        self.calls.append(("advance", name))

    def finish(self) -> None:
        self.calls.append(("finish", None))


def members(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_two_processes_share_the_items_and_results_keep_their_order() -> None:
    # The first items take longest, so they finish last: the order is the input's anyway.
    items = [0.2, 0.15, 0.1, 0.05, 0.0, 0.0, 0.0, 0.0]
    recorder = Recorder()
    results = run_all(items, pid_after, workers=2, progress=recorder)
    assert [item for item, _ in results] == items
    pids = {pid for _, pid in results}
    assert len(pids) == 2
    assert os.getpid() not in pids
    assert recorder.calls[0] == ("start", 8)
    assert recorder.calls[-1] == ("finish", None)
    assert sorted(str(name) for kind, name in recorder.calls if kind == "advance") == \
        sorted(map(str, items))


@pytest.mark.parametrize("workers", [1, 4])
def test_one_worker_or_one_item_stays_in_this_process(workers: int) -> None:
    items = [0.0] if workers > 1 else [0.0, 0.0, 0.0]
    results = run_all(items, pid_after, workers=workers, progress=progress.Silent())
    assert {pid for _, pid in results} == {os.getpid()}


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_in_one_item_is_raised_as_it_was(workers: int) -> None:
    recorder = Recorder()
    with pytest.raises(OutputFailed) as caught:
        run_all(list(range(6)), fail_on_three, workers=workers, progress=recorder)
    assert caught.value.message == Message("cannot write {path}: {reason}",
                                           {"path": "/out/3.docx", "reason": "disk full"})
    assert caught.value.exit_code == 3
    assert recorder.calls[-1] == ("finish", None)


def test_ctrl_c_cancels_the_items_not_started(tmp_path: Path) -> None:
    items = [(tmp_path, index) for index in range(40)]  # 2 s of work for two processes
    recorder = Recorder()
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            run_all(items, touch_after_a_while, workers=2, progress=recorder)
    finally:
        timer.cancel()
    done = len(list(tmp_path.iterdir()))
    time.sleep(0.3)
    assert len(list(tmp_path.iterdir())) == done < 20  # nothing runs on after the return
    assert recorder.calls[-1] == ("finish", None)


def test_invalid_input_keeps_its_problems_across_processes() -> None:
    with pytest.raises(InvalidInput) as caught:
        run_all([1, 2, 3], invalid_on_two, workers=2, progress=progress.Silent())
    assert caught.value.problems == [
        Problem("b.yaml", 4, 7, ("plan", 2), Message("no such file"))]
    assert caught.value.message == Message("{count} problem(s) found", {"count": 1})


@pytest.mark.parametrize("error", [
    ConverterFailed(Message("LibreOffice could not convert {path}: {reason}",
                            {"path": "a.docx", "reason": "crash"})),
    InvalidInput([Problem("b.yaml", 4, 7, ("plan", 2), Message("no such file"))]),
])
def test_errors_pickle_with_their_type_message_and_problems(error: PlangenError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert vars(copy) == vars(error)
    assert copy.args == error.args


def test_progress_on_a_pipe_is_plain_lines() -> None:
    stream = io.StringIO()
    shown = progress.for_stream(stream)
    run_all(["a.docx", "b.docx", "c.docx"], str.upper, workers=1, progress=shown)
    assert stream.getvalue() == "1/3 a.docx\n2/3 b.docx\n3/3 c.docx\n"


def test_progress_on_a_terminal_is_one_redrawn_bar() -> None:
    stream = FakeTerminal()
    shown = progress.for_stream(stream, columns=80)
    names = [f"file-{i:02d}.docx" for i in range(20)]
    run_all(names, str.upper, workers=1, progress=shown)
    out = stream.getvalue()
    assert out.startswith("\r[--------------------] 0/20")
    assert "\r[#######-------------] 7/20 file-06.docx" in out
    assert out.endswith("\r[####################] 20/20 file-19.docx\n")
    assert out.count("\n") == 1
    assert all(len(frame) < 80 for frame in out.split("\r"))


def test_a_bar_line_never_wraps_and_a_shorter_one_erases_the_longer() -> None:
    stream = FakeTerminal()
    bar = progress.Bar(stream, columns=40, width=10)
    bar.start(2)
    bar.advance("a-very-long-name-that-does-not-fit-in-forty-columns.docx")
    bar.advance("b.docx")
    bar.finish()
    frames = stream.getvalue().rstrip("\n").split("\r")[1:]
    assert frames[1] == "[#####-----] 1/2 a-very-long-name-that-"
    assert frames[2] == "[##########] 2/2 b.docx".ljust(39)


def test_silent_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    run_all(["a", "b"], str.upper, workers=1, progress=progress.Silent())
    assert capsys.readouterr() == ("", "")


def test_render_files_in_two_processes_writes_what_one_process_writes(tmp_path: Path) -> None:
    sources = []
    for copy in range(2):
        for example in EXAMPLES:
            source = tmp_path / f"{example.stem}-{copy}.yaml"
            source.write_bytes(example.read_bytes())
            sources.append(source)
    recorder = Recorder()
    parallel = api.render_files(api.RenderRequest(sources, tmp_path / "two", workers=2,
                                                  progress=recorder))
    serial = api.render_files(api.RenderRequest(sources, tmp_path / "one"))
    assert parallel == [tmp_path / "two" / f"{s.stem}.docx" for s in sources]
    for two, one in zip(parallel, serial, strict=True):
        assert members(two) == members(one)  # the zip's own dates are the time of writing
    assert sorted(name for kind, name in recorder.calls if kind == "advance") == \
        sorted(p.name for p in parallel)


def test_two_sources_with_one_name_are_refused_before_writing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "plan.yaml", tmp_path / "b" / "plan.yaml"
    for source in (first, second):
        source.write_bytes(EXAMPLES[0].read_bytes())
    with pytest.raises(OutputFailed) as caught:
        api.render_files(api.RenderRequest([first, second], tmp_path / "out", workers=2))
    assert caught.value.message.params == {"first": str(first), "second": str(second),
                                           "path": str(tmp_path / "out" / "plan.docx")}
    assert not (tmp_path / "out").exists()
