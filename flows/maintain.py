"""The ``maintain-warehouse`` flow: ``claimtrack warehouse maintain`` on a schedule (issue 16).

``claimtrack serve`` and ``claimtrack deploy --pool`` register it as a daily deployment (``--maintain-cron``,
default ``45 4 * * *`` UTC). On a DuckLake it merges the day's small files and removes snapshots and
unreferenced files older than ``keep_days`` (``warehouse.maintain``); on a DuckDB file it checkpoints. One
scheduled process does it, not every worker.
"""

from __future__ import annotations

from prefect import flow, get_run_logger

from flows.localfiles import check_database
from warehouse import DEFAULT_DB
from warehouse.maintain import MaintainReport, maintain

__all__ = ["maintain_warehouse"]


@flow(name="maintain-warehouse", log_prints=False)
def maintain_warehouse(db: str = DEFAULT_DB, keep_days: float = 7.0) -> MaintainReport:
    """Compact the warehouse and drop what is older than ``keep_days`` days (time travel, unreferenced files)."""
    check_database(db)
    logger = get_run_logger()
    report = maintain(db, keep_days=keep_days, progress=logger.info)
    if report.backend == "ducklake":
        logger.info("%d -> %d data files, %d -> %d snapshots in %.1f s", report.files_before, report.files_after,
                    report.snapshots_before, report.snapshots_after, report.seconds)
    return report
