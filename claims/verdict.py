"""Deciding a claim against evidence passages: quantity-aware, date-aware, and quick to abstain.

A wrong ``supported`` is the worst error a fact-checking tool can make, so a decisive verdict
needs a passage that is about the same thing (most of the claim's content words, its names) and
that states a comparable figure or date:

- quantities are compared as normalised values with their bounds and kinds: "more than 100" is
  supported by 140 and refuted by 80; "20 out of 30" is supported by "from 30 to 20"; a percent
  matches a fraction; "nearly 20%" tolerates 19.6; rounding of round numbers is allowed;
- dates compare at the coarser precision of the two;
- a figure counts only where it measures the same thing: the words around it must be the words
  around the claim's figure (stricter for a disagreeing figure, which is more often another measure);
  a wide range ("0.3 to 1.7 °C") does not confirm a value inside it;
- a contrast in the sentence that carries the claim, or at the start of the next ("..., but ...",
  "However, ...") weakens the verdict: its confidence drops by ``QUALIFIED_PENALTY``;
- negation near the figure ("not", "never") or words that put the truth elsewhere ("far short of",
  "nowhere near", "a much lower cost than") turn support into nothing, and so does a claim that
  denies ("... has been disproven") or says more than its figures ("the only state", "a record")
  when the passage does not say the same;
- a passage states nothing in its questions, and a sentence that repeats the claim with a cue of
  reported speech ("the post claims ...", a quotation) is a report of the claim: its repeated figures
  are not support (a different figure in it still disagrees);
- a figure in someone's words (inside a quotation, which may run over several sentences, or after
  "X said" in its sentence) does not support the claim, unless the claim itself is about what someone
  said; a trailing attribution ("..., the budget office said.") is the source's own statement;
- a passage figure that matches another of the claim's figures is that figure, not a disagreement
  ("90% of Americans and 74% of members": 74 does not refute the 90);
- a fact-check's own rating ("We rate this claim False", "Rating: Mixture") is read as the source's
  stance and outranks the figures; middle ratings (half true, mixture, misleading, "accurate but
  leaves out important details") are ``conflicting``;
  a rating of a similar claim, a rating only asked about ("whether the claim is true") or denied ("no
  evidence shows the claim to be true") and one inside a quotation (someone's denial, quoted by a news
  report) are not the source's;
- a source that examines the statement as a claim ("a viral post claims ...") supports it only by its
  rating: it repeats the claim's figures and words to examine them, whether they hold or not; with no
  formal rating, its plain verdict against the claim ("This is false.", "That's misleading.") counts as one.

Every claim quantity must be supported for ``supported``; support for some parts and nothing
for others is ``not_enough_evidence``; support and refutation together is ``conflicting``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.dates import find_dates
from claims.model import DateMention, Quantity, Sentence
from claims.quantities import find_quantities
from claims.sentences import split_sentences

__all__ = ["RATING_CUE", "Stance", "Verdict", "boost", "content_words", "decide", "examines_claim", "find_rating", "judge",
           "plain_verdict"]

SUPPORTS, REFUTES, NEUTRAL = "supports", "refutes", "neutral"

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
_NEGATION = re.compile(r"\b(?:not|never|no|denied|denies|false(?:ly)?|without|neither|nor)\b|n['’]t\b", re.I)
# Words by which a claim says more than its figures: "the only state that pays 100%", "a record 40 °C".
_QUALIFIER = re.compile(
    r"\b(?:only|sole|first|last|highest|lowest|largest|smallest|biggest|most|least|record|every|always|never|nobody|none|unprecedented)\b",
    re.I,
)
# Words by which a claim denies what its figures describe.
_DENIAL = re.compile(r"\b(?:not|never|no|myths?|hoax|disproven|debunked|false(?:ly)?|fake|lie)\b|n['’]t\b", re.I)
# A fact-check's rating of the claim it examines, e.g. "We rate this claim False."
_RATING_WORDS = r"""(?P<rating>pants\s+on\s+fire|mostly\s+true|mostly\s+false|half[\s-]+true|true|false|misleading|
       mixture|mixed|partly\s+true|partly\s+false|partially\s+true|partially\s+false|mostly\s+accurate|
       missing\s+context|lacks\s+context|needs\s+context|out\s+of\s+context|(?:four|three|two|one)\s+pinocchios?|
       not\s+(?:true|correct|accurate)|mostly\s+correct|somewhat\s+(?:true|false)|correct|incorrect|inaccurate|accurate|
       wrong|fake|untrue|baseless|unfounded|fabricated|bogus|debunked|exaggerated|overstated|understated|
       misattributed)\b"""
_RATING = re.compile(
    r"""
    \b(?:we\s+rate[ds]?|we\s+rated|rated|rating:?|ruling:?|verdict:?|result:|we\s+(?:give|gave)\s+(?:it|this|the\s+claim)
       |(?:found|finds?)\s+(?:(?:it|them)(?=\s+to\s+be\s)|(?:the|this|these)\s+(?:claim|statement|post)s?))
    \s+(?:(?:this|the|that|his|her|their|it|these)\s+)?(?:(?:claim|statement|post|image|video|figure|number)s?\s+)?
    (?:(?:as|a|an|to\s+be)\s+)?
    """ + _RATING_WORDS + r"(?!\s+(?:that|to)\b)",  # not "found it to be true that ...", "rated true to ..."
    re.IGNORECASE | re.VERBOSE,
)
# "The claim is false.", "This post is misleading.", "The viral claims are also false.", "Smith's claim
# is false", "the claim made in the post is false", "AAP FactCheck found the claim to be false", "this
# statement isn't accurate" (``neg``: only a denied true counts, as a refutation).
_RATING_IS = re.compile(
    r"""(?:\b(?:the|this|that|these|those|such)|\b(?-i:[A-Z])[\w.-]*['’]s)\s+(?:[\w-]+\s+){0,2}?(?:claims?|statements?|posts?|assertions?)
    (?:\s+(?!(?:that|which|who|is|are|was|were)\b)[\w-]+){0,4}?\s+
    (?:is|are|was|were|to\s+be|(?P<neg>(?:is|are|was|were)n['’]?t))\s+(?:(?:also|simply|completely|entirely|partly|largely|therefore|thus)\s+)?""" + _RATING_WORDS,
    re.IGNORECASE | re.VERBOSE,
)
# A rating of some other claim: "We rated a similar claim False in 2019."
_OTHER_CLAIM = re.compile(r"\b(?:similar|another|other|previous|previously|earlier|related|different)\b", re.I)
# Someone's word, not the source's rating: '"These claims are false," a spokesman said.'
_QUOTE_MARKS = re.compile(r"[\"“”]")
# In an article that examines the claim, its plain verdict: "This is false.", "That's misleading."
# Only the verdicts against the claim: "That's true, but ..." concedes a point more often than it rates.
_PLAIN_VERDICT = re.compile(
    r"\b(?:this|that)(?:['’]s|\s+is|\s+was)\s+(?:also\s+|simply\s+|completely\s+|entirely\s+)?"
    r"(?P<rating>false|not\s+true|untrue|incorrect|inaccurate|wrong|misleading)\b(?!\s*,?\s*but\b)",
    re.IGNORECASE,
)
_PLAIN_STANCE = {"misleading": "mixed"}
# A rating only asked about or supposed: "to see whether the claim is true", "if the post were accurate".
_SUPPOSED = re.compile(r"\b(?:whether|if|unless|determine|(?:to|n['’]?t)\s+(?:see|know|check))\s+(?:or\s+not\s+)?$", re.I)
# The same with words in between, "We rate Smith's claim about the budget Mostly False", "the claim
# earns a Pants on Fire": fact-checkers write rating names capitalised, so the looser form wants the
# capitals (and stops at the end of the sentence).
_RATING_LOOSE = re.compile(
    r"""
    (?i:\bwe\s+(?:rate[ds]?|rated|give|gave)|\b(?:earns?|gets?|receives?)\s+(?:a|an|our|its)|truth-o-meter)
    [^.!?]{0,100}?\b
    (?P<rating>Pants\s+on\s+Fire|PANTS\s+ON\s+FIRE|Mostly\s+True|MOSTLY\s+TRUE|Mostly\s+False|MOSTLY\s+FALSE|
       Half[\s-]+True|HALF[\s-]+TRUE|True|TRUE|False|FALSE|Misleading|Mixture|Partly\s+(?:True|False)|
       Somewhat\s+(?:True|False)|Mostly\s+Correct|Exaggerated|
       (?:Four|Three|Two|One)\s+Pinocchios?|Geppetto\s+Checkmark)\b
    """,
    re.VERBOSE,
)
_RATING_STANCE = {
    "true": SUPPORTS, "mostly true": SUPPORTS, "correct": SUPPORTS, "accurate": SUPPORTS, "mostly accurate": SUPPORTS,
    "false": REFUTES, "pants on fire": REFUTES, "incorrect": REFUTES,
    "inaccurate": REFUTES, "wrong": REFUTES,
    "four pinocchios": REFUTES, "geppetto checkmark": SUPPORTS,
    # true in part, false or missing context in part: fact-checkers' middle ratings. PolitiFact's Mostly
    # False is "an element of truth" that "ignores critical facts" (LIAR-PLUS's barely-true, its old
    # name, which the benchmark maps to conflicting too), and the Post's Three Pinocchios is its
    # "mostly false".
    "mostly false": "mixed", "three pinocchios": "mixed",
    "half true": "mixed", "two pinocchios": "mixed", "one pinocchio": "mixed", "one pinocchios": "mixed",
    "misleading": "mixed", "mixture": "mixed", "mixed": "mixed", "partly true": "mixed", "partly false": "mixed",
    "partially true": "mixed", "partially false": "mixed", "missing context": "mixed", "lacks context": "mixed",
    "needs context": "mixed", "out of context": "mixed",
    "not true": REFUTES, "not correct": REFUTES, "not accurate": REFUTES, "fake": REFUTES,
    # how other outlets conclude ("The claim is baseless", "These posts are fabricated")
    "untrue": REFUTES, "baseless": REFUTES, "unfounded": REFUTES, "fabricated": REFUTES, "bogus": REFUTES,
    "debunked": REFUTES,
    # other outlets' scales: AAP's Somewhat True / Somewhat False, Africa Check's Mostly Correct,
    # Exaggerated and Understated, Snopes's Misattributed
    "somewhat true": "mixed", "somewhat false": "mixed", "mostly correct": SUPPORTS, "exaggerated": "mixed",
    "overstated": "mixed", "understated": "mixed", "misattributed": REFUTES,
}


def find_rating(passage: str) -> tuple[str, str] | None:
    """A fact-checker's rating of the claim its article checks, as (the rating's words, stance)."""
    for pattern in (_RATING, _RATING_IS, _RATING_LOOSE):
        for m in pattern.finditer(passage):
            if _OTHER_CLAIM.search(m.group()) or _SUPPOSED.search(passage[max(0, m.start() - 20) : m.start()]):
                continue  # "We rated a similar claim False", "whether the claim is true": not this claim's rating
            head = _sentence_head(passage, m.start())
            if _opens_quotation(head):
                continue  # a denial someone made, which a news report quotes
            if _DENIED_HEAD.search(head):
                continue  # "There is neither evidence nor news reporting the claim to be true"
            if pattern is _RATING_IS and _said_by_another(passage, head, m.end()):
                continue  # "A spokesman said the claim was false": a party's denial, not a verdict
            stance = _RATING_STANCE.get(re.sub(r"[\s-]+", " ", m.group("rating").lower()))
            denied = m.groupdict().get("neg")
            if denied:  # "isn't accurate" refutes; "isn't false" rates nothing
                stance = REFUTES if stance == SUPPORTS else None
            if stance == SUPPORTS and _BUT_MISSING.match(passage, m.end()):
                stance = "mixed"  # "accurate but doesn't provide needed context": a middle rating
            if stance:
                words = passage[m.start("neg") : m.end("rating")] if denied else m.group("rating")
                return words, stance  # "isn't accurate", not "accurate", for a denied rating
    return None


# Who may give a rating: the source itself ("we") or a fact-checking outlet. Anyone else who says a
# claim is false ("a spokesman said", "the ministry said") is a party to it, not a verdict.
_FACT_CHECKERS = re.compile(
    r"""\b(?:we|our|politifact|snopes|factcheck\.org|full\s+fact|afp|reuters|ap|associated\s+press|aap|usa\s+today|
    lead\s+stories|check\s+your\s+fact|logically|africa\s+check|pesacheck|boom|factly|newschecker|newsmobile|
    india\s+today|the\s+quint|webqoof|alt\s+news|vishvas|vera\s+files|rappler|fact[\s-]?check\w*|truth-o-meter)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# After a rating, a trailing attribution: "..., the ministry said."
_SAID_AFTER = re.compile(
    r"[^.!?]{0,60}?,\s+(?P<who>(?:[\w'’.&-]+\s+){1,5}?)(?:said|says|told|added|stated|insisted|argued)\b", re.IGNORECASE
)


def _said_by_another(passage: str, head: str, end: int) -> bool:
    """Is the rating ending at ``end`` (its sentence up to it: ``head``) in the words of someone other
    than the source or a fact-checker: after "X said" in its sentence, or before a trailing ", X said"?"""
    sayings = list(_SAYING.finditer(head))
    if sayings and not _FACT_CHECKERS.search(head[max(0, sayings[-1].start() - 60) : sayings[-1].start()]):
        return True  # the last saying verb before the rating names who says it
    after = _SAID_AFTER.match(passage, end)
    return after is not None and not _FACT_CHECKERS.search(after.group("who"))


# Before a rating, words that deny it: "nothing shows the claim to be true", "we could not find the post
# to be false". A sentence that opens with "No, ..." is a verdict itself and does not count.
_DENIED_HEAD = re.compile(
    r"\b(?:not|never|neither|nor|nothing|no\s+(?:evidence|proof|record|indication|sign|reason))\b|n['’]t\b", re.IGNORECASE
)
# After a rating of true: "... but leaves out important details", "... but lacks context".
_BUT_MISSING = re.compile(
    r"[^.!?]{0,40}?\bbut\b[^.!?]{0,80}?\b(?:context|leaves?\s+out|leaving\s+out|omits?|omitting|"
    r"important\s+details|misleading|cherry[- ]?pick\w*)",
    re.IGNORECASE,
)
# Words for a claim being made and passed around: "a viral post claims ...", "the alleged figure".
_CLAIM_WORDS = r"claim(?:s|ed|ing)?|post(?:s|ed)?|tweet(?:s|ed)?|viral|meme|alleg(?:e|es|ed|edly|ation)|purport\w*"
# A sentence that reports someone making a claim ("the post says ...", quotes) rather than stating it.
_REPORTING = re.compile(
    r"""["“”]                                                     # a quotation
    | \b(?:""" + _CLAIM_WORDS + r"""|shared)\b
    | \b(?:says|said|stated|states|wrote|writes|argued|asserted|insisted|suggested)\b[^.!?]{0,80}?\bthat\b  # "X said in a letter that"
    | ^\s*says\b                                                 # PolitiFact's "Says ..." """,
    re.IGNORECASE | re.VERBOSE,
)
REPORT_OVERLAP = 0.7  # share of the claim's content words a sentence must repeat to be a report of the claim
# Someone saying it, with no "that": "Perry said 13 Texas universities offer ...". A figure after one of
# these words in its sentence is someone's words (``_attributed``), unless the claim is about what was said.
_SAYING = re.compile(
    r"\b(?:say|says|said|saying|claims|claimed|stated|told|tells|wrote|writes|argued|asserted|insisted|tweeted|"
    r"suggested|contended|contends|declared|boasted|charged|criticized|criticised|accused)\b",
    re.IGNORECASE,
)
# Words by which a source treats the statement as a claim to examine: a fact-check ("a viral post
# claims ...") rather than a report of events. Such a source repeats the claim's figures and words to
# examine them, so only its rating or a disagreeing figure decides anything.
_CLAIM_TALK = re.compile(
    r"\b(?:" + _CLAIM_WORDS + r"|fact[- ]?check\w*|misinformation|disinformation|hoax|debunk\w*|^\s*says\b)",
    re.IGNORECASE,
)
# A question ends at its question mark, whatever case follows: "were vaccines allowed ...? someone ..."
_QUESTION_END = re.compile(r"(?<=\?)[\"”’)]*\s+")
# A sentence that denies what it goes on to describe.
_NO_EVIDENCE = re.compile(
    r"\b(?:no\s+(?:evidence|record|proof|indication|sign)|(?:did|could|does)\s+not\s+find|found\s+no|"
    r"unable\s+to\s+(?:find|verify|confirm)|not\s+(?:true|accurate|correct)\s+that)\b",
    re.IGNORECASE,
)
# Words just before a figure that say the truth is elsewhere: "far short of 100 percent", "nowhere near
# $1 trillion", "at a much lower cost than $1.6 billion"; and negations written without an apostrophe
# ("dont", "isnt"), as some sources' text has them.
_AWAY_FROM = re.compile(
    r"""\b(?:nowhere\s+near|anywhere\s+near|far\s+(?:short\s+of|from)|short\s+of|
    (?:lower|less|fewer|higher|more|greater|smaller|larger|bigger|cheaper|costlier)\s+(?:[\w-]+\s+){0,2}?than|
    (?:dont|doesnt|didnt|isnt|wasnt|arent|werent|hasnt|havent|hadnt|wont|cant|couldnt|wouldnt|shouldnt)\b[^.!?]*)
    \s+(?:about\s+|roughly\s+|some\s+|around\s+)?\S*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words by which a passage qualifies what it has just stated: "20% of the land, but ...".
_CONTRAST = re.compile(r"\b(?:but|however|yet|though|although|except|whereas|nevertheless|nonetheless)\b", re.IGNORECASE)
QUALIFIED_PENALTY = 0.15  # confidence taken off a verdict whose every deciding passage qualifies itself
# Words by which a passage only supposes what it says: "someone else may be administering the vaccines".
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|rumou?red)\b", re.IGNORECASE)

# Words by which a source says a claim is right only in part: it overstates its case, leaves out
# details, needs context, is partly right, "has a point". Fact-checkers' words for their middle
# ratings; in LIAR-PLUS val2's rulings (tuning set) most rulings using one rate the claim half-true or
# mostly false (overstating 35 of 49, leaving out 22 of 28, "partly accurate" 23 of 23, "has a
# point" 15 of 19).
_IN_PART = re.compile(
    r"""\b(?:exaggerat(?:es|ed|ing|ion|ions)|overstat(?:es|ed|ing|ement|ements)|overreach(?:es|ed|ing)|cherry[- ]?pick\w*
    |overblown
    |(?:leaves?|leaving|left)\s+out\s+(?:(?!no\b)\w+\s+){0,3}?(?:details?|context|facts?|information)
    |omit(?:s|ted|ting)?\s+(?:(?!no\b)\w+\s+){0,3}?(?:details?|context|facts?|information)
    |(?:lacks?|lacking|missing|needs?|without)\s+(?:\w+\s+){0,2}?context
    |(?:partly|partially)\s+(?:correct|accurate|right|true)
    |(?:has|had|have)\s+a\s+(?:(?:valid|fair|good|legitimate|defensible|reasonable)\s+)?point(?!\s+(?:of|guard)\b))\b""",
    re.IGNORECASE | re.VERBOSE,
)

# Kinds of quantity that can be compared with each other.
_COMPARABLE = {
    "count": {"count", "ratio", "range"},
    "ratio": {"ratio", "count", "range"},
    "range": {"range", "count", "ratio", "percent", "money", "measure"},
    "percent": {"percent", "fraction", "range"},
    "fraction": {"fraction", "percent"},
    "money": {"money", "range"},
    "measure": {"measure", "range"},
}
# Passages that may state a fact-checker's rating: retrieved whatever words they share with the
# claim ("We rate it Pants on Fire!" shares none). RE2 syntax, for DuckDB's regexp_matches.
RATING_CUE = (r"(?i)\b(we rate|we rated|rated|rating|ruling|verdict|result: |pants on fire|half[- ]true|mostly (true|false)|"
              r"(found|finds?) (it to be|them to be|the claims?|the statements?|the posts?|this claim|these claims) "
              r"(to be )?(false|misleading|inaccurate|incorrect|fake|exaggerated)|"
              r"(claims?|statements?|posts?|assertions?)( [\w-]+){0,4} (is|are|was|were|to be) (also |simply |partly |largely )?"
              r"(false|true|misleading|incorrect|inaccurate|correct|accurate|wrong|fake|not true|untrue|baseless|"
              r"unfounded|fabricated|bogus|debunked|exaggerated|overstated|understated|misattributed)|"
              r"(claims?|statements?|posts?|assertions?)( [\w-]+){0,4} (isn|aren|wasn|weren)('|’)?t (true|accurate|correct)|"
              r"(this|that)('s|’s| is| was) (also |simply |completely |entirely )?"
              r"(false|not true|untrue|incorrect|inaccurate|wrong|misleading))\b")
MIN_RELEVANCE = 0.5  # share of the claim's content words a passage must contain to count at all
TEXT_SUPPORT = 0.85  # without figures, how much of the claim a passage must contain to support it
# A fact-checker's rating refers to the claim its article checks, and its sentence ("We rate this claim
# False.") seldom repeats the claim's words: any passage retrieved for the claim may carry it.
RATING_RELEVANCE = 0.0
RATING_BOOST = 5.0  # retrieval bonus for a passage stating a fact-checker's rating
RANGE_WIDTH = 0.25  # a range supports a value inside it only when its top is within 25% of its bottom
NEAR_WORDS = 8  # words each side of a figure that say what it measures
NEAR_CHARS = 200  # characters each side of a figure in which those words are looked for
SAME_SUBJECT = 0.4  # share of the words around a claim's figure that must surround an agreeing passage figure
REFUTE_SUBJECT = 0.8  # the same for a disagreeing figure: a different number is often a different measure


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
    status: str  # supported | refuted | conflicting | not_enough_evidence
    confidence: float
    stances: tuple[Stance, ...]
    reason: str


_DOUBLED = re.compile(r"([bdfglmnprt])\1$")


def _stem(word: str) -> str:
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
    return {_stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2}


def _entities(text: str) -> set[str]:
    names = set()
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]+", text):
        if m.group().lower() not in STOPWORDS:
            names.add(_stem(m.group()))
    return names


def _coverage(text: str, passage_words: set[str]) -> float:
    words = content_words(text)
    return len(words & passage_words) / len(words) if words else 0.0


_CLAUSE_EDGE = re.compile(r"[;:–—]|,\s+(?:and|but|while|which|who)\b|[.!?][\"”’]?\s")


def _around(claim_text: str, element: Quantity | DateMention, words: int = 12) -> str:
    """The clause around a figure or date of the claim, at most ``words`` words each side."""
    text_lower = claim_text.lower()
    at = text_lower.find(element.text.lower())
    if at < 0:
        return claim_text
    left = claim_text[:at]
    right = claim_text[at + len(element.text):]
    edges = list(_CLAUSE_EDGE.finditer(left))
    if edges:
        left = left[edges[-1].end():]
    edge = _CLAUSE_EDGE.search(right)
    if edge:
        right = right[: edge.start()]
    return " ".join(left.split()[-words:] + [element.text] + right.split()[:words])


def _as_percent(q: Quantity) -> float | None:
    if q.kind == "percent":
        return q.value
    if q.kind == "fraction":
        return q.value * 100
    if q.kind == "ratio" and q.of:
        return 100 * q.value / q.of
    return None


def _close(a: float, b: float, tolerance: float) -> bool:
    if a == b:
        return True
    scale = max(abs(a), abs(b), 1e-9)
    return abs(a - b) / scale <= tolerance


def _tolerance(q: Quantity) -> float:
    if q.bound == "~":
        return 0.1
    value = abs(q.value)
    if value >= 10 and value == round(value, -1):  # a round number: 20, 100, 1,000
        return 0.05
    return 0.02


_MODIFIER = re.compile(r"\b[A-Z][a-zA-Z]+")


def _modifiers(q: Quantity) -> set[str]:
    """Capitalised words inside a quantity's phrase: "60 American diplomats" -> {"american"}."""
    return {m.group().lower() for m in _MODIFIER.finditer(q.text)} - STOPWORDS


def _units_match(q: Quantity, p: Quantity, passage: str) -> bool:
    q_mods, p_mods = _modifiers(q), _modifiers(p)
    if q_mods and p_mods and not q_mods & p_mods:  # "American diplomats" are not "Russian diplomats"
        return False
    if q.kind in {"percent", "fraction"} or p.kind in {"percent", "fraction"}:
        return True
    if q.kind == "money":
        return p.unit == q.unit or not p.unit or not q.unit
    if not q.unit:
        return True
    unit = _stem(q.unit.split()[-1])
    if p.unit and _stem(p.unit.split()[-1]) == unit:
        return True
    window = passage[p.end : p.end + 60] + " " + passage[max(0, p.start - 30) : p.start]
    return unit in content_words(window)


def _compare(q: Quantity, p: Quantity) -> str | None:
    """Does the passage quantity ``p`` support or refute the claim quantity ``q``? None: not comparable."""
    if p.kind not in _COMPARABLE.get(q.kind, {q.kind}):
        return None
    qv, pv = q.value, p.value
    q_pct, p_pct = _as_percent(q), _as_percent(p)
    if q.kind in {"percent", "fraction"} and p_pct is not None and q_pct is not None:
        qv, pv = q_pct, p_pct
    if q.kind == "ratio" and q.of is not None:
        if p.kind == "ratio" and p.of is not None:
            if _close(q.of, p.of, 0.02):
                return SUPPORTS if _close(qv, pv, _tolerance(q)) else REFUTES
            return None
        if p.kind == "range" and p.upper is not None:  # "from 30 to 20" read as a range
            ends = {p.value, p.upper}
            if any(_close(q.of, e, 0.02) for e in ends):
                return SUPPORTS if any(_close(qv, e, 0.02) for e in ends) else REFUTES
            return None
        return None  # a lone count says nothing about "N out of M"
    if p.kind == "range" and p.upper is not None and q.kind != "range":
        lo, hi = sorted((p.value, p.upper))
        if q.bound in {"=", "~"}:
            if any(_close(qv, end, _tolerance(q)) for end in (lo, hi)):
                return SUPPORTS
            # inside a narrow range only: "0.3 to 1.7 °C" does not confirm 0.45 °C
            narrow = hi <= lo * (1 + RANGE_WIDTH) if lo > 0 else False
            return SUPPORTS if narrow and lo <= qv <= hi else None
        return None
    if q.bound in {"=", "~"}:
        if p.bound in {"=", "~"}:
            return SUPPORTS if _close(qv, pv, max(_tolerance(q), _tolerance(p))) else REFUTES
        if p.bound in {">", ">="}:
            return REFUTES if qv < pv * (1 - _tolerance(q)) else None
        if p.bound in {"<", "<="}:
            return REFUTES if qv > pv * (1 + _tolerance(q)) else None
        return None
    if q.bound in {">", ">="}:
        if p.bound in {"=", "~", ">", ">="}:
            if pv > qv or (q.bound == ">=" and _close(pv, qv, 0.001)):
                return SUPPORTS
            return REFUTES if p.bound in {"=", "~"} and pv < qv * (1 - _tolerance(p)) else None
        return None
    if q.bound in {"<", "<="}:
        if p.bound in {"=", "~", "<", "<="}:
            if pv < qv or (q.bound == "<=" and _close(pv, qv, 0.001)):
                return SUPPORTS
            return REFUTES if p.bound in {"=", "~"} and pv > qv * (1 + _tolerance(p)) else None
        return None
    return None


def _ratio_in_counts(q: Quantity, found: Sequence[Quantity], passage: str) -> str | None:
    """ "20 out of 30" against separate counts: "reduced from 30 to 20 positions"."""
    denominators = [p for p in found if p.kind == "count" and q.of is not None and _close(p.value, q.of, 0.02)]
    if not denominators:
        return None
    unit = _stem(q.unit.split()[-1]) if q.unit else None

    def same_thing(p: Quantity) -> bool:
        if p.unit:
            return unit is None or _stem(p.unit.split()[-1]) == unit
        return any(abs(p.start - d.end) <= 6 or abs(d.start - p.end) <= 6 for d in denominators)

    numerators = [p for p in found if p.kind == "count" and p not in denominators and same_thing(p)]
    if not numerators:
        return None
    return SUPPORTS if any(_close(p.value, q.value, 0.02) for p in numerators) else REFUTES


_TABLE_CELL = re.compile(r"\S: [^|]+ \| \S")  # a passage made of a table row's "header: cell" pairs


def _near(text: str, start: int, end: int, words: int = NEAR_WORDS) -> set[str]:
    """Content words within ``words`` words of a span, not crossing a sentence end; in a table row
    ("Country: Georgia | Share of land area occupied: about 20%") the whole row says what a cell measures."""
    # Only a window around the span is read, so a long passage with many figures costs linear time.
    lo, hi = max(0, start - NEAR_CHARS), end + NEAR_CHARS
    if _TABLE_CELL.search(text, lo, hi):
        return content_words(text[max(0, start - 5 * NEAR_CHARS) : end + 5 * NEAR_CHARS])
    left = re.split(r"[.!?]\s", text[lo:start])[-1].split()[-words:]
    right = re.split(r"[.!?](?:\s|$)", text[end:hi])[0].split()[:words]
    return content_words(" ".join(left + right))


def _same_subject(claim_text: str, q: Quantity, passage: str, p: Quantity, threshold: float) -> bool:
    """Do the claim's figure and the passage's figure measure the same thing? Their surroundings must
    share content words: 84 times the warming potential of methane says nothing about 200 times
    more CO2 in the air, though both are "times" in one sentence about methane and CO2."""
    at = claim_text.lower().find(q.text.lower())
    if at < 0:
        return True
    around_q = _near(claim_text, at, at + len(q.text)) | content_words(q.text)
    if len(around_q) < 3:  # "... 4.0% from 4.4% this year and 2.1% from 2.8% in 2005": the clause says what it is
        around_q |= content_words(_around(claim_text, q))
    around_p = _near(passage, p.start, p.end) | content_words(p.text)
    if not around_q:
        return True
    return len(around_q & around_p) / len(around_q) >= threshold


def _says(claim_text: str) -> bool:
    """Is the claim about what someone said ("Lavrov said the Kremlin would ...")? PolitiFact's leading
    "Says ..." names no one and does not count."""
    return bool(_SAYING.search(re.sub(r"^\s*says\b", "", claim_text, flags=re.IGNORECASE)))


def _attributed(passage: str, p: Quantity) -> bool:
    """Is the figure in someone's words: inside a quotation, or after "X said" in its sentence?"""
    return _quoted(passage, p.start) or bool(_SAYING.search(_sentence_head(passage, p.start)))


def _negated_near(passage: str, p: Quantity) -> bool:
    """A negation just before the figure, or a sentence that denies what follows ("No evidence was
    found that ... seven other girls ...")."""
    window = passage[max(0, p.start - 40) : p.start]
    return bool(_NEGATION.search(window) or _AWAY_FROM.search(window)
                or _NO_EVIDENCE.search(_sentence_head(passage, p.start)))


def _dates_agree(d: DateMention, e: DateMention) -> bool | None:
    if not d.value or not e.value:
        return None
    a, b = d.value, e.value
    n = min(len(a), len(b))
    if "Q" in a or "Q" in b:
        n = 4
    return a[:n] == b[:n]


def _in_part(stance: Stance, passage: str) -> Stance:
    """A passage about the claim that decides nothing by its figures or words but says the claim is
    right only in part ("he exaggerates", "leaves out important details", "has a point") is a middle
    stance, as a middle rating is."""
    if stance.stance == NEUTRAL and stance.relevance >= MIN_RELEVANCE:
        for m in _IN_PART.finditer(passage):
            if not _quoted_in_sentence(passage, m.start()) and not _NEGATION.search(_sentence_head(passage, m.start())[-30:]):
                return Stance("mixed", stance.relevance, f"the source says it is right only in part ({m.group()!r})",
                              stance.parts)
    return stance


def judge(
    claim_text: str,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    passage: str,
    *,
    published: str | None = None,
) -> Stance:
    """The stance of one passage on a claim."""
    passage_words = content_words(passage)
    relevance = _coverage(claim_text, passage_words)
    for element in (*quantities, *dates):  # a long sentence: what surrounds each figure counts too
        relevance = max(relevance, _coverage(_around(claim_text, element), passage_words))

    rating = find_rating(passage)
    if rating and relevance >= RATING_RELEVANCE:
        return Stance(rating[1], relevance, f"the source rates it {rating[0]!r}", rated=True)

    if relevance < MIN_RELEVANCE:
        return Stance(NEUTRAL, relevance, "not about the claim")
    # Figures and wording count only where the passage states something itself: not in a question,
    # not in a sentence that reports someone making the claim (a fact-check quoting what it checks).
    whole, (passage, reported) = passage, _stated(claim_text, passage)
    claim_says = _says(claim_text)
    passage_words = content_words(passage)

    parts: list[tuple[str, str]] = []
    in_someones_words = False  # a figure that agreed was in someone's words: say so if nothing decides
    # "... has been disproven", "the myth that ...": agreeing figures do not support a denial
    denial = bool(_DENIAL.search(claim_text)) and not _DENIAL.search(passage)
    if quantities:
        # A report of the claim repeats its figures, so there only a disagreeing figure counts.
        texts = [(t, find_quantities(t), only_refutes) for t, only_refutes in ((passage, False), (reported, True)) if t]
        for q in quantities:
            outcomes = []
            for text, found, only_refutes in texts:
                here = []
                if q.kind == "ratio" and q.of is not None:
                    ratio = _ratio_in_counts(q, found, text)
                    if ratio:
                        here.append(ratio)
                else:
                    others = [o for o in quantities if o is not q and o.value != q.value]
                    repeated = False  # someone's words repeat this figure: the claim being reported
                    attributed_refutes = []
                    for p in found:
                        if not _units_match(q, p, text):
                            continue
                        if any(_compare(o, p) == SUPPORTS and _units_match(o, p, text) for o in others):
                            continue  # "90% of Americans and 74% of members": 74 is the other figure, not a disagreement
                        outcome = _compare(q, p)
                        if outcome == REFUTES and not _same_subject(claim_text, q, text, p, REFUTE_SUBJECT):
                            outcome = None
                        if outcome == SUPPORTS and (not _same_subject(claim_text, q, text, p, SAME_SUBJECT)
                                                    or _negated_near(text, p) or denial):
                            outcome = None
                        if outcome and not claim_says and _attributed(text, p):
                            if outcome == SUPPORTS:
                                repeated = True
                            else:
                                attributed_refutes.append(outcome)
                        elif outcome:
                            here.append(outcome)
                    if not repeated:  # a different figure in someone's words still disagrees
                        here += attributed_refutes
                    in_someones_words = in_someones_words or repeated
                if only_refutes and SUPPORTS in here:
                    continue  # the report repeats this figure: what else it says is the claim's own
                outcomes += [o for o in here if not (only_refutes and o == SUPPORTS)]
            if SUPPORTS in outcomes and REFUTES in outcomes:
                continue  # the passage's figures point both ways for this one: no stance
            if SUPPORTS in outcomes:
                parts.append((q.text, SUPPORTS))
            elif REFUTES in outcomes:
                parts.append((q.text, REFUTES))
    passage_dates = find_dates(passage, published) if dates else []
    for d in dates:
        agreements = [a for a in (_dates_agree(d, e) for e in passage_dates) if a is not None]
        if True in agreements:
            parts.append((d.text, SUPPORTS))

    quantity_parts = {t: s for t, s in parts if t in {q.text for q in quantities}}
    if quantities:
        # Figures about someone else decide nothing: "Lenovo's profit was HK$327m" is not
        # refuted by "TimeWarner's profit was $1.13bn", however alike the sentences are. At least
        # one name around the claim's figures (else in the claim) must be in the passage, and a
        # claim that names no one ("The shares closed down 247p") is decided by no figure.
        names = _names_near(claim_text, quantities) or _names(claim_text)
        if quantity_parts and not names:
            return Stance(NEUTRAL, relevance, "the claim names no one its figures are about", tuple(parts))
        if quantity_parts and not names & (_entities(passage) | passage_words):
            return Stance(NEUTRAL, relevance, f"the figures are not about {', '.join(sorted(names))}", tuple(parts))
        if REFUTES in quantity_parts.values() and SUPPORTS in quantity_parts.values():
            return Stance("mixed", relevance, "one figure agrees, another disagrees", tuple(parts))
        if any(s == REFUTES for s in quantity_parts.values()):
            return Stance(REFUTES, relevance, "a figure disagrees", tuple(parts),
                          qualified=_qualified(claim_text, passage))
        if quantity_parts and all(s == SUPPORTS for s in quantity_parts.values()):
            missing = {w.lower() for w in _QUALIFIER.findall(claim_text)} - {w.lower() for w in _QUALIFIER.findall(passage)}
            if missing:
                return Stance(NEUTRAL, relevance, f"the figures agree, but not {', '.join(sorted(missing))!r}", tuple(parts))
            if len(quantity_parts) == len(quantities):
                return Stance(SUPPORTS, relevance, "the figures agree", tuple(parts),
                              qualified=_qualified(claim_text, passage))
            return Stance(NEUTRAL, relevance, "some figures agree, others are not stated", tuple(parts))
        if in_someones_words:
            return Stance(NEUTRAL, relevance, "its matching figures are in someone's words, not the source's", tuple(parts))
        return Stance(NEUTRAL, relevance, "no comparable figure", tuple(parts))
    claim_entities = _entities(claim_text)
    names_ok = claim_entities <= passage_words | _entities(passage)
    dates_ok = not dates or any(s == SUPPORTS for _, s in parts)
    # Without figures, the claim's own words are all there is: none of them may come from someone saying it.
    stated_relevance = _coverage(claim_text, content_words(_stated(claim_text, whole, strict=True)[0]))
    hedged = bool(_HEDGE.search(passage)) and not _HEDGE.search(claim_text)
    if (stated_relevance >= TEXT_SUPPORT and names_ok and dates_ok and not hedged
            and not _negation_mismatch(claim_text, passage)):
        return Stance(SUPPORTS, relevance, "the passage states it", tuple(parts),
                      qualified=_qualified(claim_text, passage))
    return Stance(NEUTRAL, relevance, "related but not decisive", tuple(parts))


# Capitalised words that name no one: months, weekdays, currency and unit abbreviations.
_NOT_NAMES = frozenset(_stem(w) for w in """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday hk us usd gbp eur bn mn km
    """.split())


_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z]+(?P<possessive>['’]s\b)?")
_SENTENCE_START = re.compile(r"[.!?][\"”’)]*\s+[\"“‘(]*$")  # looked for in the few characters before a word


def _names(text: str) -> set[str]:
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
        names.add(_stem(word))
    return names - _NOT_NAMES


def _names_near(claim_text: str, quantities: Sequence[Quantity]) -> set[str]:
    """Names in the clauses around the claim's figures: who or what the figures are about."""
    names: set[str] = set()
    for q in quantities:
        names |= _names(_around(claim_text, q))
    return names


def _stated(claim_text: str, passage: str, *, strict: bool = False) -> tuple[str, str]:
    """The passage split into what it states and what it reports of the claim being made.

    Questions state nothing and are dropped; a sentence that repeats most of the claim with a cue of
    reported speech ("the post says that ...", a quotation) is a report of the claim, not evidence for it.
    ``strict`` (for a claim without figures, decided by its words alone) also counts as reports a sentence
    inside a quotation that is mostly a piece of the claim, and one whose words after "X said" repeat it.
    """
    claim_words = content_words(claim_text)
    claim_says = _says(claim_text)

    def repeats(text: str, part: bool = False) -> bool:
        """Does the text repeat most of the claim (or, with ``part``, is it mostly a piece of a longer claim)?"""
        words = content_words(text)
        base = min(len(claim_words), len(words)) if part and len(words) >= 3 else len(claim_words)
        return len(claim_words & words) / base >= REPORT_OVERLAP

    stated, reported = [], []
    for whole in _split(passage):
        for sentence in _QUESTION_END.split(whole.text):
            if sentence.rstrip(" \"”’)").endswith("?"):
                continue
            if claim_words and (
                (_REPORTING.search(sentence) and repeats(sentence))
                # strict: a quotation may repeat a claim of several sentences one sentence at a time, and in
                # "Helio Melo said Rhode Island has ..." what follows the saying is the claim
                or (strict and (_REPORTING.search(sentence) or _quoted(passage, whole.start)) and repeats(sentence, part=True))
                or (strict and not claim_says and (said := _SAYING.search(sentence)) and repeats(sentence[said.end() :]))
            ):
                reported.append(sentence)
                continue
            stated.append(sentence)
    return " ".join(stated), " ".join(reported)


def _sentence_head(passage: str, at: int, reach: int = 400) -> str:
    """The text from the start of the sentence holding ``at`` up to it (looking back at most ``reach``
    characters, so that a long passage with many figures is not scanned once per figure)."""
    start = max(0, at - reach)
    starts = [s.start for s in split_sentences(passage, start, min(len(passage), at + 1)) if s.start <= at]
    return passage[starts[-1] if starts else start : at]


@lru_cache(maxsize=64)
def _split(passage: str) -> tuple[Sentence, ...]:
    """The passage's sentences, kept for the next look: one passage is split by ``_stated`` (twice for a
    claim without figures), ``_qualified`` and ``examines_claim``."""
    return tuple(split_sentences(passage))


def _sentences(passage: str) -> list[str]:
    return [s.text for s in _split(passage)]


@lru_cache(maxsize=16)
def _marks(passage: str) -> tuple[list[int], list[int]]:
    """Where the passage's quotation marks and its line breaks are (kept for the passage's next figure)."""
    return [m.start() for m in _QUOTE_MARKS.finditer(passage)], [m.start() for m in re.finditer("\n", passage)]


def _quoted(passage: str, at: int) -> bool:
    """Is the text at ``at`` inside a quotation: an odd number of quotation marks before it in its
    paragraph? A quotation may run over several sentences ('"... that I had to fix. And for 2011 an
    $11 billion deficit," he said.')."""
    marks, breaks = _marks(passage)
    line = breaks[i - 1] if (i := bisect_left(breaks, at)) else -1
    return (bisect_left(marks, at) - bisect_right(marks, line)) % 2 == 1


def _quoted_in_sentence(passage: str, at: int) -> bool:
    """The same within the sentence only: for a rating, which a stray or cut-off quotation mark earlier in
    the passage must not hide ("... he said "the cuts were deep. We rate this claim False.")."""
    return _opens_quotation(_sentence_head(passage, at))


def _opens_quotation(head: str) -> bool:
    """Has the sentence so far (``head``) opened a quotation it has not closed?"""
    return len(_QUOTE_MARKS.findall(head)) % 2 == 1


def _qualified(claim_text: str, passage: str) -> bool:
    """Does a sentence of the passage that carries the claim (half its words or more), or the sentence
    right after it, turn with a contrast word ("..., but that counts only full-time staff")?"""
    claim_words = content_words(claim_text)
    sentences = _sentences(passage)
    for i, sentence in enumerate(sentences):
        if claim_words and len(claim_words & content_words(sentence)) / len(claim_words) >= 0.5:
            after = sentences[i + 1] if i + 1 < len(sentences) else ""
            if _CONTRAST.search(sentence) or _CONTRAST.match(after):
                return True
    return False


def plain_verdict(passage: str) -> tuple[str, str] | None:
    """"This is false." in a fact-check's own words (not inside a quotation), as (its words, stance)."""
    for m in _PLAIN_VERDICT.finditer(passage):
        if not _quoted_in_sentence(passage, m.start()):
            words = re.sub(r"\s+", " ", m.group("rating").lower())
            return m.group("rating"), _PLAIN_STANCE.get(words, REFUTES)
    return None


def examines_claim(claim_text: str, passage: str) -> bool:
    """Does the passage treat the claim as a claim to examine ("A viral post claims that ...")?"""
    claim_words = content_words(claim_text)
    if not claim_words:
        return False
    for sentence in _sentences(passage):
        if _CLAIM_TALK.search(sentence) and len(claim_words & content_words(sentence)) / len(claim_words) >= REPORT_OVERLAP:
            return True
    return False


def _negation_mismatch(claim: str, passage: str) -> bool:
    return bool(_NEGATION.search(claim)) != bool(_NEGATION.search(passage))


def decide(
    claim_text: str,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    passages: Sequence[str],
    *,
    published: str | None = None,
    sources: Sequence[str] | None = None,
) -> Verdict:
    """Combine the passages' stances into one verdict with a confidence in [0, 1].

    ``sources`` names the document of each passage (all one document when omitted): a document
    that examines the claim as a claim (a fact-check) supports it only by its rating."""
    stances = tuple(_in_part(judge(claim_text, quantities, dates, p, published=published), p) for p in passages)
    keys = list(sources) if sources is not None else [""] * len(passages)
    examining = {key for key, p in zip(keys, passages) if examines_claim(claim_text, p)}
    if examining:
        stances = tuple(
            Stance(NEUTRAL, s.relevance, "the source examines the claim itself, so agreeing with it there "
                   "confirms nothing", s.parts) if s.stance == SUPPORTS and not s.rated and key in examining else s
            for s, key in zip(stances, keys)
        )
        if not any(s.rated for s in stances):  # no formal rating: the fact-check's plain verdict, if it states one
            stances = tuple(
                Stance(plain[1], s.relevance, f"the source calls it {plain[0]!r}", s.parts, rated=True)
                if key in examining and (plain := plain_verdict(p)) else s
                for s, key, p in zip(stances, keys, passages)
            )
    rated = {s.stance for s in stances if s.rated}
    if rated:  # a fact-checker's explicit rating outranks our reading of the figures
        reason = next(s.reason for s in stances if s.rated)
        if rated == {SUPPORTS}:
            return Verdict("supported", 0.9, stances, reason)
        if rated == {REFUTES}:
            return Verdict("refuted", 0.9, stances, reason)
        return Verdict("conflicting", 0.7, stances, reason)
    supports = [s for s in stances if s.stance == SUPPORTS]
    refutes = [s for s in stances if s.stance == REFUTES]
    mixed = [s for s in stances if s.stance == "mixed"]
    if supports and refutes:
        weight = min(len(supports), len(refutes)) / max(len(supports), len(refutes))
        return Verdict("conflicting", round(0.5 + 0.3 * weight, 3), stances,
                       f"{len(supports)} passage(s) support it, {len(refutes)} refute it")
    if mixed and not supports and not refutes:
        return Verdict("conflicting", 0.6, stances, mixed[0].reason)
    for status, deciding in (("supported", supports), ("refuted", refutes)):
        if deciding:
            best = max(s.relevance for s in deciding)
            confidence = min(0.95, 0.55 + 0.25 * best + 0.05 * (len(deciding) - 1))
            reason = deciding[0].reason
            if all(s.qualified for s in deciding):  # "..., but ...": a weaker verdict, for a reviewer to read
                confidence -= QUALIFIED_PENALTY
                reason += ", but the source qualifies it"
            return Verdict(status, round(confidence, 3), stances, reason)
    return Verdict("not_enough_evidence", 0.5, stances, "no passage decides it")


def boost(claim_text: str, quantities: Sequence[Quantity], dates: Sequence[DateMention], passage: str) -> float:
    """Extra retrieval score for a passage that shares the claim's values, dates and names."""
    score = 0.0
    if quantities:
        values = {round(v, 6) for p in find_quantities(passage) for v in (p.value, p.of, p.upper) if v is not None}
        score += sum(1.0 for q in quantities if round(q.value, 6) in values)
        score += sum(0.5 for q in quantities if q.of is not None and round(q.of, 6) in values)
    if dates:
        years = {d.value[:4] for d in find_dates(passage) if d.value}
        score += sum(0.5 for d in dates if d.value and d.value[:4] in years)
    score += 0.2 * len(_entities(claim_text) & (_entities(passage) | content_words(passage)))
    if find_rating(passage):
        score += RATING_BOOST  # a fact-checker's rating is the most decisive passage of its article
    return score
