"""The warehouse on real DuckDB files: schema, idempotent bulk writes, rollback, read-only SQL, locking."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from claims.model import Article, Claim, DateMention, Quantity, Quote
from warehouse import (
    DatabaseLocked,
    DatabaseMissing,
    QueryError,
    ReadOnlyViolation,
    claims_table,
    connect,
    load_extension,
    run_readonly_sql,
    store_articles,
)
from warehouse.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parents[1]


def make_article(article_id: str = "a1", n_claims: int = 2, value: float = 20.0) -> Article:
    text = "NATO cut the Russian mission to 20 out of 30 positions in 2018. “No,” Lavrov said."
    claims = tuple(
        Claim(
            text=text[:62], start=0, end=62, sentence=0, checkworthiness=0.9, fingerprint=f"fp{i}",
            quantities=(Quantity("20 out of 30 positions", 32, 54, value, "ratio", "positions", "=", 30.0),),
            dates=(DateMention("in 2018", 55, 62, "2018", "year"),),
            quotes=(Quote("No", 64, 66, "Lavrov"),) if i else (),
            speaker="Lavrov" if i else None,
        )
        for i in range(n_claims)
    )
    return Article(id=article_id, text=text, source="test.txt", title="t", published="2021-10", claims=claims)


def count(db: str, table: str) -> int:
    return run_readonly_sql(db, f"SELECT count(*) FROM {table}").rows[0][0]


def test_schema_applies_once_and_records_migrations(db):
    for _ in range(2):
        with connect(db):
            pass
    rows = run_readonly_sql(db, "SELECT version, name FROM schema_migrations ORDER BY version").rows
    assert rows == [(n, fn.__name__) for n, fn in enumerate(MIGRATIONS, start=1)]


def test_store_is_idempotent_and_writes_every_element(db):
    first = store_articles([make_article()], db)
    assert first.stored == ("a1",) and first.claims == 2
    again = store_articles([make_article()], db)
    assert again.stored == () and again.skipped == ("a1",) and again.claims == 0
    assert {t: count(db, t) for t in ("articles", "claims", "quantities", "dates", "quotes", "claim_status_events")} == {
        "articles": 1, "claims": 2, "quantities": 2, "dates": 2, "quotes": 1, "claim_status_events": 2,
    }


def test_offsets_index_the_stored_text(db):
    store_articles([make_article()], db)
    rows = run_readonly_sql(
        db,
        "SELECT q.text, substring(a.text, q.start_char + 1, q.end_char - q.start_char) "
        "FROM quantities q JOIN claims c USING (claim_id) JOIN articles a USING (article_id)",
    ).rows
    assert rows and all(stored == sliced for stored, sliced in rows)


def test_claim_ids_continue_across_batches(db):
    store_articles([make_article("a1")], db)
    store_articles([make_article("a2"), make_article("a3")], db)
    ids = [r[0] for r in run_readonly_sql(db, "SELECT claim_id FROM claims ORDER BY claim_id").rows]
    assert ids == list(range(1, 7))


def test_new_claims_start_unverified_in_claims_current(db):
    store_articles([make_article()], db)
    table = claims_table(db)
    assert [r[table.columns.index("status")] for r in table.rows] == ["unverified", "unverified"]
    assert [r[table.columns.index("kind")] for r in table.rows] == ["quantity+date", "quote+quantity+date"]
    assert claims_table(db, status="refuted").rows == []


def test_a_failing_batch_leaves_nothing_behind(db):
    store_articles([make_article("a1")], db)
    with pytest.raises(ValueError):  # NaN cannot be stored: the whole batch rolls back
        store_articles([make_article("a2"), make_article("a3", value=float("nan"))], db)
    assert count(db, "articles") == 1
    assert count(db, "claims") == 2


READ_ONLY_REFUSALS = [
    pytest.param("DELETE FROM claims", ReadOnlyViolation, "not DELETE", id="delete"),
    pytest.param("INSERT INTO articles VALUES ('x')", ReadOnlyViolation, "not INSERT", id="insert"),
    pytest.param("DROP TABLE claims", ReadOnlyViolation, "not DROP", id="drop"),
    pytest.param("COPY claims TO 'x.csv'", ReadOnlyViolation, "not COPY", id="copy-out"),
    pytest.param("ATTACH 'other.duckdb'", ReadOnlyViolation, "not ATTACH", id="attach"),
    pytest.param("SELECT 1; DELETE FROM claims", ReadOnlyViolation, "not DELETE", id="smuggled-second-statement"),
    pytest.param("SELECT * FROM read_csv('/etc/passwd')", QueryError, "disabled", id="read-other-files"),
    pytest.param("SELEC 1", QueryError, "syntax error", id="syntax-error"),
    pytest.param("SELECT * FROM nope", QueryError, "nope", id="unknown-table"),
    pytest.param("   ", QueryError, "no SQL", id="empty"),
]


@pytest.mark.parametrize("sql, error, message", READ_ONLY_REFUSALS)
def test_sql_refuses_anything_but_reading(db, sql, error, message):
    store_articles([make_article()], db)
    with pytest.raises(error, match=message):
        run_readonly_sql(db, sql)
    assert count(db, "claims") == 2


def test_reading_a_missing_database_says_so(tmp_path):
    with pytest.raises(DatabaseMissing, match="no database here yet"):
        claims_table(tmp_path / "absent.duckdb")


def test_fts_extension_loads_from_its_package(db):
    with connect(db) as con:
        load_extension(con, "fts")
        con.execute("CREATE TABLE docs (id INTEGER, body VARCHAR)")
        con.execute("INSERT INTO docs VALUES (1, 'NATO expelled eight diplomats'), (2, 'weather report')")
        con.execute("PRAGMA create_fts_index('docs', 'id', 'body')")
        hits = con.execute(
            "SELECT id FROM (SELECT id, fts_main_docs.match_bm25(id, 'diplomats') AS s FROM docs) WHERE s IS NOT NULL"
        ).fetchall()
    assert hits == [(1,)]


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from tests.test_warehouse import make_article
    from warehouse import store_articles
    prefix = sys.argv[1]
    for i in range(10):
        store_articles([make_article(f"{{prefix}}-{{i}}")], {db!r})
    """
)


def test_two_processes_writing_at_once_both_succeed(db):
    script = WRITER.format(root=str(ROOT), db=db)
    procs = [subprocess.Popen([sys.executable, "-c", script, name], stderr=subprocess.PIPE, text=True) for name in "ab"]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert count(db, "articles") == 20
    assert count(db, "claims") == 40
    ids = run_readonly_sql(db, "SELECT count(DISTINCT claim_id) FROM claims").rows[0][0]
    assert ids == 40


HOLDER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    from warehouse import connect
    with connect({db!r}):
        print("holding", flush=True)
        time.sleep({seconds})
    """
)


def test_a_reader_waits_for_the_writer_then_reads(db, caplog):
    store_articles([make_article()], db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), db=db, seconds=1.5)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    started = time.monotonic()
    with caplog.at_level("WARNING", logger="claimtrack"):
        assert count(db, "claims") == 2
    assert time.monotonic() - started > 0.5
    assert "waiting" in caplog.text
    holder.wait(timeout=30)


def test_waiting_is_bounded(db):
    store_articles([make_article()], db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), db=db, seconds=5)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(DatabaseLocked, match="in use by another claimtrack process"):
            with connect(db, read_only=True, wait=0.3):
                pass
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_of_a_foreign_process_is_waited_for_too(db):
    """A DuckDB shell (no advisory lock) holding the file: we retry on DuckDB's own lock error."""
    store_articles([make_article()], db)
    script = f"import duckdb, time; con = duckdb.connect({db!r}); print('holding', flush=True); time.sleep(1.5)"
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    assert count(db, "claims") == 2
    holder.wait(timeout=30)


# --- status history ---------------------------------------------------------------------

from warehouse.status import StatusChange, claim_history, record_status  # noqa: E402


def current(db, claim_id=1):
    row = run_readonly_sql(
        db, f"SELECT status, confidence, reviewed, needs_rereview, rereview_reason FROM claims_current WHERE claim_id = {claim_id}"
    ).rows[0]
    return dict(zip(("status", "confidence", "reviewed", "needs_rereview", "reason"), row))


def test_a_recheck_with_the_same_verdict_appends_nothing(db):
    store_articles([make_article()], db)
    first = record_status([StatusChange(1, "supported", 0.8, note="NATO press release")], db)
    again = record_status([StatusChange(1, "supported", 0.801)], db)
    assert first.appended == (1,) and again.unchanged == (1,) and again.appended == ()
    assert [e["status"] for e in claim_history(1, db)] == ["unverified", "supported"]
    assert count(db, "claim_checks") == 2
    moved = record_status([StatusChange(1, "supported", 0.6)], db)
    assert moved.appended == (1,)


def test_a_reviewer_outranks_the_machine(db):
    store_articles([make_article()], db)
    record_status([StatusChange(1, "supported", 0.7)], db)
    record_status([StatusChange(1, "refuted", None, actor="Ana", note="figure was 10, not 20")], db)
    assert current(db)["status"] == "refuted" and current(db)["reviewed"]
    result = record_status([StatusChange(1, "supported", 0.9, note="re-check")], db)
    assert result.flagged == (1,)
    now = current(db)
    assert now["status"] == "refuted" and now["needs_rereview"]
    assert "pipeline now says supported" in now["reason"]
    record_status([StatusChange(1, "supported", None, actor="Ana", note="new evidence")], db)
    assert current(db)["status"] == "supported" and not current(db)["needs_rereview"]
    assert [e["actor"] for e in claim_history(1, db)] == ["pipeline", "pipeline", "Ana", "pipeline", "Ana"]


STATUS_REFUSALS = [
    pytest.param(StatusChange(1, "true"), "unknown status", id="unknown-status"),
    pytest.param(StatusChange(1, "refuted", actor=" "), "needs an actor", id="no-actor"),
    pytest.param(StatusChange(99, "refuted", actor="Ana"), "no claim with id 99", id="unknown-claim"),
]


@pytest.mark.parametrize("change, message", STATUS_REFUSALS)
def test_bad_status_changes_are_refused(db, change, message):
    store_articles([make_article()], db)
    from warehouse import WarehouseError

    with pytest.raises(WarehouseError, match=message):
        record_status([change], db)
    assert count(db, "claim_status_events") == 2


def _article_with_fingerprints(article_id: str, fingerprints: list[str]) -> Article:
    text = "NATO cut the Russian mission to 20 out of 30 positions in 2018."
    claims = tuple(Claim(text=text, start=0, end=len(text), sentence=i, checkworthiness=0.9, fingerprint=fp)
                   for i, fp in enumerate(fingerprints))
    return Article(id=article_id, text=text, source=f"{article_id}.txt", title="t", published="2021-10", claims=claims)


# Batches of (article id, claim fingerprints) -> (article, fingerprint, method, the canonical's article).
LINK_CASES = {
    "a repeat in a later article links to the first appearance": (
        [[("a", ["x", "y"])], [("b", ["x"])], [("c", ["x", "z"])]],
        [("a", "x", "self", "a"), ("a", "y", "self", "a"), ("b", "x", "fingerprint", "a"),
         ("c", "x", "fingerprint", "a"), ("c", "z", "self", "c")],
    ),
    "a repeat inside one article is not a link": (
        [[("a", ["x", "x"])]],
        [("a", "x", "self", "a"), ("a", "x", "self", "a")],
    ),
    "an empty fingerprint links to nothing": (
        [[("a", [""])], [("b", [""])]],
        [("a", "", "self", "a"), ("b", "", "self", "b")],
    ),
    "articles of one batch link among themselves": (
        [[("a", ["x"]), ("b", ["x"])]],
        [("a", "x", "self", "a"), ("b", "x", "fingerprint", "a")],
    ),
}


@pytest.mark.parametrize("batches, expected", list(LINK_CASES.values()), ids=list(LINK_CASES))
def test_repeated_claims_link_to_their_first_appearance(db, batches, expected):
    for batch in batches:
        store_articles([_article_with_fingerprints(a, fps) for a, fps in batch], db)
    rows = run_readonly_sql(db, """
        SELECT c.article_id, c.fingerprint, l.method, o.article_id
        FROM claim_links l JOIN claims c USING (claim_id) JOIN claims o ON o.claim_id = l.canonical_id
        ORDER BY l.claim_id""").rows
    assert [tuple(r) for r in rows] == expected


def test_linking_plans_a_hash_join_not_a_nested_loop(db):
    store_articles([_article_with_fingerprints("a", ["x"])], db)
    import warehouse.store as store

    with connect(db) as con:
        plans = []
        real = con.execute

        def explain(sql, params=None):
            plans.append(real("EXPLAIN " + sql.split("INSERT INTO claim_links", 1)[1], params).fetchall())

        store._link_repeated_claims(type("C", (), {"execute": staticmethod(explain)})(), 0, 10**9, "2021-01-01 00:00:00")
    plan = " ".join(str(row) for row in plans[0])
    assert "HASH_JOIN" in plan and "NESTED_LOOP" not in plan and "BLOCKWISE_NL" not in plan


def test_stored_article_ids_on_an_empty_or_missing_file(tmp_path):
    # a first run killed before the schema was written leaves an empty DuckDB file: it holds no article
    import duckdb

    from warehouse import stored_article_ids

    assert stored_article_ids(["a1"], tmp_path / "absent.duckdb") == set()
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    assert stored_article_ids(["a1"], empty) == set()
    store_articles([make_article("a1")], empty)
    assert stored_article_ids(["a1", "a2"], empty) == {"a1"}


def _peak_python_memory(call) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_output_streams_in_batches_in_constant_memory(db, capsys):
    # issue 15: `claimtrack sql`/`claims` as CSV or JSON hold one batch of rows, not the whole result
    import io
    import sys as _sys

    from flows.cli import _print_rows
    from warehouse.read import stream_readonly_sql

    with connect(db):
        pass
    query = "SELECT range AS n, 'claim number ' || range AS text FROM range(300000)"

    def streamed():
        with stream_readonly_sql(db, query, timeout=None) as rows:
            _print_rows(rows.columns, rows.batches, "csv")

    def whole():
        table = run_readonly_sql(db, query, timeout=None)
        assert len(table.rows) == 300_000

    real, _sys.stdout = _sys.stdout, io.StringIO()
    try:
        streamed_peak = _peak_python_memory(streamed)
        lines = _sys.stdout.getvalue().count("\n")
    finally:
        _sys.stdout = real
    _sys.stdout = open(os.devnull, "w")
    try:
        streamed_peak = _peak_python_memory(streamed)  # the printed text itself not kept this time
    finally:
        _sys.stdout.close()
        _sys.stdout = real
    assert lines == 300_001  # header + every row
    whole_peak = _peak_python_memory(whole)
    assert streamed_peak < 8_000_000 < 30_000_000 < whole_peak, (streamed_peak, whole_peak)


def test_a_stopped_streaming_query_is_one_clear_error(db):
    from warehouse.read import stream_readonly_sql

    with connect(db):
        pass
    with pytest.raises(QueryError, match="stopped after 0.2 s"):
        with stream_readonly_sql(db, "SELECT count(*) FROM range(10000000000) a, range(1000) b", timeout=0.2) as rows:
            list(rows.batches)


@pytest.mark.parametrize("records", [False, True], ids=["table", "json-records"])
@pytest.mark.parametrize("status", [None, "unverified", "refuted"], ids=["all", "unverified", "refuted"])
def test_claims_read_in_chunks_are_the_rows_of_one_query_in_storing_order(db, records, status):
    # issue 15: `claims` reads a large warehouse a range of claim ids at a time (no sort of every claim)
    from warehouse.read import stream_claims
    from warehouse.status import StatusChange, record_status

    store_articles([make_article("b", 3, value=5.0), make_article("a", 4), make_article("c", 2)], db)
    record_status([StatusChange(2, "refuted", 0.9), StatusChange(6, "refuted", 0.8)], db)
    with stream_claims(db, status=status, records=records) as whole:
        expected = [row for batch in whole.batches for row in batch]
    with stream_claims(db, status=status, records=records, chunk=2, batch=1) as chunked:
        got = [row for batch in chunked.batches for row in batch]
    assert got == expected and expected
    ids = [row[0] for row in got]
    assert ids == sorted(ids)  # the order they were stored in, article by article
    refuted = [r[0] for r in run_readonly_sql(db, "SELECT claim_id FROM claims_current WHERE status = 'refuted' "
                                                  "ORDER BY claim_id").rows]
    assert len(refuted) > 2 and (status == "refuted") == (ids == refuted)  # the repeats of 2 and 6 too
    if records:
        assert got[0][4] == [{"text": "20 out of 30 positions", "value": 5.0, "kind": "ratio", "unit": "positions",
                              "bound": "=", "of": 30.0, "upper": None}]


def test_binding_values_never_searches_the_path_for_pandas(db):
    # issue 15: DuckDB's client tries `import pandas` for every bound value (each list element too); without
    # pandas each try searched sys.path: a list of 100,000 ids took 6.1 s to bind instead of 0.5 s
    import sys as _sys

    searched = []

    class Watch:
        def find_spec(self, name, path=None, target=None):
            searched.append(name)
            return None

    with connect(db) as con:
        con.execute("SELECT ?", [[1]])  # the first bind may import pandas where it is installed
        _sys.meta_path.insert(0, Watch())
        try:
            assert con.execute("SELECT len(?::BIGINT[]), ?", [list(range(1000)), "x"]).fetchone() == (1000, "x")
        finally:
            _sys.meta_path.remove(_sys.meta_path[0])
    assert "pandas" not in searched


def test_article_ids_stay_unique_without_a_key_on_them(db):
    # issue 15: migration 7 drops the string key of articles (DuckDB writes every index out whole at each
    # checkpoint); ingest keeps the ids unique itself, and the tables keep their comments
    store_articles([make_article("a1")], db)
    again = store_articles([make_article("a1"), make_article("a2"), make_article("a2")], db)
    assert again.stored == ("a2",) and again.skipped == ("a1",)
    assert run_readonly_sql(db, "SELECT article_id, count(*) FROM articles GROUP BY ALL ORDER BY 1").rows == [
        ("a1", 1), ("a2", 1)]
    keys = run_readonly_sql(db, "SELECT table_name, constraint_text FROM duckdb_constraints() WHERE table_name IN "
                                "('articles', 'claims') AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')")
    assert keys.rows == [("claims", "PRIMARY KEY(claim_id)")]
    commented = run_readonly_sql(db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'evidence' "
                                     "AND comment IS NOT NULL ORDER BY column_name").rows
    assert [c for (c,) in commented] == ["explanation", "found_at", "passage_id", "score", "stance"]
