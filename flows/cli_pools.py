"""``claimtrack deploy`` and ``claimtrack ingest-many``: the flows on a work pool, a big ingest across its workers.

    claimtrack deploy --pool NAME [--db DB] [--feeds F] [--sources S] [--no-schedules]
    claimtrack ingest-many [PATH_OR_URL ...] [--list FILE] [--db DB] [--manifest-size 1000] [--restarts 2]

``deploy`` registers the deployments of ``claimtrack serve`` and ``ingest-manifest`` in a Prefect
process work pool (created when missing; ``flows.pools``) and prints the command to start a worker
on each machine. ``ingest-many`` runs the ``ingest-manifests`` flow here: it splits the inputs into
manifests, one ``ingest-manifest`` run each on the pool's workers, waits for them and prints what
each did (``flows.manifests``). Both need a Prefect server (``PREFECT_API_URL`` or ``make ui``):
the workers must see the same API.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

__all__ = ["register"]

NO_API = ("needs a Prefect server that the workers share: set PREFECT_API_URL (e.g. "
          "http://127.0.0.1:4200/api) or run `make ui`")


def register(sub, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]) -> None:
    """Add ``deploy`` and ``ingest-many`` to the `claimtrack` parser."""
    from flows.cli import _positive_int

    p = with_db(sub.add_parser("deploy", help="deploy the flows to a Prefect process work pool (instead of serve)"))
    p.add_argument("--pool", required=True, metavar="NAME", help="the work pool (a process pool; created when missing)")
    p.add_argument("--feeds", default=os.environ.get("CLAIMTRACK_FEEDS"),
                   help="feeds config file for ingest-feeds (default: $CLAIMTRACK_FEEDS or config/feeds.txt)")
    p.add_argument("--sources", default=os.environ.get("CLAIMTRACK_SOURCES"),
                   help="TOML [[sources]] registered before each verification "
                        "(default: $CLAIMTRACK_SOURCES, else config/sources.toml when present; 'none' for none)")
    p.add_argument("--no-schedules", action="store_true",
                   help="deploy without schedules: runs start only on demand (e.g. ingest-many, the UI)")
    p.set_defaults(func=cmd_deploy)

    p = with_db(sub.add_parser("ingest-many", help="ingest many articles as one flow run per manifest on a "
                                                   "work pool's workers (after `claimtrack deploy --pool`)"))
    p.add_argument("inputs", nargs="*", metavar="PATH_OR_URL")
    p.add_argument("--list", metavar="FILE", help="a text file listing inputs, one a line (relative to the file)")
    p.add_argument("--manifest-size", type=_positive_int, default=1000,
                   help="inputs per manifest, i.e. per flow run (default 1000)")
    p.add_argument("--batch-size", type=_positive_int, default=100,
                   help="articles per task and transaction within a run (default 100)")
    p.add_argument("--timeout", type=float, default=6 * 3600.0, metavar="SECONDS",
                   help="stop waiting for the runs after this long (default 6 h; they go on)")
    p.add_argument("--restarts", type=int, default=2, metavar="N",
                   help="start a manifest again, up to N times, when its run is lost: Crashed, or its worker "
                        "went offline (default 2)")
    p.set_defaults(func=cmd_ingest_many)


def _fail(message: str) -> int:
    print(f"claimtrack: {message}", file=sys.stderr)
    return 1


def _reachable() -> str | None:
    """None when the configured API answers, else a one-line reason."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    with get_client(sync_client=True) as client:
        error = client.api_healthcheck()
    if error is None:
        return None
    return f"cannot reach the Prefect API at {url}: {str(error).splitlines()[0] if str(error) else type(error).__name__}"


def cmd_deploy(args: argparse.Namespace) -> int:
    from flows.cli import _db, _prefect_environment, api_configured

    if not api_configured():
        return _fail(f"deploy {NO_API}")
    _prefect_environment()
    if reason := _reachable():
        return _fail(reason)
    from flows.pools import PoolError, deploy_to_pool
    from flows.serve import DEFAULT_FEEDS, DEFAULT_SOURCES, FeedError, Schedules, read_feed_config

    feeds = args.feeds or DEFAULT_FEEDS
    try:
        read_feed_config(feeds)
    except FeedError as exc:
        return _fail(str(exc))
    sources = args.sources or (DEFAULT_SOURCES if Path(DEFAULT_SOURCES).exists() else None)
    if sources == "none":
        sources = None
    elif sources and not Path(sources).is_file():
        return _fail(f"{sources}: no such sources file")
    try:
        report = deploy_to_pool(args.pool, _db(args), feeds, Schedules(), sources=sources,
                                scheduled=not args.no_schedules)
    except PoolError as exc:
        return _fail(str(exc))
    print(f"work pool {report.pool!r} ({'created' if report.created else 'exists'}, type process)")
    for name, schedule in report.deployments:
        print(f"deployed {name} to {report.pool} ({schedule})")
    print(f"flow runs may read local files in: {report.roots} (CLAIMTRACK_LOCAL_ROOTS)")
    print("start a worker on each machine that runs flows (this checkout installed, the same PREFECT_API_URL):")
    print(f"  prefect worker start --pool {report.pool}")
    return 0


def cmd_ingest_many(args: argparse.Namespace) -> int:
    from flows.cli import _db, _prefect_environment, _print_table, api_configured
    from flows.sources import resolve_location

    if not args.inputs and not args.list:
        return _fail("ingest-many: give inputs, or --list FILE naming them")
    if not api_configured():
        return _fail(f"ingest-many {NO_API}")
    _prefect_environment()
    if reason := _reachable():
        return _fail(reason)
    from flows.manifests import ManifestError, ingest_manifests, read_input_list
    from flows.pools import INGEST_DEPLOYMENT
    from flows.quiet import quiet_prefect

    if args.list:
        try:
            read_input_list(args.list)  # a missing list is one line here, before a flow run starts
        except ManifestError as exc:
            return _fail(str(exc))
    if reason := _pool_problem(INGEST_DEPLOYMENT):
        return _fail(reason)
    quiet_prefect()
    db = _db(args)
    inputs = [resolve_location(i, Path.cwd()) for i in args.inputs]  # the runs' working directory is the worker's
    report = ingest_manifests(inputs=inputs, list_file=str(Path(args.list).resolve()) if args.list else None,
                              db=db, manifest_size=args.manifest_size, batch_size=args.batch_size,
                              timeout_seconds=args.timeout, max_restarts=max(args.restarts, 0))
    from warehouse import Table

    rows = [(r.name, r.state.lower(), r.inputs, r.stored, r.skipped, len(r.failures), r.worker, r.flow_run_id)
            for r in report.runs]
    if rows:
        _print_table(Table(("run", "state", "inputs", "stored", "skipped", "failed", "worker", "flow_run_id"), rows),
                     "table")
    workers = len({r.worker for r in report.runs if r.worker})
    print(f"ingested {report.stored} new articles into {db} in {len(report.runs)} flow runs on "
          f"{workers} worker{'s' * (workers != 1)}"
          + (f"; {report.skipped} already stored" if report.skipped else "")
          + (f"; {report.failed} failed" if report.failed else ""))
    for run in report.runs:
        for lost, why in run.restarts:
            print(f"claimtrack: {run.name}: run {lost} was lost ({why}); its manifest was started again")
    for run in report.failed_runs:
        print(f"claimtrack: {run.name} ({run.flow_run_id}) {run.state.lower()}: {run.message}", file=sys.stderr)
    for run in report.runs:
        for spec, reason in run.failures:
            print(f"claimtrack: {run.name}: {reason}", file=sys.stderr)
    return 1 if report.failed else 0


def _pool_problem(deployment_name: str) -> str | None:
    """None when the deployment exists (a warning on stderr when no worker polls its pool)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import WorkerFilter, WorkerFilterStatus
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            deployment = client.read_deployment_by_name(deployment_name)
        except ObjectNotFound:
            return f"no deployment {deployment_name} on the server: run `claimtrack deploy --pool NAME` first"
        pool = deployment.work_pool_name
        if not pool:
            return (f"deployment {deployment_name} is served, not in a work pool: "
                    f"run `claimtrack deploy --pool NAME` first")
        online = client.read_workers_for_work_pool(
            pool, worker_filter=WorkerFilter(status=WorkerFilterStatus(any_=["ONLINE"])))
    if not online:
        print(f"claimtrack: no worker is polling pool {pool!r} yet; the runs wait for one "
              f"(`prefect worker start --pool {pool}`)", file=sys.stderr)
    return None
