"""ND30 conformance checks on any DOCX (Nghị định 30/2020/NĐ-CP layout), read within bounds, and
the report `plangen check` prints; a product feature, not test scaffolding (docs/check.md).

May import: generator.shell, generator.document.
"""
from generator.nd30.checks import check_docx
from generator.nd30.model import CheckCrashed, Finding, Location, UnreadableDocx
from generator.nd30.rules import RULES, Rule

__all__ = ["RULES", "CheckCrashed", "Finding", "Location", "Rule", "UnreadableDocx",
           "check_docx"]
