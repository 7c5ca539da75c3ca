#!/usr/bin/env python3
"""The warehouse as it grows: a store batch and the current-state queries at 33k and at 1M claims (issue 15).

    .venv-bench/bin/python bench/warehouse.py [CLAIMS ...]     # default: 33000 1000000

For each size a fresh DuckDB file is filled by SQL with that many synthetic claims (15 an article, a
third with an empty fingerprint, the rest sharing fingerprints in pairs, each with its link and its
initial status event; a figure for every third claim, a quote for every tenth), its ``claim_state``
built by ``warehouse.state.rebuild``, then, timed on it: ``store_articles`` of one batch of 25 real BBC
articles (extracted before any timing; best of three, each on a fresh copy of the file); the README's three queries, the status count over
``claims_current`` and one claim by id, as SQL time (best of three, the result materialised inside
DuckDB on a read-only connection; not the time to turn a million rows into Python objects); and the
peak memory (max RSS) of ``claimtrack claims --status unverified --format csv`` run as a subprocess
with its output thrown away. Prints each figure and the ratio of the largest size to the smallest,
measured in this one run. The BBC articles come from ``../shared/eval/raw/bbc-news`` (or
``$CLAIMTRACK_EVAL``); when absent it says so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
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
INSERT INTO quantities SELECT i, 0, (i % 997) || ' diplomats', 0, 5, i % 997, 'count', 'diplomats', '=', NULL, NULL
    FROM range(0, $claims, 3) t(i);
INSERT INTO quotes SELECT i, 'Quote ' || i, 0, 5, 'Speaker ' || (i % 500) FROM range(0, $claims, 10) t(i)
"""

# The README's three queries ("Three queries to start from") and the current-state queries.
QUERIES = {
    "README: every figure, largest first": (
        'SELECT q.text, q.value, q.kind, q.unit, q.bound, q."of", c.text AS claim '
        "FROM quantities q JOIN claims c USING (claim_id) ORDER BY q.value DESC"),
    "README: most check-worthy unverified": (
        "SELECT claim_id, checkworthiness, text FROM claims_current "
        "WHERE status = 'unverified' ORDER BY checkworthiness DESC LIMIT 10"),
    "README: who is quoted": (
        "SELECT speaker, count(*) AS quotes FROM quotes WHERE speaker IS NOT NULL "
        "GROUP BY speaker ORDER BY quotes DESC"),
    "status counts over claims_current": "SELECT status, count(*) FROM claims_current GROUP BY status",
    "one claim by id": "SELECT * FROM claims_current WHERE claim_id = $middle",
}


def timed(call, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - t0)
    return best


# Runs a command and prints its max RSS in kB. A child forked from this bench would count the bench's own
# pages until it execs (Linux's ru_maxrss), so the command is started from this small process instead.
_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "sys.exit(done.stderr.decode()[-300:] or 'failed') if done.returncode else None\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_rss_mb(command: list[str]) -> float:
    """Max RSS of a command (its output discarded), in MB."""
    done = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, *command], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return int(done.stdout) / 1024


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [33_000, 1_000_000]
    path = eval_dir() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
    if not path.exists():
        print(f"skip: {path} not found (set CLAIMTRACK_EVAL)")
        return 0
    from claims.extract import build_article
    from warehouse import connect, store_articles, state

    lines = path.read_text(encoding="utf-8").splitlines()[:25]
    batch = [build_article(a["text"], a["id"], title=a["title"]) for a in map(json.loads, lines)]
    cli = str(Path(sys.executable).with_name("claimtrack"))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            db = str(Path(tmp) / f"w{size}.duckdb")
            with connect(db) as con:
                for statement in FILL.replace("$articles", str(size // 15 + 1)).replace("$claims", str(size)).split(";"):
                    con.execute(statement)
                state.rebuild(con)
            stores = []
            for copy in range(3):  # best of three, each on its own copy of the filled file
                target = db if copy == 2 else str(Path(tmp) / f"copy{copy}.duckdb")
                if target != db:
                    shutil.copyfile(db, target)
                t0 = time.perf_counter()
                store_articles(batch, target)
                stores.append(time.perf_counter() - t0)
                if target != db:
                    Path(target).unlink()
            figures = {"store one batch of 25 articles": min(stores)}
            with connect(db, read_only=True) as con:
                for name, sql in QUERIES.items():
                    figures[name] = timed(lambda: con.execute(sql.replace("$middle", str(size // 2))))
            figures["claims --status unverified --format csv, max RSS (MB)"] = peak_rss_mb(
                [cli, "claims", "--status", "unverified", "--format", "csv", "--db", db])
            results.append((size, figures))
            print(f"{size:,} claims done", file=sys.stderr)
    names = list(results[0][1])
    print("| figure | " + " | ".join(f"{size:,} claims" for size, _ in results) + " | ratio |")
    print("| --- |" + " ---: |" * (len(results) + 1))
    for name in names:
        values = [figures[name] for _, figures in results]
        cells = " | ".join(f"{v:.1f}" if "MB" in name else f"{v:.3f}" for v in values)
        print(f"| {name}{'' if 'MB' in name else ' (s)'} | {cells} | {values[-1] / values[0]:.2f}× |")
    last = results[-1][1]
    sql_names = [n for n in names if n in QUERIES]
    print(f"at {results[-1][0]:,} claims: store ratio {last[names[0]] / results[0][1][names[0]]:.2f}× (target ≤ 1.5); "
          f"slowest query {max(last[n] for n in sql_names) * 1000:.0f} ms (target ≤ 100); "
          f"claims csv {last[names[-1]]:.0f} MB (target < 300)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
