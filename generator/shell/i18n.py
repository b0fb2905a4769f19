"""Translate messages: English msgids, Vietnamese (default) from a gettext catalog read by Babel."""
from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Any

from generator.shell.errors import Message, Problem, format_path

LANGUAGES = ("vi", "en")
CATALOG_DIR = Path(__file__).resolve().parents[1] / "locale"


@cache
def catalog(lang: str) -> dict[str, str]:
    """msgid → translation for a language; English is the msgids themselves.

    Read from the .mo that tools/messages.py compiles from the .po with Babel: the standard
    library reads it in well under a millisecond, where parsing the .po costs ~15 ms a start.
    """
    if lang == "en":
        return {}
    with (CATALOG_DIR / f"{lang}.mo").open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    messages: dict[str, str] = translations._catalog  # type: ignore[attr-defined]
    return {str(k): str(v) for k, v in messages.items() if k}


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
