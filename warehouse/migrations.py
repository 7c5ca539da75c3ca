"""Numbered schema migrations, recorded in ``schema_migrations`` and each run in a transaction.

``schema.sql`` is migration 1. A later change to the schema is a new function appended with
``@migration`` (``m002_...``): never edit one that has shipped. Views are plain ``.sql`` files
under ``views/``, re-created after migrating so they always match the code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from warehouse.db import utcnow

__all__ = ["MIGRATIONS", "migrate"]

HERE = Path(__file__).resolve().parent
MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = []
migration = MIGRATIONS.append


@migration
def m001_initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute((HERE / "schema.sql").read_text(encoding="utf-8"))


def _views() -> list[Path]:
    return sorted((HERE / "views").glob("*.sql"))


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the schema up to date and re-create the views; a few milliseconds when current."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    pending = [(n, fn) for n, fn in enumerate(MIGRATIONS, start=1) if n not in done]
    con.execute("BEGIN TRANSACTION")
    try:
        for version, fn in pending:
            fn(con)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, fn.__name__, utcnow()]
            )
        for view in _views():
            con.execute(view.read_text(encoding="utf-8"))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise

