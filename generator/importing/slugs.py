"""Ids made from Vietnamese words: diacritics and đ folded to ASCII, cut to a few words, unique."""
from __future__ import annotations

import re
import unicodedata


def ascii_fold(text: str) -> str:
    """The text in lower-case ASCII letters: 'Đẩy mạnh' → 'day manh'."""
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in bare if not unicodedata.combining(c)).lower()


def slug(text: str, limit: int = 24) -> str:
    """The words of a text as an id piece: 'Sở TT&TT' → 'so-tt-tt', at most LIMIT characters."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text)).strip("-")[:limit].strip("-")


def word_id(text: str, taken: set[str], *, words: int = 4, fallback: str = "row") -> str:
    """A stable id from the first WORDS words of a text ('ban-hanh-ke-hoach'), unique in TAKEN
    (a second one gets '-2'), added to TAKEN."""
    base = slug(" ".join(slug(w, 64) for w in re.findall(r"\w+", text)[:words]), 40) or fallback
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident
