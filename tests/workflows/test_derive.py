"""plangen derive: a department's or commune's plan from the province's, and what changed since.

The expected tasks and rows are written by hand from the published plan (seed 000, section V and
the Phụ lục), not from the code: the appendix row numbers are the seed's, and each task is named by
the first words the seed gives it.
"""
from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT, docx_lines, render

from generator.cli import main
from generator.nd30 import check_docx
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.shell import atomic
from generator.workflows import derive as core
from generator.workflows.derive_files import DeriveRequest, derive_all, read_parent

HA_GIANG = ROOT / "examples" / "ha-giang-2023.yaml"
TODAY = dt.date(2026, 11, 23)

# Section V.7 of seed 000: "Các sở, ban, ngành; các cơ quan Trung ương …; UBND cấp huyện, cấp xã".
EVERY_DEPARTMENT = {"Căn cứ Kế hoạch tuyên truyền CCHC", "Công khai các TTHC, lồng ghép",
                    "Cung cấp các TTHC cho", "Phối hợp với Sở Nội vụ tổ chức",
                    "Chủ động tuyên truyền, quảng bá", "Chủ động phối hợp với các",
                    "Định kỳ báo cáo kết quả thực hiện công tác"}
EXPECTED = {
    "snv": {
        # Section V.1 (Sở Nội vụ), a) to e), and V.7.
        "tasks": {"Lựa chọn, thống nhất nội dung", "Phối hợp với Đài phát thanh",
                  "Tổ chức tập huấn cập nhật", "Theo dõi, kiểm tra, đôn đốc",
                  "Xây dựng dự toán kinh phí", "Chủ trì, triển khai việc khen thưởng"}
                 | EVERY_DEPARTMENT,
        # Phụ lục: Chủ trì Sở Nội vụ (4, 5, 6, 7, 10) or the departments (1, 3, 15).
        "lead": {1, 3, 4, 5, 6, 7, 10, 15},
        # Phối hợp: Sở Nội vụ (2, 8, 9, 11) or the departments (12, 14).
        "support": {2, 8, 9, 11, 12, 14},
    },
    "stttt": {
        # Section V.3 (Sở Thông tin và Truyền thông), a) to d), and V.7.
        "tasks": {"Chỉ đạo các cơ quan báo", "Hướng dẫn, theo dõi, đôn đốc các cơ quan báo chí",
                  "Tiếp tục đưa nội dung", "Đảm bảo hoạt động an toàn"} | EVERY_DEPARTMENT,
        "lead": {1, 3, 15},
        # Phối hợp: Sở TT&TT (8, 14) or the departments (4, 5, 10, 11, 12).
        "support": {4, 5, 8, 10, 11, 12, 14},
    },
    # A member of the group only: Sở Văn hóa Thể thao và Du lịch is named only in row 13.
    "svhttdl": {"tasks": EVERY_DEPARTMENT, "lead": {1, 3, 13, 15},
                "support": {4, 5, 10, 11, 12, 14}},
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def parent() -> core.Parent:
    return read_parent(HA_GIANG)[1]


def child_of(parent: core.Parent, unit: str) -> dict[str, object]:
    from generator.workflows.derive_files import child_text

    return validate(load_text(child_text(parent, unit, TODAY), f"{unit}.yaml"))


def seed_row(row: dict[str, object]) -> int:
    return int(str(row["from"]["id"]).removeprefix("row-"))  # type: ignore[index]


@pytest.mark.parametrize("unit", sorted(EXPECTED))
def test_the_child_holds_exactly_what_the_seed_assigns(parent: core.Parent, unit: str) -> None:
    child = child_of(parent, unit)
    tasks = child["plan"]["assignments"]["items"][0]["tasks"]  # type: ignore[index]
    own = [t for t in tasks if "from" in t and t["from"].get("role") is None]
    supported = {seed_row(t) for t in tasks if "from" in t and t["from"].get("role") == "support"}
    led = {seed_row(r) for r in child.get("appendix", {}).get("rows", [])}  # type: ignore[union-attr]
    expected = EXPECTED[unit]
    assert {_matching(t["text"], expected["tasks"]) for t in own} == expected["tasks"]
    assert len(own) == len(expected["tasks"])
    assert led == expected["lead"]
    assert supported == expected["support"]


def _matching(text: str, starts: set[str]) -> str:
    found = [s for s in starts if text.startswith(s) or text.removeprefix(
        "Ban Thi đua khen thưởng tỉnh: ").startswith(s)]
    assert len(found) == 1, text
    return found[0]


def test_the_child_is_the_units_draft_plan_citing_the_parent(parent: core.Parent) -> None:
    child = child_of(parent, "snv")
    assert child["kind"] == "plan" and child["year"] == 2023 and child["issue_year"] == 2022
    assert "number" not in child and "date" not in child
    assert child["issuer"] == {"name": "Sở Nội vụ", "code": "SNV", "place": "Hà Giang",
                               "parent": "UBND TỈNH HÀ GIANG"}
    assert child["plan"]["opening"] == (  # type: ignore[index]
        "Thực hiện Quyết định số 233/QĐ-UBND ngày 19/12/2022 của Ủy ban nhân dân tỉnh Hà Giang "
        "ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang; "
        "Sở Nội vụ xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2023 như sau:")
    assert child["signer"] == {"title": "GIÁM ĐỐC", "name": "Họ và tên"}
    assert child["recipients"] == ["UBND tỉnh (để b/c)", "Lãnh đạo Sở",
                                   "Các phòng, đơn vị thuộc Sở"]
    origin = child["derived_from"]
    assert origin["file"] == "ha-giang-2023.yaml" and origin["unit"] == "snv"  # type: ignore[index]
    assert origin["number"] == 233 and origin["date"] == "2022-12-19"  # type: ignore[index]


def test_a_deputy_signature_is_offered_as_a_comment(parent: core.Parent) -> None:
    from generator.workflows.derive_files import child_text

    text = child_text(parent, "snv", TODAY)
    assert "# When a deputy signs: {mode: KT, head: GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC" in text
    assert text.startswith("# Kế hoạch của Sở Nội vụ thực hiện Quyết định số 233/QĐ-UBND")


def test_a_support_row_becomes_a_task_naming_the_lead(parent: core.Parent) -> None:
    child = child_of(parent, "snv")
    tasks = child["plan"]["assignments"]["items"][0]["tasks"]  # type: ignore[index]
    row_2 = next(t for t in tasks if t["id"] == "phoi-hop-row-2")
    assert row_2["text"] == ("Phối hợp với Sở Tài chính thực hiện: cấp kinh phí chi tổ chức "
                             "tuyên truyền CCHC (Quý I/2023).")


def test_derived_plans_validate_render_and_pass_nd30(parent: core.Parent,
                                                     tmp_path: Path) -> None:
    for unit in ("snv", "stttt", "svhttdl"):
        path = tmp_path / f"{unit}.yaml"
        result = run("derive", str(HA_GIANG), "--unit", unit, "-o", str(path))
        assert result.exit_code == 0, result.output
        data = render(path)  # validates, and checks the Office Open XML schema
        docx = tmp_path / f"{unit}.docx"
        docx.write_bytes(data)
        assert check_docx(docx) == []
        lines = docx_lines(data)
        assert "UBND TỈNH HÀ GIANG" in lines
        assert all("derived_from" not in line and "fingerprint" not in line for line in lines)


def test_deriving_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for target in (a, b):
        assert run("derive", str(HA_GIANG), "--unit", "snv", "-o", str(target)).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_all_writes_one_plan_per_unit_and_names_empty_groups(tmp_path: Path) -> None:
    result = run("--lang", "en", "derive", str(HA_GIANG), "--all", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    written = sorted(p.stem for p in (tmp_path / "out").iterdir())
    # Every body section V or the Phụ lục names, or that belongs to "các sở, ban, ngành".
    assert written == sorted(["snv", "vp-ubnd", "stttt", "stp", "stc", "skhdt", "svhttdl",
                              "dai-ptth", "bao-hg", "ttphcc", "mttq", "dai-tw", "bao-tw",
                              "co-so-dtbd"])
    assert ("skipped: group 'ubnd-huyen' has no member bodies yet: add `groups: [ubnd-huyen]` "
            "to its bodies") in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == f"14 plan(s) written to {tmp_path / 'out'}"
    for path in (tmp_path / "out").iterdir():
        validate(load_text(path.read_text(encoding="utf-8"), path.name))


def test_all_on_the_2027_example_reaches_every_commune(tmp_path: Path) -> None:
    example = ROOT / "examples" / "tuyen-quang-2027.yaml"
    doc = read_parent(example)[1].doc
    communes = [b["id"] for b in doc.get("bodies", []) if "xa-phuong" in b.get("groups", [])]
    summary = derive_all(DeriveRequest(example, tmp_path, TODAY))
    stems = {p.stem for p in summary.written}
    assert set(communes) <= stems
    if communes:
        child = validate(load_text((tmp_path / f"{communes[0]}.yaml").read_text("utf-8"), "c"))
        assert child["signer"]["on_behalf"] == "Ủy ban nhân dân"  # type: ignore[index]
        assert child["issuer"]["code"] == "UBND"  # type: ignore[index]


def test_an_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "snv.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    result = run("--lang", "en", "derive", str(HA_GIANG), "--unit", "snv", "-o", str(target))
    assert result.exit_code == 6
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert "use --force" in result.stderr
    assert run("derive", str(HA_GIANG), "--unit", "snv", "-o", str(target),
               "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Kế hoạch của Sở Nội vụ")


def test_all_refuses_the_whole_batch_when_one_file_exists(tmp_path: Path) -> None:
    (tmp_path / "stp.yaml").write_text("# mine\n", encoding="utf-8")
    result = run("derive", str(HA_GIANG), "--all", "-o", str(tmp_path))
    assert result.exit_code == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stp.yaml"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--unit", "snvv"], 2, "no body has the id 'snvv'; did you mean 'snv'?"),
    (["--unit", "so-nganh"], 2, "'so-nganh' is a group, not a body: derive for one of its "
                                "member bodies (or use --all)"),
    (["--unit", "btdkt"], 2, "ha-giang-2023.yaml assigns nothing to 'btdkt': no task and no "
                             "appendix row names it or a group it belongs to"),
])
def test_bad_units(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    result = run("--lang", "en", "derive", str(HA_GIANG), *args, "-o", str(tmp_path / "c.yaml"))
    assert result.exit_code == code
    assert result.stderr.splitlines() == [message]
    assert list(tmp_path.iterdir()) == []


def test_a_parent_that_does_not_validate(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HA_GIANG.read_text(encoding="utf-8").replace("year: 2023", "year: x"),
                   encoding="utf-8")
    result = run("--lang", "en", "derive", str(bad), "--unit", "snv", "-o",
                 str(tmp_path / "c.yaml"))
    assert result.exit_code == 1
    assert "year: expected a whole number" in result.stderr
    assert not (tmp_path / "c.yaml").exists()


def test_an_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root (CI) writes through a 0o500 folder, so the refusal the OS gives a user is injected
    # where plangen first writes: the hidden staging folder beside the output.
    def refused(**kwargs: object) -> str:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(atomic.tempfile, "mkdtemp", refused)
    folder = tmp_path / "ro"
    folder.mkdir()
    result = run("derive", str(HA_GIANG), "--unit", "snv", "-o", str(folder / "c.yaml"))
    assert (result.exit_code, result.stderr) == (
        3, f"không ghi được {folder / 'c.yaml'}: không có quyền truy cập\n")
    assert list(folder.iterdir()) == []


def test_an_output_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("derive", str(HA_GIANG), "--all", "-o", str(blocker / "out"))
    assert result.exit_code == 3
    assert "Traceback" not in result.output


def test_usage_mistakes_exit_2(tmp_path: Path) -> None:
    assert run("derive", str(HA_GIANG), "-o", str(tmp_path / "x")).exit_code == 2
    assert run("derive", str(HA_GIANG), "--unit", "snv", "--all",
               "-o", str(tmp_path / "x")).exit_code == 2
    assert run("derive", "--check", str(HA_GIANG)).exit_code == 2


def test_a_body_derives_from_a_body(tmp_path: Path) -> None:
    """A department's plan (seed 003, Sở TT&TT Gia Lai) → the plan of its Văn phòng."""
    example = ROOT / "examples" / "gia-lai-stttt-2024.yaml"
    child = child_of(read_parent(example)[1], "vp")
    assert child["issuer"]["parent"] == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH GIA LAI"  # type: ignore[index]
    assert child["signer"]["title"] == "CHÁNH VĂN PHÒNG"  # type: ignore[index]
    assert child["plan"]["opening"] == (  # type: ignore[index]
        "Thực hiện Kế hoạch số 136/KH-STTTT ngày 28/12/2023 của Sở Thông tin và Truyền thông "
        "tỉnh Gia Lai về tuyên truyền công tác Cải cách hành chính năm 2024; Văn phòng Sở xây "
        "dựng Kế hoạch tuyên truyền công tác Cải cách hành chính năm 2024 như sau:")
    assert child["recipients"][0] == (  # type: ignore[index]
        "Sở Thông tin và Truyền thông tỉnh Gia Lai (để b/c)")
    # Section IV of seed 003 heads the office's tasks with a label, "Văn phòng Sở:": its three
    # tasks are the office's.
    tasks = child["plan"]["assignments"]["items"][0]["tasks"]  # type: ignore[index]
    assert [t["from"]["id"] for t in tasks if "from" in t and "role" not in t["from"]] == [
        "vp-task-1", "vp-task-2", "vp-task-3"]


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None and os.environ.get("PLANGEN_REQUIRE_LIBREOFFICE") != "1",
                    reason="LibreOffice is not installed (CI installs it)")
def test_a_derived_plan_opens_in_libreoffice(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from generator.document.pdf import convert_to_pdf

    child = tmp_path / "snv.yaml"
    assert run("derive", str(HA_GIANG), "--unit", "snv", "-o", str(child)).exit_code == 0
    docx = tmp_path / "snv.docx"
    docx.write_bytes(render(child))
    convert_to_pdf(SOFFICE, docx, tmp_path / "snv.pdf")
    text = " ".join(page.extract_text() or "" for page in PdfReader(tmp_path / "snv.pdf").pages)
    assert "Sở Nội vụ xây dựng Kế hoạch" in " ".join(text.split())
