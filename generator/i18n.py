"""Translate messages: English msgids, Vietnamese (default) from a gettext catalog read by Babel."""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

from .errors import Message, Problem, format_path

LANGUAGES = ("vi", "en")
CATALOG_DIR = Path(__file__).resolve().parent / "locale"


@cache
def catalog(lang: str) -> dict[str, str]:
    """msgid → translation for a language; English is the msgids themselves."""
    if lang == "en":
        return {}
    with (CATALOG_DIR / f"{lang}.po").open("rb") as handle:
        po = read_po(handle, locale=lang)
    return {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}


def translate(message: Message, lang: str) -> str:
    """The message in a language, with its parameters (themselves possibly messages) filled in."""
    template = catalog(lang).get(message.msgid, message.msgid)
    params: dict[str, Any] = {
        key: translate(value, lang) if isinstance(value, Message) else value
        for key, value in message.params.items()
    }
    return template.format(**params)


def format_problem(problem: Problem, lang: str) -> str:
    """FILE:LINE:COL: field.path: message."""
    return (f"{problem.file}:{problem.line}:{problem.column}: {format_path(problem.path)}: "
            f"{translate(problem.message, lang)}")
