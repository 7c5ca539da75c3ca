"""The subject of a sentence as "they" reads it: a noun phrase of many, which the next sentence's
"They said …" stands for ("Major companies including A, B and C have cut jobs. They have also warned …",
"The couple, who married in May, sued the paper. They said …"), and whether a speaker is many
(``plural_speaker``: "the respondents", "Economists", never what "it" stands for).

Read by :mod:`claims.people`. Pure standard library; linear in the sentence's length.
"""

from __future__ import annotations

from claims.speaker_names import is_quantity
from claims.speaker_tokens import _is_cap, _words
from claims.speech_words import CLAUSE_WORDS, NP_STOP, ROLE_NOUNS, SUBJECT_TRAILERS

__all__ = ["plural_speaker", "plural_subject"]

# Nouns of one that stand for many: "the couple", "the duo".
COLLECTIVE_NOUNS = frozenset("couple duo pair trio".split())
# Words that open a sentence before its subject.
_OPENERS = frozenset("but and so yet however meanwhile now".split())
# Lowercase words that end the subject: verbs and auxiliaries ("have spent", "even spoke", "claimed").
_VERBISH = SUBJECT_TRAILERS | frozenset("""
    are were have had has do did can could will would may might must should say said says spoke
    """.split())
_NOT_MANY = frozenset("news series species means politics economics physics athletics".split())


def plural_subject(text: str, start: int, end: int) -> str | None:
    """The subject that opens text[start:end] if it names many (a plural noun, names joined by "and"
    after a plural noun, or "the couple"), as written; else None. A relative clause after a comma
    ends it ("The couple, who …"); an "including" list goes with it."""
    tokens = _words(text, start, min(end, start + 200))
    while tokens and tokens[0][0].lower() in _OPENERS:
        tokens = tokens[1:]
    if not tokens or tokens[0][0].lower() in ("they", "we", "it", "he", "she", "i", "you", "there", "this"):
        return None
    np: list[tuple[str, int, int]] = []
    listing = stopped = False
    for w, s, e in tokens[:14]:
        lw = w.lower()
        if np and text[np[-1][2]:s].strip() == "," and not listing:
            stopped = True
            break  # "The couple, who married …"
        if lw == "including":
            listing = True
        elif not _is_cap(w) and (lw in _VERBISH or lw in CLAUSE_WORDS - {"and"} or (lw in NP_STOP and lw != "and")
                                 or (lw.endswith("ed") and np)):
            stopped = True
            break
        np.append((w, s, e))
    if not np or not stopped:
        return None  # no verb found right after it: "Acme cut jobs" is no subject of many
    core = [t for t in np if not listing or t[1] < next(s for w, s, _ in np if w.lower() == "including")]
    head = core[-1][0].lower()
    if head in _NOT_MANY or _is_cap(core[-1][0]) and not listing and not (len(core) == 1 and head in ROLE_NOUNS):
        return None  # "Siemens", "The news": no plural noun as the head ("Critics say" opening a sentence is one)
    many = head in COLLECTIVE_NOUNS or (head.endswith("s") and not head.endswith(("ss", "us", "is")))
    if not many:
        return None
    phrase = text[np[0][1]:np[-1][2]]
    return phrase[0].lower() + phrase[1:] if np[0][0] in ("The", "Some", "Many", "Most", "Several", "Both") else phrase


def plural_speaker(speaker: str) -> bool:
    """A description of many ("the respondents", "Economists", "police"): never what "it" stands for."""
    if is_quantity(speaker):
        return True  # "More than half of 2,000 people surveyed"
    head = speaker.split()[-1]
    if not head.islower():
        return head.lower() in ROLE_NOUNS  # "Economists"; a name is none: "Siemens", "the Halifax"
    return head in ("people", "police") or (head.endswith("s") and not head.endswith(("ss", "us", "is")))
