"""Rendering untrusted article text into Markdown artifacts: everything is escaped."""

from __future__ import annotations

import html
import re

__all__ = ["escape", "md_table"]

# Characters with a meaning in Markdown (CommonMark's ASCII punctuation that can start syntax).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_LINEBREAKS = re.compile(r"[\r\n]+")


def escape(text: object) -> str:
    """Plain text safe inside Markdown: HTML entities for <, >, &, backslashes before syntax, one line."""
    if text is None:
        return ""
    flat = _LINEBREAKS.sub(" ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def md_table(columns: list[str], rows: list[list[object]]) -> str:
    head = "| " + " | ".join(escape(c) for c in columns) + " |"
    rule = "|" + "|".join(" --- " for _ in columns) + "|"
    body = ["| " + " | ".join(escape(v) for v in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])
