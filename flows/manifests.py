"""A big ingest split into manifests, each one flow run of the ``ingest-manifest`` deployment.

    claimtrack ingest-many --list inputs.txt --db DB [--manifest-size 1000]

The ``ingest-manifests`` flow reads its inputs (files or URLs, given or listed one a line in a text
file), splits them into manifests of ``manifest_size`` inputs and starts one run of the
``ingest-manifest`` deployment per manifest with ``run_deployment(..., timeout=0)``, so that every
worker polling the pool (``claimtrack deploy --pool``) takes some. It then polls their states
(bounded by ``timeout_seconds``) and reports the articles stored, skipped and failed, per run and in
total, as the ``ingest-manifests`` table artifact and as its return value (:class:`ManifestsReport`).

**Manifests are passed by value**, as the ``inputs`` parameter of each run. Prefect's advice,
data by reference, holds already: an input is a path or a URL, a reference to the article, not the
article; a manifest of 1,000 of them is ≈ 100 KB of JSON (cut smaller when it would pass
``MAX_MANIFEST_BYTES``). A manifest file instead would need a folder every worker machine
reads and writes (next to a DuckDB file there is none on another machine; DuckLake's data path
may be an object store the runs cannot list files in), and it could change under a retried
run. By value, each run shows its own inputs in the UI and a retry reads the same ones.

What each run did is read back from the ``ingest-articles`` table artifact it publishes (one row
per article: stored, already stored, or the failure's reason): artifacts live in Prefect's
database, so this works whichever machine ran it, with no shared result storage. The worker that
took a run is read from Prefect's ``prefect.worker.submitted-flow-run`` events.

The workers share the warehouse as the ``db`` string: a DuckDB file on one machine (its advisory
lock lets one run write at a time: runs extract in parallel and store in turn), or a DuckLake URL
(stores serialise optimistically there: ``warehouse.store.store_articles``).

**A run whose worker died is started again.** Prefect does not retry such a run: a worker killed with
SIGKILL (or its machine gone) leaves its flow run Running for good, since a self-hosted server has no
zombie detection of its own (Prefect's docs, "detect zombie flows", have you create an automation on
``prefect.flow-run.heartbeat`` events; the flow heartbeat is every 180 s by default, 30 s at least), and a
run the worker saw crash ends Crashed, which no retry setting of the flow covers. So while waiting, the
parent counts a run as lost when it is **Crashed**, or when it is Pending or Running and **the worker
that took it is no longer ONLINE** in its pool: Prefect's foreman marks a worker OFFLINE once it has
missed ``inactivity_heartbeat_multiple`` (3) of its heartbeats (``PREFECT_WORKER_HEARTBEAT_SECONDS``,
30 s by default: ≈ 90-105 s after it died, with the foreman's 15 s loop). That is Prefect's own
liveness judgement, it needs no automation and no setting on the flows, and it is never a guess based
on how long a manifest "should" take (a big manifest on a slow machine may well run for an hour). A
lost run still Running is set Crashed first (so the UI and a late-reporting process agree it is over),
and its manifest starts again as a new run of the deployment (idempotency key ``...:restart-N``), up
to ``max_restarts`` times. That is safe because re-ingest is a no-op: the new run skips what the lost
one stored (its batches committed whole or not at all), even if the lost process is in fact still
storing (on a lake two racing stores of one article conflict and the loser skips it). The report
counts an article a lost run stored, and published in its table, as stored, not as already stored.
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass, field

from prefect import flow, get_run_logger
from prefect.artifacts import create_table_artifact

from flows.ingest import DEFAULT_BATCH
from flows.localfiles import check_database
from flows.markdown import table_cell
from flows.pools import INGEST_DEPLOYMENT
from flows.sources import read_listing
from warehouse import DEFAULT_DB

__all__ = ["ManifestRun", "ManifestsReport", "ingest_manifests", "merge_outcomes", "read_input_list", "split_manifests"]

DEFAULT_MANIFEST = 1000
MAX_MANIFEST_BYTES = 512 * 1024  # JSON of one run's inputs parameter
FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


class ManifestError(Exception):
    """An input list that cannot be read; ``str()`` is one line."""


@dataclass
class ManifestRun:
    name: str  # manifest-2-of-4
    flow_run_id: str
    inputs: int
    state: str = "SCHEDULED"  # COMPLETED, FAILED, CRASHED, CANCELLED; or where it was at the timeout
    message: str = ""  # the state message of a run that did not complete
    stored: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (input, reason), from its artifact
    worker: str = ""  # name of the worker that took it
    host: str = ""  # host:pid of the run's process
    pool: str = ""  # the work pool it runs in
    restarts: list[tuple[str, str]] = field(default_factory=list)  # (flow_run_id, why) of each lost run before it


@dataclass
class ManifestsReport:
    inputs: int = 0
    runs: list[ManifestRun] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return sum(r.stored for r in self.runs)

    @property
    def skipped(self) -> int:
        return sum(r.skipped for r in self.runs)

    @property
    def failed(self) -> int:
        """Inputs that failed, and the inputs of runs that did not complete."""
        return sum(len(r.failures) if r.state == "COMPLETED" else r.inputs for r in self.runs)

    @property
    def failed_runs(self) -> list[ManifestRun]:
        return [r for r in self.runs if r.state != "COMPLETED"]

    @property
    def restarted(self) -> int:
        """Runs lost (Crashed, or their worker gone) and started again."""
        return sum(len(r.restarts) for r in self.runs)


def read_input_list(path: str) -> list[str]:
    """The inputs a text file lists, one a line (``#`` starts a comment); relative paths are
    relative to the file's folder."""
    return read_listing(path, kind="input list", hint="one file or URL per line", error=ManifestError)


def split_manifests(inputs: list[str], size: int = DEFAULT_MANIFEST,
                    max_bytes: int = MAX_MANIFEST_BYTES) -> list[list[str]]:
    """Consecutive manifests of at most ``size`` inputs and ``max_bytes`` of JSON each, in order."""
    if size < 1:
        raise ValueError("a manifest holds at least one input")
    manifests: list[list[str]] = []
    current: list[str] = []
    weight = 2  # []
    for item in inputs:
        cost = len(json.dumps(item, ensure_ascii=False).encode()) + 2
        if current and (len(current) >= size or weight + cost > max_bytes):
            manifests.append(current)
            current, weight = [], 2
        current.append(item)
        weight += cost
    if current:
        manifests.append(current)
    return manifests


@flow(name="ingest-manifests", log_prints=False)
def ingest_manifests(
    inputs: list[str] | None = None,
    list_file: str | None = None,
    db: str = DEFAULT_DB,
    manifest_size: int = DEFAULT_MANIFEST,
    batch_size: int = DEFAULT_BATCH,
    deployment: str = INGEST_DEPLOYMENT,
    timeout_seconds: float = 6 * 3600,
    poll_seconds: float = 2.0,
    max_restarts: int = 2,
) -> ManifestsReport:
    """Ingest ``inputs`` and the inputs ``list_file`` lists as one ``deployment`` run per manifest.

    Relative paths in ``inputs`` must already be absolute (the runs' working directory is the
    worker's); those of ``list_file`` are relative to it. Inputs given twice are ingested once.
    A run that is lost (Crashed, or its worker went offline) is started again, up to ``max_restarts``
    times per manifest (see the module's docstring)."""
    from prefect.context import get_run_context
    from prefect.deployments import run_deployment

    check_database(db)
    logger = get_run_logger()
    listed = read_input_list(list_file) if list_file else []
    everything = list(dict.fromkeys([*(inputs or []), *listed]))
    report = ManifestsReport(inputs=len(everything))
    manifests = split_manifests(everything, manifest_size)
    parent = get_run_context().flow_run.id
    by_name: dict[str, list[str]] = {}

    def start(name: str, attempt: int = 0) -> str:
        suffix = f":restart-{attempt}" if attempt else ""
        run = run_deployment(
            deployment, timeout=0, flow_run_name=name + (f"-restart-{attempt}" if attempt else ""),
            tags=["claimtrack", "manifest"],
            parameters={"inputs": by_name[name], "db": db, "batch_size": batch_size},
            idempotency_key=f"{parent}:{name}{suffix}",  # a retried parent finds its runs instead of starting them again
        )
        return str(run.id)

    for number, manifest in enumerate(manifests, start=1):
        name = f"manifest-{number}-of-{len(manifests)}"
        by_name[name] = manifest
        report.runs.append(ManifestRun(name, start(name), len(manifest)))
    logger.info("%d inputs in %d manifests", len(everything), len(manifests))

    def restart(run: ManifestRun, why: str) -> str | None:
        if len(run.restarts) >= max_restarts:
            return None
        new_id = start(run.name, len(run.restarts) + 1)
        logger.warning("%s (%s) lost: %s; started again as %s", run.name, run.flow_run_id, why, new_id)
        return new_id

    _wait(report.runs, timeout_seconds, poll_seconds, restart)
    _read_outcomes(report.runs)
    _read_workers(report.runs)
    for run in report.runs:
        if run.state != "COMPLETED":
            logger.warning("%s (%s) ended %s: %s", run.name, run.flow_run_id, run.state, run.message)
    _report_artifact(report)
    return report


def _client():
    from prefect.client.orchestration import get_client

    return get_client(sync_client=True)


def _wait(runs: list[ManifestRun], timeout: float, interval: float, restart=None) -> None:
    """Poll the runs' states until each is final or ``timeout`` seconds have passed. ``restart(run, why)``:
    called for a lost run (:func:`_lost`); the id of the run that replaces it, or None (no restart left)."""
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.monotonic() + timeout
    given_up: set[str] = set()  # lost runs with no restart left: reported once, as they ended
    with _client() as client:
        while True:
            by_id = {r.flow_run_id: r for r in runs}
            pending = [i for i, r in by_id.items() if r.state not in FINAL]
            if not pending:
                return
            for flow_run in client.read_flow_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=pending)),
                                                  limit=len(pending)):
                run = by_id[str(flow_run.id)]
                if flow_run.state is not None:
                    run.state = flow_run.state.type.value
                    run.message = next(iter((flow_run.state.message or "").strip().splitlines()), "")
                run.host = flow_run.infrastructure_pid or run.host
                run.pool = flow_run.work_pool_name or run.pool
            if restart is not None:
                for run, why in _lost(client, [r for r in runs if r.flow_run_id not in given_up]):
                    new_id = restart(run, why)
                    if new_id is None:
                        if run.state != "CRASHED":
                            _crash(client, run, why + "; no restart left")
                        run.state, run.message = "CRASHED", why + f" (restarted {len(run.restarts)} times already)"
                        given_up.add(run.flow_run_id)
                        continue
                    if run.state != "CRASHED":
                        _crash(client, run, why + f"; its manifest runs again as {new_id}")
                    run.restarts.append((run.flow_run_id, why))
                    run.flow_run_id, run.state, run.message, run.worker, run.host = new_id, "SCHEDULED", "", "", ""
            if time.monotonic() >= deadline:
                for run in runs:
                    if run.state not in FINAL:
                        run.message = f"not finished within {timeout:g} s (it may still finish; see its flow run)"
                return
            time.sleep(interval)


def _lost(client, runs: list[ManifestRun]) -> list[tuple[ManifestRun, str]]:
    """The runs that will not finish by themselves, and why: Crashed, or Pending/Running on a worker that
    is no longer ONLINE (Prefect marks a worker OFFLINE after 3 missed heartbeats)."""
    lost = [(r, f"it ended Crashed: {r.message}" if r.message else "it ended Crashed")
            for r in runs if r.state == "CRASHED"]
    active = [r for r in runs if r.state in ("PENDING", "RUNNING")]
    if not active:
        return lost
    _read_workers([r for r in active if not r.worker], wait=0)
    online: dict[str, set[str]] = {}
    for run in active:
        if not run.worker or not run.pool:
            continue  # not known yet: the next poll looks again
        if run.pool not in online:
            online[run.pool] = {w.name for w in client.read_workers_for_work_pool(run.pool)
                                if str(getattr(w.status, "value", w.status)).upper() == "ONLINE"}
        if run.worker not in online[run.pool]:
            lost.append((run, f"its worker {run.worker} is offline (missed its heartbeats) while it was {run.state}"))
    return lost


def _crash(client, run: ManifestRun, why: str) -> None:
    """Mark a lost run Crashed (forced: a Running run's process cannot report it any more)."""
    from prefect.states import Crashed

    try:
        client.set_flow_run_state(run.flow_run_id, Crashed(message=why), force=True)
    except Exception as exc:  # the restart matters more than the label of the old run
        get_run_logger().warning("could not mark %s (%s) Crashed: %s", run.name, run.flow_run_id, exc)


def _read_outcomes(runs: list[ManifestRun]) -> None:
    """Stored, skipped and failed inputs of each completed run, from its ``ingest-articles`` table.

    A restarted manifest counts its lost runs' tables too: a run counted lost (its worker missed its
    heartbeats on a loaded machine, say) may in fact have gone on and stored its articles, and its
    restart then finds them "already stored". An input is stored when any run of its manifest stored
    it; otherwise it takes the last run's outcome."""
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    completed = [r for r in runs if r.state == "COMPLETED"]
    attempts = {r.flow_run_id: r for r in completed} | {old: r for r in completed for old, _ in r.restarts}
    if not attempts:
        return
    with _client() as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            key=ArtifactFilterKey(any_=["ingest-articles"]),
            flow_run_id=ArtifactFilterFlowRunId(any_=list(attempts))))
    last: dict[int, list[dict]] = {}
    lost: dict[int, list[list[dict]]] = {}
    for artifact in artifacts:
        run = attempts.get(str(artifact.flow_run_id))
        if run is None:
            continue
        rows = json.loads(artifact.data) if isinstance(artifact.data, str) else artifact.data
        rows = [row for row in rows or [] if isinstance(row, dict)]
        if str(artifact.flow_run_id) == run.flow_run_id:
            last[id(run)] = rows
        else:
            lost.setdefault(id(run), []).append(rows)
    for run in completed:
        run.stored, run.skipped, run.failures = merge_outcomes(last.get(id(run), []), lost.get(id(run), []))


def merge_outcomes(last: list[dict], lost: list[list[dict]]) -> tuple[int, int, list[tuple[str, str]]]:
    """(stored, already stored, failures) of a manifest from its last run's ``ingest-articles`` rows and
    those of its lost runs: an article some lost run stored counts as stored, not as already stored (rows are
    matched by article id, by input where a row has none)."""
    def key(row: dict) -> str:
        return str(row.get("article_id") or row.get("input", ""))

    stored_before = {key(row) for rows in lost for row in rows if row.get("outcome") == "stored"}
    stored = skipped = 0
    failures = []
    for row in last:
        outcome = row.get("outcome")
        if outcome == "stored" or (outcome == "already stored" and key(row) in stored_before):
            stored += 1
        elif outcome == "already stored":
            skipped += 1
        else:
            failures.append((_plain(row.get("input", "")), _plain(row.get("outcome", ""))))
    return stored, skipped, failures


def _plain(cell: object) -> str:
    """A cell of a run's table artifact as the text it escaped (``flows.markdown.escape``): the
    backslashes before Markdown syntax dropped, then the HTML entities; cut and flattened still."""
    return html.unescape(re.sub(r"\\(.)", r"\1", str(cell)))


def _read_workers(runs: list[ManifestRun], wait: float = 10.0) -> None:
    """The worker that submitted each run, from the server's events (stored a few seconds late)."""
    from prefect.events.filters import EventAnyResourceFilter, EventFilter, EventNameFilter

    by_resource = {f"prefect.flow-run.{r.flow_run_id}": r for r in runs if r.state != "SCHEDULED"}
    deadline = time.monotonic() + wait
    with _client() as client:
        while True:
            missing = [key for key, run in by_resource.items() if not run.worker]
            if not missing:
                return
            page = client.read_events(filter=EventFilter(
                event=EventNameFilter(name=["prefect.worker.submitted-flow-run"]),
                any_resource=EventAnyResourceFilter(id=missing)), limit=50)
            while True:
                for event in page.events:
                    for related in event.related:
                        run = by_resource.get(related.id)
                        if run is not None:
                            run.worker = event.resource.name or event.resource.id
                if not page.next_page:
                    break
                page = client.read_events_page(page.next_page)
            if all(r.worker for r in by_resource.values()) or time.monotonic() >= deadline:
                return
            time.sleep(1.0)


def _report_artifact(report: ManifestsReport) -> None:
    rows = [{"run": r.name, "flow_run_id": r.flow_run_id, "state": r.state, "inputs": r.inputs, "stored": r.stored,
             "already stored": r.skipped, "failed": len(r.failures) if r.state == "COMPLETED" else r.inputs,
             "worker": table_cell(r.worker, 80),
             "note": table_cell("; ".join([r.message] * bool(r.message) + [f"restarted after {old}: {why}"
                                                                         for old, why in r.restarts]), 300)}
            for r in report.runs]
    rows += [{"run": r.name, "flow_run_id": r.flow_run_id, "state": "input failed", "inputs": 1, "stored": 0,
              "already stored": 0, "failed": 1, "worker": table_cell(r.worker, 80), "note": table_cell(reason, 300)}
             for r in report.runs for spec, reason in r.failures]
    description = (f"{report.inputs} inputs in {len(report.runs)} runs: {report.stored} stored, "
                   f"{report.skipped} already stored, {report.failed} failed, {len(report.failed_runs)} runs not completed, "
                   f"{report.restarted} lost runs started again")
    create_table_artifact(table=rows or [{"run": "", "note": "no inputs"}], key="ingest-manifests",
                          description=description)
