"""Read queries over the warehouse, each on a short-lived read-only connection.

Every query comes as a :class:`Table` (all rows) or, for output of any size, as a :class:`RowStream`
(``stream_claims``, ``stream_readonly_sql``): the rows in batches of ``STREAM_BATCH`` fetched while the
connection is open, so that printing a million claims as CSV holds one batch in memory, not all of them.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import DEFAULT_DB, QueryError, ReadOnlyViolation, _first_line, backend, connect
from warehouse.lake import LAKE_ALIAS

__all__ = ["RowStream", "Table", "claims_table", "query", "run_readonly_sql", "stream_claims", "stream_readonly_sql"]

QUERIES = Path(__file__).resolve().parent / "queries"
DEFAULT_SQL_TIMEOUT = 30.0  # seconds a user's query may hold the file (every writer waits for readers)
STREAM_BATCH = 10_000  # rows fetched at a time by a RowStream
CLAIMS_CHUNK = 50_000  # claim ids listed per query by stream_claims
READ_MEMORY = "256MB"  # DuckDB's memory limit while streaming claims (its cache of the file's blocks included)

# Statement types a read-only query may contain; everything else is refused before it runs.
_READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class RowStream:
    """A query's columns and its rows in batches, readable while its ``with`` block lasts."""

    columns: tuple[str, ...]
    batches: Iterator[list[tuple[Any, ...]]]


def _batches(cursor: duckdb.DuckDBPyConnection, size: int) -> Iterator[list[tuple[Any, ...]]]:
    while rows := cursor.fetchmany(size):
        yield rows


def _named_query(name: str) -> str:
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def query(db: str | os.PathLike[str], name: str, params: dict[str, Any] | None = None) -> Table:
    """Run the named query from ``warehouse/queries/<name>.sql`` with bound parameters."""
    with connect(db, read_only=True) as con:
        cursor = con.execute(_named_query(name), params or {})
        return Table(tuple(d[0] for d in cursor.description), cursor.fetchall())


def _claims_sql(records: bool) -> str:
    table_sql = _named_query("claims_table")
    if not records:
        return table_sql
    # claims_records.sql wraps claims_table.sql: both list the same claims in the same order.
    return _named_query("claims_records") + table_sql.strip().rstrip(";") + "\n) AS t\nORDER BY t.claim_id"


def claims_table(
    db: str | os.PathLike[str] = DEFAULT_DB, *, status: str | None = None, article: str | None = None,
    records: bool = False,
) -> Table:
    """The claims with their elements, as ``claimtrack claims`` prints them.

    ``records`` gives ``quantities`` and ``dates`` as lists of dicts (for JSON) instead of joined text.
    """
    with stream_claims(db, status=status, article=article, records=records) as stream:
        return Table(stream.columns, [row for batch in stream.batches for row in batch])


@contextlib.contextmanager
def stream_claims(
    db: str | os.PathLike[str] = DEFAULT_DB, *, status: str | None = None, article: str | None = None,
    records: bool = False, batch: int = STREAM_BATCH, chunk: int = CLAIMS_CHUNK,
) -> Iterator[RowStream]:
    """:func:`claims_table` as a :class:`RowStream` (constant memory, however many claims).

    One query over every claim would sort all of them at once; instead the claims are read ``chunk``
    claim ids at a time, each range a small sorted query that reads only its slice of each table (rows
    are stored in claim id order), which gives the same rows in the same order with one chunk in memory."""
    with connect(db, read_only=True, private=True) as con:  # private: a setting of its own
        con.execute(f"SET memory_limit = '{READ_MEMORY}'")  # our constant: cached blocks are evicted, not kept
        sql = _claims_sql(records)
        params = {"status": status, "article": article}
        low, high = con.execute("SELECT min(claim_id), max(claim_id) FROM claims").fetchone()
        starts = list(range(low, high + 1, chunk)) if low is not None and article is None else [None]
        ranges = [(start, start + chunk if start is not None else None) for start in starts]
        first = con.execute(sql, {**params, "from": ranges[0][0], "to": ranges[0][1]})
        columns = tuple(d[0] for d in first.description)

        def chunks() -> Iterator[list[tuple[Any, ...]]]:
            yield from _batches(first, batch)
            for start, end in ranges[1:]:
                yield from _batches(con.execute(sql, {**params, "from": start, "to": end}), batch)

        yield RowStream(columns, chunks())


def run_readonly_sql(db: str | os.PathLike[str], sql: str, timeout: float | None = DEFAULT_SQL_TIMEOUT) -> Table:
    """Run a user's SELECT on a read-only connection with no access to other files.

    Anything that would write (INSERT, UPDATE, CREATE, COPY, ATTACH, SET, ...) is refused. A query
    still running after ``timeout`` seconds is interrupted (a reader holds the file, and every writer
    waits for it); None runs it to the end.
    """
    with stream_readonly_sql(db, sql, timeout) as stream:
        return Table(stream.columns, [row for batch in stream.batches for row in batch])


@contextlib.contextmanager
def stream_readonly_sql(
    db: str | os.PathLike[str], sql: str, timeout: float | None = DEFAULT_SQL_TIMEOUT, batch: int = STREAM_BATCH,
) -> Iterator[RowStream]:
    """:func:`run_readonly_sql` as a :class:`RowStream`; the timeout covers reading every batch."""
    with connect(db, read_only=True, private=True) as con:  # private: _lock_down's settings are for it alone
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(_first_line(exc)) from None
        if not statements:
            raise QueryError("no SQL statement given")
        for statement in statements:
            if statement.type not in _READ_STATEMENTS:
                raise ReadOnlyViolation(
                    f"only SELECT queries are allowed here, not {statement.type.name}"
                )
        _lock_down(con)
        timer = threading.Timer(timeout, con.interrupt) if timeout else None
        if timer:
            timer.daemon = True
            timer.start()

        def checked(batches: Iterator[list[tuple[Any, ...]]]) -> Iterator[list[tuple[Any, ...]]]:
            with _query_errors(timeout):
                yield from batches

        try:
            with _query_errors(timeout):
                for statement in statements[:-1]:
                    con.execute(statement)
                cursor = con.execute(statements[-1])
            yield RowStream(tuple(d[0] for d in cursor.description), checked(_batches(cursor, batch)))
        finally:
            if timer:
                timer.cancel()


def _lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """No file outside the warehouse for a user's query. A DuckLake's rows are Parquet files under its
    data path, so that one directory stays readable (``allowed_directories`` must be set before
    external access is turned off); its catalog is attached read-only, in read-only PostgreSQL transactions."""
    if backend(con) == "ducklake":
        (data_path,) = con.execute(f"SELECT value FROM ducklake_options('{LAKE_ALIAS}') WHERE option_name = 'data_path'"
                                   ).fetchone()
        con.execute("SET allowed_directories = ?", [[data_path]])
    con.execute("SET enable_external_access = false")


@contextlib.contextmanager
def _query_errors(timeout: float | None) -> Iterator[None]:
    """DuckDB's errors while a user's query runs, as one-line QueryErrors."""
    try:
        yield
    except duckdb.InterruptException:
        raise QueryError(f"the query was stopped after {timeout:g} s, so that writers are not kept waiting "
                         "(--timeout SECONDS to allow longer)") from None
    except duckdb.Error as exc:
        raise QueryError(_first_line(exc)) from None
