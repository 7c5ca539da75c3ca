"""Find direct quotations and who said them.

``find_quotes(text)`` returns :class:`~claims.model.Quote` objects in text order. A quote's
``text`` is the words inside the marks (straight ``"``, curly ``“ ”``, or two apostrophes
``''``), without a trailing comma or period; nested single quotes stay inside. A quote left open
at the end of a paragraph and continued by a paragraph opening with a quotation mark (the news
convention for long quotes) is reported per paragraph, each segment with the same speaker; so is
a quote left open at the end of a sentence when the next sentence opens a new mark ("… at this
level. "I have confidence …"").

The speaker comes, in this order, from

1. an attribution right after the closing mark: "…,” Lavrov said", "…,” said Russian Deputy
   Foreign Minister Alexander Grushko", "…” according to a NATO official", "…,” he said", with a
   role or family word before the name ("…,” the new head of the council, Tom Hale, says", "…,”
   his son Stephen said");
2. the nearest attribution before the opening mark in the same sentence: "Oana Lungescu said
   the alliance had “taken into account”", "The Shadow Secretary of State for the Family,
   Theresa May, said: “…”"; a name before a colon with no verb ("BBC Two controller Roly Keating:
   “…”"); with none, a quote earlier in the same sentence ('Stewart said he
   was "astounded" … but "they tend not to …"');
3. the previous segment, when this one continues a quote left open;
4. for a quote inside a sentence (not opening it), the person who opens its clause: "Aviation
   analyst Nick Van den Brul … described it as “pretty modest”" (the clause starts after "but",
   ";" or "while"; none after a passive "by …");
   With none of these, the attribution that closes the sentence after a comma ('… as “the only
   real choice” in the election, Tom Hale has said.', '…, according to the UN.');
5. for a quote opening its sentence: the last attribution since the previous quote, else the
   previous quote's speaker (within 300 characters), else the last speaker or person opening a
   sentence in this paragraph or the one before.

A long quote's segments that got their speaker only by going on from an earlier quote take the
one named after its last segment, unless it opens right after the attribution of the quote before.

A quote whose words are all capitalised ("High Heeled Vote") is a name, not speech: only 1 and
2 give it a speaker. Attribution rules are in claims.speakers; "he"/"she", "it" and person
descriptions ("the 30-year-old told the Sunday Times") resolve by claims.people.

``find_attribution(text, start, end, last_person)`` gives the speaker of reported speech in a
sentence, for the claims that are not direct quotes.

Pure standard library; compiled patterns; linear in the length of the text; never raises.
"""

from __future__ import annotations

import bisect
import re

from claims.model import Quote
from claims.people import People, description_gender, is_body_description, named_in, remember
from claims.speaker_gender import unnamed_person
from claims.speaker_titles import titled_person
from claims.speaker_names import pronoun_gender
from claims.speaker_sentences import COMMON_VERBS, _sentence_subject
from claims.speaker_after import _forward_np
from claims.speaker_tokens import _name_from_run, _trailing_run, _words
from claims.speakers import (
    _attributions,
    _subject,
    find_attribution,
    is_person,
    is_pronoun,
)
from claims.speech_words import (
    IT_LEAD,
    KIN_NOUNS,
    LEADING_NOISE,
    PRONOUN_MARK,
    NAME_CONNECTORS,
    ROLE_NOUNS,
    SPEECH_VERB,
    TITLE_NOUNS,
    TITLE_WORDS,
)

__all__ = ["find_attribution", "find_quotes", "quoted_spans"]

# Double quotation marks, and two apostrophes standing for one; single quotes are apostrophes
# too often to pair at the top level.
QUOTE_MARK = re.compile(r"[“”\"]|''")
# A blank line separates paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
# Words of a name or title: "High Heeled Vote", "Make Love, Not Spam".
_TITLE_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_TITLE_SMALL = frozenset("of the and a an in on for to not or at by with".split())
# Words that open a new clause, with a subject of its own, inside a sentence.
_CLAUSE_OPENERS = (" but ", ", but ", "; ", " while ")
# What may precede a quote that opens its sentence.
_LEAD_IN = " \t\n:–—-"
# Verbs that put a characterisation in someone's mouth: "which Variety called “…”", "labelled it “…”",
# "dismissed the research as “…”"; and verbs of a stance whose object is quoted: "the Tories outlined their plans to
# tackle “yob culture”", "The AFI also questioned “…”", "with 54% of companies calling it a “…”".
CHARACTERISE = re.compile(
    r"(?<![\w’'-])(?:called|calls|described|describes|describing|labelled|labeled|labelling|dubbed|branded"
    r"|termed|dismissed|dismisses|dismissing"
    r"|hailed|welcomed|thanked|praised|criticised|criticized|condemned|slated|slammed|attacked|blasted|questioned"
    r"|outlined|demanded|accused|blamed|rejected|defended|calling)(?![\w’'-])"
)
# "has been described as", "is often called", "were dubbed": a characterising verb in the passive.
_PASSIVE_BEFORE = re.compile(r"(?<![\w’'-])(?:is|are|was|were|been|being|be)(?:[ \t]+(?:[a-z]+ly|often|also|now|still|once|sometimes|already|even))?[ \t]+$")
_BY_AGENT = re.compile(r"(?<![\w’'-])by[ \t]+(?=[A-Za-z])")
_QUANTIFIERS = frozenset("some many others few most all several".split())
# A lowercase noun phrase of one to three words after "by", up to a relative pronoun or the end of the clause.
_PLAIN_AGENT = re.compile(r"((?:[a-z][a-z-]+[ \t]+){0,2}[a-z][a-z-]+s)(?=[ \t]+(?:who|which|that)\b|[ \t]*[,.;]|$)")
# "by" right after a closing mark (or after a second quote joined by "and"/"or"): the agent of a passive before it.
_BY_AFTER = re.compile(r"(?:[ \t]+(?:and|or)[ \t]+[\"“][^\"“”]{1,80}[\"”])?[ \t]+by[ \t]+(?=[A-Za-z])")
# The first word of a clause, and the lowercase words that can be its subject.
_FIRST_WORD = re.compile(r"\s*([a-z]+)\b")
_SUBJECT_WORDS = frozenset("""
    the a an he she it they we i you there this that these those his her its their one some many most
    all both each few several no what who which
""".split())


def _opens(text: str, i: int, j: int) -> bool:
    """Can the straight mark text[i:j] open a quotation (space or start before, a word after)?"""
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return (before.isspace() or before in "([{—–-/‘':,") and not after.isspace()


def _opens_unspaced(text: str, i: int, j: int, end: int) -> bool:
    """A straight mark with no quote open that opens one though its spacing is off: right after a sentence's end
    before a capital ('on the red carpet."It's unlike …'), or with a space on both sides when the next mark in
    the paragraph closes ('could be " very important to …".')."""
    if i > 0 and text[i - 1] in ".!?" and j < len(text) and text[j].isupper():
        return True
    if not (i > 0 and text[i - 1] in " \t" and j < end and text[j] in " \t"):
        return False
    following = QUOTE_MARK.search(text, j, end)
    return bool(following) and _closes(text, following.start()) and (
        following.end() >= end or not text[following.end()].isalnum()
    )


def _closes(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace()


def _sentence_ended(text: str, lo: int, i: int) -> bool:
    """Does text[lo:i] end with a finished sentence and a space ("… at this level. ")?"""
    k = i
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k - 1 > lo and text[k - 1] in "'’" and text[k - 2] in ".!?":
        k -= 1  # "… think: 'This is not my day.' "But then …": a nested single quote ends the sentence
    return lo < k < i and text[k - 1] in ".!?"


_SENTENCE_END = re.compile(r"[.!?]['’]?\s+(?=[A-Z‘'])")
_LAST_SENTENCE_END = re.compile(r"[.!?]['’]?\s*$")  # with search(text, lo, hi): a sentence end at ``hi``


def _introduced_after_end(text: str, lo: int, i: int) -> int | None:
    """Where the quote left open at ``lo`` ended, when the mark at ``i`` opens a new one after a sentence of
    narration that introduces it ('… one or two seconds. Freddie Ljungberg is likely to … Gunners boss Arsene
    Wenger said: "Freddie is an option'): the end of the last sentence before the one whose speech verb and
    colon lead into the mark; None when no such sentence lies between."""
    k = i
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k <= lo or text[k - 1] != ":":
        return None
    ends = [m.start() + 1 for m in _SENTENCE_END.finditer(text, lo, k)]
    if not ends:
        return None
    end = ends[-1]
    lead = text[end:k]
    if SPEECH_VERB.search(lead) is None or any(c in lead for c in "\"“”"):
        return None
    return end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return bounds


def _scan(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int, int, int, bool]]:
    """Quotation segments as (open mark, inner start, close mark or end, after the close,
    paragraph, closed). An unclosed segment is continued by the next one."""
    segments = []
    for p, (ps, pe) in enumerate(paragraphs):
        open_at = open_end = None
        open_char = ""
        for m in QUOTE_MARK.finditer(text, ps, pe):
            i, j, c = m.start(), m.end(), m.group()
            straight = c in ('"', "''")
            if open_at is None:
                if c == "“" or (straight and (_opens(text, i, j) or _opens_unspaced(text, i, j, pe))):
                    open_at, open_end, open_char = i, j, c
            elif (c == "“" or (straight and _opens(text, i, j))) and _sentence_ended(text, open_end, i):
                # A new mark after a finished sentence: the quote was left open and goes on.
                k = i
                while text[k - 1].isspace():
                    k -= 1
                segments.append((open_at, open_end, k, k, p, False))
                open_at, open_end, open_char = i, j, c
            elif (c == "“" or (straight and _opens(text, i, j))) and (
                (k := _introduced_after_end(text, open_end, i)) is not None
            ):
                segments.append((open_at, open_end, k, k, p, True))
                open_at, open_end, open_char = i, j, c
            elif c == "”" or (straight and (open_char != "“" or _closes(text, i))):
                segments.append((open_at, open_end, i, j, p, True))
                open_at = None
            elif c == "“":
                open_at, open_end, open_char = i, j, c  # the earlier mark was stray
        if open_at is not None:
            # Left open: a long quote goes on if the next paragraph opens with a mark; else it is taken to end
            # with its first sentence ('Moya confirmed: "I'm donating my prize money …. His contribution
            # follows …'), where no narration can be swallowed; a mark with no finished sentence after it is stray.
            ns = paragraphs[p + 1][0] if p + 1 < len(paragraphs) else None
            end = _SENTENCE_END.search(text, open_end, pe) or _LAST_SENTENCE_END.search(text, open_end, pe)
            if ns is not None and (text[ns:ns + 1] in ("“", '"') or text.startswith("''", ns)):
                segments.append((open_at, open_end, pe, pe, p, False))
            elif end:
                segments.append((open_at, open_end, end.start() + 1, end.start() + 1, p, True))
    return segments


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans of text inside quotation marks (marks included)."""
    return [(s[0], s[3]) for s in _scan(text, _paragraphs(text))]


def _inner(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The words between the marks: no surrounding space, no trailing comma or period."""
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


def _only_titles(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] empty or the titles of the name that follows ("…," National Bureau of
    Statistics chief Li Deshui told Reuters)?"""
    between = text[lo:hi]
    if between.strip(" \t,–—-") == "":
        return True
    if any(c in between for c in ".!?;:\"“”\n"):
        return False
    words = between.split()
    if all(w[:1].isupper() or w.lower() in TITLE_WORDS or w in NAME_CONNECTORS for w in words):
        return True
    if SPEECH_VERB.search(between) is not None:
        return False
    # A role of any words that ends in a title noun: "…," Music Choice music and marketing manager Simon George said;
    # or in a family word: "…," Mr Nogar's son Stephen said
    if len(words) <= 8 and (words[-1].lower() in TITLE_NOUNS or words[-1].lower() in KIN_NOUNS):
        return True
    # A role set off by a comma before the name: "…," the new chair of the Road Safety Council (RSC), Tom Hale, says
    role = between.rstrip()
    return (
        len(words) <= 12 and role.endswith(",") and "," not in role[:-1]
        and any(w.lower().strip("(),") in TITLE_NOUNS or w.lower() in ROLE_NOUNS for w in words)
    )


def _ends_sentence(text: str, lo: int, verb: int, hi: int) -> bool:
    """Does the attribution whose verb is at ``verb`` close its sentence, after a comma, with at most
    a listener or a few words after the verb ("…" in the campaign, Tom Hale has said.", "…, Mr Hale
    told BBC Radio 4's Today programme.")?"""
    k = verb
    while k > lo and text[k - 1] not in ",.!?;:\"“”\n":
        k -= 1
    if k == lo or text[k - 1] != ",":
        return False
    rest = text[verb:hi]
    words = rest.split()
    return (
        1 <= len(words) <= 7 and not any(c in rest for c in ",:;\"“”")
        and "that" not in (w.lower() for w in words) and rest.rstrip()[-1:] in (".", "!", "?", "")
    )


def _title_like(words: str) -> bool:
    """ "High Heeled Vote", "John Doe": a name in quotation marks, not someone's words."""
    if any(c in words for c in ".!?"):
        return False
    tokens = _TITLE_WORD.findall(words)
    return len(tokens) >= 2 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in tokens)


# "it" as the subject of a clause, with a verb of its own (not "It is …", "It's …"): "But it warned", "In its
# bulletin, it flagged".
_IT_SUBJECT = re.compile(
    r"(?:" + IT_LEAD + r"[ \t]+)?"
    r"([Ii]t)[ \t]+(?:also[ \t]+|now[ \t]+|then[ \t]+)?(?!is\b|was\b|seems\b|seemed\b|has\s+been\b|had\s+been\b|would\b|will\b|could\b|may\b|might\b)[a-z]+(?:s|ed)\b"
)
# A term in quotation marks that no one says: "known as an “aggregator”", "the so-called “X”".
_TERM_BEFORE = re.compile(r"(?<![\w’'-])(?:known|referred\s+to)\s+as(?:\s+(?:an?|the))?\s*$|(?<![\w’'-])(?:so-called|nicknamed|the\s+(?:term|word|phrase))\s*$")
# A nickname between a first name and a surname: Antonio “LA” Reid.
_NAME_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)[ \t]+$")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+\b")
# A quoted modifier inside a noun phrase: a “Welcome to Cardiff” greeting, McDonald's “I'm lovin' it” campaign,
# the “devil's” music, a California “shield” law.
_MODIFIER_BEFORE = re.compile(r"(?:(?<![\w’'-])(?:a|an|the|its|their|his|her|our|my)|[A-Za-z][’']s?)(?:[ \t]+[A-Za-z][a-z-]+)?[ \t]+$")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_NOT_NOUNS = frozenset("""
    and or but nor of in on at to for with by from as that which who whom whose is are was were be been being
    has have had will would can could may might must should shall do does did not than then so if into onto over
    under about after before since until while when where because though although it its they them he she we
    you this these those there here also only even just more most less very too again
""".split())


def _nickname(text: str, open_at: int, close_end: int, words: str) -> bool:
    """Is the quotation at ``open_at`` a nickname between a first name and a surname (Antonio “LA” Reid)?"""
    if not words or len(words.split()) > 3 or any(c in words for c in ",.;:!?\n"):
        return False
    name = _NAME_BEFORE.search(text, max(0, open_at - 30), open_at)
    return bool(name and name.group(1).lower() not in LEADING_NOISE and _NAME_AFTER.match(text, close_end))


def _term(text: str, open_at: int, close_end: int, words: str) -> bool:
    """Is the short quotation at ``open_at`` a term that no one is credited with: "known as an “aggregator”",
    a quoted modifier before its noun (a “Welcome to Cardiff” greeting, the “devil's” music)?"""
    if not words or len(words.split()) > 4 or any(c in words for c in ",.;:!?\n"):
        return False
    before = text[max(0, open_at - 40):open_at]
    if _TERM_BEFORE.search(before):
        return True
    noun = _NOUN_AFTER.match(text, close_end)
    return bool(
        _MODIFIER_BEFORE.search(before) and noun and noun.group(1) not in _NOT_NOUNS
        and noun.group(1) not in COMMON_VERBS and not noun.group(1).endswith(("ly", "ed"))
    )


# '…," the newspaper quoted Geoff Dixon as saying': who quotes, between the closing mark and whom they quote.
_QUOTER = re.compile(r"[ \t,]*(?:[\w’'.&-]+[ \t]+){1,6}?quot(?:ed|es)[ \t]+")
# '"…" in 2005, said Kurt Karl': a short phrase that ends the quoted sentence, then a comma and the attribution.
_SHORT_TAIL = re.compile(r"[ \t]+(?:in|on|at|for|from|by|during|until|after|before)(?:[ \t]+[\w’'-]+){1,3}[ \t]*,[ \t]*")
# A verb of saying and a colon right before an opening mark: the attribution of the quote that opens there.
_INTRODUCES_NEXT = re.compile(r"[a-z]+(?:[ \t]+[a-z]+){0,2}[ \t]*:[ \t]*")


def _quote_end(segments: list, k: int) -> int:
    """Where the quote that opens with segment ``k`` ends: past the segments it goes on in while left open."""
    j = k
    while j + 1 < len(segments) and not segments[j][5]:
        j += 1
    return segments[j][3]


def _name_colon(text: str, lo: int, open_at: int) -> str | None:
    """The person a sentence names before a colon and the quote, with no verb: 'BBC Two controller Roly
    Keating: "…"' -> Roly Keating; None unless the words before the colon end in a person's name."""
    j = open_at
    while j > lo and text[j - 1] in " \t":
        j -= 1
    if j <= lo or text[j - 1] != ":":
        return None
    tokens = _words(text, lo, j - 1)
    if not 2 <= len(tokens) <= 8 or any(t[0].lower() in COMMON_VERBS for t in tokens):
        return None
    i = _trailing_run(tokens)
    name = _name_from_run(tokens[i:], text) if i < len(tokens) else None
    return name if is_person(name) and len(name.split()) >= 2 else None


def find_quotes(text: str) -> list[Quote]:
    """All direct quotations in ``text``, in order, with their speakers where they can be found."""
    if not isinstance(text, str) or not text:
        return []
    paragraphs = _paragraphs(text)
    segments = _scan(text, paragraphs)
    if not segments:
        return []
    people = People(text, [(s[0], s[3]) for s in segments])
    break_starts, break_ends = people.break_starts, people.break_ends

    def resolve(who, pos: int):
        if who is None or not isinstance(who, str):
            return None
        if is_pronoun(who):
            gender = pronoun_gender(who)
            if prev is not None and gender in ("m", "f") and unnamed_person(prev[2], gender) and prev[1] == paragraph_of(pos):
                k = bisect.bisect_right(people.positions, prev[0])
                if k >= len(people.positions) or people.positions[k] >= pos:
                    # '"…," said a club official. "…," he added.': the unnamed speaker goes on when no one
                    # is named between.
                    return prev[2]
            return people.resolve(
                pos, gender, skip_sentence=people.after_its_words(pos), pronoun=True, words=quote_words
            )[0]
        if is_body_description(who):
            return people.body(pos, who)  # "Marsh said …. The company added: “…”": Marsh
        named = titled_person(people, pos, who)
        if named:
            return named  # "the Bishop said": the person named with that title before
        gender = description_gender(who)
        if gender is not False:
            return people.resolve(pos, gender, skip_sentence=True)[0] or people.lead_named(pos, who) or who
        if (who.split(maxsplit=1) or [""])[0].lower() in ("a", "an", "the"):
            # "A PR expert has told the trial … \"…\".\n\nAnn Kite told …"; "… Kenteris and Thanou. The pair said …"
            return people.named_description(pos, who) or who
        return who

    paragraph_starts = [a for a, _ in paragraphs]

    def paragraph_of(pos: int) -> int:
        return bisect.bisect_right(paragraph_starts, pos) - 1

    quotes: list[Quote] = []
    open_ended: list[bool] = []
    attributed: list[bool] = []  # was the speaker named by an attribution of its own (rules 1, 2, 4b)?
    joined: list[bool] = []  # does the quote go on in the next segment?
    seg: list[int] = []  # the segment of each quote
    after_quote: list[bool] = []  # does the quote open right after the sentence of the quote before?
    prev_close: int | None = None
    prev_paragraph = -1
    prev: tuple[int, int, str | None, bool] | None = None  # (close end, paragraph, speaker, closed)
    for k, (open_at, inner_start, close_at, close_end, p, closed) in enumerate(segments):
        inner = _inner(text, inner_start, close_at)
        words = text[inner[0]:inner[1]] if inner else ""
        ps, pe = paragraphs[p]
        next_open = segments[k + 1][0] if k + 1 < len(segments) else len(text)
        b = bisect.bisect_right(break_ends, open_at)
        sent_start = max(ps, break_ends[b - 1] if b else 0)
        speaker: str | None = None
        where = open_at
        after = None  # the first attribution after the closing mark, when it is not right after it
        said_by = None  # the gender of a pronoun right after the closing mark ('…," she said'), resolved or not
        quote_words = text[open_at:_quote_end(segments, k)]  # all its segments: whom they name is not who says them

        # 1. Right after the closing mark.
        if closed:
            post_lo = close_end
            b2 = bisect.bisect_left(break_starts, close_at)
            asked = text[close_at - 1:close_at] in ("?", "!")
            if asked and b2 < len(break_starts) and break_starts[b2] <= close_end:
                b2 += 1  # "“Why now?” Lavrov asked." -- the break after "?" is not the end
            post_hi = min(pe, next_open, break_starts[b2] if b2 < len(break_starts) else len(text))
            post_hi = max(post_lo, min(post_hi, post_lo + (60 if asked else 200)))
            for who, span_start, verb, kind in _attributions(text, post_lo, post_hi):
                if next_open < len(text) and _INTRODUCES_NEXT.fullmatch(text, verb, next_open):
                    break  # '“…,” said Gatlin. “…” Hayes said: “…”': the colon introduces the next quote
                if _only_titles(text, post_lo, span_start) or _QUOTER.fullmatch(text, post_lo, span_start) or (
                    _SHORT_TAIL.fullmatch(text, post_lo, span_start)
                ):
                    speaker, where = resolve(who, span_start), span_start
                    said_by = pronoun_gender(who) if is_pronoun(who) else None
                elif _ends_sentence(text, post_lo, verb, post_hi):  # "…, X said." or "…, according to X."
                    after = (who, span_start)
                break
        explicit = speaker is not None
        # 2. Before the opening mark, in the same sentence.
        if speaker is None:
            floor = ps if prev is None else max(ps, prev[0])
            pre_lo = max(floor, sent_start, open_at - 400)
            found = _attributions(text, pre_lo, open_at)
            if found:
                speaker = resolve(found[-1][0], found[-1][1])
            elif (labelled := _name_colon(text, sent_start, open_at)) is not None:
                speaker = labelled  # 'BBC Two controller Roly Keating: "It's an exciting new era …"'
            elif prev is not None and prev[0] > sent_start and prev[3]:
                speaker = prev[2]  # 'Stewart said he was "astounded" … but "they tend not to …"'

        explicit = explicit or speaker is not None
        nickname = _nickname(text, open_at, close_end, words)
        if nickname:
            speaker, explicit = None, False  # Antonio “LA” Reid, chairman of X, said: the nickname is no one's words
        titled = _title_like(words) or nickname or (not explicit and _term(text, open_at, close_end, words))
        opening = text[sent_start:open_at].strip(_LEAD_IN) == ""
        # 3. The open quote before goes on.
        if speaker is None and prev is not None and not prev[3]:
            speaker = prev[2]
        # 4. A quote inside a sentence: the person who opens the sentence.
        if speaker is None and not titled and not opening:
            # The clause holding the quote: after the last "but", ";" or "while" of the sentence.
            cuts = [text.rfind(x, sent_start, open_at) for x in _CLAUSE_OPENERS]
            clause = max([sent_start] + [k + len(x) for k, x in zip(cuts, _CLAUSE_OPENERS) if k >= 0])
            head = _FIRST_WORD.match(text, clause, open_at)
            if clause > sent_start and head and head.group(1) not in _SUBJECT_WORDS:
                clause = sent_start  # "X has offered help but not for “free”": the clause has no subject of its own
            prefix = text[clause:open_at]
            named = None
            for m in CHARACTERISE.finditer(text, clause, open_at):
                named = m  # "… accent, which Variety called “…”": the subject of the last such verb
            passive = named is not None and _PASSIVE_BEFORE.search(text, clause, named.start()) is not None
            if passive:
                # "was described by Ann Reed as “…”": the agent; "HSDPA has been described as “…”": no one.
                agent = _BY_AGENT.search(text, named.end(), open_at)
                if agent:
                    speaker = resolve(_forward_np(text, agent.end(), open_at), agent.end())
                elif closed and (agent := _BY_AFTER.match(text, close_end)) is not None:
                    # 'was called "…" by the sentencing judge', 'described as "…" and "…" by scouts': the agent after it.
                    b3 = bisect.bisect_left(break_starts, agent.end())
                    who = _forward_np(text, agent.end(), break_starts[b3] if b3 < len(break_starts) else len(text))
                    if who is None and (plain := _PLAIN_AGENT.match(text, agent.end())) is not None:
                        who = plain.group(1)  # "by scouts who saw them live": a bare plural noun phrase, as written
                    if who and who.lower() in _QUANTIFIERS:
                        who = None  # '… by some': no one named
                    speaker = who if who and description_gender(who) is not False else resolve(who, agent.end())
            elif named is not None:
                w = text.rfind(" with ", sent_start, named.start())
                if named.group().endswith("ing") and w >= 0 and not any(c in text[w:named.start()] for c in ",;:\"“”"):
                    # "…, with America's TV Guide magazine describing the series as “…”": the participle's own subject.
                    who, at = _subject(text, w + 6, named.start())
                elif named.group().endswith("ing"):  # "…, describing the talk as “…”": the sentence's subject
                    who, at = _sentence_subject(text, sent_start, named.start()), sent_start
                else:
                    who, at = _subject(text, clause, named.start())
                speaker = resolve(who, at)
            if speaker is None and not passive and not any(x in prefix for x in (" by ", "ccording to")):
                first = _sentence_subject(text, clause, open_at)
                it = _IT_SUBJECT.match(text, clause, open_at) if first in (None, "It") else None
                if it is not None:
                    # "It expects a series of “aggressive” cuts", "In its bulletin, it flagged eight “critical” holes":
                    # the body that "it" stands for.
                    speaker = resolve(PRONOUN_MARK["it"], it.start(1))
                    if speaker is not None and not people.has_spoken(speaker):
                        speaker = None  # "Key to the appeal is …. It means …": no body that speaks
                elif is_pronoun(first) or description_gender(first) is not False:
                    speaker = resolve(first, clause)
                else:
                    speaker = people.subject(clause, open_at)
        # 4b. A quote inside a reported clause whose attribution closes the sentence: 'The party will
        # campaign as "the only real choice" in the election, Tom Hale has said.'
        if speaker is None and not titled and after is not None:
            speaker, where = resolve(after[0], after[1]), after[1]
        # 5. A quote opening its sentence goes on with the last speaker.
        if speaker is None and opening and not titled:
            if prev is not None and prev[3] and p - prev[1] <= 1:
                between = [
                    resolve(who, span_start) for who, span_start, _, kind in _attributions(text, prev[0], open_at)
                    if kind == "verb"
                ]
                between = [who for who in between if who]
                if between:
                    speaker = between[-1]
                elif (opener := people.latest(open_at, prev[0])) is not None and not named_in(quote_words, opener) and (
                    said_by is None or people._compatible(people.key(opener, True) or opener, said_by)
                ):
                    # 'Ruddock, though, is keen to protect his players. "At this stage, …"': the person a sentence
                    # between the quotes opens with speaks next, unless the quote names them ('"Bob was driven"',
                    # in this segment or a later one of the same quote)
                    # or the pronoun after it does not fit ('Mr Hill spoke. "…," she said').
                    speaker = opener
                elif open_at - prev[0] <= 300:
                    speaker = prev[2]
            if speaker is None and not people.subject_missing(open_at):
                speaker = people.latest(open_at, paragraphs[max(0, p - 1)][0])
        prev = (close_end, p, speaker, closed)
        if is_person(speaker):
            people.add_speaker(where, speaker)
        if inner is None:
            continue
        s, e = inner
        quotes.append(Quote(text[s:e], s, e, speaker))
        open_ended.append(not closed)
        attributed.append(explicit)
        seg.append(k)
        # Goes on with the next segment: left open, or closed with only a space before the next mark.
        joined.append(not closed or (k + 1 < len(segments) and segments[k + 1][4] == p
                                     and text[close_end:segments[k + 1][0]].strip() == ""))
        # Right after the sentence that attributes the quote before ('"…," said Ann Reed. "However, …"'):
        # it goes on with that speaker, whoever is named after it.
        b_close = bisect.bisect_left(break_starts, prev_close) if prev_close is not None else 0
        b_open = bisect.bisect_left(break_starts, open_at)
        after_quote.append(prev_close is not None and prev_paragraph == p and b_open - b_close <= 1)
        prev_close, prev_paragraph = close_end, p
    # A long quote's first segments take the speaker named after its last one ('Coach Tom Hale wants
    # more. "I think it will help." "Obviously it is hard. "But we can do it," said Hale.' -> Hale for
    # all three), when they were given one only by going on from an earlier quote (or none), and the
    # long quote does not open right after the attribution of the quote before it.
    start = list(range(len(quotes)))
    for k in range(1, len(quotes)):
        if joined[k - 1] and seg[k] == seg[k - 1] + 1:
            start[k] = start[k - 1]
    for k in range(len(quotes) - 2, -1, -1):
        if after_quote[start[k]]:
            continue
        if joined[k] and seg[k + 1] == seg[k] + 1 and not attributed[k] and attributed[k + 1] and quotes[k + 1].speaker:
            q = quotes[k]
            quotes[k] = Quote(q.text, q.start, q.end, quotes[k + 1].speaker)
            attributed[k] = True
    remember(people)
    return quotes
