"""The morning digest's content, read from a real DuckDB file: the most check-worthy new claims of the
window, and its status events as verdict changes and reviews (table-driven)."""

from __future__ import annotations

import pytest

from claims.extract import build_article
from tests.conftest import SEED
from warehouse import run_readonly_sql
from warehouse.db import utcnow
from warehouse.digest import digest_data
from warehouse.status import StatusChange, record_status
from warehouse.store import store_articles

SECOND = "Russia expelled 60 American diplomats in 2018, officials said. " \
         "NATO cut the Russian mission to 20 out of 30 positions in 2018."
REPEAT = "In a separate report, Russia expelled 60 American diplomats in 2018, officials said. " \
         "Germany had 84 million residents in 2023."


def store(db: str, text: str, source: str, title: str, published: str | None = None) -> str:
    article = build_article(text, source, title=title, published=published)
    store_articles([article], db)
    return article.id


def claim_ids(db: str, article_id: str) -> list[int]:
    return [r[0] for r in run_readonly_sql(
        db, f"SELECT claim_id FROM claims WHERE article_id = '{article_id}' ORDER BY ordinal").rows]


@pytest.fixture
def three_articles(db):
    """The seed, then (after `t1`) a second article, then one repeating a claim of the second."""
    t0 = utcnow()
    seed = store(db, SEED.read_text(encoding="utf-8"), "https://news.example/seed", "Seed", "2021-10")
    t1 = utcnow()
    second = store(db, SECOND, "https://news.example/second", "Second")
    repeat = store(db, REPEAT, "https://news.example/repeat", "Repeat")
    return {"db": db, "t0": t0, "t1": t1, "seed": seed, "second": second, "repeat": repeat}


# window start -> top -> the articles the listed claims come from, and how many new canonical claims in all
NEW_CLAIMS = [
    pytest.param("t0", 10, {"seed", "second", "repeat"}, None, id="every-new-article"),
    pytest.param("t1", 10, {"second", "repeat"}, 3, id="only-articles-stored-in-the-window"),
    pytest.param("t1", 2, {"second", "repeat"}, 3, id="top-n-of-them"),
    pytest.param("later", 10, set(), 0, id="nothing-stored-in-the-window"),
]


@pytest.mark.parametrize("start, top, articles, total", NEW_CLAIMS)
def test_new_claims_are_the_most_check_worthy_of_the_window(three_articles, start, top, articles, total):
    db = three_articles["db"]
    since = utcnow() if start == "later" else three_articles[start]
    data = digest_data(db, since=since, until=utcnow(), top=top)
    rows = [dict(zip(data.top_claims.columns, r)) for r in data.top_claims.rows]
    worthiness = [r["checkworthiness"] for r in rows]
    assert worthiness == sorted(worthiness, reverse=True)
    assert len(rows) == min(top, data.top_total)
    assert {k for k in articles if three_articles[k] in {r["article_id"] for r in rows}} == articles
    if total is not None:
        assert data.top_total == total
    # The most check-worthy of all the window's claims come first: nothing left out ranks higher.
    if rows:
        ids = ", ".join(f"'{three_articles[k]}'" for k in articles)
        best = run_readonly_sql(db, f"SELECT max(checkworthiness) FROM claims WHERE article_id IN ({ids})").rows[0][0]
        assert worthiness[0] == best


def test_a_claim_repeated_in_new_articles_is_listed_once(three_articles):
    db = three_articles["db"]
    data = digest_data(db, since=three_articles["t1"], until=utcnow(), top=10)
    rows = [dict(zip(data.top_claims.columns, r)) for r in data.top_claims.rows]
    expelled = [r for r in rows if "60 American diplomats" in r["text"]]
    assert len(expelled) == 1 and expelled[0]["appearances"] == 2
    assert expelled[0]["article_id"] == three_articles["repeat"]  # its most check-worthy appearance
    assert data.new_claims == 4 and data.new_articles == 2  # the counts still count every appearance


# Each case: status changes made before the window (`before`) and in it (`during`), as
# (claim index, status, actor); then the verdict changes and reviews the digest must list, newest first,
# as (claim index, was, now, by) and (claim index, decision, was, reviewer).
EVENTS = [
    pytest.param([], [(0, "supported", "pipeline")],
                 [(0, "unverified", "supported", "pipeline")], [], id="machine-verdict"),
    pytest.param([], [(0, "supported", "pipeline"), (0, "refuted", "Ada")],
                 [(0, "supported", "refuted", "Ada"), (0, "unverified", "supported", "pipeline")],
                 [(0, "refuted", "supported", "Ada")], id="reviewer-overrules-the-machine"),
    pytest.param([], [(0, "supported", "pipeline"), (0, "supported", "Ada")],
                 [(0, "unverified", "supported", "pipeline")],
                 [(0, "supported", "supported", "Ada")], id="reviewer-confirms-no-change"),
    pytest.param([(0, "supported", "pipeline")], [(0, "refuted", "Ada")],
                 [(0, "supported", "refuted", "Ada")],
                 [(0, "refuted", "supported", "Ada")], id="the-status-before-the-window-counts"),
    pytest.param([(0, "refuted", "Grace")], [(0, "supported", "pipeline")],
                 [(0, "refuted", "refuted (the reviewer's verdict stands; the pipeline now says supported: "
                               "needs re-review)", "pipeline")], [], id="machine-disagrees-with-a-reviewer"),
    pytest.param([], [(0, "not_enough_evidence", "pipeline"), (1, "conflicting", "pipeline"), (1, "refuted", "Ada")],
                 [(1, "conflicting", "refuted", "Ada"), (1, "unverified", "conflicting", "pipeline"),
                  (0, "unverified", "not_enough_evidence", "pipeline")],
                 [(1, "refuted", "conflicting", "Ada")], id="two-claims"),
    pytest.param([(0, "supported", "pipeline")], [],
                 [], [], id="nothing-in-the-window"),
]


def apply(db: str, ids: list[int], changes) -> None:
    for index, status, actor in changes:
        human = actor != "pipeline"
        record_status([StatusChange(ids[index], status, confidence=None if human else 0.8, actor=actor,
                                    human=human, note="checked" if human else None)], db)


@pytest.mark.parametrize("before, during, changes, reviews", EVENTS)
def test_verdict_changes_and_reviews(db, before, during, changes, reviews):
    article = store(db, SEED.read_text(encoding="utf-8"), "https://news.example/seed", "Seed")
    ids = claim_ids(db, article)
    apply(db, ids, before)
    since = utcnow()
    apply(db, ids, during)
    data = digest_data(db, since=since, until=utcnow())
    index = {claim: i for i, claim in enumerate(ids)}
    got_changes = []
    for r in (dict(zip(data.changes.columns, row)) for row in data.changes.rows):
        now = r["new_status"] if not r["disagrees"] else (
            f"{r['new_status']} (the reviewer's verdict stands; the pipeline now says {r['event_status']}: "
            "needs re-review)")
        got_changes.append((index[r["claim_id"]], r["old_status"], now, r["actor"]))
    got_reviews = [(index[r["claim_id"]], r["event_status"], r["old_status"], r["actor"])
                   for r in (dict(zip(data.reviews.columns, row)) for row in data.reviews.rows)]
    assert got_changes == changes
    assert got_reviews == reviews
    assert (data.changes_total, data.reviews_total) == (len(changes), len(reviews))


def test_an_empty_window_is_empty(db):
    store(db, SECOND, "https://news.example/second", "Second")
    data = digest_data(db, since=utcnow(), until=utcnow())
    assert data.empty and (data.new_claims, data.top_total, data.changes_total, data.reviews_total) == (0, 0, 0, 0)
