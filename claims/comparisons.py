"""Claims that compare: one subject against others, worked out from the figures a source gives for each.

- "A won more medals than B" / "A's GDP per person was lower than B's" / "... than B and C combined":
  the source's figure for A against B's (or B's and C's summed);
- "A received about 7 million more votes than B": the difference A − B against the claimed figure;
- "A handled more than one and a half times as many passengers as B": the ratio A / B;
- "A placed lower in the medal table than B" (after "but", of the same pair): the rows' order, or a
  rank column.

Each subject's figure comes from a table (the subject's row, the column of the measure: a total when
the claim counts things in general, "more medals") or, failing that, from a sentence that gives one
figure for that subject and the measure ("Trump received 74.2 million votes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.compare import REFUTES, SUPPORTS, agree, rounding_unit
from claims.documents import Reading
from claims.frame import Frame, word_stems
from claims.model import Quantity
from claims.passages import SourceText
from claims.tablecheck import Finding, covered
from claims.tables import typed

__all__ = ["Comparison", "check_comparisons", "comparisons"]

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_MORE = frozenset("more higher greater larger bigger".split())
_LESS = frozenset("fewer less lower smaller".split())
# "[about 7 million] more votes than Trump", "lower than Germany's", "more medals in Paris than China and Japan combined".
_THAN = re.compile(
    rf"""\b(?P<cmp>more|fewer|less|higher|lower|greater|larger|bigger|smaller)\b(?P<what>(?:\s+(?!than\b)[\w'’-]+){{0,4}}?)\s+than\s+
    (?:the\s+)?(?P<others>{_NAME}(?:['’]s)?(?:\s*(?:,|and)\s*(?:the\s+)?{_NAME}(?:['’]s)?)*)(?P<combined>\s+(?:combined|together|put\s+together))?""",
    re.VERBOSE,
)
# "one and a half times as many passengers as Delhi", "three times as many ... as B".
_TIMES = re.compile(rf"\btimes\s+as\s+(?:many|much)\s+(?P<what>(?:[\w-]+\s+){{0,3}}?)as\s+(?P<others>{_NAME})")
# "but placed lower in the medal table", "ranked higher in the standings".
_PLACED = re.compile(r"\b(?:placed|ranked|finished|came)\s+(?P<cmp>lower|higher|above|below)\s+(?:in|on)\s+the\s+(?:[\w-]+\s+)?"
                     r"(?:table|ranking|rankings|standings|list)\b")
_TOTAL = re.compile(r"^\s*(?:total|all|overall|combined)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Comparison:
    text: str  # the comparison as the claim writes it
    subject: str
    others: tuple[str, ...]
    sign: int  # +1 "more", -1 "fewer"; 0 with a figure (a difference or a multiple)
    measure: frozenset[str]
    figure: Quantity | None = None  # "about 7 million" (a difference) or "one and a half times" (a multiple)
    times: bool = False
    placing: bool = False  # "placed lower in the table": row order


def _subject_before(text: str, at: int, frame: Frame) -> str | None:
    head = text[:at]
    candidates = [n for n in frame.names + ((frame.lead,) if frame.lead else ()) if n in head]
    return min(candidates, key=head.find) if candidates else None


def _others(group: str) -> tuple[str, ...]:
    return tuple(re.sub(r"^the\s+|['’]s$", "", n.strip().rstrip(".")) for n in re.split(r"\s*(?:,|\band\b)\s*", group) if n.strip())


def comparisons(frame: Frame) -> list[Comparison]:
    """The comparisons a claim makes, in its order."""
    text = frame.text
    out: list[Comparison] = []
    names = frame.names + ((frame.lead,) if frame.lead else ())
    taken = set()
    for m in _THAN.finditer(text):
        subject = _subject_before(text, m.start(), frame)
        if not subject:
            continue
        others = _others(m.group("others"))
        figure = next((f.quantity for f in frame.figures if f.than and f.quantity.end <= m.start() + 1), None)
        named = frozenset(w for n in names for w in word_stems(n))
        measure = (word_stems(m.group("what")) | word_stems(text[: m.start()])) - named
        if others and (others[0] in names or any(o in text for o in others)):
            sign = 0 if figure else (1 if m.group("cmp") in _MORE else -1)
            out.append(Comparison(m.group(), subject, others, sign, frozenset(measure - _GENERIC), figure))
            taken.add(m.start())
    for m in _TIMES.finditer(text):
        subject = _subject_before(text, m.start(), frame)
        figure = next((f.quantity for f in frame.figures if "times" in f.quantity.text and f.quantity.end <= m.start() + 6), None)
        if subject and figure:
            out.append(Comparison(m.group(), subject, _others(m.group("others")), 0,
                                  frozenset(word_stems(m.group("what")) - _GENERIC), figure, times=True))
    placed = _PLACED.search(text)
    if placed and out:
        sign = 1 if placed.group("cmp") in {"higher", "above"} else -1
        out.append(Comparison(placed.group(), out[0].subject, out[0].others, sign, frozenset(), placing=True))
    return out


_GENERIC = frozenset(word_stems("won win received handled had has have was were is are made the in at of for about around "
                                "roughly nearly almost million billion thousand trillion percent"))


def _table_values(source: SourceText, names: tuple[str, ...], measure: frozenset[str], placing: bool,
                  year: str | None = None) -> tuple[list[float], list[int], str] | None:
    """Each name's figure from one table column (or its row number, for a placing), the rows and the column."""
    for table in source.tables:
        tt = typed(table)
        rows = []
        for name in names:
            stems = word_stems(name)
            found = [r for r in range(len(table.rows)) if stems and stems <= word_stems(re.sub(r"\([^)]*\)", " ", table.rows[r][tt.key]))]
            if len(found) != 1:
                break
            rows.append(found[0])
        if len(rows) != len(names):
            continue
        if placing:
            return [float(r) for r in rows], [table.passages[r] if r < len(table.passages) else -1 for r in rows], "the table's order"
        context = word_stems(table.caption or "")
        scored = []
        for i, column in enumerate(tt.columns):
            if i == tt.key or column.kind == "text" or column.change:
                continue
            if column.year and year and column.year != year[:4]:
                continue
            score = covered(measure, word_stems(column.name) | context) + 0.1 * covered(measure, word_stems(column.name))
            if _TOTAL.match(column.name):
                score += 0.05  # "more medals": the total, not one kind
            scored.append((score, i))
        if not scored:
            continue
        scored.sort(reverse=True)
        best, col = scored[0]
        if best < 0.5 or (len(scored) > 1 and scored[1][0] == best):
            continue
        values = [tt.value(r, col) for r in rows]
        if any(v is None for v in values):
            continue
        return values, [table.passages[r] if r < len(table.passages) else -1 for r in rows], table.header[col]
    return None


def _prose_value(reading: Reading, name: str, measure: frozenset[str]) -> tuple[float, int] | None:
    """A name's figure from the one sentence that gives one for it and the measure (among several, the
    one that opens with the name: "Trump received 74.2 million votes")."""
    found = []
    stems = word_stems(name)
    for s in reading.sentences:
        if s.row or not stems <= s.words or covered(measure, s.words) < 1.0:
            continue
        figures = [q for q in s.quantities if q.kind in {"count", "money", "measure"} and name in s.text[: q.start]]
        if figures:
            found.append((figures[0].value, s.passage, s.text.lstrip().startswith(name)))
    if len(found) > 1:
        found = [f for f in found if f[2]]
    return found[0][:2] if len(found) == 1 else None


def _decide(c: Comparison, values: list[float]) -> str | None:
    subject, others = values[0], sum(values[1:])
    if c.placing:  # a lower place is a later row
        return SUPPORTS if (subject > others) == (c.sign < 0) else REFUTES
    if c.figure is not None and c.times:
        return agree(c.figure.value, c.figure.bound, rounding_unit(c.figure), subject / others) if others else None
    if c.figure is not None:
        return agree(c.figure.value, c.figure.bound, rounding_unit(c.figure), subject - others)
    if subject == others:
        return REFUTES
    return SUPPORTS if (subject > others) == (c.sign > 0) else REFUTES


def check_comparisons(frame: Frame, found: list[Comparison], source: SourceText, reading: Reading) -> list[Finding]:
    out = []
    for c in found:
        names = (c.subject,) + c.others
        table = _table_values(source, names, c.measure, c.placing, frame.year)
        if table:
            values, passages, column = table
            passage = passages[0]
            shown = ", ".join(f"{n} {v:g}" for n, v in zip(names, values))
        else:
            prose = [_prose_value(reading, n, c.measure) for n in names] if not c.placing else []
            if not prose or any(p is None for p in prose):
                continue
            values, passage, column = [p[0] for p in prose], prose[0][1], "the text"
            shown = ", ".join(f"{n} {v:,.6g}" for n, v in zip(names, values))
        stance = _decide(c, values)
        if stance:
            out.append(Finding(c.text, stance, passage, f"claim {c.text!r} vs {column}: {shown}"))
    return out
