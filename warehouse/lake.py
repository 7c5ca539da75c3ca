"""DuckLake: the warehouse shared by many processes and machines (issue 16).

A warehouse is named by one string, the ``--db`` option or ``CLAIMTRACK_DB``:

- a DuckDB file path (the default, ``data/claims.duckdb``): one machine, one writer at a time;
- a DuckLake URL, ``ducklake:postgres:<libpq connection string>[;data=<directory>]``, e.g.
  ``ducklake:postgres:dbname=ct host=127.0.0.1 port=5433 user=ct;data=/srv/lake``: the catalog in
  PostgreSQL, the rows in Parquet files under the data path. ``data=`` is needed only by the process
  that creates the lake; DuckLake keeps the path in its catalog, so workers may leave it out.

One string, not a URL plus a ``--data-path`` option, so that ``CLAIMTRACK_DB`` and a Prefect deployment's
``db`` parameter carry the whole warehouse. The separator is ``;data=`` at the end (a libpq string
separates its pairs with spaces and has no ``data`` key).

Both backends run the same SQL where DuckLake allows it. DuckLake has no PRIMARY KEY, FOREIGN KEY,
UNIQUE or index, so its tables are created from the same DDL by :func:`strip_constraints` (one
source of truth instead of a second schema file to keep in step; NOT NULL stays, DuckLake enforces
it). Ids come from :func:`warehouse.db.reserve_ids` (a block per batch from ``id_counters``, see there),
and ``claim_state`` is a view over :func:`warehouse.state.state_query` instead of a maintained table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LAKE_ALIAS", "LakeTarget", "is_lake", "parse_lake", "shown", "strip_constraints"]

PREFIX = "ducklake:"
LAKE_ALIAS = "lake"  # the name the lake is attached as (``USE lake``), so queries name tables as before
_DATA = ";data="


@dataclass(frozen=True, slots=True)
class LakeTarget:
    catalog: str  # what DuckDB's ATTACH takes after 'ducklake:', e.g. 'postgres:dbname=ct host=...'
    data_path: str | None  # where the Parquet files go; None: the path the catalog already records

    @property
    def attach_path(self) -> str:
        return PREFIX + self.catalog


def is_lake(db: object) -> bool:
    """True for a DuckLake URL, False for anything else (a DuckDB file path)."""
    return isinstance(db, str) and db.strip().startswith(PREFIX)


def parse_lake(db: str) -> LakeTarget:
    """The parts of a DuckLake URL; ValueError with the reason when it is not one we can open."""
    text = db.strip()
    if not text.startswith(PREFIX):
        raise ValueError(f"not a DuckLake URL (it starts with {PREFIX!r}): {shown(db)}")
    body, sep, data = text[len(PREFIX):].rpartition(_DATA)
    if not sep:
        body, data = text[len(PREFIX):], ""
    if not body.startswith("postgres:"):
        raise ValueError("a DuckLake catalog here is PostgreSQL: ducklake:postgres:dbname=... host=... user=...;data=DIR "
                         "(a SQLite or DuckDB catalog takes one writer at a time, which a DuckDB file already does)")
    if not body[len("postgres:"):].strip():
        raise ValueError("the DuckLake URL names no PostgreSQL database: ducklake:postgres:dbname=... host=... user=...")
    if "'" in body or "'" in data:
        raise ValueError("a DuckLake URL may not contain a single quote")
    return LakeTarget(body.strip(), data.strip() or None)


def shown(db: object) -> str:
    """The warehouse as messages show it: a password in a DuckLake URL is masked."""
    return re.sub(r"(password\s*=\s*)(\S+)", r"\1***", str(db))


def _without_comments(sql: str) -> str:
    """``sql`` without its ``--`` comments (a ``--`` inside a quoted string stays)."""
    out, quoted, i = [], False, 0
    while i < len(sql):
        ch = sql[i]
        if ch == "'":
            quoted = not quoted  # '' inside a string toggles twice: still quoted
        elif not quoted and sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_IDENT = r'(?:"[^"]+"|\w+)'
_COLUMNS = r"\([^)]*\)"
_TABLE_CONSTRAINT = re.compile(
    rf",\s*(?:CONSTRAINT\s+{_IDENT}\s+)?(?:PRIMARY\s+KEY|UNIQUE|FOREIGN\s+KEY)\s*{_COLUMNS}"
    rf"(?:\s*REFERENCES\s+{_IDENT}(?:\.{_IDENT})?\s*(?:{_COLUMNS})?)?", re.IGNORECASE)
_INLINE_REFERENCES = re.compile(rf"\s+REFERENCES\s+{_IDENT}(?:\.{_IDENT})?\s*(?:{_COLUMNS})?", re.IGNORECASE)
_INLINE_KEY = re.compile(r"\s+(?:PRIMARY\s+KEY|UNIQUE)\b", re.IGNORECASE)
_INDEX = re.compile(r"CREATE\s+(?:UNIQUE\s+)?INDEX\b[^;]*;", re.IGNORECASE)


def strip_constraints(ddl: str) -> str:
    """Our DDL as DuckLake takes it: without PRIMARY KEY, UNIQUE, FOREIGN KEY / REFERENCES and CREATE INDEX.

    Columns, types, NOT NULL, defaults and the other statements (COMMENT ON, ALTER TABLE) stay as they
    are. Comments are dropped first, so that a table constraint after a commented column line is found.
    Meant for the project's own DDL (``schema.sql``, the migrations, ``state.TABLE``), which a test runs
    both ways and compares column by column; a PRIMARY KEY column keeps the NOT NULL the key implied.
    """
    sql = _without_comments(ddl)
    sql = _INDEX.sub("", sql)
    sql = _TABLE_CONSTRAINT.sub("", sql)
    sql = _INLINE_REFERENCES.sub("", sql)
    # A key implies NOT NULL: keep it, unless the column says NOT NULL already.
    sql = re.sub(r"\s+PRIMARY\s+KEY\b", " NOT NULL", sql, flags=re.IGNORECASE)
    sql = re.sub(r"NOT\s+NULL\s+NOT\s+NULL", "NOT NULL", sql, flags=re.IGNORECASE)
    sql = _INLINE_KEY.sub("", sql)
    return sql
