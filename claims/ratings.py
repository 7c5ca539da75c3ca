"""A fact-check's own verdict on the claim it examines: its rating, its plain verdict, its middle words.

Primary sources never say "we rate this false"; fact-check articles do, and there reading the rating
is most of the work:

- :func:`find_rating`: "We rate this claim False", "Rating: Mixture", "The viral claim is misleading",
  "AAP FactCheck found the claim to be false" — the source's own stance, outranking its figures.
  A rating of a similar claim, one only asked about ("whether the claim is true") or denied ("no
  evidence shows the claim to be true"), one inside a quotation, and "the claim is false" in the words
  of a party to it ("..., the ministry said") are not the source's rating;
- :func:`plain_verdict`: with no formal rating, a fact-check's "This is false.";
- :func:`examines_claim`: does a source treat the statement as a claim to examine ("a viral post
  claims ...")? Such a source repeats the claim's figures to examine them, so only its rating decides;
- ``IN_PART``: words by which a source says the claim is right only in part ("exaggerates",
  "leaves out important details", "has a point"): a middle stance.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.compare import REFUTES, SUPPORTS
from claims.words import content_word_set, opens_quotation as _opens_quotation, quoted_in_sentence as _quoted_in_sentence
from claims.words import sentence_head as _sentence_head, sentence_texts

__all__ = ["CLAIM_TALK", "IN_PART", "RATING_BOOST", "RATING_CUE", "RATING_RELEVANCE", "REPORT_OVERLAP", "REPORTING", "SAYING",
           "examines_claim", "find_rating", "plain_verdict"]

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
    sayings = list(SAYING.finditer(head))
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
REPORTING = re.compile(
    r"""["“”]                                                     # a quotation
    | \b(?:""" + _CLAIM_WORDS + r"""|shared)\b
    | \b(?:says|said|stated|states|wrote|writes|argued|asserted|insisted|suggested)\b[^.!?]{0,80}?\bthat\b  # "X said in a letter that"
    | ^\s*says\b                                                 # PolitiFact's "Says ..." """,
    re.IGNORECASE | re.VERBOSE,
)
REPORT_OVERLAP = 0.7  # share of the claim's content words a sentence must repeat to be a report of the claim
# Someone saying it, with no "that": "Perry said 13 Texas universities offer ...". A figure after one of
# these words in its sentence is someone's words (``_attributed``), unless the claim is about what was said.
SAYING = re.compile(
    r"\b(?:say|says|said|saying|claims|claimed|stated|told|tells|wrote|writes|argued|asserted|insisted|tweeted|"
    r"suggested|contended|contends|declared|boasted|charged|criticized|criticised|accused)\b",
    re.IGNORECASE,
)
# Words by which a source treats the statement as a claim to examine: a fact-check ("a viral post
# claims ...") rather than a report of events. Such a source repeats the claim's figures and words to
# examine them, so only its rating or a disagreeing figure decides anything.
CLAIM_TALK = re.compile(
    r"\b(?:" + _CLAIM_WORDS + r"|fact[- ]?check\w*|misinformation|disinformation|hoax|debunk\w*|^\s*says\b)",
    re.IGNORECASE,
)


# Words by which a source says a claim is right only in part: it overstates its case, leaves out
# details, needs context, is partly right, "has a point". Fact-checkers' words for their middle
# ratings; in LIAR-PLUS val2's rulings (tuning set) most rulings using one rate the claim half-true or
# mostly false (overstating 35 of 49, leaving out 22 of 28, "partly accurate" 23 of 23, "has a
# point" 15 of 19).
IN_PART = re.compile(
    r"""\b(?:exaggerat(?:es|ed|ing|ion|ions)|overstat(?:es|ed|ing|ement|ements)|overreach(?:es|ed|ing)|cherry[- ]?pick\w*
    |overblown
    |(?:leaves?|leaving|left)\s+out\s+(?:(?!no\b)\w+\s+){0,3}?(?:details?|context|facts?|information)
    |omit(?:s|ted|ting)?\s+(?:(?!no\b)\w+\s+){0,3}?(?:details?|context|facts?|information)
    |(?:lacks?|lacking|missing|needs?|without)\s+(?:\w+\s+){0,2}?context
    |(?:partly|partially)\s+(?:correct|accurate|right|true)
    |(?:has|had|have)\s+a\s+(?:(?:valid|fair|good|legitimate|defensible|reasonable)\s+)?point(?!\s+(?:of|guard)\b))\b""",
    re.IGNORECASE | re.VERBOSE,
)


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
# A fact-checker's rating refers to the claim its article checks, and its sentence ("We rate this claim
# False.") seldom repeats the claim's words: any passage retrieved for the claim may carry it.
RATING_RELEVANCE = 0.0
RATING_BOOST = 5.0  # retrieval bonus for a passage stating a fact-checker's rating


def plain_verdict(passage: str) -> tuple[str, str] | None:
    """"This is false." in a fact-check's own words (not inside a quotation), as (its words, stance)."""
    for m in _PLAIN_VERDICT.finditer(passage):
        if not _quoted_in_sentence(passage, m.start()):
            words = re.sub(r"\s+", " ", m.group("rating").lower())
            return m.group("rating"), _PLAIN_STANCE.get(words, REFUTES)
    return None


def examines_claim(claim_text: str, passage: str) -> bool:
    """Does the passage treat the claim as a claim to examine ("A viral post claims that ...")?"""
    claim_words = content_word_set(claim_text)
    if not claim_words:
        return False
    return any(len(claim_words & words) / len(claim_words) >= REPORT_OVERLAP for words in _claim_talk(passage))


@lru_cache(maxsize=65536)
def _claim_talk(passage: str) -> tuple[frozenset[str], ...]:
    """The content words of each sentence of the passage that talks of a claim, read once per passage
    (every claim checked against a source asks of the same passages)."""
    return tuple(content_word_set(s) for s in sentence_texts(passage) if CLAIM_TALK.search(s))
