"""What officers do with plans from year to year: derive a unit's plan from its parent's, roll a
plan forward (with the changes file of reorganised bodies), diff two versions in the document's
words (text, Markdown, JSON, DOCX comparison table; the git driver), and lint the text.

Each workflow is a pure data-to-data core beside a small module that reads and writes its files.
May import: generator.shell, generator.plan, generator.document.
"""
