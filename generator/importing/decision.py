"""The body of a Quyết định read back: what it is about, the authority, Căn cứ, the proposal,
Điều 1–3.

Between the kind's name and Nơi nhận, ND30 sets the summary ("Về việc ban hành Kế hoạch …"), the
authority in capitals, the bases, "Theo đề nghị của …" and "QUYẾT ĐỊNH:", then the articles.
The article texts are kept as read: the importer compares them with what plangen would generate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importing.citations import citation_id, parse_basis, parse_citation
from generator.importing.outline import Paragraph

SUMMARY_PHRASES = ("Về việc ban hành", "Ban hành")
_PROPOSAL = re.compile(r"(?P<phrase>Theo đề nghị của|Xét đề nghị của)\s+(?P<by>.+?)"
                       r"(?:\s+tại\s+(?P<document>(?:Tờ trình|Công văn|Báo cáo)\b.+?))?\.?$")


@dataclass
class DecisionText:
    """What the Quyết định says between its name and Nơi nhận."""

    summary_phrase: str | None = None
    summary: str = ""  # what follows the phrase: "Kế hoạch tuyên truyền … năm 2023 …"
    authority: str = ""  # as printed, in capitals
    bases: list[dict[str, Any]] = field(default_factory=list)
    basis_texts: list[str] = field(default_factory=list)  # each basis paragraph as read
    proposal: dict[str, Any] | None = None
    articles: list[str] = field(default_factory=list)  # "Điều N." left out
    unread: list[Paragraph] = field(default_factory=list)  # what fits none of these
    end: int = 0  # the index of the paragraph after the last article


def read_decision(found: list[Paragraph], start: int) -> DecisionText:
    """The decision whose name ("QUYẾT ĐỊNH") is the paragraph at START."""
    out = DecisionText()
    at = _summary(found, start + 1, out)
    if at < len(found) and found[at].text.isupper():
        out.authority = found[at].text
        at += 1
    taken: set[str] = set()
    while at < len(found) and found[at].text != "QUYẾT ĐỊNH:":
        _preamble(found[at], out, taken)
        at += 1
    at += 1
    while at < len(found) and found[at].level == "article":
        out.articles.append(found[at].text)
        at += 1
    out.end = at
    return out


def _summary(found: list[Paragraph], at: int, out: DecisionText) -> int:
    if at >= len(found):
        return at
    text = found[at].text
    phrase = next((p for p in SUMMARY_PHRASES if text.startswith(p + " ")), None)
    out.summary_phrase = phrase
    out.summary = text[len(phrase):].strip() if phrase else text
    return at + 1


def _preamble(paragraph: Paragraph, out: DecisionText, taken: set[str]) -> None:
    cites = parse_basis(paragraph.text)
    proposal = _PROPOSAL.match(paragraph.text)
    if cites is not None:
        first, *also = cites
        base = {"id": citation_id(first, taken), **first}
        if also:
            base["also"] = also
        out.bases.append(base)
        out.basis_texts.append(paragraph.text)
    elif proposal is not None and out.proposal is None:
        out.proposal = {"phrase": proposal.group("phrase"), "by": proposal.group("by")}
        if proposal.group("document"):
            out.proposal["document"] = parse_citation(proposal.group("document"),
                                                      long_dates=True)
    else:
        out.unread.append(paragraph)
