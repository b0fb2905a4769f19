"""How documents are cited: legal bases, the proposal, the reference to the issuing document."""
from __future__ import annotations

from typing import Any

from generator.plan import vietnamese as vn
from generator.plan.dates import parse_date, parse_month
from generator.plan.schema import LAW_TYPES

TYPE_CODES = {"decision": "QĐ", "plan": "KH"}
TYPE_NAMES = {"decision": "Quyết định", "plan": "Kế hoạch"}


def strip_end(text: str) -> str:
    """Drop the punctuation an officer may have typed at the end (the generator adds its own)."""
    return text.rstrip(" ;.,")


def citation(cite: dict[str, Any], *, long_dates: bool = False) -> str:
    """'Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành …' from a citation."""
    if "text" in cite:
        return strip_end(cite["text"])
    date = parse_date(cite["date"]) if "date" in cite else None
    when = ""
    if date is not None:
        when = vn.long_date(date, date.year) if long_dates else f"ngày {vn.short_date(date)}"
    kind = cite["type"]
    if kind in LAW_TYPES:
        parts = [kind, cite.get("title", ""), _number(cite), when]
    else:
        parts = [kind, _number(cite), when, _issuer(cite), cite.get("title", "")]
    return strip_end(" ".join(p for p in parts if p))


def _number(cite: dict[str, Any]) -> str:
    return f"số {cite['number']}" if "number" in cite else ""


def _issuer(cite: dict[str, Any]) -> str:
    return f"của {cite['issuer']}" if "issuer" in cite else ""


def symbol(doc: dict[str, Any]) -> str:
    """'233/QĐ-UBND', or '     /QĐ-UBND' for a draft."""
    code = TYPE_CODES[doc["kind"]]
    return f"{vn.document_number(doc.get('number'))}/{code}-{doc['issuer']['code']}"


def issued_on(doc: dict[str, Any]) -> str:
    """'ngày 19 tháng 12 năm 2022', or the blanks of a draft (its month, when it is known)."""
    text = doc.get("date") or ""
    month = parse_month(text)
    if month is not None:
        return vn.long_date(month, month.year, day_known=False)
    date = parse_date(text) if text else None
    return vn.long_date(date, doc.get("issue_year", doc["year"]))


def referenced_on(doc: dict[str, Any]) -> str:
    """The date of the reference lines: as the date line, or short (`reference_date: short`):
    'ngày 10/01/2024', and 'ngày / 01 /2024' for a draft whose month is known."""
    if doc.get("reference_date") != "short":
        return issued_on(doc)
    text = doc["date"]  # crosscheck: a short reference date needs a date
    month = parse_month(text)
    if month is not None:
        return f"ngày / {vn.month_text(month.month)} /{month.year}"
    date = parse_date(text)
    return f"ngày {vn.short_date(date)}" if date is not None else issued_on(doc)


def reference(doc: dict[str, Any]) -> str:
    """The one string that names the issuing document everywhere in the file."""
    name = TYPE_NAMES[doc["kind"]]
    issuer = doc["issuer"].get("reference_name", doc["issuer"]["name"])
    return f"{name} số {symbol(doc)} {referenced_on(doc)} của {issuer}"


def basis(cite: dict[str, Any], *, long_dates: bool = False) -> str:
    """'Căn cứ …;' – with the documents cited in the same paragraph, joined by '; '."""
    texts = [citation(c, long_dates=long_dates) for c in (cite, *cite.get("also", []))]
    return f"Căn cứ {'; '.join(texts)};"
