"""Ids for what the importer reads, made from its words: the same text always gets the same id."""
from __future__ import annotations

import re
import unicodedata

# Words that say little about an item; an id made of them alone would collide across a plan.
_FILLER = {"va", "cac", "cua", "cho", "the", "voi", "tai", "trong", "de", "la", "thuc", "hien"}


def ascii_words(text: str) -> list[str]:
    """The words of TEXT in lower-case ASCII (đ → d, marks dropped), punctuation left out."""
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in bare if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", plain)


class Ids:
    """The ids handed out in one import; each new one unique among them."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.tried: dict[str, int] = {}  # the next number to try after a base (no n² search)

    def claim(self, base: str) -> str:
        """BASE, or BASE-2, BASE-3 … when taken; recorded."""
        base = base.strip("-")[:48].strip("-") or "muc"
        ident, n = base, self.tried.get(base, 2)
        while ident in self.taken:
            ident, n = f"{base}-{n}", n + 1
        self.tried[base] = n
        self.taken.add(ident)
        return ident

    def from_words(self, text: str, *, prefix: str = "", words: int = 4) -> str:
        """An id from the first telling words of TEXT: 'to-chuc-hoi-nghi-tap-huan'."""
        picked = [w for w in ascii_words(text) if w not in _FILLER][:words]
        return self.claim("-".join([prefix, *picked] if prefix else picked))

    def initials(self, name: str) -> str:
        """A body's id from its name's initials: 'Sở Nội vụ' → 'snv'."""
        letters = "".join(w[0] for w in ascii_words(name) if not w.isdigit())
        return self.claim(letters[:12] or "cq")
