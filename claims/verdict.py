"""A claim's verdict from its sources: each part of the claim checked against each source, then combined.

:func:`verify` is the verifier's one entry point (the flow and the ad-hoc check both call it):

1. the claim's :class:`~claims.frame.Frame` gives its parts: each figure, each date of an event
   (a claim without figures: every dated event; with figures: the days and months and the years
   right after a verb, a plain year being the time of the figures), the place of its event, each
   comparison it makes (:mod:`claims.comparisons`), and for a relation without figures ("X is the
   capital of Y", "the longest river in Asia") the statement itself; its superlatives and
   "first"/"record" words must be stated by the evidence too;
2. a source that **rates, examines or reports the claim** (a fact-check: "We rate this claim False",
   "a viral post claims ...", "Perry said 13 ...") is read by :mod:`claims.factcheck`, on its
   passages ranked by BM25 (:mod:`claims.retrieval`);
3. any other source is a **primary source**: its tables (:mod:`claims.tablecheck`: the cell of the
   subject's row and the measure's column), its sentences (:mod:`claims.prose`: about the same
   subject, measure and time), its relations (:mod:`claims.relations`) and comparisons decide parts;
   a table's cell outranks the page's prose on the same part; when nothing reads any part, the
   statement's words linked to a table's cells (:mod:`claims.celllink`) decide it for that source;
4. **combined** over the sources: a part refuted by one source and supported by another is
   ``conflicting``; a part refuted and supported nowhere makes the claim ``refuted`` (a claim with two
   figures is refuted if either is wrong); every part supported (by any of the sources: a silent
   source changes nothing) is ``supported``; anything less is ``not_enough_evidence``.

Every decisive verdict names what decided it: :class:`~claims.model.Evidence` rows with the passage or
table cell and the comparison (``claim 'about 4.3 million people' vs 'Population, 2021' = 4,262,635
for Alberta``), and the verdict's ``reason`` quotes the sentence for prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.celllink import check_statement
from claims.compare import NEUTRAL, REFUTES, SUPPORTS
from claims.comparisons import Comparison, check_comparisons, comparisons
from claims.documents import Document, read
from claims.factcheck import boost, decide
from claims.frame import Frame, build_frame, word_stems
from claims.model import DateMention, Evidence, Quantity, Verdict
from claims.prose import check_prose, claims_saying
from claims.ratings import CLAIM_TALK, IN_PART, RATING_CUE, SAYING, examines_claim, find_rating
from claims.relations import STATEMENT, Place, check_relations, claim_place, claim_rank, claim_role
from claims.retrieval import rank
from claims.tablecheck import Finding, check_tables, covered
from claims.words import sentence_texts

__all__ = ["Document", "Evidence", "Verdict", "verify"]

TOP_K = 5  # passages a fact-check is judged on
CANDIDATES = 20  # passages ranked by BM25 before boosting
SHOWN = 3  # passages shown for a claim nothing decided
REPORTED = 0.6  # share of a claim's words a sentence with "X said" must repeat to be a report of someone making it
_CUE = re.compile(RATING_CUE)
# Words by which a claim says more than its figures: "its best Olympic gold tally ever", "for the first time".
_QUALIFIER = re.compile(r"\b(?:only|sole|first|last|best|worst|highest|lowest|largest|smallest|biggest|most|least|record|"
                        r"ever|every|always|never|unprecedented|\w+est)\b", re.I)
_DATE_STEMS = frozenset(word_stems("january february march april may june july august september october november december"))
_NOT_SUPERLATIVE = frozenset("latest best west east interest forest harvest protest request suggest honest modest".split())


@dataclass(frozen=True, slots=True)
class _Part:
    text: str
    kind: str  # figure | date | place | statement | comparison


def _parts(frame: Frame) -> tuple[list[_Part], list[DateMention], Place | None, list[Comparison]]:
    compared = comparisons(frame)
    inside = {c.figure.text for c in compared if c.figure is not None}
    parts = [_Part(f.quantity.text, "figure") for f in frame.figures if f.quantity.text not in inside]
    parts += [_Part(c.text, "comparison") for c in compared]
    span_years = set(frame.span or ())
    dated = [d for d in frame.event_dates if not (d.value and d.value[:4] in span_years)] if not compared else []
    parts += [_Part(d.text, "date") for d in dated]
    place = claim_place(frame)
    if place:
        parts.append(_Part(place.place, "place"))  # "started on London Bridge"
    relation = claim_rank(frame.text) or claim_role(frame.text)
    if not compared and (relation or not parts):
        # "Heathrow was the fourth-busiest airport in Europe in 2023": the relation is the claim, its
        # date only when; "closed the US Consulate in St. Petersburg": the event itself
        parts = [p for p in parts if p.kind == "date" and relation] + [_Part(STATEMENT, "statement")]
    if compared:
        parts = [p for p in parts if p.kind != "place"]  # "won more medals in Paris than ...": the comparison is the claim
    return parts, dated, place, compared


def _qualifiers(text: str) -> frozenset[str]:
    found = {m.group().lower() for m in _QUALIFIER.finditer(text)}
    found = {w for w in found if w not in _NOT_SUPERLATIVE and not (w.endswith("est") and len(w) <= 4)}
    return frozenset(word_stems(" ".join(found)))


@dataclass(frozen=True, slots=True)
class _Talk:
    """What a source says about claims, whatever the claim: read once per source."""

    rated: bool  # it states a fact-checker's rating, or says a claim is right only in part
    claim_talk: tuple[str, ...]  # its passages that talk of claims ("a viral post claims ..."), for examines_claim
    sayings: tuple[frozenset[str], ...]  # the words of its sentences with "X said"


@lru_cache(maxsize=512)
def _talk(source) -> _Talk:
    rated, talk, sayings = False, [], []
    for p in source.passages:
        if p.kind == "table_row":
            continue
        if (_CUE.search(p.text) and find_rating(p.text)) or IN_PART.search(p.text):
            rated = True
        if CLAIM_TALK.search(p.text):
            talk.append(p.text)
        sayings += [word_stems(s) for s in sentence_texts(p.text) if SAYING.search(s)]
    return _Talk(rated, tuple(talk), tuple(sayings))


def _is_factcheck(text: str, document: Document) -> bool:
    """Does the source rate the claim, examine it as a claim, or report someone making it ("Perry said 13
    Texas institutions had announced ...")? Then it is an article about the claim, not a primary source."""
    talk = _talk(document.source)
    if talk.rated or any(examines_claim(text, p) for p in talk.claim_talk):
        return True
    words = word_stems(text)
    if words and not claims_saying(text):
        return any(len(words & s) >= REPORTED * len(words) / 2 and covered(words, s) >= REPORTED for s in talk.sayings)
    return False


def _factcheck_verdict(text: str, published: str | None, documents: Sequence[Document], which: list[int],
                       quantities: Sequence[Quantity], dates: Sequence[DateMention]) -> tuple[Verdict, list[tuple[int, int]]]:
    sources = [documents[i].source for i in which]
    hits = rank(text, sources, CANDIDATES)
    cued = [(d, p) for d, s in enumerate(sources) for p, passage in enumerate(s.passages) if _CUE.search(passage.text)]
    seen = {(h.document, h.passage) for h in hits}
    pool = [(h.document, h.passage, h.score) for h in hits] + [(d, p, 0.0) for d, p in cued[:CANDIDATES] if (d, p) not in seen]
    boosted = sorted(((score + boost(text, quantities, dates, sources[d].passages[p].text), d, p) for d, p, score in pool),
                     key=lambda x: (-round(x[0], 4), x[1], x[2]))[:TOP_K]
    texts = [sources[d].passages[p].text for _, d, p in boosted]
    verdict = decide(text, quantities, dates, texts, published=published, sources=[documents[which[d]].location for _, d, _ in boosted])
    return verdict, [(which[d], p) for _, d, p in boosted]


def verify(
    text: str,
    documents: Sequence[Document],
    *,
    published: str | None = None,
    quantities: Sequence[Quantity] | None = None,
    dates: Sequence[DateMention] | None = None,
) -> Verdict:
    """The claim's verdict against these sources, with the evidence that decided it.

    ``quantities`` and ``dates`` are the claim's as extracted at ingest (found again when omitted);
    they are used for fact-check articles, whose reading predates the claim frame."""
    frame = build_frame(text, published)
    if quantities is None:
        quantities = tuple(f.quantity for f in frame.figures if f.quantity.kind != "multiple" and f.seconds is None)
    if dates is None:
        dates = frame.dates
    factchecks = [i for i, d in enumerate(documents) if _is_factcheck(text, d)]
    primary = [i for i in range(len(documents)) if i not in factchecks]
    rated: Verdict | None = None
    rated_evidence: list[Evidence] = []
    if factchecks:
        rated, shown = _factcheck_verdict(text, published, documents, factchecks, quantities, dates)
        rated_evidence = [Evidence(d, p, s.stance, s.reason) for (d, p), s in zip(shown, rated.stances)]

    parts, dated, place, compared = _parts(frame)
    statement = any(p.kind == "statement" for p in parts)
    findings: dict[str, dict[int, Finding]] = {p.text: {} for p in parts}
    for i in primary:
        source = documents[i].source
        reading = read(source)
        found = check_tables(frame, source, reading)
        tabled = {f.part for f in found}
        found += [f for f in check_prose(frame, reading, dated) if f.part not in tabled]  # a cell outranks prose
        if statement or place:
            found += check_relations(frame, reading, statement=statement, place=place)
        if compared:
            found += check_comparisons(frame, compared, source, reading)
        for f in found:
            if f.part in findings and i not in findings[f.part]:
                findings[f.part][i] = f
    if not any(findings[p.text] for p in parts):
        # nothing read a part of the claim: a statement linked to a table's cells ("danuta stenka be
        # nominate for best actress in a leading role") decides it for that source as a whole
        for i in primary:
            linked = _linked(frame, documents[i].source)
            if linked:
                for p in parts:
                    findings[p.text][i] = linked
    primary_verdict = _combine(frame, parts, findings, documents)
    if rated is None:
        if primary_verdict.status == "not_enough_evidence" and not primary_verdict.evidence:
            return Verdict(primary_verdict.status, primary_verdict.confidence, (), primary_verdict.reason,
                           _shown(text, documents))
        return primary_verdict
    if primary_verdict.status in {"supported", "refuted"} and rated.status in {"supported", "refuted"} \
            and primary_verdict.status != rated.status:
        return Verdict("conflicting", 0.6, rated.stances, f"{rated.reason}; but {primary_verdict.reason}",
                       tuple(rated_evidence) + primary_verdict.evidence)
    if rated.status == "not_enough_evidence" and primary_verdict.status != "not_enough_evidence":
        return primary_verdict
    return Verdict(rated.status, rated.confidence, rated.stances, rated.reason, tuple(rated_evidence))


def _records_event(frame: Frame, table) -> bool:
    """Does the table record what the claim says? Its caption, headers or cells must name the claim's
    event verbs (or forms of them), and for a claim written with names ("Toronto is the capital of
    Canada") every other word of it: a hockey table with Toronto and Canada in a row says nothing of
    capitals."""
    words = _table_words(table)
    verbs = frame.events & frame.words
    if verbs and not all(_in_words(v, words) for v in verbs):
        return False
    if frame.names or frame.lead:
        others = frame.words - frame.subject - frozenset(word_stems(frame.lead or "")) - _DATE_STEMS
        return all(_in_words(w, words) for w in others)
    return True


def _in_words(word: str, words: frozenset[str]) -> bool:
    return word in words or any(len(w) >= 3 and (w.startswith(word[:4]) or word.startswith(w[:4])) for w in words)


@lru_cache(maxsize=256)
def _table_words(table) -> frozenset[str]:
    return word_stems(" ".join((table.caption or "", *table.header, *(c for row in table.rows for c in row))))


def _linked(frame: Frame, source) -> Finding | None:
    """The statement against each of the source's tables by linking its words to cells; a table that
    supports it outweighs a look-alike sibling table that refutes it. A table that records another
    event ("died on 11 February 2024" against a table of records and their dates) is not asked."""
    found = []
    for table in source.tables:
        if not _records_event(frame, table):
            continue
        result = check_statement(frame.text, table)
        if result:
            row = result.rows[0] if result.rows else 0
            passage = table.passages[row] if row < len(table.passages) else -1
            found.append(Finding(STATEMENT, result.stance, passage, result.explanation))
    supports = [f for f in found if f.stance == SUPPORTS]
    return supports[0] if supports else (found[0] if found else None)


def _combine(frame: Frame, parts: list[_Part], findings: dict[str, dict[int, Finding]],
             documents: Sequence[Document]) -> Verdict:
    if not parts:
        return Verdict("not_enough_evidence", 0.5, (), "the claim states no figure or date to compare")
    evidence: list[Evidence] = []
    conflicting = refuted = False
    unsupported = []
    for part in parts:
        by_doc = findings[part.text]
        stances = {f.stance for f in by_doc.values()}
        for doc, f in by_doc.items():
            evidence.append(Evidence(doc, f.passage, f.stance, f.explanation, part.text, _quoted(f.quote)))
        if SUPPORTS in stances and REFUTES in stances:
            conflicting = True
        elif REFUTES in stances:
            refuted = True
        elif SUPPORTS not in stances:
            unsupported.append(part.text)
    deciding = [e for e in evidence if e.stance != NEUTRAL]
    if conflicting:
        support = next(e for e in deciding if e.stance == SUPPORTS)
        refute = next(e for e in deciding if e.stance == REFUTES)
        return Verdict("conflicting", 0.6, (), f"sources disagree: {_said(support)}; but {_said(refute)}",
                       tuple(deciding))
    if refuted:
        refute = next(e for e in deciding if e.stance == REFUTES)
        return Verdict("refuted", 0.8, (), _said(refute), tuple(deciding))
    if unsupported:
        reason = f"not stated by the sources: {', '.join(repr(u) for u in unsupported)}"
        return Verdict("not_enough_evidence", 0.5, (), reason, tuple(deciding))
    missing = _qualifiers(frame.text) - _stated_words(deciding, documents)
    if missing:
        return Verdict("not_enough_evidence", 0.5, (),
                       f"the figures agree, but the sources do not say {', '.join(sorted(missing))!r}", tuple(deciding))
    return Verdict("supported", 0.8, (), "; ".join(_said(e) for e in deciding[:2]), tuple(deciding))


def _quoted(sentence: str, width: int = 160) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _said(e: Evidence) -> str:
    """An evidence item as a verdict's reason: the comparison, and the sentence it read."""
    return f'{e.explanation} in: "{e.quote}"' if e.quote else e.explanation


def _stated_words(evidence: Sequence[Evidence], documents: Sequence[Document]) -> frozenset[str]:
    words: set[str] = set()
    for e in evidence:
        source = documents[e.document].source
        if 0 <= e.passage < len(source.passages):
            p = source.passages[e.passage]
            words |= word_stems(p.text) | word_stems(p.context or "")
    return frozenset(words)


def _shown(text: str, documents: Sequence[Document]) -> tuple[Evidence, ...]:
    """For a claim nothing decided, the passages nearest it, so that a reviewer sees where to look."""
    return tuple(Evidence(h.document, h.passage, NEUTRAL, "related, but states nothing comparable")
                 for h in rank(text, [d.source for d in documents], SHOWN))
