"""Sources, their fetched snapshots (passages and tables), and evidence rows.

A fetch that brings new content stores a snapshot: its text, its passages (paragraphs, headings,
list items, table rows) and its tables (``source_tables``: header, rows, and the passage of each
row). :func:`load_snapshots` reads snapshots back as the verifier's :class:`~claims.passages.SourceText`,
each passage with its ``passage_id``; a snapshot stored before tables were kept (migration 3) has
its tables rebuilt from its table-row passages ("Header: cell | Header: cell"). Evidence rows are
written in bulk, one statement per batch of checks, with the verifier's explanation; so are a batch's
fetch rows (:func:`store_fetches`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import duckdb

from claims.model import DateMention, Quantity
from claims.passages import Passage, SourceText
from claims.tables import Table
from warehouse.db import DEFAULT_DB, WarehouseError, connect, reserve_ids, utcnow, write

__all__ = [
    "ClaimToVerify",
    "EvidencePassage",
    "Snapshot",
    "RemovedSource",
    "SourceRow",
    "add_source",
    "add_source_in",
    "claims_to_verify",
    "current_snapshots",
    "list_sources",
    "load_snapshots",
    "rebuild_tables",
    "remove_sources",
    "sources_for_articles",
    "store_evidence",
    "store_fetch",
    "store_fetches",
    "validators",
]


@dataclass(frozen=True, slots=True)
class SourceRow:
    source_id: int
    location: str
    label: str | None
    article_id: str | None


@dataclass(frozen=True, slots=True)
class EvidencePassage:
    """A passage (or table row) that a check showed for a claim, with why it decides or not."""

    passage_id: int | None  # passages.passage_id; None for an ad-hoc check (nothing stored)
    source_id: int | None
    location: str
    text: str
    start: int | None  # offsets into the snapshot's text (None when the verifier named no passage)
    end: int | None
    score: float  # 1.0 when it decided (part of) the claim, 0.0 for a related passage shown
    kind: str = "paragraph"
    explanation: str = ""  # the verifier's comparison, e.g. claim 'about 3.1 million' vs ... = 3,107 for Wales


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A stored snapshot as the verifier reads it, with the warehouse id of each of its passages."""

    content_hash: str
    source: SourceText
    passage_ids: tuple[int, ...]  # aligned with ``source.passages``
    article_key: str | None = None  # the article id this page would have as an article (source_snapshots)


@dataclass(frozen=True, slots=True)
class ClaimToVerify:
    claim_id: int
    article_id: str
    text: str
    published: str | None
    checkworthiness: float
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    article_source: str | None = None  # the path or URL its article was read from (articles.source)


def add_source(
    location: str, *, label: str | None = None, article_id: str | None = None, db: str | os.PathLike[str] = DEFAULT_DB
) -> tuple[int, bool]:
    """Register a source (once per location and article); returns (source_id, newly added)."""
    return write(db, lambda con: add_source_in(con, location, label=label, article_id=article_id),
                 what=f"registering source {location}")


def add_source_in(
    con: duckdb.DuckDBPyConnection, location: str, *, label: str | None = None, article_id: str | None = None
) -> tuple[int, bool]:
    """``add_source`` on the caller's connection (and inside its transaction, if any)."""
    if article_id is not None:
        found = con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone()
        if found is None:
            raise WarehouseError(f"no article with id {article_id}")
    row = con.execute(
        "SELECT source_id FROM sources WHERE location = ? AND article_id IS NOT DISTINCT FROM ? AND removed_at IS NULL",
        [location, article_id],
    ).fetchone()
    if row:
        if label:
            con.execute("UPDATE sources SET label = ? WHERE source_id = ?", [label, row[0]])
        return row[0], False
    # Inside the caller's transaction: on a lake two processes adding the same new location then conflict at
    # COMMIT (both move the sources counter), and the one that runs again finds the other's row.
    source_id = reserve_ids(con, "sources", 1, in_transaction=True)
    con.execute("INSERT INTO sources (source_id, location, label, article_id, added_at) VALUES (?, ?, ?, ?, ?)",
                [source_id, location, label, article_id, utcnow()])
    return source_id, True


@dataclass(frozen=True, slots=True)
class RemovedSource:
    source: SourceRow
    evidence: int  # evidence rows that cite it, kept as history


def remove_sources(
    *, source_id: int | None = None, locations: Sequence[str] = (), article_id: str | None = None,
    db: str | os.PathLike[str] = DEFAULT_DB,
) -> list[RemovedSource]:
    """Remove the source with this id, or those registered at any of ``locations`` (only the one for
    ``article_id`` when given); returns what was removed, nothing when none matched.

    A removed source is marked (``sources.removed_at``), not deleted: its fetches, snapshots,
    passages and evidence rows point at it, and the status events citing that evidence are the
    append-only record of why each claim has its status; deleting them would rewrite that record,
    and deleting only the source would leave evidence naming nothing. So the evidence stays as
    history, the claims keep their statuses (a later check simply no longer sees the source), and
    the source is never fetched, listed or used again. Adding the location again registers a new source.
    """
    def remove(con: duckdb.DuckDBPyConnection) -> list[RemovedSource]:
        rows = con.execute(
            "SELECT source_id, location, label, article_id FROM sources WHERE removed_at IS NULL "
            "AND (source_id = $id OR list_contains($locations, location)) "
            "AND ($article IS NULL OR article_id IS NOT DISTINCT FROM $article) ORDER BY source_id",
            {"id": source_id, "locations": list(locations), "article": article_id},
        ).fetchall()
        ids = [r[0] for r in rows]
        if not ids:
            return []
        counts = dict(con.execute(
            "SELECT source_id, count(*) FROM evidence WHERE list_contains(?, source_id) GROUP BY source_id", [ids]
        ).fetchall())
        con.execute("UPDATE sources SET removed_at = ? WHERE list_contains(?, source_id)", [utcnow(), ids])
        return [RemovedSource(SourceRow(*r), counts.get(r[0], 0)) for r in rows]

    return write(db, remove, what="removing sources")


def list_sources(db: str | os.PathLike[str] = DEFAULT_DB) -> list[SourceRow]:
    """The sources in use (not removed)."""
    with connect(db, read_only=True) as con:
        rows = con.execute("SELECT source_id, location, label, article_id FROM sources WHERE removed_at IS NULL "
                           "ORDER BY source_id").fetchall()
    return [SourceRow(*r) for r in rows]


def sources_for_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[SourceRow]:
    """Sources in use registered for any of these articles, and the global ones."""
    rows = con.execute(
        "SELECT source_id, location, label, article_id FROM sources "
        "WHERE removed_at IS NULL AND (article_id IS NULL OR list_contains(?, article_id)) ORDER BY source_id",
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


def current_snapshots(con: duckdb.DuckDBPyConnection, source_ids: Sequence[int]) -> dict[int, str]:
    """Per source, the content hash of its current snapshot (its latest fetch that brought or kept content)."""
    return {source_id: v[2] for source_id, v in validators(con, source_ids).items() if v[2] is not None}


def store_fetch(
    con: duckdb.DuckDBPyConnection,
    source_id: int,
    fetched,  # flows.fetch.Fetched (duck-typed: warehouse does not import flows)
    parsed: SourceText | None,
    article_key: str | None = None,
) -> bool:
    """Record one fetch; store its snapshot, passages and tables if new. True when passages were added.

    ``article_key``: the article id the fetched page would have as an article (``flows.sources``),
    kept with the snapshot; a snapshot stored without one gets it when its page is fetched whole again."""
    return store_fetches(con, [(source_id, fetched, parsed, article_key)])[0]


def store_fetches(
    con: duckdb.DuckDBPyConnection, fetches: Sequence[tuple[int, object, SourceText | None, str | None]]
) -> list[bool]:
    """:func:`store_fetch` of several sources, (source id, fetched, parsed, article key) each, as if one
    after the other: one query for their validators and one insert of their fetch rows, then each new
    snapshot stored. A source named twice is stored one fetch at a time (each sees the fetch before)."""
    ids = [source_id for source_id, *_ in fetches]
    if len(set(ids)) < len(ids):
        return [flag for item in fetches for flag in store_fetches(con, [item])]
    if not fetches:
        return []
    previous = validators(con, ids)
    hashes = []
    for source_id, fetched, _, _ in fetches:
        known = previous.get(source_id)
        hashes.append(known[2] if fetched.not_modified and known else fetched.content_hash)
    first = reserve_ids(con, "source_fetches", len(fetches))
    rows = [f for _, f, _, _ in fetches]
    con.execute(  # one statement for every fetch row: parallel lists, unnested together
        "INSERT INTO source_fetches SELECT unnest(?::BIGINT[]), unnest(?::BIGINT[]), "
        "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), "
        "unnest(?::BIGINT[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
        "unnest(?::BOOLEAN[]), unnest(?::TIMESTAMP[]), unnest(?::VARCHAR[])",
        [list(range(first, first + len(rows))), list(ids), list(f.url for f in rows),
         list(f.final_url for f in rows), list(f.status for f in rows),
         list(None if f.body is None else len(f.body) for f in rows),
         list(h if f.error is None else None for f, h in zip(rows, hashes)), list(f.etag for f in rows),
         list(f.last_modified for f in rows), list(f.not_modified for f in rows),
         [f.fetched_at or utcnow() for f in rows], list(f.error for f in rows)],
    )
    return [
        parsed is not None and content_hash is not None and not fetched.not_modified
        and _store_snapshot(con, source_id, content_hash, parsed, article_key)
        for (source_id, fetched, parsed, article_key), content_hash in zip(fetches, hashes)
    ]


def _store_snapshot(con: duckdb.DuckDBPyConnection, source_id: int, content_hash: str, parsed: SourceText,
                    article_key: str | None) -> bool:
    """A fetched page's snapshot, passages and tables, unless stored already. True when passages were added."""
    exists = con.execute("SELECT article_key FROM source_snapshots WHERE content_hash = ?", [content_hash]).fetchone()
    if exists:
        if exists[0] is None and article_key is not None:
            con.execute("UPDATE source_snapshots SET article_key = ? WHERE content_hash = ?", [article_key, content_hash])
        return False
    con.execute(
        "INSERT INTO source_snapshots (content_hash, source_id, title, text, stored_at, article_key) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [content_hash, source_id, parsed.title, parsed.text, utcnow(), article_key],
    )
    if not parsed.passages:
        return False
    first = reserve_ids(con, "passages", len(parsed.passages))
    passages = parsed.passages
    con.execute(  # one statement however many passages: parallel lists, unnested together
        "INSERT INTO passages (passage_id, content_hash, source_id, ordinal, kind, context, text, start_char, end_char) "
        "SELECT unnest(?::BIGINT[]), ?, ?, unnest(?::INTEGER[]), unnest(?::VARCHAR[]), "
        "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::INTEGER[])",
        [list(range(first, first + len(passages))), content_hash, source_id, list(range(len(passages))),
         list(p.kind for p in passages), list(p.context for p in passages), list(p.text for p in passages),
         list(p.start for p in passages), list(p.end for p in passages)],
    )
    if parsed.tables:  # a table's ``passages`` index ``parsed.passages``, i.e. they are the rows' ordinals
        tables = parsed.tables
        con.execute(
            'INSERT INTO source_tables (content_hash, table_no, caption, header, "rows", notes, passage_ordinals) '
            "SELECT ?, unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[][]), "
            "unnest(?::VARCHAR[][][]), unnest(?::VARCHAR[][]), unnest(?::INTEGER[][])",
            [content_hash, list(range(len(tables))), list(t.caption for t in tables),
             list(list(t.header) for t in tables), list([list(row) for row in t.rows] for t in tables),
             list(list(t.notes) for t in tables), list(list(t.passages) for t in tables)],
        )
    return True


def load_snapshots(con: duckdb.DuckDBPyConnection, content_hashes: Sequence[str]) -> dict[str, Snapshot]:
    """These snapshots as the verifier reads them: passages by ordinal, tables (stored, or rebuilt
    from the table-row passages of a snapshot stored before tables were kept). Three queries in all."""
    hashes = sorted(set(content_hashes))
    if not hashes:
        return {}
    heads = {
        r[0]: (r[1], r[2], r[3])
        for r in con.execute(
            "SELECT content_hash, title, text, article_key FROM source_snapshots WHERE list_contains(?, content_hash)",
            [hashes],
        ).fetchall()
    }
    passages: dict[str, list[tuple]] = {h: [] for h in heads}
    for r in con.execute(
        "SELECT content_hash, passage_id, ordinal, kind, context, text, start_char, end_char FROM passages "
        "WHERE list_contains(?, content_hash) ORDER BY content_hash, ordinal, passage_id",
        [hashes],
    ).fetchall():
        if r[0] in passages:
            passages[r[0]].append(r[1:])
    stored: dict[str, list[tuple]] = {h: [] for h in heads}
    for r in con.execute(
        'SELECT content_hash, caption, header, "rows", notes, passage_ordinals FROM source_tables '
        "WHERE list_contains(?, content_hash) ORDER BY content_hash, table_no",
        [hashes],
    ).fetchall():
        if r[0] in stored:
            stored[r[0]].append(r[1:])
    out = {}
    for content_hash, (title, text, article_key) in heads.items():
        rows = passages[content_hash]
        index = {ordinal: i for i, (_, ordinal, *_rest) in enumerate(rows)}
        parsed = tuple(Passage(t, start, end, kind, context) for _, _, kind, context, t, start, end in rows)
        if stored[content_hash]:
            tables = tuple(
                Table(tuple(header), tuple(tuple(row) for row in body), caption, tuple(notes or ()),
                      tuple(index.get(o, -1) for o in ordinals))
                for caption, header, body, notes, ordinals in stored[content_hash]
            )
        else:
            tables = rebuild_tables(parsed)
        out[content_hash] = Snapshot(content_hash, SourceText(title, text, parsed, tables), tuple(r[0] for r in rows),
                                     article_key)
    return out


def rebuild_tables(passages: Sequence[Passage]) -> tuple[Table, ...]:
    """Tables read back from table-row passages, for snapshots stored before tables were kept.

    Consecutive ``table_row`` passages with the same context (the table's caption or heading) form
    one table, unless a row shares no column with the rows before it; each row's text
    "Header: cell | Header: cell" gives its cells. A passage drops empty cells, so a column a row
    does not name is empty in that row, and footnotes are not recovered."""
    tables: list[Table] = []
    group: list[tuple[int, list[tuple[str, str]]]] = []
    context: str | None = None

    def flush() -> None:
        if group:
            tables.append(_table_of(group, context))
            group.clear()

    for i, p in enumerate(passages):
        if p.kind != "table_row":
            flush()
            continue
        cells = _row_cells(p.text)
        if group and (p.context != context or not _shares_column(group, cells)):
            flush()
        context = p.context
        group.append((i, cells))
    flush()
    return tuple(tables)


def _row_cells(text: str) -> list[tuple[str, str]]:
    """(header, cell) pairs of a table row's passage text; a cell under an empty header has no "Header: "."""
    cells = []
    for piece in text.split(" | "):
        header, sep, cell = piece.partition(": ")
        cells.append((header, cell) if sep else ("", piece))
    return cells


def _keys(cells: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """Column keys of a row: the header and its occurrence (two columns may share a header)."""
    seen: dict[str, int] = {}
    keys = []
    for header, _ in cells:
        keys.append((header, seen.get(header, 0)))
        seen[header] = seen.get(header, 0) + 1
    return keys


def _shares_column(group: list[tuple[int, list[tuple[str, str]]]], cells: list[tuple[str, str]]) -> bool:
    named = {k for _, row in group for k in _keys(row) if k[0]}
    return not named or any(k in named for k in _keys(cells) if k[0])


def _table_of(group: list[tuple[int, list[tuple[str, str]]]], caption: str | None) -> Table:
    columns: list[tuple[str, int]] = []  # every row's columns in order, merged: a row missing a cell still fits
    for _, cells in sorted(group, key=lambda item: -len(item[1])):  # the fullest row first sets the order
        previous = -1
        for key in _keys(cells):
            if key in columns:
                previous = columns.index(key)
            else:
                previous += 1
                columns.insert(previous, key)
    rows = []
    for _, cells in group:
        by_key = dict(zip(_keys(cells), (cell for _, cell in cells)))
        rows.append([by_key.get(key, "") for key in columns])
    header = [h for h, _ in columns]
    for c in range(len(header)):  # a header with ": " in it ("Note: 2021") came apart: every row has the rest
        heads = {row[c].partition(": ")[0] for row in rows if row[c]}
        filled = [row for row in rows if row[c]]
        if len(filled) >= 2 and len(heads) == 1 and all(": " in row[c] for row in filled):
            header[c] = f"{header[c]}: {heads.pop()}" if header[c] else heads.pop()
            for row in filled:
                row[c] = row[c].partition(": ")[2]
    return Table(tuple(header), tuple(tuple(r) for r in rows), caption, (), tuple(i for i, _ in group))


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
        SELECT c.claim_id, c.article_id, c.text, a.published, c.checkworthiness, a.source
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
        "WHERE list_contains(?::BIGINT[], claim_id) ORDER BY claim_id, ordinal",
        [list(ids)],
    ).fetchall():
        quantities[r[0]].append(Quantity(*r[1:]))
    dates: dict[int, list[DateMention]] = {i: [] for i in ids}
    for r in con.execute(
        'SELECT claim_id, text, start_char, end_char, value, "precision" FROM dates '
        "WHERE list_contains(?::BIGINT[], claim_id) ORDER BY claim_id, ordinal",
        [list(ids)],
    ).fetchall():
        dates[r[0]].append(DateMention(*r[1:]))
    return [
        ClaimToVerify(r[0], r[1], r[2], r[3], r[4], tuple(quantities[r[0]]), tuple(dates[r[0]]), r[5])
        for r in rows
    ]


def store_evidence(
    con: duckdb.DuckDBPyConnection, checks: Sequence[tuple[int, Sequence[tuple[EvidencePassage, str]]]]
) -> list[list[int]]:
    """Append the evidence of a batch of checks, (claim id, [(passage, stance), ...]) each, in one
    statement; replaces nothing. Returns the new evidence ids, per check. The rows share ``found_at``."""
    rows = [(claim_id, e, stance) for claim_id, items in checks for e, stance in items]
    ids: list[list[int]] = []
    if not rows:
        return [[] for _ in checks]
    first = reserve_ids(con, "evidence", len(rows))
    cursor = first
    for _, items in checks:
        ids.append(list(range(cursor, cursor + len(items))))
        cursor += len(items)
    con.execute(  # one list per column, unnested together
        "INSERT INTO evidence (evidence_id, claim_id, source_id, passage_id, passage, start_char, end_char, score, "
        "stance, found_at, explanation) "
        "SELECT unnest(?::BIGINT[]), unnest(?::BIGINT[]), unnest(?::BIGINT[]), unnest(?::BIGINT[]), "
        "unnest(?::VARCHAR[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]), unnest(?::DOUBLE[]), "
        "unnest(?::VARCHAR[]), ?::TIMESTAMP, unnest(?::VARCHAR[])",
        [list(range(first, first + len(rows))), list(r[0] for r in rows), list(r[1].source_id for r in rows),
         list(r[1].passage_id for r in rows), list(r[1].text for r in rows), list(r[1].start for r in rows),
         list(r[1].end for r in rows), list(r[1].score for r in rows), list(r[2] for r in rows), utcnow(),
         list(r[1].explanation for r in rows)],
    )
    return ids
