"""The review dashboard as keyed Prefect artifacts, refreshed at the end of every flow.

The page of a key in the Prefect UI (``/artifacts/key/<key>``) is a timeline of its versions; the page of
one artifact (``/artifacts/artifact/<id>``) shows its content. So the three pages a reviewer opens
(``claims-dashboard``, ``review-queue``, ``review-queue-table``) are one artifact each, created once and
then updated in place (:func:`publish`): their artifact URLs, which ``claimtrack links`` and ``make ui``
print, always show the latest. The per-article tables keep a version per change.

Artifacts:

- ``claims-dashboard`` (markdown): counts by status and by article, what changed since the previous
  dashboard, the most check-worthy claims still unverified, sources whose latest fetch failed;
- ``review-queue`` (markdown): the claims a reviewer should look at next, as cards (``flows.cards``):
  one per canonical claim, with its text, article, suggested verdict, deciding evidence and source;
- ``review-queue-table`` (table): the same queue, narrow, one row per claim, for searching;
- ``claims-<article-slug>`` (table): one per article, its claims with their statuses.

Article and source text is untrusted: markdown goes through ``flows.markdown`` and table cells
through ``flows.markdown.table_cell`` (see ``flows.markdown`` for what the UI does with them).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from uuid import UUID

from prefect import flow, get_run_logger
from prefect.artifacts import (
    MarkdownArtifact,
    TableArtifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from flows.cards import cards_markdown
from flows.localfiles import check_database
from flows.markdown import escape, md_table, shorten, table_cell
from warehouse import DEFAULT_DB, Table, connect
from warehouse.dashboard import (
    DashboardData,
    article_claims,
    dashboard_data,
    review_batch,
)
from warehouse.db import utcnow

__all__ = ["DASHBOARD_KEY", "PAGES", "REVIEW_QUEUE_KEY", "REVIEW_TABLE_KEY", "article_key", "latest_artifact", "progress",
           "publish", "refresh_dashboard"]

DASHBOARD_KEY = "claims-dashboard"
REVIEW_QUEUE_KEY = "review-queue"
REVIEW_TABLE_KEY = "review-queue-table"
REVIEW_QUEUE_ROWS = 200  # the table artifact stays readable; the rest waits its turn
REVIEW_CARDS = 50  # cards on the review-queue page
PAGES = (DASHBOARD_KEY, REVIEW_QUEUE_KEY, REVIEW_TABLE_KEY)  # updated in place: their URLs stay the latest
MAX_ARTICLE_TABLES = 200  # per refresh: only articles that changed get a new version
TEXT_CELL = 400  # characters of claim or evidence text in a table cell (the warehouse keeps all of it)
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


def article_key(article_id: str, title: str | None, source: str | None = None) -> str:
    """``claims-<slug>-<id prefix>``: Prefect keys allow lowercase letters, digits and dashes only."""
    base = title or (source or "").rsplit("/", 1)[-1] or "article"
    slug = _SLUG_CHARS.sub("-", base.lower()).strip("-")[:40].strip("-") or "article"
    return f"claims-{slug}-{article_id[:8].lower()}"


@dataclass(frozen=True, slots=True)
class DashboardSummary:
    since: datetime | None
    article_tables: int
    review_queue: int


@flow(name="refresh-dashboard", log_prints=False)
def refresh_dashboard(db: str = DEFAULT_DB) -> DashboardSummary:
    """Rebuild the dashboard, review-queue and per-article artifacts from the warehouse (an empty one
    when nothing has been stored yet: a first feeds run with no new items shows zero counts)."""
    check_database(db)
    if not Path(db).exists():
        with connect(db):  # creates the file and its schema
            pass
    dashboard = latest_artifact(DASHBOARD_KEY)
    since = _written_at(dashboard)
    data = dashboard_data(db, since=since)
    now = utcnow()
    publish(MarkdownArtifact(
        key=DASHBOARD_KEY, markdown=dashboard_markdown(data, db=db, since=since, now=now),
        description="Claims by status and article, recent changes, what to check next",
    ), current=dashboard)
    queue = review_batch(db, limit=REVIEW_QUEUE_ROWS)
    publish(MarkdownArtifact(
        key=REVIEW_QUEUE_KEY, markdown=review_queue_markdown(queue, now=now),
        description="Claims awaiting a reviewer, as cards: most check-worthy and least certain first",
    ), latest_artifact(REVIEW_QUEUE_KEY))
    publish(TableArtifact(
        key=REVIEW_TABLE_KEY, table=review_queue_rows(queue),
        description="Claims awaiting a reviewer, one row each (the review-queue cards, narrow)",
    ), latest_artifact(REVIEW_TABLE_KEY))
    tables = publish_article_tables(db, data.articles, since)
    get_run_logger().info("dashboard refreshed: %d queued claims, %d article tables", len(queue.rows), tables)
    return DashboardSummary(since=since, article_tables=tables, review_queue=len(queue.rows))


def latest_artifact(key: str):
    """The newest artifact with ``key`` (a Prefect ``Artifact``), or None."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    async def newest():
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                sort=ArtifactSort.CREATED_DESC, limit=1,
            )
            return found[0] if found else None

    return _run_async(newest())


def publish(artifact: MarkdownArtifact | TableArtifact, current) -> UUID:
    """Create the artifact of ``artifact.key`` the first time (``current``, the key's latest artifact, is
    None); afterwards update ``current`` in place."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import ArtifactUpdate

    if current is None:
        return artifact.create().id

    async def update():
        async with get_client() as client:
            await client.update_artifact(current.id, ArtifactUpdate(data=artifact.format(),
                                                                    description=artifact.description))

    _run_async(update())
    return current.id


def _written_at(artifact) -> datetime | None:
    """When an artifact was last written (naive UTC), or None for no artifact: the previous dashboard's time."""
    if artifact is None:
        return None
    when = artifact.updated or artifact.created
    # A plain datetime (Prefect hands out pendulum ones, whose .replace is deprecated).
    return datetime.fromtimestamp(when.timestamp(), timezone.utc).replace(tzinfo=None)


def _run_async(coro):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    from prefect.utilities.asyncutils import run_coro_as_sync

    return run_coro_as_sync(coro)


def dashboard_markdown(data: DashboardData, *, db: str, since: datetime | None, now: datetime) -> str:
    status = data.status_counts
    total = sum(r[1] for r in status.rows)
    reviewed = sum(r[2] for r in status.rows)
    lines = [
        "# Claims dashboard",
        "",
        f"Updated {now:%Y-%m-%d %H:%M} UTC from {escape(db)}: {total} claims, {reviewed} decided by a reviewer.",
        "",
        "## Claims by status",
        "",
        md_table(["status", "claims", "reviewed"], [list(r) for r in status.rows]),
        "",
        "## Since the previous dashboard" + (f" ({since:%Y-%m-%d %H:%M} UTC)" if since else " (first run)"),
        "",
        f"- new articles: {data.new_articles}, new claims: {data.new_claims}",
        f"- status changes: {len(data.changes.rows)}"
        + (" (the latest shown)" if len(data.changes.rows) >= 50 else ""),
    ]
    if data.changes.rows:
        cols = data.changes.columns
        rows = [
            [f"{r[cols.index('recorded_at')]:%Y-%m-%d %H:%M}", r[cols.index("claim_id")],
             shorten(r[cols.index("text")], 120), shorten(r[cols.index("article")] or "", 60), r[cols.index("status")],
             _confidence(r[cols.index("confidence")]), r[cols.index("actor")], shorten(r[cols.index("note")] or "", 80)]
            for r in data.changes.rows
        ]
        lines += ["", md_table(["when (UTC)", "claim", "text", "article", "status", "confidence", "by", "note"], rows)]
    lines += ["", "## Most check-worthy claims still unverified", ""]
    if data.top_unverified.rows:
        lines.append(md_table(
            ["claim", "check-worthiness", "text", "article"],
            [[r[0], f"{r[1]:.2f}", shorten(r[2], 200), shorten(r[3] or "", 60)] for r in data.top_unverified.rows],
        ))
    else:
        lines.append("None: every claim has a verdict.")
    lines += ["", "## Articles", ""]
    if data.articles.rows:
        cols = data.articles.columns
        rows = []
        for r in data.articles.rows:
            row = dict(zip(cols, r))
            rows.append([
                shorten(row["title"] or row["source"], 80), row["published"] or "", row["claims"], row["unverified"],
                row["supported"], row["refuted"], row["conflicting"], row["not_enough_evidence"], row["reviewed"],
                article_key(row["article_id"], row["title"], row["source"]),
            ])
        lines.append(md_table(
            ["article", "published", "claims", "unverified", "supported", "refuted", "conflicting",
             "not enough evidence", "reviewed", "artifact"], rows,
        ))
    else:
        lines.append("No articles yet: run the `ingest-feeds` deployment or `claimtrack ingest`.")
    lines += ["", "## Sources that failed", ""]
    if data.failed_sources.rows:
        cols = data.failed_sources.columns
        lines.append(md_table(
            ["source", "error", "HTTP", "when (UTC)"],
            [[shorten(r[cols.index("location")], 100), shorten(r[cols.index("error")] or "", 120),
              r[cols.index("http_status")] or "", f"{r[cols.index('fetched_at')]:%Y-%m-%d %H:%M}"]
             for r in data.failed_sources.rows],
        ))
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def review_queue_markdown(queue: Table, *, now: datetime) -> str:
    """The review-queue page: one card per canonical claim, the first ``REVIEW_CARDS`` of the queue."""
    shown = Table(queue.columns, queue.rows[:REVIEW_CARDS])
    more = len(queue.rows) - len(shown.rows)
    intro = (f"Updated {now:%Y-%m-%d %H:%M} UTC. Most check-worthy and least certain first"
             + (f"; {more} more in the `review-queue-table` artifact." if more else ".")
             + " To decide them: Deployments, `review-claims`, Run.")
    return cards_markdown(shown, heading="Review queue", intro=intro,
                          empty="The review queue is empty: every claim has a reviewer's verdict.")


def review_queue_rows(queue: Table) -> list[dict]:
    cols = queue.columns
    rows = []
    for r in queue.rows:
        row = dict(zip(cols, r))
        rows.append({
            "claim id": row["claim_id"],
            "claim": table_cell(row["text"], 90),
            "suggested verdict": table_cell(row["suggested_status"]),
            "confidence": table_cell(row["confidence"]),
            "article": table_cell(row["article_title"], 40),
            "also in": row["other_articles"],
        })
    return rows


def publish_article_tables(db: str, articles: Table, since: datetime | None) -> int:
    """One table artifact per article that changed since ``since`` (all of them the first time)."""
    cols = articles.columns
    changed = [dict(zip(cols, r)) for r in articles.rows]
    if since is not None:
        changed = [a for a in changed if a["last_change_at"] is not None and a["last_change_at"] > since]
    changed = changed[:MAX_ARTICLE_TABLES]
    with progress("Article tables refreshed", total=len(changed), threshold=20) as step:
        for number, article in enumerate(changed, start=1):
            publish_article_table(db, article)
            step(number)
    return len(changed)


def publish_article_table(db: str, article: dict) -> str:
    key = article_key(article["article_id"], article["title"], article["source"])
    claims = article_claims(db, article["article_id"])
    rows = [
        {
            "claim id": r["claim_id"],
            "claim": table_cell(r["text"], TEXT_CELL),
            "status": table_cell(r["status"]),
            "confidence": table_cell(r["confidence"]),
            "decided by": table_cell(r["status_actor"], 80),
            "needs re-review": table_cell(r["needs_rereview"]),
            "check-worthiness": table_cell(r["checkworthiness"]),
            "evidence": r["evidence_count"],
        }
        for r in (dict(zip(claims.columns, row)) for row in claims.rows)
    ]
    title = table_cell(article["title"] or article["source"], 120)
    create_table_artifact(key=key, table=rows, description=f"Claims of: {title}")
    return key


@contextmanager
def progress(description: str, *, total: int, threshold: int = 2) -> Iterator:
    """A progress artifact for runs with at least ``threshold`` steps; yields ``step(done)``."""
    if total < threshold:
        yield lambda done: None
        return
    artifact_id = create_progress_artifact(0.0, description=description)

    def step(done: int) -> None:
        update_progress_artifact(artifact_id, min(100.0, 100.0 * done / total))

    yield step
    update_progress_artifact(artifact_id, 100.0)


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
