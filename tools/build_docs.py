"""Write docs/schema.md's field tables from generator/plan/schema_docs*.py (`make docs`).

Only the regions between `<!-- fields: NAME -->` and `<!-- end -->` change; the hand-written
prose around them is kept byte for byte. The file is replaced atomically, and only when a table
changed. `--check` writes nothing and fails when the file is not what this would write
(tests/plan/test_schema_docs.py checks the committed file the same way).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.plan import schema_docs
from generator.plan.schema_docs_table import DocsError
from generator.shell.atomic import write_bytes

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def main(argv: list[str] | None = None) -> int:
    """Rewrite the tables of FILE (default docs/schema.md); 1 when --check finds it stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DOC, help="default: docs/schema.md")
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    target: Path = args.file
    text = target.read_bytes().decode("utf-8")
    try:
        new = schema_docs.updated(text)
    except DocsError as exc:
        print(f"{target}: {exc}", file=sys.stderr)
        return 2
    if new == text:
        print(f"{target} is current", file=sys.stderr)
        return 0
    if args.check:
        print(f"{target} is not what the field descriptions say: run `make docs`", file=sys.stderr)
        return 1
    write_bytes(target, new.encode("utf-8"))
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
