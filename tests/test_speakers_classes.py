"""Speaker attribution by error class (batch 11 of the tuning: no new annotations, the dev misses sorted
by cause). Each row is an invented text, the sentence in it (its first words) or the quote (its first
words) whose speaker is checked, and the expected speaker; each states one general rule of English news
style. Rows marked xfail are known misses of the class."""

from __future__ import annotations

import pytest

from claims.quotes import find_attribution, find_quotes

# (rule, text, first words of the reported sentence, expected speaker)
REPORTED = [
    ("sentence-opening 'The' before a capitalised title is a description ('The Foreign Secretary said')",
     "Foreign Secretary Ann Reed flew to Rome. The Foreign Secretary said the talks had gone well.",
     "The Foreign Secretary", "Ann Reed"),
    ("sentence-opening 'The' before a nationality is a description ('The Brazilian confirmed')",
     "Chelsea striker Tom Hale was sent off. The Brazilian confirmed he would appeal.",
     "The Brazilian", "Tom Hale"),
    ("a body named with 'The' that ends in no title stays a name ('The Guardian said')",
     "Ann Reed resigned in May. The Guardian said she had been forced out.",
     "The Guardian", "Guardian"),
    ("a one-word name after a possessive ('Arsenal's Edu') is a person when it speaks elsewhere",
     "Chelsea's Duda has spoken about the row.\n\nThe Brazilian admitted tempers had flared. Later, Duda added "
     "that he regretted it.", "The Brazilian", "Duda"),
    ("'the company' that speaks is the body last named as a speaker ('Acme Corp said …. Later the company said')",
     "Acme Corp said sales rose. Later the company said it was sad.",
     "Later the company", "Acme Corp"),
    ("'the firm' after a one-word body that spoke ('Crane said …. The firm added')",
     "\"We are sorry,\" Crane said in a statement. The firm added that it would pay.",
     "The firm added", "Crane"),
    ("'In a statement from X, the company denied': the body of the leading phrase, not one that spoke before",
     "Netcraft said sites fell. In a statement from Acme Europe announcing it, the company denied that this "
     "was its fault.", "In a statement", "Acme Europe"),
    ("'the company' with no body named before stays as written",
     "Sales fell in May. The company said it was sad.", "The company", "the company"),
    pytest.param("Internet portal Acme has made a screensaver. The net firm estimates that spammers could pay.",
                 "The net firm", "Acme",
                 marks=pytest.mark.xfail(strict=True, reason="a body that was only the subject of a sentence, and "
                                         "never spoke, is not what 'the net firm' resolves to"),
                 id="miss-body-description-to-a-subject-that-did-not-speak"),
]

# (rule, text, first words of the quote, expected speaker)
QUOTES = [
    ("'he' after a sentence opening with a nationality description goes on with the person it stands for",
     "Chelsea's Duda has spoken about the row.\n\nThe Brazilian said tempers had flared. \"I saw people "
     "pushing,\" he told the club website. However, Duda tried to play it down, adding: \"It was nothing.\"",
     "I saw people", "Duda"),
    ("'The Prime Minister told the BBC: \"…\"': the person with that title named before",
     "Prime Minister Tom Hale spoke in Leeds. The Prime Minister told the BBC: \"We will win.\"",
     "We will win", "Tom Hale"),
    ("a playing position before a name ('Leeds centre Tom Hale') marks a person that 'the youngster' stands for",
     "Coach Ann Reed spoke first. Meanwhile, Leeds centre Piet Hale is delighted. \"It is incredible,\" the "
     "youngster said.", "It is incredible", "Piet Hale"),
    ("a hyphenated first name of a known one ('Jean-Luc') marks a person",
     "Coach Ann Reed spoke first. Later Jean-Luc Hale went home. \"It is incredible,\" the youngster said.",
     "It is incredible", "Jean-Luc Hale"),
    ("'The company added it was \"…\"': the body that spoke before, when it has no gender",
     "\"We are sad,\" Crane said in a statement. The company added it was \"committed to the case\".",
     "committed to", "Crane"),
]


def _sentence_end(text: str, start: int) -> int:
    end = text.find(". ", start)
    return len(text) if end < 0 else end + 1


@pytest.mark.parametrize(
    "text, first_words, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], row[3], id=row[0]) for row in REPORTED],
)
def test_reported(text, first_words, expected):
    start = text.index(first_words)
    assert find_attribution(text, start, _sentence_end(text, start), resolve=True) == expected


@pytest.mark.parametrize(
    "text, first_words, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], row[3], id=row[0]) for row in QUOTES],
)
def test_quote(text, first_words, expected):
    quote = next(q for q in find_quotes(text) if q.text.startswith(first_words))
    assert quote.speaker == expected
