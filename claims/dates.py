"""Find date and time references in article text and resolve them against the publication date.

``find_dates(text, published)`` returns :class:`~claims.model.DateMention` objects in text order,
each with exact offsets (``text[d.start:d.end] == d.text``), an ISO-prefix ``value`` and a
``precision`` among ``year``, ``quarter``, ``month``, ``week``, ``day``.

Conventions for ``value``:

- explicit dates: ``"2008"``, ``"2021-11"``, ``"2021-11-01"``; a quarter is ``"2021-Q4"``;
- a year span ("2012–13", "2012-2014") is one mention whose value is its first year;
- a range of days gives both ends as two day mentions: "4-6 March" is "4" (2005-03-04) and
  "6 March" (2005-03-06), "March 4-6" is "March 4" and "6"; both take the same year. (The
  :class:`DateMention` fields are unchanged, so the ends reach the database and ``--json`` as
  ordinary dates.)
- a date named without its year lies in the past of the publication date unless the words around
  it say otherwise: "In October" in an article of February 2005 is 2004-10, "third quarter" the
  last completed one (2004-Q3; the quarter in progress counts as not completed), but "will open in
  October", "expects growth in the fourth quarter", "takes effect in January" look ahead (the next
  such month or quarter). The clause of the date decides, then its sentence; a word of the future
  ("will", "is due", "could", "ahead of") outranks one of the past; reporting verbs ("said") are
  no tense. A day named without its year ("on 12 October") follows the tense too, and without
  one is the nearer of its two readings (a day is named without a year when it is close). A
  weekday is the last one, or the coming one when the tense is the future;
- ``precision`` is the granularity of the expression ("Monday" is ``day``, "this weekend" is
  ``week``); when the publication date is too coarse to resolve it exactly, ``value`` is the
  publication date itself (a weekday in an article published "2021-10" is ``"2021-10"`` with
  precision ``week``);
- week-level references with a day-precise publication date take the Monday of that week
  ("next week"), or the Saturday for a weekend;
- narrative references ("Days later", "the next day") take the year of the last date with a value
  before them (relative ones included: "last year ... a year earlier"), moved by the years they
  count: "a year earlier", "year-earlier", "the year before", "the previous year" are that year
  minus one, "two years later" plus two; "several years earlier" is ``None`` (precision ``year``),
  and so is any of them with no date before it;
- anything that cannot be resolved keeps ``value=None``.

Spans follow the gold convention: a year keeps its preposition "in"/"In" ("in 2008"), a
weekday keeps "on" ("on Monday"); a month-day does not ("November 1").

All patterns are compiled once at import; every pass is linear in the length of the text and
no function here raises on any input.
"""

from __future__ import annotations

import datetime as _dt
import re

from claims.model import DateMention

__all__ = ["find_dates", "parse_published", "leading_date_token"]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
ORDINAL_QUARTERS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4,
}

# Words after a 4-digit number that make it a count, not a year ("2000 troops", "1500 people").
COUNT_NOUNS = frozenset("""
    people persons person troops soldiers men women children kids members votes voters cases
    deaths dead jobs workers employees residents students units homes houses vehicles cars tanks
    miles km kilometres kilometers metres meters feet ft tonnes tons barrels dollars euros pounds
    rubles roubles yuan points staff officers officials diplomats refugees migrants civilians
    patients beds flights passengers signatures respondents participants hours minutes seconds
    days weeks months years times words pages calories acres hectares square per percent
    million billion thousand hundred more fewer additional other others new extra fans guests
    seats rounds shots missiles rockets drones aircraft planes ships troop marines sailors
    pieces copies items tests doses sq kg lbs mph
""".split())
# Plural words that may follow a year ("the 2016 elections").
YEAR_PLURALS = frozenset("""
    elections olympics games talks protests riots attacks midterms polls accords negotiations
    sanctions floods wildfires bombings hearings primaries playoffs finals championships
    perhaps afterwards always sometimes nevertheless besides towards whereas unless alone
""".split())
# Contexts that make a 4-digit number a year even before 1800 ("in 1500", "circa 1200").
STRONG_YEAR_CONTEXT = frozenset("""
    in since until till during circa c year early late mid summer winter spring autumn fall
""".split())
# Contexts in which a 4-digit number is a year only if no count noun follows.
WEAK_YEAR_CONTEXT = frozenset("""
    by of from to through before after around about the a its his her their this that
    between and or fiscal than
""".split())

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
# Weekdays, with "on" kept in the span: "on Monday", "last Friday", "Monday".
WEEKDAY = re.compile(
    r"""
    (?:(?<![A-Za-z])(?P<prep>[Oo]n)\s+)?
    (?:(?<![A-Za-z])(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]revious|[Cc]oming)\s+)?
    (?<![A-Za-z])(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
    (?![A-Za-z])            # not "Mondays" (a habit, not a date)
    """,
    re.VERBOSE,
)
# Relative references resolved against the publication date.
RELATIVE = re.compile(
    r"""
    (?<![A-Za-z])
    (?:
        (?P<edge>(?:earlier|later|early|late)\s+)?          # "earlier this month"
        (?P<rel>this|last|next|previous|coming|the\s+past)\s+
        (?P<unit>year|month|week(?:end)?|quarter)(?![A-Za-z])
      | (?:over\s+)?the\s+(?P<wkend>weekend)(?![A-Za-z])
      | (?P<day_word>yesterday|today|tomorrow|tonight)(?![A-Za-z])
      | (?P<part_rel>this|last|yesterday)\s+(?P<part>morning|afternoon|evening|night)(?![A-Za-z])
      | (?<![0-9])(?P<ago_n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)
        \s+(?P<ago_unit>days?|weeks?|months?|years?)\s+ago(?![A-Za-z])
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# References relative to the narrative, not to publication: "Days later", "the next day".
NARRATIVE = re.compile(
    r"""
    (?<![A-Za-z])
    (?:
        (?:(?P<n>[0-9]{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve
              |a\s+few|several|few)\s+)?
        (?P<unit>days?|weeks?|months?|years?)[\s-]+(?P<dir>later|earlier|afterwards?)
      | the\s+(?P<dir2>next|following|previous)\s+(?P<unit2>day|week|month|year)
      | the\s+(?P<unit3>day|year)\s+(?P<dir3>before|after)(?=\s*[,.;)]|\s*$)
    )
    (?![A-Za-z])
    """,
    re.VERBOSE | re.IGNORECASE,
)
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
# The publication-date token some of our article files open with: " date 2021-10".
LEADING_DATE = re.compile(
    r"\A\s*date:?[ \t]+(?P<iso>(?P<y>[0-9]{4})-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12][0-9]|3[01]))?)(?![0-9A-Za-z])",
    re.IGNORECASE,
)
# Forms accepted by parse_published.
_PUB_ISO = re.compile(
    r"\A\s*(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?\s*\Z"
)
_PUB_MDY = re.compile(
    r"\A\s*(?:[A-Za-z]+,?\s+)?(?P<mon>[A-Za-z]+)\.?\s+(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{4})\s*\Z"
)
_PUB_DMY = re.compile(
    r"\A\s*(?:[A-Za-z]+,?\s+)?(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[A-Za-z]+)\.?,?\s+(?P<y>[0-9]{4})\s*\Z"
)
_PUB_MY = re.compile(r"\A\s*(?P<mon>[A-Za-z]+)\.?,?\s+(?P<y>[0-9]{4})\s*\Z")

# --------------------------------------------------------------------------------------------
# Publication date
# --------------------------------------------------------------------------------------------


def _valid(y: int, m: int | None = None, d: int | None = None) -> bool:
    """A real calendar date, in the years this module handles (1000-2999)."""
    if not 1000 <= y <= 2999:
        return False
    try:
        _dt.date(y, m or 1, d or 1)
    except (ValueError, OverflowError):
        return False
    return True


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def parse_published(token: str | None) -> str | None:
    """Normalise a publication date to an ISO prefix, or None if it is not one.

    "2021-10" -> "2021-10"; "2021-10-18T12:00:00Z" -> "2021-10-18";
    "October 18, 2021" and "18 October 2021" -> "2021-10-18"; "October 2021" -> "2021-10".
    """
    if not isinstance(token, str) or len(token) > 100:
        return None
    m = _PUB_ISO.match(token)
    if m:
        y = int(m["y"])
        mo = int(m["m"]) if m["m"] else None
        d = int(m["d"]) if m["d"] else None
        return _iso(y, mo, d) if _valid(y, mo, d) else None
    for pattern in (_PUB_MDY, _PUB_DMY):
        m = pattern.match(token)
        if m:
            mo = MONTHS.get(m["mon"].lower())
            y, d = int(m["y"]), int(m["d"])
            if mo and _valid(y, mo, d):
                return _iso(y, mo, d)
            return None
    m = _PUB_MY.match(token)
    if m:
        mo = MONTHS.get(m["mon"].lower())
        if mo and _valid(int(m["y"]), mo):
            return _iso(int(m["y"]), mo)
    return None


def leading_date_token(text: str) -> tuple[str, int, int] | None:
    """The publication-date token an article opens with: ``" date 2021-10 ..."`` -> ("2021-10", 6, 13)."""
    if not isinstance(text, str):
        return None
    m = LEADING_DATE.match(text)
    if not m:
        return None
    y, mo = int(m["y"]), int(m["m"])
    d = int(m["d"]) if m["d"] else None
    if not _valid(y, mo, d):
        return None
    return m["iso"], m.start("iso"), m.end("iso")


class _Pub:
    """The publication date split into its known parts."""

    __slots__ = ("y", "m", "d", "iso")

    def __init__(self, iso: str | None):
        self.y = self.m = self.d = None
        self.iso = iso
        if iso:
            parts = iso.split("-")
            self.y = int(parts[0])
            self.m = int(parts[1]) if len(parts) > 1 else None
            self.d = int(parts[2]) if len(parts) > 2 else None

    @property
    def date(self) -> _dt.date | None:
        if self.y is None or self.m is None or self.d is None:
            return None
        return _dt.date(self.y, self.m, self.d)


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _day_iso(day: _dt.date) -> str | None:
    return day.isoformat() if 1000 <= day.year <= 9999 else None


# --------------------------------------------------------------------------------------------
# Dates named without their year: which year, from the tense
# --------------------------------------------------------------------------------------------


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
    for pattern, month_first in ((DAY_RANGE, False), (MONTH_DAY_RANGE, True)):
        for m in pattern.finditer(text):
            mo, d1, d2 = _month_number(m["month"]), int(m["d1"]), int(m["d2"])
            if mo is None or d1 >= d2:
                continue
            if m["year"]:
                y = int(m["year"])
            elif pub.y is None:
                y = None
            else:
                y = _day_year(pub, mo, d1, _tense(text, m.start(), m.end(), present=True))
            if y is not None and not (_valid(y, mo, d1) and _valid(y, mo, d2)):
                continue
            first = (m.start(), m.end("d1") + _suffix_len(text, m.end("d1"))) if month_first else \
                (m.start("d1"), m.end("d1") + _suffix_len(text, m.end("d1")))
            second = (m.start("d2"), m.end())
            for (a, b), d in ((first, d1), (second, d2)):
                out.append((a, b, _iso(y, mo, d) if y else None, "day", None, True))


def _suffix_len(text: str, at: int) -> int:
    return 2 if text[at:at + 2] in ("st", "nd", "rd", "th") else 0


def _calendar(text: str, pub: _Pub, out: list) -> None:
    _day_ranges(text, pub, out)
    for m in (*MONTH_DAY.finditer(text), *DAY_MONTH.finditer(text)):  # "November 1", "1 November"
        mo, d = _month_number(m["month"]), int(m["day"])
        if mo is None:
            continue
        if m["year"]:
            y = int(m["year"])
        elif pub.y is None:
            y = None
        else:
            y = _day_year(pub, mo, d, _tense(text, m.start(), m.end(), present=True))
        if y is None:
            out.append((m.start(), m.end(), None, "day", None, True))
        elif _valid(y, mo, d):
            out.append((m.start(), m.end(), _iso(y, mo, d), "day", None, True))
    for m in MONTH_YEAR.finditer(text):
        mo = _month_number(m["month"])
        if mo:
            out.append((m.start(), m.end(), _iso(int(m["year"]), mo), "month", None, True))
    for m in BARE_MONTH.finditer(text):
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


def _weekdays(text: str, pub: _Pub, out: list) -> None:
    for m in WEEKDAY.finditer(text):
        wd = WEEKDAYS[m["wd"].lower()]
        mod = (m["mod"] or "").lower()
        base = pub.date
        if base is None:
            value = pub.iso
            out.append((m.start(), m.end(), value, "week" if value else "day", None, True))
            continue
        if mod in ("next", "coming"):
            delta = (wd - base.weekday()) % 7 or 7
        elif not mod and _tense(text, m.start(), m.end()) == "future":
            delta = (wd - base.weekday()) % 7  # "will meet on Monday": the coming one
        else:
            delta = -((base.weekday() - wd) % 7)
            if mod in ("last", "previous") and delta == 0:
                delta = -7
        out.append((m.start(), m.end(), _day_iso(base + _dt.timedelta(days=delta)), "day", None, True))


def _relative(text: str, pub: _Pub, out: list) -> None:
    for m in RELATIVE.finditer(text):
        value: str | None = None
        precision = "day"
        base = pub.date
        if m["unit"]:
            unit = m["unit"].lower()
            rel = m["rel"].lower()
            step = {"this": 0, "last": -1, "previous": -1, "the past": -1, "next": 1, "coming": 1}[
                " ".join(rel.split())
            ]
            if unit == "year":
                precision = "year"
                value = _iso(pub.y + step) if pub.y else None
            elif unit == "month":
                precision = "month"
                if pub.m:
                    value = _iso(*_shift_month(pub.y, pub.m, step))
            elif unit == "quarter":
                precision = "quarter"
                if pub.m:
                    yq, mq = _shift_month(pub.y, pub.m, 3 * step)
                    value = f"{yq:04d}-Q{(mq - 1) // 3 + 1}"
            else:
                precision = "week"
                if base is not None:
                    monday = base - _dt.timedelta(days=base.weekday()) + _dt.timedelta(weeks=step)
                    value = _day_iso(monday + _dt.timedelta(days=5 if unit == "weekend" else 0))
                else:
                    value = pub.iso if pub.m else None
        elif m["wkend"]:
            precision = "week"
            if base is not None:
                value = _day_iso(base - _dt.timedelta(days=(base.weekday() - 5) % 7))
            else:
                value = pub.iso if pub.m else None
        elif m["day_word"] or m["part_rel"]:
            word = (m["day_word"] or m["part_rel"]).lower()
            if m["part_rel"] and m["part"].lower() == "night" and word == "last":
                word = "yesterday"
            shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            if base is not None:
                value = _day_iso(base + _dt.timedelta(days=shift))
            else:
                value = pub.iso
                precision = "week" if value else "day"
        else:
            n_s = m["ago_n"].lower()
            n = int(n_s) if n_s.isdigit() else NUMBER_WORDS[n_s]
            unit = m["ago_unit"].lower().rstrip("s")
            if unit == "year":
                precision = "year"
                value = _iso(pub.y - n) if pub.y and pub.y - n >= 1000 else None
            elif unit == "month":
                precision = "month"
                value = _iso(*_shift_month(pub.y, pub.m, -n)) if pub.m else None
            elif base is not None:
                precision = "week" if unit == "week" else "day"
                value = _day_iso(base - _dt.timedelta(days=n * (7 if unit == "week" else 1)))
            else:
                precision = "week" if unit == "week" else "day"
                value = pub.iso if pub.m else None
                if value and unit == "day":
                    precision = "week"
        out.append((m.start(), m.end(), value, precision, None, True))


_FEW = ("a few", "several", "few")


def _narrative(text: str, out: list) -> None:
    """ "Days later", "a year earlier", "the previous year": the year of the date before them,
    moved by the years they count ("two years later": +2); "several years earlier" is unknown."""
    for m in NARRATIVE.finditer(text):
        unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
        direction = (m["dir"] or m["dir2"] or m["dir3"]).lower()
        sign = -1 if direction in ("earlier", "previous", "before") else 1
        offset = 0
        if unit.startswith("year"):
            n = " ".join((m["n"] or "a").lower().split())
            if n in _FEW:
                out.append((m.start(), m.end(), None, "year", None, False))
                continue
            offset = sign * (int(n) if n.isdigit() else NUMBER_WORDS.get(n, 1))
        out.append((m.start(), m.end(), None, "year", offset, False))


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def find_dates(text: str, published: str | None = None) -> list[DateMention]:
    """All date references in ``text``, in text order, with exact offsets.

    ``published`` is the publication date (any form :func:`parse_published` reads); when it is
    None, the article's leading ``date YYYY-MM[-DD]`` token is used if there is one. That
    token itself is metadata and is not reported.
    """
    if not isinstance(text, str) or not text:
        return []
    token = leading_date_token(text)
    pub_iso = parse_published(published) if published is not None else None
    if pub_iso is None and token is not None:
        pub_iso = token[0]
    pub = _Pub(pub_iso)

    candidates: list[tuple] = []
    _calendar(text, pub, candidates)
    _years(text, candidates)
    _quarters(text, pub, candidates)
    _weekdays(text, pub, candidates)
    _relative(text, pub, candidates)
    _narrative(text, candidates)

    # Earliest first, then longest; keep those that do not overlap an earlier pick.
    candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
    skip_until = token[2] if token else 0  # the publication token is metadata
    found: list[DateMention] = []
    taken_end = -1
    anchor_year: str | None = None
    for start, end, value, precision, anchored, explicit in candidates:
        if start < taken_end or start < skip_until or end <= start:
            continue
        if anchored is not None:
            value = _iso(int(anchor_year) + anchored) if anchor_year and 1000 <= int(anchor_year) + anchored <= 2999 else None
        elif explicit and value:
            anchor_year = value[:4]
        found.append(DateMention(text[start:end], start, end, value, precision))
        taken_end = end
    return found
