"""The current state of every claim, kept in ``claim_state`` beside the history it is computed from.

``claim_status_events`` stays the truth: append-only, never updated. ``claim_state`` holds, for every
claim (each appearance of a repeated claim too), what the history says now — status, confidence, who
decided, review flags, evidence count of the latest check, last check, and its article's title — so
that ``claims_current`` is a join of two tables and its queries stay fast as the warehouse grows,
instead of ranking the whole history on every query. One SQL text computes it (``queries/claim_state.sql``), for:

- the claims a store batch adds (``add_claims``), in the batch's transaction;
- every appearance of the canonical claims a batch of status changes touched (``refresh``), in the
  transaction that appends their events, checks and evidence;
- every claim (``rebuild``): migration 6 fills the table with it, and a test compares the maintained
  table with a rebuild after a history of ingests, verdicts and reviews.

On a DuckLake ``claim_state`` is a view of the same query over every claim (``warehouse/migrations.py``):
many writers would race to replace the same rows, and DuckLake has no INSERT OR REPLACE. There the three
calls below do nothing; a query pays for computing the state of the claims it reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from warehouse.db import backend

__all__ = ["STATE_COLUMNS", "add_claims", "rebuild", "refresh", "state_query"]

_QUERY = (Path(__file__).resolve().parent / "queries" / "claim_state.sql").read_text(encoding="utf-8")

STATE_COLUMNS = (
    "claim_id", "canonical_id", "article_title", "status", "confidence", "status_actor", "status_at", "reviewed", "machine_status",
    "machine_confidence", "needs_rereview", "rereview_reason", "evidence_count", "last_checked_at",
)

# Which claims a computation covers, as (claim_id, canonical_id, article_title); our own constant SQL,
# parameters bound. A refresh takes the titles from the rows it replaces: articles never change.
_ALL = ("SELECT c.claim_id, coalesce(l.canonical_id, c.claim_id) AS canonical_id, a.title AS article_title "
        "FROM claims AS c JOIN articles AS a USING (article_id) LEFT JOIN claim_links AS l USING (claim_id)")
_NEW = _ALL + " WHERE c.claim_id >= ?"
_OF_CANONICAL = ("SELECT claim_id, canonical_id, article_title FROM claim_state "
                 "WHERE canonical_id IN (SELECT unnest(?::BIGINT[]))")

TABLE = """
CREATE TABLE IF NOT EXISTS claim_state (
    claim_id            BIGINT PRIMARY KEY REFERENCES claims (claim_id),
    canonical_id        BIGINT NOT NULL,    -- the claim whose history it shares (itself when not a repeat)
    article_title       VARCHAR,            -- its article's title (articles never change)
    status              VARCHAR NOT NULL,   -- the latest reviewer decision's, else the latest machine verdict's
    confidence          DOUBLE,
    status_actor        VARCHAR NOT NULL,   -- 'pipeline' or the reviewer
    status_at           TIMESTAMP,          -- when that event was recorded
    reviewed            BOOLEAN NOT NULL,   -- a reviewer has decided
    machine_status      VARCHAR,            -- the latest machine verdict
    machine_confidence  DOUBLE,
    needs_rereview      BOOLEAN NOT NULL,   -- a machine verdict after the reviewer's disagrees with it
    rereview_reason     VARCHAR,
    evidence_count      BIGINT NOT NULL,    -- evidence rows of the latest check
    last_checked_at     TIMESTAMP           -- the latest check (claim_checks)
);
COMMENT ON TABLE claim_state IS 'Current state of every claim, computed from claim_status_events, claim_checks and evidence in the transaction that writes them (warehouse/state.py); the history stays the truth';
"""


def state_query(appearances: str = _ALL) -> str:
    """The SELECT that computes state rows for the claims ``appearances`` lists (all claims by default)."""
    return _QUERY.replace("{appearances}", appearances)


def _write(con: duckdb.DuckDBPyConnection, appearances: str, params: list) -> None:
    if backend(con) == "ducklake":
        return  # claim_state is a view there: nothing to keep
    columns = ", ".join(STATE_COLUMNS)
    con.execute(f"INSERT OR REPLACE INTO claim_state ({columns}) {state_query(appearances)}", params)


def add_claims(con: duckdb.DuckDBPyConnection, first_claim: int) -> None:
    """State rows for the claims numbered from ``first_claim`` on, just stored and linked (a repeat takes
    its canonical claim's state)."""
    _write(con, _NEW, [first_claim])


def refresh(con: duckdb.DuckDBPyConnection, canonical_ids: Sequence[int]) -> None:
    """Recompute every appearance of these canonical claims, after their events, checks or evidence changed."""
    if canonical_ids:
        _write(con, _OF_CANONICAL, [sorted(set(canonical_ids))])


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every claim's state from the history (the table is derived; this is its definition)."""
    _write(con, _ALL, [])
