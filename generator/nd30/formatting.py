"""Locators and the run-formatting tests (bold, italic, centred, sizes) the checks share."""
from __future__ import annotations

from collections.abc import Callable

from generator.nd30.effective import RunFormat, XmlElement, alignment, table_borders
from generator.nd30.model import Document, Finding
from generator.nd30.text import W_R, excerpt, is_upper, ntext, own_nodes, text_of


def where(doc: Document, paragraph: XmlElement) -> str:
    """Locator of a body paragraph: 'paragraph 14 «Căn cứ Luật …»'."""
    number = doc.numbers.get(paragraph)
    prefix = f"paragraph {number} " if number is not None else ""
    return f"{prefix}«{excerpt(text_of(paragraph))}»"


def text_runs(doc: Document, paragraph: XmlElement) -> list[tuple[XmlElement, RunFormat]]:
    """Runs of a paragraph that carry non-whitespace text, with their effective formatting."""
    return [(node, doc.run_format(node)) for node in own_nodes(paragraph)
            if node.tag == W_R and text_of(node).strip()]


def all_runs(doc: Document, paragraph: XmlElement, test: Callable[[RunFormat], bool]) -> bool:
    """Whether the paragraph has text and every text run passes the test."""
    runs = text_runs(doc, paragraph)
    return bool(runs) and all(test(fmt) for _, fmt in runs)


def is_bold(doc: Document, paragraph: XmlElement) -> bool:
    """Whether all the paragraph's text is bold."""
    return all_runs(doc, paragraph, lambda fmt: fmt.bold)


def is_italic(doc: Document, paragraph: XmlElement) -> bool:
    """Whether all the paragraph's text is italic."""
    return all_runs(doc, paragraph, lambda fmt: fmt.italic)


def any_bold(doc: Document, paragraph: XmlElement) -> bool:
    """Whether any of the paragraph's text is bold."""
    return any(fmt.bold for _, fmt in text_runs(doc, paragraph))


def is_centred(doc: Document, paragraph: XmlElement) -> bool:
    """Whether the paragraph is centred."""
    return alignment(paragraph, doc.styles) == "center"


def sizes_pt(doc: Document, paragraph: XmlElement) -> set[float]:
    """Distinct sizes, in points, of the paragraph's text runs."""
    return {fmt.size_pt for _, fmt in text_runs(doc, paragraph)}


def show_sizes(sizes: set[float]) -> str:
    """'12, 13 pt'."""
    return ", ".join(f"{size:g}" for size in sorted(sizes)) + " pt"


def sizes_within(doc: Document, paragraph: XmlElement, low: float, high: float) -> bool:
    """Whether every text run's size lies in [low, high] points."""
    return all(low <= size <= high for size in sizes_pt(doc, paragraph))


def format_findings(doc: Document, check: int, paragraph: XmlElement, name: str, *,
                    bold: bool = False, italic: bool = False, centred: bool = False,
                    upper: bool = False) -> list[Finding]:
    """Findings for a paragraph that must be bold / italic / centred / upper case."""
    missing = [label for label, wanted, test in (
        ("bold", bold, is_bold), ("italic", italic, is_italic), ("centred", centred, is_centred),
    ) if wanted and not test(doc, paragraph)]
    if upper and not is_upper(ntext(paragraph)):
        missing.append("upper case")
    if not missing:
        return []
    return [Finding(check, where(doc, paragraph), f"{name} is not {' and '.join(missing)}; "
                    f"ND30 sets it {' and '.join(missing)}.")]


def size_findings(doc: Document, check: int, paragraph: XmlElement, name: str,
                  low: float, high: float) -> list[Finding]:
    """A finding when a paragraph's text sizes fall outside [low, high] points."""
    if sizes_within(doc, paragraph, low, high):
        return []
    expected = f"{low:g} pt" if low == high else f"{low:g}–{high:g} pt"
    actual = show_sizes(sizes_pt(doc, paragraph))
    message = f"{name} is set in {actual}; expected {expected}."
    return [Finding(check, where(doc, paragraph), message)]


def border_findings(doc: Document, check: int, locator: str, table: XmlElement,
                    name: str) -> list[Finding]:
    """A finding when a layout table that ND30 draws without lines has borders."""
    lines = table_borders(table, doc.styles)
    if not lines:
        return []
    return [Finding(check, locator, f"{name} draws borders ({', '.join(sorted(set(lines)))}); "
                    "expected none.")]
