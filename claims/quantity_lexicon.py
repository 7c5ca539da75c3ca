"""Named data for :mod:`claims.quantities`: number words and scales, fractions and vulgar
fraction characters, magnitude suffixes ("bn", "m", "lakh"), currency symbols, codes, nouns and
adjectives, hundredths of a currency (cents, pence, sen) and the currencies they belong to,
measurement units with their canonical forms, and the word lists the noun-phrase and name rules
consult (stop words, irregular plurals, capitalised words that make no name). Tables only, plus
:func:`_alternation`, which turns a word list into a regex alternation, and two regex fragments
built from the tables (:data:`_MONTH`, :data:`_NUMBER_WORD`); nothing here matches text.
"""

from __future__ import annotations

import re

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

# Vulgar fraction characters: "½ tbsp", "2½".
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
           "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
           "⅞": 7 / 8}
