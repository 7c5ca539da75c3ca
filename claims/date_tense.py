"""The year of a date named without one, for :mod:`claims.dates`: :func:`_tense` reads the
clause, then the sentence, around a date for words of the future ("will", "is due", "takes
effect") or of the past ("rose", "was"); :func:`_month_year`, :func:`_day_year` and
:func:`_quarter_year` pick accordingly the last or the next such month, day or quarter from the
publication date ("In October" in February 2005 is 2004-10; "will open in October" is 2005-10).
"""

from __future__ import annotations

import datetime as _dt
import re

from claims.date_published import _Pub, _valid

# Words that put a date in the future of the publication date, and words of the past tense.
# "Elections are due in November", "will run in Madrid on 4-6 March", "profits rose in October".
_FUTURE = re.compile(
    r"""
    \b(?:will|shall|won['’]t|going\s+to|(?:is|are|am|was|were)\s+(?:due|set|scheduled|expected|planned|poised|likely|about)
      |(?:is|are)\s+to|due\s+(?:on|in|by|for|next)|set\s+to|scheduled|upcoming|forthcoming|coming|ahead\s+of
      |plans?\s+to|intends?\s+to|aims?\s+to|hopes?\s+to|expects?|forecasts?|predicts?|(?:expected|forecast|predicted)\s+to
      |(?:would|could|may|might|can|should|must)(?!\s+(?:not\s+)?have))\b
    | ['’]ll\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# The past: a past form of a verb, not of one that reports ("Lavrov said the move could take
# effect on November 1" dates the move, not the saying).
_PAST = re.compile(
    r"""
    \b(?:was|were|had|did|came|went|took|made|began|won|lost|rose|fell|grew|saw|held|met|left|got
      |gave|ran|beat|sold|paid|bought|became|broke|ago|earlier|previous|last)\b
    | \b(?!(?:announc|report|add|stat|claim|warn|insist|reveal|confirm|explain|not|argu|suggest|predict
            |ask|repli|indicat|hundr|kindr|sacr|wick|nak|indeed)ed\b)(?-i:[a-z]{2,}[^\We]ed)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
# The present of a schedule puts a date ahead: "The law takes effect in January", "It ends on
# November 1"; for a day, so does any present ("The final is on 4 March").
_SCHEDULE = re.compile(r"\b(?:begins?|starts?|ends?|opens?|closes?|resumes?|expires?|takes?\s+(?:effect|place)|kicks?\s+off|runs?\s+(?:from|until|till|to|through))\b",
                       re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|am|runs?|plays?|meets?|faces?)\b", re.IGNORECASE)
# Where a sentence or its clause ends, for the tense of a date: the clause first, then the sentence.
_SENTENCE_EDGE = re.compile(r"[.!?][\"'”’)]*\s|\n")
_CLAUSE_EDGE = re.compile(r"[,;:()–—]|\s(?:and|but|while|whereas|which|who|after|before|when|although|though)\s", re.IGNORECASE)


def _tense(text: str, start: int, end: int, present: bool = False) -> str | None:
    """ "future", "past" or None: what the words around a date say of its time. A present of
    schedule ("takes effect", "begins") counts as the future; with ``present`` (for a day named
    without its year) any present does ("The final is on 4 March").

    The clause of the date decides first ("He won in October and will defend it": past), then
    its sentence ("He said he will retire in October": future). A word of the future ("will",
    "is due", "ahead of", "upcoming") outranks one of the past in the same stretch.
    """
    lo = max(0, start - 300)
    hi = min(len(text), end + 300)
    left = lo
    for m in _SENTENCE_EDGE.finditer(text, lo, start):
        left = m.end()
    m = _SENTENCE_EDGE.search(text, end, hi)
    right = m.start() if m else hi
    c_left = left
    for m in _CLAUSE_EDGE.finditer(text, left, start):
        c_left = m.end()
    m = _CLAUSE_EDGE.search(text, end, right)
    c_right = m.start() if m else right
    for a, b in ((c_left, c_right), (left, right)):
        if _FUTURE.search(text, a, b):
            return "future"
        if _PAST.search(text, a, b):
            return "past"
        if _SCHEDULE.search(text, a, b) or present and _PRESENT.search(text, a, b):
            return "future"
    return None


def _month_year(pub: _Pub, mo: int, tense: str | None) -> int:
    """The year of a month named alone: the publication month's own year for that month; else the
    next such month for the future tense and the last one otherwise ("In October" in an article of
    February 2005 is October 2004; "will open in January" is January 2006)."""
    if pub.m is None or mo == pub.m:
        return pub.y
    if tense == "future":
        return pub.y if mo > pub.m else pub.y + 1
    return pub.y if mo < pub.m else pub.y - 1


def _day_year(pub: _Pub, mo: int, d: int, tense: str | None) -> int:
    """The year of a day named without one: the next such day for the future tense, the last one
    for the past, else the nearer of the two (a day is named without its year when it is close:
    "on 4-6 March" in an article of February is this March; "on 12 October" is last October)."""
    if pub.m is None:
        return pub.y
    if pub.d is None:
        return _month_year(pub, mo, tense) if tense or mo == pub.m else \
            (pub.y if (mo - pub.m) % 12 < (pub.m - mo) % 12 else _month_year(pub, mo, "past"))
    today = pub.date
    options = []
    for y in (pub.y - 1, pub.y, pub.y + 1):
        if _valid(y, mo, d):
            options.append(_dt.date(y, mo, d))
    if not options:
        return pub.y
    if tense == "future":
        later = [o for o in options if o >= today]
        return later[0].year if later else pub.y
    earlier = [o for o in options if o <= today]
    if tense == "past":
        return earlier[-1].year if earlier else pub.y
    later = [o for o in options if o > today]
    if earlier and later:
        return earlier[-1].year if (today - earlier[-1]) <= (later[0] - today) else later[0].year
    return (earlier or later)[0].year


def _quarter_year(pub: _Pub, q: int, tense: str | None) -> int:
    """The year of a quarter named alone: the last completed such quarter ("third quarter" in an
    article of February 2005 is 2004-Q3, and so is "fourth quarter"), or for the future tense the
    next one not yet over ("expects growth in the fourth quarter", in October: this year's)."""
    if pub.m is None:
        return pub.y
    current = (pub.m - 1) // 3 + 1
    if tense == "future":
        return pub.y if q >= current else pub.y + 1
    return pub.y if q < current else pub.y - 1
