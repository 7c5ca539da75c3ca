"""The speaker named after the speech verb: "said Russian deputy foreign minister Alexander Grushko",
"according to figures gathered by Netcraft", "…, says the BBC's Ann Reed in Rome.", "said Opera
spokeswoman, Berit Hanson".

Reads the noun phrase that follows an inverted verb or "according to" (``_forward_np``): roles
between a body and a name ("said Newry boss Roy McCreadie"), a body's possessive before a person
("says the BBC's Ann Reed"), documents and their sources ("a statement from the US Department of
Defense"), two names joined by "and"; whether such a verb after a comma is inverted at the end of
its sentence (``_inverted_at_end``); and a name after a role and a comma (``_named_after``).

Used by :mod:`claims.speakers` (which finds the verbs) and :mod:`claims.quotes`. Pure standard
library; linear in the length of the phrase read.
"""

from __future__ import annotations

import re

from claims.speaker_gender import PERSON_NOUNS, name_gender
from claims.speaker_names import is_person, is_pronoun, joined_names, person_of_body
from claims.speaker_tokens import _is_abbreviation, _is_cap, _is_descriptor, _name_from_run, _trailing_run
from claims.speech_words import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    KIN_NOUNS,
    LISTENER_VERBS,
    NAME_CONNECTORS,
    NP_STOP,
    ORG_WORDS,
    POSSESSIVE,
    PRONOUN_MARK,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_NOUNS,
    TITLE_WORDS,
    TOKEN,
    WEB_NAME,
)

__all__ = ["_forward_np", "_inverted_at_end", "_named_after"]


# A lowercase noun for someone who does something, by its ending: "archivist", "historian", "man" ("said Florida state
# archivist Jody Norman", "said Ulster man Humphreys").
_AGENT_NOUN = re.compile(r"(?:ist|ian|man|woman)$")


def _role_then_name(tokens: list, k: int) -> bool:
    """Do tokens[k:] hold a role of lowercase words ending in a title noun, then a capitalised name
    ("boss Roy McCreadie", "chief operating officer Jonathan Schwartz", "founder and director Elliot Grove")?"""
    for j in range(k, min(len(tokens), k + 6)):
        w = tokens[j]["w"]
        if w is not None and _is_cap(w) and j - k < 1 and not POSSESSIVE.search(w) and w.lower() not in NP_STOP:
            continue  # "BBC pundit Steve Cram": the body of the role before it
        if w == "and" and j > k and _is_role_word(tokens[j - 1]["w"]):
            continue  # "chairman and chief executive Terry Leahy": two roles of one person
        if w is None or _is_cap(w) or w.lower() in NP_STOP:
            return False
        if _is_role_word(w):
            nxt = tokens[j + 1]["w"] if j + 1 < len(tokens) else None
            if nxt and _is_cap(nxt) and not POSSESSIVE.search(nxt):
                return True
    return False


def _is_role_word(w: str | None) -> bool:
    """Is ``w`` a title or role noun or an agent noun ("boss", "director", "campaigner")?"""
    return w is not None and (w.lower() in TITLE_NOUNS or w.lower() in ROLE_NOUNS or bool(_AGENT_NOUN.search(w.lower())))


def _person_named(np: list) -> bool:
    """Do the words (a title allowed first) open with a known first name and go on with a surname?"""
    words = [w for w, _, _ in np]
    while words and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return len(words) >= 2 and name_gender(words[0].lower()) is not None


def _role_alone(tokens: list, k: int) -> bool:
    """Do tokens[k:] hold one role or family word and then punctuation ("according to Bellamy's agent,")?"""
    w = (tokens[k]["w"] or "") if k < len(tokens) else ""
    ends = w.endswith(".") or k + 1 >= len(tokens) or tokens[k + 1]["w"] is None
    return w.rstrip(".").lower() in ROLE_NOUNS | TITLE_NOUNS | KIN_NOUNS and ends


def _person_follows(tokens: list, k: int) -> bool:
    """Do tokens[k:] open with a person's name of two capitalised words ("Total Film's Jamie Graham")?"""
    words = [m["w"] for m in tokens[k:k + 2]]
    return len(words) == 2 and all(w and _is_cap(w) and not POSSESSIVE.search(w) for w in words) and is_person(" ".join(words))


def _forward_np(text: str, pos: int, hi: int) -> str | None:
    """The speaker phrase that starts at ``pos``: "said Russian … Alexander Grushko earlier …"."""
    np: list[tuple[str, int, int]] = []
    tokens = list(TOKEN.finditer(text, pos, min(hi, pos + 160)))
    skip_to = 0
    for k, m in enumerate(tokens):
        if k < skip_to:
            continue
        if m["w"] is None or len(np) == 9:
            break
        w, s, e = m["w"], m.start(), m.end()
        dot_end = w.endswith(".") and (not _is_abbreviation(w) or bool(WEB_NAME.fullmatch(w[:-1])))
        if dot_end:
            w, e = w[:-1], e - 1
        lw = w.lower()
        nxt = tokens[k + 1]["w"] if k + 1 < len(tokens) else None
        if np and lw in ("from", "by", "of") and np[-1][0].lower() in DOCUMENT_NOUNS:
            np = []  # "a statement from the US Department of Defense": the source follows
            continue
        if (
            np and np[-1][0].lower() in DOCUMENT_NOUNS and np[0][0].lower() not in DETERMINERS
            and w.islower() and lw.endswith("ed")
        ):
            # "figures gathered by Netcraft": the source after "by"; "figures released on Tuesday": the figures.
            by = next((j for j in range(k + 1, min(len(tokens), k + 6)) if tokens[j]["w"] == "by"), None)
            if by is None:
                break
            np, skip_to = [], by + 1
            continue
        if np and w.islower() and lw.endswith("ed") and nxt == "by":
            break  # "said one analyst quoted by the AFP news agency": the participle's phrase is not the speaker's
        if np and _is_cap(np[-1][0]) and not _is_cap(w) and _role_then_name(tokens, k):
            pass  # "said Newry boss Roy McCreadie": a role between the body and the name goes on
        elif lw == "and" and np and not any(_is_cap(t[0]) and t[0].lower() not in PERSON_NOUNS for t in np) and (
            _role_then_name(tokens, k + 1)
        ):
            pass  # "warns former programmer and technology analyst Tom Hale", "former Olympian and BBC pundit X"
        elif lw == "and" and np and _is_role_word(np[-1][0]) and _role_then_name(tokens, k + 1):
            pass  # "said BIFA founder and director Elliot Grove": two roles of one person
        elif lw == "and" and np and _is_cap(np[-1][0]) and (_is_cap(np[0][0]) or np[0][0].lower() in DETERMINERS) and (
            nxt and _is_cap(nxt) and nxt != "I"
        ):
            pass  # "according to Pew Internet and American Life", "said Apple and Motorola": one name, or one pair
        elif lw == "of" and len(np) >= 2 and _is_cap(np[-1][0]) and is_person(text[np[0][1]:np[-1][2]]) and (
            _person_named(np)
        ):
            break  # "explained Dr Doug Williams of BT": a person's name ends before the body they are of
        elif lw in NAME_CONNECTORS:
            if not (nxt and _is_cap(nxt) and ((np and _is_cap(np[-1][0])) or (np and w[:1].isupper()))):
                break  # "of" goes on only inside a name: "Secretary of Defense"; "Le" opens one: "the daily Le Matin"
        elif lw in NP_STOP and not (lw in _WEEKDAYS and np and _is_cap(w) and nxt and _is_cap(nxt)):
            break  # "said on Sunday" ends the phrase; "according to the Sunday Times" goes on
        elif (
            np
            and _is_cap(np[-1][0])
            and not _is_cap(w)
            and np[0][0].lower() not in DETERMINERS
            and not all(_is_descriptor(t[0]) for t in np)
            and not (POSSESSIVE.search(np[-1][0]) and _role_alone(tokens, k))  # "according to Bellamy's agent,"
        ):
            # "said Grushko earlier" -- a lowercase word after a name ends it; after
            # "Russian" or "NATO" it goes on ("Russian state media RIA Novosti").
            break
        if POSSESSIVE.search(w) and not (np and np[0][0].lower() in DETERMINERS):
            if not _role_then_name(tokens, k + 1) and not _person_follows(tokens, k + 1) and not _role_alone(tokens, k + 1):
                # "said the alliance’s chief" reads on; "Lavrov’s comments" is no speaker; "said Sun's chief
                # operating officer Jonathan Schwartz" reads on to the name.
                cut = next((j for j, t in enumerate(np) if t[0] == "of"), None)
                if cut is None or not is_person(text[np[0][1]:np[cut - 1][2]]):
                    return None
                np = np[:cut]  # "explains Herbert Hansen of Respond's Belgian partner Keyobs": Herbert Hansen
                break
        np.append((w, s, e))
        if dot_end:
            break
    if not np:
        return None
    if len(np) == 1 and WEB_NAME.fullmatch(np[0][0]):
        return np[0][0]  # "says gamesindustry.biz"
    first = np[0][0].lower()
    if first in PRONOUNS and len(np) == 1:
        return PRONOUN_MARK[first]
    if first in DETERMINERS:
        k = next((k for k, t in enumerate(np) if POSSESSIVE.search(t[0])), None)
        if k is not None and k + 2 < len(np) + 1 and _is_cap(np[-1][0]):
            # "says the BBC's Ann Reed": the person after the body's possessive.
            named = _name_from_run(np[k + 1 + _trailing_run(np[k + 1:]):], text)
            if named and is_person(named) and len(named.split()) >= 2:
                return named
        return text[np[0][1]:np[-1][2]]
    if _is_cap(np[-1][0]):
        if any(t[0] == "and" and _is_cap(np[i - 1][0]) and np[i - 1][0].lower() not in PERSON_NOUNS for i, t in enumerate(np) if i):
            return joined_names(np, text)
        return person_of_body(np, text) or _name_from_run(np[_trailing_run(np):], text)
    if np[-1][0].lower() in TITLE_NOUNS or np[-1][0].lower() in ORG_WORDS:
        # "said RNID technology director, Ann Reed": a role after an acronym, then the name in apposition;
        # "said BA director of commercial planning, Robert Boyle": after the role's own "of" phrase too;
        # "according to figures gathered by industry watchdog, Ofcom": a body's description, then its name.
        tail = _ROLE_OF.match(text, np[-1][2], hi)
        if tail:
            named = _forward_np(text, tail.end(), hi)
            if named and is_person(named) and not is_pronoun(named):
                return named
    if np[-1][0].lower() in ROLE_NOUNS or np[-1][0].lower() in DOCUMENT_NOUNS:
        return text[np[0][1]:np[-1][2]]
    return None


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# After a role: a comma, or the role's own "of"/"for" phrase of lower-case words and a comma.
_ROLE_OF = re.compile(r"(?:[ \t]+(?:of|for)(?:[ \t]+[a-z][\w-]*){1,3})?,[ \t]+")
# What may follow an inverted speaker at the end of its sentence: "…, says Ann Reed in Rome."
_PLACE_TAIL = re.compile(r"(?:[ \t]+(?:in|from|at)(?:[ \t]+[A-Z][\w'’.-]*)+)?[ \t]*(?:[.!?,]|$)")


_OPENING_MARKS = ('"', "“")


def _inverted_at_end(text: str, lo: int, m: re.Match, hi: int) -> tuple[str | None, int]:
    """ "…, which has led to growth, says the BBC's Ann Reed in Rome.": a speech verb right after a comma
    whose speaker follows it and closes the sentence is inverted, whatever the clause before the comma
    (a relative clause there is no subject of this verb)."""
    j = m.start()
    while j > lo and text[j - 1] in " \t":
        j -= 1
    if j <= lo or text[j - 1] != "," or m.group() in LISTENER_VERBS:
        return None, m.start()
    speaker = _forward_np(text, m.end(), hi)
    if not speaker or is_pronoun(speaker):
        return None, m.start()
    k = text.find(speaker, m.end(), hi)
    tail = _PLACE_TAIL.match(text, k + len(speaker), hi) if k >= 0 else None
    if tail is None or (tail.end() == hi and text[hi:hi + 1] in _OPENING_MARKS and text[tail.end() - 1] not in ".!?,"):
        # "Jim Parton, from Families Need Fathers, said the new proposals “lacked compulsion”": a phrase
        # running into a quotation is the subject of the quoted words, not an inverted speaker.
        return None, m.start()
    return _named_after(text, speaker, m.end(), hi), m.start()


# At least one role word before the comma: "said Greg Abbott, Texas attorney general" names Greg Abbott.
_TITLE_THEN_NAME = re.compile(r"(?:[ \t]+[a-z-]+){1,3},[ \t]+(?=[A-Z])")


def _named_after(text: str, speaker: str | None, pos: int, hi: int) -> str | None:
    """ "said Opera spokeswoman, Berit Hanson": the name after a role and a comma."""
    if not speaker or is_pronoun(speaker):
        return speaker
    j = text.find(speaker, pos, hi)
    if j < 0:
        return speaker
    m = _TITLE_THEN_NAME.match(text, j + len(speaker), hi)
    role = text[j + len(speaker):m.end()].strip(" \t,").split() if m else []
    if role and (role[-1] in TITLE_NOUNS or role[-1] in ROLE_NOUNS):
        # "said RNID technology director, Ann Reed": the role ends in its head noun; the words before it
        # ("technology") modify it.
        named = _forward_np(text, m.end(), hi)
        if is_person(named):
            return named
    words = speaker.split()
    if (
        len(words) <= 4 and words[0].lower() in _DESCRIPTION_OPENERS and words[-1].islower()
        and words[-1] in _APPOSITION_HEADS and text[j + len(speaker):j + len(speaker) + 2] == ", "
    ):
        # "said his wife, Sheila", "said the spokeswoman, Ann Reed": the name in apposition to the description.
        named = _forward_np(text, j + len(speaker) + 2, hi)
        if is_person(named) and not is_pronoun(named):
            return named
    return speaker


_DESCRIPTION_OPENERS = frozenset("the a an his her their its".split())
_APPOSITION_HEADS = TITLE_NOUNS | ROLE_NOUNS | KIN_NOUNS
