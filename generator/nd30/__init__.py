"""ND30 conformance checks for generated DOCX files (Nghị định 30/2020/NĐ-CP layout)."""
from generator.nd30.checks import check_docx
from generator.nd30.model import Finding

__all__ = ["Finding", "check_docx"]
