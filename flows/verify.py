"""The ``verify_claims`` flow: select claims → fetch their sources → retrieve → decide → store.

One task per batch of claims; each batch's fetch records, snapshots, evidence and status events
are written in one transaction. ``check_claim`` is the same pipeline for one ad-hoc claim that
stores nothing; ``check_and_store`` keeps such a claim as a one-claim article and runs the flow on it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from claims.extract import claim_article, extract
from claims.passages import SourceText, passages_from_html, passages_from_text
from claims.verdict import RATING_CUE, Verdict, boost, decide
from flows.fetch import FetchPolicy, FetchRequest, Fetched, fetch_all, read_local
from flows.inputs import is_url
from flows.markdown import escape, md_table
from warehouse import DEFAULT_DB, connect
from warehouse.db import transaction
from warehouse.evidence import (
    ClaimToVerify,
    add_source,
    Retrieved,
    claims_to_verify,
    ensure_fts_index,
    rank_adhoc,
    retrieve,
    sources_for_articles,
    store_evidence,
    store_fetch,
    validators,
)
from warehouse.status import StatusChange, record_status_in
from warehouse.store import store_articles

__all__ = ["CheckResult", "VerifyReport", "check_and_store", "check_claim", "verify_claims"]

TOP_K = 5  # evidence passages kept per claim
CANDIDATES = 20  # passages ranked by BM25 before boosting
DEFAULT_BATCH = 50


@dataclass
class VerifyReport:
    checked: int = 0
    changed: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    source_failures: list[tuple[str, str]] = field(default_factory=list)  # (location, error)
    flagged: list[int] = field(default_factory=list)  # claims where the machine now disagrees with a reviewer
    rows: list[dict] = field(default_factory=list)  # one per claim, for the artifact and the CLI
    results: dict[int, "CheckResult"] = field(default_factory=dict)  # claim id -> its verdict and evidence


@dataclass(frozen=True, slots=True)
class CheckResult:
    verdict: Verdict
    evidence: tuple[tuple[Retrieved, str], ...]  # (passage, stance)


def parse_source(fetched: Fetched) -> SourceText | None:
    if not fetched.ok or fetched.body is None:
        return None
    if fetched.content_type == "text/plain":
        return passages_from_text(fetched.body.decode("utf-8", errors="replace"))
    return passages_from_html(fetched.body)


def gather(locations: Sequence[str], policy: FetchPolicy, known: dict[str, tuple[str | None, str | None, str | None]] | None = None) -> list[Fetched]:
    """Fetch URLs concurrently and read local files; conditional where validators are known."""
    known = known or {}
    urls = [loc for loc in locations if is_url(loc)]
    requests = [FetchRequest(u, *known.get(u, (None, None, None))[:2]) for u in urls]
    fetched_urls = dict(zip(urls, asyncio.run(fetch_all(requests, policy)))) if requests else {}
    return [fetched_urls[loc] if is_url(loc) else read_local(loc, policy.max_bytes) for loc in locations]


def rank_and_decide(claim: ClaimToVerify, candidates: Sequence[Retrieved]) -> CheckResult:
    """Boost BM25 candidates that share the claim's figures, dates and names; decide on the top k."""
    boosted = [
        Retrieved(r.passage_id, r.source_id, r.location, r.text, r.start, r.end,
                  round(r.score + boost(claim.text, claim.quantities, claim.dates, r.text), 4), r.kind)
        for r in candidates
    ]
    top = sorted(boosted, key=lambda r: (-r.score, r.passage_id or 0))[:TOP_K]
    verdict = decide(claim.text, claim.quantities, claim.dates, [r.text for r in top], published=claim.published,
                     sources=[r.location for r in top])
    return CheckResult(verdict, tuple(zip(top, (s.stance for s in verdict.stances))))


@task(retries=1, retry_delay_seconds=5, task_run_name="verify-batch-{number}")
def verify_batch(claims: list[ClaimToVerify], db: str, policy: FetchPolicy, number: int) -> VerifyReport:
    report = VerifyReport()
    articles = sorted({c.article_id for c in claims})
    with connect(db, read_only=True) as con:
        sources = sources_for_articles(con, articles)
        known = validators(con, [s.source_id for s in sources])
    # One fetch per location, even when a location is registered for several articles.
    locations = list(dict.fromkeys(s.location for s in sources))
    stored_validators = {}
    for s in sources:
        if s.source_id in known:
            stored_validators.setdefault(s.location, known[s.source_id])
    fetched = dict(zip(locations, gather(locations, policy, stored_validators)))
    parsed = {location: parse_source(f) for location, f in fetched.items()}
    for f in fetched.values():
        if not f.ok:
            report.source_failures.append((f.url, f.error or "failed"))
    with connect(db) as con, transaction(con):
        for s in sources:
            store_fetch(con, s.source_id, fetched[s.location], parsed[s.location])
        ensure_fts_index(con)
        changes = []
        for claim in claims:
            source_ids = [s.source_id for s in sources if s.article_id in (None, claim.article_id)]
            result = rank_and_decide(claim, retrieve(con, claim.text, source_ids, CANDIDATES, cue=RATING_CUE))
            evidence_ids = store_evidence(con, claim.claim_id, list(result.evidence))
            decided = [eid for eid, (_, stance) in zip(evidence_ids, result.evidence) if stance != "neutral"]
            changes.append(
                StatusChange(claim.claim_id, result.verdict.status, result.verdict.confidence,
                             evidence_ids=tuple(decided), note=result.verdict.reason)
            )
            best = result.evidence[0][0] if result.evidence else None
            report.rows.append({
                "claim_id": claim.claim_id,
                "claim": claim.text,
                "verdict": result.verdict.status,
                "confidence": result.verdict.confidence,
                "reason": result.verdict.reason,
                "evidence": best.text if best else "",
                "source": best.location if best else "",
            })
            report.results[claim.claim_id] = result
            report.verdicts[result.verdict.status] = report.verdicts.get(result.verdict.status, 0) + 1
        outcome = record_status_in(con, changes)
    report.checked = len(claims)
    report.changed = len(outcome.appended)
    report.flagged = list(outcome.flagged)
    return report


@flow(name="verify-claims")
def verify_claims(
    db: str = DEFAULT_DB,
    status: str | None = "unverified",
    article: str | None = None,
    stale_days: float | None = None,
    limit: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    allow_private: bool = False,
    allow_hosts: list[str] | None = None,
    respect_robots: bool = True,
    sources_file: str | None = None,
) -> VerifyReport:
    """Verify claims against their sources; a status event only where the verdict changed.

    ``allow_hosts`` lets named hosts through the private-address guard (e.g. ``127.0.0.1``);
    ``sources_file`` is a TOML file whose ``[[sources]]`` (location, label, article) are
    registered before verifying.
    """
    logger = get_run_logger()
    policy = FetchPolicy(allow_private=allow_private, respect_robots=respect_robots,
                         allowed_hosts=frozenset(allow_hosts or ()))
    if sources_file:
        for entry in read_sources_file(sources_file):
            add_source(entry["location"], label=entry.get("label"), article_id=entry.get("article"), db=db)
    with connect(db, read_only=True) as con:
        selected = claims_to_verify(con, status=status, article=article, stale_days=stale_days, limit=limit)
    total = VerifyReport()
    batches = range(0, len(selected), batch_size)
    progress = create_progress_artifact(0.0, description="Claims verified so far") if len(batches) > 1 else None
    for number, start in enumerate(batches, start=1):
        part = verify_batch(selected[start : start + batch_size], db, policy, number)
        if progress is not None:
            update_progress_artifact(progress, 100.0 * min(start + batch_size, len(selected)) / len(selected))
        total.checked += part.checked
        total.changed += part.changed
        total.flagged += part.flagged
        total.rows += part.rows
        total.results.update(part.results)
        for key, value in part.verdicts.items():
            total.verdicts[key] = total.verdicts.get(key, 0) + value
        for failure in part.source_failures:
            if failure not in total.source_failures:
                total.source_failures.append(failure)
    for location, error in total.source_failures:
        logger.warning("source failed: %s: %s", location, error)
    _artifacts(total)
    return total


def read_sources_file(path: str) -> list[dict]:
    """``[[sources]]`` entries of a TOML file: location (required), label, article."""
    import tomllib

    from warehouse import WarehouseError

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise WarehouseError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise WarehouseError(f"{path}: not valid TOML: {exc}") from None
    entries = data.get("sources", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("location"), str) for e in entries):
        raise WarehouseError(f"{path}: expected [[sources]] tables, each with a location")
    return entries


def _artifacts(report: VerifyReport) -> None:
    lines = [
        "# Verification run",
        "",
        f"- claims checked: {report.checked}",
        f"- status changes: {report.changed}",
        *(f"- {escape(k)}: {v}" for k, v in sorted(report.verdicts.items())),
    ]
    if report.flagged:
        lines.append(f"- machine now disagrees with a reviewer on claims: {', '.join(map(str, report.flagged))}")
    if report.source_failures:
        lines += ["", "## Sources that failed", "", md_table(["source", "error"], [list(f) for f in report.source_failures])]
    create_markdown_artifact(key="verify-summary", markdown="\n".join(lines), description="Last verification run")
    if report.rows:
        create_table_artifact(
            table=[{k: escape(v) if isinstance(v, str) else v for k, v in row.items()} for row in report.rows],
            key="verify-verdicts",
            description="Verdicts of the last verification run",
        )


def check_and_store(
    text: str, sources: Sequence[str], *, db: str = DEFAULT_DB, allow_hosts: Sequence[str] = (), respect_robots: bool = True
) -> tuple[int, VerifyReport]:
    """``verify-claim --store``: keep the claim as a one-claim article of its own, register the sources
    for it, and verify it with the flow, so that its evidence and status events are stored as any
    claim's are (sources registered for every article count too). Returns the claim's id and the run."""
    article = claim_article(text)
    store_articles([article], db)
    for location in dict.fromkeys(sources):
        add_source(location, article_id=article.id, db=db)
    report = verify_claims(db=db, status=None, article=article.id, allow_hosts=list(allow_hosts),
                           respect_robots=respect_robots)
    # The article's one claim; an article with this very text ingested earlier keeps its own claims.
    rows = sorted(report.rows, key=lambda row: (row["claim"] != article.text, row["claim_id"]))
    return rows[0]["claim_id"], report


def check_claim(text: str, sources: Sequence[str], policy: FetchPolicy = FetchPolicy()) -> tuple[CheckResult, list[Fetched]]:
    """Verify one claim against the given sources without touching the warehouse."""
    fetched = gather(list(dict.fromkeys(sources)), policy)
    documents = [(f.url, p) for f in fetched if (p := parse_source(f)) is not None]
    parts = extract(text)
    claim = ClaimToVerify(
        claim_id=0, article_id="", text=text, published=None, checkworthiness=1.0,
        quantities=tuple(q for c in parts for q in c.quantities), dates=tuple(d for c in parts for d in c.dates),
    )
    return rank_and_decide(claim, rank_adhoc(documents, text, CANDIDATES, cue=RATING_CUE)), fetched
