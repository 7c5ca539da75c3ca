"""Status changes: the append-only ``claim_status_events`` history and its rules.

- The pipeline appends an event only when its verdict or confidence for a claim changes; every
  check is still logged in ``claim_checks`` (for staleness).
- A reviewer's decision is always appended and outranks the machine: ``claims_current`` shows
  the latest human status, and a later machine verdict that disagrees raises ``needs_rereview``.
- Events go to the canonical claim (``claim_links``), so a verdict covers every appearance.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb

from claims.model import STATUSES
from warehouse import state
from warehouse.db import DEFAULT_DB, WarehouseError, connect, reserve_ids, utcnow, write

__all__ = ["PIPELINE", "RESERVED_ACTORS", "StatusChange", "StatusResult", "claim_history", "record_status",
           "record_status_in", "reviewer_name"]

PIPELINE = "pipeline"
# Names no reviewer may take: the machine's, and others a reader would take for it.
RESERVED_ACTORS = frozenset({"pipeline", "machine", "system", "claimtrack", "automatic", "auto", "bot"})
CONFIDENCE_STEP = 0.01  # a confidence change smaller than this is not a change


@dataclass(frozen=True, slots=True)
class StatusChange:
    claim_id: int
    status: str
    confidence: float | None = None
    actor: str = PIPELINE  # 'pipeline' or the reviewer's name
    evidence_ids: tuple[int, ...] = ()
    note: str | None = None
    human: bool | None = None  # a reviewer's decision; None: a reviewer's when the actor is not the machine

    @property
    def by_reviewer(self) -> bool:
        return self.human if self.human is not None else self.actor != PIPELINE


def reviewer_name(name: str) -> str:
    """A reviewer's name as recorded: trimmed, one space between words; the machine's name and the other
    reserved ones are refused however they are written (" Pipeline ", "PIPE​LINE")."""
    cleaned = " ".join(str(name or "").split())
    if not cleaned:
        raise WarehouseError("a reviewer needs a name: give the name of the person deciding")
    folded = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", cleaned).casefold())
    if folded in RESERVED_ACTORS:
        raise WarehouseError(f"{cleaned!r} is reserved for the machine; give the reviewer's own name")
    return cleaned


@dataclass(frozen=True, slots=True)
class StatusResult:
    appended: tuple[int, ...] = ()  # claim ids that got a new event
    unchanged: tuple[int, ...] = ()  # machine re-checks that found the same verdict
    flagged: tuple[int, ...] = field(default=())  # machine verdicts that now disagree with a reviewer


def record_status(changes: Sequence[StatusChange], db: str | os.PathLike[str] = DEFAULT_DB) -> StatusResult:
    """Apply a batch of status changes in one transaction."""
    _validate(changes)
    return write(db, lambda con: record_status_in(con, changes), what=f"recording {len(changes)} status changes")


def record_status_in(con: duckdb.DuckDBPyConnection, changes: Sequence[StatusChange]) -> StatusResult:
    """``record_status`` inside the caller's transaction (the verification flow's batch)."""
    _validate(changes)
    ids = sorted({c.claim_id for c in changes})
    if not ids:
        return StatusResult()
    canonical = dict(
        con.execute(
            "SELECT claim_id, canonical_id FROM claim_state WHERE claim_id IN (SELECT unnest(?::BIGINT[]))",
            [ids],
        ).fetchall()
    )
    missing = [i for i in ids if i not in canonical]
    if missing:
        raise WarehouseError(f"no claim with id {missing[0]}")
    targets = sorted(set(canonical.values()))
    # The latest machine verdict and reviewer decision of each, as claim_state holds them.
    machine, human = {}, {}
    for claim_id, machine_status, machine_confidence, reviewed, status in con.execute(
        "SELECT claim_id, machine_status, machine_confidence, reviewed, status FROM claim_state "
        "WHERE claim_id IN (SELECT unnest(?::BIGINT[]))",
        [targets],
    ).fetchall():
        if machine_status is not None:
            machine[claim_id] = (machine_status, machine_confidence)
        if reviewed:
            human[claim_id] = status
    now = utcnow()
    appended, unchanged, flagged = [], [], []
    events, checks = [], []
    for change in changes:
        target = canonical[change.claim_id]
        if not change.by_reviewer:
            checks.append((target, change.status, change.confidence, now))
            previous = machine.get(target)
            if previous is not None and previous[0] == change.status and _same_confidence(previous[1], change.confidence):
                unchanged.append(change.claim_id)
                continue
            machine[target] = (change.status, change.confidence)
            if target in human and human[target] != change.status:
                flagged.append(change.claim_id)
        else:
            human[target] = change.status
        events.append((None, target, change.status, change.confidence, change.actor.strip(),
                       list(change.evidence_ids), change.note, now))
        appended.append(change.claim_id)
    first_event = reserve_ids(con, "claim_status_events", len(events))  # ids safe with concurrent writers
    events = [(first_event + i, *event[1:]) for i, event in enumerate(events)]
    # A handful of rows per batch: one multi-row VALUES statement with bound parameters.
    _insert_values(con, "claim_status_events", 8, events)
    _insert_values(con, "claim_checks", 4, checks)
    state.refresh(con, targets)  # their events, checks and evidence (stored before, in this transaction)
    return StatusResult(tuple(appended), tuple(unchanged), tuple(flagged))


def _validate(changes: Sequence[StatusChange]) -> None:
    for change in changes:
        if change.status not in STATUSES:
            raise WarehouseError(f"unknown status {change.status!r}; one of: {', '.join(STATUSES)}")
        if not change.actor or not change.actor.strip():
            raise WarehouseError("a status change needs an actor: 'pipeline' or the reviewer's name")
        if change.by_reviewer:
            reviewer_name(change.actor)  # a person: never the machine's name
        elif change.actor != PIPELINE:
            raise WarehouseError("only the pipeline records machine verdicts")


def _same_confidence(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) < CONFIDENCE_STEP


def _insert_values(con: duckdb.DuckDBPyConnection, table: str, width: int, rows: list[tuple]) -> None:
    for chunk_start in range(0, len(rows), 500):
        chunk = rows[chunk_start : chunk_start + 500]
        if not chunk:
            continue
        placeholders = ", ".join("(" + ", ".join("?" * width) + ")" for _ in chunk)
        con.execute(f"INSERT INTO {table} VALUES {placeholders}", [v for row in chunk for v in row])


def claim_history(claim_id: int, db: str | os.PathLike[str] = DEFAULT_DB) -> list[dict]:
    """A claim's events in order (of its canonical claim, where it repeats another)."""
    with connect(db, read_only=True) as con:
        row = con.execute(
            "SELECT coalesce(l.canonical_id, c.claim_id) FROM claims c LEFT JOIN claim_links l USING (claim_id) "
            "WHERE c.claim_id = ?",
            [claim_id],
        ).fetchone()
        if row is None:
            raise WarehouseError(f"no claim with id {claim_id}")
        cursor = con.execute(
            "SELECT event_id, recorded_at, status, confidence, actor, note, evidence_ids FROM claim_history "
            "WHERE claim_id = ? ORDER BY recorded_at, event_id",
            [row[0]],
        )
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, r)) for r in cursor.fetchall()]
