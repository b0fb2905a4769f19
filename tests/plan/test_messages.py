"""Every validation message, pinned: the exact line an officer sees, in Vietnamese and English."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from validation_lines import BASE, DECISION, dedit, edit, lines, problems

from generator.shell.errors import Message

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import messages as catalog_tool


def test_the_base_is_valid() -> None:
    assert problems(BASE) == []


CASES: list[tuple[str, str, str, str]] = [
    # (id, yaml, Vietnamese line, English line)
    ("empty", "   \n", "f.yaml:1:1: (document): tệp trống", "f.yaml:1:1: (document): the file is empty"),
    ("not-a-mapping", "- a\n- b\n",
     "f.yaml:1:1: (document): cần một nhóm trường (các dòng 'tên: giá trị'), nhưng gặp một danh sách",
     "f.yaml:1:1: (document): expected a mapping (key: value lines), found a list"),
    ("syntax", "a: [1\n", "f.yaml:2:1: (document): lỗi cú pháp YAML: danh sách trong [ ] chưa được đóng bằng ]",
     "f.yaml:2:1: (document): YAML syntax error: a list in [ ] is not closed with ]"),
    ("tab", "a:\n\t- b\n", "f.yaml:2:1: (document): dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách",
     "f.yaml:2:1: (document): a tab is used for indentation; YAML needs spaces"),
    ('syntax-brace', 'a: {b: 1\n',
     'f.yaml:2:1: (document): lỗi cú pháp YAML: nhóm trường trong ngoặc nhọn chưa được đóng',
     'f.yaml:2:1: (document): YAML syntax error: a mapping in curly brackets is not closed'),
    ('syntax-indent', 'a:\n  b: 1\n c: 2\n',
     'f.yaml:3:2: (document): lỗi cú pháp YAML: thụt lề không thẳng hàng với các dòng phía trên',
     'f.yaml:3:2: (document): YAML syntax error: the indentation does not line up with the lines above'),
    ('syntax-colon', 'a: b: c\n',
     "f.yaml:1:5: (document): lỗi cú pháp YAML: trong đoạn văn có dấu ':' kèm dấu cách; hãy đặt cả đoạn văn trong dấu ngoặc kép",
     "f.yaml:1:5: (document): YAML syntax error: a ':' followed by a space inside a text; put the whole text in quotes"),
    ('syntax-missing-colon', 'a: 1\nb\nc: 2\n',
     "f.yaml:3:1: (document): lỗi cú pháp YAML: một dòng thiếu dấu ':' sau tên trường",
     "f.yaml:3:1: (document): YAML syntax error: a line is missing its ':' after the field name"),
    ('syntax-dash', 'a:\n  - x\n  y: 1\n',
     "f.yaml:3:3: (document): lỗi cú pháp YAML: một mục của danh sách không bắt đầu bằng '- ' thẳng hàng với các mục khác",
     "f.yaml:3:3: (document): YAML syntax error: a list item does not start with '- ' at the same indentation as the others"),
    ('syntax-eof', 'a: "abc\n',
     'f.yaml:2:1: (document): lỗi cú pháp YAML: tệp kết thúc khi dấu ngoặc kép hoặc ngoặc vuông chưa được đóng',
     'f.yaml:2:1: (document): YAML syntax error: the file ends inside quotes or brackets'),
    ('syntax-escape', 'a: "C:\\d"\n',
     'f.yaml:1:7: (document): lỗi cú pháp YAML: có dấu gạch chéo ngược trong ngoặc kép; hãy dùng ngoặc đơn',
     'f.yaml:1:7: (document): YAML syntax error: a backslash in double quotes; use single quotes'),
    ('syntax-alias', 'a: *nothing\n',
     'f.yaml:1:4: (document): lỗi cú pháp YAML: bí danh (*tên) không trỏ tới neo (&tên) nào',
     'f.yaml:1:4: (document): YAML syntax error: an alias (*name) refers to no anchor (&name)'),
    ('syntax-char', 'a: @home\n',
     'f.yaml:1:4: (document): lỗi cú pháp YAML: có ký tự YAML không nhận ở vị trí này (ví dụ @ hoặc ` ở đầu đoạn văn); hãy đặt đoạn văn trong dấu ngoặc kép',
     'f.yaml:1:4: (document): YAML syntax error: a character that YAML does not accept here (e.g. @ or ` at the start of a text); put the text in quotes'),
    ("duplicate-key", edit("year: 2024\n", "year: 2024\nyear: 2025\n"),
     "f.yaml:4:1: year: trường 'year' bị viết hai lần (lần đầu ở dòng 3)",
     "f.yaml:4:1: year: duplicate key 'year' (first written at line 3)"),
    ("tag", edit("year: 2024", "year: !!binary AAAA"),
     "f.yaml:3:7: year: không hỗ trợ thẻ YAML tag:yaml.org,2002:binary; hãy viết giá trị thông thường",
     "f.yaml:3:7: year: the YAML tag tag:yaml.org,2002:binary is not supported; write plain values"),
    ("key-not-word", edit("year: 2024\n", "year: 2024\n[a]: 1\n"),
     "f.yaml:4:1: (document): tên trường phải là một từ, không phải '[a]'",
     "f.yaml:4:1: (document): a key must be a plain word, not '[a]'"),
    ("zero-width", edit("Nâng cao nhận thức.", "Nâng cao\u200b nhận thức."),
     "f.yaml:9:16: plan.objectives[0]: văn bản chứa ký tự ẩn U+200B (ZERO WIDTH SPACE); hãy xóa ký tự này",
     "f.yaml:9:16: plan.objectives[0]: the text contains an invisible character U+200B (ZERO WIDTH SPACE); delete it"),
    ("control", edit("Nâng cao nhận thức.", '"Nâng cao\\a nhận thức."'),
     "f.yaml:9:16: plan.objectives[0]: văn bản chứa ký tự điều khiển U+0007; hãy xóa ký tự này",
     "f.yaml:9:16: plan.objectives[0]: the text contains a control character U+0007; delete it"),
    ("too-long", edit("Nâng cao nhận thức.", "x" * 20001),
     "f.yaml:9:16: plan.objectives[0]: đoạn văn quá dài (20001 ký tự; giới hạn là 20000)",
     "f.yaml:9:16: plan.objectives[0]: the text is too long (20001 characters; the limit is 20000)"),
    ("unknown-suggest", edit("year: 2024", "year: 2024\nrecipents: [x]"),
     "f.yaml:4:1: recipents: trường 'recipents' không có trong mẫu khai báo; có phải ý là 'recipients'?",
     "f.yaml:4:1: recipents: unknown field 'recipents'; did you mean 'recipients'?"),
    ("unknown", edit("year: 2024", "year: 2024\nzzz: 1"),
     "f.yaml:4:1: zzz: trường 'zzz' không có trong mẫu khai báo",
     "f.yaml:4:1: zzz: unknown field 'zzz'"),
    ("required", edit("recipients: [Giám đốc Sở]\n", ""),
     "f.yaml:1:1: (document): thiếu trường bắt buộc 'recipients'",
     "f.yaml:1:1: (document): the required field 'recipients' is missing"),
    ("type-yes-no", edit("year: 2024", "year: no"),
     "f.yaml:3:7: year: cần một số nguyên, nhưng gặp chữ 'no'",
     "f.yaml:3:7: year: expected a whole number, found the text 'no'"),
    ("type-1e3", edit("year: 2024", "year: 1e3"),
     "f.yaml:3:7: year: cần một số nguyên, nhưng gặp chữ '1e3'",
     "f.yaml:3:7: year: expected a whole number, found the text '1e3'"),
    ("type-bool", edit("title: GIÁM ĐỐC", "title: true"),
     "f.yaml:16:17: signer.title: cần văn bản (chữ), nhưng gặp giá trị true/false",
     "f.yaml:16:17: signer.title: expected text, found true/false"),
    ("type-bool-integer", edit("year: 2024", "year: 2024\nnumber: true"),
     "f.yaml:4:9: number: cần một số nguyên, nhưng gặp giá trị true/false",
     "f.yaml:4:9: number: expected a whole number, found true/false"),
    ("type-number", edit("kind: plan", "kind: 12"),
     "f.yaml:2:7: kind: cần văn bản (chữ), nhưng gặp số 12",
     "f.yaml:2:7: kind: expected text, found the number 12"),
    ("type-list", edit("title: GIÁM ĐỐC", "title: [a]"),
     "f.yaml:16:17: signer.title: cần văn bản (chữ), nhưng gặp một danh sách",
     "f.yaml:16:17: signer.title: expected text, found a list"),
    ("type-mapping", edit("title: GIÁM ĐỐC", "title: {a: b}"),
     "f.yaml:16:17: signer.title: cần văn bản (chữ), nhưng gặp một nhóm trường",
     "f.yaml:16:17: signer.title: expected text, found a mapping"),
    ("type-null", edit("recipients: [Giám đốc Sở]", "recipients:"),
     "f.yaml:15:12: recipients: trường này không được để trống",
     "f.yaml:15:12: recipients: this field must not be empty"),
    ("type-list-expected", edit("recipients: [Giám đốc Sở]", "recipients: Giám đốc Sở"),
     "f.yaml:15:13: recipients: cần một danh sách (các dòng bắt đầu bằng '- '), nhưng gặp chữ 'Giám đốc Sở'",
     "f.yaml:15:13: recipients: expected a list (lines starting with '- '), found the text 'Giám đốc Sở'"),
    ("type-boolean-expected", edit("bodies: [vp]", "bodies: [vp]\n        inline: on"),
     "f.yaml:14:17: plan.assignments.items[0].inline: cần true hoặc false, nhưng gặp chữ 'on'",
     "f.yaml:14:17: plan.assignments.items[0].inline: expected true or false, found the text 'on'"),
    ("type-number-expected", "plangen: 1\nappendix: {columns: [{key: number, header: TT, width: x}]}\n",
     None, None),
    ("empty-text", edit("title: GIÁM ĐỐC", 'title: ""'),
     "f.yaml:16:17: signer.title: trường này không được để trống",
     "f.yaml:16:17: signer.title: this field must not be empty"),
    ("date-format", edit("year: 2024", "year: 2024\ndate: 05/01/2024"),
     "f.yaml:4:7: date: cần ngày viết theo dạng NĂM-THÁNG-NGÀY (ví dụ 2024-01-05), hoặc NĂM-THÁNG cho dự thảo đã biết tháng (ví dụ 2024-01), nhưng gặp '05/01/2024'",
     "f.yaml:4:7: date: expected a date written YYYY-MM-DD (e.g. 2024-01-05), or YYYY-MM for a draft whose month is known (e.g. 2024-01), found '05/01/2024'"),
    ("date-month-impossible", edit("year: 2024", "year: 2024\ndate: 2024-13"),
     "f.yaml:4:7: date: '2024-13' không phải là ngày có thật",
     "f.yaml:4:7: date: '2024-13' is not a real date"),
    ("item-text-or-mapping", edit("[Nâng cao nhận thức.]", "[[Nâng cao nhận thức.]]"),
     "f.yaml:9:16: plan.objectives.items[0]: cần văn bản (chữ) hoặc một nhóm trường (các dòng 'tên: giá trị'), nhưng gặp một danh sách",
     "f.yaml:9:16: plan.objectives.items[0]: expected text or a mapping (key: value lines), found a list"),
    ("part-list-or-mapping", edit("[Nâng cao nhận thức.]", "Nâng cao nhận thức."),
     "f.yaml:9:15: plan.objectives: cần một danh sách (các dòng bắt đầu bằng '- ') hoặc một nhóm trường (các dòng 'tên: giá trị'), nhưng gặp chữ 'Nâng cao nhận thức.'",
     "f.yaml:9:15: plan.objectives: expected a list (lines starting with '- ') or a mapping (key: value lines), found the text 'Nâng cao nhận thức.'"),
    ("ref-forms", edit("bodies: [vp]", "bodies: true"),
     "f.yaml:13:17: plan.assignments.items[0].bodies: cần một mã cơ quan (ví dụ snv), một nhóm trường (các dòng 'tên: giá trị') hoặc một danh sách (các dòng bắt đầu bằng '- '), nhưng gặp giá trị true/false",
     "f.yaml:13:17: plan.assignments.items[0].bodies: expected a body id (e.g. snv), a mapping (key: value lines) or a list (lines starting with '- '), found true/false"),
    ("part-without-items", edit("[Nâng cao nhận thức.]", "{title: Mục đích}"),
     "f.yaml:9:15: plan.objectives: phần này cần có 'items', hoặc một 'note' (ví dụ '(Có Phụ lục kèm theo)') khi phần chỉ dẫn sang nơi khác",
     "f.yaml:9:15: plan.objectives: a part needs 'items', or a 'note' (such as '(Có Phụ lục kèm theo)') when it only points elsewhere"),
    ("section-without-parts", edit("  assignments:", "  sections: [{title: A, parts: [objectives, assignments]}, {title: B}]\n  assignments:"),
     "f.yaml:10:60: plan.sections[1]: mục này cần có 'parts', hoặc một 'note' (ví dụ '(Có Phụ lục kèm theo)') khi mục chỉ dẫn sang nơi khác",
     "f.yaml:10:60: plan.sections[1]: a section needs 'parts', or a 'note' (such as '(Có Phụ lục kèm theo)') when it only points elsewhere"),
    ("sentence-inline", edit("bodies: [vp]", "bodies: [vp]\n        inline: true\n        sentence: true"),
     "f.yaml:15:9: plan.assignments.items[0].sentence: không dùng 'sentence' cùng với 'inline'; hãy chọn một trong hai",
     "f.yaml:15:9: plan.assignments.items[0].sentence: 'sentence' cannot be used together with 'inline'; choose one"),
    ("sentence-tasks", edit("bodies: [vp]\n        tasks: [{id: vp-1, text: Theo dõi.}]", "bodies: [vp]\n        sentence: true\n        tasks: [{id: vp-1, text: a}, {id: vp-2, text: b}]"),
     "f.yaml:14:9: plan.assignments.items[0].sentence: 'sentence' in tên cơ quan và nhiệm vụ duy nhất của cơ quan thành một câu; mục phân công này có 2 nhiệm vụ",
     "f.yaml:14:9: plan.assignments.items[0].sentence: 'sentence' prints the bodies and their one task as one sentence; this assignment has 2 tasks"),
    ("value-in-text", edit("[Nâng cao nhận thức.]", "[{text: Đạt, value: 100, unit: '%', value_in_text: true}]"),
     "f.yaml:9:51: plan.objectives.items[0].value_in_text: 'value_in_text' cần có 'value' và một đoạn văn ghi {value} ở chỗ đặt số liệu",
     "f.yaml:9:51: plan.objectives.items[0].value_in_text: 'value_in_text' needs a 'value' and a text that says where it goes with {value}"),

    ("date-impossible", edit("year: 2024", "year: 2024\ndate: 2024-13-01"),
     "f.yaml:4:7: date: '2024-13-01' không phải là ngày có thật",
     "f.yaml:4:7: date: '2024-13-01' is not a real date"),
    ("date-year", edit("year: 2024", "year: 2024\ndate: 2021-03-01"),
     "f.yaml:4:7: date: kế hoạch năm 2024 được ban hành trong năm 2023 hoặc 2024, không phải năm 2021",
     "f.yaml:4:7: date: a plan for 2024 is issued in 2023 or 2024, not 2021"),
    ("issue-year", edit("year: 2024", "year: 2024\nissue_year: 2020"),
     "f.yaml:4:13: issue_year: kế hoạch năm 2024 được ban hành trong năm 2023 hoặc 2024, không phải năm 2020",
     "f.yaml:4:13: issue_year: a plan for 2024 is issued in 2023 or 2024, not 2020"),
    ("id-format", edit("{id: vp, name", "{id: Văn Phòng, name"),
     "f.yaml:6:10: bodies[0].id: mã định danh (id) chỉ gồm chữ thường a-z, chữ số, '-', '_' hoặc '.', nhưng gặp 'Văn Phòng'",
     "f.yaml:6:10: bodies[0].id: an id is lower-case letters a-z, digits, '-', '_' or '.', found 'Văn Phòng'"),
    ("code-format", edit("code: SNV", "code: snv"),
     "f.yaml:4:48: issuer.code: ký hiệu phải là chữ in hoa (ví dụ UBND, SNV), nhưng gặp 'snv'",
     "f.yaml:4:48: issuer.code: a code is upper-case letters (e.g. UBND, SNV), found 'snv'"),
    ("archive-format", edit("recipients: [Giám đốc Sở]", "recipients: [Giám đốc Sở]\narchive: [V P]"),
     "f.yaml:16:11: archive[0]: 'V P' không viết đúng dạng quy định",
     "f.yaml:16:11: archive[0]: 'V P' is not written the expected way"),
    ("allowed", edit("kind: plan", "kind: plann"),
     "f.yaml:2:7: kind: không dùng được 'plann' ở đây; hãy dùng một trong: decision, plan",
     "f.yaml:2:7: kind: 'plann' is not allowed here; use one of: decision, plan"),
    ("min", edit("year: 2024", "year: 1999"),
     "f.yaml:3:7: year: phải từ 2000 trở lên", "f.yaml:3:7: year: must be at least 2000"),
    ("max", edit("year: 2024", "year: 2101"),
     "f.yaml:3:7: year: không được lớn hơn 2100", "f.yaml:3:7: year: must be at most 2100"),
    ("minlength", edit("recipients: [Giám đốc Sở]", "recipients: []"),
     "f.yaml:15:13: recipients: cần ít nhất 1 mục", "f.yaml:15:13: recipients: needs at least 1 item(s)"),
    ("maxlength", edit("{id: vp, name", "{id: " + "v" * 65 + ", name"),
     "f.yaml:6:10: bodies[0].id: quá dài (tối đa 64)", "f.yaml:6:10: bodies[0].id: is too long (at most 64)"),
    ("excludes", "", None, None),
    ("kind-decision", edit("kind: plan", "kind: decision"),
     "f.yaml:1:1: (document): kind là 'decision' nhưng thiếu phần 'decision'",
     "f.yaml:1:1: (document): kind is 'decision' but the 'decision' part is missing"),
    ("kind-plan", edit("recipients:", "decision: {bases: [{id: a, text: b}], executors: [x]}\nrecipients:"),
     "f.yaml:15:1: decision: kế hoạch độc lập (kind: plan) không có phần 'decision'; hãy xóa phần này hoặc đặt kind: decision",
     "f.yaml:15:1: decision: a standalone plan (kind: plan) has no 'decision' part; remove it or set kind: decision"),
    ("id-twice", edit("tasks: [{id: vp-1, text: Theo dõi.}]", "tasks: [{id: vp-1, text: a}, {id: vp-1, text: b}]"),
     "f.yaml:14:43: plan.assignments.items[0].tasks[1].id: mã 'vp-1' bị dùng hai lần (lần đầu ở dòng 14); mã định danh không được trùng",
     "f.yaml:14:43: plan.assignments.items[0].tasks[1].id: the id 'vp-1' is used twice (first at line 14); ids must be unique"),
    ("task-id", edit("{id: vp-1, text: Theo dõi.}", "Theo dõi."),
     "f.yaml:14:17: plan.assignments.items[0].tasks[0]: mỗi nhiệm vụ cần có mã định danh (id) để đối chiếu giữa các phiên bản",
     "f.yaml:14:17: plan.assignments.items[0].tasks[0]: every task needs an id, so later versions can be matched to it"),
    ("ref-suggest", edit("bodies: [vp]", "bodies: [vpp]"),
     "f.yaml:13:18: plan.assignments.items[0].bodies[0].body: không có cơ quan hoặc nhóm cơ quan nào có mã 'vpp'; có phải ý là 'vp'?",
     "f.yaml:13:18: plan.assignments.items[0].bodies[0].body: no body or group has the id 'vpp'; did you mean 'vp'?"),
    ("ref", edit("bodies: [vp]", "bodies: [xyz]"),
     "f.yaml:13:18: plan.assignments.items[0].bodies[0].body: không có cơ quan hoặc nhóm cơ quan nào có mã 'xyz'",
     "f.yaml:13:18: plan.assignments.items[0].bodies[0].body: no body or group has the id 'xyz'"),
    ("group-ref", edit("{id: vp, name: Văn phòng Sở}", "{id: vp, name: Văn phòng Sở, groups: [so]}"),
     "f.yaml:6:43: bodies[0].groups[0]: không có nhóm cơ quan nào có mã 'so'",
     "f.yaml:6:43: bodies[0].groups[0]: no group has the id 'so'"),
    ("assignment-bodies", edit("        bodies: [vp]\n", ""),
     "f.yaml:12:9: plan.assignments.items[0]: mục phân công cần có 'bodies' hoặc 'label'",
     "f.yaml:12:9: plan.assignments.items[0]: an assignment needs 'bodies' or a 'label'"),
    ("item-text", edit("[Nâng cao nhận thức.]", "[{id: a}]"),
     "f.yaml:9:16: plan.objectives.items[0]: mỗi ý cần có 'title' hoặc 'text'",
     "f.yaml:9:16: plan.objectives.items[0]: an item needs a 'title' or a 'text'"),
    ("no-content", "", None, None),
    ("section-twice", edit("  assignments:", "  sections: [{title: A, parts: [objectives, objectives]}, {title: B, parts: [assignments]}]\n  assignments:"),
     "f.yaml:10:45: plan.sections[0].parts[1]: 'objectives' bị xếp vào hai mục",
     "f.yaml:10:45: plan.sections[0].parts[1]: 'objectives' is placed in two sections"),
    ("section-missing-part", edit("  assignments:", "  sections: [{title: A, parts: [objectives, funding]}, {title: B, parts: [assignments]}]\n  assignments:"),
     "f.yaml:10:45: plan.sections[0].parts[1]: 'funding' được xếp vào một mục nhưng kế hoạch không có phần 'funding'",
     "f.yaml:10:45: plan.sections[0].parts[1]: 'funding' is placed in a section but the plan has no 'funding'"),
    ("section-unplaced", edit("  assignments:", "  sections: [{title: B, parts: [assignments]}]\n  assignments:"),
     "f.yaml:10:13: plan.sections: có phần 'objectives' nhưng không mục nào xếp phần này",
     "f.yaml:10:13: plan.sections: 'objectives' is written but no section places it"),
    ("signer-head", edit("{title: GIÁM ĐỐC,", "{mode: KT, title: PHÓ GIÁM ĐỐC,"),
     "f.yaml:16:9: signer: ký KT. cần có 'head' (chức danh người đứng đầu, ví dụ GIÁM ĐỐC)",
     "f.yaml:16:9: signer: signing as KT. needs 'head' (the title of the head, e.g. GIÁM ĐỐC)"),
    ("signer-title", edit("{title: GIÁM ĐỐC,", "{"),
     "f.yaml:16:9: signer: người ký cần có 'title' (chức danh, ví dụ PHÓ GIÁM ĐỐC)",
     "f.yaml:16:9: signer: the signer needs a 'title' (e.g. PHÓ GIÁM ĐỐC)"),
    ("basis-id", "", None, None),
    ("basis-type", "", None, None),
    ("basis-after", "", None, None),
    ("column-twice", "", None, None),
    ("docnum", "", None, None),
    ("executors", "", None, None),
    ("basis-date-format", "", None, None),
    ("article-and-articles", "", None, None),
    ("proposal-forms", "", None, None),
]


DECISION_CASES = {
    "executors": (dedit("  executors: [Giám đốc Sở Nội vụ]\n", ""),
        "f.yaml:7:3: decision: thiếu trường bắt buộc 'executors' (những người thi hành ở Điều 3), trừ khi 'article_3' viết đầy đủ Điều 3",
        "f.yaml:7:3: decision: the required field 'executors' is missing (who executes the decision in Điều 3), unless 'article_3' gives Điều 3 in full"),
    "article-and-articles": (dedit("  executors:", "  articles: [a, b, c]\n  article_2: x\n  executors:"),
        "f.yaml:10:3: decision.article_2: không dùng 'article_2' cùng với 'articles' (trường thay toàn bộ các Điều)",
        "f.yaml:10:3: decision.article_2: 'article_2' cannot be used together with 'articles', which replaces every article"),
    "proposal-forms": (dedit("  executors:", "  proposal: [a]\n  executors:"),
        "f.yaml:9:13: decision.proposal: cần văn bản (chữ) hoặc một nhóm trường (các dòng 'tên: giá trị'), nhưng gặp một danh sách",
        "f.yaml:9:13: decision.proposal: expected text or a mapping (key: value lines), found a list"),
    "type-number-expected": (dedit("width: 100}", "width: x}"),
        "f.yaml:17:47: appendix.columns[1].width: cần một số, nhưng gặp chữ 'x'",
        "f.yaml:17:47: appendix.columns[1].width: expected a number, found the text 'x'"),
    "excludes": (dedit("{id: a, type: Luật,", "{id: a, text: Luật X, type: Luật,"),
        "f.yaml:8:15: decision.bases[0].text: không dùng 'text' cùng với type, number, date, issuer, title",
        "f.yaml:8:15: decision.bases[0].text: 'text' cannot be used together with type, number, date, issuer, title"),
    "no-content": (dedit("  objectives: [Nâng cao nhận thức.]\n", ""),
        "f.yaml:11:3: plan: kế hoạch chưa có nội dung: hãy viết ít nhất một trong các phần objectives, requirements, targets, audience, content, channels, solutions, funding, assignments",
        "f.yaml:11:3: plan: the plan has no content: write at least one of objectives, requirements, targets, audience, content, channels, solutions, funding, assignments"),
    "basis-id": (dedit("{id: a, type: Luật,", "{type: Luật,"),
        "f.yaml:8:7: decision.bases[0]: mỗi căn cứ cần có mã định danh (id)",
        "f.yaml:8:7: decision.bases[0]: every legal basis needs an id"),
    "basis-type": (dedit("{id: a, type: Luật, title: Tổ chức chính quyền địa phương, date: 2015-06-19}", "{id: a, title: X}"),
        "f.yaml:8:7: decision.bases[0]: căn cứ cần có 'type' (ví dụ Luật, Nghị định) hoặc 'text'",
        "f.yaml:8:7: decision.bases[0]: a legal basis needs a 'type' (e.g. Luật, Nghị định) or a 'text'"),
    "basis-after": (dedit("date: 2015-06-19", "date: 2024-02-01"),
        "f.yaml:8:72: decision.bases[0].date: văn bản này có ngày sau ngày ban hành kế hoạch (2024-01-05)",
        "f.yaml:8:72: decision.bases[0].date: this document is dated after the plan itself (2024-01-05)"),
    "column-twice": (dedit("{key: content, header: Nội dung", "{key: number, header: Nội dung"),
        "f.yaml:17:13: appendix.columns[1].key: cột 'number' xuất hiện hai lần",
        "f.yaml:17:13: appendix.columns[1].key: the column 'number' appears twice"),
    "basis-date-format": (dedit("date: 2015-06-19", "date: 19/6/2015"),
        "f.yaml:8:72: decision.bases[0].date: cần ngày viết theo dạng NĂM-THÁNG-NGÀY (ví dụ 2024-01-05), nhưng gặp '19/6/2015'",
        "f.yaml:8:72: decision.bases[0].date: expected a date written YYYY-MM-DD (e.g. 2024-01-05), found '19/6/2015'"),
    "docnum": (dedit("{id: a, type: Luật,", "{id: a, number: 76 /NQ-CP, type: Luật,"),
        "f.yaml:8:23: decision.bases[0].number: số, ký hiệu văn bản không có dấu cách (ví dụ 76/NQ-CP), nhưng gặp '76 /NQ-CP'",
        "f.yaml:8:23: decision.bases[0].number: a document number has no spaces (e.g. 76/NQ-CP), found '76 /NQ-CP'"),
}


def resolved_cases() -> list[tuple[str, str, str, str]]:
    out = []
    for name, text, vi, en in CASES:
        if vi is None:
            text, vi, en = DECISION_CASES[name]
        out.append((name, text, vi, en))
    return out


def test_the_decision_base_is_valid() -> None:
    assert problems(DECISION) == []


@pytest.mark.parametrize(("name", "text", "vi", "en"), resolved_cases(), ids=[c[0] for c in CASES])
def test_message_is_pinned(name: str, text: str, vi: str, en: str) -> None:
    assert lines(text, "vi") == [vi]
    assert lines(text, "en") == [en]


def msgids(message: Message) -> list[str]:
    """A message's id and those of the messages inside it."""
    inner = [msgids(v) for v in message.params.values() if isinstance(v, Message)]
    return [message.msgid, *(i for ids in inner for i in ids)]


def test_every_validation_message_is_pinned() -> None:
    hit = {msgid for _n, text, _vi, _en in resolved_cases() for p in problems(text)
           for msgid in msgids(p.message)}
    wanted = {m for m in catalog_tool.code_messages(("plan/load.py", "plan/validate.py",
                                                       "plan/crosscheck.py"))
              if "{" in m or " " in m} - NOT_VALIDATION
    assert wanted - hit == set()


# Messages of those modules that are not validation problems, each pinned elsewhere.
NOT_VALIDATION = {
    "no such file", "permission denied: the file cannot be read",
    "this is a folder, not a YAML file", "the file cannot be read: {reason}",
    "the file is too large ({size} bytes; the limit is {limit})",
    "this is a binary file, not a YAML text file", "the file is not UTF-8 text (save it as UTF-8)",
    "the file is UTF-16 text, not UTF-8 (save it as UTF-8)",
    "the document is too large or too deeply nested (aliases expand to more than {limit} values)",
    "invalid value ({rule})", "'{value}' is not written the expected way",
    "true/false", "nothing (empty)", "a number", "the number {value}", "a list", "a mapping",
    "the text '{value}'", "a whole number", "true or false", "body or group", "group",
    "a list (lines starting with '- ')", "a mapping (key: value lines)", "text",
}
