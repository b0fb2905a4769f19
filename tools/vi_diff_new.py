"""Vietnamese for the messages of plangen diff's plain-language output (issue #19, point 4)."""
VI = {
    "Changed with it in {count} place(s):": "Sửa theo ở {count} chỗ:",
    "Body replaced: {old} → {new}": "Thay cơ quan: {old} → {new}",
    "deleted words": "chữ bỏ",
    "added words": "chữ thêm",
    "Key: {deleted} {added}": "Chú thích: {deleted} {added}",
    "Body replaced": "Thay cơ quan",
}
