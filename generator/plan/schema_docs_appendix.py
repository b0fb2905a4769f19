"""Field descriptions: the Phụ lục, its columns and rows, and a row's time."""
from __future__ import annotations

from generator.plan.schema_docs_table import Field, Table
from generator.plan.schema_docs_top import FROM

APPENDIX = Table(
    "appendix",
    fields=(
        Field("label", "text", "no",
              "the label line (default `PHỤ LỤC`)",
              "nhãn"),
        Field("title", "text", "yes",
              "the title, printed in upper case",
              "tên phụ lục"),
        Field("attach_phrase", "`Kèm theo` | `Ban hành kèm theo`", "no",
              "the phrase of the reference line (default `Kèm theo`, as ND30's Mẫu 2.1)",
              "cụm từ dòng \"kèm theo\""),
        Field("reference", "`true`/`false`", "no",
              "`false`: no `(Kèm theo …)` line under the title (default `true`)",
              "bỏ dòng \"kèm theo\""),
        Field("join", "`lines` | `comma` | `semicolon` | `and`", "no",
              "how a cell with several bodies prints them: `lines` (default: one `- ` line "
              "each), `comma` (`A, B`), `semicolon` (`A; B`), `and` (`A, B và C`); a column's "
              "own `join` overrides it. In a `bodies` column the names after `Chủ trì:` / `Phối "
              "hợp:` are joined with `; ` unless `comma` or `and` is chosen",
              "cách nối nhiều cơ quan trong một ô"),
        Field("number_width", "1–3", "no",
              "digits of the row number (`2` → `01`, `02`; default `1`)",
              "số chữ số của STT (mặc định 1)"),
        Field("orientation", "`auto` | `portrait` | `landscape`", "no",
              "`auto` (default): landscape when the columns are wider than a portrait page",
              "hướng trang"),
        Field("columns", "list", "yes",
              "`key`, `header`, `width` (mm) per column, below",
              "các cột"),
        Field("rows", "list", "yes",
              "rows, below",
              "các dòng"),
    ))


COLUMN = Table(
    "appendix.columns",
    caption="Each column / mỗi cột:",
    fields=(
        Field("key", "column key", "yes",
              "what the column shows: `number` (generated TT), `content`, `form`, `lead`, "
              "`support`, `bodies` (both in one cell), `time`, `product`, `note`",
              "nội dung của cột: `number` (STT tự sinh), `content`, `form`, `lead`, `support`, "
              "`bodies` (cả chủ trì và phối hợp), `time`, `product`, `note`"),
        Field("header", "text", "yes",
              "the column's header",
              "tiêu đề cột"),
        Field("width", "number, 5–280", "yes",
              "the column's width in mm",
              "độ rộng cột (mm)"),
        Field("join", "`lines` | `comma` | `semicolon` | `and`", "no",
              "as the appendix's `join`, for this column only",
              "như `join` của Phụ lục, riêng cho cột này"),
        Field("line_end", "`none` | `semicolon`", "no",
              "`semicolon`: a cell of several `- ` lines ends each with `;` and the last with "
              "`.` (`- Thanh tra;` … `- Văn phòng.`); for `form`, `product`, `note`, and `lead`, "
              "`support` joined as `lines`; a cell of one line is printed as it is (default "
              "`none`)",
              "`semicolon`: ô có nhiều dòng `- ` kết thúc mỗi dòng bằng `;`, dòng cuối bằng `.` "
              "(`- Thanh tra;` … `- Văn phòng.`); dùng cho `form`, `product`, `note`, và `lead`, "
              "`support` nối theo `lines`; ô một dòng in nguyên văn"),
    ))


ROW = Table(
    "row",
    caption="Each row / mỗi dòng:",
    definition=(
        "an appendix row: `id` and `content` required",
        "một dòng Phụ lục: bắt buộc có `id` và `content`"),
    fields=(
        Field("id", "id", "yes",
              "the row's id",
              "mã định danh của dòng"),
        Field("content", "text", "yes",
              "the row's content",
              "nội dung của dòng"),
        Field("form", "text or list of text", "no",
              "Hình thức: text or list of text; several are printed as `- ` lines",
              "Hình thức: đoạn chữ hoặc danh sách; nhiều dòng in thành các dòng `- `"),
        Field("product", "text or list of text", "no",
              "Sản phẩm: text or list of text; several are printed as `- ` lines",
              "Sản phẩm: đoạn chữ hoặc danh sách; nhiều dòng in thành các dòng `- `"),
        Field("note", "text or list of text", "no",
              "Ghi chú: text or list of text; several are printed as `- ` lines",
              "Ghi chú: đoạn chữ hoặc danh sách; nhiều dòng in thành các dòng `- `"),
        Field("lead", "ref or list of refs", "no",
              "Chủ trì: a ref or a list of refs: `lead: snv`, `lead: {body: vp, label: Văn "
              "phòng}`, `lead: [snv, stc]`",
              "Chủ trì: một cơ quan hoặc danh sách cơ quan"),
        Field("support", "ref or list of refs", "no",
              "Phối hợp: a ref or a list of refs",
              "Phối hợp: một cơ quan hoặc danh sách cơ quan"),
        Field("time", "text, list of text or mapping", "no",
              "text, the same as `{text: …}`; a list of texts, one line each, the same as "
              "`{lines: […]}`; or `{quarters: [2, 3]}` → `Quý II, III/2023`",
              "thời gian: đoạn chữ (như `{text: …}`); danh sách, mỗi mục một dòng (như "
              "`{lines: […]}`); hoặc `{quarters: [2, 3]}` → `Quý II, III/2023`"),
        Field("joins", "mapping", "no",
              "how this row's own cells join their bodies, overriding the column's `join`: "
              "`joins: {support: semicolon}` → `Sở Tài chính; các sở, ban, ngành` in a column "
              "joined with `, `",
              "cách nối cơ quan riêng cho ô của dòng này, thay cho `join` của cột: `joins: "
              "{support: semicolon}` → `Sở Tài chính; các sở, ban, ngành`"),
        Field("rows", "list of rows", "no",
              "sub-rows, numbered `5.1`, `5.2` …; a cell that a sub-row leaves out is merged "
              "vertically with its parent's",
              "các dòng con, đánh số `5.1`, `5.2` …; ô dòng con bỏ trống được gộp với ô của "
              "dòng cha"),
        Field("from", "mapping", "no",
              *FROM),
    ))


TIME = Table(
    "row.time",
    caption="A row's `time` written as a mapping / `time` viết đầy đủ:",
    fields=(
        Field("text", "text", "no",
              "the time as written (not with `lines` or `quarters`)",
              "thời gian viết sẵn (không dùng cùng `lines` hay `quarters`)"),
        Field("lines", "list of text", "no",
              "the lines of the time cell, printed as written, one paragraph each (`lines: "
              "[Tháng 3, Tháng 9]`); a list written as `time` stands for it; not with `text` or "
              "`quarters`",
              "các dòng của ô thời gian, in nguyên văn, mỗi mục một đoạn (`lines: [Tháng 3, "
              "Tháng 9]`); `time` viết thành danh sách chính là trường này; không dùng cùng "
              "`text` hay `quarters`"),
        Field("quarters", "list of 1–4", "no",
              "quarters 1–4: `[2, 3]` → `Quý II, III/2023` (not with `text` or `lines`)",
              "các quý 1–4: `[2, 3]` → `Quý II, III/2023` (không dùng cùng `text` hay `lines`)"),
        Field("with_year", "`true`/`false`", "no",
              "`false`: `Quý II, III` without the year",
              "`false`: `Quý II, III`, không kèm năm"),
        Field("style", "`plain` | `dash`", "no",
              "`dash`: each line of the time cell is printed after `- ` (`- Tháng 3`, `- Tháng "
              "9`); default `plain`",
              "`dash`: mỗi dòng của ô thời gian in sau dấu `- ` (`- Tháng 3`, `- Tháng 9`); mặc "
              "định `plain`"),
    ))


JOINS = Table(
    "row.joins",
    caption="A row's `joins` / `joins` của một dòng:",
    fields=(
        Field(("lead", "support", "bodies"), "`lines` | `comma` | `semicolon` | `and`", "no",
              "the join of this row's cell in that column, as a column's `join`",
              "cách nối của ô thuộc cột đó ở dòng này, như `join` của cột"),
    ))
