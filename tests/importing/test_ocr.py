"""OCR of scanned PDFs: Tesseract found (or not) on PATH, its hOCR read as glyphs, its failures
reported, and Ctrl-C ending a run within a second."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from helpers import ROOT
from pdf_making import Text, image_pdf, synthetic_pdf

from generator.importing import ocr as ocr_module
from generator.importing.ocr import Tesseract, find_ocr
from generator.importing.pdf_ocr import OcrFailed, hocr_glyphs, pgm
from generator.importing.pdf_source import UnreadablePdf, read_pdf

HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><body>
 <div class='ocr_page' id='page_1' title='image "stdin"; bbox 0 0 2481 3508'>
  <p class='ocr_par' title="bbox 368 240 2307 298">
   <span class='ocr_line' title="bbox 368 240 2307 300; baseline 0 -12; x_size 58">
    <span class='ocrx_word' title='bbox 368 241 444 288; x_wconf 96'>ỦY</span>
    <span class='ocrx_word' title='bbox 459 251 572 287; x_wconf 95'>BAN</span>
    <span class='ocrx_word' title='bbox 1182 240 1340 298; x_wconf 95'>CỘNG</span>
   </span>
   <span class='ocr_line' title="bbox 500 400 900 450; baseline 0 -10; x_size 60">
    <span class='ocrx_word' title='bbox 500 400 700 440; x_wconf 90'>Độc</span>
    <span class='ocrx_word' title='bbox 720 400 900 440; x_wconf 90'> </span>
   </span>
  </p>
 </div></body></html>
"""


def test_hocr_words_become_glyphs_in_points_on_their_lines_baselines() -> None:
    glyphs = hocr_glyphs(HOCR, 300)
    assert [g.text for g in glyphs] == ["ỦY", "BAN", "CỘNG", "Độc"]
    scale = 72 / 300
    first = glyphs[0]
    assert (first.x0, first.x1) == pytest.approx((368 * scale, 444 * scale))
    assert first.baseline == pytest.approx((300 - 12) * scale)
    assert glyphs[3].baseline == pytest.approx((450 - 10) * scale)
    assert {g.size for g in glyphs} == {round(59 * scale, 1)}  # the median line's, for all


def test_unreadable_hocr_is_an_ocr_failure() -> None:
    with pytest.raises(OcrFailed, match="unreadable hOCR"):
        hocr_glyphs("<html><body>", 300)


def test_a_grey_bitmap_with_padded_rows_becomes_a_pgm() -> None:
    buffer = bytes([1, 2, 3, 0, 4, 5, 6, 0])  # 3 pixels a row, rows 4 bytes apart
    assert pgm(buffer, 3, 2, 4) == b"P5\n3 2\n255\n\x01\x02\x03\x04\x05\x06"
    assert pgm(bytes([1, 2, 3, 4, 5, 6]), 3, 2, 3) == b"P5\n3 2\n255\n\x01\x02\x03\x04\x05\x06"


def fake_tesseract(folder: Path, body: str) -> str:
    """An executable standing in for tesseract that runs the shell BODY."""
    path = folder / "tesseract"
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body), encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def test_no_tesseract_or_no_vietnamese_data_is_no_ocr(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_ocr(str(tmp_path / "missing")) is None
    monkeypatch.setattr(ocr_module.shutil, "which", lambda _name: None)
    assert find_ocr() is None
    english = fake_tesseract(tmp_path, 'echo "List of available languages (2):"; '
                                       'printf "eng\\nosd\\n"\n')
    assert find_ocr(english) is None
    both = fake_tesseract(tmp_path, 'printf "List of available languages (2):\\neng\\nvie\\n"\n')
    found = find_ocr(both)
    assert isinstance(found, Tesseract) and found.command == both


def blank_scan() -> bytes:
    """A one-page PDF holding only a picture (of a line of text)."""
    return image_pdf(synthetic_pdf([[Text(85, 100, "Trang quét.")]]), 0, dpi=50)


def test_a_failing_ocr_run_is_trouble_naming_the_page(tmp_path: Path) -> None:
    failing = fake_tesseract(tmp_path, 'cat >/dev/null; echo "Error: no vie.traineddata" >&2; '
                                       "exit 1\n")
    with pytest.raises(UnreadablePdf) as caught:
        read_pdf(blank_scan(), "scan.pdf", ocr=Tesseract(failing))
    assert caught.value.message.msgid.format(**caught.value.message.params) == (
        "scan.pdf: page 1 could not be read by OCR: Error: no vie.traineddata")


def test_the_page_image_reaches_tesseract_and_its_hocr_is_read(tmp_path: Path) -> None:
    seen = tmp_path / "seen.pgm"
    hocr = tmp_path / "page.hocr"
    hocr.write_text(HOCR.replace("CỘNG", "HÒA"), encoding="utf-8")
    fake = fake_tesseract(tmp_path, f'echo "$@" > {tmp_path}/args; cat > {seen}; cat {hocr}\n')
    paragraphs = read_pdf(blank_scan(), "scan.pdf", ocr=Tesseract(fake))
    assert seen.read_bytes().startswith(b"P5\n")
    assert (tmp_path / "args").read_text().split() == ["stdin", "stdout", "-l", "vie", "--dpi",
                                                       "300", "hocr"]
    assert [p.text for p in paragraphs] == ["ỦY BAN", "HÒA", "Độc"]


def test_ctrl_c_ends_a_tesseract_run_within_a_second(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    sleeper = fake_tesseract(tmp_path, f"echo $$ > {pid_file}; sleep 60\n")
    script = ("import sys\nfrom generator.importing.ocr import Tesseract\n"
              "try:\n    Tesseract(sys.argv[1])(b'P5', 300)\n"
              "except KeyboardInterrupt:\n    sys.exit(130)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-c", script, sleeper], env=env)
    deadline = time.monotonic() + 30
    while not pid_file.exists() or not pid_file.read_text().strip():
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    child = int(pid_file.read_text())
    process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    try:
        status = process.wait(timeout=10)
    finally:
        process.kill()
    assert status == 130
    assert time.monotonic() - sent < 1.0
    time.sleep(0.1)
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)
