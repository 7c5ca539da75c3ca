"""Deciding a claim against the passages of a fact-check or news article: figures in prose, and the article's rating.

This is the reading for sources that talk about the claim (a fact-check examining it, a news report);
:mod:`claims.verdict` uses it for a document that rates or examines the claim, and reads primary
sources (tables, reference pages) with :mod:`claims.tablecheck` and :mod:`claims.prose` instead.


A wrong ``supported`` is the worst error a fact-checking tool can make, so a decisive verdict
needs a passage that is about the same thing (most of the claim's content words, its names) and
that states a comparable figure or date:

- quantities are compared as normalised values with their bounds and kinds: "more than 100" is
  supported by 140 and refuted by 80; "20 out of 30" is supported by "from 30 to 20"; a percent
  matches a fraction; "nearly 20%" tolerates 19.6; rounding of round numbers is allowed;
- dates compare at the coarser precision of the two;
- a figure counts only where it measures the same thing: the words around it must be the words
  around the claim's figure (stricter for a disagreeing figure, which is more often another measure);
  a wide range ("0.3 to 1.7 °C") does not confirm a value inside it;
- a contrast in the sentence that carries the claim, or at the start of the next ("..., but ...",
  "However, ...") weakens the verdict: its confidence drops by ``QUALIFIED_PENALTY``;
- negation near the figure ("not", "never") or words that put the truth elsewhere ("far short of",
  "nowhere near", "a much lower cost than") turn support into nothing, and so does a claim that
  denies ("... has been disproven") or says more than its figures ("the only state", "a record")
  when the passage does not say the same;
- a passage states nothing in its questions, and a sentence that repeats the claim with a cue of
  reported speech ("the post claims ...", a quotation) is a report of the claim: its repeated figures
  are not support (a different figure in it still disagrees);
- a figure in someone's words (inside a quotation, which may run over several sentences, or after
  "X said" in its sentence) does not support the claim, unless the claim itself is about what someone
  said; a trailing attribution ("..., the budget office said.") is the source's own statement;
- a passage figure that matches another of the claim's figures is that figure, not a disagreement
  ("90% of Americans and 74% of members": 74 does not refute the 90);
- a fact-check's own rating ("We rate this claim False", "Rating: Mixture") is read as the source's
  stance and outranks the figures; middle ratings (half true, mixture, misleading, "accurate but
  leaves out important details") are ``conflicting``;
  a rating of a similar claim, a rating only asked about ("whether the claim is true") or denied ("no
  evidence shows the claim to be true") and one inside a quotation (someone's denial, quoted by a news
  report) are not the source's;
- a source that examines the statement as a claim ("a viral post claims ...") supports it only by its
  rating: it repeats the claim's figures and words to examine them, whether they hold or not; with no
  formal rating, its plain verdict against the claim ("This is false.", "That's misleading.") counts as one.

Every claim quantity must be supported for ``supported``; support for some parts and nothing
for others is ``not_enough_evidence``; support and refutation together is ``conflicting``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.compare import NEUTRAL, REFUTES, SUPPORTS, close as _close
from claims.compare import compare_values as _compare, dates_agree as _dates_agree
from claims.dates import find_dates
from claims.model import DateMention, Quantity, Stance, Verdict
from claims.quantities import find_quantities
from claims.ratings import (
    IN_PART as _IN_PART,
    RATING_BOOST,
    RATING_CUE,
    RATING_RELEVANCE,
    REPORT_OVERLAP,
    REPORTING as _REPORTING,
    SAYING as _SAYING,
    examines_claim,
    find_rating,
    plain_verdict,
)
from claims.words import STOPWORDS, content_words, coverage as _coverage, entities as _entities, names as _names
from claims.words import quoted as _quoted, quoted_in_sentence as _quoted_in_sentence, sentence_head as _sentence_head
from claims.words import sentence_texts as _sentences, sentences_of as _split, stem as _stem

__all__ = ["RATING_CUE", "Stance", "Verdict", "boost", "content_words", "decide", "examines_claim", "find_rating", "judge",
           "plain_verdict"]

_NEGATION = re.compile(r"\b(?:not|never|no|denied|denies|false(?:ly)?|without|neither|nor)\b|n['’]t\b", re.I)
# Words by which a claim says more than its figures: "the only state that pays 100%", "a record 40 °C".
_QUALIFIER = re.compile(
    r"\b(?:only|sole|first|last|highest|lowest|largest|smallest|biggest|most|least|record|every|always|never|nobody|none|unprecedented)\b",
    re.I,
)
# Words by which a claim denies what its figures describe.
_DENIAL = re.compile(r"\b(?:not|never|no|myths?|hoax|disproven|debunked|false(?:ly)?|fake|lie)\b|n['’]t\b", re.I)
# A question ends at its question mark, whatever case follows: "were vaccines allowed ...? someone ..."
_QUESTION_END = re.compile(r"(?<=\?)[\"”’)]*\s+")
# A sentence that denies what it goes on to describe.
_NO_EVIDENCE = re.compile(
    r"\b(?:no\s+(?:evidence|record|proof|indication|sign)|(?:did|could|does)\s+not\s+find|found\s+no|"
    r"unable\s+to\s+(?:find|verify|confirm)|not\s+(?:true|accurate|correct)\s+that)\b",
    re.IGNORECASE,
)
# Words just before a figure that say the truth is elsewhere: "far short of 100 percent", "nowhere near
# $1 trillion", "at a much lower cost than $1.6 billion"; and negations written without an apostrophe
# ("dont", "isnt"), as some sources' text has them.
_AWAY_FROM = re.compile(
    r"""\b(?:nowhere\s+near|anywhere\s+near|far\s+(?:short\s+of|from)|short\s+of|
    (?:lower|less|fewer|higher|more|greater|smaller|larger|bigger|cheaper|costlier)\s+(?:[\w-]+\s+){0,2}?than|
    (?:dont|doesnt|didnt|isnt|wasnt|arent|werent|hasnt|havent|hadnt|wont|cant|couldnt|wouldnt|shouldnt)\b[^.!?]*)
    \s+(?:about\s+|roughly\s+|some\s+|around\s+)?\S*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Words by which a passage qualifies what it has just stated: "20% of the land, but ...".
_CONTRAST = re.compile(r"\b(?:but|however|yet|though|although|except|whereas|nevertheless|nonetheless)\b", re.IGNORECASE)
QUALIFIED_PENALTY = 0.15  # confidence taken off a verdict whose every deciding passage qualifies itself
# Words by which a passage only supposes what it says: "someone else may be administering the vaccines".
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|rumou?red)\b", re.IGNORECASE)
MIN_RELEVANCE = 0.5  # share of the claim's content words a passage must contain to count at all
TEXT_SUPPORT = 0.85  # without figures, how much of the claim a passage must contain to support it
NEAR_WORDS = 8  # words each side of a figure that say what it measures
NEAR_CHARS = 200  # characters each side of a figure in which those words are looked for
SAME_SUBJECT = 0.4  # share of the words around a claim's figure that must surround an agreeing passage figure
REFUTE_SUBJECT = 0.8  # the same for a disagreeing figure: a different number is often a different measure



_CLAUSE_EDGE = re.compile(r"[;:–—]|,\s+(?:and|but|while|which|who)\b|[.!?][\"”’]?\s")


def _around(claim_text: str, element: Quantity | DateMention, words: int = 12) -> str:
    """The clause around a figure or date of the claim, at most ``words`` words each side."""
    text_lower = claim_text.lower()
    at = text_lower.find(element.text.lower())
    if at < 0:
        return claim_text
    left = claim_text[:at]
    right = claim_text[at + len(element.text):]
    edges = list(_CLAUSE_EDGE.finditer(left))
    if edges:
        left = left[edges[-1].end():]
    edge = _CLAUSE_EDGE.search(right)
    if edge:
        right = right[: edge.start()]
    return " ".join(left.split()[-words:] + [element.text] + right.split()[:words])



_MODIFIER = re.compile(r"\b[A-Z][a-zA-Z]+")


def _modifiers(q: Quantity) -> set[str]:
    """Capitalised words inside a quantity's phrase: "60 American diplomats" -> {"american"}."""
    return {m.group().lower() for m in _MODIFIER.finditer(q.text)} - STOPWORDS


def _units_match(q: Quantity, p: Quantity, passage: str) -> bool:
    q_mods, p_mods = _modifiers(q), _modifiers(p)
    if q_mods and p_mods and not q_mods & p_mods:  # "American diplomats" are not "Russian diplomats"
        return False
    if q.kind in {"percent", "fraction"} or p.kind in {"percent", "fraction"}:
        return True
    if q.kind == "money":
        return p.unit == q.unit or not p.unit or not q.unit
    if not q.unit:
        return True
    unit = _stem(q.unit.split()[-1])
    if p.unit and _stem(p.unit.split()[-1]) == unit:
        return True
    window = passage[p.end : p.end + 60] + " " + passage[max(0, p.start - 30) : p.start]
    return unit in content_words(window)



def _ratio_in_counts(q: Quantity, found: Sequence[Quantity], passage: str) -> str | None:
    """ "20 out of 30" against separate counts: "reduced from 30 to 20 positions"."""
    denominators = [p for p in found if p.kind == "count" and q.of is not None and _close(p.value, q.of, 0.02)]
    if not denominators:
        return None
    unit = _stem(q.unit.split()[-1]) if q.unit else None

    def same_thing(p: Quantity) -> bool:
        if p.unit:
            return unit is None or _stem(p.unit.split()[-1]) == unit
        return any(abs(p.start - d.end) <= 6 or abs(d.start - p.end) <= 6 for d in denominators)

    numerators = [p for p in found if p.kind == "count" and p not in denominators and same_thing(p)]
    if not numerators:
        return None
    return SUPPORTS if any(_close(p.value, q.value, 0.02) for p in numerators) else REFUTES


_TABLE_CELL = re.compile(r"\S: [^|]+ \| \S")  # a passage made of a table row's "header: cell" pairs


def _near(text: str, start: int, end: int, words: int = NEAR_WORDS) -> set[str]:
    """Content words within ``words`` words of a span, not crossing a sentence end; in a table row
    ("Country: Georgia | Share of land area occupied: about 20%") the whole row says what a cell measures."""
    # Only a window around the span is read, so a long passage with many figures costs linear time.
    lo, hi = max(0, start - NEAR_CHARS), end + NEAR_CHARS
    if _TABLE_CELL.search(text, lo, hi):
        return content_words(text[max(0, start - 5 * NEAR_CHARS) : end + 5 * NEAR_CHARS])
    left = re.split(r"[.!?]\s", text[lo:start])[-1].split()[-words:]
    right = re.split(r"[.!?](?:\s|$)", text[end:hi])[0].split()[:words]
    return content_words(" ".join(left + right))


def _same_subject(claim_text: str, q: Quantity, passage: str, p: Quantity, threshold: float) -> bool:
    """Do the claim's figure and the passage's figure measure the same thing? Their surroundings must
    share content words: 84 times the warming potential of methane says nothing about 200 times
    more CO2 in the air, though both are "times" in one sentence about methane and CO2."""
    at = claim_text.lower().find(q.text.lower())
    if at < 0:
        return True
    around_q = _near(claim_text, at, at + len(q.text)) | content_words(q.text)
    if len(around_q) < 3:  # "... 4.0% from 4.4% this year and 2.1% from 2.8% in 2005": the clause says what it is
        around_q |= content_words(_around(claim_text, q))
    around_p = _near(passage, p.start, p.end) | content_words(p.text)
    if not around_q:
        return True
    return len(around_q & around_p) / len(around_q) >= threshold


def _says(claim_text: str) -> bool:
    """Is the claim about what someone said ("Lavrov said the Kremlin would ...")? PolitiFact's leading
    "Says ..." names no one and does not count."""
    return bool(_SAYING.search(re.sub(r"^\s*says\b", "", claim_text, flags=re.IGNORECASE)))


def _attributed(passage: str, p: Quantity) -> bool:
    """Is the figure in someone's words: inside a quotation, or after "X said" in its sentence?"""
    return _quoted(passage, p.start) or bool(_SAYING.search(_sentence_head(passage, p.start)))


def _negated_near(passage: str, p: Quantity) -> bool:
    """A negation just before the figure, or a sentence that denies what follows ("No evidence was
    found that ... seven other girls ...")."""
    window = passage[max(0, p.start - 40) : p.start]
    return bool(_NEGATION.search(window) or _AWAY_FROM.search(window)
                or _NO_EVIDENCE.search(_sentence_head(passage, p.start)))




def _in_part(stance: Stance, passage: str) -> Stance:
    """A passage about the claim that decides nothing by its figures or words but says the claim is
    right only in part ("he exaggerates", "leaves out important details", "has a point") is a middle
    stance, as a middle rating is."""
    if stance.stance == NEUTRAL and stance.relevance >= MIN_RELEVANCE:
        for m in _IN_PART.finditer(passage):
            if not _quoted_in_sentence(passage, m.start()) and not _NEGATION.search(_sentence_head(passage, m.start())[-30:]):
                return Stance("mixed", stance.relevance, f"the source says it is right only in part ({m.group()!r})",
                              stance.parts)
    return stance


def judge(
    claim_text: str,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    passage: str,
    *,
    published: str | None = None,
) -> Stance:
    """The stance of one passage on a claim."""
    passage_words = content_words(passage)
    relevance = _coverage(claim_text, passage_words)
    for element in (*quantities, *dates):  # a long sentence: what surrounds each figure counts too
        relevance = max(relevance, _coverage(_around(claim_text, element), passage_words))

    rating = find_rating(passage)
    if rating and relevance >= RATING_RELEVANCE:
        return Stance(rating[1], relevance, f"the source rates it {rating[0]!r}", rated=True)

    if relevance < MIN_RELEVANCE:
        return Stance(NEUTRAL, relevance, "not about the claim")
    # Figures and wording count only where the passage states something itself: not in a question,
    # not in a sentence that reports someone making the claim (a fact-check quoting what it checks).
    whole, (passage, reported) = passage, _stated(claim_text, passage)
    claim_says = _says(claim_text)
    passage_words = content_words(passage)

    parts: list[tuple[str, str]] = []
    in_someones_words = False  # a figure that agreed was in someone's words: say so if nothing decides
    # "... has been disproven", "the myth that ...": agreeing figures do not support a denial
    denial = bool(_DENIAL.search(claim_text)) and not _DENIAL.search(passage)
    if quantities:
        # A report of the claim repeats its figures, so there only a disagreeing figure counts.
        texts = [(t, find_quantities(t), only_refutes) for t, only_refutes in ((passage, False), (reported, True)) if t]
        for q in quantities:
            outcomes = []
            for text, found, only_refutes in texts:
                here = []
                if q.kind == "ratio" and q.of is not None:
                    ratio = _ratio_in_counts(q, found, text)
                    if ratio:
                        here.append(ratio)
                else:
                    others = [o for o in quantities if o is not q and o.value != q.value]
                    repeated = False  # someone's words repeat this figure: the claim being reported
                    attributed_refutes = []
                    for p in found:
                        if not _units_match(q, p, text):
                            continue
                        if any(_compare(o, p) == SUPPORTS and _units_match(o, p, text) for o in others):
                            continue  # "90% of Americans and 74% of members": 74 is the other figure, not a disagreement
                        outcome = _compare(q, p)
                        if outcome == REFUTES and not _same_subject(claim_text, q, text, p, REFUTE_SUBJECT):
                            outcome = None
                        if outcome == SUPPORTS and (not _same_subject(claim_text, q, text, p, SAME_SUBJECT)
                                                    or _negated_near(text, p) or denial):
                            outcome = None
                        if outcome and not claim_says and _attributed(text, p):
                            if outcome == SUPPORTS:
                                repeated = True
                            else:
                                attributed_refutes.append(outcome)
                        elif outcome:
                            here.append(outcome)
                    if not repeated:  # a different figure in someone's words still disagrees
                        here += attributed_refutes
                    in_someones_words = in_someones_words or repeated
                if only_refutes and SUPPORTS in here:
                    continue  # the report repeats this figure: what else it says is the claim's own
                outcomes += [o for o in here if not (only_refutes and o == SUPPORTS)]
            if SUPPORTS in outcomes and REFUTES in outcomes:
                continue  # the passage's figures point both ways for this one: no stance
            if SUPPORTS in outcomes:
                parts.append((q.text, SUPPORTS))
            elif REFUTES in outcomes:
                parts.append((q.text, REFUTES))
    passage_dates = find_dates(passage, published) if dates else []
    for d in dates:
        agreements = [a for a in (_dates_agree(d, e) for e in passage_dates) if a is not None]
        if True in agreements:
            parts.append((d.text, SUPPORTS))

    quantity_parts = {t: s for t, s in parts if t in {q.text for q in quantities}}
    if quantities:
        # Figures about someone else decide nothing: "Lenovo's profit was HK$327m" is not
        # refuted by "TimeWarner's profit was $1.13bn", however alike the sentences are. At least
        # one name around the claim's figures (else in the claim) must be in the passage, and a
        # claim that names no one ("The shares closed down 247p") is decided by no figure.
        names = _names_near(claim_text, quantities) or _names(claim_text)
        if quantity_parts and not names:
            return Stance(NEUTRAL, relevance, "the claim names no one its figures are about", tuple(parts))
        if quantity_parts and not names & (_entities(passage) | passage_words):
            return Stance(NEUTRAL, relevance, f"the figures are not about {', '.join(sorted(names))}", tuple(parts))
        if REFUTES in quantity_parts.values() and SUPPORTS in quantity_parts.values():
            return Stance("mixed", relevance, "one figure agrees, another disagrees", tuple(parts))
        if any(s == REFUTES for s in quantity_parts.values()):
            return Stance(REFUTES, relevance, "a figure disagrees", tuple(parts),
                          qualified=_qualified(claim_text, passage))
        if quantity_parts and all(s == SUPPORTS for s in quantity_parts.values()):
            missing = {w.lower() for w in _QUALIFIER.findall(claim_text)} - {w.lower() for w in _QUALIFIER.findall(passage)}
            if missing:
                return Stance(NEUTRAL, relevance, f"the figures agree, but not {', '.join(sorted(missing))!r}", tuple(parts))
            if len(quantity_parts) == len(quantities):
                return Stance(SUPPORTS, relevance, "the figures agree", tuple(parts),
                              qualified=_qualified(claim_text, passage))
            return Stance(NEUTRAL, relevance, "some figures agree, others are not stated", tuple(parts))
        if in_someones_words:
            return Stance(NEUTRAL, relevance, "its matching figures are in someone's words, not the source's", tuple(parts))
        return Stance(NEUTRAL, relevance, "no comparable figure", tuple(parts))
    claim_entities = _entities(claim_text)
    names_ok = claim_entities <= passage_words | _entities(passage)
    dates_ok = not dates or any(s == SUPPORTS for _, s in parts)
    # Without figures, the claim's own words are all there is: none of them may come from someone saying it.
    stated_relevance = _coverage(claim_text, content_words(_stated(claim_text, whole, strict=True)[0]))
    hedged = bool(_HEDGE.search(passage)) and not _HEDGE.search(claim_text)
    if (stated_relevance >= TEXT_SUPPORT and names_ok and dates_ok and not hedged
            and not _negation_mismatch(claim_text, passage)):
        return Stance(SUPPORTS, relevance, "the passage states it", tuple(parts),
                      qualified=_qualified(claim_text, passage))
    return Stance(NEUTRAL, relevance, "related but not decisive", tuple(parts))



def _names_near(claim_text: str, quantities: Sequence[Quantity]) -> set[str]:
    """Names in the clauses around the claim's figures: who or what the figures are about."""
    names: set[str] = set()
    for q in quantities:
        names |= _names(_around(claim_text, q))
    return names


def _stated(claim_text: str, passage: str, *, strict: bool = False) -> tuple[str, str]:
    """The passage split into what it states and what it reports of the claim being made.

    Questions state nothing and are dropped; a sentence that repeats most of the claim with a cue of
    reported speech ("the post says that ...", a quotation) is a report of the claim, not evidence for it.
    ``strict`` (for a claim without figures, decided by its words alone) also counts as reports a sentence
    inside a quotation that is mostly a piece of the claim, and one whose words after "X said" repeat it.
    """
    claim_words = content_words(claim_text)
    claim_says = _says(claim_text)

    def repeats(text: str, part: bool = False) -> bool:
        """Does the text repeat most of the claim (or, with ``part``, is it mostly a piece of a longer claim)?"""
        words = content_words(text)
        base = min(len(claim_words), len(words)) if part and len(words) >= 3 else len(claim_words)
        return len(claim_words & words) / base >= REPORT_OVERLAP

    stated, reported = [], []
    for whole in _split(passage):
        for sentence in _QUESTION_END.split(whole.text):
            if sentence.rstrip(" \"”’)").endswith("?"):
                continue
            if claim_words and (
                (_REPORTING.search(sentence) and repeats(sentence))
                # strict: a quotation may repeat a claim of several sentences one sentence at a time, and in
                # "Helio Melo said Rhode Island has ..." what follows the saying is the claim
                or (strict and (_REPORTING.search(sentence) or _quoted(passage, whole.start)) and repeats(sentence, part=True))
                or (strict and not claim_says and (said := _SAYING.search(sentence)) and repeats(sentence[said.end() :]))
            ):
                reported.append(sentence)
                continue
            stated.append(sentence)
    return " ".join(stated), " ".join(reported)



def _qualified(claim_text: str, passage: str) -> bool:
    """Does a sentence of the passage that carries the claim (half its words or more), or the sentence
    right after it, turn with a contrast word ("..., but that counts only full-time staff")?"""
    claim_words = content_words(claim_text)
    sentences = _sentences(passage)
    for i, sentence in enumerate(sentences):
        if claim_words and len(claim_words & content_words(sentence)) / len(claim_words) >= 0.5:
            after = sentences[i + 1] if i + 1 < len(sentences) else ""
            if _CONTRAST.search(sentence) or _CONTRAST.match(after):
                return True
    return False



def _negation_mismatch(claim: str, passage: str) -> bool:
    return bool(_NEGATION.search(claim)) != bool(_NEGATION.search(passage))


def decide(
    claim_text: str,
    quantities: Sequence[Quantity],
    dates: Sequence[DateMention],
    passages: Sequence[str],
    *,
    published: str | None = None,
    sources: Sequence[str] | None = None,
) -> Verdict:
    """Combine the passages' stances into one verdict with a confidence in [0, 1].

    ``sources`` names the document of each passage (all one document when omitted): a document
    that examines the claim as a claim (a fact-check) supports it only by its rating."""
    stances = tuple(_in_part(judge(claim_text, quantities, dates, p, published=published), p) for p in passages)
    keys = list(sources) if sources is not None else [""] * len(passages)
    examining = {key for key, p in zip(keys, passages) if examines_claim(claim_text, p)}
    if examining:
        stances = tuple(
            Stance(NEUTRAL, s.relevance, "the source examines the claim itself, so agreeing with it there "
                   "confirms nothing", s.parts) if s.stance == SUPPORTS and not s.rated and key in examining else s
            for s, key in zip(stances, keys)
        )
        if not any(s.rated for s in stances):  # no formal rating: the fact-check's plain verdict, if it states one
            stances = tuple(
                Stance(plain[1], s.relevance, f"the source calls it {plain[0]!r}", s.parts, rated=True)
                if key in examining and (plain := plain_verdict(p)) else s
                for s, key, p in zip(stances, keys, passages)
            )
    rated = {s.stance for s in stances if s.rated}
    if rated:  # a fact-checker's explicit rating outranks our reading of the figures
        reason = next(s.reason for s in stances if s.rated)
        if rated == {SUPPORTS}:
            return Verdict("supported", 0.9, stances, reason)
        if rated == {REFUTES}:
            return Verdict("refuted", 0.9, stances, reason)
        return Verdict("conflicting", 0.7, stances, reason)
    supports = [s for s in stances if s.stance == SUPPORTS]
    refutes = [s for s in stances if s.stance == REFUTES]
    mixed = [s for s in stances if s.stance == "mixed"]
    if supports and refutes:
        weight = min(len(supports), len(refutes)) / max(len(supports), len(refutes))
        return Verdict("conflicting", round(0.5 + 0.3 * weight, 3), stances,
                       f"{len(supports)} passage(s) support it, {len(refutes)} refute it")
    if mixed and not supports and not refutes:
        return Verdict("conflicting", 0.6, stances, mixed[0].reason)
    for status, deciding in (("supported", supports), ("refuted", refutes)):
        if deciding:
            best = max(s.relevance for s in deciding)
            confidence = min(0.95, 0.55 + 0.25 * best + 0.05 * (len(deciding) - 1))
            reason = deciding[0].reason
            if all(s.qualified for s in deciding):  # "..., but ...": a weaker verdict, for a reviewer to read
                confidence -= QUALIFIED_PENALTY
                reason += ", but the source qualifies it"
            return Verdict(status, round(confidence, 3), stances, reason)
    return Verdict("not_enough_evidence", 0.5, stances, "no passage decides it")


def boost(claim_text: str, quantities: Sequence[Quantity], dates: Sequence[DateMention], passage: str) -> float:
    """Extra retrieval score for a passage that shares the claim's values, dates and names."""
    score = 0.0
    if quantities:
        values = {round(v, 6) for p in find_quantities(passage) for v in (p.value, p.of, p.upper) if v is not None}
        score += sum(1.0 for q in quantities if round(q.value, 6) in values)
        score += sum(0.5 for q in quantities if q.of is not None and round(q.of, 6) in values)
    if dates:
        years = {d.value[:4] for d in find_dates(passage) if d.value}
        score += sum(0.5 for d in dates if d.value and d.value[:4] in years)
    score += 0.2 * len(_entities(claim_text) & (_entities(passage) | content_words(passage)))
    if find_rating(passage):
        score += RATING_BOOST  # a fact-checker's rating is the most decisive passage of its article
    return score
