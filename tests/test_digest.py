"""The morning digest: its content on a real DuckDB file, its escaping, and the `daily-digest` flow under the
Prefect test harness."""

from __future__ import annotations

import asyncio
import subprocess
from datetime import datetime, timedelta, timezone

import pytest

from claims.extract import build_article
from flows.digest_render import build_digest, digest_window
from tests.conftest import SEED, claimtrack_cmd
from warehouse import run_readonly_sql
from warehouse.db import utcnow
from warehouse.digest import digest_data
from warehouse.status import StatusChange, record_status
from warehouse.store import store_articles

SECOND = "Russia expelled 60 American diplomats in 2018, officials said. " \
         "NATO cut the Russian mission to 20 out of 30 positions in 2018."
REPEAT = "In a separate report, Russia expelled 60 American diplomats in 2018, officials said. " \
         "Germany had 84 million residents in 2023."
HOSTILE_TITLE = "<img src=x onerror=alert(1)> **Breaking** [click](https://evil.example/t)"
HOSTILE_TEXT = "Officials said 60 diplomats <img src=x onerror=alert(1)> were expelled in 2018, " \
               "see [click](https://evil.example/x) and **bold**."
HOSTILE_SOURCE = 'https://news.example/story?id=1&x=(y)|z"<b>'


def store(db: str, text: str, source: str, title: str, published: str | None = None) -> str:
    article = build_article(text, source, title=title, published=published)
    store_articles([article], db)
    return article.id


def claim_ids(db: str, article_id: str) -> list[int]:
    return [r[0] for r in run_readonly_sql(
        db, f"SELECT claim_id FROM claims WHERE article_id = '{article_id}' ORDER BY ordinal").rows]


# --- what the digest shows -----------------------------------------------------------------------

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
    markdown = build_digest(db, since=three_articles["t1"]).markdown
    assert "\\(in 2 new articles\\)" in markdown


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
    markdown = build_digest(db, since=since).markdown
    for _, was, now, by in changes:
        assert f"| {was.replace('_', chr(92) + '_')} |" in markdown
    if reviews:
        assert "| checked |" in markdown  # the reviewer's note


def test_an_empty_window_is_empty(db):
    store(db, SECOND, "https://news.example/second", "Second")
    data = digest_data(db, since=utcnow(), until=utcnow())
    assert data.empty and (data.new_claims, data.top_total, data.changes_total, data.reviews_total) == (0, 0, 0, 0)


def test_an_empty_day_says_so(db):
    store(db, SECOND, "https://news.example/second", "Second")
    digest = build_digest(db, since=utcnow())
    assert "Nothing new in this window: no new claims, no verdict changes, no reviews." in digest.markdown
    assert "## Most check-worthy new claims" not in digest.markdown
    assert (digest.new_claims, digest.changes, digest.reviews) == (0, 0, 0)


WINDOWS = [
    pytest.param(datetime(2025, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=2))), None,
                 datetime(2025, 5, 1, 7, 0), "since the time asked for", id="given-with-offset-is-utc"),
    pytest.param(None, datetime(2025, 5, 1, 7, 0, 3), datetime(2025, 5, 1, 7, 0, 3), "since the previous digest",
                 id="since-the-previous-digest"),
    pytest.param(None, None, datetime(2025, 5, 1, 8, 0), "the last 24 hours", id="else-24-hours"),
]


@pytest.mark.parametrize("since, previous, start, basis", WINDOWS)
def test_the_window_starts_where_it_should(since, previous, start, basis):
    assert digest_window(since, previous, datetime(2025, 5, 2, 8, 0)) == (start, basis)


def test_hostile_article_text_is_shown_as_text(db):
    markdown_it = pytest.importorskip("markdown_it")  # comes with Prefect (rich)
    store(db, HOSTILE_TEXT, HOSTILE_SOURCE, HOSTILE_TITLE)
    digest = build_digest(db, since=utcnow() - timedelta(hours=1))
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(digest.markdown)
    assert "<img" not in html and "<b>" not in html and "<strong>Breaking" not in html and "<strong>bold" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, as written
    links = [part.split('"', 1)[0] for part in html.split('<a href="')[1:]]
    assert links == ["https://news.example/story?id=1&amp;x=%28y%29%7Cz%22%3Cb%3E"]  # the article, nothing else
    assert "evil.example" not in "".join(links)
    assert html.count("<table>") == 1 and "<td>" in html  # the pipe in the URL did not split a cell


def test_the_cli_prints_the_digest_without_starting_prefect(cli_env, tmp_path):
    store(cli_env["CLAIMTRACK_DB"], SECOND, "https://news.example/second", "Second")
    home = tmp_path / "no-prefect-here"
    env = {k: v for k, v in cli_env.items() if not k.startswith("PREFECT_")} | {"PREFECT_HOME": str(home)}
    result = subprocess.run(claimtrack_cmd() + ["digest", "--since", "2000-01-01"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Morning digest") and "(since the time asked for)" in result.stdout
    assert "NATO cut the Russian mission to 20 out of 30 positions in 2018\\." in result.stdout
    assert result.stderr == "" and not (home.exists() and any(home.iterdir()))  # no temporary API server

    bad = subprocess.run(claimtrack_cmd() + ["digest", "--since", "yesterday"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and "not an ISO date or time: 'yesterday'" in bad.stderr


# --- the flow, under the Prefect test harness --------------------------------------------------

def latest_digest_artifact():
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    async def latest():
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["daily-digest"])),
                sort=ArtifactSort.CREATED_DESC, limit=1)
            return found[0] if found else None

    return asyncio.run(latest())


@pytest.fixture
def flow_day(prefect_harness, db):
    store(db, HOSTILE_TEXT, HOSTILE_SOURCE, HOSTILE_TITLE)
    store(db, SECOND, "https://news.example/second", "Second")
    return db


def test_the_flow_publishes_the_digest_artifact(flow_day):
    from flows.digest import daily_digest

    state = daily_digest(db=flow_day, return_state=True)
    digest = state.result()
    assert digest.basis == "the last 24 hours"  # no previous run of the deployment
    artifact = latest_digest_artifact()
    assert artifact.flow_run_id == state.state_details.flow_run_id and artifact.data == digest.markdown
    assert "NATO cut the Russian mission to 20 out of 30 positions in 2018\\." in artifact.data
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in artifact.data and "<img" not in artifact.data

    since = daily_digest(db=flow_day, since=utcnow() - timedelta(hours=1), top=1)
    assert since.basis == "since the time asked for" and "The 1 most check-worthy of" in since.markdown
