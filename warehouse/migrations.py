"""Numbered schema migrations, recorded in ``schema_migrations`` and each run in a transaction.

``schema.sql`` is migration 1. A later change to the schema is a new function appended with
``@migration`` (``m002_...``): never edit one that has shipped. Views are plain ``.sql`` files
under ``views/``, re-created after migrating so they always match the code.

A DuckLake runs the same migrations, recorded in its own ``schema_migrations``, with three differences
(``backend(con) == "ducklake"``): DDL goes through :func:`warehouse.lake.strip_constraints` (DuckLake has
no keys or indexes), ``claim_state`` is a view over :func:`warehouse.state.state_query` (created with
the other views) instead of a table kept up to date, and migration 7 (which only drops keys) has nothing
to do. Migration 8 adds ``id_counters``, where a DuckLake's writers reserve their ids.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import duckdb

from warehouse.db import ID_COLUMNS, backend, rollback, utcnow
from warehouse.lake import strip_constraints

__all__ = ["MIGRATIONS", "migrate"]

HERE = Path(__file__).resolve().parent
log = logging.getLogger("claimtrack.warehouse")
MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = []
migration = MIGRATIONS.append


def _lake(con: duckdb.DuckDBPyConnection) -> bool:
    return backend(con) == "ducklake"


def _ddl(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Run our DDL: as written on a DuckDB file, without its keys on a DuckLake."""
    con.execute(strip_constraints(sql) if _lake(con) else sql)


def _schema() -> str:
    return (HERE / "schema.sql").read_text(encoding="utf-8")


@migration
def m001_initial(con: duckdb.DuckDBPyConnection) -> None:
    _ddl(con, _schema())


@migration
def m002_catch_up_first_release(con: duckdb.DuckDBPyConnection) -> None:
    """A file made by the first release lacks what ``schema.sql`` gained before migrations were the
    rule (session 1 edited it after migration 1 had shipped): the tables for sources' fetches,
    snapshots and passages, claim links and checks, and two evidence columns. Create what is missing;
    on a file made by today's ``schema.sql`` this changes nothing."""
    _ddl(con, _schema())  # CREATE TABLE IF NOT EXISTS: the missing ones
    con.execute("ALTER TABLE evidence ADD COLUMN IF NOT EXISTS passage_id BIGINT")
    con.execute("ALTER TABLE evidence ADD COLUMN IF NOT EXISTS found_at TIMESTAMP")
    # Every claim links to its canonical claim, a canonical one to itself.
    con.execute("INSERT INTO claim_links SELECT c.claim_id, c.claim_id, 'self', now() FROM claims AS c "
                "WHERE c.claim_id NOT IN (SELECT claim_id FROM claim_links)")


_M003 = """
-- Tables of each source snapshot, as the page shows them: the verifier checks a claim against a
-- cell by its row and column. Each row is also a passage (kind table_row) of the snapshot.
CREATE TABLE IF NOT EXISTS source_tables (
    content_hash      VARCHAR NOT NULL,     -- the snapshot (source_snapshots.content_hash)
    table_no          INTEGER NOT NULL,     -- 0-based position of the table in the snapshot
    caption           VARCHAR,              -- <caption>, else the heading above the table; a CSV's file name
    header            VARCHAR[] NOT NULL,   -- one name per column (several header rows joined)
    rows              VARCHAR[][] NOT NULL, -- body rows as shown, each with len(header) cells
    notes             VARCHAR[],            -- footnote rows set apart from the body
    passage_ordinals  INTEGER[] NOT NULL,   -- per row, passages.ordinal of its table_row passage
    PRIMARY KEY (content_hash, table_no)
);
ALTER TABLE evidence ADD COLUMN IF NOT EXISTS explanation VARCHAR;
COMMENT ON TABLE source_tables IS 'Tables of each source snapshot: header, rows, and the passage of every row';
COMMENT ON TABLE evidence IS 'What decided a claim at each check: the deciding passages (or, when nothing decided, the related passages shown)';
COMMENT ON COLUMN evidence.passage_id IS 'the deciding passage (a table row is a passage too); NULL for ad-hoc checks';
COMMENT ON COLUMN evidence.score IS '1.0 for evidence that decided (part of) the claim, 0.0 for a related passage shown when nothing decided; rows stored before migration 3 hold the BM25 retrieval score with boosts';
COMMENT ON COLUMN evidence.stance IS 'supports | refutes | neutral';
COMMENT ON COLUMN evidence.explanation IS 'the comparison that decided it, e.g. claim ''about 3.1 million people'' vs ''Population (thousands, 2021)'' = 3,107 (3.11 million) for Wales; NULL for rows stored before migration 3';
COMMENT ON COLUMN evidence.found_at IS 'when the check ran: the evidence rows of one check share it';
"""


@migration
def m003_source_tables_and_explanations(con: duckdb.DuckDBPyConnection) -> None:
    """``source_tables`` (a snapshot's tables, each row pointing at its passage) and
    ``evidence.explanation``; ``evidence.score`` is 1.0 for deciding evidence, 0.0 for a shown
    neutral passage (no retrieval score any more). Comments on the columns say so."""
    _ddl(con, _M003)


@migration
def m004_removed_sources(con: duckdb.DuckDBPyConnection) -> None:
    """``sources.removed_at``: ``claimtrack source remove`` marks a source removed instead of deleting
    it, because its fetches, snapshots, passages and evidence rows point at it (and the status events
    citing that evidence are the claims' history). A removed source is never fetched or used again."""
    con.execute("ALTER TABLE sources ADD COLUMN IF NOT EXISTS removed_at TIMESTAMP")
    con.execute("COMMENT ON COLUMN sources.removed_at IS 'when `claimtrack source remove` removed it (never fetched "
                "or used since; its evidence rows stay as history); NULL while it is in use'")


@migration
def m005_snapshot_article_keys(con: duckdb.DuckDBPyConnection) -> None:
    """``source_snapshots.article_key``: the article id ingest would give the snapshot's page, so that
    verify can tell a source that is the article itself (the same text at another address) and skip it.
    NULL for a table, and for a snapshot stored before this migration until its page is fetched whole again."""
    con.execute("ALTER TABLE source_snapshots ADD COLUMN IF NOT EXISTS article_key VARCHAR")
    con.execute("COMMENT ON COLUMN source_snapshots.article_key IS 'the article id (hash of the text as ingest reads "
                "it) this page would have as an article: a source whose key is the claim''s article id is the article "
                "itself and is not used'")


@migration
def m006_claim_state(con: duckdb.DuckDBPyConnection) -> None:
    """``claim_state``: every claim's current state, kept in the transaction that appends its history, so
    that ``claims_current`` no longer ranks the whole event log on each query (issue 15). Filled here
    from the history of the file. A DuckLake has the view ``claim_state`` instead (made with the other views):
    many writers would race to replace the same rows, and DuckLake has no INSERT OR REPLACE."""
    from warehouse import state

    if _lake(con):
        return
    con.execute(state.TABLE)
    state.rebuild(con)


def _views() -> list[Path]:
    return sorted((HERE / "views").glob("*.sql"))


@migration
def m007_articles_without_a_string_index(con: duckdb.DuckDBPyConnection) -> None:
    """``articles.article_id`` without its PRIMARY KEY, and ``claims.article_id`` without its FOREIGN KEY.

    DuckDB 1.5 writes an index out whole at every checkpoint (duckdb/duckdb#24848), and an index of
    strings costs far more than one of integers: with the key on 66,000 article ids every store batch's
    checkpoint took 0.2 s more than at 2,000. Ingest already keeps article ids unique (it looks them up
    inside the writer's lock before storing), so the key only cost. DuckDB cannot drop a key, so the two
    tables are rebuilt with their rows, and so is every table whose key points at ``claims`` (DuckDB will
    not drop a table others point at); their columns, rows, keys and comments stay as they were.
    A DuckLake has no keys to drop."""
    if _lake(con):
        return
    ddl = dict(con.execute("SELECT table_name, sql FROM duckdb_tables() WHERE schema_name = 'main'").fetchall())
    changed = {
        "articles": ddl["articles"].replace("article_id VARCHAR PRIMARY KEY", "article_id VARCHAR NOT NULL"),
        "claims": ddl["claims"].replace(", FOREIGN KEY (article_id) REFERENCES articles(article_id)", ""),
    }
    if changed["articles"] == ddl["articles"] or changed["claims"] == ddl["claims"]:
        raise RuntimeError("migration 7: the articles and claims tables are not as migration 6 left them")
    rebuilt = ["articles", "claims", *sorted(t for t, sql in ddl.items() if "REFERENCES claims(" in sql)]
    table_comments = con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' "
                                 "AND comment IS NOT NULL AND list_contains(?, table_name)", [rebuilt]).fetchall()
    column_comments = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() WHERE "
                                  "schema_name = 'main' AND comment IS NOT NULL AND list_contains(?, table_name)",
                                  [rebuilt]).fetchall()
    for table in rebuilt:
        con.execute(f'CREATE TEMP TABLE "m007_{table}" AS SELECT * FROM main."{table}"')
    for table in reversed(rebuilt):
        con.execute(f'DROP TABLE main."{table}"')
    for table in rebuilt:
        con.execute(changed.get(table, ddl[table]))
        con.execute(f'INSERT INTO main."{table}" SELECT * FROM "m007_{table}"')
        con.execute(f'DROP TABLE "m007_{table}"')
    for table, comment in table_comments:
        con.execute(f'COMMENT ON TABLE main."{table}" IS ' + _literal(comment))
    for table, column, comment in column_comments:
        con.execute(f'COMMENT ON COLUMN main."{table}"."{column}" IS ' + _literal(comment))


@migration
def m008_id_counters(con: duckdb.DuckDBPyConnection) -> None:
    """``id_counters``: the next free id of each table with integer ids, for a DuckLake's writers
    (:func:`warehouse.db.reserve_ids`), seeded from the ids stored. A DuckDB file has one writer at a
    time and keeps taking ``max(id) + 1``: nothing to add there."""
    if not _lake(con):
        return
    con.execute("CREATE TABLE IF NOT EXISTS id_counters (name VARCHAR NOT NULL, next_id BIGINT NOT NULL)")
    con.execute("COMMENT ON TABLE id_counters IS 'the next free id of each table, reserved a block per batch by "
                "warehouse.db.reserve_ids (DuckLake refuses the second of two racing updates, which retries)'")
    for table, column in ID_COLUMNS.items():  # our own constant names
        con.execute(f"INSERT INTO id_counters SELECT '{table}', coalesce(max({column}), 0) + 1 FROM {table}")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _view_texts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(name, CREATE VIEW text) of every view, in order; on a DuckLake ``claim_state`` first, the view the
    table is on a DuckDB file (``claims_current`` reads it)."""
    texts = [(view.stem, view.read_text(encoding="utf-8")) for view in _views()]
    if _lake(con):
        from warehouse import state

        texts.insert(0, ("claim_state", "-- claim_state: every claim's current state, computed from the history "
                         "(warehouse/state.py)\nCREATE OR REPLACE VIEW claim_state AS\n" + state.state_query()))
    return texts


def _create_views(con: duckdb.DuckDBPyConnection) -> None:
    """(Re-)create each view whose file changed since it was created: the view's comment holds the hash of
    its file. Re-creating them on every open would dirty the catalog, and a checkpoint of a dirty catalog
    costs more the larger the warehouse (0.15 s more per write at 1M claims); on a DuckLake it would commit a
    snapshot per connection."""
    comments = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal "
                                "AND database_name = current_database()").fetchall())
    for name, text in _view_texts(con):
        digest = "source sha256 " + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        if comments.get(name) != digest:
            con.execute(text)
            con.execute(f"COMMENT ON VIEW {name} IS '{digest}'")  # our file name and a hex digest


def _claims_in(con: duckdb.DuckDBPyConnection) -> int:
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'claims' "
                       "AND database_name = current_database()").fetchone()[0]:
        return 0
    return con.execute("SELECT count(*) FROM claims").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the schema up to date and re-create the views that changed; a few milliseconds when current."""
    _ddl(con, "CREATE TABLE IF NOT EXISTS schema_migrations "
         "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)")
    con.execute("BEGIN TRANSACTION")
    try:
        # Read inside the transaction: on a DuckLake another writer may have migrated since this one
        # looked, and a list read before BEGIN would run (and record) every migration a second time.
        done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
        pending = [(n, fn) for n, fn in enumerate(MIGRATIONS, start=1) if n not in done]
        if done and pending and _claims_in(con) >= 100_000:  # a large file from an earlier release: say why
            log.warning("updating the warehouse to schema version %d (%s); this runs once, about 15 s per "
                        "million claims", pending[-1][0], ", ".join(fn.__name__ for _, fn in pending))
        for version, fn in pending:
            fn(con)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, fn.__name__, utcnow()]
            )
        _create_views(con)
        con.execute("COMMIT")
    except BaseException:
        rollback(con)
        raise

