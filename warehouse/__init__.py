"""The warehouse: every SQL statement and the DuckDB connection of claimtrack live here."""

from warehouse.db import (
    DEFAULT_DB,
    DatabaseLocked,
    DatabaseMissing,
    QueryError,
    ReadOnlyViolation,
    WarehouseError,
    connect,
    load_extension,
)
from warehouse.read import Table, claims_table, run_readonly_sql
from warehouse.store import StoreResult, store_articles, stored_article_ids

__all__ = [
    "DEFAULT_DB",
    "DatabaseLocked",
    "DatabaseMissing",
    "QueryError",
    "ReadOnlyViolation",
    "StoreResult",
    "Table",
    "WarehouseError",
    "claims_table",
    "connect",
    "load_extension",
    "run_readonly_sql",
    "store_articles",
    "stored_article_ids",
]
