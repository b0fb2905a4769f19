"""The library entry points: each file read and validated once; the template cache is harmless."""
from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from helpers import EXAMPLES, ROOT

from generator import api
from generator.document import render
from generator.plan import load, validate

MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"
HA_GIANG = ROOT / "examples" / "ha-giang-2023.yaml"


def parts(data: bytes) -> dict[str, bytes]:
    """Every member of a DOCX by name: the document without the zip's own timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def fresh() -> Iterator[None]:
    """Forget what this process compiled, as a new process would."""
    render._compiled.cache_clear()
    render._PATCHED.clear()
    yield
    render._compiled.cache_clear()
    render._PATCHED.clear()


def count(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str,
          counter: Counter[str]) -> None:
    """Count the calls of owner.name, keyed by name."""
    original: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)


def test_render_files_loads_and_validates_each_file_once(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()
    count(monkeypatch, load, "load_file", calls)
    count(monkeypatch, load, "read_text", calls)
    count(monkeypatch, validate, "validate", calls)
    sources = [MINIMAL, HA_GIANG]
    written = api.render_files(api.RenderRequest(sources, tmp_path / "out"))
    assert written == [tmp_path / "out" / "minimal.docx", tmp_path / "out" / "ha-giang-2023.docx"]
    assert calls == {"load_file": 2, "read_text": 2, "validate": 2}


def test_render_files_validates_all_before_writing_any(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text(encoding="utf-8").replace("year: 2024", "year: 20x"),
                   encoding="utf-8")
    calls: Counter[str] = Counter()
    count(monkeypatch, api, "render_plan", calls)
    with pytest.raises(api.InvalidInput) as caught:
        api.render_files(api.RenderRequest([MINIMAL, bad, tmp_path / "missing.yaml"],
                                           tmp_path / "out"))
    assert [p.file for p in caught.value.problems] == [str(bad), str(tmp_path / "missing.yaml")]
    assert calls["render_plan"] == 0
    assert not (tmp_path / "out").exists()


def test_render_files_writes_what_render_bytes_gives(tmp_path: Path) -> None:
    api.render_files(api.RenderRequest([MINIMAL], tmp_path))
    assert parts((tmp_path / "minimal.docx").read_bytes()) == parts(api.render_bytes(MINIMAL))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_cache_never_changes_the_output(example: Path, tmp_path: Path, fresh: None) -> None:
    cache = tmp_path / "cache"
    expected = parts(api.render_bytes(example))
    render._compiled.cache_clear()
    render._PATCHED.clear()
    assert parts(api.render_bytes(example, cache_dir=cache)) == expected  # filling the cache
    assert any(cache.iterdir())
    render._compiled.cache_clear()
    render._PATCHED.clear()
    assert parts(api.render_bytes(example, cache_dir=cache)) == expected  # read from it


def test_a_filled_cache_spares_patching_and_compiling(tmp_path: Path, fresh: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    api.render_bytes(HA_GIANG, cache_dir=cache)
    render._compiled.cache_clear()
    render._PATCHED.clear()
    calls: Counter[str] = Counter()
    count(monkeypatch, jinja2.Environment, "compile", calls)
    count(monkeypatch, render.DocxTemplate, "patch_xml", calls)
    api.render_bytes(HA_GIANG, cache_dir=cache)
    assert calls == {}


def damage_truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:40])


def damage_flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))


def damage_empty(path: Path) -> None:
    path.write_bytes(b"")


def damage_swap(path: Path) -> None:
    """Each entry replaced by another well-formed entry of the same kind (a swapped file)."""
    others = sorted(p for p in path.parent.iterdir() if p.suffix == path.suffix and p != path)
    if others:
        path.write_bytes(others[0].read_bytes())
    else:
        damage_flip(path)


@pytest.mark.parametrize("damage", [damage_truncate, damage_flip, damage_empty, damage_swap],
                         ids=lambda f: f.__name__)
def test_a_damaged_cache_is_ignored_and_repaired(damage: Callable[[Path], None], tmp_path: Path,
                                                  fresh: None) -> None:
    cache = tmp_path / "cache"
    expected = parts(api.render_bytes(HA_GIANG, cache_dir=cache))
    entries = sorted(cache.iterdir())
    good = {entry.name: entry.read_bytes() for entry in entries}
    for entry in entries:
        damage(entry)
    render._compiled.cache_clear()
    render._PATCHED.clear()
    assert parts(api.render_bytes(HA_GIANG, cache_dir=cache)) == expected
    assert {entry.name: entry.read_bytes() for entry in sorted(cache.iterdir())} == good


def test_an_unusable_cache_folder_is_ignored(tmp_path: Path, fresh: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"not a folder")
    expected = parts(api.render_bytes(MINIMAL))
    render._compiled.cache_clear()
    render._PATCHED.clear()
    assert parts(api.render_bytes(MINIMAL, cache_dir=blocker)) == expected
    assert parts(api.render_bytes(MINIMAL, cache_dir=blocker / "below")) == expected
    assert blocker.read_bytes() == b"not a folder"


def test_entries_depend_on_their_source_and_kind() -> None:
    cache = render.DiskCache(None)
    names = {cache.name("code", "<w:p/>"), cache.name("code", "<w:p />"),
             cache.name("patch", "<w:p/>")}
    assert len(names) == 3
    assert cache.read(next(iter(names))) is None  # no folder: nothing kept, nothing found


def test_the_cli_keeps_prepared_templates_where_told(tmp_path: Path, fresh: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    def render_with(*options: str) -> None:
        result = CliRunner().invoke(main, ["render", str(MINIMAL), "-o", str(tmp_path / "out"),
                                           *options])
        assert result.exit_code == 0, result.output
        render._compiled.cache_clear()
        render._PATCHED.clear()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    render_with("--no-cache")
    assert not (tmp_path / "xdg").exists()
    render_with()
    assert any((tmp_path / "xdg" / "plangen").iterdir())
    render_with("--cache-dir", str(tmp_path / "mine"))
    assert any((tmp_path / "mine").iterdir())
