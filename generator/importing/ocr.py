"""Tesseract, the OCR engine a scanned PDF is read with: found on PATH, run page by page.

The edge of `plangen import` for scans: it looks up the `tesseract` command (PATH) and runs it
as a process, so the pure reader (pdf_source.py) is handed it as its `ocr` parameter. Each page
is one run, in a process group of its own: on Ctrl-C or a timeout the whole group is killed at
once (as LibreOffice is, document/pdf.py), so an interrupted import ends within a second.
"""
from __future__ import annotations

import os
import shutil
import subprocess

from generator.importing.pdf_ocr import Ocr, OcrFailed
from generator.shell.processes import run_in_group

LANGUAGE = "vie"
TIMEOUT_SECONDS = 300  # for one page; Tesseract takes a few seconds for an A4 page at 300 dpi


class Tesseract:
    """The Ocr of a `tesseract` executable with Vietnamese data: an image in, hOCR out."""

    def __init__(self, command: str, language: str = LANGUAGE) -> None:
        self.command = command
        self.language = language

    def __call__(self, image: bytes, dpi: int) -> str:
        command = [self.command, "stdin", "stdout", "-l", self.language, "--dpi", str(dpi),
                   "hocr"]
        try:
            done = _run_group(command, image, TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OcrFailed(str(exc)) from exc
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip()[-300:]
            raise OcrFailed(reason or f"tesseract exited with status {done.returncode}")
        return done.stdout.decode("utf-8", "replace")


def find_ocr(command: str | None = None) -> Ocr | None:
    """Tesseract if `tesseract` is on PATH (or COMMAND is given) and has Vietnamese data; else
    None (import then refuses a scanned PDF, saying what to install)."""
    found = command or shutil.which("tesseract")
    if found is None:
        return None
    try:
        done = _run_group([found, "--list-langs"], b"", 30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    listed = (done.stdout + done.stderr).decode("utf-8", "replace").split()
    return Tesseract(found) if done.returncode == 0 and LANGUAGE in listed else None


def _run_group(command: list[str], data: bytes,
               timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run COMMAND with DATA on its standard input in a process group of its own, killed whole
    on a timeout or Ctrl-C; Tesseract on one thread (its OpenMP threads slow a page threefold)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    return run_in_group(command, timeout=timeout, data=data, env=env)
