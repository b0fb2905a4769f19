"""ND30 conformance checks on any DOCX (Nghị định 30/2020/NĐ-CP layout)."""
from generator.nd30.checks import check_docx
from generator.nd30.model import CheckCrashed, Finding, Location, UnreadableDocx
from generator.nd30.rules import RULES, Rule

__all__ = ["RULES", "CheckCrashed", "Finding", "Location", "Rule", "UnreadableDocx",
           "check_docx"]
