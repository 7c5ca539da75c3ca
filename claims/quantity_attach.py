"""What a number takes from the words around it, for :mod:`claims.quantities`. On the right
(:func:`_attach_right`): a percent sign or word, a currency code or noun, a hundredth of a currency
("32 cents" -> 0.32 USD, "118.5p" -> 1.185 GBP, :func:`_set_subunit`), a measurement unit, a rate
("per share", :func:`_attach_per`), or a short noun phrase ending in a plural noun, the counted
thing (:func:`_attach_noun`); on either side, bound words ("more than", "up to", "or more",
:func:`_attach_bound`). Every reader of a number (digits, words, fractions, clocks) calls these,
and some of the patterns here are shared with those readers.
"""

from __future__ import annotations

import re

from claims.quantity_draft import _Q
from claims.quantity_lexicon import (
    _AMBIGUOUS_UNITS,
    _CENT_ADJECTIVES,
    _CURRENCY_ADJECTIVES,
    _CURRENCY_WORDS,
    _IRREGULAR_PLURALS,
    _STOPWORDS,
    _SUBUNITS,
    _UNITS,
    _alternation,
)

# Adjectives of expectation or record between a bound and its number: "more than the expected $18m".
_EXPECTED = ("expected forecast predicted anticipated projected estimated targeted budgeted required "
             "planned promised agreed official previous record reported usual average typical hoped-for").split()
_EXPECTED_WORDS = "(?:" + "|".join(_EXPECTED) + ")"
_EXPECTED_SET = frozenset(_EXPECTED)
# The same adjective after the number: "more than the £1.4bn expected", "less than the 4% forecast".
_EXPECTED_AFTER = re.compile(r"[ \u00a0]+(?:expected|forecast|predicted|anticipated|estimated|projected|targeted|budgeted)\b")
_COMPARED_BEFORE = re.compile(r"\b(?:(?P<gt>more|greater|higher)|(?P<lt>less|fewer|lower))\s+than\s+(?:the|an?|its|their)\s+$",
                              re.IGNORECASE)
# Bound words before the number; the group name is the bound.
_BOUND_BEFORE = re.compile(
    rf"""
    (?:^|(?<=[\s(\[“"'‘]))
    (?:
        (?P<ge>at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum\s+of)
      | (?P<le>up\s+to|no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|maximum\s+of|as\s+(?:many|much)\s+as)
      | (?P<gt>more\s+than|over(?:\s+than)?|above|greater\s+than|higher\s+than|in\s+excess\s+of|upwards\s+of|exceeding|just\s+over|north\s+of|beyond)
      | (?P<lt>fewer\s+than|less\s+than|lower\s+than|under|below|just\s+under|shy\s+of)
      | (?P<approx>about|nearly|almost|around|some|roughly|approximately|approx\.?|circa|c\.|an\s+estimated|estimated|close\s+to|~|≈|more\s+or\s+less|just\s+about|an\s+average\s+of|on\s+average)
    )
    # "more than the expected $18m", "less than the forecast 2%": the bound reaches over a
    # determiner and an adjective of expectation or record to the number it compares with
    (?:\s+(?:the|an?|its|their|his|her|our|this\s+year's|last\s+year's)\s+{_EXPECTED_WORDS})?
    \s*$
    | (?P<lt2>\bsub-)$                     # "sub-500 sq m"
    | (?:(?P<ge3>>=|=>|≥)|(?P<le3><=|=<|≤)|(?P<gt3>>)|(?P<lt3><))\s?$   # symbols: ">= 30", "<5%"
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Bound words after the quantity: "100 or more", "30-plus".
_BOUND_AFTER = re.compile(r"(?:\s+or\s+(?P<ge>more|above|higher)|\s+or\s+(?P<le>less|fewer|below)|-?(?P<ge2>plus)|(?P<approx>\s+or\s+so))\b(?!\s+than)",
                          re.IGNORECASE)

_PERCENT_AFTER = re.compile(
    r"""
    [ \u00a0]?
    (?:
        (?P<pp>percentage[\s-]points?|pct\.?\s?points?|pp\b|ppts?\b)   # 3 percentage points
      | (?P<bp>basis[\s-]points?|bps\b|bp\b)                          # 40 basis points
      | (?P<pc>%|per\s?cent\b|percent\b|pct\b|pc\b)                   # 20%, 20 per cent, 5pc
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_UNIT_WORDS = [u for u in _UNITS if u not in _AMBIGUOUS_UNITS]
# Measurement units after the number (optionally after a hyphen: "6.1-inch", "185-hp").
_UNIT_AFTER = re.compile(
    rf"""
    (?:[ \u00a0]?-?[ \u00a0]?)              # "40 yard", "6.1-inch", "3923sq m"
    (?P<unit>{_alternation(_UNIT_WORDS)})
    (?:\^[-−]?\d|[²³])?                  # km^2, m³
    (?![A-Za-z0-9²])
    """,
    re.VERBOSE,
)
# Ambiguous one-letter units only right after the number: "816 000 t", "5.5t", "1.0l", "5-10W".
_SHORT_UNIT_AFTER = re.compile(
    rf"""
    [ \u00a0]?(?P<unit>{_alternation(_AMBIGUOUS_UNITS)})(?![A-Za-z0-9²/])
    """,
    re.VERBOSE,
)
_CURRENCY_CODE_AFTER = re.compile(
    r"[ \u00a0]?(?P<code>USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|HKD|SGD|NZD|MYR|ZAR|SEK|NOK|DKK|KRW|BRL|MXN|RUB|ILS)\b"
)
# "p" for pence ("118.5p") and "c" for cents, only glued to the number.
_PENCE_AFTER = re.compile(r"p(?![A-Za-z0-9])")  # "118.5p": glued only
# Short units that may also stand after a space: "5 W charger", "930,000 mi", "3 min".
_STERLING_AFTER = re.compile(r"\s+sterling\b")
_SPACED_SHORT_UNITS = frozenset({"t", "PS", "W", "V", "kt", "ha", "mi", "hr", "sec", "min"})
_DEGREE_SCALE_AFTER = re.compile(r"\s?([CF])\b")

# One word of the noun phrase after a number.
_NP_WORD = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z])")
_PER_AFTER = re.compile(r"[ \u00a0]?(?:per|a|an|/)[ \u00a0]?(?:share|barrel|ounce|gram|month|year|week|day|person|head|hour|square\s(?:foot|metre|meter)|sq\s?[mf]t?)\b", re.IGNORECASE)
# Last words of the phrases in _BOUND_BEFORE: the pattern only runs after one of these.
_BOUND_LAST_WORDS = frozenset("""
least than of to most as over above exceeding beyond under below about nearly almost around
some roughly approximately approx approx. circa c. estimated less average more
""".split()) | frozenset(_EXPECTED)
# Characters that can start a unit or percent sign that is not a letter.
_UNIT_START_CHARS = "%°º″µμ²³'’"
# After a number: hundredths of a currency ("32 cents", "70 euro cents", "5 Australian cents").
_SUBUNIT_AFTER = re.compile(
    r"[ \u00a0]+(?:(?P<adj>euro|US|U\.S\.|American|Australian|Canadian|Singapore|Hong[ \u00a0]Kong|New[ \u00a0]Zealand|Taiwan)[ \u00a0]+)?"
    r"(?P<w>cents?|pence|sen|paise|kopecks|kopeks)\b")
# Glued "p" that is a video resolution, not pence: "1080p", "720p".
_RESOLUTIONS = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})


def _attach_right(text: str, q: _Q, pos: int) -> None:
    """Percent, currency word/code, unit, or the counted noun phrase after the number."""
    c = text[pos:pos + 1]
    if c in (" ", "\u00a0", "-"):
        c = text[pos + 1:pos + 2]
    if not (c.isalpha() or c in _UNIT_START_CHARS):
        return  # punctuation, digits or the end: nothing to attach
    pm = _PERCENT_AFTER.match(text, pos)
    if pm is not None:
        q.kind = "percent"
        q.unit = "percentage points" if pm.group("pp") else "basis points" if pm.group("bp") else "percent"
        q.end = pm.end()
        return
    cm = _CURRENCY_CODE_AFTER.match(text, pos)
    if cm is not None:
        q.kind, q.unit, q.end = "money", cm.group("code"), cm.end()
        return
    if pos == q.num_end:
        pm = _PENCE_AFTER.match(text, pos)
        if pm is not None and text[q.num_start:q.num_end] not in _RESOLUTIONS:
            _set_subunit(text, q, "GBP", pm.end())  # "118.5p" = £1.185
            return
    um = _UNIT_AFTER.match(text, pos)
    if um is not None:
        unit = um.group("unit")
        canon = _UNITS.get(unit) or _UNITS.get(unit.lower())
        q.kind, q.unit, q.end = ("count" if canon == "times" else "measure"), canon, um.end()
        if unit in ("pounds", "pound"):
            nxt = _STERLING_AFTER.match(text, um.end())
            if nxt is not None:  # "10 pounds sterling"
                q.kind, q.unit, q.end = "money", "GBP", nxt.end()
        _attach_per(text, q)
        return
    if c in "cpseUACSHNTk":  # "32 cents", "18 pence", "70 euro cents", "5 sen", "50 kopecks"
        sub = _SUBUNIT_AFTER.match(text, pos)
        if sub is not None:
            adj = sub.group("adj")
            code = _SUBUNITS[sub.group("w")]
            if adj is not None:
                code = _CENT_ADJECTIVES.get(adj.split()[-1].lower(), code)
            _set_subunit(text, q, code, sub.end())
            return
    sm = _SHORT_UNIT_AFTER.match(text, pos) if pos == q.num_end else None
    if sm is not None and (sm.start("unit") == pos or sm.group("unit") in _SPACED_SHORT_UNITS):
        unit = sm.group("unit")
        q.kind, q.unit, q.end = ("count" if unit == "x" else "measure"), _UNITS.get(unit, unit), sm.end()
        if unit == "°":
            cf = _DEGREE_SCALE_AFTER.match(text, sm.end())
            if cf is not None:
                q.unit, q.end = "°" + cf.group(1), cf.end()
        return
    _attach_noun(text, q, pos)


def _set_subunit(text: str, q: _Q, code: str | None, end: int) -> None:
    """A hundredth of a currency, normalised to it: "32 cents" -> 0.32 USD, "18 pence" -> 0.18 GBP."""
    q.value /= 100
    q.kind, q.unit, q.end, q.subunit = "money", code or "USD", end, True
    q.open_currency = code is None
    _attach_per(text, q)


def _attach_per(text: str, q: _Q) -> None:
    """ "$80 per sq m", "$3500 a month": keep the rate in the surface, not in the value."""
    pm = _PER_AFTER.match(text, q.end)
    if pm is not None:
        q.end = pm.end()


def _attach_noun(text: str, q: _Q, pos: int) -> None:
    """Span through a short noun phrase ending in a plural noun; its head is the unit."""
    modifiers = 0
    p = pos
    while modifiers <= 3:
        wm = _NP_WORD.match(text, p)
        if wm is None:
            return
        w = wm.group("w").rstrip(".")
        lw = w.lower()
        if lw in _STOPWORDS:
            return
        cw = _CURRENCY_WORDS.get(lw)
        if cw is not None and (modifiers == 0 or cw in ("USD", "crowns", "pesos", "shillings")):
            prev = text[pos:wm.start("w")].split()
            if prev:
                cw = _CURRENCY_ADJECTIVES.get((prev[-1].lower(), lw), cw)
            if lw in ("sen",) and modifiers:
                return
            q.kind, q.unit, q.end = "money", cw, wm.start("w") + len(w)
            return
        if lw in _IRREGULAR_PLURALS or (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s"))):
            q.unit, q.end, q.np_modifiers = w, wm.start("w") + len(w), modifiers + (w[:1].isupper())
            return
        modifiers += 1
        p = wm.start("w") + len(w)


def _attach_bound(text: str, q: _Q) -> None:
    bm = None
    last = ""
    if q.start > 0:
        c = text[q.start - 1]
        last = _last_word(text, q.start - 1) if c == " " else ""
        if c in "~≈-<>=≥≤" or c == " " and (last in _BOUND_LAST_WORDS
                                             or text[q.start - 2:q.start - 1] in ("<", ">", "=", "≥", "≤")):
            # "more than the expected $18m" reaches further back than "more than $18m"
            bm = _BOUND_BEFORE.search(text, max(0, q.start - (44 if last in _EXPECTED_SET else 24)), q.start)
    if bm is None and last in ("the", "a", "an", "its", "their") and _EXPECTED_AFTER.match(text, q.end):
        bm = _COMPARED_BEFORE.search(text, max(0, q.start - 24), q.start)  # "more than the £1.4bn expected"
    if bm is not None:
        g = bm.lastgroup
        q.bound = {"ge": ">=", "le": "<=", "gt": ">", "lt": "<", "lt2": "<", "approx": "~",
                   "ge3": ">=", "le3": "<=", "gt3": ">", "lt3": "<"}[g]
        q.start = bm.start()
    am = _BOUND_AFTER.match(text, q.end)
    if am is not None and q.bound == "=":
        g = am.lastgroup
        q.bound = {"ge": ">=", "ge2": ">=", "le": "<=", "approx": "~"}[g]
        q.end = am.end()
        if q.kind == "count" and q.unit is None:  # "100 or more people", "30-plus players"
            _attach_noun(text, q, q.end)


def _last_word(text: str, end: int) -> str:
    """The lower-cased word that ends at ``end`` (trailing spaces skipped)."""
    i = end
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and i - j < 16 and not text[j - 1].isspace():
        j -= 1
    return text[j:i].lower()
