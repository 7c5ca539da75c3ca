"""Quote and attribution extraction: tables of real cases, the seed's gold quotes, no-crash properties."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.people import description_gender
from claims.quotes import find_attribution, find_quotes

SEED = Path(__file__).parents[1] / "seeds" / "nato-russia-2021-10.txt"
GOLD = Path(__file__).parents[2] / "shared" / "eval" / "gold" / "nato-russia-2021-10.json"


def _read_seed() -> str:
    return SEED.read_bytes().decode("utf-8")


def _covers(quotes, text, start, end, speaker) -> bool:
    """Is the gold span inside a reported quote that starts where it starts, with its speaker?"""
    return any(q.start == start and q.end >= end and q.speaker == speaker for q in quotes)


# --------------------------------------------------------------------------------------------
# The seed article: gold quotes, embedded so that they run without ../shared.
# (text, start, end, speaker)
# --------------------------------------------------------------------------------------------

SEED_GOLD = [
    ("NATO is not interested in any equal dialogue or any joint work", 481, 543, "Lavrov"),
    ("on the front line of Russian aggression", 1092, 1131, "a senior U.S. defense official"),
    ("NATO leaders spoke of the importance of de-escalating relations with Russia", 1317, 1392, "Alexander Grushko"),
    ("taken into account", 1781, 1799, "Oana Lungescu"),
    ("NATO actions", 113, 125, "Lavrov"),
]


@pytest.mark.parametrize("row", SEED_GOLD, ids=[f"seed-{r[0][:30]}@{r[1]}" for r in SEED_GOLD])
def test_seed_gold_quotes(row):
    text = _read_seed()
    quote_text, start, end, speaker = row
    assert text[start:end] == quote_text
    assert _covers(find_quotes(text), text, start, end, speaker)


def test_seed_against_gold_file():
    if not GOLD.exists():
        pytest.skip("the shared gold folder is absent")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = _read_seed()
    quotes = find_quotes(text)
    missing = [g for g in gold["quotes"] if not _covers(quotes, text, g["start"], g["end"], g["speaker"])]
    assert missing == []


def test_seed_quotes_round_trip_in_order():
    text = _read_seed()
    quotes = find_quotes(text)
    assert quotes == sorted(quotes, key=lambda q: q.start)
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert not q.text.endswith((",", ".", " "))


SEED_EXTRA = [
    # The sentence after "…,” Lavrov said." goes on with his words.
    ("If so, then we do not see much need", "Lavrov"),
    ("become more efficient and effective", "DOD"),
    ("to reassure allies and partners", "the US Department of Defense"),
]


@pytest.mark.parametrize("row", SEED_EXTRA, ids=[r[0][:25] for r in SEED_EXTRA])
def test_seed_other_quotes(row):
    text = _read_seed()
    prefix, speaker = row
    matches = [q for q in find_quotes(text) if q.text.startswith(prefix)]
    assert [q.speaker for q in matches] == [speaker]


# --------------------------------------------------------------------------------------------
# Tables: (text, [(quote text, speaker), ...]); the whole list must match.
# --------------------------------------------------------------------------------------------

QUOTES = [
    ("curly, name after",
     "“NATO is not interested in any equal dialogue,” Lavrov said.",
     [("NATO is not interested in any equal dialogue", "Lavrov")]),
    ("straight, name after",
     '"We will respond," Lavrov said.',
     [("We will respond", "Lavrov")]),
    ("verb before titled name",
     "“We sent an ambassador,” said Russian Deputy Foreign Minister Alexander Grushko earlier this month.",
     [("We sent an ambassador", "Alexander Grushko")]),
    ("title dropped before the verb",
     "On Monday, NATO spokeswoman Oana Lungescu said the alliance had “taken into account” the comments.",
     [("taken into account", "Oana Lungescu")]),
    ("descriptive speaker",
     "neighbors, who a senior U.S. defense official said this weekend were “on the front line of Russian aggression.”",
     [("on the front line of Russian aggression", "a senior U.S. defense official")]),
    ("scare quote inside reported speech",
     "Lavrov said the Kremlin move – which could take effect as early as November 1 – was the result of “NATO actions”.",
     [("NATO actions", "Lavrov")]),
    ("according to after the quote",
     "They were “undeclared Russian intelligence officers,” according to a NATO official.",
     [("undeclared Russian intelligence officers", "a NATO official")]),
    ("pronoun resolves to the last person",
     "Lloyd Austin met the prime minister in Tbilisi. “We stand with Georgia,” he said.",
     [("We stand with Georgia", "Lloyd Austin")]),
    ("she said after a titled name",
     "Foreign Ministry spokeswoman Maria Zakharova spoke on Monday. “This is a provocation,” she said.",
     [("This is a provocation", "Maria Zakharova")]),
    ("colon introduction",
     "US Secretary of Defense Lloyd Austin told reporters: “Russia is not a bystander.”",
     [("Russia is not a bystander", "Lloyd Austin")]),
    ("continuation after a sentence break",
     "“It is over,” Lavrov said. “If so, we see no need to go on.”",
     [("It is over", "Lavrov"), ("If so, we see no need to go on", "Lavrov")]),
    ("quote spanning a sentence break",
     "“It is over. There is none left,” Lavrov said.",
     [("It is over. There is none left", "Lavrov")]),
    ("nested single quotes",
     "“He called it a ‘hostile act’, nothing less,” Grushko said.",
     [("He called it a ‘hostile act’, nothing less", "Grushko")]),
    ("multi-paragraph quote",
     "“The first part of it is here.\n\n“And the second part is here,” Lavrov said.",
     [("The first part of it is here", "Lavrov"), ("And the second part is here", "Lavrov")]),
    ("organisation in a statement",
     "to help Georgia “become more efficient” DOD said in a statement.",
     [("become more efficient", "DOD")]),
    ("the Kremlin",
     "“No comment,” the Kremlin said.",
     [("No comment", "the Kremlin")]),
    ("adverb between speaker and verb",
     "Lavrov later told reporters that NATO had made “a grave mistake”.",
     [("a grave mistake", "Lavrov")]),
    ("appositive after the name",
     "Sergei Lavrov, Russia’s foreign minister, said it was “the result of NATO actions”.",
     [("the result of NATO actions", "Sergei Lavrov")]),
    ("name as the appositive",
     "A spokesman for the Kremlin, Dmitry Peskov, said: “We regret this decision.”",
     [("We regret this decision", "Dmitry Peskov")]),
    ("sentence-initial determiner lowercased",
     "The ministry said in a statement that it had “no choice”.",
     [("no choice", "the ministry")]),
    ("pronoun after a name with an appositive title",
     "Dmitry Peskov, the Kremlin spokesman, spoke on Monday. “No,” he said.",
     [("No", "Dmitry Peskov")]),
    ("pronoun with no person named",
     "Russia, the biggest country, is here. “No,” he said.",
     [("No", None)]),
    ("quote interrupted by the attribution",
     "“NATO,” Lavrov said, “is obsolete.”",
     [("NATO", "Lavrov"), ("is obsolete", "Lavrov")]),
    ("speaker after a name and title",
     '"We are not going to back down," President Joe Biden told reporters on Tuesday.',
     [("We are not going to back down", "Joe Biden")]),
    ("verb then name then appositive",
     "“This is unacceptable,” said Maria Zakharova, a spokeswoman for the Russian Foreign Ministry.",
     [("This is unacceptable", "Maria Zakharova")]),
    ("second scare quote after adding",
     'Trump said the deal was "the worst ever," adding that "nobody" liked it.',
     [("the worst ever", "Trump"), ("nobody", "Trump")]),
    ("possessive as determiner",
     "Russia’s foreign minister said NATO had shown “no interest”.",
     [("no interest", "Russia’s foreign minister")]),
    ("possessive inside a descriptive speaker",
     "“We are ready,” said the alliance’s top commander.",
     [("We are ready", "the alliance’s top commander")]),
    ("straight quote right after a colon",
     'Lavrov said:"We are ready."',
     [("We are ready", "Lavrov")]),
    ("pronoun skips places after a preposition",
     ("Its secretary-general, Jens Stoltenberg, said last week that “the door remains open.” He noted that "
     "the 2014 annexation of Crimea had changed everything.\n\n“We regret the decision,” he said in Brussels."),
     [("the door remains open", "Jens Stoltenberg"), ("We regret the decision", "Jens Stoltenberg")]),
    ("no speaker",
     "NATO suspended “all practical civilian and military cooperation” with Russia.",
     [("all practical civilian and military cooperation", None)]),
    ("question kept",
     "“Why now?” Lavrov asked.",
     [("Why now?", "Lavrov")]),
]

# News style (issue 12): each row is one rule of how news attributes words, with its own example.
NEWS_STYLE = [
    ("role before a name with a particle",
     'Aviation analyst Nick Van den Brul, of BNP Paribas, described the rise as "pretty modest".',
     [("pretty modest", "Nick Van den Brul")]),
    ("title then the name as an appositive",
     'The Shadow Secretary of State for the Family, Theresa May, said: "We will act."',
     [("We will act", "Theresa May")]),
    ("appositive with a determiner",
     "Jeffrey Richards, the show's co-producer, said Connick was \"a bona fide star\".",
     [("a bona fide star", "Jeffrey Richards")]),
    ("appositive with an article and a role",
     'Georgeta Minciu, a Romanian part-time cleaner, said: "It is not possible on my wages."',
     [("It is not possible on my wages", "Georgeta Minciu")]),
    ("relative clause between commas",
     'Serena Williams, who is also in Dubai, added: "I am for equal prize money."',
     [("I am for equal prize money", "Serena Williams")]),
    ("told names the listener, not the speaker",
     '"I am aiming to be fit," Tindall told Rugby Special.',
     [("I am aiming to be fit", "Tindall")]),
    ("told a programme, pronoun before",
     "Mike Tindall was injured in December. \"I will be fit,\" he told BBC Radio 4's Today programme.",
     [("I will be fit", "Mike Tindall")]),
    ("paragraph opening with a mark continues the quote",
     'Mr Smith said: "The first part is here.\n\n"And the second part is here."',
     [("The first part is here", "Smith"), ("And the second part is here", "Smith")]),
    ("paragraph opening with a new quote goes on with the speaker",
     '"It went well," said Mr Smith.\n\n"We will be back next year."',
     [("It went well", "Smith"), ("We will be back next year", "Smith")]),
    ("quote left open at a sentence end goes on",
     '"It was so close. "For me, it was out," Rochus said.',
     [("It was so close", "Rochus"), ("For me, it was out", "Rochus")]),
    ("two apostrophes as a quotation mark",
     "''We will win the title,'' said Jimmy McGeough.",
     [("We will win the title", "Jimmy McGeough")]),
    ("she: the woman, not the nearer man",
     'Mrs Brown met Mr Jones on Monday. "No," she said.',
     [("No", "Brown")]),
    ("he: the man, not the nearer woman",
     'Mr Jones met Mrs Brown on Monday. "No," he said.',
     [("No", "Jones")]),
    ("she: gender from a first name",
     'Kelly Holmes thanked her coach, Tom Smith. "I owe him everything," she said.',
     [("I owe him everything", "Kelly Holmes")]),
    ("she: gender from a noun before the name",
     'His wife Sharon called the police. Detective Paul Miller arrived. "It was a shock," she said.',
     [("It was a shock", "Sharon")]),
    ("she: gender learned from an earlier she",
     ('Dr Lee spoke at the launch. "It works," she said. Mr Hill, a critic, spoke later. '
     '"It is better than I thought," she said.'),
     [("It works", "Lee"), ("It is better than I thought", "Lee")]),
    ("he: the subject of the sentence before, not a later name",
     "Barca boss Frank Rijkaard was critical of Jose Mourinho's decision. \"It is not good,\" he said.",
     [("It is not good", "Frank Rijkaard")]),
    ("a person description resolves to the person before",
     'Paula Radcliffe wants tougher bans. "Doping is a crime," the 30-year-old told the Sunday Times.',
     [("Doping is a crime", "Paula Radcliffe")]),
    ("a description skips names in its own sentence",
     ('Lindsay Davenport is angry. Reacting to a comment by chairman Tim Phillips, the American said: '
     '"It is insulting."'),
     [("It is insulting", "Lindsay Davenport")]),
    ("it: the body that last spoke",
     'In a statement, the company denied it. "There is nothing to suggest that," it said.',
     [("There is nothing to suggest that", "the company")]),
    ("a quote inside a sentence: the person who opens it",
     'Actor Jamie Foxx dedicated a song to "old friends".',
     [("old friends", "Jamie Foxx")]),
    ("a quote inside a sentence after but: no speaker",
     'Clijsters was due to marry Hewitt but the pair split "for private reasons".',
     [("for private reasons", None)]),
    ("a name in quotation marks is no speech",
     'Mr Blair gave his views during the magazine\'s "High Heeled Vote" campaign.',
     [("High Heeled Vote", None)]),
    ("second quote of a sentence keeps the first's speaker",
     'Stewart said he was "astounded" he had never won - but "they tend not to give it to the British".',
     [("astounded", "Stewart"), ("they tend not to give it to the British", "Stewart")]),
    ("a quote after reported speech goes on with its speaker",
     'Sharon Osbourne spoke on Tuesday. She said she wished she had worn them.\n\n"I always take them off."',
     [("I always take them off", "Sharon Osbourne")]),
    ("a bare first quote: the person opening the sentence before",
     'Partridge worked with Bob Marley for years, says Rob Partridge.\n\n: "I joined Island Records in 1977."',
     [("I joined Island Records in 1977", "Rob Partridge")]),
    ("participle after a relative clause, in a quote",
     'Beattie, who seemed unrepentant after the match, insisting Gallas "would have stayed down longer".',
     [("would have stayed down longer", "Beattie")]),
    ("a resolved description then he: the person, not a later name",
     ('Everton manager David Moyes spoke. The Scot initially defended Beattie, saying Gallas overreacted. '
     'But he has had a rethink. He said: "I should set the record straight."'),
     [("I should set the record straight", "David Moyes")]),
    ("a surname known from an attribution",
     ('Mauresmo spent five weeks at number one.\n\n"I feel very confident on court." Later, "It was an obsession," '
     'said Mauresmo.'),
     [("I feel very confident on court", "Mauresmo"), ("It was an obsession", "Mauresmo")]),
    ("a media outlet is a body for it",
     'Q Magazine said: "It captured the mood." It also said the album sounded "natural, unforced".',
     [("It captured the mood", "Q Magazine"), ("natural, unforced", "Q Magazine")]),
    # Batch 3 of the speaker annotations (issue 12): rules found on its errors, invented examples.
    ("a name then a comma and a place is no role and a name",
     '"Spam must stop," said Greg Abbott, Texas attorney general announcing the case.',
     [("Spam must stop", "Greg Abbott")]),
    ("a sentence end splits a run of capitalised words",
     ('Gavin Henson is a legend. "It was out of range," said Thomas. Henson, calm as ever, took the kick. '
      '"I knew it," he said later.'),
     [("It was out of range", "Thomas"), ("I knew it", "Henson")]),
    ("a possessive ends a name",
     'Mike Friday\'s England side won in Dubai. "We wanted this," said Friday.',
     [("We wanted this", "Mike Friday")]),
    ("a role between a body and the name, inverted",
     '"We will appeal," said Newry boss Roy McCreadie.',
     [("We will appeal", "Roy McCreadie")]),
    ("a role of several words before the name, after the quote",
     '"It is the perfect way to sign off," Music Choice music and marketing manager Simon George said.',
     [("It is the perfect way to sign off", "Simon George")]),
    ("it is never a plural description",
     'The firm said sales rose. Most analysts said the rise would not last. "It is a good year," it said.',
     [("It is a good year", "the firm")]),
    ("she: gender from frontwoman",
     ('Band frontwoman Ana Matronic took the prize from singer Siouxsie Sioux. She told the audience: '
      '"You made our dream come true."'),
     [("You made our dream come true", "Ana Matronic")]),
    # Batch 4 of the speaker annotations (issue 12).
    ("underlined is a speech verb", '"We will grow," underlined Mr Fox.', [("We will grow", "Fox")]),
    ("a name, a role, then a body after the quote", ('"HD is a must," Dr Ann Lee games director at '
     'Acme firm ACX told the BBC. "Every game will be in HD."'),
     [("HD is a must", "Ann Lee"), ("Every game will be in HD", "Ann Lee")]),
    ("a description after the quote: through a sentence opening with one", (
     'Tom Reed spoke on radio. The Welshman believed he was talking to coach Bill Gray when he called them "poor". '
     '"I want to leave," the 21-year-old told the station.'),
     [("poor", "Tom Reed"), ("I want to leave", "Tom Reed")]),
    ("a characterisation verb: its subject", ('Critics mocked the star\'s wig and the accent, which the Herald '
     'called "a disaster".'), [("a disaster", "the Herald")]),
    ("a characterisation participle: the sentence's subject", ('After the match, Jim Parr issued a statement '
     'through the club describing the talk as "silly".'), [("silly", "Jim Parr")]),
    ("a but-clause with no subject of its own", 'Minister Ana Ruiz has offered help but not for "free".',
     [("free", "Ana Ruiz")]),
    ("a role noun after the comma makes a person", ('Mr Grey spoke first. Tal Ormond, European co-ordinator for a '
     'rights group, doubted the plan. "It will fail," he said.'), [("It will fail", "Tal Ormond")]),
    pytest.param(
        'The coach has been "reminded of his duties". But the league said: "No action will follow."',
        [("reminded of his duties", "the league"), ("No action will follow", "the league")],
        marks=pytest.mark.xfail(strict=True, reason="the words put to a passive subject are not credited to who speaks next"),
        id="miss-passive-subject-is-no-speaker"),
    ("a slogan before a noun is no one's words (a quoted modifier)",
     'Mr Hale ran the firm\'s "we love it" advertising campaign.', [("we love it", None)]),
    pytest.param(
        'In its overview, the ADB said growth would be slight. But the blow to the poor could be "enormous".',
        [("enormous", "ADB")],
        marks=pytest.mark.xfail(strict=True, reason="a quote in a later sentence does not continue reported speech"),
        id="miss-quote-continues-reported-speech"),
    # Batch 5 (issue 12): rules from the errors of a fresh batch, each with invented sentences.
    ("role set off by a comma before the name after the quote",
     '"We have hardly started," the new head of the Road Safety Council (RSC), Tom Hale, says.',
     [("We have hardly started", "Tom Hale")]),
    ("role with a plain description before the name after the quote",
     '"It is a start," the chief executive of the city\'s largest bank, Ann Reed, said.',
     [("It is a start", "Ann Reed")]),
    ("family word before the name after the quote",
     '"We could use the money," the late engineer\'s son Stephen, 57, said before the sale.',
     [("We could use the money", "Stephen")]),
    ("affiliation appositive after the name",
     'Asked why, Ann Reed, from the firm\'s research laboratory, said: "We aimed high." "We will do better."',
     [("We aimed high", "Ann Reed"), ("We will do better", "Ann Reed")]),
    ("quote in a reported clause closed by the attribution",
     'The party will campaign as "the only real choice" in the election, Tom Hale has said.',
     [("the only real choice", "Tom Hale")]),
    ("quote in a reported clause closed by the attribution and its listener",
     'Since 1997, incomes had "risen by 20%" if you took out the self-employed, Mr Hale told BBC Radio 4.',
     [("risen by 20%", "Hale")]),
    ("not when the attribution after the quote goes on with words of its own",
     'She called the plan "a disgrace" on Monday, and Tom Hale said that the vote would go ahead.',
     [("a disgrace", None)]),
    ("a long quote takes the speaker named after its last segment",
     ('Ann Reed won. "What a day," said Reed. Coach Tom Hale wants more work. "I think it will help." '
      '"Obviously it is hard. "But we can do it," said Hale.'),
     [("What a day", "Reed"), ("I think it will help", "Hale"), ("Obviously it is hard", "Hale"),
      ("But we can do it", "Hale")]),
    ("not when it opens right after the attribution of the quote before",
     ('"What a day," said Ann Reed, the winner. "However, it was hard. "I am tired." '
      '"Next year will be better," added Mr Hale.'),
     [("What a day", "Ann Reed"), ("However, it was hard", "Ann Reed"), ("I am tired", "Ann Reed"),
      ("Next year will be better", "Hale")]),
    ("quote in a clause closed by according to",
     'By 2010 there will be 3 million "home help" robots, compared to 100,000 now, according to the United Nations.',
     [("home help", "the United Nations")]),
    ("relative clause after a bracketed abbreviation",
     'The stance is backed by the Road Safety Council (RSC), who say drivers face "an uphill struggle" to comply.',
     [("an uphill struggle", "Road Safety Council")]),
    ("dismissed as: a characterisation",
     'The Treasury dismissed the research as "complete rubbish".',
     [("complete rubbish", "Treasury")]),
    pytest.param(
        '"We will fight on," added Mr Hale. A Home Office spokesman said: "We are aware." "We will act," he added.',
        [("We will fight on", "Hale"), ("We are aware", "A Home Office spokesman"), ("We will act", "A Home Office spokesman")],
        marks=pytest.mark.xfail(strict=True, reason="'he' resolves to named people only, not to a description that spoke"),
        id="miss-pronoun-to-a-description"),
    ("a sentence-opening title description ('The Home Secretary') is the person named before",
     'Jack Hale spoke on Monday. The Home Secretary told the BBC: "I was making an observation."',
     [("I was making an observation", "Jack Hale")]),
    pytest.param(
        ('Comedy duo Matt Lucas and David Walliams gave the prize to Robbie Williams, leading him to quip he was '
         '"always the talented one".'),
        [("always the talented one", "Robbie Williams")],
        marks=pytest.mark.xfail(strict=True, reason="the object who then speaks ('leading him to quip') is not read"),
        id="miss-object-then-speaks"),
    pytest.param(
        'Rock star Ozzy Osbourne has been praised by police for "very courageously" tackling a burglar.',
        [("very courageously", "police")],
        id="passive-agent"),  # a known miss until session 16 ('praised' now characterises)
    pytest.param(
        'His record company SonyBMG has big plans. It has called it "the most ambitious campaign".',
        [("the most ambitious campaign", "SonyBMG")],
        marks=pytest.mark.xfail(strict=True, reason="'it' is resolved only to a body that spoke before"),
        id="miss-it-to-a-named-company"),
    ("a phrase after the verb that runs into a quote is the subject of the quoted words, not the speaker",
     'Ann Reed, from the Acme Trust, said the new rules "went too far".', [("went too far", "Ann Reed")]),
    ("a name after the verb that ends its sentence before the quote is still the inverted speaker",
     'The rules went too far, said Ann Reed. "They must go."', [("They must go", "Ann Reed")]),
    ("'of' and a country after a known first name is where the person is from, not part of the name",
     'Tom Hale lost to Pierre Lemaire of France on Sunday. Next Lemaire meets Juan Carlos Ferrero, who beat '
     'Hale last year.\n\nLemaire is in form. "It was a great week," he said.',
     [("It was a great week", "Lemaire")]),
    ("'He added' after a person named only in a possessive: the speaker before (session 10)",
     'Acme coach Tom Hale said: "It was great." The side won with a late strike, capped by Bill Reed\'s volley. '
     'He added: "We were lucky."',
     [("It was great", "Tom Hale"), ("We were lucky", "Tom Hale")]),
    ("'said his wife, Sheila': the name in apposition to a kin noun after the verb",
     '"He had a wonderful life," said his wife, Sheila.', [("He had a wonderful life", "Sheila")]),
    ("'said the spokeswoman, Ann Reed': the name in apposition to a role",
     '"We will appeal," said the spokeswoman, Ann Reed.', [("We will appeal", "Ann Reed")]),
    ("a relative clause after the comma is no name: the description stays",
     '"It is over," said his wife, who was in tears.', [("It is over", "his wife")]),
    ("a name in apposition after 'his lawyer' (a role noun)",
     '"We will appeal," said his lawyer, Ann Reed, on Monday.', [("We will appeal", "Ann Reed")]),
    ("'what she called' after a nearer woman named before: the subject of the sentence (session 20)",
     'Jane Cole hosted the show. Ann Reed quit over what she called "bullying" by the producers.',
     [("bullying", "Ann Reed")]),
    pytest.param(
        'Jane Cole hosted the show. Acme declined to talk about what it calls "internal matters".',
        [("internal matters", "Acme")],
        marks=pytest.mark.xfail(strict=True, reason="a characterising verb after 'what it' finds no subject for the quote"),
        id="miss-what-it-calls-a-quote"),
]


@pytest.mark.parametrize(
    "text, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], id=row[0]) for row in NEWS_STYLE],
)
def test_news_style_attribution(text, expected):
    quotes = find_quotes(text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    assert [(q.text, q.speaker) for q in quotes] == expected


REPORTED = [
    ("and said: the subject of the sentence",
     "Nintendo has a 95% share of the market and said it expected to sell five million.", {}, "Nintendo"),
    ("participle: the subject of the sentence",
     "Lycos has shut down the campaign, saying it had achieved its aim.", {}, "Lycos"),
    ("arguing", "Tony Blair does not believe it is an election issue, arguing it is a matter for conscience.",
     {}, "Tony Blair"),
    ("told names the listener", "Tindall, who recently signed for Gloucester, told Rugby Special he would be fit.",
     {}, "Tindall"),
    ("told a programme", "Peter Smith told BBC Radio 4's Today programme that the church wanted reflection.",
     {}, "Peter Smith"),
    ("participial appositive", "Deco, formerly managed by Mourinho at Porto, agreed that it was not typical.",
     {}, "Deco"),
    ("organisation", "Police described the intruder as well-built and said he was wearing a ski-mask.", {},
     "Police"),
    ("resolve she to the woman", "Mr Gupta spoke first. Sarah Mehta is an Indian blogger. She says the blog helps.",
     {"start": 56, "resolve": True}, "Sarah Mehta"),
    ("resolve she with only men before", "Mr Gupta spoke first. She says the blog helps.",
     {"start": 22, "resolve": True, "last_person": "Gupta"}, None),
    ("resolve with nobody before falls back", "She says the blog helps.",
     {"resolve": True, "last_person": "Dina Mehta"}, "Dina Mehta"),
    ("resolve it to the body that spoke", "The ODPM said prices fell. It said annual inflation rose.",
     {"start": 27, "resolve": True}, "ODPM"),
    ("it without resolve is no one", "It said annual inflation rose.", {"last_person": "Lavrov"}, None),
    ("resolve a description", "Paula Radcliffe spoke. The 30-year-old told the Sunday Times doping is a crime.",
     {"start": 23, "resolve": True}, "Paula Radcliffe"),
    ("according to a possessive", "Pasquale has been flooded with offers, according to his management company.", {},
     "his management company"),
    ("a web address as the source", "Europe's gamers could wait until January, says gamesindustry.biz.", {},
     "gamesindustry.biz"),
    ("a noun-verb read inverted", "The mass has reached 90 million handsets, estimates James Goodman, the author.",
     {}, "James Goodman"),
    ("a noun-verb is no verb with a subject (the phrase it ends is the subject of the verb after it)",
     "Media reports suggested it was over.", {}, "Media reports"),
    ("inverted reports", "England will protest to the IRB, reports the Daily Mail.", {}, "the Daily Mail"),
    ("a role then a comma then the name", "Our mission was clear, said Opera spokeswoman, Berit Hanson.", {},
     "Berit Hanson"),
    ("an age in commas", "And Edu, 26, added that his brother was due.", {}, "Edu"),
    ("which-clause in commas", "Texas, which makes chips for phones, said it was keen.", {}, "Texas"),
    ("known as in commas", ("Its hosts Anthony McPartlin and Declan Donnelly, known as Ant and Dec, said the vote "
     "was close."), {}, "Declan Donnelly"),
    ("relative pronoun before the verb", "Rumours were broken by the Napsterization weblog which said it got a hint.",
     {}, "the Napsterization weblog"),
    ("a month as a name before said", "May said the band would tour.", {}, "May"),
    ("title first in the appositive", ("Christoph Caselitz, president of the networks division at the firm, says "
     "that rates will rise."), {}, "Christoph Caselitz"),
    ("description before a relative clause",
     ("Arsenal's Brazilian midfielder Edu spoke. The midfielder, who broke in to the national side in 2004, "
     "admitted he had been flattered."), {"start": 42, "resolve": True}, "Edu"),
    ("it: a body named in apposition", ("The EFF, representing the reporters, has asked the court to act. It argues "
     "that the journalists are protected."), {"start": 65, "resolve": True}, "EFF"),
    ("participle after a relative clause: the name before it",
     'The club website said that Beattie, who seemed unrepentant, insisting Gallas was fine, has apologised.',
     {}, "the club website"),
    ("it: the body opening the sentence", ("The convention highlights shore leave and, therefore, it says, safer "
     "shipping."), {"start": 0, "resolve": True}, "the convention"),
    ("it was: a passive names no one", "It was announced this month, according to state media RIA Novosti.", {},
     "RIA Novosti"),
    ("a description saying", ("Everton manager David Moyes spoke. The Scot initially defended Beattie, saying "
     "Gallas overreacted."), {"start": 34, "resolve": True}, "David Moyes"),
    ("and said with a non-speaker subject", ("The album Exodus came out in 1977 and that provided hits and confirmed "
     "his status."), {}, None),
    # Batch 3 of the speaker annotations (issue 12): rules found on its errors, invented examples.
    ("a possessive body, a role, then the name", "The system will grow, said Sun's chief operating officer Jonathan "
     "Schwartz.", {}, "Jonathan Schwartz"),
    ("a bracketed abbreviation after the name", "Two million people could be thrown into poverty, the Asian "
     "Development Bank (ADB) has said.", {}, "the Asian Development Bank"),
    ("which as the subject: the name before the comma", "It has a rival in IBM, which argues that its service is "
     "cheaper.", {}, "IBM"),
    ("a noun-verb ending its sentence after a comma", "IBM was granted 3,248 patents in 2004, the New York Times "
     "reports.", {}, "the New York Times"),
    ("a participle: the subject of its own clause", "Thailand is strong, while India has rejected aid, saying it can "
     "cope.", {}, "India"),
    ("according to figures: the figures", "UK consumers buy the most music, according to new figures released on "
     "Tuesday.", {}, "new figures"),
    ("according to figures by someone: the source", "Some sites were slow, according to response-time figures "
     "gathered by Netcraft.", {}, "Netcraft"),
    # Batch 4 of the speaker annotations (issue 12): rules found on its errors, invented examples.
    ("an infinitive after a speech verb reports no words", "The two unions agreed to begin talks, the mediator said.",
     {}, "the mediator"),
    ("continued to is no attribution", "Prices continued to rise, analysts said.", {}, "analysts"),
    ("a passive speech verb names no one", "The players were told the match was off.", {}, None),
    ("a noun-verb before by is no verb", "The airline cut its passenger forecast by 3%.", {}, None),
    ("suggests: a study speaks", "A new study by Ofcom suggests viewers are tiring of quiz shows.", {}, "Ofcom"),
    ("alleging: the subject of the sentence", "The union sued the club, alleging that wages went unpaid.", {},
     "the union"),
    ("estimated that", "The agency estimated that 400 jobs had gone.", {}, "the agency"),
    ("an estimated is no verb", "An estimated 400 jobs have gone in the town.", {}, None),
    ("say reports", "The coach has turned down the job, say reports.", {}, "reports"),
    ("a phrase before the subject", "During the dispute, the union sued the club, alleging it broke the deal.", {},
     "the union"),
    ("lowercase role words before the name", "But novelist Jane Smith defended the book, saying it was bold.", {},
     "Jane Smith"),
    ("a name, a role, then a body: the name", "The plan will work, Dr Ann Lee research director at Acme Labs told us.",
     {}, "Ann Lee"),
    ("a body, a role, then a name: the name", "The plan will work, Acme director of research Ann Lee told us.", {},
     "Ann Lee"),
    ("he: through a sentence opening with a description", ("Tom Reed spoke first. The Welshman believed he was "
     "talking to coach Bill Gray. The 30-year-old said he was unhappy."), {"start": 79, "resolve": True}, "Tom Reed"),
    ("he: the person after a leading phrase", ("Having worked with Mr Hart for years, Mr Cole cut costs. He said the "
     "firm was safe."), {"start": 57, "resolve": True}, "Cole"),
    ("they: the many who spoke before", "The plan will confuse buyers, experts warned. They say it may fail.",
     {"start": 46, "resolve": True}, "experts"),
    ("they without resolve is no one", "They say it may fail.", {"last_person": "Lavrov"}, None),
    ("a title, a name and 'of' a place", ("When President Ivan Petrov of Ruritania took office he met the unions. "
     "But he has rejected any rise, alleging it would hurt families."), {"start": 71, "resolve": True}, "Ivan Petrov"),
    pytest.param("Last year, Ann Hale made a prediction that 20 million homes would have the sets by 2008.", {},
                 "Ann Hale",
                 id="noun-of-saying"),
    ("appositive role without its closing comma",
     "Tom Hale, spokesman for software firm Acme said many users were worried.", {}, "Tom Hale"),
    ("a title-noun role without its closing comma",
     "Tom Hale, chief executive of the retailer Acme said sales had fallen.", {}, "Tom Hale"),
    ("name before its bracketed abbreviation, then a relative clause",
     "Ann Reed (RSC), who chairs the council, said drivers were at risk.", {}, "Ann Reed"),
    ("a noun in -ly after a determiner is no adverb",
     "The singer has died at the age of 93, his family has said.", {}, "his family"),
    ("an adverb in -ly before the verb is dropped",
     "Sales rose in March, the firm recently said.", {}, "the firm"),
    ("a relative clause belongs to the noun phrase right before it",
     "The case comes after the star sued a woman who claimed he owed her money.", {}, "a woman"),
    ("estimate as a verb of a plural subject",
     "But experts estimate it will take a decade.", {}, "experts"),
    ("estimate as a noun reports no one",
     "An estimate of 5% was given to the board.", {}, None),
    ("affiliation appositive",
     "Ann Reed, from Acme, said the plan would work.", {}, "Ann Reed"),
    ("the name after a leading phrase, role without its closing comma",
     "In Paris, Tom Hale, spokesman for Acme said sales rose.", {}, "Tom Hale"),
    pytest.param("Sales fell in March, analysts at Acme said.", {}, "analysts",
                 marks=pytest.mark.xfail(strict=True, reason="a plural role noun before 'at' a body gives the body"),
                 id="miss-role-noun-at-a-body"),
    pytest.param("Major companies have spent 2004 in talks with unions. They have also warned there are more cuts.",
                 {"start": 54, "resolve": True}, "Major companies",
                 id="they-to-a-plural-subject"),
]


@pytest.mark.parametrize(
    "text, kwargs, expected",
    [row if hasattr(row, "marks") else pytest.param(row[1], row[2], row[3], id=row[0]) for row in REPORTED],
)
def test_reported_speech_in_news_style(text, kwargs, expected):
    assert find_attribution(text, **kwargs) == expected


@pytest.mark.parametrize("phrase, gender", [
    ("the 30-year-old", None), ("the singer", None), ("the American", None), ("the actress", "f"),
    ("the Gloucester fly-half", None), ("the company", False), ("the ministry", False),
    ("the French", False), ("the prime minister's spokesman", False), ("a spokesman", False),
    ("the director behind the hit film", None),
], ids=str)
def test_person_descriptions(phrase, gender):
    assert description_gender(phrase) == gender


NOT_QUOTES = [
    ("empty", "", []),
    ("stray opening mark", "He said “nothing\n\nmore.", []),
    ("only punctuation inside", "a “,” b", []),
    ("inches", "a 5\" pipe", []),
]

KNOWN_MISSES = [
    pytest.param(
        "‘We will respond,’ Lavrov said.", [("We will respond", "Lavrov")],
        marks=pytest.mark.xfail(strict=True, reason="top-level single quotes are not paired (apostrophes)"),
        id="miss-single-quoted",
    ),
    pytest.param(
        "Lavrov spoke first. Then Austin arrived. “No,” said the minister.", [("No", "Lavrov")],
        marks=pytest.mark.xfail(strict=True, reason="a bare role noun is not linked to an earlier name"),
        id="miss-coreference-the-minister",
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    [pytest.param(text, expected, id=name) for name, text, expected in QUOTES + NOT_QUOTES] + KNOWN_MISSES,
)
def test_find_quotes(text, expected):
    quotes = find_quotes(text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    assert [(q.text, q.speaker) for q in quotes] == expected


ATTRIBUTIONS = [
    ("name then verb", "Lavrov said the Kremlin move was the result of NATO actions.", None, "Lavrov"),
    ("name after comma", "Russia is suspending the mission in Moscow, Lavrov said, with the accreditation withdrawn.",
     None, "Lavrov"),
    ("pronoun without context", "The office will also be closed, he said.", None, None),
    ("pronoun with context", "The office will also be closed, he said.", "Lavrov", "Lavrov"),
    ("according to an acronym", "Both provinces are still occupied by Russia, according to DOD.", None, "DOD"),
    ("according to a description", "Eight were expelled, according to a NATO official.", None, "a NATO official"),
    ("according to media", "It was announced this month, according to Russian state media RIA Novosti.", None,
     "RIA Novosti"),
    ("according to a statement", "according to a statement from the US Department of Defense", None,
     "the US Department of Defense"),
    ("titled name", "Russian Foreign Minister Sergei Lavrov said on Monday that talks were over.", None,
     "Sergei Lavrov"),
    ("no reported speech", "Moscow reacted by expelling diplomats.", None, None),
    ("possessive is not a speaker", "Lavrov’s comments said nothing new.", None, None),
    ("empty", "", None, None),
]


@pytest.mark.parametrize(
    "text, last_person, expected", [pytest.param(t, lp, e, id=name) for name, t, lp, e in ATTRIBUTIONS]
)
def test_find_attribution(text, last_person, expected):
    assert find_attribution(text, last_person=last_person) == expected


def test_find_attribution_in_a_span_of_the_article():
    text = _read_seed()
    start = text.index("Russia is also suspending")
    end = text.index(".", text.index("Lavrov said, with")) + 1
    assert find_attribution(text, start, end) == "Lavrov"
    start = text.index("The NATO intelligence office")
    end = text.index("he said.", start) + len("he said.")
    assert find_attribution(text, start, end) is None
    assert find_attribution(text, start, end, last_person="Lavrov") == "Lavrov"


@pytest.mark.parametrize("start, end", [(-5, None), (10, 3), (0, 10**6), (10**6, None)], ids=str)
def test_find_attribution_odd_spans(start, end):
    find_attribution("Lavrov said so.", start, end)


def test_linear_time_on_long_text():
    text = ("“NATO is not interested,” said Russian Deputy Foreign Minister Alexander Grushko. " * 2000
            + "Word " * 20000 + "Big " * 20000 + "“" * 5000 + '"' * 5000)
    t0 = time.perf_counter()
    quotes = find_quotes(text)
    assert time.perf_counter() - t0 < 10
    assert sum(q.speaker == "Alexander Grushko" for q in quotes) == 2000


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_offsets_hold(text):
    last = -1
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= last
        last = q.end
    find_attribution(text)
    find_attribution(text, len(text) // 2, None, "Lavrov")


QUOTEY = st.lists(
    st.sampled_from(
        ["“", "”", '"', "‘", "’", ",", ".", "\n\n", " ", "said", "Lavrov", "he", "she", "according", "to",
         "a", "senior", "official", "Russian", "Minister", "told", "NATO", "U.S.", "Mr.", "—", "the"]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(QUOTEY)
def test_never_raises_on_quote_like_text(text):
    for q in find_quotes(text):
        assert text[q.start:q.end] == q.text
    find_attribution(text, last_person="Lavrov")
