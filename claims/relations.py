"""A claim without figures against the sentences of a source: the relation it states, not the words it shares.

Three kinds of relation are read, each a general shape of English:

- **rank**: "X is the [Nth-]SUPERLATIVE [NOUN] [in SCOPE]" ("the longest river in Asia", "the
  world's third-largest economy", "the fourth-busiest airport in Europe"). A source sentence of the
  same shape ("Y is the longest river in the world", "the Amazon ranks second in length", "X, the
  busiest airport in Europe") decides it: the same one at the same rank and scope supports; the same
  one at another rank, or another one at the top, refutes. A different superlative or scope is
  another relation and decides nothing;
- **role**: "X is the ROLE of Y" for roles only one holds ("capital", "seat", "headquarters"): "the
  capital of Canada is Ottawa" refutes "Toronto is the capital of Canada"; "Toronto, the capital of
  Ontario" does not (another relation on the same words); "it is the seat of the Bishop of London"
  refutes "... the seat of the Archbishop of Canterbury";
- **place** of an event: "X lifted off from P", "started on P", "broke the record at P": a sentence
  stating the claim's event (a synonym of its verb) for the same subject at another place refutes,
  at the same place supports.

A sentence that restates the whole claim ("For the first time, wind turbines produced more
electricity in the EU than gas-fired power stations") supports it; one that restates it denied
("it cannot be passed from one person to another through casual contact") refutes it. Words
shared with the claim are never enough: a restatement needs every content word of the claim, its
names in the claim's order, and no hedge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.compare import REFUTES, SUPPORTS
from claims.documents import Reading, SentenceView, claim_names
from claims.frame import Frame, name_phrases, synonyms, word_stems
from claims.prose import reports_claim
from claims.tablecheck import Finding, covered
from claims.words import STOPWORDS, stem

__all__ = ["Place", "Rank", "Role", "check_relations", "claim_place", "claim_rank", "claim_role"]

_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
_ORDINAL_WORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|4th|5th)"
# What a "ranks second in length" ranks by, as the superlative it means.
_DIMENSIONS = {"length": "longest", "size": "largest", "area": "largest", "height": "tallest", "population": "populous",
               "volume": "largest", "depth": "deepest", "traffic": "busiest", "passengers": "busiest"}
_SUPERLATIVE = r"(?:most\s+\w+|\w+est)"
# "X is the third-largest economy in the world", "X was the busiest airport in Europe", "to become the ...".
_RANK_IS = re.compile(
    rf"""(?:\b(?:is|was|are|were|remains|remained|became|become|becomes|as)\s+(?:also\s+|still\s+|now\s+|generally\s+regarded\s+as\s+)?
    (?:the\s+)?(?:(?:world['’]s|country['’]s|nation['’]s|continent['’]s)\s+)?)
    (?:(?P<ord>{_ORDINAL_WORD})[\s-]+)?(?P<sup>{_SUPERLATIVE})\b(?:\s+(?P<noun>(?!in\b|on\b|of\b|and\b|to\b)[a-z]+))?
    (?:\s+(?:in|on|of)\s+(?:the\s+)?(?P<scope>(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)|world|planet|country|continent))?""",
    re.VERBOSE | re.IGNORECASE,
)
# "X, at about 6,300 km, is the ..." / "X, the busiest airport in Europe, ..." (an appositive rank).
_RANK_APPOSITIVE = re.compile(
    rf",\s+the\s+(?:(?P<ord>{_ORDINAL_WORD})[\s-]+)?(?P<sup>{_SUPERLATIVE})\b(?:\s+(?P<noun>[a-z]+))?"
    rf"(?:\s+(?:in|on|of)\s+(?:the\s+)?(?P<scope>(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)|world))?", re.IGNORECASE)
# "ranks second in length", "ranking fourth in the world".
_RANKS = re.compile(rf"\brank(?:s|ed|ing)?\s+(?P<ord>{_ORDINAL_WORD})\s+in\s+(?:the\s+)?(?P<dim>[\w'’-]+)", re.IGNORECASE)
# After a superlative, a span of time makes it another relation: "the highest in 15 million years".
_TIME_SCOPED = re.compile(r"(?:\s+\w+)?\s+(?:in|for|over)\s+(?:the\s+)?(?:last\s+|past\s+)?(?:[\d,.]+\s+(?:\w+\s+)?|a\s+)?"
                          r"(?:years|decades|centuries|century|months)\b"
                          r"|(?:\s+\w+)?\s+(?:since|on\s+record|ever\s+recorded|recorded|ever|in\s+history)\b", re.I)
_INTRO_SCOPE = re.compile(r"\s*(?:In|Across|Within|Among)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s*,")
_DATE_HOLDER = re.compile(r"(?:last|this|next|the)?\s*(?:january|february|march|april|may|june|july|august|september|october|"
                          r"november|december|month|week|year|day|\d{4})\b", re.I)
_ROLES = frozenset(word_stems("capital seat headquarters birthplace"))
# Roles held by one per object (a country has one capital) or one per holder (a cathedral is one bishop's seat).
_ONE_PER_OBJECT = frozenset(word_stems("capital headquarters"))
_ROLE_OF = re.compile(r"\bthe\s+(?P<adj>national\s+|federal\s+|country['’]s\s+)?(?P<role>capital|seat|headquarters|birthplace)"
                      r"(?:\s+city)?(?:\s+of\s+(?P<object>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*))?", re.IGNORECASE)
_PLACE_PREPOSITION = r"(?:from|at|on|in)"
_PLACE = re.compile(rf"\b{_PLACE_PREPOSITION}\s+(?:the\s+|a\s+|an\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_CLAIM_PLACE = re.compile(r"\b(?:from|at|on)\s+(?:the\s+|a\s+|an\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_NEGATED = re.compile(r"\b(?:not|never|no|cannot|neither|nor|avoided|avoids|failed\s+to)\b|n['’]t\b", re.IGNORECASE)
_HEDGED = re.compile(r"\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|rumou?red|if|whether|unless)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|he|she|they|this)\s+(?:is|was|were|are)\s*$", re.IGNORECASE)
_DATE_WORDS = frozenset(word_stems("january february march april may june july august september october november december "
                                   "monday tuesday wednesday thursday friday saturday sunday christmas day eve year new"))


@dataclass(frozen=True, slots=True)
class Rank:
    holder: str | None  # who holds the rank, as written
    rank: int
    superlative: str  # the superlative's stem: "longest", "busiest", "largest"
    noun: str | None
    scope: str | None  # None for the world


@dataclass(frozen=True, slots=True)
class Role:
    holder: str
    role: str
    object: str | None


@dataclass(frozen=True, slots=True)
class Place:
    place: str
    start: int


def _scope(text: str | None) -> str | None:
    if not text:
        return None
    words = word_stems(text)
    return None if words <= {"world", "earth", "planet", "globe"} else " ".join(sorted(words))


def _superlative(word: str) -> str:
    word = word.lower().replace("most ", "")
    return {"biggest": "largest", "greatest": "largest", "highest": "tallest"}.get(word, word)


def _holder_before(text: str, at: int, *, last: bool = False) -> str | None:
    """Who holds the relation stated at a position: the first name of its clause (the subject, before
    any ", which ...," aside), or with ``last`` the name nearest before it (the doer of a verb)."""
    head = re.split(r"[;:]|\bbut\b|,\s+and\b|\band\b(?=\s+[a-z])", text[:at])[-1]
    if not last:
        head = re.sub(r",\s+(?:which|who|where)\b[^,]*,", ",", head)
    names = list(name_phrases(head))
    first = re.match(r"\s*[\"“‘(]*([A-Z][\w'’-]+)", head)
    if first and first.group(1).lower() not in STOPWORDS and not any(first.group(1) in n for n in names):
        names.insert(0, first.group(1))  # a sentence's first word: "Venus is the hottest planet"
    return (names[-1] if last else names[0]) if names else None


def _ranks_in(text: str) -> list[Rank]:
    out = []
    intro = _INTRO_SCOPE.match(text)  # "In Israel, the year 2010 was the hottest on record"
    for m in _RANK_IS.finditer(text):
        sup = m.group("sup")
        if sup.lower() in _NOT_SUPERLATIVE or _TIME_SCOPED.match(text, m.end()):
            continue  # "the highest in 15 million years", "the hottest June since records began": another relation
        scope = m.group("scope") or (intro.group("place") if intro else None)
        holder = _holder_before(text, m.start())
        if holder and _DATE_HOLDER.match(holder):
            continue  # "June 2014 was the hottest June", "Last month was ...": a time, not a holder
        out.append(Rank(holder, _ORDINAL.get((m.group("ord") or "first").lower(), 1),
                        _superlative(sup), m.group("noun"), _scope(scope)))
    for m in _RANK_APPOSITIVE.finditer(text):
        if m.group("sup").lower() in _NOT_SUPERLATIVE:
            continue
        out.append(Rank(_holder_before(text, m.start() + 1), _ORDINAL.get((m.group("ord") or "first").lower(), 1),
                        _superlative(m.group("sup")), m.group("noun"), _scope(m.group("scope"))))
    for i, r in enumerate(out):  # "Brno is the second-largest city in Czechia, and Ostrava is the third-largest"
        if r.noun is None and r.scope is None:
            earlier = [e for e in out[:i] if e.superlative == r.superlative and (e.noun or e.scope)]
            if earlier:
                out[i] = Rank(r.holder, r.rank, r.superlative, earlier[-1].noun, earlier[-1].scope)
    for m in _RANKS.finditer(text):
        dim = m.group("dim").lower()
        holder = _holder_before(text, m.start())
        rank = _ORDINAL[m.group("ord").lower()]
        if dim in _DIMENSIONS:
            out.append(Rank(holder, rank, _DIMENSIONS[dim], None, None))
        else:
            out.append(Rank(holder, rank, "", None, _scope(m.group("dim"))))  # "ranking fourth in the world": by what the sentence ranks
    return out


_NOT_SUPERLATIVE = frozenset("best interest forest west east honest modest latest rest test request suggest harvest protest"
                             " guest nest chest contest pest".split())


@lru_cache(maxsize=4096)
def claim_rank(text: str) -> Rank | None:
    """The rank a claim states ("The Yangtze is the longest river in Asia"), if it states one."""
    stripped = re.sub(r",\s+the\s+[^,]+,", "", text)  # "Mercury, the planet closest to the Sun, is also ..."
    ranks = [r for r in _ranks_in(stripped) if r.superlative]
    if not ranks:
        return None
    rank = ranks[0]
    if rank.holder is None:
        names = name_phrases(stripped)
        rank = Rank(names[0] if names else None, rank.rank, rank.superlative, rank.noun, rank.scope)
    return rank if rank.holder else None


def _same(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = word_stems(a), word_stems(b)
    return bool(x) and bool(y) and (x <= y or y <= x)


def _rank_finding(claim: Rank, sentence: SentenceView, topic_holder: str | None) -> str | None:
    for found in _ranks_in(sentence.text):
        holder = found.holder or topic_holder
        if not holder:
            continue
        same_sup = found.superlative == claim.superlative
        if found.superlative and not same_sup:
            continue
        if found.scope != claim.scope:
            # "ranking fourth in the world" ranks by the sentence's superlative, in its own scope
            continue
        if not found.superlative and not any(r.superlative == claim.superlative and _same(r.holder, holder)
                                             for r in _ranks_in(sentence.text)):
            continue
        if claim.noun and found.noun and stem(claim.noun) != stem(found.noun):
            continue
        if _same(holder, claim.holder):
            return SUPPORTS if found.rank == claim.rank else REFUTES
        if found.rank == claim.rank == 1:
            return REFUTES  # another one is the longest
    return None


@lru_cache(maxsize=4096)
def claim_role(text: str) -> Role | None:
    """"Toronto is the capital of Canada", "St Paul's Cathedral is the seat of the Archbishop of Canterbury"."""
    m = re.search(r"\b(?:is|was|remains|became)\s+(?:also\s+)?the\s+(?P<role>capital|seat|headquarters|birthplace)(?:\s+city)?"
                  r"\s+of\s+(?P<object>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*)", text)
    if not m:
        return None
    holder = _holder_before(text, m.start())
    return Role(holder, m.group("role").lower(), m.group("object")) if holder else None


def _role_finding(claim: Role, sentence: SentenceView, reading: Reading) -> str | None:
    for m in _ROLE_OF.finditer(sentence.text):
        if m.group("role").lower() != claim.role:
            continue
        obj = m.group("object")
        if not obj and m.group("adj"):  # "the national capital": the country the page is about
            obj = next((n for n in reading.topic_names if _same(n, claim.object)), None)
        if not obj:
            continue
        before = sentence.text[: m.start()]
        after = sentence.text[m.end() :]
        holder = None
        appositive = re.match(r"\s*,\s*(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", after)
        if _PRONOUN.search(before[-20:]):  # "it is the seat of ...": the page's own subject
            holder = reading.topic_names[0] if reading.topic_names else None
        elif re.search(r",\s*$", before) or not appositive:
            holder = _holder_before(sentence.text, m.start())
        if holder is None and appositive:
            holder = appositive.group("name")  # "the national capital, Ottawa"
        if not holder:
            continue
        same_holder, same_object = _same(holder, claim.holder), _same(obj, claim.object)
        if same_holder and same_object:
            return SUPPORTS
        if same_object and stem(claim.role) in _ONE_PER_OBJECT:
            return REFUTES  # Canada has one capital
        if same_holder and stem(claim.role) not in _ONE_PER_OBJECT:
            return REFUTES  # a cathedral is one bishop's seat
    return None


def claim_place(frame: Frame) -> Place | None:
    """The place of the claim's event: the first name after from/at/on following its verb ("in" names
    times and causes as often as places: "in 2023", "destroyed in the Great Fire")."""
    if not frame.events:
        return None
    for m in _CLAIM_PLACE.finditer(frame.text):
        place = m.group("place")
        if word_stems(place) <= _DATE_WORDS or re.match(r"\d", place):
            continue
        before = word_stems(frame.text[max(0, m.start() - 60) : m.start()])
        if before & frame.events:
            return Place(place, m.start())
    return None


def _subject_nouns(frame: Frame, place: Place) -> tuple[str, ...]:
    """The claim's subject when it names no one: "The rocket lifted off from ..." -> ("rocket",)."""
    head = frame.text[: place.start]
    first_verb = next((m.start() for m in re.finditer(r"[A-Za-z]+", head) if word_stems(m.group()) & frame.events), None)
    if first_verb is None:
        return ()
    return tuple(w for w in re.findall(r"[a-z]{4,}", head[:first_verb]))


def _head_noun_before(text: str, at: int, names: tuple[str, ...]) -> bool:
    """Is the last word of one of the claim's names ("Great Fire of London" -> fire, "the Webb telescope"
    -> Webb) in the clause before the verb, in lower case?"""
    head = re.split(r"[;:,]", text[:at])[-1].lower()
    heads = {w.lower() for n in names for w in re.findall(r"[A-Za-z]+", n)[:3]}
    return any(re.search(rf"\b(?:the|a|an)\s+(?:\w+\s+)?{re.escape(h)}\b", head) for h in heads if len(h) > 3)


def _place_finding(frame: Frame, place: Place, sentence: SentenceView, names: tuple[str, ...]) -> str | None:
    text = sentence.text
    for hit in re.finditer(r"[A-Za-z][A-Za-z'’-]*", text):
        if not word_stems(hit.group()) & frame.events:
            continue
        holder = _holder_before(text, hit.start(), last=True)
        passive = re.match(r"\s+by\s+(?P<name>(?:[A-Z][\w'’-]*\s*)+)", text[hit.end() :])
        if passive:
            holder = passive.group("name").strip()
        if holder and not any(_same(holder, n) for n in names if not _same(n, place.place)):
            continue  # "Kipchoge's mark of 2:01:09, set in Berlin": someone else's event
        if not holder and not _head_noun_before(text, hit.start(), names + _subject_nouns(frame, place)):
            continue  # no one named: "the fire broke out ..." must say what the claim's name is (a fire)
        window = re.split(r";|,\s+(?:and|but|which|who)\b|\bbefore\b|\bafter\b", text[hit.end() : hit.end() + 160])[0]
        slots = []
        for m in _PLACE.finditer(window):
            found = m.group("place")
            if word_stems(found) <= _DATE_WORDS or not word_stems(found):
                continue
            slots.append(found)
        if not slots:
            continue
        if _same(place.place, slots[0]):  # the event's own place is the first after its verb
            return SUPPORTS
        return REFUTES  # the event happened somewhere else: "at the Chicago Marathon", not the Berlin one
    return None


def _restatement(frame: Frame, sentence: SentenceView, reading: Reading, names: tuple[str, ...]) -> str | None:
    """Does the sentence state the whole claim (or deny it)?"""
    words = frame.words - _DATE_WORDS
    if not words or len(words & sentence.words) < len(words) / 2 or covered(words, sentence.words) < 1.0:
        return None  # every word of the claim, in the sentence itself
    if not _compact(frame.text, sentence.text):
        return None  # "... the human population in the Eurasian Arctic ... polar bears ...": the words, not the statement
    if _HEDGED.search(sentence.text) and not _HEDGED.search(frame.text):
        return None
    positions = [sentence.text.find(n.split()[-1]) for n in names if n.split()[-1] in sentence.text]
    if positions != sorted(positions):
        return None  # "Japan overtook Germany" does not restate "Germany overtook Japan"
    if reports_claim(sentence.text):
        return None  # "a viral post claims ...": the claim repeated to be examined
    denied = bool(_NEGATED.search(sentence.text)) and not _NEGATED.search(frame.text)
    affirmed = bool(_NEGATED.search(sentence.text)) == bool(_NEGATED.search(frame.text))
    if denied:
        return REFUTES
    return SUPPORTS if affirmed else None


def _compact(claim: str, sentence: str) -> bool:
    """Are the claim's content words together in the sentence: within a stretch at most twice the
    claim's length, most of them in the claim's order?"""
    claim_words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", claim) if word_stems(w)]
    tokens = re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence)
    positions = []
    for w in claim_words:
        target = synonyms(next(iter(word_stems(w))))
        found = [i for i, t in enumerate(tokens) if word_stems(t) & target
                 or any(len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a)) for a in word_stems(t) for b in target)]
        if found:
            positions.append(min(found, key=lambda i: abs(i - (positions[-1] if positions else i))))
    if len(positions) < len(claim_words):
        return False
    span = max(positions) - min(positions) + 1
    ordered = sum(1 for a, b in zip(positions, positions[1:]) if b > a)
    return span <= 2 * len(claim_words) + 4 and ordered >= 0.6 * (len(positions) - 1)


STATEMENT = "statement"


def check_relations(frame: Frame, reading: Reading, *, statement: bool, place: Place | None) -> list[Finding]:
    """Findings for the claim's ``statement`` part (a rank, a role, a restatement) and its event's place."""
    out: list[Finding] = []
    names = claim_names(frame, frame.text, reading)
    rank = claim_rank(frame.text) if statement else None
    role = claim_role(frame.text) if statement else None
    topic_holder = reading.topic_names[0] if reading.topic_names else None
    found: dict[str, list[tuple[str, SentenceView]]] = {STATEMENT: [], "place": []}
    for s in reading.sentences:
        if statement:
            stance = None
            if rank:
                stance = _rank_finding(rank, s, topic_holder)
            if stance is None and role:
                stance = _role_finding(role, s, reading)
            if stance is None and not s.row and not rank and not role:
                stance = _restatement(frame, s, reading, names)
            if stance:
                found[STATEMENT].append((stance, s))
        if place and not s.row:
            stance = _place_finding(frame, place, s, names)
            if stance:
                found["place"].append((stance, s))
    for part, label in ((STATEMENT, STATEMENT), ("place", place.place if place else "")):
        stances = {st for st, _ in found[part]}
        if len(stances) == 1:
            stance, s = found[part][0]
            out.append(Finding(label, stance, s.passage, f"the source {'states' if stance == SUPPORTS else 'contradicts'} it",
                               s.text))
    return out
