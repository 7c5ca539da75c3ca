"""Claims extracted from the seed article, checked against the hand-made gold."""

from __future__ import annotations

import json
import time

import pytest

from claims.extract import article_id, build_article, claim_article, extract
from claims.sentences import split_sentences
from tests.conftest import GOLD, SEED
from tests.test_quantities import SEED_ROWS

TEXT = SEED.read_text(encoding="utf-8")
ARTICLE = build_article(TEXT, str(SEED))

# The required (non-optional) gold items of the seed, embedded so they run without ../shared.
GOLD_QUANTITIES = SEED_ROWS  # the same table the quantity tests check find_quantities with
GOLD_DATES = [
    ("November 1", 81, 91, "2021-11-01", "day"),
    ("November 1st", 282, 294, "2021-11-01", "day"),
    ("in 2008", 2413, 2420, "2008", "year"),
    ("In 2018", 2963, 2970, "2018", "year"),
    ("in 2014", 3483, 3490, "2014", "year"),
]
GOLD_QUOTES = [
    ("NATO is not interested in any equal dialogue or any joint work", 481, 543, "Lavrov"),
    ("on the front line of Russian aggression", 1092, 1131, "a senior U.S. defense official"),
    ("NATO leaders spoke of the importance of de-escalating relations with Russia", 1317, 1392, "Alexander Grushko"),
    ("taken into account", 1781, 1799, "Oana Lungescu"),
    ("NATO actions", 113, 125, "Lavrov"),
]


def all_quantities():
    return [q for c in ARTICLE.claims for q in c.quantities]


def all_dates():
    return [d for c in ARTICLE.claims for d in c.dates]


def all_quotes():
    return [q for c in ARTICLE.claims for q in c.quotes]


@pytest.mark.parametrize("text, start, end, value, kind, unit, bound, of", GOLD_QUANTITIES, ids=[g[0] for g in GOLD_QUANTITIES])
def test_seed_quantity_found_in_a_claim(text, start, end, value, kind, unit, bound, of):
    found = {(q.start, q.end): q for q in all_quantities()}
    q = found.get((start, end))
    assert q is not None, f"{text!r} not found"
    assert (q.text, q.value, q.kind, q.unit, q.bound, q.of) == (text, value, kind, unit, bound, of)


@pytest.mark.parametrize("text, start, end, value, precision", GOLD_DATES, ids=[g[0] for g in GOLD_DATES])
def test_seed_date_found_in_a_claim(text, start, end, value, precision):
    found = {(d.start, d.end): d for d in all_dates()}
    d = found.get((start, end))
    assert d is not None, f"{text!r} not found"
    assert (d.text, d.value, d.precision) == (text, value, precision)


@pytest.mark.parametrize("text, start, end, speaker", GOLD_QUOTES, ids=[g[0][:30] for g in GOLD_QUOTES])
def test_seed_quote_has_its_speaker(text, start, end, speaker):
    holders = [q for q in all_quotes() if q.start == start and q.end >= end]
    assert holders, f"no quote starting at {start}"
    assert holders[0].speaker == speaker
    assert TEXT[start:end] == text


def test_the_gold_file_agrees_with_the_embedded_rows():
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not present")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    required_q = {(g["text"], g["start"], g["end"]) for g in gold["quantities"] if not g.get("optional")}
    required_d = {(g["text"], g["start"], g["end"]) for g in gold["dates"] if not g.get("optional")}
    assert required_q == {g[:3] for g in GOLD_QUANTITIES}
    assert required_d == {g[:3] for g in GOLD_DATES}
    assert {(g["text"], g["speaker"]) for g in gold["quotes"]} == {(g[0], g[3]) for g in GOLD_QUOTES}


def test_every_span_indexes_the_text_as_read():
    spans = [*ARTICLE.claims, *all_quantities(), *all_dates(), *all_quotes()]
    assert spans
    for span in spans:
        assert TEXT[span.start : span.end] == span.text


def test_the_date_token_is_the_publication_date_not_a_claim():
    assert ARTICLE.published == "2021-10"
    assert all(c.start >= 13 for c in ARTICLE.claims)
    assert not any(d.text == "2021-10" for d in all_dates())


def test_years_and_dates_are_never_quantities():
    dates = [(d.start, d.end) for d in all_dates()]
    for q in all_quantities():
        assert not any(q.start < e and s < q.end for s, e in dates), q


CLAUSES = [
    pytest.param("Russia expelled 60 American diplomats and closed the US Consulate in St. Petersburg.",
                 ["Russia expelled 60 American diplomats", "closed the US Consulate in St. Petersburg."], id="and-past-verb"),
    pytest.param("The program helps Georgia defend its territory after Russia invaded South Ossetia in 2008.",
                 ["The program helps Georgia defend its territory", "after Russia invaded South Ossetia in 2008."],
                 id="time-clause-with-own-subject"),
    pytest.param("NATO suspended all cooperation with Russia in 2014 after annexing Crimea.",
                 ["NATO suspended all cooperation with Russia in 2014 after annexing Crimea."], id="no-subject-no-split"),
    pytest.param("Officials met on Monday and talked twice.",
                 ["Officials met on Monday and talked twice."], id="short-right-side-kept-whole"),
    pytest.param("He said “they left and returned” in 2019.", ["He said “they left and returned” in 2019."], id="inside-a-quote"),
]


@pytest.mark.parametrize("text, expected", CLAUSES)
def test_clause_splitting(text, expected):
    assert [c.text for c in extract(text)] == expected


def test_compound_sentence_with_a_figure_yields_separate_claims():
    texts = [c.text for c in ARTICLE.claims]
    assert "Russia expelled 60 American diplomats" in texts
    assert any(t.startswith("closed the US Consulate in St. Petersburg") for t in texts)


def test_the_20_out_of_30_claim_is_checkworthy():
    claim = next(c for c in ARTICLE.claims if "20 out of 30 positions" in c.text)
    assert claim.checkworthiness >= 0.5
    assert [d.value for d in claim.dates] == ["2018"]


def test_reported_speech_gives_the_claim_a_speaker():
    claim = next(c for c in ARTICLE.claims if c.text.startswith("Russia is also suspending"))
    assert claim.speaker == "Lavrov"


# A sentence in the middle of a quote that began in an earlier sentence is the quote's speaker's.
INSIDE_QUOTES = {
    "third-sentence-of-a-quote": (
        'Jane Smith, the bank\'s chief economist, spoke on Monday. "Prices rose 5% last year," she said. '
        '"Wages fell in the same period. Rents have doubled since 2019."',
        "Rents have doubled", "Jane Smith"),
    "quote-of-three-sentences-after-its-attribution": (
        "\u201cNATO is not interested in any equal dialogue,\u201d Lavrov said. \u201cIf so, then we do not see much "
        "need to continue. NATO has already in fact declared the impossibility of such changes.\u201d",
        "NATO has already", "Lavrov"),
    "after-the-quote-closes-no-speaker": (
        '"We won the match. It was our first win since March," said coach Tom Brown. The club was founded in 1901.',
        "The club was founded", None),
}


@pytest.mark.parametrize("text, opening, speaker", INSIDE_QUOTES.values(), ids=list(INSIDE_QUOTES))
def test_a_sentence_inside_a_quote_has_the_quotes_speaker(text, opening, speaker):
    claim = next(c for c in extract(text) if c.text.startswith(opening))
    assert claim.speaker == speaker


def test_article_id_ignores_white_space_changes():
    assert article_id(TEXT) == article_id("  " + TEXT.replace(" ", "  ") + "\n")
    assert article_id(TEXT) != article_id(TEXT.replace("20 out of 30", "10 out of 30"))


def test_fingerprint_is_order_insensitive_and_value_sensitive():
    a = extract("NATO expelled 60 Russian diplomats in 2018.")
    b = extract("In 2018, 60 Russian diplomats were expelled by NATO.")
    c = extract("NATO expelled 70 Russian diplomats in 2018.")
    assert a[0].fingerprint == b[0].fingerprint != c[0].fingerprint


@pytest.mark.parametrize("text", ["", " ", "\n\n", "date 2021-10", "“", "20", "…" * 10], ids=repr)
def test_degenerate_texts_do_not_raise(text):
    build_article(text, "x")


SENTENCES = [
    pytest.param("He left. She stayed.", ["He left.", "She stayed."], id="simple"),
    pytest.param("The U.S. Army and Mr. Smith met J. Doe.", ["The U.S. Army and Mr. Smith met J. Doe."], id="abbreviations"),
    pytest.param("It rose 3.5 percent. Then it fell.", ["It rose 3.5 percent.", "Then it fell."], id="decimal"),
    pytest.param("“Go,” he said. “Now.” Then silence.", ["“Go,” he said.", "“Now.”", "Then silence."], id="quotes"),
    pytest.param("officers.” according to a NATO official", ["officers.” according to a NATO official"], id="lowercase-after-quote"),
    pytest.param("Heading\n\nBody text here", ["Heading", "Body text here"], id="paragraphs"),
    pytest.param("closed in St. Petersburg in retaliation.", ["closed in St. Petersburg in retaliation."], id="saint"),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_sentences(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


# --- never raises ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NEWSY = st.lists(
    st.sampled_from(list("0123456789 ,.-–%$£€“”\"'()\n½") + ["NATO", " said", " more than ", " out of ", "November ",
                    "Monday", " percent", " million", " in 2008", "date 2021-10 ", " Lavrov said", "."]),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), NEWSY), st.sampled_from([None, "2021-10", "2021-10-18", "garbage"]))
def test_extraction_never_raises_and_keeps_offsets(text, published):
    article = build_article(text, "x", published=published)
    for claim in article.claims:
        assert text[claim.start : claim.end] == claim.text
        for span in (*claim.quantities, *claim.dates, *claim.quotes):
            assert text[span.start : span.end] == span.text
        assert 0.0 <= claim.checkworthiness <= 1.0


def test_a_one_megabyte_article_is_extracted():
    text = (TEXT + "\n\n") * (1_000_000 // len(TEXT) + 1)
    article = build_article(text[:1_000_000], "big.txt")
    assert len(article.claims) > 200


# A claim typed by hand (verify-claim --store) is one claim, however many clauses it has and however
# little check-worthy it looks, with every figure and date extract finds in it.
CLAIM_ARTICLES = [
    pytest.param("  Russia expelled 60 American diplomats in 2018, and closed a consulate.  ",
                 "Russia expelled 60 American diplomats in 2018, and closed a consulate.", [60.0], ["2018"], id="two-clauses"),
    pytest.param("The sky is blue.", "The sky is blue.", [], [], id="not-check-worthy"),
]


@pytest.mark.parametrize("typed, text, values, years", CLAIM_ARTICLES)
def test_claim_article_is_one_claim(typed, text, values, years):
    article = claim_article(typed)
    [claim] = article.claims
    assert (article.text, claim.text, claim.start, claim.end) == (text, text, 0, len(text))
    assert [q.value for q in claim.quantities] == values
    assert [d.value for d in claim.dates] == years
    assert article.id == article_id(text) and article.source == "verify-claim"


def _cpu_seconds_to_extract(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        extract(text)
        best = min(best, time.process_time() - t0)
    return best


def test_semicolon_clauses_extract_in_linear_time():
    # One "sentence" of thousands of semicolon-separated clauses (issue 15): cutting it into clauses used to
    # re-split the rest of the sentence at every break. A ratio, not a time: 8x the text must cost about 8x
    # (quadratic would be 64x), whatever the machine's load.
    clauses = [f"the council spent £{i}m on roads" for i in range(24_000)]
    small, large = "; ".join(clauses[:3_000]), "; ".join(clauses)
    assert len(large) > 800_000
    assert len(extract(small)) == 3_000
    ratio = _cpu_seconds_to_extract(large) / _cpu_seconds_to_extract(small)
    assert ratio < 20, ratio
