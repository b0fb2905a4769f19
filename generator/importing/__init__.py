"""plangen import: a plan's DOCX, PDF or text read back into a plan YAML (issue #21, in progress).

What is here so far reads a plan's text: its outline (paragraphs rejoined from hard-wrapped lines
and extraction artefacts, each with its ND30 numbering: I., 1., a), -, +, Điều N.), its header
(issuing body, symbol, place and date, kind), the body of a Quyết định with its legal bases as
structured citations that print the very words read, and its closing (Nơi nhận, the signer).
Each reader is checked by printing what it read with plangen's own rules.

May import: generator.shell, generator.plan, generator.nd30, generator.document.
"""
