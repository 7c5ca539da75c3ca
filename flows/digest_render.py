"""The morning digest as text: the Markdown artifact (no Prefect here).

:func:`build_digest` reads the window ``(since, until]`` from the warehouse (``warehouse.digest``) and
renders it as Markdown for the ``daily-digest`` artifact, every untrusted cell escaped with
:mod:`flows.markdown` (article links through :func:`flows.markdown.link`). ``claimtrack digest`` uses
it without starting Prefect; the flow is ``flows.digest``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flows.markdown import Markdown, escape, link, md_table
from warehouse import Table
from warehouse.db import utcnow
from warehouse.digest import DigestData, digest_data

__all__ = ["DIGEST_KEY", "Digest", "build_digest", "digest_markdown", "digest_window", "to_utc"]

DIGEST_KEY = "daily-digest"
DEFAULT_TOP = 10
DEFAULT_WINDOW = timedelta(hours=24)
MAX_EVENTS = 100  # rows per section of events; the totals count every one
TEXT_WIDTH = 300  # characters of a claim in the digest (the warehouse keeps all of it)


@dataclass(frozen=True, slots=True)
class Digest:
    since: datetime  # naive UTC, exclusive
    until: datetime  # naive UTC, inclusive
    basis: str  # why the window starts at `since`, in words
    markdown: str
    new_claims: int
    changes: int
    reviews: int


def to_utc(moment: datetime) -> datetime:
    """Naive UTC, as the warehouse stores time: an aware datetime converted, a naive one taken as UTC."""
    if moment.tzinfo is not None:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def digest_window(since: datetime | None, previous: datetime | None, now: datetime) -> tuple[datetime, str]:
    """Where the window starts, and why: the given ``since``, else the previous digest, else 24 hours back."""
    if since is not None:
        return to_utc(since), "since the time asked for"
    if previous is not None:
        return to_utc(previous), "since the previous digest"
    return now - DEFAULT_WINDOW, "the last 24 hours"


def build_digest(db: str, *, since: datetime | None = None, previous: datetime | None = None,
                 top: int = DEFAULT_TOP, now: datetime | None = None) -> Digest:
    """Read the window from the warehouse and render it as Markdown; no Prefect."""
    until = to_utc(now) if now is not None else utcnow()
    start, basis = digest_window(since, previous, until)
    data = digest_data(db, since=start, until=until, top=top, max_events=MAX_EVENTS)
    return Digest(
        since=start, until=until, basis=basis, markdown=digest_markdown(data, db=db, basis=basis),
        new_claims=data.new_claims, changes=data.changes_total, reviews=data.reviews_total,
    )


# --- the Markdown artifact ------------------------------------------------------------------------

def digest_markdown(data: DigestData, *, db: str, basis: str) -> str:
    lines = [
        "# Morning digest",
        "",
        f"{when(data.since)} to {when(data.until)} UTC ({basis}), from {escape(db)}.",
        "",
        f"**{_count(data.new_claims, 'new claim')}** in {_count(data.new_articles, 'new article')}, "
        f"**{_count(data.changes_total, 'verdict change')}**, **{_count(data.reviews_total, 'review')}**.",
    ]
    if data.empty:
        lines += ["", "Nothing new in this window: no new claims, no verdict changes, no reviews."]
        return "\n".join(lines) + "\n"
    lines += ["", "## Most check-worthy new claims", ""]
    if data.top_claims.rows:
        rows = []
        for number, row in enumerate(_records(data.top_claims), start=1):
            also = f" (in {row['appearances']} new articles)" if row["appearances"] > 1 else ""
            rows.append([number, f"{row['checkworthiness']:.2f}", row["claim_id"], _short(row["text"]) + also,
                         row["status"], _article(row["article_title"], row["article_source"], row["article_published"])])
        lines.append(md_table(["#", "check-worthiness", "claim", "text", "status", "article"], rows))
        if data.top_total > len(rows):
            lines += ["", f"The {len(rows)} most check-worthy of {data.top_total} new claims "
                          "(a claim repeated in several new articles counts once)."]
    else:
        lines.append("No new claims.")
    lines += ["", "## Verdict changes", ""]
    if data.changes.rows:
        rows = [[when(r["recorded_at"]), r["claim_id"], _short(r["text"]), r["old_status"], _now_status(r),
                 _actor(r), _article(r["article_title"], r["article_source"])] for r in _records(data.changes)]
        lines.append(md_table(["when (UTC)", "claim", "text", "was", "now", "by", "article"], rows))
        lines += _more(data.changes_total, len(rows), "verdict changes")
    else:
        lines.append("No verdict changed.")
    lines += ["", "## Reviews", ""]
    if data.reviews.rows:
        rows = [[when(r["recorded_at"]), r["claim_id"], _short(r["text"]), r["event_status"], r["old_status"],
                 r["actor"], _short(r["note"] or "", 200)] for r in _records(data.reviews)]
        lines.append(md_table(["when (UTC)", "claim", "text", "decision", "was", "reviewer", "note"], rows))
        lines += _more(data.reviews_total, len(rows), "reviews")
    else:
        lines.append("No reviews.")
    return "\n".join(lines) + "\n"


def _now_status(row: dict) -> str:
    if row["disagrees"]:
        return f"{row['new_status']} (the reviewer's verdict stands; the pipeline now says " \
               f"{row['event_status']}: needs re-review)"
    return row["new_status"]


def _actor(row: dict) -> str:
    return f"{row['actor']} (reviewer)" if row["human"] else row["actor"]


def _article(title: object, source: object, published: object = None) -> Markdown:
    shown = link(_short(title or "", 100) or None, source)
    return Markdown(shown + (f" \\({escape(published)}\\)" if published else ""))


def _more(total: int, shown: int, what: str) -> list[str]:
    return ["", f"The latest {shown} of {total} {what}."] if total > shown else []


# --- small helpers ---------------------------------------------------------------------------------

def _records(table: Table) -> list[dict]:
    return [dict(zip(table.columns, row)) for row in table.rows]


def when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"


def _short(text: object, width: int = TEXT_WIDTH) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
