"""Sentence splitting with exact offsets.

A sentence ends at ., ! or ? (optionally followed by closing quotes or brackets) when the next
character starts a new sentence: an upper-case letter, a digit or an opening quote. Paragraph
breaks (a blank line) always end a sentence. Known abbreviations ("U.S.", "Mr.", "St.") and
initials do not end one. Joining the sentences' spans with what lies between them gives back the
text (pySBD's round trip).
"""

from __future__ import annotations

import re

from claims.model import Sentence

__all__ = ["split_sentences"]

# Abbreviations after which a full stop does not end the sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st sr jr hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    no nos vs etc inc ltd co corp dept univ est approx fig al
    """.split()
)

# A candidate sentence end: terminal punctuation, any closing quotes/brackets, then white space.
_END = re.compile(
    r"""
    [.!?]+                  # the terminal punctuation
    ["'”’)\]]*              # closing quotes or brackets that belong to this sentence
    (?=\s)                  # must be followed by white space
    """,
    re.VERBOSE,
)
# What the next sentence may start with.
_NEXT_START = re.compile(r"""\s+["'“‘(\[]?[A-Z0-9]""")
# A paragraph break: a line break followed by optional spaces and another line break.
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n")
# The word before a full stop, to test for abbreviations and initials ("U.S.", "J.").
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])([A-Za-z]+(?:\.[A-Za-z]+)*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at ``dot`` part of an abbreviation or an initial?"""
    if text[dot] != ".":
        return False
    word = _WORD_BEFORE.search(text[max(0, dot - 24) : dot])
    if not word:
        return False
    token = word.group(1)
    if "." in token:  # "U.S", "e.g" — dotted abbreviations
        return True
    if len(token) == 1:  # an initial: "J. Smith"
        return token.isupper()
    return token.lower() in ABBREVIATIONS


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences whose offsets index ``text``; white space is trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text, start, end):
        cursor = para_start
        for match in _END.finditer(text, para_start, para_end):
            stop = match.end()
            if not _NEXT_START.match(text, stop, para_end):
                continue
            if _is_abbreviation(text, match.start()) and match.group() == ".":
                continue
            spans.append((cursor, stop))
            cursor = stop
        spans.append((cursor, para_end))
    sentences = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append(Sentence(text[s:e], s, e))
    return sentences


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    cursor = start
    for match in _PARAGRAPH.finditer(text, start, end):
        bounds.append((cursor, match.start()))
        cursor = match.end()
    bounds.append((cursor, end))
    return bounds
