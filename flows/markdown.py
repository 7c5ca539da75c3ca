"""Rendering untrusted article text into Markdown artifacts: every cell and line goes through one escape.

The Prefect UI (3.9) renders markdown artifacts and every table cell as Markdown with inline HTML
and GitHub-style autolinks, so :func:`escape` turns text into text: HTML entities for ``<``, ``>``
and ``&``, a backslash before each character that can start Markdown syntax or an autolink, one
line (a bare ``https://…``, ``www.…`` or ``name@host`` shows as written, not as a link).
:func:`table_cell` is the same for a table artifact's cell, with numbers kept as numbers.
"""

from __future__ import annotations

import html
import re

__all__ = ["escape", "md_table", "table_cell"]

# Characters with a meaning in Markdown (CommonMark's ASCII punctuation that can start syntax).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:@])")
_LINEBREAKS = re.compile(r"[\r\n]+")


def escape(text: object) -> str:
    """Plain text safe inside Markdown: HTML entities for <, >, &, backslashes before syntax, one line.
    The backslash before ``:`` and ``@`` keeps a bare ``https://…`` or ``name@host`` from becoming a
    link (an autolink needs its ``://`` or ``@`` unbroken), and the one before ``.`` does the same
    for ``www.…``."""
    if text is None:
        return ""
    flat = _LINEBREAKS.sub(" ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def table_cell(value: object, limit: int | None = None) -> object:
    """A value for a table artifact cell: numbers as they are, text flattened, cut to ``limit`` and escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return round(value, 3) if isinstance(value, float) else value
    text = " ".join(str(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return escape(text)


def md_table(columns: list[str], rows: list[list[object]]) -> str:
    head = "| " + " | ".join(escape(c) for c in columns) + " |"
    rule = "|" + "|".join(" --- " for _ in columns) + "|"
    body = ["| " + " | ".join(escape(v) for v in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])
