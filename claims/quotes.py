"""Find direct quotations and who said them.

``find_quotes(text)`` returns :class:`~claims.model.Quote` objects in text order. A quote's
``text`` is the words inside the marks (straight ``"`` or curly ``“ ”``), without a trailing
comma or period; nested single quotes stay inside. A quote left open at the end of a
paragraph and continued by a paragraph opening with a quotation mark (the news convention
for long quotes) is reported per paragraph, each segment with the same speaker.

The speaker comes, in this order, from

1. an attribution right after the closing mark: "…,” Lavrov said", "…,” said Russian Deputy
   Foreign Minister Alexander Grushko", "…” according to a NATO official", "…,” he said";
2. the nearest attribution before the opening mark in the same sentence: "Oana Lungescu said
   the alliance had “taken into account”", "who a senior U.S. defense official said … were “…”";
3. the previous quote, when this one continues it (a new paragraph, or the next sentence
   after "…,” Lavrov said.") and no other speaker is named in between.

Titles are dropped from names ("NATO spokeswoman Oana Lungescu" -> "Oana Lungescu"); descriptive
speakers keep their article ("a senior U.S. defense official"); "he"/"she" resolve to the last
person named before them.

``find_attribution(text, start, end, last_person)`` gives the speaker of reported speech in a
sentence, for the claims that are not direct quotes.

Pure standard library; compiled patterns; linear in the length of the text; never raises.
"""

from __future__ import annotations

import bisect
import re

from claims.model import Quote

__all__ = ["find_quotes", "find_attribution"]

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

# Double quotation marks; single quotes are apostrophes too often to pair at the top level.
QUOTE_MARK = re.compile(r"[“”\"]")
# A blank line separates paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
# The end of a sentence: . ! or ? with any closing marks, then space, then a capital, a digit
# or an opening mark. Abbreviations are checked in code (_is_sentence_dot).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])")
# Verbs that introduce reported speech (lowercase: "States" in "United States" is no verb).
SPEECH_VERB = re.compile(
    r"""
    (?<![\w’'-])
    (?:said|says|say|told|tells|added|adds|stated|explained|explains|noted|notes|warned|warns
      |wrote|writes|argued|argues|claimed|insisted|insists|announced|announces|declared
      |asked|asks|replied|replies|responded|responds|stressed|stresses|emphasized|emphasised
      |acknowledged|admitted|confirmed|confirms|denied|suggested|tweeted|posted|commented
      |remarked|recalled|concluded|observed|countered|conceded|predicted|cautioned|urged
      |maintained|contended|vowed|pledged|promised|continued|reiterated|complained|boasted
    )
    (?![\w’'-])
    """,
    re.VERBOSE,
)
# "according to X": X is the source.
ACCORDING_TO = re.compile(r"(?<![\w-])[Aa]ccording\s+to\s+")
# A word (keeps "U.S.", "Lavrov’s", "de-escalating", "AT&T") or a single punctuation mark.
TOKEN = re.compile(r"(?P<w>[^\W_](?:[\w’'.&-]*[^\W_])?\.?)|(?P<p>[^\w\s])")
# A run of capitalised words, possibly joined by name particles: "Charles de Gaulle".
CAP_RUN = re.compile(
    r"(?<![\w’'.-])[A-Z][\w’'.-]*(?:[ \t]+(?:(?:of|de|van|von|al|bin|da|del|der|la|le|du)[ \t]+)?[A-Z][\w’'.-]*){0,6}"
)
# A possessive word is not a speaker: "Lavrov’s comments".
POSSESSIVE = re.compile(r"[’']s$")

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
""".split())
# Determiners that open a descriptive speaker: "a senior U.S. defense official".
DETERMINERS = frozenset("""
    a an the one another two three several some many most other senior
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
DOCUMENT_NOUNS = frozenset("statement report release post tweet interview letter memo readout".split())
# Common nouns that can be a speaker without a determiner: "Russian officials said".
ROLE_NOUNS = frozenset("""
    official officials diplomat diplomats source sources analyst analysts expert experts
    spokesman spokeswoman spokesperson spokespeople authorities police officers residents
    witnesses critics lawmakers leaders prosecutors investigators researchers scientists
    officials ministers aides advisers advisors negotiators organizers organisers
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
    speaker leader premier sheikh emir crown team coach
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
    nato dod un eu cnn bbc
""".split())
# Nationalities and similar adjectives that precede a title: "Russian Deputy Foreign Minister".
NATIONALITIES = frozenset("""
    american russian ukrainian georgian chinese british french german italian spanish dutch
    belgian polish romanian turkish greek israeli iranian iraqi syrian afghan pakistani indian
    japanese korean canadian mexican brazilian australian swiss swedish norwegian danish finnish
    estonian latvian lithuanian belarusian hungarian czech slovak austrian irish scottish welsh
    saudi egyptian european african asian western eastern us u.s. uk u.k. eu un nato
""".split())
# Words that open a sentence or a time phrase and are never part of a name.
LEADING_NOISE = frozenset("""
    the a an on in at but and meanwhile later then so however also earlier last this next when
    while after before as since if yet still now today yesterday monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december with by for from of to said
""".split())
# Lowercase words allowed inside a capitalised name: "Department of Defense", "Charles de Gaulle".
NAME_CONNECTORS = frozenset("of for de van von al bin da del der la le du".split())
PRONOUNS = frozenset(("he", "she"))

_PRONOUN = "\x00pronoun"  # marks "he said": resolved by the caller to the last person named


# --------------------------------------------------------------------------------------------
# Tokens and clauses
# --------------------------------------------------------------------------------------------


def _is_abbreviation(word: str) -> bool:
    """Does the trailing dot of ``word`` belong to it ("U.S.", "Mr.", "J.")?"""
    core = word[:-1]
    return "." in core or len(core) == 1 or core.lower() in ABBREVIATIONS


def _is_sentence_dot(text: str, k: int) -> bool:
    """Is the "." at ``k`` the end of a sentence (followed by space, not an abbreviation)?"""
    if k + 1 < len(text) and not text[k + 1].isspace() and text[k + 1] not in "”\"’)":
        return False
    j = k
    while j > 0 and j > k - 12 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:k + 1]
    return not (word and word[0].isalpha() and _is_abbreviation(word))


def _words(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """The word tokens of text[lo:hi] with absolute offsets; a sentence-final dot is dropped."""
    out = []
    for m in TOKEN.finditer(text, lo, hi):
        if m["w"] is None:
            continue
        w, s, e = m["w"], m.start(), m.end()
        if w.endswith(".") and not _is_abbreviation(w):
            w, e = w[:-1], e - 1
        out.append((w, s, e))
    return out


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause that ends at ``pos`` begins (a comma, a dash, a quote mark, a sentence end)."""
    i = pos
    limit = max(lo, pos - 160)
    while i > limit:
        c = text[i - 1]
        if c in CLAUSE_BOUNDARY:
            return i
        if c == "." and _is_sentence_dot(text, i - 1):
            return i
        i -= 1
    return limit


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_descriptor(word: str) -> bool:
    """A word that describes rather than names: "Russian", "NATO", "Deputy"."""
    lw = word.lower()
    return lw in NATIONALITIES or lw in TITLE_WORDS or _is_acronym(word)


def _name_from_run(run: list[tuple[str, int, int]], text: str) -> str | None:
    """A speaker from a run of capitalised words: drop leading noise, then titles before a name."""
    while run and run[0][0].lower() in LEADING_NOISE:
        run = run[1:]
    while run and run[-1][0].lower() in NAME_CONNECTORS:
        run = run[:-1]
    if not run:
        return None
    # The personal name: trailing capitalised words that are no title, nationality or organisation.
    k = len(run)
    while k > 0:
        w = run[k - 1][0]
        lw = w.lower()
        if (
            not _is_cap(w)
            or lw in TITLE_WORDS
            or lw in ORG_WORDS
            or lw in NATIONALITIES
            or _is_acronym(w)
        ):
            break
        k -= 1
    if k < len(run) and (k == 0 or run[k - 1][0].lower() not in NAME_CONNECTORS):
        run = run[k:]
    return text[run[0][1]:run[-1][2]]


def _trailing_run(tokens: list[tuple[str, int, int]]) -> int:
    """Index where the trailing run of capitalised words (with connectors) starts."""
    i = len(tokens)
    while i > 0 and len(tokens) - i < 9:
        w = tokens[i - 1][0]
        if _is_cap(w) and not POSSESSIVE.search(w):
            i -= 1
        elif w in NAME_CONNECTORS and i - 1 > 0 and i < len(tokens) and _is_cap(tokens[i - 2][0]):
            i -= 1
        else:
            break
    return i


def _descriptive(tokens: list[tuple[str, int, int]], text: str) -> str | None:
    """ "who a senior U.S. defense official" -> "a senior U.S. defense official"."""
    phrase = _descriptive_span(tokens, text)
    if phrase and phrase.split()[0] in ("The", "A", "An", "One", "Another", "Two", "Several", "Some"):
        return phrase[0].lower() + phrase[1:]  # "The ministry said" -> "the ministry"
    return phrase


def _descriptive_span(tokens: list[tuple[str, int, int]], text: str) -> str | None:
    first = 0
    for i, (w, _, _) in enumerate(tokens):
        if w.lower() in CLAUSE_WORDS:
            first = i + 1
    tokens = tokens[first:]
    for i, (w, _, _) in enumerate(tokens):
        # A determiner, or a possessive standing for one: "Russia’s foreign minister".
        opens = w.lower() in DETERMINERS or (POSSESSIVE.search(w) and _is_cap(w))
        if opens and len(tokens) - i <= 8 and i < len(tokens) - 1:
            if not POSSESSIVE.search(w) or tokens[-1][0].lower() in TITLE_NOUNS | ROLE_NOUNS:
                return text[tokens[i][1]:tokens[-1][2]]
    if tokens and tokens[-1][0].lower() in ROLE_NOUNS and len(tokens) <= 4:
        return text[tokens[0][1]:tokens[-1][2]]
    return None


def _subject(text: str, lo: int, verb_start: int) -> tuple[str | None, int]:
    """The speaker before a speech verb and where its clause starts."""
    cs = _clause_start(text, lo, verb_start)
    tokens = _words(text, cs, verb_start)
    while tokens and tokens[-1][0].lower() in SUBJECT_TRAILERS:
        tokens.pop()
    while tokens and tokens[-1][0].islower() and tokens[-1][0].endswith("ly") and len(tokens[-1][0]) > 4:
        tokens.pop()
    if not tokens:
        if cs > lo and text[cs - 1] == ",":
            cs2 = _clause_start(text, lo, cs - 1)
            previous = _words(text, cs2, cs - 1)
            appositive = _before_appositive(text, lo, cs2, previous)
            if appositive:
                return appositive
            # "A spokesman for the Kremlin, Dmitry Peskov, said": the name is the appositive.
            if previous and _trailing_run(previous) == 0 and cs2 > lo and text[cs2 - 1] == ",":
                name = _name_from_run(previous, text)
                if _is_person(name):
                    return name, previous[0][1]
        return None, cs
    last = tokens[-1][0]
    if last.lower() in PRONOUNS:
        return _PRONOUN, tokens[-1][1]
    if last.lower() in ("they", "it", "we", "i", "you", "who", "which", "that"):
        return None, cs
    if _is_cap(last) and not POSSESSIVE.search(last):
        i = _trailing_run(tokens)
        before = tokens[i - 1][0] if i > 0 else ""
        if before in ("the", "of", "for", "from", "at", "with", "to", "a", "an"):
            desc = _descriptive(tokens, text)
            if desc:
                return desc, cs
        name = _name_from_run(tokens[i:], text)
        if name and not all(_is_descriptor(w) for w in name.split()):
            return name, tokens[i][1]
        appositive = _before_appositive(text, lo, cs, tokens)
        if appositive:
            return appositive
        return (name, tokens[i][1]) if name else (None, cs)
    desc = _descriptive(tokens, text)
    if desc is None or not desc.split()[0].lower() in DETERMINERS:
        appositive = _before_appositive(text, lo, cs, tokens)
        if appositive:
            return appositive
    return desc, cs


def _before_appositive(text: str, lo: int, cs: int, tokens: list) -> tuple[str, int] | None:
    """ "Sergei Lavrov, Russia’s foreign minister, said": the name before the appositive."""
    if cs <= lo or text[cs - 1] != "," or not 1 <= len(tokens) <= 6:
        return None
    if not any(t[0].lower() in TITLE_NOUNS or t[0].lower() in ROLE_NOUNS for t in tokens):
        return None
    before = _words(text, _clause_start(text, lo, cs - 1), cs - 1)
    i = _trailing_run(before)
    if i >= len(before):
        return None
    name = _name_from_run(before[i:], text)
    return (name, before[i][1]) if _is_person(name) else None


def _forward_np(text: str, pos: int, hi: int) -> str | None:
    """The speaker phrase that starts at ``pos``: "said Russian … Alexander Grushko earlier …"."""
    np: list[tuple[str, int, int]] = []
    tokens = list(TOKEN.finditer(text, pos, min(hi, pos + 160)))
    for k, m in enumerate(tokens):
        if m["w"] is None or len(np) == 9:
            break
        w, s, e = m["w"], m.start(), m.end()
        dot_end = w.endswith(".") and not _is_abbreviation(w)
        if dot_end:
            w, e = w[:-1], e - 1
        lw = w.lower()
        nxt = tokens[k + 1]["w"] if k + 1 < len(tokens) else None
        if np and lw in ("from", "by", "of") and np[-1][0].lower() in DOCUMENT_NOUNS:
            np = []  # "a statement from the US Department of Defense": the source follows
            continue
        if lw in NAME_CONNECTORS:
            if not (np and _is_cap(np[-1][0]) and nxt and _is_cap(nxt)):
                break  # "of" goes on only inside a name: "Secretary of Defense"
        elif lw in NP_STOP:
            break
        elif (
            np
            and _is_cap(np[-1][0])
            and not _is_cap(w)
            and np[0][0].lower() not in DETERMINERS
            and not all(_is_descriptor(t[0]) for t in np)
        ):
            # "said Grushko earlier" -- a lowercase word after a name ends it; after
            # "Russian" or "NATO" it goes on ("Russian state media RIA Novosti").
            break
        if POSSESSIVE.search(w) and not (np and np[0][0].lower() in DETERMINERS):
            return None  # "said the alliance’s chief" reads on; "Lavrov’s comments" is no speaker
        np.append((w, s, e))
        if dot_end:
            break
    if not np:
        return None
    first = np[0][0].lower()
    if first in PRONOUNS and len(np) == 1:
        return _PRONOUN
    if first in DETERMINERS:
        return text[np[0][1]:np[-1][2]]
    if _is_cap(np[-1][0]):
        j = _trailing_run(np)
        return _name_from_run(np[j:], text)
    if np[-1][0].lower() in ROLE_NOUNS:
        return text[np[0][1]:np[-1][2]]
    return None


# --------------------------------------------------------------------------------------------
# Attributions
# --------------------------------------------------------------------------------------------

# An attribution is (speaker, span_start, position, kind): speaker may be _PRONOUN; span_start
# is where its words begin; position is that of its verb; kind is "verb" or "according".


def _attributions(text: str, lo: int, hi: int, first: bool = False) -> list[tuple[str, int, int, str]]:
    """Every attribution in text[lo:hi] in order; with ``first``, only the first one."""
    found = []
    for m in ACCORDING_TO.finditer(text, lo, hi):
        speaker = _forward_np(text, m.end(), hi)
        if speaker and speaker is not _PRONOUN:
            found.append((speaker, m.start(), m.start(), "according"))
            if first:
                hi = m.start()
                break
    for m in SPEECH_VERB.finditer(text, lo, hi):
        speaker, span_start = _subject(text, lo, m.start())
        if speaker is None:
            # Inverted after a quote or a comma: "…,” said Lavrov".
            j = m.start()
            while j > lo and text[j - 1].isspace():
                j -= 1
            if j == lo or text[j - 1] in ",”\"":
                speaker = _forward_np(text, m.end(), hi)
                span_start = m.start()
        if speaker:
            found.append((speaker, span_start, m.start(), "verb"))
            if first:
                break
    found.sort(key=lambda a: a[2])
    return found[:1] if first else found


def _is_person(name: str | None) -> bool:
    if not name or name is _PRONOUN:
        return False
    words = name.split()
    if not 1 <= len(words) <= 4:
        return False
    return all(
        _is_cap(w) and not _is_acronym(w) and w.lower() not in ORG_WORDS and w.lower() not in LEADING_NOISE
        for w in words
    )


def find_attribution(
    text: str, start: int = 0, end: int | None = None, last_person: str | None = None
) -> str | None:
    """The speaker of the reported speech in ``text[start:end]`` (a sentence), or None.

    "Lavrov said the Kremlin move …" -> "Lavrov"; "…, Lavrov said, with …" -> "Lavrov";
    "according to a NATO official" -> "a NATO official". "…, he said." gives ``last_person``
    (the last person named before the sentence, which the caller knows), else None.
    """
    if not isinstance(text, str) or not text:
        return None
    n = len(text)
    lo = min(max(0, start or 0), n)
    hi = n if end is None else min(max(lo, end), n)
    try:
        for speaker, _, _, _ in _attributions(text, lo, hi, first=True):
            if speaker is _PRONOUN:
                return last_person
            return speaker
    except (IndexError, ValueError):  # defensive: a malformed span must not stop a pipeline
        return None
    return None


# --------------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------------


def _opens(text: str, i: int) -> bool:
    """Can the straight quote at ``i`` open a quotation (space or start before, a word after)?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/‘':,") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def _scan(text: str) -> list[tuple[int, int, int, bool]]:
    """Quotation segments as (open mark, close mark or paragraph end, paragraph, closed)."""
    paragraphs = _paragraphs(text)
    segments = []
    for p, (ps, pe) in enumerate(paragraphs):
        open_at, open_char = None, ""
        for m in QUOTE_MARK.finditer(text, ps, pe):
            i, c = m.start(), m.group()
            if open_at is None:
                if c == "“" or (c == '"' and _opens(text, i)):
                    open_at, open_char = i, c
            elif c == "”" or (c == '"' and (open_char == '"' or _closes(text, i))):
                segments.append((open_at, i, p, True))
                open_at = None
            elif c == "“":
                open_at, open_char = i, c  # the earlier mark was stray
        if open_at is not None and p + 1 < len(paragraphs):
            # Left open: a long quote goes on if the next paragraph opens with a mark.
            ns = paragraphs[p + 1][0]
            if text[ns:ns + 1] in ("“", '"'):
                segments.append((open_at, pe, p, False))
    return segments


def _inner(text: str, open_at: int, close_at: int) -> tuple[int, int] | None:
    """The words between the marks: no surrounding space, no trailing comma or period."""
    s, e = open_at + 1, close_at
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and text[e - 1] in ",." and not text[max(s, e - 2):e] == "..":
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    if not any(ch.isalnum() for ch in text[s:e]):
        return None
    return s, e


def _sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in SENTENCE_BREAK.finditer(text):
        if text[m.start() - 1] == "." and not _is_sentence_dot(text, m.start() - 1):
            continue
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _people(text: str) -> list[tuple[int, str]]:
    """Named people, for "he"/"she": names after a title ("spokeswoman Maria Zakharova",
    "President Biden") and two-word names opening a clause before a verb ("Lloyd Austin met")."""
    people = []
    for m in CAP_RUN.finditer(text):
        run = _words(text, m.start(), m.end())
        if run and POSSESSIVE.search(run[-1][0]):
            w, s, e = run[-1]
            run[-1] = (w[:-2], s, e - 2)
        while run and run[0][0].lower() in LEADING_NOISE:
            run = run[1:]
        if not run or not run[-1][0]:
            continue
        name = _name_from_run(run, text)
        if not _is_person(name):
            continue
        titled = len(name) < len(text[run[0][1]:run[-1][2]])
        if not titled:
            before = _words(text, max(0, m.start() - 30), m.start())
            titled = bool(before) and before[-1][0].lower() in TITLE_NOUNS and before[-1][0].islower()
        if not titled and len(run) >= 2 and text[m.end():m.end() + 1] == ",":
            # "Dmitry Peskov, the Kremlin spokesman, ..."
            after = _words(text, m.end(), min(len(text), m.end() + 60))[:4]
            titled = any(w.lower() in TITLE_NOUNS or w.lower() in ROLE_NOUNS for w, _, _ in after)
        if not titled and len(run) >= 2:
            j = m.start()
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            at_clause_start = j == 0 or text[j - 1] in ".!?,;:\n”\""
            after = _words(text, m.end(), min(len(text), m.end() + 30))
            titled = (
                at_clause_start
                and bool(after)
                and after[0][0].islower()
                and after[0][0] not in NP_STOP
                and after[0][0] not in ("of", "and", "or", "the", "a", "an", "for")
            )
        if titled:
            people.append((m.start(), name))
    return people


def find_quotes(text: str) -> list[Quote]:
    """All direct quotations in ``text``, in order, with their speakers where they can be found."""
    if not isinstance(text, str) or not text:
        return []
    segments = _scan(text)
    if not segments:
        return []
    paragraphs = _paragraphs(text)
    break_starts, break_ends = _sentence_breaks(text)
    everyone = sorted(
        [(a[2], a[0]) for a in _attributions(text, 0, len(text)) if _is_person(a[0])] + _people(text)
    )
    people_at = [a[0] for a in everyone]

    def last_person_before(pos: int) -> str | None:
        k = bisect.bisect_left(people_at, pos)
        best = everyone[k - 1] if k else (-1, None)
        if last_speaker is not None and last_speaker[0] > best[0]:
            best = last_speaker
        return best[1]

    quotes: list[Quote] = []
    open_ended: list[bool] = []
    last_speaker: tuple[int, str] | None = None  # the last quote whose speaker is a person
    prev: tuple[int, int, str | None, bool] | None = None  # (close, paragraph, speaker, closed)
    for k, (open_at, close_at, p, closed) in enumerate(segments):
        inner = _inner(text, open_at, close_at)
        ps, pe = paragraphs[p]
        next_open = segments[k + 1][0] if k + 1 < len(segments) else len(text)
        speaker: str | None = None

        # 1. Right after the closing mark.
        if closed:
            post_lo = close_at + 1
            b = bisect.bisect_left(break_starts, close_at)
            asked = text[close_at - 1:close_at] in ("?", "!")
            if asked and b < len(break_starts) and break_starts[b] <= close_at + 1:
                b += 1  # "“Why now?” Lavrov asked." -- the break after "?" is not the end
            post_hi = min(pe, next_open, break_starts[b] if b < len(break_starts) else len(text))
            post_hi = max(post_lo, min(post_hi, post_lo + (60 if asked else 200)))
            for who, span_start, _, _ in _attributions(text, post_lo, post_hi):
                if text[post_lo:span_start].strip(" \t,–—-") == "":
                    speaker = who
                break
        # 2. Before the opening mark, in the same sentence.
        if speaker is None:
            floor = ps if prev is None else max(ps, prev[0] + 1)
            b = bisect.bisect_right(break_ends, open_at)
            sent_start = break_ends[b - 1] if b else 0
            pre_lo = max(floor, sent_start, open_at - 400)
            found = _attributions(text, pre_lo, open_at)
            if found:
                speaker = found[-1][0]
        if speaker is _PRONOUN:
            speaker = last_person_before(open_at)
        # 3. The previous quote goes on.
        if speaker is None and prev is not None:
            p_close, p_par, p_speaker, p_closed = prev
            if not p_closed:
                speaker = p_speaker
            elif open_at - p_close <= 300 and p >= p_par:
                others = {
                    who for who, _, _, kind in _attributions(text, p_close + 1, open_at)
                    if kind == "verb" and who is not _PRONOUN
                }
                if others <= {p_speaker}:
                    speaker = p_speaker
        prev = (close_at, p, speaker, closed)
        if _is_person(speaker):
            last_speaker = (open_at, speaker)
        if inner is None:
            continue
        s, e = inner
        quotes.append(Quote(text[s:e], s, e, speaker))
        open_ended.append(not closed)
    # A long quote's first paragraphs take the speaker named after its last one.
    for k in range(len(quotes) - 2, -1, -1):
        if open_ended[k] and quotes[k].speaker is None and quotes[k + 1].speaker:
            q = quotes[k]
            quotes[k] = Quote(q.text, q.start, q.end, quotes[k + 1].speaker)
    return quotes
