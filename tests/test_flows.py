"""The ingest flow, run for real under one Prefect test harness."""

from __future__ import annotations

import asyncio

import pytest

from tests.conftest import SEED
from warehouse import claims_table, run_readonly_sql


@pytest.fixture
def ingest(prefect_harness):
    from flows.ingest import ingest_articles

    return ingest_articles


def count(db, table):
    return run_readonly_sql(db, f"SELECT count(*) FROM {table}").rows[0][0]


def test_ingesting_the_seed_stores_its_claims_once(ingest, db):
    first = ingest([str(SEED)], db=db)
    assert len(first.stored) == 1 and first.claims > 10 and not first.failures
    texts = [r[2] for r in claims_table(db).rows]
    assert any("20 out of 30 positions" in t for t in texts)

    before = {t: count(db, t) for t in ("articles", "claims", "quantities", "dates", "quotes", "claim_status_events")}
    again = ingest([str(SEED)], db=db)
    assert again.stored == [] and again.skipped == first.stored and again.claims == 0
    assert {t: count(db, t) for t in before} == before


def test_stored_articles_are_skipped_before_extraction(ingest, db, tmp_path, monkeypatch):
    # Re-ingest reads each input and hashes its text; only articles not stored yet are extracted (issue 15).
    import flows.ingest

    other = tmp_path / "other.txt"
    other.write_text("The council said it had cut 120 jobs since 2020.", encoding="utf-8")
    ingest([str(SEED)], db=db)
    extracted = []
    real = flows.ingest.build_article
    monkeypatch.setattr(flows.ingest, "build_article", lambda text, source, **kw: extracted.append(source) or real(
        text, source, **kw))
    report = ingest([str(SEED), str(other)], db=db)
    assert extracted == [str(other)]
    assert len(report.stored) == 1 and len(report.skipped) == 1
    assert report.sources[report.skipped[0]] == str(SEED)
    assert ingest([str(SEED), str(other)], db=db).stored == [] and extracted == [str(other)]


@pytest.mark.parametrize("batch_size", [1, 25], ids=["other-batches", "same-batch"])
def test_two_inputs_with_one_text_store_one_article_and_report_the_other(ingest, db, tmp_path, batch_size):
    copy = tmp_path / "copy.txt"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    report = ingest([str(SEED), str(copy)], db=db, batch_size=batch_size)
    assert len(report.stored) == 1 and report.skipped == report.stored
    assert count(db, "articles") == 1


def test_bad_inputs_are_reported_and_the_good_ones_still_go_through(ingest, db, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    other = tmp_path / "other.txt"
    other.write_text("Russia expelled 60 American diplomats in 2018, officials said.", encoding="utf-8")
    report = ingest([str(empty), str(SEED), str(tmp_path / "missing.txt"), str(other)], db=db, batch_size=2)
    assert len(report.stored) == 2
    assert [spec for spec, _ in report.failures] == [str(empty), str(tmp_path / "missing.txt")]
    assert all(reason.startswith(spec) for spec, reason in report.failures)
    assert count(db, "articles") == 2
    sources = {r[0] for r in run_readonly_sql(db, "SELECT source FROM articles").rows}
    assert sources == {str(SEED), str(other)}


def test_the_run_leaves_a_summary_artifact(ingest, db):
    ingest([str(SEED)], db=db)
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    async def latest(key):
        async with get_client() as client:
            found = await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
            return found[-1] if found else None

    summary = asyncio.run(latest("ingest-summary"))
    assert summary is not None and "claims stored" in summary.data


def test_cited_links_become_candidate_sources_only_when_asked(ingest, db, tmp_path):
    page = tmp_path / "cited.html"
    page.write_text(
        "<html><body><article><p>NATO cut the Russian mission to 20 out of 30 positions in 2018, "
        'according to <a href="https://www.nato.int/cps/en/natohq/news_153223.htm#x">a NATO statement</a>.</p>'
        '<p>See <a href="/relative">this</a> and <a href="mailto:desk@example.org">us</a>.</p></article></body></html>',
        encoding="utf-8",
    )
    other = tmp_path / "uncited.html"
    other.write_text('<p>Russia expelled 60 American diplomats. <a href="https://example.org/a">A</a></p>', encoding="utf-8")
    ingest([str(other)], db=db)
    report = ingest([str(page)], db=db, register_cited_links=True)
    assert report.sources_added == 1
    rows = run_readonly_sql(db, "SELECT location, article_id FROM sources").rows
    assert rows == [("https://www.nato.int/cps/en/natohq/news_153223.htm", report.stored[0])]
