"""Claims checked against tables: HTML, CSV and TSV sources, ad hoc (`claimtrack verify-claim`) and
through the verify flow, on real DuckDB files, with the pages served by a real HTTP server on 127.0.0.1.

Also: snapshots stored before tables were kept (a warehouse made at migration 1) are migrated and
verified from tables rebuilt out of their table-row passages.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from claims.extract import build_article
from claims.passages import passages_from_delimited, passages_from_html
from warehouse import connect, run_readonly_sql, store_articles
from warehouse.evidence import add_source, rebuild_tables
from warehouse.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parents[1]

STATS_HTML = """<!doctype html>
<html><head><title>Population estimates for the UK nations, mid-2021</title></head><body><main>
<h1>Population estimates for the UK nations</h1>
<p>Estimates of the usually resident population in the middle of the year, from the national census.</p>
<table>
  <caption>Population of the UK nations, mid-2021</caption>
  <thead><tr><th>Region</th><th>Population (thousands, 2021)</th></tr></thead>
  <tbody>
    <tr><td>England</td><td>56,490</td></tr>
    <tr><td>Scotland</td><td>5,480</td></tr>
    <tr><td>Wales</td><td>3,107</td></tr>
    <tr><td>Northern Ireland</td><td>1,904</td></tr>
  </tbody>
</table>
</main></body></html>
"""
ROWS = [("England", "56,490"), ("Scotland", "5,480"), ("Wales", "3,107"), ("Northern Ireland", "1,904")]
STATS_CSV = 'Region,"Population (thousands, 2021)"\n' + "".join(f'{r},"{n}"\n' for r, n in ROWS)
STATS_TSV = "Region\tPopulation (thousands, 2021)\n" + "".join(f"{r}\t{n}\n" for r, n in ROWS)
HEADER = ["Region", "Population (thousands, 2021)"]
WALES_ROW = "Region: Wales | Population (thousands, 2021): 3,107"
WALES_CELL = "'Population (thousands, 2021)' = 3,107"  # what the explanation must name: the column and the cell

# name -> (path on the server or file name, content type served, body)
KINDS = {
    "html": ("stats.html", "text/html; charset=utf-8", STATS_HTML),
    "csv": ("uk-population-2021.csv", "text/csv; charset=utf-8", STATS_CSV),
    "tsv": ("uk-population-2021.tsv", "text/tab-separated-values", STATS_TSV),
}


@dataclass
class Pages:
    """A loopback HTTP server answering from ``routes`` (path -> (content type, body)), with ETags."""

    base: str
    routes: dict[str, tuple[str, bytes]]
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        pages: Pages = self.server.pages  # type: ignore[attr-defined]
        path = self.path.lstrip("/")
        pages.hits[path] = pages.hits.get(path, 0) + 1
        if path not in pages.routes:
            self.send_error(404)
            return
        ctype, body = pages.routes[path]
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def pages() -> Iterator[Pages]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.pages = Pages(f"http://127.0.0.1:{server.server_address[1]}", {  # type: ignore[attr-defined]
        path: (ctype, body.encode("utf-8")) for path, ctype, body in KINDS.values()
    })
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.pages  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()


def source_for(kind: str, where: str, pages: Pages, tmp_path: Path) -> str:
    """The location of the statistics page of this kind: its URL, or a local file."""
    name, _, body = KINDS[kind]
    if where == "url":
        return pages.url(name)
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


SOURCES = [pytest.param(kind, where, id=f"{kind}-{where}") for kind in KINDS for where in ("url", "file")]
CLAIMS = [
    pytest.param("Wales has about 3.1 million people", "supported", "supports", id="3.1-million-supported"),
    pytest.param("Wales has about 5 million people", "refuted", "refutes", id="5-million-refuted"),
]


# --- (a) ad hoc: claimtrack verify-claim ---------------------------------------------------------

@pytest.mark.parametrize("kind, where", SOURCES)
@pytest.mark.parametrize("claim, verdict, stance", CLAIMS)
def test_verify_claim_prints_the_cell_that_decides(kind, where, claim, verdict, stance, pages, tmp_path, capsys):
    from flows.cli import main

    source = source_for(kind, where, pages, tmp_path)
    code = main(["verify-claim", claim, "--source", source, "--allow-host", "127.0.0.1"])
    out = capsys.readouterr()
    assert code == 0, out.err
    lines = out.out.splitlines()
    assert lines[0].startswith(f"{verdict} (confidence 0.80): ") and WALES_CELL in lines[0]
    assert lines[1] == f"  [{stance}] {source}: {WALES_ROW}"
    assert lines[2].startswith("      why: ") and WALES_CELL in lines[2] and "for Wales" in lines[2]
    assert len(lines) == 3 and out.err == ""


@pytest.mark.parametrize("kind, where", [pytest.param("html", "url", id="html-url"), pytest.param("csv", "file", id="csv-file")])
def test_verify_claim_json_gives_each_evidence_item_its_explanation(kind, where, pages, tmp_path, capsys):
    from flows.cli import main

    source = source_for(kind, where, pages, tmp_path)
    code = main(["verify-claim", "Wales has about 3.1 million people", "--source", source, "--allow-host", "127.0.0.1",
                 "--json"])
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["verdict"] == "supported" and payload["source_errors"] == []
    [item] = payload["evidence"]
    assert set(item) == {"source", "passage", "start", "end", "score", "stance", "explanation"}
    assert (item["source"], item["passage"], item["stance"], item["score"]) == (source, WALES_ROW, "supports", 1.0)
    assert WALES_CELL in item["explanation"] and item["explanation"] in payload["reason"]
    _, _, body = KINDS[kind]
    parsed = passages_from_html(body) if kind == "html" else passages_from_delimited(body, delimiter=",")
    assert parsed.text[item["start"]:item["end"]] == WALES_ROW  # offsets index the source's text


def test_a_claim_no_cell_decides_shows_a_related_passage_as_neutral(pages, capsys):
    from flows.cli import main

    code = main(["verify-claim", "Wales has 9 million sheep", "--source", pages.url("stats.html"),
                 "--allow-host", "127.0.0.1", "--json"])
    assert code == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["verdict"] == "not_enough_evidence"
    assert payload["evidence"] and all(e["stance"] == "neutral" and e["score"] == 0.0 and e["explanation"]
                                       for e in payload["evidence"])


# --- (b), (c) the verify flow --------------------------------------------------------------------

ARTICLE = ("date 2022-06-01\nWales has about 3.1 million people. Wales has about 5 million people. "
           "Wales has 9 million sheep.")


def ingest(db: str, text: str = ARTICLE, name: str = "wales.txt"):
    article = build_article(text, name)
    store_articles([article], db)
    return article


def evidence_of(db: str, claim_text: str) -> list[dict]:
    table = run_readonly_sql(
        db,
        "SELECT e.evidence_id, e.passage_id, e.passage, e.start_char, e.end_char, e.score, e.stance, e.explanation, "
        "e.found_at, p.kind, p.text AS passage_text, substring(s.text, e.start_char + 1, e.end_char - e.start_char) AS span "
        "FROM evidence e JOIN claims c USING (claim_id) LEFT JOIN passages p USING (passage_id) "
        "LEFT JOIN source_snapshots s ON s.content_hash = p.content_hash "
        f"WHERE c.text = '{claim_text}' ORDER BY e.evidence_id",
    )
    return [dict(zip(table.columns, row)) for row in table.rows]


def queue_row(db: str, claim_text: str) -> dict:
    table = run_readonly_sql(db, f"SELECT * FROM review_queue WHERE text = '{claim_text}'")
    assert len(table.rows) == 1
    return dict(zip(table.columns, table.rows[0]))


FLOW_SOURCES = [
    pytest.param("html", "url", id="html-url"),
    pytest.param("csv", "file", id="csv-file"),
    pytest.param("csv", "url", id="csv-url"),
    pytest.param("tsv", "file", id="tsv-file"),
]


@pytest.mark.parametrize("kind, where", FLOW_SOURCES)
def test_the_flow_stores_the_deciding_cell_and_the_review_queue_shows_why(kind, where, pages, prefect_harness, tmp_path):
    from flows.verify import verify_claims

    db = str(tmp_path / "claims.duckdb")
    ingest(db)
    source = source_for(kind, where, pages, tmp_path)
    add_source(source, label="UK population", db=db)
    report = verify_claims(db=db, allow_hosts=["127.0.0.1"])
    assert not report.source_failures
    verdicts = {row["claim"]: row["verdict"] for row in report.rows}
    assert verdicts == {"Wales has about 3.1 million people.": "supported",
                        "Wales has about 5 million people.": "refuted",
                        "Wales has 9 million sheep.": "not_enough_evidence"}

    for claim, stance in [("Wales has about 3.1 million people.", "supports"), ("Wales has about 5 million people.", "refutes")]:
        [row] = evidence_of(db, claim)
        assert (row["kind"], row["passage"], row["passage_text"], row["span"]) == ("table_row", WALES_ROW, WALES_ROW, WALES_ROW)
        assert (row["stance"], row["score"]) == (stance, 1.0)
        assert WALES_CELL in row["explanation"] and "for Wales" in row["explanation"]
        queued = queue_row(db, claim)
        assert (queued["best_evidence"], queued["best_source"], queued["best_explanation"]) == (
            WALES_ROW, source, row["explanation"])
        [event] = run_readonly_sql(
            db, "SELECT h.evidence_ids, h.note FROM claim_history h JOIN claims c USING (claim_id) "
            f"WHERE c.text = '{claim}' AND h.actor = 'pipeline' AND h.status <> 'unverified'").rows
        assert list(event[0]) == [row["evidence_id"]] and row["explanation"] in event[1]

    shown = evidence_of(db, "Wales has 9 million sheep.")
    assert shown and all(r["stance"] == "neutral" and r["score"] == 0.0 and r["explanation"] for r in shown)
    assert queue_row(db, "Wales has 9 million sheep.")["best_explanation"] == shown[0]["explanation"]

    # The table is stored with its rows' passages.
    [(header, rows, ordinals, caption)] = run_readonly_sql(
        db, 'SELECT header, "rows", passage_ordinals, caption FROM source_tables').rows
    assert list(header) == HEADER and [tuple(r) for r in rows] == ROWS
    texts = dict(run_readonly_sql(db, "SELECT ordinal, text FROM passages WHERE kind = 'table_row'").rows)
    assert [texts[o] for o in ordinals] == [f"Region: {r} | Population (thousands, 2021): {n}" for r, n in ROWS]
    assert caption == ("Population of the UK nations, mid-2021" if kind == "html" else "uk population 2021")


def test_the_review_queue_keeps_its_columns_and_adds_best_explanation(db):
    with connect(db):
        pass
    columns = run_readonly_sql(db, "SELECT * FROM review_queue LIMIT 0").columns
    assert columns == ("claim_id", "article_id", "article_title", "text", "suggested_status", "confidence",
                       "checkworthiness", "priority", "best_evidence", "best_source", "best_explanation")


def test_the_review_queue_shows_the_latest_check_only(pages, prefect_harness, tmp_path):
    from flows.verify import verify_claims

    db = str(tmp_path / "claims.duckdb")
    ingest(db, "date 2022-06-01\nWales has about 3.1 million people.")
    add_source(pages.url("stats.html"), db=db)
    first = verify_claims(db=db, allow_hosts=["127.0.0.1"])
    assert first.verdicts == {"supported": 1}
    before = queue_row(db, "Wales has about 3.1 million people.")["best_explanation"]

    again = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])  # 304: the stored snapshot decides
    assert again.verdicts == {"supported": 1} and again.changed == 0
    assert run_readonly_sql(db, "SELECT count(*) FROM source_fetches WHERE not_modified").rows[0][0] == 1
    assert queue_row(db, "Wales has about 3.1 million people.")["best_explanation"] == before

    ctype, body = pages.routes["stats.html"]
    pages.routes["stats.html"] = (ctype, body.replace(b"3,107", b"4,950"))  # the page is revised
    revised = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert revised.verdicts == {"refuted": 1} and revised.changed == 1
    queued = queue_row(db, "Wales has about 3.1 million people.")
    assert "= 4,950" in queued["best_explanation"] and queued["suggested_status"] == "refuted"
    assert queued["best_evidence"] == "Region: Wales | Population (thousands, 2021): 4,950"
    checks = run_readonly_sql(db, "SELECT count(DISTINCT found_at), count(*) FROM evidence").rows[0]
    assert checks == (3, 3)


def test_a_page_registered_for_two_articles_is_fetched_once_and_serves_both(pages, prefect_harness, tmp_path):
    from flows.verify import verify_claims

    db = str(tmp_path / "claims.duckdb")
    first = ingest(db, "date 2022-06-01\nWales has about 3.1 million people.", "a.txt")
    second = ingest(db, "date 2022-06-01\nWales has about 5 million people.", "b.txt")
    url = pages.url("stats.html")
    ids = {article.id: add_source(url, article_id=article.id, db=db)[0] for article in (first, second)}
    report = verify_claims(db=db, allow_hosts=["127.0.0.1"])
    assert sorted(row["verdict"] for row in report.rows) == ["refuted", "supported"]
    assert pages.hits["stats.html"] == 1
    assert run_readonly_sql(db, "SELECT count(*) FROM source_fetches").rows[0][0] == 2
    assert run_readonly_sql(db, "SELECT count(*) FROM source_snapshots").rows[0][0] == 1
    rows = run_readonly_sql(db, "SELECT c.article_id, e.source_id FROM evidence e JOIN claims c USING (claim_id)").rows
    assert sorted(rows) == sorted(ids.items())  # each claim's evidence names its own article's source


def test_batches_share_the_snapshots_read_once_per_run(pages, prefect_harness, tmp_path, monkeypatch):
    import flows.verify
    from flows.verify import verify_claims

    db = str(tmp_path / "claims.duckdb")
    ingest(db)
    add_source(pages.url("stats.html"), db=db)
    add_source(source_for("csv", "file", pages, tmp_path), db=db)
    asked: list[list[str]] = []
    real = flows.verify.load_snapshots

    def counting(con, hashes):
        asked.append(sorted(hashes))
        return real(con, hashes)

    monkeypatch.setattr(flows.verify, "load_snapshots", counting)
    report = verify_claims(db=db, batch_size=1, allow_hosts=["127.0.0.1"])
    assert report.checked == 3 and len(asked) == 3
    assert len(asked[0]) == 2 and asked[1:] == [[], []]  # both snapshots read by the first batch only
    # two tables (the page's and the CSV's) agree: the claim is decided by both, once per batch
    assert report.verdicts == {"supported": 1, "refuted": 1, "not_enough_evidence": 1}
    per_batch = run_readonly_sql(db, "SELECT found_at, count(*) FROM evidence GROUP BY found_at ORDER BY found_at").rows
    assert len(per_batch) == 3


def test_a_reviewer_outranks_a_later_table_verdict_that_disagrees(pages, prefect_harness, tmp_path):
    from flows.verify import verify_claims
    from warehouse.status import StatusChange, record_status

    db = str(tmp_path / "claims.duckdb")
    ingest(db, "date 2022-06-01\nWales has about 3.1 million people.")
    add_source(pages.url("stats.html"), db=db)
    assert verify_claims(db=db, allow_hosts=["127.0.0.1"]).verdicts == {"supported": 1}
    [(claim_id,)] = run_readonly_sql(db, "SELECT claim_id FROM claims").rows
    record_status([StatusChange(claim_id, "refuted", None, actor="Ana Reviewer", note="census says otherwise")], db)

    same = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert same.changed == 0 and claim_id not in same.flagged
    other = tmp_path / "other-estimate.csv"
    other.write_text('Region,"Population (thousands, 2021)"\nWales,"4,950"\n', encoding="utf-8")
    add_source(str(other), db=db)
    disagreeing = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert disagreeing.verdicts == {"conflicting": 1} and disagreeing.flagged == [claim_id]
    current = run_readonly_sql(db, f"SELECT status, needs_rereview FROM claims_current WHERE claim_id = {claim_id}").rows
    assert current == [("refuted", True)]
    assert run_readonly_sql(db, "SELECT count(*) FROM review_queue").rows[0][0] == 0  # reviewed: out of the queue


# --- (d) a warehouse made before tables were kept ------------------------------------------------

OLD_REVIEW_QUEUE = """
CREATE OR REPLACE VIEW review_queue AS
SELECT c.claim_id, c.article_id, c.article_title, c.text, c.status AS suggested_status, c.confidence,
       c.checkworthiness, round(c.checkworthiness * (1 - coalesce(c.confidence, 0)), 4) AS priority,
       (SELECT e.passage FROM evidence AS e WHERE e.claim_id = c.canonical_id ORDER BY e.score DESC LIMIT 1) AS best_evidence,
       (SELECT s.location FROM evidence AS e JOIN sources AS s USING (source_id)
         WHERE e.claim_id = c.canonical_id ORDER BY e.score DESC LIMIT 1) AS best_source
FROM claims_current AS c WHERE NOT c.reviewed ORDER BY priority DESC, c.claim_id
"""


def old_warehouse(path: str, article, location: str, body: bytes, etag: str | None) -> dict:
    """A database file as claimtrack left it at migration 1: the article, one source fetched and its
    snapshot with table-row passages (no source_tables), and one evidence row of an earlier check."""
    parsed = passages_from_html(body)
    content_hash = hashlib.sha256(body).hexdigest()
    con = duckdb.connect(path)
    try:
        con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                    "applied_at TIMESTAMP NOT NULL)")
        MIGRATIONS[0](con)
        con.execute("INSERT INTO schema_migrations VALUES (1, 'm001_initial', now())")
        # claims_current as it was then (it ranked the event log; today it reads claim_state, migration 6)
        con.execute((ROOT / "tests" / "fixtures" / "claims_current_from_log.sql").read_text(encoding="utf-8"))
        for view in ("claim_history", "claim_appearances"):
            con.execute((ROOT / "warehouse" / "views" / f"{view}.sql").read_text(encoding="utf-8"))
        con.execute(OLD_REVIEW_QUEUE)
        con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, now())",
                    [article.id, article.source, article.title, article.published, article.text])
        for claim_id, claim in enumerate(article.claims, start=1):
            con.execute("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [claim_id, article.id, claim_id - 1, claim.sentence, claim.text, claim.start, claim.end,
                         claim.checkworthiness, claim.speaker, claim.fingerprint])
            for i, q in enumerate(claim.quantities):
                con.execute("INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [claim_id, i, q.text, q.start, q.end, q.value, q.kind, q.unit, q.bound, q.of, q.upper])
            con.execute("INSERT INTO claim_links VALUES (?, ?, 'self', now())", [claim_id, claim_id])
            con.execute("INSERT INTO claim_status_events VALUES (?, ?, 'unverified', NULL, 'pipeline', [], 'ingested', "
                        "now() - INTERVAL 2 DAY)", [claim_id, claim_id])
        con.execute("INSERT INTO sources VALUES (1, ?, 'UK population', NULL, now() - INTERVAL 2 DAY)", [location])
        con.execute("INSERT INTO source_fetches VALUES (1, 1, ?, ?, 200, ?, ?, ?, NULL, false, now() - INTERVAL 1 DAY, NULL)",
                    [location, location, len(body), content_hash, etag])
        con.execute("INSERT INTO source_snapshots VALUES (?, 1, ?, ?, now() - INTERVAL 1 DAY)",
                    [content_hash, parsed.title, parsed.text])
        for i, p in enumerate(parsed.passages):
            con.execute("INSERT INTO passages VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
                        [100 + i, content_hash, i, p.kind, p.context, p.text, p.start, p.end])
        wales = next(100 + i for i, p in enumerate(parsed.passages) if p.text == WALES_ROW)
        con.execute("INSERT INTO evidence VALUES (1, 1, 1, ?, ?, 0, 51, 7.25, 'neutral', now() - INTERVAL 1 DAY)",
                    [wales, WALES_ROW])
    finally:
        con.close()
    return {"content_hash": content_hash, "wales_passage": wales}


@pytest.mark.parametrize("served", [pytest.param(True, id="page-answers-304"), pytest.param(False, id="page-gone")])
def test_an_old_warehouse_is_migrated_and_verified_from_rebuilt_tables(served, pages, prefect_harness, tmp_path):
    from flows.verify import verify_claims

    db = str(tmp_path / "old.duckdb")
    article = build_article("date 2022-06-01\nWales has about 3.1 million people. Wales has about 5 million people.",
                            "wales.txt")
    body = STATS_HTML.encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
    if not served:
        del pages.routes["stats.html"]  # a dead source: the stored snapshot still decides
    old = old_warehouse(db, article, pages.url("stats.html"), body, etag)

    with connect(db):  # a writer migrates
        pass
    assert run_readonly_sql(db, "SELECT version, name FROM schema_migrations ORDER BY version").rows == [
        (1, "m001_initial"), (2, "m002_catch_up_first_release"), (3, "m003_source_tables_and_explanations"),
        (4, "m004_removed_sources"), (5, "m005_snapshot_article_keys"), (6, "m006_claim_state"),
        (7, "m007_articles_without_a_string_index"), (8, "m008_id_counters")]
    assert run_readonly_sql(db, "SELECT evidence_id, score, stance, explanation FROM evidence").rows == [
        (1, 7.25, "neutral", None)]
    assert run_readonly_sql(db, "SELECT count(*) FROM source_tables").rows[0][0] == 0
    comment = run_readonly_sql(db, "SELECT comment FROM duckdb_columns() WHERE table_name = 'evidence' "
                                   "AND column_name = 'score'").rows[0][0]
    assert comment.startswith("1.0 for evidence that decided")

    report = verify_claims(db=db, allow_hosts=["127.0.0.1"])
    verdicts = {row["claim"]: row["verdict"] for row in report.rows}
    assert verdicts == {"Wales has about 3.1 million people.": "supported", "Wales has about 5 million people.": "refuted"}
    assert bool(report.source_failures) is not served
    if served:
        assert run_readonly_sql(db, "SELECT not_modified FROM source_fetches ORDER BY fetch_id").rows == [(False,), (True,)]
    for claim in verdicts:
        [*_, row] = evidence_of(db, claim)
        assert (row["passage_id"], row["kind"], row["span"]) == (old["wales_passage"], "table_row", WALES_ROW)
        assert WALES_CELL in row["explanation"]
        assert queue_row(db, claim)["best_explanation"] == row["explanation"]  # the latest check, not the old row
    assert run_readonly_sql(db, "SELECT count(*) FROM source_snapshots").rows[0][0] == 1
    assert run_readonly_sql(db, "SELECT count(*) FROM source_tables").rows[0][0] == 0  # rebuilt in memory, each run


def test_a_migration_1_warehouse_keeps_its_evidence_and_gains_the_new_column(tmp_path):
    db = str(tmp_path / "old.duckdb")
    article = build_article("Wales has about 3.1 million people.", "wales.txt")
    old_warehouse(db, article, "/gone/stats.html", STATS_HTML.encode("utf-8"), None)
    with connect(db):
        pass
    columns = [r[0] for r in run_readonly_sql(
        db, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'evidence' ORDER BY column_index").rows]
    assert columns[-1] == "explanation" and len(columns) == 11
    assert run_readonly_sql(db, "SELECT best_evidence, best_explanation FROM review_queue").rows == [(WALES_ROW, None)]
    tables = run_readonly_sql(db, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'source_tables' "
                                  "ORDER BY column_index").rows
    assert tables == [("content_hash", "VARCHAR"), ("table_no", "INTEGER"), ("caption", "VARCHAR"),
                      ("header", "VARCHAR[]"), ("rows", "VARCHAR[][]"), ("notes", "VARCHAR[]"),
                      ("passage_ordinals", "INTEGER[]")]


# --- rebuilding tables from their row passages ---------------------------------------------------

REBUILT = [
    pytest.param(STATS_HTML, id="statistics-page"),
    pytest.param((ROOT / "seeds" / "sources" / "georgia-occupied-regions.html").read_text(encoding="utf-8"),
                 id="seed-georgia-two-tables"),
    pytest.param("<h2>Results</h2><table><tr><th>Name</th><th>Time</th><th>Note: wind</th></tr>"
                 "<tr><td>Ann</td><td>10.2</td><td>+1.1</td></tr><tr><td>Bo</td><td></td><td>-0.3</td></tr>"
                 "<tr><td>Cy</td><td>10.9</td><td>+0.2</td></tr></table>",
                 id="empty-cell-and-header-with-colon"),
    pytest.param("<h2>A</h2><table><tr><th>City</th><th>Rank</th></tr><tr><td>Oslo</td><td>1</td></tr></table>"
                 "<table><tr><th>Team</th><th>Points</th></tr><tr><td>Rovers</td><td>40</td></tr></table>",
                 id="two-tables-under-one-heading"),
]


@pytest.mark.parametrize("html", REBUILT)
def test_tables_rebuilt_from_row_passages_match_the_parsed_ones(html):
    parsed = passages_from_html(html)
    assert parsed.tables
    expected = tuple(t.__class__(t.header, t.rows, t.caption, (), t.passages) for t in parsed.tables)
    assert rebuild_tables(parsed.passages) == expected
