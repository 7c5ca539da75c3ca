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
no function of these modules raises on any input.

Where each part lives (each module imports only modules below it in this list):

- :mod:`claims.dates` (this module): :func:`find_dates`, which gathers the candidates, keeps the
  earliest and longest of overlapping ones and resolves narrative references;
- :mod:`claims.date_absolute`: dates named by the calendar (days, day ranges, months, ISO dates,
  year spans, years, quarters);
- :mod:`claims.date_relative`: weekdays, references relative to publication ("last year", "three
  weeks ago") and to the narrative ("Days later");
- :mod:`claims.date_tense`: the year of a date named without one, from its tense;
- :mod:`claims.date_published`: :func:`parse_published`, :func:`leading_date_token` and the
  calendar helpers;
- :mod:`claims.date_lexicon`: month and weekday names, number words, year and count word lists.
"""

from __future__ import annotations

from claims.date_absolute import _calendar, _quarters, _years
from claims.date_published import _iso, _Pub, leading_date_token, parse_published
from claims.date_relative import _narrative, _relative, _weekdays
from claims.model import DateMention

__all__ = ["find_dates", "parse_published", "leading_date_token"]

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
