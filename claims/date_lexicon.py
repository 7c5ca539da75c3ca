"""Vocabulary of :mod:`claims.dates`: month and weekday names, the number words of relative
references ("two years ago", "a year earlier"), quarter ordinals, and the word lists that decide
whether a 4-digit number is a year ("in 1500", "the 2016 elections") or a count ("2000 troops").
"""

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
ORDINAL_QUARTERS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4,
}

# Words after a 4-digit number that make it a count, not a year ("2000 troops", "1500 people").
COUNT_NOUNS = frozenset("""
    people persons person troops soldiers men women children kids members votes voters cases
    deaths dead jobs workers employees residents students units homes houses vehicles cars tanks
    miles km kilometres kilometers metres meters feet ft tonnes tons barrels dollars euros pounds
    rubles roubles yuan points staff officers officials diplomats refugees migrants civilians
    patients beds flights passengers signatures respondents participants hours minutes seconds
    days weeks months years times words pages calories acres hectares square per percent
    million billion thousand hundred more fewer additional other others new extra fans guests
    seats rounds shots missiles rockets drones aircraft planes ships troop marines sailors
    pieces copies items tests doses sq kg lbs mph
""".split())
# Plural words that may follow a year ("the 2016 elections").
YEAR_PLURALS = frozenset("""
    elections olympics games talks protests riots attacks midterms polls accords negotiations
    sanctions floods wildfires bombings hearings primaries playoffs finals championships
    perhaps afterwards always sometimes nevertheless besides towards whereas unless alone
""".split())
# Contexts that make a 4-digit number a year even before 1800 ("in 1500", "circa 1200").
STRONG_YEAR_CONTEXT = frozenset("""
    in since until till during circa c year early late mid summer winter spring autumn fall
""".split())
# Contexts in which a 4-digit number is a year only if no count noun follows.
WEAK_YEAR_CONTEXT = frozenset("""
    by of from to through before after around about the a its his her their this that
    between and or fiscal than
""".split())
