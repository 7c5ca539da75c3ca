"""Whom "he", "she" or "the 30-year-old" stands for: the part of ``claims.people.People`` about references.

``PronounReferences`` is a mixin of ``People`` (it uses the text, sentence and paragraph starts, the names,
their genders and the speakers that ``People`` collects). ``resolve`` goes back to the nearest sentence that
names a compatible person and, in that sentence, to the first such person (the subject, as a rule): "Rijkaard
was critical of Mourinho's decision. “…,” he said." -> Rijkaard; "it" and "they" go to the body or the many
that spoke last. ``latest`` and ``subject`` give whom a quote with no attribution goes on with.
"""

from __future__ import annotations

import bisect
import re

from claims.speaker_gender import description_gender, name_gender as _name_gender, unnamed_person
from claims.speaker_names import pronoun_gender
from claims.speaker_sentences import LEADING_PHRASE, SUBORDINATORS, _aside_at, _sentence_subject, lead_word
from claims.speaker_subjects import plural_speaker as _plural
from claims.speaker_tokens import _words
from claims.speakers import _attributions, is_person, is_pronoun
from claims.speech_words import DOCUMENT_NOUNS, ORG_WORDS

__all__ = ["PronounReferences", "named_in"]

# A clause leading its sentence with a pronoun for its subject: "When he refused …, ", "But while she …, ".
_LEADING_PRONOUN = re.compile(
    r"[\"“ \t]*(?:(?:But|And|Yet|So)[ \t]+)?(?:[Ww]hen|[Ww]hile|[Ww]hilst|[Aa]fter|[Bb]efore|[Aa]lthough|[Tt]hough"
    r"|[Aa]s|[Ss]ince|[Bb]ecause|[Oo]nce|[Ii]f|[Uu]ntil)[ \t]+([Hh]e|[Ss]he)\b[^.!?;:]*?,"
)


# The relative word right before a pronoun subject ("that it says", "what she called") and where a clause starts.
_RELATIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:which|who|whom|that|what)[ \t]+$")
_NO_SUBJECT = frozenset("that this these those it there".split())  # "That prompted …": no one
_CLAUSE_CUT = re.compile(r",?[ \t]+(?:but|while|whilst)[ \t]+|;[ \t]+")


# Descriptions of two people named together before ("the pair", "the duo").
_PAIR_WORDS = frozenset(("the pair", "the duo", "the couple", "the two"))
# Words that make a description that opens an article a body's or no speaker phrase at all.
_BODY_OR_VERB = ORG_WORDS | {"has", "have", "had", "is", "are", "was", "were"}


# A paragraph that opens with a lowercase verb: its subject is missing, as where the source lost a name ("was
# delighted …", "finished third …").
_MISSING_SUBJECT = re.compile(
    r"(?:[a-z]+ed|was|is|has|had|will|would|could|won|took|made|did|beat|also|believes|insists|feels|says)\s+[a-z]"
)


class PronounReferences:
    """Resolving "he", "she", "it", "they" and person descriptions (a mixin of ``People``)."""

    def _compatible(self, key: str, gender: str | None) -> bool:
        g = self.gender.get(key)
        return not gender or not g or g == gender

    def named_description(self, pos: int, description: str) -> str | None:
        """Who a "the …"/"a …" description at ``pos`` that no one before it fits stands for: the person named
        after it when it opens the article (``lead_named``), or the two named together before "the pair"
        (``pair_named``); None otherwise."""
        return self.lead_named(pos, description) or self.pair_named(pos, description)

    def pair_named(self, pos: int, description: str) -> str | None:
        """The two people "the pair" or "the duo" at ``pos`` stands for: the last two named together before it
        ("sprinters Kostas Kenteris and Katerina Thanou … The pair spent four days in hospital, claiming …"), in
        its paragraph or the two before; None when no two people are named so."""
        if description.lower() not in _PAIR_WORDS:
            return None
        floor = self.paragraph_start(pos, back=2)
        k = bisect.bisect_left(self.positions, pos)
        for i in range(k - 1, 0, -1):
            at, (name, key, _) = self.positions[i], self._items[i]
            if at < floor:
                break
            before, (name0, key0, _) = self.positions[i - 1], self._items[i - 1]
            if before < floor or key0 == key or not (key and key0 and is_person(key) and is_person(key0)):
                continue
            if self.text[before + len(name0):at] == " and ":
                return f"{key0} and {key}"
        return None

    def lead_named(self, pos: int, description: str) -> str | None:
        """The person a description that opens the article is named as next: "The guitarist with US rock band
        Korn has quit …, saying …\n\nBrian Welch told a radio station …" -> Brian Welch. Only for the subject of
        the first sentence, and only for the first person of the sentence after it, who speaks there ("Fox
        entertainment president Gail Berman said") or is named in full at its start; None otherwise (a description
        never named stays as written)."""
        text = self.text
        lead = len(text) - len(text.lstrip())
        if self.sentence_start(pos) != 0 or text[lead:lead + len(description)].lower() != description.lower():
            return None
        head = re.split(r"\s(?:of|for|at|with|from|in)\s", description, maxsplit=1)[0]
        if pos - lead > len(description) + 160 or _BODY_OR_VERB & {w.lower() for w in head.split()[1:]}:
            return None  # "The Brazilian government has played down …": a body speaks, no person ("the head of Fox" may)
        k = bisect.bisect_right(self.positions, pos)
        while k < len(self.positions) and self.sentence_of(self.positions[k]) == self.sentence_of(pos):
            k += 1
        if k >= len(self.positions):
            return None
        at, (name, key, speaks) = self.positions[k], self._items[k]
        if self.sentence_of(at) != self.sentence_of(pos) + 1 or key is None or not is_person(key):
            return None
        if not (speaks or (self.sentence_start(at) == at and len(key.split()) >= 2)):
            return None  # "… has been shut out of the race.\n\nCharles Evans Jr battled …": a full name opening it
        gender = description_gender(description)
        return key if self._compatible(key, gender or None) else None

    def resolve(
        self, pos: int, gender: str | None, skip_sentence: bool = False, pronoun: bool = False, words: str = ""
    ) -> tuple[str | None, bool]:
        """(the person "he"/"she"/"the singer" at ``pos`` stands for, whether anyone is named before).
        "it" (gender "it") is the last body that spoke ("the company said") in this paragraph or
        the two before, never a plural ("the respondents", "analysts"). ``words`` are the words the
        pronoun says, if known: a person they call by name is someone else ('"They wanted Morientes
        back …," he said.' is not Fernando Morientes)."""
        relative = self._relative_subject(pos, gender) if pronoun or gender == "it" else None
        if relative:
            return relative, True
        if gender == "they":
            # "They say …": the last speaker that is many ("experts warned"), in this paragraph or the one before.
            before = self._previous_subject(pos, plural=True)  # "Most firms cut jobs. They also warned …"
            if before:
                return before, True
            floor = self.paragraph_start(pos, back=1)
            for p, speaker in reversed(self._bodies):
                if p < pos:
                    if p < floor:
                        break
                    if _plural(speaker):
                        return speaker, True
            return None, True
        if gender == "it":
            start = self.sentence_start(pos)
            if start < pos and not self.quoted(start):
                subject = _sentence_subject(self.text, start, pos)  # "The convention …, it says, …"
                if subject and not is_pronoun(subject) and not is_person(subject) and subject.split()[0].islower() and (
                    _aside_at(self.text, pos) or subject.split()[-1].lower() in ORG_WORDS | DOCUMENT_NOUNS
                ):  # "The records beat forecasts, it said.": the subject of the words it reports is not "it"
                    return subject, True
            before = self._previous_subject(pos)
            if before:
                return before, True
            floor = self.paragraph_start(pos, back=2)
            body = next(((p, speaker) for p, speaker in reversed(self._bodies) if p < pos and not _plural(speaker)), None)
            named = self._last_one_word_speaker(pos, max(floor, body[0] if body else floor))
            if named:  # "In a statement Google said …. It said: …": a one-word name of no person is a body
                return named, True
            if body:  # "it" is no "the respondents" or "analysts"
                return (body[1] if body[0] >= floor else None), True
            return None, True
        if pronoun and gender in ("m", "f"):
            # "When he refused to back Mr Hale, he said: …": the subject pronoun of a clause leading its
            # sentence is the one the main clause's pronoun goes on with, not a person named in between.
            start = self.sentence_start(pos)
            lead = _LEADING_PRONOUN.match(self.text, start, pos)
            if lead and lead.end() <= pos and ("m" if lead.group(1).lower() == "he" else "f") == gender:
                return self.resolve(lead.start(1), gender, pronoun=True, words=words)
            unnamed = self._unnamed_speaker_before(pos, gender)
            if unnamed:
                return unnamed, True
            if self.subject_missing(pos):
                return None, True
        k = bisect.bisect_left(self.positions, pos)
        if k == 0:
            return None, False
        # A person named only in the possessive ("Reed hailed Hale. … capped by Hale's goal. He added: …")
        # is what a pronoun stands for only when no one else fits: the subject, not a possessor, goes on
        # (a description, "the singer", may well be the possessor: "Mr Jackson's film. … the singer said").
        first = self._person(pos, k, gender, skip_sentence, True, words) if pronoun else None
        return first or self._person(pos, k, gender, skip_sentence, False, words), True

    def _relative_subject(self, pos: int, gender: str | None) -> str | None:
        """ "Nintendo is releasing a console that it says …", "Greer quit over what she called …": a pronoun that opens
        a relative clause stands for the subject of the clause the relative clause is in (after "but", "while" or
        ";"), when that subject fits it: a person of its gender for "he"/"she", one body for "it"."""
        text = self.text
        start = self.sentence_start(pos)
        if gender not in ("m", "f", "it") or not _RELATIVE_BEFORE.search(text, max(start, pos - 8), pos):
            return None
        clause = start
        for m in _CLAUSE_CUT.finditer(text, start, pos):
            clause = m.end()
        subject = _sentence_subject(text, clause, pos)
        if not subject or is_pronoun(subject) or subject[0].islower() or subject.lower() in _NO_SUBJECT:
            return None
        key = self.key(subject, True)
        if gender == "it":  # a name of no person with a gender in the text ("Apple", "Delta")
            named_person = self.gender.get(key or subject) or _name_gender(subject.split()[0].lower())
            return None if named_person or _plural(subject) else subject
        return subject if is_person(subject) and key and self._compatible(key, gender) else None

    def subject_missing(self, pos: int) -> bool:
        """Does the paragraph of ``pos`` open with a lowercase verb whose subject is missing, naming no one before
        ``pos`` ("\n\nwas delighted to be paired with United, although he admitted …": a name the source text lost,
        whom "he" stands for, not anyone named earlier)?"""
        start = self.paragraph_start(pos)
        if start == 0 or not _MISSING_SUBJECT.match(self.text, start):
            return False
        k = bisect.bisect_left(self.positions, start)
        return k >= len(self.positions) or self.positions[k] >= pos

    def _unnamed_speaker_before(self, pos: int, gender: str) -> str | None:
        """ "A spokesman for Apacs said the risk was minimal. “…,” he said.": "he" or "she" goes on with the
        unnamed person who speaks in the sentence before (its first attribution), when no one fitting is named
        between; None otherwise (the people named before are then who it may stand for)."""
        here = self.sentence_start(pos)
        if here == 0:
            return None
        floor = self.paragraph_start(pos, back=1)
        before = self.sentence_start(here - 1)
        while self.quoted(before) and before > floor:
            before = self.sentence_start(before - 1)  # '… said that …. "We all want … . Rest assured …," he said.'
        if self.quoted(before):
            return None
        k = bisect.bisect_right(self._sentence_starts, before)
        end = self._sentence_starts[k] if k < len(self._sentence_starts) else here
        span = (before, min(end, here))
        found = self._first_attribution.get(span)
        if found is None:
            found = self._first_attribution[span] = _attributions(self.text, *span, first=True)
        if not found or not unnamed_person(found[0][0], gender):
            return None
        k = bisect.bisect_left(self.positions, found[0][1] + len(found[0][0]))
        if k < len(self.positions) and self.positions[k] < pos and self._compatible(self._items[k][1], gender):
            return None
        return found[0][0]

    def _last_one_word_speaker(self, pos: int, floor: int) -> str | None:
        """The last speaker in text[floor:pos] if it is a one-word name of no known person (no gender, no first
        name: "Google said"), which "it" can stand for; None when the last speaker is someone else."""
        k = bisect.bisect_left(self.positions, pos)
        for i in range(k - 1, -1, -1):
            if self.positions[i] < floor:
                break
            name, key, spoke = self._items[i]
            if spoke:
                one = len(name.split()) == 1 and not self.gender.get(key) and not _name_gender(name.lower())
                return name if one and key == name else None
        return None

    def _called_in(self, words: str, m: int) -> bool:
        """Do the quoted ``words`` call the person of mention ``m`` by name, as written there or by another
        part of their full name? ('"… a quiet word with Olof"' are not the words of Mellberg, Olof Mellberg.)"""
        name, key, _ = self._items[m]
        return named_in(words, name) or (key is not None and key != name and named_in(words, key))

    def _person(
        self, pos: int, k: int, gender: str | None, skip_sentence: bool, skip_possessive: bool, words: str = ""
    ) -> str | None:
        """The person "he"/"she"/"the singer" at ``pos`` stands for (``resolve``), passing over the mentions
        in the possessive with ``skip_possessive`` and the people ``words`` call by name."""
        here = self.sentence_of(pos)
        poss = self._possessive if skip_possessive else ()

        def fits(m: int) -> bool:
            return (
                self._compatible(self._items[m][1], gender) and self.positions[m] not in poss
                and not (words and self._called_in(words, m))
            )

        for i in range(k - 1, max(-1, k - 60), -1):
            sentence = self.sentence_of(self.positions[i])
            if skip_sentence and sentence == here:
                continue
            if not fits(i):
                continue
            # A sentence on the way back that opens with "he" or "the Spaniard" goes on with the person
            # it stands for, not with someone it names later ("The Spaniard believed he was talking to
            # Emilio Butragueno. “…,” the 21-year-old told …" is the Spaniard).
            for t in range(here if not skip_sentence else here - 1, sentence - 1, -1):
                chained = self._chain(t, gender)
                if chained is not None and not (words and named_in(words, chained)):
                    return chained
            # The first compatible person of that sentence: its subject, as a rule; after a leading phrase
            # ("Having worked with Mr Cantalupo, Mr Bell focused …") the person after its comma.
            j = i
            while j > 0 and self.sentence_of(self.positions[j - 1]) == sentence:
                j -= 1
                if fits(j):
                    i = j
            lead = self._leading_phrase_end(self.sentence_start(self.positions[i]))
            if lead is not None and self.positions[i] < lead:
                later = [
                    m for m in range(i, len(self.positions))
                    if self.sentence_of(self.positions[m]) == sentence and self.positions[m] > lead
                    and self.positions[m] < pos and fits(m)
                ]
                if later:
                    i = later[0]
            turned = [
                m for m in range(i + 1, len(self.positions))
                if self.sentence_of(self.positions[m]) == sentence != here and self.positions[m] < pos
                and self.text[max(0, self.positions[m] - 4):self.positions[m]].lower() == "but "
                and fits(m) and (self.gender.get(self._items[m][1]) or len(self._items[m][1].split()) >= 2)  # a person, not "Rangers"
            ]
            if turned:
                i = turned[-1]  # "X won … and claimed …, but McIlroy is unfazed. He admitted: …": the clause after "but"
            if not self._items[i][2]:
                # "Russia is suspending the mission, Lavrov said, …. …, he said.": the one who spoke in that
                # sentence, not its subject that did not.
                spoke = [
                    m for m in range(i, len(self.positions))
                    if self.sentence_of(self.positions[m]) == sentence and self.positions[m] < pos
                    and self._items[m][2] and self._compatible(self._items[m][1], gender)
                    and self.positions[m] not in self._possessive  # "following his allegations that …"
                    and not (words and self._called_in(words, m))
                ]
                if spoke:
                    i = spoke[0]
            name, key, _ = self._items[i]
            if gender and not self.gender.get(key):
                self.gender[key] = gender
            return name
        return None

    def after_its_words(self, pos: int) -> bool:
        """ "His partner Tom Hale has helped, he says.": a pronoun after a comma follows the words it reports,
        and no one named in them is who it stands for (he is not Tom Hale); it goes back past its sentence."""
        j = pos
        while j > 0 and self.text[j - 1] in " \t":
            j -= 1
        return j > 0 and self.text[j - 1] == "," and self.sentence_start(pos) < j - 1

    def _leading_phrase_end(self, start: int) -> int | None:
        """Where a phrase opening the sentence at ``start`` ends (its comma): "Having worked with X, …",
        "Speaking in Lima, …", "After the match, …"; None if it opens with its subject."""
        words = _words(self.text, start, min(len(self.text), start + 40))[:2]
        if not words:
            return None
        w = words[0][0].lower()
        lead = lead_word(self.text, start, len(self.text))
        if lead and lead[0] in SUBORDINATORS:
            w = lead[0]  # "But even before Acme said …, Hale insisted": the subject after the comma
        if w not in LEADING_PHRASE and not (w.endswith("ing") and len(words) > 1 and words[1][0].islower()):
            return None
        comma = self.text.find(",", start, min(len(self.text), start + 100))
        return comma if comma > 0 else None

    def _chain(self, t: int, gender: str | None) -> str | None:
        """The person whom the "he"/"she" or person description opening sentence ``t`` (an index as
        ``sentence_of`` gives) stands for, if it fits ``gender``; else None."""
        memo = (t, gender)
        if memo in self._chains:
            return self._chains[memo]
        self._chains[memo] = None  # no cycles
        starts = self._sentence_starts
        if not 0 < t <= len(starts):
            return None
        start = starts[t - 1]
        end = starts[t] if t < len(starts) else len(self.text)
        who = None
        if not self.quoted(start):
            subject = _sentence_subject(self.text, start, start + max(1, min(120, (end - start) * 2 // 3)))
            if subject and is_pronoun(subject) and pronoun_gender(subject) not in ("it", "they"):
                g = pronoun_gender(subject)
                if not gender or g == gender:
                    who = self.resolve(start, g, pronoun=True)[0]
            elif subject and description_gender(subject) is not False:
                g = description_gender(subject)
                if not gender or not g or g == gender:
                    who = self.resolve(start, gender or g)[0]
        self._chains[memo] = who
        return who

    def subject(self, start: int, end: int) -> str | None:
        """The person named first in text[start:end] if they open it (within its first words)."""
        k = bisect.bisect_left(self.positions, start)
        if k < len(self.positions) and self.positions[k] < min(end, start + 60):
            return self._items[k][0]
        return None

    def latest(self, pos: int, floor: int) -> str | None:
        """The last speaker, or person opening a sentence, in text[floor:pos]."""
        k = bisect.bisect_left(self.positions, pos)
        for i in range(k - 1, -1, -1):
            p = self.positions[i]
            if p < floor:
                break
            name, _, speaker = self._items[i]
            first_of_sentence = i == 0 or self.sentence_of(self.positions[i - 1]) != self.sentence_of(p)
            if speaker or (first_of_sentence and p - self.sentence_start(p) <= 40):
                return name
        return None


def named_in(words: str, name: str) -> bool:
    """Do the quoted ``words`` call ``name`` by a word of it ('"Bob was a driven man"' names Bob Marley;
    '"… Simon Taylor is an outstanding player"')? A speaker does not speak of themselves so."""
    return any(re.search(r"(?<![\w’'-])" + re.escape(w) + r"(?![\w’'-])", words) for w in name.split() if len(w) > 2)
