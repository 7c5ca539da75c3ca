"""Who said it: the speaker of reported speech and of the words around a quotation.

News attributes words in a few fixed ways, each handled here:

* "X said", "said X", "X, the minister, said", "X, who …, said": the subject before the verb,
  or the name after an inverted verb; an appositive ("Sergei Lavrov, Russia’s foreign minister,
  said") or a relative clause between commas is skipped back to the name;
* titles and roles before a name are dropped: "Aviation analyst Nick Van den Brul",
  "The Shadow Secretary of State for the Family, Theresa May, said" -> the name;
* roles between a body and a name: "said Newry boss Roy McCreadie", "said Sun's chief operating
  officer Jonathan Schwartz"; a bracketed abbreviation after a name: "the Asian Development Bank
  (ADB) has said"; "IBM, which argues …" -> IBM;
* "according to X", and organisations as speakers ("the ministry said" -> "the ministry"), figures
  too ("according to new figures", "according to figures gathered by Netcraft" -> Netcraft);
* "told X" names the listener, never the speaker ("told BBC Radio 4's Today");
* "X did this and said …", "X did this, saying …": the subject of the sentence speaks (of the
  participle's own clause: "…, while India rejected aid, saying …" -> India);
* "he"/"she"/"it" and person descriptions ("the 30-year-old", "the singer") are marked for the
  caller, who resolves them (claims.people);
* a speech verb before an infinitive ("agreed to begin talks"), before "by" ("forecast by 3%") or
  after "be" ("were told") reports no one; "They say" is the last plural speaker (claims.people);
* a few verbs that are nouns too ("reports", "estimates") count only inverted after a comma
  (", reports the Daily Mail") or ending the sentence after a comma ("…, the New York Times
  reports."), and "It was announced" names no one.

Pure standard library; compiled patterns (the word lists and patterns are in :mod:`claims.speech_words`,
names with their roles and who is a person in :mod:`claims.speaker_names`,
the reading of tokens, clauses and names in :mod:`claims.speaker_tokens`, the speaker named after
an inverted verb or "according to" in :mod:`claims.speaker_after`, whether a verb reports words at all in
:mod:`claims.speech_verbs`);
linear in the length of the text; never raises.
"""

from __future__ import annotations

import re

from claims.speaker_after import _forward_np, _inverted_at_end, _named_after
from claims.speaker_names import (
    _before_appositive,
    _listed_body,
    addressed_name,
    _name_then_role,
    _unclosed_description,
    _unclosed_role,
    is_person,
    is_pronoun,
    quantity_subject,
)
from claims.speaker_sentences import MONTHS, SUBORDINATORS, _sentence_start, _sentence_subject, lead_word
from claims.speaker_titles import is_kin, title_of
from claims.speech_verbs import _CLAIM_VERBS, _THAT_AFTER, _named_then_clause, _not_reporting, claims_a_thing
from claims.speaker_tokens import (
    _clause_start,
    _clause_start_past_brackets,
    _descriptive,
    _is_acronym,
    _is_cap,
    _is_descriptor,
    _is_sentence_dot,
    _name_from_run,
    _trailing_run,
    _words,
)
from claims.speech_words import (
    ACCORDING_TO,
    DETERMINERS,
    DISCOURSE_ADVERBS,
    DOCUMENT_NOUNS,
    INVERTED_ONLY,
    LISTENER_VERBS,
    NATIONALITIES,
    NOUN_BY,
    NOUN_OF_SAYING,
    ORG_WORDS,
    PARTICIPLE,
    POSSESSIVE,
    PRONOUN_MARK,
    PRONOUNS,
    RELATIVE_PRONOUN,
    ROLE_NOUNS,
    SENTENCE_BREAK,
    SPEECH_VERB,
    SUBJECT_TRAILERS,
    TITLE_NOUNS,
    TITLE_WORDS,
)

__all__ = ["find_attribution", "is_person", "is_pronoun", "sentence_breaks"]


_BE = frozenset("is are was were has have had will would could may might".split())
# Words after "which"/"who" that open no verb of a relative clause of its own ("which in 2004 reported").
_NOT_RELATIVE_VERB = frozenset("in on at for with by from to also later then now still earlier recently previously".split())


def _expletive(text: str, lo: int, verb_start: int) -> bool:
    """Does the clause before the verb open with an expletive "there" ("There are also other
    pressures …") -- which names no one, so the speaker follows the verb?"""
    tokens = _words(text, _clause_start(text, lo, verb_start), verb_start)
    while tokens and tokens[0][0].lower() in ("but", "and", "so", "yet"):
        tokens = tokens[1:]
    if any(t[0].lower() in _SUBORDINATE_OPENERS for t in tokens[2:]):
        return False  # "There are 30 handsets available while Virgin said …": the verb has a subject of its own
    return len(tokens) > 2 and tokens[0][0].lower() == "there" and tokens[1][0].lower() in _BE


_SUBORDINATE_OPENERS = frozenset("while whereas although though but when and".split())


def _described_before(text: str, lo: int, cs: int, possessive: bool = False, after_conjunction: bool = False) -> bool:
    """Is the clause before the appositive that starts at ``cs`` (after its comma) a description: "the"/"a"/"an" (or,
    with ``possessive``, a possessive: "Manufacturers' organisation") up to a lowercase noun? With
    ``after_conjunction``, a leading "But"/"And" is skipped ("But the work's author, …")."""
    described = _words(text, _clause_start(text, lo, cs - 1), cs - 1)
    while after_conjunction and described and described[0][0].lower() in ("but", "and", "yet", "so"):
        described = described[1:]
    if not described or not described[-1][0].islower():
        return False
    first = described[0]
    return first[0].lower() in ("the", "a", "an") or possessive and (
        bool(POSSESSIVE.search(first[0])) or text[first[2]:first[2] + 1] in ("'", "’")
    )


def _subject(text: str, lo: int, verb_start: int) -> tuple[str | None, int]:
    """The speaker before a speech verb and where its clause starts."""
    if _expletive(text, lo, verb_start):
        return None, _clause_start(text, lo, verb_start)  # "There are other pressures said Tom Hale"
    aside = (
        _DASH_ASIDE.search(text, max(lo, verb_start - 140), verb_start)
        if text[max(lo, verb_start - 3):verb_start].rstrip()[-1:] in ("-", "–", "—") and verb_start - lo > 3
        else None
    )
    if aside and aside.start() > lo:
        named = _words(text, max(lo, aside.start() - 40), aside.start())
        if named and (_is_cap(named[-1][0]) or named[-1][0] in ORG_WORDS | ROLE_NOUNS):
            # "Mr Hawkins - a paraplegic himself - says", "The firm - a maker of bikes - said": the name or
            # description before a description between dashes.
            return _subject(text, lo, aside.start())
    cs = _clause_start(text, lo, verb_start)
    tokens = _words(text, cs, verb_start)
    while tokens and tokens[-1][0].lower() in SUBJECT_TRAILERS:
        tokens.pop()
    if len(tokens) > 3 and [t[0].lower() for t in tokens[-2:]] == ["on", "to"] and tokens[-3][0].lower() in _GO_ON:
        del tokens[-3:]  # "The England coach went on to claim that …": the subject before "went on to"
    counted = quantity_subject(text, lo, verb_start)
    if counted:
        return counted  # "44% of respondents said", "34% who said"
    rel = next((i for i in range(len(tokens) - 3, -1, -1) if tokens[i][0] in ("which", "who")), None)
    if rel is not None and not any(t[0] in ("which", "who") for t in tokens[rel + 1:]) and (
        tokens[rel + 1][0].islower() and tokens[rel + 1][0] not in _NOT_RELATIVE_VERB
    ):  # "which represents the trade", not "which in 2004 reported"
        # "A spokesman for Acme (AC) which represents the trade said": a relative clause with no commas belongs
        # to the noun phrase before it, which is the subject.
        before = _subject(text, lo, tokens[rel][1])
        if before[0] is not None and not is_pronoun(before[0]):
            return before
    # "The BBC's Ann Reed in Rome says", "Police in Leeds said": the place after the subject is not it.
    k = len(tokens) - 1
    while k > 1 and _is_cap(tokens[k][0]):
        k -= 1
    if (
        1 <= k < len(tokens) - 1 <= k + 3 and not tokens[k - 1][0].endswith("ing") and (
            tokens[k][0] == "in" or (tokens[k][0] == "from" and tokens[k - 1][0].lower() in _PLURAL_ROLES)
        )
        and (_is_cap(tokens[k - 1][0]) or tokens[k - 1][0] in ROLE_NOUNS or tokens[k - 1][0] in TITLE_NOUNS)
        and not any(t[0].lower() in TITLE_WORDS for t in tokens[k + 1:])
    ):
        tokens = tokens[:k]  # not "Speaking in Leeds Mr Hale said"
    elif 1 <= k < len(tokens) - 1 and tokens[k][0] in ("from", "at") or (
        2 <= k < len(tokens) - 1 and tokens[k][0] == "the" and tokens[k - 1][0] in ("from", "at")
    ):
        k -= tokens[k][0] == "the"
        # "Mr Hirsch from Retail Banking Research said": the person speaks, not the body they are from.
        j = k
        while j > 0 and _is_cap(tokens[j - 1][0]):
            j -= 1
        name = _name_from_run(tokens[j:k], text) if j < k else None
        if name and _is_person(name) and (len(name.split()) >= 2 or any(t[0].lower() in TITLE_WORDS for t in tokens[j:k])):
            tokens = tokens[:k]
    while tokens and tokens[-1][0].islower() and tokens[-1][0].endswith("ly") and len(tokens[-1][0]) > 4:
        if len(tokens) > 1 and tokens[-2][0].lower() in DETERMINERS:
            break  # "the family said", "his family said": a noun after a determiner, not an adverb
        tokens.pop()
        while tokens and tokens[-1][0].lower() in SUBJECT_TRAILERS:
            tokens.pop()  # "David Moyes has defiantly claimed": the auxiliary before the adverb too
    if not tokens:
        if cs > lo and text[cs - 1] == ")":
            # "the Asian Development Bank (ADB) has said": the name before the bracket, else what is in it.
            k = text.rfind("(", max(lo, cs - 40), cs - 1)
            inside = text[k + 1:cs - 1].strip() if k >= 0 else ""
            if inside and " " not in inside:
                speaker, start = _subject(text, lo, k)
                if speaker is None and _is_acronym(inside):
                    speaker, start = inside, k + 1
                return speaker, start
        if cs > lo and text[cs - 1] == ",":
            cs2 = _clause_start_past_brackets(text, lo, cs - 1)  # past "(EA)"
            previous = _words(text, cs2, cs - 1)
            if previous and cs2 > lo and text[cs2 - 1] == "," and (
                " ".join(w.lower() for w, _, _ in previous) in DISCOURSE_ADVERBS
            ):
                return _subject(text, lo, cs2 - 1)  # "Sella, however, insisted": the subject before the adverb
            if previous and len(previous) <= 3 and all(_is_cap(t[0]) for t in previous) and cs2 > lo and (
                text[cs2 - 1] == ","
            ):
                cs3 = _clause_start(text, lo, cs2 - 1)
                relative = _words(text, cs3, cs2 - 1)
                if relative and relative[0][0] in ("who", "which") and cs3 > lo and text[cs3 - 1] == ",":
                    # "The authorities in the US, who have charged 19 people in Newark, New Jersey, estimate …":
                    # a place after a comma inside a relative clause is no subject; the phrase before "who" is.
                    before = _subject(text, lo, cs3 - 1)
                    if before[0] is not None and not is_pronoun(before[0]):
                        return before
            addressed = addressed_name(previous, text) if cs2 > lo and text[cs2 - 1] == "," else None
            role = _words(text, _clause_start(text, lo, cs2 - 1), cs2 - 1) if addressed else []
            if role and (role[0][0] in ("The", "the") or role[0][0].lower() in TITLE_NOUNS | ROLE_NOUNS or any(
                t[0] in ("of", "for") for t in role
            )):
                return addressed  # "The Bishop of Durham, the Rt Rev Dr Tom Wright, described": the name after the role
            appositive = _before_appositive(text, lo, cs2, previous)
            if appositive:
                return appositive
            # "A spokesman for the Kremlin, Dmitry Peskov, said": the name is the appositive.
            the = 1 if len(previous) > 1 and previous[0][0] == "the" and _is_acronym(previous[1][0]) else 0
            if previous and _trailing_run(previous[the:]) == 0 and cs2 > lo and text[cs2 - 1] == ",":
                previous = previous[the:]  # "…, the EEF, said": an acronym after "the"
                name = _name_from_run(previous, text)
                if _is_person(name) and not the:
                    return name, previous[0][1]
                if name and _described_before(text, lo, cs2, possessive=True):
                    # "the world's largest delivery company, UPS, said", "Manufacturers' organisation, the EEF, said":
                    # the body named.
                    return name, previous[0][1]
            i = _trailing_run(previous) if previous and cs2 > lo and text[cs2 - 1] == "," else 0
            if 0 < i <= 3 and len(previous) - i >= 2 and all(t[0].islower() or _is_acronym(t[0]) for t in previous[:i]):
                # "But the work's author, US playwright Eve Ensler, says": a role before the name in apposition to
                # a description.
                name = _name_from_run(previous[i:], text)
                if _is_person(name) and _described_before(text, lo, cs2, after_conjunction=True):
                    return name, previous[i][1]
        return None, cs
    last = tokens[-1][0]
    low = last.lower()
    if low in PRONOUNS:
        return PRONOUN_MARK[low], tokens[-1][1]
    if low in ("and", "but", "although", "though", "yet") and (len(tokens) > 1 or (cs > lo and text[cs - 1] == ",")):
        # "Nintendo has a 95% share of the market and said it expected …": the sentence's subject,
        # if it names someone or a body ("The album Exodus came out … and confirmed" does not).
        subject = _sentence_subject(text, lo, tokens[-1][1])
        if subject and not is_pronoun(subject) and not _is_cap(subject):
            head = subject.split()[-1]
            if head.lower() not in ROLE_NOUNS | ORG_WORDS | TITLE_NOUNS and not _is_acronym(head):
                subject = None  # "The BPI welcomed the news, but warned …" keeps the BPI
        return subject, cs
    between = [w.lower() for w in text[tokens[-1][2]:verb_start].split()]
    if low == "it" and all(w in SUBJECT_TRAILERS and w not in _PASSIVE for w in between) and (
        len(tokens) == 1 or tokens[-2][0].lower() in ("but", "and")
    ):
        return PRONOUN_MARK["it"], tokens[-1][1]  # "“…,” it said": the body that last spoke
    if low in ("who", "which") and len(tokens) > 1 and text[tokens[-1][2]:verb_start].isspace():
        tokens = tokens[:-1]  # "the Napsterization weblog which said …": what comes before
        if tokens[-1][0].islower():
            # The relative clause belongs to the noun phrase right before it: "the star sued a woman
            # who claimed …" -> a woman.
            k = max((i for i, t in enumerate(tokens) if t[0].lower() in ("a", "an", "the")), default=None)
            if k is None:  # "backed by recent research which suggests": the words after the last preposition
                k = max((i + 1 for i, t in enumerate(tokens) if t[0].lower() in _BEFORE_NOUN_PHRASE), default=0)
            tokens = tokens[k:] or tokens
        last = tokens[-1][0]
        low = last.lower()
    if low in ("who", "which") and len(tokens) == 1:
        appositive = _before_appositive(text, lo, cs, tokens)  # "IBM, which argues that …": the name before
        if appositive:
            return appositive
    if low in ("all", "both") and len(tokens) > 1 and tokens[-2][0].lower() == "they":
        tokens, low = tokens[:-1], "they"  # "They all insisted": a quantifier floated after the pronoun
        between = [w.lower() for w in text[tokens[-1][2]:verb_start].split()][1:]
    if low == "they" and all(w in SUBJECT_TRAILERS and w not in _PASSIVE for w in between):
        return PRONOUN_MARK["they"], tokens[-1][1]  # "They say …": the many who last spoke ("experts warned")
    if low in ("they", "it", "we", "i", "you", "who", "which", "that"):
        return None, cs
    by = next((i for i in range(len(tokens) - 2, 1, -1) if tokens[i][0] == "by"), None)
    if by is not None and tokens[by - 1][0].endswith("ed") and tokens[by - 2][0].lower() in DOCUMENT_NOUNS:
        raw = text[tokens[by + 1][1]:tokens[-1][2]]
        named = _forward_np(text, tokens[by + 1][1], verb_start) or (
            raw if len(raw.split()) <= 4 and any(c.isupper() for c in raw) else None  # "eBay"
        )
        if named and not is_pronoun(named):
            return named, tokens[by + 1][1]  # "Data collected by eBay suggests": the body that collected it
    if len(tokens) >= 4 and tokens[0][0].lower() in ("a", "an", "the") and tokens[1][0] in ROLE_NOUNS | TITLE_NOUNS and (
        tokens[2][0] in ("for", "of", "at")
    ):
        desc = _descriptive(tokens, text)  # "A spokesman for the Association of Payment and Clearing Services said"
        if desc:
            return desc, cs
    doc = next((d for d in range(1, min(5, len(tokens) - 1)) if tokens[d][0].lower() in DOCUMENT_NOUNS), None)
    if doc is not None and tokens[0][0].lower() in DETERMINERS and tokens[doc + 1][0] in _TOPIC_PREPOSITIONS:
        # "the Gartner report on mobile TV in Europe suggests": the document, not the place its topic names.
        return text[tokens[0][1]:tokens[doc][2]], cs
    if _is_cap(last) and not POSSESSIVE.search(last):
        listed = _listed_body(text, lo, cs, tokens)
        if listed:
            return listed
        unclosed = _unclosed_role(text, lo, cs, tokens)
        if unclosed:
            return unclosed
        lead = _name_then_role(tokens, text)
        if lead:
            return lead
        i = _trailing_run(tokens)
        before = tokens[i - 1][0] if i > 0 else ""
        if i == 0 and len(tokens) >= 2 and tokens[0][0] == "The" and (
            tokens[-1][0].lower() in TITLE_NOUNS or (len(tokens) == 2 and tokens[-1][0].lower() in NATIONALITIES)
        ):
            # "The Foreign Secretary told the BBC": a capital "The" opening the sentence is the determiner of
            # a description, as "the" is inside one ("…, the Foreign Secretary said"), not part of a name.
            before = "the"
        if before in ("the", "of", "for", "from", "at", "with", "to", "a", "an"):
            desc = _descriptive(tokens, text)
            if desc:
                # "Matt Williams, a fund manager at Perpetual Trustees said": the name before a description
                # left open, if there is one.
                named = _unclosed_description(text, lo, cs) if desc.split()[0].lower() in ("a", "an", "the") else None
                return named or (desc, cs)
        name = _name_from_run(tokens[i:], text)
        if name is None and len(tokens) - i == 1 and low in MONTHS:
            name = last  # "May said": a month does not speak, a Brian May does
        if name and not all(_is_descriptor(w) for w in name.split()):
            return name, tokens[i][1]
        if name and tokens[0][0].lower() == "the" and any(t[0].endswith("year-old") for t in tokens[1:i]):
            return text[tokens[0][1]:tokens[-1][2]], cs  # "the 24-year-old Swiss added": a description of a person
        appositive = _before_appositive(text, lo, cs, tokens)
        if appositive:
            return appositive
        return (name, tokens[i][1]) if name else (None, cs)
    titled = tokens[0][0].islower() and tokens[0][0] in TITLE_NOUNS
    desc = None if titled else _descriptive(tokens, text)
    if desc is None or not desc.split()[0].lower() in DETERMINERS:
        appositive = _before_appositive(text, lo, cs, tokens)
        if appositive:
            return appositive
    if desc is None and titled:
        desc = _descriptive(tokens, text)
    if desc is not None and desc.split()[0].lower() in DETERMINERS:
        named = _unclosed_description(text, lo, cs)
        if named:
            return named
    return desc, cs


_PASSIVE = frozenset("was is were are been be".split())  # "It was announced" names no speaker
# Role nouns for many, whom a place after "from" does not name: "Police from Leeds said".
_PLURAL_ROLES = frozenset(w for w in ROLE_NOUNS if w.endswith("s") and not w.endswith("ss")) | {"police"}
# Words right before a bare noun phrase that a relative clause may follow: "backed by recent research which …".
_BEFORE_NOUN_PHRASE = frozenset("by of to with from in on at for is are was were has had have".split())
# What a document's topic opens with after its noun: "a report on …", "the study into …".
_TOPIC_PREPOSITIONS = frozenset("on about into".split())
# What "revealed" has found rather than said, besides documents: "talks with the producers revealed there was …".
_FINDINGS = frozenset("talks tests checks inquiry investigation investigations analysis documents records files".split())
# "talks with Disney's producers revealed": a finding noun and the party it is with, right before the verb.
_FOUND_BY = re.compile(
    r"(?<![\w’'-])(?:" + "|".join(sorted(_FINDINGS)) + r")[ \t]+(?:with|into|on|of|by)[ \t]+[^,.;:\"“”]{1,40}?[ \t]+$"
)
# A description set off by spaced dashes right before the verb: " - a paraplegic himself - ".
_DASH_ASIDE = re.compile(r"[ \t]+[-–—][ \t]+[a-z][^-–—\n\"“”]{0,120}?[ \t]+[-–—][ \t]*$")


# --------------------------------------------------------------------------------------------
# Attributions
# --------------------------------------------------------------------------------------------

# An attribution is (speaker, span_start, position, kind): speaker may be a pronoun mark; span_start
# is where its words begin; position is that of its verb; kind is "verb" or "according".


# A preposition that opens a sentence before a participle of saying: "Despite insisting …, X suggested".
_LEAD_PREPOSITIONS = frozenset("despite after before while when since without on by in".split())


def _attributions(text: str, lo: int, hi: int, first: bool = False) -> list[tuple[str, int, int, str]]:
    """Every attribution in text[lo:hi] in order; with ``first``, only the first one."""
    found = []
    for m in ACCORDING_TO.finditer(text, lo, hi):
        speaker = _forward_np(text, m.end(), hi)
        if speaker and speaker.split()[-1].lower() in ROLE_NOUNS:
            # "according to technology analysts, TDG Research, …": the name in apposition.
            j = text.find(speaker, m.end()) + len(speaker)
            if text[j:j + 2] == ", ":
                named = _forward_np(text, j + 2, hi)
                if named and not is_pronoun(named) and _is_cap(named):
                    speaker = named
        if speaker and not is_pronoun(speaker):
            found.append((speaker, m.start(), m.start(), "according"))
            if first:
                hi = m.start()
                break
    for m in SPEECH_VERB.finditer(text, lo, hi):
        if _not_reporting(text, lo, m):
            continue
        # "reports"/"estimates" are verbs before "that": "Acme estimates that …", not "estimates of …".
        inverted_only = m.group() in INVERTED_ONLY and not _THAT_AFTER.match(text, m.end()) and not (
            _named_then_clause(text, lo, m)
        )
        speaker, span_start = (None, m.start()) if inverted_only else _inverted_at_end(text, lo, m, hi)
        caused = _CAUSED.search(text, max(lo, m.start() - 80), m.start()) if speaker is None else None
        if caused is not None:
            # "…, leading Argonaut to warn that …": the one led to speak, not the subject of the sentence.
            named = _forward_np(text, caused.end(), m.start())
            if named and not is_pronoun(named):
                speaker, span_start = named, caused.end()
        if speaker is None and not inverted_only:
            speaker, span_start = _subject(text, lo, m.start())
        if speaker is None and (rel := RELATIVE_PRONOUN.search(text, max(lo, m.start() - 20), m.start())) is not None:
            # "a console that it says will …", "photographers who she claims left her …": the pronoun after the
            # relative word (the caller resolves it to the subject of the clause the relative clause is in).
            speaker, span_start = PRONOUN_MARK[rel.group(1)], rel.start(1)
        if inverted_only and text[m.end():m.end() + 1] in (".", ""):
            cs = _clause_start(text, lo, m.start())
            if cs > lo and text[cs - 1] == ",":  # "…, the New York Times reports." at the end of its sentence
                speaker, span_start = _subject(text, lo, m.start())
        if speaker is None and m.group() not in LISTENER_VERBS:
            # Inverted after a quote or a comma: "…,” said Lavrov" (but "told X" names the listener).
            j = m.start()
            while j > lo and text[j - 1].isspace():
                j -= 1
            if (j == lo and not inverted_only) or text[j - 1] in ",”\"" or _expletive(text, lo, m.start()):
                speaker = _named_after(text, _forward_np(text, m.end(), hi), m.end(), hi)
                span_start = m.start()
        noun = NOUN_OF_SAYING.search(text, max(lo, m.start() - 40), min(len(text), m.end() + 8))
        if speaker and noun and noun.start() < m.start() < noun.end():
            continue  # "over its central claim that …": a noun of saying (read below), not the verb "claim"
        if speaker and m.group() == "revealed" and (
            speaker.split()[-1].lower() in DOCUMENT_NOUNS | _FINDINGS
            or _FOUND_BY.search(text, max(lo, m.start() - 60), m.start())
        ):
            continue  # "The survey revealed that …" is a finding; "Hale revealed that …" is speech
        if speaker:
            found.append((speaker, span_start, m.start(), "verb"))
            if first:
                hi = m.start()
                break
    for m in NOUN_OF_SAYING.finditer(text, lo, hi):
        who = m.group("who")
        speaker = PRONOUN_MARK.get({"his": "he", "her": "she", "its": "it", "their": "they"}.get(who, ""), who[:-2])
        if who in ("its", "their"):
            # "Labour got into trouble over its central claim that …": the subject of the sentence owns the claim.
            owner = _sentence_subject(text, lo, m.start())
            if owner and not is_pronoun(owner) and owner.lower() not in ("it", "they", "this", "that"):
                speaker = owner
        if speaker:  # "following his allegations that …": he; "Hale's claim that …": Hale
            found.append((speaker, m.start(), m.start(), "verb"))
            if first:
                hi = m.start()
                break
    for m in NOUN_BY.finditer(text, lo, hi):
        speaker = _forward_np(text, m.end(), hi)
        j = text.find(speaker, m.end(), hi) if speaker else -1
        if j >= 0 and _THAT_AFTER.match(text, j + len(speaker)) and not is_pronoun(speaker):
            found.append((speaker, m.start(), m.start(), "verb"))  # "an announcement by the MPAA that …"
            if first:
                hi = m.start()
                break
    for m in PARTICIPLE.finditer(text, lo, hi):
        if m.group() in _CLAIM_VERBS and claims_a_thing(text, m.end()):
            continue  # "after claiming away draws in Basel and Paris"
        # "Lycos has shut down the campaign, saying it had …": the subject of the sentence.
        span_start = _sentence_start(text, lo, m.start())
        # The subject of the participle's own clause: "Thailand has said …, while India has also rejected
        # aid, saying …" -> India.
        clause = max((k + len(x) for x in _CLAUSE_OPENERS if (k := text.rfind(x, span_start, m.start())) >= 0),
                     default=span_start)
        speaker = _sentence_subject(text, max(lo, clause), m.start())
        if speaker is None and clause > span_start:
            speaker = _sentence_subject(text, lo, m.start())
        if text[max(lo, clause):m.start()].strip().lower() in _LEAD_PREPOSITIONS:
            # "Despite insisting …, the newspaper suggested …": the participle's subject is the main clause's.
            comma = text.find(", ", m.end(), hi)
            speaker = _sentence_subject(text, comma + 2, hi) if comma >= 0 else None
        w = text.rfind(" with ", max(lo, span_start), m.start())
        if w >= 0 and not any(c in text[w:m.start()] for c in ",;:\"“”"):
            # "Berlin welcomed the ruling, with finance minister Tom Hale saying …": the participle's own subject.
            named, _ = _subject(text, w + 6, m.start())
            if named and not is_pronoun(named):
                speaker = named
        j = m.start()
        while j > lo and text[j - 1].isspace():
            j -= 1
        if j > lo and text[j - 1] == ",":
            # "Beattie, who seemed unrepentant, insisting …": the name before the relative clause.
            cs = _clause_start(text, lo, j - 1)
            previous = _words(text, cs, j - 1)
            if previous and previous[0][0].lower() in ("who", "which"):
                appositive = _before_appositive(text, lo, cs, previous)
                if appositive:
                    speaker, span_start = appositive
        quoted = _QUOTED_AS.search(text, max(lo, m.start() - 100), m.start()) if m.group() == "saying" else None
        if quoted:
            # "…," the newspaper quoted Qantas chief executive Geoff Dixon as saying: the one quoted, not the paper.
            words = text[quoted.end():m.start()].strip()[:-2].strip()  # "Qantas chief executive Geoff Dixon"
            tokens = _words(text, quoted.end(), quoted.end() + len(words))
            i = _trailing_run(tokens)
            name = _name_from_run(tokens[i:], text) if 0 < i < len(tokens) else None
            named = name if is_person(name) else words
            if named and not is_pronoun(named):
                speaker, span_start = named, quoted.end()
        if speaker:
            found.append((speaker, span_start, m.start(), "verb"))
            if first:
                break
    found.sort(key=lambda a: a[2])
    return found[:1] if first else found


# "quoted … as saying": whom a paper or an agency quotes (the words before "as saying" name them); not the passive
# "was quoted by the paper as saying", whose subject is who spoke.
_QUOTED_AS = re.compile(r"(?<![\w’'-])quot(?:ed|es|ing)[ \t]+(?!by[ \t])(?=[^,;:.\"“”]{2,80}?[ \t]+as[ \t]+$)")
# A verb that makes its object speak, right before that object and its "to": "leading Argonaut to warn".
_CAUSED = re.compile(r"(?<![\w’'-])(?:lead(?:ing|s)?|led|prompt(?:ing|ed|s)?|forc(?:ing|ed|es)|caus(?:ing|ed|es)"
                     r"|persuad(?:ing|ed|es)|encourag(?:ing|ed|es))[ \t]+(?=[^,;:.]{1,60}?[ \t]+to[ \t]+$)")
_GO_ON = frozenset("went goes go going".split())
# Words that open a clause with a subject of its own inside a sentence.
_CLAUSE_OPENERS = (", while ", ", whereas ", ", but ", "; ")

_is_person = is_person  # the name claims.people and the rules here use


def find_attribution(
    text: str, start: int = 0, end: int | None = None, last_person: str | None = None, *, resolve: bool = False
) -> str | None:
    """The speaker of the reported speech in ``text[start:end]`` (a sentence), or None.

    "Lavrov said the Kremlin move …" -> "Lavrov"; "…, Lavrov said, with …" -> "Lavrov";
    "according to a NATO official" -> "a NATO official". "…, he said." gives ``last_person``
    (the last person named before the sentence, which the caller knows), else None. With
    ``resolve``, "he"/"she" and person descriptions ("the 30-year-old said") are resolved from
    the text before ``start`` (claims.people: the nearest compatible person); ``last_person``
    is then used only when no person at all is named before.
    """
    if not isinstance(text, str) or not text:
        return None
    n = len(text)
    lo = min(max(0, start or 0), n)
    hi = n if end is None else min(max(lo, end), n)
    try:
        found = _attributions(text, lo, hi, first=True)
        lead = lead_word(text, lo, hi)
        if found and lead and lead[0] in SUBORDINATORS and found[0][2] > lead[1]:
            comma = text.find(", ", found[0][2], hi)
            main = _attributions(text, comma + 2, hi, first=True) if comma >= 0 else []
            if main:
                found = main  # "Even before Acme said the player would stay, Tom Hale insisted …": Tom Hale
        for speaker, span_start, _, _ in found:
            speaker = PRONOUN_MARK.get(speaker.lower(), speaker)  # "It spent … and concluded that …": a pronoun, not a name
            if resolve:
                from claims.people import (  # it imports this module
                    is_body_description,
                    is_description,
                    resolve_speaker,
                )

                if is_pronoun(speaker) or is_description(speaker) or is_body_description(speaker) or title_of(speaker) or (
                    is_kin(speaker)
                ):
                    who, anyone = resolve_speaker(text, speaker, span_start)
                    if who:
                        return who
                    if is_pronoun(speaker):
                        return None if anyone or speaker == PRONOUN_MARK["they"] else last_person
                elif (speaker.split(maxsplit=1) or [""])[0].lower() in ("a", "an", "the"):
                    from claims.people import context

                    # "A user of … is suing …"; "… Kenteris and Thanou. The pair said …"
                    return context(text).named_description(span_start, speaker) or speaker
            if is_pronoun(speaker):
                return None if speaker in (PRONOUN_MARK["it"], PRONOUN_MARK["they"]) else last_person
            return speaker
        # "That is according to X": a sentence that credits the one before it.
        m = _CREDITS_BEFORE.match(text, hi)
        if m:
            speaker = _forward_np(text, m.end(), n)
            if speaker and not is_pronoun(speaker):
                return speaker
    except (IndexError, ValueError):  # defensive: a malformed span must not stop a pipeline
        return None
    return None


# A sentence that only says where the sentence before it comes from: "That is according to X".
_CREDITS_BEFORE = re.compile(r"[\s\"”]*(?:That|This)(?:\s+(?:is|was)|['’]s)\s+according\s+to\s+")


def sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """Where sentences end (the break's start) and the next begins (its end), in order."""
    starts, ends = [], []
    for m in SENTENCE_BREAK.finditer(text):
        if text[m.start() - 1] == "." and not _is_sentence_dot(text, m.start() - 1):
            continue
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends
