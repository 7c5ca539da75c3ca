"""Sources, their fetched snapshots and passages, full-text retrieval, and evidence rows.

Retrieval is BM25 over passages with DuckDB's ``fts`` extension (loaded by path from the
``duckdb-extension-fts`` package). The index is rebuilt only when passages were added since it
was built (``fts_state`` remembers the largest passage id it covers).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import duckdb

from claims.model import DateMention, Quantity
from claims.passages import SourceText
from warehouse.db import DEFAULT_DB, WarehouseError, connect, load_extension, utcnow

__all__ = [
    "ClaimToVerify",
    "Retrieved",
    "SourceRow",
    "add_source",
    "add_source_in",
    "claims_to_verify",
    "ensure_fts_index",
    "list_sources",
    "rank_adhoc",
    "retrieve",
    "sources_for_articles",
    "store_evidence",
    "store_fetch",
    "validators",
]


@dataclass(frozen=True, slots=True)
class SourceRow:
    source_id: int
    location: str
    label: str | None
    article_id: str | None


@dataclass(frozen=True, slots=True)
class Retrieved:
    passage_id: int | None
    source_id: int | None
    location: str
    text: str
    start: int
    end: int
    score: float
    kind: str = "paragraph"


@dataclass(frozen=True, slots=True)
class ClaimToVerify:
    claim_id: int
    article_id: str
    text: str
    published: str | None
    checkworthiness: float
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]


def add_source(
    location: str, *, label: str | None = None, article_id: str | None = None, db: str | os.PathLike[str] = DEFAULT_DB
) -> tuple[int, bool]:
    """Register a source (once per location and article); returns (source_id, newly added)."""
    with connect(db) as con:
        return add_source_in(con, location, label=label, article_id=article_id)


def add_source_in(
    con: duckdb.DuckDBPyConnection, location: str, *, label: str | None = None, article_id: str | None = None
) -> tuple[int, bool]:
    """``add_source`` on the caller's connection (and inside its transaction, if any)."""
    if article_id is not None:
        found = con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone()
        if found is None:
            raise WarehouseError(f"no article with id {article_id}")
    row = con.execute(
        "SELECT source_id FROM sources WHERE location = ? AND article_id IS NOT DISTINCT FROM ?",
        [location, article_id],
    ).fetchone()
    if row:
        if label:
            con.execute("UPDATE sources SET label = ? WHERE source_id = ?", [label, row[0]])
        return row[0], False
    source_id = con.execute("SELECT coalesce(max(source_id), 0) + 1 FROM sources").fetchone()[0]
    con.execute("INSERT INTO sources VALUES (?, ?, ?, ?, ?)", [source_id, location, label, article_id, utcnow()])
    return source_id, True


def list_sources(db: str | os.PathLike[str] = DEFAULT_DB) -> list[SourceRow]:
    with connect(db, read_only=True) as con:
        rows = con.execute("SELECT source_id, location, label, article_id FROM sources ORDER BY source_id").fetchall()
    return [SourceRow(*r) for r in rows]


def sources_for_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[SourceRow]:
    """Sources registered for any of these articles, and the global ones."""
    rows = con.execute(
        "SELECT source_id, location, label, article_id FROM sources "
        "WHERE article_id IS NULL OR list_contains(?, article_id) ORDER BY source_id",
        [list(article_ids)],
    ).fetchall()
    return [SourceRow(*r) for r in rows]


def validators(con: duckdb.DuckDBPyConnection, source_ids: Sequence[int]) -> dict[int, tuple[str | None, str | None, str | None]]:
    """Per source, the ETag, Last-Modified and content hash of its current snapshot."""
    rows = con.execute(
        "SELECT source_id, etag, last_modified, content_hash FROM source_fetches "
        "WHERE list_contains(?, source_id) AND content_hash IS NOT NULL "
        "QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY fetched_at DESC, fetch_id DESC) = 1",
        [list(source_ids)],
    ).fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def store_fetch(
    con: duckdb.DuckDBPyConnection,
    source_id: int,
    fetched,  # flows.fetch.Fetched (duck-typed: warehouse does not import flows)
    parsed: SourceText | None,
) -> bool:
    """Record one fetch; store its snapshot and passages if new. True when passages were added."""
    previous = validators(con, [source_id]).get(source_id)
    content_hash = fetched.content_hash
    if fetched.not_modified and previous:
        content_hash = previous[2]
    fetch_id = con.execute("SELECT coalesce(max(fetch_id), 0) + 1 FROM source_fetches").fetchone()[0]
    con.execute(
        "INSERT INTO source_fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [fetch_id, source_id, fetched.url, fetched.final_url, fetched.status,
         None if fetched.body is None else len(fetched.body), content_hash if fetched.error is None else None,
         fetched.etag, fetched.last_modified, fetched.not_modified, fetched.fetched_at or utcnow(), fetched.error],
    )
    if parsed is None or content_hash is None or fetched.not_modified:
        return False
    exists = con.execute("SELECT 1 FROM source_snapshots WHERE content_hash = ?", [content_hash]).fetchone()
    if exists:
        return False
    con.execute(
        "INSERT INTO source_snapshots VALUES (?, ?, ?, ?, ?)",
        [content_hash, source_id, parsed.title, parsed.text, utcnow()],
    )
    if not parsed.passages:
        return False
    first = con.execute("SELECT coalesce(max(passage_id), 0) + 1 FROM passages").fetchone()[0]
    rows = [
        (first + i, content_hash, source_id, i, p.kind, p.context, p.text, p.start, p.end)
        for i, p in enumerate(parsed.passages)
    ]
    for chunk_start in range(0, len(rows), 400):
        chunk = rows[chunk_start : chunk_start + 400]
        placeholders = ", ".join("(?, ?, ?, ?, ?, ?, ?, ?, ?)" for _ in chunk)
        con.execute(f"INSERT INTO passages VALUES {placeholders}", [v for row in chunk for v in row])
    return True


def ensure_fts_index(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build the BM25 index over passages if passages were added since it was built."""
    load_extension(con, "fts")
    con.execute("CREATE TABLE IF NOT EXISTS fts_state (max_passage_id BIGINT NOT NULL)")
    current = con.execute("SELECT coalesce(max(passage_id), 0) FROM passages").fetchone()[0]
    built = con.execute("SELECT max(max_passage_id) FROM fts_state").fetchone()[0]
    if built == current:
        return
    con.execute("PRAGMA create_fts_index('passages', 'passage_id', 'text', stemmer = 'porter', overwrite = 1)")
    con.execute("DELETE FROM fts_state")
    con.execute("INSERT INTO fts_state VALUES (?)", [current])


_RETRIEVE = """
WITH current_snapshots AS (
    SELECT source_id, content_hash FROM source_fetches
    WHERE content_hash IS NOT NULL AND list_contains($sources, source_id)
    QUALIFY row_number() OVER (PARTITION BY source_id ORDER BY fetched_at DESC, fetch_id DESC) = 1
),
scored AS (  -- a snapshot shared by two sources (the same page registered twice) counts once
    SELECT p.passage_id, c.source_id, s.location, p.text, p.start_char, p.end_char, p.kind,
           fts_main_passages.match_bm25(p.passage_id, $query) AS score,
           $cue IS NOT NULL AND regexp_matches(p.text, $cue) AS cued
    FROM passages AS p
    JOIN current_snapshots AS c ON c.content_hash = p.content_hash
    JOIN sources AS s ON s.source_id = c.source_id
    QUALIFY row_number() OVER (PARTITION BY p.passage_id ORDER BY c.source_id) = 1
)
SELECT passage_id, source_id, location, text, start_char, end_char, kind, coalesce(score, 0.0)
FROM (
    (SELECT * FROM scored WHERE score IS NOT NULL ORDER BY score DESC, passage_id LIMIT $limit)
    UNION
    (SELECT * FROM scored WHERE cued ORDER BY passage_id LIMIT $limit)
)
ORDER BY coalesce(score, 0.0) DESC, passage_id
"""


def retrieve(
    con: duckdb.DuckDBPyConnection, query: str, source_ids: Sequence[int], limit: int = 20, cue: str | None = None
) -> list[Retrieved]:
    """The best passages of these sources' current snapshots for a query, by BM25.

    ``cue``: a regular expression (RE2); passages matching it are returned too, whatever words
    they share with the query (at most ``limit`` of them, with the score they have).
    """
    if not source_ids or not query.strip():
        return []
    rows = con.execute(_RETRIEVE, {"sources": list(source_ids), "query": query, "limit": limit, "cue": cue}).fetchall()
    return [Retrieved(r[0], r[1], r[2], r[3], r[4], r[5], float(r[7]), r[6]) for r in rows]


def claims_to_verify(
    con: duckdb.DuckDBPyConnection,
    *,
    status: str | None = "unverified",
    article: str | None = None,
    stale_days: float | None = None,
    limit: int | None = None,
    claim_ids: Sequence[int] | None = None,
) -> list[ClaimToVerify]:
    """Canonical claims to (re)verify, most check-worthy first, with their quantities and dates."""
    rows = con.execute(
        """
        SELECT c.claim_id, c.article_id, c.text, a.published, c.checkworthiness
        FROM claims_current AS c JOIN articles AS a USING (article_id)
        WHERE c.claim_id = c.canonical_id
          AND ($status IS NULL OR c.status = $status)
          AND ($article IS NULL OR c.article_id = $article)
          AND ($ids IS NULL OR list_contains($ids, c.claim_id))
          AND ($cutoff IS NULL OR c.last_checked_at IS NULL OR c.last_checked_at < $cutoff)
        ORDER BY c.checkworthiness DESC, c.claim_id
        LIMIT coalesce($limit, 1000000000)
        """,
        {"status": status, "article": article, "ids": None if claim_ids is None else list(claim_ids),
         "cutoff": None if stale_days is None else utcnow() - timedelta(days=stale_days), "limit": limit},
    ).fetchall()
    ids = [r[0] for r in rows]
    quantities: dict[int, list[Quantity]] = {i: [] for i in ids}
    for r in con.execute(
        'SELECT claim_id, text, start_char, end_char, value, kind, unit, bound, "of", upper FROM quantities '
        "WHERE list_contains(?, claim_id) ORDER BY claim_id, ordinal",
        [ids],
    ).fetchall():
        quantities[r[0]].append(Quantity(*r[1:]))
    dates: dict[int, list[DateMention]] = {i: [] for i in ids}
    for r in con.execute(
        'SELECT claim_id, text, start_char, end_char, value, "precision" FROM dates '
        "WHERE list_contains(?, claim_id) ORDER BY claim_id, ordinal",
        [ids],
    ).fetchall():
        dates[r[0]].append(DateMention(*r[1:]))
    return [
        ClaimToVerify(r[0], r[1], r[2], r[3], r[4], tuple(quantities[r[0]]), tuple(dates[r[0]]))
        for r in rows
    ]


def store_evidence(
    con: duckdb.DuckDBPyConnection, claim_id: int, items: Sequence[tuple[Retrieved, str]]
) -> list[int]:
    """Replace nothing, append the evidence of this check; returns the new evidence ids."""
    if not items:
        return []
    first = con.execute("SELECT coalesce(max(evidence_id), 0) + 1 FROM evidence").fetchone()[0]
    now = utcnow()
    rows = [
        (first + i, claim_id, r.source_id, r.passage_id, r.text, r.start, r.end, r.score, stance, now)
        for i, (r, stance) in enumerate(items)
    ]
    placeholders = ", ".join("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" for _ in rows)
    con.execute(f"INSERT INTO evidence VALUES {placeholders}", [v for row in rows for v in row])
    return [row[0] for row in rows]


def rank_adhoc(
    documents: Sequence[tuple[str, SourceText]], query: str, limit: int = 20, cue: str | None = None
) -> list[Retrieved]:
    """BM25 over documents held in memory (an ad-hoc check stores nothing): same index, same query."""
    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        load_extension(con, "fts")
        con.execute(
            "CREATE TABLE passages (passage_id BIGINT, source_id BIGINT, location VARCHAR, text VARCHAR, "
            "start_char INTEGER, end_char INTEGER, kind VARCHAR)"
        )
        flat = [(i, location, p) for i, (location, parsed) in enumerate(documents) for p in parsed.passages]
        rows = [(n, i, location, p.text, p.start, p.end, p.kind) for n, (i, location, p) in enumerate(flat, start=1)]
        if not rows or not query.strip():
            return []
        for chunk_start in range(0, len(rows), 400):
            chunk = rows[chunk_start : chunk_start + 400]
            con.execute(
                "INSERT INTO passages VALUES " + ", ".join("(?, ?, ?, ?, ?, ?, ?)" for _ in chunk),
                [v for row in chunk for v in row],
            )
        con.execute("PRAGMA create_fts_index('passages', 'passage_id', 'text', stemmer = 'porter')")
        found = con.execute(
            "WITH scored AS (SELECT passage_id, location, text, start_char, end_char, kind, "
            "fts_main_passages.match_bm25(passage_id, $query) AS score, "
            "$cue IS NOT NULL AND regexp_matches(text, $cue) AS cued FROM passages) "
            "SELECT passage_id, location, text, start_char, end_char, kind, coalesce(score, 0.0) FROM ("
            "(SELECT * FROM scored WHERE score IS NOT NULL ORDER BY score DESC, passage_id LIMIT $limit) UNION "
            "(SELECT * FROM scored WHERE cued ORDER BY passage_id LIMIT $limit)) "
            "ORDER BY coalesce(score, 0.0) DESC, passage_id",
            {"query": query, "limit": limit, "cue": cue},
        ).fetchall()
    finally:
        con.close()
    return [Retrieved(None, None, r[1], r[2], r[3], r[4], float(r[6]), r[5]) for r in found]
