"""Comparing a claimed number or date with a source's: bounds, the claim's precision, units."""

from __future__ import annotations

import pytest

from claims.compare import (
    REFUTES,
    SUPPORTS,
    agree,
    date_at_precision,
    rounding_unit,
    same_dimension,
    to_base,
)
from claims.model import DateMention, Quantity

AGREE = [
    # (claimed, bound, last digit, found, found approximate, found bound, expected)
    (3.1e6, "~", 1e5, 3_107_000, False, "=", SUPPORTS),  # "about 3.1 million" vs 3,107 thousand
    (3.1e6, "~", 1e5, 2_650_000, False, "=", REFUTES),
    (225e9, "~", 1e9, 2.25e12, False, "=", REFUTES),  # a factor-of-ten scale error
    (6400, "~", 100, 6992, False, "=", REFUTES),  # "roughly 6,400 km" is not 6,992 km
    (19.5, "=", 0.1, 19.46, False, "=", SUPPORTS),  # the claim's last digit
    (52.3, "=", 0.1, 51.3, False, "=", REFUTES),
    (7403, "=", 1, 7377, False, "=", REFUTES),  # 2:03:23 is not 2:02:57
    (600_000, ">", 1e5, 608_000, True, "=", SUPPORTS),  # "more than 600,000" vs "an estimated 608,000"
    (14e9, ">", 1e9, 14e9, True, "=", None),  # "topped $14 billion" vs "an estimated $14 billion"
    (10e9, ">", 1e9, 9.7e9, True, "=", REFUTES),
    (45_000, ">", 1000, 40_232, False, "=", REFUTES),
    (75, "<", 1, 74, False, "=", SUPPORTS),
    (51.8, "=", 0.1, 50, False, ">", None),  # "more than half" does not decide 51.8%
    (44, "=", 1, 50, False, ">", REFUTES),  # but it refutes 44%
]


@pytest.mark.parametrize("claimed,bound,unit,found,approx,found_bound,expected", AGREE,
                         ids=[f"{a[0]:g}{a[1]}vs{a[3]:g}{'~' if a[4] else ''}{a[5]}" for a in AGREE])
def test_agree(claimed, bound, unit, found, approx, found_bound, expected):
    assert agree(claimed, bound, unit, found, approx, found_bound) == expected


def _q(text: str, value: float) -> Quantity:
    return Quantity(text, 0, len(text), value)


@pytest.mark.parametrize("text,value,unit", [
    ("about 4.3 million people", 4.3e6, 1e5),
    ("120,500 kilometres", 120_500, 100),
    ("11,779 votes", 11_779, 1),
    ("$2.1 trillion", 2.1e12, 1e11),
    ("a fifth", 0.2, 0.0),
], ids=["decimal-million", "trailing-zeros", "exact", "trillion", "spelled"])
def test_rounding_unit(text, value, unit):
    assert rounding_unit(_q(text, value)) == pytest.approx(unit)


@pytest.mark.parametrize("text,seconds,unit", [
    ("2:03:23", 7403, 1.0),  # not the hour its first digit is written to
    ("3:46.04", 226.04, 0.01),
    ("2 hours 10 minutes", 7800, 60.0),
    ("one minute, 47.97 seconds", 107.97, 0.01),
    ("2hr 4min 55sec", 7495, 1.0),
    ("20 seconds", 20, 10.0),  # one part: its own last digit, as for any figure
], ids=["clock-hours", "clock-hundredths", "hours-minutes", "spelled-minute", "abbreviated", "plain-seconds"])
def test_rounding_unit_of_a_duration_is_its_last_part(text, seconds, unit):
    q = Quantity(text, 0, len(text), seconds, "measure", "seconds")
    assert rounding_unit(q) == pytest.approx(unit)


def _d(value: str | None, precision: str) -> DateMention:
    return DateMention(value or "", 0, 1, value, precision)


DATES = [
    ("2015-03", "month", "2015-03-14", "day", SUPPORTS),  # "March 2015" by a day in March 2015
    ("2015-03-14", "day", "2015-03", "month", None),  # a day is not supported by its month
    ("1998-05-12", "day", "1999", "year", REFUTES),  # the right event in another year
    ("1998-05-12", "day", "1998-05-14", "day", REFUTES),
    ("2021-10", "month", "2021-10", "month", SUPPORTS),
    ("2018-10", "month", "2018", "year", None),  # "opened in October 2018" vs "opened in 2018"
    ("2023-Q4", "quarter", "2023-Q4", "quarter", SUPPORTS),
    ("2023-Q4", "quarter", "2022-Q4", "quarter", REFUTES),
]


@pytest.mark.parametrize("claimed,cp,found,fp,expected", DATES, ids=[f"{d[0]}vs{d[2]}" for d in DATES])
def test_dates_at_the_claims_precision(claimed, cp, found, fp, expected):
    assert date_at_precision(_d(claimed, cp), _d(found, fp)) == expected


@pytest.mark.parametrize("value,unit,dimension,base", [
    (19.5, "TWh", "energy", 19.5e12),
    (20e9, "kWh", "energy", 20e12),
    (3680, "km2", "area", 3.68e9),
    (21, "ft", "length", 6.4008),
    (464, "°F", "temperature", 240.0),
    (2, "hours", "time", 7200),
], ids=["TWh", "kWh", "km2", "ft", "fahrenheit", "hours"])
def test_units_to_base(value, unit, dimension, base):
    found = to_base(value, unit)
    assert found[0] == dimension and found[1] == pytest.approx(base)


def test_same_dimension():
    assert same_dimension("km", "mi") and same_dimension("TWh", "kWh")
    assert not same_dimension("km", "km2") and not same_dimension("kg", "°C") and not same_dimension("km", None)
