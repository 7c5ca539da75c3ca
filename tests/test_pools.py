"""Work pools for real: a ``prefect server`` of this module's own on a free loopback port, a process
work pool, two ``prefect worker start`` processes, ``claimtrack deploy --pool`` and ``claimtrack
ingest-many``, whose manifests run as flow runs of ``ingest-manifest`` on both workers.

The server is not the session's ``prefect_server``: ``claimtrack deploy`` registers the deployment
names ``claimtrack serve`` uses, and ``served`` (tests/test_review.py) must register its own.
The workers are stopped with SIGTERM to their process groups at the end, pass or fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from flows.manifests import merge_outcomes, split_manifests
from flows.markdown import escape
from tests.conftest import ROOT
from tools.localstack import online_workers, prefect_env, running_server, start_worker, stop_workers, wait_until
from warehouse import run_readonly_sql

pytest_plugins = ["tests.conftest_server"]

POOL = "claimtrack-test"
WORKERS = ("worker-a", "worker-b")
REGIONS = ("Wales", "Scotland", "the North East", "London", "Yorkshire", "the Midlands", "Kent", "Cornwall")


@dataclass(frozen=True)
class Pool:
    api: str
    env: dict[str, str]  # for claimtrack and prefect commands against this server
    work: Path  # everything this module writes: CLAIMTRACK_LOCAL_ROOTS of the runs
    logs: tuple[Path, ...]  # the workers' output
    deploy_output: str = ""  # what `claimtrack deploy --pool` printed


def write_article(path: Path, number: int) -> Path:
    """A short BBC-like news story with figures, a date and a quote; its text differs from every other's."""
    region = REGIONS[number % len(REGIONS)]
    rate = 3 + (number % 7) + number / 100
    path.write_text(
        f"Jobless rate in {region} changes, report {number}\n\n"
        f"Unemployment in {region} rose to {rate:.2f}% in the three months to March, the Office for National "
        f"Statistics said on Tuesday.\n\n"
        f"About {1000 + number * 37:,} more people were out of work than a year earlier, figures show.\n\n"
        f'"These numbers are a warning," said Jane Smith, an economist at the Resolution Foundation.\n\n'
        f"The government said {20 + number} new training schemes would open by the end of 2025.\n",
        encoding="utf-8",
    )
    return path


def claimtrack(pool: Pool, *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], env=pool.env, cwd=pool.work,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def pool(tmp_path_factory) -> Iterator[Pool]:
    work = tmp_path_factory.mktemp("pools")
    with running_server(tmp_path_factory.mktemp("pools-prefect-home")) as server:
        env = prefect_env(server.home, server.api) | {
            "PREFECT_WORKER_QUERY_SECONDS": "1",  # default 10: runs wait for the next poll
            "CLAIMTRACK_LOCAL_ROOTS": str(work),  # deploy passes it to the runs
        }
        feeds = work / "feeds.txt"
        feeds.write_text("# nothing scheduled: the deployments are on demand here\n")
        ready = Pool(server.api, env, work, tuple(work / f"{name}.log" for name in WORKERS))
        deployed = claimtrack(ready, "deploy", "--pool", POOL, "--db", str(work / "deploy.duckdb"),
                              "--feeds", str(feeds), "--sources", "none", "--no-schedules")
        assert deployed.returncode == 0, deployed.stderr
        workers = []
        try:
            for name, log in zip(WORKERS, ready.logs):
                workers.append(start_worker(POOL, name, env, log, limit=1, cwd=work))
            wait_until(lambda: online_workers(server.api, POOL) >= set(WORKERS), 90, "two online workers", 0.5)
            ready = Pool(server.api, env, work, ready.logs, deployed.stdout)
            yield ready
        except BaseException:
            for log in ready.logs:
                print(f"--- {log.name}\n" + log.read_text(errors="replace")[-2000:], file=sys.stderr)
            raise
        finally:
            stop_workers(workers)  # SIGTERM to each process group (its flow runs included)


def latest_table(api: str, key: str) -> list[dict]:
    response = httpx.post(f"{api}/artifacts/latest/filter", json={"artifacts": {"key": {"any_": [key]}}}, timeout=10)
    response.raise_for_status()
    found = response.json()
    assert found, f"no {key} artifact"
    return json.loads(found[0]["data"])


def test_split_manifests_keeps_order_size_and_byte_cap():
    inputs = [f"/data/a{i}.txt" for i in range(25)]
    assert [len(m) for m in split_manifests(inputs, 10)] == [10, 10, 5]
    assert [i for m in split_manifests(inputs, 10) for i in m] == inputs
    assert all(len(json.dumps(m)) <= 64 for m in split_manifests(inputs, 1000, max_bytes=64))
    assert split_manifests([], 10) == []


def row(path: str, outcome: str, article_id: str = "") -> dict:
    return {"article_id": article_id, "input": path, "outcome": outcome}


@pytest.mark.parametrize("last, lost, expected", [
    pytest.param([row("a", "stored"), row("b", "already stored")], [], (1, 1, []), id="no-restart"),
    pytest.param([row("a", "already stored"), row("b", "already stored")], [[row("a", "stored")]], (1, 1, []),
                 id="a-lost-run-stored-one-before-it-was-counted-lost"),
    pytest.param([row("a", "already stored")], [[row("a", "already stored")]], (0, 1, []),
                 id="stored-before-this-ingest-by-anyone"),
    pytest.param([row("a", "already stored"), row("b", "stored")], [[row("a", "stored")], [row("a", "stored")]],
                 (2, 0, []), id="two-lost-runs-count-once"),
    pytest.param([row("a", "not UTF-8 text")], [[row("a", "not UTF-8 text")]], (0, 0, [("a", "not UTF-8 text")]),
                 id="a-failure-comes-from-the-last-run-only"),
    pytest.param([row("https://example.org/a-long-url", "already stored", "9f2c")],
                 [[row("https://example.org/a-long-url-cut-differently", "stored", "9f2c")]], (1, 0, []),
                 id="matched-by-article-id-not-by-input-text"),
    pytest.param([row("x", "already stored", "9f2c")], [[row("x", "stored", "77ab")]], (0, 1, []),
                 id="another-article-at-the-same-input-is-not-the-one-stored"),
])
def test_a_restarted_manifest_counts_what_its_lost_runs_stored(last, lost, expected):
    assert merge_outcomes(last, lost) == expected


def test_deploy_registers_the_flows_in_the_pool(pool):
    out = pool.deploy_output
    assert f"work pool '{POOL}' (created, type process)" in out
    for name in ("ingest-feeds", "verify-pending", "recheck-stale", "review-claims", "review-claim", "daily-digest",
                 "maintain-warehouse", "ingest-manifest"):
        assert f"deployed {name}/{name} to {POOL} (manual)" in out
    assert f"prefect worker start --pool {POOL}" in out
    deployments = httpx.post(f"{pool.api}/deployments/filter", json={}, timeout=10).json()
    assert {d["work_pool_name"] for d in deployments} == {POOL}
    assert {d["entrypoint"] for d in deployments} >= {"flows.serve.ingest_feeds", "flows.ingest.ingest_manifest"}
    assert all(d["job_variables"]["env"]["CLAIMTRACK_LOCAL_ROOTS"] == str(pool.work) for d in deployments)


def test_ingest_many_runs_one_manifest_per_flow_run_on_both_workers(pool):
    articles = pool.work / "articles"
    articles.mkdir()
    files = [write_article(articles / f"story-{n:02d}.txt", n) for n in range(40)]
    listing = articles / "inputs.txt"
    listing.write_text("# forty stories\n" + "\n".join(f.name for f in files) + "\n")
    db = pool.work / "warehouse" / "claims.duckdb"
    db.parent.mkdir()

    done = claimtrack(pool, "ingest-many", "--list", str(listing), "--db", str(db), "--manifest-size", "10")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"ingested 40 new articles into {db} in 4 flow runs on 2 workers" in done.stdout

    stored = run_readonly_sql(str(db), "SELECT source, count(*) FROM articles GROUP BY source").rows
    assert sorted(stored) == sorted((str(f), 1) for f in files)  # every article once, none twice
    runs = latest_table(pool.api, "ingest-manifests")
    assert [(r["run"], r["state"], r["stored"], r["failed"]) for r in runs] == [
        (f"manifest-{n}-of-4", "COMPLETED", 10, 0) for n in range(1, 5)]
    assert {r["worker"] for r in runs} == {escape(w) for w in WORKERS}  # both took work (cells are escaped)
    flow_runs = httpx.post(f"{pool.api}/flow_runs/filter", json={"flow_runs": {"id": {"any_": [
        r["flow_run_id"] for r in runs]}}}, timeout=10).json()
    assert {(f["state_type"], f["work_pool_name"]) for f in flow_runs} == {("COMPLETED", POOL)}
    # not tagged as runs of the ingest-many command: they outlive it, the next command must not crash them
    assert not [t for f in flow_runs for t in f["tags"] if t.startswith("claimtrack-process:")]


def test_a_failed_input_is_its_runs_failure_and_the_other_runs_complete(pool):
    stories = pool.work / "more"
    stories.mkdir()
    inputs = [str(write_article(stories / f"story-{n:02d}.txt", 100 + n)) for n in range(24)]
    missing = str(stories / "gone.txt")
    inputs.insert(13, missing)  # the fourth input of the second manifest
    db = pool.work / "warehouse2" / "claims.duckdb"
    db.parent.mkdir()

    done = claimtrack(pool, "ingest-many", *inputs, "--db", str(db), "--manifest-size", "10")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ingested 24 new articles" in done.stdout and "; 1 failed" in done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("claimtrack:")]
    assert len(errors) == 1 and errors[0].startswith("claimtrack: manifest-2-of-3:") and "gone.txt" in errors[0]
    runs = [r for r in latest_table(pool.api, "ingest-manifests") if r["state"] != "input failed"]
    assert [(r["run"], r["state"], r["stored"], r["failed"]) for r in runs] == [
        ("manifest-1-of-3", "COMPLETED", 10, 0), ("manifest-2-of-3", "COMPLETED", 9, 1),
        ("manifest-3-of-3", "COMPLETED", 5, 0)]
    assert run_readonly_sql(str(db), "SELECT count(*) FROM articles").rows == [(24,)]


def test_deploy_refuses_a_pool_of_another_type(pool):
    created = httpx.post(f"{pool.api}/work_pools/", json={"name": "not-a-process-pool", "type": "kubernetes"},
                         timeout=10)
    assert created.status_code in (200, 201), created.text
    done = claimtrack(pool, "deploy", "--pool", "not-a-process-pool", "--feeds", str(pool.work / "feeds.txt"),
                      "--sources", "none")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "claimtrack: work pool 'not-a-process-pool' is a 'kubernetes' pool; claimtrack deploys to a 'process' pool "
        "(choose another name, or `prefect work-pool create NAME --type process`)"]


def test_deploy_without_an_api_says_what_to_set(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {
        "PREFECT_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "deploy", "--pool", POOL], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "set PREFECT_API_URL" in done.stderr and "make ui" in done.stderr and len(done.stderr.splitlines()) == 1
