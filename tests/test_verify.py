"""Verification end to end: the seed verified against its local source pages, served on 127.0.0.1."""

from __future__ import annotations

import pytest

from warehouse import run_readonly_sql
from warehouse.status import StatusChange, claim_history, record_status


@pytest.fixture(scope="module")
def demo(prefect_harness, tmp_path_factory):
    from flows.demo import run_demo

    db = str(tmp_path_factory.mktemp("demo") / "claims.duckdb")
    report = run_demo(db, port=0)
    return db, report


def status_of(db: str, fragment: str, article_source: str = "nato-russia-2021-10.txt") -> str:
    rows = run_readonly_sql(
        db,
        "SELECT c.status FROM claims_current c JOIN articles a USING (article_id) "
        f"WHERE c.text LIKE '%{fragment}%' AND a.source LIKE '%{article_source}'",
    ).rows
    assert len(rows) == 1, (fragment, rows)
    return rows[0][0]


# Expected verdicts from ../shared/eval/seed-facts.md, for the seed claims they concern.
SEED_VERDICTS = [
    pytest.param("20 out of 30 positions", {"supported"}, id="mission-cut-2018"),
    pytest.param("more than 100 Russian diplomats", {"conflicting", "not_enough_evidence"}, id="20-nations-never-supported"),
    pytest.param("Russia expelled 60 American diplomats", {"supported"}, id="60-us-diplomats"),
    pytest.param("closed the US Consulate in St. Petersburg", {"supported"}, id="consulate-closed"),
    pytest.param("expelled eight members", {"supported"}, id="eight-members-2021"),
    pytest.param("as early as November 1", {"supported"}, id="takes-effect-november-1"),
    pytest.param("20 percent of Georgia", {"supported"}, id="georgia-20-percent-table-row"),
    pytest.param("NATO suspended “all practical civilian", {"supported"}, id="cooperation-suspended-2014"),
    pytest.param("invaded South Ossetia and Abkhazia in 2008", {"supported"}, id="invasion-2008"),
]


@pytest.mark.parametrize("fragment, expected", SEED_VERDICTS)
def test_seed_claim_verdicts(demo, fragment, expected):
    db, _ = demo
    assert status_of(db, fragment) in expected


def test_the_misstated_figure_is_refuted(demo):
    db, _ = demo
    assert status_of(db, "10 out of 30 positions", "nato-russia-misstated.txt") == "refuted"


def test_repeated_claims_link_to_the_seed_and_share_its_verdict(demo):
    db, _ = demo
    rows = run_readonly_sql(
        db,
        "SELECT a.source, c.canonical_id, c.status FROM claims_current c JOIN articles a USING (article_id) "
        "WHERE c.text = 'Russia expelled 60 American diplomats' ORDER BY a.source",
    ).rows
    assert len(rows) == 2
    assert rows[0][1] == rows[1][1] and rows[0][2] == rows[1][2] == "supported"


def test_a_table_row_decides_the_georgia_claim(demo):
    db, _ = demo
    rows = run_readonly_sql(
        db,
        "SELECT p.kind, e.passage FROM evidence e JOIN passages p USING (passage_id) JOIN claims c USING (claim_id) "
        "WHERE c.text LIKE '%20 percent of Georgia%' AND e.stance = 'supports'",
    ).rows
    assert rows and rows[0][0] == "table_row" and "Share of land area occupied: about 20%" in rows[0][1]


def test_a_second_run_fetches_conditionally_and_changes_nothing(demo, prefect_harness):
    from flows.verify import verify_claims

    db, first = demo
    events_before = run_readonly_sql(db, "SELECT count(*) FROM claim_status_events").rows[0][0]
    # The pages are gone now (the demo's server stopped): a dead source is a status, not a crash,
    # and the stored snapshots still decide.
    again = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert again.checked == first.checked and again.changed == 0
    assert again.source_failures
    assert run_readonly_sql(db, "SELECT count(*) FROM claim_status_events").rows[0][0] == events_before
    errors = run_readonly_sql(db, "SELECT count(*) FROM source_fetches WHERE error IS NOT NULL").rows[0][0]
    assert errors >= 1


def test_a_reviewer_decision_stands_against_a_later_machine_verdict(demo, prefect_harness, tmp_path):
    from flows.verify import verify_claims
    from warehouse.evidence import add_source

    db, _ = demo
    claim_id = run_readonly_sql(
        db, "SELECT claim_id FROM claims WHERE text = 'Russia expelled 60 American diplomats' ORDER BY claim_id LIMIT 1"
    ).rows[0][0]
    record_status([StatusChange(claim_id, "refuted", None, actor="Ana Reviewer", note="checked the cable")], db)

    unchanged = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert claim_id not in unchanged.flagged  # the machine said the same before the review: nothing new
    assert current(db, claim_id) == ("refuted", False, "Ana Reviewer")

    page = tmp_path / "other-count.html"
    page.write_text("<p>On 29 March 2018 Russia expelled 48 American diplomats, its foreign ministry said.</p>")
    add_source(str(page), label="a source that disagrees", db=db)
    changed = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert claim_id in changed.flagged
    assert current(db, claim_id) == ("refuted", True, "Ana Reviewer")
    actors = [e["actor"] for e in claim_history(claim_id, db)]
    assert actors.count("Ana Reviewer") == 1 and actors[-1] == "pipeline"


def current(db, claim_id):
    return run_readonly_sql(
        db, f"SELECT status, needs_rereview, status_actor FROM claims_current WHERE claim_id = {claim_id}"
    ).rows[0]


STALENESS = [
    pytest.param(None, True, id="no-staleness-filter"),
    pytest.param(30.0, False, id="checked-within-30-days"),
    pytest.param(0.0, True, id="everything-is-stale-at-zero-days"),
]


@pytest.mark.parametrize("stale_days, selected", STALENESS)
def test_staleness_selects_claims_by_their_last_check(demo, stale_days, selected):
    from warehouse import connect
    from warehouse.evidence import claims_to_verify

    db, _ = demo
    with connect(db, read_only=True) as con:
        found = claims_to_verify(con, status=None, stale_days=stale_days)
    assert bool(found) is selected


def test_a_rating_that_shares_no_word_with_the_claim_is_still_found(tmp_path):
    from flows.verify import check_claim

    page = tmp_path / "factcheck.html"
    page.write_text("<p>The governor spoke at length about budgets.</p><p>We rate it Pants on Fire!</p>")
    result, fetched = check_claim("Says the state cut school funding by $500 million.", [str(page)])
    assert all(f.ok for f in fetched)
    assert result.verdict.status == "refuted"
    assert [r.text for r, stance in result.evidence if stance == "refutes"] == ["We rate it Pants on Fire!"]


def test_small_batches_report_progress_and_verify_every_claim(demo, prefect_harness):
    from flows.verify import verify_claims

    db, first = demo
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterType

    async def progress_artifacts():
        async with get_client() as client:
            found = await client.read_artifacts(artifact_filter=ArtifactFilter(type=ArtifactFilterType(any_=["progress"])))
            return [a.data for a in found]

    before = len(asyncio.run(progress_artifacts()))
    report = verify_claims(db=db, status=None, batch_size=5, allow_hosts=["127.0.0.1"])
    assert report.checked == first.checked
    after = asyncio.run(progress_artifacts())
    assert len(after) == before + 1 and 100.0 in after


def test_a_page_registered_for_two_articles_serves_both(prefect_harness, tmp_path):
    from claims.extract import build_article
    from flows.verify import verify_claims
    from warehouse import store_articles
    from warehouse.evidence import add_source

    db = str(tmp_path / "claims.duckdb")
    first = build_article("NATO expelled 60 Russian diplomats in 2018, officials said.", "a.txt")
    second = build_article("Officials said 75 Russian diplomats were expelled by NATO in 2018.", "b.txt")
    store_articles([first, second], db)
    page = tmp_path / "source.html"
    page.write_text("<p>In 2018 NATO expelled 60 Russian diplomats, officials said.</p>")
    for article in (first, second):
        add_source(str(page), article_id=article.id, db=db)
    report = verify_claims(db=db)
    verdicts = {row["claim"][:20]: row["verdict"] for row in report.rows}
    assert verdicts == {"NATO expelled 60 Rus": "supported", "Officials said 75 Ru": "refuted"}
    assert run_readonly_sql(db, "SELECT count(*) FROM source_fetches").rows[0][0] == 2
