"""A source document as the verifier reads it: its sentences with their figures, dates and names, once.

:func:`read` turns a :class:`claims.passages.SourceText` into a :class:`Reading` that every claim
checked against the document shares (cached per document): each prose sentence with its quantities,
dates (with the spans a date range gives: "from 26 July to 11 August 2024", "1671–1677"), content
stems and names, plus the names of the page's topic (its title and first heading), and an index from
stem to sentences so that a claim looks only at sentences sharing a word with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.dates import find_dates
from claims.frame import Frame, name_phrases, word_stems
from claims.model import DateMention, Quantity
from claims.passages import SourceText
from claims.quantities import find_quantities
from claims.words import sentences_of

__all__ = ["Document", "Reading", "SentenceView", "claim_names", "period_values", "read"]


@dataclass(frozen=True, slots=True)
class Document:
    """A source: where it came from and its text as passages and tables."""

    location: str
    source: SourceText


@dataclass(frozen=True, slots=True)
class SentenceView:
    passage: int  # index of its passage in the SourceText
    text: str
    start: int  # offset of the sentence in its passage's text
    quantities: tuple[Quantity, ...]  # offsets into ``text``
    dates: tuple[DateMention, ...]  # offsets into ``text``
    ranges: tuple[tuple[int, int, str, str], ...]  # (start, end, first ISO date, last ISO date) of date ranges
    words: frozenset[str]
    names: tuple[str, ...]
    heading: str | None  # the heading above its passage
    row: bool = False  # a table row read as a sentence ("Date: 4 September 1666 | Event: ...")


@dataclass(frozen=True, slots=True)
class Reading:
    sentences: tuple[SentenceView, ...]
    topic: frozenset[str]  # stems of the names in the page's title and first heading
    topic_names: tuple[str, ...]
    index: dict  # stem -> tuple of sentence indexes
    words: frozenset[str]  # every stem of the document, tables included
    proper: frozenset[str]  # stems of the names the document writes as names (capitalised inside a sentence)
    lowercase: frozenset[str]  # every word the document writes in lower case somewhere
    implicit: bool  # the title and first heading name no one: a statistics release about its own country, say
    paragraphs: dict  # passage index -> every stem of the passage

    def paragraph_words(self, passage: int) -> frozenset[str]:
        """Every stem of one passage (its sentences together)."""
        return self.paragraphs.get(passage, frozenset())

    def candidates(self, stems: frozenset[str]) -> list[int]:
        """Sentences sharing at least one of these stems, in document order."""
        found: set[int] = set()
        for s in stems:
            found.update(self.index.get(s, ()))
        return sorted(found)


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
# Date ranges whose first end an extractor gives without its year or not at all.
_DAY_RANGE = re.compile(rf"\b(?:from\s+)?(\d{{1,2}})\s+({_MONTH})?\s*(?:to|until|–|-)\s*(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b")
_MONTH_RANGE = re.compile(rf"\b({_MONTH})\s*(?:–|-|to)\s*({_MONTH})\s+(\d{{4}})\b")
_YEAR_RANGE = re.compile(r"\b(?:from\s+|between\s+)?(1[0-9]{3}|20[0-9]{2})\s*(?:–|-|to|and)\s*(1[0-9]{3}|20[0-9]{2}|[0-9]{2})\b")


def _ranges(text: str) -> tuple[tuple[int, int, str, str], ...]:
    out = []
    for m in _DAY_RANGE.finditer(text):
        d1, m1, d2, m2, year = m.groups()
        first_month = _MONTHS[(m1 or m2).lower()]
        out.append((m.start(), m.end(), f"{year}-{first_month:02d}-{int(d1):02d}", f"{year}-{_MONTHS[m2.lower()]:02d}-{int(d2):02d}"))
    for m in _MONTH_RANGE.finditer(text):
        m1, m2, year = m.groups()
        out.append((m.start(), m.end(), f"{year}-{_MONTHS[m1.lower()]:02d}", f"{year}-{_MONTHS[m2.lower()]:02d}"))
    for m in _YEAR_RANGE.finditer(text):
        a, b = m.group(1), m.group(2)
        if len(b) == 2:
            b = a[:2] + b
        if int(a) < int(b) <= int(a) + 100:
            out.append((m.start(), m.end(), a, b))
    return tuple(sorted(out))


_DATE_NAME = re.compile(rf"(?:{_MONTH})(?:\s*[–-]\s*(?:{_MONTH}))?(?:\s+\d{{4}})?")
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
_QUARTER_MONTHS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4"}


def period_values(text: str) -> tuple[str, ...]:
    """What a period names, as date values: "October–December 2023" -> ("2023-Q4", "2023"); "2019" ->
    ("2019",); "2022–23" (a monitoring year) -> ("2022-23", "2023")."""
    out: list[str] = []
    m = _MONTH_RANGE.search(text)
    if m:
        a, b = _MONTHS[m.group(1).lower()], _MONTHS[m.group(2).lower()]
        quarter = _QUARTER_MONTHS.get((a, b))
        if quarter:
            out.append(f"{m.group(3)}-{quarter}")
        return tuple(out + [m.group(3)])
    years = re.findall(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?:\s*[–-]\s*(\d{2,4}))?(?!\d)", text)
    for first, second in years:
        if second:
            last = first[:2] + second if len(second) == 2 else second
            out += [f"{first}-{second}", last]
        else:
            out.append(first)
    return tuple(out)


# A measure written in two units: "21 feet 4 inches", "2 hours 10 minutes".
_COMPOUND = {("ft", "in"): 1 / 12, ("hours", "minutes"): 1 / 60, ("minutes", "seconds"): 1 / 60, ("m", "cm"): 0.01,
             ("lb", "oz"): 1 / 16, ("st", "lb"): 1 / 14}


def _compounds(text: str, found: list[Quantity]) -> tuple[Quantity, ...]:
    out: list[Quantity] = []
    for q in found:
        if out and (out[-1].unit, q.unit) in _COMPOUND and text[out[-1].end : q.start].strip(" ,and") == "":
            head = out.pop()
            value = head.value + q.value * _COMPOUND[(head.unit, q.unit)]
            out.append(Quantity(text[head.start : q.end], head.start, q.end, value, head.kind, head.unit, head.bound))
            continue
        out.append(q)
    return tuple(out)


# A question ends at its question mark, whatever follows: "Did X say ...? No, he said ..."
_QUESTION_END = re.compile(r"(?<=\?)[\"”’)]*\s+")


def _statements(text: str) -> list[tuple[int, str]]:
    """The parts of a sentence that are not questions, with their offsets."""
    out, at = [], 0
    for piece in _QUESTION_END.split(text):
        start = text.find(piece, at)
        at = start + len(piece)
        if piece.strip() and not piece.rstrip(" \"”’)").endswith("?"):
            out.append((start, piece))
    return out


def _sentence_view(passage: int, text: str, start: int, heading: str | None) -> SentenceView:
    return SentenceView(passage, text, start, _compounds(text, find_quantities(text)), tuple(find_dates(text)),
                        _ranges(text), word_stems(text), name_phrases(text), heading)


@lru_cache(maxsize=512)
def read(source: SourceText) -> Reading:
    """The document's sentences with what the verifier compares (cached per document)."""
    sentences: list[SentenceView] = []
    first_heading = None
    for i, p in enumerate(source.passages):
        if p.kind == "heading" and first_heading is None:
            first_heading = p.text
        if p.kind == "table_row":
            view = _sentence_view(i, p.text, 0, p.context)
            sentences.append(SentenceView(*[getattr(view, f) for f in SentenceView.__slots__[:-1]], True))
            continue
        for s in sentences_of(p.text):
            for start, text in _statements(s.text):  # a question states nothing
                sentences.append(_sentence_view(i, text, s.start + start, p.context))
    index: dict[str, list[int]] = {}
    for n, s in enumerate(sentences):
        for w in s.words:
            index.setdefault(w, []).append(n)
    topic_text = " . ".join(t for t in (source.title, first_heading) if t)
    topic_names = name_phrases(topic_text)
    # the first heading says what the page is about; a title in Title Case names everything
    heading_names = name_phrases(first_heading) if first_heading else topic_names
    topic = frozenset(w for n in topic_names for w in word_stems(n))
    words = frozenset(index) | frozenset(w for p in source.passages if p.kind == "table_row" for w in word_stems(p.text))
    implicit = all((len(n) <= 4 and n.isupper()) or _DATE_NAME.fullmatch(n) for n in heading_names)
    proper = frozenset(w for s in sentences for n in s.names for w in word_stems(n))
    lowercase = frozenset(w for p in source.passages for w in _LOWER.findall(p.text))
    paragraphs: dict[int, frozenset[str]] = {}
    for sv in sentences:
        paragraphs[sv.passage] = paragraphs.get(sv.passage, frozenset()) | sv.words
    return Reading(tuple(sentences), topic, topic_names, {k: tuple(v) for k, v in index.items()}, words, proper, lowercase,
                   implicit, paragraphs)


def claim_names(frame: Frame, clause: str, reading: Reading) -> tuple[str, ...]:
    """The names a claim's figure (its ``clause``) is about: those in the clause, else the claim's. The
    claim's first word counts as a name when the document writes it as one ("Alberta", not "Renewables")."""
    names = list(frame.names)
    if frame.lead and frame.lead not in names and (set(word_stems(frame.lead)) <= reading.proper or (
            frame.lead.lower() not in reading.lowercase and set(word_stems(frame.lead)) <= reading.words)):
        names.append(frame.lead)  # a word the page writes as a name, or never in lower case ("Wales", not "Renewables")
    in_clause = [n for n in names if n in clause]
    return tuple(in_clause or names)
