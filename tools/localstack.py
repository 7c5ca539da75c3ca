"""Real local services for the tests and the benches: PostgreSQL, a ``prefect server``, ``prefect worker``s.

Shared by ``tests/conftest_postgres.py``, ``tests/conftest_server.py``, ``tests/test_pools.py``,
``tests/test_scale.py`` and ``bench/scale.py``, so each starts them the same way. Not product code:
nothing in ``claims/``, ``warehouse/`` or ``flows/`` imports it.

- :func:`postgres_server`: PostgreSQL on a free loopback port in a temporary folder (``initdb``,
  ``pg_ctl start``; as ``nobody`` through ``runuser`` when run as root, since PostgreSQL refuses root),
  stopped and its folder removed when the block ends. :func:`pg_bin` is None without Debian's binaries.
- :func:`running_server`: ``prefect server start`` on a free 127.0.0.1 port, its process group
  stopped when the block ends, pass or fail.
- :func:`start_worker`, :func:`online_workers`: ``prefect worker start --pool`` and who is ONLINE.
- :func:`descendants`, :func:`cpu_seconds`: process trees and their CPU time, from ``/proc``.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

__all__ = [
    "PG_START_SECONDS", "Postgres", "PrefectServer", "SERVER_START_SECONDS", "cpu_seconds", "descendants",
    "free_port", "kill_tree", "online_workers", "pg_bin", "postgres_server", "prefect_env", "running_server",
    "start_worker", "stop_process", "wait_until",
]

ROOT = Path(__file__).resolve().parents[1]
PG_START_SECONDS = 120
SERVER_START_SECONDS = 120  # ≈ 13 s on an idle 2-core machine; CI can be much slower


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout: float, what: str, interval: float = 0.25, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what}: the process exited with {process.returncode}")
        time.sleep(interval)
    raise TimeoutError(f"{what}: not within {timeout:g} s")


def stop_process(process: subprocess.Popen, grace: float = 15) -> None:
    """SIGTERM to the process group we started (server or serve and their children), then SIGKILL."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(5)


# --- PostgreSQL ---------------------------------------------------------------------------------

def pg_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else where Debian puts them (/usr/lib/postgresql/N/bin)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


class Postgres:
    """A running PostgreSQL (:func:`postgres_server`): new databases and their DuckLake URLs."""

    def __init__(self, bin_dir: Path, port: int, folder: Path, as_user: list[str]):
        self.bin, self.port, self.folder, self.as_user = bin_dir, port, folder, as_user
        self._names = itertools.count(1)
        self.pid: int | None = None  # the postmaster's, once started

    def run(self, tool: str, *args: str, as_owner: bool = False) -> subprocess.CompletedProcess:
        command = [*(self.as_user if as_owner else []), str(self.bin / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=PG_START_SECONDS)
        if result.returncode:
            raise RuntimeError(f"{tool} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
        return result

    def new_database(self) -> str:
        name = f"lake{next(self._names)}"
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "ct", name)
        return name

    def catalog(self, database: str) -> str:
        return f"ducklake:postgres:dbname={database} host=127.0.0.1 port={self.port} user=ct"

    def new_lake(self, data: Path) -> str:
        """A DuckLake URL on a new database of this server, its Parquet files under ``data``."""
        return self.catalog(self.new_database()) + f";data={data}"


@contextmanager
def postgres_server(bin_dir: Path) -> Iterator[Postgres]:
    """PostgreSQL on a free loopback port (user ``ct``, trust auth, fsync off) until the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))  # not under pytest's root-only tmp: nobody reads it
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL will not run as root: the server runs as nobody
        shutil.chown(folder, "nobody")
        as_user = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "nobody", "--"]
    pg = Postgres(bin_dir, free_port(), folder, as_user)
    data = folder / "data"
    started = False
    try:
        pg.run("initdb", "-D", str(data), "-U", "ct", "--auth=trust", "-E", "UTF8", "--no-instructions",
               as_owner=True)
        pg.run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", str(PG_START_SECONDS),
               "-o", f"-p {pg.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start", as_owner=True)
        started = True
        pid_file = data / "postmaster.pid"
        pg.pid = int(pid_file.read_text().split()[0]) if pid_file.exists() else None
        yield pg
    finally:
        if started:
            pg.run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop", as_owner=True)
        shutil.rmtree(folder, ignore_errors=True)


# --- Prefect: a server and workers ------------------------------------------------------------

def prefect_env(home: Path, api_url: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update({
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_UI_ENABLED": "true",
        "PYTHONPATH": str(ROOT),
    })
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


@dataclass(frozen=True)
class PrefectServer:
    url: str  # http://127.0.0.1:PORT
    api: str  # .../api
    home: Path
    log: Path
    pid: int = 0  # the server's process (its group: its children too)


def _healthy(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _prefect() -> str:
    return str(Path(sys.executable).with_name("prefect"))


@contextmanager
def running_server(home: Path, env: dict[str, str] | None = None) -> Iterator[PrefectServer]:
    """``prefect server start`` on a free 127.0.0.1 port with ``home`` as its PREFECT_HOME, until the
    block ends (its process group stopped, pass or fail). ``env``: more settings for the server."""
    port = free_port()
    log = home / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [_prefect(), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=home,
            env=prefect_env(home) | {  # the UI tells the browser which API to call (else port 4200)
                "PREFECT_UI_API_URL": f"http://127.0.0.1:{port}/api",
                "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
            } | (env or {}),
        )
    server = PrefectServer(f"http://127.0.0.1:{port}", f"http://127.0.0.1:{port}/api", home, log, process.pid)
    try:
        wait_until(lambda: _healthy(server.api), SERVER_START_SECONDS, "prefect server", 0.5, process)
        yield server
    except BaseException:
        print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        stop_process(process)


def start_worker(pool: str, name: str, env: dict[str, str], log: Path, *, limit: int, cwd: Path) -> subprocess.Popen:
    """``prefect worker start --pool POOL --name NAME --limit N`` in a session of its own, output to ``log``."""
    with log.open("wb") as out:
        return subprocess.Popen([_prefect(), "worker", "start", "--pool", pool, "--name", name, "--limit", str(limit)],
                                stdout=out, stderr=subprocess.STDOUT, env=env | {"PREFECT_LOGGING_LEVEL": "INFO"},
                                cwd=cwd, start_new_session=True)


def online_workers(api: str, pool: str) -> set[str]:
    """The names of the pool's workers the server counts ONLINE (none when it does not answer)."""
    try:
        response = httpx.post(f"{api}/work_pools/{pool}/workers/filter", json={}, timeout=5)
    except httpx.HTTPError:
        return set()
    return {w["name"] for w in response.json() if w["status"] == "ONLINE"} if response.status_code == 200 else set()


def stop_workers(workers: Iterable[subprocess.Popen]) -> None:
    """SIGTERM each worker's process group, then SIGKILL what is left below it (a flow run stopped mid-run:
    its process is in a session of its own)."""
    for process in workers:
        below = descendants(process.pid)
        stop_process(process)
        for pid in below + descendants(process.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


# --- processes from /proc ----------------------------------------------------------------------

def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc: a flow run's process is in a session of its own)."""
    children = _children()
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_tree(process: subprocess.Popen) -> list[int]:
    """SIGKILL a process and every process under it at once, as if its machine had gone."""
    pids = [process.pid, *descendants(process.pid)]
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    process.wait(10)
    return pids


_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(root: int) -> float:
    """CPU seconds (user + system) of ``root`` and every process below it, the children they have reaped
    included (``cutime``/``cstime``): a tree's total so far, whose difference over an interval is what the
    tree used in it, as long as its exited processes were reaped inside the tree."""
    total = 0
    for pid in [root, *descendants(root)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime (fields 14-17 of stat)
    return total / _TICKS


def machine_busy_seconds() -> float:
    """CPU seconds every core of the machine spent busy so far (``/proc/stat``: all but idle and iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / _TICKS
