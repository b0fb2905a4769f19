"""The `decision:` mapping of an imported Quyết định, printing back the very words read.

The bases are kept structured where plangen's citation prints the paragraph again, else as
text; Điều 1–3 are kept generated where the generated words are the ones read (the executors,
the time of effect and the wording of Điều 3 are read out of them), else as written.
"""
from __future__ import annotations

import re
from typing import Any

from generator.document.context import articles as printed_articles
from generator.importing.decision import DecisionText
from generator.plan import vietnamese as vn
from generator.plan.citation import basis
from generator.shell.errors import N_, Message

DEFAULT_PHRASE = "Về việc ban hành"
_LONG_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_ARTICLE_2 = re.compile(r"Quyết định này có hiệu lực thi hành\s+(?P<effective>.+?)\.?$")
_ARTICLE_3 = re.compile(r"(?P<who>.+?)\s+(?P<execution>chịu trách nhiệm\s.+?)\.?$")


def decision_fields(read: DecisionText, doc: dict[str, Any]) -> tuple[dict[str, Any],
                                                                     list[Message]]:
    """The decision mapping, and what the checklist should say of it."""
    notes: list[Message] = []
    part: dict[str, Any] = {}
    if read.summary_phrase and read.summary_phrase != DEFAULT_PHRASE:
        part["summary_phrase"] = read.summary_phrase
    if read.authority and read.authority != vn.upper("Chủ tịch " + doc["issuer"]["name"]):
        part["authority"] = read.authority
    long_dates = any(_LONG_DATE.search(text) for text in read.basis_texts)
    if long_dates:
        part["long_dates"] = True
    part["bases"] = [_basis(b, text, long_dates) for b, text in
                     zip(read.bases, read.basis_texts, strict=True)]
    if not part["bases"]:
        notes.append(Message(N_("the Quyết định has no Căn cứ: write its legal bases")))
    if read.proposal is not None:
        part["proposal"] = read.proposal
    part.update(_articles(read.articles, doc, part))
    for paragraph in read.unread:
        notes.append(Message(N_("a paragraph of the Quyết định was not placed: \"{text}\""),
                             {"text": paragraph.text[:80]}))
    return part, notes


def _basis(cite: dict[str, Any], text: str, long_dates: bool) -> dict[str, Any]:
    expected = text.rstrip(" ;.") + ";"
    if basis(cite, long_dates=long_dates) == expected:
        return cite
    return {"id": cite["id"], "text": text.removeprefix("Căn cứ").strip().rstrip(" ;.")}


def _articles(texts: list[str], doc: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """Điều 1–3 as fields: generated where they print the same, replaced where not."""
    texts = [t.rstrip(" .") + "." for t in texts]
    if len(texts) != 3:
        return {"articles": texts or ["Ban hành kèm theo Quyết định này Kế hoạch."]}
    out: dict[str, Any] = {}
    if effective := _ARTICLE_2.match(texts[1]):
        value = effective.group("effective")
        if value != "kể từ ngày ký ban hành":
            out["effective"] = value
    if who := _ARTICLE_3.match(texts[2]):
        joiner = "; " if "; " in who.group("who") else ", "
        out["executors"] = [e.strip() for e in who.group("who").split(joiner)]
        if joiner == ", ":
            out["executors_join"] = "comma"
        if who.group("execution") != "chịu trách nhiệm thi hành Quyết định này":
            out["execution"] = who.group("execution")
    else:
        out["executors"] = ["Như Điều 3"]
    trial = {**part, **out}
    generated = [a["text"] for a in printed_articles({**doc, "decision": trial}, trial)]
    generated[-1] = generated[-1].removesuffix("./.") + "."
    for number, (read, made) in enumerate(zip(texts, generated, strict=True), start=1):
        if read != made:
            out[f"article_{number}"] = read
    if "article_3" in out:
        out["executors"] = out.get("executors", ["Như Điều 3"])
    return out
