#!/usr/bin/env python3
"""The warehouse as it grows: a store batch and the current-state queries at 33k and at 1M claims (issue 15).

    .venv-bench/bin/python bench/warehouse.py [CLAIMS ...]     # default: 33000 1000000

For each size a fresh DuckDB file is filled by SQL with that many synthetic claims (15 an article, a
third with an empty fingerprint, the rest sharing fingerprints in pairs, each with its link and its
initial status event), then, timed on it: ``store_articles`` of one batch of 25 real BBC articles
(extracted before any timing), and the status count over ``claims_current`` and one claim by id.
Prints each time and the ratio of the largest size to the smallest, measured in this one run. The BBC
articles come from ``../shared/eval/raw/bbc-news`` (or ``$CLAIMTRACK_EVAL``); when absent it says so.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from evaldata import eval_dir  # noqa: E402  (bench/evaldata.py)

FILL = """
INSERT INTO articles SELECT 'synthetic' || lpad(i::VARCHAR, 10, '0'), 'synthetic/' || i, 'Synthetic ' || i, '2005-01',
    'Synthetic article ' || i, TIMESTAMP '2026-01-01' FROM range($articles) t(i);
INSERT INTO claims SELECT i, 'synthetic' || lpad((i // 15)::VARCHAR, 10, '0'), i % 15, i % 15, 'Claim ' || i, 0, 5,
    (i % 100) / 100.0, NULL, CASE WHEN i % 3 = 0 THEN '' ELSE 'fp' || (i // 2) END FROM range($claims) t(i);
INSERT INTO claim_links SELECT i, i, 'self', TIMESTAMP '2026-01-01' FROM range($claims) t(i);
INSERT INTO claim_status_events SELECT i, i, 'unverified', NULL, 'pipeline', NULL, NULL, TIMESTAMP '2026-01-01'
    FROM range($claims) t(i);
"""


def timed(call, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [33_000, 1_000_000]
    path = eval_dir() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
    if not path.exists():
        print(f"skip: {path} not found (set CLAIMTRACK_EVAL)")
        return 0
    from claims.extract import build_article
    from warehouse import connect, run_readonly_sql, store_articles

    lines = path.read_text(encoding="utf-8").splitlines()[:25]
    batch = [build_article(a["text"], a["id"], title=a["title"]) for a in map(json.loads, lines)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            db = str(Path(tmp) / f"w{size}.duckdb")
            with connect(db) as con:
                for statement in FILL.replace("$articles", str(size // 15 + 1)).replace("$claims", str(size)).split(";"):
                    if statement.strip():
                        con.execute(statement)
            t0 = time.perf_counter()
            store_articles(batch, db)
            store = time.perf_counter() - t0
            counts = timed(lambda: run_readonly_sql(db, "SELECT status, count(*) FROM claims_current GROUP BY status"))
            one = timed(lambda: run_readonly_sql(db, f"SELECT * FROM claims_current WHERE claim_id = {size // 2}"))
            rows.append((size, store, counts, one))
    print("| claims | store one batch of 25 articles (s) | status counts over claims_current (s) | one claim by id (s) |")
    print("| ---: | ---: | ---: | ---: |")
    for size, store, counts, one in rows:
        print(f"| {size:,} | {store:.3f} | {counts:.3f} | {one:.3f} |")
    first, last = rows[0], rows[-1]
    print(f"ratio {last[0]:,} ÷ {first[0]:,} claims: store {last[1] / first[1]:.2f}× (target ≤ 1.5), "
          f"status counts {last[2] / first[2]:.1f}×, one claim {last[3] / first[3]:.1f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
