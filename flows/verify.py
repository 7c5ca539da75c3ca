"""The ``verify_claims`` flow: select claims → fetch their sources → read their snapshots → verify → store.

One task per batch of claims. A batch fetches its sources (conditionally), stores the fetches and any
new snapshot (passages and tables), reads each needed snapshot back from the warehouse once, as a
:class:`claims.documents.Document` (one per content hash, kept for the rest of the run), and calls
:func:`claims.verdict.verify` per claim with the documents of that claim's sources (those registered
for its article or for every article; a page registered twice counts once; never the claim's own
article, by its location or its text: :mod:`flows.sources`). The evidence of the whole
batch is one insert, with the verifier's explanation and the deciding passage (a table row is a
passage too), and so are its fetch records; fetch records, snapshots, evidence and status events are
written in one transaction.

``check_claim`` is the same check for one ad-hoc claim that stores nothing (HTML, text, CSV and TSV
sources); ``check_and_store`` keeps such a claim as a one-claim article and runs the flow on it.
"""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from claims.documents import Document
from claims.extract import claim_article
from claims.model import Verdict
from claims.passages import (
    SourceText,
    passages_from_delimited,
    passages_from_html,
    passages_from_text,
)
from claims.verdict import verify
from flows.fetch import Fetched, FetchPolicy, FetchRequest, fetch_all, read_local
from flows.inputs import is_url
from flows.localfiles import check_database
from flows.markdown import escape, md_table, table_cell
from flows.sources import article_key, read_sources_file, same_location
from warehouse import DEFAULT_DB, connect
from warehouse.db import write
from warehouse.evidence import (
    ClaimToVerify,
    EvidencePassage,
    Snapshot,
    SourceRow,
    add_source,
    claims_to_verify,
    current_snapshots,
    load_snapshots,
    sources_for_articles,
    store_evidence,
    store_fetches,
    validators,
)
from warehouse.status import StatusChange, StatusResult, record_status_in
from warehouse.store import store_articles

__all__ = ["CheckResult", "VerifyReport", "check_and_store", "check_claim", "parse_source", "verify_claims"]

DEFAULT_BATCH = 50
DECIDING, SHOWN = 1.0, 0.0  # evidence score: it decided (part of) the claim / a related passage shown
# Delimited sources by content type (local files get theirs from their suffix in flows.fetch.read_local).
DELIMITERS = {"text/csv": ",", "text/tab-separated-values": "\t"}


@dataclass
class VerifyReport:
    checked: int = 0
    changed: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    source_failures: list[tuple[str, str]] = field(default_factory=list)  # (location, error)
    self_sources: list[tuple[str, str]] = field(default_factory=list)  # (location, article id): the article itself
    # Claims not checked because none of their sources could be read (claim id -> text): no evidence,
    # no status event, no check recorded, so their status stays as it was and the next run tries again.
    unreached: dict[int, str] = field(default_factory=dict)
    flagged: list[int] = field(default_factory=list)  # claims where the machine now disagrees with a reviewer
    rows: list[dict] = field(default_factory=list)  # one per claim, for the artifact and the CLI
    results: dict[int, "CheckResult"] = field(default_factory=dict)  # claim id -> its verdict and evidence


@dataclass(frozen=True, slots=True)
class CheckResult:
    verdict: Verdict
    # The verdict's evidence in its order: (passage with its location, offsets and explanation, stance).
    evidence: tuple[tuple[EvidencePassage, str], ...]

    @property
    def best(self) -> EvidencePassage | None:
        """The first evidence that decides something, else the first passage shown."""
        deciding = [e for e, stance in self.evidence if stance != "neutral"]
        return deciding[0] if deciding else (self.evidence[0][0] if self.evidence else None)


@dataclass(frozen=True, slots=True)
class _Source:
    """A document the verifier reads, with where its evidence rows point in the warehouse."""

    document: Document
    source_id: int | None = None
    passage_ids: tuple[int, ...] | None = None  # aligned with document.source.passages; None ad hoc


class RunSnapshots:
    """The snapshots a run has read, by content hash, shared by its batches (in this process).

    Passed to each batch task; it pickles as an empty cache (Prefect hashes task inputs, and a cache
    sent to another process would only be a copy), so it costs nothing to hash however much it holds."""

    def __init__(self) -> None:
        self.by_hash: dict[str, Snapshot] = {}

    def __reduce__(self):
        return (RunSnapshots, ())


def _title(location: str) -> str | None:
    """A delimited file's name as its table's caption: ".../uk-population_2021.csv" -> "uk population 2021"."""
    path = urlsplit(location).path if is_url(location) else location
    stem = PurePosixPath(path.replace("\\", "/")).stem
    return re.sub(r"[-_]+", " ", stem).strip() or None


def parse_source(fetched: Fetched) -> SourceText | None:
    """A fetched body as passages and tables: HTML, plain text, or CSV/TSV (one table)."""
    if not fetched.ok or fetched.body is None:
        return None
    if fetched.content_type in DELIMITERS:
        text = fetched.body.decode("utf-8-sig", errors="replace")
        return passages_from_delimited(text, title=_title(fetched.final_url or fetched.url),
                                       delimiter=DELIMITERS[fetched.content_type])
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


def judge(claim: ClaimToVerify, sources: Sequence[_Source]) -> CheckResult:
    """The verifier's verdict on a claim, its evidence mapped to passages of these sources."""
    verdict = verify(claim.text, [s.document for s in sources], published=claim.published,
                     quantities=claim.quantities, dates=claim.dates)
    evidence = []
    for e in verdict.evidence:
        source = sources[e.document]
        passages = source.document.source.passages
        score = SHOWN if e.stance == "neutral" else DECIDING
        if 0 <= e.passage < len(passages):
            p = passages[e.passage]
            passage_id = source.passage_ids[e.passage] if source.passage_ids is not None else None
            item = EvidencePassage(passage_id, source.source_id, source.document.location, p.text, p.start, p.end,
                                   score, p.kind, e.explanation)
        else:  # the verifier named no passage: its explanation is all there is to show
            item = EvidencePassage(None, source.source_id, source.document.location, e.explanation, None, None,
                                   score, "paragraph", e.explanation)
        evidence.append((item, e.stance))
    return CheckResult(verdict, tuple(evidence))


def _claim_sources(claim: ClaimToVerify, sources: Sequence[SourceRow], current: dict[int, str],
                   snapshots: dict[str, Snapshot], report: VerifyReport) -> tuple[list[_Source], int]:
    """The documents a claim is checked against: its article's sources and the global ones, by source id;
    a snapshot shared by two sources (the same page registered twice) counts once, for the first.
    Never the article itself: a source at the article's own location, or whose page is the article's
    text (the snapshot's article key is the claim's article id), is left out and noted in ``report``.
    Also returns how many of the claim's sources have no snapshot to read (their fetches failed)."""
    out, seen, unread = [], set(), 0
    for s in sources:
        if s.article_id not in (None, claim.article_id):
            continue
        if same_location(s.location, claim.article_source):
            _note_self(report, s.location, claim.article_id)
            continue
        content_hash = current.get(s.source_id)
        if content_hash not in snapshots:
            unread += 1
            continue
        snapshot = snapshots[content_hash]
        if snapshot.article_key == claim.article_id:
            _note_self(report, s.location, claim.article_id)
            continue
        if content_hash in seen:
            continue
        seen.add(content_hash)
        out.append(_Source(Document(s.location, snapshot.source), s.source_id, snapshot.passage_ids))
    return out, unread


def _note_self(report: VerifyReport, location: str, article_id: str) -> None:
    if (location, article_id) not in report.self_sources:
        report.self_sources.append((location, article_id))


@task(retries=1, retry_delay_seconds=5, task_run_name="verify-batch-{number}")
def verify_batch(claims: list[ClaimToVerify], db: str, policy: FetchPolicy, number: int,
                 run: RunSnapshots | None = None) -> VerifyReport:
    """Verify one batch. ``run``: the snapshots the run has read so far; the batch reads the others
    and adds them once its transaction has committed (a retried batch reads them again)."""
    report = VerifyReport()
    snapshots = (run or RunSnapshots()).by_hash
    articles = sorted({c.article_id for c in claims})
    own = {c.article_id: c.article_source for c in claims}
    with connect(db, read_only=True) as con:
        sources = []
        for s in sources_for_articles(con, articles):
            if s.article_id is not None and same_location(s.location, own.get(s.article_id)):
                _note_self(report, s.location, s.article_id)  # registered for its own article: not even fetched
            else:
                sources.append(s)
        known = validators(con, [s.source_id for s in sources])
    # One fetch per location, even when a location is registered for several articles.
    locations = list(dict.fromkeys(s.location for s in sources))
    stored_validators = {}
    for s in sources:
        if s.source_id in known:
            stored_validators.setdefault(s.location, known[s.source_id])
    fetched = dict(zip(locations, gather(locations, policy, stored_validators)))
    parsed = {location: parse_source(f) for location, f in fetched.items()}
    keys = {location: article_key(f) for location, f in fetched.items()}  # the article this page would be
    for f in fetched.values():
        if not f.ok:
            report.source_failures.append((f.url, f.error or "failed"))
    fetched_report = report

    def write_batch(con) -> tuple[VerifyReport, dict, StatusResult]:
        """The batch's writes and verdicts: run again whole after a commit conflict on a lake, so it builds
        its report afresh from what the fetches left in it."""
        report = copy.deepcopy(fetched_report)
        store_fetches(con, [(s.source_id, fetched[s.location], parsed[s.location], keys[s.location]) for s in sources])
        current = current_snapshots(con, [s.source_id for s in sources])
        read = load_snapshots(con, [h for h in set(current.values()) if h not in snapshots])
        available = {**snapshots, **read}
        checked = []
        for claim in claims:
            documents, unread = _claim_sources(claim, sources, current, available, report)
            if unread and not documents:  # every source it has failed: a fetch failure, not a verdict
                report.unreached[claim.claim_id] = claim.text
            else:
                checked.append((claim, judge(claim, documents)))
        evidence_ids = store_evidence(con, [(claim.claim_id, result.evidence) for claim, result in checked])
        changes = []
        for (claim, result), ids in zip(checked, evidence_ids):
            decided = [eid for eid, (_, stance) in zip(ids, result.evidence) if stance != "neutral"]
            changes.append(
                StatusChange(claim.claim_id, result.verdict.status, result.verdict.confidence,
                             evidence_ids=tuple(decided), note=result.verdict.reason)
            )
            best = result.best
            report.rows.append({
                "claim_id": claim.claim_id,
                "claim": claim.text,
                "verdict": result.verdict.status,
                "confidence": result.verdict.confidence,
                "reason": result.verdict.reason,
                "evidence": best.text if best else "",
                "source": best.location if best else "",
                "explanation": best.explanation if best else "",
            })
            report.results[claim.claim_id] = result
            report.verdicts[result.verdict.status] = report.verdicts.get(result.verdict.status, 0) + 1
        report.checked = len(checked)
        return report, read, record_status_in(con, changes)

    report, read, outcome = write(db, write_batch, what=f"verify batch {number}")
    snapshots.update(read)  # committed: their passage ids stand for the rest of the run
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

    A claim whose sources all failed to fetch (refused by the address guard, dead, timed out) and
    have no earlier snapshot is not checked: the failures are rows of ``source_fetches``, the claim
    keeps its status and gets no evidence, event or check, and the next run (``unverified``, the
    default) tries it again. A claim with at least one source read is verified as usual.

    ``allow_hosts`` lets named hosts through the private-address guard (e.g. ``127.0.0.1``);
    ``sources_file`` is a TOML file whose ``[[sources]]`` (location, label, article) are
    registered before verifying, relative paths relative to the file (``flows.sources``).
    """
    check_database(db)
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
    run = RunSnapshots()  # each snapshot is read once per run, whichever batch needs it first
    for number, start in enumerate(batches, start=1):
        part = verify_batch(selected[start : start + batch_size], db, policy, number, run)
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
        total.self_sources += [s for s in part.self_sources if s not in total.self_sources]
        total.unreached.update(part.unreached)
    for location, error in total.source_failures:
        logger.warning("source failed: %s: %s", location, error)
    _artifacts(total)
    return total


def _artifacts(report: VerifyReport) -> None:
    lines = [
        "# Verification run",
        "",
        f"- claims checked: {report.checked}",
        f"- status changes: {report.changed}",
        *(f"- {escape(k)}: {v}" for k, v in sorted(report.verdicts.items())),
    ]
    if report.unreached:
        lines.append(f"- left as they were, none of their sources could be read (tried again next run): "
                     f"{len(report.unreached)} claims ({', '.join(map(str, sorted(report.unreached)))})")
    if report.flagged:
        lines.append(f"- machine now disagrees with a reviewer on claims: {', '.join(map(str, report.flagged))}")
    if report.source_failures:
        lines += ["", "## Sources that failed", "", md_table(["source", "error"], [list(f) for f in report.source_failures])]
    if report.self_sources:
        lines += ["", "## Sources not used: the article itself", "",
                  md_table(["source", "article"], [list(s) for s in report.self_sources])]
    create_markdown_artifact(key="verify-summary", markdown="\n".join(lines), description="Last verification run")
    if report.rows:
        create_table_artifact(
            table=[{k: table_cell(v, 300) for k, v in row.items()} for row in report.rows],
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
    # A claim none of whose sources could be read has no row, only its place in ``report.unreached``.
    candidates = [(row["claim_id"], row["claim"]) for row in report.rows] + list(report.unreached.items())
    return min(candidates, key=lambda c: (c[1] != article.text, c[0]))[0], report


def check_claim(text: str, sources: Sequence[str], policy: FetchPolicy = FetchPolicy()) -> tuple[CheckResult, list[Fetched]]:
    """Verify one claim against the given sources without touching the warehouse.

    The claim is read as ``verify-claim --store`` would store it (its figures and dates as ``extract``
    finds them); a document fetched twice (the same content from two locations) counts once."""
    fetched = gather(list(dict.fromkeys(sources)), policy)
    documents, seen = [], set()
    for f in fetched:
        parsed = parse_source(f)
        if parsed is not None and f.content_hash not in seen:
            seen.add(f.content_hash)
            documents.append(_Source(Document(f.url, parsed)))
    article = claim_article(text)
    found = article.claims[0] if article.claims else None
    claim = ClaimToVerify(
        claim_id=0, article_id="", text=article.text, published=None, checkworthiness=1.0,
        quantities=found.quantities if found else (), dates=found.dates if found else (),
    )
    return judge(claim, documents), fetched
