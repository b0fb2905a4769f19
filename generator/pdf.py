"""Convert a DOCX to PDF with LibreOffice (the real client that opens our DOCX in tests)."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from .atomic import write_bytes
from .errors import ConverterFailed, Message

TIMEOUT_SECONDS = 180


def convert_to_pdf(soffice: str | None, docx: Path, target: Path) -> None:
    """Write target (a PDF) from docx with the given soffice executable, atomically."""
    if soffice is None:
        raise ConverterFailed(Message(
            "LibreOffice is not installed, so no PDF was made (the DOCX was written); install "
            "it with: apt-get install libreoffice-writer-nogui fonts-liberation2"))
    with tempfile.TemporaryDirectory(prefix="plangen-pdf-") as work:
        profile = Path(work, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", work, str(docx)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ConverterFailed(Message("LibreOffice could not convert {path}: {reason}",
                                          {"path": str(docx), "reason": str(exc)})) from exc
        produced = Path(work, docx.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            reason = done.stderr.decode("utf-8", "replace").strip()[:300] or "no PDF produced"
            raise ConverterFailed(Message("LibreOffice could not convert {path}: {reason}",
                                          {"path": str(docx), "reason": reason}))
        write_bytes(target, produced.read_bytes())
