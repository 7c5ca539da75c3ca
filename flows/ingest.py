"""The ``ingest_articles`` flow: read or fetch → extract → store, one task per batch of articles.

The articles go to the extract and store tasks wrapped in ``prefect.utilities.annotations.quote``:
Prefect then passes them as they are instead of walking every field of every claim looking for
futures to resolve (400 BBC articles: 5.1 s without it, 4.1 s with it, measured with bench/ingest.py).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.utilities.annotations import quote

from claims.extract import article_id, build_article
from claims.model import Article
from flows.inputs import RawArticle, read_inputs
from flows.localfiles import check_database
from flows.markdown import escape, md_table, table_cell
from flows.sources import cited_sources
from warehouse import DEFAULT_DB, store_articles, stored_article_ids
from warehouse.db import write
from warehouse.evidence import add_source_in

__all__ = ["IngestReport", "ingest_articles", "ingest_manifest"]

DEFAULT_BATCH = 100  # articles per task and transaction: 400 BBC articles ingest in 2.6 s, 4.3 s at 25


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)  # article ids written by this run
    skipped: list[str] = field(default_factory=list)  # already in the warehouse
    failures: list[tuple[str, str]] = field(default_factory=list)  # (input, one-line reason)
    claims: int = 0
    sources: dict[str, str] = field(default_factory=dict)  # article id -> input it came from
    sources_added: int = 0  # cited links registered as candidate sources
    store_retries: int = 0  # store batches run again after losing a commit conflict (a DuckLake)


@task(retries=2, retry_delay_seconds=[2, 10], task_run_name="read-{label}")
def read_batch(specs: list[str], label: str, allow_hosts: list[str] | None = None) -> list[tuple[str, RawArticle | str]]:
    """Read every input of the batch (its URLs concurrently); a failure is returned as its one-line
    reason, not raised. ``allow_hosts``: private or loopback hosts URLs may name."""
    return read_inputs(specs, allowed_hosts=allow_hosts or ())


@task(task_run_name="extract-{label}")
def extract_batch(raws: list[RawArticle], label: str) -> list[tuple[str, Article | str]]:
    results: list[tuple[str, Article | str]] = []
    for raw in raws:
        try:
            article = build_article(raw.text, raw.source, title=raw.title, published=raw.published)
        except Exception as exc:  # an extractor bug must not sink the batch: report the article
            results.append((raw.source, f"{raw.source}: extraction failed: {type(exc).__name__}: {exc}"))
        else:
            results.append((raw.source, article))
    return results


@task(task_run_name="store-{label}")
def store_batch(articles: list[Article], db: str, label: str):
    return store_articles(articles, db)


@task(task_run_name="register-links-{label}")
def register_links(links: dict[str, tuple[str, ...]], db: str, label: str) -> int:
    """Register the links newly stored articles cite as candidate sources for them (``links``: from
    :func:`flows.sources.cited_sources`, without the article's own page)."""
    def register(con) -> int:
        return sum(add_source_in(con, url, label="cited by the article", article_id=article_id)[1]
                   for article_id, urls in links.items() for url in urls)

    return write(db, register, what=f"registering the links of {len(links)} articles")


@flow(name="ingest-articles", log_prints=False)
def ingest_articles(
    inputs: list[str],
    db: str = DEFAULT_DB,
    batch_size: int = DEFAULT_BATCH,
    show_progress: bool = False,
    register_cited_links: bool = False,
    allow_hosts: list[str] | None = None,
) -> IngestReport:
    """Ingest articles from files or URLs into the warehouse; one transaction per batch.

    ``register_cited_links``: the links an HTML article cites become candidate sources for it.
    ``allow_hosts``: hosts URLs may name although they are private or loopback addresses (by
    default only public addresses are fetched, so a feed cannot point the pipeline at an intranet).
    """
    check_database(db)
    logger = get_run_logger()
    report = IngestReport()
    batches = [inputs[i : i + batch_size] for i in range(0, len(inputs), batch_size)]
    progress_id = create_progress_artifact(0.0, description="Articles ingested so far") if len(batches) > 1 else None
    bar = _TerminalBar(len(inputs)) if show_progress else None
    done = 0
    seen: set[str] = set()  # ids of the articles read so far in this run
    for number, specs in enumerate(batches, start=1):
        label = f"batch-{number}"
        raws: list[RawArticle] = []
        for spec, outcome in read_batch(specs, label, allow_hosts):
            if isinstance(outcome, str):
                report.failures.append((spec, outcome))
            else:
                raws.append(outcome)
        # An article already stored is skipped before extraction: its id is the hash of its text.
        # So is a second input with the same text as an earlier one of this run.
        identities = [article_id(raw.text) for raw in raws]
        known = stored_article_ids(identities, db) | seen
        fresh = []
        for raw, identity in zip(raws, identities):
            if identity in known:
                report.skipped.append(identity)
                report.sources.setdefault(identity, raw.source)
            else:
                fresh.append(raw)
                known.add(identity)
        seen.update(identities)
        articles: list[Article] = []
        links = {raw.source: cited_sources(raw) for raw in fresh}  # never the article's own page
        for source, outcome in extract_batch(quote(fresh), label) if fresh else ():
            if isinstance(outcome, str):
                report.failures.append((source, outcome))
            else:
                articles.append(outcome)
                report.sources.setdefault(outcome.id, source)
        if articles:
            result = store_batch(quote(articles), db, label)
            report.stored.extend(result.stored)
            report.skipped.extend(result.skipped)
            report.claims += result.claims
            report.store_retries += result.retries
            cited = {a.id: links.get(a.source, ()) for a in articles if a.id in result.stored}
            if register_cited_links and any(cited.values()):
                report.sources_added += register_links(cited, db, label)
        done += len(specs)
        if bar:
            bar.update(done)
        if progress_id is not None:
            update_progress_artifact(progress_id, 100.0 * done / len(inputs))
    if bar:
        bar.close()
    for spec, reason in report.failures:
        logger.warning("failed: %s", reason)
    _summary_artifacts(report, db)
    return report


def _summary_artifacts(report: IngestReport, db: str) -> None:
    lines = [
        "# Ingest run",
        "",
        f"- articles stored: {len(report.stored)}",
        f"- already in the warehouse: {len(report.skipped)}",
        f"- claims stored: {report.claims}",
        f"- failures: {len(report.failures)}",
        f"- store batches run again after a commit conflict: {report.store_retries}",
        f"- database: {escape(db)}",
    ]
    if report.failures:
        lines += ["", "## Failures", "", md_table(["input", "reason"], [list(f) for f in report.failures])]
    create_markdown_artifact(key="ingest-summary", markdown="\n".join(lines), description="Last ingest run")
    rows = (  # inputs and reasons are untrusted text (a path, a URL, a server's words): escaped like every cell
        [{"article_id": a, "input": table_cell(report.sources.get(a, ""), 300), "outcome": "stored"} for a in report.stored]
        + [{"article_id": a, "input": table_cell(report.sources.get(a, ""), 300), "outcome": "already stored"}
           for a in report.skipped]
        + [{"article_id": "", "input": table_cell(spec, 300), "outcome": table_cell(reason, 300)}
           for spec, reason in report.failures]
    )
    if rows:
        create_table_artifact(table=rows, key="ingest-articles", description="Articles of the last ingest run")


class _TerminalBar:
    """A one-line progress bar on stderr for long batches (only when stderr is a terminal)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.live = sys.stderr.isatty() and total > 3

    def update(self, done: int) -> None:
        if self.live:
            width = 30
            filled = width * done // max(self.total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} inputs")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\n")


@flow(name="ingest-manifest", log_prints=False)
def ingest_manifest(inputs: list[str], db: str = DEFAULT_DB, batch_size: int = DEFAULT_BATCH) -> IngestReport:
    """One manifest of ``claimtrack ingest-many``, as a run of a work pool's worker (``flows.manifests``):
    :func:`ingest_articles` run in this flow run, with the private or loopback hosts that the worker's
    ``CLAIMTRACK_ALLOW_HOSTS`` names. Never a parameter: a run started from the UI cannot widen the
    address guard, as with the deployments of ``claimtrack serve``."""
    from flows.serve import allowed_hosts

    return ingest_articles.fn(inputs, db=db, batch_size=batch_size, allow_hosts=allowed_hosts() or None)
