"""plangen import on the command line: its checklist, its refusals, never a traceback."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from helpers import ROOT
from import_helpers import SEED_FILES, SEEDS
from test_docx_source import bomb

from generator.cli import main

GOLDEN = ROOT / "tests" / "golden"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def letter(path: Path) -> Path:
    document = docx.Document()
    for text in ("Kính gửi anh Nam,", "Hẹn gặp lại vào thứ Hai.", "1. Mang theo nước.",
                 "2. Mang theo mũ.", "Thân ái"):
        document.add_paragraph(text)
    document.save(str(path))
    return path


BAD: dict[str, tuple[bytes | None, str]] = {
    "letter.docx": (None, "{file}:1:1: (document): no Kế hoạch or Quyết định found: the "
                          "document has no \"KẾ HOẠCH\" or \"QUYẾT ĐỊNH\" heading and no "
                          "Roman-numbered sections"),
    "damaged.docx": (b"PK\x03\x04 cut short", "{file}: is not a DOCX file (a DOCX is a ZIP "
                     "package; an old .doc, a PDF or a text file is not)"),
    "locked.docx": (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504),
                    "{file}: is an encrypted Word file or an old .doc (an OLE compound file, "
                    "not a ZIP package): remove the password, or save it as .docx in Word, and "
                    "check that file"),
    "latin1.txt": ("KẾ HOẠCH\nnăm 2024 – ".encode() + b"\xe9t\xe9\n",
                   "{file}:2:1: (document): the text is not UTF-8 (byte 27): save it as UTF-8 "
                   "and import it again"),
}


@pytest.mark.parametrize("name", BAD)
def test_a_source_that_is_no_plan_is_refused_with_one_located_message(
        name: str, tmp_path: Path) -> None:
    data, expected = BAD[name]
    source = tmp_path / name
    if data is None:
        letter(source)
    else:
        source.write_bytes(data)
    out = tmp_path / "plan.yaml"
    result = run("--lang", "en", "import", str(source), "-o", str(out))
    assert result.exit_code == 1
    assert expected.format(file=source) in result.output
    assert "Traceback" not in result.output
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    source = tmp_path / "bomb.docx"
    source.write_bytes(bomb())
    result = run("--lang", "en", "import", str(source), "-o", str(tmp_path / "plan.yaml"))
    assert result.exit_code == 1
    assert "too large to check safely" in result.output
    assert not (tmp_path / "plan.yaml").exists()


def test_the_checklist_names_the_new_file_its_line_and_the_source_line(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    source = SEEDS / SEED_FILES[1]
    if not source.is_file():
        pytest.skip("../shared/seeds is not beside the checkout")
    result = run("--lang", "en", "import", str(source), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(text, 1) if t.lstrip().startswith("name:"))
    assert (f"{out}:{line}: issuer.name: the document has no header: the issuing body is "
            f"guessed from its text ({source}:") in result.output
    assert "# plangen import: the document has no header" in text[line - 1]
    assert result.output.rstrip().endswith("item(s) for a human to check")


def test_comments_and_the_checklist_are_in_vietnamese_by_default(tmp_path: Path) -> None:
    source = SEEDS / SEED_FILES[1]
    if not source.is_file():
        pytest.skip("../shared/seeds is not beside the checkout")
    out = tmp_path / "plan.yaml"
    result = run("import", str(source), "-o", str(out))
    assert result.exit_code == 0
    assert "văn bản không có phần đầu" in result.output
    assert "# plangen import: văn bản không có phần đầu" in out.read_text(encoding="utf-8")


def test_an_existing_output_and_the_source_itself_are_never_written(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text((GOLDEN / "tuyen-quang-snv-2021.txt").read_text(encoding="utf-8"),
                      encoding="utf-8")
    out = tmp_path / "plan.yaml"
    out.write_text("mine\n", encoding="utf-8")
    refused = run("import", str(source), "-o", str(out))
    assert refused.exit_code == 6 and out.read_text(encoding="utf-8") == "mine\n"
    itself = run("import", str(source), "-o", str(source), "--force")
    assert itself.exit_code == 6
    assert source.read_text(encoding="utf-8").startswith("UBND TỈNH TUYÊN QUANG")
    forced = run("import", str(source), "-o", str(out), "--force")
    assert forced.exit_code == 0 and out.read_text(encoding="utf-8").startswith("#")


def test_onto_and_fresh_exclude_each_other(tmp_path: Path) -> None:
    result = run("import", "a.docx", "--onto", "a.yaml", "--fresh", "-o", str(tmp_path / "b"))
    assert result.exit_code == 2
    assert "--onto and --fresh exclude each other" in result.output


def test_onto_needs_a_docx(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text((GOLDEN / "tuyen-quang-snv-2021.txt").read_text(encoding="utf-8"),
                      encoding="utf-8")
    result = run("--lang", "en", "import", str(source), "--onto",
                 str(ROOT / "examples" / "tuyen-quang-snv-2021.yaml"), "-o",
                 str(tmp_path / "b.yaml"))
    assert result.exit_code == 1
    assert "--onto needs the DOCX rendered from the plan, not a text" in result.output


def test_ctrl_c_during_a_long_import_ends_it_and_leaves_no_file(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    golden = (GOLDEN / "tuyen-quang-snv-2021.txt").read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(golden) if line.startswith("3. Hình thức")) + 1
    many = [f"a) Tuyên truyền nội dung số {n} về cải cách hành chính." for n in range(8000)]
    source = tmp_path / "long.txt"
    source.write_text("\n".join(golden[:at] + many + golden[at:]), encoding="utf-8")
    out = tmp_path / "long.yaml"
    process = subprocess.Popen([sys.executable, "-m", "generator", "import", str(source), "-o",
                                str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.0)  # well inside the import, which takes seconds
    assert process.poll() is None, "the import ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.decode("utf-8").endswith("đã dừng giữa chừng; không để lại tệp ghi dở\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt"]
