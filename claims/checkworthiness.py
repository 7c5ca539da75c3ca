"""Check-worthiness scorer: is a sentence a factual claim worth fact-checking?

``score_checkworthiness(sentences)`` returns one score in [0, 1] per sentence;
a score >= 0.5 means check-worthy.

The model is a linear classifier (logistic regression, trained by
``tools/train_worthiness.py``) over three groups of sparse features, all computed here in pure Python:

* ``w`` - word 1-2-grams (lower-cased, digits mapped to ``0``, with sentence
  boundary markers), counts scaled by 1/sqrt(number of n-grams);
* ``c`` - character 3-4-grams of each whitespace-separated chunk of the
  lower-cased, digit-normalised text, padded with a space each side, scaled
  the same way (the scorer caches each chunk's weight sum, and looks each word and
  hand feature up once for all three models below, in merged tables);
* ``h`` - hand features: numbers, percentages, money, years, comparatives,
  attributions ("said", "according to"), capitalised names, first-person /
  opinion / question markers, length; and news shapes (``n:...``): quotations
  and who speaks them, modal and future phrasing, schedules, past-tense and
  result verbs, study words, superlatives, evaluative words, and figures inside
  a plain statement as against a plan or a quote.

It is trained on news as well as debates: CLEF-2024 CheckThat! Task 1 English
train+dev and the check-worthy sentences of the CheckThat! 2019/2020 debates,
2,953 BBC sentences labelled one by one (``bench/data/checkworthiness``), and the
other sentences of those BBC articles' categories labelled by a teacher
(all-MiniLM-L6-v2 fine-tuned on the same labels; used in training only, so that
scoring needs nothing but the standard library).

Transcribed speech and news prose differ in register, and so does what is worth
checking in them.  A second, smaller linear model over the same word n-grams and
hand features (the *register* model, trained to tell debate transcripts from BBC
prose) gives the probability ``r`` that a sentence is speech.  A third linear
model over all three groups (the *debate* model) is trained on the debates alone.
A sentence's logit is ``(1 - r) * main + r * debate``, each model's bias shifted
to its own threshold: the main model's chosen by cross-validation by article on
the news labels, the debate model's by cross-validation by whole debates on CT24.
Optionally, once ``make train-debate`` has built it (it is not shipped), a *debate
student* (``claims/debate_student.py``: a static word-piece model distilled from MiniLM
fine-tuned on CT24, also pure Python) takes the linear debate model's place where
``r`` >= ``STUDENT_MIN_SPEECH``.

On top of the learned score, :func:`structural_offset` adds fixed negative logit
offsets for text shapes the debate training data never shows: headings and
fragments of at most three words, and bylines / photo credits / captions.

The same featuriser is imported by the training script, so training and
inference features are identical by construction.  The model file
``claims/data/checkworthiness.json.gz`` holds one weight table per group and a
bias already shifted so that 0.5 is the news threshold, and the register and
debate models beside it (see the training script).  It is
loaded lazily on first use and cached; loading never touches the network.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
from itertools import chain, repeat
from pathlib import Path
from typing import Any, Iterable, Sequence

from claims.debate_student import load_student

__all__ = ["score_checkworthiness", "featurize", "structural_offset", "load_model", "clear_caches", "MODEL_PATH"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "checkworthiness.json.gz"

# A debate student, when built (claims/debate_student.py, make train-debate), takes the linear debate model's place
# in the mix for a sentence whose probability of being speech is at least this: nearly every debate sentence (99.8%
# of CT24 dev) and one news sentence in seven (14% of the news labels).  Below it the linear model's share (under a
# fifth) is kept: the student costs about as much again as the rest of the scorer.
STUDENT_MIN_SPEECH = 0.2

# Longer inputs are cut before featurising: keeps the cost per sentence bounded.
_MAX_CHARS = 2000
_CHAR_NGRAMS = (3, 4)

_TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?|[$%£€¥]|[^\w\s]", re.UNICODE)
_DIGIT_RE = re.compile(r"\d")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion "
    "billions trillion trillions dozen dozens half twice double doubled triple tripled quarter "
    "third percent percentage".split()
)
_MONEY_WORDS = frozenset("dollar dollars $ £ € ¥ cents pounds euros budget tax taxes deficit debt spending spent cost costs paid pay".split())
_COMPARATIVES = frozenset(
    "more less fewer than most least highest lowest largest biggest smallest greater lower higher "
    "increase increased increases increasing decrease decreased decreases decreasing rise rose risen "
    "rising fall fell fallen drop dropped grew grow growth cut cuts record average only every all "
    "since first last times".split()
)
_ATTRIBUTION = frozenset("said says say told according reported reports announced stated statement claimed data survey study poll report estimates".split())
_FIRST_PERSON = frozenset("i i'm i've i'll i'd me my mine myself".split())
_WE = frozenset("we we're we've we'll our us ours".split())
_YOU = frozenset("you you're your yours".split())
_OPINION = frozenset(
    "think believe feel hope should must going want wants need needs let let's wish "
    "great good bad terrible wonderful thank thanks please maybe perhaps probably".split()
)
_FUTURE = frozenset("will would could might can gonna".split())
_NEGATION = frozenset("not no never n't don't doesn't didn't won't can't isn't wasn't".split())
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_PERCENT_RE = re.compile(r"%|\bper ?cent\b|\bpercentage\b", re.IGNORECASE)
_MONEY_RE = re.compile(r"[$£€¥]\s?\d|\b\d[\d,.]*\s?(?:million|billion|trillion|dollars|euros|pounds)\b", re.IGNORECASE)


# Structural priors for news text, outside what the debate-transcript training data covers
# (ClaimBuster/CT24 keeps only sentences of 5+ words and has no bylines or captions).  They are
# fixed logit offsets, not learned, and keyed to the shape of the text, never to a topic.
_FRAGMENT_MAX_WORDS = 3  # "Increased tensions": a heading or fragment, not a checkable claim
_FRAGMENT_PENALTY = 4.0
# Bylines, credits and captions: at the start of the text ...
_BOILERPLATE_START_RE = re.compile(
    r"\s*(?:(?:additional |further )?(?:reporting|writing|editing|research|photos?|images?|video|graphics?)"
    r"(?: and \w+)? by\b"
    r"|(?:photo|image|video|caption|source|credit|file photo|read more|related|watch|listen)s?\s*:"
    r"|copyright|\(c\)|©)",
    re.IGNORECASE,
)
# ... or anywhere in it (each pattern is only tried when its cheap marker substring is present).
_BOILERPLATE_ANY = (
    ("contributed", re.compile(r"\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b")),
    ("reserved", re.compile(r"\ball rights reserved\b")),
    ("click here", re.compile(r"\bclick here\b")),
    ("sign up", re.compile(r"\bsign up (?:for|to) (?:our|the)\b")),
    ("subscribe", re.compile(r"\bsubscribe (?:for|to) (?:our|the)\b")),
)
_BOILERPLATE_PENALTY = 6.0


def structural_offset(text: str) -> float:
    """Fixed logit offset (<= 0) for headings/fragments and bylines/credits/captions."""
    off = 0.0
    head = text[:_MAX_CHARS]
    chunks = head.split(None, _FRAGMENT_MAX_WORDS + 2)  # at most 5 chunks: cheap on long text
    if sum(1 for w in chunks if any(map(str.isalnum, w))) <= _FRAGMENT_MAX_WORDS:
        off -= _FRAGMENT_PENALTY
    low = head.lower()
    if _BOILERPLATE_START_RE.match(low) or any(m in low and rx.search(low) for m, rx in _BOILERPLATE_ANY):
        off -= _BOILERPLATE_PENALTY
    return off


def _norm(text: str) -> str:
    """Curly quotes and dashes made plain, whitespace runs one space, no space at either end."""
    if not text.isascii():  # the table maps non-ASCII characters only
        text = text.translate(_QUOTES)
    return " ".join(text.split())  # str.split and re's \s agree on what whitespace is


def _length_bucket(n: int) -> str:
    if n < 4:
        return "len<4"
    if n < 8:
        return "len<8"
    if n < 15:
        return "len<15"
    if n < 30:
        return "len<30"
    return "len30+"


# Word classes whose presence is a feature: (words, feature name).
_WORD_CLASS_FEATURES = (
    (_FIRST_PERSON, "i"),
    (_WE, "we"),
    (_YOU, "you"),
    (_OPINION, "opinion"),
    (_FUTURE, "future"),
    (_NEGATION, "neg"),
)


# News shapes (features named "n:..."): what separates reported facts from quotes, plans and opinions in
# articles, learned from the in-domain labels (bench/data/checkworthiness/news.jsonl).
_MODAL = frozenset("will would could may might should shall won't wouldn't couldn't 'll".split())
_FUTURE_RE = re.compile(
    r"\b(?:expected to|set to|due to|likely to|plans? to|planning to|hopes? to|aims? to|going to|is to|are to|"
    r"will be|would be|intends? to|scheduled|forecast|predict\w*)\b"
)
_SCHEDULE_RE = re.compile(
    r"\b(?:next (?:week|month|year|season|weekend|summer|spring|autumn|winter)|later this|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow|this weekend|upcoming)\b"
)
# A substring each match of _FUTURE_RE holds.
_FUTURE_MARKS = (" to", " be", "scheduled", "forecast", "predict")
# A substring each match of _SCHEDULE_RE holds (its day names end in "day"): cheaper to test first.
_SCHEDULE_MARKS = ("next ", "later this", "day", "tomorrow", "weekend", "upcoming")
_SAID_QUOTE_RE = re.compile(r'\b(?:said|says|added|told \w+|explained|insisted|admitted):\s*"')
_PAST_IRREGULAR = frozenset(
    """was were had did won beat lost rose fell sold bought made took gave said told saw met began left held paid
    kept brought built became came went shut hit led drew grew cut put set sent spent found showed shown struck
    signed agreed elected banned fined charged ruled suspended launched announced reported recorded reached scored
    finished topped overtook slumped jumped climbed dropped doubled tripled halved increased decreased died killed
    arrested jailed convicted sentenced approved rejected awarded named appointed resigned quit sacked fired""".split()
)
_RESULT_VERBS = frozenset(
    """won beat lost rose fell sold bought agreed signed suspended banned fined charged ruled elected launched
    scored finished topped doubled tripled halved jumped slumped climbed dropped increased decreased grew awarded
    named appointed resigned convicted jailed sentenced approved rejected acquired completed reported posted
    recorded reached""".split()
)
_STUDY = frozenset("survey study report research poll figures data statistics found showed shows census index analysis".split())
_SUPERLATIVE = frozenset("first last record top biggest largest highest lowest fastest best worst most least only youngest oldest".split())
_EVALUATIVE = frozenset(
    """great fantastic brilliant wonderful disappointed disappointing happy delighted proud amazing terrible awful
    excited exciting pleased sad shame important clear obviously really very love hate good bad best deserve
    deserved confident believe think feel hope wish sure""".split()
)
_MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())
_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_STARTERS = frozenset("but and however so meanwhile yet still also".split())
_FIRST_PERSON_ANY = frozenset("i we my our me us".split())


def _graded(feats: list[str], name: str, count: int) -> None:
    """``name`` for one or more, and ``name2`` as well for two or more ("n:past", "n:past2")."""
    if count:
        feats.append(name)
        if count >= 2:
            feats.append(f"{name}2")


def _news_features(text: str, low: str, low_tokens: list[str], toks: set[str], has_digit: bool) -> list[str]:
    feats = []
    if text[:1] in "\"'":
        feats.append("n:qstart")
    if text[-1:] in "\"'":
        feats.append("n:qend")
    nq = text.count('"')
    if nq % 2:
        feats.append("n:qodd")
    if nq:
        inside = sum(map(len, text.split('"')[1::2]))
        feats.append("n:qfrac>50" if inside > 0.5 * max(1, len(text)) else "n:qfrac<50")
    if nq and _SAID_QUOTE_RE.search(text):
        feats.append("n:saidq")
    future = False
    if not toks.isdisjoint(_MODAL):
        feats.append("n:modal")
        future = True
    if any(map(low.__contains__, _FUTURE_MARKS)) and _FUTURE_RE.search(low):
        feats.append("n:futphr")
        future = True
    if any(map(low.__contains__, _SCHEDULE_MARKS)) and _SCHEDULE_RE.search(low):
        feats.append("n:sched")
        future = True
    past = sum(1 for t in low_tokens if len(t) > 4 and t.endswith("ed")) + len(toks & _PAST_IRREGULAR)
    _graded(feats, "n:past", past)
    feats.extend(name for name, words in (("n:result", _RESULT_VERBS), ("n:study", _STUDY))
                 if not toks.isdisjoint(words))
    if not toks.isdisjoint(_SUPERLATIVE) or any(len(t) > 5 and t.endswith("est") for t in toks):
        feats.append("n:super")
    _graded(feats, "n:eval", len(toks & _EVALUATIVE))
    feats.extend(name for name, words in (("n:month", _MONTH_NAMES), ("n:day", _DAY_NAMES))
                 if not toks.isdisjoint(words))
    if low_tokens and low_tokens[0] in _STARTERS:
        feats.append("n:starter")
    quoted = "n:qstart" in feats or "n:qend" in feats or "n:qodd" in feats
    if has_digit:
        feats.append("n:digit&fut" if future else "n:digit&plain" if not quoted else "n:digit&q")
        if future and quoted:
            feats.append("n:digit&q")
    if past and not future and not quoted:
        feats.append("n:past&plain")
    if quoted and not toks.isdisjoint(_FIRST_PERSON_ANY):
        feats.append("n:q&firstp")
    return feats


def _hand_features(text: str, raw_tokens: list[str], low_tokens: list[str]) -> list[str]:
    feats = ["bias_h", _length_bucket(len(low_tokens))]
    toks = set(low_tokens)
    # In ASCII text every digit is inside a number token; elsewhere a token may start with a digit that is not
    # decimal ("²"), which counts too.
    has_digit = (_DIGIT_RE.search(text) is not None if text.isascii()
                 else any(t[:1].isdigit() for t in raw_tokens))
    numword = not toks.isdisjoint(_NUMBER_WORDS)
    attrib = not toks.isdisjoint(_ATTRIBUTION)
    if has_digit:
        feats.append("digit")
    if numword:
        feats.append("numword")
    if has_digit or numword:
        feats.append("anynum")
    # Each regex below is tried only when a substring every match holds is there (exact for ASCII text; other
    # text always tries it, for the case-folding of re.IGNORECASE). A currency sign is a token of _MONEY_WORDS.
    low = text.lower()
    ascii_text = text.isascii()
    if ("%" in text or "percent" in low or "per cent" in low or not ascii_text) and _PERCENT_RE.search(text):
        feats.append("percent")
    if not toks.isdisjoint(_MONEY_WORDS) or (has_digit and ("illion" in low or not ascii_text)
                                              and _MONEY_RE.search(text)):
        feats.append("money")
    if has_digit and ("19" in text or "20" in text or "18" in text) and _YEAR_RE.search(text):
        feats.append("year")
    n_cmp = len(toks & _COMPARATIVES)
    if n_cmp:
        feats.append("cmp")
        if n_cmp > 1:
            feats.append("cmp2")
    if "than" in toks:
        feats.append("than")
    if attrib:
        feats.append("attrib")
    if "according" in toks:
        feats.append("according")
    feats.extend(name for words, name in _WORD_CLASS_FEATURES if not toks.isdisjoint(words))
    if "?" in text:
        feats.append("question")
    if "!" in text:
        feats.append("exclaim")
    if '"' in text:
        feats.append("quote")
    # Capitalised tokens after the first one: names of people, places, organisations.
    caps = sum(1 for t in raw_tokens[1:] if t[:1].isupper() and t[1:2].islower() and t.lower() not in _FIRST_PERSON)
    if caps:
        feats.append("caps1")
        if caps >= 3:
            feats.append("caps3")
    acr = sum(1 for t in raw_tokens if len(t) >= 2 and t.isupper() and t.isalpha())
    if acr:
        feats.append("acronym")
    if has_digit and n_cmp:
        feats.append("num&cmp")
    if (has_digit or numword) and caps:
        feats.append("num&caps")
    if (has_digit or numword) and attrib:
        feats.append("num&attrib")
    if text:
        feats.extend(_news_features(text, low, low_tokens, toks, has_digit))
    return feats


def _chunk_grams(chunk: str) -> list[str]:
    """Character 3- and 4-grams of one whitespace-separated chunk of the text, padded with a space each side."""
    p = " " + chunk + " "
    return [p[i : i + k] for k in _CHAR_NGRAMS for i in range(len(p) - k + 1)]


def _prepare(text: Any) -> tuple[list[str], list[str], list[str]]:
    """(word n-grams, text chunks, hand features) of one sentence: what both featurize and the scorer need."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = _norm(text[:_MAX_CHARS])
    raw_tokens = _TOKEN_RE.findall(text)
    # Digits are only in number tokens (which start with one and hold no letters); other tokens hold none.
    low_tokens = [_DIGIT_RE.sub("0", t) if t[:1].isdecimal() else t.lower() for t in raw_tokens]
    seq = ["<s>", *low_tokens, "</s>"]
    words = low_tokens + list(map(" ".join, zip(seq, seq[1:])))
    chunks = _DIGIT_RE.sub("0", text.lower()).split()
    return words, chunks, _hand_features(text, raw_tokens, low_tokens)


def featurize(text: Any) -> tuple[list[str], list[str], list[str]]:
    """Feature strings of one sentence, by group: (word n-grams, char n-grams, hand features).

    Word and char n-grams are returned with repeats (a repeated n-gram counts
    twice); each of these two groups is scaled by 1/sqrt(len(group)) in the
    linear score (see :func:`_linear`).  Char n-grams are those of each
    whitespace-separated chunk of the lower-cased, digit-normalised text, padded
    with a space each side (so none spans two chunks: the word bigrams carry
    that), which lets the scorer cache each chunk's weights.  Hand features are binary.
    """
    words, chunks, hand = _prepare(text)
    chars = [g for chunk in chunks for g in _chunk_grams(chunk)]
    return words, chars, hand


# ----------------------------------------------------------------------------- model

_MODEL: dict | None = None
_LOCK = threading.Lock()


def load_model(path: str | Path | None = None) -> dict:
    """Load (once, cached) and return the model: {"bias": float, "w": {...}, "c": {...}, "h": {...}}."""
    global _MODEL
    if path is not None:
        return _read_model(Path(path))
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = _read_model(MODEL_PATH)
    return _MODEL


def _read_model(path: Path) -> dict:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    model = _read_linear(raw)
    model["meta"] = raw.get("meta", {})
    for part in ("register", "debate"):
        if part in raw:
            model[part] = _read_linear(raw[part])
            if "shift" in raw[part]:
                model[part]["shift"] = float(raw[part]["shift"])
    # The linear models over char n-grams (the main one, and the debate one if any), and each text chunk's
    # (n-gram count, weight sum per such model), filled as chunks are met.
    model["_experts"] = [model] + ([model["debate"]] if "debate" in model else [])
    model["_student"] = load_student() if path == MODEL_PATH else None
    model["_chunks"] = {}
    # The word and hand weights of every model (main, register, debate: those the file has) in one table per
    # group, feature -> one weight per model, so that a sentence's features are looked up once, not per model.
    parts = [model] + [model[part] for part in ("register", "debate") if part in model]
    model["_biases"] = [part["bias"] for part in parts]
    for group in ("w", "h"):
        names = list(dict.fromkeys(chain.from_iterable(part[group] for part in parts)))
        weights = (map(part[group].get, names, repeat(0.0)) for part in parts)  # built in C: about 0.1 s
        model["_" + group] = dict(zip(names, zip(*weights)))
    return model


def _read_linear(raw: dict) -> dict:
    """One linear model of the file: its bias and a weight table per feature group (a missing group weighs 0)."""
    out: dict[str, Any] = {"bias": float(raw["bias"])}
    for group in ("w", "c", "h"):
        out[group] = {k: float(v) for k, v in raw["weights"].get(group, {}).items()}
    return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _linear(part: dict, words: list[str], chars: list[str], hand: list[str]) -> float:
    """The logit of one linear model over a sentence's features (n-gram groups scaled by 1/sqrt(count))."""
    z = part["bias"]
    if words and part["w"]:
        z += sum(map(part["w"].get, words, repeat(0.0))) / math.sqrt(len(words))
    if chars and part["c"]:
        z += sum(map(part["c"].get, chars, repeat(0.0))) / math.sqrt(len(chars))
    return z + sum(map(part["h"].get, hand, repeat(0.0)))


# A text chunk's entry in a model's cache; past this many chunks the cache stops growing (about 40 MB).
_CHUNK_CACHE_MAX = 200_000


def _chunk_entry(experts: list[dict], chunk: str) -> tuple[float, ...]:
    grams = _chunk_grams(chunk)
    return (float(len(grams)), *(sum(map(e["c"].get, grams, repeat(0.0))) for e in experts))


def _char_terms(model: dict, chunks: list[str]) -> list[float]:
    """Each char-n-gram model's term (weight sum / sqrt(n-gram count)), one cache look-up per chunk.

    The same sum as :func:`_linear` over ``featurize``'s char n-grams, without building them again.
    """
    experts, cache = model["_experts"], model["_chunks"]
    entries = list(map(cache.get, chunks))
    if None in entries:
        for i, (chunk, entry) in enumerate(zip(chunks, entries)):
            if entry is None:
                entries[i] = entry = _chunk_entry(experts, chunk)
                if len(cache) < _CHUNK_CACHE_MAX:
                    cache[chunk] = entry
    if not entries:
        return [0.0] * len(experts)
    count, *sums = map(sum, zip(*entries))
    scale = 1.0 / math.sqrt(count)
    return [s * scale for s in sums]


def _word_and_hand_terms(model: dict, words: list[str], hand: list[str]) -> list[float]:
    """Each model's logit over the word n-grams and hand features alone (what :func:`_linear` gives without char
    n-grams), main model first, from the merged tables: one look-up per feature."""
    found_w = list(filter(None, map(model["_w"].get, words)))
    found_h = list(filter(None, map(model["_h"].get, hand)))
    zs = list(model["_biases"])
    if found_w:
        scale = 1.0 / math.sqrt(len(words))
        zs = [z + s * scale for z, s in zip(zs, map(sum, zip(*found_w)))]
    if found_h:
        zs = [z + s for z, s in zip(zs, map(sum, zip(*found_h)))]
    return zs


def _logit(model: dict, text: Any) -> float:
    """The sentence's logit minus its threshold (0 = on the threshold), before the structural offsets.

    Without a register model this is the main model's logit.  With one, ``r`` = P(speech) mixes the main model
    (its bias shifted to the threshold chosen on news) and the debate model (shifted to the one chosen on
    debates): ``(1 - r) * main + r * debate``; a file without a debate model mixes the main model with itself
    shifted by the register block's ``shift``.
    """
    words, chunks, hand = _prepare(text)
    char_terms = _char_terms(model, chunks)
    zs = _word_and_hand_terms(model, words, hand)
    z = zs[0] + char_terms[0]
    register = model.get("register")
    if register is None:
        return z
    r = _sigmoid(zs[1])
    if "debate" not in model:
        return z + register.get("shift", 0.0) * r
    student = model["_student"] if r >= STUDENT_MIN_SPEECH else None
    debate = student.logit(text if isinstance(text, str) else str(text)) if student else zs[2] + char_terms[1]
    return (1.0 - r) * z + r * debate


def _score_one(text: Any, model: dict) -> float:
    try:
        z = _logit(model, text)
        if model.get("priors", True):
            z += structural_offset(text if isinstance(text, str) else str(text))
        if z != z:  # NaN guard
            return 0.0
        return min(1.0, max(0.0, _sigmoid(z)))
    except Exception:  # never raise on odd input
        return 0.0


def clear_caches() -> None:
    """Empty what the scorer keeps of the texts it has read (each chunk's weights, the student's word pieces)."""
    model = load_model()
    model["_chunks"].clear()
    if model.get("_student") is not None:
        model["_student"].clear_cache()


def score_checkworthiness(sentences: Sequence[str] | Iterable[str]) -> list[float]:
    """Return one check-worthiness score in [0, 1] per sentence (>= 0.5: check-worthy)."""
    if sentences is None:
        return []
    if isinstance(sentences, str):
        sentences = [sentences]
    model = load_model()
    return [_score_one(s, model) for s in sentences]
