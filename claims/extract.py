"""Article text in, claims out: sentences, their checkable elements, and one claim per assertion.

Each finder runs once over the whole text (quantities, dates, quotes); its spans are then given
to the claim whose span holds them. Offsets always index the text passed in.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from claims.checkworthiness import score_checkworthiness
from claims.dates import find_dates, leading_date_token, parse_published
from claims.model import Article, Claim, DateMention, Quantity, Sentence
from claims.notclaims import not_claim_at
from claims.quantities import find_quantities
from claims.quotes import find_attribution, find_quotes
from claims.sentences import split_sentences

__all__ = ["article_id", "build_article", "claim_article", "extract", "fingerprint"]

# Where a sentence with a figure may be cut into two claims: "…60 American diplomats | and closed
# the US Consulate…" — a coordinated verb phrase, or a semicolon.
_PAST_VERB = r"""(?:[a-z]+ed|cut|put|set|sent|spent|won|lost|made|took|gave|said|told|saw|met|began|left|
    held|paid|sold|kept|brought|built|fell|rose|grew|became|came|went|shut|hit|led|drew)\b"""
_CLAUSE_BREAK = re.compile(
    r"""
    ;\s+                                  # a semicolon always separates assertions
    | ,?\s+and\s+(?=(?:also\s+|then\s+)?  # ", and" / "and", then a verb in the past tense
        """ + _PAST_VERB + r""")
    | ,?\s+(?=(?:after|before|since|until|when)\s+  # a time clause with a named subject of its own:
        [A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+""" + _PAST_VERB + r""")    # "… after Russia invaded … in 2008"
    """,
    re.VERBOSE,
)
# Capitalised words that are not names when they start a sentence or a clause.
_NOT_ENTITIES = frozenset(
    """
    a an and as at but by for from he her his if in it its of on or she so the their they this
    that these those to we what when where which who why with after before both days earlier
    later last next meanwhile however also while during since until previous increased
    """.split()
)
_ENTITY = re.compile(r"\b[A-Z][\w’'.-]*[\w]")
_WS = re.compile(r"\s+")
_MIN_CLAUSE_WORDS = 3
_WORD_SPAN = re.compile(r"\S+")


def article_id(text: str) -> str:
    """An article's identity: the hash of its text as read, canonically composed (Unicode NFC: "é" typed
    either way is one character) with white space folded. Not NFKC, which would make "10² people" and
    "102 people" one article."""
    normalised = _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def fingerprint(text: str, quantities: Sequence[Quantity], dates: Sequence[DateMention]) -> str:
    """Order-insensitive key of a claim's named entities and values, to match it across articles.

    Empty when the claim has fewer than two of them: such claims are never matched.
    """
    parts = {
        f"e:{m.group().lower().rstrip('.')}"
        for m in _ENTITY.finditer(text)
        if m.group().lower() not in _NOT_ENTITIES
    }
    for q in quantities:
        parts.add(f"q:{q.kind}:{q.value:g}:{q.bound}:{'' if q.of is None else f'{q.of:g}'}")
    for d in dates:
        if d.value:
            parts.add(f"d:{d.value}")
    if len(parts) < 2:  # too little to tell one claim from another: never matched
        return ""
    return hashlib.sha1("|".join(sorted(parts)).encode("utf-8")).hexdigest()[:16]


def extract(text: str, *, published: str | None = None, start: int = 0) -> list[Claim]:
    """The claims of ``text[start:]``; offsets index ``text``. ``published`` is an ISO prefix."""
    if not text or start >= len(text):
        return []
    dates = _Spans(d for d in find_dates(text, published) if d.start >= start)
    quantities = _Spans(
        q for q in find_quantities(text)
        if q.start >= start and math.isfinite(q.value) and not dates.overlapping(q.start, q.end)
    )
    quotes = _Spans(q for q in find_quotes(text) if q.start >= start)
    sentences = split_sentences(text, start)

    drafts: list[tuple[int, int, int, str | None, bool]] = []
    last_person: str | None = None
    for index, sentence in enumerate(sentences):
        if not_claim_at(text, sentence.start, sentence.end):
            continue  # bylines, headings, captions and credits, bare table cells (claims/notclaims.py)
        quote_in = quotes.starting_in(sentence.start, sentence.end)
        speaker = quote_in[0].speaker if quote_in and quote_in[0].speaker else None
        if speaker is None and not quote_in:
            # A sentence in the middle of a quote that began in an earlier one: the quote's speaker's words.
            open_quote = quotes.around(sentence.start)
            speaker = open_quote.speaker if open_quote is not None else None
        if speaker is None:
            speaker = find_attribution(text, sentence.start, sentence.end, last_person=last_person, resolve=True)
        if _looks_like_name(speaker):
            last_person = speaker
        has_figure = bool(quantities.starting_in(sentence.start, sentence.end) or dates.starting_in(sentence.start, sentence.end))
        clauses = _clauses(text, sentence, has_figure)
        for clause_start, clause_end in clauses:
            drafts.append((index, clause_start, clause_end, speaker, len(clauses) > 1))

    scores = score_checkworthiness([text[s:e] for _, s, e, _, _ in drafts])
    claims: list[Claim] = []
    for (sentence, s, e, speaker, split), score in zip(drafts, scores):
        qs = quantities.starting_in(s, e)
        ds = dates.starting_in(s, e)
        quoted = quotes.starting_in(s, e)
        if not (qs or ds or quoted or speaker or split or score >= 0.5):
            continue  # nothing to check: scene-setting, bylines
        claim_text = text[s:e]
        claims.append(
            Claim(
                text=claim_text,
                start=s,
                end=e,
                sentence=sentence,
                checkworthiness=round(float(score), 4),
                fingerprint=fingerprint(claim_text, qs, ds),
                quantities=qs,
                dates=ds,
                quotes=quoted,
                speaker=next((q.speaker for q in quoted if q.speaker), None) or speaker,
            )
        )
    return claims


class _Spans:
    """Spans sorted by start, to find those starting in (or overlapping) a range in log time."""

    def __init__(self, items) -> None:
        self.items = sorted(items, key=lambda x: (x.start, x.end))
        self.starts = [x.start for x in self.items]
        self.longest = max((x.end - x.start for x in self.items), default=0)

    def starting_in(self, start: int, end: int) -> tuple:
        return tuple(self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)])

    def overlapping(self, start: int, end: int) -> bool:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return any(x.start < end and start < x.end for x in self.items[lo:hi])

    def around(self, pos: int):
        """The span that started before ``pos`` and is still open there (the latest such), or None."""
        lo = bisect_left(self.starts, pos - self.longest)
        for x in reversed(self.items[lo : bisect_left(self.starts, pos)]):
            if pos < x.end:
                return x
        return None


def build_article(
    text: str, source: str, *, title: str | None = None, published: str | None = None
) -> Article:
    """An Article with its claims. A leading ``date YYYY-MM[-DD]`` token is the publication date."""
    body_start = 0
    token = leading_date_token(text)
    if token is not None:
        value, _, token_end = token
        published = published or value
        body_start = token_end
    elif published:
        published = parse_published(published)
    return Article(
        id=article_id(text),
        text=text,
        source=source,
        title=title,
        published=published,
        claims=tuple(extract(text, published=published, start=body_start)),
    )


def claim_article(text: str, source: str = "verify-claim") -> Article:
    """A claim typed by hand as an article of its own: the whole text is its one claim, whatever its
    check-worthiness, with the figures, dates and quotes that ``extract`` finds in it."""
    text = text.strip()
    parts = extract(text)
    quantities = tuple(q for c in parts for q in c.quantities)
    dates = tuple(d for c in parts for d in c.dates)
    claim = Claim(
        text=text, start=0, end=len(text), sentence=0,
        checkworthiness=round(float(score_checkworthiness([text])[0]), 4) if text else 0.0,
        fingerprint=fingerprint(text, quantities, dates), quantities=quantities, dates=dates,
        quotes=tuple(q for c in parts for q in c.quotes),
        speaker=next((c.speaker for c in parts if c.speaker), None),
    )
    return Article(id=article_id(text), text=text, source=source, claims=(claim,) if text else ())


def _looks_like_name(speaker: str | None) -> bool:
    """A named person or body ("Oana Lungescu", "Lavrov"), not "a NATO official" or a pronoun."""
    if not speaker:
        return False
    words = speaker.split()
    return all(w[:1].isupper() for w in words) and words[0].lower() not in _NOT_ENTITIES


def _clauses(text: str, sentence: Sentence, has_figure: bool) -> list[tuple[int, int]]:
    """Cut a sentence with a figure into separate assertions at a clause break; else keep it whole.

    Linear in the sentence's length: word counts come from the word spans found once, quote marks are
    counted as the breaks advance (a megabyte of semicolon-separated clauses is one pass, not one per break).
    """
    if not has_figure:
        return [(sentence.start, sentence.end)]
    spans = [(m.start(), m.end()) for m in _WORD_SPAN.finditer(text, sentence.start, sentence.end)]
    starts, ends = [a for a, _ in spans], [b for _, b in spans]

    def words(a: int, b: int) -> int:  # == len(text[a:b].split()): the words that overlap [a, b)
        return bisect_left(starts, b) - bisect_right(ends, a)

    cuts: list[tuple[int, int]] = []
    cursor = sentence.start
    opened = closed = 0  # “ and ” between the sentence's start and `counted`
    counted = sentence.start
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        opened += text.count("“", counted, match.start())
        closed += text.count("”", counted, match.start())
        counted = match.start()
        if words(cursor, match.start()) < _MIN_CLAUSE_WORDS or words(match.end(), sentence.end) < _MIN_CLAUSE_WORDS:
            continue
        if opened > closed:  # inside a quotation
            continue
        cuts.append((cursor, match.start()))
        cursor = match.end()
    cuts.append((cursor, sentence.end))
    return cuts
