"""Convert DOCX files to PDF with LibreOffice (the real client that opens our DOCX in tests)."""
from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .atomic import current_umask
from .errors import ConverterFailed, Message, OutputFailed

TIMEOUT_SECONDS = 180  # for the first document; each further one adds PER_DOCUMENT_SECONDS
PER_DOCUMENT_SECONDS = 20


def convert_to_pdf(soffice: str | None, docx: Path, target: Path) -> None:
    """Write target (a PDF) from docx with the given soffice executable, atomically."""
    _convert(soffice, [docx], [target])


def convert_all_to_pdf(soffice: str | None, docxs: Sequence[Path], folder: Path) -> list[Path]:
    """FOLDER/NAME.pdf of every NAME.docx (names all different), in one LibreOffice run.

    All or nothing: LibreOffice converts into a temporary folder inside FOLDER, every PDF is
    checked (present, not empty), and only then is each renamed into place. When LibreOffice
    is missing or fails (ConverterFailed, exit 5), no PDF is written or replaced and no partial
    file is left. Returns the PDFs, in the order of DOCXS.
    """
    if len({docx.stem for docx in docxs}) < len(docxs):
        raise ValueError("LibreOffice names each PDF after its DOCX: the names must differ")
    targets = [folder / f"{docx.stem}.pdf" for docx in docxs]
    _convert(soffice, list(docxs), targets)
    return targets


def _convert(soffice: str | None, docxs: list[Path], targets: list[Path]) -> None:
    """Make each target PDF (all in one folder) from its DOCX in one LibreOffice run."""
    if soffice is None:
        raise ConverterFailed(Message(
            "LibreOffice is not installed, so no PDF was made (the DOCX was written); install "
            "it with: apt-get install libreoffice-writer-nogui fonts-liberation2"))
    if not docxs:
        return
    for target in targets:
        if target.exists() and not target.is_file():
            raise OutputFailed(Message("cannot write {path}: it exists and is not a regular file",
                                       {"path": str(target)}))
    work = _work_folder(targets[0].parent)
    try:
        # A private LibreOffice profile: a LibreOffice the user has open would otherwise take
        # the request over and return at once without converting anything.
        with tempfile.TemporaryDirectory(prefix="plangen-lo-") as profile_dir:
            profile = Path(profile_dir, "profile").as_uri()
            command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                       "--convert-to", "pdf", "--outdir", str(work), *map(str, docxs)]
            timeout = TIMEOUT_SECONDS + PER_DOCUMENT_SECONDS * (len(docxs) - 1)
            try:
                done = subprocess.run(command, capture_output=True, timeout=timeout,
                                      stdin=subprocess.DEVNULL, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:
                raise ConverterFailed(Message(
                    "LibreOffice could not convert {path}: {reason}",
                    {"path": ", ".join(map(str, docxs)), "reason": str(exc)})) from exc
        missing = [docx for docx in docxs if not _made(work / f"{docx.stem}.pdf")]
        if done.returncode != 0 or missing:
            reason = done.stderr.decode("utf-8", "replace").strip()[:300] or "no PDF produced"
            raise ConverterFailed(Message(
                "LibreOffice could not convert {path}: {reason}",
                {"path": ", ".join(map(str, missing or docxs)), "reason": reason}))
        for docx, target in zip(docxs, targets, strict=True):
            _place(work / f"{docx.stem}.pdf", target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _work_folder(folder: Path) -> Path:
    """A new temporary folder inside FOLDER: a rename from it into FOLDER is atomic."""
    try:
        return Path(tempfile.mkdtemp(prefix=".plangen-pdf-", dir=folder))
    except OSError as exc:
        raise OutputFailed(Message("cannot write {path}: {reason}",
                                   {"path": str(folder), "reason": exc.strerror or str(exc)})
                           ) from exc


def _made(pdf: Path) -> bool:
    """LibreOffice wrote this PDF: a regular file, not empty."""
    try:
        return pdf.is_file() and pdf.stat().st_size > 0
    except OSError:
        return False


def _place(produced: Path, target: Path) -> None:
    """Rename a finished PDF over its target, with the permissions a write would give it.

    An existing target keeps its permissions; a new one gets 0666 minus the umask.
    """
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode) & ~(stat.S_ISUID | stat.S_ISGID)
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
        with open(produced, "rb") as handle:
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(produced, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            produced.unlink()
        raise OutputFailed(Message("cannot write {path}: {reason}",
                                   {"path": str(target), "reason": exc.strerror or str(exc)})
                           ) from exc
