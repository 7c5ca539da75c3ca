"""The vocabulary of attribution in news: speech verbs, listener verbs, roles, titles, abbreviations.

Word lists and compiled patterns only, read by :mod:`claims.speakers` (which finds who said what) and
kept apart from it so that the lists can grow without burying the logic. Pure standard library.
"""

from __future__ import annotations

import re

__all__ = [
    "ABBREVIATIONS",
    "ACCORDING_TO",
    "CAP_RUN",
    "CLAUSE_BOUNDARY",
    "CLAUSE_WORDS",
    "DETERMINERS",
    "DISCOURSE_ADVERBS",
    "DOCUMENT_NOUNS",
    "INFINITIVE_VERBS",
    "INVERTED_ONLY",
    "LEADING_NOISE",
    "LISTENER_VERBS",
    "NAME_CONNECTORS",
    "NATIONALITIES",
    "NATIONALITY_NOUNS",
    "NOUN_BY",
    "NOUN_OF_SAYING",
    "NP_STOP",
    "ORG_WORDS",
    "PLACE_WORDS",
    "PARTICIPLE",
    "PASSIVE_BE",
    "POSSESSIVE",
    "PRONOUNS",
    "PRONOUN_MARK",
    "ROLE_NOUNS",
    "SENTENCE_BREAK",
    "SPEECH_VERB",
    "SUBJECT_TRAILERS",
    "TITLE_NOUNS",
    "TITLE_WORDS",
    "TOKEN",
    "WEB_NAME",
]

# The end of a sentence: . ! or ? with any closing marks, then space, then a capital, a digit
# or an opening mark, or a line break before a list item ("- Southampton boss Harry Redknapp: …").
# Abbreviations are checked in code (_is_sentence_dot).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’)\]]*(?:\s+(?=[“\"‘(\[]?[A-Z0-9])|[ \t]*\n\s*(?=[-–•*][ \t]+[“\"‘]?[A-Z0-9]))")
# Verbs that introduce reported speech (lowercase: "States" in "United States" is no verb).
SPEECH_VERB = re.compile(
    r"""
    (?<![\w’'-])
    (?:said|says|say|told|tells|added|adds|stated|explained|explains|noted|notes|warned|warns
      |wrote|writes|argued|argues|claimed|insisted|insists|announced|announces|declared
      |asked|asks|replied|replies|responded|responds|stressed|stresses|emphasized|emphasised
      |acknowledged|admitted|confirmed|confirms|denied|suggested|tweeted|posted|commented
      |remarked|recalled|concluded|concludes(?=\s+that\b|[ \t]*[.,])|observed|countered|conceded|predicted|cautioned|urged
      |maintained|contended|vowed|pledged|promised|continued|reiterated|complained|boasted
      |admits|agreed|agrees|recalls|remembers|reported|forecast|forecasts|predict|predicts
      |clarified|confessed|confesses|proclaimed|confided
      |insist|claim|claims|warn|argue|admit|deny|denies|agree|pointed\s+out|points\s+out
      |reports|estimates|suggested|suggests|suggest|alleges|allege|alleged(?=\s+that\b)|underlined
      |made\s+(?:a|the)\s+(?:prediction|claim|promise|statement)(?=\s+that\b)
      |revealed(?=\s+(?:that|he|she|they|we)\b|[ \t]*[.,:])|indicated(?=\s+that\b)
      |(?:revealed|alleged)(?=\s+(?!(?:a|an|the|his|her|its|their|our|details|plans|how|what|why|when|where|whether|who)\b)
         (?:[\w’'&-]+[ \t]+){1,9}?(?:will|would|is|was|were|are|has|had|have|could|can|may|might|should|must)\b)
      |revealed(?=\s+(?:the|a|an)\s+(?:(?!(?:that|which|who)\b)[\w’'&-]+[ \t]+){1,3}?(?:will|would|is|was|were|are|has|had|have|could|can)\b)
      |disclosed(?=\s+(?:(?:last|this|on|in)\s+\w+\s+)?(?:that|he|she|they|we|it)\b)
      |made\s+it\s+clear(?=\s+(?:that|he|she|they|it|we)\b)|speculated?(?=\s+that\b)|hinted(?=\s+(?:that|he|she|they|it|we)\b)
      |recogni[sz]ed(?=\s+that\b|[ \t]*[.,])|point\s+out(?=\s+that\b)|protested(?=\s+that\b)|report(?=\s+that\b)
      |estimated(?=\s+(?:that|the|a|an|some|about|around|\d))
      |estimate(?=\s+(?:that|it|the|a|an|some|about|around|\d))
      |(?:concedes|concede|acknowledges|maintains)(?=\s+(?:that|he|she|they|we|it|there)\b
         |\s+(?!(?:a|an|the|his|her|its|their|our|defeat|goals?)\b)(?:[\w’'&-]+[ \t]+){1,6}?
          (?:will|would|is|was|were|are|has|had|have|could|can|may|might|should|must)\b)
    )
    (?![\w’'-])
    """,
    re.VERBOSE,
)
# A noun of saying after its speaker's possessive, with its clause: "his allegations that …",
# "Hale's claim that …" (group "who": the possessive).
NOUN_OF_SAYING = re.compile(
    r"(?<![\w’'-])(?P<who>his|her|its|their|[A-Z][\w’'-]*?[’']s)[ \t]+(?:[a-z]+[ \t]+)?"
    r"(?:allegations?|claims?|assertions?|insistence|warnings?|admission|denial|predictions?|suggestion|arguments?)"
    r"[ \t]+(?:that\b|(?=(?:he|she|they|we)[ \t]+[a-z]))"  # "Campbell's claims he had torn a hamstring"
)
# A noun of saying with its speaker after "by": "an announcement by the MPAA that …" (the speaker follows).
NOUN_BY = re.compile(
    r"(?<![\w’'-])(?:announcement|statement|claims?|warnings?|admission|predictions?|suggestion|allegations?)[ \t]+by[ \t]+"
)
# A participle that reports the words of the sentence's subject: "X shut it down, saying …".
PARTICIPLE = re.compile(
    r"(?<![\w’'-])(?:saying|adding|insisting|arguing|claiming|warning|explaining|stressing|alleging|telling)(?![\w’'-])"
)
# Verbs of saying that also take an infinitive, which reports no words: "agreed to begin talks",
# "promised to act", "continued to rise" (but "agreed that …" reports speech).
INFINITIVE_VERBS = frozenset("""
    agreed agree agrees promised vowed pledged continued claimed claim claims asked urged declined
""".split())
# Forms of "be" before a speech verb make it passive: "was told", "is said to be", "were asked".
PASSIVE_BE = frozenset("was were is are been be being".split())
# Verbs whose object is the listener: "told BBC Radio 4's Today" names no speaker.
LISTENER_VERBS = frozenset(("told", "tells"))
# Verbs that are nouns too: read only inverted after a comma (", reports the Daily Mail").
INVERTED_ONLY = frozenset(("reports", "estimates", "forecasts"))
# A web address standing for its publisher: "gamesindustry.biz".
WEB_NAME = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|biz|net|org|co\.uk|info)")
# "according to X": X is the source.
# "according to X", and its passive kin in brackets or after a comma: "(reported by X)", ", as reported by X".
ACCORDING_TO = re.compile(r"(?<![\w-])(?:[Aa]ccording\s+to|(?<=\()(?:as\s+)?reported\s+by|(?<=,\s)as\s+reported\s+by)\s+")
# A word (keeps "U.S.", "Lavrov’s", "de-escalating", "AT&T", "Nielsen/NetRatings", "Nielsen//NetRatings") or a single
# punctuation mark.
# A plural possessive keeps its apostrophe before a two-word name: "Sky Networks' Ann Reed" (but
# "the Musicians' Union" is one name).
TOKEN = re.compile(
    r"(?P<w>[^\W_](?:[\w’'.&-]*[^\W_])?(?://?[A-Z][\w’'.&-]*[^\W_])?(?:(?<=s)[’'](?=[ \t]+[A-Z][a-z]+[ \t]+[A-Z]))?\.?)|(?P<p>[^\w\s])"
)
# A run of capitalised words, possibly joined by name particles: "Charles de Gaulle".
CAP_RUN = re.compile(
    r"(?<![\w’'.-])[A-Z][\w’'.-]*(?:[ \t]+(?:(?:of|de|van|von|den|ten|ter|al|bin|da|del|der|la|le|du|di|dos|das)[ \t]+)?[A-Z][\w’'.-]*){0,6}"
)
# A possessive word is not a speaker: "Lavrov’s comments", "the Networks' chief".
POSSESSIVE = re.compile(r"[’']s$|(?<=s)[’']$")

# Characters that end a clause when looking for the subject of a speech verb.
CLAUSE_BOUNDARY = frozenset(",;:()[]{}–—“”\"!?\n")
# Abbreviations whose dot does not end a sentence.
ABBREVIATIONS = frozenset("""
    mr mrs ms dr st jr sr gen sen rep gov lt col sgt capt cmdr adm maj prof rev hon fr no vs
    inc ltd co corp dept est approx jan feb mar apr jun jul aug sep sept oct nov dec mt ft
""".split())

# Words between a subject and its speech verb: "Lavrov also said", "the minister on Monday told".
SUBJECT_TRAILERS = frozenset("""
    also later previously then once again has had have would will did had been was is
    earlier on this last week month year morning afternoon evening night today yesterday
    tonight monday tuesday wednesday thursday friday saturday sunday separately
    now still even already always never just repeatedly long himself herself itself themselves only
""".split())
# Adverbs set off by commas between a subject and its verb: "Sella, however, insisted …".
DISCOURSE_ADVERBS = frozenset(
    """however meanwhile though too also instead therefore nevertheless nonetheless moreover furthermore
    similarly likewise indeed again""".split()
) | frozenset(
    """in turn, for his part, for her part, for its part, for their part, in contrast, by contrast,
    in particular, in response, in reply, at the time, at the same time, once again""".replace("\n", " ").replace("    ", "").split(", ")
)
# Determiners that open a descriptive speaker: "a senior U.S. defense official".
DETERMINERS = frozenset("""
    a an the one another two three several some many most other senior his her its their our those
""".split())
# Words that end a descriptive speaker clause on the left: "who a senior official said".
CLAUSE_WORDS = frozenset("""
    who whom which that and but when while because as if where whereas although though
    who's whose so or nor
""".split())
# Words that end a speaker phrase read to the right: "said Grushko earlier this month".
NP_STOP = frozenset("""
    in on at during earlier later with who which that and but when while as after before since
    adding last this yesterday today tonight told said says on to was were is are has had have
    would will could should may might in into about over under while because if where
    monday tuesday wednesday thursday friday saturday sunday
""".split())
# Documents that carry someone's words: "according to a statement from the Pentagon".
# Figures and surveys speak the same way: "according to new figures released by the BPI".
DOCUMENT_NOUNS = frozenset("""
    statement report release post tweet interview letter memo readout figures data estimates survey
    study research poll reports studies surveys statements polls statistics
""".split())
# Common nouns that can be a speaker without a determiner: "Russian officials said".
ROLE_NOUNS = frozenset("""
    official officials diplomat diplomats source sources analyst analysts expert experts
    spokesman spokeswoman spokesperson spokespeople authorities police officers residents
    witnesses critics lawmakers leaders prosecutors investigators researchers scientists
    officials ministers aides advisers advisors negotiators organizers organisers
    commentators economists bosses executives campaigners doctors producers organisations
    organizations groups unions retailers bookmakers fans players observers insiders
    supporters opponents speakers delegates newspapers papers pundit pundits
    agent lawyer lawyers attorney attorneys solicitor publicist
    developers firms companies users consumers parents teachers workers voters viewers readers gamers
    manufacturers makers banks airlines investors traders dealers watchers members employees
""".split())
# Family words that name a person by their relation to another: "Mr Nogar's son Stephen", "his widow Ann".
KIN_NOUNS = frozenset("""
    son sons daughter daughters wife husband widow widower father mother brother sister partner
    fiancee fiance niece nephew grandson granddaughter
""".split())
# Title words dropped before a personal name.
TITLE_WORDS = frozenset("""
    president vice prime minister deputy foreign defense defence secretary spokeswoman spokesman
    spokesperson ambassador envoy chancellor senator sen rep representative gov governor mayor
    general gen admiral adm colonel col lieutenant lt major maj captain capt sergeant sgt
    commander chief director head chairman chairwoman chair ceo cfo coo founder executive
    official officer mr mrs ms dr prof professor sir dame lord lady king queen prince princess
    pope judge justice attorney interior finance economy health trade affairs national security
    adviser advisor press state of the for acting former assistant undersecretary under
    special first senior junior supreme lieutenant-general lieutenant-colonel cardinal bishop
    speaker leader premier sheikh emir crown team coach manager boss analyst economist editor
    presenter producer correspondent player singer actor actress coordinator co-ordinator physiotherapist physio host
    keeper goalkeeper striker midfielder defender winger skipper full-back fly-half scrum-half flanker centre-back
    matchwinner match-winner man-of-the-match player-of-the-match doctor surgeon organiser organizer
""".split())
# Title words that are nouns: a name right after one is a person ("spokeswoman Maria Zakharova").
TITLE_NOUNS = TITLE_WORDS - frozenset("of the for state under first special acting former".split())
# Words that make a capitalised run an organisation rather than a person.
ORG_WORDS = frozenset("""
    ministry department office house council agency kremlin pentagon government commission
    committee parliament congress senate court police army navy bank university institute
    embassy mission alliance organization organisation union party group company corporation
    corp inc ltd association foundation service services forces command administration bureau
    authority authorities media news times post journal reuters tass interfax novosti ria
    nato dod un eu cnn bbc magazine newspaper website paper channel network station studio label
    firm club school college charity body regulator watchdog federation broadcaster trust consortium board
""".split())
# Heads of the names of places, buildings and clubs, which are no person either: "the National Indoor Arena",
# "Manchester United" (not "hall", "park", "church" or "villa": Stuart Hall, Nick Park, Charlotte Church, David Villa).
PLACE_WORDS = frozenset("""
    arena stadium stadio theatre theater centre center palace cathedral abbey hotel airport velodrome
    museum gallery united city rovers athletic wanderers albion hotspur
""".split())
# Nationalities and similar adjectives that precede a title: "Russian Deputy Foreign Minister".
NATIONALITIES = frozenset("""
    american russian ukrainian georgian chinese british french german italian spanish dutch
    belgian polish romanian turkish greek israeli iranian iraqi syrian afghan pakistani indian
    japanese korean canadian mexican brazilian australian swiss swedish norwegian danish finnish
    estonian latvian lithuanian belarusian hungarian czech slovak austrian irish scottish welsh
    saudi egyptian european african asian western eastern us u.s. uk u.k. eu un nato
    moroccan algerian tunisian libyan ghanaian cameroonian ivorian zimbabwean zambian ugandan tanzanian
    rwandan somali lebanese jordanian palestinian kuwaiti qatari emirati yemeni bahraini thai vietnamese
    indonesian malaysian filipino singaporean taiwanese bangladeshi nepalese bulgarian serbian croatian
    slovenian bosnian albanian macedonian montenegrin moldovan armenian azerbaijani kazakh uzbek cypriot
    maltese chilean colombian peruvian venezuelan uruguayan paraguayan ecuadorian bolivian cuban
""".split())
# Nouns for a person of a nation ("the Frenchman", "left-handed Dane Kenneth Carlsen").
NATIONALITY_NOUNS = frozenset("""
    briton scot frenchman spaniard dutchman swede dane pole finn kenyan ethiopian jamaican nigerian argentine
    argentinian portuguese serb croat welshman englishman irishman zealander
""".split())
# Words that open a sentence or a time phrase and are never part of a name.
LEADING_NOISE = frozenset("""
    the a an on in at but and meanwhile later then so however also earlier last this next when
    while after before as since if yet still now today yesterday monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december with by for from of to said
""".split())
# Lowercase words allowed inside a capitalised name: "Department of Defense", "Charles de Gaulle".
NAME_CONNECTORS = frozenset("of for de van von den ten ter al bin da del der la le du di dos das".split())
PRONOUNS = frozenset(("he", "she"))
# What may lead up to a subject "it" that stands for a body named before: "But", "However,", a leading phrase
# set off by a comma ("In its monthly bulletin,"). A pattern, read by claims.people and claims.quotes.
IT_LEAD = r"(?:But|And|Yet|However,?|(?:In|On|At|After|During|Since|With|Under)\b[^,.;:\"“”]{0,80},)"
# Marks "he said" / "she said": resolved by the caller to a person.
PRONOUN_MARK = {"he": "\x00he", "she": "\x00she", "it": "\x00it", "they": "\x00they"}
# A pronoun that opens a relative clause before a verb of saying: "a console that it says will …", "photographers
# who she claims left her …", "what he called". Group 1 is the pronoun; searched in the text right before the verb.
RELATIVE_PRONOUN = re.compile(r"(?<![\w’'-])(?:which|who|whom|that|what)[ \t]+(it|he|she|they)[ \t]+(?:also[ \t]+)?$")
