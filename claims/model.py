"""The value types of claimtrack: frozen dataclasses that keep surface text, value and offsets.

Every span (``start``, ``end``) indexes the article text exactly as read, so that
``article_text[x.start:x.end] == x.text`` holds for every extracted thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Article",
    "Claim",
    "DateMention",
    "Quantity",
    "Quote",
    "Sentence",
    "Evidence",
    "Stance",
    "Verdict",
    "QUANTITY_KINDS",
    "BOUNDS",
    "DATE_PRECISIONS",
    "STATUSES",
]

# What a quantity counts or measures.
QUANTITY_KINDS = ("count", "percent", "money", "ratio", "range", "measure", "fraction")
# How the stated number relates to the true one: exact, approximate, above, below, at least, at most.
BOUNDS = ("=", "~", ">", "<", ">=", "<=")
DATE_PRECISIONS = ("year", "quarter", "month", "week", "day")
# The verification status vocabulary; every claim starts as ``unverified``.
STATUSES = ("unverified", "supported", "refuted", "conflicting", "not_enough_evidence")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts: "more than 100 Russian diplomats".

    ``value`` is fully normalised ("£1.2bn" -> 1200000000.0, "20 percent" -> 20.0);
    ``of`` is the denominator of a ratio ("20 out of 30" -> 30.0); ``upper`` the top of a range.
    """

    text: str
    start: int
    end: int
    value: float
    kind: str = "count"
    unit: str | None = None
    bound: str = "="
    of: float | None = None
    upper: float | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time reference; ``value`` is an ISO prefix ("2008", "2021-11-01") or None."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation (the words inside the quotation marks) and who said it."""

    text: str
    start: int
    end: int
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable assertion: a sentence, or a clause of one, with its checkable elements."""

    text: str
    start: int
    end: int
    sentence: int
    checkworthiness: float
    fingerprint: str
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    speaker: str | None = None

    @property
    def quote(self) -> Quote | None:
        """The claim's first direct quote, if any."""
        return self.quotes[0] if self.quotes else None


@dataclass(frozen=True, slots=True)
class Article:
    """An article as read: ``text`` is exactly what every offset indexes."""

    id: str
    text: str
    source: str
    title: str | None = None
    published: str | None = None
    claims: tuple[Claim, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Stance:
    """One passage's stance on a claim, with why."""

    stance: str  # supports | refutes | mixed (parts both ways) | neutral
    relevance: float  # share of the claim's content words in the passage
    reason: str
    parts: tuple[tuple[str, str], ...] = ()  # (claim quantity or date text, supports/refutes)
    rated: bool = False  # the stance is a fact-checker's explicit rating, which outranks figures
    qualified: bool = False  # the passage goes on with a contrast ("..., but ..."): a weaker stance


@dataclass(frozen=True, slots=True)
class Verdict:
    """A claim's verdict: ``stances`` (the article reading's, per passage) and ``evidence`` (what decided it)."""

    status: str  # supported | refuted | conflicting | not_enough_evidence
    confidence: float
    stances: tuple[Stance, ...]
    reason: str
    evidence: tuple["Evidence", ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage or table cell that decided (part of) a claim, with the comparison that decided it."""

    document: int  # index of the source among those checked
    passage: int  # index of the passage (a paragraph or a table row) in that source
    stance: str  # supports | refutes | neutral
    explanation: str  # e.g. claim 'about 3.1 million' vs "Population (thousands, 2021)" = 3,107 (3.11 million) for Wales
    part: str = ""  # the claim's figure or date it decides, or "statement"
    quote: str = ""  # for a sentence of prose, the sentence (a table cell's explanation names the cell)
