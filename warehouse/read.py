"""Read queries over the warehouse, each on a short-lived read-only connection."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse.db import DEFAULT_DB, QueryError, ReadOnlyViolation, connect, _first_line

__all__ = ["Table", "claims_table", "query", "run_readonly_sql"]

QUERIES = Path(__file__).resolve().parent / "queries"
DEFAULT_SQL_TIMEOUT = 30.0  # seconds a user's query may hold the file (every writer waits for readers)

# Statement types a read-only query may contain; everything else is refused before it runs.
_READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def _named_query(name: str) -> str:
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def query(db: str | os.PathLike[str], name: str, params: dict[str, Any] | None = None) -> Table:
    """Run the named query from ``warehouse/queries/<name>.sql`` with bound parameters."""
    with connect(db, read_only=True) as con:
        cursor = con.execute(_named_query(name), params or {})
        return Table(tuple(d[0] for d in cursor.description), cursor.fetchall())


def claims_table(
    db: str | os.PathLike[str] = DEFAULT_DB, *, status: str | None = None, article: str | None = None,
    records: bool = False,
) -> Table:
    """The claims with their elements, as ``claimtrack claims`` prints them.

    ``records`` gives ``quantities`` and ``dates`` as lists of dicts (for JSON) instead of joined text:
    ``claims_records.sql`` wraps ``claims_table.sql``, so both list the same claims in the same order.
    """
    params = {"status": status, "article": article}
    if not records:
        return query(db, "claims_table", params)
    table_sql = _named_query("claims_table").strip().rstrip(";")
    sql = _named_query("claims_records") + table_sql + "\n) AS t\nORDER BY t.article_id, t.claim_id"
    with connect(db, read_only=True) as con:
        cursor = con.execute(sql, params)
        return Table(tuple(d[0] for d in cursor.description), cursor.fetchall())


def run_readonly_sql(db: str | os.PathLike[str], sql: str, timeout: float | None = DEFAULT_SQL_TIMEOUT) -> Table:
    """Run a user's SELECT on a read-only connection with no access to other files.

    Anything that would write (INSERT, UPDATE, CREATE, COPY, ATTACH, SET, ...) is refused. A query
    still running after ``timeout`` seconds is interrupted (a reader holds the file, and every writer
    waits for it); None runs it to the end.
    """
    with connect(db, read_only=True) as con:
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
        con.execute("SET enable_external_access = false")
        timer = threading.Timer(timeout, con.interrupt) if timeout else None
        if timer:
            timer.daemon = True
            timer.start()
        try:
            for statement in statements[:-1]:
                con.execute(statement)
            cursor = con.execute(statements[-1])
            return Table(tuple(d[0] for d in cursor.description), cursor.fetchall())
        except duckdb.InterruptException:
            raise QueryError(f"the query was stopped after {timeout:g} s, so that writers are not kept waiting "
                             "(--timeout SECONDS to allow longer)") from None
        except duckdb.Error as exc:
            raise QueryError(_first_line(exc)) from None
        finally:
            if timer:
                timer.cancel()
