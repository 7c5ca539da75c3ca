"""Issue 16's Done-when, for real: a ``prefect server``, a process work pool with two ``prefect worker``
processes and a DuckLake on a local PostgreSQL; ``claimtrack deploy --pool`` with the lake as ``--db``,
then ``claimtrack ingest-many`` of 2,000 BBC articles as 4 manifests (4 runs at once, two a worker)
beside a ``claimtrack verify`` of the same lake; every distinct article text stored once, every claim
with its initial history event, no id twice. Then a second ``ingest-many`` of other articles, during
which one worker is killed with SIGKILL (it and its flow-run processes: a machine gone): the parent
sees the worker go offline and starts the lost manifests again on the other worker; nothing is lost
and nothing doubled.

The BBC articles come from ``../shared`` (``CLAIMTRACK_SHARED``): without them the test skips with one
reason, and fails when ``CI`` is set. The server's foreman checks workers every 2 s and the workers
heartbeat every 5 s, so a dead worker is OFFLINE ≈ 15-17 s after it died (Prefect's defaults: 15 s and
30 s, i.e. ≈ 105 s). A live worker on a loaded machine has missed three 3-s heartbeats before (the
server answering 503 meanwhile): its runs were counted lost and restarted, which the test survives
(the restart's summary counts what the lost run stored) but which costs minutes. Everything started here is stopped by process group at the end, pass or fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.conftest import SHARED
from tools.localstack import (descendants, kill_tree, online_workers, prefect_env, running_server, start_worker,
                              stop_workers, wait_until)
from warehouse import run_readonly_sql

if TYPE_CHECKING:
    from tests.conftest_postgres import Postgres

pytest_plugins = ["tests.conftest_server", "tests.conftest_postgres"]

BBC = SHARED / "eval" / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
POOL = "claimtrack-scale"
WORKERS = ("scale-a", "scale-b")
FIRST = 2000  # articles of the first ingest-many, as 4 manifests


@dataclass(frozen=True)
class Scale:
    api: str
    env: dict[str, str]
    work: Path
    lake: str
    workers: dict[str, subprocess.Popen]
    logs: tuple[Path, ...]


def bbc_records() -> list[dict]:
    if not BBC.exists():
        reason = f"the BBC articles are not here: {BBC} (set CLAIMTRACK_SHARED)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run tests/test_scale.py")
        pytest.skip(reason)
    with BBC.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def write_articles(folder: Path, records: list[tuple[str, str]]) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for n, (title, text) in enumerate(records):
        path = folder / f"article-{n:04d}.txt"
        path.write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def expected_ids(paths: list[Path]) -> set[str]:
    """The article ids ingest gives these files (the hash of the text it reads): duplicates count once."""
    from claims.extract import article_id
    from flows.inputs import read_inputs

    raws = [raw for _, raw in read_inputs([str(p) for p in paths])]
    assert all(not isinstance(raw, str) for raw in raws), [raw for raw in raws if isinstance(raw, str)][:3]
    return {article_id(raw.text) for raw in raws}


def claimtrack(scale: Scale, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], env=scale.env, cwd=scale.work,
                          capture_output=True, text=True, timeout=timeout)


def start_claimtrack(scale: Scale, *args: str, log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        return subprocess.Popen([sys.executable, "-m", "flows.cli", *args], env=scale.env, cwd=scale.work,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def count(lake: str, sql: str):
    return run_readonly_sql(lake, sql).rows[0]


@pytest.fixture(scope="module")
def scale(tmp_path_factory, postgres: Postgres) -> Iterator[Scale]:
    bbc_records()  # skip (or fail under CI) before starting anything
    work = tmp_path_factory.mktemp("scale")
    lake = postgres.new_lake(work / "lake")
    server_env = {"PREFECT_SERVER_SERVICES_FOREMAN_LOOP_SECONDS": "2"}
    with running_server(tmp_path_factory.mktemp("scale-prefect-home"), env=server_env) as server:
        env = prefect_env(server.home, server.api) | {
            "PREFECT_WORKER_QUERY_SECONDS": "1",
            "PREFECT_WORKER_HEARTBEAT_SECONDS": "5",
            # A loaded 2-core machine makes the server answer 503 for a while; the client's own retries (5 by
            # default, with backoff) ran out there once. Ten ride it out.
            "PREFECT_CLIENT_MAX_RETRIES": "10",
            "CLAIMTRACK_LOCAL_ROOTS": str(work),
        }
        feeds = work / "feeds.txt"
        feeds.write_text("# nothing scheduled\n")
        logs = tuple(work / f"{name}.log" for name in WORKERS)
        ready = Scale(server.api, env, work, lake, {}, logs)
        deployed = claimtrack(ready, "deploy", "--pool", POOL, "--db", lake, "--feeds", str(feeds),
                              "--sources", "none", "--no-schedules")
        assert deployed.returncode == 0, deployed.stderr
        try:
            for name, log in zip(WORKERS, logs):
                ready.workers[name] = start_worker(POOL, name, env, log, limit=2, cwd=work)
            wait_until(lambda: online_workers(server.api, POOL) >= set(WORKERS), 90, "two online workers", 0.5)
            yield ready
        except BaseException:
            for log in logs:
                print(f"--- {log.name}\n" + log.read_text(errors="replace")[-3000:], file=sys.stderr)
            raise
        finally:
            stop_workers(ready.workers.values())


def assert_whole(lake: str, ids: set[str]) -> int:
    """Each of ``ids`` stored once and nothing else; every claim with its initial event; no id twice."""
    rows, distinct = count(lake, "SELECT count(*), count(DISTINCT article_id) FROM articles")
    assert (rows, distinct) == (len(ids), len(ids)), "an article stored twice, or one lost"
    stored = {r[0] for r in run_readonly_sql(lake, "SELECT article_id FROM articles").rows}
    assert stored == ids
    claims, claim_ids = count(lake, "SELECT count(*), count(DISTINCT claim_id) FROM claims")
    assert claims == claim_ids and claims > len(ids)
    assert count(lake, "SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT article_id FROM articles)") == (0,)
    events, event_ids = count(lake, "SELECT count(*), count(DISTINCT event_id) FROM claim_status_events")
    assert events == event_ids
    assert count(lake, "SELECT count(*), count(DISTINCT claim_id) FROM claim_status_events "
                       "WHERE actor = 'pipeline' AND note = 'ingested'") == (claims, claims)
    assert count(lake, "SELECT count(*) FROM claims_current") == (claims,)
    return claims


def test_two_workers_ingest_2000_bbc_articles_in_4_runs_beside_a_verify_then_survive_a_killed_worker(scale):
    records = bbc_records()
    began = time.monotonic()
    first = write_articles(scale.work / "first", [(r["title"], r["text"]) for r in records[:FIRST]])
    ids = expected_ids(first)
    listing = scale.work / "first.txt"
    listing.write_text("\n".join(str(p) for p in first) + "\n")

    # --- 2,000 articles as 4 runs, and a verify of the same lake meanwhile (against 5 of the articles
    # as its sources: it registers them, reads their passages and records its verdicts as events)
    sources = scale.work / "sources.toml"
    sources.write_text("".join(f'[[sources]]\nlocation = "{p}"\nlabel = "BBC {n}"\n\n'
                               for n, p in enumerate(first[100:105])))
    many = start_claimtrack(scale, "ingest-many", "--list", str(listing), "--db", scale.lake,
                            "--manifest-size", "500", log=scale.work / "ingest-many-1.log")
    verify_out: dict[str, object] = {}

    def verify_when_claims_exist():
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and many.poll() is None:
            try:
                if count(scale.lake, "SELECT count(*) FROM claims")[0] > 0:
                    break
            except Exception:  # the lake is being created
                pass
            time.sleep(0.5)
        verify_out["started"] = started = time.monotonic()
        verify_out["done"] = claimtrack(scale, "verify", "--db", scale.lake, "--limit", "100",
                                        "--sources-file", str(sources))
        verify_out["seconds"] = time.monotonic() - started

    verifier = threading.Thread(target=verify_when_claims_exist)
    verifier.start()
    try:
        many.wait(600)
        many_seconds = time.monotonic() - began
    finally:
        verifier.join(600)
    assert verify_out["started"] < began + many_seconds, "the verify did not run while the runs stored"
    output = (scale.work / "ingest-many-1.log").read_text()
    assert many.returncode == 0, output
    assert f"ingested {len(ids)} new articles into {scale.lake} in 4 flow runs on 2 workers" in output, output
    verified = verify_out["done"]
    assert verified.returncode == 0, verified.stdout + verified.stderr
    summary = verified.stdout.strip().splitlines()[-1]
    assert summary.startswith("verified ") and not summary.startswith("verified 0 "), verified.stdout[-2000:]
    runs = run_table(scale.api)
    assert [(r["run"], r["state"]) for r in runs] == [(f"manifest-{n}-of-4", "COMPLETED") for n in range(1, 5)]
    assert sum(r["stored"] for r in runs) == len(ids)
    assert sum(r["stored"] + r["already stored"] for r in runs) == FIRST  # duplicate texts: already stored
    claims = assert_whole(scale.lake, ids)
    verdicts = count(scale.lake, "SELECT count(*) FROM claim_status_events WHERE note IS DISTINCT FROM 'ingested'")[0]
    assert verdicts > 0  # the verify's verdicts, recorded while the runs stored their claims
    for table, column in (("evidence", "evidence_id"), ("passages", "passage_id"), ("sources", "source_id")):
        assert count(scale.lake, f"SELECT count(*) = count(DISTINCT {column}) FROM {table}") == (True,), table
    first_seconds = time.monotonic() - began
    print(f"\nfirst ingest-many: {len(ids)} distinct articles of {FIRST}, {claims} claims, in {first_seconds:.0f} s; "
          f"ingest-many {many_seconds:.0f} s (its runs {run_seconds(scale.api, runs)}); beside it, in "
          f"{verify_out['seconds']:.0f} s: {summary} ({verdicts} events)")

    # --- other articles; one worker killed mid-run
    began = time.monotonic()
    rest = [(r["title"], r["text"]) for r in records[FIRST:]]
    rest += [(r["title"] + " (update)", r["text"] + f"\n\nThis story was updated with {n + 3} new figures on "
              "Tuesday.") for n, r in enumerate(records[:600])]
    second = write_articles(scale.work / "second", rest)
    more = expected_ids(second) - ids
    listing = scale.work / "second.txt"
    listing.write_text("\n".join(str(p) for p in second) + "\n")
    log = scale.work / "ingest-many-2.log"
    many = start_claimtrack(scale, "ingest-many", "--list", str(listing), "--db", scale.lake,
                            "--manifest-size", str(-(-len(second) // 4)), "--batch-size", "10", log=log)
    try:
        base = len(ids)

        def a_worker_mid_run():
            stored = count(scale.lake, "SELECT count(*) FROM articles")[0]
            busy = [name for name, p in scale.workers.items() if descendants(p.pid)]
            return busy[0] if stored > base + 20 and busy else None

        victim = wait_until(a_worker_mid_run, 300, "a run storing its articles", 0.5, many)
        kill_tree(scale.workers[victim])
        many.wait(600)
    finally:
        if many.poll() is None:
            many.kill()
    output = log.read_text()
    assert many.returncode == 0, output
    assert "was lost (its worker " + victim in output and "its manifest was started again" in output, output
    runs = run_table(scale.api)
    assert all(r["state"] == "COMPLETED" for r in runs), runs
    restarted = [r for r in runs if "restarted after" in r["note"]]
    assert restarted and all(r["worker"].replace("\\", "") != victim for r in restarted), runs
    assert_whole(scale.lake, ids | more)
    print(f"second ingest-many: {len(more)} articles, worker {victim} killed, {len(restarted)} runs restarted, "
          f"in {time.monotonic() - began:.0f} s; the runs that completed took {run_seconds(scale.api, runs)}")


def run_seconds(api: str, runs: list[dict]) -> str:
    """How long each run ran (Prefect's total_run_time), for the test's report line."""
    found = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"id": {"any_": [r["flow_run_id"] for r in runs]}}},
                       timeout=10).json()
    return ", ".join(f"{f['total_run_time']:.0f}" for f in sorted(found, key=lambda f: f["name"])) + " s"


def run_table(api: str) -> list[dict]:
    response = httpx.post(f"{api}/artifacts/latest/filter",
                          json={"artifacts": {"key": {"any_": ["ingest-manifests"]}}}, timeout=10)
    response.raise_for_status()
    return [r for r in json.loads(response.json()[0]["data"]) if r["state"] != "input failed"]
