"""Safe writes: outputs checked against the inputs, staged in a hidden folder, renamed at once."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType

from generator.shell.errors import Message, OutputFailed, Refused, os_reason


def _failed(msgid: str, path: Path, exc: OSError) -> OutputFailed:
    return OutputFailed(Message(msgid, {"path": str(path), "reason": os_reason(exc)}))


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


def mode_for(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets what open() would give it.

    Like the kernel on a write, set-user-ID and set-group-ID bits are not carried over.
    """
    try:
        return stat.S_IMODE(os.stat(target).st_mode) & ~(stat.S_ISUID | stat.S_ISGID)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


# --- which files may be written ----------------------------------------------------------------


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file: another spelling, a symbolic or a hard link."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.realpath(first) == os.path.realpath(second)


def guard_outputs(targets: Sequence[Path], inputs: Sequence[Path], *, force: bool,
                  replaceable: bool = False) -> list[Path]:
    """The files to write for TARGETS, checked before anything is written.

    Refused (exit 6): a target that is one of INPUTS, whatever FORCE says; an existing file
    without FORCE, unless REPLACEABLE (files the command itself makes, such as a render's
    DOCX); a symbolic link without FORCE (with it, the file it points to is written and the
    link stays), and always among REPLACEABLE files, which are written without being asked.
    Returns the paths to write: a forced link's target in place of the link.
    """
    for target in targets:
        for source in inputs:
            if same_file(target, source):
                raise Refused(Message(
                    "the output {path} is the input {input}: plangen never writes over its own "
                    "input; choose another name", {"path": str(target), "input": str(source)}))
    links = [t for t in targets if t.is_symlink()]
    if links and replaceable:
        raise Refused(Message("{path} is a symbolic link; nothing was written (remove the link "
                              "or write to another folder)", {"path": _shown(links)}))
    if links and not force:
        raise Refused(Message("{path} is a symbolic link; nothing was written (use --force to "
                              "write the file it points to)", {"path": _shown(links)}))
    if not replaceable:
        existing = [t for t in targets if t.exists() and not t.is_symlink()]
        if existing and not force:
            raise Refused(Message("{path} exists; nothing was written (use --force to overwrite)",
                                  {"path": _shown(existing)}))
    return [Path(os.path.realpath(t)) if t.is_symlink() else t for t in targets]


def _shown(paths: Sequence[Path]) -> str:
    return ", ".join(str(p) for p in paths[:5]) + (" …" if len(paths) > 5 else "")


def refuse_existing(targets: list[Path], force: bool) -> None:
    """Refused (exit 6), before anything is written, when a target exists and force is not given."""
    guard_outputs(targets, [], force=force)


# --- writing ------------------------------------------------------------------------------------


class Staging:
    """Files written into a hidden folder beside their targets, then renamed into place together.

    Used as a context manager: leaving the block normally renames every staged file over its
    target (Ctrl-C is held back for those few renames); an error or Ctrl-C inside the block
    removes every staged file, and every folder this run created, so nothing is left half-done.
    """

    def __init__(self) -> None:
        self._work: dict[Path, Path] = {}  # target folder -> its hidden staging folder
        self._staged: dict[Path, Path] = {}  # target -> staged file
        self._created: list[Path] = []  # folders made by this run, outermost first

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()

    def make_folder(self, folder: Path) -> None:
        """Create an output folder and its parents; on rollback the new ones go again."""
        missing: list[Path] = []
        probe = folder
        while not probe.exists() and probe != probe.parent:
            missing.append(probe)
            probe = probe.parent
        # Ctrl-C held: a folder made but not yet recorded would outlive the rollback.
        with _interrupts_held():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _failed("cannot create the folder {path}: {reason}", folder, exc) from exc
            finally:
                self._created.extend(p for p in reversed(missing) if p.is_dir())

    def path_for(self, target: Path) -> Path:
        """Where TARGET's new content is put until the commit (same name, hidden folder)."""
        staged = self._staged.get(target)
        if staged is not None:
            return staged
        folder = target.parent
        if target.exists() and not target.is_file():
            raise OutputFailed(Message("cannot write {path}: it exists and is not a regular "
                                       "file", {"path": str(target)}))
        if not folder.is_dir():
            raise OutputFailed(Message("the output folder does not exist: {path}",
                                       {"path": str(folder)}))
        work = self._work.get(folder)
        if work is None:
            # Ctrl-C held until the staging folder is recorded, so that rollback removes it.
            with _interrupts_held():
                try:
                    work = Path(tempfile.mkdtemp(prefix=".plangen-", dir=folder))
                except OSError as exc:
                    raise _failed("cannot write {path}: {reason}", target, exc) from exc
                self._work[folder] = work
        staged = work / target.name
        self._staged[target] = staged
        return staged

    def write(self, target: Path, data: bytes) -> None:
        """Stage DATA as TARGET's new content (on disk and synced, not yet in place)."""
        staged = self.path_for(target)
        try:
            with open(staged, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise _failed("cannot write {path}: {reason}", target, exc) from exc

    def commit(self) -> None:
        """Rename every staged file over its target; then the staging folders go."""
        with _interrupts_held():
            try:
                for target, staged in self._staged.items():
                    try:
                        os.chmod(staged, mode_for(target))
                        os.replace(staged, target)
                    except OSError as exc:
                        raise _failed("cannot write {path}: {reason}", target, exc) from exc
            finally:
                self._remove_work()

    def rollback(self) -> None:
        """Remove what was staged and the folders this run created (when they are empty)."""
        self._remove_work()
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()

    def _remove_work(self) -> None:
        for work in self._work.values():
            shutil.rmtree(work, ignore_errors=True)
        self._work.clear()


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C waits until the block is done (it is delivered right after).

    The handler is swapped rather than the signal blocked: SIGINT goes to whichever thread does
    not block it (a worker pool's threads), and Python then runs its handler in the main thread
    at once; a deferring handler holds it wherever it lands.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught and callable(previous):
            previous(signal.SIGINT, None)


def write_bytes(target: Path, data: bytes) -> None:
    """Write data to target so that a failure never leaves a partial or empty file."""
    with Staging() as staging:
        staging.write(target, data)


def make_folder(folder: Path) -> None:
    """Create an output folder (and its parents) if it does not exist yet."""
    Staging().make_folder(folder)


def write_new(target: Path, data: bytes, *, inputs: Sequence[Path] = (),
              force: bool = False, make_parents: bool = False) -> None:
    """Write a file a person may edit (YAML, JSON, a report): never over one of INPUTS, and
    over an existing file or through a symbolic link only with FORCE; atomically.

    make_parents: create the file's folder when it is missing (else: OutputFailed, exit 3).
    """
    [real] = guard_outputs([target], inputs, force=force)
    with Staging() as staging:
        if make_parents:
            staging.make_folder(real.parent)
        staging.write(real, data)
