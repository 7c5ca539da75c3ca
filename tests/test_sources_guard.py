"""Sources that cannot fool the verifier (issue 13): real DuckDB files, pages served on 127.0.0.1.

- paths in a sources file are relative to that file, wherever the command runs;
- ``source add`` refuses what cannot be read, ``source remove`` stops using a source (its evidence
  stays as history), ``source list --failed`` shows the sources whose last fetch failed;
- an article is never a source for itself: not its own URL (normalised), not a link to itself, not
  the same text at another address;
- a source refused or dead at verify time leaves the claim's status as it was (the fetch failure is a
  row of ``source_fetches``, not a verdict), and the next run tries it again.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import claimtrack_cmd
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


# --- source add / remove / list --failed ---------------------------------------------------------

def cli(capsys, *args: str) -> tuple[int, str, str]:
    from flows.cli import main

    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def _unreadable(tmp_path: Path) -> str:
    if os.geteuid() == 0:
        pytest.skip("root reads every file: an unreadable file cannot be made")
    path = tmp_path / "secret.html"
    path.write_text("<p>x</p>", encoding="utf-8")
    path.chmod(0)
    return str(path)


REFUSED_ADDS = [
    pytest.param(lambda tmp: "no/such/page.html", "no/such/page.html: no such file", id="missing-file"),
    pytest.param(lambda tmp: str(tmp), ": not a regular file", id="a-folder"),
    pytest.param(lambda tmp: "/dev/null", "/dev/null: not a regular file", id="a-device"),
    pytest.param(_unreadable, "cannot read: Permission denied", id="unreadable-file"),
    pytest.param(lambda tmp: "ftp://example.org/x.csv", "only http(s) URLs and local files can be sources",
                 id="other-scheme"),
    pytest.param(lambda tmp: "  ", "a source needs a location", id="blank"),
]


@pytest.mark.parametrize("make, message", REFUSED_ADDS)
def test_source_add_refuses_what_cannot_be_read_in_one_line(make, message, tmp_path, capsys):
    db = tmp_path / "claims.duckdb"
    code, out, err = cli(capsys, "source", "add", make(tmp_path), "--db", str(db))
    assert code == 1 and out == ""
    [line] = err.strip().splitlines()
    assert line.startswith("claimtrack: ") and message in line and "Traceback" not in err
    assert not db.exists()  # nothing registered: the database was not even opened


def test_source_add_stores_a_relative_path_as_an_absolute_one(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "claims.duckdb")
    (tmp_path / "stats.csv").write_text(KINDS["csv"][2], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli(capsys, "source", "add", "stats.csv", "--db", db)[:2] == (
        0, f"source 1 added: {tmp_path / 'stats.csv'} (for every article)\n")
    assert cli(capsys, "source", "add", str(tmp_path / "stats.csv"), "--db", db)[1].startswith(
        "source 1 already registered: ")


def test_a_sources_file_naming_a_missing_file_registers_nothing(tmp_path, capsys):
    toml = _sources_file(tmp_path)
    toml.write_text(toml.read_text(encoding="utf-8") + '[[sources]]\nlocation = "gone.html"\n', encoding="utf-8")
    db = tmp_path / "claims.duckdb"
    code, _, err = cli(capsys, "verify", "--sources-file", str(toml), "--db", str(db))
    assert code == 1
    assert err.strip().splitlines() == [f"claimtrack: {toml}: source gone.html: no such file"]
    assert not db.exists()


def test_source_remove_stops_using_a_source_and_keeps_its_evidence(pages, prefect_harness, tmp_path, capsys, monkeypatch):
    from flows.verify import verify_claims
    from warehouse.evidence import add_source

    db = str(tmp_path / "claims.duckdb")
    ingest(db, WALES)
    (tmp_path / "stats.csv").write_text(KINDS["csv"][2], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli(capsys, "source", "add", "stats.csv", "--db", db)[0] == 0
    url_id, _ = add_source(pages.url("stats.html"), db=db)
    assert verify_claims(db=db, allow_hosts=["127.0.0.1"]).verdicts == {"supported": 1}
    evidence = run_readonly_sql(db, "SELECT source_id, count(*) FROM evidence GROUP BY ALL ORDER BY 1").rows
    assert evidence == [(1, 1), (url_id, 1)]

    code, out, _ = cli(capsys, "source", "remove", str(url_id), "--db", db)
    assert (code, out) == (0, f"source {url_id} removed: {pages.url('stats.html')} (for every article); "
                              "its 1 evidence rows stay as history\n")
    listed = [json.loads(line) for line in cli(capsys, "source", "list", "--format", "json", "--db", db)[1].splitlines()]
    assert [r["source_id"] for r in listed] == [1]
    assert status_of(db, WALES_CLAIM) == "supported"  # the claim's status is not touched
    hits = pages.hits["stats.html"]
    again = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert pages.hits["stats.html"] == hits  # never fetched again
    assert again.verdicts == {"supported": 1} and again.changed == 0  # the source left says the same
    latest = run_readonly_sql(db, "SELECT DISTINCT source_id FROM evidence WHERE found_at = (SELECT max(found_at) "
                                  "FROM evidence)").rows
    assert latest == [(1,)]
    assert run_readonly_sql(db, f"SELECT count(*) FROM evidence WHERE source_id = {url_id}").rows == [(1,)]  # history

    # by location, as `source add` was given it (a relative path), and a second time: nothing left to remove
    assert cli(capsys, "source", "remove", "stats.csv", "--db", db)[:2] == (
        0, f"source 1 removed: {tmp_path / 'stats.csv'} (for every article); its 2 evidence rows stay as history\n")
    code, out, err = cli(capsys, "source", "remove", "stats.csv", "--db", db)
    assert code == 1 and out == ""
    assert err.strip().splitlines() == ["claimtrack: no source registered at stats.csv (`claimtrack source list` shows them)"]
    code, _, err = cli(capsys, "source", "remove", "99", "--db", db)
    assert code == 1 and err.strip().splitlines() == ["claimtrack: no source with id 99 (`claimtrack source list` shows them)"]
    # added again, it is a new source
    assert cli(capsys, "source", "add", "stats.csv", "--db", db)[1].startswith(f"source {url_id + 1} added: ")


def test_source_list_failed_shows_only_the_sources_whose_last_fetch_failed(pages, prefect_harness, tmp_path, capsys):
    from flows.verify import verify_claims
    from warehouse.evidence import add_source

    db = str(tmp_path / "claims.duckdb")
    ingest(db, WALES)
    good = tmp_path / "stats.csv"
    good.write_text(KINDS["csv"][2], encoding="utf-8")
    later_gone = tmp_path / "later-gone.csv"
    later_gone.write_text(KINDS["csv"][2], encoding="utf-8")
    for location in (str(good), pages.url("missing.html"), str(later_gone)):
        add_source(location, db=db)
    verify_claims(db=db, allow_hosts=["127.0.0.1"])  # later-gone.csv is read once ...
    later_gone.unlink()
    verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])  # ... then it is gone

    code, out, _ = cli(capsys, "source", "list", "--failed", "--format", "json", "--db", db)
    assert code == 0
    failed = [(r["location"], r["http_status"], r["last_error"]) for r in map(json.loads, out.splitlines())]
    assert failed == [(pages.url("missing.html"), 404, "HTTP 404 Not Found"), (str(later_gone), None, "no such file")]
    everything = cli(capsys, "source", "list", "--format", "json", "--db", db)[1].splitlines()
    assert len(everything) == 3
    table = cli(capsys, "source", "list", "--failed", "--db", db)[1]
    assert "last_error" in table.splitlines()[0] and "HTTP 404 Not Found" in table and "(2 rows)" in table


# --- an article is never a source for itself -------------------------------------------------------

NORMALISED = [
    pytest.param("HTTP://News.Example.ORG/a.html", "http://news.example.org/a.html", id="scheme-and-host-lower-case"),
    pytest.param("http://example.org:80/a", "http://example.org/a", id="default-http-port"),
    pytest.param("https://example.org:443/a", "https://example.org/a", id="default-https-port"),
    pytest.param("http://example.org:8080/a", "http://example.org:8080/a", id="other-port-kept"),
    pytest.param("https://example.org:80/a", "https://example.org:80/a", id="http-port-on-https-kept"),
    pytest.param("http://example.org/a/", "http://example.org/a", id="trailing-slash"),
    pytest.param("http://example.org", "http://example.org/", id="no-path-is-the-root"),
    pytest.param("http://example.org/", "http://example.org/", id="root-kept"),
    pytest.param("http://example.org/a#share", "http://example.org/a", id="fragment"),
    pytest.param("http://example.org/a#", "http://example.org/a", id="empty-fragment"),
    pytest.param("http://example.org/a?utm_source=tw&utm_medium=social", "http://example.org/a", id="utm-parameters"),
    pytest.param("http://example.org/a?id=7&fbclid=x1&UTM_Campaign=z&gclid=y", "http://example.org/a?id=7",
                 id="tracking-among-other-parameters"),
    pytest.param("http://example.org/a?b=2&a=1", "http://example.org/a?b=2&a=1", id="other-parameters-keep-order"),
    pytest.param("http://example.org/a?q=a%20b", "http://example.org/a?q=a%20b", id="encoding-kept"),
    pytest.param("http://example.org/News/A.html", "http://example.org/News/A.html", id="path-case-kept"),
    pytest.param("http://example.org./a", "http://example.org/a", id="host-trailing-dot"),
    pytest.param("http://[::1]:80/a", "http://[::1]/a", id="ipv6-default-port"),
    pytest.param("  http://example.org/a  ", "http://example.org/a", id="white-space"),
    pytest.param("seeds/page.html", "seeds/page.html", id="local-path-unchanged"),
    pytest.param("http://example.org:port/a", "http://example.org:port/a", id="bad-port-unchanged"),
]


@pytest.mark.parametrize("url, expected", NORMALISED)
def test_urls_are_normalised_for_comparison(url, expected):
    from claims.urls import normalise_url

    assert normalise_url(url) == expected
    assert normalise_url(expected) == expected  # a normal form stays as it is


SAME_PAGE = [
    pytest.param("https://n.example/a.html", "https://n.example/a.html?utm_source=x#comments", True, id="share-link"),
    pytest.param("https://n.example/a.html", "https://N.EXAMPLE:443/a.html/", True, id="spelled-differently"),
    pytest.param("https://n.example/a.html", "http://n.example/a.html", False, id="other-scheme"),
    pytest.param("https://n.example/a.html", "https://m.example/a.html", False, id="other-host"),
    pytest.param("https://n.example/a.html", "https://n.example/a.html?page=2", False, id="other-query"),
    pytest.param("a.html", "a.html", False, id="paths-are-not-urls"),
]


@pytest.mark.parametrize("a, b, same", SAME_PAGE)
def test_same_page(a, b, same):
    from claims.urls import same_page

    assert same_page(a, b) is same and same_page(b, a) is same


CITED = [
    pytest.param("https://n.example/a", None, ["https://n.example/a", "https://n.example/a?utm_source=tw"], [],
                 id="share-links-to-itself"),
    pytest.param("https://n.example/a", "https://www.n.example/a", ["https://www.n.example/a/"], [],
                 id="itself-after-redirect"),
    pytest.param("https://n.example/a", None,
                 ["https://s.example/t", "https://s.example/t?utm_medium=x", "https://s.example/t/"],
                 ["https://s.example/t"], id="each-page-once"),
    pytest.param("https://n.example/a", None, ["https://n.example/a?page=2", "https://s.example/t"],
                 ["https://n.example/a?page=2", "https://s.example/t"], id="other-pages-kept"),
    pytest.param("article.html", None, ["https://s.example/t"], ["https://s.example/t"], id="local-article"),
]


@pytest.mark.parametrize("source, final_url, links, expected", CITED)
def test_cited_sources_leave_out_the_article_itself(source, final_url, links, expected):
    from flows.inputs import RawArticle
    from flows.sources import cited_sources

    raw = RawArticle(source=source, text="x", links=tuple(links), final_url=final_url)
    assert list(cited_sources(raw)) == expected


def article_html(base: str) -> str:
    """A news page with share links to itself, a table it cites, and a link to a copy of itself."""
    return f"""<!doctype html><html><head><title>Wales in numbers</title></head><body><article>
<h1>Wales in numbers</h1>
<p>By Jane Doe, Cardiff correspondent</p>
<p><a href="#">Share</a> <a href="#share">Share this</a> <a href="">Top</a>
<a href="{base}/news/wales.html?utm_source=twitter&amp;utm_medium=social#comments">Comments</a>
<a href="{base}/news/wales.html/">Permalink</a></p>
<p>Wales has about 3.1 million people.</p>
<p>Cardiff has about 362,000 residents.</p>
<p>See the <a href="{base}/stats.html">census estimates</a> and <a href="/amp/news/wales.html">the light page</a>.</p>
</article></body></html>"""


def test_an_article_with_self_links_is_never_its_own_evidence(pages, prefect_harness, tmp_path):
    from flows.ingest import ingest_articles
    from flows.verify import verify_claims
    from warehouse.evidence import add_source

    db = str(tmp_path / "claims.duckdb")
    body = article_html(pages.base).encode("utf-8")
    pages.routes["news/wales.html"] = ("text/html; charset=utf-8", body)
    pages.routes["amp/news/wales.html"] = ("text/html; charset=utf-8", body)  # the same page at another address
    article_url, copy_url, stats_url = pages.url("news/wales.html"), pages.url("amp/news/wales.html"), pages.url("stats.html")

    ingested = ingest_articles([article_url], db=db, register_cited_links=True, allow_hosts=["127.0.0.1"])
    [article_id] = ingested.stored
    registered = run_readonly_sql(db, "SELECT location, article_id FROM sources ORDER BY source_id").rows
    assert registered == [(stats_url, article_id), (copy_url, article_id)]  # no "#", "#share", share or permalink

    report = verify_claims(db=db, allow_hosts=["127.0.0.1"])
    assert report.source_failures == []
    assert report.self_sources == [(copy_url, article_id)]  # read, and found to be the article's own text
    own = run_readonly_sql(db, "SELECT count(*) FROM evidence e JOIN sources s USING (source_id) "
                               f"WHERE s.location IN ('{article_url}', '{copy_url}')").rows
    assert own == [(0,)]
    assert status_of(db, WALES_CLAIM) == "supported"  # by the table it cites
    assert status_of(db, "Cardiff has about 362,000 residents.") == "not_enough_evidence"  # only the article says so
    assert run_readonly_sql(db, "SELECT DISTINCT s.location FROM evidence e JOIN sources s USING (source_id)").rows == [
        (stats_url,)]
    keys = dict(run_readonly_sql(db, "SELECT s.location, n.article_key FROM source_snapshots n "
                                     "JOIN source_fetches f USING (content_hash) JOIN sources s ON s.source_id = f.source_id"
                                     ).rows)
    assert keys[copy_url] == article_id and keys[stats_url] not in (None, article_id)  # the copy is this article

    # Registered by hand: its own URL for it (never fetched) and for every article (fetched, not used for it).
    add_source(f"{article_url}?utm_campaign=x#top", article_id=article_id, db=db)
    add_source(f"{article_url}#top", db=db)
    before = pages.hits["news/wales.html"]
    again = verify_claims(db=db, status=None, allow_hosts=["127.0.0.1"])
    assert pages.hits["news/wales.html"] == before + 1  # the global one only
    assert {location for location, _ in again.self_sources} == {
        f"{article_url}?utm_campaign=x#top", f"{article_url}#top", copy_url}
    assert run_readonly_sql(db, "SELECT DISTINCT s.location FROM evidence e JOIN sources s USING (source_id)").rows == [
        (stats_url,)]
    assert status_of(db, WALES_CLAIM) == "supported"


# --- a source refused or dead leaves the claim as it was -------------------------------------------

def untouched(db: str) -> None:
    """The claim is as ingest left it: unverified, no evidence, no event but the first, no check."""
    assert status_of(db, WALES_CLAIM) == "unverified"
    assert run_readonly_sql(db, "SELECT count(*) FROM evidence").rows == [(0,)]
    assert run_readonly_sql(db, "SELECT status FROM claim_status_events").rows == [("unverified",)]
    assert run_readonly_sql(db, "SELECT count(*) FROM claim_checks").rows == [(0,)]


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(claimtrack_cmd() + args, env=env, capture_output=True, text=True, timeout=300)


def test_a_refused_source_leaves_the_claim_unverified_and_allow_host_verifies_it(pages, tmp_path, cli_env, capsys):
    db = cli_env["CLAIMTRACK_DB"]
    ingest(db, WALES)
    url = pages.url("stats.html")
    assert cli(capsys, "source", "add", url, "--db", db)[0] == 0

    refused = run(["verify"], cli_env)  # 127.0.0.1 is not allowed: the address guard refuses it
    assert refused.returncode == 0, refused.stderr
    assert refused.stdout.splitlines()[-1] == (
        "verified 0 claims (no source could be read); 0 status changes; "
        "1 claim left as it was: none of its sources could be read (the next run tries again)")
    [line] = refused.stderr.strip().splitlines()
    assert line.startswith(f"claimtrack: source {url}: refused: ") and "--allow-host 127.0.0.1" in line
    untouched(db)
    [(error,)] = run_readonly_sql(db, "SELECT error FROM source_fetches").rows  # the failure is recorded
    assert error in line
    assert "refused: " in cli(capsys, "source", "list", "--failed", "--db", db)[1]

    allowed = run(["verify", "--allow-host", "127.0.0.1"], cli_env)  # no --status any needed
    assert allowed.returncode == 0, allowed.stderr
    assert allowed.stdout.splitlines()[-1] == "verified 1 claims (1 supported); 1 status changes"
    assert status_of(db, WALES_CLAIM) == "supported"
    assert cli(capsys, "source", "list", "--failed", "--db", db)[1].endswith("(0 rows)\n")


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed when the block ends: connecting is refused


DEAD = [
    pytest.param(lambda pages, silent: pages.url("gone.html"), "HTTP 404 Not Found", id="not-found"),
    pytest.param(lambda pages, silent: f"http://127.0.0.1:{closed_port()}/stats.html", "ConnectError",
                 id="connection-refused"),
    pytest.param(lambda pages, silent: f"http://127.0.0.1:{silent}/stats.html", "no complete answer within 1.5 s",
                 id="timeout"),
    pytest.param(lambda pages, silent: "/no/such/stats.csv", "no such file", id="file-gone"),
]


@pytest.mark.parametrize("where, error", DEAD)
def test_a_dead_source_records_a_failed_fetch_not_a_verdict(where, error, pages, silent_port, prefect_harness,
                                                            tmp_path, monkeypatch):
    import flows.fetch
    from flows.verify import verify_claims
    from warehouse.evidence import add_source

    monkeypatch.setattr(flows.fetch, "DEADLINE", 1.5)  # instead of 60 s for a whole fetch
    db = str(tmp_path / "claims.duckdb")
    ingest(db, WALES)
    location = where(pages, silent_port)
    add_source(location, db=db)
    report = verify_claims(db=db, allow_hosts=["127.0.0.1"])
    assert (report.checked, report.changed, report.verdicts, report.rows) == (0, 0, {}, [])
    assert list(report.unreached.values()) == [WALES_CLAIM]
    [(failed_location, failure)] = report.source_failures
    assert failed_location == location and error in failure
    untouched(db)
    [(fetch_error, content_hash)] = run_readonly_sql(db, "SELECT error, content_hash FROM source_fetches").rows
    assert error in fetch_error and content_hash is None

    # The same claim with a second source that is read: verified as before, the dead one changes nothing.
    add_source(str(_csv(tmp_path)), db=db)
    again = verify_claims(db=db, allow_hosts=["127.0.0.1"])  # still unverified, so selected by default
    assert again.verdicts == {"supported": 1} and again.unreached == {}
    assert status_of(db, WALES_CLAIM) == "supported"


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / KINDS["csv"][0]
    path.write_text(KINDS["csv"][2], encoding="utf-8")
    return path


def test_a_claim_without_any_source_is_still_not_enough_evidence(prefect_harness, tmp_path):
    from flows.verify import verify_claims

    db = str(tmp_path / "claims.duckdb")
    ingest(db, WALES)
    report = verify_claims(db=db)  # nothing failed: nothing was there to read
    assert report.verdicts == {"not_enough_evidence": 1} and report.unreached == {}


def test_verify_claim_store_with_only_dead_sources_stores_the_claim_unchecked(tmp_path, cli_env):
    result = run(["verify-claim", "Wales has about 3.1 million people", "--source", str(tmp_path / "gone.csv"),
                  "--store"], cli_env)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "not checked: none of its sources could be read; its status is unchanged",
        "stored as claim 1; `claimtrack verify` tries it again"]
    assert result.stderr.strip().splitlines() == [f"claimtrack: source {tmp_path / 'gone.csv'}: no such file"]
    assert status_of(cli_env["CLAIMTRACK_DB"], "Wales has about 3.1 million people") == "unverified"
