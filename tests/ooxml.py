"""Office Open XML validity of a DOCX, checked by openxml-audit against Office's newest schema."""
from __future__ import annotations

import os
import tempfile
from functools import cache

from openxml_audit import FileFormat, OpenXmlValidator

# Microsoft 365 is openxml-audit's newest Office version: it includes the Office 2016+ schemas.
FORMAT = FileFormat.MICROSOFT_365


@cache
def validator() -> OpenXmlValidator:
    """One validator for the session: it loads its schemas once."""
    return OpenXmlValidator(file_format=FORMAT, max_errors=0)


def ooxml_errors(data: bytes) -> list[str]:
    """Every schema, semantic and package error openxml-audit finds in a DOCX's bytes."""
    # openxml-audit opens a path, not bytes.
    handle, name = tempfile.mkstemp(suffix=".docx")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        result = validator().validate(name)
    finally:
        os.unlink(name)
    return [str(error) for error in result.errors]


def assert_valid_ooxml(data: bytes) -> None:
    """Fail with every error listed when a DOCX breaks the OOXML schema."""
    errors = ooxml_errors(data)
    assert not errors, f"{len(errors)} OOXML error(s):\n" + "\n".join(errors)
