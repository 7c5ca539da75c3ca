"""Review and deployments against a real Prefect server: schedules read back, a paused review
resumed through the API, the review-claim dropdown, the timeout, and the review/export commands."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from claims.model import STATUSES
from tests.conftest import ROOT, SEED
from warehouse import run_readonly_sql
from warehouse.dashboard import review_batch
from warehouse.status import StatusChange, claim_history, record_status

pytest_plugins = ["tests.conftest_server"]

# deployment -> (cron or None for manual, parameters it must carry, tag)
DEPLOYMENTS = [
    pytest.param("ingest-feeds/ingest-feeds", "0 * * * *", {"db", "config"}, "ingest", id="ingest-feeds-hourly"),
    pytest.param("verify-pending/verify-pending", "*/15 * * * *", {"db"}, "verify", id="verify-pending-15min"),
    pytest.param("recheck-stale/recheck-stale", "30 3 * * *", {"db", "stale_days"}, "verify", id="recheck-stale-daily"),
    pytest.param("review-claims/review-claims", None, {"db"}, "review", id="review-claims-manual"),
    pytest.param("review-claim/review-claim", None, {"db"}, "review", id="review-claim-manual"),
    pytest.param("daily-digest/daily-digest", "0 7 * * *", {"db"}, "digest", id="daily-digest-7am"),
    pytest.param("maintain-warehouse/maintain-warehouse", "45 4 * * *", {"db"}, "maintain", id="maintain-warehouse-daily"),
]


def client():
    from prefect.client.orchestration import get_client

    return get_client(sync_client=True)


def wait_for_state(flow_run_id, wanted: set[str], timeout: float = 120):
    from tests.conftest_server import wait_until  # after pytest_plugins loaded it (assert rewriting)

    def state():
        with client() as c:
            run = c.read_flow_run(flow_run_id)
        name = run.state.type.value if run.state else None
        if name in {"FAILED", "CRASHED", "CANCELLED"} and name not in wanted:
            raise AssertionError(f"flow run ended {name}: {run.state.message}")
        return run if name in wanted else None

    return wait_until(state, timeout, f"flow run in {sorted(wanted)}", 0.5)


@pytest.fixture
def seeded(prefect_api, db):
    from flows.ingest import ingest_articles

    report = ingest_articles([str(SEED)], db=db)
    assert report.claims > 5
    return db


@pytest.mark.parametrize("name, cron, params, tag", DEPLOYMENTS)
def test_deployments_are_registered_with_their_schedules(served, prefect_api, name, cron, params, tag):
    with client() as c:
        deployment = c.read_deployment_by_name(name)
    crons = [s.schedule.cron for s in deployment.schedules]
    assert crons == ([cron] if cron else [])
    assert params <= set(deployment.parameters)
    assert deployment.parameters["db"].endswith(".duckdb")
    assert {"claimtrack", tag} <= set(deployment.tags)


def test_review_claim_offers_the_statuses_as_a_dropdown(served, prefect_api):
    with client() as c:
        schema = c.read_deployment_by_name("review-claim/review-claim").parameter_openapi_schema
    verdict = schema["properties"]["verdict"]
    ref = verdict.get("$ref") or verdict.get("allOf", [{}])[0].get("$ref")
    enum = schema["definitions"][ref.rsplit("/", 1)[-1]]["enum"] if ref else verdict["enum"]
    assert tuple(enum) == STATUSES
    assert set(schema["required"]) >= {"claim_id", "verdict", "reviewer"}


def test_review_claims_pauses_and_resume_records_human_events(served, seeded):
    from prefect.deployments import run_deployment
    from prefect.flow_runs import resume_flow_run

    db = seeded
    batch = [row[0] for row in review_batch(db, limit=3).rows]
    run = run_deployment("review-claims/review-claims", timeout=0,
                         parameters={"db": db, "how_many": 3, "poll_seconds": 1, "timeout_minutes": 10})
    wait_for_state(run.id, {"PAUSED"})
    refuted, supported, skipped = batch
    resume_flow_run(run.id, run_input={
        f"claim_{refuted}": "refuted", f"claim_{supported}": "supported", f"claim_{skipped}": "skip",
        "note": "checked against the NATO statement", "reviewer": "Ada Reviewer",
    })
    wait_for_state(run.id, {"COMPLETED"})

    events = {cid: claim_history(cid, db) for cid in batch}
    assert [(e["status"], e["actor"], e["note"]) for e in events[refuted] if e["actor"] != "pipeline"] == [
        ("refuted", "Ada Reviewer", "checked against the NATO statement")]
    assert [e["status"] for e in events[supported] if e["actor"] != "pipeline"] == ["supported"]
    assert [e for e in events[skipped] if e["actor"] != "pipeline"] == []

    # A later machine verdict is recorded but does not overwrite the reviewer's.
    record_status([StatusChange(refuted, "supported", confidence=0.9)], db)
    current = dict(run_readonly_sql(
        db, f"SELECT claim_id, status || '/' || needs_rereview FROM claims_current WHERE claim_id IN ({refuted}, {skipped})"
    ).rows)
    assert current == {refuted: "refuted/true", skipped: "unverified/false"}


def test_the_daily_digest_covers_the_time_since_its_previous_run(served, seeded):
    """The first run has no previous one (the last 24 hours: the seed's claims); the second starts where
    the first did, and the seed was stored before that."""
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey
    from prefect.deployments import run_deployment

    def digest_of(flow_run_id) -> str:
        with client() as c:
            (artifact,) = c.read_artifacts(artifact_filter=ArtifactFilter(
                key=ArtifactFilterKey(any_=["daily-digest"]), flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))
        return artifact.data

    runs = []
    for _ in range(2):
        run = run_deployment("daily-digest/daily-digest", timeout=0, parameters={"db": seeded})
        wait_for_state(run.id, {"COMPLETED"})
        runs.append(run.id)
    first, second = (digest_of(r) for r in runs)
    assert "(the last 24 hours)" in first and "20 out of 30 positions" in first
    assert "(since the previous digest)" in second
    assert "Nothing new in this window: no new claims, no verdict changes, no reviews." in second


def test_the_digest_command_publishes_its_artifact_on_the_server(served, seeded):
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    from tests.conftest_server import prefect_env

    result = subprocess.run([sys.executable, "-m", "flows.cli", "digest", "--db", seeded, "--top", "25"],
                            env=prefect_env(served.server.home, served.server.api), capture_output=True, text=True,
                            cwd=ROOT, timeout=180)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Morning digest") and "20 out of 30 positions" in result.stdout
    with client() as c:
        (latest,) = c.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["daily-digest"])),
                                     sort=ArtifactSort.CREATED_DESC, limit=1)
    assert latest.data == result.stdout and latest.flow_run_id is not None


# Resume inputs the server must refuse (the form's schema is enforced), by what is wrong.
INVALID_RESUMES = [
    pytest.param(lambda first: {f"claim_{first}": "maybe", "reviewer": "Ada"}, id="verdict-not-in-dropdown"),
    pytest.param(lambda first: {f"claim_{first}": "refuted"}, id="reviewer-missing"),
    pytest.param(lambda first: {f"claim_{first}": "refuted", "reviewer": ""}, id="reviewer-empty"),
]


def test_resume_input_is_validated_by_the_server(served, seeded):
    from prefect.deployments import run_deployment
    from prefect.flow_runs import resume_flow_run

    db = seeded
    first = review_batch(db, limit=1).rows[0][0]
    run = run_deployment("review-claims/review-claims", timeout=0,
                         parameters={"db": db, "how_many": 1, "poll_seconds": 1, "timeout_minutes": 10})
    wait_for_state(run.id, {"PAUSED"})
    for case in INVALID_RESUMES:
        with pytest.raises(RuntimeError):
            resume_flow_run(run.id, run_input=case.values[0](first))
    resume_flow_run(run.id, run_input={f"claim_{first}": "not_enough_evidence", "reviewer": "Ada"})
    wait_for_state(run.id, {"COMPLETED"})
    assert [e["actor"] for e in claim_history(first, db) if e["actor"] != "pipeline"] == ["Ada"]


def test_review_claim_deployment_records_one_verdict(served, seeded):
    from prefect.deployments import run_deployment

    db = seeded
    claim = review_batch(db, limit=1).rows[0][0]
    run = run_deployment("review-claim/review-claim", timeout=0, parameters={
        "db": db, "claim_id": claim, "verdict": "conflicting", "reviewer": "Grace", "note": "sources disagree"})
    wait_for_state(run.id, {"COMPLETED"})
    human = [(e["status"], e["actor"], e["note"]) for e in claim_history(claim, db) if e["actor"] != "pipeline"]
    assert human == [("conflicting", "Grace", "sources disagree")]


def test_an_unanswered_review_times_out_and_leaves_claims_unreviewed(seeded):
    from flows.review import review_claims

    db = seeded
    start = time.monotonic()
    outcome = review_claims(db=db, how_many=2, timeout_minutes=0.05, poll_seconds=1)
    assert outcome.timed_out and len(outcome.skipped) == 2 and not outcome.decided
    assert time.monotonic() - start < 60
    assert run_readonly_sql(db, "SELECT count(*) FROM claims_current WHERE reviewed").rows == [(0,)]


def test_an_unanswered_review_deployment_run_completes(served, seeded):
    """The server fails a pause it thinks expired; the run must still end Completed, saying so."""
    from prefect.deployments import run_deployment

    db = seeded
    run = run_deployment("review-claims/review-claims", timeout=0,
                         parameters={"db": db, "how_many": 2, "poll_seconds": 1, "timeout_minutes": 0.1})
    done = wait_for_state(run.id, {"COMPLETED"}, timeout=180)
    assert done.state.type.value == "COMPLETED"
    assert run_readonly_sql(db, "SELECT count(*) FROM claims_current WHERE reviewed").rows == [(0,)]


def test_a_ui_run_cannot_read_files_outside_the_folders_serve_was_given(served, prefect_api, tmp_path_factory):
    """Anyone with the UI can start ingest-feeds with their own config: it must not reach other files."""
    import shutil
    import tempfile
    from pathlib import Path

    from prefect.deployments import run_deployment

    from tests.conftest_server import wait_until

    private = Path(tempfile.mkdtemp(prefix="claimtrack-private-"))  # outside the roots (pytest's folders)
    try:
        assert not private.is_relative_to(tmp_path_factory.getbasetemp())
        (private / "notes.txt").write_text("NATO holds 20 out of 30 posts.\n", encoding="utf-8")
        feeds = private / "feeds.txt"
        feeds.write_text("notes.txt\n", encoding="utf-8")
        run = run_deployment("ingest-feeds/ingest-feeds", timeout=0, parameters={"config": str(feeds)})

        def failed():  # the flow retries once: its first failure is AwaitingRetry, carrying the message
            with client() as c:
                state = c.read_flow_run(run.id).state
            return state if state and (state.name == "AwaitingRetry" or state.type.value == "FAILED") else None

        state = wait_until(failed, 180, "ingest-feeds failing", 0.5)
        assert "outside the folders local files may be read from" in (state.message or "")
    finally:
        shutil.rmtree(private, ignore_errors=True)


# --- the terminal side: review, history, export ------------------------------------------------

def cli(*args, env):
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)


@pytest.fixture
def reviewed_db(cli_env, tmp_path):
    from warehouse.store import store_articles
    from claims.extract import build_article

    db = cli_env["CLAIMTRACK_DB"]
    article = build_article(SEED.read_text(encoding="utf-8"), str(SEED), title="seed", published="2021-10")
    store_articles([article], db)
    return db


CLI_ERRORS = [
    pytest.param(["review", "999999", "--verdict", "refuted", "--reviewer", "Ada"], 1, "no claim with id 999999",
                 id="unknown-claim"),
    pytest.param(["review", "1", "--verdict", "maybe", "--reviewer", "Ada"], 2, "invalid choice", id="bad-verdict"),
    pytest.param(["review", "1", "--verdict", "refuted", "--reviewer", "  "], 1, "reviewer", id="blank-reviewer"),
    pytest.param(["history", "999999"], 1, "no claim with id 999999", id="history-unknown-claim"),
]


@pytest.mark.parametrize("args, code, message", CLI_ERRORS)
def test_cli_errors_are_one_line(reviewed_db, cli_env, args, code, message):
    result = cli(*args, env=cli_env)
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr
    if code == 1:
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("claimtrack: ")


def test_review_history_and_exports_from_the_terminal(reviewed_db, cli_env, tmp_path):
    db = reviewed_db
    claim = review_batch(db, limit=1).rows[0][0]
    done = cli("review", str(claim), "--verdict", "refuted", "--note", "NATO said 8, not 18", "--reviewer", "Ada",
               env=cli_env)
    assert done.returncode == 0, done.stderr
    history = cli("history", str(claim), "--format", "json", env=cli_env)
    events = [json.loads(line) for line in history.stdout.splitlines()]
    assert [(e["status"], e["actor"]) for e in events] == [("unverified", "pipeline"), ("refuted", "Ada")]

    out = tmp_path / "reviews.jsonld"
    export = cli("export", "claimreview", "--out", str(out), env=cli_env)
    assert export.returncode == 0, export.stderr
    (review,) = json.loads(out.read_text(encoding="utf-8"))
    assert review["@type"] == "ClaimReview" and review["author"] == {"@type": "Person", "name": "Ada"}
    assert review["reviewRating"] | {} == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                                          "alternateName": "False"}
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["appearance"] and review["itemReviewed"]["datePublished"] == "2021-10"
    assert review["claimReviewed"] and review["reviewBody"] == "NATO said 8, not 18"

    folder = tmp_path / "parquet"
    parquet = cli("export", "parquet", str(folder), env=cli_env)
    assert parquet.returncode == 0, parquet.stderr
    assert {"articles", "claims", "claim_status_events"} <= {p.stem for p in folder.glob("*.parquet")}
    import duckdb  # `claimtrack sql` refuses file access, so read the Parquet file directly

    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{folder / 'claims.parquet'}'").fetchone()[0] == \
        run_readonly_sql(db, "SELECT count(*) FROM claims").rows[0][0]
