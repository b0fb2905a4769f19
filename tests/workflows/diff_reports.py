"""Hand-made diff Reports the tests of plangen diff's products share (test_diff_output.py,
test_diff_docx.py, test_diff_cli.py)."""
from __future__ import annotations

from generator.workflows.diff import Difference, Report

LONG_OLD = ("Theo dõi, đôn đốc kiểm tra, quá trình tổ chức thực hiện; định kỳ tổng hợp báo cáo "
            "UBND tỉnh tình hình và kết quả thực hiện kế hoạch này.")
LONG_NEW = LONG_OLD.replace("kiểm tra,", "giám sát,")
CHANGED = Difference("changed", "Mục II.2 Nội dung tuyên truyền, điểm d", LONG_OLD, LONG_NEW, "",
                     "plan.content.items[1].items[3].text")
ADDED = Difference("added", "Phụ lục, dòng 5.2", "", "Tổ chức hội nghị tập huấn cấp xã", "",
                   "appendix.rows[4].rows[1]")
REMOVED = Difference("removed", "Mục III, điểm 2", "Tổng hợp báo cáo.", "", "",
                     "plan.assignments.items[0].tasks[1].text")
MOVED = Difference("moved", "Mục II.3 Hình thức tuyên truyền, điểm a", "Viết tin bài",
                   "Viết tin bài", "từ Mục II.2 Nội dung tuyên truyền, điểm c",
                   "plan.channels.items[0]")
REPORT = Report("cu.yaml", "moi.yaml", (CHANGED, ADDED, REMOVED, MOVED))
EMPTY = Report("cu.yaml", "moi.yaml", ())
