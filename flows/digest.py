"""The morning digest: the day's most check-worthy new claims, verdict changes and reviews, in one artifact.

``daily-digest`` (a flow, and the deployment of that name, 07:00 UTC by default) reads the window
``(since, until]`` from the warehouse (``warehouse.digest``) and publishes it as the Markdown artifact
``daily-digest``.

The window starts at ``since`` when given; else at the start of the previous completed run of the
``daily-digest`` *deployment* (runs of ``claimtrack digest`` do not move it); else 24 hours back.

The text, with every piece of article text escaped, is made by :mod:`flows.digest_render`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from flows.digest_render import DEFAULT_TOP, DIGEST_KEY, Digest, build_digest, when
from flows.localfiles import check_database
from warehouse import DEFAULT_DB, connect

__all__ = ["DIGEST_KEY", "daily_digest", "previous_digest_start"]


def previous_digest_start() -> datetime | None:
    """When the latest completed run of the ``daily-digest`` deployment started (naive UTC), or None."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        FlowFilter,
        FlowFilterName,
        FlowRunFilter,
        FlowRunFilterDeploymentId,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            flow_filter=FlowFilter(name=FlowFilterName(any_=[DIGEST_KEY])),
            flow_run_filter=FlowRunFilter(
                deployment_id=FlowRunFilterDeploymentId(is_null_=False),
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.COMPLETED])),
            ),
            sort=FlowRunSort.START_TIME_DESC, limit=1,
        )
    started = runs[0].start_time if runs else None
    if started is None:
        return None
    return datetime.fromtimestamp(started.timestamp(), timezone.utc).replace(tzinfo=None)


@flow(name=DIGEST_KEY, log_prints=False)
def daily_digest(db: str = DEFAULT_DB, since: datetime | None = None, top: int = DEFAULT_TOP) -> Digest:
    """Publish the morning digest as the ``daily-digest`` artifact.

    ``since``: start of the window (default: the previous digest, else 24 hours back); ``top``: how many
    new claims."""
    check_database(db)
    if not Path(db).exists():
        with connect(db):  # a first run before any ingest: an empty digest, not a failure
            pass
    logger = get_run_logger()
    previous = previous_digest_start() if since is None else None
    digest = build_digest(db, since=since, previous=previous, top=top)
    create_markdown_artifact(key=DIGEST_KEY, markdown=digest.markdown,
                             description="The day's most check-worthy new claims, verdict changes and reviews")
    logger.info("digest %s to %s UTC: %d new claims, %d verdict changes, %d reviews",
                when(digest.since), when(digest.until), digest.new_claims, digest.changes, digest.reviews)
    return digest
