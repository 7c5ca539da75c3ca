"""Scheduled and manual deployments, served from one process with ``prefect.serve``.

| deployment      | schedule (UTC, default)  | what it does |
| --------------- | ------------------------ | ------------ |
| ingest-feeds    | ``0 * * * *`` hourly     | ingests the new items of the URLs and RSS/Atom feeds listed in a config file |
| verify-pending  | ``*/15 * * * *``         | verifies unverified claims, most check-worthy first |
| recheck-stale   | ``30 3 * * *`` daily     | re-verifies claims last checked more than N days ago |
| review-claims   | manual                   | pauses for a reviewer's verdicts on a batch from the review queue |
| review-claim    | manual                   | records one reviewer's verdict |
| daily-digest    | ``0 7 * * *`` daily      | the morning digest artifact, posted to a webhook when one is set (flows/digest.py) |

Every flow but daily-digest (which writes nothing) ends by refreshing the dashboard artifacts. ``claimtrack serve`` runs ``serve_all``;
``make ui`` starts a Prefect server first. A feeds config is a text file: one URL, feed URL or
path per line, ``#`` starts a comment, relative paths are relative to the file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from flows.dashboard import refresh_dashboard
from flows.fetch import Fetched, FetchPolicy, FetchRequest, fetch_sync, size_text
from flows.inputs import MAX_BYTES, is_url
from flows.localfiles import (
    ROOTS_ENV,
    LocalFileRefused,
    check_database,
    check_local,
    roots_value,
)
from flows.markdown import escape, md_table
from flows.sources import read_listing, read_sources_file, resolve_location
from warehouse import DEFAULT_DB
from warehouse.dashboard import known_sources
from warehouse.lake import is_lake

__all__ = [
    "DEFAULT_FEEDS",
    "Schedules",
    "build_deployments",
    "ingest_feeds",
    "read_feed_config",
    "recheck_stale",
    "serve_all",
    "verify_pending",
]

DEFAULT_FEEDS = "config/feeds.txt"
DEFAULT_SOURCES = "config/sources.toml"  # used when present
TAGS = ["claimtrack"]
_FEED_ROOTS = ("rss", "feed", "rdf:RDF", "RDF")
_FEED_SUFFIXES = (".rss", ".atom", ".xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


@dataclass(frozen=True, slots=True)
class Schedules:
    ingest: str = "0 * * * *"
    verify: str = "*/15 * * * *"
    recheck: str = "30 3 * * *"
    digest: str = "0 7 * * *"
    maintain: str = "45 4 * * *"


class FeedError(Exception):
    """A config line that cannot be read; ``str()`` is one line naming it."""


@dataclass
class FeedReport:
    entries: int = 0
    items: int = 0  # article URLs and paths found
    new: list[str] = field(default_factory=list)  # not stored before
    failures: list[tuple[str, str]] = field(default_factory=list)


def read_feed_config(path: str | os.PathLike[str]) -> list[str]:
    """The entries of a feeds config file; relative paths resolved against its folder."""
    return read_listing(path, kind="feeds config", hint="one URL, feed or path per line", error=FeedError)


def feed_items(data: bytes | str, base: str = "") -> list[str] | None:
    """The item links of an RSS 1/2 or Atom document, in feed order; None when it is not a feed."""
    head = (data[:2000].decode("utf-8", "replace") if isinstance(data, bytes) else data[:2000]).lower()
    if "<rss" not in head and "<feed" not in head and "<rdf:rdf" not in head:
        return None
    soup = BeautifulSoup(data, "xml")
    root = soup.find(_FEED_ROOTS)
    if root is None:
        return None
    links: list[str] = []
    for item in soup.find_all(("item", "entry")):
        link = None
        for candidate in item.find_all("link", recursive=False):
            href = candidate.get("href")
            if href and candidate.get("rel", "alternate") == "alternate":
                link = href
                break
            if not href and candidate.get_text(strip=True):
                link = candidate.get_text(strip=True)
                break
        if link is None:
            guid = item.find("guid")
            if guid is not None and guid.get("isPermaLink", "true") != "false" and is_url(guid.get_text(strip=True)):
                link = guid.get_text(strip=True)
        if link:
            if base and not is_url(link) and is_url(base):
                from urllib.parse import urljoin

                link = urljoin(base, link)
            if link not in links:
                links.append(link)
    return links


@task(retries=2, retry_delay_seconds=[5, 30], task_run_name="expand-feeds")
def expand_entries(entries: list[str], allowed_hosts: list[str] | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """Each entry as the article inputs it stands for: a feed's item links, else the entry itself.

    Feed URLs are fetched by ``flows.fetch`` (concurrently, with its address guard, deadline and a
    cap on the inflated body); ``allowed_hosts`` may be private or loopback addresses. Items of a
    fetched feed that are not http(s) URLs are dropped (a remote feed does not name local files)."""
    items: list[str] = []
    failures: list[tuple[str, str]] = []
    urls = [e for e in dict.fromkeys(entries) if is_url(e)]
    fetched = dict(zip(urls, fetch_sync([_feed_request(u) for u in urls], _feed_policy(allowed_hosts or ()))))
    for entry in entries:
        try:
            found = _expand(entry, fetched.get(entry))
        except FeedError as exc:
            failures.append((entry, str(exc)))
            continue
        items.extend(i for i in found if i not in items and (is_url(i) or not is_url(entry)))
    return items, failures


def _feed_policy(allowed_hosts) -> FetchPolicy:
    return FetchPolicy(max_bytes=MAX_BYTES, respect_robots=False, allowed_hosts=frozenset(allowed_hosts),
                       accept=_FEED_TYPES + ("+xml",), decode=False,
                       accept_header=", ".join(_FEED_TYPES) + ", text/html;q=0.5")


def _feed_request(url: str) -> FetchRequest:
    """A URL named like a feed is read whatever its content type; another only if it is served as XML."""
    return FetchRequest(url, accept=("*",) if url.lower().endswith(_FEED_SUFFIXES) else None)


def _expand(entry: str, fetched: Fetched | None = None) -> list[str]:
    if not is_url(entry):
        path = Path(entry)
        if path.suffix.lower() not in _FEED_SUFFIXES:
            return [entry]  # an article file; ingest reports it if it is missing
        try:
            check_local(path)
            if path.stat().st_size > MAX_BYTES:
                raise FeedError(f"{entry}: larger than {size_text(MAX_BYTES)}")
            data = path.read_bytes()
        except LocalFileRefused as exc:
            raise FeedError(f"{entry}: {exc}") from None
        except OSError as exc:
            raise FeedError(f"{entry}: cannot read: {exc.strerror or exc}") from None
        items = feed_items(data)
        if items is None:
            raise FeedError(f"{entry}: not an RSS or Atom feed")
        return [resolve_location(i, path.parent) for i in items]
    if fetched is None:
        fetched = fetch_sync([_feed_request(entry)], _feed_policy(()))[0]
    if not fetched.ok:
        if fetched.status is not None and fetched.status < 400 and fetched.content_type is not None \
                and fetched.error and fetched.error.startswith("not HTML or text"):
            return [entry]  # a page, not a feed: the article itself
        raise FeedError(f"{entry}: {fetched.error}")
    items = feed_items(fetched.body or b"", base=fetched.final_url or entry)
    if items is not None:
        return items
    return [entry]  # a page: the article itself


@flow(name="ingest-feeds", log_prints=False, retries=1, retry_delay_seconds=300)
def ingest_feeds(config: str = DEFAULT_FEEDS, db: str = DEFAULT_DB, batch_size: int = 25) -> FeedReport:
    """Ingest the items of the listed URLs and feeds that are not in the warehouse yet.

    Feeds and their items on private or loopback addresses are refused, unless their host is one
    of ``allowed_hosts()`` (a feed's author cannot point the pipeline at an internal address)."""
    check_database(db)
    from flows.ingest import ingest_articles

    logger = get_run_logger()
    entries = read_feed_config(config)
    report = FeedReport(entries=len(entries))
    allow_hosts = allowed_hosts()
    items, report.failures = expand_entries(entries, allow_hosts)
    report.items = len(items)
    seen = known_sources(db)
    report.new = [i for i in items if i not in seen]
    logger.info("%d entries, %d items, %d new", len(entries), len(items), len(report.new))
    if report.new:
        ingested = ingest_articles(report.new, db=db, batch_size=batch_size, allow_hosts=allow_hosts)
        report.failures.extend(ingested.failures)
    for entry, reason in report.failures:
        logger.warning("failed: %s", reason)
    create_markdown_artifact(key="ingest-feeds", markdown=_feeds_markdown(config, report),
                             description="Last run of ingest-feeds")
    refresh_dashboard(db)
    if entries and report.failures and len(report.failures) >= len(entries) and not report.new:
        raise RuntimeError(f"every entry of {config} failed; first: {report.failures[0][1]}")
    return report


def _feeds_markdown(config: str, report: FeedReport) -> str:
    lines = ["# Feeds ingest", "", f"- config: {escape(config)} ({report.entries} entries)",
             f"- items found: {report.items}", f"- new items ingested: {len(report.new)}",
             f"- failures: {len(report.failures)}"]
    if report.failures:
        lines += ["", md_table(["entry", "reason"], [list(f) for f in report.failures])]
    return "\n".join(lines) + "\n"


@flow(name="verify-pending", log_prints=False, retries=1, retry_delay_seconds=120)
def verify_pending(db: str = DEFAULT_DB, limit: int | None = 200, sources: str | None = None):
    """Verify unverified claims, most check-worthy first, then refresh the dashboard.

    ``sources``: a TOML file of ``[[sources]]`` (location, label, article) registered first;
    relative paths in it are relative to the file.
    """
    check_database(db)
    from flows.verify import verify_claims

    register_sources(sources, db)
    result = verify_claims(db=db, status="unverified", limit=limit, allow_hosts=allowed_hosts())
    refresh_dashboard(db)
    return result


@flow(name="recheck-stale", log_prints=False, retries=1, retry_delay_seconds=600)
def recheck_stale(db: str = DEFAULT_DB, stale_days: float = 7.0, limit: int | None = None,
                  sources: str | None = None):
    """Re-verify claims whose evidence changed or whose last check is older than ``stale_days``."""
    check_database(db)
    from flows.verify import verify_claims

    register_sources(sources, db)
    result = verify_claims(db=db, status=None, stale_days=stale_days, limit=limit, allow_hosts=allowed_hosts())
    refresh_dashboard(db)
    return result


def register_sources(path: str | None, db: str) -> int:
    """Register the sources listed in a TOML file (idempotent); returns how many entries."""
    if not path:
        return 0
    from warehouse.evidence import add_source

    entries = read_sources_file(path)  # locations resolved against the file's folder
    for entry in entries:
        add_source(entry["location"], label=entry.get("label"), article_id=entry.get("article"), db=db)
    return len(entries)


def build_deployments(db: str, feeds: str, schedules: Schedules = Schedules(), *, stale_days: float = 7.0,
                      sources: str | None = None):
    """The seven deployments, with absolute paths as parameters so any worker process finds the files (a
    DuckLake URL for ``db`` is passed as it is)."""
    from flows.digest import daily_digest
    from flows.maintain import maintain_warehouse
    from flows.review import review_claim, review_claims

    db = db if is_lake(db) else str(Path(db).resolve())
    feeds = str(Path(feeds).resolve())
    sources = str(Path(sources).resolve()) if sources else None
    return [
        ingest_feeds.to_deployment(
            name="ingest-feeds", cron=schedules.ingest, parameters={"config": feeds, "db": db},
            tags=TAGS + ["ingest"], description="Ingest new items of the configured URLs and RSS/Atom feeds.",
        ),
        verify_pending.to_deployment(
            name="verify-pending", cron=schedules.verify, parameters={"db": db, "sources": sources},
            tags=TAGS + ["verify"], description="Verify unverified claims, most check-worthy first.",
        ),
        recheck_stale.to_deployment(
            name="recheck-stale", cron=schedules.recheck, parameters={"db": db, "stale_days": stale_days, "sources": sources},
            tags=TAGS + ["verify"], description="Re-verify claims whose evidence changed or whose check is stale.",
        ),
        review_claims.to_deployment(
            name="review-claims", parameters={"db": db}, tags=TAGS + ["review"],
            description="Review a batch from the review queue in the run's Resume form.",
        ),
        review_claim.to_deployment(
            name="review-claim", parameters={"db": db}, tags=TAGS + ["review"],
            description="Record one reviewer's verdict on a claim.",
        ),
        daily_digest.to_deployment(
            name="daily-digest", cron=schedules.digest, parameters={"db": db}, tags=TAGS + ["digest"],
            description="The morning digest: the most check-worthy new claims, verdict changes and reviews "
                        "since the previous digest, as the daily-digest artifact and to the webhook, if any.",
        ),
        maintain_warehouse.to_deployment(
            name="maintain-warehouse", cron=schedules.maintain, parameters={"db": db}, tags=TAGS + ["maintain"],
            description="Housekeeping: a DuckLake's small files merged, snapshots and unreferenced files older "
                        "than keep_days removed; a DuckDB file checkpointed.",
        ),
    ]


ALLOW_HOSTS_ENV = "CLAIMTRACK_ALLOW_HOSTS"


def allowed_hosts() -> list[str]:
    """The private or loopback hosts the scheduled flows may fetch from: ``CLAIMTRACK_ALLOW_HOSTS``
    (comma-separated), set by ``claimtrack serve --allow-host``; never a flow parameter."""
    return [h.strip() for h in os.environ.get(ALLOW_HOSTS_ENV, "").split(",") if h.strip()]


def serve_roots(db: str, feeds: str, sources: str | None) -> str:
    """The folders flow runs of ``claimtrack serve`` may read local files from (see ``flows.localfiles``)."""
    files: list[str | None] = [None if is_lake(db) else db, feeds, sources]  # a DuckLake is no local file
    files += [e for e in read_feed_config(feeds) if not is_url(e)]
    if sources:
        files += [e["location"] for e in read_sources_file(sources) if not is_url(e["location"])]
    return roots_value(files)


def serve_all(db: str, feeds: str, schedules: Schedules = Schedules(), *, stale_days: float = 7.0,
              sources: str | None = None, limit: int | None = 4, allow_hosts: Sequence[str] = ()) -> None:
    """Register the deployments and run their flow runs until SIGTERM or Ctrl-C.

    Flow runs may read local files only in the folders of ``feeds``, ``sources``, ``db`` and the
    local files these list (``flows.localfiles``), unless CLAIMTRACK_LOCAL_ROOTS says otherwise,
    and reach private addresses only of ``allow_hosts`` (passed on as CLAIMTRACK_ALLOW_HOSTS)."""
    from prefect import serve

    os.environ.setdefault(ROOTS_ENV, serve_roots(db, feeds, sources))
    if allow_hosts:  # not a deployment parameter: a UI user must not be able to widen it
        os.environ[ALLOW_HOSTS_ENV] = ",".join(allow_hosts)
    deployments = build_deployments(db, feeds, schedules, stale_days=stale_days, sources=sources)
    serve(*deployments, limit=limit, print_starting_message=True)
