#!/usr/bin/env python3
"""Verification speed: ``verify`` of 2,000 claims against 20 fetched sources, measured in one run (issue 15).

    .venv-bench/bin/python bench/verify_speed.py [CLAIMS]      # default: 2000

A fresh DuckDB file in a temporary directory is filled with real BBC articles
(``../shared/eval/raw/bbc-news``, or ``$CLAIMTRACK_EVAL``; the five categories in turn, until there
are ``CLAIMS`` claims), stored with ``warehouse.store_articles`` as ``bench/warehouse.py``
does. Twenty sources are registered for every article: 15 other BBC articles (three a category) and
5 tables (one a category: an ingested story's headline, its first figure and the figure's unit), written as HTML files and served by ``http.server``'s ``SimpleHTTPRequestHandler`` on
127.0.0.1 (a free port; it answers ``If-Modified-Since`` as a static server does). Then, timed:

- **the flow**: ``flows.verify.verify_claims`` over those claims (its default batches of 50, each
  fetching the 20 sources conditionally, ``allow_hosts=["127.0.0.1"]``), under Prefect's temporary
  local API (started by a warm-up run before any timing), without flow heartbeats, as the
  ``claimtrack`` commands run. CPU is this process's (``time.process_time()``: the flow, the fetches and
  the page server's thread) plus the Prefect API server's, a child process read from ``/proc``;
  its split into fetch (``gather`` + parsing), read (snapshot rows), judge and store is this process's CPU
  in those calls;
- **the judge alone** (the baseline): ``flows.verify.judge`` of the same claims against the same
  snapshots, read once from the file, every cache of ``claims`` emptied first, no Prefect, no writes.

Prints claims per CPU-second and wall for both, the flow's ratio to the target (≥ 100 claims per
CPU-second) and to the judge alone. When the data is absent the benchmark says so and exits 0.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import os
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from evaldata import bbc_path  # noqa: E402  (bench/evaldata.py)

TARGET = 100.0  # claims per CPU-second (issue 15)
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
PAGES_PER_CATEGORY = 3
TABLE_ROWS = 12


# --- the sources -----------------------------------------------------------------------------------

def article_page(a: dict) -> str:
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in a["text"].split("\n") if p.strip())
    return (f"<!doctype html><html><head><title>{html.escape(a['title'])}</title></head><body><article>\n"
            f"<h1>{html.escape(a['title'])}</h1>\n{paragraphs}</article></body></html>")


def table_page(category: str, rows: list[tuple[str, str, str]]) -> str:
    caption = f"Figures in BBC {category} stories"
    body = "".join(f"<tr><td>{html.escape(s)}</td><td>{html.escape(f)}</td><td>{html.escape(u)}</td></tr>\n"
                   for s, f, u in rows)
    return (f"<!doctype html><html><head><title>{caption}</title></head><body><h1>{caption}</h1>\n"
            f"<table><caption>{caption}</caption><thead><tr><th>Story</th><th>Figure</th><th>Unit</th></tr></thead>\n"
            f"<tbody>\n{body}</tbody></table></body></html>")


def table_rows(articles) -> list[tuple[str, str, str]]:
    """Each story's headline and the first figure of its claims (with its unit), as a table's rows."""
    rows = []
    for a in articles:
        figure = next((q for c in a.claims for q in c.quantities), None)
        if figure is not None:
            rows.append((a.title, figure.text, figure.unit or ""))
        if len(rows) == TABLE_ROWS:
            break
    return rows


class Server:
    """A folder served by ``SimpleHTTPRequestHandler`` on 127.0.0.1, in a background thread."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


# --- CPU accounting ------------------------------------------------------------------------------

def children_cpu() -> float:
    """CPU seconds of this process's live descendants (Prefect's temporary API server), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo, seen = 0.0, [os.getpid()], set()
    while todo:
        pid = todo.pop()
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child in seen:
                    continue
                seen.add(child)
                todo.append(child)
                try:
                    fields = Path(f"/proc/{child}/stat").read_text().rpartition(")")[2].split()
                except OSError:
                    continue
                total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    usage = os.times()  # children already waited for
    return total + usage.children_user + usage.children_system


class Split:
    """This process's CPU seconds inside named calls of ``flows.verify`` (patched for the run)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def patched(self, module, names: dict[str, str]):
        originals = {name: getattr(module, name) for name in names}
        for name, step in names.items():
            setattr(module, name, self._timed(originals[name], step))
        try:
            yield self
        finally:
            for name, original in originals.items():
                setattr(module, name, original)

    def _timed(self, call, step: str):
        @functools.wraps(call)
        def timed(*args, **kwargs):
            t0 = time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                self.seconds[step] += time.process_time() - t0
        return timed


def clear_claim_caches() -> None:
    """Empty every ``functools`` cache of the ``claims`` package, so a second pass starts cold."""
    for name, module in list(sys.modules.items()):
        if name == "claims" or name.startswith("claims."):
            for value in vars(module).values():
                if hasattr(value, "cache_clear") and getattr(value, "__module__", None) == name:
                    value.cache_clear()


# --- the run -------------------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    wanted = int(argv[0]) if argv else 2000
    path = bbc_path()
    if not path.exists():
        print(f"skip: {path} not found (set CLAIMTRACK_EVAL)")
        return 0
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # loopback only: no telemetry
    from prefect import flow

    import flows.verify as fv
    from claims.extract import build_article
    from flows.lifetime import skip_flow_heartbeats
    from warehouse import connect, store_articles
    from warehouse.evidence import add_source, claims_to_verify, current_snapshots, load_snapshots, sources_for_articles

    skip_flow_heartbeats()  # as every `claimtrack` command does
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_category = defaultdict(list)
    for a in articles:
        by_category[a["category"]].append(a)
    in_turn = iter([a for group in zip(*(by_category[c] for c in CATEGORIES)) for a in group])  # categories in turn
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        ingested, canonical = [], 0
        while canonical < wanted:  # a claim repeated in another article is verified once, as its canonical claim
            batch = [build_article(a["text"], a["id"], title=a["title"]) for a in itertools.islice(in_turn, 20)]
            if not batch:
                break
            store_articles(batch, db)
            ingested += batch
            with connect(db, read_only=True) as con:
                canonical = len(claims_to_verify(con))
        folder = Path(tmp) / "pages"
        folder.mkdir()
        (folder / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
        names, ids = [], {a.id for a in ingested}
        for category in CATEGORIES:
            for a in by_category[category][::-1][:PAGES_PER_CATEGORY]:  # other articles: from the category's end
                assert a["id"] not in ids
                names.append(f"{a['id'].replace('/', '-')}.html")
                (folder / names[-1]).write_text(article_page(a), encoding="utf-8")
            names.append(f"{category}-figures.html")
            rows = table_rows([a for a in ingested if a.id.startswith(category + "/")])
            (folder / names[-1]).write_text(table_page(category, rows), encoding="utf-8")

        @flow
        def warm_up() -> None:  # starts Prefect's temporary API before anything is timed
            pass

        warm_up()
        with Server(folder) as server:
            for name in names:
                add_source(f"{server.base}/{name}", label=name, db=db)
            with connect(db, read_only=True) as con:
                selected = claims_to_verify(con, limit=wanted)
            split = Split()
            steps = {"gather": "fetch", "parse_source": "fetch", "current_snapshots": "read", "load_snapshots": "read",
                     "judge": "judge", "store_fetches": "store fetches", "store_evidence": "store evidence",
                     "record_status_in": "store status"}
            t0, c0, k0 = time.perf_counter(), time.process_time(), children_cpu()
            with split.patched(fv, steps):
                report = fv.verify_claims(db=db, limit=wanted, allow_hosts=["127.0.0.1"])
            wall, cpu, child = time.perf_counter() - t0, time.process_time() - c0, children_cpu() - k0
        assert report.checked == len(selected) and not report.source_failures, (report.checked, report.source_failures)

        # the baseline: the judge alone, on the same claims and snapshots, caches emptied
        with connect(db, read_only=True) as con:
            sources = sources_for_articles(con, sorted({c.article_id for c in selected}))
            current = current_snapshots(con, [s.source_id for s in sources])
            snapshots = load_snapshots(con, list(set(current.values())))
        clear_claim_caches()
        ignored = fv.VerifyReport()
        t1, c1 = time.perf_counter(), time.process_time()
        alone = {}
        for claim in selected:
            documents, _ = fv._claim_sources(claim, sources, current, snapshots, ignored)
            alone[claim.claim_id] = fv.judge(claim, documents).verdict.status
        judge_wall, judge_cpu = time.perf_counter() - t1, time.process_time() - c1
        flow_verdicts = {cid: r.verdict.status for cid, r in report.results.items()}
        assert alone == flow_verdicts, "the judge alone and the flow disagree"

    n = len(selected)
    total_cpu = cpu + child
    rate = n / total_cpu
    verdicts = ", ".join(f"{k} {v}" for k, v in sorted(report.verdicts.items()))
    print(f"verify of {n} claims ({len(ingested)} BBC articles) against {len(names)} sources on 127.0.0.1: {verdicts}")
    print("| run | wall (s) | CPU (s) | claims per CPU-second | claims per wall-second |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(f"| verify_claims flow (this process {cpu:.2f} + Prefect server {child:.2f} CPU-s) | {wall:.2f} | "
          f"{total_cpu:.2f} | **{rate:,.0f}** | {n / wall:,.0f} |")
    print(f"| judge alone, cold caches (baseline) | {judge_wall:.2f} | {judge_cpu:.2f} | {n / judge_cpu:,.0f} | "
          f"{n / judge_wall:,.0f} |")
    parts = ", ".join(f"{step} {seconds:.2f}" for step, seconds in split.seconds.items())
    other = cpu - sum(split.seconds.values())
    print(f"flow CPU split (this process, s): {parts}, other (Prefect, batching) {other:.2f}")
    print(f"ratio to the target ({TARGET:.0f} claims per CPU-second): {rate / TARGET:.2f}; "
          f"flow ÷ judge alone (claims per CPU-second): {rate / (n / judge_cpu):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
