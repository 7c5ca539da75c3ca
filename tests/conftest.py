"""Shared fixtures: real DuckDB files under tmp_path, one Prefect test harness per session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nato-russia-2021-10.txt"
SHARED = Path(os.environ.get("CLAIMTRACK_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "eval" / "gold" / "nato-russia-2021-10.json"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "claims.duckdb")


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory):
    """One temporary Prefect API for every flow test of the session (≈ 10 s to start)."""
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the installed `claimtrack` in a subprocess."""
    env = dict(os.environ)
    env["CLAIMTRACK_DB"] = str(tmp_path / "cli.duckdb")
    env.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
    env["PYTHONPATH"] = str(ROOT)
    return env


def claimtrack_cmd() -> list[str]:
    return [sys.executable, "-m", "flows.cli"]
