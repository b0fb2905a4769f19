"""Check 6: the decision's «Điều n.» labels and numbering; parts closing with «./.»."""
from __future__ import annotations

from generator.nd30.effective import XmlElement
from generator.nd30.formatting import where
from generator.nd30.model import Document, DocxSection, Finding, Part, found
from generator.nd30.part_blocks import ARTICLE, body_paragraphs_after, decision_line
from generator.nd30.text import MARK_CHARS, W_R, W_T, nonempty, norm, ntext, own_nodes, text_of
from generator.shell.errors import N_, Message


def check_articles_and_endings(doc: Document) -> list[Finding]:
    """Check 6: «Điều n.» bold and numbered 1, 2, …; the decision and the plan end with «./.»."""
    findings: list[Finding] = []
    for section in doc.parts(Part.DECISION):
        findings += article_findings(doc, section)
        findings += closing_findings(doc, section, N_("the decision's last article"))
    for section in doc.parts(Part.PLAN):
        findings += closing_findings(doc, section, N_("the plan's text"))
    return findings


def article_findings(doc: Document, section: DocxSection) -> list[Finding]:
    """Numbering and bold labels of the decision's articles."""
    paragraphs = body_paragraphs_after(section, section.title)
    decide = decision_line(paragraphs)
    if decide is not None:
        paragraphs = paragraphs[paragraphs.index(decide) + 1:]
    articles = [(p, match) for p in paragraphs if (match := ARTICLE.match(text_of(p)))]
    if not articles:
        return [found("ND30-6-articles", section.at(), N_("the decision has no articles"))]
    findings: list[Finding] = []
    for expected, (paragraph, match) in enumerate(articles, start=1):
        if int(match.group(2)) != expected:
            findings.append(found("ND30-6-articles", where(doc, paragraph),
                                  N_("an article is numbered {number} where {expected} comes "
                                     "next"), number=match.group(2), expected=expected))
        if not span_is_bold(doc, paragraph, match.span(1)):
            findings.append(found("ND30-6-articles", where(doc, paragraph),
                                  N_("the article label «{label}» is not bold"),
                                  label=norm(match.group(1))))
    return findings


def span_is_bold(doc: Document, paragraph: XmlElement, span: tuple[int, int]) -> bool:
    """Whether every visible character in [start, end) of the paragraph's raw text is bold."""
    owners: list[tuple[str, XmlElement | None]] = []
    for node in own_nodes(paragraph):
        piece = (node.text or "") if node.tag == W_T else MARK_CHARS.get(str(node.tag), "")
        run = next(iter(node.iterancestors(W_R)), None)
        owners += [(char, run) for char in piece]
    chosen = owners[span[0]:span[1]]
    return all(char.isspace() or (run is not None and doc.run_format(run).bold)
               for char, run in chosen)


def closing_paragraph(section: DocxSection) -> XmlElement | None:
    """Last non-empty top-level paragraph not starting «(» (notes such as «(có Phụ lục …)»)."""
    for paragraph in reversed(nonempty(section.paragraphs())):
        if not ntext(paragraph).startswith("("):
            return paragraph
    return None


def closing_findings(doc: Document, section: DocxSection, name: str) -> list[Finding]:
    """A finding when a part's closing paragraph does not end with «./.»."""
    paragraph = closing_paragraph(section)
    if paragraph is None:
        return [found("ND30-6-closing", section.at(), N_("{element} is missing"),
                      element=Message(name))]
    if ntext(paragraph).endswith("./."):
        return []
    return [found("ND30-6-closing", where(doc, paragraph),
                  N_("{element} ends with «{end}», without «./.»"), element=Message(name),
                  end=ntext(paragraph)[-12:])]
