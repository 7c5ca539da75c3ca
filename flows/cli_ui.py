"""Command-line commands for the review dashboard, scheduled deployments and exports.

    claimtrack serve                       register the deployments on a Prefect server and run them
    claimtrack links [--wait S]            the Prefect UI addresses of the dashboard and the review queue
    claimtrack review ID --verdict V --reviewer NAME [--note TEXT]
    claimtrack history ID                  a claim's status events, oldest first
    claimtrack export claimreview --out FILE
    claimtrack export parquet DIR
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from claims.model import STATUSES

__all__ = ["register", "claimreview_document"]

# ClaimReview rating scale: 1 (false) .. 5 (true); alternateName is the verdict in words.
RATINGS = {
    "refuted": (1, "False"),
    "conflicting": (3, "Mixed"),
    "supported": (5, "True"),
    "not_enough_evidence": (-1, "Unproven"),  # -1: not rated on the scale (no verdict on the evidence)
}


def register(sub, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the `claimtrack` parser."""
    # Defaults live in flows.serve (imported only when serving, so other commands start fast).
    p = with_db(sub.add_parser("serve", help="serve the scheduled and review deployments on a Prefect server"))
    p.add_argument("--feeds", default=os.environ.get("CLAIMTRACK_FEEDS"),
                   help="feeds config file for ingest-feeds (default: $CLAIMTRACK_FEEDS or config/feeds.txt)")
    p.add_argument("--sources", default=os.environ.get("CLAIMTRACK_SOURCES"),
                   help="TOML [[sources]] registered before each verification "
                        "(default: $CLAIMTRACK_SOURCES, else config/sources.toml when present; 'none' for none)")
    p.add_argument("--ingest-cron", metavar="CRON", help="ingest-feeds schedule (default hourly: '0 * * * *')")
    p.add_argument("--verify-cron", metavar="CRON", help="verify-pending schedule (default '*/15 * * * *')")
    p.add_argument("--recheck-cron", metavar="CRON", help="recheck-stale schedule (default daily: '30 3 * * *')")
    p.add_argument("--digest-cron", metavar="CRON", help="daily-digest schedule (default daily: '0 7 * * *', UTC)")
    p.add_argument("--maintain-cron", metavar="CRON",
                   help="maintain-warehouse schedule (default daily: '45 4 * * *', UTC)")
    p.add_argument("--stale-days", type=float, default=7.0, help="recheck-stale: days after which a check is stale")
    p.add_argument("--limit", type=int, default=4, help="flow runs at a time (default 4)")
    from flows.cli import with_allow_host

    with_allow_host(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("links", help="the Prefect UI addresses of the dashboard, review queue and its table")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="wait up to this long for pages not published yet (the first flow run publishes them)")
    p.set_defaults(func=cmd_links)

    p = with_db(sub.add_parser("review", help="record a reviewer's verdict on a claim"))
    p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    p.add_argument("--verdict", required=True, choices=STATUSES)
    p.add_argument("--reviewer", required=True, help="who decides (recorded as the event's actor)")
    p.add_argument("--note", default="", help="why (recorded with the event)")
    p.set_defaults(func=cmd_review)

    p = with_db(sub.add_parser("history", help="a claim's status events, oldest first"))
    p.add_argument("claim_id", type=int, metavar="CLAIM_ID")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("export", help="export reviewed claims as ClaimReview JSON-LD, or the tables as Parquet")
    kinds = p.add_subparsers(dest="export_kind", required=True, metavar="FORMAT")
    k = with_db(kinds.add_parser("claimreview", help="schema.org ClaimReview JSON-LD of the reviewed claims"))
    k.add_argument("--out", required=True, metavar="FILE", help="file to write ('-' for stdout)")
    k.add_argument("--publisher", default=None, help="organisation publishing the reviews (optional)")
    k.set_defaults(func=cmd_export_claimreview)
    k = with_db(kinds.add_parser("parquet", help="every warehouse table as DIR/<table>.parquet"))
    k.add_argument("directory", metavar="DIR")
    k.set_defaults(func=cmd_export_parquet)


def _db(args: argparse.Namespace) -> str:
    from flows.cli import _db as cli_db

    return cli_db(args)


def _fail(message: str) -> int:
    print(f"claimtrack: {message}", file=sys.stderr)
    return 1


def cmd_links(args: argparse.Namespace) -> int:
    """Print ``key: URL`` for each dashboard page; the URLs stay the latest (flows.dashboard.publish)."""
    import time

    from flows.cli import _prefect_environment, api_configured

    _prefect_environment()
    if not api_configured():
        return _fail("links needs a Prefect server: run `make ui`, or set PREFECT_API_URL")
    from prefect.settings import PREFECT_UI_URL

    from flows.dashboard import PAGES, latest_artifact

    ui = (PREFECT_UI_URL.value() or "").rstrip("/")  # derived from PREFECT_API_URL unless set

    deadline = time.monotonic() + max(0.0, args.wait)
    while True:
        found = {key: latest_artifact(key) for key in PAGES}
        if all(found.values()) or time.monotonic() >= deadline:
            break
        time.sleep(1.0)
    for key, artifact in found.items():
        where = f"{ui}/artifacts/artifact/{artifact.id}" if artifact else "not published yet (the first flow run does)"
        print(f"{key}: {where}")
    return 0 if all(found.values()) else 1


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.cli import _prefect_environment, api_configured

    _prefect_environment()
    if not api_configured():
        return _fail("serve needs a Prefect server: run `make ui`, or set PREFECT_API_URL "
                     "(e.g. http://127.0.0.1:4200/api)")
    from flows.serve import (
        DEFAULT_FEEDS,
        DEFAULT_SOURCES,
        FeedError,
        Schedules,
        read_feed_config,
        serve_all,
    )

    defaults = Schedules()
    feeds = args.feeds or DEFAULT_FEEDS
    try:
        read_feed_config(feeds)
    except FeedError as exc:
        return _fail(str(exc))
    from prefect.client.schemas.schedules import CronSchedule

    schedules = Schedules(ingest=args.ingest_cron or defaults.ingest, verify=args.verify_cron or defaults.verify,
                          recheck=args.recheck_cron or defaults.recheck, digest=args.digest_cron or defaults.digest,
                          maintain=args.maintain_cron or defaults.maintain)
    for cron in (schedules.ingest, schedules.verify, schedules.recheck, schedules.digest, schedules.maintain):
        try:
            CronSchedule(cron=cron)
        except ValueError:
            return _fail(f"not a valid cron string: {cron!r}")
    sources = args.sources or (DEFAULT_SOURCES if Path(DEFAULT_SOURCES).exists() else None)
    if sources == "none":
        sources = None
    elif sources and not Path(sources).is_file():
        return _fail(f"{sources}: no such sources file")
    serve_all(_db(args), feeds, schedules, stale_days=args.stale_days, sources=sources, limit=args.limit,
              allow_hosts=args.allow_host)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from warehouse.status import StatusChange, record_status, reviewer_name

    if not args.reviewer.strip():
        return _fail("--reviewer: give the name of the person deciding")
    reviewer = reviewer_name(args.reviewer)  # refuses the machine's name: one line, exit 1
    record_status([StatusChange(args.claim_id, args.verdict, actor=reviewer, note=args.note.strip() or None,
                                human=True)], _db(args))
    print(f"claim {args.claim_id}: {args.verdict} by {reviewer}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from flows.cli import _print_table
    from warehouse import Table
    from warehouse.status import claim_history

    events = claim_history(args.claim_id, _db(args))
    columns = ("recorded_at", "status", "confidence", "actor", "note")
    rows = [tuple(_plain(e[c]) for c in columns) for e in events]
    _print_table(Table(columns, rows), args.format)
    return 0


def _plain(value):
    return value.isoformat(sep=" ", timespec="seconds") if hasattr(value, "isoformat") else value


def claimreview_document(rows: list[dict], publisher: str | None = None) -> list[dict]:
    """schema.org ClaimReview objects for reviewed claims (rows from warehouse.dashboard.claimreview_rows)."""
    reviews = []
    for row in rows:
        if row["status"] not in RATINGS:
            continue  # a reviewer set it back to unverified: nothing to publish
        value, name = RATINGS[row["status"]]
        appearances = [_creative_work(source) for source in row["appearances"]]
        claim: dict = {"@type": "Claim", "appearance": appearances}
        if appearances:
            first = dict(appearances[0])
            if row["first_published"]:
                first["datePublished"] = row["first_published"]
            claim["firstAppearance"] = first
        if row["first_published"]:
            claim["datePublished"] = row["first_published"]
        if row["speaker"]:
            claim["author"] = {"@type": "Person", "name": row["speaker"]}
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": f"claimtrack:claim:{row['claim_id']}",
            "claimReviewed": row["text"],
            "itemReviewed": claim,
            "author": {"@type": "Person", "name": row["reviewer"]},
            "datePublished": row["reviewed_at"].date().isoformat(),
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                             "alternateName": name},
        }
        if row["note"]:
            review["reviewBody"] = row["note"]
        if publisher:
            review["publisher"] = {"@type": "Organization", "name": publisher}
        reviews.append(review)
    return reviews


def _creative_work(source: str) -> dict:
    if source.startswith(("http://", "https://")):
        return {"@type": "CreativeWork", "url": source}
    return {"@type": "CreativeWork", "name": source}


def cmd_export_claimreview(args: argparse.Namespace) -> int:
    from warehouse.dashboard import claimreview_rows

    reviews = claimreview_document(claimreview_rows(_db(args)), args.publisher)
    text = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        out = Path(args.out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            return _fail(f"{out}: cannot write: {exc.strerror or exc}")
        print(f"wrote {len(reviews)} ClaimReview{'s' * (len(reviews) != 1)} to {out}")
    return 0


def cmd_export_parquet(args: argparse.Namespace) -> int:
    from warehouse.dashboard import export_parquet

    written = export_parquet(_db(args), args.directory)
    print(f"wrote {len(written)} tables to {args.directory}: {', '.join(p.stem for p in written)}")
    return 0
