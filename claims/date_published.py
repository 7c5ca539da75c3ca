"""The publication date, and the calendar helpers of :mod:`claims.dates`: :func:`parse_published`
(the forms of a publication date we accept), :func:`leading_date_token` (the " date 2021-10" token
some of our article files open with), :class:`_Pub` (the publication date split into its known
parts), and what every reader of a date shares: :func:`_valid`, :func:`_iso`, :func:`_shift_month`,
:func:`_day_iso`.
"""

from __future__ import annotations

import datetime as _dt
import re

from claims.date_lexicon import MONTHS

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
