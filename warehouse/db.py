"""The one gateway to the warehouse: connections, locking, schema, extensions, ids, errors.

The warehouse is a DuckDB file or a DuckLake (``ducklake:postgres:...;data=DIR``, see ``warehouse/lake.py``);
:func:`connect` opens either and :func:`backend` tells a connection's kind, so the store, status and
read code is one code path with a few ``if lake`` branches (ids, ``claim_state``, migrations).

For a DuckDB file: DuckDB lets one process hold a file read-write and then refuses every other process, even
read-only ones. So connections here are short-lived (open, do the batch, close), writers are
serialised by an advisory file lock beside the database, and opening waits — bounded, with a
message — instead of failing on DuckDB's lock error.

For a DuckLake: no lock. Any number of processes on any number of machines read and write at once;
each transaction commits a snapshot, DuckLake retries a commit that raced another one when their
changes do not conflict (two appends never do), and ids come from :func:`reserve_ids`. A process
attaches each lake once and hands out cursors on it (:func:`_lake_cursor`).

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
import random
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from importlib import import_module
from pathlib import Path
from typing import TypeVar

import duckdb

from warehouse.lake import LAKE_ALIAS, is_lake, parse_lake, shown

__all__ = [
    "DEFAULT_DB",
    "DatabaseLocked",
    "DatabaseMissing",
    "QueryError",
    "ReadOnlyViolation",
    "WarehouseError",
    "backend",
    "connect",
    "exists",
    "is_lake",
    "load_extension",
    "reserve_ids",
    "retry_transaction",
    "rollback",
    "transaction",
    "utcnow",
    "write",
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

T = TypeVar("T")

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


# The backend of each open connection (by id: DuckDB's connection objects take no attributes); set by
# connect() for the length of its block. A connection not opened there is a DuckDB file's.
_BACKENDS: dict[int, str] = {}


def backend(con: duckdb.DuckDBPyConnection) -> str:
    """``"ducklake"`` for a connection :func:`connect` opened on a DuckLake, else ``"duckdb"``."""
    return _BACKENDS.get(id(con), "duckdb")


def exists(db: str | os.PathLike[str]) -> bool:
    """Whether the warehouse may hold something already: the file exists, or (a DuckLake) always — its
    catalog says, once attached."""
    return is_lake(db) or Path(db).exists()


@contextlib.contextmanager
def connect(
    path: str | os.PathLike[str] = DEFAULT_DB,
    *,
    read_only: bool = False,
    wait: float = DEFAULT_WAIT_SECONDS,
    private: bool = False,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse for the length of a ``with`` block.

    A writer (``read_only=False``) creates the file and its schema if needed and holds the
    exclusive advisory lock, so writers from any number of processes run one at a time.
    ``wait`` bounds how long to wait for other processes, in seconds.

    ``path`` may be a DuckLake URL (``ducklake:postgres:...``): see :func:`_lake_instance`. ``private``
    (a lake only): a DuckDB of the block's own instead of a cursor on the process's shared one, for a
    caller that changes DuckDB's settings (``SET memory_limit``, ``enable_external_access``) or attaches
    another database.
    """
    if is_lake(path):
        if private:
            con = _attach_lake(str(path), read_only=read_only, wait=wait)
            try:
                yield con
            finally:
                _BACKENDS.pop(id(con), None)
                con.close()
            return
        with _lake_cursor(str(path), read_only=read_only, wait=wait) as con:
            yield con
        return
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


_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}

# One DuckDB instance per lake URL and mode for the whole process, with the extensions loaded and the
# lake attached (and, for a writer, migrated) once: connect() hands out a cursor on it. Loading the two
# extensions into a new DuckDB costs ≈ 0.2-0.5 CPU-s (each LOAD checks the binary's signature), and an
# ingest opened two lake connections per batch of 100 articles: ≈ 1 s a batch, more than extracting
# them (bench/scale.py). A cursor is a connection of its own (its own transaction, its own ``USE``), and
# each transaction reads the newest snapshot in the catalog, so other processes' commits are seen as
# with a new instance.
_LAKES: dict[tuple[str, bool], duckdb.DuckDBPyConnection] = {}
_LAKES_LOCK = threading.Lock()


@contextlib.contextmanager
def _lake_cursor(url: str, *, read_only: bool, wait: float) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor on the process's instance of this lake, ``USE lake`` done. After an error other than a
    commit conflict the instance is dropped (the next block attaches anew), in case its catalog
    connection is what failed."""
    key = (url, read_only)
    with _LAKES_LOCK:
        base = _LAKES.get(key)
        if base is None:
            base = _LAKES[key] = _attach_lake(url, read_only=read_only, wait=wait)
    cursor = base.cursor()
    try:
        cursor.execute(f"USE {LAKE_ALIAS}")
        _BACKENDS[id(cursor)] = "ducklake"
        yield cursor
    except duckdb.Error as exc:
        if not is_conflict(exc):
            with _LAKES_LOCK:
                if _LAKES.get(key) is base:
                    del _LAKES[key]
        raise
    finally:
        _BACKENDS.pop(id(cursor), None)
        cursor.close()


def _attach_lake(url: str, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the DuckLake attached as ``lake`` and in use (``USE lake``).

    The ``postgres`` and ``ducklake`` extensions are loaded by path from their PyPI packages. A reader
    attaches READ_ONLY (DuckLake then opens its PostgreSQL catalog in read-only transactions too, so a
    query cannot write through ``postgres_query``); a writer creates the lake on first use (it needs
    ``;data=DIR`` then) and migrates it, retrying when another process migrates at the same moment.
    """
    try:
        target = parse_lake(url)
    except ValueError as exc:
        raise WarehouseError(str(exc)) from None
    con = duckdb.connect(":memory:", config=_CONFIG)
    try:
        load_extension(con, "postgres-scanner")
        load_extension(con, "ducklake")
        options = ["READ_ONLY"] if read_only else []
        if target.data_path and not read_only:
            data = Path(target.data_path).expanduser().resolve()  # kept in the catalog: not relative to one cwd
            data.mkdir(parents=True, exist_ok=True)
            options.append("DATA_PATH " + _literal(str(data)))
        attach = f"ATTACH {_literal(target.attach_path)} AS {LAKE_ALIAS}" + (f" ({', '.join(options)})" if options else "")
        deadline = time.monotonic() + wait
        try:
            while True:
                try:
                    con.execute(attach)
                    break
                except duckdb.Error as exc:
                    # Two first writers at once: both create the catalog's tables, and PostgreSQL refuses
                    # the second; its retry finds the lake made.
                    if "Failed to initialize DuckLake" not in str(exc) or time.monotonic() >= deadline:
                        raise
                    log.debug("%s: another process is creating the lake; trying again", shown(url))
                    time.sleep(0.1 + random.random() * 0.2)
        except duckdb.Error as exc:
            message = _first_line(exc)
            if "does not exist" in message and "creating a new DuckLake is explicitly disabled" in str(exc):
                raise DatabaseMissing(f"{shown(url)}: no DuckLake here yet (run `claimtrack ingest` first)") from None
            if "data_path is not set" in str(exc):
                raise WarehouseError(f"{shown(url)}: no DuckLake here yet; the first writer names its data "
                                     "directory: add ;data=DIR to the URL") from None
            raise WarehouseError(f"{shown(url)}: cannot attach the DuckLake: {shown(' '.join(str(exc).split()))}") from None
        con.execute(f"USE {LAKE_ALIAS}")
        _BACKENDS[id(con)] = "ducklake"
        if not read_only:
            from warehouse.migrations import migrate

            _retry_conflicts(lambda: migrate(con), wait=wait, what=f"{shown(url)}: migrating")
        return con
    except BaseException:
        _BACKENDS.pop(id(con), None)
        con.close()
        raise


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def is_conflict(exc: BaseException) -> bool:
    """A DuckLake commit that lost to a conflicting one (the transaction is gone; run it again)."""
    return isinstance(exc, duckdb.Error) and "conflict" in str(exc).lower()


def _retry_conflicts(fn, *, wait: float, what: str):
    """``fn()``, again after a short random pause while it fails on a DuckLake commit conflict."""
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return fn()
        except duckdb.Error as exc:
            if not is_conflict(exc) or time.monotonic() >= deadline:
                raise
            log.debug("%s: commit conflict, trying again: %s", what, _first_line(exc))
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 1.0)


# Tables whose integer id reserve_ids() hands out, and the id column of each.
ID_COLUMNS = {
    "claims": "claim_id",
    "claim_status_events": "event_id",
    "sources": "source_id",
    "source_fetches": "fetch_id",
    "passages": "passage_id",
    "evidence": "evidence_id",
}


def reserve_ids(con: duckdb.DuckDBPyConnection, table: str, count: int, *, wait: float = DEFAULT_WAIT_SECONDS,
                in_transaction: bool = False) -> int:
    """The first of ``count`` consecutive new ids for ``table``'s rows (``ID_COLUMNS``); yours alone.

    A DuckDB file: ``max(id) + 1``, read inside the writer's exclusive lock, as always.

    A DuckLake has no lock and no sequences, and ``max(id) + 1`` would give two concurrent writers the same
    ids (neither sees the other's uncommitted rows). So each batch reserves a block of ids in
    ``id_counters`` (a row per table: the next free id), in a transaction of its own on a second connection
    (``con.cursor()``: the caller's batch transaction stays open), committed before the batch writes:
    read ``next_id``, add ``count``, commit. Two writers that race update the same row, DuckLake refuses the
    second commit as a conflict, and that writer reads again and retries, so every block is distinct. A batch
    that rolls back leaves a gap in the ids, never a duplicate. We chose this over a PostgreSQL sequence
    (drawn through the ``postgres`` extension) because a block is contiguous, so the store's id arithmetic is
    unchanged, and it needs nothing outside the lake: ≈ 16 ms a batch on loopback.

    ``in_transaction=True`` (the store, :func:`warehouse.store.store_articles`): on a DuckLake the block is
    taken inside the caller's open transaction instead, and the row is updated even when ``count`` is 0.
    Two such transactions that overlap then conflict at COMMIT, and the caller runs its whole batch again
    (with :func:`_retry_conflicts`): that is what serialises stores on a lake. A DuckDB file: ``max + 1``.
    """
    column = ID_COLUMNS[table]
    if backend(con) != "ducklake":
        return con.execute(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}").fetchone()[0]
    if in_transaction:
        return _take_ids(con, table, count)
    if count <= 0:
        return 0
    cursor = con.cursor()
    try:
        def take() -> int:
            cursor.execute("BEGIN TRANSACTION")
            try:
                first = _take_ids(cursor, table, count)
            except BaseException:
                rollback(cursor)
                raise
            cursor.execute("COMMIT")  # a conflict fails here, and the transaction is gone
            return first

        return _retry_conflicts(take, wait=wait, what=f"reserving {count} {column}s")
    finally:
        cursor.close()


def _take_ids(con: duckdb.DuckDBPyConnection, table: str, count: int) -> int:
    """In ``con``'s open transaction on a lake: ``id_counters``' next id for ``table``, moved on by ``count``."""
    row = con.execute(f"SELECT next_id FROM {LAKE_ALIAS}.id_counters WHERE name = ?", [table]).fetchone()
    if row is None:
        raise WarehouseError(f"id_counters has no row for {table}: the lake's schema is incomplete")
    con.execute(f"UPDATE {LAKE_ALIAS}.id_counters SET next_id = next_id + ? WHERE name = ?", [count, table])
    return row[0]


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """ROLLBACK, unless the transaction is gone already: a DuckLake COMMIT that lost a conflict has ended
    it, and its conflict error (which says to run the batch again) must not be hidden by ROLLBACK's."""
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException as exc:
        if "no transaction is active" not in str(exc):
            raise


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """All of the block or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        rollback(con)
        raise
    con.execute("COMMIT")


# How long a write on a DuckLake keeps running its transaction again after losing commit conflicts, in seconds.
WRITE_RETRY_SECONDS = 600.0


def retry_transaction(con: duckdb.DuckDBPyConnection, fn: Callable[[duckdb.DuckDBPyConnection], T], *, what: str,
                      retry_for: float = WRITE_RETRY_SECONDS) -> T:
    """``fn(con)`` in one transaction (:func:`transaction`), its result returned.

    On a DuckLake, a COMMIT that loses a conflict with another process's commit (an UPDATE or DELETE of a
    table another transaction wrote meanwhile, two updates of one ``id_counters`` row, ...) ends the
    transaction with nothing written. Then the whole of ``fn`` runs again in a new transaction, which
    reads what the winner committed, after a random pause doubling to 1 s (:func:`_retry_conflicts`), for
    up to ``retry_for`` seconds. So ``fn`` must read and write only through ``con`` and keep what it
    returns to itself (build results afresh on each call: a retry must not add to a caller's report
    twice). On a DuckDB file the writer's lock leaves nothing to conflict with: ``fn`` runs once.
    Every write of the warehouse goes through here (or :func:`write`), the store batches included.
    """
    def attempt() -> T:
        with transaction(con):
            return fn(con)

    if backend(con) != "ducklake":
        return attempt()
    return _retry_conflicts(attempt, wait=retry_for, what=what)


def write(db: str | os.PathLike[str], fn: Callable[[duckdb.DuckDBPyConnection], T], *, what: str,
          retry_for: float = WRITE_RETRY_SECONDS) -> T:
    """:func:`retry_transaction` on a writer connection to ``db`` (:func:`connect`)."""
    with connect(db) as con:
        return retry_transaction(con, fn, what=what, retry_for=retry_for)


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
