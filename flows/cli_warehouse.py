"""``claimtrack warehouse copy FROM TO``: a whole warehouse into a new one (a DuckDB file or a DuckLake).

    claimtrack warehouse copy data/claims.duckdb 'ducklake:postgres:dbname=ct host=db user=ct;data=/srv/lake'

Every table's rows with their ids and the whole history, in one transaction on TO (``warehouse.copy``).
TO must be empty. Progress goes to stderr, one line a table; the summary to stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

__all__ = ["register"]


def register(sub, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]) -> None:
    """Add ``warehouse copy`` to the `claimtrack` parser."""
    p = sub.add_parser("warehouse", help="whole-warehouse operations: copy a file to a DuckLake and back")
    commands = p.add_subparsers(dest="warehouse_command", metavar="COMMAND", required=True)
    c = commands.add_parser("copy", help="copy every table, ids and history kept, into a new empty warehouse",
                            description="FROM and TO are DuckDB files or DuckLake URLs "
                                        "('ducklake:postgres:dbname=DB host=HOST user=USER;data=DIR'). "
                                        "TO must be empty; the copy is all or nothing.")
    c.add_argument("source", metavar="FROM")
    c.add_argument("target", metavar="TO")
    c.set_defaults(func=cmd_copy)


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
