"""claim_state, the current state kept beside the append-only history: after every kind of write it equals
the state rebuilt from the history, and claims_current shows what the history-ranking view showed."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.model import Article, Claim
from warehouse import connect, run_readonly_sql, store_articles
from warehouse.db import transaction
from warehouse.evidence import EvidencePassage, add_source_in, store_evidence
from warehouse.state import STATE_COLUMNS, state_query
from warehouse.status import StatusChange, record_status, record_status_in

# claims_current as it was before claim_state: every query ranked the whole event log. Kept as the reference.
FROM_LOG = (Path(__file__).parent / "fixtures" / "claims_current_from_log.sql").read_text(encoding="utf-8")


def article(article_id: str, fingerprints: list[str]) -> Article:
    text = "NATO cut the Russian mission to 20 out of 30 positions in 2018."
    claims = tuple(Claim(text=text, start=0, end=len(text), sentence=i, checkworthiness=0.5 + i / 10, fingerprint=fp)
                   for i, fp in enumerate(fingerprints))
    return Article(id=article_id, text=text, source=f"{article_id}.txt", title=f"Article {article_id}",
                   published="2021-10", claims=claims)


def verdict(db: str, claim_id: int, status: str, confidence: float, stances: list[str]) -> None:
    """A machine check as the verification flow writes it: evidence, then the status, in one transaction."""
    with connect(db) as con, transaction(con):
        source_id, _ = add_source_in(con, "https://stats.example/table")
        rows = [(EvidencePassage(None, source_id, "https://stats.example/table", f"row {i}", 0, 5, 1.0), stance)
                for i, stance in enumerate(stances)]
        ids = store_evidence(con, [(claim_id, rows)])[0]
        decided = tuple(i for i, (_, stance) in zip(ids, rows) if stance != "neutral")
        record_status_in(con, [StatusChange(claim_id, status, confidence, evidence_ids=decided, note="table")])


def review(db: str, claim_id: int, status: str, reviewer: str) -> None:
    record_status([StatusChange(claim_id, status, None, actor=reviewer, note="read the report")], db)


# Each step, in order, writes one kind of history; the claim ids are the order of storing.
HISTORY = [
    pytest.param(lambda db: store_articles([article("a", ["x", "y"])], db), id="ingest-two-claims"),
    pytest.param(lambda db: verdict(db, 1, "supported", 0.8, ["supports", "neutral"]), id="machine-supports"),
    pytest.param(lambda db: verdict(db, 2, "refuted", 0.6, ["refutes"]), id="machine-refutes"),
    pytest.param(lambda db: store_articles([article("b", ["x"])], db), id="a-repeat-inherits-its-canonical-state"),
    pytest.param(lambda db: review(db, 3, "refuted", "Ana"), id="review-through-the-repeat"),
    pytest.param(lambda db: verdict(db, 1, "supported", 0.805, ["supports"]), id="same-verdict-new-check"),
    pytest.param(lambda db: verdict(db, 1, "conflicting", 0.5, ["supports", "refutes"]), id="machine-disagrees"),
    pytest.param(lambda db: store_articles([article("c", ["y", "z"])], db), id="repeat-of-a-refuted-claim"),
    pytest.param(lambda db: review(db, 4, "supported", "Bo"), id="second-reviewer"),
    pytest.param(lambda db: store_articles([article("a", ["x", "y"])], db), id="re-ingest-changes-nothing"),
]


def rows(db: str, sql: str) -> list[tuple]:
    return run_readonly_sql(db, sql).rows


def test_the_state_after_each_write_is_the_state_rebuilt_from_the_history(db):
    columns = ", ".join(STATE_COLUMNS)
    for step in HISTORY:
        step.values[0](db)
        kept = rows(db, f"SELECT {columns} FROM claim_state ORDER BY claim_id")
        rebuilt = rows(db, f"SELECT {columns} FROM ({state_query()}) ORDER BY claim_id")
        assert kept == rebuilt, step.id
        with connect(db) as con:  # the old view, as a temporary view beside today's
            con.execute(FROM_LOG.replace("CREATE OR REPLACE VIEW claims_current", "CREATE TEMP VIEW from_log"))
            now = con.execute("SELECT * FROM claims_current ORDER BY claim_id").fetchall()
            before = con.execute("SELECT * FROM from_log ORDER BY claim_id").fetchall()
        assert now == before, step.id
    final = {r[0]: r[1:] for r in rows(db, "SELECT claim_id, status, reviewed, needs_rereview FROM claims_current")}
    assert final == {1: ("refuted", True, True), 2: ("supported", True, False), 3: ("refuted", True, True),
                     4: ("supported", True, False), 5: ("unverified", False, False)}
    assert rows(db, "SELECT evidence_count FROM claims_current WHERE claim_id = 3") == [(2,)]  # of the latest check


def test_a_failed_status_batch_leaves_the_state_as_it_was(db):
    store_articles([article("a", ["x"])], db)
    before = rows(db, "SELECT * FROM claim_state")
    with pytest.raises(RuntimeError), connect(db) as con, transaction(con):
        record_status_in(con, [StatusChange(1, "supported", 0.9)])
        raise RuntimeError("the batch failed after its status was recorded")
    assert rows(db, "SELECT * FROM claim_state") == before


def test_a_file_from_before_the_state_table_gets_it_filled_from_its_history(db):
    for step in HISTORY[:6]:
        step.values[0](db)
    expected = rows(db, "SELECT * FROM claims_current ORDER BY claim_id")
    with connect(db) as con:  # migration 6 undone: no claim_state, the old view
        con.execute(FROM_LOG)
        con.execute("DROP TABLE claim_state")
        con.execute("DELETE FROM schema_migrations WHERE version = 6")
    with connect(db):
        pass  # a writer migrates
    assert rows(db, "SELECT * FROM claims_current ORDER BY claim_id") == expected


@pytest.mark.parametrize("query", [
    pytest.param("SELECT status, count(*) FROM claims_current GROUP BY status", id="status-counts"),
    pytest.param("SELECT claim_id, checkworthiness, text FROM claims_current WHERE status = 'unverified' "
                 "ORDER BY checkworthiness DESC LIMIT 10", id="readme-most-check-worthy-unverified"),
])
def test_current_state_queries_read_neither_the_history_nor_the_articles(db, query):
    store_articles([article("a", ["x", "y"])], db)
    plan = "\n".join(r[1] for r in rows(db, f"EXPLAIN {query}"))
    assert "claim_state" in plan
    assert "claim_status_events" not in plan and "articles" not in plan
