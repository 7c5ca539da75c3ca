"""``claimtrack warehouse copy FROM TO``: a whole warehouse into a new one, losing nothing (issue 16).

FROM and TO are each a DuckDB file or a DuckLake URL, so this is the move from a file to a lake, and
back (lake → file), and file → file. What is copied:

- every table's rows with their ids, the history (``claim_status_events``, ``claim_checks``, evidence)
  included: all the base tables of the schema but the three below;
- ``schema_migrations``: TO gets FROM's rows (when each migration was applied), after TO was migrated
  to the same schema version; FROM must be at this release's version (a writer migrates it);
- ``claim_state`` is derived: rebuilt from the copied history on a file (``warehouse.state.rebuild``),
  a view on a lake (nothing to copy);
- ``id_counters`` (a lake's): set past the copied ids, so the next writer's ids continue after them.

TO must be empty (a new file, or a lake with no rows yet): anything else is refused with one line.
The copy is one transaction on TO: all of it or nothing. FROM is read in that same transaction,
attached read-only to TO's connection (a file under its shared advisory lock, so no writer changes it
meanwhile; a lake at one snapshot), so the copy is of one consistent state.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.db import (
    DEFAULT_WAIT_SECONDS,
    ID_COLUMNS,
    DatabaseMissing,
    WarehouseError,
    _advisory_lock,
    _literal,
    backend,
    connect,
    load_extension,
    retry_transaction,
)
from warehouse.lake import is_lake, parse_lake, shown

__all__ = ["CopyRefused", "CopyResult", "copy_warehouse"]

SOURCE = "copy_source"  # the name FROM is attached as, beside TO
# Not copied row by row: migrations are TO's own plus FROM's dates; the other two are derived on TO.
_SPECIAL = ("schema_migrations", "claim_state", "id_counters")


class CopyRefused(WarehouseError):
    """TO is not empty, or FROM and TO are the same warehouse, or FROM is not at this schema version."""


@dataclass(frozen=True, slots=True)
class CopyResult:
    rows: dict[str, int]  # table -> rows copied, in the order copied
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _same(a: str, b: str) -> bool:
    if is_lake(a) and is_lake(b):
        return " ".join(parse_lake(a).catalog.split()) == " ".join(parse_lake(b).catalog.split())
    if is_lake(a) or is_lake(b):
        return False
    return Path(a).resolve() == Path(b).resolve()


def _tables(con: duckdb.DuckDBPyConnection, database: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main' ORDER BY table_name",
        [database]).fetchall()]


def _columns(con: duckdb.DuckDBPyConnection, database: str, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main' "
        "AND table_name = ? ORDER BY column_index", [database, table]).fetchall()]


def _in_key_order(con: duckdb.DuckDBPyConnection, database: str, tables: list[str]) -> list[str]:
    """``tables`` with each after the tables its foreign keys point at (a file checks them on insert)."""
    refs: dict[str, set[str]] = {t: set() for t in tables}
    for table, referenced in con.execute(
            "SELECT table_name, referenced_table FROM duckdb_constraints() WHERE database_name = ? "
            "AND constraint_type = 'FOREIGN KEY'", [database]).fetchall():
        if table in refs and referenced in refs and referenced != table:
            refs[table].add(referenced)
    ordered: list[str] = []
    while refs:
        ready = sorted(t for t, needs in refs.items() if not needs - set(ordered))
        if not ready:  # a cycle: cannot happen with our schema
            raise WarehouseError(f"the foreign keys of {sorted(refs)} form a cycle")
        ordered += ready
        for t in ready:
            del refs[t]
    return ordered


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _attach_source(con: duckdb.DuckDBPyConnection, src: str) -> None:
    if is_lake(src):
        target = parse_lake(src)
        load_extension(con, "postgres-scanner")
        load_extension(con, "ducklake")
        try:
            con.execute(f"ATTACH {_literal(target.attach_path)} AS {SOURCE} (READ_ONLY)")
        except duckdb.Error as exc:
            if "does not exist" in str(exc) or "explicitly disabled" in str(exc):
                raise DatabaseMissing(f"{shown(src)}: no DuckLake here to copy from") from None
            raise WarehouseError(f"{shown(src)}: cannot attach the DuckLake: {' '.join(shown(exc).split())}") from None
    else:
        try:
            con.execute(f"ATTACH {_literal(str(Path(src).resolve()))} AS {SOURCE} (READ_ONLY)")
        except duckdb.Error as exc:
            raise WarehouseError(f"{src}: cannot open the database: {str(exc).strip().splitlines()[0]}") from None


def _check_version(con: duckdb.DuckDBPyConnection, src: str) -> None:
    from warehouse.migrations import MIGRATIONS

    if "schema_migrations" not in _tables(con, SOURCE):
        raise CopyRefused(f"{shown(src)} has no claimtrack schema (no schema_migrations table)")
    done = {r[0] for r in con.execute(f"SELECT version FROM {SOURCE}.main.schema_migrations").fetchall()}
    if done != set(range(1, len(MIGRATIONS) + 1)):
        raise CopyRefused(f"{shown(src)} is at schema version {max(done, default=0)}, this claimtrack at "
                          f"{len(MIGRATIONS)}: run any writing command on it first (e.g. `claimtrack ingest` "
                          "with the release that made it and then this one), then copy")


def _refuse_unless_empty(con: duckdb.DuckDBPyConnection, dst: str, database: str) -> None:
    held = []
    for table in _tables(con, database):
        if table in ("schema_migrations", "id_counters"):
            continue
        n = con.execute(f"SELECT count(*) FROM {database}.main.{_quoted(table)}").fetchone()[0]
        if n:
            held.append(f"{n:,} in {table}")
    if held:
        raise CopyRefused(f"{shown(dst)} is not empty ({', '.join(held[:3])}{', ...' if len(held) > 3 else ''}): "
                          "copy into a new warehouse (a new file, or a lake with no rows yet)")


def copy_warehouse(src: str, dst: str, *, progress: Callable[[str], None] | None = None,
                   wait: float = DEFAULT_WAIT_SECONDS) -> CopyResult:
    """Copy warehouse ``src`` into the new, empty warehouse ``dst`` in one transaction on ``dst``.

    ``progress`` gets a line before each table (and after the derived state) when given.
    Raises :class:`CopyRefused` (one line) when ``dst`` holds rows, when both name the same warehouse, or
    when ``src`` is not at this release's schema version; :class:`DatabaseMissing` when ``src`` is not there.
    """
    src, dst = str(src), str(dst)
    if _same(src, dst):
        raise CopyRefused(f"{shown(src)}: FROM and TO are the same warehouse")
    if not is_lake(src) and not Path(src).exists():
        raise DatabaseMissing(f"{src}: no database here to copy from")
    say = progress or (lambda line: None)
    began = time.monotonic()
    with connect(dst, wait=wait, private=True) as con:  # creates and migrates TO; private: FROM is attached to it
        database = con.execute("SELECT current_database()").fetchone()[0]
        lake = backend(con) == "ducklake"
        _refuse_unless_empty(con, dst, database)
        hold = (_advisory_lock(Path(src), exclusive=False, deadline=time.monotonic() + wait) if not is_lake(src)
                else contextlib.nullcontext())
        with hold:
            _attach_source(con, src)
            try:
                _check_version(con, src)
                rows = _copy(con, database, src, dst, lake, say)
            finally:
                con.execute(f"USE {database}")
                con.execute(f"DETACH {SOURCE}")
    return CopyResult(rows, time.monotonic() - began)


def _copy(con: duckdb.DuckDBPyConnection, database: str, src: str, dst: str, lake: bool,
          say: Callable[[str], None]) -> dict[str, int]:
    source_tables = set(_tables(con, SOURCE))
    tables = [t for t in _tables(con, database) if t not in _SPECIAL]
    missing = [t for t in tables if t not in source_tables]
    extra = sorted(source_tables - set(tables) - set(_SPECIAL))
    if missing or extra:
        raise CopyRefused(f"{shown(src)} and {shown(dst)} have different tables "
                          f"(missing in FROM: {missing or 'none'}; only in FROM: {extra or 'none'})")
    tables = _in_key_order(con, database, tables)
    counts = {t: con.execute(f"SELECT count(*) FROM {SOURCE}.main.{_quoted(t)}").fetchone()[0] for t in tables}
    def copy_rows(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
        """All of it in one transaction on TO; on a lake run again whole after a commit conflict."""
        _refuse_unless_empty(con, dst, database)  # again: a conflict means another writer reached TO
        copied: dict[str, int] = {}
        for n, table in enumerate(tables, start=1):
            columns = _columns(con, database, table)
            absent = set(columns) - set(_columns(con, SOURCE, table))
            if absent:
                raise CopyRefused(f"{shown(src)}: {table} lacks the columns {sorted(absent)}")
            names = ", ".join(_quoted(c) for c in columns)
            say(f"copying {table} ({n}/{len(tables)}): {counts[table]:,} rows")
            con.execute(f"INSERT INTO {database}.main.{_quoted(table)} ({names}) "
                        f"SELECT {names} FROM {SOURCE}.main.{_quoted(table)}")
            copied[table] = counts[table]
        # The migrations as FROM recorded them (when each was applied); TO ran the same ones just now.
        con.execute(f"DELETE FROM {database}.main.schema_migrations")
        con.execute(f"INSERT INTO {database}.main.schema_migrations (version, name, applied_at) "
                    f"SELECT version, name, applied_at FROM {SOURCE}.main.schema_migrations")
        if lake:
            from_counters = "id_counters" in source_tables
            for table, column in ID_COLUMNS.items():  # our own constant names
                floor = (f"(SELECT max(next_id) FROM {SOURCE}.main.id_counters WHERE name = '{table}')"
                         if from_counters else "NULL")
                con.execute(f"UPDATE {database}.main.id_counters SET next_id = greatest(next_id, "
                            f"(SELECT coalesce(max({column}), 0) + 1 FROM {database}.main.{table}), "
                            f"coalesce({floor}, 0)) WHERE name = '{table}'")
        else:
            from warehouse import state

            say("rebuilding claim_state from the copied history")
            state.rebuild(con)
        say(f"committing {sum(copied.values()):,} rows" + (" (the lake writes its Parquet files now)" if lake else ""))
        return copied

    return retry_transaction(con, copy_rows, what=f"copying into {shown(dst)}")
