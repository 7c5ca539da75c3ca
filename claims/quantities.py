"""Find quantities in news text: "more than 100 Russian diplomats", "£1.2bn", "20 out of 30 positions".

Public API: :func:`find_quantities` -> list of :class:`claims.model.Quantity`, in text order,
non-overlapping, with ``text[q.start:q.end] == q.text``. Pure standard library.

Every pattern is a module-level constant compiled once (``re.VERBOSE``, a comment per rule).
Only :data:`_TRIGGER` runs over the whole text; it stops at digits and at the few words that
can begin a spelled-out quantity. Every further decision is an anchored ``match`` (or a
``search`` in a window of a few dozen characters) around that spot, so the cost is linear in
the text and no rule can backtrack catastrophically.

How a candidate becomes a quantity:

1. Not a quantity at all: :data:`_BLOCKED_AT` (dates, times, phone numbers, versions, scores,
   ordinals, decades), :data:`_MONTH_BEFORE` ("November 1"), :data:`_REFERENCE_BEFORE`
   ("No. 1"), URLs and e-mail addresses.
2. :data:`_CANDIDATE` reads the number: digits (``1,200``, ``3.5``, ``816 000`` before a
   unit), spelled-out numbers (``twenty-five``, ``two and a half million``), fractions
   (``a third of``, ``two-thirds``) and plural magnitudes (``tens of thousands of``).
3. Left context: currency (``£``, ``US$``, ``RM``, ``USD``), sign, bound words ("more than").
   Right context: exponent, magnitude (``bn``, ``million``), percent, currency code or word,
   measurement unit, or a short noun phrase ending in a plural noun (the counted thing).
4. Filters: years, names ("Channel 4", "iPhone 11", "G8", "F-35"), street numbers, codes.
5. Neighbours merge: ranges ("between 3 and 5", "3-5%", "from $10 to $15 billion") and
   ratios ("20 out of 30 positions", "one in five").

Conventions worth knowing: "dozens/hundreds/thousands of X" is a range [N, 10N] with bound
"~" (NewsQuant's reading); "the two nations" (a definite article before a small spelled-out
number) refers back and is not reported.

- "m" glued to a number (BBC style) is million when it counts or prices something: after a
  currency ("£3m"), before a counted noun phrase ("1.6m Muslims", "4.5m workers"), or, standing
  alone, when its sentence puts it among millions ("77m euros ..., up from 38m": 38m euros;
  "$10-25m"; "204.3m (£109m)"; "peaked at 11.9m" with an audience named). It is metres for a
  length ("2.5m high", "37m (121ft)", "cleared 2.3m") and a race ("the 60m hurdles", "the 100m
  and 200m titles", "the men's 800m"), and whenever nothing says million
  (:func:`claims.quantity_sentence._m_reading`, :func:`claims.quantity_sentence._resolve_context`).
- Hundredths of a currency are normalised to it: "32 cents" is 0.32 with unit USD (or the
  dollar or euro its sentence prices in, "euro cents" EUR), "18 pence" and "118.5p" 0.18 and
  1.185 GBP, "20 sen" 0.2 MYR.
- A duration written as a clock ("3:46.04", "2:17:18", "in a time of 31:41") or in several
  units ("one minute, 47.97 seconds", "2hr 4min 55sec") is ONE quantity of kind "measure", unit
  "seconds", its value in seconds (226.04, 8238, 1901, 107.97, 7495). A clock without hundredths
  needs a word of timing before it; "10:30", "at 7:45pm" are times of day, not quantities.
  A duration in one unit keeps it ("47.97 seconds", "10 minutes").
- Days of a date range ("4-6 March", "4 to 6 March") are dates, never counts.

Where each part lives (each module imports only modules below it in this list):

- :mod:`claims.quantities` (this module): :func:`find_quantities` and the scan, :func:`_scan`, with
  the patterns only the scan runs (:data:`_TRIGGER`, :data:`_CANDIDATE`, :data:`_BLOCKED_AT`,
  :data:`_MONTH_BEFORE`, :data:`_REFERENCE_BEFORE`);
- :mod:`claims.quantity_ranges`: step 5, ranges and ratios;
- :mod:`claims.quantity_digits`: a digit number, its left context and magnitude, and the filters
  of step 4;
- :mod:`claims.quantity_words`: spelled-out numbers, plural magnitudes, fractions;
- :mod:`claims.quantity_durations`: clock and compound durations, in seconds;
- :mod:`claims.quantity_sentence`: "m" as million or metres (:func:`_m_reading`), and what a
  number's sentence decides (:func:`_resolve_context`: a bare "38m", the currency of "32 cents");
- :mod:`claims.quantity_attach`: the right context of step 3 (percent, currency, hundredths of a
  currency, unit, counted noun phrase, rate) and the bound words on either side;
- :mod:`claims.quantity_draft`: :class:`_Q`, the quantity under construction;
- :mod:`claims.quantity_lexicon`: the named data (number words, magnitudes, currencies and their
  sub-units, units, word lists).
"""

from __future__ import annotations

import re

from claims.model import Quantity
from claims.quantity_digits import _from_digits
from claims.quantity_draft import _Q
from claims.quantity_durations import _from_clock, _merge_durations
from claims.quantity_lexicon import (
    _CURRENCY_WORDS,
    _FRACTION_WORDS,
    _MAGNITUDES,
    _MONTH,
    _NUMBER_WORD,
    _SMALL,
    _UNITS,
    _VULGAR,
    _alternation,
)
from claims.quantity_ranges import _merge_pairs
from claims.quantity_sentence import _resolve_context
from claims.quantity_words import (
    _from_fraction,
    _from_plural,
    _from_vulgar,
    _from_words,
)

__all__ = ["find_quantities"]

# ---------------------------------------------------------------------------------------------
# Patterns, compiled once.
# ---------------------------------------------------------------------------------------------

# Numbers that are no quantity, matched where a digit run starts; the number and whatever the
# match covers are skipped.
_BLOCKED_AT = re.compile(
    rf"""
      \d{{4}}-\d{{2}}(?:-\d{{2}}(?:T[\d:.]+Z?)?)?(?![\d%])  # ISO dates: 2021-10, 2019-09-01T10:38:07Z
    | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b              # 1/11/2021, 01.11.21
    | \d{{4}}/\d{{1,2}}/\d{{1,2}}\b                      # 2021/11/01
    | (?:1[5-9]|20)\d{{2}}\s?[-–—/]\s?\d{{2}}(?![\d%.,])  # year spans: 2012–13, 2014-15
    | \d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s?(?:[ap]\.?m\b\.?|GMT|UTC|BST|EDT|EST|PDT|PST|ET|PT)\b  # 10.45pm, 9:35 PM
    | \d{{4}}\s?(?:GMT|UTC|Z)\b                         # 0401 GMT
    | \d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?\b          # 10:30, 1:36.6 (clock and lap times)
    | \d{{1,2}}\s?[ap]\.?m\b\.?                           # 3pm, 2 p.m.
    | (?<![\w$£€])(?P<score>\d{{1,2}})-(?P<score2>\d{{1,2}})(?![\d%\w,]|\.\d|\s?(?:%|per|percent|(?:{_alternation(list(_UNITS) + list(_MAGNITUDES))})\b))  # scores: 2-1, 89-89 (not "3-5 years")
    | \d{{1,2}}(?:st|nd|rd|th)?(?:\s?[-–]\s?|\s(?:to|and|until|till|through)\s)\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}\b(?:,?\s(?:1[5-9]|20)\d{{2}}\b)?  # 4-6 March, 4 to 6 March 2005
    | \d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}\b(?:,?\s(?:1[5-9]|20)\d{{2}}\b)?  # 1 September 2019, 9 May
    | \d{{3}}\)?[\s.-]\d{{3}}[\s.-]\d{{4}}\b              # phone: (555) 123-4567, 555.123.4567
    | (?<=\+)\d{{1,3}}(?:[\s-]\d{{2,4}}){{2,4}}\b         # phone: +44 20 7946 0958
    | \d+(?:\.\d+){{2,}}\b                               # versions and addresses: 192.168.1.2, 13.1.2
    | \d+(?:st|nd|rd|th)\b                               # ordinals: 21st, 4th
    | (?<=['’])\d{{2}}s?\b                               # '90s, ’19
    | \d+0s\b                                            # decades: 1990s, 80s
    | (?<=[×x])\d+[−-]?\d*                               # scientific exponent tails: ×10−30
    """,
    re.VERBOSE,
)
# A month name right before a day number: "November 1", "Sept. 20-24", "Dec 20 2019".
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s$")
_MONTH_DAY_AT = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b(?:(?:\s?[-–]\s?|\s(?:to|and|until|till|through)\s)\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s(?:1[5-9]|20)\d{2}\b)?|(?:1[5-9]|20)\d{2}\b")
# References and ranks: "No. 1", "#3", "number 10".
_REFERENCE_BEFORE = re.compile(r"(?:\bNo\.|\#|\b[Nn]umber)\s?$")
# Where a candidate may start: a digit, or a word that can begin a spelled-out quantity.
_TRIGGER_WORDS = frozenset(
    [w for w in _SMALL if w not in ("one", "two")] + ["one", "two", "hundred", "thousand",
     "million", "billion", "trillion", "dozen", "dozens", "tens", "hundreds", "thousands",
     "millions", "billions", "trillions"] + list(_FRACTION_WORDS))
_TRIGGER_FIRST = "".join(sorted({w[0] for w in _TRIGGER_WORDS} | {w[0].upper() for w in _TRIGGER_WORDS}))
# The only pattern run over the whole text: a digit, or a word that can start a spelled-out
# quantity (the lookahead on the first letter lets most positions fail at once).
_TRIGGER = re.compile(rf"(\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])|\b(?=[{_TRIGGER_FIRST}])(?i:{_alternation(_TRIGGER_WORDS)})\b")

# The single scan: digit numbers and runs of number words.
_CANDIDATE = re.compile(
    rf"""
    (?P<digits>
        (?<![\d.,])                         # not the tail of a longer number
        (?:
            (?<=[$£€¥₹])\d{{1,3}}(?:,\d{{3}})*(?:,\ \d{{3}})+(?:\.\d+)?(?!\d)  # $30, 000: a stray space after the comma of an amount
          | \d{{1,3}}(?:,\ 000)+(?!\d)         # 30, 000 people: the space again, before a round thousand
          | \d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?  # 15,62,52,872 / 1,50,000 (lakh grouping)
          | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?     # 1,200 / 1,234,567.89
          | \d{{1,3}}(?:[ \u00a0\u202f]\d{{3}}){{1,4}}(?![ \u00a0\u202f]?\d)(?=\s?(?:{_alternation(list(_UNITS) + list(_CURRENCY_WORDS) + ["people"])})\b)  # 816 000 t
          | \d+(?:\.\d+)?                     # 42 / 3.14 / 13000
          | \.\d+                             # .500
        )
        (?![\d])
    )
  | (?P<plural>                             # "tens of thousands", "hundreds", "dozens"
        \b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|trillions)\b
    )
  | (?P<fraction>                           # "a third of", "two-thirds", "half of"
        \b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+)?
        (?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b
    )
  | (?P<words>                              # "twenty-five", "two and a half million"
        \b(?:a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?
        (?:{_NUMBER_WORD})\b
        (?:(?:\s+and\s+a\s+half\b)
          |(?:(?:\s+|-|\s+and\s+)(?:{_NUMBER_WORD}|hundreds|thousands|millions|billions)\b)){{0,12}}
    )                                       # (bounded: a run is read in pieces of at most 13 words)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_WHITESPACE = re.compile(r"\s")
_PLURAL_WORD_AT = re.compile(r"\s(?:[a-z]{2,}s|people|men|women|children|staff)\b")


def find_quantities(text: str) -> list[Quantity]:
    """Return the quantities in ``text`` in text order; never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        found = _scan(text)
    except Exception:  # pragma: no cover - a last guard; the scan itself is total
        return []
    out: list[Quantity] = []
    for q in found:
        if q.start < 0 or q.end > len(text) or q.start >= q.end:
            continue
        value = q.value
        if value != value or value in (float("inf"), float("-inf")):
            continue
        out.append(Quantity(text=text[q.start:q.end], start=q.start, end=q.end, value=value,
                            kind=q.kind, unit=q.unit, bound=q.bound, of=q.of, upper=q.upper))
    return out


# ---------------------------------------------------------------------------------------------
# The scan.
# ---------------------------------------------------------------------------------------------

def _scan(text: str) -> list[_Q]:
    items: list[_Q] = []
    n = len(text)
    pos = 0
    context = False  # some figure waits for its sentence to decide it (see _resolve_context)
    search = _TRIGGER.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        s = m.start()
        if m.group(1) is None:
            word = m.group()
            pos = m.end()
            lw = word.lower()
            if lw not in _TRIGGER_WORDS or (s > 0 and text[s - 1].isalpha()):
                continue
            start = s
            # "a hundred", "a third": the article belongs to the number.
            if s >= 2 and text[s - 2] in "aA" and text[s - 1] == " " and (s < 3 or not text[s - 3].isalnum()):
                start = s - 2
            cm = _CANDIDATE.match(text, start)
            if cm is None and start != s:
                cm = _CANDIDATE.match(text, s)
            if cm is None or cm.lastgroup == "digits":
                continue
        elif text[s] in _VULGAR:
            pos = s + 1
            if s == 0 or not text[s - 1].isdigit():
                q = _from_vulgar(text, s)
                if q is not None:
                    items.append(q)
                    pos = max(pos, q.end)
            continue
        else:
            if s > 0 and (text[s - 1].isdigit() or text[s - 1] in ",." and s > 1 and text[s - 2].isdigit()):
                pos = s + 1  # inside a number we already passed
                continue
            # Inside a URL, e-mail address or file path: skip the whole token.
            window = max(0, s - 300)
            tok_start = max(text.rfind(" ", window, s), text.rfind("\n", window, s), window - 1) + 1
            if text.find("://", tok_start, s) >= 0 or text.startswith("www.", tok_start) or text.find("@", tok_start, s) >= 0:
                nxt = _WHITESPACE.search(text, s)
                pos = nxt.start() if nxt is not None else n
                continue
            if text[s + 1:s + 2] == ":" or text[s + 2:s + 3] == ":":
                q = _from_clock(text, s)
                if q is not None:  # "3:46.04", "in a time of 31:41": a duration, in seconds
                    items.append(q)
                    pos = q.end
                    continue
            bm = _BLOCKED_AT.match(text, s)
            if bm is not None and bm.group("score") is not None and int(bm.group("score")) < int(bm.group("score2")) \
                    and _PLURAL_WORD_AT.match(text, bm.end()):
                bm = None  # "5-10 people" is a range, "2-1 thanks to" a score
            if bm is not None:
                pos = max(bm.end(), s + 1)
                continue
            left = text[max(0, s - 11):s]
            if s > 2 and text[s - 1] == " " and (text[s - 2].isalpha() or text[s - 2] == ".") and _MONTH_BEFORE.search(left):
                dm = _MONTH_DAY_AT.match(text, s)
                if dm is not None:
                    pos = max(dm.end(), s + 1)
                    continue
            if ("#" in left or "o." in left or "umber" in left) and _REFERENCE_BEFORE.search(left):
                pos = s + 1
                while pos < n and text[pos].isdigit():
                    pos += 1
                continue
            start = s - 1 if s > 0 and text[s - 1] == "." and (s < 2 or not text[s - 2].isdigit()) else s
            cm = _CANDIDATE.match(text, start)
            if cm is None or cm.lastgroup != "digits":
                pos = s + 1
                while pos < n and text[pos].isdigit():
                    pos += 1
                continue
        pos = max(cm.end(), s + 1)
        kind = cm.lastgroup
        q = None
        if kind == "digits":
            q = _from_digits(text, cm)
        elif kind == "words":
            q = _from_words(text, cm)
        elif kind == "plural":
            q = _from_plural(text, cm)
        elif kind == "fraction":
            q = _from_fraction(text, cm)
        if q is not None:
            items.append(q)
            pos = q.end if kind == "words" and q.end > s else max(pos, q.end)
            context = context or q.bare_m or q.open_currency
    items = _drop_overlaps(items)
    if context:
        _resolve_context(text, items)
    merged = _merge_pairs(text, _merge_durations(text, items))
    return _drop_overlaps([q for q in merged if not (q.after_hyphen and q.kind == "count" and q.unit is None)])


def _drop_overlaps(items: list[_Q]) -> list[_Q]:
    """Text order, no overlaps: of two overlapping quantities the earlier (then longer) wins."""
    items.sort(key=lambda q: (q.start, -q.end))
    out: list[_Q] = []
    last_end = -1
    for q in items:
        if q.start >= last_end:
            out.append(q)
            last_end = q.end
    return out
