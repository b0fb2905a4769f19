"""Field descriptions: the Quyết định (kind: decision), its proposal, and citations."""
from __future__ import annotations

from generator.plan.schema_docs_table import Field, Table

DECISION = Table(
    "decision",
    fields=(
        Field("authority", "text", "no",
              "the authority line (default `CHỦ TỊCH` + issuer name in upper case)",
              "dòng thẩm quyền ban hành"),
        Field("summary_phrase", "`Về việc ban hành` | `Ban hành`", "no",
              "how the summary under QUYẾT ĐỊNH begins (default `Về việc ban hành`)",
              "cụm từ đầu trích yếu"),
        Field("bases", "list of citations", "yes",
              "legal bases, one `Căn cứ …;` each (below)",
              "các căn cứ"),
        Field("long_dates", "`true`/`false`", "no",
              "print the bases' dates long (`ngày 19 tháng 6 năm 2015`) instead of `ngày "
              "19/6/2015` (default `false`)",
              "in ngày đầy đủ trong căn cứ"),
        Field("proposal", "mapping or text", "no",
              "`phrase` (`Theo đề nghị của`, the default, or `Xét đề nghị của`), `by` (who "
              "proposes: `Giám đốc Sở Nội vụ`) and `document` (a citation, printed with the "
              "long date) → `Theo đề nghị của … tại Tờ trình số … ngày … .`; a text is "
              "shorthand for `{by: …}`",
              "Theo đề nghị của … / Xét đề nghị của …"),
        Field("scope_in_article", "`true`/`false`", "no",
              "Điều 1 names the plan with its `scope` (default `false`: without it)",
              "Điều 1 có phạm vi"),
        Field("effective", "text", "no",
              "Điều 2's time of effect (default `kể từ ngày ký ban hành`)",
              "thời điểm có hiệu lực"),
        Field("executors", "list of text", "yes, unless `article_3` or `articles`",
              "Điều 3's list of those who execute",
              "những người thi hành"),
        Field("executors_join", "`semicolon` | `comma`", "no",
              "how the executors are joined: `; ` (default) or `, `",
              "cách nối"),
        Field("execution", "text", "no",
              "the end of Điều 3 (default `chịu trách nhiệm thi hành Quyết định này`; e.g. "
              "`chịu trách nhiệm triển khai thực hiện Quyết định này`)",
              "phần cuối Điều 3"),
        Field(("article_1", "article_2", "article_3"), "text", "no",
              "replaces one generated article, keeping the others",
              "thay một Điều"),
        Field("articles", "list of text", "no",
              "replaces the generated Điều 1–3 with your own texts (`Điều n.` is still "
              "generated)",
              "thay nội dung các Điều"),
    ))


PROPOSAL = Table(
    "decision.proposal",
    caption="`proposal` written as a mapping / `proposal` viết đầy đủ:",
    fields=(
        Field("phrase", "`Theo đề nghị của` | `Xét đề nghị của`", "no",
              "`Theo đề nghị của` (the default) or `Xét đề nghị của`",
              "`Theo đề nghị của` (mặc định) hoặc `Xét đề nghị của`"),
        Field("by", "text", "yes",
              "who proposes: `Giám đốc Sở Nội vụ`",
              "người đề nghị: `Giám đốc Sở Nội vụ`"),
        Field("document", "citation", "no",
              "the proposal document (a citation, printed with the long date): `tại Tờ trình số "
              "… ngày …`",
              "văn bản đề nghị (trích dẫn, in ngày đầy đủ): `tại Tờ trình số … ngày …`"),
    ))


CITATION = Table(
    "citation",
    caption="A citation / trích dẫn:",
    definition=(
        "a cited document: the structured form (`type`, `number`, `date`, `issuer`, `title`) or "
        "`text`; a plain string is shorthand for `{text: …}`",
        "trích dẫn văn bản: dạng có cấu trúc (`type`, `number`, `date`, `issuer`, `title`) hoặc "
        "`text`; một đoạn chữ là cách viết gọn của `{text: …}`"),
    fields=(
        Field("id", "id", "in `bases`",
              "the citation's id (required in `bases`)",
              "mã định danh của trích dẫn (bắt buộc trong `bases`)"),
        Field("type", "text", "no",
              "`Luật`, `Nghị định`, `Nghị quyết`, `Chỉ thị`, `Quyết định`, `Tờ trình` …",
              "loại văn bản: `Luật`, `Nghị định`, `Nghị quyết`, `Chỉ thị`, `Quyết định`, `Tờ "
              "trình` …"),
        Field("number", "text without spaces", "no",
              "the number and symbol, no spaces: `76/NQ-CP`",
              "số, ký hiệu văn bản, không có dấu cách: `76/NQ-CP`"),
        Field("date", "date", "no",
              "the document's date, `YYYY-MM-DD`",
              "ngày ban hành văn bản, `YYYY-MM-DD`"),
        Field("issuer", "text", "no",
              "who issued it: `Chính phủ`",
              "cơ quan ban hành: `Chính phủ`"),
        Field("title", "text", "no",
              "the rest of the sentence; a law prints as `Luật {title} ngày {date}`, anything "
              "else as `{type} số {number} ngày {date} của {issuer} {title}`",
              "phần còn lại của câu; luật in thành `Luật {title} ngày {date}`, văn bản khác "
              "thành `{type} số {number} ngày {date} của {issuer} {title}`"),
        Field("text", "text", "no",
              "a plain sentence when the structure does not fit (not with `type`, `number`, "
              "`date`, `issuer`, `title`)",
              "câu viết sẵn khi dạng có cấu trúc không phù hợp (không dùng cùng `type`, "
              "`number`, `date`, `issuer`, `title`)"),
        Field("also", "list of citations", "no",
              "more citations printed in the same paragraph, joined by `; ` (`Căn cứ Luật …; "
              "Luật sửa đổi, bổ sung …;`)",
              "các văn bản khác in trong cùng đoạn, nối bằng `; `"),
    ))
