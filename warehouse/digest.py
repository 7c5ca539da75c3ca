"""Read side of the morning digest: what happened in the warehouse between two moments.

Three named queries (``warehouse/queries/digest_*.sql``), each over the window ``(since, until]``
(naive UTC, as every stored timestamp): the counts of new articles and claims, the most
check-worthy new claims (one row per canonical claim), and the status events of the window split
into verdict changes and reviewer decisions. This module only binds parameters and shapes rows;
``flows.digest`` renders them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from warehouse.db import WarehouseError
from warehouse.read import Table, query

__all__ = ["DigestData", "digest_data"]


@dataclass(frozen=True, slots=True)
class DigestData:
    since: datetime
    until: datetime
    new_articles: int
    new_claims: int  # every claim stored in the window, repeats included
    top_claims: Table  # the most check-worthy new canonical claims, with their article
    top_total: int  # new canonical claims in all (top_claims holds at most `top`)
    changes: Table  # status changes, newest first
    changes_total: int
    reviews: Table  # reviewer decisions, newest first
    reviews_total: int

    @property
    def empty(self) -> bool:
        return not (self.new_articles or self.changes_total or self.reviews_total)


def digest_data(
    db: str | os.PathLike[str],
    *,
    since: datetime,
    until: datetime,
    top: int = 10,
    max_events: int = 100,
) -> DigestData:
    """Everything the digest shows for the window ``(since, until]``; ``top`` new claims at most, and at
    most ``max_events`` rows per section of events (the totals count every row)."""
    if top < 1:
        raise WarehouseError("the digest needs at least 1 claim (top >= 1)")
    if since.tzinfo is not None or until.tzinfo is not None:
        raise WarehouseError("digest windows are naive UTC datetimes")
    window = {"since": since, "until": until}
    counts = query(db, "digest_counts", window).rows[0]
    top_claims = query(db, "digest_new_claims", window | {"limit": top})
    changes = query(db, "digest_events", window | {"section": "changes", "limit": max_events})
    reviews = query(db, "digest_events", window | {"section": "reviews", "limit": max_events})
    return DigestData(
        since=since, until=until, new_articles=int(counts[0]), new_claims=int(counts[1]),
        top_claims=top_claims, top_total=_total(top_claims),
        changes=changes, changes_total=_total(changes),
        reviews=reviews, reviews_total=_total(reviews),
    )


def _total(table: Table) -> int:
    return int(table.rows[0][table.columns.index("total")]) if table.rows else 0
