"""The field descriptions of the plan YAML, in English and Vietnamese, for `plangen schema`.

Key: a field's path in the JSON Schema ('issuer.name', 'appendix.columns.key'; inside a `$defs`
entry its name: 'entry.text', 'row.time.quarters'), a `$defs` entry's own name ('part', 'ref'),
or a bare field name for a field that means the same everywhere ('style', 'from').
Value: (English, Vietnamese), as written in docs/schema.md: the table cells word for word (the
tests compare them), the fields its prose describes in the prose's words.
"""
from __future__ import annotations

DESCRIPTIONS: dict[str, tuple[str, str]] = {
    # --- docs/schema.md's tables, cell for cell (tests/test_json_schema.py compares them) ---
    "plangen": (
        "format version",
        "phiên bản định dạng"),
    "kind": (
        "`decision`: a Quyết định issuing an attached Kế hoạch (+ Phụ lục); `plan`: a standalone "
        "Kế hoạch (department, commune)",
        "`decision`: Quyết định ban hành kèm Kế hoạch; `plan`: Kế hoạch độc lập (sở, xã)"),
    "year": (
        "the plan year (2000–2100)",
        "năm kế hoạch"),
    "issuer": (
        "the issuing body, below",
        "cơ quan ban hành"),
    "number": (
        "the document number (`233` → `Số: 233/QĐ-UBND`); absent = draft (`Số:      /QĐ-UBND`)",
        "số văn bản; bỏ trống = dự thảo"),
    "date": (
        "the signing date; absent = draft (`ngày     tháng     năm 2024`); `2024-01` = a draft "
        "whose month is known (`ngày     tháng 01 năm 2024`, in the reference lines too); must "
        "fall in `year` or the year before",
        "ngày ký; bỏ trống = dự thảo; `2024-01` = dự thảo đã biết tháng"),
    "issue_year": (
        "the year printed on a draft's blank date line (default `year`)",
        "năm in trên dòng ngày của dự thảo"),
    "bodies": (
        "the registry of bodies, below",
        "danh mục cơ quan"),
    "groups": (
        "groups of bodies (`các sở, ban, ngành`), below",
        "nhóm cơ quan"),
    "decision": (
        "the Quyết định, below",
        "phần Quyết định"),
    "plan": (
        "the Kế hoạch, below",
        "phần Kế hoạch"),
    "appendix": (
        "the Phụ lục table, below",
        "Phụ lục"),
    "recipients": (
        "Nơi nhận entries, without `- ` and `;` (e.g. `Như Điều 3`)",
        "các dòng Nơi nhận"),
    "archive": (
        "units after `Lưu: VT,` (e.g. `[PVHCC, ĐM]`)",
        "đơn vị lưu sau `Lưu: VT,`"),
    "copies": (
        "number of copies printed after the archive (`ĐM(50)`)",
        "số bản lưu"),
    "signer": (
        "the signature block, below",
        "khối chữ ký"),
    "issuer.name": (
        "full name, sentence case: `Ủy ban nhân dân tỉnh Hà Giang`",
        "tên đầy đủ"),
    "issuer.code": (
        "issuer code in the symbol: `UBND`, `SNV`, `STTTT`",
        "chữ viết tắt tên cơ quan trong ký hiệu"),
    "issuer.place": (
        "place name of the date line: `Hà Giang`",
        "địa danh"),
    "issuer.parent": (
        "the parent body printed above, not bold: `UBND TỈNH GIA LAI`",
        "cơ quan chủ quản"),
    "issuer.header": (
        "how the name is broken into lines in the header (`[ỦY BAN NHÂN DÂN, TỈNH HÀ GIANG]`); "
        "default: the name in upper case, on one line when it fits the 85 mm column at 13 pt, "
        "otherwise cut between phrases (before `VÀ`, after `,` or ` -`, before `TỈNH`, `XÃ` …), "
        "never leaving the last word alone",
        "cách ngắt dòng tên cơ quan; mặc định tự ngắt giữa các cụm từ"),
    "issuer.reference_name": (
        "how the reference lines under the plan and the appendix name the issuer (`Ủy ban nhân "
        "dân tỉnh`); default `name`",
        "tên cơ quan trong dòng \"kèm theo\""),
    "decision.authority": (
        "the authority line (default `CHỦ TỊCH` + issuer name in upper case)",
        "dòng thẩm quyền ban hành"),
    "decision.summary_phrase": (
        "how the summary under QUYẾT ĐỊNH begins (default `Về việc ban hành`)",
        "cụm từ đầu trích yếu"),
    "decision.bases": (
        "legal bases, one `Căn cứ …;` each (below)",
        "các căn cứ"),
    "decision.long_dates": (
        "print the bases' dates long (`ngày 19 tháng 6 năm 2015`) instead of `ngày 19/6/2015` "
        "(default `false`)",
        "in ngày đầy đủ trong căn cứ"),
    "decision.proposal": (
        "`phrase` (`Theo đề nghị của`, the default, or `Xét đề nghị của`), `by` (who proposes: "
        "`Giám đốc Sở Nội vụ`) and `document` (a citation, printed with the long date) → `Theo đề "
        "nghị của … tại Tờ trình số … ngày … .`; a text is shorthand for `{by: …}`",
        "Theo đề nghị của … / Xét đề nghị của …"),
    "decision.scope_in_article": (
        "Điều 1 names the plan with its `scope` (default `false`: without it)",
        "Điều 1 có phạm vi"),
    "decision.effective": (
        "Điều 2's time of effect (default `kể từ ngày ký ban hành`)",
        "thời điểm có hiệu lực"),
    "decision.executors": (
        "Điều 3's list of those who execute",
        "những người thi hành"),
    "decision.executors_join": (
        "how the executors are joined: `; ` (default) or `, `",
        "cách nối"),
    "decision.execution": (
        "the end of Điều 3 (default `chịu trách nhiệm thi hành Quyết định này`; e.g. `chịu trách "
        "nhiệm triển khai thực hiện Quyết định này`)",
        "phần cuối Điều 3"),
    **dict.fromkeys(("decision.article_1", "decision.article_2", "decision.article_3"), (
        "replaces one generated article, keeping the others",
        "thay một Điều")),
    "decision.articles": (
        "replaces the generated Điều 1–3 with your own texts (`Điều n.` is still generated)",
        "thay nội dung các Điều"),
    "plan.topic": (
        "the summary without the year: `Tuyên truyền cải cách hành chính`",
        "trích yếu, không có năm"),
    "plan.scope": (
        "printed after the year: `trên địa bàn tỉnh Hà Giang`",
        "phạm vi, in sau năm"),
    "plan.scope_position": (
        "`before-year`: `… trên địa bàn tỉnh năm 2024` (default `after-year`)",
        "phạm vi đặt trước năm"),
    "plan.attach_phrase": (
        "the phrase of the reference line under an attached plan's title (default `Ban hành kèm "
        "theo`)",
        "cụm từ dòng \"kèm theo\""),
    "plan.opening": (
        "the opening paragraph (`Thực hiện Kế hoạch số …`)",
        "đoạn mở đầu"),
    "plan.objectives": (
        "Mục đích",
        "Mục đích"),
    "plan.requirements": (
        "Yêu cầu",
        "Yêu cầu"),
    "plan.targets": (
        "Chỉ tiêu (items may carry `value` and `unit`)",
        "Chỉ tiêu"),
    "plan.audience": (
        "Đối tượng (plain paragraphs by default)",
        "Đối tượng"),
    "plan.content": (
        "Nội dung tuyên truyền",
        "Nội dung"),
    "plan.channels": (
        "Hình thức tuyên truyền",
        "Hình thức"),
    "plan.solutions": (
        "Giải pháp",
        "Giải pháp"),
    "plan.funding": (
        "Kinh phí",
        "Kinh phí"),
    "plan.assignments": (
        "Tổ chức thực hiện: `items` = assignments (below)",
        "phân công"),
    "plan.closing": (
        "the closing sentence (`Trên đây là …`); `./.` is added to the last paragraph of the plan",
        "câu kết"),
    "plan.closing_note": (
        "an italic note after the closing (`(có Phụ lục … kèm theo)`)",
        "ghi chú sau câu kết"),
    "plan.sections": (
        "how parts are grouped into Roman-numbered sections: `[{title: \"MỤC ĐÍCH, YÊU CẦU\", "
        "parts: [objectives, requirements]}, …]`; a section may have a `note` (and `note_inline`, "
        "as for parts) and then needs no `parts`: `{title: Nhiệm vụ trọng tâm, note: \"(có Phụ "
        "lục kèm theo)\", note_inline: true}`; default: I. MỤC ĐÍCH, YÊU CẦU; II. ĐỐI TƯỢNG, NỘI "
        "DUNG, HÌNH THỨC TUYÊN TRUYỀN; III. GIẢI PHÁP; IV. KINH PHÍ; V. TỔ CHỨC THỰC HIỆN "
        "(sections without parts are skipped)",
        "cách nhóm các phần thành mục La Mã"),
    "appendix.label": (
        "the label line (default `PHỤ LỤC`)",
        "nhãn"),
    "appendix.title": (
        "the title, printed in upper case",
        "tên phụ lục"),
    "appendix.attach_phrase": (
        "the phrase of the reference line (default `Kèm theo`, as ND30's Mẫu 2.1)",
        "cụm từ dòng \"kèm theo\""),
    "appendix.reference": (
        "`false`: no `(Kèm theo …)` line under the title (default `true`)",
        "bỏ dòng \"kèm theo\""),
    "appendix.join": (
        "how a cell with several bodies prints them: `lines` (default: one `- ` line each), "
        "`comma` (`A, B`), `semicolon` (`A; B`), `and` (`A, B và C`); a column's own `join` "
        "overrides it. In a `bodies` column the names after `Chủ trì:` / `Phối hợp:` are joined "
        "with `; ` unless `comma` or `and` is chosen",
        "cách nối nhiều cơ quan trong một ô"),
    "appendix.number_width": (
        "digits of the row number (`2` → `01`, `02`; default `1`)",
        "số chữ số của STT (mặc định 1)"),
    "appendix.orientation": (
        "`auto` (default): landscape when the columns are wider than a portrait page",
        "hướng trang"),
    "appendix.columns": (
        "`key`, `header`, `width` (mm) per column, below",
        "các cột"),
    "appendix.rows": (
        "rows, below",
        "các dòng"),
    "signer.on_behalf": (
        "the collective body: prints `TM. ỦY BAN NHÂN DÂN`",
        "thay mặt tập thể"),
    "signer.mode": (
        "how the signer signs (default `none`: the head signs)",
        "hình thức ký"),
    "signer.head": (
        "the head's title: `KT. CHỦ TỊCH`",
        "chức danh người đứng đầu"),
    "signer.title": (
        "the signer's own title: `PHÓ CHỦ TỊCH`",
        "chức danh người ký"),
    "signer.name": (
        "the signer's name (printed bold, not upper case)",
        "họ tên"),
    "derived_from": (
        "`file` (the parent's file name), `unit` (the body id the plan was derived for), "
        "`issuer`, `kind`, `number` and `date` (the parent's, absent while it was a draft), "
        "`fingerprint` (16 hex digits of the parent's whole content), `on` (the day of the "
        "derivation)",
        "kế hoạch cấp trên: tệp, đơn vị, cơ quan ban hành, số, ngày, dấu vân tay nội dung, ngày "
        "lập"),
    "from": (
        "`id` (the parent item's id, or the part's name), `fingerprint` (16 hex digits of the "
        "parent's item as it was), `role` (`lead` or `support` for appendix rows)",
        "mục tương ứng của kế hoạch cấp trên và dấu vân tay của mục đó"),
    # --- Fields docs/schema.md describes in its prose (same words, one field at a time) ---
    "(document)": (
        "One YAML file describes one plan (docs/schema.md). `plangen validate FILE` checks what "
        "this schema cannot: unique ids, references to bodies and groups, real dates …",
        "Mỗi tệp YAML mô tả một kế hoạch (docs/schema.md). `plangen validate TỆP` kiểm tra thêm "
        "những gì lược đồ này không kiểm được: mã không trùng, tham chiếu cơ quan và nhóm, ngày "
        "có thật …"),
    "bodies.id": (
        "the body's id, by which assignments and appendix cells refer to it (e.g. `snv`)",
        "mã cơ quan, để phân công và Phụ lục gọi tới (ví dụ `snv`)"),
    "bodies.name": (
        "the name as printed in the plan: `Sở Nội vụ`",
        "tên in trong kế hoạch: `Sở Nội vụ`"),
    "bodies.short": (
        "short name, e.g. `SNV`",
        "tên viết tắt, ví dụ `SNV`"),
    "bodies.code": (
        "symbol code (e.g. `SNV`)",
        "ký hiệu (ví dụ `SNV`)"),
    "bodies.groups": (
        "list of group ids it belongs to",
        "các nhóm mà cơ quan thuộc về"),
    "groups.id": (
        "the group's id, usable wherever a body id is",
        "mã nhóm, dùng được ở mọi chỗ dùng mã cơ quan"),
    "groups.name": (
        "the group's name, e.g. `các sở, ban, ngành`",
        "tên nhóm, ví dụ `các sở, ban, ngành`"),
    "citation": (
        "a cited document: the structured form (`type`, `number`, `date`, `issuer`, `title`) or "
        "`text`; a plain string is shorthand for `{text: …}`",
        "trích dẫn văn bản: dạng có cấu trúc (`type`, `number`, `date`, `issuer`, `title`) hoặc "
        "`text`; một đoạn chữ là cách viết gọn của `{text: …}`"),
    "citation.id": (
        "the citation's id (required in `bases`)",
        "mã định danh của trích dẫn (bắt buộc trong `bases`)"),
    "citation.type": (
        "`Luật`, `Nghị định`, `Nghị quyết`, `Chỉ thị`, `Quyết định`, `Tờ trình` …",
        "loại văn bản: `Luật`, `Nghị định`, `Nghị quyết`, `Chỉ thị`, `Quyết định`, `Tờ trình` …"),
    "citation.number": (
        "the number and symbol, no spaces: `76/NQ-CP`",
        "số, ký hiệu văn bản, không có dấu cách: `76/NQ-CP`"),
    "citation.date": (
        "the document's date, `YYYY-MM-DD`",
        "ngày ban hành văn bản, `YYYY-MM-DD`"),
    "citation.issuer": (
        "who issued it: `Chính phủ`",
        "cơ quan ban hành: `Chính phủ`"),
    "citation.title": (
        "the rest of the sentence; a law prints as `Luật {title} ngày {date}`, anything else as "
        "`{type} số {number} ngày {date} của {issuer} {title}`",
        "phần còn lại của câu; luật in thành `Luật {title} ngày {date}`, văn bản khác thành "
        "`{type} số {number} ngày {date} của {issuer} {title}`"),
    "citation.text": (
        "a plain sentence when the structure does not fit (not with `type`, `number`, `date`, "
        "`issuer`, `title`)",
        "câu viết sẵn khi dạng có cấu trúc không phù hợp (không dùng cùng `type`, `number`, "
        "`date`, `issuer`, `title`)"),
    "citation.also": (
        "more citations printed in the same paragraph, joined by `; ` (`Căn cứ Luật …; Luật sửa "
        "đổi, bổ sung …;`)",
        "các văn bản khác in trong cùng đoạn, nối bằng `; `"),
    "decision.proposal.phrase": (
        "`Theo đề nghị của` (the default) or `Xét đề nghị của`",
        "`Theo đề nghị của` (mặc định) hoặc `Xét đề nghị của`"),
    "decision.proposal.by": (
        "who proposes: `Giám đốc Sở Nội vụ`",
        "người đề nghị: `Giám đốc Sở Nội vụ`"),
    "decision.proposal.document": (
        "the proposal document (a citation, printed with the long date): `tại Tờ trình số … "
        "ngày …`",
        "văn bản đề nghị (trích dẫn, in ngày đầy đủ): `tại Tờ trình số … ngày …`"),
    "part": (
        "a part: a mapping (or a bare list, shorthand for `{items: …}`) with `title`, `style`, "
        "`note`, `note_inline`, `items`",
        "một phần: nhóm trường (hoặc một danh sách, cách viết gọn của `{items: …}`) gồm `title`, "
        "`style`, `note`, `note_inline`, `items`"),
    "part.title": (
        "the item heading when the section holds several parts; defaults: `Mục đích`, `Yêu "
        "cầu`, `Chỉ tiêu`, `Đối tượng`, `Nội dung tuyên truyền`, `Hình thức tuyên truyền`, "
        "`Giải pháp`, `Kinh phí`, `Tổ chức thực hiện`",
        "tiêu đề khi mục có nhiều phần"),
    "part.note": (
        "an italic paragraph after the items, e.g. `(Có Phụ lục … đính kèm)`",
        "dòng nghiêng sau các ý"),
    "part.note_inline": (
        "`true`: the note is printed in italics on the part's heading line, or on the section's "
        "line when the part is alone in its section",
        "`true`: ghi chú in nghiêng ngay trên dòng tiêu đề của phần (hoặc của mục)"),
    "part.items": (
        "the items (required, unless the part is only a `note` pointing elsewhere)",
        "các ý (bắt buộc, trừ khi phần chỉ có `note` dẫn sang nơi khác)"),
    "style": (
        "how the list is marked: `numbered` (the default, the next level), `plain` (no mark), "
        "`dash` (`-`), `plus` (`+`)",
        "cách đánh dấu các ý: `numbered` (mặc định), `plain` (không đánh dấu), `dash` (`-`), "
        "`plus` (`+`)"),
    "entry": (
        "an item: text (shorthand for `{text: …}`) or a mapping; at least `title` or `text`",
        "một ý: đoạn chữ (cách viết gọn của `{text: …}`) hoặc nhóm trường; cần ít nhất `title` "
        "hoặc `text`"),
    "entry.id": (
        "the item's id (every task needs one)",
        "mã định danh của ý (mỗi nhiệm vụ đều cần có)"),
    "entry.title": (
        "bold, on its own line",
        "tiêu đề in đậm, trên một dòng riêng"),
    "entry.text": (
        "the item's text",
        "nội dung của ý"),
    "entry.body": (
        "a ref printed before the text: `Trung tâm Phục vụ hành chính công tỉnh: …`",
        "cơ quan in trước nội dung: `Trung tâm Phục vụ hành chính công tỉnh: …`"),
    "entry.inline": (
        "`true`: print the title and the text in one paragraph",
        "`true`: in tiêu đề và nội dung trong cùng một đoạn"),
    "entry.items": (
        "children",
        "các ý con"),
    "entry.value": (
        "targets: the figure printed after the text as `: 100%` or `: 40 lớp`",
        "chỉ tiêu: số liệu in sau nội dung, như `: 100%` hoặc `: 40 lớp`"),
    "entry.unit": (
        "the figure's unit: `%` is glued to the number, other units follow a space",
        "đơn vị của số liệu: `%` viết liền số, đơn vị khác cách một dấu cách"),
    "entry.value_in_text": (
        "`true`: the figure goes where the text says `{value}`, once or more",
        "`true`: số liệu đặt vào chỗ `{value}` trong nội dung"),
    "ref": (
        "a body reference: a body or group id (`snv`), or `{body: snv, label: \"Sở Nội vụ "
        "tỉnh\"}` to print another text",
        "tham chiếu cơ quan: mã cơ quan/nhóm, hoặc kèm `label` để in chữ khác"),
    "ref.body": (
        "a body or group id",
        "mã cơ quan hoặc nhóm"),
    "ref.label": (
        "the text printed instead of the body's name",
        "chữ in thay cho tên cơ quan"),
    "plan.assignments.title": (
        "the part's heading (default `Tổ chức thực hiện`)",
        "tiêu đề của phần (mặc định `Tổ chức thực hiện`)"),
    "plan.assignments.note": (
        "an italic paragraph after the assignments",
        "dòng nghiêng sau phần phân công"),
    "plan.assignments.items": (
        "the assignments",
        "các mục phân công"),
    "assignment": (
        "an assignment: the bodies (or a label) and their tasks",
        "một mục phân công: cơ quan (hoặc nhãn) và các nhiệm vụ"),
    "assignment.id": (
        "the assignment's id",
        "mã định danh của mục phân công"),
    "assignment.bodies": (
        "refs; the heading is their names joined with `, `: `bodies: snv`, `bodies: {body: vp, "
        "label: Văn phòng}` and `bodies: [snv, stc]` are all accepted",
        "các cơ quan; tiêu đề là tên các cơ quan nối bằng `, `"),
    "assignment.label": (
        "a heading text instead",
        "tiêu đề viết sẵn thay cho tên cơ quan"),
    "assignment.intro": (
        "a paragraph before the tasks: `Chủ trì, phối hợp với … thực hiện những nội dung sau:`",
        "đoạn trước các nhiệm vụ: `Chủ trì, phối hợp với … thực hiện những nội dung sau:`"),
    "assignment.inline": (
        "`true`: a single task follows the bold heading on the same line, after a colon the "
        "generator adds: `Sở Tài chính: Thẩm định …`",
        "`true`: nhiệm vụ duy nhất in ngay sau tiêu đề đậm, sau dấu hai chấm"),
    "assignment.sentence": (
        "`true`: the bodies and their single task form one plain sentence, no bold and no colon",
        "`true`: tên cơ quan và nhiệm vụ duy nhất thành một câu, không in đậm, không dấu hai "
        "chấm"),
    "assignment.tasks": (
        "items, each with an `id`; a single task is printed as a plain paragraph",
        "các nhiệm vụ, mỗi nhiệm vụ có `id`; một nhiệm vụ duy nhất in thành đoạn thường"),
    "plan.sections.title": (
        "the section's title (`MỤC ĐÍCH, YÊU CẦU`)",
        "tên mục (`MỤC ĐÍCH, YÊU CẦU`)"),
    "plan.sections.note": (
        "an italic note; a section with a note needs no `parts`",
        "ghi chú in nghiêng; mục có ghi chú thì không cần `parts`"),
    "plan.sections.note_inline": (
        "`true`: the note is printed on the section's line",
        "`true`: ghi chú in trên dòng tên mục"),
    "plan.sections.parts": (
        "the parts the section holds, in order: `[objectives, requirements]`",
        "các phần thuộc mục, theo thứ tự: `[objectives, requirements]`"),
    "appendix.columns.key": (
        "what the column shows: `number` (generated TT), `content`, `form`, `lead`, `support`, "
        "`bodies` (both in one cell), `time`, `product`, `note`",
        "nội dung của cột: `number` (STT tự sinh), `content`, `form`, `lead`, `support`, "
        "`bodies` (cả chủ trì và phối hợp), `time`, `product`, `note`"),
    "appendix.columns.header": (
        "the column's header",
        "tiêu đề cột"),
    "appendix.columns.width": (
        "the column's width in mm",
        "độ rộng cột (mm)"),
    "appendix.columns.join": (
        "as the appendix's `join`, for this column only",
        "như `join` của Phụ lục, riêng cho cột này"),
    "row": (
        "an appendix row: `id` and `content` required",
        "một dòng Phụ lục: bắt buộc có `id` và `content`"),
    "row.id": (
        "the row's id",
        "mã định danh của dòng"),
    "row.content": (
        "the row's content",
        "nội dung của dòng"),
    "row.form": (
        "Hình thức: text or list of text; several are printed as `- ` lines",
        "Hình thức: đoạn chữ hoặc danh sách; nhiều dòng in thành các dòng `- `"),
    "row.product": (
        "Sản phẩm: text or list of text; several are printed as `- ` lines",
        "Sản phẩm: đoạn chữ hoặc danh sách; nhiều dòng in thành các dòng `- `"),
    "row.note": (
        "Ghi chú: text or list of text; several are printed as `- ` lines",
        "Ghi chú: đoạn chữ hoặc danh sách; nhiều dòng in thành các dòng `- `"),
    "row.lead": (
        "Chủ trì: a ref or a list of refs: `lead: snv`, `lead: {body: vp, label: Văn phòng}`, "
        "`lead: [snv, stc]`",
        "Chủ trì: một cơ quan hoặc danh sách cơ quan"),
    "row.support": (
        "Phối hợp: a ref or a list of refs",
        "Phối hợp: một cơ quan hoặc danh sách cơ quan"),
    "row.time": (
        "text, the same as `{text: …}`; a list of texts, one line each; or `{quarters: [2, 3]}` "
        "→ `Quý II, III/2023`",
        "thời gian: đoạn chữ; danh sách, mỗi mục một dòng; hoặc `{quarters: [2, 3]}` → `Quý II, "
        "III/2023`"),
    "row.time.text": (
        "the time as written",
        "thời gian viết sẵn"),
    "row.time.lines": (
        "several lines, one each",
        "nhiều dòng, mỗi mục một dòng"),
    "row.time.quarters": (
        "quarters 1–4: `[2, 3]` → `Quý II, III/2023`",
        "các quý 1–4: `[2, 3]` → `Quý II, III/2023`"),
    "row.time.with_year": (
        "`false`: `Quý II, III` without the year",
        "`false`: `Quý II, III`, không kèm năm"),
    "row.rows": (
        "sub-rows, numbered `5.1`, `5.2` …; a cell that a sub-row leaves out is merged "
        "vertically with its parent's",
        "các dòng con, đánh số `5.1`, `5.2` …; ô dòng con bỏ trống được gộp với ô của dòng cha"),
    "from.id": (
        "the parent item's id, or the part's name",
        "mã của mục tương ứng ở kế hoạch cấp trên, hoặc tên phần"),
    "from.fingerprint": (
        "16 hex digits of the parent's item as it was",
        "dấu vân tay (16 chữ số hex) của mục đó khi lập"),
    "from.role": (
        "`lead` or `support` for appendix rows",
        "`lead` hoặc `support` cho dòng Phụ lục"),
    "derived_from.file": (
        "the parent's file name",
        "tên tệp của kế hoạch cấp trên"),
    "derived_from.unit": (
        "the body id the plan was derived for",
        "mã cơ quan được lập kế hoạch"),
    "derived_from.issuer": (
        "the parent's issuer",
        "cơ quan ban hành kế hoạch cấp trên"),
    "derived_from.kind": (
        "the parent's kind",
        "loại văn bản cấp trên"),
    "derived_from.number": (
        "the parent's number, absent while it was a draft",
        "số của văn bản cấp trên; không có khi còn là dự thảo"),
    "derived_from.date": (
        "the parent's date, absent while it was a draft",
        "ngày của văn bản cấp trên; không có khi còn là dự thảo"),
    "derived_from.fingerprint": (
        "16 hex digits of the parent's whole content",
        "dấu vân tay (16 chữ số hex) của toàn bộ nội dung cấp trên"),
    "derived_from.on": (
        "the day of the derivation",
        "ngày lập"),
}
