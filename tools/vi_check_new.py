# ruff: noqa: E501  (each message is one line, as tools/fill_po.py gives it to vi.po)
"""Vietnamese for the messages of plangen check's package bounds, container errors and tables."""
VI = {
    "{file}: a comparison table from plangen diff, not an official document: passes the ND30 checks that apply to it (page, type, page numbers, the table)":
        "{file}: bảng so sánh do plangen diff tạo, không phải văn bản hành chính: đạt các yêu cầu kiểm tra theo Nghị định 30 áp dụng cho bảng này (khổ giấy và lề, phông chữ, số trang, bảng)",
    "{file}: a comparison table from plangen diff, not an official document: {count} ND30 rule(s) not met":
        "{file}: bảng so sánh do plangen diff tạo, không phải văn bản hành chính: {count} quy tắc của Nghị định 30 chưa đạt",
    "{file}: is not a Word document that can be read (its parts do not fit together as a DOCX)":
        "{file}: không phải văn bản Word đọc được (các thành phần của tệp không khớp với nhau như một tệp DOCX)",
    "more than {value}": "hơn {value}",
    "{file}: the document is too large to check safely ({what}: {value}; the limit is {limit})":
        "{file}: văn bản quá lớn, không kiểm tra an toàn được ({what}: {value}; giới hạn là {limit})",
    "{file}: the ZIP package is damaged ({part} cannot be decompressed or does not match its checksum)":
        "{file}: gói ZIP bị hỏng ({part} không giải nén được hoặc không khớp mã kiểm tra)",
    "XML elements in the package": "số phần tử XML trong gói",
    "characters in one XML text of {part}": "số ký tự của một đoạn văn bản XML trong {part}",
    "{file}: {part} declares a document type (<!DOCTYPE …>), which Word does not open in a DOCX; plangen does not read it":
        "{file}: {part} có khai báo kiểu tài liệu (<!DOCTYPE …>), Word không mở tệp DOCX như vậy; plangen không đọc tệp này",
    "size of the file": "kích thước tệp",
    "{file}: is empty (0 bytes), not a DOCX file": "{file}: là tệp rỗng (0 byte), không phải tệp DOCX",
    "{file}: is an encrypted Word file or an old .doc (an OLE compound file, not a ZIP package): remove the password, or save it as .docx in Word, and check that file":
        "{file}: là tệp Word có đặt mật khẩu hoặc tệp .doc cũ (tệp phức hợp OLE, không phải gói ZIP): hãy gỡ mật khẩu, hoặc mở bằng Word và lưu thành .docx, rồi kiểm tra tệp đó",
    "{file}: the ZIP package is damaged and cannot be opened": "{file}: gói ZIP bị hỏng, không mở được",
    "entries in the ZIP package": "số mục trong gói ZIP",
    "uncompressed size of {part}": "kích thước sau giải nén của {part}",
    "total uncompressed size of the parts": "tổng kích thước sau giải nén của các thành phần",
    "{file}: the ZIP package is encrypted ({part}); Word does not open such a file":
        "{file}: gói ZIP bị mã hóa ({part}); Word không mở tệp như vậy",
    "compression ratio of {part}": "tỷ lệ nén của {part}",
    "{ratio}:1 for a part over {size}": "{ratio}:1 với thành phần lớn hơn {size}",
    "{file}: is a ZIP file but not a Word document ({part} names no main document)":
        "{file}: là tệp ZIP nhưng không phải văn bản Word ({part} không chỉ ra phần văn bản chính)",
    "{file}: is a ZIP file but not a Word document (it has no {part})":
        "{file}: là tệp ZIP nhưng không phải văn bản Word (không có {part})",
    "{file}: is not a Word document (its main part {part} is of type «{type}»)":
        "{file}: không phải văn bản Word (phần chính {part} có kiểu «{type}»)",
    "{file}: {part} is not well-formed XML (line {line}, column {column})":
        "{file}: {part} không phải XML hợp lệ (dòng {line}, cột {column})",
    "{file}: {part} is compressed in a way Word does not use":
        "{file}: {part} được nén theo cách Word không dùng",
}
