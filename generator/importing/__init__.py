"""plangen import: a plan's DOCX, PDF or text read back into a plan YAML (issue #21, in progress).

What is here so far reads the outline of a plan's text (paragraphs rejoined from hard-wrapped
lines and extraction artefacts, and the ND30 numbering of each: I., 1., a), -, +, Điều N.) and
its legal bases (structured citations that print the very words read), its header
(issuing body, symbol, place and date, kind) and its closing (Nơi nhận, the signer).

May import: generator.shell, generator.plan.
"""
