"""Review cards (flows.cards): what a reviewer reads, and that article text stays text."""

from __future__ import annotations

import pytest

from flows.cards import CHOICE_CHARS, cards_markdown, choice_label, source_link
from warehouse import Table

COLUMNS = ("claim_id", "article_id", "article_title", "text", "suggested_status", "confidence", "checkworthiness",
           "priority", "best_evidence", "best_source", "best_explanation", "article_published", "canonical_id",
           "other_articles")


def row(**values) -> tuple:
    base = dict(claim_id=7, article_id="a1", article_title="NATO cuts Russian mission", published=None,
                text="NATO cut the Russian mission to 20 out of 30 positions in 2018.", suggested_status="refuted",
                confidence=0.8, checkworthiness=0.9, priority=0.18,
                best_evidence="In 2018 NATO reduced the mission to 10 positions.",
                best_source="https://www.nato.int/cps/en/natohq/topics_50090.htm",
                best_explanation="claim 20 positions vs source 10 positions", article_published="2021-10-18",
                canonical_id=7, other_articles=0)
    base.update(values)
    return tuple(base[c] for c in COLUMNS)


def card(**values) -> str:
    return cards_markdown(Table(COLUMNS, [row(**values)]), heading="Review queue")


# what a card must say -> (row fields, strings the Markdown contains)
CARD_CASES = {
    "full text, verdict, confidence, article and date": (
        {}, ["Claim 7: suggested **refuted** (confidence 0.80)",
             "> NATO cut the Russian mission to 20 out of 30 positions in 2018\\.",
             "**Article:** NATO cuts Russian mission (2021\\-10\\-18)"]),
    "the deciding evidence, why, and a link to the source": (
        {}, ["**Evidence:** In 2018 NATO reduced the mission to 10 positions\\.",
             "**Why:** claim 20 positions vs source 10 positions",
             "(https://www.nato.int/cps/en/natohq/topics_50090.htm)"]),
    "a repeated claim says in how many other articles": ({"other_articles": 2}, ["; also in 2 other articles"]),
    "one other article is singular": ({"other_articles": 1}, ["; also in 1 other article\n"]),
    "an unverified claim was not checked yet": (
        {"suggested_status": "unverified", "confidence": None, "best_evidence": None, "best_source": None},
        ["suggested **unverified**\n", "**Evidence:** not checked yet"]),
    "a checked claim without deciding evidence says so": (
        {"suggested_status": "not_enough_evidence", "confidence": 0.5, "best_evidence": None, "best_source": None},
        ["**Evidence:** no passage of the sources decides it"]),
}


@pytest.mark.parametrize("values, expected", list(CARD_CASES.values()), ids=list(CARD_CASES))
def test_a_card_says_what_a_reviewer_needs(values, expected):
    markdown = card(**values)
    for text in expected:
        assert text in markdown


HOSTILE = '40 <b>diplomats</b> **left** [click](javascript:alert(1)) <img src=x onerror=alert(2)> https://evil.example'

# field holding hostile text -> what must not survive into the Markdown
HOSTILE_CASES = {
    "claim text": "text", "article title": "article_title", "evidence": "best_evidence", "why": "best_explanation",
}


@pytest.mark.parametrize("field", list(HOSTILE_CASES.values()), ids=list(HOSTILE_CASES))
def test_article_and_source_text_stays_text(field):
    markdown = card(**{field: HOSTILE})
    for fragment in ("<b>", "<img", "**left**", "](javascript", "https://evil"):
        assert fragment not in markdown
    assert "&lt;b&gt;diplomats&lt;/b&gt;" in markdown


# source location -> the Markdown shown for it
SOURCE_CASES = {
    "an https URL is a link": ("https://example.org/a", "[https\\://example\\.org/a](https://example.org/a)"),
    "parentheses and spaces cannot leave the link": (
        "https://example.org/a (b)", "[https\\://example\\.org/a \\(b\\)](https://example.org/a%20%28b%29)"),
    "a javascript URL is text": ("javascript:alert(1)", "javascript\\:alert\\(1\\)"),
    "a local file is text": ("/srv/sources/wales.csv", "/srv/sources/wales\\.csv"),
    "nothing is nothing": (None, ""),
}


@pytest.mark.parametrize("location, shown", list(SOURCE_CASES.values()), ids=list(SOURCE_CASES))
def test_only_web_sources_become_links(location, shown):
    assert source_link(location) == shown


def test_an_empty_queue_says_so():
    markdown = cards_markdown(Table(COLUMNS, []), heading="Review queue", empty="The review queue is empty.")
    assert markdown == "# Review queue\n\nThe review queue is empty\\.\n"


def test_a_choice_label_is_the_claim_cut_and_the_suggestion():
    long = "NATO cut the Russian mission to 20 out of 30 positions in 2018, after the poisoning in Salisbury, England."
    label = choice_label(dict(zip(COLUMNS, row(text=long))))
    assert label.startswith("NATO cut the Russian mission to 20 out of 30 positions")
    assert label.endswith("… (pipeline: refuted 0.80)")
    assert len(label.split(" (pipeline:")[0]) == CHOICE_CHARS
    assert choice_label({"text": "Short.", "suggested_status": None, "confidence": None}) == "Short. (pipeline: unverified)"
