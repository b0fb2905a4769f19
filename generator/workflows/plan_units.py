"""What a reviewer sees of a plan, unit by unit: identity, place in the document's words, value.

The places follow the numbering the document prints (plan_blocks): "Mục II.2 Nội dung tuyên truyền,
điểm d", "Mục V, Sở Thông tin và Truyền thông, ý b", "Căn cứ thứ 5", "Phụ lục, dòng 5.2, cột Thời
gian". Values are the data as validated (so cosmetic YAML edits never differ); references are
compared by id and shown by name, so a renamed body is one change.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.document.appendix_table import cell_lines, column_join
from generator.document.context import signer as signature
from generator.document.plan_blocks import PART_TITLES, STYLE_LEVELS, Context, entry_text, sections
from generator.plan import vietnamese as vn
from generator.plan.citation import citation, issued_on, symbol
from generator.plan.index import body_names
from generator.shell.errors import DataPath

TOP_FIELDS = (("year", "Năm kế hoạch"), ("number", "Số văn bản"),
              ("date", "Ngày ban hành"), ("issue_year", "Năm ghi trên dòng ngày của dự thảo"))
ISSUER_FIELDS = (("name", "tên"), ("code", "chữ viết tắt trong ký hiệu"), ("place", "địa danh"),
                 ("parent", "cơ quan chủ quản"), ("header", "cách ngắt dòng tên"),
                 ("reference_name", "tên trong dòng kèm theo"))
PLAN_FIELDS = (("topic", "Tên kế hoạch"), ("scope", "Tên kế hoạch, phạm vi"),
               ("scope_position", "Tên kế hoạch, chỗ đặt phạm vi"), ("opening", "Đoạn mở đầu"))
CLOSING_FIELDS = (("closing", "Câu kết"), ("closing_note", "Ghi chú sau câu kết"))
DECISION_FIELDS = (("authority", "Quyết định, dòng thẩm quyền"),
                   ("summary_phrase", "Quyết định, trích yếu"),
                   ("proposal", "Quyết định, dòng đề nghị"), ("effective", "Điều 2"),
                   ("executors", "Điều 3"), ("execution", "Điều 3"), ("article_1", "Điều 1"),
                   ("article_2", "Điều 2"), ("article_3", "Điều 3"),
                   ("articles", "Các Điều của Quyết định"))
WHOLE_DECISION_FIELDS = ("authority", "executors")  # a line of title, a list of names
WHOLE_COLUMNS = ("number", "lead", "support", "bodies", "time")  # names and dates, not sentences
COLUMN_NAMES = {"number": "TT", "content": "Nội dung", "form": "Hình thức", "lead": "Chủ trì",
                "support": "Phối hợp", "bodies": "Cơ quan thực hiện", "time": "Thời gian",
                "product": "Sản phẩm", "note": "Ghi chú"}


@dataclass(frozen=True)
class Unit:
    """One thing of a plan a reviewer can see change: its identity, place, value and print."""

    key: str  # identity across versions: "row:row-5", "row:row-5/time", "entry:objectives/3"
    parent: str  # the key of what holds it ("" at the top)
    location: str
    value: str  # what is compared (data, canonical)
    shown: str  # what is printed
    path: DataPath
    matched_by_id: bool = True
    whole: bool = False  # a value (a name, a date, a cell), not running text: shown whole
    shape: DataPath | None = None  # the plan path its value is shaped like, when not its own

    @property
    def data_path(self) -> DataPath:
        """Where a value like this one stands in a plan (what the schema says of it)."""
        return self.path if self.shape is None else self.shape


def units(doc: dict[str, Any]) -> list[Unit]:
    """Every unit of a validated plan, in the order of the document."""
    ctx = Context(body_names(doc))
    out: list[Unit] = []
    out += _top(doc)
    out += _registry(doc)
    if "decision" in doc:
        out += _decision(doc)
    out += _plan(doc, ctx)
    if "appendix" in doc:
        out += _appendix(doc, ctx)
    out += _closing_block(doc)
    return out


def canonical(value: Any) -> str:
    """A value as compared: the same data always gives the same text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _unit(key: str, parent: str, location: str, value: Any, shown: str, path: DataPath,
          matched_by_id: bool = True, whole: bool = False, shape: DataPath | None = None) -> Unit:
    return Unit(key, parent, location, canonical(_bare(value)), shown, path, matched_by_id,
                whole, shape)


def _bare(value: Any) -> Any:
    """Data without what is never printed (provenance) and without children compared apart."""
    if isinstance(value, dict):
        return {k: _bare(v) for k, v in value.items() if k not in ("from", "derived_from")}
    if isinstance(value, list):
        return [_bare(v) for v in value]
    return value


def _top(doc: dict[str, Any]) -> Iterator[Unit]:
    shown = {"number": lambda: symbol(doc), "date": lambda: issued_on(doc)}
    for key, label in TOP_FIELDS:
        if key in doc and doc[key] is not None:
            text = shown[key]() if key in shown else str(doc[key])
            yield _unit(f"field:{key}", "", label, doc[key], text, (key,), whole=True)
    for key, label in ISSUER_FIELDS:
        if key in doc["issuer"]:
            value = doc["issuer"][key]
            text = " / ".join(value) if isinstance(value, list) else str(value)
            yield _unit(f"issuer:{key}", "", f"Cơ quan ban hành, {label}", value, text,
                        ("issuer", key), whole=True)


def _registry(doc: dict[str, Any]) -> Iterator[Unit]:
    for kind, label in (("groups", "Danh mục nhóm cơ quan"), ("bodies", "Danh mục cơ quan")):
        for i, entry in enumerate(doc.get(kind, [])):
            yield _unit(f"registry:{entry['id']}", "", f"{label}, {entry['name']}",
                        entry, entry["name"], (kind, i), whole=True)


def _decision(doc: dict[str, Any]) -> Iterator[Unit]:
    part = doc["decision"]
    for i, base in enumerate(part["bases"]):
        key = f"base:{base.get('id', i)}"
        texts = [citation(c) for c in (base, *base.get("also", []))]
        yield _unit(key, "bases", f"Căn cứ thứ {i + 1}", base, "; ".join(texts),
                    ("decision", "bases", i), "id" in base)
    for key, label in DECISION_FIELDS:
        if key in part:
            value = part[key]
            yield _unit(f"decision:{key}", "", label, value, _printed(value),
                        ("decision", key), whole=key in WHOLE_DECISION_FIELDS)


def _printed(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_printed(v) for v in value)
    if isinstance(value, dict):
        if "by" in value:
            document = f" tại {citation(value['document'])}" if "document" in value else ""
            return f"{value.get('phrase', 'Theo đề nghị của')} {value['by']}{document}"
        return canonical(value)
    return str(value)


def _plan(doc: dict[str, Any], ctx: Context) -> Iterator[Unit]:
    plan = doc["plan"]
    for key, label in PLAN_FIELDS:
        if key in plan:
            yield _unit(f"plan:{key}", "", label, plan[key], str(plan[key]), ("plan", key))
    for number, section in enumerate(sections(plan), start=1):
        roman = vn.roman(number)
        several = len(section.parts) > 1
        for index, name in enumerate(section.parts):
            part = plan[name]
            if several:
                title = part.get("title", PART_TITLES[name])
                place = _Place(f"Mục {roman}.{index + 1} {title}", numbered=True)
                level = 2
            else:
                place = _Place(f"Mục {roman}", numbered=False)
                level = 1
            for key in ("title", "note"):
                if key in part:
                    yield _unit(f"part:{name}/{key}", "", f"{place.text}, "
                                f"{'tiêu đề' if key == 'title' else 'ghi chú'}", part[key],
                                str(part[key]), ("plan", name, key))
            if name == "assignments":
                yield from _assignments(part["items"], place, level, ctx)
            else:
                style = part.get("style", "plain" if name == "audience" else "numbered")
                yield from _entries(part.get("items", []), f"part:{name}", place, level, style,
                                    ("plan", name, "items"), ctx)
    for key, label in CLOSING_FIELDS:
        if key in plan:
            yield _unit(f"plan:{key}", "", label, plan[key], str(plan[key]), ("plan", key))


@dataclass(frozen=True)
class _Place:
    """Where a list stands: 'Mục II.2 Nội dung tuyên truyền'; numbered when it has a number."""

    text: str
    numbered: bool


def _mark_words(level: int, style: str, index: int, place: _Place, word: str) -> str:
    """'Mục IV.2', 'Mục II.2 Nội dung tuyên truyền, điểm d', '…, gạch đầu dòng thứ 2'."""
    if style == "plain":
        return f"{place.text}, đoạn thứ {index + 1}"
    level = max(level, STYLE_LEVELS.get(style, level))
    if level <= 1:
        return (f"{place.text}, khoản {index + 1}" if place.numbered
                else f"{place.text}.{index + 1}")
    if level == 2:
        return f"{place.text}, {word} {vn.point_letter(index)}"
    return f"{place.text}, {'gạch đầu dòng' if level == 3 else 'dấu cộng'} thứ {index + 1}"


def _entries(items: list[dict[str, Any]], parent: str, place: _Place, level: int, style: str,
             path: DataPath, ctx: Context, word: str = "điểm") -> Iterator[Unit]:
    for i, entry in enumerate(items):
        here = _Place(_mark_words(level, style, i, place, word), numbered=True)
        has_id = "id" in entry
        kind = "task" if word == "ý" else "entry"
        key = f"{kind}:{entry['id']}" if has_id else f"{parent}/{i}"
        shown = " ".join(t for t in (entry.get("title", ""), entry_text(entry, ctx)) if t)
        own = {k: v for k, v in entry.items() if k != "items"}
        yield _unit(key, parent, here.text, own, shown, (*path, i), has_id)
        if "items" in entry:
            yield from _entries(entry["items"], key, here, level + 1,
                                entry.get("style", "numbered"), (*path, i, "items"), ctx)


def _assignments(items: list[dict[str, Any]], place: _Place, level: int,
                 ctx: Context) -> Iterator[Unit]:
    for i, assignment in enumerate(items):
        heading = vn.capitalize_first(assignment.get("label") or ", ".join(
            ctx.ref(r) for r in assignment.get("bodies", [])))
        key = f"assignment:{assignment['id']}"
        where = _Place(f"{place.text}, {heading}", numbered=True)
        value = {k: v for k, v in assignment.items() if k != "tasks"}
        yield _unit(key, "assignments", where.text, value, heading,
                    ("plan", "assignments", "items", i), whole=True)
        tasks = assignment["tasks"]
        style = assignment.get("style", "plain" if len(tasks) == 1 else "numbered")
        yield from _entries(tasks, key, where, level + 1, style,
                            ("plan", "assignments", "items", i, "tasks"), ctx, word="ý")


def _appendix(doc: dict[str, Any], ctx: Context) -> Iterator[Unit]:
    part = doc["appendix"]
    for key in ("label", "title"):
        if key in part:
            yield _unit(f"appendix:{key}", "", f"Phụ lục, {'nhãn' if key == 'label' else 'tên'}",
                        part[key], vn.upper(part[key]), ("appendix", key))
    columns = part["columns"]
    yield _unit("appendix:columns", "", "Phụ lục, các cột", columns,
                " | ".join(c["header"] for c in columns), ("appendix", "columns"), whole=True)
    width = part.get("number_width", 1)
    for i, row in enumerate(part["rows"]):
        number = f"{i + 1:0{width}d}"
        yield from _row(row, f"row:{row['id']}", "rows", number, columns, part, ctx, doc,
                        ("appendix", "rows", i))
        for j, sub in enumerate(row.get("rows", [])):
            yield from _row(sub, f"sub:{sub['id']}", f"row:{row['id']}", f"{number}.{j + 1}",
                            columns, part, ctx, doc, ("appendix", "rows", i, "rows", j))


def _row(row: dict[str, Any], key: str, parent: str, number: str, columns: list[dict[str, Any]],
         part: dict[str, Any], ctx: Context, doc: dict[str, Any],
         path: DataPath) -> Iterator[Unit]:
    where = f"Phụ lục, dòng {number}"
    yield _unit(key, parent, where, {"id": row["id"]}, row["content"], path)
    for column in columns:
        name = column["key"]
        if name == "number":
            continue
        value = ({k: row.get(k) for k in ("lead", "support")} if name == "bodies"
                 else row.get(name))
        shown = " / ".join(cell_lines(name, row, ctx.ref, doc["year"],
                                      column_join(column, part)))
        # The bodies column holds the row's lead and support: shaped like the row.
        yield _unit(f"{key}/{name}", key, f"{where}, cột {column['header']}", value, shown,
                    (*path, name), whole=name in WHOLE_COLUMNS,
                    shape=path if name == "bodies" else None)


def _closing_block(doc: dict[str, Any]) -> Iterator[Unit]:
    for i, recipient in enumerate(doc["recipients"]):
        # Printed one a line after "- ", in this order: its place is part of what it says.
        yield _unit(f"recipients/{i}", "recipients", f"Nơi nhận, gạch đầu dòng thứ {i + 1}",
                    recipient, recipient, ("recipients", i), matched_by_id=False, whole=True)
    archive = {"archive": doc.get("archive", []), "copies": doc.get("copies")}
    yield _unit("field:archive", "", "Nơi nhận, dòng Lưu", archive,
                "Lưu: " + ", ".join(["VT", *doc.get("archive", [])]), ("archive",), whole=True)
    signer = doc["signer"]
    lines = signature(signer)
    yield _unit("field:signer", "", "Chữ ký", signer, " / ".join([*lines["lines"],
                                                                  lines["name"]]), ("signer",),
                whole=True)
