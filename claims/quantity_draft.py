"""The quantity under construction in :mod:`claims.quantities`: :class:`_Q`, the mutable record
every reader of a number fills in (its span and the span of the number itself, value, kind, unit,
bound, range end or ratio whole, and the flags later passes read: a magnitude written, a glued
"m" awaiting its sentence, cents awaiting their currency, ...). :func:`claims.quantities.find_quantities`
turns the finished ones into frozen :class:`claims.model.Quantity` objects.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class _Q:
    """A quantity under construction (mutable, internal)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    kind: str = "count"
    unit: str | None = None
    bound: str = "="
    of: float | None = None
    upper: float | None = None
    has_magnitude: bool = False
    approx_plural: bool = False
    after_hyphen: bool = False  # "3888-2": kept only if it merges into a range with its left side
    np_modifiers: int = 0  # words between the number and the head noun (+1 if the head is capitalised)
    bare_m: bool = False  # "38m" read as metres for want of a sign; the sentence may make it million
    open_currency: bool = False  # "32 cents" whose dollar or euro the sentence may name
    subunit: bool = False  # a hundredth of a currency ("15 cents"): a bare number before it shares it
