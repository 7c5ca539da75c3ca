"""The one gateway to the DuckDB file: connections, locking, schema, extensions, errors.

DuckDB lets one process hold a file read-write and then refuses every other process, even
read-only ones. So connections here are short-lived (open, do the batch, close), writers are
serialised by an advisory file lock beside the database, and opening waits — bounded, with a
message — instead of failing on DuckDB's lock error.

Exceptions (all subclasses of WarehouseError, so callers catch one family):

    WarehouseError
    ├── DatabaseLocked      another process kept the file for longer than the wait
    ├── DatabaseMissing     a read of a database file that does not exist yet
    ├── ReadOnlyViolation   a statement that would write, sent to a read-only query
    └── QueryError          DuckDB rejected a query (syntax, unknown table, ...)
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import logging
import os
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from importlib import import_module
from pathlib import Path

import duckdb

__all__ = [
    "DEFAULT_DB",
    "DatabaseLocked",
    "DatabaseMissing",
    "QueryError",
    "ReadOnlyViolation",
    "WarehouseError",
    "connect",
    "load_extension",
    "transaction",
    "utcnow",
]

log = logging.getLogger("claimtrack.warehouse")


def _skip_the_pandas_probe() -> None:
    """DuckDB's Python client tries ``import pandas`` for every value it binds (twice; every element of a
    list parameter too). Without pandas each try searches the whole ``sys.path`` and fails: binding one
    list of 100,000 ids took 6.1 s instead of 0.5 s. When pandas is not installed, say so once in
    ``sys.modules`` (``None``: "not importable"), so every later try fails at once. When it is installed,
    nothing changes: the first try imports it and the rest find it."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]  # import pandas -> ModuleNotFoundError, as before


_skip_the_pandas_probe()

DEFAULT_DB = "data/claims.duckdb"
HERE = Path(__file__).resolve().parent
DEFAULT_WAIT_SECONDS = 60.0
_POLL_SECONDS = 0.05


class WarehouseError(Exception):
    """Base class of every error the warehouse raises."""


class DatabaseLocked(WarehouseError):
    pass


class DatabaseMissing(WarehouseError):
    pass


class ReadOnlyViolation(WarehouseError):
    pass


class QueryError(WarehouseError):
    pass


def utcnow() -> datetime:
    """Timestamps are stored as naive UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _is_lock_error(exc: Exception) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


@contextlib.contextmanager
def _advisory_lock(path: Path, *, exclusive: bool, deadline: float) -> Iterator[None]:
    """Hold ``<db>.lock`` (shared for readers, exclusive for the one writer) until the block ends."""
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        told = False
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise DatabaseLocked(
                        f"{path}: still in use by another claimtrack process; try again when it has finished"
                    ) from None
                if not told:
                    log.warning("%s is in use by another process; waiting for it", path)
                    told = True
                time.sleep(_POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # closing releases the flock


def _open(path: Path, *, read_only: bool, deadline: float) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying while a process outside our advisory lock (a DuckDB shell) holds it."""
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise WarehouseError(f"{path}: cannot open the database: {_first_line(exc)}") from None
            if time.monotonic() >= deadline:
                raise DatabaseLocked(f"{path}: locked by another process: {_first_line(exc)}") from None
            if not told:
                log.warning("%s is locked by another process; waiting for it", path)
                told = True
            time.sleep(_POLL_SECONDS * 4)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@contextlib.contextmanager
def connect(
    path: str | os.PathLike[str] = DEFAULT_DB,
    *,
    read_only: bool = False,
    wait: float = DEFAULT_WAIT_SECONDS,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse for the length of a ``with`` block.

    A writer (``read_only=False``) creates the file and its schema if needed and holds the
    exclusive advisory lock, so writers from any number of processes run one at a time.
    ``wait`` bounds how long to wait for other processes, in seconds.
    """
    path = Path(path)
    deadline = time.monotonic() + wait
    if read_only and not path.exists():
        raise DatabaseMissing(f"{path}: no database here yet (run `claimtrack ingest` first, or pass --db)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    with _advisory_lock(path, exclusive=not read_only, deadline=deadline):
        con = _open(path, read_only=read_only, deadline=deadline)
        try:
            if not read_only:
                from warehouse.migrations import migrate

                migrate(con)
            yield con
        finally:
            con.close()


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All of the block or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def load_extension(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Load a DuckDB extension shipped as the PyPI package ``duckdb-extension-<name>``, by path.

    Never ``INSTALL``: air-gapped machines get the signed binary like any other package.
    """
    module = import_module(f"duckdb_extension_{name.replace('-', '_')}")
    base = Path(module.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    binary = base / f"{name.replace('-', '_')}.duckdb_extension"
    if not binary.exists():
        raise WarehouseError(f"extension {name!r}: no binary for DuckDB {duckdb.__version__} at {binary}")
    con.execute(f"LOAD '{binary.as_posix()}'")  # a path from our own package, not user input
