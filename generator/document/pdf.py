"""Convert DOCX files to PDF with LibreOffice (the real client that opens our DOCX in tests)."""
from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.shell.atomic import Staging
from generator.shell.errors import ConverterFailed, Message, os_reason
from generator.shell.processes import run_in_group

TIMEOUT_SECONDS = 180  # for the first document; each further one adds PER_DOCUMENT_SECONDS
PER_DOCUMENT_SECONDS = 20


def convert_to_pdf(soffice: str | None, docx: Path, target: Path) -> None:
    """Write target (a PDF) from docx with the given soffice executable, atomically."""
    convert_all_to_pdf(soffice, [docx], target.parent, [target])


def convert_all_to_pdf(soffice: str | None, docxs: Sequence[Path], folder: Path,
                       targets: Sequence[Path] | None = None) -> list[Path]:
    """FOLDER/NAME.pdf of every NAME.docx (names all different), in one LibreOffice run.

    All or nothing: LibreOffice converts into a staging folder inside FOLDER, every PDF is
    checked (present, not empty), and only then is each renamed into place. When LibreOffice
    is missing or fails (ConverterFailed, exit 5), no PDF is written or replaced and no partial
    file is left. Returns the PDFs (TARGETS when given), in the order of DOCXS.
    """
    if len({docx.stem for docx in docxs}) < len(docxs):
        raise ValueError("LibreOffice names each PDF after its DOCX: the names must differ")
    if targets is None:
        targets = [folder / f"{docx.stem}.pdf" for docx in docxs]
    with Staging() as staging:
        staged = [staging.path_for(target) for target in targets]
        made = convert_into(soffice, docxs, staged[0].parent if staged else folder)
        for produced, place in zip(made, staged, strict=True):
            if produced != place:
                os.replace(produced, place)
    return list(targets)


def convert_into(soffice: str | None, docxs: Sequence[Path], outdir: Path,
                 shown: Sequence[Path] | None = None) -> list[Path]:
    """OUTDIR/NAME.pdf of every NAME.docx, in one LibreOffice run, each checked to be made.

    ConverterFailed (exit 5) when LibreOffice is missing, fails or makes no PDF of a file;
    its message names SHOWN (the DOCX as the user knows them, not where they are staged).
    """
    names = dict(zip(docxs, shown or docxs, strict=True))
    if soffice is None:
        raise ConverterFailed(Message(
            "LibreOffice is not installed, so no PDF was made (the DOCX was written); install "
            "it with: apt-get install libreoffice-writer-nogui fonts-liberation2"))
    if not docxs:
        return []
    # A private LibreOffice profile: a LibreOffice the user has open would otherwise take
    # the request over and return at once without converting anything.
    with tempfile.TemporaryDirectory(prefix="plangen-lo-") as profile_dir:
        profile = Path(profile_dir, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docxs)]
        timeout = TIMEOUT_SECONDS + PER_DOCUMENT_SECONDS * (len(docxs) - 1)
        try:
            done = _run_group(command, timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
            raise ConverterFailed(Message(
                "LibreOffice could not convert {path}: {reason}",
                {"path": ", ".join(str(names[d]) for d in docxs), "reason": reason})) from exc
    made = [outdir / f"{docx.stem}.pdf" for docx in docxs]
    missing = [docx for docx, pdf in zip(docxs, made, strict=True) if not _made(pdf)]
    if done.returncode != 0 or missing:
        reason = done.stderr.decode("utf-8", "replace").strip()[:300] or "no PDF produced"
        raise ConverterFailed(Message(
            "LibreOffice could not convert {path}: {reason}",
            {"path": ", ".join(str(names[d]) for d in missing or docxs), "reason": reason}))
    for pdf in made:
        with open(pdf, "rb") as handle:
            os.fsync(handle.fileno())
    return made


def _run_group(command: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run LibreOffice in a process group of its own (its launcher leaves soffice.bin behind),
    killed whole on a timeout or Ctrl-C."""
    return run_in_group(command, timeout=timeout)


def _made(pdf: Path) -> bool:
    """LibreOffice wrote this PDF: a regular file, not empty."""
    try:
        return pdf.is_file() and pdf.stat().st_size > 0
    except OSError:
        return False
