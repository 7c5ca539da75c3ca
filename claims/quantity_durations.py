"""Durations, for :mod:`claims.quantities`: a clock-form time ("3:46.04", "2:17:18", "in a time
of 31:41") read by :func:`_from_clock`, and a duration written in several units ("one minute, 47.97
seconds", "2hr 4min 55sec") merged by :func:`_merge_durations`; either is one quantity of kind
"measure", unit "seconds", its value in seconds. A clock that reads as a time of day ("10:30",
"at 7:45pm") is no duration and is left to the scan, which skips it.
"""

from __future__ import annotations

import re

from claims.quantity_attach import _attach_bound
from claims.quantity_draft import _Q

# Durations: a clock form ("3:46.04", "2:17:18", "31:41") and the units of a compound one.
_CLOCK_DURATION = re.compile(r"(?:(?P<h>\d{1,2}):(?=[0-5]\d:))?(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?P<f>\.\d+)?(?![\d:]|\.\d)")
_CLOCK_OF_DAY_AFTER = re.compile(r"\s?(?:[ap]\.?m\b\.?|GMT|UTC|BST|EDT|EST|PDT|PST|CET|ET|PT)\b", re.IGNORECASE)
_DURATION_BEFORE = re.compile(
    r"(?:\b(?:in|of|clocked|clocking|clocks|timed|ran|run|runs|running|finished|finishing|won|winning|record|best|"
    r"mark|time|under|inside|outside)[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?|\([ \u00a0]*|\bsub-)$", re.IGNORECASE)
_DURATION_RANK = {"hours": 3, "minutes": 2, "seconds": 1}
_DURATION_SECONDS = {"hours": 3600.0, "minutes": 60.0, "seconds": 1.0}
_DURATION_JOINER = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:and[ \u00a0]+)?")


def _from_clock(text: str, s: int) -> _Q | None:
    """A duration written as a clock: "3:46.04" (a race time), "2:17:18", "in a time of 31:41".

    Hundredths of a second make it a duration wherever it stands; without them only a word of
    timing before it does ("in", "a time of", "clocked", "record of"): "at 10:30" is a time of
    day and "10:30pm" always is. The value is in seconds (kind "measure", unit "seconds").
    """
    cm = _CLOCK_DURATION.match(text, s)
    if cm is None or _CLOCK_OF_DAY_AFTER.match(text, cm.end()):
        return None
    if cm.group("f") is None and _DURATION_BEFORE.search(text, max(0, s - 24), s) is None:
        return None
    seconds = 3600 * int(cm.group("h") or 0) + 60 * int(cm.group("m")) + float(cm.group("s") + (cm.group("f") or ""))
    q = _Q(start=s, end=cm.end(), num_start=s, num_end=cm.end(), value=seconds, kind="measure", unit="seconds")
    _attach_bound(text, q)
    return q


def _merge_durations(text: str, items: list[_Q]) -> list[_Q]:
    """One duration written in several units is one quantity in seconds: "one minute, 47.97
    seconds" = 107.97 s, "2hr 4min 55sec", "24 hours, 39 minutes and 35 seconds". Each next unit
    is smaller than the last and its number below 60."""
    out: list[_Q] = []
    ranks: list[int] = []  # the rank of the smallest unit merged so far (0: not a duration)
    total: list[float] = []
    for q in items:
        rank = _DURATION_RANK.get(q.unit, 0) if q.kind == "measure" else 0
        if rank and out and 0 < rank < ranks[-1] and 0 <= q.value < 60 and q.bound == "=" \
                and q.start >= out[-1].end and _DURATION_JOINER.fullmatch(text, out[-1].end, q.start):
            a = out[-1]
            total[-1] += q.value * _DURATION_SECONDS[q.unit]
            a.value, a.unit, a.end, a.num_end = total[-1], "seconds", q.end, q.num_end
            ranks[-1] = rank
            continue
        out.append(q)
        ranks.append(rank)
        total.append(q.value * _DURATION_SECONDS[q.unit] if rank else 0.0)
    return out
