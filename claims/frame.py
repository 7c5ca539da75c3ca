"""A claim's frame: who or what it is about, what each figure measures, when, and which event or relation.

Built from the existing extractors (:func:`claims.quantities.find_quantities`,
:func:`claims.dates.find_dates`) plus the few readings a verifier needs that an extractor does not
give:

- the **subject**: the names the claim is about ("Alberta", "Dallas/Fort Worth", "St Paul's
  Cathedral"), a country's adjective read as the country ("Dutch electricity" -> Netherlands);
- per **figure**: the words saying what it measures (its clause without the subject, the time and
  the verbs that only carry the figure: "supplied", "was home to"), the bound that verbs give
  ("topped $80,000", "exceeded" -> more than), whether it is a change ("grew by 5.8 percent",
  "fell by more than a fifth", "rose by 36 percentage points") or a multiple ("nearly doubled",
  "halved", "300 times as massive as Earth"), and durations written as clock times ("2:03:23");
- the **time** it is about (a year, a quarter; "between 2016 and 2021" as a span);
- the **event** words (a verb and its synonyms: "switched off" ~ "disconnected", "began" ~
  "broke out") for dates and relations.

Pure Python; the frame is a frozen dataclass, built once per claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from claims.dates import find_dates
from claims.model import DateMention, Quantity
from claims.quantities import find_quantities
from claims.words import STOPWORDS, stem

__all__ = ["Figure", "Frame", "build_frame", "clause_around", "demonym_country", "event_class", "name_phrases", "synonyms",
           "word_stems"]

# A country's adjective (and a few people-words) -> the country: "Dutch electricity", "the Brazilian Amazon".
DEMONYMS = {
    "afghan": "Afghanistan", "albanian": "Albania", "algerian": "Algeria", "american": "United States",
    "argentine": "Argentina", "argentinian": "Argentina", "australian": "Australia", "austrian": "Austria",
    "bangladeshi": "Bangladesh", "belgian": "Belgium", "bolivian": "Bolivia", "brazilian": "Brazil",
    "british": "United Kingdom", "bulgarian": "Bulgaria", "cambodian": "Cambodia", "canadian": "Canada",
    "chilean": "Chile", "chinese": "China", "colombian": "Colombia", "croatian": "Croatia", "cuban": "Cuba",
    "czech": "Czechia", "danish": "Denmark", "dutch": "Netherlands", "ecuadorian": "Ecuador", "egyptian": "Egypt",
    "english": "England", "estonian": "Estonia", "ethiopian": "Ethiopia", "finnish": "Finland", "french": "France",
    "german": "Germany", "ghanaian": "Ghana", "greek": "Greece", "hungarian": "Hungary", "icelandic": "Iceland",
    "indian": "India", "indonesian": "Indonesia", "iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland",
    "israeli": "Israel", "italian": "Italy", "japanese": "Japan", "kenyan": "Kenya", "korean": "Korea",
    "latvian": "Latvia", "lithuanian": "Lithuania", "malaysian": "Malaysia", "mexican": "Mexico",
    "moroccan": "Morocco", "nepalese": "Nepal", "nigerian": "Nigeria", "norwegian": "Norway",
    "pakistani": "Pakistan", "peruvian": "Peru", "philippine": "Philippines", "filipino": "Philippines",
    "polish": "Poland", "portuguese": "Portugal", "romanian": "Romania", "russian": "Russia", "saudi": "Saudi Arabia",
    "scottish": "Scotland", "serbian": "Serbia", "singaporean": "Singapore", "slovak": "Slovakia",
    "slovenian": "Slovenia", "spanish": "Spain", "swedish": "Sweden", "swiss": "Switzerland", "syrian": "Syria",
    "taiwanese": "Taiwan", "thai": "Thailand", "turkish": "Turkey", "ukrainian": "Ukraine", "venezuelan": "Venezuela",
    "vietnamese": "Vietnam", "welsh": "Wales",
}

# Words that mean the same measure or event, as stems: a claim's word matches a source's word in
# its group. Kept to general English, never to one topic's names.
SYNONYM_GROUPS = (
    "people population resident inhabitant person persons",
    "capita person head",
    "long length",
    "tall height high",
    "deep depth",
    "wide width across diameter",
    "massive mass heavy weight weigh",
    "hot hottest temperature",
    "death deaths dead fatality fatalities kill killed",
    "passenger traffic traveller",
    "cost costs spend spending budget price",
    "world earth global worldwide",
    "renewable renewables",
    "electricity generation power",
    "economy gdp",
    "deforestation clearing clear-cutting clear-cut",
    "basin catchment watershed",
    "revenue revenues sales turnover",
    "profit profits earnings",
    "unemployment jobless",
    "staff employees workers workforce",
    "students pupils",
    "visitors tourists",
    "homes houses dwellings",
    "cars vehicles",
    "size area",
    "wage wages pay salary salaries earnings",
    "spending expenditure outlays",
    "debt borrowing",
    "emissions emission",
    "output production",
)
# Verbs that name the same event: a date or a place of the claim is compared only with a sentence
# stating one of them.
EVENT_GROUPS = (
    "kill killed die died",
    "grow grew growth increase increased rise rose climb climbed expand expanded gain",
    "fall fell decline declined decrease decreased drop dropped shrink shrank contract contracted",
    "begin began start started break broke erupt erupted",
    "launch launched lift lifted",
    "end ended close closed finish finished conclude concluded",
    "complete completed finish finished build built",
    "open opened inaugurate inaugurated",
    "shut switch disconnect disconnected decommission decommissioned",
    "destroy destroyed burn burned burnt gut gutted raze razed",
    "burn burned burnt rage raged blaze blazed",
    "recommend recommended approve approved endorse endorsed",
    "standardise standardised standardize standardized fix fixed",
    "ratify ratified recognise recognised recognize recognized",
    "swear sworn inaugurate inaugurated",
    "win won",
    "carry carried",
    "clear cleared",
    "die died",
    "reclassify reclassified demote demoted",
    "arrive arrived reach reached",
    "design designed",
    "found founded establish established",
    "develop developed",
    "elect elected",
    "set broke",
    "appoint appointed",
    "resign resigned quit",
    "sign signed",
    "announce announced unveil unveiled",
    "publish published release released",
    "discover discovered",
    "invent invented",
    "born",
    "marry married",
    "acquire acquired buy bought purchase purchased",
    "merge merged",
    "ban banned prohibit prohibited",
    "adopt adopted enact enacted",
    "abolish abolished",
    "join joined",
    "withdraw withdrew",
    "premiere premiered debut debuted",
    "explode exploded",
    "collapse collapsed",
    "retire retired",
)
_SYNONYMS: dict[str, frozenset[str]] = {}
_EVENTS: set[str] = set()
for _group in SYNONYM_GROUPS + EVENT_GROUPS:
    _stems = frozenset(stem(w) for w in _group.split())
    for _s in _stems:
        _SYNONYMS[_s] = _SYNONYMS.get(_s, frozenset()) | _stems
for _group in EVENT_GROUPS:
    _EVENTS.update(stem(w) for w in _group.split())

# Verbs and words that carry a figure without saying what it measures: "supplied 44 percent",
# "was home to 4.3 million people", "handled 82 million passengers".
_CARRIERS = frozenset(stem(w) for w in """
    supplied supply provided provide produced produce generated generate accounted account made make reached reach
    recorded record handled handle totalled totaled total stood stand came come topped top exceeded exceed surpassed
    hit amounted amount worth equivalent roughly around approximately nearly almost about just over under more less
    fewer than home time took take has have had was were is are be been being its their the between together alone
    year years percentage point points percent per cent million billion trillion thousand hundred both bn mn tn
    pc pct
    grew grow rose rise risen increased increase expanded expand climbed jumped gained fell fall fallen dropped drop
    declined decline decreased decrease shrank shrink contracted contract slumped halved doubled tripled
    cover covers covered covering measures measure measured plant plants station stations facility facilities
    """.split())
# Words that only name a date: a name phrase made of them is a date, not a subject.
_DATE_WORDS = frozenset("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas day eve new year's easter
    fahrenheit celsius kelvin""".split())
# Words of units of measure, which a column states in its own way ("(km²)" for "square kilometres").
_UNIT_WORDS = frozenset(stem(w) for w in """square cubic kilometres kilometers kilometre metres meters metre miles mile feet foot
    inches tonnes tons kilograms grams hectares acres degrees celsius fahrenheit kilowatt-hours kilowatt-hour
    terawatt-hours terawatt-hour gigawatt-hours megawatt-hours seconds minutes hours days weeks months years""".split())
_PEOPLE = frozenset(stem(w) for w in "people persons individuals".split())
_FRACTION_STEMS = frozenset(stem(w) for w in "half halves third thirds quarter quarters fifth fifths tenth tenths".split())
# Words for "the world" in a claim that do not name a subject: "the world's longest river".
_GENERIC_NAMES = frozenset(stem(w) for w in "world earth global".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A name: capitalised words, joined by "of"/"de"/"the", "/", "-" or "&" ("Great Fire of London",
# "Dallas/Fort Worth", "EU-27", "St Paul's Cathedral"), a trailing number kept ("Isar 2").
_NAME = re.compile(
    r"""(?<![\w'’])(?:[A-Z][\w.-]*(?:['’](?!s\b)\w+)?|[A-Z]{2,}[\w-]*)
    (?:(?:\s+(?:of(?:\s+the)?|de|du|von|van|del|la)\s+|\s+|/|-|\s*&\s*)(?:[A-Z][\w.-]*(?:['’](?!s\b)\w+)?|\d+\b(?!\s*(?:percent|%|million|billion))))*
    (?:['’]s?\b)?""",
    re.VERBOSE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_LEAD = re.compile(r"[\"“‘(]*([A-Z][\w'’-]*?)(?:['’]s)?\b(?!\s+[A-Z])")
_SENTENCE_OPENERS = frozenset("the a an in on at by for from with as this that these those it its there".split())

# Bound words an extractor leaves to the verb: "topped $80,000", "exceeded $1.5 trillion".
_ABOVE_VERB = re.compile(r"\b(?:topped|tops|exceeded|exceeds|surpassed|surpasses|passed|beat|beats|over)\s+(?:\S+\s+)?$", re.I)
_BELOW_VERB = re.compile(r"\b(?:dipped\s+below|fell\s+below|below|under|short\s+of)\s+$", re.I)
# A change of a figure: "grew by 5.8 percent", "fell by more than a fifth", "rose by 36 percentage points".
_CHANGE = re.compile(
    r"""\b(?P<verb>grew|grows|grow|rose|rises|risen|increased|increases|expanded|expands|climbed|jumped|gained|up|
    fell|falls|fallen|dropped|drops|declined|declines|decreased|decreases|shrank|shrinks|shrunk|contracted|contracts|down|slumped|slid)
    \s+(?:by\s+)?(?:(?:about|around|roughly|nearly|almost|more\s+than|less\s+than|over|some|just|only)\s+)*$""",
    re.I | re.VERBOSE,
)
_UP_WORDS = frozenset("grew grows grow rose rises risen increased increases expanded expands climbed jumped gained up".split())
# "up" and "down" in phrasal verbs that are no change: "make up", "sum up", "set up", "break down".
_PHRASAL_UP = re.compile(r"\b(?:make|makes|made|making|take|takes|took|taken|add|adds|added|sum|sums|summed|set|sets|"
                         r"end|ends|ended|pick|picks|picked|turn|turns|turned|break|breaks|broke|round|rounded)\s+(?:up|down)\b", re.I)
_DOWN_WORDS = frozenset("""fell falls fallen dropped drops declined declines decreased decreases shrank shrinks shrunk contracted
    contracts down slumped slid""".split())
# Multiples said in words: "doubled", "nearly tripled", "halved".
_MULTIPLE = re.compile(
    r"\b(?P<hedge>nearly|almost|more\s+than|roughly|about|around|over|just\s+over|just\s+under)?\s*"
    r"(?P<word>doubled|doubling|tripled|trebled|tripling|quadrupled|halved|halving)\b",
    re.I,
)
_MULTIPLE_VALUE = {"doubled": 2.0, "doubling": 2.0, "tripled": 3.0, "trebled": 3.0, "tripling": 3.0,
                   "quadrupled": 4.0, "halved": 0.5, "halving": 0.5}
_HEDGE_BOUND = {"nearly": "<~", "almost": "<~", "more than": ">", "over": ">", "just over": ">", "just under": "<~",
                "roughly": "~", "about": "~", "around": "~"}
# "300 times as massive as Earth", "one and a half times as many passengers as Delhi".
_TIMES_AS = re.compile(r"\btimes\s+(?:as\s+\w+(?:\s+\w+)?\s+as|more\s+\w+\s+than|the\s+\w+\s+of)\s+(?P<other>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
# "7 million more votes than Trump", "$2bn less than last year's": a difference, not a level.
_THAN = re.compile(r"\s+(?:more|fewer|less|higher|lower|greater|smaller|bigger|larger)\s+(?:[\w-]+\s+){0,3}?than\s+(?:the\s+)?(?P<other>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
# A span of time a claim's statement covers, not a figure it states: "for the past 4,567 million years",
# "in the last 35 years of global warming", "over the next decade".
_PERIOD = re.compile(r"\b(?:for|over|in|during|within)\s+the\s+(?:past|last|next|previous|coming|first)\s+$", re.I)
# Numbers that count nothing: "from one person to another", "one another", "one of the".
_IDIOM = re.compile(r"one\s+(?:\w+\s+)?to\s+another\b|one\s+another\b", re.I)
# A fraction as a change, which an extractor may leave: "fell by more than a fifth", "rose by a third".
_FRACTION_CHANGE = re.compile(
    r"\bby\s+(?P<hedge>more\s+than|less\s+than|nearly|almost|about|around|roughly|over|just\s+over|just\s+under)?\s*"
    r"(?P<n>a|an|one|two|three)[\s-]+(?P<d>half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\b", re.I)
_FRACTION_DENOMINATORS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                          "tenth": 10, "tenths": 10}
_FRACTION_BOUNDS = {"more than": ">", "over": ">", "just over": ">", "less than": "<", "just under": "<", "nearly": "~",
                    "almost": "~", "about": "~", "around": "~", "roughly": "~"}
# A clock time or duration: "2:03:23", "1:59:40".
_CLOCK = re.compile(r"(?<![\d:])(?:(?P<h>\d{1,2}):)?(?P<m>[0-5]?\d):(?P<s>[0-5]\d(?:\.\d+)?)(?![\d:])")
# Clause edges inside a claim: a figure's words do not cross them.
_CLAUSE_EDGE = re.compile(r"[;:–—]|,\s+(?:and|but|while|which|who|with)\b|,\s|\band\b(?=\s+(?:\d|a\s+|an\s+|the\s+\w+\s+\d))|\bwith\b"
                          r"|\band\b(?=\s+(?:are|is|was|were|has|have|had|will|would)\b)|[.!?][\"”’]?\s|\s(?:who|which|whom)\s")
_SPAN = re.compile(r"\bbetween\s+(?:the\s+)?(1[0-9]{3}|20[0-9]{2})\s+(?:and|to)\s+(?:the\s+)?(1[0-9]{3}|20[0-9]{2})\b"
                   r"|\bfrom\s+(1[0-9]{3}|20[0-9]{2})\s+to\s+(1[0-9]{3}|20[0-9]{2})\b", re.I)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a claim, with what it measures."""

    quantity: Quantity
    measure: frozenset[str]  # stems of the words saying what it measures
    clause: str  # the claim's clause around it
    bound: str  # the quantity's bound, or the one its verb gives ("topped" -> ">")
    change: int = 0  # +1 "grew by", -1 "fell by", 0 not a change
    direction: int = 0  # the sign its clause's verb gives: "shrank at an annualised rate of 0.4 percent" -> -1
    points: bool = False  # a change in percentage points
    multiple: float | None = None  # "doubled" 2.0, "halved" 0.5, "300 times as ... as X" 300
    relative_to: str | None = None  # "as Earth": what a multiple is of
    seconds: float | None = None  # a clock time or duration in seconds
    than: str | None = None  # "about 7 million more votes than Trump": a difference from someone else's figure
    year: str | None = None  # the year (or quarter) its sentence of the claim gives it ("In 1960 ... Today, 20 percent": none)
    current: bool = False  # its sentence says it is about now ("Today we have only 20 percent")


@dataclass(frozen=True, slots=True)
class Frame:
    text: str
    names: tuple[str, ...]  # name phrases, as written (possessives dropped), countries for their adjectives
    lead: str | None  # the claim's first word when capitalised: a name ("Alberta was ...") or not ("Renewables ...")
    lead_stem: str | None  # its stem: a name, or what the figures measure, as the source writes it
    subject: frozenset[str]  # stems of the subject's names
    words: frozenset[str]  # every content stem of the claim
    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]  # every date of the claim
    year: str | None  # the year (or quarter) the claim is about, when it states one
    span: tuple[str, str] | None  # "between 2016 and 2021"
    events: frozenset[str]  # stems of the claim's verbs with their synonyms
    event_dates: tuple[DateMention, ...] = ()  # the dates of its events (not the time of its figures or a span's ends)


def synonyms(word_stem: str) -> frozenset[str]:
    """A stem with the stems that mean the same ("people" -> population, residents, ...)."""
    return _SYNONYMS.get(word_stem, frozenset((word_stem,)))


@lru_cache(maxsize=65536)
def word_stems(text: str) -> frozenset[str]:
    """Content stems of a text, numbers and one-letter words left out."""
    return frozenset(stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1)


def demonym_country(word: str) -> str | None:
    return DEMONYMS.get(word.lower())


@lru_cache(maxsize=16384)
def name_phrases(text: str) -> tuple[str, ...]:
    """Names in a text: capitalised phrases (a sentence's first word only when it is followed by another
    capitalised word or is possessive or all capitals), and countries for their adjectives."""
    out: list[str] = []
    for m in _NAME.finditer(text):
        phrase = m.group().strip()
        first = phrase.split()[0] if phrase.split() else phrase
        at_start = m.start() == 0 or bool(re.search(r"[.!?:]\s+[\"“‘(]*$", text[max(0, m.start() - 4) : m.start()]))
        one_word = " " not in phrase and "/" not in phrase
        possessive = bool(_POSSESSIVE.search(phrase))
        phrase = _POSSESSIVE.sub("", phrase).strip(" .-")
        if at_start and first.lower() in _SENTENCE_OPENERS:
            rest = phrase.split(None, 1)
            if len(rest) < 2:
                continue
            phrase = rest[1]
            one_word = " " not in phrase
            at_start = False
        country = demonym_country(phrase)
        if country:
            out.append(country)
            continue
        if at_start and one_word and not possessive and not phrase.isupper():
            continue  # "Renewables supplied ...", "Malaria killed ...": a sentence's first word
        if phrase.lower() in STOPWORDS or not phrase:
            continue
        if all(w.lower() in _DATE_WORDS or w.isdigit() for w in phrase.split()):
            continue  # "October 2021": a date
        out.append(phrase)
    for w in _WORD.findall(text):
        country = demonym_country(w)
        if country and country not in out and w[0].islower():
            out.append(country)
    return tuple(dict.fromkeys(out))


def event_class(stems: frozenset[str]) -> frozenset[str]:
    """The stems with every synonym of each."""
    out: set[str] = set()
    for s in stems:
        out |= synonyms(s)
    return frozenset(out)


def clause_around(text: str, start: int, end: int) -> str:
    """The figure's clause: from the last clause edge before it to the first after it."""
    lo, hi = 0, len(text)
    for edge in _CLAUSE_EDGE.finditer(text):
        if edge.end() <= start:
            lo = edge.end()
        elif edge.start() >= end:
            hi = edge.start()
            break
    return text[lo:hi]


def _figure(text: str, q: Quantity, subject: frozenset[str], date_words: frozenset[str], lead: str | None = None) -> Figure:
    clause = clause_around(text, q.start, q.end)
    before = text[max(0, q.start - 40) : q.start]
    bound = q.bound
    if bound == "=" and _ABOVE_VERB.search(before):
        bound = ">"
    elif bound == "=" and _BELOW_VERB.search(before):
        bound = "<"
    window = _PHRASAL_UP.sub(" ", text[max(0, q.start - 60) : q.start])  # "make up 20 percent" is no rise
    change_match = _CHANGE.search(window)
    change = 0
    if change_match:
        change = 1 if change_match.group("verb").lower() in _UP_WORDS else -1
    points = bool(re.search(r"percentage\s+points?", q.text, re.I))
    direction = change
    if not direction:
        verbs = {w.lower() for w in _WORD.findall(_PHRASAL_UP.sub(" ", clause))}
        if verbs & _UP_WORDS:
            direction = 1
        elif verbs & _DOWN_WORDS:
            direction = -1
    relative = None
    multiple = None
    times = re.search(r"\btimes\b", q.text + text[q.end : q.end + 8])
    if times:
        m = _TIMES_AS.search(text, q.start)
        if m and m.start() - q.end < 20:
            relative = m.group("other")
            multiple = q.value
    # the figure's own words say what it measures too ("15 gold medals", "146 known moons"), but not its
    # unit of measure ("square kilometres") or its magnitude
    own = word_stems(q.text) - (word_stems(q.unit) if q.unit and q.kind != "count" else frozenset()) - _PEOPLE - _FRACTION_STEMS
    measure = (word_stems(clause) - word_stems(q.text) | own) - subject - _CARRIERS - date_words - _UNIT_WORDS
    if not measure:  # "..., by a total of $51,000": the clause says nothing of what; the claim does
        measure = word_stems(text) - word_stems(q.text) - subject - _CARRIERS - date_words - _UNIT_WORDS
    than = _THAN.match(text, q.end)
    if lead:
        measure -= {stem(lead)}  # the claim's first word is its subject or what it measures: the check decides which
    if relative:
        measure -= word_stems(relative)
    if q.kind == "count" and q.unit and not q.unit.isupper():
        measure |= word_stems(q.unit) - _CARRIERS - _PEOPLE  # what a count counts: moons, votes (people: anyone)
    return Figure(q, frozenset(measure), clause, bound, change, direction, points, multiple, relative,
                  than=than.group("other") if than else None)


def _extra_figures(text: str, subject: frozenset[str], date_words: frozenset[str], taken: Sequence[Quantity]) -> list[Figure]:
    """Figures an extractor does not report: multiples in words ("nearly doubled") and clock times."""
    out = []
    for m in _MULTIPLE.finditer(text):
        hedge = (m.group("hedge") or "").lower()
        value = _MULTIPLE_VALUE[m.group("word").lower()]
        q = Quantity(m.group().strip(), m.start("word"), m.end(), value, "multiple", None, "~")
        clause = clause_around(text, m.start(), m.end())
        measure = word_stems(clause) - subject - _CARRIERS - date_words - _UNIT_WORDS - {stem(m.group("word"))}
        sign = 1 if value > 1 else -1
        out.append(Figure(q, frozenset(measure), clause, _HEDGE_BOUND.get(hedge, "~"), sign, sign, False, value))
    for m in _FRACTION_CHANGE.finditer(text):
        if any(t.start <= m.start("n") < t.end for t in taken):
            continue
        numerator = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}[m.group("n").lower()]
        value = numerator / _FRACTION_DENOMINATORS[m.group("d").lower()]
        hedge = (m.group("hedge") or "").lower()
        q = Quantity(text[m.start("hedge") if m.group("hedge") else m.start("n") : m.end()],
                     m.start("hedge") if m.group("hedge") else m.start("n"), m.end(), value, "fraction", None,
                     _FRACTION_BOUNDS.get(hedge, "="))
        clause = clause_around(text, q.start, q.end)
        before = text[max(0, m.start() - 40) : m.start()].lower().split()
        sign = -1 if before and before[-1] in _DOWN_WORDS else 1 if before and before[-1] in _UP_WORDS else 0
        measure = word_stems(clause) - subject - _CARRIERS - date_words - word_stems(q.text)
        out.append(Figure(q, frozenset(measure), clause, q.bound, sign, sign))
    for m in _CLOCK.finditer(text):
        if any(t.start <= m.start() < t.end for t in taken):
            continue
        seconds = 3600 * int(m.group("h") or 0) + 60 * int(m.group("m")) + float(m.group("s"))
        q = Quantity(m.group(), m.start(), m.end(), seconds, "measure", "seconds", "=")
        clause = clause_around(text, m.start(), m.end())
        out.append(Figure(q, frozenset(word_stems(clause) - subject - _CARRIERS - date_words), clause, "=", seconds=seconds))
    return out


@lru_cache(maxsize=4096)
def _frame(text: str, published: str | None) -> Frame:
    names = name_phrases(text)
    first = _LEAD.match(text)
    lead = first.group(1) if first else None
    if lead and not lead.isupper() and (lead.lower() in _SENTENCE_OPENERS or lead.lower() in STOPWORDS):
        lead = None
    if lead and any(lead in n.split() for n in names):
        lead = None
    subject = frozenset(s for n in names for s in word_stems(n)) - _GENERIC_NAMES
    subject |= frozenset(stem(w) for w in _WORD.findall(text) if demonym_country(w))
    dates = tuple(find_dates(text, published))
    date_words = frozenset(s for d in dates for s in word_stems(d.text))
    quantities = [q for q in find_quantities(text)
                  if not _IDIOM.match(text, q.start) and not _PERIOD.search(text[max(0, q.start - 30) : q.start])
                  and not re.match(r"\s+ago\b", text[q.end : q.end + 5])
                  and not (q.unit == "years" and re.search(r"\b(?:in|since|after|for)\s+\d+\s+years", text))]
    figures = [_figure(text, q, subject, date_words, lead) for q in quantities]
    figures += _extra_figures(text, subject, date_words, quantities)
    figures.sort(key=lambda f: f.quantity.start)
    span_match = _SPAN.search(text)
    span = None
    if span_match:
        a, b = [g for g in span_match.groups() if g]
        span = (a, b)
    years = [d.value for d in dates if d.value and (d.precision in {"year", "quarter"} or len(d.value) == 4)]
    if not years:  # "in October 2023", "earlier this month" (in an article of October 2021): the year of the month
        years = [d.value[:4] for d in dates if d.value and re.match(r"\d{4}", d.value)]
    year = years[-1] if years and not span else None
    figures = [_dated(f, text, dates, year) for f in figures]
    words = word_stems(text)
    verbs = frozenset(w for w in words if w in _EVENTS) - subject
    dates = dates + _holidays(text)
    return Frame(text, names, lead, stem(lead) if lead else None, subject, words, tuple(figures), dates, year, span,
                 event_class(verbs), tuple(d for d in dates if _is_event_date(text, d, bool(figures))))


# Fixed-date holidays a claim may name a day by: "on Christmas Day 2021".
_HOLIDAYS = {"christmas day": "12-25", "christmas eve": "12-24", "boxing day": "12-26", "new year's day": "01-01",
             "new year’s day": "01-01", "new year's eve": "12-31", "valentine's day": "02-14", "halloween": "10-31"}
_HOLIDAY = re.compile(r"\b(" + "|".join(re.escape(h) for h in _HOLIDAYS) + r")\s*,?\s*(\d{4})\b", re.I)


def _holidays(text: str) -> tuple[DateMention, ...]:
    return tuple(DateMention(m.group(), m.start(), m.end(), f"{m.group(2)}-{_HOLIDAYS[m.group(1).lower()]}", "day")
                 for m in _HOLIDAY.finditer(text))


# Before a date: a verb it dates ("was standardised in 1908", "closed on 11 July 2024"), not a noun it
# qualifies ("44 percent of Germany's electricity in 2023", "its 2019 level").
_VERB_BEFORE = re.compile(r"\b(?P<verb>\w+(?:ed|en)|began|begun|won|set|broke|rose|fell|grew|shut|built|held|died|opened|"
                          r"closed|sworn|began|came|went|took|made)(?:\s+(?:up|off|out|down|in|on|at|into|operating|back))?"
                          r"(?:\s+\w+ly)?\s+(?:in|on|at|during|by)?\s*(?:the\s+)?$", re.I)
_QUALIFIER_BEFORE = re.compile(r"\b(?:since|until|till|before|after|year\s+to|months\s+to|to|from|between|and)\s+(?:the\s+)?$", re.I)
_MODIFIER_AFTER = re.compile(r"^\s+(?!and\b|to\b|in\b|on\b|at\b|for\b|with\b|by\b|as\b|when\b)[a-z]+")


def _is_event_date(text: str, d: DateMention, has_figures: bool) -> bool:
    if not re.search(r"\d", d.text):
        return False  # "earlier this month", "days later", "on Monday": when, only as the article's date guesses it
    if re.search(r"\b(?:mid|early|late|around|about|circa|c\.)[\s-]*$", text[max(0, d.start - 12) : d.start], re.I) \
            or re.match(r"(?:in\s+the\s+)?(?:mid|early|late|around|about|circa)\b", d.text, re.I):
        return False  # "in the mid 1970s", "around 1990": not a date to compare at its precision
    return _dated_event(text, d, has_figures)


def _dated_event(text: str, d: DateMention, has_figures: bool) -> bool:
    """Is the date when the claim's event happened? Not "since 2000" or "in the year to July 2023" (the
    period of a figure), not "the 2020 election" (a name for a thing), and with figures, only a date
    right after a verb ("was standardised in 1908")."""
    before = text[max(0, d.start - 40) : d.start]
    if re.search(r"\bsince\b[^,;.]*$", text[max(0, d.start - 50) : d.start], re.I) and has_figures:
        return False  # "since reliable record keeping began in 1880": the start of a figure's period
    since = _QUALIFIER_BEFORE.search(before) or re.search(r"\b(?:since|until|before|after)\b", d.text, re.I)
    if since and (has_figures or not re.search(r"\b(?:since|until|before|after)\s+(?:the\s+)?$", before, re.I)):
        return False  # the period of a figure; without figures, "ratified only since 2004" is the claim
    if re.fullmatch(r"\d{4}", d.text) and _MODIFIER_AFTER.match(text[d.end : d.end + 20]):
        return False  # "the 2020 election", "its 2019 level"
    if not has_figures:
        return True
    return d.precision in {"day", "month"} or bool(_VERB_BEFORE.search(before))


_NOW = re.compile(r"\b(?:today|now|currently|nowadays|these\s+days)\b", re.I)


def _dated(f: Figure, text: str, dates: Sequence[DateMention], year: str | None) -> Figure:
    """The figure with the year of its own sentence of the claim: a claim of two sentences ("In 1960, most
    ... Today we have only 20 percent ...") dates each figure by its sentence."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+(?:[.!?]+|$)", text)]
    if len(sentences) <= 1:
        return replace(f, year=year)
    start, end = next(((a, b) for a, b in sentences if a <= f.quantity.start < b), (0, len(text)))
    own = [d.value for d in dates if d.value and start <= d.start < end and re.match(r"\d{4}", d.value)]
    if own:
        return replace(f, year=own[-1] if len(own[-1]) == 4 or "Q" in own[-1] else own[-1][:4])
    now = bool(_NOW.search(text[start:end]))
    return replace(f, year=None if now else year, current=now)


def build_frame(text: str, published: str | None = None) -> Frame:
    """The claim's frame (cached: a claim checked against many sources is read once)."""
    return _frame(text, published)
