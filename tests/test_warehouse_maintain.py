"""``claimtrack warehouse maintain``: a lake's small files merged, old snapshots dropped, nothing of the claims lost.

A real PostgreSQL (``tests/conftest_postgres.py``): the seed ingested twice, as two batches of one article each, into a
DuckLake (their snapshots, small files), maintained with ``--keep-days 0``, and compared before and after.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.conftest import SEED, claimtrack_cmd
from tests.test_ducklake import _env, claimtrack
from tests.test_warehouse_copy import _contents

pytest_plugins = ["tests.conftest_postgres"]


def _maintain(db: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(claimtrack_cmd() + ["warehouse", "maintain", "--db", db, *args], env=env,
                          capture_output=True, text=True, timeout=300)


def test_maintain_merges_a_lakes_files_and_keeps_every_row(lake, tmp_path):
    env = _env(tmp_path)
    text = SEED.read_text(encoding="utf-8")
    for k in range(2):  # two runs: two store batches, each its own snapshots and files
        article = tmp_path / f"a{k}.txt"
        article.write_text(text + f"\nOn Friday officials said {12 + k} more diplomats would leave.\n", encoding="utf-8")
        assert "ingested 1 new article" in claimtrack(["ingest", str(article), "--db", lake], env).stdout
    before = _contents(lake)
    done = _maintain(lake, env, "--keep-days", "0")
    assert done.returncode == 0, done.stderr
    assert "claimtrack: " in done.stderr and "merge adjacent files" in done.stderr
    found = re.search(r"(\d[\d,]*) -> (\d[\d,]*) data files, (\d[\d,]*) -> (\d[\d,]*) snapshots", done.stdout)
    assert found, done.stdout
    files_before, files_after, snapshots_before, snapshots_after = (int(g.replace(",", "")) for g in found.groups())
    assert files_after < files_before and snapshots_after < snapshots_before, done.stdout
    assert _contents(lake) == before  # every row of every table and view
    # The lake still takes writes after it.
    article = tmp_path / "after.txt"
    article.write_text(text + "\nOn Monday 40 more diplomats left.\n", encoding="utf-8")
    assert "ingested 1 new article" in claimtrack(["ingest", str(article), "--db", lake], env).stdout


def test_maintain_checkpoints_a_file(tmp_path):
    env = _env(tmp_path)
    db = str(tmp_path / "claims.duckdb")
    claimtrack(["ingest", str(SEED), "--db", db], env)
    before = _contents(db)
    done = _maintain(db, env)
    assert done.returncode == 0, done.stderr
    assert "(checkpoint)" in done.stdout
    assert _contents(db) == before


@pytest.mark.parametrize("days", ["-1", "soon", "nan", "inf", "36501"],
                         ids=["negative", "not-a-number", "nan", "infinite", "over-a-century"])
def test_maintain_refuses_a_bad_retention_with_one_line(tmp_path, days):
    done = _maintain(str(tmp_path / "claims.duckdb"), _env(tmp_path), "--keep-days", days)
    assert done.returncode == 2 and "a number of days from 0 to 36,500" in done.stderr and "Traceback" not in done.stderr


def test_maintain_of_a_missing_file_says_so_and_creates_nothing(tmp_path):
    db = tmp_path / "nothing.duckdb"
    done = _maintain(str(db), _env(tmp_path))
    assert done.returncode != 0 and "no database here yet" in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()


def test_the_scheduled_flow_maintains_a_file(prefect_harness, tmp_path):
    """``maintain-warehouse``, the daily deployment of ``serve`` and ``deploy --pool``, run as a flow."""
    from flows.maintain import maintain_warehouse
    from warehouse import connect

    db = str(tmp_path / "claims.duckdb")
    with connect(db):
        pass
    state = maintain_warehouse(db=db, return_state=True)
    assert state.is_completed(), state.message
    assert state.result().backend == "duckdb"


def test_the_scheduled_flow_refuses_a_database_outside_the_roots(prefect_harness, tmp_path, monkeypatch):
    from flows.maintain import maintain_warehouse

    monkeypatch.setenv("CLAIMTRACK_LOCAL_ROOTS", str(tmp_path / "allowed"))
    state = maintain_warehouse(db=str(tmp_path / "elsewhere.duckdb"), return_state=True)
    assert state.is_failed() and "outside" in state.message
