"""``claimtrack warehouse copy FROM TO``: a file into a DuckLake and back, losing nothing (issue 16).

A real PostgreSQL (``tests/conftest_postgres.py``): the seed ingested, verified (``claimtrack demo``) and
reviewed in a DuckDB file, copied into a lake, compared table by table, written to again, copied back.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import SEED, claimtrack_cmd
from tests.test_ducklake import _env, claimtrack
from warehouse import connect

pytest_plugins = ["tests.conftest_postgres"]


def _contents(db: str) -> dict[str, list]:
    """Every table's and view's rows of the warehouse, sorted (rows as sets: a table has no order)."""
    with connect(db, read_only=True) as con:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
            "AND table_schema = 'main' ORDER BY table_name").fetchall()]
        return {name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}


def _copy(source: str, target: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(claimtrack_cmd() + ["warehouse", "copy", source, target], env=env, capture_output=True,
                          text=True, timeout=300)


def test_a_file_copied_to_a_lake_and_back_keeps_every_row(lake, tmp_path):
    env = _env(tmp_path)
    file_db = str(tmp_path / "claims.duckdb")
    assert "verified 25 claims" in claimtrack(["demo", "--db", file_db], env, timeout=600).stdout
    claimtrack(["review", "2", "--verdict", "refuted", "--reviewer", "Ada", "--note", "NATO says so", "--db", file_db], env)
    original = _contents(file_db)
    assert len(original["claims"]) >= 22 and len(original["evidence"]) > 0 and len(original["claim_status_events"]) > 22

    done = _copy(file_db, lake, env)
    assert done.returncode == 0, done.stderr
    assert "copied" in done.stdout and "claimtrack: copying claims" in done.stderr
    in_lake = _contents(lake)
    assert set(in_lake) == set(original) | {"id_counters"}  # claim_state: a table there, a view here
    for name, rows in original.items():
        assert in_lake[name] == rows, name  # schema_migrations too: FROM's rows, with their dates
    assert in_lake["claims_current"] == original["claims_current"]
    worker = lake.rsplit(";data=", 1)[0]
    assert "NATO says so" in claimtrack(["history", "2", "--db", worker], env).stdout

    # The lake takes new writes, its ids after the copied ones.
    article = tmp_path / "more.txt"
    article.write_text(SEED.read_text(encoding="utf-8") + "\nOn Friday officials said 12 more diplomats would leave.\n",
                       encoding="utf-8")
    assert "ingested 1 new article" in claimtrack(["ingest", str(article), "--db", worker], env).stdout
    after = _contents(lake)
    copied_claims = {row[0] for row in original["claims"]}
    new_claims = {row[0] for row in after["claims"]} - copied_claims
    assert new_claims and min(new_claims) > max(copied_claims)
    copied_events = {row[0] for row in original["claim_status_events"]}
    new_events = {row[0] for row in after["claim_status_events"]} - copied_events
    assert new_events and min(new_events) > max(copied_events)
    assert len(after["claims_current"]) == len(after["claims"])

    # Back into a new file: the same rows, claim_state rebuilt from the history equal to the lake's view.
    back = str(tmp_path / "back.duckdb")
    done = _copy(worker, back, env)
    assert done.returncode == 0, done.stderr
    in_file = _contents(back)
    assert set(in_file) == set(after) - {"id_counters"}
    for name, rows in in_file.items():
        assert rows == after[name], name

    # A target that holds rows is refused, in one line, and left as it was.
    for target in (worker, back):
        refused = _copy(file_db, target, env)
        assert refused.returncode == 1
        assert refused.stderr.strip().count("\n") == 0 and "is not empty" in refused.stderr, refused.stderr
    assert _contents(lake) == after and _contents(back) == in_file


def test_copy_refuses_a_warehouse_onto_itself_and_a_missing_source(tmp_path):
    env = _env(tmp_path)
    file_db = str(tmp_path / "claims.duckdb")
    with connect(file_db):
        pass
    same = _copy(file_db, str(Path(tmp_path) / "." / "claims.duckdb"), env)
    assert same.returncode == 1 and "same warehouse" in same.stderr
    missing = _copy(str(tmp_path / "nothing.duckdb"), str(tmp_path / "new.duckdb"), env)
    assert missing.returncode == 1 and "no database here to copy from" in missing.stderr
    assert not (tmp_path / "new.duckdb").exists()
