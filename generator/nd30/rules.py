"""The ND30 rules the checks apply: stable codes, plain names, requirements and citations.

One table, so a reader sees every rule and where Nghị định 30/2020/NĐ-CP writes it. Citations
follow the decree's own layout: Phụ lục I, Phần I, mục I (general rules, khoản 1–7), mục II (the
main components, khoản 1–9 with their điểm a, b …), mục III (other components: khoản 1 Phụ lục),
mục IV (the layout diagram, ô số 1–14); Phụ lục III, the sample forms (Mẫu 1.3 a Quyết định that
issues another document and the document issued with it, Mẫu 1.4 a document with a type name,
Mẫu 2.1 a paper appendix). A rule that is practice rather than written law says so.

Every text is an English msgid translated through generator/locale/vi.po.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.shell.errors import N_


@dataclass(frozen=True)
class Rule:
    """One rule: code (stable, for tools), check number, name, requirement and citation."""

    code: str
    check: int
    name: str
    requirement: str
    citation: str


_PRACTICE = N_("practice of published plans (plangen's ND30.md); not written in Decree 30")

RULES_TABLE: tuple[Rule, ...] = (
    Rule("ND30-1-paper", 1, N_("paper size"), N_("A4 paper, 210 × 297 mm"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section I.1")),
    Rule("ND30-1-orientation", 1, N_("page orientation"),
         N_("portrait; landscape only for a part made of a wide table (the Phụ lục), with the "
            "page size and w:orient agreeing"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section I.2")),
    Rule("ND30-1-margins", 1, N_("page margins"),
         N_("top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section I.3")),
    Rule("ND30-2-font", 2, N_("typeface"),
         N_("Times New Roman for all text, Vietnamese letters included"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section I.4")),
    Rule("ND30-2-size", 2, N_("type size"),
         N_("each component in its own size, all between 11 pt (Nơi nhận entries) and 14 pt; "
            "the text 13–14 pt"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, sections I.5 and II.6.e")),
    Rule("ND30-2-unicode", 2, N_("Unicode text"),
         N_("Unicode text per TCVN 6909:2001, letters precomposed (NFC)"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section I.4")),
    Rule("ND30-3-layout", 3, N_("header block layout"),
         N_("a borderless two-column block before the title: issuing body (and Số, date row when "
            "the part has them) left, Quốc hiệu and Tiêu ngữ right"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section IV (boxes 1–4)")),
    Rule("ND30-3-issuer", 3, N_("issuing body's name"),
         N_("upper case, 12–13 pt; the issuing body bold with a short solid line under it; the "
            "parent body above it regular"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.2.b")),
    Rule("ND30-3-national-title", 3, N_("Quốc hiệu"),
         N_("«CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» at the top right, upper case, 12–13 pt, bold, "
            "on one line"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.1.a")),
    Rule("ND30-3-motto", 3, N_("Tiêu ngữ"),
         N_("«Độc lập - Tự do - Hạnh phúc» under the Quốc hiệu, 13–14 pt (one point larger), "
            "bold, with a solid line under it as long as the text"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.1.b")),
    Rule("ND30-4-number", 4, N_("number and symbol"),
         N_("«Số: NN/TYPE-ISSUER» under the issuing body: a leading zero below 10, the type "
            "code of the document (QĐ, KH …), «/» and «-» without spaces; blanks in a draft"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.3.c")),
    Rule("ND30-4-date", 4, N_("place and date"),
         N_("«<Place>, ngày DD tháng M năm YYYY» written in full: days below 10 and the months "
            "1 and 2 with a leading zero (ngày 05 tháng 01, tháng 3); blanks in a draft"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.4.b")),
    Rule("ND30-4-date-style", 4, N_("place and date style"),
         N_("the place-date line in italics, 13–14 pt, level with the number"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.4.c")),
    Rule("ND30-5-title", 5, N_("type name and summary"),
         N_("the type name (QUYẾT ĐỊNH, KẾ HOẠCH) upper case, bold, centred; the summary "
            "right under it, bold, centred"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.5.b")),
    Rule("ND30-5-authority", 5, N_("issuing authority line"),
         N_("the authority that decides (e.g. «CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …») upper case, "
            "bold, centred, before the legal bases"),
         N_("Decree 30/2020/NĐ-CP, Appendix III, form 1.3")),
    Rule("ND30-5-bases", 5, N_("legal bases"),
         N_("each «Căn cứ …» on its own line in italics ending with «;»; the last line of the "
            "block («Theo đề nghị …») ending with «.»"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.6.a")),
    Rule("ND30-5-decide", 5, N_("«QUYẾT ĐỊNH:» line"),
         N_("«QUYẾT ĐỊNH:» bold and centred between the legal bases and the articles"),
         N_("Decree 30/2020/NĐ-CP, Appendix III, form 1.3")),
    Rule("ND30-5-issued-with", 5, N_("«(Ban hành kèm theo …)» line"),
         N_("under an attached document's summary, «(Ban hành kèm theo Quyết định số … ngày … "
            "của …)» in italics, centred"),
         N_("Decree 30/2020/NĐ-CP, Appendix III, form 1.3 (the document issued with the "
            "decision)")),
    Rule("ND30-6-articles", 6, N_("articles"),
         N_("«Điều 1.», «Điều 2.» … numbered without gaps, the label bold"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.6.đ")),
    Rule("ND30-6-closing", 6, N_("closing mark «./.»"),
         N_("the decision's last article and the plan's text end with «./.»"),
         N_("Decree 30/2020/NĐ-CP, Appendix III, forms 1.3 and 1.4")),
    Rule("ND30-7-recipients", 7, N_("Nơi nhận"),
         N_("a borderless two-column table: «Nơi nhận:» 12 pt bold italic, then one entry per "
            "line, 11 pt, «- …;», the last «- Lưu: VT, ….»; the signature on the right"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.9.d")),
    Rule("ND30-7-attached", 7, N_("no Nơi nhận on an attached document"),
         N_("a document issued with a decision has neither Nơi nhận nor signature: the "
            "decision has them"),
         N_("Decree 30/2020/NĐ-CP, Appendix III, form 1.3 (the document issued with the "
            "decision)")),
    Rule("ND30-8-signature", 8, N_("signature"),
         N_("authority (TM., KT., Q., TL., TUQ.) and title upper case, bold; the signer's name "
            "bold, not upper case"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section II.7.đ")),
    Rule("ND30-9-parts", 9, N_("parts and new pages"),
         N_("[Quyết định,] Kế hoạch, then each Phụ lục, each starting its own section on a new "
            "page"),
         N_("Decree 30/2020/NĐ-CP, Appendix III, forms 1.3 and 2.1")),
    Rule("ND30-9-page-numbers", 9, N_("page numbers"),
         N_("Arabic numbers from 1, 13–14 pt, centred in the top margin, none on a part's first "
            "page"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section I.7")),
    Rule("ND30-10-title", 10, N_("appendix title"),
         N_("«Phụ lục» (with I, II … when there are several) on its own line, bold, centred; "
            "the title under it upper case, bold, centred; no header block"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, sections III.1.a and III.1.b")),
    Rule("ND30-10-note", 10, N_("appendix «(Kèm theo …)» line"),
         N_("under the appendix title, «(Kèm theo <document> số … ngày … của …)» in italics, "
            "centred"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section III.1.c")),
    Rule("ND30-10-pages", 10, N_("appendix page numbers"),
         N_("each appendix numbered from page 1"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, section III.1.đ")),
    Rule("ND30-10-table", 10, N_("appendix table"),
         N_("the table after the title, its first row a bold header row repeated on every page"),
         _PRACTICE),
    Rule("ND30-11-references", 11, N_("references to the issuing document"),
         N_("every reference to the decision (or plan) gives its number, date and issuer, the "
            "same string each time and the same number and date as its header block"),
         N_("Decree 30/2020/NĐ-CP, Appendix I, Part I, sections II.6.b and III.1.c")),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in RULES_TABLE}


def rule(code: str) -> Rule:
    """The rule of a code (KeyError for an unknown code: a bug in a check)."""
    return RULES[code]
