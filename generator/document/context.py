"""Build context: turn a validated plan into the text every template part prints."""
from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator.document.appendix_table import is_landscape, table_xml
from generator.document.header_lines import header_lines
from generator.document.plan_blocks import Context, plan_blocks
from generator.plan import vietnamese as vn
from generator.plan.citation import basis, citation, issued_on, reference, strip_end, symbol
from generator.plan.index import body_names

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def build(doc: dict[str, Any]) -> dict[str, Any]:
    """The template context of a validated plan: one mapping per part, plus shared blocks."""
    names = body_names(doc)
    ctx = Context(names)
    is_decision = doc["kind"] == "decision"
    return {
        "quoc_hieu": QUOC_HIEU,
        "tieu_ngu": TIEU_NGU,
        "header": header(doc, numbered=True),
        "decision": decision(doc) if is_decision else None,
        "plan": plan(doc, ctx),
        "appendix": appendix(doc, ctx) if "appendix" in doc else None,
        "recipients": recipients(doc),
        "signer": signer(doc["signer"]),
    }


def header(doc: dict[str, Any], *, numbered: bool) -> dict[str, Any]:
    """The header block: bodies on the left, number and date under them when numbered.

    The officer's own header lines are printed as written; a name alone is cut into lines that
    fit the left column, between phrases (generator/document/header_lines.py).
    """
    issuer = doc["issuer"]
    if "header" in issuer:
        body = [vn.upper(line) for line in issuer["header"]]
    else:
        body = header_lines(vn.upper(issuer["name"]))
    return {
        "parent": [vn.upper(issuer["parent"])] if "parent" in issuer else [],
        "body": body,
        "number": f"Số: {symbol(doc)}" if numbered else "",
        "date": f"{issuer['place']}, {issued_on(doc)}" if numbered else "",
    }


def decision(doc: dict[str, Any]) -> dict[str, Any]:
    """The Quyết định: summary, authority, bases, proposal, articles."""
    part = doc["decision"]
    issuer = doc["issuer"]
    phrase = part.get("summary_phrase", "Về việc ban hành")
    long_dates = bool(part.get("long_dates"))
    return {
        "summary": f"{phrase} Kế hoạch " + vn.lower_first(plan_title(doc)),
        "authority": vn.upper(part.get("authority", "Chủ tịch " + issuer["name"])),
        "bases": [basis(b, long_dates=long_dates) for b in part["bases"]],
        "proposal": proposal(part["proposal"]) if "proposal" in part else "",
        "articles": articles(doc, part),
    }


def plan_title(doc: dict[str, Any], *, with_scope: bool = True) -> str:
    """'Tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang' (or scope first)."""
    plan_part = doc["plan"]
    year = f"năm {doc['year']}"
    if not with_scope or "scope" not in plan_part:
        return f"{plan_part['topic']} {year}"
    if plan_part.get("scope_position") == "before-year":
        return f"{plan_part['topic']} {plan_part['scope']} {year}"
    return f"{plan_part['topic']} {year} {plan_part['scope']}"


def proposal(part: dict[str, Any]) -> str:
    """'Theo đề nghị của … tại Tờ trình số … ngày … .' (or 'Xét đề nghị của …')."""
    text = f"{part.get('phrase', 'Theo đề nghị của')} {strip_end(part['by'])}"
    if "document" in part:
        text += f" tại {citation(part['document'], long_dates=True)}"
    return text + "."


def articles(doc: dict[str, Any], part: dict[str, Any]) -> list[dict[str, str]]:
    """Điều 1–3 generated from data, or the officer's own texts; the last ends './.'."""
    if "articles" in part:
        texts = [strip_end(t) + "." for t in part["articles"]]
    else:
        generated = (article_1, article_2, article_3)
        texts = [strip_end(part[f"article_{n}"]) + "." if f"article_{n}" in part else make(doc)
                 for n, make in enumerate(generated, start=1)]
    texts[-1] = texts[-1].rstrip(".") + "./."
    return [{"label": f"Điều {i}.", "text": t} for i, t in enumerate(texts, start=1)]


def article_1(doc: dict[str, Any]) -> str:
    """'Ban hành kèm theo Quyết định này Kế hoạch … năm 2023.' (the scope when asked)."""
    with_scope = bool(doc["decision"].get("scope_in_article"))
    title = vn.lower_first(plan_title(doc, with_scope=with_scope))
    return f"Ban hành kèm theo Quyết định này Kế hoạch {title}."


def article_2(doc: dict[str, Any]) -> str:
    """'Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.'"""
    effective = strip_end(doc["decision"].get("effective", "kể từ ngày ký ban hành"))
    return f"Quyết định này có hiệu lực thi hành {effective}."


def article_3(doc: dict[str, Any]) -> str:
    """'A; B chịu trách nhiệm thi hành Quyết định này.' (joiner and wording can be chosen)."""
    part = doc["decision"]
    joiner = ", " if part.get("executors_join") == "comma" else "; "
    execution = strip_end(part.get("execution", "chịu trách nhiệm thi hành Quyết định này"))
    return joiner.join(strip_end(e) for e in part["executors"]) + f" {execution}."


def plan(doc: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """The Kế hoạch: its own header, title, reference line, body blocks, signature or not."""
    attached = doc["kind"] == "decision"
    plan_part = doc["plan"]
    phrase = plan_part.get("attach_phrase", "Ban hành kèm theo")
    return {
        "header": header(doc, numbered=not attached),
        "summary": plan_title(doc),
        "reference": f"({phrase} {reference(doc)})" if attached else "",
        "blocks": [block.__dict__ for block in plan_blocks(plan_part, ctx)],
        "signed": not attached,
    }


def appendix(doc: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """The Phụ lục: label, title, reference line and the table."""
    part = doc["appendix"]
    landscape = is_landscape(part)
    phrase = part.get("attach_phrase", "Kèm theo")
    return {
        "label": vn.upper(part.get("label", "Phụ lục")),
        "title": vn.upper(part["title"]),
        "reference": f"({phrase} {reference(doc)})" if part.get("reference", True) else "",
        "landscape": landscape,
        "table": Markup(table_xml(part, ctx.ref, doc["year"], landscape)),
    }


def recipients(doc: dict[str, Any]) -> list[str]:
    """Nơi nhận entries: '- X;' each, the last '- Lưu: VT, ….'."""
    lines = [f"- {strip_end(r)};" for r in doc["recipients"]]
    archive = ", ".join(["VT", *doc.get("archive", [])])
    copies = f"({doc['copies']})" if "copies" in doc else ""
    return [*lines, f"- Lưu: {archive}{copies}."]


def signer(part: dict[str, Any]) -> dict[str, Any]:
    """Signature lines (authority prefix, titles) in upper case, and the name."""
    mode = part.get("mode", "none")
    lines = [f"TM. {part['on_behalf']}"] if "on_behalf" in part else []
    if mode == "none":
        lines.append(part["title"])
    elif mode == "Q":
        lines.append(f"Q. {part['head']}")
    else:
        lines += [f"{mode}. {part['head']}", part["title"]]
    return {"lines": [vn.upper(line) for line in lines], "name": part["name"]}
