"""Atomic writes: a temporary file beside the target, fsynced, then renamed over it."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from pathlib import Path

from .errors import Message, OutputFailed, Refused


def make_folder(folder: Path) -> None:
    """Create an output folder (and its parents) if it does not exist yet."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFailed(Message("cannot create the folder {path}: {reason}",
                                   {"path": str(folder), "reason": exc.strerror or str(exc)})
                           ) from exc


_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it (Linux: /proc/self/status).

    Elsewhere the umask can only be read by setting it, so it is swapped and restored at once
    under a lock; another thread creating a file in that instant would still see 0o077.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def _mode_for(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets what open() would give it.

    Like the kernel on a write, set-user-ID and set-group-ID bits are not carried over.
    """
    try:
        return stat.S_IMODE(os.stat(target).st_mode) & ~(stat.S_ISUID | stat.S_ISGID)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


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
        mode = _mode_for(target)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as out:
            # mkstemp makes the file 0600 whatever the umask: give it its proper mode.
            os.fchmod(out.fileno(), mode)
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


def refuse_existing(targets: list[Path], force: bool) -> None:
    """Refused (exit 6), before anything is written, when a target exists and force is not given."""
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        shown = ", ".join(str(p) for p in existing[:5]) + (" …" if len(existing) > 5 else "")
        raise Refused(Message("{path} exists; nothing was written (use --force to overwrite)",
                              {"path": shown}))
