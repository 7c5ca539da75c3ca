#!/usr/bin/env python3
"""Ingest speed against extraction alone, measured in one run (issue 15).

    .venv-bench/bin/python bench/ingest.py [N] [--temporary-api]   # the first N BBC articles (default: all 2,225)

Prints, for the same N articles of ``../shared/eval/raw/bbc-news`` (or ``$CLAIMTRACK_EVAL``):

- extraction alone: CPU seconds of ``claims.extract.build_article`` over every article, in this process;
- ``ingest_articles`` (read files, extract, store, Prefect tasks and artifacts) on a fresh DuckDB file,
  wall seconds and this process's CPU seconds (Prefect's temporary API server is another process);
- re-ingest of the same files (every article already stored);

and the ratios the issue asks for: ingest wall ÷ extraction CPU (target ≤ 1.5) and re-ingest ÷ fresh
ingest (target ≤ 0.10). Also the CPU seconds ``extract`` takes over one "sentence" of 1,000,000 bytes of
semicolon-separated clauses (target ≤ 2 s), beside an eighth of it (linear: about 8×). Prefect runs as the issue asks, against a ``prefect server start`` on a free
127.0.0.1 port (its own PREFECT_HOME in a temporary folder, stopped at the end), or with
``--temporary-api`` on Prefect's temporary local API; either is started, and a warm-up flow run made,
before any timing. Flow heartbeats are off, as the ``claimtrack`` commands run. When the data is absent
the benchmark says so and exits 0.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from evaldata import eval_dir  # noqa: E402  (bench/evaldata.py)


@contextlib.contextmanager
def prefect_server(home: Path):
    """``prefect server start`` on a free loopback port; this process's Prefect client pointed at it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = subprocess.Popen([str(Path(sys.executable).with_name("prefect")), "server", "start", "--host",
                               "127.0.0.1", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("bench/ingest.py: the Prefect server did not start") from None
                time.sleep(0.5)
        os.environ["PREFECT_API_URL"] = url
        os.environ["PREFECT_HOME"] = str(home)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def main(argv: list[str]) -> int:
    temporary = "--temporary-api" in argv
    numbers = [a for a in argv if not a.startswith("--")]
    path = eval_dir() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
    if not path.exists():
        print(f"skip: {path} not found (set CLAIMTRACK_EVAL)")
        return 0
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # loopback only: no telemetry
    with tempfile.TemporaryDirectory() as home:
        if temporary:
            return run(int(numbers[0]) if numbers else 2225, path, "Prefect's temporary local API")
        with prefect_server(Path(home)) as url:
            return run(int(numbers[0]) if numbers else 2225, path, f"a Prefect server at {url}")


def run(n: int, path: Path, api: str) -> int:
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

    print(f"ingest of {n} BBC articles ({report.claims} claims) on {api}: extraction alone {extraction_cpu:.2f} CPU-s")
    print("| ingest wall (s) | ingest CPU of this process (s) | ingest wall ÷ extraction CPU (target ≤ 1.5) "
          "| re-ingest wall (s) | re-ingest ÷ ingest (target ≤ 0.10) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    print(f"| {fresh:.2f} | {fresh_cpu:.2f} | {fresh / extraction_cpu:.2f} | {reingest:.2f} | {reingest / fresh:.2f} |")
    clauses()
    return 0


def clauses() -> None:
    """One 'sentence' of 1 MB of semicolon-separated clauses, and an eighth of it: extraction CPU seconds."""
    from claims.extract import extract

    text = "; ".join(f"the council spent £{i}m on roads" for i in range(40_000)).encode()[:1_000_000].decode(errors="ignore")
    eighth = text[: len(text) // 8]
    extract(eighth)  # the model loaded before timing
    times = []
    for part in (eighth, text):
        best = float("inf")
        for _ in range(2):
            t0 = time.process_time()
            extract(part)
            best = min(best, time.process_time() - t0)
        times.append(best)
    print(f"1 MB of semicolon clauses: {times[1]:.2f} CPU-s (target ≤ 2), an eighth of it {times[0]:.2f} CPU-s: "
          f"{times[1] / times[0]:.1f}× for 8× the text")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
