"""A real PostgreSQL for the DuckLake tests (loaded with ``pytest_plugins = ["tests.conftest_postgres"]``).

- ``postgres``: PostgreSQL on a free loopback port for the session (``initdb`` into a temporary folder,
  ``pg_ctl start``; as root through ``runuser -u nobody``, since PostgreSQL refuses to run as root),
  stopped and its folder removed at the end (``tools.localstack.postgres_server``, which
  ``bench/scale.py`` uses too). Without ``initdb`` the tests that use it skip with one
  reason, and fail when ``CI`` is set (``.ci/run`` installs Debian's ``postgresql``).
- ``lake``: a new DuckLake URL for one test: its own database in that server, its data under tmp_path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.localstack import Postgres, pg_bin, postgres_server


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """PostgreSQL on a free loopback port for this session, stopped (and its folder removed) at the end."""
    bin_dir = pg_bin()
    if bin_dir is None:
        reason = "PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql)"
        if os.environ.get("CI"):
            pytest.fail(reason + "; CI must run the DuckLake tests")
        pytest.skip(reason)
    with postgres_server(bin_dir) as pg:
        yield pg


@pytest.fixture
def lake(postgres: Postgres, tmp_path: Path) -> str:
    """A new DuckLake URL: its own database in the session's PostgreSQL, its data under tmp_path."""
    return postgres.new_lake(tmp_path / "lake")
