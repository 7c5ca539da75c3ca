"""Gender and person words: titles, gendered nouns, person nouns, and what a description or first name says.

"Mr"/"Sir" and "spokesman" say he, "Mrs"/"Dame" and "actress" say she; "the singer", "the
30-year-old" or "the American" describe a person whose gender they leave open. claims.people uses
them to tell people and to resolve "he", "she" and "the singer". Pure standard library.
"""

from __future__ import annotations

from claims.first_names import FIRST_NAMES_FEMALE, FIRST_NAMES_MALE
from claims.speech_words import NATIONALITIES, NATIONALITY_NOUNS, POSSESSIVE, ROLE_NOUNS

__all__ = [
    "FEMALE_NOUNS", "FEMALE_TITLES", "MALE_NOUNS", "MALE_TITLES", "NATIONALITY_PEOPLE", "PERSON_NOUNS", "description_gender",
    "is_description", "name_gender", "unnamed_person",
]

MALE_TITLES = frozenset("mr sir lord king prince duke baron".split())
FEMALE_TITLES = frozenset("mrs ms miss lady dame queen princess duchess baroness".split())
MALE_NOUNS = frozenset("""
    man spokesman chairman businessman sportsman husband boyfriend father son brother
    grandfather uncle nephew frontman king prince widower
""".split())
FEMALE_NOUNS = frozenset("""
    woman spokeswoman chairwoman businesswoman sportswoman wife girlfriend mother daughter sister
    grandmother aunt niece actress widow queen princess frontwoman
""".split())
# Nouns that head a description of a person: "the singer", "the 47-year-old director".
PERSON_NOUNS = frozenset("""
    singer star actor actress player striker midfielder defender goalkeeper keeper winger forward
    captain coach manager boss director producer writer author presenter host champion winner
    veteran artist musician rapper comedian designer driver rider runner athlete sprinter boxer
    golfer batsman bowler fly-half flanker jockey holder leader minister secretary chancellor
    president premier politician chairman chairwoman spokesman spokeswoman chief founder owner
    teenager youngster assistant teacher student businessman businesswoman campaigner expert
    analyst economist lawyer judge doctor scientist researcher professor composer guitarist
    drummer vocalist frontman pensioner mother father wife husband man woman film-maker debutant
    newcomer scrum-half full-back centre-back hooker lock wing prop coordinator co-ordinator consultant
    engineer novelist historian critic reviewer organiser organizer international correspondent reporter editor
    skipper medallist medalist olympian centre fly-half half-back peer dj
    blogger seed matchwinner match-winner mp mep msp
    agent sheriff surgeon referee umpire promoter bandmate team-mate teammate trainer pundit commentator adviser advisor
""".split())
# Nationality words that are also a person noun ("the American"), not those of a people ("the French").
NATIONALITY_PEOPLE = frozenset(
    w for w in NATIONALITIES if w.isalpha() and not w.endswith(("ish", "ch", "ese", "ss", "ern"))
) | NATIONALITY_NOUNS


_SPOKES = frozenset("spokesman spokeswoman spokesperson".split())


def spokesperson_gender(phrase: str | None) -> str | None | bool:
    """ "a spokeswoman", "an Acme spokesman", "the BBC spokeswoman", "a spokesman for Acme": one person who
    speaks for a body, unnamed -> "f", "m" or None (a spokesperson); False for anything else."""
    words = (phrase or "").split()
    if not 2 <= len(words) <= 8 or words[0].lower() not in ("a", "an", "the"):
        return False
    head = next((w for w in words[1:4] if w.lower() in _SPOKES), None)
    if head is None or any(POSSESSIVE.search(w) for w in words[1:words.index(head)]):
        return False
    return {"spokeswoman": "f", "spokesman": "m"}.get(head.lower())


# Initials that stand for a person's role: "the MP", "the CEO".
_PERSON_INITIALS = frozenset("mp mep msp am pm ceo md dj mc".split())


def description_gender(phrase: str | None) -> str | None | bool:
    """ "the singer" -> None (a person, gender unknown); "the actress" -> "f"; False if no person."""
    if not phrase or phrase[:4].lower() not in ("the ", "our "):  # "our correspondent": the paper's own
        return False
    words = phrase.lower().split()
    if not 2 <= len(words) <= 6 or any(POSSESSIVE.search(w) for w in words):
        return False
    if words[-2:] == ["new", "zealander"]:
        words = words[:-2] + ["zealander"]  # "the New Zealander": one nationality noun
    if "behind" in words[2:]:
        words = words[:words.index("behind")]  # "the director behind JFK": the director
    elif len(words) == 2 and phrase.split()[-1].isupper() and words[-1] not in _PERSON_INITIALS:
        return False  # "the EU", "the UN": a body's initials, not "the American" (but "the MP")
    if any(w in ("of", "for", "at", "from", "in", "and") for w in words):
        return False
    head = words[-1]
    if "-of-" in head:
        head = head.split("-of-")[0]  # "the mother-of-nine", "the father-of-two": a mother, a father
    if head in _SPOKES and any(w[:1].isupper() for w in phrase.split()[1:-1]):
        return False  # "the BBC spokeswoman": the body's spokesperson, not a person named before
    if head in FEMALE_NOUNS:
        return "f"
    if head in MALE_NOUNS:
        return "m"
    aged = any(w.endswith("year-old") for w in words[1:-1])
    if head in NATIONALITY_NOUNS and head.endswith("man") and (len(words) == 2 or aged):
        return "m"  # "the 55-year-old Frenchman"
    if head.startswith("ex-") and head[3:4].isalpha() and len(words) <= 3:
        return None  # "the ex-Wallaby", "the ex-minister": someone who was something
    if aged and head.endswith(_AGENT_ENDINGS) and head not in _NOT_AGENTS:
        return None  # "the 41-year-old chart-topper", "the 35-year-old drummer": an agent noun with an age
    if head.endswith("year-old") or (head in NATIONALITIES | NATIONALITY_PEOPLE and aged) or (
        head in PERSON_NOUNS
    ) or (len(words) == 2 and head in NATIONALITY_PEOPLE) or (
        words[-2:] == ["number", "one"]  # "the world number one", "the British number one"
    ):
        return None
    return False


# Endings of agent nouns ("drummer", "chart-topper", "sculptor", "novelist", "comedian"), and words with them that
# name things, which an age describes as well ("the 40-year-old tower").
_AGENT_ENDINGS = ("er", "or", "ist", "ian")
_NOT_AGENTS = frozenset("""
    computer paper tower theatre center centre corner river letter order number chamber manor tractor reactor
    motor liner trawler steamer tanker freighter container charter register calendar monitor sector ledger
""".split())


def is_description(phrase: str | None) -> bool:
    return description_gender(phrase) is not False


# First names sport and entertainment news carries that claims.first_names lacks (added with batches 11, 12 and 15:
# English, Welsh, Scottish and Irish names and short forms, Russian, Greek, Italian, Spanish, French, Czech, German,
# Scandinavian, Icelandic, Japanese and Indian names; none a place, club or common word).
MORE_MALE_NAMES = frozenset("""
    cyril marat lleyton armand jonny dick quincy tommy gerhard stan kostas gregory christos leroy serge
    nikolay feliciano fabrice ivan otis marvin curtis stevie luciano alessandro petr eidur buddy milt
    mathew guido emil hermann cory cary finlay masayuki sanjaya shailendra dmitriy arnoud
    andre andrei andrey andres sergio sergey mikhail nicolas tomas jiri radek miguel pablo javier fernando
    alejandro gaston xavier vincent jonas mario fabio gianluca francesco roberto stefano giorgio yevgeny igor
    nikolai jurgen juergen jorg joerg uwe rainer dieter klaus wolfgang helmut horst gunter franz bjorn henrik
    niklas kjell joshua jacob ethan nathaniel isaac luke clive ewan hamish callum rhys gareth dafydd huw ieuan emyr
    bryn rio glenn harold herbert leonard ernest doug
""".split())
MORE_FEMALE_NAMES = frozenset("""
    gabrielle sania jelena aretha selima zara hayley imelda dinara gabriela ailsa morag siobhan aoife niamh ciara roisin
""".split())
_MALE = FIRST_NAMES_MALE | MORE_MALE_NAMES
_FEMALE = FIRST_NAMES_FEMALE | MORE_FEMALE_NAMES


def name_gender(first: str) -> str | None:
    if "-" in first and first.split("-")[0] in _MALE | _FEMALE:
        first = first.split("-")[0]  # "Jean-Philippe", "Mary-Kate": a compound of a known first name
    if first in _MALE:
        return "m"
    if first in _FEMALE:
        return "f"
    return _diminutive_gender(first)


def _diminutive_gender(first: str) -> str | None:
    """The gender of a pet form of a known first name: a doubled consonant and -y ("robby", "johnny", "benny":
    rob, john, ben); None for anything else ("victory", and "jackie", which is given to women as well as men)."""
    if len(first) >= 5 and first.endswith("y") and first[-2] == first[-3] and first[-2] not in "aeiou":
        stem = first[:-2]
        if stem in _MALE or stem in _FEMALE:
            return "m" if stem in _MALE else "f"
    return None


# Heads of a description of one person who speaks ("a club official", "a spokeswoman for Acme").
_PERSON_HEADS = frozenset("official spokesman spokeswoman spokesperson source insider aide adviser executive".split())


def unnamed_person(speaker: str | None, gender: str) -> bool:
    """Is this speaker an unnamed person ("a Juventus official", "a spokeswoman for Acme") whom "he" or
    "she" (``gender``) can go on with?"""
    words = (speaker or "").lower().split()
    if not words or not (speaker[:1].islower() or words[0] in ("a", "an", "the")):
        return False  # "a club official", "A US Embassy spokesman" opening its sentence; no name
    head = next((w for w in words[1:] if w in ROLE_NOUNS or w in _PERSON_HEADS), None)
    if head is None or head.endswith("s") and head not in ("boss",):
        return False
    return not ((gender == "m" and head in FEMALE_NOUNS) or (gender == "f" and head in MALE_NOUNS))
