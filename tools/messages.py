"""List the message ids in the code, and write generator/locale/vi.po with any new ones added.

Usage: python tools/messages.py [--check]   (--check: exit 1 when a message has no translation)
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "generator" / "locale" / "vi.po"
MO = PO.with_suffix(".mo")
# Where a message id stands in each call that takes one (1-based argument position).
KEYWORDS = {"Message": (1,), "problem": (2,), "fail_at": (3,), "fail": (1,), "say": (1,),
            "N_": (1,), "_failed": (1,), "_warn": (4,), "need": (2,), "found": (3,)}


def code_messages(files: tuple[str, ...] = ("**.py",)) -> list[str]:
    """Every message id written in the package's code (or in the named modules, paths inside
    generator/)."""
    missing = [name for name in files
               if "*" not in name and not (ROOT / "generator" / name).is_file()]
    if missing:  # a pattern that matches nothing would make a test over it pass vacuously
        raise FileNotFoundError(f"no such module in generator/: {', '.join(missing)}")
    found = extract_from_dir(str(ROOT / "generator"),
                             method_map=[(pattern, "python") for pattern in files],
                             keywords=KEYWORDS, comment_tags=(), strip_comment_tags=True)
    ids = []
    for _file, _line, message, _comments, _context in found:
        text = message if isinstance(message, str) else message[0]
        if text and text not in ids:
            ids.append(text)
    return ids


def read_catalog() -> Catalog:
    """The Vietnamese catalog as it is on disk (an empty one if there is none yet)."""
    if not PO.exists():
        return Catalog(locale="vi", project="plangen")
    with PO.open("rb") as handle:
        return read_po(handle, locale="vi")


def compiled(catalog: Catalog) -> bytes:
    """The .mo the program reads at run time, compiled from the catalog (byte-stable)."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def translations(catalog: Catalog) -> dict[str, object]:
    """Each message id with its translation, the header (the empty id) left out."""
    return {str(message.id): message.string for message in catalog if message.id}


def mo_is_current() -> bool:
    """Whether vi.mo holds the messages of vi.po (compared parsed, so Babel's version header,
    which changes with every Babel release, never matters)."""
    if not MO.exists():
        return False
    with MO.open("rb") as handle:
        on_disk = read_mo(handle)
    return translations(on_disk) == translations(read_catalog())


def main() -> int:
    """Add new ids to vi.po (untranslated); with --check, fail when any is untranslated."""
    catalog = read_catalog()
    ids = code_messages()
    missing = [i for i in ids if i not in catalog or not catalog[i].string]
    if "--check" in sys.argv:
        for msgid in missing:
            print(f"untranslated: {msgid}")
        stale = not mo_is_current()
        if stale:
            print(f"{MO.relative_to(ROOT)} is not compiled from vi.po: run `make messages`")
        return 1 if missing or stale else 0
    for msgid in ids:
        if msgid not in catalog:
            catalog.add(msgid, "")
    for message in list(catalog):
        if message.id and message.id not in ids:
            catalog.delete(message.id)
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=True)
    MO.write_bytes(compiled(read_catalog()))
    print(f"{len(ids)} messages, {len(missing)} untranslated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
