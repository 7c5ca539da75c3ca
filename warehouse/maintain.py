"""Housekeeping of a warehouse: ``claimtrack warehouse maintain`` (issue 16: what to watch on a DuckLake).

Every store batch on a DuckLake is a snapshot with its own small Parquet files, and DuckLake deletes nothing
by itself: old snapshots stay for time travel and replaced files stay on disk.  ``maintain`` runs DuckLake's
own maintenance functions in the order its documentation gives (the same steps as its ``CHECKPOINT``, with the
retention passed explicitly rather than stored as catalog options):

1. ``ducklake_flush_inlined_data``: rows kept in the catalog written out as Parquet;
2. ``ducklake_expire_snapshots``: snapshots older than ``keep_days`` dropped (time travel ends there; the claims'
   history is rows of ``status_events``, not snapshots, so nothing of it is lost);
3. ``ducklake_merge_adjacent_files``: the many small files of the batches merged into fewer;
4. ``ducklake_cleanup_old_files``: files no snapshot needs any more, scheduled for deletion over ``keep_days``
   ago, deleted (a reader that began before then could still be scanning them);
5. ``ducklake_delete_orphaned_files``: files in the data path that the catalog does not know (a crashed write),
   older than ``keep_days``.

On a DuckDB file it is ``CHECKPOINT``: the write-ahead log folded into the file.  Run it daily (cron, or a
Prefect deployment); on a file it takes the writer's lock like any write, and on a lake a step that loses a
commit conflict with a writer runs again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from warehouse.db import WRITE_RETRY_SECONDS, DatabaseMissing, _retry_conflicts, backend, connect, exists
from warehouse.lake import LAKE_ALIAS, shown

__all__ = ["MaintainReport", "maintain"]

_METADATA = f"__ducklake_metadata_{LAKE_ALIAS}"


@dataclass(frozen=True, slots=True)
class MaintainReport:
    backend: str  # "duckdb" or "ducklake"
    seconds: float
    files_before: int | None = None  # live Parquet data files (a lake only)
    files_after: int | None = None
    snapshots_before: int | None = None
    snapshots_after: int | None = None


def _counts(con) -> tuple[int, int]:
    files = con.execute(f"SELECT count(*) FROM {_METADATA}.ducklake_data_file WHERE end_snapshot IS NULL").fetchone()[0]
    snapshots = con.execute(f"SELECT count(*) FROM {_METADATA}.ducklake_snapshot").fetchone()[0]
    return int(files), int(snapshots)


# A century: beyond it DuckDB's interval arithmetic overflows ("inf" would pass a plain >= 0 check).
MAX_KEEP_DAYS = 36_500


def maintain(db: str, *, keep_days: float = 7.0, progress: Callable[[str], None] | None = None) -> MaintainReport:
    """Compact and clean the warehouse ``db``; what it held before and after (a lake's files and snapshots)."""
    if not 0 <= keep_days <= MAX_KEEP_DAYS:
        raise ValueError(f"keep_days must be a number of days from 0 to {MAX_KEEP_DAYS:,}, not {keep_days!r}")
    if not exists(db):
        raise DatabaseMissing(f"{shown(db)}: no database here yet (run `claimtrack ingest` first, or pass --db)")
    say = progress or (lambda line: None)
    t0 = time.monotonic()
    with connect(db, private=True) as con:  # a one-off: not a cursor on the process's shared lake instance
        if backend(con) != "ducklake":
            con.execute("CHECKPOINT")
            say(f"{shown(db)}: checkpoint done")
            return MaintainReport(backend="duckdb", seconds=time.monotonic() - t0)
        files_before, snapshots_before = _counts(con)
        # A literal, not a parameter: CALL takes none.  keep_days is a float checked above.
        older = f"now() - INTERVAL '{float(keep_days) * 86400:.0f} seconds'"
        steps = (
            ("flush inlined data", f"CALL ducklake_flush_inlined_data('{LAKE_ALIAS}')"),
            ("expire snapshots", f"CALL ducklake_expire_snapshots('{LAKE_ALIAS}', older_than => {older})"),
            ("merge adjacent files", f"CALL ducklake_merge_adjacent_files('{LAKE_ALIAS}')"),
            ("clean up old files", f"CALL ducklake_cleanup_old_files('{LAKE_ALIAS}', older_than => {older})"),
            ("delete orphaned files", f"CALL ducklake_delete_orphaned_files('{LAKE_ALIAS}', older_than => {older})"),
        )
        for name, sql in steps:
            t = time.monotonic()
            # Each step commits on its own; one that loses a conflict with a writer's commit runs again.
            _retry_conflicts(lambda sql=sql: con.execute(sql).fetchall(), wait=WRITE_RETRY_SECONDS,
                             what=f"{shown(db)}: {name}")
            say(f"{shown(db)}: {name} ({time.monotonic() - t:.1f} s)")
        files_after, snapshots_after = _counts(con)
    return MaintainReport(backend="ducklake", seconds=time.monotonic() - t0, files_before=files_before,
                          files_after=files_after, snapshots_before=snapshots_before, snapshots_after=snapshots_after)
