"""The morning digest: its content on a real DuckDB file, its escaping, and its webhook against a real HTTP
server on 127.0.0.1 — from the command line (no Prefect API: nothing but the warehouse) and from the flow
(under the Prefect test harness: the `daily-digest` artifact, the post-digest task)."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims.extract import build_article
from flows.digest_render import ZWSP, build_digest, digest_window, slack_text
from tests.conftest import SEED, claimtrack_cmd
from warehouse import run_readonly_sql
from warehouse.db import utcnow
from warehouse.digest import digest_data
from warehouse.status import StatusChange, record_status
from warehouse.store import store_articles

SECOND = "Russia expelled 60 American diplomats in 2018, officials said. " \
         "NATO cut the Russian mission to 20 out of 30 positions in 2018."
REPEAT = "In a separate report, Russia expelled 60 American diplomats in 2018, officials said. " \
         "Germany had 84 million residents in 2023."
HOSTILE_TITLE = "<img src=x onerror=alert(1)> **Breaking** [click](https://evil.example/t)"
HOSTILE_TEXT = "Officials said 60 diplomats <img src=x onerror=alert(1)> were expelled in 2018, " \
               "see [click](https://evil.example/x) and **bold**."
HOSTILE_SOURCE = 'https://news.example/story?id=1&x=(y)|z"<b>'


def store(db: str, text: str, source: str, title: str, published: str | None = None) -> str:
    article = build_article(text, source, title=title, published=published)
    store_articles([article], db)
    return article.id


def claim_ids(db: str, article_id: str) -> list[int]:
    return [r[0] for r in run_readonly_sql(
        db, f"SELECT claim_id FROM claims WHERE article_id = '{article_id}' ORDER BY ordinal").rows]


# --- what the digest shows -----------------------------------------------------------------------

@pytest.fixture
def three_articles(db):
    """The seed, then (after `t1`) a second article, then one repeating a claim of the second."""
    t0 = utcnow()
    seed = store(db, SEED.read_text(encoding="utf-8"), "https://news.example/seed", "Seed", "2021-10")
    t1 = utcnow()
    second = store(db, SECOND, "https://news.example/second", "Second")
    repeat = store(db, REPEAT, "https://news.example/repeat", "Repeat")
    return {"db": db, "t0": t0, "t1": t1, "seed": seed, "second": second, "repeat": repeat}


# window start -> top -> the articles the listed claims come from, and how many new canonical claims in all
NEW_CLAIMS = [
    pytest.param("t0", 10, {"seed", "second", "repeat"}, None, id="every-new-article"),
    pytest.param("t1", 10, {"second", "repeat"}, 3, id="only-articles-stored-in-the-window"),
    pytest.param("t1", 2, {"second", "repeat"}, 3, id="top-n-of-them"),
    pytest.param("later", 10, set(), 0, id="nothing-stored-in-the-window"),
]


@pytest.mark.parametrize("start, top, articles, total", NEW_CLAIMS)
def test_new_claims_are_the_most_check_worthy_of_the_window(three_articles, start, top, articles, total):
    db = three_articles["db"]
    since = utcnow() if start == "later" else three_articles[start]
    data = digest_data(db, since=since, until=utcnow(), top=top)
    rows = [dict(zip(data.top_claims.columns, r)) for r in data.top_claims.rows]
    worthiness = [r["checkworthiness"] for r in rows]
    assert worthiness == sorted(worthiness, reverse=True)
    assert len(rows) == min(top, data.top_total)
    assert {k for k in articles if three_articles[k] in {r["article_id"] for r in rows}} == articles
    if total is not None:
        assert data.top_total == total
    # The most check-worthy of all the window's claims come first: nothing left out ranks higher.
    if rows:
        ids = ", ".join(f"'{three_articles[k]}'" for k in articles)
        best = run_readonly_sql(db, f"SELECT max(checkworthiness) FROM claims WHERE article_id IN ({ids})").rows[0][0]
        assert worthiness[0] == best


def test_a_claim_repeated_in_new_articles_is_listed_once(three_articles):
    db = three_articles["db"]
    data = digest_data(db, since=three_articles["t1"], until=utcnow(), top=10)
    rows = [dict(zip(data.top_claims.columns, r)) for r in data.top_claims.rows]
    expelled = [r for r in rows if "60 American diplomats" in r["text"]]
    assert len(expelled) == 1 and expelled[0]["appearances"] == 2
    assert expelled[0]["article_id"] == three_articles["repeat"]  # its most check-worthy appearance
    assert data.new_claims == 4 and data.new_articles == 2  # the counts still count every appearance
    markdown = build_digest(db, since=three_articles["t1"]).markdown
    assert "\\(in 2 new articles\\)" in markdown


# Each case: status changes made before the window (`before`) and in it (`during`), as
# (claim index, status, actor); then the verdict changes and reviews the digest must list, newest first,
# as (claim index, was, now, by) and (claim index, decision, was, reviewer).
EVENTS = [
    pytest.param([], [(0, "supported", "pipeline")],
                 [(0, "unverified", "supported", "pipeline")], [], id="machine-verdict"),
    pytest.param([], [(0, "supported", "pipeline"), (0, "refuted", "Ada")],
                 [(0, "supported", "refuted", "Ada"), (0, "unverified", "supported", "pipeline")],
                 [(0, "refuted", "supported", "Ada")], id="reviewer-overrules-the-machine"),
    pytest.param([], [(0, "supported", "pipeline"), (0, "supported", "Ada")],
                 [(0, "unverified", "supported", "pipeline")],
                 [(0, "supported", "supported", "Ada")], id="reviewer-confirms-no-change"),
    pytest.param([(0, "supported", "pipeline")], [(0, "refuted", "Ada")],
                 [(0, "supported", "refuted", "Ada")],
                 [(0, "refuted", "supported", "Ada")], id="the-status-before-the-window-counts"),
    pytest.param([(0, "refuted", "Grace")], [(0, "supported", "pipeline")],
                 [(0, "refuted", "refuted (the reviewer's verdict stands; the pipeline now says supported: "
                               "needs re-review)", "pipeline")], [], id="machine-disagrees-with-a-reviewer"),
    pytest.param([], [(0, "not_enough_evidence", "pipeline"), (1, "conflicting", "pipeline"), (1, "refuted", "Ada")],
                 [(1, "conflicting", "refuted", "Ada"), (1, "unverified", "conflicting", "pipeline"),
                  (0, "unverified", "not_enough_evidence", "pipeline")],
                 [(1, "refuted", "conflicting", "Ada")], id="two-claims"),
    pytest.param([(0, "supported", "pipeline")], [],
                 [], [], id="nothing-in-the-window"),
]


def apply(db: str, ids: list[int], changes) -> None:
    for index, status, actor in changes:
        human = actor != "pipeline"
        record_status([StatusChange(ids[index], status, confidence=None if human else 0.8, actor=actor,
                                    human=human, note="checked" if human else None)], db)


@pytest.mark.parametrize("before, during, changes, reviews", EVENTS)
def test_verdict_changes_and_reviews(db, before, during, changes, reviews):
    article = store(db, SEED.read_text(encoding="utf-8"), "https://news.example/seed", "Seed")
    ids = claim_ids(db, article)
    apply(db, ids, before)
    since = utcnow()
    apply(db, ids, during)
    data = digest_data(db, since=since, until=utcnow())
    index = {claim: i for i, claim in enumerate(ids)}
    got_changes = []
    for r in (dict(zip(data.changes.columns, row)) for row in data.changes.rows):
        now = r["new_status"] if not r["disagrees"] else (
            f"{r['new_status']} (the reviewer's verdict stands; the pipeline now says {r['event_status']}: "
            "needs re-review)")
        got_changes.append((index[r["claim_id"]], r["old_status"], now, r["actor"]))
    got_reviews = [(index[r["claim_id"]], r["event_status"], r["old_status"], r["actor"])
                   for r in (dict(zip(data.reviews.columns, row)) for row in data.reviews.rows)]
    assert got_changes == changes
    assert got_reviews == reviews
    assert (data.changes_total, data.reviews_total) == (len(changes), len(reviews))
    markdown = build_digest(db, since=since).markdown
    for _, was, now, by in changes:
        assert f"| {was.replace('_', chr(92) + '_')} |" in markdown
    if reviews:
        assert "| checked |" in markdown  # the reviewer's note


def test_an_empty_window_is_empty(db):
    store(db, SECOND, "https://news.example/second", "Second")
    data = digest_data(db, since=utcnow(), until=utcnow())
    assert data.empty and (data.new_claims, data.top_total, data.changes_total, data.reviews_total) == (0, 0, 0, 0)


def test_an_empty_day_says_so(db):
    store(db, SECOND, "https://news.example/second", "Second")
    digest = build_digest(db, since=utcnow())
    assert "Nothing new in this window: no new claims, no verdict changes, no reviews." in digest.markdown
    assert "## Most check-worthy new claims" not in digest.markdown
    assert (digest.new_claims, digest.changes, digest.reviews) == (0, 0, 0)
    texts = [b["text"]["text"] for b in digest.payload["blocks"] if b["type"] == "section"]
    assert any(t.startswith("Nothing new in this window") for t in texts)


WINDOWS = [
    pytest.param(datetime(2025, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=2))), None,
                 datetime(2025, 5, 1, 7, 0), "since the time asked for", id="given-with-offset-is-utc"),
    pytest.param(None, datetime(2025, 5, 1, 7, 0, 3), datetime(2025, 5, 1, 7, 0, 3), "since the previous digest",
                 id="since-the-previous-digest"),
    pytest.param(None, None, datetime(2025, 5, 1, 8, 0), "the last 24 hours", id="else-24-hours"),
]


@pytest.mark.parametrize("since, previous, start, basis", WINDOWS)
def test_the_window_starts_where_it_should(since, previous, start, basis):
    assert digest_window(since, previous, datetime(2025, 5, 2, 8, 0)) == (start, basis)


def test_hostile_article_text_is_shown_as_text(db):
    markdown_it = pytest.importorskip("markdown_it")  # comes with Prefect (rich)
    store(db, HOSTILE_TEXT, HOSTILE_SOURCE, HOSTILE_TITLE)
    digest = build_digest(db, since=utcnow() - timedelta(hours=1))
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(digest.markdown)
    assert "<img" not in html and "<b>" not in html and "<strong>Breaking" not in html and "<strong>bold" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown, as written
    links = [part.split('"', 1)[0] for part in html.split('<a href="')[1:]]
    assert links == ["https://news.example/story?id=1&amp;x=%28y%29%7Cz%22%3Cb%3E"]  # the article, nothing else
    assert "evil.example" not in "".join(links)
    assert html.count("<table>") == 1 and "<td>" in html  # the pipe in the URL did not split a cell
    # The Slack message: no mention, link or markup from the article's text.
    message = json.dumps(digest.payload, ensure_ascii=False)
    assert "<img" not in message and "<https://evil" not in message
    assert "&lt;img src=x onerror=alert(1)&gt;" in message
    assert "<https://news.example/story?id=1&x=%28y%29%7Cz%22%3Cb%3E|" in message
    assert f"*{ZWSP}*{ZWSP}bold*{ZWSP}*{ZWSP}" in message


SLACK_TEXT = [
    pytest.param("<!channel> & <@U123>", "&lt;!channel&gt; &amp; &lt;@U123&gt;", id="mentions"),
    pytest.param("*bold* _it_ ~s~ `code`", f"*{ZWSP}bold*{ZWSP} _{ZWSP}it_{ZWSP} ~{ZWSP}s~{ZWSP} `{ZWSP}code`{ZWSP}",
                 id="formatting"),
    pytest.param("see https://evil.example or www.evil.example", f"see https:{ZWSP}//evil.example or www{ZWSP}.evil.example",
                 id="bare-urls"),
]


@pytest.mark.parametrize("text, shown", SLACK_TEXT)
def test_slack_text_is_escaped(text, shown):
    assert slack_text(text) == shown


def test_the_cli_prints_the_digest_without_starting_prefect(cli_env, tmp_path):
    store(cli_env["CLAIMTRACK_DB"], SECOND, "https://news.example/second", "Second")
    home = tmp_path / "no-prefect-here"
    env = {k: v for k, v in cli_env.items() if not k.startswith("PREFECT_")} | {"PREFECT_HOME": str(home)}
    result = subprocess.run(claimtrack_cmd() + ["digest", "--since", "2000-01-01"], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Morning digest") and "(since the time asked for)" in result.stdout
    assert "NATO cut the Russian mission to 20 out of 30 positions in 2018\\." in result.stdout
    assert result.stderr == "" and not (home.exists() and any(home.iterdir()))  # no temporary API server

    bad = subprocess.run(claimtrack_cmd() + ["digest", "--since", "yesterday"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 2 and "not an ISO date or time: 'yesterday'" in bad.stderr


# --- the webhook, against a real HTTP server on 127.0.0.1 ---------------------------------------

@dataclass
class Hook:
    url: str
    posts: list = field(default_factory=list)  # (path, content type, parsed JSON body)
    answers: list = field(default_factory=list)  # HTTP statuses to answer, in order (then 200)


@pytest.fixture
def hook() -> Iterator[Hook]:
    state = Hook(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            state.posts.append((self.path, self.headers.get("Content-Type"), json.loads(body)))
            status = state.answers.pop(0) if state.answers else 200
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"ok" if status == 200 else b"no")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/services/T000/B000/secret-token"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def dead_url() -> str:
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/services/secret-token"


def run_cli(args, env):
    env = {k: v for k, v in env.items() if k not in ("PREFECT_API_URL", "CLAIMTRACK_DIGEST_WEBHOOK")}
    return subprocess.run(claimtrack_cmd() + args, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def day(cli_env):
    db = cli_env["CLAIMTRACK_DB"]
    article = store(db, SECOND, "https://news.example/second", "Second")
    ids = claim_ids(db, article)
    record_status([StatusChange(ids[1], "supported", confidence=0.8)], db)
    record_status([StatusChange(ids[0], "refuted", actor="Ada", human=True, note="NATO says 8")], db)
    return db


def test_the_cli_prints_the_digest_and_posts_it_once(day, cli_env, hook):
    result = run_cli(["digest", "--webhook", hook.url, "--allow-host", "127.0.0.1"], cli_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Morning digest") and "the last 24 hours" in result.stdout
    assert "Russia expelled 60 American diplomats in 2018, officials said\\." in result.stdout
    assert len(hook.posts) == 1
    path, content_type, payload = hook.posts[0]
    assert path == "/services/T000/B000/secret-token" and content_type == "application/json"
    assert "2 new claims in 1 new article, 2 verdict changes, 1 review" in payload["text"]
    message = "\n".join(b["text"]["text"] for b in payload["blocks"] if b["type"] == "section")
    assert "Russia expelled 60 American diplomats in 2018, officials said." in message
    assert "NATO cut the Russian mission to 20 out of 30 positions in 2018." in message
    assert "*unverified → supported* by pipeline" in message and "*refuted* (was unverified) by Ada: NATO says 8" in message
    assert "secret-token" not in result.stderr and "digest posted to http://127.0.0.1:" in result.stderr


# What is wrong with the webhook -> the one line it gets, and how many POSTs the server saw (one retry at most).
BAD_WEBHOOKS = [
    pytest.param("dead", True, [], "cannot connect: Connection refused (2 attempts)", 0, id="nobody-listening"),
    pytest.param("hook", False, [], "refused: 127.0.0.1 is a private address (allow it with --allow-host 127.0.0.1)",
                 0, id="loopback-not-allowed"),
    pytest.param("hook", True, [500, 503], "answered HTTP 503 Service Unavailable (2 attempts)", 2,
                 id="server-error-retried-once"),
    pytest.param("hook", True, [404], "answered HTTP 404 Not Found", 1, id="client-error-not-retried"),
    pytest.param("ftp://127.0.0.1/hook", True, [], "the webhook must be an http(s) URL, not ftp://127.0.0.1", 0,
                 id="not-http"),
]


@pytest.mark.parametrize("where, allow, answers, message, posts", BAD_WEBHOOKS)
def test_a_failed_post_is_one_line_and_a_non_zero_exit(day, cli_env, hook, where, allow, answers, message, posts):
    hook.answers[:] = answers
    url = {"dead": dead_url(), "hook": hook.url}.get(where, where)
    args = ["digest", "--webhook", url] + (["--allow-host", "127.0.0.1"] if allow else [])
    result = run_cli(args, cli_env)
    assert result.returncode == 1
    assert result.stdout.startswith("# Morning digest")  # printed before the POST, whatever became of it
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("claimtrack: digest webhook ") and message in result.stderr
    assert "secret-token" not in result.stderr
    assert len(hook.posts) == posts


def test_the_webhook_comes_from_the_environment_too(day, cli_env, hook):
    env = {k: v for k, v in cli_env.items() if k != "PREFECT_API_URL"}
    env["CLAIMTRACK_DIGEST_WEBHOOK"] = hook.url
    result = subprocess.run(claimtrack_cmd() + ["digest", "--allow-host", "127.0.0.1", "--since", "2000-01-01"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "since the time asked for" in result.stdout and len(hook.posts) == 1


# --- the flow, under the Prefect test harness --------------------------------------------------

def latest_digest_artifact():
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    async def latest():
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["daily-digest"])),
                sort=ArtifactSort.CREATED_DESC, limit=1)
            return found[0] if found else None

    return asyncio.run(latest())


@pytest.fixture
def flow_day(prefect_harness, db, monkeypatch):
    store(db, HOSTILE_TEXT, HOSTILE_SOURCE, HOSTILE_TITLE)
    store(db, SECOND, "https://news.example/second", "Second")
    monkeypatch.setenv("CLAIMTRACK_ALLOW_HOSTS", "127.0.0.1")  # what `serve --allow-host 127.0.0.1` sets
    monkeypatch.delenv("CLAIMTRACK_DIGEST_WEBHOOK", raising=False)
    return db


@pytest.mark.parametrize("configured", ["environment", "block"])
def test_the_flow_publishes_the_artifact_and_posts_once(flow_day, hook, monkeypatch, configured):
    from flows.digest import daily_digest

    params = {}
    if configured == "environment":
        monkeypatch.setenv("CLAIMTRACK_DIGEST_WEBHOOK", hook.url)
    else:
        from prefect.blocks.notifications import SlackWebhook

        SlackWebhook(url=hook.url).save("claimtrack-digest-test", overwrite=True)
        params["webhook_block"] = "claimtrack-digest-test"
    state = daily_digest(db=flow_day, return_state=True, **params)
    assert state.is_completed(), state.message
    assert len(hook.posts) == 1
    message = json.dumps(hook.posts[0][2], ensure_ascii=False)
    assert "NATO cut the Russian mission to 20 out of 30 positions in 2018." in message
    artifact = latest_digest_artifact()
    assert artifact.flow_run_id == state.state_details.flow_run_id
    assert "NATO cut the Russian mission to 20 out of 30 positions in 2018\\." in artifact.data
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in artifact.data and "<img" not in artifact.data


def test_a_dead_webhook_fails_the_post_task_and_the_artifact_is_still_published(flow_day, monkeypatch):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    from flows.digest import daily_digest

    monkeypatch.setenv("CLAIMTRACK_DIGEST_WEBHOOK", dead_url())
    state = daily_digest(db=flow_day, return_state=True)
    assert state.is_failed()
    assert "digest webhook http://127.0.0.1:" in state.message and "Connection refused (2 attempts)" in state.message
    assert "secret-token" not in state.message
    flow_run_id = state.state_details.flow_run_id

    async def task_states():
        async with get_client() as client:
            runs = await client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            return {run.name: run.state.type.value for run in runs}

    assert asyncio.run(task_states()) == {"post-digest": "FAILED"}
    artifact = latest_digest_artifact()
    assert artifact.flow_run_id == flow_run_id and "# Morning digest" in artifact.data


def test_the_flow_publishes_the_digest_artifact(flow_day):
    from flows.digest import daily_digest

    state = daily_digest(db=flow_day, return_state=True)
    digest = state.result()
    assert digest.basis == "the last 24 hours"  # no previous run of the deployment
    artifact = latest_digest_artifact()
    assert artifact.flow_run_id == state.state_details.flow_run_id and artifact.data == digest.markdown
    assert "NATO cut the Russian mission to 20 out of 30 positions in 2018\\." in artifact.data
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in artifact.data and "<img" not in artifact.data

    since = daily_digest(db=flow_day, since=utcnow() - timedelta(hours=1), top=1)
    assert since.basis == "since the time asked for" and "The 1 most check-worthy of" in since.markdown


def test_post_false_publishes_the_artifact_only(flow_day, hook, monkeypatch):
    """What `claimtrack digest` runs with an API: it posts the digest itself, once."""
    from flows.digest import daily_digest

    monkeypatch.setenv("CLAIMTRACK_DIGEST_WEBHOOK", hook.url)
    digest = daily_digest(db=flow_day, post=False)
    assert not hook.posts and latest_digest_artifact().data == digest.markdown
