"""Dates relative to the publication date or to the narrative, for :mod:`claims.dates`:
weekdays ("on Monday", "last Friday"), references relative to publication ("last year", "this
weekend", "yesterday", "three weeks ago") and narrative ones ("Days later", "a year earlier", "the
previous year"), whose year :func:`claims.dates.find_dates` takes from the date before them. The
candidates are the tuples described in :mod:`claims.date_absolute`.
"""

from __future__ import annotations

import datetime as _dt
import re

from claims.date_lexicon import NUMBER_WORDS, WEEKDAYS
from claims.date_published import _day_iso, _iso, _Pub, _shift_month
from claims.date_tense import _tense

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


# Gates: a text in which one finds nothing holds no match of its pattern, and the reader skips it.
WEEKDAY_GATE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
RELATIVE_GATE = re.compile(r"(?i:year|month|week|quarter|yesterday|today|tomorrow|tonight|morning|afternoon"
                           r"|evening|night|ago)")
NARRATIVE_GATE = re.compile(r"(?i:day|week|month|year)")


def _weekdays(text: str, pub: _Pub, out: list) -> None:
    if not WEEKDAY_GATE.search(text):
        return
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
    if not RELATIVE_GATE.search(text):
        return
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
    if not NARRATIVE_GATE.search(text):
        return
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
