"""The changes file (generator/workflows/org_changes.py): the shipped default, matching, years."""
# ruff: noqa: E501  (pinned messages are whole output lines, as in tests/plan/test_messages.py)
from __future__ import annotations

import datetime as dt
import sys
import tomllib
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from generator.plan.load import load_text
from generator.workflows.org_changes import (
    Event,
    OrgChanges,
    Successor,
    changes_from,
    default_changes_path,
    load_changes,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> OrgChanges:
    return load_changes(None)


def by_id(changes: OrgChanges) -> dict[str, Event]:
    return {event.id: event for event in changes.events}


# The shipped default.

def test_the_default_is_the_shipped_package_data() -> None:
    assert default_changes_path() == ROOT / "generator" / "data" / "changes-2025.yaml"
    assert (resources.files("generator.data") / "changes-2025.yaml").is_file()
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "generator.data" in setup["packages"]
    assert setup["package-data"]["generator.data"] == ["*.yaml"]


def test_the_shipped_file_loads(shipped: OrgChanges) -> None:
    assert shipped.file == str(default_changes_path())
    assert len(shipped.events) == 6 + 6 + 1 + 1 + 23
    assert [e.date for e in shipped.events] == sorted(e.date for e in shipped.events)
    for event in shipped.events:
        assert event.note.endswith(".") and event.line > 0
        assert (event.successor is None) == (event.kind == "abolish")


DEPARTMENTS = [
    ("2025-stttt-skhcn", ["Sở Thông tin và Truyền thông"], "Sở Khoa học và Công nghệ", "SKHCN"),
    ("2025-skhdt-stc", ["Sở Kế hoạch và Đầu tư"], "Sở Tài chính", "STC"),
    ("2025-stnmt-snnptnt-snnmt",
     ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"],
     "Sở Nông nghiệp và Môi trường", "SNNMT"),
    ("2025-sldtbxh-snv", ["Sở Lao động - Thương binh và Xã hội",
                          "Sở Lao động, Thương binh và Xã hội"], "Sở Nội vụ", "SNV"),
    ("2025-sgtvt-sxd", ["Sở Giao thông vận tải", "Sở Giao thông vận tải - Xây dựng"],
     "Sở Xây dựng", "SXD"),
    ("2025-bdt-sdttg", ["Ban Dân tộc"], "Sở Dân tộc và Tôn giáo", "SDTTG"),
]


@pytest.mark.parametrize(("ident", "names", "successor", "code"), DEPARTMENTS)
def test_the_departments_merged_on_1_march_2025(shipped: OrgChanges, ident: str, names: list[str],
                                                successor: str, code: str) -> None:
    event = by_id(shipped)[ident]
    assert event.date == dt.date(2025, 3, 1)
    assert event.kind == "merge"
    assert list(event.names) == names
    assert event.successor == Successor(successor, code, code)
    assert event.basis == "Nghị định 45/2025/NĐ-CP"
    assert "Nghị định 45/2025/NĐ-CP" in event.note and "01/3/2025" in event.note


def test_the_labour_department_note_says_where_its_other_functions_went(shipped: OrgChanges) -> None:
    note = by_id(shipped)["2025-sldtbxh-snv"].note
    assert "Sở Y tế" in note and "Sở Giáo dục và Đào tạo" in note
    assert "bảo trợ xã hội" in note and "trẻ em" in note and "tệ nạn xã hội" in note
    assert "tôn giáo" in by_id(shipped)["2025-bdt-sdttg"].note


PROVINCE_MERGES = [
    ("Tuyên Quang", ["Hà Giang"]), ("Lào Cai", ["Yên Bái"]), ("Thái Nguyên", ["Bắc Kạn"]),
    ("Phú Thọ", ["Vĩnh Phúc", "Hòa Bình"]), ("Bắc Ninh", ["Bắc Giang"]),
    ("Hưng Yên", ["Thái Bình"]), ("Hải Phòng", ["Hải Dương"]),
    ("Ninh Bình", ["Hà Nam", "Nam Định"]), ("Quảng Trị", ["Quảng Bình"]),
    ("Đà Nẵng", ["Quảng Nam"]), ("Quảng Ngãi", ["Kon Tum"]), ("Gia Lai", ["Bình Định"]),
    ("Khánh Hòa", ["Ninh Thuận"]), ("Lâm Đồng", ["Đắk Nông", "Bình Thuận"]),
    ("Đắk Lắk", ["Phú Yên"]), ("Hồ Chí Minh", ["Bình Dương", "Bà Rịa - Vũng Tàu"]),
    ("Đồng Nai", ["Bình Phước"]), ("Tây Ninh", ["Long An"]),
    ("Cần Thơ", ["Sóc Trăng", "Hậu Giang"]), ("Vĩnh Long", ["Bến Tre", "Trà Vinh"]),
    ("Đồng Tháp", ["Tiền Giang"]), ("Cà Mau", ["Bạc Liêu"]), ("An Giang", ["Kiên Giang"]),
]


def test_the_23_province_merges_of_1_july_2025(shipped: OrgChanges) -> None:
    merges = [e for e in shipped.events if e.kind == "province-merge"]
    assert [(e.successor.name if e.successor else None, list(e.names[1:])) for e in merges] == \
        PROVINCE_MERGES
    for event in merges:
        assert event.names[0] == (event.successor.name if event.successor else None)
        assert event.date == dt.date(2025, 7, 1)
        assert "Nghị quyết 202/2025/QH15" in event.note and "01/7/2025" in event.note


def test_63_provinces_become_34(shipped: OrgChanges) -> None:
    merged = {name for e in shipped.events if e.kind == "province-merge" for name in e.names}
    others = set(shipped.provinces) - merged - {"Thừa Thiên Huế"}  # Huế's name until 2025
    assert len(merged) == 52 and len(others) == 11
    assert len(merged | others) == 63
    assert len(others) + len(PROVINCE_MERGES) == 34


def test_the_district_level_is_abolished_with_no_successor(shipped: OrgChanges) -> None:
    event = by_id(shipped)["2025-cap-huyen"]
    assert event.kind == "abolish" and event.successor is None
    assert event.date == dt.date(2025, 7, 1)
    assert {"UBND cấp huyện", "UBND các huyện, thành phố", "UBND huyện",
            "Phòng … huyện"} <= set(event.names)


def test_the_press_merge_is_dated_by_approximation(shipped: OrgChanges) -> None:
    event = by_id(shipped)["2025-bao-ptth"]
    assert event.date == dt.date(2025, 7, 1) and event.kind == "merge"
    assert event.successor == Successor("Báo và Phát thanh, Truyền hình {tỉnh}", None, None)
    assert "gần đúng" in event.note


def test_the_docs_list_every_shipped_event(shipped: OrgChanges) -> None:
    docs = (ROOT / "docs" / "changes.md").read_text()
    for event in shipped.events:
        date = f"{event.date.day:02d}/{event.date.month}/{event.date.year}"
        row = next((line for line in docs.splitlines() if line.startswith(f"| `{event.id}` |")),
                   "")
        assert f"| {date} | {event.kind} |" in row, event.id


# Matching.

@pytest.mark.parametrize(("name", "ident"), [
    ("Sở Thông tin và Truyền thông tỉnh Gia Lai", "2025-stttt-skhcn"),
    ("Sở Thông tin và Truyền thông", "2025-stttt-skhcn"),
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "2025-skhdt-stc"),
    ("sở kế hoạch và đầu tư", "2025-skhdt-stc"),
    ("Sở Kế Hoạch Và Đầu Tư tỉnh Hà Giang", "2025-skhdt-stc"),
    ("Sở Lao động – Thương binh và Xã hội", "2025-sldtbxh-snv"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "2025-stnmt-snnptnt-snnmt"),
    ("Ban Dân tộc tỉnh", "2025-bdt-sdttg"),
    ("UBND các huyện, thành phố", "2025-cap-huyen"),
    ("UBND huyện Vị Xuyên", "2025-cap-huyen"),
    ("UBND cấp huyện", "2025-cap-huyen"),
    ("Ủy ban nhân dân huyện Vị Xuyên", "2025-cap-huyen"),
    ("UBND thành phố Hà Giang", "2025-cap-huyen"),
    ("Phòng Nội vụ huyện Vị Xuyên", "2025-cap-huyen"),
    ("Phòng Văn hóa và Thông tin thành phố Hà Giang", "2025-cap-huyen"),
    ("Ủy ban nhân dân tỉnh Hà Giang", "2025-tinh-tuyen-quang"),
    ("UBND tỉnh Tuyên Quang", "2025-tinh-tuyen-quang"),
    ("Uỷ ban nhân dân tỉnh Hoà Bình", "2025-tinh-phu-tho"),
    ("UBND TP. Hồ Chí Minh", "2025-tinh-ho-chi-minh"),
    ("Sở Nội vụ tỉnh Bà Rịa-Vũng Tàu", "2025-tinh-ho-chi-minh"),
    ("Ủy ban nhân dân thành phố Hải Phòng", "2025-tinh-hai-phong"),
    ("Báo Hà Giang", "2025-bao-ptth"),
    ("Đài Phát thanh - Truyền hình tỉnh", "2025-bao-ptth"),
    ("Đài Phát thanh và Truyền hình tỉnh Hà Giang", "2025-bao-ptth"),
    # The usual short forms are the words they stand for.
    ("Sở TT&TT", "2025-stttt-skhcn"),
    ("Sở TTTT tỉnh Hà Giang", "2025-stttt-skhcn"),
    ("Sở KH&ĐT", "2025-skhdt-stc"),
    ("SỞ KHĐT", "2025-skhdt-stc"),
    ("Sở TN&MT", "2025-stnmt-snnptnt-snnmt"),
    ("Sở NN&PTNT", "2025-stnmt-snnptnt-snnmt"),
    ("Sở LĐ-TB&XH", "2025-sldtbxh-snv"),
    ("Sở LĐTBXH", "2025-sldtbxh-snv"),
    ("Sở GTVT", "2025-sgtvt-sxd"),
    ("Đài PT-TH tỉnh", "2025-bao-ptth"),
    ("Đài PT&TH Hà Giang", "2025-bao-ptth"),
    ("Đài PTTH tỉnh", "2025-bao-ptth"),
    # 01/3/2025, the ministries (Nghị quyết 176/2025/QH15).
    ("Bộ Thông tin và Truyền thông", "2025-btttt-bkhcn"),
    ("Bộ TT&TT", "2025-btttt-bkhcn"),
    ("Bộ Kế hoạch và Đầu tư", "2025-bkhdt-btc"),
    ("Bộ Tài nguyên và Môi trường", "2025-btnmt-bnnptnt-bnnmt"),
    ("Bộ NN&PTNT", "2025-btnmt-bnnptnt-bnnmt"),
    ("Bộ Lao động, Thương binh và Xã hội", "2025-bldtbxh-bnv"),
    ("Bộ LĐ-TB&XH", "2025-bldtbxh-bnv"),
    ("Bộ Giao thông vận tải", "2025-bgtvt-bxd"),
    ("Ủy ban Dân tộc", "2025-ubdt-bdttg"),
])
def test_match_finds(shipped: OrgChanges, name: str, ident: str) -> None:
    event = shipped.match(name, shipped.events)
    assert event is not None and event.id == ident


@pytest.mark.parametrize("name", [
    "Sở Khoa học và Công nghệ", "Sở Nội vụ", "UBND cấp xã", "Báo Nhân dân", "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường", "Ban Dân tộc HĐND tỉnh", "UBND tỉnh Lai Châu",
    "UBND thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh",
    "Phòng Cảnh sát giao thông Công an thành phố Hà Nội", "UBND xã Vị Xuyên",
    "Báo và Phát thanh, Truyền hình Tuyên Quang", "Sở KH&CN", "Bộ Khoa học và Công nghệ",
    "Bộ Tài chính", "Bộ Nội vụ", "Bộ Dân tộc và Tôn giáo", "Bộ NN&MT", "Ủy ban Dân tộc HĐND tỉnh",
])
def test_match_does_not_find(shipped: OrgChanges, name: str) -> None:
    event = shipped.match(name, shipped.events)
    assert event is None or event.kind == "province-merge"
    assert shipped.match(name, [e for e in shipped.events if e.kind != "province-merge"]) is None


def test_match_only_looks_at_the_events_given(shipped: OrgChanges) -> None:
    assert shipped.match("Sở Thông tin và Truyền thông", shipped.before(2025)) is None
    assert shipped.match("Sở Thông tin và Truyền thông", []) is None


def test_a_body_named_itself_comes_before_its_province(shipped: OrgChanges) -> None:
    found = shipped.matches("UBND huyện Vị Xuyên, tỉnh Hà Giang", shipped.events)
    assert [e.id for e in found] == ["2025-cap-huyen", "2025-tinh-tuyen-quang"]
    found = shipped.matches("Sở Thông tin và Truyền thông tỉnh Hà Giang", shipped.events)
    assert [e.id for e in found] == ["2025-stttt-skhcn", "2025-tinh-tuyen-quang"]


def test_the_province_placeholder_within_one_plan(shipped: OrgChanges) -> None:
    assert shipped.match("Báo Hà Giang", shipped.events, place="Hà Giang") is not None
    assert shipped.match("Báo Tuyên Quang", shipped.events, place="Hà Giang") is None
    assert shipped.match("Báo Lai Châu", shipped.events) is not None  # did not merge
    event = by_id(shipped)["2025-bao-ptth"]
    assert shipped.successor_name(event, "Báo Hà Giang") == \
        "Báo và Phát thanh, Truyền hình Hà Giang"
    assert shipped.successor_name(event, "Đài Phát thanh - Truyền hình tỉnh") == \
        "Báo và Phát thanh, Truyền hình tỉnh"
    assert shipped.successor_name(event, "Đài Phát thanh - Truyền hình tỉnh",
                                  place="Hà Giang") == "Báo và Phát thanh, Truyền hình Hà Giang"
    assert shipped.successor_name(by_id(shipped)["2025-cap-huyen"], "UBND huyện") is None
    assert shipped.successor_name(by_id(shipped)["2025-skhdt-stc"],
                                  "Sở Kế hoạch và Đầu tư") == "Sở Tài chính"


def test_names_are_compared_in_nfc() -> None:
    changes = changes_from(load_text(TWO_YEARS, "c.yaml"))
    decomposed = unicodedata.normalize("NFD", "Sở Văn hóa tỉnh Hà Giang")
    assert changes.match(decomposed, changes.events) is not None


# Years.

TWO_YEARS = """\
plangen-changes: 1
events:
  - id: late
    date: 2025-01-01
    kind: rename
    names: [Sở Văn hóa]
    successor: {name: Sở Văn hóa và Thể thao}
    note: Đổi tên.
  - id: early
    date: 2024-12-31
    kind: abolish
    names: [Ban Một]
    note: Giải thể.
  - id: last
    date: 2025-12-31
    kind: abolish
    names: [Ban Hai]
    note: Giải thể.
"""


def test_before_and_during_a_year() -> None:
    changes = changes_from(load_text(TWO_YEARS, "c.yaml"))
    assert [e.id for e in changes.events] == ["early", "late", "last"]
    assert [e.line for e in changes.events] == [9, 3, 14]
    assert [e.id for e in changes.before(2024)] == []
    assert [e.id for e in changes.before(2025)] == ["early"]
    assert [e.id for e in changes.before(2026)] == ["early", "late", "last"]
    assert [e.id for e in changes.during(2024)] == ["early"]
    assert [e.id for e in changes.during(2025)] == ["late", "last"]
    assert [e.id for e in changes.during(2026)] == []


def test_the_shipped_events_by_year(shipped: OrgChanges) -> None:
    assert shipped.before(2025) == ()
    assert shipped.during(2025) == shipped.events == shipped.before(2026)
    assert shipped.during(2026) == ()
