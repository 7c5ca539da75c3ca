"""A number written in digits, for :mod:`claims.quantities`. :func:`_from_digits` reads its left
context (a currency symbol or code, "PS" and one-letter currencies, a sign), a glued vulgar
fraction ("2½"), an exponent and a magnitude ("1.2bn", "£3m", "50k"; a glued "m" with no currency
asks :mod:`claims.quantity_sentence`), a slash fraction ("1/2 pound"), then what follows it
(:mod:`claims.quantity_attach`); and it drops what is no quantity: codes ("5G", "F-35", "G8"),
street numbers, years (:func:`_is_year`) and names (:func:`_is_name`: "Channel 4", "iPhone 11").
"""

from __future__ import annotations

import re

from claims.quantity_attach import (
    _BOUND_BEFORE,
    _CURRENCY_CODE_AFTER,
    _NP_WORD,
    _PENCE_AFTER,
    _PERCENT_AFTER,
    _RESOLUTIONS,
    _SHORT_UNIT_AFTER,
    _UNIT_AFTER,
    _attach_bound,
    _attach_per,
    _attach_right,
)
from claims.quantity_draft import _Q
from claims.quantity_lexicon import (
    _CURRENCY_PREFIX,
    _MAGNITUDES,
    _NAME_STOPWORDS,
    _VULGAR,
)
from claims.quantity_sentence import _m_reading

_CURRENCY_BEFORE = re.compile(
    r"""
    (?P<cur>
        (?:US|U\.S\.|AU|A|CA|C|HK|NZ|S|NT|R)\s?\$     # US$ / US $ / C $ / HK$ / S $
      | \$\s?(?:US|A)                                 # $US113, $A82
      | [$£€¥₹₩₽₺₦₱₪]                                 # symbol
      | \b(?:USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|HKD|SGD|NZD|MYR|ZAR|SEK|NOK|DKK|KRW|BRL|MXN|RUB|TRY|NGN|ILS|AED|SAR|Rs\.?|RM|PS|Y=
           |KSh|Ksh|KES|GH¢|GHS|PHP|Php)
      | (?<![\w.])[NRP]                                # N25,750 / R400,000 / P90,078: glued
    )
    \s?$                                             # right before the number
    """,
    re.VERBOSE,
)
# After "PS" only a real amount is money: "PS21,700", "PS2.7m", "PS60"; not "PS5".
_PS_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+\.\d|\d+\s?(?:m|bn|k|million|billion)\b|\d{2,}")
# After a one-letter currency only a plain amount is money: "N25,750", "R1.2 billion"; not "N95", "P2".
_LETTER_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+(?:\.\d+)?\s?(?:million|billion|trillion|bn|lakhs?|crores?)\b")
_EXPONENT_AFTER = re.compile(r"(?:[eE]|\s?[×*]\s?10\^?|x10\^)(?P<exp>[-+−]?\d{1,3})(?!\d|[.,]\d|[A-Za-z]{2})")
# After a house number: up to three name words and a street type, or a street type and a name.
_ADDRESS_AFTER = re.compile(
    r"""
    (?:\s(?:[NSEW]\.?|[A-Z][a-z]+|\d+(?:st|nd|rd|th))){0,3}
    \s(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Ln|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct|Terrace|Crescent|Close|Square|Highway|Hwy|Parkway|Pkwy)\b
    | \s(?:Ave|Avenue|Rue|Via|Calle|Boulevard)\s[A-Z]
    """,
    re.VERBOSE,
)
_SLASH_FRACTION = re.compile(r"/(\d{1,2})(?![\d/])")
_MIXED_WHOLE_BEFORE = re.compile(r"\b(\d{1,2}) $")
_SIGN_BEFORE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=\()|(?<=\[))([-−–+])$|\bminus[\s-]$|(?<=\bminus)-$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(
    r"""
    (?P<sp>[ \u00a0]?)
    (?P<mag>(?i:thousand|hundred|million|billion|trillion|lakhs?|crores?)|mn|mln|mil|mio|bn|bln|tn|trn|[mMbBkKT])
    (?![A-Za-z0-9])
    """,
    re.VERBOSE,
)
# Year-like prepositions: "in 2008", "since 2017".
# "in 2019 sales rose": a year even though a plural noun follows.
_YEAR_PREP_BEFORE = re.compile(r"\b(?:in|since|by|until|till|after|before|during|throughout|of|for|early|late|mid|fiscal|FY)[\s-]+$", re.IGNORECASE)
# "between 1600 and 1900 world temperatures": the second of two years.
_YEAR_PAIR_BEFORE = re.compile(r"\b(?:1[5-9]|20)\d{2}\s?(?:and|to|-|–|until|through)\s?$")
_ERA_AROUND = re.compile(r"\b(?:A\.D\.|AD|B\.C\.|BC|BCE|CE)\s\d{3,4}\b|\b\d{3,4}\s(?:A\.D\.|AD|B\.C\.|BC|BCE|CE)\b")
_RANGE_TO_NUMBER = re.compile(r"\s?(?:-|–|to)\s?\d[\d,.]*")
_HYPHEN_PREFIX_BEFORE = re.compile(r"\b(?:sub|minus|now|over|under|about|around|nearly|almost|some|up|top|to)-$", re.IGNORECASE)
_CURRENCY_CHARS = "$£€¥₹₩₽₺₦₱₪=¢"
_MAGNITUDE_HYPHEN_BEFORE = re.compile(r"\d(?:k|m|bn|K|M)-$")  # "5k-20k", "$2m-3m"


def _parse_digits(raw: str) -> float:
    return float(raw.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))


def _from_digits(text: str, m: re.Match) -> _Q | None:
    s, e = m.span()
    raw = m.group()
    start = s
    left = text[max(0, s - 12):s]
    currency = None
    c1 = text[s - 1] if s > 0 else " "
    c2 = text[s - 2] if s > 1 and c1 == " " else c1
    cm = _CURRENCY_BEFORE.search(left) if (c2.isalpha() or c2 in _CURRENCY_CHARS or left.endswith("Rs. ")) else None
    if cm is not None and cm.group("cur") in ("N", "R", "P") and (c1 == " " or not _LETTER_AMOUNT.match(text, s)):
        cm = None  # "N95", "P2", "Team N 2,000": a name, not money
    if cm is not None:
        cur = re.sub(r"\s", "", cm.group("cur"))
        if cur == "PS" and not _PS_AMOUNT.match(text, s):
            return None  # "PS5" is a console, "PS21,700" is mangled "£21,700"
        currency = _CURRENCY_PREFIX.get(cur, "USD")
        start = s - (len(left) - cm.start())
    elif s > 1 and text[s - 1] == "/" and text[s - 2].isdigit():
        return None  # the second half of "24/7", "9/11", "1/0"
    elif s > 0 and (text[s - 1].isalpha() or text[s - 1] in "$=._"):
        return None  # letters glued on the left: a name or code ("G8", "M21", "ID.3")
    elif s > 1 and text[s - 1] == "-" and text[s - 2].isalpha() and not _HYPHEN_PREFIX_BEFORE.search(text, max(0, s - 8), s) \
            and not _MAGNITUDE_HYPHEN_BEFORE.search(text, max(0, s - 6), s):
        return None  # "F-35", "COVID-19", "TA-125" (but "sub-7", "minus-1.4", "now-18" are fine)
    value = _parse_digits(raw)
    sign = 1.0
    name_sign = False  # "COVID -19": a sign after a name is a hyphen unless a unit follows
    if currency is None and start == s:
        sm = _SIGN_BEFORE.search(text[max(0, s - 7):s]) if (c1 in "-−–+" or c1 == " " and c2 in "sS") else None
        if sm is not None:
            if sm.group(1) in ("-", "−") or sm.group(1) is None:
                prev = text[max(0, s - 40):s - (len(sm.group()))].rstrip()
                sign = -1.0
                start = s - len(sm.group())
                last = prev.split()[-1] if prev.split() else ""
                name_sign = last[:1].isupper() and last.isalpha() and last not in _NAME_STOPWORDS
            elif sm.group(1) == "–":
                pass  # a spaced en dash ("25 – 40min") joins a range, it is no sign
            else:
                start = s - 1  # "+0.2%": a change, value stays positive
    q = _Q(start=start, end=e, num_start=s, num_end=e, value=sign * value,
           after_hyphen=s > 1 and text[s - 1] in "-–" and text[s - 2].isdigit())
    pos = e
    if pos < len(text) and text[pos] in _VULGAR:  # "2½"
        q.value += _VULGAR[text[pos]] if q.value >= 0 else -_VULGAR[text[pos]]
        pos += 1
        q.end = pos
    # Scientific notation: "4e14", "9.83e-3", "2.48×10−5", "1.99 x 10^-30".
    xm = _EXPONENT_AFTER.match(text, pos)
    if xm is not None:
        exp = int(xm.group("exp").replace("−", "-"))
        try:
            q.value *= 10.0 ** exp
        except OverflowError:
            return None
        pos = xm.end()
    # Magnitude: "1.2bn", "$4 million", "PS6m", "50k".
    bare_m = False
    mm = _MAGNITUDE_AFTER.match(text, pos)
    if mm is not None:
        mag = mm.group("mag")
        ml = mag.lower()
        ok = True
        if ml in ("m", "b", "k", "t"):
            # One letter: glued to the number; "m" is metres unless money or a count follows.
            if mm.group("sp"):
                ok = mag == "B" and (currency is not None or _NP_WORD.match(text, mm.end()) is not None)
            elif ml == "m":
                reading = True if currency is not None else _m_reading(text, mm.end())
                ok = reading is True
                bare_m = reading is None
            elif ml in ("b", "t"):
                ok = currency is not None  # "$4.2b", "$2.174T"; "16b" / "5t" are bytes / tonnes
            elif ml == "k":
                ok = True
        if ok:
            q.value *= _MAGNITUDES.get(ml, 1.0)
            q.has_magnitude = True
            pos = mm.end()
            if ml in ("hundred", "thousand", "lakh", "lakhs"):  # "4 hundred million", "₹2.8 lakh crore"
                m2 = _MAGNITUDE_AFTER.match(text, pos)
                if m2 is not None and m2.group("mag").lower() in ("thousand", "million", "billion", "trillion", "crore", "crores"):
                    q.value *= _MAGNITUDES[m2.group("mag").lower()]
                    pos = m2.end()
    q.end = pos
    if currency is not None:
        q.kind, q.unit = "money", currency
        _attach_per(text, q)
        _attach_bound(text, q)
        return q
    # Letters glued on the right that are no unit make the number part of a code: "5G", "4K", "3D".
    if pos == e and e < len(text) and text[e].isalpha():
        if not (_UNIT_AFTER.match(text, e) or _SHORT_UNIT_AFTER.match(text, e)
                or _PERCENT_AFTER.match(text, e) or _PENCE_AFTER.match(text, e) and raw not in _RESOLUTIONS
                or _CURRENCY_CODE_AFTER.match(text, e)):
            return None
    # Numeric fractions: "1/2 pound", "2 1/2 in"; other slashes ("24/7", "9/11") are no quantity.
    if pos == e and text.startswith("/", e):
        fm = _SLASH_FRACTION.match(text, e)
        if fm is None or not raw.isdigit():
            return None
        num, den = float(raw), float(fm.group(1))
        if not (0 < num < den and (den <= 16 or num == 1 and den <= 100)):
            return None
        q.value, q.kind, q.end, pos = num / den, "fraction", fm.end(), fm.end()
        whole = _MIXED_WHOLE_BEFORE.search(text, max(0, s - 6), s)
        if whole is not None:
            q.value += float(whole.group(1))
            q.start = whole.start()
    if pos == e and text.startswith(("'s", "’s"), e) and currency is None:
        return None  # "50's beef": a name
    if currency is None and raw.isdigit() and pos == e and _ADDRESS_AFTER.match(text, e):
        return None  # street numbers: "49 Zorro Ranch Road", "9 E 71st St", "22 Ave Foch"
    _attach_right(text, q, pos)
    q.bare_m = bare_m and q.unit == "m"
    if name_sign and q.kind == "count":
        return None
    if q.kind == "fraction":
        _attach_bound(text, q)
        return q
    if q.kind == "count" and not q.has_magnitude:
        if _is_year(text, q, raw):
            return None
        if raw.isdigit() and _is_name(text, q, raw):
            return None
    _attach_bound(text, q)
    return q


def _is_year(text: str, q: _Q, raw: str) -> bool:
    """ "in 2008", "the 1988 horror film", "A.D. 1000"; but "2000 hires", "2000 - 2500 Calories"."""
    if not (len(raw) == 4 and raw.isdigit()):
        return False
    if _ERA_AROUND.search(text, max(0, q.num_start - 5), min(len(text), q.num_end + 5)) is not None:
        return True
    if not 1500 <= int(raw) <= 2199:
        return False
    if q.num_start > 0 and text[q.num_start - 1] in " <>~≈" and _BOUND_BEFORE.search(text, max(0, q.num_start - 24), q.num_start):
        return False  # "above 1000 and below 1500", "more than 2000"
    if q.unit is not None:
        # A plural noun after a year-preposition is still a year: "in 2019 sales rose";
        # and "the 1988 horror film Childs": only a plain plural noun right after counts.
        return q.kind == "count" and (
            q.np_modifiers > 0
            or _YEAR_PREP_BEFORE.search(text, max(0, q.num_start - 16), q.num_start) is not None
            or _YEAR_PAIR_BEFORE.search(text, max(0, q.num_start - 12), q.num_start) is not None)
    rm = _RANGE_TO_NUMBER.match(text, q.num_end)
    if rm is not None and _YEAR_PREP_BEFORE.search(text, max(0, q.num_start - 16), q.num_start) is None and _UNIT_AFTER.match(text, rm.end()):
        return False  # "about 2000 - 2500 Calories"
    return True


def _is_name(text: str, q: _Q, raw: str) -> bool:
    """ "Channel 4", "FTSE 100", "Section 427": a capitalised word right before the number."""
    left = text[max(0, q.num_start - 30):q.num_start]
    if not left.endswith(" "):
        return False
    words = left.split()
    if not words:
        return False
    prev = words[-1].lstrip("([\"'“‘")
    if prev[:1].isupper() and prev.replace("-", "").isalpha() and prev not in _NAME_STOPWORDS and "." not in prev:
        return True
    if prev.isalpha() and not prev.islower() and not prev[:1].isupper():
        return True  # "iPhone 11", "eBay 2"
    return "&" in prev  # "S&P 500"
