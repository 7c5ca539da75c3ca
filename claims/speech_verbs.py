"""Whether a speech verb reports someone's words: the sense checks :mod:`claims.speakers` runs on each verb it finds.

"agreed to begin talks", "was reported by", "an estimated 3%", "claimed the title", "He announced himself", ", which
suggests …" report no one's words (``_not_reporting``); "Technorati estimates the number … has" reads "estimates" as
the verb (``_named_then_clause``); ``claims_a_thing`` tells "claimed victory" from "claimed he was …". Pure standard
library.
"""

from __future__ import annotations

import re

from claims.speaker_tokens import _clause_start, _is_cap
from claims.speech_words import INFINITIVE_VERBS, PASSIVE_BE, RELATIVE_PRONOUN, SPEECH_VERB

__all__ = ["claims_a_thing"]

_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_THAT_AFTER = re.compile(r"[ \t]+that\b")
_WORD_BEFORE = re.compile(r"\b([a-z]+)[ \t]+$")
_ARTICLES = frozenset(("a", "an", "the"))


def _named_then_clause(text: str, lo: int, m: re.Match) -> bool:
    """ "Technorati estimates the number of blogs … has exceeded …": a name right before the verb and a clause
    with no "that" after it (so "estimates"/"reports" is the verb, not a noun)."""
    before = text[_clause_start(text, lo, m.start()):m.start()].split()
    after = _WORD_AFTER.match(text, m.end())
    if after and SPEECH_VERB.match(text, after.start(1)):
        return False  # "Media reports suggested it was over": the noun phrase's verb follows
    return bool(before) and _is_cap(before[-1]) and _CLAUSE_AFTER.match(text, m.end()) is not None


def _not_reporting(text: str, lo: int, m: re.Match) -> bool:
    """Is this speech verb one that reports no one's words: an infinitive after it ("agreed to begin
    talks", "continued to rise"), a passive or a noun before "by" ("forecast by 2%", "was reported
    by"), a passive after "be" ("was told", "is said to be"), or an adjective after an article ("by an
    estimated 3%")?"""
    after = _WORD_AFTER.match(text, m.end(), min(len(text), m.end() + 20))
    nxt = after.group(1) if after else ""
    if nxt == "by" or (nxt == "to" and m.group() in INFINITIVE_VERBS) or nxt in _REFLEXIVES:
        return True  # "He announced himself with a tackle": a reflexive object, no words reported
    if m.group() in _CLAIM_VERBS and claims_a_thing(text, m.end()) and text[lo:m.start()].rstrip()[-1:] not in ",”\"" and (
        RELATIVE_PRONOUN.search(text, max(lo, m.start() - 20), m.start()) is None
    ):  # "photographers who she claims left her …": the relative word is the subject of the clause claimed
        return True  # "claimed the title": a thing won, no words reported (but "…, claims his agent." is inverted)
    if m.group() in ("suggests", "suggest") and _INFERENCE.search(text, max(lo, m.start() - 8), m.start()):
        return True  # "…, which suggests the show may move": the narrator's inference, no one's words
    before = _WORD_BEFORE.search(text, max(lo, m.start() - 12), m.start())
    if before and before.group(1).endswith("ly") and before.start() > lo:
        # "are regularly maintained", "was widely reported": an adverb between "be" and the participle.
        before = _WORD_BEFORE.search(text, max(lo, before.start() - 12), before.start())
    # After an article the word is an adjective or a noun: "grew by an estimated 3%", "the forecast rise".
    return bool(before) and (before.group(1) in PASSIVE_BE or before.group(1) in _ARTICLES)


# ", which" right before "suggests": a relative clause drawing an inference from what the sentence said.
_INFERENCE = re.compile(r",[ \t]+which[ \t]+$")
_CLAIM_VERBS = frozenset("claim claims claimed claiming".split())
_CLAUSE_SUBJECTS = frozenset("that he she it they we i you there this these those".split())
# Words that show a clause (a finite verb) after "claimed": "claimed the minister had lied", "claimed Hale lied".
_FINITE = re.compile(r"(?:is|was|were|are|has|had|have|will|would|could|can|may|might|should|must|did|does|do"
                     r"|\w+ed|\w+[’']s)$")
_OBJECT_END = re.compile(r"[.,;:!?\"“”()\[\]]|\s-\s|\b(?:and|but|after|before|when|while|as)\b")


def claims_a_thing(text: str, end: int) -> bool:
    """Does the "claim(ed)" ending at ``end`` take a thing as its object, not words ("claimed the title",
    "claiming away draws in Basel", "claimed victory"), rather than a clause ("claimed that …", "claimed
    he was …", "claimed the minister had lied") or nothing ("…, he claimed.")?"""
    rest = text[end:end + 100]
    stop = _OBJECT_END.search(rest)
    words = rest[:stop.start() if stop else len(rest)].split()
    if not words or words[0].lower() in _CLAUSE_SUBJECTS or words[0] == "to":
        return False
    return not any(_FINITE.match(w) for w in words[:10])


# A clause after a verb with no "that": a determiner (or none), a few words, then an auxiliary ("the number of blogs … has",
# "sales will"); not a preposition ("estimates of growth have").
_CLAUSE_AFTER = re.compile(r"[ \t]+(?!(?:of|for|in|on|at|by|to|from|and|or|were|was|are|is|have|has)\b)"
                           r"(?:(?:the|a|an|more|most|some|about|around|over)[ \t]+)?(?:[\w’'&%-]+,?[ \t]+){1,12}?"
                           r"(?:has|have|had|is|are|was|were|will|would|could|can)\b")
_REFLEXIVES = frozenset("himself herself itself themselves myself ourselves".split())
