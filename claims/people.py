"""The people an article names, their gender, and whom "he", "she" or "the 30-year-old" means.

A person is a capitalised name with evidence that it names a person: a title or role before it
("Mr Goodman", "spokeswoman Maria Zakharova", "Aviation analyst Nick Van den Brul"), a common
first name ("Sarah Mehta"), an appositive after it ("Dmitry Peskov, the Kremlin spokesman,"), a
two-word name opening a clause before a verb ("Lloyd Austin met …"), being the speaker of an
attribution, or being the surname or first name of a person named so elsewhere ("Partridge",
"Sharon"). Words inside quotation marks name no one here: they are the speaker's, not the
narrator's.

Gender comes from titles (Mr/Sir/Lord; Mrs/Ms/Miss/Lady/Dame), gendered nouns ("his wife
Sharon", "spokeswoman"), a short list of common first names, and "he"/"she" once resolved to a
name (the gender is kept for the rest of the article). Conflicting evidence leaves it unknown
(the gender words are in claims.speaker_gender). A possessive ends a name ("Mike Friday's England
side" names Mike Friday), and a sentence end inside a run of capitalised words splits it ("said Thomas. Henson, …").

"he"/"she" resolve to the nearest sentence before them that names a compatible person, and in
that sentence to the first such person (the subject, as a rule, not someone named later in it):
"Rijkaard was critical of Mourinho's decision. “…,” he said." -> Rijkaard. A person
description ("the 30-year-old", "the singer", "the American") does the same from the sentence
before its own, since news never describes someone named in the same sentence; a capitalised title
alone ("the Bishop") is the person named with that title before (claims.speaker_titles). The resolving is
in claims.people_pronouns, and which body "it" or "the company" stands for in claims.people_bodies (two
mixins of ``People``); this module collects the names and their genders.
"""

from __future__ import annotations

import bisect
import re

from claims.speaker_names import pronoun_gender
from claims.speaker_sentences import COMMON_VERBS
from claims.people_bodies import _AUXILIARIES, BodyReferences
from claims.people_pronouns import PronounReferences, named_in
from claims.speaker_bodies import is_body_description
from claims.speaker_gender import (
    FEMALE_NOUNS,
    FEMALE_TITLES,
    MALE_NOUNS,
    MALE_TITLES,
    PERSON_NOUNS,
    description_gender,
    is_description,
    spokesperson_gender,
    name_gender as _name_gender,
)
from claims.speaker_titles import is_kin, title_of, titled_person
from claims.speaker_tokens import _name_from_run, _words, cap_runs as _cap_runs
from claims.speakers import (
    _attributions,
    is_person,
    is_pronoun,
    sentence_breaks,
)
from claims.speech_words import (
    LEADING_NOISE,
    NOUN_OF_SAYING,
    NP_STOP,
    POSSESSIVE,
    ROLE_NOUNS,
    TITLE_NOUNS,
    TITLE_WORDS,
)

__all__ = ["People", "description_gender", "is_body_description", "is_description", "named_in", "resolve_speaker"]  # is_body_description: claims.speaker_bodies

# Words before a name that show it names a person: "spokeswoman Maria Zakharova", "his wife Sharon".
_PERSON_MARKERS = TITLE_NOUNS | ROLE_NOUNS | PERSON_NOUNS | MALE_NOUNS | FEMALE_NOUNS
_VERBS = COMMON_VERBS | frozenset("also now then still".split())
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
# The lowercase word right before a name: "spokeswoman" in "spokeswoman Maria Zakharova".
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([a-z][a-z-]*)[ \t]+$")
# A lowercase role with its field right before a name: "director of sport" in "director of sport Emilio Butragueno".
_ROLE_OF_BEFORE = re.compile(r"(?<![\w’'-])([a-z]+)[ \t]+of[ \t]+(?:the[ \t]+)?[a-z]+[ \t]+$")
# "… is an Indian blogger": a name's predicate noun (group 1), after up to three modifiers.
_IS_A = re.compile(r"[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t]+(?:[\w-]+[ \t]+){0,3}?([a-z][a-z-]+)\b(?![ \t]+of\b)")


_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
# A person description opening a sentence as its subject: "The seventh seed, who …", "The 28-year-old has …".
_DESCRIBED_SUBJECT = re.compile(r"(The [a-z0-9][\w-]*(?: [a-z0-9][\w-]*){0,2})(?=,| (?:is|was|has|had|will|would)\b)")
_ROLE_THEN_NAME = re.compile(r"[ \t]+([a-z][a-z-]*)[ \t]+[A-Z][a-z]")


_BRACKETED = re.compile(r"[ \t]*\(([A-Z][A-Za-z&]{1,7})\)")


def _bare_possessive(text: str, token: tuple[str, int, int]) -> bool:
    """Is ``token`` a plural-style possessive whose apostrophe the tokenizer left out ("Jenkins" in "Jenkins' Wales")?
    It ends the name ("Neil Jenkins' Wales" is Neil Jenkins, then Wales); the mention itself is not marked possessive."""
    return token[0].endswith("s") and text[token[2]:token[2] + 1] in ("'", "’") and not text[token[2] + 1:token[2] + 2].isalpha()


def _initials_follow(text: str, pos: int, name: str) -> bool:
    """ "Electronic Arts (EA) says": a name followed by its initials in brackets is a body, not a person."""
    at = text.find(name, pos, pos + len(name) + 40)
    m = _BRACKETED.match(text, at + len(name)) if at >= 0 else None
    if not m or len(name.split()) < 2:
        return False
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return m.group(1).upper().startswith(initials[:2].upper())


# An age opening a sentence before a name: "Fifteen-year-old", "21-Year-Old".
_AGE_WORD = re.compile(r"[\w]+-year-old", re.IGNORECASE)


class People(BodyReferences, PronounReferences):
    """The people named in ``text`` (outside the ``quoted`` spans), in text order."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] = ()) -> None:
        self.text = text
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        self.break_starts, self.break_ends = _starts, ends = sentence_breaks(text)
        self._paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
        self._sentence_starts = sorted(set(ends) | set(self._paragraph_starts))
        self.gender: dict[str, str] = {}  # person key -> "m" / "f" ("" when the evidence conflicts)
        self._by_last: dict[str, str] = {}
        self._by_first: dict[str, str] = {}
        self.positions: list[int] = []
        self._items: list[tuple[str, str, bool]] = []  # (name as written, person key, speaker?)
        self._chains: dict[tuple[int, str | None], str | None] = {}
        self._first_attribution: dict[tuple[int, int], list] = {}  # _unnamed_speaker_before's, per sentence
        self._possessive: set[int] = set()  # mentions in the possessive: "Gerrard's drive", "his claim that"
        self._collect()

    # -- building ----------------------------------------------------------------------------

    def quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quoted_starts, pos)
        return k > 0 and self._quoted[k - 1][0] <= pos < self._quoted[k - 1][1]

    def _note_gender(self, key: str, gender: str | None) -> None:
        if gender:
            old = self.gender.get(key)
            self.gender[key] = gender if old in (None, gender) else ""

    def _collect(self) -> None:
        text = self.text
        raw: list[tuple[int, str, str | None, bool]] = []  # (start, name, gender, strong)
        runs = []
        for s0, end, run in _cap_runs(text):
            if self.quoted(s0):
                continue
            # A possessive ends a name: "Mike Friday's England side" names Mike Friday; the words after
            # it can be a name of their own: "Britain's Jason Gardener", "the BBC's Louisa Lim"; one word
            # too ("Arsenal's Edu"), which names a person only when it speaks somewhere (see ``key``).
            cut = next((i for i, t in enumerate(run) if POSSESSIVE.search(t[0]) or _bare_possessive(text, t)), len(run))
            runs.append((s0, end, run[:cut + 1], False))
            if len(run) - cut - 1 >= 1:
                # After a body's possessive a name may open the clause ("Manchester United's Alex Ferguson
                # has praised"); after a person's it is what they own ("Graham Norton's Strictly Dance Fever").
                body_before = not _name_gender(run[0][0].lower()) and run[0][0].lower() not in TITLE_WORDS
                runs.append((run[cut + 1][1], end, run[cut + 1:], body_before))
        for s0, end, run, after_possessive in runs:
            possessive = bool(run) and bool(POSSESSIVE.search(run[-1][0]))
            if possessive:
                w, a, b = run[-1]
                run[-1] = (w[:-2], a, b - 2)
            while run and (run[0][0].lower() in LEADING_NOISE or _AGE_WORD.fullmatch(run[0][0])):
                run = run[1:]  # "Fifteen-year-old Donald Young's first appearance": the age opens the sentence
            if not run or not run[-1][0]:
                continue
            name = _name_from_run(run, text)
            if name and " of " in name and (not is_person(name) or _name_gender(name.split()[0].lower())):
                # "President Nestor Kirchner of Argentina": the name before "of" and its place; so too
                # after a known first name ("Olivier Rochus of Belgium": a person's name holds no "of").
                cut = text.find(" of ", run[0][1])
                name = _name_from_run([t for t in run if t[2] <= cut], text)
            if not is_person(name):
                continue
            role = _ROLE_THEN_NAME.match(text, run[-1][2])
            if role and role.group(1) in _PERSON_MARKERS:
                continue  # "Franz Ferdinand frontman Alex Kapranos": the band, club or firm of the person named next
            ns = text.find(name, run[0][1])
            words = name.split()
            prefix = [t[0].lower() for t in run if t[1] < ns]
            gender: str | None = None
            strong = any(x in TITLE_WORDS for x in prefix)
            for x in prefix:
                gender = "m" if x in MALE_TITLES else "f" if x in FEMALE_TITLES else gender
            before = _WORD_BEFORE.search(text, max(0, run[0][1] - 30), run[0][1])
            lb = before.group(1) if before else ""
            if lb and lb not in _PERSON_MARKERS:
                role = _ROLE_OF_BEFORE.search(text, max(0, run[0][1] - 40), run[0][1])
                lb = role.group(1) if role and role.group(1) in _PERSON_MARKERS else lb  # "director of sport Emilio Butragueno"
            if lb in _PERSON_MARKERS and not (len(words) == 1 and lb.endswith("s") and lb[:-1] in _PERSON_MARKERS):
                strong = True  # "spokeswoman Maria Zakharova", "his wife Sharon"; not "leaders Barcelona": a side
                gender = gender or ("f" if lb in FEMALE_NOUNS else "m" if lb in MALE_NOUNS else None)
            first_gender = _name_gender(words[0].lower())
            if first_gender:
                strong, gender = True, gender or first_gender
            if not strong and text.startswith(", who ", end):
                strong = True  # "DiCaprio, who lost out on the award, …": "who" follows a person
            if not strong and len(words) >= 2 and text[end:end + 1] == ",":
                after = _words(text, end, min(len(text), end + 60))[:4]
                strong = bool(after) and (
                    after[0][0].lower() in ("a", "an", "the", "his", "her")
                    or any(w.lower() in _PERSON_MARKERS for w, _, _ in after)
                )
            if not strong and len(words) >= 2:
                strong = self._opens_clause(s0, end, after_possessive)
            if not strong and len(words) >= 2:
                # "Dina Mehta is an Indian blogger": a name that is (was) a person noun names a person.
                copula = _IS_A.match(text, end)
                strong = bool(copula) and copula.group(1).lower() in _PERSON_MARKERS
            raw.append((ns, name, gender, strong))
            if possessive or (lb in ("a", "an") and _LOWER_NEXT.match(text, end)):
                self._possessive.add(ns)  # "an Alan Shearer strike": a modifier, like a possessive
        attributions = [a for a in _attributions(text, 0, len(text)) if not self.quoted(a[1])]
        spoken = [(a[1], a[0]) for a in attributions if is_person(a[0])]
        self._known = {w.lower() for _, name in spoken for w in name.split()[-1:]}
        for _, name, _, strong in raw + [(p, n, None, True) for p, n in spoken]:
            words = name.split()
            if strong and len(words) >= 2:
                self._by_last.setdefault(words[-1].lower(), name)
                self._by_first.setdefault(words[0].lower(), name)
        items: dict[int, tuple[str, str, bool]] = {}
        for pos, name, gender, strong in raw:
            key = self.key(name, strong)
            if key:
                items[pos] = (name, key, False)
                self._note_gender(key, gender)
        self._bodies: list[tuple[int, str]] = []  # speakers that are no person: "the company said"
        referring = []
        for speaker, span_start, _, _ in attributions:
            if NOUN_OF_SAYING.match(text, span_start):
                self._possessive.add(span_start)  # "his allegations that …": the speaker only as a possessor
            if is_pronoun(speaker) or description_gender(speaker) is not False or title_of(speaker):
                referring.append((span_start, speaker))
            elif is_person(speaker) and not _initials_follow(text, span_start, speaker):
                items[span_start] = (speaker, self.key(speaker, True), True)
            elif spokesperson_gender(speaker) is not False:
                items[span_start] = (speaker, speaker, True)  # "An Acme spokeswoman said …. She said …"
                self._note_gender(speaker, spokesperson_gender(speaker))
            else:
                self._bodies.append((span_start, speaker))
        for pos in sorted(items):
            self.positions.append(pos)
            self._items.append(items[pos])
        for k, (pos, speaker) in enumerate(self._bodies):
            self._bodies[k] = (pos, self._named_body(pos, speaker, self._bodies[:k]))
        # "he said …", "the Scot said …": who they are, in text order, is a speaker there too.
        for pos, speaker in sorted(referring):
            if is_pronoun(speaker):
                if pronoun_gender(speaker) in ("it", "they"):
                    continue  # a body or many, not a person to go on with
                skip = self.after_its_words(pos)
                who = self.resolve(pos, pronoun_gender(speaker), skip_sentence=skip, pronoun=True)[0]
            else:  # "the singer", "the Bishop"
                who = titled_person(self, pos, speaker)
                who = who or self.resolve(pos, description_gender(speaker) or None, skip_sentence=True)[0]
            if who and is_person(who):
                self.add_speaker(pos, who)
        self._described_subjects()

    def _described_subjects(self) -> None:
        """ "The seventh seed, who …, is looking forward to it. “…,” he said.": a person description opening a
        sentence, as its subject, is a mention of the person it stands for (whom "he" then goes on with)."""
        for start in self._sentence_starts:
            m = _DESCRIBED_SUBJECT.match(self.text, start)
            if not m or self.quoted(start) or description_gender(m.group(1)) is False:
                continue
            k = bisect.bisect_left(self.positions, start)
            if k < len(self.positions) and self.positions[k] == start:
                continue  # an attribution's speaker already stands there
            who = self.resolve(start, description_gender(m.group(1)) or None, skip_sentence=True)[0]
            if who and is_person(who):
                self._chains.clear()
                self.positions.insert(k, start)
                self._items.insert(k, (who, self.key(who, True), False))

    def _opens_clause(self, start: int, end: int, after_possessive: bool = False) -> bool:
        """ "Lloyd Austin met …": a name opening a clause before a lowercase word, not a
        modifier of another name ("Beach Boys veteran Brian Wilson", "Sony Music chief …"); after a
        possessive too ("Manchester United's Alex Ferguson has praised …")."""
        text = self.text
        j = start
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if not (j == 0 or text[j - 1] in ".!?,;:\n”\"" or after_possessive):
            return False
        after = _words(text, end, min(len(text), end + 40))[:2]
        if not after or not after[0][0].islower():
            return False
        w = after[0][0]
        if w in _AUXILIARIES and after_possessive:
            return len(after) > 1 and after[1][0][:1].islower()  # "Manchester United's Alex Ferguson has praised"
        if w in ("has", "had") and len(after) > 1 and after[1][0].endswith("ed"):
            return True  # "Germaine Greer has criticised …": a name before its verb's auxiliary
        if w in NP_STOP or w in TITLE_WORDS or not (w in _VERBS or w.endswith("ed") or (
            w.endswith("s") and not w.endswith(("ss", "us"))
        )):
            return False  # "Like Kazaa these …": no verb after it
        return not (len(after) > 1 and after[1][0][:1].isupper())

    def key(self, name: str, strong: bool) -> str | None:
        """The person a name stands for: itself, or the full name whose surname or first name it is."""
        words = name.split()
        if len(words) >= 2:
            return name if strong else None
        w = words[0].lower()
        return self._by_last.get(w) or self._by_first.get(w) or (name if strong or w in self._known else None)

    # -- reading -------------------------------------------------------------------------------

    def paragraph_start(self, pos: int, back: int = 0) -> int:
        k = bisect.bisect_right(self._paragraph_starts, pos) - 1 - back
        return self._paragraph_starts[k] if k >= 0 else 0

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self._sentence_starts, pos)

    def sentence_start(self, pos: int) -> int:
        k = bisect.bisect_right(self._sentence_starts, pos)
        return self._sentence_starts[k - 1] if k else 0

    def add_speaker(self, pos: int, name: str) -> None:
        """A quote's speaker, resolved: a mention of them where the attribution stands."""
        self._chains.clear()
        key = self.key(name, True)
        k = bisect.bisect_left(self.positions, pos)
        if k < len(self.positions) and self.positions[k] == pos:
            self._items[k] = (name, key, True)
            return
        self.positions.insert(k, pos)
        self._items.insert(k, (name, key, True))


# The people of the last text read, for find_attribution's calls one sentence at a time.
_CONTEXT: tuple[str | None, People | None] = (None, None)


def remember(people: People) -> None:
    global _CONTEXT
    _CONTEXT = (people.text, people)


def context(text: str) -> People:
    cached_text, people = _CONTEXT
    if people is not None and (cached_text is text or cached_text == text):
        return people
    from claims.quotes import quoted_spans  # claims.quotes imports this module

    people = People(text, quoted_spans(text))
    remember(people)
    return people


def resolve_speaker(text: str, speaker: str, pos: int) -> tuple[str | None, bool]:
    """A pronoun mark or person description at ``pos`` resolved: (person or None, anyone named before);
    a description of one body ("the company") gives the body it stands for, or None."""
    if is_body_description(speaker):
        body = context(text).body(pos, speaker)
        return (None if body == speaker else body), True
    named = titled_person(context(text), pos, speaker)
    if named:  # "the Bishop said": the person named with that title before
        return named, True
    if is_kin(speaker):
        return None, True  # "his son said" with no son named: as written, not the father named before
    if is_pronoun(speaker):
        people = context(text)
        return people.resolve(pos, pronoun_gender(speaker), skip_sentence=people.after_its_words(pos), pronoun=True)
    people = context(text)
    who, anyone = people.resolve(pos, description_gender(speaker) or None, skip_sentence=True)
    return (who or people.lead_named(pos, speaker)), anyone
