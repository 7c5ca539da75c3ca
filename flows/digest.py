"""The morning digest: the day's most check-worthy new claims, verdict changes and reviews, in one message.

``daily-digest`` (a flow, and the deployment of that name, 07:00 UTC by default) reads the window
``(since, until]`` from the warehouse (``warehouse.digest``), publishes it as the Markdown artifact
``daily-digest`` and, when a webhook is configured, POSTs it as Slack-compatible JSON (``text`` plus
``blocks``) through :mod:`flows.webhook` (the fetcher's address guard, a timeout, one retry). The
artifact is published before the POST, so a dead webhook still leaves the digest in the UI; the POST is
the ``post-digest`` task, which fails the run with one line.

The window starts at ``since`` when given; else at the start of the previous completed run of the
``daily-digest`` *deployment* (runs of ``claimtrack digest`` do not move it, and a run whose POST failed
does not count, so the next one repeats its news); else 24 hours back.

The webhook is never a flow parameter: its URL is a secret (a Slack webhook's path is its key) and a
UI user must not be able to send the digest elsewhere. It is ``$CLAIMTRACK_DIGEST_WEBHOOK`` in the
environment of ``claimtrack serve``, or the Slack Webhook block named by the ``webhook_block``
parameter (its URL is posted through the same guard, not through Apprise). Private and loopback
webhook hosts need ``serve --allow-host`` like every other address.

The text of both, with every piece of article text escaped, is made by :mod:`flows.digest_render`.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.digest_render import DEFAULT_TOP, DIGEST_KEY, Digest, build_digest, when
from flows.localfiles import check_database
from flows.webhook import WebhookError, post_json, webhook_origin
from warehouse import DEFAULT_DB, connect

__all__ = ["DIGEST_KEY", "WEBHOOK_ENV", "daily_digest", "post_digest", "previous_digest_start", "webhook_url"]

WEBHOOK_ENV = "CLAIMTRACK_DIGEST_WEBHOOK"


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


def webhook_url(block: str | None = None) -> str | None:
    """The webhook to post to: the URL of the Slack Webhook block named ``block``, else $CLAIMTRACK_DIGEST_WEBHOOK."""
    if block:
        from prefect.blocks.notifications import SlackWebhook

        try:
            found = SlackWebhook.load(block)
        except ValueError:
            raise ValueError(f"no Slack Webhook block named {block!r} (create it in the UI: Blocks → Slack Webhook)") \
                from None
        return found.url.get_secret_value()
    return os.environ.get(WEBHOOK_ENV, "").strip() or None


@task(name="post-digest", task_run_name="post-digest", cache_policy=NO_CACHE)
def post_digest(payload: dict, url: str, allowed_hosts: list[str]) -> int:
    """POST the digest; a failure fails this task (and the run) with one line, the webhook's path unshown."""
    try:
        status = post_json(url, payload, allowed_hosts=allowed_hosts)
    except WebhookError as exc:
        raise WebhookError(f"digest webhook {exc}") from None
    get_run_logger().info("digest posted to %s (HTTP %d)", webhook_origin(url), status)
    return status


@flow(name=DIGEST_KEY, log_prints=False)
def daily_digest(db: str = DEFAULT_DB, since: datetime | None = None, top: int = DEFAULT_TOP,
                 webhook_block: str | None = None, post: bool = True) -> Digest:
    """Publish the morning digest as the ``daily-digest`` artifact, then post it to the webhook, if any.

    ``since``: start of the window (default: the previous digest, else 24 hours back); ``top``: how many
    new claims; ``webhook_block``: a Slack Webhook block to post to instead of $CLAIMTRACK_DIGEST_WEBHOOK;
    ``post``: false publishes the artifact only."""
    from flows.serve import allowed_hosts

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
    url = webhook_url(webhook_block) if post else None
    if url:
        post_digest(digest.payload, url, allowed_hosts())
    return digest
