"""Run one function over many items, in worker processes when it pays, results in input order."""
from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from generator.shell.progress import Progress

T = TypeVar("T")
R = TypeVar("R")


def run_all(items: Sequence[T], work: Callable[[T], R], *, workers: int, progress: Progress,
            label: Callable[[T], str] = str,
            on_result: Callable[[T, R], None] | None = None) -> list[R]:
    """work(item) for every item; the results in the order of ITEMS.

    With more than one item and workers > 1, the items are shared among min(workers, items)
    processes; WORK must then be a top-level (picklable) function, and items and results
    picklable. WORK should compute, not write: ON_RESULT (called in this process, as each item
    completes, before PROGRESS is advanced with label(item)) is where results are kept, so
    that a stopped batch never leaves a worker writing. PROGRESS is finished even on failure.
    The first error raised by WORK (a PlangenError pickles with its type, message and
    problems) is raised here and the workers are stopped at once; so is KeyboardInterrupt.
    """
    progress.start(len(items))
    try:
        if workers > 1 and len(items) > 1:
            return _parallel(items, work, min(workers, len(items)), progress, label, on_result)
        results = []
        for item in items:
            result = work(item)
            if on_result is not None:
                on_result(item, result)
            results.append(result)
            progress.advance(label(item))
        return results
    finally:
        progress.finish()


def _parallel(items: Sequence[T], work: Callable[[T], R], workers: int, progress: Progress,
              label: Callable[[T], str], on_result: Callable[[T, R], None] | None) -> list[R]:
    # Imported here: multiprocessing costs a cold start ~10 ms that a single file never needs.
    import multiprocessing

    # fork: the workers start at once with every module the parent imported (rendering's
    # docxtpl and lxml included), instead of importing them again.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    results: list[Any] = [None] * len(items)
    pool = context.Pool(workers, initializer=_ignore_interrupts)
    try:
        indexed = functools.partial(_indexed, work)
        for index, result in pool.imap_unordered(indexed, enumerate(items)):
            if on_result is not None:
                on_result(items[index], result)
            results[index] = result
            progress.advance(label(items[index]))
        pool.close()
    finally:
        # On an error or Ctrl-C the workers are killed at once: they write nothing, so
        # nothing is lost, and waiting for them would keep the user waiting.
        pool.terminate()
        pool.join()
    return results


def _indexed(work: Callable[[T], R], pair: tuple[int, T]) -> tuple[int, R]:
    """work(item) with the item's index, so that results can be put back in order."""
    index, item = pair
    return index, work(item)


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the workers)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
