"""What the verification-speed work (bench/verify_speed.py) must not change: caches keyed by text give
each text its own answer and the caller a set of its own; bulk writes store what one-by-one writes did."""

from __future__ import annotations

from datetime import datetime

from claims.passages import passages_from_html
from claims.ratings import examines_claim
from claims.words import content_words, entities
from flows.fetch import Fetched
from warehouse import connect
from warehouse.evidence import EvidencePassage, add_source, load_snapshots, store_evidence, store_fetch, store_fetches


def test_content_words_are_the_callers_own_set():
    first = content_words("Diplomats expelled from the embassy")
    first.add("intruder")
    again = content_words("Diplomats expelled from the embassy")
    assert "intruder" not in again and again == {"diplomat", "expel", "embassy"}
    assert content_words("Closed consulates") == {"clos", "consulat"}  # another text, its own words
    names = entities("Then Russia closed the NATO office")
    names.discard("russia")
    assert entities("Then Russia closed the NATO office") == {"russia", "nato"}


def test_examines_claim_reads_each_passage_for_itself():
    claim = "The city spent 40 million pounds on new bus lanes"
    talk = "A viral post claims the city spent 40 million pounds on new bus lanes."
    other = "A viral post claims the mayor was born in Leeds."
    for _ in range(2):  # the second round answers from the per-passage cache
        assert examines_claim(claim, talk)
        assert not examines_claim(claim, other)
        assert not examines_claim("The mayor opened a library", talk)


def _fetched(url: str, body: bytes | None, content_hash: str | None, **kw) -> Fetched:
    return Fetched(url=url, final_url=url, status=200 if body else None, body=body, content_type="text/html",
                   content_hash=content_hash, fetched_at=datetime(2026, 12, 1, 12, 0), **kw)


def _fill(db: str, bulk: bool) -> tuple[list, dict]:
    page = b"<html><head><title>T</title></head><body><p>Wales has 3,107,500 people.</p>" \
           b"<table><tr><th>Country</th><th>People</th></tr><tr><td>Wales</td><td>3,107,500</td></tr></table></body></html>"
    parsed = passages_from_html(page)
    ids = [add_source(f"http://127.0.0.1/{name}", db=db)[0] for name in ("a", "b", "c")]
    rounds = [
        [(ids[0], _fetched("http://127.0.0.1/a", page, "h1", etag='"e1"'), parsed, "key-a"),
         (ids[1], _fetched("http://127.0.0.1/b", page, "h1"), parsed, None),  # the same page: one snapshot
         (ids[2], _fetched("http://127.0.0.1/c", None, None, error="refused: it's \"private\""), None, None)],
        [(ids[0], _fetched("http://127.0.0.1/a", None, None, not_modified=True, etag='"e1"'), None, None),
         (ids[1], _fetched("http://127.0.0.1/b", page, "h1"), parsed, "key-b"),
         (ids[2], _fetched("http://127.0.0.1/c", None, None, not_modified=True), None, None)],  # nothing to keep
    ]
    added = []
    with connect(db) as con:
        for items in rounds:
            added.append(store_fetches(con, items) if bulk else [store_fetch(con, *item) for item in items])
        fetches = con.execute("SELECT * FROM source_fetches ORDER BY fetch_id").fetchall()
        snapshots = con.execute("SELECT content_hash, source_id, title, text, article_key FROM source_snapshots").fetchall()
        passages = con.execute("SELECT * FROM passages ORDER BY passage_id").fetchall()
        tables = con.execute("SELECT * FROM source_tables").fetchall()
    return [added, fetches, snapshots, passages, tables], {"parsed": parsed}


def test_store_fetches_stores_what_store_fetch_one_by_one_did(tmp_path):
    one_by_one, _ = _fill(str(tmp_path / "one.duckdb"), bulk=False)
    bulk, info = _fill(str(tmp_path / "bulk.duckdb"), bulk=True)
    assert bulk == one_by_one
    added, fetches = bulk[0], bulk[1]
    assert added == [[True, False, False], [False, False, False]]
    assert [f[6] for f in fetches] == ["h1", "h1", None, "h1", "h1", None]  # a 304 keeps the snapshot's hash
    assert fetches[2][-1] == 'refused: it\'s "private"' and fetches[3][9] is True
    with connect(str(tmp_path / "bulk.duckdb"), read_only=True) as con:
        snapshot = load_snapshots(con, ["h1"])["h1"]
    assert snapshot.source.passages == info["parsed"].passages and snapshot.source.tables == info["parsed"].tables
    assert snapshot.article_key == "key-a"


def test_evidence_text_survives_the_bulk_insert(db):
    from claims.extract import claim_article
    from warehouse import store_articles

    article = claim_article("Wales has 3.1 million people.")
    store_articles([article], db)
    source_id = add_source("http://127.0.0.1/loc", db=db)[0]
    texts = ['quote "marks" and back\\slash', "line\nbreak, tab\t, “curly” and ā, 😀", "", "[1, 2] null"]
    with connect(db) as con:
        claim_id = con.execute("SELECT min(claim_id) FROM claims").fetchone()[0]
        items = [(EvidencePassage(None, source_id, "http://127.0.0.1/loc", t, None if i % 2 else i, None, float(i % 2), "paragraph", t[::-1]),
                  "neutral") for i, t in enumerate(texts)]
        ids = store_evidence(con, [(claim_id, items)])
        rows = con.execute("SELECT evidence_id, passage, start_char, score, explanation FROM evidence "
                           "ORDER BY evidence_id").fetchall()
    assert [r[0] for r in rows] == ids[0]
    assert [r[1:] for r in rows] == [(t, None if i % 2 else i, float(i % 2), t[::-1]) for i, t in enumerate(texts)]
