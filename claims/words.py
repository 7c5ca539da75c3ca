"""Words, names, sentences and quotations: the reading helpers every part of the verifier shares.

- :func:`stem` and :func:`content_words`: a crude English stemmer and the content words of a text
  (stopwords dropped), enough to match "expelled"/"expel", "closed"/"close", "diplomats"; both cached
  per word or text (:func:`content_word_set` is the cached, immutable form);
- :func:`names` and :func:`entities`: capitalised words that name someone or something;
- :func:`sentence_head`, :func:`sentences_of`, :func:`quoted`, :func:`opens_quotation`: where a
  sentence starts and whether a span is inside a quotation (which may run over several sentences).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from claims.model import Sentence
from claims.sentences import split_sentences

__all__ = ["STOPWORDS", "content_word_set", "content_words", "coverage", "entities", "names", "opens_quotation", "quoted",
           "quoted_in_sentence", "sentence_head", "sentence_texts", "sentences_of", "stem"]

# Words that carry no content for matching a claim to a passage.
STOPWORDS = frozenset(
    """
    a an the and or but if of in on at to for from by with as is are was were be been being has have
    had do does did this that these those it its their they them he she his her we our you your i
    which who whom whose what when where why how than then there here also just only not no nor so
    such into over under about after before during while since until up down out off again further
    more most some any each few other own same very can will would should could may might must said
    says say told according per cent percent one two three four five six seven eight nine ten
    """.split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")

# Someone's word, not the source's rating: '"These claims are false," a spokesman said.'
_QUOTE_MARKS = re.compile(r"[\"“”]")

_DOUBLED = re.compile(r"([bdfglmnprt])\1$")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stemmer: enough to match "expelled"/"expel", "closed"/"close", "diplomats"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    word = _DOUBLED.sub(r"\1", word)
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def content_words(text: str) -> set[str]:
    """The stems of the text's content words, a set of the caller's own (changing it changes no cache)."""
    return set(content_word_set(text))


@lru_cache(maxsize=65536)
def content_word_set(text: str) -> frozenset[str]:
    """:func:`content_words`, read once per text: a source's passage is read for every claim checked against it."""
    return frozenset(stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2)


_ENTITY = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]+")


def entities(text: str) -> set[str]:
    """Stems of the capitalised words of the text but its first (a set of the caller's own)."""
    return set(_entity_set(text))


@lru_cache(maxsize=65536)
def _entity_set(text: str) -> frozenset[str]:
    return frozenset(stem(m.group()) for m in _ENTITY.finditer(text) if m.group().lower() not in STOPWORDS)


def coverage(text: str, passage_words: set[str]) -> float:
    words = content_words(text)
    return len(words & passage_words) / len(words) if words else 0.0


# Capitalised words that name no one: months, weekdays, currency and unit abbreviations.
_NOT_NAMES = frozenset(stem(w) for w in """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday hk us usd gbp eur bn mn km
    """.split())


_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z]+(?P<possessive>['’]s\b)?")
_SENTENCE_START = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*$")  # looked for in the few characters before a word


def names(text: str) -> set[str]:
    """Capitalised words that are not stopwords, months or units. A word that starts a sentence
    ("Forecasts for Japanese growth …") is a name only when it looks like one: all capitals
    ("NATO") or possessive ("Lenovo's")."""
    names = set()
    for m in _CAPITALISED.finditer(text):
        word = m.group().split("'")[0].split("’")[0]
        if word.lower() in STOPWORDS:
            continue
        starts_sentence = m.start() == 0 or bool(_SENTENCE_START.search(text[max(0, m.start() - 12) : m.start()]))
        if starts_sentence and not (word.isupper() or m.group("possessive")):
            continue
        names.add(stem(word))
    return names - _NOT_NAMES


def sentence_head(passage: str, at: int, reach: int = 400) -> str:
    """The text from the start of the sentence holding ``at`` up to it (looking back at most ``reach``
    characters, so that a long passage with many figures is not scanned once per figure)."""
    start = max(0, at - reach)
    starts = [s.start for s in split_sentences(passage, start, min(len(passage), at + 1)) if s.start <= at]
    return passage[starts[-1] if starts else start : at]


@lru_cache(maxsize=64)
def sentences_of(passage: str) -> tuple[Sentence, ...]:
    """The passage's sentences, kept for the next look: one passage is split by ``_stated`` (twice for a
    claim without figures), ``_qualified`` and ``examines_claim``."""
    return tuple(split_sentences(passage))


def sentence_texts(passage: str) -> list[str]:
    return [s.text for s in sentences_of(passage)]


@lru_cache(maxsize=16)
def _marks(passage: str) -> tuple[list[int], list[int]]:
    """Where the passage's quotation marks and its line breaks are (kept for the passage's next figure)."""
    return [m.start() for m in _QUOTE_MARKS.finditer(passage)], [m.start() for m in re.finditer("\n", passage)]


def quoted(passage: str, at: int) -> bool:
    """Is the text at ``at`` inside a quotation: an odd number of quotation marks before it in its
    paragraph? A quotation may run over several sentences ('"... that I had to fix. And for 2011 an
    $11 billion deficit," he said.')."""
    marks, breaks = _marks(passage)
    line = breaks[i - 1] if (i := bisect_left(breaks, at)) else -1
    return (bisect_left(marks, at) - bisect_right(marks, line)) % 2 == 1


def quoted_in_sentence(passage: str, at: int) -> bool:
    """The same within the sentence only: for a rating, which a stray or cut-off quotation mark earlier in
    the passage must not hide ("... he said "the cuts were deep. We rate this claim False.")."""
    return opens_quotation(sentence_head(passage, at))


def opens_quotation(head: str) -> bool:
    """Has the sentence so far (``head``) opened a quotation it has not closed?"""
    return len(_QUOTE_MARKS.findall(head)) % 2 == 1
