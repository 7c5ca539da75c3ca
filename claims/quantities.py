"""Find quantities in news text: "more than 100 Russian diplomats", "£1.2bn", "20 out of 30 positions".

Public API: :func:`find_quantities` -> list of :class:`claims.model.Quantity`, in text order,
non-overlapping, with ``text[q.start:q.end] == q.text``. Pure standard library.

Every pattern is a module-level constant compiled once (``re.VERBOSE``, a comment per rule).
Only :data:`_TRIGGER` runs over the whole text; it stops at digits and at the few words that
can begin a spelled-out quantity. Every further decision is an anchored ``match`` (or a
``search`` in a window of a few dozen characters) around that spot, so the cost is linear in
the text and no rule can backtrack catastrophically.

How a candidate becomes a quantity:

1. Not a quantity at all: :data:`_BLOCKED_AT` (dates, times, phone numbers, versions, scores,
   ordinals, decades), :data:`_MONTH_BEFORE` ("November 1"), :data:`_REFERENCE_BEFORE`
   ("No. 1"), URLs and e-mail addresses.
2. :data:`_CANDIDATE` reads the number: digits (``1,200``, ``3.5``, ``816 000`` before a
   unit), spelled-out numbers (``twenty-five``, ``two and a half million``), fractions
   (``a third of``, ``two-thirds``) and plural magnitudes (``tens of thousands of``).
3. Left context: currency (``£``, ``US$``, ``RM``, ``USD``), sign, bound words ("more than").
   Right context: exponent, magnitude (``bn``, ``million``), percent, currency code or word,
   measurement unit, or a short noun phrase ending in a plural noun (the counted thing).
4. Filters: years, names ("Channel 4", "iPhone 11", "G8", "F-35"), street numbers, codes.
5. Neighbours merge: ranges ("between 3 and 5", "3-5%", "from $10 to $15 billion") and
   ratios ("20 out of 30 positions", "one in five").

Conventions worth knowing: "dozens/hundreds/thousands of X" is a range [N, 10N] with bound
"~" (NewsQuant's reading); "the two nations" (a definite article before a small spelled-out
number) refers back and is not reported.

- "m" glued to a number (BBC style) is million when it counts or prices something: after a
  currency ("£3m"), before a counted noun phrase ("1.6m Muslims", "4.5m workers"), or, standing
  alone, when its sentence puts it among millions ("77m euros ..., up from 38m": 38m euros;
  "$10-25m"; "204.3m (£109m)"; "peaked at 11.9m" with an audience named). It is metres for a
  length ("2.5m high", "37m (121ft)", "cleared 2.3m") and a race ("the 60m hurdles", "the 100m
  and 200m titles", "the men's 800m"), and whenever nothing says million (:func:`_m_reading`,
  :func:`_resolve_context`).
- Hundredths of a currency are normalised to it: "32 cents" is 0.32 with unit USD (or the
  dollar or euro its sentence prices in, "euro cents" EUR), "18 pence" and "118.5p" 0.18 and
  1.185 GBP, "20 sen" 0.2 MYR.
- A duration written as a clock ("3:46.04", "2:17:18", "in a time of 31:41") or in several
  units ("one minute, 47.97 seconds", "2hr 4min 55sec") is ONE quantity of kind "measure", unit
  "seconds", its value in seconds (226.04, 8238, 1901, 107.97, 7495). A clock without hundredths
  needs a word of timing before it; "10:30", "at 7:45pm" are times of day, not quantities.
  A duration in one unit keeps it ("47.97 seconds", "10 minutes").
- Days of a date range ("4-6 March", "4 to 6 March") are dates, never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.model import Quantity

__all__ = ["find_quantities"]

# ---------------------------------------------------------------------------------------------
# Lexicons (named data).
# ---------------------------------------------------------------------------------------------

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Denominators of spelled-out fractions: "a third", "two-fifths", "three quarters".
_FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
# Magnitude suffixes after a digit number: "1.2bn", "£3.5m", "$4 million", "50k".
_MAGNITUDES = {
    "thousand": 1e3, "k": 1e3, "hundred": 1e2,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mio": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tr": 1e12, "t": 1e12,
    # South Asian scales: "Rs 2.5 lakh", "₹500 crore"
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
# Currency symbols and codes written before the number: "US$ 5", "USD 5", "RM120,000".
_CURRENCY_PREFIX = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "$US": "USD", "USD": "USD", "US": "USD",
    "A$": "AUD", "AU$": "AUD", "$A": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD",
    "CAD": "CAD", "HK$": "HKD", "HKD": "HKD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD",
    "SGD": "SGD", "NT$": "TWD", "R$": "BRL", "£": "GBP", "GBP": "GBP",
    # "PS" is how "£" comes out of Windows-1252 -> ASCII transliteration in scraped news.
    "PS": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY", "JPY": "JPY", "Y=": "JPY",
    "CNY": "CNY", "RMB": "CNY", "₹": "INR", "INR": "INR", "Rs": "INR", "Rs.": "INR",
    "RM": "MYR", "MYR": "MYR", "CHF": "CHF", "ZAR": "ZAR", "SEK": "SEK", "NOK": "NOK",
    "DKK": "DKK", "₩": "KRW", "KRW": "KRW", "₽": "RUB", "RUB": "RUB", "₺": "TRY",
    "TRY": "TRY", "₦": "NGN", "NGN": "NGN", "₱": "PHP", "BRL": "BRL", "MXN": "MXN",
    "₪": "ILS", "ILS": "ILS", "AED": "AED", "SAR": "SAR",
    "KSh": "KES", "Ksh": "KES", "KES": "KES", "GH¢": "GHS", "GHS": "GHS", "PHP": "PHP", "Php": "PHP",
    # one letter glued to an amount, as Nigerian, South African and Philippine outlets write it
    # ("N25,750", "R400,000", "P90,078"); only before an amount that reads as money (_LETTER_AMOUNT)
    "N": "NGN", "R": "ZAR", "P": "PHP",
}
# Currency nouns after the number ("800 yuan", "10.5 million Australian dollars").
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "ringgit": "MYR",
    "sen": "MYR sen", "cent": "cents", "cents": "cents", "pence": "pence", "shekel": "ILS",
    "shekels": "ILS", "crowns": "crowns", "kronor": "SEK", "krona": "SEK", "kroner": "NOK",
    "francs": "CHF", "rand": "ZAR", "naira": "NGN", "pesos": "pesos", "rubles": "RUB",
    "roubles": "RUB", "lira": "TRY", "baht": "THB", "dinars": "dinars", "dirhams": "AED",
    "riyals": "SAR", "rupiah": "IDR", "zloty": "PLN", "forint": "HUF", "won": "KRW",
    "pounds sterling": "GBP", "sterling": "GBP", "shillings": "shillings", "cedis": "GHS", "cedi": "GHS",
}
# Adjectives that pick the currency of "dollars"/"crowns": "Australian dollars" -> AUD.
_CURRENCY_ADJECTIVES = {
    ("australian", "dollars"): "AUD", ("canadian", "dollars"): "CAD",
    ("kong", "dollars"): "HKD", ("zealand", "dollars"): "NZD", ("singapore", "dollars"): "SGD",
    ("taiwan", "dollars"): "TWD", ("us", "dollars"): "USD", ("u.s.", "dollars"): "USD",
    ("american", "dollars"): "USD", ("danish", "crowns"): "DKK", ("swedish", "crowns"): "SEK",
    ("norwegian", "crowns"): "NOK", ("czech", "crowns"): "CZK", ("mexican", "pesos"): "MXN",
    ("philippine", "pesos"): "PHP", ("argentine", "pesos"): "ARS", ("kenyan", "shillings"): "KES",
    ("ugandan", "shillings"): "UGX", ("tanzanian", "shillings"): "TZS",
}
# Hundredths of a currency after the number: "32 cents" is 0.32 USD, "18 pence" 0.18 GBP. Cents
# belong to whichever dollar or euro the sentence prices in (US dollars when it names none);
# an adjective names it outright ("70 euro cents", "5 Australian cents").
_SUBUNITS = {"cent": None, "cents": None, "pence": "GBP", "sen": "MYR", "paise": "INR",
             "kopecks": "RUB", "kopeks": "RUB"}
_CENT_ADJECTIVES = {"euro": "EUR", "us": "USD", "u.s.": "USD", "american": "USD",
                    "australian": "AUD", "canadian": "CAD", "singapore": "SGD", "kong": "HKD",
                    "zealand": "NZD", "taiwan": "TWD"}
# Currencies divided into cents, for "cents" to borrow from a neighbouring amount.
_CENT_CURRENCIES = frozenset("USD EUR AUD CAD NZD HKD SGD TWD".split())
# Plural nouns a length names as an event or its parts, never counted in millions: "the 60m
# hurdles", "the 800m heats", "the 100m and 200m titles", "one of the top three 800m runners".
_LENGTH_EVENTS = frozenset("""
hurdles heats finals semi-finals semifinals semis titles records runners sprinters races sprints
relays events medals medallists medalists champions championships specialists swimmers runs laps
bests qualifiers games olympics indoors outdoors trials nationals worlds series
""".split())

# Measurement units after the number, surface -> canonical unit. Keys are matched
# case-sensitively when they contain an upper-case letter or are short abbreviations.
_UNITS = {
    # speed and fuel economy (before plain length units so the longer form wins)
    "miles per hour": "mph", "mph": "mph", "kmph": "km/h", "km/h": "km/h", "km/hr": "km/h", "kph": "km/h",
    "kilometres per hour": "km/h", "kilometers per hour": "km/h", "m/s": "m/s",
    "metres per second": "m/s", "meters per second": "m/s", "miles per gallon": "mpg",
    "mpg": "mpg", "knots": "knots", "kt": "knots",
    # length
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "m": "m", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "cm": "cm",
    "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm",
    "millimeters": "mm", "millimetre": "mm", "millimeter": "mm", "μm": "µm", "µm": "µm",
    "microns": "µm", "micrometres": "µm", "micrometers": "µm", "miles": "mi", "mile": "mi",
    "mi": "mi", "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in",
    "″": "in", "yards": "yd", "yard": "yd", "yd": "yd", "yds": "yd", "nautical miles": "nmi",
    "light years": "ly", "light-years": "ly",
    # area
    "square feet": "sq ft", "square foot": "sq ft", "sq ft": "sq ft", "sq. ft.": "sq ft",
    "sqft": "sq ft", "square metres": "m2", "square meters": "m2", "sq m": "m2",
    "sqm": "m2", "m2": "m2", "m²": "m2", "km2": "km2", "km²": "km2",
    "square kilometres": "km2", "square kilometers": "km2", "square miles": "sq mi",
    "acres": "acres", "acre": "acres", "hectares": "ha", "hectare": "ha", "ha": "ha",
    # mass
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kilos": "kg",
    "g": "g", "grams": "g", "grammes": "g", "gram": "g", "mg": "mg", "milligrams": "mg",
    "milligram": "mg", "lb": "lb", "lbs": "lb", "pounds": "lb", "pound": "lb",
    "oz": "oz", "ounces": "oz", "ounce": "oz", "tonnes": "t", "tonne": "t", "tons": "t",
    "ton": "t", "t": "t", "Mt": "Mt", "Gt": "Gt", "gigatonnes": "Gt", "gigatons": "Gt",
    "megatonnes": "Mt", "megatons": "Mt", "drams": "dr", "carats": "ct",
    # volume
    "litres": "L", "liters": "L", "litre": "L", "liter": "L", "l": "L", "L": "L",
    "ml": "mL", "mL": "mL", "millilitres": "mL", "milliliters": "mL", "gallons": "gal",
    "gallon": "gal", "barrels a day": "bbl/d", "barrels per day": "bbl/d", "bpd": "bbl/d",
    "barrels": "bbl", "barrel": "bbl", "bbl": "bbl", "cubic feet": "cu ft",
    "cubic metres": "m3", "cubic meters": "m3", "m3": "m3", "bcm": "bcm",
    # power, energy, electricity, frequency
    "horsepower": "hp", "hp": "hp", "bhp": "hp", "HP": "hp", "PS": "PS", "kW": "kW",
    "kilowatts": "kW", "kWh": "kWh", "kilowatt-hours": "kWh", "MW": "MW", "megawatts": "MW",
    "megawatt": "MW", "MWh": "MWh", "GW": "GW", "gigawatts": "GW", "gigawatt": "GW",
    "GWh": "GWh", "TWh": "TWh", "W": "W", "watts": "W", "watt": "W", "V": "V",
    "volts": "V", "volt": "V", "kV": "kV", "mAh": "mAh", "amps": "A", "Hz": "Hz",
    "hz": "Hz", "HZ": "Hz", "kHz": "kHz", "MHz": "MHz", "GHz": "GHz", "Ghz": "GHz",
    "rpm": "rpm", "Nm": "Nm", "lb-ft": "lb-ft", "pound-feet": "lb-ft", "ksi": "ksi",
    "psi": "psi", "bar": "bar", "Pa": "Pa", "kPa": "kPa", "MPa": "MPa", "GPa": "GPa",
    "eV": "eV", "keV": "keV", "MeV": "MeV", "GeV": "GeV", "TeV": "TeV", "J": "J", "kJ": "kJ",
    "MJ": "MJ", "nanometres": "nm", "nanometers": "nm", "nanometre": "nm", "nanometer": "nm",
    "nm": "nm", "cubic kilometres": "km3", "cubic kilometers": "km3", "km3": "km3", "km³": "km3",
    "m³": "m3", "teaspoons": "tsp", "teaspoon": "tsp", "tsp": "tsp", "tablespoons": "tbsp",
    "tablespoon": "tbsp", "tbsp": "tbsp", "cups": "cups", "cup": "cups", "calories": "kcal", "Calories": "kcal", "kcal": "kcal",
    # data
    "GB": "GB", "MB": "MB", "TB": "TB", "KB": "kB", "kB": "kB", "PB": "PB",
    "gigabytes": "GB", "gigabyte": "GB", "megabyte": "MB", "terabyte": "TB", "megabytes": "MB", "terabytes": "TB", "Gbps": "Gbps",
    "Mbps": "Mbps", "Kbps": "kbps", "bits": "bits", "bytes": "bytes",
    # temperature and angle
    "°C": "°C", "ºC": "°C", "°F": "°F", "ºF": "°F", "degrees celsius": "°C",
    "degrees Celsius": "°C", "degrees fahrenheit": "°F", "degrees Fahrenheit": "°F",
    "degrees C": "°C", "degrees F": "°F", "Celsius": "°C", "celsius": "°C",
    "Fahrenheit": "°F", "fahrenheit": "°F", "degF": "°F", "degC": "°C", "deg C": "°C",
    "deg F": "°F", "degrees": "degrees", "degree": "degrees", "°": "degrees",
    # time and age
    "year-old": "years", "years old": "years", "years-old": "years", "month-old": "months",
    "months old": "months", "week-old": "weeks", "day-old": "days",
    "years": "years", "year": "years", "yrs": "years", "months": "months", "month": "months",
    "weeks": "weeks", "week": "weeks", "days": "days", "day": "days", "hours": "hours",
    "hour": "hours", "hrs": "hours", "hr": "hours", "minutes": "minutes", "minute": "minutes",
    "mins": "minutes", "min": "minutes", "seconds": "seconds", "second": "seconds",
    "secs": "seconds", "sec": "seconds", "ms": "ms", "milliseconds": "ms",
    "decades": "decades", "centuries": "centuries",
    # concentration
    "parts per million": "ppm", "parts per billion": "ppb", "ppm": "ppm", "ppb": "ppb",
    # multiplier
    "times": "times", "x": "times",
}
# Units that are plain English words need a word boundary and may follow a hyphen
# ("6.1-inch"); these bare abbreviations only count when glued to or right after the number.
_AMBIGUOUS_UNITS = {"m", "t", "l", "L", "g", "W", "V", "x", "PS", "kt", "ha", "mi", "hr", "sec", "min", "°"}
# Singular time units only count as a unit in compounds ("30 year rate", "five-year"),
# never as the head of "2 day" when it is a date -- kept for completeness of the table.

# Words ending in -s that are not plural nouns, or words that never head a counted noun phrase.
_STOPWORDS = frozenset("""
a an the and or but nor of to in on at by for from with without into onto upon over under
above below about around after before since until till during than then as per via vs versus
is was were are be been being am has have had do does did will would shall should can could
may might must not no nor so too very just only also even still yet ago again more most less
least fewer few many much some any all each every both either neither this that these those
it its it's they them their theirs he him his she her hers we us our ours you your yours i me
my mine who whom whose which what when where why how there here if unless while whereas
because though although whether up down out off away back now later earlier last next
respectively apiece each year-on-year annually a-year a-week per-cent percent including
such other another own same s plus minus times thus across always perhaps sometimes besides
whereas various previous serious famous analysts says said say told tells according
""".split())
# Plural nouns that do not end in -s.
_IRREGULAR_PLURALS = frozenset("""
people men women children police staff personnel cattle feet teeth mice geese data media
criteria sheep fish deer aircraft crew livestock troops youth folk
""".split())
# Words before a number that make it part of a name or a reference: "No. 1", "Article 50".
_NAME_STOPWORDS = frozenset("""
The A An About Around Almost Nearly Some Over Under Just Only All Of With And But Or In On
At By To From Since For Than Up Down Roughly Approximately Around Another Another More Less
Fewer Least Most Top Bottom Exactly Until Between Another Those These Both Each Every Are Were
Is Was Had Has Have Another Total Only Another It Its We They He She You I Estimated Even
Nearly Another Averaging Average Then Another Then After Before During Among Within Another
""".split())

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")


def _alternation(words) -> str:
    """Regex alternation of literal words, longest first so the longest match wins."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER_WORD = _alternation(list(_SMALL) + ["hundred", "thousand", "million", "billion",
                                            "trillion", "dozen"])

# ---------------------------------------------------------------------------------------------
# Patterns, compiled once.
# ---------------------------------------------------------------------------------------------

# Numbers that are no quantity, matched where a digit run starts; the number and whatever the
# match covers are skipped.
_BLOCKED_AT = re.compile(
    rf"""
      \d{{4}}-\d{{2}}(?:-\d{{2}}(?:T[\d:.]+Z?)?)?(?![\d%])  # ISO dates: 2021-10, 2019-09-01T10:38:07Z
    | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b              # 1/11/2021, 01.11.21
    | \d{{4}}/\d{{1,2}}/\d{{1,2}}\b                      # 2021/11/01
    | (?:1[5-9]|20)\d{{2}}\s?[-–—/]\s?\d{{2}}(?![\d%.,])  # year spans: 2012–13, 2014-15
    | \d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s?(?:[ap]\.?m\b\.?|GMT|UTC|BST|EDT|EST|PDT|PST|ET|PT)\b  # 10.45pm, 9:35 PM
    | \d{{4}}\s?(?:GMT|UTC|Z)\b                         # 0401 GMT
    | \d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?\b          # 10:30, 1:36.6 (clock and lap times)
    | \d{{1,2}}\s?[ap]\.?m\b\.?                           # 3pm, 2 p.m.
    | (?<![\w$£€])(?P<score>\d{{1,2}})-(?P<score2>\d{{1,2}})(?![\d%\w,]|\.\d|\s?(?:%|per|percent|(?:{_alternation(list(_UNITS) + list(_MAGNITUDES))})\b))  # scores: 2-1, 89-89 (not "3-5 years")
    | \d{{1,2}}(?:st|nd|rd|th)?(?:\s?[-–]\s?|\s(?:to|and|until|till|through)\s)\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}\b(?:,?\s(?:1[5-9]|20)\d{{2}}\b)?  # 4-6 March, 4 to 6 March 2005
    | \d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}\b(?:,?\s(?:1[5-9]|20)\d{{2}}\b)?  # 1 September 2019, 9 May
    | \d{{3}}\)?[\s.-]\d{{3}}[\s.-]\d{{4}}\b              # phone: (555) 123-4567, 555.123.4567
    | (?<=\+)\d{{1,3}}(?:[\s-]\d{{2,4}}){{2,4}}\b         # phone: +44 20 7946 0958
    | \d+(?:\.\d+){{2,}}\b                               # versions and addresses: 192.168.1.2, 13.1.2
    | \d+(?:st|nd|rd|th)\b                               # ordinals: 21st, 4th
    | (?<=['’])\d{{2}}s?\b                               # '90s, ’19
    | \d+0s\b                                            # decades: 1990s, 80s
    | (?<=[×x])\d+[−-]?\d*                               # scientific exponent tails: ×10−30
    """,
    re.VERBOSE,
)
# A month name right before a day number: "November 1", "Sept. 20-24", "Dec 20 2019".
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s$")
_MONTH_DAY_AT = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\b(?:(?:\s?[-–]\s?|\s(?:to|and|until|till|through)\s)\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s(?:1[5-9]|20)\d{2}\b)?|(?:1[5-9]|20)\d{2}\b")
# References and ranks: "No. 1", "#3", "number 10".
_REFERENCE_BEFORE = re.compile(r"(?:\bNo\.|\#|\b[Nn]umber)\s?$")
# Where a candidate may start: a digit, or a word that can begin a spelled-out quantity.
_TRIGGER_WORDS = frozenset(
    [w for w in _SMALL if w not in ("one", "two")] + ["one", "two", "hundred", "thousand",
     "million", "billion", "trillion", "dozen", "dozens", "tens", "hundreds", "thousands",
     "millions", "billions", "trillions"] + list(_FRACTION_WORDS))
_TRIGGER_FIRST = "".join(sorted({w[0] for w in _TRIGGER_WORDS} | {w[0].upper() for w in _TRIGGER_WORDS}))
# The only pattern run over the whole text: a digit, or a word that can start a spelled-out
# quantity (the lookahead on the first letter lets most positions fail at once).
_TRIGGER = re.compile(rf"(\d|[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])|\b(?=[{_TRIGGER_FIRST}])(?i:{_alternation(_TRIGGER_WORDS)})\b")

# The single scan: digit numbers and runs of number words.
_CANDIDATE = re.compile(
    rf"""
    (?P<digits>
        (?<![\d.,])                         # not the tail of a longer number
        (?:
            (?<=[$£€¥₹])\d{{1,3}}(?:,\d{{3}})*(?:,\ \d{{3}})+(?:\.\d+)?(?!\d)  # $30, 000: a stray space after the comma of an amount
          | \d{{1,3}}(?:,\ 000)+(?!\d)         # 30, 000 people: the space again, before a round thousand
          | \d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?  # 15,62,52,872 / 1,50,000 (lakh grouping)
          | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?     # 1,200 / 1,234,567.89
          | \d{{1,3}}(?:[ \u00a0\u202f]\d{{3}}){{1,4}}(?![ \u00a0\u202f]?\d)(?=\s?(?:{_alternation(list(_UNITS) + list(_CURRENCY_WORDS) + ["people"])})\b)  # 816 000 t
          | \d+(?:\.\d+)?                     # 42 / 3.14 / 13000
          | \.\d+                             # .500
        )
        (?![\d])
    )
  | (?P<plural>                             # "tens of thousands", "hundreds", "dozens"
        \b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|trillions)\b
    )
  | (?P<fraction>                           # "a third of", "two-thirds", "half of"
        \b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+)?
        (?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b
    )
  | (?P<words>                              # "twenty-five", "two and a half million"
        \b(?:a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?
        (?:{_NUMBER_WORD})\b
        (?:(?:\s+and\s+a\s+half\b)
          |(?:(?:\s+|-|\s+and\s+)(?:{_NUMBER_WORD}|hundreds|thousands|millions|billions)\b)){{0,12}}
    )                                       # (bounded: a run is read in pieces of at most 13 words)
    """,
    re.VERBOSE | re.IGNORECASE,
)

_CURRENCY_BEFORE = re.compile(
    r"""
    (?P<cur>
        (?:US|U\.S\.|AU|A|CA|C|HK|NZ|S|NT|R)\s?\$     # US$ / US $ / C $ / HK$ / S $
      | \$\s?(?:US|A)                                 # $US113, $A82
      | [$£€¥₹₩₽₺₦₱₪]                                 # symbol
      | \b(?:USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|HKD|SGD|NZD|MYR|ZAR|SEK|NOK|DKK|KRW|BRL|MXN|RUB|TRY|NGN|ILS|AED|SAR|Rs\.?|RM|PS|Y=
           |KSh|Ksh|KES|GH¢|GHS|PHP|Php)
      | (?<![\w.])[NRP]                                # N25,750 / R400,000 / P90,078: glued
    )
    \s?$                                             # right before the number
    """,
    re.VERBOSE,
)
# After "PS" only a real amount is money: "PS21,700", "PS2.7m", "PS60"; not "PS5".
_PS_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+\.\d|\d+\s?(?:m|bn|k|million|billion)\b|\d{2,}")
# After a one-letter currency only a plain amount is money: "N25,750", "R1.2 billion"; not "N95", "P2".
_LETTER_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+(?:\.\d+)?\s?(?:million|billion|trillion|bn|lakhs?|crores?)\b")
_EXPONENT_AFTER = re.compile(r"(?:[eE]|\s?[×*]\s?10\^?|x10\^)(?P<exp>[-+−]?\d{1,3})(?!\d|[.,]\d|[A-Za-z]{2})")
_FRACTION_SCALE_AFTER = re.compile(r"\s+(?:a\s+)?(thousand|million|billion|trillion)\b", re.IGNORECASE)
_FRACTION_END_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$)")
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
           "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
           "⅞": 7 / 8}
# After a house number: up to three name words and a street type, or a street type and a name.
_ADDRESS_AFTER = re.compile(
    r"""
    (?:\s(?:[NSEW]\.?|[A-Z][a-z]+|\d+(?:st|nd|rd|th))){0,3}
    \s(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Ln|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct|Terrace|Crescent|Close|Square|Highway|Hwy|Parkway|Pkwy)\b
    | \s(?:Ave|Avenue|Rue|Via|Calle|Boulevard)\s[A-Z]
    """,
    re.VERBOSE,
)
_WHITESPACE = re.compile(r"\s")
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_SLASH_FRACTION = re.compile(r"/(\d{1,2})(?![\d/])")
_MIXED_WHOLE_BEFORE = re.compile(r"\b(\d{1,2}) $")
_SIGN_BEFORE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=\()|(?<=\[))([-−–+])$|\bminus[\s-]$|(?<=\bminus)-$", re.IGNORECASE)

# Adjectives of expectation or record between a bound and its number: "more than the expected $18m".
_EXPECTED = ("expected forecast predicted anticipated projected estimated targeted budgeted required "
             "planned promised agreed official previous record reported usual average typical hoped-for").split()
_EXPECTED_WORDS = "(?:" + "|".join(_EXPECTED) + ")"
_EXPECTED_SET = frozenset(_EXPECTED)
# The same adjective after the number: "more than the £1.4bn expected", "less than the 4% forecast".
_EXPECTED_AFTER = re.compile(r"[ \u00a0]+(?:expected|forecast|predicted|anticipated|estimated|projected|targeted|budgeted)\b")
_COMPARED_BEFORE = re.compile(r"\b(?:(?P<gt>more|greater|higher)|(?P<lt>less|fewer|lower))\s+than\s+(?:the|an?|its|their)\s+$",
                              re.IGNORECASE)
# Bound words before the number; the group name is the bound.
_BOUND_BEFORE = re.compile(
    rf"""
    (?:^|(?<=[\s(\[“"'‘]))
    (?:
        (?P<ge>at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum\s+of)
      | (?P<le>up\s+to|no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|maximum\s+of|as\s+(?:many|much)\s+as)
      | (?P<gt>more\s+than|over(?:\s+than)?|above|greater\s+than|higher\s+than|in\s+excess\s+of|upwards\s+of|exceeding|just\s+over|north\s+of|beyond)
      | (?P<lt>fewer\s+than|less\s+than|lower\s+than|under|below|just\s+under|shy\s+of)
      | (?P<approx>about|nearly|almost|around|some|roughly|approximately|approx\.?|circa|c\.|an\s+estimated|estimated|close\s+to|~|≈|more\s+or\s+less|just\s+about|an\s+average\s+of|on\s+average)
    )
    # "more than the expected $18m", "less than the forecast 2%": the bound reaches over a
    # determiner and an adjective of expectation or record to the number it compares with
    (?:\s+(?:the|an?|its|their|his|her|our|this\s+year's|last\s+year's)\s+{_EXPECTED_WORDS})?
    \s*$
    | (?P<lt2>\bsub-)$                     # "sub-500 sq m"
    | (?:(?P<ge3>>=|=>|≥)|(?P<le3><=|=<|≤)|(?P<gt3>>)|(?P<lt3><))\s?$   # symbols: ">= 30", "<5%"
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Bound words after the quantity: "100 or more", "30-plus".
_BOUND_AFTER = re.compile(r"(?:\s+or\s+(?P<ge>more|above|higher)|\s+or\s+(?P<le>less|fewer|below)|-?(?P<ge2>plus)|(?P<approx>\s+or\s+so))\b(?!\s+than)",
                          re.IGNORECASE)

_MAGNITUDE_AFTER = re.compile(
    r"""
    (?P<sp>[ \u00a0]?)
    (?P<mag>(?i:thousand|hundred|million|billion|trillion|lakhs?|crores?)|mn|mln|mil|mio|bn|bln|tn|trn|[mMbBkKT])
    (?![A-Za-z0-9])
    """,
    re.VERBOSE,
)
_PERCENT_AFTER = re.compile(
    r"""
    [ \u00a0]?
    (?:
        (?P<pp>percentage[\s-]points?|pct\.?\s?points?|pp\b|ppts?\b)   # 3 percentage points
      | (?P<bp>basis[\s-]points?|bps\b|bp\b)                          # 40 basis points
      | (?P<pc>%|per\s?cent\b|percent\b|pct\b|pc\b)                   # 20%, 20 per cent, 5pc
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_UNIT_WORDS = [u for u in _UNITS if u not in _AMBIGUOUS_UNITS]
# Measurement units after the number (optionally after a hyphen: "6.1-inch", "185-hp").
_UNIT_AFTER = re.compile(
    rf"""
    (?:[ \u00a0]?-?[ \u00a0]?)              # "40 yard", "6.1-inch", "3923sq m"
    (?P<unit>{_alternation(_UNIT_WORDS)})
    (?:\^[-−]?\d|[²³])?                  # km^2, m³
    (?![A-Za-z0-9²])
    """,
    re.VERBOSE,
)
# Ambiguous one-letter units only right after the number: "816 000 t", "5.5t", "1.0l", "5-10W".
_SHORT_UNIT_AFTER = re.compile(
    rf"""
    [ \u00a0]?(?P<unit>{_alternation(_AMBIGUOUS_UNITS)})(?![A-Za-z0-9²/])
    """,
    re.VERBOSE,
)
_CURRENCY_CODE_AFTER = re.compile(
    r"[ \u00a0]?(?P<code>USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|HKD|SGD|NZD|MYR|ZAR|SEK|NOK|DKK|KRW|BRL|MXN|RUB|ILS)\b"
)
# "p" for pence ("118.5p") and "c" for cents, only glued to the number.
_PENCE_AFTER = re.compile(r"p(?![A-Za-z0-9])")  # "118.5p": glued only
# Short units that may also stand after a space: "5 W charger", "930,000 mi", "3 min".
_STERLING_AFTER = re.compile(r"\s+sterling\b")
_SPACED_SHORT_UNITS = frozenset({"t", "PS", "W", "V", "kt", "ha", "mi", "hr", "sec", "min"})
_DEGREE_SCALE_AFTER = re.compile(r"\s?([CF])\b")

# One word of the noun phrase after a number.
_NP_WORD = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][A-Za-z'’.&-]*[A-Za-z]|[A-Za-z])")
_PER_AFTER = re.compile(r"[ \u00a0]?(?:per|a|an|/)[ \u00a0]?(?:share|barrel|ounce|gram|month|year|week|day|person|head|hour|square\s(?:foot|metre|meter)|sq\s?[mf]t?)\b", re.IGNORECASE)

# Ranges and ratios between two neighbouring quantities.
_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b|/)\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RATIO_JOINER = re.compile(r"\s+(?:out\s+of|in|of\s+every)\s+", re.IGNORECASE)

# Year-like prepositions: "in 2008", "since 2017".
# "in 2019 sales rose": a year even though a plural noun follows.
_YEAR_PREP_BEFORE = re.compile(r"\b(?:in|since|by|until|till|after|before|during|throughout|of|for|early|late|mid|fiscal|FY)[\s-]+$", re.IGNORECASE)
# "between 1600 and 1900 world temperatures": the second of two years.
_YEAR_PAIR_BEFORE = re.compile(r"\b(?:1[5-9]|20)\d{2}\s?(?:and|to|-|–|until|through)\s?$")
_ERA_AROUND = re.compile(r"\b(?:A\.D\.|AD|B\.C\.|BC|BCE|CE)\s\d{3,4}\b|\b\d{3,4}\s(?:A\.D\.|AD|B\.C\.|BC|BCE|CE)\b")
_RANGE_TO_NUMBER = re.compile(r"\s?(?:-|–|to)\s?\d[\d,.]*")
_PLURAL_WORD_AT = re.compile(r"\s(?:[a-z]{2,}s|people|men|women|children|staff)\b")
_HYPHEN_PREFIX_BEFORE = re.compile(r"\b(?:sub|minus|now|over|under|about|around|nearly|almost|some|up|top|to)-$", re.IGNORECASE)
_OF_DETERMINER = re.compile(r"(?:\s+(?:its|the|their|his|her|our|my|your|these|those))?")
_CURRENCY_CHARS = "$£€¥₹₩₽₺₦₱₪=¢"
# Last words of the phrases in _BOUND_BEFORE: the pattern only runs after one of these.
_BOUND_LAST_WORDS = frozenset("""
least than of to most as over above exceeding beyond under below about nearly almost around
some roughly approximately approx approx. circa c. estimated less average more
""".split()) | frozenset(_EXPECTED)
_NUMBER_REFERENCE_BEFORE = re.compile(r"\b(?:number|No\.)\s+$", re.IGNORECASE)
# Verbs of change: "rose 3% to ...", "fell by 2 points to ...".
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|sank|sunk|grown|dipped|slumped|shrank|shrunk|shrinks?|swelled|contracted|up|down|increased?|decreased?|gained?|lost|"
    r"climbed?|dropped|drop|jumped?|slid|slipped|edged(?:\s+(?:up|down|higher|lower))?|grew|grow|"
    r"declined?|added|shed|plunged?|surged?|soared?|tumbled?|advanced?|eased?|lifted|raised?|"
    r"cut|lowered|higher|lower|increases?|decreases?|gains?|losses|drops?|jumps?)(?:\s+by)?\s+$",
    re.IGNORECASE)
# Characters that can start a unit or percent sign that is not a letter.
_UNIT_START_CHARS = "%°º″µμ²³'’"
_MAGNITUDE_HYPHEN_BEFORE = re.compile(r"\d(?:k|m|bn|K|M)-$")  # "5k-20k", "$2m-3m"
# Words of length after a glued "m": "2.5m high", "6m-long", "37m (121ft)", "17m per second".
_LENGTH_AFTER = re.compile(
    r"""
      [ \u00a0]?-?[ \u00a0]?(?:high|long|tall|wide|deep|thick|away|taller|longer|deeper|wider
         |above\s+sea|below\s+sea|underground|in\s+(?:length|height|diameter|depth|width))\b
    | [ \u00a0]*\([ \u00a0]*[\d.,]+[ \u00a0]?(?:ft|feet|foot|in|inches|yards?|yd|miles?)\b
    | [ \u00a0]?(?:/[ \u00a0]?s\b|per\s+(?:second|minute|hour)\b|an?\s+(?:second|minute|hour)\b)
    """,
    re.VERBOSE,
)
# The next number of a run of glued "m" numbers: "100m and 200m titles", "3m-4m people".
_M_CHAIN_AFTER = re.compile(r"[ \u00a0]*(?:-|–|,|and|or|to)[ \u00a0]*\d[\d,]*(?:\.\d+)?m(?![A-Za-z0-9])")
# "of the UK's 1.6m": the whole a part is of, written with a glued "m".
_OF_WHOLE_M = re.compile(r"[ \u00a0]+(?:[A-Za-z][\w.&-]*['’]s[ \u00a0]+)?\d[\d,]*(?:\.\d+)?m(?![A-Za-z0-9])")
# "the 800m", "men's 800m", "the world 60m": a length naming an event, never a bare million.
_EVENT_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an)|['’]s)[ \u00a0]+(?:(?:[A-Z][a-z]+|world|indoor|outdoor|national)[ \u00a0]+)?$")
# A conversion into a currency right after a bare figure: "204.3m (£109m)", "648m ($492m)".
_MONEY_CONVERSION_AFTER = re.compile(r"[ \u00a0]*\([ \u00a0]*(?:[$£€¥]|US\$|A\$|C\$|HK\$|Rs\.?)[ \u00a0]?\d")
# What a sentence counts in millions when a bare "11.9m" stands alone in it.
_AUDIENCE = re.compile(r"\b(?:viewers|audiences?|watched|ratings|listeners|readers|users|subscribers|visitors|population"
                       r"|sales|copies|downloads|tickets|votes|customers|members|households)\b")
# Words before a bare "2.3m" that measure a length: "cleared 2.3m", "a throw of 70m", "over the last 200m".
_LENGTH_BEFORE = re.compile(
    r"\b(?:cleared|jumped|jumping|leapt|leaped|threw|thrown|throwing|vaulted|swam|swimming|ran|sprinted|landed|measured"
    r"|measuring|stretch(?:es|ed)?(?:\s+for)?|(?:height|depth|length|distance|altitude|jump|throw|leap|vault)s?\s+of"
    r"|the\s+(?:last|final|first)|at\s+a\s+depth\s+of)[ \u00a0]+(?:(?:about|around|nearly|almost|some|over|just)[ \u00a0]+)?$",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# Durations: a clock form ("3:46.04", "2:17:18", "31:41") and the units of a compound one.
_CLOCK_DURATION = re.compile(r"(?:(?P<h>\d{1,2}):(?=[0-5]\d:))?(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?P<f>\.\d+)?(?![\d:]|\.\d)")
_CLOCK_OF_DAY_AFTER = re.compile(r"\s?(?:[ap]\.?m\b\.?|GMT|UTC|BST|EDT|EST|PDT|PST|CET|ET|PT)\b", re.IGNORECASE)
_DURATION_BEFORE = re.compile(
    r"(?:\b(?:in|of|clocked|clocking|clocks|timed|ran|run|runs|running|finished|finishing|won|winning|record|best|"
    r"mark|time|under|inside|outside)[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?|\([ \u00a0]*|\bsub-)$", re.IGNORECASE)
_DURATION_RANK = {"hours": 3, "minutes": 2, "seconds": 1}
_DURATION_SECONDS = {"hours": 3600.0, "minutes": 60.0, "seconds": 1.0}
_DURATION_JOINER = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*)?(?:and[ \u00a0]+)?")
# After a number: hundredths of a currency ("32 cents", "70 euro cents", "5 Australian cents").
_SUBUNIT_AFTER = re.compile(
    r"[ \u00a0]+(?:(?P<adj>euro|US|U\.S\.|American|Australian|Canadian|Singapore|Hong[ \u00a0]Kong|New[ \u00a0]Zealand|Taiwan)[ \u00a0]+)?"
    r"(?P<w>cents?|pence|sen|paise|kopecks|kopeks)\b")
# Glued "p" that is a video resolution, not pence: "1080p", "720p".
_RESOLUTIONS = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})
_ONE_BEFORE = re.compile(r"\b(?:the|each|any|every|no|this|that|which|another|same|only|other|one|someone|number|no\.)\s+$|-$", re.IGNORECASE)
_ONE_AFTER = re.compile(r"(?:\s+(?:another|day|thing|way|time|by|such|or\s+two|or\s+other|after|at\s+a|and\s+the\s+same|in\s+order|too)\b|-(?:off|time|on|way|stop|size|man|party)\b|\s*[,.;:!?)\]\"”]|\s*$|\s+[\d$£€])", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|my|your|all)\s+$", re.IGNORECASE)
_FRACTION_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_HALF_OF_TIME_BEFORE = re.compile(r"\b(?:first|second|latter|other|back|front|top|bottom)\s+$", re.IGNORECASE)
_FRACTION_OK_BEFORE = re.compile(r"\b(?:almost|nearly|about|around|roughly|over|under|more\s+than|less\s+than|than|just|some|by|approximately|exactly)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class _Q:
    """A quantity under construction (mutable, internal)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    kind: str = "count"
    unit: str | None = None
    bound: str = "="
    of: float | None = None
    upper: float | None = None
    has_magnitude: bool = False
    approx_plural: bool = False
    after_hyphen: bool = False  # "3888-2": kept only if it merges into a range with its left side
    np_modifiers: int = 0  # words between the number and the head noun (+1 if the head is capitalised)
    bare_m: bool = False  # "38m" read as metres for want of a sign; the sentence may make it million
    open_currency: bool = False  # "32 cents" whose dollar or euro the sentence may name
    subunit: bool = False  # a hundredth of a currency ("15 cents"): a bare number before it shares it


def find_quantities(text: str) -> list[Quantity]:
    """Return the quantities in ``text`` in text order; never raises."""
    if not isinstance(text, str) or not text:
        return []
    try:
        found = _scan(text)
    except Exception:  # pragma: no cover - a last guard; the scan itself is total
        return []
    out: list[Quantity] = []
    for q in found:
        if q.start < 0 or q.end > len(text) or q.start >= q.end:
            continue
        value = q.value
        if value != value or value in (float("inf"), float("-inf")):
            continue
        out.append(Quantity(text=text[q.start:q.end], start=q.start, end=q.end, value=value,
                            kind=q.kind, unit=q.unit, bound=q.bound, of=q.of, upper=q.upper))
    return out


# ---------------------------------------------------------------------------------------------
# The scan.
# ---------------------------------------------------------------------------------------------

def _scan(text: str) -> list[_Q]:
    items: list[_Q] = []
    n = len(text)
    pos = 0
    context = False  # some figure waits for its sentence to decide it (see _resolve_context)
    search = _TRIGGER.search
    while True:
        m = search(text, pos)
        if m is None:
            break
        s = m.start()
        if m.group(1) is None:
            word = m.group()
            pos = m.end()
            lw = word.lower()
            if lw not in _TRIGGER_WORDS or (s > 0 and text[s - 1].isalpha()):
                continue
            start = s
            # "a hundred", "a third": the article belongs to the number.
            if s >= 2 and text[s - 2] in "aA" and text[s - 1] == " " and (s < 3 or not text[s - 3].isalnum()):
                start = s - 2
            cm = _CANDIDATE.match(text, start)
            if cm is None and start != s:
                cm = _CANDIDATE.match(text, s)
            if cm is None or cm.lastgroup == "digits":
                continue
        elif text[s] in _VULGAR:
            pos = s + 1
            if s == 0 or not text[s - 1].isdigit():
                q = _from_vulgar(text, s)
                if q is not None:
                    items.append(q)
                    pos = max(pos, q.end)
            continue
        else:
            if s > 0 and (text[s - 1].isdigit() or text[s - 1] in ",." and s > 1 and text[s - 2].isdigit()):
                pos = s + 1  # inside a number we already passed
                continue
            # Inside a URL, e-mail address or file path: skip the whole token.
            window = max(0, s - 300)
            tok_start = max(text.rfind(" ", window, s), text.rfind("\n", window, s), window - 1) + 1
            if text.find("://", tok_start, s) >= 0 or text.startswith("www.", tok_start) or text.find("@", tok_start, s) >= 0:
                nxt = _WHITESPACE.search(text, s)
                pos = nxt.start() if nxt is not None else n
                continue
            if text[s + 1:s + 2] == ":" or text[s + 2:s + 3] == ":":
                q = _from_clock(text, s)
                if q is not None:  # "3:46.04", "in a time of 31:41": a duration, in seconds
                    items.append(q)
                    pos = q.end
                    continue
            bm = _BLOCKED_AT.match(text, s)
            if bm is not None and bm.group("score") is not None and int(bm.group("score")) < int(bm.group("score2")) \
                    and _PLURAL_WORD_AT.match(text, bm.end()):
                bm = None  # "5-10 people" is a range, "2-1 thanks to" a score
            if bm is not None:
                pos = max(bm.end(), s + 1)
                continue
            left = text[max(0, s - 11):s]
            if s > 2 and text[s - 1] == " " and (text[s - 2].isalpha() or text[s - 2] == ".") and _MONTH_BEFORE.search(left):
                dm = _MONTH_DAY_AT.match(text, s)
                if dm is not None:
                    pos = max(dm.end(), s + 1)
                    continue
            if ("#" in left or "o." in left or "umber" in left) and _REFERENCE_BEFORE.search(left):
                pos = s + 1
                while pos < n and text[pos].isdigit():
                    pos += 1
                continue
            start = s - 1 if s > 0 and text[s - 1] == "." and (s < 2 or not text[s - 2].isdigit()) else s
            cm = _CANDIDATE.match(text, start)
            if cm is None or cm.lastgroup != "digits":
                pos = s + 1
                while pos < n and text[pos].isdigit():
                    pos += 1
                continue
        pos = max(cm.end(), s + 1)
        kind = cm.lastgroup
        q = None
        if kind == "digits":
            q = _from_digits(text, cm)
        elif kind == "words":
            q = _from_words(text, cm)
        elif kind == "plural":
            q = _from_plural(text, cm)
        elif kind == "fraction":
            q = _from_fraction(text, cm)
        if q is not None:
            items.append(q)
            pos = q.end if kind == "words" and q.end > s else max(pos, q.end)
            context = context or q.bare_m or q.open_currency
    items = _drop_overlaps(items)
    if context:
        _resolve_context(text, items)
    merged = _merge_pairs(text, _merge_durations(text, items))
    return _drop_overlaps([q for q in merged if not (q.after_hyphen and q.kind == "count" and q.unit is None)])


def _from_clock(text: str, s: int) -> _Q | None:
    """A duration written as a clock: "3:46.04" (a race time), "2:17:18", "in a time of 31:41".

    Hundredths of a second make it a duration wherever it stands; without them only a word of
    timing before it does ("in", "a time of", "clocked", "record of"): "at 10:30" is a time of
    day and "10:30pm" always is. The value is in seconds (kind "measure", unit "seconds").
    """
    cm = _CLOCK_DURATION.match(text, s)
    if cm is None or _CLOCK_OF_DAY_AFTER.match(text, cm.end()):
        return None
    if cm.group("f") is None and _DURATION_BEFORE.search(text, max(0, s - 24), s) is None:
        return None
    seconds = 3600 * int(cm.group("h") or 0) + 60 * int(cm.group("m")) + float(cm.group("s") + (cm.group("f") or ""))
    q = _Q(start=s, end=cm.end(), num_start=s, num_end=cm.end(), value=seconds, kind="measure", unit="seconds")
    _attach_bound(text, q)
    return q


def _merge_durations(text: str, items: list[_Q]) -> list[_Q]:
    """One duration written in several units is one quantity in seconds: "one minute, 47.97
    seconds" = 107.97 s, "2hr 4min 55sec", "24 hours, 39 minutes and 35 seconds". Each next unit
    is smaller than the last and its number below 60."""
    out: list[_Q] = []
    ranks: list[int] = []  # the rank of the smallest unit merged so far (0: not a duration)
    total: list[float] = []
    for q in items:
        rank = _DURATION_RANK.get(q.unit, 0) if q.kind == "measure" else 0
        if rank and out and 0 < rank < ranks[-1] and 0 <= q.value < 60 and q.bound == "=" \
                and q.start >= out[-1].end and _DURATION_JOINER.fullmatch(text, out[-1].end, q.start):
            a = out[-1]
            total[-1] += q.value * _DURATION_SECONDS[q.unit]
            a.value, a.unit, a.end, a.num_end = total[-1], "seconds", q.end, q.num_end
            ranks[-1] = rank
            continue
        out.append(q)
        ranks.append(rank)
        total.append(q.value * _DURATION_SECONDS[q.unit] if rank else 0.0)
    return out


def _drop_overlaps(items: list[_Q]) -> list[_Q]:
    """Text order, no overlaps: of two overlapping quantities the earlier (then longer) wins."""
    items.sort(key=lambda q: (q.start, -q.end))
    out: list[_Q] = []
    last_end = -1
    for q in items:
        if q.start >= last_end:
            out.append(q)
            last_end = q.end
    return out


def _parse_digits(raw: str) -> float:
    return float(raw.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))


def _from_digits(text: str, m: re.Match) -> _Q | None:
    s, e = m.span()
    raw = m.group()
    start = s
    left = text[max(0, s - 12):s]
    currency = None
    c1 = text[s - 1] if s > 0 else " "
    c2 = text[s - 2] if s > 1 and c1 == " " else c1
    cm = _CURRENCY_BEFORE.search(left) if (c2.isalpha() or c2 in _CURRENCY_CHARS or left.endswith("Rs. ")) else None
    if cm is not None and cm.group("cur") in ("N", "R", "P") and (c1 == " " or not _LETTER_AMOUNT.match(text, s)):
        cm = None  # "N95", "P2", "Team N 2,000": a name, not money
    if cm is not None:
        cur = re.sub(r"\s", "", cm.group("cur"))
        if cur == "PS" and not _PS_AMOUNT.match(text, s):
            return None  # "PS5" is a console, "PS21,700" is mangled "£21,700"
        currency = _CURRENCY_PREFIX.get(cur, "USD")
        start = s - (len(left) - cm.start())
    elif s > 1 and text[s - 1] == "/" and text[s - 2].isdigit():
        return None  # the second half of "24/7", "9/11", "1/0"
    elif s > 0 and (text[s - 1].isalpha() or text[s - 1] in "$=._"):
        return None  # letters glued on the left: a name or code ("G8", "M21", "ID.3")
    elif s > 1 and text[s - 1] == "-" and text[s - 2].isalpha() and not _HYPHEN_PREFIX_BEFORE.search(text, max(0, s - 8), s) \
            and not _MAGNITUDE_HYPHEN_BEFORE.search(text, max(0, s - 6), s):
        return None  # "F-35", "COVID-19", "TA-125" (but "sub-7", "minus-1.4", "now-18" are fine)
    value = _parse_digits(raw)
    sign = 1.0
    name_sign = False  # "COVID -19": a sign after a name is a hyphen unless a unit follows
    if currency is None and start == s:
        sm = _SIGN_BEFORE.search(text[max(0, s - 7):s]) if (c1 in "-−–+" or c1 == " " and c2 in "sS") else None
        if sm is not None:
            if sm.group(1) in ("-", "−") or sm.group(1) is None:
                prev = text[max(0, s - 40):s - (len(sm.group()))].rstrip()
                sign = -1.0
                start = s - len(sm.group())
                last = prev.split()[-1] if prev.split() else ""
                name_sign = last[:1].isupper() and last.isalpha() and last not in _NAME_STOPWORDS
            elif sm.group(1) == "–":
                pass  # a spaced en dash ("25 – 40min") joins a range, it is no sign
            else:
                start = s - 1  # "+0.2%": a change, value stays positive
    q = _Q(start=start, end=e, num_start=s, num_end=e, value=sign * value,
           after_hyphen=s > 1 and text[s - 1] in "-–" and text[s - 2].isdigit())
    pos = e
    if pos < len(text) and text[pos] in _VULGAR:  # "2½"
        q.value += _VULGAR[text[pos]] if q.value >= 0 else -_VULGAR[text[pos]]
        pos += 1
        q.end = pos
    # Scientific notation: "4e14", "9.83e-3", "2.48×10−5", "1.99 x 10^-30".
    xm = _EXPONENT_AFTER.match(text, pos)
    if xm is not None:
        exp = int(xm.group("exp").replace("−", "-"))
        try:
            q.value *= 10.0 ** exp
        except OverflowError:
            return None
        pos = xm.end()
    # Magnitude: "1.2bn", "$4 million", "PS6m", "50k".
    bare_m = False
    mm = _MAGNITUDE_AFTER.match(text, pos)
    if mm is not None:
        mag = mm.group("mag")
        ml = mag.lower()
        ok = True
        if ml in ("m", "b", "k", "t"):
            # One letter: glued to the number; "m" is metres unless money or a count follows.
            if mm.group("sp"):
                ok = mag == "B" and (currency is not None or _NP_WORD.match(text, mm.end()) is not None)
            elif ml == "m":
                reading = True if currency is not None else _m_reading(text, mm.end())
                ok = reading is True
                bare_m = reading is None
            elif ml in ("b", "t"):
                ok = currency is not None  # "$4.2b", "$2.174T"; "16b" / "5t" are bytes / tonnes
            elif ml == "k":
                ok = True
        if ok:
            q.value *= _MAGNITUDES.get(ml, 1.0)
            q.has_magnitude = True
            pos = mm.end()
            if ml in ("hundred", "thousand", "lakh", "lakhs"):  # "4 hundred million", "₹2.8 lakh crore"
                m2 = _MAGNITUDE_AFTER.match(text, pos)
                if m2 is not None and m2.group("mag").lower() in ("thousand", "million", "billion", "trillion", "crore", "crores"):
                    q.value *= _MAGNITUDES[m2.group("mag").lower()]
                    pos = m2.end()
    q.end = pos
    if currency is not None:
        q.kind, q.unit = "money", currency
        _attach_per(text, q)
        _attach_bound(text, q)
        return q
    # Letters glued on the right that are no unit make the number part of a code: "5G", "4K", "3D".
    if pos == e and e < len(text) and text[e].isalpha():
        if not (_UNIT_AFTER.match(text, e) or _SHORT_UNIT_AFTER.match(text, e)
                or _PERCENT_AFTER.match(text, e) or _PENCE_AFTER.match(text, e) and raw not in _RESOLUTIONS
                or _CURRENCY_CODE_AFTER.match(text, e)):
            return None
    # Numeric fractions: "1/2 pound", "2 1/2 in"; other slashes ("24/7", "9/11") are no quantity.
    if pos == e and text.startswith("/", e):
        fm = _SLASH_FRACTION.match(text, e)
        if fm is None or not raw.isdigit():
            return None
        num, den = float(raw), float(fm.group(1))
        if not (0 < num < den and (den <= 16 or num == 1 and den <= 100)):
            return None
        q.value, q.kind, q.end, pos = num / den, "fraction", fm.end(), fm.end()
        whole = _MIXED_WHOLE_BEFORE.search(text, max(0, s - 6), s)
        if whole is not None:
            q.value += float(whole.group(1))
            q.start = whole.start()
    if pos == e and text.startswith(("'s", "’s"), e) and currency is None:
        return None  # "50's beef": a name
    if currency is None and raw.isdigit() and pos == e and _ADDRESS_AFTER.match(text, e):
        return None  # street numbers: "49 Zorro Ranch Road", "9 E 71st St", "22 Ave Foch"
    _attach_right(text, q, pos)
    q.bare_m = bare_m and q.unit == "m"
    if name_sign and q.kind == "count":
        return None
    if q.kind == "fraction":
        _attach_bound(text, q)
        return q
    if q.kind == "count" and not q.has_magnitude:
        if _is_year(text, q, raw):
            return None
        if raw.isdigit() and _is_name(text, q, raw):
            return None
    _attach_bound(text, q)
    return q


def _m_reading(text: str, pos: int, depth: int = 0) -> bool | None:
    """After a glued "5m" (no currency before it): True for million, False for metres, None when
    nothing right after it tells (metres, unless the sentence prices or counts in millions).

    Million before a counted noun phrase ("5m people", "1.6m Muslims", "35m of its Echo devices",
    "1.2m tons"); metres before a word of length ("2.5m high", "37m (121ft)", "17m per second")
    and before the events a length names ("the 60m hurdles", "the men's 800m heats"). In a run
    ("100m and 200m titles", "between 3m and 4m people") every number reads like the last.
    """
    if _LENGTH_AFTER.match(text, pos):
        return False
    chain = _M_CHAIN_AFTER.match(text, pos)
    if chain is not None and depth < 4:
        return _m_reading(text, chain.end(), depth + 1)
    if _UNIT_AFTER.match(text, pos):
        return True
    w = _NP_WORD.match(text, pos)
    if w is None or w.group("w").lower() in _SMALL:
        return None  # "the 10,000m five days later": a number starts the next phrase
    start = pos
    if w.group("w").lower() == "of":  # "35m of its Echo devices" (million) but "100m of track"
        start = _OF_DETERMINER.match(text, w.end()).end()
        whole = _OF_WHOLE_M.match(text, start)  # "1.1m of the UK's 1.6m Muslims": as the whole reads
        if whole is not None and depth < 4:
            return _m_reading(text, whole.end(), depth + 1)
    probe = _Q(start=pos, end=pos, num_start=pos, num_end=pos, value=0.0)
    _attach_noun(text, probe, start)
    if probe.kind == "money":
        return True
    head = probe.unit or ""
    if not head:
        return None
    if head.lower() in _LENGTH_EVENTS:
        return False
    word = text[probe.end - len(head):probe.end]
    if word.islower():
        return True
    # a capitalised plural right after the number counts people: "1.6m Muslims", "2m Americans"
    return True if probe.np_modifiers == 1 and word[:1].isupper() and word[1:].islower() else None


def _resolve_context(text: str, items: list[_Q]) -> None:
    """Readings a neighbouring figure of the same sentence decides.

    - a bare "38m" (:attr:`_Q.bare_m`) is million when the figure before it in its sentence is in
      millions ("77m euros (£53m; $100m), up from 38m", "fell 1m barrels to 294.3m") or is money
      it ends a range with ("$10-25m") -- it takes that figure's unit -- or when a conversion into a currency follows it ("204.3m (£109m)"), or
      when its sentence counts an audience, users or sales ("peaked at 11.9m ... of the audience");
      never right after "the", "a" or a possessive ("the 800m", "men's 800m": an event) or a
      word that measures a length ("cleared 2.3m", "a throw of 70m", "over the last 200m");
    - "32 cents" (:attr:`_Q.open_currency`) takes the nearest dollar or euro amount of its sentence
      ("fell 32 cents to $51.43"; "rose 2 cents to 1.05 euros" is EUR); US dollars otherwise.
    """
    for i, q in enumerate(items):
        if q.bare_m:
            _resolve_bare_m(text, items, i)
        elif q.open_currency:
            best = None
            for j in range(i - 1, -1, -1):
                p = items[j]
                if _SENTENCE_END.search(text, p.end, q.start) is not None:
                    break
                if p.unit in _CENT_CURRENCIES:
                    best = (q.start - p.end, p.unit)
                    break
            for j in range(i + 1, len(items)):
                p = items[j]
                if _SENTENCE_END.search(text, q.end, p.start) is not None:
                    break
                if p.unit in _CENT_CURRENCIES:
                    if best is None or p.start - q.end < best[0]:
                        best = (p.start - q.end, p.unit)
                    break
            if best is not None:
                q.unit = best[1]


def _resolve_bare_m(text: str, items: list[_Q], i: int) -> None:
    q = items[i]
    if _EVENT_DETERMINER_BEFORE.search(text, max(0, q.start - 24), q.start) \
            or _LENGTH_BEFORE.search(text, max(0, q.start - 32), q.start):
        return
    source = None
    for j in range(i - 1, -1, -1):
        p = items[j]
        gap = text[p.end:q.start]
        if len(gap) > 80 or _SENTENCE_END.search(gap) is not None:
            break
        if gap.count(")") > gap.count("("):
            continue  # a conversion in parentheses: "(£53m; $100m)"
        if p.has_magnitude and p.kind != "percent" and abs(p.upper if p.upper is not None else p.value) >= 1e6:
            source = p
        elif p.kind == "money" and gap.strip().lower() in ("-", "–", "to", "and"):
            source = p  # "$10-25m", "from $10 to 25m": the range's second end names the magnitude
        break
    if source is None and not _MONEY_CONVERSION_AFTER.match(text, q.end) and not _counts_audience(text, q):
        return
    q.value *= 1e6
    q.has_magnitude, q.bare_m = True, False
    if source is not None:
        q.unit = source.unit
        q.kind = source.kind if source.kind != "range" else (
            "money" if source.unit and len(source.unit) == 3 and source.unit.isupper() else "count")
    elif _MONEY_CONVERSION_AFTER.match(text, q.end):
        q.kind, q.unit = "money", None
    else:
        q.kind, q.unit = "count", None


def _counts_audience(text: str, q: _Q) -> bool:
    """Does the sentence around q count an audience or users ("peaked at 11.9m viewers")?"""
    left = text.rfind(". ", max(0, q.start - 200), q.start)
    right = text.find(". ", q.end, q.end + 200)
    return _AUDIENCE.search(text, left + 1 if left >= 0 else max(0, q.start - 200),
                            right if right >= 0 else min(len(text), q.end + 200)) is not None


def _attach_right(text: str, q: _Q, pos: int) -> None:
    """Percent, currency word/code, unit, or the counted noun phrase after the number."""
    c = text[pos:pos + 1]
    if c in (" ", "\u00a0", "-"):
        c = text[pos + 1:pos + 2]
    if not (c.isalpha() or c in _UNIT_START_CHARS):
        return  # punctuation, digits or the end: nothing to attach
    pm = _PERCENT_AFTER.match(text, pos)
    if pm is not None:
        q.kind = "percent"
        q.unit = "percentage points" if pm.group("pp") else "basis points" if pm.group("bp") else "percent"
        q.end = pm.end()
        return
    cm = _CURRENCY_CODE_AFTER.match(text, pos)
    if cm is not None:
        q.kind, q.unit, q.end = "money", cm.group("code"), cm.end()
        return
    if pos == q.num_end:
        pm = _PENCE_AFTER.match(text, pos)
        if pm is not None and text[q.num_start:q.num_end] not in _RESOLUTIONS:
            _set_subunit(text, q, "GBP", pm.end())  # "118.5p" = £1.185
            return
    um = _UNIT_AFTER.match(text, pos)
    if um is not None:
        unit = um.group("unit")
        canon = _UNITS.get(unit) or _UNITS.get(unit.lower())
        q.kind, q.unit, q.end = ("count" if canon == "times" else "measure"), canon, um.end()
        if unit in ("pounds", "pound"):
            nxt = _STERLING_AFTER.match(text, um.end())
            if nxt is not None:  # "10 pounds sterling"
                q.kind, q.unit, q.end = "money", "GBP", nxt.end()
        _attach_per(text, q)
        return
    if c in "cpseUACSHNTk":  # "32 cents", "18 pence", "70 euro cents", "5 sen", "50 kopecks"
        sub = _SUBUNIT_AFTER.match(text, pos)
        if sub is not None:
            adj = sub.group("adj")
            code = _SUBUNITS[sub.group("w")]
            if adj is not None:
                code = _CENT_ADJECTIVES.get(adj.split()[-1].lower(), code)
            _set_subunit(text, q, code, sub.end())
            return
    sm = _SHORT_UNIT_AFTER.match(text, pos) if pos == q.num_end else None
    if sm is not None and (sm.start("unit") == pos or sm.group("unit") in _SPACED_SHORT_UNITS):
        unit = sm.group("unit")
        q.kind, q.unit, q.end = ("count" if unit == "x" else "measure"), _UNITS.get(unit, unit), sm.end()
        if unit == "°":
            cf = _DEGREE_SCALE_AFTER.match(text, sm.end())
            if cf is not None:
                q.unit, q.end = "°" + cf.group(1), cf.end()
        return
    _attach_noun(text, q, pos)


def _set_subunit(text: str, q: _Q, code: str | None, end: int) -> None:
    """A hundredth of a currency, normalised to it: "32 cents" -> 0.32 USD, "18 pence" -> 0.18 GBP."""
    q.value /= 100
    q.kind, q.unit, q.end, q.subunit = "money", code or "USD", end, True
    q.open_currency = code is None
    _attach_per(text, q)


def _attach_per(text: str, q: _Q) -> None:
    """ "$80 per sq m", "$3500 a month": keep the rate in the surface, not in the value."""
    pm = _PER_AFTER.match(text, q.end)
    if pm is not None:
        q.end = pm.end()


def _attach_noun(text: str, q: _Q, pos: int) -> None:
    """Span through a short noun phrase ending in a plural noun; its head is the unit."""
    modifiers = 0
    p = pos
    while modifiers <= 3:
        wm = _NP_WORD.match(text, p)
        if wm is None:
            return
        w = wm.group("w").rstrip(".")
        lw = w.lower()
        if lw in _STOPWORDS:
            return
        cw = _CURRENCY_WORDS.get(lw)
        if cw is not None and (modifiers == 0 or cw in ("USD", "crowns", "pesos", "shillings")):
            prev = text[pos:wm.start("w")].split()
            if prev:
                cw = _CURRENCY_ADJECTIVES.get((prev[-1].lower(), lw), cw)
            if lw in ("sen",) and modifiers:
                return
            q.kind, q.unit, q.end = "money", cw, wm.start("w") + len(w)
            return
        if lw in _IRREGULAR_PLURALS or (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "'s", "’s"))):
            q.unit, q.end, q.np_modifiers = w, wm.start("w") + len(w), modifiers + (w[:1].isupper())
            return
        modifiers += 1
        p = wm.start("w") + len(w)


def _attach_bound(text: str, q: _Q) -> None:
    bm = None
    last = ""
    if q.start > 0:
        c = text[q.start - 1]
        last = _last_word(text, q.start - 1) if c == " " else ""
        if c in "~≈-<>=≥≤" or c == " " and (last in _BOUND_LAST_WORDS
                                             or text[q.start - 2:q.start - 1] in ("<", ">", "=", "≥", "≤")):
            # "more than the expected $18m" reaches further back than "more than $18m"
            bm = _BOUND_BEFORE.search(text, max(0, q.start - (44 if last in _EXPECTED_SET else 24)), q.start)
    if bm is None and last in ("the", "a", "an", "its", "their") and _EXPECTED_AFTER.match(text, q.end):
        bm = _COMPARED_BEFORE.search(text, max(0, q.start - 24), q.start)  # "more than the £1.4bn expected"
    if bm is not None:
        g = bm.lastgroup
        q.bound = {"ge": ">=", "le": "<=", "gt": ">", "lt": "<", "lt2": "<", "approx": "~",
                   "ge3": ">=", "le3": "<=", "gt3": ">", "lt3": "<"}[g]
        q.start = bm.start()
    am = _BOUND_AFTER.match(text, q.end)
    if am is not None and q.bound == "=":
        g = am.lastgroup
        q.bound = {"ge": ">=", "ge2": ">=", "le": "<=", "approx": "~"}[g]
        q.end = am.end()
        if q.kind == "count" and q.unit is None:  # "100 or more people", "30-plus players"
            _attach_noun(text, q, q.end)


def _last_word(text: str, end: int) -> str:
    """The lower-cased word that ends at ``end`` (trailing spaces skipped)."""
    i = end
    while i > 0 and text[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and i - j < 16 and not text[j - 1].isspace():
        j -= 1
    return text[j:i].lower()


def _is_year(text: str, q: _Q, raw: str) -> bool:
    """ "in 2008", "the 1988 horror film", "A.D. 1000"; but "2000 hires", "2000 - 2500 Calories"."""
    if not (len(raw) == 4 and raw.isdigit()):
        return False
    if _ERA_AROUND.search(text, max(0, q.num_start - 5), min(len(text), q.num_end + 5)) is not None:
        return True
    if not 1500 <= int(raw) <= 2199:
        return False
    if q.num_start > 0 and text[q.num_start - 1] in " <>~≈" and _BOUND_BEFORE.search(text, max(0, q.num_start - 24), q.num_start):
        return False  # "above 1000 and below 1500", "more than 2000"
    if q.unit is not None:
        # A plural noun after a year-preposition is still a year: "in 2019 sales rose";
        # and "the 1988 horror film Childs": only a plain plural noun right after counts.
        return q.kind == "count" and (
            q.np_modifiers > 0
            or _YEAR_PREP_BEFORE.search(text, max(0, q.num_start - 16), q.num_start) is not None
            or _YEAR_PAIR_BEFORE.search(text, max(0, q.num_start - 12), q.num_start) is not None)
    rm = _RANGE_TO_NUMBER.match(text, q.num_end)
    if rm is not None and _YEAR_PREP_BEFORE.search(text, max(0, q.num_start - 16), q.num_start) is None and _UNIT_AFTER.match(text, rm.end()):
        return False  # "about 2000 - 2500 Calories"
    return True


def _is_name(text: str, q: _Q, raw: str) -> bool:
    """ "Channel 4", "FTSE 100", "Section 427": a capitalised word right before the number."""
    left = text[max(0, q.num_start - 30):q.num_start]
    if not left.endswith(" "):
        return False
    words = left.split()
    if not words:
        return False
    prev = words[-1].lstrip("([\"'“‘")
    if prev[:1].isupper() and prev.replace("-", "").isalpha() and prev not in _NAME_STOPWORDS and "." not in prev:
        return True
    if prev.isalpha() and not prev.islower() and not prev[:1].isupper():
        return True  # "iPhone 11", "eBay 2"
    return "&" in prev  # "S&P 500"


def _from_words(text: str, m: re.Match) -> _Q | None:
    s, e = m.span()
    seg = _words_segment(m.group())
    if seg is None:
        return None
    value, length = seg
    e = s + length
    raw = text[s:e]
    tokens = _WORD_TOKEN.findall(raw.lower())
    # Names: "Formula One", "BBC One", "Channel Four".
    left = text[max(0, s - 30):s]
    words = left.split()
    if raw[:1].isupper() and left.endswith(" ") and words:
        prev = words[-1]
        if prev[:1].isupper() and prev.isalpha() and prev not in _NAME_STOPWORDS:
            return None
    if text.startswith(("'s", "’s"), e):
        return None  # "Five's Wright Stuff": a name
    if _NUMBER_REFERENCE_BEFORE.search(text, max(0, s - 8), s):
        return None  # "number eight", "No. 1"
    if tokens == ["one"]:
        if _ONE_BEFORE.search(text, max(0, s - 12), s) or _ONE_AFTER.match(text, e):
            return None
        if raw == "One" and s > 0 and not re.search(r"(?:^|[.!?]\s+|[\n\"“])$", text[max(0, s - 3):s]):
            return None
    if len(tokens) == 1 and 2 <= value <= 10 and _DEFINITE_BEFORE.search(text, max(0, s - 8), s):
        return None  # "the two nations": a reference back, not a new quantity
    if tokens[0] in ("hundred", "thousand", "million", "billion", "trillion", "hundreds", "thousands", "millions", "billions"):
        return None  # "several hundred", "a few thousand": no number to normalise
    if tokens == ["dozen"] and not re.search(r"\ba\s+$", text[max(0, s - 3):s]):
        return None
    if e < len(text) and text[e] == "-" and re.match(r"-(?:year|month|week|day|hour|minute|second)s?(?:-old)?\b", text[e:e + 14]) is None and re.match(r"-[A-Za-z]", text[e:e + 2]):
        return None  # "one-off", "two-way", "three-point"
    q = _Q(start=s, end=e, num_start=s, num_end=e, value=value)
    q.has_magnitude = any(t in ("thousand", "million", "billion", "trillion", "hundred") for t in tokens)
    _attach_right(text, q, e)
    _attach_bound(text, q)
    return q


def _words_value(tokens: list[str]) -> float | None:
    """Value of a whole run of number words (used for the bare number of a range end)."""
    seg = _words_segment(" ".join(tokens))
    return seg[0] if seg else None


def _words_segment(raw: str) -> tuple[float, int] | None:
    """(value, end offset) of the longest well-formed number at the start of ``raw``.

    "twenty five" = 25, "two hundred and fifty" = 250, "two and a half million" = 2.5e6;
    a run that is really a list ("twenty thirty", "one two and three") stops where the
    grammar breaks, so each number is read on its own.
    """
    toks = [(m.group().lower(), m.end()) for m in _WORD_TOKEN.finditer(raw)]
    total = current = 0.0
    last = None
    last_scale = float("inf")
    end = 0
    i = 0
    n = len(toks)
    while i < n:
        t, t_end = toks[i]
        nxt = toks[i + 1][0] if i + 1 < n else ""
        if t == "a":
            if last is None and nxt in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
                last = "a"
                i += 1
                continue
            break
        if t == "and":
            if last is not None and nxt == "a" and i + 2 < n and toks[i + 2][0] == "half":
                current += 0.5
                last, end = "half", toks[i + 2][1]
                i += 3
                continue
            if last in ("hundred", "scale") and nxt in _SMALL:
                i += 1
                continue
            break
        v = _SMALL.get(t)
        if v is not None:
            kind = "unit" if v < 10 else "teen" if v < 20 else "tens"
            if last is None:
                ok = True
            elif last == "tens":
                ok = kind == "unit" and v > 0
            elif last == "hundred":
                ok = current % 100 == 0
            elif last == "scale":
                ok = True
            else:
                ok = False
            if not ok:
                break
            current += v
        elif t in ("hundred", "hundreds"):
            if last not in ("unit", "teen", "tens", "a") or current >= 100:
                break
            current = (current or 1.0) * 100
            kind = "hundred"
        elif t == "dozen":
            if last not in ("unit", "teen", "tens", "a"):
                break
            current = (current or 1.0) * 12
            kind = "dozen"
        else:
            sv = _SCALES.get(t) or _SCALES.get(t[:-1])
            if sv is None or last not in ("unit", "teen", "tens", "hundred", "a", "half", "dozen") or sv >= last_scale:
                break
            total += (current or 1.0) * sv
            current = 0.0
            last_scale = sv
            kind = "scale"
        last, end = kind, t_end
        i += 1
    if end == 0:
        return None
    return total + current, end


def _from_plural(text: str, m: re.Match) -> _Q | None:
    """ "dozens of people", "tens of thousands of dollars": a range [N, 10N], bound ~."""
    s, e = m.span()
    if not _FRACTION_OF_AFTER.match(text, e):
        return None
    low = m.group().lower().split()
    base = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6,
            "billions": 1e9, "trillions": 1e12}[low[-1]]
    if low[0] == "tens":
        base *= 10
    elif low[0] == "hundreds" and len(low) > 1:
        base *= 100
    q = _Q(start=s, end=e, num_start=s, num_end=e, value=base, kind="range", bound="~",
           upper=base * 10, approx_plural=True)
    # "hundreds of miles", "thousands of COVID tests": the unit is the noun after "of".
    om = _FRACTION_OF_AFTER.match(text, e)
    tmp = _Q(start=s, end=om.end(), num_start=s, num_end=om.end(), value=0.0)
    _attach_right(text, tmp, om.end())
    if tmp.unit is not None:
        q.unit, q.end = tmp.unit, tmp.end
    return q


def _from_fraction(text: str, m: re.Match) -> _Q | None:
    s, e = m.span()
    raw = m.group()
    parts = re.findall(r"[A-Za-z]+", raw.lower())
    denom_word = parts[-1]
    denom = _FRACTION_WORDS[denom_word]
    scale = _FRACTION_SCALE_AFTER.match(text, e)
    if len(parts) == 1:
        if denom_word not in ("half", "quarter") or denom_word == "quarter" and scale is None:
            return None
        # bare "half": only "half of", "almost half", "half a million"
        if not (scale or _FRACTION_OF_AFTER.match(text, e) or _FRACTION_OK_BEFORE.search(text, max(0, s - 16), s)):
            return None
        if s > 0 and text[s - 1] == "-" or e < len(text) and text[e] == "-":
            return None
        if _HALF_OF_TIME_BEFORE.search(text, max(0, s - 12), s):
            return None  # "the second half of the year"
        num = 1.0
    else:
        num = 1.0 if parts[0] in ("a", "one") else float(_SMALL[parts[0]])
        if parts[0] in ("a", "one") and denom_word in ("third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"):
            if not (_FRACTION_OF_AFTER.match(text, e) or scale or _FRACTION_END_AFTER.match(text, e)) and "-" not in raw:
                return None
        if denom_word == "quarter" and re.match(r"\s+(?:of\s+(?:the\s+)?)?(?:\d{4}|century|of\s+a\s+century)", text[e:e + 20]) and "of a century" not in text[e:e + 20]:
            return None
    q = _Q(start=s, end=e, num_start=s, num_end=e, value=num / denom, kind="fraction")
    if scale is not None:  # "half a million", "three quarters billion us dollars"
        q.value *= _SCALES[scale.group(1).lower()]
        q.kind, q.has_magnitude = "count", True
        q.end = scale.end()
        _attach_right(text, q, q.end)
    _attach_bound(text, q)
    return q


def _from_vulgar(text: str, s: int) -> _Q | None:
    """ "½ tbsp", "a ⅓ cup" (a glued whole number, "2½", is handled by _from_digits)."""
    q = _Q(start=s, end=s + 1, num_start=s, num_end=s + 1, value=_VULGAR[text[s]], kind="fraction")
    _attach_right(text, q, s + 1)
    if q.kind == "count":
        q.kind = "fraction"
    _attach_bound(text, q)
    return q


def _merge_pairs(text: str, items: list[_Q]) -> list[_Q]:
    """Merge neighbours into ranges ("3-5%", "between 3 and 5") and ratios ("20 out of 30").

    Hyphenated pairs bind first, so "from 24.2 to 33-35 billion euros" reads as 24.2 billion
    and the range 33-35 billion.
    """
    return _merge_pass(text, _merge_pass(text, items, tight=True), tight=False)


def _merge_pass(text: str, items: list[_Q], tight: bool) -> list[_Q]:
    out: list[_Q] = []
    i = 0
    n = len(items)
    while i < n:
        a = items[i]
        if i + 1 < n:
            b = items[i + 1]
            gap = text[a.end:b.start] if b.start >= a.end else None
            if tight and gap in ("-", "–") and a.kind == b.kind == "count" and a.unit is None \
                    and b.unit is None and a.value >= b.value and not a.has_magnitude:
                i += 2  # "voted 272-219", "won 5-3": a tally, not two quantities
                continue
            if gap is not None and (gap in ("-", "–") if tight else len(gap) <= 12):
                if not tight and b.kind == "range" and b.has_magnitude and _range_to_gap(gap):
                    _borrow_magnitude(text, a, b)
                    merged = None
                else:
                    merged = _try_ratio(text, a, b, gap) or _try_range(text, a, b, gap)
                if merged is not None:
                    out.append(merged)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _range_to_gap(gap: str) -> bool:
    return gap.strip().lower() in ("to", "-", "–")


def _borrow_magnitude(text: str, a: _Q, b: _Q) -> None:
    """ "from 24.2 to 33-35 billion euros": the bare 24.2 takes b's magnitude and unit."""
    if a.kind != "count" or a.unit is not None or a.has_magnitude or a.bound != "=":
        return
    mag = b.upper / _base_value(text, b, upper=True) if b.upper else 1.0
    if mag > 1 and a.value * mag <= b.upper * 10:
        a.value *= mag
        a.kind, a.unit, a.has_magnitude = b.kind if b.kind != "range" else "count", b.unit, True


def _try_ratio(text: str, a: _Q, b: _Q, gap: str) -> _Q | None:
    rm = _RATIO_JOINER.fullmatch(gap)
    if rm is None or a.kind != "count" or a.unit is not None or b.kind != "count":
        return None
    if "in" == gap.strip().lower() and (a.value > 100 or b.value <= a.value):
        return None
    return _Q(start=a.start, end=b.end, num_start=a.num_start, num_end=b.num_end, value=a.value,
              kind="ratio", unit=b.unit, bound=a.bound if a.bound != "=" else b.bound, of=b.value)


def _try_range(text: str, a: _Q, b: _Q, gap: str) -> _Q | None:
    jm = _RANGE_JOINER.fullmatch(gap)
    if jm is None:
        return None
    joiner = gap.strip().lower()
    if joiner == "to" and (a.kind != "count" or a.unit is not None) \
            and _CHANGE_BEFORE.search(text, max(0, a.start - 20), a.start):
        return None  # "edged up 0.1% to 4.7%": a change and a new level ("fell by 1 to 1.5 degrees" is a range)
    between = _BETWEEN_BEFORE.search(text, max(0, a.start - 9), a.start) is not None
    if joiner == "and" and not (between and _BETWEEN_BEFORE.search(text, max(0, a.start - 9), a.start).group().lower().startswith("between")):
        return None
    if joiner == "/" and not (a.kind == b.kind == "money"):
        return None
    if b.bound != "=" or a.approx_plural or b.approx_plural:
        return None
    # Units must agree; the bare first number borrows the second's unit and magnitude,
    # and a bare second number the first's unit ("$30-35").
    tight = joiner in ("-", "–", "—", "to")
    if a.kind not in ("count",) and a.kind != b.kind and not (tight and b.kind == "count" and b.unit is None):
        return None
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    lo = a.value
    if b.subunit and a.kind == "count" and a.unit is None and not a.has_magnitude:
        lo /= 100  # "10-15 cents": both ends in cents
    if not a.has_magnitude and b.has_magnitude and a.kind == "count" or (a.kind == b.kind == "money" and not a.has_magnitude and b.has_magnitude):
        mag = b.value / _base_value(text, b)
        if mag > 1 and lo * mag <= b.value * 10:
            lo *= mag
    if lo > b.value:
        # "from 208 to 193": a change, not a range; keep both, but let the second share the unit.
        if a.unit is not None and b.unit is None and b.kind == "count":
            b.kind, b.unit = a.kind, a.unit
        return None
    if a.kind != "count" and b.kind == "count" and b.unit is None and a.has_magnitude and not b.has_magnitude:
        return None  # "$4 million to 500 ...": no shared magnitude to assume
    return _Q(start=(a.start if not between else _BETWEEN_BEFORE.search(text, max(0, a.start - 9), a.start).start()),
              end=b.end, num_start=a.num_start, num_end=b.num_end, value=lo, kind="range",
              unit=b.unit if b.unit is not None else a.unit, bound=a.bound, upper=b.value,
              has_magnitude=b.has_magnitude)


def _base_value(text: str, q: _Q, upper: bool = False) -> float:
    """The value of q's number before its magnitude (for "from $10 to $15 billion")."""
    raw = text[q.num_start:q.num_end]
    if upper:  # the last number of a range's surface: "33-35" -> "35"
        nums = re.findall(r"\d[\d,]*(?:\.\d+)?", raw)
        raw = nums[-1] if nums else raw
    try:
        return abs(_parse_digits(raw)) or 1.0
    except ValueError:
        v = _words_value(re.findall(r"[A-Za-z]+", raw.lower()))
        if not v:
            return 1.0
        toks = re.findall(r"[A-Za-z]+", raw.lower())
        small = _words_value([t for t in toks if t not in _SCALES and t != "hundred"]) or 1.0
        return small
