#!/usr/bin/env python3
"""The DuckLake warehouse at scale (issue 16), measured in one run on a local PostgreSQL.

    .venv-bench/bin/python bench/scale.py [N] [--claims C]   # N BBC articles (default 400), C synthetic claims (1M)

Starts PostgreSQL on a free loopback port in a temporary folder (``initdb``, ``pg_ctl start``; as
``nobody`` when run as root, as the tests do; without ``initdb`` it says so in one line and exits 0),
then prints:

1. **Ingest into a lake, 1 writer against 2 writers at once.** The first N BBC articles of
   ``../shared/eval/raw/bbc-news`` as text files. One writer process ingests all N into a new lake;
   then two writer processes, started together, each ingest a disjoint half into another new lake.
   A writer does what ``claimtrack ingest`` does per batch, without Prefect: read the file, extract
   (``claims.extract.build_article``), ``store_articles`` of 50 articles per transaction (a connection,
   id blocks, one DuckLake commit per batch). Timed from a common start signal, after each process has
   imported its modules, to the last writer's end. Prefect's own cost per run (≈ 1 s a flow run, ≈ 4 ms
   a task, ``FACTS.md``) comes on top and is the same per batch for both. Articles/s and the ratio.
2. **SQL latency at C synthetic claims, file against lake.** A DuckDB file filled by SQL as
   ``bench/warehouse.py`` does (its ``FILL``), its ``claim_state`` rebuilt, copied into a new lake with
   ``warehouse.copy.copy_warehouse`` (timed); then the README's three queries and the status counts over
   ``claims_current``, each best of 3 on a read-only connection (the result materialised inside DuckDB,
   as ``claimtrack sql`` runs it before printing), on both.
"""

from __future__ import annotations

import contextlib
import glob
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from evaldata import bbc_path  # noqa: E402  (bench/evaldata.py)

BATCH = 50
LOAD_BEFORE = "%.1f, %.1f, %.1f" % os.getloadavg()

_WRITER = """
import sys, time
from pathlib import Path
from claims.extract import build_article
from warehouse import store_articles

db, start, ready, files = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
ready.touch()
while not start.exists():
    time.sleep(0.005)
began, claims = time.time(), 0
for i in range(0, len(files), int(%d)):
    batch = [build_article(Path(f).read_text(encoding="utf-8"), f) for f in files[i:i + %d]]
    store_articles(batch, db)
    claims += sum(len(a.claims) for a in batch)
print(began, time.time(), len(files), claims)
""" % (BATCH, BATCH)


def _pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


@contextlib.contextmanager
def postgres(bin_dir: Path):
    """PostgreSQL on a free loopback port; yields a function making a new database's lake URL prefix."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-bench-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL will not run as root
        shutil.chown(folder, "nobody")
        as_user = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "nobody", "--"]

    def run(tool: str, *args: str, owner: bool = False) -> None:
        done = subprocess.run([*(as_user if owner else []), str(bin_dir / tool), *args], capture_output=True, text=True,
                              timeout=120)
        if done.returncode:
            raise SystemExit(f"bench/scale.py: {tool} failed: {done.stderr.strip() or done.stdout.strip()}")

    data = folder / "data"
    run("initdb", "-D", str(data), "-U", "ct", "--auth=trust", "-E", "UTF8", "--no-instructions", owner=True)
    run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", "120",
        "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start", owner=True)
    names = iter(range(1, 1000))

    def new_lake() -> str:
        name = f"bench{next(names)}"
        run("createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "ct", name)
        return f"ducklake:postgres:dbname={name} host=127.0.0.1 port={port} user=ct"

    try:
        yield new_lake
    finally:
        run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop", owner=True)
        shutil.rmtree(folder, ignore_errors=True)


def _writers(lake: str, parts: list[list[str]], tmp: Path, tag: str) -> tuple[float, int, int]:
    """Wall seconds from the common start to the last writer's end, articles and claims stored."""
    from warehouse import connect

    with connect(lake):  # created and migrated before the clock starts
        pass
    start = tmp / f"start-{tag}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, lake, str(start), str(tmp / f"ready-{tag}-{n}"), *part],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, part in enumerate(parts)]
    deadline = time.monotonic() + 300
    while not all((tmp / f"ready-{tag}-{n}").exists() for n in range(len(parts))):
        if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
            break
        time.sleep(0.01)
    start.touch()
    began, ended, articles, claims = [], [], 0, 0
    for p in procs:
        out, err = p.communicate(timeout=3600)
        if p.returncode:
            raise SystemExit(f"bench/scale.py: a writer failed: {err.strip()[-500:]}")
        b, e, a, c = out.split()
        began.append(float(b))
        ended.append(float(e))
        articles += int(a)
        claims += int(c)
    return max(ended) - min(began), articles, claims


def ingest(new_lake, n: int, tmp: Path) -> None:
    lines = bbc_path().read_text(encoding="utf-8").splitlines()[:n]
    files = []
    for a in map(json.loads, lines):
        f = tmp / f"{a['id'].replace('/', '-')}.txt"
        f.write_text(f"{a['title']}\n\n{a['text']}", encoding="utf-8")
        files.append(str(f))
    data = tmp / "lakes"
    one, articles, claims = _writers(new_lake() + f";data={data / 'one'}", [files], tmp, "one")
    lake2 = new_lake() + f";data={data / 'two'}"
    two, articles2, claims2 = _writers(lake2, [files[0::2], files[1::2]], tmp, "two")
    assert (articles, claims) == (articles2, claims2), "the two runs stored different things"
    files_before, bytes_before = _files(data / "two")
    merged = _compact(lake2)
    files_after, bytes_after = _files(data / "two")
    print(f"ingest of {articles} BBC articles ({claims:,} claims, {claims / articles:.1f} an article) into a DuckLake "
          f"on a local PostgreSQL, extract + store_articles in batches of {BATCH}, no Prefect, {os.cpu_count()} cores:")
    print("| writers | wall (s) | articles/s | articles/s per writer |")
    print("| ---: | ---: | ---: | ---: |")
    print(f"| 1 | {one:.1f} | {articles / one:.1f} | {articles / one:.1f} |")
    print(f"| 2 at once | {two:.1f} | {articles / two:.1f} | {articles / two / 2:.1f} |")
    print(f"2 writers ÷ 1 writer: {one / two:.2f}× (2 cores: at most 2×; load average before: {LOAD_BEFORE})")
    print(f"the 2-writer lake's data path: {files_before} Parquet files, {bytes_before / 1e6:.1f} MB "
          f"({bytes_before / articles / 1e3:.1f} kB an article); ducklake_merge_adjacent_files + "
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


def sql(new_lake, size: int, tmp: Path) -> None:
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
    lake = new_lake() + f";data={tmp / 'lakes' / 'sql'}"
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
    n = int(numbers[0]) if numbers else 400
    if not bbc_path().exists():
        print(f"skip: {bbc_path()} not found (set CLAIMTRACK_EVAL)")
        return 0
    bin_dir = _pg_bin()
    if bin_dir is None:
        print("skip bench/scale.py: PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql)")
        return 0
    with tempfile.TemporaryDirectory() as folder, postgres(bin_dir) as new_lake:
        tmp = Path(folder)
        ingest(new_lake, n, tmp)
        sql(new_lake, size, tmp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
