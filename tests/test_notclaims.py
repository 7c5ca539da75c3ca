"""Tests of claims.notclaims: bylines, headings, captions and credits, bare table cells are not claims."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extract import extract
from claims.notclaims import is_not_claim, not_claim_at, not_claim_reason

# text -> the shape it is (not a claim of the article)
NOT_CLAIMS = {
    # bylines
    "By Jane Smith": "byline",
    "By Jane Smith, Local Democracy Reporter": "byline",
    "By Jane Smith and Omar Ali, BBC News": "byline",
    "By Jane Smith & Omar Ali": "byline",
    "Nick Robinson, Political editor": "byline",
    "Omar Ali, Local Democracy Reporting Service": "byline",
    "Reporting by John Smith; Editing by Jane Doe": "credit",
    "Additional reporting by Omar Ali": "credit",
    "CNN’s Katharina Krebs and Stephanie Halasz contributed to the report.": "credit",
    # photo captions and credits
    "Photo: Getty Images": "credit",
    "Image source, PA Media": "credit",
    "Image copyright AFP": "credit",
    "(Photo by John Smith/Getty Images)": "credit",
    "The minister at the plant on Monday (Reuters)": "credit",
    "Getty Images": "credit",
    "Copyright 2024 The Daily Gazette. All rights reserved.": "credit",
    "© Reuters": "credit",
    "Image caption, The minister visited the plant on Monday": "caption",
    "Caption: Flood water in the town centre": "caption",
    # page furniture
    "Read more: Why prices are rising": "boilerplate",
    "Sign up for our morning newsletter": "boilerplate",
    # bare table cells and rows
    "£48m": "table cell",
    "620": "table cell",
    "9,796": "table cell",
    "12.5%": "table cell",
    "(£3.35m)": "table cell",
    "-0.3": "table cell",
    "...": "table cell",
    "Riggott 74, Graham 86.": "table cell",
    "Subs Not Used: Fish, Jeffers, Andersen.": "table cell",
    "Berra, Webster.": "table cell",
    "Saturday, 26 February": "table cell",
    "Profits up 20%": "table cell",
    "£139,544 in Wales": "table cell",
    # headings: verbless lines without final punctuation
    "Man Utd v Exeter": "heading",
    "Pre-School Live Action - Balamory": "heading",
    "Council budget at a glance": "heading",
    "Meanwhile": "heading",
    "Utter rubbish.": "fragment",
    "Listen to the full interview on Sport on Five from 1900 GMT.": "boilerplate",
    "Related Topics": "boilerplate",
}

CLAIMS = [
    "By 2030, emissions will fall by half.",
    "By March the company had cut 500 jobs.",
    "By Friday, Mr Smith had resigned.",
    "The economy contracted in 2003.",
    "The 2001 election cost £80m.",
    "Most are made in China.",
    "Russia expelled 60 American diplomats",
    "Unemployment fell to 3.5 percent last year, the lowest rate in 50 years.",
    "Both provinces make up 20 percent of Georgia’s land area, according to DOD.",
    "Reuters reported that the deal was worth $2bn.",
    "Getty Images agreed to buy the agency for $400m.",
    "The reporter was fined £500 by the court.",
    "Oil, gas and coal prices rose.",
    "Dechy said.",
    "In 2003 the figure was 29%.",
    "He denies having done so.",
    "Copyrighting recipes is not possible, the court ruled.",
    # found on BBC articles: credit, byline and sign-up words inside ordinary sentences
    "Research by technology firms Earthlink and Webroot revealed that 90% of Windows machines have the malware.",
    "Research by Dr Nielsen shows that people are getting more sophisticated in their use of search engines.",
    "This undermines a fundamental First Amendment right that protects all reporters.",
    "Google News gathers information from some 4,500 news sources.",
    "The judges are in discussions to sign up for the new series.",
    "The service lets people store 5000 links if they sign up to the free version.",
    "Watchdog Ofcom fined the broadcaster £50,000.",
]


@pytest.mark.parametrize("text, reason", list(NOT_CLAIMS.items()), ids=list(NOT_CLAIMS))
def test_not_a_claim(text, reason):
    assert not_claim_reason(text) == reason
    assert is_not_claim(text)


@pytest.mark.parametrize("text", CLAIMS, ids=[c[:40] for c in CLAIMS])
def test_may_be_a_claim(text):
    assert not_claim_reason(text) is None
    assert not is_not_claim(text)


# A short line of its own without final punctuation is a heading even with a verb; inside a paragraph it is not.
LINE_CASES = {
    "result-line": ("Arsenal win 4-2 on penalties", "heading", None),
    "headline-with-verb": ("Russia has suspended its NATO mission", "heading", None),
    "increased-tensions": ("Increased tensions", "heading", None),
    "sentence-with-full-stop": ("Russia suspended the NATO mission.", None, None),
}


@pytest.mark.parametrize("case", list(LINE_CASES.values()), ids=list(LINE_CASES))
def test_a_line_of_its_own(case):
    text, alone, inline = case
    assert not_claim_reason(text, alone=True) == alone
    assert not_claim_reason(text, alone=False) == inline


def test_not_claim_at_sees_the_line_around_the_sentence():
    article = "Russia suspends NATO mission\n\nRussia suspended the mission on Monday. Increased tensions\n\nMore text."
    s = article.index("Russia suspends")
    assert not_claim_at(article, s, s + len("Russia suspends NATO mission")) == "heading"
    s = article.index("Increased tensions")
    assert not_claim_at(article, s, s + len("Increased tensions")) is None  # shares its line with a sentence


def test_a_text_that_is_one_sentence_is_always_a_claim():
    # verify-claim: what the user typed is the claim, whatever its shape
    for text in ("Wales has about 3.1 million people", "Profits up 20%", "£48m"):
        assert not_claim_at(text, 0, len(text)) is None
        assert not_claim_at("  " + text + "\n", 2, 2 + len(text)) is None


ARTICLE = """By Jane Smith, Local Democracy Reporter

Council tax rises by 5%

The council will raise council tax by 4.99% from April, adding £87 a year to a band D bill.

Image caption, The town hall on Monday

Band | Annual bill
D | £1,830
£48m

Photo: Getty Images

The council said it had cut 120 jobs since 2020."""


def test_extract_skips_furniture_and_keeps_the_claims():
    texts = [c.text for c in extract(ARTICLE)]
    assert any(t.startswith("The council will raise council tax by 4.99%") for t in texts)
    assert any(t.startswith("The council said it had cut 120 jobs") for t in texts)
    for furniture in ("By Jane Smith", "Council tax rises by 5%", "Image caption", "£48m", "Photo: Getty Images"):
        assert not any(t.startswith(furniture) for t in texts), furniture


def test_extract_keeps_sentence_indices_of_the_article():
    claims = extract(ARTICLE)
    first = next(c for c in claims if c.text.startswith("The council will raise"))
    assert first.sentence == 2  # byline 0, heading 1: skipped, but still counted


def test_odd_inputs():
    assert not_claim_reason(None) is None  # type: ignore[arg-type]
    assert not_claim_reason("") == "table cell"
    assert not_claim_reason("x" * 5000) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises(text):
    reason = not_claim_reason(text)
    assert reason is None or isinstance(reason, str)
    assert not_claim_at(text, 0, len(text)) is None
    assert not_claim_at("Heading\n\n" + text, 9, 9 + len(text)) in (None, reason, "heading")
