"""The short forms officers write for the names of bodies ("Sở TT&TT", "Đài PT-TH"), and back."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

# Each full phrase, as a name holds it, with the forms written for it in plans. Matching folds
# every form to its phrase, so "Sở TT&TT" is "Sở Thông tin và Truyền thông" to the changes file.
PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Phát thanh - Truyền hình", ("PT-TH", "PT&TH", "PTTH", "PT và TH",
                                  "Phát thanh và Truyền hình", "Phát thanh & Truyền hình")),
    ("Thông tin và Truyền thông", ("TT&TT", "TTTT", "TT và TT")),
    ("Kế hoạch và Đầu tư", ("KH&ĐT", "KHĐT", "KH và ĐT")),
    ("Tài nguyên và Môi trường", ("TN&MT", "TNMT", "TN-MT", "TN và MT")),
    ("Nông nghiệp và Phát triển nông thôn", ("NN&PTNT", "NNPTNT", "NN-PTNT", "NN và PTNT",
                                             "Nông nghiệp và PTNT")),
    ("Lao động - Thương binh và Xã hội", ("LĐ-TB&XH", "LĐTB&XH", "LĐTBXH", "LĐ-TBXH",
                                          "Lao động, Thương binh và Xã hội",
                                          "Lao động Thương binh và Xã hội")),
    ("Giao thông vận tải", ("GTVT", "GT-VT")),
    ("Khoa học và Công nghệ", ("KH&CN", "KHCN")),
    ("Nông nghiệp và Môi trường", ("NN&MT", "NNMT", "NN-MT")),
    ("Văn hóa, Thể thao và Du lịch", ("VH, TT&DL", "VH-TT&DL", "VHTT&DL", "VHTTDL")),
    ("Giáo dục và Đào tạo", ("GD&ĐT", "GDĐT")),
    ("Dân tộc và Tôn giáo", ("DT&TG", "DTTG")),
)
_DASHES = str.maketrans({"–": "-", "—": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-"})


def _folded(text: str) -> str:
    """Lower case, one space, ' - ' for a dash: the shape org_changes.fold compares."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES).casefold()
    return " ".join(re.sub(r"\s*-\s*", " - ", text).split())


@cache
def _expansions() -> tuple[tuple[re.Pattern[str], str], ...]:
    pairs = [(_folded(short), _folded(full)) for full, shorts in PHRASES for short in shorts]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return tuple((re.compile(rf"(?<!\w){re.escape(short)}(?!\w)"), full) for short, full in pairs)


def expand(folded: str) -> str:
    """A folded name with every short form written out (the folded full phrase)."""
    for pattern, full in _expansions():
        folded = pattern.sub(full, folded)
    return folded


def variants(name: str) -> list[str]:
    """The name and the forms it is written in with short phrases ('Sở TT&TT' …), longest first."""
    found = {name}
    for full, shorts in PHRASES:
        pattern = re.compile(_flexible(full), re.IGNORECASE)
        for known in list(found):
            if pattern.search(known):
                found.update(pattern.sub(short, known) for short in shorts)
    return sorted(found, key=lambda v: (-len(v), v))


def _flexible(text: str) -> str:
    """A literal name as a pattern that allows any spacing and any dash."""
    out = ""
    for piece in re.split(r"(\s*-\s*|\s+)", text):
        if not piece:
            continue
        if piece.strip() == "-":
            out += r"\s*[-–—‑]\s*"
        elif piece.isspace():
            out += r"\s+"
        else:
            out += re.escape(piece)
    return out


def search_pattern(names: list[str]) -> re.Pattern[str]:
    """One pattern finding any of NAMES as whole words in a text, any case, spacing and dash."""
    ordered = sorted(set(names), key=len, reverse=True)
    body = "|".join(_flexible(n) for n in ordered if n.strip())
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


# Old-style tone marks ("hoà", "thuỷ") written the new way ("hòa", "thủy"), at a word's end.
_OLD_TONES = {
    unicodedata.normalize("NFC", first + second): unicodedata.normalize(
        "NFC", first + unicodedata.normalize("NFD", second)[1:] + second_base)
    for first, seconds, second_base in (("o", "àáảãạ", "a"), ("o", "èéẻẽẹ", "e"),
                                         ("u", "ỳýỷỹỵ", "y"))
    for second in seconds}
_OLD_TONE_AT_END = re.compile(r"(?<!q)(" + "|".join(_OLD_TONES) + r")(?!\w)")
_ABBREVIATIONS = ((re.compile(r"(?<!\S)ủy ban nhân dân(?!\w)"), "ubnd"),
                  (re.compile(r"(?<!\S)hội đồng nhân dân(?!\w)"), "hđnd"),
                  (re.compile(r"(?<!\S)tp\.\s*|(?<!\S)tp(?= )"), "thành phố "))


def fold_name(text: str) -> str:
    """A body's name as names are compared: NFC, any case, one space, one dash, new-style
    tones, UBND/HĐND, and short forms written out ("Sở TT&TT" is "Sở Thông tin và Truyền
    thông"); the changes file (workflows/org_changes) and import's registry both use it."""
    text = _folded(text)
    text = _OLD_TONE_AT_END.sub(lambda m: _OLD_TONES[m.group(1)], text)
    text = expand(text)
    for pattern, short in _ABBREVIATIONS:
        text = pattern.sub(short, text)
    return " ".join(text.split())
