#!/usr/bin/env python3
"""The DuckLake warehouse at scale (issue 16), measured in one run on a local PostgreSQL.

    .venv-bench/bin/python bench/scale.py [N] [--claims C]   # N ingested articles (default 4000), C synthetic claims (1M)

Starts PostgreSQL on a free loopback port in a temporary folder and a ``prefect server`` on another
(``tools/localstack.py``, as the tests do; without ``initdb`` it says so in one line and exits 0), then prints:

1. **Ingest through a work pool, 1 worker against 2.** ``claimtrack deploy --pool``, then for 1 and then
   2 ``prefect worker start --limit 1`` processes: ``claimtrack ingest-many`` of the same N text files
   (the 2,225 BBC articles, then copies of them each with a sentence added, so every text is new) as 4
   manifests, into a new DuckLake on that PostgreSQL (created and migrated before the clock starts).
   Timed from the start of ``ingest-many`` to its end (the end-to-end figure) and from the first flow
   run's start to the last one's end (Prefect's ``start_time``/``end_time``). Articles/s and the ratio;
   the load average before each; where the CPU went, from ``/proc`` (user + system seconds of each
   process tree: the workers with their flow runs, the Prefect server, PostgreSQL, the ``ingest-many``
   parent, and the rest of the machine); and the flow runs' time by task (read, extract, store) from
   Prefect's task runs, with the store batches that lost a commit conflict and ran again.
2. **SQL latency at C synthetic claims, file against lake.** A DuckDB file filled by SQL as
   ``bench/warehouse.py`` does (its ``FILL``), its ``claim_state`` rebuilt, copied into a new lake with
   ``warehouse.copy.copy_warehouse`` (timed); then the README's three queries and the status counts over
   ``claims_current``, each best of 3 on a read-only connection (the result materialised inside DuckDB,
   as ``claimtrack sql`` runs it before printing), on both.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from evaldata import bbc_path  # noqa: E402  (bench/evaldata.py)
from tools.localstack import (  # noqa: E402
    Postgres,
    cpu_seconds,
    machine_busy_seconds,
    online_workers,
    pg_bin,
    postgres_server,
    prefect_env,
    running_server,
    start_worker,
    stop_workers,
    wait_until,
)

POOL = "bench-scale"
MANIFESTS = 4


def _load() -> str:
    return "%.1f, %.1f, %.1f" % os.getloadavg()


def write_inputs(n: int, folder: Path) -> list[Path]:
    """N text files: the BBC articles, then copies with a sentence added (a new text, so a new article)."""
    records = [json.loads(line) for line in bbc_path().read_text(encoding="utf-8").splitlines() if line.strip()]
    folder.mkdir(parents=True)
    paths = []
    for i in range(n):
        r = records[i % len(records)]
        extra = "" if i < len(records) else f"\n\nThis story was updated with {i // len(records) + 2} new figures."
        path = folder / f"article-{i:05d}.txt"
        path.write_text(f"{r['title']}\n\n{r['text']}{extra}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _claimtrack(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "flows.cli", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=3600)
    if done.returncode:
        raise SystemExit(f"bench/scale.py: claimtrack {args[0]} failed: {(done.stderr or done.stdout).strip()[-1500:]}")
    return done


@dataclass
class PoolRun:
    workers: int
    load: str
    wall: float  # ingest-many, end to end
    span: float  # first flow run's start to the last one's end
    stored: int
    claims: int
    cpu: dict[str, float]  # process tree -> CPU seconds during the run
    tasks: dict[str, float]  # task kind (read, extract, store) -> seconds inside the flow runs
    runs: float  # the flow runs' total run time
    retried: int  # store batches that lost a conflict and ran again
    lake: str


def _flow_runs(api: str, ids: list[str]) -> list[dict]:
    return httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"id": {"any_": ids}}}, timeout=30).json()


def _task_seconds(api: str, ids: list[str]) -> dict[str, float]:
    """Seconds the flow runs spent in each kind of task (read-batch-3 -> read), from Prefect's task runs."""
    seconds: dict[str, float] = defaultdict(float)
    offset = 0
    while True:
        page = httpx.post(f"{api}/task_runs/filter", json={
            "flow_runs": {"id": {"any_": ids}}, "limit": 200, "offset": offset}, timeout=30).json()
        for t in page:
            seconds[t["name"].split("-", 1)[0]] += t["total_run_time"] or 0.0
        if len(page) < 200:
            return dict(seconds)
        offset += 200


def _store_retries(api: str, ids: list[str]) -> int:
    """Store batches the runs ran again after a commit conflict, from each run's ``ingest-summary`` artifact."""
    found = httpx.post(f"{api}/artifacts/filter", json={"artifacts": {
        "flow_run_id": {"any_": ids}, "key": {"any_": ["ingest-summary"]}}}, timeout=30).json()
    marker = "- store batches run again after a commit conflict: "
    return sum(int(line[len(marker):]) for a in found for line in a["data"].splitlines() if line.startswith(marker))


def pool_ingest(pg: Postgres, files: list[Path], tmp: Path, listing: Path) -> list[PoolRun]:
    from warehouse import connect, run_readonly_sql

    home = tmp / "prefect-home"
    home.mkdir()
    with running_server(home) as server:
        env = prefect_env(home, server.api) | {"PREFECT_WORKER_QUERY_SECONDS": "1", "CLAIMTRACK_LOCAL_ROOTS": str(tmp)}
        feeds = tmp / "feeds.txt"
        feeds.write_text("# nothing scheduled\n")
        _claimtrack(env, tmp, "deploy", "--pool", POOL, "--db", str(tmp / "unused.duckdb"), "--feeds", str(feeds),
                    "--sources", "none", "--no-schedules")
        results = []
        for count in (1, 2):
            lake = pg.new_lake(tmp / "lakes" / f"workers-{count}")
            with connect(lake):  # created and migrated before the clock starts
                pass
            names = [f"bench-{count}-{n}" for n in range(count)]
            workers = [start_worker(POOL, name, env, tmp / f"{name}.log", limit=1, cwd=tmp) for name in names]
            try:
                wait_until(lambda: online_workers(server.api, POOL) >= set(names), 120, f"{count} online workers", 0.5)
                load = _load()
                trees = {"workers and their flow runs": [w.pid for w in workers], "prefect server": [server.pid],
                         "PostgreSQL": [pg.pid]}
                before = {k: sum(cpu_seconds(p) for p in pids) for k, pids in trees.items()}
                busy = machine_busy_seconds()
                began = time.perf_counter()
                many = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest-many", "--list", str(listing),
                                         "--db", lake, "--manifest-size", str(-(-len(files) // MANIFESTS))],
                                        env=env, cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                parent = 0.0
                while many.poll() is None:  # its CPU, read while it lives (nobody in the trees reaps it)
                    parent = cpu_seconds(many.pid) or parent
                    time.sleep(0.2)
                wall = time.perf_counter() - began
                out, err = many.communicate()
                cpu = {k: sum(cpu_seconds(p) for p in pids) - before[k] for k, pids in trees.items()}
                cpu["ingest-many (the parent flow)"] = parent
                cpu["everything else on the machine"] = machine_busy_seconds() - busy - sum(cpu.values())
            finally:
                stop_workers(workers)
            if many.returncode:
                raise SystemExit(f"bench/scale.py: ingest-many failed: {(err or out).strip()[-1500:]}")
            ids = [line.split()[-1] for line in out.splitlines() if line.startswith("manifest-")]
            runs = _flow_runs(server.api, ids)
            starts = [r["start_time"] for r in runs]
            ends = [r["end_time"] for r in runs]
            span = (max(map(datetime.fromisoformat, ends)) - min(map(datetime.fromisoformat, starts))).total_seconds()
            stored, claims = run_readonly_sql(lake, "SELECT (SELECT count(*) FROM articles), "
                                                    "(SELECT count(*) FROM claims)").rows[0]
            retried = _store_retries(server.api, ids)
            results.append(PoolRun(count, load, wall, span, stored, claims, cpu, _task_seconds(server.api, ids),
                                   sum(r["total_run_time"] for r in runs), retried, lake))
            print(f"  {count} worker(s): {stored} articles in {wall:.1f} s (load before: {load})", file=sys.stderr)
    return results


def report_pool(results: list[PoolRun], files: int, tmp: Path) -> None:
    one, two = results
    assert one.stored == two.stored and one.claims == two.claims, "the two runs stored different things"
    print(f"ingest of {files} text files ({one.stored} distinct articles, {one.claims:,} claims) through a Prefect "
          f"process pool into a DuckLake on a local PostgreSQL, as {MANIFESTS} manifests, workers with --limit 1, "
          f"{os.cpu_count()} cores:")
    print("| workers | 1-min load before | ingest-many wall (s) | articles/s | flow runs' span (s) | articles/s in the span |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for r in results:
        print(f"| {r.workers} | {r.load} | {r.wall:.1f} | {r.stored / r.wall:.1f} | {r.span:.1f} | {r.stored / r.span:.1f} |")
    print(f"2 workers ÷ 1 worker: {one.wall / two.wall:.2f}× end to end, {one.span / two.span:.2f}× over the flow runs' span "
          f"(2 cores: at most 2×)")
    print("CPU seconds during each ingest-many (user + system, from /proc):")
    print("| process tree | 1 worker | 2 workers |")
    print("| --- | ---: | ---: |")
    for name in one.cpu:
        print(f"| {name} | {one.cpu[name]:.1f} | {two.cpu[name]:.1f} |")
    print(f"| all (÷ wall: cores busy) | {sum(one.cpu.values()):.1f} ({sum(one.cpu.values()) / one.wall:.2f}) | "
          f"{sum(two.cpu.values()):.1f} ({sum(two.cpu.values()) / two.wall:.2f}) |")
    ours = {r.workers: sum(v for k, v in r.cpu.items() if k != "everything else on the machine") for r in results}
    print(f"| claimtrack's own (workers, server, PostgreSQL, parent) ÷ wall: the cores it got | "
          f"{ours[1]:.1f} ({ours[1] / one.wall:.2f}) | {ours[2]:.1f} ({ours[2] / two.wall:.2f}) |")
    print(f"claimtrack's own CPU per article: {ours[1] / one.stored * 1000:.1f} ms (1 worker), "
          f"{ours[2] / two.stored * 1000:.1f} ms (2 workers); of it in the workers and their flow runs: "
          f"{one.cpu['workers and their flow runs'] / one.stored * 1000:.1f} ms and "
          f"{two.cpu['workers and their flow runs'] / two.stored * 1000:.1f} ms")
    print("Inside the flow runs (seconds summed over the runs, from Prefect's task runs):")
    print("| where | 1 worker | 2 workers |")
    print("| --- | ---: | ---: |")
    for kind in ("read", "extract", "store"):
        print(f"| {kind} tasks | {one.tasks.get(kind, 0):.1f} | {two.tasks.get(kind, 0):.1f} |")
    print(f"| the rest of the runs (start-up, checks of what is stored, Prefect) | "
          f"{one.runs - sum(one.tasks.values()):.1f} | {two.runs - sum(two.tasks.values()):.1f} |")
    print(f"| flow runs' total run time | {one.runs:.1f} | {two.runs:.1f} |")
    print(f"store batches run again after losing a commit conflict: {one.retried} (1 worker), {two.retried} (2 workers)")
    data = tmp / "lakes" / "workers-2"
    files_before, bytes_before = _files(data)
    merged = _compact(two.lake)
    files_after, bytes_after = _files(data)
    print(f"the 2-worker lake's data path: {files_before} Parquet files, {bytes_before / 1e6:.1f} MB "
          f"({bytes_before / two.stored / 1e3:.1f} kB an article); ducklake_merge_adjacent_files + "
          f"ducklake_cleanup_old_files: {merged:.2f} s, then {files_after} files, {bytes_after / 1e6:.1f} MB")


def _files(folder: Path) -> tuple[int, int]:
    found = [p for p in folder.rglob("*.parquet") if p.is_file()]
    return len(found), sum(p.stat().st_size for p in found)


def _compact(lake: str) -> float:
    """Seconds to merge the lake's small files and delete the ones merged (DuckLake 0.3 / duckdb 1.5.5 names)."""
    from warehouse import connect

    t0 = time.perf_counter()
    with connect(lake) as con:
        con.execute("CALL ducklake_merge_adjacent_files('lake')")
        con.execute("CALL ducklake_cleanup_old_files('lake', cleanup_all => true)")
    return time.perf_counter() - t0


def _load_bench_warehouse():
    spec = importlib.util.spec_from_file_location("bench_warehouse", REPO / "bench" / "warehouse.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sql(pg: Postgres, size: int, tmp: Path) -> None:
    from warehouse import connect, state
    from warehouse.copy import copy_warehouse

    bench = _load_bench_warehouse()
    queries = {name: q for name, q in bench.QUERIES.items() if name != "one claim by id"}
    db = str(tmp / "filled.duckdb")
    t0 = time.perf_counter()
    with connect(db) as con:
        for statement in bench.FILL.replace("$articles", str(size // 15 + 1)).replace("$claims", str(size)).split(";"):
            con.execute(statement)
        state.rebuild(con)
    filled = time.perf_counter() - t0
    lake = pg.new_lake(tmp / "lakes" / "sql")
    print(f"  SQL: load before: {_load()}", file=sys.stderr)
    result = copy_warehouse(db, lake, progress=lambda line: print(f"  {line}", file=sys.stderr, flush=True))
    figures: dict[str, list[float]] = {name: [] for name in queries}
    answers: list[list] = []
    for warehouse in (db, lake.rsplit(";data=", 1)[0]):
        with connect(warehouse, read_only=True) as con:
            for name, q in queries.items():
                figures[name].append(bench.timed(lambda: con.execute(q)))
            answers.append([sorted(con.execute(q).fetchall()) for name, q in queries.items() if "LIMIT" not in q])
    assert answers[0] == answers[1], "the lake's answers differ from the file's"
    print(f"SQL at {size:,} synthetic claims (file filled in {filled:.1f} s; `warehouse copy` to the lake: "
          f"{result.total:,} rows in {result.seconds:.1f} s), best of 3, result materialised in DuckDB:")
    print("| query | DuckDB file (ms) | DuckLake (ms) | lake ÷ file |")
    print("| --- | ---: | ---: | ---: |")
    for name, (file_s, lake_s) in figures.items():
        print(f"| {name} | {file_s * 1000:.0f} | {lake_s * 1000:.0f} | {lake_s / file_s:.1f}× |")


def main(argv: list[str]) -> int:
    numbers = [a for a in argv if not a.startswith("--") and not (argv.index(a) and argv[argv.index(a) - 1] == "--claims")]
    size = int(argv[argv.index("--claims") + 1]) if "--claims" in argv else 1_000_000
    n = int(numbers[0]) if numbers else 4000
    if not bbc_path().exists():
        print(f"skip: {bbc_path()} not found (set CLAIMTRACK_EVAL)")
        return 0
    bin_dir = pg_bin()
    if bin_dir is None:
        print("skip bench/scale.py: PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql)")
        return 0
    with tempfile.TemporaryDirectory() as folder, postgres_server(bin_dir) as pg:
        tmp = Path(folder)
        files = write_inputs(n, tmp / "articles")
        listing = tmp / "inputs.txt"
        listing.write_text("\n".join(map(str, files)) + "\n")
        report_pool(pool_ingest(pg, files, tmp, listing), len(files), tmp)
        sql(pg, size, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
