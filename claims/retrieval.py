"""BM25 over the passages of a set of documents, in memory: the passages a claim's words point at.

The same ranking DuckDB's ``fts`` extension gives (BM25 with k1 = 1.2, b = 0.75, English stopwords
dropped, words stemmed), computed in Python so that an ad-hoc check and a batch share one index per
set of documents and no database is needed. An index is built once per document (cached) and a
query costs one dictionary lookup per query word and posting.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.passages import SourceText
from claims.words import STOPWORDS, stem

__all__ = ["Hit", "rank"]

K1, B = 1.2, 0.75
_TOKEN = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Hit:
    document: int
    passage: int
    score: float


@lru_cache(maxsize=65536)
def _terms(text: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in _TOKEN.findall(text.lower()) if t not in STOPWORDS)


@dataclass(frozen=True)
class _Index:
    lengths: tuple[int, ...]
    postings: dict  # term -> tuple of (passage, term frequency)


@lru_cache(maxsize=512)
def _index(source: SourceText) -> _Index:
    postings: dict[str, list[tuple[int, int]]] = {}
    lengths = []
    for i, p in enumerate(source.passages):
        terms = _terms(p.text)
        lengths.append(len(terms))
        for term, n in Counter(terms).items():
            postings.setdefault(term, []).append((i, n))
    return _Index(tuple(lengths), {t: tuple(v) for t, v in postings.items()})


def rank(query: str, sources: Sequence[SourceText], limit: int = 20) -> list[Hit]:
    """The passages of these documents best matching the query, best first (ties in document order)."""
    indexes = [_index(s) for s in sources]
    n = sum(len(ix.lengths) for ix in indexes)
    if not n:
        return []
    average = sum(sum(ix.lengths) for ix in indexes) / n or 1.0
    scores: dict[tuple[int, int], float] = {}
    for term in set(_terms(query)):
        found = [(d, p, tf) for d, ix in enumerate(indexes) for p, tf in ix.postings.get(term, ())]
        if not found:
            continue
        idf = math.log((n - len(found) + 0.5) / (len(found) + 0.5) + 1)
        for d, p, tf in found:
            length = indexes[d].lengths[p]
            scores[(d, p)] = scores.get((d, p), 0.0) + idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [Hit(d, p, score) for (d, p), score in best]
