"""The shipped changes file (changes-2025.yaml): package data read by generator.changes."""
