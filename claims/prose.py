"""A claim's figures and dates against the sentences of a source: aligned, never by word overlap alone.

A sentence decides a figure only when it is about the same subject, the same measure and the same
time:

- **subject**: each name of the figure's clause (else of the claim) is in the sentence, in its
  heading or in the page's topic; a name the claim does not have in the figure's own clause of the
  sentence ("In the Cerrado, deforestation rose by 3%" for a claim about the Pantanal) puts the figure
  on someone else;
- **measure**: the words around the figure in the sentence (its clause) cover what the claim's figure
  measures (:attr:`claims.frame.Figure.measure`), and a count counts the same thing;
- **time**: a year in the figure's clause ("up from 39% in 2022") must be the claim's year;
- the figure is the source's own statement: not negated ("not", "never" just before it), not in a
  quotation or after "X said", not in a report of the claim being made ("users are claiming ..."),
  not supposed ("may"), not disowned ("but the true number is unknown"); a claim that names no one
  needs its measure nearly whole, and a scenario ("could rise by six feet") is never refuted;
- a share may come from a part and its whole in one sentence ("of 80,000 inhabitants, 70,000 were
  left homeless"), "20 out of 30" from two counts ("from 30 to 20 positions").

A date decides when the sentence states the claim's event (its verb or a synonym: "switched off" ~
"disconnected", "began" ~ "broke out") about the claim's subject; the date nearest the event's
verb is compared at the claim's precision, the end of a range for an ending ("closed on", "completed
in") and its start for a beginning. Table rows are read here as sentences for dates, so that a
timeline ("Date: Tuesday 4 September 1666 | Event: St Paul's Cathedral is destroyed") dates events.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.compare import (
    REFUTES,
    SUPPORTS,
    agree,
    as_percent,
    compare_values,
    date_at_precision,
    rounding_unit,
    same_dimension,
    to_base,
)
from claims.documents import Reading, SentenceView, claim_names
from claims.frame import Figure, Frame, clause_around, demonym_country, synonyms, word_stems
from claims.model import DateMention, Quantity
from claims.ratings import CLAIM_TALK, REPORTING, SAYING
from claims.tablecheck import Finding, covered
from claims.words import quoted

__all__ = ["check_prose", "claims_saying", "names_in_place", "reports_claim"]

MIN_MEASURE = 0.5  # share of a figure's measure words its clause in the sentence must cover
FRACTION_BAND = 0.1  # "about a fifth" holds within 10% of 20%
HEADING_DATED = 0.8  # share of a claim's words an undated sentence must state to take its heading's year
NAMELESS_MEASURE = 0.8  # the same for a claim that names no one ("the polar bear population ..."), at least two words
PART_MEASURE = 0.7  # share of a share's measure words a sentence giving a part and its whole must have

# Just before a figure: words that deny it or put the truth elsewhere.
_DENIED_BEFORE = re.compile(
    r"\b(?:not|never|no|nor|neither|cannot|nowhere\s+near|far\s+(?:short\s+of|from)|short\s+of|instead\s+of|rather\s+than)\b[^.;]{0,25}$"
    r"|n['’]t\b[^.;]{0,25}$", re.I)
# A sentence that supposes or disowns its figures.
_SUPPOSED = re.compile(r"\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|rumou?red|if|whether)\b", re.I)
_DISOWNED = re.compile(r"\b(?:but|although|though|however)\b[^.]*\b(?:unknown|uncertain|unclear|disputed|(?:almost\s+)?certainly\s+(?:higher|lower)|"
                       r"likely\s+(?:higher|lower)|underestimat\w*|not\s+known)\b", re.I)
# Verbs of an ending or a beginning: which end of a range dates them.
_ENDING = frozenset(word_stems("closed ended finished concluded completed built until"))
_BEGINNING = frozenset(word_stems("opened began begun started launched founded established"))
# Words every event shares: they do not make two sentences about the same event.
_LIGHT = frozenset(word_stems("was were is are been has have had did made make took take the its their became become first last"))


def names_in_place(names: Sequence[str], sentence: SentenceView, reading: Reading) -> bool:
    """Is each of the names in the sentence, in its heading or in the page's topic (or, on a page that
    names no one in its heading, absent from the page altogether)?"""
    place = _with_countries(sentence.words | reading.paragraph_words(sentence.passage) | word_stems(sentence.heading or "")
                            | reading.topic)
    for name in names:
        stems = word_stems(name) - {"world", "earth"}
        if not stems:
            continue
        if any(synonyms(s) & place for s in stems):
            continue
        if reading.implicit and not stems & reading.words and not _names_someone(sentence, reading):
            continue  # a release that never names its country, in a sentence that names no one else
        return False
    return True


def _names_in_sentence(names: Sequence[str], sentence: SentenceView, reading: Reading) -> bool:
    """The names in the sentence itself, its heading or the page's topic (not merely its paragraph)."""
    place = _with_countries(sentence.words | word_stems(sentence.heading or "") | reading.topic)
    return all(any(synonyms(s) & place for s in word_stems(n)) or (reading.implicit and not word_stems(n) & reading.words)
               for n in names if word_stems(n) - {"world", "earth"})


_YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")


def _sentence_year(sentence: SentenceView, when: str | None) -> bool:
    """Is the claim's year the sentence's own ("... grew by 1.5% in 2023, and the economy expanded ... in the
    fourth quarter of the year"), or, for a sentence with no year, its heading's? A year in a continuation
    ("down from 44.2% in 2019") is that earlier figure's, not the sentence's."""
    year = str(when)[:4] if when else None
    if not year:
        return False
    text = sentence.text
    for m in _CONTINUATION_CLAUSE.finditer(text):
        text = text.replace(m.group(), " ")
    years = set(_YEAR.findall(text))
    if years:
        return years == {year}
    return not _YEAR.search(sentence.text) and year in _YEAR.findall(sentence.heading or "")


def _names_someone(sentence: SentenceView, reading: Reading) -> bool:
    return any(not word_stems(n) <= reading.topic | _MONTHS for n in sentence.names)


def _competing(sentence: SentenceView, start: int, end: int, names: Sequence[str], reading: Reading) -> bool:
    """Does the figure's clause, before the figure, name someone the claim does not ("In Germany,
    renewables reached 53%" for a claim about the EU), and not the claim's own? Names after the figure
    are its scope ("the longest river on Earth"), not its owner."""
    clause = clause_around(sentence.text, start, end)
    lo = sentence.text.find(clause)
    intro = re.match(r"\s*(?:In|For|At|Across|Within)\s+[^,]{1,60},", sentence.text)
    before = sentence.text[(0 if intro and intro.end() <= lo + 1 else max(lo, 0)) : start]
    found = False
    for name in sentence.names:
        if name not in before:
            continue
        stems = word_stems(name)
        if any(_same_name(stems, word_stems(n)) for n in names):
            return False  # the claim's subject owns the figure
        if not stems <= reading.topic | _MONTHS | _GENERIC:
            found = True
    return found


_ORDINALS = frozenset(word_stems("first second third fourth fifth sixth last final previous next"))
_SAME_ORDINAL = {"final": "last"}
_PEOPLE = frozenset(word_stems("people persons individuals"))
_PEOPLE_LIKE = _PEOPLE | synonyms(next(iter(word_stems("people"))))


def _same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two names name the same one: one holds the other ("Amazon" and "Amazon River", "Heathrow" and
    "London Heathrow"), not merely a word ("Lake Orta" and "Lake Mergozzo")?"""
    return bool(a) and bool(b) and (a <= b or b <= a)


def _named_in(name: str, words: frozenset[str]) -> bool:
    stems = word_stems(name) - {"world", "earth"}
    words = _with_countries(words)
    return bool(stems) and all(synonyms(s) & words for s in stems)


def _with_countries(words: frozenset[str]) -> frozenset[str]:
    """Words with the country each adjective names ("russian" -> "russia"): a claim about Russia is
    placed by "the Russian mission"."""
    countries = frozenset(w for word in words if (c := demonym_country(word)) for w in word_stems(c))
    return words | countries if countries else words


_GENERIC = frozenset(word_stems("world earth global"))
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CONTINUATION = re.compile(r"\s*(?:up|down)\s+from\b|\s*(?:compared|against)\s+(?:with\s+)?|\s*from\s+", re.I)
_CONTINUATION_CLAUSE = re.compile(r",?\s*\b(?:(?:up|down)\s+from|compared\s+with)\b(?:[^,;.]|\.\d)*", re.I)
_FROM_LEVEL = re.compile(r"\b(?:up|down|rising|falling|rose|fell|increased|decreased|grew|dropped)\s+from\s+(?:about\s+|some\s+)?$", re.I)
_UP = frozenset(word_stems("grew grow rose rise risen increased increase expanded expand climbed jumped gained up higher"))
_DOWN = frozenset(word_stems("fell fall fallen dropped drop declined decline decreased decrease shrank shrink contracted contract "
                             "down lower slumped"))
_MONTHS = frozenset(word_stems("january february march april may june july august september october november december"))


def _figure_clause(text: str, p: Quantity) -> str:
    """The clause a source's figure is in; a continuation ("..., up from 44.0% in 2022") shares the
    measure of the clause before it."""
    clause = clause_around(text, p.start, p.end)
    at = text.find(clause)
    if _CONTINUATION.match(clause) and at > 0:
        before = clause_around(text, max(0, at - 2), max(0, at - 2))
        return text[text.find(before) : at + len(clause)] if before else clause
    return clause


def _claim_sentence(text: str, f: Figure) -> str:
    """The sentence of the claim that holds the figure."""
    for m in re.finditer(r"[^.!?]+(?:[.!?]+|$)", text):
        if m.start() <= f.quantity.start < m.end():
            return m.group()
    return text


def _opening_year(sentence: SentenceView) -> str | None:
    """The year of a sentence's opening phrase ("In 1960, about two-thirds ..."), which dates all of it."""
    first = sentence.dates[0] if sentence.dates else None
    if first and first.value and sentence.text[: first.start].strip() in {"", "In", "in", "By", "by", "During", "As of"} \
            and re.match(r"\s*,", sentence.text[first.end :]):
        return first.value[:4]
    return None


def _clause_year(sentence: SentenceView, p: Quantity) -> str | None:
    """The year a figure's clause ties it to ("up from 39% in 2022" -> 2022): the one nearest after the
    figure, else the only one in the clause."""
    clause = _figure_clause(sentence.text, p)
    lo = sentence.text.find(clause)
    hi = lo + len(clause)
    dated = [(d.start, d.value[:4]) for d in sentence.dates if d.value and lo <= d.start < hi]
    dated += [(s, a[:4]) for s, e, a, b in sentence.ranges if lo <= s < hi and a[:4] == b[:4]]
    after = [(start - p.end, y) for start, y in dated if 0 <= start - p.end <= 15]
    if after:
        return min(after)[1]
    years = {y for _, y in dated}
    return years.pop() if len(years) == 1 else None


def _comparable(f: Figure, p: Quantity) -> tuple[float, float, float] | None:
    """(claimed, its last digit, found) in one unit, or None when the two figures cannot be compared."""
    q = f.quantity
    if f.multiple is not None and f.relative_to is None and p.kind == "percent":
        return abs(f.multiple - 1) * 100, 0.0, p.value  # "halved" is a 50% fall, "doubled" a 100% rise
    if f.multiple is not None or f.seconds is not None or f.than is not None:
        return None
    if q.kind in {"percent", "fraction"} or f.points:
        found = as_percent(p) if p.kind in {"percent", "fraction"} else None
        if found is None:
            return None
        claimed = q.value * 100 if q.kind == "fraction" else q.value
        return claimed, (0.0 if q.kind == "fraction" else rounding_unit(q)), found
    if q.kind == "money":
        if p.kind != "money" or (q.unit and p.unit and q.unit != p.unit):
            return None
        return q.value, rounding_unit(q), p.value
    if q.kind == "measure":
        if p.kind != "measure" or not same_dimension(q.unit, p.unit):
            return None
        a, b = to_base(p.value, p.unit), to_base(q.value, q.unit)
        unit_b = to_base(q.value + rounding_unit(q), q.unit)
        if a is None or b is None or unit_b is None:
            return None
        return b[1], abs(unit_b[1] - b[1]), a[1]
    if q.kind == "count":
        if p.kind != "count" or not q.unit:
            return None  # a bare number ("season 19", "only 1 date") says nothing of what it counts
        return q.value, rounding_unit(q), p.value
    if q.kind == "ratio" and q.of and p.kind in {"percent", "fraction"}:
        return 100 * q.value / q.of, 0.0, as_percent(p) or 0.0
    return None


_MODIFIER = re.compile(r"\b[A-Z][a-z]+")


def _modifiers_clash(q: Quantity, p: Quantity) -> bool:
    """Capitalised words inside both figures' phrases that differ: "60 American diplomats" and "140 Russian
    diplomats" count different people."""
    a = {m.group().lower() for m in _MODIFIER.finditer(q.text)}
    b = {m.group().lower() for m in _MODIFIER.finditer(p.text)}
    return bool(a) and bool(b) and not a & b


def _ratio_in_counts(q: Quantity, found: Sequence[Quantity]) -> str | None:
    """ "20 out of 30" against separate counts in one sentence: "reducing it from 30 to 20 positions". The
    whole must be there; then the part of the same noun (or next to the whole) agrees or not."""
    wholes = [p for p in found if p.kind == "count" and q.of is not None and p.value == q.of]
    if not wholes:
        return None
    noun = word_stems(q.unit) if q.unit else frozenset()
    parts = [p for p in found if p.kind == "count" and p not in wholes
             and ((p.unit and noun and word_stems(p.unit) == noun) or any(abs(p.start - w.end) <= 6 or abs(w.start - p.end) <= 6 for w in wholes))]
    if not parts:
        return None
    return SUPPORTS if any(p.value == q.value for p in parts) else REFUTES


_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may|if|unless|scenario|projected|forecast|expected\s+to)\b", re.I)
_INDEFINITE = re.compile(r"^(?:one|a|an)\b", re.I)
_NEGATED_HEAD = re.compile(r"\b(?:not|never|no|nor|neither|cannot|without)\b|n['’]t\b", re.I)
_HEARSAY = re.compile(r"\b(?:supposedly|purportedly|reportedly|circulat\w*|rumou?r\w*|social\s+media|users?\s+(?:on|online))\b", re.I)


def claims_saying(text: str) -> bool:
    """Is the claim about what someone said ("Lavrov said the move ...")? PolitiFact's leading "Says ..."
    names no one and does not count."""
    return bool(SAYING.search(re.sub(r"^\s*says\b", "", text, flags=re.I)))


def reports_claim(text: str) -> bool:
    """Does a sentence report a claim being made ("users are claiming that ...", "a viral post", "a photo
    supposedly showing ...")? Its repetition of the claim's figures and dates is no support."""
    return bool(CLAIM_TALK.search(text) or _HEARSAY.search(text) or REPORTING.search(text))


def _attributed(text: str, p: Quantity) -> bool:
    """Is the figure in someone's words: inside a quotation, or after "X said" in its sentence?"""
    return quoted(text, p.start) or bool(SAYING.search(text[: p.start]))


def _count_noun_ok(f: Figure, p: Quantity, clause_words: frozenset[str]) -> bool:
    """A count counts the same thing: "70,000 people" and "70,000 were left homeless" (no noun), "100,000
    Londoners" (people named by where they live), not "80,000 inhabitants" for deaths."""
    q = f.quantity
    if q.unit == "times" or p.unit == "times":
        return q.unit == p.unit  # a multiplier ("seven times") is compared only with a multiplier
    if q.kind != "count" or not q.unit:
        return True
    if p.unit and p.unit[:1].isupper():
        return True
    if not p.unit:  # "an estimated 70,000 were left homeless": the noun is left out, or said next to it
        return word_stems(q.unit) <= _PEOPLE or covered(word_stems(q.unit), clause_words) == 1.0
    if word_stems(q.unit) <= _PEOPLE:  # "killed 600,000 people" counts what "608,000 malaria deaths" counts
        return covered(word_stems(p.unit), f.measure | _PEOPLE_LIKE) == 1.0
    nouns = word_stems(q.unit)
    return not nouns or covered(nouns, clause_words | word_stems(p.unit or "")) == 1.0


def _measure(f: Figure, frame: Frame, names: Sequence[str]) -> frozenset[str]:
    """What the figure measures; the claim's first word counts when it is not a name ("Renewables supplied ...")."""
    if frame.lead_stem and frame.lead not in names and frame.lead in f.clause:
        return f.measure | {frame.lead_stem}
    return f.measure


def _direction(sentence: SentenceView, p: Quantity) -> int:
    """The sign a source's verb gives its figure: "expanded at an annualised rate of 0.4%" -> +1."""
    if p.value < 0:
        return -1
    if _FROM_LEVEL.search(sentence.text[max(0, p.start - 25) : p.start]):
        return 0  # "up from 44.0% in 2022": the earlier level, not a change
    words = set(word_stems(clause_around(sentence.text, p.start, p.end).split(str(p.text))[0][-60:]))
    if words & _UP:
        return 1
    if words & _DOWN:
        return -1
    return 0


def _figure_findings(f: Figure, frame: Frame, reading: Reading) -> list[tuple[float, Finding]]:
    names = claim_names(frame, f.clause, reading)
    measure = _measure(f, frame, names)
    wanted = frozenset(w for m in measure for w in synonyms(m)) | frozenset(w for n in names for w in word_stems(n))
    says = claims_saying(frame.text)  # a claim about what someone said is supported by their words
    out = []
    for i in reading.candidates(wanted):
        s = reading.sentences[i]
        if s.row or not s.quantities or not names_in_place(names, s, reading):
            continue
        if _SUPPOSED.search(s.text):
            continue
        if f.quantity.kind == "ratio" and f.quantity.of and covered(measure, word_stems(s.text)) >= MIN_MEASURE:
            stance = _ratio_in_counts(f.quantity, s.quantities)  # "20 out of 30" vs "from 30 to 20 positions"
            if stance and not _attributed(s.text, s.quantities[0]) or (stance and says):
                out.append((2.0, Finding(f.quantity.text, stance, s.passage, f"claim {f.quantity.text!r} vs the counts", s.text)))
        for p in s.quantities:
            if _modifiers_clash(f.quantity, p) or (_attributed(s.text, p) and not says):
                continue  # "60 American diplomats" are not "140 Russian diplomats"; "Perry said 13 ..." is Perry's
            if f.quantity.kind == "ratio" and f.quantity.of and p.kind == "range":
                stance = compare_values(f.quantity, p)  # "20 out of 30" against "from 30 to 20 positions"
                if stance and names_in_place(names, s, reading) and covered(measure, word_stems(s.text)) >= MIN_MEASURE:
                    out.append((2.0, Finding(f.quantity.text, stance, s.passage, f"claim {f.quantity.text!r} vs {p.text!r}",
                                             s.text)))
                continue
            compared = _comparable(f, p)
            if compared is None:
                continue
            clause = _figure_clause(s.text, p)
            clause_words = word_stems(clause)
            aligned = covered(measure, clause_words)
            if aligned < (MIN_MEASURE if names else NAMELESS_MEASURE) or not _count_noun_ok(f, p, clause_words):
                continue  # a claim that names no one is aligned by its measure alone: it must be squarely the same
            if not names and len(measure) < 2:
                continue
            if _INDEFINITE.match(p.text) and not re.search(r"\d", p.text):
                continue  # "quoted one email": an article, not a count
            if _competing(s, p.start, p.end, names, reading):
                continue
            year = _clause_year(s, p) or _opening_year(s)
            if (year and f.year and year != str(f.year)[:4]) or (f.current and _YEAR.search(s.text)):
                continue  # another year's figure ("today" is not "in 1960")
            if _DENIED_BEFORE.search(s.text[max(0, p.start - 40) : p.start]) or quoted(s.text, p.start):
                continue
            claimed, unit, found = compared
            direction = _direction(s, p)
            if bool(f.direction) != bool(direction) and p.value >= 0:
                continue  # a change ("grew by 12.1 percent") is compared with a change, a level with a level
            year_stated = year or _sentence_year(s, f.year)
            if f.direction and direction and f.direction != direction:
                stance = REFUTES  # "shrank" against "expanded", "grew" against a fall
            elif f.quantity.kind == "fraction":
                holds = abs(found - claimed) <= FRACTION_BAND * claimed or (
                    (f.bound in {">", ">="} and found > claimed) or (f.bound in {"<", "<="} and found < claimed))
                stance = SUPPORTS if holds else REFUTES
            else:
                stance = agree(claimed, f.bound.replace("<~", "~"), unit, abs(found), p.bound == "~", p.bound)
            if stance is None:
                continue
            if stance == SUPPORTS and _NEGATED_HEAD.search(s.text[: p.start]) and not _NEGATED_HEAD.search(frame.text):
                continue  # "It does not say that it will be a 10 year sentence"
            if stance == SUPPORTS and reports_claim(s.text) and not says:
                continue  # "Users are claiming that 20 ..." repeats the claim to examine it
            if stance == SUPPORTS and _DISOWNED.search(s.text[p.end :]):
                continue  # "only six deaths were recorded, but the true number is unknown"
            if stance == REFUTES and not names and aligned < 1.0:
                continue  # a claim that names no one is refuted only by a figure of exactly its measure
            if stance == REFUTES and _HYPOTHETICAL.search(_claim_sentence(frame.text, f)):
                continue  # "sea level could rise by six feet": a scenario, which no figure of today refutes
            if stance == REFUTES and (not _names_in_sentence(names, s, reading) or (f.year and not year_stated)):
                continue  # a refutation needs the claim's subject and time stated where the figure is
            weight = covered(measure, clause_words) + (1.0 if all(_named_in(n, s.words) for n in names) else 0.0)
            out.append((weight, Finding(f.quantity.text, stance, s.passage, f"claim {f.quantity.text!r} vs {p.text!r}",
                                        s.text)))
    return out


def _cut(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _event_words(frame: Frame) -> frozenset[str]:
    """The claim's event: its verbs with their synonyms, else its words besides names and dates."""
    if frame.events:
        return frame.events - _LIGHT
    dates = frozenset(w for d in frame.dates for w in word_stems(d.text))
    return frozenset(frame.words - frame.subject - dates - _LIGHT)


# A date's own preposition: "since 2004" is compared only with "since ...", "in 2004" never with it.
_DATE_PREPOSITION = re.compile(r"\b(since|until|till|before|after|by|from|to)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
# A word that is a verb of some other event, between the claim's verb and a date: "Biden won back five
# states that Trump had carried in 2016" dates the carrying, not the winning.
_OTHER_VERB = re.compile(r"\b(?:\w{3,}ed|known|taken|made|held|won|set|began|built|ran)\b", re.I)


# A word that can be the claim's verb in a sentence: a past form, not "building" or "the opening".
_VERB_FORM = re.compile(r"(?:ed|en|wn|lt|an|un|ke|ose|ell|ew|ut|eld|et|on|ight)$", re.I)


def _preposition(text: str, start: int) -> str | None:
    m = _DATE_PREPOSITION.search(text[max(0, start - 25) : start])
    return m.group(1).lower().replace("till", "until") if m else None


def _date_findings(d: DateMention, frame: Frame, reading: Reading) -> list[tuple[float, Finding]]:
    names = claim_names(frame, frame.text, reading)
    event = _event_words(frame)
    if not event:
        return []
    verbs = bool(frame.events)
    ending, beginning = bool(event & _ENDING), bool(event & _BEGINNING)
    wanted = _preposition(frame.text, d.start)
    ordinals = frozenset(_SAME_ORDINAL.get(o, o) for o in _ORDINALS & frame.words)
    out = []
    for i in reading.candidates(event | frozenset(w for n in names for w in word_stems(n))):
        s = reading.sentences[i]
        if not names_in_place(names, s, reading):
            continue
        if not (s.dates or s.ranges):
            # a sentence stating the whole claim under a heading that dates it: "For the first time, wind
            # turbines produced more electricity in the EU ..." under "... in 2023"
            if not verbs and s.heading and covered(event, s.words) >= HEADING_DATED and d.precision == "year" \
                    and d.value and d.value in _YEAR.findall(s.heading):
                out.append((1.0, Finding(d.text, SUPPORTS, s.passage, f"claim {d.text!r} vs the heading {_cut(s.heading, 80)!r}",
                                         s.text)))
            continue
        hits = [m for m in _WORD.finditer(s.text) if word_stems(m.group()) & event and _VERB_FORM.search(m.group())] if verbs else []
        # a period of the subject ("held from 26 July to 11 August 2024") dates its opening and its close
        period = [r for r in s.ranges if (ending or beginning) and re.search(r"\b(?:from|between)\s*$", s.text[max(0, r[0] - 8) : r[0] + 5])]
        if verbs and not hits and not period:
            continue
        if not verbs and covered(event, s.words | reading.paragraph_words(s.passage)) < 0.6:
            continue  # without the claim's verb, its words must be the sentence's paragraph's
        if _SUPPOSED.search(s.text) and not s.row and not _SUPPOSED.search(frame.text):
            continue
        if ordinals and (found := {_SAME_ORDINAL.get(o, o) for o in _ORDINALS & s.words}) and not found & ordinals:
            continue  # "first recommended" is not dated by "a second vaccine ... was recommended"
        anchors = [h.end() for h in hits] or [period[0][0] if period else 0]
        candidates = []
        for start, end, first, last in s.ranges:
            value = last if ending else first if beginning else None
            if value:
                precision = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
                distance = min(abs(start - a) for a in anchors)
                candidates.append((distance, DateMention(s.text[start:end], start, end, value, precision)))
        for e in s.dates:
            if not e.value or any(start <= e.start < end for start, end, _, _ in s.ranges):
                continue
            if _preposition(s.text, e.start) != wanted:
                continue  # "(known until 2019 as ...)" does not date "ratified since 2004"
            spans = [(h.start(), h.end()) for h in hits] or [(a, a) for a in anchors]
            start, end = min(spans, key=lambda h: min(abs(e.start - h[1]), abs(e.end - h[0])))
            between = s.text[end : e.start] if e.start >= end else s.text[e.end : start]
            if hits and _OTHER_VERB.search(between):
                continue  # another verb's date: "won back five states that Trump had carried in 2016"
            candidates.append((e.start - end if e.start >= end else start - e.end + 5, e))
        if not candidates:
            continue
        candidates.sort(key=lambda c: c[0])
        nearest = candidates[0][1]
        if not verbs:  # no verb to anchor on: a date of the sentence that agrees (this path never refutes)
            nearest = next((e for _, e in candidates if date_at_precision(d, e) == SUPPORTS), nearest)
        stance = date_at_precision(d, nearest)
        if stance is None or (stance == SUPPORTS and reports_claim(s.text) and not claims_saying(frame.text)):
            continue
        if stance == REFUTES and (not verbs or not _names_in_sentence(names, s, reading)):
            continue  # a refutation needs the claim's own verb and subject in the sentence
        weight = 1.0 + (1.0 if all(_named_in(n, s.words) for n in names) else 0.0)
        out.append((weight, Finding(d.text, stance, s.passage, f"claim {d.text!r} vs {nearest.text!r}", s.text)))
    return out


def _best(found: list[tuple[float, Finding]]) -> Finding | None:
    """The finding of the most squarely aligned sentence; none when equally aligned sentences disagree."""
    if not found:
        return None
    top = max(w for w, _ in found)
    best = [f for w, f in found if w == top]
    if len({f.stance for f in best}) > 1:
        return None
    return best[0]


def _share(f: Figure) -> float | None:
    """A claim's share as a fraction: "seven in eight" -> 0.875, "just over half" -> 0.5, "40 percent" -> 0.4."""
    q = f.quantity
    if q.kind == "fraction":
        return q.value
    if q.kind == "ratio" and q.of:
        return q.value / q.of
    return None


def _part_of_whole(f: Figure, frame: Frame, reading: Reading) -> list[tuple[float, Finding]]:
    """A share from a part and its whole in one sentence: "Of the City's roughly 80,000 inhabitants, an
    estimated 70,000 were left homeless" for "seven in eight of the City's residents homeless"."""
    share = _share(f)
    if share is None or f.direction:
        return []
    names = claim_names(frame, f.clause, reading)
    measure = _measure(f, frame, names) | (word_stems(f.quantity.unit) if f.quantity.unit else frozenset())
    out = []
    for i in reading.candidates(frozenset(w for m in measure for w in synonyms(m))):
        s = reading.sentences[i]
        if s.row or not names_in_place(names, s, reading) or covered(measure, s.words) < PART_MEASURE:
            continue
        figures = [q for q in s.quantities if q.kind in {"count", "money"} and q.value > 0]
        if len(figures) != 2 or figures[0].kind != figures[1].kind or (figures[0].unit or "") != (figures[1].unit or "") \
                and figures[0].kind == "money":
            continue
        part, whole = sorted(figures, key=lambda q: q.value)
        found = part.value / whole.value
        stance = agree(share, f.bound.replace("<~", "~"), 0.0, found) if f.bound not in {"=", "~"} else (
            SUPPORTS if abs(found - share) <= FRACTION_BAND * share else REFUTES)
        if stance == REFUTES:
            continue  # two figures in a sentence need not be a part and its whole: only agreement counts
        out.append((1.0, Finding(f.quantity.text, stance, s.passage,
                                 f"claim {f.quantity.text!r} vs {part.text!r} of {whole.text!r} = {found:.0%}", s.text)))
    return out


def check_prose(frame: Frame, reading: Reading, dated: Sequence[DateMention]) -> list[Finding]:
    """What the document's sentences say of the claim's figures and of the ``dated`` dates (its events)."""
    out = []
    for f in frame.figures:
        finding = _best(_figure_findings(f, frame, reading)) or _best(_part_of_whole(f, frame, reading))
        if finding:
            out.append(finding)
    for d in dated:
        finding = _best(_date_findings(d, frame, reading))
        if finding:
            out.append(finding)
    return out
