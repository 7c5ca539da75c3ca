"""Hardening (issue 14): who may act as the machine, readers that cannot hold writers forever, and a
database made by the first release that can still be written. Real DuckDB files, real processes."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from claims.extract import build_article
from flows.cli import main
from warehouse import WarehouseError, connect, run_readonly_sql
from warehouse.migrations import MIGRATIONS
from warehouse.status import StatusChange, claim_history, record_status, reviewer_name
from warehouse.store import store_articles

ROOT = Path(__file__).resolve().parents[1]
FIRST_RELEASE_SCHEMA = Path(__file__).parent / "fixtures" / "schema-release-1.sql"


def _one_claim_db(db: str) -> int:
    store_articles([build_article("date 2021-10-18\nNATO expelled eight members of the Russian mission.", "a.txt")], db)
    return run_readonly_sql(db, "SELECT min(claim_id) FROM claims").rows[0][0]


# --- actors -----------------------------------------------------------------------------------------

RESERVED = [
    pytest.param("pipeline", id="plain"),
    pytest.param(" pipeline ", id="padded"),
    pytest.param("PIPELINE", id="capitals"),
    pytest.param("Pipe\u200bline", id="zero-width-space"),
    pytest.param("pipe-line", id="hyphen"),
    pytest.param("ｐｉｐｅｌｉｎｅ", id="full-width"),
    pytest.param("machine", id="another-reserved-name"),
]


@pytest.mark.parametrize("name", RESERVED)
def test_a_reviewer_cannot_record_as_the_machine(name, db, capsys):
    claim_id = _one_claim_db(db)
    assert main(["review", str(claim_id), "--verdict", "supported", "--reviewer", name, "--db", db]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "reserved for the machine" in err[0]
    assert [e["actor"] for e in claim_history(claim_id, db)] == ["pipeline"]  # only the ingest event


@pytest.mark.parametrize("name", RESERVED)
def test_a_human_status_change_refuses_reserved_names(name, db):
    claim_id = _one_claim_db(db)
    with pytest.raises(WarehouseError, match="reserved"):
        record_status([StatusChange(claim_id, "supported", actor=name, human=True)], db)


def test_a_reviewers_name_is_recorded_as_a_person(db):
    claim_id = _one_claim_db(db)
    assert main(["review", str(claim_id), "--verdict", "refuted", "--reviewer", "  Ana   Reviewer ", "--db", db]) == 0
    events = claim_history(claim_id, db)
    assert events[-1]["actor"] == "Ana Reviewer"
    assert run_readonly_sql(db, f"SELECT reviewed FROM claims_current WHERE claim_id = {claim_id}").rows == [(True,)]
    assert reviewer_name("Ana") == "Ana"


def test_only_the_pipeline_records_machine_verdicts(db):
    claim_id = _one_claim_db(db)
    with pytest.raises(WarehouseError, match="only the pipeline"):
        record_status([StatusChange(claim_id, "supported", actor="Ana", human=False)], db)


# --- readers and writers ----------------------------------------------------------------------------

LONG_QUERY = "SELECT count(*) FROM range(100000000000) a"


def test_a_long_query_is_stopped_and_the_writer_waiting_for_it_goes_on(db):
    _one_claim_db(db)
    reader = subprocess.Popen([sys.executable, "-m", "flows.cli", "sql", LONG_QUERY, "--timeout", "2", "--db", db],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.0)  # the reader holds the file now
        started = time.monotonic()
        with connect(db, wait=20) as con:  # a writer: waits for the reader, which is stopped at 2 s
            con.execute("SELECT 1")
        waited = time.monotonic() - started
        out, err = reader.communicate(timeout=30)
    finally:
        reader.kill()
    assert reader.returncode == 1
    assert err.strip().splitlines() == [
        "claimtrack: the query was stopped after 2 s, so that writers are not kept waiting "
        "(--timeout SECONDS to allow longer)"]
    assert waited < 10


def test_a_query_within_its_timeout_answers(db, capsys):
    _one_claim_db(db)
    assert main(["sql", "SELECT count(*) AS n FROM claims", "--format", "csv", "--timeout", "5", "--db", db]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "1"]


# --- the temporary Prefect server dies with the command ------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_a_running_flow_run(server: int, timeout: float = 120) -> None:
    """Until the temporary server (its pid) answers and holds a RUNNING flow run."""
    import httpx

    args = (Path("/proc") / str(server) / "cmdline").read_bytes().split(b"\0")
    port = int(args[args.index(b"--port") + 1])
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            count = httpx.post(f"http://127.0.0.1:{port}/api/flow_runs/count", timeout=5,
                               json={"flow_runs": {"state": {"type": {"any_": ["RUNNING"]}}}})
            if count.status_code == 200 and int(count.text) > 0:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("no flow run reached RUNNING")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent-death signal is Linux's")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_killing_the_command_stops_its_temporary_server(signal_name, tmp_path):
    import os
    import signal

    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": "",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL")
    big = tmp_path / "articles"
    big.mkdir()
    for i in range(200):  # enough work that the command is still running when it is killed
        (big / f"a{i}.txt").write_text(f"Officials said {i + 10} staff left in 2021. " * 20, encoding="utf-8")
    command = subprocess.Popen([sys.executable, "-m", "flows.cli", "ingest", *map(str, sorted(big.iterdir())),
                                "--batch-size", "1", "--db", str(tmp_path / "c.duckdb")], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server is None and command.poll() is None:
        server = next((c for c in _children(command.pid)
                       if b"uvicorn" in (Path("/proc") / str(c) / "cmdline").read_bytes()), None)
        time.sleep(0.2)
    assert server is not None, "the command started no temporary server"
    _wait_for_a_running_flow_run(server)
    command.send_signal(getattr(signal, signal_name))
    command.wait(timeout=60)
    gone = time.monotonic() + 15
    while time.monotonic() < gone and _alive(server):
        time.sleep(0.2)
    alive = _alive(server)
    if alive:
        os.kill(server, signal.SIGKILL)
    assert not alive, "the temporary server outlived the command"
    if signal_name != "SIGKILL":
        return
    # The killed command's flow run is left RUNNING; the next command marks it Crashed.
    later = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(big / "a0.txt"),
                            "--db", str(tmp_path / "c.duckdb")], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=300)
    assert later.returncode == 0, later.stderr
    states = subprocess.run([sys.executable, "-c", READ_RUN_STATES], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert states.returncode == 0, states.stderr
    runs = sorted(line.split("\t") for line in states.stdout.splitlines())
    assert [state for _, state, _ in runs] == ["CRASHED", "COMPLETED"], runs  # by start time
    assert [message for _, state, message in runs if state == "CRASHED"] == [
        f"the claimtrack command (pid {command.pid}) was killed"]


# The flow runs of the temporary server's database, as "start time, state, message" lines.
READ_RUN_STATES = """
from prefect.client.orchestration import get_client
with get_client(sync_client=True) as client:
    for run in client.read_flow_runs():
        flow = client.read_flow(run.flow_id).name
        if flow == "ingest-articles":
            print(f"{run.start_time}\t{run.state.type.value}\t{run.state.message or ''}")
"""


# --- a database made by the first release -------------------------------------------------------------

def _first_release_db(path: str) -> None:
    """A file as the first release left it: its schema (tests/fixtures/schema-release-1.sql, taken from
    that release's warehouse/schema.sql), migration 1 recorded, one article with a claim and its event."""
    con = duckdb.connect(path)
    try:
        con.execute(FIRST_RELEASE_SCHEMA.read_text(encoding="utf-8"))
        con.execute("INSERT INTO schema_migrations VALUES (1, 'm001_initial', now())")
        con.execute("INSERT INTO articles VALUES ('a1b2c3d4e5f60718', 'old.txt', 'Old', '2021-10', "
                    "'Russia expelled 60 American diplomats.', now())")
        con.execute("INSERT INTO claims VALUES (1, 'a1b2c3d4e5f60718', 0, 0, 'Russia expelled 60 American diplomats.', "
                    "0, 38, 0.97, NULL, 'russia|60')")
        con.execute("INSERT INTO quantities VALUES (1, 0, '60 American diplomats', 15, 36, 60, 'count', 'diplomats', "
                    "'=', NULL, NULL)")
        con.execute("INSERT INTO claim_status_events VALUES (1, 1, 'unverified', NULL, 'pipeline', [], 'ingested', now())")
    finally:
        con.close()


def test_a_first_release_database_is_migrated_and_written(tmp_path):
    db = str(tmp_path / "release-1.duckdb")
    _first_release_db(db)
    stored = store_articles([build_article("date 2021-11-01\nNATO cut the Russian mission to 10 positions.", "new.txt")], db)
    assert stored.stored  # ingest writes
    record_status([StatusChange(1, "supported", actor="Ana", note="checked", human=True)], db)  # review writes
    assert [e["status"] for e in claim_history(1, db)] == ["unverified", "supported"]  # history reads
    assert run_readonly_sql(db, "SELECT claim_id, canonical_id FROM claim_links WHERE claim_id = 1").rows == [(1, 1)]
    versions = run_readonly_sql(db, "SELECT version FROM schema_migrations ORDER BY version").rows
    assert [v for (v,) in versions] == list(range(1, len(MIGRATIONS) + 1))
    assert run_readonly_sql(db, "SELECT status, reviewed FROM claims_current WHERE claim_id = 1").rows == [("supported", True)]


def test_a_first_release_database_is_verified(tmp_path, prefect_harness, monkeypatch):
    from flows.verify import verify_claims
    from warehouse.evidence import add_source

    db = str(tmp_path / "release-1.duckdb")
    _first_release_db(db)
    page = tmp_path / "retaliation.html"
    page.write_text("<html><body><p>On 29 March 2018 Russia expelled 60 American diplomats.</p></body></html>",
                    encoding="utf-8")
    add_source(str(page), db=db)
    report = verify_claims(db=db, status=None)
    assert report.results[1].verdict.status == "supported"
    assert run_readonly_sql(db, "SELECT count(*) FROM evidence WHERE claim_id = 1 AND stance = 'supports'").rows == [(1,)]


# schema.sql is migration 1 as it shipped: it changes only through new migrations from now on.
SCHEMA_SHA256 = "858e537cf7d598d63c4b36be163bb7dacfab980b3e67ac763bf7af998e64aaef"


def test_schema_sql_changes_only_through_migrations():
    digest = hashlib.sha256((ROOT / "warehouse" / "schema.sql").read_bytes()).hexdigest()
    assert digest == SCHEMA_SHA256, ("warehouse/schema.sql changed: add a migration to warehouse/migrations.py "
                                     "instead (a file made by an earlier release runs only the new migrations)")


# --- smaller items ---------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, same", [
    pytest.param("10² people were evacuated.", "102 people were evacuated.", False, id="superscript-is-not-a-digit"),
    pytest.param("The caf\u00e9 closed.", "The cafe\u0301 closed.", True, id="composed-and-decomposed-e"),
    pytest.param("Two  spaces.\n", "Two spaces.", True, id="white-space-folded"),
])
def test_article_ids_come_from_the_text_as_read(a, b, same):
    from claims.extract import article_id

    assert (article_id(a) == article_id(b)) is same


def test_feeds_with_nothing_new_on_a_fresh_database_complete(tmp_path, prefect_harness):
    from flows.serve import ingest_feeds

    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# nothing listed yet\n", encoding="utf-8")
    report = ingest_feeds.with_options(retries=0)(config=str(feeds), db=str(tmp_path / "fresh.duckdb"))
    assert (report.entries, report.items, report.new, report.failures) == (0, 0, [], [])


# --- private addresses: refused by ingest, extract and feeds unless the host is allowed -----------

ARTICLE_HTML = ("<html><head><title>NATO brief</title></head><body><article><p>NATO said on Monday that "
                "20 out of 30 positions were filled by March 2024, up from 12 a year earlier.</p>"
                "</article></body></html>")


@pytest.fixture
def news_server():
    """An article and an RSS feed listing it, served on 127.0.0.1."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            pages = {"/article.html": ("text/html; charset=utf-8", ARTICLE_HTML),
                     "/feed.xml": ("application/rss+xml", f"<rss><channel><item><link>{base}/article.html</link>"
                                                          "</item></channel></rss>")}
            if self.path not in pages:
                self.send_error(404)
                return
            kind, body = pages[self.path]
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_extract_refuses_a_loopback_url_unless_its_host_is_allowed(news_server, capsys):
    assert main(["extract", f"{news_server}/article.html"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("refused: 127.0.0.1 is a private address (allow it with --allow-host 127.0.0.1)"), err
    assert main(["extract", f"{news_server}/article.html", "--allow-host", "127.0.0.1", "--json"]) == 0
    assert "20 out of 30" in capsys.readouterr().out


def test_ingest_stores_a_loopback_article_only_when_allowed(news_server, db, prefect_harness):
    from flows.ingest import ingest_articles

    refused = ingest_articles([f"{news_server}/article.html"], db=db)
    assert refused.stored == [] and "private address" in refused.failures[0][1]
    allowed = ingest_articles([f"{news_server}/article.html"], db=db, allow_hosts=["127.0.0.1"])
    assert len(allowed.stored) == 1 and allowed.failures == []


def test_feeds_on_a_private_address_are_read_only_when_allowed(news_server, tmp_path, prefect_harness, monkeypatch):
    from flows.serve import ALLOW_HOSTS_ENV, ingest_feeds

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{news_server}/feed.xml\n", encoding="utf-8")
    db = str(tmp_path / "feeds.duckdb")
    with pytest.raises(RuntimeError, match="private address"):  # every entry failed: the run fails
        ingest_feeds.with_options(retries=0)(config=str(feeds), db=db)
    monkeypatch.setenv(ALLOW_HOSTS_ENV, "127.0.0.1")  # what `claimtrack serve --allow-host 127.0.0.1` sets
    report = ingest_feeds.with_options(retries=0)(config=str(feeds), db=db)
    assert report.new == [f"{news_server}/article.html"] and report.failures == []


# --- local files: a flow run started from the UI reads only under the folders serve was given ------

@pytest.fixture
def roots(tmp_path, monkeypatch):
    """CLAIMTRACK_LOCAL_ROOTS set to one folder, with a readable file outside it and a link to that file inside."""
    from flows.localfiles import ROOTS_ENV

    inside, outside = tmp_path / "allowed", tmp_path / "private"
    inside.mkdir()
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("NATO holds 20 out of 30 posts. The key is hunter2.\n", encoding="utf-8")
    (inside / "link.txt").symlink_to(secret)
    (inside / "article.txt").write_text("NATO expelled eight members of Russia's mission in 2021.\n", encoding="utf-8")
    monkeypatch.setenv(ROOTS_ENV, str(inside))
    return inside, secret


def _refusals(path: Path) -> dict[str, str]:
    """What each reader of local files says about ``path`` (an error line, or 'read')."""
    from flows.fetch import read_local
    from flows.inputs import InputError, read_input
    from flows.serve import FeedError, read_feed_config
    from flows.verify import read_sources_file

    out = {"source": read_local(str(path)).error or "read"}
    for name, call, error in [("article", lambda: read_input(str(path)), InputError),
                              ("feeds config", lambda: read_feed_config(path), FeedError),
                              ("sources file", lambda: read_sources_file(str(path)), WarehouseError)]:
        try:
            call()
            out[name] = "read"
        except error as exc:
            out[name] = str(exc)
    return out


@pytest.mark.parametrize("which", ["outside", "link-inside-to-outside"])
def test_local_files_outside_the_roots_are_refused_by_every_reader(roots, which):
    inside, secret = roots
    path = secret if which == "outside" else inside / "link.txt"
    for reader, outcome in _refusals(path).items():
        assert "outside the folders local files may be read from" in outcome, (reader, outcome)


def test_local_files_inside_the_roots_are_read(roots):
    from flows.fetch import read_local
    from flows.inputs import read_input

    inside, _ = roots
    assert read_local(str(inside / "article.txt")).ok
    assert "eight members" in read_input(str(inside / "article.txt")).text


def test_a_flow_refuses_a_database_outside_the_roots(roots, tmp_path, prefect_harness):
    from flows.ingest import ingest_articles
    from flows.localfiles import LocalFileRefused

    inside, _ = roots
    with pytest.raises(LocalFileRefused, match="database .*outside the folders"):
        ingest_articles([str(inside / "article.txt")], db=str(tmp_path / "private" / "x.duckdb"))
    assert not (tmp_path / "private" / "x.duckdb").exists()


def test_the_allowed_hosts_of_scheduled_runs_are_no_parameter_a_ui_user_could_set():
    from flows.ingest import ingest_manifest
    from flows.serve import build_deployments, ingest_feeds, recheck_stale, verify_pending

    for flow_ in (ingest_feeds, verify_pending, recheck_stale, ingest_manifest):  # the last: a pool's manifests
        assert "allow" not in " ".join(flow_.parameters.properties), flow_.name
    for deployment in build_deployments(str(ROOT / "data" / "x.duckdb"), str(ROOT / "config" / "feeds.txt")):
        assert not any("allow" in name for name in deployment.parameters), deployment.name


def test_serve_lets_its_runs_read_the_folders_of_its_files_and_what_they_list():
    import os

    from flows.serve import serve_roots

    roots = serve_roots(str(ROOT / "data" / "claims.duckdb"), str(ROOT / "config" / "feeds.txt"),
                        str(ROOT / "config" / "sources.toml")).split(os.pathsep)
    assert roots == [str(ROOT / "data"), str(ROOT / "config"), str(ROOT / "seeds"), str(ROOT / "seeds" / "sources")]


# --- every exception in main() is one line ----------------------------------------------------------

def _raise(exc: BaseException):
    def command(args):
        raise exc
    return command


@pytest.mark.parametrize("exc, line", [
    pytest.param(RuntimeError("boom\n  second line"), "claimtrack: RuntimeError: boom", id="bug"),
    pytest.param(KeyError(), "claimtrack: KeyError", id="no-message"),
    pytest.param("prefect-object-not-found", "claimtrack: ObjectNotFound: flow run gone", id="prefect-error"),
])
def test_an_unexpected_error_is_one_line_and_a_failure(exc, line, db, capsys, monkeypatch):
    from flows import cli

    if exc == "prefect-object-not-found":  # what a concurrent first run once raised from Prefect
        from prefect.exceptions import ObjectNotFound

        exc = ObjectNotFound(None, help_message="flow run gone")
        exc.args = ("flow run gone",)
    monkeypatch.setattr(cli, "cmd_claims", _raise(exc))  # the parser is built in main(), after this
    assert cli.main(["claims", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.strip() == line and "Traceback" not in err


def test_commands_run_their_flows_without_heartbeats():
    # Prefect 3.9 joins a heartbeat thread that sleeps in 1 s steps at the end of every flow run: commands turn
    # heartbeats off (flows.lifetime.skip_flow_heartbeats); crash_orphaned_runs covers what they were for.
    code = ("from prefect.settings import get_current_settings as s; before = s().flows.heartbeat_frequency; "
            "from flows.lifetime import skip_flow_heartbeats; skip_flow_heartbeats(); skip_flow_heartbeats(); "
            "print(before, s().flows.heartbeat_frequency)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["180", "None"]


def test_deployments_and_serve_roots_take_a_ducklake_url_as_it_is():
    # issue 16: a DuckLake warehouse is no local file: deployments pass it through, and it adds no folder
    import os

    from flows.serve import build_deployments, serve_roots

    lake = "ducklake:postgres:dbname=ct host=127.0.0.1 port=5433 user=ct"
    for deployment in build_deployments(lake, str(ROOT / "config" / "feeds.txt")):
        assert deployment.parameters["db"] == lake, deployment.name
    roots = serve_roots(lake, str(ROOT / "config" / "feeds.txt"), None).split(os.pathsep)
    assert roots == [str(ROOT / "config"), str(ROOT / "seeds")]


LISTING_CASES = [
    pytest.param("feeds config", "one URL, feed or path per line", id="feeds-config"),
    pytest.param("input list", "one file or URL per line", id="input-list"),
]


@pytest.mark.parametrize("kind, hint", LISTING_CASES)
def test_a_listing_file_reads_one_entry_a_line_and_fails_in_one_line(tmp_path, kind, hint):
    # one reader for feeds configs (flows.serve) and ingest-many's input lists (flows.manifests)
    from flows.manifests import ManifestError, read_input_list
    from flows.serve import FeedError, read_feed_config

    read, error = (read_feed_config, FeedError) if kind == "feeds config" else (read_input_list, ManifestError)
    listing = tmp_path / "list.txt"
    listing.write_text("# a comment\nhttps://example.org/a#part  # why\n\nsub/article.txt\n/abs/b.txt\n", encoding="utf-8")
    assert read(str(listing)) == ["https://example.org/a#part", str(tmp_path / "sub" / "article.txt"), "/abs/b.txt"]
    with pytest.raises(error, match=rf"missing.txt: no such {kind} \({hint}\)$"):
        read(str(tmp_path / "missing.txt"))
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(error, match=rf"bad.txt: cannot read the {kind}: "):
        read(str(tmp_path / "bad.txt"))
