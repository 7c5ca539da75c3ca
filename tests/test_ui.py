"""The dashboard in the real Prefect UI: a real server, ingest + verify of the seed, headless Chromium.

Also the escaping check: an article whose headline and text hold Markdown, HTML and a ``<script>``
tag must show that text literally on every artifact page, and nothing of it may run or render.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.conftest import ROOT, SEED

pytest_plugins = ["tests.conftest_server"]

EVIL_TITLE = "**Breaking** <b>NATO</b> [click](http://example.invalid) <script>window.__pwned=1</script>"
EVIL_CLAIM = ('Officials said 40 <b>diplomats</b> and **12 attachés** left Moscow in October 2021 '
              '(https://evil.example) <img src=x onerror="window.__pwned=2">.')
# A file name is untrusted text too: it shows in the ingest run's table.
EVIL_FILE = "brief **NATO** [click](javascript:alert(1)) <img src=x onerror=window.__pwned=3>.txt"
EVIL_HTML = f"""<html><head><title>{EVIL_TITLE.replace('<', '&lt;').replace('>', '&gt;')}</title></head>
<body><article><p>{EVIL_CLAIM.replace('<', '&lt;').replace('>', '&gt;')}</p>
<p>The ministry said more than 100 staff worked at the mission in 2020.</p></article></body></html>
"""
# Elements the untrusted text would create if it were rendered instead of shown.
# (The UI's own links, to /artifacts/key/<key>, are not article text.)
INJECTED = """[...document.querySelectorAll('b, strong, em, img, script, a:not([href^="/"])')].filter(e =>
    /NATO|diplomats|attachés|\\bclick\\b|pwned|evil\\.example/.test(e.textContent) || e.getAttribute('src') === 'x')
    .map(e => e.outerHTML)"""


@dataclass(frozen=True)
class World:
    url: str
    db: str
    artifacts: dict[str, str]  # key -> id of its latest version
    seed_claim: str  # text of the first seed claim in the review queue
    evil_key: str
    first_card: dict  # the review queue's first row (review_batch), as the first card shows it
    links: dict[str, str]  # page key -> the address `claimtrack links` prints


def latest_artifact(key: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
                                      sort=ArtifactSort.CREATED_DESC, limit=1)
    assert found, f"no artifact with key {key}"
    return str(found[0].id)


@pytest.fixture(scope="module")
def world(prefect_server, tmp_path_factory) -> World:
    """Ingest the seed and the hostile article and verify them with the CLI against the server, as a user
    would: the commands refresh the dashboard themselves (no deployment run involved)."""
    import subprocess

    from flows.dashboard import article_key
    from tests.conftest import claimtrack_cmd
    from tests.conftest_server import prefect_env
    from warehouse import run_readonly_sql
    from warehouse.dashboard import review_batch

    work = tmp_path_factory.mktemp("ui")
    db = str(work / "claims.duckdb")
    evil = work / "breaking.html"
    evil.write_text(EVIL_HTML, encoding="utf-8")
    evil_file = work / EVIL_FILE
    evil_file.write_text("The council said 12 roads were closed in 2021.", encoding="utf-8")
    env = prefect_env(prefect_server.home, prefect_server.api)

    def claimtrack(*args: str) -> str:
        done = subprocess.run([*claimtrack_cmd(), *args, "--db", db], env=env, cwd=ROOT / "config",
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    claimtrack("ingest", str(SEED), str(evil), str(evil_file))
    claimtrack("verify", "--sources-file", str(ROOT / "config" / "sources.toml"))
    links = dict(line.split(": ", 1) for line in claimtrack_links(env).splitlines())
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: prefect_server.api}):
        evil_id, evil_title = run_readonly_sql(db, f"SELECT article_id, title FROM articles WHERE source = '{evil}'").rows[0]
        evil_key = article_key(evil_id, evil_title)
        artifacts = {key: latest_artifact(key)
                     for key in ("claims-dashboard", "review-queue", "review-queue-table", evil_key, "ingest-articles")}
    assert links["review-queue"].endswith(f"/artifacts/artifact/{artifacts['review-queue']}")
    queue = review_batch(db, limit=10)
    seed_claim = next(r[3] for r in queue.rows if r[1] != evil_id)
    return World(prefect_server.url, db, artifacts, seed_claim, evil_key, dict(zip(queue.columns, queue.rows[0])),
                 links)


def claimtrack_links(env: dict) -> str:
    """What `claimtrack links` prints (and `make ui` shows): the pages' addresses."""
    import subprocess

    from tests.conftest import claimtrack_cmd

    done = subprocess.run([*claimtrack_cmd(), "links"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


# The box of the innermost element whose text contains the needle, or null.
BOX_OF = """(needle => {
    const hits = [...document.querySelectorAll('body *')].filter(e => e.innerText && e.innerText.includes(needle));
    if (!hits.length) return null;
    const r = hits.reduce((a, b) => a.innerText.length <= b.innerText.length ? a : b).getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
})"""


def visible_in_viewport(chromium, needle: str) -> bool:
    import json

    box = chromium.evaluate(f"{BOX_OF}({json.dumps(needle)})")
    width, height = chromium.evaluate("[window.innerWidth, window.innerHeight]")
    return bool(box) and box["top"] >= 0 and box["left"] >= 0 and box["bottom"] <= height and box["right"] <= width


def test_the_review_queue_url_opens_on_a_card_a_reviewer_can_decide_from(world, chromium, tmp_path):
    # A laptop screen, and the address `make ui` prints (`claimtrack links`), which shows the latest version.
    chromium.send("Emulation.setDeviceMetricsOverride", width=1366, height=768, deviceScaleFactor=1, mobile=False)
    chromium.goto(world.links["review-queue"])
    card = world.first_card
    chromium.wait_for_text(card["text"][:60])
    verdict = f"Claim {card['claim_id']}: suggested {card['suggested_status']}"
    evidence = "Evidence:"
    chromium.screenshot(tmp_path / "review-cards.png", scale=0.7)  # copied once to docs/review-cards.png
    for needle in (card["text"][:60], verdict, evidence):
        assert visible_in_viewport(chromium, needle), f"{needle!r} is not inside the 1366x768 viewport"


def test_review_queue_table_shows_a_seed_claim(world, chromium, tmp_path):
    chromium.goto(f"{world.url}/artifacts/artifact/{world.artifacts['review-queue-table']}")
    text = chromium.wait_for_text(world.seed_claim[:60])
    assert "suggested verdict" in text and "also in" in text
    shot = chromium.screenshot(tmp_path / "review-queue.png")
    assert shot.stat().st_size > 10_000


def test_dashboard_page_shows_counts_and_articles(world, chromium, tmp_path):
    chromium.goto(f"{world.url}/artifacts/artifact/{world.artifacts['claims-dashboard']}")
    text = chromium.wait_for_text("Claims by status")
    for heading in ("Since the previous dashboard", "Most check-worthy claims still unverified", "Articles",
                    "Sources that failed", "nato-russia-2021-10"):
        assert heading in text
    chromium.screenshot(tmp_path / "dashboard.png")
    chromium.screenshot(tmp_path / "dashboard-small.png", scale=0.6)  # copied once to docs/dashboard.png


# page -> literal strings that must appear as text (escaped on the way in, shown as written)
ESCAPED_PAGES = [
    pytest.param("claims-dashboard", ["**Breaking** <b>NATO</b> [click]"], id="dashboard-markdown"),
    pytest.param("article", [EVIL_CLAIM], id="article-table"),
    pytest.param("review-queue", [EVIL_CLAIM], id="review-queue-cards"),
    pytest.param("review-queue-table", [EVIL_CLAIM[:88]], id="review-queue-table"),
    pytest.param("ingest-articles", [EVIL_FILE], id="ingest-table"),
]


@pytest.mark.parametrize("page, literals", ESCAPED_PAGES)
def test_untrusted_text_is_shown_not_rendered(world, chromium, page, literals):
    key = world.evil_key if page == "article" else page
    chromium.goto(f"{world.url}/artifacts/artifact/{world.artifacts[key]}")
    text = chromium.wait_for_text(literals[0][:30])
    for literal in literals:
        assert literal in text
    assert chromium.evaluate("typeof window.__pwned") == "undefined"
    assert chromium.evaluate(INJECTED) == [], "rendered, not shown"


CLICK_BUTTON = """(label => {
    const button = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === label);
    if (button) button.click();
    return Boolean(button);
})"""


def test_the_resume_form_labels_each_choice_with_its_claim(world, prefect_server, chromium, tmp_path):
    import json
    import subprocess
    import sys

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterState, FlowRunFilterStateType
    from prefect.flow_runs import resume_flow_run
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.cards import choice_label
    from flows.review import SUBMIT_BUTTON
    from tests.conftest_server import prefect_env, wait_until
    from warehouse.dashboard import review_batch

    batch = review_batch(world.db, limit=3)
    labels = [choice_label(dict(zip(batch.columns, r))) for r in batch.rows]
    code = (f"from flows.review import review_claims; "
            f"review_claims(db={world.db!r}, how_many=3, timeout_minutes=10, poll_seconds=1)")
    review = subprocess.Popen([sys.executable, "-c", code], env=prefect_env(prefect_server.home, prefect_server.api),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with temporary_settings(updates={PREFECT_API_URL: prefect_server.api}):
            def paused():
                with get_client(sync_client=True) as client:
                    runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(
                        state=FlowRunFilterState(type=FlowRunFilterStateType(any_=["PAUSED"]))))
                return runs[0] if runs else None

            run = wait_until(paused, 120, "a paused review-claims run", 0.5, review)
            chromium.send("Emulation.setDeviceMetricsOverride", width=1366, height=768, deviceScaleFactor=1,
                          mobile=False)
            chromium.goto(f"{world.url}/runs/flow-run/{run.id}")
            wait_until(lambda: chromium.evaluate(f"{CLICK_BUTTON}({json.dumps('Resume')})"), 60, "the Resume button", 0.5)
            text = chromium.wait_for_text(labels[0][:40], reload_every=None)  # the open form: no reload
            chromium.screenshot(tmp_path / "resume-form.png", scale=0.7)  # copied once to docs/resume-form.png
            for label in labels:
                assert label[:80] in text, label
            assert f"press {SUBMIT_BUTTON}" in text  # the instructions name the button under them
            assert chromium.evaluate(f"[...document.querySelectorAll('button')].some(b => b.innerText.trim() === "
                                     f"{json.dumps(SUBMIT_BUTTON)})")
            resume_flow_run(run.id, run_input={"reviewer": "UI test"})  # all skipped: the run completes
        assert review.wait(timeout=120) == 0, review.stderr.read()
    finally:
        if review.poll() is None:
            review.kill()
