"""Comparing values: a claim's figure with a source's, and a claim's date with a source's.

- :func:`compare_values` compares two quantities as normalised values with their bounds and kinds:
  "more than 100" is supported by 140 and refuted by 80; a percent matches a fraction; a narrow
  range confirms a value inside it; rounding of round numbers is allowed (:func:`tolerance`);
- :func:`dates_agree` compares two dates at the coarser precision of the two.

The stance words every part of the verifier uses are defined here: ``SUPPORTS``, ``REFUTES``,
``NEUTRAL``.
"""

from __future__ import annotations

from claims.model import DateMention, Quantity

__all__ = ["NEUTRAL", "REFUTES", "SUPPORTS", "as_percent", "close", "compare_values", "dates_agree", "tolerance"]

SUPPORTS, REFUTES, NEUTRAL = "supports", "refutes", "neutral"

# Kinds of quantity that can be compared with each other.
COMPARABLE = {
    "count": {"count", "ratio", "range"},
    "ratio": {"ratio", "count", "range"},
    "range": {"range", "count", "ratio", "percent", "money", "measure"},
    "percent": {"percent", "fraction", "range"},
    "fraction": {"fraction", "percent"},
    "money": {"money", "range"},
    "measure": {"measure", "range"},
}
RANGE_WIDTH = 0.25  # a range supports a value inside it only when its top is within 25% of its bottom

def as_percent(q: Quantity) -> float | None:
    if q.kind == "percent":
        return q.value
    if q.kind == "fraction":
        return q.value * 100
    if q.kind == "ratio" and q.of:
        return 100 * q.value / q.of
    return None


def close(a: float, b: float, tolerance: float) -> bool:
    if a == b:
        return True
    scale = max(abs(a), abs(b), 1e-9)
    return abs(a - b) / scale <= tolerance


def tolerance(q: Quantity) -> float:
    if q.bound == "~":
        return 0.1
    value = abs(q.value)
    if value >= 10 and value == round(value, -1):  # a round number: 20, 100, 1,000
        return 0.05
    return 0.02


def compare_values(q: Quantity, p: Quantity) -> str | None:
    """Does the passage quantity ``p`` support or refute the claim quantity ``q``? None: not comparable."""
    if p.kind not in COMPARABLE.get(q.kind, {q.kind}):
        return None
    qv, pv = q.value, p.value
    q_pct, p_pct = as_percent(q), as_percent(p)
    if q.kind in {"percent", "fraction"} and p_pct is not None and q_pct is not None:
        qv, pv = q_pct, p_pct
    if q.kind == "ratio" and q.of is not None:
        if p.kind == "ratio" and p.of is not None:
            if close(q.of, p.of, 0.02):
                return SUPPORTS if close(qv, pv, tolerance(q)) else REFUTES
            return None
        if p.kind == "range" and p.upper is not None:  # "from 30 to 20" read as a range
            ends = {p.value, p.upper}
            if any(close(q.of, e, 0.02) for e in ends):
                return SUPPORTS if any(close(qv, e, 0.02) for e in ends) else REFUTES
            return None
        return None  # a lone count says nothing about "N out of M"
    if p.kind == "range" and p.upper is not None and q.kind != "range":
        lo, hi = sorted((p.value, p.upper))
        if q.bound in {"=", "~"}:
            if any(close(qv, end, tolerance(q)) for end in (lo, hi)):
                return SUPPORTS
            # inside a narrow range only: "0.3 to 1.7 °C" does not confirm 0.45 °C
            narrow = hi <= lo * (1 + RANGE_WIDTH) if lo > 0 else False
            return SUPPORTS if narrow and lo <= qv <= hi else None
        return None
    if q.bound in {"=", "~"}:
        if p.bound in {"=", "~"}:
            return SUPPORTS if close(qv, pv, max(tolerance(q), tolerance(p))) else REFUTES
        if p.bound in {">", ">="}:
            return REFUTES if qv < pv * (1 - tolerance(q)) else None
        if p.bound in {"<", "<="}:
            return REFUTES if qv > pv * (1 + tolerance(q)) else None
        return None
    if q.bound in {">", ">="}:
        if p.bound in {"=", "~", ">", ">="}:
            if pv > qv or (q.bound == ">=" and close(pv, qv, 0.001)):
                return SUPPORTS
            return REFUTES if p.bound in {"=", "~"} and pv < qv * (1 - tolerance(p)) else None
        return None
    if q.bound in {"<", "<="}:
        if p.bound in {"=", "~", "<", "<="}:
            if pv < qv or (q.bound == "<=" and close(pv, qv, 0.001)):
                return SUPPORTS
            return REFUTES if p.bound in {"=", "~"} and pv > qv * (1 + tolerance(p)) else None
        return None
    return None


def dates_agree(d: DateMention, e: DateMention) -> bool | None:
    if not d.value or not e.value:
        return None
    a, b = d.value, e.value
    n = min(len(a), len(b))
    if "Q" in a or "Q" in b:
        n = 4
    return a[:n] == b[:n]
