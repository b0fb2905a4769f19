"""Field descriptions: the Kế hoạch, its sections, parts, items and assignments."""
from __future__ import annotations

from generator.plan.schema_docs_table import Field, Table
from generator.plan.schema_docs_top import FROM

# How a list is marked, the same for a part, an item's children and an assignment's tasks.
STYLE = (
    "how the list is marked: `numbered` (the default, the next level), `plain` (no mark), "
    "`dash` (`-`), `plus` (`+`)",
    "cách đánh dấu các ý: `numbered` (mặc định), `plain` (không đánh dấu), `dash` (`-`), "
    "`plus` (`+`)")

PLAN = Table(
    "plan",
    fields=(
        Field("topic", "text", "yes",
              "the summary without the year: `Tuyên truyền cải cách hành chính`",
              "trích yếu, không có năm"),
        Field("scope", "text", "no",
              "printed after the year: `trên địa bàn tỉnh Hà Giang`",
              "phạm vi, in sau năm"),
        Field("scope_position", "`after-year` | `before-year`", "no",
              "`before-year`: `… trên địa bàn tỉnh năm 2024` (default `after-year`)",
              "phạm vi đặt trước năm"),
        Field("attach_phrase", "`Ban hành kèm theo` | `Kèm theo`", "no",
              "the phrase of the reference line under an attached plan's title (default `Ban "
              "hành kèm theo`)",
              "cụm từ dòng \"kèm theo\""),
        Field("opening", "text", "no",
              "the opening paragraph (`Thực hiện Kế hoạch số …`)",
              "đoạn mở đầu"),
        Field("objectives", "part", "no",
              "Mục đích",
              "Mục đích"),
        Field("requirements", "part", "no",
              "Yêu cầu",
              "Yêu cầu"),
        Field("targets", "part", "no",
              "Chỉ tiêu (items may carry a number, `value`, and its `unit`)",
              "Chỉ tiêu (mỗi ý có thể kèm số liệu `value` và đơn vị `unit`)"),
        Field("audience", "part", "no",
              "Đối tượng (plain paragraphs by default)",
              "Đối tượng"),
        Field("content", "part", "no",
              "Nội dung tuyên truyền",
              "Nội dung"),
        Field("channels", "part", "no",
              "Hình thức tuyên truyền",
              "Hình thức"),
        Field("solutions", "part", "no",
              "Giải pháp",
              "Giải pháp"),
        Field("funding", "part", "no",
              "Kinh phí",
              "Kinh phí"),
        Field("assignments", "mapping", "no",
              "Tổ chức thực hiện: `items` = assignments (below)",
              "phân công"),
        Field("closing", "text", "no",
              "the closing sentence (`Trên đây là …`); `./.` is added to the last paragraph of "
              "the plan",
              "câu kết"),
        Field("closing_note", "text", "no",
              "an italic note after the closing (`(có Phụ lục … kèm theo)`)",
              "ghi chú sau câu kết"),
        Field("sections", "list", "no",
              "how parts are grouped into Roman-numbered sections: `[{title: \"MỤC ĐÍCH, YÊU "
              "CẦU\", parts: [objectives, requirements]}, …]`; a section may have a `note` (and "
              "`note_inline`, as for parts) and then needs no `parts`: `{title: Nhiệm vụ trọng "
              "tâm, note: \"(có Phụ lục kèm theo)\", note_inline: true}`; default: I. MỤC ĐÍCH, "
              "YÊU CẦU; II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN; III. GIẢI PHÁP; IV. "
              "KINH PHÍ; V. TỔ CHỨC THỰC HIỆN (sections without parts are skipped)",
              "cách nhóm các phần thành mục La Mã"),
    ))


SECTIONS = Table(
    "plan.sections",
    caption="Each item of `sections` / mỗi mục của `sections`:",
    fields=(
        Field("title", "text", "yes",
              "the section's title (`MỤC ĐÍCH, YÊU CẦU`)",
              "tên mục (`MỤC ĐÍCH, YÊU CẦU`)"),
        Field("note", "text", "no",
              "an italic note; a section with a note needs no `parts`",
              "ghi chú in nghiêng; mục có ghi chú thì không cần `parts`"),
        Field("note_inline", "`true`/`false`", "no",
              "`true`: the note is printed on the section's line",
              "`true`: ghi chú in trên dòng tên mục"),
        Field("parts", "list of part names", "unless `note`",
              "the parts the section holds, in order: `[objectives, requirements]`",
              "các phần thuộc mục, theo thứ tự: `[objectives, requirements]`"),
    ))


PART = Table(
    "part",
    caption="A part / một phần:",
    definition=(
        "a part: a mapping (or a bare list, shorthand for `{items: …}`) with `title`, `style`, "
        "`note`, `note_inline`, `items`",
        "một phần: nhóm trường (hoặc một danh sách, cách viết gọn của `{items: …}`) gồm "
        "`title`, `style`, `note`, `note_inline`, `items`"),
    fields=(
        Field("title", "text", "no",
              "the item heading when the section holds several parts; defaults: `Mục đích`, "
              "`Yêu cầu`, `Chỉ tiêu`, `Đối tượng`, `Nội dung tuyên truyền`, `Hình thức tuyên "
              "truyền`, `Giải pháp`, `Kinh phí`, `Tổ chức thực hiện`",
              "tiêu đề khi mục có nhiều phần"),
        Field("style", "`numbered` | `plain` | `dash` | `plus`", "no",
              *STYLE),
        Field("note", "text", "no",
              "an italic paragraph after the items, e.g. `(Có Phụ lục … đính kèm)`",
              "dòng nghiêng sau các ý"),
        Field("note_inline", "`true`/`false`", "no",
              "`true`: the note is printed in italics on the part's heading line, or on the "
              "section's line when the part is alone in its section",
              "`true`: ghi chú in nghiêng ngay trên dòng tiêu đề của phần (hoặc của mục)"),
        Field("items", "list of items", "unless `note`",
              "the items (required, unless the part is only a `note` pointing elsewhere)",
              "các ý (bắt buộc, trừ khi phần chỉ có `note` dẫn sang nơi khác)"),
        Field("from", "mapping", "no",
              *FROM),
    ))


ENTRY = Table(
    "entry",
    caption="An item / một ý:",
    definition=(
        "an item: text (shorthand for `{text: …}`) or a mapping; at least `title` or `text`",
        "một ý: đoạn chữ (cách viết gọn của `{text: …}`) hoặc nhóm trường; cần ít nhất `title` "
        "hoặc `text`"),
    fields=(
        Field("id", "id", "in `tasks`",
              "the item's id (every task needs one)",
              "mã định danh của ý (mỗi nhiệm vụ đều cần có)"),
        Field("title", "text", "unless `text`",
              "bold, on its own line",
              "tiêu đề in đậm, trên một dòng riêng"),
        Field("text", "text", "unless `title`",
              "the item's text",
              "nội dung của ý"),
        Field("body", "ref", "no",
              "a ref printed before the text: `Trung tâm Phục vụ hành chính công tỉnh: …`",
              "cơ quan in trước nội dung: `Trung tâm Phục vụ hành chính công tỉnh: …`"),
        Field("inline", "`true`/`false`", "no",
              "`true`: print the title and the text in one paragraph",
              "`true`: in tiêu đề và nội dung trong cùng một đoạn"),
        Field("style", "`numbered` | `plain` | `dash` | `plus`", "no",
              *STYLE),
        Field("items", "list of items", "no",
              "children",
              "các ý con"),
        Field("value", "number", "no",
              "targets: a number (`100`, `2.5`; not a text such as `\"100%\"`: the unit goes "
              "in `unit`), printed the Vietnamese way (`2,5`, `1.000`) after the text as `: "
              "100%` or `: 40 lớp`",
              "chỉ tiêu: giá trị là số (`100`, `2.5`; không phải chữ như `\"100%\"`: đơn vị ghi "
              "ở `unit`), in theo cách viết số của Việt Nam (`2,5`, `1.000`) sau nội dung, như "
              "`: 100%` hoặc `: 40 lớp`"),
        Field("unit", "text", "no",
              "the figure's unit: `%` is glued to the number, other units follow a space",
              "đơn vị của số liệu: `%` viết liền số, đơn vị khác cách một dấu cách"),
        Field("value_in_text", "`true`/`false`", "no",
              "`true`: the figure goes where the text says `{value}`, once or more",
              "`true`: số liệu đặt vào chỗ `{value}` trong nội dung"),
        Field("from", "mapping", "no",
              *FROM),
    ))


ASSIGNMENTS = Table(
    "plan.assignments",
    caption="`assignments` / phân công:",
    fields=(
        Field("title", "text", "no",
              "the part's heading (default `Tổ chức thực hiện`)",
              "tiêu đề của phần (mặc định `Tổ chức thực hiện`)"),
        Field("note", "text", "no",
              "an italic paragraph after the assignments",
              "dòng nghiêng sau phần phân công"),
        Field("items", "list of assignments", "yes",
              "the assignments",
              "các mục phân công"),
    ))


ASSIGNMENT = Table(
    "assignment",
    caption="Each assignment / mỗi mục phân công:",
    definition=(
        "an assignment: the bodies (or a label) and their tasks",
        "một mục phân công: cơ quan (hoặc nhãn) và các nhiệm vụ"),
    fields=(
        Field("id", "id", "yes",
              "the assignment's id",
              "mã định danh của mục phân công"),
        Field("bodies", "ref or list of refs", "unless `label`",
              "refs; the heading is their names joined with `, `: `bodies: snv`, `bodies: "
              "{body: vp, label: Văn phòng}` and `bodies: [snv, stc]` are all accepted",
              "các cơ quan; tiêu đề là tên các cơ quan nối bằng `, `"),
        Field("label", "text", "unless `bodies`",
              "a heading text instead",
              "tiêu đề viết sẵn thay cho tên cơ quan"),
        Field("intro", "text", "no",
              "a paragraph before the tasks: `Chủ trì, phối hợp với … thực hiện những nội dung "
              "sau:`",
              "đoạn trước các nhiệm vụ: `Chủ trì, phối hợp với … thực hiện những nội dung sau:`"),
        Field("style", "`numbered` | `plain` | `dash` | `plus`", "no",
              *STYLE),
        Field("inline", "`true`/`false`", "no",
              "`true`: a single task follows the bold heading on the same line, after a colon "
              "the generator adds: `Sở Tài chính: Thẩm định …`",
              "`true`: nhiệm vụ duy nhất in ngay sau tiêu đề đậm, sau dấu hai chấm"),
        Field("sentence", "`true`/`false`", "no",
              "`true`: the bodies and their single task form one plain sentence, no bold and no "
              "colon",
              "`true`: tên cơ quan và nhiệm vụ duy nhất thành một câu, không in đậm, không dấu "
              "hai chấm"),
        Field("tasks", "list of items", "yes",
              "items, each with an `id`; a single task is printed as a plain paragraph",
              "các nhiệm vụ, mỗi nhiệm vụ có `id`; một nhiệm vụ duy nhất in thành đoạn thường"),
    ))
