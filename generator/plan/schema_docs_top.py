"""Field descriptions: the top level, issuer, bodies and groups, refs, signer, provenance."""
from __future__ import annotations

from generator.plan.schema_docs_table import Field, Table

# The provenance of a derived item (plangen derive), the same wherever `from` is written.
FROM = (
    "`id` (the parent item's id, or the part's name), `fingerprint` (16 hex digits of the "
    "parent's item as it was), `role` (`lead` or `support` for appendix rows)",
    "mục tương ứng của kế hoạch cấp trên và dấu vân tay của mục đó")

DOCUMENT = Table(
    "(document)",
    prefix="",
    definition=(
        "One YAML file describes one plan (docs/schema.md). `plangen validate FILE` checks what "
        "this schema cannot: unique ids, references to bodies and groups, real dates …",
        "Mỗi tệp YAML mô tả một kế hoạch (docs/schema.md). `plangen validate TỆP` kiểm tra thêm "
        "những gì lược đồ này không kiểm được: mã không trùng, tham chiếu cơ quan và nhóm, ngày "
        "có thật …"),
    header=("field", "type", "required", "meaning (EN)", "ý nghĩa (VI)"),
    fields=(
        Field("plangen", "`1`", "yes",
              "format version",
              "phiên bản định dạng"),
        Field("kind", "`decision` | `plan`", "yes",
              "`decision`: a Quyết định issuing an attached Kế hoạch (+ Phụ lục); `plan`: a "
              "standalone Kế hoạch (department, commune)",
              "`decision`: Quyết định ban hành kèm Kế hoạch; `plan`: Kế hoạch độc lập (sở, xã)"),
        Field("year", "integer", "yes",
              "the plan year (2000–2100)",
              "năm kế hoạch"),
        Field("issuer", "mapping", "yes",
              "the issuing body, below",
              "cơ quan ban hành"),
        Field("number", "integer", "no",
              "the document number (`233` → `Số: 233/QĐ-UBND`); absent = draft (`Số:      "
              "/QĐ-UBND`)",
              "số văn bản; bỏ trống = dự thảo"),
        Field("date", "date, or `YYYY-MM`", "no",
              "the signing date; absent = draft (`ngày     tháng     năm 2024`); `2024-01` = a "
              "draft whose month is known (`ngày     tháng 01 năm 2024`, in the reference lines "
              "too); must fall in `year` or the year before",
              "ngày ký; bỏ trống = dự thảo; `2024-01` = dự thảo đã biết tháng"),
        Field("issue_year", "integer", "no",
              "the year printed on a draft's blank date line (default `year`)",
              "năm in trên dòng ngày của dự thảo"),
        Field("reference_date", "`long` | `short`", "no",
              "how the reference lines under the plan and the appendix titles print `date`: "
              "`long` (default, as the date line) or `short`: `ngày 10/01/2024`, and `ngày / 01 "
              "/2024` for `2024-01`; needs a `date`",
              "cách dòng \"kèm theo\" in ngày: `long` (mặc định, như dòng ngày tháng) hoặc "
              "`short`: `ngày 10/01/2024`, `ngày / 01 /2024` khi `date: 2024-01`; cần có `date`"),
        Field("bodies", "list", "no",
              "the registry of bodies, below",
              "danh mục cơ quan"),
        Field("groups", "list", "no",
              "groups of bodies (`các sở, ban, ngành`), below",
              "nhóm cơ quan"),
        Field("decision", "mapping", "with `kind: decision`",
              "the Quyết định, below",
              "phần Quyết định"),
        Field("plan", "mapping", "yes",
              "the Kế hoạch, below",
              "phần Kế hoạch"),
        Field("appendix", "mapping", "no",
              "the Phụ lục table, below",
              "Phụ lục"),
        Field("recipients", "list of text", "yes",
              "Nơi nhận entries, without `- ` and `;` (e.g. `Như Điều 3`)",
              "các dòng Nơi nhận"),
        Field("archive", "list of codes", "no",
              "units after `Lưu: VT,` (e.g. `[PVHCC, ĐM]`)",
              "đơn vị lưu sau `Lưu: VT,`"),
        Field("copies", "integer", "no",
              "number of copies printed after the archive (`ĐM(50)`)",
              "số bản lưu"),
        Field("signer", "mapping", "yes",
              "the signature block, below",
              "khối chữ ký"),
    ))


ISSUER = Table(
    "issuer",
    fields=(
        Field("name", "text", "yes",
              "full name, sentence case: `Ủy ban nhân dân tỉnh Hà Giang`",
              "tên đầy đủ"),
        Field("code", "code", "yes",
              "issuer code in the symbol: `UBND`, `SNV`, `STTTT`",
              "chữ viết tắt tên cơ quan trong ký hiệu"),
        Field("place", "text", "yes",
              "place name of the date line: `Hà Giang`",
              "địa danh"),
        Field("parent", "text", "no",
              "the parent body printed above, not bold: `UBND TỈNH GIA LAI`",
              "cơ quan chủ quản"),
        Field("header", "list of text", "no",
              "how the name is broken into lines in the header (`[ỦY BAN NHÂN DÂN, TỈNH HÀ "
              "GIANG]`); default: the name in upper case, on one line when it fits the 85 mm "
              "column at 13 pt, otherwise cut between phrases (before `VÀ`, after `,` or ` -`, "
              "before `TỈNH`, `XÃ` …), never leaving the last word alone",
              "cách ngắt dòng tên cơ quan; mặc định tự ngắt giữa các cụm từ"),
        Field("reference_name", "text", "no",
              "how the reference lines under the plan and the appendix name the issuer (`Ủy ban "
              "nhân dân tỉnh`); default `name`",
              "tên cơ quan trong dòng \"kèm theo\""),
    ))


BODIES = Table(
    "bodies",
    caption="Each item of `bodies` / mỗi mục của `bodies`:",
    fields=(
        Field("id", "id", "yes",
              "the body's id, by which assignments and appendix cells refer to it (e.g. `snv`)",
              "mã cơ quan, để phân công và Phụ lục gọi tới (ví dụ `snv`)"),
        Field("name", "text", "yes",
              "the name as printed in the plan: `Sở Nội vụ`",
              "tên in trong kế hoạch: `Sở Nội vụ`"),
        Field("short", "text", "no",
              "short name, e.g. `SNV`",
              "tên viết tắt, ví dụ `SNV`"),
        Field("code", "code", "no",
              "symbol code (e.g. `SNV`)",
              "ký hiệu (ví dụ `SNV`)"),
        Field("groups", "list of ids", "no",
              "list of group ids it belongs to",
              "các nhóm mà cơ quan thuộc về"),
    ))


GROUPS = Table(
    "groups",
    caption="Each item of `groups` / mỗi mục của `groups`:",
    fields=(
        Field("id", "id", "yes",
              "the group's id, usable wherever a body id is",
              "mã nhóm, dùng được ở mọi chỗ dùng mã cơ quan"),
        Field("name", "text", "yes",
              "the group's name, e.g. `các sở, ban, ngành`",
              "tên nhóm, ví dụ `các sở, ban, ngành`"),
    ))


REF = Table(
    "ref",
    caption="A ref written as a mapping / tham chiếu viết đầy đủ:",
    definition=(
        "a body reference: a body or group id (`snv`), or `{body: snv, label: \"Sở Nội vụ "
        "tỉnh\"}` to print another text",
        "tham chiếu cơ quan: mã cơ quan/nhóm, hoặc kèm `label` để in chữ khác"),
    fields=(
        Field("body", "id", "yes",
              "a body or group id",
              "mã cơ quan hoặc nhóm"),
        Field("label", "text", "no",
              "the text printed instead of the body's name",
              "chữ in thay cho tên cơ quan"),
    ))


SIGNER = Table(
    "signer",
    fields=(
        Field("on_behalf", "text", "no",
              "the collective body: prints `TM. ỦY BAN NHÂN DÂN`",
              "thay mặt tập thể"),
        Field("mode", "`none` | `KT` | `Q` | `TL` | `TUQ`", "no",
              "how the signer signs (default `none`: the head signs)",
              "hình thức ký"),
        Field("head", "text", "with KT, Q, TL, TUQ",
              "the head's title: `KT. CHỦ TỊCH`",
              "chức danh người đứng đầu"),
        Field("title", "text", "unless Q",
              "the signer's own title: `PHÓ CHỦ TỊCH`",
              "chức danh người ký"),
        Field("name", "text", "yes",
              "the signer's name (printed bold, not upper case)",
              "họ tên"),
    ))


PROVENANCE = Table(
    "provenance",
    prefix="",
    header=("field", "where", "meaning", "ý nghĩa"),
    columns=("where",),
    fields=(
        Field("derived_from", "mapping", "no",
              "`file` (the parent's file name), `unit` (the body id the plan was derived for), "
              "`issuer`, `kind`, `number` and `date` (the parent's, absent while it was a "
              "draft), `fingerprint` (16 hex digits of the parent's whole content), `on` (the "
              "day of the derivation)",
              "kế hoạch cấp trên: tệp, đơn vị, cơ quan ban hành, số, ngày, dấu vân tay nội dung, "
              "ngày lập",
              where="top level"),
        Field("from", "mapping", "no", *FROM,
              where="on a part (`objectives` …), a task, an appendix row"),
    ))


DERIVED_FROM = Table(
    "derived_from",
    caption="`derived_from`:",
    fields=(
        Field("file", "text", "yes",
              "the parent's file name",
              "tên tệp của kế hoạch cấp trên"),
        Field("unit", "id", "yes",
              "the body id the plan was derived for",
              "mã cơ quan được lập kế hoạch"),
        Field("issuer", "text", "yes",
              "the parent's issuer",
              "cơ quan ban hành kế hoạch cấp trên"),
        Field("kind", "`decision` | `plan`", "yes",
              "the parent's kind",
              "loại văn bản cấp trên"),
        Field("number", "integer", "no",
              "the parent's number, absent while it was a draft",
              "số của văn bản cấp trên; không có khi còn là dự thảo"),
        Field("date", "date, or `YYYY-MM`", "no",
              "the parent's date, absent while it was a draft",
              "ngày của văn bản cấp trên; không có khi còn là dự thảo"),
        Field("fingerprint", "16 hex digits", "yes",
              "16 hex digits of the parent's whole content",
              "dấu vân tay (16 chữ số hex) của toàn bộ nội dung cấp trên"),
        Field("on", "date", "no",
              "the day of the derivation",
              "ngày lập"),
    ))


FROM_FIELDS = Table(
    "from",
    caption="`from`:",
    fields=(
        Field("id", "id", "yes",
              "the parent item's id, or the part's name",
              "mã của mục tương ứng ở kế hoạch cấp trên, hoặc tên phần"),
        Field("fingerprint", "16 hex digits", "yes",
              "16 hex digits of the parent's item as it was",
              "dấu vân tay (16 chữ số hex) của mục đó khi lập"),
        Field("role", "`lead` | `support`", "no",
              "`lead` or `support` for appendix rows",
              "`lead` hoặc `support` cho dòng Phụ lục"),
    ))
