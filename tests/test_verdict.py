"""Verdicts of a claim against passages: the table a fact-checker would write by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract
from claims.factcheck import RATING_CUE, decide, find_rating


def judged(claim: str, passages: list[str], *, published: str | None = None, sources: list[str] | None = None):
    """The Verdict on a claim, with its figures and dates extracted as the pipeline extracts them."""
    parts = extract(claim, published=published)
    quantities = tuple(q for c in parts for q in c.quantities)
    dates = tuple(d for c in parts for d in c.dates)
    return decide(claim, quantities, dates, passages, published=published, sources=sources)


def verdict(claim: str, *passages: str, published: str | None = None) -> str:
    return judged(claim, list(passages), published=published).status


NATO_2018 = ("The North Atlantic Council decided on 27 March 2018 to cut the maximum size of the Russian "
             "mission to NATO by ten people, reducing it from 30 to 20 positions.")
EXPULSIONS = "More than 25 allies and partner countries expelled more than 140 Russian diplomats in March 2018."
GEORGIA_ROW = "Country: Georgia | Occupied provinces: Abkhazia, South Ossetia | Share of land area occupied: about 20%"

CASES = [
    # figures with bounds
    pytest.param("NATO expelled more than 100 Russian diplomats in 2018.", EXPULSIONS, "supported", id="more-than-100-vs-140"),
    pytest.param("NATO expelled more than 100 Russian diplomats in 2018.",
                 "NATO expelled 80 Russian diplomats in 2018.", "refuted", id="more-than-100-vs-80"),
    pytest.param("NATO expelled fewer than 50 Russian diplomats in 2018.",
                 "NATO expelled 80 Russian diplomats in 2018.", "refuted", id="fewer-than-50-vs-80"),
    pytest.param("NATO expelled 60 Russian diplomats in 2018.", "NATO expelled 60 Russian diplomats in 2018.",
                 "supported", id="exact-count"),
    pytest.param("NATO expelled 60 Russian diplomats in 2018.", "NATO expelled 75 Russian diplomats in 2018.",
                 "refuted", id="wrong-count"),
    # ratios against a change
    pytest.param("NATO cut the Russian mission to 20 out of 30 positions in 2018.", NATO_2018, "supported", id="ratio-from-30-to-20"),
    pytest.param("NATO cut the Russian mission to 10 out of 30 positions in 2018.", NATO_2018, "refuted", id="ratio-misstated"),
    # percent, fraction, rounding
    pytest.param("Unemployment in Wales rose to nearly 20 percent last year.",
                 "Unemployment in Wales rose to 19.6 percent last year.", "supported", id="nearly-20-vs-19.6"),
    pytest.param("A quarter of Wales's voters backed the plan.",
                 "Some 25% of Wales's voters backed the plan.", "supported", id="fraction-vs-percent"),
    pytest.param("Both provinces make up 20 percent of Georgia's land area and are occupied by Russia.",
                 GEORGIA_ROW, "supported", id="table-row"),
    # money with currency and magnitude
    pytest.param("Leeds City Council spent £1.2bn on the new bridge.",
                 "Leeds City Council spent £1,200 million on the new bridge.", "supported", id="money-magnitude"),
    pytest.param("Leeds City Council spent £1.2bn on the new bridge.",
                 "Leeds City Council spent £800 million on the new bridge.", "refuted", id="money-wrong"),
    # other nationals, negation, abstention
    pytest.param("Russia expelled 60 American diplomats in 2018.", EXPULSIONS, "not_enough_evidence", id="different-people"),
    pytest.param("NATO expelled 60 Russian diplomats in 2018.",
                 "NATO did not expel 60 Russian diplomats in 2018, officials said.", "not_enough_evidence", id="negated"),
    pytest.param("NATO expelled 60 Russian diplomats in 2018.", "The weather in Brussels was mild in March.",
                 "not_enough_evidence", id="unrelated"),
    pytest.param("Days later, 20 nations backed Britain by jointly expelling more than 100 Russian diplomats.",
                 EXPULSIONS, "not_enough_evidence", id="one-part-unstated"),
    # bugs caught verifying BBC business news against other BBC articles: figures about someone else
    pytest.param("Lenovo's profit for the three months to December was HK$327m (US$42m).",
                 "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three "
                 "months to December, from $639m year-earlier.", "not_enough_evidence", id="bbc-other-company"),
    pytest.param("£486,000) for the three months to December on sales which fell 8% to 4.7bn rupees.",
                 "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three "
                 "months to December, from $639m year-earlier.", "not_enough_evidence", id="bbc-fragment-names-no-one"),
    pytest.param("The shares closed down 247p, or 18%, at 1115 pence.",
                 "BA shares closed down 10p, or 4%, at 250 pence on Friday.", "not_enough_evidence", id="bbc-names-no-one"),
    pytest.param("Forecasts for Japanese growth were also scaled back to 4.0% from 4.4% this year.",
                 "Mitsubishi Motors cut its sales forecasts for the year; its sales have slid 41%.",
                 "not_enough_evidence", id="bbc-sentence-initial-word-is-not-a-name"),
    pytest.param("Forecasts for Japanese growth were also scaled back to 4.0% from 4.4% this year and 2.1% from 2.8% in 2005.",
                 "Mitsubishi Motors cut its sales forecasts for the year to March 2005. Its sales have slid 41% in the "
                 "past year. As a result, the Japanese car maker has sought a series of financial bailouts.",
                 "not_enough_evidence", id="bbc-figure-with-few-words-around-it"),
    # failure classes found on AVeriTeC's non-numerical claims (a tuning set), in our own words
    pytest.param("Reuters reported that Senator Smith and seven other officials were on the list.",
                 "No evidence was found that Reuters reported that Senator Smith and seven other officials were on the list.",
                 "not_enough_evidence", id="no-evidence-that-denies-the-figure"),
    pytest.param("Covid vaccines will be administered by non-medical staff in the UK.",
                 "Are Covid vaccines administered by non-medical staff in the UK? someone other than a nurse gives them",
                 "not_enough_evidence", id="question-before-a-lowercase-answer"),
    pytest.param("Leeds City Council closed the Central Library.",
                 "Leeds City Council may have closed the Central Library.", "not_enough_evidence", id="hedged-statement"),
    pytest.param("Leeds City Council closed the Central Library.",
                 "Leeds City Council closed the Central Library last week.", "supported", id="plain-statement"),
    # failure classes found on LIAR-PLUS val2 (a tuning set), in our own words: words before a figure
    # that say the truth is elsewhere
    pytest.param("Florida's share of the Medicaid expansion will cost $1.6 billion a year.",
                 "Florida's share of the Medicaid expansion will cost a much lower amount than $1.6 billion a year.",
                 "not_enough_evidence", id="lower-amount-than"),
    pytest.param("Negative ads made up 100 percent of the Ohio campaign's ads.",
                 "Negative ads made up 61 percent of the Ohio campaign's ads, far short of 100 percent.",
                 "refuted", id="far-short-of"),
    pytest.param("Repealing the Ohio health law would save $1 trillion.",
                 "Repealing the Ohio health law doesnt save $1 trillion.",
                 "not_enough_evidence", id="negation-without-apostrophe"),
    # dates without figures
    pytest.param("In 2014, NATO suspended all practical civilian and military cooperation with Russia.",
                 "On 1 April 2014 NATO foreign ministers decided to suspend all practical civilian and military cooperation with Russia.",
                 "supported", id="date-and-text"),
    pytest.param("In 2015, NATO suspended all practical civilian and military cooperation with Russia.",
                 "On 1 April 2014 NATO foreign ministers decided to suspend all practical civilian and military cooperation with Russia.",
                 "not_enough_evidence", id="date-mismatch-abstains"),
    # fact-check ratings
    pytest.param("Says the state cut school funding by $500 million.",
                 "We rate this claim False. The state raised school funding by $200 million.", "refuted", id="rating-false"),
    pytest.param("Says the state cut school funding by $500 million.",
                 "The state did cut school funding by $500 million. We rate this claim True.", "supported", id="rating-true"),
]


@pytest.mark.parametrize("claim, passage, expected", CASES)
def test_verdict(claim, passage, expected):
    assert verdict(claim, passage) == expected


def test_sources_that_disagree_make_a_conflict():
    assert verdict("NATO expelled 60 Russian diplomats in 2018.",
                   "NATO expelled 60 Russian diplomats in 2018.",
                   "NATO expelled 75 Russian diplomats in 2018.") == "conflicting"


def test_no_passages_is_not_enough_evidence():
    assert verdict("NATO expelled 60 Russian diplomats in 2018.") == "not_enough_evidence"


# A source that examines the statement as a claim (a fact-check) repeats the claim's figures to examine
# them: they confirm nothing unless the source rates the claim. A report of events is unaffected.
FUNDING_CLAIM = "In 2019 Ohio cut school funding by $500 million."
FACT_CHECK = ("A viral post claims that in 2019 Ohio cut school funding by $500 million. "
              "The budget shows that in 2019 Ohio cut school funding by $500 million, counting federal grants.")
NEWS = "In 2019 Ohio cut school funding by $500 million, the state budget office said."
EXAMINED = [
    pytest.param([FACT_CHECK], None, "not_enough_evidence", id="fact-check-repeats-the-figure"),
    pytest.param([FACT_CHECK + " We rate this claim True."], None, "supported", id="fact-check-rates-it-true"),
    pytest.param([FACT_CHECK.replace("funding by $500 million, counting", "funding by $90 million, counting")], None, "refuted",
                 id="fact-check-states-another-figure"),
    pytest.param([NEWS], None, "supported", id="news-report-supports"),
    pytest.param([FACT_CHECK, NEWS], ["factcheck.example", "news.example"], "supported",
                 id="another-source-still-supports"),
    pytest.param([FACT_CHECK, NEWS], None, "not_enough_evidence", id="one-source-examining-the-claim"),
    # with no formal rating, a fact-check's plain verdict against the claim counts as its rating
    pytest.param([FACT_CHECK + " This is false: the cut was in 2017."], None, "refuted", id="fact-check-says-this-is-false"),
    pytest.param([FACT_CHECK + " That's misleading."], None, "conflicting", id="fact-check-says-misleading"),
    pytest.param([FACT_CHECK + " That's true, but it counts federal grants."], None, "not_enough_evidence",
                 id="fact-check-concedes-a-point"),
    pytest.param([FACT_CHECK + ' "This is false," the governor said.'], None, "not_enough_evidence",
                 id="fact-check-quotes-a-denial"),
    pytest.param([NEWS + " This is false, critics say."], None, "supported", id="news-is-no-fact-check"),
    pytest.param([FACT_CHECK + " That is wrong, but only by a little."], None, "not_enough_evidence",
                 id="wrong-but-is-no-verdict"),
]


@pytest.mark.parametrize("passages, sources, expected", EXAMINED)
def test_a_source_examining_the_claim_supports_only_by_its_rating(passages, sources, expected):
    assert judged(FUNDING_CLAIM, passages, sources=sources).status == expected


# A fact-checker's rating, in the forms fact-checking outlets write it; None: no rating of this claim.
RATINGS = [
    pytest.param("We rate this claim False.", ("False", "refutes"), id="politifact"),
    # an element of truth that ignores critical facts: a middle rating, like LIAR-PLUS's barely-true
    pytest.param("We rate this claim Mostly False.", ("Mostly False", "mixed"), id="politifact-mostly-false"),
    pytest.param("We give the claim Three Pinocchios.", ("Three Pinocchios", "mixed"), id="three-pinocchios"),
    pytest.param("Rating: Mixture", ("Mixture", "mixed"), id="snopes"),
    pytest.param("We give the claim Four Pinocchios.", ("Four Pinocchios", "refutes"), id="pinocchios"),
    pytest.param("The viral claim is false.", ("false", "refutes"), id="adjective-before-claim"),
    pytest.param("These posts are misleading.", ("misleading", "mixed"), id="plural-posts"),
    pytest.param("The claim is not true.", ("not true", "refutes"), id="not-true"),
    pytest.param("The statement is also accurate.", ("accurate", "supports"), id="also-accurate"),
    pytest.param("Verdict: Needs context.", ("Needs context", "mixed"), id="needs-context"),
    pytest.param("We rated a similar claim False in 2019.", None, id="a-similar-claim"),
    pytest.param("We asked the ministry whether the claim is true.", None, id="asked-whether"),
    pytest.param("The claim is not false.", None, id="not-false-is-no-rating"),
    pytest.param("The minister's statement was brief.", None, id="no-rating-word"),
    pytest.param('"These claims are false," a spokesman for the ministry said.', None, id="a-quoted-denial"),
    # a denial reported without quotation marks is a party's word; a fact-checker's is a rating
    pytest.param("A spokesman said the claim was false.", None, id="a-reported-denial"),
    pytest.param("The claim is false, the ministry said.", None, id="a-denial-then-who-said-it"),
    pytest.param("Experts told AFP the claim is false.", None, id="someone-told-a-fact-checker"),
    pytest.param("PolitiFact said the claim was false.", ("false", "refutes"), id="a-fact-checker-said-it"),
    pytest.param("As we said, the claim is false.", ("false", "refutes"), id="we-said-it"),
    pytest.param("The claim is false, AFP Fact Check found.", ("false", "refutes"), id="a-fact-checker-found"),
    pytest.param("Smith said the figure was old, and we rate the claim False.", ("False", "refutes"),
                 id="we-rate-after-someone-said"),
    pytest.param("The ministry said on Monday that the viral claims are fake.", None, id="said-that-the-claims-are-fake"),
    pytest.param('Asked about it, the minister said: "The claim is not true."', None, id="a-quote-after-said"),
    pytest.param('The minister spoke for an hour. We rate this claim False.', ("False", "refutes"),
                 id="a-rating-after-another-sentence"),
    # a quotation cut off by a paragraph's edge, or a stray mark, must not hide the next sentence's rating
    pytest.param('He said "the cuts were deep. We rate this claim False.', ("False", "refutes"),
                 id="a-rating-after-an-unclosed-quotation"),
    # how outlets word a conclusion: a name's claim, words after "claim", "found ... to be"
    pytest.param("Trump's claim is false.", ("false", "refutes"), id="a-names-claim"),
    pytest.param("Hence, the claim made in the post is false.", ("false", "refutes"), id="words-after-claim"),
    pytest.param("AAP FactCheck found the claim to be false.", ("false", "refutes"), id="found-to-be"),
    pytest.param("The claim earns a Geppetto Checkmark.", ("Geppetto Checkmark", "supports"), id="geppetto"),
    pytest.param("The claim is baseless.", ("baseless", "refutes"), id="baseless"),
    pytest.param("These posts are fabricated.", ("fabricated", "refutes"), id="fabricated"),
    pytest.param("The claim made by the senator is untrue.", ("untrue", "refutes"), id="untrue"),
    pytest.param("Reports that the claim is baseless were wrong, the ministry said.", None, id="baseless-in-a-that-clause"),
    pytest.param("He repeated the claim that the figures were false.", None, id="a-claim-that-something-is-false"),
    pytest.param("There is neither evidence nor news reporting the claim to be true.", None, id="denied-before-the-rating"),
    pytest.param("We could not find the claim to be false.", None, id="could-not-find-it-false"),
    pytest.param("No, the claim is false.", ("false", "refutes"), id="no-comma-is-a-verdict"),
    pytest.param("We asked whether the claim made by the minister is true.", None, id="asked-whether-with-words-after"),
    # true but incomplete is a middle rating; true but in need of clarification stays true
    pytest.param("We think the statement is accurate but doesn't provide needed context.", ("accurate", "mixed"),
                 id="accurate-but-missing-context"),
    pytest.param("The statement is accurate but leaves out important details.", ("accurate", "mixed"),
                 id="accurate-but-leaves-out-details"),
    pytest.param("The statement is accurate but needs clarification.", ("accurate", "supports"),
                 id="accurate-but-needs-clarification"),
    # other outlets' published scales and conclusions
    pytest.param("Verdict: Somewhat False", ("Somewhat False", "mixed"), id="aap-somewhat-false"),
    pytest.param("Verdict: Mostly correct", ("Mostly correct", "supports"), id="africa-check-mostly-correct"),
    pytest.param("The claim is exaggerated.", ("exaggerated", "mixed"), id="exaggerated"),
    pytest.param("Rating: Misattributed", ("Misattributed", "refutes"), id="snopes-misattributed"),
    pytest.param("Result: Partly False", ("Partly False", "mixed"), id="result-colon"),
    pytest.param("PesaCheck looked into the claim and finds it to be FALSE.", ("FALSE", "refutes"), id="finds-it-to-be"),
    pytest.param("We found the claim misleading.", ("misleading", "mixed"), id="found-the-claim"),
    # a contraction, with or without its apostrophe (LIAR-PLUS's rulings drop them)
    pytest.param("We know this statement isnt accurate.", ("isnt accurate", "refutes"), id="statement-isnt-accurate"),
    pytest.param("The claim isn't true.", ("isn't true", "refutes"), id="claim-isnt-true"),
    pytest.param("The claim isn't false.", None, id="claim-isnt-false"),
    pytest.param("We wanted to know the claim was accurate.", None, id="wanted-to-know"),
    pytest.param("We don't know the claim is true.", None, id="dont-know"),
    pytest.param("The claim wasn't misleading.", None, id="claim-wasnt-misleading"),
    # a finding that is no rating of the claim
    pytest.param("As a result, false claims spread.", None, id="result-without-colon"),
    pytest.param("We found the correct number was 40.", None, id="found-the-correct-figure"),
    pytest.param("Officials found it to be true that the plant closed.", None, id="found-it-true-that"),
    pytest.param("The study found it correct to say so.", None, id="found-it-correct-to"),
]


@pytest.mark.parametrize("passage, expected", RATINGS)
def test_rating(passage, expected):
    assert find_rating(passage) == expected


@pytest.mark.parametrize("passage", ["The viral claim is false.", "We rate it Pants on Fire!", "Verdict: Misleading",
                                     "That’s misleading.", "This is also false.", "The claim made in the post is false.",
                                     "AAP FactCheck found the claim to be false.", "The claim is baseless.",
                                     "Result: Partly False", "PesaCheck finds it to be FALSE.", "The claim is exaggerated.",
                                     "We found the claim misleading.", "The claim isn't true."])
def test_rating_passages_are_cued_for_retrieval(passage):
    import re  # the cue is RE2 syntax for DuckDB; it uses only what Python's re reads the same way

    assert re.search(RATING_CUE, passage)


# Source text is untrusted: judging any claim against any passages never raises, and the rating
# reader never returns a stance it does not know.
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
_FACT_CHECK_WORDS = st.lists(st.sampled_from(
    ["We rate", "this claim", "False", "The viral post", "is", "not true", "That's", "misleading", "\"", "“", "?",
     "No evidence", "that", "20%", "more than 100", "Russian diplomats", "said", ".", ",", "but", "may"]), max_size=40
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(claim=st.one_of(_TEXT, _FACT_CHECK_WORDS), passages=st.lists(st.one_of(_TEXT, _FACT_CHECK_WORDS), max_size=4))
def test_decide_never_raises(claim, passages):
    result = judged(claim, passages, sources=[str(i % 2) for i in range(len(passages))])
    assert result.status in {"supported", "refuted", "conflicting", "not_enough_evidence"}
    assert 0.0 <= result.confidence <= 1.0
    for p in passages:
        rating = find_rating(p)
        assert rating is None or rating[1] in {"supports", "refutes", "mixed"}


# Contrast weakens: the status stands, its confidence drops and the reason says so.
WALES = "Unemployment in Wales rose to 5.2 percent last year."
CONTRASTS = [
    pytest.param("Unemployment in Wales rose to 5.2 percent last year.", "supported", False, id="plain"),
    pytest.param("Unemployment in Wales rose to 5.2 percent last year, but the survey missed the self-employed.",
                 "supported", True, id="but-in-the-sentence"),
    pytest.param("Unemployment in Wales rose to 5.2 percent last year. However, the survey changed its method.",
                 "supported", True, id="however-next-sentence"),
    pytest.param("Unemployment in Wales rose to 7.9 percent last year, though the survey missed the self-employed.",
                 "refuted", True, id="a-qualified-refutation"),
    pytest.param("Unemployment in Wales rose to 5.2 percent last year. Scotland's rate fell. "
                 "But the Highlands held steady.", "supported", False, id="contrast-two-sentences-later"),
]


@pytest.mark.parametrize("passage, status, qualified", CONTRASTS)
def test_contrast_weakens_a_verdict(passage, status, qualified):
    plain = judged(WALES, [WALES.replace("5.2", "7.9") if status == "refuted" else WALES])
    result = judged(WALES, [passage])
    assert result.status == status
    assert (result.confidence < plain.confidence) == qualified
    assert ("qualifies" in result.reason) == qualified


# A source about the claim that says it is right only in part (it overstates, leaves out details, needs
# context, "has a point") is a middle stance (`conflicting`), as a middle rating is; a figure that
# decides, a quotation or a denial before the words outranks it.
SAVINGS = "The new law saved Ohio taxpayers $2 billion last year."
IN_PART = [
    pytest.param("The governor exaggerates what the law saved Ohio taxpayers last year.", "conflicting",
                 id="exaggerates"),
    pytest.param("Supporters cherry-picked the year the law saved Ohio taxpayers the most.", "conflicting",
                 id="cherry-picked"),
    pytest.param("The law saved Ohio taxpayers $2 billion last year, though critics say the governor exaggerates.",
                 "supported", id="figures-decide-first"),
    pytest.param('The law saved Ohio taxpayers money last year. "They exaggerated everything," a critic said.',
                 "not_enough_evidence", id="in-a-quotation"),
    pytest.param("The governor has not exaggerated what the law saved Ohio taxpayers last year.", "not_enough_evidence",
                 id="did-not-exaggerate"),
    pytest.param("The mayor exaggerated the size of the crowd at the fair.", "not_enough_evidence",
                 id="about-something-else"),
    pytest.param("The governor's count of what the law saved Ohio taxpayers last year leaves out important details.",
                 "conflicting", id="leaves-out-details"),
    pytest.param("What the law saved Ohio taxpayers last year needs more context.", "conflicting", id="needs-context"),
    pytest.param("The governor is partly right about what the law saved Ohio taxpayers last year.", "conflicting",
                 id="partly-right"),
    pytest.param("The governor has a point about what the law saved Ohio taxpayers last year.", "conflicting",
                 id="has-a-point"),
    pytest.param("The law saved Ohio taxpayers money last year, and the report left out no details.",
                 "not_enough_evidence", id="left-out-no-details"),
    pytest.param("The law saved Ohio taxpayers money last year, when the state had a turning point.",
                 "not_enough_evidence", id="a-turning-point-is-no-point"),
    pytest.param("The law saved Ohio taxpayers money last year; the governor has a point of view on it.",
                 "not_enough_evidence", id="a-point-of-view"),
    pytest.param("The governor has a fair point about what the law saved Ohio taxpayers last year.", "conflicting",
                 id="has-a-fair-point"),
]


@pytest.mark.parametrize("passage, status", IN_PART)
def test_a_source_saying_the_claim_is_right_in_part_is_a_middle_stance(passage, status):
    assert verdict(SAVINGS, passage) == status


# Someone's words are not evidence: a source that repeats the claim as what someone said ("Perry said
# 13 universities ...", a quotation, also one running over several sentences) does not confirm its
# figures. Found on LIAR-PLUS's PolitiFact justifications (the val2 tuning set), where a fact-check
# restates the claim it checks before weighing it.
TEXAS = "13 Texas universities have announced a $10,000 degree."
BUONO = "New Jersey had an $11 billion budget deficit in fiscal year 2011."
POLLS = "90 percent of Americans and 74 percent of NRA members support background checks."
SAYING = [
    pytest.param(TEXAS, "Perry said 13 Texas universities had announced a $10,000 degree.", "not_enough_evidence",
                 id="someone-said-it"),
    pytest.param(TEXAS, "Perry said 13 Texas universities had announced a $10,000 degree. By our count, only four "
                 "Texas universities had announced such a degree.", "refuted", id="someone-said-it-the-count-differs"),
    pytest.param(TEXAS, "13 Texas universities have announced a $10,000 degree, the state's higher-education board said.",
                 "supported", id="a-statement-of-fact-then-its-source"),
    pytest.param("Perry said 13 Texas universities have announced a $10,000 degree.",
                 "Perry said 13 Texas universities had announced a $10,000 degree.", "supported",
                 id="the-claim-is-that-he-said-it"),
    pytest.param(BUONO, 'Christie said, "Her budget left us a $2 billion deficit. And for fiscal year 2011 New Jersey '
                 'had an $11 billion budget deficit." Budget analysts agree the deficits were large.',
                 "not_enough_evidence", id="a-quote-over-two-sentences"),
    pytest.param(BUONO, 'Christie spoke in Trenton. New Jersey had an $11 billion budget deficit in fiscal year 2011.',
                 "supported", id="no-quote"),
    pytest.param("Virginia is the No. 1 recipient of federal dollars.",
                 'McAuliffe said Virginia is "the No. 1 recipient of federal dollars." Virginia ranks sixth.',
                 "not_enough_evidence", id="an-abbreviation-does-not-end-the-quote"),
    pytest.param(POLLS, "Polls found 90 percent of Americans and 74 percent of NRA members support background checks.",
                 "supported", id="the-claims-other-figure-is-no-disagreement"),
    pytest.param(POLLS, "Austin's mayor said 90 percent of Americans and 74 percent of NRA members support background "
                 "checks.", "not_enough_evidence", id="two-figures-someone-said"),
    pytest.param(TEXAS, "In a speech in Austin, the Texas governor's allies say 13 Texas universities have announced "
                 "a $10,000 degree.", "not_enough_evidence", id="they-say"),
    # the same for a claim without figures: its words after "X said" are the claim being reported
    pytest.param("Rhode Island has the highest percentage of lawyers per capita in the country.",
                 "Helio Melo said Rhode Island has the highest percentage of lawyers per capita in the country. "
                 "We found that it ranks 13th.", "not_enough_evidence", id="words-after-said"),
    pytest.param("Leeds City Council closed the Central Library.",
                 "Leeds City Council closed the Central Library, a council spokesman said.", "supported",
                 id="words-before-said"),
    pytest.param("Corzine's budget team raided the unemployment trust fund. Governors Whitman and McGreevey raided "
                 "the pension fund too.",
                 'Christie said, "Corzine\'s budget team raided the unemployment trust fund. Governors Whitman and '
                 'McGreevey raided the pension fund too." State law now forbids such raids.', "not_enough_evidence",
                 id="a-claim-of-two-sentences-quoted"),
]


@pytest.mark.parametrize("claim, passage, expected", SAYING)
def test_someones_words_are_not_evidence(claim, passage, expected):
    assert verdict(claim, passage) == expected
