"""Names and the roles around them: is a speaker a person, and which name a role phrase belongs to.

:mod:`claims.speakers` finds an attribution's subject; this module decides which of the words
there is the speaker when a name comes with its role:

* "Sergei Lavrov, Russia’s foreign minister, said", "Tindall, who signed for Gloucester, told",
  "Edu, 26, added": the name before a phrase set off by commas (``_before_appositive``);
* "Dr Mark Tuffy games systems director at digital content firm THX told": a name, then its role
  without commas, ending in a body after "at"/"of"/"for": the name speaks (``_name_then_role``);
* "Tom Hale, a fund manager at Acme said" (one comma only): the name (``_unclosed_description``,
  ``_unclosed_role``); "A spokesman for the Department for Culture, Media and Sport said": the role,
  whose body's name lists its fields with commas (``_listed_body``);
* ``is_person``: could a speaker be a person's name; ``is_pronoun``/``pronoun_gender``: the
  "he"/"she"/"it"/"they" marks the caller resolves (claims.people).

Pure standard library; never raises.
"""

from __future__ import annotations

import re

from claims.speaker_bodies import BODY_HEADS
from claims.speaker_gender import is_description
from claims.speaker_tokens import (
    _clause_start,
    _descriptive,
    _is_acronym,
    _is_cap,
    _name_from_run,
    _trailing_run,
    _words,
)
from claims.speech_words import (
    DETERMINERS,
    DISCOURSE_ADVERBS,
    LEADING_NOISE,
    NAME_CONNECTORS,
    ORG_WORDS,
    PLACE_WORDS,
    POSSESSIVE,
    PRONOUN_MARK,
    ROLE_NOUNS,
    TITLE_NOUNS,
    TITLE_WORDS,
)

__all__ = ["is_person", "is_pronoun", "pronoun_gender"]

# Past participles that open a phrase about the person before it: "Beckham, born in London, said".
_PARTICIPLES = frozenset("known born seen given chosen taken made led".split())
def is_pronoun(speaker: str | None) -> bool:
    """Is this speaker a "he"/"she" mark, which the caller resolves to a person?"""
    return bool(speaker) and speaker[0] == "\x00"


def pronoun_gender(speaker: str) -> str:
    if speaker == PRONOUN_MARK["they"]:
        return "they"
    return "m" if speaker == PRONOUN_MARK["he"] else "f" if speaker == PRONOUN_MARK["she"] else "it"


# Capitalised words that open sentences but never a name.
_NOT_NAMES = frozenset("i i'm i'd i'll i've like all just personally yeah perhaps maybe please it its they we you there".split())


def is_person(name: str | None) -> bool:
    """Could this speaker be a person's name (capitalised, no organisation word, no acronym)?"""
    if not name or is_pronoun(name):
        return False
    words = name.split()
    if not 1 <= len(words) <= 4 or words[0].lower() in LEADING_NOISE or words[0].lower() in _NOT_NAMES:
        return False
    if not (_is_cap(words[0]) and _is_cap(words[-1])):
        return False
    return all(
        (_is_cap(w) and not _is_acronym(w) and w.lower() not in ORG_WORDS and w.lower() not in PLACE_WORDS)
        or w in NAME_CONNECTORS for w in words
    )  # "Nick Van den Brul"


_is_person = is_person


_ROLE_PREPOSITIONS = frozenset("at of for from with".split())
# Prepositions opening an appositive that says where a person works: "Ann Reed, from Acme, said".
_AFFILIATION = frozenset("from of at".split())
_TITLES = frozenset("mr mrs ms miss dr prof professor sir dame lord lady".split())


def _name_then_role(tokens: list, text: str) -> tuple[str, int] | None:
    """ "Dr Mark Tuffy games systems director at digital content firm THX told": a person's name, then
    their role without commas, ending in a body after "at"/"of"/"for": the name speaks, not the body."""
    k = 0
    while k < len(tokens) and (_is_cap(tokens[k][0]) or (k and tokens[k][0] in NAME_CONNECTORS)):
        k += 1
    if not k or k >= len(tokens) - 2 or POSSESSIVE.search(tokens[k - 1][0]):
        return None
    role = False
    for t in tokens[k:k + 8]:
        w = t[0]
        if _is_cap(w):
            return None
        if w in TITLE_NOUNS or w in ROLE_NOUNS:
            role = True
        elif w in _ROLE_PREPOSITIONS:
            if not role:
                return None
            name = _name_from_run(tokens[:k], text)
            body = _name_from_run(tokens[_trailing_run(tokens):], text)
            titled = tokens[0][0].lower() in _TITLES  # "Dr Ann Lee research director at Acme Labs"
            if _is_person(name) and len(name.split()) >= 2 and (titled or not _is_person(body)):
                return name, tokens[0][1]  # not "Gloucester director of rugby Nigel Melville"
            return None
    return None


# Forms of address before a name: "The Bishop of Durham, the Rt Rev Dr Tom Wright, said".
_ADDRESS = frozenset("rt right rev revd reverend very most hon honourable dr prof professor sir dame".split())


def addressed_name(tokens: list, text: str) -> tuple[str, int] | None:
    """An appositive that is a name after its forms of address ("the Rt Rev Dr Tom Wright", "Dr Ann Reed"):
    (the name, its start); None for anything else ("Dr Who fan", "Professor of Economics")."""
    i = 1 if tokens and tokens[0][0] == "the" else 0
    j = i
    while j < len(tokens) and tokens[j][0].lower().rstrip(".") in _ADDRESS:
        j += 1
    rest = tokens[j:]
    if j == i or len(rest) < 2 or _trailing_run(rest) != 0:
        return None
    name = _name_from_run(rest, text)
    return (name, rest[0][1]) if _is_person(name) and len(name.split()) >= 2 else None


# Words that open a phrase leading up to a sentence's subject ("In Rome, …"), not a name.
_LEADING_WORDS = frozenset("in on at after before during despite following under with without since amid".split())


def _role_of_body(tokens: list) -> bool:
    """ "superintendent of the Fenice Theatre Foundation", "head of research at Acme": a lowercase noun, "of",
    "at" or "for", and a named body (any role, where the role lists do not hold the noun)."""
    if len(tokens) < 3 or not tokens[0][0].isalpha() or not tokens[0][0].islower() or tokens[1][0] not in ("of", "at", "for"):
        return False
    k = 3 if tokens[2][0] == "the" and len(tokens) > 3 else 2
    return tokens[k][0][:1].isupper()


def _before_appositive(text: str, lo: int, cs: int, tokens: list) -> tuple[str, int] | None:
    """The name before a phrase set off by commas: "Sergei Lavrov, Russia’s foreign minister, said",
    "Jeffrey Richards, the show's co-producer, said", "Tindall, who signed for Gloucester, told"."""
    if cs <= lo or text[cs - 1] != "," or not tokens:
        return None
    first = tokens[0][0].lower()
    # A relative clause may run long ("Gerrard, who fired Liverpool into … over Olympiakos, insisted"); other
    # phrases between commas are kept short, since a long one is more often a clause of its own.
    relative = (first in ("who", "whose", "which") and len(tokens) <= 30) or (len(tokens) <= 16 and (
        (len(tokens) == 1 and first.isdigit())  # "Edu, 26, added"
        or (tokens[0][0].islower() and (first.endswith(("ed", "ing")) or first in _PARTICIPLES))
        or (len(tokens) > 1 and first.endswith("ly") and tokens[1][0].endswith("ed"))  # "formerly managed"
    ))
    described = len(tokens) <= 16 and (
        (first in ("a", "an", "the", "one", "his", "her", "their", "its") and len(tokens) > 1)
        or (first in _AFFILIATION and len(tokens) > 1)  # "Ann Reed, from Acme, said"
        or (POSSESSIVE.search(tokens[0][0]) and _is_cap(tokens[0][0]))
        or any(w in TITLE_NOUNS or w in ROLE_NOUNS for t in tokens for w in t[0].lower().split("-"))  # "editor-in-chief"
        or _role_of_body(tokens)  # "Giampaolo Vianello, superintendent of the Fenice Theatre Foundation, said"
    )
    if not (relative or described):
        return None
    end = cs - 1
    if end > lo and text[end - 1] == ")":
        # "the Road Safety Council (RSC), who say …": the name before its bracketed abbreviation.
        k = text.rfind("(", max(lo, end - 40), end - 1)
        if k > lo and " " not in text[k + 1:end - 1].strip():
            end = k
            while end > lo and text[end - 1] == " ":
                end -= 1
    before = _words(text, _clause_start(text, lo, end), end)
    if relative and len(before) == 1 and before[0][0].isdigit() and before[0][1] > lo and (
        text[lo:before[0][1]].rstrip().endswith(",")
    ):
        # "Staunton, 49, who told BBC News …": an age between commas before the relative clause too.
        k = text.rindex(",", lo, before[0][1])
        before = _words(text, _clause_start(text, lo, k), k)
    if before and len(before) > 1 and before[1][0].islower() and (
        before[0][0].lower() in _LEADING_WORDS or (before[0][0].endswith("ing") and before[0][0][:1].isupper())
    ):
        return None  # "Speaking to Le Matin, the 24-year-old Swiss added": a leading phrase, not a name in apposition
    if len(before) > 1 and before[0][0].islower() and (
        (relative and (before[0][0] in TITLE_NOUNS or before[0][0] in ROLE_NOUNS))
        or (described and before[0][0] in _AFFILIATION)  # "X, from Acme Labs, one of the pioneers of Y, told"
    ):
        # "Tom Hale, founder of Acme Media, which backs small firms, said": a relative clause after a role
        # in apposition belongs to the role's body, and a description after an affiliation describes the
        # person ("from Acme Labs, one of the pioneers of Y,"); the name before them speaks.
        k = before[0][1]
        while k > lo and text[k - 1] in " \t":
            k -= 1
        found = _before_appositive(text, lo, k, before) if k > lo and text[k - 1] == "," else None
        if found and _is_person(found[0]):
            return found
    i = _trailing_run(before)
    if relative and len(before) == 2 and before[0][0] in ("The", "the") and is_description("the " + before[1][0]):
        return "the " + before[1][0], before[0][1]  # "The MP, who is consulting his lawyers, told …": a description
    if i >= len(before):
        # "The midfielder, who broke in to the national side, admitted …": a description.
        desc = _descriptive(before, text) if relative and before else None
        return (desc, before[0][1]) if desc and desc.split()[0].lower() in DETERMINERS else None
    words = [t[0] for t in before[:i]]
    if len(words) >= 3 and words[0].lower() in ("a", "an", "the") and words[1] in ROLE_NOUNS | TITLE_NOUNS and (
        words[2] in ("for", "of", "at")
    ):
        desc = _descriptive(before, text)  # "A spokesman for the Summit for the Information Society (WSIS), which …"
        if desc:
            return desc, before[0][1]
    name = _name_from_run(before[i:], text)
    body = described and tokens[-1][0].lower() in BODY_HEADS | ORG_WORDS  # "EA, a leading games developer and publisher,"
    if _is_person(name) or ((relative or body) and name and all(_is_cap(w) or w in NAME_CONNECTORS for w in name.split())):
        return name, before[i][1]  # a body too: "The EFF, representing the reporters, has asked"
    return None


def _unclosed_description(text: str, lo: int, cs: int) -> tuple[str, int] | None:
    """ "“…,” Ann Reed, the firm's chief economist told the BBC": a description after a person's name
    and one comma only (its closing comma left out), the name opening its clause (after a quotation
    mark, at a sentence start or at the start of the span): the name speaks, not the description."""
    if cs <= lo or text[cs - 1] != ",":
        return None
    cs2 = _clause_start(text, lo, cs - 1)
    if not (_opens_sentence(text, lo, cs2) or (
        text[cs2 - 1] == "," and _opens_sentence(text, lo, cs0 := _clause_start(text, lo, cs2 - 1))
        and text[cs0:cs2 - 1].strip().lower() in DISCOURSE_ADVERBS  # "However, Matt Williams, a fund manager …"
    )):
        return None
    previous = _words(text, cs2, cs - 1)
    if not previous or len(previous) > 5 or _trailing_run(previous) != 0:
        return None
    name = _name_from_run(previous, text)
    return (name, previous[0][1]) if _is_person(name) and len(name.split()) >= 2 else None


def _listed_body(text: str, lo: int, cs: int, tokens: list) -> tuple[str, int] | None:
    """ "A spokesman for the Department for Culture, Media and Sport said": a body's name that lists
    its fields with commas ends a role's "for"/"of" phrase; the speaker is the role, not the last item."""
    if not (cs > lo and text[cs - 1] == "," and 3 <= len(tokens) <= 5 and tokens[-2][0] == "and"):
        return None
    if not all(_is_cap(t[0]) or t[0] == "and" for t in tokens):
        return None
    before = _words(text, _clause_start(text, lo, cs - 1), cs - 1)
    if len(before) >= 4 and _is_cap(before[-1][0]) and before[0][0].lower() in ("a", "an", "the") and (
        before[1][0] in ROLE_NOUNS | TITLE_NOUNS and before[2][0] in ("for", "of", "at")
    ):
        desc = _descriptive(before + tokens, text)
        if desc:
            return desc, before[0][1]
    return None


def _opens_sentence(text: str, lo: int, k: int) -> bool:
    """Whether position ``k`` starts the span, a sentence or what follows a quotation mark."""
    return k == lo or text[k - 1] in "\"”.!?\n"


def _unclosed_role(text: str, lo: int, cs: int, tokens: list) -> tuple[str, int] | None:
    """ "Tom Hale, spokesman for software firm Acme said": a role set off by one comma only (the
    closing comma left out), opening with a bare role noun and naming a body after "for"/"of"/"at",
    or an affiliation ("Ann Reed, of Acme in Leeds said"): the name before the comma speaks, not the body."""
    if len(tokens) < 3 or not tokens[0][0].islower():
        return None
    first = tokens[0][0]
    if first in _AFFILIATION:
        pass  # "Dr Ann Reed, of the Centre for Transport in Leeds said": an affiliation left open
    elif first not in TITLE_NOUNS and first not in ROLE_NOUNS:
        return None
    elif not any(t[0] in _ROLE_PREPOSITIONS for t in tokens[1:8]):
        return None
    found = _before_appositive(text, lo, cs, tokens)
    return found if found and _is_person(found[0]) else None


# A share or count of people as the speaker: "44% of respondents said", "Fifty nine percent of people
# said", "More than half of 2,000 people surveyed said", "compared to 34% who said". The phrase must
# end right before the verb (a place or "who" may follow it), and its "of" part names people, not a thing.
_QUANTITY_SUBJECT = re.compile(
    r"""(?ix)
    (?<![\w.,%-])
    (?P<q>
      (?:(?:more|fewer|less)\s+than\s+|almost\s+|nearly\s+|about\s+|around\s+|over\s+|some\s+|just\s+|only\s+)?
      (?:\d[\d.,]*\s*(?:%|per\s?cent\b|percent\b)
        |(?:[a-z]+[-\s])?[a-z]+[\s-]+(?:per\s?cent|percent)\b
        |half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters|a\s+majority|the\s+majority)
      (?:\s*\(\d[\d.,]*\s*%\))?
      (?:\s+of\s+(?:the\s+|those\s+|all\s+)?(?:[\d,]+\s+)?[a-z][a-z-]*
         (?:\s+(?:surveyed|polled|questioned|asked|interviewed))?)?
    )
    (?:\s+(?:in|from|across|at)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?
    (?:\s+(?:who|questioned|surveyed|polled))?
    (?:\s+(?:also|have|has|had|were|was|would|will|now|still|then|all|both))*
    \s*$
    """
)


def quantity_subject(text: str, lo: int, verb_start: int) -> tuple[str, int] | None:
    """(speaker, start) when the words before a speech verb at ``verb_start`` are a share of people.
    The phrase may hold commas of its own ("2,000", "half (55%) of"), so it is read back from the verb."""
    m = _QUANTITY_SUBJECT.search(text, max(lo, verb_start - 120), verb_start)
    if not m:
        return None
    q = m.group("q")
    before = text[lo:m.start("q")].rstrip()
    opens = not before or before[-1] in ",;:(\"“" or before.split()[-1].lower() in ("and", "but", "while")
    if " of " not in q.lower() and " who" not in m.group(0)[len(q):].lower() and not opens:
        return None  # "rose by 5%": a bare share speaks only when it opens its clause or "who" follows
    return q, m.start("q")


def is_quantity(speaker: str | None) -> bool:
    """Is this speaker a share or count of people ("44% of respondents", "34%")? Many, never "it"."""
    return bool(speaker) and _QUANTITY_SUBJECT.match(speaker) is not None


def joined_names(np: list, text: str) -> str | None:
    """ "Pew Internet and American Life", "Apple and Motorola": capitalised names joined by "and", read
    after a verb or "according to", are one speaker: the first name's run to the last."""
    k = next(i for i, t in enumerate(np) if i and t[0] == "and" and _is_cap(np[i - 1][0]))
    first = _name_from_run(np[_trailing_run(np[:k]):k], text)
    if first is None:
        return None
    start = text.find(first, np[0][1])
    return text[start:np[-1][2]] if start >= 0 else None


def person_of_body(np: list, text: str) -> str | None:
    """A person named with their body after a verb: "Total Film's Jamie Graham" (after the possessive),
    "Jamie Graham of Total Film" (before "of"); None when the words are one name ("the Bank of England",
    "Secretary of State Tom Hale")."""
    k = next((i for i, t in enumerate(np) if POSSESSIVE.search(t[0])), None)
    if k is not None and len(np) - k - 1 >= 2:
        name = _name_from_run(np[k + 1:], text)
        return name if is_person(name) and len(name.split()) >= 2 else None
    k = next((i for i, t in enumerate(np) if t[0] == "of"), None)
    if k is not None and k >= 2 and all(_is_cap(t[0]) for t in np[:k]):
        name = " ".join(t[0] for t in np[:k])
        if is_person(name) and not any(t[0].lower() in TITLE_WORDS for t in np[:k]):
            return name
    return None
