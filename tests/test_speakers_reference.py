"""What "it", "he" and "she" stand for when they say something (claims.people via claims.speakers).

Each row is an invented text and the sentence in it (its first words) whose speaker is resolved; each
states one general rule of English news reference; rows marked xfail are known misses."""

from __future__ import annotations

import pytest

from claims.quotes import find_attribution

# (rule, text, the sentence's first words, expected speaker)
REFERENCE = [
    ("'It' opening a sentence is the body that is the subject of the sentence before",
     "Prices rose. But a new report from Acme Research paints a bleak picture. It said that 40% of homes were cold.",
     "It said", "a new report"),
    ("'It' is the named body that opens the sentence before",
     "Acme has promised to ship a million units, but there are fears demand may not be met. It also said it expected more.",
     "It also", "Acme"),
    ("'It' after a sentence opening 'According to X' is X",
     "According to research firm Acme, sales have doubled. It now estimates that 40% of homes own one.",
     "It now", "Acme"),
    ("'It' is no plural subject of the sentence before: the body that last spoke",
     "The company said profits rose. Its shares fell 5% on Monday. It said the fall was temporary.",
     "It said the", "the company"),
    ("'It' is no name in the possessive before a role",
     "The station said it was pleased. Acme' chief Tom Hale resigned in May. It said he would be missed.",
     "It said he", "the station"),
    ("a share of people is many: 'it' is the body that spoke before it",
     "The agency said costs were high. Some 40% of drivers said fuel was too dear. It warned prices would rise.",
     "It warned", "the agency"),
    ("'…, he says' is no one named in the words it reports",
     "Tom Reed has run the shop since 1990. Its success owes much to his partner Bill Hale, he says.",
     "Its success", "Tom Reed"),
    ("'They' opening a sentence is a plural subject of the sentence before, with its 'including' list",
     "Big banks including Acme, Bell and Crane have cut jobs. They have also warned more cuts are coming.",
     "They have", "Big banks including Acme, Bell and Crane"),
    ("'They' is a collective noun before a relative clause, across a paragraph break",
     "The pair, who met in 1999, sued the paper.\n\nThey said the photos were private.",
     "They said", "the pair"),
    ("'They all': a quantifier floated after the pronoun",
     "Some fans even wept. They all said the club had let them down.",
     "They all", "some fans"),
    ("'They' is no subject without a verb right after it: the plural speaker before",
     "Prices will rise, experts say. Acme cut jobs. They said it was sad.",
     "They said", "experts"),
    pytest.param("Tom Reed has studied the firm. Crucial to its rise was the hiring of Bill Hale, thinks Mr Reed. "
                 "His skill has proved vital, he says.", "His skill", "Tom Reed",
                 marks=pytest.mark.xfail(strict=True, reason="an inverted verb of belief ('thinks Mr Reed') does not "
                                         "make its subject the person 'he' goes on with"),
                 id="miss-he-after-an-inverted-belief-verb"),
    ("'…, he said' after a sentence whose subject did not speak: the one who spoke in it",
     "Acme is closing its office in Leeds, Tom Hale said, with staff to leave in May. "
     "The office, which opened in Leeds in 1990, will be sold, he said.",
     "The office", "Tom Hale"),
    ("'he says' opening its sentence may be the name just before",
     "Tom Reed has run the shop since 1990. His partner Bill Hale joined in May. He says sales have doubled.",
     "He says", "Bill Hale"),
    ("a common first name missing before ('Matt') now marks a person the description stands for",
     "The referee has defended the officials after criticism by Matt Rowe.\n\nThe Scotland coach said his side "
     "were robbed.", "The Scotland coach", "Matt Rowe"),
    pytest.param("The referee has defended the officials after criticism by Mitt Rowe.\n\nThe Scotland coach said "
                 "his side were robbed.", "The Scotland coach", "Mitt Rowe",
                 marks=pytest.mark.xfail(strict=True, reason="a two-word name with an unknown first name, at the end "
                                         "of a sentence after 'by', is not taken for a person"),
                 id="miss-unknown-first-name-after-by"),
    ("'the England skipper': a captain described by the team is the person named before",
     "Real won 3-0 with a goal from David Reed.\n\nAfter the game, the England skipper said the club had to win "
     "a trophy.", "After the game", "David Reed"),
    ("'the gold medallist' is a person too",
     "Ann Reed won the 400m in May. The Olympic gold medallist said she would run again.",
     "The Olympic gold medallist", "Ann Reed"),
]


@pytest.mark.parametrize(
    "text, first_words, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], row[3], id=row[0]) for row in REFERENCE],
)
def test_reference(text, first_words, expected):
    start = text.index(first_words)
    end = text.find(". ", start)
    assert find_attribution(text, start, len(text) if end < 0 else end + 1, resolve=True) == expected
