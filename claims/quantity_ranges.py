"""Neighbouring quantities merged, the last step of the scan in :mod:`claims.quantities`: ranges
("3-5%", "between 3 and 5", "from $10 to $15 billion", a bare end borrowing the other end's unit
and magnitude) and ratios ("20 out of 30 positions", "one in five"). A tally ("voted 272-219")
is no quantity and is dropped; a change and a new level ("rose 0.1% to 4.7%", "from 208 to 193")
stay two quantities.
"""

from __future__ import annotations

import re

from claims.quantity_digits import _parse_digits
from claims.quantity_draft import _Q
from claims.quantity_lexicon import _SCALES
from claims.quantity_words import _words_value

# Ranges and ratios between two neighbouring quantities.
_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b|/)\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RATIO_JOINER = re.compile(r"\s+(?:out\s+of|in|of\s+every)\s+", re.IGNORECASE)
# Verbs of change: "rose 3% to ...", "fell by 2 points to ...".
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|sank|sunk|grown|dipped|slumped|shrank|shrunk|shrinks?|swelled|contracted|up|down|increased?|decreased?|gained?|lost|"
    r"climbed?|dropped|drop|jumped?|slid|slipped|edged(?:\s+(?:up|down|higher|lower))?|grew|grow|"
    r"declined?|added|shed|plunged?|surged?|soared?|tumbled?|advanced?|eased?|lifted|raised?|"
    r"cut|lowered|higher|lower|increases?|decreases?|gains?|losses|drops?|jumps?)(?:\s+by)?\s+$",
    re.IGNORECASE)


def _merge_pairs(text: str, items: list[_Q]) -> list[_Q]:
    """Merge neighbours into ranges ("3-5%", "between 3 and 5") and ratios ("20 out of 30").

    Hyphenated pairs bind first, so "from 24.2 to 33-35 billion euros" reads as 24.2 billion
    and the range 33-35 billion.
    """
    return _merge_pass(text, _merge_pass(text, items, tight=True), tight=False)


def _merge_pass(text: str, items: list[_Q], tight: bool) -> list[_Q]:
    out: list[_Q] = []
    i = 0
    n = len(items)
    while i < n:
        a = items[i]
        if i + 1 < n:
            b = items[i + 1]
            gap = text[a.end:b.start] if b.start >= a.end else None
            if tight and gap in ("-", "–") and a.kind == b.kind == "count" and a.unit is None \
                    and b.unit is None and a.value >= b.value and not a.has_magnitude:
                i += 2  # "voted 272-219", "won 5-3": a tally, not two quantities
                continue
            if gap is not None and (gap in ("-", "–") if tight else len(gap) <= 12):
                if not tight and b.kind == "range" and b.has_magnitude and _range_to_gap(gap):
                    _borrow_magnitude(text, a, b)
                    merged = None
                else:
                    merged = _try_ratio(text, a, b, gap) or _try_range(text, a, b, gap)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _range_to_gap(gap: str) -> bool:
    return gap.strip().lower() in ("to", "-", "–")


def _borrow_magnitude(text: str, a: _Q, b: _Q) -> None:
    """ "from 24.2 to 33-35 billion euros": the bare 24.2 takes b's magnitude and unit."""
    if a.kind != "count" or a.unit is not None or a.has_magnitude or a.bound != "=":
        return
    mag = b.upper / _base_value(text, b, upper=True) if b.upper else 1.0
    if mag > 1 and a.value * mag <= b.upper * 10:
        a.value *= mag
        a.kind, a.unit, a.has_magnitude = b.kind if b.kind != "range" else "count", b.unit, True


def _try_ratio(text: str, a: _Q, b: _Q, gap: str) -> _Q | None:
    rm = _RATIO_JOINER.fullmatch(gap)
    if rm is None or a.kind != "count" or a.unit is not None or b.kind != "count":
        return None
    if "in" == gap.strip().lower() and (a.value > 100 or b.value <= a.value):
        return None
    return _Q(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, value=a.value,
              kind="ratio", unit=b.unit, bound=a.bound if a.bound != "=" else b.bound, of=b.value)


def _try_range(text: str, a: _Q, b: _Q, gap: str) -> _Q | None:
    jm = _RANGE_JOINER.fullmatch(gap)
    if jm is None:
        return None
    joiner = gap.strip().lower()
    if joiner == "to" and (a.kind != "count" or a.unit is not None) \
            and _CHANGE_BEFORE.search(text, max(0, a.start - 20), a.start):
        return None  # "edged up 0.1% to 4.7%": a change and a new level ("fell by 1 to 1.5 degrees" is a range)
    between = _BETWEEN_BEFORE.search(text, max(0, a.start - 9), a.start) is not None
    if joiner == "and" and not (between and _BETWEEN_BEFORE.search(text, max(0, a.start - 9), a.start).group().lower().startswith("between")):
        return None
    if joiner == "/" and not (a.kind == b.kind == "money"):
        return None
    if b.bound != "=" or a.approx_plural or b.approx_plural:
        return None
    # Units must agree; the bare first number borrows the second's unit and magnitude,
    # and a bare second number the first's unit ("$30-35").
    tight = joiner in ("-", "–", "—", "to")
    if a.kind not in ("count",) and a.kind != b.kind and not (tight and b.kind == "count" and b.unit is None):
        return None
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    lo = a.value
    if b.subunit and a.kind == "count" and a.unit is None and not a.has_magnitude:
        lo /= 100  # "10-15 cents": both ends in cents
    if not a.has_magnitude and b.has_magnitude and a.kind == "count" or (a.kind == b.kind == "money" and not a.has_magnitude and b.has_magnitude):
        mag = b.value / _base_value(text, b)
        if mag > 1 and lo * mag <= b.value * 10:
            lo *= mag
    if lo > b.value:
        # "from 208 to 193": a change, not a range; keep both, but let the second share the unit.
        if a.unit is not None and b.unit is None and b.kind == "count":
            b.kind, b.unit = a.kind, a.unit
        return None
    if a.kind != "count" and b.kind == "count" and b.unit is None and a.has_magnitude and not b.has_magnitude:
        return None  # "$4 million to 500 ...": no shared magnitude to assume
    return _Q(start=(a.start if not between else _BETWEEN_BEFORE.search(text, max(0, a.start - 9), a.start).start()),
              end=b.end, num_start=a.num_start, num_end=b.num_end, value=lo, kind="range",
              unit=b.unit if b.unit is not None else a.unit, bound=a.bound, upper=b.value,
              has_magnitude=b.has_magnitude)


def _base_value(text: str, q: _Q, upper: bool = False) -> float:
    """The value of q's number before its magnitude (for "from $10 to $15 billion")."""
    raw = text[q.num_start:q.num_end]
    if upper:  # the last number of a range's surface: "33-35" -> "35"
        nums = re.findall(r"\d[\d,]*(?:\.\d+)?", raw)
        raw = nums[-1] if nums else raw
    try:
        return abs(_parse_digits(raw)) or 1.0
    except ValueError:
        v = _words_value(re.findall(r"[A-Za-z]+", raw.lower()))
        if not v:
            return 1.0
        toks = re.findall(r"[A-Za-z]+", raw.lower())
        small = _words_value([t for t in toks if t not in _SCALES and t != "hundred"]) or 1.0
        return small
