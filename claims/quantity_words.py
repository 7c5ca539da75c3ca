"""Numbers written in words, for :mod:`claims.quantities`: spelled-out numbers
(:func:`_from_words`, parsed by :func:`_words_segment`: "twenty-five", "two and a half million"),
plural magnitudes (:func:`_from_plural`: "dozens of", "tens of thousands of", a range [N, 10N]
with bound "~"), spelled-out fractions (:func:`_from_fraction`: "a third of", "two-thirds",
"half a million") and vulgar fraction characters (:func:`_from_vulgar`: "½ tbsp"), with the rules
that keep names and references back out ("Formula One", "number eight", "the two nations").
"""

from __future__ import annotations

import re

from claims.quantity_attach import _attach_bound, _attach_right
from claims.quantity_draft import _Q
from claims.quantity_lexicon import (
    _FRACTION_WORDS,
    _NAME_STOPWORDS,
    _SCALES,
    _SMALL,
    _VULGAR,
)

_FRACTION_SCALE_AFTER = re.compile(r"\s+(?:a\s+)?(thousand|million|billion|trillion)\b", re.IGNORECASE)
_FRACTION_END_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$)")
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_NUMBER_REFERENCE_BEFORE = re.compile(r"\b(?:number|No\.)\s+$", re.IGNORECASE)
_ONE_BEFORE = re.compile(r"\b(?:the|each|any|every|no|this|that|which|another|same|only|other|one|someone|number|no\.)\s+$|-$", re.IGNORECASE)
_ONE_AFTER = re.compile(r"(?:\s+(?:another|day|thing|way|time|by|such|or\s+two|or\s+other|after|at\s+a|and\s+the\s+same|in\s+order|too)\b|-(?:off|time|on|way|stop|size|man|party)\b|\s*[,.;:!?)\]\"”]|\s*$|\s+[\d$£€])", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|my|your|all)\s+$", re.IGNORECASE)
_FRACTION_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_HALF_OF_TIME_BEFORE = re.compile(r"\b(?:first|second|latter|other|back|front|top|bottom)\s+$", re.IGNORECASE)
_FRACTION_OK_BEFORE = re.compile(r"\b(?:almost|nearly|about|around|roughly|over|under|more\s+than|less\s+than|than|just|some|by|approximately|exactly)\s+$", re.IGNORECASE)


def _from_words(text: str, m: re.Match) -> _Q | None:
    s, e = m.span()
    seg = _words_segment(m.group())
    if seg is None:
        return None
    value, length = seg
    e = s + length
    raw = text[s:e]
    tokens = _WORD_TOKEN.findall(raw.lower())
    # Names: "Formula One", "BBC One", "Channel Four".
    left = text[max(0, s - 30):s]
    words = left.split()
    if raw[:1].isupper() and left.endswith(" ") and words:
        prev = words[-1]
        if prev[:1].isupper() and prev.isalpha() and prev not in _NAME_STOPWORDS:
            return None
    if text.startswith(("'s", "’s"), e):
        return None  # "Five's Wright Stuff": a name
    if _NUMBER_REFERENCE_BEFORE.search(text, max(0, s - 8), s):
        return None  # "number eight", "No. 1"
    if tokens == ["one"]:
        if _ONE_BEFORE.search(text, max(0, s - 12), s) or _ONE_AFTER.match(text, e):
            return None
        if raw == "One" and s > 0 and not re.search(r"(?:^|[.!?]\s+|[\n\"“])$", text[max(0, s - 3):s]):
            return None
    if len(tokens) == 1 and 2 <= value <= 10 and _DEFINITE_BEFORE.search(text, max(0, s - 8), s):
        return None  # "the two nations": a reference back, not a new quantity
    if tokens[0] in ("hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands", "millions", "billions"):
        return None  # "several hundred", "a few thousand": no number to normalise
    if tokens == ["dozen"] and not re.search(r"\ba\s+$", text[max(0, s - 3):s]):
        return None
    if e < len(text) and text[e] == "-" and re.match(r"-(?:year|month|week|day|hour|minute|second)s?(?:-old)?\b", text[e:e + 14]) is None and re.match(r"-[A-Za-z]", text[e:e + 2]):
        return None  # "one-off", "two-way", "three-point"
    q = _Q(start=s, end=e, num_start=s, num_end=e, value=value)
    q.has_magnitude = any(t in ("thousand", "million", "billion", "trillion", "hundred") for t in tokens)
    _attach_right(text, q, e)
    _attach_bound(text, q)
    return q


def _words_value(tokens: list[str]) -> float | None:
    """Value of a whole run of number words (used for the bare number of a range end)."""
    seg = _words_segment(" ".join(tokens))
    return seg[0] if seg else None


def _words_segment(raw: str) -> tuple[float, int] | None:
    """(value, end offset) of the longest well-formed number at the start of ``raw``.

    "twenty five" = 25, "two hundred and fifty" = 250, "two and a half million" = 2.5e6;
    a run that is really a list ("twenty thirty", "one two and three") stops where the
    grammar breaks, so each number is read on its own.
    """
    toks = [(m.group().lower(), m.end()) for m in _WORD_TOKEN.finditer(raw)]
    total = current = 0.0
    last = None
    last_scale = float("inf")
    end = 0
    i = 0
    n = len(toks)
    while i < n:
        t, t_end = toks[i]
        nxt = toks[i + 1][0] if i + 1 < n else ""
        if t == "a":
            if last is None and nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
                last = "a"
                i += 1
                continue
            break
        if t == "and":
            if last is not None and nxt == "a" and i + 2 < n and toks[i + 2][0] == "half":
                current += 0.5
                last, end = "half", toks[i + 2][1]
                i += 3
                continue
            if last in ("hundred", "scale") and nxt in _SMALL:
                i += 1
                continue
            break
        v = _SMALL.get(t)
        if v is not None:
            kind = "unit" if v < 10 else "teen" if v < 20 else "tens"
            if last is None:
                ok = True
            elif last == "tens":
                ok = kind == "unit" and v > 0
            elif last == "hundred":
                ok = current % 100 == 0
            elif last == "scale":
                ok = True
            else:
                ok = False
            if not ok:
                break
            current += v
        elif t in ("hundred", "hundreds"):
            if last not in ("unit", "teen", "tens", "a") or current >= 100:
                break
            current = (current or 1.0) * 100
            kind = "hundred"
        elif t == "dozen":
            if last not in ("unit", "teen", "tens", "a"):
                break
            current = (current or 1.0) * 12
            kind = "dozen"
        else:
            sv = _SCALES.get(t) or _SCALES.get(t[:-1])
            if sv is None or last not in ("unit", "teen", "tens", "hundred", "a", "half", "dozen") or sv >= last_scale:
                break
            total += (current or 1.0) * sv
            current = 0.0
            last_scale = sv
            kind = "scale"
        last, end = kind, t_end
        i += 1
    if end == 0:
        return None
    return total + current, end


def _from_plural(text: str, m: re.Match) -> _Q | None:
    """ "dozens of people", "tens of thousands of dollars": a range [N, 10N], bound ~."""
    s, e = m.span()
    if not _FRACTION_OF_AFTER.match(text, e):
        return None
    low = m.group().lower().split()
    base = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
            "billions": 1e9, "trillions": 1e12}[low[-1]]
    if low[0] == "tens":
        base *= 10
    elif low[0] == "hundreds" and len(low) > 1:
        base *= 100
    q = _Q(start=s, end=e, num_start=s, num_end=e, value=base, kind="range", bound="~",
           upper=base * 10, approx_plural=True)
    # "hundreds of miles", "thousands of COVID tests": the unit is the noun after "of".
    om = _FRACTION_OF_AFTER.match(text, e)
    tmp = _Q(start=s, end=om.end(), num_start=s, num_end=om.end(), value=0.0)
    _attach_right(text, tmp, om.end())
    if tmp.unit is not None:
        q.unit, q.end = tmp.unit, tmp.end
    return q


def _from_fraction(text: str, m: re.Match) -> _Q | None:
    s, e = m.span()
    raw = m.group()
    parts = re.findall(r"[A-Za-z]+", raw.lower())
    denom_word = parts[-1]
    denom = _FRACTION_WORDS[denom_word]
    scale = _FRACTION_SCALE_AFTER.match(text, e)
    if len(parts) == 1:
        if denom_word not in ("half", "quarter") or denom_word == "quarter" and scale is None:
            return None
        # bare "half": only "half of", "almost half", "half a million"
        if not (scale or _FRACTION_OF_AFTER.match(text, e) or _FRACTION_OK_BEFORE.search(text, max(0, s - 16), s)):
            return None
        if s > 0 and text[s - 1] == "-" or e < len(text) and text[e] == "-":
            return None
        if _HALF_OF_TIME_BEFORE.search(text, max(0, s - 12), s):
            return None  # "the second half of the year"
        num = 1.0
    else:
        num = 1.0 if parts[0] in ("a", "one") else float(_SMALL[parts[0]])
        if parts[0] in ("a", "one") and denom_word in ("third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"):
            if not (_FRACTION_OF_AFTER.match(text, e) or scale or _FRACTION_END_AFTER.match(text, e)) and "-" not in raw:
                return None
        if denom_word == "quarter" and re.match(r"\s+(?:of\s+(?:the\s+)?)?(?:\d{4}|century|of\s+a\s+century)", text[e:e + 20]) and "of a century" not in text[e:e + 20]:
            return None
    q = _Q(start=s, end=e, num_start=s, num_end=e, value=num / denom, kind="fraction")
    if scale is not None:  # "half a million", "three quarters billion us dollars"
        q.value *= _SCALES[scale.group(1).lower()]
        q.kind, q.has_magnitude = "count", True
        q.end = scale.end()
        _attach_right(text, q, q.end)
    _attach_bound(text, q)
    return q


def _from_vulgar(text: str, s: int) -> _Q | None:
    """ "½ tbsp", "a ⅓ cup" (a glued whole number, "2½", is handled by _from_digits)."""
    q = _Q(start=s, end=s + 1, num_start=s, num_end=s + 1, value=_VULGAR[text[s]], kind="fraction")
    _attach_right(text, q, s + 1)
    if q.kind == "count":
        q.kind = "fraction"
    _attach_bound(text, q)
    return q
