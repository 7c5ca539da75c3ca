"""A real PostgreSQL for the DuckLake tests (loaded with ``pytest_plugins``).

- ``postgres``: PostgreSQL on a free loopback port for the session (``initdb`` into a temporary folder,
  ``pg_ctl start``; as root through ``runuser -u nobody``, since PostgreSQL refuses to run as root),
  stopped and removed at the end. Without ``initdb`` the tests that use it skip with one reason, and
  fail when ``CI`` is set (``.ci/run`` installs Debian's ``postgresql``).
- ``lake``: a new DuckLake URL, its own database in that server and its data under ``tmp_path``.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

PG_START_SECONDS = 120


def _pg_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else where Debian puts them (/usr/lib/postgresql/N/bin)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    def __init__(self, bin_dir: Path, port: int, folder: Path, as_user: list[str]):
        self.bin, self.port, self.folder, self.as_user = bin_dir, port, folder, as_user
        self._names = itertools.count(1)

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


@pytest.fixture(scope="session")
def postgres() -> Postgres:
    """PostgreSQL on a free loopback port for this session, stopped (and its folder removed) at the end."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        reason = "PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run the DuckLake tests")
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))  # not under pytest's root-only tmp: nobody reads it
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL will not run as root: the server runs as nobody
        shutil.chown(folder, "nobody")
        as_user = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "nobody", "--"]
    pg = Postgres(bin_dir, _free_port(), folder, as_user)
    data = folder / "data"
    pg.run("initdb", "-D", str(data), "-U", "ct", "--auth=trust", "-E", "UTF8", "--no-instructions", as_owner=True)
    started = False
    try:
        pg.run("pg_ctl", "-D", str(data), "-l", str(folder / "server.log"), "-w", "-t", str(PG_START_SECONDS),
               "-o", f"-p {pg.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start", as_owner=True)
        started = True
        yield pg
    finally:
        if started:
            pg.run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop", as_owner=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def lake(postgres: Postgres, tmp_path: Path) -> str:
    """A new DuckLake URL: its own database in the session's PostgreSQL, its data under tmp_path."""
    return postgres.catalog(postgres.new_database()) + f";data={tmp_path / 'lake'}"
