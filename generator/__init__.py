"""plangen: renders Vietnamese administrative plans (Kế hoạch) as official DOCX."""

__version__ = "0.1.0"
