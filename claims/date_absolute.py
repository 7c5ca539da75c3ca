"""Dates named by the calendar, for :mod:`claims.dates`: month-day and day-month dates
("November 1", "1 November 2021"), ranges of days ("4-6 March": two mentions), month and year
("in March 2020"), a month alone after a word that makes it a date ("in November", "last March"),
ISO dates and months, year spans ("2012–13"), years judged by their context ("in 2008", but not
"2000 troops") and quarters ("Q4", "the third quarter of 2020"). Each reader appends candidates
(the tuples described below) to the list :func:`claims.dates.find_dates` resolves.
"""

from __future__ import annotations

import re

from claims.date_lexicon import (
    COUNT_NOUNS,
    MONTHS,
    ORDINAL_QUARTERS,
    STRONG_YEAR_CONTEXT,
    WEAK_YEAR_CONTEXT,
    YEAR_PLURALS,
)
from claims.date_published import _iso, _Pub, _valid
from claims.date_tense import _day_year, _month_year, _quarter_year, _tense

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

# A month name: capitalised so that "may" and "march" the verbs are not months; abbreviations
# may carry a dot ("Nov. 1"). "May" alone is only accepted with a day or a year after it.
_MONTH = r"""
    (?:January|February|March|April|May|June|July|August|September|October|November|December
      |(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?
    )(?![A-Za-z])
"""
# A day of the month, with an optional ordinal suffix, not part of a longer number.
_DAY = r"""
    (?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?
    (?![0-9A-Za-z])(?!,[0-9]{3})(?![.:][0-9])
"""
# A plausible year: 1000-2199, not part of a longer number or a decimal.
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2}|21[0-9]{2})(?![0-9A-Za-z%])(?![.,][0-9])"

# "November 1", "Nov. 1", "November 1st", "November 1, 2021".
MONTH_DAY = re.compile(
    rf"""
    (?<![A-Za-z])(?P<month>{_MONTH})      # the month
    \s+{_DAY}                             # the day
    (?:,?\s+{_YEAR})?                     # an optional year
    """,
    re.VERBOSE,
)
# "1 November 2021", "1st of November".
DAY_MONTH = re.compile(
    rf"""
    (?<![0-9A-Za-z.,])
    (?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?   # the day
    \s+(?:of\s+)?(?P<month>{_MONTH})                    # the month
    (?:,?\s+{_YEAR})?                                   # an optional year
    """,
    re.VERBOSE,
)
# "November 2021", "in March 2020", "May of 2019", "in early March 2020".
MONTH_YEAR = re.compile(
    rf"""
    (?:(?<![A-Za-z])(?P<prep>[Ii]n)\s+)?            # "in", kept in the span like for years
    (?:(?<![A-Za-z])(?:early|mid|late)(?:\s+|-))?   # a part of the month
    (?<![A-Za-z])(?P<month>{_MONTH})
    ,?\s+(?:of\s+)?{_YEAR}
    """,
    re.VERBOSE,
)
# A range of days in one month: "4-6 March", "4 to 6 March 2005", "between 4 and 6 March".
DAY_RANGE = re.compile(
    rf"""
    (?<![0-9A-Za-z.,])
    (?P<d1>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?             # the first day
    (?:\s?[-–—]\s?|\s+(?:to|until|till|through|and)\s+)         # the joiner
    (?P<d2>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?             # the last day
    \s+(?:of\s+)?(?P<month>{_MONTH})                            # their month
    (?:,?\s+{_YEAR})?                                            # an optional year
    """,
    re.VERBOSE,
)
# The same, month first: "March 4-6", "March 4 to 6, 2005".
MONTH_DAY_RANGE = re.compile(
    rf"""
    (?<![A-Za-z])(?P<month>{_MONTH})\s+
    (?P<d1>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?
    (?:\s?[-–—]\s?|\s+(?:to|until|till|through|and)\s+)
    (?P<d2>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9A-Za-z])(?![.:,][0-9])
    (?:,?\s+{_YEAR})?
    """,
    re.VERBOSE,
)
# A month name alone after a word that makes it a date: "in November", "last March", "the three
# months to December" ("to May" is left out: too often the name).
BARE_MONTH = re.compile(
    r"""
    (?<![A-Za-z])
    (?:(?P<lead>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Ff]rom|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|mid)
      |(?P<to>to)(?=\s+(?!May\b)))
    (?:\s+|-)
    (?:(?:early|mid|late)(?:\s+|-))?
    (?P<month>January|February|March|April|May|June|July|August|September|October|November|December)
    (?![A-Za-z])(?!\s+[0-9])
    """,
    re.VERBOSE,
)
# Full ISO dates "2021-10-18" (also the date part of "2021-10-18T12:00:00Z").
ISO_DAY = re.compile(
    r"(?<![0-9A-Za-z-])(?P<y>[12][0-9]{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
# "2021-10" (an ISO month) or "2012–13", "2012-2014" (a span of years); told apart in code.
YEAR_PAIR = re.compile(
    r"""
    (?:(?<![A-Za-z])(?P<prep>[Ii]n)\s+)?          # "in" kept in the span
    (?<![0-9A-Za-z.,-])
    (?P<y1>1[0-9]{3}|20[0-9]{2}|21[0-9]{2})
    (?P<sep>\s?[–—-]\s?|/)                        # hyphen, en or em dash, or a slash
    (?P<y2>[0-9]{4}|[0-9]{2})
    (?![0-9A-Za-z%])(?![.,][0-9])(?!-[0-9])
    """,
    re.VERBOSE,
)
# Gates: a text in which these find nothing holds no match of the patterns that need them, and those
# readers skip it (each pattern tries every position of the text: a pass costs ≈ 0.1 s a MB).
# Every month pattern above names a capitalised month, each starting with one of these.
MONTH_GATE = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# Every QUARTER match holds "quarter" (any case) or "Q1" to "Q4".
QUARTER_GATE = re.compile(r"(?i:quarter)|Q[1-4]")

# Any 4-digit year candidate; its context is judged in code (see _year_context).
YEAR = re.compile(rf"(?:(?<=[Mm]id-)|(?<![0-9A-Za-z$£€¥.,/#+-])){_YEAR}")
# Before a year candidate: an optional word, then an optional "early"/"late"/"mid-".
_YEAR_LEAD = re.compile(
    r"""
    (?:(?<![A-Za-z])(?P<word>[A-Za-z]+)\.?\s+)?       # the context word ("in", "since", "the")
    (?:(?<![A-Za-z])(?P<mod>early|late|mid|Early|Late|Mid)(?:\s+|-))?   # a part of the year
    \Z
    """,
    re.VERBOSE,
)
# Between two years of a list: "in 2008 and 2014", "2008, 2012 or 2014".
YEAR_LIST_JOINER = re.compile(r"\s*(?:,|and|or|to|,\s*and|,\s*or)\s*")
# After a year candidate: the next word, to reject counts ("2000 troops").
_NEXT_WORD = re.compile(r"\s*(?P<apos>['’]s\b)?\s*(?P<word>[A-Za-z]+)?")

# "Q4", "Q4 2021", "in the fourth quarter", "third quarter of 2020", "first-quarter".
QUARTER = re.compile(
    rf"""
    (?:(?<![A-Za-z])(?P<prep>[Ii]n|[Dd]uring)\s+)?
    (?:(?<![A-Za-z])(?:the|its|this\s+year's|this\s+year’s)\s+)?
    (?<![A-Za-z])(?P<ord>(?i:first|second|third|fourth|final)|1st|2nd|3rd|4th)[\s-]+(?i:quarter)(?![A-Za-z])
    (?:\s+of\s+{_YEAR}|(?P<y2>\s+(?:1[0-9]{{3}}|20[0-9]{{2}})(?![0-9])))?
    |
    (?<![0-9A-Za-z])Q(?P<q>[1-4])(?:\s*(?P<y3>(?:19|20)[0-9]{{2}})|\s*'(?P<yy>[0-9]{{2}}))?(?![0-9A-Za-z])
    """,
    re.VERBOSE,
)

# --------------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------------

# A candidate is (start, end, value, precision, anchored, explicit):
#   anchored -- None, or for a narrative reference the number of years it lies after the date
#               before it ("a year earlier": -1, "days later": 0), whose year it takes;
#   explicit -- a date that can be that anchor (any date with a value, relative ones included:
#               "last year ... a year earlier").


def _month_number(name: str) -> int | None:
    return MONTHS.get(name.rstrip(".").lower())


def _day_ranges(text: str, pub: _Pub, out: list) -> None:
    """ "4-6 March": two day mentions, "4" (2005-03-04) and "6 March" (2005-03-06), one per end of
    the range, so that both ends are dates with a value (the same year for both)."""
    if not MONTH_GATE.search(text):
        return
    for pattern, month_first in ((DAY_RANGE, False), (MONTH_DAY_RANGE, True)):
        for m in pattern.finditer(text):
            mo, d1, d2 = _month_number(m["month"]), int(m["d1"]), int(m["d2"])
            if mo is None or d1 >= d2:
                continue
            y = _year_of_day(text, m, pub, mo, d1)
            if y is not None and not (_valid(y, mo, d1) and _valid(y, mo, d2)):
                continue
            first = (m.start(), m.end("d1") + _suffix_len(text, m.end("d1"))) if month_first else \
                (m.start("d1"), m.end("d1") + _suffix_len(text, m.end("d1")))
            second = (m.start("d2"), m.end())
            for (a, b), d in ((first, d1), (second, d2)):
                out.append((a, b, _iso(y, mo, d) if y else None, "day", None, True))


def _year_of_day(text: str, m: re.Match, pub: _Pub, mo: int, d: int) -> int | None:
    """The year of a day mention: the one it names, else the publication's past or future by tense."""
    if m["year"]:
        return int(m["year"])
    if pub.y is None:
        return None
    return _day_year(pub, mo, d, _tense(text, m.start(), m.end(), present=True))


def _suffix_len(text: str, at: int) -> int:
    return 2 if text[at:at + 2] in ("st", "nd", "rd", "th") else 0


def _calendar(text: str, pub: _Pub, out: list) -> None:
    _day_ranges(text, pub, out)
    months = MONTH_GATE.search(text) is not None  # else no month pattern can match: those passes are skipped
    for m in (*MONTH_DAY.finditer(text), *DAY_MONTH.finditer(text)) if months else ():  # "November 1", "1 November"
        mo, d = _month_number(m["month"]), int(m["day"])
        if mo is None:
            continue
        y = _year_of_day(text, m, pub, mo, d)
        if y is None:
            out.append((m.start(), m.end(), None, "day", None, True))
        elif _valid(y, mo, d):
            out.append((m.start(), m.end(), _iso(y, mo, d), "day", None, True))
    for m in MONTH_YEAR.finditer(text) if months else ():
        mo = _month_number(m["month"])
        if mo:
            out.append((m.start(), m.end(), _iso(int(m["year"]), mo), "month", None, True))
    for m in BARE_MONTH.finditer(text) if months else ():
        mo = MONTHS[m["month"].lower()]
        lead = (m["lead"] or m["to"]).lower()
        start = m.start() if lead in ("in", "last", "this", "next") else m.start("month")
        if lead in ("early", "late", "mid"):
            start = m.start()
        if pub.y is None:
            out.append((start, m.end(), None, "month", None, True))
            continue
        y = pub.y
        if pub.m is not None and lead == "last":
            y = pub.y if mo < pub.m else pub.y - 1
        elif pub.m is not None and lead == "next":
            y = pub.y if mo > pub.m else pub.y + 1
        elif lead != "this":  # "In October": the last October unless the tense says the next
            y = _month_year(pub, mo, _tense(text, m.start(), m.end()))
        out.append((start, m.end(), _iso(y, mo), "month", None, True))
    for m in ISO_DAY.finditer(text):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(y, mo, d):
            out.append((m.start(), m.end(), _iso(y, mo, d), "day", None, True))
    for m in YEAR_PAIR.finditer(text):
        y1, y2s, sep = int(m["y1"]), m["y2"], m["sep"].strip()
        start = m.start()
        if len(y2s) == 2:
            y2 = y1 // 100 * 100 + int(y2s)
            if y2 > y1 and sep != "/":
                out.append((start, m.end(), _iso(y1), "year", None, True))
            elif sep == "-" and m["sep"] == "-" and 1 <= int(y2s) <= 12:
                # "2021-10": an ISO month; the preposition stays out of the span.
                out.append((m.start("y1"), m.end(), _iso(y1, int(y2s)), "month", None, True))
        else:
            y2 = int(y2s)
            if y1 < y2 <= y1 + 100 and sep != "/":
                out.append((start, m.end(), _iso(y1), "year", None, True))


def _years(text: str, out: list) -> None:
    last_end = -10
    for m in YEAR.finditer(text):
        s, e = m.start(), m.end()
        y = int(m["year"])
        lead = _YEAR_LEAD.search(text, max(0, s - 40), s)
        word = (lead["word"] or "").lower() if lead else ""
        mod = lead["mod"] if lead else None
        after = _NEXT_WORD.match(text, e, min(len(text), e + 40))
        nxt = (after["word"] or "") if after else ""
        possessive = bool(after and after["apos"])
        nxt_l = nxt.lower()

        counted = nxt_l in COUNT_NOUNS or (
            nxt.islower()
            and len(nxt) > 3
            and nxt_l.endswith("s")
            and not nxt_l.endswith(("ss", "us", "is"))
            and nxt_l not in YEAR_PLURALS
        )
        in_list = 0 <= s - last_end <= 8 and YEAR_LIST_JOINER.fullmatch(text, last_end, s)
        parenthesised = s > 0 and text[s - 1] == "(" and text[e:e + 1] == ")"
        if mod or word in STRONG_YEAR_CONTEXT:
            ok = possessive or nxt_l not in COUNT_NOUNS
        elif word in WEAK_YEAR_CONTEXT or in_list:
            ok = y >= 1800 and (possessive or not counted)
        else:
            ok = parenthesised or (possessive and y >= 1800)
        if not ok:
            continue
        start = s
        if mod:
            start = lead.start("mod")
        if lead and word == "in" and lead["word"] in ("in", "In"):
            start = lead.start("word")
        out.append((start, e, _iso(y), "year", None, True))
        last_end = e


def _quarters(text: str, pub: _Pub, out: list) -> None:
    if not QUARTER_GATE.search(text):
        return
    for m in QUARTER.finditer(text):
        if m["q"]:
            q = int(m["q"])
            if m["y3"]:
                y = int(m["y3"])
            elif m["yy"]:
                y = 2000 + int(m["yy"])
            else:
                y = None
        else:
            q = ORDINAL_QUARTERS[m["ord"].lower()]
            if m["year"]:
                y = int(m["year"])
            elif m["y2"]:
                y = int(m["y2"])
            else:
                y = None
        if y is None and pub.y is not None:
            # "this year's third quarter" is this year's; else the last completed one, or the next
            # one for the future tense
            y = pub.y if "year" in m.group().lower() else _quarter_year(pub, q, _tense(text, m.start(), m.end()))
        out.append((m.start(), m.end(), f"{y:04d}-Q{q}" if y else None, "quarter", None, True))
