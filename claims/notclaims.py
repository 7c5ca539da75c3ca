"""Sentences that are not claims of the article: bylines, headings, captions and credits, bare table cells.

``not_claim_reason(text)`` names the shape (``"byline"``, ``"credit"``, ``"caption"``, ``"boilerplate"``,
``"table cell"``, ``"heading"``, ``"fragment"``) or returns ``None`` for a sentence that may be a claim;
``is_not_claim(text)`` is its boolean.  ``claims.extract`` skips such sentences before they become claims
(a table's rows stay passages for verification elsewhere: this only decides what the article *claims*).

The rules look at the shape of the text, never at its topic, and are conservative: anything with a verb
and more than a few words is left to the check-worthiness model.  Verbs are recognised without a tagger,
by a list of auxiliaries and common verb forms plus the ``-ed`` / ``-ing`` endings, so a short text counts
as verbless only when none of its words can be a verb.  Pure Python; about a microsecond or two a sentence.
"""

from __future__ import annotations

import re

__all__ = ["is_not_claim", "not_claim_at", "not_claim_reason"]

_MAX_CHARS = 400  # longer texts are never furniture: they are left to the model at once

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_ALNUM_RE = re.compile(r"[^\W_]", re.UNICODE)
_FIGURE_RE = re.compile(
    r"""^[\s(\[]*[-+−–]?\s*[$£€¥]?\s*\d[\d,.\s]*(?:%|[kmb]n?|bn|tn|m|k|million|billion|trillion|thousand|
    per\s?cent|pc|pts?|p|[$£€¥])?[\s)\].,;:*†]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Words that make a clause: auxiliaries, modals and frequent verb forms that the endings below miss.
_VERBS = frozenset(
    """
    is are was were be been being am isn't aren't wasn't weren't 's 're
    has have had having hasn't haven't hadn't 've 'd
    do does did done doing don't doesn't didn't
    will would shall should can could may might must won't wouldn't can't cannot couldn't shouldn't mustn't 'll
    say says said tell tells told ask asks asked add adds added
    go goes went gone get gets got gotten make makes made take takes took taken give gives gave given
    come comes came see sees saw seen know knows knew known think thinks thought find finds found
    win wins won lose loses lost beat beats rise rises rose risen fall falls fell fallen grow grows grew grown
    cut cuts hit hits put puts set sets run runs ran let lets keep keeps kept hold holds held pay pays paid
    sell sells sold buy buys bought lead leads led leave leaves left meet meets met begin begins began begun
    bring brings brought build builds built spend spends spent send sends sent stand stands stood
    become becomes became show shows showed shown seem seems feel feels felt mean means meant
    want wants need needs like likes use uses face faces back backs plan plans call calls
    join joins quit quits close closes open opens end ends start starts remain remains stay stays
    """.split()
)
_NOT_VERBS_ED = frozenset("red bed fed led shed wed hundred kindred bred need speed seed feed breed".split())
_NOT_VERBS_ING = frozenset(
    "morning evening king ring thing nothing something anything everything building ceiling spring string wing "
    "sterling during bring sing sibling darling earring pudding wedding clothing".split()
)

# Bylines: "By Jane Smith", "By Jane Smith, Local Democracy Reporter", "By Jane Smith and Omar Ali, BBC News".
_BY_NAME_RE = re.compile(r"^\s*(?i:by)\s+(?:[A-Z][\w’'.-]*\s*){1,4}(?:(?:,|and|&)\s*(?:[A-Z][\w’'.-]*\s*){1,4})*")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_ROLE_RE = re.compile(
    r"\b(?:reporter|reporters|reporting|correspondent|correspondents|editor|editors|journalist|writer|columnist|"
    r"contributor|producer|presenter|staff|bureau|desk|news(?:room)?|analyst)\b",
    re.IGNORECASE,
)
_CREDIT_START_RE = re.compile(
    r"""^\s*(?:
        (?:additional\s+|further\s+)?(?:reporting|writing|editing|research|photos?|images?|pictures?|video|graphics?
            |illustrations?|words|interview|production)(?:\s+and\s+\w+)?\s+by\b
      | (?:photo|image|picture|video|media|pic)s?\s*(?:source|credit|copyright)s?\b
      | (?:photo|image|picture|pic|source|credit|credits|file\ photo|copyright|illustration)s?\s*[:|]
      | copyright\b | \(c\)\s | ©
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_WORDS = frozenset(
    "reporting writing editing research photo photos image images picture pictures video graphic graphics "
    "illustration illustrations words interview production additional further".split()
)
_CAPTION_START_RE = re.compile(r"^\s*(?:(?:photo|image|picture|video|media|pic)s?\s*)?caption\b\s*[,:|-]?", re.IGNORECASE)
_CREDIT_ANY = (
    ("contributed", re.compile(r"\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|reporting|story|article)\b", re.I)),
    ("reserved", re.compile(r"\ball rights reserved\b", re.I)),
    ("", re.compile(r"[(/]\s*(?:getty(?: images)?|afp|reuters|pa(?: media)?|ap|epa|shutterstock|alamy)\s*\)?\s*$", re.I)),
)
_AGENCIES = frozenset(
    "getty images afp reuters pa media ap epa shutterstock alamy bbc via wire press association photo".split()
)
_BOILERPLATE_RE = re.compile(
    r"""^\s*(?:(?:read\ more|related(?:\ topics|\ stories|\ articles|\ content)?|more\ on\ this\ story|watch|listen
            |share\ this|follow\ us|advertisement|sponsored)\s*[:|]
          | (?:read\ more|more\ on\ this\ story|related\ (?:topics|stories|articles|content)|advertisement)\s*$
          | listen\ (?:again\ )?to\ (?:the\ )?(?:full\ )?(?:interview|programme|show|podcast)\b
          | watch\ (?:the\ )?(?:full\ )?(?:video|interview|programme)\b)
      | \bclick\s+here\b | \bsign\s+up\s+(?:for|to)\s+our\b | \bsubscribe\s+(?:for|to)\s+our\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "Label: a list" rows ("Subs not used: Fish, Jeffers, Andersen"), when what follows the colon has no verb.
_LABEL_ROW_RE = re.compile(r"^\s*([^:]{1,40}):\s*(.+)$")

_SHORT_WORDS = 6  # "a few words without a verb": at most this many words
_HEADING_WORDS = 10  # a line without final punctuation and without a verb, up to this many words


def _has_verb(words: list[str]) -> bool:
    for w in words:
        low = w.lower().replace("’", "'")
        if low in _VERBS:
            return True
        if len(low) > 4 and low.endswith("ed") and low not in _NOT_VERBS_ED:
            return True
        if len(low) > 5 and low.endswith("ing") and low not in _NOT_VERBS_ING:
            return True
        if "'" in low and low.split("'", 1)[1] in ("re", "ve", "ll", "d", "m", "t"):
            return True  # "they're", "we've", "don't" ("Britain's" may be a possessive: not counted)
    return False


_FINAL_PUNCT = ".!?\"'”’)…"
_LIST_SPLIT_RE = re.compile(r"\s*[,;]\s*|\s+(?:and|&)\s+")


def not_claim_reason(text: str, *, alone: bool = False) -> str | None:
    """Why ``text`` is not a claim of the article (a short name of its shape), or ``None``.

    ``alone`` says the text is a line of its own in the article (nothing else on its line): a short line
    without final punctuation is then a heading even with a verb ("Arsenal win on penalties").
    """
    if not isinstance(text, str):
        return None
    t = text.strip()
    if not t:
        return "table cell"
    if len(t) > _MAX_CHARS:
        return None
    if not _ALNUM_RE.search(t):
        return "table cell"  # punctuation only
    if _FIGURE_RE.match(t):
        return "table cell"  # "£48m", "620", "9,796", "12.5%"
    words = _WORD_RE.findall(t)
    low = t.lower()
    if _CAPTION_START_RE.match(t):
        return "caption"  # "Image caption, The minister at the plant on Monday"
    if _CREDIT_START_RE.match(t) and not _has_verb([w for w in words if w.lower() not in _CREDIT_WORDS]):
        return "credit"  # "Reporting by John Smith; Editing by Jane Doe" (not "Research by X shows ...")
    if any(m in low and rx.search(t) for m, rx in _CREDIT_ANY):
        return "credit"
    if _BOILERPLATE_RE.search(t):
        return "boilerplate"
    if (_BY_NAME_RE.match(t) and len(words) >= 2 and words[1].lower() not in _MONTHS
            and not _has_verb(words[1:]) and len(words) <= 16):
        return "byline"  # "By Jane Smith", "By Jane Smith, Local Democracy Reporter"
    has_verb = _has_verb(words)
    if (len(words) <= 10 and t[-1] not in ".!?" and _ROLE_RE.search(t) and sum(w[:1].isupper() for w in words) >= 2
            and not _has_verb([w for w in words if not _ROLE_RE.fullmatch(w)])):
        return "byline"  # "Jane Smith, Local Democracy Reporter", "Nick Robinson, Political editor"
    if not has_verb and words and len(words) <= 4 and all(w.lower() in _AGENCIES for w in words):
        return "credit"  # "Getty Images", "PA Media"
    unpunctuated = t[-1] not in _FINAL_PUNCT
    if alone and unpunctuated and len(words) <= _HEADING_WORDS:
        return "heading"  # a short line of its own without final punctuation
    if has_verb:
        return None
    row = _LABEL_ROW_RE.match(t)
    if row and len(_WORD_RE.findall(row.group(2))) <= 12:
        return "table cell"  # "Subs not used: Fish, Jeffers, Andersen."
    items = [i for i in _LIST_SPLIT_RE.split(t.rstrip(".;,")) if i]
    if len(items) >= 2 and all(len(_WORD_RE.findall(i)) <= 3 for i in items):
        return "table cell"  # "Riggott 74, Graham 86.", "Saturday, 26 February"
    if len(words) <= _SHORT_WORDS and unpunctuated:
        return "table cell" if re.search(r"\d", t) else "heading"  # "Profits up 20%", "Man Utd v Exeter"
    if len(words) <= 2:
        return "table cell" if re.search(r"\d", t) else "fragment"  # "Berra.", "Utter rubbish."
    if len(words) <= _HEADING_WORDS and unpunctuated:
        return "heading"  # a verbless line without final punctuation
    return None


def not_claim_at(text: str, start: int, end: int) -> str | None:
    """:func:`not_claim_reason` of ``text[start:end]``, a sentence of ``text``, told whether it is a line of its own.

    A sentence that is all of ``text`` (a claim typed by hand, ``claimtrack verify-claim "..."``) is never
    furniture: its words are what the user claims.
    """
    if not text[:start].strip() and not text[end:].strip():
        return None
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    alone = not text[before + 1 : start].strip() and not text[end : len(text) if after < 0 else after].strip()
    return not_claim_reason(text[start:end], alone=alone)


def is_not_claim(text: str) -> bool:
    """True for a byline, heading, caption or credit, boilerplate line, bare table cell or verbless fragment."""
    return not_claim_reason(text) is not None
