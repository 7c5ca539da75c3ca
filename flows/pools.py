"""The flows deployed to a Prefect process work pool, for ``prefect worker`` processes on any machine.

``claimtrack serve`` runs every flow in the process (and on the machine) that serves them. A work
pool separates the two: ``claimtrack deploy --pool NAME`` registers the same seven deployments as
``serve`` (``flows.serve.build_deployments``: the same names, schedules, parameters and tags), plus
``ingest-manifest`` (manual, the flow each manifest of ``flows.manifests`` runs as), with the pool as
their infrastructure; ``prefect worker start --pool NAME`` on each machine then polls the pool and
runs each flow run in a subprocess of its own.

- Entrypoints are module paths (``flows.serve.ingest_feeds``): a worker imports the installed
  ``claimtrack`` package, wherever its checkout lies, and needs no pull step.
- The pool is created when missing, as ``prefect work-pool create NAME --type process`` would, from
  the process worker's own default job template (no lookup in Prefect's collection registry).
- What a flow run may read (``flows.localfiles``): the deployments carry ``CLAIMTRACK_LOCAL_ROOTS``
  as a job variable: ``$CLAIMTRACK_LOCAL_ROOTS`` when it is set for ``deploy``, else the folders
  of the database, the feeds config, the sources file and the local files these list (what
  ``serve`` uses). Unlike ``serve``'s environment, a job variable can be overridden by whoever
  starts a custom run in the UI. Private hosts a run may fetch from: ``CLAIMTRACK_ALLOW_HOSTS`` in
  the worker's environment (``flows.serve.allowed_hosts``).
- ``db`` is passed as the plain string parameter the flows take: a DuckDB file today (workers on
  one machine share it through its lock, one writer at a time), a warehouse URL once ``--db``
  takes one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from flows.localfiles import ROOTS_ENV

__all__ = ["DeployReport", "PoolError", "INGEST_DEPLOYMENT", "deploy_to_pool", "ensure_pool", "module_entrypoint"]

POOL_TYPE = "process"
INGEST_DEPLOYMENT = "ingest-manifest/ingest-manifest"  # flow name / deployment name
PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # the folder holding flows/, claims/, warehouse/


class PoolError(Exception):
    """A pool or API problem; ``str()`` is one line for the user."""


@dataclass
class DeployReport:
    pool: str
    created: bool  # the pool did not exist before
    roots: str  # CLAIMTRACK_LOCAL_ROOTS of the flow runs
    deployments: list[tuple[str, str]] = field(default_factory=list)  # (flow/deployment, schedule or "manual")


def module_entrypoint(file_entrypoint: str) -> str:
    """``flows/serve.py:ingest_feeds`` (relative to the working directory, as ``to_deployment``
    writes it) as the module path ``flows.serve.ingest_feeds``."""
    path, name = file_entrypoint.rsplit(":", 1)
    relative = Path(path).resolve().relative_to(PACKAGE_ROOT).with_suffix("")
    return ".".join((*relative.parts, name))


def ensure_pool(name: str) -> bool:
    """Create the process pool ``name`` unless it exists; True when it was created.
    PoolError when a pool of that name has another type."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectNotFound
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            pool = client.read_work_pool(name)
        except ObjectNotFound:
            client.create_work_pool(WorkPoolCreate(
                name=name, type=POOL_TYPE, base_job_template=ProcessWorker.get_default_base_job_template(),
                description="claimtrack flows (claimtrack deploy --pool)"))
            return True
    if pool.type != POOL_TYPE:
        raise PoolError(f"work pool {name!r} is a {pool.type!r} pool; claimtrack deploys to a {POOL_TYPE!r} pool "
                        f"(choose another name, or `prefect work-pool create NAME --type process`)")
    return False


def pool_deployments(db: str, feeds: str, schedules, *, stale_days: float = 7.0, sources: str | None = None,
                     roots: str = ""):
    """The seven deployments of ``serve`` and ``ingest-manifest``, with module entrypoints and the roots."""
    from flows.ingest import ingest_manifest
    from flows.serve import TAGS, build_deployments

    deployments = build_deployments(db, feeds, schedules, stale_days=stale_days, sources=sources)
    deployments.append(ingest_manifest.to_deployment(
        name="ingest-manifest", parameters={"db": deployments[0].parameters["db"]}, tags=TAGS + ["ingest"],
        description="Ingest a list of articles (files or URLs): one manifest of `claimtrack ingest-many`.",
    ))
    for deployment in deployments:
        deployment.entrypoint = module_entrypoint(deployment.entrypoint)
        deployment.job_variables = {"env": {ROOTS_ENV: roots}} if roots else {}
    return deployments


def deploy_to_pool(pool: str, db: str, feeds: str, schedules, *, stale_days: float = 7.0,
                   sources: str | None = None, scheduled: bool = True) -> DeployReport:
    """Create the pool when missing and register the deployments in it (updating those that exist).

    ``scheduled=False``: every deployment runs only on demand (schedules left by an earlier deploy
    are removed)."""
    from flows.serve import Schedules, serve_roots

    if not scheduled:
        schedules = Schedules(ingest=None, verify=None, recheck=None, digest=None, maintain=None)
    roots = os.environ.get(ROOTS_ENV, "").strip() or serve_roots(db, feeds, sources)
    created = ensure_pool(pool)
    report = DeployReport(pool, created, roots)
    for deployment in pool_deployments(db, feeds, schedules, stale_days=stale_days, sources=sources, roots=roots):
        deployment_id = deployment.apply(work_pool_name=pool)
        if not scheduled:
            _clear_schedules(deployment_id)
        cron = ", ".join(s.schedule.cron for s in deployment.schedules if getattr(s.schedule, "cron", None))
        report.deployments.append((f"{deployment.flow_name}/{deployment.name}", cron or "manual"))
    return report


def _clear_schedules(deployment_id) -> None:
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        for schedule in client.read_deployment(deployment_id).schedules:
            try:
                client.delete_deployment_schedule(deployment_id, schedule.id)
            except ObjectNotFound:
                pass
