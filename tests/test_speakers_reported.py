"""Reported speech in news style: who a sentence's words are credited to (claims.speakers).

Each row is an invented sentence that states one general rule of English news attribution; rows
marked xfail are known misses."""

from __future__ import annotations

import pytest

from claims.quotes import find_attribution

# (rule, text, find_attribution keyword arguments, expected speaker)
REPORTED = [
    ("an adverb of time between subject and verb",
     "Tom Hale now says the plant will close.", {}, "Tom Hale"),
    ("'still' between subject and verb",
     "The firm still insists the figures are right.", {}, "the firm"),
    ("a place after a name is not the speaker",
     "The BBC's Ann Reed in Rome says the mood is grim.", {}, "Ann Reed"),
    ("a place after a plural role noun",
     "Police in Leeds said the man was 40.", {}, "Police"),
    ("a participle before 'in' is no subject",
     "Speaking in Leeds Mr Hale said the plan would work.", {}, "Hale"),
    ("inverted verb after a relative clause: the speaker after the verb",
     "Sales have doubled, which has pleased investors, says the BBC's Ann Reed in Paris.", {}, "Ann Reed"),
    ("inverted verb after a relative clause, a description as speaker",
     "Exports rose by 5%, which surprised many, said a spokesman for the ministry.", {},
     "a spokesman"),
    ("a verb after a relative clause with its own object is not inverted",
     "Tom Hale, who runs the firm, said prices would rise.", {}, "Tom Hale"),
    ("the name after a body's possessive",
     "Prices will fall, says the agency's economist Ann Reed.", {}, "Ann Reed"),
    ("a body's possessive role with no name stays a description",
     "Prices will fall, says the agency's chief economist.", {}, "the agency's chief economist"),
    ("'our correspondent' is the paper's reporter named before",
     "Growth is strong, says the BBC's Ann Reed in Delhi. But it may not last, our correspondent says.",
     {"start": 53, "resolve": True}, "Ann Reed"),
    ("'with X saying': the participle's own subject",
     "Berlin welcomed the ruling, with finance minister Tom Hale saying it was fair.", {}, "Tom Hale"),
    ("'with X telling': the participle's own subject",
     "Paris was more subdued, with minister Ann Reed telling parliament cuts would go on.", {}, "Ann Reed"),
    ("a participle without 'with' is the sentence subject's",
     "Acme shut the site, telling users it had been hacked.", {}, "Acme"),
    ("an affiliation appositive left open before the verb",
     "Dr Ann Reed, of the Centre for Transport at the University of Leeds in York said cars were safer.", {},
     "Ann Reed"),
    ("a description left open after a name that opens the sentence",
     "Tom Hale, the firm's chief economist said prices would rise.", {}, "Tom Hale"),
    ("a leading phrase before a comma is no name",
     "In Paris, the minister said prices would rise.", {}, "the minister"),
    ("a person who 'revealed that' speaks",
     "Hale revealed that he had been approached in May.", {}, "Hale"),
    ("a study that 'revealed that' is a finding, not speech",
     "The survey revealed that most people shop online.", {}, None),
    ("'recognised' ending its sentence after a comma",
     "But it might not suit everyone, the panel recognised.", {}, "the panel"),
    ("'recognised' with an object is no speech",
     "The firm recognised the need to act.", {}, None),
    ("figures without a determiner as the subject",
     "Latest figures suggest it has sold more than 600 copies.", {}, "Latest figures"),
    ("'according to those present'",
     "According to those present, the minister did not follow the debate.", {}, "those present"),
    ("'those' opening a plural description",
     "Those close to him said he was tired.", {}, "Those close to him"),
    ("two roles joined by 'and' before one name",
     "A new law could hurt coders, warns former programmer and technology analyst Tom Hale.", {}, "Tom Hale"),
    ("two plural speakers joined by 'and' stop at the first",
     "Sales fell, said analysts and traders.", {}, "analysts"),
    ("a share of people as the speaker",
     "Overall, 61% of voters said the tax was unfair.", {}, "61% of voters"),
    ("a share of people with a place after it",
     "On average, 52% of shoppers in each city said prices had risen.", {}, "52% of shoppers"),
    ("a share with 'who' after it",
     "Most were unhappy, compared with 28% who said they were content.", {"start": 18}, "28%"),
    ("a share spelt in words",
     "Forty two percent of parents said the school was too far away.", {}, "Forty two percent of parents"),
    ("a fraction of a counted group, commas inside the number",
     "More than half of 3,000 drivers questioned said they used a phone.", {}, "More than half of 3,000 drivers questioned"),
    ("a fraction with its figure in brackets",
     "Almost a third (31%) of the staff said they would leave.", {}, "Almost a third (31%) of the staff"),
    ("a share inside a clause is no speaker: 'rose by 5%' is the verb's object",
     "Sales rose by 5% said the firm, but not everyone agrees.", {}, None),
    ("'however' between commas after the subject",
     "Tom Hale, however, insisted the deal was fair.", {}, "Tom Hale"),
    ("'for its part' between commas after the subject",
     "The union, for its part, said the talks had failed.", {}, "the union"),
    ("'That is according to X' credits the sentence before it",
     "Cars will drive themselves within ten years. That is according to an expert panel which met in Leeds.",
     {"end": 44}, "an expert panel"),
    ("'This is according to X' too",
     "Rents rose by a third. This is according to the Acme Property Group.", {"end": 22}, "the Acme Property Group"),
]


@pytest.mark.parametrize(
    "text, kwargs, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], row[3], id=row[0]) for row in REPORTED],
)
def test_reported_speech(text, kwargs, expected):
    assert find_attribution(text, **kwargs) == expected
