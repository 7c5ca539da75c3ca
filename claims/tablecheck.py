"""A claim's figures and dates against the typed tables of a source: the row of its subject, the column of its measure.

A cell decides a claim only when its row is the claim's subject and its column the claim's measure:

- **row**: the row whose key cell (or another name cell) names the claim's subject ("Alberta",
  "Dallas/Fort Worth (DFW)" for "Dallas/Fort Worth", "Yellow River (Huang He)"); every other name
  of the claim must be the table's own topic (its caption, the page's title or first heading:
  "Hydropower plants in Germany" against a German generation table). Several rows left: the claim's
  year or other words choose one, else the table decides nothing;
- **column**: a column of the figure's kind (a percent, money in the claim's currency, a measure of
  the same dimension, a duration, a count) whose header — with the caption for a table that puts its
  unit there, and a year column for a wide table — covers what the figure measures, for the claim's
  year; a change ("grew by 5.8 percent between 2016 and 2021") wants a change column, or two year
  columns to compute it from ("rose by 36 percentage points", "nearly doubled");
- **value**: the cell with the column's scale and unit ("Population (thousands, 2021)" = 3,107 ->
  3,107,000) compared with the claim's figure at the claim's precision (:func:`claims.compare.agree`).

Each decision is a :class:`Finding` naming the cell and the comparison:
``claim 'about 4.3 million people' vs "Population, 2021" = 4,262,635 for Alberta``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from claims.documents import Reading, claim_names
from claims.compare import REFUTES, SUPPORTS, agree, date_at_precision, rounding_unit, same_dimension, to_base
from claims.frame import Figure, Frame, demonym_country, synonyms, word_stems
from claims.model import DateMention
from claims.passages import SourceText
from claims.tables import Table, TypedTable, typed

__all__ = ["Finding", "check_tables", "covered"]

MIN_MEASURE = 0.5  # share of a figure's measure words a column (with its table's context) must cover
FRACTION_BAND = 0.1  # "about a fifth" holds within 10% of 20%


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence for one part of a claim."""

    part: str  # the claim's figure or date as written, or "statement"
    stance: str  # supports | refutes
    passage: int  # the passage (a table row or a paragraph) in the source's passages
    explanation: str  # the comparison: claim 'about 4.3 million people' vs 'Population, 2021' = 4,262,635 for Alberta
    quote: str = ""  # the sentence compared, for a finding in prose (a table cell's explanation says it all)


def _matches(word: str, words: frozenset[str]) -> bool:
    """Is the stem among ``words``, as itself, a synonym, or a longer or shorter form of it ("drain" and
    "drainage", stemmed "drainag")?"""
    if word in words or synonyms(word) & words:
        return True
    if len(word) >= 4:
        return any(w.startswith(word) or word.startswith(w) for w in _by_prefix(words).get(word[:4], ()))
    return False


@lru_cache(maxsize=8192)
def _by_prefix(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The words of four letters or more by their first four (a sentence's words are read for many claims)."""
    index: dict[str, list[str]] = {}
    for w in words:
        if len(w) >= 4:
            index.setdefault(w[:4], []).append(w)
    return {k: tuple(v) for k, v in index.items()}


def covered(measure: frozenset[str], words: frozenset[str]) -> float:
    """Share of the measure words found among ``words``, a synonym or another form counting as the word."""
    if not measure:
        return 1.0
    return sum(1 for m in measure if _matches(m, words)) / len(measure)


_PAREN = re.compile(r"\(([^()]*)\)")
_CODE = re.compile(r"-\d+\b")  # "EU-27"


@lru_cache(maxsize=65536)
def _cell_forms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A name cell's stems without its bracketed part, and the bracketed part's ("Yellow River (Huang He)")."""
    inner = " ".join(_PAREN.findall(text))
    outer = _CODE.sub("", _PAREN.sub(" ", text))
    return word_stems(outer), word_stems(inner)


@dataclass(frozen=True, slots=True)
class _TableWords:
    context: frozenset[str]  # stems of the caption and the page's topic
    key_forms: tuple[tuple[frozenset[str], frozenset[str]], ...]  # per row, the key cell's forms
    text_columns: tuple[int, ...]  # columns of names or words (not figures)
    document: frozenset[str]  # every stem of the table's document
    implicit: bool  # the document names no one in its title: it may be about a claim's name it never writes


@lru_cache(maxsize=256)
def _table_words(table: Table, topic: str, document: frozenset[str] = frozenset(), implicit: bool = False) -> _TableWords:
    tt = typed(table)
    text_columns = tuple(i for i, c in enumerate(tt.columns) if c.kind == "text")
    return _TableWords(word_stems((table.caption or "") + " " + topic),
                       tuple(_cell_forms(row[tt.key]) for row in table.rows), text_columns, document, implicit)


_PARTIAL_KEY = re.compile(r"\b(?:other|others|rest|remaining|excluding|non-)\b", re.I)


def _row_matches(words: _TableWords, row: int, claim_words: frozenset[str], names: tuple[str, ...], key: str) -> int:
    """How many of the claim's words the row's key names: 0 when it names none. A key for a remainder
    ("Other renewables") names only what a claim calls the same."""
    outer, inner = words.key_forms[row]
    if _PARTIAL_KEY.search(key) and not _PARTIAL_KEY.search(" ".join(names)):
        return 0
    if outer and all(_matches(w, claim_words) for w in outer):
        return len(outer)
    if inner and all(_matches(w, claim_words) for w in inner):
        return len(inner)
    score = 0
    for name in names:
        stems = word_stems(name)
        if stems and (stems <= outer or stems <= inner):
            score += len(stems)
    return score


def _names_placed(names: tuple[str, ...], tt: TypedTable, words: _TableWords, row: int) -> bool:
    """Is every name of the claim the row's, a column's, or the table's topic?"""
    row_words = frozenset().union(*(word_stems(tt.table.rows[row][i]) for i in words.text_columns + (tt.key,)))
    header_words = frozenset(w for c in tt.columns for w in word_stems(c.name))
    known = row_words | header_words | words.context
    for name in names:
        stems = word_stems(name) - {"world", "earth"}
        if stems and not all(_matches(s, known) or _country_in(s, known) for s in stems):
            if words.implicit and not stems & words.document:
                continue  # a release that never names its country is about the claim's, if any
            return False
    return True


_QUARTER_OF = {1: "Q1", 2: "Q1", 3: "Q1", 4: "Q2", 5: "Q2", 6: "Q2", 7: "Q3", 8: "Q3", 9: "Q3", 10: "Q4", 11: "Q4", 12: "Q4"}


def _is_period_key(tt: TypedTable) -> bool:
    """Are the rows periods ("January–March 2023", "2022–23", "2019")? Then a claim's date picks the row."""
    cells = [tt.cells[r][tt.key] for r in range(len(tt.table.rows))]
    return bool(cells) and sum(1 for c in cells if c.years) >= 0.8 * len(cells)


@lru_cache(maxsize=4096)
def _period(text: str) -> tuple[str, ...]:
    """The years, quarters or months a period cell names: "October–December 2023" -> ("2023-Q4",)."""
    from claims.documents import period_values

    return period_values(text)


def _period_matches(cell: str, frame: Frame) -> bool:
    """Is the row's period the claim's: its year or quarter, else the year of its date ("in the year to
    July 2023" is the monitoring year 2022–23)?"""
    if frame.year:
        return str(frame.year) in _period(cell)
    years = {d.value[:4] for d in frame.dates if d.value}
    return len(years) == 1 and years.pop() in _period(cell)


def _country_in(word: str, words: frozenset[str]) -> bool:
    """A country's adjective matches the country ("colombian" and "colombia")."""
    country = demonym_country(word)
    return bool(country) and word_stems(country) <= words


def _subject_rows(tt: TypedTable, words: _TableWords, frame: Frame, clause: str, reading: Reading,
                  other: str | None = None) -> list[int]:
    """The rows a figure's clause (or, for a date, the claim) is about; ``other`` is a name the figure is
    compared with ("as massive as Earth"), not its subject."""
    everyone = tuple(n for n in frame.names + ((frame.lead,) if frame.lead else ()) if n != other)
    if other:
        clause = clause.replace(other, " ")
    names = tuple(n for n in everyone if n in clause)
    if not names:  # "worth about $17.8 trillion" in "China's economy, worth ...": the claim's subject
        names, clause = everyone, frame.text
    claim_words = word_stems(clause)
    required = claim_names(frame, clause, reading)
    if _is_period_key(tt):
        rows = [r for r in range(len(tt.table.rows)) if _period_matches(tt.table.rows[r][tt.key], frame)]
        return [r for r in rows if _names_placed(required, tt, words, r)] if len(rows) == 1 else []
    scores = [_row_matches(words, r, claim_words, names, tt.table.rows[r][tt.key]) for r in range(len(tt.table.rows))]
    best = max(scores, default=0)
    if best == 0:
        return []
    rows = [r for r, s in enumerate(scores) if s == best]
    if len(rows) > 1:  # the claim's year, or another of its words in the row, chooses among them
        narrowed = [r for r in rows if frame.year and any(str(frame.year)[:4] in c for c in tt.table.rows[r])]
        if len(narrowed) >= 1:
            rows = narrowed
    return [r for r in rows if _names_placed(required, tt, words, r)]


def _column_fits(figure: Figure, column) -> bool:
    q = figure.quantity
    if figure.multiple is not None and figure.relative_to:
        return column.kind == "measure" and column.unit is not None and column.unit.lower() == figure.relative_to.lower()
    if figure.multiple is not None:  # "nearly doubled": a ratio of two cells of any figures
        return column.kind in {"percent", "money", "measure", "number"}
    if figure.seconds is not None:
        return column.kind == "duration"
    if q.kind in {"percent", "fraction"} or figure.points:
        return column.kind == "percent"
    if q.kind == "money":
        return column.kind == "money" and (column.unit is None or q.unit is None or column.unit == q.unit)
    if q.kind == "measure":
        return column.kind in {"measure", "duration"} and same_dimension(q.unit, column.unit)
    if q.kind == "count":
        return column.kind == "number" or (column.kind == "measure" and column.unit is None)
    return False


def _counts_same_thing(figure: Figure, column_words: frozenset[str], context: frozenset[str]) -> bool:
    """A count must say what it counts, and that must be what the column counts: "146 known moons" and
    "Known moons", "15 gold medals" and "Gold" in a medal table; not "13 rings" and "Known moons", and
    never a bare number ("season 19", "only 1 date")."""
    q = figure.quantity
    if q.kind != "count" or figure.multiple is not None:
        return True
    nouns = word_stems(q.unit) if q.unit else frozenset()
    if not nouns:
        return False
    if not column_words:  # a year column: the caption says what its cells count
        return covered(nouns, context) == 1.0
    if covered(nouns, column_words) == 1.0:
        return True
    return bool(column_words) and column_words <= figure.measure and covered(nouns, context) == 1.0


def _cell_value(tt: TypedTable, row: int, col: int, figure: Figure) -> float | None:
    """The cell in the figure's unit: the column's scale applied, measures converted."""
    column = tt.columns[col]
    cell = tt.cells[row][col]
    if column.kind == "duration":
        return cell.seconds if cell.seconds is not None else (None if cell.number is None else cell.number * 60 if column.unit == "minutes" else cell.number)
    value = tt.value(row, col)
    if value is None:
        return None
    q = figure.quantity
    if q.kind == "measure" and column.unit and q.unit and column.unit != q.unit:
        a, b = to_base(value, column.unit), to_base(1.0, q.unit)
        if a is None or b is None:
            return None
        value = a[1] / b[1] if a[0] != "temperature" else None
        if value is None:  # temperatures: convert the claim to the column's unit instead
            return None
    return value


def _claimed(figure: Figure, column) -> tuple[float, float]:
    """The claim's value and the last digit it is written to, in the column's terms."""
    q = figure.quantity
    value, unit = q.value, rounding_unit(q)
    if q.kind == "fraction":
        value, unit = value * 100, 0.0
    if figure.multiple is not None:
        value = abs(figure.multiple - 1) * 100 if column.change else figure.multiple
    if figure.seconds is not None:
        value, unit = figure.seconds, 1.0
    return value, unit


def _describe(value: float) -> str:
    if abs(value) >= 1e12:
        return f"{value / 1e12:,.3g} trillion"
    if abs(value) >= 1e9:
        return f"{value / 1e9:,.3g} billion"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.3g} million"
    return f"{value:,.6g}"


def _decide_figure(figure: Figure, frame: Frame, tt: TypedTable, rows: list[int], words: _TableWords,
                   source: SourceText) -> Finding | None:
    columns = []
    latest = max((c.year for c in tt.columns if c.year), default=None)
    for i, column in enumerate(tt.columns):
        if i == tt.key:
            continue
        if column.year and figure.year and column.year != str(figure.year)[:4]:
            continue
        if bool(figure.change) != column.change and not (figure.change and column.year):
            continue
        if not _column_fits(figure, column) and not (figure.change and frame.span and column.year and column.kind == "number"):
            continue  # a change in percent may come from two year columns of counts
        header = word_stems(column.name) | words.context
        if not _counts_same_thing(figure, word_stems(column.name), words.context):
            continue
        score = covered(figure.measure, header | word_stems(tt.table.rows[rows[0]][tt.key]))
        if score < MIN_MEASURE:
            continue
        score += 0.1 * covered(figure.measure, word_stems(column.name))  # its own header names the measure
        if column.year and figure.year:
            score += 0.5  # the claim's year is the column's
        elif column.year and not figure.year and not frame.span and column.year == latest:
            score += 0.25  # a claim that names no year is about the latest
        columns.append((score, i))
    if not columns:
        return None
    columns.sort(reverse=True)
    best = [i for s, i in columns if s == columns[0][0]]
    if len(best) > 1:  # the column whose scale puts the cell nearest the claim ("$225 billion": GDP, not per capita)
        def distance(col: int) -> float:
            value = _cell_value(tt, rows[0], col, figure)
            claimed = _claimed(figure, tt.columns[col])[0]
            return abs(math.log10(abs(value) / abs(claimed))) if value and claimed else math.inf
        nearest = min(distance(c) for c in best)
        best = [c for c in best if distance(c) - nearest < 0.5]
    own_unit = [c for c in best if tt.columns[c].unit and tt.columns[c].unit == figure.quantity.unit]
    if own_unit:  # "365 feet" against a metres column and a feet column: the feet, as the claim wrote it
        best = own_unit
    span = frame.span
    findings = []
    for row in rows:
        for col in best:
            column = tt.columns[col]
            if figure.change and column.year and span:  # a change computed from two year columns
                finding = _change_from_years(figure, tt, row, span, words, source)
                if finding:
                    findings.append(finding)
                break
            found = _cell_value(tt, row, col, figure)
            if found is None:
                continue
            claimed, unit = _claimed(figure, column)
            if figure.seconds is not None and found and claimed in {found * 60, found / 60}:
                continue  # "1:12:00" and "1:12.00": the same digits read as hours or as minutes
            direction = figure.direction
            if direction and found and (found < 0) != (direction < 0):
                stance = REFUTES  # "grew" against a fall in the cell, or "shrank" against a rise
            else:
                found = abs(found) if direction < 0 else found
                if figure.quantity.kind == "fraction":
                    holds = abs(found - claimed) <= FRACTION_BAND * claimed or _bound_holds(figure.bound, claimed, found)
                    stance = SUPPORTS if holds else REFUTES
                else:
                    stance = agree(claimed, figure.bound.replace("<~", "~"), unit, found)
            if stance is None:
                continue
            cell = tt.table.rows[row][col]
            key = tt.table.rows[row][tt.key]
            scaled = "" if column.scale == 1.0 else f" ({_describe(found)})"
            findings.append(Finding(
                figure.quantity.text, stance, _passage(tt.table, row),
                f"claim {figure.quantity.text!r} vs {column.name!r} = {cell}{scaled} for {key}",
            ))
    stances = {f.stance for f in findings}
    if len(stances) != 1:
        return None  # no cell, or rows/columns that disagree: the table does not say which
    return findings[0]


def _bound_holds(bound: str, claimed: float, found: float) -> bool:
    return (bound in {">", ">="} and found > claimed) or (bound in {"<", "<="} and found < claimed)


def _change_from_years(figure: Figure, tt: TypedTable, row: int, span: tuple[str, str], words: _TableWords,
                       source: SourceText) -> Finding | None:
    years = {c.year: i for i, c in enumerate(tt.columns) if c.year}
    if span[0] not in years or span[1] not in years:
        return None
    a, b = tt.value(row, years[span[0]]), tt.value(row, years[span[1]])
    if a is None or b is None or a == 0:
        return None
    key = tt.table.rows[row][tt.key]
    if figure.multiple is not None:
        found, what = b / a, f"{b:g} / {a:g} = {b / a:.2f} times"
        claimed = figure.multiple
        if figure.bound == "<~":  # "nearly doubled": a little short of it
            stance = SUPPORTS if claimed * 0.85 <= found <= claimed * 1.02 else REFUTES
        else:
            stance = agree(claimed, figure.bound, 0.0, found)
    elif figure.points:
        found, what = b - a, f"{b:g} − {a:g} = {b - a:g} points"
        stance = agree(figure.quantity.value, figure.bound, rounding_unit(figure.quantity), abs(found))
        if (found < 0) != (figure.change < 0):
            stance = REFUTES
    else:
        found = (b - a) / a * 100
        what = f"({b:g} − {a:g}) / {a:g} = {found:.1f}%"
        stance = agree(figure.quantity.value, figure.bound, rounding_unit(figure.quantity), abs(found))
        if (found < 0) != (figure.change < 0):
            stance = REFUTES
    if stance is None:
        return None
    return Finding(figure.quantity.text, stance, _passage(tt.table, row),
                   f"claim {figure.quantity.text!r} vs {key} {span[0]} to {span[1]}: {what}")


def _passage(table: Table, row: int) -> int:
    return table.passages[row] if row < len(table.passages) else -1


_DATE_HEADER = re.compile(r"\b(?:date|day|when|year|opened|founded|established)\b", re.I)


def _decide_date(d: DateMention, frame: Frame, tt: TypedTable, rows: list[int]) -> Finding | None:
    """A claim's date against the date cell of its subject's row ("Kelvin Kiptum ... in October 2023")."""
    from claims.dates import find_dates

    findings = []
    for row in rows:
        for i, column in enumerate(tt.columns):
            if i == tt.key or not _DATE_HEADER.search(column.name):
                continue
            cell = tt.table.rows[row][i]
            for found in find_dates(cell):
                stance = date_at_precision(d, found)
                if stance:
                    findings.append(Finding(d.text, stance, _passage(tt.table, row),
                                            f"claim {d.text!r} vs {column.name!r} = {cell} for {tt.table.rows[row][tt.key]}"))
    stances = {f.stance for f in findings}
    return findings[0] if len(stances) == 1 else None


def _about_table(frame: Frame, tt: TypedTable, words: _TableWords, row: int) -> bool:
    """Is the claim's event what the table records? Its words (besides names and dates) must be the
    caption's, the headers' or the row's: a date column of records does not date a death."""
    own = frame.words - frame.subject - frozenset(w for d in frame.dates for w in word_stems(d.text))
    context = words.context | frozenset(w for c in tt.columns for w in word_stems(c.name))
    context |= frozenset().union(*(word_stems(c) for c in tt.table.rows[row]))
    return covered(frozenset(own), context) >= MIN_MEASURE


def check_tables(frame: Frame, source: SourceText, reading: Reading) -> list[Finding]:
    """What the source's tables say of the claim's figures (and, for rows with a date, its dates)."""
    out: list[Finding] = []
    for table in source.tables:
        tt = typed(table)
        words = _table_words(table, " ".join(reading.topic_names), reading.words, reading.implicit)
        for figure in frame.figures:
            rows = _subject_rows(tt, words, frame, figure.clause, reading, figure.relative_to or figure.than)
            finding = _decide_figure(figure, frame, tt, rows, words, source) if rows else None
            if finding:
                out.append(finding)
        rows = _subject_rows(tt, words, frame, frame.text, reading)
        if len(rows) == 1 and _about_table(frame, tt, words, rows[0]):
            for d in frame.dates:
                if d.precision in {"day", "month"}:
                    finding = _decide_date(d, frame, tt, rows)
                    if finding:
                        out.append(finding)
    return out
