"""The ``claimtrack`` command line.

Every failure a user can cause ends as one line on stderr and a non-zero exit, never a traceback.
Prefect is imported only by the commands that run a flow, so ``extract``, ``claims`` and ``sql``
start fast.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

from warehouse import DEFAULT_DB, Table, WarehouseError, claims_table
from warehouse.lake import shown

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Terminal table: long cells are cut to these widths (csv and json print everything).
_WIDTHS = {"text": 60, "claim": 60, "claim_text": 60, "quantities": 34, "dates": 30, "speaker": 22, "evidence": 50,
           "source": 40, "location": 50, "passage": 60, "note": 40}


def _prefect_defaults() -> None:
    """Quiet, project-local Prefect settings as environment defaults; anything the user set wins."""
    defaults = {
        "PREFECT_HOME": str(Path.cwd() / ".prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_LOG_PRINTS": "false",
        # Run logs still reach the API (and the UI); the terminal shows only our own summary,
        # and a failed run as one line (main() prints the error the flow raised).
        "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL",
        "PREFECT_LOGGING_HANDLERS_CONSOLE_FLOW_RUNS_LEVEL": "CRITICAL",
        "PREFECT_LOGGING_HANDLERS_CONSOLE_TASK_RUNS_LEVEL": "CRITICAL",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)


def _prefect_environment() -> None:
    """Prefect for a command that runs a flow: quiet defaults, its temporary API server owned by the command."""
    _prefect_defaults()
    if not os.environ.get("PREFECT_API_URL"):
        from flows.lifetime import own_temporary_server

        own_temporary_server()  # the temporary API server stops with this command, even at kill -9
    from flows.lifetime import (
        crash_orphaned_runs,
        skip_flow_heartbeats,
        tag_this_process,
    )

    tag_this_process()
    skip_flow_heartbeats()  # a second saved at the end of every flow run (flows.lifetime)
    try:
        crash_orphaned_runs()  # runs of a command killed with kill -9 are not left RUNNING
    except Exception as exc:  # housekeeping: never the reason a command fails
        logging.getLogger("claimtrack").debug("could not check for orphaned runs: %s", exc)


def api_configured() -> bool:
    """True when a Prefect API URL is set, in the environment or the active Prefect profile."""
    if os.environ.get("PREFECT_API_URL"):
        return True
    _prefect_defaults()  # the same PREFECT_HOME (and so profile) as every other command
    from prefect.settings import PREFECT_API_URL

    return bool(PREFECT_API_URL.value())


def _refresh_when_served(db: str, *, changed: bool) -> None:
    """Refresh the dashboard artifacts after a command that changed the warehouse, when a Prefect server
    is configured (``PREFECT_API_URL``, in the environment or the profile), as deployment runs do.

    Under Prefect's temporary local API nobody sees the artifacts, and the refresh would add a few seconds
    to every command: it is skipped there.
    """
    if not changed or not api_configured():
        return
    from flows.dashboard import refresh_dashboard

    refresh_dashboard(db)


def _db(args: argparse.Namespace) -> str:
    """The warehouse: ``--db``, else ``$CLAIMTRACK_DB``, else the default file. A DuckDB file path or a
    DuckLake URL, ``ducklake:postgres:dbname=... host=... user=...;data=DIR`` (warehouse/lake.py)."""
    return args.db or os.environ.get("CLAIMTRACK_DB") or DEFAULT_DB


def cmd_ingest(args: argparse.Namespace) -> int:
    _prefect_environment()
    from flows.ingest import ingest_articles
    from flows.quiet import quiet_prefect

    db = _db(args)
    quiet_prefect()
    report = ingest_articles(list(args.inputs), db=db, batch_size=args.batch_size, show_progress=True,
                             register_cited_links=args.register_links, allow_hosts=args.allow_host)
    _refresh_when_served(db, changed=bool(report.stored or report.sources_added))
    if args.show and (report.stored or report.skipped):
        ids = set(report.stored) | set(report.skipped)
        table = claims_table(db)
        rows = [r for r in table.rows if r[table.columns.index("article_id")] in ids]
        _print_table(Table(table.columns, rows), "table")
    new = len(report.stored)
    print(
        f"ingested {new} new article{'s' * (new != 1)} ({report.claims} claims) into {shown(db)}"
        + (f"; {len(report.skipped)} already stored, nothing updated" if report.skipped else "")
        + (f"; {len(report.failures)} failed" if report.failures else "")
        + (f"; {report.sources_added} cited links registered as sources" if report.sources_added else "")
    )
    for _, reason in report.failures:
        print(f"claimtrack: {reason}", file=sys.stderr)
    return EXIT_FAILED if report.failures else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from claims.extract import build_article
    from flows.inputs import InputError, read_input

    try:
        raw = read_input(args.input, allowed_hosts=args.allow_host)
    except InputError as exc:
        return _fail(str(exc))
    article = build_article(raw.text, raw.source, title=raw.title, published=raw.published)
    if args.json:
        for ordinal, claim in enumerate(article.claims):
            print(json.dumps(_claim_json(article.id, ordinal, claim), ensure_ascii=False))
    else:
        rows = [
            (f"{article.id}:{i}", c.text, _kind(c), "; ".join(q.text for q in c.quantities),
             "; ".join(f"{d.text} = {d.value}" if d.value else d.text for d in c.dates), c.speaker or "",
             c.checkworthiness)
            for i, c in enumerate(article.claims)
        ]
        _print_table(Table(("claim_id", "text", "kind", "quantities", "dates", "speaker", "checkworthiness"), rows), "table")
    return EXIT_OK


def _claim_json(article_id: str, ordinal: int, claim) -> dict:
    return {
        "article_id": article_id,
        "claim_id": f"{article_id}:{ordinal}",
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "checkworthiness": claim.checkworthiness,
        "speaker": claim.speaker,
        "quote": None if claim.quote is None else {
            "text": claim.quote.text, "start": claim.quote.start, "end": claim.quote.end,
        },
        "quantities": [
            {"text": q.text, "start": q.start, "end": q.end, "value": q.value, "kind": q.kind,
             "unit": q.unit, "bound": q.bound, "of": q.of, "upper": q.upper}
            for q in claim.quantities
        ],
        "dates": [
            {"text": d.text, "start": d.start, "end": d.end, "value": d.value, "precision": d.precision}
            for d in claim.dates
        ],
        "quotes": [
            {"text": q.text, "start": q.start, "end": q.end, "speaker": q.speaker} for q in claim.quotes
        ],
        "sentence": claim.sentence,
        "fingerprint": claim.fingerprint,
    }


def _kind(claim) -> str:
    kinds = [name for name, present in (
        ("quote", claim.quote is not None), ("quantity", bool(claim.quantities)), ("date", bool(claim.dates)),
    ) if present]
    return "+".join(kinds) or ("attributed" if claim.speaker else "statement")


def cmd_claims(args: argparse.Namespace) -> int:
    # JSON gets each figure and date as a record (value, unit, bound, ...), not the text the table joins.
    # CSV and JSON stream (one batch of rows in memory); the table needs every row for its widths.
    from warehouse.read import stream_claims

    with stream_claims(_db(args), status=args.status, article=args.article, records=args.format == "json") as rows:
        _print_rows(rows.columns, rows.batches, args.format)
    return EXIT_OK


def cmd_sql(args: argparse.Namespace) -> int:
    from warehouse.read import stream_readonly_sql

    with stream_readonly_sql(_db(args), args.query, timeout=args.timeout or None) as rows:
        _print_rows(rows.columns, rows.batches, args.format)
    return EXIT_OK


def cmd_source_add(args: argparse.Namespace) -> int:
    from flows.sources import checked_location
    from warehouse.evidence import add_source

    location = checked_location(args.location, Path.cwd())  # a missing or unreadable file: one line, nothing added
    source_id, new = add_source(location, label=args.label, article_id=args.article, db=_db(args))
    scope = f"article {args.article}" if args.article else "every article"
    print(f"source {source_id} {'added' if new else 'already registered'}: {location} (for {scope})")
    return EXIT_OK


def cmd_source_remove(args: argparse.Namespace) -> int:
    from flows.inputs import is_url
    from flows.sources import resolve_location
    from warehouse.evidence import remove_sources

    given = args.source
    if given.isdigit():
        removed = remove_sources(source_id=int(given), article_id=args.article, db=_db(args))
    else:  # as registered, or a relative path as `source add` stored it
        locations = [given] if is_url(given) else list(dict.fromkeys([given, resolve_location(given, Path.cwd())]))
        removed = remove_sources(locations=locations, article_id=args.article, db=_db(args))
    if not removed:
        what = f"with id {given}" if given.isdigit() else f"registered at {given}"
        return _fail(f"no source {what}" + (f" for article {args.article}" if args.article else "")
                     + " (`claimtrack source list` shows them)")
    for r in removed:
        scope = f"article {r.source.article_id}" if r.source.article_id else "every article"
        kept = f"; its {r.evidence} evidence rows stay as history" if r.evidence else ""
        print(f"source {r.source.source_id} removed: {r.source.location} (for {scope}){kept}")
    return EXIT_OK


def cmd_source_list(args: argparse.Namespace) -> int:
    from warehouse.read import query

    _print_table(query(_db(args), "sources_table", {"failed": args.failed}), args.format)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    if args.sources_file:
        from flows.sources import read_sources_file

        read_sources_file(args.sources_file)  # a bad file (or entry) is one line here, before Prefect starts
    _prefect_environment()
    from flows.quiet import quiet_prefect
    from flows.verify import verify_claims

    quiet_prefect()
    report = verify_claims(
        db=_db(args), status=None if args.status == "any" else args.status, article=args.article,
        stale_days=args.stale_days, limit=args.limit, allow_hosts=args.allow_host,
        respect_robots=not args.ignore_robots, sources_file=args.sources_file,
    )
    _refresh_when_served(_db(args), changed=report.checked > 0 or bool(report.source_failures))
    _print_verify_report(report)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    _prefect_environment()
    from flows.demo import run_demo
    from flows.quiet import quiet_prefect

    quiet_prefect()
    try:
        report = run_demo(_db(args), port=args.port)
    except OSError as exc:
        return _fail(f"cannot serve the demo sources on 127.0.0.1:{args.port}: {exc.strerror or exc} (try --port)")
    _print_verify_report(report)
    return EXIT_OK


def _print_verify_report(report) -> None:
    if report.rows:
        rows = sorted(
            ((r["claim_id"], r["claim"], r["verdict"], r["confidence"], r["evidence"], r["source"]) for r in report.rows),
            key=lambda row: row[0],
        )
        _print_table(Table(("claim_id", "text", "verdict", "confidence", "evidence", "source"), rows), "table")
    counts = ", ".join(f"{v} {k}" for k, v in sorted(report.verdicts.items())) or (
        "no source could be read" if report.unreached else "nothing to verify")
    left = len(report.unreached)
    print(f"verified {report.checked} claims ({counts}); {report.changed} status changes"
          + (f"; {left} claim{'s' * (left != 1)} left as {'they were' if left != 1 else 'it was'}: none of "
             f"{'their' if left != 1 else 'its'} sources could be read (the next run tries again)" if left else ""))
    for location, error in report.source_failures:
        print(f"claimtrack: source {location}: {error}", file=sys.stderr)
    for location, article_id in report.self_sources:
        print(f"claimtrack: source {location}: not used for article {article_id}: it is the article itself",
              file=sys.stderr)
    for claim_id in report.flagged:
        print(f"claimtrack: claim {claim_id}: the pipeline now disagrees with its reviewer (needs re-review)", file=sys.stderr)


def cmd_verify_claim(args: argparse.Namespace) -> int:
    from flows.fetch import FetchPolicy

    if not args.text.strip():
        return _fail("the claim text is empty", EXIT_USAGE)
    claim_id = None
    if args.store:
        _prefect_environment()
        from flows.quiet import quiet_prefect
        from flows.verify import check_and_store

        quiet_prefect()
        claim_id, report = check_and_store(args.text, args.source, db=_db(args), allow_hosts=args.allow_host,
                                           respect_robots=not args.ignore_robots)
        failures = report.source_failures
        if claim_id not in report.results:  # none of its sources could be read: not checked, status unchanged
            return _not_checked(args, claim_id, failures)
        result = report.results[claim_id]
    else:
        from flows.verify import check_claim

        policy = FetchPolicy(allowed_hosts=frozenset(args.allow_host), respect_robots=not args.ignore_robots)
        result, fetched = check_claim(args.text, args.source, policy)
        failures = [(f.url, f.error or "failed") for f in fetched if not f.ok]
    payload = {
        **({"claim_id": claim_id} if claim_id is not None else {}),
        "verdict": result.verdict.status,
        "confidence": result.verdict.confidence,
        "reason": result.verdict.reason,
        "evidence": [
            {"source": r.location, "passage": r.text, "start": r.start, "end": r.end, "score": r.score, "stance": stance,
             "explanation": r.explanation}
            for r, stance in result.evidence
        ],
        "source_errors": [{"source": location, "error": error} for location, error in failures],
    }
    if args.json:
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(f"{result.verdict.status} (confidence {result.verdict.confidence:.2f}): {result.verdict.reason}")
        for r, stance in result.evidence:
            print(f"  [{stance}] {r.location}: {' '.join(r.text.split())[:160]}")
            print(f"      why: {r.explanation}")
        if claim_id is not None:
            where = f" --db {shlex.quote(args.db)}" if args.db else ""
            print(f"stored as claim {claim_id}; `claimtrack history {claim_id}{where}` shows its status events")
    for location, error in failures:
        print(f"claimtrack: source {location}: {error}", file=sys.stderr)
    given = set(args.source)
    return EXIT_FAILED if given and given <= {location for location, _ in failures} else EXIT_OK


def _not_checked(args: argparse.Namespace, claim_id: int, failures) -> int:
    reason = "none of its sources could be read; its status is unchanged"
    if args.json:
        print(json.dumps({"claim_id": claim_id, "verdict": None, "confidence": None, "reason": reason, "evidence": [],
                          "source_errors": [{"source": s, "error": e} for s, e in failures]}, ensure_ascii=False))
    else:
        print(f"not checked: {reason}")
        print(f"stored as claim {claim_id}; `claimtrack verify` tries it again")
    for location, error in failures:
        print(f"claimtrack: source {location}: {error}", file=sys.stderr)
    return EXIT_FAILED


def _print_rows(columns: tuple[str, ...], batches, fmt: str) -> None:
    """Rows arriving in batches: CSV and JSON are written batch by batch; a table waits for all of them."""
    if fmt == "json":
        for batch in batches:
            sys.stdout.writelines(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n"
                                  for row in batch)
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for batch in batches:
            writer.writerows(batch)
    else:
        _print_table(Table(columns, [row for batch in batches for row in batch]), fmt)


def _print_table(table: Table, fmt: str) -> None:
    if fmt in ("json", "csv"):
        _print_rows(table.columns, [table.rows], fmt)
        return
    cells = [[_cell(c, v) for c, v in zip(table.columns, row)] for row in table.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(table.columns, widths))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
    print(f"({len(cells)} row{'s' * (len(cells) != 1)})")


def _cell(column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if column in ("checkworthiness", "confidence"):
            return f"{value:.2f}"
        return format(value, ",.12g")  # 8,820,000,000 rather than 8.82e+09
    text = " ".join(str(value).split())
    width = _WIDTHS.get(column)
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def _fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"claimtrack: {message}", file=sys.stderr)
    return code


def with_allow_host(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """``--allow-host``: URLs are fetched from public addresses only, unless their host is named here."""
    p.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                   help="let this host through the private-address guard (repeatable), e.g. 127.0.0.1")
    return p


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Turn news articles into checkable claims stored in DuckDB, and track their verification.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", help=f"DuckDB file, or a DuckLake: 'ducklake:postgres:dbname=DB host=HOST user=USER;data=DIR' "
                                    f"(default: $CLAIMTRACK_DB or {DEFAULT_DB})")
        return p

    p = with_db(sub.add_parser("ingest", help="ingest articles (files or URLs) with the Prefect flow"))
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--batch-size", type=_positive_int, default=100,
                   help="articles per task and transaction (default 100)")
    p.add_argument("--show", action="store_true", help="print the claims of the ingested articles")
    p.add_argument("--register-links", action="store_true",
                   help="register the links an HTML article cites as candidate sources for its claims")
    with_allow_host(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", help="print an article's claims without storing anything")
    p.add_argument("input", metavar="PATH_OR_URL")
    p.add_argument("--json", action="store_true", help="one JSON object per claim, per line")
    with_allow_host(p)
    p.set_defaults(func=cmd_extract)

    p = with_db(sub.add_parser("claims", help="list stored claims"))
    p.add_argument("--status", choices=("unverified", "supported", "refuted", "conflicting", "not_enough_evidence"))
    p.add_argument("--article", metavar="ID", help="only this article's claims")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_claims)

    p = with_db(sub.add_parser("sql", help="run a read-only SQL query over the warehouse"))
    p.add_argument("query", metavar="SQL")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop the query after this long, so that writers are not kept waiting (0: no limit; default 30)")
    p.set_defaults(func=cmd_sql)

    p = with_db(sub.add_parser("source", help="manage the sources claims are checked against"))
    source_sub = p.add_subparsers(dest="source_command", required=True, metavar="ACTION")
    q = with_db(source_sub.add_parser("add", help="register a URL or a readable local file as a source"))
    q.add_argument("location", metavar="URL_OR_PATH")
    q.add_argument("--article", metavar="ID", help="only for this article's claims (default: every article)")
    q.add_argument("--label", help='a human label, e.g. "NATO press release"')
    q.set_defaults(func=cmd_source_add)
    q = with_db(source_sub.add_parser("remove", help="stop using a source (its evidence stays as history)"))
    q.add_argument("source", metavar="ID_OR_LOCATION")
    q.add_argument("--article", metavar="ID", help="only the source registered for this article")
    q.set_defaults(func=cmd_source_remove)
    q = with_db(source_sub.add_parser("list", help="list registered sources"))
    q.add_argument("--failed", action="store_true", help="only sources whose last fetch failed, with the error")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=cmd_source_list)

    p = with_db(sub.add_parser("verify", help="verify stored claims against their sources (Prefect flow)"))
    p.add_argument("--article", metavar="ID")
    p.add_argument("--status", default="unverified", help="claims with this current status (default unverified; 'any' for all)")
    p.add_argument("--stale-days", type=float, metavar="N", help="only claims not checked in the last N days")
    p.add_argument("--limit", type=_positive_int, metavar="N")
    p.add_argument("--sources-file", metavar="TOML", help="register the [[sources]] of this file first")
    with_allow_host(p)
    p.add_argument("--ignore-robots", action="store_true", help="do not honour robots.txt")
    p.set_defaults(func=cmd_verify)

    p = with_db(sub.add_parser("demo", help="the seed verified: serve seeds/sources on 127.0.0.1, ingest, verify"))
    p.add_argument("--port", type=int, default=8765, help="loopback port for the source pages (default 8765)")
    p.set_defaults(func=cmd_demo)

    p = with_db(sub.add_parser("verify-claim", help="check one claim against sources; stores nothing unless --store"))
    p.add_argument("text", metavar="CLAIM_TEXT")
    p.add_argument("--source", action="append", required=True, metavar="URL_OR_PATH", help="repeatable")
    p.add_argument("--json", action="store_true")
    p.add_argument("--store", action="store_true",
                   help="keep the claim, its sources, evidence and status events in the database (runs the verify flow)")
    with_allow_host(p)
    p.add_argument("--ignore-robots", action="store_true")
    p.set_defaults(func=cmd_verify_claim)

    from flows import cli_digest, cli_ui

    cli_ui.register(sub, with_db)
    cli_digest.register(sub, with_db)
    from flows import cli_pools, cli_warehouse

    cli_pools.register(sub, with_db)
    cli_warehouse.register(sub, with_db)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claimtrack")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "unknown"


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _configure_logging() -> None:
    """Our own warnings (e.g. waiting for the database lock) as plain lines on stderr."""
    logger = logging.getLogger("claimtrack")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("claimtrack: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    from flows.lifetime import Terminated, stop_on_signals
    from flows.localfiles import LocalFileRefused

    _configure_logging()
    args = build_parser().parse_args(argv)
    stop_on_signals()
    try:
        return args.func(args)
    except WarehouseError as exc:
        return _fail(str(exc))
    except Terminated:
        return _fail("stopped (SIGTERM)", 143)
    except LocalFileRefused as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        sys.stderr.close()  # `claimtrack claims | head`: the reader left, nothing to report
        return EXIT_OK
    except Exception as exc:  # a bug or Prefect's own error: one line, never a traceback
        first = (str(exc).strip().splitlines() or [""])[0]
        return _fail(f"{type(exc).__name__}: {first}" if first else type(exc).__name__)


if __name__ == "__main__":
    sys.exit(main())
