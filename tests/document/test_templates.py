"""The committed templates/*/*.docx are what tools/build_templates.py builds (`make templates`), and
the package installs them.

The builder is not byte-for-byte deterministic (each zip entry carries the time it was written), so
the zips are compared part by part: the same parts, in the same order, with the same bytes.
"""
from __future__ import annotations

import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import build_templates

PARTS = ("decision", "plan", "appendix", "comparison")


def parts(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("templates")
    assert build_templates.main(["--out-dir", str(folder)]) == 0
    return folder


@pytest.mark.parametrize("name", PARTS)
def test_the_committed_template_is_what_the_builder_makes(built: Path, name: str) -> None:
    committed = parts(ROOT / "templates" / name / f"{name}.docx")
    fresh = parts(built / name / f"{name}.docx")
    assert [part for part, _ in committed] == [part for part, _ in fresh]
    differing = [part for (part, old), (_, new) in zip(committed, fresh, strict=True) if old != new]
    assert differing == [], "run `make templates` and commit the result"


def test_the_builder_writes_only_into_the_folder_it_is_given(built: Path) -> None:
    assert sorted(str(p.relative_to(built)) for p in built.rglob("*") if p.is_file()) == [
        f"{name}/{name}.docx" for name in sorted(PARTS)]


def test_every_template_is_installed_with_the_package() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setup = project["tool"]["setuptools"]
    assert setup["package-dir"]["generator.templates"] == "templates"
    for name in PARTS:
        assert f"generator.templates.{name}" in setup["packages"]
        assert setup["package-data"][f"generator.templates.{name}"] == ["*.docx"]
