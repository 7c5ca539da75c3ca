"""Readings of a number that its sentence decides, for :mod:`claims.quantities`: whether a glued
"m" is million or metres -- :func:`_m_reading` from the words right after it ("1.6m Muslims",
"2.5m high", "the 60m hurdles"), then, when those say nothing, :func:`_resolve_bare_m` from the
figures and words of its sentence ("77m euros ..., up from 38m", "peaked at 11.9m") -- and which
dollar or euro "32 cents" is in. :func:`_resolve_context` runs once after the scan, and only when
some figure waits for its sentence.
"""

from __future__ import annotations

import re

from claims.quantity_attach import _NP_WORD, _UNIT_AFTER, _attach_noun
from claims.quantity_draft import _Q
from claims.quantity_lexicon import _CENT_CURRENCIES, _LENGTH_EVENTS, _SMALL

_OF_DETERMINER = re.compile(r"(?:\s+(?:its|the|their|his|her|our|my|your|these|those))?")
# Words of length after a glued "m": "2.5m high", "6m-long", "37m (121ft)", "17m per second".
_LENGTH_AFTER = re.compile(
    r"""
      [ \u00a0]?-?[ \u00a0]?(?:high|long|tall|wide|deep|thick|away|taller|longer|deeper|wider
         |above\s+sea|below\s+sea|underground|in\s+(?:length|height|diameter|depth|width))\b
    | [ \u00a0]*\([ \u00a0]*[\d.,]+[ \u00a0]?(?:ft|feet|foot|in|inches|yards?|yd|miles?)\b
    | [ \u00a0]?(?:/[ \u00a0]?s\b|per\s+(?:second|minute|hour)\b|an?\s+(?:second|minute|hour)\b)
    """,
    re.VERBOSE,
)
# The next number of a run of glued "m" numbers: "100m and 200m titles", "3m-4m people".
_M_CHAIN_AFTER = re.compile(r"[ \u00a0]*(?:-|–|,|and|or|to)[ \u00a0]*\d[\d,]*(?:\.\d+)?m(?![A-Za-z0-9])")
# "of the UK's 1.6m": the whole a part is of, written with a glued "m".
_OF_WHOLE_M = re.compile(r"[ \u00a0]+(?:[A-Za-z][\w.&-]*['’]s[ \u00a0]+)?\d[\d,]*(?:\.\d+)?m(?![A-Za-z0-9])")
# "the 800m", "men's 800m", "the world 60m": a length naming an event, never a bare million.
_EVENT_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an)|['’]s)[ \u00a0]+(?:(?:[A-Z][a-z]+|world|indoor|outdoor|national)[ \u00a0]+)?$")
# A conversion into a currency right after a bare figure: "204.3m (£109m)", "648m ($492m)".
_MONEY_CONVERSION_AFTER = re.compile(r"[ \u00a0]*\([ \u00a0]*(?:[$£€¥]|US\$|A\$|C\$|HK\$|Rs\.?)[ \u00a0]?\d")
# What a sentence counts in millions when a bare "11.9m" stands alone in it.
_AUDIENCE = re.compile(r"\b(?:viewers|audiences?|watched|ratings|listeners|readers|users|subscribers|visitors|population"
                       r"|sales|copies|downloads|tickets|votes|customers|members|households)\b")
# Words before a bare "2.3m" that measure a length: "cleared 2.3m", "a throw of 70m", "over the last 200m".
_LENGTH_BEFORE = re.compile(
    r"\b(?:cleared|jumped|jumping|leapt|leaped|threw|thrown|throwing|vaulted|swam|swimming|ran|sprinted|landed|measured"
    r"|measuring|stretch(?:es|ed)?(?:\s+for)?|(?:height|depth|length|distance|altitude|jump|throw|leap|vault)s?\s+of"
    r"|the\s+(?:last|final|first)|at\s+a\s+depth\s+of)[ \u00a0]+(?:(?:about|around|nearly|almost|some|over|just)[ \u00a0]+)?$",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _m_reading(text: str, pos: int, depth: int = 0) -> bool | None:
    """After a glued "5m" (no currency before it): True for million, False for metres, None when
    nothing right after it tells (metres, unless the sentence prices or counts in millions).

    Million before a counted noun phrase ("5m people", "1.6m Muslims", "35m of its Echo devices",
    "1.2m tons"); metres before a word of length ("2.5m high", "37m (121ft)", "17m per second")
    and before the events a length names ("the 60m hurdles", "the men's 800m heats"). In a run
    ("100m and 200m titles", "between 3m and 4m people") every number reads like the last.
    """
    if _LENGTH_AFTER.match(text, pos):
        return False
    chain = _M_CHAIN_AFTER.match(text, pos)
    if chain is not None and depth < 4:
        return _m_reading(text, chain.end(), depth + 1)
    if _UNIT_AFTER.match(text, pos):
        return True
    w = _NP_WORD.match(text, pos)
    if w is None or w.group("w").lower() in _SMALL:
        return None  # "the 10,000m five days later": a number starts the next phrase
    start = pos
    if w.group("w").lower() == "of":  # "35m of its Echo devices" (million) but "100m of track"
        start = _OF_DETERMINER.match(text, w.end()).end()
        whole = _OF_WHOLE_M.match(text, start)  # "1.1m of the UK's 1.6m Muslims": as the whole reads
        if whole is not None and depth < 4:
            return _m_reading(text, whole.end(), depth + 1)
    probe = _Q(start=pos, end=pos, num_start=pos, num_end=pos, value=0.0)
    _attach_noun(text, probe, start)
    if probe.kind == "money":
        return True
    head = probe.unit or ""
    if not head:
        return None
    if head.lower() in _LENGTH_EVENTS:
        return False
    word = text[probe.end - len(head):probe.end]
    if word.islower():
        return True
    # a capitalised plural right after the number counts people: "1.6m Muslims", "2m Americans"
    return True if probe.np_modifiers == 1 and word[:1].isupper() and word[1:].islower() else None


def _resolve_context(text: str, items: list[_Q]) -> None:
    """Readings a neighbouring figure of the same sentence decides.

    - a bare "38m" (:attr:`_Q.bare_m`) is million when the figure before it in its sentence is in
      millions ("77m euros (£53m; $100m), up from 38m", "fell 1m barrels to 294.3m") or is money
      it ends a range with ("$10-25m") -- it takes that figure's unit -- or when a conversion into a currency follows it ("204.3m (£109m)"), or
      when its sentence counts an audience, users or sales ("peaked at 11.9m ... of the audience");
      never right after "the", "a" or a possessive ("the 800m", "men's 800m": an event) or a
      word that measures a length ("cleared 2.3m", "a throw of 70m", "over the last 200m");
    - "32 cents" (:attr:`_Q.open_currency`) takes the nearest dollar or euro amount of its sentence
      ("fell 32 cents to $51.43"; "rose 2 cents to 1.05 euros" is EUR); US dollars otherwise.
    """
    for i, q in enumerate(items):
        if q.bare_m:
            _resolve_bare_m(text, items, i)
        elif q.open_currency:
            best = None
            for j in range(i - 1, -1, -1):
                p = items[j]
                if _SENTENCE_END.search(text, p.end, q.start) is not None:
                    break
                if p.unit in _CENT_CURRENCIES:
                    best = (q.start - p.end, p.unit)
                    break
            for j in range(i + 1, len(items)):
                p = items[j]
                if _SENTENCE_END.search(text, q.end, p.start) is not None:
                    break
                if p.unit in _CENT_CURRENCIES:
                    if best is None or p.start - q.end < best[0]:
                        best = (p.start - q.end, p.unit)
                    break
            if best is not None:
                q.unit = best[1]


def _resolve_bare_m(text: str, items: list[_Q], i: int) -> None:
    q = items[i]
    if _EVENT_DETERMINER_BEFORE.search(text, max(0, q.start - 24), q.start) \
            or _LENGTH_BEFORE.search(text, max(0, q.start - 32), q.start):
        return
    source = None
    for j in range(i - 1, -1, -1):
        p = items[j]
        gap = text[p.end:q.start]
        if len(gap) > 80 or _SENTENCE_END.search(gap) is not None:
            break
        if gap.count(")") > gap.count("("):
            continue  # a conversion in parentheses: "(£53m; $100m)"
        if p.has_magnitude and p.kind != "percent" and abs(p.upper if p.upper is not None else p.value) >= 1e6:
            source = p
        elif p.kind == "money" and gap.strip().lower() in ("-", "–", "to", "and"):
            source = p  # "$10-25m", "from $10 to 25m": the range's second end names the magnitude
        break
    if source is None and not _MONEY_CONVERSION_AFTER.match(text, q.end) and not _counts_audience(text, q):
        return
    q.value *= 1e6
    q.has_magnitude, q.bare_m = True, False
    if source is not None:
        q.unit = source.unit
        q.kind = source.kind if source.kind != "range" else (
            "money" if source.unit and len(source.unit) == 3 and source.unit.isupper() else "count")
    elif _MONEY_CONVERSION_AFTER.match(text, q.end):
        q.kind, q.unit = "money", None
    else:
        q.kind, q.unit = "count", None


def _counts_audience(text: str, q: _Q) -> bool:
    """Does the sentence around q count an audience or users ("peaked at 11.9m viewers")?"""
    left = text.rfind(". ", max(0, q.start - 200), q.start)
    right = text.find(". ", q.end, q.end + 200)
    return _AUDIENCE.search(text, left + 1 if left >= 0 else max(0, q.start - 200),
                            right if right >= 0 else min(len(text), q.end + 200)) is not None
