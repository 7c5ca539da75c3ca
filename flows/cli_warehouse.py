"""``claimtrack warehouse copy FROM TO`` and ``claimtrack warehouse maintain``: whole-warehouse operations.

    claimtrack warehouse copy data/claims.duckdb 'ducklake:postgres:dbname=ct host=db user=ct;data=/srv/lake'
    claimtrack warehouse maintain --db 'ducklake:postgres:dbname=ct host=db user=ct' [--keep-days 7]

``copy``: every table's rows with their ids and the whole history, in one transaction on TO (``warehouse.copy``).
TO must be empty. ``maintain``: a lake's small files merged, snapshots and files older than ``--keep-days``
removed; a file's write-ahead log checkpointed (``warehouse.maintain``). Progress goes to stderr, one line a
step; the summary to stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

__all__ = ["register"]


def register(sub, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]) -> None:
    """Add ``warehouse copy`` and ``warehouse maintain`` to the `claimtrack` parser."""
    p = sub.add_parser("warehouse", help="whole-warehouse operations: copy a file to a DuckLake and back, maintain")
    commands = p.add_subparsers(dest="warehouse_command", metavar="COMMAND", required=True)
    c = commands.add_parser("copy", help="copy every table, ids and history kept, into a new empty warehouse",
                            description="FROM and TO are DuckDB files or DuckLake URLs "
                                        "('ducklake:postgres:dbname=DB host=HOST user=USER;data=DIR'). "
                                        "TO must be empty; the copy is all or nothing.")
    c.add_argument("source", metavar="FROM")
    c.add_argument("target", metavar="TO")
    c.set_defaults(func=cmd_copy)
    m = with_db(commands.add_parser(
        "maintain", help="merge a lake's small files and drop old snapshots and files (run daily)",
        description="On a DuckLake: flush inlined rows, expire snapshots older than --keep-days, merge adjacent "
                    "small Parquet files, delete files no snapshot needs (scheduled over --keep-days ago) and "
                    "orphaned files. On a DuckDB file: CHECKPOINT. The claims' history is kept either way."))
    m.add_argument("--keep-days", type=_days, default=7.0, metavar="DAYS",
                   help="time travel and unreferenced files kept this long (default: 7)")
    m.set_defaults(func=cmd_maintain)


def _days(text: str) -> float:
    from warehouse.maintain import MAX_KEEP_DAYS

    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= MAX_KEEP_DAYS:
        raise argparse.ArgumentTypeError(f"a number of days from 0 to {MAX_KEEP_DAYS:,}, not {text!r}")
    return value


def cmd_copy(args: argparse.Namespace) -> int:
    from warehouse.copy import copy_warehouse
    from warehouse.lake import shown

    def progress(line: str) -> None:
        print(f"claimtrack: {line}", file=sys.stderr, flush=True)

    result = copy_warehouse(args.source, args.target, progress=progress)  # WarehouseError: one line (cli.main)
    tables = sum(1 for n in result.rows.values() if n)
    print(f"copied {result.total:,} rows of {len(result.rows)} tables ({tables} with rows) from "
          f"{shown(args.source)} to {shown(args.target)} in {result.seconds:.1f} s")
    return 0


def cmd_maintain(args: argparse.Namespace) -> int:
    from warehouse.lake import shown
    from warehouse.maintain import maintain

    def progress(line: str) -> None:
        print(f"claimtrack: {line}", file=sys.stderr, flush=True)

    report = maintain(args.db, keep_days=args.keep_days, progress=progress)  # WarehouseError: one line (cli.main)
    if report.backend == "ducklake":
        print(f"maintained {shown(args.db)} in {report.seconds:.1f} s: {report.files_before:,} -> "
              f"{report.files_after:,} data files, {report.snapshots_before:,} -> {report.snapshots_after:,} snapshots")
    else:
        print(f"maintained {shown(args.db)} in {report.seconds:.1f} s (checkpoint)")
    return 0
