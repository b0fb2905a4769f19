"""Run one function over many items, in worker processes when it pays, results in input order."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .progress import Progress

T = TypeVar("T")
R = TypeVar("R")


def run_all(items: Sequence[T], work: Callable[[T], R], *, workers: int, progress: Progress,
            label: Callable[[T], str] = str) -> list[R]:
    """work(item) for every item; the results in the order of ITEMS.

    With more than one item and workers > 1, the items are shared among min(workers, items)
    processes; WORK must then be a top-level (picklable) function, and items and results
    picklable. PROGRESS is advanced with label(item) as each item completes, and finished even
    on failure. The first error raised by WORK (a PlangenError pickles with its type, message
    and problems) is raised here once the items already running are done; no other item starts.
    KeyboardInterrupt cancels the pending items the same way.
    """
    progress.start(len(items))
    try:
        if workers > 1 and len(items) > 1:
            return _parallel(items, work, min(workers, len(items)), progress, label)
        results = []
        for item in items:
            results.append(work(item))
            progress.advance(label(item))
        return results
    finally:
        progress.finish()


def _parallel(items: Sequence[T], work: Callable[[T], R], workers: int, progress: Progress,
              label: Callable[[T], str]) -> list[R]:
    # Imported here: concurrent.futures and multiprocessing cost a cold start ~10 ms that a
    # single file never needs.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # fork: the workers start at once with every module the parent imported (rendering's
    # docxtpl and lxml included), instead of importing them again.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    results: list[Any] = [None] * len(items)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_ignore_interrupts)
    try:
        futures = {pool.submit(work, item): index for index, item in enumerate(items)}
        for future in as_completed(futures):
            index = futures[future]
            results[index] = future.result()
            progress.advance(label(items[index]))
    finally:
        # On an error or Ctrl-C: no new item starts, and those running finish (each writes its
        # file atomically) before the error goes on.
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (it cancels what has not started)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
