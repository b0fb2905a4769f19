"""Roll-forward of a merged province: every name of a reorganised body, and the former province."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import ROOT

from generator.cli import main
from generator.plan.load import load_text
from generator.plan.validate import validate
from generator.workflows.mentions import Former, rename

HA_GIANG = ROOT / "examples" / "ha-giang-2023.yaml"
MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"
PRESS = "Báo và Phát thanh, Truyền hình Tuyên Quang"


def roll(source: Path, target: Path, year: int = 2026) -> tuple[dict[str, Any], list[str]]:
    result = CliRunner().invoke(main, ["--lang", "en", "rollover", str(source), "--to",
                                       str(year), "-o", str(target), "--json"])
    assert result.exit_code == 0, result.stderr
    import json
    checklist = [f"{i['line']}: {i['path']}: {i['message']}" for i in json.loads(result.stdout)]
    return validate(load_text(target.read_text(encoding="utf-8"), "n")), checklist


@pytest.fixture(scope="module")
def ha_giang(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], list[str], str]:
    out = tmp_path_factory.mktemp("hg") / "hg-2026.yaml"
    plan, checklist = roll(HA_GIANG, out)
    return plan, checklist, out.read_text(encoding="utf-8")


def test_a_recipient_line_of_two_merged_bodies_becomes_one(
        ha_giang: tuple[dict[str, Any], list[str], str]) -> None:
    plan, _checklist, _text = ha_giang
    assert "Báo Hà Giang, Đài PT-TH tỉnh" not in plan["recipients"]
    assert plan["recipients"][-1] == PRESS


def test_no_old_name_of_the_press_is_left_outside_the_citations(
        ha_giang: tuple[dict[str, Any], list[str], str]) -> None:
    _plan, _checklist, text = ha_giang
    body = text[text.index("\nplan:"):]
    # ("Đài Phát thanh và Truyền hình cấp tỉnh, cấp huyện" names a kind of body, not this one.)
    for old in ("Báo Hà Giang", "Đài PT-TH", "Đài Phát thanh - Truyền hình tỉnh",
                "Đài phát thanh và Truyền hình tỉnh", "Đài Phát thanh và truyền hình tỉnh"):
        assert old not in body, old
    assert f"label: '{PRESS}'" in body  # the plan's own label for the station, renamed
    assert f"{PRESS}, {PRESS}" not in text and f"{PRESS} và {PRESS}" not in text


def test_a_list_of_bodies_in_a_sentence_names_the_successor_once(
        ha_giang: tuple[dict[str, Any], list[str], str]) -> None:
    plan, _checklist, _text = ha_giang
    tasks = [t["text"] for a in plan["plan"]["assignments"]["items"] for t in a["tasks"]]
    assert any(t.startswith(f"Phối hợp với {PRESS} nghiên cứu, đề xuất") for t in tasks)


def test_every_text_naming_the_former_province_is_flagged(
        ha_giang: tuple[dict[str, Any], list[str], str]) -> None:
    _plan, checklist, _text = ha_giang
    flagged = [line.split(": ")[1] for line in checklist
               if "names the former province Hà Giang, part of Tuyên Quang since 01/7/2025" in line]
    for path in ("issuer.place", "plan.scope", "appendix.title", "plan.requirements.items[1].text",
                 "plan.assignments.items[8].label"):
        assert path in flagged, path
    assert not any(p.startswith("decision.bases") for p in flagged)


def test_a_district_task_says_where_it_usually_goes(
        ha_giang: tuple[dict[str, Any], list[str], str]) -> None:
    _plan, checklist, _text = ha_giang
    assert any(line.endswith(
        "appendix.rows[0].lead[1]: 'UBND các huyện, thành phố' no longer exists; its tasks "
        "usually go to UBND cấp xã now: give this to UBND cấp xã or another body, or remove it")
        for line in checklist)


PLAN_2024 = MINIMAL.read_text(encoding="utf-8")


def plan_with(tmp_path: Path, old: str, new: str, *more: tuple[str, str]) -> Path:
    text = PLAN_2024
    for a, b in ((old, new), *more):
        assert a in text, a
        text = text.replace(a, b, 1)
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def reorganised(tmp_path: Path) -> tuple[dict[str, Any], list[str]]:
    """A plan of 2024 with short forms: in the registry, in Nơi nhận, in a sentence."""
    source = plan_with(
        tmp_path, "bodies:\n", "bodies:\n"
        "  - {id: stttt, name: Sở Thông tin và Truyền thông, short: Sở TT&TT}\n"
        "  - {id: skhdt, name: Sở Kế hoạch và Đầu tư}\n",
        ("recipients: [", "recipients: [Sở TT&TT, Sở Khoa học và Công nghệ, "
                          "'Sở KH&ĐT, Sở Tài chính', Bộ Thông tin và Truyền thông, "
                          "Bộ LĐ-TB&XH (để b/c), "))
    text = source.read_text(encoding="utf-8").replace(
        "    items:\n      - Nâng cao nhận thức về cải cách hành chính.\n",
        "    items:\n      - Sở TT&TT chủ trì hướng dẫn.\n"
        "      - Sở Tài chính và Sở Kế hoạch và Đầu tư bố trí kinh phí.\n"
        "      - Thực hiện Công văn của Bộ Giao thông vận tải.\n", 1)
    assert text != source.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    return roll(source, tmp_path / "n.yaml")


def test_short_forms_in_recipients_are_renamed_and_named_once(
        reorganised: tuple[dict[str, Any], list[str]]) -> None:
    plan, _checklist = reorganised
    recipients = plan["recipients"]
    assert recipients.count("Sở Khoa học và Công nghệ") == 1
    assert "Sở Tài chính" in recipients and "Sở KH&ĐT, Sở Tài chính" not in recipients
    assert "Bộ Khoa học và Công nghệ" in recipients  # a ministry outside the registry
    assert "Bộ Nội vụ (để b/c)" in recipients


def test_a_short_form_in_a_sentence_is_flagged_with_its_line(
        reorganised: tuple[dict[str, Any], list[str]]) -> None:
    plan, checklist = reorganised
    texts = [o if isinstance(o, str) else o["text"] for o in plan["plan"]["objectives"]["items"]]
    assert texts[0] == "Sở TT&TT chủ trì hướng dẫn."
    assert texts[1] == "Sở Tài chính bố trí kinh phí."
    assert any("the text names 'Sở TT&TT', which is now 'Sở Khoa học và Công nghệ': rewrite it"
               in line for line in checklist)
    # A ministry in a sentence may be the author of a document: flagged, never rewritten.
    assert texts[2] == "Thực hiện Công văn của Bộ Giao thông vận tải."
    assert any("'Bộ Giao thông vận tải', which is now 'Bộ Xây dựng'" in line
               for line in checklist)


@pytest.mark.parametrize(("text", "item", "renamed", "left"), [
    ("Báo Hà Giang, Đài PT-TH tỉnh", True, PRESS, []),
    ("Đài PT&TH tỉnh", True, PRESS, []),
    ("ĐÀI PTTH HÀ GIANG", True, PRESS.upper(), []),
    ("trên Đài PTTH tỉnh Hà Giang", False, "trên Đài PTTH tỉnh Hà Giang",
     ["Đài PTTH tỉnh Hà Giang"]),
    ("trên Đài Phát thanh và Truyền hình tỉnh Hà Giang.", False, f"trên {PRESS}.", []),
    (f"{PRESS}, Báo Hà Giang", True, PRESS, []),
    (f"phối hợp với {PRESS} và Đài PT-TH tỉnh", False, f"phối hợp với {PRESS}", []),
])
def test_rename(text: str, item: bool, renamed: str, left: list[str]) -> None:
    formers = [Former(("Đài Phát thanh - Truyền hình tỉnh",), PRESS, ("Hà Giang",)),
               Former(("Báo Hà Giang",), PRESS, ("Hà Giang",))]
    edited = rename(text, formers, item=item)
    assert (edited.text, [f.text for f in edited.left]) == (renamed, left)
