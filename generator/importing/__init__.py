"""plangen import: a plan's DOCX, PDF or text read back into a plan YAML, and Word edits applied.

Each source kind has a reader (docx_source, pdf_source with ocr, outline for text) giving the same
paragraphs (outline.Paragraph, tables inside); regions cuts them at ND30's landmarks; one module
reads each region into its fields (header, decision, plan_body, assignments, appendix, closing);
build assembles the YAML and the checklist, yaml_out writes it. onto applies the edits of a
rendered DOCX to the plan it came from. Each reader is checked by printing what it read with
plangen's own rules.

May import: generator.shell, generator.plan, generator.nd30, generator.document.
"""
