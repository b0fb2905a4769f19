"""Fill translations into generator/locale/vi.po from a Python file defining VI = {msgid: msgstr}.

Usage: python tools/fill_po.py FILE.py   (then `make messages` compiles vi.mo)
"""
from __future__ import annotations

import runpy
import sys

from babel.messages.pofile import write_po
from messages import PO, read_catalog


def main() -> int:
    """Set each given msgstr; refuse ids the catalog does not have (a typo would be lost)."""
    given: dict[str, str] = runpy.run_path(sys.argv[1])["VI"]
    catalog = read_catalog()
    unknown = [msgid for msgid in given if msgid not in catalog]
    for msgid in unknown:
        print(f"not in vi.po: {msgid}", file=sys.stderr)
    for msgid, text in given.items():
        if msgid in catalog:
            catalog[msgid].string = text
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=True)
    return 1 if unknown else 0


if __name__ == "__main__":
    sys.exit(main())
