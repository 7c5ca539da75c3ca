"""Source documents as passages: paragraphs, list items, headings as context, and table rows.

A table row becomes one passage that names its columns ("Region: Abkhazia | Area (km²): 8,660"),
so a figure in a cell keeps what it measures; the table itself is kept too (``SourceText.tables``,
:class:`claims.tables.Table`), each row pointing at its passage, so that a claim can be checked
against a cell by its row and column. A CSV or TSV source is one table. Every passage's offsets
index the snapshot text, which is the passages joined by blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup
from bs4.element import Tag

from claims.tables import Table, table_from_html, tables_from_delimited

__all__ = ["Passage", "SourceText", "passages_from_delimited", "passages_from_html", "passages_from_text"]

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
    tables: tuple[Table, ...] = ()  # each row's ``passages`` entry indexes ``passages``


def _clean(node: Tag) -> str:
    return _SPACE.sub(" ", node.get_text(" ")).strip()


def _row_text(table: Table, row: tuple[str, ...]) -> str:
    """A row as one passage that names its columns: "Region: Wales | Population (thousands, 2021): 3,107"."""
    return " | ".join(f"{h}: {t}" if h else t for h, t in zip(table.header, row) if t)


def passages_from_html(html: str | bytes) -> SourceText:
    soup = BeautifulSoup(html, "lxml")
    title = soup.title.string.strip() if soup.title and soup.title.string else None
    for tag in soup.find_all(_NOISE):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    pieces: list[tuple[str, str, str | None]] = []
    tables: list[Table] = []
    heading: str | None = None
    for block in root.find_all(_BLOCKS):
        if block.name != "table" and block.find_parent(_BLOCKS) is not None:
            continue
        if block.name == "table":
            if block.find_parent("table") is not None:
                continue
            table = table_from_html(block, heading)
            if table is None:
                continue
            context = table.caption or heading
            first = len(pieces)
            pieces.extend((_row_text(table, row), "table_row", context) for row in table.rows)
            pieces.extend((note, "paragraph", context) for note in table.notes)
            tables.append(_with_passages(table, range(first, first + len(table.rows))))
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
    return _assemble(title, pieces, tables)


def passages_from_delimited(text: str, title: str | None = None, delimiter: str | None = None) -> SourceText:
    """A CSV or TSV file: one table, one passage per row."""
    pieces: list[tuple[str, str, str | None]] = []
    tables = []
    for table in tables_from_delimited(text, delimiter):
        table = Table(table.header, table.rows, title)
        first = len(pieces)
        pieces.extend((_row_text(table, row), "table_row", title) for row in table.rows)
        tables.append(_with_passages(table, range(first, first + len(table.rows))))
    return _assemble(title, pieces, tables)


def _with_passages(table: Table, indexes: range) -> Table:
    return Table(table.header, table.rows, table.caption, table.notes, tuple(indexes))


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


def _assemble(title: str | None, pieces: list[tuple[str, str, str | None]], tables: list[Table] = ()) -> SourceText:
    passages: list[Passage] = []
    parts: list[str] = []
    cursor = 0
    for text, kind, context in pieces:
        if parts:
            cursor += 2
        passages.append(Passage(text, cursor, cursor + len(text), kind, context))
        parts.append(text)
        cursor += len(text)
    return SourceText(title, "\n\n".join(parts), tuple(passages), tuple(tables))
