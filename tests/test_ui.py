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
    """Ingest the seed and the hostile article, verify against the seed sources, refresh the dashboard."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.dashboard import article_key
    from flows.ingest import ingest_articles
    from flows.serve import verify_pending
    from warehouse.dashboard import review_batch

    work = tmp_path_factory.mktemp("ui")
    db = str(work / "claims.duckdb")
    evil = work / "breaking.html"
    evil.write_text(EVIL_HTML, encoding="utf-8")
    evil_file = work / EVIL_FILE
    evil_file.write_text("The council said 12 roads were closed in 2021.", encoding="utf-8")
    with temporary_settings(updates={PREFECT_API_URL: prefect_server.api}):
        report = ingest_articles([str(SEED), str(evil), str(evil_file)], db=db)
        assert len(report.stored) == 3, report.failures
        ingested = latest_artifact("ingest-articles")
        verify_pending(db=db, sources=str(ROOT / "config" / "sources.toml"))  # ends with refresh_dashboard
        evil_id = next(a for a, source in report.sources.items() if source == str(evil))
        evil_key = article_key(evil_id, EVIL_TITLE)
        artifacts = {key: latest_artifact(key) for key in ("claims-dashboard", "review-queue", evil_key)}
        artifacts["ingest-articles"] = ingested
    queue = review_batch(db, limit=10)
    seed_claim = next(r[3] for r in queue.rows if r[1] != evil_id)
    return World(prefect_server.url, db, artifacts, seed_claim, evil_key)


def test_review_queue_page_shows_a_seed_claim(world, chromium, tmp_path):
    chromium.goto(f"{world.url}/artifacts/artifact/{world.artifacts['review-queue']}")
    text = chromium.wait_for_text(world.seed_claim[:60])
    assert "suggested verdict" in text and "best evidence" in text
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
    pytest.param("review-queue", [EVIL_CLAIM], id="review-queue-table"),
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
