#!/usr/bin/env python3
"""Draw the BBC sentences labelled in ``bench/data/checkworthiness/news.jsonl`` (deterministic).

    .venv/bin/python tools/sample_news.py [--round N] [--out FILE]   # id, sentence, offsets, text, round (no label)

Eligible articles (``../shared/eval/raw/bbc-news/bbc_news_2225.jsonl``): every tech, sport and
entertainment article, politics articles numbered 390 and above, business articles numbered 400 and
above; the rest of politics and business is never read.  Within each category they are sorted by id
and every ``STEP[category]``-th one (ordinals 0, k, 2k, ...) is drawn: a smaller step for politics and
business, which the pipeline mostly reads and which have few eligible articles.  Its body is split with
``claims.sentences.split_sentences`` and the sentences whose index i satisfies
``i % EVERY == (ordinal // k) % EVERY`` are kept (a third of each article, at positions that rotate from
one article to the next, so ledes and endings are both represented).  The title is not a sentence of the body and is not drawn.
Round 2 draws the articles half a step further on, round 3 the business articles left and those a quarter of a
step on in tech, sport and entertainment, so no article is in two rounds.

``read_labels()`` gives the committed labels back with their text: the label file keeps each sentence's offsets
and a hash, not the BBC's words, which stay in ``../shared/eval``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claims.sentences import split_sentences  # noqa: E402

STEP = {"business": 3, "politics": 2, "tech": 12, "sport": 12, "entertainment": 12}
EVERY = 3
# Round 2 draws the articles half a step further on (ordinals OFFSET, OFFSET + k, ...): none of round 1's.
# Round 3 draws the business articles left (ordinal 2 mod 3) and, in the other categories, those a quarter of a step
# on (3 mod 12); politics has none left (rounds 1 and 2 read every eligible politics article).
OFFSET = {1: {c: 0 for c in STEP}, 2: {"business": 1, "politics": 1, "tech": 6, "sport": 6, "entertainment": 6},
          3: {"business": 2, "tech": 3, "sport": 3, "entertainment": 3}}


def eval_root() -> Path:
    env = os.environ.get("CLAIMTRACK_EVAL")
    return Path(env) if env else REPO.parent / "shared" / "eval"


def eligible_id(article_id: str) -> bool:
    """Issue 12's rule for which BBC articles may be read: every tech, sport and entertainment article,
    politics from 390 and business from 400 ("politics/401": category, then the file number)."""
    category, _, number = article_id.partition("/")
    if category in ("tech", "sport", "entertainment"):
        return True
    return (category == "politics" and int(number) >= 390) or (category == "business" and int(number) >= 400)


def eligible(article: dict) -> bool:
    return eligible_id(article["id"])


def sample(path: Path | None = None, rounds=(1, 2, 3)) -> list[dict]:
    """The drawn sentences: id, sentence index, start and end offsets in the article body, text, round."""
    path = path or eval_root() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
    with open(path, encoding="utf-8") as fh:
        articles = sorted((a for a in map(json.loads, fh) if eligible(a)), key=lambda a: a["id"])
    out = []
    for rnd in rounds:
        for cat, k in STEP.items():
            if cat not in OFFSET[rnd]:
                continue
            in_cat = [a for a in articles if a["category"] == cat]
            for ordinal in range(OFFSET[rnd][cat], len(in_cat), k):
                art = in_cat[ordinal]
                phase = (ordinal // k) % EVERY
                for i, s in enumerate(split_sentences(art["text"])):
                    if i % EVERY == phase:
                        out.append({"id": art["id"], "sent": i, "start": s.start, "end": s.end, "text": s.text,
                                    "round": rnd})
    return sorted(out, key=lambda r: (r["id"], r["sent"]))


LABELS = REPO / "bench" / "data" / "checkworthiness" / "news.jsonl"


def span_hash(text: str) -> str:
    """Short SHA-1 of a labelled sentence: the labels keep it instead of the BBC's text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def read_labels(path: Path = LABELS, bbc: Path | None = None) -> list[dict]:
    """The hand labels with each sentence's ``text`` cut from the BBC article (``article[start:end]``).

    Raises ``OSError`` when the BBC file is absent and ``ValueError`` when a span no longer hashes to the
    recorded value (the data set changed under the labels).
    """
    bbc = bbc or eval_root() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
    with open(bbc, encoding="utf-8") as fh:
        bodies = {a["id"]: a["text"] for a in map(json.loads, fh)}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        r["text"] = bodies[r["article"]][r["start"] : r["end"]]
        if span_hash(r["text"]) != r["sha1"]:
            raise ValueError(f"{path.name}: {r['article']} sentence {r['sentence']} no longer matches its hash")
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--round", type=int, choices=sorted(OFFSET), action="append", help="only these rounds")
    args = ap.parse_args(argv)
    rows = sample(rounds=tuple(args.round or sorted(OFFSET)))
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out:
        args.out.write_text(lines, encoding="utf-8")
    else:
        sys.stdout.write(lines)
    print(f"{len(rows)} sentences from {len({r['id'] for r in rows})} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
