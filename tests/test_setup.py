"""The set-up a new user runs: the lock pins everything; the catalog check ignores the header."""
from __future__ import annotations

import io
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from helpers import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import messages as catalog_tool

LOCK = ROOT / "requirements-dev.lock"


def pinned() -> dict[str, str]:
    """Each package the lock pins, by its normalised name, with its version."""
    found = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", LOCK.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in found}


def requirement_names(requirements: list[str]) -> set[str]:
    return {re.sub(r"[-_.]+", "-", re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0]).lower()
            for r in requirements}


def test_the_lock_pins_every_dependency_and_the_build_tools() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = requirement_names([*project["project"]["dependencies"],
                                *project["project"]["optional-dependencies"]["dev"],
                                *project["build-system"]["requires"]])
    assert wanted - set(pinned()) == set()


def test_every_pinned_package_has_hashes() -> None:
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+==)", LOCK.read_text(encoding="utf-8"))
    packages = [b for b in blocks if re.match(r"[A-Za-z0-9_.-]+==", b)]
    assert packages and all("--hash=sha256:" in b for b in packages)


def test_make_installs_only_what_the_lock_pins() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line
                and "pip-tools" not in line]
    assert installs == ["$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)",
                        "$(BIN)/pip install --quiet --no-deps --no-build-isolation -e ."]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-2:] == ["rm -rf .venv", "make test"]
    done = subprocess.run(["bash", "-n", str(ROOT / ".ci" / "run")], capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")


def test_pytest_prints_its_closing_count_line() -> None:
    # -q twice (pyproject's addopts and the Makefile's command) hides "N passed in …".
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = project["tool"]["pytest"]["ini_options"]["addopts"].split()
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text("utf-8"), re.M)
    assert recipe is not None
    pytest_line = next(line for line in recipe.group(1).splitlines() if "pytest" in line)
    quiet = sum(o.count("q") for o in [*options, *pytest_line.split()] if re.fullmatch(r"-q+", o))
    assert quiet <= 1


def compiled_with_header(header: str) -> bytes:
    catalog = catalog_tool.read_catalog()
    catalog.project = header
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def test_the_catalog_check_compares_messages_not_bytes(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    mo = tmp_path / "vi.mo"
    monkeypatch.setattr(catalog_tool, "MO", mo)
    mo.write_bytes(compiled_with_header("plangen, compiled by another Babel"))
    assert catalog_tool.mo_is_current()
    catalog = catalog_tool.read_catalog()
    first = next(m for m in catalog if m.id)
    first.string = "sai"
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    mo.write_bytes(buffer.getvalue())
    assert not catalog_tool.mo_is_current()
    mo.unlink()
    assert not catalog_tool.mo_is_current()
