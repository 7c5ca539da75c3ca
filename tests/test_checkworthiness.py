"""Tests of claims.checkworthiness (the check-worthiness scorer)."""

from __future__ import annotations

import csv
import gzip
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.checkworthiness import MODEL_PATH, STUDENT_MIN_SPEECH, featurize, load_model, score_checkworthiness

REPO = Path(__file__).resolve().parents[1]
SEED_ARTICLE = REPO / "seeds" / "nato-russia-2021-10.txt"

# Sentences of the seed article (seeds/nato-russia-2021-10.txt), as a sentence splitter yields them.
SEED_STAT_SOURCE = (
    "Both provinces make up 20 percent of Georgia’s land area and are still occupied by Russia, according to DOD."
)
SEED_BYLINE = "CNN’s Katharina Krebs and Stephanie Halasz contributed to the report."
SEED_HEADING = "Increased tensions"
SEED_EXPULSIONS = "Russia expelled 60 American diplomats and closed the US Consulate in St. Petersburg in retaliation."
SEED_SKRIPAL = (
    "In 2018, following the poisoning of former Russian double agent Sergei Skripal and his daughter Julia in "
    "Salisbury, England, NATO cut the Russian mission to 20 out of 30 positions."
)
SEED_DAYS_LATER = (
    "Days later, 20 nations, including the US , backed Britain by jointly expelling more than 100 Russian "
    "diplomats as part of a coordinated global response."
)
SEED_VISIT = "Austin will also visit Ukraine and Romania ahead of a visit to NATO headquarters in Brussels."

CHECK_WORTHY = {
    "seed-stat-with-source": SEED_STAT_SOURCE,
    "seed-expelled-60-diplomats": SEED_EXPULSIONS,
    "seed-skripal-20-of-30": SEED_SKRIPAL,
    "seed-100-diplomats": SEED_DAYS_LATER,
    "unemployment-rate": "Unemployment fell to 3.5 percent last year, the lowest rate in 50 years.",
    "revenue-with-filing": "The company's revenue rose 12% to $4.2 billion in the third quarter, according to a filing.",
    "deaths-per-ministry": "More than 4,000 people have died since March, according to the health ministry.",
    "budget-deficit": "The federal deficit tripled to $3.1 trillion in 2020, the Congressional Budget Office said.",
    "debate-style-claim": "We've got the highest inflation we've had in twenty-five years right now.",
    "crime-statistic": "Violent crime in the city increased by 30 percent between 2015 and 2019, police data show.",
}

NOT_CHECK_WORTHY = {
    "seed-byline": SEED_BYLINE,
    "seed-heading": SEED_HEADING,
    "byline-reporting-by": "Reporting by John Smith; Editing by Jane Doe",
    "photo-credit": "Photo: Getty Images",
    "opinion-i-think": "I think this is a great day for everyone.",
    "thanks": "Thank you very much.",
    "question": "What do you think about that?",
    "hope": "We hope that the talks will go well.",
    "single-word": "Meanwhile",
    "greeting": "Good evening, and welcome to the debate.",
}

# (higher, lower) pairs: the first must outrank the second.
ORDERINGS = {
    "stat-source>byline": (SEED_STAT_SOURCE, SEED_BYLINE),
    "stat-source>heading": (SEED_STAT_SOURCE, SEED_HEADING),
    "expulsions>byline": (SEED_EXPULSIONS, SEED_BYLINE),
    "skripal>heading": (SEED_SKRIPAL, SEED_HEADING),
    "stat-source>visit-plan": (SEED_STAT_SOURCE, SEED_VISIT),
    "100-diplomats>visit-plan": (SEED_DAYS_LATER, SEED_VISIT),
}


@pytest.mark.parametrize("text", list(CHECK_WORTHY.values()), ids=list(CHECK_WORTHY))
def test_check_worthy_sentences_score_at_least_half(text):
    (score,) = score_checkworthiness([text])
    assert score >= 0.5, f"{score:.3f} < 0.5 for {text!r}"


@pytest.mark.parametrize("text", list(NOT_CHECK_WORTHY.values()), ids=list(NOT_CHECK_WORTHY))
def test_scene_setting_bylines_opinions_score_below_half(text):
    (score,) = score_checkworthiness([text])
    assert score < 0.5, f"{score:.3f} >= 0.5 for {text!r}"


@pytest.mark.parametrize("pair", list(ORDERINGS.values()), ids=list(ORDERINGS))
def test_ordering_on_seed_sentences(pair):
    high, low = score_checkworthiness(list(pair))
    assert high > low


@pytest.mark.parametrize(
    "text",
    [SEED_STAT_SOURCE, SEED_BYLINE, SEED_EXPULSIONS, SEED_SKRIPAL, SEED_DAYS_LATER, SEED_VISIT],
    ids=["stat-source", "byline", "expulsions", "skripal", "days-later", "visit"],
)
def test_seed_sentences_are_from_the_seed_article(text):
    if not SEED_ARTICLE.exists():
        pytest.skip("seed article absent")
    assert text in SEED_ARTICLE.read_text(encoding="utf-8")


def test_empty_list_gives_empty_list():
    assert score_checkworthiness([]) == []


def test_one_score_per_sentence_in_order():
    texts = [SEED_BYLINE, SEED_STAT_SOURCE, SEED_HEADING]
    scores = score_checkworthiness(texts)
    assert len(scores) == 3
    assert scores == [score_checkworthiness([t])[0] for t in texts]
    assert scores[1] == max(scores)


def test_accepts_any_iterable():
    assert score_checkworthiness(iter([SEED_STAT_SOURCE])) == score_checkworthiness((SEED_STAT_SOURCE,))


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\t", "." * 10, "0" * 5000, "x" * 1_000_000, "😀" * 300, "\ud800 lone surrogate", "\x00\x01",
     "Ünïcödé ﬁ ß İ ǅ", "١٢٣ percent", "Ⅻ ½ ² million"],
    ids=["empty", "space", "whitespace", "dots", "digits", "huge", "emoji", "surrogate", "control", "unicode",
         "arabic-digits", "odd-numerals"],
)
def test_odd_inputs_score_in_unit_interval(text):
    (score,) = score_checkworthiness([text])
    assert 0.0 <= score <= 1.0


def test_non_string_items_do_not_raise():
    scores = score_checkworthiness([None, 42, b"bytes"])  # type: ignore[list-item]
    assert len(scores) == 3 and all(0.0 <= s <= 1.0 for s in scores)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=400), max_size=5))
def test_never_raises_on_arbitrary_text(texts):
    scores = score_checkworthiness(texts)
    assert len(scores) == len(texts)
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_featurize_never_raises(text):
    words, chars, hand = featurize(text)
    assert isinstance(words, list) and isinstance(chars, list) and hand


def test_model_file_loads_and_is_small():
    assert MODEL_PATH.exists()
    assert MODEL_PATH.stat().st_size < 2_000_000
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as fh:
        raw = json.load(fh)
    assert set(raw["weights"]) == {"w", "c", "h"}
    assert not raw["register"]["weights"].get("c")  # the register reads words and hand features only
    assert set(raw["debate"]["weights"]) == {"w", "c", "h"} and len(raw["debate"]["weights"]["c"]) > 1000
    model = load_model()
    assert model is load_model()  # cached
    assert isinstance(model["bias"], float) and len(model["w"]) > 1000 and len(model["c"]) > 1000


# Register: how much a sentence reads like transcribed speech (a debate) rather than news prose.  Its probability
# moves the sentence's threshold towards the one chosen on debates.
SPEECH = {
    "debate-first-person-record": "I voted against that bill three times, and I'm proud of it.",
    "debate-addressing-opponent": "You know, my opponent talks about jobs, but he never created a single one.",
    "debate-folks": "Folks, we're going to bring those jobs back, believe me.",
    "debate-we-have-done": "We have cut taxes for 95 percent of working families in this country.",
}
PROSE = {
    "news-company-results": "Shares in the firm fell 4% after it reported a 20% drop in first-quarter profits.",
    "news-attributed": "The Office for National Statistics said inflation rose to 2.1% in March.",
    "news-sport-result": "Arsenal beat Chelsea 2-1 at Highbury on Saturday to go top of the league.",
    "news-appointment": "The board named Jane Smith, a former Treasury official, as its new chairman.",
}


def _register(text: str) -> float:
    from claims.checkworthiness import _linear, _sigmoid

    return _sigmoid(_linear(load_model()["register"], *featurize(text)))


@pytest.mark.parametrize("text", list(SPEECH.values()), ids=list(SPEECH))
def test_register_reads_transcribed_speech_as_speech(text):
    assert _register(text) > 0.5


@pytest.mark.parametrize("text", list(PROSE.values()), ids=list(PROSE))
def test_register_reads_news_prose_as_prose(text):
    assert _register(text) < 0.5


def _model_file(tmp_path, raw: dict) -> dict:
    from claims.checkworthiness import _read_model

    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": "claimtrack-checkworthiness/1", "meta": {}, **raw}), encoding="utf-8")
    model = _read_model(path)
    model["priors"] = False
    return model


def test_register_mixes_the_main_and_the_debate_model(tmp_path):
    """A sentence's logit is (1 - r) * main + r * debate, r being the register's P(speech)."""
    from claims.checkworthiness import _score_one

    model = _model_file(tmp_path, {
        "bias": -1.0, "weights": {"w": {"cut": 1.0}, "c": {}, "h": {}},
        "register": {"bias": -6.0, "weights": {"w": {"we": 30.0}, "h": {}}},
        "debate": {"bias": 3.0, "weights": {"w": {}, "c": {}, "h": {}}},
    })
    # "we" makes the register sure it is speech: the debate model (bias 3) decides; without "we" the main one (-1 + ...).
    assert _score_one("we cut it", model) > 0.9 > 1 / (1 + math.exp(-(-1.0 + 1 / math.sqrt(7))))  # main alone: 0.35
    assert _score_one("they cut it", model) < 0.5


def test_a_file_without_a_debate_model_shifts_the_threshold_by_the_register(tmp_path):
    from claims.checkworthiness import _score_one

    def model(shift: float) -> dict:
        return _model_file(tmp_path, {"bias": -1.0, "weights": {"w": {"we": 1.0}, "c": {}, "h": {}},
                                      "register": {"bias": -6.0, "shift": shift, "weights": {"w": {"we": 30.0}, "h": {}}}})

    plain, shifted = model(0.0), model(2.0)
    assert _score_one("we cut it", plain) < 0.5 < _score_one("we cut it", shifted)
    assert abs(_score_one("they cut it", plain) - _score_one("they cut it", shifted)) < 0.01


# The scorer sums each text chunk's cached char n-gram weights instead of building the n-grams again: the same
# logit as the linear model over featurize()'s features, whatever the chunks repeat or the cache holds.
SAME_AS_FEATURIZE = {
    "seed-stat": SEED_STAT_SOURCE,
    "repeated-chunks": "the the the 20 20 percent percent, the",
    "punctuation-chunks": '"No," he said. "Never!" -- (really?) 3.5% £48m',
    "one-letter": "a",
    "empty": "",
    "whitespace-runs": "  Shares\tfell \n\n 4%  ",
    "non-string": 12345,
    "speech": "Folks, I think we cut taxes for 95 percent of working families, and we did it.",
}


# Which debate model a sentence gets: the student where the register says speech, the linear one in news prose.
DEBATE_TERM = {
    "debate-sentence": ("Folks, I think we cut taxes for 95 percent of working families, and we did it.", True),
    "news-sentence": ("Shares in the firm fell 4% to 230p in early trading on Tuesday.", False),
}


@pytest.mark.parametrize("text, student", list(DEBATE_TERM.values()), ids=list(DEBATE_TERM))
def test_the_debate_student_scores_speech(text, student):
    from claims.checkworthiness import _linear, _read_model, _sigmoid

    model = _read_model(MODEL_PATH)
    words, _, hand = featurize(text)
    assert (_sigmoid(_linear(model["register"], words, [], hand)) >= STUDENT_MIN_SPEECH) is student


@pytest.mark.parametrize("text", list(SAME_AS_FEATURIZE.values()), ids=list(SAME_AS_FEATURIZE))
def test_cached_char_sums_give_the_featurize_logit(text):
    from claims.checkworthiness import _linear, _logit, _read_model, _sigmoid

    model = _read_model(MODEL_PATH)
    words, chars, hand = featurize(text)
    r = _sigmoid(_linear(model["register"], words, [], hand))
    if r >= STUDENT_MIN_SPEECH and model["_student"] is not None:  # speech: a debate student, when built, decides
        debate = model["_student"].logits([str(text)])[0]
    else:
        debate = _linear(model["debate"], words, chars, hand)
    expected = (1 - r) * _linear(model, words, chars, hand) + r * debate
    assert _logit(model, text) == pytest.approx(expected, abs=1e-9)
    assert _logit(model, text) == pytest.approx(expected, abs=1e-9)  # again, from the cache


# The hand features whose regex the featuriser tries only when a cheap marker is in the text: (text, feature,
# whether the text has it). Each marker must be a necessary condition of its regex, on ASCII text and not.
GATED_FEATURES = {
    "percent-sign": ("Unemployment fell to 4% in March.", "percent", True),
    "per-cent-in-capitals": ("Prices rose 4 PER CENT last year.", "percent", True),
    "percentage": ("The percentage of voters fell.", "percent", True),
    "per-inside-other-words-is-no-percent": ("The paper says the performance was super.", "percent", False),
    "million-in-capitals": ("Sales reached 5 MILLION units.", "money", True),
    "million-after-a-figure-glued": ("It cost 5million to build.", "money", True),
    "million-without-a-figure": ("A million reasons to smile.", "money", False),
    "currency-sign": ("Tickets are $40 each.", "money", True),
    "year-of-the-1990s": ("The 1990s boom ended.", "year", True),
    "year-after-a-comma": ("It was 1,2004 in all.", "year", True),
    "figure-but-no-year": ("He scored 317 points.", "year", False),
    "non-ascii-year": ("In 2004 the café opened.", "year", True),
    "superscript-digit-counts-as-a-digit": ("Area: 40 km² in all.", "digit", True),
    "plan-to": ("The firm plans to cut 300 jobs.", "n:futphr", True),
    "sentence-opening-is-to": ("Is to be decided later.", "n:futphr", True),
    "predicted": ("Analysts predicted a fall.", "n:futphr", True),
    "to-without-a-future-phrase": ("He went to Paris.", "n:futphr", False),
    "next-week": ("The vote is due next week.", "n:sched", True),
    "on-a-day-with-a-possessive": ("On Monday's show he sang.", "n:sched", True),
    "later-this": ("A decision comes later this month.", "n:sched", True),
    "a-day-word-that-is-no-schedule": ("Today the holiday ended.", "n:sched", False),
    "curly-quote-said": ("He said: \u201cWe won.\u201d", "n:saidq", True),
}


@pytest.mark.parametrize("text, feature, present", list(GATED_FEATURES.values()), ids=list(GATED_FEATURES))
def test_gated_hand_features(text, feature, present):
    assert (feature in featurize(text)[2]) is present


def test_the_chunk_cache_stops_growing_at_its_bound(monkeypatch):
    import claims.checkworthiness as cw

    model = cw._read_model(MODEL_PATH)
    monkeypatch.setattr(cw, "_CHUNK_CACHE_MAX", 3)
    first = cw._logit(model, "alpha beta gamma delta epsilon")
    assert len(model["_chunks"]) == 3
    assert cw._logit(model, "alpha beta gamma delta epsilon") == pytest.approx(first, abs=1e-12)


def _eval_root() -> Path:
    env = os.environ.get("CLAIMTRACK_EVAL")
    return Path(env) if env else REPO.parent / "shared" / "eval"


def _f1(scores, labels):
    tp = sum(1 for s, y in zip(scores, labels) if s >= 0.5 and y)
    fp = sum(1 for s, y in zip(scores, labels) if s >= 0.5 and not y)
    fn = sum(1 for s, y in zip(scores, labels) if s < 0.5 and y)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _read_labelled(path: Path, text_col: str, label_col: str, yes: str, quoting=csv.QUOTE_MINIMAL):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=quoting))
    return [r[text_col] for r in rows], [r[label_col].strip() == yes for r in rows]


# Labelled debate sentences and the F1 floor of the committed model on them.  `ct24-dev` is part of the
# training data (train+dev pooled), so it only guards the export; `claimbuster-2020-debate` is a newer
# debate the model was never trained on (0.887 for today's model, taught by fine-tuned MiniLM teachers; 0.821 for
# the model taught by frozen embeddings, 0.898 for the debates-only model).
LABELLED_SETS = {
    "ct24-dev-in-sample": ("checkthat-ct24-en/CT24_checkworthy_english_dev.tsv", "Text", "class_label", "Yes",
                           csv.QUOTE_NONE, 1032, 0.85),
    "claimbuster-2020-debate-held-out": ("claimbuster/2020_debate_100.tsv", "text", "label", "1",
                                         csv.QUOTE_MINIMAL, 100, 0.88),
}


@pytest.mark.parametrize("spec", list(LABELLED_SETS.values()), ids=list(LABELLED_SETS))
def test_f1_on_labelled_debate_sentences(spec):
    rel, text_col, label_col, yes, quoting, n, floor = spec
    path = _eval_root() / "raw" / rel
    if not path.exists():
        pytest.skip(f"labelled set absent ({path})")
    texts, labels = _read_labelled(path, text_col, label_col, yes, quoting)
    assert len(texts) == n
    f1 = _f1(score_checkworthiness(texts), labels)
    assert f1 >= floor, f"F1 {f1:.4f} < {floor} on {rel}"


def test_model_meta_records_the_held_out_protocol():
    meta = load_model()["meta"]
    assert "GroupKFold by article" in meta["cv_protocol"]
    assert 0.0 < meta["threshold"] < 1.0
    assert 0.0 < meta["cv_f1_honest_threshold"] <= meta["cv_f1"] + 0.02
    assert meta["cv_f1"] >= 0.80 and meta["cv_f1_honest_threshold"] >= 0.80  # issue 12's news target
    assert "CT24 by whole debates" in meta["cv_protocol"] and 0.0 < meta["threshold_debate"] < 1.0


NEWS = REPO / "bench" / "data" / "checkworthiness" / "news.jsonl"
OOF = REPO / "bench" / "data" / "checkworthiness" / "oof.jsonl"


def _news_rows():
    return [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_news_labels_are_well_formed_and_from_eligible_articles():
    rows = _news_rows()
    assert len(rows) >= 800
    assert {r["label"] for r in rows} == {0, 1}
    assert {r["round"] for r in rows} == {1, 2, 3}
    assert len({(r["article"], r["sentence"]) for r in rows}) == len(rows)
    for r in rows:
        cat, num = r["article"].split("/")
        assert cat in ("tech", "sport", "entertainment") or (cat == "politics" and int(num) >= 390) or (
            cat == "business" and int(num) >= 400), r["article"]
        assert "text" not in r, "the labels keep offsets and a hash, never the BBC's text"
        assert 0 <= r["start"] < r["end"] and len(r["sha1"]) == 10


def test_news_labels_are_the_sentences_the_sampler_draws():
    sampler = _load_tool("sample_news")
    try:
        drawn = sampler.sample()
        labelled = sampler.read_labels()
    except OSError as exc:
        pytest.skip(f"BBC data absent ({exc})")
    assert [(d["id"], d["sent"], d["start"], d["end"], d["text"], d["round"]) for d in drawn] == [
        (r["article"], r["sentence"], r["start"], r["end"], r["text"], r["round"]) for r in labelled]


def test_out_of_fold_scores_cover_the_labels_and_keep_articles_in_one_fold():
    rows = _news_rows()
    oof = [json.loads(line) for line in OOF.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [(o["article"], o["sentence"]) for o in oof] == [(r["article"], r["sentence"]) for r in rows]
    folds: dict[str, set[int]] = {}
    for o in oof:
        folds.setdefault(o["article"], set()).add(o["fold"])
    assert all(len(f) == 1 for f in folds.values())
    # the figure the model's meta records is the one the file gives
    f1 = _f1([o["score"] for o in oof], [r["label"] for r in rows])
    assert abs(f1 - load_model()["meta"]["cv_f1"]) < 0.01


def test_news_folds_group_by_article():
    groups = ["a", "a", "b", "c", "c", "c", "d", "e", "f", "f"]
    fold = _train_module().news_folds(groups, k=3)
    assert len(set(fold)) == 3
    for g in set(groups):
        assert len({f for f, h in zip(fold, groups) if h == g}) == 1


def _load_tool(name):
    import importlib.util
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _train_module():
    return _load_tool("train_worthiness")


# Sentence_ids -> expected fold per row (k=2): folds are runs of consecutive ids, whatever the input order.
FOLD_CASES = {
    "sorted": ([1, 2, 3, 4], [0, 0, 1, 1]),
    "shuffled": ([4, 1, 3, 2], [1, 0, 1, 0]),
    "gapped": ([100, 5, 7000, 6], [1, 0, 1, 0]),
}


@pytest.mark.parametrize("case", list(FOLD_CASES.values()), ids=list(FOLD_CASES))
def test_cross_validation_folds_are_contiguous_id_runs(case):
    ids, expected = case
    assert _train_module().contiguous_folds(ids, k=2) == expected


def test_training_data_shares_no_sentence_with_dev_test():
    tw = _train_module()
    try:
        dt_ids, dt_keys = tw.read_devtest_keys()  # ids and texts only, never labels
        data, extra, _, _ = tw.load_data()
    except OSError as exc:
        pytest.skip(f"evaluation data absent ({exc})")
    assert len(dt_ids) == 318
    assert not set(data["ids"]) & dt_ids
    assert not (set(data["keys"]) | {tw.norm_text(t) for t, _ in extra}) & dt_keys


def test_the_teachers_batches_cover_every_sentence_once_in_similar_lengths():
    import random

    ft = _load_tool("finetune_teacher")
    lengths = [(i * 37) % 101 for i in range(500)]
    plan = ft.batches(lengths, random.Random(13), size=8, window=4)
    flat = [i for b in plan for i in b]
    assert sorted(flat) == list(range(500))
    assert plan == ft.batches(lengths, random.Random(13), size=8, window=4)  # seeded: the same epoch again
    # a batch is a run of one window sorted by length: its spread is far below the whole range's
    spread = sorted(max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in plan)
    assert spread[len(spread) // 2] < 40 and max(lengths) - min(lengths) == 100


def test_a_folds_teacher_trains_on_half_its_debates_and_on_its_own_news_labels_three_times():
    tw = _train_module()
    data = {"texts": [f"debate {i}" for i in range(10)], "labels": [i % 2 for i in range(10)]}
    news = {"texts": ["n0", "n1", "n2"], "labels": [1, 0, 1]}
    texts, labels = tw.teacher_data(data, [0, 1, 2, 3, 4, 5], news, [0, 2], k=1)
    debates = [t for t in texts if t.startswith("debate")]
    assert len(debates) == 3 and set(debates) <= {f"debate {i}" for i in range(6)}
    assert texts[3:] == ["n0", "n2"] * 3 and labels[3:] == [1, 1] * 3
    assert (texts, labels) == tw.teacher_data(data, [0, 1, 2, 3, 4, 5], news, [0, 2], k=1)
