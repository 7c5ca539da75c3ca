"""A title used as a name: "the Bishop said", "the Prime Minister added" for the person named with that title.

News names a person once with their title ("The Bishop of Durham, the Rt Rev Dr Tom Wright, …", "Chancellor
Gordon Brown …") and then calls them by the title alone, capitalised: "the Bishop said …", "according to the
Chancellor".  ``titled_person`` finds, before the description, the latest place the title stands right before a
person the article names (in the same sentence, at most ``_REACH`` characters ahead): that person speaks.
"""

from __future__ import annotations

import bisect
import re

from claims.speech_words import KIN_NOUNS, ROLE_NOUNS, TITLE_NOUNS

__all__ = ["is_kin", "title_of", "titled_person"]

# "the Bishop", "the Prime Minister", "the Chief Constable": "the" and one to three capitalised words.
_TITLED = re.compile(r"(?:the|The) ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)")
_REACH = 60
# "his son", "her sister": a kin noun after a possessive pronoun, standing for a person named with it before.
_KIN_SPEAKER = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir) (" + "|".join(sorted(KIN_NOUNS)) + ")")


def title_of(speaker: str | None) -> str | None:
    """ "the Bishop" -> "Bishop"; None unless the phrase is "the" and a capitalised title or role."""
    m = _TITLED.fullmatch(speaker or "")
    if not m or m.group(1).split()[-1].lower() not in TITLE_NOUNS | ROLE_NOUNS:
        return None
    return m.group(1)


def is_kin(speaker: str | None) -> bool:
    """ "his son", "her sister": a person named by their kin word (``titled_person`` finds whom)."""
    return _KIN_SPEAKER.fullmatch(speaker or "") is not None


def titled_person(people, pos: int, speaker: str | None) -> str | None:
    """For a title used as a name (``title_of``) at ``pos``, the person named right after that title last before
    ``pos`` (``people``: a ``claims.people.People``); for "his son" or "her sister", the person named right after
    that word ("Mr Nogar's son Stephen, 57, said …. “…,” his son said": Stephen); None otherwise."""
    title = title_of(speaker)
    kin = _KIN_SPEAKER.fullmatch(speaker or "") if title is None else None
    if kin is not None:
        title = kin.group(1).lower()
    if title is None:
        return None
    text = people.text
    for m in reversed(list(re.compile(r"\b" + re.escape(title) + r"\b").finditer(text, 0, pos))):
        if kin is not None:
            k = bisect.bisect_left(people.positions, m.end())
            if k < len(people.positions) and people.positions[k] < pos and not people.quoted(m.start()) and (
                text[m.end():people.positions[k]] == " "
            ):
                return people._items[k][0]  # "son Stephen": the one word after the kin noun is the name
            continue
        if people.quoted(m.start()):
            continue
        k = bisect.bisect_left(people.positions, m.end())
        if k == len(people.positions):
            continue
        at = people.positions[k]
        name = people._items[k][0]
        if at - m.end() <= _REACH and at < pos and people.sentence_of(at) == people.sentence_of(m.start()) and (
            len(name.split()) >= 2 and title not in name
        ):
            return name
    return None
