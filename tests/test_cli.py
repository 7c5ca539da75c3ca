"""The `claimtrack` command line, run as a user runs it: a subprocess with a real DuckDB file."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import SEED, claimtrack_cmd

CONTRACT_KEYS = {"article_id", "claim_id", "text", "start", "end", "checkworthiness", "speaker", "quote", "quantities", "dates"}
QUANTITY_KEYS = {"text", "start", "end", "value", "kind", "unit", "bound", "of", "upper"}
DATE_KEYS = {"text", "start", "end", "value", "precision"}


def run(args, env, timeout=180):
    return subprocess.run(claimtrack_cmd() + args, env=env, capture_output=True, text=True, timeout=timeout)


def test_extract_json_follows_the_contract(cli_env):
    result = run(["extract", str(SEED), "--json"], cli_env)
    assert result.returncode == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    assert claims
    for claim in claims:
        assert CONTRACT_KEYS <= claim.keys()
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["quote"] is None or set(claim["quote"]) == {"text", "start", "end"}
        for q in claim["quantities"]:
            assert set(q) == QUANTITY_KEYS
            assert q["kind"] in {"count", "percent", "money", "ratio", "range", "measure", "fraction"}
            assert q["bound"] in {"=", "~", ">", "<", ">=", "<="}
        for d in claim["dates"]:
            assert set(d) == DATE_KEYS
    ratio = next(q for c in claims for q in c["quantities"] if q["text"] == "20 out of 30 positions")
    assert (ratio["value"], ratio["of"], ratio["kind"], ratio["unit"]) == (20, 30, "ratio", "positions")
    assert not any(q["text"] in {"2008", "in 2008", "2018"} for c in claims for q in c["quantities"])


BAD_INPUTS = [
    pytest.param(["extract", "no/such/file.txt"], "no/such/file.txt: no such file", id="extract-missing-file"),
    pytest.param(["sql", "DELETE FROM claims"], "only SELECT queries are allowed here, not DELETE", id="sql-write"),
    pytest.param(["claims"], "no database here yet", id="claims-before-any-ingest"),
    pytest.param(["verify", "--sources-file", "no/such/sources.toml"], "no/such/sources.toml: cannot read",
                 id="verify-missing-sources-file"),
    pytest.param(["verify-claim", "NATO expelled 8 diplomats", "--source", "no/such/page.html"],
                 "source no/such/page.html: no such file", id="verify-claim-dead-source"),
    pytest.param(["verify-claim", "  ", "--source", "no/such/page.html"], "the claim text is empty",
                 id="verify-claim-empty-text"),
]


@pytest.mark.parametrize("args, message", BAD_INPUTS)
def test_bad_input_is_one_line_and_a_non_zero_exit(cli_env, args, message, tmp_path):
    if args[0] == "sql":  # needs a database to refuse the write on
        from warehouse import connect

        with connect(cli_env["CLAIMTRACK_DB"]):
            pass
    result = run(args, cli_env)
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("claimtrack: ") and message in line


def test_ingest_stores_reports_failures_and_is_idempotent(cli_env, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02")
    first = run(["ingest", str(SEED), str(binary), "--show"], cli_env)
    assert first.returncode == 1
    assert "20 out of 30 positions" in first.stdout
    assert "ingested 1 new article" in first.stdout
    assert first.stderr.strip().splitlines() == [f"claimtrack: {binary}: binary file, not text"]

    second = run(["ingest", str(SEED)], cli_env)
    assert second.returncode == 0, second.stderr
    assert "ingested 0 new articles (0 claims)" in second.stdout
    assert "1 already stored, nothing updated" in second.stdout
    assert second.stderr == ""

    counted = run(["sql", "SELECT count(*) AS n FROM articles", "--format", "json"], cli_env)
    assert json.loads(counted.stdout) == {"n": 1}
    listed = run(["claims", "--status", "unverified", "--format", "csv"], cli_env)
    assert listed.returncode == 0 and "20 out of 30 positions" in listed.stdout
    # JSON: the same claims in the same order, each figure and date a record rather than joined text
    records = [json.loads(line) for line in run(["claims", "--format", "json"], cli_env).stdout.splitlines()]
    assert [str(r["claim_id"]) for r in records] == [line.split(",", 1)[0] for line in listed.stdout.splitlines()[1:]]
    for r in records:
        assert all(set(q) == QUANTITY_KEYS - {"start", "end"} for q in r["quantities"])
        assert all(set(d) == DATE_KEYS - {"start", "end"} for d in r["dates"])
        assert ("quantity" in r["kind"], "date" in r["kind"]) == (bool(r["quantities"]), bool(r["dates"]))
    ratio = next(q for r in records for q in r["quantities"] if q["text"] == "20 out of 30 positions")
    assert (ratio["value"], ratio["of"], ratio["unit"], ratio["bound"]) == (20, 30, "positions", "=")
    assert any(d["value"] == "2018" and d["precision"] == "year" for r in records for d in r["dates"])


def test_verify_claim_says_why_each_passage_decides_or_not(cli_env, tmp_path):
    page = tmp_path / "ruling.html"
    page.write_text("<html><body><p>Perry said 13 Texas universities had announced a $10,000 degree.</p>"
                    "<p>By our count, only four Texas universities had announced such a degree.</p></body></html>",
                    encoding="utf-8")
    result = run(["verify-claim", "13 Texas universities have announced a $10,000 degree.", "--source", str(page)], cli_env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "refuted (confidence 0.80): a figure disagrees"
    why = dict(zip((line.split("]")[1].split(":", 1)[1].strip() for line in lines[1::2]),
                   (line.split("why: ", 1)[1] for line in lines[2::2])))
    assert why == {
        "Perry said 13 Texas universities had announced a $10,000 degree.": "its matching figures are in someone's words, not the source's",
        "By our count, only four Texas universities had announced such a degree.": "a figure disagrees",
    }


def test_verify_claim_stores_only_when_asked(cli_env, tmp_path):
    page = tmp_path / "ruling.html"
    page.write_text("<html><body><p>By our count, only four Texas universities had announced such a degree.</p>"
                    "</body></html>", encoding="utf-8")
    claim = "13 Texas universities have announced a $10,000 degree."
    adhoc = run(["verify-claim", claim, "--source", str(page), "--json"], cli_env)
    assert adhoc.returncode == 0, adhoc.stderr
    assert "claim_id" not in json.loads(adhoc.stdout) and json.loads(adhoc.stdout)["verdict"] == "refuted"
    assert not (tmp_path / "cli.duckdb").exists()  # nothing stored, not even an empty database

    stored = run(["verify-claim", claim, "--source", str(page), "--json", "--store"], cli_env)
    assert stored.returncode == 0, stored.stderr
    payload = json.loads(stored.stdout)
    assert (payload["verdict"], payload["evidence"][0]["stance"]) == ("refuted", "refutes")
    claim_id = payload["claim_id"]

    again = run(["verify-claim", claim, "--source", str(page), "--store"], cli_env)
    assert again.returncode == 0, again.stderr
    assert f"stored as claim {claim_id};" in again.stdout  # the same claim, checked again
    history = run(["sql", f"SELECT status, actor FROM claim_history WHERE claim_id = {claim_id} ORDER BY event_id",
                   "--format", "csv"], cli_env)
    assert history.stdout.splitlines()[1:] == ["unverified,pipeline", "refuted,pipeline"]  # no event for no change
    sources = run(["sql", "SELECT location, article_id IS NOT NULL AS for_its_article FROM sources", "--format", "csv"],
                  cli_env)
    assert sources.stdout.splitlines()[1:] == [f"{page},True"]
