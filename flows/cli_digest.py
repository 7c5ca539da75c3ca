"""``claimtrack digest``: print the morning digest, publish it, post it to a webhook.

    claimtrack digest [--since ISO] [--top N] [--webhook URL] [--allow-host H] [--db FILE]

Prints the digest's Markdown on stdout. With a Prefect API configured (``PREFECT_API_URL`` or the
active profile) it runs the ``daily-digest`` flow, which also publishes the ``daily-digest``
artifact; without one it reads the warehouse directly and starts no Prefect server (there would be
no UI to show the artifact in). The default window is since the previous run of the ``daily-digest``
deployment (with an API), else the last 24 hours.

With ``--webhook URL`` (default ``$CLAIMTRACK_DIGEST_WEBHOOK``) it POSTs the Slack-compatible message
through ``flows.webhook`` (address guard, timeout, one retry); a failed POST is one line on stderr and
exit 1, after the digest was printed and published.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import datetime

__all__ = ["register"]


def register(sub, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]) -> None:
    """Add ``digest`` to the `claimtrack` parser."""
    from flows.cli import _positive_int, with_allow_host

    p = with_db(sub.add_parser("digest", help="print the morning digest (new claims, verdict changes, reviews) "
                                              "and post it to a webhook"))
    p.add_argument("--since", type=_moment, metavar="ISO",
                   help="start of the window, e.g. 2025-05-01 or 2025-05-01T07:00+02:00 (UTC unless an offset is "
                        "given; default: the previous daily-digest run, else 24 hours ago)")
    p.add_argument("--top", type=_positive_int, default=10, metavar="N", help="new claims to show (default 10)")
    p.add_argument("--webhook", metavar="URL",
                   help="POST the digest as Slack-compatible JSON here (default: $CLAIMTRACK_DIGEST_WEBHOOK)")
    with_allow_host(p)
    p.set_defaults(func=cmd_digest)


def _moment(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date or time: {value!r} (e.g. 2025-05-01T07:00)") from None
    from flows.digest_render import to_utc

    return to_utc(moment)


def cmd_digest(args: argparse.Namespace) -> int:
    from flows.cli import _db, _fail
    from flows.webhook import WebhookError, post_json, webhook_origin

    db = _db(args)
    url = args.webhook or os.environ.get("CLAIMTRACK_DIGEST_WEBHOOK", "").strip() or None
    from flows.cli import api_configured

    if api_configured():
        from flows.cli import _prefect_environment

        _prefect_environment()
        from flows.digest import daily_digest
        from flows.quiet import quiet_prefect

        quiet_prefect()
        digest = daily_digest(db=db, since=args.since, top=args.top, post=False)  # we post it below
    else:
        from flows.digest_render import build_digest
        from flows.localfiles import check_database

        check_database(db)
        digest = build_digest(db, since=args.since, top=args.top)
    sys.stdout.write(digest.markdown)
    sys.stdout.flush()
    if not url:
        return 0
    try:
        status = post_json(url, digest.payload, allowed_hosts=args.allow_host)
    except WebhookError as exc:
        return _fail(f"digest webhook {exc}")
    print(f"digest posted to {webhook_origin(url)} (HTTP {status})", file=sys.stderr)
    return 0
