"""Read side of the review dashboard and the exports: what the Prefect artifacts and `claimtrack export` show.

Every query is a named ``.sql`` file under ``warehouse/queries/``; this module only binds parameters
and shapes the rows. The one writer here is ``export_parquet``, which writes files, never the database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from warehouse.db import DEFAULT_DB, DatabaseMissing, WarehouseError, connect, exists
from warehouse.read import Table, query

__all__ = [
    "DashboardData",
    "EXPORT_TABLES",
    "article_claims",
    "claimreview_rows",
    "dashboard_data",
    "export_parquet",
    "known_sources",
    "review_batch",
]

# Tables written by `claimtrack export parquet`, in schema order (views are derived, not exported).
EXPORT_TABLES = (
    "articles", "claims", "quantities", "dates", "quotes", "sources", "source_fetches", "source_snapshots",
    "passages", "evidence", "claim_links", "claim_checks", "claim_status_events",
)


@dataclass(frozen=True, slots=True)
class DashboardData:
    status_counts: Table
    articles: Table
    changes: Table  # status events since the previous dashboard
    new_articles: int
    new_claims: int
    top_unverified: Table
    failed_sources: Table


def dashboard_data(
    db: str | os.PathLike[str] = DEFAULT_DB,
    *,
    since: datetime | None = None,
    top: int = 10,
    max_articles: int = 200,
    max_changes: int = 50,
) -> DashboardData:
    """Everything the `claims-dashboard` artifact shows; ``since`` (naive UTC) bounds 'what changed'."""
    new = query(db, "dashboard_new_articles", {"since": since}).rows[0]
    return DashboardData(
        status_counts=query(db, "dashboard_status_counts"),
        articles=query(db, "dashboard_articles", {"limit": max_articles}),
        changes=query(db, "dashboard_changes", {"since": since, "limit": max_changes}),
        new_articles=int(new[0]),
        new_claims=int(new[1]),
        top_unverified=query(db, "dashboard_top_unverified", {"limit": top}),
        failed_sources=query(db, "dashboard_failed_sources"),
    )


def review_batch(db: str | os.PathLike[str] = DEFAULT_DB, *, limit: int = 10, article: str | None = None) -> Table:
    """The next claims for a reviewer, most check-worthy and least certain first."""
    if limit < 1:
        raise WarehouseError("a review batch needs at least 1 claim")
    return query(db, "review_batch", {"limit": limit, "article": article})


def article_claims(db: str | os.PathLike[str], article_id: str) -> Table:
    return query(db, "article_claims", {"article": article_id})


def known_sources(db: str | os.PathLike[str]) -> set[str]:
    """Every path or URL an article was stored from (an empty set before the first ingest)."""
    if not exists(db):
        return set()
    try:
        return {row[0] for row in query(db, "article_sources").rows}
    except DatabaseMissing:  # a DuckLake not made yet
        return set()


def claimreview_rows(db: str | os.PathLike[str] = DEFAULT_DB) -> list[dict]:
    """Reviewed claims with their latest human decision and appearances, one dict per canonical claim."""
    table = query(db, "claimreview_export")
    return [dict(zip(table.columns, row)) for row in table.rows]


def export_parquet(db: str | os.PathLike[str], directory: str | os.PathLike[str]) -> list[Path]:
    """Write each warehouse table to ``<directory>/<table>.parquet``; returns the files written."""
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(f"{out}: cannot create the folder: {exc.strerror or exc}") from None
    if not out.is_dir():
        raise WarehouseError(f"{out}: not a folder")
    written: list[Path] = []
    with connect(db, read_only=True) as con:
        present = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        for table in EXPORT_TABLES:
            if table not in present:
                continue
            target = (out / f"{table}.parquet").resolve()
            literal = str(target).replace("'", "''")  # COPY takes no bound path; the name is ours, quoted
            try:
                con.execute(f'COPY (SELECT * FROM "{table}") TO \'{literal}\' (FORMAT parquet)')
            except Exception as exc:  # duckdb.IOException and friends: one line for the user
                raise WarehouseError(f"{target}: cannot write: {str(exc).splitlines()[0]}") from None
            written.append(target)
    return written
