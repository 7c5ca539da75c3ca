"""Source documents as passages: paragraphs, list items, headings as context, and table rows.

A table row becomes one passage that names its columns ("Region: Abkhazia | Area (km²): 8,660"),
so a figure in a cell keeps what it measures. Every passage's offsets index the snapshot text,
which is the passages joined by blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from bs4.element import Tag

__all__ = ["Passage", "SourceText", "passages_from_html", "passages_from_text"]

# Elements that never hold source text.
_NOISE = ("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe", "svg", "button")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = (*_HEADINGS, "p", "li", "blockquote", "pre", "dd", "dt", "table")
_SPACE = re.compile(r"\s+")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True, slots=True)
class Passage:
    text: str
    start: int
    end: int
    kind: str  # paragraph | heading | list_item | table_row
    context: str | None = None  # the nearest heading above, or the table's caption


@dataclass(frozen=True, slots=True)
class SourceText:
    title: str | None
    text: str
    passages: tuple[Passage, ...]


def _clean(node: Tag) -> str:
    return _SPACE.sub(" ", node.get_text(" ")).strip()


def _table_rows(table: Tag) -> list[str]:
    rows = table.find_all("tr")
    headers: list[str] = []
    out: list[str] = []
    for row in rows:
        cells = row.find_all(("th", "td"))
        texts = [_clean(c) for c in cells]
        if not any(texts):
            continue
        if not headers and (all(c.name == "th" for c in cells) or row.find_parent("thead") is not None):
            headers = texts
            continue
        if headers and len(headers) == len(texts):
            out.append(" | ".join(f"{h}: {t}" if h else t for h, t in zip(headers, texts)))
        else:
            out.append(" | ".join(t for t in texts if t))
    return out


def passages_from_html(html: str | bytes) -> SourceText:
    soup = BeautifulSoup(html, "lxml")
    title = soup.title.string.strip() if soup.title and soup.title.string else None
    for tag in soup.find_all(_NOISE):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    pieces: list[tuple[str, str, str | None]] = []
    heading: str | None = None
    for block in root.find_all(_BLOCKS):
        if block.name != "table" and block.find_parent(_BLOCKS) is not None:
            continue
        if block.name == "table":
            if block.find_parent("table") is not None:
                continue
            caption = block.find("caption")
            context = _clean(caption) if caption else heading
            pieces.extend((row, "table_row", context) for row in _table_rows(block))
            continue
        text = _clean(block)
        if not text:
            continue
        if block.name in _HEADINGS:
            heading = text
            pieces.append((text, "heading", None))
        else:
            pieces.append((text, "list_item" if block.name == "li" else "paragraph", heading))
    if not pieces and isinstance(root, Tag):
        text = _clean(root)
        if text:
            pieces.append((text, "paragraph", None))
    return _assemble(title, pieces)


def passages_from_text(text: str, title: str | None = None) -> SourceText:
    """Plain text: one passage per paragraph (blank-line separated); offsets index ``text`` itself."""
    passages: list[Passage] = []
    cursor = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        stop = match.start() if match else len(text)
        s, e = cursor, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            passages.append(Passage(text[s:e], s, e, "paragraph"))
        if match:
            cursor = match.end()
    return SourceText(title, text, tuple(passages))


def _assemble(title: str | None, pieces: list[tuple[str, str, str | None]]) -> SourceText:
    passages: list[Passage] = []
    parts: list[str] = []
    cursor = 0
    for text, kind, context in pieces:
        if parts:
            cursor += 2
        passages.append(Passage(text, cursor, cursor + len(text), kind, context))
        parts.append(text)
        cursor += len(text)
    return SourceText(title, "\n\n".join(parts), tuple(passages))
