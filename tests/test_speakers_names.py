"""Names and descriptions of speakers around quotations (claims.quotes, claims.people).

Each row is an invented passage that states one general rule of English news attribution; rows
marked xfail are known misses."""

from __future__ import annotations

import pytest

from claims.people import description_gender
from claims.speaker_gender import name_gender
from claims.quotes import find_quotes

# (rule, text, [(quote, speaker), ...])
QUOTES = [
    ("first names sport news carries (Andre, Jurgen) make a name a person, whom 'he' goes on with",
     'Top seed Andre Hale suffered a defeat by Jurgen Cole in the final.\n\nCole has now beaten Hale twice.\n\n'
     '"I had a good plan," he said.',
     [("I had a good plan", "Cole")]),
    ("'The 55-year-old Frenchman told …': an age and a nationality noun describe a man named before",
     'Arsene Hale has agreed a contract.\n\nThe 55-year-old Frenchman told the BBC: "My intention is clear."',
     [("My intention is clear", "Arsene Hale")]),
    ("'said BA director of commercial planning, Tom Hale': the name after the role's own 'of' phrase",
     '"The decision is a difficult one," said BA director of commercial planning, Tom Hale. "But it is right."',
     [("The decision is a difficult one", "Tom Hale"), ("But it is right", "Tom Hale")]),
    ("a lone surname before ', who' is a person ('Hale, who lost out on the award'), whom 'he' goes on with",
     'Smith won the best actor Bafta. Hale, who lost out on the award, will face him again.\n\n"It is the first '
     'time I have come," he told reporters.',
     [("It is the first time I have come", "Hale")]),
    ("a playing position before a name is a title, not part of it ('Keeper Tony Hale'): the person 'he' goes on "
     "with",
     '"We want the boss to stay," said Jim Reed. "Hopefully he gets the chance." Keeper Tony Hale echoed Reed\'s '
     'sentiments. "I think all the boys are behind him," he added.',
     [("We want the boss to stay", "Jim Reed"), ("Hopefully he gets the chance", "Jim Reed"),
      ("I think all the boys are behind him", "Tony Hale")]),
    ("'explains X of Y's partner Z' after a quote: the person before 'of', not no one",
     'Ann Reed spoke first. "A map is a working document," explains Tom Hale of Acme\'s Belgian partner Keyobs. '
     '"You need to use it."',
     [("A map is a working document", "Tom Hale"), ("You need to use it", "Tom Hale")]),
    ("a plural nationality before a name is no part of it ('Americans Andy Hale'), so the surname alone is "
     "the person whom 'he' goes on with",
     'Top-seeded Americans Andy Hale and Ann Reed survived. Seventh seed Piet Cole won.\n\nHale broke a racket and '
     'was unimpressed. "I am not playing well," he said.',
     [("I am not playing well", "Hale")]),
    ("a nationality noun before a name is no part of it ('fellow Spaniard Guillermo Garcia-Hale')",
     'Moya lost to fellow Spaniard Guillermo Garcia-Hale on Monday. Garcia-Hale was delighted. "It was the best '
     'win of my life," he said.',
     [("It was the best win of my life", "Garcia-Hale")]),
    ("the person named after a country's possessive",
     'Britain\'s Tom Hale won the race in Leeds. "It was hard," said the world champion.',
     [("It was hard", "Tom Hale")]),
    ("a team's possessive before a name",
     'Arsenal\'s Ann Reed scored twice. "We were lucky," said the 24-year-old.',
     [("We were lucky", "Ann Reed")]),
    ("'the Wales international' describes a player",
     'Tom Hale scored twice. "We played well," said the Wales international.',
     [("We played well", "Tom Hale")]),
    ("a description after the name left open after a quote",
     '"It will change," Tom Hale, the agency\'s forecaster told the BBC.',
     [("It will change", "Tom Hale")]),
    ("'with X saying' before a quote",
     'Berlin welcomed the ruling, with minister Tom Hale saying it was "on the right track".',
     [("on the right track", "Tom Hale")]),
    ("a characterising verb in the passive with no agent credits no one",
     'Tom Hale runs the lab. The new chip has been described as "a small miracle" by some.',
     [("a small miracle", None)]),
    ("'is often called' is a passive too",
     'Ann Reed sells bikes. The town is often called "the cycling capital" of Wales.',
     [("the cycling capital", None)]),
    ("a person after a body's possessive, after an inverted verb",
     '"It was dull," says Film Weekly\'s Ann Reed.',
     [("It was dull", "Ann Reed")]),
    ("a person after a plural possessive ('Networks'')",
     '"We are proud of the deal," said Acme Networks\' Ann Reed.',
     [("We are proud of the deal", "Ann Reed")]),
    pytest.param('"Pay is too low," said the Musicians\' Union.', [("Pay is too low", "the Musicians' Union")],
                 marks=pytest.mark.xfail(strict=True, reason="a plural possessive inside a body's name cuts the "
                                         "name at the apostrophe"),
                 id="miss-plural-possessive-inside-a-name"),
    ("'she' is the woman named before, by a first name of the broader list",
     'Tom Hale lost to Imogen Reed in the final. "I played well," she said.',
     [("I played well", "Imogen Reed")]),
    ("'she' skips the man named last for a woman named first",
     'Serena Reed beat Tom Hale. "I was lucky," she said.',
     [("I was lucky", "Serena Reed")]),
    ("a person's name before 'of' and their body",
     '"It was dull," said Tom Hale of Film Weekly.',
     [("It was dull", "Tom Hale")]),
    ("'of' inside a body's name stays",
     '"Rates will rise," said the Bank of Leeds.',
     [("Rates will rise", "the Bank of Leeds")]),
    ("a subordinate clause before the subject: 'he' is the subject, not a name in the clause",
     'Although the deal suits Tom Reed and the club, Ann Hale\'s deputy Bill Hale said money mattered. '
     '"We want the player," he said.',
     [("We want the player", "Bill Hale")]),
    ("'he added' goes on with an unnamed speaker when no one is named between",
     '"Tom Hale will be at the match," said a club official. "Then he will meet the coach," he added.',
     [("Tom Hale will be at the match", "a club official"), ("Then he will meet the coach", "a club official")]),
    ("'he added' after an unnamed speaker that opens its sentence",
     'Tom Hale was angry. A club spokesman said: "We know." "We will do our best," he added.',
     [("We know", "a club spokesman"), ("We will do our best", "a club spokesman")]),
    ("'she added' after a spokeswoman",
     '"We will appeal," said a spokeswoman for Acme. "It is unfair," she added.',
     [("We will appeal", "a spokeswoman"), ("It is unfair", "a spokeswoman")]),
    ("'he' is a person named between, not the unnamed speaker before",
     '"We will appeal," said a club official. Tom Hale, the coach, was calmer. "It is fine," he said.',
     [("We will appeal", "a club official"), ("It is fine", "Tom Hale")]),
    ("'he' does not go on with a spokeswoman",
     'Tom Hale trained on Monday. "He is fit," said a spokeswoman for the club. "I will play," he added.',
     [("He is fit", "a spokeswoman"), ("I will play", "Tom Hale")]),
    pytest.param('The coach was angry that the referee disallowed two "tries" in the match.', [("tries", None)],
                 marks=pytest.mark.xfail(strict=True, reason="a scare quote on a noun in a narrative sentence is "
                                         "credited to the sentence's subject"),
                 id="miss-scare-quote-on-a-noun"),
    ("an age and a nationality before a colon quote describe a person; 'Speaking to X,' is no apposition",
     'Ann Reed will play in May. "It is a test," she said. Speaking to Le Monde, the 24-year-old '
     'American added: "I feel fine."', [("It is a test", "Ann Reed"), ("I feel fine", "Ann Reed")]),
    ("a full name after a position word, its first name listed ('Pierre')",
     '"We will win," said coach Tom Hale. Meanwhile, Leeds centre Pierre Dulac is delighted to be picked. '
     '"It is incredible," the youngster said.',
     [("We will win", "Tom Hale"), ("It is incredible", "Pierre Dulac")]),
    ("a position word ('centre') before a full name with an unlisted first name marks a person",
     '"We will win," said coach Tom Hale. Meanwhile, Leeds centre Yannick Dulac is delighted to be picked. '
     '"It is incredible," the youngster said.',
     [("We will win", "Tom Hale"), ("It is incredible", "Yannick Dulac")]),
    ("a passive characterisation with 'by X' credits X",
     'The show was described by critic Ann Reed as "a triumph".',
     [("a triumph", "Ann Reed")]),
    ("a quote left open at its paragraph's end ends with its first sentence: the narration after it is no quote",
     "Tom Hale won the final. Hale confirmed afterwards: \"I am giving my prize money to the victims. His gift "
     "follows pledges by four other players.\n\nAndy Reed said he would too.",
     [("I am giving my prize money to the victims", "Hale")]),
    ("… so too at the article's end",
     "Tom Hale won the final.\n\nAcme boss Andy Reed said: \"I had a message from him saying he wants to come back.",
     [("I had a message from him saying he wants to come back", "Andy Reed")]),
    ("a paragraph whose subject the text lost ('was delighted …'): 'he' is that lost name, not the club named before",
     "Bolton host Arsenal in the cup.\n\nwas delighted to be drawn at home, although he admitted they have work to "
     "do. \"We've got our work cut out,\" he said.",
     [("We've got our work cut out", None)]),
    ("… but a paragraph that opens with a lowercase preposition still has its subject",
     "Tom Hale scored twice.\n\nin the final minute he was sent off. \"It was harsh,\" he said.",
     [("It was harsh", "Tom Hale")]),
    ("an age opening the sentence is no part of the name after it: 'he' is the boy named with it",
     "Fifteen-year-old Tom Hale's first match proved brief as he lost in round one. \"It was fun,\" he said.",
     [("It was fun", "Tom Hale")]),
    pytest.param("Fifteen-year-old Tom Hale's first match proved brief as the teenager lost to Andy Reed in round "
                 "one.\n\nBut he was happy with his debut. \"It was fun,\" he said.", [("It was fun", "Tom Hale")],
                 marks=pytest.mark.xfail(strict=True, reason="'he' goes to the nearest man, even one who is only the "
                                         "object of the sentence before"),
                 id="miss-he-is-the-subject-not-the-nearer-object"),
]


@pytest.mark.parametrize("first, gender", [
    ("robby", "m"), ("johnny", "m"), ("benny", "m"), ("sammy", "m"),  # a pet form: doubled consonant and -y
    ("victory", None), ("jackie", None), ("belly", None), ("ed", None),  # no pet form of a listed name
])
def test_first_name_gender(first, gender):
    assert name_gender(first) == gender


@pytest.mark.parametrize(
    "text, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], id=row[0]) for row in QUOTES],
)
def test_quote_speakers(text, expected):
    quotes = find_quotes(text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    assert [(q.text, q.speaker) for q in quotes] == expected


@pytest.mark.parametrize("phrase, gender", [
    ("the England international", None), ("our correspondent", None), ("the reporter", None),
    ("our economy", False), ("the 55-year-old Frenchman", "m"), ("the Frenchman", "m"), ("the 30-year-old Dane", None),
    # an agent noun with an age is a person; without the age, or naming a thing, it is not
    ("the 41-year-old chart-topper", None), ("the 35-year-old sculptor", None), ("the 29-year-old novelist", None),
    ("the chart-topper", False), ("the 40-year-old tower", False), ("the 30-year-old firm", False),
    # someone who was something; a DJ and a peer are people, initials of a body are not
    ("the ex-Wallaby", None), ("the ex-minister", None), ("the DJ", None), ("the peer", None), ("the EU", False),
], ids=lambda v: v if isinstance(v, str) else None)
def test_person_descriptions(phrase, gender):
    assert description_gender(phrase) is gender
