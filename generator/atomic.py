"""Atomic writes: a temporary file beside the target, fsynced, then renamed over it."""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import Message, OutputFailed


def make_folder(folder: Path) -> None:
    """Create an output folder (and its parents) if it does not exist yet."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFailed(Message("cannot create the folder {path}: {reason}",
                                   {"path": str(folder), "reason": exc.strerror or str(exc)})
                           ) from exc


def write_bytes(target: Path, data: bytes) -> None:
    """Write data to target so that a failure never leaves a partial or empty file."""
    folder = target.parent
    if target.exists() and not target.is_file():
        raise OutputFailed(Message("cannot write {path}: it exists and is not a regular file",
                                   {"path": str(target)}))
    if not folder.is_dir():
        raise OutputFailed(Message("the output folder does not exist: {path}",
                                   {"path": str(folder)}))
    temp: str | None = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        raise OutputFailed(Message("cannot write {path}: {reason}",
                                   {"path": str(target), "reason": exc.strerror or str(exc)})
                           ) from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
