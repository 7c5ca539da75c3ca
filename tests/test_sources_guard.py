"""Sources that cannot fool the verifier (issue 13): real DuckDB files, pages served on 127.0.0.1.

- paths in a sources file are relative to that file, wherever the command runs;
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_verify_sources import KINDS, ingest, pages  # noqa: F401  (pages: the loopback server fixture)
from warehouse import run_readonly_sql

WALES = "date 2022-06-01\nWales has about 3.1 million people."
WALES_CLAIM = "Wales has about 3.1 million people."


def status_of(db: str, text: str) -> str:
    [(status,)] = run_readonly_sql(db, f"SELECT status FROM claims_current WHERE text = '{text}'").rows
    return status


# --- paths in a sources file ---------------------------------------------------------------------

RESOLVED = [
    pytest.param("https://example.org/a.html", None, "https://example.org/a.html", id="url-unchanged"),
    pytest.param("http://127.0.0.1:8765/x.csv", None, "http://127.0.0.1:8765/x.csv", id="loopback-url-unchanged"),
    pytest.param("/srv/data/x.csv", None, "/srv/data/x.csv", id="absolute-path-unchanged"),
    pytest.param("x.csv", "config", "config/x.csv", id="file-beside-the-sources-file"),
    pytest.param("../seeds/x.html", "config", "seeds/x.html", id="parent-folder-of-the-sources-file"),
    pytest.param("./sub/../x.csv", "config", "config/x.csv", id="dots-resolved"),
]


@pytest.mark.parametrize("location, folder, expected", RESOLVED)
def test_a_location_is_resolved_against_the_folder_of_its_file(location, folder, expected, tmp_path):
    from flows.sources import resolve_location

    base = tmp_path / folder if folder else tmp_path
    want = str(tmp_path / expected) if folder else expected
    assert resolve_location(location, base) == want


def _sources_file(tmp_path: Path) -> Path:
    """config/sources.toml naming ../pages/uk-population-2021.csv, as the project's own file does."""
    name, _, body = KINDS["csv"]
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / name).write_text(body, encoding="utf-8")
    (tmp_path / "config").mkdir()
    toml = tmp_path / "config" / "sources.toml"
    toml.write_text(f'[[sources]]\nlocation = "../pages/{name}"\nlabel = "UK population"\n', encoding="utf-8")
    return toml


def test_verify_reads_the_paths_of_a_sources_file_relative_to_the_file(prefect_harness, tmp_path, monkeypatch):
    from flows.verify import verify_claims

    toml = _sources_file(tmp_path)
    db = str(tmp_path / "claims.duckdb")
    ingest(db, WALES)
    elsewhere = tmp_path / "work" / "elsewhere"  # from here "../pages" is work/pages: nothing there
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    report = verify_claims(db=db, sources_file=str(toml))
    assert report.source_failures == [] and report.verdicts == {"supported": 1}
    expected = str(tmp_path / "pages" / KINDS["csv"][0])
    assert run_readonly_sql(db, "SELECT location FROM sources").rows == [(expected,)]


def test_serve_registers_and_may_read_the_same_paths(tmp_path, monkeypatch):
    from flows.serve import register_sources, serve_roots

    toml = _sources_file(tmp_path)
    db = str(tmp_path / "claims.duckdb")
    monkeypatch.chdir(tmp_path / "pages")
    assert register_sources("../config/sources.toml", db) == 1  # the file itself named relative to the cwd
    assert register_sources(str(toml), db) == 1  # the same source, whichever way the file is named
    assert run_readonly_sql(db, "SELECT location FROM sources").rows == [(str(tmp_path / "pages" / KINDS["csv"][0]),)]
    feeds = tmp_path / "config" / "feeds.txt"
    feeds.write_text("# nothing\n", encoding="utf-8")
    assert str(tmp_path / "pages") in serve_roots(db, str(feeds), str(toml)).split(":")
