"""The words of a statement and of a table's cells, read alike for :mod:`claims.celllink`.

Folded to lower case without accents, tokenised ("australia's" -> "australia 's"), lightly stemmed so
that a lemmatised statement meets inflected cells ("nominate" / "nominated"), numbers and dates made
canonical words (see :mod:`claims.celllink_ops`). Cached; pure standard library.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from claims import celllink_ops as ops

__all__ = ["fold", "is_number", "stem", "tokens", "words"]

# A token: a time ("1:56.85", "1.56.85"), a number (thousands commas, decimals, an ordinal suffix), a
# run of letters, "'s", or one punctuation mark.
TOKEN = re.compile(r"\d+(?::\d\d)+(?:\.\d+)?|\d+\.\d\d\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:st|nd|rd|th)?"
                    r"|[^\W\d_]+|'s|[^\s\w]")
NOT = re.compile(r"\s?n't\b")  # "didn't", "did n't" -> "did not"
BREAK = frozenset(",;.!?:")  # punctuation that ends a phrase: a header and a value across it are not adjacent
# Forms a lemmatiser maps and a suffix stripper cannot (irregular plurals and verbs; "ha" is what a
# noun lemmatiser makes of "has").
IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot",
              "won": "win", "lost": "lose", "wrote": "write", "written": "write", "began": "begin",
              "begun": "begin", "ran": "run", "held": "hold", "led": "lead", "took": "take", "taken": "take",
              "made": "make", "gave": "give", "given": "give", "went": "go", "gone": "go", "beaten": "beat",
              "chose": "choose", "chosen": "choose", "drew": "draw", "drawn": "draw", "sang": "sing",
              "sung": "sing", "born": "bear", "ha": "have", "has": "have", "had": "have", "wa": "be",
              "is": "be", "was": "be", "were": "be", "are": "be", "been": "be", "did": "do", "does": "do"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper, applied alike to statement and cells: what matters is that both
    sides of "nominate" / "nominated" or "fall" / "falling" end the same, not that it is a word."""
    w = IRREGULAR.get(word, word)
    if not w.isalpha() or len(w) <= 3:
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) >= 6:
        w = w[:-3]
    elif w.endswith("ed") and len(w) >= 5:
        w = w[:-2]
    if w.endswith("e") and len(w) >= 4:
        w = w[:-1]
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[tuple[str, str, bool, bool], ...]:
    """A text's comparable words as (as written, canonical word, follows a phrase break, follows
    "the"). Punctuation and "the" are dropped, "'s" is kept, "%" is the word "percent", a date is one
    word "@month-day" followed by its year."""
    toks = TOKEN.findall(NOT.sub(" not", fold(text)).replace("%", " percent "))
    out: list[tuple[str, str, bool, bool]] = []
    brk = det = False
    i = 0
    while i < len(toks):
        t = toks[i]
        date = ops.date_at(toks, i) if (t[0].isdigit() or t in ops.MONTHS) else None
        if date:
            md, year, used = date
            out.append((" ".join(toks[i:i + used]), md, brk, det))
            if year:
                out.append((year, year, False, False))
            i += used
            brk = det = False
            continue
        if t[0].isdigit():
            word = ops.number_word(t, toks, i)
        elif t in ops.NUMBER_WORDS:
            word = ops.NUMBER_WORDS[t]
        elif t == "the":
            det, i = True, i + 1
            continue
        elif t in ("no", "nr") and toks[i + 1:i + 2] and toks[i + 1][0].isdigit():
            word = t = "number"  # "no 94": a number, not a negation
        elif t[0].isalpha():
            word = stem(t)
        elif t == "'s":
            word = t
        else:
            brk, i = brk or t in BREAK, i + 1
            continue
        out.append((t, word, brk, det))
        brk = det = False
        i += 1
    return tuple(out)


def words(text: str) -> tuple[str, ...]:
    return tuple(t[1] for t in tokens(text))


def is_number(word: str) -> bool:
    return word[0].isdigit()
