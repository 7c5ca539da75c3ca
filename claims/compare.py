"""Comparing values: a claim's figure with a source's, and a claim's date with a source's.

- :func:`compare_values` compares two quantities as normalised values with their bounds and kinds:
  "more than 100" is supported by 140 and refuted by 80; a percent matches a fraction; a narrow
  range confirms a value inside it; rounding of round numbers is allowed (:func:`tolerance`);
- :func:`dates_agree` compares two dates at the coarser precision of the two;
- for primary sources: :func:`agree` compares a claimed number (with its bound and the last digit it
  is written to, :func:`rounding_unit`) with a source's number; :func:`to_base` converts measures
  (km and miles, TWh and kWh, °C and °F, seconds and hours) to one unit per dimension;
  :func:`date_at_precision` compares dates at the claim's precision (a day is not supported by a month).

The stance words every part of the verifier uses are defined here: ``SUPPORTS``, ``REFUTES``,
``NEUTRAL``.
"""

from __future__ import annotations

import re

from claims.model import DateMention, Quantity

__all__ = ["NEUTRAL", "REFUTES", "SUPPORTS", "agree", "as_percent", "close", "compare_values", "date_at_precision", "dates_agree",
           "rounding_unit", "same_dimension", "to_base", "tolerance"]

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


# --- units ------------------------------------------------------------------------------------------

# Each unit (as the quantity extractor and the table reader name it) as (dimension, size in the
# dimension's base unit). Temperatures are converted by :func:`to_base` with their offsets.
_UNIT_SIZES = {
    # length, in metres
    "km": ("length", 1000.0), "m": ("length", 1.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "mi": ("length", 1609.344), "ft": ("length", 0.3048), "in": ("length", 0.0254), "yd": ("length", 0.9144),
    "nmi": ("length", 1852.0),
    # area, in square metres
    "km2": ("area", 1e6), "m2": ("area", 1.0), "sq mi": ("area", 2589988.11), "ha": ("area", 1e4),
    "sq ft": ("area", 0.09290304), "acres": ("area", 4046.8564),
    # energy, in watt-hours; power, in watts
    "Wh": ("energy", 1.0), "kWh": ("energy", 1e3), "MWh": ("energy", 1e6), "GWh": ("energy", 1e9),
    "TWh": ("energy", 1e12), "J": ("energy", 1 / 3600), "kJ": ("energy", 1 / 3.6), "MJ": ("energy", 1e3 / 3.6),
    "W": ("power", 1.0), "kW": ("power", 1e3), "MW": ("power", 1e6), "GW": ("power", 1e9),
    # mass, in kilograms
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "mg": ("mass", 1e-6), "t": ("mass", 1000.0), "lb": ("mass", 0.45359237),
    "oz": ("mass", 0.028349523), "Mt": ("mass", 1e9), "Gt": ("mass", 1e12),
    # time, in seconds
    "seconds": ("time", 1.0), "ms": ("time", 0.001), "minutes": ("time", 60.0), "hours": ("time", 3600.0),
    "days": ("time", 86400.0), "weeks": ("time", 604800.0), "months": ("time", 2629800.0),
    "years": ("time", 31557600.0), "decades": ("time", 315576000.0), "centuries": ("time", 3155760000.0),
    # speed, in metres per second
    "km/h": ("speed", 1 / 3.6), "mph": ("speed", 0.44704), "m/s": ("speed", 1.0), "knots": ("speed", 0.514444),
}
_TEMPERATURES = {"°C": (1.0, 0.0), "°F": (5 / 9, -32.0 * 5 / 9), "K": (1.0, -273.15)}  # to °C: a·x + b


def to_base(value: float, unit: str | None) -> tuple[str, float] | None:
    """(dimension, value in its base unit) for a measure unit, or None for a unit we cannot convert.
    ``to_base(19.5, "TWh") == ("energy", 1.95e13)``; ``to_base(464, "°F")`` is about 240 °C."""
    if unit in _TEMPERATURES:
        a, b = _TEMPERATURES[unit]
        return "temperature", a * value + b
    size = _UNIT_SIZES.get(unit or "")
    return None if size is None else (size[0], value * size[1])


def same_dimension(a: str | None, b: str | None) -> bool:
    """Can a value in unit ``a`` be compared with one in unit ``b`` ("km" and "mi", "TWh" and "kWh")?"""
    da, db = to_base(1.0, a), to_base(1.0, b)
    return da is not None and db is not None and da[0] == db[0]


# --- agreement of two numbers ---------------------------------------------------------------------

_NUMERAL = re.compile(r"\d+(?:[,\u2009\u202f ]\d{3})*(?:\.\d+)?")
APPROX_BAND = 0.05  # "about 4.3 million" holds within 5% (or half its last digit, if wider)
EXACT_BAND = 0.0  # "4.3 million" holds within half its last digit: 4.25 to 4.35 million


def rounding_unit(q: Quantity) -> float:
    """The size of the last digit a claim's figure is written to, in the figure's own value:
    "about 4.3 million" -> 100,000; "120,500 km" -> 100; "11,779 votes" -> 1; "a fifth" -> 0."""
    if q.unit == "seconds" and not _PLAIN_SECONDS.fullmatch(q.text.strip()):  # "2:03:23", "2 hours 10 minutes"
        return _duration_unit(q.text)
    m = _NUMERAL.search(q.text)
    if not m:
        return 0.0
    digits = re.sub(r"[,\u2009\u202f ]", "", m.group())
    written = float(digits)
    if "." in digits:
        unit = 10.0 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        unit = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    factor = abs(q.value / written) if written else 1.0
    return unit * factor


_PLAIN_SECONDS = re.compile(r"[\d.,]+\s*(?:s|secs?|seconds?)", re.I)
_DURATION_PART = re.compile(r"(\d+(?:\.(\d+))?)\s*(?P<unit>h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)?\b", re.I)


def _duration_unit(text: str) -> float:
    """The last digit of a duration written in parts, in seconds: "2:03:23" -> 1, "3:46.04" -> 0.01,
    "2 hours 10 minutes" -> 60, "one minute, 47.97 seconds" -> 0.01 (its last part decides)."""
    parts = list(_DURATION_PART.finditer(text))
    if not parts:
        return 0.0
    last = parts[-1]
    unit = 10.0 ** -len(last.group(2)) if last.group(2) else 1.0
    word = (last.group("unit") or "s").lower() if ":" not in text else "s"
    return unit * (3600.0 if word.startswith("h") else 60.0 if word.startswith("m") else 1.0)


def agree(claimed: float, bound: str, unit: float, found: float, found_approx: bool = False,
          found_bound: str = "=") -> str | None:
    """Does a source's number ``found`` support or refute a claim that the value is ``bound claimed``
    (written to the last digit ``unit``)? None: it decides nothing (an estimate right at the claim's bound).

    - "=": within half the claim's last digit or 0.5%; "~": within half its last digit or 5%;
    - ">" / ">=": above the claimed bound supports, below it refutes; an estimate equal to the bound
      ("an estimated $14 billion" for "topped $14 billion") decides nothing; "<" / "<=" the same way down;
    - a source's own bound ("more than half") only refutes a value outside it (51.8% is not decided by it).
    """
    gap = abs(found - claimed)
    if found_bound in {">", ">=", "<", "<="}:  # the source gives a bound: "more than half"
        if bound not in {"=", "~"}:
            return None
        outside = claimed < found if found_bound in {">", ">="} else claimed > found
        return REFUTES if outside and gap > max(unit / 2, APPROX_BAND * abs(claimed) if bound == "~" else 0) else None
    if bound in {"=", "~"}:
        band = max(unit / 2 * 1.0001, (APPROX_BAND if bound == "~" else EXACT_BAND) * abs(claimed))
        if found_approx and bound == "=":
            band = max(band, APPROX_BAND * abs(claimed))
        return SUPPORTS if gap <= band else REFUTES
    level = max(EXACT_BAND * abs(claimed), 1e-12)
    if gap <= level:
        if found_approx:
            return None
        return SUPPORTS if bound in {">=", "<="} else REFUTES
    above = found > claimed
    if bound in {">", ">="}:
        return SUPPORTS if above else REFUTES
    if bound in {"<", "<="}:
        return REFUTES if above else SUPPORTS
    return None


def date_at_precision(claimed: DateMention, found: DateMention) -> str | None:
    """A claim's date against a source's, at the claim's precision: "March 2015" is supported by a
    day in March 2015 and refuted by April 2015 or 2016; "12 May 1998" is refuted by 1999 and by
    14 May 1998 but not decided by "May 1998" (the source says less than the claim)."""
    if not claimed.value or not found.value:
        return None
    a, b = claimed.value, found.value
    if "Q" in a or "Q" in b or "W" in a or "W" in b:
        if a[:4] != b[:4]:
            return REFUTES
        if a == b:
            return SUPPORTS
        return None
    n = min(len(a), len(b))
    if a[:n] != b[:n]:
        return REFUTES  # they differ at a precision both state: another year, month or day
    return SUPPORTS if len(b) >= len(a) else None
