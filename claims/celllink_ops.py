"""Numbers, dates and the operators of a table statement beyond a lookup, for :mod:`claims.celllink`.

- numbers and dates as words: "1,234" -> 1234, "07" -> 7, "45th" -> 45, "1.56.85" -> "1:56.85",
  "1994 - 95" -> 1994 1995, and a calendar date in any usual order -> "@month-day" and its year;
- numeric conditions ("more than 40", "under 89", "at least 9", "after 1854", "before november 27 ,
  1983", "9 or more"): a condition on a cell, checked like any other mention of a row;
- superlatives ("the highest enrollment be 500", "X have the lowest decile"): the extreme row of a
  number column, among the rows the statement's conditions leave;
- counts ("there be 3 school in X", "X happen 3 time", "only 1 ..."): the rows holding every mention;
- comparisons of two rows ("A have more H than B", "A air before B");
- several values of one column joined by "and" ("X write both A and B"): a lookup of each;
- what makes a statement no lookup: the operator words none of the above consumes (only, all,
  never, average, total, ...), and numbers with a magnitude or unit the table does not carry.

Each operator decides only when its column and rows are unambiguous, and otherwise abstains (None).
Nothing here links words to cells: a statement reading from :mod:`claims.celllink` supplies the words
(``s`` canonical, ``raw`` as written), the header runs, the mentions and ``status(mention, row)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")
CLOCK = re.compile(r"^\d+(?::\d\d)+(?:\.\d+)?$|^\d+\.\d\d\.\d+$")  # a time of day or a race time
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")
_DAY = re.compile(r"^(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")
MONTHS = {name: n for n, names in enumerate(
    ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
     "september sep sept", "october oct", "november nov", "december dec"), 1) for name in names.split()}
NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


# --- numbers and dates as words ----------------------------------------------------------------------

def number_word(token: str, toks: list[str], i: int) -> str:
    """toks[i], a number, as one canonical word: "1,234" -> "1234", "07" -> "7", "14.50" -> "14.5",
    "45th" -> "45"; a time keeps its colons ("1.56.85" -> "1:56.85"); the second year of a span is
    written in full ("1994 - 95" -> "1995", "1999 - 00" -> "2000")."""
    if CLOCK.match(token):
        if token.count(".") == 2:
            head, _, tail = token.partition(".")
            return head + ":" + tail
        return token
    if len(token) == 2 and token.isdigit() and i >= 2 and toks[i - 1] == "-" and YEAR.match(toks[i - 2]):
        first = int(toks[i - 2])
        full = first // 100 * 100 + int(token) + (100 if first % 100 >= int(token) else 0)
        if full - first <= 10:
            return str(full)
    token = _ORDINAL_SUFFIX.sub("", token).replace(",", "")
    whole, _, frac = token.partition(".")
    frac = frac.rstrip("0")
    return (whole.lstrip("0") or "0") + ("." + frac if frac else "")


def date_at(toks: list[str], i: int) -> tuple[str, str | None, int] | None:
    """A calendar date starting at toks[i] as ("@month-day" or "@month", its year or None, tokens
    used): "1913 - 11 - 07", "september 12 , 2011", "12 september 2011", "3rd of december",
    "june 17", "january , 28", "nov 2007"."""
    t = toks[i:i + 5] + [""] * 5
    if YEAR.match(t[0]) and t[1] in ("-", "/") and t[1] == t[3] and t[2].isdigit() and t[4].isdigit() \
            and 1 <= int(t[2]) <= 12 and 1 <= int(t[4]) <= 31:
        return f"@{int(t[2])}-{int(t[4])}", t[0], 5
    if t[0] in MONTHS and YEAR.match(t[1]):
        return f"@{MONTHS[t[0]]}", t[1], 2
    if t[0] in MONTHS and t[1] == "," and _DAY.match(t[2]):
        date = date_at([t[0]] + t[2:], 0)
        return (date[0], date[1], date[2] + 1) if date else None
    if t[0] in MONTHS and _DAY.match(t[1]):
        md = f"@{MONTHS[t[0]]}-{int(_ORDINAL_SUFFIX.sub('', t[1]))}"
        if t[2] == "," and YEAR.match(t[3]):
            return md, t[3], 4
        return (md, t[2], 3) if YEAR.match(t[2]) else (md, None, 2)
    if _DAY.match(t[0]):
        k = 2 if t[1] == "of" else 1
        if t[k] in MONTHS and (t[k] != "may" or k == 2):  # "9 may" may be a verb; "9th of may" is not
            md = f"@{MONTHS[t[k]]}-{int(_ORDINAL_SUFFIX.sub('', t[0]))}"
            if t[k + 1] == "," and YEAR.match(t[k + 2]):
                return md, t[k + 2], k + 3
            return (md, t[k + 1], k + 2) if YEAR.match(t[k + 1]) else (md, None, k + 1)
    return None


def date_parts(words) -> tuple | None:
    """(month, day or None, year or None) of the first date in canonical words ("@11-27", "1983")."""
    for i, x in enumerate(words):
        if x[0] == "@":
            month, _, day = x[1:].partition("-")
            year = int(words[i + 1]) if i + 1 < len(words) and YEAR.match(words[i + 1]) else None
            return int(month), (int(day) if day else None), year
    return None


def free_numbers(s, linked) -> list[tuple[int, int]]:
    """The (start, end) of the numbers and dates of canonical words s that linked(p) does not claim:
    consecutive numbers are one value ("4 - 2" is a score), a date takes its year."""
    out: list[list[int]] = []
    for p, x in enumerate(s):
        if linked(p) or not (x[0].isdigit() or x[0] == "@"):
            continue
        if out and out[-1][1] == p and (x[0].isdigit() and s[p - 1][0].isdigit() or (
                s[p - 1][0] == "@" and YEAR.match(x))):
            out[-1][1] = p + 1
        else:
            out.append([p, p + 1])
    return [(a, b) for a, b in out]


def value(word: str) -> float | None:
    """A canonical number word as a float (a time or a date is not one)."""
    try:
        return float(word)
    except ValueError:
        return None


def _number(word: str) -> bool:
    return word[0].isdigit()


def _numbers_in(words) -> tuple[str, ...]:
    return tuple(x for x in words if _number(x))


def cell_number(number: float | None, words) -> float | None:
    """A cell's number as written: ``number`` (claims.tables.parse_cell's), unless it scales the one
    number the cell's words show ("400 m" is 400 metres there, not 400 million)."""
    shown = [value(x) for x in _numbers_in(words)]
    if len(shown) == 1 and shown[0] is not None and (number is None or abs(number) != shown[0]):
        return shown[0] if number is None or number >= 0 else -shown[0]
    return number


def column_kind(cells) -> str:
    """What a column of cells (canonical words) holds: "date", "number", "mixed" (text with numbers)
    or "text", by what 60% of its filled cells are."""
    filled = [w for w in cells if w]
    need = 0.6 * len(filled) if filled else 1
    if sum(any(x[0] == "@" for x in w) for w in filled) >= need:
        return "date"
    if sum(all(map(_number, w)) for w in filled) >= need:
        return "number"
    return "mixed" if sum(any(map(_number, w)) for w in filled) >= need else "text"


def quantity(prep, r, c, kind="number"):
    """Cell (r, c) as a comparable tuple: its number, its year, or its (year, month, day); None when
    the cell does not hold exactly one such thing."""
    w = prep.words[r][c]
    if kind == "date":
        parts = date_parts(w)
        return (parts[2], parts[0], parts[1]) if parts and None not in parts else None
    if kind == "year":
        years = [int(x) for x in w if YEAR.match(x)]
        return (years[0],) if len(years) == 1 else None
    if prep.numbers[r][c] is not None:
        return (prep.numbers[r][c],)
    found = [v for v in map(value, w) if v is not None]
    return (found[0],) if len(found) == 1 else None


def number_status(prep, r, said: tuple, role) -> tuple[str, set]:
    """Whether row r holds the numbers (or the date) the statement says, in the columns of role
    (None: any column): ("ok" | "conflict" | "unknown", the columns concerned)."""
    if said[0][0] == "@":  # a date: the parts it gives must agree
        claimed = date_parts(said)
        found = {c: date_parts(prep.words[r][c]) for c in (role or range(len(prep.words[r])))}
        found = {c: d for c, d in found.items() if d is not None}
        held = {c for c, d in found.items() if all(x is None or x == y for x, y in zip(claimed, d))}
        return ("ok", held) if held else ("conflict", set(found)) if role and found else ("unknown", set())
    if role is None:  # found among a cell's numbers, in order
        held = set()
        for c, w in enumerate(prep.words[r]):
            inside = _numbers_in(w)
            if any(inside[i:i + len(said)] == said for i in range(len(inside))):
                held.add(c)
        return ("ok", held) if held else ("unknown", set())
    number = value(said[0]) if len(said) == 1 else None
    held, other = set(), set()
    for c in role:  # the cell's number, or all its numbers ("4 - 2" against "w 4 - 2")
        inside = _numbers_in(prep.words[r][c])
        if (number is not None and prep.numbers[r][c] == number) or said == inside:
            held.add(c)
        elif inside:
            other.add(c)
    return ("ok", held) if held else ("conflict", other) if other else ("unknown", set())


# --- numeric conditions ----------------------------------------------------------------------------

# Comparators as written (unstemmed), longest first: words -> how the cell must relate to the operand.
COMPARATORS = sorted({
    ("more", "than"): ">", ("greater", "than"): ">", ("larger", "than"): ">", ("higher", "than"): ">",
    ("bigger", "than"): ">", ("over",): ">", ("above",): ">", ("exceed",): ">", ("exceeds",): ">",
    ("after",): ">", ("later", "than"): ">", ("less", "than"): "<", ("fewer", "than"): "<",
    ("smaller", "than"): "<", ("lower", "than"): "<", ("under",): "<", ("below",): "<", ("before",): "<",
    ("earlier", "than"): "<", ("at", "least"): ">=", ("at", "most"): "<=", ("no", "more", "than"): "<=",
    ("not", "more", "than"): "<=", ("no", "less", "than"): ">=", ("not", "less", "than"): ">=",
}.items(), key=lambda kv: -len(kv[0]))
_OR_MORE = {("or", "more"): ">=", ("or", "greater"): ">=", ("or", "higher"): ">=", ("or", "less"): "<=",
            ("or", "fewer"): "<=", ("or", "lower"): "<="}
_SHOWN = {">": "more than", "<": "less than", ">=": "at least", "<=": "at most"}


@dataclass(frozen=True, slots=True)
class Cond:
    start: int  # the comparator's first word
    end: int  # after the operand
    relation: str  # ">", "<", ">=", "<="
    operand: tuple  # (year, month, day) for a date, else (number,)
    kind: str  # "number" | "year" | "date"


def _operand(s, p):
    """The number, year or full date at s[p] as (value tuple, kind, words used), or None."""
    if p >= len(s):
        return None
    if s[p][0] == "@":
        parts = date_parts(s[p:p + 2])
        return ((parts[2], parts[0], parts[1]), "date", 2) if parts and None not in parts else None
    v = value(s[p])
    return None if v is None else ((v,), ("year" if YEAR.match(s[p]) else "number"), 1)


def conditions(raw, s) -> list[Cond]:
    """The numeric conditions of a statement, from its words as written (raw) and canonical (s)."""
    out = []
    p = 0
    while p < len(s):
        for words, relation in COMPARATORS:
            n = len(words)
            if raw[p:p + n] == words:
                got = _operand(s, p + n)
                if got:
                    out.append(Cond(p, p + n + got[2], relation, got[0], got[1]))
                    p += n + got[2] - 1
                break
        else:
            got = _operand(s, p)
            tail = tuple(raw[p + 1:p + 3])
            if got and got[2] == 1 and tail in _OR_MORE:
                out.append(Cond(p, p + 3, _OR_MORE[tail], got[0], got[1]))
                p += 2
        p += 1
    return out


def holds(relation: str, left: tuple, right: tuple) -> bool:
    return {">": left > right, "<": left < right, ">=": left >= right, "<=": left <= right}[relation]


def cond_status(prep, r, cond: Cond, role) -> tuple[str, set]:
    """Whether row r's cell in the condition's columns meets it: (state, the columns concerned)."""
    values = {c: quantity(prep, r, c, cond.kind) for c in role or ()}
    values = {c: v for c, v in values.items() if v is not None}
    if not values:
        return "unknown", set()
    held = {c for c, v in values.items() if holds(cond.relation, v, cond.operand)}
    return ("ok", held) if held else ("conflict", set(values))


def shown(cond: Cond) -> str:
    """A condition as words: "more than 40", "less than 1984-02-12"."""
    if cond.kind == "date":
        return f"{_SHOWN[cond.relation]} {cond.operand[0]}-{cond.operand[1]:02d}-{cond.operand[2]:02d}"
    number = cond.operand[0]
    return f"{_SHOWN[cond.relation]} {int(number) if number == int(number) else number}"


# --- what the statement says beyond a lookup ------------------------------------------------------------

_NEGATION = frozenset("not no never none neither nor without nobody nothing".split())
_QUANTIFIERS = frozenset("""only all every each both total sum average combined combine same different
    difference twice double triple half majority consecutive any other another also respectively either
    time times count multiple several many few until since through straight more less fewer greater
    larger smaller higher lower bigger longer shorter earlier later older younger than over under above
    below before after prior between beyond first last top bottom best worst oldest youngest newest
    second third fourth fifth sixth seventh eighth ninth tenth""".split())
_MAGNITUDES = frozenset("million billion thousand trillion percent bn mn".split())
_UNITS = frozenset("km kg mi ft lb lbs cm mm kilometres kilometers miles metres meters feet pounds tonnes tons "
                   "hectares ha acres mph kmh".split())
_HEDGES = frozenset("about around approximately nearly almost roughly some circa".split())


def unread_quantity(rd) -> bool:
    """A number with a magnitude or unit that neither its cell nor its column's header carries ("4.3
    million" against plain counts, "12 km"), or a hedged number ("about 40"): not compared here."""
    for p, x in enumerate(rd.s):
        if not x[0].isdigit():
            continue
        after = rd.raw[p + 1] if p + 1 < len(rd.raw) else ""
        if (after in _MAGNITUDES or after in _UNITS) and not rd.is_linked(p + 1):
            columns = {c for m in rd.mentions if m.start <= p < m.end for c in m.columns()}
            if not any(rd.s[p + 1] in rd.prep.heads[c] for c in columns):
                return True  # "12.9 %" against "Unemployment rate (%)" is read; "4.3 million" is not
        if p and rd.raw[p - 1] in _HEDGES and not rd.is_linked(p):
            return True
    return False


def foreign_predicate(rd) -> bool:
    """Words the table does not have as what something is said to be ("X be a tight end"), with no
    header saying which column: an unchecked claim."""
    for p in rd.foreign:
        if p >= 2 and rd.s[p - 2:p] in (("be", "a"), ("be", "an")) and not rd.brk[p] and not rd.brk[p - 1] \
                and not any(run.start == p + 1 or run.end == p - 2 for run in rd.runs):
            return True
    return False


LOOKUP = "lookup"  # what decide() returns for a statement with no operator: a lookup


def decide(rd):
    """A statement's operator: one superlative, comparative or count is decided here, anything else
    (only, all, never, average, total, ...) abstains. (stance, rows, explanation), None, or LOOKUP."""
    superlatives = [p for p in rd.operators if rd.raw[p] in SUPERLATIVES]
    comparatives = [p for p in rd.operators if rd.raw[p] in COMPARATIVES]
    counted = count_claim(rd)
    if not counted and all(rd.raw[p] == "both" for p in rd.operators) and (
            not rd.operators or coordinated(rd)):
        return LOOKUP  # "X write both A and B": a lookup of each
    rest = [p for p in rd.operators if p not in superlatives and p not in comparatives and rd.raw[p] != "than"
            and not (counted and p in counted[1])]
    if rest or len(superlatives) + len(comparatives) + bool(counted) != 1:
        return None
    if superlatives:
        return superlative(rd, superlatives[0])
    if comparatives:
        return comparison(rd, comparatives[0])
    return count(rd, *counted)


# --- several values of one column ---------------------------------------------------------------------

_JOINERS = frozenset(("and", "&", "both"))


def coordinated(rd) -> list[list[int]] | None:
    """Mentions of several values of one column ("black sox and wild onion", "X , Y and Z"): the
    groups of mention indexes, each value with the statement's other mentions; [] when every value
    is of its own column; None when values share a column without being joined by "and"."""
    by_column: dict[int, list[int]] = {}
    for i, m in enumerate(rd.mentions):
        cols = {c for (_, c), whole in m.span.cells.items() if whole} if m.kind == "cell" else set()
        if len(cols) == 1:
            by_column.setdefault(next(iter(cols)), []).append(i)
    shared = [idx for idx in by_column.values()
              if len({rd.s[rd.mentions[i].start:rd.mentions[i].end] for i in idx}) > 1]
    if len(shared) != 1:
        return None if shared else []
    idx = shared[0]
    for a, b in pairwise(idx):
        gap = rd.s[rd.mentions[a].end:rd.mentions[b].start]
        if not (all(x in _JOINERS for x in gap) and (gap or rd.brk[rd.mentions[b].start])):
            return None
    others = [i for i in range(len(rd.mentions)) if i not in idx]
    return [sorted(others + [i]) for i in idx]


# --- superlatives ------------------------------------------------------------------------------------

# Superlatives whose direction is plain for a number column: True = the largest.
SUPERLATIVES = {"highest": True, "largest": True, "biggest": True, "greatest": True, "most": True,
                "maximum": True, "longest": True, "latest": True, "lowest": False, "smallest": False,
                "least": False, "fewest": False, "minimum": False, "shortest": False, "earliest": False}
# Operator words: unless an operator here consumes them, a statement with one is no lookup.
OPERATORS = _NEGATION | _QUANTIFIERS | frozenset(SUPERLATIVES)
# Words between a superlative and the column it ranks: "the highest number of point", "most amount of".
_FILLER = frozenset("number amount of".split())


def _ranked_column(rd, p) -> int | None:
    """The one number column ranked by the superlative at p: the header run right after it ("lowest
    decile", "highest number of vote"), or just before it ("the crowd be the lowest")."""
    q = p + 1
    while q < len(rd.s) and rd.raw[q] in _FILLER and not rd.is_named(q):
        q += 1
    for run in rd.runs:
        if run.start == q or (run.end == p - 1 and rd.s[p - 1] == "be"):
            cols = {c for c in run.cols if rd.prep.kinds[c] == "number"}
            return next(iter(cols)) if len(cols) == 1 else None
    return None


def superlative(rd, p):
    """Decide a statement whose word at p is a superlative: (stance, rows, explanation) or None.

    Claimed of the extreme row: the mentions of the ranked column, those before the superlative (its
    subject) and right after "be" (its predicate), and a bare number ("the lowest decile be 1"). The
    other mentions are conditions choosing the rows ranked ("the lowest crowd at windy hill be 20000":
    windy hill). It refutes only when the claims fail both with the conditions as conditions and as
    claims, and abstains when a condition's column is not plain."""
    col = _ranked_column(rd, p)
    if col is None:
        return None
    prep, s, n = rd.prep, rd.s, len(rd.prep.words)
    values = {r: quantity(prep, r, col) for r in range(n)}
    if sum(v is None for v in values.values()) > n / 4:
        return None
    claimed, chosen, ranked = [], [], {}
    for i, m in enumerate(rd.mentions):
        number = value(s[m.start]) if m.end - m.start == 1 and m.kind != "cond" else None
        if m.role is None and number is not None:
            ranked[i] = (number,)
        predicate = m.start > p and s[m.start - 1] == "be" or s[m.start - 2:m.start] == ("be", "for")
        (claimed if col in m.columns() or m.end <= p or predicate or i in ranked else chosen).append(i)
    if not claimed or any(len(rd.mentions[i].columns()) > 1 for i in chosen):
        return None
    states = {r: [("ok" if values[r] == ranked[i] else "conflict") if i in ranked else rd.status(m, r)[0]
                  for i, m in enumerate(rd.mentions)] for r in range(n)}

    def extreme(scope):
        scored = [r for r in scope if values[r] is not None]
        best = (max if SUPERLATIVES[rd.raw[p]] else min)((values[r] for r in scored), default=None)
        return [r for r in scored if values[r] == best]

    def holds_all(r, which):
        return all(states[r][i] == "ok" for i in which)

    def said(r, where=""):
        header = rd.table.header[col]
        return f'{rd.raw[p]} {header}{where}: row "{rd.label(r)}" with {header} = "{rd.table.rows[r][col]}"'

    every = range(len(rd.mentions))
    top = extreme(range(n))
    for r in top:  # the extreme of all rows holds every mention: true on either reading
        if holds_all(r, every):
            return "supports", (r,), said(r) + ", as claimed"
    if any(states[r][i] == "unknown" for i in chosen for r in range(n)):
        return None
    local = extreme([r for r in range(n) if holds_all(r, chosen)])
    if not local or any(states[r][i] == "unknown" for i in claimed for r in local):
        return None
    where = " where the statement's conditions hold" if chosen else ""
    for r in local:
        if holds_all(r, claimed):
            return "supports", (r,), said(r, where) + ", as claimed"
    if any(states[r][i] == "unknown" for i in every for r in top):
        return None
    failed = next(i for i in claimed if states[local[0]][i] != "ok")
    what = "" if failed in ranked else f", not {rd.describe(rd.mentions[failed])}"
    return "refutes", tuple(local), said(local[0], where) + (what or f", not {rd.said(rd.mentions[failed])}")


# --- counts ------------------------------------------------------------------------------------------

_THERE_BE = (("there", "be"), ("there", "are"), ("there", "were"), ("there", "is"), ("there", "was"))


def count_claim(rd):
    """The number of rows a statement claims and the positions saying so: "N time(s)", "there be N
    ...", "only N ...", "2 lighthouse be ..."; None when it claims no count ("there be 5 loss" names
    a number column; a number larger than the table is a value)."""
    raw, s = rd.raw, rd.s
    for p, x in enumerate(s):
        number = value(x) if x[0].isdigit() else None
        if number is None or number != int(number) or number > len(rd.prep.words) or any(
                k.start < p or k.end > p + 1 for k in rd.spans if k.start <= p < k.end):
            continue
        if p + 1 < len(raw) and raw[p + 1] in ("time", "times"):
            return int(number), {p, p + 1}
        names_number = any(run.start == p + 1 and any(rd.prep.kinds[c] == "number" for c in run.cols)
                           for run in rd.runs)
        if names_number:
            continue
        if p >= 2 and tuple(raw[p - 2:p]) in _THERE_BE:
            return int(number), {p - 2, p - 1, p}
        if p >= 1 and raw[p - 1] == "only" and not rd.det[p - 1]:  # not "X be the only 1 that ..."
            return int(number), {p - 1, p}
        if p == 0 and len(s) > 2 and s[1] != "be" and (s[1] == "of" or not rd.is_linked(1) or rd.is_named(1)):
            return int(number), {p}
    return None


def count(rd, claimed: int, used: set):
    """Decide a count by the rows that hold every other mention; each row must hold them all or fail
    one positively, else it abstains. (stance, rows, explanation) or None."""
    mentions = [m for m in rd.mentions if not any(q in used for q in range(m.start, m.end))]
    columns = [frozenset(m.columns()) for m in mentions if m.kind == "cell"]
    if not columns or any(len(c) == 1 and columns.count(c) > 1 for c in columns):
        return None  # nothing to count by, or several values of one column ("X or Y")
    held = []
    for r in range(len(rd.prep.words)):
        states = [rd.status(m, r)[0] for m in mentions]
        if "unknown" in states and "conflict" not in states:
            return None
        if all(st == "ok" for st in states):
            held.append(r)
    what = ", ".join(rd.describe(m) for m in mentions)
    found = f"count of rows with {what}: {len(held)}"
    if len(held) == claimed:
        return "supports", tuple(held), found + ", as claimed"
    return "refutes", tuple(held), found + f", not {claimed}"


# --- comparisons of two rows -------------------------------------------------------------------------

# Comparatives: True = the first row's value is the larger (or later).
COMPARATIVES = {"more": True, "greater": True, "larger": True, "higher": True, "bigger": True, "longer": True,
                "later": True, "after": True, "less": False, "fewer": False, "smaller": False, "lower": False,
                "shorter": False, "earlier": False, "before": False}
_DATED = frozenset(("before", "after", "earlier", "later"))
# Headers where "higher" means a smaller number: a rank, a position, a place.
_RANKING = re.compile(r"\b(?:rank|ranking|position|place|pos|seed|standing)\b")


def comparison(rd, p):
    """Decide "A have more H than B" / "A air before B": A and B name one row each (cells of one
    column), H is the one number column named between them (for before/after, the table's one date
    or year column); (stance, rows, explanation) or None."""
    raw, prep = rd.raw, rd.prep
    if len(rd.mentions) != 2 or any(m.kind != "cell" for m in rd.mentions):
        return None
    first, second = rd.mentions
    if not first.end <= p < second.start:
        return None
    if raw[p] in _DATED:
        cols = [c for c in range(len(prep.kinds)) if prep.kinds[c] == "date" or c in prep.years]
    else:
        named = [run for run in rd.runs if (run.start > p and run.end <= second.start) or run.end in (p, p - 1)]
        cols = sorted({c for run in named for c in run.cols if prep.kinds[c] == "number"})
        if any(not any(run.start <= q < run.end for run in named) and raw[q] not in ("than", "a", "an")
               for q in range(p + 1, second.start)):
            return None  # more words than the column's name between the comparative and B
    if len(cols) != 1 or (raw[p] in ("higher", "lower") and _RANKING.search(rd.table.header[cols[0]].lower())):
        return None
    col, rows = cols[0], []
    for m in (first, second):
        held = [r for r in range(len(prep.words)) if rd.status(m, r)[0] == "ok"]
        if len(held) != 1:
            return None
        rows.append(held[0])
    a, b = (quantity(prep, r, col, "date" if prep.kinds[col] == "date" else "number") for r in rows)
    if a is None or b is None or rows[0] == rows[1]:
        return None
    header = rd.table.header[col]
    text = "; ".join(f'row "{rd.table.rows[r][min(m.columns())]}": {header} = "{rd.table.rows[r][col]}"'
                     for r, m in zip(rows, (first, second)))
    if (a > b) if COMPARATIVES[raw[p]] else (a < b):
        return "supports", tuple(rows), f"{text}: {raw[p]}, as claimed"
    return "refutes", tuple(rows), f"{text}: not {raw[p]}"
