"""Deciding a one-sentence statement against one table by linking its words to the table's cells.

What it is for: a claim such as "danuta stenka be nominate for best actress in a leading role" (the
lower-cased, lemmatised TabFact form) or "Jupiter has 146 known moons." checked against one table of
a source, as a fact-checker reads a table: find the row the statement is about, and compare what it
says with that row's cells.

How it decides (:func:`check_statement`):

1. Both sides are read alike: folded to lower case without accents, tokenised ("australia's" ->
   "australia 's"), lightly stemmed so that a lemmatised statement meets inflected cells ("nominate"
   / "nominated", "fall" / "falling", "kiss" / "kisses"), numbers and dates made canonical words
   ("1,234", "five", "1913 - 11 - 07" / "november 7 , 1913"; see :mod:`claims.celllink_words` and
   :mod:`claims.celllink_ops`).
2. Linking: the longest statement spans equal to a cell, or to a run of naming words inside one; the
   runs of header words that name columns ("the director", "5 loss", "a roll of 321"); the numeric
   conditions ("more than 40", "before 1990").
3. Each mention gets the column the statement puts it in when a header next to it says so ("the
   director be X": X is a director, not a writer).
4. Lookup: a row holding every mention in its column supports the statement (several values of one
   column joined by "and" each need such a row). When no row does and every row fails some mention
   positively - a cell the statement names is in another row, a number or date differs from the
   row's - it refutes, naming the row that matches best. A row that merely lacks a word, or a bare
   small number found nowhere, is no reason to refute.
5. Superlatives, counts and comparisons of two rows are decided by :mod:`claims.celllink_ops`. Any
   other operator (only, all, never, average, total, ...) makes it abstain, as does a number with a
   magnitude or unit ("4.3 million", "12 km") that no cell or header of the table carries, and a
   statement half of whose content words the table does not have (it is about another table).

None means "cannot decide from this table". Per-table preprocessing is cached; the functions are
pure and use only the standard library and :mod:`claims.tables`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from claims import celllink_ops as ops
from claims.celllink_words import is_number as _is_number
from claims.celllink_words import stem as _stem
from claims.celllink_words import tokens as _tokens
from claims.celllink_words import words as _words
from claims.tables import Table, parse_cell, typed

__all__ = ["TableFinding", "check_statement"]


@dataclass(frozen=True, slots=True)
class TableFinding:
    stance: str  # "supports" | "refutes"
    rows: tuple[int, ...]  # indexes into table.rows of the rows that decided it
    explanation: str  # one line naming the row(s), column(s), cell value(s) and the comparison


# --- the table, read once -------------------------------------------------------------------------

# Words that join a value to what it is said of rather than name anything.
_GAP = frozenset(map(_stem, "be a an of for in on at to by with as 's and that which who whose when where have do".split()))
_STOP = _GAP | frozenset(map(_stem, "there it its his her their they he she this these those from into than also".split()))
_HAVE = _stem("have")


@dataclass(frozen=True, slots=True)
class _Prep:
    words: tuple[tuple[tuple[str, ...], ...], ...]  # per row, per column: the cell's words
    index: dict  # word -> [(row, column, position in the cell)]
    heads: tuple[tuple[str, ...], ...]  # per column: the header's words
    head_of: dict  # word -> columns whose header has it, or (5+ letters) a word starting with it
    exact: frozenset  # the header words themselves (not their prefixes)
    agent: frozenset  # columns whose header names a doer: "directed by", "written by"
    numbers: tuple[tuple[float | None, ...], ...]  # per cell: its number as written
    kinds: tuple[str, ...]  # per column: "number" | "date" | "mixed" (text with numbers) | "text"
    years: frozenset  # the columns whose cells with a number in them are all years
    key: int  # the column naming each row's entity (claims.tables.typed)


@lru_cache(maxsize=512)
def _prep(table: Table) -> _Prep:
    words = tuple(tuple(_words(cell) for cell in row) for row in table.rows)
    index: dict = {}
    for r, row in enumerate(words):
        for c, w in enumerate(row):
            for pos, x in enumerate(w):
                index.setdefault(x, []).append((r, c, pos))
    # "no" and "#" in a header are "number" ("no in series", "# of wins")
    heads = tuple(tuple("number" if x in ("no", "nr") else x for x in _words(h.replace("#", " number ")))
                  for h in table.header)
    head_of: dict = {}
    for c, h in enumerate(heads):
        for x in h:
            if x not in _GAP:
                for cut in [len(x), *range(5, len(x))]:  # "direct" names "directed by", "visit" "visitor"
                    head_of.setdefault(x[:cut], set()).add(c)
    columns = range(len(table.header))
    years = frozenset(c for c in columns if any(any(map(_is_number, row[c])) for row in words) and all(
        len(row[c]) == 1 and ops.YEAR.match(row[c][0]) for row in words if any(map(_is_number, row[c]))))
    return _Prep(words, index, heads, head_of, frozenset(x for h in heads for x in h),
                 frozenset(c for c, h in enumerate(heads) if len(h) > 1 and h[-1] == "by"),
                 tuple(tuple(ops.cell_number(parse_cell(cell).number, w) for cell, w in zip(row, ws)) for row, ws in zip(table.rows, words)),
                 tuple(ops.column_kind([row[c] for row in words]) for c in columns), years, typed(table).key)


# --- linking words to cells and headers ----------------------------------------------------------

@dataclass(slots=True)
class _Span:
    start: int
    end: int
    cells: dict  # (row, column) -> True when the span is the whole cell, False when a part of it
    kind: str  # "number" | "date" | "text"
    whole_cols: set = field(default_factory=set)  # the columns of the cells it is the whole of
    held: dict = field(default_factory=dict)  # row -> the columns where the row holds it (see status)
    cols: set = field(default_factory=set)  # every column of its cells

    def __post_init__(self):
        self.whole_cols = {c for (_, c), whole in self.cells.items() if whole}
        self.cols = {c for _, c in self.cells}
        # the span names the cell it equals; a row holding it only inside a longer cell of a column
        # where it is a whole cell elsewhere ("400 m" in "4x400 m relay") does not hold it
        for (r, c), whole in self.cells.items():
            if whole or c not in self.whole_cols:
                self.held.setdefault(r, set()).add(c)


def _link(s: tuple[str, ...], prep: _Prep) -> list[_Span]:
    """The longest statement spans equal to a cell, or to a run of words inside one that holds a
    naming word (not only numbers, gap words, header words or operator words)."""
    found: dict[tuple[int, int], dict] = {}
    n = len(s)
    for i, x in enumerate(s):
        for r, c, pos in prep.index.get(x, ()):
            w = prep.words[r][c]
            k = 1
            while i + k < n and pos + k < len(w) and s[i + k] == w[pos + k]:
                k += 1
            whole = pos == 0 and k == len(w)
            if not whole and not any(not _is_number(y) and y not in _STOP and y not in prep.head_of
                                     and y not in _OPERATOR_STEMS for y in w[pos:pos + k]):
                continue
            cells = found.setdefault((i, i + k), {})
            cells[(r, c)] = cells.get((r, c), False) or whole
    kept: list[_Span] = []
    for i, j in sorted(found, key=lambda ij: (ij[0] - ij[1], ij[0])):
        if any(k.start <= i and j <= k.end for k in kept):
            continue
        if any(k.start < j and i < k.end for k in kept) and not any(found[(i, j)].values()):
            continue  # a part overlapping a longer span
        words = s[i:j]
        kind = "date" if any(x[0] == "@" for x in words) else "number" if all(map(_is_number, words)) else "text"
        kept.append(_Span(i, j, found[(i, j)], kind))
    return sorted(kept, key=lambda k: k.start)


@dataclass(slots=True)
class _Run:
    start: int
    end: int
    cols: set  # the columns the run names
    exact: bool  # every word is a header word (not a verb sharing its stem: "locate" / "location")


def _header_runs(s, taken, prep) -> list[_Run]:
    """Runs of header words outside the linked spans, with the columns they name. A gap word ("of",
    "a") continues a run when it is in the header ("segment a", "number of contestants"); a run naming
    a small part of a long header ("match" of "man of the match") is no mention of it."""
    runs = []
    p, n = 0, len(s)
    while p < n:
        if p in taken or s[p] not in prep.head_of:
            p += 1
            continue
        cols = set(prep.head_of[s[p]])
        q = p + 1
        while q < n and q not in taken:
            x, step = s[q], 1
            if x in _GAP:
                inside = {c for c in cols if x in prep.heads[c]}
                if inside:
                    cols, q = inside, q + 1
                    continue
                x, step = (s[q + 1] if q + 1 < n and q + 1 not in taken else ""), 2
            if x in prep.head_of and cols & prep.head_of[x] and x not in s[p:q]:
                cols, q = cols & prep.head_of[x], q + step
                continue
            break
        while q - 1 > p and s[q - 1] in _GAP and not any(prep.heads[c][-1:] == (s[q - 1],) for c in cols):
            q -= 1  # a gap word ends a run only when it ends the header ("written by")
        words = set(s[p:q])
        best = min(len(set(prep.heads[c])) for c in cols)
        if best == len(words):
            cols = {c for c in cols if len(set(prep.heads[c])) == best}
        cover = max(sum(1 for h in set(prep.heads[c]) - _GAP if any(h.startswith(w) for w in words))
                    / len(set(prep.heads[c]) - _GAP or {1}) for c in cols)
        if cover >= 0.5 or len(words - _GAP) >= 2:
            runs.append(_Run(p, q, cols, all(x in prep.exact or x in _GAP for x in s[p:q])))
        p = q
    return runs


# --- which column the statement puts a value in ---------------------------------------------------

_PREPOSITIONS = frozenset("of for in on at".split())
_CLAUSE = frozenset("when where while and which that who whose with".split())  # words that open a clause
_NO_ROLE = frozenset()  # headers name the value, but none of their columns can hold it: do not decide


def _fits(kind: str, column_kind: str) -> bool:
    """Whether a value of this kind can be in a column of that kind."""
    return kind == column_kind or column_kind == "mixed" or (kind == "text" and column_kind != "number") or (
        kind == "number" and column_kind == "date")


def _named_by(rd, start, end, kind):
    """The header runs that say which column the value at s[start:end] is in, nearest first:
    before it: "week 1", "the director be X", "a roll of 321", "have a second of X", "written by X";
    after it: "5 loss", "X be the director", "X as the home team", "X direct" (a "... by" column);
    the clause's head: "the height of X in Y be 135".
    A run with a value of its own after it ("X be written by Y") is not X's, unless it is a noun
    ("X be the skip for Y"); a run right after a value of its column is that value's ("the 350cc
    class be 0": 0 is not a class)."""
    s, brk, prep = rd.s, rd.brk, rd.prep
    for run in rd.runs:
        if run.end > start or any(brk[run.end:start + 1]) or run.start - 1 in rd.compound:
            continue
        gap = s[run.end:start]
        if gap == ("be",) or (kind != "text" and gap in ((), ("of",))) or (
                run.exact and gap == () and len(set(s[run.start:run.end]) - _GAP) >= 2) or (
                gap == ("of",) and _HAVE in s[max(0, run.start - 2):run.start]) or (
                gap == ("by",) and run.cols & prep.agent):
            yield run.cols
    for run in rd.runs:
        if run.start < end or any(brk[end:run.start + 1]):
            continue
        gap = s[end:run.start]
        q = run.end
        followed = q in rd.starts or (q + 1 in rd.starts and q < len(s) and s[q] in _GAP)
        if run.exact and (not followed or rd.det[run.start]) and gap in (("be",), ("as",), ("be", "a"), ("be", "an")):
            yield run.cols
        elif run.exact and kind == "number" and gap == () and any(prep.kinds[c] == "number" for c in run.cols):
            yield {c for c in run.cols if prep.kinds[c] == "number"}  # "5 loss"; not "the 1984 team"
        elif gap == () and kind == "text" and run.cols & prep.agent:
            yield run.cols & prep.agent
    if start >= 2 and s[start - 1] == "be" and not brk[start]:
        p = start - 1
        while p > 0 and not brk[p] and s[p - 1] not in _CLAUSE:
            p -= 1
        for run in rd.runs:
            if run.start in rd.cond_ends or run.end in rd.cond_starts:
                continue  # "fewer than 32 point": the condition's column
            if p <= run.start and run.end < start - 1 and run.exact:
                if s[run.end] in _PREPOSITIONS and all(
                        x in rd.taken or s[x] in _GAP or rd.is_named(x) for x in range(run.end, start - 1)):
                    yield run.cols
                break


def _role(rd, start, end, kind):
    """The columns the statement puts the value at s[start:end] in: the nearest naming run with a
    column that can hold it; _NO_ROLE when runs name it but none can; None when no header names it.
    A year after "<header> in" ("discovered in 1846") is that column's when the column holds years."""
    named = False
    for cols in _named_by(rd, start, end, kind):
        named = True
        fit = {c for c in cols if _fits(kind, rd.prep.kinds[c])}
        if fit:
            return fit
    if not named and kind == "number" and ops.YEAR.match(rd.s[start]) and start >= 2 and rd.s[start - 1] == "in":
        for run in rd.runs:
            if run.end == start - 1 and not rd.brk[start - 1] and not rd.brk[start]:
                fit = {c for c in run.cols if c in rd.prep.years}
                if fit:
                    return fit
    return _NO_ROLE if named else None


# --- a statement, read against one table ---------------------------------------------------------

_OPERATOR_STEMS = frozenset(map(_stem, ops.OPERATORS))


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    kind: str  # "cell": a span equal to cells | "number": a number or date no cell equals | "cond"
    role: set | None  # the columns the statement puts it in (None: not said; empty: none can hold it)
    span: _Span | None = None
    cond: ops.Cond | None = None

    def columns(self) -> set:
        """The columns it names or is said to be in (the whole cells it equals before its parts)."""
        if self.role or not self.span:
            return set(self.role or ())
        return {c for (_, c), whole in self.span.cells.items() if whole} or {c for _, c in self.span.cells}


class _Reading:
    """A statement's words linked to one table: spans, header runs, mentions and their columns."""

    def __init__(self, statement: str, table: Table):
        self.table = table
        self.prep = prep = _prep(table)
        toks = _tokens(statement)
        self.s = s = tuple(t[1] for t in toks)
        self.raw = tuple(t[0] for t in toks)
        self.brk = tuple(t[2] for t in toks) + (False,)
        self.det = tuple(t[3] for t in toks) + (False,)
        conds = ops.conditions(self.raw, s)
        in_conds = {p for cd in conds for p in range(cd.start, cd.end)}
        self.cond_starts, self.cond_ends = {cd.start for cd in conds}, {cd.end for cd in conds}
        # a span made only of header words is the header ("the total of X": not a cell "total")
        self.spans = [k for k in _link(s, prep) if not in_conds & set(range(k.start, k.end))
                      and not all(x in prep.exact and x not in _GAP for x in s[k.start:k.end])]
        self.taken = {p for k in self.spans for p in range(k.start, k.end)} | in_conds
        self.runs = _header_runs(s, self.taken, prep)
        self.named = {p for run in self.runs for p in range(run.start, run.end)}
        numbers = ops.free_numbers(s, self.is_linked)
        self.starts = {k.start for k in self.spans} | {a for a, _ in numbers} | self.cond_starts
        self.compound = {k.end - 1 for k in self.spans for run in self.runs
                         if run.start == k.end and run.cols & {c for _, c in k.cells}}
        self.mentions = [_Mention(k.start, k.end, "cell", self._span_role(k), span=k) for k in self.spans]
        self.mentions += [_Mention(a, b, "number", _role(self, a, b, "date" if s[a][0] == "@" else "number"))
                          for a, b in numbers]
        self.mentions += [_Mention(cd.start, cd.end, "cond", _role(self, cd.start, cd.end, "date" if cd.kind == "date"
                                                                   else "number"), cond=cd) for cd in conds]
        self.mentions.sort(key=lambda m: m.start)
        dated = [c for c, kind in enumerate(prep.kinds) if kind == "date"] or sorted(prep.years)
        for m in self.mentions:  # a date no header names is in the table's one date column
            if m.role is None and len(dated) == 1 and (
                    m.kind == "cond" and m.cond.kind in ("date", "year") or s[m.start][0] == "@") and not (
                    m.kind == "cell" and dated[0] not in m.columns()):
                m.role = set(dated)
        free = [p for p in range(len(s)) if not self.is_linked(p)]
        self.operators = [p for p in free if self.raw[p] in ops.OPERATORS]
        self.foreign = [p for p in free if s[p] not in _STOP and self.raw[p] not in ops.OPERATORS
                        and not _is_number(s[p]) and s[p][0] != "@"]

    def about_table(self) -> bool:
        """Whether the statement is about this table: fewer than half of its content words (not gap
        or operator words) are words the table does not have."""
        content = sum(1 for x, raw in zip(self.s, self.raw) if x not in _STOP and raw not in ops.OPERATORS)
        return len(self.foreign) < 0.5 * content

    def _span_role(self, k: _Span):
        role = _role(self, k.start, k.end, k.kind)
        return (role & {c for _, c in k.cells}) or role if role else role

    def is_named(self, p: int) -> bool:
        return p in self.named

    def is_linked(self, p: int) -> bool:
        return p in self.taken or p in self.named

    def status(self, m: _Mention, r: int) -> tuple[str, set]:
        """Whether row r holds mention m: ("ok" | "conflict" | "unknown", the columns concerned)."""
        prep, s = self.prep, self.s
        if m.kind == "cell":
            k = m.span
            mine = k.held.get(r, set())
            if m.role is None:
                if mine:
                    return "ok", mine
                # a part of cells, or a small whole number (a count, a rank, a week) is no reason to refute
                weak = not k.whole_cols or (k.end - k.start == 1 and s[k.start].isdigit() and float(s[k.start]) < 100)
                return ("unknown" if weak else "conflict"), k.cols
            if not m.role:
                return "unknown", set()
            return ("ok", mine & m.role) if mine & m.role else ("conflict", set(m.role))
        if m.role is not None and not m.role:
            return "unknown", set()
        if m.kind == "number":
            return ops.number_status(prep, r, s[m.start:m.end], m.role)
        return ops.cond_status(prep, r, m.cond, m.role)

    def label(self, r: int, states=None) -> str:
        """How a fact-checker would name row r: by the first text cell of it the statement names,
        else by its key cell."""
        named = [(m, cols) for m, (st, cols) in zip(self.mentions, states or ()) if st == "ok" and cols]
        for m, cols in named:
            if m.kind == "cell" and m.span.kind == "text":
                return self.table.rows[r][min(cols)]
        for m, cols in named:  # "week 1"
            return f"{self.table.header[min(cols)]} {self.table.rows[r][min(cols)]}".strip()
        return self.table.rows[r][self.prep.key] or f"#{r + 1}"

    def said(self, m: _Mention) -> str:
        if m.kind == "cond":
            return ops.shown(m.cond)
        end = m.end - 1 if m.end - m.start > 1 and self.s[m.end - 2][0] == "@" else m.end  # a date holds its year
        return " ".join(self.raw[m.start:end])

    def describe(self, m: _Mention) -> str:
        """A mention as a condition on a column: 'country = "poland"', 'grid more than 20'."""
        cols = sorted(m.columns())
        name = self.table.header[cols[0]] if len(cols) == 1 else None
        if m.kind == "cond":
            return f"{name or 'a value'} {ops.shown(m.cond)}"
        part = m.span is not None and not any(m.span.cells.values())
        return f'{name} {"has" if part else "="} "{self.said(m)}"' if name else f'"{self.said(m)}"'


# --- deciding ----------------------------------------------------------------------------------------

def _cells(rd: _Reading, r: int, cols) -> str:
    return ", ".join(f'{rd.table.header[c]} = "{rd.table.rows[r][c]}"' for c in sorted(cols))


def _foreign_value(rd: _Reading, r: int, held: set):
    """Words the table does not have, said to be the value of a column ("the status be remarry",
    "X be the teleplay") whose cell in row r the statement does not mention: (columns, start, end)."""
    groups: list[list[int]] = []
    for p in rd.foreign:
        if groups and groups[-1][1] == p:
            groups[-1][1] = p + 1
        else:
            groups.append([p, p + 1])
    mentioned = {c for k in rd.spans for rr, c in k.cells if rr == r} | held
    s, brk = rd.s, rd.brk
    for f0, f1 in groups:
        for run in rd.runs:
            before = run.end <= f0 and s[run.end:f0] == ("be",) and not any(brk[run.end:f0 + 1])
            after = run.start >= f1 and s[f1:run.start] in (("be",), ("be", "a")) and run.exact \
                and not any(brk[f1:run.start + 1])
            text = {c for c in run.cols if rd.prep.kinds[c] in ("text", "mixed")}
            if (before or after) and text and not run.cols & mentioned:
                return text, f0, f1
    return None


def _best_row(rd: _Reading, states: dict, candidates, active) -> int | None:
    """The row the statement is about: the one holding the most mentions, a mention held by few rows
    counting more than one held by many (a name more than a category), a cell more than a number;
    on a tie, the row named first (the subject comes first). None when no row holds anything."""
    holders = {i: sum(states[r][i][0] == "ok" for r in states) for i in active}

    def rank(r):
        held = [i for i in active if states[r][i][0] == "ok"]
        weight = sum((1.0 if rd.mentions[i].kind == "cell" else 0.5) / holders[i] for i in held)
        first = min((rd.mentions[i].start for i in held if rd.mentions[i].kind == "cell"), default=len(rd.s))
        return weight, -first

    best = max(candidates, key=rank, default=None)
    return best if best is not None and rank(best)[0] > 0 else None


def _identifies(rd: _Reading, m: _Mention, r: int) -> bool:
    """Whether mention m names row r well enough to refute what else the statement says of it: a
    whole cell (not a bare number under 100), or a number or date a header names."""
    if m.kind != "cell":
        return bool(m.role)
    words = rd.s[m.start:m.end]
    small = len(words) == 1 and words[0].isdigit() and int(words[0]) < 100
    return any(whole for (rr, _), whole in m.span.cells.items() if rr == r) and (not small or bool(m.role))


def _decide_rows(rd: _Reading, states: dict, active: list[int]) -> TableFinding | None:
    """The lookup over the mentions in active: a row holding them all supports; when every row fails
    one of them positively, the row holding most of them refutes."""
    n = len(rd.table.rows)
    good = [r for r in range(n) if all(states[r][i][0] == "ok" for i in active)]
    best = _best_row(rd, states, good or range(n), active)
    if best is None:
        return None
    label = rd.label(best, [states[best][i] if i in active else ("", set()) for i in range(len(rd.mentions))])
    if good:
        held = {min(states[best][i][1]) for i in active if states[best][i][1]}  # one column a mention
        slot = _foreign_value(rd, best, held)
        if slot is not None:
            cols, f0, f1 = slot
            return TableFinding("refutes", (best,), f'row "{label}": {_cells(rd, best, [min(cols)])}, '
                                                    f'not "{" ".join(rd.raw[f0:f1])}"')
        return TableFinding("supports", (best,), f'row "{label}": {_cells(rd, best, held)}, as claimed')
    if any(all(states[r][i][0] != "conflict" for i in active) for r in range(n)):
        return None  # some row fails only on what cannot be checked
    if not any(states[best][i][0] == "ok" and _identifies(rd, rd.mentions[i], best) for i in active):
        return None  # the row is named only by a word inside a cell or a bare small number
    i = next(i for i in active if states[best][i][0] == "conflict")
    m, c = rd.mentions[i], min(states[best][i][1])
    claimed = ops.shown(m.cond) if m.kind == "cond" else f'"{rd.said(m)}"'
    return TableFinding("refutes", (best,), f'row "{label}": {_cells(rd, best, [c])}, not {claimed}')


def _lookup(rd: _Reading) -> TableFinding | None:
    """A row holding every mention supports; several values of one column joined by "and" must each
    have such a row; a positive mismatch refutes (see _decide_rows)."""
    if not rd.spans or ops.foreign_predicate(rd):
        return None
    groups = ops.coordinated(rd)
    if groups is None:
        return None
    states = {r: [rd.status(m, r) for m in rd.mentions] for r in range(len(rd.table.rows))}
    if not groups:
        return _decide_rows(rd, states, list(range(len(rd.mentions))))
    found = [_decide_rows(rd, states, active) for active in groups]
    refuted = [f for f in found if f is not None and f.stance == "refutes"]
    if refuted:
        return refuted[0]
    if all(f is not None for f in found):
        return TableFinding("supports", tuple(r for f in found for r in f.rows), "; ".join(f.explanation for f in found))
    return None


def check_statement(statement: str, table: Table) -> TableFinding | None:
    """Decide a one-sentence statement against one table. None = abstain (cannot decide from this table)."""
    if not table.rows or not table.header:
        return None
    prep = _prep(table)
    if not any(x in prep.index or x in prep.head_of for x in _words(statement)):
        return None  # mentions nothing in the table
    rd = _Reading(statement, table)
    if ops.unread_quantity(rd) or not rd.about_table():
        return None
    found = ops.decide(rd)
    if found == ops.LOOKUP:
        return _lookup(rd)
    return TableFinding(*found) if found else None
