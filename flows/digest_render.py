"""The morning digest as text: the Markdown artifact and the Slack-compatible message (no Prefect here).

:func:`build_digest` reads the window ``(since, until]`` from the warehouse (``warehouse.digest``) and
renders it twice: Markdown for the ``daily-digest`` artifact, every untrusted cell escaped with
:mod:`flows.markdown` (article links through :func:`flows.markdown.link`), and a Slack message
(``text`` plus ``blocks``) whose untrusted text goes through :func:`slack_text`: ``& < >`` as
entities, and a zero-width space after Slack's formatting characters and inside bare URLs (Slack has
no escape for ``*bold*``). ``claimtrack digest`` uses it without starting Prefect; the flow is
``flows.digest``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flows.markdown import Markdown, escape, link, link_target, md_table, shorten
from warehouse import Table
from warehouse.db import utcnow
from warehouse.digest import DigestData, digest_data

__all__ = ["DIGEST_KEY", "Digest", "build_digest", "digest_markdown", "digest_window", "slack_payload",
           "slack_text", "to_utc"]

DIGEST_KEY = "daily-digest"
DEFAULT_TOP = 10
DEFAULT_WINDOW = timedelta(hours=24)
MAX_EVENTS = 100  # rows per section of events; the totals count every one
TEXT_WIDTH = 300  # characters of a claim in the digest (the warehouse keeps all of it)
SLACK_SECTION = 2900  # Slack allows 3,000 characters in a section's text
SLACK_BLOCKS = 50  # and 50 blocks in a message
ZWSP = "\u200b"


@dataclass(frozen=True, slots=True)
class Digest:
    since: datetime  # naive UTC, exclusive
    until: datetime  # naive UTC, inclusive
    basis: str  # why the window starts at `since`, in words
    markdown: str
    payload: dict  # the Slack-compatible message
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
    """Read the window from the warehouse and render it (Markdown and the Slack message); no Prefect."""
    until = to_utc(now) if now is not None else utcnow()
    start, basis = digest_window(since, previous, until)
    data = digest_data(db, since=start, until=until, top=top, max_events=MAX_EVENTS)
    return Digest(
        since=start, until=until, basis=basis, markdown=digest_markdown(data, db=db, basis=basis),
        payload=slack_payload(data, basis=basis), new_claims=data.new_claims, changes=data.changes_total,
        reviews=data.reviews_total,
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
            rows.append([number, f"{row['checkworthiness']:.2f}", row["claim_id"], shorten(row["text"], TEXT_WIDTH) + also,
                         row["status"], _article(row["article_title"], row["article_source"], row["article_published"])])
        lines.append(md_table(["#", "check-worthiness", "claim", "text", "status", "article"], rows))
        if data.top_total > len(rows):
            lines += ["", f"The {len(rows)} most check-worthy of {data.top_total} new claims "
                          "(a claim repeated in several new articles counts once)."]
    else:
        lines.append("No new claims.")
    lines += ["", "## Verdict changes", ""]
    if data.changes.rows:
        rows = [[when(r["recorded_at"]), r["claim_id"], shorten(r["text"], TEXT_WIDTH), r["old_status"], _now_status(r),
                 _actor(r), _article(r["article_title"], r["article_source"])] for r in _records(data.changes)]
        lines.append(md_table(["when (UTC)", "claim", "text", "was", "now", "by", "article"], rows))
        lines += _more(data.changes_total, len(rows), "verdict changes")
    else:
        lines.append("No verdict changed.")
    lines += ["", "## Reviews", ""]
    if data.reviews.rows:
        rows = [[when(r["recorded_at"]), r["claim_id"], shorten(r["text"], TEXT_WIDTH), r["event_status"], r["old_status"],
                 r["actor"], shorten(r["note"] or "", 200)] for r in _records(data.reviews)]
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
    shown = link(shorten(title or "", 100) or None, source)
    return Markdown(shown + (f" \\({escape(published)}\\)" if published else ""))


def _more(total: int, shown: int, what: str) -> list[str]:
    return ["", f"The latest {shown} of {total} {what}."] if total > shown else []


# --- the Slack-compatible message ----------------------------------------------------------------

def slack_payload(data: DigestData, *, basis: str) -> dict:
    """``{"text": summary, "blocks": [...]}``: a header, the summary, then one section per part of the digest."""
    summary = (f"{_count(data.new_claims, 'new claim')} in {_count(data.new_articles, 'new article')}, "
               f"{_count(data.changes_total, 'verdict change')}, {_count(data.reviews_total, 'review')}")
    text = f"claimtrack morning digest, {when(data.since)} to {when(data.until)} UTC: {summary}"
    blocks: list[dict] = [
        {"type": "header", "text": {"type": "plain_text", "text": f"Morning digest {data.until:%Y-%m-%d}"}},
        {"type": "context", "elements": [{"type": "mrkdwn",
                                          "text": f"{when(data.since)} to {when(data.until)} UTC ({basis})"}]},
        _section(f"*{summary}*"),
    ]
    if data.empty:
        blocks.append(_section("Nothing new in this window: no new claims, no verdict changes, no reviews."))
        return {"text": text, "blocks": blocks}
    claims = [
        f"{n}. `{r['checkworthiness']:.2f}` {slack_text(shorten(r['text'], TEXT_WIDTH))} ({r['status']}) "
        f"{_slack_link(r['article_title'], r['article_source'])}"
        for n, r in enumerate(_records(data.top_claims), start=1)
    ]
    changes = [
        f"• {when(r['recorded_at'])} claim {r['claim_id']}: {slack_text(shorten(r['text'], 200))} "
        f"*{r['old_status']} → {_now_status(r)}* by {slack_text(r['actor'])}{' (reviewer)' if r['human'] else ''}"
        for r in _records(data.changes)
    ]
    reviews = [
        f"• {when(r['recorded_at'])} claim {r['claim_id']}: {slack_text(shorten(r['text'], 200))} "
        f"*{r['event_status']}* (was {r['old_status']}) by {slack_text(r['actor'])}"
        + (f": {slack_text(shorten(r['note'], 200))}" if r["note"] else "")
        for r in _records(data.reviews)
    ]
    for title, lines, total in (("Most check-worthy new claims", claims, data.top_total),
                                ("Verdict changes", changes, data.changes_total),
                                ("Reviews", reviews, data.reviews_total)):
        if lines:
            more = f"\n… {total - len(lines)} more in the `{DIGEST_KEY}` artifact" if total > len(lines) else ""
            blocks += [_section(chunk) for chunk in _chunks([f"*{title}*", *lines], more)]
    if len(blocks) > SLACK_BLOCKS:
        blocks = blocks[: SLACK_BLOCKS - 1] + [{"type": "context", "elements": [
            {"type": "mrkdwn", "text": f"The rest is in the `{DIGEST_KEY}` artifact."}]}]
    return {"text": text, "blocks": blocks}


_SLACK_CONTROL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_SLACK_FORMAT = re.compile(r"([*_~`])")
_SLACK_AUTOLINK = re.compile(r"(:)(//)|(?i:(www))(\.)")


def slack_text(value: object) -> str:
    """Untrusted text for Slack's mrkdwn: ``& < >`` as entities (no links, mentions or ``<!channel>``), and a
    zero-width space after each formatting character and inside ``://`` and ``www.`` (no bold, code or links)."""
    flat = " ".join(str(value or "").split()).translate(_SLACK_CONTROL)
    flat = _SLACK_FORMAT.sub(r"\1" + ZWSP, flat)
    return _SLACK_AUTOLINK.sub(lambda m: (m.group(1) or m.group(3)) + ZWSP + (m.group(2) or m.group(4)), flat)


def _slack_link(title: object, source: object) -> str:
    label = slack_text(shorten(title or source or "article", 100))
    target = link_target(source)
    return f"<{target}|{label}>" if target else label


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def _chunks(lines: list[str], tail: str) -> list[str]:
    """Lines joined into section texts of at most SLACK_SECTION characters."""
    chunks, current = [], ""
    for line in lines:
        line = line[:SLACK_SECTION]
        if current and len(current) + 1 + len(line) > SLACK_SECTION:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if tail and len(current) + len(tail) > SLACK_SECTION:
        chunks.append(current)
        current = tail.lstrip("\n")
    else:
        current += tail
    return chunks + [current]


# --- small helpers ---------------------------------------------------------------------------------

def _records(table: Table) -> list[dict]:
    return [dict(zip(table.columns, row)) for row in table.rows]


def when(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' * (n != 1)}"
