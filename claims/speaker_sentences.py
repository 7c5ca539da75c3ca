"""The subject that opens a sentence, read for attribution: a name, "he"/"she", or a "the …" phrase.

Read by :mod:`claims.speakers` (participles: "X did this, saying …"; "X … and said …") and by
:mod:`claims.people` and :mod:`claims.quotes`. Pure standard library; linear in the sentence's length.
"""

from __future__ import annotations

import re

from claims.speaker_names import is_person as _is_person
from claims.speaker_tokens import _is_cap, _is_sentence_dot, _name_from_run, _words
from claims.speech_words import (
    DETERMINERS,
    NAME_CONNECTORS,
    NATIONALITIES,
    NP_STOP,
    ORG_WORDS,
    POSSESSIVE,
    PRONOUN_MARK,
    PRONOUNS,
    ROLE_NOUNS,
    SUBJECT_TRAILERS,
    TITLE_NOUNS,
)

__all__ = [
    "COMMON_VERBS", "LEADING_PHRASE", "MONTHS", "SUBORDINATORS", "_aside_at", "_sentence_start", "_sentence_subject",
    "lead_word",
]

# Conjunctions and adverbs that may come before a leading phrase: "But even before Acme said …, Hale insisted".
LEAD_INS = frozenset("but and yet so even just only shortly long soon".split())
# Words that open a subordinate clause; one opening its sentence holds no attribution of the sentence's own.
SUBORDINATORS = frozenset("after before since although though whereas because unless until if when while once".split())
# Words that open a phrase set off by a comma before the subject: "During the crisis, the firm sued …", and
# subordinate clauses: "Although the move suits Farrell, Lindsay said …".
LEADING_PHRASE = frozenset("""
    in on at during despite following under with without unlike having amid throughout within as
""".split()) | SUBORDINATORS


def lead_word(text: str, start: int, hi: int) -> tuple[str, int] | None:
    """The first word of the sentence at ``start``, lower-cased, after up to two lead-ins ("But even
    before …" -> "before"), with where it ends; None for no word."""
    words = _words(text, start, min(hi, start + 60))[:3]
    k = 0
    while k < min(2, len(words) - 1) and words[k][0].lower() in LEAD_INS:
        k += 1
    return (words[k][0].lower(), words[k][2]) if words else None


MONTHS = frozenset("january february march april may june july august september october november december".split())
# Common verbs that follow a subject: "Lloyd Austin met …", "The album Exodus came out …".
COMMON_VERBS = frozenset("""
    is was are were has had have will would can could may might must should did does met won led
    ran got made took gave said told came went began became left put set saw knew thought lost
""".split())


_NEXT_MARK = re.compile(r"[,.;:!?\n]")


def _aside_at(text: str, pos: int) -> bool:
    """Is the attribution at ``pos`` set off inside its sentence ("…, it says, safer shipping"), a comma
    coming before the sentence's end?"""
    m = _NEXT_MARK.search(text, pos, pos + 60)
    return m is not None and m.group() == ","


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Where the sentence holding ``pos`` begins (not before ``lo``, at most 300 characters back)."""
    i = pos
    limit = max(lo, pos - 300)
    while i > limit:
        c = text[i - 1]
        if c == "\n" or c in "!?" or (c == "." and _is_sentence_dot(text, i - 1)):
            break
        i -= 1
    while i < pos and text[i] in " \t\n\"“”":
        i += 1
    return i


def _name_tokens(tokens: list, start: int) -> list:
    """The capitalised words (and name particles) from ``tokens[start]`` on: a name's tokens."""
    named = []
    for t in tokens[start:]:
        if _is_cap(t[0]) or (named and t[0] in NAME_CONNECTORS):
            named.append(t)
        else:
            break
    return named


# Lowercase words that cannot be a role between a body and a person's name.
_NOT_ROLE_WORDS = frozenset("of for from at with by and or to the a an its his her their".split())


# Words that open an object, so that the lowercase word before them is a verb: "The pair spent four days …".
_OBJECT_OPENER = re.compile(r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|an|the|his|her|their|its")


def _sentence_subject(text: str, lo: int, pos: int) -> str | None:
    """The subject that opens the sentence holding ``pos``: a name, "he"/"she", or "the …" phrase."""
    ss = _sentence_start(text, lo, pos)
    tokens = _words(text, ss, pos)
    while tokens and tokens[0][0].lower() in ("but", "and", "however", "meanwhile", "yet", "so", "now"):
        tokens = tokens[1:]
    if tokens and (tokens[0][0].lower() in LEADING_PHRASE or (
        tokens[0][0].endswith("ing") and len(tokens) > 1 and tokens[1][0].islower()
    )):
        # "In its bulletin, it flagged …", "Speaking in Lima, Mr Saldarriaga said …": the subject follows the comma.
        comma = text.find(",", tokens[0][1], min(pos, tokens[0][1] + 100))
        if comma > 0:
            tokens = [t for t in tokens if t[1] > comma]
        elif tokens[0][0].lower() in LEADING_PHRASE - SUBORDINATORS:
            # "During his speech Mr Allard took …": a short phrase with no comma, then the name that is the subject.
            j = next((j for j, t in enumerate(tokens[1:6], 1) if _is_cap(t[0])), None)
            if j and j >= 2 and all(t[0].islower() and t[0].isalpha() for t in tokens[1:j]):
                tokens = tokens[j:]
    if not tokens:
        return None
    w0 = tokens[0][0]
    if w0.islower() and w0 not in DETERMINERS and w0 not in PRONOUNS:
        # "But novelist Gore Vidal defended …": lowercase role words before the name.
        k = next((k for k, t in enumerate(tokens[:4]) if _is_cap(t[0])), 0)
        if k and all(t[0].isalpha() and t[0] not in NP_STOP and t[0] not in COMMON_VERBS and not t[0].endswith("ly")
                     for t in tokens[:k]):
            run = [tokens[k]]
            for t in tokens[k + 1:]:
                if _is_cap(t[0]) or t[0] in NAME_CONNECTORS:
                    run.append(t)
                else:
                    break
            name = _name_from_run(run, text)
            if _is_person(name) and not POSSESSIVE.search(run[-1][0]):
                return name
        return None
    if w0.lower() in PRONOUNS:
        return PRONOUN_MARK[w0.lower()]
    if w0.lower() in DETERMINERS:
        np = tokens[:1]
        for k, t in enumerate(tokens[1:7], 1):
            lw = t[0].lower()
            if lw in ("of", "for") and _is_cap(np[-1][0]) and k + 1 < len(tokens) and _is_cap(tokens[k + 1][0]):
                np.append(t)  # "The Muslim Council of Britain has complained": "of" inside a name goes on
                continue
            if lw in NP_STOP or lw in COMMON_VERBS or lw in SUBJECT_TRAILERS or lw in ("of", "from", "for") or (
                t[0].islower() and lw.endswith("ly") and len(lw) > 4
            ) or (
                t[0].islower() and (lw.endswith("ed") or (k >= 2 and lw.endswith("s") and not lw.endswith("ss")))
            ) or (
                k >= 2 and t[0].islower() and k + 1 < len(tokens) and _OBJECT_OPENER.fullmatch(tokens[k + 1][0])
                and not text[t[2]:tokens[k + 1][1]].strip()
            ):
                break  # "The firm expects", "the record holder believes", "the album Exodus came", "the pair spent four"
            np.append(t)
        if len(np) < 2:
            return None
        phrase = text[np[0][1]:np[-1][2]]
        return phrase[0].lower() + phrase[1:]
    run = []
    for t in tokens:
        if run and "," in text[run[-1][2]:t[1]]:
            break  # "Colin MacIntyre, of Mull Historical Society, …": the name ends at its comma
        if _is_cap(t[0]) or (run and t[0] in NAME_CONNECTORS):
            run.append(t)
        else:
            break
    if not run or POSSESSIVE.search(run[-1][0]):
        return None
    k = len(run)
    role_end = next((j for j in range(k, min(len(tokens), k + 4)) if _is_cap(tokens[j][0])), None)
    if k <= 2 and role_end is not None and role_end > k and not any(
        c in text[run[-1][2]:tokens[role_end][1]] for c in ",;:()-–—\"“”"
    ) and all(
        t[0].islower() and t[0].isalpha() and t[0] not in NP_STOP and t[0] not in COMMON_VERBS
        and t[0] not in NAME_CONNECTORS and t[0] not in _NOT_ROLE_WORDS and not t[0].endswith(("ed", "ly"))
        for t in tokens[k:role_end]
    ):
        # "Ireland hooker Shane Byrne echoed …", "Chelsea manager Jose Mourinho said": a body, its person's role in
        # lowercase words, and the person's name (two words at least), who is the subject.
        named = _name_tokens(tokens, role_end)
        name = _name_from_run(named, text) if not POSSESSIVE.search(named[-1][0]) else None
        if name and len(name.split()) >= 2 and _is_person(name):
            return name
    if k == 1 and run[0][0].lower() in NATIONALITIES:
        # "Finnish security firm F-Secure issued …": a nationality and a lowercase description before the name.
        j = next((j for j in range(k, min(len(tokens), k + 4)) if _is_cap(tokens[j][0])), None)
        if j is not None and j > k and all(t[0].islower() and t[0].isalpha() for t in tokens[k:j]) and (
            tokens[j - 1][0] in ORG_WORDS or tokens[j - 1][0] in ROLE_NOUNS or tokens[j - 1][0] in TITLE_NOUNS
        ):
            named = _name_tokens(tokens, j)
            if not POSSESSIVE.search(named[-1][0]):
                name = _name_from_run(named, text)
                if name:
                    return name
    # "France coach Bernard Laporte believes …": a body, a role noun, then the person who holds it.
    j = next((j for j in range(k, min(len(tokens), k + 3)) if tokens[j][0] in TITLE_NOUNS or tokens[j][0] in ROLE_NOUNS), None)
    if j is not None and all(t[0].islower() and t[0].isalpha() for t in tokens[k:j + 1]):
        person = _name_tokens(tokens, j + 1)
        name = _name_from_run(person, text) if person and not POSSESSIVE.search(person[-1][0]) else None
        if _is_person(name) and len(name.split()) >= 2:
            return name
    return _name_from_run(run, text)
