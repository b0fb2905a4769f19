"""From a valid plan to the document: the template context (every generated text), the Kế hoạch's
blocks, the appendix table, header lines and no-break rules, docxtpl rendering of each part, the
parts composed into one DOCX, the templates' folder, and PDF through LibreOffice.

May import: generator.shell, generator.plan.
"""
