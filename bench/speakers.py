"""Benchmark of speaker attribution (claims.quotes) on annotated BBC news.

Run ``python bench/speakers.py`` from the repo root: prints speaker accuracy on the dev and test
articles of ``bench/data/speakers/speakers.jsonl`` (annotation rules and sampling in the
README beside it), for direct quotes, reported speech and both, next to the accuracy of the
code before the attribution rules of issue 12. ``--errors`` lists the misses (dev only unless
``--split``); ``--batch N`` scores one annotation batch alone (its dev articles); ``--dev``
prints the dev rows only (for tuning, so that test figures stay unseen); ``--time`` only times ``find_quotes`` over the whole BBC set (it prints no accuracy); ``--quotes PATH``
scores another copy of ``claims/quotes.py`` (e.g. an old one) instead of the current module
(with today's claims/extract.py, so its "reported" figure can differ a little from BEFORE).
Skips (exit 0) when the data directory is absent: ``$CLAIMTRACK_EVAL`` if set, else
``../shared/eval`` relative to the repo root.

Split (deterministic, by article): the sample is the first ``SAMPLE_SIZE`` eligible articles
in order of ``sha1("speakers:" + id)``, annotated in forty batches (``BATCHES``: positions
0-69, 70-96, 97-126, 127-163, 164-188, 189-224, 225-260, 261-296, 297-332, 333-368, 369-404, 405-440, 441-476,
477-512, 513-548, 549-584, 585-620, 621-656, 657-692, 693-728, 729-764, 765-800, 801-836, 837-872, 873-908, 909-944,
then 945-980, …, 1377-1412 in steps of 36, and 1413-1436, the last eligible articles). In batch 1, the article at position ``k`` is **test** when ``k`` is odd
and **dev** when it is even; batches 2 to 26, each annotated once the batches before had been
tuned on, are all **dev** (a new batch scored alone before any rule changes for it is an
out-of-sample estimate). Batches 27 to 32 (positions ``HELD_OUT``) are all **test** too: annotated
in session 17 and held out from the start, so that test is large enough to mean something (batch 1's
232 rows alone have a standard error of about 0.02). Test is printed as a whole and by its two parts.
Batches 33 to 38, annotated later in session 17, and 39 to 40 (session 18) are **dev** again.
Rules are tuned on dev only; test was never looked at for tuning.

Scoring: a gold direct quote is aligned with the predicted quote (``find_quotes``) that
overlaps it most; gold reported speech with the claim (``extract``) that overlaps it most,
whose ``speaker`` is the prediction. The gold counts as correct when the prediction's speaker
matches (see ``same_speaker``: full name, or surname, after dropping titles, determiners and
a trailing "for/of ..." phrase; one of the annotation's ``also`` names counts too), when both
are null, and as wrong when nothing overlaps it. A text the BBC set holds twice is scored once
(``scored_articles``).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import inspect
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from evaldata import bbc_path  # noqa: E402  (bench/evaldata.py)

sys.path.insert(0, str(REPO / "tools"))
from sample_news import eligible_id as eligible  # noqa: E402  (tools/sample_news.py: issue 12's articles)

GOLD = REPO / "bench" / "data" / "speakers" / "speakers.jsonl"
# Where each annotation batch ends in the sample order (batch 1: 0-69, 2: 70-96, 3: 97-126, 4: 127-163, 5: 164-188,
# 6: 189-224, 7: 225-260, 8: 261-296, 9: 297-332, 10: 333-368, 11: 369-404, 12: 405-440).
BATCHES = (
    70, 97, 127, 164, 189, 225, 261, 297, 333, 369, 405, 441, 477, 513, 549, 585, 621, 657, 693, 729, 765, 801, 837,
    873, 909, 945, 981, 1017, 1053, 1089, 1125, 1161, 1197, 1233, 1269, 1305, 1341, 1377, 1413, 1437,
)
SAMPLE_SIZE = BATCHES[-1]
ALTERNATE = BATCHES[0]
HELD_OUT = range(945, 1161)  # batches 27-32: all test, held out since they were annotated
# The accuracy of the code as it was before the attribution rules of issue 12 (claims/quotes.py and
# claims/extract.py of commit 3db17a5): measured with this script on the final annotations, run in
# a copy of the tree holding those two original files (re-measured so when batches 25 and 26 were added, and for
# test2 and dev when batches 27-38 were; not for batches 39-40, whose 188 dev rows it leaves out).
BEFORE = {
    "dev": {"quote": 0.573, "reported": 0.627, "all": 0.589},
    "test": {"quote": 0.590, "reported": 0.613, "all": 0.597},
    "test1": {"quote": 0.592, "reported": 0.600, "all": 0.595},
    "test2": {"quote": 0.589, "reported": 0.616, "all": 0.597},
}
# What each split holds (test = test1 + test2).
SPLITS = {
    "dev": "batch 1's even positions, batches 2-26 and 33-40",
    "test1": "batch 1's odd positions",
    "test2": "batches 27-32, held out since annotated",
}

_TITLES = frozenset("mr mrs ms miss dr sir lady dame lord professor prof cardinal".split())
_DETERMINERS = frozenset("a an the".split())
_TOKEN = re.compile(r"[\w][\w./&'-]*")


def sample(ids) -> list[str]:
    """The annotated sample, in sampling order."""
    order = sorted((i for i in ids if eligible(i)), key=lambda i: hashlib.sha1(f"speakers:{i}".encode()).hexdigest())
    return order[:SAMPLE_SIZE]


def split(k: int) -> str:
    """The split of the article at sample position ``k``: "dev" or "test"."""
    return "test" if (k < ALTERNATE and k % 2) or k in HELD_OUT else "dev"


def scored_articles(
    order: list[str], articles: dict[str, str], split_of: dict[str, str], annotated: set[str] | None = None
) -> set[str]:
    """The sampled articles whose annotations are scored: one copy of each text.

    The BBC set holds some articles twice under two ids. A text is scored once, so that it does not
    weigh double, and in dev when any annotated copy of it is in dev (a test text whose copy was tuned on in
    dev is no longer held out): the first such dev copy in sampling order, else the first copy. Copies
    outside ``annotated`` (skipped by their batch, so never tuned on) are passed over: they would take a
    test text's rows out of test and score them nowhere."""
    chosen: dict[str, str] = {}
    for article in order:
        if annotated is not None and article not in annotated:
            continue
        key = hashlib.sha1(articles[article].encode("utf-8")).hexdigest()
        first = chosen.get(key)
        if first is None or (split_of[first] == "test" and split_of[article] == "dev"):
            chosen[key] = article
    return set(chosen.values())


def _words(name: str) -> list[str]:
    """A name's words, lower-cased, without the determiners and titles in front."""
    words = _TOKEN.findall(name.lower().replace("’", "'"))
    words = [w.removesuffix("'s") for w in words]
    while words and (words[0] in _DETERMINERS or words[0] in _TITLES):
        words = words[1:]
    return words


def _tokens(name: str) -> list[str]:
    words = _words(name)
    for k, w in enumerate(words):  # "a spokesman for NBC" -> "spokesman"
        descriptive = name[:1].islower() or (
            name.split()[0].lower() in _DETERMINERS and len(name.split()) > 1 and name.split()[1][:1].islower()
        )  # "a spokesman for NBC" is cut, "The Department of Justice" is a name
        if k and w in ("for", "of", "at", "from", "on") and descriptive:
            words = words[:k]
            break
    return words


def same_speaker(predicted: str | None, gold: str | None, also=()) -> bool:
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    p = _tokens(predicted)
    for g in (gold, *also):
        t = _tokens(g)
        if p and t and (p == t or p[-1] == t[-1] or (len(p) == 1 and p[0] in t)):
            return True
        if _words(predicted) == _words(g) != []:  # "the International Federation of ..." = "International Federation of ..."
            return True
    return False


def _load_quotes(path: str | None):
    """claims.quotes, or another copy of it loaded in its place (extract then uses it too)."""
    if path:
        spec = importlib.util.spec_from_file_location("claims.quotes", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["claims.quotes"] = module
        spec.loader.exec_module(module)
        original = module.find_attribution
        if "resolve" not in inspect.signature(original).parameters:  # a copy from before issue 12
            module.find_attribution = lambda *a, resolve=False, **k: original(*a, **k)
    from claims import quotes
    from claims.extract import extract

    return quotes.find_quotes, extract


def _best(spans, start: int, end: int):
    best, overlap = None, 0
    for x in spans:
        o = min(end, x.end) - max(start, x.start)
        if o > overlap:
            best, overlap = x, o
    return best


def span_hash(span: str) -> str:
    """What an annotation keeps of its span: the first 10 hex digits of its SHA-1."""
    return hashlib.sha1(span.encode("utf-8")).hexdigest()[:10]


def score(articles: dict, gold: list[dict], find_quotes, extract) -> list[tuple[dict, str | None, bool]]:
    """(gold row, predicted speaker, correct) for every gold row."""
    out = []
    cache: dict[str, tuple] = {}
    for g in gold:
        text = articles[g["article"]]
        if g["article"] not in cache:
            cache[g["article"]] = (find_quotes(text), extract(text))
        quotes, claims = cache[g["article"]]
        hit = _best(quotes if g["kind"] == "quote" else claims, g["start"], g["end"])
        predicted = hit.speaker if hit is not None else None
        ok = hit is not None and same_speaker(predicted, g["speaker"], g.get("also", ()))
        out.append((g, predicted, ok))
    return out


def _accuracy(rows, kind: str | None = None) -> tuple[float, int]:
    rows = [r for r in rows if kind is None or r[0]["kind"] == kind]
    return (sum(r[2] for r in rows) / len(rows) if rows else 0.0), len(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misses")
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"), help="split for --errors")
    parser.add_argument("--time", action="store_true", help="time find_quotes over the whole BBC set")
    parser.add_argument("--quotes", help="score this copy of claims/quotes.py instead")
    parser.add_argument("--batch", type=int, choices=range(1, len(BATCHES) + 1),
                        help="score this annotation batch alone (its dev articles)")
    parser.add_argument("--dev", action="store_true", help="print the dev rows only")
    args = parser.parse_args(argv)
    if not bbc_path().exists():
        print(f"skip: {bbc_path()} is absent")
        return 0
    find_quotes, extract = _load_quotes(args.quotes)
    rows = [json.loads(line) for line in bbc_path().open(encoding="utf-8")]
    if args.time:  # timing only: no accuracy printed, so that timing never shows the test figures
        texts = [r["text"] for r in rows]
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for text in texts:
                find_quotes(text)
            best = min(best, time.perf_counter() - t0)
        print(f"find_quotes: {best / len(texts) * 1000:.3f} ms per article over {len(texts)} articles")
        return 0
    articles = {r["id"]: r["text"] for r in rows}
    order = sample(articles)
    split_of = {a: split(k) for k, a in enumerate(order)}
    gold = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    stray = {g["article"] for g in gold} - set(order)
    if stray:
        raise SystemExit(f"gold articles outside the sample: {sorted(stray)}")
    drifted = [g for g in gold if span_hash(articles[g["article"]][g["start"]:g["end"]]) != g["sha1"]]
    if drifted:  # the annotations hold offsets and a hash, not the BBC's text (it may not be redistributed)
        raise SystemExit(f"{len(drifted)} annotations do not match the BBC text at {bbc_path()}; first: {drifted[0]}")
    scored = scored_articles(order, articles, split_of, {g["article"] for g in gold})
    gold = [g for g in gold if g["article"] in scored]
    if args.batch and (BATCHES[args.batch - 2] if args.batch > 1 else 0) in HELD_OUT:
        print(f"batch {args.batch} is held out (test): it is scored only with the whole test split")
        return 2
    if args.batch:
        batch_of = {a: next(b for b, end in enumerate(BATCHES, 1) if k < end) for k, a in enumerate(order)}
        gold = [g for g in gold if batch_of[g["article"]] == args.batch and split_of[g["article"]] == "dev"]
    results = score(articles, gold, find_quotes, extract)

    where = f" (batch {args.batch}, dev articles)" if args.batch else ""
    print(f"speaker accuracy on {len(gold)} annotations in {len({g['article'] for g in gold})} BBC articles{where}")
    print(f"{'split':6} {'kind':9} {'n':>4} {'now':>6} {'before':>7}")
    position = {a: k for k, a in enumerate(order)}
    part_of = {a: ("dev" if split_of[a] == "dev" else "test1" if position[a] < ALTERNATE else "test2") for a in order}
    for name in ("dev",) if args.dev or args.batch else ("dev", "test", "test1", "test2"):
        part = [r for r in results if name in (split_of[r[0]["article"]], part_of[r[0]["article"]])]
        for kind, label in (("quote", "quote"), ("reported", "reported"), (None, "all")):
            acc, n = _accuracy(part, kind)
            before = None if args.batch else BEFORE[name][label]
            print(f"{name:6} {label:9} {n:>4} {acc:6.3f} {'' if before is None else f'{before:7.3f}'}")
    if not (args.dev or args.batch):
        print("; ".join(f"{name}: {what}" for name, what in SPLITS.items()))
    if args.errors:
        for g, predicted, ok in results:
            if not ok and (args.split == "all" or split_of[g["article"]] == args.split):
                print(f"  {g['article']:18} {g['kind'][:5]:5} gold={g['speaker']!r:32} pred={predicted!r:32} "
                      f"{articles[g['article']][g['start']:g['end']][:60]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
