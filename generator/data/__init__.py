"""The shipped changes file (changes-2025.yaml): read by generator.workflows.org_changes."""
