#!/usr/bin/env python3
"""Ingest speed against extraction alone, measured in one run (issue 15).

    .venv-bench/bin/python bench/ingest.py [N]      # the first N BBC articles (default: all 2,225), as .txt files

Prints, for the same N articles of ``../shared/eval/raw/bbc-news`` (or ``$CLAIMTRACK_EVAL``):

- extraction alone: CPU seconds of ``claims.extract.build_article`` over every article, in this process;
- ``ingest_articles`` (read files, extract, store, Prefect tasks and artifacts) on a fresh DuckDB file,
  wall seconds and this process's CPU seconds (Prefect's temporary API server is another process);
- re-ingest of the same files (every article already stored);

and the ratios the issue asks for: ingest wall ÷ extraction CPU (target ≤ 1.5) and re-ingest ÷ fresh
ingest (target ≤ 0.10). Prefect runs on its temporary local API, started by a warm-up run before any
timing (the figures exclude that start-up), without flow heartbeats, as the ``claimtrack`` commands run. When the data is absent the benchmark says so and exits 0.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from evaldata import eval_dir  # noqa: E402  (bench/evaldata.py)


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 2225
    path = eval_dir() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
    if not path.exists():
        print(f"skip: {path} not found (set CLAIMTRACK_EVAL)")
        return 0
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # loopback only: no telemetry
    from prefect import flow

    from claims.extract import build_article
    from flows.ingest import ingest_articles
    from flows.lifetime import skip_flow_heartbeats

    skip_flow_heartbeats()  # as every `claimtrack` command does

    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:n]]
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for a in articles:
            f = Path(tmp) / f"{a['id'].replace('/', '-')}.txt"
            f.write_text(f"{a['title']}\n\n{a['text']}", encoding="utf-8")
            files.append(str(f))

        t0 = time.process_time()
        for f in files:
            build_article(Path(f).read_text(encoding="utf-8"), f)
        extraction_cpu = time.process_time() - t0

        @flow
        def warm_up() -> None:  # starts Prefect's temporary API before anything is timed
            pass

        warm_up()
        db = str(Path(tmp) / "bench.duckdb")
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest_articles(files, db=db)
        fresh, fresh_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0 = time.perf_counter()
        again = ingest_articles(files, db=db)
        reingest = time.perf_counter() - t0
        assert len(report.stored) + len(report.skipped) == len(files) and not again.stored

    print(f"ingest of {n} BBC articles ({report.claims} claims): extraction alone {extraction_cpu:.2f} CPU-s")
    print("| ingest wall (s) | ingest CPU of this process (s) | ingest wall ÷ extraction CPU (target ≤ 1.5) "
          "| re-ingest wall (s) | re-ingest ÷ ingest (target ≤ 0.10) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(f"| {fresh:.2f} | {fresh_cpu:.2f} | {fresh / extraction_cpu:.2f} | {reingest:.2f} | {reingest / fresh:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
