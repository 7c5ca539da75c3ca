"""Rendering untrusted article text into Markdown artifacts: every cell and line goes through one escape.

The Prefect UI (3.9) renders markdown artifacts and every table cell as Markdown with inline HTML
and GitHub-style autolinks, so :func:`escape` turns text into text: HTML entities for ``<``, ``>``
and ``&``, a backslash before each character that can start Markdown syntax or an autolink, one
line (a bare ``https://…``, ``www.…`` or ``name@host`` shows as written, not as a link).
:func:`table_cell` is the same for a table artifact's cell, with numbers kept as numbers.
:func:`link` makes the one kind of markup built from untrusted input, a link to an article's http(s)
URL: its text escaped, its URL percent-encoded so that neither can end the link or the table cell.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

__all__ = ["Markdown", "escape", "link", "link_target", "md_table", "shorten", "table_cell"]

# Characters with a meaning in Markdown (CommonMark's ASCII punctuation that can start syntax).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>:@])")
_LINEBREAKS = re.compile(r"[\r\n]+")
# What may stay as it is in a link's URL; everything else (spaces, quotes, ( ) < > [ ] | ` \ *, controls,
# non-ASCII) is percent-encoded, so the URL cannot end the link, the table cell or start markup.
_URL_SAFE = "/:?#=&%+,;@!$~-._"


class Markdown(str):
    """Markdown built here from escaped parts (e.g. by :func:`link`): ``md_table`` keeps it as it is."""


def escape(text: object) -> str:
    """Plain text safe inside Markdown: HTML entities for <, >, &, backslashes before syntax, one line.
    The backslash before ``:`` and ``@`` keeps a bare ``https://…`` or ``name@host`` from becoming a
    link (an autolink needs its ``://`` or ``@`` unbroken), and the one before ``.`` does the same
    for ``www.…``."""
    if text is None:
        return ""
    flat = _LINEBREAKS.sub(" ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def shorten(text: object, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis (plain text: escape it after)."""
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


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


def link(text: object, url: object) -> Markdown:
    """``[text](url)`` when ``url`` is an http(s) URL, else the escaped text (or escaped ``url`` when
    there is no text): a local path or another scheme (``javascript:``) is never made a link."""
    label = escape(" ".join(str(text or "").split())) or escape(str(url or "").strip())
    target = link_target(url)
    return Markdown(f"[{label}]({target})" if target else label)


def link_target(url: object) -> str | None:
    """An http(s) URL percent-encoded to be a link's target (Markdown or Slack), or None for anything else."""
    location = str(url or "").strip()
    try:
        parts = urlsplit(location)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(location, safe=_URL_SAFE)


def md_table(columns: list[str], rows: list[list[object]]) -> str:
    head = "| " + " | ".join(escape(c) for c in columns) + " |"
    rule = "|" + "|".join(" --- " for _ in columns) + "|"
    body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join([head, rule, *body])


def _cell(value: object) -> str:
    return value if isinstance(value, Markdown) else escape(value)
