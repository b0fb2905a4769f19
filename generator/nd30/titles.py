"""Check 5: titles and summaries, the decision's preamble, an attached plan's issuing line."""
from __future__ import annotations

from generator.nd30.effective import XmlElement
from generator.nd30.formatting import format_findings, is_centred, where
from generator.nd30.model import Document, DocxSection, Finding, Part, found
from generator.nd30.part_blocks import (
    ARTICLE,
    body_paragraphs_after,
    decision_line,
    headed_sections,
)
from generator.nd30.text import is_upper, ntext, text_of
from generator.shell.errors import N_


def check_titles(doc: Document) -> list[Finding]:
    """Check 5: titles and summaries bold centred; the decision's preamble; attached plan's line."""
    findings: list[Finding] = []
    for section in headed_sections(doc):
        if section.title is None:
            continue
        name = (N_("the type name «QUYẾT ĐỊNH»") if section.kind is Part.DECISION
                else N_("the type name «KẾ HOẠCH»"))
        findings += format_findings(doc, "ND30-5-title", section.title, name, bold=True,
                                    centred=True)
        rest = body_paragraphs_after(section, section.title)
        summary, rest = split_summary(doc, section, rest)
        findings += summary_findings(doc, section, summary)
        if section.kind is Part.DECISION:
            findings += preamble_findings(doc, section, rest)
        elif doc.has_decision:
            findings += issued_with_findings(doc, section, rest)
    return findings


def split_summary(doc: Document, section: DocxSection,
                  paragraphs: list[XmlElement]) -> tuple[list[XmlElement], list[XmlElement]]:
    """The summary lines right under a title, and what follows them."""
    if not paragraphs or is_upper(ntext(paragraphs[0])) or ntext(paragraphs[0]).startswith("("):
        return [], paragraphs
    count = 1
    for paragraph in paragraphs[1:]:
        text = ntext(paragraph)
        if is_upper(text) or text.startswith(("(", "Căn cứ")) or not is_centred(doc, paragraph):
            break
        count += 1
    return paragraphs[:count], paragraphs[count:]


def summary_findings(doc: Document, section: DocxSection, summary: list[XmlElement],
                     ) -> list[Finding]:
    """The summary (trích yếu): present, bold, centred."""
    if not summary:
        return [found("ND30-5-title", where(doc, section.title) if section.title is not None
                      else section.at(), N_("there is no summary (trích yếu) under the type name"))]
    findings: list[Finding] = []
    for paragraph in summary:
        findings += format_findings(doc, "ND30-5-title", paragraph, N_("the summary"), bold=True,
                                    centred=True)
    return findings


def preamble_findings(doc: Document, section: DocxSection,
                      paragraphs: list[XmlElement]) -> list[Finding]:
    """Authority line, Căn cứ lines, Theo đề nghị and «QUYẾT ĐỊNH:» of the decision."""
    decide = decision_line(paragraphs)
    end = paragraphs.index(decide) if decide is not None else next(
        (i for i, p in enumerate(paragraphs) if ARTICLE.match(text_of(p))), len(paragraphs))
    preamble = paragraphs[:end]
    authority: list[XmlElement] = []
    for paragraph in preamble:
        if not is_upper(ntext(paragraph)):
            break
        authority.append(paragraph)
    findings: list[Finding] = []
    if not authority:
        findings.append(found("ND30-5-authority", section.at(),
                              N_("there is no authority line before the legal bases")))
    for paragraph in authority:
        findings += format_findings(doc, "ND30-5-authority", paragraph, N_("the authority line"),
                                    bold=True, centred=True)
    findings += grounds_findings(doc, section, preamble[len(authority):])
    if decide is None:
        findings.append(found("ND30-5-decide", section.at(),
                              N_("there is no «QUYẾT ĐỊNH:» line before the articles")))
    else:
        findings += format_findings(doc, "ND30-5-decide", decide, N_("«QUYẾT ĐỊNH:»"), bold=True,
                                    centred=True)
    return findings


def grounds_findings(doc: Document, section: DocxSection,
                     paragraphs: list[XmlElement]) -> list[Finding]:
    """The «Căn cứ …;» and «Theo đề nghị …» lines."""
    findings: list[Finding] = []
    grounds = [p for p in paragraphs if ntext(p).startswith("Căn cứ")]
    if not grounds:
        findings.append(found("ND30-5-bases", section.at(),
                              N_("the decision has no «Căn cứ …» lines")))
    for paragraph in grounds:
        findings += format_findings(doc, "ND30-5-bases", paragraph, N_("a «Căn cứ» line"),
                                    italic=True)
        if not ntext(paragraph).endswith(";"):
            findings.append(found("ND30-5-bases", where(doc, paragraph),
                                  N_("a «Căn cứ» line ends with «{end}», not «;»"),
                                  end=ntext(paragraph)[-1:]))
    proposals = (p for p in paragraphs if ntext(p).startswith(("Theo đề nghị", "Xét đề nghị")))
    for paragraph in proposals:
        findings += format_findings(doc, "ND30-5-bases", paragraph, N_("the «Theo đề nghị» line"),
                                    italic=True)
        if not ntext(paragraph).endswith("."):
            findings.append(found("ND30-5-bases", where(doc, paragraph),
                                  N_("the «Theo đề nghị» line ends with «{end}», not «.»"),
                                  end=ntext(paragraph)[-1:]))
    return findings


def issued_with_findings(doc: Document, section: DocxSection,
                         paragraphs: list[XmlElement]) -> list[Finding]:
    """The italic centred «(Ban hành kèm theo Quyết định …)» line under an attached plan's title."""
    line = paragraphs[0] if paragraphs else None
    if line is None or not ntext(line).startswith("(") or "kèm theo" not in ntext(line).casefold():
        return [found("ND30-5-issued-with", section.at(),
                      N_("the attached Kế hoạch has no «(Ban hành kèm theo …)» line under its "
                         "summary"))]
    findings = format_findings(doc, "ND30-5-issued-with", line,
                               N_("the «(Ban hành kèm theo …)» line"), italic=True, centred=True)
    if not ntext(line).endswith(")"):
        findings.append(found("ND30-5-issued-with", where(doc, line),
                              N_("the «(Ban hành kèm theo …)» line does not end with «)»")))
    return findings
