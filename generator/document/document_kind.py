"""What kind of document a DOCX is, as plangen writes it in a custom document property."""
from __future__ import annotations

# docProps/custom.xml: <property name="PlangenDocument"><vt:lpwstr>comparison-table</vt:lpwstr>.
# Word and LibreOffice keep custom properties when they save the file again.
PROPERTY_NAME = "PlangenDocument"
OFFICIAL = "official"
COMPARISON_TABLE = "comparison-table"
KINDS = (OFFICIAL, COMPARISON_TABLE)
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
PROPERTY_SET = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the set of user-defined properties
