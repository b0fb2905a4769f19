"""Whether a written word can be a Vietnamese syllable (onset, rhyme), whatever its tone mark."""
from __future__ import annotations

import re
import unicodedata
from functools import cache

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ",
          "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
# Vowel groups that end a syllable by themselves (no final consonant may follow).
OPEN = ("ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui",
        "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya",
        "uyu", "ya")
# Vowel groups a final consonant may follow.
CLOSABLE = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "iê", "yê", "uô", "ươ",
            "oa", "oă", "oe", "oo", "uâ", "uê", "uy", "uơ", "uyê")
CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")


@cache
def _pattern() -> re.Pattern[str]:
    onset = "|".join(sorted(ONSETS, key=len, reverse=True))
    closed = "|".join(sorted(CLOSABLE, key=len, reverse=True))
    opened = "|".join(sorted(OPEN, key=len, reverse=True))
    coda = "|".join(CODAS)
    return re.compile(rf"^(?:{onset})?(?:(?:{opened})|(?:{closed})(?:{coda})?)$")


def toneless(word: str) -> str:
    """The word in lower case without its tone mark (the vowel letters ă â ê ô ơ ư kept)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare)


def is_syllable(word: str) -> bool:
    """'bưu', 'chính', 'nghiêng', 'quốc' are; 'buru', 'trièn' are not."""
    return bool(_pattern().match(toneless(word)))
