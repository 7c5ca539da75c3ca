"""Tables of a source, read twice: as text exactly as shown, and as typed columns and cells.

A :class:`Table` keeps what the page shows: the header cells (several header rows joined into
one line per column), the body rows as text, and the caption (or the heading above the table).
It comes from an HTML ``<table>`` (:func:`table_from_html`: ``colspan``/``rowspan`` expanded,
footnote rows set apart) or from a CSV/TSV file (:func:`tables_from_delimited`).

:func:`typed` reads it as a fact-checker would:

- every column gets a :class:`Column`: the words that say what it measures, its unit, the scale
  of its numbers and the year it is about, from the header and the caption:
  "Population (thousands, 2021)" -> measure "population", scale 1,000, year 2021;
  "Nominal GDP (US$ trillion, 2023)" -> money in USD, scale 10^12; "(%)" -> percent; "(km²)";
  "€ bn"; "Mass (Earth = 1)" -> times Earth's; a header that is a year ("2015") in a wide table
  makes the column that year, with the caption's unit;
- every cell gets a :class:`Cell`: its number (thousands separators of commas, spaces and thin
  spaces; the Unicode minus; "n/a" and dashes are empty), a time of day or duration
  ("2:02:57" -> seconds), a year or a span of years ("1671–1677");
- the key column is the first column that names things (mostly text, mostly distinct): the
  entity each row's figures are about.

Pure Python; HTML comes in as BeautifulSoup tags from :mod:`claims.passages`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Cell", "Column", "Table", "TypedTable", "parse_cell", "parse_header", "table_from_html",
           "tables_from_delimited", "typed"]


@dataclass(frozen=True, slots=True)
class Table:
    """One table as the page shows it. ``rows`` all have ``len(header)`` cells (padded with "")."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None  # <caption>, else the heading above the table
    notes: tuple[str, ...] = ()  # footnote rows: one cell spanning the table, below or above the body
    passages: tuple[int, ...] = ()  # per row, the index of its passage in the SourceText (when known)


@dataclass(frozen=True, slots=True)
class Column:
    """What a column holds, read from its header and the table's caption."""

    name: str  # the header as shown
    words: tuple[str, ...]  # the header's words without its unit and year: what it measures
    kind: str  # number | percent | money | measure | duration | date | text
    unit: str | None = None  # a currency code, a measure unit ("km", "km2", "TWh", "ft"), or a reference ("Earth")
    scale: float = 1.0  # multiply a cell's number by this: "(millions)" -> 1e6
    year: str | None = None  # the year the column is about: "(2023)", a header that is a year
    change: bool = False  # the column is a change ("Change on 2022 (%)", "Change, 2016 to 2021")
    span: tuple[str, str] | None = None  # the years of a change column: ("2016", "2021")


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    number: float | None = None  # the cell's number as written (before the column's scale)
    seconds: float | None = None  # a duration or time written h:mm:ss / m:ss
    years: tuple[int, ...] = ()  # a year ("1711") or a span of years ("1671–1677") written in the cell


@dataclass(frozen=True, slots=True)
class TypedTable:
    table: Table
    columns: tuple[Column, ...]
    cells: tuple[tuple[Cell, ...], ...]
    key: int  # the column naming each row's entity

    def value(self, row: int, column: int) -> float | None:
        """A cell's number in the column's unit with the column's scale applied."""
        number = self.cells[row][column].number
        return None if number is None else number * self.columns[column].scale


# --- reading HTML ---------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def _text(node) -> str:
    return _SPACE.sub(" ", node.get_text(" ")).strip()


def _span(cell, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, 1)), 1000))
    except (TypeError, ValueError):
        return 1


def _carry(row: list[str], column: int, carried: dict[int, tuple[str, int]]) -> int:
    """Fill the row's next columns that a cell above spans into (rowspan); the next free column."""
    while column in carried:
        text, left = carried[column]
        row.append(text)
        if left - 1 <= 0:
            del carried[column]
        else:
            carried[column] = (text, left - 1)
        column += 1
    return column


def table_from_html(node, caption: str | None = None) -> Table | None:
    """A ``<table>`` tag as a :class:`Table` (None when it has no body rows).

    Header rows are the leading rows made only of ``<th>`` cells or inside ``<thead>``; several
    of them are joined per column ("Population" over "2021" -> "Population 2021"). A body row with
    one cell spanning the whole width, or with a single non-empty cell in a table of three or more
    columns and the rest absent, is a note (a footnote, a unit line), not a row."""
    grid: list[tuple[list[str], bool, bool]] = []  # (cells, is header row, is a one-cell note)
    carried: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill) from rowspan
    for tr in node.find_all("tr"):
        if tr.find_parent("table") is not node:
            continue  # a nested table's rows
        cells = tr.find_all(("th", "td"), recursive=False)
        row: list[str] = []
        column = 0
        is_header = bool(cells) and (all(c.name == "th" for c in cells) or tr.find_parent("thead") is not None)
        widths = 0
        for cell in cells:
            column = _carry(row, column, carried)
            text = _text(cell)
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            widths += span
            for _ in range(span):
                row.append(text)
                if down > 1:
                    carried[column] = (text, down - 1)
                column += 1
        column = _carry(row, column, carried)
        if not any(row):
            continue
        note = len(cells) == 1 and (widths > 1 or len(row) == 1) and not is_header
        grid.append((row, is_header, note))
    header_rows = []
    while grid and grid[0][1]:
        header_rows.append(grid.pop(0)[0])
    body = [r for r, _, note in grid if not note]
    notes = tuple(r[0] for r, _, note in grid if note)
    width = max([len(r) for r in header_rows + body] or [0])
    if not body or width == 0:
        return None
    if len(body) > 1 and width >= 3:  # a lone short row under a wide table is a note too ("Source: ...")
        kept = []
        extra = []
        for r in body:
            if sum(1 for c in r if c) == 1 and len(r) == 1:
                extra.append(r[0])
            else:
                kept.append(r)
        body, notes = kept, notes + tuple(extra)
    header = []
    for i in range(width):
        parts: list[str] = []
        for r in header_rows:
            part = r[i] if i < len(r) else ""
            if part and (not parts or parts[-1] != part):
                parts.append(part)
        header.append(" ".join(parts))
    rows = tuple(tuple(r + [""] * (width - len(r))) for r in body)
    cap = node.find("caption")
    return Table(tuple(header), rows, _text(cap) if cap is not None else caption, notes)


def tables_from_delimited(text: str, delimiter: str | None = None) -> list[Table]:
    """A CSV or TSV file as one table: the first line is the header. ``delimiter`` is sniffed
    (comma, tab, semicolon, '#', '|') when not given."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    if delimiter is None:
        sample = "\n".join(lines[:20])
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;#|").delimiter
        except csv.Error:
            delimiter = "\t" if "\t" in lines[0] else ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [c.strip() for c in rows[0]]
    width = max(len(r) for r in rows)
    header += [""] * (width - len(header))
    body = tuple(tuple([c.strip() for c in r] + [""] * (width - len(r))) for r in rows[1:] if any(c.strip() for c in r))
    return [Table(tuple(header), body)] if body else []


# --- typed cells ------------------------------------------------------------------------------------

_MINUS = "\u2212\u2013\u2012"  # the Unicode minus and dashes used as one
_EMPTY = re.compile(r"^(?:|[-–—−]+|n/?a|none|nil|\.{2,3}|…|\*|x)$", re.I)
# A number as a cell writes it: sign, thousands separated by commas, spaces or thin spaces, a decimal
# point, and perhaps a leading currency sign or a trailing percent sign, footnote mark or unit.
_NUMBER = re.compile(
    r"""^\s*(?P<sign>[-+\u2212\u2013])?\s*(?:US\$|[$£€¥₹])?\s*
    (?P<digits>\d{1,3}(?:(?:[,\u2009\u202f\u00a0 ])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    (?P<glued>(?:k|m|mn|bn|tn)\b)?\s*(?P<tail>%|[a-z]{0,3}\b\.?|\[\w+\]|\*+|†|‡)?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_APPROX = re.compile(r"^\s*(?:about|around|approximately|approx\.?|roughly|nearly|almost|some|c\.|ca\.|~|≈)\s*", re.I)
_DURATION = re.compile(r"^\s*(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2}(?:\.\d+)?)\s*$")
_YEARS = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
_YEAR_SPAN = re.compile(r"^\s*(?:\w+\s+)?(1[0-9]{3}|20[0-9]{2})\s*[-–—]\s*(1[0-9]{3}|20[0-9]{2}|[0-9]{2})\s*$")


@lru_cache(maxsize=65536)
def parse_cell(text: str) -> Cell:
    """A cell's number, duration or years: "4,262,635", "120 536", "−0.1", "2:02:57", "1671–1677"."""
    if _EMPTY.match(text.strip()):
        return Cell(text)
    years = tuple(int(y) for y in _YEARS.findall(text))
    span = _YEAR_SPAN.match(text)
    if span:
        a, b = span.group(1), span.group(2)
        if len(b) == 2:
            b = a[:2] + b
        years = (int(a), int(b))
    duration = _DURATION.match(text)
    if duration:
        seconds = 3600 * int(duration.group("h") or 0) + 60 * int(duration.group("m")) + float(duration.group("s"))
        return Cell(text, None, seconds, years)
    m = _NUMBER.match(_APPROX.sub("", text))  # "about 20%", "c. 1,200": the number, approximate
    if m:
        # a magnitude glued to the digits ("£48m", "3.2bn"); spaced, a letter is a unit ("400 m", "5 k")
        glued = (m.group("glued") or "").lower()
        digits = re.sub(r"[,\u2009\u202f\u00a0 ]", "", m.group("digits"))
        number = float(digits)
        if m.group("sign") and m.group("sign") in "-" + _MINUS:
            number = -number
        number *= {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}.get(glued, 1.0)
        is_year = not m.group("sign") and re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", digits) is not None
        return Cell(text, number, None, years if is_year else ())
    return Cell(text, None, None, years)


# --- typed columns ----------------------------------------------------------------------------------

_SCALE_WORDS = {
    "thousand": 1e3, "thousands": 1e3, "000s": 1e3, "'000": 1e3, "’000": 1e3, "k": 1e3,
    "million": 1e6, "millions": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9,
    "trillion": 1e12, "trillions": 1e12, "tn": 1e12,
}
_CURRENCIES = {
    "us$": "USD", "$": "USD", "usd": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "¥": "JPY", "jpy": "JPY", "yen": "JPY", "₹": "INR", "inr": "INR",
    "rupees": "INR", "chf": "CHF", "cad": "CAD", "aud": "AUD", "cny": "CNY", "yuan": "CNY",
}
# Units a header may state, as the measure unit the quantity extractor uses.
_UNITS = {
    "km": "km", "kilometres": "km", "kilometers": "km", "m": "m", "metres": "m", "meters": "m",
    "cm": "cm", "mm": "mm", "mi": "mi", "miles": "mi", "ft": "ft", "feet": "ft", "in": "in",
    "km²": "km2", "km2": "km2", "sq km": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "mi²": "sq mi", "sq mi": "sq mi", "ha": "ha", "hectares": "ha", "m²": "m2",
    "kg": "kg", "t": "t", "tonnes": "t", "tons": "t", "g": "g", "lb": "lb",
    "°c": "°C", "°f": "°F", "k": "K",
    "twh": "TWh", "gwh": "GWh", "mwh": "MWh", "kwh": "kWh", "gw": "GW", "mw": "MW", "kw": "kW",
    "s": "seconds", "sec": "seconds", "seconds": "seconds", "min": "minutes", "minutes": "minutes", "h": "hours", "hours": "hours",
    "days": "days", "years": "years",
}
_PAREN = re.compile(r"\(([^()]*)\)")
_REFERENCE = re.compile(r"^\s*(?P<ref>[A-Z][\w ]*?)\s*=\s*1\s*$")  # "Earth = 1"
_YEAR_ONLY = re.compile(r"^\s*(?:FY\s*)?(1[89][0-9]{2}|20[0-9]{2})(?:\s*\(?[a-z]\)?)?\s*$", re.I)
_CHANGE = re.compile(r"\b(?:change|growth|increase|decrease|rise|fall|up|down|y/y|yoy|on\s+previous)\b", re.I)
_SINCE_YEAR = re.compile(r"\b(?:on|from|since|vs\.?|versus|compared\s+(?:with|to)|over)\s+(1[89][0-9]{2}|20[0-9]{2})\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_HEADER_STOP = frozenset("of the a an in on at to for by per and or from with as".split())


def _unit_of(piece: str) -> tuple[str | None, str | None, float, bool]:
    """(currency, unit, scale, percent) stated by a piece of a header: "US$ trillion", "km²", "%"."""
    low = piece.strip().lower()
    currency = unit = None
    scale = 1.0
    percent = "%" in low or "percent" in low or "per cent" in low
    for sign in ("us$", "$", "£", "€", "¥", "₹"):
        if sign in low:
            currency = _CURRENCIES[sign]
            low = low.replace(sign, " ")
            break
    tokens = [t for t in re.split(r"[\s,;/]+", low) if t]
    rest = []
    for token in tokens:
        if token in _SCALE_WORDS and token not in {"m", "k"}:
            scale = _SCALE_WORDS[token]
        elif token in _CURRENCIES and currency is None and token not in {"$", "£", "€"}:
            currency = _CURRENCIES[token]
        else:
            rest.append(token)
    joined = " ".join(rest)
    if joined in _UNITS:
        unit = _UNITS[joined]
    elif rest:
        if rest[-1] in _UNITS and len(rest) <= 2 and (rest[0] in _SCALE_WORDS or len(rest) == 1):
            unit = _UNITS[rest[-1]]
            if rest[0] in _SCALE_WORDS and len(rest) == 2:
                scale = _SCALE_WORDS[rest[0]]
        elif len(rest) == 1 and rest[0] in _SCALE_WORDS:
            scale = _SCALE_WORDS[rest[0]]
    return currency, unit, scale, percent


@lru_cache(maxsize=4096)
def parse_header(name: str, caption: str = "") -> Column:
    """What a header says its column holds; the caption's unit ("(%)") applies to a column whose own
    header is only a year or has no unit."""
    currency = unit = reference = None
    scale = 1.0
    percent = False
    year = None
    extra: list[str] = []
    for piece in _PAREN.findall(name) + ([] if "(" in name else [p for p in re.split(r",", name)[1:]]):
        ref = _REFERENCE.match(piece)
        if ref:
            reference = ref.group("ref").strip()
            continue
        for part in piece.split(","):
            y = _YEAR_ONLY.match(part)
            if y:
                year = y.group(1)
                continue
            c, u, s, p = _unit_of(part)
            if not (c or u or p or s != 1.0):
                extra.append(part)  # "Margin (votes)": words, not a unit
            currency = currency or c
            unit = unit or u
            scale = s if s != 1.0 else scale
            percent = percent or p
    words_text = _PAREN.sub(" ", name) + " " + " ".join(extra)
    # a unit written after the words without brackets: "GDP € bn", "Length km", "Share %"
    tail = re.search(r"(?:\s|^)((?:US\$|[$£€¥₹])\s*(?:bn|m|mn|million|billion|trillion|tn)?|%|km²|km2|twh|gwh|kwh|ft|km|kg)\s*$",
                     words_text, re.I)
    if tail:
        c, u, s, p = _unit_of(tail.group(1))
        currency, unit, percent = currency or c, unit or u, percent or p
        scale = s if s != 1.0 else scale
        words_text = words_text[: tail.start()]
    header_year = _YEAR_ONLY.match(name)
    if header_year:
        year = header_year.group(1)
    span_years = _YEARS.findall(name)
    change = bool(_CHANGE.search(name))
    span = (span_years[0], span_years[1]) if change and len(span_years) >= 2 else None
    since = _SINCE_YEAR.search(name)
    if change and len(span_years) == 1 and since:
        span = (since.group(1), "")  # "Change on 2022": from that year to the column's own
    elif len(span_years) == 1 and year is None:
        year = span_years[0]  # "Population, 2021", "Real GDP growth, 2023 (%)": the year it is about
    if not (currency or unit or percent or reference) and caption:
        # the caption states the unit for columns that state none: "... selected countries (%)"
        for piece in _PAREN.findall(caption):
            c, u, s, p = _unit_of(piece)
            if c or u or p or s != 1.0:
                currency, unit, percent = c, u, p
                scale = s
                break
    words = tuple(w.lower() for w in _WORD.findall(words_text) if w.lower() not in _HEADER_STOP)
    if percent:
        kind = "percent"
    elif currency:
        kind = "money"
    elif unit in {"seconds", "minutes", "hours"}:
        kind = "duration"
    elif unit or reference:
        kind = "measure"
    else:
        kind = "number"
    return Column(name, words, kind, currency or unit or reference, scale, year, change, span)


def _key_column(table: Table, cells: list[list[Cell]]) -> int:
    """The first column that names things: most of its cells are text (not numbers, durations, years
    or dates) and most are distinct; the first column when none does (quarters, monitoring years)."""
    n = len(table.rows)
    for i in range(len(table.header)):
        texts = [table.rows[r][i] for r in range(n)]
        textual = sum(1 for r in range(n) if cells[r][i].number is None and cells[r][i].seconds is None and texts[r]
                      and not cells[r][i].years)  # a date names a row's time, not its entity

        if textual >= 0.6 * n and len(set(texts)) >= 0.6 * n:
            return i
    return 0


@lru_cache(maxsize=256)
def typed(table: Table) -> TypedTable:
    """The table's columns and cells typed (cached: a table is read once however many claims ask)."""
    caption = table.caption or ""
    cells = [[parse_cell(c) for c in row] for row in table.rows]
    columns = []
    for i, name in enumerate(table.header):
        column = parse_header(name, caption)
        numbers = [cells[r][i] for r in range(len(table.rows))]
        if column.kind == "number" and numbers and sum(1 for c in numbers if c.text.rstrip().endswith("%")) > len(numbers) / 2:
            column = Column(column.name, column.words, "percent", None, 1.0, column.year, column.change, column.span)
        elif numbers and sum(1 for c in numbers if c.seconds is not None) >= len(numbers) / 2:
            column = Column(column.name, column.words, "duration", "seconds", 1.0, column.year, column.change, column.span)
        elif numbers and sum(1 for c in numbers if c.number is None and c.seconds is None and c.text) > len(numbers) / 2:
            column = Column(column.name, column.words, "text", None, 1.0, column.year, column.change, column.span)
        columns.append(column)
    return TypedTable(table, tuple(columns), tuple(tuple(r) for r in cells), _key_column(table, cells))
