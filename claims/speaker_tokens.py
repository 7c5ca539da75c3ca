"""Tokens, clauses and names in attribution text: the reading :mod:`claims.speakers` builds its rules on.

Word tokens with absolute offsets (a sentence-final dot dropped, abbreviations kept), runs of
capitalised words (``cap_runs``: split where a sentence ends inside one), where a clause starts, and a speaker's name from a run of capitalised words
(noise and titles before the name dropped) or a description ("a senior U.S. defense official").
Pure standard library; the word lists are in :mod:`claims.speech_words`.
"""

from __future__ import annotations

import re

from claims.speech_words import (
    ABBREVIATIONS,
    CAP_RUN,
    CLAUSE_BOUNDARY,
    CLAUSE_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    LEADING_NOISE,
    NAME_CONNECTORS,
    NP_STOP,
    NATIONALITIES,
    NATIONALITY_NOUNS,
    ORG_WORDS,
    POSSESSIVE,
    ROLE_NOUNS,
    TITLE_NOUNS,
    TITLE_WORDS,
    TOKEN,
)

def _is_abbreviation(word: str) -> bool:
    """Does the trailing dot of ``word`` belong to it ("U.S.", "Mr.", "J.")?"""
    core = word[:-1]
    return "." in core or len(core) == 1 or core.lower() in ABBREVIATIONS


def _is_sentence_dot(text: str, k: int) -> bool:
    """Is the "." at ``k`` the end of a sentence (followed by space, not an abbreviation)?"""
    if k + 1 < len(text) and not text[k + 1].isspace() and text[k + 1] not in "”\"’)":
        return False
    j = k
    while j > 0 and j > k - 12 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:k + 1]
    return not (word and word[0].isalpha() and _is_abbreviation(word))


def _words(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """The word tokens of text[lo:hi] with absolute offsets; a sentence-final dot is dropped."""
    out = []
    for m in TOKEN.finditer(text, lo, hi):
        if m["w"] is None:
            continue
        w, s, e = m["w"], m.start(), m.end()
        if w.endswith(".") and not _is_abbreviation(w):
            w, e = w[:-1], e - 1
        out.append((w, s, e))
    return out


def _run_words(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """``_words`` for a run of capitalised words (CAP_RUN: words split by blanks), faster."""
    out = []
    pos = lo
    for w in text[lo:hi].split():
        i = text.find(w, pos)
        j = pos = i + len(w)
        while w and w[-1] in "’'-":
            w, j = w[:-1], j - 1
        end = w.endswith(".") and not _is_abbreviation(w)
        if end:
            w, j = w[:-1], j - 1
        if w:
            out.append((w, i, j))
        if end:
            break  # "Steve Martin. If": the sentence ends the run
    return out


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause that ends at ``pos`` begins (a comma, a dash, a quote mark, a sentence end)."""
    i = pos
    limit = max(lo, pos - 160)
    while i > limit:
        c = text[i - 1]
        if c == "," and i >= 2 and text[i - 2].isdigit() and text[i:i + 1].isdigit():
            pass  # "a survey of 1,300 bosses": a thousands comma ends no clause
        elif c in CLAUSE_BOUNDARY:
            return i
        if c == "." and _is_sentence_dot(text, i - 1):
            return i
        i -= 1
    return limit


def _clause_start_past_brackets(text: str, lo: int, pos: int) -> int:
    """As ``_clause_start``, but a bracketed one-word abbreviation inside the clause does not end it:
    "Ann Reed, head of Acme Games (AG) in Leeds, told …" is one appositive."""
    i = _clause_start(text, lo, pos)
    while i > lo and text[i - 1] == ")":
        k = text.rfind("(", max(lo, i - 16), i - 1)
        inside = text[k + 1:i - 1] if k >= 0 else ""
        if not inside or not inside.isalnum() or not any(c.isupper() for c in inside):
            break
        i = _clause_start(text, lo, k)
    return i


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _is_descriptor(word: str) -> bool:
    """A word that describes rather than names: "Russian", "Frenchman", "NATO", "Deputy"."""
    lw = word.lower()
    return lw in NATIONALITIES or lw in TITLE_WORDS or _is_acronym(word) or _is_nation_noun(lw)


def _is_nation_noun(word: str) -> bool:
    """ "Frenchman", "Dane", "Americans": a person (or people) of a nation, as a word before a name."""
    return word in NATIONALITY_NOUNS or (word.endswith("s") and (word[:-1] in NATIONALITIES or word[:-1] in NATIONALITY_NOUNS))


def _name_from_run(run: list[tuple[str, int, int]], text: str) -> str | None:
    """A speaker from a run of capitalised words: drop leading noise, then titles before a name."""
    while run and run[0][0].lower() in LEADING_NOISE:
        run = run[1:]
    while run and run[-1][0].lower() in NAME_CONNECTORS:
        run = run[:-1]
    if not run:
        return None
    # The personal name: trailing capitalised words that are no title, nationality or organisation.
    k = len(run)
    while k > 0:
        w = run[k - 1][0]
        lw = w.lower()
        if (
            not _is_cap(w)
            or lw in TITLE_WORDS
            or lw in ORG_WORDS
            or lw in NATIONALITIES
            or _is_acronym(w)
            or (k <= len(run) - 2 and _is_nation_noun(lw))  # "Frenchman Cyril Saulnier" (but "Dane Bowers")
        ):
            break
        k -= 1
    if k < len(run) and (k == 0 or run[k - 1][0].lower() not in NAME_CONNECTORS):
        run = run[k:]
    return text[run[0][1]:run[-1][2]]


def _trailing_run(tokens: list[tuple[str, int, int]]) -> int:
    """Index where the trailing run of capitalised words (with connectors) starts."""
    i = len(tokens)
    while i > 0 and len(tokens) - i < 9:
        w = tokens[i - 1][0]
        if _is_cap(w) and not POSSESSIVE.search(w):
            i -= 1
        elif w in NAME_CONNECTORS and i - 1 > 0 and i < len(tokens) and _is_cap(tokens[i - 2][0]):
            i -= 1
        else:
            break
    return i


def _descriptive(tokens: list[tuple[str, int, int]], text: str) -> str | None:
    """ "who a senior U.S. defense official" -> "a senior U.S. defense official"."""
    phrase = _descriptive_span(tokens, text)
    if phrase and phrase.split()[0] in ("The", "A", "An", "One", "Another", "Two", "Several", "Some"):
        return phrase[0].lower() + phrase[1:]  # "The ministry said" -> "the ministry"
    return phrase


# Lowercase heads that follow a body's name with no determiner: "Broadcast magazine", "Tory headquarters".
_NAMED_BODY_HEADS = frozenset("magazine newspaper paper website journal channel network station studio label airline headquarters".split())


def _descriptive_span(tokens: list[tuple[str, int, int]], text: str) -> str | None:
    if len(tokens) >= 4 and tokens[0][0].lower() in DETERMINERS and tokens[1][0] in ROLE_NOUNS | TITLE_NOUNS and (
        tokens[2][0] in ("for", "of", "at") and len(tokens) <= 14
    ):
        # "A spokesman for the Association of Payment and Clearing Services": a role and the body it speaks
        # for, whose name may hold "and" and run longer than a description otherwise does.
        return text[tokens[0][1]:tokens[-1][2]]
    first = 0
    for i, (w, _, _) in enumerate(tokens):
        if w.lower() in CLAUSE_WORDS:
            first = i + 1
    tokens = tokens[first:]
    for i, (w, _, _) in enumerate(tokens[:-3]):
        # "who a spokesman for the World Summit for the Information Society": the same after a clause word.
        if w.lower() in DETERMINERS and tokens[i + 1][0] in ROLE_NOUNS | TITLE_NOUNS and (
            tokens[i + 2][0] in ("for", "of", "at") and len(tokens) - i <= 14
        ):
            return text[tokens[i][1]:tokens[-1][2]]
    for i, (w, _, _) in enumerate(tokens):
        # A determiner, or a possessive standing for one: "Russia’s foreign minister".
        opens = w.lower() in DETERMINERS or (POSSESSIVE.search(w) and _is_cap(w))
        if opens and len(tokens) - i <= 8 and i < len(tokens) - 1:
            if not POSSESSIVE.search(w) or tokens[-1][0].lower() in TITLE_NOUNS | ROLE_NOUNS | ORG_WORDS | DOCUMENT_NOUNS:
                return text[tokens[i][1]:tokens[-1][2]]
    if tokens and tokens[-1][0].lower() in ROLE_NOUNS and len(tokens) <= 4:
        return text[tokens[0][1]:tokens[-1][2]]
    if 2 <= len(tokens) <= 4 and tokens[-1][0] in _NAMED_BODY_HEADS and all(_is_cap(w) for w, _, _ in tokens[:-1]):
        return text[tokens[0][1]:tokens[-1][2]]  # "Broadcast magazine said": a name and the kind of body it is
    if tokens and tokens[-1][0] in DOCUMENT_NOUNS and len(tokens) <= 3 and all(w.isalpha() for w, _, _ in tokens):
        return text[tokens[0][1]:tokens[-1][2]]  # "Latest figures suggest …", "Official data says …"
    if 1 <= len(tokens) <= 3 and all(w.isalpha() and w.islower() and w not in _NOT_PLURAL_NOUNS for w, _, _ in tokens):
        head, verb = tokens[-1][0], _NEXT_WORD.match(text, tokens[-1][2])
        plural = head.endswith("s") and not head.endswith(("ss", "us", "is", "wards", "ways"))
        if head in _COLLECTIVE_HEADS or (plural and not (verb and verb.group(1).endswith("s"))):
            # "but engineers said …", "…, local press reports": many, as written; not "… and phones only adds":
            # a plural does not take "adds" or "says".
            return text[tokens[0][1]:tokens[-1][2]]
    return None


# Lowercase heads that stand for many without a plural ending: "local press reports".
_COLLECTIVE_HEADS = frozenset("press police staff public media".split())
# Words ending in "s" that are no plural noun, besides NP_STOP: "afterwards said", "perhaps".
_NOT_PLURAL_NOUNS = NP_STOP | frozenset("perhaps sometimes besides nevertheless thus yes this his its hers ours theirs does".split())
# The verb after a subject, past adverbs: "phones only adds".
_NEXT_WORD = re.compile(r"(?:[ \t]+(?:[a-z]+ly|also|still|now|then))*[ \t]+([a-z]+)\b")


def cap_runs(text: str):
    """(start, end, words) of each run of capitalised words, split where a sentence ends inside one:
    "… said Thomas. Henson, surveying …" gives "Thomas" and "Henson …", not "Thomas" alone."""
    for m in CAP_RUN.finditer(text):
        start, end = m.start(), m.end()
        while start < end:
            run = _run_words(text, start, end)
            stop = run[-1][2] if run else end
            if stop >= end or text[stop:stop + 1] != "." or stop + 2 > end:
                yield start, end, run
                break
            yield start, stop + 1, run  # the run ends with its sentence; the next one starts a new run
            k = stop + 1
            while k < end and text[k].isspace():
                k += 1
            rest = CAP_RUN.match(text, k, end)
            if rest is None:
                break
            start = rest.start()
