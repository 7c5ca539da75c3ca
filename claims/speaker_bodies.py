"""Descriptions of one body that is named elsewhere: "the company", "the firm", "the net firm".

News names a company once and then goes on with a description of it ("Marsh said …. The company
added …"); ``is_body_description`` tells such a description, and ``FROM_BODY`` finds the body named
in a phrase leading up to it in its sentence ("In a statement from Lycos Europe, the company denied
…"). claims.people resolves them. Pure standard library.
"""

from __future__ import annotations

import re

from claims.speech_words import NATIONALITIES

__all__ = ["BODY_HEADS", "FROM_BODY", "is_body_description"]

# "from Lycos Europe" in a phrase leading up to a description of a body: the body named.
FROM_BODY = re.compile(r"(?<![\w’'-])(?:from|by)[ \t]+((?:[A-Z][\w&’'.-]*[ \t]*)+)")
# Heads of a description of one body that is named elsewhere: "the company", "the net firm", "the software giant",
# "the chip maker", "the broadcaster".
BODY_HEADS = frozenset("company firm giant corporation maker retailer broadcaster airline carmaker insurer developer publisher".split())


def is_body_description(phrase: str | None) -> bool:
    """ "the company", "the net firm", "the US firm", "the Japanese gaming giant": "the", at most two
    lowercase words or nationalities, and a body head."""
    words = (phrase or "").split()
    return (
        2 <= len(words) <= 4 and words[0].lower() == "the" and words[-1] in BODY_HEADS
        and all((w.islower() and w.isalpha()) or w.lower() in NATIONALITIES for w in words[1:])
    )
