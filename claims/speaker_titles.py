"""A title used as a name: "the Bishop said", "the Prime Minister added" for the person named with that title.

News names a person once with their title ("The Bishop of Durham, the Rt Rev Dr Tom Wright, …", "Chancellor
Gordon Brown …") and then calls them by the title alone, capitalised: "the Bishop said …", "according to the
Chancellor".  ``titled_person`` finds, before the description, the latest place the title stands right before a
person the article names (in the same sentence, at most ``_REACH`` characters ahead): that person speaks.
"""

from __future__ import annotations

import bisect
import re

from claims.speech_words import ROLE_NOUNS, TITLE_NOUNS

__all__ = ["title_of", "titled_person"]

# "the Bishop", "the Prime Minister", "the Chief Constable": "the" and one to three capitalised words.
_TITLED = re.compile(r"(?:the|The) ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)")
_REACH = 60


def title_of(speaker: str | None) -> str | None:
    """ "the Bishop" -> "Bishop"; None unless the phrase is "the" and a capitalised title or role."""
    m = _TITLED.fullmatch(speaker or "")
    if not m or m.group(1).split()[-1].lower() not in TITLE_NOUNS | ROLE_NOUNS:
        return None
    return m.group(1)


def titled_person(people, pos: int, speaker: str | None) -> str | None:
    """For a title used as a name (``title_of``) at ``pos``, the person named right after that title last before
    ``pos`` (``people``: a ``claims.people.People``); None otherwise."""
    title = title_of(speaker)
    if title is None:
        return None
    text = people.text
    for m in reversed(list(re.compile(r"\b" + re.escape(title) + r"\b").finditer(text, 0, pos))):
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
