"""No command writes over one of its own inputs, replaces an edited file unasked, or a link."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from helpers import ROOT

from generator.cli import main

TUYEN_QUANG = ROOT / "examples" / "tuyen-quang-2027.yaml"
HA_GIANG = ROOT / "examples" / "ha-giang-2023.yaml"
UNIT = "snv"  # a body of the Tuyên Quang plan


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", "en", *args])


def copy(source: Path, target: Path) -> Path:
    target.write_bytes(source.read_bytes())
    return target


# Other names for the same file: as given, another spelling, a symbolic link, a hard link.
def as_given(path: Path) -> Path:
    return path


def other_spelling(path: Path) -> Path:
    (path.parent / "sub").mkdir(exist_ok=True)
    return path.parent / "sub" / ".." / "." / path.name


def symlink(path: Path) -> Path:
    link = path.parent / "link.yaml"
    link.symlink_to(path)
    return link


def hard_link(path: Path) -> Path:
    link = path.parent / "hard.yaml"
    os.link(path, link)
    return link


SPELLINGS: list[Callable[[Path], Path]] = [as_given, other_spelling, symlink, hard_link]


def input_refusal(out: Path, source: Path) -> str:
    return (f"the output {out} is the input {source}: plangen never writes over its own input; "
            "choose another name")


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_derive_never_writes_over_its_parent(tmp_path: Path, spelling: Callable[[Path], Path],
                                             force: list[str]) -> None:
    parent = copy(TUYEN_QUANG, tmp_path / "a.yaml")
    out = spelling(parent)
    result = run("derive", str(parent), "--unit", UNIT, "-o", str(out), *force)
    assert (result.exit_code, result.stderr) == (6, input_refusal(out, parent) + "\n")
    assert parent.read_bytes() == TUYEN_QUANG.read_bytes()


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_rollover_never_writes_over_its_input(tmp_path: Path,
                                              spelling: Callable[[Path], Path]) -> None:
    source = copy(HA_GIANG, tmp_path / "a.yaml")
    out = spelling(source)
    result = run("rollover", str(source), "--to", "2024", "-o", str(out), "--force")
    assert (result.exit_code, result.stderr) == (6, input_refusal(out, source) + "\n")
    assert source.read_bytes() == HA_GIANG.read_bytes()


def test_rollover_never_writes_over_its_changes_file(tmp_path: Path) -> None:
    changes = tmp_path / "changes.yaml"
    changes.write_text("plangen-changes: 1\n", encoding="utf-8")
    result = run("rollover", str(HA_GIANG), "--to", "2024", "--changes", str(changes),
                 "-o", str(changes), "--force")
    assert (result.exit_code, result.stderr) == (6, input_refusal(changes, changes) + "\n")
    assert changes.read_text(encoding="utf-8") == "plangen-changes: 1\n"


@pytest.mark.parametrize("form", ["text", "markdown", "json", "docx"])
@pytest.mark.parametrize("side", ["old", "new"])
def test_diff_never_writes_over_a_side(tmp_path: Path, form: str, side: str) -> None:
    old = copy(HA_GIANG, tmp_path / "old.yaml")
    new = copy(TUYEN_QUANG, tmp_path / "new.yaml")
    out = old if side == "old" else new
    result = run("diff", str(old), str(new), "--format", form, "-o", str(out), "--force")
    assert (result.exit_code, result.stderr) == (6, input_refusal(out, out) + "\n")
    assert old.read_bytes() == HA_GIANG.read_bytes()
    assert new.read_bytes() == TUYEN_QUANG.read_bytes()


def test_diff_of_a_file_with_itself_never_writes_over_it(tmp_path: Path) -> None:
    plan = copy(HA_GIANG, tmp_path / "p.yaml")
    result = run("diff", str(plan), str(plan), "-o", str(plan), "--force")
    assert (result.exit_code, result.stderr) == (6, input_refusal(plan, plan) + "\n")
    assert plan.read_bytes() == HA_GIANG.read_bytes()


def existing_refusal(path: Path) -> str:
    return f"{path} exists; nothing was written (use --force to overwrite)\n"


@pytest.mark.parametrize("command", [
    ["diff", str(HA_GIANG), str(TUYEN_QUANG)],
    ["diff", str(HA_GIANG), str(TUYEN_QUANG), "--format", "json"],
    ["schema"],
    ["derive", str(TUYEN_QUANG), "--unit", UNIT],
    ["rollover", str(HA_GIANG), "--to", "2024"],
])
def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path,
                                                      command: list[str]) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("mine\n", encoding="utf-8")
    refused = run(*command, "-o", str(out))
    assert (refused.exit_code, refused.stderr) == (6, existing_refusal(out))
    assert out.read_text(encoding="utf-8") == "mine\n"
    forced = run(*command, "-o", str(out), "--force")
    assert forced.exit_code in (0, 1), forced.stderr  # diff: 1 = the plans differ
    assert out.read_text(encoding="utf-8") != "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


@pytest.mark.parametrize("command", [
    ["schema"],
    ["diff", str(HA_GIANG), str(TUYEN_QUANG)],
    ["derive", str(TUYEN_QUANG), "--unit", UNIT],
])
def test_a_link_as_output_is_refused_or_its_target_written(tmp_path: Path,
                                                          command: list[str]) -> None:
    target = tmp_path / "real.json"
    target.write_text("mine\n", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    refused = run(*command, "-o", str(link))
    assert (refused.exit_code, refused.stderr) == (6, (
        f"{link} is a symbolic link; nothing was written (use --force to write the file it "
        "points to)\n"))
    assert target.read_text(encoding="utf-8") == "mine\n"
    forced = run(*command, "-o", str(link), "--force")
    assert forced.exit_code in (0, 1), forced.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8") != "mine\n"


def test_render_refuses_a_link_among_its_outputs(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.docx"
    elsewhere.write_bytes(b"someone's file")
    out = tmp_path / "out"
    out.mkdir()
    (out / "ha-giang-2023.docx").symlink_to(elsewhere)
    result = run("render", str(HA_GIANG), "-o", str(out))
    assert (result.exit_code, result.stderr) == (6, (
        f"{out / 'ha-giang-2023.docx'} is a symbolic link; nothing was written (remove the "
        "link or write to another folder)\n"))
    assert elsewhere.read_bytes() == b"someone's file"


def test_render_replaces_the_docx_it_made(tmp_path: Path) -> None:
    first = run("render", str(HA_GIANG), "-o", str(tmp_path))
    assert first.exit_code == 0, first.stderr
    made = tmp_path / "ha-giang-2023.docx"
    made.write_bytes(b"old render")
    again = run("render", str(HA_GIANG), "-o", str(tmp_path))
    assert again.exit_code == 0, again.stderr
    assert made.read_bytes().startswith(b"PK")


def test_derive_all_refuses_every_existing_child_before_writing_any(tmp_path: Path) -> None:
    out = tmp_path / "d"
    out.mkdir()
    (out / f"{UNIT}.yaml").write_text("mine\n", encoding="utf-8")
    result = run("derive", str(TUYEN_QUANG), "--all", "-o", str(out))
    assert (result.exit_code, result.stderr) == (6, existing_refusal(out / f"{UNIT}.yaml"))
    assert sorted(p.name for p in out.iterdir()) == [f"{UNIT}.yaml"]
