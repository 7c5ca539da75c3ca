"""Which body "it", "the company" or "the net firm" stands for: the part of ``claims.people.People`` about bodies.

News names a company once and goes on with a description ("Marsh said …. The company added …") or "it"
("Sony has promised … . It also said …"). ``BodyReferences`` is a mixin of ``People`` (it uses the text, sentence
and paragraph starts, the names and the bodies that speak that ``People`` collects): ``body`` resolves a
description of one body, ``_previous_subject`` the body "it" or "they" opening a sentence goes on with, and
``has_spoken`` tells whether a name speaks anywhere in the text.
"""

from __future__ import annotations

import bisect
import re

from claims.speaker_bodies import FROM_BODY, is_body_description
from claims.speaker_gender import name_gender as _name_gender
from claims.speaker_sentences import _sentence_subject
from claims.speaker_subjects import plural_speaker as _plural, plural_subject
from claims.speakers import _attributions, is_pronoun
from claims.speech_words import DOCUMENT_NOUNS, IT_LEAD, ORG_WORDS, POSSESSIVE

__all__ = ["BodyReferences"]

# What may lead up to a subject "it" that stands for the subject of the sentence before (IT_LEAD).
_IT_LEAD = re.compile(IT_LEAD)
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_AUXILIARIES = frozenset("has had is was will would could can may must should did".split())
_PRONOUN_WORDS = frozenset("it he she they we i you this that".split())


class BodyReferences:
    """Mixin of ``claims.people.People``: the bodies descriptions and "it" stand for."""

    def _named_body(self, pos: int, speaker: str, bodies: list[tuple[int, str]] | None = None) -> str:
        """ "Marsh said …. The company added …": a description of one body ("the company", "the net firm")
        is the last speaker before it, in this paragraph or the two before, that is a name of no known person
        (no gender, no first name: "Marsh", "Acme Corp"); else it stays as written."""
        if not is_body_description(speaker):
            return speaker
        start = self.sentence_start(pos)
        lead = None
        for m in FROM_BODY.finditer(self.text, start, pos):
            lead = m  # "In a statement from Lycos Europe, the company denied …": the body of its leading phrase
        if lead is not None and "," in self.text[lead.end():pos]:
            name = lead.group(1).strip()
            if not any(item[0] == name or item[1] == name for item in self._items) and not _name_gender(name.split()[0].lower()):
                return name
        floor = self.paragraph_start(pos, back=2)
        best = (-1, speaker)
        for p, body in reversed(self._bodies if bodies is None else bodies):
            if p < pos:
                if p >= floor and body[:1].isupper() and not _plural(body) and not is_body_description(body):
                    best = (p, body)
                break
        k = bisect.bisect_left(self.positions, pos)
        for i in range(k - 1, -1, -1):
            p = self.positions[i]
            if p < max(floor, best[0]):
                break
            name, key, spoke = self._items[i]
            if spoke:
                if not self.gender.get(key) and not _name_gender(name.split()[0].lower()) and len(name.split()) == 1:
                    best = (p, name)
                break
        if best[1] == speaker and start == pos:
            # "Lycos hopes it will …. The net firm estimates …": no body spoke; the one the sentence before is about,
            # when its name is the whole subject (a verb right after it: not "Video game giant Electronic Arts").
            return self._subject_before(start, verb_after=True) or speaker
        return best[1]

    def has_spoken(self, name: str) -> bool:
        """Is ``name`` the speaker of some attribution in the text ("Deloitte stressed", "Microsoft has warned")?"""
        return any(b == name for _, b in self._bodies) or any(item[0] == name and item[2] for item in self._items)

    def body(self, pos: int, speaker: str) -> str:
        """The body a description of one ("the firm") that speaks at ``pos`` stands for, else ``speaker``."""
        k = bisect.bisect_left(self._bodies, (pos, ""))
        if k < len(self._bodies) and self._bodies[k][0] == pos:
            return self._bodies[k][1]
        return self._named_body(pos, speaker)

    def _previous_subject(self, pos: int, plural: bool = False) -> str | None:
        """ "Sony has promised … . It also said …": "it" opening a sentence (or after "But" or a leading
        phrase) stands for the subject of the sentence before it, which may close the paragraph before, when
        that subject is one body (a name of no person with a gender in the text, or a description headed by a
        body or document noun: "a recent report from X"). With ``plural``, "They" opening a sentence and a
        subject of many in the sentence before ("Most firms have cut jobs. They also warned …")."""
        text = self.text
        start = self.sentence_start(pos)
        lead = text[start:pos].strip(" \t\"“")
        if not plural and text[pos:pos + 3] == "it " and _IT_LEAD.fullmatch(lead):
            pass  # "But it warned …", "In its monthly bulletin, it flagged …": "it" after a leading word or phrase
        elif lead or text[pos:pos + (5 if plural else 3)] != ("They " if plural else "It "):
            return None
        return self._subject_before(start, plural)

    def _subject_before(self, start: int, plural: bool = False, verb_after: bool = False) -> str | None:
        """The subject of the sentence before the one at ``start`` when it is one body (``_previous_subject``);
        with ``verb_after``, only a name that is the whole subject, a verb right after it ("Lycos hopes")."""
        text = self.text
        k = bisect.bisect_left(self._sentence_starts, start)
        if k == 0:
            return None
        previous = self._sentence_starts[k - 1]
        if previous < self.paragraph_start(start, back=1) or self.quoted(previous):
            return None
        end = start
        while end > previous and text[end - 1] in " \t\n\"”.!?":
            end -= 1
        if plural:
            return plural_subject(text, previous, end)
        source = _attributions(text, previous, end, first=True)
        if source and source[0][3] == "according" and source[0][1] == previous and not is_pronoun(source[0][0]):
            # "According to Technorati, blogs have doubled. It now estimates …": the source, if no he or she.
            name = source[0][0]
            key = self.key(name, True)
            if not self.gender.get(key) and not _name_gender(name.split()[0].lower()) and not _plural(name):
                return name
        subject = _sentence_subject(text, previous, end)
        if not subject or is_pronoun(subject) or _plural(subject) or subject.lower() in _PRONOUN_WORDS:
            return None  # "It would double …. It also announced …": the first "It" names no body either
        at = text.find(subject, previous, end)
        if any(POSSESSIVE.search(w) for w in subject.split()) or (at >= 0 and text[at + len(subject):][:1] in "'’"):
            return None  # "Keane's Hopes and Fears", "EastEnders' head writer": not the body itself
        if verb_after:
            verb = _NEXT_WORD.match(text, at + len(subject)) if at >= 0 else None
            if not verb or not (verb.group(1) in _AUXILIARIES or verb.group(1).endswith(("s", "ed"))):
                return None
        if subject[0].islower():
            head = subject.split()[-1].lower()
            return subject if head in ORG_WORDS or head in DOCUMENT_NOUNS else None
        key = self.key(subject, True)
        if (self.gender.get(key) or len(subject.split()) > 1 and any(item[1] == key for item in self._items)) or (
            _name_gender(subject.split()[0].lower())
        ):
            return None  # a person named in the text is "he" or "she", not "it" (a one-word name may be a body)
        return subject
